"""End to end: a count told with its date, a plan's targets told as targets, a quantity's unit, linking words that
name nothing asked, a unit's duties from its card."""

import re

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.heavy


def test_a_count_older_than_the_year_asked_is_said_to_be_so(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Tính tới hết năm 2024 thì cả nước đã có bao nhiêu xã được công nhận đạt chuẩn nông thôn mới?"
    )
    assert "6.043" in a.text
    assert "tính đến hết tháng 9/2023" in a.text and "chưa có số liệu đến năm 2024" in a.text


def test_a_plans_target_is_quoted_under_its_heading(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Chương trình giai đoạn 2026-2030 phấn đấu bao nhiêu phần trăm số xã đạt chuẩn nông thôn mới?"
    )
    line = next(s.text for s in a.sentences if "65%" in s.text)
    assert "(thuộc phần: Các mục tiêu cụ thể đến năm 2030)" in line


def test_the_unit_of_a_quantity_stated_does_not_make_the_question_uncovered(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã nông thôn mới phải có bao nhiêu phần trăm hộ dùng nước sạch 100 lít/người/ngày?")
    assert a.scope == "answer" and "nước sạch" in a.text


def test_linking_words_name_no_indicator_of_the_model_commune_rules(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Đối với xã nông thôn mới kiểu mẫu thì tỷ lệ trẻ em suy dinh dưỡng thể thấp còi phải dưới bao nhiêu?"
    )
    # 319 has no such indicator: not its income (whose name says "đối với") nor its smart-village count ("quy định").
    assert not re.search(r"Chỉ tiêu \d thuộc tiêu chí", a.text)


def test_tasks_given_to_recognised_units_are_their_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo Công văn 14 thì giao nhiệm vụ gì cho các xã đã đạt chuẩn giai đoạn 2010-2015?")
    assert a.kind == "applicability" and a.card.case.path == "14/BCĐCTMTQG › Mục 1"
    # An agency's task "đối với việc xây dựng huyện" is no unit's card.
    b = full_assistant.ask(
        "Theo QĐ 558, Ủy ban nhân dân tỉnh có trách nhiệm gì đối với việc xây dựng huyện nông thôn mới?"
    )
    assert b.kind != "applicability"


def test_a_document_asked_what_it_issues_with_cai_gi(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 319 ban hành cái gì vậy?")
    assert a.kind == "documents" and "xã nông thôn mới kiểu mẫu" in a.text


def test_the_conditions_of_a_recognition_are_the_tiers_set_not_a_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chuẩn công nhận xã NTM kiểu mẫu giai đoạn 2021-2025 gồm những gì?")
    assert a.kind == "criteria" and "319/QĐ-TTg" in a.text and "thôn thông minh" in a.text.lower()
    b = full_assistant.ask("Văn bản nào hướng dẫn về xã NTM nâng cao giai đoạn 2018-2020?")
    assert b.kind == "documents" and "1345/BNN-VPĐP" in b.text and "691/QĐ-TTg" not in b.text


def test_a_compound_split_across_two_phrases_asks_the_indicator(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã nông thôn mới 2021-2025: tỷ lệ hộ có nhà tắm hợp vệ sinh tối thiểu bao nhiêu?")
    assert a.scope == "answer" and "17.7" in a.text


def test_a_tally_asked_of_today_is_the_latest_count_with_its_date(full_assistant: Assistant) -> None:
    # "Bây giờ" asks the latest count, not the sets of today's period (whose plan only states a target).
    a = full_assistant.ask("Bây giờ toàn quốc đã có bao nhiêu xã được công nhận đạt chuẩn nông thôn mới?")
    assert "6.043" in a.text and "chưa có số liệu mới hơn" in a.text
