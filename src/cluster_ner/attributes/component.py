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
from spacy.tokens import Doc, Span

from ..batching import BatchedComponent
from .cluster import cluster_attributes
from .government import DocumentPlaces, resolve_gov
from .measure import find_measure, infer_kind
from ..extensions import set_span_values
from ..tokenizer import working_text
from .quantity import parse_quantity


class AttributeResolver(BatchedComponent):
    """Sets the normalized attributes of every entity of a Doc."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents
        if not ents:
            return doc
        text = working_text(doc)  # once per Doc: every resolver reads offsets into it
        places: DocumentPlaces | None = None  # built at the first GOV, scanned lazily
        for i, ent in enumerate(ents):
            label = ent.label_
            surface = text[ent.start_char : ent.end_char]  # Span.text would join tokens
            if label == "METRIC":
                _metric(text, ents, i, surface)
            elif label == "GOV":
                if places is None:
                    places = DocumentPlaces.from_doc(doc, text=text, ents=ents)
                previous = None
                prev = ents[i - 1] if i > 0 else None
                if prev is not None and prev.label_ == "GOV" and ent.start_char - prev.end_char <= 1:
                    previous = (text[prev.start_char : prev.end_char], text[prev.end_char : ent.start_char])
                g = resolve_gov(surface, places, ent.start_char, ent.end_char, previous)
                _set(ent, canonical=g.canonical, level=g.level, region=g.region)
            elif label == "CLUSTER":
                c = cluster_attributes(surface)
                _set(
                    ent,
                    region=c.region,
                    industry=c.industry,
                    national_name=c.national_name,
                    national_year=c.national_year,
                )
        return doc


def _set(span: Span, **values: object) -> None:
    """Set the extensions that have a value (None is every extension's default)."""
    set_span_values(span.doc, span.start_char, span.end_char, values)


def _metric(text: str, ents, i: int, surface: str) -> None:
    ent = ents[i]
    q = parse_quantity(surface)
    if q is not None:
        _set(ent, value=q.value, unit=q.unit, qualifier=q.qualifier)
    # The measure is read between the neighbouring entities. Sentence ends
    # need no lookup: measure.py stops at any punctuation.
    measure = find_measure(
        text,
        ent.start_char,
        ent.end_char,
        floor=ents[i - 1].end_char if i > 0 else 0,
        ceil=ents[i + 1].start_char if i + 1 < len(ents) else None,
    )
    _set(ent, measure=measure, kind=infer_kind(q.kind if q is not None else None, q.unit if q is not None else None, measure))


@Language.factory("cluster_ner_attributes", default_config={})
def make_attribute_resolver(nlp: Language, name: str) -> AttributeResolver:
    """spaCy factory of the attribute resolver (its tables are built here, not on the first Doc)."""
    warm_up()
    return AttributeResolver(name)


def warm_up() -> None:
    """Read the resources and compile the patterns the resolvers cache."""
    from . import cluster, government, measure

    government.warm_up()
    cluster.warm_up()
    measure.warm_up()
