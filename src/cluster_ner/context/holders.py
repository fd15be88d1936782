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
* generic cluster phrases (国家先进制造业集群, 45个集群) and ranking or threshold
  sets of places (全国工业百强县, 千亿县) → ``group``, and anaphors (该集群, 集群) →
  the cluster the text is about; a body named again by its head (该院, 该局) → that
  body.

A place word right after a base word (占全国, 居全省, 高于全市) is the base of a
share or a comparison, not a holder.

:class:`DocumentHolders` finds clusters, bodies, the country, groups and
anaphors, joins lists and answers the queries; places are found by
:mod:`.holder_places`, companies, events and projects by
:mod:`.holder_companies_events`, speakers (我们) by :mod:`.holder_speakers`, on
the shared :mod:`.holder_base`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .. import lexicon
from ..attributes.cluster import cluster_key, match_national_at, placeless_industry
from ..attributes.places import DocumentPlaces
from ..constants import HAN
from ..grammar.metric_furniture import breadcrumb_lines
from .holder_base import ANAPHOR, BODIES, BODY, CLUSTER, COMPANY, GROUP, LOCAL_REACH, NATIONAL, NATIONAL_SUBJECT, OTHER, PLACE, PLANNER, PLANNERS, ZONE_COMMITTEE, Holder
from .holder_companies_events import CompanyEventFinder
from .holder_places import PlaceFinder
from .holder_speakers import SpeakerFinder
from .sentences import last_heading, start_of_sentence

__all__ = ["Holder", "DocumentHolders"]

REACH = 300  # holders looked back at, at most
_PLACES_TRIED = 5  # places looked back at for the place of a cluster named without one


@lexicon.cached
def _word_re(role: str) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.context_words().get(role, ())))


@lexicon.cached
def _after_body_re(role: str) -> re.Pattern[str]:
    """A word of ``role`` shortly after a body (数据显示, 安排): up to 6 characters between."""
    return re.compile(rf"[^，。；！？,;!?\n]{{0,6}}?(?:{lexicon.alternation(lexicon.context_words().get(role, ()))})")


# A body stating its own plan: 提出/表示 then 将/力争/计划 in the sentence.
_PLANS = re.compile(r"[^，。；！？,;!?\n]{0,6}?(?:表示|提出|明确)[，,：:]?[^。；！？;!?\n]{0,30}?(?:将|力争|计划|要)")

# Between two holders of one list (A、B, A和B); after a list whose members each get a number.
_LIST_JOINER = re.compile(r"、|和|与|及|、和")
_RESPECTIVELY = re.compile(r"[^，,。；;！？!?\n]{0,6}?(?:分别|分列|分居|依次|并列)")
# 分别 later in the list's sentence (郑州、南阳、商丘、许昌四市…，营业收入占比分别为…).
_RESPECTIVELY_LATER = re.compile(r"[^。；;！？!?\n]{0,30}?(?:分别|依次)")
# After a list of places: each member holds what follows (各有2个, 均有6个).
_EACH = re.compile(r"[^，,。；;！？!?\n\d]{0,3}?(?:各有|均有|各|均为|都有)")
# 分别 again later in a list's sentence: the members are counted again from it.
_RESPECTIVELY_AGAIN = re.compile(r"分别|依次")
# A set of clusters counted by a numeral (两大集群, 三个集群): its members are the clusters named last.
_COUNTED_SET = re.compile(r"([两二三四五])(?:大|个)(?:产业)?集群")
_SET_SIZE = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}

# Industries sharing one head, then 分别 (电子信息、装备制造…六大优势产业集群营业收入分别为…):
# each item with the head is a cluster category of its own.
_FACTORED_SET = re.compile(
    rf"((?:[{HAN}]{{2,8}}、)+[{HAN}]{{2,8}}?(?:和[{HAN}]{{2,8}}?)?)(?:[一二三四五六七八九十两]+大)?(?:优势|重点|主导|特色|支柱)?(产业集群|集群)"
)
_FACTORED_ITEM_SPLIT = re.compile("、|和")

_SENTENCE_BREAK = re.compile(r"[。！？!?\n；;]")
_FORMER_LATTER = re.compile(r"前者|后者")
_ENGLISH_ANAPHOR = re.compile(r"(?<![A-Za-z])(?:[Tt]he|[Tt]his) cluster(?![A-Za-z])")


def _family(kind: str) -> str | None:
    """Kinds a list may join: bodies (with planners), places, clusters, companies."""
    return {BODY: BODY, PLANNER: BODY, PLACE: PLACE, CLUSTER: CLUSTER, COMPANY: COMPANY}.get(kind)


# 全国近三成工业增加值, 全省40%的产值: the country is the base of a share, not a holder.
_SHARE_FOLLOWS = re.compile(r"(?:的)?(?:近|约|超过|超|逾|将近)?(?:[一二三四五六七八九十两半]成|[\d.]+%|[一二三四五六七八九十]分之[一二三四五六七八九十])")
# 闻名全国, 销往全国, 辐射全国: the country is where a thing reaches, not a holder.
_NATIONAL_OBJECT = re.compile(r"(?:闻名|享誉|销往|辐射|覆盖|遍布|面向|走向|领先)$")
# 这些产业示范基地, 上述园区: a set of bases or parks named again holds what its clause counts.
_SET_OF_BASES = re.compile(r"(?:这些|上述|该批|这批)([\u4e00-\u9fff]{0,10}?(?:基地|园区|开发区|高新区|经开区))")
# A ranking's or a threshold's set of places (全国工业百强县, 百强县中, 千强镇, 千亿县, 经济十强省份):
# a group holding its own figures;
# a scope or the country before it is part of the phrase, not a holder of its own.
_RANKED_SET = re.compile(
    r"(?=[全中我“工经综县百千十万\d])"  # (the characters it can start with: skip the rest fast)
    r"(?:全国|全省|中国|我国)?“?((?:工业|经济|综合实力|县域经济)?(?:(?:百|千|十|\d+)强|百亿|千亿|万亿)(?:县市|县区|乡镇|县域|省份|城市|县|市|区|镇))”?(?:[(（]县级市[)）])?"
)
# …but the list a place is ranked in is the rank's scope: 居全国千强镇第4位, 在县域经济百强县中位列第27位.
_RANKED_IN_BEFORE = re.compile(r"(?:居|位居|位列|列|在|入围|跻身|进入|入选|荣登|上榜)$")
_RANKED_IN_AFTER = re.compile(r"(?:中|榜单?中?)?(?:排名|排|位列|位居|居|列)?第|(?:中|榜单?中?)?(?:排名|位列|位居)")
# Between a cluster and a company it names: 集群|龙头企业|…公司 (the company's role in it).
_COMPANY_ROLE = re.compile(r"(?:的)?(?:龙头|骨干|链主|领军|重点|头部)?(?:企业)?")
# A body named again by its head (该院, 该局, 本委, 该行; 我厅 in its own report): the body of that kind named last.
_BODY_ANAPHOR = re.compile(r"(?:该|本|我)(院|局|厅|委|部|行)(?=[\u4e00-\u9fff])(?!长|领导|负责人|党组|干部|职工)")
# Inside a quoted title or designation (被评为“全国…镇”): an open “ before, not closed.
_QUOTED_BEFORE = re.compile(r"“[^“”\n。；;]*$")
_QUOTE_REACH = 20
# A rank after the country: 全国第一, 全国前三, 全国首位 (its scope, not its holder).
_RANK_AFTER = re.compile(r"(?:第|前|首|之首)")
# 全国市场占有率, 国内市场份额: the country names a market, the measure's, not a holder.
_MARKET_AFTER = re.compile(r"(?:同类|同类产品)?市场(?:占有率|份额|占比)")
# 中国 as the country, not the start of a name (中国声谷, 中国眼镜协会, 中国第一汽车集团).
_CHINA = re.compile(rf"中国(?=[^{HAN}]|的|已|共|累计|现|目前|有|是|成为|整体|企业(?!联合会|家))")
# The zone word a zone's name ends with (for naming a zone most fully).
_ZONE_END = re.compile(r"(?:开发区|高新区|经开区|新区|园区|工业园|产业园|基地|示范区|试验区|合作区|片区)$")
# Bases known by a name with no zone word (中国声谷, 光谷, 中国医药城): places.
_NAMED_BASE = re.compile(r"(?:中国)?(?:光谷|声谷|药谷|车谷|芯谷|氢谷|电谷)|中国医药城")
# A document's title: the document holds its chapters and articles (共7章48条).
_TITLE = re.compile(r"《[^《》\n]{1,60}》(?=[，,]?(?:共|分为|包括|涵盖|全文))")
# A policy word counting its own parts: 政策共12条, 若干措施共18条, 方案分为5章.
_POLICY_PARTS = re.compile(r"(?:^|(?<=[。！？!?\n；;，,]))(?:本|该|上述)?(?:若干)?(?:措施|政策|新政|办法|方案|意见|规划|计划|条例|细则|草案)(?=共|分为|包括|涵盖)", re.M)
# Places counted as one subject: 三市现有…, 两地共有…, 四地工信部门 (a cross-region cluster's).
_N_PLACES = re.compile(r"(?:^|(?<=[，,；;。！？!?：:\n \t\u3000]))(?:[两二三四五六七八九]|十)(?:地|市|省|县|区|城)(?=[\u4e00-\u9fff])", re.M)
_ANY_TITLE = re.compile(r"《([^《》\n]{1,60})》")
_GENERIC_CLUSTER = re.compile(
    r"(?=[国世省市重县中先战特创产集“百优地万千])"  # the characters it can start with: skip the rest fast
    r"(?:“[^”\n]{1,8}”)?"  # a programme's name: “415X”先进制造业集群
    r"(?:中国百强|百强)?"  # a ranking's list: 中国百强产业集群
    r"(?:万亿级|千亿级)?(?:国家级|国家|世界级|省级|市级)?(?:重点)?(?:县域)?(?:中小企业)?(?:优势|地标)?"
    r"(?:(?:先进制造业|战略性新兴产业|战略性产业|特色产业|创新型产业|产业)?集群(?:核心区)?|(?:先进)?产业群)"
)
# A scope and count before a group phrase, part of the group's subject position:
# 全省20个战略性产业集群实现…, 全国先进制造业集群产品质量合格率…
_GROUP_SCOPE = re.compile(r"(?:(?:全国|全省|全市|全区|各地|本批|该批|首批|新一批)(?:(?:\d+|[一二三四五六七八九十两百]+)[个大](?:左右)?)?|(?:\d+|[一二三四五六七八九十两百]+)[个大](?:左右)?)$")
# A scope word and what it modifies before a count (全省|纳入监测的|15个重点产业集群).
_SCOPE_MODIFYING = re.compile(r"(?:全国|全省|全市|全区)[^，,。；;！？!?\n\d]{1,10}的$")
# Examples before a counted group (纺织鞋服等|五大产业集群): part of the group's phrase.
_EXAMPLES_BEFORE = re.compile(r"[^，,。；;！？!?：:\n\d]{2,12}等$")
# Where a generic phrase is the subject of its clause: after punctuation, 全/各/本批/这些 …
_SUBJECT_POSITION = re.compile(r"(?:^|[，,；;。！？!?：:\n]|推动|促进|带动|全国|全省|全市|各|这些|本批|该批|上述|其中|年|月|季度|以来|目前|力争|确保|争取|预计)$")
# A set's word modifying 集群 through 的 (入选“十强”的集群, 上榜的集群).
_SET_MODIFIED_BEFORE = re.compile(r"(?:上榜|入榜|入选|入围|参评|获评|认定)[^，,。；;！？!?\n]{0,8}的$")
_SET_BEFORE = re.compile(r"(?:上榜|入榜|上述|这些|[两二三四五六七八九十]大|各个|每个|每一个|各|所有|全省|全市|全国|本批|该批|入选|相关|参评|入围|拟认定|新认定|获评)$")
# 国家先进制造业集群数量居全国第三: the clusters' number ranked is the measure; the place that
# has them holds the rank (a group's own number, 集群数达到80个, stays the group's).
_NUMBER_OF_AFTER = re.compile(r"(?:数量|总数|个数|数)(?:居|位居|位列|排名|排在|排|列|跃居|稳居|名列)")
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二三四五六七八九十两百千]+|[数多几])个[^，,。；;！？\n]{0,6}$")
# A count of the clusters themselves right after a bare 集群 (评价等次为优秀的集群15个): the set.
_COUNTED_AFTER = re.compile(r"(?:共|有|达|达到|为)?(?:\d+|[一二三四五六七八九十两百]+)个")


_CLUSTER_HEAD = re.compile(r"(?:先进制造业|战略性新兴产业|战略性产业|特色产业|产业)?集群$")


def _shared_industry(a: str, b: str) -> bool:
    """Does cluster name ``a`` share a two-character industry word (铝材, 装备 …) with ``b``,
    or is it ``b``'s tail?"""
    generic = ("产业", "集群", "特色", "先进", "制造", "高端", "国家", "装备", "智能", "新型", "现代", "材料", "信息", "电子", "技术")
    if len(a) > 4 and b.endswith(a):
        return True  # 铜产业集群 of 鹰潭市铜产业集群: a one-character industry
    a = _CLUSTER_HEAD.sub("", a)  # (业集 of 产业集群 is no industry word)
    grams = {a[i : i + 2] for i in range(len(a) - 1)} - set(generic)
    return any(g in b for g in grams)


def _place_of_body(attributes: dict, surface: str) -> tuple[str, str | None] | None:
    """The place a local body governs (上海市 of 市经信委 in a Shanghai text; the zone a zone's
    committee is named by: 滨海高新区 of 滨海高新区管委会), whose economy its plan's figures
    describe; ``None`` for a national body or an unknown place."""
    if attributes.get("level") == "zone":
        zone = ZONE_COMMITTEE.sub("", surface)
        if zone != surface and len(zone) >= 2 and _ZONE_END.search(zone):
            return PLACE, zone
    region = attributes.get("region")
    if not region or attributes.get("level") in (None, "national"):
        return None
    return PLACE, region.split("/")[-1].split(",")[0]


class DocumentHolders(PlaceFinder, CompanyEventFinder, SpeakerFinder):
    """Every holder of a document, sorted by position (built once per Doc).

    Args:
        text: the working text.
        ents: ``(start, end, label, attributes)`` of the document's entities,
            ``attributes`` a dict with ``canonical`` / ``national_name``.
        places: the document's places (for scope words and place mentions).
    """

    def __init__(
        self,
        text: str,
        ents: Sequence[tuple[int, int, str, dict]],
        places: DocumentPlaces,
        *,
        first_line_is_title: bool = True,
        report_place: tuple[str, str | None] | None = None,
    ) -> None:
        super().__init__(text, ents, places)
        self._first_line_is_title = first_line_is_title
        self.attrs = ents
        self._towns = self._document_towns()
        self._zone_shorts = self._document_zone_shorts()
        self._full_names = frozenset(p.name for m in places.mentions for p in m.candidates if len(m.candidates) == 1)
        holders: list[Holder] = []
        self._cluster_holders = self._clusters(ents)
        self._cluster_starts = [h.start for h in self._cluster_holders]
        holders += self._cluster_holders
        holders += self._bodies(ents)
        # A government work report's place (政府工作报告 in its first line), or a long text's
        # first piece's, carried to the pieces after (their first line is no title).
        self.report_place = self._report_place() if first_line_is_title else report_place
        holders += self._zones()
        self._clause_place_holders = sorted(self._clause_places(), key=lambda h: h.start)
        self._clause_place_starts = [h.start for h in self._clause_place_holders]
        holders += self._clause_place_holders
        holders += self._places()
        holders += self._scopes()
        holders += [
            h
            for h in self._words(NATIONAL)
            if not self._is_base(h.start)
            and not _MARKET_AFTER.match(text, h.end)
            and not _SHARE_FOLLOWS.match(text, h.end)
            and not _NATIONAL_OBJECT.search(text, max(0, h.start - 3), h.start)
            and not _QUOTED_BEFORE.search(text, max(0, h.start - _QUOTE_REACH), h.start)  # “全国乡村特色产业超10亿元镇”: a title's word
            and not _RANK_AFTER.match(text, h.end)  # 产销量已达全国第一: the scope of a rank
        ]
        holders += [Holder(m.start(1), m.end(1), GROUP, m.group(1)) for m in _SET_OF_BASES.finditer(text) if self._outside(m.start(1), m.end(1))]
        holders += [
            Holder(m.start(), m.end(), GROUP, m.group(1))
            for m in _RANKED_SET.finditer(text)
            if self._outside(m.start(), m.end())
            and not _RANKED_IN_BEFORE.search(text, max(0, m.start() - 2), m.start())
            and not _RANKED_IN_AFTER.match(text, m.end())
        ]
        holders += self._free(_CHINA, NATIONAL)
        holders += [  # 声谷 where the text also writes 中国声谷: its fullest name
            Holder(h.start, h.end, PLACE, "中国" + h.subject if not h.subject.startswith("中国") and "中国" + h.subject in text else h.subject)
            for h in self._free(_NAMED_BASE, PLACE)
            if not self._is_base(h.start)
        ]
        holders += self._free(_TITLE, OTHER)
        holders += [Holder(m.start(), m.end(), OTHER, self.title_before(m.start()) or m.group()) for m in _POLICY_PARTS.finditer(text)]
        holders += self._companies()
        holders += self._projects()
        holders += self._project_sets()
        holders += self._events()
        holders += self._at_events()
        holders += self._event_anaphors()
        holders += self._cluster_phrases()
        holders += self._former_and_latter(holders)
        holders += self._counted_places()
        holders = self._fullest_zones(holders)
        holders = self._place_of_company(holders)
        holders = self._without_locatives(holders)
        holders += self._first_person(holders)
        self._titles = [m.span() for m in _ANY_TITLE.finditer(text)]
        self._title_starts = [s for s, _ in self._titles]
        self._crumbs = breadcrumb_lines(text)  # 中国西藏网 > 即时新闻 > 文化: the site's name holds nothing
        holders = [h for h in holders if not self._in_title(h.start) and not self._in_crumbs(h.start)]
        holders.sort(key=lambda h: (h.start, -h.end))
        self.lists: list[list[Holder]] = []
        self._list_from: list[int] = []  # where each list's numbers start (after its 分别)
        self.holders = self._joined(self._without_nested(holders))
        self._starts = [h.start for h in self.holders]
        self._list_ends = [run[-1].end for run in self.lists]

    # -- building ----------------------------------------------------------------

    def _clusters(self, ents: Sequence[tuple[int, int, str, dict]]) -> list[Holder]:
        """Cluster entities, each named by its national name or the fullest mention of it."""
        clusters = [(s, e, self.text[s:e], a) for s, e, label, a in ents if label == "CLUSTER"]
        self._later_placed = [(s, cluster_key(name)) for s, _, name, _ in clusters if isinstance(cluster_key(name), tuple)]
        self._later_starts = [s for s, _ in self._later_placed]
        national: dict[object, str] = {}
        fullest: dict[object, str] = {}
        for _, _, name, a in clusters:
            key = cluster_key(name) or name
            if a.get("national_name"):
                national[key] = a["national_name"]
            if len(name) > len(fullest.get(key, "")):
                fullest[key] = name
        # A place's cluster named without its industry (徐州集群) is the one cluster of that
        # place the document names with one (徐州市工程机械集群).
        by_places: dict[object, set] = {}
        for key in fullest:
            if isinstance(key, tuple) and key[1]:
                by_places.setdefault(key[0], set()).add(key)
        out = []
        placed: list[tuple[int, object]] = []  # (start, key) of the placed clusters so far
        unlisted: list[tuple[str, str]] = []  # (industry, name) of those named with an unlisted place (大朗毛织产业集群)
        for s, e, name, _ in clusters:
            key = cluster_key(name) or name
            if isinstance(key, tuple) and not key[1] and len(by_places.get(key[0], ())) == 1:
                key = next(iter(by_places[key[0]]))
            subject = national.get(key) or fullest[key]
            if isinstance(key, tuple):
                placed.append((s, key))
            else:  # no place in the name: 高端铝材产业集群 of 龙口市交通铝材… named shortly before
                industry = placeless_industry(name) or ""
                subject = self._placed_cluster(s, name, placed, national, fullest) or next(
                    (full for other, full in reversed(unlisted) if len(other) > len(industry) >= 2 and other.endswith(industry)), subject
                )  # 毛织集群 of 大朗毛织产业集群 named before: its town is no listed place
                unlisted.append((industry, subject))
            out.append(Holder(s, e, CLUSTER, subject))
        return out

    def _placed_cluster(
        self, s: int, name: str, placed: list[tuple[int, object]], national: dict[object, str], fullest: dict[object, str]
    ) -> str | None:
        """The name of a cluster written without its place at ``s``: a cluster sharing an
        industry word named with its place shortly before, else the national list's cluster
        of its industry in a place named shortly before (中小航空发动机产业集群 in a report
        of 株洲市), else one of the same industry named with its place shortly after."""
        for start, k in reversed(placed):
            if s - start > LOCAL_REACH:
                break
            if _shared_industry(name, fullest[k]):
                return national.get(k) or fullest[k]
        for seen, m in enumerate(self.places.before(s)):
            if seen >= _PLACES_TRIED or s - m.start > LOCAL_REACH:
                break
            if len(m.candidates) == 1:
                row = match_national_at(name, m.candidates[0].name)
                if row is not None:
                    return row.name
        industry = placeless_industry(name)
        k = bisect.bisect_right(self._later_starts, s)
        while k < len(self._later_placed) and self._later_placed[k][0] <= s + LOCAL_REACH:
            key = self._later_placed[k][1]
            if key[1] == industry:  # the same industry, not one shared word
                return national.get(key) or fullest.get(key)
            k += 1
        return None

    def _bodies(self, ents: Sequence[tuple[int, int, str, dict]]) -> list[Holder]:
        """Bodies that act, not those that report (统计局数据显示, 负责人介绍) nor hold a meeting's place."""
        out = []
        self._body_places = {s: _place_of_body(a, self.text[s:e]) for s, e, label, a in ents if label == "GOV"}
        for s, e, label, a in ents:
            if label != "GOV" or self._is_base(s):
                continue
            name = a.get("canonical") or self.text[s:e]
            plan = _PLANS.match(self.text, e)
            if plan is not None:  # 泉州市人民政府提出，未来三年将推动…: the body's plan
                out.append(Holder(s, e, PLANNER, name, self._body_places[s]))
            elif not _after_body_re("announce").match(self.text, e):
                out.append(Holder(s, e, BODY, name))
        # 该院共受理…案件, 该局安排资金…: the body of that kind named last does what is counted
        gov = [(s, e, a.get("canonical") or self.text[s:e]) for s, e, label, a in ents if label == "GOV"]
        for m in _BODY_ANAPHOR.finditer(self.text):
            # (我局 is the body the text speaks for, the first of that kind it names: its author)
            order = gov if m.group().startswith("我") else reversed(gov)
            named = next((name for s, e, name in order if e <= m.start() and self.text[s:e].endswith(m.group(1))), None)
            if named is not None and self._outside(m.start(), m.end()):
                out.append(Holder(m.start(), m.end(), BODY, named))
        return out

    def _place_of_company(self, holders: list[Holder]) -> list[Holder]:
        """A place right before 一家…企业 or …的 and a company's name is the company's
        (苏州工业园区一家纳米材料企业, 位于北京经开区的擎天智造机器人有限公司): the company
        holder starts there, so it is the clause's first holder and the place nests."""
        place_at_end = {h.end: h for h in holders if h.kind == PLACE}
        out = []
        for h in holders:
            if h.kind == COMPANY:
                for link in ("一家", "的"):
                    place = place_at_end.get(h.start - len(link))
                    if place is not None and self.text.startswith(link, h.start - len(link)):
                        h = Holder(place.start, h.end, COMPANY, h.subject)
                        break
            out.append(h)
        return out

    @staticmethod
    def _fullest_zones(holders: list[Holder]) -> list[Holder]:
        """A zone named by the end of its name (太湖科技产业园) is named as the document
        names it most fully, from its place (常州西太湖科技产业园; not 批复两江新区)."""
        trie = lexicon.place_trie()
        names = {h.subject for h in holders if h.kind == PLACE and h.subject and _ZONE_END.search(h.subject)}
        fullest: dict[str, str] = {}  # each proper ending of a full name → the longest full name with it
        for n in names:
            if trie.longest_at(n, 0, len(n)) > 0:
                for k in range(1, len(n) - 1):
                    if len(n) > len(fullest.get(n[k:], "")):
                        fullest[n[k:]] = n
        out = []
        for h in holders:
            if h.kind == PLACE and h.subject in names and h.subject in fullest:
                h = Holder(h.start, h.end, PLACE, fullest[h.subject], h.container)
            out.append(h)
        return out

    def _in_crumbs(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self._crumbs)

    def _in_title(self, pos: int) -> bool:
        """Is ``pos`` inside a document's title (《河南省…行动计划》: its places and clusters
        name that document's scope, not a holder of this text's numbers)?"""
        i = bisect.bisect_right(self._title_starts, pos) - 1
        return i >= 0 and self._titles[i][0] < pos < self._titles[i][1]

    def _free(self, pattern: re.Pattern[str], kind: str) -> list[Holder]:
        """Matches of ``pattern`` outside every entity (a zone, a company, an event)."""
        out = []
        for m in pattern.finditer(self.text):
            if self._outside(m.start(), m.end()) or kind == OTHER and m.group().startswith("《"):
                out.append(Holder(m.start(), m.end(), kind, NATIONAL_SUBJECT if kind == NATIONAL else m.group().strip("《》")))
        return out

    def title_before(self, pos: int) -> str | None:
        """The last document title (《…》) the text names before ``pos``."""
        found = None
        for m in _ANY_TITLE.finditer(self.text, max(0, pos - LOCAL_REACH), pos):
            found = m.group(1)
        return found

    def _words(self, role: str) -> list[Holder]:
        out = []
        for m in _word_re(role).finditer(self.text):
            if self._outside(m.start(), m.end()):
                out.append(Holder(m.start(), m.end(), role, NATIONAL_SUBJECT if role == NATIONAL else m.group()))
        return out

    def _without_locatives(self, holders: list[Holder]) -> list[Holder]:
        """Drop what only places a company or project right after it: a scope word of the 区内
        form (区内|哈尔滨龙翔航空部件有限公司去年营业收入…) and a cluster whose leading company
        it names (集群龙头企业|江苏晶辉光能科技有限公司一季度组件出货量…): the company holds."""
        companies = {h.start for h in holders if h.kind == COMPANY}
        located = companies | {h.start for h in holders if h.kind == OTHER}
        out = []
        for h in holders:
            if h.kind == PLACE and h.end in located and self.text.endswith("内", 0, h.end):
                continue
            if h.kind in (CLUSTER, ANAPHOR):
                role = _COMPANY_ROLE.match(self.text, h.end)
                if role is not None and role.end() in companies:
                    continue
            out.append(h)
        return out

    def _cluster_phrases(self) -> list[Holder]:
        """Generic cluster phrases outside entities: an anaphor (该集群, a bare 集群) or a group."""
        out = []
        anaphors = _word_re(ANAPHOR)
        for m in _GENERIC_CLUSTER.finditer(self.text):
            s, e = m.span()
            if not self._outside(s, e) or _NUMBER_OF_AFTER.match(self.text, e):
                continue
            before = self.text[max(0, s - 12) : s]
            a = anaphors.search(self.text, max(0, s - 3), e)
            scope = _GROUP_SCOPE.search(before)
            if scope is not None and m.group() != "集群":
                first = s - len(before) + scope.start()
                modified = _SCOPE_MODIFYING.search(self.text, max(0, first - 14), first) or _EXAMPLES_BEFORE.search(self.text, max(0, first - 14), first)
                if modified is not None and self._in_subject_position(modified.start()):
                    first = modified.start()  # 全省纳入监测的15个重点产业集群
                if self._in_subject_position(first):
                    out.append(Holder(first, e, GROUP, m.group(), self._container(first)))  # 全省20个战略性产业集群实现…
                    continue
                place = self._place_ending_at(first)
                if place is not None:  # 江苏|10个国家级集群的产值…: the place's group, the place qualifying it
                    out.append(Holder(first, e, GROUP, m.group(), place))
                    continue
            if _COUNT_BEFORE.search(before):
                continue  # 建设20个…集群: what is counted, not who holds it
            if m.group() == "集群" and (_SET_BEFORE.search(before) or _SET_MODIFIED_BEFORE.search(before)):
                out.append(Holder(s, e, GROUP, "集群"))
            elif m.group() == "集群" and _COUNTED_AFTER.match(self.text, e):  # …的集群15个: the set named last
                named = next((h.subject for h in reversed(out) if h.kind == GROUP and s - h.end <= LOCAL_REACH), None)
                out.append(Holder(s, e, GROUP, named or "集群"))
            elif m.group() == "集群":
                start = a.start() if a is not None and a.end() == e else s
                if not self._is_base(start) and not _SHARE_FOLLOWS.match(self.text, e):  # 同在集群内的…公司: where it is, not who holds; 聚集了集群六成以上的企业: the base of a share
                    out.append(Holder(start, e, ANAPHOR, None))
            elif self._in_subject_position(s):
                out.append(Holder(s, e, GROUP, m.group()))
            elif (place := self._place_ending_at(s)) is not None:
                out.append(Holder(s, e, GROUP, m.group(), place))  # 扬州市|“323+1”先进制造业集群规上企业…: the place's set
        # In English on a Chinese page, "the cluster" is 该集群.
        out += [Holder(m.start(), m.end(), ANAPHOR, None) for m in _ENGLISH_ANAPHOR.finditer(self.text)]
        return out

    def _in_subject_position(self, pos: int) -> bool:
        """Does what starts at ``pos`` stand where a clause's subject does (after punctuation,
        a line's indent, 全/各/本批 …)?"""
        i = pos
        while i > 0 and self.text[i - 1] in " \t\u3000":
            i -= 1  # (a line's indent: 　　国家级先进制造业集群增至45个)
        return _SUBJECT_POSITION.search(self.text, max(0, i - 3), i) is not None

    def _place_ending_at(self, pos: int) -> tuple[str, str | None] | None:
        """The place a mention ending at ``pos`` names, when it opens a clause (江苏|10个…)."""
        mention = next(iter(self.places.before(pos)), None)
        if mention is None or mention.end != pos or len(mention.candidates) != 1:
            return None
        if not self._in_subject_position(mention.start):
            return None
        return PLACE, mention.candidates[0].name

    def _former_and_latter(self, found: list[Holder]) -> list[Holder]:
        """前者 / 后者: the first / the second of the last two clusters named before
        (推动鸡西…集群、鹤岗…集群做大做强。…前者产值达到150亿元，后者达到120亿元), else
        of the two places listed last before (宁波、舟山分别实现产值…，前者增速为16.2%)."""
        out = []
        for m in _FORMER_LATTER.finditer(self.text):
            kind, named = CLUSTER, self._clusters_named_before(m.start(), 2, LOCAL_REACH)
            if len(named) != 2:
                kind, named = PLACE, self._places_listed_before(m.start(), found)
            if len(named) == 2:  # (named: the latter first)
                out.append(Holder(m.start(), m.end(), kind, named[1] if m.group() == "前者" else named[0]))
        return out

    def _places_listed_before(self, pos: int, found: list[Holder]) -> list[str]:
        """The two places joined by 、/和 named last in ``pos``'s sentence, the latter first."""
        sentence = start_of_sentence(self.text, pos)
        places = sorted((h for h in found if h.kind == PLACE and sentence <= h.start and h.end <= pos and h.subject), key=lambda h: h.start)
        for a, b in zip(places[-2::-1], places[:0:-1]):  # pairs from the end: (second-last, last)
            if _LIST_JOINER.fullmatch(self.text, a.end, b.start) and a.subject != b.subject:
                return [b.subject, a.subject]  # type: ignore[list-item]
        return []

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
            elif (found := _RESPECTIVELY.match(self.text, run[-1].end) or _RESPECTIVELY_LATER.match(self.text, run[-1].end)):
                self.lists.append(list(run))
                self._list_from.append(found.end())
                out.extend(run)
            elif _family(run[0].kind) == PLACE and _EACH.match(self.text, run[-1].end):
                out.extend(run)  # 四川、上海各有2个集群入围: each place holds the number
            else:  # bodies keep a body's rules (see subjects.holder_in_sentence), as one group
                text = self.text[run[0].start : run[-1].end]
                kind = GROUP if _family(run[0].kind) != BODY else PLANNERS if any(h.kind == PLANNER for h in run) else BODIES
                places = {h.container for h in run if h.kind == PLANNER}
                out.append(Holder(run[0].start, run[-1].end, kind, text, places.pop() if len(places) == 1 and kind == PLANNERS else None))
            run.clear()

        for h in holders:
            if run and _family(h.kind) == _family(run[-1].kind) and _family(h.kind) and _LIST_JOINER.fullmatch(self.text, run[-1].end, h.start):
                run.append(h)
                continue
            flush()
            run.append(h)
        flush()
        return out

    def counted_set_member_at(self, pos: int, numbers: Sequence[int]) -> Holder | None:
        """For a number after 分别 whose sentence opens with a counted set of clusters
        (两大集群的出口交货值分别为62亿元和193亿元), the cluster of the same rank among the
        last ones the text names before the set; ``None`` otherwise."""
        found = self._set_before_respectively(_COUNTED_SET, pos)
        if found is None:
            return None  # (…，两大集群合计占…的80.8%: the set's own figure)
        m, respectively = found
        size = _SET_SIZE[m.group(1)]
        named = self._clusters_named_before(m.start(), size)
        if len(named) < size:
            return None
        named.reverse()
        rank = self._rank(pos, numbers, respectively)
        return Holder(pos, pos, CLUSTER, named[rank]) if 0 <= rank < size else None

    def factored_member_at(self, pos: int, numbers: Sequence[int]) -> Holder | None:
        """For a number after 分别 whose sentence names industries sharing one head before it
        (电子信息、装备制造、食品轻纺三大产业集群营业收入分别为…), the item of the same rank
        with the head (电子信息产业集群); ``None`` otherwise, and for places (宜宾、遂宁锂电集群)."""
        found = self._set_before_respectively(_FACTORED_SET, pos)
        if found is None:
            return None
        m, respectively = found
        items = _FACTORED_ITEM_SPLIT.split(m.group(1))
        trie = lexicon.place_trie()
        if any(trie.longest_at(item, 0) > 0 for item in items):
            return None
        rank = self._rank(pos, numbers, respectively)
        return Holder(pos, pos, GROUP, items[rank] + m.group(2)) if 0 <= rank < len(items) else None

    def listed_at(self, pos: int, numbers: Sequence[int]) -> Holder | None:
        """For a number at ``pos`` after a 分别 list in its sentence, the list's member of the
        same rank (``numbers``: the starts of the document's numbers, sorted)."""
        i = bisect.bisect_left(self._list_ends, pos) - 1
        if i < 0:
            return None
        run = self.lists[i]
        if _SENTENCE_BREAK.search(self.text, run[-1].end, pos):
            return None
        rank = self._rank(pos, numbers, self._list_from[i])
        if rank < 0:
            return None
        return run[rank] if rank < len(run) else None

    def _set_before_respectively(self, pattern: re.Pattern[str], pos: int) -> tuple[re.Match[str], int] | None:
        """The last match of ``pattern`` in the sentence before ``pos`` and where the 分别
        after it starts, when one stands between it and ``pos``."""
        sentence = start_of_sentence(self.text, pos)
        if self.text.rfind("分别", sentence, pos) < 0:
            return None  # (most numbers: no pattern run over the sentence)
        last = None
        for last in pattern.finditer(self.text, sentence, pos):
            pass
        if last is None:
            return None
        respectively = self.text.rfind("分别", last.end(), pos)
        return (last, respectively) if respectively >= 0 else None

    def _clusters_named_before(self, pos: int, size: int, reach: int | None = None) -> list[str]:
        """Up to ``size`` distinct clusters named last before ``pos`` (within ``reach``
        characters), the latest first."""
        k = bisect.bisect_left(self._cluster_starts, pos)
        named: list[str] = []
        for h in reversed(self._cluster_holders[:k]):
            if reach is not None and pos - h.end > reach:
                break
            if h.subject and h.subject not in named:
                named.append(h.subject)
                if len(named) == size:
                    break
        return named

    def _rank(self, pos: int, numbers: Sequence[int], first: int) -> int:
        """The rank of the number at ``pos`` among a list's numbers counted from ``first``,
        or from a later 分别 before it (…分别实现营收A、B和C，分别增长a、b和c: counted again)."""
        for again in _RESPECTIVELY_AGAIN.finditer(self.text, first, pos):
            first = again.end()
        return bisect.bisect_left(numbers, pos) - bisect.bisect_left(numbers, first)

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

    def covering(self, pos: int) -> Holder | None:
        """The holder whose stretch holds ``pos`` (a count inside a group's phrase), if any."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.holders[i] if i >= 0 and self.holders[i].end > pos else None

    def starts_at(self, pos: int) -> bool:
        """Does a holder start at ``pos`` (or a body, which is no holder everywhere)?"""
        i = bisect.bisect_left(self._starts, pos)
        return (i < len(self._starts) and self._starts[i] == pos) or pos in self.entity_starts

    def opens_section(self, pos: int) -> bool:
        """Is ``pos`` in a section (二、重点任务, （一）…) whose heading lies within
        :data:`LOCAL_REACH` before it, with no holder but bodies between them?"""
        heading = last_heading(self.text, pos)
        if heading < 0 or pos - heading > LOCAL_REACH:
            return False
        return all(h.kind in (BODY, BODIES, PLANNER, PLANNERS) for h in self.before(heading, pos))

    def title_subject(self) -> tuple[str, str | None] | None:
        """What the document's first line (its title) is about: its first holder that is no
        body (福建省先进制造业集群培育行动方案 → 福建省), or ``None``."""
        end = self.text.find("\n")
        for h in self.before(0, end if end >= 0 else len(self.text))[::-1]:
            if h.kind in (CLUSTER, PLACE, COMPANY) and h.subject:
                return h.kind, h.subject
        return None

    def place_before(self, pos: int) -> tuple[str, str] | None:
        """The place the text names last before ``pos`` (a table's title, a body's place), as a
        subject: what a number nobody holds is most likely about."""
        best = None
        for m in self.places.before(pos):
            if len(m.candidates) == 1 and not self._in_title(m.start) and not self._in_crumbs(m.start):
                best = m
                break
        return ("place", best.candidates[0].name) if best is not None else None

    def cluster_named_with(self, industry: str) -> str | None:
        """The fullest name of a cluster the text names anywhere that holds ``industry``
        (新型碳材料 → 常州市新型碳材料集群), for a table row naming its cluster by industry."""
        names = [h.subject for h in self._cluster_holders if h.subject and industry in h.subject]
        return max(names, key=len) if names else None

    def last_of(self, kind: str, end: int, *, named: bool = False) -> Holder | None:
        """The last holder of ``kind`` ending before ``end`` (``named``: with a name, not
        a bare 公司), looking back at most :data:`REACH` holders (linear on any text).
        Clusters are all looked at, also those named inside an event's name."""
        if kind == CLUSTER:
            k = bisect.bisect_left(self._cluster_starts, end) - 1
            while k >= 0 and self._cluster_holders[k].end > end:
                k -= 1
            return self._cluster_holders[k] if k >= 0 else None
        i = bisect.bisect_left(self._starts, end) - 1
        stop = max(-1, i - REACH)
        while i > stop:
            h = self.holders[i]
            if h.kind == kind and h.end <= end and not (named and h.subject == "公司"):
                return h
            i -= 1
        return None
