"""The spaCy pipeline: factories, serialization round trips, optional base."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Doc

import cluster_ner
from cluster_ner.errors import ModelLoadError
from cluster_ner.frame import doc_rows
from cluster_ner.pipeline import packaged_models_dir

TEXT = "酒(jiu)泉市(shi)(shi)工(gong)信局副局长出席，酒泉市新能源装备集群产值超300亿元。"


def test_components_are_registered_under_the_project_prefix(nlp):
    custom = [n for n in nlp.pipe_names if n != "ner"]
    assert custom and all(n.startswith("cluster_ner_") for n in custom)


def test_pipeline_round_trips_through_disk(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    loaded = cluster_ner.load(tmp_path / "p")
    assert doc_rows(loaded(TEXT)) == doc_rows(nlp(TEXT))


def test_saved_pipeline_loads_with_plain_spacy_in_a_fresh_process(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "print([(e.label_, e.text) for e in nlp(sys.argv[2]).ents])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p"), "广州市政府发布通知"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[('GOV', '广州市政府')]"


def test_shipped_pipeline_with_plain_spacy_sets_metric_context():
    """spacy.load on the shipped folder runs every component, the context one included."""
    nlp = spacy.load(packaged_models_dir() / "pipeline")
    assert nlp.pipe_names[-1] == "cluster_ner_context"
    doc = nlp("2023年，无锡市物联网集群实现营收4500亿元。")
    metric = [e for e in doc.ents if e.label_ == "METRIC"][0]
    assert (metric._.subject, metric._.period) == ("无锡市物联网集群", "2023")


def test_doc_round_trips_through_bytes_with_offsets_and_attributes(nlp):
    doc = nlp(TEXT)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert doc_rows(again) == doc_rows(doc)


def test_multiprocess_pipe_gives_the_same_rows(nlp):
    texts = [TEXT, "工信部发布通知。", "超400家企业"] * 3
    single = [doc_rows(d) for d in nlp.pipe(texts)]
    multi = [doc_rows(d) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert multi == single


def test_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(ModelLoadError, match="does not exist"):
        cluster_ner.load(tmp_path / "nope")


def test_corrupt_model_directory_is_a_clear_error(tmp_path):
    (tmp_path / "config.cfg").write_text("not a config")
    with pytest.raises(ModelLoadError, match="could not be loaded"):
        cluster_ner.load(tmp_path)


def test_missing_base_pipeline_says_how_to_install_it():
    with pytest.raises(ModelLoadError, match="python -m spacy download zh_core_web_sm"):
        cluster_ner.load(base="zh_core_web_sm")


def test_components_hand_a_failing_doc_to_spacys_error_handler(monkeypatch):
    nlp = cluster_ner.load(rules_only=True)
    resolver = nlp.get_pipe("cluster_ner_resolve")
    call = type(resolver).__call__

    def fail_on_marker(self, doc):
        if "坏" in doc.text:
            raise RuntimeError("broken document")
        return call(self, doc)

    monkeypatch.setattr(type(resolver), "__call__", fail_on_marker)
    failed: list[str] = []
    nlp.set_error_handler(lambda name, proc, docs, exc: failed.extend(f"{name}:{d.text}" for d in docs))
    texts = ["广州市政府发布通知", "坏", "工信部公布名单"]
    kept = [doc.text for doc in nlp.pipe(texts, batch_size=2)]
    assert kept == ["广州市政府发布通知", "工信部公布名单"]
    assert failed == ["cluster_ner_resolve:坏"]


def test_new_characters_read_right_after_a_spacy_memory_zone():
    nlp = cluster_ner.load(rules_only=True)
    text = "龘靐齉 广州市政府发布通知"  # characters this vocab has not seen yet
    with nlp.memory_zone():
        inside = nlp(text)
        assert inside.text == text
    after = nlp(text)  # the zone dropped their strings; the Doc is rebuilt from the text
    assert after.text == text
    assert [(e.label_, e.text) for e in after.ents] == [("GOV", "广州市政府")]


def test_meta_names_the_library_its_version_and_licence(nlp, rules_nlp):
    for pipeline in (nlp, rules_nlp):
        meta = pipeline.meta
        assert meta["name"] == "cluster_ner" and meta["version"] == cluster_ner.__version__
        assert meta["license"] == "MIT" and "CLUSTER" in meta["description"]


def test_shipped_meta_has_the_per_label_scores_of_the_readme_quality_table(nlp):
    """The dev-split row of README "Quality" (shipped pipeline) is the meta's performance."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    row = re.search(r"\| project corpus, held-out split \(`corpus/dev.jsonl`.*?\| shipped \| ([0-9.]+) \| ([0-9.]+) \| ([0-9.]+) \| \*\*([0-9.]+)\*\* \|", readme)
    assert row, "the Quality table's dev row was not found"
    cluster, gov, metric, micro = map(float, row.groups())
    perf = nlp.meta["performance"]
    assert perf["ents_f"] == pytest.approx(micro, abs=6e-4)
    for label, f in (("CLUSTER", cluster), ("GOV", gov), ("METRIC", metric)):
        assert perf["ents_per_type"][label]["f"] == pytest.approx(f, abs=6e-4)


def test_displacy_shows_the_three_label_colours(nlp):
    from spacy import displacy

    from cluster_ner.render import LABEL_COLORS

    doc = nlp("工信部公布，无锡市物联网集群集聚企业超3000家。")
    assert {e.label_ for e in doc.ents} == set(LABEL_COLORS)
    html = displacy.render(doc, style="ent", options=cluster_ner.displacy_options())
    for colour in LABEL_COLORS.values():
        assert f"background: {colour}" in html
    assert "#ddd" not in html


def test_a_texts_places_are_read_once_over_a_default_size_batch(nlp):
    # nlp.pipe hands every component nlp.batch_size (1000) Docs before the next runs:
    # the attribute and context components must share one DocumentPlaces per text.
    from cluster_ner.attributes import places

    places._uncarried_places.cache_clear()
    texts = [f"第{i}号：泉州市工信局介绍，晋江市纺织服装产业集群产值{i}亿元。" for i in range(nlp.batch_size)]
    list(nlp.pipe(texts))
    assert places._uncarried_places.cache_info().misses == len(texts)
