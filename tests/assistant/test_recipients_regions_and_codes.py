"""Kinds of question read in other words (whom a decision is sent to, the programme a resolution is about, whether a
district set exists, the region whose levels apply), several indicators named by their codes, and the poverty
standard as part of the programme."""

from __future__ import annotations

import pytest

from assistant.kinds import kinds_of
from assistant.service import Assistant
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quyết định 319 được gửi cho những cơ quan nào?", "to"),
        ("Nghị quyết 25/2021/QH15 về chương trình gì?", "contents"),
        ("Bộ tiêu chí huyện NTM nâng cao giai đoạn 2026-2030 còn không?", "district_set"),
        ("Xã ở tỉnh Quảng Nam cũ áp dụng mức vùng nào?", "region_of"),
    ],
)
def test_a_kind_asked_in_other_words_is_read(question: str, kind: str) -> None:
    assert kind in kinds_of(question)


def test_every_indicator_named_by_its_code_is_kept() -> None:
    q = understand("Chỉ tiêu 15.1 và 15.3 của 1980 là gì?", CATALOGUE)
    assert (q.indicator, q.indicators) == ("15.1", ["15.1", "15.3"])


def test_the_poverty_standard_is_of_the_programme() -> None:
    assert understand("Chuẩn nghèo giai đoạn 2022-2025 thế nào?", CATALOGUE).domain


@pytest.mark.heavy
def test_two_indicators_named_by_code_are_both_answered(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Chỉ tiêu 15.1 và 15.3 của Quyết định 1980 quy định bao nhiêu?")
    assert a.kind == "criteria"
    assert "15.1. Tỷ lệ người dân tham gia bảo hiểm y tế" in a.text and "15.3. Tỷ lệ trẻ em dưới 5 tuổi" in a.text


@pytest.mark.heavy
def test_the_region_whose_levels_apply_to_a_provinces_commune(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã ở tỉnh Quảng Nam cũ áp dụng mức vùng nào theo bộ 2021-2025?")
    assert a.kind == "places" and "Duyên hải Nam Trung Bộ" in a.text
    assert a.card is None


@pytest.mark.heavy
def test_whom_a_decision_is_sent_to(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 319 được gửi cho những cơ quan nào?")
    assert a.kind == "documents" and a.sentences[0].text.startswith("Nơi nhận")


@pytest.mark.heavy
def test_the_poverty_standard_is_answered_not_refused(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Chuẩn nghèo giai đoạn 2027-2030 là bao nhiêu?")
    assert not a.refused and "351/2025/NĐ-CP" in a.text


@pytest.mark.heavy
def test_a_district_set_of_the_new_period_asked_for(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí huyện NTM nâng cao giai đoạn 2026-2030 còn không?")
    assert "không có phụ lục dành cho huyện" in a.text


def test_the_commune_word_of_a_town_is_no_commune() -> None:
    q = understand("Năm 2019 thị xã muốn được công nhận hoàn thành nhiệm vụ xây dựng NTM thì căn cứ văn bản nào?")
    assert q.level == "thị xã"


@pytest.mark.parametrize(
    "question",
    [
        # The task named as what a town of that period must meet.
        "Thị xã hoàn thành nhiệm vụ xây dựng NTM giai đoạn 2016-2020 phải có những điều kiện gì?",
        # Who set the standard of a tier and period.
        "Xã NTM kiểu mẫu giai đoạn 2018-2020 do cơ quan nào ban hành tiêu chí?",
    ],
)
def test_a_period_of_a_standard_asked_about_is_no_recognition(question: str) -> None:
    q = understand(question, CATALOGUE)
    assert q.recognition_period is None and q.period in ("2016-2020", "2018-2020")


@pytest.mark.heavy
def test_a_towns_task_of_a_named_period_is_that_periods(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Thị xã hoàn thành nhiệm vụ xây dựng NTM giai đoạn 2016-2020 phải có những điều kiện gì?")
    assert "558/QĐ-TTg" in a.text and "320/QĐ-TTg" not in a.text


@pytest.mark.heavy
def test_who_set_a_tiers_standard_of_a_period(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã NTM nâng cao giai đoạn 2018-2020 do cơ quan nào quy định tiêu chí?")
    # The ministry's framework (its issuer) or the provinces it charges with their own sets: 1345, no unit's card.
    assert a.kind in ("duties", "documents") and "1345/BNN-VPĐP" in a.text and a.card is None
