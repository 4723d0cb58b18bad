"""understand() and read_need(): cues that decide which set, period, criterion or document a question
is about (a goal is not a recognition, a preamble's job title is not a criterion, a typo'd kind still names
its document)."""

from __future__ import annotations

import pytest

from assistant.asks import read_need
from assistant.quote import best_span, number_words
from assistant.understand import understand
from corpus.criteria import Catalogue

CATALOGUE = Catalogue()


def q(text: str):
    return understand(text, CATALOGUE)


@pytest.mark.parametrize(
    ("question", "period", "recognition_period"),
    [
        # A figure asked of a set names the set's period.
        ("Tỷ lệ hộ nghèo của xã NTM 2021-2025 phải dưới bao nhiêu?", "2021-2025", None),
        ("Xã ở Nghệ An thì tỷ lệ thấp còi phải ở mức nào để đạt chuẩn NTM giai đoạn 2021-2025?", "2021-2025", None),
        ("Điều kiện để xã được công nhận xã nông thôn mới kiểu mẫu giai đoạn 2021-2025 là gì?", "2021-2025", None),
        # A unit recognised in a period: that is its recognition.
        ("Xã đạt chuẩn NTM giai đoạn 2016-2020 thì nay phải làm gì?", None, "2016-2020"),
    ],
)
def test_a_period_is_the_sets_unless_it_dates_a_recognition(question, period, recognition_period) -> None:
    got = q(question)
    assert (got.period, got.recognition_period) == (period, recognition_period)


def test_the_recognition_year_dates_the_recognition_over_an_uncued_period() -> None:
    got = q("Xã được công nhận đạt chuẩn nông thôn mới năm 2018. Trong giai đoạn 2021-2025 xã phải đáp ứng bộ nào?")
    assert (got.recognition_year, got.recognition_period) == (2018, "2016-2020")


def test_a_goal_year_is_not_a_recognition() -> None:
    got = q("Năm 2027 tỉnh Đồng Tháp muốn được công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới thì phải làm gì?")
    assert got.recognition_year is None and got.ask_year == 2027
    assert q("Huyện muốn phấn đấu đạt chuẩn huyện nông thôn mới thì áp dụng tiêu chí nào?").not_recognised
    assert not q("Xã đã đạt chuẩn NTM, nay phấn đấu đạt chuẩn nâng cao thì làm gì?").not_recognised


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Xã tôi không thuộc diện đặc biệt khó khăn, được giao theo dõi tiêu chí Y tế, cho hỏi mức đạt?", "Y tế"),
        ("Xã ở tỉnh Điện Biên muốn đạt tiêu chí Y tế thì tỷ lệ thấp còi phải bao nhiêu?", "Y tế"),
        ("Tôi là công chức nông nghiệp - môi trường xã A. Xin hỏi tiêu chí Thu nhập là gì?", "Thu nhập"),
    ],
)
def test_the_criterion_named_is_the_one_asked(question: str, name: str) -> None:
    assert q(question).criterion_name == name


def test_a_preamble_job_title_names_no_criterion() -> None:
    got = q("Tôi là công chức nông nghiệp - môi trường xã Cẩm Lý. Cho hỏi xã phải đáp ứng bộ tiêu chí nào?")
    assert got.criterion_name is None


def test_the_tier_of_communes_counted_is_not_the_units() -> None:
    assert q("Huyện nông thôn mới phải có bao nhiêu phần trăm số xã đạt chuẩn NTM nâng cao?").tier == "NTM"
    assert q("Xã đạt chuẩn NTM nâng cao năm 2023 phải làm gì?").tier == "nâng cao"
    # The communes a district's set requires, named by their tier.
    assert (
        q("Bộ tiêu chí huyện 2021-2025 còn thêm những yêu cầu chung nào về xã nâng cao, thị trấn?").tier != "nâng cao"
    )
    # A commune of the asker's in a district question is the unit, with its tier.
    assert q("Huyện NTM, xã tôi là xã nâng cao thì phải làm gì?").tier == "nâng cao"
    # An indicator's number before "xã" counts no communes: "chỉ tiêu 14.2 xã kiểu mẫu" names the tier's set.
    assert q("chỉ tiêu 14.2 xã nâng cao quy định gì").tier == "nâng cao"
    assert q("Huyện có 12 xã, trong đó 3 xã đạt NTM nâng cao, huyện phải làm gì?").tier != "nâng cao"


def test_communes_counted_as_recognised_are_not_the_unit() -> None:
    got = q("Huyện có 25 xã, 24 xã đã đạt chuẩn NTM, còn 1 xã chưa đạt. Huyện đã đủ điều kiện đề nghị công nhận chưa?")
    assert got.level == "huyện"
    assert q("Xã đã đạt chuẩn NTM năm 2019 thì nay phải làm gì?").level == "xã"


def test_an_accent_free_address_is_not_the_unit() -> None:
    got = q("Toi la cong chuc xa Tien Luc, huyen Lang Giang. Nam 2019 xa toi dat chuan NTM kieu mau, nay phai lam gi?")
    assert got.level == "xã"


def test_a_number_and_year_name_a_held_document_whatever_its_kind_is_typed() -> None:
    def known(typed: str) -> str | None:
        return "272/2025/NĐ-CP" if typed == "272/2025" else None

    query = q("Nghị địng 272/2025 phân đinh xã khu vục I, II, III dựa trên bao nhiu tiêu chí?")
    need = read_need(query, known)
    assert query.sets == ["272/2025/NĐ-CP"] and "count" in need.asks
    # A month and year is a date, not a document.
    dated = q("Đến hết tháng 9/2023 có bao nhiêu xã đạt chuẩn?")
    read_need(dated, lambda typed: "9/2023/X" if typed == "9/2023" else None)
    assert dated.sets == []


def test_a_documents_own_number_does_not_pick_the_quote() -> None:
    text = (
        "Mục này không chứa toàn văn Nghị quyết số 25/2021/QH15. Cả nước có ít nhất 80% số xã đạt chuẩn nông thôn "
        "mới, trong đó ít nhất 10% số xã đạt chuẩn nông thôn mới kiểu mẫu."
    )
    # (Asked as a share, "bao nhiêu phần trăm số xã" or "tỷ lệ xã", the number of communes it counts picks the quote
    # anyway.)
    hint = "nghi quyet 25/2021/QH15 dat muc tieu den 2025 ve xa dat chuan NTM kieu mau the nao"
    assert best_span(text, hint).startswith("Mục này")  # the number's digits outweigh the topic
    assert best_span(text, hint, ignore=number_words("25/2021/QH15", "Nghị quyết")).startswith("Cả nước")
    # A number written as a name keeps its words: only codes are ignored.
    assert number_words("Nghị quyết sắp xếp ĐVHC cấp tỉnh năm 2025") == frozenset({"2025", "dvhc"})


@pytest.mark.parametrize(
    ("question", "field", "value"),
    [
        # Typed without marks, "thi xa" before a verb after the commune was named is "thì xã".
        ("xa toi duoc cong nhan nam 2017, nay ra soat lai cac tieu chi thi xa phai dap ung bo nao", "level", "xã"),
        (
            "thi xa Son Tay hoan thanh nhiem vu xay dung NTM nam 2019 thi nay phai dap ung quy dinh nao",
            "level",
            "thị xã",
        ),
        # The unit the asker speaks for, whoever else the question names.
        ("Xã tôi đạt chuẩn năm 2017, nay huyện yêu cầu rà soát lại thì phải theo bộ nào?", "level", "xã"),
        # The tier aimed at is not the unit's when its own is said too.
        (
            "Xã đạt chuẩn NTM nâng cao năm 2023, đang phấn đấu trở thành xã NTM kiểu mẫu. Xin hỏi cần gì?",
            "tier",
            "nâng cao",
        ),
        ("Xã đạt chuẩn NTM năm 2019, nay phấn đấu lên nâng cao thì theo bộ nào?", "tier", "NTM"),
        # Only the goal is said: it is the tier asked about.
        ("Xã muốn phấn đấu đạt chuẩn NTM kiểu mẫu thì cần gì?", "tier", "kiểu mẫu"),
        # "mô hình thôn thông minh" is a kiểu mẫu condition, not the smart-commune tier.
        ("Điều kiện về mô hình thôn thông minh đối với xã kiểu mẫu là gì?", "tier", "kiểu mẫu"),
    ],
)
def test_the_unit_asked_about(question: str, field: str, value: str) -> None:
    assert getattr(q(question), field) == value


def test_a_month_and_year_dates_a_recognition() -> None:
    got = q("Xã tôi được công nhận đạt chuẩn vào tháng 12/2018. Năm 2024 xã phải áp dụng bộ tiêu chí nào?")
    assert (got.recognition_year, got.ask_year) == (2018, 2024)


def test_the_period_moved_into_is_not_a_recognition() -> None:
    got = q("Xã em được công nhận NTM kiểu mẫu theo QĐ 691/QĐ-TTg, giờ sang giai đoạn 2021-2025 thì phải làm gì?")
    assert (got.recognition_period, got.period) == (None, "2021-2025")


def test_the_set_in_force_at_a_recognition_named_then() -> None:
    got = q("Xã được công nhận đạt chuẩn NTM năm 2018. Theo bộ tiêu chí áp dụng khi đó, tỷ lệ lao động là bao nhiêu?")
    assert (got.recognition_year, got.period) == (2018, "2016-2020")
    # Without "khi đó" the figure is asked of no particular set.
    assert q("Xã được công nhận đạt chuẩn NTM năm 2018. Tỷ lệ lao động là bao nhiêu?").period is None
    # "Hồi đó", and a recognition judged in a year ("năm 2019 xét công nhận … thì"): the set of that time.
    assert q("Xã đạt chuẩn NTM năm 2017. Hồi đó tỷ lệ lao động phải đạt bao nhiêu?").period == "2016-2020"
    assert q("Xã tôi năm 2019 xét công nhận đạt chuẩn NTM thì BHYT phải bao nhiêu?").period == "2016-2020"
    # "thời đó", "đợt đó": the same.
    got = q("Huyện đạt chuẩn huyện NTM năm 2018. Tiêu chí huyện thời đó đặt ra yêu cầu gì cho bệnh viện huyện?")
    assert got.period == "2016-2020"


@pytest.mark.parametrize(
    "question",
    [
        "Xã tôi đã được công nhận xã NTM kiểu mẫu, giờ phải duy trì theo quy định nào?",
        "Huyện đạt chuẩn NTM năm 2019 theo QĐ 558. Xin hỏi việc rà soát đối chiếu với bộ tiêu chí huyện nào?",
    ],
)
def test_what_keeps_a_unit_recognised_is_a_question_of_what_applies(question: str) -> None:
    query = q(question)
    assert query.action and "todo" in read_need(query, lambda typed: None).asks


def test_after_xin_hoi_the_preambles_words_are_not_asked() -> None:
    question = (
        "Xã đạt chuẩn NTM nâng cao năm 2023 và đang phấn đấu trở thành xã NTM kiểu mẫu. Xin cho hỏi điều kiện về "
        "thu nhập đối với xã kiểu mẫu được quy định thế nào?"
    )
    asks = read_need(q(question), lambda typed: None).asks
    assert "todo" not in asks and "contents" in asks
    # Without an explicit "xin hỏi" the whole question is read.
    assert "todo" in read_need(q("Xã đạt chuẩn năm 2017 thì năm 2023 phải làm gì?"), lambda typed: None).asks


@pytest.mark.parametrize(
    ("question", "level"),
    [
        # The unit recognised is the one asked about, not the asker's office.
        (
            "Tôi là viên chức bảo hiểm xã hội huyện, tổng hợp số liệu cho một xã được công nhận đạt chuẩn năm 2014.",
            "xã",
        ),
        ("Tôi công tác ở xã, muốn hỏi huyện đã được công nhận đạt chuẩn năm 2019 thì nay phải làm gì?", "huyện"),
        # The unit pointed back at ("xã này") is asked about, not the asker's office.
        (
            "Tôi là cán bộ UBND huyện Đại Từ. Trên địa bàn huyện có một xã đạt chuẩn NTM nâng cao năm 2019. Xin hỏi xã"
            " này phải đáp ứng bộ tiêu chí nào?",
            "xã",
        ),
        ("Huyện Đại Từ đạt chuẩn năm 2020. Huyện này nay phải giữ chuẩn theo bộ nào?", "huyện"),
        # Communes counted name no unit: the district is asked about.
        ("Huyện phải có bao nhiêu xã được công nhận đạt chuẩn nông thôn mới?", "huyện"),
        # An address sets its units aside; "xã NTM" is a level and its abbreviation, not a commune's name.
        (
            "Năm 2024 xã Bình Hải (huyện Bình Sơn, tỉnh Quảng Ngãi) có 23% trẻ thấp còi. Đối chiếu bộ tiêu chí xã NTM"
            " thì đạt hay không đạt?",
            "xã",
        ),
    ],
)
def test_the_unit_recognised_is_the_unit_asked_about(question: str, level: str) -> None:
    assert q(question).level == level


def test_the_years_a_set_was_issued_and_amended_are_not_the_year_asked() -> None:
    query = q("Xã đạt chuẩn năm 2015 theo Bộ tiêu chí quốc gia năm 2009 đã sửa đổi năm 2013; thu nhập đến năm 2015?")
    assert query.ask_year in (None, 2015) and 2009 not in (query.ask_year, query.recognition_year)


def test_a_count_of_a_sets_conditions_names_the_sets_period_not_a_recognition() -> None:
    query = q("xa NTM kieu mau giai doan 2021-2025 phai dap ung may dieu kien, ke ra giup minh")
    assert query.period == "2021-2025" and query.recognition_period is None


@pytest.mark.parametrize(
    ("question", "province", "former"),
    [
        # The province named first, named as it was before the merger.
        ("Các xã thuộc tỉnh Gia Lai trước khi hợp nhất với Bình Định phải đạt bao nhiêu?", "Gia Lai", True),
        ("Xã ở Bình Định, nay thuộc Gia Lai, phải đạt bao nhiêu?", "Bình Định", False),
        ("xa o Vinh Phuc cu nay thuoc Phu Tho", "Vĩnh Phúc", True),
    ],
)
def test_the_province_named_first_and_whether_as_before_the_merger(question: str, province: str, former: bool) -> None:
    query = q(question)
    assert (query.province, query.province_former) == (province, former)


def test_school_and_cooperative_abbreviations_are_read_in_full() -> None:
    assert "trung hoc pho thong" in q("Tỷ lệ trường THPT đạt chuẩn của huyện?").folded
    assert "hop tac xa" in q("HTX của xã có được tính vào tiêu chí 13 không?").folded
    assert "bao hiem y te" in q("Số dân có thẻ BHYT phải chiếm bao nhiêu?").folded


def test_the_province_the_asking_clause_names_wins_over_the_askers_own() -> None:
    assert q("Tôi ở Quảng Ngãi. Xin hỏi tỉnh Gia Lai mới gồm những tỉnh cũ nào?").province == "Gia Lai"


def test_a_date_is_not_the_dispatch_numbered_14() -> None:
    """ "ngày 14/3/2014" is a date; "Công văn 14/BCĐCTMTQG" and "công văn số 14" name the dispatch."""
    assert understand("Hồ sơ lập theo Quyết định 372/QĐ-TTg ngày 14/3/2014 gồm những gì?").sets == []
    assert understand("Công văn 14/BCĐCTMTQG yêu cầu gì?").sets == ["14/BCĐCTMTQG"]
    assert understand("công văn số 14 năm 2023 yêu cầu gì?").sets == ["14/BCĐCTMTQG"]


def test_a_year_planned_for_is_not_a_recognition() -> None:
    """ "dự kiến đến 2028 mới đạt chuẩn": the year the commune plans for, not the year it was recognised."""
    assert q("con xa ben canh du kien den 2028 moi dat chuan NTM thi cham theo bo nao").recognition_year is None
    assert q("Xã bên cạnh năm 2019 đạt chuẩn NTM thì chấm theo bộ nào?").recognition_year == 2019


def test_the_period_a_question_turns_to_with_con_is_the_one_asked() -> None:
    got = q("Giai đoạn 2021-2025 xã được phân định theo QĐ 33/2020. Còn giai đoạn 2026-2030 thì theo văn bản nào?")
    assert (got.period, got.recognition_period) == ("2026-2030", None)


def test_two_former_provinces_of_two_regions_are_both_asked() -> None:
    """ "Sau khi nhập Phú Yên vào Đắk Lắk …, xã thuộc Đắk Lắk cũ …, còn xã thuộc Phú Yên cũ": each former province
    counts as named before the merger (a later mention says "cũ"), and each region's column is asked."""
    import datetime as dt

    from assistant.place import read_place

    query = q(
        "Sau khi nhập Phú Yên vào Đắk Lắk, theo QĐ 1980 tỷ lệ lao động qua đào tạo của một xã thuộc Đắk Lắk cũ "
        "phải đạt bao nhiêu, còn một xã thuộc Phú Yên cũ?"
    )
    assert query.province_former and query.other_provinces == [("Đắk Lắk", True)]
    read_place(query, CATALOGUE, dt.date(2026, 11, 24))
    assert query.region is None and set(query.place_regions.values()) == {"TN", "DHNTB"}
    # One former province beside the new one it joined: one column.
    one = q("Xã tôi ở Bình Định cũ, nay thuộc Gia Lai, theo QĐ 1980 tỷ lệ lao động qua đào tạo phải đạt bao nhiêu?")
    read_place(one, CATALOGUE, dt.date(2026, 11, 24))
    assert one.region == "DHNTB" and one.place_regions == {}


@pytest.mark.parametrize(
    ("question", "sections"),
    [
        ("k2 d2 qd 558 quy dinh gi", ["Khoản 2", "Điều 2"]),
        ("Đ1 QĐ 558 nói gì?", ["Điều 1"]),
        ("K3 Đ1 QĐ 319 quy đinh gì?", ["Khoản 3", "Điều 1"]),
    ],
)
def test_abbreviated_articles_and_clauses_are_sections(question: str, sections: list[str]) -> None:
    assert read_need(q(question), lambda typed: None).sections == sections


def test_the_set_of_1980_named_after_its_words_and_nq_read_in_full() -> None:
    assert q("bo TC xa NTM 1980 tong cong bao nhieu chi tieu").sets == ["1980/QĐ-TTg"]
    assert q("xã đạt chuẩn năm 1980").sets == []
    assert "can cu nghi quyet nao" in q("QĐ1980 căn cứ NQ nào của QH vậy?").folded


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("có bn đơn vị", "co bao nhieu don vi"),
        ("còn hiệu lực ko", "con hieu luc khong"),
        ("hiệu lực từ bao h", "hieu luc tu bao gio"),
        ("TC số 2 tên j", "tieu chi so 2 ten gi"),
        ("xã dc công nhận", "xa duoc cong nhan"),
    ],
)
def test_chat_shorthand_is_read_in_full(typed: str, read: str) -> None:
    assert read in q(typed).folded


def test_tiers_not_yet_obtained_are_not_the_units() -> None:
    """ "Xã mới đạt chuẩn NTM thôi, chưa được công nhận nâng cao hay kiểu mẫu": a recognised NTM commune."""
    got = q("Xã mới đạt chuẩn NTM thôi, chưa được công nhận nâng cao hay kiểu mẫu gì cả.")
    assert (got.tier, got.not_recognised) == ("NTM", False)
    assert q("Xã chưa đạt chuẩn nông thôn mới thì theo bộ nào?").not_recognised
    assert q("xã đạt NTM nâng cao năm 2020").tier == "nâng cao"


def test_a_model_the_commune_registers_for_is_not_its_tier() -> None:
    """ "đăng ký xây dựng mô hình xã NTM thông minh": the model aimed at; the commune is a recognised NTM one."""
    got = q("Xã tôi đạt chuẩn nông thôn mới năm 2018. Tỉnh khuyến khích đăng ký xây dựng mô hình xã NTM thông minh.")
    assert got.tier == "NTM"
    assert q("Xã tôi muốn đạt xã NTM thông minh thì cần gì?").tier == "thông minh"


def test_the_commune_that_reached_a_tier_is_the_unit_asked_about() -> None:
    got = q("con xa trong huyen da dat kieu mau tu nam 2020 thi phai dap ung quy dinh nao?")
    assert (got.level, got.tier, got.recognition_year) == ("xã", "kiểu mẫu", 2020)
    assert q("huyện tôi có 5 xã đã đạt chuẩn").level == "huyện"


def test_the_year_places_were_reorganised_is_not_the_year_asked() -> None:
    """ "xã mới thành lập khi sắp xếp đơn vị hành chính năm 2025": the year the commune was formed, not the year
    the question is about (asked today, the set in force today applies)."""
    got = q(
        "Xã mới thành lập khi sắp xếp đơn vị hành chính năm 2025, xã cũ đạt chuẩn NTM theo QĐ 1980. Giờ theo bộ nào?"
    )
    assert (got.ask_year, got.recognition_year) == (None, None)
    assert q("Xã đạt chuẩn NTM năm 2015, năm 2025 phải rà soát theo bộ nào?").ask_year == 2025


def test_the_tier_a_recognition_obtained_names_is_the_units() -> None:
    """Another tier the question mentions (aimed at, or asked about) is not the unit's own."""
    got = q(
        "Huyện được công nhận đạt chuẩn huyện NTM nâng cao năm 2023. Có phải phấn đấu lên kiểu mẫu không và "
        "tiêu chí kiểu mẫu do ai quy định?"
    )
    assert got.tier == "nâng cao"
    assert q("Xã muốn được công nhận đạt chuẩn NTM kiểu mẫu thì phải làm gì?").tier == "kiểu mẫu"


def test_keeping_the_standard_is_what_the_unit_must_do() -> None:
    assert q("Đơn vị tôi đạt chuẩn NTM nâng cao năm 2023. Năm nay rà soát giữ chuẩn thì căn cứ phụ lục nào?").action


def test_the_year_after_a_documents_number_is_the_year_it_was_issued() -> None:
    assert q("Quyết định 691 năm 2018 có hiệu lực từ ngày nào và nay còn áp dụng không?").ask_year is None
    # The number written in full, and the clause about it ending at a comma.
    assert q("Ông nào ký Quyết định 491/QĐ-TTg năm 2009, và bộ tiêu chí đó thôi áp dụng từ ngày nào?").ask_year is None
    # Told right after a recognition, the year may date the recognition.
    assert q("Xã tôi đạt chuẩn kiểu mẫu theo QĐ 691 năm 2020, nay phải đáp ứng quy định nào?").recognition_year == 2020
    # Several numbers, one year: the year they were issued ("các QĐ 318, 319, 320 năm 2022").
    assert q("Từ ngày đó các QĐ 318, 319, 320 năm 2022 còn hiệu lực không?").ask_year is None
    assert q("Quyết định 318 và 320 năm 2022 có hiệu lực từ ngày nào?").ask_year is None


def test_a_named_commune_of_the_district_recognised_is_the_unit_asked_about() -> None:
    text = (
        "Tôi là cán bộ Văn phòng Điều phối NTM huyện Lạng Giang. Xã Tân Hưng của huyện được UBND tỉnh công nhận đạt "
        "chuẩn NTM nâng cao năm 2019. Xin hỏi nay phải đáp ứng bộ tiêu chí nào?"
    )
    assert q(text).level == "xã"


@pytest.mark.parametrize(
    "text",
    [
        "Xã có quyết định công nhận đạt chuẩn ký năm 2019 nhưng bản lưu không ghi rõ là chuẩn NTM, NTM nâng cao hay "
        "kiểu mẫu. Năm 2024 rà soát theo bộ nào?",
        "Tờ trình chỉ ghi xã được công nhận đạt chuẩn năm 2019, không ghi đạt chuẩn gì. Năm 2024 theo bộ nào?",
        "Xã được trao bằng công nhận năm 2020 nhưng tôi không nhớ là bằng nông thôn mới, nâng cao hay kiểu mẫu. Năm "
        "2024 theo bộ nào?",
        "Quyết định năm 2020 công nhận xã tôi đạt chuẩn bị mất trang đầu, không ai nhớ là chuẩn nông thôn mới, nâng cao "
        "hay kiểu mẫu. Xã phải rà soát theo bộ nào?",
    ],
)
def test_a_tier_the_asker_says_the_record_does_not_give_is_unknown(text: str) -> None:
    assert q(text).tier is None


def test_thi_before_xa_toi_is_not_a_town() -> None:
    assert q("Năm 2024 rà soát theo Công văn 14 thì xã tôi thuộc mục nào?").level == "xã"
    assert q("Thị xã tôi hoàn thành nhiệm vụ năm 2020, nay theo quy định nào?").level == "thị xã"


def test_ki_and_li_are_spellings_of_ky_and_ly() -> None:
    from assistant.understand import normalise_question

    assert normalise_question("Ai kí QĐ 319?").startswith("ai ky ")
    assert "quan ly" in normalise_question("quản lí nghĩa trang")
    assert "ty le tre suy dinh duong" in normalise_question("tỉ lệ trẻ suy dd thấp còi")


def test_km_is_kieu_mau_only_where_no_road_is_measured_and_budgets_are_spelt_out() -> None:
    from assistant.understand import normalise_question

    assert "kieu mau" in normalise_question("xã NTM KM năm 2024")
    assert "kieu mau" not in normalise_question("tỷ lệ km đường huyện đạt chuẩn")
    assert "kieu mau" not in normalise_question("đã cứng hóa 12 km kênh mương")
    assert "ngan sach nha nuoc" in normalise_question("tổng vốn NSNN bố trí bao nhiêu")


def test_the_district_a_commune_belongs_to_is_not_the_unit_asked() -> None:
    assert (
        q("Một xã an toàn khu thuộc huyện vừa thoát nghèo, chỉ tiêu 15.3 theo QĐ 318 phải đạt mức nào?").level == "xã"
    )
    # A district named as the unit is still the unit.
    assert q("Huyện tôi có 10 xã, xã thuộc huyện phải đạt gì để huyện đạt chuẩn?").level == "huyện"


def test_a_commune_that_reached_the_finish_line_in_a_year_was_recognised_then() -> None:
    # "về đích" is how officials say a unit reached the standard; the year may come before it or after it.
    assert q("Năm 2013 xã về đích nông thôn mới. Nay xã phải rà soát theo bộ nào?").recognition_year == 2013
    assert q("Xã tôi về đích nông thôn mới năm 2016, nay theo bộ nào?").recognition_year == 2016


def test_the_time_of_a_recognition_names_the_set_of_that_time() -> None:
    got = q("Hồi xét công nhận nông thôn mới năm 2018, tỷ lệ học sinh tốt nghiệp THCS được học tiếp áp mức bao nhiêu?")
    assert (got.recognition_year, got.period) == (2018, "2016-2020")


def test_a_period_offered_as_a_guess_after_which_set_is_not_the_set_named() -> None:
    got = q("Xã đạt chuẩn NTM năm 2015. Năm 2024 xã phải giữ chuẩn theo bộ tiêu chí nào, bộ 2026-2030 hay bộ khác?")
    assert (got.ask_year, got.period) == (2024, None)
    # A period the question names as the set's, without offering a choice, is still the set's.
    assert q("Bộ tiêu chí 2026-2030 có bao nhiêu tiêu chí?").period == "2026-2030"


def test_one_marked_word_does_not_make_a_question_typed_with_marks() -> None:
    # "vây" carries a mark; the rest is typed without: "xa" is still "xã".
    assert q("xa dat chuan ntm km nam 2020 gio giu chuan theo qd nao vây").level == "xã"
    # Typed with marks, "xa" (far) is not a commune.
    assert q("Thôn ở xa trung tâm huyện thì tiêu chí giao thông tính thế nào?").level == "huyện"


def test_a_period_right_after_theo_bo_is_the_sets() -> None:
    assert q("Còn xã mới chỉ đạt chuẩn NTM theo bộ 2016-2020 thì mức đó là mấy phần trăm?").period == "2016-2020"


def test_pl_before_a_number_is_an_annex() -> None:
    from assistant.understand import normalise_question

    assert normalise_question("PL I của QĐ 51/2025 quy định gì?").startswith("phu luc i cua quyet dinh 51/2025")
    assert "phu luc 2" in normalise_question("pl 2 qd 318")
    assert "phu luc" not in normalise_question("PL chính trị")  # no number after it: not an annex


def test_raising_a_skill_is_no_tier() -> None:
    assert q("bộ tiêu chí 2026-2030 còn chấm đào tạo nghề, nâng cao tay nghề cho lao động không?").tier != "nâng cao"
    assert q("Xã nâng cao trình độ cán bộ thế nào?").tier is None
    assert q("Xã NTM nâng cao phải đạt bao nhiêu tiêu chí?").tier == "nâng cao"


def test_a_year_before_not_yet_recognised_is_the_time_asked_and_a_recognitions_date_keeps_its_year() -> None:
    got = q("Năm 2023 huyện vẫn chưa đạt chuẩn nông thôn mới thì áp dụng bộ tiêu chí nào?")
    assert got.recognition_year is None and got.ask_year == 2023 and got.not_recognised
    got = q("Xã được công nhận nông thôn mới vào ngày 20/4/2022, nay phải giữ chuẩn theo bộ nào?")
    assert got.recognition_year == 2022
    # A document's date is not a recognition's.
    assert q("Công văn 14 ngày 03/11/2023 giao các tỉnh làm gì?").recognition_year is None
    # "theo 1980" names the decision, not a year.
    got = q("Xã đạt chuẩn theo 491 thì nay có phải đạt lại theo 1980 nữa không?")
    assert got.recognition_year is None and got.ask_year is None and got.action


def test_a_recognised_unit_asking_where_it_stands_or_what_a_dispatch_asks_of_it_wants_its_rule() -> None:
    assert q("Huyện đã đạt chuẩn theo 558 thì bây giờ ra sao?").action
    assert q("Công văn 5766 yêu cầu xã đã đạt chuẩn NTM kiểu mẫu những gì?").action
    assert not q("Quyết định 318 yêu cầu xã những gì?").action


def test_a_units_recognition_told_without_a_question_wants_what_applies() -> None:
    told = q("Huyện em đạt chuẩn nông thôn mới từ năm 2016 ạ.")
    assert told.action and "todo" in read_need(told, lambda _: None).asks
    # A question about something else is that question.
    asked = q("Huyện em đạt chuẩn nông thôn mới từ năm 2016, tiêu chí giao thông gồm mấy chỉ tiêu?")
    assert not asked.action
    # Nothing told of a recognition: nothing to resolve.
    assert not q("Huyện em ở vùng núi.").action
