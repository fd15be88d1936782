"""Context gold: the metrics of CONTEXT.md's TSV files, and the dates they give.

:func:`read_context_gold` reads and checks the files (``../shared/CONTEXT.md``,
"Gold format"); :meth:`ContextGold.restrict` keeps the metrics of the
documents being scored. The scoring is in :mod:`cluster_ner.context_eval`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldFormatError, Messages
from .gold_docs import GoldDoc

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
# A gold document date: YYYY-MM-DD, YYYY-MM or YYYY (CONTEXT.md).
_GOLD_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


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
            if text[m.start : m.end] not in (m.text, _unescaped(m.text)):  # (a TSV writes a line break as \n)
                raise GoldFormatError(
                    Messages.GOLD_TEXT_MISMATCH.format(
                        path=m.path, where=where, start=m.start, end=m.end, actual=text[m.start : m.end], expected=m.text
                    )
                )
        dates = {k: v for k, v in self.dates.items() if k in texts}
        return ContextGold(kept, dates, list(self.paths))


def _unescaped(value: str) -> str:
    """A TSV cell's text with its escaped line breaks and tabs (\\n, \\t) restored."""
    return value.replace("\\n", "\n").replace("\\t", "\t")


def alternatives(value: str) -> list[str]:
    """The acceptable values of a gold field: its ``|`` alternatives, stripped (``[""]`` when empty)."""
    return [x.strip() for x in value.split("|")] if value else [""]


def _check_alternatives(value: str, name: str, path: str, line: int) -> None:
    allowed = ALLOWED_VALUES[name]
    for alt in alternatives(value):
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
