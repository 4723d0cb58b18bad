"""Reading a built index: manifest, chunks, BM25 (bm25s) and vectors (Chroma)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.normalize import syllables
from index.chunk import Chunk
from index.errors import IndexNotBuiltError, IndexUnavailableError

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
COLLECTION = "chunks"
# Up to this many passages the dense search is an exact product with every vector held in memory (20,000 × 384
# floats ≈ 30 MB); above it (the 100k-chunk scale benchmark), Chroma's HNSW index.
EXACT_MAX = 20_000


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


def chroma_server(url: str):
    """HTTP client to a Chroma server (`chroma run`), telemetry off. Raises IndexUnavailableError."""
    from urllib.parse import urlparse

    import chromadb
    from chromadb.config import Settings

    parsed = urlparse(url if "://" in url else f"http://{url}")
    try:
        return chromadb.HttpClient(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or 8000,
            ssl=parsed.scheme == "https",
            settings=Settings(anonymized_telemetry=False),
        )
    except Exception as exc:  # connection refused, DNS, TLS: all mean "not reachable now"
        raise IndexUnavailableError(type(exc).__name__) from exc


def server_collection_name(version: str) -> str:
    """One collection per index version on a shared server; CURRENT picks which one is served."""
    return f"ntm-chunks-{version}"


@dataclass
class Hit:
    chunk: Chunk
    score: float


class Index:
    """One complete, read-only index version."""

    def __init__(self, folder: Path, chroma_url: str | None = None) -> None:
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
        self.chroma_url = chroma_url or (self.manifest.get("chroma") or {}).get("url")
        self._collection = None
        if (self.manifest.get("chroma") or {}).get("mode") == "server":
            self._collection_name = server_collection_name(self.version)
        else:
            self._collection_name = None
            self._collection = chroma_client(folder / "chroma").get_collection(COLLECTION)
        self._lock = threading.Lock()
        self._vectors: dict[str, np.ndarray] = {}
        self._exact: tuple[list[str], np.ndarray] | None = None
        self._by_path: dict[str, list[str]] | None = None

    @property
    def vocabulary(self) -> set[str]:
        """The lexical terms the index knows (segmented words and their accent-free forms)."""
        return self._vocab

    def chunks_of(self, path: str) -> list[str]:
        """Ids of the chunks that hold a section: its own, the merged ones that include it, its descendants'."""
        if self._by_path is None:
            by_path: dict[str, list[str]] = {}
            for c in self.chunks:
                for p in {c.path, *c.section_paths}:
                    parts = p.split(" › ")
                    for i in range(1, len(parts) + 1):
                        by_path.setdefault(" › ".join(parts[:i]), []).append(c.id)
            self._by_path = {k: list(dict.fromkeys(v)) for k, v in by_path.items()}
        return self._by_path.get(path, [])

    def vectors(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Stored passage vectors by chunk id (read from Chroma once, then kept: answers keep citing the
        same few sections, so the memo stays small)."""
        want = [i for i in dict.fromkeys(ids) if i not in self._vectors]
        if want:
            got = self._chroma(lambda c: c.get(ids=want, include=["embeddings"]))
            for cid, vec in zip(got["ids"], got["embeddings"], strict=True):
                self._vectors[cid] = np.asarray(vec, dtype=np.float32)
        return {i: self._vectors[i] for i in ids if i in self._vectors}

    def similarity(self, vector: np.ndarray, paths: list[str], limit: int = 24) -> float | None:
        """The best cosine similarity of `vector` to the chunks holding `paths` (None if none is indexed)."""
        ids: list[str] = []
        for p in paths:
            # "#<chunk id>" names one retrieved passage rather than a section.
            ids.extend([p[1:]] if p.startswith("#") else self.chunks_of(p)[:limit])
        if not ids:
            return None
        found = self.vectors(ids[: limit * 2])
        if not found:
            return None
        q = np.asarray(vector, dtype=np.float32)
        q = q / (np.linalg.norm(q) or 1.0)
        best = -1.0
        for v in found.values():
            best = max(best, float(v @ q / (np.linalg.norm(v) or 1.0)))
        return best

    def terms_of(self, chunk: Chunk) -> frozenset[str]:
        """The accent-free syllables of a chunk's text, to spot near-duplicates (an official copy and
        the compiled text of the same clause). Syllables, not segmented words: segmenting a candidate
        took ~3 ms, which at 100k chunks (cold memo) was most of a query; the evaluation metrics
        did not move with the change."""
        return syllables(chunk.text)

    def _server_collection(self):
        if self._collection is None:
            if not self.chroma_url:
                raise IndexUnavailableError("chưa cấu hình NTM_CHROMA_URL")
            self._collection = chroma_server(self.chroma_url).get_collection(self._collection_name)
        return self._collection

    def bm25(self, query_terms: list[str], k: int) -> list[Hit]:
        terms = [t for t in query_terms if t in self._vocab]
        if not terms or not self.chunks:
            return []
        k = min(k, len(self.chunks))
        with self._lock:
            # n_threads=0: a plain map; n_threads=1 still starts a thread pool (a new thread) per query.
            docs, scores = self._bm25.retrieve([terms], k=k, show_progress=False, n_threads=0)
        return [Hit(self.chunks[int(i)], float(s)) for i, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def _chroma(self, call):
        """Run `call(collection)`; a Chroma server that went away becomes IndexUnavailableError and the
        handle is dropped, so the next request reconnects."""
        try:
            collection = self._server_collection() if self._collection_name else self._collection
            return call(collection)
        except IndexUnavailableError:
            raise
        except Exception as exc:
            if self._collection_name:
                self._collection = None
                raise IndexUnavailableError(type(exc).__name__) from exc
            raise

    def _matrix(self) -> tuple[list[str], np.ndarray]:
        """Every passage vector, unit length, one row per chunk id (read from Chroma once)."""
        if self._exact is None:
            got = self._chroma(lambda c: c.get(include=["embeddings"]))
            pairs = [(cid, vec) for cid, vec in zip(got["ids"], got["embeddings"], strict=True) if cid in self.by_id]
            ids = [cid for cid, _ in pairs]
            rows = np.asarray([vec for _, vec in pairs], dtype=np.float32).reshape(len(pairs), -1)
            for cid, row in zip(ids, rows, strict=True):
                self._vectors.setdefault(cid, row)
            norms = np.linalg.norm(rows, axis=1, keepdims=True)
            self._exact = (ids, rows / np.where(norms == 0, 1.0, norms))
        return self._exact

    def _exact_search(self) -> bool:
        """Small and local: a Chroma server stays the one source of vectors (its outage is reported, not hidden)."""
        return bool(self.chunks) and len(self.chunks) <= EXACT_MAX and self._collection_name is None

    def warm(self) -> None:
        """Read the passage vectors an exact dense search uses now, not in the first question that searches."""
        if self._exact_search():
            self._matrix()

    def dense(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[Hit]:
        if not self.chunks:
            return []
        if self._exact_search():
            # A few thousand passages: an exact matrix product (≈0.1 ms at 328) beats an HNSW query through
            # Chroma (≈6 ms), and ranks exactly.
            ids, matrix = self._matrix()
            q = np.asarray(vector, dtype=np.float32)
            sims = matrix @ (q / (np.linalg.norm(q) or 1.0))
            if where:
                keep = np.fromiter(
                    (all(self.by_id[cid].meta.get(key) == value for key, value in where.items()) for cid in ids),
                    dtype=bool,
                    count=len(ids),
                )
                sims = np.where(keep, sims, -np.inf)
            top = np.argsort(-sims, kind="stable")[: min(k, len(ids))]
            return [Hit(self.by_id[ids[i]], float(sims[i])) for i in top if np.isfinite(sims[i])]
        res = self._chroma(
            lambda c: c.query(
                query_embeddings=[np.asarray(vector, dtype=np.float32)],
                n_results=min(k, len(self.chunks)),
                where=where or None,
                include=["distances"],
            )
        )
        # Cosine distance → similarity, so bigger is better like BM25.
        return [
            Hit(self.by_id[cid], 1.0 - float(d))
            for cid, d in zip(res["ids"][0], res["distances"][0], strict=True)
            if cid in self.by_id
        ]


def open_index(data_dir: Path, chroma_url: str | None = None) -> Index:
    """The index now served. Raises IndexNotBuiltError when there is none."""
    version = current_version(data_dir)
    if version is None:
        raise IndexNotBuiltError()
    return Index(indexes_dir(data_dir) / version, chroma_url=chroma_url)
