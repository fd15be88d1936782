"""``cluster_ner_attributes``: the normalized values of each entity as ``Span._``.

METRIC spans get ``value``, ``unit``, ``qualifier``, ``kind`` (and ``measure``
from the sentence); GOV and CLUSTER spans get their resolvers' attributes.
Each attribute is also a column of the DataFrame (see :mod:`cluster_ner.frame`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .quantity import parse_quantity


class AttributeResolver:
    """Sets the normalized attributes of every entity of a Doc."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ == "METRIC":
                q = parse_quantity(ent.text)
                if q is not None:
                    ent._.value = q.value
                    ent._.unit = q.unit
                    ent._.qualifier = q.qualifier
                    ent._.kind = q.kind
        return doc


@Language.factory("cluster_ner_attributes", default_config={})
def make_attribute_resolver(nlp: Language, name: str) -> AttributeResolver:
    """spaCy factory of the attribute resolver."""
    return AttributeResolver(name)
