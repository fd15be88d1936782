"""Patterns live in the pipeline: the component, its round trips, the CLI that edits a folder."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings

import pytest
import spacy

import cluster_ner
from cluster_ner.cli import main
from cluster_ner.errors import PatternsFileError
from cluster_ner.frame import doc_rows
from cluster_ner.patterns import LEGACY_ENV_VAR, add_pattern, pipeline_patterns_path, read_patterns, remove_pattern
from cluster_ner.pipeline import PATTERNS_PIPE, build

TEXT = "顺德区经济促进局表示，今年新增3处产业园。"
SHUNDE = {"label": "GOV", "pattern": "顺德区经济促进局", "id": "shunde"}


def ents(nlp, text: str = TEXT) -> list[tuple[str, str, str]]:
    df = cluster_ner.extract(text, nlp=nlp)
    return [(r.label, r.text, r.source) for r in df.itertuples()]


@pytest.fixture()
def rules():
    """A fresh rules-only pipeline (each test edits its own patterns)."""
    return build()


@pytest.fixture(scope="module")
def saved_with_cli(tmp_path_factory):
    """A pipeline folder made by `patterns add --model DIR` (created from the shipped pipeline)."""
    folder = tmp_path_factory.mktemp("p") / "mine"
    assert main(["patterns", "add", "GOV", "顺德区经济促进局", "--id", "shunde", "--model", str(folder)]) == 0
    return folder


# --- the component ----------------------------------------------------------------------


def test_add_patterns_from_python_finds_the_phrase(rules):
    assert ("GOV", "顺德区经济促进局", "pattern") not in ents(rules)
    rules.get_pipe(PATTERNS_PIPE).add_patterns([SHUNDE])
    assert ("GOV", "顺德区经济促进局", "pattern") in ents(rules)


def test_token_pattern_is_matched(rules):
    rules.get_pipe(PATTERNS_PIPE).add_patterns([{"label": "METRIC", "pattern": [{"TEXT": {"REGEX": "^[0-9]$"}}, {"ORTH": "处"}]}])
    assert ("METRIC", "3处", "pattern") in ents(rules)


def test_pattern_wins_over_an_overlapping_rule_span(rules):
    text = "广州市工业和信息化局发布通知。"
    assert ents(rules, text) == [("GOV", "广州市工业和信息化局", "rules")]
    rules.get_pipe(PATTERNS_PIPE).add_patterns([{"label": "GOV", "pattern": "工业和信息化局"}])
    assert ents(rules, text) == [("GOV", "工业和信息化局", "pattern")]


def test_traditional_phrase_matches_simplified_and_noisy_text(rules):
    rules.get_pipe(PATTERNS_PIPE).add_patterns([{"label": "GOV", "pattern": "順德區經濟促進局"}])
    assert ents(rules, "順(shùn)德區經濟促進局表示") == [("GOV", "順(shùn)德區經濟促進局", "pattern")]


def test_remove_by_id(rules):
    ruler = rules.get_pipe(PATTERNS_PIPE)
    ruler.add_patterns([SHUNDE, {"label": "METRIC", "pattern": "3处", "id": "chu"}])
    assert ruler.remove("shunde") == 1 and ruler.ids == ("chu",)
    assert ents(rules) == [("METRIC", "3处", "pattern")]


def test_initialize_reads_a_patterns_file(rules, tmp_path):
    file = tmp_path / "p.jsonl"
    file.write_text(json.dumps(SHUNDE, ensure_ascii=False) + "\n", encoding="utf-8")
    rules.get_pipe(PATTERNS_PIPE).initialize(patterns=str(file))
    assert rules.get_pipe(PATTERNS_PIPE).patterns == [SHUNDE]


def test_patterns_round_trip_through_bytes(rules):
    rules.get_pipe(PATTERNS_PIPE).add_patterns([SHUNDE])
    again = spacy.util.load_model_from_config(rules.config).from_bytes(rules.to_bytes())
    assert again.get_pipe(PATTERNS_PIPE).patterns == [SHUNDE]
    assert ents(again) == ents(rules)


def test_patterns_round_trip_through_disk(rules, tmp_path):
    rules.get_pipe(PATTERNS_PIPE).add_patterns([SHUNDE])
    rules.to_disk(tmp_path / "p")
    assert read_patterns(pipeline_patterns_path(tmp_path / "p"))[0].to_dict() == SHUNDE
    assert cluster_ner.load(tmp_path / "p").get_pipe(PATTERNS_PIPE).patterns == [SHUNDE]


def test_load_with_a_patterns_file_adds_them(tmp_path):
    file = tmp_path / "p.jsonl"
    file.write_text(json.dumps(SHUNDE, ensure_ascii=False) + "\n", encoding="utf-8")
    assert ("GOV", "顺德区经济促进局", "pattern") in ents(cluster_ner.load(rules_only=True, patterns=file))


@pytest.mark.parametrize(
    "record, detail",
    [
        ({"label": "ORG", "pattern": "工信部"}, "label must be one of"),
        ({"label": "GOV", "pattern": ""}, "the pattern is empty"),
        ({"label": "GOV", "pattern": 3}, "pattern must be a string"),
        ({"label": "GOV", "pattern": [{"NOT_AN_ATTR": "x"}]}, "invalid pattern"),
        ({"label": "GOV", "pattern": "工信部", "extra": 1}, "unknown field"),
    ],
)
def test_invalid_patterns_are_named(rules, record, detail):
    with pytest.raises(PatternsFileError, match=rf"add_patterns, line 2: {detail}"):
        rules.get_pipe(PATTERNS_PIPE).add_patterns([SHUNDE, record])


# --- reproducible pipelines --------------------------------------------------------------


def test_default_load_ignores_the_users_config_file(tmp_path, monkeypatch):
    config = tmp_path / "cluster_ner" / "patterns.jsonl"
    config.parent.mkdir()
    config.write_text(json.dumps({"label": "GOV", "pattern": "今年新增"}, ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr("cluster_ner.pipeline._legacy_warned", False)
    with pytest.warns(UserWarning, match="no longer read"):
        nlp = cluster_ner.load(rules_only=True)
    assert all(source != "pattern" for _, _, source in ents(nlp))


def test_saved_pipeline_gives_identical_rows_whatever_the_users_config_holds(saved_with_cli, tmp_path):
    """The same folder, loaded in two fresh processes: one with an empty home, one whose
    config file and $CLUSTER_NER_PATTERNS hold other patterns."""
    code = (
        "import sys, json, warnings; warnings.simplefilter('ignore'); import cluster_ner; "
        "df = cluster_ner.extract(sys.argv[2], nlp=cluster_ner.load(sys.argv[1])); "
        "print(df.drop(columns=['sentence']).to_json(orient='records', force_ascii=False))"
    )
    hostile = tmp_path / "home" / ".config" / "cluster_ner" / "patterns.jsonl"
    hostile.parent.mkdir(parents=True)
    hostile.write_text('{"label": "METRIC", "pattern": "顺德区"}\n{"label": "CLUSTER", "pattern": "产业园"}\n', encoding="utf-8")
    runs = []
    for env in ({"HOME": str(tmp_path / "empty")}, {"HOME": str(tmp_path / "home"), LEGACY_ENV_VAR: str(hostile)}):
        proc = subprocess.run(
            [sys.executable, "-c", code, str(saved_with_cli), TEXT], capture_output=True, text=True, check=True,
            env={k: v for k, v in __import__("os").environ.items() if k not in ("XDG_CONFIG_HOME", LEGACY_ENV_VAR)} | env,
        )
        runs.append(proc.stdout)
    assert runs[0] == runs[1] and "顺德区经济促进局" in runs[0]


def test_cli_pattern_survives_to_disk_and_spacy_load_in_a_new_process(saved_with_cli, tmp_path):
    nlp = cluster_ner.load(saved_with_cli)
    nlp.to_disk(tmp_path / "copy")
    code = "import spacy, sys; nlp = spacy.load(sys.argv[1]); print([(e.label_, e.text, e._.source) for e in nlp(sys.argv[2]).ents])"
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "copy"), TEXT], capture_output=True, text=True, check=True)
    assert "('GOV', '顺德区经济促进局', 'pattern')" in out.stdout


def test_saved_folder_round_trips_rows(saved_with_cli):
    nlp = cluster_ner.load(saved_with_cli)
    assert doc_rows(nlp(TEXT))[0]["source"] == "pattern"


# --- the CLI edits a pipeline folder -------------------------------------------------------


def test_cli_add_needs_a_folder(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["patterns", "add", "GOV", "顺德区经济促进局"])
    assert exit_info.value.code == 2
    assert "--model" in capsys.readouterr().err


def test_cli_list_shows_the_folders_patterns(saved_with_cli, capsys):
    assert main(["patterns", "list", "--model", str(saved_with_cli)]) == 0
    assert "shunde\tGOV" in capsys.readouterr().out


def test_cli_import_then_remove(tmp_path, saved_with_cli, capsys):
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(saved_with_cli, folder)
    file = tmp_path / "old.jsonl"
    file.write_text('{"label": "METRIC", "pattern": "3处", "id": "chu"}\n', encoding="utf-8")
    assert main(["patterns", "import", str(file), "--model", str(folder)]) == 0
    assert main(["patterns", "remove", "shunde", "--model", str(folder)]) == 0
    assert [p.id for p in read_patterns(pipeline_patterns_path(folder))] == ["chu"]
    assert ents(cluster_ner.load(folder)) == [("METRIC", "3处", "pattern")]


def test_removing_an_unknown_id_exits_2(saved_with_cli, capsys):
    assert main(["patterns", "remove", "nope", "--model", str(saved_with_cli)]) == 2
    assert "No pattern with id 'nope'" in capsys.readouterr().err


def test_adding_a_taken_id_is_an_error(tmp_path):
    file = tmp_path / "p.jsonl"
    add_pattern("GOV", "顺德区经济促进局", "shunde", path=file)
    with pytest.raises(PatternsFileError, match="already exists"):
        add_pattern("GOV", "佛山市经济促进局", "shunde", path=file)


def test_a_bad_line_names_file_and_line_and_never_blocks_its_removal(tmp_path, capsys):
    folder = tmp_path / "p"
    build().to_disk(folder)
    file = pipeline_patterns_path(folder)
    file.write_text(json.dumps(SHUNDE, ensure_ascii=False) + '\n{"label": "ORG", "pattern": "x", "id": "bad"}\n{oops\n', encoding="utf-8")
    with pytest.raises(PatternsFileError, match=rf"{file}, line 2: label must be one of"):
        cluster_ner.load(folder)
    assert main(["patterns", "list", "--model", str(folder)]) == 2
    captured = capsys.readouterr()
    assert "shunde\tGOV" in captured.out and "line 2" in captured.err and "--line 2" in captured.err
    assert main(["patterns", "remove", "bad", "--model", str(folder)]) == 0  # a bad line with an id
    assert main(["patterns", "remove", "--line", "2", "--model", str(folder)]) == 0  # a line that is not JSON
    assert cluster_ner.load(folder).get_pipe(PATTERNS_PIPE).patterns == [SHUNDE]


def test_remove_pattern_by_line_on_a_file(tmp_path):
    file = tmp_path / "p.jsonl"
    file.write_text("{oops\n", encoding="utf-8")
    assert remove_pattern(path=file, line=1) == 1 and file.read_text(encoding="utf-8") == ""


def test_no_warning_without_a_legacy_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.delenv(LEGACY_ENV_VAR, raising=False)
    monkeypatch.setattr("cluster_ner.pipeline._legacy_warned", False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cluster_ner.load(rules_only=True)
