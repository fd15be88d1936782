"""GOV attributes: ``canonical`` (full official name), ``level`` and ``region``.

A GOV span is read from the right, the way its name is built (see
:mod:`cluster_ner.recognizers.gov`):

    [中共] [prefix] [domains] head

* the **head** is a ``gov_heads.tsv`` entry that ends the name (``市委``,
  ``政府办公室``, ``局``), possibly with an ordinal (``招商一局``) or followed
  by the body's office (``工信局办公室``);
* the **domains** are ``gov_domains.tsv`` forms before the head
  (``工信`` → ``工业和信息化``), read right to left, longest first; one-letter
  forms (建, 外) only right before the head.

  Of the heads that end the name, the one whose head + domains cover most of
  it wins, a shorter head on a tie (应急管理 + 局, not 应急 + 管理局); heads
  such as 局/委/厅 need a domain (丽水市委 is 丽水 + 市委, not 丽水市 + 委);
* the **prefix** is what is left: a chain of places (``广州市白云区``), ``国家``,
  a bare level character (``省``, ``市``, ``自治区``), a zone (``航天基地``), a
  town (``东江``) or nothing.

A bare level character or an empty prefix is resolved from the document
(:class:`DocumentPlaces`): the nearest place of the right kind mentioned
*before* the body, else the nearest one *after* it. ``省`` needs a province
named ``…省``; ``市`` any place named ``…市`` (a 直辖市, a prefecture or a
county-level city); ``县``/``区``/``州``/``旗``/``盟``/``自治区`` likewise. When no
province or city is named directly, one is derived from a lower-level place
(丽水市 → 浙江省 for ``省经信厅``). A body with no prefix at all (``工信局``) takes
the nearest prefecture or county (a city's bureau); a ``厅`` takes the
nearest province. Towns (``镇政府``) are never resolved: the place list has no
towns. When the context does not decide, ``canonical`` is ``None`` but
``level`` is still set from the level character.

Conventions:

* ``canonical`` is simplified Chinese (the working text already is).
  Party committees and the CPPCC follow ``gov_heads.tsv``: 丽水市委 →
  ``中国共产党丽水市委员会`` (not the short 中共… form); 丽水经开区党工委 →
  ``中国共产党丽水经开区工作委员会``. A place written short before a plain
  head is expanded (广州政府 → 广州市人民政府, 昌吉州商务局 →
  昌吉回族自治州商务局); zone and town names are kept as written
  (航天基地工信局 → 航天基地工业和信息化局).
* ``level`` is national / provincial / municipal / county / district / town /
  zone: from the resolved place (上海市人民政府 is provincial, 龙口市工业和信息化局
  is county), else from the level character, else from a head that exists at
  one level only.
* ``region`` is one string, the administrative path of the body's place joined
  by ``/``: ``浙江省`` · ``浙江省/丽水市`` · ``山东省/烟台市/龙口市``. A 直辖市 is
  not repeated (``北京市/海淀区``). National bodies have no region (``None``).
  Several places at one level are joined by ``,`` (see :func:`region_string`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..lexicon import Place

__all__ = [
    "DocumentPlaces",
    "GovAttributes",
    "PlaceMention",
    "place_path",
    "read_place_chain",
    "region_string",
    "resolve_gov",
]

PLACE_LEVEL_TO_GOV = {"province": "provincial", "municipal": "municipal", "county": "county", "district": "district"}
# Level words a body may carry without a place (省经信厅, 市政府), longest first.
LEVEL_WORDS = ("自治区", "地区", "街道", "省", "市", "县", "区", "州", "旗", "盟", "镇", "乡")
LEVEL_OF_WORD = {
    "自治区": "provincial", "省": "provincial", "市": "municipal", "州": "municipal", "盟": "municipal",
    "地区": "municipal", "县": "county", "旗": "county", "区": "district", "镇": "town", "乡": "town",
    "街道": "town",
}
_TOWN_WORDS = ("街道", "镇", "乡")
_ZONE_END = re.compile(
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|汽开区|开发区|新片区|片区|新区|经济区"
    r"|自贸区|自由贸易试验区|保税区|综合保税区|产业园区|工业园区|园区|工业园|基地|示范区|试验区|合作区|新城)$"
)
_ZONE_START = re.compile(
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|汽开区|开发区|新区|经济区|自贸区|保税区"
    r"|综合保税区|产业园区|工业园区|园区|工业园|示范区|试验区|合作区|新城)"
)
_TOWN_END = re.compile(r"(?:街道|镇|乡|街)$")
_ORDINALS = "一二三四五六七八九十第"
_JOINERS = "和与、"
# Heads a body's own office follows: 工信局办公室, 工信部办公厅.
_OFFICE_HEADS = {"办公室": "办公室", "办公厅": "办公厅", "办": "办公室", "新闻办公室": "新闻办公室", "新闻办": "新闻办公室"}
_DOMAIN_HEADS = frozenset("部 总局 署 总署 厅 局 管理局 委 委员会 办 办公室 办公厅".split())
_INNER_HEAD_KINDS = frozenset({"ministry", "bureau", "administration", "department", "commission", "government"})
# Local offices of national regulators: 上海证监局, 浙江银保监局.
_DISPATCHED = {
    "证券监督管理": "中国证券监督管理委员会",
    "银行保险监督管理": "中国银行保险监督管理委员会",
    "银行业监督管理": "中国银行业监督管理委员会",
}
_PARTY_PREFIX = "中共"
_JOINERS_IN_NAMES = "、"
_NATIONAL_PREFIX = "国家"
_MAX_PLACE = 12


# --------------------------------------------------------------------------
# Cached tables
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _HeadInfo:
    head: str
    full: str  # with the level word removed (市人民政府 → 人民政府)
    level_word: str | None  # 市 for 市委/市政府, 自治区 for 区党委
    template: bool  # full holds {place}
    levels: tuple[str, ...]
    kind: str


def _split_level_word(full: str) -> tuple[str | None, str]:
    """``市人民政府`` → (市, 人民政府); ``中国共产党{place}市委员会`` → (市, 中国共产党{place}委员会)."""
    if "{place}" in full:
        before, after = full.split("{place}", 1)
        for w in LEVEL_WORDS:
            if after.startswith(w) and after[len(w):].startswith(("委员会", "工作委员会")):
                return w, before + "{place}" + after[len(w):]
        return None, full
    for w in LEVEL_WORDS:
        if full.startswith(w) and len(full) > len(w) and full[len(w):].startswith(("人民政府", "办事处")):
            return w, full[len(w):]
    return None, full


@lru_cache(maxsize=1)
def _heads() -> dict[str, _HeadInfo]:
    out: dict[str, _HeadInfo] = {}
    for h in lexicon.gov_heads().values():
        word, full = _split_level_word(h.full)
        out[h.head] = _HeadInfo(h.head, full, word, "{place}" in full, h.levels, h.kind)
    # Heads the recognizer knows that the table does not list.
    extra = {
        "人民银行": ("人民银行", ("provincial", "municipal", "county")),
        "公安局": ("公安局", ("municipal", "county", "district")),
        "公安厅": ("公安厅", ("provincial",)),
        "派出所": ("派出所", ("town",)),
    }
    for head, (full, levels) in extra.items():
        out.setdefault(head, _HeadInfo(head, full, None, False, levels, "other"))
    return out


def _reverse_trie(words: Iterable[str]) -> dict:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in reversed(w):
            node = node.setdefault(ch, {})
        node[""] = w
    return trie


@lru_cache(maxsize=1)
def _head_trie() -> dict:
    return _reverse_trie(_heads())


@lru_cache(maxsize=1)
def _domain_trie() -> dict:
    return _reverse_trie(lexicon.gov_domains())


def _longest_ending_at(trie: dict, text: str, pos: int, floor: int = 0) -> str | None:
    node, best, i = trie, None, pos - 1
    while i >= floor and text[i] in node:
        node = node[text[i]]
        if "" in node:
            best = node[""]
        i -= 1
    return best


@lru_cache(maxsize=1)
def _places_by_name() -> dict[str, tuple[Place, ...]]:
    out: dict[str, list[Place]] = {}
    for p in lexicon.places():
        out.setdefault(p.name, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def _place_named(name: str, province: str | None = None) -> Place | None:
    cands = _places_by_name().get(name, ())
    if province is not None:
        cands = tuple(p for p in cands if p.province == province or p.name == province)
    return cands[0] if len(cands) == 1 else None


# --------------------------------------------------------------------------
# Places: paths, chains, regions
# --------------------------------------------------------------------------


def place_path(p: Place) -> str:
    """The administrative path of a place: ``浙江省/丽水市``, ``北京市/海淀区``."""
    parts = [p.province] if p.province and p.province != p.name else []
    if p.city and p.city not in (p.province, p.name):
        parts.append(p.city)
    parts.append(p.name)
    return "/".join(parts)


def region_string(places: Sequence[Place]) -> str | None:
    """One region string for one or several places.

    One place gives its path (:func:`place_path`). Several give the provinces,
    then ``/`` and the prefectures (a county counts as its prefecture), each
    list joined by ``,`` in order of mention: ``广东省/广州市,深圳市``;
    ``上海市,江苏省``. A 直辖市 is not listed again as a city.
    """
    uniq = list(dict.fromkeys(places))
    if not uniq:
        return None
    if len(uniq) == 1:
        return place_path(uniq[0])
    provinces = list(dict.fromkeys(p.province or p.name for p in uniq))
    cities: list[str] = []
    for p in uniq:
        if p.level == "province":
            continue
        city = p.name if p.level == "municipal" or not p.city else p.city
        if city not in provinces and city not in cities:
            cities.append(city)
    return ",".join(provinces) + ("/" + ",".join(cities) if cities else "")


@dataclass(frozen=True)
class PlaceWord:
    """A place written in a name: its surface and the places it may denote."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]

    @property
    def is_full(self) -> bool:
        surface = self.surface
        for p in self.candidates:  # a loop, not any(genexpr): this is asked for every word of every chain
            if p.name == surface:
                return True
        return False


def read_place_chain(text: str, start: int = 0, stop: int | None = None, joiners: str = "") -> list[PlaceWord]:
    """Places written one after another from ``start`` (longest first): 陕西省西安市.

    ``joiners`` are characters allowed between two places (``、`` in
    深圳市、广州市).
    """
    index = lexicon.place_index()
    places = lexicon.place_trie()
    stop = len(text) if stop is None else stop
    out: list[PlaceWord] = []
    i = start
    while i < stop:
        found = None
        j = places.longest_at(text, i, min(stop, i + _MAX_PLACE))
        if j > 0:
            found = PlaceWord(i, j, text[i:j], index[text[i:j]])
        if found is None:
            if out and text[i] in joiners and i + 1 < stop:
                i += 1
                continue
            if out and text[i - 1] in joiners:
                i -= 1  # a trailing joiner is not part of the chain
            break
        out.append(found)
        i = found.end
    return out


_LEVEL_RANK = {"province": 0, "municipal": 1, "county": 2, "district": 3}


def resolve_chain(words: Sequence[PlaceWord], level_word: str | None = None) -> list[Place]:
    """One place per word, each inside the one before when they nest (广州市|白云区).

    ``level_word`` is the level character written right after the last word
    (吉林 + 省委 → 吉林省). Among remaining candidates the higher level wins
    (海南 → 海南省); a tie between unrelated places of one level is unresolved
    and that word is dropped.
    """
    chosen: list[Place] = []
    for k, w in enumerate(words):
        cands = list(w.candidates)
        if w.is_full:
            cands = [p for p in cands if p.name == w.surface]
        if chosen:
            inside = [p for p in cands if chosen[-1].contains(p)]
            cands = inside or cands
        if k == len(words) - 1 and level_word:
            fit = [p for p in cands if _fits_level_word(p, level_word)]
            cands = fit or cands
        if not cands:
            continue
        best_rank = min(_LEVEL_RANK.get(p.level, 9) for p in cands)
        top = [p for p in cands if _LEVEL_RANK.get(p.level, 9) == best_rank]
        if len(top) == 1:
            chosen.append(top[0])
    return chosen


def _fits_level_word(p: Place, word: str) -> bool:
    if word == "省":
        return p.level == "province" and p.name.endswith("省")
    if word == "自治区":
        return p.level == "province" and p.name.endswith("自治区")
    if word == "市":
        return p.name.endswith("市")
    if word == "区":
        return p.level == "district"
    if word == "州":
        return p.level == "municipal" and p.name.endswith("州")
    if word in ("县", "旗", "盟", "地区"):
        return p.name.endswith(word)
    return False


# --------------------------------------------------------------------------
# Places mentioned in a document
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    candidates: tuple[Place, ...]


def _trusted(surface: str, cands: tuple[Place, ...]) -> tuple[Place, ...]:
    """Candidates a place word outside an entity may safely denote.

    Full names of three or more characters and short names of provinces and
    prefectures are trusted; short or two-character names of counties and
    districts are ordinary words too often (方正, 合作, 城区, 和县).
    """
    out = []
    for p in cands:
        if p.name == surface:
            if len(surface) >= 3 or p.level in ("province", "municipal"):
                out.append(p)
        elif p.level in ("province", "municipal"):
            out.append(p)
    return tuple(out)


@lru_cache(maxsize=None)  # bounded by the place lexicon
def _mention_candidates(word: str) -> tuple[Place, ...]:
    """The places a place word outside any entity stands for (none: not trusted)."""
    cands = _trusted(word, lexicon.place_index()[word])
    if cands and not any(p.name == word for p in cands):
        # A short name denotes its highest-level place: 海南 is 海南省.
        top = min(_LEVEL_RANK.get(p.level, 9) for p in cands)
        cands = tuple(p for p in cands if _LEVEL_RANK.get(p.level, 9) == top)
    return cands


class DocumentPlaces:
    """The places a document mentions, with positions; built once per Doc.

    Args:
        text: the document's working text (``doc.text``).
        entity_spans: ``(start, end)`` of CLUSTER (or other) entities and
        gov_spans: those of GOV entities. Inside them, the places written at
            the start of the name count, whatever their level (龙口市工信局,
            广东省广深佛莞…: the recognizer vetted them); elsewhere only place
            words that rarely are ordinary words count (see :func:`_trusted`),
            found with the place trie.
    """

    def __init__(
        self,
        text: str,
        entity_spans: Iterable[tuple[int, int]] = (),
        gov_spans: Iterable[tuple[int, int]] = (),
    ) -> None:
        self.text = text
        self._gov = list(gov_spans)
        self._other = list(entity_spans)
        self._mentions: tuple[PlaceMention, ...] | None = None  # scanned at the first query

    @property
    def mentions(self) -> tuple[PlaceMention, ...]:
        if self._mentions is None:
            self._scan()
        return self._mentions  # type: ignore[return-value]

    def _scan(self) -> None:
        text = self.text
        gov_starts = {s for s, _ in self._gov}
        spans = sorted(set(self._other) | set(self._gov))
        starts = [s for s, _ in spans]
        mentions: list[PlaceMention] = []
        for s, e in lexicon.place_trie().finditer(text):
            k = bisect.bisect_left(starts, e) - 1  # last entity starting before e
            if k >= 0 and spans[k][1] > s:
                continue  # inside (or across) an entity: read below, from its start
            cands = _mention_candidates(text[s:e])
            if cands:
                mentions.append(PlaceMention(s, e, cands))
        for s, e in spans:
            parsed = _parse(text[s:e]) if s in gov_starts else None
            if parsed is not None:
                off = s + parsed.offset
                chain = [PlaceWord(w.start + off, w.end + off, w.surface, w.candidates) for w in parsed.places]
            else:
                chain = _trim_chain(read_place_chain(text, s, e, joiners=_JOINERS_IN_NAMES), text, check_after=False)
            if not chain:
                continue
            after = text[chain[-1].end : chain[-1].end + 3]
            word = next((w for w in LEVEL_WORDS if after.startswith(w)), None)
            resolved = resolve_chain(chain, word)
            if len(resolved) == len(chain):
                mentions.extend(PlaceMention(w.start, w.end, (p,)) for w, p in zip(chain, resolved))
        mentions.sort(key=lambda m: (m.start, m.end))
        self._mentions = tuple(mentions)
        self._starts = [m.start for m in mentions]
        # Provinces the document names without ambiguity: they settle ties.
        provs: set[str] = set()
        for m in mentions:
            ps = {p.province or p.name for p in m.candidates}
            if len(ps) == 1:
                provs |= ps
        self.provinces = frozenset(provs)

    # -- queries ---------------------------------------------------------

    def _ordered(self, start: int, end: int) -> Iterable[PlaceMention]:
        """Mentions before ``start`` (nearest first), then after ``end`` (nearest first)."""
        mentions = self.mentions
        k = bisect.bisect_left(self._starts, start)
        before = [m for m in mentions[:k] if m.end <= start]
        yield from reversed(before)
        yield from (m for m in mentions[k:] if m.start >= end)

    def _pick(self, cands: Iterable[Place]) -> Place | None:
        cands = list(dict.fromkeys(cands))
        if len(cands) > 1:
            cands = [p for p in cands if (p.province or p.name) in self.provinces] or cands
        return cands[0] if len(cands) == 1 else None

    def nearest(self, start: int, end: int, predicate: Callable[[Place], bool],
                derive: Callable[[Place], Iterable[Place]] | None = None) -> Place | None:
        """Nearest place (before, else after) satisfying ``predicate``.

        On each side, places named directly win; failing those, ``derive``
        maps a mentioned place to others that may satisfy it (its city, its
        province).
        """
        mentions = list(self._ordered(start, end))
        n_before = sum(1 for m in mentions if m.end <= start)
        tiers = [mentions[:n_before], mentions[n_before:]]
        for tier in tiers:
            for m in tier:
                p = self._pick(c for c in m.candidates if predicate(c))
                if p is not None:
                    return p
            if derive is not None:
                for m in tier:
                    derived = [d for c in m.candidates for d in derive(c) if predicate(d)]
                    p = self._pick(derived)
                    if p is not None:
                        return p
        return None

    def for_level_word(self, word: str, start: int, end: int) -> Place | None:
        """The place a bare level word (省, 市, 自治区 …) refers to, or ``None``."""
        if word in _TOWN_WORDS:
            return None
        return self.nearest(start, end, lambda p: _fits_level_word(p, word), _ancestors)

    def for_bare_body(self, levels: Sequence[str], start: int, end: int) -> Place | None:
        """The place of a body written with no prefix (工信局 → the city's bureau)."""
        allowed = {"municipal", "county"} & set(levels)
        if allowed:
            ok = {"municipal": ("municipal",), "county": ("county",)}
            place_levels = {lv for a in allowed for lv in ok[a]}
            return self.nearest(start, end, lambda p: p.level in place_levels and p.name[-1] in "市县州盟旗区")
        if "provincial" in levels:
            return self.for_level_word("省", start, end) or self.for_level_word("自治区", start, end)
        return None

    def for_zone(self, start: int, end: int) -> Place | None:
        """The city or county a zone or town written without a place lies in."""
        return self.nearest(start, end, lambda p: p.level in ("municipal", "county"))


def _ancestors(p: Place) -> tuple[Place, ...]:
    """The place's prefecture and province (莲都区 → 丽水市, 浙江省), for derivation."""
    out = []
    if p.level in ("county", "district") and p.city and p.city != p.province:
        city = _place_named(p.city, p.province)
        if city is not None:
            out.append(city)
    if p.level != "province":
        prov = _place_named(p.province)
        if prov is not None:
            out.append(prov)
    return tuple(out)


# --------------------------------------------------------------------------
# Parsing and resolving a GOV name
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class GovAttributes:
    canonical: str | None
    level: str | None
    region: str | None


@dataclass(frozen=True)
class _Parsed:
    party: bool
    national: bool
    places: tuple[PlaceWord, ...]
    rest: str  # prefix text after the places: 省, 经开区, 东江, …
    domain: str  # expanded domains, joiners kept
    head: _HeadInfo
    head_text: str
    offset: int  # where the prefix (and the places' offsets) starts in the name


def _all_ending_at(trie: dict, text: str, pos: int) -> list[str]:
    """Every trie word ``text[s:pos]``, longest first."""
    node, found, i = trie, [], pos - 1
    while i >= 0 and text[i] in node:
        node = node[text[i]]
        if "" in node:
            found.append(node[""])
        i -= 1
    return found[::-1]


def _head_candidates(text: str) -> list[tuple[_HeadInfo, int]]:
    """Every head that may end ``text``, with where it starts."""
    heads = _heads()
    out: list[tuple[_HeadInfo, int]] = []
    for name in _all_ending_at(_head_trie(), text, len(text)):
        info, hs = heads[name], len(text) - len(name)
        if name in _OFFICE_HEADS:
            inner = _longest_ending_at(_head_trie(), text, hs)
            if inner is not None and heads[inner].kind in _INNER_HEAD_KINDS and heads[inner].level_word is None:
                # 工信局办公室: a body's own office (政府办公室 is listed on its own).
                h = heads[inner]
                info = _HeadInfo(inner + name, h.full + _OFFICE_HEADS[name], None, False, h.levels, h.kind)
                hs -= len(inner)
        # 招商一局, 第二局: an ordinal belongs to the head.
        k = hs
        while k > 0 and text[k - 1] in _ORDINALS and info.level_word is None and not info.template:
            k -= 1
        if k < hs:
            info = _HeadInfo(text[k:hs] + info.head, text[k:hs] + info.full, None, False, info.levels, info.kind)
            hs = k
        out.append((info, hs))
    return out


def _needs_domain(info: _HeadInfo) -> bool:
    """Heads that never follow a place directly (工信**局**, 发改**委**)."""
    return info.head.lstrip(_ORDINALS) in _DOMAIN_HEADS


def _read_domains(text: str, pos: int) -> tuple[str, int]:
    """Domain forms ending at ``pos`` (right to left): expanded text and start.

    One-character forms (建, 外, 编 …) only count right before the head:
    elsewhere they are the end of a place (福建 + 证监局).
    """
    forms = lexicon.gov_domains()
    trie = _domain_trie()
    parts: list[str] = []
    start = pos
    while start > 0:
        form = _longest_ending_at(trie, text, start)
        if form is not None and (len(form) > 1 or not parts):
            parts.append(forms[form])
            start -= len(form)
            continue
        if parts and text[start - 1] in _JOINERS and start > 1:
            form = _longest_ending_at(trie, text, start - 1)
            if form is not None and len(form) > 1:
                parts.append(text[start - 1])
                start -= 1
                continue
        break
    if parts and start > 0 and len(text[start:pos]) == 1 and _place_ends_at(text, pos):
        return "", pos  # 福建局? the one character belongs to the place
    return "".join(reversed(parts)), start


def _place_ends_at(text: str, pos: int) -> bool:
    index = lexicon.place_index()
    return any(text[i:pos] in index for i in range(max(0, pos - _MAX_PLACE), pos - 1))


@lru_cache(maxsize=8192)
def _parse(text: str) -> _Parsed | None:
    party = text.startswith(_PARTY_PREFIX) and len(text) > len(_PARTY_PREFIX) + 1
    body = text[len(_PARTY_PREFIX):] if party else text
    candidates = _head_candidates(body)
    if not candidates:
        return None
    # Prefer the reading that explains most of the name with a head and its
    # domains (a head's level word counts as part of the place), then one
    # whose prefix is only places (广州 + 政府, not 广 + 州政府; 广西 + 区党委),
    # then the shorter head (应急管理 + 局, not 应急 + 管理局).
    best = None
    for info, hs in candidates:
        domain, ds = _read_domains(body, hs)
        if _needs_domain(info) and not domain:
            continue
        covered = len(body) - ds - (_written_level_word(info.head) if info.level_word else 0)
        key = (covered, _only_places(body[:ds]), -len(info.head))
        if best is None or key > best[0]:
            best = (key, info, hs, domain, ds)
    if best is None:
        info, hs = candidates[0]
        domain, ds = _read_domains(body, hs)
    else:
        _, info, hs, domain, ds = best
    prefix = body[:ds]
    offset = len(_PARTY_PREFIX) if party else 0
    national = prefix.startswith(_NATIONAL_PREFIX)
    if national:
        prefix = prefix[len(_NATIONAL_PREFIX):]
        offset += len(_NATIONAL_PREFIX)
    chain = read_place_chain(prefix)
    if chain and chain[0].start != 0:
        chain = []
    chain = _trim_chain(chain, prefix)
    rest = prefix[chain[-1].end:] if chain else prefix
    return _Parsed(party, national, tuple(chain), rest, domain, info, body[hs:], offset)


def _written_level_word(head: str) -> int:
    """Length of the level word a head starts with: 市委 → 1, 自治区党委 → 3, 地委 → 1."""
    return next((len(w) for w in LEVEL_WORDS + ("地",) if head.startswith(w)), 0)


def _only_places(prefix: str) -> bool:
    """The prefix is empty, places only, or a bare level word."""
    if prefix.startswith(_NATIONAL_PREFIX):
        prefix = prefix[len(_NATIONAL_PREFIX):]
    if not prefix or prefix in LEVEL_WORDS:
        return True
    chain = read_place_chain(prefix)
    return bool(chain) and chain[-1].end == len(prefix)


def _is_minor_short(w: PlaceWord) -> bool:
    """A short name of counties/districts only (三江, 长兴, 松山): often a word part."""
    return not w.is_full and all(p.level in ("county", "district") for p in w.candidates)


def _trim_chain(chain: list[PlaceWord], text: str, check_after: bool = True) -> list[PlaceWord]:
    """Drop place words that are more likely part of a zone's own name.

    A county's short name that does not lie in the place before it
    (宜宾|三江新区, 大连|长兴岛) or that is followed by more than a zone word
    (松山湖高新区) starts the zone's name instead.
    """
    out: list[PlaceWord] = []
    for k, w in enumerate(chain):
        if _is_minor_short(w):
            if out and not _may_nest(out[-1], w):
                break
            after = text[w.end:]
            if check_after and k == len(chain) - 1 and after and not (after in LEVEL_WORDS or _ZONE_START.match(after)):
                break
        out.append(w)
    return out


def _may_nest(a: PlaceWord, b: PlaceWord) -> bool:
    return any(p.contains(c) for p in a.candidates for c in b.candidates)


def _with_level_word(place_text: str, word: str | None) -> str:
    return place_text if not word or place_text.endswith(word) else place_text + word


def _compose(prefix: str, parsed: _Parsed) -> str:
    """Prefix (a place with its level word, a zone …) + domains + head."""
    head = parsed.head
    prefix = _with_level_word(prefix, head.level_word)
    if head.template:
        # {place} is the place with its level word: 丽水市 for 市委, 丽水经开区 for 党工委.
        return head.full.replace("{place}", prefix + parsed.domain)
    return prefix + parsed.domain + head.full


def _zone_place(name: str, places: "_ContextProbe", start: int, end: int) -> Place | None:
    """Where a zone or town written without a listed place lies.

    A region of ``regions.tsv`` at the start of the name settles it when it
    has one city or one province (雄安新区 → 保定市); else the article does.
    """
    regions = lexicon.regions()
    for k in range(min(len(name), _MAX_PLACE), 1, -1):
        r = regions.get(name[:k])
        if r is not None:
            names = r.cities if len(r.cities) == 1 else r.provinces if len(r.provinces) == 1 and not r.cities else ()
            found = [p for n in names for p in _places_by_name().get(n, ()) if (p.province or p.name) in r.provinces]
            if len(found) == 1:
                return found[0]
            break
    return places.for_zone(start, end)


_LIST_GAPS = frozenset({"、", "和", "及", "与"})
_ALIAS_GAPS = frozenset({"(", "（"})
_ZONE_ONLY_KINDS = frozenset({"admin_committee"})
_ZONE_ONLY_HEADS = frozenset({"党工委", "工委"})


def _zone_of(previous: str) -> tuple[str, tuple[PlaceWord, ...]] | None:
    """The zone prefix (as written) of a body name, e.g. 丽水经开区 of 丽水经开区党工委."""
    p = _parse(previous)
    if p is None or not p.rest or not _ZONE_END.search(p.rest):
        return None
    return "".join(w.surface for w in p.places) + p.rest, p.places


def resolve_gov(
    text: str,
    places: DocumentPlaces | None = None,
    start: int = 0,
    end: int | None = None,
    previous: tuple[str, str] | None = None,
) -> GovAttributes:
    """``canonical``, ``level`` and ``region`` of a GOV name.

    Args:
        text: the entity's text (simplified, as in ``doc.text``).
        places: the document's places, used for names without a place
            (``省经信厅``, ``市政府``, ``工信局``). Without it those stay unresolved.
        start, end: the entity's character offsets in the document.
        previous: ``(text, gap)`` of the GOV entity just before, when only
            ``gap`` separates them. A bare 管委会/党工委 listed after a zone's
            body (贵安新区党工委、管委会) and a bare body in brackets after one
            (航空基地招商一局（工业和信息化局）) share that body's zone.

    >>> resolve_gov("工信部").canonical
    '工业和信息化部'
    >>> resolve_gov("西安市工信局")
    GovAttributes(canonical='西安市工业和信息化局', level='municipal', region='陕西省/西安市')
    """
    if previous is None:
        known = _CONTEXT_FREE.get(text)
        if known is not None:
            return known
    probe = _ContextProbe(places)
    result = _resolve_gov(text, probe, start, end, previous)
    if previous is None and not probe.asked:
        if len(_CONTEXT_FREE) >= CONTEXT_FREE_CACHE_SIZE:
            _CONTEXT_FREE.clear()  # bounded: start over (simpler than LRU, and safe across threads)
        _CONTEXT_FREE[text] = result
    return result


# Names resolved without asking the document (西安市工信局, 工信部): the same
# answer wherever they appear, so it is kept. Names that need the document's
# places (市政府, 省经信厅) are resolved every time.
CONTEXT_FREE_CACHE_SIZE = 4096
_CONTEXT_FREE: dict[str, GovAttributes] = {}


class _ContextProbe:
    """Stands in for a document's places and notes whether resolution asked them."""

    def __init__(self, places: DocumentPlaces | None) -> None:
        self.places = places
        self.asked = False

    def for_level_word(self, level_word: str, start: int, end: int) -> Place | None:
        self.asked = True
        return self.places.for_level_word(level_word, start, end) if self.places is not None else None

    def for_zone(self, start: int, end: int) -> Place | None:
        self.asked = True
        return self.places.for_zone(start, end) if self.places is not None else None

    def for_bare_body(self, levels: Sequence[str], start: int, end: int) -> Place | None:
        self.asked = True
        return self.places.for_bare_body(levels, start, end) if self.places is not None else None


def _resolve_gov(
    text: str,
    places: _ContextProbe,
    start: int,
    end: int | None,
    previous: tuple[str, str] | None,
) -> GovAttributes:
    end = len(text) if end is None else end
    bodies = lexicon.gov_bodies()
    if text in bodies:
        b = bodies[text]
        return GovAttributes(b.canonical, b.level or "national", b.region or None)
    for suffix in ("办公厅", "办公室"):
        if text.endswith(suffix) and text[: -len(suffix)] in bodies:
            b = bodies[text[: -len(suffix)]]
            return GovAttributes(b.canonical + suffix, b.level or "national", b.region or None)

    parsed = _parse(text)
    if parsed is None:
        return GovAttributes(None, None, None)
    head, rest = parsed.head, parsed.rest
    level_word = rest if rest in LEVEL_WORDS else head.level_word
    is_zone = bool(rest) and bool(_ZONE_END.search(rest))
    is_town = level_word in _TOWN_WORDS or (
        bool(rest) and not is_zone and rest not in LEVEL_WORDS and bool(_TOWN_END.search(rest))
    )

    if parsed.national and not parsed.places and not rest:
        # 国家 + domains + head: 国家数据局.
        return GovAttributes(_NATIONAL_PREFIX + parsed.domain + head.full, "national", None)

    place: Place | None = None
    prefix: str | None = None
    if not parsed.places and not rest and not parsed.national and previous is not None:
        prev_text, gap = previous
        shares = (gap in _LIST_GAPS and (head.kind in _ZONE_ONLY_KINDS or head.head in _ZONE_ONLY_HEADS)) or (
            gap in _ALIAS_GAPS and head.level_word is None
        )
        zone = _zone_of(prev_text) if shares else None
        if zone is not None:
            rest, zone_places = zone[0], zone[1]
            is_zone, is_town = True, False
            chain = resolve_chain(zone_places)
            place = chain[-1] if chain else _zone_place(rest, places, start, end)
            prefix = rest
    if prefix is not None:
        pass  # the zone of the body listed just before
    elif parsed.places:
        chain = resolve_chain(parsed.places, level_word if rest in ("", level_word) else None)
        place = chain[-1] if chain else None
        if is_town and rest == "" and place is not None and not place.name.endswith(level_word or ""):
            # 长丰街道办: the "place" is the town's own name (长丰 ≠ 长丰县 here).
            place = chain[-2] if len(chain) > 1 else places.for_zone(start, end)
        if rest == "" and len(chain) == len(parsed.places):
            # Only places: write them in full (广州 → 广州市, 昌吉州 → 昌吉回族自治州),
            # except a short name whose full name has another level word (崇礼 + 县政府).
            names = [p.name for p in chain]
            if head.level_word and not names[-1].endswith(head.level_word):
                names[-1] = parsed.places[-1].surface
            prefix = "".join(names)
        else:
            prefix = "".join(w.surface for w in parsed.places) + rest
    elif rest and rest not in LEVEL_WORDS:
        # A zone, a town or an unlisted place, kept as written (航天基地, 李家).
        prefix = rest
        if is_zone or is_town:
            place = _zone_place(rest, places, start, end)
    elif level_word:
        # 省经信厅, 市政府, 县委: the level word names a place of the document.
        place = places.for_level_word(level_word, start, end)
        prefix = place.name if place is not None else None
    elif not parsed.party:
        # No prefix at all: 工信局 (a city's bureau), 经信厅 (the province's).
        place = places.for_bare_body(head.levels, start, end)
        prefix = place.name if place is not None else None

    if is_zone:
        level = "zone"
    elif is_town:
        level = "town"
    elif place is not None:
        level = PLACE_LEVEL_TO_GOV.get(place.level)
    elif level_word:
        level = LEVEL_OF_WORD.get(level_word)
    elif len(head.levels) == 1:
        level = head.levels[0]
    else:
        level = None

    if prefix is not None and parsed.places and not rest:
        written = "".join(w.surface for w in parsed.places)
        if head.kind == "customs":
            prefix = written  # customs are named by the written place: 海口海关
        elif parsed.domain in _DISPATCHED and head.head == "局" and place is not None:
            # 上海证监局 → 中国证券监督管理委员会上海监管局 (a national regulator's office)
            name = _DISPATCHED[parsed.domain] + (place.short or written) + "监管局"
            return GovAttributes(name, PLACE_LEVEL_TO_GOV.get(place.level), place_path(place))
    canonical = _compose(prefix, parsed) if prefix is not None else None
    if canonical is not None and "{place}" in canonical:
        canonical = None
    return GovAttributes(canonical, level, place_path(place) if place is not None else None)


def warm_up() -> None:
    """Build the cached tables and patterns now (the pipeline calls this at load)."""
    _heads()
    _head_trie()
    _domain_trie()
    lexicon.place_trie()
    _places_by_name()
    lexicon.gov_bodies()
