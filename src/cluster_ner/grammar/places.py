"""Places written in names: chains of places, their resolution, paths and regions.

Both body names (``广州市白云区工信局``) and cluster names (``陕西省西安市航空集群``)
start with places written one after another. This module reads such chains —
rightwards from a start (:func:`read_place_chain`) or leftwards from where a
name's next part begins (:func:`place_chain_start`) — with the one place
lexicon of :mod:`cluster_ner.lexicon`, and decides which place each word
denotes (:func:`resolve_chain`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..lexicon import Place

__all__ = [
    "LEVEL_RANK",
    "PlaceWord",
    "ancestors",
    "fits_level_word",
    "is_minor_short",
    "may_nest",
    "place_named",
    "place_path",
    "read_place_chain",
    "region_string",
    "resolve_chain",
    "trim_chain",
]

MAX_PLACE = 12  # characters of the longest place name read at one position
LEVEL_RANK = {"province": 0, "municipal": 1, "county": 2, "district": 3}


@dataclass(frozen=True)
class PlaceWord:
    """A place written in a name: its surface and the places it may denote."""

    start: int
    end: int
    surface: str
    candidates: tuple[Place, ...]

    @property
    def is_full(self) -> bool:
        """Written with its full name (西安市), not a short form (西安)."""
        surface = self.surface
        for p in self.candidates:  # a loop, not any(genexpr): this is asked for every word of every chain
            if p.name == surface:
                return True
        return False


def place_named(name: str, province: str | None = None) -> Place | None:
    """The one place with this full name (in ``province`` when given), or None."""
    cands = lexicon.places_by_name().get(name, ())
    if province is not None:
        cands = tuple(p for p in cands if p.province == province or p.name == province)
    return cands[0] if len(cands) == 1 else None


def ancestors(p: Place) -> tuple[Place, ...]:
    """The place's prefecture and province (莲都区 → 丽水市, 浙江省)."""
    out = []
    if p.level in ("county", "district") and p.city and p.city != p.province:
        city = place_named(p.city, p.province)
        if city is not None:
            out.append(city)
    if p.level != "province":
        prov = place_named(p.province)
        if prov is not None:
            out.append(prov)
    return tuple(out)


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
        j = places.longest_at(text, i, min(stop, i + MAX_PLACE))
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


def place_chain_start(text: str, pos: int) -> int | None:
    """Start of up to three places ending at ``pos`` (陕西省西安市), or None.

    A place may carry a level character of its own: 崇礼县 (now 崇礼区).
    """
    places = lexicon.place_reverse_trie()
    start = None
    p = pos
    for _ in range(3):
        hit = places.longest_ending_at(text, p)
        if start is None and p > 1 and text[p - 1] in "县区":
            suffixed = places.longest_ending_at(text, p - 1)  # 崇礼|县, not 崇|礼县
            if suffixed is not None and (hit is None or suffixed[0] < hit[0]):
                hit = suffixed
        if hit is None:
            break
        start = p = hit[0]
    return start


def fits_level_word(p: Place, word: str) -> bool:
    """Can a level word written after a place's name (吉林 + 省) belong to this place?"""
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
            fit = [p for p in cands if fits_level_word(p, level_word)]
            cands = fit or cands
        if not cands:
            continue
        best_rank = min(LEVEL_RANK.get(p.level, 9) for p in cands)
        top = [p for p in cands if LEVEL_RANK.get(p.level, 9) == best_rank]
        if len(top) == 1:
            chosen.append(top[0])
    return chosen


def is_minor_short(w: PlaceWord) -> bool:
    """A short name of counties/districts only (三江, 长兴, 松山): often a word part."""
    return not w.is_full and all(p.level in ("county", "district") for p in w.candidates)


def may_nest(a: PlaceWord, b: PlaceWord) -> bool:
    """Can the place ``b`` denotes lie inside one ``a`` denotes?"""
    return any(p.contains(c) for p in a.candidates for c in b.candidates)


@lexicon.cached
def zone_start_re() -> re.Pattern[str]:
    """A zone word at the start of a string (高新区…, 经开区…)."""
    return re.compile(f"(?:{lexicon.alternation(lexicon.place_words_of('zone'))})")


def trim_chain(chain: list[PlaceWord], text: str, check_after: bool = True) -> list[PlaceWord]:
    """Drop place words that are more likely part of a zone's own name.

    A county's short name that does not lie in the place before it
    (宜宾|三江新区, 大连|长兴岛) or that is followed by more than a zone word
    (松山湖高新区) starts the zone's name instead.
    """
    out: list[PlaceWord] = []
    level_words = lexicon.place_words_of("level")
    for k, w in enumerate(chain):
        if is_minor_short(w):
            if out and not may_nest(out[-1], w):
                break
            after = text[w.end:]
            if check_after and k == len(chain) - 1 and after and not (after in level_words or zone_start_re().match(after)):
                break
        out.append(w)
    return out
