"""A unit recognised on a given day or in a given month: before 08/03/2022, when the 2021-2025 sets were issued, it
was recognised under the set then in force (1980 for communes), whatever the calendar period of the year says."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.applicability import resolve
from assistant.service import Assistant
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()
TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("Xã A được công nhận đạt chuẩn NTM vào tháng 2/2022 thì nay áp dụng bộ nào?", dt.date(2022, 2, 28)),
        ("xa duoc cong nhan dat chuan ntm thang 1 nam 2022 nay phai lam gi", dt.date(2022, 1, 31)),
        ("Xã được công nhận đạt chuẩn nông thôn mới ngày 20/01/2022, năm nay phải làm gì?", dt.date(2022, 1, 20)),
        ("Xã đạt chuẩn NTM ngày 5 tháng 3 năm 2022 phải làm gì?", dt.date(2022, 3, 5)),
    ],
)
def test_the_day_or_month_of_a_recognition_is_read(question: str, day: dt.date) -> None:
    q = understand(question, CATALOGUE)
    assert (q.recognition_year, q.recognition_date) == (day.year, day)


def test_a_year_alone_or_another_date_gives_no_day() -> None:
    assert understand("Xã đạt chuẩn NTM năm 2022 thì nay phải làm gì?", CATALOGUE).recognition_date is None
    # The day a decision was issued is not the day the commune was recognised.
    q = understand("Xã đạt chuẩn NTM năm 2023, Quyết định 318 ban hành ngày 08/03/2022 có áp dụng không?", CATALOGUE)
    assert q.recognition_date is None


def test_recognised_before_the_2021_2025_sets_were_issued_is_under_1980() -> None:
    r = resolve("xã", "NTM", recognition_year=2022, recognised_on=dt.date(2022, 2, 28), as_of=TODAY)
    assert r.previous is not None and r.previous.recognition == "2016-2020"
    assert "Tháng 02/2022" in r.previous.notes[0].text and "1980/QĐ-TTg" in r.previous.notes[0].text


def test_recognised_after_the_2021_2025_sets_were_issued_is_under_318() -> None:
    r = resolve("xã", "NTM", recognition_year=2022, recognised_on=dt.date(2022, 4, 30), as_of=TODAY)
    assert r.previous is not None and r.previous.recognition == "2021-2025"
    plain = resolve("xã", "NTM", recognition_year=2022, as_of=TODAY)
    assert plain.previous is not None and plain.previous.recognition == "2021-2025"


@pytest.mark.heavy
def test_a_commune_recognised_in_january_2022_is_answered_from_1980s_item(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Xã tôi được công nhận đạt chuẩn nông thôn mới tháng 1 năm 2022 thì áp dụng bộ tiêu chí nào?"
    )
    assert a.kind == "applicability"
    assert "1980/QĐ-TTg" in a.text and "chưa ban hành" in a.text
    assert "xã đã đạt chuẩn nông thôn mới theo bộ tiêu chí giai đoạn 2021-2025" not in a.text
