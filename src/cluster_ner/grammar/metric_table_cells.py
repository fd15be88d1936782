"""Bare numbers in the cells of a text table, as METRIC spans.

A text table states its units in its header (``企业数（家） 产值（亿元）``), not
beside each number: the bare numbers in its cells are read as quantities, except
in a column headed by a row number, year, date or code (:func:`find_table_cells`).
"""

from __future__ import annotations

import re

__all__ = ["find_table_cells"]

_CELL_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")
_NOT_MEASURE_HEADER = re.compile(r"序号|编号|No\.?|年份|年度|日期|代码|排名")
# A header that names a measure with its unit (2023年度综合得分（分）, 全省排名（位）) is one,
# whatever else it says; only a bare 年度 / 排名 column holds labels.
_MEASURE_WITH_UNIT = re.compile(r"[\u4e00-\u9fff]{2,}[（(][^（）()]{1,8}[）)]\s*$")
_UNIT_IN_HEADER = re.compile(r"[（(][^（）()]{1,8}[）)]|单位")
_SPACES = re.compile(r"[ \u3000]+")


def _cells(line: str, sep: str | None) -> list[tuple[int, str]]:
    """``(offset, cell)`` pairs of a table row."""
    if sep is not None:
        out, offset = [], 0
        for cell in line.split(sep):
            out.append((offset, cell))
            offset += len(cell) + len(sep)
        return out
    return [(m.start(), m.group()) for m in re.finditer(r"[^ \u3000\n]+", line)]


def find_table_cells(text: str) -> list[tuple[int, int]]:
    """Bare numbers in the cells of a text table.

    Rows are lines of ``|`` or tab separated cells, or of space separated cells
    under a header that states units (``企业数（家） 产值（亿元）``). The first
    row of a block is its header; a column whose header is a row number, year,
    date or code (序号, 年份 …) is not a quantity.
    """
    if "|" not in text and "\t" not in text and " " not in text and "\u3000" not in text:
        return []  # no separator of any kind: no row can have cells
    found: list[tuple[int, int]] = []
    header: list[str] | None = None
    header_sep: str | None = None
    pos = 0
    for line in text.splitlines(keepends=True):
        sep = "|" if line.count("|") >= 2 else ("\t" if line.count("\t") >= 2 else None)
        if sep is None and line.count("\t") == 1 and (header is not None and header_sep == "\t" or _UNIT_IN_HEADER.search(line)):
            sep = "\t"  # a two-column table under a header with its unit (集群\t营业收入（亿元）)
        spaced = sep is None and len(_SPACES.findall(line.strip())) >= 2
        if header is not None and header_sep != sep:
            header = None  # a row of another kind starts a new block (a footer line after a | menu)
        if sep is None and not (spaced and (header is not None or _UNIT_IN_HEADER.search(line))):
            header = None
        elif header is None:
            header, header_sep = [c for _, c in _cells(line, sep)], sep
        else:
            for col, (offset, cell) in enumerate(_cells(line, sep)):
                stripped = cell.strip()
                head = header[col] if col < len(header) else ""
                if stripped and _CELL_NUMBER.fullmatch(stripped) and (not _NOT_MEASURE_HEADER.search(head) or _MEASURE_WITH_UNIT.search(head)):
                    start = pos + offset + cell.index(stripped)
                    found.append((start, start + len(stripped)))
        pos += len(line)
    return found
