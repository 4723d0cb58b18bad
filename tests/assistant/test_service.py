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
    a.index()  # served: the index is open and the model warmed before questions come
    a._embedder = CountingEmbedder()
    return a


def test_a_sure_rule_answer_needs_no_embedding(assistant: Assistant) -> None:
    # The card covers what is named (level, tier, recognition) and asked (what to do) so well, scored without
    # meaning, that no passage could win: neither the embedding nor retrieval runs.
    a = assistant.ask("Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?")
    assert a.kind == "applicability" and a.citations
    assert assistant._embedder.queries == []
    assert a.timings["embed"] == a.timings["retrieve"] == 0.0


def test_out_of_domain_questions_are_not_embedded(assistant: Assistant) -> None:
    a = assistant.ask("Giá vàng hôm nay bao nhiêu?")
    assert a.refused and a.scope == "out_of_domain"
    assert assistant._embedder.queries == []


def test_passage_answers_embed_the_question_once(assistant: Assistant) -> None:
    # The one vector serves both dense retrieval and the chooser's closeness of each candidate's evidence.
    a = assistant.ask("Có bao nhiêu tỉnh có 100% số xã đạt chuẩn nông thôn mới?")
    assert a.kind == "passages" and a.citations
    assert len(assistant._embedder.queries) == 1
    assert a.timings["retrieve"] > 0


def test_a_missing_index_is_reported_even_when_no_passage_is_needed(assistant: Assistant) -> None:
    shutil.rmtree(assistant.settings.data_dir)
    with pytest.raises(IndexNotBuiltError):
        assistant.ask("Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?")
