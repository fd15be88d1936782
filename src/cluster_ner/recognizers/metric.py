"""METRIC: a stated quantity — qualifier + number + multiplier + unit + qualifier.

A number becomes a METRIC when something says it counts or measures: a unit or
measure word (``家``, ``亿元``, ``%``, ``平方公里`` from ``units.tsv``), a
multiplier (``3万亿``, ``超15万``), a fraction or share (``三分之一``,
``三成``, ``近一半``), or, for ranks (``第4``, ``50强``, ``前十``), a verb of
ranking before it (``位居全国``, ``位列``). Dates, durations, ordinals, codes
(``5G``, ``C919``) and set phrases (``一系列``, ``五大产业``) have none of
these, or are excluded by the checks in :func:`find_metrics`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from .. import lexicon
from ..attributes.quantity import NUMBER
from .base import RuleRecognizer, is_han

LABEL = "METRIC"

_BIG_MULTIPLIER = re.compile(r"[万亿萬億]")
_SMALL_CN_NUMBER = re.compile(r"[一二两三四五六七八九十]+")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ALNUM_AFTER = re.compile(r"[A-Za-z0-9]|\.[0-9A-Za-z]")
_MULTIPLIER_ONLY = re.compile(r"^[十拾百佰千仟万萬亿億]+$")
_ONE = re.compile(r"^[一壹]$")
# What may not follow a quantity: time words make it a date or a duration.
TIME_AFTER = re.compile(r"(?:月|年(?!均)|天|日|号|小时|钟|秒|周(?!边)|星期|季度|工作日|世纪|岁|级|代|届|轮|期|版|后|全会|之[一二三四五六七八九十])")
# Counts of places and departments: 三市, 五州市 — but 两市/两地 point back to places already named.
_PLACE_UNITS = frozenset({"省", "市", "地", "州市"})
_CURRENCY_PREFIX = r"(?:US\$|HK\$|RMB\s?|\$|¥|￥|€|£)"
# A rank that names a list (500强企业, 百强县) is a descriptor, not a stated rank.
_RANK_DESCRIPTOR_AFTER = re.compile(r"[县市区镇企榜名单]")
_RANK_CONTEXT = re.compile(r"(?:居于?|位居|位列|排名|排在|排|名列|列|跻身|挤进|迈入|进入|入选|入围|位于|晋级|升至|跃居|稳居|保持|处于)[^，。；！？,;!?\n]{0,8}$")


# Qualifiers that belong to the span (the specification's lists); the parser
# knows more (不少于, 高于 …) but those stay outside a METRIC.
SPAN_LEADS = ("大约", "约", "将近", "接近", "近", "超过", "超", "逾", "过", "不到", "不足", "上")
SPAN_TRAILS = ("以上", "以下", "左右", "多", "余")
# A lead character that ends an ordinary word is not a qualifier: 签约14个, 附近, 经过.
_NOT_LEAD_AFTER = {"约": "签节制预合公条履违特邀", "近": "附最临靠亲就逼贴", "过": "经通不错度跨越闯走透穿胜难超", "超": "赶追高反"}


def _lead_regex() -> str:
    parts = []
    for lead in SPAN_LEADS:
        if lead == "上":
            parts.append("上(?=[千万百])")
        elif lead in _NOT_LEAD_AFTER:
            parts.append(f"(?<![{_NOT_LEAD_AFTER[lead]}]){lead}")
        else:
            parts.append(lead)
    return "|".join(parts)


RANK_PATTERN = (
    r"(?P<rank>(?:第|前)[0-9一二三四五六七八九十百两]+(?:位|名)?"
    r"|(?<![0-9一二三四五六七八九十百千])[0-9一二三四五六七八九十百千]+强"  # lookbehind: linear on digit runs
    r"|[Tt][Oo][Pp]\s?[0-9]+)"
)
RANK_FIRST = "第前0123456789一二三四五六七八九十百千Tt"


@lru_cache(maxsize=1)
def _metric_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    unit = lexicon.trie_regex(lexicon.units())
    trail = "|".join(SPAN_TRAILS)
    # The lookahead lets the engine skip, with one set test, every character that
    # cannot start a quantity (most of them).
    # Escaped and sorted: an unescaped "-" between two of these would make a
    # range (−-将 spans most of the CJK block) and defeat the skip.
    first = "".join(sorted(set(".．零〇○一二两俩三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟兩倆貳陸萬億半负負−－-") | {q[0] for q in SPAN_LEADS}))
    main = re.compile(
        rf"(?=[\d{re.escape(first)}])(?P<lead>{_lead_regex()})?(?P<num>{NUMBER})(?P<more>多|余)?(?P<mult>[万亿]+)?"
        rf"(?:\s(?=[A-Za-z%]))?(?P<unit>(?:{unit})(?:/(?:{unit}|[A-Za-z]{{1,3}}))?)?(?P<trail>{trail})?"
    )
    money = re.compile(rf"{_CURRENCY_PREFIX}\s?(?:{NUMBER})")
    rank = re.compile(lexicon.skipping(RANK_FIRST, RANK_PATTERN))
    return main, rank, money


def _ok_main(text: str, m: re.Match[str]) -> bool:
    lead, num, more, mult, unit, trail = m.group("lead", "num", "more", "mult", "unit", "trail")
    if not (unit or mult or _BIG_MULTIPLIER.search(num) or "分之" in num or "/" in num or "半" in num or "%" in num):
        return False  # no unit, multiplier, fraction or share: a bare number
    s, e = m.span()
    if unit == "强":  # a rank: only after a verb of ranking (位列东部地区50强)
        return bool(_RANK_CONTEXT.search(text, max(0, s - 14), s)) and not _RANK_DESCRIPTOR_AFTER.match(text, e)
    if unit in _PLACE_UNITS and (num in ("两", "二", "一") or not _SMALL_CN_NUMBER.fullmatch(num)):
        return False
    if unit in _PLACE_UNITS and text.startswith("集群", e):  # 六市集群 names a cluster
        return False
    if _MULTIPLIER_ONLY.match(num) and not (lead or more or trail):  # 百场 in 十链百场万企; 上千家, 百余家 are fine
        return False
    if _ONE.match(num) and not (lead or more or trail or mult):  # 又一场, 一个: not a stated quantity
        return False
    if s > 0 and text[s - 1] in "第届图":  # ordinals (第三次, 十五届六次全会) and figures (图2)
        return False
    if s > 0 and text[s - 1] == "表" and (s < 2 or not is_han(text[s - 2])):  # 表1, not 代表
        return False
    if _ALNUM.match(text[s - 1 : s] or " ") and num[0].isdigit():  # inside a code: C919, 100MN
        return False
    if _ALNUM_AFTER.match(text, e) and not (unit and not unit.isascii()):
        return False
    if TIME_AFTER.match(text, e):
        return False
    return True


# A range joins two quantities, or a bare number and a quantity: 6%—7%, 3至5个百分点.
RANGE_JOINERS = "—–－~～至"


@lru_cache(maxsize=1)
def _range_start_re() -> re.Pattern[str]:
    """A bare number right before a range joiner, anchored at the end of the searched text."""
    return re.compile(rf"(?<![0-9A-Za-z.]){NUMBER}[{RANGE_JOINERS}]$")


def merge_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join ``a—b`` into one span: two quantities, or a bare number and a quantity."""
    spans = sorted(set(spans))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] + 1 == s and text[s - 1] in RANGE_JOINERS:
            out[-1] = (out[-1][0], e)
            continue
        if s > 0 and text[s - 1] in RANGE_JOINERS and (not out or out[-1][1] < s - 1):
            m = _range_start_re().search(text, max(0, s - 12), s)
            if m is not None and (not out or out[-1][1] <= m.start()) and not text[m.start() : s - 1].isspace():
                s = m.start()
        out.append((s, e))
    return out


def find_metrics(text: str) -> list[tuple[int, int]]:
    """All METRIC candidate spans ``(start, end)`` in ``text`` (ranges joined)."""
    return merge_ranges(text, _find_quantities(text))


def _find_quantities(text: str) -> list[tuple[int, int]]:
    main, rank, money = _metric_regexes()
    found = [m.span() for m in main.finditer(text) if _ok_main(text, m)]
    found += [m.span() for m in money.finditer(text)]
    found += find_table_cells(text)
    for m in rank.finditer(text):
        s, e = m.span()
        if m.group().lower().startswith("top") or _RANK_CONTEXT.search(text, max(0, s - 14), s):
            if not TIME_AFTER.match(text, e) and not (m.group().endswith("强") and _RANK_DESCRIPTOR_AFTER.match(text, e)):
                found.append((s, e))
    return found


_CELL_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_NOT_MEASURE_HEADER = re.compile(r"序号|编号|No\.?|年份|年度|日期|代码|排名")


_UNIT_IN_HEADER = re.compile(r"[（(][^（）()]{1,8}[）)]|单位")
_SPACES = re.compile(r"[ \u3000]+")


def _cells(line: str, sep: str | None) -> list[tuple[int, str]]:
    """``(offset, cell)`` pairs of a table row."""
    if sep is not None:
        out, offset = [], 0
        for cell in line.split(sep):
            out.append((offset, cell))
            offset += len(cell) + len(sep)
        return out
    return [(m.start(), m.group()) for m in re.finditer(r"[^ \u3000\n]+", line)]


def find_table_cells(text: str) -> list[tuple[int, int]]:
    """Bare numbers in the cells of a text table.

    Rows are lines of ``|`` or tab separated cells, or of space separated cells
    under a header that states units (``企业数（家） 产值（亿元）``). The first
    row of a block is its header; a column whose header is a row number, year,
    date or code (序号, 年份 …) is not a quantity.
    """
    if "|" not in text and "\t" not in text and " " not in text and "\u3000" not in text:
        return []  # no separator of any kind: no row can have cells
    found: list[tuple[int, int]] = []
    header: list[str] | None = None
    header_sep: str | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        sep = "|" if line.count("|") >= 2 else ("\t" if line.count("\t") >= 2 else None)
        spaced = sep is None and len(_SPACES.findall(line.strip())) >= 2
        if sep is None and not (spaced and (header is not None and header_sep is None or _UNIT_IN_HEADER.search(line))):
            header = None
        elif header is None:
            header, header_sep = [c for _, c in _cells(line, sep)], sep
        else:
            for col, (offset, cell) in enumerate(_cells(line, sep)):
                stripped = cell.strip()
                head = header[col] if col < len(header) else ""
                if stripped and _CELL_NUMBER.fullmatch(stripped) and not _NOT_MEASURE_HEADER.search(head):
                    start = pos + offset + cell.index(stripped)
                    found.append((start, start + len(stripped)))
        pos += len(line)
    return found


@Language.factory("cluster_ner_metric", default_config={})
def make_metric_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the METRIC rule recognizer."""
    _metric_regexes()
    return RuleRecognizer(name, LABEL, find_metrics)
