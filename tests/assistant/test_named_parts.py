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


def test_an_article_or_annex_the_decision_lacks_is_said_missing_with_those_it_has(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Điều 6 của Quyết định 319 nói về nội dung gì?")
    assert a.kind == "section"
    assert a.text.startswith("Theo văn bản kho đang có, Quyết định 319/QĐ-TTg không có Điều 6; văn bản có")
    assert "- Điều 1:" in a.text
    b = full_assistant.ask("QĐ 318 phụ lục 3 quy định những gì?")
    assert "không có Phụ lục III; văn bản có 2 phụ lục: Phụ lục I, Phụ lục II." in b.text.split("\n")[0]
    # An annex numbered in digits is the decision's annex of that Roman number.
    e = full_assistant.ask("Phụ lục 3 QĐ 320 quy định gì?")
    assert e.text.startswith("Phụ lục III Quyết định 320/QĐ-TTg: BỘ TIÊU CHÍ QUỐC GIA VỀ HUYỆN NÔNG THÔN MỚI NÂNG CAO")
    # The part is the other named document's: nothing is said missing from the one without it.
    d = full_assistant.ask("Xã đạt kiểu mẫu theo QĐ 691 năm 2020, nay tự chấm theo Phụ lục II QĐ 318 có đúng không?")
    assert "không có Phụ lục II" not in d.text
    # A registry entry lacks sections the decision has: nothing is said missing from it.
    c = full_assistant.ask("Phụ lục IV Quyết định 51/2025/QĐ-TTg quy định gì?")
    assert "không có Phụ lục IV" not in c.text


def test_a_criterion_is_not_named_by_a_word_holding_its_name(full_assistant: Assistant) -> None:
    # "nhà văn hóa" is criterion 6's facility, not criterion 16 (Văn hóa); "bưu điện" is not criterion 4 (Điện).
    a = full_assistant.ask("Số thôn có nhà văn hóa phải chiếm bao nhiêu phần trăm?")
    assert a.text.startswith("Chỉ tiêu 6.3 thuộc tiêu chí 6 (Cơ sở vật chất văn hóa)")
    b = full_assistant.ask("Trong bộ tiêu chí xã NTM 2016-2020 tiêu chí bưu điện gồm chỉ tiêu nào?")
    assert b.text.startswith("Tiêu chí 8 (Thông tin và Truyền thông)")
    c = full_assistant.ask("Tiêu chí bưu điện của xã nông thôn mới nâng cao 2021-2025?")
    assert "Tiêu chí 4 (Điện)" not in c.text


def test_an_indicator_spelt_out_inside_a_criterion_named_is_that_indicator(full_assistant: Assistant) -> None:
    # "bảo hiểm y tế" holds the criterion's name "y tế"; the indicator says more.
    a = full_assistant.ask("Theo bộ tiêu chí 2016-2020 tỷ lệ người dân tham gia bảo hiểm y tế phải đạt mấy phần trăm?")
    assert a.text.startswith("Chỉ tiêu 15.1 thuộc tiêu chí 15 (Y tế)")
    assert "15.3" not in a.text
    # Its indicators asked for as well: the whole criterion.
    b = full_assistant.ask(
        "Theo bộ tiêu chí 2016-2020 tiêu chí y tế gồm những chỉ tiêu nào và tỷ lệ tham gia bảo hiểm y tế bao nhiêu?"
    )
    assert b.text.startswith("Tiêu chí 15 (Y tế)") and "15.2" in b.text
    # A tier's words and a particle ("cho em hỏi … nâng cao") are no words of an indicator's own.
    c = full_assistant.ask("cho em hỏi về tiêu chí giáo dục của xã nông thôn mới nâng cao")
    assert c.text.startswith("Tiêu chí 5 (Giáo dục)")


def test_a_recognised_unit_asking_whether_it_must_meet_a_set_gets_its_card(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Xã em đạt chuẩn NTM năm 2018, vậy hiện nay có cần đạt bộ tiêu chí 2021-2025 nữa không?")
    assert a.kind == "applicability"
    assert "mục 1 Công văn 14/BCĐCTMTQG" in a.text


def test_an_indicator_a_tiers_set_does_not_split_out_is_said_missing(full_assistant: Assistant) -> None:
    # The advanced set's criterion 17 is one line in the corpus: no 17.5 of its own, and not the basic set's 17.5.
    a = full_assistant.ask("chi tieu 17.5 xa nang cao quy dinh gi")
    assert a.text.startswith(
        "Kho văn bản không có chỉ tiêu 17.5 trong Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021-2025"
    )
    assert "17.5." not in a.text


def test_whether_a_set_has_a_criterion_none_of_its_own_is_named_gets_its_list(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Bộ tiêu chí giai đoạn 2026-2030 có còn tiêu chí bưu điện nữa không?")
    assert a.kind == "criteria"
    assert "gồm 10 tiêu chí, 47 chỉ tiêu" in a.text.split("\n")[0]
    # One of its own named: that criterion.
    b = full_assistant.ask("Bộ tiêu chí 2026-2030 có còn tiêu chí quy hoạch không?")
    assert b.text.startswith("Tiêu chí 1 (Quy hoạch)")
