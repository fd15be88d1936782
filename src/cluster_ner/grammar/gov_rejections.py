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
# Generic mentions: 各市人民政府, 各设区市工业和信息化局, 所在地县(市)区政府, 有关部门 (no body is named).
_GENERIC_BEFORE = re.compile(rf"(?:(?:各|所在地)[{HAN}（）()]{{0,5}}|有关|相关|[全该本两多诸每]|(?<![{HAN}])[市区县])$")
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
    if not _addressee_items(stretch):
        return False
    # A later item: the list runs on to the line's comma or colon (…、财政局，省农业农村厅：),
    # not into a verb (各省级主管部门会同省发展改革委、省财政厅建立…).
    rest = _LIST_REST.match(text, s)
    return _addressee_items(_OPEN_ASIDE.sub("", rest.group())) if rest is not None else False


# To the list's end, or to the end of the aside the item is in (经委（经信委、工信厅）).
_LIST_REST = re.compile(r"[^，,：:；;。！？\n）)]{0,60}(?=[，,：:）)])")


def _addressee_items(stretch: str) -> bool:
    """Is ``stretch`` items of an addressee list joined by 、/及/和/与 (和 inside a domain,
    工业和信息化局, joins none)?"""
    stretch = _domain_with_he_re().sub(lambda m: m.group().replace("和", _MASKED_HE), stretch)
    return all(_addressee_word(item.replace(_MASKED_HE, "和")) for item in re.split("[、及和与]", stretch))


_MASKED_HE = "\0"
# Verbs of a sentence: an addressee line lists bodies and places only.
_SENTENCE_VERB = re.compile("要|落实|贯彻|按照|根据|会同|部署|推动|组织|支持|负责")


@lexicon.cached
def _domain_with_he_re() -> re.Pattern[str]:
    """The domains whose name holds 和 (工业和信息化, 住房和城乡建设)."""
    return re.compile(lexicon.alternation([form for form in lexicon.gov_domains() if "和" in form]))


def _addressee_word(item: str) -> bool:
    """Can ``item`` be one item of an addressee list (a level word, a group of places, a
    place, a body)?"""
    if not item:
        return True
    if _SENTENCE_VERB.search(item):
        return False  # 各地要落实甘肃省委、省政府部署: a sentence, not an addressee line
    words = _addressee_words()
    if item in words or all(c in words for c in item) or plausible_gov_end(item) or item.endswith("部门"):
        return True  # (…工业和信息化主管部门: a generic department is an item too)
    chain = read_place_chain(item)
    return bool(chain) and chain[-1].end == len(item)
