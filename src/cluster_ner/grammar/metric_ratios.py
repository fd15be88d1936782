"""Ratios of parts as one METRIC span: 4.1∶38.2∶57.7, 2.5:37:60.5, 12.9︰33.4︰53.7.

A ratio of parts (the shares of three industries: 4.1∶38.2∶57.7) has no unit; a
clock time (09:30:15) has the same shape and is told apart by its sign and its
decimals (:func:`find_ratios`).
"""

from __future__ import annotations

import re

__all__ = ["find_ratios"]


# A ratio of parts: 4.1∶38.2∶57.7, 2.5:37:60.5, 12.9︰33.4︰53.7; a time (09:30:15) is none.
_RATIO = re.compile(r"(?<![\d.:∶︰?])\d+(?:\.\d+)?(?: ?[∶︰:?] ?\d+(?:\.\d+)?){1,5}(?![\d.:∶︰?])")
_RATIO_SEPARATORS = re.compile(r" ?([∶︰:?]) ?")


_RATIO_SIGN = re.compile(r"(?<=\d) ?[∶︰:?] ?\d")
_NUMBER_BEFORE = re.compile(r"\d+(?:\.\d+)?\Z")


def find_ratios(text: str) -> list[tuple[int, int]]:
    """Ratios of parts, one span each.

    With the ratio sign (∶ ︰) any parts count; with a colon at least one part has
    decimals (a clock time has none); a ``?`` (a ratio sign lost in an encoding)
    needs three parts, all with decimals. Only a sign between two digits is looked at.
    """
    out: list[tuple[int, int]] = []
    end = -1
    for sign in _RATIO_SIGN.finditer(text):
        if sign.start() < end:
            continue
        first = _NUMBER_BEFORE.search(text, max(0, sign.start() - 24), sign.start())
        m = _RATIO.match(text, first.start()) if first is not None else None
        if m is None:
            continue
        end = m.end()
        parts = _RATIO_SEPARATORS.split(m.group())
        numbers, seps = parts[0::2], set(parts[1::2])
        if len(seps) != 1:
            continue
        sep = seps.pop()
        decimals = sum("." in n for n in numbers)
        if sep == ":" and not decimals:
            continue
        if sep == "?" and (len(numbers) < 3 or decimals < len(numbers)):
            continue
        out.append(m.span())
    return out
