"""Compliance gap reports: templates that round-trip, judging, region/year lookup, per-cell errors,
the CLI, the API and the chat integration."""

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from assistant.assess import assess, to_html, to_xlsx
from assistant.cli import app
from assistant.profile import (
    INFO_SHEET,
    SHEET,
    Profile,
    ProfileError,
    parse_number,
    read_profile,
    template_rows,
    write_template,
)
from corpus.criteria import Catalogue
from corpus.registry import Corpus

CAT = Catalogue()


@pytest.mark.parametrize("set_id", sorted(CAT.sets))
def test_every_set_has_a_template_that_round_trips(set_id: str, tmp_path: Path) -> None:
    cset = CAT.sets[set_id]
    grouped = cset.region_scheme == "nhom-xa"
    region = ("N1" if grouped else "TDMNPB") if cset.region_scheme else None
    xlsx, csv_path = write_template(cset, tmp_path, region, None if grouped else "Thái Nguyên", 2024)
    wb = load_workbook(xlsx)
    sheet = wb[SHEET]
    # A criterion whose indicators are not known has a row without a code (nothing to fill).
    codes = [row[0].value for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert codes == [i.code for _, i in cset.indicators()]
    # Fill every cell: text requirements "Đạt", numbers at their threshold (or 1 when none).
    for row in sheet.iter_rows(min_row=2):
        if not row[0].value:
            continue
        sign, threshold = row[4].value, row[5].value
        if sign not in ("≥", "≤", ">", "<", "="):
            row[7].value = "Đạt"
        elif threshold == "chưa có":
            row[7].value = "1"
        else:
            # On the threshold for ≥ ≤ =; one step inside it for the strict comparators.
            number = float(str(threshold).replace(",", "."))
            row[7].value = number + (1 if sign == ">" else -1 if sign == "<" else 0)
    wb[INFO_SHEET]["B2"] = "Xã Mẫu"
    wb.save(tmp_path / "filled.xlsx")
    profile = read_profile(tmp_path / "filled.xlsx")
    assert profile.set_id == set_id and profile.name == "Xã Mẫu" and profile.year == 2024
    if grouped:
        profile.region = "nhóm 1"
    assert set(profile.values) == set(codes)
    result = assess(profile, CAT, Corpus(None))
    assert result.total_criteria == len(cset.criteria)
    assert {r.status for r in result.indicators} <= {"met", "cannot_judge", "not_met"}
    assert all(r.status != "not_met" for r in result.indicators)  # every value sits exactly on its threshold
    # The CSV template carries the same rows and the profile lines.
    text = csv_path.read_text(encoding="utf-8-sig")
    assert text.startswith(f"# Bộ tiêu chí: {set_id}")
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    assert [r[0] for r in rows[1:] if r[0]] == codes


def _profile(values: dict, **kw) -> Profile:
    defaults = {"set_id": "1980-xa-ntm", "province": "Thái Nguyên", "year": 2020}
    defaults.update(kw)
    return Profile(values={k: (v, f"values[{k}]") for k, v in values.items()}, **defaults)


def _result(values: dict, code: str, **kw):
    a = assess(_profile(values, **kw), CAT, Corpus(None))
    return next(r for r in a.indicators if r.code == code), a


def test_numeric_met_not_met_missing_with_shortfall() -> None:
    r, _ = _result({"10": "34,5"}, "10")
    assert r.status == "not_met" and r.threshold == 36 and r.shortfall == "thiếu 1,5 triệu đồng/người/năm"
    assert r.verified and r.section == "1980/QĐ-TTg › Phụ lục › Tiêu chí 10 › 10"
    assert _result({"10": 36}, "10")[0].status == "met"
    assert _result({}, "10")[0].status == "missing"


def test_region_and_year_pick_the_threshold() -> None:
    north, _ = _result({"10": 40}, "10", province="Hà Giang")  # TDMNPB: ≥ 36
    south, _ = _result({"10": 40}, "10", province="Bình Dương")  # ĐNB: ≥ 59
    assert (north.status, south.status) == ("met", "not_met")
    assert south.shortfall == "thiếu 19 triệu đồng/người/năm"


def test_a_year_before_the_tables_target_year_is_judged_against_the_target_only_when_it_settles_it() -> None:
    # 1980/QĐ-TTg fixes incomes "đến năm 2020" only: asked of 2019, reaching the 2020 level settles it, falling short
    # does not (the year asked may have had a lower level), and the level shown says it is the 2020 one.
    above, _ = _result({"10": 52}, "10", province="Đồng Tháp", year=2019)
    below, _ = _result({"10": 48}, "10", province="Đồng Tháp", year=2019)
    assert above.status == "met" and below.status == "cannot_judge" and below.threshold == 50
    assert below.requirement == "≥ 50 triệu đồng/người/năm (mức phải đạt đến năm 2020)"
    assert "không có mức riêng cho năm 2019" in below.note


def test_percentages_booleans_and_text_requirements() -> None:
    pct = next(i for _, i in CAT.sets["1980-xa-ntm"].indicators() if i.unit == "%" and i.thresholds)
    assert _result({pct.code: "100%"}, pct.code)[0].status in ("met", "not_met")
    text_ind = next(i for _, i in CAT.sets["1980-xa-ntm"].indicators() if i.comparator == "text")
    assert _result({text_ind.code: "Đạt"}, text_ind.code)[0].status == "met"
    assert _result({text_ind.code: "Không đạt"}, text_ind.code)[0].status == "not_met"
    assert _result({text_ind.code: "đang làm hồ sơ"}, text_ind.code)[0].status == "cannot_judge"


def test_unverified_or_missing_thresholds_are_never_judged_silently() -> None:
    r, a = _result({"10": 45}, "10", set_id="318-xa-ntm", year=2024)
    assert r.status == "cannot_judge" and "chưa xác minh" in r.note
    assert any("bản biên soạn" in w for w in a.warnings)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"10": "bốn mươi"}, "không phải số"),
        ({"10": -5}, "giá trị âm"),
        ({"15.1": 140}, "0-100"),
        ({"99.9": 1}, "không có trong bộ"),
    ],
)
def test_bad_values_get_per_cell_errors(values: dict, message: str) -> None:
    with pytest.raises(ProfileError) as info:
        assess(_profile(values), CAT)
    assert any(message in e for e in info.value.errors)


def test_parse_number_vietnamese_formats() -> None:
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("45,5 triệu") == 45.5
    assert parse_number("95%") == 95 and parse_number("") is None and parse_number(7) == 7


def test_malformed_files(tmp_path: Path) -> None:
    cset = CAT.sets["1980-xa-ntm"]
    xlsx, _ = write_template(cset, tmp_path, "TDMNPB", "Thái Nguyên", 2020)
    wb = load_workbook(xlsx)
    wb[SHEET].title = "Sheet1"
    wb.save(tmp_path / "wrong-sheet.xlsx")
    with pytest.raises(ProfileError, match="thiếu trang tính 'Chỉ tiêu'"):
        read_profile(tmp_path / "wrong-sheet.xlsx")
    wb = load_workbook(xlsx)
    income_row = next(row[0].row for row in wb[SHEET].iter_rows(min_row=2) if row[0].value == "10")
    wb[SHEET][f"H{income_row}"] = "nhiều"
    wb.save(tmp_path / "text.xlsx")
    with pytest.raises(ProfileError) as info:
        assess(read_profile(tmp_path / "text.xlsx"), CAT)
    assert info.value.errors == [f"ô H{income_row} (chỉ tiêu 10): 'nhiều' không phải số"]
    wb = load_workbook(xlsx)
    wb[SHEET].delete_cols(8)
    wb.save(tmp_path / "no-column.xlsx")
    with pytest.raises(ProfileError, match="thiếu cột: Giá trị của đơn vị"):
        read_profile(tmp_path / "no-column.xlsx")
    (tmp_path / "junk.xlsx").write_bytes(b"not a workbook")
    with pytest.raises(ProfileError, match="không đọc được tệp Excel"):
        read_profile(tmp_path / "junk.xlsx")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ProfileError, match="JSON"):
        read_profile(tmp_path / "bad.json")


def test_reports(tmp_path: Path) -> None:
    _, a = _result({"10": "34,5"}, "10")
    html = to_html(a)
    assert '<html lang="vi">' in html and "Số tiêu chí đạt:" in html and "<svg" in html
    assert "thiếu 1,5 triệu đồng/người/năm" in html and "1980/QĐ-TTg › Phụ lục › Tiêu chí 10 › 10" in html
    path = to_xlsx(a, tmp_path / "r.xlsx")
    cells = [c.value for row in load_workbook(path)["Kết quả"].iter_rows() for c in row]
    assert "Chưa đạt" in cells


def test_cli_template_and_assess(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app,
        [
            "assess",
            "template",
            "--set",
            "1980-xa-ntm",
            "--province",
            "Thái Nguyên",
            "--year",
            "2020",
            "--out",
            str(tmp_path),
        ],
    )
    assert r.exit_code == 0, r.output
    xlsx = tmp_path / "mau-1980-xa-ntm-2020.xlsx"
    wb = load_workbook(xlsx)
    for row in wb[SHEET].iter_rows(min_row=2):
        if row[0].value == "10":
            row[7].value = "34,5"
    wb.save(xlsx)
    r = runner.invoke(app, ["assess", str(xlsx), "--json", "--html", str(tmp_path / "r.html")], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    body = json.loads(r.output)
    income = next(i for i in body["indicators"] if i["code"] == "10")
    assert income["status"] == "not_met" and (tmp_path / "r.html").exists()
    assert runner.invoke(app, ["assess", "template", "--set", "nope"]).exit_code == 2
    income_row = next(row[0].row for row in wb[SHEET].iter_rows(min_row=2) if row[0].value == "10")
    wb[SHEET][f"H{income_row}"] = "abc"
    wb.save(tmp_path / "bad.xlsx")
    r = runner.invoke(app, ["assess", str(tmp_path / "bad.xlsx")])
    assert r.exit_code == 1 and f"ô H{income_row}" in r.output


def test_a_requirement_of_khong_is_met_by_khong() -> None:
    ind = next(
        (i for s in CAT.sets.values() for _, i in s.indicators() if (i.requirement or "").strip().lower() == "không"),
        None,
    )
    if ind is None:
        pytest.skip("no indicator with the requirement 'Không' in the catalogue")
    set_id = next(s.id for s in CAT.sets.values() if any(i is ind for _, i in s.indicators()))
    assert _result({ind.code: "Không"}, ind.code, set_id=set_id)[0].status == "met"
    assert _result({ind.code: "Có"}, ind.code, set_id=set_id)[0].status == "not_met"


@pytest.mark.parametrize("year", [2147483648, -1, 0, 1999, 2008, 2031, 2101])
def test_a_year_outside_the_programme_is_a_clear_error(year: int) -> None:
    from assistant.profile import ProfileError, profile_from_json

    with pytest.raises(ProfileError) as err:
        profile_from_json({"set_id": "1345-xa-nang-cao", "year": year})
    assert "từ 2009 đến 2030" in str(err.value.errors if hasattr(err.value, "errors") else err.value)


def test_the_2026_2030_set_has_a_template_and_an_assessment_that_say_what_is_not_known(tmp_path: Path) -> None:
    cset = CAT.sets["51-2025-xa-ntm"]
    rows = template_rows(cset, "N2", 2026)
    assert [r["Tiêu chí"] for r in rows][:2] == ["1. Quy hoạch", "2. Hạ tầng kinh tế - xã hội"]
    assert all(r["Mã chỉ tiêu"] == "" and r["Ngưỡng"] == "chưa biết" and "Chưa biết" in r["Ghi chú"] for r in rows)
    a = assess(Profile(set_id=cset.id, values={}, province="nhóm 3", year=2026), CAT, Corpus(None))
    assert a.region == "N3" and a.region_name == "Xã nhóm 3"
    assert a.total_criteria == 10 and a.met_criteria == 0
    assert {c.status for c in a.criteria} == {"cannot_judge"}
    assert any("10 tiêu chí chưa biết chỉ tiêu" in w for w in a.warnings)


@pytest.mark.parametrize(
    ("place", "message"),
    [
        ("nhóm 4", "chỉ nhận: Xã nhóm 1, Xã nhóm 2, Xã nhóm 3"),
        ("Thái Nguyên", "chỉ nhận: Xã nhóm 1"),  # a province does not select a 2026-2030 column
    ],
)
def test_a_commune_group_outside_1_to_3_is_a_clear_error(place: str, message: str) -> None:
    from assistant.profile import ProfileError

    with pytest.raises(ProfileError, match=message):
        assess(Profile(set_id="51-2025-xa-ntm", values={}, province=place, year=2026), CAT, Corpus(None))


def test_a_merged_province_spanning_two_regions_asks_for_the_former_province() -> None:
    from assistant.profile import ProfileError

    on = dt.date(2026, 12, 1)
    with pytest.raises(ProfileError, match="'Vĩnh Phúc cũ' \\(vùng Đồng bằng sông Hồng\\)"):
        assess(Profile(set_id="318-xa-ntm", values={}, province="Phú Thọ", year=2024), CAT, Corpus(None), as_of=on)
    a = assess(
        Profile(set_id="318-xa-ntm", values={}, province="Vĩnh Phúc (cũ)", year=2024), CAT, Corpus(None), as_of=on
    )
    assert a.region == "DBSH"
    # Before the reorganisation the name is the old province, in one region.
    before = assess(
        Profile(set_id="318-xa-ntm", values={}, province="Phú Thọ", year=2024),
        CAT,
        Corpus(None),
        as_of=dt.date(2024, 5, 1),
    )
    assert before.region == "TDMNPB"
    with pytest.raises(ProfileError, match="Không có tỉnh, thành phố nào tên 'Atlantis'"):
        assess(Profile(set_id="318-xa-ntm", values={}, province="Atlantis", year=2024), CAT, Corpus(None), as_of=on)
