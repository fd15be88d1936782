"""Gold files: reading any of them, writing them, and the inline markup.

The gold format is one JSON object per line::

    {"id": "...", "text": "...", "spans": [{"start": 0, "end": 3, "label": "GOV", "text": "工信部"}]}

``end`` is exclusive and ``text == doc_text[start:end]``. The inline markup
``[[GOV:工信部]]`` is a quick way to write such documents by hand.
:func:`read_gold` also reads the exports of Label Studio (JSON, JSON-MIN,
JSONL), Doccano (JSONL, ``label`` or ``entities``; its .zip) and spaCy
(``.spacy`` DocBin) into the same structure.

The documents and their checks are in :mod:`cluster_ner.gold_docs`, the
readers of each export in :mod:`cluster_ner.gold_formats`; their names are
importable from here too.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .constants import LABELS
from .errors import GoldFormatError, Messages
from .gold_docs import GoldDoc, GoldSpan, validate
from .gold_formats import GoldFile, read_docbin, read_json_file, read_zip
from .gold_formats import SKIP_REASONS  # noqa: F401  (importable from here, where it was defined before)


_MARKUP = re.compile(r"\[\[([A-Z]+):(.*?)\]\]", re.S)


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


def read_gold(path: str | Path) -> GoldFile:
    """Read a gold file or an annotation tool's export, whatever its format.

    Reads the project's gold JSONL, Label Studio JSON (the indented array of
    tasks), JSON-MIN and JSONL, Doccano JSONL (``label`` or ``entities``, or
    the .zip Doccano downloads), and spaCy ``.spacy`` DocBins. Label Studio
    tasks without annotations are skipped (their predictions are never taken
    as gold), and so are tasks whose every annotation was cancelled; of
    several annotations of a task the ground-truth one, else the most recent,
    is used. :meth:`GoldFile.skipped_message` says what was skipped.

    Raises:
        OSError: the file cannot be read.
        GoldFormatError: a record that is not valid JSON or not of a known
            shape, or a bad span (naming the file and the line or item).
    """
    p = Path(path)
    if p.is_dir():
        raise GoldFormatError(Messages.GOLD_IS_DIR.format(path=p))
    if p.suffix == ".spacy":
        return read_docbin(p)
    if p.suffix == ".zip":
        return read_zip(p)
    return read_json_file(p)


def read_jsonl(path: str | Path) -> Iterator[GoldDoc]:
    """Yield the documents of a gold file or export (see :func:`read_gold`).

    What was skipped is said once, as a ``UserWarning``.

    Raises:
        GoldFormatError: on the first bad record, naming the file and line.
    """
    gold = read_gold(path)
    message = gold.skipped_message()
    if message:
        warnings.warn(message, UserWarning, stacklevel=2)
    yield from gold.docs


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
            docs.append(validate(doc, path=str(path), line=f"document {current_id}"))

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


def write_docbin(docs: Iterable[GoldDoc], path: str | Path, nlp: Any = None) -> dict[str, int]:
    """Write gold documents as a spaCy ``.spacy`` DocBin for ``python -m spacy train/evaluate``.

    Each Doc is the gold document as the pipeline sees it: the cleaned working
    text made by the pipeline's tokenizer, one token per character, with the
    gold entities on the characters they cover
    (:func:`cluster_ner.train.reference_doc`). The raw text and the offset map
    are kept (``store_user_data=True``), so :func:`read_gold` reads the file
    back with offsets into the raw text.

    Args:
        docs: gold documents (offsets into their raw text).
        path: the ``.spacy`` file to write.
        nlp: the pipeline whose tokenizer makes the Docs (default: a new one).

    Returns:
        Counts: ``docs``, ``spans``, ``dropped`` (spans that cover only noise)
        and ``inexact`` (spans with noise at an edge).
    """
    from spacy.tokens import DocBin

    from .extensions import register_extensions
    from .train import Conversion, reference_doc

    register_extensions()
    if nlp is None:
        from .pipeline import build

        nlp = build()
    stats = Conversion()
    bin_ = DocBin(store_user_data=True)
    n = 0
    for gold in docs:
        doc = reference_doc(nlp, gold, stats)
        doc._.doc_id = gold.id
        bin_.add(doc)
        n += 1
    bin_.to_disk(path)
    return {"docs": n, "spans": stats.spans, "dropped": len(stats.dropped), "inexact": len(stats.inexact)}
