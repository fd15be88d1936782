"""The ``cluster-ner`` command line.

    cluster-ner extract FILE... [-o out.csv|out.jsonl|out.parquet] [--model DIR] [--n-process N] [--[no-]progress]
    cluster-ner render FILE -o page.html [--model DIR] [--rules-only]
    cluster-ner evaluate GOLD [--model DIR] [--compare DIR] [--rules-only] [--errors N] [--context TSV... [--given-date] [--show N]]
    cluster-ner train TRAIN [--dev DEV] -o OUT_DIR [--config CFG] [--set KEY=VALUE] [--seed 0] [--max-steps N] [--patterns FILE]
    cluster-ner convert GOLD... -o OUT.spacy
    cluster-ner patterns add LABEL PATTERN --model DIR | import FILE --model DIR | list [--model DIR] | remove ID --model DIR

Users' mistakes (a missing file, a bad gold line, an unwritable output, a bad
option value) end with a one-line message on stderr and exit status 2, not a
traceback.

This module holds the parser of every command, :func:`main`, and extract and
render; the gold commands are in :mod:`cluster_ner.cli_gold`, ``patterns`` in
:mod:`cluster_ner.cli_patterns`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from .cli_gold import cmd_convert, cmd_evaluate, cmd_train
from .cli_patterns import cmd_patterns
from .errors import ClusterNerError, Messages

DESCRIPTION = (
    "Find industrial clusters (CLUSTER), government bodies (GOV) and metrics (METRIC) "
    "in Chinese text; score, train and convert annotated gold; edit a pipeline's patterns."
)
OUTPUT_SUFFIXES = (".csv", ".jsonl", ".parquet")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors: ``cluster-ner extract: error: … (see --help)``."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _int_at_least(low: int, *, also: tuple[int, ...] = ()) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(Messages.CLI_NOT_INT.format(value=text)) from None
        if value < low and value not in also:
            extra = "".join(f" or {a}" for a in also)
            raise argparse.ArgumentTypeError(Messages.CLI_TOO_SMALL.format(value=value, low=low, extra=extra))
        return value

    return parse


def _cannot_read(path: Path, exc: OSError) -> ClusterNerError:
    return ClusterNerError(Messages.INPUT_UNREADABLE.format(path=path, detail=exc.strerror or exc))


def doc_ids(paths: Sequence[Path]) -> list[str]:
    """One id per input file: its path relative to the folder all of them share.

    ``a/x.txt`` and ``b/x.txt`` give ``a/x.txt`` and ``b/x.txt``; a single file
    (or files of one folder) gives the bare names.
    """
    if not paths:
        return []
    parents = [os.path.abspath(p.parent) for p in paths]
    try:
        common = os.path.commonpath(parents)
    except ValueError:  # different drives (Windows): keep the paths as given
        return [p.as_posix() for p in paths]
    return [Path(os.path.relpath(os.path.abspath(p), common)).as_posix() for p in paths]


# --- extract / render ------------------------------------------------------------------


def _check_output(out: Path | None) -> None:
    if out is None:
        return
    if out.suffix not in OUTPUT_SUFFIXES:
        raise ClusterNerError(Messages.BAD_OUTPUT_SUFFIX.format(path=out, suffix=out.suffix))
    if out.suffix == ".parquet":
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None and importlib.util.find_spec("fastparquet") is None:
            raise ClusterNerError(Messages.PARQUET_MISSING.format(path=out))
    if out.is_dir():
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail="it is a folder"))
    if not out.parent.is_dir():
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=f"no folder {out.parent}"))


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import extract_many
    from .inputs import decode_bytes
    from .pipeline import load

    out = Path(args.output) if args.output else None
    _check_output(out)
    paths = [Path(name) for name in args.files]
    texts, ids, failed = [], [], []
    for path, doc_id in zip(paths, doc_ids(paths)):
        try:
            texts.append(decode_bytes(path.read_bytes(), arg=str(path)))
            ids.append(doc_id)
        except OSError as exc:
            failed.append(f"{path} ({exc.strerror or exc})")
        except ClusterNerError as exc:  # bytes no supported encoding reads
            failed.append(f"{path} ({exc})")
    if failed and not texts:
        raise ClusterNerError(Messages.INPUTS_UNREADABLE.format(n=len(failed), total=len(paths), files="; ".join(failed)))
    nlp = load(args.model, rules_only=args.rules_only, patterns=args.patterns)
    frame, errors = extract_many(
        texts, ids=ids, nlp=nlp, batch_size=args.batch_size, n_process=args.n_process,
        return_errors=True, progress=args.progress,
    )
    if out is None:
        import pandas as pd

        with pd.option_context("display.max_rows", 500, "display.width", 200, "display.max_colwidth", 30):
            cols = ["doc_id", "label", "text", "start", "end", "value", "unit", "qualifier", "canonical"]
            print(frame[cols].to_string())
    else:
        _write(frame, out)
        print(f"wrote {len(frame)} entities from {len(texts)} document(s) to {out}", file=sys.stderr)
    if len(errors):
        print(f"{len(errors)} document(s) failed:", file=sys.stderr)
        print(errors.to_string(), file=sys.stderr)
    if failed:
        print(
            "cluster-ner: " + Messages.INPUTS_UNREADABLE.format(n=len(failed), total=len(paths), files="; ".join(failed)),
            file=sys.stderr,
        )
        return 2
    return 0


def _write(frame: Any, out: Path) -> None:
    try:
        if out.suffix == ".csv":
            frame.to_csv(out, index=False)
        elif out.suffix == ".jsonl":
            frame.to_json(out, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_parquet(out, index=False)
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None


def cmd_render(args: argparse.Namespace) -> int:
    from .inputs import decode_bytes
    from .pipeline import load
    from .render import render

    src = Path(args.file)
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise _cannot_read(src, exc) from None
    text = decode_bytes(data, arg=str(src))
    nlp = load(args.model, rules_only=args.rules_only, patterns=args.patterns)
    page = render(text, jupyter=False, page=True, nlp=nlp) or ""
    out = Path(args.output)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None
    marks = page.count('<mark class="entity"')
    print(f"wrote {out}: {src.name} with {marks} entities marked", file=sys.stderr)
    return 0


# --- the parser -------------------------------------------------------------------------------


def _version() -> str:
    from . import __version__

    return f"cluster-ner {__version__}"


def _pipeline_options(p: argparse.ArgumentParser, *, what: str = "use") -> None:
    p.add_argument("--model", metavar="DIR", help=f"pipeline folder to {what} (default: the shipped pipeline)")
    p.add_argument("--rules-only", action="store_true", help="leave out the trained model: the rules and patterns alone")
    p.add_argument(
        "--patterns", metavar="FILE",
        help="also match the patterns of this JSONL file (e.g. your old ~/.config/cluster_ner/patterns.jsonl)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cluster-ner", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=_version(), help="print the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract entities from text files", description="Extract the entities of text files into one table (doc_id: each file's path relative to the folder they share).")
    ex.add_argument("files", nargs="+", metavar="FILE", help="text files (UTF-8, GB18030/GBK or Big5)")
    ex.add_argument("-o", "--output", metavar="OUT", help="write .csv, .jsonl or .parquet instead of printing the table")
    _pipeline_options(ex)
    ex.add_argument("--batch-size", type=_int_at_least(1), default=64, metavar="N", help="documents per batch (default: 64)")
    ex.add_argument(
        "--n-process", type=_int_at_least(1, also=(-1,)), default=1, metavar="N",
        help="worker processes (default: 1; -1: one per CPU)",
    )
    ex.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="show a progress bar (default: on a terminal, for runs longer than 2 s)",
    )
    ex.set_defaults(func=cmd_extract)

    rd = sub.add_parser("render", help="write an HTML page of a text with its entities highlighted", description="Write a standalone HTML page of the original text, each entity marked in its label's colour.")
    rd.add_argument("file", metavar="FILE", help="a text file (UTF-8, GB18030/GBK or Big5)")
    rd.add_argument("-o", "--output", required=True, metavar="PAGE", help="the HTML page to write, e.g. page.html")
    _pipeline_options(rd)
    rd.set_defaults(func=cmd_render)

    ev = sub.add_parser(
        "evaluate", help="exact-match P/R/F1 per label against gold, and metric context",
        description="Score a pipeline against gold: exact-match precision, recall and F1 per label, and its errors; "
        "with --context, the accuracy of each metric's subject, period, status, change and measure.",
    )
    ev.add_argument("gold", metavar="GOLD", help="gold: JSONL, Label Studio JSON/JSON-MIN/JSONL, Doccano JSONL or .zip, or .spacy")
    _pipeline_options(ev, what="score")
    ev.add_argument("--compare", metavar="DIR", help="a second pipeline folder scored on the same gold")
    ev.add_argument("--errors", type=_int_at_least(0), default=0, metavar="N", help="also list the first N errors (default: 0)")
    ev.add_argument(
        "--context", nargs="+", metavar="TSV",
        help="also score metric context (subject, period, status, change, measure) against these context gold files "
        "(CONTEXT.md format; only the metrics of GOLD's documents are scored)",
    )
    ev.add_argument(
        "--given-date", action="store_true",
        help="with --context: pass each document's gold date to the pipeline instead of letting it find the date in the text",
    )
    ev.add_argument(
        "--show", type=_int_at_least(0), default=0, metavar="N",
        help="with --context: list the first N metrics with a field wrong, gold against prediction (default: 0)",
    )
    ev.set_defaults(func=cmd_evaluate)

    tr = sub.add_parser("train", help="train the NER on gold and save the whole pipeline", description="Train the statistical NER on gold and save the whole pipeline (rules, patterns, model, meta).")
    tr.add_argument("train", metavar="TRAIN", help="training gold: JSONL, Label Studio or Doccano export, or .spacy")
    tr.add_argument("--dev", metavar="DEV", help="held-out gold scored after training (never trained on)")
    tr.add_argument("-o", "--output", required=True, metavar="OUT_DIR", help="folder to write the trained pipeline to")
    tr.add_argument("--config", metavar="CFG", help="training config (default: the packaged cluster_ner/models/config.cfg)")
    tr.add_argument(
        "--set", action="append", metavar="KEY=VALUE",
        help="override a config value, e.g. components.cluster_ner_model.scope=document (repeatable; VALUE is JSON or a string)",
    )
    tr.add_argument("--seed", type=int, metavar="N", help="random seed (default: the config's, 0): same seed and data, same weights")
    tr.add_argument("--max-steps", type=_int_at_least(1), metavar="N", help="number of updates (default: [training] max_steps of the config)")
    tr.add_argument("--patterns", metavar="FILE", help="patterns (JSONL) saved with the pipeline")
    tr.set_defaults(func=cmd_train)

    cv = sub.add_parser("convert", help="write gold as a spaCy .spacy file", description="Write gold as a spaCy DocBin (cleaned text, one token per character) for `python -m spacy train/evaluate`.")
    cv.add_argument("gold", nargs="+", metavar="GOLD", help="gold files: JSONL, Label Studio or Doccano exports, .spacy")
    cv.add_argument("-o", "--output", required=True, metavar="OUT", help="the .spacy file to write")
    cv.set_defaults(func=cmd_convert)

    pa = sub.add_parser(
        "patterns", help="add, import, list or remove the patterns of a pipeline folder",
        description="Edit the patterns saved in a pipeline folder (DIR/cluster_ner_patterns/patterns.jsonl). "
        "Patterns win over rules and model.",
    )
    psub = pa.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = psub.add_parser("add", help="add a pattern", description="Add a pattern to a pipeline folder (created from the shipped pipeline when it does not exist).")
    add.add_argument("label", choices=["CLUSTER", "GOV", "METRIC"], help="the entity label")
    add.add_argument("pattern", metavar="PATTERN", help="a phrase (matched character by character on the cleaned text)")
    add.add_argument("--model", metavar="DIR", required=True, help="the pipeline folder to edit (created when missing)")
    add.add_argument("--id", help="the pattern's id (default: made from label and phrase)")
    add.add_argument("--json", action="store_true", help="PATTERN is a spaCy token pattern as JSON (one dict per character)")
    imp = psub.add_parser("import", help="add every pattern of a JSONL file", description="Add the patterns of a JSONL file (e.g. ~/.config/cluster_ner/patterns.jsonl) to a pipeline folder.")
    imp.add_argument("file", metavar="FILE", help="a patterns file: one {\"label\", \"pattern\", \"id\"} per line")
    imp.add_argument("--model", metavar="DIR", required=True, help="the pipeline folder to edit (created when missing)")
    ls = psub.add_parser("list", help="list the patterns", description="List the patterns of a pipeline folder (default: the shipped pipeline); bad lines are named.")
    ls.add_argument("--model", metavar="DIR", help="the pipeline folder (default: the shipped pipeline)")
    rm = psub.add_parser("remove", help="remove patterns by id, or a line by its number", description="Remove the patterns with an id, or one line (a bad line too) by its number.")
    rm.add_argument("id", nargs="?", metavar="ID", help="the id of the patterns to remove")
    rm.add_argument("--line", type=_int_at_least(1), metavar="N", help="remove line N of the patterns file instead (works on a bad line)")
    rm.add_argument("--model", metavar="DIR", required=True, help="the pipeline folder to edit")
    pa.set_defaults(func=cmd_patterns)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cluster-ner`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ClusterNerError as exc:
        print(f"cluster-ner: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a file named on the command line: missing, a folder, not allowed
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"cluster-ner: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cluster-ner: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
