"""What the rendered answer says of itself: a list asked by its size that the answer does not give in full."""

import pytest

from assistant.answer import Sentence
from assistant.render import asked_list, items_said


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        (
            "QĐ 417 đặt mục tiêu có 5 tỉnh, thành phố hoàn thành nhiệm vụ. Đó là những tỉnh, thành phố nào?",
            ("5", "tỉnh"),
        ),
        ("NĐ 272 dùng 12 tiêu chí để phân định xã. Cụ thể 12 tiêu chí đó gồm những gì?", ("12", "tiêu chí")),
        ("CV 14 nêu có 05 tỉnh được công nhận hoàn thành nhiệm vụ, đó là những tỉnh nào?", ("05", "tỉnh")),
        # a count stated but another thing asked: no list of that size is asked for
        ("Xã tôi đạt 15 tiêu chí, còn thiếu những tiêu chí nào?", None),
        ("Năm 2025 có 3 văn bản được ban hành, văn bản nào mới nhất?", None),
    ],
)
def test_a_list_asked_by_its_size(question: str, counted: tuple[str, str] | None) -> None:
    assert asked_list(question) == counted


def test_the_items_an_answer_names_are_its_list_lines_or_one_sentences_parts() -> None:
    lines = [Sentence("Các văn bản:"), Sentence("- Quyết định 318/QĐ-TTg."), Sentence("- Quyết định 319/QĐ-TTg.")]
    assert items_said(lines) == 2
    assert items_said([Sentence("Gồm 05 tỉnh (Nam Định, Đồng Nai, Hà Nam, Hưng Yên và Hải Dương).")]) == 5
    assert items_said([Sentence("1. Quy hoạch; 2. Hạ tầng; 3. Kinh tế; 4. Đào tạo")]) == 4
    assert items_said([Sentence("Có 5 tỉnh, thành phố được công nhận.")]) == 2
