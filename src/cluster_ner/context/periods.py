"""Where a number's period may come from besides the nearest time before it in its sentence
(:class:`.component.ContextSetter`): a sentence that a ； does not end, an English time
after the number (…by 2027), a table's title or header time.
"""

from __future__ import annotations

import bisect
import re

from .. import text_tables
from ..grammar.time import Time
from .holders import DocumentHolders
from .sentences import SENTENCE_END, SENTENCE_REACH, is_table_header, is_table_row, start_of_sentence

__all__ = ["english_time_after", "start_of_period_sentence", "table_time"]

_SEMICOLON = re.compile(r"[；;]")
# A growth column (增长（%）, 年均增长) is over the time of the columns before it.
_GROWTH_COLUMN = re.compile(r"增长|增速|同比|比上年|年均")
# A row whose first cell is a year (年份 | 产值 ⏎ 2022 | 165.3).
_ROW_YEAR = re.compile(r"[ \t|｜]*((?:19|20)\d{2})年?[ \t]*(?:[|｜\t])")


def start_of_period_sentence(text: str, pos: int, holders: DocumentHolders) -> int:
    """Where the time of the number at ``pos`` may come from: its sentence, where a ； ends
    one only when a body opens the next part (…两位数增长；广州市政府副秘书长指出，…), not a
    cluster (到2027年…；长沙市工程机械集群产值突破3000亿元 is one sentence of 2027):
    2023年…增长9.2%；全县陶瓷企业3,500多家 is one sentence of 2023."""
    start = start_of_sentence(text, pos)
    for m in _SEMICOLON.finditer(text, start, pos):
        if m.end() in holders.gov_starts:
            start = m.end()
    return start


def english_time_after(text: str, end: int, times: list[Time], index: int) -> Time | None:
    """In English, the time may follow the number in its sentence (…by 2027)."""
    stop = SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    for k in range(index, len(times)):
        t = times[k]
        if t.start >= (stop.start() if stop else end + SENTENCE_REACH) or not (text[t.start].isascii() and text[t.start].isalpha()):
            return None
        if t.start >= end and not t.base:
            return t
    return None


def table_time(text: str, pos: int, times: list[Time]) -> Time | None:
    """The time of the table cell at ``pos``: its column header's (指标 | 2022年 | 2023年),
    else the last one in the table's header or the line above it (its title: 表1
    2024年1—6月江苏省主要工业产品产量), not a comparison's base."""
    header = text_tables.column_header(text, pos)
    if header is not None:  # 指标 | 2022年 | 2023年: the column's own year
        k = bisect.bisect_left(times, header[0], key=lambda t: t.start)
        if k < len(times) and times[k].start < header[1] and not times[k].base:
            return times[k]
    i = text_tables.line_index(text, pos)
    sep = text_tables.row_sep(text, i)
    if sep is None:
        return None
    starts = text_tables.line_starts(text)
    year = _ROW_YEAR.match(text, starts[i])
    if year is not None and year.end(1) <= pos:  # 年份 | 产值: 2022 | 165.3 — the row's year
        return Time(year.start(1), year.end(1), year.group(1))
    top = text_tables.block_top(text, sep, i)
    start = starts[max(0, top - 1)]  # the title line above the block
    found = None
    first = bisect.bisect_left(times, start, key=lambda t: t.start)
    for k in range(first, len(times)):  # (no slice: a copy per number is quadratic)
        t = times[k]
        if t.start >= pos:
            break
        if header is not None and top + 1 < len(starts) and starts[top] <= t.start < starts[top + 1]:
            if not _GROWTH_COLUMN.search(text, *header):
                return None  # another column's time (2023年营业收入 | 企业数): this column has none
            if t.start >= header[0]:
                break  # a growth column is over the columns before it, not a later 2027年目标
        if not t.base and (not is_table_row(text, t.start) or is_table_header(text, t.start)):
            found = t
    return found
