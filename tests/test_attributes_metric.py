"""METRIC attributes: the measure read from the sentence, and kind always set."""

from __future__ import annotations

import pytest

import cluster_ner
from cluster_ner.attributes.measure import find_measure, infer_kind


@pytest.fixture(scope="module")
def nlp():
    return cluster_ner.load()


def metric(nlp, text: str, surface: str):
    found = [e for e in nlp(text).ents if e.label_ == "METRIC" and e.text == surface]
    assert found, f"{surface!r} not found as METRIC in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    "text, surface, measure",
    [
        # the noun phrase after the quantity
        ("目前集群已有超400家企业,形成完整产业链。", "超400家", "企业"),
        ("工业母机产业链共集聚了超400家企业,约占据全国40%以上的产能。", "超400家", "企业"),
        ("工业母机产业链共集聚了超400家企业,约占据全国40%以上的产能。", "40%以上", "产能"),
        ("先进制造业集群制定了2100项国际标准,吸引了3万亿投资基金。", "3万亿", "投资基金"),
        ("逐渐培育聚集起1200多家先进制造企业。", "1200多家", "先进制造企业"),
        ("超400家规模以上工业企业落户园区。", "超400家", "规模以上工业企业"),
        ("45个国家先进制造业集群中，长三角有18个。", "45个", "国家先进制造业集群"),
        ("三大集群营业收入分别为2156亿元和686亿元，分别增长8.1%和12.3%。", "8.1%", "三大集群营业收入"),
        ("1—9月，集群实现营业收入1200亿元，前三季度同比增长9.5%。", "9.5%", "营业收入"),
        ("分门类看，采矿业增加值下降3.6%，制造业增长8.9%。", "8.9%", "制造业增加值"),  # the indicator of the clause before
        ("预计今年产值再增长两成。", "两成", "产值"),  # 再 links, it is no part of the indicator
        ("营业收入突破500亿元大关。", "500亿元", "营业收入"),  # not 大关, a figure of speech after it
        # the indicator before it
        ("近四年丽水GDP年均增长11.4%,成为推进丽水跨越式发展的主引擎。", "11.4%", "GDP"),
        ("该集群2023年产值达到500亿元,同比增长12%。", "500亿元", "产值"),
        ("龙口市交通铝材特色产业集群规划面积约90平方公里,拥有相关企业243家。", "约90平方公里", "规划面积"),
        ("龙口市交通铝材特色产业集群规划面积约90平方公里,拥有相关企业243家。", "243家", "企业"),
        ("园区已集聚企业1200余家,从业人员约8万人。", "约8万人", "从业人员"),
        ("全镇企业数量由186家压减至97家。", "186家", "企业数量"),
        # a target word and the holder's own word before the indicator are not part of it
        ("到2027年,集群产值力争突破2000亿元。", "2000亿元", "产值"),
        ("到2027年,力争集群产值突破1000亿元。", "1000亿元", "产值"),
        ("全年规模以上工业企业2100家,比上年末增加85家。", "85家", "规模以上工业企业"),
        ("该集群营业收入下降2.4%。", "2.4%", "营业收入"),
        ("集群内规上企业研发投入强度达到2.5%。", "2.5%", "规上企业研发投入强度"),
        # indicators listed before 分别: one each, by rank; holders listed: the measure they share
        ("德化县2023年规上工业亩均增加值、亩均税收分别增长8.7%、9.4%。", "8.7%", "规上工业亩均增加值"),
        ("德化县2023年规上工业亩均增加值、亩均税收分别增长8.7%、9.4%。", "9.4%", "亩均税收"),
        ("德化县、永春县陶瓷产业增加值分别增长6.3%、4.7%。", "4.7%", "陶瓷产业增加值"),
        # an area, a weight, energy: any noun before names what (not only an indicator)
        ("园区今年计划新建标准化厂房45万平方米。", "45万平方米", "标准化厂房"),
        ("公司年产非织造布80万吨。", "80万吨", "年产非织造布"),
        ("2023年全县茶园面积稳定在60万亩。", "60万亩", "茶园面积"),  # 稳定在 links
        ("三是集群内中小企业数量不少于80家。", "80家", "中小企业数量"),  # an item's 三是 and 不少于 are no part
        ("25个先进制造业集群主导产业产值占全国比重超过20%。", "25个", "先进制造业集群"),  # a count of clusters counts them
        ("上海市已有9个国家级中小企业特色产业集群。", "9个", "国家级中小企业特色产业集群"),  # a long designation too
        ("全省已有190个集群，其中42个入选国家级中小企业特色产业集群。", "42个", None),  # where a set went
        ("两园标准厂房面积新增100万平方米。", "100万平方米", "两园标准厂房面积"),  # 新增 links
        ("地区生产总值跨越5000亿元，达5600亿元。", "5600亿元", "地区生产总值"),  # the level past the mark
        ("完成总产值190亿元，与去年同期相比增长26.1%。", "26.1%", "总产值"),  # 与去年同期相比 names no indicator
        ("多晶硅产量占全国比重超过三成。", "超过三成", "多晶硅产量占全国比重"),  # the ratio the text names
        ("稀土永磁材料产量约占全国的四成。", "四成", "稀土永磁材料产量"),  # no ratio named: what takes the share
        ("全年电子制造业增加值增长10.8%，占全市规上工业增加值的22.1%。", "22.1%", "占全市规上工业增加值比重"),
    ],
)
def test_measure(nlp, text, surface, measure):
    assert metric(nlp, text, surface)._.measure == measure


@pytest.mark.parametrize(
    "text, surface",
    [
        ("到2027年突破5000亿元。", "5000亿元"),  # a target: nothing says what
        ("增速保持两位数。", "两位数"),  # 位数 is the number's own unit
    ],
)
def test_measure_is_none_when_unsure(nlp, text, surface):
    assert metric(nlp, text, surface)._.measure is None


@pytest.mark.parametrize(
    "text, surface, measure",
    [
        ("2023年实现产值1580亿元,同比增长13.2%。", "13.2%", "产值"),  # the growth of the amount before it
        ("年产镜片约4亿副,约占全国总产量的75%。", "75%", "占全国总产量比重"),  # a share of a denominator named
        ("吉林省印发《若干措施》,共5个方面22条。", "22条", "条"),  # a measure word that names the thing
        ("企业负责人及高管共20余人在3天的时间里走访了6家企业。", "20余人", "高管"),  # a count: the noun counted
        ("县区 | 企业数（家） | 产值（亿元）\n清徐县 | 143 | 46.2\n", "143", "企业数"),  # a table's column
        ("规模以上工业增加值增长7.2%，高于全省平均1.1个百分点。", "1.1个百分点", "规模以上工业增加值增速"),  # the growth compared
        ("地区生产总值增长6.1%，增速居全市第2位。", "第2位", "地区生产总值增速"),  # the growth ranked
        ("交通铝材均居全国第一。", "第一", "排名"),  # a rank naming no indicator: a ranking's
        ("本地配套率由2020年的35%提升至68%。", "35%", "本地配套率"),  # the earlier level, after 由…的
        ("本地配套率由2020年的35%提升至68%。", "68%", "本地配套率"),  # the level reached
        ("规上工业增加值增长6.8%，增速比全国高0.7个百分点。", "0.7个百分点", "规上工业增加值增速"),  # 比…高: the growth compared
        ("全县三次产业结构为0.9∶62.4∶36.7。", "0.9∶62.4∶36.7", "三次产业结构"),  # a ratio: any noun names it
        ("集群海外收入占比首次超六成。", "超六成", "海外收入占比"),  # 首次 links
        ("集群稀土永磁材料产能达到18万吨，约占全国的三分之一。", "三分之一", "稀土永磁材料产能"),  # the share of that amount
        ("全县制造业增加值占地区生产总值比重达27.5%。", "27.5%", "制造业增加值占地区生产总值比重"),  # a ratio named in full
        ("产品名称\t单位\t产量\t增长（%）\n笔记本计算机\t万台\t5432.1\t3.6\n", "3.6", "笔记本计算机"),  # a growth column: the row's
    ],
)
def test_measure_when_the_phrase_names_none(nlp, text, surface, measure):
    assert metric(nlp, text, surface)._.measure == measure


@pytest.mark.parametrize(
    "text, surface, kind",
    [
        ("吸引了3万亿投资基金。", "3万亿", "money"),  # no unit: the measure says money
        ("视频照片总浏览量超15万,线上观看人数过万。", "超15万", "number"),  # a bare number
        ("超400家企业落户园区。", "超400家", "count"),
        ("约占据全国40%以上的产能。", "40%以上", "share"),
        ("规划面积约90平方公里。", "约90平方公里", "area"),
        ("地区科技创新指标位居全国第4。", "第4", "rank"),
    ],
)
def test_kind_is_always_set(nlp, text, surface, kind):
    assert metric(nlp, text, surface)._.kind == kind


def test_every_metric_of_a_document_has_a_kind(nlp):
    doc = nlp("集群集聚企业1200余家,2023年实现产值1580亿元,同比增长13.2%,带动就业超15万,居全国第二。")
    metrics = [e for e in doc.ents if e.label_ == "METRIC"]
    assert len(metrics) >= 4
    assert all(e._.kind for e in metrics)


# --- the pure functions --------------------------------------------------------------


def _at(text: str, quantity: str) -> tuple[int, int]:
    s = text.index(quantity)
    return s, s + len(quantity)


@pytest.mark.parametrize(
    "text, quantity, measure",
    [
        ("集聚了超400家企业,", "超400家", "企业"),
        ("约占据全国40%以上的产能、", "40%以上", "产能"),
        ("GDP年均增长11.4%,", "11.4%", "GDP"),
        ("产值达到500亿元,", "500亿元", "产值"),
        ("规划面积约90平方公里。", "约90平方公里", "规划面积"),
        ("2022年产值突破800亿元。", "800亿元", "产值"),
        ("西安航空产业规模达到1000亿元,", "1000亿元", "航空产业规模"),
        ("吸引各类人才过万人。", "过万人", "人才"),
        ("并成功签约14个相关项目。", "14个", "项目"),
    ],
)
def test_find_measure(text, quantity, measure):
    assert find_measure(text, *_at(text, quantity)) == measure


def test_find_measure_respects_floor_and_ceil():
    text = "产值达到500亿元"
    s, e = _at(text, "500亿元")
    assert find_measure(text, s, e) == "产值"
    assert find_measure(text, s, e, floor=s) is None  # the previous entity ends right before
    text = "超400家企业"
    s, e = _at(text, "超400家")
    assert find_measure(text, s, e, ceil=e) is None


@pytest.mark.parametrize(
    "kind, unit, measure, expected",
    [
        ("count", "家", "企业", "count"),
        (None, None, "投资基金", "money"),
        (None, None, "产值", "money"),
        (None, None, "线上观看直播人数", "count"),
        (None, None, None, "number"),
    ],
)
def test_infer_kind(kind, unit, measure, expected):
    assert infer_kind(kind, unit, measure) == expected


def test_a_growth_rate_whose_percent_sign_the_page_lost_is_read_as_a_percentage(nlp):
    span = metric(nlp, "规模以上工业增加值76.5亿元，增长26.9。", "26.9")
    assert (span._.value, span._.unit, span._.kind) == (26.9, "%", "share")
