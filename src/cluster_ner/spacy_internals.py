"""The few places where cluster_ner uses spaCy's internals for speed, in one adapter.

Each function here does what a public spaCy call does, faster, by relying on
how spaCy stores things today (spaCy 3.7–3.8). ``tests/test_spacy_internals.py``
checks each against the public call it replaces, so an upgrade of spaCy that
changes the storage fails there, not silently in the rows.

* :func:`set_span_values` writes ``Span._`` values where spaCy's
  ``Underscore`` keeps them (``doc.user_data[("._.", name, start, end)]``),
  instead of building a Span and an ``Underscore`` per value;
* :class:`OrthCache` hands ``Doc(words=...)`` orth ids instead of strings, so
  each character is not hashed again for every Doc;
* :func:`set_entities` sets ``doc.ents`` from one array, instead of
  ``doc.set_ents``, which tests every token against a Python set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

_UNDERSCORE_KEY = "._."  # spacy.tokens.underscore.Underscore keys: ("._.", name, start_char, end_char)


def set_span_values(doc: Doc, start_char: int, end_char: int, values: dict[str, Any]) -> None:
    """``setattr(span._, name, value)`` for the span at these offsets (None values skipped).

    Equivalent to setting extensions with a default on ``doc.char_span(start_char,
    end_char)._``: spaCy keeps those values in ``doc.user_data`` under
    ``("._.", name, start_char, end_char)``.
    """
    data = doc.user_data
    for name, value in values.items():
        if value is not None:
            data[(_UNDERSCORE_KEY, name, start_char, end_char)] = value


def get_span_value(doc: Doc, start_char: int, end_char: int, name: str, default: Any = None) -> Any:
    """``getattr(span._, name)`` for the span at these offsets, without building the Span."""
    return doc.user_data.get((_UNDERSCORE_KEY, name, start_char, end_char), default)


class OrthCache(dict):
    """Character → its orth id in a vocab's StringStore (added at first sight).

    ``Doc(vocab, words=[orth ids])`` skips hashing each word again. A spaCy
    memory zone may drop the strings behind cached ids: :func:`doc_from_chars`
    then clears the cache and falls back to strings.
    """

    def __init__(self, vocab: Vocab) -> None:
        super().__init__()
        self.strings = vocab.strings

    def __missing__(self, char: str) -> int:
        orth = self[char] = self.strings.add(char)
        return orth


def doc_from_chars(vocab: Vocab, chars: str, orths: OrthCache) -> Doc:
    """A Doc with one token per character of ``chars`` and no spaces.

    The same Doc as ``Doc(vocab, words=list(chars), spaces=[False] * len(chars))``.
    """
    spaces = [False] * len(chars)
    try:
        return Doc(vocab, words=list(map(orths.__getitem__, chars)), spaces=spaces)
    except KeyError:  # a memory zone dropped strings the cache holds
        orths.clear()
        return Doc(vocab, words=list(chars), spaces=spaces)


def set_entities(doc: Doc, spans: Sequence[Span] | Iterable[Span]) -> None:
    """``doc.set_ents(spans, default="outside")`` for non-overlapping spans, in one array."""
    tags = numpy.zeros((len(doc), 2), dtype="uint64")
    tags[:, 0] = 2  # O
    for span in spans:
        tags[span.start, 0] = 3  # B
        tags[span.start + 1 : span.end, 0] = 1  # I
        tags[span.start : span.end, 1] = span.label
    doc.from_array([ENT_IOB, ENT_TYPE], tags)
