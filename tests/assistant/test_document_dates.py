"""A document's dates against the time asked about: asked when a document in force then ended, the answer says the
day it ended; a date the question states that is the day it ceased is said to be so, not let pass as its start."""

import pytest

from assistant.service import Assistant
from tests.assistant.test_ask import _valid_citations

pytestmark = pytest.mark.heavy


def test_asked_when_it_ended_a_document_in_force_then_says_the_day(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Năm 2014 Quyết định 342/QĐ-TTg còn hiệu lực không, và hết hiệu lực từ khi nào?")
    assert "còn hiệu lực" in a.text
    assert "Từ ngày 01/12/2016, Quyết định 342/QĐ-TTg bị thay thế bởi 1980/QĐ-TTg" in a.text
    _valid_citations(full_assistant, a)
    # Not asked when it ended: the answer for that year stops at that year.
    then = full_assistant.ask("Năm 2014 Quyết định 342/QĐ-TTg còn hiệu lực không?")
    assert "còn hiệu lực" in then.text and "01/12/2016" not in then.text


def test_a_stated_date_that_is_the_day_it_ceased_is_said_to_be_so(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tôi nghe nói QĐ 342 có hiệu lực từ 01/12/2016, đúng không?")
    assert "20/02/2013" in a.text
    assert "Ngày 01/12/2016 là ngày Quyết định 342/QĐ-TTg bị thay thế bởi 1980/QĐ-TTg" in a.text
    _valid_citations(full_assistant, a)
    # The right date stated: nothing more to say of it.
    right = full_assistant.ask("QĐ 342 có hiệu lực từ ngày 20/02/2013 phải không?")
    assert "20/02/2013" in right.text and "không phải ngày" not in right.text


def test_a_document_asked_by_what_it_rules_gets_its_own_facts(full_assistant: Assistant) -> None:
    """ "Văn bản quy định … giai đoạn 2021-2025 là văn bản nào, cơ quan nào ban hành, có hiệu lực từ khi nào": the
    period's document the subject names is found by its passage, which leads, then its issuer and date of taking
    effect."""
    a = full_assistant.ask(
        "Văn bản quy định việc thu hồi quyết định công nhận xã đạt chuẩn nông thôn mới giai đoạn 2021-2025 là văn bản"
        " nào, cơ quan nào ban hành, có hiệu lực từ khi nào?"
    )
    assert a.kind == "documents"
    first, rest = a.text.split("\n", 1)
    assert "18/2022/QĐ-TTg" in first and "hu hồi" in first
    assert "Quyết định 18/2022/QĐ-TTg do Thủ tướng Chính phủ ban hành." in rest and "02/08/2022" in rest
    _valid_citations(full_assistant, a)
    # Who signed the documents of a person: a listing by signer, not one document found by its subject.
    signed = full_assistant.ask(
        "Ông Trần Hồng Hà ký quyết định nào về nông thôn mới, quyết định đó có hiệu lực từ ngày nào?"
    )
    assert "15/02/2026" in signed.text


def test_whether_the_corpus_holds_the_whole_text_says_which_wording(full_assistant: Assistant) -> None:
    """A registry entry is no whole text; a compiled text is whole but not the official wording (DESIGN: provenance)."""
    entry = full_assistant.ask("Hệ thống có toàn văn Quyết định 51/2025/QĐ-TTg không, hay chỉ có phần tóm tắt?")
    assert entry.text.startswith("Kho văn bản chưa có toàn văn Quyết định 51/2025/QĐ-TTg")
    compiled = full_assistant.ask("Kho có toàn văn Quyết định 318/QĐ-TTg không?")
    assert "biên soạn lại, chưa phải bản chính thức" in compiled.text
    official = full_assistant.ask("Kho có toàn văn Công văn 14/BCĐCTMTQG không?")
    assert "theo bản chính thức đã nạp" in official.text
