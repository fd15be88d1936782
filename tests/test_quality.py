"""Regression guards on the project's own held-out gold (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_ner.corpus import read_jsonl
from cluster_ner.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("path", ["corpus/dev.jsonl", "corpus/review/review.jsonl"])
def test_micro_f1_on_held_out_gold_is_at_least_090(nlp, path):
    scores = evaluate(nlp, read_jsonl(ROOT / path))
    p, r, f = scores.prf()
    assert f >= 0.90, f"{path}: P={p:.3f} R={r:.3f} F={f:.3f}"
