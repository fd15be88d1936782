"""Tables written in running text (``|`` or tab separated rows): where their blocks start.

A cell's column header (:mod:`.attributes.measure`) and a table's title time
(:mod:`.context.component`) are both found from the first line of the block of
rows above a cell. The blocks are computed once per text (a str caches its
hash, so the caches below cost one lookup per call), which keeps every query
constant-time on any input, even a text of a million one-cell rows.
"""

from __future__ import annotations

import bisect
import functools
import re

__all__ = ["ROW_MAX", "block_top", "column_header", "line_index", "line_starts", "row_sep", "title_line"]

ROW_MAX = 2_000  # a table row is shorter: longer lines are read as text
SEPARATORS = ("|", "\t")
# How many separators make a line a row: a tab row may have two cells (集群⇥2950), a | row
# needs its frame (| a | b |) or two cells between bars.
_MIN_SEPS = {"|": 2, "\t": 1}


@functools.lru_cache(maxsize=8)
def line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def line_index(text: str, pos: int) -> int:
    """The index of the line holding ``pos``."""
    return bisect.bisect_right(line_starts(text), pos) - 1


def _line_end(text: str, starts: list[int], i: int) -> int:
    return starts[i + 1] - 1 if i + 1 < len(starts) else len(text)


def row_sep(text: str, i: int) -> str | None:
    """The separator that makes line ``i`` a table row (:data:`_MIN_SEPS` of them), or ``None``."""
    starts = line_starts(text)
    start, end = starts[i], _line_end(text, starts, i)
    if end - start > ROW_MAX:
        return None
    for sep in SEPARATORS:
        if text.count(sep, start, end) >= _MIN_SEPS[sep]:
            return sep
    return None


@functools.lru_cache(maxsize=16)
def _row_tops(text: str, sep: str) -> list[int]:
    """For each line, the first line of the run of ``sep`` rows right above it (itself
    when the line above is no such row)."""
    starts = line_starts(text)
    tops: list[int] = []
    for i in range(len(starts)):
        above = i - 1
        is_row = above >= 0 and starts[i] - 1 - starts[above] <= ROW_MAX and text.count(sep, starts[above], starts[i] - 1) >= _MIN_SEPS[sep]
        tops.append(tops[above] if is_row else i)
    return tops


def block_top(text: str, sep: str, i: int, reach: int | None = None) -> int:
    """The first line of the block of ``sep`` rows directly above line ``i`` (``i`` when
    there is none), at most ``reach`` characters above line ``i``'s start."""
    top = _row_tops(text, sep)[i]
    if reach is not None and top < i:
        starts = line_starts(text)
        top = max(top, bisect.bisect_right(starts, max(0, starts[i] - reach)) - 1)
    return top


def line_text(text: str, i: int) -> str:
    """Line ``i`` without its line break."""
    starts = line_starts(text)
    return text[starts[i] : _line_end(text, starts, i)]


def title_line(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the line right above the table block holding ``pos`` (its title:
    表2　德化县日用陶瓷产业集群主要指标), or ``None`` when ``pos`` is in no table row."""
    i = line_index(text, pos)
    sep = row_sep(text, i)
    if sep is None:
        return None
    top = block_top(text, sep, i)
    if top == 0:
        return None
    starts = line_starts(text)
    return starts[top - 1], _line_end(text, starts, top - 1)


def column_header(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the header cell above the table cell at ``pos`` (the first row of its
    block, same column), or ``None`` (not in a table row, or the header row itself)."""
    i = line_index(text, pos)
    sep = row_sep(text, i)
    if sep is None:
        return None
    top = block_top(text, sep, i)
    if top == i:
        return None
    starts = line_starts(text)
    column = text.count(sep, starts[i], pos)
    start, end = starts[top], _line_end(text, starts, top)
    for _ in range(column):
        k = text.find(sep, start, end)
        if k < 0:
            return None
        start = k + len(sep)
    k = text.find(sep, start, end)
    return start, (k if k >= 0 else end)
