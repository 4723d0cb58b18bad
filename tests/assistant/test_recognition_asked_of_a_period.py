"""Who recognises, or how, asked of any unit of a period: that period's rules answer, never another period's clause,
and a clause that only names units already recognised answers nothing."""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()


def test_recognition_asked_before_the_unit_names_the_periods_rules() -> None:
    q = understand("Cơ quan nào xét công nhận huyện đạt chuẩn NTM giai đoạn 2016-2020?", CATALOGUE)
    assert (q.period, q.recognition_period) == ("2016-2020", None)


def test_the_askers_own_unit_keeps_its_recognition() -> None:
    q = understand("Xã tôi đạt chuẩn NTM giai đoạn 2016-2020, ai công nhận?", CATALOGUE)
    assert q.recognition_period == "2016-2020"


@pytest.mark.heavy
def test_who_recognised_communes_in_2016_2020_is_not_answered_from_318(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Cơ quan nào có thẩm quyền công nhận xã đạt chuẩn NTM giai đoạn 2016-2020?")
    assert a.kind == "duties" and "318/QĐ-TTg" not in a.text
    assert "2540/QĐ-TTg" in a.text and "mục đăng ký" in a.text
    assert "đã được công nhận đạt chuẩn" not in a.text  # 1980's clause on units already recognised


@pytest.mark.heavy
def test_who_recognised_districts_in_2016_2020_is_558s_clause(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Ai xét công nhận huyện đạt chuẩn nông thôn mới giai đoạn 2016-2020?")
    assert a.kind == "duties" and "Khoản 3 Điều 2 Quyết định 558/QĐ-TTg" in a.text
    assert "320/QĐ-TTg" not in a.text
