"""``cluster_ner_context``: each METRIC's subject, period, status and change (CONTEXT.md).

It runs after the attribute component and reads what the Doc already holds:
the entities and their attributes, the document's places, and one pass of
time expressions (:mod:`cluster_ner.grammar.time`). For each METRIC, in text
order:

* **period**: the nearest time expression before it in its sentence (not the
  base of a comparison: 比上年, nor a date something began: 成立于2014年); in
  English also one after it (…by 2027); a table row without one takes its
  table's title or header time; otherwise none — a period is never borrowed
  from another sentence nor from the document date;
* **subject**: the holder of its clause (:mod:`.holders`; see :func:`_holder`):
  a list's member of its rank (A、B分别…), a policy for its provisions, an
  event for its attendance, a group's container for a count of its members;
  该集群 / 集群 stand for the cluster last named; a sentence with no holder is
  about the subject the paragraph's previous sentence names, else the topic,
  the subject the text was last about;
* **status**: :func:`.cues.is_target`; a period that is a horizon (到2027年)
  or after the document's year is a target too;
* **change**: :func:`.cues.change_of`.

The document date is the caller's (``extract(text, date=...)``), else the one
the header or opening states (:mod:`.date`); it is ``Doc._.doc_date``. A piece
of a long text inherits the date and the topic from the pieces before it
(``documents.CARRY_KEY``), so the rows are those of one pass.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon, text_tables
from ..attributes.places import document_places
from ..batching import BatchedComponent
from ..documents import CARRY_KEY, CARRY_OUT_KEY, GIVEN_DATE_KEY
from ..extensions import CONTEXT_EXTENSIONS, register_extensions
from ..grammar.time import Time, find_times
from ..spacy_internals import get_span_value, set_span_values
from ..tokenizer import working_text
from .cues import change_of, is_target
from .date import document_date
from .holders import (
    ANAPHOR,
    BODIES,
    BODY,
    CLUSTER,
    COMPANY,
    GROUP,
    NATIONAL_SUBJECT,
    OTHER,
    PLANNER,
    PLANNERS,
    DocumentHolders,
    Holder,
)

__all__ = ["ContextSetter"]

# Sentences for a period: a ； ends one only before an entity (see
# _period_sentence_start); for a subject it always does (广东…增长；广州作为…).
_SENTENCE_END = re.compile(r"[。！？!?\n\r]")
_SUBJECT_SENTENCE_END = re.compile(r"[。！？!?\n\r；;]")
_SEMICOLON = re.compile(r"[；;]")
_CLAUSE_END = re.compile(r"[，,；;：:]")
_REACH = 512  # characters looked back for a sentence start
_HORIZON_BEFORE = re.compile(r"(?<![截止])(?:到|至)\s*$")  # 到2027年, not 截至2023年底
_BODY_KINDS = frozenset({BODY, PLANNER, BODIES, PLANNERS})
_TOPIC_KINDS = frozenset({CLUSTER, "place", COMPANY, "national"})
_TABLE_ROW = re.compile(r"[|｜].*[|｜]|\t.*\t")
_FIRST_CELL = re.compile(r"\s*[|｜]?\s*(?:\d+\s*[|｜]\s*)?([^|｜\t]+?)\s*[|｜\t]")
# Between a holder and a number it possesses: 集群内6个项目, 园区内的12家.
_POSSESSOR_GAP = re.compile(r"内的?|内共有|内有")
# After a group, before a number counting its members (…集群总数达到209个, …集群已达199家, 数量位居全国第一).
_MEMBERS_COUNTED = re.compile(r"[^，,；;。]{0,12}?(?:总数|数量|已达|达到|共有|合计共)[^，,；;。]{0,6}$|(?:总数|数量)")
_COMPANY_CELL = re.compile(r"(?:公司|集团|厂|股份)$")
_PLACE_CELL = re.compile(r"(?:省|市|县|区|镇|乡|街道|园|基地|新区)$")


def _sentence_start(text: str, pos: int, ends: re.Pattern[str] = _SENTENCE_END) -> int:
    lo = max(0, pos - _REACH)
    start = lo
    for m in ends.finditer(text, lo, pos):
        start = m.end()
    return start


def _period_sentence_start(text: str, pos: int, holders: "DocumentHolders") -> int:
    """Where the time of the number at ``pos`` may come from: its sentence, where a ； ends
    one only when an entity opens the next part (…两位数增长；广州市政府副秘书长指出，…):
    2023年…增长9.2%；全县陶瓷企业3,500多家 is one sentence of 2023."""
    start = _sentence_start(text, pos)
    for m in _SEMICOLON.finditer(text, start, pos):
        if m.end() in holders.entity_starts:
            start = m.end()
    return start


def _english_time_after(text: str, end: int, times: list[Time], index: int) -> Time | None:
    """In English, the time may follow the number in its sentence (…by 2027)."""
    stop = _SENTENCE_END.search(text, end, end + _REACH)
    for k in range(index, len(times)):
        t = times[k]
        if t.start >= (stop.start() if stop else end + _REACH) or not (text[t.start].isascii() and text[t.start].isalpha()):
            return None
        if t.start >= end and not t.base:
            return t
    return None


@functools.lru_cache(maxsize=4)
def _newlines(text: str) -> list[int]:
    """Where the text's lines end (found once per text: a str caches its hash)."""
    return [m.start() for m in re.finditer("\n", text)]


def _paragraph(text: str, pos: int) -> int:
    """Where the paragraph (line) holding ``pos`` starts."""
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, pos) - 1
    return newlines[i] + 1 if i >= 0 else 0


def _line(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``, at most :data:`_REACH` characters each side of it."""
    newlines = _newlines(text)
    i = bisect.bisect_left(newlines, pos)
    start = newlines[i - 1] + 1 if i > 0 else 0
    end = newlines[i] if i < len(newlines) else len(text)
    return max(start, pos - _REACH), min(end, pos + _REACH)


def _is_table_row(text: str, pos: int) -> bool:
    start, end = _line(text, pos)
    return _TABLE_ROW.search(text, start, end) is not None


def _table_time(text: str, pos: int, times: list[Time]) -> Time | None:
    """The time of the table holding ``pos``: the last one in its header or the line above
    it (its title: 表1 2024年1—6月江苏省主要工业产品产量), not a comparison's base."""
    i = text_tables.line_index(text, pos)
    sep = text_tables.row_sep(text, i)
    if sep is None:
        return None
    top = text_tables.block_top(text, sep, i)
    start = text_tables.line_starts(text)[max(0, top - 1)]  # the title line above the block
    found = None
    first = bisect.bisect_left(times, start, key=lambda t: t.start)
    for k in range(first, len(times)):  # (no slice: a copy per number is quadratic)
        t = times[k]
        if t.start >= pos:
            break
        if not t.base and (not _is_table_row(text, t.start) or _is_header(text, t.start)):
            found = t
    return found


def _is_header(text: str, pos: int) -> bool:
    """Is the table line at ``pos`` a header (no number cells)?"""
    start, end = _line(text, pos)
    return _TABLE_ROW.search(text, start, end) is not None and not re.search(r"[|｜\t]\s*-?[\d,.]+\s*(?:[|｜\t]|$)", text[start:end])


def _clause_start(text: str, sentence_start: int, pos: int) -> int:
    start = sentence_start
    for m in _CLAUSE_END.finditer(text, sentence_start, pos):
        start = m.end()
    return start


class ContextSetter(BatchedComponent):
    """Sets ``subject``, ``subject_kind``, ``period``, ``status`` and ``change`` on METRIC spans."""

    def __init__(self, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = working_text(doc)
        carry = doc.user_data.get(CARRY_KEY) or {}
        date = self._document_date(doc, text, carry)
        year = int(date[:4]) if date else None
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        topic = _Topic.from_carry(carry.get("topic"))
        last_cluster = None
        if any(label == "METRIC" for _, _, label in ents):
            last_cluster = self._metrics(doc, text, ents, year, topic)
        clusters = [(s, e) for s, e, label in ents if label == "CLUSTER"]
        if clusters:  # for 集群 in a later piece of a long text
            s, e = clusters[-1]
            topic.cluster = last_cluster or get_span_value(doc, s, e, "national_name") or text[s:e]
        doc.user_data[CARRY_OUT_KEY] = {"date": date, "topic": topic.to_carry()}
        return doc

    @staticmethod
    def _document_date(doc: Doc, text: str, carry: dict[str, Any]) -> str | None:
        """The caller's date, else the one an earlier piece found, else the text's own."""
        if doc.user_data.get(GIVEN_DATE_KEY):
            return doc._.doc_date
        if "date" in carry:
            date = carry["date"]
        else:
            date = document_date(text)
        doc._.doc_date = date
        return date

    def _metrics(self, doc: Doc, text: str, ents: list[tuple[int, int, str]], year: int | None, topic: "_Topic") -> str | None:
        """Sets each METRIC's context; returns the name of the cluster the text names last."""
        names = ("canonical", "national_name", "value", "kind", "measure")
        attrs = [(s, e, label, {name: get_span_value(doc, s, e, name) for name in names}) for s, e, label in ents]
        holders = DocumentHolders(text, attrs, document_places(doc, text, ents))
        times = [t for t in find_times(text, year) if t.period is not None]
        t_index = 0
        numbers = [s for s, _, label, _ in attrs if label == "METRIC"]
        previous: tuple[int, tuple[str, str | None] | None] = (-1, None)  # sentence start, subject
        for s, e, label, a in attrs:
            if label != "METRIC":
                continue
            sentence = _period_sentence_start(text, s, holders)
            clause = _clause_start(text, sentence, s)
            while t_index < len(times) and times[t_index].end <= s:
                t_index += 1
            time = self._time(times, t_index, sentence)
            if time is None:
                time = _english_time_after(text, e, times, t_index)  # …exceed RMB 500 billion by 2027
            if time is None and _is_table_row(text, s):
                time = _table_time(text, s, times)  # 表1 2024年1—6月…产量 over its rows
            horizon = time is not None and (
                _HORIZON_BEFORE.search(text, max(0, time.start - 4), time.start) is not None
                or (year is not None and int(time.period[:4]) > year)  # type: ignore[index]
            )
            subject_sentence = _sentence_start(text, s, _SUBJECT_SENTENCE_END)
            same = previous[0] == subject_sentence
            listed = holders.listed_at(s, numbers)  # 江阴市、张家港市分列第二、第三
            holder = (listed.kind, listed.subject) if listed is not None else None
            holder = holder or _provision_holder(holders, text, subject_sentence, clause, s) or _counted_holder(holders, text, subject_sentence, clause, s, e)
            if holder is None:
                holder = _holder(holders, text, subject_sentence, s, topic, previous[1] if same else None)
            if holder is None:
                holder = topic.described(holders, text, subject_sentence)
                if holder is not None:
                    topic.saw(holder, text, s)
            if holder is None:
                holder = topic.about(text, subject_sentence, s, a["measure"]) or holders.place_before(s)
            else:
                topic.saw(holder, text, s)
            previous = (subject_sentence, holder)
            kind, subject = holder if holder is not None else (None, None)
            set_span_values(
                doc,
                s,
                e,
                {
                    "subject": subject,
                    "subject_kind": kind,
                    "period": time.period if time is not None else None,
                    "status": "target" if is_target(text, sentence, clause, s, e, horizon) else "actual",
                    "change": change_of(text, clause, s, e, a["value"], a["kind"]),
                },
            )
        last = holders.last_of(CLUSTER, len(text))
        return last.subject if last is not None else None

    @staticmethod
    def _time(times: list[Time], end: int, sentence_start: int) -> Time | None:
        """The nearest of ``times[:end]`` in the sentence, not a comparison's base."""
        for i in range(end - 1, -1, -1):
            t = times[i]
            if t.start < sentence_start:
                return None
            if not t.base:
                return t
        return None


def _holder(
    holders: DocumentHolders, text: str, sentence_start: int, start: int, topic: "_Topic", previous: tuple[str, str | None] | None
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
    clause = _clause_start(text, sentence_start, start)
    row = _is_table_row(text, start)
    nearest = holders.before(clause, start)
    if nearest and _POSSESSOR_GAP.fullmatch(text, nearest[0].end, start):  # 集群内6个项目
        resolved = _resolve(holders, nearest[0], topic)
        if resolved is not None:
            return resolved
    in_clause = holders.before(sentence_start if row else clause, start)[::-1]  # leftmost first
    for h in in_clause:
        if h.container is not None and _MEMBERS_COUNTED.match(text, h.end, start):
            return h.container  # 全国创新型产业集群总数达到209个: the country's
        resolved = _resolve(holders, h, topic)
        if resolved is not None:
            return resolved
    if row:  # 马桥街道 | 112 | 186.3: the row's first cell names what the row is about
        first = _FIRST_CELL.match(text, sentence_start)
        if first is not None and _PLACE_CELL.search(first.group(1)):
            return "place", first.group(1)
        if first is not None and _COMPANY_CELL.search(first.group(1)):
            return COMPANY, first.group(1)
        return None
    if previous is not None:
        return previous
    earlier = holders.before(sentence_start, clause)[::-1]
    for k, h in enumerate(earlier):
        if h.kind in (BODY, BODIES):
            continue  # a body holds what it does in its own clause, not what a later clause counts
        if h.kind in (PLANNER, PLANNERS) and any(later.kind not in _BODY_KINDS for later in earlier[k + 1 :]):
            continue  # 党工委书记表示，高新区将…: the plan's own subject
        resolved = _resolve(holders, h, topic)
        if resolved is not None:
            return resolved
    return None


@lexicon.cached
def _attend_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get("attend", ())))


# A policy's provision: 对…给予最高100万元, 按投资额的10%给予补助, 单个项目最高1亿元.
_PROVISION_CLAUSE = re.compile(r"对|按|给予|奖励|补助|单个|最高|每家|每个")
_PROVISION_WORDS = re.compile(r"给予|奖励|补助|补贴|资助|奖补")


def _provision_holder(holders: DocumentHolders, text: str, sentence: int, clause: int, start: int) -> tuple[str, str | None] | None:
    """A number a policy grants (对…给予最高100万元奖励) is the policy's (the title named
    last), unless a body grants it in the sentence (…人民政府对…给予…)."""
    if not _PROVISION_CLAUSE.match(text, clause):
        return None
    end = _SUBJECT_SENTENCE_END.search(text, start, start + _REACH)
    if not _PROVISION_WORDS.search(text, sentence, end.start() if end else start + _REACH):
        return None
    if any(h.kind == BODY for h in holders.before(sentence, start)):
        return None
    return OTHER, holders.title_before(start) or "政策"


_CLUSTERS_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,8}?集群")
_NATIONAL_IN_CLAUSE = re.compile(r"国家|全国|我国")
_EVENTS_AFTER = re.compile(r"场?[^，,。；;！？!?\n]{0,4}?(?:对接会|活动|会议|论坛|推介会|展会|比赛)")


def _counted_holder(
    holders: DocumentHolders, text: str, sentence: int, clause: int, start: int, end: int
) -> tuple[str, str | None] | None:
    """The holder a number gets from what it counts.

    * those attending an event (600余人参加, 六位专家出席会议) are the event's;
    * a count of clusters (是国家25个世界级先进制造业集群) is the country's, a
      place's, or the group's (CONTEXT.md: the set that contains them).
    """
    clause_end = _CLAUSE_END.search(text, end, end + _REACH)
    after = text[end : clause_end.start() if clause_end else end + _REACH]
    if _attend_re().search(after):
        event = holders.event_before(start)
        if event is not None:
            return OTHER, event.subject
    if text[end - 1] == "场" and _EVENTS_AFTER.match(text, end) or _EVENTS_AFTER.match(text, end) and text.startswith("场", end):
        # 两场对接会: events counted, the event that held them
        event = holders.event_before(start)
        if event is not None:
            return OTHER, event.subject
    clusters = _CLUSTERS_AFTER.match(text, end)
    if clusters is not None:
        if _NATIONAL_IN_CLAUSE.search(text, clause, start):
            return "national", NATIONAL_SUBJECT
        for h in holders.before(sentence, start)[::-1]:
            if h.kind == "place":
                return h.kind, h.subject
        return GROUP, clusters.group().lstrip("的")
    return None


class _Topic:
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
    def from_carry(cls, data: Any) -> "_Topic":
        if not data:
            return cls()
        last, place, cluster = data
        return cls(tuple(last) if last else None, tuple(place) if place else None, cluster)  # type: ignore[arg-type]

    def to_carry(self) -> list[Any]:
        return [list(self.last) if self.last else None, list(self.place) if self.place else None, self.cluster]

    def saw(self, holder: tuple[str, str | None], text: str, pos: int) -> None:
        if holder[0] in _TOPIC_KINDS and holder[1]:
            self.last = holder
            self.paragraph = _paragraph(text, pos)
            self.pos = pos
            if holder[0] == "place":
                self.place = holder

    def described(self, holders: DocumentHolders, text: str, sentence_start: int) -> tuple[str, str | None] | None:
        """The subject of the last sentence of the paragraph that names one, since the topic
        was last set (集群是全省重点培育的产业集群。2023年，实现产值580亿元: the cluster)."""
        lo = max(_paragraph(text, sentence_start), self.pos + 1)
        earlier = holders.before(lo, sentence_start)  # nearest first
        if not earlier:
            return None
        sentence = _sentence_start(text, earlier[0].start, _SUBJECT_SENTENCE_END)
        for h in reversed(earlier):  # leftmost first
            if h.start >= sentence and h.kind not in _BODY_KINDS:
                resolved = _resolve(holders, h, self)
                if resolved is not None and resolved[0] in _TOPIC_KINDS and resolved[1]:
                    return resolved
        return None

    def about(self, text: str, sentence_start: int, pos: int, measure: str | None) -> tuple[str, str | None] | None:
        new_paragraph = _paragraph(text, pos) != self.paragraph
        if self.place is not None and (new_paragraph or _place_measure(text, sentence_start, pos, measure)):
            return self.place
        return self.last or self.place




@lexicon.cached
def _place_measure_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get("place_measure", ())))


def _place_measure(text: str, sentence_start: int, pos: int, measure: str | None) -> bool:
    """Does the number state a place's indicator (地区生产总值, 粮食总产量, 用电量 …)?"""
    if measure and _place_measure_re().search(measure):
        return True
    return _place_measure_re().search(text, max(sentence_start, pos - 16), pos) is not None


def _resolve(holders: DocumentHolders, h: Holder, topic: "_Topic") -> tuple[str, str | None] | None:
    """What a holder stands for: an anaphor the cluster last named (in this piece of a long
    text or, failing that, an earlier one), 公司 the company last named."""
    if h.kind == "place" and h.subject is None:
        return None  # 全县 in a text that names no county: the next holder or the topic says
    if h.kind == PLANNER:
        return BODY, h.subject
    if h.kind in (BODIES, PLANNERS):
        return GROUP, h.subject
    if h.kind == ANAPHOR:  # 该集群, 集群: the cluster the text is about, else the last one named
        group = holders.last_of(GROUP, h.start)
        named = holders.last_of(CLUSTER, h.start)
        if (
            group is not None
            and (named is None or named.start < group.start)
            and (group.start == 0 or holders.text[group.start - 1] in "，,。；;：:\n")  # a subject, not 是…集群之一
            and _paragraph(holders.text, group.start) == _paragraph(holders.text, h.start)
        ):
            return GROUP, group.subject  # 创新型产业集群内…，集群企业研发投入强度…: the group's
        if topic.last is not None and topic.last[0] == CLUSTER:
            return topic.last
        if named is not None:
            return CLUSTER, named.subject
        if topic.cluster is not None:
            return CLUSTER, topic.cluster
        return GROUP, "集群"
    if h.kind == COMPANY and h.subject == "公司":
        named = holders.last_of(COMPANY, h.start, named=True)
        return (COMPANY, named.subject) if named is not None else (COMPANY, None)
    return h.kind, h.subject


@Language.factory(
    "cluster_ner_context",
    default_config={},
    requires=["doc.ents", "span._.value", "span._.kind", "span._.canonical", "span._.national_name"],
    assigns=[f"span._.{name}" for name in CONTEXT_EXTENSIONS] + ["doc._.doc_date"],
)
def make_context_setter(nlp: Language, name: str) -> ContextSetter:
    """spaCy factory of the context component."""
    return ContextSetter(name)
