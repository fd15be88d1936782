"""What every holder finder shares: the :class:`Holder` record, its kinds, and the
document's text with its entities marked (:class:`HolderScan`).

A place word right after a base word (占全国, 居全省, 高于全市) is the base of a
share or a comparison, not a holder (:meth:`HolderScan._is_base`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..attributes.places import DocumentPlaces

__all__ = ["Holder", "HolderScan"]

CLUSTER, BODY, PLACE, NATIONAL, GROUP, COMPANY, OTHER, ANAPHOR = (
    "cluster", "body", "place", "national", "group", "company", "other", "anaphor",
)
PLANNER = "planner"  # a body stating its plan (…提出，将…): holds the plan's numbers (kind body)
BODIES, PLANNERS = "bodies", "planners"  # bodies listed together (A、B): a group with a body's rules
NATIONAL_SUBJECT = "中国"
# Characters a holder looks at around it for a name it stands for (a zone, a town, a
# title, a cluster): within the overlap of a long text's pieces, so pieces and one
# pass agree (documents.OVERLAP_CHARS).
LOCAL_REACH = 900
# What follows a list item's own number (德阳680家、成都420余家): 余/多 and a short unit.
ITEM_NUMBER_TAIL = r"(?:余|多)?[个家亿万元%]{0,3}"
# A zone's governing committee ending a body's name after the zone's (滨海高新区|管委会).
ZONE_COMMITTEE = re.compile(r"(?:管委会|管理委员会|党工委|党工作委员会)$")


@dataclass(frozen=True)
class Holder:
    """A stretch of text that may hold a quantity."""

    start: int
    end: int
    kind: str
    subject: str | None
    # A group's container (全国 of 全国创新型产业集群): the subject of a count of its members.
    container: tuple[str, str | None] | None = None


@lexicon.cached
def _base_before_re() -> re.Pattern[str]:
    return lexicon.ending_regex(lexicon.context_words().get("base", ()))


@lexicon.cached
def _locative_re() -> re.Pattern[str]:
    return lexicon.ending_regex(lexicon.context_words().get("locative", ()))


class HolderScan:
    """The working text, its entities and places, as the holder finders read them.

    Args:
        text: the working text.
        ents: ``(start, end, label, attributes)`` of the document's entities.
        places: the document's places.
    """

    def __init__(self, text: str, ents: Sequence[tuple[int, int, str, dict]], places: DocumentPlaces) -> None:
        self.text = text
        self.places = places
        self.entity_starts = frozenset(s for s, _, _, _ in ents)
        self.gov_starts = frozenset(s for s, _, label, _ in ents if label == "GOV")
        self._entity_spans = sorted((s, e, label) for s, e, label, _ in ents)
        self._entity_span_starts = [s for s, _, _ in self._entity_spans]
        covered = bytearray(len(text) + 1)
        for s, e, _, _ in ents:
            covered[s:e] = b"\x01" * (e - s)
        self._covered = covered

    def _is_base(self, start: int) -> bool:
        """A place word after 占/居/比 … (the base of a share or comparison) or 在/于 … (a location)."""
        lo = max(0, start - 3)
        return _base_before_re().search(self.text, lo, start) is not None or _locative_re().search(self.text, lo, start) is not None

    def _outside(self, s: int, e: int) -> bool:
        return not any(self._covered[s:e])

    def _start_at_place_word(self, start: int, end: int, reach: int) -> int:
        """Where a name read back into ``[start, end)`` starts: ``start`` when a place word
        starts there, else the first place word within ``reach`` characters after it
        (走进|德化县瓷韵陶瓷有限公司, 据|包头稀土高新区), else ``start``."""
        trie = lexicon.place_trie()
        if trie.longest_at(self.text, start, end) > start:
            return start
        for k in range(start + 1, min(start + reach, end - 2)):
            if trie.longest_at(self.text, k, end) > k:
                return k
        return start

    def _holds_only_clusters(self, s: int, e: int) -> bool:
        """Are the entities in ``[s, e)`` whole clusters (an event's or an association's name
        may hold one: 2024中国·徐州工程机械产业集群发展大会), none crossing its ends?"""
        i = bisect.bisect_left(self._entity_span_starts, s)
        if i > 0 and self._entity_spans[i - 1][1] > s:
            return False  # one starts before s and runs into the stretch
        while i < len(self._entity_spans) and self._entity_spans[i][0] < e:
            if self._entity_spans[i][1] > e or self._entity_spans[i][2] != "CLUSTER":
                return False
            i += 1
        return True
