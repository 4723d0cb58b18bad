"""`ntm corpus check`: what the corpus verifies, leaves unverified and disputes, and its problems."""

from __future__ import annotations

import dataclasses
import json
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from corpus.check import CheckReport, check

corpus_app = typer.Typer(help="Kiểm tra kho văn bản và bộ tiêu chí.", no_args_is_help=True, add_completion=False)
# Wide enough for the tables when the output is not a terminal (make test, CI logs).
console = Console(width=160) if not Console().is_terminal else Console()
err = Console(stderr=True)


@corpus_app.command("check")
def check_command(
    as_json: Annotated[bool, typer.Option("--json", help="In dạng JSON")] = False,
    sources: Annotated[bool, typer.Option("--sources", help="In cả danh sách nguồn của từng bộ tiêu chí")] = False,
) -> None:
    """Đếm số liệu đã xác minh, chưa xác minh, có tranh chấp giữa các nguồn; báo lỗi và thoát mã 1 khi một số
    liệu ghi đã xác minh mà không có nguồn, hay một quan hệ/mục trỏ tới văn bản không có trong kho."""
    from assistant.cli import _settings
    from assistant.service import Assistant

    assistant = Assistant(_settings())
    report = check(assistant.corpus, assistant.catalogue)
    if as_json:
        body = {**dataclasses.asdict(report), "totals": report.totals(), "ok": report.ok}
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
    else:
        _print(report, sources)
    if not report.ok:
        raise typer.Exit(1)


def _print(report: CheckReport, sources: bool) -> None:
    docs = Table(title=f"Văn bản ({len(report.documents)})")
    for col in ("Số hiệu", "Nguồn gốc", "Toàn văn", "Tình trạng", "Hiệu lực từ", "Nguồn", "Tranh chấp"):
        docs.add_column(col)
    for d in report.documents:
        docs.add_row(
            escape(d.number),
            "chính thức" if d.provenance == "official" else "biên soạn",
            "có" if d.full_text else "mục đăng ký",
            d.status,
            d.in_force_from or "chưa ghi nhận",
            str(len(d.sources)),
            str(len(d.disputes)),
        )
    console.print(docs)
    sets = Table(title=f"Bộ tiêu chí ({len(report.sets)})")
    for col in (
        "Bộ",
        "Văn bản",
        "Tiêu chí",
        "Chỉ tiêu",
        "Đã xác minh",
        "Chưa xác minh",
        "Ô xác minh riêng",
        "Tranh chấp",
    ):
        sets.add_column(col)
    for s in report.sets:
        count = str(s.indicators)
        if s.declared_indicators and s.declared_indicators != s.indicators:
            count += f" (văn bản có {s.declared_indicators})"
        crit = str(s.criteria) + (f" ({s.pending_criteria} chưa biết chỉ tiêu)" if s.pending_criteria else "")
        sets.add_row(
            s.id,
            escape(s.document),
            crit,
            count,
            str(s.verified),
            str(s.unverified),
            str(s.cells_verified_alone),
            str(s.disputed),
        )
    console.print(sets)
    if sources:
        for s in report.sets:
            console.print(f"[bold]{s.id}[/bold]: " + (", ".join(s.sources) or "không có nguồn"))
            for d in s.disputes:
                console.print(f"  - tranh chấp {escape(d)}")
    totals = report.totals()
    console.print(
        "Tổng: {documents} văn bản ({registry_entries} mục đăng ký, {official} chính thức); {indicators} chỉ tiêu, "
        "{verified} đã xác minh, {unverified} chưa xác minh, {cells_verified_alone} ô ngưỡng xác minh riêng, "
        "{disputed} điểm tranh chấp giữa các nguồn.".format(**totals)
    )
    if report.problems:
        err.print(f"[red]{len(report.problems)} lỗi:[/red]")
        for p in report.problems:
            err.print(f"  - {escape(p)}")
    else:
        console.print("[green]Không có lỗi.[/green]")
