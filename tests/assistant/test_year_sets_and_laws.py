"""The set of a year asked by its document, a recognised unit asking where it stands now, the commune groups named
"nhóm xã N", a district's share of communes asked as a count, and a law the corpus does not hold."""

import pytest

from assistant.service import Assistant

pytestmark = pytest.mark.heavy


def test_the_set_of_a_year_asked_by_its_document_is_the_set_in_force_then(full_assistant: Assistant) -> None:
    # It got passages of 342's preamble; before 558 (04/2016) every level had 491, so no level is asked.
    a = full_assistant.ask("Hồi năm 2013 bộ tiêu chí quốc gia về nông thôn mới là quyết định nào vậy?")
    assert a.kind == "applicability" and a.card.applicable.doc == "491/QĐ-TTg" and not a.card.missing
    # In 2018 communes and districts had different sets: each is shown beside the question of the level.
    a = full_assistant.ask("Năm 2018 thì bộ tiêu chí NTM là văn bản nào?")
    assert a.kind == "applicability" and a.card.missing == ["level"]
    assert "1980/QĐ-TTg" in a.text and "558/QĐ-TTg" in a.text and "Công văn 14" not in a.text.split("\n")[1]


def test_a_recognised_unit_asking_where_it_stands_now_gets_its_card(full_assistant: Assistant) -> None:
    # "thì sao?" got the two decisions' dates in force.
    a = full_assistant.ask("Giờ 51/2025 có hiệu lực rồi, xã đạt chuẩn theo Quyết định 318 thì sao?")
    assert a.kind == "applicability" and a.card.applicable.doc == "51/2025/QĐ-TTg"


def test_a_commune_group_named_nhom_xa_n_is_defined(full_assistant: Assistant) -> None:
    # "Nhóm xã 1" got the decision's list of annexes.
    a = full_assistant.ask("Theo Quyết định 51/2025 thì nhóm xã 2 là những xã nào?")
    assert a.kind == "criteria" and "nhóm 2" in a.text and "không thuộc nhóm 1 và nhóm 3" in a.text


def test_how_many_communes_a_district_must_have_is_the_share_its_set_asks(full_assistant: Assistant) -> None:
    # It got the names of the district set's nine criteria.
    a = full_assistant.ask("Muốn thành huyện NTM nâng cao thì cần có bao nhiêu xã đạt NTM nâng cao?")
    assert "100% số xã" in a.text and "320/QĐ-TTg › Phụ lục III" in [c.path for c in a.citations]


def test_a_law_named_by_title_and_year_is_not_in_the_corpus(full_assistant: Assistant) -> None:
    # It got the preambles that cite other laws, as if they answered.
    a = full_assistant.ask("Luật Hợp tác xã năm 2023 quy định gì về tổ hợp tác?")
    assert a.scope == "not_in_corpus" and a.text.startswith("Luật Hợp tác xã năm 2023 chưa có trong kho văn bản")
    # "theo luật thì năm 2024 …" names no law.
    assert full_assistant.ask("Theo luật thì năm 2024 xã phải đạt bao nhiêu tiêu chí?").scope == "answer"
