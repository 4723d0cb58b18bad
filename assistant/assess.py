"""Compliance gap report: a commune's or district's values against its criteria set, indicator by
indicator, with the threshold for its region and year, shortfalls, citations and next steps."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import math
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.applicability import resolve
from assistant.format import COMPILED_MARK, SIGN, vn_number
from assistant.target_sets import Resolution
from corpus.criteria import Catalogue, CriteriaSet, Indicator
from corpus.errors import CorpusError
from corpus.places import PlaceError, check_year, column_for

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
STATUS_LABEL = {
    "met": "Đạt",
    "not_met": "Chưa đạt",
    "missing": "Thiếu số liệu",
    "cannot_judge": "Không thể kết luận",
}
_YES = {"đạt", "có", "x", "✓", "true", "yes", "rồi", "đã đạt", "1"}
_NO = {"không đạt", "không", "chưa", "chưa đạt", "false", "no", "0"}
_NO_YES = {"không": True, "không có": True, "0": True, "có": False, "1": False}


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


@dataclass
class IndicatorResult:
    criterion: int
    criterion_name: str
    group: str | None
    code: str
    name: str
    unit: str | None
    requirement: str
    threshold: float | None
    value: Any
    status: str
    shortfall: str | None
    section: str
    verified: bool
    note: str | None = None


@dataclass
class CriterionResult:
    number: int
    name: str
    group: str | None
    status: str
    met: int
    total: int
    section: str


@dataclass
class Assessment:
    profile: Profile
    set_id: str
    set_title: str
    document: str
    provenance: str
    region: str | None
    region_name: str | None
    year: int | None
    indicators: list[IndicatorResult]
    criteria: list[CriterionResult]
    met_criteria: int
    total_criteria: int
    unverified: int
    next_steps: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


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


def _check_value(ind: Indicator, raw: Any, where: str) -> tuple[Any, str | None]:
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


# --- assessing -----------------------------------------------------------------------------------


def _unit(unit: str | None) -> str:
    """'%' sticks to the figure (25%), other units follow a space (36 triệu đồng/người/năm)."""
    return "" if not unit else ("%" if unit == "%" else f" {unit}")


def _shortfall(ind: Indicator, value: float, threshold: float) -> str | None:
    unit = _unit(ind.unit)
    if (ind.comparator in (">=", ">") and value < threshold) or (ind.comparator == ">" and value == threshold):
        return f"thiếu {vn_number(round(threshold - value, 4))}{unit}"
    if (ind.comparator in ("<=", "<") and value > threshold) or (ind.comparator == "<" and value == threshold):
        return f"vượt {vn_number(round(value - threshold, 4))}{unit}"
    return None


def _judge(
    ind: Indicator, value: Any, region: str | None, year: int | None
) -> tuple[str, float | None, str | None, str | None]:
    """(status, threshold, shortfall, note)."""
    if ind.comparator == "text":
        if value is None:
            return "missing", None, None, None
        flag = parse_flag(value)
        # A requirement of "Không" (no makeshift houses, no violations…) is met by answering "Không"
        # and missed by "Có"; "Đạt" / "Không đạt" keep their meaning.
        answer = str(value).strip().lower()
        if (ind.requirement or "").strip().lower() in ("không", "không có") and answer in _NO_YES:
            flag = _NO_YES[answer]
        if flag is None:
            return "cannot_judge", None, None, "yêu cầu bằng lời; cần đánh giá theo văn bản hướng dẫn"
        return ("met" if flag else "not_met"), None, None, "theo tự đánh giá của đơn vị"
    t = ind.threshold_for(region, year)
    if t is None:
        note = "ngưỡng cho vùng/năm này chưa có trong danh mục (chưa xác minh)"
        return ("missing" if value is None else "cannot_judge"), None, None, note
    if value is None:
        return "missing", t.value, None, None
    ok = {
        ">=": value >= t.value,
        "<=": value <= t.value,
        ">": value > t.value,
        "<": value < t.value,
        "==": value == t.value,
    }[ind.comparator]
    note = None if ind.figures_verified else "ngưỡng chưa xác minh với văn bản chính thức"
    return ("met" if ok else "not_met"), t.value, (None if ok else _shortfall(ind, value, t.value)), note


def assess(
    profile: Profile,
    catalogue: Catalogue,
    corpus=None,
    as_of: dt.date | None = None,
    default_province: str | None = None,
) -> Assessment:
    """Assess a profile (a province's own set replaces the national one for that province, or for
    `default_province` when the profile names none). Raises ProfileError listing every invalid cell."""
    cset = catalogue.sets.get(profile.set_id)
    if cset is None:
        raise ProfileError([f"không có bộ tiêu chí '{profile.set_id}'; có: {', '.join(sorted(catalogue.sets))}"])
    region = region_name = None
    warnings: list[str] = []
    regions = catalogue.regions
    own = catalogue.provincial(cset, profile.province or default_province) if not cset.province else None
    if own is not None:
        # The province decided its own thresholds for this level, tier and period: they are what it is held to.
        warnings.append(
            f"Dùng bộ tiêu chí riêng của tỉnh {own.province} ({own.title}, {own.document}) thay cho {cset.id}."
        )
        cset = own
    grouped = bool(cset.region_scheme) and regions.schemes[cset.region_scheme].by == "commune_group"
    # The web form's one place field carries the commune group for 2026-2030 sets (with a provincial set
    # the province is already chosen, so only the group selects a column).
    group_field = profile.region if cset.province else (profile.region or profile.province)
    place = group_field if grouped else profile.province
    try:
        check_year(profile.year)
        if place:
            region = column_for(regions, cset.region_scheme, str(place), as_of or dt.date.today())
        elif grouped:
            warnings.append("Chưa nêu nhóm xã (nhóm 1, 2, 3): giai đoạn 2026-2030 mức đạt chuẩn theo nhóm xã.")
        elif cset.region_scheme and profile.region:
            found = regions.find_region(cset.region_scheme, str(profile.region))
            if found is None:
                raise ProfileError([f"không nhận ra vùng '{profile.region}'"])
            region = found.code
        elif cset.region_scheme:
            warnings.append("Chưa nêu tỉnh: không xác định được ngưỡng theo vùng.")
    except PlaceError as exc:
        raise ProfileError([str(exc)]) from None
    if region is not None:
        region_name = regions.region(cset.region_scheme, region).name
    known = {ind.code: ind for _, ind in cset.indicators()}
    errors = [
        f"{where}: mã chỉ tiêu '{code}' không có trong bộ {cset.id}"
        for code, (_, where) in profile.values.items()
        if code not in known
    ]
    clean: dict[str, Any] = {}
    for code, (raw, where) in profile.values.items():
        if code in known:
            value, error = _check_value(known[code], raw, where)
            if error:
                errors.append(error)
            clean[code] = value
    if errors:
        raise ProfileError(errors)
    results: list[IndicatorResult] = []
    for crit, ind in cset.indicators():
        value = clean.get(ind.code)
        status, threshold, shortfall, note = _judge(ind, value, region, profile.year)
        requirement = (
            ind.requirement or ""
            if ind.comparator == "text"
            else (
                f"{SIGN[ind.comparator]} {vn_number(threshold)}{_unit(ind.unit)}"
                if threshold is not None
                else (ind.requirement or "chưa có ngưỡng")
            )
        )
        results.append(
            IndicatorResult(
                crit.number,
                crit.name,
                crit.group,
                ind.code,
                ind.name,
                ind.unit,
                requirement,
                threshold,
                value,
                status,
                shortfall,
                ind.section,
                ind.figures_verified,
                note,
            )
        )
    criteria: list[CriterionResult] = []
    pending = [c for c in cset.criteria if not c.indicators]
    if pending:
        warnings.append(
            f"{len(pending)} tiêu chí chưa biết chỉ tiêu và mức đạt chuẩn trong kho ("
            + ", ".join(str(c.number) for c in pending)
            + "): chưa thể đánh giá; cần đối chiếu bản chính thức."
        )
    for crit in cset.criteria:
        own = [r for r in results if r.criterion == crit.number]
        met = sum(r.status == "met" for r in own)
        if not own:
            status = "cannot_judge"
        elif met == len(own):
            status = "met"
        elif any(r.status == "not_met" for r in own):
            status = "not_met"
        elif any(r.status == "missing" for r in own):
            status = "missing"
        else:
            status = "cannot_judge"
        criteria.append(CriterionResult(crit.number, crit.name, crit.group, status, met, len(own), crit.section))
    doc = corpus.find(cset.document) if corpus is not None else None
    provenance = doc.meta.provenance if doc else "compiled"
    if provenance != "official":
        warnings.append(f"Các ngưỡng lấy từ {cset.document} ({COMPILED_MARK}).")
    unverified = sum(1 for r in results if r.threshold is not None and not r.verified)
    if unverified:
        warnings.append(f"{unverified} ngưỡng dùng để đánh giá chưa được xác minh với trang công khai.")
    steps = _next_steps(profile, cset, as_of)
    return Assessment(
        profile=profile,
        set_id=cset.id,
        set_title=cset.title,
        document=cset.document,
        provenance=provenance,
        region=region,
        region_name=region_name,
        year=profile.year,
        indicators=results,
        criteria=criteria,
        met_criteria=sum(c.status == "met" for c in criteria),
        total_criteria=len(criteria),
        unverified=unverified,
        next_steps=steps,
        warnings=warnings,
    )


def _next_steps(profile: Profile, cset: CriteriaSet, as_of: dt.date | None) -> list[dict]:
    level = profile.level or cset.level
    if level not in ("xã", "huyện"):
        return []
    when = as_of or (dt.date(profile.year, 12, 31) if profile.year else dt.date.today())
    r: Resolution = resolve(
        level, profile.tier, recognition_year=profile.recognition_year, as_of=when, not_recognised=not profile.tier
    )
    return [{"text": s.text, "refs": [asdict(x) for x in s.refs]} for s in (*r.notes, *r.actions)]


# --- outputs -----------------------------------------------------------------------------------------

_COLOURS = {"met": "#1b7f3b", "not_met": "#b42318", "missing": "#6b7280", "cannot_judge": "#b7791f"}
_CSS = "\n".join(
    [
        "body{font-family:system-ui,sans-serif;margin:24px;color:#111}",
        "table{border-collapse:collapse;width:100%;font-size:13px}",
        "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top} th{background:#f3f4f6}",
        *(f"tr.{k} td:nth-child(6){{color:{v};font-weight:600}}" for k, v in _COLOURS.items()),
        ".warn{background:#fff7d6;padding:8px 12px;border-left:4px solid #b7791f}",
        "@media print{.noprint{display:none}}",
    ]
)
_HEADER = "".join(
    f"<th>{h}</th>"
    for h in ("Tiêu chí", "Mã", "Chỉ tiêu", "Yêu cầu", "Giá trị", "Kết quả", "Còn thiếu", "Căn cứ", "Ghi chú")
)


def to_html(a: Assessment) -> str:
    """A self-contained, printable report with a table and a chart of met/unmet by group."""
    e = html.escape
    groups: dict[str, dict[str, int]] = {}
    for c in a.criteria:
        g = groups.setdefault(c.group or "Khác", {"met": 0, "other": 0})
        g["met" if c.status == "met" else "other"] += 1
    bars = []
    for i, (name, g) in enumerate(groups.items()):
        total = g["met"] + g["other"]
        y = 10 + i * 28
        bars.append(
            f'<text x="0" y="{y + 14}" font-size="12">{e(name[:34])}</text>'
            f'<rect x="240" y="{y}" width="{g["met"] * 30}" height="18" fill="{_COLOURS["met"]}"/>'
            f'<rect x="{240 + g["met"] * 30}" y="{y}" width="{g["other"] * 30}" height="18" '
            f'fill="{_COLOURS["not_met"]}"/>'
            f'<text x="{248 + total * 30}" y="{y + 14}" font-size="12">{g["met"]}/{total}</text>'
        )
    height = 20 + 28 * len(groups)
    chart = (
        f'<svg role="img" aria-label="Số tiêu chí đạt theo nhóm" width="640" height="{height}">{"".join(bars)}</svg>'
    )
    rows = "".join(
        f'<tr class="{r.status}"><td>{r.criterion}. {e(r.criterion_name)}</td><td>{e(r.code)}</td><td>{e(r.name)}</td>'
        f"<td>{e(r.requirement)}{'' if r.verified or r.threshold is None else ' (chưa xác minh)'}</td>"
        f"<td>{e('' if r.value is None else str(r.value))}</td><td>{STATUS_LABEL[r.status]}</td>"
        f"<td>{e(r.shortfall or '')}</td><td>{e(r.section)}</td><td>{e(r.note or '')}</td></tr>"
        for r in a.indicators
    )
    steps = "".join(f"<li>{e(s['text'])}</li>" for s in a.next_steps)
    warnings = "".join(f"<li>{e(w)}</li>" for w in a.warnings)
    who = e(a.profile.name or "Đơn vị")
    where = f", vùng {e(a.region_name)}" if a.region_name else ""
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo đánh giá — {who}</title>
<style>{_CSS}</style></head><body>
<h1>Báo cáo đánh giá: {who}</h1>
<p>{e(a.set_title)} ({e(a.document)}){where}{f", năm {a.year}" if a.year else ""}.</p>
<p><strong>Số tiêu chí đạt: {a.met_criteria}/{a.total_criteria}</strong></p>
<div class="warn"><ul>{warnings}</ul></div>
<h2>Theo nhóm</h2>{chart}
<h2>Từng chỉ tiêu</h2>
<table><thead><tr>{_HEADER}</tr></thead>
<tbody>{rows}</tbody></table>
<h2>Việc cần làm tiếp theo</h2><ol>{steps}</ol>
</body></html>"""


def to_xlsx(a: Assessment, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font, PatternFill

    def clean(value: Any) -> Any:
        # Control characters typed into a profile cannot be stored in a worksheet.
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả"
    ws.append([clean(f"{a.profile.name or 'Đơn vị'} — {a.set_title} ({a.document})")])
    ws.append([f"Số tiêu chí đạt: {a.met_criteria}/{a.total_criteria}", a.region_name or "", a.year or ""])
    ws.append(["Tiêu chí", "Mã", "Chỉ tiêu", "Yêu cầu", "Giá trị", "Kết quả", "Còn thiếu", "Căn cứ", "Ghi chú"])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    fills = {k: PatternFill("solid", fgColor=v.lstrip("#")) for k, v in _COLOURS.items()}
    for r in a.indicators:
        ws.append(
            [
                clean(f"{r.criterion}. {r.criterion_name}"),
                r.code,
                r.name,
                r.requirement,
                "" if r.value is None else clean(r.value),
                STATUS_LABEL[r.status],
                r.shortfall or "",
                r.section,
                r.note or "",
            ]
        )
        cell = ws.cell(row=ws.max_row, column=6)
        cell.fill = fills[r.status]
        cell.font = Font(color="FFFFFF", bold=True)
    notes = wb.create_sheet("Lưu ý")
    for w in a.warnings:
        notes.append([clean(w)])
    for s in a.next_steps:
        notes.append([clean(s["text"])])
    wb.save(path)
    return path
