"""One source of truth: each word list lives in one data file that recognizer and parser both read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import cluster_ner
from cluster_ner import lexicon
from cluster_ner.attributes.government import resolve_gov
from cluster_ner.grammar import gov, metric
from conftest import entities


@pytest.fixture
def added_line(monkeypatch: pytest.MonkeyPatch) -> Iterator:
    """``add(resource, line)`` appends one line to a packaged data file, for this test only."""
    original = lexicon.read_text
    extra: dict[str, str] = {}

    def read_text(name: str) -> str:
        text = original(name)
        return text + extra[name] + "\n" if name in extra else text

    monkeypatch.setattr(lexicon, "read_text", read_text)

    def add(resource: str, line: str) -> None:
        extra[resource] = extra.get(resource, "") + line
        lexicon.reload()

    yield add
    monkeypatch.undo()
    lexicon.reload()


def test_a_unit_added_as_one_line_is_recognized_and_parsed(added_line):
    assert entities(cluster_ner.load(rules_only=True), "全县新建5垛。") == []
    added_line("units.tsv", "垛\t垛\tcount\tmetric\t")
    nlp = cluster_ner.load(rules_only=True)
    assert entities(nlp, "全县新建5垛。") == [("METRIC", "5垛")]
    q = cluster_ner.parse_quantity("5垛")
    assert (q.value, q.unit, q.kind) == (5.0, "垛", "count")


def test_a_gov_head_added_as_one_line_is_recognized_and_parsed(added_line):
    text = "广州市稽查总队召开会议。"
    assert entities(cluster_ner.load(rules_only=True), text) == []
    added_line("gov_heads.tsv", "稽查总队\t稽查总队\tother\tmunicipal\tplace\tno\t")
    nlp = cluster_ner.load(rules_only=True)
    assert entities(nlp, text) == [("GOV", "广州市稽查总队")]
    assert resolve_gov("广州市稽查总队").canonical == "广州市稽查总队"


def test_reload_forgets_what_was_read(monkeypatch: pytest.MonkeyPatch):
    original = lexicon.read_text
    monkeypatch.setattr(lexicon, "read_text", lambda name: original(name) + ("垛\t垛\tcount\tmetric\t\n" if name == "units.tsv" else ""))
    lexicon.reload()
    assert metric.unit_entry("垛") is not None
    monkeypatch.undo()
    lexicon.reload()
    assert metric.unit_entry("垛") is None


@pytest.mark.parametrize(
    "text, surface, unit",
    [("新建5栋厂房。", "5栋", "栋"), ("建成12幢住宅。", "12幢", "幢"), ("发射3颗卫星。", "3颗", "颗")],
)
def test_measure_words_the_parser_reads_are_recognized(rules_nlp, text, surface, unit):
    assert entities(rules_nlp, text) == [("METRIC", surface)]
    assert cluster_ner.parse_quantity(surface).unit == unit


def test_every_unit_the_recognizer_ends_on_parses_to_its_canonical_unit():
    for word, entry in lexicon.units().items():
        if entry.role in ("metric", "place", "round") and entry.canonical and word not in ("%", "‰", "成", "百分点", "个百分点"):
            q = cluster_ner.parse_quantity("3" + word)
            assert q is not None and q.unit == entry.canonical, word


def test_parse_only_and_time_words_never_end_a_metric(rules_nlp):
    assert entities(rules_nlp, "用时3个月，覆盖三区。") == []


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("浙江省政协召开会议。", "浙江省政协", "中国人民政治协商会议浙江省委员会"),
        ("广东省高院发布白皮书。", "广东省高院", "广东省高级人民法院"),
        ("丽水市人民代表大会审议通过。", "丽水市人民代表大会", "丽水市人民代表大会"),
    ],
)
def test_heads_of_the_table_are_recognized_and_resolved(nlp, text, surface, canonical):
    doc = nlp(text)
    assert [(e.label_, e.text) for e in doc.ents] == [("GOV", surface)]
    assert doc.ents[0]._.canonical == canonical


def test_the_attributes_read_the_heads_of_the_table_only():
    # 人民银行, 公安局 … were added by hand beside the table; they are rows of it now.
    assert {"人民银行", "公安局", "公安厅", "派出所"} <= set(lexicon.gov_heads())
    assert resolve_gov("杭州市公安局").canonical == "杭州市公安局"


def test_a_level_word_before_a_head_is_a_prefix_not_part_of_a_place(rules_nlp):
    # 会同 is a county's short name; 省政府 is the province's government.
    assert entities(rules_nlp, "甘肃省工信厅会同省政府有关部门。") == [("GOV", "甘肃省工信厅"), ("GOV", "省政府")]


def test_a_place_written_in_full_before_its_level_word_is_kept(rules_nlp):
    assert entities(rules_nlp, "酒泉市市委常委会召开会议。") == [("GOV", "酒泉市市委")]


def test_head_regexes_are_derived_from_the_table():
    place_first, place_pattern = gov.head_patterns()["place"]
    for head, entry in lexicon.gov_heads().items():
        if entry.after in ("place", "both") and not gov._composite(head):
            assert head[0] in place_first and head in place_pattern, head


def test_labels_and_han_class_are_defined_once():
    from cluster_ner import constants, corpus, patterns

    assert corpus.LABELS is constants.LABELS and patterns.LABELS is constants.LABELS
    assert constants.is_han("\uf900") and constants.is_han("群")
