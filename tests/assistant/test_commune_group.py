"""The 2026-2030 commune group a question's stated facts put its commune in (by the registry's summary of the three
groups): decided only when the facts decide it, and never with a figure the question did not give."""

import pytest

from assistant.answerers.overview import group_of_commune
from assistant.understand import normalise_question


def group(question: str) -> tuple[str, list[str]] | None:
    return group_of_commune(normalise_question(question))


@pytest.mark.parametrize(
    ("question", "number"),
    [
        # exactly 10% is not "dưới 10%"; the negations govern their clauses
        (
            "Xã tôi không giáp đô thị, không được quy hoạch định hướng thành đô thị mới, cũng không thuộc vùng đồng "
            "bào DTTS và miền núi. Tỷ trọng nông nghiệp của xã đúng bằng 10%. Xã tôi có được xếp vào nhóm 1 không?",
            "2",
        ),
        ("Xã tôi nông nghiệp chỉ chiếm 8% cơ cấu kinh tế. Xã tôi thuộc nhóm mấy?", "1"),
        (
            "Xã tôi không giáp phường nào, nông nghiệp chiếm 40%, nhưng quy hoạch tỉnh xác định xã sẽ phát triển "
            "thành một đô thị mới. Xã tôi được xếp nhóm mấy?",
            "1",
        ),
        ("xa em o Dien Bien, la xa khu vuc III. xa em nhom may", "3"),
        # adjacent to a town but not oriented to become one
        (
            "Xã tôi giáp một phường, nhưng quy hoạch không định hướng phát triển xã thành đô thị, nông nghiệp chiếm "
            "35%. Xã tôi thuộc nhóm mấy?",
            "2",
        ),
    ],
)
def test_the_stated_facts_place_the_commune(question: str, number: str) -> None:
    placed = group(question)
    assert placed is not None and placed[0] == number


def test_nothing_that_rules_the_first_group_out_leaves_it_undecided() -> None:
    assert group("Xã tôi thuộc nhóm mấy theo bộ tiêu chí 2026-2030?") is None
    assert group("Nhóm 1 gồm những xã nào?") is None  # no commune of the asker's


def test_the_reasons_repeat_only_what_the_question_said() -> None:
    placed = group("xa em thuan nong, khong giap do thi, khong thuoc vung dong bao DTTS. xa em nhom may")
    assert placed is not None and placed[0] == "2"
    assert "xã thuần nông, không dưới 10%" in placed[1]
    assert not any("50" in why for why in placed[1])  # no share was given: none is written


def test_a_commune_said_to_be_in_area_iii_is_in_the_third_group() -> None:
    assert group("xa mien nui thuoc khu vuc III thi theo bo tieu chi 2026-2030 duoc xep la xa nhom may") == ("3", [])


def test_a_commune_ruled_out_of_one_group_by_what_the_question_says_of_it() -> None:
    # "không thuộc nhóm 1" and "không phải xã khu vực II, III": the second group, for both reasons.
    placed = group("xa khong thuoc nhom 1, cung khong phai xa khu vuc II, III vung DTTS thi xep vao nhom may")
    assert placed is not None and placed[0] == "2" and "xã không thuộc nhóm 1" in placed[1]
    # Area I is not the third group; nothing said of the first, so the second on that condition.
    placed = group("Xã tôi theo danh sách chỉ là xã khu vực I. Xã có được xếp vào xã nhóm 3 không?")
    assert placed is not None and placed[0] == "2"
    assert any(why.startswith("với điều kiện xã không thuộc nhóm 1") for why in placed[1])
    # Area I named, but the question is not about the asker's group: nothing is decided.
    assert group("Xã khu vực I là gì?") is None


@pytest.mark.heavy
def test_a_figure_of_the_new_set_the_corpus_lacks_says_which_group_the_commune_is_in(full_assistant) -> None:
    # The 2026-2030 figures are not in the corpus; the group the figure would be read for is.
    a = full_assistant.ask(
        "Xã tôi là xã khu vực III vùng đồng bào dân tộc thiểu số. Theo bộ tiêu chí xã NTM giai đoạn 2026-2030, xã"
        " thuộc nhóm như chúng tôi phải đạt tỷ lệ người dân tham gia bảo hiểm y tế bao nhiêu %?"
    )
    assert "51/2025/QĐ-TTg" in a.text and "Chưa biết các chỉ tiêu" in a.text
    assert "Theo những điều câu hỏi nêu về xã, xã thuộc nhóm 3." in a.text


def test_an_area_class_after_other_words_places_the_commune_in_the_third_group() -> None:
    assert group("Xã chúng tôi ở vùng dân tộc thiểu số và miền núi, khu vực II, thì thuộc nhóm nào?") == ("3", [])
