"""A document's number asked ("là nghị quyết số bao nhiêu", "mang số hiệu gì"): a numbered document's facts name it;
one the registry knows only by its title has no number recorded, and the answer says so."""

import pytest

from assistant.kinds import kinds_of
from assistant.service import Assistant
from tests.assistant.test_ask import _valid_citations

pytestmark = pytest.mark.heavy


def test_a_document_s_number_is_a_fact_asked_and_a_criterion_s_number_is_not() -> None:
    assert "number" in kinds_of("Nghị quyết sắp xếp tỉnh năm 2025 là nghị quyết số bao nhiêu?")
    assert "number" in kinds_of("Văn bản đó mang số hiệu gì?")
    assert "number" in kinds_of("Bộ mới là quyết định số mấy?")
    assert "number" not in kinds_of("Thu nhập thuộc tiêu chí số mấy?")
    assert "number" not in kinds_of("Quyết định 318 có bao nhiêu tiêu chí?")


def test_a_document_known_only_by_its_title_has_no_number_recorded(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Nghị quyết của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh năm 2025 mang số hiệu bao nhiêu, có hiệu lực "
        "từ khi nào?"
    )
    assert a.kind == "documents"
    assert a.text.startswith("Kho văn bản chưa ghi nhận số hiệu của Nghị quyết sắp xếp ĐVHC cấp tỉnh năm 2025.")
    assert "12/06/2025" in a.text
    _valid_citations(full_assistant, a)


def test_a_numbered_document_asked_by_its_subject_is_named_with_its_date(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Nghị quyết của Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới "
        "giai đoạn 2021-2025 là nghị quyết số mấy, được thông qua ngày nào?"
    )
    assert a.kind == "documents" and "25/2021/QH15" in a.text
    assert "chưa ghi nhận số hiệu" not in a.text
