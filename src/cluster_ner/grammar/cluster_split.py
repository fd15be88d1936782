"""Splitting a found cluster name into places, industry and head, for the attributes.

The places the name starts with are read left to right: places nested
(陕西省西安市) or listed (深圳市、广州市), and regions (长三角) standing for their
cities or provinces; a zone or a town after them (聊城|高新区) is not part of
the industry, and an industry in brackets (潍坊市寒亭区（新材料）) is read
inside them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..lexicon import Place
from .cluster_words import _JOINERS_BETWEEN_PLACES, _MAX_WORD, _MAX_ZONE_NAME, _REGION, _head_at_end_re, _prefix_words
from .places import PlaceWord, is_minor_short, may_nest, resolve_chain

_ASIDE_RE = re.compile(r"[（(][^（）()]{0,12}[）)]")
_LEAD_RE = re.compile(r"^(?:国家级|国家)")


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
