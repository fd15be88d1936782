"""The context component (``cluster_ner_context``): each METRIC's subject, subject_kind,
period, status and change, and the document date, as ``../shared/CONTEXT.md`` specifies.

Every sentence here is made up for these tests (real place names, invented facts).
Each test runs ``cluster_ner.extract`` on a short text and looks the METRIC row up
by its text.
"""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

import cluster_ner
from cluster_ner import documents
from cluster_ner.frame import COLUMNS

DATE = "2024-07-01"
CONTEXT = ("subject", "subject_kind", "period", "status", "change")
CLUSTER = "德化县日用陶瓷产业集群"  # no national-list name: its subject is its fullest name


def _value(v):
    return None if pd.isna(v) else v


def frame(nlp, text: str, date: str | None = DATE) -> pd.DataFrame:
    return cluster_ner.extract(text, date=date, nlp=nlp)


def metric(nlp, text: str, number: str, date: str | None = DATE) -> dict:
    """The context fields (and doc_date) of the one METRIC ``number`` of ``text``."""
    df = frame(nlp, text, date)
    rows = df[(df.label == "METRIC") & (df.text == number)]
    assert len(rows) == 1, f"{number!r} is not one METRIC of {text!r}: {list(zip(df.label, df.text))}"
    row = rows.iloc[0]
    return {c: _value(row[c]) for c in (*CONTEXT, "doc_date")}


# --- period: the forms of CONTEXT.md --------------------------------------------------------

PERIOD_FORMS = [
    # open and recent ranges of relative years
    ("今年以来，德化县已签约陶瓷项目63个。", "63个", "2024/.."),
    ("去年以来，德化县新增陶瓷自主品牌46个。", "46个", "2023/.."),
    ("五年来，德化县累计新增上市企业9家。", "9家", "2019/2023"),
    ("统计局：2018年1-7月份全国规模以上工业企业利润增长17.1%。", "17.1%", "2018-01/2018-07"),  # (no date 2018-01-07)
    ("今年1月至4月，长垣起重机产业实现规模以上销售收入88.8亿元。", "88.8亿元", "2024-01/2024-04"),
    ("仁怀酱香白酒产业集群前4月产值增长12%", "12%", "2024-01/2024-04"),  # a headline's 前N月
    ("2024年1月至4月，长垣起重机产业实现规模以上销售收入88.8亿元。", "88.8亿元", "2024-01/2024-04"),
    # year
    ("2023年，德化县日用陶瓷产业集群实现产值580亿元。", "580亿元", "2023"),
    ("2023年全年，德化县日用陶瓷产业集群实现产值580亿元。", "580亿元", "2023"),
    ("截至2023年底，德化县日用陶瓷产业集群拥有规上企业312家。", "312家", "2023"),
    ("2023年末，德化县日用陶瓷产业集群拥有规上企业312家。", "312家", "2023"),
    # half
    ("2023年上半年，德化县日用陶瓷产业集群实现产值260亿元。", "260亿元", "2023-H1"),
    # quarter
    ("2023年一季度，德化县日用陶瓷产业集群实现产值120亿元。", "120亿元", "2023-Q1"),
    ("一季度，德化县日用陶瓷产业集群实现产值120亿元。", "120亿元", "2024-Q1"),
    ("前三季度，德化县日用陶瓷产业集群实现产值410亿元。", "410亿元", "2024-Q1/2024-Q3"),
    # month
    ("截至2024年6月，德化县日用陶瓷产业集群拥有规上企业312家。", "312家", "2024-06"),
    ("6月份，德化县日用陶瓷产业集群新签约项目9个。", "9个", "2024-06"),
    # month range
    ("1—6月，德化县日用陶瓷产业集群实现产值260亿元。", "260亿元", "2024-01/2024-06"),
    ("2024年1—6月，德化县日用陶瓷产业集群实现产值260亿元。", "260亿元", "2024-01/2024-06"),
    ("前5个月，德化县日用陶瓷产业集群实现产值215亿元。", "215亿元", "2024-01/2024-05"),
    # year range
    ("2021—2023年，德化县日用陶瓷产业集群累计引进项目86个。", "86个", "2021/2023"),
    ("“十四五”期间，德化县日用陶瓷产业集群累计引进项目86个。", "86个", "2021/2025"),
    ("2025—2027年，德化县日用陶瓷产业集群计划新增规上企业60家。", "60家", "2025/2027"),
    # open range
    ("2019年以来，德化县日用陶瓷产业集群累计引进项目86个。", "86个", "2019/.."),
    ("自2019年起，德化县日用陶瓷产业集群累计引进项目86个。", "86个", "2019/.."),
    # day
    ("2024年6月18日，德化县日用陶瓷产业集群签约项目14个。", "14个", "2024-06-18"),
    ("6月18日，德化县日用陶瓷产业集群签约项目14个。", "14个", "2024-06-18"),
]


@pytest.mark.parametrize(("text", "number", "period"), PERIOD_FORMS)
def test_period_forms(nlp, text, number, period):
    assert metric(nlp, text, number)["period"] == period


RELATIVE = [
    ("今年，德化县日用陶瓷产业集群新增规上企业32家。", "32家", "2024"),
    ("去年，德化县日用陶瓷产业集群实现产值580亿元。", "580亿元", "2023"),
    ("上半年，德化县日用陶瓷产业集群实现产值260亿元。", "260亿元", "2024-H1"),
    ("近三年，德化县日用陶瓷产业集群累计引进项目86个。", "86个", "2021/2023"),
    ("过去五年，德化县日用陶瓷产业集群累计引进项目140个。", "140个", "2019/2023"),
    ("目前，德化县日用陶瓷产业集群拥有规上企业312家。", "312家", "2024"),
    ("截至目前，德化县日用陶瓷产业集群拥有规上企业312家。", "312家", "2024"),
    ("德化县日用陶瓷产业集群现已集聚规上企业312家。", "312家", "2024"),
]


@pytest.mark.parametrize(("text", "number", "period"), RELATIVE)
def test_relative_words_resolve_against_the_document_date(nlp, text, number, period):
    assert metric(nlp, text, number, date=DATE)["period"] == period


@pytest.mark.parametrize(("text", "number", "period"), RELATIVE)
def test_without_a_document_date_a_relative_word_gives_no_period(nlp, text, number, period):
    row = metric(nlp, text, number, date=None)
    assert row["doc_date"] is None
    assert row["period"] is None


def test_relative_words_follow_another_document_date(nlp):
    assert metric(nlp, "去年，德化县日用陶瓷产业集群实现产值580亿元。", "580亿元", date="2021-03-15")["period"] == "2020"


def test_a_named_year_wins_over_the_document_year_for_a_half(nlp):
    assert metric(nlp, "2022年上半年，德化县日用陶瓷产业集群实现产值230亿元。", "230亿元")["period"] == "2022-H1"


def test_a_sentence_without_a_time_has_no_period_not_the_document_date(nlp):
    assert metric(nlp, "德化县日用陶瓷产业集群拥有规上企业312家。", "312家")["period"] is None


def test_a_period_is_not_borrowed_from_the_sentence_before(nlp):
    text = "2023年，德化县日用陶瓷产业集群实现产值580亿元。集群拥有规上企业312家。"
    assert metric(nlp, text, "580亿元")["period"] == "2023"
    assert metric(nlp, text, "312家")["period"] is None


def test_a_time_at_the_start_of_a_sentence_applies_to_all_its_clauses(nlp):
    text = "2023年，德化县日用陶瓷产业集群实现产值580亿元，新增规上企业32家，引进项目26个。"
    assert metric(nlp, text, "26个")["period"] == "2023"


def test_the_nearest_time_before_the_number_applies(nlp):
    text = "2023年，德化县日用陶瓷产业集群实现产值580亿元，今年上半年实现产值310亿元。"
    assert metric(nlp, text, "580亿元")["period"] == "2023"
    assert metric(nlp, text, "310亿元")["period"] == "2024-H1"


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("到2027年，德化县日用陶瓷产业集群产值突破1000亿元。", "1000亿元", "2027"),
        ("到2025年底，德化县日用陶瓷产业集群规上企业达到400家。", "400家", "2025"),
        ("力争到2026年，德化县日用陶瓷产业集群培育龙头企业10家。", "10家", "2026"),
    ],
)
def test_a_horizon_is_the_period_of_its_targets(nlp, text, number, period):
    row = metric(nlp, text, number)
    assert (row["period"], row["status"]) == (period, "target")


@pytest.mark.parametrize(
    ("text", "number", "period"),
    [
        ("2023年，德化县日用陶瓷产业集群产值同比增长12.6%。", "12.6%", "2023"),
        ("2021—2023年，德化县日用陶瓷产业集群产值年均增长9.5%。", "9.5%", "2021/2023"),
        ("6月份，德化县日用陶瓷产业集群出口额环比增长4.2%。", "4.2%", "2024-06"),
    ],
)
def test_tongbi_huanbi_nianjun_do_not_change_the_period(nlp, text, number, period):
    assert metric(nlp, text, number)["period"] == period


def test_the_base_of_a_comparison_is_not_the_period(nlp):
    text = "2023年，德化县日用陶瓷产业集群产值比上年增长8.5%。"
    assert metric(nlp, text, "8.5%")["period"] == "2023"


def test_a_base_year_alone_gives_no_period(nlp):
    text = "德化县日用陶瓷产业集群产值较2020年增长35%。"
    assert metric(nlp, text, "35%")["period"] is None


def test_a_founding_date_is_not_a_period(nlp):
    text = "德化县陶瓷行业协会成立于2014年，拥有会员企业320家。"
    assert metric(nlp, text, "320家")["period"] is None


def test_a_semicolon_does_not_end_the_period_sentence(nlp):
    text = "2023年，德化县日用陶瓷产业集群产值增长9.2%；全县陶瓷企业3500多家。"
    assert metric(nlp, text, "3500多家")["period"] == "2023"


def test_a_semicolon_before_an_entity_ends_the_period_sentence(nlp):
    text = "2023年，德化县日用陶瓷产业集群产值增长9.2%；德化县工信局新认定专精特新企业12家。"
    assert metric(nlp, text, "12家")["period"] is None


TABLE = (
    "表1 2024年1—6月福建省陶瓷产业主要县市情况\n"
    "| 县市 | 规上企业（家） | 产值（亿元） |\n"
    "| 德化县 | 312 | 260.5 |\n"
    "| 晋江市 | 208 | 180.2 |\n"
)


def test_a_table_row_takes_the_time_of_its_title(nlp):
    assert metric(nlp, TABLE, "260.5")["period"] == "2024-01/2024-06"
    assert metric(nlp, TABLE, "208")["period"] == "2024-01/2024-06"


def test_a_table_row_is_about_its_first_cell(nlp):
    assert metric(nlp, TABLE, "260.5")["subject_kind"] == "place"
    assert metric(nlp, TABLE, "260.5")["subject"] == "德化县"
    assert metric(nlp, TABLE, "180.2")["subject"] == "晋江市"


# --- status -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("德化县日用陶瓷产业集群力争全年新增规上企业30家。", "30家"),
        ("德化县日用陶瓷产业集群的目标是培育龙头企业10家。", "10家"),
        ("德化县日用陶瓷产业集群计划新建研发中心5个。", "5个"),
        ("预计德化县日用陶瓷产业集群全年产值达650亿元。", "650亿元"),
        ("德化县日用陶瓷产业集群将新建智能工厂8个。", "8个"),
        ("德化县日用陶瓷产业集群确保技改投资增长15%。", "15%"),
        ("力争全年德化县日用陶瓷产业集群产值突破650亿元，同比增长12%以上。", "12%以上"),  # 同比 after a goal's figure
    ],
)
def test_target_words_make_a_target(nlp, text, number):
    assert metric(nlp, text, number)["status"] == "target"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("德化县日用陶瓷产业集群已集聚规上企业312家。", "312家"),
        ("德化县日用陶瓷产业集群累计引进项目86个。", "86个"),
        ("2023年，德化县日用陶瓷产业集群实现产值580亿元。", "580亿元"),
        ("过去一年，全县地区生产总值达560亿元（预计数，下同），增长6.5%。", "6.5%"),  # 预计数: a preliminary figure
        ("拟认定苏州纳米新材料产业集群等28个集群为省级集群，其中苏州市6个。", "6个"),  # a list proposed: as stated
    ],
)
def test_what_happened_is_actual(nlp, text, number):
    assert metric(nlp, text, number)["status"] == "actual"


def test_a_word_of_what_happened_after_a_target_word_is_actual(nlp):
    text = "该项目计划总投资120亿元，目前已完成投资45亿元。"
    assert metric(nlp, text, "120亿元")["status"] == "target"
    assert metric(nlp, text, "45亿元")["status"] == "actual"


def test_a_strong_target_word_reaches_the_next_clause(nlp):
    text = "德化县日用陶瓷产业集群力争今年实现产值650亿元，新增规上企业30家。"
    assert metric(nlp, text, "30家")["status"] == "target"


def test_jiang_does_not_reach_the_next_clause(nlp):
    text = "德化县将扩建陶瓷产业园，园区内集聚企业120家。"
    assert metric(nlp, text, "120家")["status"] == "actual"


def test_jiang_in_the_numbers_clause_is_a_target(nlp):
    assert metric(nlp, "德化县将新建标准厂房20万平方米。", "20万平方米")["status"] == "target"


def test_a_target_does_not_reach_the_next_sentence(nlp):
    text = "德化县日用陶瓷产业集群力争今年产值突破650亿元。集群拥有规上企业312家。"
    assert metric(nlp, text, "650亿元")["status"] == "target"
    assert metric(nlp, text, "312家")["status"] == "actual"


def test_a_table_with_ideographic_spaces_takes_its_columns_times(nlp):
    text = "表3\u3000主要指标\n指标\u30002025年\u30002030年\u3000属性\n规上工业增加值（亿元）\u30002860\u30004150\u3000预期性\n万亿级产业集群（个）\u30001\u30002\u3000预期性"
    row = metric(nlp, text, "4150", date="2025-11-20")
    assert (row["period"], row["status"]) == ("2030", "target")


@pytest.mark.parametrize(
    ("text", "number", "status"),
    [
        ("三到五年内，在全国县域百强中再前进9个位次。", "9个位次", "target"),
        ("三年内新增育种基地5000亩。", "5000亩", "target"),
        ("近三年内新增企业12家。", "12家", "actual"),
    ],
)
def test_a_span_of_years_ahead_makes_a_target(nlp, text, number, status):
    assert metric(nlp, text, number)["status"] == status


def test_a_target_word_of_a_purpose_does_not_reach_what_was_done(nlp):
    text = "为确保特色产业发展，三年来共投入资金3000余万元，整理土地2万亩。"
    assert metric(nlp, text, "3000余万元")["status"] == "actual"


def test_a_horizon_already_past_is_as_of(nlp):
    text = "至2023年底，集群规上企业营业收入达到414亿元。"
    assert metric(nlp, text, "414亿元", date="2024-09-21")["status"] == "actual"
    assert metric(nlp, text, "414亿元", date="2022-05-01")["status"] == "target"


def test_a_year_after_the_document_year_is_a_target(nlp):
    text = "2026年，德化县日用陶瓷产业集群产值达到800亿元。"
    assert metric(nlp, text, "800亿元")["status"] == "target"
    assert metric(nlp, text, "800亿元", date="2027-02-01")["status"] == "actual"


# --- change -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "change"),
    [
        ("德化县日用陶瓷产业集群产值同比增长12.6%。", "12.6%", "up"),
        ("德化县日用陶瓷产业集群研发投入强度提高0.8个百分点。", "0.8个百分点", "up"),
        ("德化县日用陶瓷产业集群规上企业增加18家。", "18家", "up"),
        ("德化县日用陶瓷产业集群规上企业新增32家。", "32家", "up"),
        ("德化县日用陶瓷产业集群单位产值能耗同比下降3.1%。", "3.1%", "down"),
        ("德化县日用陶瓷产业集群规上企业减少15家。", "15家", "down"),
        ("德化县日用陶瓷产业集群产值实现两位数增长。", "两位数", "up"),
    ],
)
def test_increase_and_decrease(nlp, text, number, change):
    assert metric(nlp, text, number)["change"] == change


def test_negative_growth_written_with_a_minus_is_down(nlp):
    assert metric(nlp, "德化县日用陶瓷产业集群出口额同比增长-2.1%。", "-2.1%")["change"] == "down"


def test_fu_zengzhang_is_down(nlp):
    assert metric(nlp, "德化县日用陶瓷产业集群出口额同比负增长2.1%。", "2.1%")["change"] == "down"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("德化县日用陶瓷产业集群本地配套率提高到60%。", "60%"),  # the level reached
        ("德化县日用陶瓷产业集群产值增速比全省平均水平高出4.1个百分点。", "4.1个百分点"),  # a comparison
        ("德化县日用陶瓷产业集群拥有规上企业312家。", "312家"),  # a count
        ("德化县日用陶瓷产业集群产值占全县工业总产值的65%。", "65%"),  # a share
        ("德化县日用陶瓷产业集群产值位居全省第2位。", "第2位"),  # a rank
        ("集群产值增长8.5%，高于全省规上工业增加值增速1.9个百分点。", "1.9个百分点"),  # a gap between two rates
    ],
)
def test_a_level_a_comparison_a_count_a_share_or_a_rank_is_no_change(nlp, text, number):
    assert metric(nlp, text, number)["change"] is None


# --- subject ----------------------------------------------------------------------------------


def _subject(row: dict) -> tuple:
    return row["subject_kind"], row["subject"]


def test_a_cluster_opening_the_clause_holds_the_number(nlp):
    row = metric(nlp, "德化县日用陶瓷产业集群拥有规上企业312家。", "312家")
    assert _subject(row) == ("cluster", CLUSTER)


def test_the_cluster_is_named_by_its_national_list_name(nlp):
    text = "宁波磁性材料产业集群拥有规上企业312家。"  # written otherwise than the list's 宁波市磁性材料集群
    df = frame(nlp, text)
    assert df[df.label == "CLUSTER"].national_name.tolist() == ["宁波市磁性材料集群"]  # the premise
    assert _subject(metric(nlp, text, "312家")) == ("cluster", "宁波市磁性材料集群")


@pytest.mark.parametrize("anaphor", ["该集群", "集群"])
def test_an_anaphor_is_the_cluster_named_before(nlp, anaphor):
    text = f"德化县日用陶瓷产业集群入选省级重点培育名单。{anaphor}拥有规上企业312家。"
    assert _subject(metric(nlp, text, "312家")) == ("cluster", CLUSTER)


def test_a_short_mention_is_the_clusters_fullest_name(nlp):
    text = "德化县日用陶瓷产业集群入选省级重点培育名单。日用陶瓷产业集群拥有规上企业312家。"
    assert _subject(metric(nlp, text, "312家")) == ("cluster", CLUSTER)


def test_a_mention_of_a_one_character_industry_is_the_placed_name_it_ends(nlp):
    text = "鹰潭市铜产业集群运行简况\n1—11月，全市铜产业集群实现主营业务收入4026.5亿元。"
    assert _subject(metric(nlp, text, "4026.5亿元")) == ("cluster", "鹰潭市铜产业集群")


def test_a_work_reports_scope_word_is_its_own_place_not_a_listed_county_city(nlp):
    text = "吴忠市人民政府工作报告\n2026年1月22日\n利通区、青铜峡市奶牛存栏分别达到15.2万头和13.6万头。全市规模化养殖比例达到98.5%。"
    assert _subject(metric(nlp, text, "98.5%")) == ("place", "吴忠市")


@pytest.mark.parametrize(
    ("text", "number", "place"),
    [
        ("德化县是著名的陶瓷之乡。全县拥有陶瓷企业3500多家。", "3500多家", "德化县"),
        ("泉州市加快建设制造强市。全市新增专精特新企业150家。", "150家", "泉州市"),
    ],
)
def test_a_scope_word_is_the_place(nlp, text, number, place):
    assert _subject(metric(nlp, text, number)) == ("place", place)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("全国规模以上工业增加值同比增长6.0%。", "6.0%"),
        ("我国已培育专精特新“小巨人”企业1.2万家。", "1.2万家"),
    ],
)
def test_the_country_is_national_china(nlp, text, number):
    assert _subject(metric(nlp, text, number)) == ("national", "中国")


def test_a_count_of_clusters_across_the_country_is_national(nlp):
    text = "全国已培育80个先进制造业集群。"
    assert _subject(metric(nlp, text, "80个")) == ("national", "中国")


def test_a_count_of_a_years_list_of_clusters_is_the_group(nlp):
    text = "经专家评审和公示，确定了100家2024年度中小企业特色产业集群。"
    assert _subject(metric(nlp, text, "100家")) == ("group", "中小企业特色产业集群")


def test_a_count_of_a_clusters_companies_is_no_count_of_clusters(nlp):
    text = "绍兴市现代纺织与服装产业集群试点启动。截至6月底，已为1260家集群企业发放贷款。"
    assert _subject(metric(nlp, text, "1260家"))[0] != "group"


def test_a_company_by_the_short_name_the_text_declares(nlp):
    text = "四川时代新能源科技有限公司（以下简称四川时代）是集群的链主。上半年，四川时代六期项目建成投产，动力电池产能达到75GWh。"
    assert _subject(metric(nlp, text, "75GWh")) == ("company", "四川时代新能源科技有限公司")


def test_industries_sharing_one_head_before_fenbie_are_each_their_own(nlp):
    text = "前三季度，全省重点产业集群运行平稳。其中，电子信息、装备制造、食品轻纺三大优势产业集群营业收入分别为1.08万亿元、6820亿元和7450亿元。"
    assert _subject(metric(nlp, text, "6820亿元")) == ("group", "装备制造产业集群")
    assert _subject(metric(nlp, text, "7450亿元")) == ("group", "食品轻纺产业集群")


def test_a_base_a_task_strengthens_is_no_zone_holding_the_figures(nlp):
    text = "河南省预制菜产业集群培育行动方案\n二、重点任务\n一是强化原料基地建设，新建标准化原料基地100个。"
    assert _subject(metric(nlp, text, "100个")) != ("place", "一是强化原料基地")


def test_a_table_row_headed_by_a_year_is_of_that_year(nlp):
    text = "瓯海眼镜产业集群主要指标\n年份\t产值（亿元）\t规上企业（家）\n2022\t165.3\t112\n2023\t178.9\t121\n"
    assert metric(nlp, text, "178.9")["period"] == "2023"


def test_a_growth_column_takes_no_time_from_a_later_column(nlp):
    text = (
        "赣州市稀土新材料产业集群重点县发展情况\n| 县（市、区） | 营业收入（亿元） | 同比增长（%） | 2027年目标营收（亿元） |\n"
        "| 章贡区 | 312.6 | 9.8 | 500 |\n"
    )
    row = metric(nlp, text, "9.8")
    assert (row["period"], row["status"]) == (None, "actual")


def test_a_plans_annex_table_takes_each_cells_status_from_its_column(nlp):
    text = (
        "湖南省先进制造业集群培育提升三年行动计划\n发布日期：2024-02-27\n二、主要任务\n每年遴选10个左右省级集群重点培育。\n"
        "附表：重点集群主要发展目标\n序号\t集群名称\t2023年主营业务收入（亿元）\t2026年目标（亿元）\n1\t长沙市工程机械集群\t2856\t3500\n"
    )
    assert metric(nlp, text, "2856")["status"] == "actual"
    assert metric(nlp, text, "3500")["status"] == "target"


@pytest.mark.parametrize(("text", "number", "change"), [("增速较二季度加快1.6个百分点。", "1.6个百分点", "up"), ("增速比上年放缓0.5个百分点。", "0.5个百分点", "down"), ("居民消费价格总水平上涨5.0%。", "5.0%", "up")])
def test_a_rate_speeding_up_or_slowing_down_is_a_change(nlp, text, number, change):
    assert metric(nlp, text, number)["change"] == change


@pytest.mark.parametrize(
    ("text", "number", "group"),
    [
        ("去年，江苏10个国家级集群的产值合计超过3.5万亿元。", "超过3.5万亿元", "国家级集群"),  # a place's counted group
        ("前三季度，全省纳入监测的15个重点产业集群实现营业收入3.62万亿元。", "3.62万亿元", "重点产业集群"),  # 全省…的 modifies it
    ],
)
def test_a_counted_group_a_place_qualifies_holds_its_amount(nlp, text, number, group):
    assert _subject(metric(nlp, text, number)) == ("group", group)


def test_a_work_reports_sentence_naming_no_holder_is_the_reports_place(nlp):
    text = "长兴县政府工作报告\n——在长兴县第十八届人民代表大会上\n智能装备产业集群产值突破500亿元，增长16.2%。新增规上工业企业128家。"
    assert _subject(metric(nlp, text, "128家")) == ("place", "长兴县")


@pytest.mark.parametrize("verb", ["排名", "保持", "稳居", "名列"])
def test_the_scope_of_a_ranking_is_its_base_not_its_holder(nlp, verb):
    text = f"博罗县规上工业增加值增长9.1%，增速{verb}全省第一。"
    assert _subject(metric(nlp, text, "第一")) == ("place", "博罗县")


def test_a_templates_placeholder_zone_holds_its_figures(nlp):
    text = "经济开发区工作总结\n20xx年，XX经济开发区紧紧围绕制造业倍增计划。20xx年，实现规上工业总产值108亿元。"
    assert _subject(metric(nlp, text, "108亿元")) == ("place", "XX经济开发区")


def test_a_templates_placeholder_city_before_its_governments_address_is_the_reports_place(nlp):
    text = "XX市政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作。实现社会消费品零售总额2138亿元，增长18%。"
    assert _subject(metric(nlp, text, "2138亿元")) == ("place", "XX市")


def test_a_work_report_excerpt_without_its_title_is_known_by_its_address(nlp):
    text = (
        "——2024年1月23日在深圳市坪山区\n第二届人民代表大会第四次会议上\n各位代表：\n"
        "现在，我代表区人民政府向大会作工作报告，请予审议。\n一、2023年以来工作回顾\n"
        "深入贯彻落实对广东、深圳系列重要讲话精神。\n1—11月固定资产投资总额增长17.9%。"
    )
    assert _subject(metric(nlp, text, "17.9%")) == ("place", "坪山区")


def test_a_bulletins_place_is_the_place_its_title_opens_with(nlp):
    text = (
        "常州市武进区2023年国民经济和社会发展统计公报（摘要）\n全年全区规上工业总产值4860.2亿元。武进国家高新区管委会加快建设。\n"
        "主要工业产品产量：\n产品名称｜单位｜产量｜增长（%）\n光伏电池｜万千瓦｜2860.4｜21.3\n"
    )
    assert _subject(metric(nlp, text, "2860.4")) == ("place", "武进区")


def test_a_work_reports_sentence_after_a_heading_line_is_the_reports_place(nlp):
    text = (
        "政府工作报告（摘要）\n——2024年1月15日在滁州市第八届人民代表大会第四次会议上\n"
        "过去一年，滁州高新技术产业开发区完成工业产值1125亿元。\n\n二、2024年主要目标任务\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。"
    )
    assert _subject(metric(nlp, text, "7%左右")) == ("place", "滁州市")


def test_a_statistical_bulletins_scope_word_is_its_own_city(nlp):
    text = (
        "泉州市2023年国民经济和社会发展统计公报\n泉州市统计局　2024年3月22日\n"
        "2023年，晋江市、石狮市规上工业产值分别增长5.2%和3.1%。\n2023年末，全市拥有专精特新“小巨人”企业46家。"
    )
    assert _subject(metric(nlp, text, "46家")) == ("place", "泉州市")


def test_a_work_reports_clause_after_a_semicolon_continues_the_cluster(nlp):
    text = "清河县政府工作报告\n——在清河县第十八届人民代表大会上\n清河羊绒产业集群实现营业收入312亿元；羊绒纱线产量占全国的六成以上。"
    assert _subject(metric(nlp, text, "六成以上"))[0] == "cluster"


def test_former_and_latter_are_the_two_clusters_named_before(nlp):
    text = "推动鸡西石墨新材料产业集群、鹤岗石墨产业集群做大做强。力争到2027年，前者石墨产业产值达到150亿元，后者达到120亿元。"
    assert _subject(metric(nlp, text, "150亿元")) == ("cluster", "鸡西石墨新材料产业集群")
    assert _subject(metric(nlp, text, "120亿元")) == ("cluster", "鹤岗石墨产业集群")


def test_the_cluster_in_english_is_the_cluster_named_before(nlp):
    text = "深圳先进电池材料集群发布年度报告\nIn 2023, the cluster generated revenue of 215 billion yuan, up 12.5% year on year."
    assert _subject(metric(nlp, text, "215 billion yuan")) == ("cluster", "深圳市先进电池材料集群")


def test_places_listed_after_a_month_range_each_hold_their_number(nlp):
    text = "分区域看，1—5月武汉、襄阳、宜昌三市规上工业增加值分别增长8.1%、7.6%和9.0%。"
    assert _subject(metric(nlp, text, "7.6%")) == ("place", "襄阳")
    assert _subject(metric(nlp, text, "9.0%")) == ("place", "宜昌")


def test_a_contribution_to_a_scopes_growth_is_the_contributors(nlp):
    text = "其中，武汉光电子信息产业集群增加值增长15.2%，拉动全省规上工业增长1.3个百分点，显示面板产量达到1.86亿片。"
    assert _subject(metric(nlp, text, "1.86亿片"))[0] == "cluster"


def test_examples_before_a_counted_group_are_part_of_it(nlp):
    text = "泉州市统计公报\n2023年，纺织鞋服等五大产业集群实现规模以上工业产值1.52万亿元。"
    assert _subject(metric(nlp, text, "1.52万亿元"))[0] == "group"


def test_clusters_a_set_word_modifies_through_de_are_a_group(nlp):
    text = "贵港市港南区电动车产业集群以91.2分位列第一。2023年，入选“十强”的集群合计实现营业收入1865亿元。"
    assert _subject(metric(nlp, text, "1865亿元"))[0] == "group"


def test_a_lists_members_do_not_become_the_topic(nlp):
    text = "2023年，珠海市实现地区生产总值4233亿元。\n分区域看，香洲区、金湾区和斗门区分别增长10.8%、14.2%和9.0%。\n全年居民消费价格总水平上涨5.0%。"
    assert _subject(metric(nlp, text, "9.0%")) == ("place", "斗门区")
    assert _subject(metric(nlp, text, "5.0%")) == ("place", "珠海市")


def test_an_interviewees_company_named_by_its_declared_short_name(nlp):
    text = (
        "对话乳企掌门人\n内蒙古草原优品乳业有限公司（以下简称“草原优品”）是集群内的骨干企业。记者日前专访了草原优品董事长李文海。\n"
        "记者：今年上半年企业经营情况怎么样？\n李文海：上半年我们实现销售收入38.6亿元。"
    )
    assert _subject(metric(nlp, text, "38.6亿元")) == ("company", "内蒙古草原优品乳业有限公司")


def test_a_towns_scope_word_is_the_town_without_the_preposition_before_it(nlp):
    text = "记者从大朗镇政府获悉，上半年大朗毛织产业集群实现产值312亿元。\n\n大朗镇是“中国羊毛衫名镇”。全镇现有毛织设计工作室600余家。"
    assert _subject(metric(nlp, text, "600余家")) == ("place", "大朗镇")


def test_a_town_a_sentence_is_set_in_holds_its_figures(nlp):
    text = "临清市轴承产业集群营业收入增长8%。\n\n在烟店镇，轴承市场日均交易额超过6000万元。"
    assert _subject(metric(nlp, text, "超过6000万元")) == ("place", "烟店镇")


def test_bare_zone_words_listed_before_fenbie_each_hold_their_number(nlp):
    text = "从区县看，高新区、经开区、航天基地规上工业增加值分别增长11.2%、7.6%、9.4%。"
    assert _subject(metric(nlp, text, "7.6%")) == ("place", "经开区")


def test_a_company_and_its_anaphor(nlp):
    text = "德化县瓷韵陶瓷有限公司今年实现营收8.6亿元。公司拥有员工1200人。"
    assert _subject(metric(nlp, text, "8.6亿元")) == ("company", "德化县瓷韵陶瓷有限公司")
    assert _subject(metric(nlp, text, "1200人")) == ("company", "德化县瓷韵陶瓷有限公司")


@pytest.mark.parametrize("anaphor", ["该企业", "这家企业", "该公司"])
def test_that_company_is_the_company_named_last(nlp, anaphor):
    text = f"德化县瓷韵陶瓷有限公司今年实现营收8.6亿元。据介绍，{anaphor}现有员工1200人。"
    assert _subject(metric(nlp, text, "1200人")) == ("company", "德化县瓷韵陶瓷有限公司")


def test_a_number_describing_the_fund_after_it_is_the_funds(nlp):
    text = "德化县人民政府日前宣布，联合社会资本组建规模20亿元的陶瓷产业发展基金。"
    df = frame(nlp, text)
    row = df[df.text == "20亿元"].iloc[0]
    assert (row.subject_kind, row.subject, row.measure) == ("other", "陶瓷产业发展基金", "规模")


def test_what_a_plant_gives_once_in_production_is_a_target(nlp):
    text = "2023年，德化县日用陶瓷产业集群新开工项目12个，全部达产后年产值可超过80亿元。"
    assert metric(nlp, text, "超过80亿元")["status"] == "target"
    assert metric(nlp, text, "12个")["status"] == "actual"


def test_a_sector_of_car_makers_is_no_company(nlp):
    text = "赣州经开区已集聚新能源汽车企业92家。"
    assert _subject(metric(nlp, text, "92家")) == ("place", "赣州经开区")


def test_an_association_holds_its_members(nlp):
    text = "德化县陶瓷行业协会成立于2015年。截至2023年底，协会会员单位达到260家。"
    assert metric(nlp, text, "260家")["subject_kind"] == "other"


def test_numbers_in_a_plans_task_section_are_targets(nlp):
    text = "德化县陶瓷产业发展行动方案\n一、发展现状\n全县现有陶瓷企业3500家。\n二、重点任务\n（一）培育龙头企业。每年遴选10家左右重点企业给予支持。"
    assert metric(nlp, text, "3500家")["status"] == "actual"
    assert metric(nlp, text, "10家左右")["status"] == "target"


def test_a_verb_of_the_goal_after_a_target_word_keeps_it_a_target(nlp):
    text = "会议要求，下半年全县力争完成固定资产投资85亿元。"
    assert metric(nlp, text, "85亿元")["status"] == "target"


def test_a_planned_area_is_a_fact(nlp):
    text = "德化经济开发区规划面积约16平方公里，已集聚企业200余家。"
    assert metric(nlp, text, "约16平方公里")["status"] == "actual"


@pytest.mark.parametrize(
    ("text", "number", "change"),
    [
        ("2023年，德化县新增规上陶瓷企业23家。", "23家", "up"),
        ("2023年，德化县日用陶瓷产业集群实现增加值120亿元。", "120亿元", None),
    ],
)
def test_what_was_added_counts_up_and_value_added_does_not(nlp, text, number, change):
    assert metric(nlp, text, number)["change"] == change


def test_a_lists_numbers_share_the_verb_before_the_first(nlp):
    text = "上半年，德化县、永春县、安溪县陶瓷产值分别增长6.3%、9.1%和4.7%。"
    assert [metric(nlp, text, n)["change"] for n in ("6.3%", "9.1%", "4.7%")] == ["up", "up", "up"]


def test_a_semicolon_before_a_cluster_keeps_the_horizon(nlp):
    text = "到2027年，全省集群产值力争达到3万亿元；德化县日用陶瓷产业集群产值突破800亿元。"
    row = metric(nlp, text, "800亿元")
    assert (row["period"], row["status"]) == ("2027", "target")


def test_a_long_english_title_is_part_of_the_header(nlp):
    text = "Dehua Ceramics Industry Cluster Investment Guide for Overseas Partners｜德化陶瓷产业投资指南\n发布时间：2024-06-05\n目前，德化县日用陶瓷产业集群拥有企业3500家。"
    row = metric(nlp, text, "3500家", date=None)
    assert (row["doc_date"], row["period"]) == ("2024-06-05", "2024")


def test_a_cluster_without_a_place_is_not_one_sharing_only_the_head(nlp):
    text = "德化县日用陶瓷产业集群产值增长8%。上半年，新一代电子信息产业集群、新材料产业集群增加值分别增长6.3%、4.7%。"
    assert _subject(metric(nlp, text, "6.3%")) == ("cluster", "新一代电子信息产业集群")
    assert _subject(metric(nlp, text, "4.7%")) == ("cluster", "新材料产业集群")


def test_a_planner_gives_way_to_the_holder_its_plan_names(nlp):
    text = "去年，德化县日用陶瓷产业集群实现产值580亿元；今年，德化县人民政府提出集群产值力争突破650亿元。"
    assert _subject(metric(nlp, text, "650亿元")) == ("cluster", CLUSTER)


def test_a_national_level_count_in_a_provinces_plan_is_the_provinces(nlp):
    text = "到2025年，全省培育形成国家级先进制造业集群5个以上、省级先进制造业集群20个。福建省将统筹推进。"
    assert _subject(metric(nlp, text, "5个以上")) == ("place", "福建省")


def test_a_company_inside_the_cluster_holds_its_figures(nlp):
    text = "德化县日用陶瓷产业集群产值增长8%。同在集群内的德化县瓷韵陶瓷有限公司，2023年产品国内市场占有率达到35%。"
    assert _subject(metric(nlp, text, "35%")) == ("company", "德化县瓷韵陶瓷有限公司")


def test_a_rank_within_the_province_is_no_holder(nlp):
    text = "德化县陶瓷产业三年行动计划\n产业综合实力进入全省前列，规模以上工业企业力争突破800家。"
    assert _subject(metric(nlp, text, "800家")) == ("place", "德化县")


def test_a_list_takes_its_numbers_by_rank_when_fenbie_comes_later(nlp):
    text = "德化县、永春县两地错位发展，陶瓷产值分别占全市的41.5%和23.2%。"
    assert _subject(metric(nlp, text, "41.5%")) == ("place", "德化县")
    assert _subject(metric(nlp, text, "23.2%")) == ("place", "永春县")


@pytest.mark.parametrize("again", ["该基金", "基金"])
def test_a_fund_named_again_holds_its_figures(nlp, again):
    text = f"3月27日，德化县陶瓷产业发展基金签约仪式举行。{again}总规模20亿元。"
    assert _subject(metric(nlp, text, "20亿元")) == ("other", "德化县陶瓷产业发展基金")


def test_an_amount_before_zhichi_jiqun_counts_no_clusters(nlp):
    text = "德化县人民政府将安排专项资金1.5亿元支持集群公共服务平台建设。"
    assert metric(nlp, text, "1.5亿元")["subject_kind"] != "group"


def test_a_cell_under_a_growth_rate_header_is_a_change(nlp):
    text = "集群\t2023年产值（亿元）\t2023年产值增速（%）\n德化县日用陶瓷产业集群\t580\t8.5\n永春县香产业集群\t120\t-2.1\n"
    assert metric(nlp, text, "580")["change"] is None
    assert metric(nlp, text, "8.5")["change"] == "up"
    assert metric(nlp, text, "-2.1")["change"] == "down"


def test_a_two_column_table_takes_its_headers_year(nlp):
    text = "表1　部分集群主要指标\n集群\t2023年营业收入（亿元）\n德化县日用陶瓷产业集群\t580\n"
    assert metric(nlp, text, "580")["period"] == "2023"


def test_a_plan_word_in_a_title_makes_no_target(nlp):
    text = "会议印发《德化县陶瓷产业三年行动计划》，提出6个方面22条具体举措。"
    assert metric(nlp, text, "22条")["status"] == "actual"


def test_what_a_policy_grants_is_a_target(nlp):
    text = "对新认定的国家级专精特新“小巨人”企业，给予一次性奖励50万元。"
    assert metric(nlp, text, "50万元")["status"] == "target"


INDICATOR_TABLE = "德化县2023年统计公报\n表2　德化县日用陶瓷产业集群主要指标\n指标\t2022年\t2023年\n营业收入（亿元）\t468.3\t520.5\n"


def test_a_cell_of_an_indicator_table_is_the_titles_subject(nlp):
    assert _subject(metric(nlp, INDICATOR_TABLE, "468.3")) == ("cluster", "德化县日用陶瓷产业集群")


def test_a_cell_of_an_indicator_table_takes_its_columns_year(nlp):
    assert metric(nlp, INDICATOR_TABLE, "468.3")["period"] == "2022"
    assert metric(nlp, INDICATOR_TABLE, "520.5")["period"] == "2023"


def test_a_column_without_a_time_in_a_header_with_times_has_none(nlp):
    text = (
        "附件：2024年度山东省特色产业集群名单\n"
        "序号\t集群名称\t2023年营业收入（亿元）\t企业数（家）\n"
        "1\t济南市章丘区（机械装备）特色产业集群\t326.5\t412\n"
    )
    assert metric(nlp, text, "326.5")["period"] == "2023"
    assert pd.isna(metric(nlp, text, "412")["period"])


def test_a_cell_of_an_indicator_table_is_measured_by_its_row(nlp):
    df = frame(nlp, INDICATOR_TABLE)
    assert df[df.text == "520.5"].iloc[0].measure == "营业收入"


def test_this_edition_is_named_by_the_event(nlp):
    text = "10月18日，2024中国（德化）陶瓷产业发展大会开幕。本届大会吸引800余名客商参会。"
    assert _subject(metric(nlp, text, "800余名")) == ("other", "2024中国（德化）陶瓷产业发展大会")


@pytest.mark.parametrize("word", ["全年", "年末", "当年"])
def test_the_year_just_named_is_the_period_of_quannian_nianmo_dangnian(nlp, word):
    text = f"德化县2023年国民经济统计公报\n2023年，全县地区生产总值增长6.5%。\n{word}德化县日用陶瓷产业集群拥有规上企业372家。"
    assert metric(nlp, text, "372家", date="2024-03-20")["period"] == "2023"


def test_a_pages_date_line_names_no_year_for_quannian(nlp):
    text = "德化县2023年国民经济统计公报\n发布时间：2024-03-20\n全年规模以上工业增加值增长7.2%。"
    assert metric(nlp, text, "7.2%", date=None)["period"] == "2023"


@pytest.mark.parametrize(("text", "number", "period", "change"), [
    ("In 2023, the cluster generated revenue of RMB 215 billion, up 12.5% year on year.", "12.5%", "2023", "up"),
    ("The first half of 2024 saw exports fall, down 3.1% from a year earlier.", "3.1%", "2024-H1", "down"),
])
def test_english_sentences_in_a_chinese_page(nlp, text, number, period, change):
    row = metric(nlp, text, number)
    assert (row["period"], row["change"]) == (period, change)


def test_an_attachment_ends_a_plans_section(nlp):
    text = "三、有关要求\n对评价为优秀的集群给予奖励。\n附件：部分集群评价得分\n序号\t集群名称\t2024年度得分（分）\n1\t德化县日用陶瓷产业集群\t94.6"
    assert metric(nlp, text, "94.6")["status"] == "actual"


def test_quannian_after_jinnian_is_the_documents_year(nlp):
    text = "2023年，德化县日用陶瓷产业集群实现产值580亿元。今年将推动集群提质增效，全年计划完成工业投资120亿元。"
    assert metric(nlp, text, "120亿元", date="2024-03-20")["period"] == "2024"


@pytest.mark.parametrize("lead", ["据", "记者日前从", "是"])
def test_words_before_a_zones_name_are_no_part_of_it(nlp, lead):
    text = f"{lead}泉州经济技术开发区获悉，2024年园区新引进项目42个。"
    assert metric(nlp, text, "42个")["subject"] == "泉州经济技术开发区"


def test_a_row_under_an_industry_cluster_column_is_that_cluster(nlp):
    text = "表1　2024年德化县主要产业集群产值\n产业集群\t产值（亿元）\n日用陶瓷\t386.4\n茶叶\t25.9\n"
    assert _subject(metric(nlp, text, "386.4")) == ("cluster", "日用陶瓷")


def test_a_share_from_one_year_to_another_takes_each_its_year(nlp):
    text = "德化县日用陶瓷产业集群本地配套率由2020年的25%提高到2023年的76%。"
    assert [metric(nlp, text, n)["period"] for n in ("25%", "76%")] == ["2020", "2023"]
    assert metric(nlp, text, "76%")["status"] == "actual"


def test_a_task_heading_written_as_a_verb_opens_a_plan_section(nlp):
    text = "德化县2024年工作要点\n二、推动企业梯度培育\n新增规模以上工业企业50家、国家级专精特新“小巨人”企业5家。"
    assert [metric(nlp, text, n)["status"] for n in ("50家", "5家")] == ["target", "target"]
    assert [metric(nlp, text, n)["change"] for n in ("50家", "5家")] == ["up", "up"]


def test_a_bare_yuanqu_is_the_zone_named_before_without_the_words_before_it(nlp):
    text = "记者日前从泉州经济技术开发区获悉，园区已集聚新材料企业300余家。"
    assert metric(nlp, text, "300余家")["subject"] == "泉州经济技术开发区"


def test_a_zone_written_by_its_short_name_is_the_zone_the_text_names(nlp):
    text = "横琴新区管委会负责人介绍，横琴已建成重点实验室12个。"
    assert _subject(metric(nlp, text, "12个")) == ("place", "横琴新区")


def test_two_characters_before_a_zone_word_that_are_a_lead_word_name_no_zone(nlp):
    text = "珠海市横琴新区管委会表示，今年新区新增企业300家。"
    assert metric(nlp, text, "300家")["subject"] != "今年新区"


def test_a_named_market_opening_a_clause_holds_its_trade(nlp):
    text = "2024年，白沟箱包交易市场成交额达到320亿元。"
    assert _subject(metric(nlp, text, "320亿元")) == ("other", "白沟箱包交易市场")


def test_a_market_named_by_no_name_of_its_own_holds_nothing(nlp):
    text = "白沟镇箱包产业集群产品约占国内市场的三分之一。"
    assert metric(nlp, text, "三分之一")["subject_kind"] != "other"


def test_a_company_named_in_full_holds_what_its_short_name_opens(nlp):
    text = "走进浙江梦娜袜业有限公司的车间，智能袜机正在运转。作为诸暨大唐袜业产业集群的龙头企业，梦娜袜业去年投入8000万元建设数字化工厂。"
    assert _subject(metric(nlp, text, "8000万元")) == ("company", "浙江梦娜袜业有限公司")


def test_a_national_high_tech_industry_base_opening_a_clause_holds_its_figures(nlp):
    text = "2023年，阎良国家航空高技术产业基地实现航空产业产值610亿元。"
    assert _subject(metric(nlp, text, "610亿元")) == ("place", "阎良国家航空高技术产业基地")


def test_an_autonomous_prefecture_is_named_by_its_short_name_and_level_as_written(nlp):
    text = "文山州委、州政府把绿色铝列为一号产业。目前，文山州已引进铝加工企业46家。"
    assert _subject(metric(nlp, text, "46家")) == ("place", "文山州")


def test_a_place_is_named_as_the_document_writes_it(nlp):
    assert metric(nlp, "深圳今年新增专精特新企业300家。", "300家")["subject"] == "深圳"
    assert metric(nlp, "深圳市今年新增专精特新企业300家。", "300家")["subject"] == "深圳市"


def test_places_listed_before_ge_each_hold_the_count(nlp):
    text = "从名单看，四川、湖南各有2个集群入围。"
    assert _subject(metric(nlp, text, "2个")) == ("place", "四川")


def test_a_rankings_list_of_clusters_is_a_group(nlp):
    text = "报告显示，中国百强产业集群累计授权专利48.7万件。"
    assert _subject(metric(nlp, text, "48.7万件"))[0] == "group"


def test_the_country_naming_a_market_share_holds_nothing(nlp):
    text = "2024年，许昌市假发产业产值达到320亿元，全国市场占有率超过60%。"
    assert _subject(metric(nlp, text, "超过60%")) == ("place", "许昌市")


def test_a_cluster_subject_keeps_the_documents_full_width_brackets(nlp):
    text = "潍坊市寒亭区（新材料）特色产业集群2023年营业收入达到86亿元。"
    assert metric(nlp, text, "86亿元")["subject"] == "潍坊市寒亭区（新材料）特色产业集群"


def test_a_second_fenbie_counts_the_list_again(nlp):
    text = "2023年，泉州市纺织服装集群、泉州市鞋业集群、泉州市建材集群分别实现营收800亿元、600亿元和300亿元，分别增长5.1%、7.3%和2.2%。"
    assert metric(nlp, text, "7.3%")["subject"] == "泉州市鞋业集群"


def test_the_anaphor_is_the_cluster_named_since_the_topic_was_set(nlp):
    text = (
        "2023年，泉州市纺织服装集群、泉州市鞋业集群分别实现营收800亿元和600亿元。\n"
        "纺织服装集群方面，该集群拥有国家级企业技术中心9家。"
    )
    assert metric(nlp, text, "9家")["subject"] == "泉州市纺织服装集群"


def test_a_new_technology_development_zone_is_one_place(nlp):
    text = "武汉东湖新技术开发区2024年规上工业总产值达到3421.6亿元。"
    assert _subject(metric(nlp, text, "3421.6亿元")) == ("place", "武汉东湖新技术开发区")


def test_women_gongsi_in_a_quote_is_the_speakers_company(nlp):
    text = "河北恒绒服饰有限公司董事长张丽华说：“我们公司去年线上销售额增长了四成。”"
    assert _subject(metric(nlp, text, "四成")) == ("company", "河北恒绒服饰有限公司")


def test_women_in_an_interviewees_named_turn_is_the_interviewees_company(nlp):
    text = (
        "——访浙江正泰电器股份有限公司总裁陈国良\n"
        "乐清电气集群是首批国家先进制造业集群。\n"
        "记者：企业这些年发展如何？\n"
        "陈国良：去年我们营收达到86亿元。"
    )
    assert _subject(metric(nlp, text, "86亿元")) == ("company", "浙江正泰电器股份有限公司")


def test_listed_clusters_broken_down_by_region_are_a_group(nlp):
    text = "宁德市锂电新能源集群产值居首。从区域分布看，上榜集群中东部地区62个、中部地区21个。"
    assert _subject(metric(nlp, text, "21个"))[0] == "group"


def test_each_place_of_a_list_holds_the_number_after_it(nlp):
    text = "集群汇聚规上企业1100余家，其中德阳680家、成都420余家。"
    assert _subject(metric(nlp, text, "420余家")) == ("place", "成都")


def test_a_zone_name_keeps_its_bracketed_part(nlp):
    text = "2023年，长三角（长兴）产业合作区新落地亿元以上项目14个。"
    assert metric(nlp, text, "14个")["subject"] == "长三角（长兴）产业合作区"


def test_a_scope_word_before_a_cluster_qualifies_the_cluster_that_holds(nlp):
    text = "合肥市新能源汽车产业集群发展行动计划印发。2022年，全市新能源汽车产业集群实现产值1450亿元。"
    assert _subject(metric(nlp, text, "1450亿元")) == ("cluster", "合肥市新能源汽车产业集群")


def test_a_zone_a_body_pushes_holds_what_it_is_to_do(nlp):
    text = "厦门市工业和信息化局表示，将推动火炬高新区新增3条高世代面板生产线。"
    assert _subject(metric(nlp, text, "3条")) == ("place", "火炬高新区")


def test_a_port_named_after_its_city_holds_its_throughput(nlp):
    text = "钦州市统计局数据显示，10月份钦州港完成货物吞吐量1560.7万吨。"
    assert _subject(metric(nlp, text, "1560.7万吨")) == ("place", "钦州港")


def test_a_set_of_bases_named_again_holds_its_share_of_the_country(nlp):
    text = "全国建设了445个国家新型工业化产业示范基地，这些产业示范基地创造了全国近三成工业增加值。"
    assert _subject(metric(nlp, text, "近三成")) == ("group", "产业示范基地")


def test_the_country_a_product_reaches_holds_nothing(nlp):
    text = "2024年，洛阳现代农机装备集群拥有企业210余家，产品覆盖全国31个省（区、市）。"
    assert metric(nlp, text, "31个")["subject_kind"] != "national"


def test_the_last_place_of_a_list_joined_by_he_takes_its_rank(nlp):
    text = "生物医药集群方面，苏州工业园区、苏州高新区和昆山市分别贡献营收786亿元、312亿元和268亿元。"
    assert _subject(metric(nlp, text, "268亿元")) == ("place", "昆山市")


def test_a_scope_word_before_a_group_of_clusters_qualifies_the_group(nlp):
    text = "湖北省印发行动计划。“十四五”期间，全省集群累计完成投资1.2万亿元以上。"
    assert _subject(metric(nlp, text, "1.2万亿元以上"))[0] == "group"


def test_an_amount_a_provinces_group_reaches_is_the_groups_not_a_count_of_members(nlp):
    text = "湖北省先进制造业集群培育行动方案\n到2025年，全省先进制造业集群营业收入达到3.5万亿元。"
    assert _subject(metric(nlp, text, "3.5万亿元")) == ("group", "先进制造业集群")


def test_a_group_of_clusters_a_body_pushes_holds_the_figure(nlp):
    text = "工业和信息化部有关负责人表示，下一步将推动国家级集群到2027年营业收入突破30万亿元。"
    assert _subject(metric(nlp, text, "30万亿元")) == ("group", "国家级集群")


def test_a_set_of_industry_groups_is_a_group(nlp):
    text = "浙江省深入实施集群培育工程，4个万亿级世界级先进产业群营业收入合计达到8.6万亿元。"
    assert _subject(metric(nlp, text, "8.6万亿元"))[0] == "group"


def test_towns_listed_with_a_zone_before_a_later_fenbie_take_their_ranks(nlp):
    text = "从区域看，松山湖高新区、长安镇、塘厦镇营业收入位列全市前三，分别为1568亿元、1204亿元和835亿元。"
    assert metric(nlp, text, "1204亿元")["subject"] == "长安镇"
    assert metric(nlp, text, "835亿元")["subject"] == "塘厦镇"


def test_a_provinces_count_of_national_list_clusters_is_the_provinces(nlp):
    text = "记者：四川先进制造业集群建设处于什么水平？\n答：截至今年6月，全省共有国家先进制造业集群4个、省级重点产业集群16个。"
    assert _subject(metric(nlp, text, "4个"))[0] == "place"


def test_a_scope_word_of_a_text_that_never_names_its_place_is_the_subject_as_written(nlp):
    text = "各位代表：过去一年，在区委的坚强领导下，全区实现地区生产总值5100亿元，增长6.5%。"
    assert _subject(metric(nlp, text, "5100亿元")) == ("place", "全区")


def test_a_zones_全区_in_an_autonomous_region_the_text_never_names_is_the_zone(nlp):
    text = "2021年，柳州高新技术产业开发区（以下简称“柳州高新区”）规上工业总产值1268亿元。全区全年完成固定资产投资215亿元。"
    assert _subject(metric(nlp, text, "215亿元")) == ("place", "柳州高新区")


def test_a_zones_全区_is_the_zone_named_before(nlp):
    text = "成都高新区管委会相关负责人介绍，去年软件业营收突破6000亿元；全区新增注册企业5.3万户。"
    assert _subject(metric(nlp, text, "5.3万户")) == ("place", "成都高新区")


@pytest.mark.parametrize(
    "text, number",
    [
        ("为您筛选了一篇开发区工作计划范文。\n开发区已进驻各类企业119家。", "119家"),  # a function word: no name
        ("开发区转变招商理念，抬高开发区的门槛。截至2011年末，开发区内已进驻各类企业119家。", "119家"),  # a verb: no name
    ],
)
def test_a_zone_word_after_words_no_name_holds_is_the_bare_zone_of_a_text_naming_none(nlp, text, number):
    assert _subject(metric(nlp, text, number)) == ("place", "开发区")


@pytest.mark.parametrize("zone", ["xx县经济开发区", "**开发区"])
def test_a_templates_placeholder_zone_with_a_level_word_or_asterisks_is_the_zone_its_bare_word_names(nlp, zone):
    text = f"{zone}2022年工作总结\n一、2022年工作开展情况\n2022年，开发区完成规上工业增加值38.6亿元。"
    assert _subject(metric(nlp, text, "38.6亿元")) == ("place", zone)


def test_a_line_ending_in_a_comma_continues_its_sentence_across_a_page_number(nlp):
    text = (
        "xx县经济开发区2022年工作总结\n一、2022年工作开展情况\n（一）经济指标稳中有进。2022年，开发区完成规上工业增加值38.6亿元。\n"
        "（二）集群培育成效明显。2022年，电线电缆产业集群完成产值126亿元，集聚电线电缆企业142家，\n2、其中规上企业48家。"
    )
    assert _subject(metric(nlp, text, "48家")) == ("cluster", "电线电缆产业集群")


def test_a_company_named_with_its_group_in_brackets_is_one_name_with_the_brackets_as_written(nlp):
    text = "集群现有企业230余家(jiā)。中国宝武太原钢铁（集团）有限公司（简称“太钢集团”）不锈钢产量占集群的七成以上。"
    assert _subject(metric(nlp, text, "七成以上")) == ("company", "太原钢铁（集团）有限公司")


def test_a_count_breaking_a_set_of_clusters_down_from_a_new_angle_is_the_sets(nlp):
    text = "江苏拟认定28个集群为省级中小企业特色产业集群，其中苏州市6个；从领域看，先进制造业领域17个、消费品领域8个。"
    assert _subject(metric(nlp, text, "8个"))[0] == "group"


def test_a_zone_committees_plan_is_about_its_zone(nlp):
    text = "东湖高新区管委会表示，将全力打造光电子信息产业，到2025年引进光电子领域企业50个以上。"
    assert _subject(metric(nlp, text, "50个以上")) == ("place", "东湖高新区")


def test_a_towns_name_holds_no_copula(nlp):
    text = "家用纺织品产业是川港镇的支柱产业。全镇家纺企业有612家。"
    assert _subject(metric(nlp, text, "612家")) == ("place", "川港镇")


@pytest.mark.parametrize(
    "text, number, town",
    [
        ("走进温岭市大溪镇，泵与电机企业的厂房连成一片。该镇拥有泵与电机企业3000余家。", "3000余家", "大溪镇"),  # 、 and ，
        ("作为广东省特色产业名镇，中山市古镇镇灯饰企业众多。全镇现有灯饰企业1.6万多家。", "1.6万多家", "古镇镇"),  # 古镇 + 镇
        ("大集镇党委书记介绍，该镇现有汉服企业2000余家。", "2000余家", "大集镇"),
    ],
)
def test_该镇_is_the_town_named_last(nlp, text, number, town):
    assert _subject(metric(nlp, text, number)) == ("place", town)


def test_该镇_is_no_town_of_a_ranking_among_the_countys_towns(nlp):
    text = "榜头镇位于仙游县。去年全镇工艺家具产值达到310亿元，连续多年居全县各乡镇第一。该镇拥有电商企业1200多家。"
    assert _subject(metric(nlp, text, "1200多家")) == ("place", "榜头镇")


def test_a_subsidiary_named_after_its_generic_word_holds_its_figures(nlp):
    text = "旗下子公司太原晋阳智能矿机有限公司主要生产智能综采装备，去年营业收入24亿元。"
    assert _subject(metric(nlp, text, "24亿元")) == ("company", "太原晋阳智能矿机有限公司")


def test_全镇_is_the_town_a_heading_line_names_after_its_county(nlp):
    text = "中国休闲服装名镇江苏省常熟市海虞镇\n2002年，全镇纺织服装企业341家。"
    assert _subject(metric(nlp, text, "341家")) == ("place", "海虞镇")


def test_a_programme_set_of_clusters_a_place_qualifies_holds_its_figures(nlp):
    text = "今年1-9月，扬州市“323+1”先进制造业集群规上企业累计开票销售突破3000亿元。"
    assert _subject(metric(nlp, text, "3000亿元"))[0] == "group"


@pytest.mark.parametrize(
    "text, number",
    [
        ("浙江某新材料公司投资建设的年产30万吨高性能聚烯烃项目总投资65亿元。", "65亿元"),  # the company's project, after 的
        ("新疆天晟硅业有限公司（以下简称“天晟硅业”）年产10万吨高纯多晶硅项目投资96亿元。", "96亿元"),  # named after its company
    ],
)
def test_a_companys_project_holds_its_investment(nlp, text, number):
    assert _subject(metric(nlp, text, number))[0] == "other"


def test_an_interviewees_we_is_the_company_a_named_turn_gives_in_brackets(nlp):
    text = (
        "记者：金瑞稀土在集群中处于什么位置？\n"
        "王建平（包头市金瑞稀土功能材料有限公司董事长）：我们公司主要生产钕铁硼永磁材料。\n"
        "记者：今年的经营情况如何？\n王建平：上半年我们实现销售收入39.6亿元，同比增长18%。"
    )
    assert _subject(metric(nlp, text, "39.6亿元")) == ("company", "包头市金瑞稀土功能材料有限公司")


def test_companies_a_plan_strengthens_hold_nothing(nlp):
    text = "商丘市强化龙头企业带动，纺织服装制鞋产业营业收入达到900亿元。"
    assert _subject(metric(nlp, text, "900亿元"))[0] != "company"


def test_a_bare_companys_project_phase_is_the_companys(nlp):
    text = "福建华锂新能源材料有限公司去年营收86亿元。\n答：公司二期项目总投资45亿元，届时总产能将达到20万吨。"
    assert _subject(metric(nlp, text, "20万吨")) == ("company", "福建华锂新能源材料有限公司")


def test_companies_listed_before_fenbie_each_hold_their_number(nlp):
    text = "2025年，三一重工股份有限公司、中联重科股份有限公司、山河智能装备股份有限公司营业收入分别为780亿元、506亿元和98亿元。"
    assert [_subject(metric(nlp, text, n))[1] for n in ("780亿元", "506亿元", "98亿元")] == [
        "三一重工股份有限公司",
        "中联重科股份有限公司",
        "山河智能装备股份有限公司",
    ]


def test_a_table_row_naming_its_cluster_by_industry_is_the_cluster_the_text_names(nlp):
    text = (
        "表1　2022年前三季度重点产业集群主要指标\n| 集群 | 规上企业（家） | 产值（亿元） |\n| 新型碳材料 | 268 | 412.6 |\n"
        "常州市新型碳材料集群增速高于全市平均水平5.1个百分点。"
    )
    assert _subject(metric(nlp, text, "412.6")) == ("cluster", "常州市新型碳材料集群")


def test_a_page_number_before_a_zone_word_opens_no_clause_for_it(nlp):
    text = "1、经济开发区工作总结经济开发区工作总结20xx年，XX经济开发区紧紧围绕倍增计划。20xx年，实现规上工业总产值108亿元。"
    assert _subject(metric(nlp, text, "108亿元")) == ("place", "XX经济开发区")


def test_前者_and_后者_after_two_places_listed_are_those_places(nlp):
    text = "其中，宁波、舟山分别实现产值4960亿元、1930亿元，前者增速为16.2%，后者增速高达47.8%。"
    assert [_subject(metric(nlp, text, n))[1] for n in ("16.2%", "47.8%")] == ["宁波", "舟山"]


def test_a_place_after_a_list_items_number_holds_its_count(nlp):
    text = "第一批中国特色小镇名单：\n一、北京市（3个）\n房山区长沟镇\n二、天津市（2个）\n武清区崔黄口镇"
    assert [_subject(metric(nlp, text, n))[1] for n in ("3个", "2个")] == ["北京市", "天津市"]


def test_a_bare_park_is_the_zone_its_committee_is_named_by(nlp):
    text = "据松山湖管委会介绍，目前园区已集聚智能终端上下游企业近300家。"
    assert _subject(metric(nlp, text, "近300家")) == ("place", "松山湖")


def test_a_breadcrumbs_site_name_holds_nothing_and_an_indented_group_opens_its_line(nlp):
    text = "中国西藏网 > 即时新闻 > 文化\n\n      国家级先进制造业集群增至45个\n\n      发布时间:2022-12-16"
    assert _subject(metric(nlp, text, "45个"))[0] == "group"


def test_the_country_as_the_scope_of_a_rank_holds_nothing(nlp):
    text = "龙工集团装载机产销量已达全国第一的水平。"
    assert _subject(metric(nlp, text, "第一")) == ("company", "龙工集团")


def test_the_country_inside_a_quoted_designation_holds_nothing(nlp):
    text = "黄岗镇连续四年被评为“全国乡村特色产业超10亿元镇”。2024年实现营收26.8亿元。"
    assert _subject(metric(nlp, text, "26.8亿元")) != ("national", "中国")


def test_a_macro_region_is_named_in_full_after_a_time_word(nlp):
    text = "2021年东北地区高新技术企业数量较2016年增加了近万家。"
    assert _subject(metric(nlp, text, "近万家")) == ("place", "东北地区")


def test_each_macro_region_holds_its_own_count(nlp):
    text = "从区域分布看，东部地区上榜集群58个，中部地区21个，西部地区16个，东北地区5个。"
    assert [_subject(metric(nlp, text, n))[1] for n in ("58个", "21个", "16个", "5个")] == ["东部地区", "中部地区", "西部地区", "东北地区"]


def test_macro_regions_breaking_a_set_down_are_its_categories(nlp):
    text = "从区域分布看，上榜集群中东部地区62个、中部地区21个。"
    assert _subject(metric(nlp, text, "21个"))[0] == "group"


def test_the_rank_of_a_places_number_of_clusters_is_the_places(nlp):
    text = "目前，湖南省共培育出4个国家先进制造业集群，国家先进制造业集群数量居全国第三。"
    assert _subject(metric(nlp, text, "第三")) == ("place", "湖南省")


def test_a_counted_set_of_clusters_before_fenbie_is_its_members_in_order(nlp):
    text = (
        "安溪县藤铁工艺产业集群2022年实现产值180亿元。德化县陶瓷产业集群拥有陶瓷企业3800余家。"
        "两大集群的出口交货值分别为62亿元和193亿元。"
    )
    assert metric(nlp, text, "62亿元")["subject"] == "安溪县藤铁工艺产业集群"
    assert metric(nlp, text, "193亿元")["subject"] == "德化县陶瓷产业集群"


def test_an_event_the_sentence_happens_at_holds_its_counts(nlp):
    text = "第五届中国陶瓷产业发展峰会上，现场签约项目28个。"
    assert _subject(metric(nlp, text, "28个")) == ("other", "第五届中国陶瓷产业发展峰会")


def test_a_cluster_opening_a_clause_after_the_event_it_is_reported_at_holds_the_counts(nlp):
    text = "在宜宾市政府近日召开的动力电池产业推进会上，宜宾市动力电池产业集群交出成绩单：集聚企业达120家。"
    assert _subject(metric(nlp, text, "120家")) == ("cluster", "宜宾市动力电池产业集群")


def test_the_event_keeps_what_is_counted_when_a_cluster_is_only_named_in_a_quote(nlp):
    text = "峰会上，还举行了“宜宾市动力电池产业集群建设启动仪式”等活动，并签约项目12个。"
    assert _subject(metric(nlp, text, "12个"))[0] == "other"


LISTS = [
    ("德化县、晋江市分别位居全省陶瓷产业第5位和第9位。", "第5位", "德化县", "第9位", "晋江市"),
    ("江阴市、张家港市分列第二、第三。", "第二", "江阴市", "第三", "张家港市"),  # the example of holders._joined
]


@pytest.mark.parametrize("text, first, first_place, second, second_place", LISTS)
def test_each_member_of_a_list_takes_the_number_of_its_rank(nlp, text, first, first_place, second, second_place):
    assert _subject(metric(nlp, text, first)) == ("place", first_place)
    assert _subject(metric(nlp, text, second)) == ("place", second_place)


def test_a_local_body_stating_its_plan_gives_it_to_its_place(nlp):
    text = "泉州市人民政府提出，未来三年将新建智能工厂50个。"
    row = metric(nlp, text, "50个")
    assert _subject(row) == ("place", "泉州市")
    assert row["status"] == "target"


def test_a_scope_word_qualifying_a_cluster_in_an_earlier_clause_leaves_the_cluster_the_holder(nlp):
    text = "我县竹木加工产业集群加快壮大，全年实现产值86亿元，同比增长13.5%。"
    assert _subject(metric(nlp, text, "86亿元")) == ("cluster", "竹木加工产业集群")


def test_a_clause_going_on_with_what_a_body_did_is_the_bodys(nlp):
    text = "今年以来，长春市工业和信息化局围绕长春市汽车集群强链补链，累计组织供需对接活动26场，促成签约合作项目142个。"
    assert _subject(metric(nlp, text, "26场"))[0] == "body"


def test_a_body_that_reports_a_figure_does_not_hold_it(nlp):
    text = "德化县统计局数据显示，德化县日用陶瓷产业集群拥有规上企业312家。"
    assert _subject(metric(nlp, text, "312家")) == ("cluster", CLUSTER)


def test_a_policy_provision_is_the_policys(nlp):
    text = "《德化县促进陶瓷产业高质量发展若干措施》明确，对新认定的省级以上企业技术中心，给予最高100万元奖励。"
    row = metric(nlp, text, "100万元")
    assert _subject(row) == ("other", "德化县促进陶瓷产业高质量发展若干措施")
    assert row["status"] == "target"


def test_a_region_is_a_place(nlp):
    row = metric(nlp, "长三角地区拥有规上工业企业12万家。", "12万家")
    assert row["subject_kind"] == "place"
    assert row["subject"] in ("长三角地区", "长三角")  # CONTEXT.md writes 长三角; the text 长三角地区


def test_a_base_place_is_not_the_holder(nlp):
    text = "德化县日用陶瓷产业集群产值占全县工业总产值的65%。"
    assert _subject(metric(nlp, text, "65%")) == ("cluster", CLUSTER)


def test_a_sentence_without_a_holder_is_about_the_paragraphs_topic(nlp):
    text = "德化县日用陶瓷产业集群拥有规上企业312家。2023年，实现产值580亿元，同比增长9.2%。"
    assert _subject(metric(nlp, text, "580亿元")) == ("cluster", CLUSTER)
    assert _subject(metric(nlp, text, "9.2%")) == ("cluster", CLUSTER)


def test_the_topic_is_the_cluster_the_previous_sentence_describes(nlp):
    text = "德化县日用陶瓷产业集群是全省重点培育的产业集群。2023年，实现产值580亿元。"
    assert _subject(metric(nlp, text, "580亿元")) == ("cluster", CLUSTER)


# --- the document date ------------------------------------------------------------------------


def test_a_header_field_gives_the_document_date(nlp):
    text = "德化陶瓷集群产值创新高\n发布时间：2024-07-27　来源：德化县融媒体中心\n今年上半年，德化县日用陶瓷产业集群实现产值260亿元。"
    row = metric(nlp, text, "260亿元", date=None)
    assert (row["doc_date"], row["period"]) == ("2024-07-27", "2024-H1")


def test_a_wechat_date_line_gives_the_document_date(nlp):
    text = "德化陶瓷集群去年产值创新高\n2025年01月20日 08:30\n去年，德化县日用陶瓷产业集群实现产值580亿元。"
    row = metric(nlp, text, "580亿元", date=None)
    assert (row["doc_date"], row["period"]) == ("2025-01-20", "2024")


def test_a_dateline_gives_the_document_date(nlp):
    text = "新华社福州2024年7月27日电（记者 陈某）今年上半年，德化县日用陶瓷产业集群实现产值260亿元。"
    row = metric(nlp, text, "260亿元", date=None)
    assert (row["doc_date"], row["period"]) == ("2024-07-27", "2024-H1")


def test_the_first_event_date_of_the_opening_gives_the_document_date(nlp):
    text = "2024年7月27日，第五届中国陶瓷产业发展峰会在德化县开幕。会上，现场签约项目28个。"
    assert metric(nlp, text, "28个", date=None)["doc_date"] == "2024-07-27"


def test_a_range_of_months_in_the_title_is_no_date_but_its_year_is_the_documents(nlp):
    text = "2021年1-6月份全区经济发展统计公报\n上半年，全区实现地区生产总值172.39亿元，同比增长18.6%。"
    row = metric(nlp, text, "172.39亿元", date=None)
    assert (row["doc_date"], row["period"]) == ("2021", "2021-H1")


TITLED = "2023首届中国陶瓷产业发展峰会在德化举行\n6月16日，峰会在德化县开幕，"


def test_a_month_and_day_take_the_year_of_the_title(nlp):
    text = TITLED + "来自全国各地的陶瓷企业代表、专家学者和行业协会负责人共600余人参加了开幕式，现场签约项目28个。"
    row = metric(nlp, text, "28个", date=None)
    assert (row["doc_date"], row["period"]) == ("2023-06-16", "2023-06-16")


def test_a_month_and_day_in_a_short_opening_take_the_year_of_the_title(nlp):
    row = metric(nlp, TITLED + "现场签约项目28个。", "28个", date=None)
    assert (row["doc_date"], row["period"]) == ("2023-06-16", "2023-06-16")


def test_no_year_anywhere_gives_no_document_date(nlp):
    df = frame(nlp, "德化县工信局表示，德化县日用陶瓷产业集群今年新增规上企业32家。", date=None)
    assert len(df) == 3 and df.doc_date.isna().all()
    assert df[df.label == "METRIC"].period.isna().all()


HEADED = "德化陶瓷集群产值创新高\n发布时间：2024-07-27\n今年，德化县工信局表示，德化县日用陶瓷产业集群新增规上企业32家。"


def test_the_callers_date_overrides_the_header(nlp):
    row = metric(nlp, HEADED, "32家", date="2023-03-01")
    assert (row["doc_date"], row["period"]) == ("2023-03-01", "2023")


@pytest.mark.parametrize(
    ("date", "doc_date"),
    [("2023", "2023"), ("2023-03", "2023-03"), (datetime.date(2023, 3, 1), "2023-03-01"), (pd.Timestamp("2023-03-01"), "2023-03-01")],
)
def test_the_callers_date_in_any_form(nlp, date, doc_date):
    row = metric(nlp, HEADED, "32家", date=date)
    assert (row["doc_date"], row["period"]) == (doc_date, "2023")


@pytest.mark.parametrize("date", [None, "2023-03-01"])
def test_doc_date_is_the_same_on_every_row(nlp, date):
    df = frame(nlp, HEADED, date=date)
    assert set(df.label) == {"GOV", "CLUSTER", "METRIC"}
    assert df.doc_date.tolist() == [date or "2024-07-27"] * len(df)


# --- the frame --------------------------------------------------------------------------------


def test_the_context_columns_are_in_the_documented_order(nlp):
    df = frame(nlp, HEADED)
    assert list(df.columns) == list(COLUMNS)
    columns = list(df.columns)
    assert columns[1] == "doc_date"
    at = columns.index("subject")
    assert tuple(columns[at : at + len(CONTEXT)]) == CONTEXT
    assert all(str(df[c].dtype) == "string" for c in (*CONTEXT, "doc_date"))


def test_rows_that_are_not_metrics_have_no_context(nlp):
    df = frame(nlp, HEADED)
    others = df[df.label != "METRIC"]
    assert set(others.label) == {"CLUSTER", "GOV"}
    assert others[list(CONTEXT)].isna().all().all()
    assert df[df.label == "METRIC"][["subject_kind", "status"]].notna().all().all()


# --- long texts: pieces give the context of one pass ------------------------------------------

FILLER = "这是一句没有实体的普通句子。"
PIECE = 1500  # documents.CHUNK_CHARS for these tests: the texts below (9,000–13,000 characters) run in many pieces


def _long_text(*paragraphs: str) -> str:
    """A header, then paragraphs, each after 300 filler sentences (4,200 characters)."""
    return "德化陶瓷集群发展综述\n发布时间：2024-07-27\n" + "".join(FILLER * 300 + p for p in paragraphs)


LONG = _long_text(
    "德化县日用陶瓷产业集群拥有规上企业312家。",
    "上半年，该集群实现产值260亿元，同比增长9.2%。",
    "\n2023年，全县新增陶瓷企业85家，引进项目12个。",
)


def _one_pass_and_pieces(nlp, monkeypatch, text: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    whole = frame(nlp, text, date=None)
    monkeypatch.setattr(documents, "CHUNK_CHARS", PIECE)
    assert len(documents.chunk_spans(text, documents.max_chars(nlp))) >= 4  # the premise: many pieces
    return whole, frame(nlp, text, date=None)


def _context(df: pd.DataFrame) -> pd.DataFrame:
    return df[["label", "text", "start", "doc_date", *CONTEXT]]


def test_a_long_text_in_pieces_gives_the_context_of_one_pass(nlp, monkeypatch):
    whole, pieces = _one_pass_and_pieces(nlp, monkeypatch, LONG)
    pd.testing.assert_frame_equal(_context(pieces), _context(whole))


def test_the_date_and_the_topic_carry_across_pieces(nlp, monkeypatch):
    _, df = _one_pass_and_pieces(nlp, monkeypatch, LONG)
    assert df.doc_date.tolist() == ["2024-07-27"] * len(df)
    rows = {r.text: r for r in df[df.label == "METRIC"].itertuples()}
    assert rows["312家"].start > PIECE and rows["260亿元"].start > 2 * PIECE and rows["85家"].start > 4 * PIECE
    assert (rows["260亿元"].subject_kind, rows["260亿元"].subject, rows["260亿元"].period) == ("cluster", CLUSTER, "2024-H1")
    assert (rows["9.2%"].subject, rows["9.2%"].period, rows["9.2%"].change) == (CLUSTER, "2024-H1", "up")
    assert (rows["85家"].subject_kind, rows["85家"].subject, rows["85家"].period) == ("place", "德化县", "2023")
    assert (rows["12个"].subject, rows["12个"].period) == ("德化县", "2023")


LONG_ANAPHOR = _long_text(
    "德化县日用陶瓷产业集群拥有规上企业312家。",
    "\n2023年，全县新增陶瓷企业85家；集群出口额达到48亿元。",
)


def test_an_anaphor_in_a_later_piece_is_the_cluster_of_an_earlier_piece(nlp, monkeypatch):
    whole, pieces = _one_pass_and_pieces(nlp, monkeypatch, LONG_ANAPHOR)
    row = pieces[pieces.text == "48亿元"].iloc[0]
    assert (row.subject_kind, row.subject, row.period) == ("cluster", CLUSTER, "2023")
    pd.testing.assert_frame_equal(_context(pieces), _context(whole))


# One subject per text: (id, text, the METRIC, (subject_kind, subject)).
SUBJECT_CASES = [
    pytest.param("确定200个集群为2024年度中小企业特色产业集群。其中，东部地区98个，中部地区52个。", "52个", ("group", "集群"), id="a_breakdown_after_qizhong_is_the_sentence_befores"),
    pytest.param("45个国家先进制造业集群主导产业产值达20万亿元。", "20万亿元", ("group", "国家先进制造业集群"), id="a_group_of_counted_clusters_holds_its_figures"),
    pytest.param("福建省拥有5个国家先进制造业集群。", "5个", ("place", "福建省"), id="a_count_of_a_provinces_clusters_is_the_provinces"),
    pytest.param("德化县一家陶瓷企业日前完成B轮融资3亿元。", "3亿元", ("company", "陶瓷企业"), id="a_company_introduced_by_its_place_holds_what_follows"),
    pytest.param("2024年全省十大战略性产业集群实现增加值1.2万亿元。", "1.2万亿元", ("group", "战略性产业集群"), id="a_group_after_a_time_word_holds_its_figures"),
    pytest.param("德化县瓷韵陶瓷有限公司发布年报。去年公司实现营收8.6亿元。", "8.6亿元", ("company", "德化县瓷韵陶瓷有限公司"), id="a_time_word_before_gongsi_is_no_part_of_the_name"),
    pytest.param("2024中国·德化县日用陶瓷产业集群发展大会在德化开幕。开幕式上，现场签约项目28个。", "28个", ("other", "2024中国·德化县日用陶瓷产业集群发展大会"), id="an_event_named_with_a_cluster_holds_what_its_opening_counts"),
    pytest.param("会议印发了《关于支持德化县陶瓷产业高质量发展的若干措施》，提出15条具体措施。", "15条", ("other", "关于支持德化县陶瓷产业高质量发展的若干措施"), id="a_count_of_provisions_is_the_policy_named_in_the_sentence"),
    pytest.param("德化县日用陶瓷产业集群产值增长8%。\n二、主要任务\n每个集群遴选1至2家链主企业。", "1至2家", ("group", "集群"), id="each_cluster_is_the_group"),
    pytest.param("德化县陶瓷产业三年行动计划\n为落实《福建省制造业高质量发展行动方案》，制定本计划。\n到2025年，规模以上工业企业力争突破800家。", "800家", ("place", "德化县"), id="a_place_in_another_documents_title_holds_nothing"),
    pytest.param("郑南商许超硬材料集群是国家先进制造业集群。郑州、南阳、商丘、许昌四市错位发展。", "四市", ("cluster", "郑南商许超硬材料集群"), id="a_count_of_the_places_of_a_cross_region_cluster_is_the_clusters"),
    pytest.param("2月26日，德化县一季度重大项目集中开工活动举行。本次集中开工项目48个。", "48个", ("other", "德化县一季度重大项目集中开工活动"), id="this_time_is_the_event_named_last"),
    pytest.param("德化县瓷韵陶瓷有限公司拟投资5亿元建设高端日用陶瓷智能工厂项目，项目达产后预计年产值12亿元。", "12亿元", ("other", "高端日用陶瓷智能工厂项目"), id="xiangmu_is_the_project_named_last"),
    pytest.param("德化县此次开工的陶瓷新材料产业化项目总投资18亿元，占地约200亩。", "约200亩", ("other", "陶瓷新材料产业化项目"), id="a_place_inside_what_de_modifies_holds_nothing"),
    pytest.param("德化县工业和信息化局表示，今年将推动陶瓷产业规模增长10%以上。", "10%以上", ("place", "德化县"), id="a_local_bodys_plan_naming_no_holder_is_its_places"),
    pytest.param("工业和信息化部提出，到2025年将安排专项资金50亿元。", "50亿元", ("body", "工业和信息化部"), id="a_national_bodys_plan_is_the_bodys"),
    pytest.param("为推动沈大工业母机集群发展，制定本方案。\n沈阳市、大连市是重要的工业母机基地。2023年，集群实现营业收入625亿元。", "625亿元", ("cluster", "沈大工业母机集群"), id="jiqun_after_a_list_of_places_is_the_cluster_not_the_places"),
    pytest.param("浙江、江苏入选数量分别为19个、17个；中西部地区入选82个，占本批总数的41%。", "82个", ("place", "中西部地区"), id="a_macro_region_opening_a_clause_holds_its_figures"),
    pytest.param("“我们的产品八成出口欧美。”德化县瓷韵陶瓷有限公司董事长王明说。", "八成", ("company", "德化县瓷韵陶瓷有限公司"), id="women_in_a_quote_is_the_speakers_company"),
    pytest.param("扎根集群——访德化县瓷韵陶瓷有限公司董事长王明\n记者：去年经营如何？\n答：去年我们实现营业收入8.6亿元。", "8.6亿元", ("company", "德化县瓷韵陶瓷有限公司"), id="women_in_an_answer_is_the_interviewed_company"),
    pytest.param("德化县工业和信息化局局长表示：“今年我们计划推动30家企业实施数字化改造。”", "30家", ("place", "德化县"), id="women_of_a_local_body_is_its_place"),
    pytest.param("【对话企业家】扎根德化\n编者按：本期专访德化县瓷韵陶瓷有限公司董事长。\n记者：现在规模怎样？\n答：我们目前已建成日用瓷产能1.2亿件。", "1.2亿件", ("company", "德化县瓷韵陶瓷有限公司"), id="women_in_an_answer_is_the_company_named_after_zhuanfang"),
    pytest.param("2019年落户东侨经济技术开发区，累计投资35亿元。", "35亿元", ("place", "东侨经济技术开发区"), id="a_year_and_luohu_are_no_part_of_a_zones_name"),
    pytest.param("德化县政府工作报告\n今年，将推动德化县日用陶瓷产业集群争创国家级集群，全年实施技改项目80个以上。", "80个以上", ("place", "德化县"), id="the_object_of_tuidong_does_not_carry_to_later_clauses"),
    pytest.param("德化县政府工作报告\n过去一年，德化县日用陶瓷产业集群入选国家级名单。我们坚持项目为王，新签约亿元以上项目38个。", "38个", ("place", "德化县"), id="women_in_a_work_report_is_the_reporting_governments_place"),
    pytest.param("徐州市工程机械集群加快发展。到2025年，徐州集群营业收入力争达到3500亿元。", "3500亿元", ("cluster", "徐州市工程机械集群"), id="a_places_cluster_named_without_its_industry_is_the_one_the_text_names_with_it"),
    pytest.param("中国声谷入驻企业达2036家。前三季度，声谷营业收入1865亿元。", "1865亿元", ("place", "中国声谷"), id="a_base_known_by_a_name_without_a_zone_word_is_a_place"),
    pytest.param("赣州高新区总规划面积145.6平方公里，在全国国家高新区综合评价中排名第62位。上半年，园区新签约项目37个。", "37个", ("place", "赣州高新区"), id="a_kind_of_zone_is_no_zone_a_bare_yuanqu_stands_for"),
    pytest.param("常州西太湖科技产业园位于常州市武进区。园区由西太湖科技产业园管委会管理。\n园区距常州奔牛国际机场25公里。", "25公里", ("place", "常州西太湖科技产业园"), id="a_zone_is_named_as_the_text_names_it_most_fully"),
    pytest.param("园区龙头企业湘航动力科技有限公司去年营收120亿元。", "120亿元", ("company", "湘航动力科技有限公司"), id="a_generic_word_before_a_companys_name_is_no_part_of_it"),
    pytest.param("1—8月，德化县规上工业增加值增长6.9%。德化县日用陶瓷产业集群营业收入增长7.8%。从重点产品看，日用陶瓷产量12.6亿件。", "12.6亿件", ("place", "德化县"), id="a_reports_new_angle_is_about_its_place"),
    pytest.param("福建省2024年度特色产业集群名单公示\n本批集群按产业类别分：\n1.装备制造类9个；\n2.食品加工类7个。", "7个", ("group", "集群"), id="a_list_item_is_the_line_introducing_the_lists"),
    pytest.param("工信部公布2024年国家先进制造业集群名单　全国国家级集群达到80个\n来源：经济日报", "80个", ("national", "中国"), id="a_headlines_space_parts_its_two_phrases"),
    pytest.param("英国KHL集团发布2023全球工程机械制造商50强榜单，中国企业占13席。", "13席", ("national", "中国"), id="zhongguo_qiye_are_the_countrys"),
    pytest.param("德化县工业和信息化局表示，将安排专项资金3000万元支持集群公共服务平台建设。", "3000万元", ("body", "德化县工业和信息化局"), id="a_planning_bodys_own_funding_is_the_bodys"),
    pytest.param("德化县委、县政府设立规模5亿元的产业发展基金，出台专项支持政策12条。", "12条", ("place", "德化县"), id="what_a_number_describes_holds_no_later_clause"),
    pytest.param("总投资120亿元的年产25GWh动力电池项目一期在溧阳投产。", "25GWh", ("other", "年产25GWh动力电池项目"), id="what_a_number_describes_holds_its_own_clause"),
    pytest.param("山东华潍动力科技股份有限公司发布半年报。上半年，归属于上市公司股东的净利润9.6亿元。", "9.6亿元", ("company", "山东华潍动力科技股份有限公司"), id="listed_companies_in_general_name_no_company"),
    pytest.param("赣州金磁稀土永磁科技有限公司是集群骨干企业。日前，记者专访了公司董事长。2024年，公司销售收入42.8亿元。", "42.8亿元", ("company", "赣州金磁稀土永磁科技有限公司"), id="a_verbs_tail_is_no_part_of_a_companys_name"),
    pytest.param("东莞华芯智能终端有限公司是集群链主企业。出口额约占公司产值的45%，公司现有生产线46条。", "46条", ("company", "东莞华芯智能终端有限公司"), id="zhan_and_yue_are_no_part_of_a_companys_name"),
    pytest.param("青岛市智能家电集群发展迅速。到2027年，青岛将推动智能家电集群营业收入达到4000亿元。", "4000亿元", ("cluster", "青岛市智能家电集群"), id="the_figure_of_the_cluster_a_place_pushes_is_the_clusters"),
    pytest.param("晋江市“十五五”规划纲要节选\n晋江鞋服产业集群规模持续壮大。\n表1 主要指标\n指标\t2025年\t2030年\n规上工业企业数（家）\t2380\t2800", "2800", ("place", "晋江市"), id="a_table_naming_no_holder_is_about_the_documents_subject"),
    pytest.param("临清市轴承特色产业集群成为聊城市首个国家级中小企业特色产业集群。\n临清是全国重要的轴承生产基地，2023年，全市轴承产业实现营业收入318亿元。", "318亿元", ("place", "临清市"), id="quanshi_is_the_county_level_city_its_paragraph_opens_with"),
    pytest.param("广东省云浮市统计公报\n全市十大战略性新兴产业集群增加值增长8.7%，新兴产业集群增速加快2.1个百分点。", "2.1个百分点", ("group", "战略性新兴产业集群"), id="a_county_short_name_that_begins_a_word_is_no_place"),
    pytest.param("郑南商许超硬材料集群评价等次为优秀。2024年，参评集群合计实现营业收入2.86万亿元。", "2.86万亿元", ("group", "集群"), id="the_clusters_evaluated_are_a_group"),
    pytest.param("德化县陶瓷产业招商大会举行，现场集中签约项目15个。\n签约项目中，智能窑炉项目9个、陶瓷新材料项目4个。", "9个", ("other", "签约项目"), id="a_set_of_projects_holds_its_breakdown"),
    pytest.param("2024年株洲市经济运行情况\n去年，中小航空发动机产业集群产值增长16.3%。", "16.3%", ("cluster", "株洲市中小航空发动机集群"), id="a_cluster_without_its_place_is_the_national_lists_of_the_place_named_before"),
    pytest.param("新型显示产业集群营业收入增长9%，合肥市新型显示产业集群已集聚企业120家。", "9%", ("cluster", "合肥市新型显示产业集群"), id="a_cluster_without_its_place_is_the_one_of_the_same_industry_named_after"),
    pytest.param("走进德化县瓷韵陶瓷有限公司的智能车间，12条自动化生产线正在运转。", "12条", ("company", "德化县瓷韵陶瓷有限公司"), id="a_verb_before_a_companys_name_is_no_part_of_it"),
    pytest.param("福建省先进制造业集群培育行动方案\n一、发展目标\n到2027年，德化县日用陶瓷产业集群营业收入达到800亿元。\n二、重点任务\n每年培育产值超百亿元企业5家以上。", "5家以上", ("place", "福建省"), id="a_new_section_without_a_holder_is_about_the_documents_subject"),
    pytest.param("德化县瓷韵陶瓷有限公司一季度生产日用瓷860万件。", "860万件", ("company", "德化县瓷韵陶瓷有限公司"), id="a_company_before_a_quarter_holds_its_figures"),
    pytest.param("比如本地龙头企业德化县瓷韵陶瓷集团，自主品牌收入占比达到48%。", "48%", ("company", "德化县瓷韵陶瓷集团"), id="a_generic_company_word_names_the_company_after_it"),
    pytest.param("德化县瓷韵陶瓷有限公司是集群龙头企业之一。该公司去年海外营收占比达到43%。", "43%", ("company", "德化县瓷韵陶瓷有限公司"), id="what_a_company_is_names_no_other_company"),
    pytest.param("第五届中国陶瓷产业发展峰会在德化县开幕。会上，现场签约项目28个。", "28个", ("other", "第五届中国陶瓷产业发展峰会"), id="hui_shang_is_the_event_named_before"),
    pytest.param("德化县工信局、德化县财政局联合安排专项资金3000万元。", "3000万元", ("group", "德化县工信局、德化县财政局"), id="bodies_written_together_are_a_group"),
    pytest.param("报告显示，全国工业百强县（县级市）以全国6.5%的人口，贡献了全国10.2%的GDP。", "10.2%", ("group", "工业百强县"), id="a_rankings_set_of_places_is_a_group"),
    pytest.param("北滘镇规上工业总产值居全国千强镇第4位。", "第4位", ("place", "北滘镇"), id="the_list_a_place_is_ranked_in_holds_no_rank"),
    pytest.param("青海省重点产业集群主要指标\n集群名称\t营业收入（亿元）\t规上企业（家）\n西宁市锂电产业集群\t386.4\t42\n海西州盐湖化工产业集群\t598.2\t61\n合计\t984.6\t103", "984.6", ("group", "集群"), id="a_tables_total_row_is_its_clusters_together"),
    pytest.param("报告显示，全国工业百强县贡献了全国14.7%的工业增加值。全社会研发经费支出约3160亿元。", "约3160亿元", ("group", "工业百强县"), id="a_group_is_the_paragraphs_topic_too"),
    pytest.param("2023年，全国千亿县以全国1.2%的陆地面积，贡献了全国7.6%的GDP。", "7.6%", ("group", "千亿县"), id="a_thresholds_set_of_places_is_a_group"),
    pytest.param("【重点企业】宜宾川锂新能源科技有限公司2023年营业收入418亿元。", "418亿元", ("company", "宜宾川锂新能源科技有限公司"), id="a_year_after_a_companys_name_is_no_count_of_companies"),
    pytest.param("乐清电气集群产值1720亿元。浙江瓯越电气集团有限公司去年营业收入286亿元。", "286亿元", ("company", "浙江瓯越电气集团有限公司"), id="jituan_youxian_gongsi_is_one_name"),
    pytest.param("瓯越电气去年营业收入286亿元；旗下瓯越智能配电有限公司一季度订单同比增长46%。", "46%", ("company", "瓯越智能配电有限公司"), id="qixia_is_no_part_of_a_subsidiarys_name"),
    pytest.param("盐常宿淮绿色光伏集群一季度产值1286亿元。集群龙头企业江苏晶辉光能科技有限公司一季度组件出货量9.8GW。", "9.8GW", ("company", "江苏晶辉光能科技有限公司"), id="a_clusters_leading_company_holds_its_figures"),
    pytest.param("温岭市经济和信息化局关于第86号提案的答复\n我市是金华台州丘陵山区农机装备集群的重要组成部分。2023年，全市农机产业产值152亿元。", "152亿元", ("place", "温岭市"), id="the_places_a_joint_clusters_name_joins_are_no_scopes_place"),
    pytest.param("辽源袜业产业集群产量约占全国的十分之一。东北袜业园是集群核心载体，入驻企业860家。", "860家", ("place", "东北袜业园"), id="an_industrys_park_named_x_ye_yuan_is_a_zone"),
    pytest.param("目前，开发区集聚光伏企业46家。新疆天晶硅业有限公司多晶硅年产能30万吨，居全国同行业第三。", "30万吨", ("company", "新疆天晶硅业有限公司"), id="duo_of_duojinggui_counts_no_companies"),
    pytest.param("宁波市磁性材料行业协会2023年度工作报告\n过去一年，协会组织技术交流会12场，发布团体标准5项。", "5项", ("other", "宁波市磁性材料行业协会"), id="a_bare_xiehui_is_the_association_named_last"),
    pytest.param("宁波市磁性材料行业协会年度报告\n2023年，协会新发展会员单位14家，会员总数达到186家。", "186家", ("other", "宁波市磁性材料行业协会"), id="huiyuan_are_members_not_an_event"),
    pytest.param("宜宾三江新区是集群主要承载地，集聚了集群八成以上的企业，2023年新开工动力电池项目16个。", "16个", ("place", "宜宾三江新区"), id="jiqun_before_a_share_is_its_base"),
    pytest.param("南县小龙虾产业集群产值52亿元。其中，顺祥食品等5家龙头企业贡献了集群近七成的加工产值。", "5家", ("cluster", "南县小龙虾产业集群"), id="companies_counted_before_jiqun_are_no_count_of_clusters"),
    pytest.param("涪陵区榨菜产业集群位列第一。评价等次为优秀的集群15个、良好38个。", "15个", ("group", "集群"), id="a_count_right_after_jiqun_counts_the_set"),
    pytest.param("璧山区新能源汽车产业集群上半年产值386.2亿元。下半年，我区将力争集群全年产值突破800亿元。", "800亿元", ("cluster", "璧山区新能源汽车产业集群"), id="the_cluster_a_place_strives_for_holds_its_figure"),
    pytest.param("薛城区沙沟镇是省级特色产业镇。全镇特色产业从业人员4100余人。", "4100余人", ("place", "沙沟镇"), id="a_tese_chanye_zhen_is_a_kind_of_town"),
    pytest.param("安徽省专业镇发展报告发布。\n从专业镇分布来看，皖南地区49个专业镇，皖中地区56个专业镇。", "49个", ("place", "皖南"), id="a_kind_of_town_is_no_town_and_a_provinces_part_is_a_region"),
    pytest.param("温岭市经济和信息化局关于提案的答复\n2023年，我局兑现农机企业技改补助4860万元。我局将会同市农业农村局推进。今年，我局还将安排1000万元专项资金。", "1000万元", ("body", "温岭市经济和信息化局"), id="wo_ju_is_the_body_the_text_speaks_for"),
    pytest.param("佛山市顺德区人民法院发布白皮书显示，2022—2024年，该院共受理涉家电产业知识产权案件3126件。", "3126件", ("body", "佛山市顺德区人民法院"), id="gai_yuan_is_the_court_named_last"),
    pytest.param("走进宁德东侨经济技术开发区（以下简称东侨开发区），厂房连片。作为动力电池集群的核心承载区，园区已集聚锂电企业86家。", "86家", ("place", "东侨开发区"), id="yixia_jiancheng_is_no_part_of_a_zones_name"),
    pytest.param("云南滇金贵金属材料股份有限公司2024年年度报告摘要\n二、报告期内公司经营情况\n报告期内，公司实现营业收入186.32亿元。", "186.32亿元", ("company", "云南滇金贵金属材料股份有限公司"), id="baogaoqinei_is_no_part_of_a_companys_name"),
    pytest.param("作为生命健康集群的重要承载区，区内天津泰和生物制药有限公司一类新药出口额达1.35亿美元。", "1.35亿美元", ("company", "天津泰和生物制药有限公司"), id="yi_lei_after_a_companys_name_counts_no_companies"),
    pytest.param("中国人民银行湖南省分行介绍，该行发放科技创新再贷款85亿元，支持集群企业。", "85亿元", ("body", "中国人民银行湖南省分行"), id="gai_hang_is_the_bank_named_last"),
    pytest.param("百色市铝产业集群稳步发展。百色新山铝产业示范园上半年新入驻企业12家。", "12家", ("place", "百色新山铝产业示范园"), id="a_shifanyuan_is_a_zone"),
    pytest.param("大朗镇政府工作报告\n各位代表：\n过去一年，在东莞市委、市政府和镇党委的坚强领导下，全镇实现地区生产总值486.2亿元。", "486.2亿元", ("place", "大朗镇"), id="a_body_and_zhen_are_no_towns_name"),
    pytest.param("大朗毛织产业集群产值突破600亿元。今年，毛织集群产值力争达到680亿元。", "680亿元", ("cluster", "大朗毛织产业集群"), id="a_cluster_without_its_unlisted_town_is_the_one_named_with_it"),
    pytest.param("平房区是集群的核心承载区，去年航空产值268亿元。区内哈尔滨龙翔航空部件有限公司去年营业收入31.6亿元。", "31.6亿元", ("company", "哈尔滨龙翔航空部件有限公司"), id="qu_nei_locates_the_company_that_holds"),
    pytest.param("随县位于湖北北部。当地拥有全国第二大香菇交易市场、国家“万吨食用菌标准化示范区”，已形成产业集群。现有香菇生产企业135家。", "135家", ("place", "随县"), id="a_quoted_zone_after_a_level_is_a_designation"),
]


@pytest.mark.parametrize(("text", "number", "expected"), SUBJECT_CASES)
def test_subject(nlp, text, number, expected):
    assert _subject(metric(nlp, text, number)) == expected
