"""The quoted span answers: never a heading, an annex line, a mid-sentence fragment, a source line
or the compiler's note; always an exact substring."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.quote import best_span, pieces, quotable


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
    assert best_span(text, "chiều sâu hiệu quả") == "Ban Chỉ đạo Trung ương đề nghị các tỉnh\nđảm bảo vào chiều sâu, hiệu quả."


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
