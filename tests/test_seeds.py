"""End to end: exact-match F1 per label on the seed gold in ../shared (skipped when absent)."""

from __future__ import annotations

import pytest

from cluster_ner.evaluate import evaluate


@pytest.mark.parametrize("label", ["CLUSTER", "GOV", "METRIC"])
def test_seed_f1_per_label_is_at_least_095(nlp, seed_gold, label):
    scores = evaluate(nlp, seed_gold)
    p, r, f = scores.prf(label)
    assert f >= 0.95, f"{label}: P={p:.3f} R={r:.3f} F={f:.3f}"


def test_every_seed_span_maps_back_to_the_raw_text(nlp, seed_gold):
    from cluster_ner.frame import doc_rows

    for gd in seed_gold:
        for row in doc_rows(nlp(gd.text)):
            assert gd.text[row["start"] : row["end"]] == row["text"]
