"""User mistakes, in one table: each ends in one line on stderr and status 2 (CLI), or
raises the documented exception (API) — never a traceback.

Each CLI case gets a fresh folder (``tmp``) with a good text file ``a.txt``, a good
gold file ``gold.jsonl`` and whatever the case writes; ``{tmp}`` in an argument is
replaced by that folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import cluster_ner
from cluster_ner.cli import main
from cluster_ner.corpus import read_gold
from cluster_ner.errors import GoldFormatError, ModelLoadError, OffsetMapMissingError, PatternsFileError

TEXT = "广州市政府发布通知，超400家企业参加。"
GOLD = {"id": "g1", "text": TEXT, "spans": [{"start": 0, "end": 5, "label": "GOV", "text": "广州市政府"}]}


def _write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def setup(tmp: Path) -> None:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")

    return setup


def _no_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name in ("pyarrow", "fastparquet") else real(name, *a))


# (id, argv, setup, what stderr must say)
CLI_CASES: list[tuple[str, list[str], Any, str]] = [
    ("missing input file", ["extract", "{tmp}/missing.txt"], None, "Cannot read"),
    ("unknown output format", ["extract", "{tmp}/a.txt", "-o", "{tmp}/out.xlsx"], None, "unknown output format"),
    ("output folder missing", ["extract", "{tmp}/a.txt", "-o", "{tmp}/no/dir/out.csv"], None, "Cannot write"),
    ("--n-process 0", ["extract", "{tmp}/a.txt", "--n-process", "0"], None, "--n-process: 0 is too small"),
    ("--batch-size not a number", ["extract", "{tmp}/a.txt", "--batch-size", "many"], None, "not a whole number"),
    ("parquet without pyarrow", ["extract", "{tmp}/a.txt", "-o", "{tmp}/out.parquet"], "no_pyarrow", "Parquet needs pyarrow"),
    ("missing pipeline folder", ["extract", "{tmp}/a.txt", "--model", "{tmp}/nope"], None, "No cluster_ner pipeline"),
    ("undecodable input", ["extract", "{tmp}/bin.txt"], _write("bin.txt", bytes(range(128, 256)) * 4), "could not decode"),
    ("gold: valid JSON, wrong shape", ["evaluate", "{tmp}/shape.jsonl"], _write("shape.jsonl", '{"text": "工信部", "spans": "GOV"}\n'), "'spans' must be a list"),
    ("gold: a list of numbers", ["evaluate", "{tmp}/nums.json"], _write("nums.json", "[1, 2, 3]"), "expected a JSON object"),
    ("gold: not JSON", ["evaluate", "{tmp}/bad.jsonl"], _write("bad.jsonl", '{"text": "x", "spans": []}\n{oops\n'), "line 2: not valid JSON"),
    ("gold: unknown label", ["evaluate", "{tmp}/lab.jsonl"], _write("lab.jsonl", json.dumps({"text": "工信部", "spans": [{"start": 0, "end": 3, "label": "ORG"}]})), "unknown label 'ORG'"),
    ("gold: offsets outside the text", ["evaluate", "{tmp}/off.jsonl"], _write("off.jsonl", json.dumps({"text": "工信部", "spans": [{"start": 0, "end": 9, "label": "GOV"}]})), "outside the text"),
    ("gold: unknown shape", ["evaluate", "{tmp}/other.jsonl"], _write("other.jsonl", '{"sentence": "工信部"}\n'), "not a document of a known format"),
    ("gold: only skipped tasks", ["evaluate", "{tmp}/ls.json"], _write("ls.json", json.dumps([{"id": 1, "data": {"text": "工信部"}, "annotations": []}])), "no documents to evaluate"),
    ("gold is a folder", ["evaluate", "{tmp}"], None, "is a folder"),
    ("--errors -1", ["evaluate", "{tmp}/gold.jsonl", "--errors", "-1"], None, "--errors: -1 is too small"),
    ("context: missing file", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}/none.tsv"], None, "none.tsv: No such file"),
    ("context: a folder", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}"], None, "is a folder; give context TSV files"),
    ("context: spaces, not tabs", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}/c.tsv"], _write("c.tsv", "g1 10 15 超400家 other\n"), "c.tsv, line 1: expected up to 10 tab-separated fields"),
    ("context: unknown status", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}/c.tsv"], _write("c.tsv", "g1\t10\t15\t超400家\tother\t\t\tdone\n"), "status 'done' is not one of actual, target"),
    ("context: offsets miss the text", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}/c.tsv"], _write("c.tsv", "g1\t9\t14\t超400家\n"), "covers '，超400'"),
    ("context: other documents", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}/c.tsv"], _write("c.tsv", "x9\t10\t15\t超400家\n"), "None of the 1 metrics"),
    ("--given-date without --context", ["evaluate", "{tmp}/gold.jsonl", "--given-date"], None, "--given-date needs --context"),
    ("--show -1", ["evaluate", "{tmp}/gold.jsonl", "--context", "{tmp}/c.tsv", "--show", "-1"], None, "--show: -1 is too small"),
    ("train into a file", ["train", "{tmp}/gold.jsonl", "-o", "{tmp}/a.txt", "--max-steps", "1"], None, "it is a file"),
    ("train --max-steps 0", ["train", "{tmp}/gold.jsonl", "-o", "{tmp}/m", "--max-steps", "0"], None, "--max-steps: 0 is too small"),
    ("train --set without =", ["train", "{tmp}/gold.jsonl", "-o", "{tmp}/m", "--set", "components.x"], None, "is not KEY=VALUE"),
    ("convert to a non-.spacy file", ["convert", "{tmp}/gold.jsonl", "-o", "{tmp}/out.json"], None, "name it *.spacy"),
    ("patterns add: bad --json", ["patterns", "add", "METRIC", "[{oops", "--json", "--model", "{tmp}/p"], None, "--json: the pattern is not valid JSON"),
    ("patterns remove: unknown id", ["patterns", "remove", "nope", "--model", "{tmp}/p"], "pipeline", "No pattern with id 'nope'"),
    ("patterns edit a non-pipeline folder", ["patterns", "add", "GOV", "工信部", "--model", "{tmp}"], None, "not a cluster_ner pipeline folder"),
    ("unknown command", ["frobnicate"], None, "invalid choice"),
    ("missing required option", ["render", "{tmp}/a.txt"], None, "the following arguments are required: -o/--output"),
]


@pytest.fixture(scope="module")
def pipeline_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pipeline") / "p"
    cluster_ner.load(rules_only=True).to_disk(folder)
    return folder


@pytest.mark.parametrize(("argv", "setup", "expected"), [c[1:] for c in CLI_CASES], ids=[c[0] for c in CLI_CASES])
def test_cli_mistake_gives_one_line_and_status_2(argv, setup, expected, tmp_path, capsys, monkeypatch, pipeline_folder):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD, ensure_ascii=False) + "\n", encoding="utf-8")
    if setup == "no_pyarrow":
        _no_pyarrow(monkeypatch)
    elif setup == "pipeline":
        import shutil

        shutil.copytree(pipeline_folder, tmp_path / "p")
    elif setup is not None:
        setup(tmp_path)
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    try:
        status = main(args)
    except SystemExit as exc:  # argparse's own errors
        status = exc.code
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert status == 2, err
    assert len(lines) == 1 and "Traceback" not in err, err
    assert expected in lines[0], lines[0]


def test_the_table_has_at_least_20_mistakes():
    assert len(CLI_CASES) + len(API_CASES) >= 20


# --- the same kind of mistakes through the Python API: the documented exceptions -------------


def _doc_without_user_data() -> Any:
    from spacy.tokens import DocBin

    nlp = cluster_ner.load(rules_only=True)
    docs = DocBin(docs=[nlp(TEXT)]).get_docs(nlp.vocab)  # store_user_data=False, spaCy's default
    return next(iter(docs))


def _bad_gold(tmp: Path) -> None:
    (tmp / "g.json").write_text('[{"data": {"text": 5}, "annotations": []}]', encoding="utf-8")
    read_gold(tmp / "g.json")


def _bad_context(tmp: Path) -> None:
    from cluster_ner.evaluate import read_context_gold

    (tmp / "c.tsv").write_text("g1\tdate\t2024年7月\ng1\t10\t15\t超400家\n", encoding="utf-8")
    read_context_gold(tmp / "c.tsv")


def _bad_patterns_file(tmp: Path) -> None:
    (tmp / "p.jsonl").write_text('{"label": "GOV", "pattern": "工信部"}\n{"label": "GOV"}\n', encoding="utf-8")
    cluster_ner.load(rules_only=True, patterns=tmp / "p.jsonl")


API_CASES: list[tuple[str, Callable[[Path], Any], type[BaseException], str]] = [
    ("extract(None)", lambda tmp: cluster_ner.extract(None), TypeError, "text must be str"),
    ("extract_many n_process=0", lambda tmp: cluster_ner.extract_many(["工信部"], n_process=0), ValueError, "n_process"),
    ("extract_many ids of another length", lambda tmp: cluster_ner.extract_many(["工信部"], ids=[1, 2]), ValueError, "ids has 2 items"),
    ("load a missing folder", lambda tmp: cluster_ner.load(tmp / "nope"), ModelLoadError, "No cluster_ner pipeline"),
    ("gold with a wrong-shaped task", _bad_gold, GoldFormatError, "must be a string"),
    ("patterns file with a bad line", _bad_patterns_file, PatternsFileError, "p.jsonl, line 2: pattern must be"),
    ("context gold with a bad date", lambda tmp: _bad_context(tmp), GoldFormatError, "c.tsv, line 1: the date of g1 must be"),
    ("metric_table of a list", lambda tmp: cluster_ner.metric_table([{"label": "METRIC"}]), TypeError, "frame must be a pandas DataFrame"),
    ("metric_table of a frame without context", lambda tmp: cluster_ner.metric_table(cluster_ner.extract(TEXT)[["doc_id", "label", "text"]]), ValueError, r"metric_table needs the column.s. doc_date, subject"),
    ("render a Doc saved without user data", lambda tmp: cluster_ner.render(_doc_without_user_data(), jupyter=False), OffsetMapMissingError, "store_user_data=True"),
]


@pytest.mark.parametrize(("call", "exc_type", "match"), [c[1:] for c in API_CASES], ids=[c[0] for c in API_CASES])
def test_api_mistake_raises_the_documented_exception(call, exc_type, match, tmp_path):
    with pytest.raises(exc_type, match=match):
        call(tmp_path)


def test_to_frame_refuses_a_doc_that_lost_its_offset_map():
    with pytest.raises(OffsetMapMissingError):
        cluster_ner.to_frame(_doc_without_user_data())
