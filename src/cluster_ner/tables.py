"""Tidy tables for analysis: one row per metric, with what it is about and when.

:func:`metric_table` turns any frame of cluster_ner (one document's,
``extract_many``'s, or one read back from its CSV or Parquet) into one row per
METRIC with the columns of :data:`METRIC_COLUMNS`: whose number it is
(``subject``, ``subject_kind``), what is measured, when (``period``), whether
it happened (``status``), whether it is a change, and how much. Its docstring
(and the README, "Metrics over time") shows the pandas recipe that pivots it
into subject × period for one measure: output value per cluster per year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import Messages
from .frame import COLUMNS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# column -> (pandas dtype, description), in the table's order; the dtypes and
# meanings are those of the same columns of cluster_ner.extract's frame.
METRIC_COLUMNS: dict[str, tuple[str, str]] = {
    name: COLUMNS[name]
    for name in (
        "doc_id",
        "doc_date",
        "subject",
        "subject_kind",
        "measure",
        "period",
        "status",
        "change",
        "value",
        "unit",
        "qualifier",
        "text",
        "sentence",
    )
}


def _number_text(value: Any) -> str:
    """A number read back from CSV as text: ``2023.0`` → ``"2023"``, ``12.5`` → ``"12.5"``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_string(col: "pd.Series") -> "pd.Series":
    """A column as pandas ``string``; numbers (a CSV's ``2023`` periods or ``0, 1`` ids) without ``.0``."""
    import pandas as pd

    dtype = col.dtype
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        col = col.map(_number_text, na_action="ignore")
    elif dtype == object and pd.api.types.infer_dtype(col, skipna=True) not in ("string", "empty"):
        col = col.map(_number_text, na_action="ignore")
    return col.astype("string")


def _as_float(col: "pd.Series", name: str) -> "pd.Series":
    import pandas as pd

    try:
        numbers = pd.to_numeric(col)
    except (TypeError, ValueError):
        bad = next((v for v in col if not pd.isna(v) and _not_number(v)), None)
        raise ValueError(Messages.FRAME_NOT_NUMBERS.format(what="metric_table", column=name, value=bad)) from None
    return numbers.astype("Float64")


def _not_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return True
    return False


def metric_table(frame: "pd.DataFrame") -> "pd.DataFrame":
    """One row per METRIC of a frame: what it is about, when, and how much.

    The columns, in this order (:data:`METRIC_COLUMNS`; the same dtypes and
    meanings as in ``cluster_ner.extract``'s frame):

    ============  =======  ==========================================================
    doc_id        string   the document's id
    doc_date      string   the document's date (YYYY-MM-DD, YYYY-MM or YYYY), <NA> when unknown
    subject       string   whose number it is: a cluster's fullest name, a body's canonical
                           name, a place, 中国; a group's head phrase (国家级集群)
    subject_kind  string   cluster / body / place / national / group / company / other
    measure       string   the thing measured (产值, 企业, GDP年均增长 …)
    period        string   when: 2023, 2023-H1, 2023-Q3, 2024-06, 2021/2025, 2019/..
    status        string   actual, or target (a goal, plan, quota or expectation)
    change        string   up, down, or <NA> (a level, a share, a count, a rank)
    value         Float64  the number after multipliers (5000亿 → 5e11; 三成 → 30 with unit %)
    unit          string   元, 家, %, 百分点 …
    qualifier     string   exact / approx / over / under / range
    text          string   the metric as written in your text
    sentence      string   the sentence it is in, as in your text
    ============  =======  ==========================================================

    Missing values are ``<NA>``. The rows keep the frame's order (documents
    in input order, metrics in text order), with a fresh index.

    Pivot it into subject × period for one measure (e.g. output value per
    cluster per year)::

        table = cluster_ner.metric_table(frame)
        output = table[
            table["measure"].str.endswith("产值", na=False)  # 产值, 总产值, 主导产业产值 …
            & table["status"].isin(["actual"])  # not the targets
            & table["unit"].isin(["元"])
        ]
        wide = output.pivot_table(index="subject", columns="period", values="value", aggfunc="max")

    Args:
        frame: a frame of :func:`cluster_ner.extract`, :func:`cluster_ner.extract_many`
            or :func:`cluster_ner.iter_frames`, or one read back from their CSV,
            JSONL or Parquet (numbers read back, such as a CSV's ``2023``
            periods, become text again: ``"2023"``). Its rows of other labels
            are left out; a frame without a ``label`` column (a metric table
            itself) is taken as metrics only.

    Returns:
        A new DataFrame with exactly the columns above and their dtypes
        (no rows when the frame has no metric).

    Raises:
        TypeError: ``frame`` is not a pandas DataFrame.
        ValueError: ``frame`` lacks one of the columns above (or ``label``),
            or its ``value`` column holds something that is not a number.
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError(Messages.NOT_A_FRAME.format(arg="frame", type_name=type(frame).__name__))
    missing = [c for c in METRIC_COLUMNS if c not in frame.columns]
    if missing and "label" not in frame.columns:
        missing = ["label", *missing]
    if missing:
        raise ValueError(Messages.FRAME_MISSING_COLUMNS.format(what="metric_table", missing=", ".join(missing)))
    rows = frame
    if "label" in frame.columns:
        rows = frame[frame["label"].isin(["METRIC"]).to_numpy(dtype=bool)]
    rows = rows.reset_index(drop=True)
    out = {
        name: _as_float(rows[name], name) if dtype == "Float64" else _as_string(rows[name])
        for name, (dtype, _) in METRIC_COLUMNS.items()
    }
    return pd.DataFrame(out)
