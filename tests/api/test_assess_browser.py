"""The compliance-assessment page (/assess) in a real browser: system Chromium driven by Playwright
against the running app, with a template downloaded, filled with openpyxl and uploaded through the page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.test_browser import ARTIFACTS, _get, _launch, _new_page, _require_browser, running_app

pytestmark = pytest.mark.heavy

DOCS = ("14-BCDCTMTQG-2023.md", "1980-QD-TTg-2016.md", "318-QD-TTg-2022.md")
SET_ID = "1980-xa-ntm"
PROVINCE = "Thái Nguyên (cũ)"  # a 2016-2020 set: the page offers the 63 former provinces
YEAR = 2020
UNIT = "Xã Tân Cương"
INCOME = "10"  # ≥ 36 triệu đồng/người/năm for Trung du và miền núi phía Bắc in 2020
PERCENT = "4.2"  # tỷ lệ hộ dùng điện, ≥ 95 %
UNJUDGED = "17.4"  # a text indicator answered with words the assessment cannot judge
SIGNS = {"≥", "≤", ">", "<", "="}
LABELS = {"met": "Đạt", "not_met": "Chưa đạt", "missing": "Thiếu số liệu", "cannot_judge": "Không thể kết luận"}
# Background of the status pill per status (the --*-bg colours of style.css).
PILL_BG = {
    "met": "rgb(227, 244, 232)",
    "not_met": "rgb(253, 232, 230)",
    "missing": "rgb(238, 240, 242)",
    "cannot_judge": "rgb(253, 240, 213)",
}
# The row's left border: green, red, grey, amber.
ROW_BORDER = {
    "met": "rgb(27, 127, 59)",
    "not_met": "rgb(180, 35, 24)",
    "missing": "rgb(107, 114, 128)",
    "cannot_judge": "rgb(183, 121, 31)",
}
WARN_BG = "rgb(255, 244, 214)"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app over a small index (the 2023 dispatch, 1980 and 318)."""
    with running_app(tmp_path_factory.mktemp("assess-browser"), DOCS, rate_limit_per_minute=10_000) as base:
        yield base


def _fill_template(source: Path, target: Path, overrides: dict[str, object] | None = None) -> dict[str, int]:
    """Fill the template's value column; return the sheet row of each indicator code."""
    from openpyxl import load_workbook

    wb = load_workbook(source)
    info = wb["Thông tin"]
    for row in info.iter_rows():
        if row[0].value == "Tên đơn vị":
            row[1].value = UNIT
    sheet = wb["Chỉ tiêu"]
    header = [c.value for c in sheet[1]]
    code_col, req_col = header.index("Mã chỉ tiêu") + 1, header.index("Yêu cầu") + 1
    value_col = header.index("Giá trị của đơn vị") + 1
    rows: dict[str, int] = {}
    for n in range(2, sheet.max_row + 1):
        code = str(sheet.cell(n, code_col).value)
        rows[code] = n
        if sheet.cell(n, req_col).value not in SIGNS:
            sheet.cell(n, value_col).value = "Đạt"
    values = {INCOME: "34,5", PERCENT: 96, UNJUDGED: "Đang thực hiện", **(overrides or {})}
    for code, value in values.items():
        sheet.cell(rows[code], value_col).value = value
    wb.save(target)
    return rows


def _post_file(base: str, path: Path) -> httpx.Response:
    with path.open("rb") as fh:
        return httpx.post(f"{base}/v1/assessments", files={"file": (path.name, fh.read())}, timeout=30)


def _is_assessment_post(response) -> bool:
    return response.request.method == "POST" and response.url.split("?")[0].endswith("/v1/assessments")


def _row_checks(page, expect, result: dict) -> None:
    """Every indicator row: its status text and colours, as the API assessed it."""
    rows = page.locator("tr.indicator-row")
    expect(rows).to_have_count(len(result["indicators"]))
    expect(page.locator("#result-table tbody.criterion")).to_have_count(result["total_criteria"])
    for status, label in LABELS.items():
        want = sum(r["status"] == status for r in result["indicators"])
        expect(page.locator(f"tr.indicator-row[data-status='{status}']")).to_have_count(want)
        if not want:
            continue
        row = page.locator(f"tr.indicator-row[data-status='{status}']").first
        pill = row.locator(".status-pill")
        expect(pill).to_have_text(label)
        expect(pill).to_have_css("background-color", PILL_BG[status])
        expect(row.locator("td").first).to_have_css("border-left-color", ROW_BORDER[status])


def test_assessment_page_end_to_end(server: str, tmp_path: Path) -> None:
    sync_playwright = _require_browser()
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sets = _get(server + "/v1/assessments/sets")
    assert SET_ID in {s["id"] for s in sets}
    provinces = _get(server + "/v1/assessments/provinces?former=true")
    assert PROVINCE in provinces and len(provinces) == 63
    current = _get(server + "/v1/assessments/provinces")
    assert len(current) == 34 and "Thái Nguyên" in current and "Bắc Kạn" not in current

    with sync_playwright() as p:
        browser = _launch(p)
        try:
            context, page, seen, errors = _new_page(browser, server)

            # The chat page links to the assessment page, and back.
            page.goto(server + "/")
            page.get_by_role("link", name="Đánh giá mức đạt chuẩn").click()
            page.wait_for_url(server + "/assess")
            assert page.locator("html").get_attribute("lang") == "vi"
            expect(page.get_by_role("heading", level=1)).to_have_text("Đánh giá mức đạt chuẩn nông thôn mới")
            expect(page.get_by_role("link", name="Hỏi đáp")).to_have_attribute("href", "/")

            # Set, province, year and unit name; the choices come from the API.
            expect(page.locator("body")).to_have_attribute("data-ready", "true")
            set_box = page.get_by_label("Bộ tiêu chí", exact=True)
            expect(set_box.locator("option")).to_have_count(len(sets))
            set_box.select_option(SET_ID)
            expect(page.get_by_label("Tỉnh", exact=True).locator("option")).to_have_count(len(provinces) + 1)
            page.get_by_label("Tỉnh", exact=True).select_option(PROVINCE)
            page.get_by_label("Năm đánh giá").fill(str(YEAR))
            page.get_by_label("Tên đơn vị").fill("Tên trên trang (tệp tải lên có tên riêng)")
            expect(page.locator("#set-hint")).to_contain_text("1980/QĐ-TTg")
            csv_link = page.get_by_role("link", name="Tải mẫu CSV")
            expect(csv_link).to_have_attribute(
                "href",
                f"/v1/assessments/template?set={SET_ID}&province=Th%C3%A1i+Nguy%C3%AAn+%28c%C5%A9%29&year={YEAR}&format=csv",
            )

            # The Excel template through the page's link, filled with openpyxl.
            with page.expect_download() as got:
                page.get_by_role("link", name="Tải mẫu Excel").click()
            download = got.value
            assert download.suggested_filename == f"mau-{SET_ID}-{YEAR}.xlsx", download.suggested_filename
            template = tmp_path / download.suggested_filename
            download.save_as(template)
            info = dict(load_workbook(template)["Thông tin"].iter_rows(values_only=True))
            assert info["Bộ tiêu chí"] == SET_ID and info["Tỉnh"] == PROVINCE and int(info["Năm đánh giá"]) == YEAR
            filled = tmp_path / "ho-so-da-dien.xlsx"
            rows = _fill_template(template, filled)
            expected = _post_file(server, filled).json()
            by_code = {r["code"]: r for r in expected["indicators"]}
            assert by_code[INCOME]["status"] == "not_met" and by_code[INCOME]["shortfall"].startswith("thiếu 1,5")
            assert by_code[PERCENT]["status"] == "met" and by_code[UNJUDGED]["status"] == "cannot_judge"
            assert {r["status"] for r in expected["indicators"]} == set(LABELS)

            # Upload it through the page.
            page.get_by_label("Tệp mẫu đã điền").set_input_files(filled)
            with page.expect_response(_is_assessment_post) as posted:
                page.get_by_role("button", name="Đánh giá từ tệp").click()
            assert posted.value.status == 200
            assert "multipart/form-data" in posted.value.request.headers["content-type"]
            result = page.locator("#result")
            expect(result).to_be_visible()
            summary = f"Số tiêu chí đạt: {expected['met_criteria']}/{expected['total_criteria']}"
            expect(page.locator("#summary")).to_contain_text(summary)
            assert (expected["met_criteria"], expected["total_criteria"]) == (9, 19)
            meta = page.locator("#result-meta")
            for part in (UNIT, "1980/QĐ-TTg", "Trung du và miền núi phía Bắc", f"năm {YEAR}"):
                expect(meta).to_contain_text(part)

            # Warnings in yellow.
            warnings = page.locator("#warnings")
            expect(warnings).to_be_visible()
            expect(warnings).to_have_css("background-color", WARN_BG)
            expect(warnings.locator("li")).to_have_count(len(expected["warnings"]))
            expect(warnings).to_contain_text(expected["warnings"][0])

            # The table: a status and colour per row, the shortfall and the source section path.
            _row_checks(page, expect, expected)
            income = page.locator(f"tr.indicator-row[data-code='{INCOME}']")
            expect(income.locator(".col-status")).to_have_text("Chưa đạt")
            expect(income.locator(".col-value")).to_have_text("34,5 triệu đồng/người/năm")
            expect(income.locator(".col-req")).to_have_text("≥ 36 triệu đồng/người/năm")
            expect(income.locator(".col-shortfall")).to_have_text("thiếu 1,5 triệu đồng/người/năm")
            expect(income.locator(".col-section")).to_have_text(by_code[INCOME]["section"])
            assert by_code[INCOME]["section"].startswith("1980/QĐ-TTg › Phụ lục › Tiêu chí 10")
            percent = page.locator(f"tr.indicator-row[data-code='{PERCENT}']")
            expect(percent.locator(".col-status")).to_have_text("Đạt")
            expect(percent.locator(".col-value")).to_have_text("96%")
            expect(percent.locator(".badge-unverified")).to_have_text("chưa xác minh")
            expect(income.locator(".badge-unverified")).to_have_count(0)
            expect(page.locator(f"tr.indicator-row[data-code='{UNJUDGED}'] .col-status")).to_have_text(
                "Không thể kết luận"
            )
            expect(page.locator("tbody.criterion[data-criterion='10'] .criterion-head")).to_contain_text(
                "Tiêu chí 10. Thu nhập"
            )
            expect(page.locator("tbody.criterion[data-criterion='10']")).to_have_attribute("data-status", "not_met")

            # The chart: an inline SVG, one row per group, the bars adding up to the criteria.
            chart = page.locator("#chart svg.group-chart")
            expect(chart).to_have_attribute("role", "img")
            groups = list(dict.fromkeys(c["group"] or "Khác" for c in expected["criteria"]))
            expect(chart.locator("g.chart-row")).to_have_count(len(groups))
            bars = chart.locator("rect.bar").evaluate_all(
                "rs => rs.map(r => [r.dataset.kind, +r.dataset.count, r.getBoundingClientRect().width])"
            )
            assert sum(n for _, n, _ in bars) == expected["total_criteria"], bars
            assert sum(n for kind, n, _ in bars if kind == "met") == expected["met_criteria"], bars
            assert all(w > 0 for _, _, w in bars), bars
            per_group = "; ".join(
                f"{g}: {sum(c['status'] == 'met' for c in expected['criteria'] if (c['group'] or 'Khác') == g)}/"
                f"{sum((c['group'] or 'Khác') == g for c in expected['criteria'])} tiêu chí đạt"
                for g in groups
            )
            expect(chart).to_have_attribute("aria-label", f"Số tiêu chí đạt theo nhóm. {per_group}")
            expect(page.locator("#next-steps li").first).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "assess-desktop.png"), full_page=True)

            # Reports: the same file posted again with ?format=xlsx / html, saved as a download.
            with page.expect_download() as got:
                page.get_by_role("button", name="Tải báo cáo Excel").click()
            report = tmp_path / "bao-cao.xlsx"
            got.value.save_as(report)
            assert got.value.suggested_filename.endswith(".xlsx")
            assert load_workbook(report)["Kết quả"]["A2"].value == summary
            with page.expect_download() as got:
                page.get_by_role("button", name="Tải báo cáo HTML").click()
            assert got.value.suggested_filename.endswith(".html")
            html_report = tmp_path / "bao-cao.html"
            got.value.save_as(html_report)
            assert summary in html_report.read_text(encoding="utf-8")
            expect(page.locator("#download-status")).to_contain_text("Đã tải báo cáo HTML")

            # Print: window.print, with a print style that keeps only the report.
            page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
            page.get_by_role("button", name="In báo cáo").click()
            assert page.evaluate("window.__printed") == 1
            page.emulate_media(media="print")
            expect(page.locator("#upload-form")).to_be_hidden()
            expect(page.locator(".report-actions")).to_be_hidden()
            expect(page.locator("#summary")).to_be_visible()
            page.screenshot(path=str(ARTIFACTS / "assess-print.png"), full_page=True)
            page.emulate_media(media="screen")

            # A broken file: text in a number cell, named by its cell in Vietnamese.
            broken = tmp_path / "ho-so-loi.xlsx"
            _fill_template(template, broken, {INCOME: "ba mươi"})
            page.get_by_label("Tệp mẫu đã điền").set_input_files(broken)
            with page.expect_response(_is_assessment_post) as posted:
                page.get_by_role("button", name="Đánh giá từ tệp").click()
            assert posted.value.status == 422
            assert posted.value.json()["error"]["code"] == "invalid_profile"
            box = page.get_by_role("alert").filter(has_text="lỗi")
            expect(box).to_be_visible()
            expect(box).to_contain_text("Hồ sơ có 1 lỗi (tệp “ho-so-loi.xlsx”), vui lòng sửa rồi gửi lại:")
            expect(box.locator("li")).to_have_text(f"Ô H{rows[INCOME]} (chỉ tiêu {INCOME}): 'ba mươi' không phải số")
            expect(result).to_be_hidden()
            page.screenshot(path=str(ARTIFACTS / "assess-error.png"))

            # A file of another kind is refused before anything is sent.
            other = tmp_path / "ghi-chu.txt"
            other.write_text("không phải mẫu", encoding="utf-8")
            before = len(seen)
            page.get_by_label("Tệp mẫu đã điền").set_input_files(other)
            page.get_by_role("button", name="Đánh giá từ tệp").click()
            expect(page.locator("#errors")).to_contain_text("Chỉ nhận tệp .xlsx, .csv hoặc .json")
            posts = [r.url for r in seen[before:] if r.method == "POST"]
            assert posts == [], f"a .txt file was posted: {posts}"

            # Direct entry: one input per indicator with its requirement and the unverified badge.
            page.get_by_role("button", name="Nhập trực tiếp").click()
            form = page.locator("#direct-form")
            expect(form).to_be_visible()
            expect(form.locator(".indicator-field")).to_have_count(len(expected["indicators"]))
            income_box = page.get_by_label(by_code[INCOME]["name"])
            expect(income_box).to_be_visible()
            income_field = form.locator(f".indicator-field[data-code='{INCOME}']")
            expect(income_field.locator(".indicator-req")).to_have_text("Yêu cầu: ≥ 36 triệu đồng/người/năm")
            expect(income_field.locator(".badge-unverified")).to_have_count(0)
            expect(form.locator(f".indicator-field[data-code='{PERCENT}'] .badge-unverified")).to_have_text(
                "chưa xác minh"
            )
            expect(form.locator(".indicator-field[data-code='1.1'] select")).to_be_visible()

            # A bad value: the message names the indicator and marks its input.
            insurance = page.get_by_label("Tỷ lệ người dân tham gia bảo hiểm y tế")
            income_box.fill("37")
            insurance.fill("nhiều")
            page.get_by_role("button", name="Đánh giá", exact=True).click()
            expect(page.locator("#errors li")).to_contain_text("Chỉ tiêu 15.1: 'nhiều' không phải số")
            expect(insurance).to_have_attribute("aria-invalid", "true")
            page.locator("#errors li").get_by_role("button", name="Tới ô nhập").click()
            expect(insurance).to_be_focused()

            expect(form.locator(f".indicator-field[data-code='{PERCENT}'] .indicator-req")).to_contain_text(
                "Yêu cầu: ≥ 95%"
            )
            page.screenshot(path=str(ARTIFACTS / "assess-direct.png"))

            # Two values, sent as JSON with the unit's details.
            page.get_by_label("Tên đơn vị").fill("Xã Thử Nghiệm")
            insurance.fill("80")
            with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/v1/assessments")) as asked:
                page.get_by_role("button", name="Đánh giá", exact=True).click()
            body = json.loads(asked.value.post_data)
            assert body == {
                "set": SET_ID,
                "province": PROVINCE,
                "year": YEAR,
                "name": "Xã Thử Nghiệm",
                "values": {INCOME: "37", "15.1": "80"},
            }, body
            direct = httpx.post(server + "/v1/assessments", json=body, timeout=30).json()
            expect(result).to_be_visible()
            expect(page.locator("#errors")).to_be_hidden()
            expect(insurance).not_to_have_attribute("aria-invalid", "true")
            expect(page.locator("#summary")).to_contain_text(
                f"Số tiêu chí đạt: {direct['met_criteria']}/{direct['total_criteria']}"
            )
            expect(page.locator("#result-meta")).to_contain_text("Xã Thử Nghiệm")
            _row_checks(page, expect, direct)
            expect(page.locator(f"tr.indicator-row[data-code='{INCOME}'] .col-status")).to_have_text("Đạt")
            health = page.locator("tr.indicator-row[data-code='15.1']")
            expect(health.locator(".col-status")).to_have_text("Chưa đạt")
            expect(health.locator(".col-shortfall")).to_have_text("thiếu 5%")
            with page.expect_request(lambda r: "format=html" in r.url) as again, page.expect_download():
                page.get_by_role("button", name="Tải báo cáo HTML").click()
            assert json.loads(again.value.post_data) == body

            # Phone: nothing wider than the screen, rows become cards, the form stays usable.
            page.set_viewport_size({"width": 390, "height": 844})
            widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert widths[0] <= widths[1] <= 390, f"the page scrolls sideways on a phone: {widths}"
            expect(page.locator("tr.indicator-row").first).to_have_css("display", "block")
            expect(page.locator("#result-table thead")).to_have_css("position", "absolute")
            page.locator("#result-title").evaluate("h => h.scrollIntoView({block: 'start'})")
            page.screenshot(path=str(ARTIFACTS / "assess-phone-result.png"))
            page.screenshot(path=str(ARTIFACTS / "assess-phone.png"), full_page=True)
            page.evaluate("window.scrollTo(0, 0)")
            for label in ("Bộ tiêu chí", "Tỉnh", "Năm đánh giá"):
                box_ = page.get_by_label(label, exact=True).bounding_box()
                assert box_["x"] >= 0 and box_["x"] + box_["width"] <= 390, (label, box_)
            page.screenshot(path=str(ARTIFACTS / "assess-phone-top.png"))

            assert all(r.url.startswith(server) or r.url.startswith("blob:") for r in seen), [
                r.url for r in seen if not r.url.startswith(server)
            ]
            assert errors == [], errors
            context.close()
        finally:
            browser.close()
