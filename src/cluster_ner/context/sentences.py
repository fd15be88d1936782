"""Where a number's sentence, clause, paragraph and line start, and whether its line
is a table row (``|`` or tab separated) or a table's header.

A sentence ends at 。！？ or a line break; for a subject also at ；(广东…增长；广州作为…).
"""

from __future__ import annotations

import bisect
import functools
import re

__all__ = ["CLAUSE_END", "last_heading", "top_heading_before", "SENTENCE_END", "SENTENCE_REACH", "SUBJECT_SENTENCE_END", "is_table_header", "is_table_row", "start_of_clause", "start_of_paragraph", "start_of_sentence"]

# Sentences for a period: a ； ends one only before a body (see
# periods.start_of_period_sentence); for a subject it always does (广东…增长；广州作为…).
# (A line ending in a comma is one broken by the page, not a sentence's end: 企业142家，⏎2、其中…)
SENTENCE_END = re.compile(r"[。！？!?\r]|(?<![，,、])\n")
SUBJECT_SENTENCE_END = re.compile(r"[。！？!?\r；;]|(?<![，,、])\n")
# (A space between two Han characters parts a headline's two phrases: …名单 全国国家级集群达到80个.)
CLAUSE_END = re.compile(r"[，,；;：:]|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
SENTENCE_REACH = 512  # characters looked back for a sentence start
_TABLE_ROW = re.compile(r"[|｜].*[|｜]|\t")


@functools.lru_cache(maxsize=8)
def _marks(text: str, ends: re.Pattern[str]) -> list[int]:
    """Where ``ends`` (one-character marks) occur in the text, found once per text and
    pattern: every sentence or clause start after is a bisection, not a scan."""
    return [m.start() for m in ends.finditer(text)]


def _after_last_mark(text: str, lo: int, pos: int, ends: re.Pattern[str]) -> int:
    """Right after the last mark of ``ends`` in ``[lo, pos)``, else ``lo``."""
    marks = _marks(text, ends)
    i = bisect.bisect_left(marks, pos) - 1
    return marks[i] + 1 if i >= 0 and marks[i] >= lo else lo


def start_of_sentence(text: str, pos: int, ends: re.Pattern[str] = SENTENCE_END) -> int:
    """Where the sentence holding ``pos`` starts (after the last of ``ends`` within reach)."""
    return _after_last_mark(text, max(0, pos - SENTENCE_REACH), pos, ends)


@functools.lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    """Where the text's lines end (found once per text: a str caches its hash)."""
    return [m.start() for m in re.finditer("\n", text)]


def start_of_paragraph(text: str, pos: int) -> int:
    """Where the paragraph (line) holding ``pos`` starts."""
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, pos) - 1
    return newlines[i] + 1 if i >= 0 else 0


def _line(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``, at most :data:`SENTENCE_REACH` characters each side of it."""
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, pos)
    start = newlines[i - 1] + 1 if i > 0 else 0
    end = newlines[i] if i < len(newlines) else len(text)
    return max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)


def is_table_row(text: str, pos: int) -> bool:
    """Is the line at ``pos`` a table row (cells between ``|`` or tabs)?"""
    start, end = _line(text, pos)
    return _TABLE_ROW.search(text, start, end) is not None


def is_table_header(text: str, pos: int) -> bool:
    """Is the table line at ``pos`` a header (no number cells)?"""
    start, end = _line(text, pos)
    return _TABLE_ROW.search(text, start, end) is not None and not re.search(r"[|｜\t]\s*-?[\d,.]+\s*(?:[|｜\t]|$)", text[start:end])


def start_of_clause(text: str, sentence_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts, in the sentence from ``sentence_start``."""
    return _after_last_mark(text, sentence_start, pos, CLAUSE_END)


# Section headings of a plan or report: any (二、重点任务, （一）强化龙头引领, 第三章), and a
# top-level one with its title (二、重点任务, 第三章 保障措施).
_NUMERAL = "[一二三四五六七八九十]+"
_HEADING = re.compile(rf"^[ \t　]*(?:{_NUMERAL}、|[（(]{_NUMERAL}[）)]|第{_NUMERAL}[章节])", re.M)
_TOP_HEADING = re.compile(rf"^[ \t　]*(?:{_NUMERAL}、|第{_NUMERAL}[章部分][ \t　]*)([^\n]{{2,24}})", re.M)


@functools.lru_cache(maxsize=4)
def _heading_starts(text: str) -> list[int]:
    """Where the text's section headings start (found once per text)."""
    return [m.start() for m in _HEADING.finditer(text)]


@functools.lru_cache(maxsize=4)
def _top_headings(text: str) -> tuple[list[int], list[str]]:
    """Where the text's top-level headings start, and their titles (found once per text)."""
    starts, titles = [], []
    for m in _TOP_HEADING.finditer(text):
        starts.append(m.start())
        titles.append(m.group(1))
    return starts, titles


def top_heading_before(text: str, pos: int) -> str | None:
    """The title of the last top-level heading before ``pos`` (重点任务 of 二、重点任务), or
    ``None``; an attachment (附件：…) after the heading ends its section."""
    starts, titles = _top_headings(text)
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0:
        return None
    attachments = _attachments(text)
    k = bisect.bisect_left(attachments, starts[i])
    if k < len(attachments) and attachments[k] + len(_ATTACHMENT) <= pos:
        return None
    return titles[i]


_ATTACHMENT = "\n附件"


@functools.lru_cache(maxsize=4)
def _attachments(text: str) -> list[int]:
    """Where the text's attachments (附件 opening a line) start (found once per text)."""
    return [m.start() for m in re.finditer(_ATTACHMENT, text)]


def last_heading(text: str, pos: int) -> int:
    """Where the last section heading before ``pos`` starts, or -1."""
    starts = _heading_starts(text)
    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else -1
