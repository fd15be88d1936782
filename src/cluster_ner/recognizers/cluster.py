"""CLUSTER: a named industrial cluster, found from its head backwards.

Every mention ends in a head (``集群``, optionally after ``产业``,
``特色产业``, ``先进制造业``, ``国家先进制造业``). From the head the
recognizer reads the name leftwards, one known word at a time — industry terms
(``智能装备``, ``交通``, ``铝材``), places (``西安市``, ``酒泉``) and regions
(``广深佛莞``, ``浙东``) — and stops at the first character that belongs to
none of them, so evaluative words (``打造``, ``世界级``) stay outside.

A name that is only generic (``先进制造业``, ``国家级``), a count of places
(``六市``) or nothing at all is not a cluster; a place alone is one only with a
plain or national head (``酒泉国家先进制造业集群``, ``酒泉集群``), not with
``特色产业集群`` (``山东省特色产业集群`` is a designation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from .. import lexicon
from .base import FUNCTION_CHARS, RuleRecognizer, is_han

LABEL = "CLUSTER"

HEAD_PATTERN = r"(?:国家级?)?(?:先进制造业|战略性新兴产业|战略性产业|特色产业|创新型产业|产业)?集群(?!化)"
HEAD_FIRST = "国先战特创产集"
_HEAD = re.compile(lexicon.skipping(HEAD_FIRST, HEAD_PATTERN))
# Words that never make a cluster specific on their own.
GENERIC_WORDS = frozenset(
    "先进制造业 制造业 先进制造 制造 先进 产业 工业 世界级 国家级 省级 市级 国际化 万亿级 千亿级 百亿级 "
    "战略 战略性 新兴 中小企业 县域 同类 特色 重点 优势 主导 大型 现代化 全国 全省 全市 我国 我省 我市 "
    "本地 当地 国内 国际 世界 国家 地方 区域".split()
)
_MAX_NAME = 24  # characters before the head
_MAX_UNKNOWN = 4
_PLACE, _REGION, _INDUSTRY = "place", "region", "industry"
_JOINERS_BETWEEN_INDUSTRIES = "与和及"
_JOINERS_BETWEEN_PLACES = "、"
_STOP_CHARS = frozenset(FUNCTION_CHARS) | frozenset("一二三四五六七八九十两百千万亿几多个")
# Words that make an unlisted stretch a phrase of the sentence, not an industry
# (龙口市推进集群, 酒泉创建国家级集群).
_NOT_INDUSTRY = re.compile(
    "推进|打造|发挥|促进|建设|培育|发展|加强|加快|推动|壮大|形成|构建|支持|引导|做强|做大|提升|聚焦|围绕|依托"
    "|带动|集聚|申报|认定|入选|创建|申创|组建|扩大|优化|完善|充分|大力|着力|积极|相关|有关|各类|其他|这些"
    "|指明|符合|成为|作为|属于|全球|全国|全省|国内|中小企业|首批|龙头|重点|企业|产品|技术"
    "|赋能|召开|联合|举办|举行|开展|参加|代表|介绍|部分|县域|地区|区域|本地|当地|我市|我省|我县|全市|全县|现有|已有|拥有"
)
_MAX_LEADING_PLACE = 3  # an unlisted place (town, zone) before the name: 白沟, 织里, 柴达木


@dataclass(frozen=True)
class _Word:
    kind: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _reverse_trie() -> lexicon.ReverseTrie:
    """Lexicon words tagged with their kind; the first tag given wins, so a
    region beats a place, and a place an identical industry word."""
    entries: list[tuple[str, str]] = [(w, _REGION) for w in lexicon.regions()]
    entries += [(w, _PLACE) for w in lexicon.place_index()]
    entries += [(w, _INDUSTRY) for w in lexicon.industry_terms() if w not in GENERIC_WORDS]
    return lexicon.ReverseTrie(entries)


def _word_ending_at(text: str, pos: int, floor: int) -> _Word | None:
    """Longest lexicon word ``text[s:pos]`` with ``s >= floor``."""
    hit = _reverse_trie().longest_ending_at(text, pos, floor)
    return None if hit is None else _Word(hit[1], hit[0], pos)


def _is_boundary(text: str, i: int) -> bool:
    """True when position ``i`` (the char before a name) cannot continue a name."""
    return i < 0 or not is_han(text[i]) or text[i] in FUNCTION_CHARS


def _unknown_ending_at(text: str, pos: int, floor: int, *, first: bool) -> _Word | None:
    """2–4 unlisted Han characters between a place and the rest of the name.

    An industry missing from the lexicon (曹县汉服特色产业集群) is still read
    when a place closes it on the left and it is not a phrase of the sentence.
    """
    for k in range(1, _MAX_UNKNOWN + 1):
        s = pos - k
        if s < floor or not is_han(text[s]) or text[s] in _STOP_CHARS:
            return None
        before = _word_ending_at(text, s, floor)
        if before is not None and (before.kind in (_PLACE, _REGION) or (first and k >= 2)):
            if _NOT_INDUSTRY.search(text, s, pos):
                return None
            return _Word("unknown", s, pos)
    return None


def _read_name(text: str, head_start: int) -> list[_Word]:
    """The words of the cluster name that ends at ``head_start``, leftmost first."""
    words: list[_Word] = []
    pos = head_start
    floor = max(0, head_start - _MAX_NAME)
    if pos > 0 and text[pos - 1] == "-":  # 湾区汽车-先进制造业集群
        pos -= 1
    while pos > floor:
        w = _word_ending_at(text, pos, floor)
        if w is not None:
            words.append(w)
            pos = w.start
            continue
        ch = text[pos - 1]
        if words and ch in ")）":  # 长三角（含江西）大飞机集群: a short aside inside the name
            open_at = max(text.rfind("(", floor, pos - 1), text.rfind("（", floor, pos - 1))
            if open_at >= 0 and pos - open_at <= 10 and _word_ending_at(text, open_at, floor) is not None:
                pos = open_at
                continue
        if words and (ch in _JOINERS_BETWEEN_INDUSTRIES or ch == "-"):
            left = _word_ending_at(text, pos - 1, floor)
            if left is not None and words[-1].kind in (_INDUSTRY, "unknown") and left.kind == _INDUSTRY:
                pos -= 1
                continue
        if words and ch in _JOINERS_BETWEEN_PLACES:
            left = _word_ending_at(text, pos - 1, floor)
            if left is not None and words[-1].kind in (_PLACE, _REGION) and left.kind in (_PLACE, _REGION):
                pos -= 1
                continue
        if not any(w.kind in (_PLACE, _REGION) for w in words):
            u = _unknown_ending_at(text, pos, floor, first=not words)
            if u is not None:
                words.append(u)
                pos = u.start
                continue
            lead = _leading_place(text, pos, floor)
            if lead is not None and words:
                words.append(lead)
                pos = lead.start
        break
    words.reverse()
    return words


def _leading_place(text: str, pos: int, floor: int) -> _Word | None:
    """2–3 unlisted Han characters after a boundary, taken as the place of the name.

    Towns and zones (织里, 白沟, 洋浦) are not in the place list; right after
    punctuation or a function word, the characters before a known industry
    are most often such a place.
    """
    for k in range(2, _MAX_LEADING_PLACE + 1):
        s = pos - k
        if s < floor:
            return None
        chunk = text[s:pos]
        if not all(map(is_han, chunk)) or any(c in _STOP_CHARS for c in chunk):
            return None
        if _is_boundary(text, s - 1):
            if _NOT_INDUSTRY.search(chunk) or chunk in GENERIC_WORDS or chunk.endswith("级"):
                return None
            return _Word(_PLACE, s, pos)
    return None


def find_clusters(text: str) -> list[tuple[int, int]]:
    """All CLUSTER candidate spans ``(start, end)`` in ``text``."""
    found: list[tuple[int, int]] = []
    for m in _HEAD.finditer(text):
        head = m.group()
        words = _read_name(text, m.start())
        if not words:
            continue
        kinds = {w.kind for w in words}
        if "unknown" in kinds and head.startswith("国家级"):
            continue
        if kinds <= {_PLACE, _REGION}:
            # A place alone names a cluster (酒泉集群) unless the head makes it a
            # designation (山东省特色产业集群) or the place is a whole province.
            if "特色产业" in head or head.startswith("国家级"):
                continue
            if _PLACE in kinds and _REGION not in kinds and _only_provinces(text, words):
                continue
        found.append((words[0].start, m.end()))
    return found


def _only_provinces(text: str, words: list[_Word]) -> bool:
    index = lexicon.place_index()
    for w in words:
        levels = {p.level for p in index.get(text[w.start:w.end], ())}
        if levels != {"province"}:
            return False
    return True


@Language.factory("cluster_ner_cluster", default_config={})
def make_cluster_recognizer(nlp: Language, name: str) -> RuleRecognizer:
    """spaCy factory of the CLUSTER rule recognizer."""
    _reverse_trie()
    return RuleRecognizer(name, LABEL, find_clusters)
