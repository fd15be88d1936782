"""The input contract: what ``extract`` and friends accept, and the error for what they do not.

* a document is ``str`` (taken as it is) or ``bytes`` (decoded: UTF-8, then
  GB18030/GBK or Big5); anything else is a ``TypeError`` naming the argument;
* ``texts`` is an iterable of documents — a list, a generator, a pandas
  Series — never a single ``str``/``bytes`` (which would be read as one
  document per character) nor ``None``;
* ``ids`` and ``dates``, when given, have exactly one item per text: a
  mismatch is a ``ValueError``, never a silently shorter result;
* a document date is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, a ``date`` /
  ``datetime`` / pandas ``Timestamp``, or missing (``None``, ``NaN``, ``NaT``).
"""

from __future__ import annotations

import datetime as _dt
import math
import operator
import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from .errors import InputDecodeError, Messages

ENCODINGS = ("utf-8", "gb18030", "big5")

Item = tuple[Any, Any, "str | None"]
"""``(text, doc_id, date)`` of one document, as read from the input."""


def decode_bytes(data: bytes, *, arg: str = "text") -> str:
    """Decode bytes of Chinese text, trying UTF-8, then GB18030 and Big5.

    When both GB18030 and Big5 decode without error, the one whose result has
    more everyday Han characters wins.

    Raises:
        InputDecodeError: no encoding fits; the message names those tried.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from .cleaning import _common_han

    common = _common_han()
    best: tuple[int, str] | None = None
    for enc in ENCODINGS[1:]:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = sum(ch in common for ch in text)
        if best is None or score > best[0]:
            best = (score, text)
    if best is None:
        raise InputDecodeError(
            Messages.UNDECODABLE.format(arg=arg, n_bytes=len(data), encodings=", ".join(ENCODINGS))
        )
    return best[1]


def coerce_text(text: Any, *, arg: str = "text") -> str:
    """One document: ``str`` as is, ``bytes`` decoded, else ``TypeError`` naming ``arg``."""
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        return decode_bytes(bytes(text), arg=arg)
    raise TypeError(Messages.NOT_TEXT.format(arg=arg, type_name=type(text).__name__))


def check_nlp(nlp: Any) -> Language | None:
    """``nlp`` is ``None`` (the shipped pipeline) or a spaCy ``Language``."""
    if nlp is not None and not isinstance(nlp, Language):
        raise TypeError(Messages.NOT_PIPELINE.format(type_name=type(nlp).__name__))
    return nlp


def check_texts(texts: Any, *, arg: str = "texts") -> Any:
    """``texts`` is an iterable of documents (not one document, not ``None``)."""
    if isinstance(texts, (str, bytes, bytearray, memoryview)):
        raise TypeError(Messages.TEXTS_IS_ONE_TEXT.format(arg=arg, type_name=type(texts).__name__))
    if texts is None or not isinstance(texts, Iterable):
        raise TypeError(Messages.TEXTS_NOT_ITERABLE.format(arg=arg, type_name=type(texts).__name__))
    return texts


def positive_int(value: Any, *, arg: str) -> int:
    """A whole number ≥ 1 (``3``, ``3.0``); ``None``, ``NaN``, ``True``, ``0`` and ``-1`` are errors."""
    if isinstance(value, bool) or value is None:
        raise ValueError(Messages.NOT_POSITIVE_INT.format(arg=arg, value=value))
    try:
        n = operator.index(value)
    except TypeError:
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            n = int(value)
        else:
            raise ValueError(Messages.NOT_POSITIVE_INT.format(arg=arg, value=value)) from None
    if n < 1:
        raise ValueError(Messages.NOT_POSITIVE_INT.format(arg=arg, value=value))
    return n


_DATE_RE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")


def normalize_date(value: Any, *, arg: str = "date") -> str | None:
    """A document date as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; ``None`` when missing.

    Accepts those strings (``/`` and ``.`` separators too, a time after the
    date is ignored), ``datetime.date``/``datetime``, pandas ``Timestamp`` and
    missing values (``None``, ``NaN``, ``NaT``, ``""``).

    Raises:
        ValueError: anything else, naming ``arg``.
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)) or hasattr(value, "to_pydatetime"):
        try:
            return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        except (AttributeError, ValueError):
            pass
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        m = _DATE_RE.match(s)
        if m is not None and (m.end() == len(s) or not s[m.end()].isdigit()):
            year, month, day = m.group(1), m.group(2), m.group(3)
            try:
                if day is not None:
                    return _dt.date(int(year), int(month), int(day)).isoformat()
                if month is not None and 1 <= int(month) <= 12:
                    return f"{year}-{int(month):02d}"
                if month is None:
                    return year
            except ValueError:
                pass
    raise ValueError(Messages.BAD_DATE.format(arg=arg, value=value))


def length(texts: Any) -> int | None:
    """``len(texts)`` when it has one (a list, a Series), else ``None`` (a generator)."""
    try:
        return len(texts)
    except TypeError:
        return None


def _count() -> Iterator[int]:
    n = 0
    while True:
        yield n
        n += 1


def _values(x: Any) -> Any:
    """A pandas Series' values in order (its index is not the order); anything else as it is."""
    return list(x.values) if hasattr(x, "iloc") and hasattr(x, "values") else x


def pair_inputs(texts: Any, ids: Iterable[Any] | None = None, dates: Iterable[Any] | None = None) -> Iterator[Item]:
    """``(text, doc_id, date)`` for every text, strictly one id and one date per text.

    Ids default to a Series' index, else the positions 0, 1, 2 …; dates are
    normalized (:func:`normalize_date`). Lengths known up front are checked
    at the call; a lazy ``ids`` or ``dates`` that runs out early (or late)
    raises when that is found out, after the documents paired so far.

    Raises:
        TypeError: ``texts`` is one document or not iterable.
        ValueError: ``ids`` or ``dates`` do not have one item per text.
    """
    check_texts(texts)
    n_texts = length(texts)
    for name, given in (("ids", ids), ("dates", dates)):
        if given is not None:
            check_texts(given, arg=name)
            n = length(given)
            if n is not None and n_texts is not None and n != n_texts:
                raise ValueError(Messages.INPUT_LENGTH.format(arg=name, n_items=n, n_texts=n_texts))
    if ids is None and hasattr(texts, "iloc") and getattr(texts, "index", None) is not None:
        ids = list(texts.index)  # a pandas Series: its index names the documents
    return _paired(_values(texts), ids, None if dates is None else _values(dates))


_END = object()


def _paired(texts: Iterable[Any], ids: Iterable[Any] | None, dates: Iterable[Any] | None) -> Iterator[Item]:
    id_iter = iter(ids) if ids is not None else _count()
    date_iter = iter(dates) if dates is not None else None
    n = 0
    for text in texts:
        doc_id = next(id_iter, _END)
        if doc_id is _END:
            raise ValueError(Messages.INPUT_RAN_OUT.format(arg="ids", n=n))
        date = None
        if date_iter is not None:
            raw = next(date_iter, _END)
            if raw is _END:
                raise ValueError(Messages.INPUT_RAN_OUT.format(arg="dates", n=n))
            try:
                date = normalize_date(raw, arg=f"dates[{n}]")
            except ValueError as exc:
                yield text, doc_id, exc  # type: ignore[misc]  # reported as that document's error
                n += 1
                continue
        yield text, doc_id, date
        n += 1
    for name, rest in (("ids", None if ids is None else id_iter), ("dates", date_iter)):
        if rest is not None and next(rest, _END) is not _END:
            raise ValueError(Messages.INPUT_LEFT_OVER.format(arg=name, n=n))
