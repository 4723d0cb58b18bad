"""A criterion asked by its number as "là tiêu chí gì", and who holds the authority to recognise ("thẩm quyền công nhận
… thuộc về ai"): read as the questions they are, so the set's own criterion and the rules' actor answer."""

from __future__ import annotations

import pytest

from assistant.kinds import kinds_of
from assistant.service import Assistant


@pytest.mark.parametrize(
    ("folded", "kind"),
    [
        # "là tiêu chí gì": what the criterion or indicator numbered is
        ("tieu chi so 9 trong bo tieu chi xa nong thon moi 2021-2025 la tieu chi gi?", "definition"),
        ("chi tieu 17.1 la chi tieu gi vay", "definition"),
        # "thẩm quyền … thuộc về ai / cấp nào": who has that duty
        ("tham quyen cong nhan xa dat chuan nong thon moi thuoc ve ai?", "duty"),
        ("tham quyen xet cong nhan huyen nong thon moi thuoc cap nao", "duty"),
    ],
)
def test_the_question_is_read_as_the_kind_it_asks(folded: str, kind: str) -> None:
    assert kind in kinds_of(folded)


def test_belonging_to_a_group_is_no_authority() -> None:
    assert "duty" not in kinds_of("tieu chi thu nhap cua xa thuoc ve nhom nao?")


@pytest.mark.heavy
def test_criterion_nine_of_the_commune_set_is_not_the_advanced_sets(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chí số 9 trong bộ tiêu chí xã nông thôn mới 2021-2025 là tiêu chí gì?")
    assert a.kind == "criteria" and "Nhà ở dân cư" in a.text
    assert all("Phụ lục II" not in c.path for c in a.citations)


@pytest.mark.heavy
def test_whose_authority_to_recognise_communes_is_answered_by_the_rules(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Thẩm quyền công nhận xã đạt chuẩn nông thôn mới thuộc về ai?")
    assert a.kind == "duties"
    assert "2540/QĐ-TTg" not in a.text  # the model commune's registry entry is another unit's rule
