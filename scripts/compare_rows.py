"""Every row of every project document, before and after a change.

    python scripts/compare_rows.py snapshot OUT.jsonl [--rules-only]
    python scripts/compare_rows.py diff BEFORE.jsonl AFTER.jsonl [--columns label,start,end]

``snapshot`` runs the pipeline over the project's documents (the corpus and
its held-out sets, the seed articles when ``../shared`` is beside the
project, the notebook corpus and the sample) and writes one JSON line per
row, all columns. ``diff`` prints each document whose rows changed, row by
row, and a count: review every changed row before committing a change to
the rules.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (
    "corpus/train.jsonl",
    "corpus/dev.jsonl",
    "corpus/review/review.jsonl",
    "corpus/test/test.jsonl",
    "corpus/heldout/heldout.jsonl",
    "corpus/blind/blind.jsonl",
    "corpus/blind-c/blindC.jsonl",
    "corpus/blind-d/blindD.jsonl",
    "corpus/blind-e/blindE.jsonl",
    "corpus/blind-f/blindF.jsonl",
    "corpus/blind-g/blindG.jsonl",
    "corpus/blind-h/blindH.jsonl",
    "corpus/blind-i/blindI.jsonl",
    "corpus/blind-j/blindJ.jsonl",
    "corpus/blind-k/blindK.jsonl",
    "corpus/blind-l/blindL.jsonl",
    "corpus/blind-m/blindM.jsonl",
    "corpus/blind-n/blindN.jsonl",
    "corpus/blind-o/blindO.jsonl",
    "corpus/blind-p/blindP.jsonl",
    "corpus/blind-q/blindQ.jsonl",
    "corpus/blind-r/blindR.jsonl",
    "corpus/blind-s/blindS.jsonl",
    "notebooks/data/corpus.jsonl",
    "../shared/gold/seeds.jsonl",
)


def documents() -> list[tuple[str, str]]:
    """``(doc_id, text)`` of every project document, ids prefixed by their file."""
    out: list[tuple[str, str]] = []
    for rel in SOURCES:
        path = ROOT / rel
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                out.append((f"{Path(rel).stem}/{d['id']}", d["text"]))
    sample = ROOT / "examples" / "sample.txt"
    out.append(("examples/sample", sample.read_text(encoding="utf-8")))
    return out


def snapshot(out: Path, rules_only: bool) -> None:
    import cluster_ner

    nlp = cluster_ner.load(rules_only=rules_only)
    docs = documents()
    frame, errors = cluster_ner.extract_many([t for _, t in docs], ids=[i for i, _ in docs], nlp=nlp, return_errors=True)
    for error in errors.itertuples():
        print(f"FAILED {error.doc_id}: {error.error}: {error.message}", file=sys.stderr)
    with out.open("w", encoding="utf-8") as f:
        for row in frame.astype(object).where(frame.notna(), None).to_dict("records"):
            f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    print(f"{len(frame)} rows of {len(docs)} documents -> {out}", file=sys.stderr)


def _read(path: Path, columns: list[str] | None) -> dict[str, list[tuple]]:
    by_doc: dict[str, list[tuple]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        keys = columns or [k for k in row if k != "doc_id"]
        by_doc.setdefault(row["doc_id"], []).append(tuple((k, row.get(k)) for k in keys))
    return by_doc


def diff(before: Path, after: Path, columns: list[str] | None) -> int:
    a, b = _read(before, columns), _read(after, columns)
    changed = 0
    for doc in sorted(set(a) | set(b)):
        ra, rb = a.get(doc, []), b.get(doc, [])
        if ra == rb:
            continue
        gone = [r for r in ra if r not in rb]
        new = [r for r in rb if r not in ra]
        print(f"== {doc}")
        for r in gone:
            print("  - " + " ".join(f"{k}={v}" for k, v in r if v is not None))
        for r in new:
            print("  + " + " ".join(f"{k}={v}" for k, v in r if v is not None))
        changed += len(gone) + len(new)
    print(f"{changed} changed row(s)", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sn = sub.add_parser("snapshot")
    sn.add_argument("out")
    sn.add_argument("--rules-only", action="store_true")
    df = sub.add_parser("diff")
    df.add_argument("before")
    df.add_argument("after")
    df.add_argument("--columns", help="compare only these columns (comma-separated)")
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(Path(args.out), args.rules_only)
        return 0
    return diff(Path(args.before), Path(args.after), args.columns.split(",") if args.columns else None)


if __name__ == "__main__":
    sys.exit(main())
