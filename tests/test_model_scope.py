"""The scoped model: which windows of a Doc the trained NER is asked about."""

from __future__ import annotations

import pytest

from cluster_ner.errors import ClusterNerError
from cluster_ner.model import OpenQuantity, ScopedNER, open_quantities, windows_of


def _windows(rules_nlp, text: str, left: int = 8, right: int = 6) -> list[str]:
    doc = rules_nlp(text)  # the rule candidates are what the windows are computed from
    return [doc.text[a:b] for a, b in windows_of(open_quantities(doc), len(doc), left, right)]


def test_a_rule_quantity_ending_on_a_multiplier_before_an_unknown_measure_word_is_open(rules_nlp):
    assert _windows(rules_nlp, "今年全省集成电路产量57.9亿块，同比增长。", left=4, right=3) == ["电路产量57.9亿块,同"]


def test_digits_no_rule_covers_before_a_han_character_are_open(rules_nlp):
    assert _windows(rules_nlp, "园区已建成设计研发中心3处。", left=2, right=2) == ["中心3处。"]


def test_a_quantity_with_a_known_unit_is_closed(rules_nlp):
    assert _windows(rules_nlp, "全市新增规上工业企业126家，增长18.6%。") == []


def test_a_time_word_closes_a_number(rules_nlp):
    assert _windows(rules_nlp, "2023年5月，项目在12日开工，历经40多年发展。") == []


def test_digits_inside_a_code_are_not_a_quantity(rules_nlp):
    assert _windows(rules_nlp, "通过ISO 9001质量体系认证和GB-2019标准。") == []


def test_a_model_answer_lengthens_a_rule_quantity_from_its_start():
    q = OpenQuantity(10, 15, rule=True)
    assert q.answered_by(10, 16) and not q.answered_by(9, 16) and not q.answered_by(10, 15)


def test_a_model_answer_covers_bare_digits():
    q = OpenQuantity(10, 11, rule=False)
    assert q.answered_by(10, 12) and q.answered_by(9, 12) and not q.answered_by(11, 13) and not q.answered_by(10, 11)


def test_neighbouring_windows_merge(rules_nlp):
    assert _windows(rules_nlp, "建成3处和5处。", left=1, right=1) == ["成3处和5处"]


def test_an_unknown_scope_is_a_clear_error(rules_nlp):
    with pytest.raises(ClusterNerError, match="unknown scope 'everywhere'"):
        ScopedNER(rules_nlp.vocab, None, "m", scope="everywhere", left=8, right=6)


# --- the shipped model (cluster_ner/models/pipeline) ------------------------------------

SHIPPED_CASES = [
    ("全年生产晶圆12.5万片，建成充电站24处。", [("12.5万片", "model"), ("24处", "model")]),
    ("去年手机产量约3.2亿部，同比增长。", [("约3.2亿部", "model")]),
]


@pytest.mark.parametrize("text, expected", SHIPPED_CASES)
def test_shipped_model_reads_measure_words_the_rules_do_not_know(nlp, text, expected):
    assert "cluster_ner_model" in nlp.pipe_names
    assert [(e.text, e._.source) for e in nlp(text).ents if e.label_ == "METRIC"] == expected


def test_rules_alone_stop_before_an_unknown_measure_word(rules_nlp):
    assert [e.text for e in rules_nlp("全年生产晶圆12.5万片，建成充电站24处。").ents] == ["12.5万"]


def test_shipped_model_leaves_known_units_to_the_rules(nlp):
    assert [(e.text, e._.source) for e in nlp("全县新建冷库16座，增长18.6%。").ents] == [("16座", "rules"), ("18.6%", "rules")]


@pytest.mark.parametrize(("text", "plausible"), [("超千亿的区县", False), ("3颗", True), ("超千亿", True)])
def test_a_model_quantity_never_reaches_past_de(text, plausible):
    from cluster_ner.span_filter import model_span_plausible

    assert model_span_plausible("METRIC", text) is plausible
