"""Topics near the programme that its documents do not cover are named; the criteria's own words are not."""

import pytest

from assistant.uncovered import FUNDS, uncovered_topics

LAND = "đất đai (giấy chứng nhận, giá đất, thu hồi, bồi thường, hiến đất)"
UTILITY = "giá điện, giá nước sinh hoạt"
REWARD = "khen thưởng, tiền thưởng"
OCOP = "chương trình OCOP (đánh giá, phân hạng sản phẩm)"


@pytest.mark.parametrize(
    "question",
    [
        "Thủ tục cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình ở xã thế nào?",
        "lam so do dat nong thon het bao lau",
        "Bảng giá đất nông nghiệp năm nay của tỉnh là bao nhiêu?",
        "Xã thu hồi đất mở đường trục thôn thì có đền bù cây cối không?",
        "Người dân hiến đất làm đường có được ghi nhận không?",
    ],
)
def test_land_administration_is_a_topic_the_corpus_does_not_cover(question: str) -> None:
    assert LAND in uncovered_topics(question)


@pytest.mark.parametrize(
    "question",
    [
        "Tiền điện chiếu sáng đường thôn mỗi tháng ai trả?",
        "Giá nước sạch nông thôn do ai quyết định?",
    ],
)
def test_what_households_pay_for_power_or_water_is_a_topic_the_corpus_does_not_cover(question: str) -> None:
    assert UTILITY in uncovered_topics(question)


@pytest.mark.parametrize(
    "question",
    [
        "Xã tự đánh giá đạt chuẩn 19/19 tiêu chí thì hồ sơ gồm những gì?",  # "đánh giá đạt" folds to "gia dat"
        "Trong số đó tiêu chí nào có nhiều chỉ tiêu nhất?",  # "số đó" folds to "so do"
        "Tỷ lệ hộ sử dụng điện thường xuyên, an toàn từ các nguồn là bao nhiêu?",
        "Tỷ lệ dân số được sử dụng nước sạch đạt chuẩn theo vùng là bao nhiêu?",
        "Tiêu chí quy hoạch sử dụng đất của xã yêu cầu gì?",
    ],
)
def test_the_criterias_own_words_are_not_an_uncovered_topic(question: str) -> None:
    assert not {LAND, UTILITY, REWARD, OCOP} & set(uncovered_topics(question))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Huyện đạt chuẩn nâng cao có được tỉnh khen thưởng không?", REWARD),
        ("Tiền thưởng cho thôn đạt khu dân cư kiểu mẫu là bao nhiêu?", REWARD),
        ("Xã về đích nông thôn mới sớm có phần thưởng gì không?", REWARD),
        ("Có giải thưởng nào cho huyện đạt chuẩn kiểu mẫu?", REWARD),
        ("Muốn được chứng nhận sản phẩm OCOP thì làm thế nào?", OCOP),
        ("san pham ocop 3 sao can dat nhung gi", OCOP),
    ],
)
def test_rewards_and_the_ocop_programme_are_topics_the_corpus_does_not_cover(question: str, topic: str) -> None:
    assert topic in uncovered_topics(question)


@pytest.mark.parametrize(
    "question",
    [
        "Tỷ lệ lao động có việc làm thường xuyên phải đạt bao nhiêu?",  # "thường" folds like "thưởng"
        "Xã nâng cao phải có sản phẩm OCOP được xếp hạng không?",  # the criterion counts a commune's products
    ],
)
def test_words_of_the_criteria_are_not_a_reward_or_the_ocop_programme(question: str) -> None:
    assert not {REWARD, OCOP} & set(uncovered_topics(question))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Năm nay xã tôi được phân bổ bao nhiêu vốn xây dựng nông thôn mới?", "phân bổ vốn, mức hỗ trợ từ ngân sách"),
        ("Làm nhà văn hóa thôn thì được hỗ trợ bao nhiêu?", "phân bổ vốn, mức hỗ trợ từ ngân sách"),
        ("Ai chấm điểm phong trào thi đua xây dựng NTM của huyện?", "phong trào thi đua"),
    ],
)
def test_funds_given_and_the_emulation_movement_are_topics_the_corpus_does_not_cover(question: str, topic: str) -> None:
    assert topic in uncovered_topics(question)


def test_a_duty_to_arrange_the_budget_is_no_sum_of_funds_asked() -> None:
    # Item 6 of the dispatch: the province arranges the budget; no amount is asked.
    assert "phân bổ vốn, mức hỗ trợ từ ngân sách" not in uncovered_topics(
        "Theo Công văn 14, UBND tỉnh phải bố trí ngân sách thế nào để duy trì tiêu chí?"
    )


def test_relying_on_a_set_is_not_the_emulation_movement() -> None:
    # "thì dựa vào" folds to "thi dua vao".
    assert "phong trào thi đua" not in uncovered_topics("Năm tới thì dựa vào bộ tiêu chí nào để duy trì?")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("Lương công chức xã năm nay tăng bao nhiêu?", "lương, phụ cấp, thù lao của cán bộ"),
        (
            "Cho xin danh sách những xã đạt chuẩn NTM nâng cao năm 2023 của tỉnh",
            "danh sách đơn vị được công nhận của từng tỉnh",
        ),
        ("Xã có được vay vốn ODA để xây trường học không?", "vốn vay ODA"),
        ("Ngân sách xã phải đối ứng bao nhiêu cho công trình? Vốn đối ứng tối thiểu là mấy %?", FUNDS),
    ],
)
def test_pay_lists_loans_and_counterpart_funds_are_topics_the_corpus_does_not_cover(question: str, topic: str) -> None:
    assert topic in uncovered_topics(question)


def test_the_programmes_policy_credit_is_no_loan_asked() -> None:
    # 417/QĐ-BNNMT and 257/2025/QH15 write the programme's policy credit in tỷ đồng: a sum the corpus holds.
    assert uncovered_topics("Vốn tín dụng chính sách cho chương trình 2026-2030 là bao nhiêu?") == []


@pytest.mark.parametrize(
    ("question", "covered"),
    [
        ("Cho em xin mẫu tờ trình đề nghị công nhận xã NTM nâng cao", False),
        ("Có mẫu biên bản họp lấy ý kiến người dân về kết quả xây dựng NTM không?", False),
        ("gui toi mau bao cao so ket 6 thang", False),
        # The title "kiểu mẫu" before "báo cáo" is no form.
        ("Xã NTM kiểu mẫu báo cáo kết quả cho cơ quan nào?", True),
        ("Xã đạt chuẩn phải báo cáo kết quả định kỳ mấy tháng một lần?", True),
    ],
)
def test_forms_and_templates_are_a_topic_the_corpus_does_not_cover(question: str, covered: bool) -> None:
    assert ("biểu mẫu, mẫu báo cáo, tờ trình" not in uncovered_topics(question)) is covered


def test_a_list_of_towns_recognised_is_a_topic_the_corpus_does_not_cover_but_provinces_are_not() -> None:
    lists = "danh sách đơn vị được công nhận của từng tỉnh"
    assert lists in uncovered_topics("Danh sách các thị xã hoàn thành nhiệm vụ xây dựng NTM năm 2024")
    # Công văn 14 lists the provinces whose every commune reached the standard.
    assert lists not in uncovered_topics("Danh sách các tỉnh có 100% số xã đạt chuẩn NTM gồm những tỉnh nào?")


def test_a_units_title_after_places_were_reorganised_is_a_topic_the_corpus_does_not_cover() -> None:
    title = "danh hiệu nông thôn mới của đơn vị sau sắp xếp hành chính"
    assert title in uncovered_topics("Hợp nhất 2 xã đã đạt chuẩn thì xã mới có còn được công nhận NTM không?")
    assert title in uncovered_topics("Bỏ cấp huyện rồi thì danh hiệu huyện NTM có còn không?")
    # Which set a merged commune is held to is the programme's own question.
    assert title not in uncovered_topics("Xã mới sau sáp nhập giữ chuẩn NTM theo bộ tiêu chí nào?")


def test_procurement_disbursement_and_settlement_of_works_are_a_topic_the_corpus_does_not_cover() -> None:
    works = "đấu thầu, giải ngân, thanh quyết toán công trình"
    assert works in uncovered_topics("Hồ sơ quyết toán đường giao thông nông thôn gồm những gì?")
    assert works in uncovered_topics("Xã làm chủ đầu tư thì có phải đấu thầu không?")
    assert works not in uncovered_topics("Tỷ lệ đường xã được nhựa hóa là bao nhiêu?")


def test_a_merger_told_as_nhap_and_a_survey_form_are_topics_the_corpus_does_not_cover() -> None:
    title = "danh hiệu nông thôn mới của đơn vị sau sắp xếp hành chính"
    assert title in uncovered_topics("Xã được nhập từ hai xã cũ thì danh hiệu NTM nâng cao tính thế nào?")
    assert title in uncovered_topics("Ba xã nhập lại thì danh hiệu nông thôn mới còn không?")
    assert "biểu mẫu, mẫu báo cáo, tờ trình" in uncovered_topics("Mẫu phiếu lấy ý kiến người dân có mấy câu?")


def test_whether_a_commune_formed_from_others_keeps_or_redoes_its_recognition_is_not_covered() -> None:
    title = "danh hiệu nông thôn mới của đơn vị sau sắp xếp hành chính"
    assert title in uncovered_topics("Xã thành lập từ hai xã đạt chuẩn nông thôn mới có được công nhận luôn không?")
    assert title in uncovered_topics("Sắp xếp đơn vị hành chính xong thì xã có phải xét lại đạt chuẩn NTM không?")
    # Which set it is held to stays the programme's own question.
    assert title not in uncovered_topics("Xã thành lập từ hai xã cũ thì áp dụng bộ tiêu chí nào?")
