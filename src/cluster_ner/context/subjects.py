"""A metric's subject (CONTEXT.md): what :class:`.component.ContextSetter` tries in turn
for a number, after a 分别 list's member of its rank (A、B分别…).

* :func:`provision_holder`: what a policy grants (对…给予最高100万元奖励) is the
  policy's;
* :func:`counted_holder`: those attending an event (600余人参加) are the event's;
  a count of clusters is the country's, a place's or the group's that contains them;
* :func:`holder_in_sentence`: the holder of the number's clause, else of its
  sentence; 该集群 / 集群 stand for the cluster last named, 公司 for the company;
* :class:`Topic`: a sentence with no holder is about the subject the paragraph's
  previous sentence names, else the subject the text was last about.
"""

from __future__ import annotations

import re
from typing import Any

from .. import lexicon, text_tables
from .holder_base import ITEM_NUMBER_TAIL
from .holders import (
    ANAPHOR,
    BODIES,
    BODY,
    CLUSTER,
    COMPANY,
    GROUP,
    LOCAL_REACH,
    NATIONAL_SUBJECT,
    OTHER,
    PLANNER,
    PLANNERS,
    DocumentHolders,
    Holder,
)
from .sentences import (
    CLAUSE_END,
    SENTENCE_REACH,
    SUBJECT_SENTENCE_END,
    is_table_row,
    start_of_clause,
    start_of_paragraph,
    start_of_sentence,
)

__all__ = ["Topic", "attributive_holder", "counted_holder", "holder_in_sentence", "list_intro_holder", "provision_holder"]

_BODY_KINDS = frozenset({BODY, PLANNER, BODIES, PLANNERS})
_TOPIC_KINDS = frozenset({CLUSTER, "place", COMPANY, "national", GROUP})
_FIRST_CELL = re.compile(r"\s*[|｜]?\s*(?:\d+\s*[|｜]\s*)?([^|｜\t]+?)\s*[|｜\t]")
# Between a holder and a number it possesses: 集群内6个项目, 园区内的12家.
_POSSESSOR_GAP = re.compile(r"内的?|内共有|内有")
# After a group, before a number counting its members (…集群总数达到209个, …集群已达199家, 数量位居全国第一).
_MEMBERS_COUNTED = re.compile(r"[^，,；;。]{0,12}?(?:总数|数量|已达|达到|共有|合计共)[^，,；;。]{0,6}$|(?:总数|数量)")
# A count of members (209个, 80余家), not an amount the group reaches (营业收入达到3.5万亿元).
_COUNT_AT = re.compile(r"(?:约|近|超过?|逾|共)?[\d一二三四五六七八九十百两]+(?:余|多)?[个家批]")
_CLUSTER_COLUMN = re.compile(r"集群")


def _first_column_header(text: str, pos: int) -> str:
    """The header of the table column holding ``pos`` (empty when none)."""
    span = text_tables.column_header(text, pos)
    return text[span[0] : span[1]] if span is not None else ""


_COMPANY_CELL = re.compile(r"(?:公司|集团|厂|股份)$")
_TOTAL_CELL = re.compile(r"(?:合\s*计|总\s*计|小\s*计|全部|总体)")
_PLACE_CELL = re.compile(r"(?:省|市|县|区|镇|乡|街道|园|基地|新区)$")


def holder_in_sentence(
    holders: DocumentHolders, text: str, sentence_start: int, start: int, topic: "Topic", previous: tuple[str, str | None] | None
) -> tuple[str, str | None] | None:
    """``(subject_kind, subject)`` of the number at ``start`` from its sentence, or ``None``.

    The holder is the subject of the number's clause: the first holder in it
    (…集群全年实现产值46.2亿元 — not 全县 in 占全县…的比重, a base), unless a holder
    right before the number possesses it (将集群内6个项目列入). A clause
    without one continues the sentence: the subject of the number before it in
    the sentence, else the sentence's first holder (a body only holds what it
    does in its own clause). In a table row, the row's first holder or cell
    (1 | 江阴市特种冶金特色产业集群 | 无锡市 | 312; 马桥街道 | 112).
    """
    clause = start_of_clause(text, sentence_start, start)
    row = is_table_row(text, start)
    nearest = holders.before(clause, start)
    if nearest and _POSSESSOR_GAP.fullmatch(text, nearest[0].end, start):  # 集群内6个项目
        resolved = _resolve(holders, nearest[0], topic)
        if resolved is not None:
            return resolved
    if (
        nearest
        and nearest[0].start > 0
        and text[nearest[0].start - 1] == "、"
        and _ITEM_GAP.fullmatch(text, nearest[0].end, start)
        and _ITEM_BEFORE.search(text, max(0, nearest[0].start - 12), nearest[0].start - 1)
    ):
        resolved = _resolve(holders, nearest[0], topic)  # 其中德阳680家、成都420余家: each item's own
        if resolved is not None:
            return resolved
    in_clause = holders.before(sentence_start if row else clause, start)[::-1]  # leftmost first
    for k, h in enumerate(in_clause):
        if h.kind == "place" and k + 1 < len(in_clause) and in_clause[k + 1].start == h.end and in_clause[k + 1].kind in (CLUSTER, ANAPHOR, GROUP):
            continue  # 全市|新能源汽车产业集群实现产值…, 全省|先进制造业集群营业收入…: the place qualifies what holds
        if h.kind in (PLANNER, PLANNERS) and any(later.kind not in _BODY_KINDS for later in in_clause[k + 1 :]):
            continue  # 丹阳市人民政府提出集群产值力争突破400亿元: the plan's own subject
        if any(
            later.kind == OTHER
            and (text.startswith("的", later.start - 1) or h.kind == COMPANY and (later.subject or "").endswith("项目"))
            for later in in_clause[k + 1 :]
        ):
            continue  # 德阳此次开工的|高端…项目总投资45亿元: inside what 的 modifies; a company's project holds its figures
        if any(later.kind in (CLUSTER, ANAPHOR, GROUP) and _PUSHED_BEFORE.search(text, max(clause, later.start - 2), later.start) for later in in_clause[k + 1 :]):
            continue  # 青岛将推动|智能家电集群营业收入达到4000亿元: the figure of what is pushed
        if h.container is not None and _MEMBERS_COUNTED.match(text, h.end, start) and _COUNT_AT.match(text, start):
            return h.container  # 全国创新型产业集群总数达到209个: the country's
        resolved = _planner_own(h, text, clause, start) or _resolve(holders, h, topic)
        if resolved is not None:
            return resolved
    if row:  # 马桥街道 | 112 | 186.3: the row's first cell names what the row is about
        first = _FIRST_CELL.match(text, sentence_start)
        if first is not None and _PLACE_CELL.search(first.group(1)):
            return "place", first.group(1)
        if first is not None and _COMPANY_CELL.search(first.group(1)):
            return COMPANY, first.group(1)
        if first is not None and _CLUSTER_COLUMN.search(_first_column_header(text, first.start(1))):
            if _TOTAL_CELL.fullmatch(first.group(1)):
                return GROUP, "集群"  # 合计 | 1562.2: the clusters of the table together
            # 产业集群 | 产值: 袜业 | 386.4 — the row names its cluster, by the fullest name the text gives it
            return CLUSTER, holders.cluster_named_with(first.group(1)) or first.group(1)
        title = text_tables.title_line(text, start)
        if title is not None:  # 表2　德化县日用陶瓷产业集群主要指标: the table is about it
            for h in holders.before(*title)[::-1]:
                if h.kind not in _BODY_KINDS:
                    resolved = _resolve(holders, h, topic)
                    if resolved is not None:
                        return resolved
        return None
    if previous is not None:
        return previous
    earlier = holders.before(sentence_start, clause)[::-1]
    for k, h in enumerate(earlier):
        if h.kind in (BODY, BODIES):
            continue  # a body holds what it does in its own clause, not what a later clause counts
        if h.kind == "place" and k + 1 < len(earlier) and earlier[k + 1].start == h.end and earlier[k + 1].kind in (CLUSTER, ANAPHOR, GROUP):
            continue  # 我县|竹木加工产业集群加快壮大，全年实现产值…: the place qualifies what holds
        if h.kind == OTHER and _SETTING_AFTER.match(text, h.end) and any(
            later.kind not in _BODY_KINDS and start_of_clause(text, sentence_start, later.start) == later.start for later in earlier[k + 1 :]
        ):
            continue  # 在…推进会上，X集群成绩单出炉：…: the scene, not the subject of a later clause
        if h.kind in (PLANNER, PLANNERS) and any(later.kind not in _BODY_KINDS for later in earlier[k + 1 :]):
            continue  # 党工委书记表示，高新区将…: the plan's own subject
        if _OBJECT_VERB_BEFORE.search(text, max(sentence_start, h.start - 3), h.start):
            continue  # 推动宜兴环保装备产业集群争创…，全年实施技改项目300个: what is acted on, not who acts
        resolved = _planner_own(h, text, clause, start) or _resolve(holders, h, topic)
        if resolved is not None:
            return resolved
    if earlier and earlier[0].kind == BODY and _ACTION_CLAUSE.match(text, clause):
        # 长春市工信局围绕…集群强链补链，累计组织供需对接活动26场: the clause goes on with what the body did
        return _resolve(holders, earlier[0], topic)
    return None


# A clause that goes on with its sentence's actor: it opens with a verb of doing.
_ACTION_CLAUSE = re.compile(r"\s*(?:累计|共|先后|已|还|并|同时)?(?:组织|举办|开展|促成|召开|安排|下达|拨付|兑现|发放|认定|培育|引进|服务|走访|帮助|推动|完成)")


# Between a list item's holder and its number (德阳680家、成都420余家): nothing, or a verb.
_ITEM_GAP = re.compile(r"(?:约|达|有|为|超|共)?")
_ITEM_BEFORE = re.compile(r"\d" + ITEM_NUMBER_TAIL + "$")  # the item before has its own number
# An event holder followed by these is a scene (会上, 峰会期间, 签约现场), not a subject.
_SETTING_AFTER = re.compile(r"上|期间|现场")
# A verb pushing a cluster whose own figure the clause then states (推动集群营收达到…).
_PUSHED_BEFORE = re.compile(r"(?:推动|促进|带动|力促|力争|争取|确保)$")  # (我区将力争|集群全年产值…: the cluster's)
# A verb whose object is the holder after it: that holder does not carry over to later clauses
# (推动X争创…，全年实施技改项目300个: the city's). Not 支持: 支持集群开展…，今年计划发布标准5项
# — what is supported goes on to act.
_OBJECT_VERB_BEFORE = re.compile(r"(?:推动|引导|鼓励|培育|扶持|帮助|指导|促进|组织|围绕|聚焦|服务)$")


@lexicon.cached
def _attend_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get("attend", ())))


# A policy's provision: 对…给予最高100万元, 按投资额的10%给予补助, 单个项目最高1亿元.
_PROVISION_CLAUSE = re.compile(r"对|按|给予|奖励|补助|单个|最高|每家|每个")
_PROVISION_WORDS = re.compile(r"给予|奖励|补助|补贴|资助|奖补")


def provision_holder(holders: DocumentHolders, text: str, sentence: int, clause: int, start: int) -> tuple[str, str | None] | None:
    """A number a policy grants (对…给予最高100万元奖励) is the policy's (the title named
    last), unless a body grants it in the sentence (…人民政府对…给予…)."""
    if not _PROVISION_CLAUSE.match(text, clause):
        return None
    end = SUBJECT_SENTENCE_END.search(text, start, start + SENTENCE_REACH)
    if not _PROVISION_WORDS.search(text, sentence, end.start() if end else start + SENTENCE_REACH):
        return None
    if any(h.kind == BODY for h in holders.before(sentence, start)):
        return None
    return OTHER, holders.title_before(start) or "政策"


@lexicon.cached
def _attributive_re() -> re.Pattern[str]:
    """的 and a name with an event, fund or project head right after a number."""
    heads = lexicon.context_words().get("event", ()) + lexicon.context_words().get("project", ())
    return re.compile(rf"的([\u4e00-\u9fffA-Za-z0-9“”]{{0,16}}?(?:{lexicon.alternation(heads)}))(?![\u4e00-\u9fff]{{0,1}}(?:的|内|中))")


def attributive_holder(text: str, end: int) -> tuple[str, str | None] | None:
    """A number describing the fund, project or event named right after it (组建规模50亿元的
    产业投资母基金, 年产50GWh的电池工厂) is that thing's."""
    m = _attributive_re().match(text, end)
    return (OTHER, m.group(1)) if m is not None else None


# A number that may count clusters (80个, 5个以上, 两批): not an amount (1.5亿元支持集群…).
_COUNT_OF_CLUSTERS = re.compile(r"[个批家](?:以上|左右|多|余)?$")
# A count of places (四市, 两地): the places of a cross-region cluster.
_N_PLACES_METRIC = re.compile(r"[两二三四五六七八九十]+(?:市|地|省|城|州市)")
# A count of a document's parts (15条具体措施, 7章): the document named in the sentence holds it.
_PARTS_COUNTED = re.compile(r"[条章款]$")
_PARTS_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,4}?(?:措施|举措|政策|条款|任务|意见|内容)|[，,。；;]|$|\d")
_CLAUSE_OR_SENTENCE_END = re.compile(r"[，,；;：:。！？!?\n]")
# (100家2022年度…集群: a year's list; 5家龙头企业贡献了集群…: companies counted, not clusters)
_CLUSTERS_AFTER = re.compile(r"(?:\d{4}年度?)?(?P<group>(?:(?!(?<!中小)企业|了)[^，,。；;！？!?\n\d]){0,8}?集群)(?!企业)")
_NATIONAL_IN_CLAUSE = re.compile(r"国家(?!级|先进|战略|中小|特色|重点|新型|创新)|全国|我国")  # (国家先进制造业集群 names a list, not the country)
_EVENTS_AFTER = re.compile(r"场?[^，,。；;！？!?\n]{0,4}?(?:对接会|活动|会议|论坛|推介会|展会|比赛)")


def counted_holder(
    holders: DocumentHolders, text: str, sentence: int, clause: int, start: int, end: int
) -> tuple[str, str | None] | None:
    """The holder a number gets from what it counts.

    * those attending an event (600余人参加, 六位专家出席会议) are the event's;
    * a count of clusters (是国家25个世界级先进制造业集群) is the country's, a
      place's, or the group's (CONTEXT.md: the set that contains them).
    """
    clause_end = _CLAUSE_OR_SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    after = text[end : clause_end.start() if clause_end else end + SENTENCE_REACH]
    if _attend_re().search(after):
        event = holders.event_before(start)
        if event is not None:
            return OTHER, event.subject
    if text[end - 1] == "场" and _EVENTS_AFTER.match(text, end) or _EVENTS_AFTER.match(text, end) and text.startswith("场", end):
        # 两场对接会: events counted, the event that held them
        event = holders.event_before(start)
        if event is not None:
            return OTHER, event.subject
    if _N_PLACES_METRIC.fullmatch(text, start, end):
        cluster = holders.last_of(CLUSTER, start)
        if cluster is not None and start - cluster.end <= LOCAL_REACH:
            return CLUSTER, cluster.subject  # 郑州、南阳、商丘、许昌四市: the cluster they form
    if _PARTS_COUNTED.search(text, start, end) and _PARTS_AFTER.match(text, end):
        title = holders.title_before(start)
        if title is not None and text.find("《", sentence, start) >= 0:
            return OTHER, title  # 印发《…若干措施》，提出15条具体措施: the policy's
    clusters = _CLUSTERS_AFTER.match(text, end) if _COUNT_OF_CLUSTERS.search(text, start, end) else None
    if clusters is not None:
        group = holders.covering(start)
        if group is not None and group.container is not None:
            return group.container  # 全省20个战略性产业集群: the province's count
        if _NATIONAL_IN_CLAUSE.search(text, clause, start):
            return "national", NATIONAL_SUBJECT
        for h in holders.before(sentence, start)[::-1]:
            if h.kind == "place":
                return h.kind, h.subject
        return GROUP, clusters.group("group").lstrip("的、，,和及与")
    return None


# An item of a list a line ending in ： introduces (本批集群按产业类别分：⏎1.装备制造类9个；).
_LIST_ITEM = re.compile(r"[ \t　]*(?:\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,2}[)）]|[-•·])")


def list_intro_holder(holders: DocumentHolders, text: str, pos: int, topic: "Topic") -> tuple[str, str | None] | None:
    """For a number in a list item under a line ending in ： (本批集群按产业类别分：), the
    holder of that line: the list breaks it down. Earlier items are skipped over."""
    line = start_of_paragraph(text, pos)
    if not _LIST_ITEM.match(text, line):
        return None
    intro_end = line - 1
    for _ in range(_LIST_ITEMS_MAX):
        if intro_end <= 0:
            return None
        intro = start_of_paragraph(text, intro_end)
        if not _LIST_ITEM.match(text, intro):
            break
        intro_end = intro - 1
    else:
        return None
    if not text.endswith(("：", ":"), 0, intro_end):
        return None
    for h in holders.before(max(intro, intro_end - SENTENCE_REACH), intro_end)[::-1]:  # leftmost first
        if h.kind not in _BODY_KINDS:
            resolved = _resolve(holders, h, topic)
            if resolved is not None:
                return resolved
    return None


_LIST_ITEMS_MAX = 20  # items looked back over for the line that introduces them
_NEW_ANGLE = re.compile(r"\s*(?:从|分)[^，,。；;\n]{1,8}看[，,：:]")


# A set of clusters counted shortly before: 28个集群, 8个集群分布在…, 本批35个省级集群.
_CLUSTERS_COUNTED = re.compile(r"(?:\d+|[一二三四五六七八九十两百]+)个[^，,。；;！？!?\n\d]{0,10}?集群")
_SET_REACH = 300


def breakdown_of_clusters(text: str, sentence_start: int, start: int, kind: str | None) -> tuple[str, str | None] | None:
    """A count in a sentence that breaks a set of clusters down from a new angle (从领域看，
    先进制造业领域17个、消费品领域8个): the set, a group, when a count of clusters shortly
    before names it."""
    if kind != "count" or _NEW_ANGLE.match(text, sentence_start) is None and _NEW_ANGLE.match(text, start_of_clause(text, sentence_start, start)) is None:
        return None
    if _CLUSTERS_COUNTED.search(text, max(0, sentence_start - _SET_REACH), sentence_start) is None:
        return None
    return GROUP, "集群"


class Topic:
    """What the text is about so far: the last subject named, and the last place named.

    A sentence that names no holder is about the last subject of its paragraph;
    in a new paragraph, or when it states a place's indicator (地区生产总值,
    粮食总产量 …), about the last place.
    """

    def __init__(
        self,
        last: tuple[str, str | None] | None = None,
        place: tuple[str, str | None] | None = None,
        cluster: str | None = None,
    ) -> None:
        self.last = last
        self.place = place
        self.cluster = cluster  # the cluster named last (of an earlier piece, for 集群)
        self.paragraph = -1
        self.pos = -1  # where the topic was last set

    @classmethod
    def from_carry(cls, data: Any) -> "Topic":
        if not data:
            return cls()
        last, place, cluster = data
        return cls(tuple(last) if last else None, tuple(place) if place else None, cluster)  # type: ignore[arg-type]

    def to_carry(self) -> list[Any]:
        return [list(self.last) if self.last else None, list(self.place) if self.place else None, self.cluster]

    def saw(self, holder: tuple[str, str | None], text: str, pos: int) -> None:
        if holder[0] == "place" and holder[1] and len(holder[1]) > 2 and holder[1].endswith("港"):
            return  # a port (钦州港) holds its sentence's figures; the paragraph stays its city's
        if holder[0] in _TOPIC_KINDS and holder[1]:
            self.last = holder
            self.paragraph = start_of_paragraph(text, pos)
            self.pos = pos
            if holder[0] == "place":
                self.place = holder

    def described(self, holders: DocumentHolders, text: str, sentence_start: int) -> tuple[str, str | None] | None:
        """The subject of the last sentence of the paragraph that names one, since the topic
        was last set (集群是全省重点培育的产业集群。2023年，实现产值580亿元: the cluster)."""
        lo = max(start_of_paragraph(text, sentence_start), self.pos + 1)
        earlier = holders.before(lo, sentence_start)  # nearest first
        if not earlier:
            return None
        sentence = start_of_sentence(text, earlier[0].start, SUBJECT_SENTENCE_END)
        for h in reversed(earlier):  # leftmost first
            if h.start >= sentence and h.kind not in _BODY_KINDS:
                named = holders.last_of(CLUSTER, h.end) if h.kind == OTHER else None
                if named is not None and named.start >= h.start:
                    h = named  # …集群联席会议。会议通报，四市…: the cluster the event is about
                resolved = _resolve(holders, h, self)
                if resolved is not None and resolved[0] in _TOPIC_KINDS and resolved[1]:
                    return resolved
        return None

    def about(self, text: str, sentence_start: int, pos: int, measure: str | None) -> tuple[str, str | None] | None:
        # A new paragraph, or a report's new angle on its place (从重点产品看，…; 分行业看，…)
        new_paragraph = start_of_paragraph(text, pos) != self.paragraph or _NEW_ANGLE.match(text, sentence_start) is not None
        if self.place is not None and (new_paragraph or _place_measure(text, sentence_start, pos, measure)):
            return self.place
        return self.last or self.place


def report_place_holds(text: str, sentence_start: int) -> bool:
    """In a report of a place (a work report, a statistical bulletin), does a sentence that
    names no holder speak of the report's place (新增规上工业企业128家 after a cluster's
    figures) rather than of the subject the paragraph was last about? Only a new sentence does: a clause after ；
    continues the sentence before (…清河羊绒产业集群实现营业收入312亿元；羊绒纱线产量…)."""
    before = text[max(0, sentence_start - 4) : sentence_start].rstrip(" \t\u3000")
    return not before or before[-1] in "。！？!?\n"


@lexicon.cached
def _place_measure_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get("place_measure", ())))


def _place_measure(text: str, sentence_start: int, pos: int, measure: str | None) -> bool:
    """Does the number state a place's indicator (地区生产总值, 粮食总产量, 用电量 …)?"""
    if measure and _place_measure_re().search(measure):
        return True
    return _place_measure_re().search(text, max(sentence_start, pos - 16), pos) is not None


# A body's own act of funding (安排专项资金1.5亿元, 下达资金): what a planning body spends is
# the body's, not its place's.
_FUNDS_VERB = re.compile(r"安排|统筹|下达|拨付|投入|设立|兑现")


def _planner_own(h: Holder, text: str, clause: int, start: int) -> tuple[str, str | None] | None:
    """A planning body's own funding in the number's clause: the body (or bodies) hold it."""
    if h.kind in (PLANNER, PLANNERS) and _FUNDS_VERB.search(text, clause, start):
        return (BODY, h.subject) if h.kind == PLANNER else (GROUP, h.subject)
    return None


def _resolve(holders: DocumentHolders, h: Holder, topic: "Topic") -> tuple[str, str | None] | None:
    """What a holder stands for: an anaphor the cluster last named (in this piece of a long
    text or, failing that, an earlier one), 公司 the company last named."""
    if h.kind == "place" and h.subject is None:
        return None  # 全县 in a text that names no county: the next holder or the topic says
    if h.kind in (PLANNER, PLANNERS) and h.container is not None:
        return h.container  # 市经信委表示，今年将推动…增长10%: the plan is for the place it governs
    if h.kind == PLANNER:
        return BODY, h.subject
    if h.kind in (BODIES, PLANNERS):
        return GROUP, h.subject
    if h.kind == ANAPHOR:  # 该集群, 集群: the cluster the text is about, else the last one named
        group = holders.last_of(GROUP, h.start)
        named = holders.last_of(CLUSTER, h.start)
        if (
            group is not None
            and "集群" in (group.subject or "")  # a set of clusters, not of places (沈阳市、大连市)
            and (named is None or named.start < group.start)
            and (group.start == 0 or holders.text[group.start - 1] in "，,。；;：:\n")  # a subject, not 是…集群之一
            and start_of_paragraph(holders.text, group.start) == start_of_paragraph(holders.text, h.start)
        ):
            return GROUP, group.subject  # 创新型产业集群内…，集群企业研发投入强度…: the group's
        if topic.last is not None and topic.last[0] == CLUSTER and not (named is not None and named.start > topic.pos):
            return topic.last  # (a cluster named since the topic was set is the one meant: 智能家电集群方面，…该集群)
        if named is not None:
            return CLUSTER, named.subject
        if topic.cluster is not None:
            return CLUSTER, topic.cluster
        return GROUP, "集群"
    if h.kind == COMPANY and h.subject == "公司":
        named = holders.last_of(COMPANY, h.start, named=True)
        return (COMPANY, named.subject) if named is not None else (COMPANY, None)
    return h.kind, h.subject


