"""User patterns: the file, the CLI that edits it, and their precedence over rules."""

from __future__ import annotations

import json

import pytest

import cluster_ner
from cluster_ner.cli import main
from cluster_ner.errors import PatternsFileError
from cluster_ner.patterns import ENV_VAR, add_pattern, read_patterns, user_patterns_path

TEXT = "顺德区经济促进局表示，今年新增3处产业园。"


@pytest.fixture()
def user_file(tmp_path, monkeypatch):
    path = tmp_path / "conf" / "patterns.jsonl"
    monkeypatch.setenv(ENV_VAR, str(path))
    return path


def ents(text: str, **load_kwargs) -> list[tuple[str, str, str]]:
    df = cluster_ner.extract(text, nlp=cluster_ner.load(**load_kwargs))
    return [(r.label, r.text, r.source) for r in df.itertuples()]


def test_pattern_added_with_the_cli_is_found_after_reload(user_file):
    assert ("GOV", "顺德区经济促进局", "pattern") not in ents(TEXT)
    assert main(["patterns", "add", "GOV", "顺德区经济促进局", "--id", "shunde"]) == 0
    assert ("GOV", "顺德区经济促进局", "pattern") in ents(TEXT)


def test_patterns_apply_in_the_rules_only_pipeline_too(user_file):
    add_pattern("METRIC", "3处")
    assert ("METRIC", "3处", "pattern") in ents(TEXT, rules_only=True)


def test_pattern_wins_over_an_overlapping_rule_span(user_file):
    text = "广州市工业和信息化局发布通知。"
    assert ents(text) == [("GOV", "广州市工业和信息化局", "rules")]
    add_pattern("GOV", "工业和信息化局")
    assert ents(text) == [("GOV", "工业和信息化局", "pattern")]


def test_pattern_relabels_a_rule_span_with_the_same_offsets(user_file):
    add_pattern("CLUSTER", "广州市工业和信息化局")
    assert ents("广州市工业和信息化局发布通知。") == [("CLUSTER", "广州市工业和信息化局", "pattern")]


def test_traditional_phrase_matches_simplified_and_noisy_text(user_file):
    add_pattern("GOV", "順德區經濟促進局")
    text = "順(shùn)德區經濟促進局表示"
    assert ents(text) == [("GOV", "順(shùn)德區經濟促進局", "pattern")]


def test_token_pattern_from_the_cli(user_file):
    pattern = json.dumps([{"TEXT": {"REGEX": "^[0-9]$"}}, {"ORTH": "处"}])
    assert main(["patterns", "add", "METRIC", pattern, "--json", "--id", "chu"]) == 0
    assert ("METRIC", "3处", "pattern") in ents(TEXT)


def test_list_shows_the_user_patterns(user_file, capsys):
    main(["patterns", "add", "GOV", "顺德区经济促进局", "--id", "shunde"])
    capsys.readouterr()
    assert main(["patterns", "list"]) == 0
    out = capsys.readouterr().out
    assert str(user_file) in out and "shunde\tGOV" in out


def test_remove_deletes_the_pattern_and_it_is_no_longer_found(user_file):
    main(["patterns", "add", "GOV", "顺德区经济促进局", "--id", "shunde"])
    assert main(["patterns", "remove", "shunde"]) == 0
    assert read_patterns(user_file) == []
    assert ("GOV", "顺德区经济促进局", "pattern") not in ents(TEXT)


def test_removing_an_unknown_id_exits_2(user_file, capsys):
    assert main(["patterns", "remove", "nope"]) == 2
    assert "No pattern with id 'nope'" in capsys.readouterr().err


def test_adding_a_taken_id_is_an_error(user_file):
    add_pattern("GOV", "顺德区经济促进局", "shunde")
    with pytest.raises(PatternsFileError, match="already exists"):
        add_pattern("GOV", "佛山市经济促进局", "shunde")


def test_bad_line_names_the_file_and_the_line(user_file):
    user_file.parent.mkdir(parents=True)
    user_file.write_text('{"label": "GOV", "pattern": "工信部", "id": "a"}\n\n{"label": "GOV", "pattern": \n', encoding="utf-8")
    with pytest.raises(PatternsFileError, match=rf"{user_file}, line 3: not valid JSON"):
        cluster_ner.load()


@pytest.mark.parametrize(
    "line, detail",
    [
        ('{"label": "ORG", "pattern": "工信部"}', "label must be one of"),
        ('{"label": "GOV", "pattern": ""}', "the pattern is empty"),
        ('{"label": "GOV", "pattern": 3}', "pattern must be a string"),
        ('{"label": "GOV", "pattern": [{"NOT_AN_ATTR": "x"}]}', "invalid pattern"),
    ],
)
def test_invalid_pattern_lines_are_reported(user_file, line, detail):
    user_file.parent.mkdir(parents=True)
    user_file.write_text("# my patterns\n" + line + "\n", encoding="utf-8")
    with pytest.raises(PatternsFileError, match=rf"line 2: {detail}"):
        cluster_ner.load()


def test_bad_patterns_file_in_the_cli_exits_2(user_file, capsys):
    user_file.parent.mkdir(parents=True)
    user_file.write_text("not json\n", encoding="utf-8")
    assert main(["patterns", "list"]) == 2
    assert "line 1" in capsys.readouterr().err


def test_user_file_defaults_to_the_xdg_config_folder(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert user_patterns_path() == tmp_path / "cluster_ner" / "patterns.jsonl"
