"""Sets, annexes and groups a question names: each one named is answered, a group's name is not its criterion's."""

from assistant.asks import read_need
from assistant.service import Assistant
from assistant.understand import understand


def test_the_same_criterion_of_two_annexes_named_is_given_for_both(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Tiêu chí số 18 trong Phụ lục I và tiêu chí số 18 trong Phụ lục II của QĐ 318 có giống nhau không?"
    )
    assert "Tiêu chí 18 (Hệ thống chính trị và tiếp cận pháp luật)" in a.text
    assert "Tiêu chí 18 (Chất lượng môi trường sống)" in a.text


def test_a_group_named_by_its_criterions_words_is_the_group(full_assistant: Assistant) -> None:
    a = full_assistant.ask("QĐ 318 chia 19 tiêu chí thành mấy nhóm? Nhóm hệ thống chính trị gồm những tiêu chí nào?")
    assert "Nhóm Hệ thống chính trị" in a.text and "19. Quốc phòng và An ninh" in a.text
    assert "18.1. Cán bộ, công chức xã đạt chuẩn" not in a.text  # not the criterion 18 its words also name


def test_which_group_a_commune_is_placed_in_is_asked() -> None:
    need = read_need(understand("Xã được định hướng là đô thị mới thì xếp vào nhóm nào?"), lambda typed: None)
    assert "which" in need.asks


def test_the_same_indicator_of_two_tiers_is_given_with_each_tiers_number(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Chỉ tiêu tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học trung học: trong bộ tiêu chí xã NTM 2021-2025 là chỉ"
        " tiêu số mấy, còn trong bộ xã NTM nâng cao là số mấy?"
    )
    assert "Chỉ tiêu 14.2" in a.text and "Chỉ tiêu 5.3" in a.text
