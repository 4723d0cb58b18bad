"""What a question asks: kinds of question, every criterion and section named, documents the corpus
does not hold, the period, the year a document was issued."""

import pytest

from assistant.asks import MAP_DOCUMENT, read_need
from assistant.doc_numbers import display_number
from assistant.understand import MAP_CUES, NAMED_SETS, understand

HELD = {"318/qd-ttg", "320/qd-ttg", "491/qd-ttg", "1345/bnn-vpdp", "51/2025/qd-ttg", "14/bcdctmtqg"}


def known(typed: str) -> str | None:
    """A stand-in for the registry: numbers held, by their leading part or full folded form."""
    first = typed.split("/")[0]
    if typed in HELD or (first in NAMED_SETS and "/" not in typed):
        return typed
    return next((h for h in HELD if h.startswith(typed + "/") or h == typed), None)


def need_of(question: str):
    return read_need(understand(question), known)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Quyết định 558/QĐ-TTg do ai ký?", {"who"}),
        ("Bộ tiêu chí 2016-2020 do Phó Thủ tướng nào ký?", {"who"}),
        ("Huyện phải có bao nhiêu % số xã đạt chuẩn?", {"threshold"}),
        ("Văn bản 1345/BNN-VPĐP do cơ quan nào ban hành, ai ký, ngày nào?", {"issuer", "who", "when"}),
        ("Quyết định 319/QĐ-TTg có hiệu lực từ ngày nào?", {"in_force", "when"}),
        ("Quyết định 51/2025/QĐ-TTg đã chính thức ban hành và có hiệu lực chưa?", {"when", "in_force"}),
        # Which section or case of a dispatch: where, not a level ("mục" and "mức" fold alike).
        ("Xã tôi đạt chuẩn NTM năm 2019, theo Công văn 14 thì xã thuộc mục nào?", {"where"}),
        ("Xã đạt chuẩn năm 2022 thì thuộc trường hợp nào trong Công văn 14?", {"where"}),
        ("Bộ tiêu chí 2026-2030 vẫn còn là dự thảo à?", {"when"}),
        ("Quyết định 691/QĐ-TTg ban hành ngày nào và quy định những gì?", {"when", "contents"}),
        ("342 sửa tiêu chí thu nhập thế nào?", {"amends"}),
        ("Bộ tiêu chí 2026-2030 có bao nhiêu tiêu chí?", {"count"}),
        ("Thu nhập bình quân vùng Đông Nam Bộ là bao nhiêu?", {"threshold"}),
        ("Tỷ lệ hộ nghèo phải dưới bao nhiêu phần trăm?", {"threshold"}),
        ("Xã đạt chuẩn năm 2017 thì năm 2023 phải làm gì?", {"todo"}),
        ("Báo cáo kết quả định kỳ mấy tháng một lần?", {"report", "count"}),
        ("Xã nhóm 1 là xã nào?", {"definition"}),
        ("xa nhom 3 trong bo tieu chi 2026-2030 la xa nhu the nao", {"definition"}),
        ("Quyết định 319 ban hành ngày nào và quy định những điều kiện gì?", {"when", "contents"}),
        ("Những văn bản nào quy định bộ tiêu chí giai đoạn 2021-2025?", {"which", "list"}),
        # On what it was issued is its basis; the document it serves is a relation.
        ("Quyết định 318 được ban hành căn cứ quyết định nào?", {"basis"}),
        ("Trong phần căn cứ của Quyết định 320 có dẫn nghị định nào?", {"basis"}),
        ("Quyết định 18/2022 áp dụng cho bộ tiêu chí xã của quyết định nào?", {"amends", "which"}),
        ("Phân loại rác tại nguồn là chỉ tiêu số mấy, thuộc tiêu chí nào?", {"indicator"}),
        ("Bộ 2026-2030 có tiêu chí nào riêng về đào tạo nghề không?", {"indicator"}),
        ("chỉ tiêu này là số mấy trong tiêu chí y tế?", {"indicator"}),
        ("Nghị quyết 424 căn cứ nghị định nào?", {"basis"}),
        ("Công văn 5766 do ông Đặng Xuân Trường ký với chức danh gì?", {"who"}),
        ("Các bộ tiêu chí xã đã thay nhau thế nào từ năm 2009 đến nay?", {"history"}),
        ("Xã tôi thu nhập 45 triệu đã đạt tiêu chí thu nhập chưa?", {"judge"}),
        ("Xã có 23% trẻ thấp còi thì đạt hay không đạt?", {"judge"}),
        # What replaced it, asked with the verb after the asked document.
        ("bộ tiêu chí năm 2009 bị văn bản nào thay?", {"amends"}),
        # The law or decision a document rests on, asked by its year or by whether two share it.
        ("qd 491 can cu luat to chuc chinh phu ban hanh nam nao", {"basis"}),
        ("Ba quyết định 318, 319, 320 có căn cứ cùng một quyết định không?", {"basis"}),
        # A document asked what it is about; a list asked who approved it.
        ("Nghị định 272/2025 về gì?", {"contents"}),
        ("Danh sách thôn đặc biệt khó khăn do ai phê duyệt?", {"issuer"}),
        # The level to reach, and a sum of money, asked with "bao nhiêu" alone: figures, not counts.
        ("Xã nhóm 3 cần đạt tiêu chí y tế bao nhiêu?", {"threshold"}),
        ("Vốn chương trình MTQG 2026-2030 bao nhiêu?", {"threshold"}),
        ("Có mấy bộ tiêu chí xã nông thôn mới?", {"count"}),
        ("Xã tôi áp dụng bộ nào?", {"set"}),
        # Documents asked for: those a signer signed, the newest.
        ("Các quyết định do ông Trần Hồng Hà ký?", {"which"}),
        ("Công văn mới nhất trong kho là gì?", {"which"}),
    ],
)
def test_kinds_of_question(question: str, asks: set[str]) -> None:
    assert asks <= need_of(question).asks, need_of(question).asks


def test_a_count_or_a_list_remembers_what_it_counts() -> None:
    assert need_of("Bộ tiêu chí 2026-2030 có bao nhiêu tiêu chí?").counted == "tieu chi"
    assert need_of("Có bao nhiêu tỉnh có 100% số xã đạt chuẩn?").counted == "tinh"
    assert need_of("Quyết định 318 ban hành những bộ tiêu chí nào?").listed == "bo tieu chi"
    assert need_of("CV 14 còn giao những nhiệm vụ chung nào?").listed == "nhiem vu chung"


@pytest.mark.parametrize(
    ("question", "criteria", "sections"),
    [
        ("Tiêu chí số 14 và số 16 của bộ tiêu chí xã NTM là gì?", [14, 16], []),
        ("tieu chi 2, 3 va 5 cua QD 491", [2, 3, 5], []),
        ("Điều 2 Quyết định 318 giao nhiệm vụ gì?", [], ["Điều 2"]),
        ("Khoản 3 Điều 2 QĐ 1980 giao Bộ NN&PTNT nhiệm vụ gì", [], ["Khoản 3", "Điều 2"]),
        ("Phụ lục III của Quyết định 320 quy định gì?", [], ["Phụ lục III"]),
        ("Mục 6 Công văn 14 nói gì?", [], ["Mục 6"]),
        # "danh mục văn bản" holds no Mục V: a roman numeral is a whole word
        ("Tôi đang đối chiếu danh mục văn bản: văn bản nào còn hiệu lực?", [], []),
        # A part named to compare the period asked about with is not asked about; without a period, it is.
        ("Giai đoạn 2026-2030 có còn bộ tiêu chí nâng cao riêng như Phụ lục II của QĐ 318 không?", [], []),
        ("Bộ tiêu chí xã nâng cao có giống như Phụ lục II của QĐ 318 không?", [], ["Phụ lục II"]),
    ],
)
def test_every_criterion_and_section_named(question: str, criteria: list[int], sections: list[str]) -> None:
    n = need_of(question)
    assert n.criteria == criteria and n.sections == sections
    assert {("criterion", str(c)) for c in criteria} <= n.atoms


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Thông tư 41/2013/TT-BNNPTNT hướng dẫn những gì?", ["Thông tư 41/2013/TT-BNNPTNT"]),
        ("Nghị định số 27/2022/NĐ-CP quy định gì?", ["Nghị định 27/2022/NĐ-CP"]),
        ("Quyết định 18/2022/QĐ-TTg quy định hồ sơ gì?", ["Quyết định 18/2022/QĐ-TTg"]),
        ("Nghị quyết 19-NQ/TW về nông thôn đặt mục tiêu gì?", ["Nghị quyết 19-NQ/TW"]),
        ("Quyết định 318/QĐ-TTg do ai ký?", []),
        ("QĐ 320 thay thế văn bản nào?", []),
        ("Quyết định 51/2025/QĐ-TTg có hiệu lực từ ngày nào?", []),
        ("Kế hoạch 5 năm của xã gồm gì?", []),
        ("theo TTLT 13/2011/TTLT-BXD-BNNPTNT quy định gì", ["Thông tư liên tịch 13/2011/TTLT-BXD-BNNPTNT"]),
        ("Thông tư liên tịch số 13/2011 quy định gì", ["Thông tư liên tịch 13/2011"]),
        ("Theo Luật Hợp tác xã số 17/2023/QH15 thì HTX cần mấy thành viên?", ["Luật 17/2023/QH15"]),
        ("Nghị định về cơ chế đặc thù số 27/2022/NĐ-CP quy định gì?", ["Nghị định 27/2022/NĐ-CP"]),
        # One document named in full and by its bare number, in either order, is named once.
        ("Công văn 4508/BNN-VPĐP hướng dẫn gì; công văn 4508 yêu cầu báo cáo khi nào?", ["Công văn 4508/BNN-VPĐP"]),
        ("Công văn 4508 yêu cầu gì? Tôi có bản Công văn 4508/BNN-VPĐP rồi.", ["Công văn 4508/BNN-VPĐP"]),
    ],
)
def test_documents_the_corpus_does_not_hold(question: str, missing: list[str]) -> None:
    assert [r.display for r in need_of(question).missing] == missing


def test_period_and_issue_year() -> None:
    assert need_of("Bộ tiêu chí giai đoạn 2026-2030 gồm những gì?").period == "2026-2030"
    assert need_of("Bộ tiêu chí ban hành năm 2009 có bao nhiêu tiêu chí?").issued_year == 2009
    assert need_of("Những văn bản nào quy định bộ tiêu chí giai đoạn 2021-2025?").lists_documents


def test_display_number_restores_the_official_spelling() -> None:
    assert display_number("Quyết định", "18/2022/qd-ttg") == "Quyết định 18/2022/QĐ-TTg"
    assert display_number("Thông tư", "41/2013") == "Thông tư 41/2013"


def test_an_amount_of_money_and_a_procedure_in_the_asking_clause() -> None:
    assert need_of("Hộ nghèo được hỗ trợ bao nhiêu tiền để xây nhà?").money
    assert not need_of("Thu nhập bình quân đầu người phải đạt bao nhiêu triệu đồng?").money
    assert need_of("Tôi là cán bộ xã. Xin hỏi hồ sơ đề nghị công nhận gồm những gì?").procedure
    assert not need_of("Huyện đang chuẩn bị hồ sơ. Xin hỏi số xã đạt chuẩn đã đủ chưa?").procedure


def test_a_per_person_income_asked_as_bao_nhieu_trieu_is_a_threshold() -> None:
    asks = need_of("Thu nhập bình quân đầu người phải đạt là bao nhiêu triệu đồng/người?").asks
    assert "threshold" in asks and "count" not in asks


def test_the_set_that_replaced_a_document_is_its_amendment_not_the_set_to_meet() -> None:
    need = need_of(
        "Khung tiêu chí xã NTM nâng cao hướng dẫn tại CV 1345/BNN-VPĐP nay đã được thay bằng bộ tiêu chí nào?"
    )
    assert "amends" in need.asks and not need.asks & {"set", "todo"}
    # A unit recognised in a year asks the set it must meet now.
    own = need_of(
        "Huyện được công nhận đạt chuẩn năm 2022. Nay còn đánh giá theo QĐ 320 nữa không, hay thay bằng bộ nào?"
    )
    assert "set" in own.asks


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Tổng số chỉ tiêu của bộ tiêu chí xã 2021-2025 và bộ 2026-2030 lần lượt là bao nhiêu?", "chi tieu"),
        ("Số lượng tiêu chí của bộ tiêu chí năm 2009 là bao nhiêu?", "tieu chi"),
    ],
)
def test_the_number_of_criteria_or_indicators_is_bao_nhieu_is_a_count(question: str, counted: str) -> None:
    need = need_of(question)
    assert "count" in need.asks and "threshold" not in need.asks
    assert need.counted == counted
    # A figure asked in the same words stays a figure.
    assert "threshold" in need_of("Tỷ lệ hộ nghèo của xã là bao nhiêu?").asks


@pytest.mark.parametrize(
    ("question", "about_the_map"),
    [
        ("nghị quyết sáp nhập tỉnh năm 2025 của Quốc hội là nghị quyết số bao nhiêu?", True),
        ("Văn bản sắp xếp đơn vị hành chính cấp tỉnh ban hành ngày nào?", True),
        ("Sáp nhập xã thì xã mới theo bộ tiêu chí nào?", False),
    ],
)
def test_the_document_of_the_2025_map_named_by_what_it_does(question: str, about_the_map: bool) -> None:
    assert bool(MAP_DOCUMENT.search(understand(question).folded)) is about_the_map


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("Giai đoạn trước xã được phân định theo Quyết định 33/2020/QĐ-TTg. Còn nay theo văn bản nào?", True),
        ("Tôi đọc Thông tư 41/2013/TT-BNNPTNT. Xin hỏi thông tư này hướng dẫn những gì?", False),
        ("Nghị quyết 19-NQ/TW năm 2022 đặt mục tiêu bao nhiêu phần trăm số xã đạt chuẩn?", False),
        # A plan pointed back at by its kind: "theo kế hoạch đó" asks about the plan the corpus lacks.
        (
            "Tỉnh đã ban hành Kế hoạch 203/KH-UBND năm 2026 triển khai QĐ 51/2025/QĐ-TTg. Theo kế hoạch đó, đến năm 2030 "
            "tỉnh phấn đấu bao nhiêu xã đạt chuẩn?",
            False,
        ),
    ],
)
def test_a_document_not_held_named_only_beside_the_question(question: str, aside: bool) -> None:
    """What is asked may still be answered when the missing document is only named in a preamble; never when
    the asking clause names it or points back at it ("thông tư này")."""
    n = need_of(question)
    assert n.missing and n.missing_aside is aside


def test_periods_compared() -> None:
    assert need_of("theo bộ 2016-2020 thì bao nhiêu %, sang bộ 2021-2025 thì bao nhiêu %?").periods == [
        "2016-2020",
        "2021-2025",
    ]
    assert need_of("Bộ tiêu chí giai đoạn 2021-2025 có bao nhiêu tiêu chí?").periods == []
    # The kiểu mẫu and nâng cao sets of 2018-2020 have a period of their own.
    assert need_of("xã kiểu mẫu giai đoạn 2018-2020 và giai đoạn 2021-2025 khác nhau thế nào?").periods == [
        "2018-2020",
        "2021-2025",
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("quyết định ban hành bộ tiêu chí đó do ai ký", "quyet dinh"),
        ("nghị quyết ấy được thông qua ngày nào", "nghi quyet"),
        ("văn bản này có hiệu lực không", "van ban"),
    ],
)
def test_a_part_pointing_back_at_a_document_by_its_kind(text: str, kind: str) -> None:
    from assistant.doc_refs import POINTED
    from corpus.normalize import fold

    found = POINTED.search(fold(text).lower())
    assert found is not None and found.group(1) == kind
    assert POINTED.search(fold("quyết định ban hành bộ tiêu chí giai đoạn 2026-2030").lower()) is None


def test_which_ministry_issued_is_the_issuer() -> None:
    assert "issuer" in need_of("Quyết định 60/QĐ-BDTTG do bộ nào ban hành?").asks


def test_replaced_documents_asked_tersely() -> None:
    assert "amends" in need_of("QĐ này thay những QĐ nào?").asks
    assert "basis" in need_of("QĐ1980 căn cứ NQ nào của QH vậy?").asks


@pytest.mark.parametrize(
    ("question", "held"),
    [
        ("2540 co hieu luc tu ngay nao vay ae", ["2540/QĐ-TTg"]),
        ("theo 417 thì mục tiêu đến năm 2030 là gì", ["417/QĐ-BNNMT"]),
        ("thôn có 417 hộ dân thì đạt chưa", []),
        ("có 211 xã đạt chuẩn", []),
    ],
)
def test_a_held_documents_bare_number_where_the_words_say_it_is_one(question: str, held: list[str]) -> None:
    from assistant.service import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings(_env_file=None))
    query = understand(question)
    read_need(query, assistant.known_number)
    assert [s for s in query.sets if s in ("2540/QĐ-TTg", "417/QĐ-BNNMT", "211/QĐ-TTg")] == held


def test_which_regions_levels_apply_is_its_own_kind_of_question() -> None:
    asks = need_of("Xã ATK thuộc huyện nghèo phải áp mức đạt chuẩn của vùng Duyên hải hay được áp mức vùng khác?").asks
    assert "region_level" in asks
    assert "region_level" not in need_of("Tỷ lệ hộ nghèo của xã vùng Tây Nguyên phải dưới bao nhiêu?").asks


@pytest.mark.parametrize(
    ("question", "held_asked"),
    [
        ("Theo QĐ 18/2022 thì xã phải không phức tạp về an ninh. Vậy Công văn 3371/BCA-V05 hướng dẫn thế nào?", False),
        ("Thông tư 41/2013/TT-BNNPTNT hướng dẫn Quyết định 491 thế nào?", True),
    ],
)
def test_a_held_document_named_in_the_asking_clause(question: str, held_asked: bool) -> None:
    from assistant.service import Assistant
    from assistant.settings import Settings

    query = understand(question)
    need = read_need(query, Assistant(Settings(_env_file=None)).known_number)
    assert need.missing and query.sets and need.held_asked is held_asked


def test_a_list_of_several_kinds_of_things_and_a_province_merged_into_another() -> None:
    assert "list" in need_of("Những tỉnh, thành phố nào được giữ nguyên sau sắp xếp năm 2025?").asks
    assert MAP_CUES.search("the con bac lieu thi nhap vao dau?")


@pytest.mark.parametrize(
    "question",
    [
        "Xã đạt chuẩn NTM nâng cao năm 2022, năm 2025 giữ chuẩn theo bộ nào?",
        "xa dat NTM nang cao nam 2020, nam 2027 co con phai theo phu luc II QD 318 ko",
        "Đơn vị tôi được công nhận NTM nâng cao năm 2023. Năm nay rà soát giữ chuẩn thì căn cứ phụ lục nào?",
    ],
)
def test_which_set_a_unit_keeps_its_standard_by_is_what_it_must_do(question: str) -> None:
    assert "todo" in need_of(question).asks


def test_the_sections_asked_are_those_after_xin_hoi() -> None:
    question = (
        "Quyết định 319/QĐ-TTg không có phụ lục, nội dung chính nằm ở Điều 1 và Điều 2. "
        "Xin hỏi Điều 3 của Quyết định 319/QĐ-TTg quy định gì?"
    )
    assert need_of(question).sections == ["Điều 3"]
    assert need_of("Cho hỏi Phụ lục II QĐ 318 và Mục 3 CV 14 nói gì?").sections == ["Phụ lục II", "Mục 3"]


def test_a_sets_period_is_not_the_year_it_was_issued() -> None:
    assert need_of("Theo bộ tiêu chí 2026-2030, xã nhóm 2 phải đạt tỷ lệ BHYT bao nhiêu?").issued_year is None
    assert need_of("Bộ tiêu chí năm 2009 có bao nhiêu tiêu chí?").issued_year == 2009


def test_the_number_of_the_law_a_document_rests_on_asks_its_basis() -> None:
    assert "basis" in need_of("QĐ 51/2025 căn cứ Luật Tổ chức Chính phủ số mấy?").asks


@pytest.mark.parametrize(
    ("question", "which_set", "in_words"),
    [
        ("Xã mình đang mang danh hiệu xã NTM kiểu mẫu, năm 2024 xã cần đáp ứng quy định của văn bản nào?", True, False),
        ("Khi giám sát việc duy trì thì lấy bộ tiêu chí nào làm mốc để đối chiếu?", True, True),
        ("Năm 2026 tỉnh còn đánh giá theo QĐ 320 nữa không, hay thay bằng bộ nào?", True, True),
        ("Phòng kinh tế chấm điểm theo bộ tiêu chí của QĐ 318 có đúng ko, hay phải theo bộ khác?", True, True),
        # "chấm bộ nào": the set scored against, named right after the verb.
        ("xa em dat ntm nam 2014, nam nay tinh phuc tra thi cham bo nao", True, True),
        ("xa dat chuan ntm tu nam 2023 co phai cham lai theo bo moi ko", True, True),
        # "còn chấm theo Phụ lục III QĐ 320 nữa không": whether the set named is still the one.
        ("huyện đạt NTM nâng cao năm 2023 thì giờ còn chấm theo PL III QĐ 320 nữa ko", True, False),
        # "vs" is chat shorthand for "với".
        ("xa e dc cong nhan kieu mau tu 2019, gio ra soat lai thi doi chieu vs van ban nao vay", True, True),
        # A decision's sets, a document's status, a rule of another kind: not which set a unit is held to.
        ("QĐ 211/QĐ-TTg sửa đổi những bộ tiêu chí nào của giai đoạn 2021-2025?", False, False),
        ("QĐ 319 về xã kiểu mẫu bây h còn áp dụng ko?", False, False),
        ("Con tôi vào lớp 1 trường của xã NTM kiểu mẫu thì tuyển sinh theo quy định nào?", True, False),
    ],
)
def test_which_set_a_unit_is_held_to_is_its_own_kind_of_question(
    question: str, which_set: bool, in_words: bool
) -> None:
    need = need_of(question)
    assert ("set" in need.asks) == which_set
    assert need.criteria_set_asked == in_words


def test_a_procedure_is_asked_only_with_what_asks_about_it() -> None:
    assert need_of("Hồ sơ đề nghị công nhận xã đạt chuẩn gồm những gì?").procedure
    assert need_of("Thủ tục xét công nhận thế nào?").procedure
    # A file named as context is no procedure asked.
    assert not need_of("Hồ sơ xã đạt chuẩn năm 2019 chấm chỉ tiêu lao động theo mức nào?").procedure
    assert not need_of("Xã làm hồ sơ kiểu mẫu theo QĐ 691, tiêu chí môi trường phải đạt bao nhiêu %?").procedure


def test_a_period_after_a_plan_is_no_document_number_and_a_full_number_names_a_held_document() -> None:
    assert need_of("Tỉnh đang làm kế hoạch 2026-2030 thì huyện phấn đấu theo bộ nào?").missing == []
    held = {"25/2021/qh15": "25/2021/QH15", "257/2025/qh15": "257/2025/QH15"}
    query = understand("Hai nghị quyết của Quốc hội là 25/2021/QH15 và 257/2025/QH15 thông qua ở kỳ họp nào?")
    assert read_need(query, held.get).missing == []
    assert set(query.sets) == {"25/2021/QH15", "257/2025/QH15"}


def test_a_standard_typed_by_its_code_is_a_document_the_corpus_lacks() -> None:
    need = need_of("Theo QCVN 01-1:2018/BYT nước sạch phải xét nghiệm bao nhiêu thông số?")
    assert [r.display for r in need.missing] == ["Quy chuẩn kỹ thuật quốc gia QCVN 01-1:2018/BYT"]


def test_a_document_asked_in_any_sentence_that_asks_is_not_an_aside() -> None:
    need = need_of("QĐ 353/QĐ-TTg năm 2022 có bao nhiêu huyện nghèo? Xã tôi có tên trong danh sách không?")
    assert need.missing and not need.missing_aside


def test_a_duty_is_asked_by_who_is_given_a_task() -> None:
    assert "duty" in need_of("Theo QĐ 558 UBND tỉnh có trách nhiệm gì?").asks
    assert "duty" in need_of("QĐ 491 giao bộ nào chủ trì hướng dẫn?").asks
    assert "duty" not in need_of("Xã rà soát thì đối chiếu bộ tiêu chí nào?").asks


def test_which_documents_cite_a_number_is_its_own_kind_of_question() -> None:
    """ "Văn bản nào dẫn chiếu X" lists what cites X; "X được ban hành căn cứ quyết định nào" asks X's own bases."""
    assert "cites" in need_of("Văn bản nào trong kho dẫn chiếu Quyết định 2540/QĐ-TTg?").asks
    assert "cites" in need_of("QĐ 800/QĐ-TTg được những văn bản nào trong kho lấy làm căn cứ?").asks
    assert "cites" not in need_of("Quyết định 342/QĐ-TTg được ban hành căn cứ quyết định nào?").asks


def test_which_of_two_documents_came_first_asks_their_dates() -> None:
    assert "when" in need_of("NQ 424/NQ-CP và QĐ 417/QĐ-BNNMT, văn bản nào được ban hành trước?").asks
    assert "when" not in need_of("Trước khi ban hành bộ tiêu chí mới, xã phải làm gì?").asks


def test_a_held_document_named_in_brackets_is_an_aside_beside_a_missing_one() -> None:
    need = need_of(
        "Nghị định 85/2025/NĐ-CP (NQ 424/NQ-CP có dẫn trong phần căn cứ) quy định UBND xã lập kế hoạch thế nào?"
    )
    assert need.missing and not need.held_asked


def test_a_held_document_in_a_piece_that_asks_nothing_is_an_aside() -> None:
    need = need_of(
        "Công văn 14/BCĐCTMTQG thì tôi đọc rồi; nhờ cho biết công văn 4508/BNN-VPĐP yêu cầu báo cáo trước ngày nào?"
    )
    assert need.missing and not need.held_asked
    assert need_of("Công văn 14/BCĐCTMTQG và công văn 4508/BNN-VPĐP giao việc gì?").held_asked


def test_an_ordinal_names_a_criterion_by_its_number() -> None:
    from assistant.understand import understand

    assert understand("Bộ tiêu chí xã 2026-2030, tiêu chí thứ 8 là gì?").criterion == 8
    assert understand("tieu chi thu 12 cua bo 2009 ten la gi").criterion == 12


def test_a_held_document_that_only_describes_the_missing_one_is_not_asked() -> None:
    held = need_of("Quyết định 1689/QĐ-TTg ban hành kế hoạch triển khai Quyết định 318/QĐ-TTg giao bộ nào chủ trì?")
    assert held.missing and not held.held_asked
    both = need_of("Quyết định 1689/QĐ-TTg và Quyết định 318/QĐ-TTg giao bộ nào chủ trì?")
    assert both.missing and both.held_asked


def test_two_tiers_sets_named_are_each_asked() -> None:
    both = need_of(
        "Tiêu chí số 15 trong bộ tiêu chí xã NTM và tiêu chí số 15 trong bộ tiêu chí xã NTM nâng cao có giống nhau?"
    )
    assert both.tiers == ["NTM", "nâng cao"]
    assert need_of("Tiêu chí số 15 trong bộ tiêu chí xã NTM nâng cao là gì?").tiers == []
    # Named by its full title ("Bộ tiêu chí quốc gia về xã …") too.
    titled = need_of(
        "Trong Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao, tiêu chí Y tế có khác bộ tiêu chí xã NTM không?"
    )
    assert titled.tiers == ["NTM", "nâng cao"]


def test_a_figure_under_a_level_a_group_and_a_section_asked_are_not_counts() -> None:
    need = need_of("Tỷ lệ trẻ suy dinh dưỡng thể thấp còi phải dưới mức bao nhiêu?")
    assert "threshold" in need.asks and "count" not in need.asks
    assert "count" not in need_of("Xã khu vực III được xếp là xã nhóm mấy?").asks
    need = need_of("Quy định thị xã hoàn thành nhiệm vụ nằm ở phụ lục số mấy của QĐ 320?")
    assert "where" in need.asks and "count" not in need.asks
    assert "count" in need_of("Quyết định 51/2025/QĐ-TTg có mấy phụ lục?").asks


@pytest.mark.parametrize(
    "question",
    [
        "Xã phải đối chiếu các điều kiện kiểu mẫu ở văn bản nào?",
        "Huyện đối chiếu bộ tiêu chí huyện của văn bản nào?",
        "Năm nay rà soát thì chấm theo phụ lục nào, quyết định số mấy?",
        "Đánh giá mức độ duy trì theo bộ tiêu chí nào?",
    ],
)
def test_the_text_a_unit_is_measured_against_is_the_set_asked(question: str) -> None:
    need = need_of(question)
    assert "set" in need.asks
    assert need.criteria_set_asked


def test_comparing_two_texts_asks_no_set() -> None:
    assert "set" not in need_of("Quyết định 318 khác gì Quyết định 1980?").asks


def test_the_new_period_is_the_one_of_the_date_asked_not_a_fixed_one() -> None:
    # "giai đoạn mới" is read against the date of the answer (needs.full_need), not set here to 2026-2030.
    assert need_of("Xã kiểu mẫu đối chiếu điều kiện của giai đoạn mới ở văn bản nào?").period is None


def test_a_two_digit_number_names_a_held_document_only_after_its_kinds_word() -> None:
    from assistant.doc_numbers import same_kind as _same_kind

    assert _same_kind("quyet dinh", "60/QĐ-BDTTG") and _same_kind("nghi dinh", "272/2025/NĐ-CP")
    assert not _same_kind("cong van", "60/QĐ-BDTTG") and not _same_kind("quyet dinh", "14/BCĐCTMTQG")


def test_a_province_is_asked_about_when_the_question_counts_what_it_has() -> None:
    assert ("province", "Lai Châu") in need_of(
        "Theo danh sách mới, toàn tỉnh Lai Châu có bao nhiêu xã khu vực III?"
    ).atoms
    assert ("province", "Cao Bằng") in need_of("Tỉnh Cao Bằng hiện có bao nhiêu xã khu vực III?").atoms
    # A province that only places the commune selects its region; it is not what is asked about.
    atoms = need_of("Xã tôi ở Lai Châu, thu nhập bình quân phải đạt bao nhiêu?").atoms
    assert not any(a[0] == "province" for a in atoms)


def test_gap_may_lan_asks_a_ratio_not_a_count_of_times() -> None:
    need = need_of("xã kiểu mẫu theo QĐ 691 thì thu nhập phải gấp mấy lần lúc đạt chuẩn?")
    assert "threshold" in need.asks and "count" not in need.asks
    assert "count" in need_of("QĐ 318 đã được sửa đổi mấy lần?").asks


def test_each_part_naming_a_year_asks_the_figure_of_that_years_set() -> None:
    q = "Yêu cầu về bảo hiểm y tế thế nào? Cụ thể năm 2014 phải đạt bao nhiêu, năm 2019 phải đạt bao nhiêu?"
    assert need_of(q).periods == ["2010-2015", "2016-2020"]
    # One year asked, or two years of one period: one set.
    assert need_of("Xã đạt chuẩn năm 2014, năm 2024 tỷ lệ bảo hiểm y tế phải đạt bao nhiêu?").periods == []
    assert need_of("Năm 2017 phải đạt bao nhiêu, năm 2019 phải đạt bao nhiêu?").periods == []
    # Two communes recognised in two periods, a figure asked of each.
    q = "Xã A đạt chuẩn năm 2015, xã B năm 2019. Thu nhập mỗi xã phải đạt bao nhiêu triệu đồng?"
    assert need_of(q).periods == ["2010-2015", "2016-2020"]


@pytest.mark.parametrize(
    ("question", "document_requires"),
    [
        ("QĐ 319 quy định xã kiểu mẫu phải đáp ứng những điều kiện gì?", True),
        ("Theo Quyết định 320, huyện nâng cao quy định cần đáp ứng tiêu chí nào?", True),
        ("Xã nâng cao theo QĐ 1345 cần đáp ứng những điều kiện gì?", True),
        # A unit recognised under the document named asks which set holds it now.
        ("Xã đạt chuẩn NTM theo Quyết định 1980 thì giờ phải đáp ứng bộ tiêu chí nào?", False),
        # A unit told with its recognition asks what it must do.
        ("Xã đạt chuẩn năm 2019, QĐ 318 quy định xã phải đáp ứng tiêu chí nào?", False),
    ],
)
def test_what_a_named_document_requires_is_listed_not_a_units_duty(question: str, document_requires: bool) -> None:
    asks = need_of(question).asks
    assert ("todo" not in asks and "list" in asks) is document_requires


def test_a_provinces_region_is_asked_by_thuoc_vung_nao() -> None:
    assert "region_of" in need_of("Tỉnh Điện Biên thuộc vùng kinh tế - xã hội nào?").asks
    # The level of a region applied is another question (which region's figure a commune takes).
    assert "region_of" not in need_of("Xã tôi áp dụng mức của vùng nào?").asks


def test_what_a_named_periods_set_requires_is_a_list_not_a_units_task() -> None:
    need = need_of("Huyện NTM giai đoạn 2021-2025 phải đáp ứng những gì?")
    assert "list" in need.asks and "todo" not in need.asks
    # A unit with a recognition told asks what it must do.
    need = need_of("Huyện tôi đạt chuẩn năm 2017, giai đoạn 2021-2025 phải đáp ứng những gì?")
    assert "todo" in need.asks


def test_a_procedure_of_recognition_may_name_what_is_recognised_at_length() -> None:
    assert need_of("Hồ sơ xét công nhận xã nông thôn mới nâng cao gồm những gì?").procedure
    assert need_of("Thủ tục đề nghị công nhận xã đạt chuẩn NTM kiểu mẫu thế nào?").procedure
    # The document a procedure follows is asked, not the procedure.
    assert not need_of("Hồ sơ xét công nhận thị xã thực hiện theo quyết định nào?").procedure
