"""cluster_ner.metric_table: one row per metric, on hand-made frames (any frame with the columns)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import cluster_ner
from cluster_ner.frame import COLUMNS, frame_from_rows
from cluster_ner.tables import METRIC_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ["doc_id", "doc_date", "subject", "subject_kind", "measure", "period", "status", "change", "value", "unit", "qualifier", "text", "sentence"]
CLUSTER = "苏州市纳米新材料集群"


def _metric(doc_id: str = "d1", subject: str | None = CLUSTER, period: str | None = "2023", value: float = 4.5e11, **fields: Any) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "doc_date": "2024-03-01", "label": "METRIC", "text": "4500亿元", "start": 10, "end": 16,
        "sentence": "集群产值4500亿元。", "value": value, "unit": "元", "qualifier": "exact", "measure": "产值",
        "subject": subject, "subject_kind": "cluster" if subject else None, "period": period, "status": "actual",
        "change": None,
    } | fields


def _other(label: str, doc_id: str = "d1") -> dict[str, Any]:
    return {"doc_id": doc_id, "label": label, "text": CLUSTER, "start": 0, "end": 10, "sentence": "…"}


@pytest.fixture()
def frame() -> pd.DataFrame:
    return frame_from_rows([
        _other("CLUSTER"),
        _metric(),
        _other("GOV"),
        _metric(period="2024", value=5e11, text="5000亿元", status="target"),
        _metric("d2", subject="无锡市物联网集群", period="2023", value=3e11, change="up"),
    ])


def test_one_row_per_metric_in_frame_order(frame):
    table = cluster_ner.metric_table(frame)
    assert list(table["text"]) == ["4500亿元", "5000亿元", "4500亿元"]
    assert list(table["doc_id"]) == ["d1", "d1", "d2"] and list(table.index) == [0, 1, 2]


def test_exactly_the_documented_columns_and_dtypes(frame):
    table = cluster_ner.metric_table(frame)
    assert list(table.columns) == list(METRIC_COLUMNS) == EXPECTED
    assert {c: str(t) for c, t in table.dtypes.items()} == {c: "Float64" if c == "value" else "string" for c in EXPECTED}


def test_the_columns_mean_what_the_frame_columns_mean():
    assert all(METRIC_COLUMNS[c] == COLUMNS[c] for c in EXPECTED)


def test_missing_values_are_na(frame):
    table = cluster_ner.metric_table(frame)
    assert table["change"].isna().tolist() == [True, True, False]


def test_a_frame_without_metrics_gives_an_empty_table_with_the_columns():
    table = cluster_ner.metric_table(frame_from_rows([_other("GOV")]))
    assert len(table) == 0 and list(table.columns) == EXPECTED and str(table["value"].dtype) == "Float64"


def test_the_empty_frame_of_extract_gives_an_empty_table():
    assert len(cluster_ner.metric_table(cluster_ner.extract(""))) == 0


def test_the_frame_is_not_changed(frame):
    before = frame.copy()
    cluster_ner.metric_table(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_a_metric_table_is_its_own_metric_table(frame):
    table = cluster_ner.metric_table(frame)
    pd.testing.assert_frame_equal(cluster_ner.metric_table(table), table)


def test_a_frame_read_back_from_csv_gives_the_same_table(frame, tmp_path):
    frame.to_csv(tmp_path / "f.csv", index=False)
    pd.testing.assert_frame_equal(cluster_ner.metric_table(pd.read_csv(tmp_path / "f.csv")), cluster_ner.metric_table(frame))


def test_numbers_read_back_from_csv_become_text_without_a_decimal_point(tmp_path):
    # ids 0, 1, dates 2024 and periods 2023 are read back as numbers, with gaps as floats
    frame = frame_from_rows([_metric("0", doc_date="2024"), _metric("1", period=None, doc_date=None)])
    frame.to_csv(tmp_path / "f.csv", index=False)
    back = pd.read_csv(tmp_path / "f.csv")
    assert back["period"].dtype == "float64"
    table = cluster_ner.metric_table(back)
    assert table["doc_id"].tolist() == ["0", "1"]
    assert table["period"].tolist() == ["2023", pd.NA] and table["doc_date"].tolist() == ["2024", pd.NA]


def test_a_frame_read_back_from_parquet_gives_the_same_table(frame, tmp_path):
    pytest.importorskip("pyarrow")
    frame.to_parquet(tmp_path / "f.parquet", index=False)
    pd.testing.assert_frame_equal(cluster_ner.metric_table(pd.read_parquet(tmp_path / "f.parquet")), cluster_ner.metric_table(frame))


def test_a_frame_of_plain_object_columns_gives_the_same_table(frame):
    plain = pd.DataFrame(frame.astype(object).where(frame.notna(), None).to_dict("records"))
    pd.testing.assert_frame_equal(cluster_ner.metric_table(plain), cluster_ner.metric_table(frame))


def test_a_frame_without_the_context_columns_is_refused(frame):
    with pytest.raises(ValueError, match=r"metric_table needs the column\(s\) subject, period of cluster_ner's frame"):
        cluster_ner.metric_table(frame.drop(columns=["subject", "period"]))


def test_a_frame_without_label_and_other_columns_names_label_too(frame):
    with pytest.raises(ValueError, match=r"needs the column\(s\) label, period"):
        cluster_ner.metric_table(frame.drop(columns=["label", "period"]))


def test_values_that_are_not_numbers_are_refused(frame):
    bad = frame.astype({"value": object})
    bad.loc[1, "value"] = "很多"
    with pytest.raises(ValueError, match="the column 'value' must hold numbers, got '很多'"):
        cluster_ner.metric_table(bad)


def test_something_else_than_a_frame_is_refused():
    with pytest.raises(TypeError, match="frame must be a pandas DataFrame .* got list"):
        cluster_ner.metric_table([_metric()])  # type: ignore[arg-type]


# --- the pivot recipe of the README and the docstring ------------------------------------------


def _recipe(text: str) -> str:
    """The recipe's code: from ``table = cluster_ner.metric_table(frame)`` to the pivot_table line."""
    m = re.search(r"^( *)table = cluster_ner\.metric_table\(frame\)\n.*?pivot_table\(.*?\)\n", text, re.S | re.M)
    assert m is not None, "recipe not found"
    return "\n".join(line[len(m.group(1)) :] for line in m.group(0).splitlines())


def test_readme_and_docstring_show_the_same_recipe():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _recipe(readme) == _recipe(cluster_ner.metric_table.__doc__ or "")


def test_the_recipe_pivots_output_value_per_subject_and_year():
    frame = frame_from_rows([
        _metric(period="2023", value=4.5e11),
        _metric(period="2023", value=4.4e11, measure="总产值"),  # the same figure again: max keeps one
        _metric(period="2024", value=5e11, measure="主导产业产值"),
        _metric(period="2027", value=8e11, status="target"),  # a target: left out
        _metric(period="2024", value=12.6, unit="%", measure="产值增速"),  # not 产值 in 元: left out
        _metric(period="2024", value=300, unit="家", measure="企业"),
        _metric(period="2023", value=3e11, subject="无锡市物联网集群", measure=None),  # no measure: left out
        _metric("d2", period="2023", value=3e11, subject="无锡市物联网集群"),
        _metric("d3", period=None, value=9e11),  # no period: left out
    ])
    wide = _run_readme_block(frame)["wide"]
    assert list(wide.index) == ["无锡市物联网集群", CLUSTER] and list(wide.columns) == ["2023", "2024"]
    assert wide.loc[CLUSTER, "2023"] == 4.5e11 and wide.loc[CLUSTER, "2024"] == 5e11
    assert wide.loc["无锡市物联网集群", "2023"] == 3e11 and pd.isna(wide.loc["无锡市物联网集群", "2024"])


def test_the_readme_puts_targets_beside_actuals():
    frame = frame_from_rows([
        _metric(period="2027", value=8e11, status="target"),
        _metric(period="2027", value=8.2e11, status="actual"),
        _metric(period="2023", value=4.5e11),
    ])
    plan = _run_readme_block(frame)["plan"]
    assert list(plan.columns) == ["actual", "target"]
    assert plan.loc[(CLUSTER, "2027")].tolist() == [8.2e11, 8e11]
    assert pd.isna(plan.loc[(CLUSTER, "2023"), "target"])


def _run_readme_block(frame: pd.DataFrame) -> dict[str, Any]:
    """Run the README's code block that starts with the metric table, on ``frame``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"```python\n(table = cluster_ner\.metric_table\(frame\)\n.*?)```", readme, re.S)
    assert m is not None, "README block not found"
    namespace: dict[str, Any] = {"cluster_ner": cluster_ner, "frame": frame}
    exec(m.group(1), namespace)  # noqa: S102 - the README's own code
    return namespace
