"""What a question counts: the noun after "bao nhiêu" or "số", a share of units."""

from assistant.counted import counted_noun, counted_phrase


def test_what_a_question_counts_after_so_or_bao_nhieu() -> None:
    assert counted_phrase("cả nước có bao nhiêu xã khu vực III") == "xa khu vuc iii"
    # "số … là bao nhiêu mỗi loại": what follows "số" is counted; "mỗi loại" is no noun.
    assert counted_phrase("so xa khu vuc I va khu vuc III (qd 60) la bao nhieu moi loai") == "xa khu vuc i"
    assert counted_noun("Quyết định số 318 quy định tỷ lệ là bao nhiêu") is None  # a document's "số", not a count
    assert counted_noun("bao nhiêu phần trăm số hộ") is None
    assert counted_phrase("bao nhiêu tiêu chí") is None  # two words: the noun alone
    # An abbreviation is counted as the texts spell it.
    assert counted_phrase("có bao nhiêu thôn DBKK trong xã khu vực I") == "thon dac biet kho"


def test_a_share_of_units_asked_counts_those_units() -> None:
    assert counted_noun("Huyện phải có bao nhiêu phần trăm số xã đạt chuẩn?") == "xa"
    assert counted_noun("bao nhiêu phần trăm thôn đạt chuẩn") == "thon"
    # A bare percentage, or a rate of people, counts no unit.
    assert counted_noun("tỷ lệ bao nhiêu phần trăm thì đạt?") is None
    assert counted_noun("bao nhiêu phần trăm người dân hài lòng") is None


def test_a_rate_of_units_counts_those_units_and_a_rate_of_households_does_not() -> None:
    assert counted_noun("Tỷ lệ xã đạt chuẩn nông thôn mới của cả nước hiện nay?") == "xa"
    assert counted_noun("tỷ lệ số huyện đã đạt chuẩn") == "huyen"
    assert counted_noun("Tỷ lệ hộ nghèo đa chiều tối đa là bao nhiêu?") is None
