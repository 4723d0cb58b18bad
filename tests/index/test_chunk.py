"""Chunk budgets, merging, splitting and stable ids."""

from corpus.model import Document, DocumentMeta, Line
from corpus.parse import parse
from index.chunk import chunk_document
from index.segment import count_words, sentences


def make(body: str, number: str = "1/QĐ-TEST") -> tuple[Document, object]:
    doc = Document(
        meta=DocumentMeta(number=number, provenance="official"),
        lines=[Line(t) for t in body.splitlines()],
    )
    return doc, parse(doc)


def chunks(body: str, **kw):
    doc, root = make(body)
    return chunk_document(doc, root, count_words, sentences, **kw)


def test_heading_merges_with_its_tiny_clauses_but_articles_stay_apart() -> None:
    out = chunks("Điều 1. Phạm vi\n1. Một.\n2. Hai.\nĐiều 2. Hiệu lực\n1. Ba.")
    assert [c.path for c in out] == ["1/QĐ-TEST › Điều 1", "1/QĐ-TEST › Điều 2"]
    assert out[0].section_paths == [
        "1/QĐ-TEST › Điều 1",
        "1/QĐ-TEST › Điều 1 › Khoản 1",
        "1/QĐ-TEST › Điều 1 › Khoản 2",
    ]


def test_sections_within_budget_are_single_chunks() -> None:
    long_clause = " ".join(["Các xã phải duy trì tiêu chí môi trường."] * 12)
    out = chunks(f"Điều 1. X\n1. {long_clause}\n2. {long_clause}", budget=300, min_words=40)
    paths = [c.path for c in out]
    assert "1/QĐ-TEST › Điều 1 › Khoản 2" in paths
    assert all(c.words <= 300 for c in out)


def test_long_section_splits_at_sentence_boundaries_into_even_parts() -> None:
    sentence = "Ủy ban nhân dân cấp tỉnh rà soát tiêu chí thu nhập của các xã."
    out = chunks(f"Điều 1. X\n1. {' '.join([sentence] * 40)}", budget=100, min_words=10)
    parts = [c for c in out if c.path.endswith("Khoản 1")]
    assert len(parts) >= 4
    assert all(c.text.endswith(".") for c in parts)  # never cut inside a sentence
    body = f"1. {' '.join([sentence] * 40)}"
    assert all(c.text in body for c in parts)  # each part is an exact slice, so quotes from it are real
    assert all(c.words <= 100 for c in parts)
    assert len({c.id for c in parts}) == len(parts)
    assert max(c.words for c in parts) - min(c.words for c in parts) <= 30


def test_ids_are_stable_across_rebuilds_and_unaffected_by_other_documents() -> None:
    body = "Điều 1. A\n1. Một.\nĐiều 2. B"
    first = [c.id for c in chunks(body)]
    assert first == [c.id for c in chunks(body)]
    doc, root = make("Điều 1. Khác", number="2/QĐ-TEST")
    assert not set(first) & {c.id for c in chunk_document(doc, root, count_words, sentences)}


def test_chunks_carry_context_and_metadata() -> None:
    body = "PHỤ LỤC I\n| TT | Tên tiêu chí | Nội dung tiêu chí | Chỉ tiêu chung |\n|---|---|---|---|\n| 17 | Môi trường | 17.1. Tỷ lệ hộ dùng nước sạch | ≥50% |"
    out = chunks(body)
    indicator = next(c for c in out if c.path.endswith("17.1"))
    assert "Tiêu chí 17 (Môi trường)" in indicator.context
    assert indicator.meta["doc"] == "1/QĐ-TEST" and indicator.meta["provenance"] == "official"
    assert "Chỉ tiêu chung: ≥50%" in indicator.indexed_text
