"""A unit's question asked in the words of a dispatch whose period is over, the set a recognition of a year was judged
by, a district's share of communes, and procedures the corpus holds or does not hold."""

import datetime as dt

import pytest

from assistant.service import Assistant

PERIOD_END = dt.date(2025, 12, 31)
pytestmark = pytest.mark.heavy


def test_a_question_in_the_dispatchs_words_is_read_on_its_periods_last_day(full_assistant: Assistant) -> None:
    # Asked in November 2026 (the fixture's today), "theo Công văn 14 … thuộc trường hợp nào" asks what the dispatch
    # says; it got the 2026-2030 set, or for a district no set at all.
    question = (
        "Huyện chúng tôi được công nhận đạt chuẩn nông thôn mới năm 2017. Theo Công văn 14/BCĐCTMTQG thì huyện "
        "thuộc trường hợp nào, phải đáp ứng bộ tiêu chí nào?"
    )
    assert full_assistant.interpret(question)[2] == PERIOD_END
    a = full_assistant.ask(question)
    assert a.kind == "applicability"
    assert a.card.applicable.doc == "320/QĐ-TTg" and a.card.case.path == "14/BCĐCTMTQG › Mục 4"
    assert "31/12/2025" in a.text  # the date it is read on is said
    # "yêu cầu … những gì" asks what the unit must do: the card, not three passages.
    a = full_assistant.ask("Xã tôi đạt chuẩn NTM năm 2016. Công văn 14 yêu cầu xã chúng tôi những gì?")
    assert a.kind == "applicability" and a.card.applicable.doc == "318/QĐ-TTg"


def test_a_question_about_now_or_naming_the_dispatch_only_in_its_preamble_is_read_today(
    full_assistant: Assistant,
) -> None:
    today = full_assistant.settings.now()
    now = "Huyện tôi đạt chuẩn NTM năm 2017. Theo Công văn 14 thì hiện nay huyện phải đáp ứng bộ tiêu chí nào?"
    assert full_assistant.interpret(now)[2] == today
    told = "Tỉnh vẫn chuyển Công văn 14 về cho xã. Xã tôi đạt chuẩn NTM năm 2017 thì giữ chuẩn theo bộ nào?"
    assert full_assistant.interpret(told)[2] == today


def test_the_set_a_recognition_of_a_year_was_judged_by(full_assistant: Assistant) -> None:
    # "lúc đó" after an aside in brackets: the set of the recognition's year (it got the set in force today).
    a = full_assistant.ask("Xã tôi đạt chuẩn năm 2014 (hồi tháng 9) thì khi đó xét theo bộ tiêu chí nào?")
    assert a.card.applicable.doc == "491/QĐ-TTg"
    a = full_assistant.ask("Năm 2017 huyện xét công nhận huyện NTM theo quyết định nào?")
    assert a.kind == "applicability" and a.card.applicable.doc == "558/QĐ-TTg"


def test_a_districts_share_of_advanced_communes_is_its_sets_requirement(full_assistant: Assistant) -> None:
    # Without "số" before "xã" the communes' tier was taken for the district's, and an unverified line was quoted.
    a = full_assistant.ask("Huyện được công nhận NTM năm 2016 thì đến 2025 phải có bao nhiêu % xã đạt nâng cao?")
    assert "10%" in a.text and "320/QĐ-TTg" in a.text
    assert "chưa xác minh" not in a.text.split("\n")[0]


def test_a_procedure_asked_of_a_registry_entry_is_said_not_to_be_held(full_assistant: Assistant) -> None:
    # It got one unrelated point of the entry ("xã không phức tạp về an ninh").
    a = full_assistant.ask("QĐ 18/2022/QĐ-TTg quy định hồ sơ đề nghị xét công nhận xã đạt chuẩn gồm những gì?")
    assert a.text.startswith("Kho văn bản chưa có toàn văn Quyết định 18/2022/QĐ-TTg nên không có trình tự")
    assert "không phải nguyên văn" in a.text.split("\n")[0]
    # A document the corpus holds whole answers from its own sentence about the procedure (it got 1345's criteria).
    a = full_assistant.ask("Công văn 1345/BNN-VPĐP hướng dẫn trình tự, thủ tục xét công nhận xã NTM nâng cao ra sao?")
    assert a.citations[0].path == "1345/BNN-VPĐP › Mục 4" and "trình tự, thủ tục, hồ sơ" in a.text.split("\n")[0]


def test_a_follow_up_keeps_the_dispatchs_frame(full_assistant: Assistant) -> None:
    history = ["Theo Công văn 14 thì xã đạt chuẩn NTM năm 2017 phải làm gì?"]
    a = full_assistant.ask("Còn huyện đạt chuẩn năm 2018 thì sao?", history=history)
    assert a.card.applicable.doc == "320/QĐ-TTg" and a.card.case.path == "14/BCĐCTMTQG › Mục 4"


def test_a_named_periods_set_is_what_its_content_question_gets(full_assistant: Assistant) -> None:
    # Asked in 2026 it got the card of the set in force (51/2025), or for a district no set at all.
    a = full_assistant.ask("Huyện NTM giai đoạn 2021-2025 cần đáp ứng những gì?")
    assert a.kind == "criteria" and "320/QĐ-TTg" in a.text.split("\n")[0]
    a = full_assistant.ask("Xã NTM nâng cao giai đoạn 2021-2025 phải đáp ứng những tiêu chí gì?")
    assert a.kind == "criteria" and "Phụ lục II, 318/QĐ-TTg" in a.text.split("\n")[0]


def test_a_tier_the_periods_sets_lack_is_answered_from_its_own_set_and_said(full_assistant: Assistant) -> None:
    # It got 318's advanced commune set (2021-2025).
    a = full_assistant.ask("Tiêu chí số 7 trong bộ tiêu chí xã NTM kiểu mẫu giai đoạn 2026-2030 là gì?")
    assert "51/2025/QĐ-TTg" in a.text.split("\n")[0] and "319/QĐ-TTg" not in a.text
    assert "không có bộ tiêu chí xã nông thôn mới kiểu mẫu riêng của giai đoạn 2026-2030" in a.text


def test_a_held_document_named_by_number_and_code_alone_is_answered(full_assistant: Assistant) -> None:
    # "60/QĐ-BDTTG …" without "Quyết định" was refused as out of the domain.
    a = full_assistant.ask("60/QĐ-BDTTG phê duyệt những gì?")
    assert a.kind == "documents" and "60/QĐ-BDTTG" in a.text.split("\n")[0]


def test_a_follow_up_asking_a_registry_entrys_procedure_is_told_it_is_not_held(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Thế thủ tục thì thế nào?", history=["Quyết định 18/2022/QĐ-TTg quy định những gì?"])
    assert a.text.startswith("Kho văn bản chưa có toàn văn Quyết định 18/2022/QĐ-TTg nên không có trình tự")
