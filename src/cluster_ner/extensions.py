"""Every ``Span._`` / ``Doc._`` extension of cluster_ner, declared in one table.

Values set on spans are kept in ``doc.user_data`` by spaCy, so they survive
``Doc.to_bytes`` and multi-process ``nlp.pipe``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# name -> (default, description). Each is also a DataFrame column (see frame.py).
SPAN_EXTENSIONS: dict[str, tuple[Any, str]] = {
    "source": (None, "what produced the entity: 'rules', 'model' or 'pattern'"),
    "value": (None, "METRIC: the number after multipliers (float)"),
    "unit": (None, "METRIC: unit or measure word (家, 元, %, 平方公里 …)"),
    "qualifier": (None, "METRIC: exact / approx / over / under / range (value = lower bound)"),
    "measure": (None, "METRIC: the thing measured, when the sentence states it"),
    "kind": (None, "METRIC: count / money / share / rate / area / rank …"),
    "canonical": (None, "GOV: full official name"),
    "level": (None, "GOV: national / provincial / municipal / county / district / town / zone"),
    "region": (None, "GOV and CLUSTER: province and city the entity belongs to"),
    "industry": (None, "CLUSTER: the industry phrase"),
    "national_name": (None, "CLUSTER: official name when it is a national advanced manufacturing cluster"),
    "national_year": (None, "CLUSTER: year of the national list that names it"),
    "subject": (None, "METRIC: whose number it is — a cluster's fullest name, a body's canonical name, a place, 中国 …"),
    "subject_kind": (None, "METRIC: cluster / body / place / national / group / company / other"),
    "period": (None, "METRIC: the time the number refers to (2023, 2023-H1, 2023-Q3, 2024-06, 2021/2025, 2019/..)"),
    "status": (None, "METRIC: actual, or target (a goal, plan, quota or expectation)"),
    "change": (None, "METRIC: up (an increase over time), down (a decrease), or None (a level)"),
}

# The extensions the context component sets.
CONTEXT_EXTENSIONS: tuple[str, ...] = ("subject", "subject_kind", "period", "status", "change")

# The extensions the attribute component sets (``source`` is set by the resolver).
ATTRIBUTE_EXTENSIONS: tuple[str, ...] = tuple(
    name for name in SPAN_EXTENSIONS if name != "source" and name not in CONTEXT_EXTENSIONS
)

DOC_EXTENSIONS: dict[str, tuple[Any, str]] = {
    "doc_id": (None, "the id given to extract()/extract_many(), if any"),
    "doc_date": (None, "the document date (YYYY-MM-DD, YYYY-MM or YYYY): given by the caller, else found in the text"),
}

_registered = False


def register_extensions() -> None:
    """Register the extensions once per process (idempotent)."""
    global _registered
    if _registered:
        return
    for name, (default, _) in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, (default, _) in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    _registered = True
