"""End to end: a set named by its count of criteria, every criterion met told as a recognition, a dispatch asked what
it says (and the province's dispatch that forwards it), a criterion a set requires or not, a tier that no longer
stands, a decision's programme, "bỏ tiêu chí" read as dropped criteria, a period's documents of every kind."""

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.heavy


def test_a_set_named_by_its_count_is_the_latest_set_with_that_many_criteria(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ 19 tiêu chí về xã nông thôn mới gồm các tiêu chí gì?")
    assert a.kind == "criteria" and "318/QĐ-TTg" in a.text and "19 tiêu chí" in a.text
    assert "2. Giao thông" in a.text
    # A count asked beside the one stated: the set in force answers it, the stated count is checked against it.
    b = full_assistant.ask("Bộ tiêu chí xã hiện nay có mấy tiêu chí, có phải vẫn 19 tiêu chí không?")
    assert "10 tiêu chí" in b.text


def test_every_criterion_met_in_a_year_is_a_recognition_that_year(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã tôi đạt đủ 19/19 tiêu chí vào năm 2016, đến năm 2023 thì xã phải rà soát theo bộ nào?")
    assert a.kind == "applicability" and a.card is not None
    rule = a.card.previous or a.card
    assert rule.case is not None and rule.case.path == "14/BCĐCTMTQG › Mục 1"


def test_a_dispatch_asked_what_it_says_answers_from_it_before_today(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo Công văn 14/BCĐCTMTQG, các huyện phải làm gì?")
    assert a.kind == "applicability"
    assert "Cần thêm thông tin" not in a.text
    then = a.text.index("các trường hợp theo Công văn 14/BCĐCTMTQG")
    assert then < a.text.index("51/2025/QĐ-TTg")


def test_the_provinces_dispatch_says_it_carries_out_the_central_one(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Xã em ở Thái Nguyên đạt chuẩn NTM năm 2019; theo Công văn 5766 của tỉnh thì xã phải làm gì?"
    )
    assert a.kind == "applicability"
    assert a.text.startswith("Công văn 5766/UBND-CNN&XD của Ủy ban nhân dân tỉnh Thái Nguyên")
    assert "triển khai Công văn 14/BCĐCTMTQG" in a.text


def test_whether_a_set_requires_something_names_its_criterion(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Với xã NTM giai đoạn 2016-2020 thì chợ nông thôn có bắt buộc không?")
    assert a.kind == "criteria" and "1980/QĐ-TTg" in a.text and "Tiêu chí 7" in a.text


def test_a_tier_asked_whether_it_still_stands(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bây giờ còn xã nông thôn mới kiểu mẫu không?")
    assert "không có bộ tiêu chí xã nông thôn mới kiểu mẫu riêng" in a.text


def test_the_programme_a_resolution_approves(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Nghị quyết 257/2025/QH15 phê duyệt chủ trương đầu tư chương trình nào?")
    assert a.kind == "documents" and "giảm nghèo bền vững" in a.text


def test_dropped_criteria_compare_the_two_sets(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí xã 2026-2030 đã bỏ tiêu chí nào của bộ 2021-2025?")
    assert a.kind == "criteria"
    assert "51/2025/QĐ-TTg" in a.text and "318/QĐ-TTg" in a.text and "19 tiêu chí" in a.text


def test_a_periods_documents_of_every_kind(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Những văn bản nào về xây dựng nông thôn mới giai đoạn 2026-2030 có trong kho?")
    assert a.kind == "documents"
    assert "257/2025/QH15" in a.text and "424/NQ-CP" in a.text and "51/2025/QĐ-TTg" in a.text


def test_a_figure_needed_to_reach_the_standard_in_a_year_is_the_sets(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Tôi là cán bộ văn phòng xã, cho hỏi mức thu nhập bình quân đầu người năm 2022 để xã vùng Bắc Trung Bộ đạt "
        "chuẩn nông thôn mới là bao nhiêu ạ?"
    )
    assert a.kind == "criteria" and "318/QĐ-TTg" in a.text and "351/2025/NĐ-CP" not in a.text


def test_a_named_sets_conditions_counted_are_not_a_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo Quyết định 691 thì xã NTM kiểu mẫu phải đáp ứng bao nhiêu điều kiện?")
    assert a.kind == "criteria" and "691/QĐ-TTg" in a.text and "4 tiêu chí" in a.text


def test_the_set_asked_of_the_time_of_a_recognition_is_that_times(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Huyện mình được công nhận năm 2018, áp dụng bộ tiêu chí huyện nào vào lúc đó?")
    assert a.kind == "applicability" and "558/QĐ-TTg" in a.text and "51/2025/QĐ-TTg" not in a.text


def test_a_recognition_before_2021_of_no_tier_lays_out_each_tiers_set_then(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Năm 2018 xã được công nhận đạt chuẩn thì theo bộ tiêu chí nào?")
    assert "theo từng hạng" in a.text
    assert all(n in a.text for n in ("1980/QĐ-TTg", "1345/BNN-VPĐP", "691/QĐ-TTg"))
    assert "Công văn 14/BCĐCTMTQG" not in a.text


def test_which_of_two_decisions_a_recognition_was_under(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã em đạt chuẩn NTM năm 2016, hồi đó theo 491 hay 1980?")
    assert "1980/QĐ-TTg" in a.text and "491/QĐ-TTg" in a.text
    assert "31/12/1980" not in a.text


def test_a_former_province_asked_where_it_is_now_and_its_region(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã tôi thuộc tỉnh Kon Tum cũ, giờ thuộc tỉnh nào và áp dụng vùng nào trong bộ tiêu chí?")
    assert "Quảng Ngãi" in a.text and "Tây Nguyên" in a.text


def test_a_registry_entrys_signer_with_the_office_its_summary_names(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 51/2025/QĐ-TTg do ai ký, giữ chức vụ gì?")
    assert "Phó Thủ tướng Trần Hồng Hà" in a.text
