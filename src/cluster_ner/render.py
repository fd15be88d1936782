"""See the entities in the text: a displaCy entity view of the original text.

    >>> html = cluster_ner.render("無錫市物聯網集群目前集聚企業超3000家")  # doctest: +SKIP

The view shows the text exactly as the user gave it (traditional script,
pinyin noise and all), with each entity marked at its raw offsets — the same
``start``/``end`` as the DataFrame — in a fixed colour per label
(:data:`LABEL_COLORS`), and with what the pipeline made of it next to the label:
the value of a METRIC with whose number it is and when
(``METRIC · ≈5e11 元 · 苏州市纳米新材料集群 · 2024``), the full official name
of a GOV (``GOV · 无锡市发展和改革委员会``), the national list entry of a CLUSTER.
"""

from __future__ import annotations

import html as _html
import math
import re
from typing import Any

from spacy import displacy
from spacy.displacy.templates import TPL_ENT
from spacy.language import Language
from spacy.tokens import Doc

from .errors import check_offset_map
from .extensions import register_extensions
from .frame import doc_rows

# One colour per label, used for every entity of that label whatever its
# composed label text says.
LABEL_COLORS: dict[str, str] = {
    "CLUSTER": "#7fd6f5",  # light blue
    "GOV": "#ffc46b",  # amber
    "METRIC": "#a8e6a1",  # light green
}
# Between the label and what the pipeline made of the entity.
SEPARATOR = " · "
# How a METRIC's qualifier is written in front of its value.
QUALIFIER_SIGNS: dict[str, str] = {"exact": "", "approx": "≈", "over": ">", "under": "<"}
# What is shown after a METRIC's value, in this order (each when known).
METRIC_CONTEXT: tuple[str, ...] = ("subject", "period")

# units written against the number (12.6%), the others after a space (3000 家)
_TIGHT_UNITS = frozenset({"%", "‰"})
# displaCy's entity template, with the entity kept on one line (Chinese text
# breaks between any two characters, which would split a mark in two)
ENT_TEMPLATE = TPL_ENT.replace('<mark class="entity" style="', '<mark class="entity" style="white-space: nowrap; ', 1)
# Fonts with Chinese glyphs, in the order a browser should try them: Windows
# (Microsoft YaHei, SimHei), macOS (PingFang SC, Hiragino Sans GB, Heiti SC),
# Linux (Noto Sans CJK SC — Debian/Ubuntu package fonts-noto-cjk —, Source Han
# Sans SC, WenQuanYi Micro Hei / Zen Hei — fonts-wqy-microhei, fonts-wqy-zenhei).
CJK_FONTS: tuple[str, ...] = (
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "SimHei",
)
FONT_FAMILY = ", ".join(f"'{name}'" for name in CJK_FONTS) + ", sans-serif"
_SURROGATE = re.compile("[\ud800-\udfff]")
_ENTS_DIV = '<div class="entities" style="'
_BODY_FONT = "font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Segoe UI Symbol';"
_PAGE_HEAD = "<head>"
_PAGE_META = '<head>\n        <meta charset="utf-8">'


def format_value(value: float) -> str:
    """A METRIC value, short: ``3000``, ``12.6``, ``0.6667``, ``4.5e11``.

    Args:
        value: the number (``Span._.value``).

    Returns:
        At most six significant digits; exponent notation from one million up
        (written ``4.5e11``, not ``4.5e+11``).
    """
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if value == int(value) and abs(value) < 1e6:
        return str(int(value))
    text = f"{value:.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}e{int(exponent)}"
    return text


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN / pd.NA-safe enough for plain values
    except (TypeError, ValueError):
        return True


def describe(row: dict[str, Any]) -> str:
    """What the pipeline made of one entity, as shown after its label ('' for nothing).

    Args:
        row: one entity as a dict with the DataFrame's columns
            (:func:`cluster_ner.frame.doc_rows`).

    Returns:
        METRIC: qualifier sign (≈ approx, > over, < under), value and unit,
        ``#`` before a rank (``>3000 家``, ``≈4.5e11 元``, ``#1``), then its
        subject and period when known (``≈5e11 元 · 苏州市纳米新材料集群 · 2024``).
        GOV: the canonical name, when it differs from the cleaned entity.
        CLUSTER: ``national 2022`` for a cluster of a national list, with its
        official name first when that differs from the cleaned entity.
    """
    label = row.get("label")
    norm = row.get("norm_text")
    if label == "METRIC":
        parts = [_metric_value(row)] + [_text(row.get(name)) for name in METRIC_CONTEXT]
        return SEPARATOR.join(part for part in parts if part)
    if label == "GOV":
        canonical = row.get("canonical")
        return canonical if canonical and canonical != norm else ""
    if label == "CLUSTER":
        name = row.get("national_name")
        if not name:
            return ""
        year = row.get("national_year")
        national = "national" + ("" if _is_missing(year) else f" {int(year)}")
        return national if name == norm else f"{name} ({national})"
    return ""


def _text(value: Any) -> str:
    return "" if _is_missing(value) else str(value).strip()


def _metric_value(row: dict[str, Any]) -> str:
    """``>3000 家``, ``≈4.5e11 元``, ``12.6%``, ``#1``; ``""`` without a value."""
    value = row.get("value")
    if _is_missing(value):
        return ""
    sign = QUALIFIER_SIGNS.get(row.get("qualifier") or "exact", "")
    shown = sign + ("#" if row.get("kind") == "rank" else "") + format_value(float(value))
    unit = row.get("unit")
    if _is_missing(unit) or not unit:
        return shown
    return f"{shown}{unit}" if unit in _TIGHT_UNITS else f"{shown} {unit}"


def compose_label(row: dict[str, Any]) -> str:
    """The label text shown on an entity: ``METRIC · ≈4.5e11 元 · 无锡市物联网集群 · 2023``, or ``GOV`` alone."""
    extra = describe(row)
    return f"{row['label']}{SEPARATOR}{extra}" if extra else str(row["label"])


def displacy_options() -> dict[str, Any]:
    """Options for ``spacy.displacy.render(doc, style="ent", options=…)``: the three
    label colours (:data:`LABEL_COLORS`), only the three labels, and entities kept on
    one line.

    displaCy shows ``doc.text``, the **cleaned** text (simplified, noise removed);
    :func:`render` shows the original text with the same colours.
    """
    return {"ents": list(LABEL_COLORS), "colors": dict(LABEL_COLORS), "template": ENT_TEMPLATE}


def _manual_data(raw: str, rows: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, str]]:
    """displaCy manual data (raw text, raw offsets) and the colour of each composed label."""
    ents: list[dict[str, Any]] = []
    colors: dict[str, str] = dict(LABEL_COLORS)
    for row in rows:
        # displaCy puts the label into the markup as it is: escape it here
        label = _html.escape(compose_label(row), quote=True)
        colors[label] = LABEL_COLORS.get(str(row["label"]), "#dddddd")
        ents.append({"start": int(row["start"]), "end": int(row["end"]), "label": label})
    data = {"text": raw, "ents": ents, "title": None, "settings": {"lang": "zh", "direction": "ltr"}}
    return data, colors


def render(
    text_or_doc: str | bytes | Doc,
    jupyter: bool | None = None,
    *,
    page: bool = False,
    nlp: Language | None = None,
) -> str | None:
    """Show the entities of a text in the text, with displaCy's entity view.

    The text shown is the ORIGINAL text (as given, or as it was given to the
    pipeline that made ``doc``), with each entity marked at its raw offsets —
    the ``start``/``end`` of :func:`cluster_ner.extract`. Each label has one
    fixed colour (:data:`LABEL_COLORS`); the label text carries what the
    pipeline made of the entity (see :func:`describe`): a METRIC's value,
    subject and period (``METRIC · ≈5e11 元 · 苏州市纳米新材料集群 · 2024``),
    ``GOV · 无锡市发展和改革委员会``, ``CLUSTER · national 2022``.

    Args:
        text_or_doc: a document (``str``; ``bytes`` are decoded like
            :func:`cluster_ner.extract` does; any length), or a Doc made by a
            cluster_ner pipeline (``cluster_ner.load()(text)``).
        jupyter: ``True`` displays the view in the notebook and returns None;
            ``False`` returns the HTML; ``None`` (default) displays it when
            running in a Jupyter notebook and returns the HTML otherwise.
        page: return a standalone HTML page (``<!DOCTYPE html>``, UTF-8)
            instead of a fragment.
        nlp: the pipeline that processes a text (default: the shipped one);
            ignored for a Doc.

    Returns:
        The HTML markup, or None when it was displayed in a notebook.

    Raises:
        TypeError: ``text_or_doc`` is not ``str``, ``bytes`` or a ``Doc``.
        InputDecodeError: ``bytes`` that no supported encoding decodes.
        OffsetMapMissingError: a Doc saved without its user data
            (``DocBin(store_user_data=False)``).
    """
    from .documents import text_rows
    from .inputs import coerce_text
    from .pipeline import default_nlp
    from .tokenizer import raw_text

    register_extensions()
    if isinstance(text_or_doc, Doc):
        check_offset_map(text_or_doc)
        raw = raw_text(text_or_doc)
        rows = doc_rows(text_or_doc)
    else:
        raw = coerce_text(text_or_doc, arg="text_or_doc")
        pipeline = nlp if nlp is not None else default_nlp()
        rows = text_rows(pipeline, raw)
    # lone surrogates cannot be written out as UTF-8: U+FFFD, one for one (same offsets)
    raw = _SURROGATE.sub("\ufffd", raw)
    data, colors = _manual_data(raw, rows)
    markup = displacy.render(
        data, style="ent", manual=True, page=page, jupyter=False, options={"colors": colors, "template": ENT_TEMPLATE}
    )
    # Chinese glyphs: name the usual CJK fonts of Windows, macOS and Linux first
    markup = markup.replace(_ENTS_DIV, f"{_ENTS_DIV}font-family: {FONT_FAMILY}; ", 1)
    if page:
        markup = (
            markup.replace(_PAGE_HEAD, _PAGE_META, 1)
            .replace("<title>displaCy</title>", "<title>cluster_ner</title>", 1)
            .replace(_BODY_FONT, f"font-family: {FONT_FAMILY};", 1)
        )
    if jupyter or (jupyter is None and _in_jupyter()):
        from IPython.display import HTML, display

        # the span keeps MathJax from reading $ … $ in the text as formulas
        display(HTML(f'<span class="tex2jax_ignore">{markup}</span>'))
        return None
    return markup


def _in_jupyter() -> bool:
    from spacy.util import is_in_jupyter

    return bool(is_in_jupyter())
