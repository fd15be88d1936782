"""Congresses and CPPCC committees in the GOV grammar (:mod:`.gov`): terms and full names.

A congress or a CPPCC committee may carry its term between its place and its
head (潍坊市第十八届人民代表大会, 县十六届人大, 十三届全国人大); a CPPCC
committee may also be named in full, the place inside the name
(政协常州市第十五届委员会常务委员会, 中国人民政治协商会议第十二届全国委员会):
:func:`parse_cppcc` splits such a name for the attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..constants import HAN
from .places import PlaceWord, read_place_chain

# The term of a congress or CPPCC committee, between its place and its head:
# 潍坊市第十八届人民代表大会, 县十六届人大, 十三届全国人大.
TERM = "第?[一二三四五六七八九十百]{1,4}届"
_TERM_BEFORE = re.compile(rf"{TERM}\s?\Z")  # 潮州市第十五届⏎人民代表大会: a line may break before the head
_CONGRESS_KINDS = frozenset({"congress", "congress_committee", "cppcc", "cppcc_committee", "standing_committee"})
# A standing committee named alone (常委会) is a body after 及其 (市人大及其常委会) or as the
# author of a work report (讨论常委会工作报告); 市委常委会 is the party committee's meeting.
_STANDING_ALONE_BEFORE = ("及其",)
_STANDING_ALONE_AFTER = ("工作报告",)


def full_term(term: str) -> str:
    """A term as an official name writes it: 十八届 → 第十八届."""
    term = term.strip()
    return term if not term or term.startswith("第") else "第" + term


@dataclass(frozen=True)
class CppccParse:
    """A CPPCC committee named in full (政协常州市第十五届委员会常务委员会)."""

    places: tuple[PlaceWord, ...]
    term: str  # 第十五届, or ""
    national: bool  # 全国委员会
    standing: bool  # its standing committee


def parse_cppcc(text: str) -> CppccParse | None:
    """Split a CPPCC committee's full name, or ``None`` when ``text`` is none."""
    m = _cppcc_re().fullmatch(text)
    if m is None:
        return None
    rest = m.group("rest")
    chain = tuple(read_place_chain(rest)) if rest else ()
    if rest and (not chain or chain[-1].end != len(rest)):
        return None
    term = m.group("term") or m.group("term0") or ""
    return CppccParse(chain, full_term(term), bool(m.group("national")), text.endswith("常务委员会"))


def _congress_body(name: str) -> bool:
    """A body of the list that is a congress or CPPCC committee (全国人大, 全国政协)."""
    return name.endswith(_congress_heads())


@lexicon.cached
def _congress_heads() -> tuple[str, ...]:
    return tuple(h for h, e in lexicon.gov_heads().items() if e.kind in _CONGRESS_KINDS)


@lexicon.cached
def _cppcc_re() -> re.Pattern[str]:
    """A CPPCC committee named in full: 政协常州市第十五届委员会(常务委员会),
    中国人民政治协商会议第十二届全国委员会; its words come from the 政协 row of the head table."""
    entry = lexicon.gov_heads()["政协"]
    before, after = entry.full.split("{place}", 1)  # 中国人民政治协商会议, 委员会
    return re.compile(
        f"(?P<lead>{re.escape(before)}|{re.escape(entry.head)})(?=[{HAN}])(?P<term0>{TERM})?"
        f"(?P<rest>[{HAN}]{{0,16}}?)(?P<term>{TERM})?(?P<national>全国)?{re.escape(after)}(?:常务委员会)?"
    )


def _cppcc_full_names(text: str) -> list[tuple[int, int]]:
    """CPPCC committees named in full, with a place, a term or 全国 (a bare 政协委员会 is none)."""
    if "政协" not in text and "政治协商会议" not in text:
        return []
    out = []
    for m in _cppcc_re().finditer(text):
        rest = m.group("rest")
        if rest:
            chain = read_place_chain(rest)
            if not chain or chain[-1].end != len(rest):
                continue
        elif not (m.group("term") or m.group("term0") or m.group("national")):
            continue
        out.append(m.span())
    return out
