"""The grammar of a stated quantity: qualifier + number + multiplier + unit + qualifier.

One set of tables, read from ``units.tsv`` and ``qualifiers.tsv``, serves the
METRIC recognizer (:func:`find_metrics`) and ``parse_quantity``
(:mod:`cluster_ner.attributes.quantity`):

* **units** (:func:`units`): every word that may follow a number, with its
  canonical unit, its kind and its role — ``metric`` (``家``, ``亿元``, ``%``,
  ``平方公里``: the number is a stated quantity), ``place`` (``三市``: a count of
  places), ``round`` (``3轮``, ``10批次``: a count, but ``前两轮`` is a sequence),
  ``parse`` (read by the parser only) or ``not`` (``2023年``,
  ``3个月``, ``十五届``: a date, a duration or a label, never a METRIC);
* **qualifiers** (:func:`qualifiers_before`, :func:`qualifiers_after`): approx /
  over / under words; those marked ``in_span`` belong to a METRIC span.

A number becomes a METRIC when something says it counts or measures: a unit, a
multiplier (``3万亿``, ``超15万``), a fraction or share (``三分之一``,
``三成``, ``近一半``), or, for ranks (``第4``, ``50强``, ``前十``), a verb of
ranking before it (``位居全国``, ``位列``). Dates, durations, ordinals, codes
(``5G``, ``C919``) and set phrases (``一系列``, ``五大产业``) have none of
these, or are excluded by the checks in :func:`find_metrics`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import lexicon
from ..constants import is_han
from .numbers import MULTIPLIER_CHARS, NUMBER, S2T

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
# Tables derived from the resources
# --------------------------------------------------------------------------


@lexicon.cached
def units() -> dict[str, lexicon.Unit]:
    """Unit word → entry, ASCII words lower-cased (parsing ignores their case)."""
    return {(u.lower() if u.isascii() else u): e for u, e in lexicon.units().items()}


def unit_entry(word: str) -> lexicon.Unit | None:
    """The entry of a unit word as written (ASCII in any case)."""
    return units().get(word.lower() if word.isascii() else word)


@lexicon.cached
def parse_unit_re() -> re.Pattern[str]:
    """Any unit with a canonical form, longest first, ignoring case (for ``parse_quantity``)."""
    return re.compile(lexicon.alternation(u for u, e in lexicon.units().items() if e.canonical), re.IGNORECASE)


def _with_traditional(table: dict[str, str]) -> dict[str, str]:
    out = dict(table)
    for surface, qualifier in table.items():
        out.setdefault(surface.translate(S2T), qualifier)
    return out


@lexicon.cached
def qualifiers_before() -> dict[str, str]:
    """Qualifier words before a number (surface → qualifier), traditional forms included."""
    return _with_traditional({q.word: q.qualifier for q in lexicon.qualifiers() if q.side == "before"})


@lexicon.cached
def qualifiers_after() -> dict[str, str]:
    """Qualifier words after a number or its unit (surface → qualifier), traditional forms included."""
    return _with_traditional({q.word: q.qualifier for q in lexicon.qualifiers() if q.side == "after"})


@lexicon.cached
def multiplier_only_qualifiers() -> frozenset[str]:
    """Qualifiers that only qualify a numeral starting with a multiplier (上千, 数十, 几百)."""
    return frozenset(q.word for q in lexicon.qualifiers() if q.multiplier_only)


def span_leads() -> tuple[str, ...]:
    """Qualifiers before a number that belong to a METRIC span (约, 近, 超 …), longest first."""
    return tuple(sorted((q.word for q in lexicon.qualifiers() if q.side == "before" and q.in_span), key=len, reverse=True))


def span_trails() -> tuple[str, ...]:
    """Qualifiers after a number that belong to a METRIC span (多, 余, 以上 …), longest first."""
    return tuple(sorted((q.word for q in lexicon.qualifiers() if q.side == "after" and q.in_span), key=len, reverse=True))


_MULTIPLIER_CLASS = re.escape("".join(sorted(MULTIPLIER_CHARS)))


def _lead_regex() -> str:
    parts = []
    for q in sorted((q for q in lexicon.qualifiers() if q.side == "before" and q.in_span), key=lambda q: len(q.word), reverse=True):
        word = re.escape(q.word)
        if q.not_after:
            word = f"(?<![{re.escape(q.not_after)}]){word}"
        if q.multiplier_only:
            word = f"{word}(?=[{_MULTIPLIER_CLASS}])"
        parts.append(word)
    return "|".join(parts)


def _role_words(*roles: str) -> list[str]:
    return [u for u, e in lexicon.units().items() if e.role in roles]


@lexicon.cached
def _not_quantity_after_re() -> re.Pattern[str]:
    """What may not follow a quantity: a time word or a label word makes it a date,
    a duration or an ordinal (年, 个月, 届 …: the ``not`` role of ``units.tsv``)."""
    table = lexicon.units()
    parts = []
    for word in sorted(_role_words("not"), key=len, reverse=True):
        guard = table[word].not_followed_by
        parts.append(re.escape(word) + (f"(?![{re.escape(guard)}])" if guard else ""))
    return re.compile("(?:" + "|".join(parts) + ")")


@lexicon.cached
def _known_unit_re() -> re.Pattern[str]:
    return re.compile(lexicon.trie_regex(w for w in _role_words("metric", "place", "round") if is_han(w[0])))


def known_unit_at(text: str, pos: int) -> bool:
    """Does a unit the recognizer reads start at ``pos`` (家, 个, 强 …)?"""
    return _known_unit_re().match(text, pos) is not None


def not_quantity_after(text: str, pos: int) -> bool:
    """Does a word at ``pos`` make the number before it a date, a duration or a label?"""
    return _not_quantity_after_re().match(text, pos) is not None


@lexicon.cached
def _place_units() -> frozenset[str]:
    return frozenset(_role_words("place"))


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


_BIG_MULTIPLIER = re.compile(r"[万亿萬億]")
_SMALL_CN_NUMBER = re.compile(r"[一二两三四五六七八九十]+")
_ALNUM = re.compile(r"[A-Za-z0-9]")
_ALNUM_AFTER = re.compile(r"[A-Za-z0-9]|\.[0-9A-Za-z]")
_MULTIPLIER_ONLY = re.compile(r"^[十拾百佰千仟万萬亿億]+$")
_ONE = re.compile(r"^[一壹]$")
_CURRENCY_PREFIX = r"(?:US\$|HK\$|RMB\s?|\$|¥|￥|€|£)"
# A rank that names a list (500强企业, 百强县) is a descriptor, not a stated rank.
_RANK_DESCRIPTOR_AFTER = re.compile(r"[县市区镇企榜名单]")
# A rank after the name of a published list is the list's title: 入选中国企业500强, 世界500强.
_RANK_TITLE_BEFORE = re.compile(r"(?:企业|世界|中国)$")
_RANK_CONTEXT = re.compile(r"(?:居于?|位居|位列|排名|排在|排|名列|列(?!席)|跻身|挤进|迈入|进入|入选|入围|位于|晋级|升至|跃居|稳居|保持|处于)[^，。；！？,;!?\n]{0,12}$")

_RANK_REACH = 18  # characters before a rank searched for a verb of ranking

RANK_PATTERN = (
    r"(?P<rank>(?:第 ?|前)[0-9一二三四五六七八九十百两]+(?:位|名|强)?"
    r"|(?<![0-9一二三四五六七八九十百千])[0-9一二三四五六七八九十百千]+强"  # lookbehind: linear on digit runs
    r"|[Tt][Oo][Pp]\s?[0-9]+)"
)
RANK_FIRST = "第前0123456789一二三四五六七八九十百千Tt"


@lexicon.cached
def metric_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``(main, rank, money)``: the quantity, rank and currency-prefixed patterns."""
    unit = lexicon.trie_regex(_role_words("metric", "place", "round"))
    trail = "|".join(map(re.escape, span_trails()))
    # The lookahead lets the engine skip, with one set test, every character that
    # cannot start a quantity (most of them). Escaped and sorted: an unescaped "-"
    # between two of these would make a range (−-将 spans most of the CJK block).
    first = "".join(sorted(set(".．零〇○一二两俩三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟兩倆貳陸萬億半负負−－-") | {w[0] for w in span_leads()}))
    main = re.compile(
        rf"(?=[\d{re.escape(first)}])(?P<lead>{_lead_regex()})?(?P<num>{NUMBER})(?P<more>多|余)?(?P<mult>[万亿]+)?"
        rf"(?:\s(?=[A-Za-z%]))?(?P<unit>(?:{unit})(?:/(?:{unit}|[A-Za-z]{{1,3}}))?)?(?P<trail>{trail})?"
    )
    money = re.compile(rf"{_CURRENCY_PREFIX}\s?(?:{NUMBER})")
    rank = re.compile(lexicon.skipping(RANK_FIRST, RANK_PATTERN))
    return main, rank, money


# --------------------------------------------------------------------------
# Finding quantities in running text
# --------------------------------------------------------------------------


def _ok_main(text: str, m: re.Match[str]) -> bool:
    lead, num, more, mult, unit, trail = m.group("lead", "num", "more", "mult", "unit", "trail")
    if not (unit or mult or _BIG_MULTIPLIER.search(num) or "分之" in num or "/" in num or "半" in num or "%" in num):
        return False  # no unit, multiplier, fraction or share: a bare number
    s, e = m.span()
    if unit == "强":  # a rank: only after a verb of ranking (位列东部地区50强)
        return bool(_RANK_CONTEXT.search(text, max(0, s - _RANK_REACH), s)) and not _list_name(text, s, e)
    place_units = _place_units()
    if unit in place_units and (num in ("两", "二", "一") or not _SMALL_CN_NUMBER.fullmatch(num)):
        # 苏州、无锡、常州3市: Arabic digits count places only right after a place named
        if not (num.isdigit() and lexicon.place_reverse_trie().longest_ending_at(text, s) is not None):
            return False
    if unit in place_units and text.startswith("集群", e):  # 六市集群 names a cluster
        return False
    if _MULTIPLIER_ONLY.match(num) and not (lead or more or trail):  # 百场 in 十链百场万企; 上千家, 百余家 are fine
        return False
    if _ONE.match(num) and not (lead or more or trail or mult):  # 又一场, 一个: not a stated quantity
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
    if _ALNUM.match(text[s - 1 : s] or " ") and num[0].isdigit():  # inside a code: C919, 100MN
        return False
    if _ALNUM_AFTER.match(text, e) and not (unit and not unit.isascii()):
        return False
    if not_quantity_after(text, e):
        return False
    return True


# A range joins two quantities, or a bare number and a quantity: 6%—7%, 3至5个百分点, 3-5个.
RANGE_JOINERS = "—–－~～至-"


@lexicon.cached
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
    """All METRIC candidate spans ``(start, end)`` in ``text`` (ranges joined).

    Numbers sharing one unit each get a span (分别增长5.3、1.3和1.3个百分点),
    noise inside a number is kept inside its span (1.⏎37倍), ratios of parts
    are one span (4.1∶38.2∶57.7); nothing is read inside page furniture, set
    phrases or short quoted names (:func:`blocked_stretches`).
    """
    spans = merge_ranges(text, _find_quantities(text))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        before = text[s - 1] if s else ""
        if before in _LIST_JOINERS:
            out += _shared_before(text, s, e)
        elif before in _NOISE_BEFORE:
            s, e = _mend(text, s, e)
        out.append((s, e))
    out += find_ratios(text)
    blocked = blocked_stretches(text)
    if blocked:
        out = [(s, e) for s, e in out if not _inside_any(blocked, s, e)]
    return out


def _find_quantities(text: str) -> list[tuple[int, int]]:
    main, rank, money = metric_regexes()
    found = [_main_span(m) for m in main.finditer(text) if _ok_main(text, m)]
    found += [m.span() for m in money.finditer(text)]
    found += find_table_cells(text)
    found += _spaced_quantities(text)
    last_rank = -1
    for m in rank.finditer(text):
        s, e = m.span()
        surface = m.group()
        ok = (
            surface.lower().startswith("top")
            or _RANK_CONTEXT.search(text, max(0, s - _RANK_REACH), s) is not None
            or (surface.startswith("第") and surface.endswith("名"))  # 以第12名的成绩: a rank written as one
            or (last_rank >= 0 and _RANK_LIST.fullmatch(text, last_rank, s) is not None)  # …第3、新型城镇化质量第4
        )
        title = surface.endswith("强") and _list_name(text, s, e)
        ordinal = surface[-1] not in "位名强" and known_unit_at(text, e)  # 第一次会议, 第三批, 前三个季度
        if ok and not not_quantity_after(text, e) and not title and not ordinal:
            found.append((s, e))
            last_rank = e
    return found


def _main_span(m: re.Match[str]) -> tuple[int, int]:
    """The span of a quantity; a share written 半数 takes no unit (超半数|人口)."""
    num_end = m.end("num")
    if m.string[num_end - 1] in "数數" and m.group("unit"):
        return m.start(), num_end
    return m.span()


def _list_name(text: str, s: int, e: int) -> bool:
    """Is the 强 rank at ``[s, e)`` the name of a list (百强县, 中国企业500强, 工业百强第7)?"""
    return bool(_RANK_DESCRIPTOR_AFTER.match(text, e) or _RANK_TITLE_BEFORE.search(text, max(0, s - 2), s) or text.startswith("第", e))


# Ranks listed after one verb of ranking: 、 and a few words before each next rank.
_RANK_LIST = re.compile(r"、[^，。；！？,;!?\n、]{0,12}")


# --------------------------------------------------------------------------
# Numbers sharing a unit, noise inside numbers, spacing, ratios
# --------------------------------------------------------------------------

# A bare Arabic number right before 、/和/及/与, itself not part of a code, date or ordinal.
_SHARED_NUMBER = re.compile(r"(?<![0-9A-Za-z.\-/第图表])(\d+(?:\.\d+)?)[、和及与]$")
_MAX_SHARED = 8


_LIST_JOINERS = frozenset("、和及与")
_NOISE_BEFORE = frozenset(" \n。")


def _shared_before(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``5.3、1.3和1.3个百分点``: the bare numbers listed before the quantity at ``s``."""
    if not text[s].isdigit() or text[s:e].replace(".", "").isdigit():
        return []  # a qualifier first, or a bare table cell: no list
    out = []
    p = s
    for _ in range(_MAX_SHARED):
        m = _SHARED_NUMBER.search(text, max(0, p - 16), p)
        if m is None:
            break
        out.append(m.span(1))
        p = m.start()
    return out


# Noise inside a number: a line break or space after its decimal point (1.⏎37倍, 8.⏎2%),
# a space before it (2 .7倍), a Chinese full stop for the point (31。8%), a line break
# in its digits where a page wraps a long line (4⏎12.6亿元).
_BROKEN_POINT = re.compile(r"(?<![\d.])\d+[.．](?:\r?\n| )$")
_SPACE_BEFORE_POINT = re.compile(r"(?<![\d.])\d+ $")
_FULL_STOP_POINT = re.compile(r"(?<![\d.。])\d{1,3}。$")
_WRAPPED_DIGITS = re.compile(r"(?<![\d.])\d{1,3}\r?\n$")
_WRAPPED_LINE = 16  # a line at least this long, broken inside a number, was wrapped


def _mend(text: str, s: int, e: int) -> tuple[int, int]:
    """Move ``s`` left over the part of a number that noise cut off."""
    if not (text[s].isdigit() or text[s] in ".．"):
        return s, e
    floor = max(0, s - 12)
    if text[s] in ".．":
        m = _SPACE_BEFORE_POINT.search(text, floor, s)
        return (m.start(), e) if m else (s, e)
    m = _BROKEN_POINT.search(text, floor, s)
    if m is not None:
        return m.start(), e
    if text[s - 1] == "。" and "%" in text[s:e]:
        m = _FULL_STOP_POINT.search(text, floor, s)
        return (m.start(), e) if m else (s, e)
    m = _WRAPPED_DIGITS.search(text, floor, s)
    if m is not None:
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= _WRAPPED_LINE and text[m.start() - 1] not in "。！？；：":
            return m.start(), e
    return s, e


@lexicon.cached
def _spaced_re() -> re.Pattern[str]:
    """A number written between spaces before its unit (公布 45 个名单)."""
    unit = lexicon.trie_regex(w for w in _role_words("metric", "round") if is_han(w[0]))
    return re.compile(rf"(?<= )\d+(?:\.\d+)? (?:{unit})")


def _spaced_quantities(text: str) -> list[tuple[int, int]]:
    if " " not in text:
        return []
    return [m.span() for m in _spaced_re().finditer(text) if not not_quantity_after(text, m.end())]


# A ratio of parts: 4.1∶38.2∶57.7, 2.5:37:60.5, 12.9︰33.4︰53.7; a time (09:30:15) is none.
_RATIO = re.compile(r"(?<![\d.:∶︰?])\d+(?:\.\d+)?(?: ?[∶︰:?] ?\d+(?:\.\d+)?){1,5}(?![\d.:∶︰?])")
_RATIO_SEPARATORS = re.compile(r" ?([∶︰:?]) ?")


_RATIO_SIGN = re.compile(r"(?<=\d) ?[∶︰:?] ?\d")
_NUMBER_BEFORE = re.compile(r"\d+(?:\.\d+)?\Z")


def find_ratios(text: str) -> list[tuple[int, int]]:
    """Ratios of parts, one span each.

    With the ratio sign (∶ ︰) any parts count; with a colon at least one part has
    decimals (a clock time has none); a ``?`` (a ratio sign lost in an encoding)
    needs three parts, all with decimals. Only a sign between two digits is looked at.
    """
    out: list[tuple[int, int]] = []
    end = -1
    for sign in _RATIO_SIGN.finditer(text):
        if sign.start() < end:
            continue
        first = _NUMBER_BEFORE.search(text, max(0, sign.start() - 24), sign.start())
        m = _RATIO.match(text, first.start()) if first is not None else None
        if m is None:
            continue
        end = m.end()
        parts = _RATIO_SEPARATORS.split(m.group())
        numbers, seps = parts[0::2], set(parts[1::2])
        if len(seps) != 1:
            continue
        sep = seps.pop()
        decimals = sum("." in n for n in numbers)
        if sep == ":" and not decimals:
            continue
        if sep == "?" and (len(numbers) < 3 or decimals < len(numbers)):
            continue
        out.append(m.span())
    return out


# --------------------------------------------------------------------------
# Where no METRIC is read: page furniture, set phrases, quoted names
# --------------------------------------------------------------------------

# A short phrase in quotation marks is a name or a slogan (“四个全面”, “双过半”, “十强”).
_QUOTED = re.compile(r"[“「‘\"]([^“”「」‘’\"\n，。；：、,;:！？]{1,12})[”」’\"]")
_GAP = " \t\u3000"
_DIGIT_RUN = re.compile(r"\d[\d,.]*")
# 15时30分, 09:30, 16:12:31 (a ratio has decimals: 17.9:36.4 is none).
_CLOCK_AT = re.compile(r"\d{1,2} ?[时:] ?\d{1,2}(?: ?分(?: ?\d{1,2} ?秒)?|(?::\d{2})?(?![\d.:]))")
_NOT_CODE = re.compile(r"[\n\u4e00-\u9fff]")
_LABEL_END = frozenset(":：" + _GAP)  # what may stand between a label and its number
_MAX_CODE = 60  # characters of a code after its label


class _Furniture:
    """The words of ``page_furniture.tsv`` in the shapes the scan below asks for."""

    def __init__(self) -> None:
        words = lexicon.page_furniture()
        self.counter = tuple(words.get("counter", ()))
        self.code = tuple(words.get("code", ()))
        self.code_prefix = tuple(words.get("code_prefix", ()))
        self.road = tuple(words.get("road", ()))
        after = lexicon.alternation(words.get("counter_after", ()))
        units = lexicon.alternation(words.get("address_unit", ()))
        self.after = re.compile(rf"万?[{_GAP}]?(?:{after})")
        self.after_first = frozenset("万" + _GAP + "".join(w[0] for w in words.get("counter_after", ())))
        self.quick_next = (self.after_first - {"万"}) | frozenset("时:号")
        self.prefix_last = frozenset(w[-1] for w in self.code_prefix)
        self.counter_tail = re.compile(r"[万wWkK]?[次人条]?")
        self.address = re.compile(rf"\d+号(?:[之\-]?\d+)?(?:\d+(?:{units}))*")
        crumbs = words.get("breadcrumb", ())
        self.crumb_words = tuple(crumbs)
        self.crumb_word = re.compile(lexicon.trie_regex(crumbs)) if crumbs else None
        self.crumbs = re.compile(rf"(?:{lexicon.alternation(crumbs)})(?:[{_GAP}]*[>›»][{_GAP}]*[^\n>›»]{{1,12}})+")
        phrases = lexicon.set_phrases()
        self.phrases = (
            re.compile(lexicon.skipping("".join(sorted({p[0] for p in phrases})), lexicon.trie_regex(phrases))) if phrases else None
        )


@lexicon.cached
def _furniture() -> _Furniture:
    return _Furniture()


def _skip_gap_left(text: str, i: int, floor: int) -> int:
    while i > floor and text[i - 1] in _GAP:
        i -= 1
    return i


def _furniture_at(text: str, s: int, e: int, f: _Furniture) -> tuple[int, int] | None:
    """The page furniture a digit run ``[s, e)`` belongs to, if any.

    Each check first tests the one character it needs (most numbers sit between Han
    characters and pass them all at once).
    """
    nxt = text[e] if e < len(text) else ""
    before = text[s - 1] if s > 0 else ""
    if nxt and nxt in "时: " and before not in ".:":
        clock = _CLOCK_AT.match(text, s)
        if clock is not None:  # 15时30分, 09:30:15
            return s, clock.end()
    if nxt and nxt in f.after_first:
        after = f.after.match(text, e)
        if after is not None:  # 0条评论, 36 次浏览
            return s, after.end()
    if nxt == "号" and text.endswith(f.road, 0, s):  # 人民路32号101房
        address = f.address.match(text, s)
        return s, address.end() if address else e
    if not before or is_han(before):
        if text.endswith(f.code_prefix, 0, s):  # 粤ICP备2023041876号-2
            return _word_start(text, s, f.code_prefix), _code_end(text, e)
        return None
    floor = max(0, s - _MAX_CODE)
    # A counter's label before the number, after a colon or a gap: 浏览次数：258, 阅读 1.2万.
    j = _skip_gap_left(text, s, floor)
    colon = j > floor and text[j - 1] in ":："
    if colon:
        j = _skip_gap_left(text, j - 1, floor)
    if (colon or j < s) and text.endswith(f.counter, 0, j):
        tail = f.counter_tail.match(text, e)
        return _word_start(text, j, f.counter), tail.end() if tail else e
    # A code after its label on the same line: 索引号：1137…/2024-00031, 联系电话：0531-….
    k = s
    while k > floor and not _NOT_CODE.match(text[k - 1]):
        k -= 1  # back to the start of the non-Han stretch the number is in
    c = k
    while c < s and text[c] in _GAP:
        c += 1
    if c < s and text[c] in ":：" and text.endswith(f.code, 0, k):
        return _word_start(text, k, f.code), _code_end(text, e)
    if text.endswith(f.code_prefix, 0, k):
        return _word_start(text, k, f.code_prefix), _code_end(text, e)
    if k > 0 and text[k - 1] == "号" and _prefix_before_number(text, k - 1, floor, f):
        return k - 1, _code_end(text, e)
    return None


def _word_start(text: str, end: int, words: tuple[str, ...]) -> int:
    """Start of the longest of ``words`` ending at ``end``."""
    return end - max(len(w) for w in words if text.endswith(w, 0, end))


def _prefix_before_number(text: str, i: int, floor: int, f: _Furniture) -> bool:
    """粤ICP备2023041876号-2: a 号 closing a code that starts with a code prefix."""
    k = i
    while k > floor and not _NOT_CODE.match(text[k - 1]):
        k -= 1
    return text.endswith(f.code_prefix, 0, k)


def _code_end(text: str, e: int) -> int:
    m = _NOT_CODE.search(text, e, e + _MAX_CODE)
    end = m.start() if m is not None else min(len(text), e + _MAX_CODE)
    if text.startswith("号", end):  # ICP备2023041876号-2
        m = _NOT_CODE.search(text, end + 1, end + 1 + _MAX_CODE)
        end = m.start() if m is not None else min(len(text), end + 1 + _MAX_CODE)
    return end


def blocked_stretches(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the stretches no METRIC may lie in: sorted, disjoint.

    Page furniture: counters (浏览次数：258, 0条评论), codes after their label
    (索引号：…, 联系电话：…, 粤ICP备…), addresses (人民路32号101房), clock times
    (15时30分, 09:30), breadcrumb lines; set phrases (三次产业, 两个先行); and a
    short phrase in quotation marks (“四个全面”, “十强”), which is a name.
    """
    return list(_blocked(text))


@lru_cache(maxsize=1024)  # the model's scope asks again about each text of a batch
def _blocked(text: str) -> tuple[tuple[int, int], ...]:
    """:func:`blocked_stretches`, kept for the few texts in hand: the recognizer and the
    model's scope both ask it about the same text."""
    f = _furniture()
    found: list[tuple[int, int]] = []
    covered = -1
    quick_next, prefix_last = f.quick_next, f.prefix_last
    for m in _DIGIT_RUN.finditer(text):
        s, e = m.span()
        if s < covered:
            continue
        before = text[s - 1] if s else ""
        nxt = text[e : e + 1]
        if nxt not in quick_next and before not in prefix_last and ("\u4e00" <= before <= "\u9fff" or ("\u4e00" <= nxt <= "\u9fff" and before not in _LABEL_END)):
            continue  # 增长5.3%, ，2023年: before a Han character, after no label's colon or gap
        hit = _furniture_at(text, s, e, f)
        if hit is not None:
            found.append(hit)
            covered = hit[1]
    if f.phrases is not None:
        found += [m.span() for m in f.phrases.finditer(text)]
    if f.crumb_words and f.crumb_word.search(text) is not None:
        found += [m.span() for m in f.crumbs.finditer(text)]
    found += [m.span(1) for m in _QUOTED.finditer(text)]
    found.sort()
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


lexicon.on_reload(_blocked.cache_clear)


def _inside_any(blocked: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does ``[s, e)`` overlap one of the (sorted, disjoint) blocked stretches?"""
    i = bisect.bisect_left(blocked, (e,)) - 1
    return i >= 0 and blocked[i][1] > s


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
        if header is not None and header_sep != sep:
            header = None  # a row of another kind starts a new block (a footer line after a | menu)
        if sep is None and not (spaced and (header is not None or _UNIT_IN_HEADER.search(line))):
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


def warm_up() -> None:
    """Build the tables and patterns now (the factories call this at construction)."""
    metric_regexes()
    _not_quantity_after_re()
    _range_start_re()
    units()
    parse_unit_re()
    qualifiers_before()
    qualifiers_after()
