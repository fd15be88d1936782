"""CLUSTER attributes: ``region``, ``industry``, ``national_name``, ``national_year``.

The name is split into its places and industry by the cluster grammar
(:func:`cluster_ner.grammar.cluster.split_name`).

``region`` uses the format of :func:`cluster_ner.grammar.places.region_string`:
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
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..cleaning import to_simplified
from ..grammar.cluster import split_head, split_places
from ..grammar.places import region_string

__all__ = [
    "ClusterAttributes",
    "NationalCluster",
    "cluster_attributes",
    "cluster_key",
    "match_national",
    "match_national_at",
    "placeless_industry",
    "national_clusters",
]

_LEAD_RE = re.compile(r"^(?:国家级|国家)")
_NOISE_RE = re.compile(r"[“”\"‘’'《》「」『』\s·\-—–]")
_ASIDE_RE = re.compile(r"[（(][^（）()]{0,12}[）)]")
_INDUSTRY_TAIL_RE = re.compile(r"(?:先进制造业|先进制造|产业)$")
_INDUSTRY_LEAD_RE = re.compile(r"^先进(?=..)")  # 株洲市先进轨道交通装备集群 is 株洲轨道交通装备产业集群


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


def _clean(text: str) -> str:
    return _NOISE_RE.sub("", to_simplified(text))


# --------------------------------------------------------------------------
# National clusters
# --------------------------------------------------------------------------


@lexicon.cached
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


@lru_cache(maxsize=4096)  # names recur across a corpus; the result depends on the name only
def cluster_key(name: str) -> Key | None:
    """The matching key of a cluster name, ``None`` when it names no place.

    >>> cluster_key("陕西省西安市航空产业集群") == cluster_key("西安市航空集群")
    True
    """
    stem, _ = split_head(_clean(name))
    places, industry = split_places(_ASIDE_RE.sub("", _LEAD_RE.sub("", stem)), zones=False)
    if not places:
        return None
    industry = _INDUSTRY_LEAD_RE.sub("", _INDUSTRY_TAIL_RE.sub("", _LEAD_RE.sub("", industry)))
    return frozenset(p.name for p in places), industry


@lru_cache(maxsize=4096)
def placeless_industry(name: str) -> str | None:
    """The industry key of a cluster name that names no place (中小航空发动机产业集群 →
    中小航空发动机), ``None`` when it names one."""
    stem, _ = split_head(_clean(name))
    places, industry = split_places(_ASIDE_RE.sub("", _LEAD_RE.sub("", stem)), zones=False)
    if places or not industry:
        return None
    return _INDUSTRY_LEAD_RE.sub("", _INDUSTRY_TAIL_RE.sub("", _LEAD_RE.sub("", industry))) or None


def match_national_at(name: str, place: str) -> NationalCluster | None:
    """The national cluster a name without a place names when its place is ``place``
    (the document's: 中小航空发动机产业集群 in a text about 株洲市), or ``None``."""
    industry = placeless_industry(name)
    return _national_index().get((frozenset((place,)), industry)) if industry else None


@lexicon.cached
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
    stem, _ = split_head(_clean(text))
    stem = _LEAD_RE.sub("", stem)
    places, industry = split_places(stem)
    if not places and _ASIDE_RE.search(stem):
        # 成(都)德(阳)高端能源装备集群: asides inside the place names.
        bare = split_places(_ASIDE_RE.sub("", stem))
        places, industry = bare if bare[0] else (places, industry)
    national = match_national(text)
    return ClusterAttributes(
        region_string(places),
        _INDUSTRY_TAIL_RE.sub("", industry) or None,
        national.name if national else None,
        national.year if national else None,
    )


def warm_up() -> None:
    """Build the cached tables now (the pipeline calls this at load)."""
    _national_index()


lexicon.on_reload(cluster_attributes.cache_clear)
lexicon.on_reload(cluster_key.cache_clear)
lexicon.on_reload(placeless_industry.cache_clear)
