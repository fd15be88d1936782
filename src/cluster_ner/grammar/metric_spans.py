"""Where a METRIC span starts and ends when the text joins, lists or breaks its numbers.

* ranges: ``6%—7%``, ``3至5个百分点`` are one span (:func:`merge_ranges`);
* numbers sharing one unit: ``分别增长5.3、1.3和1.3个百分点`` gives each number
  a span (:func:`mend_spans`);
* noise inside a number: ``1.⏎37倍``, ``31。8%``, a line wrapped inside the
  digits — the span takes the whole number (:func:`mend_spans`);
* a number set between spaces before its unit: ``公布 45 个名单``
  (:func:`spaced_quantities`).
"""

from __future__ import annotations

import re

from .. import lexicon
from ..constants import is_han
from .metric_words import not_quantity_after, role_words, span_trails
from .numbers import NUMBER

__all__ = ["RANGE_JOINERS", "mend_spans", "merge_ranges", "range_start_re", "spaced_quantities"]


# A range joins two quantities, or a bare number and a quantity: 6%—7%, 3至5个百分点, 3-5个.
RANGE_JOINERS = "—–－~～至-"


@lexicon.cached
def range_start_re() -> re.Pattern[str]:
    """A bare number right before a range joiner, anchored at the end of the searched text."""
    return re.compile(rf"(?<![0-9A-Za-z.]){NUMBER}[{RANGE_JOINERS}]$")


def merge_ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join ``a—b`` into one span: two quantities, or a bare number and a quantity."""
    spans = sorted(set(spans))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] + 1 == s and text[s - 1] in RANGE_JOINERS:
            out[-1] = (out[-1][0], e)
            continue
        if s > 0 and text[s - 1] in RANGE_JOINERS and (not out or out[-1][1] < s - 1):
            m = range_start_re().search(text, max(0, s - 12), s)
            if m is not None and (not out or out[-1][1] <= m.start()) and not text[m.start() : s - 1].isspace():
                s = m.start()
        out.append((s, e))
    return out


# A bare Arabic number right before 、/和/及/与, itself not part of a code, date or ordinal.
_SHARED_NUMBER = re.compile(r"(?<![0-9A-Za-z.\-/第图表])(\d+(?:\.\d+)?)[、和及与]$")
_MAX_SHARED = 8


_LIST_JOINERS = frozenset("、和及与")
_NOISE_BEFORE = frozenset(" \n。")


def _shared_before(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``5.3、1.3和1.3个百分点``: the bare numbers listed before the quantity at ``s``."""
    if not text[s].isdigit() or text[s:e].replace(".", "").isdigit():
        return []  # a qualifier first, or a bare table cell: no list
    out = []
    p = s
    for _ in range(_MAX_SHARED):
        m = _SHARED_NUMBER.search(text, max(0, p - 16), p)
        if m is None or m.group(1).isdigit() and _opens_line(text, m.start()):
            break  # (1、9个集群: an item's number opening its line, not a listed one)
        out.append(m.span(1))
        p = m.start()
    return out


# Noise inside a number: a line break or space after its decimal point (1.⏎37倍, 8.⏎2%),
# a space before it (2 .7倍), a Chinese full stop for the point (31。8%), a line break
# in its digits where a page wraps a long line (4⏎12.6亿元).
_BROKEN_POINT = re.compile(r"(?<![\d.])\d+[.．](?:\r?\n| )$")
_SPACE_BEFORE_POINT = re.compile(r"(?<![\d.])\d+ $")
_FULL_STOP_POINT = re.compile(r"(?<![\d.。])\d{1,3}。$")
_WRAPPED_DIGITS = re.compile(r"(?<![\d.])\d{1,3}\r?\n$")
_WRAPPED_LINE = 16  # a line at least this long, broken inside a number, was wrapped


def _opens_line(text: str, pos: int) -> bool:
    """Does only white space stand between the line's start and ``pos``? (Read back over
    the white space only: a long line costs nothing.)"""
    i = pos
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _mend(text: str, s: int, e: int) -> tuple[int, int]:
    """Move ``s`` left over the part of a number that noise cut off."""
    if not (text[s].isdigit() or text[s] in ".．"):
        return s, e
    floor = max(0, s - 12)
    if text[s] in ".．":
        m = _SPACE_BEFORE_POINT.search(text, floor, s)
        return (m.start(), e) if m else (s, e)
    m = _BROKEN_POINT.search(text, floor, s)
    if m is not None and not (text[s - 1] == " " and _opens_line(text, m.start())):
        return m.start(), e  # (1. 9个 opening a line: an item's number, then the quantity)
    if text[s - 1] == "。" and "%" in text[s:e]:
        m = _FULL_STOP_POINT.search(text, floor, s)
        return (m.start(), e) if m else (s, e)
    m = _WRAPPED_DIGITS.search(text, floor, s)
    if m is not None:
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - line_start >= _WRAPPED_LINE and text[m.start() - 1] not in "。！？；：":
            return m.start(), e
    return s, e


def mend_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with the bare numbers listed before each (sharing its unit) and each
    span that noise cut short moved left over the rest of its number."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        before = text[s - 1] if s else ""
        if before in _LIST_JOINERS:
            out += _shared_before(text, s, e)
        elif before in _NOISE_BEFORE:
            s, e = _mend(text, s, e)
        out.append((s, e))
    return out


@lexicon.cached
def _spaced_re() -> re.Pattern[str]:
    """A number written between spaces before its unit (公布 45 个名单)."""
    unit = lexicon.trie_regex(w for w in role_words("metric", "round") if is_han(w[0]))
    trail = "|".join(map(re.escape, span_trails()))
    return re.compile(rf"(?<= )\d+(?:\.\d+)? (?:{unit})(?:{trail})?")  # (200 个左右: its qualifier too)


def spaced_quantities(text: str) -> list[tuple[int, int]]:
    """Numbers written between spaces before their unit, each with its unit."""
    if " " not in text:
        return []
    return [m.span() for m in _spaced_re().finditer(text) if not not_quantity_after(text, m.end())]
