"""Metric context scores: the subject, period, status, change and measure of each METRIC.

:func:`score_context` compares any frame's METRIC rows with the gold of
:func:`cluster_ner.context_gold.read_context_gold` field by field, exactly as
``tools/score_context.py`` does (``../shared/CONTEXT.md``);
:func:`evaluate_context` runs a pipeline over the gold documents and scores
it; :func:`format_context_scores` prints the figures as that tool does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from .context_gold import ContextGold, ContextMetric, alternatives
from .errors import Messages
from .gold_docs import GoldDoc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# The fields scored, in the order they are printed; the tuple is the first four.
CONTEXT_FIELDS: tuple[str, ...] = ("subject", "period", "status", "change", "measure")
TUPLE_FIELDS: tuple[str, ...] = ("subject", "period", "status", "change")
# Subjects of these kinds are right when the kind is (the string is not compared).
KIND_ONLY: frozenset[str] = frozenset({"group", "other", ""})
# The frame columns score_context reads.
PREDICTION_COLUMNS: tuple[str, ...] = ("doc_id", "start", "end", "subject", "subject_kind", "period", "status", "change", "measure")


@dataclass(frozen=True)
class ContextMiss:
    """A gold metric with at least one field wrong.

    Attributes:
        metric: the gold line.
        got: the predicted values (``""`` for missing), or None when no METRIC
            row has the gold offsets.
        wrong: the fields of :data:`CONTEXT_FIELDS` that are wrong.
    """

    metric: ContextMetric
    got: dict[str, str] | None
    wrong: tuple[str, ...]


@dataclass
class ContextScores:
    """How many gold metrics have each field right, and the misses.

    Attributes:
        total: the number of gold metrics scored.
        right: field (:data:`CONTEXT_FIELDS` and ``"tuple"``) → metrics with it right.
        misses: the metrics with any field wrong, in gold order.
        failed: ids of documents the pipeline failed on (their metrics count as missing).
    """

    total: int = 0
    right: Counter[str] = field(default_factory=Counter)
    misses: list[ContextMiss] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        """The share of gold metrics with ``name`` right (a field, or ``"tuple"``); 0.0 when there are none."""
        return self.right[name] / max(self.total, 1)

    def as_dict(self) -> dict[str, dict[str, float]]:
        """``{field: {"right", "total", "accuracy"}}`` for each field and ``"tuple"``."""
        return {
            name: {"right": self.right[name], "total": self.total, "accuracy": self.accuracy(name)}
            for name in (*CONTEXT_FIELDS, "tuple")
        }


def _plain(value: Any) -> str:
    """A predicted value as the reference scorer sees it: missing → ``""``, else ``str(value).strip()``
    (a whole number read back from CSV, such as a period ``2023.0``, without ``.0``)."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def subject_ok(gold: ContextMetric, kind: str, subject: str) -> bool:
    """Whether a predicted subject is right (CONTEXT.md, tools/score_context.py).

    The kind must be one of the gold kinds. Kinds ``group`` and ``other`` (and
    no subject) are judged by kind only; a ``company`` is right when one name
    contains the other; any other kind needs one of the gold strings exactly.
    """
    if kind not in alternatives(gold.subject_kind):
        return False
    if kind in KIND_ONLY:
        return True
    wanted = alternatives(gold.subject)
    if kind == "company":
        return any(subject and w and (subject in w or w in subject) for w in wanted)
    return subject in wanted


def measure_ok(gold: ContextMetric, measure: str) -> bool:
    """Whether a predicted measure is right: equal to a gold alternative, or one a
    suffix of the other with the shorter at least 2 characters; an empty gold
    measure wants an empty answer."""
    wanted = alternatives(gold.measure)
    if wanted == [""]:
        return measure == ""
    for w in wanted:
        short, long_ = sorted((measure, w), key=len)
        if measure == w or (len(short) >= 2 and long_.endswith(short)):
            return True
    return False


def judge(gold: ContextMetric, got: dict[str, str] | None) -> dict[str, bool]:
    """Each field of :data:`CONTEXT_FIELDS` and ``"tuple"`` of one metric: right or not.

    Args:
        gold: the gold metric.
        got: the predicted values as plain strings (``""`` for none), or None
            when there is no METRIC row at the gold offsets (wrong in every field).
    """
    if got is None:
        return {name: False for name in (*CONTEXT_FIELDS, "tuple")}
    res = {
        "subject": subject_ok(gold, got["subject_kind"], got["subject"]),
        "period": got["period"] in alternatives(gold.period),
        "status": got["status"] in alternatives(gold.status),
        "change": got["change"] in alternatives(gold.change),
        "measure": measure_ok(gold, got["measure"]),
    }
    res["tuple"] = all(res[name] for name in TUPLE_FIELDS)
    return res


def _predicted(predictions: "pd.DataFrame | Iterable[dict[str, Any]]") -> dict[tuple[str, int, int], dict[str, str]]:
    """(doc_id, start, end) → the predicted context of each METRIC row (the last row wins)."""
    import pandas as pd

    if isinstance(predictions, pd.DataFrame):
        missing = [c for c in PREDICTION_COLUMNS if c not in predictions.columns]
        if missing:
            raise ValueError(Messages.FRAME_MISSING_COLUMNS.format(what="score_context", missing=", ".join(missing)))
        records: Iterable[dict[str, Any]] = predictions.to_dict("records")
    else:
        records = predictions
    out: dict[tuple[str, int, int], dict[str, str]] = {}
    for r in records:
        if "label" in r and _plain(r["label"]) != "METRIC":
            continue
        doc_id = r.get("doc_id")
        doc_key = str(doc_id) if isinstance(doc_id, str) else _plain(doc_id)  # the id as given, 7 and 7.0 as "7"
        key = (doc_key, int(r["start"]), int(r["end"]))
        out[key] = {name: _plain(r.get(name)) for name in PREDICTION_COLUMNS[3:]}
    return out


def score_context(
    gold: ContextGold | Iterable[ContextMetric],
    predictions: "pd.DataFrame | Iterable[dict[str, Any]]",
) -> ContextScores:
    """Compare the METRIC rows of a frame with context gold, field by field.

    For each gold metric the METRIC row with its ``doc_id``, ``start`` and
    ``end`` is compared (no such row: wrong in every field): ``subject``
    (see :func:`subject_ok`), ``period``, ``status`` and ``change`` (one of
    the gold alternatives; an empty gold field wants an empty answer) and
    ``measure`` (see :func:`measure_ok`); the tuple is right when subject,
    period, status and change all are. The same rules and figures as
    ``tools/score_context.py``.

    Args:
        gold: from :func:`read_context_gold` (or any ContextMetric list).
        predictions: a frame with the columns of :data:`PREDICTION_COLUMNS`
            (``cluster_ner.extract`` / ``extract_many``'s, or one read back
            from CSV or Parquet); rows with a ``label`` other than METRIC are
            ignored. Or dicts with those keys.

    Returns:
        The counts per field and the misses.

    Raises:
        ValueError: the frame lacks one of :data:`PREDICTION_COLUMNS`.
    """
    metrics = gold.metrics if isinstance(gold, ContextGold) else list(gold)
    rows = _predicted(predictions)
    scores = ContextScores(total=len(metrics))
    for m in metrics:
        got = rows.get((m.doc_id, m.start, m.end))
        res = judge(m, got)
        for name, ok in res.items():
            scores.right[name] += ok
        wrong = tuple(name for name in CONTEXT_FIELDS if not res[name])
        if wrong:
            scores.misses.append(ContextMiss(m, got, wrong))
    return scores


def evaluate_context(
    nlp: Language,
    docs: Sequence[GoldDoc],
    gold: ContextGold,
    *,
    given_date: bool = False,
    batch_size: int = 32,
) -> ContextScores:
    """Run ``nlp`` over the documents that have context gold and score their metrics.

    Each document runs as ``cluster_ner.extract(text, doc_id=…, nlp=nlp)``
    would run it (through ``extract_many``: the same rows).

    Args:
        nlp: the pipeline to score.
        docs: the gold documents (their texts); metrics of other documents are
            not scored.
        gold: from :func:`read_context_gold`.
        given_date: pass each document's gold date as ``date=`` (else the
            pipeline finds the date in the text).
        batch_size: documents per batch.

    Returns:
        The scores; a document the pipeline fails on is named in ``failed``
        and its metrics count as missing.

    Raises:
        GoldFormatError: no gold metric is in ``docs``, or one does not match
            its document's text (see :meth:`ContextGold.restrict`).
    """
    from .extract import collect

    gold = gold.restrict(docs)
    texts = {d.id: d.text for d in docs}
    ids = gold.documents()
    dates = [gold.dates.get(i) or None for i in ids] if given_date else None
    frame, errors = collect([texts[i] for i in ids], ids=ids, dates=dates, nlp=nlp, batch_size=batch_size, progress=False)
    scores = score_context(gold, frame)
    scores.failed = [str(e["doc_id"]) for e in errors]
    return scores


def _shown(values: dict[str, str] | None) -> str:
    if values is None:
        return "NO ROW"
    kind, subject = values.get("subject_kind", ""), values.get("subject", "")
    parts = [f"{kind or '-'}:{subject or '-'}"] + [values.get(k, "") or "-" for k in ("period", "status", "change", "measure")]
    return " ".join(parts)


def format_context_scores(scores: ContextScores, *, title: str = "", show: int = 0) -> str:
    """Per-field accuracy, the tuple share and (``show``) the first misses, as plain text.

    The figure lines are those of ``tools/score_context.py``::

        subject  25/31 = 0.806
        …
        context tuple 24/31 = 0.774

    Args:
        scores: from :func:`score_context` or :func:`evaluate_context`.
        title: a first line.
        show: list the first ``show`` metrics with a field wrong, gold
            (``want``) against prediction (``got``: kind:subject period status
            change measure, ``-`` for empty).
    """
    lines = [title] if title else []
    n = scores.total
    for name in CONTEXT_FIELDS:
        lines.append(f"{name:8} {scores.right[name]}/{n} = {scores.accuracy(name):.3f}")
    lines.append(f"context tuple {scores.right['tuple']}/{n} = {scores.accuracy('tuple'):.3f}")
    if scores.failed:
        lines.append(f"the pipeline failed on {len(scores.failed)} document(s), their metrics count as missing: {', '.join(scores.failed)}")
    if show and scores.misses:
        lines.append("")
        for miss in scores.misses[:show]:
            m = miss.metric
            want = {k: getattr(m, k) for k in ("subject_kind", "subject", "period", "status", "change", "measure")}
            lines.append(f"  {m.doc_id} {m.start}-{m.end} {m.text!r} wrong: {', '.join(miss.wrong)}")
            lines.append(f"      want {_shown(want)}")
            lines.append(f"      got  {_shown(miss.got)}")
    return "\n".join(lines)
