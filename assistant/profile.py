"""A unit's profile for the compliance report: the fill-in template (XLSX and CSV) for a criteria set, and
reading a filled profile back (XLSX, CSV or JSON) with every bad cell named."""

from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.format import SIGN, vn_number
from corpus.criteria import CriteriaSet, Indicator
from corpus.errors import CorpusError
from corpus.places import PlaceError, check_year

SHEET = "Chỉ tiêu"
INFO_SHEET = "Thông tin"
COLUMNS = [
    "Mã chỉ tiêu",
    "Tiêu chí",
    "Chỉ tiêu",
    "Đơn vị",
    "Yêu cầu",
    "Ngưỡng",
    "Xác minh",
    "Giá trị của đơn vị",
    "Ghi chú",
]
CODE_COL, VALUE_COL = "Mã chỉ tiêu", "Giá trị của đơn vị"
INFO_FIELDS = {
    "Bộ tiêu chí": "set_id",
    "Tên đơn vị": "name",
    "Cấp": "level",
    "Tỉnh": "province",
    "Năm đánh giá": "year",
    "Hạng đã đạt": "tier",
    "Năm công nhận": "recognition_year",
}
_YES = {"đạt", "có", "x", "✓", "true", "yes", "rồi", "đã đạt", "1"}
_NO = {"không đạt", "không", "chưa", "chưa đạt", "false", "no", "0"}
NO_YES = {"không": True, "không có": True, "0": True, "có": False, "1": False}


class ProfileError(CorpusError):
    """A profile that cannot be read; `errors` lists every bad cell."""

    code = "invalid_profile"

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        shown = "; ".join(errors[:10]) + (f"; … và {len(errors) - 10} lỗi khác" if len(errors) > 10 else "")
        super().__init__(f"Hồ sơ không hợp lệ: {shown}")


@dataclass
class Profile:
    set_id: str
    values: dict[str, Any]
    name: str | None = None
    level: str | None = None
    province: str | None = None
    year: int | None = None
    tier: str | None = None
    recognition_year: int | None = None
    region: str | None = None  # a region code of the set's scheme, when no province is given


# --- reading values ----------------------------------------------------------------------------


def parse_number(raw: Any) -> float | None:
    """'45,5' → 45.5; '1.234,5' → 1234.5; '95%' → 95; a number stays a number; '' → None."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError("là giá trị đúng/sai, không phải số")
    if isinstance(raw, (int, float)):
        try:
            value = float(raw)
        except OverflowError:
            raise ValueError("số quá lớn") from None
        return _finite(value)
    text = str(raw).strip().replace("\u00a0", " ")
    if len(text) > 40:
        raise ValueError("quá dài, không phải một số liệu")
    if not text:
        return None
    text = re.sub(r"\s*(%|phần trăm|triệu( đồng)?(/người)?(/năm)?|người|hộ|km)\s*$", "", text, flags=re.IGNORECASE)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", text):
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"'{raw}' không phải số") from None
    return _finite(value)


def _finite(value: float) -> float:
    # NaN and infinity (JSON's NaN, 1e400) are no figure of a commune, and no JSON can carry them back.
    if not math.isfinite(value):
        raise ValueError("không phải số hữu hạn")
    return value


def parse_flag(raw: Any) -> bool | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    return None


def check_value(ind: Indicator, raw: Any, where: str) -> tuple[Any, str | None]:
    """(clean value, error) for one cell."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if ind.comparator == "text":
        return raw if isinstance(raw, bool) else str(raw).strip(), None
    try:
        value = parse_number(raw)
    except ValueError as exc:
        return None, f"{where} (chỉ tiêu {ind.code}): {exc}"
    if value is not None and value < 0:
        return None, f"{where} (chỉ tiêu {ind.code}): giá trị âm không hợp lệ"
    if value is not None and ind.unit and "%" in ind.unit and value > 100:
        return None, f"{where} (chỉ tiêu {ind.code}): tỷ lệ phải trong khoảng 0-100, nhận {vn_number(value)}"
    return value, None


# --- templates -----------------------------------------------------------------------------------


def template_rows(cset: CriteriaSet, region: str | None, year: int | None) -> list[dict]:
    rows = []
    for crit in cset.criteria:
        if not crit.indicators:
            # A criterion whose indicators are not known yet: a row that says so, with no code to fill.
            rows.append(
                {
                    "Mã chỉ tiêu": "",
                    "Tiêu chí": f"{crit.number}. {crit.name}",
                    "Chỉ tiêu": "(chưa biết các chỉ tiêu)",
                    "Đơn vị": "",
                    "Yêu cầu": "",
                    "Ngưỡng": "chưa biết",
                    "Xác minh": "chưa có trong kho",
                    "Giá trị của đơn vị": "",
                    "Ghi chú": crit.pending or "",
                }
            )
    for crit, ind in cset.indicators():
        t = ind.threshold_for(region, year) if ind.comparator != "text" else None
        rows.append(
            {
                "Mã chỉ tiêu": ind.code,
                "Tiêu chí": f"{crit.number}. {crit.name}",
                "Chỉ tiêu": ind.name,
                "Đơn vị": ind.unit or "",
                "Yêu cầu": ind.requirement if ind.comparator == "text" else SIGN[ind.comparator],
                "Ngưỡng": vn_number(t.value) if t else ("" if ind.comparator == "text" else "chưa có"),
                "Xác minh": "đã xác minh" if ind.figures_verified else "chưa xác minh",
                "Giá trị của đơn vị": "",
                "Ghi chú": "",
            }
        )
    return rows


def _info(cset: CriteriaSet, province: str | None, year: int | None) -> list[tuple[str, Any]]:
    return [
        ("Bộ tiêu chí", cset.id),
        ("Tên đơn vị", ""),
        ("Cấp", cset.level),
        ("Tỉnh", province or ""),
        ("Năm đánh giá", year or ""),
        ("Hạng đã đạt", ""),
        ("Năm công nhận", ""),
    ]


def write_template(
    cset: CriteriaSet, folder: Path, region: str | None, province: str | None, year: int | None
) -> tuple[Path, Path]:
    """A fill-in template as XLSX (sheets 'Thông tin' and 'Chỉ tiêu') and CSV ('#' lines for the profile)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    folder.mkdir(parents=True, exist_ok=True)
    rows = template_rows(cset, region, year)
    stem = f"mau-{cset.id}" + (f"-{year}" if year else "")
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    for label, value in _info(cset, province, year):
        info.append([label, value])
    info.column_dimensions["A"].width = 18
    info.column_dimensions["B"].width = 40
    sheet = wb.create_sheet(SHEET)
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF7D6")
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
        sheet.cell(row=sheet.max_row, column=COLUMNS.index(VALUE_COL) + 1).fill = fill
    for letter, width in zip("ABCDEFGHI", (10, 28, 60, 16, 14, 10, 14, 18, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    xlsx = folder / f"{stem}.xlsx"
    wb.save(xlsx)
    out = io.StringIO()
    for label, value in _info(cset, province, year):
        out.write(f"# {label}: {value}\n")
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    csv_path = folder / f"{stem}.csv"
    csv_path.write_text(out.getvalue(), encoding="utf-8-sig")
    return xlsx, csv_path


# --- reading profiles ----------------------------------------------------------------------------


def _profile_from_info(info: dict[str, Any], values: dict[str, Any]) -> Profile:
    fields: dict[str, Any] = {}
    for label, key in INFO_FIELDS.items():
        value = info.get(label)
        fields[key] = None if value in (None, "") else value
    for key in ("year", "recognition_year"):
        if fields[key] is not None:
            try:
                fields[key] = int(float(str(fields[key]).strip()))
            except (ValueError, OverflowError):
                raise ProfileError([f"'{key}' phải là năm (ví dụ 2024), nhận '{fields[key]}'"]) from None
            # The programme's criteria sets span 2009-2030; a year outside any calendar would also crash dates.
            try:
                check_year(fields[key])
            except PlaceError as exc:
                raise ProfileError([f"'{key}': {exc}"]) from None
    if not fields["set_id"]:
        raise ProfileError(["thiếu 'Bộ tiêu chí' (ví dụ 318-xa-ntm)"])
    fields["set_id"] = str(fields["set_id"]).strip()
    return Profile(values=values, **fields)


def _rows_to_values(header: list[Any], rows: list[list[Any]], first_row: int, sheet: str) -> dict[str, Any]:
    names = [str(h).strip() if h is not None else "" for h in header]
    missing = [c for c in (CODE_COL, VALUE_COL) if c not in names]
    if missing:
        raise ProfileError([f"bảng '{sheet}' thiếu cột: {', '.join(missing)}"])
    code_i, value_i = names.index(CODE_COL), names.index(VALUE_COL)
    letter = chr(ord("A") + value_i)
    values: dict[str, Any] = {}
    for n, row in enumerate(rows, start=first_row):
        code = row[code_i] if code_i < len(row) else None
        if code is None or str(code).strip() == "":
            continue
        raw = row[value_i] if value_i < len(row) else None
        values[str(code).strip()] = (raw, f"ô {letter}{n}")
    return values


def read_profile(path: Path) -> Profile:
    """A filled template (XLSX or CSV) or a JSON profile."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ProfileError([f"JSON không hợp lệ ({exc})"]) from exc
        return profile_from_json(data)
    if suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        info: dict[str, Any] = {}
        lines = text.splitlines()
        body = [ln for ln in lines if not ln.startswith("#")]
        for ln in lines:
            if ln.startswith("#") and ":" in ln:
                label, _, value = ln[1:].partition(":")
                info[label.strip()] = value.strip()
        rows = list(csv.reader(body))
        if not rows:
            raise ProfileError(["tệp CSV không có bảng chỉ tiêu"])
        offset = len(lines) - len(body)
        values = _rows_to_values(rows[0], rows[1:], offset + 2, "CSV")
        return _profile_from_info(info, values)
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a broken file
            raise ProfileError([f"không đọc được tệp Excel ({type(exc).__name__})"]) from exc
        if SHEET not in wb.sheetnames:
            raise ProfileError([f"thiếu trang tính '{SHEET}' (có: {', '.join(wb.sheetnames)})"])
        info = {}
        if INFO_SHEET in wb.sheetnames:
            for row in wb[INFO_SHEET].iter_rows(values_only=True):
                if row and row[0] is not None:
                    info[str(row[0]).strip()] = row[1] if len(row) > 1 else None
        rows = [list(r) for r in wb[SHEET].iter_rows(values_only=True)]
        if not rows:
            raise ProfileError([f"trang tính '{SHEET}' trống"])
        values = _rows_to_values(rows[0], rows[1:], 2, SHEET)
        return _profile_from_info(info, values)
    raise ProfileError([f"định dạng '{suffix}' không hỗ trợ; dùng .xlsx, .csv hoặc .json"])


def profile_from_json(data: Any) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(["hồ sơ JSON phải là một đối tượng"])
    values = data.get("values") or {}
    if not isinstance(values, dict):
        raise ProfileError(["'values' phải là bảng {mã chỉ tiêu: giá trị}"])
    info = {label: data.get(key) for label, key in INFO_FIELDS.items()}
    info["Bộ tiêu chí"] = data.get("set") or data.get("set_id")
    return _profile_from_info(info, {str(k): (v, f"values['{k}']") for k, v in values.items()})
