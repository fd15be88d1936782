"""The words and tables of the GOV grammar (:mod:`.gov`), derived from its resources.

* the **heads** of ``gov_heads.tsv``: as the parser reads them (:func:`heads`:
  ``市人民政府`` is the level word 市 + ``人民政府``) and as the recognizer finds
  them in running text (:func:`head_patterns`, one pattern for heads after a
  place, one for heads after functional domains);
* the **domains** of ``gov_domains.tsv``, the zone, town and level words of
  ``place_words.tsv`` and the bodies named without a place (``gov_bodies.tsv``),
  as reverse tries: the grammar reads a name leftwards from its head.

Every table is cached and dropped by :func:`cluster_ner.lexicon.reload`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon

ORDINALS = "一二三四五六七八九十第"
PARTY_PREFIX = "中共"
NATIONAL_PREFIX = "国家"
# 国家发改委, 中国工业和信息化部: the country named before a national body.
NATIONAL_PREFIXES = (NATIONAL_PREFIX, "中国")
_DOMAIN_JOINERS = "和与、"
# Offices a body's name may end with after its own head (工信局办公室): the table's
# office heads, written out in full.
_OFFICE_HEADS = {"办公室": "办公室", "办公厅": "办公厅", "办": "办公室"}


@dataclass(frozen=True)
class HeadInfo:
    """A head as the parser uses it (from ``gov_heads.tsv``)."""

    head: str
    full: str  # with the level word removed (市人民政府 → 人民政府)
    level_word: str | None  # 市 for 市委/市政府, 自治区 for 区党委
    template: bool  # full holds {place}
    levels: tuple[str, ...]
    kind: str
    after: str = "place"


def _split_level_word(full: str) -> tuple[str | None, str]:
    """``市人民政府`` → (市, 人民政府); ``中国共产党{place}市委员会`` → (市, 中国共产党{place}委员会)."""
    level_words = lexicon.place_words_of("level")
    if "{place}" in full:
        before, after = full.split("{place}", 1)
        for w in level_words:
            if after.startswith(w) and after[len(w):].startswith(("委员会", "工作委员会")):
                return w, before + "{place}" + after[len(w):]
        return None, full
    for w in level_words:
        if full.startswith(w) and len(full) > len(w) and full[len(w):].startswith(("人民政府", "办事处")):
            return w, full[len(w):]
    return None, full


@lexicon.cached
def heads() -> dict[str, HeadInfo]:
    """Head as written → how the parser reads it."""
    out: dict[str, HeadInfo] = {}
    for h in lexicon.gov_heads().values():
        word, full = _split_level_word(h.full)
        out[h.head] = HeadInfo(h.head, full, word, "{place}" in full, h.levels, h.kind, h.after)
    return out


@lexicon.cached
def _head_trie() -> lexicon.ReverseTrie:
    return lexicon.ReverseTrie((h, h) for h in heads())


@lexicon.cached
def _domain_trie() -> lexicon.ReverseTrie:
    return lexicon.ReverseTrie((form, form) for form in lexicon.gov_domains())


@lexicon.cached
def _word_tries() -> dict[str, lexicon.ReverseTrie]:
    return {
        "zone": lexicon.ReverseTrie((w, "zone") for w in lexicon.place_words_of("zone")),
        "town": lexicon.ReverseTrie((w, "town") for w in lexicon.place_words_of("town")),
        "body": lexicon.ReverseTrie((w, "body") for w in lexicon.gov_bodies()),
    }


@lexicon.cached
def _overlap_trie() -> lexicon.ReverseTrie:
    """Words whose last character would start a one-character county (完成 + 县)."""
    return lexicon.ReverseTrie((w, "overlap") for w in lexicon.place_words_of("overlap"))


@lexicon.cached
def level_of_word() -> dict[str, str]:
    """Level word → the level of a body it names (省 → provincial, 镇 → town)."""
    return {w.word: w.level for w in lexicon.place_words() if w.kind == "level"}


@lexicon.cached
def _bare_level_chars() -> str:
    """Single-character level words that may stand alone before a head (省, 市 …)."""
    return "".join(w.word for w in lexicon.place_words() if w.kind == "level" and w.bare and len(w.word) == 1)


def _head_alternation(names: list[str]) -> str:
    """The heads, longest first, each behind its not-followed-by guard."""
    table = lexicon.gov_heads()
    parts = []
    for name in sorted(names, key=len, reverse=True):
        guard = table[name].not_followed_by
        parts.append(re.escape(name) + (f"(?![{re.escape(guard)}])" if guard else ""))
    return "|".join(parts)


def _composite(head: str) -> bool:
    """A head written as a level or town word + another head (市政府, 镇党委, 街道办事处).

    The parser needs these (市政府 is 市人民政府), but in running text the
    recognizer reads them as their parts: the word before the head is a
    prefix like any other (会同|省政府 is not a body of 会同).
    """
    heads_ = lexicon.gov_heads()
    for word in lexicon.place_words_of("level") + lexicon.place_words_of("town"):
        if head.startswith(word) and head[len(word):] in heads_:
            return True
    return False


@lexicon.cached
def head_patterns() -> dict[str, tuple[str, str]]:
    """``{"place": (first characters, pattern), "domain": (…)}``: the head patterns, from the table.

    A domain head may carry an ordinal (招商一局, 第二局) and be followed by the
    body's office (工信局办公室); a court may carry its number (第一中级人民法院).
    The pattern is a lookahead, so a head is found at every position it starts
    at, also inside a longer one: 市政府 gives 市政府 and 政府 (+ the bare level
    word 市), 市场监督管理局 gives 管理局 and 局 (+ 市场监督管理). The head is
    group 1.
    """
    table = {h: e for h, e in lexicon.gov_heads().items() if not _composite(h)}
    place = [h for h, e in table.items() if e.after in ("place", "both")]
    domain = [h for h, e in table.items() if e.after in ("domain", "both")]
    offices = [h for h in domain if h in _OFFICE_HEADS]
    numerals = ORDINALS[:-1]
    domain_core = [h for h in domain if h not in _OFFICE_HEADS]
    domain_re = (
        f"(?:(?:[{numerals}]|第[{numerals}])局|{_head_alternation(domain_core)})"
        f"(?:{_head_alternation([h for h in offices if len(h) > 1])})?|{_head_alternation(offices)}"
    )
    courts = [h for h in place if h.endswith("法院") and "中级" in h]
    place_re = _head_alternation(place)
    if courts:
        place_re = f"(?:第[{numerals}]+)?(?:{_head_alternation(courts)})|{place_re}"
    place_first = "".join(sorted({h[0] for h in place} | ({"第"} if courts else set())))
    domain_first = "".join(sorted({h[0] for h in domain} | set(ORDINALS)))
    return {"place": (place_first, f"(?=({place_re}))"), "domain": (domain_first, f"(?=({domain_re}))")}


@lexicon.cached
def head_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``(place heads, domain heads)`` compiled, skipping positions no head starts at."""
    patterns = head_patterns()
    return tuple(re.compile(lexicon.skipping(*patterns[kind])) for kind in ("place", "domain"))  # type: ignore[return-value]


@lexicon.cached
def _body_end_re() -> re.Pattern[str]:
    """The last character of a body named without a place (院, 部, 行 …), after a
    character that comes last but one in such a name (all have two or more)."""
    bodies = lexicon.gov_bodies()
    last = re.escape("".join(sorted({b[-1] for b in bodies})))
    penultimate = re.escape("".join(sorted({b[-2] for b in bodies})))
    return re.compile(f"(?<=[{penultimate}])[{last}]")


@lexicon.cached
def _plausible_end_re() -> re.Pattern[str]:
    words = set(lexicon.gov_heads()) | set(lexicon.gov_bodies())
    return re.compile(f"(?:{lexicon.alternation(words)})$")


def plausible_gov_end(text: str) -> bool:
    """Does ``text`` end like a body: an organ head or a body named without a place?"""
    return _plausible_end_re().search(text) is not None
