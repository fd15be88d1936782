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
from .places import PlaceWord, is_minor_short, may_nest, resolve_chain

__all__ = ["ClusterName", "find_clusters", "head_pattern", "split_name"]

_MAX_NAME = 24  # characters before the head
_MAX_UNKNOWN = 4
_MAX_LEADING_PLACE = 3  # an unlisted place (town, zone) before the name: 白沟, 织里, 柴达木
_MAX_WORD = 12
_PLACE, _REGION, _INDUSTRY = "place", "region", "industry"
_JOINERS_BETWEEN_INDUSTRIES = "与和及"
_JOINERS_BETWEEN_PLACES = "、"
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
        before = _word_ending_at(text, s, floor)
        if before is not None and (before.kind in (_PLACE, _REGION) or (first and k >= 2)):
            if _not_industry_re().search(text, s, pos):
                return None
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
            if _not_industry_re().search(chunk) or chunk in generic_words() or chunk.endswith("级"):
                return None
            return _Word(_PLACE, s, pos)
    return None


def _read_name(text: str, head_start: int) -> list[_Word]:
    """The words of the cluster name that ends at ``head_start``, leftmost first."""
    words: list[_Word] = []
    pos = head_start
    floor = max(0, head_start - _MAX_NAME)
    if pos > 0 and text[pos - 1] == "-":  # 湾区汽车-先进制造业集群
        pos -= 1
    while pos > floor:
        w = _word_ending_at(text, pos, floor)
        if w is not None:
            words.append(w)
            pos = w.start
            continue
        ch = text[pos - 1]
        if words and ch in ")）":  # 长三角（含江西）大飞机集群: a short aside inside the name
            open_at = max(text.rfind("(", floor, pos - 1), text.rfind("（", floor, pos - 1))
            if open_at >= 0 and pos - open_at <= 10 and _word_ending_at(text, open_at, floor) is not None:
                pos = open_at
                continue
        if words and (ch in _JOINERS_BETWEEN_INDUSTRIES or ch == "-"):
            left = _word_ending_at(text, pos - 1, floor)
            if left is not None and words[-1].kind in (_INDUSTRY, "unknown") and left.kind == _INDUSTRY:
                pos -= 1
                continue
        if words and ch in _JOINERS_BETWEEN_PLACES:
            left = _word_ending_at(text, pos - 1, floor)
            if left is not None and words[-1].kind in (_PLACE, _REGION) and left.kind in (_PLACE, _REGION):
                pos -= 1
                continue
        if not any(w.kind in (_PLACE, _REGION) for w in words):
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
    words.reverse()
    return words


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
        words = _read_name(text, m.start())
        if not words:
            continue
        kinds = {w.kind for w in words}
        if "unknown" in kinds and head.startswith("国家级"):
            continue
        if kinds <= {_PLACE, _REGION}:
            # A place alone names a cluster (酒泉集群) unless the head makes it a
            # designation (山东省特色产业集群) or the place is a whole province.
            if "特色产业" in head or head.startswith("国家级"):
                continue
            if _PLACE in kinds and _REGION not in kinds and _only_provinces(text, words):
                continue
        found.append((words[0].start, m.end()))
    return found


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


def split_places(stem: str) -> tuple[tuple[Place, ...], str]:
    """The places a name's stem (without its head) starts with, and the rest (the industry)."""
    words = _prefix_words()
    index = lexicon.place_index()
    groups: list[list[PlaceWord] | str] = []  # consecutive place words, or a region name
    i = 0
    while i < len(stem):
        found = None
        for j in range(min(len(stem), i + _MAX_WORD), i + 1, -1):
            if stem[i:j] in words:
                found = stem[i:j]
                break
        if found is None:
            if groups and stem[i] in _JOINERS_BETWEEN_PLACES and i + 1 < len(stem):
                i += 1
                continue
            m = _ASIDE_RE.match(stem, i)
            if groups and m is not None:  # 长三角（含江西）: an aside about the places
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
    places: list[Place] = []
    for g in groups:
        if isinstance(g, str):
            places.extend(_region_places(g))
        else:
            places.extend(_resolve_places(g))
    return _drop_ancestors(places), _LEAD_RE.sub("", stem[i:])


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
