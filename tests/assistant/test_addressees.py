"""Whom a document is sent to: its "Kính gửi" block (a name wrapped onto the next line kept whole), and its "Nơi
nhận" list when the question asks where it went."""

import pytest

from assistant.service import Assistant
from tests.assistant.test_ask import _valid_citations

pytestmark = pytest.mark.heavy


def test_an_addressee_wrapped_onto_two_lines_is_one_name(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Công văn 14/BCĐCTMTQG gửi cho ai?")
    assert "gửi: Ban Chỉ đạo các chương trình mục tiêu quốc gia các tỉnh, thành phố trực thuộc Trung ương." in a.text
    assert "Nơi nhận" not in a.text  # not asked where else it went
    _valid_citations(full_assistant, a)


def test_the_recipients_list_when_asked(full_assistant: Assistant) -> None:
    a = full_assistant.ask("CV 14/BCĐCTMTQG phần nơi nhận có đ/c Thứ trưởng nào?")
    assert "Nơi nhận của Công văn 14/BCĐCTMTQG:" in a.text and "Thứ trưởng Trần Thanh Nam" in a.text
    _valid_citations(full_assistant, a)
    # A decision has no "Kính gửi": its recipients are whom it is sent to.
    b = full_assistant.ask("Phần nơi nhận của Quyết định 1980/QĐ-TTg gồm những cơ quan nào?")
    assert "Nơi nhận của Quyết định 1980/QĐ-TTg: Ban Bí thư Trung ương Đảng;" in b.text
    _valid_citations(full_assistant, b)
