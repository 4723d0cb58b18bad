"""LangChain adapters: the hybrid search as a BaseRetriever, the embedder as Embeddings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.retrieve import Filters, Searcher
from assistant.understand import understand
from index.embed import Embedder


class NTMEmbeddings(Embeddings):
    """Any Embedder as LangChain Embeddings (passages vs query prefixes kept apart)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_batch(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_batch([text], query=True)[0].tolist()


class NTMRetriever(BaseRetriever):
    """Hybrid BM25 + dense retrieval over the current index, with the assistant's filters:
    documents in force at `as_of` (unless `history`), the question's level, and a boost for the
    documents the question names. Each Document carries its section path, page and provenance."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Any
    k: int = 8
    as_of: dt.date | None = None
    history: bool = False

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        a = self.assistant
        q = understand(query, a.catalogue)
        when = self.as_of or a.settings.now()
        filters = Filters(
            level=q.level if q.level in ("xã", "huyện") else None,
            eligible=None if (self.history or q.history) else a.corpus.eligible(when),
            boost=list(q.sets),
        )
        results = Searcher(a.index(), a.embedder, a.settings).search(query, k=self.k, filters=filters)
        return [
            Document(
                page_content=r.chunk.text,
                metadata={
                    "id": r.chunk.id,
                    "doc": r.chunk.doc,
                    "path": r.chunk.path,
                    "sections": r.chunk.section_paths,
                    "page": r.chunk.page,
                    "score": r.score,
                    "provenance": r.chunk.meta.get("provenance"),
                    "parent": r.chunk.path.rsplit(" › ", 1)[0] if " › " in r.chunk.path else None,
                },
            )
            for r in results
        ]
