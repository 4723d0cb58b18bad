"""A province's task and the modern commune answered from the annex titled with them, saying the corpus holds its title
only; a province named first as the unit whose task it is; a hamlet recognised as a model one is a topic the corpus
does not cover; a figure's year of any unit of a tier dates no recognition."""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from assistant.topic import local_topics
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()


def test_the_province_whose_task_is_asked_is_the_unit() -> None:
    q = understand("Tỉnh muốn hoàn thành nhiệm vụ xây dựng nông thôn mới thì cần có bao nhiêu xã đạt chuẩn?", CATALOGUE)
    assert q.level == "tỉnh"


def test_a_town_of_a_province_is_not_the_province() -> None:
    q = understand("Thị xã thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới cần gì?", CATALOGUE)
    assert q.level == "thị xã"


def test_a_figures_year_of_a_tier_dates_no_recognition() -> None:
    q = understand("Mức thu nhập của xã NTM kiểu mẫu năm 2024 ở Tây Nguyên?", CATALOGUE)
    assert (q.recognition_year, q.ask_year) == (None, 2024)


def test_a_hamlet_recognised_as_a_model_one_is_an_uncovered_topic() -> None:
    assert local_topics("Thủ tục để thôn được công nhận đạt chuẩn NTM kiểu mẫu thế nào?", set())
    assert local_topics("Bản đạt chuẩn kiểu mẫu cần những điều kiện gì?", set())


@pytest.mark.heavy
def test_a_provinces_task_is_answered_from_its_annex_not_held(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tỉnh muốn được công nhận hoàn thành nhiệm vụ xây dựng NTM thì phải đáp ứng điều kiện nào?")
    assert a.kind == "section" and a.card is None
    assert a.sentences[0].text.startswith("Phụ lục III Quyết định 51/2025/QĐ-TTg")
    assert "Kho văn bản chưa có nội dung của Phụ lục III" in a.text


@pytest.mark.heavy
def test_the_modern_commune_is_answered_from_its_annex_not_held(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Khung thí điểm xã nông thôn mới hiện đại quy định những gì?")
    assert a.kind == "section" and "Phụ lục II Quyết định 51/2025/QĐ-TTg" in a.text
    assert "Kho văn bản chưa có nội dung của Phụ lục II" in a.text
    assert "14/BCĐCTMTQG" not in {c.doc for c in a.citations}


@pytest.mark.heavy
def test_a_figure_of_a_tier_in_a_year_carries_no_units_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Mức thu nhập xã NTM nâng cao năm 2023 vùng Bắc Trung Bộ là bao nhiêu?")
    assert a.kind == "criteria" and a.card is None
    assert "Tiêu chí 10 (Thu nhập)" in a.text and "nâng cao giai đoạn 2021-2025" in a.text


@pytest.mark.heavy
def test_the_one_general_requirement_asked_answers_first(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Người dân hài lòng bao nhiêu phần trăm thì huyện đạt chuẩn NTM giai đoạn 2021-2025?")
    assert a.sentences[0].text.startswith("Theo Bộ tiêu chí quốc gia về huyện nông thôn mới giai đoạn 2021-2025")
    assert "hài lòng" in a.sentences[0].text and "90%" in a.sentences[0].text
    assert "Có 100% số thị trấn" in a.text  # the others still follow


@pytest.mark.heavy
def test_several_general_requirements_asked_keep_the_list(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Huyện NTM 2021-2025 cần bao nhiêu % xã đạt nâng cao và tỷ lệ hài lòng bao nhiêu?")
    assert a.sentences[0].text.endswith("đặt các yêu cầu chung:")
