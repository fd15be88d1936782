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
from .base import BOUNDARY_LOOKBEHIND, FUNCTION_CHARS, HAN, RuleRecognizer

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
    r"|(?:第[一二三四五六七八九十]+)?中级人民法院|高级人民法院|人民法院|法院|中院|人民银行|派出所|人民检察院|检察院|公安局|公安厅|海关|管委会|管理委员会|办事处)"
)
_ZONE_WORDS = (
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|汽开区|开发区|新片区|片区|新区|经济区"
    r"|自贸区|自由贸易试验区|保税区|综合保税区|产业园区|工业园区|园区|工业园|基地|示范区|试验区|合作区|新城)"
)
# A bare level character (省经信厅, 市政府) — but not the end of a word (城市, 社区, 乡镇).
_LEVEL_CHAR = "(?:自治区|(?<![城超股楼上都门节反地社园景片山街辖特新乡全各本该每两多诸])[省市县区州镇乡旗])"
_ORDINAL_HEAD_ONLY = re.compile(r"^[一二三四五六七八九十第]+局$")


@lru_cache(maxsize=1)
def _gov_regexes() -> tuple[re.Pattern[str], ...]:
    place = lexicon.trie_regex(lexicon.place_index().keys())
    domain = lexicon.trie_regex(lexicon.gov_domains().keys())
    bodies = lexicon.trie_regex(lexicon.gov_bodies().keys())
    # A short name may carry a level character of its own: 崇礼县 (now 崇礼区).
    place_chain = rf"(?:{place}){{1,3}}(?:[县区](?=[{HAN}]))?"
    dom_chain = rf"(?:{domain})(?:[和与、]?(?:{domain})){{0,3}}"
    # A free-form zone name holds no function word (在/和/的) and no organ head.
    free = f"(?:(?![{FUNCTION_CHARS}府局厅委部])[{HAN}])"
    zone = (
        rf"(?:(?:{place_chain}){free}{{0,8}}?{_ZONE_WORDS}"
        rf"|{BOUNDARY_LOOKBEHIND}{free}{{1,8}}?{_ZONE_WORDS})"
    )
    bare_level = _LEVEL_CHAR
    town = rf"(?:{place_chain})?(?:{BOUNDARY_LOOKBEHIND}|(?<=[县区市])){free}{{2,3}}?(?:镇|乡|街道|街)"
    prefix = rf"(?:中共)?(?:{zone}|(?:{place_chain})|国家|{bare_level})"
    return tuple(
        re.compile(p)
        for p in (
            # 广州市工业和信息化局 · 省经信厅 · 工信局 · 航天基地工信局 · 国家工信部
            rf"(?:{prefix})?{dom_chain}{_DOMAIN_HEADS}",
            # 广州市人民政府 · 丽水市委 · 市政府 · 镇党委 · 丽水经开区党工委
            rf"(?:{prefix}|{town}){_PLACE_HEADS}",
            # 丽水经开区 + 党工委 handled above; the bare heads on their own:
            r"(?:管委会|党工委|街道办事处)",
            # 长丰街道办
            rf"{town}办(?![公理法学事])",
            # 国务院 · 国务院办公厅 · 央行 (the longest listed name wins)
            rf"(?:{bodies})(?:办公厅|办公室)?",
        )
    )


@lru_cache(maxsize=1)
def _foreign_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + lexicon.trie_regex(lexicon.foreign_places()) + ")$")


# A body name directly followed by these is the start of an enterprise, bank or
# school name (招商局集团), or of 部门 (工信部门), not a body.
_ENTERPRISE_AFTER = re.compile(r"(?:集团|公司|银行|大学|学院|有限|股份|港口|码头|医院|门)")
# Generic mentions: 各市人民政府, 各设区市工业和信息化局, 有关部门 (no body is named).
_GENERIC_BEFORE = re.compile(rf"(?:各[{HAN}（）()]{{0,5}}|有关|相关|[全该本两多诸每])$")
_LEVEL_START = "省市县区州镇乡旗自"


@lru_cache(maxsize=1)
def _unprefixed_re() -> re.Pattern[str]:
    """A body with no place prefix: 中小企业局 (after 工信部 it is an internal unit)."""
    domain = lexicon.trie_regex(lexicon.gov_domains().keys())
    return re.compile(rf"(?:{domain})(?:[和与、]?(?:{domain})){{0,3}}{_DOMAIN_HEADS}")


@lru_cache(maxsize=1)
def _place_re() -> re.Pattern[str]:
    return re.compile(lexicon.trie_regex(lexicon.place_index().keys()))


_ZONE_RE = re.compile(_ZONE_WORDS)
_BODY_START = re.compile(r"中共|国家|自治区|[省市县区州镇乡旗]")


def _place_chain_start(text: str, s: int, e: int) -> int:
    """Move ``s`` right past places that do not contain the next one (会同|平房区)."""
    index = lexicon.place_index()
    chain: list[tuple[int, int]] = []
    i = s
    while i < e:
        best = None
        for j in range(min(e, i + 12), i + 1, -1):
            if text[i:j] in index:
                best = (i, j)
                break
        if best is None:
            break
        chain.append(best)
        i = best[1]
    for (a0, a1), (b0, b1) in zip(chain, chain[1:]):
        parents = index[text[a0:a1]]
        children = index[text[b0:b1]]
        contains = any(c.province in (p.name, p.province) or c.city == p.name for p in parents for c in children)
        # Only a county-level name is dropped: those are the ones ordinary words collide with.
        if not contains and all(p.level in ("county", "district") for p in parents):
            s = b0
    return s


def find_gov(text: str) -> list[tuple[int, int]]:
    """All GOV candidate spans ``(start, end)`` in ``text`` (may overlap)."""
    found: list[tuple[int, int]] = []
    foreign = _foreign_suffix_re()
    unprefixed = _unprefixed_re()
    for rx in _gov_regexes():
        for m in rx.finditer(text):
            s, e = m.span()
            s = _place_chain_start(text, s, e)
            p = _place_re().search(text, s, e)
            z = _ZONE_RE.search(text, s, e)
            if p is not None and p.start() > s and not _BODY_START.match(text, s) and z is not None and p.end() <= z.start():
                s = p.start()  # 要联合长沙经开区管委会: the name starts at its place
            surface = text[s:e]
            if _ORDINAL_HEAD_ONLY.match(surface):
                continue
            if _ENTERPRISE_AFTER.match(text, e):
                continue
            if surface[0] in "和与及并" and s > 0 and text[s - 1] in "府局厅委部办":
                s += 1  # 县政府和县商务局: 和 joins two bodies here, 和县 is not meant
                surface = text[s:e]
            if _GENERIC_BEFORE.search(text, max(0, s - 8), s) and (
                surface[0] in _LEVEL_START or unprefixed.fullmatch(surface)
            ):
                continue
            if foreign.search(text, max(0, s - 8), s):
                continue
            found.append((s, e))
    # A bare domain body right after another body is its internal unit (工信部中小企业局).
    ends = {e for _, e in found}
    return [(s, e) for s, e in found if not (s in ends and unprefixed.fullmatch(text, s, e))]


@Language.factory("cluster_ner_gov", default_config={})
def make_gov_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the GOV rule recognizer."""
    _gov_regexes()  # compile at construction, not on the first document
    return RuleRecognizer(name, LABEL, find_gov)
