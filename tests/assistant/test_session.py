"""Where and how a resolution was passed (its session, the assembly's term, the votes for it): the line of its
registry entry that tells it, as the registry's words; for each resolution named; unrecorded when no line does. A
registry line that lists what the entry could not check is said to be one."""

import pytest

from assistant.kinds import kinds_of
from assistant.service import Assistant
from tests.assistant.test_ask import _valid_citations

pytestmark = pytest.mark.heavy


def test_the_session_asked_is_a_fact_of_its_own_and_thu_may_is_no_count() -> None:
    assert "session" in kinds_of("Nghị quyết 257/2025/QH15 được thông qua tại kỳ họp thứ mấy?")
    assert "count" not in kinds_of("Nghị quyết 257/2025/QH15 được thông qua tại kỳ họp thứ mấy?")
    assert "session" in kinds_of("NQ 257 do Quốc hội khóa mấy thông qua?")
    assert "session" in kinds_of("nghị quyết đó được bao nhiêu đại biểu tán thành?")
    # The term named as context asks nothing of it.
    assert "session" not in kinds_of("Khi Quốc hội khóa XV họp, nghị quyết nào được thông qua?")


def test_the_session_of_each_resolution_named(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Hai nghị quyết 25/2021/QH15 và 257/2025/QH15 được thông qua tại kỳ họp thứ mấy?")
    assert a.kind == "documents"
    assert "kỳ họp thứ nhất, Quốc hội khóa XV" in a.text and "Kỳ họp thứ 10, Quốc hội khóa XV" in a.text
    assert "Mục đăng ký của kho về Nghị quyết 257/2025/QH15 ghi:" in a.text  # the registry's words, not «»
    assert "«" not in a.text
    _valid_citations(full_assistant, a)


def test_the_votes_of_the_resolution_an_answer_names(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Quyết định ban hành bộ tiêu chí NTM giai đoạn 2026-2030 căn cứ vào nghị quyết nào của Quốc hội, và nghị "
        "quyết đó được bao nhiêu đại biểu tán thành khi biểu quyết?"
    )
    assert "257/2025/QH15" in a.text and "430/440 đại biểu có mặt tán thành" in a.text
    assert "kỳ họp hay kết quả biểu quyết thông qua Quyết định 51/2025" not in a.text
    _valid_citations(full_assistant, a)


def test_a_decision_passed_by_no_session_is_said_to_be_unrecorded(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 318 được thông qua tại kỳ họp thứ mấy?")
    assert a.kind == "documents"
    assert a.text.startswith("Kho văn bản chưa ghi nhận kỳ họp hay kết quả biểu quyết thông qua Quyết định 318/QĐ-TTg")
    assert "Thủ tướng Chính phủ ban hành" in a.text


def test_a_registry_line_listing_what_was_not_checked_is_said_to_be_so(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 18/2022/QĐ-TTg đã được sửa đổi chưa?")
    assert "(mục ghi là chưa đối chiếu được) Đã có quyết định sửa đổi 18/2022/QĐ-TTg hay chưa" in a.text
    _valid_citations(full_assistant, a)
