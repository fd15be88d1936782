"""CLUSTER attributes: region, industry and the national advanced manufacturing cluster."""

from __future__ import annotations

import pytest

import cluster_ner
from cluster_ner.attributes.cluster import (
    cluster_attributes,
    cluster_key,
    match_national,
    national_clusters,
)


@pytest.fixture(scope="module")
def nlp():
    return cluster_ner.load()


def cluster(nlp, text: str, surface: str):
    found = [e for e in nlp(text).ents if e.label_ == "CLUSTER" and e.text == surface]
    assert found, f"{surface!r} not found as CLUSTER in {text!r}"
    return found[0]


# --- region and industry -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, region, industry",
    [
        (
            "开展了广东省广深佛莞智能装备产业集群国内合作与交流活动。",
            "广东省广深佛莞智能装备产业集群",
            "广东省/广州市,深圳市,佛山市,东莞市",
            "智能装备",
        ),
        ("陕西省西安市航空集群是首批国家先进制造业集群。", "陕西省西安市航空集群", "陕西省/西安市", "航空"),
        ("调研了西安航空航天集群的发展情况。", "西安航空航天集群", "陕西省/西安市", "航空航天"),
        (
            "浙东工业母机国家先进制造业集群促进机构揭牌。",
            "浙东工业母机国家先进制造业集群",
            "浙江省/宁波市,绍兴市,舟山市,台州市",
            "工业母机",
        ),
        ("龙口市交通铝材特色产业集群发展大会召开。", "龙口市交通铝材特色产业集群", "山东省/烟台市/龙口市", "交通铝材"),
        (
            "丽水市机器人与数控机床产业集群建设启动仪式举行。",
            "丽水市机器人与数控机床产业集群",
            "浙江省/丽水市",
            "机器人与数控机床",
        ),
        (
            "深圳市、广州市高端医疗器械集群入选国家级集群。",
            "深圳市、广州市高端医疗器械集群",
            "广东省/深圳市,广州市",
            "高端医疗器械",
        ),
        (
            "长三角（含江西）大飞机集群内200余家配套企业协同攻关。",
            "长三角(含江西)大飞机集群",  # the working text has half-width brackets
            "上海市,江苏省,浙江省,安徽省",
            "大飞机",
        ),
        (
            "酒泉新能源装备国家先进制造业集群论证会召开。",
            "酒泉新能源装备国家先进制造业集群",
            "甘肃省/酒泉市",
            "新能源装备",
        ),
    ],
)
def test_region_and_industry_from_the_name(nlp, text, surface, region, industry):
    span = cluster(nlp, text, surface)
    assert (span._.region, span._.industry) == (region, industry)


@pytest.mark.parametrize(
    "text, surface, industry",
    [
        ("西安正加快打造航空集群。", "航空集群", "航空"),
        ("龙口着力打造国际化世界级高端交通铝材料特色产业集群。", "高端交通铝材料特色产业集群", "高端交通铝材料"),
    ],
)
def test_cluster_without_a_place_has_industry_but_no_region(nlp, text, surface, industry):
    span = cluster(nlp, text, surface)
    assert (span._.region, span._.industry) == (None, industry)


def test_cluster_named_by_its_place_only_has_no_industry(nlp):
    span = cluster(nlp, "全力申创酒泉国家先进制造业集群。", "酒泉国家先进制造业集群")
    assert (span._.region, span._.industry) == ("甘肃省/酒泉市", None)


# --- national clusters ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, name, year",
    [
        # province prefix + 产业
        ("广东省广深佛莞智能装备产业集群赴西安调研。", "广东省广深佛莞智能装备产业集群", "广深佛莞智能装备集群", 2022),
        # province + city prefix
        ("陕西省西安市航空集群是首批国家先进制造业集群。", "陕西省西安市航空集群", "西安市航空集群", 2022),
        # 市 dropped
        ("长沙工程机械集群营收再创新高。", "长沙工程机械集群", "长沙市工程机械集群", 2022),
        # with 产业
        ("宁波市磁性材料产业集群召开年会。", "宁波市磁性材料产业集群", "宁波市磁性材料集群", 2022),
        # with 国家先进制造业
        ("浙东工业母机国家先进制造业集群促进机构揭牌。", "浙东工业母机国家先进制造业集群", "浙东工业母机集群", 2024),
        # with 先进制造业
        ("京津冀生命健康先进制造业集群发展大会召开。", "京津冀生命健康先进制造业集群", "京津冀生命健康集群", 2022),
        # province short name before the city
        ("安徽合肥市智能语音集群产值突破千亿。", "安徽合肥市智能语音集群", "合肥市智能语音集群", 2022),
        # the places written out instead of the combined short name
        ("深圳市、广州市高端医疗器械集群入选。", "深圳市、广州市高端医疗器械集群", "深广高端医疗器械集群", 2022),
        ("沈阳大连工业母机集群建设推进会召开。", "沈阳大连工业母机集群", "沈大工业母机集群", 2024),
        # the county alone (温州市乐清)
        ("乐清电气产业集群年产值超1800亿元。", "乐清电气产业集群", "温州市乐清电气集群", 2022),
        # traditional script
        ("哈爾濱航空集群簽約多個項目。", "哈尔滨航空集群", "哈尔滨航空集群", 2024),
        # half-width brackets
        ("长三角(含江西)大飞机集群内企业协同攻关。", "长三角(含江西)大飞机集群", "长三角（含江西）大飞机集群", 2024),
    ],
)
def test_national_cluster_variants(nlp, text, surface, name, year):
    span = cluster(nlp, text, surface)
    assert (span._.national_name, span._.national_year) == (name, year)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("调研了西安航空航天集群的发展情况。", "西安航空航天集群"),  # the list has 西安市航空集群
        ("酒泉新能源装备国家先进制造业集群论证会召开。", "酒泉新能源装备国家先进制造业集群"),  # an applicant only
        ("西安正加快打造航空集群。", "航空集群"),  # no place: never matched
        ("深圳智能装备集群加快发展。", "深圳智能装备集群"),  # one of 广深佛莞 is not the cluster
        ("龙口市交通铝材特色产业集群发展大会召开。", "龙口市交通铝材特色产业集群"),
    ],
)
def test_not_a_national_cluster(nlp, text, surface):
    span = cluster(nlp, text, surface)
    assert (span._.national_name, span._.national_year) == (None, None)


# --- the pure functions --------------------------------------------------------------


def test_every_list_name_matches_itself():
    rows = national_clusters()
    assert len(rows) == 68
    for row in rows:
        assert match_national(row.name) is row, row.name


@pytest.mark.parametrize(
    "mention, official",
    [
        ("成德集群", "成德高端能源装备集群"),  # a short alias from the variants file
        ("成都德阳高端能源装备集群", "成德高端能源装备集群"),
        ("泰连锡医药产业集群", "泰州市、连云港市、无锡市生物医药集群"),
        ("大连盘锦绿色石化集群", "大盘绿色石化集群"),
        ("南京市新型电力(智能电网)装备集群", "南京市新型电力（智能电网）装备集群"),
        ("上海集成电路产业集群", "上海市集成电路集群"),
    ],
)
def test_match_national(mention, official):
    row = match_national(mention)
    assert row is not None and row.name == official


@pytest.mark.parametrize("mention", ["集成电路产业集群", "轨道交通装备集群", "西安集群", "国家先进制造业集群", "中国声谷"])
def test_match_national_never_matches_generic_or_place_only_names(mention):
    assert match_national(mention) is None


def test_cluster_key_ignores_province_prefix_head_and_shi():
    assert cluster_key("陕西省西安市航空产业集群") == cluster_key("西安航空集群") == (frozenset({"西安市"}), "航空")
    assert cluster_key("航空产业集群") is None


def test_cluster_attributes_pure():
    a = cluster_attributes("广东省广深佛莞智能装备产业集群")
    assert a.region == "广东省/广州市,深圳市,佛山市,东莞市"
    assert a.industry == "智能装备"
    assert (a.national_name, a.national_year) == ("广深佛莞智能装备集群", 2022)
