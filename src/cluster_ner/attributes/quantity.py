"""Parse the surface of a stated quantity (a METRIC entity) into a value.

``parse_quantity("超400家")`` gives ``Quantity(400.0, "家", "over", "count")``.
The number, the units and the qualifiers come from the METRIC grammar
(:mod:`cluster_ner.grammar.numbers`, :mod:`cluster_ner.grammar.metric`: one
table of units and one of qualifiers for the recognizer and this parser).

Conventions (see ``ANNOTATION.md``, "Normalized attributes"):

- ``value`` is the number after multipliers: ``3万亿`` → 3e12,
  ``US$3.2 billion`` → 3.2e9.
- Shares are in percent with unit ``%``: ``40%`` → 40, ``三成`` → 30,
  ``百分之十五`` → 15, ``千分之2.4`` → 0.24, ``近一半`` → 50. A fraction with
  a numeric denominator stays a plain ratio: ``2/3`` → 0.6667,
  ``三分之一`` → 0.3333 (unit ``None``, kind ``share``). Fractions are rounded
  to 4 decimal places; values below 0.01 keep 4 significant digits instead so
  that ``一百万分之五`` does not collapse to 0.
- ``X个百分点`` → X with unit ``百分点`` (kind ``rate``).
- ``两位数`` → value 2, unit ``位数`` (kind ``count``): the value is the number
  of digits, as written; a caller wanting a lower bound uses 10 ** (value - 1).
- A ratio of parts (``4.1∶38.2∶57.7``) has kind ``ratio``, no unit, and its
  first part as value.
- Ranks (``第4``, ``第2位``, ``前三``, ``Top 10``, ``50强``) have kind
  ``rank`` and the rank (or the size of the top group) as value, qualifier
  ``exact``.
- ``上千``/``数十``/``几百`` give the multiplier as value with qualifier
  ``over`` (上千家 → 1000); ``十几``/``二十几万`` likewise (几 = "and some").
- ``兆`` is 1e12 (as in Recognizers-Text); ``兆瓦``/``兆帕`` … are units.
- Words before the number that are not qualifiers (最高, 突破, 达) are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .. import lexicon
from ..grammar.metric import multiplier_only_qualifiers, parse_unit_re, qualifiers_after, qualifiers_before, unit_entry
from ..grammar.numbers import DIGIT_VALUE, MULTIPLIER_CHARS, NUMBER, NUMBER_RE, normalize, number_value

__all__ = ["Quantity", "parse_quantity"]


@dataclass(frozen=True)
class Quantity:
    """A normalized stated quantity.

    Attributes:
        value: The number after multipliers (``超15万`` → 150000.0).
        unit: Unit or measure word (``家``, ``元``, ``%``, ``百分点``,
            ``平方公里``, ``强`` …), ``None`` when the text has none.
        qualifier: ``"exact"``, ``"approx"``, ``"over"``, ``"under"``, or
            ``"range"`` for ``6%—7%``, ``3至5个百分点`` (``value`` is then the
            lower bound, in the unit of the upper one).
        kind: ``"count"``, ``"money"``, ``"share"``, ``"rate"``, ``"area"``,
            ``"length"``, ``"rank"``, ``"energy"``, ``"power"``, ``"weight"``,
            ``"volume"``, ``"duration"`` …; ``None`` when unknown.
    """

    value: float
    unit: str | None
    qualifier: str
    kind: str | None



def _alternation(words: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lexicon.cached
def _before_end_re() -> re.Pattern[str]:
    return re.compile(f"(?:{_alternation(qualifiers_before())})\\Z")


@lexicon.cached
def _after_start_re() -> re.Pattern[str]:
    return re.compile(_alternation(qualifiers_after()))


_FALLBACK_UNIT_RE = re.compile(r"[\u4e00-\u9fff]{1,3}|[A-Za-z]{1,6}")

# Currency symbols or codes before the number: US$3.2 billion, ￥300.
_CURRENCY_PREFIX = {
    "us$": "美元", "$": "美元", "usd": "美元", "hk$": "港元", "nt$": "新台币",
    "¥": "元", "rmb": "元", "cny": "元", "人民币": "元", "eur": "欧元",
    "€": "欧元", "£": "英镑",
}
_CURRENCY_PREFIX_RE = re.compile(f"(?:{_alternation(_CURRENCY_PREFIX)})\\Z", re.IGNORECASE)
_RANK_PREFIX_RE = re.compile(r"(?:第|前|top)\Z", re.IGNORECASE)

# Subunits after a currency: 五元三毛, 50元6角三分, 两美元又三美分.
_SUBUNIT_FACTOR = {
    "角": Decimal("0.1"), "毛": Decimal("0.1"), "分": Decimal("0.01"),
    "美分": Decimal("0.01"), "欧分": Decimal("0.01"), "便士": Decimal("0.01"),
    "仙": Decimal("0.01"), "日本钱": Decimal("0.01"),
}
_SUBUNIT_RE = re.compile(f"又?({NUMBER})({_alternation(_SUBUNIT_FACTOR)})")

# 成 may carry a tenth: 七成六 → 76 %, 三成半 → 35 %.
_CHENG_TAIL = {**{c: v for c, v in DIGIT_VALUE.items() if v}, "半": 5}
_PERCENT_POINT_RE = re.compile("个?百分点")

_HALF_VALUE = Decimal("0.5")


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def _kind_of(unit: str | None) -> str | None:
    if unit is None:
        return None
    if unit == "%":
        return "share"
    if unit == "百分点":
        return "rate"
    entry = unit_entry(unit)
    return entry.kind or None if entry is not None else None


# Surfaces (10%, 5家, 1亿元) recur across a corpus and the result depends on the
# surface only: a bounded cache, so memory stays flat on an endless stream.
PARSE_CACHE_SIZE = 4096


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def parse_quantity(text: str) -> Quantity | None:
    """Parse a stated quantity into value, unit, qualifier and kind.

    Args:
        text: The surface of a METRIC entity, e.g. ``超400家``, ``19万亿元``,
            ``40%以上``, ``三分之一``, ``第2位``, ``US$3.2 billion``. Simplified
            or traditional, half- or full-width; leading words that are not
            qualifiers (最高, 突破, 达) are ignored.

    Returns:
        The parsed :class:`Quantity`, or ``None`` when ``text`` holds no number.

    Examples:
        >>> parse_quantity("1200多家")
        Quantity(value=1200.0, unit='家', qualifier='over', kind='count')
        >>> parse_quantity("三成")
        Quantity(value=30.0, unit='%', qualifier='exact', kind='share')
    """
    if not text:
        return None
    t = normalize(text)
    ratio = _RATIO_RE.fullmatch(t)
    if ratio is not None:  # 4.1∶38.2∶57.7: a ratio of parts, valued by its first part
        return Quantity(float(ratio.group(1)), None, "exact", "ratio")
    joined = _RANGE_RE.fullmatch(t)
    if joined is not None:
        return _parse_range(joined.group(1), joined.group(2))
    return _parse_one(t)


def _parse_one(t: str) -> Quantity | None:
    """A quantity that is not a range (normalized text)."""
    m = NUMBER_RE.search(t)
    if m is None and t[:1] in _BARE_BIG:  # 万亿元 of 突破万亿元: the verb is outside the span
        t = "一" + t
        m = NUMBER_RE.search(t)
    if m is None:
        if "对折" in t:  # half price, a share without a numeral
            return Quantity(50.0, "%", "exact", "share")
        return None
    try:
        return _parse(t, m)
    except ArithmeticError:  # e.g. 2^99999999 overflows Decimal
        return None


_BARE_BIG = frozenset("万萬亿億")
_RATIO_RE = re.compile(r"(\d+(?:\.\d+)?)(?:[∶︰:?]\d+(?:\.\d+)?)+")
_RANGE_ENDS = "0-9一二两三四五六七八九十百千万亿"
_RANGE_RE = re.compile(rf"(.*?[{_RANGE_ENDS}%])[—–\-~至](.*[{_RANGE_ENDS}].*)")
# The last bound of a chain of ranges (1%—2%—3%): greedy, so one backward scan finds it.
_LAST_BOUND_RE = re.compile(rf".*[{_RANGE_ENDS}%][—–\-~至](.*[{_RANGE_ENDS}].*)")


_BIG_UNIT_RE = re.compile(r"[万亿]")
_LEADING_DIGITS_RE = re.compile(r"[^0-9零〇一二两三四五六七八九十百千]*([0-9.]+|[零〇一二两三四五六七八九十百千]+)")


def _parse_range(low_text: str, high_text: str) -> Quantity | None:
    """``6%—7%``, ``60万—65万吨``, ``3至5个百分点``: the lower bound in the upper one's unit.

    A chain (``1%—2%—3%``) gives its first and last bounds; no bound is parsed
    as a range again, so a chain of any length costs one pass.
    """
    last = _LAST_BOUND_RE.fullmatch(high_text)
    if last is not None:
        high_text = last.group(1)
    high = _parse_one(high_text)
    low_number = NUMBER_RE.search(low_text)
    if high is None or low_number is None:
        return high
    low = _parse_one(low_text)
    low_value = low.value if low is not None else None
    if low is None or (low.unit is None and high.unit is not None and not _BIG_UNIT_RE.search(low_text)):
        # A bare lower bound takes the upper bound's multiplier: 3—5万元 = 30000 … 50000.
        digits = _LEADING_DIGITS_RE.match(high_text)
        n_low = number_value(low_number.group())
        n_high = number_value(digits.group(1)) if digits else None
        if n_low is None or n_high is None or n_high.value == 0:
            return high
        low_value = float(n_low.value * Decimal(str(high.value)) / n_high.value)
    return Quantity(low_value, high.unit, "range", high.kind)


def _parse(t: str, m: re.Match[str]) -> Quantity | None:
    num = number_value(m.group())
    if num is None:
        return None
    value = num.value
    number_text = m.group().lstrip("负-−")
    qualifiers: list[str | None] = []

    # Before the number: [qualifier] [rank marker] [currency] number.
    prefix = t[: m.start()]
    currency = None
    cm = _CURRENCY_PREFIX_RE.search(prefix)
    if cm:
        currency = _CURRENCY_PREFIX[cm.group().lower()]
        prefix = prefix[: cm.start()]
    rank = False
    rm = _RANK_PREFIX_RE.search(prefix)
    if rm:
        rank = True
        prefix = prefix[: rm.start()]
    qm = _before_end_re().search(prefix)
    if qm and (qm.group() not in multiplier_only_qualifiers() or number_text[:1] in MULTIPLIER_CHARS):
        qualifiers.append(qualifiers_before()[qm.group()])
    qualifiers.append(num.qualifier)

    # After the number: [qualifier] unit [qualifier].
    rest = t[m.end() :]
    am = _after_start_re().match(rest)
    if am:
        qualifiers.append(qualifiers_after()[am.group()])
        rest = rest[am.end() :]
    unit: str | None = None
    kind: str | None = None
    if rest.startswith("打"):  # a dozen: 五十打 = 600
        value *= 12
        rest = rest[1:]
    if num.percent:
        unit = "%"
    elif num.half and rest.startswith("折"):  # 半折 = half price
        value, unit, rest = Decimal(50), "%", rest[1:]
    elif rest.startswith("成"):  # tenths: 三成 = 30 %
        value *= 10
        rest = rest[1:]
        if rest[:1] in _CHENG_TAIL:
            value += Decimal(_CHENG_TAIL[rest[0]])
            rest = rest[1:]
        unit = "%"
    elif rest.startswith("折"):  # discount: 75折 = 75 %, 9.9折 = 99 %, 三折 = 30 %
        value = value * 10 if abs(value) < 10 else value
        unit, rest = "%", rest[1:]
    elif rest.startswith("%"):
        unit, rest = "%", rest[1:]
    elif rest.startswith("‰"):
        value, unit, rest = value / 10, "%", rest[1:]
    elif pm := _PERCENT_POINT_RE.match(rest):
        unit, rest = "百分点", rest[pm.end() :]
    else:
        um = parse_unit_re().match(rest)
        if um:
            entry = unit_entry(um.group())
            unit, kind = entry.canonical, entry.kind
            rest = rest[um.end() :]
            if kind == "money":
                while sm := _SUBUNIT_RE.match(rest):
                    sub = number_value(sm.group(1))
                    if sub is None:
                        break
                    value += sub.value * _SUBUNIT_FACTOR[sm.group(2)]
                    rest = rest[sm.end() :]
        elif fm := _FALLBACK_UNIT_RE.match(rest):
            word = fm.group()
            cut = _after_start_re().search(word)
            unit = word[: cut.start()] if cut else word
            rest = rest[len(unit) :]
            unit = unit or None
    if num.half and unit in (None, "数"):  # 一半, 半数, 过半: 50 %
        value, unit = value * 100, "%"
    if unit is None and currency:
        unit = currency
    am = _after_start_re().match(rest)
    if am:
        qualifiers.append(qualifiers_after()[am.group()])
        # 三个多月: the qualifier splits 个月, a duration, not a count of 个.
        if unit == "个" and rest[am.end() : am.end() + 1] == "月":
            entry = unit_entry("个月")
            unit, kind = entry.canonical, entry.kind

    if kind is None:
        kind = _kind_of(unit)
    if unit is None and num.fraction:
        kind = "share"
    if (rank and kind != "duration") or unit == "强":
        kind = "rank"
    qualifier = next((q for q in qualifiers if q), "exact")
    return Quantity(float(value), unit, qualifier, kind)



lexicon.on_reload(parse_quantity.cache_clear)
