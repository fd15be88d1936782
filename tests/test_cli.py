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
    assert "Cannot read 1 of 1" in capsys.readouterr().err


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


def test_version_prints_the_library_version(capsys):
    import cluster_ner

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cluster-ner {cluster_ner.__version__}"


def _all_parsers():
    import argparse

    from cluster_ner.cli import build_parser

    todo = [build_parser()]
    while todo:
        parser = todo.pop()
        yield parser
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                todo.extend(action.choices.values())


def test_every_option_and_argument_has_help():
    missing = [
        f"{parser.prog} {action.dest}"
        for parser in _all_parsers()
        for action in parser._actions
        if not action.help and action.dest not in ("command", "action")
    ]
    assert missing == []


def test_top_level_help_lists_the_commands_in_plain_words(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "``" not in out and "{" not in out
    for command in ("extract", "render", "evaluate", "train", "convert", "patterns"):
        assert f"    {command} " in out


def test_files_with_the_same_name_in_different_folders_get_different_ids(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["extract", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "-o", str(out), "--no-progress"]) == 0
    assert sorted(set(pd.read_csv(out)["doc_id"])) == ["a/x.txt", "b/x.txt"]


def test_one_bad_file_is_reported_and_the_others_are_processed(text_file, tmp_path, capsys):
    out = tmp_path / "out.csv"
    assert main(["extract", str(tmp_path / "missing.txt"), str(text_file), "-o", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "Cannot read 1 of 2" in err and "missing.txt" in err
    assert list(pd.read_csv(out)["text"]) == ["广州市政府", "广州市工业和信息化局", "超400家"]
