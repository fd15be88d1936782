"""The one place where rules, the model and user patterns are reconciled.

Candidates come from three sources: the rule recognizers
(``doc.spans["cluster_ner_candidates"]``), the user's patterns
(``doc.spans["cluster_ner_patterns"]``) and the statistical ``ner``
(``doc.ents``). The registered span filter ``cluster_ner.resolve_spans.v1``
keeps a set of non-overlapping spans:

1. a user pattern beats everything it overlaps (users correct the library);
2. then rules beat the model (the rules are precise on the forms they know;
   the model adds what they miss);
3. within one source the longer span wins, then the earlier one.

Spans that touch a garbled stretch, or start or end on whitespace, are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .extensions import register_extensions
from .recognizers.base import CANDIDATES_KEY
from .tokenizer import blocked_ranges

PATTERNS_KEY = "cluster_ner_patterns"
LABELS = ("CLUSTER", "GOV", "METRIC")
SOURCE_PRIORITY = {"pattern": 3, "rules": 2, "model": 1}

SpanFilter = Callable[[Iterable[Span]], list[Span]]


@registry.misc("cluster_ner.resolve_spans.v1")
def make_span_filter() -> SpanFilter:
    """The span filter: priority by source, then length, then position."""

    def span_filter(spans: Iterable[Span]) -> list[Span]:
        ordered = sorted(
            spans,
            key=lambda s: (-SOURCE_PRIORITY.get(s._.source or "model", 0), -(s.end - s.start), s.start),
        )
        taken: list[Span] = []
        used: set[int] = set()
        for span in ordered:
            if any(i in used for i in range(span.start, span.end)):
                continue
            taken.append(span)
            used.update(range(span.start, span.end))
        return sorted(taken, key=lambda s: s.start)

    return span_filter


class Resolver:
    """Pipeline component: candidates of all sources → ``doc.ents``."""

    def __init__(self, name: str, span_filter: SpanFilter, labels: Iterable[str]) -> None:
        register_extensions()
        self.name = name
        self.span_filter = span_filter
        self.labels = frozenset(labels)

    def __call__(self, doc: Doc) -> Doc:
        candidates: list[Span] = []
        for span in doc.ents:
            if span._.source is None:
                span._.source = "model"
            candidates.append(span)
        for key, source in ((CANDIDATES_KEY, "rules"), (PATTERNS_KEY, "pattern")):
            if key in doc.spans:
                for span in doc.spans[key]:
                    if span._.source is None:
                        span._.source = source
                    candidates.append(span)
        blocked = blocked_ranges(doc)
        keep = [s for s in candidates if s.label_ in self.labels and _clean_edges(s) and not _touches(s, blocked)]
        chosen = self.span_filter(keep)
        doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in chosen]
        for new, old in zip(doc.ents, chosen):
            new._.source = old._.source
        return doc


def _clean_edges(span: Span) -> bool:
    text = span.text
    return bool(text) and not text[0].isspace() and not text[-1].isspace()


def _touches(span: Span, blocked: list[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in blocked)


@Language.factory(
    "cluster_ner_resolve",
    default_config={"span_filter": {"@misc": "cluster_ner.resolve_spans.v1"}, "labels": list(LABELS)},
)
def make_resolver(nlp: Language, name: str, span_filter: SpanFilter, labels: list[str]) -> Resolver:
    """spaCy factory of the resolver."""
    return Resolver(name, span_filter, labels)
