"""`ntm criteria` and `ntm assess`: the criteria catalogue, with the sets imported from official files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from assistant.cli import _fail, _settings, console, err
from assistant.errors import CorpusError
from assistant.format import SIGN, vn_number
from assistant.settings import Settings
from corpus.criteria import Catalogue


def _catalogue(settings: Settings | None = None) -> Catalogue:
    """The written catalogue and the sets imported from official files (data/criteria/)."""
    return Catalogue(imported=(settings or _settings()).criteria_dir)


def _province_region(catalogue, cset, province: str) -> str | None:
    """The region (or commune group, 2026-2030) a --province selects, read on today's map."""
    import datetime as dt

    from corpus.places import PlaceError, column_for

    try:
        return column_for(catalogue.regions, cset.region_scheme, province, dt.date.today())
    except PlaceError as exc:
        err.print(f"[red]Lỗi:[/red] {escape(str(exc))}")
        raise typer.Exit(1) from None


def _threshold_cell(ind, region: str | None, year: int | None, scheme: str | None) -> str:
    """The requirement of an indicator as a table cell: one region's figure, or all of them."""
    if ind.comparator == "text":
        return ind.requirement or ""
    if region or not scheme:
        t = ind.threshold_for(region, year)
        if t is None:
            return ind.requirement or "—"
        where = f" ({t.year})" if t.year else ""
        return f"{SIGN[ind.comparator]} {vn_number(t.value)} {ind.unit or ''}{where}".strip()
    parts = []
    for t in ind.thresholds:
        # "*" alone applies to every region; beside regional figures it is the national ("chung") value.
        alone = all(x.region == "*" for x in ind.thresholds)
        label = ("mọi vùng" if alone else "chung") if t.region == "*" else t.region
        year_part = f" {t.year}" if t.year else ""
        parts.append(f"{label}{year_part}: {SIGN[ind.comparator]} {vn_number(t.value)}")
    unit = f" ({ind.unit})" if ind.unit else ""
    return ("; ".join(parts) + unit) if parts else (ind.requirement or "—")


def criteria(
    document: Annotated[str | None, typer.Argument(help="Số hiệu văn bản, ví dụ 318/QĐ-TTg")] = None,
    set_name: Annotated[str | None, typer.Option("--set", help="Bộ tiêu chí, ví dụ xa-ntm, xa-nang-cao")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Vùng: mã (TDMNPB) hoặc tên")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Tỉnh (suy ra vùng)")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm xét (ngưỡng theo năm)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="In dạng JSON")] = False,
) -> None:
    """In bộ tiêu chí với ngưỡng theo vùng/năm; đánh dấu con số chưa xác minh."""
    catalogue = _catalogue()
    try:
        sets = list(catalogue.sets.values())
    except CorpusError as exc:
        raise _fail(exc) from exc
    if document is None:
        for s in sets:
            n = len(s.indicators())
            verified = sum(i.figures_verified for _, i in s.indicators())
            console.print(
                f"{s.document:<16} --set {s.short:<20} {escape(s.title)} "
                f"({len(s.criteria)} tiêu chí, {n} chỉ tiêu, {verified} đã xác minh)"
            )
        return
    chosen = [
        s for s in catalogue.for_document(document) if set_name is None or s.short == set_name or s.id == set_name
    ]
    if not chosen:
        known = ", ".join(f"{s.document} --set {s.short}" for s in sets)
        err.print(
            f"[red]Lỗi:[/red] không có bộ tiêu chí cho '{escape(document)}'"
            f"{(' --set ' + escape(set_name)) if set_name else ''}. Có: {known}"
        )
        raise typer.Exit(1)
    for cset in chosen:
        region_code = None
        if province:
            region_code = _province_region(catalogue, cset, province)
        elif region:
            found = catalogue.regions.find_region(cset.region_scheme, region) if cset.region_scheme else None
            if cset.region_scheme and found is None:
                err.print(f"[red]Lỗi:[/red] không nhận ra vùng '{region}'.")
                raise typer.Exit(1)
            region_code = found.code if found else None
        if as_json:
            typer.echo(json.dumps(cset.model_dump(mode="json"), ensure_ascii=False, indent=2))
            continue
        where = ""
        if region_code:
            where = f" — vùng {catalogue.regions.region(cset.region_scheme, region_code).name}"
        table = Table(title=f"{cset.title} ({cset.document}){where}", show_lines=False)
        for col in ("Tiêu chí", "Chỉ tiêu", "Nội dung", "Ngưỡng", "Xác minh"):
            table.add_column(col)
        for cond in cset.conditions:
            table.add_row(
                "Điều kiện",
                cond.code,
                cond.name,
                cond.requirement or "",
                "✓" if cond.figures_verified else "[yellow]chưa[/yellow]",
            )
        for crit, ind in cset.indicators():
            cell = _threshold_cell(ind, region_code, year, cset.region_scheme)
            mark = "✓" if ind.figures_verified else "[yellow]chưa xác minh[/yellow]"
            table.add_row(escape(f"{crit.number}. {crit.name}"), ind.code, escape(ind.name), escape(cell), mark)
        console.print(table)
        total = len(cset.indicators())
        verified = sum(i.figures_verified for _, i in cset.indicators())
        console.print(
            f"{len(cset.criteria)} tiêu chí, {total} chỉ tiêu; {verified} đã xác minh với trang công khai, "
            f"{total - verified} [yellow]chưa xác minh[/yellow] — đối chiếu văn bản chính thức trước khi dùng."
        )


_STATUS_STYLE = {"met": "green", "not_met": "red", "missing": "dim", "cannot_judge": "yellow"}


def assess(
    target: Annotated[str, typer.Argument(help="'template' để tạo mẫu, hoặc tệp hồ sơ đã điền (.xlsx, .csv, .json)")],
    set_id: Annotated[str | None, typer.Option("--set", help="Bộ tiêu chí (cho 'template'), ví dụ 318-xa-ntm")] = None,
    province: Annotated[str | None, typer.Option("--province", help="Tỉnh (suy ra vùng)")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm đánh giá")] = None,
    out: Annotated[Path, typer.Option("--out", help="Thư mục ghi mẫu")] = Path("."),
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả JSON")] = False,
    html_out: Annotated[Path | None, typer.Option("--html", help="Ghi báo cáo HTML")] = None,
    xlsx_out: Annotated[Path | None, typer.Option("--xlsx", help="Ghi báo cáo Excel")] = None,
) -> None:
    """Đánh giá mức đạt: tạo mẫu nhập số liệu, hoặc chấm từng chỉ tiêu của một hồ sơ xã/huyện."""
    from assistant.assess import STATUS_LABEL, to_html, to_xlsx
    from assistant.assess import assess as run_assessment
    from assistant.profile import ProfileError, read_profile, write_template
    from corpus.registry import Corpus

    settings = _settings()
    catalogue = _catalogue(settings)
    if target == "template":
        if not set_id or set_id not in catalogue.sets:
            err.print(f"[red]Lỗi:[/red] cần --set, một trong: {', '.join(sorted(catalogue.sets))}")
            raise typer.Exit(2)
        cset = catalogue.sets[set_id]
        region = None
        if province:
            region = _province_region(catalogue, cset, province)
        xlsx, csv_path = write_template(cset, out, region, province, year)
        console.print(f"[green]Đã tạo mẫu[/green] {xlsx} và {csv_path} ({len(cset.indicators())} chỉ tiêu).")
        return
    path = Path(target)
    if not path.is_file():
        err.print(f"[red]Lỗi:[/red] không có tệp '{escape(target)}' (hoặc dùng 'ntm assess template --set …').")
        raise typer.Exit(2)
    try:
        result = run_assessment(read_profile(path), catalogue, Corpus(None), default_province=settings.province)
    except ProfileError as exc:
        err.print("[red]Hồ sơ không hợp lệ:[/red]")
        for line in exc.errors:
            err.print(f"- {escape(line)}")
        raise typer.Exit(1) from exc
    if html_out:
        html_out.write_text(to_html(result), encoding="utf-8")
    if xlsx_out:
        to_xlsx(result, xlsx_out)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
        return
    where = f", vùng {result.region_name}" if result.region_name else ""
    table = Table(title=f"{escape(result.profile.name or 'Đơn vị')} — {escape(result.set_title)}{escape(where)}")
    for col in ("Tiêu chí", "Mã", "Yêu cầu", "Giá trị", "Kết quả", "Còn thiếu", "Căn cứ"):
        table.add_column(col)
    for r in result.indicators:
        style = _STATUS_STYLE[r.status]
        table.add_row(
            escape(f"{r.criterion}. {r.criterion_name}"),
            r.code,
            escape(r.requirement + ("" if r.verified or r.threshold is None else " (chưa xác minh)")),
            escape("" if r.value is None else str(r.value)),
            f"[{style}]{STATUS_LABEL[r.status]}[/{style}]",
            escape(r.shortfall or ""),
            escape(r.section),
        )
    console.print(table)
    console.print(f"[bold]Số tiêu chí đạt: {result.met_criteria}/{result.total_criteria}[/bold]")
    for w in result.warnings:
        console.print(f"[yellow]Lưu ý:[/yellow] {escape(w)}")
    if result.next_steps:
        console.print("[bold]Việc cần làm tiếp theo:[/bold]")
        for i, step in enumerate(result.next_steps, 1):
            console.print(f"{i}. {escape(step['text'])}")
    for path_out in (html_out, xlsx_out):
        if path_out:
            console.print(f"Đã ghi {path_out}")
