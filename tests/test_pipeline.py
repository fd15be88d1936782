"""The spaCy pipeline: factories, serialization round trips, optional base."""

from __future__ import annotations

import subprocess
import sys

import pytest
from spacy.tokens import Doc

import cluster_ner
from cluster_ner.errors import ModelLoadError
from cluster_ner.frame import doc_rows

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
