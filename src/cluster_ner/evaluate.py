"""Entity scores against gold: exact match, with error analysis.

A predicted entity is right when its ``(start, end, label)`` equals a gold
span's, offsets in the raw text. Besides precision, recall and F1 per label and
micro-averaged, every miss is classified (the "confusion" of the CLI):

* ``wrong_label``: same offsets, another label;
* ``wrong_boundary``: same label, overlapping but different offsets;
* ``missing``: gold span with no overlapping prediction;
* ``spurious``: prediction with no overlapping gold span.

Metric context is scored in :mod:`cluster_ner.context_gold` (reading the
context gold TSVs) and :mod:`cluster_ner.context_eval` (the scores); their
names are importable from here too (``cluster-ner evaluate`` and the README
use them from here).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from .constants import LABELS
from .frame import doc_rows
from .gold_docs import GoldDoc

# the metric context names stay importable from here (see the module docstring)
from .context_eval import (  # noqa: F401
    CONTEXT_FIELDS,
    KIND_ONLY,
    PREDICTION_COLUMNS,
    TUPLE_FIELDS,
    ContextMiss,
    ContextScores,
    evaluate_context,
    format_context_scores,
    judge,
    measure_ok,
    score_context,
    subject_ok,
)
from .context_gold import ALLOWED_VALUES, CONTEXT_GOLD_COLUMNS, ContextGold, ContextMetric, read_context_gold  # noqa: F401

Triple = tuple[int, int, str]


@dataclass
class Scores:
    """Counts per label and the derived precision / recall / F1."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, error kind)
    examples: list[dict[str, Any]] = field(default_factory=list)

    def prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of ``label`` (micro over all labels when None)."""
        labels = LABELS if label is None else (label,)
        tp = sum(self.tp[lab] for lab in labels)
        fp = sum(self.fp[lab] for lab in labels)
        fn = sum(self.fn[lab] for lab in labels)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def as_dict(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for lab in (*LABELS, None):
            p, r, f = self.prf(lab)
            key = lab or "micro"
            support = self.tp[lab] + self.fn[lab] if lab else sum(self.tp[x] + self.fn[x] for x in LABELS)
            out[key] = {"p": p, "r": r, "f": f, "support": support}
        return out


def score_doc(gold: set[Triple], pred: set[Triple], scores: Scores, *, doc_id: str = "", text: str = "") -> None:
    """Add one document's comparison to ``scores``."""
    for s in gold & pred:
        scores.tp[s[2]] += 1
    for s in pred - gold:
        scores.fp[s[2]] += 1
    for s in gold - pred:
        scores.fn[s[2]] += 1
    for g in gold - pred:
        kind = _classify_gold_miss(g, pred)
        scores.errors[(g[2], kind)] += 1
        scores.examples.append({"doc_id": doc_id, "kind": kind, "gold": g, "text": text[g[0] : g[1]]})
    for p in pred - gold:
        if not any(_overlap(p, g) for g in gold):
            scores.errors[(p[2], "spurious")] += 1
            scores.examples.append({"doc_id": doc_id, "kind": "spurious", "pred": p, "text": text[p[0] : p[1]]})


def _overlap(a: Triple, b: Triple) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _classify_gold_miss(g: Triple, pred: set[Triple]) -> str:
    if any(p[0] == g[0] and p[1] == g[1] for p in pred):
        return "wrong_label"
    if any(_overlap(p, g) and p[2] == g[2] for p in pred):
        return "wrong_boundary"
    if any(_overlap(p, g) for p in pred):
        return "wrong_label"
    return "missing"


def evaluate(nlp: Language, docs: Iterable[GoldDoc], *, batch_size: int = 32) -> Scores:
    """Run ``nlp`` over gold documents and score its entities."""
    scores = Scores()
    docs = list(docs)
    for gold_doc, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
        pred = {(r["start"], r["end"], r["label"]) for r in doc_rows(doc)}
        gold = {(s.start, s.end, s.label) for s in gold_doc.spans}
        score_doc(gold, pred, scores, doc_id=gold_doc.id, text=gold_doc.text)
    return scores


def format_scores(scores: Scores, *, title: str = "") -> str:
    """A plain-text table of the scores and the error counts."""
    lines = [title] if title else []
    lines.append(f"{'label':<8} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for key, v in scores.as_dict().items():
        lines.append(f"{key:<8} {v['p']:>6.3f} {v['r']:>6.3f} {v['f']:>6.3f} {int(v['support']):>8}")
    if scores.errors:
        lines.append("")
        lines.append(f"{'errors':<8} {'wrong_label':>12} {'wrong_boundary':>15} {'missing':>8} {'spurious':>9}")
        for lab in LABELS:
            e = scores.errors
            lines.append(
                f"{lab:<8} {e[(lab, 'wrong_label')]:>12} {e[(lab, 'wrong_boundary')]:>15} "
                f"{e[(lab, 'missing')]:>8} {e[(lab, 'spurious')]:>9}"
            )
    return "\n".join(lines)
