"""Hybrid retrieval: BM25 and dense candidates fused by reciprocal rank (or weights)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.errors import QuestionError
from assistant.settings import Settings
from corpus.normalize import fold, normalize_text
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

    @property
    def parent_path(self) -> str | None:
        """The enclosing section (for context: the article of a clause, the criterion of an indicator)."""
        return self.chunk.path.rsplit(" › ", 1)[0] if self.chunk.path.count(" › ") > 1 else None


# A phrase the question quotes ("Câu “Nông thôn mới chỉ có điểm khởi đầu …” có trong văn bản nào?").
_QUOTED = re.compile(r"[“\"«]([^”\"»]{12,240})[”\"»]")


def quoted_phrases(question: str) -> list[str]:
    """The phrases of four words or more the question quotes, accent-free and lower-case."""
    phrases = [" ".join(fold(p).lower().split()) for p in _QUOTED.findall(question)]
    return [p for p in phrases if len(p.split()) >= 4]


def quoted_first(question: str, found: list[Result], chunks: list[Chunk]) -> list[Result]:
    """The passages holding a phrase the question quotes, word for word (accents and case aside), first: the
    user asks where those words are written."""
    phrases = quoted_phrases(question)
    if not phrases:
        return found
    top = found[0].score if found else 1.0
    holding = [c for c in chunks if any(p in " ".join(fold(c.text).lower().split()) for p in phrases)][:3]
    ids = {c.id for c in holding}
    return [Result(c, top + 1.0) for c in holding] + [r for r in found if r.chunk.id not in ids]


@dataclass
class Filters:
    """What a search may return.

    Args:
        docs: only these document numbers (canonical spelling).
        level: only documents for this level ("xã", "huyện"); documents with no level pass.
        tier: only documents for this tier ("nâng cao", "kiểu mẫu"); documents with no tier pass.
        eligible: only these document numbers (e.g. those in force at a date); None = all.
        boost: document numbers the question names; their chunks are ranked up.
        always: documents that pass every filter but `docs` (those the question names, those in force).
    """

    docs: list[str] | None = None
    level: str | None = None
    tier: str | None = None
    eligible: set[str] | None = None
    boost: list[str] = field(default_factory=list)
    always: set[str] = field(default_factory=set)

    def allows(self, chunk: Chunk) -> bool:
        if self.docs is not None and chunk.doc not in self.docs:
            return False
        if chunk.doc in self.always or chunk.doc in (self.docs or []):
            return True
        if self.eligible is not None and chunk.doc not in self.eligible:
            return False
        levels = str(chunk.meta.get("level", ""))
        if self.level and levels and self.level not in levels.split(","):
            return False
        tiers = str(chunk.meta.get("tier", ""))
        return not (self.tier and tiers and self.tier not in tiers.split(","))


def near_duplicates(a: frozenset[str], b: frozenset[str], threshold: float = 0.85) -> bool:
    """Jaccard similarity of two term sets at or above `threshold`."""
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= threshold


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_question(question: str, max_chars: int) -> str:
    """Normalise a question or raise QuestionError with a Vietnamese reason."""
    if _SURROGATE.search(question or ""):
        # "\ud800" in JSON decodes to a lone surrogate, which no UTF-8 text (logs, the database) can hold.
        raise QuestionError("Câu hỏi có ký tự không hợp lệ (không phải Unicode đúng chuẩn).", "invalid_text")
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

    def search(
        self,
        question: str,
        k: int | None = None,
        doc: str | None = None,
        mode: str = "hybrid",
        filters: Filters | None = None,
        vector=None,
    ) -> list[Result]:
        """Top-k chunks for a question, within `filters` (or one document), near-duplicates removed.
        `vector` is the question's embedding when the caller already has it (it is embedded once)."""
        s = self.settings
        q = check_question(question, s.max_question_chars)
        k = k or s.top_k
        filters = filters or Filters()
        if doc is not None:
            filters.docs = [doc]
        n = max(s.candidates, k)
        restricted = any(x is not None for x in (filters.docs, filters.eligible, filters.level, filters.tier))
        lists: dict[str, list[Hit]] = {}
        if mode in ("hybrid", "bm25"):
            hits = self.index.bm25(segment.terms(q), n * (4 if restricted else 1))
            lists["bm25"] = [h for h in hits if filters.allows(h.chunk)][:n]
        if mode in ("hybrid", "dense"):
            if vector is None:
                vector = self.embedder.embed_batch([segment.expand_abbreviations(q)], query=True)[0]
            where = {"doc": filters.docs[0]} if filters.docs and len(filters.docs) == 1 else None
            hits = self.index.dense(vector, n * (4 if restricted else 1), where=where)
            lists["dense"] = [h for h in hits if filters.allows(h.chunk)][:n]
        rankings = {name: [h.chunk.id for h in hits] for name, hits in lists.items()}
        raw = {name: {h.chunk.id: h.score for h in hits} for name, hits in lists.items()}
        fused = fuse(
            rankings,
            {"bm25": s.bm25_weight, "dense": s.dense_weight},
            k=s.rrf_k,
            method=s.fusion,
            scores=raw,
        )
        if filters.boost:
            # A document the question names is what the user wants to read first.
            boosted = set(filters.boost)
            fused = sorted(
                (
                    (cid, score * (1 + s.named_boost) if self.index.by_id[cid].doc in boosted else score)
                    for cid, score in fused
                ),
                key=lambda kv: -kv[1],
            )
        out: list[Result] = []
        kept_terms: list[frozenset[str]] = []
        for cid, score in fused:
            chunk = self.index.by_id[cid]
            terms = self.index.terms_of(chunk)
            if any(near_duplicates(terms, other) for other in kept_terms):
                continue
            kept_terms.append(terms)
            ranks = {name: ids.index(cid) + 1 for name, ids in rankings.items() if cid in ids}
            out.append(Result(chunk, score, ranks))
            if len(out) == k:
                break
        return out


@lru_cache(maxsize=8)
def _sole_issuers(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """(document, pattern of its folded issuer) for issuers of one document only; cached per corpus, since
    every retrieval asks it."""
    folded = [(number, fold(issuer).replace("uy ban nhan dan", "ubnd")) for number, issuer in pairs]
    counts = Counter(issuer for _, issuer in folded)
    return [(n, re.compile(rf"\b{re.escape(i)}\b")) for n, i in folded if i and counts[i] == 1]


def issuer_docs(pairs: tuple[tuple[str, str], ...], folded: str) -> list[str]:
    """Documents (of `pairs`: number, issuer) whose issuer the question names, when that issuer issued only one of
    them ("UBND tỉnh Thái Nguyên giao cơ quan nào …" is about the province's dispatch), ranked up like named ones."""
    folded = folded.replace("uy ban nhan dan", "ubnd")
    return [number for number, pattern in _sole_issuers(pairs) if pattern.search(folded)]
