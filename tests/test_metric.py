"""METRIC boundaries and hard negatives."""

from __future__ import annotations

import pytest

from conftest import entities


def metrics(nlp, text):
    return [t for label, t in entities(nlp, text) if label == "METRIC"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("产业链共集聚了超400家企业", ["超400家"]),
        ("聚集起1200多家先进制造企业", ["1200多家"]),
        ("约占据全国40%以上的产能", ["40%以上"]),
        ("规划面积约90平方公里", ["约90平方公里"]),
        ("吸引了3万亿投资基金", ["3万亿"]),
        ("高管共20余人参加", ["20余人"]),
        ("近100家企业", ["近100家"]),
        ("上千家配套企业", ["上千家"]),
        ("在全国县域百强中再前进9个位次", ["9个位次"]),  # rank positions gained
        ("2024年上半年，实现GDP307.3亿元，同比增长3.1%", ["307.3亿元", "3.1%"]),  # an indicator's acronym is no code
        ("线上观看人数过万", ["过万"]),
        ("浏览量超15万", ["超15万"]),
        ("实现两位数增长", ["两位数"]),
        ("六位专家出席", ["六位"]),
        ("召开两场对接会", ["两场"]),
        ("遍布26省区", ["26省区"]),
        ("新增2.5万家", ["2.5万家"]),
        ("营收五十多亿元", ["五十多亿元"]),
        ("占全国三成", ["三成"]),
        ("近一半企业", ["近一半"]),
        ("约占三分之一", ["三分之一"]),
        ("占比2/3", ["2/3"]),
        ("到2027年突破5000亿元", ["5000亿元"]),
        ("合同金额US$3.2 billion", ["US$3.2 billion"]),
        ("出货50GWh", ["50GWh"]),
        ("签约项目１２００家", ["1200家"]),  # ent.text is the cleaned text
        ("企业数量比2017年增长一倍", ["一倍"]),
    ],
)
def test_quantities(nlp, text, expected):
    assert metrics(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("地区科技创新指标位居全国第4。", ["第4"]),
        ("在综合考评中位列东部地区50强。", ["50强"]),
        ("均居全国第一。", ["第一"]),
        ("产量居全省第2位。", ["第2位"]),
        ("市场占有率保持全国前五。", ["前五"]),
    ],
)
def test_ranks_after_a_ranking_verb(nlp, text, expected):
    assert metrics(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2022年8月10日至12日",
        "在3天的时间里",
        "经过15年的建设",
        "历经了40多年的发展",
        "经过三个多月的努力",
        "第三轮评审",
        "图2 交流现场",
        "一是深化协作",
        "首批国家级先进制造业集群",
        "“十四五”规划",
        "聚焦5G、人工智能",
        "国产大飞机C919",
        "成为全国第二个5000亿级的县级市",  # a size class is a descriptor
        "建设万吨级码头",
        "集群内企业入选全球工程机械50强",  # a list entered, not a rank
        "100MN油压双动铝挤压",
        "策划了一系列活动",
        "提供一站式服务",
        "五大产业",
        "打造万亿级产业发展格局",
        "“十链百场万企”系列对接活动",
        "居全国首位",
        "聚焦全省“十强”产业",
        "推动两市优势资源互补",
        "又一场专题对接活动",
        "桐城市委十五届六次全会",
    ],
)
def test_not_metric(nlp, text):
    assert metrics(nlp, text) == []


def test_table_cells_under_a_unit_header_are_metrics(nlp):
    text = "序号 | 集群 | 企业数（家） | 产值（亿元）\n1 | 海宁经编 | 312 | 1,860.5\n"
    assert metrics(nlp, text) == ["312", "1,860.5"]


def test_a_two_column_table_under_a_unit_header_has_metrics(nlp):
    text = "表1　2023年部分集群主要指标\n集群\t2023年营业收入（亿元）\n海宁经编\t1860\n德化陶瓷\t580\n"
    assert metrics(nlp, text) == ["1860", "580"]


def test_a_score_or_rank_column_with_its_unit_has_metrics_and_a_bare_rank_column_not(nlp):
    text = "集群\t2023年度综合得分（分）\t全省排名（位）\n海宁经编\t93.6\t1\n"
    assert metrics(nlp, text) == ["93.6", "1"]
    assert metrics(nlp, "排名\t集群\t产值（亿元）\n1\t海宁经编\t312\n") == ["312"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("预计增长6%—7%。", ["6%—7%"]),
        ("产能达到60万—65万吨。", ["60万—65万吨"]),
        ("拉动增长3至5个百分点。", ["3至5个百分点"]),
        ("招聘五十至八十人。", ["五十至八十人"]),
        ("单价30～300美元。", ["30~300美元"]),
    ],
)
def test_a_range_is_one_metric(nlp, text, expected):
    assert metrics(nlp, text) == expected


def test_year_and_month_ranges_stay_dates(nlp):
    assert metrics(nlp, "2024—2027年，1—9月实现营收5亿元。") == ["5亿元"]


def test_the_spec_example_of_a_count_of_measures_keeps_its_noun(nlp):
    assert metrics(nlp, "省政府出台15条措施。") == ["15条措施"]


@pytest.mark.parametrize(("text", "span"), [("煤制油产能达400万吨/年。", "400万吨/年"), ("电堆体积功率密度达到4.2kW/L。", "4.2kW/L")])
def test_a_rate_per_unit_or_per_time_is_one_span(nlp, text, span):
    assert [e.text for e in nlp(text).ents if e.label_ == "METRIC"] == [span]
