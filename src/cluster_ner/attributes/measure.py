"""METRIC ``measure``: the thing measured or the indicator, when the sentence states it.

Two places are looked at, in this order:

1. **after** the quantity, skipping one ``的``: the noun phrase up to
   punctuation, a number, ``的`` or a verb (超400家 **企业**落户 → 企业;
   40%以上的 **产能** → 产能; 3万亿 **投资基金** → 投资基金);
2. **before** it, back to punctuation, the previous entity or the start of
   the sentence: the indicator phrase, without the linking verb that joins
   it to the number (**产值**达到500亿元 → 产值; **规划面积**约90平方公里 →
   规划面积; **GDP年均增长**11.4% → GDP: what grew, the growth words dropped). Dates, scope words (全市,
   今年) and a leading place are dropped, and the phrase must end like an
   indicator (产值, 面积, 增长, …额/…量/…率/…值/…数), else nothing is said.

Everything is conservative: ``None`` when neither side gives a clean phrase.
All patterns are compiled once, at import; place names come from the
lexicon's place trie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import lexicon, text_tables
from ..constants import HAN as _HAN
from ..constants import NUMBER_LIST_JOINER_RE
from ..grammar.metric import unit_entry

__all__ = ["elided_indicator", "fallback_measure", "find_measure", "infer_kind", "listed_measure"]

_MAX_AFTER = 10
_MAX_CLUSTER_PHRASE = 18  # a count of clusters: 9个|国家级中小企业特色产业集群
_SET_ENTRY_RE = re.compile("入选|入围|认定|遴选|评为|列入|纳入|获评|获批|上榜|分|召开|举办|近日")
_MAX_BEFORE = 24

_WORDS = lexicon.measure_words()  # read once, at import: this module runs on every METRIC
_AFTER_STOP_RE = re.compile(lexicon.alternation(_WORDS["after_stop"]))
_AFTER_WORD_RE = re.compile(rf"[{_HAN}A-Za-z]+")
_HAN_CHAR_RE = re.compile(rf"[{_HAN}]")
_AFTER_LEAD_RE = re.compile(r"^(?:相关|各类|各种|各项|其他|主要|重点)(?=[\u4e00-\u9fff]{2})")
_AFTER_FIRST_SKIP = re.compile(r"的")

_SPLIT_RE = re.compile(lexicon.alternation(_WORDS["splitter"]))
_NUM_WORD = "[一二三四五六七八九十两几多]+"
_LEAD_RE = re.compile(
    rf"^(?:[一二三四五六七八九十]是|近{_NUM_WORD}年(?:来)?|{_NUM_WORD}年来|过去{_NUM_WORD}年|近年来|多年来|部分"
    r"|今年|去年|明年|全年|当年|上半年|下半年|前三季度|一季度|二季度|三季度|四季度|目前|当前|截至目前|截至|截止|到|至|其中"
    r"|全市|全省|全国|全区|全县|全镇|我市|我省|我国|我区|我县|该市|该省|该区|该县|全球|累计|共|同期|期间|以来|各类|各种|各项|相关|现有|已有|如今|现在|此外|同时|另外|近日|但|而|且"
    r"|比上年末|较上年末|比年初|较年初|比去年同期|较去年同期|比上年|较上年|比去年|较去年|同比|环比"
    r"|该集群|全市集群|集群内|集群|该公司|公司|该企业|园区内|园区|该园区|区内|了|力争|确保|争取|预计|计划|将)+"
)
_INDICATOR_ENDS = frozenset(_WORDS["indicator"]) | frozenset("值额量数率积")
_GENERIC = frozenset(_WORDS["generic"])  # never the measure on its own
# The phrase right before a quantity: the Han/Latin run ending there, and the
# character before it (the boundary), if any within reach.
_LAST_RUN_RE = re.compile(rf"(?:[^{_HAN}A-Za-z]|^)([{_HAN}A-Za-z]*)$")
_MONEY_RE = re.compile(
    "投资|基金|资金|产值|营收|收入|销售额|利润|税收|GDP|生产总值|增加值|金额|总额|融资|资产|贷款|出口额|进出口额|交易额|成交额|"
    "补贴|奖励|预算|支出|市值|估值|营业额"
)


# What a number before 的 describes rather than measures (its subject: context.subjects).
_DESCRIBED_RE = re.compile(r"(?:基金|工厂|项目|平台|产业园|基地)$")
_COUNT_RE = re.compile(r"(?:人数|数量|家数|个数|总数|户数|次数|人次|企业|项目|人员|人才|人口|职工|员工)$")



def _after(text: str, end: int, ceil: int, count: bool = False) -> str | None:
    i = end
    if _AFTER_FIRST_SKIP.match(text, i):
        i += 1
    if text.startswith("国家和地区", i):  # 出口到70多个国家和地区: 和 joins one measure
        return "国家和地区"
    if count:  # 25个先进制造业集群|主导产业产值…: a count of clusters counts them
        m = _AFTER_WORD_RE.match(text, i, min(ceil, i + _MAX_CLUSTER_PHRASE + 1))
        head = m.group().find("集群") if m is not None else -1
        # (beyond the usual reach, 入选…集群 is where a set went, not what a count counts)
        if head > 0 and (head + 2 <= _MAX_AFTER + 1 or not _SET_ENTRY_RE.search(m.group(), 0, head)):
            return m.group()[: head + 2]  # type: ignore[union-attr]
    m = _AFTER_WORD_RE.match(text, i, min(ceil, i + _MAX_AFTER + 1))
    if m is None:
        return None
    word = m.group()
    stop = _AFTER_STOP_RE.search(word, 1)  # a phrase may start with 中 (中小企业)
    if stop is not None:
        word = word[: stop.start()]
    elif m.end() - i > _MAX_AFTER:
        return None  # no clear end within reach
    elif m.end() < len(text) and m.end() < ceil and _HAN_CHAR_RE.match(text, m.end()):
        return None
    word = _AFTER_LEAD_RE.sub("", word)
    if len(word) > 3 and word.endswith("中") and stop is None:
        word = word[:-1]  # 45个国家先进制造业集群中，…: among them
    if _AFTER_STOP_RE.match(word) or len(word) < 2 or word in _GENERIC:
        return None
    if i > end and _DESCRIBED_RE.search(word):
        return None  # 规模50亿元的产业基金: the fund is described, its 规模 is the measure
    return word


class _Suffixes:
    """A word list to test and strip at the end of a short phrase.

    One regex anchored at the end and searched only over the last
    ``longest`` positions: its leftmost match is the longest word the phrase
    ends with (an end-anchored search over the whole phrase would try every
    position).
    """

    def __init__(self, words: Iterable[str]) -> None:
        words = sorted(set(words), key=len, reverse=True)
        self.longest = len(words[0])
        self._re = re.compile("(?:" + "|".join(map(re.escape, words)) + r")\Z")

    def find(self, phrase: str) -> re.Match[str] | None:
        return self._re.search(phrase, max(0, len(phrase) - self.longest))

    def strip(self, phrase: str) -> str:
        m = self.find(phrase)
        return phrase[: m.start()] if m is not None else phrase


_LINK_ENDS = _Suffixes(_WORDS["link"])
_SCOPE_ENDS = _Suffixes(_WORDS["scope_tail"])
_INDICATOR_END = _Suffixes(_INDICATOR_ENDS)


def _ends_like_indicator(phrase: str) -> bool:
    return _INDICATOR_END.find(phrase) is not None


_CATEGORY_ENDS = ("企业", "业", "板块", "领域")  # a category (制造业, 股份制企业), not an indicator, before a growth rate


def elided_indicator(text: str, start: int, measure: str, previous: tuple[int, str | None]) -> str:
    """A category whose indicator the clause before names (国有控股企业增加值增长5.2%，
    股份制企业增长8.4% → 股份制企业增加值): ``measure`` with that indicator, else as is."""
    prev_end, prev_measure = previous
    if (
        not prev_measure
        or not measure.endswith(_CATEGORY_ENDS)
        or not 0 <= start - prev_end <= 24
        or _SENTENCE_BREAK.search(text, prev_end, start)
    ):
        return measure
    m = _INDICATOR_END.find(prev_measure)
    if m is None or m.start() == 0 or prev_measure.endswith(measure):
        return measure
    return measure + prev_measure[m.start() :]


def _before(text: str, start: int, floor: int, count: bool = False) -> str | None:
    lo = max(floor, start - _MAX_BEFORE)
    segment = text[lo:start]
    m = _LAST_RUN_RE.search(segment)
    cut = m.start(1) if m.start(1) > 0 else None
    phrase = m.group(1)
    if count and phrase[:1] not in "年月日号" and _NUMBER_BEFORE.search(text, max(0, lo + m.start(1) - 6), lo + m.start(1)):
        return None  # 共5个方面(22条): the noun is the measure of the number before it
    if cut is None and lo > floor and not _SPLIT_RE.search(phrase):
        return None  # the phrase may start further back: unsure
    if cut and segment[cut - 1].isdigit() and phrase[:1] in ("年", "月", "日"):
        phrase = phrase[1:]  # 2022年产值 → 产值
    share = _SHARE_CUT.search(phrase) if not _RATIO_NAMED.search(phrase) else None  # (X占Y的比重为52.6%: the ratio named)
    base = None
    if share is not None and share.start() > 0:  # 稀土永磁材料产量约占全国的(四成): what takes the share
        base = _share_base(phrase[share.end() :])  # … of what: 全国
        phrase = phrase[: share.start()]  # (not 占有率, 占比: 市场占有率 is the measure)
    # Linking verbs and qualifiers before the number: 产值达到 → 产值;
    # 创新指标位居全国(第4) → 创新指标.
    while True:
        stripped = _SCOPE_ENDS.strip(_LINK_ENDS.strip(phrase))
        if stripped == phrase:
            break
        phrase = stripped
    # What follows only drops words at the front; a phrase that does not end
    # like an indicator now never will. A count's measure is what is counted,
    # any noun (有效发明专利2300余件, 人才公寓1200套).
    if not (count or _ends_like_indicator(phrase)):
        return None
    splits = list(_SPLIT_RE.finditer(phrase))
    if splits:
        phrase = phrase[splits[-1].end():]
    while True:  # 2023年全市 / 晋江现有 …: scope words and a place before the indicator
        before = phrase
        phrase = _LEAD_RE.sub("", phrase)
        place_end = lexicon.place_trie().longest_at(phrase, 0)
        if place_end > 0 and len(phrase) - place_end >= 2:
            phrase = phrase[place_end:]
        if phrase == before:
            break
    if len(phrase) < 2 or phrase in _GENERIC or not (count or _ends_like_indicator(phrase)):
        return None
    if count and _LINK_ENDS.find(phrase) is not None:
        return None
    if not base:
        return phrase
    # 稀土永磁材料产量占全国比重: the share named; 出口占全球市场份额: a share word ends it already
    return f"{phrase}占{base}" if base.endswith(_SHARE_WORDS) else f"{phrase}占{base}比重"


# What a share is of, after 占, when the text names the ratio (占全国比重, 占全省规上工业的比重):
# its base, without 的 and qualifiers. (约占全国的四成 names no ratio: the measure is what takes the share.)
_SHARE_BASE = re.compile(rf"^([{_HAN}A-Za-z]{{2,14}}?)(?:的)?(?:比重|比例)(?:约|近|超|超过|逾|达|达到|为)?$")


_SHARE_WORDS = ("份额", "占有率", "比重", "比例")


def _share_base(after: str) -> str | None:
    m = _SHARE_BASE.match(_LINK_ENDS.strip(after))
    return m.group(1) if m is not None else None


def find_measure(text: str, start: int, end: int, *, floor: int = 0, ceil: int | None = None, count: bool = False) -> str | None:
    """The measure of the METRIC at ``text[start:end]``, or ``None``.

    Args:
        text: the working text of the document (or one sentence).
        start, end: the METRIC's offsets.
        floor: where the phrase before may start at the earliest (the
            sentence start, or the end of the previous entity).
        ceil: where the phrase after must end at the latest.
        count: the quantity counts things (家, 个, 件 …): its measure may be any
            noun before it, not only an indicator (有效发明专利2300余件).

    >>> find_measure("集聚了超400家企业,", 3, 8)
    '企业'
    >>> find_measure("产值达到500亿元。", 4, 9)
    '产值'
    """
    ceil = len(text) if ceil is None else min(ceil, len(text))
    lead = _FROM_LEVEL.search(text, max(floor, start - 12), start)
    before = lead.start() if lead is not None and lead.start() > floor else start  # 本地配套率|由2020年的35%
    measure = _after(text, end, ceil, count) or _before(text, before, floor, count)
    if measure is not None:
        trimmed = _LINK_ENDS.strip(_GROWTH_TAIL.sub("", measure))  # 用电量将增长 → 用电量: what grew
        measure = trimmed if len(trimmed) >= 2 else measure
    return measure


_RATIO_NAMED = re.compile(r"(?:比重|比例)(?:为|达|达到|是|提高到|提升至|提高至)?$")
_SHARE_CUT = re.compile(r"占(?!有率|比)(?!.*占(?!有率|比))")  # the last 占 of a phrase that is no 占有率/占比
_NUMBER_BEFORE = re.compile(r"[\d一二三四五六七八九十两百千万亿]+[个家项条件类种批]?$")
_GROWTH_TAIL = re.compile(r"(?:同比|比上年|较上年|比去年|较去年|年均|环比)?(?:增长|下降|提高|提升|增加|减少|回落|上升|下滑)$")
# Between an amount and the growth rate that follows it: 营收2011亿元，同比增长(21.4%).
_GROWTH_AFTER = re.compile(r"[，,、]?\s*(?:同比|比上年末|较上年末|比年初|较年初|比去年同期|较去年同期|比上年|较上年|比去年|较去年|环比)?(?:分别)?(?:增长|下降|增加|减少|提高|降低|上升|回落)(?:了)?$")
# Between a growth rate and a difference or rank that compares it (，高于全省平均 / ，增速居全省).
_COMPARED = re.compile(
    r"[，,]?\s*(?:增速|增幅)?(?:(?:高于|低于|快于|慢于|高出|低出|分别高于|居|位居|位列|排名|排|列)[^，,。；;！？!?\n\d]{0,12}"
    r"|(?:比|较)[^，,。；;！？!?\n\d]{1,10}?(?:高|低|快|慢)出?)"  # 增速比全国高(0.7个百分点)
)
# A level reached from an earlier one (本地配套率由2020年的35%提升至(68%)): the same measure.
_REACHED_FROM = re.compile(r"(?:提升|提高|增加|增长|上升|下降|降低|减少|回落|扩大|缩小)?(?:至|到)(?:\d{4}年(?:底|末)?|目前|去年|今年|上年)?的?")
# The earlier level's own lead (由2020年的(35%)): the indicator is before it.
_FROM_LEVEL = re.compile(r"(?:由|从)(?:\d{4}年(?:前后|底|末)?|上年|去年|目前|年初)?的?$")
_GREW_BEFORE = re.compile(r"(?:增长|下降|增速|增幅)[^，,。；;\d]{0,4}[\d.]+%$")
# Between an amount and its share of a whole: ，约占全国的(三分之一).
_SHARE_AFTER = re.compile(r"[，,]\s*(?:约|约为|已)?占(?:全国|全省|全市|全球|全县|全区|世界|国内)?(?:的)?(?:比重|比例)?(?:为|达|达到|超过|近)?")
_SCOPES = frozenset({"全国", "全省", "全市", "全球", "全县", "全区", "世界", "国内"})
# A share's denominator: 约占全国总产量的(75%) → 占全国总产量比重.
_SHARE_OF = re.compile(rf"占(?!比|有率)(?:全国|全省|全市|全球|全县|全区|世界)?([{_HAN}]{{2,14}}?)的?$")
_CHANGE_WORD = re.compile("分别|提高|增长|下降|降低|上升|增加(?!值)|减少")  # (占…的比重分别提高5.3: the change's, no denominator)
# Classifiers too general to be a measure themselves (a count of 家 says nothing of what).
_GENERIC_UNITS = frozenset("个 家 项 名 位 只 次 批 种 类 件 台 套 人 户 座 所".split())


# Indicators listed before 分别 and the numbers after it, one each: 亩均增加值、亩均税收分别增长8.7%、9.4%.
_RESPECTIVELY = re.compile(r"分别(?:增长|下降|增加|减少|提高|降低|为|达到|达|占|是|实现)?(?:了|约)?")
_LIST_ITEM_SPLIT = re.compile(r"、|和|及|与")
_LIST_RUN_RE = re.compile(rf"([{_HAN}A-Za-z、]*)$")
_SENTENCE_BREAK = re.compile(r"[。；;！？!?\n]")


def listed_measure(text: str, start: int) -> str | None:
    """The indicator of its rank for a number after 分别 when 分别 follows a list of
    indicators (亩均增加值、亩均税收分别增长8.7%、9.4% → 亩均增加值, 亩均税收), else None."""
    at = text.rfind("分别", max(0, start - 40), start)
    if at < 0 or _SENTENCE_BREAK.search(text, at, start):
        return None
    verb = _RESPECTIVELY.match(text, at)
    between = text[verb.end() : start]  # type: ignore[union-attr]
    if not _NUMBERS_BEFORE.fullmatch(between):
        return None
    rank = len(_LIST_ITEM_SPLIT.findall(between))
    head = _LIST_RUN_RE.search(text, max(0, at - _MAX_BEFORE), at).group(1)  # type: ignore[union-attr]
    items = _LIST_ITEM_SPLIT.split(head)
    if len(items) < 2 or rank >= len(items) or not all(_ends_like_indicator(i) and len(i) >= 2 for i in items):
        return None
    first = _LEAD_RE.sub("", items[0].lstrip("年月日"))
    place_end = lexicon.place_trie().longest_at(first, 0)
    if place_end > 0 and len(first) - place_end >= 2:
        first = _LEAD_RE.sub("", first[place_end:])
    items[0] = first
    return items[rank] if len(items[rank]) >= 2 else None


# A mark passed, then the level reached (跨越5000亿元，达5600亿元; 迈过千亿大关，达1330亿元).
_RESTATED = re.compile(r"(?:大关|关口)?[，,]\s*(?:达到|达)")
# What lies between 分别's verb and a later number of its list: the numbers before it.
_NUMBERS_BEFORE = re.compile(r"(?:[^，,。；;！？!?\n、和及与]{1,16}(?:、|和|及|与|、和))*")


def fallback_measure(
    text: str, start: int, end: int, unit: str | None, previous: tuple[int, str | None]
) -> str | None:
    """A measure when the phrase around the number names none.

    * a growth rate right after an amount measures that amount (营收2011亿元，同比增长21.4%);
    * a share names its denominator (约占全国总产量的75% → 占全国总产量比重);
    * in a table, a cell is measured by its column's header (企业数（家） → 企业数);
    * a count in a measure word that names the thing (共7章, 五部门) is measured by it.
    """
    prev_end, prev_measure = previous
    if prev_measure and 0 <= start - prev_end <= 16 and _GROWTH_AFTER.search(text, prev_end, start):
        return prev_measure
    if prev_measure and (unit == "百分点" or text.startswith("第", start)) and _COMPARED.fullmatch(text, prev_end, start):
        # 规上工业增加值增长7.2%，高于全省平均1.1个百分点 / 增速居全省第2位: the growth compared
        grew = _GREW_BEFORE.search(text, max(0, prev_end - 16), prev_end) is not None
        return prev_measure + "增速" if grew and not prev_measure.endswith("增速") else prev_measure
    if prev_measure and _REACHED_FROM.fullmatch(text, prev_end, start):
        return prev_measure  # 本地配套率由2020年的35%提升至68%: the level it reached
    if prev_measure and _RESTATED.fullmatch(text, prev_end, start):
        return prev_measure  # 地区生产总值跨越5000亿元，达5600亿元: the level past the mark
    if prev_measure and NUMBER_LIST_JOINER_RE.fullmatch(text, prev_end, start):
        return prev_measure  # 集群增加值分别增长6.3%、9.1%: the list shares its measure
    if prev_measure and 0 <= start - prev_end <= 16 and _SHARE_AFTER.fullmatch(text, prev_end, start):
        return prev_measure  # 产能达到18万吨，约占全国的三分之一: the share of that amount
    share = _SHARE_OF.search(text, max(0, start - 20), start)
    if share is not None and share.group(1) not in _SCOPES and not _CHANGE_WORD.search(share.group(1)):
        base = share.group(0)[1:].removesuffix("的")  # 占全市规上工业增加值的(22.1%) → 占全市规上工业增加值比重
        return "占" + base + ("" if base.endswith(_SHARE_WORDS) else "比重")
    header = table_header(text, start, end)
    if header and _GROWTH_ONLY_HEADER.fullmatch(header):
        return _row_label(text, start) or header  # 产品名称 | 产量 | 增长（%）: what grew is the row's
    if header:
        return header
    entry = unit_entry(unit) if unit else None
    if entry is not None and entry.kind == "count" and unit not in _GENERIC_UNITS:
        return unit
    return None


# How far back a cell looks for its table's header: the reach of a long text's piece
# into a table (documents.TABLE_REACH), so pieces and one pass agree.
HEADER_REACH = 20_000
_ROW_MAX = text_tables.ROW_MAX
_SPACED_ROWS = 60  # rows of a blank-spaced table walked up to its header
_HEADER_UNIT = re.compile(r"[（(][^（）()]*[）)]|\s+")


# A column headed by a time (2023年, 2023年1—6月, 一季度): its rows are indicators.
_TIME_HEADER = re.compile(r"(?:\d{4}年?(?:度|末|底)?|(?:\d{4}年)?\d{1,2}(?:[—\-至~]\d{1,2})?月(?:份|末)?|(?:\d{4}年)?(?:[一二三四]季度|上半年|下半年|前三季度|全年))")
_CELL_NUMBER_RE = re.compile(r"[\d,.%+\-]+")


# A column of growth rates (增长（%）, 比上年增长): what grew is the row's product or indicator.
_GROWTH_ONLY_HEADER = re.compile(r"(?:比上年|同比|较上年)?(?:增长|增速|增幅)(?:率)?")


def _row_label(text: str, start: int) -> str | None:
    """The first cell of the table row holding ``start`` when it names a thing, not a place
    (笔记本计算机 | 万台 | 5432.1 | 3.6 → 笔记本计算机; 苏州市 | … → None)."""
    line_start = text.rfind("\n", max(0, start - _ROW_MAX), start) + 1
    line = text[line_start:start]
    sep = "|" if line.count("|") >= 1 else ("\t" if "\t" in line else None)
    if sep is None:
        return None
    first = _cell_label(line.strip("|｜ ").split(sep)[0])
    if first is None or lexicon.place_trie().longest_at(first, 0) == len(first):
        return None
    return first


def _cell_label(cell: str) -> str | None:
    """A row's first cell as a label, without its unit (None: too short, or a number)."""
    label = _HEADER_UNIT.sub("", cell).strip("|｜ ")
    return label if len(label) >= 2 and not _CELL_NUMBER_RE.fullmatch(label) else None


def table_header(text: str, start: int, end: int) -> str | None:
    """The header of the column a table cell ``text[start:end]`` is in, without its unit."""
    lo = max(0, start - _ROW_MAX)
    line_start = text.rfind("\n", lo, start) + 1
    line_end = text.find("\n", end, end + _ROW_MAX)
    line_end = min(len(text), end + _ROW_MAX) if line_end < 0 else line_end
    if line_start == 0 and lo > 0 or line_end - line_start > _ROW_MAX:
        return None  # no table row is this long: a line without breaks (and linear time)
    line = text[line_start:line_end]
    sep = "|" if line.count("|") >= 2 else ("\t" if line.count("\t") >= 1 else None)
    if sep is None:
        return _spaced_header(text, line_start, start)
    column = text[line_start:start].count(sep)
    i = text_tables.line_index(text, line_start)
    top = text_tables.block_top(text, sep, i, HEADER_REACH)
    header_line = text_tables.line_text(text, top) if top < i else None
    if header_line is None:
        return None
    cells = header_line.split(sep)
    if column >= len(cells):
        return None
    name = _HEADER_UNIT.sub("", cells[column])
    if _TIME_HEADER.fullmatch(name):  # 指标 | 2022年 | 2023年: the row's first cell names the measure
        return _cell_label(line.split(sep)[0])
    return name if len(name) >= 2 else None


def _spaced_header(text: str, line_start: int, start: int) -> str | None:
    """The header of a cell in a table spaced with blanks (序号 集群名称 规上企业数（家） …):
    the header line is the one above the block of lines with as many cells."""
    line_end = text.find("\n", start, start + _ROW_MAX)
    cells = text[line_start : min(len(text), start + _ROW_MAX) if line_end < 0 else line_end].split()
    if len(cells) < 3 or not text[start].isdigit():
        return None
    column = len(text[line_start:start].split())
    pos = line_start
    floor = max(0, line_start - HEADER_REACH)
    for _ in range(_SPACED_ROWS):
        if pos <= floor:
            break
        prev_start = text.rfind("\n", max(0, pos - 1 - _ROW_MAX), max(0, pos - 1)) + 1
        above = text[prev_start : pos - 1].split()
        if len(above) != len(cells):
            return None
        if not any(c[:1].isdigit() for c in above):  # no number cell: the header
            name = _HEADER_UNIT.sub("", above[column]) if column < len(above) else ""
            return name if len(name) >= 2 else None
        pos = prev_start
    return None


def infer_kind(kind: str | None, unit: str | None, measure: str | None) -> str:
    """``kind`` when known, else from the measure: ``money`` for an amount
    (``3万亿投资基金``), ``count`` for a head count (``过万`` 观看人数), else ``number``.

    ``parse_quantity`` leaves ``kind`` unset for a bare number (``3万亿``,
    ``超15万``); ``number`` says "a plain number of unstated kind".
    """
    if kind:
        return kind
    if measure and _MONEY_RE.search(measure):
        return "money"
    if measure and _COUNT_RE.search(measure):
        return "count"
    return "number"
