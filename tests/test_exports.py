"""Annotation tools' exports, as the tools write them (tests/data/exports), read as gold;
`convert` makes .spacy files that spaCy's own train and evaluate accept."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cluster_ner.cli import main
from cluster_ner.corpus import GoldSpan, read_gold, read_jsonl, write_docbin

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = Path(__file__).parent / "data" / "exports"
LABEL_STUDIO = ["label_studio.json", "label_studio.jsonl", "label_studio_min.json"]
DOCCANO = ["doccano_label.jsonl", "doccano_entities.jsonl"]


def spans(doc) -> list[tuple[str, str]]:
    return [(s.label, s.text) for s in doc.spans]


@pytest.mark.parametrize("name", LABEL_STUDIO)
def test_label_studio_exports_give_the_annotated_tasks(name):
    gold = read_gold(EXPORTS / name)
    assert [d.id for d in gold.docs] == ["1", "4", "5", "6"]
    assert spans(gold.docs[0]) == [("GOV", "广州市工业和信息化局"), ("METRIC", "超400家")]


@pytest.mark.parametrize("name", LABEL_STUDIO)
def test_a_task_without_annotations_is_skipped_not_read_from_its_predictions(name):
    gold = read_gold(EXPORTS / name)
    assert ("2", "no_annotations") in gold.skipped
    assert "2" not in {d.id for d in gold.docs}


@pytest.mark.parametrize("name", ["label_studio.json", "label_studio.jsonl"])
def test_cancelled_annotations_are_skipped(name):
    gold = read_gold(EXPORTS / name)
    assert ("3", "cancelled") in gold.skipped
    # task 4: a cancelled annotation and a submitted one: the submitted one is read
    assert spans(next(d for d in gold.docs if d.id == "4"))[0] == ("GOV", "顺德区经济促进局")


def test_the_ground_truth_annotation_wins():
    doc = next(d for d in read_gold(EXPORTS / "label_studio.json").docs if d.id == "6")
    assert ("METRIC", "12%") in spans(doc)  # the newer annotation by another annotator lacks it


def test_utf16_offsets_after_an_emoji_are_mapped_to_characters():
    doc = next(d for d in read_gold(EXPORTS / "label_studio.json").docs if d.id == "5")
    assert doc.spans[0] == GoldSpan(1, 7, "GOV", "龍口市工信局")


def test_what_is_skipped_is_counted_and_named_in_one_message():
    message = read_gold(EXPORTS / "label_studio.json").skipped_message()
    assert message is not None and "\n" not in message
    assert "skipped 2 of 6 tasks" in message
    assert "without annotations" in message and ": 2" in message and "cancelled" in message and ": 3" in message


def test_read_jsonl_warns_with_the_same_message():
    with pytest.warns(UserWarning, match="skipped 2 of 6 tasks"):
        assert len(list(read_jsonl(EXPORTS / "label_studio.json"))) == 4


@pytest.mark.parametrize("name", DOCCANO)
def test_doccano_exports_are_read(name):
    gold = read_gold(EXPORTS / name)
    assert gold.format == "doccano" and not gold.skipped
    assert all(d.text[s.start : s.end] == s.text for d in gold.docs for s in d.spans)


def test_doccano_zip_with_one_file_per_annotator(tmp_path):
    archive = tmp_path / "project.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(EXPORTS / "doccano_label.jsonl", "admin.jsonl")
        zf.write(EXPORTS / "doccano_entities.jsonl", "annotator1.jsonl")
    ids = [d.id for d in read_gold(archive).docs]
    assert ids[:2] == ["admin:1", "admin:3"] and "annotator1:5" in ids


@pytest.mark.parametrize("name", LABEL_STUDIO + DOCCANO)
def test_evaluate_accepts_every_export(name, capsys):
    assert main(["evaluate", str(EXPORTS / name), "--rules-only"]) == 0
    captured = capsys.readouterr()
    assert "micro" in captured.out
    if name in LABEL_STUDIO:
        assert captured.err.count("\n") == 1 and "skipped 2 of 6" in captured.err


@pytest.mark.parametrize("name", ["label_studio.json", "label_studio_min.json", "doccano_entities.jsonl"])
def test_train_accepts_exports(name, tmp_path, capsys):
    out = tmp_path / "model"
    assert main(["train", str(EXPORTS / name), "--dev", str(EXPORTS / "doccano_label.jsonl"), "-o", str(out), "--max-steps", "2"]) == 0
    assert (out / "cluster_ner_model" / "model").is_file()


def test_convert_round_trips_raw_offsets(tmp_path, capsys):
    out = tmp_path / "gold.spacy"
    assert main(["convert", str(EXPORTS / "label_studio.json"), str(EXPORTS / "doccano_label.jsonl"), "-o", str(out)]) == 0
    back = read_gold(out)
    originals = read_gold(EXPORTS / "label_studio.json").docs + read_gold(EXPORTS / "doccano_label.jsonl").docs
    assert [(d.id, d.text, d.spans) for d in back.docs] == [(d.id, d.text, d.spans) for d in originals]


def test_spacy_evaluate_reads_a_converted_file(tmp_path):
    out = tmp_path / "dev.spacy"
    docs = list(read_jsonl(ROOT / "corpus" / "dev.jsonl"))[:10]
    write_docbin(docs, out)
    proc = subprocess.run(
        [sys.executable, "-m", "spacy", "evaluate", str(ROOT / "src" / "cluster_ner" / "models" / "pipeline"), str(out),
         "--output", str(tmp_path / "scores.json")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    scores = json.loads((tmp_path / "scores.json").read_text())
    assert scores["ents_f"] > 0.9 and set(scores["ents_per_type"]) == {"CLUSTER", "GOV", "METRIC"}


def test_spacy_train_runs_on_converted_files(tmp_path):
    import cluster_ner

    docs = list(read_jsonl(ROOT / "corpus" / "dev.jsonl"))
    write_docbin(docs[:12], tmp_path / "train.spacy")
    write_docbin(docs[12:18], tmp_path / "dev.spacy")
    cluster_ner.load().config.to_disk(tmp_path / "config.cfg")  # as the README says
    proc = subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(tmp_path / "config.cfg"),
         "--paths.train", str(tmp_path / "train.spacy"), "--paths.dev", str(tmp_path / "dev.spacy"),
         "--training.max_steps", "2", "--training.eval_frequency", "1", "-o", str(tmp_path / "out")],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (tmp_path / "out" / "model-last" / "cluster_ner_patterns").is_dir()


def test_a_plain_spacy_docbin_is_read_as_it_is(tmp_path):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("zh")
    doc = nlp.make_doc("工信部公布名单")
    doc.ents = [doc.char_span(0, 3, label="GOV")]
    DocBin(docs=[doc]).to_disk(tmp_path / "x.spacy")
    (gold,) = read_gold(tmp_path / "x.spacy").docs
    assert gold.text == "工信部公布名单" and gold.spans == [GoldSpan(0, 3, "GOV", "工信部")]
