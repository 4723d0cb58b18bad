"""A line that names an indicator and a region ("vùng …") but asks nothing in words asks the region's figure."""

from __future__ import annotations

import pytest

from assistant.asks import read_need
from assistant.service import Assistant
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()


def _asks(text: str) -> set[str]:
    return read_need(understand(text, CATALOGUE), lambda _: None).asks


def test_a_region_named_with_nothing_asked_asks_its_figure() -> None:
    assert "threshold" in _asks("thu nhap binh quan dau nguoi xa nong thon moi vung Bac Trung Bo")


def test_a_province_alone_is_not_a_region_named() -> None:
    # Read as its region by the map, but not named as one: nothing is read into a line about a province.
    assert "threshold" not in _asks("Cong van 5766 cua UBND tinh Thai Nguyen giao So Nong nghiep")


@pytest.mark.heavy
def test_an_income_line_for_a_region_gets_the_indicator(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Thu nhập bình quân đầu người xã nông thôn mới vùng Tây Nguyên năm 2023")
    assert a.kind == "criteria" and "Tây Nguyên" in a.sentences[0].text and "Thu nhập" in a.text
