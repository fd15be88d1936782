"""Numbers as written in Chinese text: the NUMBER pattern and its value.

``NUMBER`` matches one bare number — Arabic (``1,280.5``, ``１２００``, ``2e5``,
``40k``, ``3.2 billion``), Chinese (``十二万三千``, ``两千万``, ``壹佰``,
``二〇二三``, ``十五点七``), mixed (``1.2万``, ``3万亿``), approximate
multipliers (``五十多亿``), fractions (``2/3``, ``三分之二``, ``百分之十五``)
and ``一半`` — and :func:`number_value` evaluates a match. The METRIC grammar,
``parse_quantity`` and the time expressions of the context component use both.
The module is pure standard library; every regex is compiled at import.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["DIGIT_VALUE", "MULTIPLIER_CHARS", "NUMBER", "NUMBER_RE", "Number", "S2T", "T2S", "normalize", "number_value"]

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
T2S = str.maketrans(_T2S_CHARS)
# Inverse, to list traditional spellings of the qualifier words.
S2T = str.maketrans({s: t for t, s in _T2S_CHARS.items() if t != "銭"})

DIGIT_VALUE = {
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
MULTIPLIER_CHARS = frozenset(_SMALL_VALUE) | frozenset(_BIG_VALUE) | {"萬", "億"}

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
_HALF = "(?:一半(?!导|岛|径)|半[数數](?![字据據量])|半(?=折|成(?!品))|(?<=[过過])半(?![年月天日个小导岛径数數]))"

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

NUMBER_RE = re.compile(NUMBER)

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

_MIXED_FRACTION_RE = re.compile(r"(\d)\s+(\d+/\d+)")
_SPACE_RE = re.compile(r"\s+")
_ZERO = Decimal(0)
_HALF_VALUE = Decimal("0.5")
_FOUR_PLACES = Decimal("0.0001")


# --------------------------------------------------------------------------
# Number evaluation
# --------------------------------------------------------------------------


@dataclass
class Number:
    value: Decimal
    qualifier: str | None = None
    percent: bool = False  # 百分之/千分之 …: value already in percent
    fraction: bool = False  # X分之Y or a/b with a numeric denominator
    half: bool = False  # 一半 / 半 standing alone


def normalize(text: str) -> str:
    """Full-width folded, traditional simplified, whitespace removed."""
    t = unicodedata.normalize("NFKC", text)
    t = _MIXED_FRACTION_RE.sub(r"\1又\2", t)  # "1 3/5" is one mixed number
    return _SPACE_RE.sub("", t).translate(T2S)


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
            digits = "".join(str(DIGIT_VALUE[c]) for c in m.group("dec"))
            section += Decimal("0." + digits)
            prev = "dec"
        elif ch in _ZEROS:
            if pending is not None and prev in ("num", "zero"):
                pending *= 10  # digit by digit: 二〇二三
                abbrev_unit = 0
            prev, seen = "zero", True
        elif ch in DIGIT_VALUE:
            digit = Decimal(DIGIT_VALUE[ch])
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
                # Smaller groups before it are multiplied too: 八千三百万八千亿. In a
                # numeral the groups' magnitudes fall from left to right, so the
                # smaller ones are the last: popping them keeps a long numeral linear.
                smaller_sum, smaller_max = _ZERO, 1
                while groups and groups[-1][1] < unit:
                    value_, magnitude_ = groups.pop()
                    smaller_sum += value_
                    smaller_max = max(smaller_max, magnitude_)
                groups.append([(part + smaller_sum) * unit, unit * smaller_max])
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


def number_value(text: str) -> Number | None:
    """Value of a NUMBER match (normalized text)."""
    negative = text[:1] in ("负", "-", "−")
    body = text[1:] if negative else text
    sign = -1 if negative else 1
    if body in ("一半", "半", "半数"):
        return Number(_HALF_VALUE * sign, half=True)
    if "分之" not in body and "/" not in body:
        plain = _eval_plain(body)
        if plain is None:
            return None
        return Number(plain[0] * sign, plain[1])
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
    if whole is None and den[0] >= 100 and all(c in MULTIPLIER_CHARS for c in den_text):
        # 百分之十五, 千分之2.4, 万分之三: a share, expressed in percent.
        return Number(sign * num[0] * 100 / den[0], qualifier, percent=True)
    value = num[0] / den[0]
    if whole is not None:
        value = whole[0] + value if whole[0] >= 0 else whole[0] - value
    return Number(sign * _round_fraction(value), qualifier, fraction=True)

