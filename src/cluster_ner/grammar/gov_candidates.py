"""Reading leftwards in running text: where a body's name starts (for :func:`.gov.find_gov`).

Each head the patterns of :func:`.gov_tables.head_regexes` find is read
leftwards: a head after a place takes the town, zone, places, bare level word
or term before it; a head after functional domains takes the domains, then the
same prefix. Bodies named without a place (国务院, 工信部), CPPCC committees
named in full and leading groups' offices after their topic
(安徽省制造强省建设领导小组办公室) are read too. :func:`_candidates` gives the
raw spans, overlapping; :func:`.gov.find_gov` trims and filters them.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..constants import FUNCTION_CHARS, HAN, is_han
from .gov_congress import _CONGRESS_KINDS, _STANDING_ALONE_AFTER, _STANDING_ALONE_BEFORE, _TERM_BEFORE, _congress_body, _congress_heads, _cppcc_full_names
from .gov_tables import _DOMAIN_JOINERS, NATIONAL_PREFIXES, PARTY_PREFIX, _bare_level_chars, _body_end_re, _domain_trie, _word_tries, head_regexes
from .places import place_chain_start, read_place_chain

_MAX_TOPIC = 24  # characters of a leading group's topic (制造强省建设 领导小组办公室)
# A bare level character (省经信厅, 市政府) is not the end of a word (城市, 社区, 乡镇, 各市).
_NOT_BEFORE_LEVEL = frozenset("城超股楼上都门节反地社园景片山街辖特新乡全各本该每两多诸列")
_NOT_FREE = frozenset(FUNCTION_CHARS) | frozenset("府局厅委部各")  # a free-form zone/town name holds none
_MAX_FREE_ZONE = 8
_CORPS_DIVISION = re.compile(r"(?:(?:新疆生产建设)?兵团)?第[一二三四五六七八九十]{1,3}师$|新疆生产建设兵团$")
_PLACEHOLDER_BEFORE = re.compile(r"(?<![A-Za-z])[X×Ｘ]{1,3}$")
# A time or linking word before a zone's name ends the sentence's adverbial, not a name part
# (今年以来|开发区党工委, 2022年|开发区管委会, 同时|经开区管委会).
_ADVERBIAL_BEFORE = re.compile(r"(?:以来|年来|今年|去年|前年|近年|目前|当前|此外|同时|其中|如今|[\dXx〇零一二三四五六七八九十]年)$")


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


def _inside_name(text: str, i: int) -> bool:
    """Is the body character at ``i`` part of a zone's or town's name, not a body's end
    (成都东部新区: a direction's 部; 四川天府新区: a 府 that ends no 政府; 循环经济产业区: 经济)?"""
    before = text[i - 1] if i > 0 else ""
    if text.startswith("经济", i):
        return True  # 循环经济产业区: 经 of 经济, no function word
    return text[i] == "部" and before in "东西南北中" or text[i] == "府" and before not in ("政", "")


def _free_name_start(text: str, pos: int, longest: int, shortest: int = 1) -> int | None:
    """Start of a free-form name of ``shortest``–``longest`` chars ending at ``pos``.

    Prefers a place within reach (the name then starts at the place chain), else
    the furthest start that follows a boundary.
    """
    best = None
    for k in range(0, longest + 1):
        i = pos - k
        if k and (i < 0 or not is_han(text[i]) or text[i] in _NOT_FREE and not _inside_name(text, i)):
            break
        if k < longest and _ADVERBIAL_BEFORE.search(text, max(0, i - 4), i):
            return i  # the name starts after the adverbial (an empty one: no free name)
        chain = place_chain_start(text, i)
        if chain is not None:
            return chain
        if k >= shortest and _boundary_before(text, i):
            best = i
    return best


def _town_start(text: str, pos: int) -> int | None:
    """Start of a town's name ending at ``pos`` (大朗|镇, a listed place before its own
    name: 进贤县|李渡镇), with whatever prefix precedes it; ``None`` when no town ends there."""
    town = _word_tries()["town"].longest_ending_at(text, pos)
    if town is None:
        return None
    t = town[0]
    chain = place_chain_start(text, t)
    if chain is not None and t - chain >= 0:
        return _prefix_start(text, t) if chain == t else chain
    for k in (2, 3):
        i = t - k
        if i >= 0 and all(is_han(c) and c not in _NOT_FREE for c in text[i:t]):
            if _boundary_before(text, i) or (i > 0 and text[i - 1] in "县区市"):
                return _prefix_start(text, i)
    return None


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
        corps = _CORPS_DIVISION.search(text, max(0, pos - 16), pos)
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
    town = _town_start(text, t)  # 大朗镇|第十八届人民代表大会
    start = town if town is not None else _prefix_start(text, t)
    if start == t and t > 0 and text[t - 1] in " \n":
        start = _prefix_start(text, t - 1)  # 县 第十五届人大, 坪山区⏎第二届人民代表大会: a space or a line break before the term
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
    town = _town_start(text, hs)
    if town is not None:
        return town
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


@lexicon.cached
def _topic_heads_re() -> re.Pattern[str]:
    """Heads read after a free-form topic (领导小组办公室): the ``topic`` rows of the table."""
    heads_ = [h for h, e in lexicon.gov_heads().items() if e.after == "topic"]
    return re.compile(lexicon.alternation(heads_)) if heads_ else re.compile(r"(?!x)x")


_TOPIC_CHARS = re.compile(rf"[{HAN}()（）]")


def _topic_bodies(text: str) -> list[tuple[int, int]]:
    """``安徽省|制造强省建设|领导小组办公室``: a place (or a bare level word at a
    boundary: 由|市|产业集群|领导小组办公室) + a topic + the head; the leftmost such place
    within reach starts it."""
    out = []
    levels = _bare_level_chars()
    for m in _topic_heads_re().finditer(text):
        hs = m.start()
        best = None
        i = hs - 2
        while i >= 0 and hs - i <= _MAX_TOPIC and _TOPIC_CHARS.match(text[i]) and text[i] not in "的了是在":
            chain = place_chain_start(text, i)
            if chain is None and text[i] in levels and _boundary_before(text, i):
                chain = i  # (a bare level word the body's place is read from, as 市政府's)
            if chain is not None and (_boundary_before(text, chain) or text.endswith(PARTY_PREFIX, 0, chain)):
                best = chain
            i -= 1
        if best is not None:
            if text.endswith(PARTY_PREFIX, 0, best):
                best -= 2
            out.append((best, m.end()))
    return out
