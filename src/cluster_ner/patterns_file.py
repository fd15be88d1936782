"""The patterns file: its format, reading and checking it, and editing it.

A patterns file is JSONL, one pattern per line, in the shape spaCy's rulers use::

    {"label": "GOV", "pattern": "顺德区经济促进局", "id": "shunde-jcj"}
    {"label": "METRIC", "pattern": [{"TEXT": {"REGEX": "^[0-9]$"}}, {"ORTH": "处"}], "id": "chu"}

``label`` is CLUSTER, GOV or METRIC; ``pattern`` is a phrase (a string: the
useful form, since tokens are single characters) or a spaCy token pattern (a
list of dicts, one per character); ``id`` is optional and names the pattern for
``remove``. Phrases are cleaned like the text (traditional → simplified, pinyin
removed), so ``順德區`` matches ``顺德区``. Blank lines and lines starting with
``#`` are ignored.

The files are the packaged one (:func:`packaged_patterns_path`), the one of a
saved pipeline (:func:`pipeline_patterns_path`, which ``cluster-ner patterns``
edits with :func:`add_pattern` and :func:`remove_pattern`) and the per-user
file of earlier versions (:func:`legacy_user_file`). The component that matches
the patterns is :mod:`cluster_ner.patterns`.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from .constants import LABELS
from .errors import Messages, PatternsFileError

PACKAGED_FILE = "patterns.jsonl"
# the file inside the component's folder of a saved pipeline (DIR/cluster_ner_patterns/patterns.jsonl)
PIPELINE_FILE = "patterns.jsonl"
COMPONENT = "cluster_ner_patterns"
# Read by versions up to 0.1.0 at every load; now only looked at to tell the user it is ignored.
LEGACY_ENV_VAR = "CLUSTER_NER_PATTERNS"


@dataclass(frozen=True)
class Pattern:
    """One pattern, with where it came from (for error messages)."""

    label: str
    pattern: str | list[dict[str, Any]]
    id: str = ""
    path: str = ""
    line: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record: ``{"label", "pattern", "id"}``."""
        return {"label": self.label, "pattern": self.pattern, "id": self.id}


def packaged_patterns_path() -> Path:
    """``cluster_ner/models/patterns.jsonl`` inside the installed package."""
    return Path(str(resources.files("cluster_ner").joinpath("models", PACKAGED_FILE)))


def pipeline_patterns_path(model_dir: str | Path) -> Path:
    """The patterns file of a saved pipeline: ``DIR/cluster_ner_patterns/patterns.jsonl``."""
    return Path(model_dir) / COMPONENT / PIPELINE_FILE


def legacy_user_file() -> Path | None:
    """The per-user patterns file earlier versions read at every load, when it exists.

    ``$CLUSTER_NER_PATTERNS`` when set, else
    ``$XDG_CONFIG_HOME/cluster_ner/patterns.jsonl`` (``~/.config/…``). It is
    no longer read; :func:`cluster_ner.load` warns once when it finds one.
    """
    env = os.environ.get(LEGACY_ENV_VAR, "").strip()
    if env:
        path = Path(env).expanduser()
    else:
        base = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
        path = Path(base) / "cluster_ner" / PACKAGED_FILE
    return path if path.is_file() else None


def bad_line(path: Path | str, line: int, detail: str) -> PatternsFileError:
    """The error of a bad line (or record, or pattern) ``line`` of ``path``."""
    return PatternsFileError(Messages.PATTERNS_BAD_LINE.format(path=path, line=line, detail=detail))


def parse_record(rec: Any, *, path: Path | str, line: int) -> Pattern:
    """Check one pattern record (a parsed JSON line, or a dict from Python).

    Raises:
        PatternsFileError: naming ``path`` and ``line`` when the record is bad.
    """
    if isinstance(rec, Pattern):
        rec = rec.to_dict()
    if not isinstance(rec, dict):
        raise bad_line(path, line, 'expected an object {"label", "pattern", "id"}')
    label = rec.get("label")
    if label not in LABELS:
        raise bad_line(path, line, f"label must be one of {', '.join(LABELS)}, got {label!r}")
    pattern = rec.get("pattern")
    if isinstance(pattern, str):
        if not pattern.strip():
            raise bad_line(path, line, "the pattern is empty")
    elif isinstance(pattern, list):
        if not pattern or not all(isinstance(t, dict) for t in pattern):
            raise bad_line(path, line, "a token pattern must be a non-empty list of objects")
    else:
        raise bad_line(path, line, "pattern must be a string (a phrase) or a list of token objects")
    pid = rec.get("id", "")
    if pid is None:
        pid = ""
    if not isinstance(pid, str):
        raise bad_line(path, line, f"id must be a string, got {pid!r}")
    extra = set(rec) - {"label", "pattern", "id"}
    if extra:
        raise bad_line(path, line, f"unknown field(s) {', '.join(sorted(extra))}")
    return Pattern(label, pattern, pid, str(path), line)


def parse_line(raw: str, *, path: Path | str, line: int) -> Pattern | None:
    """One line of a patterns file → a :class:`Pattern` (None for blank and ``#`` lines).

    Raises:
        PatternsFileError: naming ``path`` and ``line`` when the line is bad.
    """
    text = raw.strip()
    if not text or text.startswith("#"):
        return None
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as exc:
        raise bad_line(path, line, f"not valid JSON ({exc.msg})") from None
    return parse_record(rec, path=path, line=line)


def _read_lines(p: Path) -> list[str]:
    try:
        return p.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise bad_line(p, 0, f"cannot read the file ({exc})") from None


def read_patterns(path: str | Path) -> list[Pattern]:
    """The patterns of one file; a missing file has none.

    Raises:
        PatternsFileError: on the first bad line, naming the file and line.
    """
    p = Path(path)
    if not p.exists():
        return []
    if p.is_dir():
        raise bad_line(p, 0, "is a folder, not a patterns file (JSONL)")
    out: list[Pattern] = []
    for n, raw in enumerate(_read_lines(p), start=1):
        pat = parse_line(raw, path=p, line=n)
        if pat is not None:
            out.append(pat)
    return out


def check_matchable(pat: Pattern) -> None:
    """Check that spaCy's matchers accept the pattern (token attributes, operators).

    Raises:
        PatternsFileError: naming the pattern's file and line.
    """
    from .cleaning import clean

    try:
        if isinstance(pat.pattern, str):
            if not clean(pat.pattern).text.strip():
                raise ValueError("the pattern is empty after cleaning")
        else:
            Matcher(Vocab(), validate=True).add("check", [pat.pattern])
    except Exception as exc:  # spaCy's MatchPatternError / ValueError on a bad token pattern
        detail = " ".join(str(exc).split())
        raise bad_line(pat.path or "<patterns>", pat.line, f"invalid pattern: {detail}") from None


# --- editing a patterns file (the CLI edits the file of a pipeline folder) --------------


def _slug(label: str, pattern: str | list[Any], taken: set[str]) -> str:
    base = label.lower() + "-" + (re.sub(r"\s+", "", pattern)[:12] if isinstance(pattern, str) else "tokens")
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    return pid


def _ids_in(lines: list[str]) -> dict[str, int]:
    """id → first line number, for every line that is a JSON object with a string id
    (bad lines included: their id still names them)."""
    ids: dict[str, int] = {}
    for n, raw in enumerate(lines, start=1):
        rec = _loose_record(raw)
        pid = rec.get("id") if rec else None
        if isinstance(pid, str) and pid and pid not in ids:
            ids[pid] = n
    return ids


def _loose_record(raw: str) -> dict[str, Any] | None:
    text = raw.strip()
    if not text or text.startswith("#"):
        return None
    try:
        rec = json.loads(text)
    except json.JSONDecodeError:
        return None
    return rec if isinstance(rec, dict) else None


def add_pattern(
    label: str, pattern: str | list[dict[str, Any]], pid: str | None = None, *, path: str | Path
) -> Pattern:
    """Append a pattern to a patterns file (created with its folder when missing).

    Args:
        label: CLUSTER, GOV or METRIC.
        pattern: a phrase, or a token pattern (list of dicts).
        pid: the pattern's id; default ``<label>-<phrase>``, made unique.
        path: the file to edit (the CLI passes :func:`pipeline_patterns_path`).

    Returns:
        The pattern as written.

    Raises:
        PatternsFileError: the label or pattern is invalid, or the id is taken.
            Bad lines already in the file do not stop the addition (the
            pipeline will not load until they are fixed or removed).
    """
    p = Path(path)
    lines = _read_lines(p) if p.exists() else []
    taken = _ids_in(lines)
    if not pid:
        pid = _slug(label, pattern, set(taken))
    elif pid in taken:
        raise bad_line(p, taken[pid], f"a pattern with id {pid!r} already exists")
    line = json.dumps({"label": label, "pattern": pattern, "id": pid}, ensure_ascii=False)
    parsed = parse_line(line, path=p, line=len(lines) + 1)  # validate before writing
    assert parsed is not None
    check_matchable(parsed)
    p.parent.mkdir(parents=True, exist_ok=True)
    prefix = ""
    if p.exists():
        data = p.read_bytes()
        if data and not data.endswith(b"\n"):
            prefix = "\n"
    with open(p, "a", encoding="utf-8") as fh:
        fh.write(prefix + line + "\n")
    return parsed


def remove_pattern(pid: str | None = None, *, path: str | Path, line: int | None = None) -> int:
    """Remove patterns from a file by id, or one line by its number; return how many.

    Works on a file with bad lines too (a bad line that has an id is removed by
    that id; any line by its number), so a mistake never blocks its own removal.
    """
    p = Path(path)
    if not p.exists():
        return 0
    lines = _read_lines(p)
    kept: list[str] = []
    removed = 0
    for n, raw in enumerate(lines, start=1):
        rec = _loose_record(raw)
        hit = (line is not None and n == line) or (pid is not None and rec is not None and rec.get("id") == pid)
        if hit and (line is not None or rec is not None):
            removed += 1
        else:
            kept.append(raw)
    if removed:
        p.write_text("".join(x + "\n" for x in kept), encoding="utf-8")
    return removed


def file_problems(path: str | Path) -> list[tuple[int, PatternsFileError]]:
    """``(line, error)`` for every bad line of a patterns file (none when it is missing)."""
    p = Path(path)
    if not p.exists():
        return []
    problems: list[tuple[int, PatternsFileError]] = []
    for n, raw in enumerate(_read_lines(p), start=1):
        try:
            pat = parse_line(raw, path=p, line=n)
            if pat is not None:
                check_matchable(pat)
        except PatternsFileError as exc:
            problems.append((n, exc))
    return problems
