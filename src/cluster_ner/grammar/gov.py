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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..constants import FUNCTION_CHARS, HAN, is_han
from .places import MAX_PLACE, PlaceWord, place_chain_start, read_place_chain, trim_chain

__all__ = ["CppccParse", "GovParse", "HeadInfo", "find_gov", "full_term", "heads", "parse_cppcc", "parse_gov", "plausible_gov_end"]

ORDINALS = "一二三四五六七八九十第"
PARTY_PREFIX = "中共"
NATIONAL_PREFIX = "国家"
# 国家发改委, 中国工业和信息化部: the country named before a national body.
NATIONAL_PREFIXES = (NATIONAL_PREFIX, "中国")
# The term of a congress or CPPCC committee, between its place and its head:
# 潍坊市第十八届人民代表大会, 县十六届人大, 十三届全国人大.
TERM = "第?[一二三四五六七八九十百]{1,4}届"
_TERM_BEFORE = re.compile(rf"{TERM}\s?\Z")  # 潮州市第十五届⏎人民代表大会: a line may break before the head
_CONGRESS_KINDS = frozenset({"congress", "congress_committee", "cppcc", "cppcc_committee", "standing_committee"})
# A standing committee named alone (常委会) is a body after 及其 (市人大及其常委会) or as the
# author of a work report (讨论常委会工作报告); 市委常委会 is the party committee's meeting.
_STANDING_ALONE_BEFORE = ("及其",)
_STANDING_ALONE_AFTER = ("工作报告",)
_MAX_TOPIC = 24  # characters of a leading group's topic (制造强省建设 领导小组办公室)
_DOMAIN_JOINERS = "和与、"
# Offices a body's name may end with after its own head (工信局办公室): the table's
# office heads, written out in full.
_OFFICE_HEADS = {"办公室": "办公室", "办公厅": "办公厅", "办": "办公室"}
_INNER_HEAD_KINDS = frozenset({"ministry", "bureau", "administration", "department", "commission", "government"})
# A bare level character (省经信厅, 市政府) is not the end of a word (城市, 社区, 乡镇, 各市).
_NOT_BEFORE_LEVEL = frozenset("城超股楼上都门节反地社园景片山街辖特新乡全各本该每两多诸")
_NOT_FREE = frozenset(FUNCTION_CHARS) | frozenset("府局厅委部各")  # a free-form zone/town name holds none
_MAX_FREE_ZONE = 8
_CORPS_DIVISION = re.compile(r"(?:兵团)?第[一二三四五六七八九十]{1,3}师$")


# --------------------------------------------------------------------------
# Tables derived from the resources
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# Reading leftwards in running text: where a body's name starts
# --------------------------------------------------------------------------


def _boundary_before(text: str, i: int) -> bool:
    """A free-form name may start at ``i``: start of text, non-Han or a function word before it."""
    return i == 0 or not is_han(text[i - 1]) or text[i - 1] in FUNCTION_CHARS


def _bare_level(text: str, pos: int) -> int | None:
    """Start of a bare level prefix ending at ``pos``: 自治区, or 省/市/县 … not closing a word."""
    if text.endswith("自治区", 0, pos):
        return pos - 3
    if pos >= 1 and text[pos - 1] in _bare_level_chars() and not (pos >= 2 and text[pos - 2] in _NOT_BEFORE_LEVEL):
        return pos - 1
    return None


def _free_name_start(text: str, pos: int, longest: int, shortest: int = 1) -> int | None:
    """Start of a free-form name of ``shortest``–``longest`` chars ending at ``pos``.

    Prefers a place within reach (the name then starts at the place chain), else
    the furthest start that follows a boundary.
    """
    best = None
    for k in range(0, longest + 1):
        i = pos - k
        if k and (i < 0 or not is_han(text[i]) or text[i] in _NOT_FREE):
            break
        chain = place_chain_start(text, i)
        if chain is not None:
            return chain
        if k >= shortest and _boundary_before(text, i):
            best = i
    return best


def _prefix_start(text: str, pos: int) -> int:
    """Start of the optional prefix (zone, places, 国家, bare level, 中共) ending at ``pos``."""
    start = pos
    zone = _word_tries()["zone"].longest_ending_at(text, pos)
    if zone is not None:
        z = _free_name_start(text, zone[0], _MAX_FREE_ZONE, shortest=0)
        if z is not None:
            start = z
    if start == pos:
        chain = place_chain_start(text, pos)
        corps = _CORPS_DIVISION.search(text, max(0, pos - 6), pos)
        if chain is not None:
            start = chain
        elif text.endswith(NATIONAL_PREFIXES, 0, pos):
            start = pos - 2
        elif text.endswith("全国人大", 0, pos) or text.endswith("人大", 0, pos) and place_chain_start(text, pos - 2) is not None:
            # committees of a people's congress: 全国人大财政经济委员会
            start = pos - 4 if text.endswith("全国人大", 0, pos) else place_chain_start(text, pos - 2)
        elif corps is not None:
            start = corps.start()  # divisions of the Xinjiang corps: 第六师国土资源局
        else:
            bare = _bare_level(text, pos)
            if bare is not None:
                start = bare
                if bare > 0 and text[bare - 1] in "X×Ｘ":
                    placeholder = _PLACEHOLDER_BEFORE.search(text, max(0, bare - 3), bare)
                    if placeholder is not None:  # XX县政府: a template's blank for the place
                        return placeholder.start()
                # 酒泉市|市委: a place written in full before the level word is the body's place
                # (会同|省政府 is not: a short name does not end like a level word)
                before = lexicon.place_reverse_trie().longest_ending_at(text, bare)
                if before is not None and text[before[0] : bare] in lexicon.places_by_name():
                    start = place_chain_start(text, bare) or before[0]
    if start < pos and text.endswith(PARTY_PREFIX, 0, start):
        start -= 2
    return start


_PLACEHOLDER_BEFORE = re.compile(r"(?<![A-Za-z])[X×Ｘ]{1,3}$")


def _domain_chain_starts(text: str, pos: int) -> list[int]:
    """Starts of chains of 1–4 functional domains ending at ``pos`` (科技 工业 商务和信息化).

    A one-character domain (建 in 建委, 经 in 经委) only stands right before the head.
    """
    domains = _domain_trie()
    starts: list[int] = []
    p = pos
    for _ in range(4):
        hit = domains.longest_ending_at(text, p)
        if hit is None and starts and p > 0 and text[p - 1] in _DOMAIN_JOINERS:
            hit = domains.longest_ending_at(text, p - 1)
        if hit is None or (starts and p - hit[0] == 1):
            break
        p = hit[0]
        starts.append(p)
    return starts


def _domain_body_start(text: str, hs: int) -> int | None:
    """Start of ``prefix? domains`` before a domain head at ``hs`` (the longest reading).

    A one-character domain alone before 部 is a word, not a ministry (外部, 内部).
    """
    starts = [_prefix_start(text, d) for d in _domain_chain_starts(text, hs)]
    if not starts:
        return None
    start = min(starts)
    if start == hs - 1 and text.startswith("部", hs) and not text.startswith("部", hs + 1):
        return None
    return start


def _term_body_start(text: str, hs: int) -> int | None:
    """Start of a congress or CPPCC committee written with its term before the head.

    ``潍坊市第十八届|人民代表大会``, ``县十六届|人大``: the place (or a bare level
    word) before the term starts the name; ``第十七届人民代表大会`` stands alone.
    """
    m = _TERM_BEFORE.search(text, max(0, hs - 8), hs)
    if m is None:
        return None
    t = m.start()
    start = _prefix_start(text, t)
    if start == t and t > 0 and text[t - 1] == " ":
        start = _prefix_start(text, t - 1)  # 县 第十五届人大: a space before the term
        if start == t - 1:
            start = t
    if start < t:
        return start
    for head in _congress_heads():  # 省政协十二届常委会: the term after its body, before a committee
        if text.endswith(head, 0, t):
            body = _place_body_start(text, t - len(head), head)
            if body is not None:
                return body
    return t if m.group().startswith("第") else None


def _place_body_start(text: str, hs: int, head: str) -> int | None:
    """Start of the prefix a place head at ``hs`` needs (town, zone, places, bare level)."""
    entry = lexicon.gov_heads().get(head)
    if entry is not None and entry.kind in _CONGRESS_KINDS and hs > 0 and text[hs - 1] in "届\n ":
        term = _term_body_start(text, hs)
        if term is not None:
            return term
    if entry is not None and entry.kind == "standing_committee":
        if text.endswith(_STANDING_ALONE_BEFORE, 0, hs) or text.startswith(_STANDING_ALONE_AFTER, hs + len(head)):
            return hs
        return None
    town = _word_tries()["town"].longest_ending_at(text, hs)
    if town is not None:
        t = town[0]
        chain = place_chain_start(text, t)
        if chain is not None and t - chain >= 0:
            return _prefix_start(text, t) if chain == t else chain
        for k in (2, 3):
            i = t - k
            if i >= 0 and all(is_han(c) and c not in _NOT_FREE for c in text[i:t]):
                if _boundary_before(text, i) or (i > 0 and text[i - 1] in "县区市"):
                    return _prefix_start(text, i)
    start = _prefix_start(text, hs)
    if start < hs:
        return start
    if entry is not None and entry.alone:
        return hs
    if head[0] in _bare_level_chars() and head.endswith("委") and not (hs >= 1 and text[hs - 1] in _NOT_BEFORE_LEVEL):
        return hs  # 市委 on its own
    return None


def _candidates(text: str) -> list[tuple[int, int]]:
    """Raw ``(start, end)`` of every body the heads and the body list give."""
    place_heads, domain_heads = head_regexes()
    found: list[tuple[int, int]] = []
    # 委 and 办 head both kinds of body (市委, 发改委): each kind is read on its own.
    for m in place_heads.finditer(text):
        s = _place_body_start(text, m.start(), m.group(1))
        if s is not None:
            found.append((s, m.end(1)))
    for m in domain_heads.finditer(text):
        s = _domain_body_start(text, m.start())
        if s is not None:
            found.append((s, m.end(1)))
    bodies = _word_tries()["body"]
    branches = "行" in text or "营业管理部" in text
    for m in _body_end_re().finditer(text):
        hit = bodies.longest_ending_at(text, m.end())
        if hit is not None:
            e = m.end()
            for suffix in ("办公厅", "办公室"):
                if text.startswith(suffix, e):
                    e += len(suffix)
                    break
            s = hit[0]
            branch = _BRANCH_AFTER.match(text, e) if branches else None
            if branch is not None and _place_chain_covers(branch.group(1)):
                e = branch.end()  # 中国人民银行广州分行: a national body's branch in a place
            if text.endswith(NATIONAL_PREFIXES, 0, s) and not text.startswith(NATIONAL_PREFIXES, s):
                s -= 2  # 中国工信部, 国家工业和信息化部
            elif _congress_body(text[hit[0] : m.end()]):
                term = _TERM_BEFORE.search(text, max(0, s - 8), s)
                if term is not None:
                    s = term.start()  # 十三届全国人大
            found.append((s, e))
    found += _cppcc_full_names(text)
    found += _topic_bodies(text)
    return found


# A national body's branch named after it: 中国人民银行广州分行, 人民银行西安中心支行.
_BRANCH_AFTER = re.compile(rf"([{HAN}]{{2,8}}?)(?:分行|中心支行|营业管理部)")


def _place_chain_covers(name: str) -> bool:
    chain = read_place_chain(name)
    return bool(chain) and chain[-1].end == len(name)


def _congress_body(name: str) -> bool:
    """A body of the list that is a congress or CPPCC committee (全国人大, 全国政协)."""
    return name.endswith(_congress_heads())


@lexicon.cached
def _congress_heads() -> tuple[str, ...]:
    return tuple(h for h, e in lexicon.gov_heads().items() if e.kind in _CONGRESS_KINDS)


@lexicon.cached
def _cppcc_re() -> re.Pattern[str]:
    """A CPPCC committee named in full: 政协常州市第十五届委员会(常务委员会),
    中国人民政治协商会议第十二届全国委员会; its words come from the 政协 row of the head table."""
    entry = lexicon.gov_heads()["政协"]
    before, after = entry.full.split("{place}", 1)  # 中国人民政治协商会议, 委员会
    return re.compile(
        f"(?P<lead>{re.escape(before)}|{re.escape(entry.head)})(?=[{HAN}])(?P<term0>{TERM})?"
        f"(?P<rest>[{HAN}]{{0,16}}?)(?P<term>{TERM})?(?P<national>全国)?{re.escape(after)}(?:常务委员会)?"
    )


def _cppcc_full_names(text: str) -> list[tuple[int, int]]:
    """CPPCC committees named in full, with a place, a term or 全国 (a bare 政协委员会 is none)."""
    if "政协" not in text and "政治协商会议" not in text:
        return []
    out = []
    for m in _cppcc_re().finditer(text):
        rest = m.group("rest")
        if rest:
            chain = read_place_chain(rest)
            if not chain or chain[-1].end != len(rest):
                continue
        elif not (m.group("term") or m.group("term0") or m.group("national")):
            continue
        out.append(m.span())
    return out


@lexicon.cached
def _topic_heads_re() -> re.Pattern[str]:
    """Heads read after a free-form topic (领导小组办公室): the ``topic`` rows of the table."""
    heads_ = [h for h, e in lexicon.gov_heads().items() if e.after == "topic"]
    return re.compile(lexicon.alternation(heads_)) if heads_ else re.compile(r"(?!x)x")


_TOPIC_CHARS = re.compile(rf"[{HAN}()（）]")


def _topic_bodies(text: str) -> list[tuple[int, int]]:
    """``安徽省|制造强省建设|领导小组办公室``: a place (or a bare level word at a
    boundary) + a topic + the head; the leftmost such place within reach starts it."""
    out = []
    for m in _topic_heads_re().finditer(text):
        hs = m.start()
        best = None
        i = hs - 2
        while i > 0 and hs - i <= _MAX_TOPIC and _TOPIC_CHARS.match(text[i]) and text[i] not in "的了是在":
            chain = place_chain_start(text, i)
            if chain is not None and (_boundary_before(text, chain) or text.endswith(PARTY_PREFIX, 0, chain)):
                best = chain
            i -= 1
        if best is not None:
            if text.endswith(PARTY_PREFIX, 0, best):
                best -= 2
            out.append((best, m.end()))
    return out


@lexicon.cached
def _foreign_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + lexicon.trie_regex(lexicon.foreign_places()) + ")$")


# A body name directly followed by these is the start of an enterprise, bank or
# school name (招商局集团), of 部门 (工信部门), of a portal's name (市人民政府门户网站)
# or of a model's (“管委会+公司”), not a body.
_ENTERPRISE_AFTER = re.compile(r"(?:集团|公司|银行|大学|学院|有限|股份|港口|码头|医院|门|[+＋])")
# Generic mentions: 各市人民政府, 各设区市工业和信息化局, 有关部门 (no body is named).
_GENERIC_BEFORE = re.compile(rf"(?:各[{HAN}（）()]{{0,5}}|有关|相关|[全该本两多诸每]|(?<![{HAN}])[市区县])$")
# An addressee line: 各 governs every item of its list up to the next comma or colon
# (各省、自治区、直辖市发展改革委、经委（经信委、工信厅）、中小企业局：).
_ADDRESSEE_SCOPE = re.compile(r"各[^，,：:；;。！？\n]{0,60}$")
_ASIDE = re.compile(r"[（(][^（）()\n]{0,20}[）)]")
_OPEN_ASIDE = re.compile(r"[（(][^（）()]*$")  # the body itself inside brackets: 经委（经信委
_ORDINAL_HEAD_ONLY = re.compile(rf"^[{ORDINALS}]+局$")


@lexicon.cached
def _level_start_chars() -> str:
    return "".join(sorted({w.word[0] for w in lexicon.place_words() if w.kind == "level" and w.bare}))


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
        if _ENTERPRISE_AFTER.match(text, e):
            continue
        if surface[0] in "和与及并" and s > 0 and (text[s - 1] in "府局厅委部办" or _conjunction_before(text, s)):
            s += 1  # 县政府和县商务局, 领导和县人大: 和 joins two here, 和县 is not meant
            surface = text[s:e]
        if (_GENERIC_BEFORE.search(text, max(0, s - 8), s) or (addressee and _addressee_item(text, s))) and (
            surface[0] in level_start or surface in bodies or _unprefixed(text, s, e)
        ):
            continue  # generic: 各市人民政府, 有关部门, an item of an addressee line
        if foreign.search(text, max(0, s - 8), s):
            continue
        found.append((s, e))
    # A bare domain body right after another body is its internal unit (工信部中小企业局),
    # also in brackets after a ministry (工业和信息化部（中小企业局）); after a bureau a
    # body in brackets is its other name (招商一局（工业和信息化局）).
    ends = {e for _, e in found}
    return [
        (s, e)
        for s, e in found
        if not ((s in ends or (s - 1 in ends and text[s - 1] in "（(" and text[s - 2] == "部")) and _unprefixed(text, s, e))
    ]


def _conjunction_before(text: str, s: int) -> bool:
    """和 at ``s`` joins two phrases (领导和县人大): the character before it ends a word, not a name."""
    return s > 0 and is_han(text[s - 1]) and text[s - 1] not in FUNCTION_CHARS and text.startswith("和县", s) and (
        text.startswith(("人大", "政协", "政府", "委"), s + 2)
    )


@lexicon.cached
def _addressee_words() -> frozenset[str]:
    """What an addressee list under 各 holds besides bodies: level words and groups of places."""
    return frozenset(lexicon.place_words_of("level")) | frozenset(lexicon.place_words_of("addressee"))


def _addressee_item(text: str, s: int) -> bool:
    """Is the body at ``s`` an item of a list governed by 各 (an addressee line)?

    The stretch from 各 to ``s``, asides in brackets removed, must be items joined
    by 、/及/和: level words, groups of places (直辖市, 计划单列市), places, or
    bodies (generic too: 发展改革委、经委、中小企业局).
    """
    if text.rfind("各", max(0, s - 61), s) < 0:
        return False
    m = _ADDRESSEE_SCOPE.search(text, max(0, s - 61), s)
    if m is None:
        return False
    stretch = _OPEN_ASIDE.sub("", _ASIDE.sub("", text[m.start() + 1 : s]))
    if not stretch:
        return True
    words = _addressee_words()
    for item in re.split("[、及和与]", stretch):
        if not item:
            continue
        if item in words or all(c in words for c in item) or plausible_gov_end(item):
            continue
        chain = read_place_chain(item)
        if chain and chain[-1].end == len(item):
            continue
        return False
    return True


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


def full_term(term: str) -> str:
    """A term as an official name writes it: 十八届 → 第十八届."""
    term = term.strip()
    return term if not term or term.startswith("第") else "第" + term


@dataclass(frozen=True)
class CppccParse:
    """A CPPCC committee named in full (政协常州市第十五届委员会常务委员会)."""

    places: tuple[PlaceWord, ...]
    term: str  # 第十五届, or ""
    national: bool  # 全国委员会
    standing: bool  # its standing committee


def parse_cppcc(text: str) -> CppccParse | None:
    """Split a CPPCC committee's full name, or ``None`` when ``text`` is none."""
    m = _cppcc_re().fullmatch(text)
    if m is None:
        return None
    rest = m.group("rest")
    chain = tuple(read_place_chain(rest)) if rest else ()
    if rest and (not chain or chain[-1].end != len(rest)):
        return None
    term = m.group("term") or m.group("term0") or ""
    return CppccParse(chain, full_term(term), bool(m.group("national")), text.endswith("常务委员会"))


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
