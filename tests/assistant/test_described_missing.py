"""A document asked for by who issues it, its kind and what it guides, which the corpus does not hold, is said to be
missing in the question's own words; a held one so described, or a question on who issued a held one, is answered."""

import pytest

from assistant.doc_numbers import display_number
from assistant.service import Assistant

pytestmark = pytest.mark.heavy


def test_a_described_document_the_corpus_lacks_is_said_to_be_missing(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Bộ Nông nghiệp và Môi trường đã ban hành thông tư hướng dẫn cách chấm điểm các chỉ tiêu của bộ tiêu chí "
        "xã nông thôn mới giai đoạn 2026-2030 chưa?"
    )
    assert a.scope == "not_in_corpus"
    assert a.sentences[0].text.startswith(
        "Thông tư của Bộ Nông nghiệp và Môi trường hướng dẫn cách chấm điểm các chỉ tiêu"
    )
    assert "chưa có trong kho văn bản" in a.sentences[0].text
    # Not the Prime Minister's decision of that period, which is not what was asked of.
    assert "ban hành ngày 29/12/2025" not in a.text


def test_a_document_whose_number_is_asked_by_its_topic_and_is_not_held_is_missing(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Nghị định của Chính phủ về cơ chế đặc thù giao cộng đồng dân cư tự làm công trình nông thôn mới áp dụng cho giai "
        "đoạn 2026-2030 là nghị định số mấy?"
    )
    assert a.scope == "not_in_corpus"
    assert a.sentences[0].text.startswith("Nghị định của Chính phủ về cơ chế đặc thù giao cộng đồng dân cư tự làm")
    # The period it names is every document's of that period, not a description of one held (272/2025/NĐ-CP).
    held = full_assistant.ask(
        "Nghị định của Chính phủ về phân định vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026-2030 là nghị "
        "định số mấy?"
    )
    assert held.scope == "answer" and "272/2025/NĐ-CP" in held.text


def test_a_held_document_so_described_or_its_issuer_asked_is_answered(full_assistant: Assistant) -> None:
    held = full_assistant.ask(
        "Bộ Nông nghiệp và Phát triển nông thôn đã ban hành công văn hướng dẫn xét, công nhận xã nông thôn mới nâng "
        "cao giai đoạn 2018-2020 chưa?"
    )
    assert held.scope == "answer"
    issuer = full_assistant.ask(
        "Bộ tiêu chí nông thôn mới giai đoạn 2026-2030 có phải do Bộ Nông nghiệp và Môi trường ban hành không?"
    )
    assert issuer.scope == "answer" and "Thủ tướng" in issuer.text


def test_a_described_document_is_displayed_without_a_number() -> None:
    assert display_number("Thông tư của Bộ Tài chính", "") == "Thông tư của Bộ Tài chính"
    assert display_number("Thông tư", "41/2013/tt-bnnptnt") == "Thông tư 41/2013/TT-BNNPTNT"
