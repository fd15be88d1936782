"""Shares and ratios written without a unit: ratios of parts as one METRIC span
(4.1∶38.2∶57.7, 2.5:37:60.5, 12.9︰33.4︰53.7), and growth rates and shares whose ``%``
a published page lost (增长42。, 占…总产值的59.5，).

A ratio of parts (the shares of three industries: 4.1∶38.2∶57.7) has no unit; a
clock time (09:30:15) has the same shape and is told apart by its sign and its
decimals (:func:`find_ratios`). A bare number right after a growth or share word
and before a clause's end can only be a percentage (:func:`find_lost_percents`).
"""

from __future__ import annotations

import re

__all__ = ["find_lost_percents", "find_ratios", "lost_percent_at"]


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


# A growth rate or share whose % sign was lost: 增长42。, 同比增长26.1，, 占…总产值的59.5，
_LOST_PERCENT = re.compile(
    r"(?:(?:增长|下降|增幅为|降幅为|增速为|增幅|降幅|增速|占比为|占比|比重为|比重)(?:了)?"
    r"|占[^，,。；;！？!?\n\d]{1,20}的)"
    r"(\d{1,3}(?:\.\d{1,2})?)(?=[，,。；;]|$)",  # (not before 、: 增长0.18、3.57个百分点 share a unit)
    re.M,
)


def find_lost_percents(text: str) -> list[tuple[int, int]]:
    """Bare numbers after a growth or share word, before a clause's end: percentages
    whose ``%`` the page lost (规模以上工业企业总产值增长26.1，…). A number there with a
    unit is read by the main grammar; a bare one can be nothing else."""
    return [m.span(1) for m in _LOST_PERCENT.finditer(text)]


def lost_percent_at(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a percentage whose ``%`` the page lost (see :func:`find_lost_percents`)?"""
    return any(m.span(1) == (start, end) for m in _LOST_PERCENT.finditer(text, max(0, start - 24), min(len(text), end + 1)))
