"""Parts the question names by number and by words at once: a criterion compared between two sets by its name, a
criterion numbered in one set and named in another, a clause the text does not have, the district level itself."""

from assistant.service import Assistant


def test_a_criterion_compared_by_its_name_is_that_criterion_in_both_sets(full_assistant: Assistant) -> None:
    # Accent-free, "giao thông" shares "giao" and "thông" with "giáo dục … trung học phổ thông" (14.1, 14.2).
    a = full_assistant.ask("Tiêu chí giao thông trong QĐ 1980 và QĐ 318 khác nhau thế nào?")
    assert a.kind == "criteria"
    assert a.text.count("Tiêu chí 2 (Giao thông)") == 2
    assert "1980/QĐ-TTg" in a.text and "318/QĐ-TTg" in a.text
    assert "Giáo dục" not in a.text


def test_two_sets_compared_on_nothing_named_are_given_side_by_side(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí xã giai đoạn 2016-2020 và giai đoạn 2021-2025 khác nhau ở chỗ nào?")
    first = a.text.split("\n")[0]
    assert "19 tiêu chí với 49 chỉ tiêu" in first
    assert "19 tiêu chí với 57 chỉ tiêu" in a.text
    assert "Chỉ tiêu 9.2" not in a.text  # "ở" of the question is not "nhà ở"


def test_a_criterion_numbered_and_named_as_in_an_earlier_set_is_that_sets(full_assistant: Assistant) -> None:
    # The set in force numbers its criteria anew: its 7 is science and digital transformation.
    a = full_assistant.ask("Tiêu chí số 7 chợ nông thôn gồm những gì?")
    assert a.text.startswith("Tiêu chí 7 (Cơ sở hạ tầng thương mại nông thôn)")
    assert "Khoa học" not in a.text.split("\n")[0]


def test_what_a_criterion_requires_is_its_indicators(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chí 8 thông tin và truyền thông yêu cầu những gì?")
    assert a.kind == "criteria"  # not the passage of its heading
    assert a.text.startswith("Tiêu chí 8 (Thông tin và Truyền thông)")
    assert "8.1." in a.text


def test_what_a_decision_requires_of_the_province_is_its_duties(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Quyết định 319 yêu cầu gì đối với UBND tỉnh?")
    assert a.kind == "duties"
    assert "Ủy ban nhân dân các tỉnh" in a.text.split("\n")[0]


def test_a_clause_the_article_does_not_have_is_said_missing_before_the_article(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Khoản 4 Điều 2 của Quyết định 320 quy định gì?")
    assert a.text.startswith("Theo văn bản kho đang có, Điều 2 Quyết định 320/QĐ-TTg gồm 3 khoản, không có Khoản 4")
    b = full_assistant.ask("Điểm đ Khoản 3 Điều 2 Quyết định 320 nói gì?")
    # The deepest part the text holds is shown, not the whole article.
    assert b.text.startswith(
        "Theo văn bản kho đang có, Khoản 3 Điều 2 Quyết định 320/QĐ-TTg gồm 3 điểm, không có Điểm đ"
    )
    c = full_assistant.ask("Khoản 1 và khoản 2 Điều 2 Quyết định 320 giao việc cho ai?")
    assert "không có Khoản" not in c.text  # two clauses named side by side, both held


def test_whether_the_district_level_remains_is_answered_first(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Hiện nay có còn cấp huyện không?")
    assert a.text.startswith("Từ ngày 01/7/2025, chính quyền địa phương tổ chức theo hai cấp (tỉnh và xã)")
    assert "51/2025/QĐ-TTg" in a.text


def test_a_criterion_only_an_earlier_set_has_is_defined_from_that_set(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Lĩnh vực nổi trội là gì?")
    assert a.kind == "criteria"
    assert a.text.startswith("Tiêu chí 4 (Lĩnh vực nổi trội)")
    assert "319/QĐ-TTg" in a.text.split("\n")[0]


def test_the_conditions_a_unit_must_meet_are_its_sets_general_requirements(full_assistant: Assistant) -> None:
    # "hoàn thành nhiệm vụ" is what the unit is recognised for, no task given to the province.
    a = full_assistant.ask("Thị xã hoàn thành nhiệm vụ NTM theo Quyết định 320 cần những điều kiện gì?")
    first = a.text.split("\n")[0]
    assert a.kind == "criteria"
    assert "Phụ lục II, 320/QĐ-TTg" in first
    assert "100% số xã" in a.text


def test_what_a_dispatch_gives_a_districts_authority_is_its_duty_not_todays_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Theo CV 5766, UBND huyện phải làm gì?")
    assert a.kind == "duties"
    # The sentence that gives the task, not the dispatch's subject line.
    assert "phối hợp với UBND các huyện" in a.text.split("\n")[0]


def test_an_annex_named_by_the_words_of_its_title_is_that_annex(full_assistant: Assistant) -> None:
    # 51/2025's Phụ lục II, named by what only its title says; not the set of criteria of its Phụ lục I.
    a = full_assistant.ask("Quy định khung thí điểm xã NTM hiện đại có những nội dung gì?")
    assert a.kind == "section"
    assert a.text.startswith("Phụ lục II Quyết định 51/2025/QĐ-TTg")


def test_a_figure_of_a_commune_group_is_the_set_in_forces_which_the_corpus_lacks(full_assistant: Assistant) -> None:
    # Commune groups are the 2026-2030 set's: 318's regional income figure is no figure of "xã nhóm 1".
    a = full_assistant.ask("Xã nhóm 1 cần đạt tiêu chí thu nhập bao nhiêu?")
    first = a.text.split("\n")[0]
    assert "51/2025/QĐ-TTg" in first and "chưa có con số được hỏi" in first
    assert "318/QĐ-TTg" not in a.text
