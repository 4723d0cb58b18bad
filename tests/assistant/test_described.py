"""A document described by its title instead of its number."""

from __future__ import annotations

from assistant.answerers.described import described
from corpus.model import DocumentMeta

TITLE = (
    "Phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát "
    "triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035"
)
LAW = DocumentMeta(number="257/2025/QH15", kind="Nghị quyết", issuer="Quốc hội", title=TITLE, period="2026-2035")
PLAN = DocumentMeta(number="424/NQ-CP", kind="Nghị quyết", issuer="Chính phủ", title=TITLE, period="2026-2035")


def test_who_passed_it_tells_two_documents_of_one_title_apart() -> None:
    asked = (
        "Chủ trương đầu tư chương trình MTQG gộp ba chương trình (NTM, giảm nghèo bền vững, vùng đồng bào DTTS&MN) "
        "cho giai đoạn 2026-2035 được {} thông qua bằng nghị quyết số bao nhiêu, vào ngày nào?"
    )
    assert described(asked.format("Quốc hội"), [PLAN, LAW]) == "257/2025/QH15"
    assert described(asked.format("Chính phủ"), [LAW, PLAN]) == "424/NQ-CP"
    # Neither body named: the two titles are the same, so neither is the one described.
    assert described(asked.format("ai"), [LAW, PLAN]) is None


def test_a_period_the_question_names_is_not_a_like_titled_document_of_another_period() -> None:
    asked = (
        "Nghị quyết của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
        "giai đoạn 2021-2025 là nghị quyết số mấy?"
    )
    # Only the programme of 2026-2035 is held: its title repeats most words, but not the period asked.
    assert described(asked, [LAW]) is None
    assert described(asked.replace("2021-2025", "2026-2035"), [LAW]) == "257/2025/QH15"
