"""Gold documents: :class:`GoldSpan`, :class:`GoldDoc` and :func:`validate`.

Every reader of gold (:mod:`cluster_ner.corpus`, :mod:`cluster_ner.gold_formats`)
makes these and checks each document with :func:`validate`; the scorers read
them. The module imports none of those, so that all of them can import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .constants import LABELS
from .errors import GoldFormatError, Messages


@dataclass(frozen=True)
class GoldSpan:
    """One annotated entity: ``[start, end)`` into the document text."""

    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


@dataclass
class GoldDoc:
    """A document with its annotated spans, sorted by start."""

    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "spans": [s.to_dict() for s in self.spans]}


def _where(line: int | str) -> str:
    return f"line {line}" if isinstance(line, int) else line


def validate(doc: GoldDoc, *, path: str = "<memory>", line: int | str = 0) -> GoldDoc:
    """Check offsets, labels, texts and overlaps; return the doc with sorted spans.

    Args:
        doc: the document.
        path: its file, for messages.
        line: its line number, or a location such as ``"item 3 (task 17)"``.

    Raises:
        GoldFormatError: naming the file and line of the first problem.
    """
    where = _where(line)
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end))
    for s in spans:
        if s.label not in LABELS:
            raise GoldFormatError(
                Messages.GOLD_UNKNOWN_LABEL.format(path=path, where=where, label=s.label, labels=", ".join(LABELS))
            )
        if not (0 <= s.start < s.end <= len(doc.text)):
            raise GoldFormatError(
                Messages.GOLD_BAD_OFFSETS.format(path=path, where=where, start=s.start, end=s.end, length=len(doc.text))
            )
        actual = doc.text[s.start : s.end]
        if actual != s.text:
            raise GoldFormatError(
                Messages.GOLD_TEXT_MISMATCH.format(
                    path=path, where=where, start=s.start, end=s.end, actual=actual, expected=s.text
                )
            )
    for a, b in zip(spans, spans[1:]):
        if b.start < a.end:
            raise GoldFormatError(
                Messages.GOLD_OVERLAP.format(path=path, where=where, first=(a.start, a.end), second=(b.start, b.end))
            )
    return GoldDoc(doc.id, doc.text, spans)
