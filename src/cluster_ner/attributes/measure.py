"""METRIC ``measure``: the thing measured or the indicator, when the sentence states it.

Two places are looked at, in this order:

1. **after** the quantity, skipping one ``的``: the noun phrase up to
   punctuation, a number, ``的`` or a verb (超400家 **企业**落户 → 企业;
   40%以上的 **产能** → 产能; 3万亿 **投资基金** → 投资基金);
2. **before** it, back to punctuation, the previous entity or the start of
   the sentence: the indicator phrase, without the linking verb that joins
   it to the number (**产值**达到500亿元 → 产值; **规划面积**约90平方公里 →
   规划面积; **GDP年均增长**11.4% → GDP年均增长). Dates, scope words (全市,
   今年) and a leading place are dropped, and the phrase must end like an
   indicator (产值, 面积, 增长, …额/…量/…率/…值/…数), else nothing is said.

Everything is conservative: ``None`` when neither side gives a clean phrase.
All patterns are compiled once, at import; place names come from the
lexicon's place trie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import lexicon
from ..constants import HAN as _HAN

__all__ = ["find_measure", "infer_kind"]

_MAX_AFTER = 10
_MAX_BEFORE = 14

_WORDS = lexicon.measure_words()  # read once, at import: this module runs on every METRIC
_AFTER_STOP_RE = re.compile(lexicon.alternation(_WORDS["after_stop"]))
_AFTER_WORD_RE = re.compile(rf"[{_HAN}A-Za-z]+")
_HAN_CHAR_RE = re.compile(rf"[{_HAN}]")
_AFTER_LEAD_RE = re.compile(r"^(?:相关|各类|各种|各项|其他|主要|重点)(?=[\u4e00-\u9fff]{2})")
_AFTER_FIRST_SKIP = re.compile(r"的")

_SPLIT_RE = re.compile(lexicon.alternation(_WORDS["splitter"]))
_NUM_WORD = "[一二三四五六七八九十两几多]+"
_LEAD_RE = re.compile(
    rf"^(?:近{_NUM_WORD}年(?:来)?|{_NUM_WORD}年来|过去{_NUM_WORD}年|近年来|多年来|部分"
    r"|今年|去年|明年|全年|当年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|目前|当前|截至目前|截至|截止|到|至|其中"
    r"|全市|全省|全国|全区|全县|全镇|我市|我省|我国|我区|我县|该市|该省|该区|该县|全球|累计|共|同期|期间|以来|各类|各种|各项|相关|现有|已有|如今|现在|此外|同时|另外|近日|但|而|且"
    r"|比上年|较上年|比去年|较去年|同比|环比)+"
)
_INDICATOR_ENDS = frozenset(_WORDS["indicator"]) | frozenset("值额量数率积")
_GENERIC = frozenset(_WORDS["generic"])  # never the measure on its own
# The phrase right before a quantity: the Han/Latin run ending there, and the
# character before it (the boundary), if any within reach.
_LAST_RUN_RE = re.compile(rf"(?:[^{_HAN}A-Za-z]|^)([{_HAN}A-Za-z]*)$")
_MONEY_RE = re.compile(
    "投资|基金|资金|产值|营收|收入|销售额|利润|税收|GDP|生产总值|增加值|金额|总额|融资|资产|贷款|出口额|进出口额|交易额|成交额|"
    "补贴|奖励|预算|支出|市值|估值|营业额"
)


_COUNT_RE = re.compile(r"(?:人数|数量|家数|个数|总数|户数|次数|人次|企业|项目|人员|人才|人口|职工|员工)$")



def _after(text: str, end: int, ceil: int) -> str | None:
    i = end
    if _AFTER_FIRST_SKIP.match(text, i):
        i += 1
    m = _AFTER_WORD_RE.match(text, i, min(ceil, i + _MAX_AFTER + 1))
    if m is None:
        return None
    word = m.group()
    stop = _AFTER_STOP_RE.search(word, 1)  # a phrase may start with 中 (中小企业)
    if stop is not None:
        word = word[: stop.start()]
    elif m.end() - i > _MAX_AFTER:
        return None  # no clear end within reach
    elif m.end() < len(text) and m.end() < ceil and _HAN_CHAR_RE.match(text, m.end()):
        return None
    word = _AFTER_LEAD_RE.sub("", word)
    if _AFTER_STOP_RE.match(word) or len(word) < 2 or word in _GENERIC:
        return None
    return word


class _Suffixes:
    """A word list to test and strip at the end of a short phrase.

    One regex anchored at the end and searched only over the last
    ``longest`` positions: its leftmost match is the longest word the phrase
    ends with (an end-anchored search over the whole phrase would try every
    position).
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = sorted(set(words), key=len, reverse=True)
        self.longest = len(words[0])
        self._re = re.compile("(?:" + "|".join(map(re.escape, words)) + r")\Z")

    def find(self, phrase: str) -> re.Match[str] | None:
        return self._re.search(phrase, max(0, len(phrase) - self.longest))

    def strip(self, phrase: str) -> str:
        m = self.find(phrase)
        return phrase[: m.start()] if m is not None else phrase


_LINK_ENDS = _Suffixes(_WORDS["link"])
_SCOPE_ENDS = _Suffixes(_WORDS["scope_tail"])
_INDICATOR_END = _Suffixes(_INDICATOR_ENDS)


def _ends_like_indicator(phrase: str) -> bool:
    return _INDICATOR_END.find(phrase) is not None


def _before(text: str, start: int, floor: int) -> str | None:
    lo = max(floor, start - _MAX_BEFORE)
    segment = text[lo:start]
    m = _LAST_RUN_RE.search(segment)
    cut = m.start(1) if m.start(1) > 0 else None
    phrase = m.group(1)
    if cut is None and lo > floor and not _SPLIT_RE.search(phrase):
        return None  # the phrase may start further back: unsure
    if cut and segment[cut - 1].isdigit() and phrase[:1] in ("年", "月", "日"):
        phrase = phrase[1:]  # 2022年产值 → 产值
    # Linking verbs and qualifiers before the number: 产值达到 → 产值;
    # 创新指标位居全国(第4) → 创新指标.
    while True:
        stripped = _SCOPE_ENDS.strip(_LINK_ENDS.strip(phrase))
        if stripped == phrase:
            break
        phrase = stripped
    # What follows only drops words at the front; a phrase that does not end
    # like an indicator now never will.
    if not _ends_like_indicator(phrase):
        return None
    splits = list(_SPLIT_RE.finditer(phrase))
    if splits:
        phrase = phrase[splits[-1].end():]
    while True:  # 2023年全市 / 晋江现有 …: scope words and a place before the indicator
        before = phrase
        phrase = _LEAD_RE.sub("", phrase)
        place_end = lexicon.place_trie().longest_at(phrase, 0)
        if place_end > 0 and len(phrase) - place_end >= 2:
            phrase = phrase[place_end:]
        if phrase == before:
            break
    if len(phrase) < 2 or phrase in _GENERIC or not _ends_like_indicator(phrase):
        return None
    return phrase


def find_measure(text: str, start: int, end: int, *, floor: int = 0, ceil: int | None = None) -> str | None:
    """The measure of the METRIC at ``text[start:end]``, or ``None``.

    Args:
        text: the working text of the document (or one sentence).
        start, end: the METRIC's offsets.
        floor: where the phrase before may start at the earliest (the
            sentence start, or the end of the previous entity).
        ceil: where the phrase after must end at the latest.

    >>> find_measure("集聚了超400家企业,", 3, 8)
    '企业'
    >>> find_measure("产值达到500亿元。", 4, 9)
    '产值'
    """
    ceil = len(text) if ceil is None else min(ceil, len(text))
    return _after(text, end, ceil) or _before(text, start, floor)


def infer_kind(kind: str | None, unit: str | None, measure: str | None) -> str:
    """``kind`` when known, else from the measure: ``money`` for an amount
    (``3万亿投资基金``), ``count`` for a head count (``过万`` 观看人数), else ``number``.

    ``parse_quantity`` leaves ``kind`` unset for a bare number (``3万亿``,
    ``超15万``); ``number`` says "a plain number of unstated kind".
    """
    if kind:
        return kind
    if measure and _MONEY_RE.search(measure):
        return "money"
    if measure and _COUNT_RE.search(measure):
        return "count"
    return "number"
