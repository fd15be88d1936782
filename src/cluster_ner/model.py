"""``cluster_ner_model``: the trained NER, asked only where its scope says.

The component is spaCy's transition-based ``ner`` (same model, same training
through ``nlp.update``), with one difference at prediction time: instead of
labelling the whole Doc it labels the windows its **scope** selects, and hands
what it finds to the resolver as ``doc.spans["cluster_ner_model"]`` (the
resolver's span filter decides what, if anything, the model changes).

Scopes:

``"document"``
    the whole text: the model may propose anything anywhere (a user's model
    trained to fill their own gaps).
``"open_quantities"``
    only the quantities the rules leave open (:func:`open_quantities`), with
    ``left``/``right`` characters of context: a rule METRIC that ends on a
    number or a multiplier before a Han character (``57.9亿|块``: the rules
    do not know the measure word), and digits no rule span covers before a
    Han character (``3|处``). The model's answer is kept only when it is
    about such a quantity (it lengthens the rule span from its start, or
    covers the digits) and ends a phrase (punctuation, a function word or the
    end of the text follows). This is where the rules are structurally blind
    — the open class of measure words — and it is about 1% of the text, so
    the model costs little.

Training is unaffected by the scope: ``update`` sees whole documents.
"""

from __future__ import annotations

import bisect

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Callable

from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .errors import ClusterNerError, Messages
from .extensions import register_extensions
from .constants import FUNCTION_CHARS, is_han
from .grammar.metric import blocked_stretches, known_unit_at, not_quantity_after
from .recognizers.base import CANDIDATES_KEY
from .span_filter import MODEL_KEY
from .tokenizer import working_text

SCOPES = ("document", "open_quantities")

_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_OPEN_END = frozenset("0123456789十百千万亿")
_TRAILING_QUALIFIERS = frozenset("多余")
_CODE_BEFORE = re.compile(r"[A-Za-z0-9][ -]?$")  # ISO 9001, C919, GB-2019


@dataclass(frozen=True)
class OpenQuantity:
    """A quantity the rules leave open: ``[start, end)`` in tokens; ``rule`` when a rule span ends there."""

    start: int
    end: int
    rule: bool

    def answered_by(self, start: int, end: int) -> bool:
        """Is a model span ``[start, end)`` an answer about this quantity? A rule
        quantity is lengthened from its start; bare digits are covered."""
        if self.rule:
            return start == self.start and end > self.end
        return start <= self.start and self.end <= end and end > self.end


def open_quantities(doc: Doc) -> list[OpenQuantity]:
    """The quantities of ``doc`` whose measure word the rules could not read.

    A rule METRIC ending on a number or multiplier, and a run of digits no rule
    span covers (not inside a code like ``ISO 9001``, nor in page furniture or a
    set phrase, nor before a unit the rules read and left out on purpose:
    ``中国企业500强``), each followed by a Han character that does not start a
    time word (``40多年``, ``2023年`` are closed).
    """
    text = working_text(doc)
    n = len(text)
    if len(doc) != n:  # the windows are in tokens: one token per character only
        return []
    rules = list(doc.spans[CANDIDATES_KEY]) if CANDIDATES_KEY in doc.spans else []
    covered = bytearray(n + 1)
    for s, e in blocked_stretches(text):  # page furniture, set phrases: the rules decided
        covered[s:e] = b"\x01" * (e - s)
    found: list[OpenQuantity] = []
    for span in rules:
        s, e = span.start_char, span.end_char
        covered[s:e] = b"\x01" * (e - s)
        if span.label_ == "METRIC" and text[e - 1] in _OPEN_END and _opens(text, e):
            found.append(OpenQuantity(s, e, rule=True))
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        if covered[s] or known_unit_at(text, e):
            continue  # a unit the rules read: they left these digits out on purpose (500强 in a title)
        if not _CODE_BEFORE.search(text, max(0, s - 2), s) and _opens(text, e):
            found.append(OpenQuantity(s, e, rule=False))
    return sorted(found, key=lambda q: q.start)


# The longest window the model reads as one Doc: a text where open quantities
# follow each other for pages (超万超万…) gives several windows, not one, so the
# model's memory stays that of a paragraph.
MAX_WINDOW = 512
# How many tokens the model predicts at once (its memory grows with them).
PREDICT_TOKENS = 8192


def windows_of(quantities: Iterable[OpenQuantity], n: int, left: int, right: int) -> list[tuple[int, int]]:
    """``(start, end)`` windows of ``left``/``right`` tokens around the quantities.

    Overlapping windows merge, up to :data:`MAX_WINDOW` tokens; past that a
    new window starts (it may overlap the last: each quantity keeps its margins).
    """
    windows: list[tuple[int, int]] = []
    for q in quantities:
        a, b = max(0, q.start - left), min(n, q.end + right)
        if windows and a <= windows[-1][1] and b - windows[-1][0] <= MAX_WINDOW:
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return windows


def _window_doc(doc: Doc, start: int, end: int) -> Doc:
    """Tokens ``[start, end)`` as a Doc of their own: what the model reads (NORM and
    SHAPE come from the shared vocab, so they are those of the whole Doc)."""
    tokens = doc[start:end]
    return Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])


def _opens(text: str, end: int) -> bool:
    """Does a Han character that does not start a time word follow ``end`` (qualifiers skipped)?"""
    while end < len(text) and text[end] in _TRAILING_QUALIFIERS:
        end += 1
    return end < len(text) and is_han(text[end]) and not not_quantity_after(text, end)


def _answers(quantities: list[OpenQuantity], start: int, end: int) -> bool:
    """Is a model span ``[start, end)`` an answer about one of the (sorted) quantities?

    Only a quantity starting inside the span can be one (see
    :meth:`OpenQuantity.answered_by`); bisection finds those, so a text of
    thousands of open quantities stays linear.
    """
    lo = bisect.bisect_left(quantities, start, key=lambda q: q.start)
    hi = bisect.bisect_left(quantities, end, key=lambda q: q.start)
    return any(q.answered_by(start, end) for q in quantities[lo:hi])


def _closed_after(text: str, end: int) -> bool:
    """Does a measure word the model read end a phrase here? (not followed by more Han text)"""
    return end >= len(text) or not is_han(text[end]) or text[end] in FUNCTION_CHARS


class ScopedNER(EntityRecognizer):
    """spaCy's ``ner``, predicting only inside the windows of its scope."""

    def __init__(self, vocab: Any, model: Any, name: str, *, scope: str, left: int, right: int, **kwargs: Any) -> None:
        if scope not in SCOPES:
            raise ClusterNerError(Messages.MODEL_SCOPE.format(scope=scope, scopes=", ".join(SCOPES)))
        super().__init__(vocab, model, name=name, **kwargs)
        register_extensions()
        self.scope = scope
        self.left = left
        self.right = right

    def _scoped(self, doc: Doc) -> tuple[list[tuple[int, int]], list[OpenQuantity] | None]:
        """The windows the model labels in ``doc``, and the open quantities they are about."""
        if self.scope == "document":
            return ([(0, len(doc))] if len(doc) else []), None
        quantities = open_quantities(doc)
        return windows_of(quantities, len(doc), self.left, self.right), quantities

    def __call__(self, doc: Doc) -> Doc:
        self._label([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        error_handler = self.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            try:
                self._label(batch)
                yield from batch
            except Exception as exc:  # noqa: BLE001 - as spaCy's TrainablePipe.pipe: the handler decides
                error_handler(self.name, self, batch, exc)

    def _label(self, docs: list[Doc]) -> None:
        parts: list[tuple[Doc, int, Doc, list[OpenQuantity] | None]] = []  # doc, window start, window Doc, questions
        for doc in docs:
            windows, quantities = self._scoped(doc)
            parts += [(doc, a, _window_doc(doc, a, b), quantities) for a, b in windows]
        if not parts:
            return
        subdocs = [p[2] for p in parts]
        # The parser's memory grows with the tokens it reads at once: predict a few
        # thousand tokens at a time, whatever the number of windows.
        batch: list[Doc] = []
        n_tokens = 0
        for sub in subdocs:
            batch.append(sub)
            n_tokens += len(sub)
            if n_tokens >= PREDICT_TOKENS:
                self.set_annotations(batch, self.predict(batch))
                batch, n_tokens = [], 0
        if batch:
            self.set_annotations(batch, self.predict(batch))
        found_by_doc: dict[int, tuple[Doc, list[OpenQuantity] | None, set[tuple[int, int, int]]]] = {}
        for doc, offset, sub, quantities in parts:
            entry = found_by_doc.setdefault(id(doc), (doc, quantities, set()))
            entry[2].update((offset + e.start, offset + e.end, e.label) for e in sub.ents)  # a set: windows may overlap
        for doc, quantities, spans in found_by_doc.values():
            found = sorted(spans)
            if quantities is not None:  # only answers about an open quantity, ending a phrase
                text = working_text(doc)
                found = [(s, e, lab) for s, e, lab in found if _answers(quantities, s, e) and _closed_after(text, e)]
            if found:
                group = doc.spans.setdefault(MODEL_KEY, [])
                group.extend([Span(doc, s, e, label=lab) for s, e, lab in found])


@Language.factory(
    "cluster_ner_model",
    default_config={
        "scope": "document",
        "left": 8,
        "right": 6,
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "incorrect_spans_key": None,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_scoped_ner(
    nlp: Language,
    name: str,
    model: Any,
    scope: str,
    left: int,
    right: int,
    moves: Any,
    update_with_oracle_cut_size: int,
    incorrect_spans_key: str | None,
    scorer: Callable[..., Any] | None,
) -> ScopedNER:
    """spaCy factory of the scoped NER (``model`` is a ``spacy.TransitionBasedParser``)."""
    return ScopedNER(
        nlp.vocab,
        model,
        name,
        scope=scope,
        left=left,
        right=right,
        moves=moves,
        update_with_oracle_cut_size=update_with_oracle_cut_size,
        incorrect_spans_key=incorrect_spans_key,
        scorer=scorer,
    )
