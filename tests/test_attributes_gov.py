"""GOV attributes: canonical name, level and region, from the name and from the article."""

from __future__ import annotations

import pytest

import cluster_ner
from cluster_ner.attributes.government import GovAttributes, resolve_gov
from cluster_ner.attributes.places import DocumentPlaces
from cluster_ner.grammar.places import place_path, region_string
from cluster_ner.lexicon import places


@pytest.fixture(scope="module")
def nlp():
    return cluster_ner.load()


def gov(nlp, text: str, surface: str, nth: int = 0):
    """The ``nth`` GOV entity whose text is ``surface``."""
    found = [e for e in nlp(text).ents if e.label_ == "GOV" and e.text == surface]
    assert len(found) > nth, f"{surface!r} not found as GOV in {text!r}"
    return found[nth]


def attrs(span) -> tuple:
    return span._.canonical, span._.level, span._.region


# --- named with their place ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("本次调研活动由广州市政府副秘书长带队。", "广州市政府", ("广州市人民政府", "municipal", "广东省/广州市")),
        ("据国家税务总局江西省税务局统计，全省家具企业增收。", "国家税务总局江西省税务局", ("国家税务总局江西省税务局", "provincial", "江西省")),
        ("西安市工信局装备工业处处长周琛介绍了情况。", "西安市工信局", ("西安市工业和信息化局", "municipal", "陕西省/西安市")),
        ("龙口市工信局党组副书记王斌出席。", "龙口市工信局", ("龙口市工业和信息化局", "county", "山东省/烟台市/龙口市")),
        ("昌吉州商务局消息,展会将于下月开幕。", "昌吉州商务局", ("昌吉回族自治州商务局", "municipal", "新疆维吾尔自治区/昌吉回族自治州")),
        ("广州市白云区人民政府承办本次大会。", "广州市白云区人民政府", ("广州市白云区人民政府", "district", "广东省/广州市/白云区")),
        ("江苏省人民政府办公厅印发通知。", "江苏省人民政府办公厅", ("江苏省人民政府办公厅", "provincial", "江苏省")),
        ("常州中院共审结知识产权案件312件。", "常州中院", ("常州市中级人民法院", "municipal", "江苏省/常州市")),
        ("浙江省经信厅副厅长出席会议。", "浙江省经信厅", ("浙江省经济和信息化厅", "provincial", "浙江省")),
        ("北京市委召开常委会会议。", "北京市委", ("中国共产党北京市委员会", "provincial", "北京市")),
    ],
)
def test_body_named_with_its_place(nlp, text, surface, expected):
    assert attrs(gov(nlp, text, surface)) == expected


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("代表丽水市委市政府致辞。", "丽水市委", ("中国共产党丽水市委员会", "municipal", "浙江省/丽水市")),
        ("中共丽水市委召开全会。", "中共丽水市委", ("中国共产党丽水市委员会", "municipal", "浙江省/丽水市")),
        ("丽水经开区党工委书记出席。", "丽水经开区党工委", ("中国共产党丽水经开区工作委员会", "zone", "浙江省/丽水市")),
        ("李家镇党委召开会议。", "李家镇党委", ("中国共产党李家镇委员会", "town", None)),
    ],
)
def test_party_committees_use_the_gov_heads_style(nlp, text, surface, expected):
    assert attrs(gov(nlp, text, surface)) == expected


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("由工信部牵头组织。", "工信部", "工业和信息化部"),
        ("国家发展改革委、工信部联合印发通知。", "国家发展改革委", "国家发展和改革委员会"),
        ("国家发改委有关负责人表示。", "国家发改委", "国家发展和改革委员会"),
        ("国家工信部发布通知。", "国家工信部", "工业和信息化部"),
        ("国务院国资委召开会议。", "国务院国资委", "国务院国有资产监督管理委员会"),
        ("央行宣布降准。", "央行", "中国人民银行"),
    ],
)
def test_national_abbreviations(nlp, text, surface, canonical):
    assert attrs(gov(nlp, text, surface)) == (canonical, "national", None)


def test_zone_prefix_is_kept_and_domain_expanded(nlp):
    text = "西安市工信局与航天基地工信局共同主办。"
    span = gov(nlp, text, "航天基地工信局")
    # The zone has no place in its name: its region comes from the article (西安).
    assert attrs(span) == ("航天基地工业和信息化局", "zone", "陕西省/西安市")


# --- abbreviations resolved from the article --------------------------------------


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        # 省 + domain: the province named before.
        (
            "浙江省经信厅、丽水市委联合召开会议,省经信厅副厅长出席。",
            "省经信厅",
            ("浙江省经济和信息化厅", "provincial", "浙江省"),
        ),
        # 省 + domain, the province derived from a city of the article.
        (
            "酒泉市工信局负责人介绍,省工信厅将给予支持。",
            "省工信厅",
            ("甘肃省工业和信息化厅", "provincial", "甘肃省"),
        ),
        # 市 + domain: the nearest city before, not the province.
        (
            "近日,浙江省丽水市召开大会。市经信局局长出席。",
            "市经信局",
            ("丽水市经济和信息化局", "municipal", "浙江省/丽水市"),
        ),
        # 市 for a county-level city.
        (
            "龙口市交通铝材特色产业集群发展大会召开,市工信局局长出席。",
            "市工信局",
            ("龙口市工业和信息化局", "county", "山东省/烟台市/龙口市"),
        ),
        # 自治区 + domain.
        (
            "广西壮族自治区人民政府印发方案,自治区工信厅负责落实。",
            "自治区工信厅",
            ("广西壮族自治区工业和信息化厅", "provincial", "广西壮族自治区"),
        ),
        # 县 + domain.
        (
            "清河县羊绒特色产业集群推进会召开,县工信局作了发言。",
            "县工信局",
            ("清河县工业和信息化局", "county", "河北省/邢台市/清河县"),
        ),
    ],
)
def test_level_character_and_domain_from_context(nlp, text, surface, expected):
    assert attrs(gov(nlp, text, surface)) == expected


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("代表丽水市委市政府致辞。", "市政府", ("丽水市人民政府", "municipal", "浙江省/丽水市")),
        ("天津市委、市政府高度重视。", "市政府", ("天津市人民政府", "provincial", "天津市")),
        ("清河县委书记表示,县政府将设立专项资金。", "县政府", ("清河县人民政府", "county", "河北省/邢台市/清河县")),
        ("甘肃省工信厅会同省政府有关部门。", "省政府", ("甘肃省人民政府", "provincial", "甘肃省")),
    ],
)
def test_government_abbreviation_from_context(nlp, text, surface, expected):
    assert attrs(gov(nlp, text, surface)) == expected


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        ("酒泉市市委书记出席。会上,市委副书记介绍了情况。", "市委", ("中国共产党酒泉市委员会", "municipal", "甘肃省/酒泉市")),
        ("浙江省人民政府印发通知,省委书记作出批示。", "省委", ("中国共产党浙江省委员会", "provincial", "浙江省")),
    ],
)
def test_party_committee_abbreviation_from_context(nlp, text, surface, expected):
    assert attrs(gov(nlp, text, surface)) == expected


@pytest.mark.parametrize(
    "text, surface, expected",
    [
        # 广州市政府副秘书长、工信局党组书记: the bureau of the city just named.
        (
            "本次调研活动由广州市政府副秘书长、工信局党组书记带队。",
            "工信局",
            ("广州市工业和信息化局", "municipal", "广东省/广州市"),
        ),
        (
            "在西安市调研期间,工业和信息化局负责人介绍了航空产业。",
            "工业和信息化局",
            ("西安市工业和信息化局", "municipal", "陕西省/西安市"),
        ),
    ],
)
def test_bare_domain_body_is_the_bureau_of_the_city_before(nlp, text, surface, expected):
    assert attrs(gov(nlp, text, surface)) == expected


def test_place_after_the_mention_is_used_when_none_is_before(nlp):
    span = gov(nlp, "省经信厅负责人表示,浙江省将加快培育先进制造业集群。", "省经信厅")
    assert attrs(span) == ("浙江省经济和信息化厅", "provincial", "浙江省")


def test_nearest_place_before_wins_over_one_after(nlp):
    text = "丽水市召开推进会,市政府主要领导出席,杭州市也派员参加。"
    assert gov(nlp, text, "市政府")._.canonical == "丽水市人民政府"


@pytest.mark.parametrize(
    "text, surface, level",
    [
        ("省经信厅负责人出席会议。", "省经信厅", "provincial"),
        ("市政府常务会议研究了有关事项。", "市政府", "municipal"),
        ("县政府将设立专项资金。", "县政府", "county"),
        ("省委常委会会议强调。", "省委", "provincial"),
        ("镇政府组织企业参加。", "镇政府", "town"),
    ],
)
def test_context_not_deciding_leaves_canonical_none_but_sets_level(nlp, text, surface, level):
    assert attrs(gov(nlp, text, surface)) == (None, level, None)


def test_bare_body_without_any_city_stays_unresolved(nlp):
    span = gov(nlp, "工信局负责人介绍了有关情况。", "工信局")
    assert span._.canonical is None
    assert span._.region is None


def test_province_abbreviation_is_not_resolved_from_a_municipality(nlp):
    # 省 needs a province: 上海市 is not one.
    span = gov(nlp, "上海市召开推进会,省经信厅负责人出席。", "省经信厅")
    assert span._.canonical is None


def test_management_committee_after_a_zone_party_committee_shares_its_zone(nlp):
    span = gov(nlp, "贵安新区党工委、管委会将统筹推进。", "管委会")
    assert (span._.canonical, span._.level) == ("贵安新区管理委员会", "zone")


# --- traditional input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, canonical",
    [
        ("浙江省經信廳副廳長出席。", "浙江省经信厅", "浙江省经济和信息化厅"),
        ("國家發展改革委有關負責人表示。", "国家发展改革委", "国家发展和改革委员会"),
        ("廣州市政府副秘書長帶隊。", "广州市政府", "广州市人民政府"),
        ("浙江省人民政府發文,省經信廳負責落實。", "省经信厅", "浙江省经济和信息化厅"),
    ],
)
def test_traditional_input_gives_simplified_canonical_names(nlp, text, surface, canonical):
    assert gov(nlp, text, surface)._.canonical == canonical


# --- the pure functions --------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("工信部", GovAttributes("工业和信息化部", "national", None)),
        ("西安市工信局", GovAttributes("西安市工业和信息化局", "municipal", "陕西省/西安市")),
        ("广州政府", GovAttributes("广州市人民政府", "municipal", "广东省/广州市")),
        ("浙江省委", GovAttributes("中国共产党浙江省委员会", "provincial", "浙江省")),
        ("吉林市委", GovAttributes("中国共产党吉林市委员会", "municipal", "吉林省/吉林市")),
        ("广西区党委", GovAttributes("中国共产党广西壮族自治区委员会", "provincial", "广西壮族自治区")),
        ("丽水市政协", GovAttributes("中国人民政治协商会议丽水市委员会", "municipal", "浙江省/丽水市")),
        ("丽水市人大常委会", GovAttributes("丽水市人民代表大会常务委员会", "municipal", "浙江省/丽水市")),
        ("浏阳市应急管理局", GovAttributes("浏阳市应急管理局", "county", "湖南省/长沙市/浏阳市")),
        ("丽水市场监管局", GovAttributes("丽水市市场监督管理局", "municipal", "浙江省/丽水市")),
        ("龙口市东江镇政府", GovAttributes("龙口市东江镇人民政府", "town", "山东省/烟台市/龙口市")),
        ("宜宾三江新区党工委", GovAttributes("中国共产党宜宾三江新区工作委员会", "zone", "四川省/宜宾市")),
        ("上海证监局", GovAttributes("中国证券监督管理委员会上海监管局", "provincial", "上海市")),
        ("海口海关", GovAttributes("海口海关", "municipal", "海南省/海口市")),
        ("国家数据局", GovAttributes("国家数据局", "national", None)),
        ("国务院办公厅", GovAttributes("国务院办公厅", "national", None)),
    ],
)
def test_resolve_gov_without_context(name, expected):
    assert resolve_gov(name) == expected


@pytest.mark.parametrize("name, level", [("省经信厅", "provincial"), ("市政府", "municipal"), ("区委", "district")])
def test_resolve_gov_abbreviation_without_places_is_unresolved(name, level):
    assert resolve_gov(name) == GovAttributes(None, level, None)


def test_document_places_nearest_before_then_after():
    text = "丽水市和杭州市的代表出席,市政府领导讲话,温州市代表发言。"
    places_ = DocumentPlaces(text)
    at = text.index("市政府")
    got = places_.for_level_word("市", at, at + 3)
    assert got is not None and got.name == "杭州市"
    only_after = DocumentPlaces("省经信厅表示,浙江省将出台政策。")
    assert only_after.for_level_word("省", 0, 4).name == "浙江省"


def test_document_places_ignores_county_short_names_outside_entities():
    # 方正 (方正县) and 合作 (合作市) are ordinary words here.
    places_ = DocumentPlaces("方正集团与合作伙伴签约,市政府出席。")
    at = places_.text.index("市政府")
    assert places_.for_level_word("市", at, at + 3) is None


def test_document_places_derives_the_province_of_a_city():
    places_ = DocumentPlaces("莲都区召开会议,省经信厅出席。")
    at = places_.text.index("省经信厅")
    assert places_.for_level_word("省", at, at + 4).name == "浙江省"


def test_a_name_that_asks_the_document_is_resolved_in_each_document():
    first, second = "丽水市召开会议,市政府出席。", "温州市召开会议,市政府出席。"
    in_first = resolve_gov("市政府", DocumentPlaces(first), first.index("市政府"), first.index("市政府") + 3)
    in_second = resolve_gov("市政府", DocumentPlaces(second), second.index("市政府"), second.index("市政府") + 3)
    assert (in_first.canonical, in_second.canonical) == ("丽水市人民政府", "温州市人民政府")


def test_a_name_with_its_place_resolves_the_same_without_the_document():
    text = "温州市召开会议,西安市工信局出席。"
    with_document = resolve_gov("西安市工信局", DocumentPlaces(text), text.index("西安"), text.index("西安") + 6)
    assert with_document == resolve_gov("西安市工信局") == GovAttributes("西安市工业和信息化局", "municipal", "陕西省/西安市")


def test_place_path_and_region_string():
    by_name = {p.name: p for p in places()}
    assert place_path(by_name["丽水市"]) == "浙江省/丽水市"
    assert place_path(by_name["龙口市"]) == "山东省/烟台市/龙口市"
    assert place_path(by_name["浦东新区"]) == "上海市/浦东新区"
    assert place_path(by_name["浙江省"]) == "浙江省"
    assert region_string([by_name["深圳市"], by_name["广州市"]]) == "广东省/深圳市,广州市"
    assert region_string([by_name["上海市"], by_name["江苏省"]]) == "上海市,江苏省"
    assert region_string([]) is None
