"""What the rule recognizers share: where candidates go.

Each recognizer runs its grammar's finder over ``doc.text`` (the cleaned
working text, one token per character) and adds candidate spans to
``doc.spans[CANDIDATES_KEY]``; the span filter of
:mod:`cluster_ner.span_filter` later decides which become ``doc.ents``. The
recognizers hold no state of their own (their word lists ship in the
package), so they have nothing to save with a pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from ..batching import BatchedComponent
from ..extensions import register_extensions
from ..tokenizer import working_text

CANDIDATES_KEY = "cluster_ner_candidates"

Finder = Callable[[str], list[tuple[int, int]]]


def add_candidates(doc: Doc, spans: Iterable[tuple[int, int, str]]) -> None:
    """Append ``(start, end, label)`` character spans to the candidate group.

    The cleaning tokenizer makes one token per character, so character offsets
    are token offsets; a Doc made otherwise goes through ``char_span``.
    """
    group = doc.spans[CANDIDATES_KEY] if CANDIDATES_KEY in doc.spans else None
    one_per_char = len(doc) == len(working_text(doc))
    label_ids: dict[str, int] = {}  # Span(label=str) would intern the label for every span
    new: list[Span] = []
    for start, end, label in spans:
        label_id = label_ids.get(label)
        if label_id is None:
            label_id = label_ids[label] = doc.vocab.strings.add(label)
        span = Span(doc, start, end, label=label_id) if one_per_char else doc.char_span(start, end, label=label_id)
        if span is not None:
            new.append(span)
    if group is None:
        doc.spans[CANDIDATES_KEY] = new
    else:
        group.extend(new)


class RuleRecognizer(BatchedComponent):
    """A recognizer: ``finder(doc.text)`` gives ``(start, end)`` spans of one label."""

    def __init__(self, name: str, label: str, finder: Finder) -> None:
        register_extensions()  # spacy.load(dir) may build us before anything else ran
        self.name = name
        self.label = label
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, ((s, e, self.label) for s, e in self.finder(working_text(doc))))
        return doc
