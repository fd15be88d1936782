"""The grammar of a government body's name: one reading for the recognizer and the attributes.

A body name is built from general parts, never from a list of the names seen::

    [中共] [prefix] [domains] head

* the **head** ends the name: an entry of ``gov_heads.tsv`` (``局``,
  ``人民政府``, ``管委会`` …), possibly with an ordinal (``招商一局``) or
  followed by the body's own office (``工信局办公室``). Its ``after`` column
  says what it follows: functional domains (``工信`` + ``局``), a place
  (``丽水市`` + ``人民政府``), or either (``委``, ``办``);
* the **domains** are ``gov_domains.tsv`` forms before a domain head
  (``工信`` → ``工业和信息化``), right to left; one-letter forms (建, 外) only
  right before the head;
* the **prefix** is a chain of places (``广州市白云区``), ``国家``, a bare
  level word (``省``, ``市``, ``自治区``: ``place_words.tsv``), a zone
  (``丽水经开区``, ``航天基地``), a town (``东江镇``) or nothing.

Or a body named without a place (``国务院``, ``央行``: ``gov_bodies.tsv``).

:func:`find_gov` reads bodies in running text, leftwards from each head;
:func:`parse_gov` splits a name into these parts for the attributes. Both read
the same tables, so a head added to ``gov_heads.tsv`` is recognized and parsed.

The parts live in their own modules: :mod:`.gov_tables` (heads, domains and
word tries derived from the resources), :mod:`.gov_candidates` (where a name
starts, read leftwards from its head), :mod:`.gov_congress` (terms, congresses
and CPPCC committees named in full) and :mod:`.gov_rejections` (mentions that
name no body). This module keeps the two entry points and the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..constants import FUNCTION_CHARS, is_han
from .gov_candidates import _candidates, _domain_chain_starts
from .gov_rejections import _ENTERPRISE_AFTER, _GENERIC_BEFORE, _ORDINAL_HEAD_ONLY, _addressee_groups, _addressee_item, _foreign_suffix_re, _level_start_chars
from .places import MAX_PLACE, PlaceWord, read_place_chain, trim_chain

# Some of these are only imported here, so that the attributes and the tests find them
# where they were before the grammar was split (TERM, level_of_word, _composite …).
from .gov_congress import _CONGRESS_KINDS, _TERM_BEFORE, TERM, CppccParse, full_term, parse_cppcc  # noqa: F401
from .gov_tables import (  # noqa: F401
    _DOMAIN_JOINERS,
    _OFFICE_HEADS,
    NATIONAL_PREFIX,
    NATIONAL_PREFIXES,
    ORDINALS,
    PARTY_PREFIX,
    HeadInfo,
    _bare_level_chars,
    _body_end_re,
    _composite,
    _domain_trie,
    _head_trie,
    _overlap_trie,
    _word_tries,
    head_patterns,
    head_regexes,
    heads,
    level_of_word,
    plausible_gov_end,
)

__all__ = ["CppccParse", "GovParse", "HeadInfo", "find_gov", "full_term", "heads", "parse_cppcc", "parse_gov", "plausible_gov_end"]

# --------------------------------------------------------------------------
# Finding bodies in running text: the candidates, trimmed and filtered
# --------------------------------------------------------------------------


def _unprefixed(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` is functional domains + a head, nothing before (中小企业局)."""
    for m in head_regexes()[1].finditer(text, s, e):
        if m.end(1) == e:
            starts = _domain_chain_starts(text, m.start())
            return bool(starts) and starts[-1] == s
    return False


def _place_chain_start(text: str, s: int, e: int) -> int:
    """Move ``s`` right past places that do not contain the next one (会同|平房区)."""
    index = lexicon.place_index()
    places = lexicon.place_trie()
    chain: list[tuple[int, int]] = []
    i = s
    while i < e:
        j = places.longest_at(text, i, min(e, i + MAX_PLACE))
        if j < 0:
            break
        chain.append((i, j))
        i = j
    for (a0, a1), (b0, b1) in zip(chain, chain[1:]):
        parents = index[text[a0:a1]]
        children = index[text[b0:b1]]
        contains = any(p.contains(c) or c.province == p.province for p in parents for c in children)
        # Only a county-level name is dropped: those are the ones ordinary words collide with.
        if not contains and all(p.level in ("county", "district") for p in parents):
            s = b0
    return s


def find_gov(text: str) -> list[tuple[int, int]]:
    """All GOV candidate spans ``(start, end)`` in ``text`` (may overlap)."""
    found: list[tuple[int, int]] = []
    foreign = _foreign_suffix_re()
    level_start = _level_start_chars()
    bodies = lexicon.gov_bodies()
    overlaps = _overlap_trie()
    level_chars = _bare_level_chars()
    addressee = "各" in text
    for s, e in _candidates(text):
        s = _place_chain_start(text, s, e)
        if s + 2 <= e and text[s + 1] in level_chars and overlaps.longest_ending_at(text, s + 1, max(0, s - 4)):
            s += 1  # 完成县人大: 成 ends the verb, 县 is a bare level word
        surface = text[s:e]
        if _ORDINAL_HEAD_ONLY.match(surface):
            continue
        if _ENTERPRISE_AFTER.match(text, e) or _STATE_ENTERPRISE_BUREAU.match(text, max(0, s - 1), e):
            continue  # (中建二局, 中铁三局: an engineering group's bureau is an enterprise)
        if surface[0] in "和与及并" and s > 0 and (text[s - 1] in "府局厅委部办" or _conjunction_before(text, s)):
            s += 1  # 县政府和县商务局, 领导和县人大: 和 joins two here, 和县 is not meant
            surface = text[s:e]
        if (_GENERIC_BEFORE.search(text, max(0, s - 8), s) or (addressee and _addressee_item(text, s))) and (
            surface[0] in level_start or surface in bodies or _unprefixed(text, s, e) or surface.startswith(_addressee_groups())
        ):
            continue  # generic: 各市人民政府, 有关部门, an item of an addressee line
        if foreign.search(text, max(0, s - 8), s):
            continue
        found.append((s, e))
    # 自治区党委、政府: the government of the place a party committee names, written bare after it.
    for s, e in list(found):
        if text.endswith("委", s, e):
            while (bare := _SHARED_PLACE_BODY.match(text, e)) is not None:  # (市委、人大、政府、政协)
                found.append(bare.span(1))
                e = bare.end(1)
    found = sorted(set(found))
    found += _through_parent(text, found, bodies)
    found.sort()
    # A bare domain body right after another body is its internal unit (工信部中小企业局),
    # also in brackets after a ministry (工业和信息化部（中小企业局）); after a bureau a
    # body in brackets is its other name (招商一局（工业和信息化局）).
    ends = {e for _, e in found}
    return [
        (s, e)
        for s, e in found
        if not ((s in ends or (s - 1 in ends and text[s - 1] in "（(" and text[s - 2] == "部")) and _unprefixed(text, s, e))
    ]


def _through_parent(text: str, found: list[tuple[int, int]], bodies: dict) -> list[tuple[int, int]]:
    """A national body written right before a body of a place is that body named through its
    parent, one span (ANNOTATION.md: 国务院国资委): 国家税务总局|江西省税务局, 海关总署|广州海关,
    国家金融监督管理总局|湖南监管局."""
    starts: dict[int, int] = {}
    for s, e in found:
        starts[s] = max(e, starts.get(s, e))
    out = []
    for s, e in found:
        body = bodies.get(text[s:e])
        if body is None or body.level != "national" or e not in starts:
            continue
        if lexicon.place_trie().longest_at(text, e, starts[e]) > e:
            out.append((s, starts[e]))
    return out


_STATE_ENTERPRISE_BUREAU = re.compile(r"中[建铁交冶核电水航][一二三四五六七八九十]+局")
# After a party committee and 、: its place's government, congress or CPPCC written bare.
_SHARED_PLACE_BODY = re.compile(r"、(人民政府|政府|人大|政协)(?![\u4e00-\u9fff]?(?:工作|报告|办|网|采购|部门|机关))")


def _conjunction_before(text: str, s: int) -> bool:
    """和 at ``s`` joins two phrases (领导和县人大): the character before it ends a word, not a name."""
    return s > 0 and is_han(text[s - 1]) and text[s - 1] not in FUNCTION_CHARS and text.startswith("和县", s) and (
        text.startswith(("人大", "政协", "政府", "委"), s + 2)
    )


# --------------------------------------------------------------------------
# Parsing a name: its parts, for the attributes
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class GovParse:
    """A body's name split into its parts (see the module docstring)."""

    party: bool  # written with 中共
    national: bool  # written with 国家 (国家数据局)
    places: tuple[PlaceWord, ...]  # offsets relative to the prefix (``offset`` into the name)
    rest: str  # prefix text after the places: 省, 经开区, 东江, …
    domain: str  # expanded domains, joiners kept
    head: HeadInfo
    head_text: str
    offset: int  # where the prefix (and the places' offsets) starts in the name
    term: str = ""  # a congress's or CPPCC committee's term, written in full (第十八届)


_INNER_HEAD_KINDS = frozenset({"ministry", "bureau", "administration", "department", "commission", "government"})


def _head_candidates(text: str) -> list[tuple[HeadInfo, int]]:
    """Every head that may end ``text``, with where it starts, longest first."""
    table = heads()
    trie = _head_trie()
    out: list[tuple[HeadInfo, int]] = []
    for _, name in reversed(trie.ending_at(text, len(text))):
        info, hs = table[name], len(text) - len(name)
        if name in _OFFICE_HEADS:
            inner = trie.longest_ending_at(text, hs)
            if inner is not None and table[inner[1]].kind in _INNER_HEAD_KINDS and table[inner[1]].level_word is None:
                # 工信局办公室: a body's own office (政府办公室 is listed on its own).
                h = table[inner[1]]
                info = HeadInfo(h.head + name, h.full + _OFFICE_HEADS[name], None, False, h.levels, h.kind, h.after)
                hs = inner[0]
        # 招商一局, 第二局: an ordinal belongs to the head.
        k = hs
        while k > 0 and text[k - 1] in ORDINALS and info.level_word is None and not info.template:
            k -= 1
        if k < hs:
            info = HeadInfo(text[k:hs] + info.head, text[k:hs] + info.full, None, False, info.levels, info.kind, info.after)
            hs = k
        out.append((info, hs))
    return out


def _needs_domain(info: HeadInfo) -> bool:
    """Heads that never follow a place directly (工信**局**, 发改**委**)."""
    entry = lexicon.gov_heads().get(info.head.lstrip(ORDINALS))
    return entry is not None and entry.after in ("domain", "both")


def _place_ends_at(text: str, pos: int) -> bool:
    index = lexicon.place_index()
    return any(text[i:pos] in index for i in range(max(0, pos - MAX_PLACE), pos - 1))


def read_domains(text: str, pos: int) -> tuple[str, int]:
    """Domain forms ending at ``pos`` (right to left): expanded text and start.

    One-character forms (建, 外, 编 …) only count right before the head:
    elsewhere they are the end of a place (福建 + 证监局).
    """
    forms = lexicon.gov_domains()
    trie = _domain_trie()
    parts: list[str] = []
    start = pos
    while start > 0:
        hit = trie.longest_ending_at(text, start)
        form = hit[1] if hit is not None else None
        if form is not None and (len(form) > 1 or not parts):
            parts.append(forms[form])
            start -= len(form)
            continue
        if parts and text[start - 1] in _DOMAIN_JOINERS and start > 1:
            hit = trie.longest_ending_at(text, start - 1)
            if hit is not None and len(hit[1]) > 1:
                parts.append(text[start - 1])
                start -= 1
                continue
        break
    if parts and start > 0 and len(text[start:pos]) == 1 and _place_ends_at(text, pos):
        return "", pos  # 福建局? the one character belongs to the place
    return "".join(reversed(parts)), start


def written_level_word(head: str) -> int:
    """Length of the level word a head starts with: 市委 → 1, 自治区党委 → 3, 地委 → 1."""
    return next((len(w) for w in lexicon.place_words_of("level") + ("地",) if head.startswith(w)), 0)


def _only_places(prefix: str) -> bool:
    """The prefix is empty, places only, or a bare level word."""
    if _national(prefix):
        prefix = prefix[2:]
    prefix = _TERM_BEFORE.sub("", prefix).rstrip()
    if not prefix or prefix in lexicon.place_words_of("level"):
        return True
    chain = read_place_chain(prefix)
    return bool(chain) and chain[-1].end == len(prefix)


def _national(prefix: str) -> bool:
    """Does the prefix start with the country (国家, 中国; not 中国共产党, 中国人民…)?"""
    return prefix.startswith(NATIONAL_PREFIXES) and not prefix.startswith(("中国共产党", "中国人民"))


PARSE_CACHE_SIZE = 8192


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def parse_gov(text: str) -> GovParse | None:
    """Split a body's name (cleaned text) into its parts; ``None`` when no head ends it.

    Of the heads that end the name, the reading whose head and domains explain
    most of it wins (a head's level word counts as part of the place), then
    one whose prefix is only places (广州 + 政府, not 广 + 州政府), then the
    shorter head (应急管理 + 局, not 应急 + 管理局); heads that need a domain
    (局, 厅, 委) are read only with one (丽水市委 is 丽水 + 市委).
    """
    party = text.startswith(PARTY_PREFIX) and len(text) > len(PARTY_PREFIX) + 1
    body = text[len(PARTY_PREFIX):] if party else text
    candidates = _head_candidates(body)
    if not candidates:
        return None
    best = None
    for info, hs in candidates:
        domain, ds = read_domains(body, hs)
        if _needs_domain(info) and not domain:
            continue
        covered = len(body) - ds - (written_level_word(info.head) if info.level_word else 0)
        key = (covered, _only_places(body[:ds]), -len(info.head))
        if best is None or key > best[0]:
            best = (key, info, hs, domain, ds)
    if best is None:
        info, hs = candidates[0]
        domain, ds = read_domains(body, hs)
    else:
        _, info, hs, domain, ds = best
    prefix = body[:ds]
    term = ""
    if info.kind in _CONGRESS_KINDS:
        tm = _TERM_BEFORE.search(prefix)
        if tm is not None:  # 潍坊市第十八届|人民代表大会, 县十六届|人大
            term, prefix = full_term(tm.group().strip()), prefix[: tm.start()].rstrip()
    offset = len(PARTY_PREFIX) if party else 0
    national = _national(prefix)
    if national:
        offset += len(prefix) - len(prefix[2:])
        prefix = prefix[2:]
    chain = read_place_chain(prefix)
    if chain and chain[0].start != 0:
        chain = []
    chain = trim_chain(chain, prefix)
    rest = prefix[chain[-1].end:] if chain else prefix
    return GovParse(party, national, tuple(chain), rest, domain, info, body[hs:], offset, term)


lexicon.on_reload(parse_gov.cache_clear)


def warm_up() -> None:
    """Build the tables and patterns now (the factories call this at construction)."""
    head_regexes()
    heads()
    _head_trie()
    _domain_trie()
    _word_tries()
    _body_end_re()
    lexicon.place_trie()
    lexicon.place_reverse_trie()
    lexicon.places_by_name()
