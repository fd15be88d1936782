"""Text in, DataFrame out: one document, a batch, or a stream.

The input contract lives here: ``str`` is taken as it is, ``bytes`` are
decoded (UTF-8, GB18030/GBK, Big5), anything else is a ``TypeError`` naming
the argument. In batches a document that fails never takes the others with it:
it becomes a row of the ``errors`` frame (``on_error="report"``, the default)
or stops the run (``on_error="raise"``).
"""

from __future__ import annotations

import operator
import os
import re
import sys
import unicodedata
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple

from spacy.language import Language

from .constants import SENTENCE_END_CHARS, SURROGATE_RE
from .errors import InputDecodeError, Messages
from .frame import ERROR_COLUMNS, doc_rows, frame_from_rows
from .pipeline import load

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

ENCODINGS = ("utf-8", "gb18030", "big5")


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The pipeline ``extract`` uses when none is given (loaded once per process)."""
    return load()


def decode_bytes(data: bytes, *, arg: str = "text") -> str:
    """Decode bytes of Chinese text, trying UTF-8, then GB18030 and Big5.

    When both GB18030 and Big5 decode without error, the one whose result has
    more everyday Han characters wins.

    Raises:
        InputDecodeError: no encoding fits; the message names those tried.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from .cleaning import _common_han

    common = _common_han()
    best: tuple[int, str] | None = None
    for enc in ENCODINGS[1:]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = sum(ch in common for ch in text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None:
        raise InputDecodeError(
            Messages.UNDECODABLE.format(arg=arg, n_bytes=len(data), encodings=", ".join(ENCODINGS))
        )
    return best[1]


def coerce_text(text: Any, *, arg: str = "text") -> str:
    """The input contract: ``str`` as is, ``bytes`` decoded, else ``TypeError``."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(text), arg=arg)
    raise TypeError(Messages.NOT_TEXT.format(arg=arg, type_name=type(text).__name__))


# Texts longer than this are cut into pieces at sentence ends and each piece
# runs through the pipeline on its own (one token per character: a whole 2 MB
# page would exceed ``nlp.max_length`` and hold millions of tokens at once).
CHUNK_CHARS = 100_000
# Where a piece may end, best first: after a sentence end, then after a clause
# mark or a space; a hard cut only when none of these is in the window.
_SENTENCE_ENDS = frozenset(SENTENCE_END_CHARS)
_SOFT_ENDS = "，,、：:\u3000 \t"


def _is_punct(ch: str) -> bool:
    return ch in _SENTENCE_ENDS or unicodedata.category(ch).startswith("P")


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``[start, end)`` pieces of at most ``limit`` characters.

    A piece ends after the last sentence end (。！？；!?; or a newline, with any
    run of them kept together) in its window, else after the last clause mark
    or space, else at ``limit`` (a hard cut). The pieces tile ``text``.
    """
    limit = max(int(limit), 1)
    spans: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while n - pos > limit:
        window_end = pos + limit
        cut = max(text.rfind(ch, pos, window_end) for ch in _SENTENCE_ENDS) + 1
        if cut > pos:
            # keep 。。。 / 。」 together: a sentence ends after
            # the punctuation that follows its end
            while cut < window_end and _is_punct(text[cut]):
                cut += 1
        else:
            cut = max(text.rfind(ch, pos, window_end) for ch in _SOFT_ENDS) + 1
        if cut <= pos:
            cut = window_end
        spans.append((pos, cut))
        pos = cut
    spans.append((pos, n))
    return spans


# Lone surrogates (from bad UTF-16 handling upstream) cannot be stored in the
# frame's string columns; in the rows they become U+FFFD, one for one, so the
# offsets still hold. The pipeline itself sees the text as given.


def _safe_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: SURROGATE_RE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def _rows_of(doc: Any, doc_id: Any, text: str) -> list[dict[str, Any]]:
    rows = doc_rows(doc, doc_id)
    return _safe_rows(rows) if SURROGATE_RE.search(text) else rows


def _chunk_limit(pipeline: Language) -> int:
    return max(1, min(CHUNK_CHARS, int(getattr(pipeline, "max_length", CHUNK_CHARS))))


def text_rows(pipeline: Language, text: str, doc_id: Any = None) -> list[dict[str, Any]]:
    """The rows of one decoded document: what :func:`extract` returns, as dicts.

    A text longer than :data:`CHUNK_CHARS` (or the pipeline's ``max_length``)
    runs piece by piece (see :func:`chunk_spans`) and the rows are merged with
    offsets into the whole text; identical pieces run once. Lone surrogates
    in the text come out as U+FFFD in the string columns (same offsets).
    """
    limit = _chunk_limit(pipeline)
    if len(text) <= limit:
        return _rows_of(pipeline(text), doc_id, text)
    spans = chunk_spans(text, limit)
    pieces = [text[s:e] for s, e in spans]
    unique = list(dict.fromkeys(pieces))
    piece_rows = {
        piece: _rows_of(doc, doc_id, piece) for piece, doc in zip(unique, pipeline.pipe(unique, batch_size=1))
    }
    rows: list[dict[str, Any]] = []
    for (offset, _), piece in zip(spans, pieces):
        for row in piece_rows[piece]:
            rows.append({**row, "start": row["start"] + offset, "end": row["end"] + offset})
    return rows


def extract(text: str | bytes, *, doc_id: Any = None, nlp: Language | None = None) -> "pd.DataFrame":
    """Find the clusters, government bodies and metrics of one document.

    Args:
        text: the document as scraped (``bytes`` are decoded). Any length: long
            texts are processed piece by piece, cut at sentence ends.
        doc_id: value of the ``doc_id`` column.
        nlp: a pipeline from :func:`cluster_ner.load` (default: the shipped one).

    Returns:
        One row per entity in text order with the columns of
        :data:`cluster_ner.frame.COLUMNS`; an empty frame with the same
        columns when the document has none.

    Raises:
        TypeError: ``text`` is not ``str`` or ``bytes``.
        InputDecodeError: ``bytes`` that no supported encoding decodes.
    """
    raw = coerce_text(text)
    pipeline = nlp if nlp is not None else default_nlp()
    return frame_from_rows(text_rows(pipeline, raw, doc_id))


# --- many documents: batches, streams, worker processes ------------------------------
#
# Documents are read from the input ``batch_size`` at a time (a *chunk*); each
# chunk runs through the pipeline in one ``nlp.pipe`` call and, when that call
# fails, one document at a time so that only the culprit fails. Nothing is kept
# from one chunk to the next: a stream of any length runs in flat memory.
#
# With ``n_process > 1`` the chunks go to a pool of worker processes, each with
# its own copy of the pipeline, and come back as rows (plain dicts), in input
# order. spaCy's own ``nlp.pipe(n_process=…)`` is not used: it sends every Doc
# back with ``Doc.to_bytes`` (the cleaning alignment makes that ~130 bytes per
# character), which costs more than running the pipeline itself. Where the
# caller wants one frame per chunk (extract_many, iter_frames per batch), the
# worker builds it: the parent, which shares the cores with the workers, then
# only concatenates.

Result = tuple[Any, list[dict[str, Any]], "dict[str, Any] | None"]
"""``(doc_id, rows, error)`` of one document; ``error`` is ``None`` or an error record."""


class _Chunk(NamedTuple):
    """The results of one chunk, in input order; with ``frame`` (built by a
    worker) the rows are in the frame and each result's rows list is empty."""

    results: list[Result]
    frame: "pd.DataFrame | None" = None

    def rows_frame(self) -> "pd.DataFrame":
        """All rows of the chunk as one frame."""
        if self.frame is not None:
            return self.frame
        return frame_from_rows([row for _, rows, _ in self.results for row in rows])

PER_VALUES = ("document", "batch")
PER_VALUE = "per must be 'document' or 'batch', got {value!r}."
N_PROCESS_VALUE = "n_process must be a positive number of processes or -1 (one per CPU), got {value!r}."
POOL_BROKEN = (
    "A worker process died while extracting (killed, out of memory, or a crash in a native "
    "library); no document after the last one delivered was processed. Run with n_process=1 "
    "to find the document, or give the workers more memory."
)
# Chunks each worker may have queued or running: the pool reads at most
# n_process * IN_FLIGHT * batch_size documents ahead of what it has delivered.
IN_FLIGHT = 2
# With ``progress=None`` a bar appears on a terminal or in a notebook once a
# run has lasted this many seconds: short runs stay quiet.
PROGRESS_DELAY = 2.0


def _ids_for(texts: Any, ids: Iterable[Any] | None) -> tuple[Iterable[Any], Iterable[Any]]:
    """Pair texts with ids: given ids, a Series' index, or positions."""
    if ids is not None:
        if hasattr(texts, "__len__") and hasattr(ids, "__len__") and len(ids) != len(texts):  # type: ignore[arg-type]
            raise ValueError(Messages.IDS_LENGTH.format(n_ids=len(ids), n_texts=len(texts)))  # type: ignore[arg-type]
        return texts, ids
    index = getattr(texts, "index", None)
    if index is not None and hasattr(texts, "iloc"):  # a pandas Series: its index names the documents
        return list(texts.values), list(index)
    return texts, _count()


def _count() -> Iterator[int]:
    n = 0
    while True:
        yield n
        n += 1


def _length(texts: Any) -> int | None:
    try:
        return len(texts)
    except TypeError:
        return None


def _error_record(doc_id: Any, exc: BaseException) -> dict[str, Any]:
    record = {"doc_id": None if doc_id is None else str(doc_id), "error": type(exc).__name__, "message": str(exc)}
    return _safe_rows([record])[0]


def _check_options(on_error: str, n_process: int, per: str = "document") -> int:
    """Validate the batch options; returns the number of processes to use."""
    if on_error not in ("report", "raise"):
        raise ValueError(Messages.ON_ERROR_VALUE.format(value=on_error))
    if per not in PER_VALUES:
        raise ValueError(PER_VALUE.format(value=per))
    try:
        n = operator.index(n_process)
    except TypeError:
        n = 0
    if isinstance(n_process, bool) or n == 0 or n < -1:
        raise ValueError(N_PROCESS_VALUE.format(value=n_process))
    return (os.cpu_count() or 1) if n == -1 else n


def _run_chunk(
    pipeline: Language, chunk: list[tuple[Any, Any]], batch_size: int, raise_first: bool
) -> tuple[list[Result], BaseException | None]:
    """Run one chunk of ``(text, doc_id)`` pairs.

    Returns the result of every document, in order, and ``None``; with
    ``raise_first`` the results stop before the first failure, which is
    returned instead of ``None`` (nothing after it runs).
    """
    limit = _chunk_limit(pipeline)
    decoded: dict[int, str] = {}
    bad: dict[int, BaseException] = {}
    for i, (text, doc_id) in enumerate(chunk):
        try:
            decoded[i] = coerce_text(text, arg=f"texts[{doc_id!r}]")
        except (TypeError, InputDecodeError) as exc:
            bad[i] = exc
    # With "raise", nothing after the first bad input needs to run.
    stop = min(bad) if (raise_first and bad) else len(chunk)
    rows: dict[int, list[dict[str, Any]]] = {}
    batch = [(t, i) for i, t in decoded.items() if i < stop and len(t) <= limit]
    if batch:
        try:
            for doc, i in pipeline.pipe(batch, as_tuples=True, batch_size=batch_size):
                rows[i] = _rows_of(doc, chunk[i][1], decoded[i])
        except Exception:  # noqa: BLE001 - the culprit is found below, one document at a time
            pass
    results: list[Result] = []
    for i, (_, doc_id) in enumerate(chunk):
        if i in bad:
            if raise_first:
                return results, bad[i]
            results.append((doc_id, [], _error_record(doc_id, bad[i])))
            continue
        if i not in rows:
            try:
                rows[i] = text_rows(pipeline, decoded[i], doc_id)
            except Exception as exc:  # noqa: BLE001
                if raise_first:
                    return results, exc
                results.append((doc_id, [], _error_record(doc_id, exc)))
                continue
        results.append((doc_id, rows.pop(i), None))
    return results, None


def _iter_chunks(
    texts: Iterable[Any],
    ids: Iterable[Any] | None,
    nlp: Language | None,
    batch_size: int,
    n_process: int,
    on_error: str,
    framed: bool = False,
) -> Iterator[_Chunk]:
    """Yield the results of each chunk of ``batch_size`` documents, in input order.

    The input is read lazily, one chunk ahead (``n_process * IN_FLIGHT``
    chunks with worker processes). With ``on_error="raise"`` the results
    before the first failure are yielded, then its exception propagates.
    ``framed``: worker processes send each chunk's rows as one frame.
    """
    n_process = _check_options(on_error, n_process)
    raise_first = on_error == "raise"
    batch_size = max(int(batch_size), 1)
    total = _length(texts)
    texts, id_iter = _ids_for(texts, ids)
    pairs = zip(texts, id_iter)
    chunks: Iterator[list[tuple[Any, Any]]] = iter(lambda: list(islice(pairs, batch_size)), [])
    if total is not None:  # no more workers than chunks
        n_process = min(n_process, -(-total // batch_size))
    if n_process > 1:
        yield from _pool_chunks(nlp, chunks, batch_size, n_process, raise_first, framed)
        return
    pipeline = nlp if nlp is not None else default_nlp()
    for chunk in chunks:
        results, exc = _run_chunk(pipeline, chunk, batch_size, raise_first)
        if results:
            yield _Chunk(results)
        if exc is not None:
            raise exc


# --- the worker pool ---------------------------------------------------------------

_WORKER_PIPELINE: Language | None = None


def _start_method() -> str:
    """fork where it is safe (the workers inherit the pipeline as it is), else spawn."""
    import multiprocessing

    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _pipeline_payload(nlp: Language | None, method: str) -> Any:
    """What a new worker needs to get the pipeline: the object itself (fork),
    ``None`` for the default pipeline, or its config and weights (spawn)."""
    if method == "fork":
        return nlp if nlp is not None else default_nlp()
    if nlp is None:
        return None
    return (nlp.config.to_str(), nlp.to_bytes())


def _pool_init(payload: Any) -> None:
    global _WORKER_PIPELINE
    if payload is None:
        _WORKER_PIPELINE = default_nlp()
    elif isinstance(payload, Language):
        _WORKER_PIPELINE = payload
    else:
        from spacy.util import load_model_from_config
        from thinc.api import Config

        from .extensions import register_extensions

        register_extensions()
        config, data = payload
        _WORKER_PIPELINE = load_model_from_config(Config().from_str(config)).from_bytes(data)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives pickling, else a RuntimeError with its type and message."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _pool_run(chunk: list[tuple[Any, Any]], batch_size: int, raise_first: bool, framed: bool) -> tuple[_Chunk, Any]:
    """One chunk in a worker process (the pipeline comes from :func:`_pool_init`)."""
    assert _WORKER_PIPELINE is not None
    results, exc = _run_chunk(_WORKER_PIPELINE, chunk, batch_size, raise_first)
    done = _Chunk(results)
    if framed and results:
        done = _Chunk([(doc_id, [], error) for doc_id, _, error in results], done.rows_frame())
    return done, None if exc is None else _portable(exc)


def _pool_chunks(
    nlp: Language | None,
    chunks: Iterator[list[tuple[Any, Any]]],
    batch_size: int,
    n_process: int,
    raise_first: bool,
    framed: bool,
) -> Iterator[_Chunk]:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = _start_method()
    executor = ProcessPoolExecutor(
        max_workers=n_process,
        mp_context=multiprocessing.get_context(method),
        initializer=_pool_init,
        initargs=(_pipeline_payload(nlp, method),),
    )
    pending: deque[Future] = deque()

    def collect() -> Iterator[_Chunk]:
        try:
            done, exc = pending.popleft().result()
        except BrokenProcessPool as broken:
            raise RuntimeError(POOL_BROKEN) from broken
        if done.results:
            yield done
        if exc is not None:
            raise exc

    try:
        for chunk in chunks:
            pending.append(executor.submit(_pool_run, chunk, batch_size, raise_first, framed))
            if len(pending) >= n_process * IN_FLIGHT:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# --- progress ----------------------------------------------------------------------


def _in_notebook() -> bool:
    """Running in a Jupyter kernel (the test tqdm.autonotebook makes)."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
        return shell is not None and "IPKernelApp" in shell.config
    except Exception:  # noqa: BLE001
        return False


def _stderr_is_terminal() -> bool:
    try:
        return bool(sys.stderr.isatty())
    except (AttributeError, ValueError):  # replaced or closed stderr
        return False


class _Progress:
    """A tqdm bar (tqdm.auto: a widget in notebooks) over documents, or nothing.

    ``progress=True``: always; ``None``: when stderr is a terminal or in a
    notebook, once the run has lasted :data:`PROGRESS_DELAY` seconds;
    ``False``: never. The bar is created at the first update, after the
    worker processes have started (no fork with tqdm's monitor thread alive).
    """

    def __init__(self, progress: bool | None, total: int | None) -> None:
        if progress is None:
            progress = _stderr_is_terminal() or _in_notebook()
            self.delay = PROGRESS_DELAY
        else:
            self.delay = 0.0
        self.enabled = bool(progress)
        self.total = total
        self.bar: Any = None

    def update(self, n: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=self.total, desc="cluster_ner", unit="doc", delay=self.delay, dynamic_ncols=True)
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _counted(chunks: Iterator[_Chunk], total: int | None, progress: bool | None) -> Iterator[_Chunk]:
    """``chunks``, with the progress bar counting their documents."""
    bar = _Progress(progress, total)
    try:
        for chunk in chunks:
            bar.update(len(chunk.results))
            yield chunk
    finally:
        bar.close()


# --- the public batch functions ----------------------------------------------------


def iter_rows(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
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
    for chunk in _iter_chunks(texts, ids, nlp, batch_size, n_process, on_error):
        yield from chunk.results


def iter_frames(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
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
        ids, nlp, batch_size, n_process, on_error: as for :func:`extract_many`.
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
        ValueError: a bad ``per``, ``on_error`` or ``n_process`` (at the call).
    """
    _check_options(on_error, n_process, per)
    return _frames(texts, ids, nlp, batch_size, n_process, on_error, per, errors, progress)


def _frames(
    texts: Iterable[Any],
    ids: Iterable[Any] | None,
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
        chunks = _iter_chunks(texts, ids, nlp, batch_size, n_process, on_error, framed=per == "batch")
        for chunk in _counted(chunks, _length(texts), progress):
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
        nlp: a pipeline from :func:`cluster_ner.load` (default: the shipped one).
        batch_size: documents per ``nlp.pipe`` batch (and per task of a worker).
        n_process: worker processes, each with its own copy of the pipeline
            (``-1``: one per CPU). The rows are the same as with one process.
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
    """
    _check_options(on_error, n_process)
    frame, errors = collect(
        texts, ids=ids, nlp=nlp, batch_size=batch_size, n_process=n_process, on_error=on_error, progress=progress
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
    chunks = _iter_chunks(texts, ids, nlp, batch_size, n_process, on_error, framed=True)
    for chunk in _counted(chunks, _length(texts), progress):
        frame = chunk.rows_frame()  # one frame per chunk: far smaller than the dicts
        if len(frame):
            frames.append(frame)
        errors.extend(error for _, _, error in chunk.results if error is not None)
    if not frames:
        return frame_from_rows(()), errors
    if len(frames) == 1:
        return frames[0], errors
    return pd.concat(frames, ignore_index=True), errors
