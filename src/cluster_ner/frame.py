"""Doc → pandas DataFrame: the fixed table of columns every result has.

pandas is imported inside the functions that build frames, so that loading the
pipeline and ``nlp.pipe`` do not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from .constants import SENTENCE_END_RE
from .errors import check_offset_map
from .extensions import SPAN_EXTENSIONS
from .tokenizer import alignment, raw_text, working_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# column -> (pandas dtype, description). Order is the frame's column order.
COLUMNS: dict[str, tuple[str, str]] = {
    "doc_id": ("string", "the document's id (extract_many: its position or your id)"),
    "doc_date": ("string", "the document's date (YYYY-MM-DD, YYYY-MM or YYYY): the one you gave, else the one its header or opening states"),
    "label": ("string", "CLUSTER, GOV or METRIC"),
    "text": ("string", "the entity exactly as in your text: text == original[start:end]"),
    "start": ("Int64", "character offset of the entity in the text you passed"),
    "end": ("Int64", "end offset (exclusive) in the text you passed"),
    "norm_text": ("string", "the entity cleaned: simplified Chinese, pinyin and noise removed"),
    "sentence": ("string", "the sentence the entity is in, as in your text (a very long one cut to the entity's surroundings, marked …)"),
    "source": ("string", "what found it: rules, model or pattern"),
    "value": ("Float64", SPAN_EXTENSIONS["value"][1]),
    "unit": ("string", SPAN_EXTENSIONS["unit"][1]),
    "qualifier": ("string", SPAN_EXTENSIONS["qualifier"][1]),
    "measure": ("string", SPAN_EXTENSIONS["measure"][1]),
    "kind": ("string", SPAN_EXTENSIONS["kind"][1]),
    "subject": ("string", SPAN_EXTENSIONS["subject"][1]),
    "subject_kind": ("string", SPAN_EXTENSIONS["subject_kind"][1]),
    "period": ("string", SPAN_EXTENSIONS["period"][1]),
    "status": ("string", SPAN_EXTENSIONS["status"][1]),
    "change": ("string", SPAN_EXTENSIONS["change"][1]),
    "canonical": ("string", SPAN_EXTENSIONS["canonical"][1]),
    "level": ("string", SPAN_EXTENSIONS["level"][1]),
    "region": ("string", SPAN_EXTENSIONS["region"][1]),
    "industry": ("string", SPAN_EXTENSIONS["industry"][1]),
    "national_name": ("string", SPAN_EXTENSIONS["national_name"][1]),
    "national_year": ("Int64", SPAN_EXTENSIONS["national_year"][1]),
}
ERROR_COLUMNS: dict[str, tuple[str, str]] = {
    "doc_id": ("string", "the id of the document that failed"),
    "error": ("string", "the exception type"),
    "message": ("string", "what went wrong"),
}
_ATTRIBUTE_COLUMNS = tuple(c for c in COLUMNS if c in SPAN_EXTENSIONS)


# A sentence is what lies between sentence ends (。！？；, their ASCII forms, line
# breaks). One longer than SENTENCE_MAX characters (a table, a list, text without
# punctuation) is cut to SENTENCE_CONTEXT characters on each side of the entity and
# marked with CUT_MARK where it was cut: a row never holds more than SENTENCE_MAX
# characters of context plus the entity, however the text is written.
SENTENCE_MAX = 512
SENTENCE_CONTEXT = 200
CUT_MARK = "…"


def sentence_span(text: str, start: int, end: int) -> tuple[int, int, bool, bool]:
    """``(s, e, cut_before, cut_after)``: the sentence around ``text[start:end]``, bounded.

    ``text`` is the working (cleaned) text: an HTML entity such as ``&nbsp;``
    in the raw text is no sentence end. Reads at most :data:`SENTENCE_MAX`
    characters on each side, so finding every row's sentence is linear.
    """
    lo = max(0, start - SENTENCE_MAX)
    s = lo
    for m in SENTENCE_END_RE.finditer(text, lo, start):
        s = m.end()
    cut_before = s == lo and lo > 0 and not SENTENCE_END_RE.match(text, lo - 1)
    hi = min(len(text), end + SENTENCE_MAX)
    m = SENTENCE_END_RE.search(text, end, hi)
    e = m.end() if m is not None else hi
    cut_after = m is None and hi < len(text)
    if e - s > SENTENCE_MAX or cut_before or cut_after:
        if start - s > SENTENCE_CONTEXT:
            s, cut_before = start - SENTENCE_CONTEXT, True
        if e - end > SENTENCE_CONTEXT:
            e, cut_after = end + SENTENCE_CONTEXT, True
    return s, e, cut_before, cut_after


def _cut_text(raw: str, raw_start: int, raw_end: int, cut_before: bool, cut_after: bool) -> str:
    return (CUT_MARK if cut_before else "") + raw[raw_start:raw_end].strip() + (CUT_MARK if cut_after else "")


def doc_rows(doc: Doc, doc_id: Any = None, *, raw: str | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """One dict per entity of ``doc``, in text order, with the :data:`COLUMNS` keys.

    Args:
        doc: a Doc made by the cluster_ner pipeline.
        doc_id: value of the ``doc_id`` column (default: ``doc._.doc_id``).
        raw, offset: for a piece of a longer text (see
            :mod:`cluster_ner.documents`): the whole text, and where the
            piece starts in it; offsets and sentences refer to ``raw``.

    Raises:
        OffsetMapMissingError: the Doc has entities but lost its user data (a
            ``DocBin`` saved without it), so its offsets are not into the raw text.
    """
    check_offset_map(doc)
    ents = doc.ents
    if not ents:
        return []
    align = alignment(doc)
    text = working_text(doc)
    if raw is None:
        raw = raw_text(doc)
    ident = doc_id if doc_id is not None else doc._.doc_id
    ident = None if ident is None else str(ident)
    doc_date = doc._.doc_date
    rows: list[dict[str, Any]] = []
    sentences: dict[tuple[int, int, bool, bool], str] = {}  # one str per sentence, shared by its rows
    for ent in ents:
        start, end = align.to_raw(ent.start_char, ent.end_char)
        start, end = start + offset, end + offset
        key = sentence_span(text, ent.start_char, ent.end_char)
        sentence = sentences.get(key)
        if sentence is None:
            s, e, cut_before, cut_after = key
            raw_start, raw_end = align.to_raw(s, max(e, s + 1))
            sentence = sentences[key] = _cut_text(raw, raw_start + offset, raw_end + offset, cut_before, cut_after)
        row: dict[str, Any] = {
            "doc_id": ident,
            "doc_date": doc_date,
            "label": ent.label_,
            "text": raw[start:end],
            "start": start,
            "end": end,
            "norm_text": ent.text,
            "sentence": sentence,
        }
        for name in _ATTRIBUTE_COLUMNS:
            row[name] = getattr(ent._, name)
        rows.append(row)
    return rows


def frame_from_rows(rows: Iterable[dict[str, Any]], columns: dict[str, tuple[str, str]] = COLUMNS) -> "pd.DataFrame":
    """Build a frame with exactly ``columns`` and their dtypes (empty rows → empty frame)."""
    import pandas as pd

    rows = rows if isinstance(rows, list) else list(rows)
    return pd.DataFrame({c: pd.array([row.get(c) for row in rows], dtype=dtype) for c, (dtype, _) in columns.items()})


def empty_frame() -> "pd.DataFrame":
    """A frame with no rows and the documented columns and dtypes."""
    return frame_from_rows(())


def to_frame(doc: Doc, *, doc_id: Any = None) -> "pd.DataFrame":
    """The entities of a Doc made by the cluster_ner pipeline, one row each.

    Args:
        doc: a Doc from ``cluster_ner.load()(text)`` or ``nlp.pipe``.
        doc_id: id for the ``doc_id`` column (default: ``doc._.doc_id``).

    Returns:
        A DataFrame with the columns of :data:`COLUMNS`, in text order.
    """
    return frame_from_rows(doc_rows(doc, doc_id))
