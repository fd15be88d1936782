"""The words around a METRIC's number: its units and its qualifiers.

Derived from ``units.tsv`` and ``qualifiers.tsv`` (:mod:`cluster_ner.lexicon`),
these tables serve both the METRIC recognizer (:mod:`.metric`) and
``parse_quantity`` (:mod:`cluster_ner.attributes.quantity`):

* **units** (:func:`units`): every word that may follow a number, with its
  canonical unit, its kind and its role — ``metric`` (``家``, ``亿元``, ``%``,
  ``平方公里``: the number is a stated quantity), ``place`` (``三市``: a count of
  places), ``round`` (``3轮``, ``10批次``: a count, but ``前两轮`` is a sequence),
  ``parse`` (read by the parser only) or ``not`` (``2023年``,
  ``3个月``, ``十五届``: a date, a duration or a label, never a METRIC);
* **qualifiers** (:func:`qualifiers_before`, :func:`qualifiers_after`): approx /
  over / under words; those marked ``in_span`` belong to a METRIC span.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..constants import is_han
from .numbers import MULTIPLIER_CHARS, S2T

__all__ = [
    "known_unit_at",
    "lead_regex",
    "multiplier_only_qualifiers",
    "not_quantity_after",
    "not_quantity_after_re",
    "parse_unit_re",
    "place_unit_words",
    "qualifiers_after",
    "qualifiers_before",
    "role_words",
    "span_leads",
    "span_trails",
    "unit_entry",
    "units",
]


@lexicon.cached
def units() -> dict[str, lexicon.Unit]:
    """Unit word → entry, ASCII words lower-cased (parsing ignores their case)."""
    return {(u.lower() if u.isascii() else u): e for u, e in lexicon.units().items()}


def unit_entry(word: str) -> lexicon.Unit | None:
    """The entry of a unit word as written (ASCII in any case)."""
    return units().get(word.lower() if word.isascii() else word)


@lexicon.cached
def parse_unit_re() -> re.Pattern[str]:
    """Any unit with a canonical form, longest first, ignoring case (for ``parse_quantity``)."""
    return re.compile(lexicon.alternation(u for u, e in lexicon.units().items() if e.canonical), re.IGNORECASE)


def _with_traditional(table: dict[str, str]) -> dict[str, str]:
    out = dict(table)
    for surface, qualifier in table.items():
        out.setdefault(surface.translate(S2T), qualifier)
    return out


@lexicon.cached
def qualifiers_before() -> dict[str, str]:
    """Qualifier words before a number (surface → qualifier), traditional forms included."""
    return _with_traditional({q.word: q.qualifier for q in lexicon.qualifiers() if q.side == "before"})


@lexicon.cached
def qualifiers_after() -> dict[str, str]:
    """Qualifier words after a number or its unit (surface → qualifier), traditional forms included."""
    return _with_traditional({q.word: q.qualifier for q in lexicon.qualifiers() if q.side == "after"})


@lexicon.cached
def multiplier_only_qualifiers() -> frozenset[str]:
    """Qualifiers that only qualify a numeral starting with a multiplier (上千, 数十, 几百)."""
    return frozenset(q.word for q in lexicon.qualifiers() if q.multiplier_only)


def span_leads() -> tuple[str, ...]:
    """Qualifiers before a number that belong to a METRIC span (约, 近, 超 …), longest first."""
    return tuple(sorted((q.word for q in lexicon.qualifiers() if q.side == "before" and q.in_span), key=len, reverse=True))


def span_trails() -> tuple[str, ...]:
    """Qualifiers after a number that belong to a METRIC span (多, 余, 以上 …), longest first."""
    return tuple(sorted((q.word for q in lexicon.qualifiers() if q.side == "after" and q.in_span), key=len, reverse=True))


_MULTIPLIER_CLASS = re.escape("".join(sorted(MULTIPLIER_CHARS)))


def lead_regex() -> str:
    """The in-span qualifiers before a number as one alternation, longest first, each with its guards."""
    parts = []
    for q in sorted((q for q in lexicon.qualifiers() if q.side == "before" and q.in_span), key=lambda q: len(q.word), reverse=True):
        word = re.escape(q.word)
        if q.not_after:
            word = f"(?<![{re.escape(q.not_after)}]){word}"
        if q.multiplier_only:
            word = f"{word}(?=[{_MULTIPLIER_CLASS}])"
        parts.append(word)
    return "|".join(parts)


def role_words(*roles: str) -> list[str]:
    """The unit words of the given roles (``metric``, ``place``, ``round``, ``parse``, ``not``)."""
    return [u for u, e in lexicon.units().items() if e.role in roles]


@lexicon.cached
def not_quantity_after_re() -> re.Pattern[str]:
    """What may not follow a quantity: a time word or a label word makes it a date,
    a duration or an ordinal (年, 个月, 届 …: the ``not`` role of ``units.tsv``)."""
    table = lexicon.units()
    parts = []
    for word in sorted(role_words("not"), key=len, reverse=True):
        guard = table[word].not_followed_by
        parts.append(re.escape(word) + (f"(?![{re.escape(guard)}])" if guard else ""))
    return re.compile("(?:" + "|".join(parts) + ")")


@lexicon.cached
def _known_unit_re() -> re.Pattern[str]:
    return re.compile(lexicon.trie_regex(w for w in role_words("metric", "place", "round") if is_han(w[0])))


def known_unit_at(text: str, pos: int) -> bool:
    """Does a unit the recognizer reads start at ``pos`` (家, 个, 强 …)?"""
    return _known_unit_re().match(text, pos) is not None


def not_quantity_after(text: str, pos: int) -> bool:
    """Does a word at ``pos`` make the number before it a date, a duration or a label?"""
    return not_quantity_after_re().match(text, pos) is not None


@lexicon.cached
def place_unit_words() -> frozenset[str]:
    """Units that count places (苏州、无锡、常州3市; the ``place`` role of ``units.tsv``)."""
    return frozenset(role_words("place"))
