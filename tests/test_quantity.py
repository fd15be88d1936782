"""parse_quantity: value, unit, qualifier and kind of a METRIC surface."""

from __future__ import annotations

import math
import re

import pytest

from cluster_ner.attributes import quantity
from cluster_ner.attributes.quantity import Quantity, parse_quantity
from cluster_ner.grammar.metric import qualifiers_after, qualifiers_before
from cluster_ner.grammar.numbers import NUMBER

QUALIFIERS_BEFORE = qualifiers_before()
QUALIFIERS_AFTER = qualifiers_after()


def _parsed(text: str) -> Quantity:
    q = parse_quantity(text)
    assert q is not None, text
    return q


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("超400家", 400, "家", "over"),
        ("1200多家", 1200, "家", "over"),
        ("20余人", 20, "人", "over"),
        ("40%以上", 40, "%", "over"),
        ("近100家", 100, "家", "under"),
        ("近50%", 50, "%", "under"),
        ("上千家", 1000, "家", "over"),
        ("过万", 10000, None, "over"),
        ("超15万", 150000, None, "over"),
        ("约90平方公里", 90, "平方公里", "approx"),
        ("3万亿", 3e12, None, "exact"),
        ("19万亿元", 1.9e13, "元", "exact"),
        ("2.5万家", 25000, "家", "exact"),
        ("五十多亿元", 5e9, "元", "over"),
        ("三成", 30, "%", "exact"),
        ("百分之十五", 15, "%", "exact"),
        ("近一半", 50, "%", "under"),
        ("11.4%", 11.4, "%", "exact"),
        ("六位", 6, "位", "exact"),
        ("两场", 2, "场", "exact"),
        ("14个", 14, "个", "exact"),
        ("26省区", 26, "省区", "exact"),
        ("50GWh", 50, "GWh", "exact"),
        ("12.5%", 12.5, "%", "exact"),
        ("1,280.5", 1280.5, None, "exact"),
        ("１２００家", 1200, "家", "exact"),
        ("十二万三千", 123000, None, "exact"),
        ("两千万", 2e7, None, "exact"),
        ("壹佰万元", 1e6, "元", "exact"),
        ("0.5个百分点", 0.5, "百分点", "exact"),
        ("US$3.2 billion", 3.2e9, "美元", "exact"),
    ],
)
def test_value_unit_qualifier(text: str, value: float, unit: str | None, qualifier: str) -> None:
    q = _parsed(text)
    assert math.isclose(q.value, value, rel_tol=1e-9)
    assert (q.unit, q.qualifier) == (unit, qualifier)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("约90平方公里", "area"),
        ("19万亿元", "money"),
        ("五十多亿元", "money"),
        ("US$3.2 billion", "money"),
        ("三成", "share"),
        ("40%以上", "share"),
        ("三分之一", "share"),
        ("0.5个百分点", "rate"),
        ("14个", "count"),
        ("超400家", "count"),
        ("26省区", "count"),
        ("50GWh", "energy"),
        ("50公里", "length"),
        ("3万亿", None),
    ],
)
def test_kind(text: str, kind: str | None) -> None:
    assert _parsed(text).kind == kind


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("第4", 4, None),
        ("第一", 1, None),
        ("第2位", 2, "位"),
        ("居全省第2位", 2, "位"),
        ("50强", 50, "强"),
        ("前三", 3, None),
        ("前十", 10, None),
        ("Top 10", 10, None),
    ],
)
def test_rank(text: str, value: float, unit: str | None) -> None:
    q = _parsed(text)
    assert (q.value, q.unit, q.kind, q.qualifier) == (value, unit, "rank", "exact")


@pytest.mark.parametrize(
    ("text", "value"),
    [("2/3", 0.6667), ("三分之一", 0.3333), ("三分之二", 0.6667), ("1 3/5", 1.6), ("16/5", 3.2)],
)
def test_fraction_rounded_to_four_decimals(text: str, value: float) -> None:
    q = _parsed(text)
    assert q.value == value
    assert q.unit is None


def test_two_digit_number_is_a_digit_count() -> None:
    # Decision: 两位数 keeps what it says, two digits (lower bound 10 ** (2 - 1)).
    assert _parsed("两位数") == Quantity(2.0, "位数", "exact", "count")


@pytest.mark.parametrize(
    ("word", "qualifier"),
    [
        ("约", "approx"), ("大约", "approx"),
        ("超", "over"), ("超过", "over"), ("逾", "over"), ("过", "over"),
        ("近", "under"), ("不到", "under"), ("不足", "under"),
    ],
)
def test_qualifier_before(word: str, qualifier: str) -> None:
    assert _parsed(f"{word}300家").qualifier == qualifier
    assert QUALIFIERS_BEFORE[word] == qualifier


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("300家左右", "approx"), ("300多家", "over"), ("300余家", "over"),
        ("300家以上", "over"), ("300家以下", "under"), ("十几个", "over"),
    ],
)
def test_qualifier_after(text: str, qualifier: str) -> None:
    assert _parsed(text).qualifier == qualifier


@pytest.mark.parametrize("text", ["300家", "5000亿元", "11.4%", "第4"])
def test_no_qualifier_is_exact(text: str) -> None:
    assert _parsed(text).qualifier == "exact"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("最高40%", 40, "%"), ("突破5000亿元", 5e11, "元"), ("达300家", 300, "家"), ("最高达3万亿", 3e12, None)],
)
def test_leading_non_qualifier_words_ignored(text: str, value: float, unit: str | None) -> None:
    q = _parsed(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, "exact")


@pytest.mark.parametrize(("text", "value"), [("万亿元", 1e12), ("千亿元", 1e11), ("萬億元", 1e12)])
def test_a_bare_magnitude_is_one_of_it(text: str, value: float) -> None:
    q = _parsed(text)  # 突破万亿元: the verb before it is outside the span
    assert (q.value, q.unit, q.qualifier) == (value, "元", "exact")


@pytest.mark.parametrize("text", ["", "企业", "集群", "居全国首位", "上半年", "十分重要"])
def test_no_number_returns_none(text: str) -> None:
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("超1萬家", "超1万家"), ("3萬億", "3万亿"), ("兩場", "两场"), ("14個", "14个"),
        ("6項", "6项"), ("20餘人", "20余人"), ("十餘萬", "十余万"), ("約90平方公里", "约90平方公里"),
        ("超過400家", "超过400家"), ("二十幾萬", "二十几万"), ("百分之十五點五", "百分之十五点五"),
    ],
)
def test_traditional_same_as_simplified(traditional: str, simplified: str) -> None:
    assert parse_quantity(traditional) == parse_quantity(simplified)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两千四百五", 2450), ("一万三", 13000), ("四千零五万", 40050000), ("二〇二三", 2023),
        ("十五点七", 15.7), ("5万4千6百", 54600), ("1,100.9亿", 110090000000), ("负三十二", -32),
        ("-3.9%", -3.9), ("千分之2.4", 0.24), ("七成六", 76), ("75折", 75), ("三折", 30),
        ("40k", 40000), ("四万万", 4e8), ("五兆六十二亿", 5.0062e12), ("五元三毛", 5.3),
    ],
)
def test_general_numerals(text: str, value: float) -> None:
    assert math.isclose(_parsed(text).value, value, rel_tol=1e-9)


@pytest.mark.parametrize(
    "text",
    [
        "400", "1,280.5", "12.5", "１２００", "十二万三千", "两千万", "两", "〇", "零点五",
        "壹佰", "肆佰陸拾", "1.2万", "3万亿", "19萬億", "五十多亿", "十余万", "2/3",
        "三分之二", "百分之十五", "万分之三", "1又3/5", "3.2 billion", "-5", "负3", "一半",
    ],
)
def test_number_regex_matches_one_number(text: str) -> None:
    assert re.fullmatch(NUMBER, text), text


def test_number_regex_has_no_groups() -> None:
    assert re.compile(NUMBER).groups == 0


@pytest.mark.parametrize(
    ("text", "match"),
    [("千瓦", None), ("20千瓦", "20"), ("100兆瓦", "100"), ("十分重要", None), ("2022/8/10", "2022"), ("半导体", None)],
)
def test_number_regex_leaves_units_and_words(text: str, match: str | None) -> None:
    m = re.search(NUMBER, text)
    assert (m.group() if m else None) == match


def test_qualifier_tables_are_consistent() -> None:
    tables = (QUALIFIERS_BEFORE, QUALIFIERS_AFTER)
    assert all(v in {"approx", "over", "under"} for t in tables for v in t.values())
    assert QUALIFIERS_BEFORE["超過"] == "over" and QUALIFIERS_AFTER["餘"] == "over"
    assert QUALIFIERS_BEFORE["上"] == "over" and QUALIFIERS_AFTER["左右"] == "approx"


def test_no_regex_compiled_per_call(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("regex compiled at call time")

    parse_quantity.cache_clear()
    parse_quantity("1家")  # the first call builds the tables (once per process)
    parse_quantity.cache_clear()

    for name in ("compile", "match", "fullmatch", "search", "sub", "findall", "finditer", "split"):
        monkeypatch.setattr(quantity.re, name, boom)
    for text in ("超400家", "三分之一", "US$3.2 billion", "五元三毛", "七成六", "第2位", "企业"):
        parse_quantity(text)


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("6%—7%", 6.0, "%"),
        ("60万—65万吨", 600000.0, "吨"),
        ("3至5个百分点", 3.0, "百分点"),
        ("3—5万元", 30000.0, "元"),  # a bare lower bound takes the upper bound's multiplier
        ("五十至八十人", 50.0, "人"),
    ],
)
def test_a_range_gives_its_lower_bound_in_the_upper_bounds_unit(text: str, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert q is not None and (q.value, q.unit, q.qualifier) == (value, unit, "range")
