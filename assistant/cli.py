"""`ntm` command line: ingest, index, search, docs, serve."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from assistant.errors import CorpusError
from assistant.progress import LineProgress
from assistant.service import Assistant
from assistant.settings import Settings, core_share
from assistant.supervisor import reuse_port_available
from assistant.supervisor import serve as run_workers

app = typer.Typer(help="Trợ lý tra cứu văn bản Nông thôn mới (NTM).", no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)


def _add_groups() -> None:
    # Imported here: the sub-command modules import `_settings` from this one.
    from assistant.cli_catalogue import assess, criteria
    from assistant.cli_corpus import corpus_app

    app.add_typer(corpus_app, name="corpus")
    app.command()(criteria)
    app.command()(assess)


_STAGES = {
    "chunk": "Cắt đoạn theo cấu trúc",
    "bm25": "Tách từ, lập chỉ mục BM25",
    "embed": "Tính vector nhúng",
    "chroma": "Ghi vào Chroma",
}
PROVENANCE_LABEL = {
    "official": "chính thức",
    "compiled": "biên soạn — cần đối chiếu bản chính thức",
}
STATUS_LABEL = {
    "in_force": "còn hiệu lực",
    "superseded": "đã được thay thế",
    "expired": "hết hiệu lực",
    "period_ended": "giai đoạn áp dụng đã kết thúc",
}
RELATION_LABEL = {
    "amends": "sửa đổi",
    "replaces": "thay thế",
    "guides": "hướng dẫn",
    "forwards": "chuyển tiếp",
    "implements": "triển khai",
}


def _settings() -> Settings:
    try:
        return Settings()
    except ValidationError as exc:
        err.print(f"[red]Cấu hình không hợp lệ:[/red] {exc}")
        raise typer.Exit(2) from exc


def _fail(exc: CorpusError) -> typer.Exit:
    err.print(f"[red]Lỗi:[/red] {escape(exc.message)}")
    return typer.Exit(1)


def _build(assistant: Assistant) -> None:
    if not err.is_terminal:
        # Logs and pipes: plain lines every few seconds instead of bars drawn only at the end.
        result = assistant.build(progress=LineProgress(lambda line: err.print(line, highlight=False), _STAGES))
        _built(result)
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, advance: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], advance=advance)

        result = assistant.build(progress=progress)
    _built(result)


def _built(result) -> None:
    m = result.manifest
    console.print(
        f"[green]Đã xây dựng chỉ mục[/green] {m['version']}: {m['documents']} văn bản, {m['chunks']} đoạn, "
        f"mô hình {m['model']}, tính mới {m['embedded']} vector (lấy từ bộ nhớ đệm {m['from_cache']}), "
        f"{m['seconds']} giây."
    )


@app.command()
def index(
    if_missing: Annotated[bool, typer.Option("--if-missing", help="Chỉ xây dựng khi chưa có chỉ mục")] = False,
) -> None:
    """Xây dựng (lại) chỉ mục tìm kiếm từ kho văn bản."""
    assistant = Assistant(_settings())
    if if_missing and assistant.has_index():
        console.print("Chỉ mục đã có; bỏ qua.")
        return
    try:
        _build(assistant)
    except CorpusError as exc:
        raise _fail(exc) from exc


def _ocr_progress(path: Path):
    """Prints each page of a scan as OCR reads it (seconds per page: a long scan takes minutes)."""

    def report(done: int, total: int, page: int) -> None:
        err.print(f"  Nhận dạng chữ (OCR) {escape(path.name)}: trang {page} — {done}/{total}", highlight=False)

    return report


@app.command()
def ingest(
    files: Annotated[list[Path], typer.Argument(help="Tệp PDF, DOCX, HTML, TXT hoặc Markdown")],
    official: Annotated[bool, typer.Option("--official", help="Tệp là bản chính thức (nguyên văn)")] = False,
    number: Annotated[str | None, typer.Option("--number", help="Số hiệu văn bản, khi tệp không ghi rõ")] = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép thay bản chính thức bằng bản khác")] = False,
    reindex: Annotated[bool, typer.Option("--index/--no-index", help="Xây dựng lại chỉ mục sau khi nạp")] = True,
) -> None:
    """Nạp hoặc thay thế văn bản theo số hiệu; bản chính thức thay bản biên soạn cùng số."""
    assistant = Assistant(_settings())
    failed = 0
    added = 0
    for path in files:
        try:
            result = assistant.ingest(
                path, official=official, number=number, force=force, ocr_progress=_ocr_progress(path)
            )
        except CorpusError as exc:
            err.print(f"[red]Lỗi:[/red] {escape(exc.message)}")
            failed += 1
            continue
        added += 1
        doc = result.document
        what = "thay thế" if result.replaced else "thêm"
        was = (
            f" (trước đây: {PROVENANCE_LABEL[result.replaced.meta.provenance]}; bản cũ lưu thành phiên bản "
            f"{(doc.meta.version or 2) - 1})"
            if result.replaced
            else ""
        )
        console.print(
            f"[green]Đã {what}[/green] {doc.number} — {PROVENANCE_LABEL[doc.meta.provenance]}{was} ← {path.name}"
        )
        _print_criteria(result.criteria)
    if added and reindex:
        try:
            _build(assistant)
        except CorpusError as exc:
            raise _fail(exc) from exc
    if failed:
        raise typer.Exit(1)


def _print_criteria(report) -> None:
    """What an official file's criteria tables gave the catalogue, and every cell left out."""
    if report is None or (not report.sets and not report.problems):
        return
    for cset in report.sets:
        n = len(cset.indicators())
        where = f", tỉnh {cset.province}" if cset.province else ""
        size = f"{len(cset.criteria)} tiêu chí, {n} chỉ tiêu"
        console.print(f"  [green]Bộ tiêu chí[/green] {cset.id}: {size} ({cset.period}{where})")
    if report.problems:
        err.print(f"  [yellow]{len(report.problems)} ô không nhập được (bỏ qua, không đoán):[/yellow]")
        for problem in report.problems:
            err.print(f"  - {escape(str(problem))}")


@app.command()
def search(
    question: Annotated[str, typer.Argument(help="Câu hỏi hoặc từ khóa")],
    k: Annotated[int, typer.Option("-k", "--k", min=1, max=100, help="Số kết quả")] = 5,
    doc: Annotated[str | None, typer.Option("--doc", help="Chỉ tìm trong văn bản có số hiệu này")] = None,
    mode: Annotated[str, typer.Option("--mode", help="hybrid | bm25 | dense")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON")] = False,
) -> None:
    """Tìm các đoạn văn bản liên quan đến câu hỏi."""
    if mode not in ("hybrid", "bm25", "dense"):
        err.print("[red]Lỗi:[/red] --mode phải là hybrid, bm25 hoặc dense.")
        raise typer.Exit(2)
    assistant = Assistant(_settings())
    try:
        results = assistant.search(question, k=k, doc=doc, mode=mode)
    except CorpusError as exc:
        raise _fail(exc) from exc
    if as_json:
        payload = [
            {
                "id": r.chunk.id,
                "doc": r.chunk.doc,
                "path": r.chunk.path,
                "parent": r.parent_path,
                "sections": r.chunk.section_paths,
                "page": r.chunk.page,
                "score": round(r.score, 6),
                "ranks": r.ranks,
                "provenance": r.chunk.meta.get("provenance"),
                "text": r.chunk.text,
            }
            for r in results
        ]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not results:
        console.print("Không tìm thấy đoạn nào phù hợp.")
        return
    for i, r in enumerate(results, start=1):
        mark = "" if r.chunk.meta.get("provenance") == "official" else " [yellow](biên soạn — cần đối chiếu)[/yellow]"
        page = f", tr. {r.chunk.page}" if r.chunk.page else ""
        console.print(f"[bold][{i}] {r.chunk.path}[/bold]{page}{mark}  [dim]điểm {r.score:.4f}[/dim]")
        text = r.chunk.text if len(r.chunk.text) <= 400 else r.chunk.text[:400] + "…"
        console.print(text, markup=False, highlight=False)
        console.print()


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Câu hỏi bằng tiếng Việt")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Trả lời cho ngày này (YYYY-MM-DD); mặc định hôm nay")
    ] = None,
    k: Annotated[int, typer.Option("-k", "--k", min=1, max=50, help="Số đoạn tham khảo")] = 8,
    llm: Annotated[
        bool, typer.Option("--llm", help="Viết câu trả lời bằng LLM đã cấu hình (NTM_LLM_BASE_URL)")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="In dạng JSON")] = False,
) -> None:
    """Hỏi đáp: bộ tiêu chí áp dụng, việc cần làm, kèm trích dẫn nguồn."""
    import datetime as dt

    settings = _settings()
    assistant = Assistant(settings)
    when = None
    if as_of:
        try:
            when = dt.date.fromisoformat(as_of)
        except ValueError:
            err.print(f"[red]Lỗi:[/red] ngày '{escape(as_of)}' không hợp lệ; dùng dạng YYYY-MM-DD.")
            raise typer.Exit(2) from None
    try:
        answer = assistant.ask(question, as_of=when, k=k)
        if llm:
            from assistant.llm import llm_answer, make_chat_model

            answer = llm_answer(answer, assistant, make_chat_model(settings))
    except CorpusError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    _print_answer(answer)


def _print_answer(answer) -> None:
    style = "yellow" if answer.refused else "bold"
    console.print(f"[dim]Áp dụng tại ngày {answer.as_of:%d/%m/%Y}[/dim]")
    for s in answer.sentences:
        marks = "".join(f"[{n}]" for n in s.cites)
        console.print(
            f"[{style}]{escape(s.text)}[/{style}] {escape(marks)}"
            if s is answer.sentences[0]
            else f"{escape(s.text)} {escape(marks)}"
        )
    card = answer.card
    if card is not None and card.applicable is not None:
        table = Table(title="Thẻ áp dụng", show_header=False)
        table.add_row("Tình trạng", escape(card.status))
        table.add_row("Bộ tiêu chí áp dụng", escape(card.applicable.title))
        table.add_row("Việc cần làm", escape("\n".join(f"{i}. {a.text}" for i, a in enumerate(card.actions, 1))))
        console.print(table)
    if answer.citations:
        console.print("[bold]Nguồn:[/bold]")
        for c in answer.citations:
            page = f", trang {c.page}" if c.page else ""
            mark = f" [yellow]({c.note})[/yellow]" if c.note else " (chính thức)"
            if c.ocr_note:
                mark += f" [yellow]({c.ocr_note})[/yellow]"
            console.print(f"[{c.n}] {escape(c.path)}{page}{mark}")
            console.print(f"    «{escape(c.quote)}»", highlight=False)
    if answer.flags:
        console.print(f"[yellow]Lưu ý:[/yellow] {escape(', '.join(answer.flags))}")


@app.command()
def docs(as_json: Annotated[bool, typer.Option("--json", help="In dạng JSON")] = False) -> None:
    """Liệt kê văn bản trong kho: nguồn gốc, hiệu lực, quan hệ."""
    assistant = Assistant(_settings())
    try:
        documents = assistant.corpus.documents()
    except CorpusError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps([d.meta.model_dump(mode="json") for d in documents], ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Kho văn bản ({len(documents)})", show_lines=True)
    for col in ("Số hiệu", "Ngày", "Trích yếu", "Nguồn gốc", "Hiệu lực", "Quan hệ"):
        table.add_column(col)
    for d in documents:
        m = d.meta
        status = STATUS_LABEL[m.status]
        if m.superseded_by:
            status += f" bởi {m.superseded_by}"
        if m.status_from:
            status += f" từ {m.status_from:%d/%m/%Y}"
        if not m.full_text:
            status += " (chưa có toàn văn)"
        relations = "\n".join(f"{RELATION_LABEL[r.type]} {r.target}" for r in m.relations)
        title = (m.title or "")[:90]
        table.add_row(
            escape(m.number),
            f"{m.issued:%d/%m/%Y}" if m.issued else "",
            escape(title),
            PROVENANCE_LABEL[m.provenance],
            status,
            relations,
        )
    console.print(table)


@app.command(name="eval")
def eval_command(
    split: Annotated[
        str, typer.Option("--set", help="dev (để tinh chỉnh) hoặc test (không bao giờ dùng để tinh chỉnh)")
    ] = "dev",
    retriever: Annotated[
        str, typer.Option("--retriever", help="bm25 | dense | hybrid | assistant | langchain | all")
    ] = "all",
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Số đoạn truy hồi")] = 10,
    name: Annotated[str | None, typer.Option("--name", help="Tên báo cáo (mặc định <set>-<retriever>)")] = None,
    gate: Annotated[
        Path | None, typer.Option("--gate", help="Tệp ngưỡng TOML; thất bại nếu chỉ số dưới ngưỡng")
    ] = None,
) -> None:
    """Đánh giá trên bộ câu hỏi: truy hồi theo từng bộ, câu trả lời, độ trễ; ghi báo cáo và biểu đồ."""
    import datetime as dt
    import os
    import platform
    import tempfile

    from assistant.evaluate import EVAL_TODAY, RETRIEVERS, check_gate, evaluate, load_items, write_report

    if split not in ("dev", "test"):
        err.print("[red]Lỗi:[/red] --set phải là dev hoặc test.")
        raise typer.Exit(2)
    kinds = RETRIEVERS if retriever == "all" else (retriever,)
    if any(kind not in RETRIEVERS for kind in kinds):
        err.print(f"[red]Lỗi:[/red] --retriever phải là một trong {', '.join(RETRIEVERS)} hoặc all.")
        raise typer.Exit(2)
    try:
        items = load_items(split)
    except (OSError, ValueError) as exc:
        err.print(f"[red]Lỗi:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from exc
    base = _settings()
    with tempfile.TemporaryDirectory() as tmp:
        # A fresh index over the built-in corpus (the embedding cache is shared, so it is quick).
        settings = base.model_copy(update={"data_dir": Path(tmp) / "data", "today": EVAL_TODAY})
        assistant = Assistant(settings)
        cache = base.cache_path
        settings_cache = settings.cache_path
        settings_cache.parent.mkdir(parents=True, exist_ok=True)
        if cache.exists():
            import shutil

            shutil.copy(cache, settings_cache)
        try:
            _build(assistant)
            scored = sum(1 for i in items if i.expected_sections and not i.must_refuse)
            with Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
            ) as bar:
                tasks = {kind: bar.add_task(f"truy hồi: {kind}", total=scored) for kind in kinds}
                tasks["answers"] = bar.add_task("trả lời", total=len(items))
                report = evaluate(
                    assistant,
                    items,
                    kinds,
                    k=k,
                    baseline_dir=Path(tmp) / "baseline",
                    progress=lambda key, n: bar.update(tasks[key], advance=n),
                )
        except CorpusError as exc:
            raise _fail(exc) from exc
    meta = {
        "set": split,
        "items": len(items),
        "embedder": settings.embedder,
        "today": EVAL_TODAY.isoformat(),
        "machine": f"{platform.machine()}, {os.cpu_count()} lõi",
        "when": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "k": k,
    }
    json_path, md_path = write_report(report, name or f"{split}-{retriever}", meta)
    table = Table(title=f"Đánh giá tập {split} ({len(items)} câu hỏi)")
    for col in ("bộ truy hồi", "R@1", "R@5", "R@10", "MRR@10", "nDCG@10", "p95 ms"):
        table.add_column(col)
    for kind, m in report["retrievers"].items():
        table.add_row(
            kind,
            f"{m['recall@1']:.3f}",
            f"{m['recall@5']:.3f}",
            f"{m['recall@10']:.3f}",
            f"{m['mrr@10']:.3f}",
            f"{m['ndcg@10']:.3f}",
            str(m["latency_ms"]["p95"]),
        )
    console.print(table)
    a = report["answers"]
    console.print(
        f"Bộ tiêu chí áp dụng đúng: {a['applicability_accuracy']} ({a['applicability_items']} câu); "
        f"chứa đủ từ khóa: {a['must_contain_accuracy']}; từ chối P/R: {a['refusal_precision']}/{a['refusal_recall']}; "
        f"trích dẫn hợp lệ: {a['citation_validity']}; ask p50/p95: {a['latency_ms']['p50']}/{a['latency_ms']['p95']} ms"
    )
    console.print(f"Báo cáo: {json_path} và {md_path}")
    if gate is not None:
        failures = check_gate(report, gate, split)
        if failures:
            err.print("[red]Không đạt ngưỡng:[/red]\n- " + "\n- ".join(failures))
            raise typer.Exit(1)
        console.print(f"[green]Đạt mọi ngưỡng trong {gate}.[/green]")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Địa chỉ (mặc định NTM_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="Cổng (mặc định NTM_PORT)")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Số tiến trình")] = 1,
) -> None:
    """Chạy API và trang trò chuyện."""
    import uvicorn

    settings = _settings()
    if workers > 1 and "OMP_NUM_THREADS" not in os.environ:
        # The embedding engine (OpenMP) starts one thread per core in every worker; with several
        # workers those threads fight for the same cores and spin. Share the cores out instead
        # (2 cores, idle: one query costs 21.5 ms CPU with 2 threads, 16.3 ms with 1).
        os.environ["OMP_NUM_THREADS"] = str(core_share(workers))
    # Every worker process reads NTM_WORKERS to share the rate limit out among them.
    os.environ["NTM_WORKERS"] = str(workers)
    options = dict(
        app="api.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        log_level="info",
        # X-Forwarded-For only from the proxies named in NTM_TRUSTED_PROXIES (uvicorn trusts loopback by default).
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=",".join(settings.trusted_proxies) or "",
    )
    if workers > 1 and settings.reuse_port and reuse_port_available():
        # One listening socket per worker (SO_REUSEPORT): the kernel spreads connections over the workers.
        run_workers(options, workers)
    else:
        uvicorn.run(**options, workers=workers)


if __name__ == "__main__":
    app()


_add_groups()
