"""``cluster_ner_gov``: GOV candidates from the GOV grammar (:mod:`cluster_ner.grammar.gov`)."""

from __future__ import annotations

from spacy.language import Language

from ..grammar import gov
from .base import RuleRecognizer

LABEL = "GOV"


@Language.factory("cluster_ner_gov", default_config={}, assigns=["doc.spans"])
def make_gov_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the GOV rule recognizer (its tables are built here, not on the first Doc)."""
    gov.warm_up()
    return RuleRecognizer(name, LABEL, gov.find_gov)
