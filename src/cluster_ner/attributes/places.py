"""The places a document mentions, and the place a body written without one refers to.

A GOV name such as ``市政府``, ``省经信厅`` or ``工信局`` names no place: it
refers to the place the article is about. :class:`DocumentPlaces` finds the
places a document mentions (inside its entities, and in running text where the
word is rarely anything else) and answers, for a body at a position, the
nearest place of the right kind — before it, else after it.
"""

from __future__ import annotations

import bisect
import re
import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from .. import lexicon
from ..grammar.gov import parse_gov
from ..grammar.places import LEVEL_RANK, PlaceWord, ancestors, fits_level_word, read_place_chain, resolve_chain, trim_chain
from ..lexicon import Place

__all__ = ["DocumentPlaces", "PlaceMention", "place_words_in"]



# How many place mentions a query looks at on each side of a body: far more than
# any article needs, and the bound that keeps a pathological text linear.
NEAREST_REACH = 200


@lexicon.cached
def _town_level_words() -> frozenset[str]:
    """Level words of towns (镇, 乡, 街道): the place list has no towns to resolve them to."""
    return frozenset(w.word for w in lexicon.place_words() if w.kind == "level" and w.level == "town")


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


@lexicon.cached  # bounded by the place lexicon
@lexicon.cached
def _level_word_re() -> re.Pattern[str]:
    """A level word (省, 市, 自治区 …) right after a place word, longest first."""
    return re.compile(lexicon.alternation(lexicon.place_words_of("level")))


def _mention_candidates(word: str) -> tuple[Place, ...]:
    """The places a place word outside any entity stands for (none: not trusted)."""
    cands = _trusted(word, lexicon.place_index()[word])
    if cands and not any(p.name == word for p in cands):
        # A short name denotes its highest-level place: 海南 is 海南省.
        top = min(LEVEL_RANK.get(p.level, 9) for p in cands)
        cands = tuple(p for p in cands if LEVEL_RANK.get(p.level, 9) == top)
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
        prior: mentions of the text before this one (a long document's
            earlier pieces), at negative offsets; ``prior_provinces`` the
            provinces those named without ambiguity.
    """

    def __init__(
        self,
        text: str,
        entity_spans: Iterable[tuple[int, int]] = (),
        gov_spans: Iterable[tuple[int, int]] = (),
        prior: Sequence[PlaceMention] = (),
        prior_provinces: Iterable[str] = (),
    ) -> None:
        self.text = text
        self._gov = list(gov_spans)
        self._other = list(entity_spans)
        self._prior = tuple(prior)
        self._prior_provinces = frozenset(prior_provinces)
        self._mentions: tuple[PlaceMention, ...] | None = None  # scanned at the first query

    @property
    def provinces(self) -> frozenset[str]:
        """Provinces the text names without ambiguity (they settle ties)."""
        if self._mentions is None:
            self._scan()
        return self._provinces

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
        for s, e in place_words_in(text):
            k = bisect.bisect_left(starts, e) - 1  # last entity starting before e
            if k >= 0 and spans[k][1] > s:
                continue  # inside (or across) an entity: read below, from its start
            cands = _mention_candidates(text[s:e])
            if cands:
                mentions.append(PlaceMention(s, e, cands))
        for s, e in spans:
            parsed = parse_gov(text[s:e]) if s in gov_starts else None
            if parsed is not None:
                off = s + parsed.offset
                chain = [PlaceWord(w.start + off, w.end + off, w.surface, w.candidates) for w in parsed.places]
            else:
                chain = trim_chain(read_place_chain(text, s, e, joiners="、"), text, check_after=False)
            if not chain:
                continue
            level = _level_word_re().match(text, chain[-1].end)
            word = level.group() if level is not None else None
            resolved = resolve_chain(chain, word)
            if len(resolved) == len(chain):
                mentions.extend(PlaceMention(w.start, w.end, (p,)) for w, p in zip(chain, resolved))
        mentions.sort(key=lambda m: (m.start, m.end))
        self._mentions = self._prior + tuple(mentions)
        self._starts = [m.start for m in self._mentions]
        # Provinces the document names without ambiguity: they settle ties.
        provs: set[str] = set(self._prior_provinces)
        for m in mentions:
            ps = {p.province or p.name for p in m.candidates}
            if len(ps) == 1:
                provs |= ps
        self._provinces = frozenset(provs)

    # -- queries ---------------------------------------------------------

    def before(self, start: int) -> Iterator[PlaceMention]:
        """Mentions ending before ``start``, nearest first (at most :data:`NEAREST_REACH`)."""
        mentions = self.mentions
        i = bisect.bisect_left(self._starts, start) - 1
        seen = 0
        while i >= 0 and seen < NEAREST_REACH:
            m = mentions[i]
            if m.end <= start:
                seen += 1
                yield m
            i -= 1

    def _after(self, end: int) -> Iterator[PlaceMention]:
        """Mentions starting at or after ``end``, nearest first (at most :data:`NEAREST_REACH`)."""
        mentions = self.mentions
        j = bisect.bisect_left(self._starts, end)
        for m in mentions[j : j + NEAREST_REACH]:
            yield m

    def _pick(self, cands: Iterable[Place]) -> Place | None:
        cands = list(dict.fromkeys(cands))
        if len(cands) > 1:
            cands = [p for p in cands if (p.province or p.name) in self.provinces] or cands
        return cands[0] if len(cands) == 1 else None

    def nearest(self, start: int, end: int, predicate: Callable[[Place], bool],
                derive: Callable[[Place], Iterable[Place]] | None = None,
                skip: Callable[[PlaceMention], bool] | None = None) -> Place | None:
        """Nearest place (before, else after) satisfying ``predicate``.

        On each side, places named directly win; failing those, ``derive``
        maps a mentioned place to others that may satisfy it (its city, its
        province). Mentions for which ``skip`` is true are passed over. Each
        side is read lazily and only :data:`NEAREST_REACH` mentions deep, so a
        document with thousands of abbreviations and places stays linear.
        """
        for read in (lambda: self.before(start), lambda: self._after(end)):
            side = read if skip is None else (lambda read=read: (m for m in read() if not skip(m)))
            for m in side():
                p = self._pick(c for c in m.candidates if predicate(c))
                if p is not None:
                    return p
            if derive is not None:
                for m in side():
                    derived = [d for c in m.candidates for d in derive(c) if predicate(d)]
                    p = self._pick(derived)
                    if p is not None:
                        return p
        return None

    def for_level_word(self, word: str, start: int, end: int, skip: Callable[[PlaceMention], bool] | None = None) -> Place | None:
        """The place a bare level word (省, 市, 自治区 …) refers to, or ``None`` (mentions for
        which ``skip`` is true are passed over)."""
        if word in _town_level_words():
            return None
        return self.nearest(start, end, lambda p: fits_level_word(p, word), ancestors, skip)

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


# --------------------------------------------------------------------------
# Long documents: the places of earlier pieces, carried to the next one
# --------------------------------------------------------------------------


@lexicon.cached
def _place_ids() -> dict[Place, int]:
    return {p: i for i, p in enumerate(lexicon.places())}


def document_places(doc: Doc, text: str, spans: Sequence[tuple[int, int, str]]) -> DocumentPlaces:
    """The places of a Doc's text and entities, with those the earlier pieces carried.

    Args:
        doc: the Doc (a piece of a long text carries earlier places in
            ``doc.user_data[CARRY_KEY]``, see :mod:`cluster_ner.documents`).
        text: its working text.
        spans: ``(start, end, label)`` of its entities.
    """
    from ..documents import CARRY_KEY

    carry = doc.user_data.get(CARRY_KEY) or {}
    if not carry and len(text) <= _CACHED_CHARS:  # the attribute and context components ask alike
        return _uncarried_places(text, tuple(spans))
    prior: list[PlaceMention] = []
    if carry.get("places"):
        offset = carry.get("offset", 0)
        places = lexicon.places()
        prior = [PlaceMention(s - offset, e - offset, tuple(places[i] for i in ids)) for s, e, ids in carry["places"]]
    return DocumentPlaces(
        text,
        [(s, e) for s, e, label in spans if label == "CLUSTER"],
        [(s, e) for s, e, label in spans if label == "GOV"],
        prior=prior,
        prior_provinces=carry.get("provinces", ()),
    )


# Components run over a batch of Docs one after the other (spaCy's nlp.pipe hands each
# component 1000 at a time, nlp.batch_size; extract_many 64): the caches hold a batch's
# worth of texts, so the next component finds what the last one read. Long texts are not
# kept (memory stays small: at most _BATCH_CACHE short texts).
_BATCH_CACHE = 1024
_CACHED_CHARS = 10_000


def place_words_in(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every place word of a text, longest first at each start
    (found once per text for the components that read them)."""
    if len(text) > _CACHED_CHARS:
        return tuple(lexicon.place_trie().finditer(text))
    return _place_words_cached(text)


@functools.lru_cache(maxsize=_BATCH_CACHE)
def _place_words_cached(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(lexicon.place_trie().finditer(text))


lexicon.on_reload(_place_words_cached.cache_clear)


@functools.lru_cache(maxsize=_BATCH_CACHE)
def _uncarried_places(text: str, spans: tuple[tuple[int, int, str], ...]) -> DocumentPlaces:
    """The places of a text that carries none (one scan serves every component: a str
    caches its hash, so the lookup costs one comparison of the text)."""
    return DocumentPlaces(
        text,
        [(s, e) for s, e, label in spans if label == "CLUSTER"],
        [(s, e) for s, e, label in spans if label == "GOV"],
    )


lexicon.on_reload(_uncarried_places.cache_clear)


def carry_places(doc: Doc, offset: int) -> dict[str, object]:
    """What the next piece inherits of this one's places: the last mentions (at
    absolute offsets) and the provinces named without ambiguity so far."""
    from ..tokenizer import working_text

    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    places = document_places(doc, working_text(doc), spans)
    ids = _place_ids()
    kept = places.mentions[-NEAREST_REACH:]
    return {
        "places": [[m.start + offset, m.end + offset, [ids[p] for p in m.candidates]] for m in kept],
        "provinces": sorted(places.provinces),
    }
