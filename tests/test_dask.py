"""cluster_ner.dask on a local distributed cluster: two worker processes on loopback."""

from __future__ import annotations

import json
import warnings
from itertools import cycle, islice
from pathlib import Path

import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import pandas as pd  # noqa: E402
from pandas.testing import assert_frame_equal  # noqa: E402

import cluster_ner  # noqa: E402
from cluster_ner.dask import extract_dask, pipeline_cache_info  # noqa: E402
from cluster_ner.frame import COLUMNS, ERROR_COLUMNS, empty_frame  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def texts(n: int) -> list[str]:
    with open(ROOT / "corpus" / "train.jsonl", encoding="utf-8") as f:
        all_texts = [json.loads(line)["text"] for line in f]
    return list(islice(cycle(all_texts), n))


def by_doc(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["doc_id", "start", "end", "label"], kind="stable").reset_index(drop=True)


def expected(docs: list, ids: list | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cluster_ner.extract_many(docs, ids=ids, return_errors=True)


def test_dataframe_input(client):
    docs = texts(60)
    ids = [f"news-{i:03d}" for i in range(60)]
    ddf = dd.from_pandas(pd.DataFrame({"id": ids, "text": docs, "other": range(60)}), npartitions=4)
    rows = extract_dask(ddf, id_column="id")
    assert list(rows.columns) == list(COLUMNS)
    assert rows.dtypes.equals(empty_frame().dtypes)
    got = rows.compute()
    assert got.dtypes.equals(empty_frame().dtypes)
    want, _ = expected(docs, ids)
    assert len(want) > 300
    assert_frame_equal(by_doc(got), by_doc(want))
    by_index = extract_dask(ddf).compute()  # ids from the index: 0 … 59, as extract_many's positions
    assert_frame_equal(by_doc(by_index), by_doc(expected(docs)[0]))


def test_bag_input(client):
    docs = texts(45)
    rows = extract_dask(db.from_sequence(docs, npartitions=5))  # ids: global positions
    got = rows.compute()
    assert got.dtypes.equals(empty_frame().dtypes)
    assert_frame_equal(by_doc(got), by_doc(expected(docs)[0]))


def test_poisoned_document_is_an_error_record_and_keeps_its_partition(client):
    docs: list = texts(20)
    docs[7] = None
    ddf = dd.from_pandas(pd.DataFrame({"text": docs}), npartitions=2)  # doc 7 shares a partition with 9 others
    rows, errors = extract_dask(ddf, return_errors=True)
    assert list(errors.columns) == list(ERROR_COLUMNS)
    rows, errors = dask.compute(rows, errors)
    assert list(errors["doc_id"]) == ["7"] and list(errors["error"]) == ["TypeError"]
    assert "must be str" in errors["message"].iloc[0]
    want, want_errors = expected(docs)
    assert_frame_equal(by_doc(rows), by_doc(want))
    assert {"6", "8"} <= set(rows["doc_id"])  # its neighbours in the partition kept their rows
    bag_rows, bag_errors = dask.compute(*extract_dask(db.from_sequence(docs, npartitions=3), return_errors=True))
    assert_frame_equal(by_doc(bag_rows), by_doc(want))
    assert_frame_equal(bag_errors.reset_index(drop=True), want_errors)


def test_pipeline_is_loaded_once_per_worker(client):
    extract_dask(db.from_sequence(texts(16), npartitions=8)).compute()
    info = client.run(pipeline_cache_info)
    assert len(info) == 2
    assert all(i.misses <= 1 for i in info.values()), info  # one load per worker process …
    assert sum(i.hits for i in info.values()) >= 6  # … reused by every later partition


def test_bad_inputs():
    with pytest.raises(TypeError, match="Dask DataFrame"):
        extract_dask(["a list"])
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="no column 'text'"):
        extract_dask(ddf)
