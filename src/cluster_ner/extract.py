"""Text in, DataFrame out: one document, a batch, or a stream.

The input contract lives here: ``str`` is taken as it is, ``bytes`` are
decoded (UTF-8, GB18030/GBK, Big5), anything else is a ``TypeError`` naming
the argument. In batches a document that fails never takes the others with it:
it becomes a row of the ``errors`` frame (``on_error="report"``, the default)
or stops the run (``on_error="raise"``).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

from spacy.language import Language

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
_SENTENCE_ENDS = frozenset("。！？；!?;\n")
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
            # keep 。。。 / 。」 together: the sentencizer ends a sentence after
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
_SURROGATE = re.compile("[\ud800-\udfff]")


def _safe_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def _rows_of(doc: Any, doc_id: Any, text: str) -> list[dict[str, Any]]:
    rows = doc_rows(doc, doc_id)
    return _safe_rows(rows) if _SURROGATE.search(text) else rows


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


@dataclass
class BatchResult:
    """Rows and error records collected over a batch run."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


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


def _error_record(doc_id: Any, exc: BaseException) -> dict[str, Any]:
    record = {"doc_id": None if doc_id is None else str(doc_id), "error": type(exc).__name__, "message": str(exc)}
    return _safe_rows([record])[0]


def iter_rows(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    on_error: str = "report",
) -> Iterator[tuple[Any, list[dict[str, Any]], dict[str, Any] | None]]:
    """Yield ``(doc_id, rows, error)`` per document, in input order.

    Every document yields exactly once. With ``on_error="report"`` a failure
    (wrong type, undecodable bytes, an exception in the pipeline) gives
    ``rows == []`` and an error record; with ``"raise"`` the documents before
    the first failure are yielded and then its exception propagates.
    """
    if on_error not in ("report", "raise"):
        raise ValueError(Messages.ON_ERROR_VALUE.format(value=on_error))
    raise_first = on_error == "raise"
    pipeline = nlp if nlp is not None else default_nlp()
    limit = _chunk_limit(pipeline)
    texts, id_iter = _ids_for(texts, ids)
    pairs = zip(texts, id_iter)
    while True:
        chunk = list(islice(pairs, max(batch_size, 1) * max(n_process, 1)))
        if not chunk:
            return
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
        try:
            for doc, i in pipeline.pipe(batch, as_tuples=True, batch_size=batch_size, n_process=n_process):
                rows[i] = _rows_of(doc, chunk[i][1], decoded[i])
        except Exception:  # noqa: BLE001 - the culprit is found below, one document at a time
            pass
        for i, (_, doc_id) in enumerate(chunk):
            if i in bad:
                if raise_first:
                    raise bad[i]
                yield doc_id, [], _error_record(doc_id, bad[i])
                continue
            if i not in rows:
                try:
                    rows[i] = text_rows(pipeline, decoded[i], doc_id)
                except Exception as exc:
                    if raise_first:
                        raise
                    yield doc_id, [], _error_record(doc_id, exc)
                    continue
            yield doc_id, rows.pop(i), None


def iter_frames(
    texts: Iterable[Any],
    *,
    ids: Iterable[Any] | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    on_error: str = "report",
) -> Iterator["pd.DataFrame"]:
    """Yield one DataFrame per document, streaming: memory stays flat.

    Every document yields exactly one frame, in input order. A document that
    fails yields an empty frame, and one warning at the end names the failed
    ids; with ``on_error="raise"`` the exception propagates instead.
    """
    failed: list[str] = []
    for doc_id, rows, error in iter_rows(
        texts, ids=ids, nlp=nlp, batch_size=batch_size, n_process=n_process, on_error=on_error
    ):
        if error is not None:
            failed.append(f"{doc_id!r} ({error['error']})")
        yield frame_from_rows(rows)
    if failed:
        shown = ", ".join(failed[:10]) + (" …" if len(failed) > 10 else "")
        warnings.warn(
            f"{len(failed)} document(s) failed and yielded empty frames: {shown}; "
            "use extract_many(..., return_errors=True) for the messages.",
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
) -> "pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]":
    """Extract from many documents into one DataFrame.

    Args:
        texts: a list, any iterable, or a pandas Series (its index gives the ids).
        ids: one id per text (default: the Series index, else 0, 1, 2 …).
        nlp: a pipeline from :func:`cluster_ner.load` (default: the shipped one).
        batch_size: documents per ``nlp.pipe`` batch.
        n_process: worker processes (``nlp.pipe(n_process=…)``).
        on_error: ``"report"`` (failed documents go to the errors frame, with
            one warning at the end) or ``"raise"``.
        return_errors: also return the errors frame (columns
            ``doc_id, error, message``).

    Returns:
        The rows of every document, identical to calling :func:`extract` on
        each; with ``return_errors=True`` a ``(rows, errors)`` pair.
    """
    result = BatchResult()
    for _, rows, error in iter_rows(
        texts, ids=ids, nlp=nlp, batch_size=batch_size, n_process=n_process, on_error=on_error
    ):
        result.rows.extend(rows)
        if error is not None:
            result.errors.append(error)
    if result.errors:
        warnings.warn(
            f"{len(result.errors)} document(s) failed and produced no rows; "
            "pass return_errors=True to get them.",
            stacklevel=2,
        )
    frame = frame_from_rows(result.rows)
    if return_errors:
        return frame, frame_from_rows(result.errors, ERROR_COLUMNS)
    return frame
