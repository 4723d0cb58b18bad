"""Fusion as a pure function, question checks, and hybrid search over the seed corpus."""

import pytest

from assistant.errors import QuestionError, UnknownDocumentError
from assistant.retrieve import check_question, fuse
from assistant.service import Assistant
from assistant.settings import Settings


def test_rrf_rewards_agreement_between_retrievers() -> None:
    fused = fuse({"bm25": ["a", "b", "c"], "dense": ["b", "a", "d"]}, k=60)
    assert [i for i, _ in fused][:2] in (["a", "b"], ["b", "a"])
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)
    assert {i for i, _ in fused} == {"a", "b", "c", "d"}
    assert dict(fused)["c"] == pytest.approx(1 / 63)


def test_weights_shift_the_ranking() -> None:
    rankings = {"bm25": ["a", "b"], "dense": ["b", "a"]}
    assert fuse(rankings, {"bm25": 2.0, "dense": 1.0})[0][0] == "a"
    assert fuse(rankings, {"bm25": 1.0, "dense": 2.0})[0][0] == "b"
    assert fuse(rankings, {"bm25": 0.0, "dense": 1.0})[0][0] == "b"


def test_weighted_fusion_uses_normalised_scores() -> None:
    fused = dict(
        fuse(
            {"bm25": ["a", "b", "c"], "dense": ["b", "a"]},
            method="weighted",
            scores={"bm25": {"a": 10.0, "b": 9.0, "c": 0.0}, "dense": {"b": 0.9, "a": 0.1}},
        )
    )
    # bm25 normalises to a=1, b=0.9, c=0; dense to b=1, a=0.
    assert fused == pytest.approx({"a": 1.0, "b": 1.9, "c": 0.0})


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("", "empty_question"),
        ("   ", "empty_question"),
        ("?!...", "no_words"),
        ("x" * 2001, "question_too_long"),
    ],
)
def test_bad_questions(question: str, code: str) -> None:
    with pytest.raises(QuestionError) as info:
        check_question(question, 2000)
    assert info.value.code == code


def test_question_is_normalised() -> None:
    assert check_question("  thuỷ lợi ", 2000) == "thủy lợi"


@pytest.fixture
def built(settings: Settings) -> Assistant:
    assistant = Assistant(settings)
    assistant.build()
    return assistant


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "báo cáo định kỳ 06 tháng gửi Văn phòng Điều phối nông thôn mới Trung ương",
            "14/BCĐCTMTQG › Phần kết",
        ),
        (
            "xã đạt chuẩn NTM kiểu mẫu giai đoạn 2018-2020 theo Quyết định 691",
            "14/BCĐCTMTQG › Mục 3",
        ),
        ("huyen dat chuan ntm theo quyet dinh 558", "14/BCĐCTMTQG › Mục 4"),
    ],
)
def test_hybrid_search_finds_the_item(built: Assistant, question: str, expected: str) -> None:
    results = built.search(question, k=3)
    assert results[0].chunk.path == expected
    assert results[0].ranks  # it says which retrievers found it


def test_doc_filter_and_unknown_document(built: Assistant) -> None:
    results = built.search("chỉ đạo duy trì nâng cao chất lượng tiêu chí", k=5, doc="5766/ubnd-cnn&xd")
    assert results and {r.chunk.doc for r in results} == {"5766/UBND-CNN&XD"}
    with pytest.raises(UnknownDocumentError):
        built.search("x", doc="999/QĐ-TTg")


def test_assistant_notices_a_newly_swapped_index(built: Assistant, settings: Settings) -> None:
    first = built.index().version
    other = Assistant(settings)  # another worker builds a new version
    other.build()
    assert built.index().version != first


def test_filters_by_level_tier_and_eligibility() -> None:
    from assistant.retrieve import Filters
    from index.chunk import Chunk

    def chunk(doc: str, level: str, tier: str) -> Chunk:
        return Chunk(
            id=doc,
            doc=doc,
            path=doc,
            section_paths=[doc],
            context=doc,
            text="x",
            words=1,
            meta={"level": level, "tier": tier},
        )

    c318, c319, c320, c14 = (
        chunk("318", "xã", "NTM,nâng cao"),
        chunk("319", "xã", "kiểu mẫu"),
        chunk("320", "huyện", "NTM,nâng cao"),
        chunk("14", "", ""),
    )
    assert [c.doc for c in (c318, c319, c320, c14) if Filters(level="huyện").allows(c)] == ["320", "14"]
    assert [c.doc for c in (c318, c319, c320, c14) if Filters(tier="kiểu mẫu").allows(c)] == ["319", "14"]
    assert [c.doc for c in (c318, c319, c320, c14) if Filters(eligible={"318"}).allows(c)] == ["318"]
    assert Filters(docs=["319"], eligible={"318"}).allows(c319)  # a document asked for by name is always allowed


def test_parent_path_of_a_result(built: Assistant) -> None:
    result = built.search("báo cáo định kỳ", k=1)[0]
    assert result.parent_path is None or result.parent_path.startswith(result.chunk.doc)


def test_a_worker_sees_documents_another_worker_ingested(built: Assistant, settings: Settings) -> None:
    from tests.conftest import FIXTURES

    other = Assistant(settings)  # another worker: ingests and rebuilds
    other.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True)
    other.build()
    assert built.corpus.find("99/QĐ-UBND") is None  # not yet: this worker has not looked at the index
    built.index()
    assert built.corpus.find("99/QĐ-UBND") is not None
    assert built.section("99/QĐ-UBND › Điều 3") is not None


def test_near_duplicates_are_copies_not_neighbours(built: Assistant) -> None:
    """A copy of a clause that differs in tone placement, case and line breaks (a compiled text
    beside the official one) is a near-duplicate; the next item of the same dispatch is not."""
    from assistant.retrieve import near_duplicates
    from corpus.normalize import syllables

    one = built.section("14/BCĐCTMTQG › Mục 1").text
    two = built.section("14/BCĐCTMTQG › Mục 2").text
    copy = one.replace("hòa", "hoà").replace("ủy", "uỷ").replace(". ", ".\n").upper()
    assert copy != one and near_duplicates(syllables(one), syllables(copy))
    assert not near_duplicates(syllables(one), syllables(two))
    assert not near_duplicates(syllables(one), frozenset())


def test_a_question_naming_an_issuer_of_one_document_boosts_that_document() -> None:
    from assistant.retrieve import issuer_docs

    pairs = (
        ("5766/UBND-CNN&XD", "Ủy ban nhân dân tỉnh Thái Nguyên"),
        ("318/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("319/QĐ-TTg", "Thủ tướng Chính phủ"),
    )
    assert issuer_docs(pairs, "ubnd tinh thai nguyen giao co quan nao chu tri") == ["5766/UBND-CNN&XD"]
    assert issuer_docs(pairs, "thu tuong chinh phu giao bo nao") == []  # issued several: no one document
