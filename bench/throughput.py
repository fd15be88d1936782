"""Throughput and memory of cluster_ner against its peers, in one run on the same texts.

    python bench/throughput.py [--docs N] [--processes] [--stream N]

Prints characters per second for: spacy.blank("zh") tokenization (the floor
every spaCy pipeline pays), jieba.posseg (what analysts reach for), the default
pipeline, the rules-only pipeline and each of its components; the ratios
between them; optionally one vs two processes; and the peak memory of a
streaming run (``--stream N`` documents, run in a child process so its peak
RSS is the stream's own). Figures, not assertions: compare ratios, not
absolute speeds.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import time
from pathlib import Path

import spacy

import cluster_ner

ROOT = Path(__file__).resolve().parents[1]
# Every figure is the median of this many rounds (see race): the machine is
# shared, and a neighbour's burst should not decide a ratio.
ROUNDS = 7
# Each contender runs for at least this long per round, whatever its speed: a
# fast contender timed over one short pass catches a quiet moment of the VM
# more often than a slow one, which biases a ratio of best times.
MIN_SECONDS = 0.5


def corpus_texts(n_docs: int) -> list[str]:
    """The project's own documents, repeated to ``n_docs``."""
    base: list[str] = []
    for path in ("corpus/train.jsonl", "corpus/dev.jsonl", "corpus/review/review.jsonl"):
        with open(ROOT / path, encoding="utf-8") as fh:
            base += [json.loads(line)["text"] for line in fh if line.strip()]
    return [base[i % len(base)] for i in range(n_docs)]


def race(fns: dict, texts: list[str], rounds: int, min_seconds: float = MIN_SECONDS) -> dict[str, list[float]]:
    """Characters per second of each function in each of ``rounds`` rounds.

    Each round runs every function (in a shuffled order) for at least
    ``min_seconds`` of whole passes over ``texts``: the VM's speed drifts over
    minutes, so a ratio compares runs made back to back, over windows of the
    same length.
    """
    n = sum(map(len, texts))
    speeds: dict[str, list[float]] = {name: [] for name in fns}
    order = list(fns)
    shuffle = random.Random(0).shuffle
    for _ in range(rounds):
        shuffle(order)
        for name in order:
            passes, start = 0, time.perf_counter()
            while True:
                fns[name](texts)
                passes += 1
                elapsed = time.perf_counter() - start
                if elapsed >= min_seconds:
                    break
            speeds[name].append(passes * n / elapsed)
    return speeds


def ratio(speeds: dict[str, list[float]], a: str, b: str) -> float:
    """Median over the rounds of ``a``'s speed over ``b``'s in the same round."""
    return statistics.median(x / y for x, y in zip(speeds[a], speeds[b]))


def per_component(nlp, texts: list[str]) -> dict[str, float]:
    """Seconds each component spends on the texts (tokenizer included)."""
    out: dict[str, float] = {}
    t = time.perf_counter()
    docs = [nlp.make_doc(x) for x in texts]
    out["tokenizer (cleaning)"] = time.perf_counter() - t
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = time.perf_counter() - t
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--processes", action="store_true", help="also time extract_many with n_process=2 on 2,000 documents")
    ap.add_argument("--stream", type=int, default=0, metavar="N", help="peak memory of iter_frames over N documents")
    ap.add_argument("--rounds", type=int, default=ROUNDS, help=f"interleaved rounds per figure (default {ROUNDS})")
    ap.add_argument("--min-seconds", type=float, default=MIN_SECONDS, help="shortest timing window per contender and round")
    args = ap.parse_args()
    texts = corpus_texts(args.docs)
    n_chars = sum(map(len, texts))
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, python {platform.python_version()}, spacy {spacy.__version__}")
    print(f"texts: {len(texts)} documents, {n_chars:,} characters\n")

    blank = spacy.blank("zh")
    default = cluster_ner.load()
    rules = cluster_ner.load(rules_only=True)
    list(default.pipe(texts[:20]))  # warm-up: lexicons and models load lazily
    list(rules.pipe(texts[:20]))

    contenders = {"spacy.blank('zh') tokenization": lambda ts: list(blank.pipe(ts))}
    try:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(60)
        jieba.initialize()
        contenders["jieba.posseg"] = lambda ts: [list(jieba.posseg.cut(t)) for t in ts]
    except ImportError:
        print("(jieba not installed: pip install '.[bench]')")
    contenders["cluster_ner default pipeline"] = lambda ts: list(default.pipe(ts))
    contenders["cluster_ner rules only"] = lambda ts: list(rules.pipe(ts))
    speeds = race(contenders, texts, args.rounds, args.min_seconds)
    floor, jb = "spacy.blank('zh') tokenization", "jieba.posseg"
    print(
        f"{'pipeline':<34} {'chars/s':>12} {'× blank zh':>11} {'× jieba':>9}"
        f"   (medians of {args.rounds} interleaved rounds of ≥ {args.min_seconds:g} s; ratios per round)"
    )
    for name in speeds:
        vs_jieba = ratio(speeds, name, jb) if jb in speeds else float("nan")
        print(f"{name:<34} {statistics.median(speeds[name]):>12,.0f} {ratio(speeds, name, floor):>11.3f} {vs_jieba:>9.2f}")
    spread = sorted(x / y for x, y in zip(speeds["cluster_ner rules only"], speeds[floor]))
    print(f"rules only × blank zh, lowest to highest round: {' '.join(f'{r:.3f}' for r in spread)}")

    print(f"\nper component (default pipeline, best of {args.rounds}):")
    runs = [per_component(default, texts) for _ in range(args.rounds)]
    times = {name: min(r[name] for r in runs) for name in runs[0]}
    total = sum(times.values())
    for name, sec in times.items():
        print(f"  {name:<28} {sec:>7.3f} s  {100 * sec / total:>5.1f}%  {n_chars / sec:>12,.0f} chars/s")

    if args.processes:
        big = corpus_texts(2000)
        speeds = race(
            {
                "one": lambda ts: cluster_ner.extract_many(ts, nlp=default, progress=False),
                "two": lambda ts: cluster_ner.extract_many(ts, nlp=default, n_process=2, progress=False),
            },
            big,
            args.rounds,
            min_seconds=0,
        )
        one, two = statistics.median(speeds["one"]), statistics.median(speeds["two"])
        print(
            f"\nextract_many n_process=2 vs 1 on 2,000 documents: {ratio(speeds, 'two', 'one'):.2f}×"
            f"  ({one:,.0f} → {two:,.0f} chars/s)"
        )

    if args.stream:
        code = (
            "import sys, resource, time; sys.path.insert(0, %r); import throughput as b, cluster_ner; "
            "n = int(sys.argv[1]); base = b.corpus_texts(1000); texts = (base[i %% 1000] for i in range(n)); "
            "t = time.perf_counter(); rows = 0; marks = []\n"
            "for k, df in enumerate(cluster_ner.iter_frames(texts, per='batch', batch_size=256, progress=False)):\n"
            "    rows += len(df)\n"
            "    if k in (3, 39, 390): marks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
            "import json; print(json.dumps([rows, round(time.perf_counter() - t, 1), marks, "
            "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024]))"
        ) % str(Path(__file__).parent)
        import subprocess
        import sys

        out = subprocess.run([sys.executable, "-c", code, str(args.stream)], capture_output=True, text=True, check=True)
        rows, secs, marks, peak = json.loads(out.stdout)
        print(
            f"\nstreaming iter_frames over {args.stream:,} documents: {rows:,} rows in {secs} s; "
            f"peak RSS (MB) after 1k / 10k / 100k documents: {' / '.join(map(str, marks))}; at the end: {peak}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
