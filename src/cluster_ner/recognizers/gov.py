"""GOV: government and party bodies, from places, functional domains and organ heads.

A body name is built from general parts, never from a list of the names seen:

* an optional prefix — a chain of places (``广州市白云区``), ``国家``, a bare
  level character (``省``/``市``/``镇`` …, only after a boundary), or a zone
  (``丽水经开区``, ``航天基地``);
* then either functional domains + a domain head (``工业和信息化`` + ``局``,
  ``工信`` + ``部``, ``招商`` + ``一局``), or a head that attaches to a place
  directly (``人民政府``, ``市委``, ``管委会``, ``人民法院`` …);
* or a body named without a place (``国务院``, ``央行``), from ``gov_bodies.tsv``.

The span ends at the head: titles, internal units and meetings after it
(``处长``, ``党组``, ``常委会会议``) are outside.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from .. import lexicon
from .base import FUNCTION_CHARS, HAN, RuleRecognizer, is_han

LABEL = "GOV"

# Heads that end a body after functional domains (工信 + 局). The lookaheads
# keep ordinary words out: 部门, 局面, 委员 (a person), 办理.
_DOMAIN_HEADS = (
    r"(?:(?:总局|委员会|(?:[一二三四五六七八九十]|第[一二三四五六七八九十])局"
    r"|部(?![门分位件署])|厅|局(?![面势限部])|委(?!员(?!会))|署(?![名理]))(?:办公厅|办公室)?"
    r"|办公室|办公厅|办(?![理法学]))"
)
# Heads that attach to a place (or a bare level character) directly.
_PLACE_HEADS = (
    r"(?:(?:人民政府|政府)(?:新闻办公室|办公厅|办公室|办(?![理法学]))?|[省市县区州盟旗]?委(?!员(?!会))|自治区党委|党委|党工委|工委"
    r"|人大常委会|人民代表大会常务委员会|人大|纪委监委|纪委|监委"
    r"|(?:第[一二三四五六七八九十]+)?中级人民法院|高级人民法院|人民法院|法院|中院|人民银行|派出所|人民检察院|检察院"
    r"|公安局|公安厅|海关|管委会|管理委员会|办事处|办(?![公理法学事]))"
)
# Heads that are a body even with nothing before them (党工委书记、管委会主任).
_STANDALONE_HEADS = frozenset({"管委会", "党工委", "街道办事处"})
# The characters each kind of head starts with (see lexicon.skipping).
PLACE_HEAD_FIRST = "人政省市县区州盟旗委自党工纪监第中高法派检公海管办"
DOMAIN_HEAD_FIRST = "总委一二三四五六七八九十第部厅局署办"
_PLACE_HEAD_RE = re.compile(lexicon.skipping(PLACE_HEAD_FIRST, _PLACE_HEADS))
_DOMAIN_HEAD_RE = re.compile(lexicon.skipping(DOMAIN_HEAD_FIRST, _DOMAIN_HEADS))
_ZONE_WORDS = (
    "经济技术开发区 高新技术产业开发区 经济开发区 高新区 经开区 汽开区 开发区 新片区 片区 新区 经济区 "
    "自贸区 自由贸易试验区 保税区 综合保税区 产业园区 工业园区 园区 工业园 基地 示范区 试验区 合作区 新城"
).split()
_TOWN_WORDS = ("镇", "乡", "街道", "街")
_LEVEL_CHARS = "省市县区州镇乡旗"
# A bare level character (省经信厅, 市政府) is not the end of a word (城市, 社区, 乡镇, 各市).
_NOT_BEFORE_LEVEL = frozenset("城超股楼上都门节反地社园景片山街辖特新乡全各本该每两多诸")
_NOT_FREE = frozenset(FUNCTION_CHARS) | frozenset("府局厅委部")  # a free-form zone/town name holds none
_MAX_FREE_ZONE = 8
_ORDINAL_HEAD_ONLY = re.compile(r"^[一二三四五六七八九十第]+局$")
_CONNECTORS = "和与、"
_CORPS_DIVISION = re.compile(r"(?:兵团)?第[一二三四五六七八九十]{1,3}师$")


@lru_cache(maxsize=1)
def _tries() -> dict[str, lexicon.ReverseTrie]:
    return {
        "place": lexicon.ReverseTrie((w, "place") for w in lexicon.place_index()),
        "domain": lexicon.ReverseTrie((w, "domain") for w in lexicon.gov_domains()),
        "zone": lexicon.ReverseTrie((w, "zone") for w in _ZONE_WORDS),
        "town": lexicon.ReverseTrie((w, "town") for w in _TOWN_WORDS),
        "body": lexicon.ReverseTrie((w, "body") for w in lexicon.gov_bodies()),
    }


@lru_cache(maxsize=1)
def _body_end_re() -> re.Pattern[str]:
    """The last character of a body named without a place (院, 部, 行 …), after a
    character that comes last but one in such a name (all have two or more)."""
    bodies = lexicon.gov_bodies()
    last = re.escape("".join(sorted({b[-1] for b in bodies})))
    penultimate = re.escape("".join(sorted({b[-2] for b in bodies})))
    return re.compile(f"(?<=[{penultimate}])[{last}]")



def _boundary_before(text: str, i: int) -> bool:
    """A free-form name may start at ``i``: start of text, non-Han or a function word before it."""
    return i == 0 or not is_han(text[i - 1]) or text[i - 1] in FUNCTION_CHARS


def _place_chain(text: str, pos: int) -> int | None:
    """Start of up to three places ending at ``pos`` (陕西省西安市), or None.

    A place may carry a level character of its own: 崇礼县 (now 崇礼区).
    """
    places = _tries()["place"]
    start = None
    p = pos
    for _ in range(3):
        hit = places.longest_ending_at(text, p)
        if start is None and p > 1 and text[p - 1] in "县区":
            suffixed = places.longest_ending_at(text, p - 1)  # 崇礼|县, not 崇|礼县
            if suffixed is not None and (hit is None or suffixed[0] < hit[0]):
                hit = suffixed
        if hit is None:
            break
        start = p = hit[0]
    return start


def _bare_level(text: str, pos: int) -> int | None:
    """Start of a bare level prefix ending at ``pos``: 自治区, or 省/市/县 … not closing a word."""
    if text.endswith("自治区", 0, pos):
        return pos - 3
    if pos >= 1 and text[pos - 1] in _LEVEL_CHARS and not (pos >= 2 and text[pos - 2] in _NOT_BEFORE_LEVEL):
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
        chain = _place_chain(text, i)
        if chain is not None:
            return chain
        if k >= shortest and _boundary_before(text, i):
            best = i
    return best


def _prefix_start(text: str, pos: int) -> int:
    """Start of the optional prefix (zone, places, 国家, bare level, 中共) ending at ``pos``."""
    start = pos
    zone = _tries()["zone"].longest_ending_at(text, pos)
    if zone is not None:
        z = _free_name_start(text, zone[0], _MAX_FREE_ZONE, shortest=0)
        if z is not None:
            start = z
    if start == pos:
        chain = _place_chain(text, pos)
        corps = _CORPS_DIVISION.search(text, max(0, pos - 6), pos)
        if chain is not None:
            start = chain
        elif text.endswith("国家", 0, pos):
            start = pos - 2
        elif text.endswith("全国人大", 0, pos) or text.endswith("人大", 0, pos) and _place_chain(text, pos - 2) is not None:
            # committees of a people's congress: 全国人大财政经济委员会
            start = pos - 4 if text.endswith("全国人大", 0, pos) else _place_chain(text, pos - 2)
        elif corps is not None:
            start = corps.start()  # divisions of the Xinjiang corps: 第六师国土资源局
        else:
            bare = _bare_level(text, pos)
            if bare is not None:
                start = bare
    if start < pos and text.endswith("中共", 0, start):
        start -= 2
    return start


def _domain_chain_starts(text: str, pos: int) -> list[int]:
    """Starts of chains of 1–4 functional domains ending at ``pos`` (科技 工业 商务和信息化).

    A one-character domain (建 in 建委, 经 in 经委) only stands right before the head.
    """
    domains = _tries()["domain"]
    starts: list[int] = []
    p = pos
    for _ in range(4):
        hit = domains.longest_ending_at(text, p)
        if hit is None and starts and p > 0 and text[p - 1] in _CONNECTORS:
            hit = domains.longest_ending_at(text, p - 1)
        if hit is None or (starts and p - hit[0] == 1):
            break
        p = hit[0]
        starts.append(p)
    return starts


def _domain_chain_start(text: str, pos: int) -> int | None:
    starts = _domain_chain_starts(text, pos)
    return starts[-1] if starts else None


def _parse_domain_body(text: str, hs: int) -> int | None:
    """Start of ``prefix? domains`` before a domain head at ``hs`` (the longest reading)."""
    starts = [_prefix_start(text, d) for d in _domain_chain_starts(text, hs)]
    return min(starts) if starts else None


def _parse_place_body(text: str, hs: int, head: str) -> int | None:
    """Start of the prefix a place head at ``hs`` needs (town, zone, places, bare level)."""
    town = _tries()["town"].longest_ending_at(text, hs)
    if town is not None:
        t = town[0]
        chain = _place_chain(text, t)
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
    if head in _STANDALONE_HEADS:
        return hs
    if head[0] in _LEVEL_CHARS and head.endswith("委") and not (hs >= 1 and text[hs - 1] in _NOT_BEFORE_LEVEL):
        return hs  # 市委 on its own
    return None


def _candidates(text: str) -> list[tuple[int, int]]:
    """Raw ``(start, end)`` of every body the heads and the body list give."""
    found: list[tuple[int, int]] = []
    # 委 and 办 head both kinds of body (市委, 发改委): each kind is read on its own.
    for m in _PLACE_HEAD_RE.finditer(text):
        s = _parse_place_body(text, m.start(), m.group())
        if s is not None:
            found.append((s, m.end()))
    for m in _DOMAIN_HEAD_RE.finditer(text):
        s = _parse_domain_body(text, m.start())
        if s is not None:
            found.append((s, m.end()))
    bodies = _tries()["body"]
    for m in _body_end_re().finditer(text):
        hit = bodies.longest_ending_at(text, m.end())
        if hit is not None:
            e = m.end()
            for suffix in ("办公厅", "办公室"):
                if text.startswith(suffix, e):
                    e += len(suffix)
                    break
            found.append((hit[0], e))
    return found


@lru_cache(maxsize=1)
def _foreign_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + lexicon.trie_regex(lexicon.foreign_places()) + ")$")


# A body name directly followed by these is the start of an enterprise, bank or
# school name (招商局集团), or of 部门 (工信部门), not a body.
_ENTERPRISE_AFTER = re.compile(r"(?:集团|公司|银行|大学|学院|有限|股份|港口|码头|医院|门)")
# Generic mentions: 各市人民政府, 各设区市工业和信息化局, 有关部门 (no body is named).
_GENERIC_BEFORE = re.compile(rf"(?:各[{HAN}（）()]{{0,5}}|有关|相关|[全该本两多诸每])$")
_LEVEL_START = "省市县区州镇乡旗自"


def _unprefixed(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` is functional domains + a head, nothing before (中小企业局)."""
    m = _DOMAIN_HEAD_RE.search(text, s, e)
    while m is not None:
        if m.end() == e:
            return _domain_chain_start(text, m.start()) == s
        m = _DOMAIN_HEAD_RE.search(text, m.start() + 1, e)
    return False


def _place_chain_start(text: str, s: int, e: int) -> int:
    """Move ``s`` right past places that do not contain the next one (会同|平房区)."""
    index = lexicon.place_index()
    places = lexicon.place_trie()
    chain: list[tuple[int, int]] = []
    i = s
    while i < e:
        j = places.longest_at(text, i, min(e, i + 12))
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
    for s, e in _candidates(text):
        s = _place_chain_start(text, s, e)
        surface = text[s:e]
        if _ORDINAL_HEAD_ONLY.match(surface):
            continue
        if _ENTERPRISE_AFTER.match(text, e):
            continue
        if surface[0] in "和与及并" and s > 0 and text[s - 1] in "府局厅委部办":
            s += 1  # 县政府和县商务局: 和 joins two bodies here, 和县 is not meant
            surface = text[s:e]
        if _GENERIC_BEFORE.search(text, max(0, s - 8), s) and (surface[0] in _LEVEL_START or _unprefixed(text, s, e)):
            continue
        if foreign.search(text, max(0, s - 8), s):
            continue
        found.append((s, e))
    # A bare domain body right after another body is its internal unit (工信部中小企业局).
    ends = {e for _, e in found}
    return [(s, e) for s, e in found if not (s in ends and _unprefixed(text, s, e))]


@Language.factory("cluster_ner_gov", default_config={})
def make_gov_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the GOV rule recognizer."""
    _tries()  # build the lexicon tries at construction, not on the first document
    return RuleRecognizer(name, LABEL, find_gov)
