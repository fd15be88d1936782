"""Scores against gold: entities (exact match, with error analysis) and metric context.

A predicted entity is right when its ``(start, end, label)`` equals a gold
span's, offsets in the raw text. Besides precision, recall and F1 per label and
micro-averaged, every miss is classified (the "confusion" of the CLI):

* ``wrong_label``: same offsets, another label;
* ``wrong_boundary``: same label, overlapping but different offsets;
* ``missing``: gold span with no overlapping prediction;
* ``spurious``: prediction with no overlapping gold span.

Metric context (``../shared/CONTEXT.md``): :func:`read_context_gold` reads
the context gold TSVs, :func:`score_context` compares any frame's METRIC rows
with them field by field, exactly as ``tools/score_context.py`` does, and
:func:`evaluate_context` runs a pipeline over the gold documents and scores it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from .corpus import LABELS, GoldDoc
from .errors import GoldFormatError, Messages
from .frame import doc_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

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


# --- metric context: subject, period, status, change, measure ---------------------------------

# The fields scored, in the order they are printed; the tuple is the first four.
CONTEXT_FIELDS: tuple[str, ...] = ("subject", "period", "status", "change", "measure")
TUPLE_FIELDS: tuple[str, ...] = ("subject", "period", "status", "change")
# The columns of a context gold line (CONTEXT.md, "Gold format").
CONTEXT_GOLD_COLUMNS: tuple[str, ...] = (
    "doc_id", "start", "end", "text", "subject_kind", "subject", "period", "status", "change", "measure",
)
# The values a gold line may give (each alternative of a ``|`` list; empty is always allowed).
ALLOWED_VALUES: dict[str, tuple[str, ...]] = {
    "subject_kind": ("cluster", "body", "place", "national", "group", "company", "other"),
    "status": ("actual", "target"),
    "change": ("up", "down"),
}
# Subjects of these kinds are right when the kind is (the string is not compared).
KIND_ONLY: frozenset[str] = frozenset({"group", "other", ""})
# A gold document date: YYYY-MM-DD, YYYY-MM or YYYY (CONTEXT.md).
_GOLD_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# The frame columns score_context reads.
PREDICTION_COLUMNS: tuple[str, ...] = ("doc_id", "start", "end", "subject", "subject_kind", "period", "status", "change", "measure")


@dataclass(frozen=True)
class ContextMetric:
    """One line of context gold: a METRIC span and what it is about.

    Every field is the text of the gold file (``|`` between acceptable
    alternatives, ``""`` for none); ``path`` and ``line`` say where it is.
    """

    doc_id: str
    start: int
    end: int
    text: str
    subject_kind: str = ""
    subject: str = ""
    period: str = ""
    status: str = ""
    change: str = ""
    measure: str = ""
    path: str = ""
    line: int = 0


@dataclass
class ContextGold:
    """The metrics of one or more context gold files, and the document dates they give.

    Attributes:
        metrics: the gold metrics in file order.
        dates: document id → its date line's date (``""`` when the line leaves it empty).
        paths: the files read.
    """

    metrics: list[ContextMetric] = field(default_factory=list)
    dates: dict[str, str] = field(default_factory=dict)
    paths: list[str] = field(default_factory=list)

    def documents(self) -> list[str]:
        """The ids of the documents that have gold metrics, sorted."""
        return sorted({m.doc_id for m in self.metrics})

    def restrict(self, docs: Iterable[GoldDoc], *, gold_name: str = "the gold") -> "ContextGold":
        """The metrics of ``docs`` only, each checked against its document's text.

        Args:
            docs: the documents to score (e.g. the dev split).
            gold_name: what to call them in messages (the gold file's name).

        Returns:
            A ContextGold with the metrics whose ``doc_id`` is one of ``docs``.

        Raises:
            GoldFormatError: no metric belongs to ``docs``, or a metric's
                offsets do not cover its ``text`` in its document.
        """
        texts = {d.id: d.text for d in docs}
        kept = [m for m in self.metrics if m.doc_id in texts]
        if self.metrics and not kept:
            examples = ", ".join(self.documents()[:3])
            raise GoldFormatError(
                Messages.CONTEXT_NO_DOCS.format(n=len(self.metrics), paths=", ".join(self.paths), gold=gold_name, examples=examples)
            )
        for m in kept:
            text = texts[m.doc_id]
            where = f"line {m.line} (document {m.doc_id})"
            if m.end > len(text):
                raise GoldFormatError(
                    Messages.GOLD_BAD_OFFSETS.format(path=m.path, where=where, start=m.start, end=m.end, length=len(text))
                )
            if text[m.start : m.end] != m.text:
                raise GoldFormatError(
                    Messages.GOLD_TEXT_MISMATCH.format(
                        path=m.path, where=where, start=m.start, end=m.end, actual=text[m.start : m.end], expected=m.text
                    )
                )
        dates = {k: v for k, v in self.dates.items() if k in texts}
        return ContextGold(kept, dates, list(self.paths))


def _check_alternatives(value: str, name: str, path: str, line: int) -> None:
    allowed = ALLOWED_VALUES[name]
    for alt in _alternatives(value):
        if alt and alt not in allowed:
            raise GoldFormatError(
                Messages.CONTEXT_BAD_VALUE.format(path=path, line=line, field=name, value=alt, allowed=", ".join(allowed))
            )


def _read_context_file(path: Path, gold: ContextGold, date_lines: dict[str, str]) -> None:
    from .inputs import normalize_date

    p = str(path)
    if path.is_dir():
        raise GoldFormatError(Messages.CONTEXT_IS_DIR.format(path=p))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(Messages.GOLD_NOT_UTF8.format(path=p, detail=exc.reason)) from None
    before = len(gold.metrics)
    # lines end in \n, \r\n or \r (Python's universal newlines, as open() reads them)
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) >= 2 and f[1] == "date":  # doc_id, "date", YYYY-MM-DD | YYYY-MM | YYYY | empty
            doc_id, date = f[0], (f[2] if len(f) > 2 else "")
            try:
                if date.strip() and (not _GOLD_DATE.fullmatch(date.strip()) or normalize_date(date) != date.strip()):
                    raise ValueError(date)
            except ValueError:
                raise GoldFormatError(Messages.CONTEXT_BAD_DATE.format(path=p, line=n, doc_id=doc_id, value=date)) from None
            if doc_id in gold.dates and gold.dates[doc_id].strip() != date.strip():
                raise GoldFormatError(
                    Messages.CONTEXT_DATE_CONFLICT.format(
                        path=p, line=n, doc_id=doc_id, first=gold.dates[doc_id], second=date, where=date_lines[doc_id]
                    )
                )
            gold.dates[doc_id] = date
            date_lines[doc_id] = f"{p}, line {n}"
            continue
        if not 4 <= len(f) <= len(CONTEXT_GOLD_COLUMNS):
            raise GoldFormatError(Messages.CONTEXT_FIELDS.format(path=p, line=n, n=len(f)))
        f += [""] * (len(CONTEXT_GOLD_COLUMNS) - len(f))  # trailing empty fields may be cut by an editor
        rec = dict(zip(CONTEXT_GOLD_COLUMNS, f))
        try:
            start, end = int(rec["start"]), int(rec["end"])
        except ValueError:
            start = end = -1
        if not 0 <= start < end:
            raise GoldFormatError(Messages.CONTEXT_BAD_OFFSETS.format(path=p, line=n, start=rec["start"], end=rec["end"]))
        for name in ALLOWED_VALUES:
            _check_alternatives(rec[name], name, p, n)
        rec.update(start=start, end=end, path=p, line=n)
        gold.metrics.append(ContextMetric(**rec))
    if len(gold.metrics) == before:
        raise GoldFormatError(Messages.CONTEXT_NO_METRICS.format(path=p))


def read_context_gold(paths: str | Path | Iterable[str | Path]) -> ContextGold:
    """Read context gold in the format of CONTEXT.md from one or more TSV files.

    Each line is ``doc_id, start, end, text, subject_kind, subject, period,
    status, change, measure`` (tab-separated; ``|`` between acceptable
    alternatives; an empty field wants an empty answer; trailing empty fields
    may be left out); ``doc_id, date, YYYY-MM-DD`` lines give a document's
    date (``YYYY-MM``, ``YYYY`` or empty too); empty lines and lines starting
    with ``#`` are skipped.

    Args:
        paths: a file, or several (their metrics are scored together).

    Returns:
        The metrics in file order and the document dates.

    Raises:
        OSError: a file cannot be read.
        GoldFormatError: a file that is a folder, is not UTF-8 or has no
            metric line; a line with too few or too many fields, offsets that
            are not whole numbers with start < end, a subject_kind, status or
            change outside CONTEXT.md's values, a bad date, or a second date
            line that contradicts the first (naming the file and line).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    gold = ContextGold()
    date_lines: dict[str, str] = {}
    for path in paths:
        gold.paths.append(str(path))
        _read_context_file(Path(path), gold, date_lines)
    return gold


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


def _alternatives(value: str) -> list[str]:
    return [x.strip() for x in value.split("|")] if value else [""]


def subject_ok(gold: ContextMetric, kind: str, subject: str) -> bool:
    """Whether a predicted subject is right (CONTEXT.md, tools/score_context.py).

    The kind must be one of the gold kinds. Kinds ``group`` and ``other`` (and
    no subject) are judged by kind only; a ``company`` is right when one name
    contains the other; any other kind needs one of the gold strings exactly.
    """
    if kind not in _alternatives(gold.subject_kind):
        return False
    if kind in KIND_ONLY:
        return True
    wanted = _alternatives(gold.subject)
    if kind == "company":
        return any(subject and w and (subject in w or w in subject) for w in wanted)
    return subject in wanted


def measure_ok(gold: ContextMetric, measure: str) -> bool:
    """Whether a predicted measure is right: equal to a gold alternative, or one a
    suffix of the other with the shorter at least 2 characters; an empty gold
    measure wants an empty answer."""
    wanted = _alternatives(gold.measure)
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
        "period": got["period"] in _alternatives(gold.period),
        "status": got["status"] in _alternatives(gold.status),
        "change": got["change"] in _alternatives(gold.change),
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
