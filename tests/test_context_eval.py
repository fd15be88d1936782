"""Metric context scoring (subject, period, status, change, measure) against CONTEXT.md gold.

The scoring is tested on hand-made gold and hand-made prediction frames, so
these tests do not depend on the component that fills the context columns;
the reference scorer ``../shared/tools/score_context.py`` must print the same
figures on the same input.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

import cluster_ner
from cluster_ner.cli import main
from cluster_ner.corpus import GoldDoc
from cluster_ner.errors import GoldFormatError
from cluster_ner.evaluate import (
    ContextGold,
    evaluate_context,
    format_context_scores,
    read_context_gold,
    score_context,
)
from cluster_ner.frame import frame_from_rows

from conftest import SHARED

REFERENCE = SHARED / "tools" / "score_context.py"
SEEDS = SHARED / "gold" / "seeds.jsonl"
SEEDS_CONTEXT = SHARED / "gold" / "seeds-context.tsv"

TEXT = "2023年，龙口市交通铝材特色产业集群拥有企业243家，主导产业产值达约90亿元，同比增长12.6%。"
HEADER = "#doc_id\tstart\tend\ttext\tsubject_kind\tsubject\tperiod\tstatus\tchange\tmeasure\n"
FIGURE = re.compile(r"^(subject|period|status|change|measure|context tuple)\s+\d+/\d+ = \d\.\d{3}$")


def _line(*fields: Any) -> str:
    return "\t".join(str(f) for f in fields) + "\n"


def _gold(tmp_path: Path, *lines: str, name: str = "c.tsv") -> ContextGold:
    path = tmp_path / name
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return read_context_gold(path)


def _metric(doc_id: str = "d1", start: int = 0, end: int = 4, text: str = "243家", **fields: Any) -> str:
    values = {"subject_kind": "", "subject": "", "period": "", "status": "", "change": "", "measure": ""} | fields
    return _line(doc_id, start, end, text, *values.values())


def _row(doc_id: str = "d1", start: int = 0, end: int = 4, label: str = "METRIC", **fields: Any) -> dict[str, Any]:
    return {"doc_id": doc_id, "label": label, "start": start, "end": end, "text": "243家", **fields}


def _score(gold: ContextGold, *rows: dict[str, Any]):  # noqa: ANN202
    return score_context(gold, frame_from_rows(list(rows)))


def _right(scores) -> dict[str, int]:  # noqa: ANN001
    return {k: scores.right[k] for k in ("subject", "period", "status", "change", "measure", "tuple")}


ALL_RIGHT = {"subject": 1, "period": 1, "status": 1, "change": 1, "measure": 1, "tuple": 1}
CLUSTER = {"subject_kind": "cluster", "subject": "龙口市交通铝材特色产业集群", "period": "2023", "status": "actual", "change": "", "measure": "企业"}


# --- reading the gold ----------------------------------------------------------------------


def test_read_skips_comments_and_blank_lines(tmp_path):
    gold = _gold(tmp_path, "# a note\n", "\n", _metric(**CLUSTER))
    assert len(gold.metrics) == 1
    m = gold.metrics[0]
    assert (m.doc_id, m.start, m.end, m.text, m.subject, m.measure) == ("d1", 0, 4, "243家", CLUSTER["subject"], "企业")


def test_read_takes_date_lines_as_document_dates(tmp_path):
    gold = _gold(tmp_path, "d1\tdate\t2024-07-27\n", "d2\tdate\t\n", "d3\tdate\n", _metric(), _metric("d2"))
    assert gold.dates == {"d1": "2024-07-27", "d2": "", "d3": ""}
    assert len(gold.metrics) == 2  # date lines are not metrics


def test_read_names_the_line_of_each_metric(tmp_path):
    gold = _gold(tmp_path, "d1\tdate\t2024\n", _metric())
    assert gold.metrics[0].line == 3 and gold.metrics[0].path == str(tmp_path / "c.tsv")


def test_read_pads_trailing_empty_fields_an_editor_cut(tmp_path):
    gold = _gold(tmp_path, "d1\t0\t4\t243家\tplace\t龙口市\n")
    m = gold.metrics[0]
    assert (m.subject_kind, m.subject, m.period, m.status, m.change, m.measure) == ("place", "龙口市", "", "", "", "")


def test_read_several_files_into_one_gold(tmp_path):
    _gold(tmp_path, "a\tdate\t2023\n", _metric("a"), name="a.tsv")
    _gold(tmp_path, "b\tdate\t2024\n", _metric("b"), _metric("b", 5, 9), name="b.tsv")
    gold = read_context_gold([tmp_path / "a.tsv", tmp_path / "b.tsv"])
    assert [m.doc_id for m in gold.metrics] == ["a", "b", "b"]
    assert gold.dates == {"a": "2023", "b": "2024"} and gold.documents() == ["a", "b"]


def test_read_accepts_crlf_line_ends_and_a_bom(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_bytes(("\ufeff" + HEADER + _metric(measure="企业")).replace("\n", "\r\n").encode("utf-8"))
    (m,) = read_context_gold(path).metrics
    assert m.measure == "企业"


BAD_FILES = [
    ("spaces, not tabs", "d1 0 4 243家 place 龙口市\n", "expected up to 10 tab-separated fields"),
    ("too many fields", _line("d1", 0, 4, "243家", *["x"] * 7), "got 11"),
    ("offsets not numbers", _line("d1", "a", 4, "243家"), "start and end must be whole numbers"),
    ("empty span", _line("d1", 4, 4, "243家"), "start < end"),
    ("unknown kind", _metric(subject_kind="city"), "subject_kind 'city' is not one of"),
    ("unknown kind among alternatives", _metric(subject_kind="place|town"), "subject_kind 'town'"),
    ("unknown status", _metric(status="planned"), "status 'planned' is not one of actual, target"),
    ("unknown change", _metric(change="increase"), "change 'increase' is not one of up, down"),
    ("bad date", "d1\tdate\t27.07.2024x\n" + _metric(), "the date of d1 must be"),
    ("two dates for a document", "d1\tdate\t2024\n" + _metric() + "d1\tdate\t2023\n", "has the date '2023' here but '2024'"),
    ("no metric lines", "d1\tdate\t2024\n", "no metric lines"),
]


@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_a_bad_file_is_refused_naming_file_and_line(tmp_path, content, expected):
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + content, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=re.escape(expected)) as info:
        read_context_gold(path)
    assert str(path) in str(info.value)


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "gbk.tsv"
    path.write_bytes(_metric(subject="龙口市").encode("gbk"))
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        read_context_gold(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(GoldFormatError, match="is a folder"):
        read_context_gold(tmp_path)


def test_restrict_keeps_the_metrics_of_the_given_documents(tmp_path):
    gold = _gold(tmp_path, "d1\tdate\t2024\n", "d2\tdate\t2023\n", _metric("d1"), _metric("d2"))
    kept = gold.restrict([GoldDoc("d2", "243家企业")])
    assert [m.doc_id for m in kept.metrics] == ["d2"] and kept.dates == {"d2": "2023"}


def test_restrict_to_documents_without_gold_metrics_is_refused(tmp_path):
    gold = _gold(tmp_path, _metric("d1"))
    with pytest.raises(GoldFormatError, match="None of the 1 metrics"):
        gold.restrict([GoldDoc("other", "243家企业")], gold_name="dev.jsonl")


def test_restrict_refuses_offsets_that_miss_the_text(tmp_path):
    gold = _gold(tmp_path, _metric("d1", 0, 4, "243家"))
    with pytest.raises(GoldFormatError, match=r"line 2 \(document d1\): span \[0, 4\) covers '企业24'"):
        gold.restrict([GoldDoc("d1", "企业243家")])


# --- scoring ---------------------------------------------------------------------------------


def test_a_row_with_every_field_right_scores_everywhere(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    assert _right(_score(gold, _row(**CLUSTER))) == ALL_RIGHT


def test_a_missing_row_is_wrong_in_every_field(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    scores = _score(gold, _row(start=5, end=9, **CLUSTER))
    assert sum(_right(scores).values()) == 0
    assert scores.misses[0].got is None and scores.misses[0].wrong == ("subject", "period", "status", "change", "measure")


def test_a_missing_row_is_wrong_even_where_gold_is_empty(tmp_path):
    gold = _gold(tmp_path, _metric(subject_kind="other", status="actual"))  # empty period, change, measure
    assert sum(_right(_score(gold)).values()) == 0


def test_a_row_of_another_label_at_the_offsets_is_no_metric(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    assert _score(gold, _row(label="CLUSTER", **CLUSTER)).right["tuple"] == 0


def test_a_row_of_another_document_does_not_count(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    assert _score(gold, _row(doc_id="d2", **CLUSTER)).right["tuple"] == 0


def test_any_alternative_is_accepted(tmp_path):
    gold = _gold(tmp_path, _metric(subject_kind="place|cluster", subject="龙口市|龙口", period="2023|2023-H1", status="target|actual", change="up|", measure="企业|企业数"))
    row = _row(subject_kind="place", subject="龙口", period="2023-H1", status="actual", change=None, measure="企业数")
    assert _right(_score(gold, row)) == ALL_RIGHT


def test_an_empty_gold_field_wants_an_empty_answer(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))  # period 2023, change empty
    scores = _score(gold, _row(**(CLUSTER | {"change": "up"})))
    assert scores.right["change"] == 0 and scores.misses[0].wrong == ("change",)


def test_missing_values_in_the_frame_read_as_empty(tmp_path):
    gold = _gold(tmp_path, _metric(subject_kind="other", status="actual"))
    row = _row(subject_kind="other", subject=None, period=None, status="actual", change=None, measure=None)
    assert _right(_score(gold, row)) == ALL_RIGHT


def test_predicted_values_are_read_stripped(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    row = _row(**{k: f" {v} " if v else v for k, v in CLUSTER.items()})
    assert _right(_score(gold, row)) == ALL_RIGHT


@pytest.mark.parametrize("kind", ["group", "other"])
def test_group_and_other_subjects_are_judged_by_kind_only(tmp_path, kind):
    gold = _gold(tmp_path, _metric(subject_kind=kind, subject="国家级集群"))
    assert _score(gold, _row(subject_kind=kind, subject="全然不同")).right["subject"] == 1


def test_a_subject_of_the_wrong_kind_is_wrong(tmp_path):
    gold = _gold(tmp_path, _metric(subject_kind="cluster", subject="龙口市交通铝材特色产业集群"))
    assert _score(gold, _row(subject_kind="place", subject="龙口市交通铝材特色产业集群")).right["subject"] == 0


@pytest.mark.parametrize("kind", ["cluster", "body", "place", "national"])
def test_named_subjects_need_one_gold_string_exactly(tmp_path, kind):
    gold = _gold(tmp_path, _metric(subject_kind=kind, subject="龙口市|烟台市龙口市"))
    assert _score(gold, _row(subject_kind=kind, subject="烟台市龙口市")).right["subject"] == 1
    assert _score(gold, _row(subject_kind=kind, subject="龙口")).right["subject"] == 0


@pytest.mark.parametrize(("got", "ok"), [("南山铝业", True), ("山东南山铝业股份有限公司", True), ("南山集团", False), ("", False)])
def test_company_subjects_match_by_containment(tmp_path, got, ok):
    gold = _gold(tmp_path, _metric(subject_kind="company", subject="南山铝业股份"))
    assert _score(gold, _row(subject_kind="company", subject=got)).right["subject"] == ok


@pytest.mark.parametrize(
    ("got", "ok"),
    [("主导产业产值", True), ("产值", True), ("集群主导产业产值", True), ("值", False), ("产业", False), ("", False)],
)
def test_measures_match_by_suffix_of_two_characters_or_more(tmp_path, got, ok):
    gold = _gold(tmp_path, _metric(measure="主导产业产值"))
    assert _score(gold, _row(measure=got or None)).right["measure"] == ok


def test_an_empty_gold_measure_wants_no_measure(tmp_path):
    gold = _gold(tmp_path, _metric(measure=""))
    assert _score(gold, _row(measure="企业")).right["measure"] == 0
    assert _score(gold, _row(measure=None)).right["measure"] == 1


def test_the_tuple_needs_subject_period_status_change_but_not_measure(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    assert _score(gold, _row(**(CLUSTER | {"measure": "面积"}))).right["tuple"] == 1
    assert _score(gold, _row(**(CLUSTER | {"period": "2024"}))).right["tuple"] == 0


def test_the_last_row_at_the_same_offsets_wins(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    assert _score(gold, _row(**(CLUSTER | {"period": "1999"})), _row(**CLUSTER)).right["tuple"] == 1


def test_a_frame_read_back_from_csv_scores_the_same(tmp_path):
    import pandas as pd

    gold = _gold(tmp_path, _metric("7", **CLUSTER), _metric("7", 5, 9, subject_kind="other", status="actual"))
    frame = frame_from_rows([_row("7", **CLUSTER), _row("7", 5, 9, subject_kind="other", status="actual")])
    frame.to_csv(tmp_path / "f.csv", index=False)
    back = pd.read_csv(tmp_path / "f.csv")  # doc_id 7 read as a number, empty cells as NaN
    assert _right(score_context(gold, back)) == _right(score_context(gold, frame)) == {k: 2 for k in ALL_RIGHT}


def test_a_frame_without_the_context_columns_is_refused(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER))
    frame = frame_from_rows([_row(**CLUSTER)]).drop(columns=["period", "status"])
    with pytest.raises(ValueError, match="score_context needs the column.s. period, status"):
        score_context(gold, frame)


def test_scores_print_one_line_per_field_and_the_tuple(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER), _metric(start=5, end=9, **CLUSTER))
    text = format_context_scores(_score(gold, _row(**CLUSTER)), title="== context")
    assert text.splitlines() == [
        "== context",
        "subject  1/2 = 0.500",
        "period   1/2 = 0.500",
        "status   1/2 = 0.500",
        "change   1/2 = 0.500",
        "measure  1/2 = 0.500",
        "context tuple 1/2 = 0.500",
    ]


def test_show_lists_the_misses_with_want_and_got(tmp_path):
    gold = _gold(tmp_path, _metric(**CLUSTER), _metric(start=5, end=9, text="90亿元", **CLUSTER), _metric(start=9, end=12, text="12.6%"))
    scores = _score(gold, _row(**(CLUSTER | {"period": "2024", "change": "up"})))
    lines = format_context_scores(scores, show=1).splitlines()[7:]
    assert lines == [
        "  d1 0-4 '243家' wrong: period, change",
        "      want cluster:龙口市交通铝材特色产业集群 2023 actual - 企业",
        "      got  cluster:龙口市交通铝材特色产业集群 2024 actual up 企业",
    ]
    assert "NO ROW" in format_context_scores(scores, show=2)


# --- running a pipeline -------------------------------------------------------------------------


@Language.component("test_period_is_the_document_date")
def _period_is_the_document_date(doc):
    for ent in doc.ents:
        if ent.label_ == "METRIC":
            ent._.period = doc._.doc_date
    return doc


@pytest.fixture(scope="module")
def dated_nlp():
    nlp = cluster_ner.load(rules_only=True)
    nlp.add_pipe("test_period_is_the_document_date", last=True)
    return nlp


def _doc_and_gold(tmp_path: Path) -> tuple[list[GoldDoc], ContextGold]:
    doc = GoldDoc("d1", TEXT)
    start = TEXT.index("243家")
    gold = _gold(tmp_path, "d1\tdate\t2024-03\n", _metric("d1", start, start + 4, "243家", period="2024-03"))
    return [doc], gold


def test_given_date_passes_the_gold_date_to_the_pipeline(tmp_path, dated_nlp):
    docs, gold = _doc_and_gold(tmp_path)
    assert evaluate_context(dated_nlp, docs, gold, given_date=True).right["period"] == 1
    assert evaluate_context(dated_nlp, docs, gold).right["period"] == 0  # no date in the text


def test_evaluate_context_scores_only_the_given_documents(tmp_path, rules_nlp):
    docs, gold = _doc_and_gold(tmp_path)
    other = _gold(tmp_path, _metric("elsewhere"), name="other.tsv")
    both = read_context_gold([tmp_path / "c.tsv", tmp_path / "other.tsv"])
    assert len(other.metrics) == 1 and evaluate_context(rules_nlp, docs, both).total == 1


def _cli_files(tmp_path: Path) -> tuple[Path, Path]:
    docs, _ = _doc_and_gold(tmp_path)
    gold = tmp_path / "gold.jsonl"
    start = TEXT.index("243家")
    spans = [{"start": start, "end": start + 4, "label": "METRIC", "text": "243家"}]
    gold.write_text(json.dumps({"id": "d1", "text": TEXT, "spans": spans}, ensure_ascii=False) + "\n", encoding="utf-8")
    return gold, tmp_path / "c.tsv"


def test_cli_prints_entity_scores_then_context_scores(tmp_path, capsys):
    gold, context = _cli_files(tmp_path)
    assert main(["evaluate", str(gold), "--context", str(context), "--rules-only"]) == 0
    out = capsys.readouterr().out
    assert out.index("micro") < out.index("== context: default pipeline (rules only) on 1 metrics of 1 documents")
    assert [line for line in out.splitlines() if FIGURE.match(line)][-1] == "context tuple 0/1 = 0.000"


def test_cli_given_date_reaches_the_scorer(tmp_path, capsys, monkeypatch):
    import cluster_ner.evaluate as ev

    seen = []
    real = ev.evaluate_context
    monkeypatch.setattr(ev, "evaluate_context", lambda *a, **k: seen.append(k["given_date"]) or real(*a, **k))
    gold, context = _cli_files(tmp_path)
    assert main(["evaluate", str(gold), "--context", str(context), "--given-date", "--rules-only"]) == 0
    assert seen == [True] and "document dates given (--given-date)" in capsys.readouterr().out


def test_cli_says_how_many_metrics_of_other_documents_it_left_out(tmp_path, capsys):
    gold, context = _cli_files(tmp_path)
    with context.open("a", encoding="utf-8") as fh:
        fh.write(_metric("elsewhere"))
    assert main(["evaluate", str(gold), "--context", str(context), "--rules-only"]) == 0
    assert "1 of 2 context metrics are in documents not in" in capsys.readouterr().err


def test_cli_show_lists_misses(tmp_path, capsys):
    gold, context = _cli_files(tmp_path)
    assert main(["evaluate", str(gold), "--context", str(context), "--rules-only", "--show", "5"]) == 0
    out = capsys.readouterr().out
    assert "  d1 " in out and "      want -:- 2024-03 - - -" in out


# --- the reference scorer --------------------------------------------------------------------

FAKE_CLUSTER_NER = '''
import json, os
import pandas as pd

COLUMNS = ["doc_id", "label", "start", "end", "text", "subject", "subject_kind", "period", "status", "change", "measure"]
ROWS = json.load(open(os.environ["FAKE_ROWS"], encoding="utf-8"))


def extract(text, *, doc_id=None, nlp=None, date=None):
    return pd.DataFrame([r for r in ROWS if r["doc_id"] == doc_id], columns=COLUMNS)
'''


def _first(value: str) -> str:
    return value.split("|")[0].strip()


def _perturbed(gold: ContextGold) -> list[dict[str, Any]]:
    """Predictions for the gold metrics: right, or wrong in one of many ways."""
    rows = []
    for i, m in enumerate(gold.metrics):
        r: dict[str, Any] = {
            "doc_id": m.doc_id, "label": "METRIC", "start": m.start, "end": m.end, "text": m.text,
            "subject_kind": _first(m.subject_kind), "subject": _first(m.subject) or None,
            "period": _first(m.period) or None, "status": _first(m.status), "change": _first(m.change) or None,
            "measure": _first(m.measure) or None,
        }
        case = i % 10
        if case == 0:
            continue  # missing row
        if case == 1:
            r["period"] = "1999"
        elif case == 2:
            r["subject_kind"], r["subject"] = "group", "随便"
        elif case == 3:
            r["measure"] = (r["measure"] or "值")[-2:]
        elif case == 4:
            r["subject"] = (r["subject"] or "") + "有限公司"
        elif case == 5:
            r["status"] = "target" if r["status"] == "actual" else "actual"
        elif case == 6:
            r["change"] = "down"
        elif case == 7:
            r["label"] = "CLUSTER"
        elif case == 8:
            r["subject"] = m.subject.split("|")[-1] or None
            r["period"] = f" {m.period.split('|')[-1]} "
        rows.append(r)
    return rows


def _figures(text: str) -> list[str]:
    return [line for line in text.splitlines() if FIGURE.match(line)]


@pytest.fixture()
def reference() -> Path:
    if not (REFERENCE.exists() and SEEDS.exists() and SEEDS_CONTEXT.exists()):
        pytest.skip("../shared (tools/score_context.py and the seeds' gold) is not present")
    return REFERENCE


def test_same_figures_as_the_reference_scorer_on_the_seeds(reference, tmp_path):
    gold = read_context_gold(SEEDS_CONTEXT)
    rows = _perturbed(gold)
    (tmp_path / "rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "fake" / "cluster_ner").mkdir(parents=True)
    (tmp_path / "fake" / "cluster_ner" / "__init__.py").write_text(FAKE_CLUSTER_NER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "fake"), "FAKE_ROWS": str(tmp_path / "rows.json")}
    done = subprocess.run(
        [sys.executable, str(reference), str(SEEDS), str(SEEDS_CONTEXT)], env=env, capture_output=True, text=True, check=True
    )
    ours = _figures(format_context_scores(score_context(gold, frame_from_rows(rows))))
    assert _figures(done.stdout) == ours
    assert len(ours) == 6 and not any(line.endswith(("0.000", "1.000")) for line in ours)  # every rule at work


@pytest.mark.parametrize("given_date", [False, True], ids=["dates found", "--given-date"])
def test_cli_prints_the_reference_figures_for_the_pipeline_on_the_seeds(reference, capsys, given_date):
    flag = ["--given-date"] if given_date else []
    done = subprocess.run(
        [sys.executable, str(reference), str(SEEDS), str(SEEDS_CONTEXT), *flag], capture_output=True, text=True, check=True
    )
    assert main(["evaluate", str(SEEDS), "--context", str(SEEDS_CONTEXT), *flag]) == 0
    assert _figures(capsys.readouterr().out) == _figures(done.stdout)
