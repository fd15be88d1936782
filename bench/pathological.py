"""Time and peak memory on pathological text, at n and 4n characters: is it linear?

    python bench/pathological.py [--chars 20000] [--only NAME ...] [--big-mb 20]

For each class of hostile input (repeated multipliers, long numerals, chained
ranges, thousands of abbreviations, text without sentence ends, …) the text is
built at ``--chars`` and at 4× that, and ``cluster_ner.extract`` runs on each in
a fresh child process (so the caches are cold and the peak RSS is the
extraction's own). Printed: seconds, rows, peak RSS above the loaded pipeline,
and the 4n/n ratios — linear work gives about 4×. ``--big-mb`` also extracts one
document of that many megabytes (the project's corpus concatenated) and prints
its peak memory. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name -> (unit repeated, what it stresses)
CLASSES: dict[str, tuple[str, str]] = {
    "超万": ("超万", "a METRIC every two characters, one sentence"),
    "1万…元": ("1万", "a numeral of thousands of 万 groups, then 元"),
    "百千万亿": ("百千万亿", "one Chinese numeral of every multiplier, repeated"),
    "百分之": ("百分之", "fraction markers with nothing to close them"),
    "位居第1": ("位居第1", "ranks after a ranking verb"),
    "市政府": ("市政府", "abbreviations resolved against the document's places"),
    "杭州，市政府。": ("杭州，市政府。", "a place and an abbreviation, sentence after sentence"),
    "省经信厅": ("省经信厅", "provincial abbreviations"),
    "1%—": ("1%—", "a chain of ranges"),
    "no sentence end": ("龙口市交通铝材特色产业集群拥有企业243家 ", "rows in text without any sentence end"),
    "CR line ends": ("丽水市工信局表示产值达5亿元\r", "lines ended by CR only"),
    "table": ("| 苏州 | 243 | 18.5 |\n", "a table of thousands of rows"),
}

CHILD = r"""
import json, resource, sys, time
import cluster_ner
from cluster_ner.pipeline import default_nlp
unit, n, suffix = json.loads(sys.argv[1])
text = (unit * (n // len(unit) + 1))[:n] + suffix
nlp = default_nlp()
nlp("龙口市工信局表示新建5栋厂房。")  # warm the lazy tables of the pipeline
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
df = cluster_ner.extract(text)
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "rows": len(df), "peak_mb": (peak - base) / 1024, "rss_mb": peak / 1024}))
"""

BIG_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import cluster_ner
mb = float(sys.argv[1])
root = Path(sys.argv[2])
docs = [json.loads(l)["text"] for l in (root / "corpus" / "train.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
one = "\n".join(docs)
per_char = len(one.encode("utf-8")) / len(one)
text = one * int(mb * 1_000_000 // len(one.encode("utf-8")) + 1)
text = text[: int(mb * 1_000_000 / per_char)]  # mb megabytes of UTF-8
t = time.perf_counter()
df = cluster_ner.extract(text)
print(json.dumps({"seconds": time.perf_counter() - t, "rows": len(df), "chars": len(text),
                  "bytes": len(text.encode("utf-8")), "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter; its last line of output is a JSON dict."""
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise RuntimeError(last)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=20_000, help="n: the smaller text's length (the larger is 4n)")
    parser.add_argument("--only", nargs="*", help="run only these classes")
    parser.add_argument("--big-mb", type=float, default=0, help="also extract one document of this many MB")
    args = parser.parse_args()
    n = args.chars
    print(f"{'class':<16} {'n s':>7} {'4n s':>7} {'×time':>6} {'n rows':>7} {'n MB':>7} {'4n MB':>7} {'×mem':>6}")
    for name, (unit, _) in CLASSES.items():
        if args.only and name not in args.only:
            continue
        suffix = "元" if name == "1万…元" else ("1%" if name == "1%—" else "")
        try:
            small = child(CHILD, json.dumps([unit, n, suffix]))
            large = child(CHILD, json.dumps([unit, 4 * n, suffix]))
        except RuntimeError as exc:
            print(f"{name:<16} FAILED: {exc}")
            continue
        t_ratio = large["seconds"] / max(small["seconds"], 1e-6)
        m_ratio = max(large["peak_mb"], 1.0) / max(small["peak_mb"], 1.0)
        print(
            f"{name:<16} {small['seconds']:>7.2f} {large['seconds']:>7.2f} {t_ratio:>6.1f} {small['rows']:>7} "
            f"{small['peak_mb']:>7.1f} {large['peak_mb']:>7.1f} {m_ratio:>6.1f}"
        )
    print("(MB: peak RSS above the loaded pipeline; a ratio of memory is taken with at least 1 MB on each side)")
    if args.big_mb:
        big = child(BIG_CHILD, str(args.big_mb), str(ROOT))
        print(
            f"one document of {big['bytes'] / 1e6:.1f} MB ({big['chars']:,} characters): {big['rows']:,} rows "
            f"in {big['seconds']:.1f} s, peak RSS {big['rss_mb']:.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
