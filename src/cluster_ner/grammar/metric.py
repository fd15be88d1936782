"""The grammar of a stated quantity: qualifier + number + multiplier + unit + qualifier.

One set of tables, read from ``units.tsv`` and ``qualifiers.tsv``
(:mod:`.metric_words`), serves the METRIC recognizer (:func:`find_metrics`) and
``parse_quantity`` (:mod:`cluster_ner.attributes.quantity`).

A number becomes a METRIC when something says it counts or measures: a unit, a
multiplier (``3万亿``, ``超15万``), a fraction or share (``三分之一``,
``三成``, ``近一半``), or, for ranks (``第4``, ``50强``, ``前十``), a verb of
ranking before it (``位居全国``, ``位列``). Dates, durations, ordinals, codes
(``5G``, ``C919``) and set phrases (``一系列``, ``五大产业``) have none of
these, or are excluded by the checks in :func:`find_metrics`.

This module finds the quantities in running text and decides which are
METRICs; the rest of the grammar lives beside it:

* :mod:`.metric_words`: units and qualifiers;
* :mod:`.metric_ranks`: ranks (``位列第4``, ``50强``);
* :mod:`.metric_spans`: ranges, numbers sharing a unit, noise inside a number;
* :mod:`.metric_ratios` and :mod:`.metric_table_cells`: quantities without a
  unit beside them;
* :mod:`.metric_furniture`: the stretches where no METRIC is read.

Their public names are importable from here too.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon
from ..constants import is_han

# Some of these are only re-exported: callers import every public name of the
# METRIC grammar from this module (model.py, attributes.quantity, the tests).
from .metric_furniture import blocked_stretches
from .metric_ranks import RANK_FIRST, RANK_PATTERN, after_ranking_verb, find_ranks, list_name, rank_regex
from .metric_ratios import find_lost_percents, find_ratios
from .metric_spans import RANGE_JOINERS, mend_spans, merge_ranges, range_start_re, spaced_quantities
from .metric_table_cells import find_table_cells
from .metric_words import (
    known_unit_at,
    lead_regex,
    multiplier_only_qualifiers,
    not_quantity_after,
    not_quantity_after_re,
    parse_unit_re,
    place_unit_words,
    qualifiers_after,
    qualifiers_before,
    role_words,
    span_leads,
    span_trails,
    unit_entry,
    units,
)
from .numbers import NUMBER

__all__ = [
    "RANGE_JOINERS",
    "blocked_stretches",
    "known_unit_at",
    "find_metrics",
    "find_table_cells",
    "merge_ranges",
    "qualifiers_after",
    "qualifiers_before",
    "unit_entry",
    "units",
]


# --------------------------------------------------------------------------
# The quantity patterns, and what rules a match out
# --------------------------------------------------------------------------

_ZERO_ONLY = re.compile(r"^[零〇○]+$")
_LONG_DIGITS = re.compile(r"\d{5,}")
_THRESHOLD_TRAILS = ("以上", "以下")


@lexicon.cached
def _category_re() -> re.Pattern[str]:
    """Nouns after a threshold that make it a category (measure_words.tsv, role category)."""
    return re.compile(lexicon.alternation(lexicon.measure_words().get("category", ())))


_DURATION_AFTER = re.compile(r"[一二三四五六七八九十百千两\d]+(?:年|个月)")
# 前两轮, 后三批: rounds and batches counted from one end are a sequence.
_SEQUENCE_BEFORE = "前后"
# 人大四次会议, 政协十一届一次会议: a session, after a congress or CPPCC head.
_SESSION_AFTER = ("会议", "全会", "全体会议")
_CONGRESS_KINDS = frozenset({"congress", "congress_committee", "cppcc", "standing_committee"})


@lexicon.cached
def _congress_heads() -> tuple[str, ...]:
    """Heads of congresses and CPPCC committees (gov_heads.tsv) and 届 (a term)."""
    return tuple(h for h, e in lexicon.gov_heads().items() if e.kind in _CONGRESS_KINDS) + ("届",)


def _congress_ends_at(text: str, pos: int) -> bool:
    return text.endswith(_congress_heads(), 0, pos)


_PARTY_CONGRESS_AFTER = ("党代会", "党代表大会")
_CLOSING_QUOTES = "”’」』\""
_BIG_MULTIPLIER = re.compile(r"[万亿萬億]")
_SMALL_CN_NUMBER = re.compile(r"[一二两三四五六七八九十]+")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ALNUM_AFTER = re.compile(r"[A-Za-z0-9]|\.[0-9A-Za-z]")
_MULTIPLIER_ONLY = re.compile(r"^[十拾百佰千仟万萬亿億]+$")
_ONE = re.compile(r"^[一壹]$")
_CURRENCY_PREFIX = r"(?:US\$|HK\$|RMB\s?|\$|¥|￥|€|£)"


@lexicon.cached
def metric_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``(main, rank, money)``: the quantity, rank and currency-prefixed patterns."""
    unit = lexicon.trie_regex(role_words("metric", "place", "round"))
    trail = "|".join(map(re.escape, span_trails()))
    # The lookahead lets the engine skip, with one set test, every character that
    # cannot start a quantity (most of them). Escaped and sorted: an unescaped "-"
    # between two of these would make a range (−-将 spans most of the CJK block).
    first = "".join(sorted(set(".．零〇○一二两俩三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟兩倆貳陸萬億半负負−－-") | {w[0] for w in span_leads()}))
    main = re.compile(
        rf"(?=[\d{re.escape(first)}])(?P<lead>{lead_regex()})?(?P<num>{NUMBER})(?P<more>多|余)?(?P<mult>[万亿]+)?"
        rf"(?:\s(?=[A-Za-z%]))?(?P<unit>(?:{unit})(?:/(?:{unit}|[A-Za-z]{{1,3}}|年|月|日|天|小时))?)?(?P<trail>{trail})?"  # (15万吨/年: a rate per time)
    )
    money = re.compile(rf"{_CURRENCY_PREFIX}\s?(?:{NUMBER})")
    return main, rank_regex(), money


# --------------------------------------------------------------------------
# Finding quantities in running text
# --------------------------------------------------------------------------


# A verb stating an amount reached right before a bare magnitude (产值突破千亿元, 销售额达百亿元).
_REACHED_BEFORE = re.compile(r"(?:突破|破|达到|达|实现|超过|迈过|跨过|跨越|越过|多达|高达|冲刺)$")
_MILESTONE_AFTER = ("大关", "关口")
_CLAUSE_END = "，,。；;！？!?\n"


def _stated_round_amount(text: str, s: int, e: int, unit: str | None) -> bool:
    """Is a bare magnitude with a money unit (千亿元, 万亿元), or before a milestone word
    (突破万亿大关), the amount a verb states (产值突破千亿元；), not a category (百亿元级项目,
    千亿元企业) nor a threshold?"""
    money = bool(unit) and unit.endswith(("元", "圆"))  # type: ignore[union-attr]
    # 突破万亿大关; 营收破万亿 ending a headline or a clause
    milestone = not unit and (text.startswith(_MILESTONE_AFTER, e) or (e == len(text) or text[e] in _CLAUSE_END) and text.endswith("破", 0, s))
    if not (money or milestone) or not _REACHED_BEFORE.search(text, max(0, s - 2), s):
        return False
    return not text.startswith(("级", "的", "規模", "规模"), e) and _category_re().match(text, e) is None


_ACRONYM_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,5}$")


def _acronym_indicator_before(text: str, s: int, mult: str | None, unit: str | None) -> bool:
    """An indicator's acronym right before an amount in Chinese units (实现GDP307.3亿元):
    the amount it states, not a code (C919, PM2.5 name no amount)."""
    return bool(mult or unit and not unit.isascii()) and _ACRONYM_BEFORE.search(text, max(0, s - 5), s) is not None


def _ok_main(text: str, m: re.Match[str]) -> bool:
    lead, num, more, mult, unit, trail = m.group("lead", "num", "more", "mult", "unit", "trail")
    if not (unit or mult or _BIG_MULTIPLIER.search(num) or "分之" in num or "/" in num or "半" in num or "%" in num):
        return False  # no unit, multiplier, fraction or share: a bare number
    s, e = m.span()
    if unit == "强":  # a rank: only after a verb of ranking (位列东部地区50强)
        return after_ranking_verb(text, s) and not list_name(text, s, e)
    place_units = place_unit_words()
    if unit in place_units and (num in ("两", "二", "一") or not _SMALL_CN_NUMBER.fullmatch(num)):
        # 苏州、无锡、常州3市: Arabic digits count places only right after a place named
        if not (num.isdigit() and lexicon.place_reverse_trie().longest_ending_at(text, s) is not None):
            return False
    if unit in place_units and text.startswith("集群", e):  # 六市集群 names a cluster
        return False
    if _MULTIPLIER_ONLY.match(num) and not (lead or more or trail) and not _stated_round_amount(text, s, e, unit):
        return False  # 百场 in 十链百场万企; 上千家, 百余家 and 突破千亿元 are fine
    if _ONE.match(num) and not (lead or more or trail or mult) and unit != "倍":  # 又一场, 一个: not a stated quantity (增长一倍 is)
        return False
    if s > 0 and text[s - 1] in "第届图":  # ordinals (第三次, 十五届六次全会) and figures (图2)
        return False
    if _ZERO_ONLY.match(num):  # 零 inside a word (零件, 零部件) is no numeral
        return False
    entry = unit_entry(unit) if unit else None
    if entry is not None and entry.role == "round" and s > 0 and text[s - 1] in _SEQUENCE_BEFORE:
        return False  # 前两轮, 后三批: a sequence, not a count
    if unit == "次" and text.startswith(_SESSION_AFTER, e) and _congress_ends_at(text, s):
        return False  # 十三届全国人大四次会议: the session of a congress
    if unit in ("个", "個") and s > 0 and text[s - 1] in _CLOSING_QUOTES and _SMALL_CN_NUMBER.fullmatch(num):
        return False  # “一般公共预算收入”两个指标: a count restating the items just quoted
    if unit == "次" and text.startswith(_PARTY_CONGRESS_AFTER, e):
        return False  # 省七次党代会: the party congress's ordinal
    if unit == "个" and _DURATION_AFTER.match(text, e):
        return False  # 三个十年: a count of durations is a duration
    if (
        entry is not None
        and entry.kind == "money"
        and (trail in _THRESHOLD_TRAILS or (lead and qualifiers_before().get(lead) == "over"))
        and _category_re().match(text, e)
    ):
        return False  # 10亿元以上项目, 超亿元企业: an amount naming a category (超400家企业 is a count)
    if "/" in num and _LONG_DIGITS.search(num):
        return False  # 113700000044/2024, 68205123/5116: a code, not a fraction
    if s > 0 and text[s - 1] == "表" and (s < 2 or not is_han(text[s - 2])):  # 表1, not 代表
        return False
    if _ALNUM.match(text[s - 1 : s] or " ") and num[0].isdigit() and not lead and not _acronym_indicator_before(text, s, mult, unit):
        return False  # inside a code: C919, 100MN (GDP≥600亿元 is none)
    if _ALNUM_AFTER.match(text, e) and not (unit and not unit.isascii()):
        return False
    if not_quantity_after(text, e):
        return False
    return True


def find_metrics(text: str) -> list[tuple[int, int]]:
    """All METRIC candidate spans ``(start, end)`` in ``text`` (ranges joined).

    Numbers sharing one unit each get a span (分别增长5.3、1.3和1.3个百分点),
    noise inside a number is kept inside its span (1.⏎37倍), ratios of parts
    are one span (4.1∶38.2∶57.7), a growth rate whose % a page lost is one (增长42。);
    nothing is read inside page furniture, set
    phrases or short quoted names (:func:`blocked_stretches`).
    """
    out = mend_spans(text, merge_ranges(text, _find_quantities(text)))
    out = [(s, e) for s, e in out if not (s > 0 and text[s - 1] == "第")]  # 第16至23批次: a range of ordinals
    out += find_ratios(text)
    out += find_lost_percents(text)
    blocked = blocked_stretches(text)
    if blocked:
        out = [(s, e) for s, e in out if not _inside_any(blocked, s, e)]
    return out


def _find_quantities(text: str) -> list[tuple[int, int]]:
    main, _, money = metric_regexes()
    found = [_main_span(m) for m in main.finditer(text) if _ok_main(text, m)]
    found += [m.span() for m in money.finditer(text)]
    found += find_table_cells(text)
    found += spaced_quantities(text)
    found += find_ranks(text)
    return found


def _main_span(m: re.Match[str]) -> tuple[int, int]:
    """The span of a quantity; a share written 半数 takes no unit (超半数|人口)."""
    num_end = m.end("num")
    if m.string[num_end - 1] in "数數" and m.group("unit"):
        return m.start(), num_end
    return m.span()


def _inside_any(blocked: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does ``[s, e)`` overlap one of the (sorted, disjoint) blocked stretches?"""
    i = bisect.bisect_left(blocked, (e,)) - 1
    return i >= 0 and blocked[i][1] > s


def warm_up() -> None:
    """Build the tables and patterns now (the factories call this at construction)."""
    metric_regexes()
    not_quantity_after_re()
    range_start_re()
    units()
    parse_unit_re()
    qualifiers_before()
    qualifiers_after()
