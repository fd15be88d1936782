"""Candidates :func:`.gov.find_gov` drops: names that are not a body's own.

A head in running text is not always a body named: a generic mention names
none (各市人民政府, 有关部门), nor does an item of an addressee line under 各
(各省、自治区、直辖市发展改革委、经委); a body's name may start an enterprise's or a
school's (招商局集团) or belong to a foreign place's body.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..constants import HAN
from .gov_tables import ORDINALS, plausible_gov_end
from .places import read_place_chain


@lexicon.cached
def _foreign_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + lexicon.trie_regex(lexicon.foreign_places()) + ")$")


# A body name directly followed by these is the start of an enterprise, bank or
# school name (招商局集团), of 部门 (工信部门), of a portal's name (市人民政府门户网站)
# or of a model's (“管委会+公司”), not a body.
_ENTERPRISE_AFTER = re.compile(r"(?:集团|公司|银行|大学|学院|有限|股份|港口|码头|医院|门|[+＋])")
# Generic mentions: 各市人民政府, 各设区市工业和信息化局, 有关部门 (no body is named).
_GENERIC_BEFORE = re.compile(rf"(?:各[{HAN}（）()]{{0,5}}|有关|相关|[全该本两多诸每]|(?<![{HAN}])[市区县])$")
# An addressee line: 各 governs every item of its list up to the next comma or colon
# (各省、自治区、直辖市发展改革委、经委（经信委、工信厅）、中小企业局：).
_ADDRESSEE_SCOPE = re.compile(r"各[^，,：:；;。！？\n]{0,60}$")
_ASIDE = re.compile(r"[（(][^（）()\n]{0,20}[）)]")
_OPEN_ASIDE = re.compile(r"[（(][^（）()]*$")  # the body itself inside brackets: 经委（经信委
_ORDINAL_HEAD_ONLY = re.compile(rf"^[{ORDINALS}]+局$")


@lexicon.cached
def _level_start_chars() -> str:
    return "".join(sorted({w.word[0] for w in lexicon.place_words() if w.kind == "level" and w.bare}))


@lexicon.cached
def _addressee_words() -> frozenset[str]:
    """What an addressee list under 各 holds besides bodies: level words and groups of places."""
    return frozenset(lexicon.place_words_of("level")) | frozenset(lexicon.place_words_of("addressee"))


@lexicon.cached
def _addressee_groups() -> tuple[str, ...]:
    """Groups of places an addressee item may start with (新疆生产建设兵团发展改革委)."""
    return tuple(lexicon.place_words_of("addressee"))


def _addressee_item(text: str, s: int) -> bool:
    """Is the body at ``s`` an item of a list governed by 各 (an addressee line)?

    The stretch from 各 to ``s``, asides in brackets removed, must be items joined
    by 、/及/和: level words, groups of places (直辖市, 计划单列市), places, or
    bodies (generic too: 发展改革委、经委、中小企业局).
    """
    if text.rfind("各", max(0, s - 61), s) < 0:
        return False
    m = _ADDRESSEE_SCOPE.search(text, max(0, s - 61), s)
    if m is None:
        return False
    stretch = _OPEN_ASIDE.sub("", _ASIDE.sub("", text[m.start() + 1 : s]))
    if not stretch:
        return True
    words = _addressee_words()
    for item in re.split("[、及和与]", stretch):
        if not item:
            continue
        if item in words or all(c in words for c in item) or plausible_gov_end(item):
            continue
        chain = read_place_chain(item)
        if chain and chain[-1].end == len(item):
            continue
        return False
    return True
