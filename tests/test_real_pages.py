"""Published pages (issue 14): work reports, notices, lists, bulletins and reposts.

One behaviour per test, on sentences made up for the test (no page text). Each
class is the one ANNOTATION.md decides in "Decided on real web pages".
"""

from __future__ import annotations

import pytest

import cluster_ner
from cluster_ner.attributes.government import resolve_gov
from cluster_ner.grammar.metric_furniture import breadcrumb_lines
from conftest import entities, raw_entities


def of(nlp, text: str, label: str) -> list[str]:
    """The cleaned text of each entity of ``label``."""
    return [t for lab, t in entities(nlp, text) if lab == label]


def originals(nlp, text: str, label: str) -> list[str]:
    """The original text of each entity of ``label``."""
    return [t for lab, t, _, _ in raw_entities(text, nlp) if lab == label]


# --------------------------------------------------------------------------
# GOV: congresses, CPPCC, standing committees
# --------------------------------------------------------------------------


def test_a_congress_named_with_its_term_is_one_span_and_the_session_stays_outside(rules_nlp):
    text = "——在济宁市第十六届人民代表大会第三次会议上"
    assert entities(rules_nlp, text) == [("GOV", "济宁市第十六届人民代表大会")]


def test_a_bare_level_word_and_a_short_term_before_人大(rules_nlp):
    text = "较好完成了县十四届人大二次会议确定的任务。"
    assert entities(rules_nlp, text) == [("GOV", "县十四届人大")]


def test_a_term_before_全国人大_is_part_of_the_span(rules_nlp):
    assert entities(rules_nlp, "十四届全国人大二次会议今日开幕。") == [("GOV", "十四届全国人大")]


def test_a_congress_with_its_term_and_no_place(rules_nlp):
    assert entities(rules_nlp, "报告（第十五届人民代表大会第二次会议）") == [("GOV", "第十五届人民代表大会")]


def test_a_towns_congress_with_its_term_starts_at_the_towns_name(rules_nlp):
    assert entities(rules_nlp, "——2025年2月18日在大朗镇第十八届人民代表大会第五次会议上") == [("GOV", "大朗镇第十八届人民代表大会")]


def test_a_congress_standing_committee_with_its_term(rules_nlp):
    text = "湖北省第十四届人民代表大会常务委员会公告"
    assert entities(rules_nlp, text) == [("GOV", "湖北省第十四届人民代表大会常务委员会")]


def test_the_standing_committee_after_及其_is_a_body_of_its_own(rules_nlp):
    text = "在区人大及其常委会和区政协的监督下"
    assert entities(rules_nlp, text) == [("GOV", "区人大"), ("GOV", "常委会"), ("GOV", "区政协")]


def test_a_party_committees_standing_committee_meeting_names_the_party_committee(rules_nlp):
    assert entities(rules_nlp, "临沂市委常委会召开会议。") == [("GOV", "临沂市委")]


def test_a_bare_standing_committee_as_a_work_reports_author(rules_nlp):
    assert of(rules_nlp, "委员们分组审议常委会工作报告。", "GOV") == ["常委会"]


def test_a_congress_whose_place_ends_the_line_before_its_term_is_one_span(rules_nlp):
    text = "——2024年1月23日在深圳市坪山区\n第二届人民代表大会第四次会议上"
    assert of(rules_nlp, text, "GOV") == ["深圳市坪山区\n第二届人民代表大会"]


def test_a_zones_executive_committee_is_gov(rules_nlp):
    assert of(rules_nlp, "活动现场 示范区执委会 供图", "GOV") == ["示范区执委会"]


def test_an_hour_of_a_day_is_no_metric(rules_nlp):
    assert of(rules_nlp, "2021年2月24日上午9时，会议召开。", "METRIC") == []


def test_a_bare_cppcc_in_a_work_reports_address_is_gov(rules_nlp):
    text = "现在，我代表区人民政府向大会作工作报告，请予审议，并请各位政协委员和其他列席人员提出意见。"
    assert of(rules_nlp, text, "GOV") == ["区人民政府", "政协"]


def test_a_county_cppcc_and_its_standing_committee(rules_nlp):
    text = "县政协委员围绕县政协常委会工作报告发言。"
    assert entities(rules_nlp, text) == [("GOV", "县政协"), ("GOV", "县政协常委会")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("在政协济宁市第十三届委员会第二次会议上", "政协济宁市第十三届委员会"),
        ("中国人民政治协商会议济宁市第十三届委员会常务委员会工作报告", "中国人民政治协商会议济宁市第十三届委员会常务委员会"),
        ("中国人民政治协商会议第十四届全国委员会第二次会议", "中国人民政治协商会议第十四届全国委员会"),
        ("政协全国委员会召开双周协商座谈会", "政协全国委员会"),
    ],
)
def test_a_cppcc_committee_named_in_full(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == [expected]


def test_和县_after_a_verb_is_the_conjunction(rules_nlp):
    text = "在县委的领导和县人大的支持下"
    assert entities(rules_nlp, text) == [("GOV", "县委"), ("GOV", "县人大")]


def test_a_verb_ending_in_a_county_character_does_not_make_a_county(rules_nlp):
    # 成县 is a county; in 完成县人大 成 ends the verb.
    assert of(rules_nlp, "圆满完成县人大交办的任务。", "GOV") == ["县人大"]


# --------------------------------------------------------------------------
# GOV: offices, zone departments, the country, addressee lines
# --------------------------------------------------------------------------


def test_an_office_named_by_its_task_after_a_level_word(rules_nlp):
    assert of(rules_nlp, "组建县产业转型办，统筹推进技改。", "GOV") == ["县产业转型办"]


def test_a_leading_groups_office_with_its_topic(rules_nlp):
    text = "浙江省数字化改革领导小组办公室印发通知。"
    assert entities(rules_nlp, text) == [("GOV", "浙江省数字化改革领导小组办公室")]


@pytest.mark.parametrize("text, expected", [("来源：市府办　发布日期：2021-09-02", "市府办"), ("泉州市府办印发通知。", "泉州市府办")])
def test_fuban_is_the_governments_office(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == [expected]


def test_a_party_committees_general_office_is_one_span(rules_nlp):
    assert of(rules_nlp, "中共江西省委办公厅印发方案。", "GOV") == ["中共江西省委办公厅"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("经开区科技创新发展部负责组织对接。", "经开区科技创新发展部"),
        ("滨海新区改革发展局发布通知。", "滨海新区改革发展局"),
        ("旅游度假区经发局负责招商。", "旅游度假区经发局"),
        ("南沙经济技术开发区园区发展局介绍。", "南沙经济技术开发区园区发展局"),
    ],
)
def test_a_zones_department_is_one_span_with_its_zone(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("会上，西安东部新区党工委作交流发言。", "西安东部新区党工委"),  # 东部: a direction's 部
        ("四川天府新区管委会发布政策。", "四川天府新区管委会"),  # 天府: a 府 ending no 政府
        ("洋山港区管委会负责协调。", "洋山港区管委会"),  # 港区 is a zone word
    ],
)
def test_a_zones_name_holding_a_body_character_is_read_to_its_place(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("今年以来开发区党工委专题研究党建工作23次。", "开发区党工委"),
        ("20xx年以来开发区党工委专题研究党建工作23次。", "开发区党工委"),
        ("近年来经开区管委会累计安排资金3亿元。", "经开区管委会"),
    ],
)
def test_a_time_word_before_a_zones_body_is_no_part_of_the_zones_name(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == [expected]


def test_the_xinjiang_corps_is_the_place_of_its_bureau(rules_nlp):
    assert of(rules_nlp, "新疆生产建设兵团工信局组织申报。", "GOV") == ["新疆生产建设兵团工信局"]


def test_the_corps_as_an_item_of_an_addressee_line_is_generic(rules_nlp):
    text = "各省、自治区、直辖市及新疆生产建设兵团发展改革委、经委：\n为推动集群发展"
    assert of(rules_nlp, text, "GOV") == []


def test_计划单列市_is_no_bare_level_word_before_a_body(rules_nlp):
    text = "各省、自治区、直辖市及计划单列市商务厅（局），新疆生产建设兵团商务局："
    assert of(rules_nlp, text, "GOV") == ["新疆生产建设兵团商务局"]


@pytest.mark.parametrize(
    "text, expected",
    [("市經濟信息委表示將加大支持。", "市经济信息委"), ("自治区农牧厅、自治区林草局联合印发。", "自治区农牧厅"), ("各市工信局，青岛市民营经济发展局：", "青岛市民营经济发展局")],
)
def test_domains_of_provincial_and_municipal_bodies(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV")[0] == expected


@pytest.mark.parametrize("text, expected", [("中国工业和信息化部公布名单", "中国工业和信息化部"), ("據中國商務部消息", "中國商務部")])
def test_the_country_before_a_ministry_is_part_of_the_span(rules_nlp, text, expected):
    assert originals(rules_nlp, text, "GOV") == [expected]


def test_the_country_before_a_ministry_resolves_to_the_ministry():
    assert resolve_gov("中国工信部").canonical == "工业和信息化部"
    assert resolve_gov("国家工业和信息化部").canonical == "工业和信息化部"


def test_an_item_governed_by_各_is_generic_wherever_it_sits(rules_nlp):
    text = "各市（含某某区）工业和信息化局、各省直管县工信局："
    assert of(rules_nlp, text, "GOV") == []


def test_generic_bodies_listed_under_one_各(rules_nlp):
    text = "各省、自治区、直辖市发展改革委、经委（经信委）、中小企业局："
    assert of(rules_nlp, text, "GOV") == []


def test_an_item_after_a_domain_with_he_is_still_governed_by_各(rules_nlp):
    text = "各设区市工业和信息化局、财政局，自治区有关部门："  # 和 inside 工业和信息化 joins no items
    assert of(rules_nlp, text, "GOV") == []


def test_a_generic_department_is_an_addressee_item(rules_nlp):
    text = "各省、自治区、直辖市工业和信息化主管部门、财政厅：\n现将有关事项通知如下。"
    assert of(rules_nlp, text, "GOV") == []


def test_bodies_listed_after_a_verb_are_not_addressee_items(rules_nlp):
    text = "各省级工业和信息化主管部门会同省发展改革委、省财政厅建立培育库。"
    assert of(rules_nlp, text, "GOV") == ["省发展改革委", "省财政厅"]


def test_a_named_body_after_a_comma_in_an_addressee_line_is_gov(rules_nlp):
    text = "各县（市、区）工信局，经开区经济发展部："
    assert of(rules_nlp, text, "GOV") == ["经开区经济发展部"]


def test_各_before_a_verb_governs_no_body(rules_nlp):
    assert of(rules_nlp, "各地要于月底前将材料报送省商务厅。", "GOV") == ["省商务厅"]


def test_外部_is_no_ministry(rules_nlp):
    assert of(rules_nlp, "增强抵御外部风险的能力。", "GOV") == []


def test_a_ministrys_internal_unit_in_brackets_is_not_a_body(rules_nlp):
    assert of(rules_nlp, "材料报送工业和信息化部（中小企业局）。", "GOV") == ["工业和信息化部"]


def test_a_portal_named_after_a_government_is_not_gov(rules_nlp):
    assert of(rules_nlp, "来源：莒县人民政府门户网站", "GOV") == []


def test_a_template_blank_before_the_level_word_is_the_place(rules_nlp):
    assert of(rules_nlp, "X县政府工作报告", "GOV") == ["X县政府"]


def test_a_congress_with_its_term_resolves_to_its_place():
    g = resolve_gov("济宁市第十三届人民代表大会")
    assert (g.canonical, g.level, g.region) == ("济宁市第十三届人民代表大会", "municipal", "山东省/济宁市")
    assert resolve_gov("政协济宁市第十三届委员会").canonical == "中国人民政治协商会议济宁市第十三届委员会"
    assert resolve_gov("十四届全国人大").canonical == "第十四届全国人民代表大会"


def test_a_standing_committee_after_及其_is_its_bodys():
    g = resolve_gov("常委会", previous=("济宁市人大", "及其"))
    assert g.canonical == "济宁市人民代表大会常务委员会"


# --------------------------------------------------------------------------
# CLUSTER
# --------------------------------------------------------------------------


def test_a_bracketed_industry_inside_a_cluster_name(rules_nlp):
    text = "临沂市兰山区（板材加工）特色产业集群通过复核。"
    assert originals(rules_nlp, text, "CLUSTER") == ["临沂市兰山区（板材加工）特色产业集群"]


def test_a_lists_batch_in_brackets_is_no_cluster_name(rules_nlp):
    assert originals(rules_nlp, "工信部公布2022年度（第四批）中小企业特色产业集群名单。", "CLUSTER") == []


def test_a_bracketed_segment_after_the_industry(rules_nlp):
    assert originals(rules_nlp, "岳阳市石化装备（阀门）产业集群入选。", "CLUSTER") == ["岳阳市石化装备（阀门）产业集群"]


def test_a_bracket_after_集群_stays_outside(rules_nlp):
    assert of(rules_nlp, "分别是宿州市鞋服特色产业集群（基地）和另一个。", "CLUSTER") == ["宿州市鞋服特色产业集群"]


def test_the_industry_of_a_bracketed_name_is_inside_the_brackets(rules_nlp):
    df = cluster_ner.extract("临沂市兰山区（板材加工）特色产业集群通过复核。", nlp=rules_nlp)
    assert (df.region[0], df.industry[0]) == ("山东省/临沂市/兰山区", "板材加工")


def test_a_long_modifier_chain_is_read_up_to_the_countys_name(rules_nlp):
    text = "莒县精密铸造延链补链绿色智造特色产业集群集聚企业。"
    assert of(rules_nlp, text, "CLUSTER") == ["莒县精密铸造延链补链绿色智造特色产业集群"]


def test_an_unlisted_industry_between_the_county_and_a_joiner(rules_nlp):
    assert of(rules_nlp, "东阿县阿胶及大健康特色产业集群", "CLUSTER") == ["东阿县阿胶及大健康特色产业集群"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("拟认定六盘水市复杂煤层煤机装备制造产业集群为省级集群。", "六盘水市复杂煤层煤机装备制造产业集群"),
        ("做强遵义市赤水河流域酱香型白酒产业集群。", "遵义市赤水河流域酱香型白酒产业集群"),
    ],
)
def test_an_unlisted_stretch_of_up_to_six_characters_after_the_place(rules_nlp, text, expected):
    assert of(rules_nlp, text, "CLUSTER") == [expected]


def test_a_sentences_words_before_an_industry_are_no_name(rules_nlp):
    assert of(rules_nlp, "力争把长春建成世界级汽车产业集群。", "CLUSTER") == ["汽车产业集群"]


def test_zhongxiao_qiye_tese_chanye_is_a_head(rules_nlp):
    text = "1\t苏州市吴江区纺织新材料中小企业特色产业集群\t苏州市吴江区\t612.5"
    assert of(rules_nlp, text, "CLUSTER") == ["苏州市吴江区纺织新材料中小企业特色产业集群"]


@pytest.mark.parametrize("text, expected", [("新兴产业集群增速加快2.1个百分点。", []), ("新兴县不锈钢产业集群", ["新兴县不锈钢产业集群"])])
def test_a_place_name_that_begins_a_generic_word_is_no_cluster(rules_nlp, text, expected):
    assert of(rules_nlp, text, "CLUSTER") == expected


def test_a_count_of_an_industrys_clusters_is_a_set(rules_nlp):
    assert of(rules_nlp, "全国共有9个纺织服装产业集群列入名单。", "CLUSTER") == []


def test_a_local_product_named_with_a_numeral_after_the_place(rules_nlp):
    assert of(rules_nlp, "全市重点培育梧州六堡茶产业集群。", "CLUSTER") == ["梧州六堡茶产业集群"]


@pytest.mark.parametrize("text", ["浙江十大产业集群加快发展", "苏州三市产业集群协同"])
def test_a_count_after_a_place_is_no_product_name(rules_nlp, text):
    assert of(rules_nlp, text, "CLUSTER") == []


def test_a_town_inside_a_cluster_name(rules_nlp):
    assert of(rules_nlp, "入选的有莒县夏庄镇轴承特色产业集群。", "CLUSTER") == ["莒县夏庄镇轴承特色产业集群"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("推动聊城高新区生物医药产业集群建设", "聊城高新区生物医药产业集群"),
        ("确定南昌临空经济区电子信息产业集群等", "南昌临空经济区电子信息产业集群"),
        ("1.赣江新区生物医药产业集群", "赣江新区生物医药产业集群"),
    ],
)
def test_a_zone_with_its_name_leads_a_cluster_name(rules_nlp, text, expected):
    assert of(rules_nlp, text, "CLUSTER") == [expected]


def test_a_zone_is_not_the_industry(rules_nlp):
    df = cluster_ner.extract("推动聊城高新区生物医药产业集群建设", nlp=rules_nlp)
    assert (df.region[0], df.industry[0]) == ("山东省/聊城市", "生物医药")


def test_a_region_with_a_generic_head_is_a_set(rules_nlp):
    assert of(rules_nlp, "珠三角先进制造业集群在数量上领先。", "CLUSTER") == []


def test_a_region_with_the_bare_head_is_still_a_cluster(rules_nlp):
    assert of(rules_nlp, "成德集群发电设备产量居前。", "CLUSTER") == ["成德集群"]


def test_an_awarded_designation_is_not_a_cluster(rules_nlp):
    assert of(rules_nlp, "该县家纺产业荣获省级家纺产业特色集群称号。", "CLUSTER") == []


def test_a_place_with_a_generic_head_is_not_a_cluster(rules_nlp):
    assert of(rules_nlp, "《济宁市制造业集群培育方案》印发。", "CLUSTER") == []


def test_a_head_factored_out_of_a_list_is_no_cluster(rules_nlp):
    assert of(rules_nlp, "建成光伏组件、储能电池产业集群和配套基地。", "CLUSTER") == []


def test_a_head_factored_out_of_a_list_is_no_cluster_after_an_evaluative_word(rules_nlp):
    text = "新能源汽车、电子信息、先进超硬材料集群增加值分别增长31.2%、17.5%和12.8%。"
    assert of(rules_nlp, text, "CLUSTER") == []


def test_a_head_factored_out_of_two_industries_joined_by_he_is_no_cluster(rules_nlp):
    assert of(rules_nlp, "光伏制造和锂电产业集群加快壮大。", "CLUSTER") == []


def test_a_programmes_modern_clusters_are_no_cluster(rules_nlp):
    assert of(rules_nlp, "全省“51020”现代产业集群加快壮大。", "CLUSTER") == []


def test_places_with_a_bare_head_before_fenbie_are_each_places_clusters(rules_nlp):
    text = "分设区市看，赣州市、九江市集群营业收入分别占全省的14.8%和12.3%。"
    assert of(rules_nlp, text, "CLUSTER") == []


def test_places_joined_by_a_dash_stay_in_one_name(rules_nlp):
    assert of(rules_nlp, "推进许昌—漯河再生金属产业集群建设", "CLUSTER") == ["许昌—漯河再生金属产业集群"]


def test_a_descriptor_inside_a_cluster_name(rules_nlp):
    assert of(rules_nlp, "培育新能源300亿级产业集群。形成2个千亿级产业集群。", "CLUSTER") == ["新能源300亿级产业集群"]


# --------------------------------------------------------------------------
# METRIC
# --------------------------------------------------------------------------


def test_a_range_with_a_hyphen_is_one_span(rules_nlp):
    assert of(rules_nlp, "力争提高2-4个百分点，新增1-2个。", "METRIC") == ["2-4个百分点", "1-2个"]


def test_numbers_sharing_one_unit_each_get_a_span(rules_nlp):
    assert of(rules_nlp, "分别增长4.2、2.6和0.8个百分点。", "METRIC") == ["4.2", "2.6", "0.8个百分点"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("园区位列全省前二十强。", ["前二十强"]),
        ("以第5名的成绩胜出。", ["第5名"]),
        ("产量居全国第 二。", ["第 二"]),
        ("分居全市第一、四名。", ["第一", "四名"]),
        ("位居全省营商环境第3、科技创新第5、开放水平第9。", ["第3", "第5", "第9"]),
        ("以跨进省级以上开发区三十强为目标。", ["三十强"]),  # 跨进, a verb of ranking
    ],
)
def test_rank_forms(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == expected


def test_a_published_lists_title_is_not_a_rank(rules_nlp):
    assert of(rules_nlp, "本地企业入选中国企业500强。", "METRIC") == []


def test_a_rank_list_named_before_a_rank_is_not_a_rank(rules_nlp):
    assert of(rules_nlp, "位居全国工业百强第6。", "METRIC") == ["第6"]


@pytest.mark.parametrize("text, expected", [("结构为6.1∶40.3∶53.6。", "6.1∶40.3∶53.6"), ("比例调整为3.2:41.5:55.3", "3.2:41.5:55.3"), ("比重为9.8︰45.1︰45.1", "9.8︰45.1︰45.1")])
def test_a_ratio_of_parts_is_one_metric(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [("全年产值首次突破千亿元，同比增长9%。", ["千亿元", "9%"]), ("网络销售额达百亿元；", ["百亿元"]), ("集群產值突破千億元。", ["千亿元"]), ("营业收入突破万亿大关。", ["万亿"]), ("1-8月规模以上工业营收破万亿\n发布日期", ["万亿"]),
     ("财政收入迈过千亿大关，达1030亿元。", ["千亿", "1030亿元"])],  # (迈过: 过 ends the verb, no qualifier)
)
def test_a_bare_magnitude_a_verb_states_is_a_metric(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("规模以上工业企业完成总产值190亿元，与去年同期相比增长26.1，增加值增长26.9。", ["190亿元", "26.1", "26.9"]),
        ("光电子产业完成产值113亿元，占开发区规模以上企业总产值的59.5，增长25.6。", ["113亿元", "59.5", "25.6"]),
        ("三次产业分别拉动经济增长0.18、3.57和2.55个百分点。", ["0.18", "3.57", "2.55个百分点"]),  # one unit shared
    ],
)
def test_a_growth_rate_or_share_whose_percent_sign_the_page_lost_is_a_metric(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == expected


@pytest.mark.parametrize("text", ["打造万亿级产业", "突破百亿元级项目3个", "跃上千亿元台阶", "培育百亿元企业"])
def test_a_bare_magnitude_naming_a_category_is_no_metric(rules_nlp, text):
    assert [t for t in of(rules_nlp, text, "METRIC") if t.startswith(("百", "千", "万"))] == []


@pytest.mark.parametrize("text", ["  1. 9个纺织服装产业集群列入名单", "1、9个集群列入名单"])
def test_an_items_number_opening_its_line_is_no_part_of_the_quantity(rules_nlp, text):
    assert of(rules_nlp, text, "METRIC") == ["9个"]


def test_a_ratio_parses_as_a_ratio():
    q = cluster_ner.parse_quantity("6.1∶40.3∶53.6")
    assert (q.value, q.unit, q.kind) == (6.1, None, "ratio")


def test_a_clock_time_is_no_ratio(rules_nlp):
    assert of(rules_nlp, "发布时间：2024-05-06 10:21:37", "METRIC") == []


@pytest.mark.parametrize("text, expected", [("经过4轮评审。", "4轮"), ("分12批次举办。", "12批次"), ("新建8幢厂房。", "8幢"), ("发射2颗卫星。", "2颗")])
def test_rounds_batches_and_measure_words(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == [expected]


@pytest.mark.parametrize("text", ["继前两轮竞赛之后", "这是第三批名单"])
def test_a_sequence_of_rounds_is_no_count(rules_nlp, text):
    assert of(rules_nlp, text, "METRIC") == []


@pytest.mark.parametrize(
    "text",
    [
        "索引号：11370000/2024-00031",
        "发布时间：2024年3月2日 16时45分",
        "浏览次数：517",
        "浏览次数：3865　编辑次数：12次",
        "点击：2231次",
        "阅读 3.4万",
        "0条评论",
        "地址：济南市历下区经十路88号302室",
        "联系电话：0531-86012345",
        "鲁ICP备12345678号-1",
        "首页 > 新闻中心 > 第2页",
    ],
)
def test_page_furniture_is_no_metric(nlp, text):
    assert of(nlp, text, "METRIC") == []


@pytest.mark.parametrize("text", ["三次产业结构持续优化", "奋力推进“两个先行”", "产值跃上千亿元台阶", "确保实现“双过半”", "推动“三个一批”落地", "三七种植环节稳步扩大"])
def test_set_phrases_and_quoted_slogans_are_no_metric(rules_nlp, text):
    assert of(rules_nlp, text, "METRIC") == []


def test_a_congress_session_is_no_count(rules_nlp):
    assert of(rules_nlp, "市十五届人大四次会议召开。", "METRIC") == []


def test_零_inside_a_word_is_no_numeral(rules_nlp):
    assert of(rules_nlp, "汽车零件出口增长。", "METRIC") == []


def test_a_line_break_inside_a_number_stays_inside_its_span():
    text = "产值是上年的1.\n42倍。"
    assert [(label, t, s, e) for label, t, s, e in raw_entities(text)] == [("METRIC", "1.\n42倍", 6, 12)]


def test_a_space_before_the_decimal_point_stays_inside_its_span(rules_nlp):
    assert of(rules_nlp, "投资是上年的3 .5倍。", "METRIC") == ["3 .5倍"]


def test_a_number_wrapped_at_the_end_of_a_long_line(rules_nlp):
    text = "全市地区生产总值在去年基础上稳步增长完成3\n25.4亿元。"
    assert of(rules_nlp, text, "METRIC") == ["3\n25.4亿元"]


def test_a_number_spaced_from_its_measure_word(rules_nlp):
    assert of(rules_nlp, "公布 28 个示范名单", "METRIC") == ["28 个"]


def test_不超过_is_not_超过(rules_nlp):
    assert of(rules_nlp, "推荐数量原则上不超过5个。", "METRIC") == ["5个"]


def test_接近_stays_outside(rules_nlp):
    assert of(rules_nlp, "市场份额接近45%。", "METRIC") == ["45%"]


def test_超半数_is_one_share(rules_nlp):
    assert of(rules_nlp, "带动全县超半数人口就业。", "METRIC") == ["超半数"]


def test_arabic_digits_count_places_after_a_list_of_places(rules_nlp):
    assert of(rules_nlp, "地处徐州、宿迁、淮安3市交界。", "METRIC") == ["3市"]


def test_a_count_of_decades_is_a_duration(rules_nlp):
    assert of(rules_nlp, "力争通过两个十年的努力。", "METRIC") == []


def test_the_model_adds_nothing_inside_page_furniture(nlp):
    assert of(nlp, "作者：王某 点击：3861次\n浏览量 2万", "METRIC") == []


# --------------------------------------------------------------------------
# Found while reading more published pages and news
# --------------------------------------------------------------------------


def test_a_branch_bureau_is_a_domain_body(rules_nlp):
    assert of(rules_nlp, "当地税务分局表示将加强服务。", "GOV") == ["税务分局"]


def test_a_central_bank_branch_named_after_it_is_one_span(rules_nlp):
    assert of(rules_nlp, "中国人民银行济南分行发布数据。", "GOV") == ["中国人民银行济南分行"]


def test_a_commercial_banks_branch_is_not_gov(rules_nlp):
    assert of(rules_nlp, "中国建设银行济南分行发放贷款。", "GOV") == []


def test_two_level_words_name_a_set_of_bodies(rules_nlp):
    assert of(rules_nlp, "今后，市县财政局要加强监管。", "GOV") == []


def test_会同_is_a_verb_before_a_body(rules_nlp):
    assert of(rules_nlp, "今年将会同人民银行开展检查。", "GOV") == ["人民银行"]


def test_an_amount_naming_a_category_is_no_metric(rules_nlp):
    assert of(rules_nlp, "新签约10亿元以上项目12个，超亿元企业8家。", "METRIC") == ["12个", "8家"]


def test_a_count_before_its_noun_is_still_a_metric(rules_nlp):
    assert of(rules_nlp, "集聚了超300家企业。", "METRIC") == ["超300家"]


def test_a_long_code_with_a_slash_is_no_fraction(rules_nlp):
    assert of(rules_nlp, "联系方式：010-68201234/5678", "METRIC") == []


def test_a_footer_line_after_a_menu_of_bars_is_no_table_row(rules_nlp):
    text = "手机版|存档|联系我们\nGMT+8, 2024-1-1 08:00 , Processed in 0.051 second(s), 19 queries ."
    assert of(rules_nlp, text, "METRIC") == []


def test_a_line_break_between_a_term_and_its_head(rules_nlp):
    assert of(rules_nlp, "在济宁市第十六届\n人民代表大会第三次会议上", "GOV") == ["济宁市第十六届\n人民代表大会"]


def test_page_furniture_blocks_only_itself(rules_nlp):
    text = "高唐2个集群上榜\n来源：县融媒体中心　阅读：408"
    assert of(rules_nlp, text, "METRIC") == ["2个"]


def test_a_cppcc_full_name_with_its_term_before_the_place(rules_nlp):
    assert of(rules_nlp, "在政协第八届莒县委员会第二次会议上", "GOV") == ["政协第八届莒县委员会"]


def test_a_standing_committee_of_a_term_after_its_body(rules_nlp):
    assert of(rules_nlp, "代表省政协十二届常委会向大会报告工作。", "GOV") == ["省政协十二届常委会"]
    assert resolve_gov("济宁市人大十六届常委会").canonical == "济宁市第十六届人民代表大会常务委员会"


def test_第一次_after_a_rank_verb_is_an_ordinal(rules_nlp):
    assert of(rules_nlp, "委员们列席县第十六届人大第一次会议。", "METRIC") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工业和信息化部同意天津子牙循环经济产业区管理委员会开展试点。", ["工业和信息化部", "天津子牙循环经济产业区管理委员会"]),  # 经 of 经济
        ("柴达木循环经济试验区管委会联合推进。", ["柴达木循环经济试验区管委会"]),
    ],
)
def test_a_zones_name_holding_经济_is_read_to_its_place(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("过去一年，在自治区党委、政府的坚强领导下，全市经济稳中有进。", ["自治区党委", "政府"]),
        ("在市委、人大、政府、政协的支持下", ["市委", "人大", "政府", "政协"]),
        ("县委、政府工作报告", ["县委"]),  # (政府工作报告 names a report)
    ],
)
def test_bodies_written_bare_after_a_party_committee_share_its_place(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == expected


def test_安全应急_is_an_industry_so_宁晋_is_read_whole(rules_nlp):
    assert of(rules_nlp, "名单;宁晋安全应急特色产业集群荣获省级称号。", "CLUSTER") == ["宁晋安全应急特色产业集群"]


def test_the_model_never_lengthens_a_ratio_over_a_verb(nlp):
    assert of(nlp, "三次产业结构由19.8︰41︰39.2优化为17.9︰43︰39.1。", "METRIC") == ["19.8︰41︰39.2", "17.9︰43︰39.1"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("工信部提出认定 200 个左右的集群。", ["200 个左右"]),  # a spaced number keeps its qualifier
        ("完成产业园第16至23批次招商。", []),  # a range of ordinals
        ("省七次党代会赋予沧州新的使命。", []),  # a party congress's ordinal
    ],
)
def test_quantities_on_published_pages(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == expected


def test_an_engineering_groups_numbered_bureau_is_an_enterprise(rules_nlp):
    assert of(rules_nlp, "中建二局承建的项目总投资5亿元。", "GOV") == []


def test_a_cross_province_descriptor_is_outside_a_clusters_name(rules_nlp):
    assert of(rules_nlp, "跨省域电子信息先进制造业集群如何共建？", "CLUSTER") == ["电子信息先进制造业集群"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("杭州市委宣传部、市政府新闻办举行发布会。", ["杭州市委宣传部", "市政府新闻办"]),  # a party committee's department, named through it
        ("西湖风景名胜区管委会负责人出席。", ["西湖风景名胜区管委会"]),  # a scenic area is a zone
        ("贵阳市国家高新区产业发展局局长表示。", ["贵阳市国家高新区产业发展局"]),  # a zone's industry bureau
    ],
)
def test_departments_and_zone_bodies_on_published_pages(rules_nlp, text, expected):
    assert of(rules_nlp, text, "GOV") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("产品销售全球第三、亚洲第一。", ["第三", "第一"]),  # a scope right before a rank ranks within it
        ("相关产业项目前50名的上市公司", ["前50名"]),  # a rank written as one
        ("即GDP≥600亿元，一般公共预算收入≥20亿元。", ["≥600亿元", "≥20亿元"]),  # ≥ is a qualifier, after ASCII too
        ("合同额大概十三亿，年产量达6000万件套。", ["大概十三亿", "6000万件套"]),
        ("以“GDP”和“一般公共预算收入”两个指标为核心。", []),  # a count restating the items just quoted
        ("通过“产、城、人、文”四位一体有机结合。", []),  # a set phrase
    ],
)
def test_ranks_qualifiers_and_units_on_published_pages(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1-9月扬州先进制造业集群规上企业开票同比增长10.6%", []),  # a place's clusters: a set
        ("调研相城区先进制造业集群发展情况", []),
        ("酒泉国家先进制造业集群", ["酒泉国家先进制造业集群"]),  # the national designation names one
    ],
)
def test_a_place_with_a_generic_advanced_manufacturing_head_is_a_set(rules_nlp, text, expected):
    assert of(rules_nlp, text, "CLUSTER") == expected


def test_a_verb_before_集群_makes_no_cluster_name(rules_nlp):
    assert of(rules_nlp, "其中印染行业拉动集群产值增长2.6个百分点。", "CLUSTER") == []


def test_a_line_of_short_segments_between_two_or_more_arrows_is_a_breadcrumb():
    text = "中国西藏网 > 即时新闻 > 文化\n产值>100亿元"
    assert [text[s:e] for s, e in breadcrumb_lines(text)] == ["中国西藏网 > 即时新闻 > 文化"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全文2893字，阅读约5分钟", []),  # a page's word count
        ("形成环卫机械装备10460台套的产能。", ["10460台套"]),
        ("今年，中联、三一年销售收入将分别冲刺千亿元大关。", ["千亿元"]),
        ("3个集群入选全国百强产业集群。", ["3个"]),  # 百强产业集群 names a list
        ("等企业入选中国制造业500强。", []),  # a list's name
    ],
)
def test_counters_units_milestones_and_list_names_on_published_pages(rules_nlp, text, expected):
    assert of(rules_nlp, text, "METRIC") == expected


def test_镁质材料_is_an_industry(rules_nlp):
    assert of(rules_nlp, "全市镁质材料产业集群实现营业收入386亿元。", "CLUSTER") == ["镁质材料产业集群"]


def test_行业_inside_an_industry_name_stays_in_the_cluster(rules_nlp):
    text = "共有97个集群通过复核，包括北京市海淀区行业应用软件产业集群、江苏省无锡市惠山区智能基础零部件制造产业集群。"
    assert of(rules_nlp, text, "CLUSTER")[0] == "北京市海淀区行业应用软件产业集群"
