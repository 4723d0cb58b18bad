"""A question that asks which set applies and one of its figures gets both: the card, and the indicator the second
part names by its words, with its figure."""

import pytest

from assistant.service import Assistant
from tests.assistant.test_ask import _valid_citations

pytestmark = pytest.mark.heavy


def test_the_card_and_the_figure_a_second_part_asks(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Huyện đạt chuẩn NTM năm 2019 thì năm 2024 phải đáp ứng bộ tiêu chí nào, tỷ lệ người dân hài lòng tối thiểu "
        "bao nhiêu?"
    )
    assert a.kind == "applicability" and "320/QĐ-TTg" in a.text
    assert "90%" in a.text
    _valid_citations(full_assistant, a)


def test_a_card_answering_a_part_asking_no_figure_gets_no_passage_added(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Cho hỏi xã đã đạt chuẩn NTM năm 2018 thì năm 2024 duy trì chuẩn theo bộ tiêu chí nào, quyết định số mấy?"
    )
    assert a.kind == "applicability"
    assert not any(c.path.startswith(("18/2022/QĐ-TTg", "25/2021/QH15")) for c in a.citations)
