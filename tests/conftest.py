"""Shared fixtures: the pipeline (loaded once) and the ../shared gold, when present."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import cluster_ner
from cluster_ner.corpus import GoldDoc, read_jsonl

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return cluster_ner.load()


@pytest.fixture(scope="session")
def rules_nlp():
    return cluster_ner.load(rules_only=True)


@pytest.fixture(scope="session")
def seed_gold() -> list[GoldDoc]:
    path = SHARED / "gold" / "seeds.jsonl"
    if not path.exists():
        pytest.skip("../shared/gold/seeds.jsonl is not present")
    return list(read_jsonl(path))


def entities(nlp, text: str) -> list[tuple[str, str]]:
    """(label, text) of each entity, in order — the compact form tests compare."""
    return [(e.label_, e.text) for e in nlp(text).ents]


def raw_entities(text: str, nlp=None) -> list[tuple[str, str, int, int]]:
    df = cluster_ner.extract(text, nlp=nlp)
    return [(r.label, r.text, int(r.start), int(r.end)) for r in df.itertuples()]


# A document carrying this marker makes the pipeline raise (see poison_nlp).
POISON = "§POISON§"


@Language.component("test_poison_raiser")
def _poison_raiser(doc):
    if POISON in doc.text:
        raise RuntimeError("poisoned document")
    return doc


@pytest.fixture(scope="session")
def poison_nlp():
    """The default pipeline plus a first component that raises on POISON."""
    nlp = cluster_ner.load()
    nlp.add_pipe("test_poison_raiser", first=True)
    return nlp
