"""Annotated documents: the gold JSONL format, inline markup, and tool exports.

The gold format is one JSON object per line::

    {"id": "...", "text": "...", "spans": [{"start": 0, "end": 3, "label": "GOV", "text": "工信部"}]}

``end`` is exclusive and ``text == doc_text[start:end]``. The inline markup
``[[GOV:工信部]]`` is a quick way to write such documents by hand.
Label Studio and Doccano JSONL exports are read into the same structure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .constants import LABELS
from .errors import GoldFormatError, Messages


_MARKUP = re.compile(r"\[\[([A-Z]+):(.*?)\]\]", re.S)


@dataclass(frozen=True)
class GoldSpan:
    """One annotated entity: ``[start, end)`` into the document text."""

    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


@dataclass
class GoldDoc:
    """A document with its annotated spans, sorted by start."""

    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "spans": [s.to_dict() for s in self.spans]}


def parse_markup(marked: str, *, doc_id: str = "") -> GoldDoc:
    """Turn ``…[[GOV:工信部]]…`` markup into a :class:`GoldDoc`.

    Args:
        marked: text with entities written as ``[[LABEL:surface]]``.
        doc_id: id given to the document.

    Returns:
        The plain text with one span per marked entity.

    Raises:
        GoldFormatError: on an unknown label or unbalanced brackets.
    """
    out: list[str] = []
    spans: list[GoldSpan] = []
    pos = 0
    length = 0
    for m in _MARKUP.finditer(marked):
        before = marked[pos : m.start()]
        _check_no_stray_brackets(before, pos)
        out.append(before)
        length += len(before)
        label, surface = m.group(1), m.group(2)
        if label not in LABELS:
            raise GoldFormatError(
                Messages.MARKUP_BAD_LABEL.format(label=label, pos=m.start(), labels=", ".join(LABELS))
            )
        _check_no_stray_brackets(surface, m.start(2))
        spans.append(GoldSpan(length, length + len(surface), label, surface))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    rest = marked[pos:]
    _check_no_stray_brackets(rest, pos)
    out.append(rest)
    return GoldDoc(doc_id, "".join(out), spans)


def _check_no_stray_brackets(chunk: str, offset: int) -> None:
    for token in ("[[", "]]"):
        i = chunk.find(token)
        if i >= 0:
            at = offset + i
            raise GoldFormatError(
                Messages.MARKUP_UNBALANCED.format(pos=at, context=chunk[max(0, i - 10) : i + 12])
            )


def to_markup(doc: GoldDoc) -> str:
    """Inverse of :func:`parse_markup`."""
    parts: list[str] = []
    pos = 0
    for s in sorted(doc.spans, key=lambda s: s.start):
        parts.append(doc.text[pos : s.start])
        parts.append(f"[[{s.label}:{doc.text[s.start:s.end]}]]")
        pos = s.end
    parts.append(doc.text[pos:])
    return "".join(parts)


def validate(doc: GoldDoc, *, path: str = "<memory>", line: int = 0) -> GoldDoc:
    """Check offsets, labels, texts and overlaps; return the doc with sorted spans.

    Raises:
        GoldFormatError: naming the file and line of the first problem.
    """
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end))
    for s in spans:
        if s.label not in LABELS:
            raise GoldFormatError(
                Messages.GOLD_UNKNOWN_LABEL.format(path=path, line=line, label=s.label, labels=", ".join(LABELS))
            )
        if not (0 <= s.start < s.end <= len(doc.text)):
            raise GoldFormatError(
                Messages.GOLD_BAD_OFFSETS.format(path=path, line=line, start=s.start, end=s.end, length=len(doc.text))
            )
        actual = doc.text[s.start : s.end]
        if actual != s.text:
            raise GoldFormatError(
                Messages.GOLD_TEXT_MISMATCH.format(
                    path=path, line=line, start=s.start, end=s.end, actual=actual, expected=s.text
                )
            )
    for a, b in zip(spans, spans[1:]):
        if b.start < a.end:
            raise GoldFormatError(
                Messages.GOLD_OVERLAP.format(path=path, line=line, first=(a.start, a.end), second=(b.start, b.end))
            )
    return GoldDoc(doc.id, doc.text, spans)


def _doc_from_record(rec: dict[str, Any], path: str, line: int) -> GoldDoc:
    """Read one record in the gold, Label Studio or Doccano shape."""
    if "data" in rec and ("annotations" in rec or "predictions" in rec):
        return _from_label_studio(rec, path, line)
    if "text" not in rec:
        raise GoldFormatError(Messages.GOLD_MISSING_FIELD.format(path=path, line=line, field="text"))
    text = rec["text"]
    doc_id = str(rec.get("id", f"{Path(path).stem}-{line}"))
    if "spans" in rec:
        raw_spans = [(s["start"], s["end"], s["label"], s.get("text")) for s in rec["spans"]]
    elif "label" in rec or "entities" in rec:  # Doccano: [[start, end, label], ...] or entities dicts
        items = rec.get("label", rec.get("entities", []))
        raw_spans = []
        for it in items:
            if isinstance(it, dict):
                raw_spans.append((it["start_offset"], it["end_offset"], it["label"], None))
            else:
                raw_spans.append((it[0], it[1], it[2], None))
    else:
        raw_spans = []
    spans = [GoldSpan(int(s), int(e), str(lab), t if t is not None else text[int(s) : int(e)]) for s, e, lab, t in raw_spans]
    return validate(GoldDoc(doc_id, text, spans), path=path, line=line)


def _from_label_studio(rec: dict[str, Any], path: str, line: int) -> GoldDoc:
    data = rec.get("data", {})
    text = data.get("text")
    if text is None:
        raise GoldFormatError(Messages.GOLD_MISSING_FIELD.format(path=path, line=line, field="data.text"))
    results: list[dict[str, Any]] = []
    for ann in rec.get("annotations") or rec.get("predictions") or []:
        results = ann.get("result", [])
        break
    spans = []
    for r in results:
        v = r.get("value", {})
        for lab in v.get("labels", []):
            s, e = int(v["start"]), int(v["end"])
            spans.append(GoldSpan(s, e, lab, text[s:e]))
    doc_id = str(rec.get("id", f"{Path(path).stem}-{line}"))
    return validate(GoldDoc(doc_id, text, spans), path=path, line=line)


def read_jsonl(path: str | Path) -> Iterator[GoldDoc]:
    """Yield the documents of a gold, Label Studio or Doccano JSONL file.

    Raises:
        GoldFormatError: on the first bad line, naming the file and line.
    """
    p = str(path)
    with open(p, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(Messages.GOLD_BAD_JSON.format(path=p, line=n, detail=exc.msg)) from None
            if isinstance(rec, list):  # a Label Studio JSON export written as one array per line
                for item in rec:
                    yield _doc_from_record(item, p, n)
            else:
                yield _doc_from_record(rec, p, n)


def write_jsonl(docs: Iterable[GoldDoc], path: str | Path) -> int:
    """Write documents in the gold format; return how many were written."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


def markup_file_to_docs(path: str | Path) -> list[GoldDoc]:
    """Read a markup file: documents separated by lines ``### <id>``.

    Lines before the first header are ignored. Each document's text is the
    block under its header with the trailing newline removed.
    """
    docs: list[GoldDoc] = []
    current_id: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if current_id is not None:
            body = "\n".join(lines).strip("\n")
            doc = parse_markup(body, doc_id=current_id)
            docs.append(validate(doc, path=str(path), line=0))

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if line.startswith("### "):
                flush()
                current_id, lines = line[4:].strip(), []
            elif current_id is not None:
                lines.append(line)
    flush()
    return docs
