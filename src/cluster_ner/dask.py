"""Extraction over Dask collections: the rows of ``extract_many``, one task per partition.

    import dask.dataframe as dd
    from cluster_ner.dask import extract_dask

    news = dd.read_parquet("news/", columns=["id", "text"])
    rows = extract_dask(news, id_column="id")          # lazy; columns of cluster_ner.COLUMNS
    rows.to_parquet("entities/")

Each partition runs :func:`cluster_ner.extract_many` in the worker that holds
it, with the pipeline that worker process loaded the first time it needed it
(:func:`worker_pipeline`, cached per model path). The functions the tasks call
live in this module, so workers import them by name: ``cluster_ner`` (with its
``[dask]`` extra) must be installed where the workers run.

Dask is imported inside the functions: ``import cluster_ner.dask`` works
without it, and calling :func:`extract_dask` then says how to install it.
"""

from __future__ import annotations

import math
import operator
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .frame import ERROR_COLUMNS, empty_frame, frame_from_rows

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas as pd
    from spacy.language import Language

DASK_MISSING = (
    "cluster_ner.dask needs Dask: pip install cluster_ner[dask] "
    "(installs dask[dataframe] and distributed). Missing: {name}."
)
NOT_A_COLLECTION = (
    "extract_dask takes a Dask DataFrame (with a {column!r} column), a Dask Series "
    "or a Dask Bag of texts, got {type_name}."
)
NO_COLUMN = "extract_dask: the DataFrame has no column {column!r} (it has {columns})."


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import dask.dataframe  # noqa: F401
    except ImportError as exc:
        raise ImportError(DASK_MISSING.format(name=exc.name or exc)) from exc


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def _cached_pipeline(model: str | None, rules_only: bool) -> "Language":
    from .pipeline import default_nlp
    from .pipeline import load

    if model is None and not rules_only:
        return default_nlp()
    return load(model, rules_only=rules_only)


def worker_pipeline(model: str | None = None, rules_only: bool = False) -> "Language":
    """The pipeline of this process for ``model`` (a pipeline directory, or
    ``None`` for the shipped one): loaded on first use, then reused by every
    task the process runs (threads of one worker share it)."""
    with _LOAD_LOCK:
        return _cached_pipeline(model, rules_only)


def pipeline_cache_info() -> Any:
    """``functools`` cache statistics of :func:`worker_pipeline` in this process
    (``misses`` = pipelines loaded); e.g. ``client.run(pipeline_cache_info)``."""
    return _cached_pipeline.cache_info()


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def _extract(texts: list[Any], ids: list[Any], model: str | None, rules_only: bool, batch_size: int) -> tuple:
    """Rows and errors frame of one partition (``on_error="report"``: a bad
    document becomes an error record, the partition goes on)."""
    from .extract import collect

    nlp = worker_pipeline(model, rules_only)
    frame, errors = collect(texts, ids=ids, nlp=nlp, batch_size=batch_size, progress=False)
    return frame, frame_from_rows(errors, ERROR_COLUMNS)


def _frame_partition(
    part: "pd.DataFrame", text_column: str, id_column: str | None, model: str | None, rules_only: bool, batch_size: int
) -> tuple:
    # A missing value in a text column (NA, NaN) is reported as None is.
    texts = [None if _is_missing(v) else v for v in part[text_column].tolist()]
    ids = part[id_column].tolist() if id_column is not None else part.index.tolist()
    return _extract(texts, ids, model, rules_only, batch_size)


def _bag_partition(
    items: Any, offset: int, model: str | None, rules_only: bool, batch_size: int
) -> tuple:
    texts = list(items)
    return _extract(texts, list(range(offset, offset + len(texts))), model, rules_only, batch_size)


def extract_dask(
    data: "dask.dataframe.DataFrame | dask.dataframe.Series | dask.bag.Bag",
    *,
    text_column: str = "text",
    id_column: str | None = None,
    meta: "pd.DataFrame | None" = None,
    model: str | None = None,
    rules_only: bool = False,
    batch_size: int = 64,
    return_errors: bool = False,
) -> "dask.dataframe.DataFrame | tuple[dask.dataframe.DataFrame, dask.dataframe.DataFrame]":
    """The entities of every document of a Dask collection, as a lazy Dask DataFrame.

    Args:
        data: a Dask DataFrame with a ``text_column`` (ids from ``id_column``,
            else from the index), a Dask Series of texts (ids from the index),
            or a Dask Bag of texts (ids are the global positions 0, 1, 2 …, as
            in ``extract_many``).
        text_column: the column holding the texts (``str``, or ``bytes`` to
            be decoded; a missing value is reported as an error).
        id_column: the column giving the ``doc_id``; default: the index.
        meta: the result's meta; default ``cluster_ner.frame.empty_frame()``,
            i.e. exactly the columns and dtypes of ``cluster_ner.COLUMNS``.
        model: a pipeline directory, as for :func:`cluster_ner.load`; it must
            exist at that path on the workers. Default: the shipped pipeline.
        rules_only: ignore the trained model (rules only).
        batch_size: documents per ``nlp.pipe`` batch inside a partition.
        return_errors: also return the error records (columns of
            ``cluster_ner.frame.ERROR_COLUMNS``: ``doc_id, error, message``)
            as a second Dask DataFrame.

    Returns:
        The rows, one partition per input partition, identical to
        ``extract_many`` on the same texts; with ``return_errors=True`` a
        ``(rows, errors)`` pair built from the same tasks: compute them
        together (``dask.compute(rows, errors)``, or ``persist``) so that each
        partition is extracted once.

    A document that fails never loses its partition: it has no rows and one
    error record. The pipeline is loaded once per worker process
    (:func:`worker_pipeline`).
    """
    _require_dask()
    import dask.bag as db
    import dask.dataframe as dd
    from dask import delayed

    options = (model if model is None else str(model), bool(rules_only), max(int(batch_size), 1))
    if isinstance(data, dd.Series):
        data = data.to_frame(name=text_column)
    if isinstance(data, dd.DataFrame):
        columns = [text_column] + ([id_column] if id_column is not None and id_column != text_column else [])
        for column in columns:
            if column not in data.columns:
                raise KeyError(NO_COLUMN.format(column=column, columns=list(data.columns)))
        parts = data[columns].to_delayed()
        results = [
            delayed(_frame_partition, pure=True)(part, text_column, id_column, *options) for part in parts
        ]
    elif isinstance(data, db.Bag):
        parts = data.to_delayed()
        results = []
        offset: Any = 0
        for part in parts:  # offsets: running sum of the partition lengths, computed by the graph
            results.append(delayed(_bag_partition, pure=True)(part, offset, *options))
            offset = delayed(operator.add, pure=True)(offset, delayed(len, pure=True)(part))
    else:
        raise TypeError(NOT_A_COLLECTION.format(column=text_column, type_name=type(data).__name__))
    rows = dd.from_delayed([r[0] for r in results], meta=empty_frame() if meta is None else meta)
    if not return_errors:
        return rows
    errors = dd.from_delayed([r[1] for r in results], meta=frame_from_rows((), ERROR_COLUMNS))
    return rows, errors
