"""``cluster_ner_context``: each METRIC's subject, period, status and change (CONTEXT.md).

It runs after the attribute component and reads what the Doc already holds:
the entities and their attributes, the document's places, and one pass of
time expressions (:mod:`cluster_ner.grammar.time`). For each METRIC, in text
order:

* **period**: the nearest time expression before it in its sentence (not the
  base of a comparison: 比上年); a sentence without one gives none — a period
  is never borrowed from another sentence nor from the document date;
* **subject**: the nearest holder before it in its sentence
  (:mod:`.holders`): 该集群 / 集群 stand for the cluster last named; a
  sentence with no holder is about the topic, the subject the text was last
  about;
* **status**: :func:`.cues.is_target`; a period that is a horizon (到2027年)
  or after the document's year is a target too;
* **change**: :func:`.cues.change_of`.

The document date is the caller's (``extract(text, date=...)``), else the one
the header or opening states (:mod:`.date`); it is ``Doc._.doc_date``. A piece
of a long text inherits the date and the topic from the pieces before it
(``documents.CARRY_KEY``), so the rows are those of one pass.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon
from ..attributes.places import document_places
from ..batching import BatchedComponent
from ..documents import CARRY_KEY, CARRY_OUT_KEY, GIVEN_DATE_KEY
from ..extensions import CONTEXT_EXTENSIONS, register_extensions
from ..grammar.time import Time, find_times
from ..spacy_internals import get_span_value, set_span_values
from ..tokenizer import working_text
from .cues import change_of, is_target
from .date import document_date
from .holders import ANAPHOR, BODY, CLUSTER, COMPANY, GROUP, DocumentHolders, Holder

__all__ = ["ContextSetter"]

# Sentences for context: a ； does not end one (a time or a holder carries over it).
_SENTENCE_END = re.compile(r"[。！？!?\n\r]")
_CLAUSE_END = re.compile(r"[，,；;：:]")
_REACH = 512  # characters looked back for a sentence start
_HORIZON_BEFORE = re.compile(r"(?<![截止])(?:到|至)\s*$")  # 到2027年, not 截至2023年底
_TOPIC_KINDS = frozenset({CLUSTER, "place", COMPANY, "national"})
_TABLE_ROW = re.compile(r"\|.*\||\t.*\t")
_FIRST_CELL = re.compile(r"\s*\|?\s*(?:\d+\s*\|\s*)?([^|\t]+?)\s*[|\t]")
_PLACE_CELL = re.compile(r"(?:省|市|县|区|镇|乡|街道|园|基地|新区)$")


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - _REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        start = m.end()
    return start


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
        if any(label == "METRIC" for _, _, label in ents):
            self._metrics(doc, text, ents, year, topic)
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

    def _metrics(self, doc: Doc, text: str, ents: list[tuple[int, int, str]], year: int | None, topic: "_Topic") -> None:
        names = ("canonical", "national_name", "value", "kind", "measure")
        attrs = [(s, e, label, {name: get_span_value(doc, s, e, name) for name in names}) for s, e, label in ents]
        holders = DocumentHolders(text, attrs, document_places(doc, text, ents))
        times = [t for t in find_times(text, year) if t.period is not None]
        t_index = 0
        previous: tuple[int, tuple[str, str | None] | None] = (-1, None)  # sentence start, subject
        for s, e, label, a in attrs:
            if label != "METRIC":
                continue
            sentence = _sentence_start(text, s)
            clause = _clause_start(text, sentence, s)
            while t_index < len(times) and times[t_index].end <= s:
                t_index += 1
            time = self._time(times, t_index, sentence)
            horizon = time is not None and (
                _HORIZON_BEFORE.search(text, max(0, time.start - 4), time.start) is not None
                or (year is not None and int(time.period[:4]) > year)  # type: ignore[index]
            )
            holder = _holder(holders, text, sentence, s, topic)
            if holder is None and previous[0] == sentence:
                holder = previous[1]  # the sentence's subject carries to its later numbers
            elif holder is None:
                holder = topic.about(text, sentence, s, a["measure"]) or holders.place_before(s)
            else:
                topic.saw(holder, text, s)
            previous = (sentence, holder)
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
                    "change": change_of(text, clause, s, a["value"], a["kind"]),
                },
            )

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


def _holder(holders: DocumentHolders, text: str, sentence_start: int, start: int, topic: "_Topic") -> tuple[str, str | None] | None:
    """``(subject_kind, subject)`` named in the sentence of the number at ``start``, or ``None``.

    The nearest holder before the number; in a table row, the row's first (the
    row header: 1 | 江阴市特种冶金特色产业集群 | 无锡市 | 312).
    """
    cands = holders.before(sentence_start, start)
    row = _TABLE_ROW.search(text, sentence_start, start) is not None
    if row:
        cands = cands[::-1]
    clause = _clause_start(text, sentence_start, start)
    for h in cands:
        if h.kind == BODY and h.start < clause:
            continue  # a body holds what it does in its own clause, not what a later clause counts
        resolved = _resolve(holders, h, topic.last)
        if resolved is not None:
            return resolved
    if row:  # 马桥街道 | 112 | 186.3: the row's first cell names what the row is about
        first = _FIRST_CELL.match(text, sentence_start)
        if first is not None and _PLACE_CELL.search(first.group(1)):
            return "place", first.group(1)
    return None


class _Topic:
    """What the text is about so far: the last subject named, and the last place named.

    A sentence that names no holder is about the last subject of its paragraph;
    in a new paragraph, or when it states a place's indicator (地区生产总值,
    粮食总产量 …), about the last place.
    """

    def __init__(self, last: tuple[str, str | None] | None = None, place: tuple[str, str | None] | None = None, paragraph: int = -1) -> None:
        self.last = last
        self.place = place
        self.paragraph = paragraph

    @classmethod
    def from_carry(cls, data: Any) -> "_Topic":
        if not data:
            return cls()
        last, place = data
        return cls(tuple(last) if last else None, tuple(place) if place else None, -1)  # type: ignore[arg-type]

    def to_carry(self) -> list[Any]:
        return [list(self.last) if self.last else None, list(self.place) if self.place else None]

    def saw(self, holder: tuple[str, str | None], text: str, pos: int) -> None:
        if holder[0] in _TOPIC_KINDS and holder[1]:
            self.last = holder
            self.paragraph = _paragraph(text, pos)
            if holder[0] == "place":
                self.place = holder

    def about(self, text: str, sentence_start: int, pos: int, measure: str | None) -> tuple[str, str | None] | None:
        new_paragraph = _paragraph(text, pos) != self.paragraph
        if self.place is not None and (new_paragraph or _place_measure(text, sentence_start, pos, measure)):
            return self.place
        return self.last or self.place


def _paragraph(text: str, pos: int) -> int:
    """Where the paragraph holding ``pos`` starts."""
    return text.rfind("\n", 0, pos) + 1


@lexicon.cached
def _place_measure_re() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get("place_measure", ())))


def _place_measure(text: str, sentence_start: int, pos: int, measure: str | None) -> bool:
    """Does the number state a place's indicator (地区生产总值, 粮食总产量, 用电量 …)?"""
    if measure and _place_measure_re().search(measure):
        return True
    return _place_measure_re().search(text, max(sentence_start, pos - 16), pos) is not None


def _resolve(holders: DocumentHolders, h: Holder, topic: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """What a holder stands for: an anaphor the cluster last named, 公司 the company last named."""
    if h.kind == ANAPHOR:  # 该集群, 集群: the cluster the text is about, else the last one named
        if topic is not None and topic[0] == CLUSTER:
            return topic
        named = holders.last_of(CLUSTER, h.start)
        if named is not None:
            return CLUSTER, named.subject
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
