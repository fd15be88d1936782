"""Reliability on long and hostile input: bounded rows, one-pass results for any length,
no silent loss, clear messages, and worker processes that never take a run down."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import warnings

import pytest
from spacy.language import Language

import cluster_ner
from cluster_ner import documents
from cluster_ner.errors import WorkerCrashError
from cluster_ner.frame import CUT_MARK, SENTENCE_CONTEXT
from conftest import ROOT

FILLER = "这是一句没有实体的普通句子。"


# --- the sentence column stays bounded --------------------------------------------------


def test_a_text_without_sentence_ends_gives_bounded_sentences():
    df = cluster_ner.extract("超万" * 10000)
    assert len(df) == 10000
    longest = int(df["sentence"].str.len().max())
    assert longest <= 2 * SENTENCE_CONTEXT + 2 * len(CUT_MARK) + 2
    middle = df.iloc[5000]["sentence"]
    assert middle.startswith(CUT_MARK) and middle.endswith(CUT_MARK)


def test_the_frame_of_a_soup_stays_small():
    df = cluster_ner.extract("超万" * 10000)
    assert df.memory_usage(deep=True).sum() < 40_000_000  # was 574 MB before sentences were bounded


@pytest.mark.parametrize("end", ["\r", "\u2028", "\x85"])
def test_line_separators_end_a_sentence(end):
    text = f"丽水市工信局表示产值达5亿元{end}龙口市工信局表示产值达3亿元{end}"
    sentences = cluster_ner.extract(text)["sentence"].tolist()
    assert sentences[0] == sentences[1] == "丽水市工信局表示产值达5亿元"
    assert sentences[-1] == "龙口市工信局表示产值达3亿元"


# --- long texts: the rows one pass would give ----------------------------------------------


@pytest.fixture(scope="module")
def one_pass():
    """``one_pass(text)``: the rows of ``text`` read as one Doc, to compare the pieces with."""
    nlp = cluster_ner.load()
    nlp.max_length = 10**8

    def run(text: str):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(documents, "CHUNK_CHARS", 10**8)
            return cluster_ner.extract(text, nlp=nlp)

    return run


def test_an_entity_at_the_end_of_a_long_text_is_found():
    text = "啊" * 99_995 + "浙江省经信厅"
    df = cluster_ner.extract(text)
    assert [(r.text, r.start, r.end, r.canonical) for r in df.itertuples()] == [
        ("浙江省经信厅", 99_995, 100_001, "浙江省经济和信息化厅")
    ]


def test_an_entity_across_a_hard_cut_is_whole():
    text = "啊" * (documents.CHUNK_CHARS - 2 * documents.OVERLAP_CHARS - 3) + "浙江省经信厅发布" + "啊" * 5000
    assert [r.text for r in cluster_ner.extract(text).itertuples()] == ["浙江省经信厅"]


def test_an_abbreviation_far_from_its_place_keeps_its_canonical_name():
    text = "杭州市召开大会。" + FILLER * 15_000 + "市政府将出台政策。"
    assert len(text) > 2 * documents.CHUNK_CHARS
    rows = cluster_ner.extract(text)
    assert rows.iloc[-1]["text"] == "市政府"
    assert rows.iloc[-1]["canonical"] == "杭州市人民政府"


def test_a_table_across_a_cut_keeps_its_values(one_pass):
    header = "| 园区 | 企业数（家） | 产值（亿元） |\n"
    rows = "".join(f"| 园区{i} | {100 + i % 50} | {i % 97}.5 |\n" for i in range(6000))
    text = FILLER * 6000 + "\n" + header + rows
    assert len(text) > documents.CHUNK_CHARS
    df = cluster_ner.extract(text)
    cells = df[df["sentence"].str.startswith("| 园区")]
    assert len(cells) == 2 * 6000  # every number of every row, before and after the cut
    assert df.equals(one_pass(text))


def test_a_cut_at_a_comma_keeps_the_whole_sentence():
    long_sentence = "，".join(["各地积极推进"] * 30) + "，浙江省经信厅发布通知。"
    text = "啊" * (documents.CHUNK_CHARS - 2 * documents.OVERLAP_CHARS - 100) + long_sentence
    row = cluster_ner.extract(text).iloc[0]
    assert row["sentence"].endswith("浙江省经信厅发布通知。") and "各地积极推进，各地积极推进" in row["sentence"]


def test_pieces_give_the_rows_of_one_pass(one_pass):
    docs = [json.loads(line)["text"] for line in (ROOT / "corpus" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    text = "\n".join(docs) * 20
    assert len(text) > 2 * 100_000
    pieces = cluster_ner.extract(text)  # the shipped pipeline, in pieces
    whole = one_pass(text)
    assert len(pieces) > 10_000
    assert pieces.equals(whole)


def test_a_later_piece_of_a_work_report_knows_whose_report_it_is(one_pass):
    filler = "各项工作稳步推进。" * ((documents.CHUNK_CHARS + 20_000) // 9)
    text = f"德化县政府工作报告\n{filler}\n德化县日用陶瓷产业集群产值增长8%。我们坚持项目为王，新签约亿元以上项目38个。"
    pieces = cluster_ner.extract(text)
    row = pieces[pieces.text == "38个"].iloc[0]
    assert (row["subject_kind"], row["subject"]) == ("place", "德化县")
    assert pieces.equals(one_pass(text))


# --- no silent loss -------------------------------------------------------------------------


def test_ids_that_run_out_are_an_error_not_a_shorter_result():
    with pytest.raises(ValueError, match="ids ran out after 2 items"):
        cluster_ner.extract_many(["工信部"] * 3, ids=iter(["a", "b"]))


def test_ids_of_another_length_are_refused_at_the_call():
    with pytest.raises(ValueError, match="ids has 2 items but texts has 3"):
        cluster_ner.extract_many(["工信部"] * 3, ids=["a", "b"])


def test_more_ids_than_texts_is_an_error():
    with pytest.raises(ValueError, match="ids has more items than texts"):
        cluster_ner.extract_many(iter(["工信部"] * 2), ids=iter(["a", "b", "c"]))


@pytest.mark.parametrize("texts", ["工信部公布45个集群", b"\xe5\xb7\xa5"])
def test_one_text_passed_as_texts_is_refused(texts):
    with pytest.raises(TypeError, match="texts must be an iterable of documents .* got one"):
        cluster_ner.extract_many(texts)


# --- messages that name the argument ---------------------------------------------------------


@pytest.mark.parametrize(
    "call, exc, match",
    [
        (lambda: cluster_ner.extract("工信部", nlp="zh"), TypeError, "^nlp must be a spaCy pipeline"),
        (lambda: cluster_ner.extract_many(None), TypeError, "^texts must be an iterable of documents .* got NoneType"),
        (lambda: cluster_ner.extract_many(["工信部"], batch_size=None), ValueError, "^batch_size must be a whole number"),
        (lambda: cluster_ner.extract_many(["工信部"], batch_size=float("nan")), ValueError, "^batch_size must be a whole number"),
        (lambda: cluster_ner.extract_many(["工信部"], batch_size=0), ValueError, "^batch_size must be a whole number"),
        (lambda: list(cluster_ner.iter_frames(["工信部"], nlp=42)), TypeError, "^nlp must be a spaCy pipeline"),
        (lambda: cluster_ner.extract("工信部", date="last year"), ValueError, "^date must be a date"),
        (lambda: cluster_ner.extract_many(["工信部"] * 2, dates=["2024"]), ValueError, "^dates has 1 items but texts has 2"),
    ],
    ids=["nlp-str", "texts-none", "batch-none", "batch-nan", "batch-zero", "iter-nlp-int", "date-words", "dates-short"],
)
def test_a_mistake_names_its_argument(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


def test_a_bad_date_in_a_batch_is_that_documents_error():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows, errors = cluster_ner.extract_many(["工信部公布45个集群"] * 3, dates=["2024", "someday", None], return_errors=True)
    assert errors["doc_id"].tolist() == ["1"] and errors["message"].str.startswith("dates[1] must be a date").all()
    assert sorted(set(rows["doc_id"])) == ["0", "2"]


# --- worker processes -----------------------------------------------------------------------

CRASH = "§CRASH§"


@Language.component("test_crash_worker")
def _crash_worker(doc):
    if CRASH in doc.text:
        os._exit(3)  # as a segfault in a native library would: no exception, the process is gone
    return doc


@pytest.fixture(scope="module")
def crash_nlp():
    nlp = cluster_ner.load(rules_only=True)
    nlp.add_pipe("test_crash_worker", first=True)
    return nlp


@pytest.mark.slow
def test_a_worker_crash_loses_only_the_documents_of_its_batch(crash_nlp):
    docs = [f"工信部公布{i}个集群。" for i in range(40)]
    docs[13] += CRASH
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows, errors = cluster_ner.extract_many(docs, nlp=crash_nlp, n_process=2, batch_size=5, return_errors=True)
    assert set(errors["doc_id"]) == {str(i) for i in range(10, 15)}  # the batch that held document 13
    assert set(errors["error"]) == {"WorkerCrashError"}
    assert set(rows["doc_id"]) == {str(i) for i in range(40)} - set(errors["doc_id"])


@pytest.mark.slow
def test_a_worker_crash_raises_the_librarys_error(crash_nlp):
    docs = [f"工信部公布{i}个集群。" for i in range(20)]
    docs[7] += CRASH
    with pytest.raises(WorkerCrashError, match="worker process died"):
        for _ in cluster_ner.iter_frames(docs, nlp=crash_nlp, n_process=2, batch_size=4, on_error="raise"):
            pass


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(")")[-1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_parent_is_killed():
    script = (
        "import itertools, multiprocessing, sys, cluster_ner\n"
        "texts = ('工信部公布45个集群。' for _ in itertools.count())\n"
        "frames = cluster_ner.iter_frames(texts, n_process=2, batch_size=8, progress=False)\n"
        "next(frames)\n"
        "print(' '.join(str(p.pid) for p in multiprocessing.active_children()), flush=True)\n"
        "for _ in frames: pass\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.time() + 15
        while time.time() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.2)
        assert not any(_alive(pid) for pid in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
