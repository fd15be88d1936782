"""One document through the pipeline: its Doc, its pieces when it is long, its rows.

A text of up to :data:`CHUNK_CHARS` characters (or the pipeline's
``max_length``) runs as one Doc. A longer one runs piece by piece, and gives
the rows one pass would:

* the text is cut into *cores* that tile it, at sentence ends where it can
  (:func:`chunk_spans`); each piece reads :data:`OVERLAP_CHARS` further on
  both sides, so a name or a number across a cut is read whole, and a row is
  kept from the piece whose core holds its start;
* a piece that starts inside a table starts at the table's header line, so
  the columns keep their units;
* what a document establishes early — the places it names, the provinces it
  settles, its date, the topic it is about — is carried from each piece to
  the next (:data:`CARRY_KEY` in ``doc.user_data``), so ``市政府`` 200,000
  characters after ``杭州`` is still 杭州市人民政府;
* sentences are read from the working text around each entity, bounded
  (see :func:`cluster_ner.frame.sentence_span`), so a cut never truncates one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc

from .constants import SENTENCE_END_CHARS, SURROGATE_RE
from .frame import doc_rows, frame_from_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Texts longer than this run piece by piece (one token per character: a 2 MB page
# would exceed ``nlp.max_length`` and hold millions of tokens at once).
CHUNK_CHARS = 100_000
# How far each piece reads into its neighbours: far longer than any name or
# number, and than the reach of a sentence (frame.SENTENCE_MAX).
OVERLAP_CHARS = 1_000
# A piece inside a table starts at the table's header when it is at most this far back.
TABLE_REACH = 20_000
# Where a piece's core may end, best first: after a sentence end, then after a
# clause mark or a space; a hard cut only when none of these is in the window.
_SENTENCE_ENDS = frozenset(SENTENCE_END_CHARS)
_SOFT_ENDS = "，,、：:\u3000 \t"

CARRY_KEY = "cluster_ner.carry"
"""``doc.user_data`` key of what a piece inherits from the pieces before it: a dict
with ``offset`` (where the piece starts in the whole working text) and what the
components put there for the next piece (``places``, ``provinces``, ``date``, ``topic``)."""

GIVEN_DATE_KEY = "cluster_ner.date_given"
"""``doc.user_data`` key set when the caller gave the document's date (it then wins)."""


def make_doc(pipeline: Language, text: str, *, doc_id: Any = None, date: str | None = None) -> Doc:
    """The tokenized Doc of ``text``, with the caller's id and date, ready for the components."""
    doc = pipeline.make_doc(text)
    if doc_id is not None:
        doc._.doc_id = doc_id
    if date is not None:
        doc._.doc_date = date
        doc.user_data[GIVEN_DATE_KEY] = True
    return doc


def _is_punct(ch: str) -> bool:
    return ch in _SENTENCE_ENDS or unicodedata.category(ch).startswith("P")


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``[start, end)`` cores of at most ``limit`` characters.

    A core ends after the last sentence end (。！？；!?; or a line break, with
    any run of them kept together) in its window, else after the last clause
    mark or space, else at ``limit`` (a hard cut). The cores tile ``text``.
    """
    limit = max(int(limit), 1)
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > limit:
        cut = _cut(text, pos, pos + limit)
        spans.append((pos, cut))
        pos = cut
    spans.append((pos, n))
    return spans


def _cut(text: str, pos: int, window_end: int) -> int:
    """Where a core starting at ``pos`` ends, at most at ``window_end`` (see :func:`chunk_spans`)."""
    if window_end >= len(text):
        return len(text)
    cut = max(text.rfind(ch, pos, window_end) for ch in _SENTENCE_ENDS) + 1
    if cut > pos:
        # keep 。。。 / 。」 together: a sentence ends after the punctuation that follows its end
        while cut < window_end and _is_punct(text[cut]):
            cut += 1
    else:
        cut = max(text.rfind(ch, pos, window_end) for ch in _SOFT_ENDS) + 1
    return cut if cut > pos else window_end


def _table_row(line: str) -> bool:
    """Does a line look like a row of a text table (| or tab separated, or spaced cells)?"""
    return line.count("|") >= 2 or line.count("\t") >= 2 or len(line.strip().split()) >= 3


def _window_start(text: str, core_start: int, overlap: int) -> int:
    """Where the piece of a core starts: ``overlap`` back, or a table's header line."""
    start = max(0, core_start - overlap)
    line_start = text.rfind("\n", 0, core_start) + 1
    if not _table_row(text[line_start : text.find("\n", line_start) if "\n" in text[line_start:] else len(text)]):
        return start
    header = line_start
    floor = max(0, core_start - TABLE_REACH)
    while header > floor:  # walk back over the rows of the block to its first line
        prev_start = text.rfind("\n", 0, header - 1) + 1
        if not _table_row(text[prev_start : header - 1]):
            break
        header = prev_start
    return min(start, header)


def max_chars(pipeline: Language) -> int:
    """The longest text the pipeline runs as one Doc."""
    return max(1, min(CHUNK_CHARS, int(getattr(pipeline, "max_length", CHUNK_CHARS))))


def safe_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lone surrogates in string values become U+FFFD, one for one (same offsets).

    They cannot be stored in the frame's string columns; the pipeline itself
    sees the text as given.
    """
    return [{k: SURROGATE_RE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def rows_of(doc: Doc, doc_id: Any, text: str, **kwargs: Any) -> list[dict[str, Any]]:
    """The rows of a processed Doc of ``text`` (surrogates made safe)."""
    rows = doc_rows(doc, doc_id, **kwargs)
    return safe_rows(rows) if SURROGATE_RE.search(text) else rows


def text_rows(pipeline: Language, text: str, doc_id: Any = None, date: str | None = None) -> list[dict[str, Any]]:
    """The rows of one decoded document: what :func:`cluster_ner.extract` returns, as dicts."""
    return [row for rows in piece_rows(pipeline, text, doc_id, date) for row in rows]


def text_frame(pipeline: Language, text: str, doc_id: Any = None, date: str | None = None) -> "pd.DataFrame":
    """The rows of one decoded document as a frame, built piece by piece (a long
    text never holds all its rows as dicts at once)."""
    import pandas as pd

    frames = [frame_from_rows(rows) for rows in piece_rows(pipeline, text, doc_id, date)]
    frames = [f for f in frames if len(f)] or frames[:1] or [frame_from_rows(())]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def piece_rows(pipeline: Language, text: str, doc_id: Any = None, date: str | None = None) -> Iterator[list[dict[str, Any]]]:
    """The rows of one decoded document, one list per piece (one piece for a short text)."""
    limit = max_chars(pipeline)
    if len(text) <= limit:
        yield rows_of(pipeline(make_doc(pipeline, text, doc_id=doc_id, date=date)), doc_id, text)
        return
    yield from _piece_rows(pipeline, text, doc_id, date, limit)


def _piece_rows(pipeline: Language, text: str, doc_id: Any, date: str | None, limit: int) -> Iterator[list[dict[str, Any]]]:
    overlap = min(OVERLAP_CHARS, limit // 4)  # a pipeline with a small max_length gets smaller margins
    carry: dict[str, Any] | None = None
    core_start, n = 0, len(text)
    while core_start < n:
        start = _window_start(text, core_start, overlap)
        if core_start - start > limit // 2:
            start = max(0, core_start - overlap)  # a table header too far back: leave room for the core
        core_end = _cut(text, core_start, start + limit - overlap)  # the core ends where the window still fits
        end = min(n, core_end + overlap)
        doc = make_doc(pipeline, text[start:end], doc_id=doc_id, date=date)
        doc.user_data[CARRY_KEY] = {"offset": start, **(carry or {})}
        doc = pipeline(doc)
        yield [row for row in rows_of(doc, doc_id, text, raw=text, offset=start) if core_start <= row["start"] < core_end]
        carry = next_carry(doc, start)
        core_start = core_end


def next_carry(doc: Doc, offset: int) -> dict[str, Any]:
    """What the piece after ``doc`` inherits (components leave it in the Doc)."""
    from .attributes.places import carry_places

    carry = dict(doc.user_data.get(CARRY_KEY) or {})
    carry.pop("offset", None)
    carry.update(carry_places(doc, offset))
    out = doc.user_data.get(CARRY_OUT_KEY)
    if out:
        carry.update(out)
    return carry


CARRY_OUT_KEY = "cluster_ner.carry_out"
"""``doc.user_data`` key where components leave what the next piece should inherit."""
