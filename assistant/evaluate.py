"""Evaluation: retrieval metrics per retriever (BM25, dense, hybrid, the assistant's filtered
hybrid, and a plain LangChain pipeline as baseline), answer metrics, latency, and a report
(JSON + Markdown + PNG plots) on the curated Q&A set in eval/qa/."""

from __future__ import annotations

import datetime as dt
import json
import math
import statistics
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.retrieve import Searcher
from assistant.scoring import SCOPES, AnswerScores, markdown
from assistant.service import Assistant

ROOT = Path(__file__).resolve().parents[1]
QA_DIR = ROOT / "eval" / "qa"
REPORTS = ROOT / "eval" / "reports"
RETRIEVERS = ("bm25", "dense", "hybrid", "assistant", "langchain")
KS = tuple(range(1, 11))
EVAL_TODAY = dt.date(2026, 11, 24)  # the set's default date: items with as_of null are asked "today"


@dataclass
class Item:
    id: str
    question: str
    as_of: dt.date | None
    history: list[str]
    expected_docs: list[str]
    expected_sections: list[str]
    expected_applicability: dict | None
    must_contain: list[str]
    must_refuse: bool
    tags: list[str] = field(default_factory=list)
    expected_scope: str | None = None  # answer | not_in_corpus | out_of_domain (default: from must_refuse)
    expected_kind: str | list[str] | None = None  # the kind of answer the chooser should pick

    def __post_init__(self) -> None:
        if self.expected_scope is None:
            self.expected_scope = "out_of_domain" if self.must_refuse else "answer"


def load_items(name: str, folder: Path = QA_DIR) -> list[Item]:
    """Items of `dev` or `test`; a malformed line names its file and line number."""
    path = folder / f"{name}.jsonl"
    items: list[Item] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            raw["as_of"] = dt.date.fromisoformat(raw["as_of"]) if raw.get("as_of") else None
            item = Item(**raw)
            if item.expected_scope not in SCOPES or item.must_refuse != (item.expected_scope == "out_of_domain"):
                raise ValueError(f"expected_scope {item.expected_scope!r} không khớp must_refuse")
            items.append(item)
        except (ValueError, TypeError, KeyError) as exc:
            raise ValueError(f"{path.name}:{n}: mục không hợp lệ ({exc})") from exc
    return items


def relevant(covered: list[str], expected: str) -> bool:
    """A retrieved passage answers an expected section if it holds it, or lies inside it."""
    return any(c == expected or c.startswith(expected + " › ") for c in covered)


def rank_of(ranked: list[list[str]], expected: list[str]) -> int | None:
    for i, covered in enumerate(ranked, start=1):
        if any(relevant(covered, e) for e in expected):
            return i
    return None


def ndcg(ranked: list[list[str]], expected: list[str], k: int = 10) -> float:
    # Each expected section earns its gain once: two passages inside the same section are one find.
    found: set[str] = set()
    gains = []
    for covered in ranked[:k]:
        new = [e for e in expected if e not in found and relevant(covered, e)]
        found.update(new)
        gains.append(1.0 if new else 0.0)
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(expected), k)))
    return dcg / ideal if ideal else 0.0


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))], 2)


class LangChainBaseline:
    """A plain LangChain pipeline: RecursiveCharacterTextSplitter(1000, 200) over the same texts,
    the same embedder, Chroma top-k. Each piece is mapped back to the sections it overlaps, so it
    is scored on the same section paths as the structure-aware chunks."""

    def __init__(self, assistant: Assistant, folder: Path) -> None:
        from langchain_chroma import Chroma
        from langchain_core.documents import Document as LCDocument
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from assistant.lc import NTMEmbeddings

        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
        pieces: list[LCDocument] = []
        for document, root in assistant.corpus.parsed():
            text, spans = "", []
            for section in root.walk()[1:]:
                if section.text:
                    spans.append((len(text), len(text) + len(section.text), section.path))
                    text += section.text + "\n"
            for piece in splitter.create_documents([text], metadatas=[{"doc": document.number}]):
                start = piece.metadata["start_index"]
                end = start + len(piece.page_content)
                covered = [p for a, b, p in spans if a < end and b > start]
                piece.metadata["sections"] = json.dumps(covered, ensure_ascii=False)
                pieces.append(piece)
        self.pieces = len(pieces)
        self.store = Chroma.from_documents(
            pieces, NTMEmbeddings(assistant.embedder), collection_name="baseline", persist_directory=str(folder)
        )

    def search(self, question: str, k: int) -> list[list[str]]:
        return [json.loads(d.metadata["sections"]) for d in self.store.similarity_search(question, k=k)]


def _retrieve(
    assistant: Assistant, kind: str, item: Item, k: int, baseline: LangChainBaseline | None
) -> list[list[str]]:
    if kind == "langchain":
        assert baseline is not None
        return baseline.search(item.question, k)
    if kind == "assistant":
        # What the assistant puts in front of the user: the sections its answer cites, in reading order,
        # then the passages its retrieval found.
        answer = assistant.safe_ask(item.question, as_of=item.as_of, history=item.history)
        text, query, when = assistant.interpret(item.question, as_of=item.as_of, history=item.history)
        cited = [[c.path] for c in answer.citations]
        found = [[*r.chunk.section_paths, r.chunk.path] for r in assistant.retrieve(text, query, when, k=k)]
        ranked: list[list[str]] = []
        for paths in cited + found:
            if paths not in ranked:
                ranked.append(paths)
        return ranked[:k]
    else:
        results = Searcher(assistant.index(), assistant.embedder, assistant.settings).search(
            item.question, k=k, mode=kind
        )
    return [[*r.chunk.section_paths, r.chunk.path] for r in results]


def _applicability_ok(card, expected: dict) -> bool:
    if card is None:
        return False
    want_missing = sorted(expected.get("missing") or [])
    if sorted(card.missing) != want_missing:
        return False
    if expected.get("doc"):
        if card.applicable is None or card.applicable.doc != expected["doc"]:
            return False
        if expected.get("ref") and card.applicable.ref.path != expected["ref"]:
            return False
    return not (expected.get("case") and (card.case is None or card.case.path != expected["case"]))


def evaluate(
    assistant: Assistant,
    items: list[Item],
    retrievers: tuple[str, ...],
    k: int = 10,
    baseline_dir: Path | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> dict:
    """Run every retriever and the full answer pipeline over the items; return the report dict."""
    baseline = None
    if "langchain" in retrievers:
        baseline = LangChainBaseline(assistant, baseline_dir or Path("/tmp/ntm-baseline"))
    assistant.safe_ask("xã đạt chuẩn nông thôn mới")  # warm: model, index, catalogue loaded before timing
    scored = [i for i in items if i.expected_sections and not i.must_refuse]
    per_retriever: dict[str, dict] = {}
    per_item: dict[str, dict] = {i.id: {"question": i.question, "tags": i.tags, "ranks": {}} for i in items}
    for kind in retrievers:
        ranks, ndcgs, latencies = [], [], []
        for item in scored:
            t0 = time.perf_counter()
            ranked = _retrieve(assistant, kind, item, k, baseline)
            latencies.append((time.perf_counter() - t0) * 1000)
            r = rank_of(ranked, item.expected_sections)
            ranks.append(r)
            ndcgs.append(ndcg(ranked, item.expected_sections, k))
            per_item[item.id]["ranks"][kind] = r
            if progress:
                progress(kind, 1)
        n = len(scored) or 1
        per_retriever[kind] = {
            "items": len(scored),
            **{f"recall@{j}": round(sum(1 for r in ranks if r and r <= j) / n, 4) for j in KS},
            "mrr@10": round(sum(1 / r for r in ranks if r and r <= 10) / n, 4),
            "ndcg@10": round(statistics.fmean(ndcgs) if ndcgs else 0.0, 4),
            "latency_ms": {"p50": pct(latencies, 50), "p95": pct(latencies, 95)},
            "latencies": [round(x, 2) for x in latencies],
        }
    # Answers: the full pipeline, once per item.
    app_total = app_ok = 0
    cites_total = cites_ok = 0
    scores = AnswerScores()
    ask_latency: list[float] = []
    for item in items:
        t0 = time.perf_counter()
        answer = assistant.safe_ask(item.question, as_of=item.as_of, history=item.history)
        ask_latency.append((time.perf_counter() - t0) * 1000)
        row = per_item[item.id]
        row["refused"] = answer.refused
        if item.expected_applicability is not None:
            app_total += 1
            ok = _applicability_ok(answer.card, item.expected_applicability)
            app_ok += ok
            row["applicability_ok"] = ok
        scored_row = scores.add(item, answer)
        row.update({k: v for k, v in scored_row.items() if k not in ("id", "question")})
        for c in answer.citations:
            cites_total += 1
            section = assistant.section(c.path)
            cites_ok += bool(section is not None and c.quote and c.quote in section.full_text())
        if progress:
            progress("answers", 1)
    answers = {
        "items": len(items),
        "applicability_accuracy": round(app_ok / app_total, 4) if app_total else None,
        "applicability_items": app_total,
        **scores.summary(),
        "citation_validity": round(cites_ok / cites_total, 4) if cites_total else None,
        "citations": cites_total,
        "latency_ms": {"p50": pct(ask_latency, 50), "p95": pct(ask_latency, 95)},
        "latencies": [round(x, 2) for x in ask_latency],
    }
    per_doc: dict[str, dict[str, float]] = {}
    for kind in retrievers:
        by_doc: dict[str, list[bool]] = {}
        for item in scored:
            doc = item.expected_docs[0] if item.expected_docs else item.expected_sections[0].split(" › ")[0]
            r = per_item[item.id]["ranks"].get(kind)
            by_doc.setdefault(doc, []).append(bool(r and r <= 5))
        per_doc[kind] = {d: round(sum(v) / len(v), 4) for d, v in sorted(by_doc.items())}
    return {
        "retrievers": per_retriever,
        "answers": answers,
        "per_document_recall@5": per_doc,
        "baseline_pieces": baseline.pieces if baseline else None,
        "items": per_item,
    }


def flatten(report: dict) -> dict[str, float]:
    """'hybrid.recall@5', 'answers.applicability_accuracy', … for thresholds."""
    flat: dict[str, float] = {}
    for kind, metrics in report["retrievers"].items():
        for key, value in metrics.items():
            if isinstance(value, (int, float)):
                flat[f"{kind}.{key}"] = value
    for key, value in report["answers"].items():
        if isinstance(value, (int, float)):
            flat[f"answers.{key}"] = value
    return flat


def check_gate(report: dict, thresholds_path: Path, split: str) -> list[str]:
    """Metrics under their thresholds, as Vietnamese lines (empty when all pass)."""
    thresholds = tomllib.loads(thresholds_path.read_text(encoding="utf-8")).get(split, {})
    flat = flatten(report)
    failures = []
    for key, minimum in thresholds.items():
        value = flat.get(key)
        if value is None:
            failures.append(f"{key}: không có trong báo cáo (ngưỡng {minimum})")
        elif value < minimum:
            failures.append(f"{key} = {value} < ngưỡng {minimum}")
    return failures


def write_report(report: dict, name: str, meta: dict, folder: Path = REPORTS) -> tuple[Path, Path]:
    """eval/reports/<name>.json and .md, with PNG plots beside them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    report = {"meta": meta, **report}
    json_path = folder / f"{name}.json"
    json_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    retr = report["retrievers"]
    fig, ax = plt.subplots(figsize=(7, 4))
    for kind, m in retr.items():
        ax.plot(KS, [m[f"recall@{j}"] for j in KS], marker="o", label=kind)
    ax.set(xlabel="k", ylabel="recall@k (sections)", ylim=(0, 1.02), title=f"Recall@k — {meta['set']}")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    recall_png = folder / f"{name}-recall.png"
    fig.savefig(recall_png, dpi=110)
    plt.close(fig)

    per_doc = report["per_document_recall@5"]
    docs = sorted({d for v in per_doc.values() for d in v})
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(1, len(per_doc))
    for i, (kind, values) in enumerate(per_doc.items()):
        ax.bar([x + i * width for x in range(len(docs))], [values.get(d, 0) for d in docs], width, label=kind)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(docs))], docs, rotation=30, ha="right", fontsize=8)
    ax.set(ylabel="recall@5", ylim=(0, 1.05), title="Recall@5 theo văn bản")
    ax.legend(fontsize=8)
    fig.tight_layout()
    doc_png = folder / f"{name}-per-document.png"
    fig.savefig(doc_png, dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(7, 4))
    ax.hist(report["answers"]["latencies"], bins=30, alpha=0.7, label="ask (toàn bộ)")
    for kind, m in retr.items():
        ax.hist(m["latencies"], bins=30, alpha=0.4, label=kind)
    ax.set(xlabel="ms", ylabel="số câu hỏi", title="Độ trễ")
    ax.legend(fontsize=8)
    fig.tight_layout()
    latency_png = folder / f"{name}-latency.png"
    fig.savefig(latency_png, dpi=110)
    plt.close(fig)

    a = report["answers"]
    lines = [
        f"# Đánh giá `{name}` — tập {meta['set']}",
        "",
        f"{meta['items']} câu hỏi; mô hình {meta['embedder']}; ngày mặc định {meta['today']}; máy {meta['machine']}; "
        f"{meta['when']}.",
        "",
        "## Truy hồi (theo mục văn bản)",
        "",
        "| bộ truy hồi | R@1 | R@5 | R@10 | MRR@10 | nDCG@10 | p50 ms | p95 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind, m in retr.items():
        lines.append(
            f"| {kind} | {m['recall@1']:.3f} | {m['recall@5']:.3f} | {m['recall@10']:.3f} | {m['mrr@10']:.3f} | "
            f"{m['ndcg@10']:.3f} | {m['latency_ms']['p50']} | {m['latency_ms']['p95']} |"
        )
    lines += [
        "",
        "`assistant` = các mục mà câu trả lời trích dẫn (theo thứ tự đọc), rồi các đoạn do truy hồi của trợ lý tìm "
        "được (hybrid + hiểu câu hỏi: lọc cấp, hạng, văn bản còn hiệu lực theo ngày; ưu tiên văn bản được nêu); "
        "`langchain` = RecursiveCharacterTextSplitter 1000/200 + cùng mô hình nhúng + Chroma "
        f"({report['baseline_pieces']} đoạn).",
        "",
        "## Câu trả lời",
        "",
        "| chỉ số | giá trị |",
        "| --- | --- |",
        f"| độ đúng bộ tiêu chí áp dụng ({a['applicability_items']} câu) | {a['applicability_accuracy']} |",
        f"| chứa đủ từ khóa bắt buộc ({a['must_contain_items']} câu) | {a['must_contain_accuracy']} |",
        f"| chọn đúng loại câu trả lời ({a['chooser_items']} câu) | {a['chooser_accuracy']} |",
        f"| đúng phạm vi (trả lời / chưa có trong kho / ngoài lĩnh vực) | {a['scope_accuracy']} |",
        f"| chưa có trong kho: precision / recall ({a['honest_scope_items']} câu) | {a['honest_scope_precision']} / "
        f"{a['honest_scope_recall']} |",
        f"| từ chối: precision / recall ({a['refusal_items']} câu phải từ chối) | {a['refusal_precision']} / "
        f"{a['refusal_recall']} |",
        f"| trích dẫn hợp lệ ({a['citations']} trích dẫn) | {a['citation_validity']} |",
        f"| độ trễ ask p50 / p95 (ms) | {a['latency_ms']['p50']} / {a['latency_ms']['p95']} |",
        "",
        *markdown(a),
        "",
        f"![recall@k]({recall_png.name})",
        "",
        f"![theo văn bản]({doc_png.name})",
        "",
        f"![độ trễ]({latency_png.name})",
        "",
    ]
    md_path = folder / f"{name}.md"
    md_path.write_text("\n".join(lines), encoding="utf-8")
    return json_path, md_path
