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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..constants import FUNCTION_CHARS, is_han
from ..lexicon import Place
from .places import PlaceWord, is_minor_short, may_nest, place_chain_start, resolve_chain

__all__ = ["ClusterName", "find_clusters", "head_pattern", "split_name"]

_MAX_NAME = 32  # characters before the head
_MAX_UNKNOWN = 4
_MAX_UNKNOWN_RUN = 6  # an unlisted stretch inside a name that reaches a place
_MAX_UNKNOWN_RUNS = 2
_MAX_ZONE_NAME = 8  # a zone's own name before its zone word (高铁经济 + 试验区)
_MAX_BRACKET = 20
_BRACKET_STOP = re.compile(r"[，,。；;：:！？!?\n()（）]")
# A descriptor between the industry and the head (新一代信息技术500亿级产业集群).
_DESCRIPTOR_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十百千两]+)[百千万]?亿级$")
_MAX_LEADING_PLACE = 3  # an unlisted place (town, zone) before the name: 白沟, 织里, 柴达木
_MAX_WORD = 12
_PLACE, _REGION, _INDUSTRY = "place", "region", "industry"
_JOINERS_BETWEEN_INDUSTRIES = "与和及"
_JOINERS_BETWEEN_PLACES = "、—-"  # 深圳市、广州市…, 许昌—漯河…
_STOP_CHARS = frozenset(FUNCTION_CHARS) | frozenset("一二三四五六七八九十两百千万亿几多个")
_ASIDE_RE = re.compile(r"[（(][^（）()]{0,12}[）)]")
_LEAD_RE = re.compile(r"^(?:国家级|国家)")


# --------------------------------------------------------------------------
# Tables derived from the resources
# --------------------------------------------------------------------------


@lexicon.cached
def head_pattern() -> str:
    """Regex source of a cluster head: ``(国家级?)? (modifier)? 集群`` (not 集群化)."""
    modifiers = lexicon.alternation(lexicon.cluster_words().get("head_modifier", ()))
    return rf"(?:国家级?)?(?:{modifiers})?集群(?!化)"


@lexicon.cached
def head_first() -> str:
    """The characters a cluster head starts with."""
    return "".join(sorted({"国", "集"} | {w[0] for w in lexicon.cluster_words().get("head_modifier", ())}))


@lexicon.cached
def _head_re() -> re.Pattern[str]:
    return re.compile(lexicon.skipping(head_first(), head_pattern()))


@lexicon.cached
def _head_at_end_re() -> re.Pattern[str]:
    return re.compile(f"(?:{head_pattern()})$")


@lexicon.cached
def generic_words() -> frozenset[str]:
    """Words that never make a cluster specific on their own (先进制造业, 国家级 …)."""
    return frozenset(lexicon.cluster_words().get("generic", ()))


@lexicon.cached
def _not_industry_re() -> re.Pattern[str]:
    """Words of the sentence, not of a name (推进, 打造 …): an unlisted stretch holding one is no industry."""
    return re.compile("|".join(map(re.escape, lexicon.cluster_words().get("not_industry", ()))))


@lexicon.cached
def _reverse_trie() -> lexicon.ReverseTrie:
    """Lexicon words tagged with their kind; the first tag given wins, so a
    region beats a place, and a place an identical industry word."""
    generic = generic_words()
    entries: list[tuple[str, str]] = [(w, _REGION) for w in lexicon.regions()]
    entries += [(w, _PLACE) for w in lexicon.place_index()]
    entries += [(w, _INDUSTRY) for w in lexicon.industry_terms() if w not in generic]
    return lexicon.ReverseTrie(entries)


@lexicon.cached
def _prefix_words() -> dict[str, str]:
    """Surface → 'place' or 'region' (regions win over an identical place key)."""
    out = {w: _PLACE for w in lexicon.place_index()}
    out.update({w: _REGION for w in lexicon.regions()})
    return out


# --------------------------------------------------------------------------
# Reading leftwards in running text: where a cluster's name starts
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    kind: str
    start: int
    end: int


def _word_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """Longest lexicon word ``text[s:pos]`` with ``s >= floor``."""
    hit = _reverse_trie().longest_ending_at(text, pos, floor)
    return None if hit is None else _Word(hit[1], hit[0], pos)


def _is_boundary(text: str, i: int) -> bool:
    """True when position ``i`` (the char before a name) cannot continue a name."""
    return i < 0 or not is_han(text[i]) or text[i] in FUNCTION_CHARS


def _unknown_ending_at(text: str, pos: int, floor: int, *, first: bool) -> _Word | None:
    """2–4 unlisted Han characters between a place and the rest of the name.

    An industry missing from the lexicon (曹县汉服特色产业集群) is still read
    when a place closes it on the left and it is not a phrase of the sentence.
    """
    for k in range(1, _MAX_UNKNOWN + 1):
        s = pos - k
        if s < floor or not is_han(text[s]) or text[s] in _STOP_CHARS:
            return None
        before = _word_ending_at(text, s, floor) or _zone_or_town_ending_at(text, s, floor)
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


_LEVEL_CHARS = "省市县区州旗盟镇乡"
# A bare 集群 after these words is the end of an award's title (省级安全应急产业特色集群).
_DESIGNATION_BEFORE = ("特色",)


@lexicon.cached
def _zone_trie() -> lexicon.ReverseTrie:
    """Zone and town words (``place_words.tsv``) that end a place inside a cluster's name."""
    entries = [(w, "zone") for w in lexicon.place_words_of("zone")]
    entries += [(w, "town") for w in lexicon.place_words_of("town") if len(w) > 1 or w in "镇乡"]
    return lexicon.ReverseTrie(entries)


def _place_with_level_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """A place's short name written with a level character of its own: 胶州|区, 崇礼|县."""
    if pos - 1 <= floor or text[pos - 1] not in "区县市":
        return None
    w = _word_ending_at(text, pos - 1, floor)
    return _Word(_PLACE, w.start, pos) if w is not None and w.kind == _PLACE else None


@lexicon.cached
def _zone_last_chars() -> frozenset[str]:
    return frozenset(w[-1] for w in lexicon.place_words_of("zone") + lexicon.place_words_of("town"))


def _zone_or_town_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """A zone or a town with its own name, ending at ``pos``: 聊城高新区, 上饶高铁经济试验区,
    赣江新区, 管辛店镇. The name reaches back to a place (then read as a word of its
    own) or to a boundary; a zone's name may hold 经济, a town's is 2–3 characters."""
    if pos <= floor or text[pos - 1] not in _zone_last_chars():
        return None
    hit = _zone_trie().longest_ending_at(text, pos, floor)
    if hit is None:
        return None
    ws, kind = hit
    shortest, longest = (0, _MAX_ZONE_NAME) if kind == "zone" else (2, 3)
    best = None
    for k in range(0, longest + 1):
        i = ws - k
        if i < floor:
            break
        if k:
            c = text[i]
            if not is_han(c) or (c in _STOP_CHARS and not (c == "经" and text.startswith("经济", i))):
                break
        if k >= shortest and place_chain_start(text, i) is not None:
            return _Word(_PLACE, i, pos)
        if k >= max(shortest, 1) and _is_boundary(text, i - 1):
            best = i
    return _Word(_PLACE, best, pos) if best is not None else None


def _bracket_ending_at(text: str, pos: int, floor: int, words: list[_Word], loose: bool = False) -> _Word | None:
    """A bracketed segment inside the name: the industry of a listed cluster
    (潍坊市寒亭区（新材料）特色产业集群, 长沙市数控机床（磨床）产业集群) or a short
    aside about its places (长三角（含江西）大飞机集群)."""
    open_at = max(text.rfind("(", max(floor, pos - _MAX_BRACKET - 2), pos - 1), text.rfind("（", max(floor, pos - _MAX_BRACKET - 2), pos - 1))
    if open_at < 0:
        return None
    content = text[open_at + 1 : pos - 1]
    if not content or _BRACKET_STOP.search(content):
        return None
    if not loose and not (_word_ending_at(text, open_at, floor) or _zone_or_town_ending_at(text, open_at, floor)):
        return None
    if loose and not (open_at > floor and is_han(text[open_at - 1])):
        return None
    if not words:
        if not all(is_han(c) for c in content) or _not_industry_re().search(content):
            return None
        return _Word(_INDUSTRY, open_at, pos)
    return _Word("aside", open_at, pos) if pos - open_at <= 10 else None


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
            if _PLACE in kinds and _REGION not in kinds and _only_provinces(text, words):
                continue
            if _PLACE not in kinds and head != "集群" and not head.startswith("国家"):
                continue
        start = words[0].start
        if _factored(text, start, words):
            continue
        found.append((start, m.end()))
    return found


def _factored(text: str, start: int, words: list[_Word]) -> bool:
    """A head shared by a list (农机装备、专用汽车产业集群): the name after 、 lacks its place
    and the item before it is an industry, not a whole cluster name."""
    if start < 2 or text[start - 1] not in "、，," or words[0].kind in (_PLACE, _REGION):
        return False
    if text[start - 1] != "、":
        return False
    before = _word_ending_at(text, start - 1, max(0, start - 1 - _MAX_WORD))
    return before is not None and before.kind == _INDUSTRY and not text.endswith("集群", 0, start - 1)


# --------------------------------------------------------------------------
# Splitting a name: places and industry, for the attributes
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClusterName:
    """A cluster name split into its parts."""

    places: tuple[Place, ...]  # innermost places named, in order
    industry: str  # what lies between the places and the head
    head: str


@lexicon.cached
def _region_places(name: str) -> tuple[Place, ...]:
    r = lexicon.regions()[name]
    names = r.cities or r.provinces
    out = []
    for n in names:
        cands = lexicon.places_by_name().get(n, ())
        if len(cands) > 1:
            cands = tuple(p for p in cands if (p.province or p.name) in r.provinces) or cands
        if len(cands) == 1:
            out.append(cands[0])
    return tuple(out)


def _drop_ancestors(places: Sequence[Place]) -> tuple[Place, ...]:
    uniq = list(dict.fromkeys(places))
    names = {p.name for p in uniq}
    ancestors = {p.province for p in uniq if p.province != p.name} | {p.city for p in uniq if p.city and p.city != p.name}
    return tuple(p for p in uniq if not (p.name in ancestors and p.name in names))


def _resolve_places(words: list[PlaceWord]) -> list[Place]:
    """Places written one after another: nested (陕西省西安市) or listed (深圳市、广州市)."""
    out: list[Place] = []
    run: list[PlaceWord] = []
    for w in words:
        if run and not may_nest(run[-1], w):
            out.extend(resolve_chain(run))
            run = []
        run.append(w)
    if run:
        out.extend(resolve_chain(run))
    return out


def split_head(text: str) -> tuple[str, str]:
    """``(stem, head)`` of a cleaned name: 龙口市交通铝材|特色产业集群."""
    m = _head_at_end_re().search(text)
    return (text[: m.start()], m.group()) if m else (text, "")


def _starts_place(stem: str, i: int, words: dict[str, str]) -> bool:
    return any(stem[i:j] in words for j in range(i + 2, min(len(stem), i + _MAX_WORD) + 1))


def split_places(stem: str, zones: bool = True) -> tuple[tuple[Place, ...], str]:
    """The places a name's stem (without its head) starts with, and the rest (the industry).

    With ``zones`` a zone or town after the places (聊城|高新区, 冠县|清水镇) is not
    part of the industry either.
    """
    words = _prefix_words()
    index = lexicon.place_index()
    groups: list[list[PlaceWord] | str] = []  # consecutive place words, or a region name
    i = 0
    while i < len(stem):
        found = None
        for j in range(min(len(stem), i + _MAX_WORD), i + 1, -1):
            if stem[i:j] in words:
                if found is None:
                    found = stem[i:j]
                if _starts_place(stem, j, words):  # 济南|市中区, not 济南市|中区
                    found = stem[i:j]
                    break
        if found is None:
            if groups and stem[i] in _JOINERS_BETWEEN_PLACES and i + 1 < len(stem):
                i += 1
                continue
            m = _ASIDE_RE.match(stem, i)
            if groups and m is not None and m.end() < len(stem):  # 长三角（含江西）: an aside about the places
                i = m.end()
                continue
            break
        if words[found] == _REGION:
            groups.append(found)
        elif groups and isinstance(groups[-1], list):
            w = PlaceWord(i, i + len(found), found, index[found])
            if is_minor_short(w) and not may_nest(groups[-1][-1], w):
                break  # 宜宾|三江…: a county's short name not in the place before
            groups[-1].append(w)
        else:
            groups.append([PlaceWord(i, i + len(found), found, index[found])])
        i += len(found)
    zone = _zone_in_stem_re().match(stem, i) if zones else None
    if zone is not None and zone.end() < len(stem):  # 聊城|高新区|新能源汽车零部件, 冠县|清水镇|轴承
        i = zone.end()
    places: list[Place] = []
    for g in groups:
        if isinstance(g, str):
            places.extend(_region_places(g))
        else:
            places.extend(_resolve_places(g))
    industry = _LEAD_RE.sub("", stem[i:])
    bracket = _WHOLE_BRACKET_RE.fullmatch(industry)
    if bracket is not None:  # 潍坊市寒亭区（新材料）特色产业集群: the industry is in brackets
        industry = bracket.group(1)
    return _drop_ancestors(places), industry


_WHOLE_BRACKET_RE = re.compile(r"[（(]([^（）()]+)[）)]")


@lexicon.cached
def _zone_in_stem_re() -> re.Pattern[str]:
    """A zone or a town with its name after a name's places (高铁经济试验区, 清水镇)."""
    zones = lexicon.alternation(lexicon.place_words_of("zone"))
    towns = lexicon.alternation(w for w in lexicon.place_words_of("town") if len(w) > 1 or w in "镇乡")
    return re.compile(f"[^（）()]{{0,{_MAX_ZONE_NAME}}}?(?:{zones})|[^（）()]{{2,3}}?(?:{towns})")


def split_name(text: str) -> ClusterName:
    """Split a cleaned cluster name into places, industry and head.

    >>> n = split_name("龙口市交通铝材特色产业集群")
    >>> [p.name for p in n.places], n.industry, n.head
    (['龙口市'], '交通铝材', '特色产业集群')
    """
    stem, head = split_head(text)
    places, industry = split_places(_LEAD_RE.sub("", stem))
    return ClusterName(places, industry, head)


def warm_up() -> None:
    """Build the tables and patterns now (the factories call this at construction)."""
    _head_re()
    _reverse_trie()
    _prefix_words()
