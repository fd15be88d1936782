"""The ``cluster-ner`` command line.

    cluster-ner extract FILE... [-o out.csv|out.jsonl|out.parquet] [--model DIR]
    cluster-ner evaluate GOLD.jsonl [--model DIR] [--compare DIR] [--rules-only] [--errors N]

Users' mistakes (a missing file, a bad gold line, an unwritable output) end
with a one-line message on stderr and exit status 2, not a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ClusterNerError, Messages


def _load(model: str | None, rules_only: bool = False):  # noqa: ANN202
    from .pipeline import load

    return load(model, rules_only=rules_only)


def cmd_extract(args: argparse.Namespace) -> int:
    from .extract import decode_bytes, extract_many

    out = Path(args.output) if args.output else None
    if out is not None and out.suffix not in (".csv", ".jsonl", ".parquet"):
        raise ClusterNerError(Messages.BAD_OUTPUT_SUFFIX.format(path=out, suffix=out.suffix))
    texts, ids = [], []
    for name in args.files:
        p = Path(name)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ClusterNerError(f"Cannot read {p}: {exc.strerror or exc}") from None
        texts.append(decode_bytes(data, arg=str(p)))
        ids.append(p.name)
    nlp = _load(args.model, args.rules_only)
    frame, errors = extract_many(texts, ids=ids, nlp=nlp, batch_size=args.batch_size, return_errors=True)
    if out is None:
        import pandas as pd

        with pd.option_context("display.max_rows", 500, "display.width", 200, "display.max_colwidth", 30):
            cols = ["doc_id", "label", "text", "start", "end", "value", "unit", "qualifier"]
            print(frame[cols].to_string())
    else:
        _write(frame, out)
        print(f"wrote {len(frame)} entities from {len(texts)} document(s) to {out}", file=sys.stderr)
    if len(errors):
        print(f"{len(errors)} document(s) failed:", file=sys.stderr)
        print(errors.to_string(), file=sys.stderr)
    return 0


def _write(frame, out: Path) -> None:  # noqa: ANN001
    try:
        if out.suffix == ".csv":
            frame.to_csv(out, index=False)
        elif out.suffix == ".jsonl":
            frame.to_json(out, orient="records", lines=True, force_ascii=False)
        else:
            frame.to_parquet(out, index=False)
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .corpus import read_jsonl
    from .evaluate import evaluate, format_scores

    gold = list(read_jsonl(args.gold))
    runs = [(args.model or "default pipeline", _load(args.model, args.rules_only))]
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
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cluster-ner", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract entities from text files")
    ex.add_argument("files", nargs="+", help="text files (UTF-8, GB18030 or Big5)")
    ex.add_argument("-o", "--output", help="write .csv, .jsonl or .parquet instead of printing")
    ex.add_argument("--model", help="pipeline directory (default: the shipped pipeline)")
    ex.add_argument("--rules-only", action="store_true", help="use the rules without the trained model")
    ex.add_argument("--batch-size", type=int, default=64)
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="exact-match P/R/F1 per label against gold JSONL")
    ev.add_argument("gold", help="gold JSONL ({id, text, spans:[{start,end,label,text}]})")
    ev.add_argument("--model", help="pipeline directory (default: the shipped pipeline)")
    ev.add_argument("--compare", help="a second pipeline directory scored on the same gold")
    ev.add_argument("--rules-only", action="store_true", help="score the rules without the trained model")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="also list the first N errors")
    ev.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cluster-ner`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ClusterNerError as exc:
        print(f"cluster-ner: {exc}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(f"cluster-ner: {exc.filename}: no such file", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
