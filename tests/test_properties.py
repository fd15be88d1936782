"""Property tests (Hypothesis): span invariants, cleaning keeps entities in place.

* over any Unicode string: every row's span is valid, sorted, non-overlapping
  and ``text[start:end] == row.text``;
* over sample sentences with injected noise (pinyin groups, zero-width
  characters, HTML tags, full-width digits): the raw span of each entity of the
  clean sentence, found in the noisy one, cleans to the same text — noise never
  moves an entity out of its place;
* noise added *after* an entity never changes its label.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import cluster_ner
from cluster_ner.cleaning import clean

SAMPLES = [
    "工信部公布45个国家先进制造业集群。",
    "長沙市工程機械產業集群產值突破3000億元。",
    "浙江省经信厅发布通知。",
    "2023年苏州市生物医药产业集群产值超过2000亿元，同比增长12.5%。",
    "广东省工业和信息化厅表示，全省共有企业1200家。",
]
_SURROGATE = re.compile("[\ud800-\udfff]")
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_spans_valid(text: str, df) -> None:
    text = _SURROGATE.sub("\ufffd", text)  # rows show lone surrogates as U+FFFD
    prev_end = 0
    for row in df.itertuples():
        start, end = int(row.start), int(row.end)
        assert 0 <= start < end <= len(text)
        assert text[start:end] == row.text
        assert start >= prev_end
        prev_end = end


@SETTINGS
@given(st.text(max_size=200))
def test_span_invariants_random_unicode(text):
    assert_spans_valid(text, cluster_ner.extract(text))


_ALPHABET = st.sampled_from(list("工信部省市集群产业园区0123456789%亿万元个家，。(（)）<>&;#\u200b\u3000 \nabc"))


@SETTINGS
@given(st.text(_ALPHABET, max_size=120))
def test_span_invariants_entity_alphabet(text):
    assert_spans_valid(text, cluster_ner.extract(text))


# --- noise -----------------------------------------------------------------------

PINYIN = ["(chǎn)", "(yè)", "(zhong)(zhong)", "(jí)", "(qún)"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f"]
TAGS = ["<b>", "</b>", "<span class=\"x\">", "</span>", "<!-- c -->", "<i>", "</i>"]


@st.composite
def noisy(draw, sentence: str):
    """``sentence`` with noise inserted; returns (noisy, owner) where ``owner[j]``
    is the noisy index of clean character ``j``."""
    out: list[str] = []
    owner: list[int] = []
    n = len(sentence)
    for j, ch in enumerate(sentence):
        if ch.isdigit() and draw(st.booleans()):
            ch = ch.translate(_FULLWIDTH_DIGITS)
        owner.append(len("".join(out)))
        out.append(ch)
        if j == n - 1:
            break
        kind = draw(st.sampled_from(["none", "none", "none", "pinyin", "zw", "tag"]))
        if kind == "pinyin" and re.match(r"[\u4e00-\u9fff]", ch):
            out.append(draw(st.sampled_from(PINYIN)))
        elif kind == "zw":
            out.append(draw(st.sampled_from(ZERO_WIDTH)))
        elif kind == "tag":
            out.append(draw(st.sampled_from(TAGS)))
    return "".join(out), owner


@st.composite
def sample_with_noise(draw):
    sentence = draw(st.sampled_from(SAMPLES))
    text, owner = draw(noisy(sentence))
    return sentence, text, owner


@SETTINGS
@given(sample_with_noise())
def test_noise_never_moves_an_entity(case):
    sentence, text, owner = case
    noisy_df = cluster_ner.extract(text)
    assert_spans_valid(text, noisy_df)
    clean_df = cluster_ner.extract(sentence)
    noisy_spans = {(int(r.start), int(r.end)): r for r in noisy_df.itertuples()}
    for row in clean_df.itertuples():
        s, e = int(row.start), int(row.end)
        raw_s, raw_e = owner[s], owner[e - 1] + 1
        # the clean entity's place in the noisy text holds the same cleaned text
        assert clean(text[raw_s:raw_e]).text == clean(sentence[s:e]).text
        hit = noisy_spans.get((raw_s, raw_e))
        if hit is not None:  # found there too: same label, same normalized text
            assert hit.label == row.label
            assert hit.norm_text == row.norm_text


@SETTINGS
@given(
    st.sampled_from(SAMPLES),
    st.lists(st.sampled_from(PINYIN + ZERO_WIDTH + TAGS), min_size=1, max_size=4).map("".join),
)
def test_noise_after_an_entity_keeps_its_label(sentence, noise):
    clean_df = cluster_ner.extract(sentence)
    for row in clean_df.itertuples():
        e = int(row.end)
        text = sentence[:e] + noise + sentence[e:]
        noisy_df = cluster_ner.extract(text)
        assert_spans_valid(text, noisy_df)
        same = [r for r in noisy_df.itertuples() if (int(r.start), int(r.end)) == (int(row.start), e)]
        assert same, (row.text, noise, [(r.label, r.text) for r in noisy_df.itertuples()])
        assert same[0].label == row.label
        assert same[0].text == row.text  # noise after the last character is not covered


@pytest.mark.slow
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_span_invariants_random_unicode_long(text):
    assume(text)
    assert_spans_valid(text, cluster_ner.extract(text))
