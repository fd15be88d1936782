"""The data files in ``cluster_ner/resources``, read once and cached.

Every word list the grammars, recognizers and attributes use lives in one TSV
or text file inside the package (see ``resources/SOURCES.md`` for where each
comes from) and is read here with :mod:`importlib.resources`; regexes and
first-character sets are derived from the data by the grammar modules, never
kept beside it by hand. Loaders return immutable structures, so no caller can
mutate shared state.

Every loader, and every table a grammar derives from them, is cached with
:func:`cached`; :func:`reload` drops them all, so a changed resource file (or a
test that adds a line) takes effect in the next pipeline built.

The tries and regex builders the grammars match these words with live in
:mod:`cluster_ner.lexicon_matching` and are re-exported here
(``lexicon.Trie``, ``lexicon.trie_regex`` …).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

# Re-exported: the grammars reach the matching helpers as ``lexicon.Trie`` and so on.
from .lexicon_matching import ReverseTrie, Trie, alternation, ending_regex, skipping, trie_regex

RESOURCE_PACKAGE = "cluster_ner.resources"

_F = TypeVar("_F", bound=Callable[..., Any])
_CACHES: list[Any] = []
_RESET_HOOKS: list[Callable[[], None]] = []


def cached(func: _F) -> _F:
    """``functools.lru_cache`` for a table built from the resources, dropped by :func:`reload`."""
    wrapped = lru_cache(maxsize=None)(func)
    _CACHES.append(wrapped)
    return wrapped  # type: ignore[return-value]


def on_reload(hook: Callable[[], None]) -> Callable[[], None]:
    """Register ``hook`` to run at :func:`reload` (e.g. to clear a cache of results)."""
    _RESET_HOOKS.append(hook)
    return hook


def reload() -> None:
    """Forget every table read or derived from the resources; the next use reads them again.

    Pipelines built before keep the compiled patterns they hold: build a new one
    (``cluster_ner.load()``) to see a changed resource file.
    """
    for cache in _CACHES:
        cache.cache_clear()
    for hook in _RESET_HOOKS:
        hook()


# The loaders below all read through this function, in this module: a test that
# patches ``lexicon.read_text`` changes what every one of them reads.
def read_text(name: str) -> str:
    """The text of a resource file."""
    return resources.files(RESOURCE_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV resource with a header line (``#`` lines are comments)."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text resource."""
    return tuple(
        ln.strip() for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")
    )


def _split(field: str) -> tuple[str, ...]:
    return tuple(x for x in field.split(",") if x)


def _yes(field: str) -> bool:
    return field.strip().lower() in ("yes", "y", "true", "1")


# --- places -------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """An administrative division (from ``places.tsv``)."""

    name: str
    short: str
    level: str  # province | municipal | county | district
    province: str
    city: str

    def contains(self, other: "Place") -> bool:
        """True when ``other`` lies inside this place (西安市 contains 碑林区)."""
        return other.province == self.name or other.city == self.name


# Short forms that are ordinary words far more often than places.
_GENERIC_SHORTS = frozenset(
    "城关 城中 城东 城西 城南 城北 市中 新城 新华 开发 高新 经开 矿区 郊区 城区 新区 "
    "和平 长安 江南 江北 河东 河西 永安 白云 青山 东方 南山 北山 西山 东山 中山 "
    "平安 安全 建设 发展 前进 红旗 胜利 光明 朝阳 向阳 东风 西安 中原 华容 "
    "普陀 通州 鼓楼 海港 铁西 铁东 城阳 大东 会同".split()
)
# 西安/中山/朝阳/普陀 are real and common places: they stay as full names below
# (西安市) and are added back as known shorts of municipal level.
_KEEP_SHORT_LEVELS = frozenset({"province", "municipal"})


@cached
def places() -> tuple[Place, ...]:
    """All divisions of ``places.tsv``."""
    return tuple(
        Place(r["name"], r.get("short", ""), r["level"], r.get("province", ""), r.get("city", ""))
        for r in read_tsv("places.tsv")
    )


@cached
def place_index() -> dict[str, tuple[Place, ...]]:
    """Surface form (full name or usable short form) → the places it may denote."""
    index: dict[str, list[Place]] = {}
    for p in places():
        index.setdefault(p.name, []).append(p)
        short = p.short
        if len(short) >= 2 and (short not in _GENERIC_SHORTS or p.level in _KEEP_SHORT_LEVELS):
            index.setdefault(short, []).append(p)
            # Prefectures are also written short + 州/地区/盟: 昌吉州, 楚雄州, 海西州.
            for suffix in ("自治州", "地区", "盟"):
                if p.name.endswith(suffix) and suffix == "自治州":
                    index.setdefault(short + "州", []).append(p)
    return {k: tuple(v) for k, v in index.items()}


@cached
def places_by_name() -> dict[str, tuple[Place, ...]]:
    """Full name → the places of that name (several counties share one)."""
    out: dict[str, list[Place]] = {}
    for p in places():
        out.setdefault(p.name, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


@cached
def place_trie() -> Trie:
    """The surface forms of :func:`place_index`, to find them in running text."""
    return Trie(place_index())


@cached
def place_reverse_trie() -> ReverseTrie:
    """The surface forms of :func:`place_index`, to read names leftwards from a head."""
    return ReverseTrie((w, "place") for w in place_index())


@dataclass(frozen=True)
class Region:
    """An informal multi-place region (长三角, 广深佛莞 …) from ``regions.tsv``."""

    name: str
    provinces: tuple[str, ...]
    cities: tuple[str, ...]


@cached
def regions() -> dict[str, Region]:
    """Region name → the provinces and cities it covers."""
    return {r["name"]: Region(r["name"], _split(r.get("provinces", "")), _split(r.get("cities", ""))) for r in read_tsv("regions.tsv")}


@dataclass(frozen=True)
class PlaceWordEntry:
    """A word that ends a place-like prefix (``place_words.tsv``): a zone, town or level word."""

    word: str
    kind: str  # zone | town | level
    level: str  # the level of a body named with it
    bare: bool  # level words: may stand alone for the document's place (市政府)


@cached
def place_words() -> tuple[PlaceWordEntry, ...]:
    """Zone, town and level words (``place_words.tsv``), in file order."""
    return tuple(
        PlaceWordEntry(r["word"], r["kind"], r.get("level", ""), _yes(r.get("bare", "")))
        for r in read_tsv("place_words.tsv")
        if r.get("word")
    )


@cached
def place_words_of(kind: str) -> tuple[str, ...]:
    """The words of one kind (``zone``, ``town``, ``level``), longest first."""
    return tuple(sorted((w.word for w in place_words() if w.kind == kind), key=len, reverse=True))


# --- government bodies -------------------------------------------------------


@cached
def gov_domains() -> dict[str, str]:
    """Functional-domain form (工信) → full form (工业和信息化)."""
    return {r["form"]: r["full"] for r in read_tsv("gov_domains.tsv") if r.get("form")}


@dataclass(frozen=True)
class Head:
    """An organ head (局, 人民政府, 管委会 …) from ``gov_heads.tsv``."""

    head: str
    full: str
    kind: str
    levels: tuple[str, ...]
    after: str = "place"  # domain | place | both: what the head follows
    alone: bool = False  # a body even with nothing before it (管委会)
    not_followed_by: str = ""  # characters that make it the start of an ordinary word


@cached
def gov_heads() -> dict[str, Head]:
    """Head as written → its entry (``gov_heads.tsv``)."""
    return {
        r["head"]: Head(
            r["head"],
            r.get("full") or r["head"],
            r.get("kind", ""),
            _split(r.get("levels", "")),
            r.get("after") or "place",
            _yes(r.get("alone", "")),
            r.get("not_followed_by", ""),
        )
        for r in read_tsv("gov_heads.tsv")
        if r.get("head")
    }


@dataclass(frozen=True)
class Body:
    """A body named without a place (工信部, 国务院 …) from ``gov_bodies.tsv``."""

    name: str
    canonical: str
    level: str
    region: str


@cached
def gov_bodies() -> dict[str, Body]:
    """Name as written → the body (``gov_bodies.tsv``)."""
    return {
        r["name"]: Body(r["name"], r.get("canonical") or r["name"], r.get("level", "national"), r.get("region", ""))
        for r in read_tsv("gov_bodies.tsv")
        if r.get("name")
    }


@cached
def foreign_places() -> frozenset[str]:
    """Names of foreign countries and places (their governments are not GOV)."""
    return frozenset(read_lines("foreign_places.txt"))


# --- industries, clusters ---------------------------------------------------------


@cached
def industry_terms() -> frozenset[str]:
    """Industry words a cluster name is built from (``industry_terms.txt``)."""
    return frozenset(read_lines("industry_terms.txt"))


@cached
def cluster_words() -> dict[str, tuple[str, ...]]:
    """Role → words (``cluster_words.tsv``): head modifiers, generic words, sentence words."""
    out: dict[str, list[str]] = {}
    for r in read_tsv("cluster_words.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


# --- numbers: units and qualifiers ------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A word after a number (``units.tsv``) and what it makes of the number."""

    word: str
    canonical: str  # the unit a parsed quantity reports ("" for words that are no unit)
    kind: str
    role: str  # metric | place | round | parse | not
    not_followed_by: str = ""


@cached
def units() -> dict[str, Unit]:
    """Word → its entry (``units.tsv``), in file order."""
    return {
        r["unit"]: Unit(r["unit"], r.get("canonical", ""), r.get("kind", ""), r.get("role") or "metric", r.get("not_followed_by", ""))
        for r in read_tsv("units.tsv")
        if r.get("unit")
    }


@dataclass(frozen=True)
class Qualifier:
    """A qualifier word before or after a number (``qualifiers.tsv``)."""

    word: str
    side: str  # before | after
    qualifier: str  # approx | over | under
    in_span: bool
    not_after: str = ""
    multiplier_only: bool = False


@cached
def qualifiers() -> tuple[Qualifier, ...]:
    """Every qualifier word (``qualifiers.tsv``), in file order."""
    return tuple(
        Qualifier(r["word"], r["side"], r["qualifier"], _yes(r.get("in_span", "")), r.get("not_after", ""), _yes(r.get("multiplier_only", "")))
        for r in read_tsv("qualifiers.tsv")
        if r.get("word")
    )


@cached
def context_words() -> dict[str, tuple[str, ...]]:
    """Role → words (``context_words.tsv``): what the context component reads."""
    out: dict[str, list[str]] = {}
    for r in read_tsv("context_words.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


@cached
def measure_words() -> dict[str, tuple[str, ...]]:
    """Role → words (``measure_words.tsv``): what the METRIC measure heuristics look for."""
    out: dict[str, list[str]] = {}
    for r in read_tsv("measure_words.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


@cached
def page_furniture() -> dict[str, tuple[str, ...]]:
    """Role → words (``page_furniture.tsv``): counters, codes, addresses and breadcrumbs of a page."""
    out: dict[str, list[str]] = {}
    for r in read_tsv("page_furniture.tsv"):
        out.setdefault(r["role"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


@cached
def set_phrases() -> tuple[str, ...]:
    """Set phrases with a numeral (``set_phrases.txt``: 三次产业, 两个先行): never a METRIC."""
    return read_lines("set_phrases.txt")
