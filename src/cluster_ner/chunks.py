"""A chunk of documents through the pipeline, in one process, none lost.

Documents are read ``batch_size`` at a time (a *chunk*); a chunk runs through
the pipeline in one ``nlp.pipe`` call and, when that call fails, one document
at a time, so that only the culprit fails. Every document gives exactly one
:data:`Result`: its rows, or an error record.
"""

from __future__ import annotations

import operator
import os
from typing import TYPE_CHECKING, Any, NamedTuple

from spacy.language import Language

from .documents import make_doc, max_chars, rows_of, safe_rows, text_rows
from .errors import InputDecodeError, Messages
from .frame import frame_from_rows
from .inputs import Item, coerce_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Result = tuple[Any, list[dict[str, Any]], "dict[str, Any] | None"]
"""``(doc_id, rows, error)`` of one document; ``error`` is ``None`` or an error record."""

PER_VALUES = ("document", "batch")


class Chunk(NamedTuple):
    """The results of one chunk, in input order; with ``frame`` (built by a
    worker) the rows are in the frame and each result's rows list is empty."""

    results: list[Result]
    frame: "pd.DataFrame | None" = None

    def rows_frame(self) -> "pd.DataFrame":
        """All rows of the chunk as one frame."""
        if self.frame is not None:
            return self.frame
        return frame_from_rows([row for _, rows, _ in self.results for row in rows])


def error_record(doc_id: Any, exc: BaseException) -> dict[str, Any]:
    """The row of the errors frame for a document that failed."""
    record = {"doc_id": None if doc_id is None else str(doc_id), "error": type(exc).__name__, "message": str(exc)}
    return safe_rows([record])[0]


def check_options(on_error: str, n_process: Any, per: str = "document") -> int:
    """Validate the batch options; returns the number of processes to use."""
    if on_error not in ("report", "raise"):
        raise ValueError(Messages.ON_ERROR_VALUE.format(value=on_error))
    if per not in PER_VALUES:
        raise ValueError(Messages.PER_VALUE.format(value=per))
    try:
        n = operator.index(n_process)
    except TypeError:
        n = 0
    if isinstance(n_process, bool) or n == 0 or n < -1:
        raise ValueError(Messages.N_PROCESS_VALUE.format(value=n_process))
    return (os.cpu_count() or 1) if n == -1 else n


def run_chunk(
    pipeline: Language, chunk: list[Item], batch_size: int, raise_first: bool
) -> tuple[list[Result], BaseException | None]:
    """Run one chunk of ``(text, doc_id, date)`` items.

    Returns the result of every document, in order, and ``None``; with
    ``raise_first`` the results stop before the first failure, which is
    returned instead of ``None`` (nothing after it runs).
    """
    limit = max_chars(pipeline)
    decoded: dict[int, str] = {}
    bad: dict[int, BaseException] = {}
    for i, (text, doc_id, date) in enumerate(chunk):
        if isinstance(date, Exception):  # a date that could not be read (see inputs.pair_inputs)
            bad[i] = date
            continue
        try:
            decoded[i] = coerce_text(text, arg=f"texts[{doc_id!r}]")
        except (TypeError, InputDecodeError) as exc:
            bad[i] = exc
    # With "raise", nothing after the first bad input needs to run.
    stop = min(bad) if (raise_first and bad) else len(chunk)
    rows: dict[int, list[dict[str, Any]]] = {}
    short = [i for i in decoded if i < stop and len(decoded[i]) <= limit]
    if short:
        try:
            docs = (make_doc(pipeline, decoded[i], doc_id=chunk[i][1], date=chunk[i][2]) for i in short)
            for doc, i in zip(pipeline.pipe(docs, batch_size=batch_size), short):
                rows[i] = rows_of(doc, chunk[i][1], decoded[i])
        except Exception:  # noqa: BLE001 - the culprit is found below, one document at a time
            pass
    results: list[Result] = []
    for i, (_, doc_id, date) in enumerate(chunk):
        if i in bad:
            if raise_first:
                return results, bad[i]
            results.append((doc_id, [], error_record(doc_id, bad[i])))
            continue
        if i not in rows:
            try:
                rows[i] = text_rows(pipeline, decoded[i], doc_id, date)
            except Exception as exc:  # noqa: BLE001
                if raise_first:
                    return results, exc
                results.append((doc_id, [], error_record(doc_id, exc)))
                continue
        results.append((doc_id, rows.pop(i), None))
    return results, None
