"""The speed shortcuts of spacy_internals do what spaCy's public calls do.

If a spaCy upgrade changes how it stores extension values, orth ids or
entities, these fail here rather than silently changing the rows.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span
from spacy.training import Example

import cluster_ner
from cluster_ner.extensions import register_extensions
from cluster_ner.spacy_internals import OrthCache, doc_from_chars, get_span_value, set_entities, set_span_values

TEXT = "工信部公布45个国家先进制造业集群"


def _doc() -> Doc:
    nlp = spacy.blank("zh")
    return Doc(nlp.vocab, words=list(TEXT), spaces=[False] * len(TEXT))


def test_set_span_values_is_what_setattr_on_span_underscore_does():
    register_extensions()
    fast, public = _doc(), _doc()
    set_span_values(fast, 5, 8, {"value": 45.0, "unit": "个", "measure": None})
    span = public.char_span(5, 8)
    span._.value, span._.unit = 45.0, "个"
    assert fast.char_span(5, 8)._.value == 45.0 and fast.char_span(5, 8)._.unit == "个"
    assert fast.char_span(5, 8)._.measure is None  # None values are not written
    assert {k: v for k, v in fast.user_data.items()} == {k: v for k, v in public.user_data.items()}
    assert get_span_value(fast, 5, 8, "unit") == public.char_span(5, 8)._.unit


def test_span_values_survive_doc_to_bytes():
    register_extensions()
    doc = _doc()
    set_span_values(doc, 0, 3, {"canonical": "工业和信息化部"})
    copy = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert copy.char_span(0, 3)._.canonical == "工业和信息化部"


def test_doc_from_orth_ids_equals_doc_from_words():
    vocab = spacy.blank("zh").vocab
    fast = doc_from_chars(vocab, TEXT, OrthCache(vocab))
    public = Doc(vocab, words=list(TEXT), spaces=[False] * len(TEXT))
    assert [t.orth for t in fast] == [t.orth for t in public]
    assert fast.text == public.text == TEXT
    assert [t.whitespace_ for t in fast] == [t.whitespace_ for t in public]


def test_doc_from_chars_recovers_when_cached_strings_are_gone():
    vocab = spacy.blank("zh").vocab
    cache = OrthCache(vocab)
    cache["工"] = 12345  # an id whose string the StringStore does not hold (as after a memory zone)
    doc = doc_from_chars(vocab, "工信部", cache)
    assert doc.text == "工信部" and not cache.get("工") == 12345


def test_set_entities_equals_set_ents():
    fast, public = _doc(), _doc()
    spans = [(0, 3, "GOV"), (5, 8, "METRIC"), (8, 17, "CLUSTER")]
    set_entities(fast, [Span(fast, s, e, label=lab) for s, e, lab in spans])
    public.set_ents([Span(public, s, e, label=lab) for s, e, lab in spans], default="outside")
    assert [(e.start, e.end, e.label_) for e in fast.ents] == [(e.start, e.end, e.label_) for e in public.ents]
    assert [t.ent_iob_ for t in fast] == [t.ent_iob_ for t in public]


def test_analyze_pipes_explains_what_each_component_assigns():
    nlp = cluster_ner.load(rules_only=True)
    analysis = nlp.analyze_pipes()
    summary = analysis["summary"]
    assert "doc.spans" in summary["cluster_ner_gov"]["assigns"]
    assert "doc.ents" in summary["cluster_ner_resolve"]["assigns"]
    assert "span._.canonical" in summary["cluster_ner_attributes"]["assigns"]
    assert "doc.ents" in summary["cluster_ner_attributes"]["requires"]
    assert not analysis["problems"]["cluster_ner_attributes"]


def test_a_rules_only_pipeline_scores_with_nlp_evaluate():
    nlp = cluster_ner.load(rules_only=True)
    reference = nlp.make_doc(TEXT)
    reference.set_ents([Span(reference, 0, 3, label="GOV"), Span(reference, 5, 8, label="METRIC")])
    scores = nlp.evaluate([Example(nlp.make_doc(TEXT), reference)])
    assert scores["ents_p"] == 1.0 and scores["ents_r"] == 1.0
    assert scores["ents_per_type"]["GOV"]["f"] == 1.0
