"""Training the NER: raw → working offsets, the train command, and how model and rules combine."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import cluster_ner
from cluster_ner.cleaning import clean
from cluster_ner.cli import main
from cluster_ner.corpus import GoldDoc, GoldSpan, read_jsonl
from cluster_ner.errors import ClusterNerError
from cluster_ner.pipeline import MODEL_PIPE, RESOLVE_PIPE, build
from cluster_ner.train import RawToWorking, load_config, make_example, train, working_span

BODY = "青禾创新推进署"  # a body the rules do not know: no place, no known domain

NOISY = "龍(lóng)口市工信局表示，龍口市交通鋁材特色產(chǎn)業(yè)集群擁有企業(yè)243家&amp;規劃面積約90平方公里。"


def _gold(text: str, *surfaces: tuple[str, str]) -> GoldDoc:
    spans = []
    for label, surface in surfaces:
        start = text.index(surface)
        spans.append(GoldSpan(start, start + len(surface), label, surface))
    return GoldDoc("t", text, spans)


# --- raw → working offsets ------------------------------------------------------------


@pytest.mark.parametrize(
    "surface, working",
    [
        ("龍(lóng)口市工信局", "龙口市工信局"),
        ("龍口市交通鋁材特色產(chǎn)業(yè)集群", "龙口市交通铝材特色产业集群"),
        ("243家", "243家"),
        ("約90平方公里", "约90平方公里"),
    ],
)
def test_raw_span_maps_to_working_text_and_back(surface, working):
    cleaned = clean(NOISY)
    start = NOISY.index(surface)
    w = working_span(cleaned.alignment, len(cleaned.text), start, start + len(surface))
    assert w is not None
    assert cleaned.text[w[0] : w[1]] == working
    assert cleaned.to_raw(*w) == (start, start + len(surface))


def test_raw_span_of_noise_only_maps_to_nothing():
    cleaned = clean(NOISY)
    start = NOISY.index("(chǎn)")
    assert RawToWorking(cleaned.alignment, len(cleaned.text)).span(start, start + 6) is None


def test_reference_doc_has_the_gold_entities_on_the_cleaned_characters():
    nlp = build()
    gold = _gold(NOISY, ("GOV", "龍(lóng)口市工信局"), ("CLUSTER", "龍口市交通鋁材特色產(chǎn)業(yè)集群"))
    example = make_example(nlp, gold)
    assert [(e.label_, e.text) for e in example.reference.ents] == [("GOV", "龙口市工信局"), ("CLUSTER", "龙口市交通铝材特色产业集群")]
    assert [t.text for t in example.predicted] == [t.text for t in example.reference]


def test_label_studio_export_becomes_training_examples(tmp_path):
    text = f"据{BODY}消息，项目开工。"
    start = text.index(BODY)
    record = {"data": {"text": text}, "annotations": [{"result": [{"value": {"start": start, "end": start + len(BODY), "labels": ["GOV"]}}]}]}
    path = tmp_path / "ls.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (gold,) = read_jsonl(path)
    assert [(e.label_, e.text) for e in make_example(build(), gold).reference.ents] == [("GOV", BODY)]


# --- training ---------------------------------------------------------------------------

CONTEXTS = [
    "据{}消息，新项目已开工。", "{}发布了年度工作要点。", "近日，{}召开推进会。", "{}负责统筹协调。",
    "会上，{}介绍了进展。", "记者从{}获悉，方案已印发。", "{}牵头制定实施细则。", "由{}组织验收。",
    "{}表示，将加快建设。", "根据{}通报，任务已完成。", "{}副署长出席活动。", "各地要配合{}做好工作。",
    "{}日前印发通知。", "{}对企业开展走访。", "今年以来，{}持续推进改革。", "{}公布了第二批名单。",
    "经{}批准，园区扩区。", "{}联合多部门发文。", "{}在会上作了发言。", "{}将于下月开展评估。",
]


# A model that fills gaps anywhere (the packaged config asks the model about open quantities only).
DOCUMENT_SCOPE = [
    "--set", "components.cluster_ner_model.scope=document",
    "--set", 'components.cluster_ner_resolve.span_filter.model_labels=["CLUSTER","GOV","METRIC"]',
]


def _tiny_corpus() -> list[GoldDoc]:
    return [_gold(c.format(BODY), ("GOV", BODY)) for c in CONTEXTS]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A pipeline trained by the CLI on 16 short documents (dev: 4); (directory, dev file, printed output)."""
    tmp = tmp_path_factory.mktemp("tiny")
    train_file, dev_file = tmp / "train.jsonl", tmp / "dev.jsonl"
    docs = _tiny_corpus()
    train_file.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs[:16]), encoding="utf-8")
    dev_file.write_text("".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs[16:]), encoding="utf-8")
    out = tmp / "model"
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        assert main(["train", str(train_file), "--dev", str(dev_file), "-o", str(out), "--max-steps", "150", *DOCUMENT_SCOPE]) == 0
    return out, dev_file, buf.getvalue()


def test_trained_model_finds_an_entity_the_rules_do_not_know(tiny_model):
    text = f"昨天{BODY}宣布了新的扶持政策。"
    assert cluster_ner.extract(text, nlp=cluster_ner.load(rules_only=True)).empty
    df = cluster_ner.extract(text, nlp=cluster_ner.load(tiny_model[0]))
    assert [(r.label, r.text, r.source) for r in df.itertuples()] == [("GOV", BODY, "model")]


def test_train_command_prints_per_label_scores_on_dev(tiny_model):
    printed = tiny_model[2]
    assert "== rules only on" in printed and "== rules + model on" in printed
    assert all(label in printed for label in ("CLUSTER", "GOV", "METRIC", "micro"))


def test_evaluate_compares_rules_only_with_a_trained_directory(tiny_model, capsys):
    out, dev_file, _ = tiny_model
    assert main(["evaluate", str(dev_file), "--rules-only", "--compare", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "default pipeline (rules only) on" in printed and f"== {out} on" in printed
    assert printed.count("micro") == 2


def test_training_with_the_same_seed_gives_the_same_weights():
    docs = _tiny_corpus()[:6]
    a = train(docs, seed=3, max_steps=4).nlp.get_pipe(MODEL_PIPE).model.to_bytes()
    b = train(docs, seed=3, max_steps=4).nlp.get_pipe(MODEL_PIPE).model.to_bytes()
    assert a == b


def test_trained_pipeline_loads_and_rules_only_disables_the_model(tmp_path):
    nlp = train(_tiny_corpus()[:4], max_steps=2).nlp
    nlp.to_disk(tmp_path / "p")
    assert MODEL_PIPE in cluster_ner.load(tmp_path / "p").pipe_names
    assert MODEL_PIPE not in cluster_ner.load(tmp_path / "p", rules_only=True).pipe_names


def test_packaged_config_puts_the_model_after_the_rules_and_before_the_resolver():
    nlp = train(_tiny_corpus()[:2], max_steps=1, config=load_config()).nlp
    names = nlp.pipe_names
    assert names.index("cluster_ner_metric") < names.index(MODEL_PIPE) < names.index("cluster_ner_patterns") < names.index(RESOLVE_PIPE)


def test_config_overrides_reach_the_trained_pipeline():
    nlp = train(_tiny_corpus()[:2], max_steps=1, overrides={"components.cluster_ner_model.scope": "document"}).nlp
    assert nlp.get_pipe(MODEL_PIPE).scope == "document"


def test_a_bad_override_names_itself():
    from cluster_ner.train import parse_overrides

    with pytest.raises(ClusterNerError, match="scope"):
        parse_overrides(["components.cluster_ner_model.scope"])


# --- how model spans combine with rules (no training needed: a stand-in model) -----------

_FAKE_SPANS: list[tuple[int, int, str]] = []


@Language.component("test_fake_model")
def _fake_model(doc: Doc) -> Doc:
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in _FAKE_SPANS]
    return doc


def _combined(text: str, model_spans: list[tuple[str, str]], **filter_cfg) -> list[tuple[str, str, str]]:
    """Entities of ``text`` when a stand-in model predicts ``model_spans`` (label, surface)."""
    nlp = build()
    nlp.add_pipe("test_fake_model", before="cluster_ner_patterns")
    nlp.replace_pipe(RESOLVE_PIPE, RESOLVE_PIPE, config={"span_filter": {"@misc": "cluster_ner.resolve_spans.v1", **filter_cfg}})
    _FAKE_SPANS[:] = [(text.index(s), text.index(s) + len(s), lab) for lab, s in model_spans]
    return [(e.label_, e.text, e._.source) for e in nlp(text).ents]


GUARDS = {"model_min_length": 2, "model_margin": 1, "model_plausible": True}


def test_rule_span_wins_over_an_overlapping_model_span():
    got = _combined("广州市工业和信息化局发布通知。", [("GOV", "工业和信息化局发布")])
    assert got == [("GOV", "广州市工业和信息化局", "rules")]


def test_rule_label_wins_over_a_model_span_with_the_same_offsets():
    got = _combined("广州市工业和信息化局发布通知。", [("CLUSTER", "广州市工业和信息化局")])
    assert got == [("GOV", "广州市工业和信息化局", "rules")]


def test_model_adds_an_entity_where_the_rules_found_none():
    got = _combined(f"据{BODY}消息，超400家企业参加。", [("GOV", BODY)], **GUARDS)
    assert got == [("GOV", BODY, "model"), ("METRIC", "超400家", "rules")]


def test_guarded_filter_drops_a_model_span_touching_a_rule_span():
    got = _combined(f"工信部{BODY}发布通知。", [("GOV", BODY)], **GUARDS)
    assert got == [("GOV", "工信部", "rules")]


def test_guarded_filter_drops_a_model_span_that_does_not_look_like_its_label():
    got = _combined("这是泉州市部分县域的名单。", [("GOV", "泉州市部分")], **GUARDS)
    assert got == []


def test_guarded_filter_drops_model_labels_not_allowed():
    got = _combined(f"据{BODY}消息。", [("GOV", BODY)], model_labels=["METRIC"])
    assert got == []


def test_model_lengthens_a_rule_span_at_its_end_only_for_listed_labels():
    text = "集成电路产量57.9亿块，同比增长。"
    assert ("METRIC", "57.9亿", "rules") in _combined(text, [("METRIC", "57.9亿块")])
    got = _combined(text, [("METRIC", "57.9亿块")], model_labels=[], model_extends=["METRIC"])
    assert ("METRIC", "57.9亿块", "model") in got and ("METRIC", "57.9亿", "rules") not in got


def test_model_never_moves_the_start_of_a_rule_span():
    text = "关于支持石嘴山市建设稀有金属新材料产业集群的意见。"
    got = _combined(text, [("CLUSTER", "石嘴山市建设稀有金属新材料产业集群")], model_labels=[], model_extends=["CLUSTER"])
    assert got == [("CLUSTER", "稀有金属新材料产业集群", "rules")]
