from index.segment import DOMAIN_WORDS, count_words, segmented, sentences, terms, words


def test_domain_dictionary_keeps_terms_whole() -> None:
    ws = words("Xã đạt chuẩn nông thôn mới nâng cao giảm hộ nghèo đa chiều theo tiêu chí và chỉ tiêu.")
    for term in (
        "nông thôn mới",
        "nâng cao",
        "hộ nghèo đa chiều",
        "tiêu chí",
        "chỉ tiêu",
        "đạt chuẩn",
    ):
        assert term in ws
    assert "nông thôn mới" in DOMAIN_WORDS


def test_word_counts_are_words_not_syllables() -> None:
    # 8 syllables, 4 words: xã / đạt chuẩn / nông thôn mới / kiểu mẫu
    assert count_words("xã đạt chuẩn nông thôn mới kiểu mẫu") == 4
    assert count_words("...  ,;") == 0


def test_terms_match_with_and_without_diacritics() -> None:
    with_marks = set(terms("xã đạt chuẩn nông thôn mới"))
    without = set(terms("xa dat chuan nong thon moi"))
    assert {"~xa", "~dat", "~chuan", "~nong", "~thon", "~moi"} <= with_marks & without
    assert "nông_thôn_mới" in with_marks
    assert "và" not in terms("xã và huyện")  # stop word


def test_terms_normalise_tone_placement() -> None:
    assert terms("thuỷ lợi") == terms("thủy lợi")


def test_sentences_and_segmented_text() -> None:
    assert sentences("Câu một. Câu hai.\nDòng ba") == ["Câu một.", "Câu hai.", "Dòng ba"]
    assert "nông_thôn_mới" in segmented("xây dựng nông thôn mới")


def test_the_ethnic_minority_and_mountain_area_abbreviation_is_spelled_out() -> None:
    from index.segment import expand_abbreviations

    assert expand_abbreviations("vùng đồng bào DTTS&MN") == "vùng đồng bào dân tộc thiểu số và miền núi"
    assert expand_abbreviations("đồng bào DTTS") == "đồng bào dân tộc thiểu số"
    assert expand_abbreviations("trường THPT, THCS") == "trường trung học phổ thông, trung học cơ sở"


def test_an_abbreviation_typed_without_marks_is_spelled_out_too() -> None:
    from index.segment import expand_abbreviations

    assert expand_abbreviations("thôn ĐBKK") == "thôn đặc biệt khó khăn"
    assert expand_abbreviations("thon DBKK, HDND xa") == "thon đặc biệt khó khăn, hội đồng nhân dân xa"
    # A document number keeps its form.
    assert expand_abbreviations("1345/BNN-VPĐP") == "1345/BNN-VPĐP"
