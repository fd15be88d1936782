"""GOV boundaries and hard negatives, from the specification's examples and unseen sentences."""

from __future__ import annotations

import pytest

from conftest import entities


def govs(nlp, text):
    return [t for label, t in entities(nlp, text) if label == "GOV"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("由工信部牵头", ["工信部"]),
        ("据国家税务总局江西省税务局统计", ["国家税务总局江西省税务局"]),  # a place's body named through its national parent
        ("国家金融监督管理总局湖南监管局数据显示", ["国家金融监督管理总局湖南监管局"]),
        ("会议要求，各地要落实甘肃省委、省政府部署，到2027年集群营收翻番", ["甘肃省委", "省政府"]),  # 各 opens a sentence here, no addressee line
        ("贯彻落实党代会和人大、政协会议精神", ["人大", "政协"]),  # a people's congress named bare, like the CPPCC
        ("由市产业集群领导小组办公室负责总体协调", ["市产业集群领导小组办公室"]),  # a leading group's office after a bare level word
        ("安徽省制造强省建设领导小组办公室印发通知", ["安徽省制造强省建设领导小组办公室"]),
        ("省经信厅、省商务厅领导出席", ["省经信厅", "省商务厅"]),
        ("得到了市政府的支持", ["市政府"]),
        ("国家工信部发布通知", ["国家工信部"]),
        ("航天基地工信局副局长介绍", ["航天基地工信局"]),
        ("广州市白云区人民政府承办", ["广州市白云区人民政府"]),
        ("黄埔区科技工业商务和信息化局参加", ["黄埔区科技工业商务和信息化局"]),
        ("江苏省人民政府办公厅印发", ["江苏省人民政府办公厅"]),
        ("国务院国资委召开会议", ["国务院国资委"]),
        ("自治区发展改革委负责人表示", ["自治区发展改革委"]),
        ("昌吉州商务局消息", ["昌吉州商务局"]),
        ("丽水经开区党工委书记", ["丽水经开区党工委"]),
        ("常州中院共审结案件", ["常州中院"]),
        ("李家镇党委召开会议", ["李家镇党委"]),
        ("记者从文昌国际航天城管理局获悉", ["文昌国际航天城管理局"]),  # a zone's 管理局
        ("记者从阿克苏纺织工业城管委会获悉", ["阿克苏纺织工业城管委会"]),  # 工业城 is a zone word
        ("张家口崇礼县政府表示", ["张家口崇礼县政府"]),
        ("全国人大财政经济委员会副主任", ["全国人大财政经济委员会"]),
        ("兵团第六师国土资源局局长", ["兵团第六师国土资源局"]),
    ],
)
def test_bodies_are_found_with_their_place_prefix(nlp, text, expected):
    assert govs(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("西安市工信局装备工业处处长周琛", ["西安市工信局"]),
        ("龙口市工信局党组副书记王斌", ["龙口市工信局"]),
        ("丽水市政府党组成员刘志伟", ["丽水市政府"]),
        ("省委常委会会议强调", ["省委"]),
        ("工信部产业发展促进中心副主任", ["工信部"]),
        ("工业和信息化部工业文化发展中心主办", ["工业和信息化部"]),
        ("工信部中小企业局负责人", ["工信部"]),
    ],
)
def test_titles_units_and_affiliates_after_a_body_are_outside(nlp, text, expected):
    assert govs(nlp, text) == expected


def test_two_bodies_written_together_are_two_spans(nlp):
    assert govs(nlp, "代表丽水市委市政府致辞") == ["丽水市委", "市政府"]


def test_body_in_a_document_number_is_a_body(nlp):
    assert govs(nlp, "根据工信部联规〔2024〕12号文件") == ["工信部"]


@pytest.mark.parametrize(
    "text",
    [
        "粤机质协组织调研",
        "中国机床工具工业协会副秘书长",
        "中国科学院研究员",
        "龙口市普惠中小企业服务中心成立",
        "请有关部门抓好落实",
        "着力培育的产业集群由所在地县(市)区政府整体推进",  # the local government, wherever it is
        "工业和信息化主管部门相关同志",
        "各市人民政府要高度重视",
        "各级政府要高度重视",
        "参观北京经开区",
        "航天基地始终秉承国家意志",
        "中共浙江省经信领域行业协会党委副书记",
        "美国国务院发言人",
        "各县（市）工信部门提供数据",
    ],
)
def test_not_gov(nlp, text):
    assert govs(nlp, text) == []


def test_county_short_name_is_not_taken_from_a_verb(nlp):
    # 会同 is also a county (会同县): here it is the verb "together with".
    assert govs(nlp, "市经信局要会同市科技局抓紧落实") == ["市经信局", "市科技局"]
