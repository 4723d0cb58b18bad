"""Hybrid retrieval: BM25 and dense candidates fused by reciprocal rank (or weights)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.errors import QuestionError
from assistant.settings import Settings
from corpus.normalize import normalize_text
from index import segment
from index.chunk import Chunk
from index.embed import Embedder
from index.store import Hit, Index


def fuse(
    rankings: Mapping[str, Sequence[str]],
    weights: Mapping[str, float] | None = None,
    k: int = 60,
    method: str = "rrf",
    scores: Mapping[str, Mapping[str, float]] | None = None,
) -> list[tuple[str, float]]:
    """Fuse ranked id lists into one ranking.

    Args:
        rankings: retriever name → ids, best first.
        weights: retriever name → weight (default 1.0).
        k: the RRF constant; larger flattens the rank differences.
        method: "rrf" (weight / (k + rank)) or "weighted" (weight × min-max normalised score).
        scores: retriever name → id → raw score, needed for "weighted".

    Returns:
        (id, fused score) pairs, best first; ties keep first-seen order.
    """
    weights = weights or {}
    fused: dict[str, float] = {}
    for name, ids in rankings.items():
        w = weights.get(name, 1.0)
        if method == "weighted":
            raw = (scores or {}).get(name, {})
            values = [raw.get(i, 0.0) for i in ids]
            lo, hi = (min(values), max(values)) if values else (0.0, 0.0)
            for i, v in zip(ids, values, strict=True):
                norm = (v - lo) / (hi - lo) if hi > lo else 1.0
                fused[i] = fused.get(i, 0.0) + w * norm
        else:
            for rank, i in enumerate(ids, start=1):
                fused[i] = fused.get(i, 0.0) + w / (k + rank)
    return sorted(fused.items(), key=lambda kv: -kv[1])


@dataclass
class Result:
    chunk: Chunk
    score: float
    ranks: dict[str, int] = field(default_factory=dict)


def check_question(question: str, max_chars: int) -> str:
    """Normalise a question or raise QuestionError with a Vietnamese reason."""
    q = normalize_text(question or "").strip()
    if not q:
        raise QuestionError("Câu hỏi trống. Hãy nhập nội dung cần tra cứu.", "empty_question")
    if len(q) > max_chars:
        raise QuestionError(
            f"Câu hỏi quá dài ({len(q)} ký tự, tối đa {max_chars}). Hãy rút gọn câu hỏi.",
            "question_too_long",
        )
    if not any(ch.isalnum() for ch in q):
        raise QuestionError("Câu hỏi không có chữ hoặc số nào để tra cứu.", "no_words")
    return q


class Searcher:
    """Searches one index with BM25 and dense retrieval and fuses the two."""

    def __init__(self, index: Index, embedder: Embedder, settings: Settings) -> None:
        self.index = index
        self.embedder = embedder
        self.settings = settings

    def search(self, question: str, k: int | None = None, doc: str | None = None, mode: str = "hybrid") -> list[Result]:
        """Top-k chunks for a question, optionally within one document (its number)."""
        s = self.settings
        q = check_question(question, s.max_question_chars)
        k = k or s.top_k
        n = max(s.candidates, k)
        lists: dict[str, list[Hit]] = {}
        if mode in ("hybrid", "bm25"):
            hits = self.index.bm25(segment.terms(q), n * (4 if doc else 1))
            lists["bm25"] = [h for h in hits if doc is None or h.chunk.doc == doc][:n]
        if mode in ("hybrid", "dense"):
            vector = self.embedder.embed_batch([segment.expand_abbreviations(q)], query=True)[0]
            lists["dense"] = self.index.dense(vector, n, where={"doc": doc} if doc else None)
        rankings = {name: [h.chunk.id for h in hits] for name, hits in lists.items()}
        raw = {name: {h.chunk.id: h.score for h in hits} for name, hits in lists.items()}
        fused = fuse(
            rankings,
            {"bm25": s.bm25_weight, "dense": s.dense_weight},
            k=s.rrf_k,
            method=s.fusion,
            scores=raw,
        )
        out = []
        for cid, score in fused[:k]:
            ranks = {name: ids.index(cid) + 1 for name, ids in rankings.items() if cid in ids}
            out.append(Result(self.index.by_id[cid], score, ranks))
        return out
