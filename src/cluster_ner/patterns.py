"""User patterns: entities the user names, which win over the rules and the model.

A patterns file is JSONL, one pattern per line, in the shape spaCy's rulers use::

    {"label": "GOV", "pattern": "顺德区经济促进局", "id": "shunde-jcj"}
    {"label": "METRIC", "pattern": [{"TEXT": {"REGEX": "^[0-9]$"}}, {"ORTH": "处"}], "id": "chu"}

``label`` is CLUSTER, GOV or METRIC; ``pattern`` is a phrase (a string: the
useful form, since tokens are single characters) or a spaCy token pattern (a
list of dicts, one per character); ``id`` is optional and names the pattern for
``cluster-ner patterns remove``. Phrases are cleaned like the text
(traditional → simplified, pinyin removed), so ``順德區`` matches ``顺德区``.
Blank lines and lines starting with ``#`` are ignored.

Which files are read — one rule, applied every time a pipeline is loaded, so
an edited file takes effect at the next :func:`cluster_ner.load` without code
changes:

1. the packaged file ``cluster_ner/models/patterns.jsonl`` (ships with the
   package; empty unless the project adds patterns), then
2. the user file: ``$CLUSTER_NER_PATTERNS`` when that variable is set and not
   empty, otherwise ``$XDG_CONFIG_HOME/cluster_ner/patterns.jsonl``
   (``~/.config/cluster_ner/patterns.jsonl`` when ``XDG_CONFIG_HOME`` is
   unset). A missing user file means no user patterns.

``cluster-ner patterns add|list|remove`` edit the user file. The component
``cluster_ner_patterns`` puts the matches in ``doc.spans["cluster_ner_patterns"]``;
the resolver ranks them above rules and model.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .batching import BatchedComponent
from .constants import LABELS
from .errors import Messages, PatternsFileError
from .extensions import register_extensions
from .span_filter import PATTERNS_KEY  # the doc.spans key the resolver reads

ENV_VAR = "CLUSTER_NER_PATTERNS"
PACKAGED_FILE = "patterns.jsonl"


@dataclass(frozen=True)
class Pattern:
    """One line of a patterns file."""

    label: str
    pattern: str | list[dict[str, Any]]
    id: str
    path: str = ""
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "pattern": self.pattern, "id": self.id}


def packaged_patterns_path() -> Path:
    """``cluster_ner/models/patterns.jsonl`` inside the installed package."""
    return Path(str(resources.files("cluster_ner").joinpath("models", PACKAGED_FILE)))


def user_patterns_path() -> Path:
    """The user patterns file: ``$CLUSTER_NER_PATTERNS``, else the per-user config file."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
    return Path(base) / "cluster_ner" / PACKAGED_FILE


def pattern_files() -> list[Path]:
    """The files a pipeline reads at load time, in order (packaged, then user)."""
    return [packaged_patterns_path(), user_patterns_path()]


def _bad(path: Path | str, line: int, detail: str) -> PatternsFileError:
    return PatternsFileError(Messages.PATTERNS_BAD_LINE.format(path=path, line=line, detail=detail))


def parse_line(raw: str, *, path: Path | str, line: int) -> Pattern | None:
    """One line → a :class:`Pattern` (None for blank and ``#`` lines).

    Raises:
        PatternsFileError: naming ``path`` and ``line`` when the line is bad.
    """
    text = raw.strip()
    if not text or text.startswith("#"):
        return None
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(path, line, f"not valid JSON ({exc.msg})") from None
    if not isinstance(rec, dict):
        raise _bad(path, line, 'expected an object {"label", "pattern", "id"}')
    label = rec.get("label")
    if label not in LABELS:
        raise _bad(path, line, f"label must be one of {', '.join(LABELS)}, got {label!r}")
    pattern = rec.get("pattern")
    if isinstance(pattern, str):
        if not pattern.strip():
            raise _bad(path, line, "the pattern is empty")
    elif isinstance(pattern, list):
        if not pattern or not all(isinstance(t, dict) for t in pattern):
            raise _bad(path, line, "a token pattern must be a non-empty list of objects")
    else:
        raise _bad(path, line, "pattern must be a string (a phrase) or a list of token objects")
    pid = rec.get("id", "")
    if not isinstance(pid, str):
        raise _bad(path, line, f"id must be a string, got {pid!r}")
    extra = set(rec) - {"label", "pattern", "id"}
    if extra:
        raise _bad(path, line, f"unknown field(s) {', '.join(sorted(extra))}")
    return Pattern(label, pattern, pid, str(path), line)


def read_patterns(path: str | Path) -> list[Pattern]:
    """The patterns of one file; a missing file has none.

    Raises:
        PatternsFileError: on the first bad line, naming the file and line.
    """
    p = Path(path)
    if not p.exists():
        return []
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise _bad(p, 0, f"cannot read the file ({exc})") from None
    out: list[Pattern] = []
    for n, raw in enumerate(lines, start=1):
        pat = parse_line(raw, path=p, line=n)
        if pat is not None:
            out.append(pat)
    return out


def load_patterns(files: Iterable[str | Path] | None = None) -> list[Pattern]:
    """All patterns of ``files`` (default: :func:`pattern_files`), in order."""
    out: list[Pattern] = []
    for f in pattern_files() if files is None else files:
        out.extend(read_patterns(f))
    return out


# --- editing the user file (the CLI) ---------------------------------------------


def _slug(label: str, pattern: str | list[Any], taken: set[str]) -> str:
    base = label.lower() + "-" + (re.sub(r"\s+", "", pattern)[:12] if isinstance(pattern, str) else "tokens")
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    return pid


def add_pattern(label: str, pattern: str | list[dict[str, Any]], pid: str | None = None, *, path: str | Path | None = None) -> Pattern:
    """Append a pattern to the user file (created with its folder when missing).

    Args:
        label: CLUSTER, GOV or METRIC.
        pattern: a phrase, or a token pattern (list of dicts).
        pid: the pattern's id; default ``<label>-<phrase>``, made unique.
        path: the file to edit (default: :func:`user_patterns_path`).

    Returns:
        The pattern as written.

    Raises:
        PatternsFileError: the label or pattern is invalid, the id is taken, or
            the existing file has a bad line.
    """
    p = Path(path) if path is not None else user_patterns_path()
    existing = read_patterns(p)
    taken = {x.id for x in existing if x.id}
    if pid is None or pid == "":
        pid = _slug(label, pattern, taken)
    elif pid in taken:
        raise _bad(p, next(x.line for x in existing if x.id == pid), f"a pattern with id {pid!r} already exists")
    rec = {"label": label, "pattern": pattern, "id": pid}
    line = json.dumps(rec, ensure_ascii=False)
    n_lines = len(p.read_text(encoding="utf-8").splitlines()) if p.exists() else 0
    parsed = parse_line(line, path=p, line=n_lines + 1)  # validate before writing
    assert parsed is not None
    p.parent.mkdir(parents=True, exist_ok=True)
    prefix = ""
    if p.exists():
        data = p.read_bytes()
        if data and not data.endswith(b"\n"):
            prefix = "\n"
    with open(p, "a", encoding="utf-8") as fh:
        fh.write(prefix + line + "\n")
    return parsed


def remove_pattern(pid: str, *, path: str | Path | None = None) -> int:
    """Remove the patterns with id ``pid`` from the user file; return how many."""
    p = Path(path) if path is not None else user_patterns_path()
    if not p.exists():
        return 0
    read_patterns(p)  # refuse to rewrite a file with bad lines
    kept: list[str] = []
    removed = 0
    for n, raw in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1):
        pat = parse_line(raw, path=p, line=n)
        if pat is not None and pat.id == pid:
            removed += 1
        else:
            kept.append(raw)
    if removed:
        p.write_text("".join(x + "\n" for x in kept), encoding="utf-8")
    return removed


# --- the pipeline component ------------------------------------------------------


class PatternsComponent(BatchedComponent):
    """Matches the user's patterns; matches go to ``doc.spans["cluster_ner_patterns"]``.

    The patterns are read from the files when the component is created (every
    :func:`cluster_ner.load`), never saved in a pipeline directory: the files
    stay the one place where they live.
    """

    def __init__(self, nlp: Language, name: str, packaged: bool = True, user: bool = True) -> None:
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.packaged = packaged
        self.user = user
        self.patterns: list[Pattern] = []
        self.phrase_matcher = PhraseMatcher(nlp.vocab)
        self.matcher = Matcher(nlp.vocab, validate=True)
        self._meta: dict[int, tuple[str, str]] = {}
        files = ([packaged_patterns_path()] if packaged else []) + ([user_patterns_path()] if user else [])
        self.add_patterns(load_patterns(files))

    def add_patterns(self, patterns: Iterable[Pattern]) -> None:
        """Add patterns (already validated lines) to the matchers."""
        from .tokenizer import CleaningTokenizer

        make_doc = CleaningTokenizer(self.nlp.vocab)  # phrases are cleaned like the text
        for pat in patterns:
            key = repr((pat.label, pat.id, len(self.patterns)))
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
                raise _bad(pat.path or "<patterns>", pat.line, f"invalid pattern: {detail}") from None
            self.patterns.append(pat)

    def __call__(self, doc: Doc) -> Doc:
        if not self.patterns:
            return doc
        spans: list[Span] = []
        matches = list(self.phrase_matcher(doc)) if len(self.phrase_matcher) else []
        if len(self.matcher):
            matches += self.matcher(doc)
        for key, start, end in matches:
            label, pid = self._meta[key]
            span = Span(doc, start, end, label=label, span_id=pid)
            spans.append(span)
        if spans:
            doc.spans[PATTERNS_KEY] = spans
        return doc


@Language.factory("cluster_ner_patterns", default_config={"packaged": True, "user": True})
def make_patterns_component(nlp: Language, name: str, packaged: bool, user: bool) -> PatternsComponent:
    """spaCy factory of the user patterns component (see the module docstring)."""
    return PatternsComponent(nlp, name, packaged=packaged, user=user)
