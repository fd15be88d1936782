"""Who speaks (kind ``company``, ``body`` or ``place``), found by :class:`SpeakerFinder`, a
part of :class:`.holders.DocumentHolders`: 我们 / 我公司 stand for the organisation that
says them —

* in a quote, the company or body named with the speaking verb after it
  (“我们的产品八成…”浙江正达电气集团有限公司董事长陈建平说), before it
  (…局长表示：“今年我们计划…”), else the company named shortly before;
* in an interview's answer (答：…), the company the first line or the 专访 names;
* elsewhere in a government work report, the place whose government reports
  (the first body of its first two lines; a long text's later pieces are given it).

A local body's 我们 plans for its place, as a planner does.
"""

from __future__ import annotations

import bisect
import re

from ..grammar.places import read_place_chain, resolve_chain
from .holder_base import BODY, COMPANY, PLACE, PLANNER, Holder, HolderScan
from .sentences import start_of_paragraph

__all__ = ["SpeakerFinder"]

# First person in a quote or an interview's answer: the organisation that speaks.
_FIRST_PERSON = re.compile(r"我们(?:的)?(?:公司|企业|集团)?|我公司|本公司")
_QUOTE = re.compile(r"“[^“”\n]{1,400}”")
_SAYS_AFTER = re.compile(r"[^。！？!?\n“”]{0,40}?(?:说|表示|介绍|坦言|指出|告诉记者)")
_SAYS_BEFORE = re.compile(r"(?:说|表示|介绍|坦言|指出)[：:，,]?$")
_ANSWER = re.compile(r"答[：:]")
_ASKS = re.compile(r"^[ \t　]*(?:记者|问)[：:]", re.M)
_NAMED_TURN = re.compile(r"[ \t　]*(?!记者|问)[\u4e00-\u9fff]{2,4}(?:[（(][^（）()\n]{1,40}[）)])?[：:]")  # (王建平（…公司董事长）：)
_TURN_NAME = re.compile(r"[ \t　]*([\u4e00-\u9fff]{2,4})")
_SPEAKER_REACH = 150  # a quote whose speaker is a person: the company named shortly before
_VISITED_REACH = 12  # 本期专访|福建华锂新能源材料有限公司董事长: the interviewee right after 访


# A work report's address to its congress, which names the government reporting.
_REPORT_ADDRESS = re.compile(r"我代表([^，,。；;\n]{1,24}?政府)向(?:大会|会议)")
_REPORT_ADDRESS_REACH = 1500  # characters: the address opens a report
# A title naming a place's own report of its year: a government work report, a statistical bulletin.
_REPORT_TITLE = re.compile(r"工作报告|统计公报")
_TITLE_LEAD = re.compile(r"[\s（(]*(?:\d{4}年度?)?")  # (2025年)嘉兴市政府工作报告
# A template's placeholder place before its government's report (XX市政府工作报告; XX县人民政府).
_PLACEHOLDER_REPORT = re.compile(r"(?<![A-Za-z])([XxＸ×]{2,3}[省市县区州旗])(?:人民)?政府(?:工作报告)?")

class SpeakerFinder(HolderScan):
    """Finds the first-person holders of a document (a base of :class:`.holders.DocumentHolders`)."""

    # Set by DocumentHolders before :meth:`_first_person` runs.
    _first_line_is_title: bool
    _body_places: dict[int, tuple[str, str | None] | None]  # a GOV entity's start → its place
    report_place: tuple[str, str | None] | None

    def _first_person(self, holders: list[Holder]) -> list[Holder]:
        """我们 / 我公司 in a quote or an interview's answer: the company or body that speaks
        (“我们的产品八成…”浙江正达电气集团有限公司董事长陈建平说; 答：… in an interview
        with a company's head, whom the first line or the 专访 names); elsewhere in a
        government work report, the place whose government reports."""
        text = self.text
        found = list(_FIRST_PERSON.finditer(text))
        if not found:
            return []
        speakers = sorted((h for h in holders if h.kind in (COMPANY, BODY, PLANNER) and h.subject != "公司"), key=lambda h: h.start)
        starts = [h.start for h in speakers]
        quotes = [m.span() for m in _QUOTE.finditer(text)]
        quote_starts = [q[0] for q in quotes]
        first_line = text.find("\n") if self._first_line_is_title else -1
        report_place = self.report_place
        visits = [m.start() for m in re.finditer("访", text)]
        interview = _ASKS.search(text) is not None  # 记者：… then 郑建平：… — the answers are named turns
        affiliated: dict[str, Holder | None] = {}  # a named turn's speaker → the company or body it gave
        out = []
        for m in found:
            speaker = None
            i = bisect.bisect_right(quote_starts, m.start()) - 1
            if i >= 0 and quotes[i][1] > m.start():  # inside “…”: who says it, after or before
                qs, qe = quotes[i]
                verb = _SAYS_AFTER.match(text, qe)
                if verb is not None:
                    speaker = self._last_in(speakers, starts, qe, verb.end())
                if speaker is None and _SAYS_BEFORE.search(text, max(0, qs - 4), qs):
                    speaker = self._last_in(speakers, starts, max(0, qs - 40), qs)
                if speaker is None:
                    speaker = self._last_in(speakers, starts, max(0, qs - _SPEAKER_REACH), qs)
            elif _ANSWER.match(text, paragraph := start_of_paragraph(text, m.start())) or interview and _NAMED_TURN.match(text, paragraph):
                # the affiliation a named turn gives its speaker (王建平（…有限公司董事长）：), for that
                # speaker's later turns too; else the interviewee after the last 专访/访 before the
                # answer, else the first line's
                turn = _NAMED_TURN.match(text, paragraph) if interview else None  # (this paragraph's, never an earlier one's)
                if turn is not None:
                    name = _TURN_NAME.match(turn.group()).group(1)  # type: ignore[union-attr]
                    if "（" in turn.group() or "(" in turn.group():
                        affiliated[name] = self._first_in(speakers, starts, turn.start(), turn.end())
                    speaker = affiliated.get(name)
                if speaker is None:
                    v = bisect.bisect_left(visits, m.start()) - 1
                    speaker = self._first_in(speakers, starts, visits[v], visits[v] + _VISITED_REACH) if v >= 0 else None
                if speaker is None and first_line > 0:
                    speaker = self._last_in(speakers, starts, 0, first_line)
            elif report_place is not None:  # a work report's 我们: the government, of its place
                out.append(Holder(m.start(), m.end(), PLACE, report_place[1]))
                continue
            if speaker is not None and speaker.kind == COMPANY:
                out.append(Holder(m.start(), m.end(), COMPANY, speaker.subject))
            elif speaker is not None:  # a local body's 我们 plans for its place, as a planner does
                out.append(Holder(m.start(), m.end(), PLANNER, speaker.subject, self._body_places.get(speaker.start)))
        return out

    def _report_place(self) -> tuple[str, str | None] | None:
        """The place of a government work report or a statistical bulletin (政府工作报告,
        统计公报 in its first line): the place its title opens with, else the place of the
        first body its first two lines name
        (洛阳市政府; 在宜兴市第十八届人民代表大会; 泉州市统计局); or the government an
        excerpt's address to its congress names (我代表区人民政府向大会…)."""
        address = _REPORT_ADDRESS.search(self.text, 0, _REPORT_ADDRESS_REACH)
        if address is not None:  # 各位代表：现在，我代表区人民政府向大会作工作报告 (an excerpt without its title)
            for start in sorted(self._body_places):
                if address.start(1) <= start < address.end(1) and self._body_places[start] is not None:
                    return self._body_places[start]
            placeholder = _PLACEHOLDER_REPORT.search(self.text, 0, address.start())
            if placeholder is not None and placeholder.group(1)[-1] in address.group(1):
                return PLACE, placeholder.group(1)  # XX市政府工作报告 … 我代表市人民政府: the template's place
        first_line = self.text.find("\n")
        if first_line < 0 or _REPORT_TITLE.search(self.text, 0, first_line) is None:
            return None
        lead = _TITLE_LEAD.match(self.text)
        chain = read_place_chain(self.text, lead.end(), first_line)
        resolved = resolve_chain(chain) if chain else []
        if resolved and self._outside(chain[0].start, chain[-1].end):  # 常州市武进区2023年…统计公报: the title's place
            return PLACE, resolved[-1].name
        second = self.text.find("\n", first_line + 1)
        end = second if second >= 0 else len(self.text)
        for start in sorted(self._body_places):
            if start >= end:
                break
            if self._body_places[start] is not None:
                return self._body_places[start]
        return None

    @staticmethod
    def _first_in(speakers: list[Holder], starts: list[int], lo: int, hi: int) -> Holder | None:
        """The first of ``speakers`` starting in ``[lo, hi)``."""
        i = bisect.bisect_left(starts, lo)
        return speakers[i] if i < len(speakers) and speakers[i].start < hi else None

    @staticmethod
    def _last_in(speakers: list[Holder], starts: list[int], lo: int, hi: int) -> Holder | None:
        """The last of ``speakers`` lying in ``[lo, hi)``."""
        i = bisect.bisect_left(starts, hi) - 1
        while i >= 0 and speakers[i].start >= lo:
            if speakers[i].end <= hi:
                return speakers[i]
            i -= 1
        return None
