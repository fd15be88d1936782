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
from spacy.tokens import Doc

from .. import lexicon
from .base import BOUNDARY_LOOKBEHIND, HAN, RuleComponent, add_candidates

LABEL = "GOV"

# Heads that end a body after functional domains (工信 + 局). The lookaheads
# keep ordinary words out: 部门, 局面, 委员 (a person), 办理.
_DOMAIN_HEADS = (
    r"(?:总局|委员会|办公室|办公厅|(?:[一二三四五六七八九十]|第[一二三四五六七八九十])局"
    r"|部(?![门分位件署])|厅|局(?![面势限部])|委(?!员(?!会))|办(?![理法学])|署(?![名理]))"
)
# Heads that attach to a place (or a bare level character) directly.
_PLACE_HEADS = (
    r"(?:人民政府(?:办公厅|办公室)?|政府(?:办公厅|办公室)?|[省市县区州盟旗]?委(?!员(?!会))|自治区党委|党委|党工委|工委"
    r"|人大常委会|人民代表大会常务委员会|人大|纪委监委|纪委|监委"
    r"|中级人民法院|高级人民法院|人民法院|法院|人民检察院|检察院|公安局|公安厅|管委会|管理委员会|办事处)"
)
_ZONE_WORDS = (
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区|自贸区|自由贸易试验区"
    r"|保税区|综合保税区|产业园区|工业园区|园区|工业园|基地|示范区|试验区|合作区)"
)
_LEVEL_CHAR = "[省市县区州镇乡旗]"
_ORDINAL_HEAD_ONLY = re.compile(r"^[一二三四五六七八九十第]+局$")


@lru_cache(maxsize=1)
def _gov_regexes() -> tuple[re.Pattern[str], ...]:
    place = lexicon.trie_regex(lexicon.place_index().keys())
    domain = lexicon.trie_regex(lexicon.gov_domains().keys())
    bodies = lexicon.trie_regex(lexicon.gov_bodies().keys())
    place_chain = rf"(?:{place}){{1,3}}"
    dom_chain = rf"(?:{domain})(?:[和与、]?(?:{domain})){{0,3}}"
    zone = (
        rf"(?:(?:{place_chain})[{HAN}]{{0,4}}?{_ZONE_WORDS}"
        rf"|{BOUNDARY_LOOKBEHIND}[{HAN}]{{1,5}}?{_ZONE_WORDS})"
    )
    bare_level = rf"(?:{BOUNDARY_LOOKBEHIND}|(?<=[委府局厅部]))(?:{_LEVEL_CHAR})"
    town = rf"(?:{place_chain})?(?:{BOUNDARY_LOOKBEHIND}|(?<=[县区市]))[{HAN}]{{2,3}}?(?:镇|乡|街道)"
    prefix = rf"(?:中共)?(?:{zone}|(?:{place_chain})|国家|{bare_level})"
    return tuple(
        re.compile(p)
        for p in (
            # 广州市工业和信息化局 · 省经信厅 · 工信局 · 航天基地工信局 · 国家工信部
            rf"(?:{prefix})?{dom_chain}{_DOMAIN_HEADS}",
            # 广州市人民政府 · 丽水市委 · 市政府 · 镇党委 · 丽水经开区党工委
            rf"(?:{prefix}|{town}){_PLACE_HEADS}",
            # 丽水经开区 + 党工委 handled above; the bare heads on their own:
            r"(?:管委会|党工委)",
            # 国务院 · 国务院办公厅 · 央行 (the longest listed name wins)
            rf"(?:{bodies})",
        )
    )


@lru_cache(maxsize=1)
def _foreign_suffix_re() -> re.Pattern[str]:
    return re.compile("(?:" + lexicon.trie_regex(lexicon.foreign_places()) + ")$")


# A body name directly followed by these is the start of an enterprise, bank or
# school name (招商局集团), not a body.
_ENTERPRISE_AFTER = re.compile(r"(?:集团|公司|银行|大学|学院|有限|股份|港口|码头|医院)")
# Generic mentions: 各市人民政府, 各级政府, 有关部门 (the body itself is unnamed).
_GENERIC_BEFORE = frozenset("各全该本两多诸每")


def find_gov(text: str) -> list[tuple[int, int]]:
    """All GOV candidate spans ``(start, end)`` in ``text`` (may overlap)."""
    found: list[tuple[int, int]] = []
    foreign = _foreign_suffix_re()
    for rx in _gov_regexes():
        for m in rx.finditer(text):
            s, e = m.span()
            surface = m.group()
            if _ORDINAL_HEAD_ONLY.match(surface):
                continue
            if _ENTERPRISE_AFTER.match(text, e):
                continue
            if s > 0 and text[s - 1] in _GENERIC_BEFORE and surface[0] in "省市县区州镇乡":
                continue
            if foreign.search(text, max(0, s - 8), s):
                continue
            found.append((s, e))
    return found


class GovRecognizer(RuleComponent):
    """Adds GOV candidates found by :func:`find_gov`."""

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, ((s, e, LABEL) for s, e in find_gov(doc.text)), "rules")
        return doc


@Language.factory("cluster_ner_gov", default_config={})
def make_gov_recognizer(nlp: Language, name: str) -> GovRecognizer:
    """spaCy factory of the GOV rule recognizer."""
    _gov_regexes()  # compile at construction, not on the first document
    return GovRecognizer(name)
