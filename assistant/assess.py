"""Compliance gap report: a commune's or district's values against its criteria set, indicator by
indicator, with the threshold for its region and year, shortfalls, citations and next steps."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.applicability import resolve
from assistant.format import COMPILED_MARK, SIGN, vn_number
from assistant.profile import NO_YES, Profile, ProfileError, check_value, parse_flag
from assistant.target_sets import Resolution
from corpus.criteria import Catalogue, CriteriaSet, Indicator
from corpus.places import PlaceError, check_year, column_for

STATUS_LABEL = {
    "met": "Đạt",
    "not_met": "Chưa đạt",
    "missing": "Thiếu số liệu",
    "cannot_judge": "Không thể kết luận",
}


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


_TARGET = "mức phải đạt đến năm"


def _meets(ind: Indicator, value: Any, threshold: float) -> bool:
    return {
        ">=": value >= threshold,
        "<=": value <= threshold,
        ">": value > threshold,
        "<": value < threshold,
        "==": value == threshold,
    }[ind.comparator]


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
        if (ind.requirement or "").strip().lower() in ("không", "không có") and answer in NO_YES:
            flag = NO_YES[answer]
        if flag is None:
            return "cannot_judge", None, None, "yêu cầu bằng lời; cần đánh giá theo văn bản hướng dẫn"
        return ("met" if flag else "not_met"), None, None, "theo tự đánh giá của đơn vị"
    t = ind.threshold_for(region, year)
    target = ind.threshold_for(region, None) if t is None and year is not None else None
    if target is not None and target.year is not None and target.year > year:
        # "… đến năm 2020" asked of 2019: the table fixes only the level to reach by 2020. Reaching it settles the
        # question; falling short of it does not, since the year asked may have had a lower level.
        ok = _meets(ind, value, target.value) if value is not None else None
        note = f"{_TARGET} {target.year}; danh mục không có mức riêng cho năm {year}"
        if ok:
            return "met", target.value, None, note
        return ("missing" if value is None else "cannot_judge"), target.value, None, note
    if t is None:
        note = "ngưỡng cho vùng/năm này chưa có trong danh mục (chưa xác minh)"
        return ("missing" if value is None else "cannot_judge"), None, None, note
    if value is None:
        return "missing", t.value, None, None
    ok = _meets(ind, value, t.value)
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
            value, error = check_value(known[code], raw, where)
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
                + (f" ({note.split(';')[0]})" if note and note.startswith(_TARGET) else "")
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
