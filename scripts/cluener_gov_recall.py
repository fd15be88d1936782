"""Recall of GOV on the CLUENER2020 dev split's government spans (evaluation only).

    python scripts/cluener_gov_recall.py [../shared/data/cluener/dev.jsonl]

CLUENER's `government` label is wider than this project's GOV: it includes
armies, foreign governments, media, associations and bodies with their
internal units (公安部经济犯罪侦查局). Those spans are set aside by the pattern
below (an approximation of "fits the specification"); recall is measured on
the rest. The data is read from ../shared and never copied or trained on.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import cluster_ner
from cluster_ner import lexicon
from cluster_ner.frame import doc_rows

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "cluener" / "dev.jsonl"
NOT_SPEC = re.compile(
    r"军|部队|舰队|自卫队|司令部|军区|北约|欧盟|新华社|电视台|协会|研究会|研究所|科学院|组委会|[A-Za-z]"
    r"|^美|^日本|^英|^俄|^法驻|^德|^印|^苏联|^意大利|^埃及|^智利|^新加坡"
    r"|部门$|^公安$|处$|总队$|支队$|大队$|会议$|办公室$|研究中心|^中国共产党$|委员$|^派出所$"
)


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    foreign = tuple(lexicon.foreign_places())
    nlp = cluster_ner.load()
    total = kept = found = 0
    misses = []
    for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        pred = {(r["start"], r["end"]) for r in doc_rows(doc) if r["label"] == "GOV"}
        for s in d["spans"]:
            if s["label"] != "government":
                continue
            total += 1
            if NOT_SPEC.search(s["text"]) or s["text"].startswith(foreign):
                continue
            kept += 1
            if (s["start"], s["end"]) in pred:
                found += 1
            else:
                misses.append(s["text"])
    print(f"government spans: {total}; fitting the specification: {kept}; found exactly: {found}; recall {found / kept:.3f}")
    print("missed:", "、".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
