"""A district set's general requirements: the numbered lines its annex writes before the table of criteria."""

from __future__ import annotations

from assistant.answerers.conditions import part_lines
from assistant.service import Assistant

ANNEX_IN_PARTS = """PHỤ LỤC
TIÊU CHÍ HUYỆN NÔNG THÔN MỚI VÀ QUY ĐỊNH THỊ XÃ, THÀNH PHỐ TRỰC THUỘC CẤP TỈNH HOÀN THÀNH NHIỆM VỤ
I. TIÊU CHÍ HUYỆN NÔNG THÔN MỚI
1. Có 100% số xã trong huyện đạt chuẩn nông thôn mới.
2. Đạt các tiêu chí sau:
II. QUY ĐỊNH THỊ XÃ, THÀNH PHỐ TRỰC THUỘC CẤP TỈNH HOÀN THÀNH NHIỆM VỤ XÂY DỰNG NÔNG THÔN MỚI
1. Có 75% số xã đạt chuẩn nông thôn mới.
2. [chưa xác minh] Theo hiểu biết: một số tiêu chí của huyện."""


def general_lines(text: str, title: str) -> list[str]:
    found = part_lines(text, title)
    return found[1] if found else []


def test_the_part_of_an_annex_whose_heading_the_set_names_without_lead_ins_or_unverified_lines() -> None:
    district = general_lines(ANNEX_IN_PARTS, "Tiêu chí huyện nông thôn mới giai đoạn 2016-2020")
    assert district == ["1. Có 100% số xã trong huyện đạt chuẩn nông thôn mới."]
    town = general_lines(ANNEX_IN_PARTS, "Quy định thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ")
    # The compiler's understanding ("[chưa xác minh] Theo hiểu biết: …") is no requirement to quote.
    assert town == ["1. Có 75% số xã đạt chuẩn nông thôn mới."]
    assert general_lines("PHỤ LỤC III\n1. [chưa xác minh] Theo hiểu biết: có 100% số xã …", "Bộ tiêu chí") == []


def test_the_share_of_advanced_communes_a_district_needs_is_quoted_from_its_annex(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Huyện nông thôn mới giai đoạn 2021-2025 phải có tối thiểu bao nhiêu phần trăm số xã đạt chuẩn NTM nâng cao?"
    )
    assert a.kind == "criteria" and "10% số xã" in a.text
    assert any(c.path == "320/QĐ-TTg › Phụ lục I" and "10%" in c.quote for c in a.citations)


def test_the_towns_of_a_district_are_asked_about(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Huyện muốn đạt chuẩn huyện NTM giai đoạn 2021-2025 thì các thị trấn có phải đạt chuẩn gì không?"
    )
    assert "đô thị văn minh" in a.text


def test_a_communes_question_gets_no_district_requirements(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã đạt chuẩn nông thôn mới giai đoạn 2021-2025 cần tỷ lệ hài lòng của người dân bao nhiêu?")
    assert "yêu cầu chung" not in a.text


def test_a_town_gets_its_own_part_of_the_annex_of_the_period_its_year_falls_in(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Năm 2019 thị xã chúng tôi đề nghị công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới. Yêu cầu về số xã "
        "đạt chuẩn của thị xã thì theo quyết định nào?"
    )
    # 558's Part II (towns and cities), not its Part I (districts), nor 320's Phụ lục II of the next period.
    assert any(
        c.path == "558/QĐ-TTg › Phụ lục" and c.quote == "Có 100% số xã đạt chuẩn nông thôn mới." for c in a.citations
    )
    assert not any(c.path == "320/QĐ-TTg › Phụ lục II" for c in a.citations)


def test_provinces_and_cities_are_no_town(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Đến tháng 9/2023 cả nước có bao nhiêu tỉnh, thành phố có 100% số xã đạt chuẩn NTM?")
    assert "hoàn thành nhiệm vụ xây dựng nông thôn mới (Phụ lục" not in a.text


def test_a_towns_requirements_say_how_many_more_the_corpus_holds_unverified(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo 558 thị xã hoàn thành NTM cần gì?")  # "hoàn thành NTM", the task's short name
    assert a.text.startswith(
        "Quy định thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới"
    )
    assert "«Có 100% số xã đạt chuẩn nông thôn mới.»" in a.text
    assert "Kho còn 1 yêu cầu khác của phần này chưa được đối chiếu với văn bản gốc" in a.text
    assert "«Cần đối chiếu" not in a.text


def test_the_share_of_communes_a_district_set_asks_is_quoted_not_the_towns(full_assistant: Assistant) -> None:
    a = full_assistant.ask("huyen ntm nang cao can bao nhieu phan tram xa dat nang cao")
    assert "100% số xã" in a.text
    assert "thị trấn" not in a.text
