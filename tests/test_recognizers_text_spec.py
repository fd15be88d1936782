"""parse_quantity against Microsoft Recognizers-Text's Chinese specs.

The specs live in ../shared/data/recognizers-text-zh (see its README.md). For
every expected result we parse ``Text`` and compare the value with
``Resolution.value``; the share that agrees must be at least 95 % per file and
overall. A result without a value (``人民币`` alone) agrees when the parser
finds no number either.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from cluster_ner.attributes.quantity import parse_quantity

SHARED = Path(__file__).parents[2] / "shared"
SPEC_DIR = SHARED / "data" / "recognizers-text-zh"
FILES = (
    "Number/NumberModel.json",
    "Number/PercentModel.json",
    "NumberWithUnit/CurrencyModel.json",
)
MIN_SHARE = 0.95


def _expected(resolution: dict) -> float | None:
    raw = resolution.get("value")
    if raw is None:
        return None
    return float(str(raw).rstrip("%"))


def _check(name: str) -> tuple[int, list[str]]:
    """Number of expected results and the descriptions of those that fail."""
    cases = json.loads((SPEC_DIR / name).read_text(encoding="utf-8-sig"))
    total, failures = 0, []
    for case in cases:
        for result in case["Results"]:
            total += 1
            text, want = result["Text"], _expected(result["Resolution"])
            got = parse_quantity(text)
            value = None if got is None else got.value
            if want is None:
                ok = value is None
            else:
                ok = value is not None and math.isclose(value, want, rel_tol=1e-6, abs_tol=1e-12)
            if not ok:
                failures.append(f"{text!r}: expected {want}, got {value}")
    return total, failures


def _report(label: str, total: int, failures: list[str]) -> float:
    share = (total - len(failures)) / total if total else 1.0
    print(f"{label}: {total - len(failures)}/{total} = {share:.4f}")
    for line in failures[:15]:
        print("   ", line)
    return share


@pytest.fixture(scope="module", autouse=True)
def _need_specs() -> None:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} not found")


@pytest.mark.parametrize("name", FILES)
def test_spec_file_share(name: str) -> None:
    total, failures = _check(name)
    assert total > 0
    assert _report(name, total, failures) >= MIN_SHARE


def test_spec_overall_share() -> None:
    total, failures = 0, []
    for name in FILES:
        n, f = _check(name)
        total += n
        failures += f
    assert _report("overall", total, failures) >= MIN_SHARE
