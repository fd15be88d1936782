"""Patterns: entities the user names, which win over the rules and the model.

Patterns live in the pipeline, as with spaCy's ``SpanRuler``: the component
``cluster_ner_patterns`` holds them, ``nlp.to_disk(DIR)`` writes them to
``DIR/cluster_ner_patterns/patterns.jsonl`` and ``spacy.load(DIR)`` reads them
back, so a saved pipeline finds the same entities on every machine and every
Dask worker. Nothing outside the pipeline folder is read when it loads.

The file format, reading and editing the files are in
:mod:`cluster_ner.patterns_file` (its names are importable from here too).

Ways to give a pipeline patterns:

* from Python: ``nlp.get_pipe("cluster_ner_patterns").add_patterns([...])``,
  then ``nlp.to_disk(DIR)``;
* from a file: ``cluster_ner.load(patterns="my_patterns.jsonl")``, or
  ``initialize(patterns="my_patterns.jsonl")`` on the component, or
  ``cluster-ner train … --patterns my_patterns.jsonl``;
* from the command line: ``cluster-ner patterns add|remove|import --model DIR``
  edits ``DIR/cluster_ner_patterns/patterns.jsonl`` (:func:`add_pattern`,
  :func:`remove_pattern` on that file).

A new pipeline (:func:`cluster_ner.pipeline.build`) starts with the packaged
file ``cluster_ner/models/patterns.jsonl`` (``packaged = true``; empty unless
the project adds patterns). The per-user file of earlier versions
(``~/.config/cluster_ner/patterns.jsonl`` or ``$CLUSTER_NER_PATTERNS``) is no
longer read: :func:`legacy_user_file` finds it so that ``load()`` can say how
to carry it over.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Union

from spacy import util as spacy_util
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .batching import BatchedComponent
from .constants import LABELS  # noqa: F401  (importable from here, as the patterns file's names are)
from .errors import Messages, PatternsFileError
from .extensions import register_extensions
from .patterns_file import (  # noqa: F401  (the patterns file's names stay importable from here)
    COMPONENT,
    LEGACY_ENV_VAR,
    PACKAGED_FILE,
    PIPELINE_FILE,
    Pattern,
    add_pattern,
    bad_line,
    check_matchable,
    file_problems,
    legacy_user_file,
    packaged_patterns_path,
    parse_line,
    parse_record,
    pipeline_patterns_path,
    read_patterns,
    remove_pattern,
)
from .span_filter import PATTERNS_KEY  # the doc.spans key the resolver reads

# what add_patterns and initialize accept
PatternLike = Union["Pattern", dict[str, Any]]
PatternSource = Union[str, Path, Iterable[PatternLike]]


def as_patterns(source: PatternSource, *, where: str = "add_patterns") -> list[Pattern]:
    """Patterns from a file path, or from an iterable of dicts / :class:`Pattern`.

    Raises:
        PatternsFileError: a bad line (file) or record (iterable), named.
    """
    if isinstance(source, (str, Path)):
        p = Path(source)
        if not p.is_file():
            raise PatternsFileError(Messages.PATTERNS_NO_FILE.format(path=p))
        return read_patterns(p)
    return [parse_record(rec, path=where, line=i) for i, rec in enumerate(source, start=1)]


class PatternsComponent(BatchedComponent):
    """Matches the pipeline's patterns; matches go to ``doc.spans["cluster_ner_patterns"]``.

    Like spaCy's ``SpanRuler``: :meth:`add_patterns`, :meth:`remove`,
    :meth:`clear`, :meth:`initialize` (``patterns=`` a list or a JSONL file),
    :attr:`patterns`, and ``to_disk``/``from_disk``/``to_bytes``/``from_bytes``
    that save and restore the patterns with the pipeline.
    """

    def __init__(self, nlp: Language, name: str, packaged: bool = True, user: bool = False) -> None:
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.packaged = packaged
        # ``user`` is accepted so that pipelines saved by 0.1.0 (``user = true``)
        # still load; the per-user file is no longer read (see the module docstring).
        self.user = user
        self.clear()
        if packaged:
            self.add_patterns(read_patterns(packaged_patterns_path()))

    # -- the patterns ----------------------------------------------------------------------

    @property
    def patterns(self) -> list[dict[str, Any]]:
        """The patterns, one ``{"label", "pattern", "id"}`` dict each, in the order added."""
        return [p.to_dict() for p in self._patterns]

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids of the patterns that have one, sorted."""
        return tuple(sorted({p.id for p in self._patterns if p.id}))

    def __len__(self) -> int:
        return len(self._patterns)

    def clear(self) -> None:
        """Remove every pattern."""
        self._patterns: list[Pattern] = []
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab)
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        self._meta: dict[int, tuple[str, str]] = {}

    def add_patterns(self, patterns: PatternSource) -> None:
        """Add patterns: dicts ``{"label", "pattern", "id"}``, :class:`Pattern` s, or a JSONL file.

        Raises:
            PatternsFileError: a bad record or line (named); nothing after it is added.
        """
        from .tokenizer import CleaningTokenizer

        make_doc = CleaningTokenizer(self.nlp.vocab)  # phrases are cleaned like the text
        for pat in as_patterns(patterns):
            key = repr((pat.label, pat.id, len(self._patterns)))
            self._meta[self.nlp.vocab.strings.add(key)] = (pat.label, pat.id)
            try:
                if isinstance(pat.pattern, str):
                    phrase = make_doc(pat.pattern)
                    if not len(phrase):
                        raise ValueError("the pattern is empty after cleaning")
                    self.phrase_matcher.add(key, [phrase])
                else:
                    self.matcher.add(key, [pat.pattern])
            except Exception as exc:  # spaCy's MatchPatternError / ValueError on a bad token pattern
                detail = " ".join(str(exc).split())
                raise bad_line(pat.path or "<patterns>", pat.line, f"invalid pattern: {detail}") from None
            self._patterns.append(pat)

    def remove(self, pattern_id: str) -> int:
        """Remove the patterns with this id; return how many (0 when none has it)."""
        kept = [p for p in self._patterns if p.id != pattern_id]
        removed = len(self._patterns) - len(kept)
        if removed:
            self.clear()
            self.add_patterns(kept)
        return removed

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Any = None,  # PatternSource (spaCy validates these settings with pydantic: keep the type plain)
    ) -> None:
        """Reset the patterns (as ``SpanRuler.initialize`` does): the packaged ones
        when ``packaged`` is set, then ``patterns`` — a list of dicts or the path of a
        JSONL file (``[initialize.components.cluster_ner_patterns] patterns = "file.jsonl"``)."""
        self.clear()
        if self.packaged:
            self.add_patterns(read_patterns(packaged_patterns_path()))
        if patterns is not None:
            self.add_patterns(patterns)

    # -- matching --------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        if not self._patterns:
            return doc
        spans: list[Span] = []
        matches = list(self.phrase_matcher(doc)) if len(self.phrase_matcher) else []
        if len(self.matcher):
            matches += self.matcher(doc)
        for key, start, end in matches:
            label, pid = self._meta[key]
            spans.append(Span(doc, start, end, label=label, span_id=pid))
        if spans:
            doc.spans[PATTERNS_KEY] = spans
        return doc

    # -- serialization (the patterns travel with the pipeline) -----------------------------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return spacy_util.to_bytes({"patterns": lambda: json.dumps(self.patterns, ensure_ascii=False)}, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "PatternsComponent":
        def load(b: bytes | str) -> None:
            self.clear()
            self.add_patterns(json.loads(b))

        spacy_util.from_bytes(data, {"patterns": load}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / PIPELINE_FILE).write_text(
            "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in self.patterns), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "PatternsComponent":
        """Read ``path/patterns.jsonl``; a folder saved before patterns were saved
        (no such file) keeps the patterns the component was created with."""
        file = Path(path) / PIPELINE_FILE
        if file.is_file():
            found = read_patterns(file)
            self.clear()
            self.add_patterns(found)
        return self


@Language.factory(COMPONENT, default_config={"packaged": True, "user": False})
def make_patterns_component(nlp: Language, name: str, packaged: bool, user: bool) -> PatternsComponent:
    """spaCy factory of the patterns component (see the module docstring)."""
    return PatternsComponent(nlp, name, packaged=packaged, user=user)

