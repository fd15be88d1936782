"""METRIC: a stated quantity — qualifier + number + multiplier + unit + qualifier.

A number becomes a METRIC when something says it counts or measures: a unit or
measure word (``家``, ``亿元``, ``%``, ``平方公里`` from ``units.tsv``), a
multiplier (``3万亿``, ``超15万``), a fraction or share (``三分之一``,
``三成``, ``近一半``), or, for ranks (``第4``, ``50强``, ``前十``), a verb of
ranking before it (``位居全国``, ``位列``). Dates, durations, ordinals, codes
(``5G``, ``C919``) and set phrases (``一系列``, ``五大产业``) have none of
these, or are excluded by the checks in :func:`find_metrics`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .. import lexicon
from ..attributes.quantity import NUMBER, QUALIFIERS_AFTER, QUALIFIERS_BEFORE
from .base import RuleComponent, add_candidates

LABEL = "METRIC"

_MULTIPLIER_ONLY = re.compile(r"^[十拾百佰千仟万萬亿億]+$")
_ONE = re.compile(r"^[一壹]$")
# What may not follow a quantity: time words make it a date or a duration.
_TIME_AFTER = re.compile(r"(?:月|年(?!均)|天|日|号|小时|周(?!边)|星期|季度|工作日|世纪|岁|级|代|届|轮|期|版|后)")
_RANK_CONTEXT = re.compile(r"(?:居于?|位居|位列|排名|排在|排|名列|列|跻身|进入|入选|入围|位于|晋级|升至|跃居|稳居)[^，。；！？,;!?\n]{0,8}$")


@lru_cache(maxsize=1)
def _metric_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    unit = lexicon.trie_regex(lexicon.units())
    lead = lexicon.trie_regex(k for k in QUALIFIERS_BEFORE if k != "上") + "|上(?=[千万百])"
    trail = lexicon.trie_regex(QUALIFIERS_AFTER)
    main = re.compile(
        rf"(?P<lead>{lead})?(?P<num>{NUMBER})(?P<more>多|余)?(?P<mult>[万亿]+)?"
        rf"\s?(?P<unit>{unit})?(?P<trail>{trail})?"
    )
    share = re.compile(rf"(?:(?:{lead}))?(?:一半|过半|半数)")
    rank = re.compile(
        r"(?P<rank>(?:第|前)[0-9一二三四五六七八九十百两]+(?:位|名)?"
        r"|[0-9一二三四五六七八九十百千]+强"
        r"|[Tt][Oo][Pp]\s?[0-9]+)"
    )
    return main, share, rank


def _ok_main(text: str, m: re.Match[str]) -> bool:
    num, unit, mult = m.group("num"), m.group("unit"), m.group("mult")
    lead, more, trail = m.group("lead"), m.group("more"), m.group("trail")
    s, e = m.span()
    has_multiplier = bool(mult) or bool(re.search(r"[万亿萬億]", num))
    is_fraction = "分之" in num or "/" in num
    if not (unit or has_multiplier or is_fraction or "%" in num):
        return False
    if unit == "强":  # a rank: only after a verb of ranking (位列东部地区50强)
        return bool(_RANK_CONTEXT.search(text, max(0, s - 14), s))
    if _MULTIPLIER_ONLY.match(num) and not lead:  # 百场 in 十链百场万企; 上千家 is fine
        return False
    if _ONE.match(num) and not (lead or more or trail or mult):  # 又一场, 一个: not a stated quantity
        return False
    if s > 0 and text[s - 1] in "第图表附":  # ordinals and figure numbers
        return False
    if re.match(r"[A-Za-z0-9]", text[s - 1 : s] or " ") and num[0].isdigit():  # inside a code: C919, 100MN
        return False
    after = text[e : e + 1]
    if after and re.match(r"[A-Za-z0-9.]", after) and not (unit and not unit.isascii()):
        return False
    if _TIME_AFTER.match(text, e):
        return False
    return True


def find_metrics(text: str) -> list[tuple[int, int]]:
    """All METRIC candidate spans ``(start, end)`` in ``text``."""
    main, share, rank = _metric_regexes()
    found = [m.span() for m in main.finditer(text) if _ok_main(text, m)]
    found += [m.span() for m in share.finditer(text)]
    for m in rank.finditer(text):
        s, e = m.span()
        if m.group().lower().startswith("top") or _RANK_CONTEXT.search(text, max(0, s - 14), s):
            if not _TIME_AFTER.match(text, e):
                found.append((s, e))
    return found


class MetricRecognizer(RuleComponent):
    """Adds METRIC candidates found by :func:`find_metrics`."""

    def __call__(self, doc: Doc) -> Doc:
        add_candidates(doc, ((s, e, LABEL) for s, e in find_metrics(doc.text)), "rules")
        return doc


@Language.factory("cluster_ner_metric", default_config={})
def make_metric_recognizer(nlp: Language, name: str) -> MetricRecognizer:
    """spaCy factory of the METRIC rule recognizer."""
    _metric_regexes()
    return MetricRecognizer(name)
