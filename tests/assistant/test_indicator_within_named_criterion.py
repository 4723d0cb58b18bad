"""An indicator spelt out in its own words inside a criterion named by name ("tiêu chí thủy lợi … tỷ lệ diện tích … tưới
tiêu chủ động"), a share asked as "bao nhiêu % xã", and the note that a set's period is over quoting the line it rests
on, not whatever sentence of that entry matches what the question asks."""

from __future__ import annotations

import pytest

from assistant.counted import counted_noun
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("hint", "noun"),
    [
        ("Huyện nông thôn mới nâng cao phải có bao nhiêu % xã đạt chuẩn nâng cao?", "xa"),
        ("thi xa can bao nhieu% so xa dat chuan", "xa"),
    ],
)
def test_a_share_asked_with_the_percent_sign_counts_its_unit(hint: str, noun: str) -> None:
    assert (counted_noun(hint) or "").split()[0] == noun


def test_a_bare_percent_counts_nothing_named() -> None:
    assert counted_noun("Tỷ lệ hộ nghèo phải dưới bao nhiêu %?") is None


@pytest.mark.heavy
def test_the_indicator_spelt_out_leads_inside_the_criterion_named(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Theo tiêu chí thủy lợi của bộ tiêu chí xã nông thôn mới 2021-2025, tỷ lệ diện tích đất sản xuất nông nghiệp "
        "được tưới và tiêu nước chủ động phải đạt bao nhiêu?"
    )
    assert a.kind == "criteria"
    assert a.text.startswith("Chỉ tiêu 3.1 thuộc tiêu chí 3")
    assert "3.2." not in a.text  # not every indicator of the criterion


@pytest.mark.heavy
def test_the_indicators_asked_for_are_still_all_listed(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Tiêu chí thủy lợi và phòng, chống thiên tai của xã nông thôn mới 2021-2025 gồm những chỉ tiêu nào?"
    )
    assert a.text.startswith("Tiêu chí 3 (Thủy lợi và phòng, chống thiên tai)")
    assert "3.1." in a.text and "3.2." in a.text


@pytest.mark.heavy
def test_a_share_of_communes_is_quoted_from_the_line_counting_communes(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo 320, huyện đạt chuẩn nông thôn mới nâng cao cần bao nhiêu % xã đạt chuẩn nâng cao?")
    quotes = " ".join(c.quote for c in a.citations if c.doc == "320/QĐ-TTg")
    assert "100% số xã" in quotes
    assert "thị trấn" not in quotes


@pytest.mark.heavy
def test_the_period_note_quotes_the_date_in_force(full_assistant: Assistant) -> None:
    # A count and a level asked ("bao nhiêu …", "xã") must not pick the note's sentence from the entry of 51/2025.
    a = full_assistant.ask(
        "Xã miền núi phía Bắc phải có tỷ lệ lao động qua đào tạo bao nhiêu để đạt tiêu chí lao động?"
    )
    note = next(s for s in a.sentences if "giai đoạn trước" in s.text)
    quoted = [a.citations[n - 1].quote for n in note.cites]
    assert quoted and all("15/02/2026" in q for q in quoted)
