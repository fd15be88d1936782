"""``cluster-ner patterns``: add, import, list or remove the patterns of a pipeline folder.

    cluster-ner patterns add LABEL PATTERN --model DIR | import FILE --model DIR | list [--model DIR] | remove ID --model DIR

The command edits ``DIR/cluster_ner_patterns/patterns.jsonl`` with
:mod:`cluster_ner.patterns_file`; the parser is in :mod:`cluster_ner.cli`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import ClusterNerError, Messages, ModelLoadError


def _pipeline_has_patterns(folder: Path) -> bool:
    from thinc.api import Config

    cfg = folder / "config.cfg"
    if not cfg.is_file():
        return False
    try:
        pipeline = Config().from_disk(cfg, interpolate=False)["nlp"]["pipeline"]
    except Exception:  # noqa: BLE001 - an unreadable config is not a pipeline we edit
        return False
    return "cluster_ner_patterns" in pipeline


def _patterns_file(model: str | None, *, create: bool) -> Path:
    """The patterns file of the pipeline folder ``model`` (made from the shipped pipeline when ``create``)."""
    from .patterns_file import pipeline_patterns_path
    from .pipeline import load

    if model is None:
        raise ClusterNerError(Messages.PATTERNS_SHIPPED_READ_ONLY)
    folder = Path(model)
    if not folder.exists():
        if not create:
            raise ModelLoadError(Messages.MODEL_MISSING.format(path=folder))
        try:
            load(None).to_disk(folder)
        except OSError as exc:
            raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=folder, detail=exc.strerror or exc)) from None
        print(f"created {folder} from the shipped pipeline", file=sys.stderr)
    if not _pipeline_has_patterns(folder):
        raise ClusterNerError(Messages.PATTERNS_NOT_A_PIPELINE.format(path=folder))
    return pipeline_patterns_path(folder)


def cmd_patterns(args: argparse.Namespace) -> int:
    import json

    from . import patterns_file as pt
    from .pipeline import load

    def show(pat: dict[str, Any]) -> str:
        return f"{pat.get('id') or '-'}\t{pat['label']}\t{json.dumps(pat['pattern'], ensure_ascii=False)}"

    if args.action == "add":
        pattern: Any = args.pattern
        if args.json:
            try:
                pattern = json.loads(args.pattern)
            except json.JSONDecodeError as exc:
                raise ClusterNerError(Messages.PATTERNS_BAD_JSON_ARG.format(detail=exc.msg)) from None
        pt.check_matchable(pt.parse_record({"label": args.label, "pattern": pattern, "id": args.id or ""}, path="PATTERN", line=1))
        path = _patterns_file(args.model, create=True)
        pat = pt.add_pattern(args.label, pattern, args.id, path=path)
        print(f"added {pat.id!r} ({pat.label} {json.dumps(pat.pattern, ensure_ascii=False)}) to {args.model}")
    elif args.action == "import":
        found = pt.read_patterns(args.file) if Path(args.file).is_file() else None
        if found is None:
            raise ClusterNerError(Messages.PATTERNS_NO_FILE.format(path=args.file))
        path = _patterns_file(args.model, create=True)
        for p in found:
            pt.add_pattern(p.label, p.pattern, p.id or None, path=path)
        print(f"imported {len(found)} pattern(s) from {args.file} into {args.model}")
    elif args.action == "list":
        if args.model is None:
            for rec in load(None).get_pipe("cluster_ner_patterns").patterns:
                print(show(rec))
            return 0
        path = _patterns_file(args.model, create=False)
        problems = pt.file_problems(path)
        bad = {n for n, _ in problems}
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines() if path.exists() else [], start=1):
            pat = None if n in bad else pt.parse_line(raw, path=path, line=n)
            if pat is not None:
                print(show(pat.to_dict()))
        if problems:
            line, first = problems[0]
            raise ClusterNerError(Messages.PATTERNS_LIST_BAD.format(detail=first, n=len(problems), line=line, model=args.model))
    else:  # remove
        path = _patterns_file(args.model, create=False)
        if args.id is None and args.line is None:
            raise ClusterNerError(Messages.PATTERNS_REMOVE_WHAT)
        n = pt.remove_pattern(args.id, path=path, line=args.line)
        if not n:
            if args.line is not None:
                raise ClusterNerError(Messages.PATTERNS_NO_LINE.format(path=path, line=args.line))
            raise ClusterNerError(Messages.PATTERNS_NO_ID.format(pid=args.id, path=path))
        what = f"line {args.line}" if args.line is not None else f"id {args.id!r}"
        print(f"removed {n} pattern(s) ({what}) from {args.model}")
    return 0

