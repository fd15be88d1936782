"""The places among a document's holders (kind ``place``), found by :class:`PlaceFinder`,
a part of :class:`.holders.DocumentHolders`:

* place words outside entities in a subject's position: after a time word
  (过去一年邵东市…) or opening a clause, even a county's short name (德化现有…)
  where the document supports it, and a town after it (进贤县李渡镇);
* informal regions (长三角地区), towns by their short name (柳市 of 柳市镇);
* zone names (丽水经开区), and a bare zone word (经开区, 基地) as the zone named last;
* scope words (全市, 全县, 我省, 区内 …) → the place of that level the document
  is about.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from .. import lexicon
from ..attributes.places import PlaceMention, place_words_in
from ..constants import FUNCTION_CHARS, HAN
from ..grammar.places import PlaceWord, ancestors, fits_level_word, is_minor_short, may_nest, read_place_chain, resolve_chain
from .holder_base import ITEM_NUMBER_TAIL, LOCAL_REACH, NATIONAL, NATIONAL_SUBJECT, PLACE, ZONE_COMMITTEE, Holder, HolderScan
from .sentences import start_of_paragraph

__all__ = ["PlaceFinder"]

# Scope words: a level character after 全/本/我/该 names the place of that level; 当地 the
# city or county (not 本地, which opens measures: 本地配套率).
_SCOPE = re.compile(
    r"(?:全|本|我|该)(自治区|省|市|县|区|州|盟|旗|镇|乡|街道)|(园区|区|县|市|镇|乡|街道)内(?=[{HAN}])|(当地)".replace("{HAN}", HAN)
)
# The scope levels a report's own place answers for (its 全市 in a city's work report).
_REPORT_LEVELS = ("省", "市", "县", "区", "旗", "州", "盟")
# What may come before a zone's name in a match: times, scope and lead words (今年前三季度基地).
_ZONE_LEAD = re.compile(
    r"(?:(?:以下简称|简称|今年|去年|全年|当年|前三季度|上半年|下半年|[一二三四]季度|\d+月份?|\d+年|年内|目前|当前|现在|其中|据悉|"
    r"位于|将在|已在|在|于|将|全|本|该|镇内|区内|占|产值占全|为|是|据|从|年|落户|入驻|进驻|落地|扎根|"
    r"推动|推进|支持|引导|鼓励|促进|依托|带动)+)"
)
_BARE_ZONE = re.compile(r"[\u4e00-\u9fff]?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|产业园|园区|基地|片区)")
# A template's blank for a zone's place (XX经济开发区, xx县经济开发区, **开发区).
_PLACEHOLDER = r"(?<![A-Za-z*])(?:[XxＸ×]{2,3}|\*{2,3})[省市县区]?"
_ZONE_NAME = re.compile(
    rf"(?:[{HAN}]{{2,8}}?|{_PLACEHOLDER})"
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|产业园|园区|基地)"
)
# A zone named by two characters and its zone word, the two read as its short name.
_SHORT_NAMED_ZONE = re.compile(rf"(?<![{HAN}])([{HAN}]{{2}})(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区)")
_ZONE_SHORT_DOES = re.compile(r"已|将|现有|共有|目前|全年|今年|去年|累计|拥有|集聚|聚集|实现|新增|引进|建成|在建|\d")
_NOT_ZONE_SHORT = re.compile(r"国家|省级|市级|县级|各类|各级|全国|全省|重点|相关|该区|本区|园区|现有|其中|以及|综合")
# A preposition read into a town's name from the left (者从|大朗镇, 在|北滘镇).
_TOWN_LEAD = re.compile(r"^.{0,2}?[从在于向对到自]")
# A body inside what reads as a town's name: 市委、市政府和镇党委 names no town 政府和镇.
_BODY_IN_NAME = re.compile("政府|党委|人大|政协")
# A kind of town, not one (专业镇, 特色镇, 重点镇): 从专业镇分布来看 names no town.
_NOT_A_KIND = "(?<!专业|特色|重点|中心|建制|明星|产业)"
_TOWN_NAME_CHAR = rf"(?![是的了把被在为将各])[{HAN}]"  # (家纺产业是|川港镇的: a town's name holds none of these; 乐从镇, 和平镇 hold 从, 和)
# (…名镇 is a designation; a town ending a heading line is named there: …常熟市海虞镇⏎2002年，全镇…)
_TOWN_NAME = re.compile(rf"(?:{_TOWN_NAME_CHAR}){{2,4}}?(?<![名全该本各我乡]){_NOT_A_KIND}(?:镇|乡|街道)(?=[{HAN}]*?(?:党委|政府|人民政府|办事处|办|现|已|的|位于|地处|是|[，,。：:])|\n)")
# A bare zone word opening a clause: the zone the document names (经开区今年新引进…).
_BARE_ZONE_AT = re.compile(r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|园区)(?![{HAN}]{0,1}(?:管委会|管理委员会))".replace("{HAN}", HAN))
# A port named after its place (钦州港, 宁波舟山港), not 港口, 港区 or 港澳.
_PORT = re.compile(r"港(?![口区澳务湾城])")
# The last character of a place or zone name (before 和 in a list of places).
_PLACE_END = re.compile(r"[区市县省镇]")
# 分别 or 各 soon after a place: it is a member of a list whose members each hold a number.
_DISTRIBUTIVE_SOON = re.compile(r"[^，,。；;！？!?\n]{1,10}?(?:分别|依次|各|均)|[^。；;！？!?\n]{1,30}?(?:分别|依次)")
# A list item's own number between two places (德阳680家、成都420余家).
_ITEM_NUMBER = re.compile(r"[\d.,]+" + ITEM_NUMBER_TAIL)
_ITEM_MARKER = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+|\d{1,2})、")  # a list item's number opening its line
# Where a clause opens (its subject follows): punctuation, a line start, 据悉/其中 …; after
# 、, 和, 及 or 与 the next member of a list (江阴市、张家港市分列…).
_CLAUSE_OPEN = re.compile(rf"(?:^|(?<=[，,；;。！？!?：:\n）)、和及与]))[ \t\u3000]*(?:其中|据悉|据介绍|目前|同时|此外|另外|在)?", re.M)
# A place right after one of these is in a subject's position: 2023年全市, 过去一年邵东市.
_AFTER_TIME = re.compile(r"(?:^|[，,；;。！？!?：:\n]|年|月|月份|季度|以来|期间|目前|当前|去年|今年|日前|近日)$")
# The country's macro-regions (中西部地区入选82个): places of a subject, not in regions.tsv
# (they name no provinces of their own a cluster's name could start with).
_MACRO_REGION = re.compile(r"(?:东中西部|中西部|东部|中部|西部|东北)地区")
# A set broken down before a region and its number (上榜集群中|东部地区62个): the region is a category.
_BREAKDOWN_OF = re.compile(r"(?:(?:集群|企业|项目|名单|批)中|其中)[，,：:]?(?:[^。；;！？!?\n，,]{0,12}[，,、])*$")
_BREAKDOWN_REACH = 40
_ZONE_LEAD_MAX = 8  # words of the sentence read back with a zone's name, before its place
_TIME_LEAD = re.compile(r"(?:\d{4}年|今年|去年|上半年|下半年|前三季度|[一二三四]季度|\d{1,2}月份?|目前|当前)+")
# A town or sub-district named in full opening a clause (容桂街道…, 北滘镇…), not 全镇, 城镇, 小镇.
_TOWN_AT = re.compile(rf"(?![全本该各我城乡小村集])(?:{_TOWN_NAME_CHAR}){{2,3}}?{_NOT_A_KIND}(?:镇|街道)(?=[{HAN}、，,])(?!(?:党委|政府|人民政府|办事处))")
_TOWN_AFTER = re.compile(rf"(?:{_TOWN_NAME_CHAR}){{2,3}}{_NOT_A_KIND}(?:镇|乡|街道)(?![{HAN}]{{0,1}}(?:党委|政府|人民政府|办事处))")


@lexicon.cached
def _zone_re() -> re.Pattern[str]:
    """A zone's name: 2–8 Han characters after a boundary, then a zone word (丽水经开区)."""
    zones = lexicon.alternation(lexicon.place_words_of("zone"))
    return re.compile(
        rf"(?<![{HAN}])[{HAN}]{{2,8}}?(?:\([{HAN}]{{2,6}}\)[{HAN}]{{0,6}}?)?(?:{zones})"  # (长三角(长兴)产业合作区)
        rf"|{_PLACEHOLDER}(?:{zones})"  # a template's blank
        rf"|(?<=[{FUNCTION_CHARS}])[{HAN}]{{2,6}}?(?:{zones})"
    )


@lexicon.cached
def _zone_end_re() -> re.Pattern[str]:
    """The zone word a zone's name ends with (经济技术开发区: its 技术 is no sentence word)."""
    return re.compile(f"(?:{lexicon.alternation(lexicon.place_words_of('zone'))})$")


def _has_sentence_word(zone_name: str) -> bool:
    """Does a zone's name, before its zone word, hold a word of the sentence (新建, 全国 …)?"""
    return _sentence_word_re().search(_zone_end_re().sub("", zone_name)) is not None


@lexicon.cached
def _sentence_word_re() -> re.Pattern[str]:
    """Words of a sentence, not of a name (新建, 实现 …): a zone's name holds none."""
    return re.compile(lexicon.alternation(lexicon.cluster_words().get("not_industry", ()) + ("新建", "实现", "建成", "已在", "重点", "全国", "一批", "新一批", "国家级", "省级", "工作总结", "总结")))


@lexicon.cached
def _region_re() -> re.Pattern[str]:
    """An informal region (长三角地区, 京津冀, 粤港澳大湾区), longest first."""
    return re.compile(lexicon.alternation(tuple(lexicon.regions())))


# What a free-form zone name before its zone word never holds: a function word (为您筛选了一篇|开发区,
# 日新月异的|产业园区), a verb, a count or a descriptor (使进驻|园区, 实施|开发区, 几大|产业园, 特色|产业园).
_ZONE_NOT_NAME = re.compile(
    rf"(?:[{FUNCTION_CHARS}]|使|实施|建设|建成|完善|加快|打造|创建|筛选|抬高|提高|提升|扩大|拓展|整合|规划|布局|设立|成立|助推|"
    r"建有|拥有|设有|您|几大|[一二三四五六七八九十两]大|各|[一二三四五六七八九十两几多数\d]+个|一篇|"
    r"特色|重点|专业|主要|现代|新型|各类|相关)+"
)


_UNIT_CHARS = frozenset("亩个家座栋项条米")
_BARE_COMMITTEE_NAME = 5  # characters of a zone's own name read back before a bare 管委会
_HAN_NAME_CHAR = re.compile(rf"(?![{FUNCTION_CHARS}])[{HAN}]")


def _of_zone_kind(name: str, word: str) -> bool:
    """Is the zone ``name`` of the kind a bare zone ``word`` names (…工业园 for 园区)?"""
    return name.endswith(word) or word == "园区" and name.endswith("园")


def _reads_as_zone_name(text: str, start: int, end: int) -> bool:
    """Does the zone name ``text[start:end]`` hold none of the words no name holds before its
    zone word? (Those make it a phrase of the sentence: 建设|原材料基地 builds one, it names none.)"""
    if lexicon.place_trie().longest_at(text, start, end) > start:
        return True  # a place opens it (和林格尔新区: its 和 is the place's)
    if text[start] in _UNIT_CHARS:
        return False  # 占地300亩|智谷科技产业园: the unit ends the number before; no name starts with it
    zone = _zone_end_re().search(text, start, end)
    return _ZONE_NOT_NAME.search(text, start, zone.start() if zone is not None else end) is None


def _nested_prefix(chain: Sequence[PlaceWord]) -> list[PlaceWord]:
    """The chain up to the first word that is neither full nor inside the one before
    (青海|盐湖锂资源: 盐湖 is no district of 青海)."""
    out: list[PlaceWord] = []
    for w in chain:
        if out and not w.is_full and not may_nest(out[-1], w):
            break
        out.append(w)
    return out


# A level before a quoted zone name: the name is a designation the place holds (国家“…示范区”).
_DESIGNATION_BEFORE = re.compile(r"(?:国家级?|省级|全国|市级|首批)“$")

class PlaceFinder(HolderScan):
    """Finds the place holders of a document (a base of :class:`.holders.DocumentHolders`)."""

    # Set by DocumentHolders before the finders run: towns by short name, the places
    # named in full, zones by short name (:meth:`_document_towns`, :meth:`_supported`,
    # :meth:`_document_zone_shorts`).
    _towns: dict[str, list[tuple[int, str]]]
    _zone_shorts: dict[str, list[tuple[int, str]]]
    _full_names: frozenset[str]
    _clause_place_holders: list[Holder]  # set before :meth:`_scopes` runs, by start
    _zone_names: frozenset[str]  # the zones the text names (set by :meth:`_zones`)
    _clause_place_starts: list[int]
    _joint_cluster_places: frozenset[int] | None = None  # (see :meth:`_in_joint_cluster`)

    def _zones(self) -> list[Holder]:
        """Zones named outside entities (丽水经开区, 寿光农产品物流园); a bare zone word
        (基地, 新区, 经开区 after 今年前三季度 …) is the zone named last."""
        out = []
        for m in _zone_re().finditer(self.text):
            lead = _ZONE_LEAD.match(m.group())
            start = self._start_at_place_word(m.start() + (lead.end() if lead else 0), m.end(), _ZONE_LEAD_MAX)
            if "(" in self.text[m.start() : start]:
                start = m.start() + (lead.end() if lead else 0)  # 长三角(长兴)产业合作区: the name holds its bracket
            name = self.text[start : m.end()]
            if not self._outside(start, m.end()) or not _reads_as_zone_name(self.text, start, m.end()) or _has_sentence_word(name) or self._kind_of_zone(start, name):
                continue  # (全国人工智能产业园区评价: a kind of zone, not one)
            if _BARE_ZONE.fullmatch(name):
                name = self._zone_before(start) or name
                if _BARE_ZONE.fullmatch(name):
                    continue
            out.append(Holder(start, m.end(), PLACE, name))
        self._zone_names = frozenset(h.subject for h in out if h.subject)
        return out

    def _places(self) -> list[Holder]:
        """Place words the document names in a subject's position: after a time word
        (过去一年邵东市地区生产总值 …) or opening a clause (see :meth:`_clause_places`)."""
        out = []
        for m in self.places.mentions:
            if m.start < 0 or not self._outside(m.start, m.end) or self._is_base(m.start):
                continue
            if not self._after_time(m.start):
                continue
            chain = read_place_chain(self.text, m.start, min(len(self.text), m.start + 24))
            resolved = resolve_chain(chain) if chain else []
            end = chain[-1].end if chain else m.end
            if self.text.startswith("一家", end):
                continue  # 坪山区一家…企业: the company holds what follows
            name = resolved[-1].name if resolved else self.text[m.start:m.end]
            if _PORT.match(self.text, end):  # 10月份钦州港完成货物吞吐量…: the port
                end, name = end + 1, self.text[m.start : end + 1]
            out.append(Holder(m.start, end, PLACE, name))
        return out

    def _clause_places(self) -> list[Holder]:
        """A place that opens a clause is its subject, even a county's short name
        (德化现有陶瓷企业, 长垣位列第46位), and a town after it (进贤县李渡镇); so are a
        region (长三角地区共有…), a town the document names by its short name (柳市 of
        柳市镇) and a bare zone word (经开区 of 长沙经开区).

        A short county or district name needs the document's support (a province it
        names): 资源综合利用率 is no 资源县, 港口集装箱吞吐量 no 港口区. A place followed
        by 一家 introduces a company (坪山区一家…企业): the company holds what follows.
        """
        out = []
        trie = lexicon.place_trie()
        index = lexicon.place_index()
        regions = _region_re()
        starts = self._place_starts(regions)
        for m in _CLAUSE_OPEN.finditer(self.text):
            i = m.end()
            lead = _TIME_LEAD.match(self.text, i)
            t = lead.end() if lead is not None else i
            bare_town = _TOWN_AT.match(self.text, t)
            if bare_town is not None and self._outside(t, bare_town.end()) and not _sentence_word_re().search(bare_town.group()):
                out.append(Holder(t, bare_town.end(), PLACE, bare_town.group()))  # 2024年容桂街道家电产业产值…
                continue
            if i not in starts:
                if t not in starts:
                    continue  # nothing a place could be starts here (most clauses)
                i = t  # 2021年|东北地区高新技术企业数量…: the clause's subject after its time
            if m.start() > 0 and self.text[m.start() - 1] in "、和及与" and not (
                out and (out[-1].end == m.start() - 1 or _ITEM_NUMBER.fullmatch(self.text, out[-1].end, m.start() - 1))
                or self._timed_place_ends_at(m.start() - 1)  # 1—5月武汉、|襄阳、|宜昌…分别
                or _ITEM_MARKER.fullmatch(self.text, start_of_paragraph(self.text, m.start()), m.start())
                and self.text[i : trie.longest_at(self.text, i, i + 12)] in lexicon.places_by_name()  # 一、|北京市（3个）: a place in full
                or _PLACE_END.match(self.text, m.start() - 2)
                and _DISTRIBUTIVE_SOON.match(self.text, m.end())  # 苏州高新区和|昆山市分别贡献…, 松山湖高新区、|长安镇…，分别为
            ):
                continue  # after 、/和 only the next member of a list of subjects (德阳680家、成都…; not 覆盖昆明、曲靖)
            region = _MACRO_REGION.match(self.text, i) or regions.match(self.text, i)  # (东北地区, not 东北)
            if region is not None and self._outside(i, region.end()):
                if not self._outside(region.end(), region.end() + 1) and _BREAKDOWN_OF.search(self.text, max(0, i - _BREAKDOWN_REACH), i):
                    continue  # 上榜集群中东部地区62个, 其中东部地区98个: a category of a set's breakdown
                out.append(Holder(i, region.end(), PLACE, region.group()))
                continue
            town = self._short_town_at(i)
            if town is not None:
                out.append(town)
                continue
            zone = _BARE_ZONE_AT.match(self.text, i)
            if zone is not None and self._outside(i, zone.end()):
                name = self._zone_before(i) or self._zone_after(zone.end(), zone.group())
                if "、" in (self.text[i - 1 : i], self.text[zone.end() : zone.end() + 1]) and not (name or "").endswith(zone.group()):
                    name = zone.group()  # 高新区、经开区、航天基地…分别: the city's zones, each by its word
                if name is None and not any(_of_zone_kind(n, zone.group()) for n in self._zone_names):
                    # a text naming no zone of its kind: the zone its committee is named by
                    # (松山湖管委会…园区), else the word as written (a zone's own plan: 开发区; not
                    # 园区, also any park in general: 园区龙头企业…)
                    name = self._committee_zone_before(i) or (zone.group() if zone.group() != "园区" else None)
                if name is not None:
                    out.append(Holder(i, zone.end(), PLACE, name))
                continue
            j = trie.longest_at(self.text, i, i + 12)
            if j < 0 or not self._outside(i, j) or _sentence_word_re().match(self.text, i):
                continue
            chain = _nested_prefix(read_place_chain(self.text, i, min(len(self.text), i + 24)))
            if not chain or is_minor_short(chain[0]) and (not self._supported(chain[0]) or self.text.startswith("产业", chain[0].end)):
                continue  # (新兴产业集群增速…: a county's short name that begins a word)
            j = chain[-1].end
            if self.text.startswith("一家", j):
                continue
            town = _TOWN_AFTER.match(self.text, j)
            if town is not None:
                out.append(Holder(i, town.end(), PLACE, self.text[i:town.end()]))
                continue
            resolved = resolve_chain(chain) if len(chain) > 1 else []
            if resolved:  # 芜湖市鸠江区: the innermost place
                out.append(Holder(i, j, PLACE, resolved[-1].name))
                continue
            cands = index[self.text[chain[-1].start:j]]
            full = {p.name for p in cands}
            name = next(iter(full)) if len(full) == 1 else self._pick_name(cands) or self.text[i:j]
            out.append(Holder(i, j, PLACE, name))
        return out

    def _after_time(self, pos: int) -> bool:
        """Is ``pos`` in a subject's position: after a time word or a clause's opening?"""
        return _AFTER_TIME.search(self.text, max(0, pos - 6), pos) is not None

    def _timed_place_ends_at(self, pos: int) -> bool:
        """Does a place in a subject's position (see :meth:`_places`) end at ``pos``?"""
        mention = next(iter(self.places.before(pos)), None)
        return mention is not None and mention.end == pos and self._after_time(mention.start)

    def _place_starts(self, regions: re.Pattern[str]) -> set[int]:
        """Where a place, a region, a town's short name or a bare zone word starts."""
        text = self.text
        starts = {s for s, _ in place_words_in(text)}
        starts.update(m.start() for m in regions.finditer(text))
        starts.update(m.start() for m in _MACRO_REGION.finditer(text))
        starts.update(m.start() for m in _BARE_ZONE_AT.finditer(text))
        for short in self._towns.keys() | self._zone_shorts.keys():
            i = text.find(short)
            while i >= 0:
                starts.add(i)
                i = text.find(short, i + 1)
        return starts

    def _supported(self, word: PlaceWord) -> bool:
        """Is a short name's place in a province the document names (or named in full)?"""
        provinces = self.places.provinces
        return any((p.province or p.name) in provinces or p.name in self._full_names for p in word.candidates)

    def _short_town_at(self, i: int) -> Holder | None:
        """A town the document names (柳市镇党委), written here by its short name (柳市将…);
        a zone's short name only before what it does (洋浦已建成…, not 稀土|新材料集群)."""
        for short, named in itertools.chain(self._towns.items(), self._zone_shorts.items()):
            if not self.text.startswith(short, i):
                continue
            if short in self._zone_shorts and not _ZONE_SHORT_DOES.match(self.text, i + len(short)):
                continue
            k = bisect.bisect_left(named, (i - LOCAL_REACH, ""))  # named nearby (pieces agree)
            if k == len(named) or named[k][0] > i + LOCAL_REACH:
                continue
            full = named[k][1]
            end = i + len(full) if self.text.startswith(full, i) else i + len(short)
            if self._outside(i, end):
                return Holder(i, end, PLACE, full)
        return None

    def _zone_after(self, pos: int, word: str) -> str | None:
        """The first zone of the bare zone ``word``'s kind the text names after ``pos`` (园区已集聚…
        苏州工业园区管委会; not a park inside a 开发区)."""
        for m in _ZONE_NAME.finditer(self.text, pos, min(len(self.text), pos + LOCAL_REACH)):
            lead = _ZONE_LEAD.match(m.group())
            name = m.group()[lead.end() :] if lead else m.group()
            if not _BARE_ZONE.fullmatch(name) and _of_zone_kind(name, word) and _reads_as_zone_name(self.text, m.end() - len(name), m.end()):
                return name
        return None

    def _pick_name(self, cands: Sequence[lexicon.Place]) -> str | None:
        """Of places sharing a short name, the one in a province the document names."""
        fit = [p for p in cands if (p.province or p.name) in self.places.provinces]
        return fit[0].name if len({p.name for p in fit}) == 1 else None

    def _scopes(self) -> list[Holder]:
        """全市, 全县, 我省, 区内 …: the place of that level the text is about (全区 may be an
        autonomous region; 全镇 the town named last)."""
        out = []
        for m in _SCOPE.finditer(self.text):
            if not self._outside(m.start(), m.end()) or self._is_base(m.start()):
                continue
            level = m.group(1) or m.group(2) or m.group(3)
            if level in ("镇", "乡", "街道"):
                name = self._town_before(m.start())
            elif m.group(2) in ("区", "园区") and self._zone_before(m.start()):
                name = self._zone_before(m.start())
            elif m.group(3):  # 当地: the city or county the text is about
                place = self.places.nearest(m.start(), m.end(), lambda p: p.level in ("municipal", "county", "district"))
                name = place.name if place is not None else None
            else:
                place = self._scope_place(level, m.start(), m.end())
                name = place.name if place is not None else None
                zone = self._zone_before(m.start()) if level == "区" else None
                if zone is not None and zone.endswith("区") and (place is None or place.level != "district" and not self._written_region(place)):
                    name = zone  # 成都高新区…全区: the zone, no district named (a 基地 is no 区; an autonomous region the text names stays)
                # 临清是…基地，2023年，全市…: a county-level city the paragraph opens with by
                # its short name (not trusted as a mention on its own) is the 市 meant
                name = self._clause_place_in_paragraph(m.start(), level) or name
                report = self.report_place[1] if self.report_place is not None else None
                if report and level in _REPORT_LEVELS and report.endswith(level):
                    name = report  # a work report's 全市 is its own city (not 青铜峡市 it lists)
                if name is None and m.group(1) and m.group()[0] in "全我本":
                    name = m.group()  # a text that never names its county: 全县 / 我县 as written
            out.append(Holder(m.start(), m.end(), PLACE, name))
        return out

    def _clause_place_in_paragraph(self, pos: int, level: str) -> str | None:
        """The last place opening a clause earlier in ``pos``'s paragraph whose name ends
        with ``level`` (市, 县, 区, 旗)."""
        if level not in ("市", "县", "区", "旗"):
            return None
        paragraph = start_of_paragraph(self.text, pos)
        k = bisect.bisect_left(self._clause_place_starts, pos) - 1
        while k >= 0 and self._clause_place_holders[k].start >= paragraph:
            h = self._clause_place_holders[k]
            if h.subject and h.subject.endswith(level):
                return h.subject
            k -= 1
        return None

    def _scope_place(self, level: str, start: int, end: int) -> lexicon.Place | None:
        if level == "区" and "自治区" in self.text[end : end + 8]:  # 全区自治区级…集群
            region = self.places.nearest(start, end, lambda p: p.name.endswith("自治区"), ancestors)
            if region is not None:
                return region
        if level == "区":
            either = lambda p: fits_level_word(p, "区") or fits_level_word(p, "自治区")  # noqa: E731
            return self.places.nearest(start, end, either, ancestors, self._in_joint_cluster)
        return self.places.for_level_word(level, start, end, self._in_joint_cluster)

    def _in_joint_cluster(self, mention: PlaceMention) -> bool:
        """Is ``mention`` one of several places a cluster's name joins (金华台州丘陵山区农机装备集群)?
        Those name the cluster's region, not the place a scope word (全市) is about."""
        if self._joint_cluster_places is None:  # found once per document
            by_cluster: dict[int, list[PlaceMention]] = {}
            for m in self.places.mentions:
                i = bisect.bisect_right(self._entity_span_starts, m.start) - 1
                if i >= 0 and self._entity_spans[i][2] == "CLUSTER" and m.end <= self._entity_spans[i][1]:
                    by_cluster.setdefault(i, []).append(m)
            self._joint_cluster_places = frozenset(
                m.start
                for named in by_cluster.values()
                # joined, not nested (福建安溪茶叶集群 names one county)
                if any(not may_nest(a, b) and not may_nest(b, a) for a, b in zip(named, named[1:]))  # type: ignore[arg-type]
                for m in named
            )
        return mention.start in self._joint_cluster_places

    def _zone_before(self, pos: int) -> str | None:
        """The last zone the text names shortly before ``pos`` (北京经开区管委会 … 区内)."""
        found = None
        for m in _ZONE_NAME.finditer(self.text, max(0, pos - 300), pos):
            lead = _ZONE_LEAD.match(m.group())
            start = self._start_at_place_word(m.start() + (lead.end() if lead else 0), m.end(), _ZONE_LEAD_MAX)
            name = self.text[start : m.end()]
            if _reads_as_zone_name(self.text, start, m.end()) and not _BARE_ZONE.fullmatch(name) and not _has_sentence_word(name) and not self._kind_of_zone(start, name):
                found = name
        return found

    def _written_region(self, place: lexicon.Place) -> bool:
        """Is ``place`` an autonomous region the text names (自治区, 广西)? Then its 全区 is it."""
        return place.name.endswith("自治区") and ("自治区" in self.text or bool(place.short) and place.short in self.text)

    def _committee_zone_before(self, pos: int) -> str | None:
        """The zone of the last zone committee named shortly before ``pos`` whose name is its
        zone's (松山湖管委会 → 松山湖), if any."""
        i = bisect.bisect_left(self._entity_span_starts, pos) - 1
        while i >= 0 and self._entity_spans[i][0] >= pos - LOCAL_REACH:
            s, e, label = self._entity_spans[i]
            committee = ZONE_COMMITTEE.search(self.text, s, e) if label == "GOV" else None
            if committee is not None and committee.start() - s >= 2:
                return self.text[s : committee.start()]
            if committee is not None:  # (据)松山湖|管委会: a bare committee after its zone's own name
                j = s
                while j > max(0, s - _BARE_COMMITTEE_NAME) and _HAN_NAME_CHAR.match(self.text, j - 1):
                    j -= 1
                lead = _ZONE_LEAD.match(self.text, j, s)
                name = self.text[lead.end() if lead is not None else j : s]
                return name if len(name) >= 2 else None
            i -= 1
        return None

    def _kind_of_zone(self, start: int, name: str) -> bool:
        """Is the zone name at ``start`` a kind of zone, not one (全国|国家高新区综合评价, 国家级经开区),
        or a level's designation in quotes (国家“万吨食用菌标准化示范区”)?"""
        return (
            name.startswith("国家")
            or self.text.startswith("全国", start - 1)
            or self.text.startswith("全国", start)
            or _DESIGNATION_BEFORE.search(self.text, max(0, start - 4), start) is not None
        )

    def _document_towns(self) -> dict[str, list[tuple[int, str]]]:
        """Towns the document names (柳市镇党委, 胜芳镇政府) by short name (柳市 → where it
        names 柳市镇, in order)."""
        towns: dict[str, list[tuple[int, str]]] = {}
        for m in _TOWN_NAME.finditer(self.text):
            full = m.group()
            short = full[:-2] if full.endswith("街道") else full[:-1]
            if len(short) >= 2 and not _sentence_word_re().search(full) and not _BODY_IN_NAME.search(full):
                towns.setdefault(short, []).append((m.start(), full))
        return towns

    def _document_zone_shorts(self) -> dict[str, list[tuple[int, str]]]:
        """Zones the document names, by short name (洋浦 of 洋浦经济开发区, 贵安 of 贵安新区):
        two characters before a zone word that name no place of their own (丽水 of
        丽水经开区 is the city) and are no lead word (今年|高新区, 位于|高新区)."""
        zones: dict[str, list[tuple[int, str]]] = {}
        index = lexicon.place_index()
        for m in _SHORT_NAMED_ZONE.finditer(self.text):
            short, full = m.group(1), m.group()
            if short in index or _NOT_ZONE_SHORT.match(short) or _ZONE_LEAD.match(short) or _sentence_word_re().search(full):
                continue
            zones.setdefault(short, []).append((m.start(), full))
        return zones

    def _town_before(self, pos: int) -> str | None:
        """The last town the text names before ``pos`` (大瑶镇党委 … 全镇)."""
        found = None
        for m in _TOWN_NAME.finditer(self.text, max(0, pos - LOCAL_REACH), pos):
            if _BODY_IN_NAME.search(m.group()):
                continue
            found = m.group() + ("镇" if self.text.startswith("镇", m.end()) else "")  # 古镇|镇
            lead = _TOWN_LEAD.match(found)
            if lead is not None and len(found) - lead.end() >= 3:
                found = found[lead.end() :]  # 记者从大朗镇政府获悉: the town is 大朗镇
            level = max(found.rfind(c, 0, len(found) - 2) for c in "省市县区")
            if level >= 0 and len(found) - level - 1 >= 3:
                found = found[level + 1 :]  # (常)熟市|海虞镇: the town after its county's level word
        return found

    def _container(self, pos: int) -> tuple[str, str | None] | None:
        """The place a scope word at ``pos`` names (全国 → 中国, 全省 → the province)."""
        if self.text.startswith("全国", pos):
            return NATIONAL, NATIONAL_SUBJECT
        m = _SCOPE.match(self.text, pos)
        if m is None or not m.group(1):
            return None
        place = self._scope_place(m.group(1), pos, m.end())
        return (PLACE, place.name) if place is not None else None
