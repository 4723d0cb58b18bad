"""What a document rests on or acts upon, told with the other document's own facts: a dispatch's "Thực hiện Quyết
định số …" opening is its basis, a relation names the target's date and what later replaced it, and a follow-up's
"văn bản đó" after a question that asked for several documents is the one that question named."""

import pytest

from assistant.service import Assistant
from tests.assistant.test_ask import _valid_citations

pytestmark = pytest.mark.heavy


def test_a_dispatch_rests_on_what_its_opening_carries_out(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Công văn 1345/BNN-VPĐP được ban hành để thực hiện những quyết định nào của Thủ tướng Chính phủ?"
    )
    assert a.kind == "documents"
    assert "1600/QĐ-TTg" in a.text and "1980/QĐ-TTg" in a.text
    # The clause that names them, not the purpose after its ";".
    assert "nhằm khuyến khích" not in a.text
    _valid_citations(full_assistant, a)


def test_a_relation_gives_the_target_s_date_and_its_later_replacement(full_assistant: Assistant) -> None:
    amended = full_assistant.ask(
        "QĐ 211/QĐ-TTg sửa đổi những quyết định nào? Các quyết định đó về sau bị văn bản nào thay thế, từ ngày nào?"
    )
    assert "318/QĐ-TTg sau đó được thay thế bởi 51/2025/QĐ-TTg từ ngày 15/02/2026" in amended.text
    assert "320/QĐ-TTg sau đó được thay thế bởi 51/2025/QĐ-TTg" in amended.text
    # "Các quyết định đó bị … thay thế" asks of the amended ones: nothing is said of what replaced 211 itself …
    assert "chưa ghi nhận văn bản nào" not in amended.text
    # … which is what a question asking of 211 gets.
    asked = full_assistant.ask("Quyết định 211/QĐ-TTg đã bị thay thế chưa?")
    assert asked.sentences[0].text.startswith("Kho văn bản chưa ghi nhận văn bản nào thay thế Quyết định 211/QĐ-TTg")
    _valid_citations(full_assistant, amended)
    forwarded = full_assistant.ask("Công văn 5766/UBND-CNN&XD chuyển tiếp công văn nào của trung ương, ký ngày nào?")
    assert "14/BCĐCTMTQG ngày 03/11/2023" in forwarded.text
    # The date is the forwarded dispatch's: its opening is cited with it.
    assert any(c.path.startswith("14/BCĐCTMTQG") for c in forwarded.citations)
    _valid_citations(full_assistant, forwarded)


def test_a_replacement_is_not_said_to_be_replaced_by_itself(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 318/QĐ-TTg thay thế những văn bản nào?")
    assert "1980/QĐ-TTg" in a.text
    assert "1980/QĐ-TTg sau đó được thay thế bởi 318" not in a.text


def test_that_document_after_a_question_for_several_is_the_one_it_named(full_assistant: Assistant) -> None:
    a = full_assistant.ask("văn bản đó ai ký vậy?", history=["QĐ 211/QĐ-TTg năm 2024 sửa đổi những bộ tiêu chí nào?"])
    assert "211/QĐ-TTg" in a.text and "318/QĐ-TTg" not in a.text
    # After a question for one document, "văn bản đó" is still the one the answer named.
    one = full_assistant.ask("văn bản đó có hiệu lực từ ngày nào?", history=["Quyết định 491 bị văn bản nào thay?"])
    assert "1980/QĐ-TTg" in one.text or "342/QĐ-TTg" in one.text


def test_a_province_s_dispatch_forwarding_a_document_is_what_carries_it_out(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Ngoài Thái Nguyên, kho có công văn của tỉnh nào khác triển khai CV 14/BCĐCTMTQG không?")
    assert "5766/UBND-CNN&XD" in a.text and "chưa ghi nhận" not in a.text
    _valid_citations(full_assistant, a)


def test_what_a_document_replaced_comes_before_what_later_replaced_it(full_assistant: Assistant) -> None:
    a = full_assistant.ask("QĐ 318/QĐ-TTg thay cho những văn bản nào?")
    lines = a.text.split("\n")
    assert lines[0].startswith("Quyết định 318/QĐ-TTg thay thế")
    assert any("được thay thế bởi" in x for x in lines[1:])
    # Asked what replaced it, that comes first.
    b = full_assistant.ask("QĐ 318/QĐ-TTg đã bị thay thế bởi văn bản nào?")
    assert "được thay thế bởi" in b.text.split("\n")[0]
