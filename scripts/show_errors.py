"""Print each evaluation error with its context: gold vs predicted spans.

    python scripts/show_errors.py GOLD.jsonl [LABEL] [--rules-only]
"""

from __future__ import annotations

import sys

import cluster_ner
from cluster_ner.corpus import read_jsonl
from cluster_ner.frame import doc_rows


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    label = args[1] if len(args) > 1 else None
    nlp = cluster_ner.load(rules_only="--rules-only" in sys.argv)
    for gd in read_jsonl(args[0]):
        doc = nlp(gd.text)
        pred = {(r["start"], r["end"], r["label"]) for r in doc_rows(doc)}
        gold = {(s.start, s.end, s.label) for s in gd.spans}
        t = gd.text
        for s, e, lab in sorted((gold - pred) | (pred - gold)):
            if label and lab != label:
                continue
            kind = "MISS" if (s, e, lab) in gold else "SPUR"
            ctx = t[max(0, s - 12) : s] + "[" + t[s:e] + "]" + t[e : e + 8]
            print(f"{kind} {lab:7} {gd.id:8} {ctx!r}".replace("\\n", "⏎"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
