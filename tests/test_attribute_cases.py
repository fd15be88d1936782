"""Independent evaluation of normalized attributes on held-out cases.

Each line of ``tests/data/attribute_cases.jsonl`` names one entity in a short
text (simplified or traditional script) and the attributes an analyst is sure
of.  The test runs the pipeline on every text, finds the row whose ``text``
equals the case's ``entity`` and whose ``label`` matches, and compares the
expected attributes.  A missing entity counts every expected attribute of the
case as wrong.  Run with ``pytest -s`` to see the accuracy table and the list
of wrong values.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

import cluster_ner

CASES_PATH = Path(__file__).parent / "data" / "attribute_cases.jsonl"
MIN_ACCURACY = 0.90
REL_TOL = 1e-3


def _load_cases() -> list[dict]:
    cases = []
    with CASES_PATH.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                cases.append(json.loads(line))
    return cases


def _is_na(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _matches(expected, got) -> bool:
    if expected is None:
        return _is_na(got)
    if _is_na(got):
        return False
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            got_f = float(got)
        except (TypeError, ValueError):
            return False
        return math.isclose(got_f, float(expected), rel_tol=REL_TOL, abs_tol=1e-9)
    return str(got) == str(expected)


def _show(value) -> str:
    if _is_na(value):
        return "<NA>"
    if hasattr(value, "item"):  # numpy / pandas scalar -> plain Python value
        value = value.item()
    return repr(value)


@pytest.fixture(scope="module")
def nlp():
    return cluster_ner.load()


def test_case_file_is_well_formed():
    cases = _load_cases()
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    for case in cases:
        assert case["label"] in {"GOV", "CLUSTER", "METRIC"}, case["id"]
        assert case["entity"] in case["text"], case["id"]
        assert case["expect"], case["id"]


def test_attribute_accuracy(nlp):
    cases = _load_cases()
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    wrong: list[tuple[str, str, str, str, str]] = []

    for case in cases:
        frame = cluster_ner.extract(case["text"], nlp=nlp)
        rows = frame[(frame["text"] == case["entity"]) & (frame["label"] == case["label"])]
        row = rows.iloc[0] if len(rows) else None
        for attr, expected in case["expect"].items():
            key = f"{case['label']}.{attr}"
            total[key] += 1
            if row is None:
                found = [f"{t}/{l}" for t, l in zip(frame["text"], frame["label"])]
                wrong.append((case["id"], key, repr(expected),
                              f"entity not found (found: {', '.join(found) or 'nothing'})",
                              case["text"]))
                continue
            got = row[attr] if attr in row.index else None
            if _matches(expected, got):
                right[key] += 1
            else:
                wrong.append((case["id"], key, _show(expected), _show(got), case["text"]))

    all_right = sum(right.values())
    all_total = sum(total.values())
    accuracy = all_right / all_total if all_total else 0.0

    lines = ["", f"Attribute accuracy on {len(cases)} cases ({CASES_PATH.name})",
             f"{'attribute':<20}{'right':>7}{'total':>7}{'acc':>8}"]
    for key in sorted(total):
        lines.append(f"{key:<20}{right[key]:>7}{total[key]:>7}{right[key] / total[key]:>8.3f}")
    lines.append(f"{'OVERALL':<20}{all_right:>7}{all_total:>7}{accuracy:>8.3f}")
    lines.append("")
    lines.append(f"Wrong values ({len(wrong)}):")
    for cid, key, exp, got, text in wrong:
        lines.append(f"  {cid:<6} {key:<18} expected {exp:<28} got {got}   | {text}")
    print("\n".join(lines))

    assert accuracy >= MIN_ACCURACY, (
        f"overall attribute accuracy {accuracy:.3f} < {MIN_ACCURACY} "
        f"({len(wrong)} wrong of {all_total})"
    )
