"""Parse the surface of a stated quantity (a METRIC entity) into a value.

``parse_quantity("超400家")`` gives ``Quantity(400.0, "家", "over", "count")``.
The module is pure standard library and every regex is compiled at import,
because it runs on every METRIC entity.

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
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

__all__ = [
    "NUMBER",
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "Quantity",
    "parse_quantity",
]


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


# --------------------------------------------------------------------------
# Character tables
# --------------------------------------------------------------------------

# Traditional → simplified, limited to what numbers, qualifiers and units use;
# the cleaning tokenizer simplifies whole texts, this keeps the parser usable
# on raw strings too.
_T2S_CHARS = {
    "萬": "万", "億": "亿", "兩": "两", "倆": "俩", "個": "个", "場": "场",
    "項": "项", "餘": "余", "幾": "几", "點": "点", "負": "负", "陸": "陆",
    "貳": "贰", "約": "约", "過": "过", "將": "将", "來": "来", "內": "内",
    "數": "数", "區": "区", "強": "强", "圓": "圆", "幣": "币", "歐": "欧",
    "鎊": "镑", "盧": "卢", "韓": "韩", "時": "时", "噸": "吨", "畝": "亩",
    "臺": "台", "灣": "湾", "開": "开", "頭": "头", "於": "于", "滿": "满",
    "為": "为", "條": "条", "處": "处", "間": "间", "戶": "户", "員": "员",
    "輛": "辆", "層": "层", "組": "组", "門": "门", "張": "张", "類": "类",
    "種": "种", "屆": "届", "節": "节", "筆": "笔", "單": "单", "雙": "双",
    "隻": "只", "對": "对", "國": "国", "縣": "县", "鎮": "镇", "園": "园",
    "達": "达", "頃": "顷", "錢": "钱", "銭": "钱", "歲": "岁", "週": "周",
    "鐘": "钟", "棟": "栋", "塊": "块", "連": "连", "級": "级",
}
_T2S = str.maketrans(_T2S_CHARS)
# Inverse, to list traditional spellings of the qualifier words.
_S2T = str.maketrans({s: t for t, s in _T2S_CHARS.items() if t != "銭"})

_DIGIT_VALUE = {
    "零": 0, "〇": 0, "○": 0,
    "一": 1, "壹": 1, "二": 2, "两": 2, "俩": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_ZEROS = "零〇○"
_SMALL_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_VALUE = {"万": 10**4, "亿": 10**8, "兆": 10**12}
# 多/余/几 mean "and some" (over); 来 means "about".
_APPROX_QUALIFIER = {"多": "over", "余": "over", "几": "over", "来": "approx"}
_UNIT_CHARS = frozenset(_SMALL_VALUE) | frozenset(_BIG_VALUE) | {"萬", "億"}

# --------------------------------------------------------------------------
# NUMBER: one bare number, for this parser and for the METRIC recognizer.
# No capturing groups. Traditional forms are included so it also works on
# text that was not simplified.
# --------------------------------------------------------------------------

_DIGITS_CLASS = "零〇○一二两俩三四五六七八九壹贰叁肆伍陆柒捌玖兩倆貳陸"
_D = f"[{_DIGITS_CLASS}]"
# 十分/百分 are "very"/"percent-" words unless 分之 follows; 千瓦, 千克 … are units.
_S = "(?:十(?!分(?!之))|拾|百(?!分(?!之))|佰|千(?![瓦克米焦卡伏帕赫])|仟)"
_B = "(?:[万萬亿億]|兆(?![瓦帕赫焦欧伏位字比米]))"
# (?!\d) after each digit run: stops the regex engine from splitting "12345"
# into adjacent atoms on backtracking (exponential otherwise).
_AR = (
    r"(?:(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:[.．]\d+)?(?!\d)|[.．]\d+(?!\d))"
    r"(?:[eE][+-]?\d+(?!\d)|\^[+-]*\d+(?!\d))?"
    r"(?:[kK](?![A-Za-z])|\s?(?:[Bb]illion|[Mm]illion|[Tt]rillion|[Tt]housand|bn|mn)(?![A-Za-z]))?"
)
_ATOM = f"(?:{_AR}|{_D}|{_S}|半(?=[百佰]))"
_POINT = f"(?<=[{_DIGITS_CLASS}十拾百佰千仟万萬亿億兆])[点點](?={_D})"
_APPROX = "[多余餘几幾来來]"
_PLAIN = (
    f"(?:{_ATOM}(?:{_ATOM}|{_POINT}|{_APPROX}?{_B})*"
    # a bare 万/亿 only after a qualifier: 过万, 上万, 超亿
    f"|(?<=[过過上超逾近数數几幾破]){_B}+)"
)
_SIGN = r"(?:[负負]|(?<![\d.A-Za-z])[-−－])"
# Every character a number may hold before 分之 or "/": the fraction branches
# first look ahead over a run of them for their marker, so an ordinary number
# is not parsed three times on the way to _PLAIN. The run is bounded (a longer
# numerator is not a fraction) so that text like "1 1 1 …" stays linear.
_NUMBER_CHARS = rf"[\d\sA-Za-z,.．^+\-−－{_DIGITS_CLASS}十拾百佰千仟万萬亿億兆点點多余餘几幾来來半又负負]{{0,40}}"
# A denominator may be a bare 万/亿: 万分之三.
# The lookbehind keeps a run of 万/亿 from being rescanned at every start (quadratic).
_FRAC_CN = f"(?={_NUMBER_CHARS}分之)(?:{_PLAIN}又{_SIGN}?)?(?:{_PLAIN}|(?<![万萬亿億兆]){_B}+)分之{_SIGN}?{_PLAIN}"
_FRAC_AR = rf"(?={_NUMBER_CHARS}/)(?:{_PLAIN}又)?(?<![\d/.])\d+/\d+(?![\d/])"
_HALF = "(?:一半(?!导|岛|径)|半(?=数|數|折|成(?!品))|(?<=[过過])半(?![年月天日个小导岛径]))"

# The characters a number starts with: one set test skips every other position.
_NUMBER_START = rf"(?=[\d.．{_DIGITS_CLASS}十拾百佰千仟万萬亿億兆半负負\-−－])"

NUMBER: str = f"(?:{_NUMBER_START}{_SIGN}?(?:{_FRAC_CN}|{_FRAC_AR}|{_HALF}|{_PLAIN}))"
"""Regex source matching one bare number (no capturing groups).

Arabic (``1,280.5``, ``１２００``, ``2e5``, ``40k``, ``3.2 billion``), Chinese
(``十二万三千``, ``两千万``, ``壹佰``, ``二〇二三``, ``十五点七``), mixed
(``1.2万``, ``3万亿``, ``5万4千6百``), approximate multipliers (``五十多亿``,
``十余万``), fractions (``2/3``, ``三分之二``, ``百分之十五``, ``1又3/5``),
``一半`` and a leading sign (``-``, ``负``). A bare ``万``/``亿`` matches only
after a qualifier (``过万``).
"""

_NUMBER_RE = re.compile(NUMBER)

# Tokens of a plain (non-fraction) number, on normalized text.
_TOKEN_RE = re.compile(
    r"(?P<ar>(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)"
    r"(?P<exp>e[+-]?\d+|\^[+-]*\d+)?"
    r"(?P<mul>k(?![a-z])|(?:billion|million|trillion|thousand|bn|mn)(?![a-z]))?"
    rf"|点(?P<dec>[{_DIGITS_CLASS}]+)"
    r"|(?P<ch>.)",
    re.IGNORECASE,
)
_ENGLISH_MULTIPLIER = {
    "k": 10**3, "thousand": 10**3, "million": 10**6, "mn": 10**6,
    "billion": 10**9, "bn": 10**9, "trillion": 10**12,
}

# --------------------------------------------------------------------------
# Qualifiers
# --------------------------------------------------------------------------

_BEFORE = {
    "约": "approx", "大约": "approx", "约为": "approx", "约合": "approx",
    "大概": "approx", "大致": "approx",
    "近": "under", "将近": "under", "接近": "under", "逼近": "under",
    "不到": "under", "不足": "under", "不超过": "under", "未超过": "under",
    "少于": "under", "低于": "under", "不满": "under", "未满": "under",
    "超": "over", "超过": "over", "超出": "over", "逾": "over", "过": "over",
    "多于": "over", "高于": "over", "大于": "over", "不少于": "over",
    "不低于": "over", "至少": "over",
    # Only before a numeral that starts with a multiplier: 上千, 数十, 几百.
    "上": "over", "数": "over", "几": "over",
}
_AFTER = {
    "多": "over", "余": "over", "几": "over", "有余": "over", "开外": "over",
    "出头": "over", "以上": "over",
    "来": "approx", "左右": "approx", "上下": "approx",
    "以下": "under", "以内": "under", "之内": "under", "不到": "under",
}


def _with_traditional(table: dict[str, str]) -> dict[str, str]:
    out = dict(table)
    for surface, qualifier in table.items():
        out.setdefault(surface.translate(_S2T), qualifier)
    return out


QUALIFIERS_BEFORE: dict[str, str] = _with_traditional(_BEFORE)
"""Qualifier words before a number (surface → qualifier), traditional forms
included. ``上``, ``数`` and ``几`` only qualify a numeral that starts with a
multiplier (上千, 数十, 几百)."""

QUALIFIERS_AFTER: dict[str, str] = _with_traditional(_AFTER)
"""Qualifier words after a number or its unit (surface → qualifier),
traditional forms included."""


def _alternation(words: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BEFORE_END_RE = re.compile(f"(?:{_alternation(_BEFORE)})\\Z")
_AFTER_START_RE = re.compile(_alternation(_AFTER))
_LEADING_MULTIPLIER_ONLY = frozenset({"上", "数", "几"})

# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------

# surface → (canonical unit, kind). ASCII surfaces are matched ignoring case.
_UNITS: dict[str, tuple[str, str]] = {}


def _add_units(kind: str, surfaces: str, canonical: str | None = None) -> None:
    for s in surfaces.split():
        _UNITS[s.lower() if s.isascii() else s] = (canonical or s, kind)


_add_units(
    "count",
    "家 个 人 人次 名 位 项 场 条 章 款 件 台 套 辆 架 艘 座 所 户 次 批 只 支 种"
    " 类 份 篇 本 张 株 头 颗 枚 片 棵 栋 幢 间 层 笔 单 组 对 双 省 省区 省市 省份"
    " 省区市 市州 地市 县区 县市区 市 县 区 园 园区 村 镇 国 国家和地区 位数",
)
_add_units("rank", "强")
_add_units("money", "元 元人民币 人民币 块 块钱 rmb cny yuan", "元")
_add_units("money", "美元 美金 美圆 usd dollar dollars", "美元")
_add_units("money", "欧元 eur euro euros", "欧元")
_add_units("money", "日元 日圆", "日元")
_add_units("money", "港元 港币", "港元")
_add_units("money", "新台币 台币", "新台币")
_add_units("money", "英镑 韩元 卢布 澳元 加元 瑞士法郎 法郎 卢比 新加坡元 比特币")
_add_units("rate", "倍")
_add_units("area", "平方公里 平方千米 km2", "平方公里")
_add_units("area", "平方米 平米 m2", "平方米")
_add_units("area", "亩 公顷")
_add_units("length", "公里 千米 km", "公里")
_add_units("length", "米 英里 海里")
_add_units("weight", "吨 千克 公斤 克 斤")
_add_units("weight", "kg", "kg")
_add_units("energy", "千瓦时 度电 度")
_add_units("power", "千瓦 兆瓦 吉瓦 瓦")
_add_units("volume", "立方米 升 标箱")
_add_units("duration", "年 个月 月 天 日 小时 分钟 秒 周 星期")
_add_units("age", "岁")
for _u, _k in (("kWh", "energy"), ("MWh", "energy"), ("GWh", "energy"), ("TWh", "energy"),
               ("kW", "power"), ("MW", "power"), ("GW", "power"), ("TW", "power"),
               ("TEU", "volume")):
    _UNITS[_u.lower()] = (_u, _k)

_UNIT_RE = re.compile(_alternation(_UNITS), re.IGNORECASE)
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
_CHENG_TAIL = {**{c: v for c, v in _DIGIT_VALUE.items() if v}, "半": 5}
_PERCENT_POINT_RE = re.compile("个?百分点")
_MIXED_FRACTION_RE = re.compile(r"(\d)\s+(\d+/\d+)")
_SPACE_RE = re.compile(r"\s+")

_ZERO = Decimal(0)
_HALF_VALUE = Decimal("0.5")
_FOUR_PLACES = Decimal("0.0001")


# --------------------------------------------------------------------------
# Number evaluation
# --------------------------------------------------------------------------


@dataclass
class _Num:
    value: Decimal
    qualifier: str | None = None
    percent: bool = False  # 百分之/千分之 …: value already in percent
    fraction: bool = False  # X分之Y or a/b with a numeric denominator
    half: bool = False  # 一半 / 半 standing alone


def _normalize(text: str) -> str:
    """Full-width folded, traditional simplified, whitespace removed."""
    t = unicodedata.normalize("NFKC", text)
    t = _MIXED_FRACTION_RE.sub(r"\1又\2", t)  # "1 3/5" is one mixed number
    return _SPACE_RE.sub("", t).translate(_T2S)


def _arabic(m: re.Match[str]) -> Decimal:
    value = Decimal(m.group("ar").replace(",", ""))
    exp = m.group("exp")
    if exp:
        if exp[0] == "^":
            power = int(exp.lstrip("^+-"))
            value = value ** (-power if exp.count("-") % 2 else power)
        else:
            value = value.scaleb(int(exp[1:]))
    mul = m.group("mul")
    if mul:
        value *= _ENGLISH_MULTIPLIER[mul.lower()]
    return value


def _eval_plain(text: str) -> tuple[Decimal, str | None] | None:
    """Value of a number without fraction, e.g. 四千零五万, 1.2万, 五十多亿."""
    groups: list[list[Decimal]] = []  # [value, magnitude] per 万/亿/兆 group
    section = _ZERO  # the part below the current big unit
    pending: Decimal | None = None  # a digit not yet taken by a unit
    pending_single = False
    abbrev_unit = 0  # unit right before the pending digit: 一万三 = 13000
    last_unit = 0
    prev = ""  # kind of the previous token
    qualifier = None
    seen = False

    def take_pending(abbreviate: bool) -> None:
        nonlocal section, pending
        if pending is None:
            return
        if abbreviate and pending_single and abbrev_unit >= 100:
            # 两千四百五 = 2450, 九十二万四 = 924000: the digit is the next place.
            section += pending * abbrev_unit / 10
        else:
            section += pending
        pending = None

    for m in _TOKEN_RE.finditer(text):
        ch = m.group("ch")
        if m.group("ar") is not None:
            value = _arabic(m)
            single = len(m.group(0)) == 1
            pending, pending_single = value, single
            abbrev_unit = last_unit if prev in ("small", "big") else 0
            prev, seen = "num", True
        elif m.group("dec") is not None:
            take_pending(True)
            digits = "".join(str(_DIGIT_VALUE[c]) for c in m.group("dec"))
            section += Decimal("0." + digits)
            prev = "dec"
        elif ch in _ZEROS:
            if pending is not None and prev in ("num", "zero"):
                pending *= 10  # digit by digit: 二〇二三
                abbrev_unit = 0
            prev, seen = "zero", True
        elif ch in _DIGIT_VALUE:
            digit = Decimal(_DIGIT_VALUE[ch])
            if pending is not None and prev in ("num", "zero") and pending_single:
                pending = pending * 10 + digit  # digit by digit: 三八折, 九九
                abbrev_unit = 0
            else:
                pending, pending_single = digit, True
                abbrev_unit = last_unit if prev in ("small", "big") else 0
            prev, seen = "num", True
        elif ch == "半":
            pending, pending_single, abbrev_unit = _HALF_VALUE, False, 0
            prev, seen = "num", True
        elif ch in _SMALL_VALUE:
            unit = _SMALL_VALUE[ch]
            section += (pending if pending is not None else 1) * unit  # 十五: 一 implied
            pending, last_unit, prev, seen = None, unit, "small", True
        elif ch in _BIG_VALUE:
            unit = _BIG_VALUE[ch]
            if pending is None and section == 0 and prev == "big" and groups:
                groups[-1] = [groups[-1][0] * unit, groups[-1][1] * unit]  # 3万亿, 四万万
            else:
                part = section + (pending if pending is not None else 0)
                if pending is None and section == 0:
                    part = Decimal(1)  # 过万: a bare multiplier
                # Smaller groups before it are multiplied too: 八千三百万八千亿.
                smaller = [g for g in groups if g[1] < unit]
                groups = [g for g in groups if g[1] >= unit]
                magnitude = unit * max((g[1] for g in smaller), default=1)
                groups.append([(part + sum((g[0] for g in smaller), _ZERO)) * unit, magnitude])
            section, pending, last_unit, prev, seen = _ZERO, None, unit, "big", True
        elif ch in _APPROX_QUALIFIER:
            qualifier = qualifier or _APPROX_QUALIFIER[ch]
            prev = "approx"
        else:  # not part of a number (should not happen on NUMBER matches)
            return None
    if not seen:
        return None
    take_pending(True)
    return sum((g[0] for g in groups), _ZERO) + section, qualifier


def _eval_signed(text: str) -> tuple[Decimal, str | None] | None:
    negative = text[:1] in ("负", "-", "−")
    result = _eval_plain(text[1:] if negative else text)
    if result is None:
        return None
    return (-result[0] if negative else result[0]), result[1]


def _round_fraction(value: Decimal) -> Decimal:
    if value == 0 or abs(value) >= 10**20:
        return value
    if abs(value) >= Decimal("0.01"):
        return value.quantize(_FOUR_PLACES, rounding=ROUND_HALF_UP)
    return Decimal(format(value, ".4g"))  # keep tiny fractions non-zero


def _eval_number(text: str) -> _Num | None:
    """Value of a NUMBER match (normalized text)."""
    negative = text[:1] in ("负", "-", "−")
    body = text[1:] if negative else text
    sign = -1 if negative else 1
    if body in ("一半", "半"):
        return _Num(_HALF_VALUE * sign, half=True)
    if "分之" not in body and "/" not in body:
        plain = _eval_plain(body)
        if plain is None:
            return None
        return _Num(plain[0] * sign, plain[1])
    whole = None
    if "又" in body:
        whole_text, body = body.split("又", 1)
        whole = _eval_signed(whole_text)
        if whole is None:
            return None
    if "分之" in body:
        den_text, num_text = body.split("分之", 1)
    else:
        num_text, den_text = body.split("/", 1)
    den, num = _eval_signed(den_text), _eval_signed(num_text)
    if den is None or num is None or den[0] == 0:
        return None
    qualifier = num[1] or den[1]
    if whole is None and den[0] >= 100 and all(c in _UNIT_CHARS for c in den_text):
        # 百分之十五, 千分之2.4, 万分之三: a share, expressed in percent.
        return _Num(sign * num[0] * 100 / den[0], qualifier, percent=True)
    value = num[0] / den[0]
    if whole is not None:
        value = whole[0] + value if whole[0] >= 0 else whole[0] - value
    return _Num(sign * _round_fraction(value), qualifier, fraction=True)


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
    known = _UNITS.get(unit.lower() if unit.isascii() else unit)
    return known[1] if known else None


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
    t = _normalize(text)
    joined = _RANGE_RE.fullmatch(t)
    if joined is not None:
        return _parse_range(joined.group(1), joined.group(2))
    m = _NUMBER_RE.search(t)
    if m is None:
        if "对折" in t:  # half price, a share without a numeral
            return Quantity(50.0, "%", "exact", "share")
        return None
    try:
        return _parse(t, m)
    except ArithmeticError:  # e.g. 2^99999999 overflows Decimal
        return None


_RANGE_RE = re.compile(r"(.*?[0-9一二两三四五六七八九十百千万亿%])[—–\-~至](.*[0-9一二两三四五六七八九十百千万亿].*)")


_BIG_UNIT_RE = re.compile(r"[万亿]")
_LEADING_DIGITS_RE = re.compile(r"[^0-9零〇一二两三四五六七八九十百千]*([0-9.]+|[零〇一二两三四五六七八九十百千]+)")


def _parse_range(low_text: str, high_text: str) -> Quantity | None:
    """``6%—7%``, ``60万—65万吨``, ``3至5个百分点``: the lower bound in the upper one's unit."""
    high = parse_quantity(high_text)
    low_number = _NUMBER_RE.search(low_text)
    if high is None or low_number is None:
        return high
    low = parse_quantity(low_text)
    low_value = low.value if low is not None else None
    if low is None or (low.unit is None and high.unit is not None and not _BIG_UNIT_RE.search(low_text)):
        # A bare lower bound takes the upper bound's multiplier: 3—5万元 = 30000 … 50000.
        digits = _LEADING_DIGITS_RE.match(high_text)
        n_low = _eval_number(low_number.group())
        n_high = _eval_number(digits.group(1)) if digits else None
        if n_low is None or n_high is None or n_high.value == 0:
            return high
        low_value = float(n_low.value * Decimal(str(high.value)) / n_high.value)
    return Quantity(low_value, high.unit, "range", high.kind)


def _parse(t: str, m: re.Match[str]) -> Quantity | None:
    num = _eval_number(m.group())
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
    qm = _BEFORE_END_RE.search(prefix)
    if qm and (qm.group() not in _LEADING_MULTIPLIER_ONLY or number_text[:1] in _UNIT_CHARS):
        qualifiers.append(_BEFORE[qm.group()])
    qualifiers.append(num.qualifier)

    # After the number: [qualifier] unit [qualifier].
    rest = t[m.end() :]
    am = _AFTER_START_RE.match(rest)
    if am:
        qualifiers.append(_AFTER[am.group()])
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
        um = _UNIT_RE.match(rest)
        if um:
            unit, kind = _UNITS[um.group().lower() if um.group().isascii() else um.group()]
            rest = rest[um.end() :]
            if kind == "money":
                while sm := _SUBUNIT_RE.match(rest):
                    sub = _eval_number(sm.group(1))
                    if sub is None:
                        break
                    value += sub.value * _SUBUNIT_FACTOR[sm.group(2)]
                    rest = rest[sm.end() :]
        elif fm := _FALLBACK_UNIT_RE.match(rest):
            word = fm.group()
            cut = _AFTER_START_RE.search(word)
            unit = word[: cut.start()] if cut else word
            rest = rest[len(unit) :]
            unit = unit or None
    if num.half and unit in (None, "数"):  # 一半, 半数, 过半: 50 %
        value, unit = value * 100, "%"
    if unit is None and currency:
        unit = currency
    am = _AFTER_START_RE.match(rest)
    if am:
        qualifiers.append(_AFTER[am.group()])
        # 三个多月: the qualifier splits 个月, a duration, not a count of 个.
        if unit == "个" and rest[am.end() : am.end() + 1] == "月":
            unit, kind = _UNITS["个月"]

    if kind is None:
        kind = _kind_of(unit)
    if unit is None and num.fraction:
        kind = "share"
    if (rank and kind != "duration") or unit == "强":
        kind = "rank"
    qualifier = next((q for q in qualifiers if q), "exact")
    return Quantity(float(value), unit, qualifier, kind)

