"""Dense search: exact over the vectors in memory for a small index, ranked as Chroma ranks them."""

from pathlib import Path

import pytest

import index.store as store
from corpus.registry import Corpus
from index.build import build_index
from index.embed import FakeEmbedder
from index.store import open_index


@pytest.fixture
def small_index(seed_dir: Path, tmp_path: Path):
    data = tmp_path / "data"
    build_index(Corpus(None, builtin_dir=seed_dir).parsed(), FakeEmbedder(), data)
    return open_index(data)


def test_exact_dense_search_ranks_as_chroma_does(small_index, monkeypatch: pytest.MonkeyPatch) -> None:
    vector = FakeEmbedder().embed_batch(["báo cáo định kỳ 06 tháng gửi Bộ"], query=True)[0]
    exact = small_index.dense(vector, 8)
    monkeypatch.setattr(store, "EXACT_MAX", 0)  # the Chroma path, as for a large index
    approximate = small_index.dense(vector, 8)
    assert [h.chunk.id for h in exact] == [h.chunk.id for h in approximate]
    assert [round(h.score, 4) for h in exact] == [round(h.score, 4) for h in approximate]


def test_exact_dense_search_keeps_the_filter(small_index) -> None:
    vector = FakeEmbedder().embed_batch(["các tỉnh chỉ đạo duy trì tiêu chí"], query=True)[0]
    hits = small_index.dense(vector, 50, where={"doc": "5766/UBND-CNN&XD"})
    assert hits and {h.chunk.doc for h in hits} == {"5766/UBND-CNN&XD"}
    assert len(small_index.dense(vector, 3)) == 3
