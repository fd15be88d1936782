"""The lexicon helpers: the forward trie finds what the trie regex finds, and a
pattern behind its first-character skip finds what the pattern finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_ner import lexicon
from cluster_ner.corpus import read_jsonl
from cluster_ner.grammar import cluster, gov, metric

from conftest import ROOT

WORDS = ["北京", "北京市", "京东", "东城区", "长沙", "长沙市", "沙市", "市"]


def regex_spans(words: list[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(lexicon.trie_regex(words), text)]


def test_trie_takes_the_longest_word_then_moves_past_it():
    assert list(lexicon.Trie(WORDS).finditer("北京市东城区与长沙市")) == [(0, 3), (3, 6), (7, 10)]


def test_trie_restarts_after_a_prefix_that_is_no_word():
    # 东城 is a prefix of 东城区 but no word: the walk starts again at 城.
    assert list(lexicon.Trie(["东城区", "城"]).finditer("东城公园")) == [(1, 2)]


def test_empty_trie_finds_nothing():
    assert list(lexicon.Trie([]).finditer("北京市")) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="北京市东城区长沙与", max_size=40))
def test_trie_matches_the_trie_regex(text):
    assert list(lexicon.Trie(WORDS).finditer(text)) == regex_spans(WORDS, text)


def test_place_trie_matches_the_place_regex_on_the_dev_corpus():
    words = list(lexicon.place_index())
    trie = lexicon.Trie(words)
    texts = [doc.text for doc in read_jsonl(ROOT / "corpus" / "dev.jsonl")]
    assert sum(len(regex_spans(words, t)) for t in texts) > 200  # the corpus names many places
    for text in texts:
        assert list(trie.finditer(text)) == regex_spans(words, text)


@pytest.mark.parametrize(
    ("first", "pattern"),
    [
        gov.head_patterns()["place"],
        gov.head_patterns()["domain"],
        (cluster.head_first(), cluster.head_pattern()),
        (metric.RANK_FIRST, metric.RANK_PATTERN),
    ],
    ids=["gov place heads", "gov domain heads", "cluster heads", "metric ranks"],
)
def test_a_skipping_pattern_finds_what_the_pattern_finds(first, pattern):
    plain, skipping = re.compile(pattern), re.compile(lexicon.skipping(first, pattern))
    texts = [doc.text for doc in read_jsonl(ROOT / "corpus" / "dev.jsonl")]
    found = [[m.span() for m in plain.finditer(t)] for t in texts]
    assert sum(map(len, found)) > 20
    assert [[m.span() for m in skipping.finditer(t)] for t in texts] == found
