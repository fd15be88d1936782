"""Doc → pandas DataFrame: the fixed table of columns every result has.

pandas is imported inside the functions that build frames, so that loading the
pipeline and ``nlp.pipe`` do not pay for it.
"""

from __future__ import annotations

import bisect
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
    "label": ("string", "CLUSTER, GOV or METRIC"),
    "text": ("string", "the entity exactly as in your text: text == original[start:end]"),
    "start": ("Int64", "character offset of the entity in the text you passed"),
    "end": ("Int64", "end offset (exclusive) in the text you passed"),
    "norm_text": ("string", "the entity cleaned: simplified Chinese, pinyin and noise removed"),
    "sentence": ("string", "the sentence the entity is in, as in your text"),
    "source": ("string", "what found it: rules, model or pattern"),
    "value": ("Float64", SPAN_EXTENSIONS["value"][1]),
    "unit": ("string", SPAN_EXTENSIONS["unit"][1]),
    "qualifier": ("string", SPAN_EXTENSIONS["qualifier"][1]),
    "measure": ("string", SPAN_EXTENSIONS["measure"][1]),
    "kind": ("string", SPAN_EXTENSIONS["kind"][1]),
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


def sentence_bounds(text: str) -> list[int]:
    """Sorted working-text offsets where a sentence starts (0 first)."""
    return [0] + [m.end() for m in SENTENCE_END_RE.finditer(text)]


def doc_rows(doc: Doc, doc_id: Any = None) -> list[dict[str, Any]]:
    """One dict per entity of ``doc``, in text order, with the :data:`COLUMNS` keys.

    Raises:
        OffsetMapMissingError: the Doc has entities but lost its user data (a
            ``DocBin`` saved without it), so its offsets are not into the raw text.
    """
    check_offset_map(doc)
    raw = raw_text(doc)
    align = alignment(doc)
    ident = doc_id if doc_id is not None else doc._.doc_id
    ident = None if ident is None else str(ident)
    ents = doc.ents
    if not ents:
        return []
    text = working_text(doc)
    bounds = sentence_bounds(text)
    rows: list[dict[str, Any]] = []
    sentences: dict[int, str] = {}  # one str per sentence, shared by its rows (pickled once to a worker's parent)
    for ent in ents:
        start, end = align.to_raw(ent.start_char, ent.end_char)
        k = bisect.bisect_right(bounds, ent.start_char) - 1
        sentence = sentences.get(k)
        if sentence is None:
            s_end = bounds[k + 1] if k + 1 < len(bounds) else len(text)
            s_start, s_stop = align.to_raw(bounds[k], max(s_end, bounds[k] + 1)) if text else (0, 0)
            sentence = sentences[k] = raw[s_start:s_stop].strip()
        row: dict[str, Any] = {
            "doc_id": ident,
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
