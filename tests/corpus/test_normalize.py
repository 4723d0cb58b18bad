import pytest
from underthesea import text_normalize

from corpus.normalize import fold, normalize_text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("Hoà Bình", "Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("THUỶ", "THỦY"),
        ("khoẻ", "khỏe"),
        ("uỷ ban", "ủy ban"),
        ("toà án", "tòa án"),
        ("xoè", "xòe"),
        ("loà", "lòa"),
    ],
)
def test_old_tone_placement_becomes_new(old: str, new: str) -> None:
    assert normalize_text(old) == new


@pytest.mark.parametrize(
    "word",
    [
        "hoàng",
        "thuyền",
        "quý",
        "quỳnh",
        "quà",
        "giá",
        "hòa",
        "thủy",
        "khuya",
        "người",
        "Nông thôn mới",
    ],
)
def test_words_already_right_are_unchanged(word: str) -> None:
    assert normalize_text(word) == word


def test_agrees_with_underthesea_on_common_words() -> None:
    words = [
        "hoà",
        "hoá",
        "hoả",
        "hoạ",
        "khoẻ",
        "thuỷ",
        "Thuỷ",
        "HOÀ",
        "quý",
        "hoàng",
        "thuyền",
        "toà",
        "uỷ",
        "tuỳ",
        "huỷ",
        "khoá",
        "xoè",
        "giá",
        "quà",
    ]
    for word in words:
        assert normalize_text(word) == text_normalize(word), word


def test_nfd_input_and_lookalike_eth_are_normalised() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Quyết định")
    assert normalize_text(decomposed) == "Quyết định"
    assert normalize_text("\u00d0ồng bằng") == "Đồng bằng"


def test_both_spellings_match_after_normalising() -> None:
    assert normalize_text("Thái Hoà, thuỷ lợi") == normalize_text("Thái Hòa, thủy lợi")


def test_fold_strips_diacritics() -> None:
    assert fold("Xã ĐẠT CHUẨN Nông thôn mới") == "xa dat chuan nong thon moi"
