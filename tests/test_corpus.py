"""Gold formats: markup, JSONL validation, Label Studio and Doccano exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cluster_ner.corpus import GoldDoc, GoldSpan, parse_markup, read_jsonl, to_markup
from cluster_ner.errors import GoldFormatError

ROOT = Path(__file__).resolve().parents[1]


def test_markup_gives_offsets_into_the_plain_text():
    doc = parse_markup("由[[GOV:工信部]]主办，[[METRIC:超400家]]企业参加")
    assert doc.text == "由工信部主办，超400家企业参加"
    assert [(s.start, s.end, s.label) for s in doc.spans] == [(1, 4, "GOV"), (7, 12, "METRIC")]


def test_markup_round_trips():
    marked = "[[CLUSTER:酒泉集群]]与[[GOV:省政府]]"
    assert to_markup(parse_markup(marked)) == marked


def test_unknown_label_in_markup_is_an_error():
    with pytest.raises(GoldFormatError, match="unknown label 'ORG'"):
        parse_markup("[[ORG:工信部]]")


def _write(tmp_path, lines):
    p = tmp_path / "g.jsonl"
    p.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    return p


def test_gold_with_unknown_label_names_file_and_line(tmp_path):
    p = _write(tmp_path, [{"id": "a", "text": "工信部", "spans": [{"start": 0, "end": 3, "label": "ORG", "text": "工信部"}]}])
    with pytest.raises(GoldFormatError, match=r"g.jsonl, line 1: unknown label 'ORG'"):
        list(read_jsonl(p))


def test_gold_span_text_mismatch_is_an_error(tmp_path):
    p = _write(tmp_path, [{"id": "a", "text": "工信部", "spans": [{"start": 0, "end": 2, "label": "GOV", "text": "工信部"}]}])
    with pytest.raises(GoldFormatError, match="covers '工信'"):
        list(read_jsonl(p))


def test_bad_json_line_is_an_error(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"id": "a", "text": "x", "spans": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="line 2: not valid JSON"):
        list(read_jsonl(p))


def test_label_studio_export_is_read(tmp_path):
    rec = {"id": 7, "data": {"text": "工信部发布"}, "annotations": [{"result": [{"value": {"start": 0, "end": 3, "labels": ["GOV"]}}]}]}
    (doc,) = read_jsonl(_write(tmp_path, [rec]))
    assert doc.spans == [GoldSpan(0, 3, "GOV", "工信部")]


def test_doccano_export_is_read(tmp_path):
    rec = {"id": 1, "text": "工信部发布", "label": [[0, 3, "GOV"]]}
    (doc,) = read_jsonl(_write(tmp_path, [rec]))
    assert doc.spans == [GoldSpan(0, 3, "GOV", "工信部")]


def test_project_corpus_is_valid_and_split():
    train = list(read_jsonl(ROOT / "corpus" / "train.jsonl"))
    dev = list(read_jsonl(ROOT / "corpus" / "dev.jsonl"))
    assert len(train) + len(dev) >= 150
    assert not {d.id for d in train} & {d.id for d in dev}
    assert all(isinstance(d, GoldDoc) for d in train + dev)
