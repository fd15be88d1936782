"""The document date, found in the text when the caller does not give it (CONTEXT.md).

In order:

1. a full date in the header — a ``发布时间`` / ``日期`` / ``来源 …`` field, a
   dateline, a WeChat-style ``2025年01月20日 08:30`` line — before the body starts;
2. the first full date in the opening paragraph (``2024年7月27日，…召开``);
3. a month and day there (``6月16日``) with the year the title, the header or the
   opening sentence states (``2023首届…峰会`` → 2023-06-16);
4. a year in the opening sentence (``2023全省…工作会议``, ``工信部联规〔2024〕57号``) → ``YYYY``.

No year anywhere in those places: no document date.
"""

from __future__ import annotations

import re

from ..grammar.time import FULL_DATE, full_date_of

__all__ = ["document_date"]

_YEAR = r"(?:19|20)\d{2}"
_MONTH_DAY = re.compile(r"(?<![\d年/\-.])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR_IN_TEXT = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
# A year that names the event or the document (2023首届…峰会, 〔2024〕57号, 2024年度…名单),
# not an amount (近1900亿元) nor a horizon (到2026年, 预计2026年).
_EVENT_YEAR = re.compile(rf"(?<![\d到至预计力争于前])(?:〔|\[)?({_YEAR})(?=(?:〕|\]|年度|年(?![前后底末内])|首届|全省|全市|全国|第))")
_HEADER_FIELD = re.compile(r"(?:发布时间|发布日期|日期|时间|来源|发文日期|成文日期|更新时间)\s*[:：]")
# The header: the title and the lines of fields under it, before the first line of body text.
_HEADER_CHARS = 400
_OPENING_CHARS = 600
_BODY_LINE = 60  # a line this long with a ， (or any with a 。) and no header field is body text


def _date(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _first_full_date(text: str) -> str | None:
    """The first full date of ``text`` (2024年3月5日, 2024-03-05, 二〇二四年三月五日)."""
    m = FULL_DATE.search(text)
    return full_date_of(m) if m is not None else None


def _split_header(text: str) -> tuple[str, str]:
    """``(header, opening paragraph)``: the short lines at the top, then the first body paragraph."""
    lines = text[: _HEADER_CHARS + _OPENING_CHARS].splitlines(keepends=True)
    header: list[str] = []
    for k, line in enumerate(lines):
        stripped = line.strip()
        if (len(stripped) >= _BODY_LINE and "，" in stripped or "。" in stripped) and not _HEADER_FIELD.search(stripped):
            return "".join(header), "".join(lines[k:])
        header.append(line)
        if sum(map(len, header)) > _HEADER_CHARS:
            break
    rest = text[sum(map(len, header)) :]
    return "".join(header), rest


def _opening(body: str) -> str:
    """The opening paragraph of the body (its first non-empty line), bounded."""
    for line in body.splitlines():
        if line.strip():
            return line[:_OPENING_CHARS]
    return ""


def document_date(text: str) -> str | None:
    """The document's date as ``YYYY-MM-DD`` or ``YYYY``, or ``None`` (see the module docstring)."""
    header, body = _split_header(text)
    for line in header.splitlines():
        if _HEADER_FIELD.search(line) or FULL_DATE.search(line):
            found = _first_full_date(line)
            if found:
                return found
    opening = _opening(body)
    found = _first_full_date(opening)
    if found:
        return found
    sentences = re.split(r"[。！？!?]", opening)
    for sentence in sentences:  # 6月16日 with the year of the header or of its own sentence (2023首届…)
        month_day = _MONTH_DAY.search(sentence)
        if month_day is not None:
            year = _EVENT_YEAR.search(header) or _EVENT_YEAR.search(sentence)
            if year is not None:
                return _date(int(year.group(1)), int(month_day.group(1)), int(month_day.group(2)))
            break
    year = (_EVENT_YEAR.search(sentences[0]) if sentences else None) or _EVENT_YEAR.search(header)
    return year.group(1) if year is not None else None  # (2021年1-6月份…统计公报: the title's year)
