"""cluster_ner.render: the displaCy entity view of the original text."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import cluster_ner
from cluster_ner.render import LABEL_COLORS, SEPARATOR, describe, format_value

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "sample.txt"
CHROMIUM = Path("/usr/bin/chromium")

# <mark class="entity" style="… background: #xxxxxx; …"> TEXT <span …>LABEL</span></mark>
MARK = re.compile(
    r'<mark class="entity" style="[^"]*background: (?P<color>#[0-9a-fA-F]{6});[^"]*">\s*'
    r"(?P<text>.*?)\s*<span[^>]*>(?P<label>.*?)</span>\s*</mark>",
    re.S,
)


def marks(markup: str) -> list[tuple[str, str, str]]:
    """(text, label, colour) of each entity mark, unescaped."""
    return [(html.unescape(m["text"]), html.unescape(m["label"]), m["color"]) for m in MARK.finditer(markup)]


def value_label(label: str) -> str:
    """A METRIC label up to its value (``METRIC · ≈4.5e11 元``), without the subject and period after it."""
    return SEPARATOR.join(label.split(SEPARATOR)[:2]) if label.startswith("METRIC") else label


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample_html(sample: str) -> str:
    out = cluster_ner.render(sample, jupyter=False)
    assert isinstance(out, str)
    return out


def test_every_entity_is_marked_with_its_raw_text_and_label(sample: str, sample_html: str) -> None:
    df = cluster_ner.extract(sample)
    got = marks(sample_html)
    assert len(got) == len(df) > 10
    for (text, label, _), row in zip(got, df.itertuples()):
        assert text == row.text == sample[row.start : row.end]  # raw text, raw offsets
        assert label.split(" · ")[0] == row.label


def test_original_text_is_shown_not_the_cleaned_text(sample_html: str) -> None:
    plain = html.unescape(re.sub(r"<[^>]+>", "", sample_html))
    assert "產業(yè)動態" in plain  # traditional script and pinyin noise as given
    assert "产业动态" not in plain
    assert "無錫市物聯網集群" in plain


def test_colours_are_fixed_per_label(sample: str, sample_html: str) -> None:
    assert set(LABEL_COLORS) == {"CLUSTER", "GOV", "METRIC"}
    assert len(set(LABEL_COLORS.values())) == 3
    seen = set()
    for _, label, colour in marks(sample_html):
        base = label.split(" · ")[0]
        assert colour == LABEL_COLORS[base], (label, colour)
        seen.add(base)
    assert seen == set(LABEL_COLORS)
    # the same colours whatever the text
    other = cluster_ner.render("工信部公布45个国家先进制造业集群，广东省广深佛莞智能装备产业集群在列。", jupyter=False)
    for _, label, colour in marks(other):
        assert colour == LABEL_COLORS[label.split(" · ")[0]]


def test_labels_carry_value_and_canonical_name(sample_html: str) -> None:
    labels = {text: value_label(label) for text, label, _ in marks(sample_html)}
    assert labels["市發改委"] == "GOV · 无锡市发展和改革委员会"
    assert labels["市工信局"] == "GOV · 无锡市工业和信息化局"
    assert labels["約4500億元"] == "METRIC · ≈4.5e11 元"
    assert labels["超3000家"] == "METRIC · >3000 家"
    assert labels["12.6%"] == "METRIC · 12.6%"
    assert labels["6000億元"] == "METRIC · 6e11 元"
    assert labels["無錫市物聯網集群"] == "CLUSTER · national 2022"
    # a canonical name equal to the cleaned entity is not repeated
    assert labels["江蘇省工業和信息化廳"] == "GOV"
    # HTML-escaped in the markup
    assert "METRIC · &gt;3000 家" in sample_html


def test_a_metric_shows_its_subject_and_period_beside_its_value(nlp) -> None:
    doc = nlp("到2024年，苏州市纳米新材料集群产值突破5000亿元。")
    (metric,) = [e for e in doc.ents if e.label_ == "METRIC"]
    metric._.subject, metric._.subject_kind, metric._.period = "苏州市纳米新材料集群", "cluster", "2024"
    labels = {text: label for text, label, _ in marks(cluster_ner.render(doc, jupyter=False))}
    assert labels["5000亿元"] == "METRIC · 5e11 元 · 苏州市纳米新材料集群 · 2024"


def test_a_metric_without_subject_or_period_shows_what_is_known() -> None:
    row = {"label": "METRIC", "value": 5e11, "unit": "元", "qualifier": "exact", "kind": "money"}
    assert describe(row | {"subject": None, "period": "2024"}) == "5e11 元 · 2024"
    assert describe(row | {"subject": "苏州市", "period": float("nan")}) == "5e11 元 · 苏州市"
    assert describe({"label": "METRIC", "value": None, "subject": "苏州市", "period": "2024"}) == "苏州市 · 2024"


def test_noise_inside_an_entity_is_covered_by_its_mark() -> None:
    text = "2023年，龍口市工信局表示，龍口市交通鋁材特色產(chǎn)業(yè)集群擁有企業(yè)243家，規劃面積約90平方公里。"
    got = marks(cluster_ner.render(text, jupyter=False))
    assert [t for t, _, _ in got] == ["龍口市工信局", "龍口市交通鋁材特色產(chǎn)業(yè)集群", "243家", "約90平方公里"]
    assert value_label(got[3][1]) == "METRIC · ≈90 平方公里"


def test_page_is_a_standalone_utf8_document(sample: str) -> None:
    page = cluster_ner.render(sample, page=True, jupyter=False)
    assert isinstance(page, str)
    assert page.lstrip().startswith("<!DOCTYPE html>")
    assert '<html lang="zh">' in page and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page and "<body" in page
    assert len(marks(page)) == len(cluster_ner.extract(sample))
    fragment = cluster_ner.render(sample, jupyter=False)
    assert "<html" not in fragment and "<!DOCTYPE" not in fragment


def test_doc_input_matches_text_input(nlp, sample: str, sample_html: str) -> None:
    assert cluster_ner.render(nlp(sample), jupyter=False) == sample_html
    assert cluster_ner.render(sample.encode("big5", errors="ignore"), jupyter=False).count('class="entity"') > 0
    assert cluster_ner.render(sample, jupyter=False, nlp=nlp) == sample_html


def test_bad_and_hostile_input() -> None:
    with pytest.raises(TypeError, match="text_or_doc"):
        cluster_ner.render(42, jupyter=False)  # type: ignore[arg-type]
    empty = cluster_ner.render("", jupyter=False)
    assert isinstance(empty, str) and 'class="entity"' not in empty
    hostile = cluster_ner.render("<script>alert(1)</script>工信部公布\ud800超400家企业", jupyter=False)
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile
    hostile.encode("utf-8")  # lone surrogates became U+FFFD
    assert [t for t, _, _ in marks(hostile)] == ["工信部", "超400家"]


def test_jupyter_none_outside_a_notebook_returns_html() -> None:
    assert 'class="entity"' in cluster_ner.render("工信部公布45个集群")  # type: ignore[operator]


def test_jupyter_true_displays_and_returns_none(monkeypatch: pytest.MonkeyPatch) -> None:
    display = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(display, "display", lambda obj: shown.append(obj))
    assert cluster_ner.render("工信部公布45个集群", jupyter=True) is None
    assert len(shown) == 1 and 'class="entity"' in shown[0].data


@pytest.mark.parametrize(
    ("value", "text"),
    [(3000.0, "3000"), (12.6, "12.6"), (1.0, "1"), (0.6667, "0.6667"), (4.5e11, "4.5e11"), (3e12, "3e12"), (1234567.0, "1.23457e6")],
)
def test_format_value(value: float, text: str) -> None:
    assert format_value(value) == text


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *args,
    ]
    env = {**os.environ, "HOME": str(tmp_path)}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env, check=False)


@pytest.mark.skipif(not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None, reason="/usr/bin/chromium is not installed (apt-get install chromium)")
def test_page_shows_the_entities_in_headless_chromium(tmp_path: Path, sample: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(cluster_ner.render(sample, page=True, jupyter=False), encoding="utf-8")
    proc = _chromium(tmp_path, "--dump-dom", page.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    df = cluster_ner.extract(sample)
    assert dom.count('class="entity"') == len(df)
    got = marks(dom)
    assert [t for t, _, _ in got] == list(df["text"])  # the browser read the UTF-8 text right
    for _, label, colour in got:
        assert colour == LABEL_COLORS[label.split(" · ")[0]]
    assert "GOV · 无锡市发展和改革委员会" in [label for _, label, _ in got]


# --- Chinese glyphs, not boxes ------------------------------------------------------------


def test_page_names_the_usual_cjk_fonts_of_windows_macos_and_linux(sample: str) -> None:
    page = cluster_ner.render(sample, page=True, jupyter=False)
    body = re.search(r"<body style=\"[^\"]*font-family: ([^;]+);", page)
    assert body, "the page's body sets no font-family"
    for font in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        assert f"'{font}'" in body.group(1)
    assert body.group(1).rstrip().endswith("sans-serif")
    fragment = cluster_ner.render(sample, jupyter=False)  # the notebook view names them too
    assert "'Noto Sans CJK SC'" in fragment


def _cjk_font_installed() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    out = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return bool(out.strip())


def _screenshot(tmp_path: Path, name: str, text: str) -> "Any":
    import matplotlib.image

    page = tmp_path / f"{name}.html"
    page.write_text(cluster_ner.render(text, page=True, jupyter=False), encoding="utf-8")
    png = tmp_path / f"{name}.png"
    proc = _chromium(tmp_path, f"--screenshot={png}", "--window-size=900,300", "--hide-scrollbars", page.as_uri())
    assert proc.returncode == 0 and png.exists(), proc.stderr[-2000:]
    return matplotlib.image.imread(str(png))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)")
@pytest.mark.skipif(not _cjk_font_installed(), reason="no font with Chinese glyphs is installed (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
def test_headless_chromium_draws_chinese_glyphs_not_boxes(tmp_path: Path) -> None:
    """Two different Chinese texts of one length must give different pictures: boxes
    (tofu) for missing glyphs all look alike, so without a CJK font they would match.
    Characters no font has (private use) give the box picture to compare with."""
    first = _screenshot(tmp_path, "first", "产业集群发展大会在无锡召开")
    second = _screenshot(tmp_path, "second", "政府机构公布统计数据和名单")
    boxes = _screenshot(tmp_path, "boxes", "\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b\ue00c")
    inked = (first[..., :3] < 0.5).any(axis=-1)
    assert inked.sum() > 200, "no text was drawn"
    assert (abs(first - second) > 0.2).any(axis=-1).sum() > 200, "two different texts look the same: boxes, not glyphs"
    assert (abs(first - boxes) > 0.2).any(axis=-1).sum() > 200, "the Chinese text looks like missing-glyph boxes"
