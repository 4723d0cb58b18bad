"""LangChain adapters: BaseRetriever and Embeddings over the assistant."""

import datetime as dt

import numpy as np

from assistant.lc import NTMEmbeddings, NTMRetriever
from assistant.service import Assistant
from assistant.settings import Settings
from index.embed import FakeEmbedder


def test_embeddings_wrapper() -> None:
    e = NTMEmbeddings(FakeEmbedder())
    docs = e.embed_documents(["xã nông thôn mới", "huyện"])
    assert len(docs) == 2 and len(docs[0]) == 64
    assert np.isclose(np.linalg.norm(e.embed_query("xã")), 1.0)


def test_retriever_returns_documents_with_paths(settings: Settings) -> None:
    settings.today = dt.date(2024, 1, 1)
    a = Assistant(settings)
    a.build()
    retriever = NTMRetriever(assistant=a, k=3)
    docs = retriever.invoke("báo cáo định kỳ 06 tháng và hằng năm")
    assert docs[0].metadata["path"] == "14/BCĐCTMTQG › Phần kết"
    assert docs[0].metadata["provenance"] == "official"
    assert "06 tháng" in docs[0].page_content
    assert len(docs) <= 3
