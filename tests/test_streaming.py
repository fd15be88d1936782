"""Scale: progress bars, streaming in flat memory, worker processes, and the
same rows whichever way the documents go (one by one, a batch, processes, Dask)."""

from __future__ import annotations

import itertools
import json
import sys
import tracemalloc
import warnings
from itertools import islice
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import cluster_ner
from cluster_ner.attributes.quantity import PARSE_CACHE_SIZE
import cluster_ner.extract

from cluster_ner import progress as progress_mod
from cluster_ner import workers as workers_mod
from cluster_ner.frame import COLUMNS, ERROR_COLUMNS, empty_frame
from conftest import POISON

ROOT = Path(__file__).resolve().parents[1]
SENT = "浙江省经信厅发布通知，全省集群企业超400家。"
class Endless:
    """An endless generator of short documents that counts what was pulled."""

    def __init__(self) -> None:
        self.pulled = 0

    def __iter__(self):
        for i in itertools.count():
            self.pulled = i + 1
            yield f"{SENT}第{i}号"


def corpus_texts(n: int, name: str = "train.jsonl") -> list[str]:
    with open(ROOT / "corpus" / name, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    return list(islice(itertools.cycle(texts), n))


def sorted_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["doc_id", "start", "end", "label"], kind="stable").reset_index(drop=True)


# --- progress ------------------------------------------------------------------------


def test_progress_default_is_silent_under_pytest(capfd):
    texts = [SENT] * 5
    cluster_ner.extract_many(texts)
    list(cluster_ner.iter_frames(texts))
    list(cluster_ner.iter_frames(iter(texts), per="batch", batch_size=2))
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_progress_true_writes_a_bar(capfd):
    cluster_ner.extract_many([SENT] * 5, progress=True)
    err = capfd.readouterr().err
    assert "cluster_ner" in err and "5/5" in err and "100%" in err
    list(cluster_ner.iter_frames((t for t in [SENT] * 3), progress=True))  # unknown length
    err = capfd.readouterr().err
    assert "cluster_ner" in err and "3doc" in err


def test_progress_false_is_silent_even_on_a_terminal(capfd, monkeypatch):
    monkeypatch.setattr(progress_mod, "_stderr_is_terminal", lambda: True)
    cluster_ner.extract_many([SENT] * 3, progress=False)
    assert capfd.readouterr().err == ""
    auto = progress_mod._Progress(None, 10)  # on a terminal: on, after a delay
    assert auto.enabled and auto.delay == progress_mod.PROGRESS_DELAY
    assert not progress_mod._Progress(False, 10).enabled
    monkeypatch.setattr(progress_mod, "_stderr_is_terminal", lambda: False)
    assert not progress_mod._Progress(None, 10).enabled


# --- streaming -----------------------------------------------------------------------


def test_endless_generator_is_read_lazily():
    source = Endless()
    stream = cluster_ner.iter_frames(source, batch_size=8)
    frames = list(islice(stream, 20))
    stream.close()
    assert len(frames) == 20
    assert [f["doc_id"].iloc[0] for f in frames] == [str(i) for i in range(20)]
    assert source.pulled <= 20 + 8  # one batch of look-ahead at most


def test_per_batch_yields_one_frame_per_batch():
    source = Endless()
    stream = cluster_ner.iter_frames(source, per="batch", batch_size=8)
    frames = list(islice(stream, 3))
    stream.close()
    assert source.pulled == 24
    assert [sorted(set(f["doc_id"]), key=int) for f in frames] == [
        [str(i) for i in range(k * 8, k * 8 + 8)] for k in range(3)
    ]
    texts = [SENT, "", "没有实体。", SENT * 2, None, SENT]
    with pytest.warns(UserWarning, match="1 document"):
        per_doc = list(cluster_ner.iter_frames(texts, batch_size=4))
    with pytest.warns(UserWarning, match="1 document"):
        per_batch = list(cluster_ner.iter_frames(texts, batch_size=4, per="batch"))
    assert len(per_doc) == 6 and len(per_batch) == 2
    assert all(list(f.columns) == list(COLUMNS) for f in per_doc + per_batch)
    assert_frame_equal(
        pd.concat(per_batch, ignore_index=True), pd.concat(per_doc, ignore_index=True)
    )


def test_bad_options_fail_at_the_call():
    with pytest.raises(ValueError, match="per must be"):
        cluster_ner.iter_frames([SENT], per="page")
    with pytest.raises(ValueError, match="on_error"):
        cluster_ner.iter_frames([SENT], on_error="ignore")
    with pytest.raises(ValueError, match="n_process"):
        cluster_ner.extract_many([SENT], n_process=0)


def test_stream_errors_go_to_the_list_and_one_warning(poison_nlp):
    texts = [SENT, None, f"{SENT}{POISON}", SENT, b"\xff\xfe\xfa\x80"]
    errors: list[dict] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frames = list(cluster_ner.iter_frames(texts, nlp=poison_nlp, errors=errors, batch_size=2))
    assert [f.empty for f in frames] == [False, True, True, False, True]
    assert [(e["doc_id"], e["error"]) for e in errors] == [
        ("1", "TypeError"),
        ("2", "RuntimeError"),
        ("4", "InputDecodeError"),
    ]
    assert all(set(e) == set(ERROR_COLUMNS) and e["message"] for e in errors)
    failed = [w for w in caught if "failed" in str(w.message)]
    assert len(failed) == 1 and "3 document(s)" in str(failed[0].message)
    assert failed[0].filename == __file__  # points at the caller's loop


def _stream_peaks(n_small: int, n_large: int, batch_size: int = 100) -> tuple[int, int, int]:
    def docs():
        for i in itertools.count():
            yield f"超{i}家"

    # Traced from the start, so that the bounded caches filled while warming up
    # (lazy resources, parsed surfaces) count at their full size; peaks are read after.
    tracemalloc.start()
    warm = cluster_ner.iter_frames(islice(docs(), PARSE_CACHE_SIZE + batch_size), per="batch", batch_size=batch_size)
    for _ in warm:
        pass
    tracemalloc.reset_peak()
    n = rows = 0
    peak_small = 0
    try:
        for frame in cluster_ner.iter_frames(docs(), per="batch", batch_size=batch_size):
            n += batch_size
            rows += len(frame)
            if n == n_small:
                peak_small = tracemalloc.get_traced_memory()[1]
            if n >= n_large:
                break
        peak_large = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return rows, peak_small, peak_large


@pytest.mark.slow
def test_stream_memory_is_flat():
    """Streaming 20,000 documents peaks no higher than ~2x streaming 2,000."""
    rows, peak_2k, peak_20k = _stream_peaks(2_000, 20_000)
    assert rows == 20_000  # one METRIC per document
    assert peak_20k <= 2 * peak_2k, (peak_2k, peak_20k)


def test_stream_memory_is_flat_quick():
    """The same check on 2,000 documents against 200 (for `make test-fast`)."""
    rows, peak_small, peak_large = _stream_peaks(200, 2_000)
    assert rows == 2_000
    assert peak_large <= 2 * peak_small, (peak_small, peak_large)


# --- worker processes --------------------------------------------------------------


def test_processes_give_the_same_rows_as_one():
    texts = corpus_texts(200)
    one = cluster_ner.extract_many(texts)
    two = cluster_ner.extract_many(texts, n_process=2, batch_size=16)
    assert len(one) > 1000
    assert_frame_equal(two, one)
    frames = list(cluster_ner.iter_frames(texts, n_process=2, batch_size=16))
    assert len(frames) == 200
    assert_frame_equal(pd.concat(frames, ignore_index=True), one)


def test_processes_keep_every_document_and_stream(poison_nlp):
    texts = [f"{SENT}第{i}号" for i in range(60)]
    texts[5], texts[33], texts[47] = None, f"{SENT}{POISON}", 3.5
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = cluster_ner.extract_many(texts, nlp=poison_nlp, batch_size=8, return_errors=True)
        two = cluster_ner.extract_many(texts, nlp=poison_nlp, batch_size=8, n_process=2, return_errors=True)
    assert_frame_equal(two[0], one[0])
    assert_frame_equal(two[1], one[1])
    assert list(one[1]["error"]) == ["TypeError", "RuntimeError", "TypeError"]
    with pytest.raises(RuntimeError, match="poisoned"):
        cluster_ner.extract_many(texts[6:], nlp=poison_nlp, batch_size=8, n_process=2, on_error="raise")
    source = Endless()  # an endless stream through the pool reads a bounded look-ahead
    stream = cluster_ner.iter_frames(source, n_process=2, batch_size=8)
    frames = list(islice(stream, 20))
    stream.close()
    assert [f["doc_id"].iloc[0] for f in frames] == [str(i) for i in range(20)]
    assert source.pulled <= 20 + 8 * 2 * workers_mod.IN_FLIGHT + 8


# --- one document, a batch, processes, Dask: the same rows ----------------------------


def mixed_documents() -> list:
    dev = corpus_texts(30, "dev.jsonl")
    extra = [
        "",
        "   \n",
        "龍口市工信局表示，龍口市交通鋁材特色產(chǎn)業(yè)集群擁有企業(yè)243家，規劃面積約90平方公里。",
        "<p>工信部&nbsp;公布45个国家先进制造业集群</p>",
        "浙江省经信厅\u200b发布通知🚀，集群企业超400家（",
        "广东省人民政府印发通知。".encode("gb18030"),
        "臺中市政府經濟發展局表示，精密機械產業集群產值逾1兆元。".encode("big5"),
        None,
        42,
        b"\xff\xfe\xfa\x80",
        "\n".join(dev[:4]),  # a longer document
        "没有实体的一句话。",
        "市工信局称，全市规上企业超过1200家，占比约三成。",
        "2/3的企业位于园区；集群产值增长12.5%。",
        "長沙市工程機械產(chǎn)業(yè)集群產值突破3000億元。",
        "丽水经开区党工委召开会议。",
        "第4名",
        "工信部公布45个国家先进制造业集群" * 20,
        "\ud800孤立代理项，工信部发布。",
        "镇政府和县商务局联合发文。",
    ]
    return dev + extra


def _dask_available() -> bool:
    try:
        import dask.bag  # noqa: F401
        import dask.dataframe  # noqa: F401
    except ImportError:
        return False
    return True


def test_one_document_batch_processes_and_dask_agree():
    texts = mixed_documents()
    assert len(texts) == 50

    singles, single_errors = [], []
    for i, text in enumerate(texts):
        try:
            singles.append(cluster_ner.extract(text, doc_id=i))
        except (TypeError, cluster_ner.InputDecodeError) as exc:
            single_errors.append((str(i), type(exc).__name__))
    one_by_one = sorted_rows(pd.concat(singles, ignore_index=True))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        batch, batch_errors = cluster_ner.extract_many(texts, return_errors=True)
        procs, procs_errors = cluster_ner.extract_many(texts, n_process=2, batch_size=8, return_errors=True)
        stream_errors: list[dict] = []
        streamed = pd.concat(
            cluster_ner.iter_frames(texts, n_process=2, batch_size=8, per="batch", errors=stream_errors),
            ignore_index=True,
        )
    assert len(batch) > 300
    assert [(r.doc_id, r.error) for r in batch_errors.itertuples()] == single_errors
    assert_frame_equal(sorted_rows(batch), one_by_one)
    assert_frame_equal(sorted_rows(procs), one_by_one)
    assert_frame_equal(sorted_rows(streamed), one_by_one)
    assert_frame_equal(procs_errors, batch_errors)
    assert_frame_equal(pd.DataFrame(stream_errors).astype("string"), batch_errors)

    if not _dask_available():
        return
    import dask
    import dask.bag as db

    from cluster_ner.dask import extract_dask

    rows, errors = extract_dask(db.from_sequence(texts, npartitions=4), return_errors=True)
    with dask.config.set(scheduler="processes", num_workers=2):
        rows, errors = dask.compute(rows, errors)
    assert_frame_equal(sorted_rows(rows), one_by_one)
    assert_frame_equal(errors.reset_index(drop=True), batch_errors)


def test_dask_module_says_how_to_install_when_missing(monkeypatch):
    from cluster_ner import dask as cn_dask

    monkeypatch.setitem(sys.modules, "dask.dataframe", None)  # import dask.dataframe -> ImportError
    with pytest.raises(ImportError, match=r"pip install cluster_ner\[dask\]"):
        cn_dask.extract_dask([SENT])


def test_empty_inputs():
    assert_frame_equal(cluster_ner.extract_many([]), empty_frame())
    assert list(cluster_ner.iter_frames([])) == []
    assert list(cluster_ner.iter_frames(iter([]), per="batch")) == []
