"""The grammar of a cluster's name: one reading for the recognizer and the attributes.

A cluster name is ``[places] industry head`` (see ANNOTATION.md):

* the **head** is ``集群``, optionally after a modifier (``产业``,
  ``特色产业``, ``先进制造业`` … from ``cluster_words.tsv``) and ``国家`` /
  ``国家级`` (:func:`head_pattern`);
* the **places** are places of ``places.tsv`` (陕西省, 西安, 龙口市) and regions
  of ``regions.tsv`` (广深佛莞, 浙东, 长三角), joined by ``、`` or followed by a
  short aside in brackets (长三角（含江西）);
* the **industry** is what lies between: industry terms (``智能装备``,
  ``交通``, ``铝材``), or a few unlisted characters closed by a place.

:func:`find_clusters` reads names in running text leftwards from each head,
one known word at a time, and stops at the first character that belongs to
none of them, so evaluative words (``打造``, ``世界级``) stay outside.
:func:`split_name` splits a found name into its places and industry for the
attributes. Both read the same word lists.

The parts live in their own modules: :mod:`.cluster_words` (the tables and
the readers of one word) and :mod:`.cluster_split` (splitting a found name).
This module reads whole names in running text.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..constants import is_han
from .cluster_words import (
    _INDUSTRY,
    _MODIFIER,
    _JOINERS_BETWEEN_PLACES,
    _MAX_WORD,
    _PLACE,
    _REGION,
    _STOP_CHARS,
    _bracket_ending_at,
    _head_re,
    _is_boundary,
    _not_industry_re,
    _place_with_level_ending_at,
    _prefix_words,
    _reverse_trie,
    _Word,
    _word_ending_at,
    _zone_or_town_ending_at,
    generic_words,
)

# Importable from here as before the grammar was split: the recognizer, the attributes and the tests use them.
from .cluster_split import ClusterName, split_head, split_name, split_places  # noqa: F401
from .cluster_words import head_first, head_pattern  # noqa: F401

__all__ = ["ClusterName", "find_clusters", "head_pattern", "split_name"]

_MAX_NAME = 32  # characters before the head
_MAX_UNKNOWN = 6
_MAX_UNKNOWN_RUN = 6  # an unlisted stretch inside a name that reaches a place
_MAX_UNKNOWN_RUNS = 2
# A descriptor between the industry and the head (新一代信息技术500亿级产业集群).
_DESCRIPTOR_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两]+)[百千万]?亿级$")
_MAX_LEADING_PLACE = 3  # an unlisted place (town, zone) before the name: 白沟, 织里, 柴达木
_JOINERS_BETWEEN_INDUSTRIES = "与和及"
_LEVEL_CHARS = "省市县区州旗盟镇乡"
# A bare 集群 after these words is the end of an award's title (省级安全应急产业特色集群).
_DESIGNATION_BEFORE = ("特色",)
# Before a cluster name with no place: the nation's clusters of an industry (a ranking's
# category) or a level's designation, not one cluster.
_CATEGORY_BEFORE = re.compile(r"(?:全国|我国|首批|省级|自治区级|市级|县级|国家级)$")
_COUNTRY = frozenset({"中国", "我国", "全国"})  # a name placed in the country is a category


# --------------------------------------------------------------------------
# Reading leftwards in running text: where a cluster's name starts
# --------------------------------------------------------------------------


_NAME_NUMERALS = frozenset("一二三四五六七八九十")
_COUNTED_AFTER = frozenset("大类批项种家条个市省县区地城州镇乡村国")  # 十大, 三类, 三市: a count, not a product's name


def _numeral_in_name(text: str, s: int, pos: int, floor: int) -> bool:
    """Is the numeral at ``s`` the first character of a local product's name right after
    a place (梧州|六堡茶), not a count (浙江|十大)?"""
    if text[s] not in _NAME_NUMERALS or pos - s < 2 or text[s + 1] in _STOP_CHARS or text[s + 1] in _COUNTED_AFTER:
        return False
    before = _word_ending_at(text, s, floor)
    return before is not None and before.kind in (_PLACE, _REGION)


def _unknown_ending_at(text: str, pos: int, floor: int, *, first: bool) -> _Word | None:
    """2–4 unlisted Han characters between a place and the rest of the name.

    An industry missing from the lexicon (曹县汉服特色产业集群) is still read
    when a place closes it on the left and it is not a phrase of the sentence.
    """
    for k in range(1, _MAX_UNKNOWN + 1):
        s = pos - k
        if s < floor or not is_han(text[s]) or text[s] in _STOP_CHARS and not _numeral_in_name(text, s, pos, floor):
            return None
        before = _word_ending_at(text, s, floor) or _zone_or_town_ending_at(text, s, floor)
        if before is not None and before.kind == _MODIFIER:
            before = None  # (现代|制造业集群: a modifier closes no unlisted industry)
        if before is not None and (before.kind in (_PLACE, _REGION) or (first and k >= 2)):
            if _not_industry_re().search(text, s, pos):
                return None
            if first and before.kind in (_PLACE, _REGION) and _only_generic(text[s:pos]):
                return None  # 开封市制造业集群: a place's clusters, no industry named
            return _Word("unknown", s, pos)
    return None


def _leading_place(text: str, pos: int, floor: int) -> _Word | None:
    """2–3 unlisted Han characters after a boundary, taken as the place of the name.

    Towns and zones (织里, 白沟, 洋浦) are not in the place list; right after
    punctuation or a function word, the characters before a known industry
    are most often such a place.
    """
    for k in range(2, _MAX_LEADING_PLACE + 1):
        s = pos - k
        if s < floor:
            return None
        chunk = text[s:pos]
        if not all(map(is_han, chunk)) or any(c in _STOP_CHARS for c in chunk):
            return None
        if _is_boundary(text, s - 1):
            if _not_industry_re().search(chunk) or _only_generic(chunk) or chunk.endswith("级"):
                return None
            return _Word(_PLACE, s, pos)
    return None


def _read_name(text: str, head_start: int, modified: bool = True) -> list[_Word]:
    """The words of the cluster name that ends at ``head_start``, leftmost first.

    ``modified``: the head has a modifier (产业集群, 特色产业集群): only then may an
    unlisted stretch inside the name be read up to a place further left.
    """
    pos = head_start
    floor = max(0, head_start - _MAX_NAME)
    if pos > 0 and text[pos - 1] == "-":  # 湾区汽车-先进制造业集群
        pos -= 1
    descriptor = _DESCRIPTOR_BEFORE.search(text, max(floor, pos - 8), pos) if text[pos - 1 : pos] == "级" else None
    if descriptor is not None:  # 新一代信息技术500亿级产业集群: a descriptor inside the name
        before = _read_words(text, descriptor.start(), floor, [], _MAX_UNKNOWN_RUNS, modified)
        if before and before[0].kind in (_INDUSTRY, "unknown"):
            before.insert(0, _Word("descriptor", descriptor.start(), pos))
            before.reverse()
            return before
    words = _read_words(text, pos, floor, [], _MAX_UNKNOWN_RUNS, modified)
    words.reverse()
    return words


def _has_place(words: list[_Word]) -> bool:
    return any(w.kind in (_PLACE, _REGION) for w in words)


def _read_words(text: str, pos: int, floor: int, words: list[_Word], budget: int, modified: bool = True) -> list[_Word]:
    """Read words leftwards from ``pos`` after ``words`` (rightmost first); the words read.

    Known words (places, regions, industries), zones and towns with their names
    (聊城高新区, 管辛店镇) and a bracketed segment (（新材料）) are read one after
    another. Where none fits and no place has been read yet, an unlisted stretch
    (延链强链, 阿胶) is read if the name then reaches a place further left
    (莘县精密铸造延链强链绿色智造…); else the older, narrower readings apply.
    """
    while pos > floor:
        w = _word_ending_at(text, pos, floor)
        if w is not None and w.kind == _MODIFIER and not (words and words[-1].kind == _INDUSTRY):
            w = None  # 现代 of 现代|建筑产业集群 only, never a name's word of its own
        if w is None:
            w = _zone_or_town_ending_at(text, pos, floor) or _place_with_level_ending_at(text, pos, floor)
        if w is None and text[pos - 1] in ")）":
            w = _bracket_ending_at(text, pos, floor, words)
            if w is None and not words and budget > 0:
                loose = _bracket_ending_at(text, pos, floor, words, loose=True)
                if loose is not None:  # 临湘市钓具（浮标）: the name before it is read as usual
                    read = _read_words(text, loose.start, floor, [loose], budget - 1, modified)
                    if _has_place(read):
                        return read
        if w is not None:
            words.append(w)
            pos = w.start
            continue
        ch = text[pos - 1]
        if words and (ch in _JOINERS_BETWEEN_INDUSTRIES or ch == "-") and words[-1].kind in (_INDUSTRY, "unknown"):
            left = _word_ending_at(text, pos - 1, floor)
            if left is not None and left.kind == _INDUSTRY:
                pos -= 1
                continue
            if left is None and ch in _JOINERS_BETWEEN_INDUSTRIES and not _has_place(words):
                u = _unknown_ending_at(text, pos - 1, floor, first=False)
                if u is not None:  # 东阿县|阿胶|及大健康: an unlisted industry after the place
                    words.append(_Word("unknown", u.start, pos))
                    pos = u.start
                    continue
        if words and ch in _JOINERS_BETWEEN_PLACES:
            left = _word_ending_at(text, pos - 1, floor)
            if left is not None and words[-1].kind in (_PLACE, _REGION) and left.kind in (_PLACE, _REGION):
                pos -= 1
                continue
        if not _has_place(words):
            if budget > 0 and modified:
                anchored = _anchored_unknown(text, pos, floor, budget)
                if anchored is not None:
                    words.extend(anchored)
                    return words
            u = _unknown_ending_at(text, pos, floor, first=not words)
            if u is not None:
                words.append(u)
                pos = u.start
                continue
            lead = _leading_place(text, pos, floor)
            if lead is not None and words:
                words.append(lead)
                pos = lead.start
        break
    return words


def _anchored_unknown(text: str, pos: int, floor: int, budget: int) -> list[_Word] | None:
    """An unlisted stretch ending at ``pos`` (a joiner may follow it) and the words
    before it, when those reach a place: 莘县精密铸造|延链强链|绿色智造, 东阿县|阿胶|及大健康."""
    end = pos - 1 if text[pos - 1] in _JOINERS_BETWEEN_INDUSTRIES else pos
    for k in range(1, _MAX_UNKNOWN_RUN + 1):
        s = end - k
        if s < floor or not is_han(text[s]) or text[s] in _STOP_CHARS:
            return None
        if k < 2 or not _closed_by_industry(text, s, floor) or _not_industry_re().search(text, s, end):
            continue
        read = _read_words(text, s, floor, [_Word("unknown", s, pos)], budget - 1)
        if _has_place(read):
            return read
    return None


def _closed_by_industry(text: str, s: int, floor: int) -> bool:
    """Does an industry word, a joiner or a bracket end right before ``s``? (A place
    before an unlisted stretch is the older reading's business: 曹县|汉服.)"""
    if s <= floor:
        return False
    if text[s - 1] in _JOINERS_BETWEEN_INDUSTRIES or text[s - 1] in ")）":
        return True
    w = _word_ending_at(text, s, floor)
    return w is not None and w.kind == _INDUSTRY


@lexicon.cached
def _generic_re() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.alternation(generic_words())})+")


def _only_generic(chunk: str) -> bool:
    """Is ``chunk`` made of generic words only (制造业, 产业特色, 先进制造), after the
    level word of a place before it (开封|市制造业)?"""
    return _generic_re().fullmatch(chunk.lstrip(_LEVEL_CHARS)) is not None


def _only_provinces(text: str, words: list[_Word]) -> bool:
    index = lexicon.place_index()
    for w in words:
        levels = {p.level for p in index.get(text[w.start:w.end], ())}
        if levels != {"province"}:
            return False
    return True


def find_clusters(text: str) -> list[tuple[int, int]]:
    """All CLUSTER candidate spans ``(start, end)`` in ``text``.

    A name that is only generic (``先进制造业``, ``国家级``), a count of places
    (``六市``) or nothing at all is not a cluster; a place alone is one only
    with a plain or national head (``酒泉国家先进制造业集群``, ``酒泉集群``),
    not with ``特色产业集群`` (``山东省特色产业集群`` is a designation).
    """
    found: list[tuple[int, int]] = []
    for m in _head_re().finditer(text):
        head = m.group()
        if head == "集群" and text.endswith(_DESIGNATION_BEFORE, 0, m.start()):
            continue  # 荣获省级智能家居产业特色集群称号: an awarded designation
        words = _read_name(text, m.start(), modified=m.group() != "集群")
        if not words:
            continue
        kinds = {w.kind for w in words}
        if "unknown" in kinds and head.startswith("国家级"):
            continue
        if kinds <= {_PLACE, _REGION, "aside"}:
            # A place alone names a cluster (酒泉集群) unless the head makes it a
            # designation (山东省特色产业集群) or the place is a whole province; a
            # region with a generic head is a set (长三角先进制造业集群 in 数量上领跑).
            if "特色产业" in head or head.startswith("国家级"):
                continue
            if head in _SET_HEADS:
                continue  # 扬州先进制造业集群规上企业开票…: the place's clusters, a set (酒泉国家先进制造业集群 names one)
            if _PLACE in kinds and _REGION not in kinds and _only_provinces(text, words):
                continue
            if _PLACE not in kinds and head != "集群" and not head.startswith("国家"):
                continue
            if text[words[0].start : m.start()] + "产业" in generic_words() and head.startswith("产业"):
                continue  # 新兴|产业集群: a place's short name that is the first half of a generic word
            if head == "集群" and len(words) > 1 and "分别" in text[m.end() : m.end() + _RESPECTIVELY_REACH]:
                continue  # 赣州市、九江市集群营业收入分别…: each place's clusters, not one cluster
        start = words[0].start
        if _factored(text, start, words):
            continue
        if not _has_place(words) and _COUNT_BEFORE.search(text, max(0, start - 6), start):
            continue  # 9个纺织服装产业集群列入…: a count of clusters of an industry, a set
        if not _has_place(words) and _CATEGORY_BEFORE.search(text, max(0, start - 4), start):
            continue  # 全国中药产业集群前十, 争创自治区级新能源装备特色产业集群: a category or a designation
        places = [text[w.start : w.end] for w in words if w.kind in (_PLACE, _REGION)]
        if places and set(places) <= _COUNTRY:
            continue  # 中国纺织产业集群协作交流大会: the nation's clusters of an industry
        found.append((start, m.end()))
    return found


# A place and its bracketed industry, then 、 (浏阳市（花炮）、): an item of a factored list.
_BRACKETED_ITEM_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,6}[市县区旗][(（][\u4e00-\u9fff]{1,8}[)）]、$")
_SET_HEADS = frozenset({"先进制造业集群", "先进制造集群", "战略性新兴产业集群", "战略性产业集群"})
_RESPECTIVELY_REACH = 16  # characters after a head searched for 分别
_FACTORING_JOINERS = "、和及与"  # 农机装备、专用汽车产业集群; 光伏制造和锂电产业集群
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)(?:个|家|大)$")


def _factored(text: str, start: int, words: list[_Word]) -> bool:
    """A head shared by a list (农机装备、专用汽车产业集群): the name after 、 lacks its place
    and the item before it is an industry, not a whole cluster name."""
    if words[0].kind in (_PLACE, _REGION):
        # 浏阳市（花炮）、|醴陵市（陶瓷）特色产业集群: items of a place and its bracketed industry
        # share the head (深圳市、|广州市…集群 is one name; 柯桥印染、|诸暨大唐袜业集群 may be one)
        return any(text[w.start] in "(（" for w in words) and _BRACKETED_ITEM_BEFORE.search(text, max(0, start - 16), start) is not None
    start = _before_generic(text, start)  # 电子信息、先进|超硬材料集群: an evaluative word between
    if start < 2 or text[start - 1] not in _FACTORING_JOINERS:
        return False
    item_end = _before_generic(text, start - 1)  # 光伏制造|和锂电产业集群: the industry before 制造
    before = _word_ending_at(text, item_end, max(0, item_end - _MAX_WORD))
    return before is not None and before.kind == _INDUSTRY and not text.endswith("集群", 0, start - 1)


def _before_generic(text: str, start: int) -> int:
    """Where the generic words right before ``start`` (先进, 高端 …) begin."""
    run = _generic_tail_re().search(text, max(0, start - _MAX_NAME), start)
    return run.start() if run is not None else start


@lexicon.cached
def _generic_tail_re() -> re.Pattern[str]:
    """A run of generic words ending where the search ends (the tail of _generic_re)."""
    return re.compile(f"(?:{lexicon.alternation(generic_words())})+$")


def warm_up() -> None:
    """Build the tables and patterns now (the factories call this at construction)."""
    _head_re()
    _reverse_trie()
    _prefix_words()
