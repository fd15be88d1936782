"""The cleaning tokenizer: raw text in, a Doc of the working text out.

One token per character of the working text (Chinese has no spaces, and the
entities of the specification start and end on any character; measured against
jieba words in the README). The raw text and the alignment travel in
``doc.user_data`` so they survive ``Doc.to_bytes``, ``nlp.pipe(n_process=…)``
and ``DocBin``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .cleaning import Alignment, Cleaned, clean
from .spacy_internals import OrthCache, doc_from_chars

RAW_KEY = "cluster_ner.raw"
TEXT_KEY = "cluster_ner.text"
ALIGN_KEY = "cluster_ner.alignment"
BLOCKED_KEY = "cluster_ner.blocked"


class CleaningTokenizer:
    """Callable ``str -> Doc`` that cleans the text first (see :mod:`cleaning`)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._orths = OrthCache(vocab)  # orth ids skip hashing each character again

    def __call__(self, text: str) -> Doc:
        cleaned = clean(text)
        doc = doc_from_chars(self.vocab, cleaned.text, self._orths)
        store_cleaning(doc, cleaned)
        return doc

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # Nothing to save: the cleaner has no state. These keep nlp.to_disk happy.
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CleaningTokenizer":
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> "CleaningTokenizer":
        return self



@registry.tokenizers("cluster_ner.CleaningTokenizer.v1")
def create_cleaning_tokenizer() -> Any:
    """Registered factory, referenced from the pipeline config ``[nlp.tokenizer]``."""

    def make(nlp: Any) -> CleaningTokenizer:
        return CleaningTokenizer(nlp.vocab)

    return make


def store_cleaning(doc: Doc, cleaned: Cleaned) -> None:
    """Attach raw text, alignment and garbled ranges to ``doc``."""
    doc.user_data[RAW_KEY] = cleaned.raw
    doc.user_data[TEXT_KEY] = cleaned.text
    doc.user_data[ALIGN_KEY] = cleaned.alignment.to_list()
    doc.user_data[BLOCKED_KEY] = [list(r) for r in cleaned.blocked]


def working_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it: spaCy joins every token on each access.

    One token per character, so a cached text of the Doc's length is current.
    """
    cached = doc.user_data.get(TEXT_KEY)
    if cached is not None and len(cached) == len(doc):
        return cached
    return doc.text


def raw_text(doc: Doc) -> str:
    """The text as the user gave it (``doc.text`` when the Doc was made otherwise)."""
    raw = doc.user_data.get(RAW_KEY)
    return raw if raw is not None else doc.text


def alignment(doc: Doc) -> Alignment:
    """The working→raw alignment of ``doc`` (identity when it was not cleaned)."""
    flat = doc.user_data.get(ALIGN_KEY)
    if flat is None:
        n = len(doc.text)
        return Alignment(((0, 0, n, n),), n)
    return Alignment.from_list(flat)


def blocked_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Garbled working-text ranges where no entity may be reported."""
    return [tuple(r) for r in doc.user_data.get(BLOCKED_KEY, [])]  # type: ignore[misc]
