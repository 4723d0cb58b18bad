"""A figure asked in words the catalogue's names do not share: the indicator the retrieved passage is the text of,
with its figure for the region and year asked."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answerers.criteria import _target_year
from assistant.answerers.indicators import pair_named
from assistant.service import Assistant
from corpus.criteria import Catalogue, Indicator, Threshold

INCOME = Indicator(
    code="10",
    name="Thu nhập bình quân đầu người khu vực nông thôn đến năm 2020",
    unit="triệu đồng/người/năm",
    comparator=">=",
    thresholds=[Threshold(region="TDMNPB", year=2020, value=36), Threshold(region="DBSH", year=2020, value=50)],
    section="1980/QĐ-TTg › Phụ lục › Tiêu chí 10 › 10",
)


def test_a_target_fixed_for_the_end_of_the_period_answers_any_year_of_it() -> None:
    period = SimpleNamespace(period="2016-2020")
    assert _target_year(INCOME, "TDMNPB", 2019, period) == 2020
    assert _target_year(INCOME, "TDMNPB", 2020, period) == 2020
    # A year after the target, or of another period, is not moved.
    assert _target_year(INCOME, "TDMNPB", 2022, period) == 2022
    assert _target_year(INCOME, "TDMNPB", 2019, SimpleNamespace(period="2021-2025")) == 2019


def test_an_income_asked_in_everyday_words_gets_the_regions_figure(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Xã em ở Bắc Giang cũ, được công nhận NTM năm 2019. Giai đoạn 2016-2020 bình quân mỗi người dân nông thôn "
        "một năm làm ra bao nhiêu tiền thì xã mới đạt, tính theo vùng nào?"
    )
    assert a.kind == "criteria" and "36" in a.text and "Trung du và miền núi phía Bắc" in a.text


def test_an_indicator_asked_where_it_is_names_its_annex(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Chỉ tiêu trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi nằm ở phụ lục nào, thuộc tiêu chí số mấy của Quyết định "
        "318? Mức áp cho xã vùng Đông Nam Bộ là bao nhiêu?"
    )
    assert a.kind == "criteria" and "(Phụ lục I, 318/QĐ-TTg)" in a.text and "14,5%" in a.text
    plain = full_assistant.ask("Chỉ tiêu trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi theo Quyết định 318 là bao nhiêu?")
    assert "(318/QĐ-TTg)" in plain.text  # the annex is said when asked where


def test_of_several_indicators_in_one_section_the_one_the_question_names(full_assistant: Assistant) -> None:
    # 691's Điểm a holds 1.2 (cooperatives) and 1.3 (income); "thu nhập … đạt chuẩn" names 1.3.
    a = full_assistant.ask("xã kiểu mẫu theo qd 691 thì thu nhập phải gấp mấy lần lúc đạt chuẩn ntm")
    assert "1.3" in a.text and "≥ 1,5 lần" in a.text
    assert "hợp tác xã" not in a.text


def test_an_indicator_whose_criterion_is_the_third_passage_found(full_assistant: Assistant) -> None:
    # "các tuyến đường huyện phải làm đúng chuẩn … bao nhiêu phần trăm chiều dài": 320's 2.2 ("Tỷ lệ km đường huyện đạt
    # chuẩn theo quy hoạch"), whose criterion's text retrieval ranks below two passages on keeping the standard.
    a = full_assistant.ask(
        "Theo bộ tiêu chí huyện giai đoạn 2021-2025, các tuyến đường huyện phải làm đúng chuẩn được bao nhiêu phần trăm"
        " chiều dài thì đạt?"
    )
    assert a.kind == "criteria" and "2.2. Tỷ lệ km đường huyện đạt chuẩn theo quy hoạch: ≥ 100%" in a.text


def test_an_indicator_named_by_words_of_its_own_is_not_answered_with_a_neighbours_figure(
    full_assistant: Assistant,
) -> None:
    # The passage of 318's criterion 2 ranks high on "đường … hóa" and holds 2.1's figure; "ngõ, xóm" is 2.3's alone.
    a = full_assistant.ask("Xã nông thôn mới cần có bao nhiêu phần trăm đường ngõ xóm được cứng hóa?")
    assert "2.3. Tỷ lệ đường ngõ, xóm" in a.text
    assert "2.1. Tỷ lệ đường xã" not in a.text


def test_the_indicators_a_question_names_by_a_pair_of_words_no_other_has() -> None:
    commune = Catalogue().sets["318-xa-ntm"]
    # "ngõ xóm" is 2.3's alone, "cứng hóa" 2.2's ("ít nhất được cứng hóa").
    assert pair_named("ty le duong ngo xom duoc cung hoa", commune) == {"2.2", "2.3"}
    assert pair_named("ty le duong xa", commune) == {"2.1"}
    # The criterion's own words ("giao thông") name none of its indicators.
    assert pair_named("duong giao thong cua xa", commune) == frozenset()


def test_the_unit_asked_about_names_no_indicator_of_a_found_section(full_assistant: Assistant) -> None:
    # "xã kiểu mẫu" shares "xã kiểu" with 1.2's "hợp tác xã kiểu mới"; 691's line on poor households answers.
    a = full_assistant.ask("QĐ 691 quy định tỷ lệ hộ nghèo của xã kiểu mẫu là bao nhiêu?")
    assert "hợp tác xã" not in a.text.split("\n")[0]
    assert "Không có hộ nghèo" in a.text
