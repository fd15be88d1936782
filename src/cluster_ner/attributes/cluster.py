"""CLUSTER attributes: ``region``, ``industry``, ``national_name``, ``national_year``.

A cluster name is ``[places] industry head`` (see ANNOTATION.md):

* the **places** are read from the left, longest first: places of
  ``places.tsv`` (陕西省, 西安, 龙口市) and regions of ``regions.tsv`` (广深佛莞,
  浙东, 长三角), joined by ``、`` or followed by a short aside in brackets
  (长三角（含江西）);
* the **head** is ``集群`` with what may precede it: 产业, 特色产业,
  先进制造业, 国家先进制造业, 国家级 … (:data:`HEAD_RE`);
* the **industry** is what lies between (智能装备, 交通铝材).

``region`` uses the format of :func:`cluster_ner.attributes.government.region_string`:
one place gives its path (``陕西省/西安市``, ``山东省/烟台市/龙口市``); several
give ``provinces/cities`` (``广东省/广州市,深圳市,佛山市,东莞市``); a region
made of whole provinces gives the provinces (``上海市,江苏省,浙江省,安徽省``).
A place written inside another one (广东省广深佛莞, 陕西省西安市) only counts as
the inner one. With no place in the name (航空集群), ``region`` is ``None``:
the spec asks for it "when stated or inferable", and the article's other
places are not a safe inference for a cluster.

National advanced manufacturing clusters come from
``resources/national_clusters.tsv`` and ``national_clusters_variants.tsv``
(see ``SOURCES.md``). A mention and a list name match when they have the same
*key*: the set of places they name (cities, or provinces for province-only
regions; a province written before its city is dropped; 西安 = 西安市; 成德 =
成都 + 德阳 = 成都德阳) and the same industry after removing the head, 产业,
先进制造(业), 国家(级) and bracketed asides. A key with no place never matches
(轨道交通装备集群 is not one cluster), nor does a key shared by two list
names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..cleaning import to_simplified
from ..lexicon import Place
from .government import (
    PlaceWord,
    _is_minor_short,
    _may_nest,
    _places_by_name,
    region_string,
    resolve_chain,
)

__all__ = [
    "ClusterAttributes",
    "HEAD_RE",
    "NationalCluster",
    "cluster_attributes",
    "cluster_key",
    "match_national",
    "national_clusters",
]

HEAD_RE = re.compile(
    r"(?:国家级?)?(?:先进制造业|先进制造|战略性新兴产业|战略性产业|特色产业|创新型产业|产业)?集群$"
)
_LEAD_RE = re.compile(r"^(?:国家级|国家)")
_NOISE_RE = re.compile(r"[“”\"‘’'《》「」『』\s·\-—–]")
_ASIDE_RE = re.compile(r"[（(][^（）()]{0,12}[）)]")
_INDUSTRY_TAIL_RE = re.compile(r"(?:先进制造业|先进制造|产业)$")
_PLACE_JOINERS = "、"
_MAX_WORD = 12


@dataclass(frozen=True)
class NationalCluster:
    """One row of ``national_clusters.tsv``."""

    name: str
    provinces: tuple[str, ...]
    cities: tuple[str, ...]
    domain: str
    year: int
    source: str


@dataclass(frozen=True)
class ClusterAttributes:
    region: str | None
    industry: str | None
    national_name: str | None
    national_year: int | None


@dataclass(frozen=True)
class _Name:
    places: tuple[Place, ...]  # innermost places named, in order
    industry: str


# --------------------------------------------------------------------------
# Reading a name
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _prefix_words() -> dict[str, str]:
    """Surface → 'place' or 'region' (regions win over an identical place key)."""
    out = {w: "place" for w in lexicon.place_index()}
    out.update({w: "region" for w in lexicon.regions()})
    return out


@lru_cache(maxsize=256)
def _region_places(name: str) -> tuple[Place, ...]:
    r = lexicon.regions()[name]
    names = r.cities or r.provinces
    out = []
    for n in names:
        cands = _places_by_name().get(n, ())
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


def _read(text: str) -> _Name:
    """Split a cleaned name (no head) into its places and its industry."""
    words = _prefix_words()
    index = lexicon.place_index()
    groups: list[list[PlaceWord] | str] = []  # consecutive place words, or a region name
    i = 0
    while i < len(text):
        found = None
        for j in range(min(len(text), i + _MAX_WORD), i + 1, -1):
            if text[i:j] in words:
                found = text[i:j]
                break
        if found is None:
            if groups and text[i] in _PLACE_JOINERS and i + 1 < len(text):
                i += 1
                continue
            m = _ASIDE_RE.match(text, i)
            if groups and m is not None:  # 长三角（含江西）: an aside about the places
                i = m.end()
                continue
            break
        if words[found] == "region":
            groups.append(found)
        elif groups and isinstance(groups[-1], list):
            w = PlaceWord(i, i + len(found), found, index[found])
            if _is_minor_short(w) and not _may_nest(groups[-1][-1], w):
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
    industry = _LEAD_RE.sub("", text[i:])
    return _Name(_drop_ancestors(places), industry)


def _resolve_places(words: list[PlaceWord]) -> list[Place]:
    """Places written one after another: nested (陕西省西安市) or listed (深圳市、广州市)."""
    out: list[Place] = []
    run: list[PlaceWord] = []
    for w in words:
        if run and not _may_nest(run[-1], w):
            out.extend(resolve_chain(run))
            run = []
        run.append(w)
    if run:
        out.extend(resolve_chain(run))
    return out


def _clean(text: str) -> str:
    return _NOISE_RE.sub("", to_simplified(text))


def _split_head(text: str) -> tuple[str, str]:
    m = HEAD_RE.search(text)
    return (text[: m.start()], m.group()) if m else (text, "")


# --------------------------------------------------------------------------
# National clusters
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def national_clusters() -> tuple[NationalCluster, ...]:
    """The rows of ``national_clusters.tsv``."""
    return tuple(
        NationalCluster(
            r["name"],
            tuple(x for x in r.get("province", "").split(",") if x),
            tuple(x for x in r.get("cities", "").split(",") if x),
            r.get("domain", ""),
            int(r["year"]),
            r.get("source", ""),
        )
        for r in lexicon.read_tsv("national_clusters.tsv")
    )


Key = tuple[frozenset[str], str]


def cluster_key(name: str) -> Key | None:
    """The matching key of a cluster name, ``None`` when it names no place.

    >>> cluster_key("陕西省西安市航空产业集群") == cluster_key("西安市航空集群")
    True
    """
    stem, _ = _split_head(_clean(name))
    stem = _LEAD_RE.sub("", stem)
    parsed = _read(_ASIDE_RE.sub("", stem))
    if not parsed.places:
        return None
    industry = _INDUSTRY_TAIL_RE.sub("", _LEAD_RE.sub("", parsed.industry))
    return frozenset(p.name for p in parsed.places), industry


@lru_cache(maxsize=1)
def _national_index() -> dict[Key, NationalCluster | None]:
    """Key → list row; ``None`` marks a key two rows share (never matched)."""
    rows = {c.name: c for c in national_clusters()}
    index: dict[Key, NationalCluster | None] = {}

    def add(key: Key | None, row: NationalCluster) -> None:
        if key is None:
            return
        if key in index and index[key] is not row:
            index[key] = None
        else:
            index[key] = row

    for row in rows.values():
        add(cluster_key(row.name), row)
    for r in lexicon.read_tsv("national_clusters_variants.tsv"):
        row = rows.get(r.get("name", ""))
        if row is not None:
            # A variant may name places only (成德集群, a short alias in use).
            add(cluster_key(r.get("seen_form", "")), row)
    return index


def match_national(name: str) -> NationalCluster | None:
    """The national cluster a mention names, or ``None``.

    >>> match_national("广东省广深佛莞智能装备产业集群").name
    '广深佛莞智能装备集群'
    """
    key = cluster_key(name)
    if key is None:
        return None
    return _national_index().get(key)


# --------------------------------------------------------------------------
# Attributes
# --------------------------------------------------------------------------


@lru_cache(maxsize=4096)  # names recur across a corpus; the result depends on the name only
def cluster_attributes(text: str) -> ClusterAttributes:
    """``region``, ``industry``, ``national_name`` and ``national_year`` of a CLUSTER name.

    >>> a = cluster_attributes("龙口市交通铝材特色产业集群")
    >>> a.region, a.industry
    ('山东省/烟台市/龙口市', '交通铝材')
    """
    stem, _ = _split_head(_clean(text))
    stem = _LEAD_RE.sub("", stem)
    parsed = _read(stem)
    if not parsed.places and _ASIDE_RE.search(stem):
        # 成(都)德(阳)高端能源装备集群: asides inside the place names.
        bare = _read(_ASIDE_RE.sub("", stem))
        parsed = bare if bare.places else parsed
    industry = _INDUSTRY_TAIL_RE.sub("", parsed.industry) or None
    national = match_national(text)
    return ClusterAttributes(
        region_string(parsed.places),
        industry,
        national.name if national else None,
        national.year if national else None,
    )


def warm_up() -> None:
    """Build the cached tables now (the pipeline calls this at load)."""
    _prefix_words()
    _national_index()
