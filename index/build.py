"""Build chunks, BM25 and Chroma into a new versioned folder, then swap it in atomically.

A build writes `indexes/<version>/`; the manifest is written last and `indexes/CURRENT`
is replaced with os.replace only after that, so a crash or kill at any moment leaves the
previous index serving and a half-built folder is never read (it has no manifest and is
not CURRENT). Stale folders are removed by the next build, under the same lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.model import Document, Section
from index import segment
from index.chunk import DEFAULT_BUDGET, Chunk, chunk_document
from index.embed import Embedder, EmbeddingCache, embed_passages
from index.errors import BuildError, BuildLockedError
from index.store import (
    COLLECTION,
    CURRENT,
    MANIFEST,
    chroma_client,
    chroma_server,
    current_version,
    indexes_dir,
    server_collection_name,
)

KEEP_VERSIONS = 2
Progress = Callable[[str, int, int], None]  # (stage, advance, total)


@dataclass
class BuildResult:
    version: str
    folder: Path
    manifest: dict
    reused: bool = False  # nothing had changed: the index already served was kept


@contextlib.contextmanager
def build_lock(data_dir: Path) -> Iterator[None]:
    """One build at a time across processes (an flock, released if the process dies)."""
    folder = indexes_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".build.lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise BuildLockedError() from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _cleanup(data_dir: Path, keep: str | None, chroma_url: str | None = None) -> None:
    """Drop half-built folders and all but the newest complete versions (and, on a Chroma
    server, the collections of the versions dropped)."""
    folder = indexes_dir(data_dir)
    complete = sorted(p for p in folder.iterdir() if p.is_dir() and (p / MANIFEST).is_file())
    dropped = []
    for p in folder.iterdir():
        if p.is_dir() and p.name != keep and (not (p / MANIFEST).is_file() or p in complete[:-KEEP_VERSIONS]):
            shutil.rmtree(p, ignore_errors=True)
            dropped.append(p.name)
    if chroma_url:
        kept = {p.name for p in folder.iterdir() if p.is_dir()}
        try:
            client = chroma_server(chroma_url)
            for collection in client.list_collections():
                name = collection if isinstance(collection, str) else collection.name
                if name.startswith("ntm-chunks-") and name.removeprefix("ntm-chunks-") not in kept:
                    client.delete_collection(name)
        except Exception:  # cleanup is best effort; an unreachable server keeps stale collections
            pass


def _disk_full(exc: BaseException) -> bool:
    """ENOSPC/EDQUOT from the OS, or SQLite's (and so Chroma's) 'database or disk is full'."""
    import errno

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc).lower()
    return "disk is full" in text or "no space left" in text


def corpus_hashes(documents: list[Document]) -> dict[str, str]:
    """A fingerprint per document of what the index holds of it: its text and the facts its chunks
    carry (status, provenance, dates), so a status change is a change too."""
    return {
        # Not the version number: chunks do not carry it, and leaving it out keeps indexes built before it existed.
        d.number: hashlib.sha256((d.meta.model_dump_json(exclude={"version"}) + "\n" + d.text).encode()).hexdigest()
        for d in documents
    }


def corpus_changes(indexed: dict[str, str], documents: list[Document]) -> dict[str, list[str]]:
    """What differs between an index's manifest (`corpus`) and the documents now: numbers added,
    changed and removed; all three empty when the index is up to date."""
    now = corpus_hashes(documents)
    return {
        "added": sorted(n for n in now if n not in indexed),
        "changed": sorted(n for n in now if n in indexed and indexed[n] != now[n]),
        "removed": sorted(n for n in indexed if n not in now),
    }


def read_manifest(data_dir: Path) -> dict | None:
    """The manifest of the index now served, or None when there is none."""
    version = current_version(data_dir)
    if version is None:
        return None
    return json.loads((indexes_dir(data_dir) / version / MANIFEST).read_text(encoding="utf-8"))


def make_chunks(parsed: list[tuple[Document, Section]], budget: int = DEFAULT_BUDGET) -> list[Chunk]:
    """Chunks of every document, with segmentation-aware word counts."""
    out: list[Chunk] = []
    for document, root in parsed:
        out.extend(chunk_document(document, root, segment.count_words, segment.sentences, budget=budget))
    return out


def build_index(
    parsed: list[tuple[Document, Section]],
    embedder: Embedder,
    data_dir: Path,
    *,
    budget: int = DEFAULT_BUDGET,
    cache: EmbeddingCache | None = None,
    progress: Progress | None = None,
    chroma_url: str | None = None,
    only_if_changed: bool = False,
    _after_stage: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build a new index version from parsed documents and make it current.

    Args:
        parsed: (document, section tree) pairs.
        embedder: the passage embedder.
        data_dir: the data folder holding `indexes/`.
        budget: chunk budget in words.
        cache: embedding cache, so a rebuild embeds only changed chunks.
        progress: called as (stage, advance, total) while it works.
        chroma_url: a Chroma server to hold the vectors (one collection per version) instead of
            the local persistent store inside the version folder.
        only_if_changed: keep the index already served when it holds exactly these documents with
            the same model and budget (decided under the lock, so re-index requests that queued
            behind one build are served by it).
        _after_stage: test hook called after each stage (to simulate a crash midway).
    """
    data_dir = Path(data_dir)
    started = time.perf_counter()
    with build_lock(data_dir):
        previous = current_version(data_dir)
        served = read_manifest(data_dir)
        if only_if_changed and served is not None and _holds(served, parsed, embedder, budget):
            folder = indexes_dir(data_dir) / served["version"]
            return BuildResult(version=served["version"], folder=folder, manifest=served, reused=True)
        _cleanup(data_dir, keep=previous, chroma_url=chroma_url)
        version = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        folder = indexes_dir(data_dir) / version
        folder.mkdir(parents=True)
        try:
            result = _build_into(
                folder, parsed, embedder, budget, cache, progress, _after_stage, started, chroma_url, served
            )
            _write_atomic(indexes_dir(data_dir) / CURRENT, version)
        except BaseException as exc:
            shutil.rmtree(folder, ignore_errors=True)
            if isinstance(exc, OSError) or _disk_full(exc):
                reason = "ổ đĩa đã đầy" if _disk_full(exc) else (getattr(exc, "strerror", None) or str(exc))
                raise BuildError(f"Xây dựng chỉ mục thất bại ({reason}); chỉ mục cũ vẫn được dùng.") from exc
            raise
        _cleanup(data_dir, keep=version, chroma_url=chroma_url)
        return result


def _holds(manifest: dict, parsed: list[tuple[Document, Section]], embedder: Embedder, budget: int) -> bool:
    """Whether an index holds exactly these documents, embedded by this model at this budget."""
    return (
        manifest.get("model") == embedder.name
        and manifest.get("budget_words") == budget
        and not any(corpus_changes(manifest.get("corpus", {}), [d for d, _ in parsed]).values())
    )


def _build_into(
    folder: Path,
    parsed: list[tuple[Document, Section]],
    embedder: Embedder,
    budget: int,
    cache: EmbeddingCache | None,
    progress: Progress | None,
    after: Callable[[str], None] | None,
    started: float,
    chroma_url: str | None = None,
    previous: dict | None = None,
) -> BuildResult:
    import logging

    import bm25s

    # bm25s logs every stage at DEBUG, which drowns the progress bars when the root logger is verbose.
    logging.getLogger("bm25s").setLevel(logging.WARNING)

    def step(stage: str) -> None:
        if after:
            after(stage)

    chunks = make_chunks(parsed, budget)
    if progress:
        progress("chunk", len(chunks), len(chunks))
    with (folder / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
    step("chunks")

    corpus_terms = []
    for chunk in chunks:
        corpus_terms.append(segment.terms(chunk.indexed_text) or ["∅"])
        if progress:
            progress("bm25", 1, len(chunks))
    retriever = bm25s.BM25()
    retriever.index(corpus_terms, show_progress=False)
    retriever.save(str(folder / "bm25"))
    vocab = sorted({t for terms in corpus_terms for t in terms})
    (folder / "bm25" / "vocab_terms.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    step("bm25")

    texts = [segment.expand_abbreviations(c.indexed_text) for c in chunks]
    vectors, computed = embed_passages(
        embedder,
        texts,
        cache,
        progress=(lambda n: progress("embed", n, len(texts))) if progress else None,
    )
    step("embed")

    if chroma_url:
        client = chroma_server(chroma_url)
        collection = client.create_collection(server_collection_name(folder.name), metadata={"hnsw:space": "cosine"})
    else:
        client = chroma_client(folder / "chroma")
        collection = client.create_collection(COLLECTION, metadata={"hnsw:space": "cosine"})
    add_vectors(
        collection, chunks, vectors, progress=(lambda n: progress("chroma", n, len(chunks))) if progress else None
    )
    step("chroma")

    documents = [d for d, _ in parsed]
    manifest = {
        "version": folder.name,
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "model": embedder.name,
        "chroma": {"mode": "server", "url": chroma_url} if chroma_url else {"mode": "local"},
        "dim": int(vectors.shape[1]) if len(vectors) else 0,
        "budget_words": budget,
        "documents": len(documents),
        "chunks": len(chunks),
        "embedded": computed,
        "from_cache": len(chunks) - computed,
        "corpus": corpus_hashes(documents),
        # What this build brought in over the index it replaces, so a job can name every document it indexed.
        "changes": corpus_changes(previous.get("corpus", {}) if previous else {}, documents),
        "seconds": round(time.perf_counter() - started, 2),
    }
    # Written last: its presence marks the folder complete.
    _write_atomic(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    step("manifest")
    return BuildResult(version=folder.name, folder=folder, manifest=manifest)


def add_vectors(
    collection, chunks: list[Chunk], vectors: np.ndarray, progress: Callable[[int], None] | None = None
) -> None:
    """Chunk ids, vectors and filterable metadata into a Chroma collection, 1,000 at a time."""
    batch = 1000
    for start in range(0, len(chunks), batch):
        part = chunks[start : start + batch]
        collection.add(
            ids=[c.id for c in part],
            embeddings=np.asarray(vectors[start : start + batch], dtype=np.float32),
            metadatas=[{k: v for k, v in c.meta.items() if v is not None} for c in part],
        )
        if progress:
            progress(len(part))
