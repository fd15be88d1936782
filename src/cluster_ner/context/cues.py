"""A metric's status (actual or target) and change (up, down or none), from the words before it.

* **status** is ``target`` when the number is a goal, plan or expectation: a
  target word (力争, 目标, 计划, 预计, 将, 确保 …) earlier in its sentence, not
  followed by a word of what happened (已, 累计, 完成 …) before the number
  (力争完成 is the goal's verb); its period is a horizon (到2027年) or lies
  after the document's year; or it stands under a plan's heading of tasks,
  measures or targets (二、重点任务) and no 已/现有/截至 makes it a fact.
* **change** is ``up`` or ``down`` when an increase or decrease word governs
  the number (同比增长5.3%, 下降2.9%, 新增86家, 新增规上企业23家, 拉动…增长3.1个
  百分点), and none for a level (提高到60%), a difference between two things
  (高出0.8个百分点), a share, a count or a rank. (A list's later numbers take
  the first one's: the component carries it.)

The word lists are roles of ``context_words.tsv``.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..attributes.measure import table_header
from .sentences import top_heading_before

__all__ = ["change_of", "header_change", "in_plan_section", "is_target"]

# The title of a plan's top-level heading whose section states commitments (二、重点任务).
_PLAN_HEADING = re.compile(
    r"任务|措施|目标|保障|举措|重点工作|行动|工程|路径|布局|政策|机制|要求|方向"
    r"|^(?:推动|加快|强化|实施|提升|培育|推进|打造|深化|完善|加强|支持|促进|构建|做强|壮大|优化|建设|聚焦|坚持)"
)
# What still states a fact inside a plan's section: 已, 现有, 截至.
_FACT_IN_PLAN = re.compile(r"已|现有|截至|截止")


def in_plan_section(text: str, pos: int) -> bool:
    """Is ``pos`` under a plan's heading of tasks, measures or targets (二、重点任务)?"""
    title = top_heading_before(text, pos)
    return title is not None and _PLAN_HEADING.search(title) is not None

# Between an increase word and its number: 同比增长了5%, 增速为6.2%, 增长约8%.
_FILLER = re.compile(r"(?:了|达到|达|约为|约|为|分别为|分别|高达|近|超|逾|个|是|在|有|将|保持|稳定|力争|确保)*$")
# 将近, 计划单列, 要求, 规划面积; 预计数 (a work report's preliminary figure: a fact)
# 拟认定 / 拟入选 / 拟命名 (a list proposed for designation: its counts are there as stated)
_NOT_TARGET_AFTER = {"将": "近其军领士", "计划": "单", "要": "求素点闻件", "规划": "面", "预计": "数值", "拟": "认入命推授列公"}
_NOT_TARGET_BEFORE = {"要": "主重需只必纲提摘首", "目标": "略斗"}  # 主要, 重要, 需要; 战略目标 is a noun
_RANK_KINDS = frozenset({"rank"})
# 新增 and the noun of what was added, right before the number (新增规上企业23家).
_NEW_THINGS = re.compile(r"(?:新增|增加(?!值))[^，,。；;：:、\d的了]{1,20}$")
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
    if role == "target":
        parts.append(_WITHIN_YEARS)
    return re.compile("|".join(parts) or "(?!)")


# A span of years ahead: 三到五年内, 5年内 (not 近三年内, 过去五年内: those are past).
_WITHIN_YEARS = r"(?<![近去来])(?:[一二两三四五六七八九十\d]{1,2}(?:到|至|-|—))?[一二两三四五六七八九十\d]{1,2}年内"


@lexicon.cached
def _actual_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(_words().get("actual", ())))


# The verb of a target word (力争完成, 确保实现): part of the goal, not a word of what happened.
_TARGET_VERB = re.compile(r"完成|实现|达到|达")


_OWN_PARTS = re.compile(r"共[\d一二三四五六七八九十]+[章条款部分个方面]+[^，,。；;]{0,3}$")


def _verb_after(text: str, pos: int) -> int:
    m = _TARGET_VERB.match(text, pos)
    return m.end() - pos if m is not None else 0


_COMPARISON_WORDS = frozenset({"同比", "上年", "去年"})
_DIGIT = re.compile(r"\d")
_SEMICOLON = re.compile(r"[；;]")


def _fact_between(text: str, lo: int, start: int) -> bool:
    """Does a word of what happened stand between a target word and the number? A
    comparison word (同比) after a figure the target governs continues the goal
    (力争产值突破3000亿元，同比增长12%以上)."""
    for m in _actual_re().finditer(text, lo, start):
        continues = _DIGIT.search(text, lo, m.start()) and not _SEMICOLON.search(text, lo, m.start())
        if m.group() not in _COMPARISON_WORDS or not continues:
            return True
    return False


_PURPOSE_BEFORE = re.compile(r"(?:为|为了)$")


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
    if in_plan_section(text, start) and _FACT_IN_PLAN.search(text, sentence_start, start) is None:
        return True  # 二、重点任务 … 每年遴选10个左右: a plan's commitment
    if _OWN_PARTS.search(text, max(sentence_start, start - 2), end):
        return False  # 共5条, 共7章: a document's own parts, there as written
    for role, lo in (("target", sentence_start), ("target_clause", clause_start)):
        last = None
        for m in _target_re(role).finditer(text, lo, start):
            if text.rfind("《", lo, m.start()) > text.rfind("》", lo, m.start()):
                continue  # 《…三年行动计划》: a title's word, not a plan of this sentence
            if role == "target" and m.start() < clause_start and _PURPOSE_BEFORE.search(text, max(lo, m.start() - 2), m.start()):
                continue  # 为确保特色产业发展，共投入资金3000余万元: a purpose, not the goal of what follows
            last = m
        if last is not None and not _fact_between(text, last.end() + _verb_after(text, last.end()), start):
            return True
    return False


def header_is_target(text: str, start: int, end: int) -> bool | None:
    """For a table cell, does its column header name a goal (2026年目标, 规划产值)? ``None``
    when the cell has no header. A table's status is its columns': a plan's annex lists
    2023年主营业务收入 (there) beside 2026年目标 (a goal)."""
    header = table_header(text, start, end)
    if not header:
        return None
    return _target_re().search(header) is not None


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
    if text.endswith("百分点", start, end) and _compared_before(head):
        return None  # 高于全省规上工业增加值增速1.9个百分点: a gap between two rates
    if _ends_re("down").search(head):  # first: 负增长 ends with the up word 增长
        return "down"
    if _ends_re("up").search(head):
        return "down" if value is not None and value < 0 else "up"  # 增长-2.1%
    if _NEW_THINGS.search(head):
        return "up"  # 新增规上企业23家: the count of what was added
    english = _EN_CHANGE.search(before)  # …RMB 728 billion, up 12.5% year on year
    if english is not None:
        return "up" if english.group(1).lower() in _EN_UP else "down"
    return None


def _compared_before(head: str) -> bool:
    """Does a comparison word (高于, 快于 …) stand in ``head`` with no number after it?"""
    last = None
    for last in _compare_re().finditer(head):
        pass
    return last is not None and _DIGIT.search(head, last.end()) is None


@lexicon.cached
def _compare_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(_words().get("compare", ())))


# English in a Chinese page: the word right before the number gives its direction.
_EN_CHANGE = re.compile(r"(?<![A-Za-z])(up|rose|grew|increased|down|fell|declined|decreased|dropped)\s+(?:by\s+)?(?:about\s+)?$", re.I)
_EN_UP = frozenset({"up", "rose", "grew", "increased"})


# A column of growth rates: 产值增速（%）, 营业收入同比增长（%）, 增幅.
_GROWTH_HEADER = re.compile(r"(?:增速|增长|增幅|增长率)$")
_DECLINE_HEADER = re.compile(r"(?:下降|降幅)$")


def header_change(text: str, start: int, end: int, value: float | None) -> str | None:
    """``"up"`` / ``"down"`` for a table cell whose column header names a growth rate
    (a negative rate is a decrease), else ``None``."""
    header = table_header(text, start, end)  # the cell's column header, without its unit
    if not header:
        return None
    if _DECLINE_HEADER.search(header):
        return "down"
    if _GROWTH_HEADER.search(header):
        return "down" if value is not None and value < 0 else "up"
    return None
