"""Robustness: every bad input gets a clear answer, a batch never loses a document.

One table of named hostile inputs, each with what ``extract`` must give: a
``TypeError`` naming the argument, an ``InputDecodeError`` naming the encodings
tried, or a frame whose spans are valid (``0 <= start < end <= len(text)``,
``text[start:end] == row.text``, sorted, non-overlapping) and, where stated,
contain given entities. The same table runs through ``extract_many``.
"""

from __future__ import annotations

import re
import time
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pytest
from spacy.language import Language

import cluster_ner
from cluster_ner import InputDecodeError
from cluster_ner.documents import CHUNK_CHARS, chunk_spans
from cluster_ner.inputs import coerce_text
from conftest import POISON

SENT = "工信部公布45个国家先进制造业集群。"
TRAD = "長沙市工程機械產業集群產值突破3000億元。"
LINE = "工信部公布45个国家先进制造业集群，2023年产值超过20万亿元，同比增长12.5%。"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Raises:
    exc: type[BaseException]
    match: str


@dataclass(frozen=True)
class Frame:
    """A valid frame; ``has`` lists (label, text) rows that must be in it."""

    has: tuple[tuple[str, str], ...] = ()
    empty: bool = False


TYPE = Raises(TypeError, r"^text must be str \(or bytes to be decoded\), got ")
UNDECODABLE = Raises(InputDecodeError, r"could not decode \d+ bytes .*\(utf-8, gb18030, big5\)")
OK = Frame()
EMPTY = Frame(empty=True)
GOV_45 = Frame(has=(("GOV", "工信部"), ("METRIC", "45个")))


CASES = [
    # wrong types
    pytest.param(None, TYPE, id="none"),
    pytest.param(42, TYPE, id="int"),
    pytest.param(3.14, TYPE, id="float"),
    pytest.param(float("nan"), TYPE, id="nan"),
    pytest.param(True, TYPE, id="bool"),
    pytest.param([SENT], TYPE, id="list"),
    pytest.param({"text": SENT}, TYPE, id="dict"),
    pytest.param((SENT,), TYPE, id="tuple"),
    # bytes
    pytest.param(SENT.encode("utf-8"), GOV_45, id="bytes-utf8"),
    pytest.param(SENT.encode("utf-8-sig"), GOV_45, id="bytes-utf8-bom"),
    pytest.param(SENT.encode("gb18030"), GOV_45, id="bytes-gb18030"),
    pytest.param(SENT.encode("gbk"), GOV_45, id="bytes-gbk"),
    pytest.param(TRAD.encode("big5"), Frame(has=(("CLUSTER", "長沙市工程機械產業集群"),)), id="bytes-big5"),
    pytest.param(bytearray(SENT.encode("utf-8")), GOV_45, id="bytearray"),
    pytest.param(b"\xff\xfe\xfa\x80\x81\xff", UNDECODABLE, id="bytes-undecodable"),
    pytest.param(b"\x81", UNDECODABLE, id="bytes-truncated-gb"),
    pytest.param(b"", EMPTY, id="bytes-empty"),
    # empty and blank
    pytest.param("", EMPTY, id="empty"),
    pytest.param(" \t\n\u3000\r\n ", EMPTY, id="whitespace-only"),
    pytest.param("\x01\x02\x1b[31m\x7f\x9f", EMPTY, id="control-chars"),
    pytest.param("工信部\x00公布45个\x00集群", GOV_45, id="nul-bytes"),
    pytest.param("\x00" * 1000, EMPTY, id="nul-only"),
    # invisible and odd code points
    pytest.param("工信\ud800部公布45个", Frame(has=(("METRIC", "45个"),)), id="lone-surrogate"),
    pytest.param("\udfff\ud800" * 50, EMPTY, id="surrogates-only"),
    pytest.param("🚀工信部公布45个😀国家先进制造业集群", GOV_45, id="emoji"),
    pytest.param("工\u200b信部公布45个", Frame(has=(("GOV", "工\u200b信部"),)), id="zero-width-in-entity"),
    pytest.param("\ufeff工\u2060信\u200d部公布45个", OK, id="bom-and-joiners"),
    pytest.param("\u200f工信部\u200e公布45个\u202b集群\u202c", GOV_45, id="rtl-marks"),
    pytest.param("e\u0301\u0300\u0301" * 200 + SENT, GOV_45, id="combining-marks"),
    # markup
    pytest.param("<p>工信部</p>公布<b>45个</b>国家先进制造业集群&nbsp;&amp;。", GOV_45, id="html-tags"),
    pytest.param("&#24037;&#20449;&#37096;公布45个", OK, id="html-numeric-entities"),
    pytest.param("<script>var a = '<工信部>';</script><!-- 工信部 -->", OK, id="html-script-comment"),
    pytest.param("<" * 5000 + "&" * 5000 + "<!--" * 1000, EMPTY, id="html-unclosed"),
    pytest.param("&#xD800;&#0;&#1114112;&#99999999;工信部", OK, id="html-bad-entities"),
    # brackets and pinyin
    pytest.param("產(chǎn業集群(((工信部", Frame(has=(("GOV", "工信部"),)), id="unbalanced-pinyin"),
    pytest.param("(((", EMPTY, id="open-parens"),
    pytest.param(")))]]]}}}」」", EMPTY, id="close-brackets"),
    pytest.param(
        "長沙市工程機械產(chǎn)業(yè)集群產值突破3000億元。",
        Frame(has=(("CLUSTER", "長沙市工程機械產(chǎn)業(yè)集群"), ("METRIC", "3000億元"))),
        id="traditional-with-pinyin",
    ),
    pytest.param("產" + "(chǎn)" * 2000, OK, id="pinyin-flood"),
    # garbled and mixed scripts
    pytest.param("å·¥ä¿¡éƒ¨å…¬å¸ƒ工信部公布45个", GOV_45, id="mojibake-latin1"),
    pytest.param("锟斤拷烫烫烫屯屯屯" * 50 + SENT, OK, id="mojibake-gbk"),
    pytest.param("\ufffd" * 100 + SENT, OK, id="replacement-chars"),
    pytest.param("مرحبا Привет hello 工信部公布45个国家先进制造业集群", GOV_45, id="mixed-scripts"),
    pytest.param("\ue000\uf8ff" * 100, EMPTY, id="private-use"),
    # layout
    pytest.param("工信部公布45个集群。\r\n浙江省经信厅发布。\r\n", Frame(has=(("GOV", "浙江省经信厅"),)), id="crlf"),
    pytest.param("工信部\t公布\t45个\t集群", OK, id="tabs"),
    pytest.param("工信部公布４５个国家先进制造业集群。", Frame(has=(("METRIC", "４５个"),)), id="full-width"),
    pytest.param("\n" * 10000, EMPTY, id="newlines-only"),
    # content edge cases
    pytest.param("1234567890" * 100, OK, id="numbers-only"),
    pytest.param("。，！？；：、…—（）《》“”" * 100, EMPTY, id="punctuation-only"),
    pytest.param("工信部", Frame(has=(("GOV", "工信部"),)), id="exactly-one-entity"),
    pytest.param("工信部公布45个国家先进制造业集", OK, id="ends-mid-entity"),
    pytest.param("集", EMPTY, id="one-char"),
    # large
    pytest.param(LINE * (2_000_000 // len(LINE.encode()) + 1), GOV_45, id="2mb-single-line"),
    pytest.param("工" * 1_000_000, EMPTY, id="1m-same-char"),
    pytest.param("工信部" * 100_000, OK, id="gov-x100000"),
    # pathological for the grammar: linear in time and memory (bench/pathological.py measures them)
    pytest.param("1%—" * 330 + "1%", Frame(has=(("METRIC", "1%—" * 330 + "1%"),)), id="chained-ranges"),
    pytest.param("超万" * 5000, OK, id="multiplier-soup"),
    pytest.param("1万" * 5000 + "元", OK, id="numeral-of-5000-groups"),
    pytest.param("百千万亿" * 2000, OK, id="every-multiplier"),
    pytest.param("百分之" * 3000, OK, id="open-fractions"),
    pytest.param("位居第1" * 2000, OK, id="ranks"),
    pytest.param("市政府" * 3000, OK, id="abbreviations"),
    pytest.param("杭州，市政府。" * 1000, Frame(has=(("GOV", "市政府"),)), id="place-and-abbreviation"),
    pytest.param("省经信厅" * 2000, OK, id="provincial-abbreviations"),
    pytest.param("丽水市工信局表示产值达5亿元\r" * 500, Frame(has=(("METRIC", "5亿元"),)), id="cr-line-ends"),
    pytest.param("丽水市工信局表示产值达5亿元\u2028" * 500, Frame(has=(("METRIC", "5亿元"),)), id="line-separators"),
    pytest.param("丽水市工信局表示产值达5亿元\x85" * 500, Frame(has=(("METRIC", "5亿元"),)), id="next-line-chars"),
]


@lru_cache(maxsize=None)
def _case_values() -> dict[str, Any]:
    return {p.id: p.values[0] for p in CASES}


def _as_text(value: Any) -> str:
    """The text the offsets refer to: the input decoded, surrogates as U+FFFD."""
    return _SURROGATE.sub("\ufffd", coerce_text(value))


def assert_spans_valid(text: str, df) -> None:
    assert list(df.columns) == list(cluster_ner.COLUMNS)
    prev_end = 0
    for row in df.itertuples():
        start, end = int(row.start), int(row.end)
        assert 0 <= start < end <= len(text), (start, end, len(text))
        assert text[start:end] == row.text
        assert start >= prev_end, "rows overlap or are not sorted"
        prev_end = end


@lru_cache(maxsize=None)
def _extract_once(case_id: str):
    return cluster_ner.extract(_case_values()[case_id])


def test_table_size():
    assert len(CASES) >= 40
    assert len({p.id for p in CASES}) == len(CASES)


@pytest.mark.parametrize("value, expect", CASES)
def test_extract_bad_input(request, value, expect):
    case_id = request.node.callspec.id
    if isinstance(expect, Raises):
        with pytest.raises(expect.exc, match=expect.match):
            cluster_ner.extract(value)
        return
    df = _extract_once(case_id)
    assert_spans_valid(_as_text(value), df)
    if expect.empty:
        assert df.empty
    got = {(r.label, r.text) for r in df.itertuples()}
    for label, text in expect.has:
        assert (label, text) in got, (label, text, sorted(got)[:10])


def test_extract_many_whole_table():
    values = [p.values[0] for p in CASES]
    ids = [p.id for p in CASES]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows, errors = cluster_ner.extract_many(values, ids=ids, return_errors=True)
    invalid = {p.id: p.values[1] for p in CASES if isinstance(p.values[1], Raises)}
    assert sorted(errors["doc_id"]) == sorted(invalid)
    for rec in errors.itertuples():
        assert rec.error == invalid[rec.doc_id].exc.__name__
        assert re.search(invalid[rec.doc_id].match.replace("^text", r"^texts\[.*\]"), rec.message), rec.message
    assert len([w for w in caught if "failed" in str(w.message)]) == 1
    for case_id in ids:
        if case_id in invalid:
            assert not (rows["doc_id"] == case_id).any()
            continue
        mine = rows[rows["doc_id"] == case_id].reset_index(drop=True)
        single = _extract_once(case_id).assign(doc_id=case_id)
        single["doc_id"] = single["doc_id"].astype("string")
        assert mine.equals(single.reset_index(drop=True)), case_id


# --- long texts: pieces cut at sentence ends --------------------------------------


def test_chunks_tile_the_text_and_respect_the_limit():
    text = (LINE * 7000)[:123_457]
    spans = chunk_spans(text, CHUNK_CHARS)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= CHUNK_CHARS for s, e in spans)
    assert all(text[e - 1] == "。" for s, e in spans[:-1])
    assert chunk_spans("工" * 25, 10) == [(0, 10), (10, 20), (20, 25)]  # hard cut
    assert chunk_spans("ab，cdefghijklmn", 10) == [(0, 3), (3, 13), (13, 15)]  # clause mark
    assert chunk_spans("ab。」cdefghijklmn", 10)[0] == (0, 4)  # 。」 stay together


def test_entity_across_a_naive_cut_is_kept():
    entity = "浙江省经信厅"
    filler = "这是一句没有实体的普通句子。"
    head = filler * ((CHUNK_CHARS - 3) // len(filler))
    head += "，" * (CHUNK_CHARS - 3 - len(head))  # the entity starts 3 characters before a naive cut
    text = head + entity + "发布通知。" + filler * 100
    assert text[CHUNK_CHARS - 3 : CHUNK_CHARS + 3] == entity
    df = cluster_ner.extract(text)
    assert_spans_valid(text, df)
    gov = [(r.text, int(r.start)) for r in df.itertuples() if r.label == "GOV"]
    assert (entity, CHUNK_CHARS - 3) in gov
    row = df[df["text"] == entity].iloc[0]
    assert row["sentence"].endswith(entity + "发布通知。")  # the raw sentence, not a piece of it


def test_long_text_rows_match_short_texts_and_extract_many():
    sentences = [LINE, "長沙市工程機械產(chǎn)業(yè)集群產值突破3000億元。", "浙江省经信厅发布通知。\n"]
    text = "".join(sentences[i % 3] for i in range(9000))  # > 2 pieces, pieces differ
    assert len(text) > 2 * CHUNK_CHARS
    df = cluster_ner.extract(text, doc_id="d")
    assert_spans_valid(text, df)
    n_per_cycle = sum(len(cluster_ner.extract(s)) for s in sentences)
    assert len(df) == n_per_cycle * 3000
    many = cluster_ner.extract_many([text], ids=["d"])
    assert many.equals(df)


def test_small_max_length_pipeline(nlp):
    import copy

    small = copy.copy(nlp)  # only max_length differs
    small.max_length = 50
    text = SENT * 20
    df = cluster_ner.extract(text, nlp=small)
    assert_spans_valid(text, df)
    assert len(df) == len(cluster_ner.extract(text))


# --- linear time -----------------------------------------------------------------

HOSTILE = [
    pytest.param("工", 4000, id="han"),
    pytest.param("工信部", 4000, id="gov"),
    pytest.param("。", 4000, id="punct"),
    pytest.param("(", 4000, id="paren"),
    pytest.param("<a ", 4000, id="tag-open"),
    pytest.param("<!--", 4000, id="comment-open"),
    pytest.param("&#", 4000, id="entity-open"),
    pytest.param("產(chǎn", 4000, id="pinyin-open"),
    pytest.param("Ã©", 4000, id="mojibake"),
    pytest.param("\u200b", 4000, id="zero-width"),
    pytest.param("|", 4000, id="pipes"),
    pytest.param("产业集群", 4000, id="cluster-word"),
    pytest.param(LINE, 4000, id="sentence"),
    pytest.param("1", 4000, id="digits"),
    pytest.param("十", 4000, id="cn-digits"),
    pytest.param("万", 1000, id="multipliers"),
    # the classes the second reliability audit found superlinear
    pytest.param("超万", 2000, id="over-ten-thousand"),
    pytest.param("1万", 2000, id="numeral-groups"),
    pytest.param("百千万亿", 2000, id="every-multiplier"),
    pytest.param("百分之", 2000, id="open-fractions"),
    pytest.param("位居第1", 2000, id="ranks"),
    pytest.param("市政府", 2000, id="abbreviations"),
    pytest.param("杭州，市政府。", 2000, id="place-and-abbreviation"),
    pytest.param("省经信厅", 2000, id="provincial-abbreviations"),
    pytest.param("1%—", 2000, id="chained-ranges"),
    # the classes the metric-context work had to keep linear
    pytest.param("|1|2|\n", 1200, id="table-rows"),
    pytest.param("12 34 56\n", 1200, id="blank-spaced-rows"),
    pytest.param("2023年，全市产值增长5%；", 1200, id="periods-and-semicolons"),
    pytest.param("江阴市、张家港市分列第二、", 1200, id="lists"),
]


def _seconds(nlp: Language, text: str) -> float:
    """Best of three runs of everything extract does: the pipeline, the rows, the frame."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        cluster_ner.extract(text, nlp=nlp)
        best = min(best, time.perf_counter() - t0)
    return best


@pytest.mark.parametrize("unit, small", HOSTILE)
def test_linear_time(nlp, unit, small):
    """A complexity check, not a speed check: four times the text may take at most
    ~8x the time (quadratic gives 16x), whatever the machine's speed."""
    big = 4 * small
    nlp(unit)  # warm up
    t_small = _seconds(nlp, unit * (small // len(unit) or 1))
    t_big = _seconds(nlp, unit * (big // len(unit) or 1))
    assert t_big < 8 * t_small + 0.05, (t_small, t_big)


# --- batches never lose a document -------------------------------------------------

def _poisoned_batch() -> tuple[list[Any], set[int]]:
    docs: list[Any] = [f"{SENT}第{i}号" for i in range(1000)]
    poison = [None, 7, 3.5, b"\xff\xfe\xfa\x80", f"{SENT}{POISON}"]
    bad = set(range(3, 1000, 20))
    for n, i in enumerate(sorted(bad)):
        docs[i] = poison[n % len(poison)]
    assert len(bad) == 50
    return docs, bad


def test_batch_keeps_every_good_document(poison_nlp):
    docs, bad = _poisoned_batch()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows, errors = cluster_ner.extract_many(docs, nlp=poison_nlp, return_errors=True)
    assert len([w for w in caught if "failed" in str(w.message)]) == 1
    assert sorted(errors["doc_id"].astype(int)) == sorted(bad)
    assert set(errors["error"]) == {"TypeError", "InputDecodeError", "RuntimeError"}
    assert errors["message"].str.len().min() > 0
    good_ids = {str(i) for i in range(1000) if i not in bad}
    assert set(rows["doc_id"]) == good_ids
    expected = cluster_ner.extract(docs[0], nlp=poison_nlp)
    assert (rows.groupby("doc_id").size() == len(expected)).all()


def test_batch_raise_stops_at_the_first_failure(poison_nlp):
    docs = [SENT, SENT, f"{SENT}{POISON}", None, SENT]
    with pytest.raises(RuntimeError, match="poisoned"):
        cluster_ner.extract_many(docs, nlp=poison_nlp, on_error="raise")
    seen = []
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        for frame in cluster_ner.iter_frames([SENT, None, f"{SENT}{POISON}"], nlp=poison_nlp, on_error="raise"):
            seen.append(frame)
    assert len(seen) == 1  # documents before the failure were delivered


def test_iter_frames_yields_every_document(poison_nlp):
    docs, bad = _poisoned_batch()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frames = list(cluster_ner.iter_frames(docs, nlp=poison_nlp, batch_size=32))
    assert len(frames) == 1000
    assert all(frames[i].empty for i in bad)
    assert all(not frames[i].empty for i in range(1000) if i not in bad)
    assert len([w for w in caught if "failed" in str(w.message)]) == 1
