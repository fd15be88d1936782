"""Text in, DataFrame out: one document, a batch, or a stream.

What is accepted is the input contract of :mod:`cluster_ner.inputs`; a long
document runs in pieces (:mod:`cluster_ner.documents`); batches run in chunks
(:mod:`cluster_ner.chunks`), in worker processes if asked
(:mod:`cluster_ner.workers`), with a progress bar (:mod:`cluster_ner.progress`).
In batches a document that fails never takes the others with it: it becomes a
row of the ``errors`` frame (``on_error="report"``, the default) or stops the
run (``on_error="raise"``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from .chunks import Chunk, Result, check_options, run_chunk
from .documents import text_frame
from .frame import ERROR_COLUMNS, frame_from_rows
from .inputs import Item, check_nlp, coerce_text, length, normalize_date, pair_inputs, positive_int
from .pipeline import default_nlp
from .progress import counted
from .workers import pool_chunks

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def extract(
    text: str | bytes,
    *,
    doc_id: Any = None,
    nlp: Language | None = None,
    date: Any = None,
) -> "pd.DataFrame":
    """Find the clusters, government bodies and metrics of one document.

    Args:
        text: the document as scraped (``bytes`` are decoded). Any length: a
            long text runs in overlapping pieces and gives the rows one pass would.
        doc_id: value of the ``doc_id`` column.
        nlp: a pipeline from :func:`cluster_ner.load` (default: the shipped one).
        date: the document's date (``"2024-07-27"``, ``"2024-07"``, ``"2024"``,
            a ``datetime.date`` or pandas ``Timestamp``): relative time words
            (今年, 去年, 上半年) resolve against it. Default: the date the
            document's header or opening states, if any.

    Returns:
        One row per entity in text order with the columns of
        :data:`cluster_ner.frame.COLUMNS`; an empty frame with the same
        columns when the document has none.

    Raises:
        TypeError: ``text`` is not ``str`` or ``bytes``, or ``nlp`` is not a pipeline.
        ValueError: ``date`` is not a date.
        InputDecodeError: ``bytes`` that no supported encoding decodes.
    """
    raw = coerce_text(text)
    pipeline = check_nlp(nlp) or default_nlp()
    return text_frame(pipeline, raw, doc_id, normalize_date(date))


def _iter_chunks(
    texts: Iterable[Any],
    ids: Iterable[Any] | None,
    dates: Iterable[Any] | None,
    nlp: Language | None,
    batch_size: Any,
    n_process: int,
    on_error: str,
    framed: bool = False,
) -> Iterator[Chunk]:
    """Yield the results of each chunk of ``batch_size`` documents, in input order.

    The input is read lazily, one chunk ahead (``n_process * IN_FLIGHT``
    chunks with worker processes). With ``on_error="raise"`` the results
    before the first failure are yielded, then its exception propagates.
    ``framed``: worker processes send each chunk's rows as one frame.
    """
    n_process = check_options(on_error, n_process)
    batch_size = positive_int(batch_size, arg="batch_size")
    check_nlp(nlp)
    raise_first = on_error == "raise"
    total = length(texts)
    items = pair_inputs(texts, ids, dates)
    chunks: Iterator[list[Item]] = iter(lambda: list(islice(items, batch_size)), [])
    if total is not None:  # no more workers than chunks
        n_process = min(n_process, max(1, -(-total // batch_size)))
    if n_process > 1:
        yield from pool_chunks(nlp, chunks, batch_size, n_process, raise_first, framed)
        return
    pipeline = nlp if nlp is not None else default_nlp()
    for chunk in chunks:
        results, exc = run_chunk(pipeline, chunk, batch_size, raise_first)
        if results:
            yield Chunk(results)
        if exc is not None:
            raise exc


def _check_call(texts: Any, ids: Any, dates: Any, nlp: Any, batch_size: Any, n_process: Any, on_error: str, per: str = "document") -> None:
    """Every argument error at the call, before a document is read."""
    check_options(on_error, n_process, per)
    positive_int(batch_size, arg="batch_size")
    check_nlp(nlp)
    pair_inputs(texts, ids, dates)  # checks types and known lengths; reads nothing


def iter_rows(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    dates: Iterable[Any] | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    on_error: str = "report",
) -> Iterator[Result]:
    """Yield ``(doc_id, rows, error)`` per document, in input order.

    Every document yields exactly once. With ``on_error="report"`` a failure
    (wrong type, undecodable bytes, an exception in the pipeline) gives
    ``rows == []`` and an error record; with ``"raise"`` the documents before
    the first failure are yielded and then its exception propagates.
    """
    _check_call(texts, ids, dates, nlp, batch_size, n_process, on_error)
    for chunk in _iter_chunks(texts, ids, dates, nlp, batch_size, n_process, on_error):
        yield from chunk.results


def iter_frames(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    dates: Iterable[Any] | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    on_error: str = "report",
    per: str = "document",
    errors: list[dict[str, Any]] | None = None,
    progress: bool | None = None,
) -> Iterator["pd.DataFrame"]:
    """Yield DataFrames as documents are processed: streaming, in flat memory.

    Args:
        texts: any iterable, read lazily (an endless generator works): at most
            ``batch_size`` documents ahead of what has been yielded, or
            ``n_process * 2 * batch_size`` with worker processes.
        ids, dates, nlp, batch_size, n_process, on_error: as for :func:`extract_many`.
        per: ``"document"`` (default): one frame per document, in input order
            (an empty frame for a document without entities or that failed);
            ``"batch"``: one frame per ``batch_size`` documents.
        errors: a list to which the error record of each failed document
            (keys ``doc_id, error, message``) is appended as it fails.
        progress: a tqdm bar counting documents; ``None`` (default): only when
            stderr is a terminal or in a notebook, and only on runs longer
            than a couple of seconds; ``True``: always; ``False``: never.

    A document that fails never stops the stream: one warning when the stream
    ends says how many failed; with ``on_error="raise"`` the frames before the
    failure are yielded and then its exception propagates.

    Raises:
        TypeError: ``texts`` is one document, ``None`` or not iterable; ``nlp`` is not a pipeline.
        ValueError: a bad ``per``, ``on_error``, ``n_process`` or ``batch_size``, or
            ``ids``/``dates`` of another length than ``texts`` (at the call when
            their lengths are known, else when the shorter runs out).
    """
    _check_call(texts, ids, dates, nlp, batch_size, n_process, on_error, per)
    return _frames(texts, ids, dates, nlp, batch_size, n_process, on_error, per, errors, progress)


def _frames(
    texts: Iterable[Any],
    ids: Iterable[Any] | None,
    dates: Iterable[Any] | None,
    nlp: Language | None,
    batch_size: int,
    n_process: int,
    on_error: str,
    per: str,
    errors: list[dict[str, Any]] | None,
    progress: bool | None,
) -> Iterator["pd.DataFrame"]:
    n_failed = 0
    shown: list[str] = []  # the first failures, for the warning (bounded: memory stays flat)
    try:
        chunks = _iter_chunks(texts, ids, dates, nlp, batch_size, n_process, on_error, framed=per == "batch")
        for chunk in counted(chunks, length(texts), progress):
            for doc_id, _, error in chunk.results:
                if error is None:
                    continue
                n_failed += 1
                if len(shown) < 10:
                    shown.append(f"{doc_id!r} ({error['error']})")
                if errors is not None:
                    errors.append(error)
            if per == "batch":
                yield chunk.rows_frame()
            else:
                for _, rows, _ in chunk.results:
                    yield frame_from_rows(rows)
    finally:
        if n_failed:
            more = " …" if n_failed > len(shown) else ""
            hint = "" if errors is not None else "; pass errors=[] to collect their messages"
            warnings.warn(
                f"{n_failed} document(s) failed and yielded no rows: {', '.join(shown)}{more}{hint}.",
                stacklevel=2,
            )


def extract_many(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    dates: Iterable[Any] | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    on_error: str = "report",
    return_errors: bool = False,
    progress: bool | None = None,
) -> "pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]":
    """Extract from many documents into one DataFrame.

    Args:
        texts: a list, any iterable, or a pandas Series (its index gives the ids).
        ids: one id per text (default: the Series index, else 0, 1, 2 …).
        dates: one date per text (as ``extract``'s ``date``; missing values
            are fine): relative time words resolve against it.
        nlp: a pipeline from :func:`cluster_ner.load` (default: the shipped one).
        batch_size: documents per ``nlp.pipe`` batch (and per task of a worker).
        n_process: worker processes, each with its own copy of the pipeline
            (``-1``: one per CPU). The rows are the same as with one process;
            a document whose worker process dies twice is an error, not a lost run.
        on_error: ``"report"`` (failed documents go to the errors frame, with
            one warning at the end) or ``"raise"``.
        return_errors: also return the errors frame (columns
            ``doc_id, error, message``).
        progress: a tqdm bar counting documents; ``None`` (default): only when
            stderr is a terminal or in a notebook, and only on runs longer
            than a couple of seconds; ``True``: always; ``False``: never.

    Returns:
        The rows of every document, identical to calling :func:`extract` on
        each; with ``return_errors=True`` a ``(rows, errors)`` pair.

    Raises:
        TypeError: ``texts`` is one document, ``None`` or not iterable; ``nlp`` is not a pipeline.
        ValueError: a bad ``on_error``, ``n_process`` or ``batch_size``, or
            ``ids``/``dates`` of another length than ``texts``.
    """
    _check_call(texts, ids, dates, nlp, batch_size, n_process, on_error)
    frame, errors = collect(
        texts, ids=ids, dates=dates, nlp=nlp, batch_size=batch_size, n_process=n_process,
        on_error=on_error, progress=progress,
    )
    if errors:
        warnings.warn(
            f"{len(errors)} document(s) failed and produced no rows; pass return_errors=True to get them.",
            stacklevel=2,
        )
    if return_errors:
        return frame, frame_from_rows(errors, ERROR_COLUMNS)
    return frame


def collect(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    dates: Iterable[Any] | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    on_error: str = "report",
    progress: bool | None = False,
) -> "tuple[pd.DataFrame, list[dict[str, Any]]]":
    """What :func:`extract_many` computes, without its warning: the rows frame
    and the error records (dicts with the ``ERROR_COLUMNS`` keys)."""
    import pandas as pd

    frames: list[pd.DataFrame] = []
    errors: list[dict[str, Any]] = []
    chunks = _iter_chunks(texts, ids, dates, nlp, batch_size, n_process, on_error, framed=True)
    for chunk in counted(chunks, length(texts), progress):
        frame = chunk.rows_frame()  # one frame per chunk: far smaller than the dicts
        if len(frame):
            frames.append(frame)
        errors.extend(error for _, _, error in chunk.results if error is not None)
    if not frames:
        return frame_from_rows(()), errors
    if len(frames) == 1:
        return frames[0], errors
    return pd.concat(frames, ignore_index=True), errors
