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

from spacy.language import Language
from spacy.tokens import Doc

from .cluster import cluster_attributes
from .government import DocumentPlaces, resolve_gov
from .measure import find_measure, infer_kind
from .quantity import parse_quantity


class AttributeResolver:
    """Sets the normalized attributes of every entity of a Doc."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        places: DocumentPlaces | None = None
        text = doc.text
        for i, ent in enumerate(ents):
            label = ent.label_
            if label == "METRIC":
                self._metric(doc, ents, i, text)
            elif label == "GOV":
                if places is None:
                    places = DocumentPlaces.from_doc(doc)
                previous = None
                if i > 0 and ents[i - 1].label_ == "GOV":
                    gap = text[ents[i - 1].end_char : ent.start_char]
                    if len(gap) <= 1:
                        previous = (ents[i - 1].text, gap)
                g = resolve_gov(ent.text, places, ent.start_char, ent.end_char, previous)
                ent._.canonical = g.canonical
                ent._.level = g.level
                ent._.region = g.region
            elif label == "CLUSTER":
                c = cluster_attributes(ent.text)
                ent._.region = c.region
                ent._.industry = c.industry
                ent._.national_name = c.national_name
                ent._.national_year = c.national_year
        return doc

    @staticmethod
    def _metric(doc: Doc, ents, i: int, text: str) -> None:
        ent = ents[i]
        q = parse_quantity(ent.text)
        if q is not None:
            ent._.value = q.value
            ent._.unit = q.unit
            ent._.qualifier = q.qualifier
        floor = _sentence_start(ent)
        if i > 0 and ents[i - 1].end_char > floor:
            floor = ents[i - 1].end_char
        ceil = _sentence_end(ent, len(text))
        if i + 1 < len(ents) and ents[i + 1].start_char < ceil:
            ceil = ents[i + 1].start_char
        measure = find_measure(text, ent.start_char, ent.end_char, floor=floor, ceil=ceil)
        ent._.measure = measure
        ent._.kind = infer_kind(q.kind if q is not None else None, q.unit if q is not None else None, measure)


def _sentence_start(span) -> int:
    try:
        return span.sent.start_char
    except ValueError:  # no sentence boundaries set
        return 0


def _sentence_end(span, default: int) -> int:
    try:
        return span.sent.end_char
    except ValueError:
        return default


@Language.factory("cluster_ner_attributes", default_config={})
def make_attribute_resolver(nlp: Language, name: str) -> AttributeResolver:
    """spaCy factory of the attribute resolver."""
    return AttributeResolver(name)
