"""The companies and events among a document's holders, found by
:class:`CompanyEventFinder`, a part of :class:`.holders.DocumentHolders`:

* enterprises (…有限公司, …集团, 一家…企业) → ``company``;
* events, funds and programmes (…大会, …峰会, …基金), projects named after the verb
  that builds them (建设…项目), a project word opening a clause (项目总投资…: the
  project named last), and 峰会上 / 会上 / 现场签约 at a sentence's start → ``other``.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon
from ..constants import HAN
from .holder_base import COMPANY, LOCAL_REACH, OTHER, Holder, HolderScan

__all__ = ["CompanyEventFinder"]

_HAN_CHAR = re.compile(rf"[{HAN}]")


@lexicon.cached
def _company_head_re() -> re.Pattern[str]:
    """The last word of an enterprise's name (公司, 集团 …), found first: the name is read
    back from it (cheaper than trying a name at every character)."""
    return re.compile(lexicon.alternation(lexicon.context_words().get("company", ())))


# 一家…企业 names a company without its name (坪山区一家锂电池正极材料企业), unless what it
# built follows (一家机器人企业新建的智能工厂: the plant holds what follows).
_SOME_COMPANY = re.compile(rf"(?<=一家)(?:[{HAN}]{{2,14}}?企业|[{HAN}]{{0,14}}?(?:船企|车企|药企))(?!新建|建设|投资|的)")
# 该企业, 这家公司: the company named last (resolved like a bare 公司).
_THAT_COMPANY = re.compile(r"(?:该|这家|此|这一)(?:企业|公司|集团)")
# A company's name holds no 的 and none of these (记者专访了|公司, 归属于|上市公司): a verb's tail.
_NAME_CHAR = re.compile(rf"(?![的了把被向对从给让请已均也都还再即于占约由该])[{HAN}A-Za-z0-9（）()·]")
_COMPANY_NAME_MAX = 20
_BRACKETED_HEAD_AFTER = re.compile(r"[)）](?:股份)?(?:有限|公司|集团)")
_HEAD_GOES_ON = re.compile(r"(?:股份)?有限(?:责任)?公司")  # 浙江瓯越电气集团|有限公司: one name
_NAME_LEAD_MAX = 10  # words of the sentence read back with a company's name, before its place


@lexicon.cached
def _event_re() -> re.Pattern[str]:
    """An event, fund or programme named at the start of a clause (its subject), or a
    project word alone there (项目总投资…, 工厂…)."""
    heads = lexicon.alternation(lexicon.context_words().get("event", ()))
    bare = lexicon.alternation(lexicon.context_words().get("project", ()))
    # (…会|员 is a member: 新发展会员单位, 2023年会员企业 name no 展会 or 年会)
    return re.compile(rf"(?:^|(?<=[，,；;。！？!?：:、\n \t\u3000]))(?:[{HAN}A-Za-z0-9“”\"·（）()]{{2,40}}?(?:{heads})(?!员)|(?:该|本)?(?:{bare})(?!员))", re.M)


# A project named after the verb that starts or builds it (建设|大马力智能拖拉机项目，
# 开工的|高端燃气轮机叶片产业化项目总投资…), before a clause end or a project's measure.
_NAMED_PROJECT = re.compile(
    rf"(?:(?:建设|开工的|实施的|新建|投资建设|启动|落地的|引进的?)的?"
    rf"|(?<=[{HAN}]{{2}})(?<![该本])(?:公司|集团)(?:[（(][^（）()\n]{{0,16}}[）)])?(?![拟将已正计]))"  # (天晟硅业有限公司（以下简称…）|年产10万吨高纯多晶硅项目)
    rf"([{HAN}A-Za-z0-9“”·]{{2,20}}?项目)"
    rf"(?=[，,。；;！？!?\n]|总投资|计划投资|投资|占地|达产|建成|投产|一期|二期|$)"
)
_BUILT_IN_NAME = re.compile("投资|建设|实施|启动")
_PROJECT_SET = re.compile(
    r"(?:^|(?<=[。！？!?\n；;，,]))(?:(?:这批|该批|这些|上述|本批|此次|本次)(?:集中)?(?:签约|开工|新开工|竣工|投产|重点|重大)?"
    r"|(?:集中)?(?:签约|开工|新开工|竣工|投产|重点|重大))项目(?=中[，,]|全部|均|将|建成|投产后|达产后|预计)",
    re.M,
)
_GENERIC_PROJECT = re.compile(r"^(?:重点|重大|签约|产业|招商|亿元以上|优质|新|一批|一个|各类|相关|这些|该)*项目$")
_BARE_PROJECT = frozenset({"项目", "该项目", "本项目"})

_MEETINGS = "推介会|对接会|座谈会|研讨会|招商会|洽谈会|交流会|发布会|推进会|现场会"
# An event a sentence happens at: 峰会上, 会上, 大会期间, 活动现场.
# Matched where a sentence starts (现场 also where a clause starts): see _at_events.
_AT_EVENT = re.compile(
    rf"(?:[\d一二三四五六七八九十月日上下午晚当天]{{2,12}}的)?((?:[{HAN}“”]{{0,20}}?(?:峰会|大会|论坛|活动|{_MEETINGS}|博览会|展会))|会议|会|开幕式|签约仪式|仪式)(?:上|期间|现场)"
    rf"|(大会|峰会|论坛|活动|推介会|对接会|博览会|展会)(?=发布|签约|共|吸引|累计|达成)"
    rf"|(现场)(?=签约|签署|达成|发布|成交)"
)
_SENTENCE_OPEN = re.compile(r"[。！？!?\n；;]")
_AGAIN = "该|本届|本次|此次|这次"  # words naming an event again
_ORGANIZATIONS = "协会|商会|促进会|联合会"  # named again by the bare word: the one of that kind named last
_EVENT_ANAPHOR_LEAD = re.compile(_AGAIN)
# An event or fund named again (该基金, 本届博览会, 本次, a bare 博览会 opening a clause).
_EVENT_ANAPHOR = re.compile(
    rf"(?:^|(?<=[，,。；;！？!?：:\n \t\u3000]))(?:(?:{_AGAIN})(?:基金|博览会|大会|峰会|论坛|展会|活动|会议|{_ORGANIZATIONS})?|(?:基金|博览会|峰会|论坛|展会|{_ORGANIZATIONS})(?=[\u4e00-\u9fff]))",
    re.M,
)
_ORGANIZATION_WORD = re.compile(f"(?:{_ORGANIZATIONS})$")
_CLAUSE_OPEN_CHAR = re.compile(r"[，,]")


_ANNOUNCE = re.compile(r"[^，,。；;！？!?\n]{0,4}?(?:数据显示|统计|发布的数据|监测)")
# A verb whose object is the companies after it (支持龙头企业, 引导企业).
_OBJECT_LEAD_END = re.compile(r"(?:支持|鼓励|引导|推动|培育|引进|扶持|组织|帮助|强化|壮大|做强|做大|招引|打造)$")
_PREDICATE_GENERIC = re.compile(r"(?:是|为|系)[^，,。；;]{0,6}?(?:龙头企业|链主企业|骨干企业|企业)$")
_GENERIC_COMPANIES = frozenset({"龙头企业", "企业", "车企", "央企", "中央企业", "链主企业", "子公司"})
_NO_COMPANY = frozenset({"上市公司", "子公司", "分公司", "母公司", "控股公司", "旗下子公司", "全资子公司", "控股子公司", "我们公司", "我们的公司", "我公司", "本公司", "我们企业", "我们集团"})  # (我们公司: the speaker, see holder_speakers)
_GENERIC_ENDINGS = tuple(sorted(_GENERIC_COMPANIES, key=len, reverse=True))  # (龙头企业 before 企业)
# (一季度, 2023年, 1—9月 are times: 宜宾川锂新能源科技有限公司2023年营业收入…)
# (多晶硅, 一类新药, 二期 are no counts of companies: a Chinese numeral or 多/数/几 counts
# them only before a measure word)
_DIGIT_NOT_TIME = r"(?!\d{4}年|\d{1,2}(?:[—\-－~至]\d{1,2})?月)[\d０-９]"  # (2023年, 1—9月 are times)
_COMPANIES_COUNTED_AFTER = re.compile(
    rf"{_DIGIT_NOT_TIME}|[一二三四五六七八九十两百千万]+(?:余|多)?(?=[家个户批])|[数多几](?=[家个项种名位十百千万亿])"
)
# After an event or project: what is counted, not who holds it (签约项目19个, 一期投资…), but
# a time is none (宁波市磁性材料行业协会2023年度工作报告).
_NUMBER_AFTER = re.compile(rf"{_DIGIT_NOT_TIME}|[一二三四五六七八九十两百千万数多几](?![季月年])")

# An event's name holds no verb of the sentence: 芜湖市鸠江区近日举行招商会 is about the district.
_EVENT_LEAD = re.compile(r"(?:\d{4}年(?:\d{1,2}月)?|今年|去年|全年|上半年|前三季度|目前|其中|同时|此外|另外)+")
_EVENT_VERBS = re.compile("举行|召开|举办|主办|承办|日前|近日|推出|组建|设立|建设|打造|参加|出席|开展|组织")

# Words a clause may open with before its subject: 其中江西片区, 据悉柯桥 …
_LEADS = re.compile(r"^(?:\d{4}年(?:\d{1,2}月)?|此次|本次|其中|据悉|据介绍|目前|当前|现在|同时|此外|另外|位于|在|于|而|但|且|去年|今年|上半年|下半年|同期|当年|全年|比如|例如|如|是|作为|本地|当地|旗下|下属|报告期内|截至报告期末)+")


# A generic word before a company's name (龙头企业湘航动力科技有限公司): the name is the company.
_GENERIC_BEFORE_NAME = re.compile(r"^(?:龙头企业|链主企业|骨干企业|领军企业|配套企业)(?=[\u4e00-\u9fff]{4,}(?:公司|集团)$)")


def _strip_lead(h: Holder) -> Holder:
    generic = _GENERIC_BEFORE_NAME.match(h.subject or "")
    if generic is not None:
        h = Holder(h.start + generic.end(), h.end, h.kind, h.subject[generic.end():])
    m = _LEADS.match(h.subject or "")
    if m is None or len(h.subject) - m.end() < 3 and h.subject[m.end():] != "公司":
        return h
    return Holder(h.start + m.end(), h.end, h.kind, h.subject[m.end():])


# What a company's short name leaves out: its form (有限公司, 集团) and its field (科技).
_COMPANY_SUFFIX = re.compile(r"(?:(?:科技|技术|实业|控股|股份|集团|[（(]集团[）)]|发展|制造|智能)?(?:股份有限公司|有限责任公司|有限公司|集团有限公司|集团|公司))$")
# The short name a text declares right after a full name: （以下简称“四川时代”）.
_ALIAS = re.compile(r"\s*[（(](?:以下)?简称[“\"‘]?([^（）()“”\"‘’，,。\n]{2,8})[”\"’]?[）)]")
# Where a clause opens, perhaps after a time word (，去年袜源针织…).
_CLAUSE_START = re.compile(r"(?:^|[，,。；;！？!?：:\n])(?:\d{4}年|今年|去年|目前|其中|同时)?$")


def _organization_before(events: list[Holder], pos: int, word: str) -> Holder | None:
    """The last of ``events`` ending by ``pos`` whose name ends with ``word`` (协会: the
    association a bare 协会 names again)."""
    return next((e for e in reversed(events) if e.end <= pos and (e.subject or "").endswith(word)), None)


class CompanyEventFinder(HolderScan):
    """Finds the company and event holders of a document (a base of
    :class:`.holders.DocumentHolders`)."""

    events: list[Holder]  # set by :meth:`_events`
    _event_ends: list[int]
    projects: list[Holder]  # set by :meth:`_projects`, before :meth:`_events`
    _project_ends: list[int]

    def _companies(self) -> list[Holder]:
        """Enterprises named outside entities, not what a clause counts (培育龙头企业10家,
        其中上市公司9家: the number counts them) and without a lead word (其中, 培育)."""
        text = self.text
        spans = []
        last = 0
        for m in _company_head_re().finditer(text):
            if m.group().endswith("企") and text.startswith("业", m.end()):
                continue  # 汽车企业, 整车企业: 企业 of a sector, not 车企
            if _BRACKETED_HEAD_AFTER.match(text, m.end()) or _HEAD_GOES_ON.match(text, m.end()):
                continue  # 太原钢铁(集团)有限公司, …集团有限公司: the name goes on after its head
            start = m.start()
            while start > max(last, m.start() - _COMPANY_NAME_MAX) and _NAME_CHAR.match(text, start - 1) and self._outside(start - 1, start):
                start -= 1  # back over the name: up to 20 name characters, not into an entity
            opened = max(text.rfind("（", start, m.start()), text.rfind("(", start, m.start()))
            if opened >= 0 and ")" not in text[opened : m.start()] and "）" not in text[opened : m.start()]:
                start = opened + 1  # 王建平（|包头市金瑞稀土功能材料有限公司董事长）: the name starts inside the bracket
            start = self._start_at_place_word(start, m.start(), _NAME_LEAD_MAX)  # 走进|德化县瓷韵…
            if m.start() - start >= 2 or m.group() == "公司" and (start == 0 or not _HAN_CHAR.match(text, start - 1)):
                spans.append((start, m.end()))
                last = m.end()
        spans += [m.span() for m in _SOME_COMPANY.finditer(text)]
        anaphors = {m.start(): m.end() for m in _THAT_COMPANY.finditer(text)}
        spans += anaphors.items()
        out = []
        for start, end in sorted(spans):
            if not self._outside(start, end) or _COMPANIES_COUNTED_AFTER.match(text, end) or text[start:end] in _NO_COMPANY:
                continue  # (归属于上市公司股东的净利润: listed companies in general name none)
            generic = next((g for g in _GENERIC_ENDINGS if text.endswith(g, start, end)), None)
            if generic is not None and _OBJECT_LEAD_END.search(text, start, end - len(generic)):
                continue  # (商丘市)支持|龙头企业…: the companies are what a plan supports, not its subject
            if _PREDICATE_GENERIC.match(text, start, end):
                continue  # …有限公司是集群龙头企业之一: what the company is, not another one
            if anaphors.get(start) == end:
                out.append(Holder(start, end, COMPANY, "公司"))  # resolved to the company named last
            else:
                out.append(_strip_lead(Holder(start, end, COMPANY, text[start:end])))
        # 本地龙头企业河北宏绒服饰集团: the generic word names the company after it
        # (园区龙头企业湘航动力科技有限公司 too: a generic word ending what precedes the name)
        out = [h for k, h in enumerate(out) if not ((h.subject or "").endswith(_GENERIC_ENDINGS) and k + 1 < len(out) and out[k + 1].start == h.end)]
        return out + self._short_companies(out)

    def _short_companies(self, named: list[Holder]) -> list[Holder]:
        """A company named in full, written again by its short name opening a clause
        (浙江袜源针织有限公司 … 袜源针织去年投入…; 上海氢驰动力科技有限公司 … 氢驰动力计划…)."""
        shorts: dict[str, tuple[int, str]] = {}  # short name → (where named in full, full name)
        declared: set[str] = set()  # short names the text declares (以下简称…)
        trie = lexicon.place_trie()
        for h in named:
            name = h.subject or ""
            core = _COMPANY_SUFFIX.sub("", name)
            j = trie.longest_at(core, 0, len(core))
            core = core[j:] if 0 < j <= len(core) - 4 else core
            if len(core) >= 4 and core != name:
                shorts.setdefault(core[:4], (h.start, name))
            alias = _ALIAS.match(self.text, h.end)
            if alias is not None:  # 四川时代新能源科技有限公司（以下简称四川时代）
                shorts[alias.group(1)] = (h.start, name)
                declared.add(alias.group(1))
        out = []
        for short, (named_at, name) in shorts.items():
            i = self.text.find(short, max(0, named_at - LOCAL_REACH), named_at + LOCAL_REACH)
            while i >= 0:  # (within reach of the full name: the pieces of a long text agree)
                # a declared short name stands for the company wherever it is written (专访了草原优品董事长)
                opens = short in declared and i > named_at or _CLAUSE_START.search(self.text, max(0, i - 4), i)
                if opens and self._outside(i, i + len(short)):
                    out.append(Holder(i, i + len(short), COMPANY, name))
                i = self.text.find(short, i + 1, named_at + LOCAL_REACH)
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
            lead = _EVENT_LEAD.match(self.text, start, m.end())
            if lead is not None and m.end() - lead.end() >= 2:
                start = lead.end()  # 2023年|斗南花卉市场, 其中|…班列: the name after its time
            if _NUMBER_AFTER.match(self.text, m.end()):
                continue  # 签约项目19个: what is counted, not who holds it
            if _EVENT_ANAPHOR_LEAD.match(self.text, start):
                continue  # 本届大会: the event named before (see _event_anaphors)
            if _ANNOUNCE.match(self.text, m.end()):
                continue  # 协会数据显示: it reports the number, it does not hold it
            if m.end() - start >= 2 and self._holds_only_clusters(start, m.end()):
                name = self.text[start : m.end()]
                if name in _BARE_PROJECT:  # 项目总投资…: the project named last
                    name = self._project_before(start) or name
                elif _ORGANIZATION_WORD.fullmatch(name):  # 协会在…指导下: the association named last
                    named = _organization_before(out, start, name)
                    name = named.subject if named is not None else name
                out.append(Holder(start, m.end(), OTHER, name))
        self.events = out
        self._event_ends = [h.end for h in out]
        return out

    def _projects(self) -> list[Holder]:
        """Projects named after the verb that builds or starts them (建设大马力智能拖拉机项目,
        开工的…产业化项目总投资45亿元), not generic ones (重点项目) nor across an entity
        (年产10万台|新能源动力总成项目: the name starts after the number)."""
        out = []
        for m in _NAMED_PROJECT.finditer(self.text):
            start, end = m.span(1)
            while start < end and not self._outside(start, end):
                start += 1
            name = self.text[start:end]
            if _BUILT_IN_NAME.search(name):
                continue  # 有限公司|拟投资25亿元建设…项目: the verb's project is read after the verb
            if len(name) >= 4 and not _GENERIC_PROJECT.match(name):
                out.append(Holder(start, end, OTHER, name))
        self.projects = out
        self._project_ends = [h.end for h in out]
        return out

    def _project_sets(self) -> list[Holder]:
        """Projects as a set opening a clause (签约项目中，…; 这批项目全部投产后，预计年新增产值…):
        the set holds what it breaks down into or will produce."""
        return [Holder(m.start(), m.end(), OTHER, m.group()) for m in _PROJECT_SET.finditer(self.text) if self._outside(m.start(), m.end())]

    def _project_before(self, pos: int) -> str | None:
        """The project named last within :data:`LOCAL_REACH` before ``pos``."""
        i = bisect.bisect_right(self._project_ends, pos) - 1
        return self.projects[i].subject if i >= 0 and pos - self.projects[i].end <= LOCAL_REACH else None

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
            event = self.event_before(m.start(k)) if k > 1 or word in ("会", "会议", "开幕式", "签约仪式", "仪式") else None
            name = event.subject if event is not None else word
            out.append(Holder(m.start(k), m.end(k), OTHER, name))
        return out

    def _event_anaphors(self) -> list[Holder]:
        """该基金, 本届博览会, 本次…, or a bare 博览会 / 基金 opening a clause: the event or
        fund the text named last (none named: nothing)."""
        out = []
        for m in _EVENT_ANAPHOR.finditer(self.text):
            organization = _ORGANIZATION_WORD.search(m.group())
            if organization is not None:  # 协会组织…: the association named last, not an event
                event = _organization_before(self.events, m.start(), organization.group())
            else:
                event = self.event_before(m.start())
            if event is not None and event.end <= m.start():
                out.append(Holder(m.start(), m.end(), OTHER, event.subject))
        return out

    def event_before(self, pos: int) -> Holder | None:
        """The event the text names last before ``pos``, else the first it names (its title's)."""
        i = bisect.bisect_right(self._event_ends, pos) - 1  # events never overlap: ends are sorted
        if i >= 0:
            return self.events[i]
        return self.events[0] if self.events else None

