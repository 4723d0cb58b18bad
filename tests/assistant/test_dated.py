"""How recent a quoted count is, against the date the question asks it on."""

import datetime as dt

from assistant.dated import counted_to, stale_count_note

TODAY = dt.date(2026, 11, 24)
COUNT = "đến hết tháng 6/2024, cả nước đã có 6.500 xã đạt chuẩn"


def test_the_date_a_count_runs_to_is_read_but_a_target_year_is_not() -> None:
    assert counted_to("tính đến ngày 30/6/2024 có 6.500 xã") == ("tháng 6/2024", 2024)
    assert counted_to("đến hết năm 2022, cả nước có 5.000 xã") == ("năm 2022", 2022)
    assert counted_to("phấn đấu đến năm 2025 có 80% số xã đạt chuẩn") is None


def test_a_count_older_than_the_year_asked_says_so() -> None:
    note = stale_count_note("Đến cuối năm 2025 có bao nhiêu xã đạt chuẩn?", [COUNT], 2025, TODAY)
    assert note is not None and "tháng 6/2024" in note and "năm 2025" in note
    now = stale_count_note("Bây giờ cả nước bao nhiêu xã đạt chuẩn?", [COUNT], None, TODAY)
    assert now is not None and "mới hơn" in now


def test_no_note_when_the_count_is_as_recent_as_asked_or_no_date_is_asked() -> None:
    # The date the question counts to is the one asked, whatever target year it also names.
    asked = "Tính đến hết tháng 6/2024 có bao nhiêu xã đạt chuẩn, mục tiêu năm 2025 là bao nhiêu?"
    assert stale_count_note(asked, [COUNT], 2025, TODAY) is None
    # "khi đó": the document's own date, not today.
    assert stale_count_note("Văn bản đó nêu khi đó có bao nhiêu xã đạt chuẩn?", [COUNT], None, TODAY) is None
    assert stale_count_note("Năm 2025 có bao nhiêu xã đạt chuẩn?", ["cả nước có 6.500 xã"], 2025, TODAY) is None
