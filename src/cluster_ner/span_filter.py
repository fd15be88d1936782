"""The one place where rules, the model and user patterns are reconciled.

Candidates come from three sources, each known by where it was written: the
rule recognizers (``doc.spans["cluster_ner_candidates"]``), the user's
patterns (``doc.spans["cluster_ner_patterns"]``) and the trained model
(``doc.spans["cluster_ner_model"]`` from :mod:`cluster_ner.model`, or
``doc.ents`` from a plain spaCy ``ner``). The resolver hands ``(span, source)`` pairs to the registered
span filter ``cluster_ner.resolve_spans.v1``, which keeps a set of
non-overlapping spans:

1. a user pattern beats everything it overlaps (users correct the library);
2. then rules beat the model (the rules are precise on the forms they know;
   the model may only add what they miss);
3. within one source the longer span wins, then the earlier one.

The filter's settings guard what the model may add (labels, length, a margin
around rule spans, a plausibility check). Spans that touch a garbled stretch,
or start or end on whitespace, never reach the filter.

The source travels with each span as a pair, not as ``Span._.source``: spaCy
keys span extensions by offsets only, so a model span at the offsets of a rule
span with another label would otherwise pass for a rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.scorer import get_ner_prf
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from .batching import BatchedComponent
from .constants import FUNCTION_CHARS, LABELS, is_han
from .extensions import register_extensions
from .grammar.gov import plausible_gov_end
from .recognizers.base import CANDIDATES_KEY
from .spacy_internals import set_entities, set_span_values
from .tokenizer import blocked_ranges, working_text

PATTERNS_KEY = "cluster_ner_patterns"
MODEL_KEY = "cluster_ner_model"  # written by cluster_ner.model.ScopedNER
SOURCE_PRIORITY = {"pattern": 3, "rules": 2, "model": 1}

Candidate = tuple[Span, str]  # a span and its source: "pattern", "rules" or "model"
SpanFilter = Callable[[Iterable[Candidate]], list[Candidate]]


def model_span_plausible(label: str, text: str) -> bool:
    """Does a model span look like its label to the rules' lexicons?

    CLUSTER ends with 集群; GOV ends with an organ head (局, 厅, 管委会 …) or a
    body named without a place (国务院 …); METRIC parses as a quantity whose unit holds
    no 的.
    """
    if label == "CLUSTER":
        return text.endswith("集群")
    if label == "GOV":
        return plausible_gov_end(text)
    if label == "METRIC":
        from .attributes.quantity import parse_quantity

        q = parse_quantity(text)
        # (超千亿的区县: what 的 leads to is the thing measured, never in the span)
        return q is not None and q.value is not None and "的" not in (q.unit or "")
    return False


def _overlaps(a: Span, b: Span, margin: int = 0) -> bool:
    return a.start - margin < b.end and b.start < a.end + margin


def _lengthened_rule(span: Span, fixed: list[Span]) -> Span | None:
    """The one rule span ``span`` lengthens: same label, same start, ``span`` ends later
    and overlaps no other fixed span."""
    touching = [f for f in fixed if _overlaps(f, span)]
    if len(touching) != 1:
        return None
    f = touching[0]
    if f.label != span.label or f.start != span.start or f.end >= span.end:
        return None
    return f


_MAX_TAIL = 4


def _measure_word_tail(tail: str) -> bool:
    """Can what a model span adds after a rule span be a measure word (块, 栋 …)? At most
    four Han characters (标准箱, 芯公里, 部左右), none a function word (优化为 is a verb)."""
    return 0 < len(tail) <= _MAX_TAIL and all(is_han(c) and c not in FUNCTION_CHARS for c in tail)


@registry.misc("cluster_ner.resolve_spans.v1")
def make_span_filter(
    model_labels: list[str] = list(LABELS),
    model_min_length: int = 1,
    model_margin: int = 0,
    model_plausible: bool = False,
    model_extends: list[str] = [],
) -> SpanFilter:
    """The span filter: patterns > rules > model, then longer, then earlier.

    Args:
        model_labels: labels the model may add (its spans of other labels are dropped).
        model_min_length: shortest model span kept, in characters.
        model_margin: a model span must stay this many characters away from
            every rule and pattern span (0: it may touch them, never overlap).
        model_plausible: keep a model span only when :func:`model_span_plausible`.
        model_extends: labels whose rule spans the model may lengthen: a model
            span of such a label that starts where exactly one rule span of its
            label starts, ends after it and overlaps nothing else replaces it
            (``57.9亿`` → ``57.9亿块``: the model reads a measure word the
            rules do not know).
    """
    allowed = frozenset(model_labels)
    lengthens = frozenset(model_extends)

    def model_ok(span: Span, fixed: list[Span]) -> bool:
        if span.label_ not in allowed or span.end - span.start < model_min_length:
            return False
        if model_margin > 0 and any(_overlaps(f, span, model_margin) for f in fixed):
            return False
        return not model_plausible or model_span_plausible(span.label_, span.text)

    def span_filter(candidates: Iterable[Candidate]) -> list[Candidate]:
        candidates = list(candidates)
        # (span, source, rank): a model span that extends a rule span ranks as a rule.
        keep = [(s, src, SOURCE_PRIORITY[src]) for s, src in candidates if src != "model"]
        fixed = [s for s, _, _ in keep]
        for span, src in candidates:
            if src != "model":
                continue
            if span.label_ in lengthens:
                inner = _lengthened_rule(span, fixed)
                if inner is not None and _measure_word_tail(span.text[len(inner.text) :]) and (not model_plausible or model_span_plausible(span.label_, span.text)):
                    keep = [k for k in keep if k[0] is not inner] + [(span, src, SOURCE_PRIORITY["rules"])]
                    continue
            if model_ok(span, fixed):
                keep.append((span, src, SOURCE_PRIORITY[src]))
        # Greedy by (source rank, length, position): the order says who wins.
        ranked = sorted(((-rank, s.start - s.end, s.start, s.end, i) for i, (s, _, rank) in enumerate(keep)))
        taken: list[tuple[int, int]] = []  # (start, index into keep)
        used: set[int] = set()
        for _, _, start, end, i in ranked:
            if used.isdisjoint(range(start, end)):
                taken.append((start, i))
                used.update(range(start, end))
        taken.sort()
        return [keep[i][:2] for _, i in taken]

    return span_filter


class Resolver(BatchedComponent):
    """Pipeline component ``cluster_ner_resolve``: candidates of all sources → ``doc.ents``.

    Its :meth:`score` makes ``nlp.evaluate`` report entity P/R/F1 per label,
    with or without a trained model in the pipeline.
    """

    def __init__(self, name: str, span_filter: SpanFilter, labels: Iterable[str]) -> None:
        register_extensions()
        self.name = name
        self.span_filter = span_filter
        self.labels = frozenset(labels)
        self._label_ids = frozenset(get_string_id(label) for label in self.labels)

    def __call__(self, doc: Doc) -> Doc:
        sources: list[tuple[Iterable[Span], str]] = []
        if doc.has_annotation("ENT_IOB"):  # a plain spaCy ner ran: reading doc.ents walks every token
            sources.append((doc.ents, "model"))
        groups = doc.spans
        for key, source in ((CANDIDATES_KEY, "rules"), (PATTERNS_KEY, "pattern"), (MODEL_KEY, "model")):
            if key in groups:
                sources.append((groups[key], source))
        text = working_text(doc)
        blocked = blocked_ranges(doc)
        labels = self._label_ids
        keep: list[Candidate] = []
        for spans, source in sources:
            keep += [(s, source) for s in spans if s.label in labels and _admissible(text, s.start_char, s.end_char, blocked)]
        chosen = self.span_filter(keep)
        set_entities(doc, [s for s, _ in chosen])
        for s, src in chosen:
            set_span_values(doc, s.start_char, s.end_char, {"source": src})
        return doc

    def score(self, examples: Iterable[Example], **kwargs: object) -> dict[str, object]:
        """Entity P/R/F1 for ``nlp.evaluate``: ``ents_p``, ``ents_r``, ``ents_f``, ``ents_per_type``."""
        return get_ner_prf(examples)


def _admissible(text: str, start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    """Not empty, no whitespace at either edge, nothing garbled inside."""
    if end <= start or text[start].isspace() or text[end - 1].isspace():
        return False
    return not any(start < e and s < end for s, e in blocked)


@Language.factory(
    "cluster_ner_resolve",
    default_config={"span_filter": {"@misc": "cluster_ner.resolve_spans.v1"}, "labels": list(LABELS)},
    requires=["doc.spans"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type", "span._.source"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_resolver(nlp: Language, name: str, span_filter: SpanFilter, labels: list[str]) -> Resolver:
    """spaCy factory of the resolver: the span filter settles every conflict into ``doc.ents``."""
    return Resolver(name, span_filter, labels)
