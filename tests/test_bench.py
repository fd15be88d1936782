"""The benchmark script runs and prints every figure (figures only: no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_benchmark_prints_every_contender_and_component():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "throughput.py"), "--docs", "12", "--rounds", "1", "--min-seconds", "0"],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    ).stdout
    for contender in ("spacy.blank('zh') tokenization", "jieba.posseg", "cluster_ner default pipeline", "cluster_ner rules only"):
        assert re.search(re.escape(contender) + r"\s+[\d,]+\s+\d+\.\d{3}\s+\d+\.\d{2}", out), contender
    for component in ("tokenizer (cleaning)", "cluster_ner_gov", "cluster_ner_model", "cluster_ner_attributes"):
        assert re.search(re.escape(component) + r"\s+\d+\.\d{3} s\s+\d+\.\d%", out), component
