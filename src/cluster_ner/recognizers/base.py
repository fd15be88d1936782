"""What the rule recognizers share: where candidates go and how a rule component saves.

Each recognizer reads ``doc.text`` (the cleaned working text, one token per
character) and adds candidate spans to ``doc.spans[CANDIDATES_KEY]``; the
span filter of :mod:`cluster_ner.resolve` later decides which become
``doc.ents``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from ..batching import BatchedComponent
from ..extensions import register_extensions
from ..tokenizer import working_text

CANDIDATES_KEY = "cluster_ner_candidates"

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Characters after which a free-form name (a town, a zone, a bare 省/市) may start:
# anything that is not Han, plus function words that never end a name.
FUNCTION_CHARS = "的了在和与及由向对将把被等为是到从经同并或至于给让请已均也都还又再即及其"
BOUNDARY_LOOKBEHIND = rf"(?:(?<![{HAN}])|(?<=[{FUNCTION_CHARS}]))"
_HAN_RE = re.compile(f"[{HAN}]")


def is_han(ch: str) -> bool:
    """True for one Han character."""
    return bool(_HAN_RE.match(ch))


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


class RuleComponent(BatchedComponent):
    """Base of the rule recognizers: a name, settings, and disk round trips.

    The lexicons come from the package's resources, so a saved pipeline only
    needs the settings; ``to_disk`` writes them as ``settings.json``.
    """

    def __init__(self, name: str, **settings: Any) -> None:
        register_extensions()  # spacy.load(dir) may build us before anything else ran
        self.name = name
        self.settings = settings

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.settings, ensure_ascii=False, sort_keys=True).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        self.settings.update(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "settings.json").write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        f = Path(path) / "settings.json"
        if f.exists():
            self.from_bytes(f.read_bytes())
        return self


Finder = Callable[[str], list[tuple[int, int]]]


class RuleRecognizer(RuleComponent):
    """A recognizer: ``finder(doc.text)`` gives ``(start, end)`` spans of one label."""

    def __init__(self, name: str, label: str, finder: Finder) -> None:
        super().__init__(name)
        self.label = label
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, ((s, e, self.label) for s, e in self.finder(working_text(doc))))
        return doc
