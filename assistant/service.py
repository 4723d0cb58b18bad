"""The assistant as one object the CLI and the API share: corpus, index, embedder, search."""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.retrieve import Result, Searcher
from assistant.settings import Settings
from corpus.registry import Corpus, IngestResult
from index import segment
from index.build import BuildResult, Progress, build_index
from index.embed import Embedder, EmbeddingCache, make_embedder
from index.errors import IndexNotBuiltError
from index.store import Index, current_version, open_index


class Assistant:
    """Holds the loaded corpus and the current index; notices a newly swapped index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.corpus = (
            Corpus(settings.ingested_dir, builtin_dir=settings.corpus_dir)
            if settings.corpus_dir
            else Corpus(settings.ingested_dir)
        )
        self._embedder: Embedder | None = None
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings.embedder, segmenter=segment.segmented)
        return self._embedder

    def has_index(self) -> bool:
        return current_version(self.settings.data_dir) is not None

    def index(self) -> Index:
        """The current index, reopened when another process swapped in a new version."""
        version = current_version(self.settings.data_dir)
        if version is None:
            raise IndexNotBuiltError()
        with self._lock:
            if self._index is None or self._index.version != version:
                self._index = open_index(self.settings.data_dir)
            return self._index

    def build(self, progress: Progress | None = None) -> BuildResult:
        cache = EmbeddingCache(self.settings.cache_path)
        try:
            return build_index(
                self.corpus.parsed(),
                self.embedder,
                self.settings.data_dir,
                budget=self.settings.chunk_words,
                cache=cache,
                progress=progress,
            )
        finally:
            cache.close()

    def ingest(self, path: Path, *, official: bool, number: str | None = None, force: bool = False) -> IngestResult:
        return self.corpus.ingest(
            path,
            official=official,
            number=number,
            force=force,
            max_bytes=self.settings.max_file_mb * 1024 * 1024,
        )

    def search(self, question: str, k: int | None = None, doc: str | None = None, mode: str = "hybrid") -> list[Result]:
        if doc is not None:
            doc = self.corpus.get(doc).number  # raises UnknownDocumentError, canonical spelling
        return Searcher(self.index(), self.embedder, self.settings).search(question, k=k, doc=doc, mode=mode)
