"""CLUSTER boundaries and hard negatives."""

from __future__ import annotations

import pytest

from conftest import entities


def clusters(nlp, text):
    return [t for label, t in entities(nlp, text) if label == "CLUSTER"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推动广东省广深佛莞智能装备产业集群发展", ["广东省广深佛莞智能装备产业集群"]),
        ("在陕西省西安市航空集群交流", ["陕西省西安市航空集群"]),
        ("打造浙东工业母机国家先进制造业集群", ["浙东工业母机国家先进制造业集群"]),
        ("龙口市交通铝材特色产业集群参加会议", ["龙口市交通铝材特色产业集群"]),
        ("申报酒泉国家先进制造业集群", ["酒泉国家先进制造业集群"]),
        ("介绍了航空集群发展历程", ["航空集群"]),
        ("积极推进高端铝材产业集群建设", ["高端铝材产业集群"]),
        ("深圳市、广州市高端医疗器械集群", ["深圳市、广州市高端医疗器械集群"]),
        ("中宁枸杞精深加工特色产业集群产品销往各地", ["中宁枸杞精深加工特色产业集群"]),
        ("芜湖新能源汽车创新型产业集群入选", ["芜湖新能源汽车创新型产业集群"]),
        ("洛阳市偃师区三轮摩托车特色产业集群入选", ["洛阳市偃师区三轮摩托车特色产业集群"]),  # 三轮 is no count
        ("其中，晶硅光伏集群增长较快", ["晶硅光伏集群"]),
        ("关于促进氟新材料产业集群高质量发展的实施意见", ["氟新材料产业集群"]),  # an element's name is an industry
        ("5 | 集宁区农畜产品加工产业集群 | 95", ["集宁区农畜产品加工产业集群"]),  # 产品 alone is no industry, 农畜产品 is
        ("横州市全力打造茉莉花产业集群", ["茉莉花产业集群"]),
        ("力争人参产业集群产值增长12%以上", ["人参产业集群"]),  # 力争 is the sentence's
        ("全年箱包产业集群实现产值385亿元", ["箱包产业集群"]),  # 全年 is no place
        ("全市奶产业集群全产业链产值力争达到450亿元", ["奶产业集群"]),
        ("做强高原特色藏医药产业集群", ["藏医药产业集群"]),
        ("到2027年，力争艾产业集群综合产值达到500亿元", ["艾产业集群"]),
        ("马铃薯产业集群加工转化率达到58%；牛羊产业集群新增规模养殖场210个", ["马铃薯产业集群", "牛羊产业集群"]),
        ("分集群看，上半年农机装备集群增长较快", ["农机装备集群"]),  # 上半年 is no place
        ("2023年，全区藏医药产业集群实现工业总产值52.6亿元", ["藏医药产业集群"]),  # 全区 is the sentence's
        ("龙川以龙头企业为引领 助推现代建筑产业集群聚势崛起", ["现代建筑产业集群"]),  # 现代 before an industry is its word; 助推 the sentence's
        ("擦亮精密模具产业集群名片", ["精密模具产业集群"]),
    ],
)
def test_cluster_spans(nlp, text, expected):
    assert clusters(nlp, text) == expected


def test_evaluative_words_stay_outside(nlp):
    assert clusters(nlp, "以打造国际化世界级高端交通铝材料特色产业集群为主题") == ["高端交通铝材料特色产业集群"]


def test_cluster_inside_a_longer_name_is_annotated(nlp):
    assert clusters(nlp, "丽水市机器人与数控机床产业集群建设启动仪式") == ["丽水市机器人与数控机床产业集群"]


def test_unlisted_town_before_a_known_industry(nlp):
    assert clusters(nlp, "会上通报，织里童装产业集群现有企业") == ["织里童装产业集群"]


@pytest.mark.parametrize(
    "text",
    [
        "推动产业集群发展",
        "国家级先进制造业集群",
        "培育世界级先进制造业集群",
        "县域特色产业集群是后备力量",
        "先后被评为山东省特色产业集群",
        "国家级中小企业特色产业集群",
        "形成9个万亿级集群",
        "建设20个大战略产业集群",
        "我国制造业集群低碳转型",
        "深化六市集群内部协作",
        "落实全省建设“415X”先进制造业集群的目标",
        "全国先进制造业集群发展大会",
        "龙口市推进集群数字化升级",
        "扬州市海工装备产值占集群的比重为21%",  # a measure's words are no industry
        "进入全国中药产业集群前十",  # the nation's clusters of an industry: a category
        "争创自治区级新能源装备特色产业集群",  # a level's designation
        "麒麟区、沾益区、陆良县分别完成集群产值196.2亿元",  # verbs are no part of a name
        "加快打造现代产业集群",  # 现代 names no industry on its own
        "中国纺织产业集群协作交流大会在仙桃召开",  # the nation's clusters of an industry: a category
        "浏阳市（花炮）、醴陵市（陶瓷）特色产业集群均为省级集群",  # items sharing one head
        "作为全国首批纺织产业集群试点",  # a batch's designation
        "我国纺织产业集群规模最大",
        "重庆市“33618”现代制造业集群中的万亿级主导产业",
    ],
)
def test_not_cluster(nlp, text):
    assert clusters(nlp, text) == []
