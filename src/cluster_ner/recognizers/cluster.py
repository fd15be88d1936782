"""``cluster_ner_cluster``: CLUSTER candidates from the cluster grammar (:mod:`cluster_ner.grammar.cluster`)."""

from __future__ import annotations

from spacy.language import Language

from ..grammar import cluster
from .base import RuleRecognizer

LABEL = "CLUSTER"


@Language.factory("cluster_ner_cluster", default_config={}, assigns=["doc.spans"])
def make_cluster_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the CLUSTER rule recognizer (its tables are built here, not on the first Doc)."""
    cluster.warm_up()
    return RuleRecognizer(name, LABEL, cluster.find_clusters)
