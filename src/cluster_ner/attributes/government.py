"""GOV attributes: ``canonical`` (full official name), ``level`` and ``region``.

The name is split into its parts by the GOV grammar
(:func:`cluster_ner.grammar.gov.parse_gov`: ``[中共] [prefix] [domains] head``);
this module turns the parts into the body's full name, level and place.

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
  Several places at one level are joined by ``,`` (see :func:`cluster_ner.grammar.places.region_string`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..grammar.gov import NATIONAL_PREFIX, NATIONAL_PREFIXES, TERM, GovParse, full_term, level_of_word, parse_cppcc, parse_gov
from ..grammar.places import MAX_PLACE, PlaceWord, place_path, resolve_chain
from ..lexicon import Place
from .places import DocumentPlaces

__all__ = ["GovAttributes", "resolve_gov"]

PLACE_LEVEL_TO_GOV = {"province": "provincial", "municipal": "municipal", "county": "county", "district": "district"}
# Local offices of national regulators: 上海证监局, 浙江银保监局.
_DISPATCHED = {
    "证券监督管理": "中国证券监督管理委员会",
    "银行保险监督管理": "中国银行保险监督管理委员会",
    "银行业监督管理": "中国银行业监督管理委员会",
}


def _level_words() -> tuple[str, ...]:
    return lexicon.place_words_of("level")


@lexicon.cached
def _town_words() -> frozenset[str]:
    """Level words of towns (镇, 乡, 街道)."""
    return frozenset(w for w, level in level_of_word().items() if level == "town")


@lexicon.cached
def _zone_end_re() -> re.Pattern[str]:
    return lexicon.ending_regex(lexicon.place_words_of("zone"))


@lexicon.cached
def _town_end_re() -> re.Pattern[str]:
    return lexicon.ending_regex(lexicon.place_words_of("town"))


@dataclass(frozen=True)
class GovAttributes:
    canonical: str | None
    level: str | None
    region: str | None


def _with_level_word(place_text: str, word: str | None) -> str:
    return place_text if not word or place_text.endswith(word) else place_text + word


def _compose(prefix: str, parsed: GovParse) -> str:
    """Prefix (a place with its level word, a zone …) + term + domains + head."""
    head = parsed.head
    prefix = _with_level_word(prefix, head.level_word) + parsed.term
    if head.template:
        # {place} is the place with its level word: 丽水市 for 市委, 丽水经开区 for 党工委.
        return head.full.replace("{place}", prefix + parsed.domain)
    return prefix + parsed.domain + head.full


_TERM_START = re.compile(TERM)
_TERMED_STANDING = re.compile(f"(.+?)({TERM})(?:常委会|常务委员会)")
_BARE_STANDING = frozenset(h for h, e in lexicon.gov_heads().items() if e.kind == "standing_committee")


def _resolve_cppcc(parsed) -> GovAttributes:
    """政协常州市第十五届委员会 → 中国人民政治协商会议常州市第十五届委员会, municipal, 江苏省/常州市."""
    chain = resolve_chain(parsed.places) if parsed.places else []
    place = chain[-1] if chain else None
    written = "".join(p.name for p in chain) if chain and len(chain) == len(parsed.places) else "".join(w.surface for w in parsed.places)
    cppcc = lexicon.gov_heads()["政协"].full.split("{place}", 1)
    name = cppcc[0] + written + parsed.term + ("全国" if parsed.national else "") + cppcc[1]
    if parsed.standing:
        name += "常务委员会"
    if parsed.national:
        return GovAttributes(name, "national", None)
    level = PLACE_LEVEL_TO_GOV.get(place.level) if place is not None else None
    return GovAttributes(name, level, place_path(place) if place is not None else None)


def _zone_place(name: str, places: "_ContextProbe", start: int, end: int) -> Place | None:
    """Where a zone or town written without a listed place lies.

    A region of ``regions.tsv`` at the start of the name settles it when it
    has one city or one province (雄安新区 → 保定市); else the article does.
    """
    regions = lexicon.regions()
    for k in range(min(len(name), MAX_PLACE), 1, -1):
        r = regions.get(name[:k])
        if r is not None:
            names = r.cities if len(r.cities) == 1 else r.provinces if len(r.provinces) == 1 and not r.cities else ()
            found = [p for n in names for p in lexicon.places_by_name().get(n, ()) if (p.province or p.name) in r.provinces]
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
    p = parse_gov(previous)
    if p is None or not p.rest or not _zone_end_re().search(p.rest):
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


@lexicon.cached
def _parent_re() -> re.Pattern[str]:
    """A national body at the start of a name (国家税务总局|江西省税务局)."""
    return re.compile(lexicon.alternation([n for n, b in lexicon.gov_bodies().items() if (b.level or "national") == "national"]))


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
    if text.startswith(NATIONAL_PREFIXES) and text[2:] in bodies:  # 中国工信部, 国家工业和信息化部
        b = bodies[text[2:]]
        if (b.level or "national") == "national":
            return GovAttributes(b.canonical, "national", b.region or None)
    parent = _parent_re().match(text)
    if parent is not None and lexicon.place_trie().longest_at(text, parent.end()) > parent.end():
        # 国家税务总局江西省税务局: a place's body named through its national parent
        child = _resolve_gov(text[parent.end() :], places, start + parent.end(), end, None)
        if child.canonical is not None:
            return GovAttributes(bodies[parent.group()].canonical + child.canonical, child.level, child.region)
    term = _TERM_START.match(text)
    if term is not None and text[term.end() :] in bodies:  # 十三届全国人大
        b = bodies[text[term.end() :]]
        return GovAttributes(full_term(term.group()) + b.canonical, b.level or "national", b.region or None)
    cppcc = parse_cppcc(text)
    if cppcc is not None:
        return _resolve_cppcc(cppcc)
    termed = _TERMED_STANDING.fullmatch(text)
    if termed is not None:  # 省政协十二届常委会: the standing committee of a body's term
        body = _resolve_gov(termed.group(1), places, start, end, None)
        if body.canonical is not None:
            term = full_term(termed.group(2))
            for tail in ("人民代表大会", "委员会"):
                if body.canonical.endswith(tail):
                    name = body.canonical[: -len(tail)] + term + tail + "常务委员会"
                    return GovAttributes(name, body.level, body.region)
        return GovAttributes(None, body.level, body.region)
    if text in _BARE_STANDING and previous is None:
        return GovAttributes(None, None, None)  # 常委会 alone: whose, the text before says
    if previous is not None and previous[1] == "及其" and text == "常委会":
        # 市人大及其常委会: the standing committee of the body before
        before = _resolve_gov(previous[0], places, start, end, None)
        if before.canonical is not None and not before.canonical.endswith("常务委员会"):
            return GovAttributes(before.canonical + "常务委员会", before.level, before.region)
    for suffix in ("办公厅", "办公室"):
        if text.endswith(suffix) and text[: -len(suffix)] in bodies:
            b = bodies[text[: -len(suffix)]]
            return GovAttributes(b.canonical + suffix, b.level or "national", b.region or None)

    parsed = parse_gov(text)
    if parsed is None:
        return GovAttributes(None, None, None)
    head, rest = parsed.head, parsed.rest
    level_word = rest if rest in _level_words() else head.level_word
    is_zone = bool(rest) and bool(_zone_end_re().search(rest))
    is_town = level_word in _town_words() or (
        bool(rest) and not is_zone and rest not in _level_words() and bool(_town_end_re().search(rest))
    )

    if parsed.national and not parsed.places and not rest:
        # 国家 + domains + head: 国家数据局.
        return GovAttributes(NATIONAL_PREFIX + parsed.domain + head.full, "national", None)

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
    elif rest and rest not in _level_words():
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
        level = level_of_word().get(level_word)
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


lexicon.on_reload(_CONTEXT_FREE.clear)
