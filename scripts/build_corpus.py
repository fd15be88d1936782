"""Build corpus/train.jsonl and corpus/dev.jsonl from corpus/markup/*.md.

Every fifth document (by id order) goes to the held-out dev split, so each
genre file contributes to both splits. Run from the repository root:

    python scripts/build_corpus.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from cluster_ner.corpus import markup_file_to_docs, write_jsonl

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT_EVERY = 5


def main() -> int:
    docs = []
    for path in sorted((ROOT / "corpus" / "markup").glob("*.md")):
        docs.extend(markup_file_to_docs(path))
    docs.sort(key=lambda d: d.id)
    dev = [d for i, d in enumerate(docs) if i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    train = [d for i, d in enumerate(docs) if i % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    write_jsonl(train, ROOT / "corpus" / "train.jsonl")
    write_jsonl(dev, ROOT / "corpus" / "dev.jsonl")
    print(f"{len(train)} training and {len(dev)} held-out documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
