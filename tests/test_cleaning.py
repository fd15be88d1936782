"""The cleaner: working text and the map back to the raw offsets."""

from __future__ import annotations

import pytest

from cluster_ner.cleaning import clean, find_garbled, to_simplified


def test_traditional_becomes_simplified_one_to_one():
    c = clean("龍口市交通鋁材")
    assert c.text == "龙口市交通铝材"
    assert c.to_raw(0, 3) == (0, 3)


def test_tone_marked_pinyin_is_removed():
    assert clean("產(chǎn)業(yè)集群").text == "产业集群"


def test_repeated_plain_pinyin_is_removed():
    assert clean("中(zhong)(zhong)國").text == "中国"


def test_noise_inside_a_span_is_covered_and_noise_after_is_not():
    raw = "酒(jiu)泉市(shi)(shi)工(gong)信局(ju)副局长"
    c = clean(raw)
    assert c.text.startswith("酒泉市工信局")
    s, e = c.to_raw(0, 6)
    assert raw[s:e] == "酒(jiu)泉市(shi)(shi)工(gong)信局"


def test_parentheses_with_chinese_are_kept():
    assert clean("陕西鼓风机(集团)有限公司").text == "陕西鼓风机(集团)有限公司"


def test_english_in_parentheses_is_kept():
    assert clean("世界贸易组织(WTO)").text == "世界贸易组织(WTO)"


def test_full_width_digits_and_percent_fold_to_ascii():
    c = clean("１２００家，３０％")
    assert c.text == "1200家,30%"
    assert c.to_raw(0, 5) == (0, 5)


def test_zero_width_characters_are_dropped_inside_spans():
    raw = "工\u200b信部"
    c = clean(raw)
    assert c.text == "工信部"
    assert c.to_raw(0, 3) == (0, 4)


def test_html_entity_maps_to_its_whole_source():
    raw = "A&amp;B"
    c = clean(raw)
    assert c.text == "A&B"
    assert c.to_raw(1, 2) == (1, 6)


def test_html_tags_are_removed_and_block_tags_break_lines():
    c = clean("<p>工信部</p><b>发布</b>")
    assert c.text == "\n工信部\n发布"


def test_lone_surrogates_are_removed():
    c = clean("工信\ud800部")
    assert c.text == "工信部"


def test_mojibake_stretch_is_blocked():
    text = "集群?!褒埧诮煌ㄤX材产业已驶"
    ranges = find_garbled(text)
    assert ranges and ranges[0][0] <= 3 and ranges[0][1] >= 9


def test_ordinary_text_is_not_blocked():
    assert find_garbled("广东省广深佛莞智能装备产业集群国内合作与交流活动，邯郸市、衢州市参加") == []


def test_to_simplified_keeps_length():
    text = "乾隆年間的著作與發展"
    assert len(to_simplified(text)) == len(text)


@pytest.mark.parametrize("raw", ["", "   ", "\n\n", "abc"])
def test_trivial_texts_round_trip(raw):
    c = clean(raw)
    assert c.text == raw
    if raw:
        assert c.to_raw(0, len(raw)) == (0, len(raw))


def test_ideographic_spaces_between_a_tables_cells_fold_to_tabs():
    raw = "指标\u30002025年\u30002030年\n规上工业增加值（亿元）\u30002860\u30004150\n万亿级产业集群（个）\u30001\u30002"
    cleaned = clean(raw)
    assert cleaned.text.splitlines()[1] == "规上工业增加值(亿元)\t2860\t4150"
    assert len(cleaned.text) == len(raw)  # 1:1: offsets unchanged


def test_ideographic_spaces_of_a_dateline_stay_spaces():
    assert clean("2025-01-21\u3000来源：黑龙江日报\u3000转载：香港商报网\n\n正文").text.startswith("2025-01-21 来源:")

