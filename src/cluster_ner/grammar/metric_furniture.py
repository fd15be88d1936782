"""Where no METRIC is read: page furniture, set phrases, quoted names.

A web page wraps its text in numbers that count or label nothing the text
states: counters (浏览次数：258, 0条评论), codes after their label (索引号：…,
联系电话：…, 粤ICP备…), addresses (人民路32号101房), clock times (15时30分,
09:30) and breadcrumb lines, with their words in ``page_furniture.tsv``. Size classes
(5000亿级, 万吨级) are descriptors. Set
phrases (``set_phrases.txt``: 三次产业, 两个先行) and short phrases in quotation
marks (“四个全面”, “十强”) are names. :func:`blocked_stretches` finds them all,
for the METRIC recognizer and the model's scope.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..constants import is_han

__all__ = ["blocked_stretches", "breadcrumb_lines"]

# A short phrase in quotation marks is a name or a slogan (“四个全面”, “双过半”, “十强”).
_QUOTED = re.compile(r"[“「‘\"]([^“”「」‘’\"\n，。；：、,;:！？]{1,12})[”」’\"]")
_GAP = " \t\u3000"
# An amount naming a size class is a descriptor (ANNOTATION.md: 万亿级): 5000亿级的县级市, 万吨级码头.
_DESCRIPTOR = re.compile(r"(?<![\d.])(?:\d+(?:\.\d+)?[十百千万亿]{0,2}|[十百千万亿]{1,2})(?:元|吨|噸|瓦|千瓦|兆瓦|吉瓦)?[级級](?!别)")
_DIGIT_RUN = re.compile(r"\d[\d,.]*")
# 15时30分, 09:30, 16:12:31 (a ratio has decimals: 17.9:36.4 is none).
_DAYTIME_BEFORE = re.compile(r"(?:上午|下午|早上|晚上|凌晨|中午|傍晚|日)$")
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
        if nxt == "时" and _DAYTIME_BEFORE.search(text, max(0, s - 3), s):  # 24日上午9时: an hour of a day
            return s, e + 1
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
    if "级" in text or "級" in text:
        found += [m.span() for m in _DESCRIPTOR.finditer(text)]
    found.sort()
    out: list[tuple[int, int]] = []
    for s, e in found:
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


lexicon.on_reload(_blocked.cache_clear)


# A breadcrumb line: short segments between two or more > › » (中国西藏网 > 即时新闻 > 文化).
_CRUMB_LINE = re.compile(rf"^[{_GAP}]*[^\n>›»]{{1,16}}(?:[{_GAP}]*[>›»][{_GAP}]*[^\n>›»]{{0,16}}){{2,}}$", re.M)


def breadcrumb_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the breadcrumb lines of a page (a site's name and sections): the
    places and bodies they name hold none of the text's numbers."""
    if ">" not in text and "›" not in text and "»" not in text:
        return []
    return [m.span() for m in _CRUMB_LINE.finditer(text)]
