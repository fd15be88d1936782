"""Finding the words of a word list in text: tries, and regexes built from the list.

The grammars and recognizers derive their patterns from the data files that
:mod:`cluster_ner.lexicon` reads; these builders keep such patterns fast on
lexicons of thousands of words (one dict walk or one shared-prefix regex per
position instead of an alternation tried word by word). They read no resource;
:mod:`cluster_ner.lexicon` re-exports them, where callers use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["ReverseTrie", "Trie", "alternation", "ending_regex", "skipping", "trie_regex"]


# --- tries -------------------------------------------------------------------------


class ReverseTrie:
    """Words stored reversed, to find the words that *end* at a position.

    Recognizers read names leftwards from a head (``集群``, ``局``); walking a
    trie of reversed words costs one dict lookup per character, whatever the
    size of the lexicon.
    """

    def __init__(self, words: Iterable[tuple[str, str]] = ()) -> None:
        self._root: dict = {}
        for word, tag in words:
            self.add(word, tag)

    def add(self, word: str, tag: str = "") -> None:
        node = self._root
        for ch in reversed(word):
            node = node.setdefault(ch, {})
        node.setdefault("", tag)  # the first tag given for a word wins

    def ending_at(self, text: str, pos: int, floor: int = 0) -> list[tuple[int, str]]:
        """``(start, tag)`` of every word ``text[start:pos]`` (``start >= floor``), shortest first."""
        node = self._root
        out: list[tuple[int, str]] = []
        i = pos - 1
        while i >= floor and text[i] in node:
            node = node[text[i]]
            if "" in node:
                out.append((i, node[""]))
            i -= 1
        return out

    def longest_ending_at(self, text: str, pos: int, floor: int = 0) -> tuple[int, str] | None:
        """The longest word ending at ``pos``, or None (``ending_at(...)[-1]`` without the list)."""
        node = self._root
        best: tuple[int, str] | None = None
        i = pos - 1
        while i >= floor:
            node = node.get(text[i])
            if node is None:
                break
            if "" in node:
                best = (i, node[""])
            i -= 1
        return best


class Trie:
    """Words to find in running text, leftmost-longest and without overlaps.

    The same matches as ``re.finditer(trie_regex(words), text)``, several
    times faster on a lexicon of thousands: ``re`` tries the alternatives of a
    position one by one, where this walks one dict per character, and a
    character class skips (in C) to the positions a word can start at — a
    first character of a word followed by a second character of one.
    """

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._root: dict = {}
        for word in words:
            if not word:
                continue
            node = self._root
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = None
        singles = "".join(sorted(ch for ch, node in self._root.items() if "" in node))
        firsts = "".join(sorted(self._root))
        seconds = "".join(sorted({ch for node in self._root.values() for ch in node if ch}))
        starts = [f"[{re.escape(singles)}]"] if singles else []
        if seconds:
            starts.append(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
        self._start = re.compile("|".join(starts) or "(?!)")

    def longest_at(self, text: str, start: int, stop: int | None = None) -> int:
        """End of the longest word ``text[start:end]`` with ``end <= stop``, or -1."""
        node, end, i = self._root, -1, start
        n = len(text) if stop is None else min(stop, len(text))
        while i < n:
            node = node.get(text[i])
            if node is None:
                break
            i += 1
            if "" in node:
                end = i
        return end

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each match, left to right."""
        longest_at = self.longest_at
        pos = 0
        for m in self._start.finditer(text):
            start = m.start()
            if start < pos:
                continue
            end = longest_at(text, start)
            if end > 0:
                yield start, end
                pos = end


# --- regex helpers -----------------------------------------------------------------


def skipping(first_chars: str, pattern: str) -> str:
    """``pattern`` behind a lookahead on the characters its matches start with.

    A pattern without a literal prefix (an alternation of groups, a leading
    lookbehind) is entered at every position of the text; the lookahead skips,
    with one set test, the positions none of its matches can start at. The
    caller names ``first_chars``; the tests check each such pattern finds what
    it found without the skip.
    """
    return f"(?=[{re.escape(first_chars)}])(?:{pattern})"


def trie_regex(words: Iterable[str]) -> str:
    """A compact regex (no groups) matching any of ``words``, longest first.

    A plain alternation of thousands of literals is tried one by one at every
    position; a trie shares prefixes so each position costs one walk.
    """
    trie: dict[str, dict] = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [_escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        alt = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            if len(branches) == 1 and len(alt) > 1:
                alt = "(?:" + alt + ")"
            return alt + "?"
        return alt

    return build(trie)


def _escape(ch: str) -> str:
    return re.escape(ch)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so the longest wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def ending_regex(words: Iterable[str]) -> re.Pattern[str]:
    """One of ``words`` at the end of the searched stretch (``search(text, lo, hi)``)."""
    return re.compile(f"(?:{alternation(words)})$")
