"""Gold files as annotation tools export them, read into :class:`GoldFile` s.

One reader per container: JSON or JSON lines (the project's gold, Label
Studio JSON, JSON-MIN and JSONL, Doccano JSONL, told apart record by record),
a Doccano .zip of such files, and spaCy ``.spacy`` DocBins. Every document is
checked with :func:`cluster_ner.gold_docs.validate`; what a tool exported but
is no gold (a task without annotations, a cancelled one) is skipped and
counted in the :class:`GoldFile`. :func:`cluster_ner.corpus.read_gold` picks
the reader by the file's suffix.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFormatError, Messages
from .gold_docs import GoldDoc, GoldSpan, validate

# What each tool writes (the fixtures in tests/data/exports are made the same way):
#
# * Label Studio "JSON": one indented JSON array of tasks
#   ``{"id", "data": {"text"}, "annotations": [{"result": [{"value": {"start", "end",
#   "text", "labels"}, "type": "labels", …}], "was_cancelled", "ground_truth",
#   "created_at", "updated_at", …}], "predictions": […], …}``; the same tasks one
#   per line when exported or collected as JSONL; one task per file in its target
#   storage. Offsets count UTF-16 code units (the browser's), which differ from
#   Python's only after characters outside the BMP; ``value.text`` tells them apart.
# * Label Studio "JSON-MIN": an indented array with one item per annotation,
#   ``{"text", "id", "<from_name>": [{"start", "end", "text", "labels"}],
#   "annotator", "annotation_id", "created_at", "updated_at", "lead_time"}``; a task
#   without annotations is an item without the labels field (annotation_id null).
# * Doccano JSONL: ``{"id", "text", "label": [[start, end, "LABEL"]], "Comments"}``, or
#   with relation labeling ``{"id", "text", "entities": [{"id", "label",
#   "start_offset", "end_offset"}], "relations": […]}``; the download is a .zip with
#   one JSONL file per annotator (or all.jsonl).
# * spaCy: a ``.spacy`` DocBin (``cluster-ner convert`` writes one).

SKIP_REASONS: dict[str, str] = {
    "no_annotations": "without annotations (predictions are never used as gold)",
    "cancelled": "with every annotation cancelled (was_cancelled)",
    "duplicate": "another annotation of a task already read (JSON-MIN lists each annotation; the first, most recent, is used)",
}
_MAX_IDS_SHOWN = 8


@dataclass
class GoldFile:
    """The documents of one gold file, and what was skipped and why."""

    path: str
    format: str
    docs: list[GoldDoc] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason key of SKIP_REASONS)
    several_annotations: list[str] = field(default_factory=list)  # task ids with more than one usable annotation

    @property
    def total(self) -> int:
        """Documents read plus documents skipped."""
        return len(self.docs) + len(self.skipped)

    def skipped_message(self) -> str | None:
        """One line counting and naming what was skipped, and which tasks had several
        annotations (None when there is nothing to say)."""
        if not self.skipped and not self.several_annotations:
            return None
        parts = []
        for key, text in SKIP_REASONS.items():
            ids = [i for i, k in self.skipped if k == key]
            if ids:
                parts.append(f"{len(ids)} {text}: {_shown(ids)}")
        unit = "items" if "json-min" in self.format else "tasks" if "label-studio" in self.format else "documents"
        message = (
            Messages.GOLD_SKIPPED.format(path=self.path, n=len(self.skipped), total=self.total, unit=unit, reasons="; ".join(parts))
            if parts
            else ""
        )
        if self.several_annotations:
            note = Messages.GOLD_SEVERAL_ANNOTATIONS.format(
                path=self.path, n=len(self.several_annotations), ids=_shown(self.several_annotations)
            )
            message = f"{message} {note}" if message else note
        return message


def _shown(ids: list[str]) -> str:
    return ", ".join(ids[:_MAX_IDS_SHOWN]) + (f" and {len(ids) - _MAX_IDS_SHOWN} more" if len(ids) > _MAX_IDS_SHOWN else "")


def _shape(path: str, where: str, detail: str) -> GoldFormatError:
    return GoldFormatError(Messages.GOLD_BAD_SHAPE.format(path=path, where=where, detail=detail))


def _int(value: Any, what: str, path: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or int(value) != value:
        raise _shape(path, where, f"{what} must be a whole number, got {value!r}")
    return int(value)


def _text_field(rec: dict[str, Any], path: str, where: str) -> str:
    if "text" not in rec:
        raise GoldFormatError(Messages.GOLD_MISSING_FIELD.format(path=path, where=where, field="text"))
    text = rec["text"]
    if not isinstance(text, str):
        raise _shape(path, where, f'"text" must be a string, got {type(text).__name__}')
    return text


def _list_field(rec: dict[str, Any], key: str, path: str, where: str) -> list[Any]:
    value = rec.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _shape(path, where, f"{key!r} must be a list, got {type(value).__name__}")
    return value


def _doc_id(rec: dict[str, Any], path: str, n: int) -> str:
    ident = rec.get("id")
    return str(ident) if ident is not None and not isinstance(ident, (dict, list)) else f"{Path(path).stem}-{n}"


def _utf16_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Python offsets of a span given in UTF-16 code units (None when out of range)."""
    units = 0
    starts: dict[int, int] = {}
    for i, ch in enumerate(text):
        starts[units] = i
        units += 2 if ord(ch) > 0xFFFF else 1
    starts[units] = len(text)
    if start in starts and end in starts:
        return starts[start], starts[end]
    return None


def _span(text: str, start: int, end: int, label: Any, quoted: Any, path: str, where: str) -> GoldSpan:
    if not isinstance(label, str):
        raise _shape(path, where, f"a label must be a string, got {label!r}")
    if isinstance(quoted, str) and text[start:end] != quoted:
        fixed = _utf16_span(text, start, end)  # browser tools count UTF-16 code units
        if fixed is not None and text[fixed[0] : fixed[1]] == quoted:
            start, end = fixed
    return GoldSpan(start, end, label, quoted if isinstance(quoted, str) else text[start:end])


def _gold_record(rec: dict[str, Any], path: str, where: str, n: int) -> GoldDoc:
    """The project's gold shape and Doccano's two JSONL shapes."""
    text = _text_field(rec, path, where)
    spans: list[GoldSpan] = []
    if "spans" in rec:
        for k, s in enumerate(_list_field(rec, "spans", path, where), start=1):
            if not isinstance(s, dict):
                raise _shape(path, where, f"span {k} must be an object {{start, end, label, text}}, got {s!r}")
            for key in ("start", "end", "label"):
                if key not in s:
                    raise _shape(path, where, f"span {k} has no {key!r}")
            start, end = _int(s["start"], f"span {k} start", path, where), _int(s["end"], f"span {k} end", path, where)
            spans.append(_span(text, start, end, s["label"], s.get("text"), path, where))
    else:
        key = "label" if "label" in rec else "entities"
        for k, it in enumerate(_list_field(rec, key, path, where), start=1):
            if isinstance(it, dict) and "start_offset" in it:  # Doccano with relation labeling
                start, end, label = it.get("start_offset"), it.get("end_offset"), it.get("label")
            elif isinstance(it, (list, tuple)) and len(it) == 3:  # Doccano: [start, end, "LABEL"]
                start, end, label = it
            else:
                raise _shape(path, where, f"{key} item {k} must be [start, end, label] or an object with start_offset/end_offset/label, got {it!r}")
            start, end = _int(start, f"{key} item {k} start", path, where), _int(end, f"{key} item {k} end", path, where)
            spans.append(_span(text, start, end, label, None, path, where))
    return validate(GoldDoc(_doc_id(rec, path, n), text, spans), path=path, line=where)


def _task_text(data: Any, path: str, where: str) -> str:
    if not isinstance(data, dict):
        raise _shape(path, where, f'"data" must be an object, got {type(data).__name__}')
    if "text" in data:
        if not isinstance(data["text"], str):
            raise _shape(path, where, f'"data.text" must be a string, got {type(data["text"]).__name__}')
        return data["text"]
    strings = [k for k, v in data.items() if isinstance(v, str)]
    if len(strings) == 1:
        return data[strings[0]]
    raise GoldFormatError(Messages.GOLD_MISSING_FIELD.format(path=path, where=where, field="data.text"))


def _result_spans(text: str, results: list[Any], path: str, where: str) -> list[GoldSpan]:
    spans: list[GoldSpan] = []
    for k, r in enumerate(results, start=1):
        if not isinstance(r, dict):
            raise _shape(path, where, f"result {k} must be an object, got {r!r}")
        value = r.get("value", r)  # JSON-MIN writes the value itself
        if not isinstance(value, dict) or "labels" not in value:
            continue  # choices, relations, text areas: not entity spans
        if "start" not in value or "end" not in value:
            raise _shape(path, where, f"result {k} has labels but no start/end")
        start, end = _int(value["start"], f"result {k} start", path, where), _int(value["end"], f"result {k} end", path, where)
        labels = value["labels"]
        if not isinstance(labels, list):
            raise _shape(path, where, f"result {k}: labels must be a list, got {labels!r}")
        for label in labels:
            spans.append(_span(text, start, end, label, value.get("text"), path, where))
    return spans


def _pick_annotation(annotations: list[dict[str, Any]]) -> dict[str, Any]:
    """The ground-truth annotation, else the most recently updated one."""
    truth = [a for a in annotations if a.get("ground_truth")]
    pool = truth or annotations
    return max(pool, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))


def _label_studio_task(rec: dict[str, Any], path: str, where: str, n: int, out: GoldFile) -> None:
    doc_id = _doc_id(rec, path, n)
    text = _task_text(rec.get("data"), path, where)
    annotations = rec.get("annotations") if "annotations" in rec else rec.get("completions")
    annotations = _list_field({"annotations": annotations}, "annotations", path, where)
    if not all(isinstance(a, dict) for a in annotations):
        raise _shape(path, where, "every annotation must be an object")
    if not annotations:
        out.skipped.append((doc_id, "no_annotations"))
        return
    usable = [a for a in annotations if not a.get("was_cancelled") and not a.get("skipped")]
    if not usable:
        out.skipped.append((doc_id, "cancelled"))
        return
    if len(usable) > 1:
        out.several_annotations.append(doc_id)
    results = _list_field(_pick_annotation(usable), "result", path, where)
    out.docs.append(validate(GoldDoc(doc_id, text, _result_spans(text, results, path, where)), path=path, line=where))


def _is_json_min_labels(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) and "labels" in v for v in value)


def _json_min_item(rec: dict[str, Any], path: str, where: str, n: int, out: GoldFile, seen: set[str]) -> None:
    doc_id = _doc_id(rec, path, n)
    text = _text_field(rec, path, where)
    label_fields = [k for k, v in rec.items() if _is_json_min_labels(v)]
    if not label_fields and rec.get("annotation_id") is None:
        out.skipped.append((doc_id, "no_annotations"))
        return
    if doc_id in seen:
        out.skipped.append((doc_id, "duplicate"))
        return
    seen.add(doc_id)
    spans = [s for k in label_fields for s in _result_spans(text, rec[k], path, where)]
    out.docs.append(validate(GoldDoc(doc_id, text, spans), path=path, line=where))


def _kind(rec: dict[str, Any]) -> str:
    if isinstance(rec.get("data"), dict) or "annotations" in rec or "completions" in rec:
        return "label-studio"
    if "annotation_id" in rec or "annotator" in rec or any(_is_json_min_labels(v) for v in rec.values()):
        return "label-studio-json-min"
    if "spans" in rec:
        return "gold"
    if "entities" in rec or "label" in rec:
        return "doccano"
    if "text" in rec:
        return "gold"
    return "unknown"


def _read_records(records: Iterable[tuple[Any, str]], path: str) -> GoldFile:
    out = GoldFile(path, "")
    seen: set[str] = set()
    kinds: list[str] = []
    for n, (rec, where) in enumerate(records, start=1):
        if not isinstance(rec, dict):
            raise _shape(path, where, f"expected a JSON object (a document or a task), got {type(rec).__name__}")
        kind = _kind(rec)
        if kind == "unknown":
            fields = ", ".join(sorted(map(str, rec))) or "none"
            raise GoldFormatError(Messages.GOLD_UNKNOWN_SHAPE.format(path=path, where=where, fields=fields))
        if kind not in kinds:
            kinds.append(kind)
        if kind == "label-studio":
            _label_studio_task(rec, path, where, n, out)
        elif kind == "label-studio-json-min":
            _json_min_item(rec, path, where, n, out, seen)
        else:
            out.docs.append(_gold_record(rec, path, where, n))
    out.format = "+".join(kinds) or "empty"
    return out


def _json_records(text: str, path: str) -> Iterator[tuple[Any, str]]:
    """The records of a JSON array, a JSON object, or JSON lines, with their locations."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in ("[", "{"):
        try:
            whole = json.loads(stripped)
        except json.JSONDecodeError:
            whole = None  # JSON lines (or broken JSON: reported line by line below)
        if isinstance(whole, list):
            for i, rec in enumerate(whole, start=1):
                yield rec, f"item {i}" + (f" (id {rec['id']})" if isinstance(rec, dict) and "id" in rec else "")
            return
        if isinstance(whole, dict):
            yield whole, "line 1"
            return
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(Messages.GOLD_BAD_JSON.format(path=path, where=f"line {n}", detail=exc.msg)) from None
        if isinstance(rec, list) and rec and all(isinstance(r, dict) for r in rec):  # an array of tasks on one line
            for i, item in enumerate(rec, start=1):
                yield item, f"line {n}, item {i}"
        else:
            yield rec, f"line {n}"


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GoldFormatError(Messages.GOLD_NOT_UTF8.format(path=path, detail=exc.reason)) from None


def read_json_file(path: Path) -> GoldFile:
    """The documents of a JSON or JSON lines file, whichever of the shapes above its records have."""
    text = _decode(path.read_bytes(), str(path))
    return _read_records(_json_records(text, str(path)), str(path))


def read_zip(path: Path) -> GoldFile:
    """The documents of every JSON and JSONL file of a .zip (Doccano's download),
    ids prefixed by their file's name when there are several."""
    import zipfile

    p = str(path)
    out = GoldFile(p, "")
    with zipfile.ZipFile(path) as zf:
        members = [m for m in zf.namelist() if m.endswith((".jsonl", ".json")) and not m.endswith("/")]
        kinds: list[str] = []
        for member in members:
            part = _read_records(_json_records(_decode(zf.read(member), f"{p}:{member}"), f"{p}:{member}"), f"{p}:{member}")
            prefix = f"{Path(member).stem}:" if len(members) > 1 else ""
            out.docs += [GoldDoc(prefix + d.id, d.text, d.spans) for d in part.docs]
            out.skipped += [(prefix + i, k) for i, k in part.skipped]
            out.several_annotations += [prefix + i for i in part.several_annotations]
            kinds += [k for k in part.format.split("+") if k not in kinds]
    out.format = "+".join(kinds) or "empty"
    return out


def read_docbin(path: Path) -> GoldFile:
    """The documents of a spaCy ``.spacy`` DocBin, with offsets into the raw text when ``cluster-ner convert`` wrote it."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    from .tokenizer import RAW_KEY, alignment

    p = str(path)
    try:
        docs = list(DocBin().from_disk(path).get_docs(Vocab()))
    except Exception as exc:  # srsly / msgpack / zlib errors of a file that is not a DocBin
        raise GoldFormatError(Messages.GOLD_BAD_DOCBIN.format(path=p, detail=f"{type(exc).__name__}: {exc}")) from None
    out = GoldFile(p, "spacy")
    for n, doc in enumerate(docs, start=1):
        where = f"doc {n}"
        ident = doc.user_data.get(("._.", "doc_id", None, None))
        doc_id = str(ident) if ident is not None else f"{path.stem}-{n}"
        if RAW_KEY in doc.user_data:  # written by cluster-ner convert: the raw text and the offset map travel along
            align = alignment(doc)
            text = doc.user_data[RAW_KEY]
            spans = [GoldSpan(*align.to_raw(e.start_char, e.end_char), e.label_, "") for e in doc.ents]
            spans = [GoldSpan(s.start, s.end, s.label, text[s.start : s.end]) for s in spans]
        else:
            text = doc.text
            spans = [GoldSpan(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
        out.docs.append(validate(GoldDoc(doc_id, text, spans), path=p, line=where))
    return out
