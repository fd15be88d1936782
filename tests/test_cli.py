"""The cluster-ner command line."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from cluster_ner.cli import main

TEXT = "广州市政府副秘书长出席，广州市工业和信息化局发布，超400家企业参加。"


@pytest.fixture()
def text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_extract_writes_each_format(text_file, tmp_path, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["extract", str(text_file), "-o", str(out)]) == 0
    df = {".csv": pd.read_csv, ".jsonl": lambda p: pd.read_json(p, lines=True), ".parquet": pd.read_parquet}[suffix](out)
    assert list(df["text"]) == ["广州市政府", "广州市工业和信息化局", "超400家"]


def test_extract_prints_a_table(text_file, capsys):
    assert main(["extract", str(text_file)]) == 0
    assert "广州市工业和信息化局" in capsys.readouterr().out


def test_unknown_output_suffix_exits_2(text_file, tmp_path, capsys):
    assert main(["extract", str(text_file), "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "unknown output format" in capsys.readouterr().err


def test_unwritable_output_exits_2(text_file, tmp_path, capsys):
    assert main(["extract", str(text_file), "-o", str(tmp_path / "no" / "dir" / "x.csv")]) == 2
    assert "Cannot write" in capsys.readouterr().err


def test_missing_input_file_exits_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "Cannot read" in capsys.readouterr().err


def test_evaluate_prints_per_label_scores(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": TEXT, "spans": [{"start": 0, "end": 5, "label": "GOV", "text": "广州市政府"}]}, ensure_ascii=False), encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "GOV" in out and "micro" in out and "spurious" in out


def test_evaluate_bad_gold_exits_2(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"id": "x", "text": "ab", "spans": [{"start": 0, "end": 1, "label": "FOO", "text": "a"}]}', encoding="utf-8")
    assert main(["evaluate", str(gold)]) == 2
    assert "unknown label 'FOO'" in capsys.readouterr().err


def test_render_writes_an_html_page(text_file, tmp_path):
    out = tmp_path / "page.html"
    assert main(["render", str(text_file), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "广州市工业和信息化局" in page and 'class="entity"' in page


def test_extract_with_two_processes_prints_the_same_table(text_file, capsys):
    assert main(["extract", str(text_file), "--no-progress"]) == 0
    one = capsys.readouterr().out
    assert main(["extract", str(text_file), str(text_file), "--n-process", "2", "--no-progress"]) == 0
    two = capsys.readouterr().out
    assert one.splitlines()[1] in two
