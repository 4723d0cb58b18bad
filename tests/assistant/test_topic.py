"""Content words the corpus never uses mark a topic it does not cover; question words, names and
segmentation accidents do not."""

from assistant.topic import (
    asking_clause,
    content_words,
    domain_phrases,
    figure_units,
    local_topics,
    names_corpus_topic,
    topics_asked_before,
    uncovered_topics,
    unwritten_measures,
    without_purpose,
)
from corpus.normalize import fold

VOCAB = {"tiêu_chí", "xã", "đường", "thôn", "bê_tông", "báo_cáo", "định_kỳ", "kinh_tế", "đạt", "chuẩn", "hóa"}
FOLDED = {"tieu_chi", "xa", "duong", "thon", "be_tong", "bao_cao", "dinh_ky", "kinh_te", "dat", "chuan", "hoa"}
TEXT = " xa dat chuan bao cao dinh ky 06 thang dap ung bo tieu chi duong thon be tong hoa "


def words(question: str, terms: list[str]) -> list[str]:
    return content_words(question, terms, VOCAB, FOLDED, {"thai binh"}, TEXT)


def test_a_topic_the_corpus_never_mentions() -> None:
    terms = ["xã", "vận_động", "đóng_góp", "tiền", "bê_tông", "hóa", "đường", "thôn"]
    assert words("Xã có được vận động đóng góp tiền để bê tông hóa đường thôn?", terms) == [
        "vận_động",
        "đóng_góp",
        "tiền",
        "đóng góp của người dân",
    ]


def test_the_unit_of_a_quantity_stated_is_no_topic_but_a_measure_asked_is() -> None:
    terms = ["đường", "thôn", "bê_tông", "hóa", "10", "tấn"]
    assert words("Đường thôn bê tông hóa 10 tấn thì đạt chuẩn không?", terms) == []
    assert words("Đường thôn bê tông hóa mấy tấn?", ["đường", "thôn", "bê_tông", "hóa", "tấn"]) == ["tấn"]


def test_question_words_names_and_glued_words_are_not_topics() -> None:
    terms = ["bao_nhiêu", "thế_nào", "thái_bình", "đáp_ứng_bộ", "thì_giờ", "ka_đô", "~von", "2026"]
    assert words("Xã Ka Đô ở Thái Bình thì giờ đáp ứng bộ tiêu chí nào, bao nhiêu, thế nào?", terms) == []
    # "trước đây", "lúc trước": when, not what.
    assert words("Xã đạt chuẩn trước đây, lúc trước theo bộ nào?", ["trước_đây", "lúc_trước"]) == []


def test_a_phrase_the_segmenter_split_differently_is_still_known() -> None:
    assert words("báo cáo định kỳ", ["báo_cáo_định"]) == []


def test_the_asking_clause_leaves_the_preamble_out() -> None:
    q = "Tôi là trạm trưởng trạm y tế xã Bình Lợi. Xin cho hỏi: tỷ lệ suy dinh dưỡng phải đạt bao nhiêu?"
    assert asking_clause(q).strip() == "tỷ lệ suy dinh dưỡng phải đạt bao nhiêu?"
    assert asking_clause("Câu một. Câu hai?") == "Câu hai?"


def test_accent_free_segmentation_guesses_with_a_function_word_are_not_topics() -> None:
    # "o_binh", "vao_tinh": the segmenter's guesses on text typed without marks; "phu_cap" is a real word.
    terms = ["o_binh", "vao_tinh", "phu_cap"]
    assert words("xa o Binh Phuoc cu nay sap nhap vao tinh Dong Nai duoc huong phu cap", terms) == [
        "phu_cap",
        "lương, phụ cấp, thù lao của cán bộ",  # the topic, named as with contributions
    ]


def test_what_follows_a_colon_is_asked_when_only_it_holds_a_question_word() -> None:
    q = "Tôi được giao viết phần lịch sử cho cuốn địa chí, cần ghi đúng con số: thu nhập phải đạt là bao nhiêu?"
    assert asking_clause(q) == "thu nhập phải đạt là bao nhiêu?"
    assert asking_clause("Xã nào đạt chuẩn: A hay B?") == "Xã nào đạt chuẩn: A hay B?"


def test_a_closing_purpose_clause_asks_nothing() -> None:
    q = "xa em truoc thuoc tinh Long An, tu 1/7/2025 thi ve tinh nao vay ad, de em sua lai ten tinh tren ho so NTM"
    assert without_purpose(q) == "xa em truoc thuoc tinh Long An, tu 1/7/2025 thi ve tinh nao vay ad"
    assert asking_clause("Hiệu lực từ ngày nào, để tôi ghi vào phần căn cứ?") == "Hiệu lực từ ngày nào?"
    # The clause keeps its place when it is what asks ("để xã tôi đạt chuẩn thì phải làm gì").
    q = "Xã đạt 15 tiêu chí, để xã tôi đạt chuẩn thì phải làm gì?"
    assert without_purpose(q) == q
    assert without_purpose("Cho biết, để em còn ghi hồ sơ.") == "Cho biết, để em còn ghi hồ sơ."


def test_accent_free_particles_glued_to_a_neighbour_are_not_topics() -> None:
    # "vì tiêu chí", "hộ nghèo không", "nông thôn nữa" typed without marks.
    terms = ["vi_tieu", "ngheo_khong", "thon_nua", "moi_ben"]
    assert words("xa co bi loai vi tieu chi khong con ho ngheo khong, nong thon nua, moi ben", terms) == []


def test_a_compound_glued_to_a_known_word_is_not_a_topic() -> None:
    assert content_words("Bộ Tôn giáo phê duyệt", ["tôn_giáo_phê"], {"tôn_giáo"}, {"ton_giao"}, set(), " ") == []


def test_a_compound_of_two_known_words_is_not_a_topic() -> None:
    vocab, folded = {"tôn_giáo", "phê_duyệt"}, {"ton_giao", "phe_duyet"}
    assert content_words("Bộ Tôn giáo phê duyệt", ["tôn_giáo_phê_duyệt"], vocab, folded, set(), " ") == []
    # One known word and an unknown one is still a new topic.
    assert content_words("lễ đón bằng", ["lễ_đón_bằng_khen"], vocab, folded, set(), " ") == ["lễ_đón_bằng_khen"]


def test_a_final_i_or_y_is_the_same_word() -> None:
    # "tỉ lệ" and "tỷ lệ" are both correct spellings.
    assert content_words("tỉ lệ học sinh", ["tỉ_lệ"], {"tỷ_lệ"}, {"ty_le"}, set(), " ") == []


def test_title_phrases_put_a_question_in_the_domain() -> None:
    phrases = domain_phrases(["Về việc sắp xếp đơn vị hành chính cấp tỉnh năm 2025", "Nghị định NĐ-CP"])
    assert names_corpus_topic("ca nuoc con bao nhieu don vi hanh chinh cap tinh", phrases)
    # One shared three-word phrase is chance; asking and document words make no phrase.
    assert not names_corpus_topic("don vi hanh nghe", phrases)
    assert not names_corpus_topic("nghi dinh nd cp ve xu phat giao thong", phrases)


def test_an_accent_free_compound_whose_syllables_belong_to_the_neighbouring_words_is_a_guess() -> None:
    # "danh gia nong thon" segmented "danh_gia_nong thon" → "gia_nong": "danh gia" and "nong thon" are phrases
    # of the corpus. "phu_cap" has no such split ("huong phu", "cap cho" are not both phrases).
    text = " danh gia xa dat chuan nong thon moi "
    assert content_words("xa tu danh gia nong thon moi", ["gia_nong"], set(), set(), set(), text) == []
    assert content_words("duoc huong phu cap", ["phu_cap"], set(), set(), set(), text)[0] == "phu_cap"
    # With marks the segmenter does not guess: the compound is a word.
    assert content_words("đánh giá nông thôn", ["giá_nông"], set(), set(), set(), text) == ["giá_nông"]


def test_a_place_named_old_or_new_and_a_total_are_not_topics() -> None:
    assert words("xa o Ba Ria - Vung Tau cu thi sao", ["tau_cu"]) == []
    assert words("Tỉnh Đắk Lắk mới có tổng cộng bao nhiêu xã?", ["lắk_mới", "tổng_cộng"]) == []


def test_an_accent_free_asking_marker_starts_the_asking_clause() -> None:
    q = "Toi la can bo xa hoi cua xa. Xin hoi ty le ho ngheo phai duoi bao nhieu?"
    assert asking_clause(q).strip() == "ty le ho ngheo phai duoi bao nhieu?"
    # Typed without marks, "hoi" alone is "hội" as often as "hỏi": it does not start the clause.
    assert asking_clause("Hoi nong dan xa co vai tro gi trong xay dung nong thon moi?").startswith("Hoi nong dan")


def test_an_ordinal_is_not_a_topic() -> None:
    assert words("nhóm tiêu chí thứ IV, nhóm III", ["thứ_iv", "iii"]) == []


def test_asking_for_help_is_not_a_topic() -> None:
    assert words("xa NTM kieu mau phai dap ung may dieu kien, ke ra giup minh", ["ke_ra", "giup_minh"]) == []


def test_words_of_degree_and_comparison_and_a_glued_pronoun_are_not_topics() -> None:
    """ "có thêm chỉ tiêu nào", "như vậy thật không", "giống như", "xa toi thuoc" (accent-free "xã tôi thuộc")."""
    terms = ["thêm", "thật", "giống", "chấm_điểm"]
    assert words("Có thêm chỉ tiêu nào, thật không, giống không, chấm điểm thế nào?", terms) == []
    assert words("xa toi thuoc nhom nao", ["toi_thuoc"]) == []


def test_the_sentence_that_asks_is_the_asking_clause_when_a_statement_follows_it() -> None:
    assert asking_clause("Tuần sau có bão không? Xã định tổ chức lễ ngoài trời.") == "Tuần sau có bão không?"
    assert asking_clause("ok cảm ơn. Tiện cho mình hỏi tiêu chí 17 gồm gì?").strip() == "tiêu chí 17 gồm gì?"


def test_an_accent_free_name_glued_to_a_known_word_is_not_a_topic() -> None:
    """ "UBND tinh Thai Nguyen gui cho …" segmented "nguyen_gui": the name and "gửi"."""
    got = content_words("cv cua UBND tinh Thai Nguyen gui cho ai", ["nguyen_gui"], {"gửi"}, {"gui"}, set(), " ")
    assert got == []


def test_the_start_of_bao_nhieu_glued_to_the_word_before_is_not_a_topic() -> None:
    """Accent-free "còn lại bao nhiêu" segmented "lai_bao"; typed with marks, "lãi suất" stays a topic."""
    assert words("sau sap xep nam 2025 con lai bao nhieu tinh", ["lai_bao"]) == []
    assert words("Lãi suất vay vốn làm đường thôn là bao nhiêu?", ["lãi_suất"]) == ["lãi_suất"]


def test_a_compound_the_language_does_not_have_is_a_segmentation_guess() -> None:
    from index.segment import dictionary_words

    words = dictionary_words()
    got = content_words("tinh dang lam dc ko", ["dc_ko", "quyet_toan"], set(), set(), set(), " ", words)
    assert got == ["quyet_toan"]  # "quyết toán" is a word the corpus lacks; "dc ko" is chat shorthand glued
    assert content_words("theo QĐ 318 ? tỉnh", ["?_tỉnh"], set(), set(), set(), " ", words) == []
    # Without the dictionary every unknown compound still counts.
    assert content_words("dc ko", ["dc_ko"], set(), set(), set(), " ") == ["dc_ko"]


def test_a_title_and_words_of_degree_are_not_topics() -> None:
    for words, term in [("Ông Lê Minh Hoan ký văn bản nào", "ông"), ("chỉ tiêu nào hoàn toàn mới", "hoàn_toàn")]:
        assert content_words(words, [term], set(), set(), set(), " ") == []


def test_residents_contributions_are_a_topic_the_corpus_lacks_whatever_the_modal_word() -> None:
    got = content_words("Người dân có bắt buộc đóng tiền làm đường không?", ["bắt_buộc"], set(), set(), set(), " ")
    assert got == ["đóng góp của người dân"]
    # "bắt buộc" alone asks whether something is required: no topic.
    assert content_words("Bộ đó có bắt buộc tỷ lệ xã nâng cao không?", ["bắt_buộc"], set(), set(), set(), " ") == []


def test_a_provinces_list_of_recognised_communes_and_a_communes_revenue_are_topics_the_corpus_lacks() -> None:
    def topics(question: str) -> list[str]:
        return content_words(question, [], set(), set(), set(), " ")

    assert topics("Cho tôi danh sách tên các xã ở Bắc Ninh được công nhận NTM kiểu mẫu năm 2024") == [
        "danh sách đơn vị được công nhận của từng tỉnh"
    ]
    assert topics("Xã được để lại bao nhiêu phần trăm tiền sử dụng đất?") == ["nguồn thu ngân sách của xã"]
    # national counts and the criteria themselves stay answerable
    assert topics("Cả nước có bao nhiêu xã được công nhận đạt chuẩn NTM?") == []
    assert topics("Tên các tiêu chí của bộ tiêu chí xã là gì?") == []


def test_a_question_about_the_registry_itself_is_of_the_domain() -> None:
    """A signer the registry records, or "trong kho" with a kind of document, makes the question one about the corpus;
    a person's name alone or a warehouse ("kho lạnh") does not."""
    signers = frozenset({"Phạm Bình Minh"})
    assert names_corpus_topic("pho thu tuong pham binh minh da ky nhung quyet dinh nao", frozenset(), signers)
    assert names_corpus_topic("trong kho co nhung cong van nao", frozenset(), signers)
    assert not names_corpus_topic("ong nguyen van a ky nhung hop dong nao", frozenset(), signers)
    assert not names_corpus_topic("kho lanh cua hop tac xa chua duoc bao nhieu tan", frozenset(), signers)


def test_comparing_and_a_typo_of_a_function_word_are_not_topics(full_assistant) -> None:
    index = full_assistant.index()
    # "so sánh" compares what the corpus holds; "khôg" is "không" typed short: neither is a topic it lacks.
    assert full_assistant._unknown_words(index, "So sánh số chỉ tiêu của bộ tiêu chí xã 2016-2020 và 2021-2025?") == []
    assert full_assistant._unknown_words(index, "Thị trấn có phải đạt chuẩn đô thị văn minh khôg?") == []


def test_a_syllable_the_corpus_never_writes_is_a_topic_even_inside_an_unknown_compound(full_assistant) -> None:
    # No text of the corpus has "phiếu": a question about survey forms asks a topic it lacks, however segmented.
    assert full_assistant._unknown_words(index := full_assistant.index(), "Mỗi thôn phải phát phiếu cho bao nhiêu hộ?")
    assert not full_assistant._unknown_words(index, "Mỗi thôn phải có nhà văn hóa không?")


def test_a_named_places_own_results_and_a_funding_request_are_topics_the_corpus_does_not_cover() -> None:
    places = {"ha tinh", "nghe an"}
    results = "kết quả xây dựng nông thôn mới của từng địa phương"
    assert local_topics("Tinh Ha Tinh den nay co bao nhieu xa dat chuan NTM nang cao?", places) == [results]
    assert local_topics("Xã Tam Thanh được công nhận xã NTM kiểu mẫu năm nào?", places) == [results]
    # The other way round, and a named commune's own count or rank.
    assert local_topics("Xã Hòa Bình dự kiến năm nào được công nhận đạt chuẩn?", places) == [results]
    assert local_topics("Xã Hòa Bình hiện đã đạt bao nhiêu tiêu chí, đứng thứ mấy?", places) == [results]
    assert local_topics("Xã tôi hiện đã đạt bao nhiêu tiêu chí thì được xét?", places) == []
    # A province's own communes after the 2025 arrangement; the national count is the corpus's.
    communes = "sắp xếp đơn vị hành chính cấp xã của từng tỉnh"
    assert local_topics("Sau sắp xếp tỉnh Nghệ An còn bao nhiêu xã, phường?", places) == [communes]
    assert local_topics("Xã mới của tôi được hợp nhất từ những xã cũ nào?", places) == [communes]
    assert local_topics("Sau sắp xếp cả nước còn bao nhiêu xã, phường?", places) == []
    assert local_topics("Hồ sơ đề nghị hỗ trợ kinh phí xây nhà văn hóa gửi tỉnh gồm gì?", places) == [
        "đề nghị hỗ trợ kinh phí của xã"
    ]
    # The programme's own questions: the asker's commune, a national count, a year the question states.
    assert local_topics("Xã tôi được công nhận đạt chuẩn năm nào thì theo bộ 318?", places) == []
    assert local_topics("Bộ tiêu chí 2026-2030 có bao nhiêu tiêu chí xã phải đạt chuẩn?", places) == []
    assert local_topics("Xã ở Nghệ An được công nhận năm 2019 nay theo bộ tiêu chí nào?", places) == []


def test_money_a_named_place_was_given_or_a_province_gives_is_a_local_topic() -> None:
    places = {"lang son", "ha tinh"}
    local = "vốn, kinh phí và mức hỗ trợ của từng địa phương"
    assert local_topics("nam 2026 tinh Lang Son duoc giao bao nhieu ty dong von ngan sach trung uong", places) == [
        local
    ]
    assert local_topics("xa e lam duong GTNT, tinh ho tro xi mang bao nhieu tan/km vay", places) == [local]
    # The programme's national funds are the corpus's (its resolutions state them), not a place's.
    assert (
        local_topics("Ngân sách trung ương bố trí bao nhiêu tỷ đồng cho chương trình giai đoạn 2026-2030?", places)
        == []
    )


def test_a_score_in_points_is_a_topic_the_corpus_does_not_cover() -> None:
    points = "thang điểm, số điểm khi chấm đánh giá"
    assert points in uncovered_topics("Sản phẩm OCOP 4 sao thì điểm chấm cụ thể là bao nhiêu?")
    assert points in uncovered_topics("xã phải đạt tổng bao nhiêu điểm thì được công nhận?")
    # Assessing against a set ("chấm điểm theo bộ tiêu chí nào") and a place ("bao nhiêu điểm dân cư") are not scores.
    assert points not in uncovered_topics("Huyện đang chấm điểm theo bộ tiêu chí nào?")
    assert points not in uncovered_topics("Xã có bao nhiêu điểm dân cư nông thôn?")


def test_officials_pay_is_a_topic_the_corpus_does_not_cover() -> None:
    pay = "lương, phụ cấp, thù lao của cán bộ"
    assert pay in uncovered_topics("Thành viên Ban phát triển thôn có được hưởng phụ cấp hằng tháng không?")
    assert pay in uncovered_topics("can bo VPDP NTM xa duoc thu lao bao nhieu")
    assert pay not in uncovered_topics("Thu nhập bình quân đầu người của xã phải đạt bao nhiêu?")
    assert pay in uncovered_topics("Lương của chủ tịch xã là bao nhiêu?")
    # "chất lượng", "năng lượng" fold to the same syllable and are no pay.
    assert pay not in uncovered_topics("Báo cáo kết quả duy trì, nâng cao chất lượng của các tiêu chí gửi về đâu?")
    assert pay not in uncovered_topics("Đèn năng lượng cho đường thôn có phải tiêu chí không?")


def test_a_hamlets_own_standard_is_a_topic_the_corpus_does_not_cover() -> None:
    from assistant.topic import local_topics

    assert local_topics("Thôn muốn được công nhận thôn nông thôn mới kiểu mẫu thì phải đạt tiêu chí gì?", set())
    assert local_topics("Bản em phấn đấu thành bản NTM kiểu mẫu năm 2025, cần làm gì?", set())
    assert not local_topics("Trong kho văn bản NTM có những công văn nào?", set())


def test_the_units_a_text_writes_figures_in_leave_heading_numbers_out() -> None:
    texts = ["8.1. Có điểm phục vụ bưu chính", "cả nước còn 3.321 xã; ≥2 m²/người", "Đường rộng 3,5 m."]
    units = figure_units(fold(t) for t in texts)
    assert {"xa", "m²", "m"} <= units
    assert "co" not in units  # "8.1. Có …" is a heading's number, not a figure


def test_a_figure_asked_in_a_unit_the_corpus_never_writes_is_a_topic_it_does_not_cover() -> None:
    units = figure_units(fold(t) for t in ["cả nước còn 3.321 xã", "tỷ lệ ≥90%", "2,2 triệu đồng/người/tháng"])
    road = "duong truc thon rong toi thieu bao nhieu met, lop be tong day bao nhieu cm"
    assert unwritten_measures(road, units) == ["số đo tính bằng mét", "số đo tính bằng cm"]
    assert unwritten_measures("Xi măng hỗ trợ bao nhiêu tấn/km?", units) == ["số đo tính bằng tấn"]
    # What the corpus does write a figure in, and counts of things, are not.
    assert unwritten_measures("Huyện phải có bao nhiêu xã đạt chuẩn?", units) == []
    assert unwritten_measures("Đường rộng bao nhiêu mét?", units | {"m"}) == []
    assert unwritten_measures("Bao nhiêu phần trăm số hộ?", units) == []


def test_a_quantity_stated_to_be_judged_is_measured_in_its_unit_but_not_beside_a_share() -> None:
    units = figure_units(fold(t) for t in ["cả nước còn 3.321 xã", "tỷ lệ ≥90%"])
    assert unwritten_measures("Mặt đường trục thôn 3,5 m thì đạt chuẩn chưa?", units) == ["số đo tính bằng mét"]
    # A share asked of households is a rate; the quantity qualifies who is counted.
    assert unwritten_measures("Tỷ lệ hộ dùng 80 lít nước sạch mỗi ngày phải là bao nhiêu?", units) == []


def test_a_compound_the_segmenter_made_across_two_phrases_of_the_corpus_is_no_topic() -> None:
    text = " ty le ho co nha tieu nha tam thiet bi chua nuoc hop ve sinh "
    dictionary = frozenset({"tam_hop", "be_boi", "ve_sinh", "ty_le"})
    terms = ["tỷ_lệ", "hộ", "có", "nhà", "tắm_hợp", "vệ_sinh"]
    assert content_words("Tỷ lệ hộ có nhà tắm hợp vệ sinh?", terms, set(), set(), set(), text, dictionary) == []
    # A new word beside them is still a topic: neither of its syllables makes a phrase of the corpus there.
    terms = ["tỷ_lệ", "hộ", "có", "bể_bơi", "vệ_sinh"]
    asked = "Tỷ lệ hộ có bể bơi vệ sinh?"
    assert content_words(asked, terms, set(), set(), set(), text, dictionary) == ["bể_bơi"]


def test_the_points_of_a_named_clause_are_its_structure_not_a_score() -> None:
    # (A product's stars are the OCOP programme's too, another topic the corpus does not cover.)
    assert "thang điểm, số điểm khi chấm đánh giá" in uncovered_topics("Sản phẩm OCOP 4 sao cần bao nhiêu điểm?")
    assert uncovered_topics("Khoản 2 Điều 1 Quyết định 318 có mấy điểm?") == []


def test_a_fee_collected_from_households_is_a_contribution_not_a_criterion() -> None:
    contribution = "đóng góp của người dân"
    assert contribution in uncovered_topics("Mức thu này do cấp nào quyết định, có quy định mức tối đa không?")
    assert contribution in uncovered_topics("Khoản này ngân sách xã phải trả hay thôn được thu của dân?")
    assert uncovered_topics("Mức thu nhập bình quân đầu người của xã phải đạt bao nhiêu?") == []
    assert uncovered_topics("Tỷ lệ chất thải rắn được thu gom, xử lý phải đạt bao nhiêu?") == []


def test_a_topic_asked_in_an_earlier_question_sentence_counts() -> None:
    q = "Xã được để lại bao nhiêu phần trăm tiền sử dụng đất? Khoản đó có được dùng để trả nợ công trình không?"
    assert uncovered_topics(asking_clause(q)) == []
    assert topics_asked_before(q) == ["nguồn thu ngân sách của xã"]
    # A statement before the question is a preamble, not a question.
    assert topics_asked_before("Xã tôi dùng tiền sử dụng đất làm đường. Đường xã phải rộng bao nhiêu?") == []


def test_a_particle_the_corpus_never_writes_makes_no_topic_of_a_guessed_compound() -> None:
    # "… nhập Đồng Tháp rồi" typed without marks, segmented "thap_roi": "rồi" is a particle, not a topic, though no
    # text of the corpus writes it. A syllable of the language the corpus never writes still is one ("phiếu").
    dictionary = frozenset({"thap_coi", "roi_loan", "phieu_bau", "phat_trien"})
    assert content_words("nhap dong thap roi", ["thap_roi"], set(), set(), set(), " thap coi ", dictionary) == []
    assert content_words("phat phieu", ["phat_phieu"], set(), set(), set(), " phat trien ", dictionary) == [
        "phat_phieu"
    ]


def test_staffing_is_a_topic_the_corpus_does_not_cover() -> None:
    staff = "biên chế, bố trí cán bộ"
    assert staff in uncovered_topics("văn phòng điều phối NTM cấp xã được bố trí mấy cán bộ, ai kiêm nhiệm?")
    assert staff in uncovered_topics("Xã được giao thêm biên chế không?")
    assert staff not in uncovered_topics("Tỷ lệ cán bộ, công chức xã đạt chuẩn là bao nhiêu?")


def test_a_marker_that_opens_the_question_marks_no_preamble_off() -> None:
    q = (
        "Cho tôi hỏi với: tôi đang soạn bài phát biểu cho lễ kỷ niệm. Xã tôi được công nhận năm 2020. Hồi đó thu "
        "nhập phải đạt bao nhiêu?"
    )
    assert asking_clause(q) == "Hồi đó thu nhập phải đạt bao nhiêu?"
    # After a preamble, the marker still starts the asking clause.
    q = "Tôi là công chức xã Bình Lợi, huyện Bình Chánh. Xin hỏi: xã tôi đạt chuẩn năm 2015. Nay theo bộ nào?"
    assert asking_clause(q).strip() == "xã tôi đạt chuẩn năm 2015. Nay theo bộ nào?"


def test_an_accent_free_compound_whose_syllables_make_words_outside_it_is_a_guess() -> None:
    # "nang cao tay nghe": "cao_tay" is the segmenter's guess; "nâng cao" and "tay nghề" are what was typed.
    dictionary = frozenset({"cao_tay", "tay_nghe", "nang_cao"})
    terms = ["cao_tay"]
    text = " nang cao chat luong "
    assert content_words("nang cao tay nghe cho lao dong", terms, VOCAB, FOLDED, set(), text, dictionary) == []
    # Typed with marks, the segmenter saw the marks: a compound it made is the words typed.
    assert content_words("nâng cao tay nghề", ["cao_tay"], VOCAB, FOLDED, set(), text, dictionary) == ["cao_tay"]


def test_a_limit_asked_and_a_books_classifier_are_no_topics() -> None:
    assert words("Tỉnh có được tự quy định, có giới hạn gì?", ["giới_hạn"]) == []
    assert words("Có cuốn cẩm nang nào không?", ["cuốn"]) == []


def test_whether_a_named_commune_is_recognised_is_its_own_result() -> None:
    results = "kết quả xây dựng nông thôn mới của từng địa phương"
    assert local_topics("Xã Tân Phước đã đạt chuẩn NTM nâng cao chưa?", set()) == [results]
    # A named commune asking whether a figure of its own meets an indicator is the criteria's question.
    assert local_topics("Xã Phú Lộc có thu nhập 50 triệu thì tiêu chí thu nhập đã đạt chưa?", set()) == []
    # … and so is whether it may be put forward for recognition.
    assert local_topics("Xã Phú Lộc còn nợ đọng thì đủ điều kiện xét công nhận đạt chuẩn NTM chưa?", set()) == []


def test_a_named_units_own_count_or_recognition_asked_in_other_words() -> None:
    results = "kết quả xây dựng nông thôn mới của từng địa phương"
    places = {"quang ninh"}
    assert local_topics("Tỉnh Quảng Ninh hiện có bao nhiêu xã NTM kiểu mẫu?", places) == [results]
    assert local_topics("Xã Đông Phương đạt NTM năm nào?", places) == [results]
    assert local_topics("Huyện Nam Đàn đã được công nhận huyện NTM kiểu mẫu chưa?", places) == [results]
    # The national count asks the corpus's own figures.
    assert local_topics("Cả nước có bao nhiêu xã NTM kiểu mẫu?", places) == []


def test_a_named_provinces_share_of_communes_and_money_asked_for_are_topics_the_corpus_does_not_cover() -> None:
    places = {"ha tinh", "nghe an"}
    results = "kết quả xây dựng nông thôn mới của từng địa phương"
    assert local_topics("Nghệ An năm ngoái tỷ lệ số xã đạt chuẩn NTM là mấy phần trăm?", places) == [results]
    # The share the national rules ask for is the corpus's own.
    assert local_topics("Tỷ lệ xã đạt chuẩn NTM cả nước đến 2025 phấn đấu bao nhiêu?", places) == []
    request = "đề nghị hỗ trợ kinh phí của xã"
    assert local_topics("Thôn em muốn xin thêm kinh phí sửa nhà văn hóa thì gửi ai?", places) == [request]
    assert local_topics("Xã xin công nhận đạt chuẩn thì gửi hồ sơ cho ai?", places) == []
