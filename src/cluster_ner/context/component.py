"""``cluster_ner_context``: each METRIC's subject, period, status and change (CONTEXT.md).

It runs after the attribute component and reads what the Doc already holds:
the entities and their attributes, the document's places, and one pass of
time expressions (:mod:`cluster_ner.grammar.time`). For each METRIC, in text
order:

* **period**: the nearest time expression before it in its sentence (not the
  base of a comparison: 比上年, nor a date something began: 成立于2014年, unless
  it dates the number right after it: 由2020年的25%); in English also one after
  it (…by 2027); a table cell without one takes its column header's time, else
  its table's title or header time (:mod:`.periods`); 全年 / 年末 / 当年 are
  the year the text named last (:mod:`..grammar.time`); otherwise none — a
  period is never borrowed from another sentence nor from the document date;
* **subject**: the holder of its clause (:mod:`.holders`; see :mod:`.subjects`):
  a list's member of its rank (A、B分别…), a policy for its provisions, an
  event for its attendance, a group's container for a count of its members;
  该集群 / 集群 stand for the cluster last named, 我们 for who speaks, a local
  body's plan for its place; a 其中 sentence with no holder breaks the one
  before down, a list item the line introducing it; a section (二、重点任务)
  naming no holder is about what the document's title names; in a report of a
  place (a work report, a statistical bulletin: :mod:`.holder_speakers`) a new
  sentence with no holder is about that place; otherwise a sentence with no
  holder is about the subject the paragraph's previous sentence names, else
  the topic, the subject the text was last about;
* **status**: :func:`.cues.is_target`; a period that is a horizon (到2027年)
  or after the document's year is a target too;
* **change**: :func:`.cues.change_of`; a list's later numbers share the first
  one's verb, a table cell its growth-rate header's (:func:`.cues.header_change`).

The document date is the caller's (``extract(text, date=...)``), else the one
the header or opening states (:mod:`.date`); it is ``Doc._.doc_date``. A piece
of a long text inherits the date and the topic from the pieces before it
(``documents.CARRY_KEY``), so the rows are those of one pass.

Sentences, clauses, paragraphs and table rows are found by :mod:`.sentences`.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon
from ..attributes.places import document_places
from ..batching import BatchedComponent
from ..constants import NUMBER_LIST_JOINER_RE
from ..documents import CARRY_KEY, CARRY_OUT_KEY, GIVEN_DATE_KEY
from ..extensions import CONTEXT_EXTENSIONS, register_extensions
from ..grammar.time import Time, find_times
from ..spacy_internals import get_span_value, set_span_values
from ..tokenizer import alignment, raw_text, working_text
from .cues import change_of, header_change, header_is_target, is_target
from .date import document_date
from .holder_base import LOCAL_REACH
from .holders import CLUSTER, DocumentHolders
from .periods import english_time_after, start_of_period_sentence, table_time
from .sentences import SUBJECT_SENTENCE_END, is_table_row, start_of_clause, start_of_sentence
from .subjects import (
    Topic,
    attributive_holder,
    breakdown_of_clusters,
    counted_holder,
    holder_in_sentence,
    list_intro_holder,
    provision_holder,
    report_place_holds,
)

__all__ = ["ContextSetter"]

# The attributes each label's rows are read for (a METRIC's value; a holder's names).
_READ = {"METRIC": ("value", "kind", "measure"), "CLUSTER": ("national_name",), "GOV": ("canonical", "region", "level")}
_BREAKDOWN = re.compile(r"\s*其中")  # a sentence breaking the one before down
_LISTED_NOUN_AFTER = re.compile(r"\s*(?:、|和|及|与)[^，,。；;！？!?\n\d]{1,16}")  # 、 and the next thing counted
_HORIZON_BEFORE = re.compile(r"(?<![截止提升高长加降扩])(?:到|至)\s*$")  # 到2027年, not 截至2023年底 nor 提高到2025年的76%


# A place's level word, left out where the document writes the place without it (深圳, 山东).
_LEVEL_SUFFIX = re.compile(r"(?:维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|特别行政区|省|市|县|区|盟|旗)$")


_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")


def _place_as_written(text: str, name: str) -> str:
    """A place's full name where ``text`` writes it, else the shorter name it does write: its
    short name with its level's last character (文山州 of 文山壮族苗族自治州, 宁洱县), or without it."""
    if name in text:
        return name
    for place in lexicon.place_index().get(name, ()):
        abbreviated = place.short + name[-1]
        if place.name == name and len(place.short) >= 2 and abbreviated != name and abbreviated in text:
            return abbreviated
    short = _LEVEL_SUFFIX.sub("", name)
    return short if len(short) >= 2 and short in text else name


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
        topic = Topic.from_carry(carry.get("topic"))
        first_piece = not carry.get("offset")  # a short text, or a long one's first piece
        title = None if first_piece else (tuple(carry["title"]) if carry.get("title") else None)  # type: ignore[assignment]
        report = None if first_piece else (tuple(carry["report_place"]) if carry.get("report_place") else None)
        last_cluster = None
        if any(label == "METRIC" for _, _, label in ents):
            holders = self._holders(doc, text, ents, first_piece, report)
            last_cluster, title = self._metrics(doc, text, holders, year, topic, title, first_piece)
            report = holders.report_place
        elif first_piece and "offset" in carry:  # a long text's title, for the pieces after
            holders = self._holders(doc, text, ents, first_piece, report)
            title, report = holders.title_subject(), holders.report_place
        clusters = [(s, e) for s, e, label in ents if label == "CLUSTER"]
        if clusters:  # for 集群 in a later piece of a long text
            s, e = clusters[-1]
            topic.cluster = last_cluster or get_span_value(doc, s, e, "national_name") or text[s:e]
        doc.user_data[CARRY_OUT_KEY] = {
            "date": date,
            "topic": topic.to_carry(),
            "title": list(title) if title else None,
            "report_place": list(report) if report else None,
        }
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

    @staticmethod
    def _holders(
        doc: Doc, text: str, ents: list[tuple[int, int, str]], first_piece: bool, report: tuple[str, str | None] | None
    ) -> DocumentHolders:
        """The Doc's holders; a later piece of a long text has no title line of its own and
        takes the first piece's report place (``report``)."""
        attrs = [(s, e, label, {name: get_span_value(doc, s, e, name) for name in _READ.get(label, ())}) for s, e, label in ents]
        return DocumentHolders(text, attrs, document_places(doc, text, ents), first_line_is_title=first_piece, report_place=report)

    def _metrics(
        self,
        doc: Doc,
        text: str,
        holders: DocumentHolders,
        year: int | None,
        topic: "Topic",
        title: tuple[str, str | None] | None,
        first_piece: bool,
    ) -> tuple[str | None, tuple[str, str | None] | None]:
        """Sets each METRIC's context; returns the name of the cluster the text names last and
        what the document's title names (found here in a first piece, else ``title``, the
        first piece's)."""
        attrs = holders.attrs
        if first_piece:
            title = holders.title_subject()
        times = [t for t in find_times(text, year) if t.period is not None]
        t_index = 0
        numbers = [s for s, _, label, _ in attrs if label == "METRIC"]
        previous: tuple[int, tuple[str, str | None] | None] = (-1, None)  # sentence start, subject
        described_clause = -1  # the clause whose number's holder is what the number describes
        last_end, last_change = -1, None  # the METRIC before: a list's next number shares its verb
        for s, e, label, a in attrs:
            if label != "METRIC":
                continue
            sentence = start_of_period_sentence(text, s, holders)
            clause = start_of_clause(text, sentence, s)
            while t_index < len(times) and times[t_index].end <= s:
                t_index += 1
            time = self._time(text, times, t_index, sentence, s)
            if time is None:
                time = english_time_after(text, e, times, t_index)  # …exceed RMB 500 billion by 2027
            row = is_table_row(text, s)
            if time is None and row:
                time = table_time(text, s, times)  # 表1 2024年1—6月…产量 over its rows
            horizon = time is not None and (
                # (至2023年底 in a 2024 text is 截至: a horizon already past is none)
                _HORIZON_BEFORE.search(text, max(0, time.start - 4), time.start) is not None and (year is None or int(time.period[:4]) >= year)  # type: ignore[index]
                or (year is not None and int(time.period[:4]) > year)  # type: ignore[index]
            )
            subject_sentence = start_of_sentence(text, s, SUBJECT_SENTENCE_END)
            same = previous[0] == subject_sentence and described_clause in (-1, clause)
            listed = (  # 江阴市、张家港市分列第二、第三; 电子信息、装备制造产业集群营业收入分别为…
                holders.listed_at(s, numbers) or holders.counted_set_member_at(s, numbers) or holders.factored_member_at(s, numbers)
            )
            holder = (listed.kind, listed.subject) if listed is not None else None
            described = attributive_holder(text, e) if holder is None else None  # 规模5亿元的|产业发展基金
            holder = holder or described or provision_holder(holders, text, subject_sentence, clause, s) or counted_holder(holders, text, subject_sentence, clause, s, e)
            if holder is None:
                holder = holder_in_sentence(holders, text, subject_sentence, s, topic, previous[1] if same else None)
            if holder is None and previous[0] != subject_sentence and previous[1] is not None and _BREAKDOWN.match(text, subject_sentence):
                holder = previous[1]  # …200个集群。其中，东部地区98个: the breakdown of the sentence before
            if holder is None:
                holder = list_intro_holder(holders, text, s, topic)  # 本批集群按产业类别分：⏎1.装备制造类9个
            if holder is None:
                holder = breakdown_of_clusters(text, subject_sentence, s, a["kind"])  # …28个集群…；从领域看，…领域17个
            if holder is None and holders.report_place is not None and report_place_holds(text, subject_sentence):
                # a work report's sentence naming no holder: the report's place (新增规上工业企业128家)
                holder = holders.report_place
            if holder is None:
                holder = topic.described(holders, text, subject_sentence)
                if holder is not None:
                    topic.saw(holder, text, s)
            if holder is None and title is not None and (row or holders.opens_section(s)):
                holder = title  # 二、重点任务 …, a table naming no holder: about the document's subject
            if holder is None:
                holder = topic.about(text, subject_sentence, s, a["measure"]) or holders.place_before(s)
            elif listed is None:  # (a list's members break a sentence down: the topic stays)
                topic.saw(holder, text, s)
            previous = (subject_sentence, holder)
            # What a number describes (规模5亿元的|产业发展基金) holds that clause's numbers
            # (年产25GWh动力电池项目), not the next clause's (出台政策12条).
            described_clause = clause if described is not None and holder == described else -1
            kind, subject = holder if holder is not None else (None, None)
            if subject:
                subject = self._as_written(doc, text, kind, subject, s, e)
            change = change_of(text, clause, s, e, a["value"], a["kind"])
            if change is None and last_end >= 0 and (
                NUMBER_LIST_JOINER_RE.fullmatch(text, last_end, s)
                or _LISTED_NOUN_AFTER.fullmatch(text, last_end, s) and "新增" in text[clause:last_end]
            ):
                change = last_change  # 分别增长6.3%、9.1%和4.7%; 新增企业1500家、“小巨人”企业100家
            if change is None and row:
                change = header_change(text, s, e, a["value"])  # a cell under 产值增速（%）
            last_end, last_change = e, change
            set_span_values(
                doc,
                s,
                e,
                {
                    "subject": subject,
                    "subject_kind": kind,
                    "period": time.period if time is not None else None,
                    "status": "target" if self._is_target(text, sentence, clause, s, e, horizon, row) else "actual",
                    "change": change,
                },
            )
        last = holders.last_of(CLUSTER, len(text))
        return (last.subject if last is not None else None), title

    @staticmethod
    def _as_written(doc: Doc, text: str, kind: str | None, subject: str, start: int, end: int) -> str:
        """A subject named as the document writes it (CONTEXT.md), read within reach of the
        number at ``start``–``end`` so the pieces of a long text agree: a place by the fullest
        name the text around writes (深圳 where it never writes 深圳市), and a name with the
        full-width brackets the document uses (the working text has half-width ones)."""
        if kind == "place":
            subject = _place_as_written(text[max(0, start - LOCAL_REACH) : end + LOCAL_REACH], subject)
        if "(" in subject:  # 章丘区（机械装备）特色产业集群
            raw_start, raw_end = alignment(doc).to_raw(start, end)
            around = raw_text(doc)[max(0, raw_start - LOCAL_REACH) : raw_end]
            full_width = subject.translate(_FULL_WIDTH_BRACKETS)
            if full_width in around or "（" in around and "(" not in around:
                subject = full_width
        return subject

    @staticmethod
    def _is_target(text: str, sentence: int, clause: int, start: int, end: int, horizon: bool, row: bool) -> bool:
        """A goal? A table cell's column header decides (its time a horizon, or a target
        word in it), else the words of its sentence (:func:`.cues.is_target`)."""
        if row and not horizon:
            by_header = header_is_target(text, start, end)
            if by_header is not None:
                return by_header
        return is_target(text, sentence, clause, start, end, horizon)

    @staticmethod
    def _time(text: str, times: list[Time], end: int, sentence_start: int, pos: int) -> Time | None:
        """The nearest of ``times[:end]`` in the sentence, not a comparison's base."""
        for i in range(end - 1, -1, -1):
            t = times[i]
            if t.start < sentence_start:
                return None
            if not t.base or i == end - 1 and text[t.end : pos] in ("", "的"):
                return t  # (由2020年的25%: a base's own number)
        return None


@Language.factory(
    "cluster_ner_context",
    default_config={},
    requires=["doc.ents", "span._.value", "span._.kind", "span._.canonical", "span._.national_name"],
    assigns=[f"span._.{name}" for name in CONTEXT_EXTENSIONS] + ["doc._.doc_date"],
)
def make_context_setter(nlp: Language, name: str) -> ContextSetter:
    """spaCy factory of the context component."""
    return ContextSetter(name)
