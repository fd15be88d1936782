"""The public API: extract, extract_many, to_frame, the frame's columns."""

from __future__ import annotations

import pandas as pd
import pytest

import cluster_ner
from cluster_ner.frame import COLUMNS

TEXT = "2023年，龍口市工信局表示，龍口市交通鋁材特色產(chǎn)業(yè)集群擁有企業(yè)243家。"


def test_extract_returns_rows_in_text_order_with_raw_offsets():
    df = cluster_ner.extract(TEXT, doc_id="d1")
    assert list(df.label) == ["GOV", "CLUSTER", "METRIC"]
    for row in df.itertuples():
        assert TEXT[row.start : row.end] == row.text
    assert df.text.iloc[1] == "龍口市交通鋁材特色產(chǎn)業(yè)集群"
    assert df.norm_text.iloc[1] == "龙口市交通铝材特色产业集群"
    assert set(df.doc_id) == {"d1"}


def test_sentence_column_is_the_raw_sentence():
    df = cluster_ner.extract("第一句。工信部发布通知。")
    assert df.sentence.iloc[0] == "工信部发布通知。"


def test_frame_has_the_documented_columns_and_dtypes():
    df = cluster_ner.extract(TEXT)
    assert list(df.columns) == list(COLUMNS)
    assert {c: str(df[c].dtype) for c in df.columns} == {c: str(pd.array([], dtype=d).dtype) for c, (d, _) in COLUMNS.items()}


def test_document_without_entities_gives_empty_frame_with_same_columns():
    empty = cluster_ner.extract("今天天气很好。")
    full = cluster_ner.extract(TEXT)
    assert len(empty) == 0
    assert list(empty.columns) == list(full.columns)
    assert list(empty.dtypes) == list(full.dtypes)


def test_extract_many_equals_extract_per_document():
    texts = [TEXT, "工信部发布45个国家先进制造业集群名单。", ""]
    many = cluster_ner.extract_many(texts)
    single = pd.concat([cluster_ner.extract(t, doc_id=str(i)) for i, t in enumerate(texts)], ignore_index=True)
    pd.testing.assert_frame_equal(many, single)


def test_extract_many_takes_ids_from_a_series_index():
    s = pd.Series({"a": TEXT, "b": "工信部发布通知。"})
    df = cluster_ner.extract_many(s)
    assert list(df.doc_id.unique()) == ["a", "b"]


def test_extract_many_accepts_a_generator():
    df = cluster_ner.extract_many(t for t in [TEXT, TEXT])
    assert list(df.doc_id.unique()) == ["0", "1"]


def test_extract_many_rejects_ids_of_the_wrong_length():
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        cluster_ner.extract_many([TEXT, TEXT], ids=["x"])


def test_to_frame_on_a_doc_the_user_made(nlp):
    doc = nlp(TEXT)
    df = cluster_ner.to_frame(doc, doc_id="mine")
    assert list(df.label) == ["GOV", "CLUSTER", "METRIC"]
    assert set(df.doc_id) == {"mine"}


def test_metric_row_carries_value_unit_qualifier():
    df = cluster_ner.extract("集聚了超400家企业")
    row = df.iloc[0]
    assert (row.value, row.unit, row.qualifier, row.kind) == (400.0, "家", "over", "count")


def test_bytes_are_decoded():
    df = cluster_ner.extract(TEXT.encode("big5", errors="ignore") if False else TEXT.encode("utf-8"))
    assert list(df.label) == ["GOV", "CLUSTER", "METRIC"]


def test_gbk_bytes_are_decoded():
    df = cluster_ner.extract("广州市工业和信息化局发布通知".encode("gbk"))
    assert list(df.text) == ["广州市工业和信息化局"]


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["工信部"], {"text": "x"}])
def test_non_text_input_raises_type_error_naming_the_argument(bad):
    with pytest.raises(TypeError, match="text must be str"):
        cluster_ner.extract(bad)


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_empty_or_blank_text_gives_empty_frame(text):
    assert len(cluster_ner.extract(text)) == 0
