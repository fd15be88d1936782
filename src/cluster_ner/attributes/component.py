"""``cluster_ner_attributes``: the normalized values of each entity as ``Span._``.

METRIC spans get ``value``, ``unit``, ``qualifier``, ``kind`` (from
:func:`parse_quantity`; a quantity with no unit gets ``money`` or ``number``
from its measure) and ``measure`` (:mod:`.measure`). GOV spans get
``canonical``, ``level`` and ``region`` (:mod:`.government`, resolved against
the places the document mentions, computed once per Doc); CLUSTER spans get
``region``, ``industry``, ``national_name`` and ``national_year``
(:mod:`.cluster`). Each attribute is also a column of the DataFrame (see
:mod:`cluster_ner.frame`).

``region`` is one string, the administrative path joined by ``/``:
``浙江省`` · ``浙江省/丽水市`` · ``山东省/烟台市/龙口市``; several places at a
level are joined by ``,`` (``广东省/广州市,深圳市``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon
from ..batching import BatchedComponent
from ..extensions import ATTRIBUTE_EXTENSIONS
from ..grammar.metric_ratios import lost_percent_at
from ..spacy_internals import set_span_values
from ..tokenizer import working_text
from .cluster import cluster_attributes
from .government import resolve_gov
from .measure import elided_indicator, fallback_measure, find_measure, infer_kind, listed_measure
from .places import DocumentPlaces, document_places
from .quantity import Quantity, parse_quantity


class AttributeSetter(BatchedComponent):
    """Sets the normalized attributes of every entity of a Doc."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        text = working_text(doc)  # once per Doc: every resolver reads offsets into it
        spans = [(e.start_char, e.end_char, e.label_) for e in ents]
        places: DocumentPlaces | None = None  # built at the first GOV, scanned lazily
        last_metric: tuple[int, str | None] = (-1, None)  # end and measure of the last METRIC
        for i, (start, end, label) in enumerate(spans):
            surface = text[start:end]  # Span.text would join tokens
            if label == "METRIC":
                floor = spans[i - 1][1] if i > 0 else 0
                ceil = spans[i + 1][0] if i + 1 < len(spans) else None
                values = _metric_values(text, start, end, surface, floor, ceil, last_metric)
                last_metric = (end, values["measure"])  # type: ignore[assignment]
            elif label == "GOV":
                if places is None:
                    places = document_places(doc, text, spans)
                previous = None
                if i > 0 and spans[i - 1][2] == "GOV" and start - spans[i - 1][1] <= 1:
                    prev_start, prev_end = spans[i - 1][:2]
                    previous = (text[prev_start:prev_end], text[prev_end:start])
                g = resolve_gov(surface, places, start, end, previous)
                values = {"canonical": g.canonical, "level": g.level, "region": g.region}
            elif label == "CLUSTER":
                c = cluster_attributes(surface)
                values = {
                    "region": c.region,
                    "industry": c.industry,
                    "national_name": c.national_name,
                    "national_year": c.national_year,
                }
            else:
                continue
            set_span_values(doc, start, end, values)
        return doc


_HAN_TAIL = re.compile(r"[\u4e00-\u9fff]{2,8}$")


def _counted_noun(surface: str, q: Quantity | None) -> str | None:
    """The noun a count's span ends with, after its measure word (18条措施 → 措施)."""
    if q is None or q.kind != "count" or not q.unit:
        return None
    i = surface.rfind(q.unit)
    tail = surface[i + len(q.unit) :] if i >= 0 else ""
    return tail if _HAN_TAIL.fullmatch(tail) and tail not in _after_qualifiers() else None


@lexicon.cached
def _after_qualifiers() -> frozenset[str]:
    """Qualifier words after a number (以上, 左右 …): a span's tail that is no noun."""
    return frozenset(q.word for q in lexicon.qualifiers() if q.side == "after")


# A growth verb right before a rate (股份制企业增长8.4%).
_GROWTH_BEFORE = re.compile(r"(?:增长|下降|提高|降低|增加|减少)(?:了)?$")
# Quantities of things (a count, an area, a weight, energy …) whose measure is any noun before them
# (新建标准化厂房45万平方米, 年产非织造布80万吨), not only an indicator (产值, 面积).
_NAMED_BY_ANY_NOUN = frozenset({"count", "area", "weight", "volume", "energy", "power", "length", "ratio"})


# A phrase that is only a growth verb, perhaps after a time or 分别: it names no indicator.
_GROWTH_VERB_ONLY = re.compile(
    r"(?:前三季度|上半年|下半年|全年|今年|去年|[一二三四]季度|\d{1,2}[—\-~至]\d{1,2}月)?(?:分别)?"
    r"(?:(?:与|同|和)?(?:去年同期|上年同期|上年|去年)?相比(?:增长|下降|增加|减少|提高|降低|上升|回落)?"  # (与去年同期相比增长26.1)
    r"|(?:同比|比上年|较上年|环比)?(?:增长|下降|增加|减少|提高|降低|上升|回落))(?:了)?"
)


def _metric_values(
    text: str, start: int, end: int, surface: str, floor: int, ceil: int | None, previous: tuple[int, str | None]
) -> dict[str, object]:
    """value, unit, qualifier, measure and kind of the METRIC at ``text[start:end]``.

    The measure is read between the neighbouring entities (``floor``,
    ``ceil``); sentence ends need no lookup: measure.py stops at any punctuation.
    ``previous`` is the end and measure of the METRIC before: a growth rate
    right after an amount measures the same thing (营收2011亿元，同比增长21.4%).
    """
    q = parse_quantity(surface)
    if q is not None and q.unit is None and lost_percent_at(text, start, end):
        q = replace(q, unit="%", kind="share")  # 增长26.1，: a percentage whose % the page lost
    measure = _counted_noun(surface, q) or listed_measure(text, start) or find_measure(
        text, start, end, floor=floor, ceil=ceil, count=q is not None and q.kind in _NAMED_BY_ANY_NOUN
    )
    if measure is None or measure in ("增速", "增幅") or _GROWTH_VERB_ONLY.fullmatch(measure):
        # (增速居全省第2位, …，分别增长8.2%, 前三季度同比增长9.5%: whose growth, if the number before says)
        measure = fallback_measure(text, start, end, q.unit if q is not None else None, previous) or measure
    if measure == "位数":
        measure = None  # (两位数增长: the number's own unit names no indicator)
    elif measure is None and q is not None and q.kind == "rank":
        measure = "排名"  # 集群排名第7, 交通铝材均居全国第一: a rank naming no indicator is a ranking's
    elif measure is not None and q is not None and q.unit == "%" and _GROWTH_BEFORE.search(text, max(0, start - 4), start):
        measure = elided_indicator(text, start, measure, previous)  # …，股份制企业增长8.4%
    if q is None:
        return {"measure": measure, "kind": infer_kind(None, None, measure)}
    return {
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier,
        "measure": measure,
        "kind": infer_kind(q.kind, q.unit, measure),
    }


@Language.factory(
    "cluster_ner_attributes",
    default_config={},
    requires=["doc.ents"],
    assigns=[f"span._.{name}" for name in ATTRIBUTE_EXTENSIONS],
)
def make_attribute_setter(nlp: Language, name: str) -> AttributeSetter:
    """spaCy factory of the attribute component (its tables are built here, not on the first Doc)."""
    warm_up()
    return AttributeSetter(name)


def warm_up() -> None:
    """Read the resources and compile the patterns the attributes use."""
    from ..grammar import cluster as cluster_grammar
    from ..grammar import gov, metric
    from . import cluster

    gov.warm_up()
    cluster_grammar.warm_up()
    metric.warm_up()
    cluster.warm_up()
