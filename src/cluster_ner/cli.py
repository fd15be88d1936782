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
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from .errors import ClusterNerError, Messages, ModelLoadError

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


def _load(model: str | None, rules_only: bool = False, patterns: str | None = None):  # noqa: ANN202
    from .pipeline import load

    return load(model, rules_only=rules_only, patterns=patterns)


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
    nlp = _load(args.model, args.rules_only, args.patterns)
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
    from .render import render

    src = Path(args.file)
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise _cannot_read(src, exc) from None
    text = decode_bytes(data, arg=str(src))
    nlp = _load(args.model, args.rules_only, args.patterns)
    page = render(text, jupyter=False, page=True, nlp=nlp) or ""
    out = Path(args.output)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None
    marks = page.count('<mark class="entity"')
    print(f"wrote {out}: {src.name} with {marks} entities marked", file=sys.stderr)
    return 0


# --- gold: evaluate / train / convert ------------------------------------------------------


def _read_gold(path: str, purpose: str) -> list[Any]:
    """The documents of a gold file; what was skipped is said on stderr."""
    from .corpus import read_gold

    gold = read_gold(path)
    message = gold.skipped_message()
    if not gold.docs:
        why = f" ({message})" if message else " (the file is empty)"
        raise ClusterNerError(Messages.GOLD_NO_DOCS.format(path=path, purpose=purpose, why=why))
    if message:
        print(f"note: {message}", file=sys.stderr)
    return gold.docs


def _read_context(args: argparse.Namespace, gold: list[Any]) -> Any:
    """The context gold of ``--context`` for the documents of GOLD (None without ``--context``)."""
    from .evaluate import read_context_gold

    if not args.context:
        for option, given in (("--given-date", args.given_date), ("--show", args.show)):
            if given:
                raise ClusterNerError(Messages.CLI_NEEDS_CONTEXT.format(option=option))
        return None
    context = read_context_gold(args.context)
    kept = context.restrict(gold, gold_name=args.gold)
    left_out = len(context.metrics) - len(kept.metrics)
    if left_out:
        print(f"note: {left_out} of {len(context.metrics)} context metrics are in documents not in {args.gold}: not scored", file=sys.stderr)
    return kept


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, evaluate_context, format_context_scores, format_scores

    gold = _read_gold(args.gold, "evaluate")
    context = _read_context(args, gold)  # a bad context file stops here, before any scoring
    title = (args.model or "default pipeline") + (" (rules only)" if args.rules_only else "")
    runs = [(title, _load(args.model, args.rules_only, args.patterns))]
    if args.compare:
        runs.append((args.compare, _load(args.compare)))
    for title, nlp in runs:
        scores = evaluate(nlp, gold)
        print(format_scores(scores, title=f"== {title} on {args.gold} ({len(gold)} documents)"))
        if args.errors:
            print()
            for ex in scores.examples[: args.errors]:
                print(f"  {ex['kind']:<15} {ex['doc_id']:<12} {ex.get('gold') or ex.get('pred')} {ex['text']!r}")
        print()
        if context is not None:
            dates = "given (--given-date)" if args.given_date else "found in the text"
            files = args.context[0] + (f" and {len(args.context) - 1} more" if len(args.context) > 1 else "")
            heading = (
                f"== context: {title} on {len(context.metrics)} metrics of {len(context.documents())} documents "
                f"({files}); document dates {dates}"
            )
            found = evaluate_context(nlp, gold, context, given_date=args.given_date)
            print(format_context_scores(found, title=heading, show=args.show))
            print()
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from .train import parse_overrides, pipeline_meta, report, train

    overrides = parse_overrides(args.set or [])
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail="it is a file, not a directory"))
    train_docs = _read_gold(args.train, "train on")
    dev_docs = _read_gold(args.dev, "score") if args.dev else None
    result = train(
        train_docs,
        dev_docs,
        config=args.config,
        overrides=overrides,
        seed=args.seed,
        max_steps=args.max_steps,
        patterns=args.patterns,
        log=lambda m: print(m, file=sys.stderr),
    )
    nlp = result.nlp
    nlp.meta.update(pipeline_meta(result, train=str(args.train), train_docs=len(train_docs), dev=args.dev))
    try:
        nlp.to_disk(out)
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None
    print(report(result, dev_name=str(args.dev) if args.dev else "dev"))
    print(f"\nsaved the pipeline to {out} (load it with cluster_ner.load({str(out)!r}))")
    return 0


def cmd_convert(args: argparse.Namespace) -> int:
    from .corpus import write_docbin

    out = Path(args.output)
    if out.suffix != ".spacy":
        raise ClusterNerError(Messages.CONVERT_SUFFIX.format(path=out))
    docs = [d for name in args.gold for d in _read_gold(name, "convert")]
    try:
        counts = write_docbin(docs, out)
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None
    note = ""
    if counts["dropped"] or counts["inexact"]:
        note = f" ({counts['dropped']} covering only noise dropped, {counts['inexact']} with noise at an edge trimmed)"
    print(f"wrote {out}: {counts['docs']} documents, {counts['spans']} spans{note}", file=sys.stderr)
    return 0


# --- patterns of a pipeline folder ------------------------------------------------------------


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
    from .patterns import pipeline_patterns_path

    if model is None:
        raise ClusterNerError(Messages.PATTERNS_SHIPPED_READ_ONLY)
    folder = Path(model)
    if not folder.exists():
        if not create:
            raise ModelLoadError(Messages.MODEL_MISSING.format(path=folder))
        try:
            _load(None).to_disk(folder)
        except OSError as exc:
            raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=folder, detail=exc.strerror or exc)) from None
        print(f"created {folder} from the shipped pipeline", file=sys.stderr)
    if not _pipeline_has_patterns(folder):
        raise ClusterNerError(Messages.PATTERNS_NOT_A_PIPELINE.format(path=folder))
    return pipeline_patterns_path(folder)


def cmd_patterns(args: argparse.Namespace) -> int:
    import json

    from . import patterns as pt

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
            for rec in _load(None).get_pipe("cluster_ner_patterns").patterns:
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
