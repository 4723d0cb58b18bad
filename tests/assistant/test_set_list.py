"""The criteria sets listed or counted (assistant/answerers/set_list.py), and short questions officials type about
the programme: a set named by a year, the programme's money, a province on the 2025 map, a criterion's name."""

import re

from assistant.service import Assistant


def test_the_sets_of_a_level_and_tier_are_listed_in_order_with_their_status(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Kho có bao nhiêu bộ tiêu chí xã nông thôn mới nâng cao?")
    assert a.kind == "criteria"
    lines = a.text.split("\n")
    assert lines[0].startswith("Kho văn bản có 2 bộ tiêu chí")
    assert "1345/BNN-VPĐP" in lines[1] and "318/QĐ-TTg" in lines[2]  # 2018-2020, then 2021-2025
    assert "đã được thay thế bởi" in lines[2]
    assert len(a.citations) >= 2


def test_only_the_sets_still_in_force_when_those_are_asked(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Liệt kê các bộ tiêu chí đang có hiệu lực")
    first = a.text.split("\n")[:2]
    assert first[0].startswith("Kho văn bản có 1 bộ tiêu chí")
    assert "51/2025/QĐ-TTg" in first[1] and "10 tiêu chí" in first[1]


def test_which_set_is_still_in_force_is_the_list_by_status(full_assistant: Assistant) -> None:
    # It got 1980's article on when it took effect.
    a = full_assistant.ask("Bộ tiêu chí nào còn hiệu lực?")
    assert a.text.startswith("Kho văn bản có 1 bộ tiêu chí") and "51/2025/QĐ-TTg" in a.text.split("\n")[1]


def test_a_set_named_by_a_year_is_that_periods_set(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí 2012 có tất cả bao nhiêu tiêu chí?")
    assert "491/QĐ-TTg" in a.text.split("\n")[0] and "19 tiêu chí" in a.text.split("\n")[0]
    assert "51/2025" not in a.text.split("\n")[0]


def test_the_programmes_money_is_the_sum_the_registry_records(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Kinh phí thực hiện chương trình NTM giai đoạn 2026-2030 bao nhiêu?")
    assert a.scope == "answer" and a.kind == "passages"
    # A sum the registry records (the state budget's 423.000 tỷ đồng, or the capital mobilised in all).
    assert re.search(r"\d[\d.,]* (triệu )?tỷ đồng", a.text)


def test_a_former_province_asked_as_it_is_now(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tỉnh Yên Bái giờ là tỉnh nào?")
    assert a.kind == "places" and "Lào Cai" in a.text
    a = full_assistant.ask("Cả nước hiện nay có bao nhiêu tỉnh?")
    assert a.kind == "places" and "34" in a.text


def test_a_criterion_named_without_its_head_word_is_defined_by_its_set(full_assistant: Assistant) -> None:
    a = full_assistant.ask("thôn thông minh là gì vậy?")
    assert a.kind == "criteria" and "319/QĐ-TTg" in a.text.split("\n")[0]


def test_a_model_garden_is_a_standard_the_corpus_does_not_hold(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chuẩn vườn hộ mẫu gồm những gì?")
    assert a.scope == "not_in_corpus" and "vườn mẫu" in a.text


def test_the_date_of_issue_named_alone_is_asked(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Ngày ban hành QĐ 319?")
    assert a.kind == "documents" and "08/03/2022" in a.text.split("\n")[0]


def test_a_tiers_set_of_a_period_is_that_tiers_document(full_assistant: Assistant) -> None:
    # 2018-2020 had two tiers' documents: 1345/BNN-VPĐP (advanced, a ministry's dispatch) and 691/QĐ-TTg (model).
    a = full_assistant.ask("Bộ tiêu chí xã nông thôn mới nâng cao giai đoạn 2018-2020 do cơ quan nào ban hành?")
    assert a.text.startswith("Công văn 1345/BNN-VPĐP do Bộ Nông nghiệp và Phát triển nông thôn ban hành")
    assert "691/QĐ-TTg" not in a.text
