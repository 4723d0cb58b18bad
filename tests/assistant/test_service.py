"""The Assistant facade: retrieval runs only for answers built from passages."""

from __future__ import annotations

import shutil
from collections.abc import Sequence

import numpy as np
import pytest

from assistant.service import Assistant
from assistant.settings import Settings
from index.embed import FakeEmbedder
from index.errors import IndexNotBuiltError


class CountingEmbedder(FakeEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []

    def embed_batch(self, texts: Sequence[str], *, query: bool = False) -> np.ndarray:
        if query:
            self.queries.extend(texts)
        return super().embed_batch(texts, query=query)


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    a = Assistant(settings)
    a.build()
    a._embedder = CountingEmbedder()
    return a


def test_the_question_is_embedded_once(assistant: Assistant) -> None:
    # The vector serves both the chooser (closeness of each candidate's evidence) and dense retrieval.
    a = assistant.ask("Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?")
    assert a.kind == "applicability" and a.citations
    assert len(assistant._embedder.queries) == 1
    assert a.timings["retrieve"] > 0.0


def test_out_of_domain_questions_are_not_embedded(assistant: Assistant) -> None:
    a = assistant.ask("Giá vàng hôm nay bao nhiêu?")
    assert a.refused and a.scope == "out_of_domain"
    assert assistant._embedder.queries == []


def test_passage_answers_still_retrieve(assistant: Assistant) -> None:
    a = assistant.ask("Có bao nhiêu tỉnh có 100% số xã đạt chuẩn nông thôn mới?")
    assert a.kind == "passages" and a.citations
    assert len(assistant._embedder.queries) == 1
    assert a.timings["retrieve"] > 0


def test_a_missing_index_is_reported_even_when_no_passage_is_needed(assistant: Assistant) -> None:
    shutil.rmtree(assistant.settings.data_dir)
    with pytest.raises(IndexNotBuiltError):
        assistant.ask("Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?")
