"""Raw web text → working text, with a map back to the raw offsets.

Cleaning is what lets the recognizers see ``产业集群`` where the page says
``產(chǎn)業(yè)集群``. Every step is a per-character map, so any span of the
working text maps back to the exact characters of the text the user gave:

* full-width ASCII folded (``１２００`` → ``1200``, ``（`` → ``(``) — 1:1;
* pinyin annotations ``(chǎn)``, ``(zhong)(zhong)`` after a Han character,
  zero-width / bidi / control characters, lone surrogates and HTML tags
  deleted; HTML entities decoded — these change lengths and are recorded as
  edits;
* traditional → simplified with OpenCC (character for character);
* garbled (mojibake) stretches detected and returned as ``blocked`` ranges in
  which no entity may be reported.

The raw span of working span ``[s, e)`` is ``(starts[s], ends[e - 1])``:
noise *inside* an entity lies between those and is covered, noise *after* its
last character is not — the noise rule of the annotation specification.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from functools import lru_cache

from .constants import HAN

# --- 1:1 folding ----------------------------------------------------------------

# Full-width ASCII block U+FF01..U+FF5E → ASCII, ideographic space → space.
_FULLWIDTH = {chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH["\u3000"] = " "
# Line breaks other than \n and \r (vertical tab, form feed, NEL, line and
# paragraph separators) become \n: they end a line, and so a sentence.
_FULLWIDTH.update({ch: "\n" for ch in "\x0b\x0c\x85\u2028\u2029"})
# re.sub over the few characters folded: str.translate with a dict costs a
# lookup for every character of the text.
_FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000\x0b\x0c\x85\u2028\u2029]")


def _fold_char(m: re.Match[str]) -> str:
    return _FULLWIDTH[m.group()]


# A table written with ideographic spaces between its cells (指标　2025年　2030年 ⏎
# 规上工业增加值（亿元）　2860　4150): those spaces fold to tabs, not spaces, so the table
# readers see its columns (1:1, offsets unchanged). A line is a row when ideographic
# spaces part at least three cells; a block of such lines is a table when two of its
# lines hold a number cell (a dateline 2025-01-21　来源：…　转载：… is none).
_CELL_GAP = re.compile(r"(?<=\S)\u3000+(?=\S)")
_NUMBER_CELL = re.compile(r"(?:^|\u3000)-?[\d.,]+%?(?=\u3000|$)")


def _fold_table_spaces(folded: str, raw: str) -> str:
    """``folded`` with the ideographic spaces of ``raw``'s tables folded to tabs."""
    lines = raw.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    rows = [len(_CELL_GAP.findall(line)) >= 2 for line in lines]
    out: list[str] | None = None
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and rows[j]:
            j += 1  # [k, j): a block of rows (empty when line k is none)
        if sum(1 for i in range(k, j) if _NUMBER_CELL.search(lines[i])) >= 2:
            out = out or list(folded)
            for i in range(k, j):
                for m in _CELL_GAP.finditer(lines[i]):
                    out[starts[i] + m.start() : starts[i] + m.end()] = "\t" * (m.end() - m.start())
        k = max(j, k + 1)
    return "".join(out) if out is not None else folded

# Chinese punctuation is kept (sentence splitting and quotes rely on it), but the
# full-width forms above already cover （）％，：； which fold to ASCII.

# --- edits (length-changing) ----------------------------------------------------

_PINYIN_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
_INVISIBLE = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe00-\ufe0f"
_CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # not the line breaks folded above
_EDITS = re.compile(
    # The lookahead names every character an edit starts with: one set test
    # skips the rest (the pinyin branch's lookbehind would otherwise be tried
    # at every position).
    rf"(?=[(<&{_INVISIBLE}{_CONTROL}\ud800-\udfff])"
    rf"(?:(?P<pinyin>(?<=[{HAN}])(?:\([{_PINYIN_LETTERS}]{{1,7}}\))+)"
    r"|(?P<tag><!--.{0,2000}?-->|</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,1000})?/?>)"
    r"|(?P<entity>&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});)"
    rf"|(?P<invisible>[{_INVISIBLE}])"
    rf"|(?P<control>[{_CONTROL}])"
    r"|(?P<surrogate>[\ud800-\udfff]))",
    re.S,
)
_BLOCK_TAGS = re.compile(r"</?(?:p|br|div|li|tr|td|th|h[1-6]|table|ul|ol|section|article|hr)\b", re.I)

# Pinyin syllables: optional initial + a final. Tone marks are folded first.
_TONELESS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvennnm"
)
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|a|o|e|i|u|v|n|m|ng)"
)


def _is_pinyin_group(group: str) -> bool:
    """``(chǎn)(yè)`` → True when every parenthesised part is a pinyin syllable."""
    for part in group[1:-1].split(")("):
        if not _SYLLABLE.fullmatch(part.lower().translate(_TONELESS)):
            return False
    return True


# --- garbled text ---------------------------------------------------------------


@lru_cache(maxsize=1)
def _common_han() -> frozenset[str]:
    """Han characters of everyday text: GB2312 level 1 ∪ Big5 level 1 (≈7,700)."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):  # GB2312 level 1: rows 16–55
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA4, 0xC7):  # Big5 level 1: A440–C67E
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes([hi, lo]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@lru_cache(maxsize=1)
def _odd_char_re() -> re.Pattern[str]:
    """Characters typical of mojibake: rare Han, bopomofo, '?', U+FFFD, PUA."""
    common = _common_han()
    odd = [chr(cp) for cp in range(0x4E00, 0xA000) if chr(cp) not in common]
    odd += [chr(cp) for cp in range(0x3400, 0x4DC0)]
    ranges: list[tuple[int, int]] = []
    for ch in odd:
        cp = ord(ch)
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    body = "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return re.compile(f"[{body}\\u3100-\\u312f\\ue000-\\uf8ff\\ufffd?]")


_LATIN1_MOJIBAKE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf]+(?:[\u00c2-\u00ef][\u0080-\u00bf]+)+")  # starts with a class: re skips to it in C
_GARBLE_WINDOW = 6  # 3 odd characters within 6 make a garbled stretch
_GARBLE_MIN_ODD = 3


def find_garbled(text: str) -> list[tuple[int, int]]:
    """Return merged ``[start, end)`` ranges of ``text`` that look like mojibake."""
    ranges: list[tuple[int, int]] = []
    pos = [m.start() for m in _odd_char_re().finditer(text)]
    k = _GARBLE_MIN_ODD - 1
    for i in range(len(pos) - k):
        if pos[i + k] - pos[i] < _GARBLE_WINDOW:
            ranges.append((pos[i], pos[i + k] + 1))
    ranges += [m.span() for m in _LATIN1_MOJIBAKE.finditer(text)]
    return _merge(ranges)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# --- traditional → simplified ---------------------------------------------------


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: only cleaning needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (1:1 characters)."""
    if not text or text.isascii():
        return text
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    # A phrase rule changed the length: convert character by character instead.
    conv = _t2s().convert
    return "".join(c if len(s := conv(c)) != 1 else s for c in text)


# --- the alignment --------------------------------------------------------------


@dataclass(frozen=True)
class Alignment:
    """Maps working-text positions to raw-text positions.

    Stored as segments ``(work_start, raw_start, work_len, raw_len)`` sorted by
    ``work_start``: copied stretches have ``work_len == raw_len``; replaced ones
    (an HTML entity → one character) map every working character to the whole
    raw stretch. Deleted raw stretches own no working character.
    """

    segments: tuple[tuple[int, int, int, int], ...]
    raw_length: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", [s[0] for s in self.segments])

    def _segment(self, i: int) -> tuple[int, int, int, int]:
        k = bisect.bisect_right(self._keys, i) - 1  # type: ignore[attr-defined]
        return self.segments[k]

    def raw_start(self, i: int) -> int:
        """Raw offset of the first character behind working character ``i``."""
        ws, rs, wl, rl = self._segment(i)
        return rs + (i - ws) if wl == rl else rs

    def raw_end(self, i: int) -> int:
        """Raw offset just after the characters behind working character ``i``."""
        ws, rs, wl, rl = self._segment(i)
        return rs + (i - ws) + 1 if wl == rl else rs + rl

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``[start, end)`` of the working span ``[start, end)`` (``end > start``)."""
        return self.raw_start(start), self.raw_end(end - 1)

    def to_list(self) -> list[int]:
        """Flat list for msgpack-friendly storage in ``Doc.user_data``."""
        return [self.raw_length] + [v for seg in self.segments for v in seg]

    @classmethod
    def from_list(cls, flat: list[int]) -> "Alignment":
        it = flat[1:]
        segs = tuple(tuple(it[i : i + 4]) for i in range(0, len(it), 4))
        return cls(segs, flat[0])  # type: ignore[arg-type]


@dataclass(frozen=True)
class Cleaned:
    """The result of :func:`clean`."""

    raw: str
    text: str
    alignment: Alignment
    blocked: tuple[tuple[int, int], ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        return self.alignment.to_raw(start, end)


def _replacement(m: re.Match[str]) -> str | None:
    """What an edit match becomes in the working text (None: keep it as is)."""
    kind = m.lastgroup
    s = m.group()
    if kind == "pinyin":
        return "" if _is_pinyin_group(s) else None
    if kind == "tag":
        return "\n" if _BLOCK_TAGS.match(s) else ""
    if kind == "entity":
        out = html.unescape(s)
        if out == s:
            return None
        out = out.replace("\xa0", " ")
        return out if len(out) == 1 and not ("\ud800" <= out <= "\udfff") else " "
    if kind == "control":
        return " " if s in "\x0b\x0c\x85" else ""
    return ""  # invisible, surrogate


def clean(raw: str) -> Cleaned:
    """Clean ``raw`` into the working text the recognizers read.

    Args:
        raw: the text exactly as the user gave it.

    Returns:
        A :class:`Cleaned` with the working text, its alignment to ``raw`` and
        the garbled ranges (in working-text offsets).
    """
    folded = _FULLWIDTH_RE.sub(_fold_char, raw)
    if "\u3000" in raw:
        folded = _fold_table_spaces(folded, raw)
    parts: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    w = r = 0
    for m in _EDITS.finditer(folded):
        rep = _replacement(m)
        if rep is None:
            continue
        ms, me = m.span()
        if ms > r:
            parts.append(folded[r:ms])
            segments.append((w, r, ms - r, ms - r))
            w += ms - r
        if rep:
            parts.append(rep)
            segments.append((w, ms, len(rep), me - ms))
            w += len(rep)
        r = me
    if r < len(folded) or not segments:
        parts.append(folded[r:])
        segments.append((w, r, len(folded) - r, len(folded) - r))
    text = to_simplified("".join(parts))
    return Cleaned(raw, text, Alignment(tuple(segments), len(raw)), tuple(find_garbled(text)))
