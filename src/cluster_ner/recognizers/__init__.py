"""The rule recognizers: one spaCy factory per label (importing registers them)."""

from . import cluster, gov, metric

__all__ = ["cluster", "gov", "metric"]
