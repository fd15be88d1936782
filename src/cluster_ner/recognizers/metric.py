"""``cluster_ner_metric``: METRIC candidates from the quantity grammar (:mod:`cluster_ner.grammar.metric`)."""

from __future__ import annotations

from spacy.language import Language

from ..grammar import metric
from .base import RuleRecognizer

LABEL = "METRIC"


@Language.factory("cluster_ner_metric", default_config={}, assigns=["doc.spans"])
def make_metric_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the METRIC rule recognizer (its tables are built here, not on the first Doc)."""
    metric.warm_up()
    return RuleRecognizer(name, LABEL, metric.find_metrics)
