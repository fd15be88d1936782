"""The ``cluster-ner`` command line.

    cluster-ner extract FILE... [-o out.csv|out.jsonl|out.parquet] [--model DIR] [--n-process N] [--[no-]progress]
    cluster-ner render FILE -o page.html [--model DIR] [--rules-only]
    cluster-ner evaluate GOLD.jsonl [--model DIR] [--compare DIR] [--rules-only] [--errors N]
    cluster-ner train TRAIN.jsonl [--dev DEV.jsonl] -o OUT_DIR [--config CFG] [--set KEY=VALUE] [--seed 0] [--max-steps N]
    cluster-ner patterns add LABEL PATTERN [--id ID] [--json] | list | remove ID

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


def cmd_render(args: argparse.Namespace) -> int:
    from .extract import decode_bytes
    from .render import render

    src = Path(args.file)
    try:
        data = src.read_bytes()
    except OSError as exc:
        raise ClusterNerError(f"Cannot read {src}: {exc.strerror or exc}") from None
    nlp = _load(args.model, args.rules_only)
    page = render(decode_bytes(data, arg=str(src)), jupyter=False, page=True, nlp=nlp) or ""
    out = Path(args.output)
    try:
        out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None
    marks = page.count('<mark class="entity"')
    print(f"wrote {out}: {src.name} with {marks} entities marked", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .corpus import read_jsonl
    from .evaluate import evaluate, format_scores

    gold = list(read_jsonl(args.gold))
    title = (args.model or "default pipeline") + (" (rules only)" if args.rules_only else "")
    runs = [(title, _load(args.model, args.rules_only))]
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


def cmd_train(args: argparse.Namespace) -> int:
    from .corpus import read_jsonl
    from .train import parse_overrides, report, train

    overrides = parse_overrides(args.set or [])
    train_docs = list(read_jsonl(args.train))
    dev_docs = list(read_jsonl(args.dev)) if args.dev else None
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail="it is a file, not a directory"))
    result = train(
        train_docs,
        dev_docs,
        config=args.config,
        overrides=overrides,
        seed=args.seed,
        max_steps=args.max_steps,
        log=lambda m: print(m, file=sys.stderr),
    )
    nlp = result.nlp
    nlp.meta["name"] = "cluster_ner_trained"
    nlp.meta["cluster_ner"] = {
        "train": str(args.train),
        "train_docs": len(train_docs),
        "dev": str(args.dev) if args.dev else None,
        "seed": result.seed,
        "steps": result.steps,
        "seconds": round(result.seconds, 1),
    }
    try:
        nlp.to_disk(out)
    except OSError as exc:
        raise ClusterNerError(Messages.OUTPUT_UNWRITABLE.format(path=out, detail=exc.strerror or exc)) from None
    print(report(result, dev_name=str(args.dev) if args.dev else "dev"))
    print(f"\nsaved the pipeline to {out} (load it with cluster_ner.load({str(out)!r}))")
    return 0


def cmd_patterns(args: argparse.Namespace) -> int:
    import json

    from . import patterns as pt

    user = pt.user_patterns_path()
    if args.action == "add":
        pattern = args.pattern
        if args.json:
            try:
                pattern = json.loads(args.pattern)
            except json.JSONDecodeError as exc:
                raise ClusterNerError(f"--json: the pattern is not valid JSON ({exc.msg}).") from None
        pat = pt.add_pattern(args.label, pattern, args.id, path=user)
        print(f"added {pat.id!r} ({pat.label} {json.dumps(pat.pattern, ensure_ascii=False)}) to {user}")
    elif args.action == "list":
        for path, kind in ((pt.packaged_patterns_path(), "packaged"), (user, "user")):
            found = pt.read_patterns(path)
            state = "" if path.exists() else " (no file)"
            print(f"# {kind}: {path}{state}")
            for pat in found:
                print(f"{pat.id or '-'}\t{pat.label}\t{json.dumps(pat.pattern, ensure_ascii=False)}")
    else:
        n = pt.remove_pattern(args.id, path=user)
        if not n:
            packaged = {p.id for p in pt.read_patterns(pt.packaged_patterns_path())}
            where = " (it is in the packaged file, which the CLI does not edit)" if args.id in packaged else ""
            raise ClusterNerError(f"No pattern with id {args.id!r} in {user}{where}.")
        print(f"removed {n} pattern(s) with id {args.id!r} from {user}")
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
    ex.add_argument("--n-process", type=int, default=1, metavar="N", help="worker processes (-1: one per CPU)")
    ex.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="progress bar (default: on a terminal, for runs longer than 2 s)",
    )
    ex.set_defaults(func=cmd_extract)

    rd = sub.add_parser("render", help="write an HTML page with the entities highlighted in the original text")
    rd.add_argument("file", help="a text file (UTF-8, GB18030/GBK or Big5)")
    rd.add_argument("-o", "--output", required=True, help="the HTML page to write, e.g. page.html")
    rd.add_argument("--model", help="pipeline directory (default: the shipped pipeline)")
    rd.add_argument("--rules-only", action="store_true", help="use the rules without the trained model")
    rd.set_defaults(func=cmd_render)

    ev = sub.add_parser("evaluate", help="exact-match P/R/F1 per label against gold JSONL")
    ev.add_argument("gold", help="gold JSONL ({id, text, spans:[{start,end,label,text}]})")
    ev.add_argument("--model", help="pipeline directory (default: the shipped pipeline)")
    ev.add_argument("--compare", help="a second pipeline directory scored on the same gold")
    ev.add_argument("--rules-only", action="store_true", help="score the rules without the trained model")
    ev.add_argument("--errors", type=int, default=0, metavar="N", help="also list the first N errors")
    ev.set_defaults(func=cmd_evaluate)

    tr = sub.add_parser("train", help="train the NER on gold JSONL and save the whole pipeline")
    tr.add_argument("train", help="training gold: JSONL, Label Studio or Doccano JSONL export")
    tr.add_argument("--dev", help="held-out gold scored after training (never trained on)")
    tr.add_argument("-o", "--output", required=True, help="directory to write the trained pipeline to")
    tr.add_argument("--config", help="training config (default: the packaged cluster_ner/models/config.cfg)")
    tr.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help="override a config value, e.g. components.cluster_ner_model.scope=document (repeatable; VALUE is JSON or a string)",
    )
    tr.add_argument("--seed", type=int, help="random seed (default: the config's, 0): same seed and data, same weights")
    tr.add_argument("--max-steps", type=int, help="number of updates (default: [training] max_steps of the config)")
    tr.set_defaults(func=cmd_train)

    pa = sub.add_parser(
        "patterns",
        help="edit the user patterns file ($CLUSTER_NER_PATTERNS or ~/.config/cluster_ner/patterns.jsonl)",
    )
    psub = pa.add_subparsers(dest="action", required=True)
    add = psub.add_parser("add", help="add a pattern: it wins over rules and model at the next load")
    add.add_argument("label", choices=["CLUSTER", "GOV", "METRIC"])
    add.add_argument("pattern", help="a phrase (matched character by character on the cleaned text)")
    add.add_argument("--id", help="the pattern's id (default: made from label and phrase)")
    add.add_argument("--json", action="store_true", help="PATTERN is a spaCy token pattern as JSON (one dict per character)")
    psub.add_parser("list", help="list the packaged and the user patterns")
    rm = psub.add_parser("remove", help="remove the user patterns with this id")
    rm.add_argument("id")
    pa.set_defaults(func=cmd_patterns)
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
