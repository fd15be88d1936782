"""The gold commands of ``cluster-ner``: evaluate, train and convert.

    cluster-ner evaluate GOLD [--model DIR] [--compare DIR] [--rules-only] [--errors N] [--context TSV... [--given-date] [--show N]]
    cluster-ner train TRAIN [--dev DEV] -o OUT_DIR [--config CFG] [--set KEY=VALUE] [--seed 0] [--max-steps N] [--patterns FILE]
    cluster-ner convert GOLD... -o OUT.spacy

Each reads gold of any format :func:`cluster_ner.corpus.read_gold` reads and
says on stderr what it skipped. The parser is in :mod:`cluster_ner.cli`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import ClusterNerError, Messages


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
    from .pipeline import load

    gold = _read_gold(args.gold, "evaluate")
    context = _read_context(args, gold)  # a bad context file stops here, before any scoring
    title = (args.model or "default pipeline") + (" (rules only)" if args.rules_only else "")
    runs = [(title, load(args.model, rules_only=args.rules_only, patterns=args.patterns))]
    if args.compare:
        runs.append((args.compare, load(args.compare)))
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

