"""Who may hold a quantity: every cluster, body, place, country, group, company or event a
document names, found once per document, and the subject each stands for.

A *holder* is a stretch of the working text with a kind (the ``subject_kind``
of CONTEXT.md) and a subject string:

* CLUSTER entities → ``cluster``, named by the national list's name or the
  fullest mention of the same cluster in the document;
* GOV entities → ``body`` (canonical name), but only where the body does what
  is counted (安排资金, 出台措施); a body that reports a figure (统计局数据显示)
  holds nothing;
* place words outside entities and zone names (丽水经开区) → ``place``; scope
  words (全市, 全县, 我省 …) → the place of that level the document is about;
* 全国, 我国, 中国 → ``national`` (中国);
* enterprises (…有限公司, …集团) → ``company``; events (…大会, …峰会) → ``other``;
* generic cluster phrases (国家先进制造业集群, 45个集群) → ``group``, and
  anaphors (该集群, 集群) → the cluster the text is about.

A place word right after a base word (占全国, 居全省, 高于全市) is the base of a
share or a comparison, not a holder.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import lexicon
from ..attributes.cluster import cluster_key
from ..attributes.places import DocumentPlaces, place_words_in
from ..grammar.places import PlaceWord, ancestors, fits_level_word, is_minor_short, may_nest, read_place_chain, resolve_chain
from ..constants import FUNCTION_CHARS, HAN

__all__ = ["Holder", "DocumentHolders"]

CLUSTER, BODY, PLACE, NATIONAL, GROUP, COMPANY, OTHER, ANAPHOR = (
    "cluster", "body", "place", "national", "group", "company", "other", "anaphor",
)
PLANNER = "planner"  # a body stating its plan (…提出，将…): holds the plan's numbers (kind body)
BODIES, PLANNERS = "bodies", "planners"  # bodies listed together (A、B): a group with a body's rules
NATIONAL_SUBJECT = "中国"
REACH = 300  # holders looked back at, at most
# Characters a holder looks at around it for a name it stands for (a zone, a town, a
# title, a cluster): within the overlap of a long text's pieces, so pieces and one
# pass agree (documents.OVERLAP_CHARS).
LOCAL_REACH = 900

# Scope words: a level character after 全/本/我/该 names the place of that level; 当地 the
# city or county (not 本地, which opens measures: 本地配套率).
_SCOPE = re.compile(
    r"(?:全|本|我|该)(自治区|省|市|县|区|州|盟|旗|镇|乡|街道)|(园区|区|县|市|镇|乡|街道)内(?=[{HAN}])|(当地)".replace("{HAN}", HAN)
)
# What may come before a zone's name in a match: times, scope and lead words (今年前三季度基地).
_ZONE_LEAD = re.compile(
    r"(?:(?:今年|去年|全年|当年|前三季度|上半年|下半年|[一二三四]季度|\d+月份?|\d+年|年内|目前|当前|现在|其中|据悉|"
    r"位于|将在|已在|在|于|将|全|本|该|镇内|区内|占|产值占全|为)+)"
)
_BARE_ZONE = re.compile(r"[\u4e00-\u9fff]?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|产业园|园区|基地|片区)")
_ZONE_NAME = re.compile(rf"[{HAN}]{{2,8}}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|新区|产业园区|工业园区|产业园|园区|基地)")
_TOWN_NAME = re.compile(rf"[{HAN}]{{2,4}}?(?:镇|乡|街道)(?=[{HAN}]*?(?:党委|政府|人民政府|办事处|办|现|已|的|，|。))")
_NAME = rf"[{HAN}A-Za-z0-9（）()·]"
_HAN_CHAR = re.compile(rf"[{HAN}]")
# A bare zone word opening a clause: the zone the document names (经开区今年新引进…).
_BARE_ZONE_AT = re.compile(r"(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|经开区|开发区|园区)(?![{HAN}]{0,1}(?:管委会|管理委员会))".replace("{HAN}", HAN))


@dataclass(frozen=True)
class Holder:
    """A stretch of text that may hold a quantity."""

    start: int
    end: int
    kind: str
    subject: str | None
    # A group's container (全国 of 全国创新型产业集群): the subject of a count of its members.
    container: tuple[str, str | None] | None = None


@lexicon.cached
def _zone_re() -> re.Pattern[str]:
    """A zone's name: 2–8 Han characters after a boundary, then a zone word (丽水经开区)."""
    zones = lexicon.alternation(lexicon.place_words_of("zone"))
    return re.compile(rf"(?<![{HAN}])[{HAN}]{{2,8}}?(?:{zones})|(?<=[{FUNCTION_CHARS}])[{HAN}]{{2,6}}?(?:{zones})")


@lexicon.cached
def _sentence_word_re() -> re.Pattern[str]:
    """Words of a sentence, not of a name (新建, 实现 …): a zone's name holds none."""
    return re.compile(lexicon.alternation(lexicon.cluster_words().get("not_industry", ()) + ("新建", "实现", "建成", "已在", "重点", "全国", "一批", "新一批")))


@lexicon.cached
def _region_re() -> re.Pattern[str]:
    """An informal region (长三角地区, 京津冀, 粤港澳大湾区), longest first."""
    return re.compile(lexicon.alternation(tuple(lexicon.regions())))


def _nested_prefix(chain: Sequence[PlaceWord]) -> list[PlaceWord]:
    """The chain up to the first word that is neither full nor inside the one before
    (青海|盐湖锂资源: 盐湖 is no district of 青海)."""
    out: list[PlaceWord] = []
    for w in chain:
        if out and not w.is_full and not may_nest(out[-1], w):
            break
        out.append(w)
    return out


@lexicon.cached
def _company_head_re() -> re.Pattern[str]:
    """The last word of an enterprise's name (公司, 集团 …), found first: the name is read
    back from it (cheaper than trying a name at every character)."""
    return re.compile(lexicon.alternation(lexicon.context_words().get("company", ())))


# 一家…企业 names a company without its name (坪山区一家锂电池正极材料企业), unless what it
# built follows (一家机器人企业新建的智能工厂: the plant holds what follows).
_SOME_COMPANY = re.compile(rf"(?<=一家)[{HAN}]{{2,14}}?(?:企业|船企|车企|药企)(?!新建|建设|投资|的)")
_NAME_CHAR = re.compile(_NAME)
_COMPANY_NAME_MAX = 20


@lexicon.cached
def _event_re() -> re.Pattern[str]:
    """An event, fund or programme named at the start of a clause (its subject), or a
    project word alone there (项目总投资…, 工厂…)."""
    heads = lexicon.alternation(lexicon.context_words().get("event", ()))
    bare = lexicon.alternation(lexicon.context_words().get("project", ()))
    return re.compile(rf"(?:^|(?<=[，,；;。！？!?：:、\n]))(?:[{HAN}A-Za-z0-9“”\"·（）()]{{2,40}}?(?:{heads})|(?:该|本)?(?:{bare}))", re.M)


_MEETINGS = "推介会|对接会|座谈会|研讨会|招商会|洽谈会|交流会|发布会|推进会|现场会"
# An event a sentence happens at: 峰会上, 会上, 大会期间, 活动现场.
# Matched where a sentence starts (现场 also where a clause starts): see _at_events.
_AT_EVENT = re.compile(
    rf"((?:[{HAN}“”]{{0,20}}?(?:峰会|大会|论坛|活动|{_MEETINGS}|博览会|展会))|会议|会)(?:上|期间|现场)"
    rf"|(大会|峰会|论坛|活动|推介会|对接会|博览会|展会)(?=发布|签约|共|吸引|累计|达成)"
    rf"|(现场)(?=签约|签署|达成|发布|成交)"
)
_SENTENCE_OPEN = re.compile(r"[。！？!?\n；;]")
_CLAUSE_OPEN_CHAR = re.compile(r"[，,]")


_NUMBER_AFTER = re.compile(r"[\d０-９一二三四五六七八九十两百千万数多几]")

# An event's name holds no verb of the sentence: 芜湖市鸠江区近日举行招商会 is about the district.
_EVENT_VERBS = re.compile("举行|召开|举办|主办|承办|日前|近日|推出|组建|设立|建设|打造|参加|出席|开展|组织")


@lexicon.cached
def _word_re(role: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get(role, ())))


@lexicon.cached
def _base_before_re() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.alternation(lexicon.context_words().get('base', ()))})$")


@lexicon.cached
def _locative_re() -> re.Pattern[str]:
    return re.compile(f"(?:{lexicon.alternation(lexicon.context_words().get('locative', ()))})$")


@lexicon.cached
def _after_body_re(role: str) -> re.Pattern[str]:
    """A word of ``role`` shortly after a body (数据显示, 安排): up to 6 characters between."""
    return re.compile(rf"[^，。；！？,;!?\n]{{0,6}}?(?:{lexicon.alternation(lexicon.context_words().get(role, ()))})")


# A body stating its own plan: 提出/表示 then 将/力争/计划 in the sentence.
_PLANS = re.compile(r"[^，。；！？,;!?\n]{0,6}?(?:表示|提出|明确)[，,：:]?[^。；！？;!?\n]{0,30}?(?:将|力争|计划|要)")

# Between two holders of one list (A、B, A和B); after a list whose members each get a number.
_LIST_JOINER = re.compile(r"、|和|与|及|、和")
_RESPECTIVELY = re.compile(r"[^，,。；;！？!?\n]{0,6}?(?:分别|分列|依次|并列)")
_SENTENCE_BREAK = re.compile(r"[。！？!?\n；;]")


def _family(kind: str) -> str | None:
    """Kinds a list may join: bodies (with planners), places, clusters."""
    return {BODY: BODY, PLANNER: BODY, PLACE: PLACE, CLUSTER: CLUSTER}.get(kind)


# Words a clause may open with before its subject: 其中江西片区, 据悉柯桥 …
_LEADS = re.compile(r"^(?:其中|据悉|据介绍|目前|当前|现在|同时|此外|另外|位于|在|于|而|但|且)")


def _strip_lead(h: Holder) -> Holder:
    m = _LEADS.match(h.subject or "")
    if m is None or len(h.subject) - m.end() < 3:
        return h
    return Holder(h.start + m.end(), h.end, h.kind, h.subject[m.end():])


# 中国 as the country, not the start of a name (中国声谷, 中国眼镜协会, 中国第一汽车集团).
_CHINA = re.compile(rf"中国(?=[^{HAN}]|的|已|共|累计|现|目前|有|是|成为|整体)")
# A document's title: the document holds its chapters and articles (共7章48条).
_TITLE = re.compile(r"《[^《》\n]{1,60}》(?=[，,]?(?:共|分为|包括|涵盖|全文))")
# A policy word counting its own parts: 政策共12条, 若干措施共18条, 方案分为5章.
_POLICY_PARTS = re.compile(r"(?:^|(?<=[。！？!?\n；;，,]))(?:本|该|上述)?(?:若干)?(?:措施|政策|新政|办法|方案|意见|规划|计划|条例|细则)(?=共|分为|包括|涵盖)", re.M)
# Places counted as one subject: 三市现有…, 两地共有…, 四地工信部门 (a cross-region cluster's).
_N_PLACES = re.compile(r"(?:^|(?<=[，,；;。！？!?：:\n]))(?:[两二三四五六七八九]|十)(?:地|市|省|县|区|城)(?=[\u4e00-\u9fff])", re.M)
_ANY_TITLE = re.compile(r"《([^《》\n]{1,60})》")
# Where a clause opens (its subject follows): punctuation, a line start, 据悉/其中 …; after
# 、 a list's next member (江阴市、张家港市分列…).
_CLAUSE_OPEN = re.compile(rf"(?:^|(?<=[，,；;。！？!?：:\n）)、]))(?:其中|据悉|据介绍|目前|同时|此外|另外|在)?", re.M)
# A place right after one of these is in a subject's position: 2023年全市, 过去一年邵东市.
_AFTER_TIME = re.compile(r"(?:^|[，,；;。！？!?：:\n]|年|月|季度|以来|期间|目前|当前|去年|今年|日前|近日)$")
_TOWN_AFTER = re.compile(rf"[{HAN}]{{2,3}}(?:镇|乡|街道)(?![{HAN}]{{0,1}}(?:党委|政府|人民政府|办事处))")
_GENERIC_CLUSTER = re.compile(
    r"(?=[国世省市重县中先战特创产集])"  # the characters it can start with: skip the rest fast
    r"(?:国家级|国家|世界级|省级|市级)?(?:重点)?(?:县域)?(?:中小企业)?"
    r"(?:先进制造业|战略性新兴产业|战略性产业|特色产业|创新型产业|产业)?集群(?:核心区)?"
)
# A scope and count before a group phrase, part of the group's subject position:
# 全省20个战略性产业集群实现…, 全国先进制造业集群产品质量合格率…
_GROUP_SCOPE = re.compile(r"(?:(?:全国|全省|全市|全区|各地|本批|该批|首批|新一批)(?:(?:\d+|[一二三四五六七八九十两百]+)个(?:左右)?)?|(?:\d+|[一二三四五六七八九十两百]+)个(?:左右)?)$")
# Where a generic phrase is the subject of its clause: after punctuation, 全/各/本批/这些 …
_SUBJECT_POSITION = re.compile(r"(?:^|[，,；;。！？!?：:\n]|全国|全省|全市|各|这些|本批|该批|上述|其中)$")
_SET_BEFORE = re.compile(r"(?:上述|这些|两大|三大|四大|各个|各|所有|全省|全市|全国|本批|该批|入选|相关)$")
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十两百千]+|[数多几])个[^，,。；;！？\n]{0,6}$")


def _shared_industry(a: str, b: str) -> bool:
    """Do two cluster names share a two-character industry word (铝材, 装备 …)?"""
    generic = ("产业", "集群", "特色", "先进", "制造", "高端", "国家", "装备", "智能", "新型", "现代", "材料", "信息", "电子", "技术")
    grams = {a[i : i + 2] for i in range(len(a) - 1)} - set(generic)
    return any(g in b for g in grams)


class DocumentHolders:
    """Every holder of a document, sorted by position (built once per Doc).

    Args:
        text: the working text.
        ents: ``(start, end, label, attributes)`` of the document's entities,
            ``attributes`` a dict with ``canonical`` / ``national_name``.
        places: the document's places (for scope words and place mentions).
    """

    def __init__(self, text: str, ents: Sequence[tuple[int, int, str, dict]], places: DocumentPlaces) -> None:
        self.text = text
        self.places = places
        self.entity_starts = frozenset(s for s, _, _, _ in ents)
        covered = bytearray(len(text) + 1)
        for s, e, _, _ in ents:
            covered[s:e] = b"\x01" * (e - s)
        self._covered = covered
        self._towns = self._document_towns()
        self._full_names = frozenset(p.name for m in places.mentions for p in m.candidates if len(m.candidates) == 1)
        holders: list[Holder] = []
        self._cluster_holders = self._clusters(ents)
        self._cluster_starts = [h.start for h in self._cluster_holders]
        holders += self._cluster_holders
        holders += self._bodies(ents)
        holders += self._zones()
        holders += self._clause_places()
        holders += self._places()
        holders += self._scopes()
        holders += [h for h in self._words(NATIONAL) if not self._is_base(h.start)]
        holders += self._free(_CHINA, NATIONAL)
        holders += self._free(_TITLE, OTHER)
        holders += [Holder(m.start(), m.end(), OTHER, self.title_before(m.start()) or m.group()) for m in _POLICY_PARTS.finditer(text)]
        holders += self._companies()
        holders += self._events()
        holders += self._at_events()
        holders += self._cluster_phrases()
        holders += self._counted_places()
        holders.sort(key=lambda h: (h.start, -h.end))
        self.lists: list[list[Holder]] = []
        self.holders = self._joined(self._without_nested(holders))
        self._starts = [h.start for h in self.holders]
        self._list_ends = [run[-1].end for run in self.lists]

    # -- building ----------------------------------------------------------------

    def _is_base(self, start: int) -> bool:
        """A place word after 占/居/比 … (the base of a share or comparison) or 在/于 … (a location)."""
        lo = max(0, start - 3)
        return _base_before_re().search(self.text, lo, start) is not None or _locative_re().search(self.text, lo, start) is not None

    def _outside(self, s: int, e: int) -> bool:
        return not any(self._covered[s:e])

    def _clusters(self, ents: Sequence[tuple[int, int, str, dict]]) -> list[Holder]:
        """Cluster entities, each named by its national name or the fullest mention of it."""
        clusters = [(s, e, self.text[s:e], a) for s, e, label, a in ents if label == "CLUSTER"]
        national: dict[object, str] = {}
        fullest: dict[object, str] = {}
        for _, _, name, a in clusters:
            key = cluster_key(name) or name
            if a.get("national_name"):
                national[key] = a["national_name"]
            if len(name) > len(fullest.get(key, "")):
                fullest[key] = name
        out = []
        placed: list[tuple[int, object]] = []  # (start, key) of the placed clusters so far
        for s, e, name, _ in clusters:
            key = cluster_key(name) or name
            subject = national.get(key) or fullest[key]
            if isinstance(key, tuple):
                placed.append((s, key))
            else:  # no place in the name: 高端铝材产业集群 of 龙口市交通铝材… named shortly before
                for start, k in reversed(placed):
                    if s - start > LOCAL_REACH:
                        break
                    if _shared_industry(name, fullest[k]):
                        subject = national.get(k) or fullest[k]
                        break
            out.append(Holder(s, e, CLUSTER, subject))
        return out

    def _bodies(self, ents: Sequence[tuple[int, int, str, dict]]) -> list[Holder]:
        """Bodies that act, not those that report (统计局数据显示, 负责人介绍) nor hold a meeting's place."""
        out = []
        for s, e, label, a in ents:
            if label != "GOV" or self._is_base(s):
                continue
            name = a.get("canonical") or self.text[s:e]
            plan = _PLANS.match(self.text, e)
            if plan is not None:  # 泉州市人民政府提出，未来三年将推动…: the body's plan
                out.append(Holder(s, e, PLANNER, name))
            elif not _after_body_re("announce").match(self.text, e):
                out.append(Holder(s, e, BODY, name))
        return out

    def _free(self, pattern: re.Pattern[str], kind: str) -> list[Holder]:
        """Matches of ``pattern`` outside every entity (a zone, a company, an event)."""
        out = []
        for m in pattern.finditer(self.text):
            if self._outside(m.start(), m.end()) or kind == OTHER and m.group().startswith("《"):
                out.append(Holder(m.start(), m.end(), kind, NATIONAL_SUBJECT if kind == NATIONAL else m.group().strip("《》")))
        return out

    def _companies(self) -> list[Holder]:
        """Enterprises named outside entities, not what a clause counts (培育龙头企业10家,
        其中上市公司9家: the number counts them) and without a lead word (其中, 培育)."""
        text = self.text
        spans = []
        last = 0
        for m in _company_head_re().finditer(text):
            start = m.start()
            while start > max(last, m.start() - _COMPANY_NAME_MAX) and _NAME_CHAR.match(text, start - 1):
                start -= 1  # back over the name: up to 20 name characters
            if m.start() - start >= 2 or m.group() == "公司" and (start == 0 or not _HAN_CHAR.match(text, start - 1)):
                spans.append((start, m.end()))
                last = m.end()
        spans += [m.span() for m in _SOME_COMPANY.finditer(text)]
        out = []
        for start, end in sorted(spans):
            if not self._outside(start, end) or _NUMBER_AFTER.match(text, end):
                continue
            out.append(_strip_lead(Holder(start, end, COMPANY, text[start:end])))
        return out

    def _events(self) -> list[Holder]:
        """Events, funds and programmes named outside entities; a name is what follows the
        last verb of its clause (由…主办的|稀贵金属产业链供需对接会)."""
        out = []
        for m in _event_re().finditer(self.text):
            start = m.start()
            for verb in _EVENT_VERBS.finditer(m.group()):
                start = m.start() + verb.end()
            if self.text.startswith("的", start):
                start += 1
            if _NUMBER_AFTER.match(self.text, m.end()):
                continue  # 签约项目19个: what is counted, not who holds it
            if m.end() - start >= 2 and self._outside(start, m.end()):
                out.append(Holder(start, m.end(), OTHER, self.text[start : m.end()]))
        self.events = out
        self._event_ends = [h.end for h in out]
        return out

    def _at_events(self) -> list[Holder]:
        """峰会上, 会上, 大会期间, 大会发布, 现场签约 opening a sentence (or 现场 a clause): what
        it counts happened at the event (a bare word: the event named last)."""
        out = []
        text = self.text
        opens = [(0, True)] + [(m.end(), True) for m in _SENTENCE_OPEN.finditer(text)]
        opens += [(m.end(), False) for m in _CLAUSE_OPEN_CHAR.finditer(text) if text.startswith("现场", m.end())]
        for pos, sentence in sorted(opens):
            m = _AT_EVENT.match(text, pos)
            if m is None or not sentence and m.lastindex != 3:
                continue
            k = m.lastindex or 1
            word = m.group(k)
            event = self.event_before(m.start(k)) if k > 1 or word in ("会", "会议") else None
            name = event.subject if event is not None else word
            out.append(Holder(m.start(k), m.end(k), OTHER, name))
        return out

    def title_before(self, pos: int) -> str | None:
        """The last document title (《…》) the text names before ``pos``."""
        found = None
        for m in _ANY_TITLE.finditer(self.text, max(0, pos - LOCAL_REACH), pos):
            found = m.group(1)
        return found

    def event_before(self, pos: int) -> Holder | None:
        """The event the text names last before ``pos``, else the first it names (its title's)."""
        i = bisect.bisect_right(self._event_ends, pos) - 1  # events never overlap: ends are sorted
        if i >= 0:
            return self.events[i]
        return self.events[0] if self.events else None

    def _zones(self) -> list[Holder]:
        """Zones named outside entities (丽水经开区, 寿光农产品物流园); a bare zone word
        (基地, 新区, 经开区 after 今年前三季度 …) is the zone named last."""
        out = []
        for m in _zone_re().finditer(self.text):
            lead = _ZONE_LEAD.match(m.group())
            start = m.start() + (lead.end() if lead else 0)
            name = self.text[start : m.end()]
            if not self._outside(start, m.end()) or _sentence_word_re().search(name):
                continue
            if _BARE_ZONE.fullmatch(name):
                name = self._zone_before(start) or name
                if _BARE_ZONE.fullmatch(name):
                    continue
            out.append(Holder(start, m.end(), PLACE, name))
        return out

    def _places(self) -> list[Holder]:
        """Place words the document names in a subject's position: after a time word
        (过去一年邵东市地区生产总值 …) or opening a clause (see :meth:`_clause_places`)."""
        out = []
        for m in self.places.mentions:
            if m.start < 0 or not self._outside(m.start, m.end) or self._is_base(m.start):
                continue
            if not _AFTER_TIME.search(self.text, max(0, m.start - 6), m.start):
                continue
            chain = read_place_chain(self.text, m.start, min(len(self.text), m.start + 24))
            resolved = resolve_chain(chain) if chain else []
            end = chain[-1].end if chain else m.end
            if self.text.startswith("一家", end):
                continue  # 坪山区一家…企业: the company holds what follows
            name = resolved[-1].name if resolved else self.text[m.start:m.end]
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
            if i not in starts:
                continue  # nothing a place could be starts here (most clauses)
            if m.start() > 0 and self.text[m.start() - 1] == "、" and not (out and out[-1].end == m.start() - 1):
                continue  # after 、 only the next member of a list of subjects (not 覆盖昆明、曲靖)
            region = regions.match(self.text, i)
            if region is not None and self._outside(i, region.end()):
                out.append(Holder(i, region.end(), PLACE, region.group()))
                continue
            town = self._short_town_at(i)
            if town is not None:
                out.append(town)
                continue
            zone = _BARE_ZONE_AT.match(self.text, i)
            if zone is not None and self._outside(i, zone.end()):
                name = self._zone_before(i) or self._zone_after(zone.end())
                if name is not None:
                    out.append(Holder(i, zone.end(), PLACE, name))
                continue
            j = trie.longest_at(self.text, i, i + 12)
            if j < 0 or not self._outside(i, j) or _sentence_word_re().match(self.text, i):
                continue
            chain = _nested_prefix(read_place_chain(self.text, i, min(len(self.text), i + 24)))
            if not chain or is_minor_short(chain[0]) and not self._supported(chain[0]):
                continue
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

    def _place_starts(self, regions: re.Pattern[str]) -> set[int]:
        """Where a place, a region, a town's short name or a bare zone word starts."""
        text = self.text
        starts = {s for s, _ in place_words_in(text)}
        starts.update(m.start() for m in regions.finditer(text))
        starts.update(m.start() for m in _BARE_ZONE_AT.finditer(text))
        for short in self._towns:
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
        """A town the document names (柳市镇党委), written here by its short name (柳市将…)."""
        for short, named in self._towns.items():
            if not self.text.startswith(short, i):
                continue
            k = bisect.bisect_left(named, (i - LOCAL_REACH, ""))  # named nearby (pieces agree)
            if k == len(named) or named[k][0] > i + LOCAL_REACH:
                continue
            full = named[k][1]
            end = i + len(full) if self.text.startswith(full, i) else i + len(short)
            if self._outside(i, end):
                return Holder(i, end, PLACE, full)
        return None

    def _zone_after(self, pos: int) -> str | None:
        """The first zone the text names after ``pos`` (园区已集聚… 苏州工业园区管委会)."""
        for m in _ZONE_NAME.finditer(self.text, pos, min(len(self.text), pos + LOCAL_REACH)):
            lead = _ZONE_LEAD.match(m.group())
            name = m.group()[lead.end() :] if lead else m.group()
            if not _BARE_ZONE.fullmatch(name):
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
            out.append(Holder(m.start(), m.end(), PLACE, name))
        return out

    def _scope_place(self, level: str, start: int, end: int) -> lexicon.Place | None:
        if level == "区" and "自治区" in self.text[end : end + 8]:  # 全区自治区级…集群
            region = self.places.nearest(start, end, lambda p: p.name.endswith("自治区"), ancestors)
            if region is not None:
                return region
        if level == "区":
            either = lambda p: fits_level_word(p, "区") or fits_level_word(p, "自治区")  # noqa: E731
            return self.places.nearest(start, end, either, ancestors)
        return self.places.for_level_word(level, start, end)

    def _zone_before(self, pos: int) -> str | None:
        """The last zone the text names shortly before ``pos`` (北京经开区管委会 … 区内)."""
        found = None
        for m in _ZONE_NAME.finditer(self.text, max(0, pos - 300), pos):
            lead = _ZONE_LEAD.match(m.group())
            name = m.group()[lead.end() :] if lead else m.group()
            if not _BARE_ZONE.fullmatch(name):
                found = name
        return found

    def _document_towns(self) -> dict[str, list[tuple[int, str]]]:
        """Towns the document names (柳市镇党委, 胜芳镇政府) by short name (柳市 → where it
        names 柳市镇, in order)."""
        towns: dict[str, list[tuple[int, str]]] = {}
        for m in _TOWN_NAME.finditer(self.text):
            full = m.group()
            short = full[:-2] if full.endswith("街道") else full[:-1]
            if len(short) >= 2 and not _sentence_word_re().search(full):
                towns.setdefault(short, []).append((m.start(), full))
        return towns

    def _town_before(self, pos: int) -> str | None:
        """The last town the text names before ``pos`` (大瑶镇党委 … 全镇)."""
        found = None
        for m in _TOWN_NAME.finditer(self.text, max(0, pos - LOCAL_REACH), pos):
            found = m.group()
        return found

    def _words(self, role: str) -> list[Holder]:
        out = []
        for m in _word_re(role).finditer(self.text):
            if self._outside(m.start(), m.end()):
                out.append(Holder(m.start(), m.end(), role, NATIONAL_SUBJECT if role == NATIONAL else m.group()))
        return out

    def _cluster_phrases(self) -> list[Holder]:
        """Generic cluster phrases outside entities: an anaphor (该集群, a bare 集群) or a group."""
        out = []
        anaphors = _word_re(ANAPHOR)
        for m in _GENERIC_CLUSTER.finditer(self.text):
            s, e = m.span()
            if not self._outside(s, e):
                continue
            before = self.text[max(0, s - 12) : s]
            a = anaphors.search(self.text, max(0, s - 3), e)
            scope = _GROUP_SCOPE.search(before)
            if scope is not None and m.group() != "集群":
                first = s - len(before) + scope.start()
                if _SUBJECT_POSITION.search(self.text, max(0, first - 3), first):
                    out.append(Holder(first, e, GROUP, m.group(), self._container(first)))  # 全省20个战略性产业集群实现…
                    continue
            if _COUNT_BEFORE.search(before):
                continue  # 建设20个…集群: what is counted, not who holds it
            if m.group() == "集群" and _SET_BEFORE.search(before):
                out.append(Holder(s, e, GROUP, "集群"))
            elif m.group() == "集群":
                start = a.start() if a is not None and a.end() == e else s
                out.append(Holder(start, e, ANAPHOR, None))
            elif _SUBJECT_POSITION.search(self.text, max(0, s - 3), s):
                out.append(Holder(s, e, GROUP, m.group()))
        return out

    def _container(self, pos: int) -> tuple[str, str | None] | None:
        """The place a scope word at ``pos`` names (全国 → 中国, 全省 → the province)."""
        if self.text.startswith("全国", pos):
            return NATIONAL, NATIONAL_SUBJECT
        m = _SCOPE.match(self.text, pos)
        if m is None or not m.group(1):
            return None
        place = self._scope_place(m.group(1), pos, m.end())
        return (PLACE, place.name) if place is not None else None

    def _counted_places(self) -> list[Holder]:
        """三市, 两地 opening a clause: the cluster the places form, named last before (宝汉天
        工业母机集群 … 三市现有…), else the places as a group."""
        out = []
        for m in _N_PLACES.finditer(self.text):
            if not self._outside(m.start(), m.end()):
                continue
            i = bisect.bisect_left(self._cluster_starts, m.start()) - 1
            if i >= 0:
                out.append(Holder(m.start(), m.end(), CLUSTER, self._cluster_holders[i].subject))
            else:
                out.append(Holder(m.start(), m.end(), GROUP, m.group()))
        return out

    def _joined(self, holders: list[Holder]) -> list[Holder]:
        """Holders joined by 、/和/与 (工业和信息化部、财政部等五部门, 江苏、浙江、广东三省) are one
        group; before 分别/分列 (江阴市、张家港市分列第二、第三) each keeps its own and the run
        is kept in :attr:`lists` for :meth:`listed_at`."""
        out: list[Holder] = []
        run: list[Holder] = []

        def flush() -> None:
            if len(run) < 2:
                out.extend(run)
            elif _RESPECTIVELY.match(self.text, run[-1].end):
                self.lists.append(list(run))
                out.extend(run)
            else:  # bodies keep a body's rules (see component._holder), as one group
                text = self.text[run[0].start : run[-1].end]
                kind = GROUP if _family(run[0].kind) != BODY else PLANNERS if any(h.kind == PLANNER for h in run) else BODIES
                out.append(Holder(run[0].start, run[-1].end, kind, text))
            run.clear()

        for h in holders:
            if run and _family(h.kind) == _family(run[-1].kind) and _family(h.kind) and _LIST_JOINER.fullmatch(self.text, run[-1].end, h.start):
                run.append(h)
                continue
            flush()
            run.append(h)
        flush()
        return out

    def listed_at(self, pos: int, numbers: Sequence[int]) -> Holder | None:
        """For a number at ``pos`` after a 分别 list in its sentence, the list's member of the
        same rank (``numbers``: the starts of the document's numbers, sorted)."""
        i = bisect.bisect_left(self._list_ends, pos) - 1
        if i < 0:
            return None
        run = self.lists[i]
        if _SENTENCE_BREAK.search(self.text, run[-1].end, pos):
            return None
        rank = bisect.bisect_left(numbers, pos) - bisect.bisect_left(numbers, run[-1].end)
        return run[rank] if rank < len(run) else None

    @staticmethod
    def _without_nested(holders: list[Holder]) -> list[Holder]:
        """Drop a holder inside a longer one that starts first (a place inside a zone's name)."""
        out: list[Holder] = []
        for h in holders:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out

    # -- queries -----------------------------------------------------------------

    def before(self, start: int, end: int) -> list[Holder]:
        """Holders within ``[start, end)``, nearest to ``end`` first."""
        i = bisect.bisect_left(self._starts, end) - 1
        out = []
        while i >= 0 and self.holders[i].start >= start:
            if self.holders[i].end <= end:
                out.append(self.holders[i])
            i -= 1
        return out

    def starts_at(self, pos: int) -> bool:
        """Does a holder start at ``pos`` (or a body, which is no holder everywhere)?"""
        i = bisect.bisect_left(self._starts, pos)
        return (i < len(self._starts) and self._starts[i] == pos) or pos in self.entity_starts

    def place_before(self, pos: int) -> tuple[str, str] | None:
        """The place the text names last before ``pos`` (a table's title, a body's place), as a
        subject: what a number nobody holds is most likely about."""
        best = None
        for m in self.places.before(pos):
            if len(m.candidates) == 1:
                best = m
                break
        return ("place", best.candidates[0].name) if best is not None else None

    def last_of(self, kind: str, end: int, *, named: bool = False) -> Holder | None:
        """The last holder of ``kind`` ending before ``end`` (``named``: with a name, not
        a bare 公司), looking back at most :data:`REACH` holders (linear on any text)."""
        i = bisect.bisect_left(self._starts, end) - 1
        stop = max(-1, i - REACH)
        while i > stop:
            h = self.holders[i]
            if h.kind == kind and h.end <= end and not (named and h.subject == "公司"):
                return h
            i -= 1
        return None
