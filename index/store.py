"""Reading a built index: manifest, chunks, BM25 (bm25s) and vectors (Chroma)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.chunk import Chunk
from index.errors import IndexNotBuiltError

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
COLLECTION = "chunks"


def indexes_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "indexes"


def current_version(data_dir: Path) -> str | None:
    """Name of the index folder now served, or None. Only complete folders are ever named."""
    pointer = indexes_dir(data_dir) / CURRENT
    try:
        version = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if not version or not (indexes_dir(data_dir) / version / MANIFEST).is_file():
        return None
    return version


def chroma_client(path: Path):
    """Persistent local Chroma client with telemetry off."""
    import chromadb
    from chromadb.config import Settings

    return chromadb.PersistentClient(path=str(path), settings=Settings(anonymized_telemetry=False))


@dataclass
class Hit:
    chunk: Chunk
    score: float


class Index:
    """One complete, read-only index version."""

    def __init__(self, folder: Path) -> None:
        import bm25s

        self.folder = folder
        self.version = folder.name
        self.manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        with (folder / "chunks.jsonl").open(encoding="utf-8") as fh:
            self.chunks = [Chunk(**json.loads(line)) for line in fh if line.strip()]
        self.by_id = {c.id: c for c in self.chunks}
        self._bm25 = bm25s.BM25.load(str(folder / "bm25"))
        with (folder / "bm25" / "vocab_terms.json").open(encoding="utf-8") as fh:
            self._vocab = set(json.load(fh))
        self._collection = chroma_client(folder / "chroma").get_collection(COLLECTION)
        self._lock = threading.Lock()
        self._terms: dict[str, frozenset[str]] = {}

    def terms_of(self, chunk: Chunk) -> frozenset[str]:
        """The BM25 terms of a chunk's text (memoised: used to spot near-duplicates)."""
        found = self._terms.get(chunk.id)
        if found is None:
            from index import segment

            found = self._terms[chunk.id] = frozenset(segment.terms(chunk.text))
        return found

    def bm25(self, query_terms: list[str], k: int) -> list[Hit]:
        terms = [t for t in query_terms if t in self._vocab]
        if not terms or not self.chunks:
            return []
        k = min(k, len(self.chunks))
        with self._lock:
            docs, scores = self._bm25.retrieve([terms], k=k, show_progress=False, n_threads=1)
        return [Hit(self.chunks[int(i)], float(s)) for i, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def dense(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[Hit]:
        if not self.chunks:
            return []
        res = self._collection.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(k, len(self.chunks)),
            where=where or None,
            include=["distances"],
        )
        # Cosine distance → similarity, so bigger is better like BM25.
        return [
            Hit(self.by_id[cid], 1.0 - float(d))
            for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)
            if cid in self.by_id
        ]


def open_index(data_dir: Path) -> Index:
    """The index now served. Raises IndexNotBuiltError when there is none."""
    version = current_version(data_dir)
    if version is None:
        raise IndexNotBuiltError()
    return Index(indexes_dir(data_dir) / version)
