"""A criterion numbered past the end of the set the question names: the set has none of that number, said first with
its list, never a passage that happens to hold the number or another set's criterion."""

from __future__ import annotations

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.heavy


def test_a_tenth_criterion_of_the_nine_criteria_district_set(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Bộ tiêu chí huyện nông thôn mới giai đoạn 2021-2025 có tiêu chí thứ 10 không, là tiêu chí gì?"
    )
    assert a.kind == "criteria"
    first = a.sentences[0].text
    assert "320/QĐ-TTg" in first and "gồm 9 tiêu chí" in first and "không có tiêu chí số 10" in first


def test_a_twentieth_criterion_of_a_decision_named_by_number(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo Quyết định 1980 thì tiêu chí số 20 quy định nội dung gì?")
    assert a.kind == "criteria" and "không có tiêu chí số 20" in a.sentences[0].text
    assert "1980/QĐ-TTg" in a.sentences[0].text


def test_a_number_the_set_has_is_still_its_criterion(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chí số 8 của bộ tiêu chí huyện nông thôn mới 2021-2025 là gì?")
    assert a.kind == "criteria" and "Tiêu chí 8" in a.text and "không có tiêu chí số" not in a.text
