"""The quoted span answers: never a heading, an annex line, a mid-sentence fragment, a source line
or the compiler's note; always an exact substring."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.counted import counted_noun
from assistant.quote import CUES, best_span, pieces, quotable, targets_heading, title_words, unverified


@pytest.mark.parametrize(
    "piece",
    [
        "Tiêu chí 18.",
        "**Điều 3.**",
        "(Ban hành kèm theo Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022 của Thủ tướng Chính phủ)",
        "(Kèm theo Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022)",
        "họ tên người ký]",
        "thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới",
        "Nguồn: vietnamplus.vn, thoibaotaichinhvietnam.vn",
        "Ghi chú của bản biên soạn: cột chung là mức cả nước",
        "BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI",
        "Cần đối chiếu văn bản gốc.",  # the compiler's note after an unverified part
    ],
)
def test_what_is_never_quoted(piece: str) -> None:
    assert not quotable(piece)


def test_a_clause_after_a_semicolon_is_quotable_and_answers_how_often() -> None:
    text = (
        "Đề nghị Ban Chỉ đạo các tỉnh chỉ đạo thực hiện; định kỳ 06 tháng và hằng năm báo cáo kết quả gửi Bộ "
        "Nông nghiệp và Phát triển nông thôn./.\nNơi nhận:\n- Như trên;"
    )
    quote = best_span(text, "báo cáo định kỳ mấy tháng một lần", asks=frozenset({"count", "count=thang"}))
    assert quote.startswith("định kỳ 06 tháng") and quote in text


def test_one_name_of_a_list_run_on_after_semicolons_is_not_a_quote() -> None:
    text = (
        "- Thu hồi quyết định công nhận xã đạt chuẩn khi có từ 30% đến 50% số tiêu chí xã không đạt chuẩn, trong đó có "
        "một trong các tiêu chí Thu nhập; Môi trường và an toàn thực phẩm; Môi trường; Quốc phòng và An ninh.\n"
    )
    hint = (
        "Xã có 7 tiêu chí không đạt gồm Môi trường và an toàn thực phẩm, Quốc phòng và An ninh thì có bị thu hồi không?"
    )
    assert best_span(text, hint).startswith("Thu hồi quyết định công nhận")
    assert "Môi trường và an toàn thực phẩm;" not in pieces(text)
    # A short clause after one ";" says something of its own: "…, Thủ tướng Chính phủ ban hành; Phó Thủ tướng … ký."
    signed = "- Số hiệu 51/2025/QĐ-TTg, ngày 29/12/2025, Thủ tướng Chính phủ ban hành; Phó Thủ tướng Trần Hồng Hà ký."
    assert "Phó Thủ tướng Trần Hồng Hà ký." in pieces(signed)
    # The sources a registry line names after it are no list, and a site's name is no quote.
    sourced = signed + ' Nguồn: vietnamplus.vn ("Ngày 29/12/2025, …"); thoibaotaichinhvietnam.vn; baophapluat.vn.'
    assert "Phó Thủ tướng Trần Hồng Hà ký." in pieces(sourced)
    assert not quotable("thoibaotaichinhvietnam.vn") and not quotable("baophapluat.vn.")
    # The numbered items of a list run on after ";" are no quotes either.
    listed = "Gồm 10 tiêu chí: (1) Quy hoạch; (2) Giao thông; (3) Thủy lợi; (7) Khoa học công nghệ và chuyển đổi số."
    assert not any(p.startswith("(7)") for p in pieces(listed))


def test_the_count_asked_for_beats_other_figures() -> None:
    text = (
        "- Phạm vi: Bộ tiêu chí giai đoạn 2026 - 2030 gồm ba phần. Nguồn: a.vn\n"
        "- Mỗi tiêu chí được chia theo 3 nhóm xã (xã nhóm 1, xã nhóm 2, xã nhóm 3).\n"
        "- Gồm 10 tiêu chí, 47 chỉ tiêu. Nguồn: vietnamplus.vn"
    )
    quote = best_span(text, "Bộ tiêu chí 2026-2030 có bao nhiêu tiêu chí?", asks=frozenset({"count", "count=tieu chi"}))
    assert quote == "Gồm 10 tiêu chí, 47 chỉ tiêu."


def test_wrapped_lines_are_one_sentence() -> None:
    text = "Ban Chỉ đạo Trung ương đề nghị các tỉnh\nđảm bảo vào chiều sâu, hiệu quả.\nDòng khác."
    assert (
        best_span(text, "chiều sâu hiệu quả")
        == "Ban Chỉ đạo Trung ương đề nghị các tỉnh\nđảm bảo vào chiều sâu, hiệu quả."
    )


def test_brackets_are_not_split() -> None:
    assert "[chưa xác minh: họ tên người ký]" in pieces("KT. THỦ TƯỚNG\n[chưa xác minh: họ tên người ký]")


@given(st.text(min_size=1, max_size=400), st.text(max_size=60))
def test_the_quote_is_always_an_exact_substring(text: str, hint: str) -> None:
    assert best_span(text, hint) in text


def test_a_definition_is_quoted_from_the_sentence_that_defines() -> None:
    text = (
        "- Mỗi tiêu chí được chia theo 3 nhóm xã (xã nhóm 1, xã nhóm 2, xã nhóm 3).\n"
        "- Xã nhóm 3 là xã khu vực II và xã khu vực III thuộc vùng đồng bào dân tộc thiểu số và miền núi."
    )
    quote = best_span(text, "xa nhom 3 la xa nhu the nao", asks=frozenset({"definition"}))
    assert quote.startswith("Xã nhóm 3 là xã khu vực II")


def test_a_count_is_answered_by_the_sentence_with_a_number_of_what_is_counted() -> None:
    text = (
        "Số hiệu 257/2025/QH15, ngày 11/12/2025, Quốc hội phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc "
        "gia xây dựng nông thôn mới, giảm nghèo bền vững giai đoạn 2026 - 2035.\n"
        "- Quốc hội biểu quyết thông qua nghị quyết; 430/440 đại biểu có mặt tán thành."
    )
    hint = "nghi quyet phe duyet chu truong dau tu chuong trinh xay dung nong thon moi giam ngheo ben vung duoc "
    asked = hint + "thong qua voi bao nhieu dai bieu tan thanh"
    assert counted_noun(asked) == "dai bieu"
    # The question names the resolution by its title: those words are in many of its sentences.
    title = title_words(
        "Phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo", asked
    )
    assert best_span(text, asked, ignore=title).startswith("430/440 đại biểu")
    # Counted with the title's words, the long title sentence wins: both mechanisms are needed.
    assert best_span(text, asked).startswith("Số hiệu")
    # A figure, not a count of things.
    assert counted_noun("tỷ lệ là bao nhiêu phần trăm") is None


def test_a_registry_entrys_notice_and_list_headings_are_never_quoted() -> None:
    text = (
        "**MỤC ĐĂNG KÝ — KHÔNG PHẢI TOÀN VĂN.** Mục này không chứa toàn văn Quyết định số 60/QĐ-BDTTG. Khi có tệp "
        "chính thức của văn bản được nhập vào hệ thống, tệp đó sẽ thay thế mục này.\n\n"
        "Thông tin chung (đã đối chiếu):\n\n"
        "- Bộ trưởng ký ban hành Quyết định số 60/QĐ-BDTTG phê duyệt danh sách xã khu vực I, II, III."
    )
    assert all("MỤC ĐĂNG KÝ" not in p and "thay thế mục này" not in p for p in pieces(text) if quotable(p))
    assert not quotable("Thông tin chung (đã đối chiếu):")
    # A provision's own lead-in is quotable.
    assert quotable("Điều 1. Ban hành tiêu chí xã nông thôn mới kiểu mẫu giai đoạn 2018 - 2020, cụ thể như sau:")
    assert best_span(text, "tệp chính thức thay thế mục này").startswith("Bộ trưởng")


def test_a_documents_title_words_are_those_the_question_names_it_by() -> None:
    title = "Về việc tập trung chỉ đạo duy trì và nâng cao chất lượng các tiêu chí giai đoạn 2021 - 2025"
    got = title_words(title, "Công văn về tập trung chỉ đạo duy trì các tiêu chí giao cơ quan nào chủ trì?")
    assert {"tap", "trung", "chi", "dao", "duy"} <= got
    # "chủ trì" is not "duy trì": a word the title has only in another pair still counts; figures too.
    assert "chu" not in got and "2021" not in title_words(title, "giai đoạn 2021 - 2025 thì sao")


def test_a_sentence_with_the_questions_rare_words_and_pairs_answers() -> None:
    text = (
        "Căn cứ chỉ đạo của Chủ tịch UBND tỉnh, các cơ quan, đơn vị liên quan triển khai thực hiện.\n"
        "Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với các cơ quan liên quan.\n"
        "Đề nghị các cơ quan thực hiện nghiêm túc."
    )
    assert best_span(text, "giao cơ quan nào chủ trì thực hiện").startswith("Giao Sở")


def test_an_annex_line_is_not_a_proposal() -> None:
    assert not quotable("(Ban hành theo Quyết định số 320/QĐ-TTg ngày 08/3/2022)")
    assert not quotable("Ban hành kèm theo Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022")
    assert quotable("Ban hành theo đề nghị của Bộ trưởng Bộ Nông nghiệp và Môi trường tại Tờ trình số 263/TTr-BNNMT.")


def test_a_lead_in_to_a_list_is_not_the_answering_words() -> None:
    assert not quotable("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:")
    assert not quotable("Điều 1. Ban hành kèm theo Quyết định này:")
    assert quotable("Bộ tiêu chí quốc gia về xã nông thôn mới gồm 19 tiêu chí:")  # it counts: it answers
    text = (
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\na) Chỉ đạo cấp huyện rà soát, đề nghị công nhận."
    )
    assert best_span(text, "Ủy ban nhân dân tỉnh phải làm gì") == "a) Chỉ đạo cấp huyện rà soát, đề nghị công nhận."


def test_a_long_sentence_is_not_quoted_from_a_parenthesis_cut_out_of_it() -> None:
    text = (
        "4. Đối với các huyện đã đạt chuẩn NTM giai đoạn 2010-2015 (theo Quyết định số 491/QĐ-TTg ngày 16/4/2009 của "
        "Thủ tướng Chính phủ) và các huyện đạt chuẩn NTM giai đoạn 2016-2020 (theo Quyết định số 558/QĐ-TTg ngày "
        "05/4/2016 của Thủ tướng Chính phủ về việc ban hành Tiêu chí huyện NTM và Quy định thị xã, thành phố trực "
        "thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng NTM), trước hết phải tập trung rà soát, chỉ đạo thực hiện để đáp "
        "ứng đầy đủ các điều kiện và mức đạt chuẩn theo yêu cầu của Bộ tiêu chí quốc gia về huyện NTM giai đoạn 2021-2025."
    )
    span = best_span(text, "thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng NTM theo 558")
    assert span in text and not span.startswith("(") and span.count("(") == span.count(")")


def test_a_clause_after_a_semicolon_answers_with_its_lines_lead() -> None:
    """ "Mục tiêu tổng quát: …; phát triển kinh tế nông thôn theo hướng xanh, …;": asked the general goal for the
    rural economy, the clause about it, whatever sentence elsewhere shares the programme's words."""
    text = (
        "- Quyết định phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới và phát triển kinh tế - xã hội.\n"
        "- Mục tiêu tổng quát: xây dựng nông thôn mới hiện đại; giảm nghèo đa chiều, bền vững; phát triển kinh tế "
        "nông thôn theo hướng xanh, tuần hoàn, sinh thái; bảo đảm quốc phòng, an ninh.\n"
    )
    span = best_span(text, "mục tiêu tổng quát đặt hướng phát triển kinh tế nông thôn như thế nào?")
    assert "xanh, tuần hoàn" in span


_LEADS = "Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các huyện tập trung chỉ đạo"


@pytest.mark.parametrize(
    ("text", "hint", "start"),
    [
        # Asked who leads, the sentence that gives the task.
        (
            f"{_LEADS}. Căn cứ chỉ đạo của Chủ tịch UBND tỉnh, các cơ quan, đơn vị liên quan triển khai thực hiện.",
            "giao cơ quan nào chủ trì triển khai",
            "Giao Sở Nông nghiệp",
        ),
        # What the asker says is known besides ("ngoài chủ trì ra") is not what is quoted.
        (
            f"{_LEADS}; chủ động, kịp thời tham mưu UBND tỉnh, Chủ tịch UBND tỉnh thực hiện các nhiệm vụ thuộc thẩm quyền.",
            "thế ngoài chủ trì ra thì Sở đó còn phải tham mưu cho ai nữa ạ",
            "chủ động, kịp thời tham mưu",
        ),
    ],
)
def test_asked_a_duty_the_sentence_that_gives_it_is_quoted(text: str, hint: str, start: str) -> None:
    assert best_span(text, hint, asks=frozenset({"duty"})).startswith(start)


def test_a_question_typed_with_marks_shares_a_word_only_in_the_same_marks() -> None:
    text = (
        "Hộ nghèo khu vực nông thôn: hộ gia đình cư trú ở khu vực nông thôn, có thu nhập từ 2,2 triệu đồng trở xuống.\n"
        "Hộ nghèo khu vực đô thị: hộ gia đình cư trú ở khu vực đô thị, có thu nhập từ 2,8 triệu đồng.\n"
    )
    # Folded, "thì" of the question is "thị" of the urban line's "đô thị".
    hint = "Hộ ở nông thôn thu nhập dưới bao nhiêu thì xếp vào diện hộ nghèo?"
    assert "2,2 triệu" in best_span(text, hint)
    # Typed without marks, words are matched folded as before.
    assert best_span(text, "ho o nong thon thu nhap bao nhieu la ho ngheo").startswith("Hộ nghèo khu vực nông thôn")


def test_a_nationwide_count_is_quoted_from_the_total_not_one_provinces_figure() -> None:
    text = (
        "Giai đoạn 2026-2030, cả nước có 1.333 xã thuộc vùng đồng bào dân tộc thiểu số và miền núi.\n"
        "Phân định theo trình độ phát triển: 250 xã khu vực I, 259 xã khu vực II và 824 xã khu vực III.\n"
        "Theo tỉnh: Tuyên Quang có 87/124 xã khu vực III (hơn 70,1%).\n"
    )
    hint = "Giai đoạn 2026-2030 cả nước có bao nhiêu xã khu vực III?"
    # The whole phrase counted ("xã khu vực III") and no province named: the total, not 1.333 xã nor Tuyên Quang's.
    assert "824 xã khu vực III" in best_span(text, hint, asks=frozenset({"count", "count=xa"}))
    # A question naming the province gets that province's figure.
    assert "87/124" in best_span(text, "Tuyên Quang có bao nhiêu xã khu vực III?", asks=frozenset({"count"}))


def test_a_provinces_figure_is_quoted_from_the_list_of_provinces_not_from_the_total() -> None:
    text = (
        "Phân định theo trình độ phát triển: 250 xã khu vực I, 259 xã khu vực II và 824 xã khu vực III.\n"
        "Theo tỉnh (ví dụ do báo nêu): Tuyên Quang có 87/124 xã khu vực III (hơn 70,1%); Sơn La 66/75 xã (88%); "
        "Lai Châu 32/38 xã (hơn 84,2%); Cao Bằng 53/56 xã (hơn 94,6%).\n"
    )
    asks = frozenset({"count", "count=xa"})
    # The province asked is one of several listed side by side: its piece, though the total counts the whole phrase.
    assert best_span(text, "còn cao bang thi co bao nhieu xa khu vuc III", asks=asks).startswith("Cao Bằng 53/56")
    assert "32/38" in best_span(text, "Toàn tỉnh Lai Châu có bao nhiêu xã khu vực III?", asks=asks)
    # No province named: the total.
    assert "824 xã khu vực III" in best_span(text, "Cả nước có bao nhiêu xã khu vực III?", asks=asks)


def test_a_line_the_registry_lists_as_not_checked_is_known_as_such() -> None:
    text = (
        "Nội dung đã đối chiếu được (tóm tắt của báo, không phải nguyên văn):\n"
        "- Giai đoạn 2027 - 2030, tiêu chí thu nhập: khu vực nông thôn 2,2 triệu đồng/người/tháng.\n"
        "Chưa đối chiếu được (không có trong mục này):\n"
        "- Mức thu nhập của chuẩn 2022-2025 đang áp dụng trong năm 2026.\n"
        "- Ngày ban hành, người ký.\n"
    )
    assert unverified(text, "Ngày ban hành, người ký.")
    assert unverified(text, "Mức thu nhập của chuẩn 2022-2025 đang áp dụng trong năm 2026.")
    assert not unverified(
        text, "Giai đoạn 2027 - 2030, tiêu chí thu nhập: khu vực nông thôn 2,2 triệu đồng/người/tháng."
    )
    assert not unverified(text, "không có trong kho")


def test_an_item_of_a_registry_list_of_targets_is_told_under_its_heading() -> None:
    text = (
        "Thông tin chung (đã đối chiếu):\n\n- Ban hành ngày 10/01/2026. Nguồn: a.vn.\n\n"
        "Mục tiêu đến năm 2030 (tóm tắt của báo, không phải nguyên văn):\n\n"
        "- Khoảng 70% số xã đạt chuẩn, trong đó 15% số xã đạt chuẩn hiện đại. Nguồn: b.vn.\n"
        "- Lưu ý — không nhầm với một kế hoạch khác.\n"
    )
    assert targets_heading(text, "Khoảng 70% số xã đạt chuẩn") == "Mục tiêu đến năm 2030"
    # A clause further on in the item follows its start; the entry's own note and other lists are no targets.
    assert targets_heading(text, "trong đó 15% số xã đạt chuẩn hiện đại") is None
    assert targets_heading(text, "Lưu ý — không nhầm với một kế hoạch khác.") is None
    assert targets_heading(text, "Ban hành ngày 10/01/2026.") is None


def test_subjects_listed_before_the_rule_after_a_colon_are_one_statement() -> None:
    text = (
        "- Các xã khu vực II, khu vực III thuộc vùng đồng bào dân tộc thiểu số và miền núi; các xã đặc biệt khó khăn "
        "vùng bãi ngang ven biển; xã an toàn khu thuộc huyện nghèo: mức đạt chuẩn được áp dụng theo vùng Trung du "
        "miền núi phía Bắc. Nguồn: arit.gov.vn.\n"
        "- Tiêu chí 1 (Quy hoạch); tiêu chí 2 (Giao thông).\n"
    )
    span = best_span(text, "xã khu vực III vùng đồng bào dân tộc thiểu số áp dụng mức đạt chuẩn theo vùng nào")
    assert span.startswith("Các xã khu vực II") and span.endswith("vùng Trung du miền núi phía Bắc.")
    # Items with no rule after a colon stay items.
    assert "Tiêu chí 1 (Quy hoạch);" in pieces(text)


def test_a_long_sentences_window_gives_the_number_counted_not_its_preamble() -> None:
    # Over the quote's limit: the preamble shares more of the question's words, the count answers it.
    text = (
        "Sau hơn 13 năm triển khai thực hiện Chương trình mục tiêu quốc gia (sau đây viết tắt là MTQG) xây dựng nông "
        "thôn mới (sau đây viết tắt là NTM), với sự cố gắng, nỗ lực của cả hệ thống chính trị và Nhân dân cả nước, "
        "sự chỉ đạo quyết liệt của Ban Chỉ đạo chương trình MTQG các cấp, đến hết tháng 9/2023, cả nước đã có: "
        "6.043 xã (74%) đạt chuẩn NTM, trong đó có 1.528 xã (25,3%) đạt chuẩn NTM nâng cao và 230 xã (3,8%) đạt "
        "chuẩn NTM kiểu mẫu; bình quân cả nước hiện đạt 16,9 tiêu chí/xã."
    )
    span = best_span(text, "Tính đến hết tháng 9/2023 cả nước có bao nhiêu xã đạt chuẩn nông thôn mới")
    assert span in text and span.endswith("6.043 xã (74%) đạt chuẩn NTM,")


def test_a_long_sentence_is_not_quoted_from_words_cut_out_of_a_quotation_in_it() -> None:
    text = (
        "Tiếp tục kiên trì quan điểm chỉ đạo “Nông thôn mới chỉ có điểm khởi đầu, không có điểm kết thúc” và phát huy "
        "tinh thần quyết liệt, khẩn trương với mục tiêu để các xã, huyện đã đạt chuẩn NTM, NTM nâng cao, NTM kiểu mẫu "
        "duy trì, nâng cao chất lượng các tiêu chí, đảm bảo vào chiều sâu, hiệu quả và bền vững, góp phần thúc đẩy phát "
        "triển kinh tế nông thôn, nâng cao hơn đời sống vật chất và tinh thần của người dân nông thôn, xây dựng nông "
        "thôn ngày càng giàu đẹp, văn minh, đáng sống."
    )
    span = best_span(
        text, "tính đến hết tháng 9/2023 cả nước có bao nhiêu xã đạt chuẩn nông thôn mới, chiếm bao nhiêu phần trăm?"
    )
    assert span in text and span.count("“") == span.count("”")


def test_whom_a_dispatch_is_sent_to_is_never_the_quote_of_what_they_must_do() -> None:
    text = (
        "Kính gửi:\n\n- Sở Nông nghiệp và Phát triển nông thôn;\n- UBND các huyện, thành phố.\n\n"
        "Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các huyện, thành phố và các cơ quan, "
        "đơn vị liên quan tập trung chỉ đạo duy trì và nâng cao chất lượng các tiêu chí."
    )
    assert not any(p.startswith("Sở Nông nghiệp") or p.startswith("UBND") for p in pieces(text))
    assert best_span(text, "Sở Nông nghiệp phải làm gì?").startswith("Giao Sở Nông nghiệp")


def test_a_count_is_answered_by_a_share_of_what_is_counted() -> None:
    text = (
        "Mục tiêu đến năm 2025 (tóm tắt của trang tin, không phải nguyên văn):\n\n"
        "- Cả nước có ít nhất 80% số xã đạt chuẩn nông thôn mới, trong đó ít nhất 10% số xã đạt chuẩn nông thôn "
        "mới kiểu mẫu.\n"
        "- Ít nhất 50% huyện, thị xã, thành phố thuộc tỉnh đạt chuẩn, hoàn thành nhiệm vụ xây dựng nông thôn mới.\n"
        "- Quyết định phê duyệt Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát "
        "triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số giai đoạn 2026-2030."
    )
    assert best_span(text, "Đến năm 2025 có bao nhiêu huyện đạt chuẩn nông thôn mới?").startswith("Ít nhất 50% huyện")
    # A verb after the noun ("xã phải đạt") is not what is counted.
    assert counted_noun("giai đoạn 2026-2030 có bao nhiêu xã phải đạt chuẩn?") == "xa"
    assert best_span(text, "Chương trình nông thôn mới giai đoạn 2026-2030 có bao nhiêu xã phải đạt chuẩn?").startswith(
        "Cả nước có ít nhất 80%"
    )


def test_the_provinces_a_national_count_names_do_not_make_it_one_provinces_figure() -> None:
    # Công văn 14's opening: the five provinces named after "05 tỉnh" are who the national count is.
    text = (
        "Sau hơn 13 năm triển khai thực hiện Chương trình mục tiêu quốc gia (*sau đây viết tắt là MTQG*) xây "
        "dựng nông thôn mới (*sau đây viết tắt là NTM*), với sự cố gắng, nỗ lực của cả hệ thống chính trị và "
        "Nhân dân cả nước, sự chỉ đạo quyết liệt của Ban Chỉ đạo chương trình MTQG các cấp, đến hết tháng "
        "9/2023, cả nước đã có: 6.043 xã (74%) đạt chuẩn NTM, trong đó có 1.528 xã (25,3%) đạt chuẩn NTM nâng "
        "cao và 230 xã (3,8%) đạt chuẩn NTM kiểu mẫu; 265 đơn vị cấp huyện (41,1%) thuộc 58 tỉnh, thành phố "
        "trực thuộc Trung ương đã được Thủ tướng Chính phủ công nhận hoàn thành nhiệm vụ/đạt chuẩn NTM (*một "
        "số địa phương đang hoàn thiện hồ sơ đề nghị xét, công nhận huyện đạt chuẩn NTM nâng cao theo quy "
        "định*); 20 tỉnh, thành phố trực thuộc Trung ương có 100% số xã đạt chuẩn NTM[^1], trong đó có 05 "
        "tỉnh (*Nam Định, Đồng Nai, Hà Nam, Hưng Yên và Hải Dương*) đã được Thủ tướng Chính phủ công nhận "
        "hoàn thành nhiệm vụ xây dựng NTM; bình quân cả nước hiện đạt 16,9 tiêu chí/xã."
    )
    asked = "Có bao nhiêu tỉnh được công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới đến tháng 9/2023?"
    assert "05 tỉnh (*Nam Định" in best_span(text, asked, asks=frozenset({"count"}))


def test_a_figure_asked_is_a_number_that_is_not_a_year_a_date_or_a_documents_number() -> None:
    # A passage answers "là bao nhiêu" when it holds a figure: the registry's title lines of Nghị định 351 name only
    # its number, its period and a date, its income line the figure.
    figure = CUES["threshold"]
    for named in (
        "Số: 351/2025/NĐ-CP",
        "chuẩn nghèo đa chiều giai đoạn 2026-2030",
        "đến hết ngày 31/12/2026",
        "Thái Nguyên, ngày 10 tháng 11 năm 2023",
    ):
        assert not figure.search(named), named
    for stated in ("khu vực nông thôn 2,2 triệu đồng/người/tháng", "≥ 80%", "gồm 19 tiêu chí", "còn 3.321 xã"):
        assert figure.search(stated), stated


def test_a_sentence_opening_with_its_subject_is_quoted_through_its_rule() -> None:
    text = (
        "2. Đối với các xã đạt chuẩn giai đoạn 2018-2020 (theo hướng dẫn tại Công văn số 1345/BNN-VPĐP ngày 08/02/2018 "
        "của Bộ Nông nghiệp và Phát triển nông thôn về việc hướng dẫn xây dựng và triển khai kế hoạch xét, công nhận xã "
        "đạt chuẩn nâng cao giai đoạn 2018-2020 và quy định cụ thể các tiêu chí), trước hết phải rà soát, chỉ đạo thực "
        "hiện để đáp ứng đầy đủ mức đạt chuẩn theo yêu cầu của Bộ tiêu chí giai đoạn 2021-2025, sau đó phấn đấu đạt "
        "chuẩn kiểu mẫu."
    )
    got = best_span(text, "Công văn yêu cầu gì với các xã đạt chuẩn giai đoạn 2018-2020?")
    assert got in text
    assert "trước hết phải rà soát, chỉ đạo thực hiện để đáp ứng đầy đủ mức đạt chuẩn" in got  # not the subject alone


def test_a_sentence_is_about_the_unit_it_names_first() -> None:
    text = (
        "Thu hồi quyết định công nhận huyện đạt chuẩn khi có từ 30% số xã trở lên bị thu hồi quyết định công nhận. "
        "Thu hồi quyết định công nhận xã đạt chuẩn khi có từ 30% đến 50% số tiêu chí không đạt chuẩn."
    )
    hint = "Xã bị thu hồi quyết định công nhận đạt chuẩn khi nào?"
    assert best_span(text, hint, asks=frozenset({"level=xã"})).startswith("Thu hồi quyết định công nhận xã")
    hint = "Huyện bị thu hồi quyết định công nhận đạt chuẩn khi nào?"
    assert best_span(text, hint, asks=frozenset({"level=huyện"})).startswith("Thu hồi quyết định công nhận huyện")


def test_a_tables_header_row_is_never_quoted() -> None:
    text = (
        "Sửa đổi một số tiêu chí như sau:\n"
        "Vùng | Năm 2012 | Đến năm 2015 | Đến năm 2020\nChung cả nước | 18 | 26 | 44\nTây Nguyên | 16 | 24 | 45"
    )
    quote = best_span(text, "vùng nào đến năm 2015 và đến năm 2020 phải đạt bao nhiêu so với năm 2012")
    assert "Vùng | Năm 2012" not in quote


def test_a_count_of_districts_is_answered_by_a_number_of_district_level_units() -> None:
    text = (
        "Đến hết năm, cả nước đã có: 5.000 xã (60%) đạt chuẩn, trong đó 900 xã đạt chuẩn nâng cao; "
        "150 đơn vị cấp huyện (30%) thuộc 40 tỉnh đã được công nhận đạt chuẩn; bình quân đạt 15 tiêu chí/xã."
    )
    span = best_span(text, "Cả nước có bao nhiêu huyện đạt chuẩn?")
    assert span.startswith("150 đơn vị cấp huyện")
