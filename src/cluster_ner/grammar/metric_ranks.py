"""Ranks in the METRIC grammar: 第4, 50强, 前十, TOP10.

A rank is a METRIC when a verb of ranking comes before it (``位居全国第4``,
``位列东部地区50强``), when it is written as one (``以第12名的成绩``, ``TOP10``)
or when it is listed after such a rank (``…第3、新型城镇化质量第4``). A 强 rank
that names a list (``百强县``, ``中国企业500强``) is a title, and one before a
unit is an ordinal (``第一次会议``, ``前三个季度``).
"""

from __future__ import annotations

import re

from .. import lexicon
from .metric_words import known_unit_at, not_quantity_after

__all__ = ["RANK_FIRST", "RANK_PATTERN", "after_ranking_verb", "find_ranks", "list_name", "rank_regex"]

# A rank that names a list (500强企业, 百强县) is a descriptor, not a stated rank.
_RANK_DESCRIPTOR_AFTER = re.compile(r"[县市区镇企榜名单]|产业|集群")  # (全国百强产业集群: a list's name)
# A rank after the name of a published list is the list's title: 入选中国企业500强, 世界500强.
_RANK_TITLE_BEFORE = re.compile(r"(?:企业|世界|中国|制造业|民营)$")  # (入选中国制造业500强)
_RANK_CONTEXT = re.compile(r"(?:居于?|位居|位列|排名|排在|排|名列|列(?!席)|跻身|挤进|跨进|迈进|迈入|进入|入选|入围|位于|晋级|升至|跃居|稳居|保持|处于)[^，。；！？,;!?\n]{0,12}$")

# A scope right before a rank ranks within it (销售全球第三、亚洲第一; 全国第 一).
_SCOPE_BEFORE = re.compile(r"(?:全球|全国|全省|全市|全区|全县|亚洲|世界|国内|省内|行业|同行业|全行业)$")
_RANK_REACH = 18  # characters before a rank searched for a verb of ranking

RANK_PATTERN = (
    r"(?P<rank>(?:第 ?|前)[0-9一二三四五六七八九十百两]+(?:位|名|强)?"
    r"|(?<![0-9一二三四五六七八九十百千])[0-9一二三四五六七八九十百千]+强"  # lookbehind: linear on digit runs
    r"|[Tt][Oo][Pp]\s?[0-9]+)"
)
RANK_FIRST = "第前0123456789一二三四五六七八九十百千Tt"

# Ranks listed after one verb of ranking: 、 and a few words before each next rank.
_RANK_LIST = re.compile(r"、[^，。；！？,;!?\n、]{0,12}")


@lexicon.cached
def rank_regex() -> re.Pattern[str]:
    """:data:`RANK_PATTERN` behind the skip of the characters no rank starts with."""
    return re.compile(lexicon.skipping(RANK_FIRST, RANK_PATTERN))


def after_ranking_verb(text: str, s: int) -> bool:
    """Does a verb of ranking (位居, 位列, 跻身 …) come shortly before ``s``, in the same clause?"""
    return _RANK_CONTEXT.search(text, max(0, s - _RANK_REACH), s) is not None


def list_name(text: str, s: int, e: int) -> bool:
    """Is the 强 rank at ``[s, e)`` the name of a list (百强县, 中国企业500强, 工业百强第7),
    or a list entered (入选全球工程机械50强: a membership, not a rank)?"""
    return bool(
        _RANK_DESCRIPTOR_AFTER.match(text, e)
        or _RANK_TITLE_BEFORE.search(text, max(0, s - 3), s)
        or text.startswith("第", e)
        or _LIST_ENTERED.search(text, max(0, s - _RANK_REACH), s)
    )


# 入选/入榜 a 强 list: joining it (ANNOTATION.md: a list name is not a rank; 位列…50强 is).
_LIST_ENTERED = re.compile(r"(?:入选|入榜|上榜)[^，。；！？,;!?\n]{0,12}$")


def find_ranks(text: str) -> list[tuple[int, int]]:
    """The spans of the ranks in ``text`` that state a rank (see the module's docstring)."""
    found: list[tuple[int, int]] = []
    last_rank = -1
    for m in rank_regex().finditer(text):
        s, e = m.span()
        surface = m.group()
        ok = (
            surface.lower().startswith("top")
            or after_ranking_verb(text, s)
            or (surface[0] in "第前" and surface.endswith("名"))  # 以第12名的成绩, 前50名: a rank written as one
            or (surface.startswith("第") and _SCOPE_BEFORE.search(text, max(0, s - 4), s) is not None)  # 全球第三
            or (last_rank >= 0 and _RANK_LIST.fullmatch(text, last_rank, s) is not None)  # …第3、新型城镇化质量第4
        )
        title = surface.endswith("强") and list_name(text, s, e)
        ordinal = surface[-1] not in "位名强" and known_unit_at(text, e)  # 第一次会议, 第三批, 前三个季度
        if ok and not not_quantity_after(text, e) and not title and not ordinal:
            found.append((s, e))
            last_rank = e
    return found
