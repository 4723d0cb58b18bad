"""Two named documents compared whatever their sets' tiers or levels; a relation between two named documents asked
whether it holds; the decision of a level a town's task names; a unit recognised in 2021, before the 2021-2025 sets
were issued."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.applicability import resolve
from assistant.kinds import kinds_of
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("level", "tier", "doc", "item"),
    [
        ("xã", "NTM", "1980/QĐ-TTg", "14/BCĐCTMTQG › Mục 1"),
        ("xã", "kiểu mẫu", "691/QĐ-TTg", "14/BCĐCTMTQG › Mục 3"),
        ("huyện", "NTM", "558/QĐ-TTg", "14/BCĐCTMTQG › Mục 4"),
    ],
)
def test_a_unit_recognised_in_2021_was_recognised_under_the_set_then_in_force(level, tier, doc, item) -> None:
    r = resolve(level, tier, recognition_year=2021, as_of=dt.date(2024, 6, 30))
    assert r.case is not None and r.case.path == item
    assert doc in r.status
    note = " ".join(n.text for n in r.notes)
    assert "08/03/2022" in note and doc in note


def test_a_unit_recognised_in_2022_keeps_the_2021_2025_sets() -> None:
    r = resolve("xã", "NTM", recognition_year=2022, as_of=dt.date(2024, 6, 30))
    assert r.recognition == "2021-2025" and r.applicable is not None and r.applicable.doc == "318/QĐ-TTg"
    assert "08/03/2022" not in " ".join(n.text for n in r.notes)


@pytest.mark.heavy
def test_two_decisions_of_different_tiers_are_compared(full_assistant: Assistant) -> None:
    a = full_assistant.ask("QĐ 318 với QĐ 319 khác nhau ở điểm nào?")
    assert (a.kind, a.scope) == ("criteria", "answer")
    assert "(Phụ lục I, 318/QĐ-TTg) gồm 19 tiêu chí" in a.text and "(319/QĐ-TTg) gồm 4 tiêu chí" in a.text


@pytest.mark.heavy
def test_two_district_decisions_are_compared_on_their_district_sets(full_assistant: Assistant) -> None:
    a = full_assistant.ask("So sánh QĐ 558 với QĐ 320 giúp tôi")
    assert a.kind == "criteria"
    assert "(Phụ lục, 558/QĐ-TTg) gồm 9 tiêu chí" in a.text
    assert "huyện nông thôn mới giai đoạn 2021-2025 (Phụ lục I, 320/QĐ-TTg)" in a.text


@pytest.mark.heavy
def test_the_tier_named_names_the_sets_compared(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí xã nâng cao theo 1345 khác gì bộ xã nâng cao theo 318?")
    assert "Khung tiêu chí xã nông thôn mới nâng cao giai đoạn 2018-2020 (Phụ lục, 1345/BNN-VPĐP) gồm" in a.text
    assert "nâng cao giai đoạn 2021-2025 (Phụ lục II, 318/QĐ-TTg) gồm" in a.text


@pytest.mark.heavy
@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Quyết định 320 có sửa đổi Quyết định 558 không?", "Quyết định 320/QĐ-TTg thay thế 558/QĐ-TTg"),
        ("QĐ 1980 có sửa đổi QĐ 342 không vậy?", "Quyết định 1980/QĐ-TTg thay thế 342/QĐ-TTg"),
        ("Quyết định 318 có bãi bỏ Quyết định 1980 không?", "Quyết định 318/QĐ-TTg thay thế 1980/QĐ-TTg"),
    ],
)
def test_whether_one_named_document_changed_another_is_answered_first(
    full_assistant: Assistant, question: str, first: str
) -> None:
    a = full_assistant.ask(question)
    assert a.kind == "documents" and a.sentences[0].text.startswith(first)
    assert "chưa ghi nhận" not in a.text


@pytest.mark.heavy
@pytest.mark.parametrize(
    "question",
    [
        "Thị xã muốn hoàn thành nhiệm vụ xây dựng NTM giai đoạn 2021-2025 thì theo quyết định nào?",
        # "căn cứ quyết định nào" of a unit's task: which decision governs it, not a decision's grounds.
        "Thành phố thuộc tỉnh hoàn thành nhiệm vụ xây dựng NTM giai đoạn 2021-2025 căn cứ quyết định nào?",
    ],
)
def test_the_decision_of_a_towns_task_is_named_alone(full_assistant: Assistant, question: str) -> None:
    a = full_assistant.ask(question)
    assert a.kind == "documents" and "320/QĐ-TTg" in a.text
    assert "318/QĐ-TTg" not in a.text and "319/QĐ-TTg" not in a.text
    assert "được ban hành căn cứ" not in a.text


def test_who_passed_a_resolution_asks_its_issuer() -> None:
    assert "issuer" in kinds_of("Nghị quyết 25/2021/QH15 do ai thông qua?")


@pytest.mark.heavy
def test_the_document_said_to_act_answers_what_it_changed(full_assistant: Assistant) -> None:
    a = full_assistant.ask("QĐ 211/QĐ-TTg năm 2024 đã sửa đổi những gì trong QĐ 320?")
    assert a.kind == "documents" and a.sentences[0].text.startswith("Quyết định 211/QĐ-TTg sửa đổi, bổ sung")
