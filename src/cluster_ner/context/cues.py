"""A metric's status (actual or target) and change (up, down or none), from the words before it.

* **status** is ``target`` when the number is a goal, plan or expectation: a
  target word (力争, 目标, 计划, 预计, 将, 确保 …) earlier in its sentence, not
  followed by a word of what happened (已, 累计, 完成 …) before the number; or
  its period is a horizon (到2027年) or lies after the document's year.
* **change** is ``up`` or ``down`` when an increase or decrease word governs
  the number (同比增长5.3%, 下降2.9%, 新增86家, 拉动…增长3.1个百分点), and
  none for a level (提高到60%), a difference between two things (高出0.8个百分点),
  a share, a count or a rank.

The word lists are roles of ``context_words.tsv``.
"""

from __future__ import annotations

import re

from .. import lexicon

__all__ = ["change_of", "is_target"]

# Between an increase word and its number: 同比增长了5%, 增速为6.2%, 增长约8%.
_FILLER = re.compile(r"(?:了|达到|达|约为|约|为|分别为|分别|高达|近|超|逾|个|是|在|有)*$")
_NOT_TARGET_AFTER = {"将": "近其军领士", "计划": "单", "要": "求素点闻件"}  # 将近, 计划单列, 要求
_NOT_TARGET_BEFORE = {"要": "主重需只必纲提摘首", "目标": "略斗"}  # 主要, 重要, 需要; 战略目标 is a noun
_RANK_KINDS = frozenset({"rank"})
_GROWTH_AFTER = re.compile(r"的?(增长|下降|增幅|降幅)")


@lexicon.cached
def _words() -> dict[str, tuple[str, ...]]:
    return lexicon.context_words()


@lexicon.cached
def _ends_re(role: str) -> re.Pattern[str]:
    """One of the role's words at the end of a stretch of text."""
    return lexicon.ending_regex(_words().get(role, ()))


@lexicon.cached
def _target_re(role: str = "target") -> re.Pattern[str]:
    parts = []
    for word in sorted(_words().get(role, ()), key=len, reverse=True):
        after, before = _NOT_TARGET_AFTER.get(word), _NOT_TARGET_BEFORE.get(word)
        parts.append((f"(?<![{before}])" if before else "") + re.escape(word) + (f"(?![{after}])" if after else ""))
    return re.compile("|".join(parts) or "(?!)")


@lexicon.cached
def _actual_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(_words().get("actual", ())))


def is_target(text: str, sentence_start: int, clause_start: int, start: int, end: int, period_is_horizon: bool) -> bool:
    """Is the number ``text[start:end]`` a goal? (see the module docstring).

    A target word reaches from where it stands to the end of its sentence
    (力争…，…，…); a weaker one (将, 规划, 有望) only to the end of its clause
    (规划面积90平方公里，拥有企业243家: the 243 are there). A word of what
    happened (已, 累计, 完成) between the target word and the number wins.
    A policy's commitment is stated after the number (按投资额的10%给予补助).
    """
    if period_is_horizon or _target_re("target_after").match(text, end, end + 6):
        return True
    for role, lo in (("target", sentence_start), ("target_clause", clause_start)):
        last = None
        for m in _target_re(role).finditer(text, lo, start):
            last = m
        if last is not None and _actual_re().search(text, last.end(), start) is None:
            return True
    return False


def change_of(text: str, clause_start: int, start: int, end: int, value: float | None, kind: str | None) -> str | None:
    """``"up"``, ``"down"`` or ``None`` for the number at ``start`` (see the module docstring).

    The word right before the number (past fillers like 了, 达, 为, 约) decides:
    an increase or decrease word gives the direction; anything else — 到/至 after
    the verb (提高到60%: the level reached), a comparison (高出), a noun — gives none.
    """
    if kind in _RANK_KINDS:
        return None
    after = _GROWTH_AFTER.match(text, end)  # 实现两位数增长: the growth word after the number
    if after is not None:
        return "up" if after.group(1) in _words().get("up", ()) else "down"
    before = text[clause_start:start]
    head = before[: _FILLER.search(before).start()]
    if _ends_re("compare").search(head):
        return None
    if _ends_re("down").search(head):  # first: 负增长 ends with the up word 增长
        return "down"
    if _ends_re("up").search(head):
        return "down" if value is not None and value < 0 else "up"  # 增长-2.1%
    return None
