"""The words a cluster's name is read from (for :mod:`.cluster` and :mod:`.cluster_split`).

The tables derived from the resources: the head (:func:`head_pattern`), the
generic words of ``cluster_words.tsv``, and places, regions and industry terms
as one reverse trie, since a name is read leftwards from its head. Then the
readers of one word ending at a position: a listed word, a zone or a town with
its own name (聊城高新区, 管辛店镇), a place's short name with a level character
(胶州区), a bracketed segment (（新材料）).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..constants import FUNCTION_CHARS, is_han
from .places import place_chain_start

_MAX_ZONE_NAME = 8  # a zone's own name before its zone word (高铁经济 + 试验区)
_MAX_BRACKET = 20
_BATCH = re.compile(r"第[一二三四五六七八九十\d]+[批届期]")
_BRACKET_STOP = re.compile(r"[，,。；;：:！？!?\n()（）]")
_MAX_WORD = 12
_PLACE, _REGION, _INDUSTRY, _MODIFIER = "place", "region", "industry", "modifier"
_JOINERS_BETWEEN_PLACES = "、—-"  # 深圳市、广州市…, 许昌—漯河…
_STOP_CHARS = frozenset(FUNCTION_CHARS) | frozenset("一二三四五六七八九十两百千万亿几多个")


# --------------------------------------------------------------------------
# Tables derived from the resources
# --------------------------------------------------------------------------


@lexicon.cached
def head_pattern() -> str:
    """Regex source of a cluster head: ``(国家级?)? (modifier)? 集群`` (not 集群化)."""
    modifiers = lexicon.alternation(lexicon.cluster_words().get("head_modifier", ()))
    return rf"(?:国家级?)?(?:{modifiers})?集群(?!化)"


@lexicon.cached
def head_first() -> str:
    """The characters a cluster head starts with."""
    return "".join(sorted({"国", "集"} | {w[0] for w in lexicon.cluster_words().get("head_modifier", ())}))


@lexicon.cached
def _head_re() -> re.Pattern[str]:
    return re.compile(lexicon.skipping(head_first(), head_pattern()))


@lexicon.cached
def _head_at_end_re() -> re.Pattern[str]:
    return re.compile(f"(?:{head_pattern()})$")


@lexicon.cached
def generic_words() -> frozenset[str]:
    """Words that never make a cluster specific on their own (先进制造业, 国家级 …)."""
    return frozenset(lexicon.cluster_words().get("generic", ()))


@lexicon.cached
def _not_industry_re() -> re.Pattern[str]:
    """Words of the sentence, not of a name (推进, 打造 …): an unlisted stretch holding one is no industry."""
    return re.compile("|".join(map(re.escape, lexicon.cluster_words().get("not_industry", ()))))


@lexicon.cached
def _reverse_trie() -> lexicon.ReverseTrie:
    """Lexicon words tagged with their kind; the first tag given wins, so a
    region beats a place, and a place an identical industry word."""
    generic = generic_words()
    entries: list[tuple[str, str]] = [(w, _REGION) for w in lexicon.regions()]
    entries += [(w, _PLACE) for w in lexicon.place_index()]
    entries += [(w, _INDUSTRY) for w in lexicon.industry_terms() if w not in generic]
    entries += [(w, _MODIFIER) for w in lexicon.cluster_words().get("modifier", ())]
    return lexicon.ReverseTrie(entries)


@lexicon.cached
def _prefix_words() -> dict[str, str]:
    """Surface → 'place' or 'region' (regions win over an identical place key)."""
    out = {w: _PLACE for w in lexicon.place_index()}
    out.update({w: _REGION for w in lexicon.regions()})
    return out


# --------------------------------------------------------------------------
# One word ending at a position, read leftwards
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    kind: str
    start: int
    end: int


def _word_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """Longest lexicon word ``text[s:pos]`` with ``s >= floor``."""
    hit = _reverse_trie().longest_ending_at(text, pos, floor)
    return None if hit is None else _Word(hit[1], hit[0], pos)


def _is_boundary(text: str, i: int) -> bool:
    """True when position ``i`` (the char before a name) cannot continue a name."""
    return i < 0 or not is_han(text[i]) or text[i] in FUNCTION_CHARS


@lexicon.cached
def _zone_trie() -> lexicon.ReverseTrie:
    """Zone and town words (``place_words.tsv``) that end a place inside a cluster's name."""
    entries = [(w, "zone") for w in lexicon.place_words_of("zone")]
    entries += [(w, "town") for w in lexicon.place_words_of("town") if len(w) > 1 or w in "镇乡"]
    return lexicon.ReverseTrie(entries)


def _place_with_level_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """A place's short name written with a level character of its own: 胶州|区, 崇礼|县."""
    if pos - 1 <= floor or text[pos - 1] not in "区县市":
        return None
    w = _word_ending_at(text, pos - 1, floor)
    return _Word(_PLACE, w.start, pos) if w is not None and w.kind == _PLACE else None


@lexicon.cached
def _zone_last_chars() -> frozenset[str]:
    return frozenset(w[-1] for w in lexicon.place_words_of("zone") + lexicon.place_words_of("town"))


def _zone_or_town_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """A zone or a town with its own name, ending at ``pos``: 聊城高新区, 上饶高铁经济试验区,
    赣江新区, 管辛店镇. The name reaches back to a place (then read as a word of its
    own) or to a boundary; a zone's name may hold 经济, a town's is 2–3 characters."""
    if pos <= floor or text[pos - 1] not in _zone_last_chars():
        return None
    hit = _zone_trie().longest_ending_at(text, pos, floor)
    if hit is None:
        return None
    ws, kind = hit
    shortest, longest = (0, _MAX_ZONE_NAME) if kind == "zone" else (2, 3)
    best = None
    for k in range(0, longest + 1):
        i = ws - k
        if i < floor:
            break
        if k:
            c = text[i]
            if not is_han(c) or (c in _STOP_CHARS and not (c == "经" and text.startswith("经济", i))):
                break
        if k >= shortest and place_chain_start(text, i) is not None:
            return _Word(_PLACE, i, pos)
        if k >= max(shortest, 1) and _is_boundary(text, i - 1):
            best = i
    return _Word(_PLACE, best, pos) if best is not None else None


def _bracket_ending_at(text: str, pos: int, floor: int, words: list[_Word], loose: bool = False) -> _Word | None:
    """A bracketed segment inside the name: the industry of a listed cluster
    (潍坊市寒亭区（新材料）特色产业集群, 长沙市数控机床（磨床）产业集群) or a short
    aside about its places (长三角（含江西）大飞机集群)."""
    open_at = max(text.rfind("(", max(floor, pos - _MAX_BRACKET - 2), pos - 1), text.rfind("（", max(floor, pos - _MAX_BRACKET - 2), pos - 1))
    if open_at < 0:
        return None
    content = text[open_at + 1 : pos - 1]
    if not content or _BRACKET_STOP.search(content) or _BATCH.fullmatch(content):
        return None  # (2022年度（第四批）中小企业特色产业集群: a list's batch, not an industry)
    if not loose and not (_word_ending_at(text, open_at, floor) or _zone_or_town_ending_at(text, open_at, floor)):
        return None
    if loose and not (open_at > floor and is_han(text[open_at - 1])):
        return None
    if not words:
        if not all(is_han(c) for c in content) or _not_industry_re().search(content):
            return None
        return _Word(_INDUSTRY, open_at, pos)
    return _Word("aside", open_at, pos) if pos - open_at <= 10 else None
