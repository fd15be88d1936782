"""Constants every part of cluster_ner shares: labels, character classes, sentence ends.

Defined once here; modules that need one import it rather than writing it again.
"""

from __future__ import annotations

import re

LABELS: tuple[str, ...] = ("CLUSTER", "GOV", "METRIC")
"""The entity labels, in the order reports list them."""

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han characters (CJK extension A, the unified block and the compatibility block), as
the inside of a regex character class."""

HAN_RE = re.compile(f"[{HAN}]")

FUNCTION_CHARS = "的了在和与及由向对将把被等为是到从经同并或至于给让请已均也都还又再即及其"
"""Function words that never end a name: after one, a free-form name (a town, a zone,
a bare 省/市) may start."""

LINE_BREAKS = "\n\r\u2028\u2029\u0085\x0b\x0c"
"""Characters that end a line (and so a sentence): ``str.splitlines`` splits on these too."""

SENTENCE_END_CHARS = "。！？!?；;" + LINE_BREAKS
"""Characters that end a sentence: 。！？； (full-width and ASCII) and line breaks."""

SENTENCE_END_RE = re.compile(f"[{re.escape(SENTENCE_END_CHARS)}]+")
"""A run of sentence ends (。。。, ！？, a blank line)."""

NUMBER_LIST_JOINER_RE = re.compile(r"\s*(?:、|和|及|与|、和)\s*")
"""What stands between two numbers of one list (6.3%、9.1%和4.7%): they share a verb and a measure."""

SURROGATE_RE = re.compile("[\ud800-\udfff]")
"""A lone surrogate (from bad UTF-16 handling upstream): not encodable, so never stored."""


def is_han(ch: str) -> bool:
    """True for one Han character."""
    return bool(HAN_RE.match(ch))
