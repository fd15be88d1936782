"""Time expressions in Chinese text, normalized to the period forms of CONTEXT.md.

One regex finds every time expression of a text in one pass
(:func:`find_times`); each becomes a :class:`Time` whose ``period`` is one of

========== ======================================= ========================
form       text                                    period
========== ======================================= ========================
year       2023年, 2023年全年, 截至2023年底          ``2023``
half       2023年上半年, 上半年 (in 2023)            ``2023-H1``
quarter    一季度, 前三季度                          ``2023-Q1``, ``2023-Q1/2023-Q3``
month      2024年6月, 6月份                          ``2024-06``
months     1—6月, 前5个月                            ``2024-01/2024-06``
years      2021—2025年, “十四五”期间                 ``2021/2025``
open       2019年以来, 自2019年起                    ``2019/..``
day        2024年11月18日                            ``2024-11-18``
========== ======================================= ========================

Relative words (今年, 去年, 上半年, 近三年, 目前 …) resolve against the
document's year; without one they give no period. A year written before a
half, quarter or month (2023年上半年) is one expression. A time that is the
base of a comparison (比上年, 较2020年, 上年同期) or a date something began
(成立于2014年) is found but marked ``base``: it is not the period of what follows. The module is standard
library only and compiles its pattern once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import DIGIT_VALUE

__all__ = ["Time", "find_times", "year_of"]

_CN = "〇零一二两三四五六七八九十"
_YEAR = rf"(?:(?:19|20)\d{{2}}|[{_CN[:-1]}]{{4}})"  # 2023, 二〇二三
_NUM12 = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = rf"(?:[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DASH = r"\s*[—–\-~～至到]\s*"
_SMALL = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"

# A full date; its separators agree (2024年3月5日, 2024-03-05, 2024/3/5): 2018年1-7月 is months.
_YMD = (
    rf"(?P<ymd_y>{_YEAR})\s*(?:(?P<ymd_nian>年)|[\-/.])\s*(?P<ymd_m>{_NUM12})\s*(?(ymd_nian)月|[\-/.])"
    rf"\s*(?P<ymd_d>{_DAY})\s*[日号]?(?![\d月])"
)
FULL_DATE = re.compile(rf"(?<!\d){_YMD}")


def full_date_of(m: re.Match[str]) -> str | None:
    """``YYYY-MM-DD`` of a :data:`FULL_DATE` match (Arabic or Chinese numerals), or ``None``."""
    y, mo, d = year_of(m.group("ymd_y")), _cn_number(m.group("ymd_m")), _cn_number(m.group("ymd_d"))
    return f"{y:04d}-{mo:02d}-{d:02d}" if y and mo and d and 1 <= mo <= 12 and 1 <= d <= 31 else None


# Named alternatives, longest and most specific first (the regex takes the first that matches).
_PATTERN = rf"""
(?P<five>(?:“|")?(?P<five_n>十[一二三四五六七八九]五|十五五)(?:”|")?(?:规划)?(?P<five_tail>期间|时期|以来|末|初|开局之年)?)
|(?P<yrange>(?P<y1>{_YEAR})\s*年?{_DASH}(?P<y2>{_YEAR})\s*年(?:度|间|期间)?)
|(?P<ymd>{_YMD})
|(?P<ym>(?P<ym_y>{_YEAR})\s*年\s*(?P<ym_m1>{_NUM12})(?:月?{_DASH}(?P<ym_m2>{_NUM12}))?\s*月(?:份|末|底|初)?)
|(?P<ypart>(?P<yp_y>{_YEAR})\s*年\s*(?:的)?(?P<yp_part>上半年|下半年|前三季度|前两季度|[一二三四1-4]季度|第[一二三四1-4]季度|全年|年底|年末|底|末|初|度|以来|起|至今))
|(?P<year>(?P<y_only>{_YEAR})\s*年(?!代|级))
|(?P<mrange>(?P<mr_1>{_NUM12})月?{_DASH}(?P<mr_2>{_NUM12})\s*月(?:份)?)
|(?P<firstm>前(?P<fm_n>{_SMALL})个?月(?!份?[底末初]))
|(?P<month>(?<![\d年])(?P<m_only>{_NUM12})\s*月(?:份|末|底|初)?(?!\d*日))
|(?P<mday>(?<![\d年])(?P<md_m>{_NUM12})\s*月\s*(?P<md_d>{_DAY})\s*[日号])
|(?P<part>上半年|下半年|前三季度|前两季度|第?[一二三四]季度|全年|年末|年底)
|(?P<rel>今年|本年|当年|去年|上一年|明年|前年)
|(?P<recent>(?:近|过去|最近)(?P<rc_n>{_SMALL})年|(?<![\d一二两三四五六七八九十百千])(?P<rc_n2>[两三四五六七八九十]{{1,2}})年来)
|(?P<now>截至目前|截止目前|目前|当前|现已|现有|如今|现在)
|(?P<enhalf>(?i:the\s+)?(?P<enh_w>(?i:first|second))\s+half\s+of\s+(?P<enh_y>(?:19|20)\d{{2}}))
|(?P<enyear>(?<![A-Za-z])(?P<enh_p>(?i:by|in|for|during|since))\s+(?P<eny_y>(?:19|20)\d{{2}})(?!\d))
"""
# Every alternative starts with one of these: a lookahead skips the rest of the text at C
# speed instead of trying each alternative at each character.
_FIRST = r"(?=[\d“\"十〇零一二三四五六七八九两上下前第全年今本当去明近过最截目现如tfsbidTFSBID])"
_TIME_RE = re.compile(_FIRST + "(?:" + _PATTERN + ")", re.X)
# A time right after these is the base of a comparison, not a period: 比上年, 较2020年.
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|相比|相较|对比|高于|低于|超过|快于|慢于|由|从)\s*$")
# A date that says when something began is no period of what follows: 成立于2014年, 始建于1958年.
_ORIGIN_BEFORE = re.compile(r"(?:成立于|创立于|创建于|始建于|建于|成立|创办于|诞生于|起步于|注册于)\s*$")
_BASE_WORDS = re.compile(r"^(?:上年|去年)同期")
# Words before a year that open a range to now or mark a deadline.
_OPEN_AFTER = re.compile(r"\s*(?:以来|起|至今|开始)")  # (matched at a position: no ^)
_FROM_BEFORE = re.compile(r"自\s*$")
_SINCE_WORDS = ("以来", "起", "至今")


@dataclass(frozen=True)
class Time:
    """A time expression: ``text[start:end]``, its period (``None`` when it needs a
    document year that is unknown), and whether it is the base of a comparison."""

    start: int
    end: int
    period: str | None
    base: bool = False


def _cn_number(text: str) -> int | None:
    """Value of 1–2 digit numerals: 6, 06, 十二, 三, 二十一."""
    if text.isdigit():
        return int(text)
    if text in DIGIT_VALUE:
        return DIGIT_VALUE[text]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (DIGIT_VALUE.get(tens, 1) if tens else 1) * 10 + (DIGIT_VALUE.get(ones, 0) if ones else 0)
    return None


def year_of(text: str) -> int | None:
    """A four-digit year, Arabic or Chinese digit by digit (二〇二三 → 2023)."""
    if text.isdigit():
        return int(text)
    digits = [DIGIT_VALUE.get(c) for c in text]
    if len(digits) == 4 and all(d is not None for d in digits):
        return int("".join(map(str, digits)))
    return None


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _part(y: int, part: str) -> str | None:
    """The period of a part of year ``y``: 上半年 → 2023-H1, 前三季度 → 2023-Q1/2023-Q3."""
    if part in ("上半年",):
        return f"{y}-H1"
    if part == "下半年":
        return f"{y}-H2"
    if part == "前三季度":
        return f"{y}-Q1/{y}-Q3"
    if part == "前两季度":
        return f"{y}-Q1/{y}-Q2"
    if part.endswith("季度"):
        q = _cn_number(part.lstrip("第")[0])
        return f"{y}-Q{q}" if q in (1, 2, 3, 4) else None
    if part in ("全年", "年底", "年末", "底", "末", "度", "初"):
        return str(y)
    if part in _SINCE_WORDS:
        return f"{y}/.."
    return None


_FIVE_YEAR = {"十三五": 2016, "十四五": 2021, "十五五": 2026, "十二五": 2011, "十一五": 2006}


def _period(m: re.Match[str], text: str, year: int | None) -> str | None:
    kind = m.lastgroup
    g = m.group
    if kind == "five":
        first = _FIVE_YEAR.get(g("five_n"))
        if first is None:
            return None
        tail = g("five_tail") or ""
        if tail == "以来":
            return f"{first}/.."
        if tail == "末":
            return str(first + 4)
        if tail in ("初", "开局之年"):
            return str(first)
        return f"{first}/{first + 4}"
    if kind == "yrange":
        y1, y2 = year_of(g("y1")), year_of(g("y2"))
        return f"{y1}/{y2}" if y1 and y2 and y1 <= y2 else None
    if kind == "ymd":
        return full_date_of(m)
    if kind == "ym":
        y, m1 = year_of(g("ym_y")), _cn_number(g("ym_m1"))
        if not y or not m1 or not 1 <= m1 <= 12:
            return None
        if g("ym_m2"):
            m2 = _cn_number(g("ym_m2"))
            return f"{_month(y, m1)}/{_month(y, m2)}" if m2 and m1 < m2 <= 12 else None
        return _month(y, m1)
    if kind == "ypart":
        y = year_of(g("yp_y"))
        return _part(y, g("yp_part")) if y else None
    if kind == "year":
        y = year_of(g("y_only"))
        if y is None:
            return None
        if _OPEN_AFTER.match(text, m.end()) or _FROM_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            return f"{y}/.."
        return str(y)
    if kind == "enhalf":  # English in a Chinese page: the first half of 2024
        return f"{g('enh_y')}-H{1 if g('enh_w').lower() == 'first' else 2}"
    if kind == "enyear":
        return f"{g('eny_y')}/.." if g("enh_p").lower() == "since" else g("eny_y")
    if year is None:
        return None  # the rest are relative to the document's year
    if kind == "mrange":
        m1, m2 = _cn_number(g("mr_1")), _cn_number(g("mr_2"))
        return f"{_month(year, m1)}/{_month(year, m2)}" if m1 and m2 and m1 < m2 <= 12 else None
    if kind == "firstm":
        n = _cn_number(g("fm_n"))
        return f"{_month(year, 1)}/{_month(year, n)}" if n and 1 < n <= 12 else None
    if kind == "month":
        mo = _cn_number(g("m_only"))
        return _month(year, mo) if mo and 1 <= mo <= 12 else None
    if kind == "mday":
        mo, d = _cn_number(g("md_m")), _cn_number(g("md_d"))
        return f"{year:04d}-{mo:02d}-{d:02d}" if mo and d and 1 <= mo <= 12 and 1 <= d <= 31 else None
    if kind == "part":
        return _part(year, g("part"))
    if kind == "rel":
        word = g("rel")
        offset = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上一年": -1, "明年": 1, "前年": -2}[word]
        if word in ("今年", "去年", "本年") and _OPEN_AFTER.match(text, m.end()):
            return f"{year + offset}/.."  # 今年以来, 去年以来: open from that year
        return str(year + offset)
    if kind == "recent":
        n = _cn_number(g("rc_n") or g("rc_n2"))  # 近五年, 过去五年, 五年来
        if n == 1:
            return str(year - 1)  # 过去一年: the last complete year
        return f"{year - n}/{year - 1}" if n and 1 <= n <= 20 else None
    if kind == "now":
        return str(year)
    return None


def find_times(text: str, year: int | None = None, start: int = 0, end: int | None = None) -> list[Time]:
    """Every time expression of ``text[start:end]``, left to right.

    Args:
        text: the working text.
        year: the document's year, which relative words resolve against.
        start, end: the stretch to read.
    """
    out: list[Time] = []
    ref: tuple[int, int] | None = None  # (end, year) of the last year the text named
    for m in _TIME_RE.finditer(text, start, len(text) if end is None else end):
        base = (
            _BASE_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
            or _BASE_WORDS.match(text, m.start()) is not None
            or _ORIGIN_BEFORE.search(text, max(0, m.start() - 4), m.start()) is not None
        )
        kind = m.lastgroup
        if kind in _OF_NAMED_YEAR and m.group(kind) in _OF_NAMED_YEAR[kind] and ref is not None and m.start() - ref[0] <= REFERENCE_REACH:
            period: str | None = str(ref[1])  # 2023年…。全年… / 年末…: that year, not the document's
        else:
            period = _period(m, text, year)
        if not base and kind in _NAMES_A_YEAR and period and "/" not in period:
            ref = (m.end(), int(period[:4]))
        out.append(Time(m.start(), m.end(), period, base))
    return out


# Words of "the year just named" (当年, and in a bulletin or report 全年 / 年末 / 年底): the
# last year the text named before, within REFERENCE_REACH (the overlap of a long text's
# pieces, documents.OVERLAP_CHARS, so pieces and one pass agree); else the document's year.
_OF_NAMED_YEAR = {"part": ("全年", "年末", "年底"), "rel": ("当年",)}
# (Not a full date: 发布时间：2025-03-21 dates the page, not the year a bulletin reports.)
_NAMES_A_YEAR = frozenset({"year", "ypart", "ym", "rel", "part", "mrange", "firstm", "month"})
REFERENCE_REACH = 900
