"""The kinds of question a text asks, the figure it asks for and the parts of a question (assistant/kinds.py)."""

import pytest

from assistant.kinds import HAS_CRITERION, asked_figure, holds_figure, kinds_of, question_parts
from assistant.understand import normalise_question


def test_each_question_sentence_is_a_part() -> None:
    assert question_parts("K1 Đ2 QĐ 558 giao ai làm gì? 558 ai ký?") == ["K1 Đ2 QĐ 558 giao ai làm gì", "558 ai ký?"]
    # A statement before the question is not a part.
    assert len(question_parts("Xã tôi đạt chuẩn năm 2019. Giờ theo bộ tiêu chí nào?")) == 1
    # The last question typed without its mark is a part too; a statement after a question is not.
    assert question_parts("nd 351 quy dinh ho ngheo the nao? nghi dinh nay ai ky vay") == [
        "nd 351 quy dinh ho ngheo the nao",
        "nghi dinh nay ai ky vay",
    ]
    assert len(question_parts("Tuần sau có bão không? Xã định tổ chức lễ ngoài trời.")) == 1


def test_a_figure_asked_in_a_unit_and_whether_a_text_writes_one() -> None:
    assert asked_figure("ty le nguoi dan hai long phai dat tu bao nhieu phan tram tro len?") == "%"
    assert asked_figure("nq 25/2021/qh15 phe duyet tong muc von la bao nhieu") == "money"
    assert asked_figure("thu nhap phai cao gap bao nhieu lan?") is None  # a ratio, not a sum of money
    assert holds_figure("đạt từ 90% trở lên", "%") and not holds_figure("đạt 90 điểm", "%")
    assert holds_figure("45 triệu đồng/người/năm", "money")
    # An indicator's number before "Tỷ lệ" is no sum; an area is written in m2 or ha.
    assert not holds_figure("- 2.1. Tỷ lệ đường xã được cứng hóa: ≥ 100%", "money")
    assert holds_figure("diện tích ≥ 25 m²/người", "area") and not holds_figure("đạt 3 hạng mục", "area")
    assert asked_figure("dien tich dat binh quan moi hoc sinh la bao nhieu m2") == "area"


def test_a_part_asking_when_a_document_took_effect_does_not_ask_when_it_was_issued() -> None:
    assert kinds_of("nghị quyết đó có hiệu lực từ ngày nào?") == {"in_force"}
    assert kinds_of("ban hành ngày nào và có hiệu lực từ ngày nào?") == {"in_force", "when"}
    # When it stopped applying is its status (what replaced it, from when), not when it took effect.
    assert "in_force" not in kinds_of("bộ tiêu chí đó thôi áp dụng từ ngày nào?")
    assert "status" in kinds_of("quyết định đó ngưng áp dụng từ khi nào?")
    # Whether it still is the set applied, asked as "còn là bộ tiêu chí đang áp dụng không".
    assert "status" in kinds_of("hiện tại nó còn là bộ tiêu chí đang áp dụng không?")
    assert "status" not in kinds_of("bộ tiêu chí đang áp dụng cho xã gồm mấy tiêu chí?")
    # A named document "còn áp dụng" is its status; a unit's "còn phải áp dụng" is what it is held to.
    assert kinds_of("hiện nay qđ 1980 còn áp dụng không?") == {"status"}
    assert "todo" in kinds_of("năm 2027 xã còn phải áp dụng phụ lục II không?")


def test_the_numbers_of_criteria_compared_are_counts() -> None:
    assert "count" in kinds_of("So sánh số tiêu chí của bộ 2021-2025 và bộ 2026-2030?")


def test_a_share_asked_is_no_count() -> None:
    assert "count" not in kinds_of("yêu cầu gì đối với các thị trấn, tỷ lệ bao nhiêu?")
    assert "threshold" in kinds_of("tỷ lệ là bao nhiêu?")
    assert "count" in kinds_of("huyện có bao nhiêu xã đạt chuẩn?")


def test_chat_shorthand_for_how_much_makes_a_part_of_its_own() -> None:
    parts = question_parts("QĐ 1980 TC số 4 gồm mấy chỉ tiêu? Chỉ tiêu 4.2 mức chung cả nước bn %?")
    assert len(parts) == 2 and parts[1].startswith("Chỉ tiêu 4.2")


def test_what_a_document_governs_is_its_contents_not_an_amendment() -> None:
    assert kinds_of("Nghị định này điều chỉnh những nội dung gì?") == {"contents"}
    assert "contents" in kinds_of("Phạm vi điều chỉnh của quyết định là gì?")
    assert "contents" in kinds_of("Quyết định này quy định về những việc gì liên quan đến công nhận?")
    assert "contents" in kinds_of("Công văn nói về các vấn đề gì?")
    assert "amends" in kinds_of("Quyết định 211 điều chỉnh tiêu chí nào của 318?")


def test_what_an_actor_named_after_giao_is_given_is_a_duty() -> None:
    assert "duty" in kinds_of("QĐ 319 giao UBND tỉnh quy định cụ thể mô hình gì?")
    assert "duty" in kinds_of("Cơ quan nào xét công nhận và công bố xã đạt chuẩn NTM nâng cao?")
    # Who the task is given to, said passively.
    assert "duty" in kinds_of("Theo QĐ 1980, cơ quan nào được giao chỉ đạo thí điểm mô hình NTM kiểu mẫu?")
    assert "duty" in kinds_of("ai được giao chủ trì tổng hợp kết quả")
    assert "duty" not in kinds_of("Xã được giao bao nhiêu vốn?")


def test_a_signer_told_to_be_checked_asks_who_signed() -> None:
    assert "who" in kinds_of("Quyết định 1980 là ông Vương Đình Huệ ký phải không?")
    assert "who" in kinds_of("Có phải Phó Thủ tướng Lê Văn Thành ký QĐ 320 không?")
    assert "who" not in kinds_of("Quyết định 1980 có phải là bộ tiêu chí giai đoạn 2016-2020 không?")


def test_what_makes_a_thing_what_it_is_asks_its_definition() -> None:
    assert "definition" in kinds_of("Vậy xã như thế nào thì được xếp vào nhóm 1 ạ?")
    assert "definition" in kinds_of("Thế nào là xã khu vực III?")
    assert "definition" not in kinds_of("Xã phải làm thế nào để đạt chuẩn?")


def test_a_choice_put_as_a_question_is_a_part_of_its_own() -> None:
    q = "Năm 2026 xã vẫn dùng chuẩn nghèo cũ hay chuẩn mới theo Nghị định 351/2025/NĐ-CP? Nghị định này ký ngày nào?"
    assert question_parts(q) == [
        "Năm 2026 xã vẫn dùng chuẩn nghèo cũ hay chuẩn mới theo Nghị định 351/2025/NĐ-CP",
        "Nghị định này ký ngày nào?",
    ]
    # Alternatives inside a statement ask nothing of their own.
    told = "Xã được công nhận năm 2020 nhưng không nhớ là nông thôn mới, nâng cao hay kiểu mẫu. Năm 2024 theo bộ nào?"
    assert question_parts(told) == [told]


def test_which_of_two_bodies_issued_it_asks_the_issuer() -> None:
    assert "issuer" in kinds_of("nd 351/2025 la do chinh phu hay thu tuong ban hanh, ky ngay nao")
    assert "issuer" in kinds_of("QĐ 2540 là của Thủ tướng hay của Bộ NN ban hành, ai ký vậy?")


def test_who_issues_guidance_a_document_calls_for_is_not_its_issuer() -> None:
    assert "issuer" not in kinds_of("theo qd 1980 thi ai ban hanh huong dan thuc hien cho tung tieu chi")
    assert "issuer" in kinds_of("huong dan 1345 do ai ban hanh")
    # A handbook the document has someone issue: whom it charges with that, a duty.
    asked = kinds_of("theo qd 1980 co quan nao ban hanh cam nang huong dan thuc hien bo tieu chi xa")
    assert "issuer" not in asked and "duty" in asked
    assert "issuer" in kinds_of("Quyết định 1980 do cơ quan nào ban hành?")


def test_a_signer_a_document_is_said_to_have_asks_who_signed() -> None:
    assert "who" in kinds_of("Có tài liệu ghi QĐ 320/QĐ-TTg do Phó Thủ tướng Lê Văn Thành ký, như vậy có đúng không?")
    assert "who" in kinds_of("bo tieu chi 2009 va bo 2016-2020 deu do ong Dung ky, vay co phai cung mot nguoi ko")
    # Who signs a commune's recognition is no question about a document's signer.
    assert "who" not in kinds_of("Xã do tỉnh công nhận, vậy hồ sơ có phải nộp lại không?")


def test_an_issuer_told_to_be_checked_asks_the_issuer() -> None:
    assert "issuer" in kinds_of("qd 60/QD-BDTTG ve danh sach xa khu vuc I, II, III la van ban cua Chinh phu a?")
    assert "issuer" in kinds_of("Bộ tiêu chí 2026-2030 có phải do Bộ Nông nghiệp và Môi trường ban hành không?")
    assert "issuer" in kinds_of("CV 14/BCĐCTMTQG là văn bản của Bộ NN&PTNT hay của Ban Chỉ đạo TW?")
    # A document's content, not who issued it.
    assert "issuer" not in kinds_of("Quyết định 60 là văn bản của Bộ về danh sách xã khu vực III, gồm những gì?")


def test_which_body_compiles_and_reports_asks_a_duty() -> None:
    assert "duty" in kinds_of("Theo QĐ 318, địa phương gặp vướng mắc thì bộ nào tổng hợp, báo cáo Thủ tướng?")


def test_where_a_former_province_went_asks_the_map() -> None:
    assert "map" in kinds_of("xa em truoc thuoc tinh Long An, tu 1/7/2025 thi ve tinh nao vay")
    assert "map" in kinds_of("Xã em trước thuộc tỉnh Hậu Giang, nay phải ghi là thuộc tỉnh hay thành phố nào?")
    # "báo cáo về tỉnh" is where a report goes, not the map.
    assert "map" not in kinds_of("Xã gửi báo cáo về tỉnh nào trước?")


def test_i_have_folded_is_no_maximum() -> None:
    """ "Xã tôi đã được công nhận" and "tối đa" fold alike ("toi da"): a pronoun before and a verb after make it "tôi
    đã", which asks no figure."""
    assert "threshold" not in kinds_of("Xã tôi đã được công nhận xã NTM kiểu mẫu, giờ phải duy trì theo quy định nào?")
    assert "threshold" not in kinds_of("Chúng tôi đã đạt chuẩn năm 2019 thì nay phải làm gì?")
    assert "threshold" in kinds_of("Tỷ lệ trẻ thấp còi tối đa là bao nhiêu?")
    assert "threshold" in kinds_of("Mỗi xã được hỗ trợ tối đa bao nhiêu?")


def test_whether_a_document_is_still_the_basis_asks_its_status() -> None:
    assert "status" in kinds_of("Sang năm 2026, tỉnh có còn căn cứ Công văn 14/BCĐCTMTQG để chấm không?")
    # "còn căn cứ QĐ nào" lists what else it rests on: no status.
    assert "status" not in kinds_of("QĐ 318 ngoài NQ 25 ra còn căn cứ QĐ nào của Thủ tướng?")


def test_a_date_after_tu_is_no_figure() -> None:
    assert "threshold" not in kinds_of("Từ 1/7/2025 bỏ cấp huyện thì bộ tiêu chí còn phần nào cho huyện không?")
    assert "threshold" not in kinds_of("Xã đạt chuẩn từ 2019 thì nay theo bộ nào?")
    assert "threshold" in kinds_of("Tỷ lệ hộ nghèo từ 5% trở xuống thì đạt không?")


def test_whether_the_whole_text_is_held_is_asked() -> None:
    assert "fulltext" in kinds_of("Hệ thống có toàn văn Quyết định 51/2025/QĐ-TTg không?")
    assert "fulltext" in kinds_of("Kho chỉ có phần tóm tắt thôi à?")
    assert "fulltext" not in kinds_of("Trích nguyên văn Điều 2 Quyết định 318.")
    assert "fulltext" not in kinds_of("Xã đã có đầy đủ hồ sơ đề nghị công nhận chưa?")
    assert "fulltext" in kinds_of("Kho có bản đầy đủ Quyết định 51 không?")


def test_which_documents_carry_out_a_named_one_asks_its_relations() -> None:
    assert "amends" in kinds_of("kho có công văn của tỉnh nào khác triển khai CV 14/BCĐCTMTQG không?")
    # Carrying out a task is no document asked for.
    assert "amends" not in kinds_of("tỉnh nào triển khai tốt chương trình nông thôn mới?")


_TOLD = "Hiện nay bộ tiêu chí 2026-2030 đã có hiệu lực, vậy việc xét công nhận vẫn làm theo QĐ 18/2022 hay đã có quy định mới?"
# (question, kind, whether it asks that kind): each cue beside the near miss it must not take.
_CUES = [
    # What must be sent and where is a report; whom a document is addressed to is not.
    ("theo cv 1345 thì UBND tinh phai gưi nhưng gì vê Bô NN&PTNT?", "report", True),
    ("UBND tỉnh phải gữi bộ tiêu chí và kết quả công nhận xã NTM nâng cao về đâu?", "report", True),
    ("Công văn 14 gửi những cơ quan nào?", "report", False),
    # How a figure changed between two periods compares them; what a document changed in another does not.
    ("Mốc thu nhập để lên xã kiểu mẫu thay đổi thế nào giữa hai giai đoạn?", "compare", True),
    ("QĐ 342 thay đổi tiêu chí thu nhập thế nào?", "compare", False),
    # A date in force told is not asked; whether it still applies is.
    (_TOLD, "in_force", False),
    (_TOLD, "status", True),
    ("Bộ tiêu chí 2026-2030 đã có hiệu lực chưa?", "in_force", True),
    ("QĐ 319 có hiệu lực từ ngày nào?", "in_force", True),
    # A target figure asked is no todo; striving for a tier is.
    (
        "theo Chương trình MTQG thì đến năm 2030 phấn đấu khoảng bao nhiêu phần trăm số xã đạt NTM hiện đại?",
        "todo",
        False,
    ),
    ("Xã đạt chuẩn năm 2019, nay phấn đấu lên nâng cao thì cần gì?", "todo", True),
    # The sets a procedure's decision serves are its relations; the one set a unit is held to is not.
    ("QĐ 18/2022 quy định việc xét, công nhận theo những bộ tiêu chí, quy định nào?", "amends", True),
    ("Xã đạt chuẩn năm 2017 thì nay đánh giá theo bộ tiêu chí nào?", "amends", False),
    # A date the question tells ("ký ngày 08/3/2022") is not asked.
    ("Công văn 14 yêu cầu đáp ứng những quyết định nào của Thủ tướng ký ngày 08/3/2022?", "when", False),
    ("Quyết định 318 ký ngày nào?", "when", True),
    # Whether a district set still exists; which set a district is held to is another question.
    ("Từ năm 2016 đến nay tiêu chí huyện ở những văn bản nào, giờ còn bộ tiêu chí huyện không?", "district_set", True),
    ("bộ TC NTM 2026-2030 còn tiêu chí cho huyện ko?", "district_set", True),
    ("Bộ tiêu chí này có phần nào dành cho cấp huyện không hay chỉ có xã với tỉnh?", "district_set", True),
    (
        "Huyện em đạt chuẩn năm 2014, giờ còn phải giữ chuẩn theo bộ tiêu chí huyện 2021-2025 không?",
        "district_set",
        False,
    ),
    # A set compared with one named after "so với"; "what else" is no comparison.
    ("So với QĐ 318 thì bộ tiêu chí mới có gì khác?", "compare", True),
    ("so voi bo 1980, bo tieu chi 2021-2025 them nhung tieu chi nao", "compare", True),
    ("Ngoài tiêu chí thu nhập, xã còn phải đạt tiêu chí gì khác?", "compare", False),
    # Which set a document is asks what it issues.
    ("QĐ 558 là bộ tiêu chí gì vậy?", "contents", True),
    ("quyet dinh 691 ban hanh bo tieu chi gi", "contents", True),
    # When a unit loses its recognition asks the cases, not a date; a document replaced, or a decision issued, is a
    # date asked.
    ("Khi nào xã bị mất danh hiệu nông thôn mới?", "when", False),
    ("huyen bi thu hoi quyet dinh cong nhan khi nao", "when", False),
    ("Quyết định 491 bị thay thế khi nào?", "when", True),
    ("Quyết định thu hồi danh hiệu được ban hành ngày nào?", "when", True),
    # Whether a recognised unit must be assessed again asks what to do.
    ("xã đạt chuẩn năm 2022 rồi, năm 2026 có phải làm lại hồ sơ không ạ", "todo", True),
    ("Huyện đạt chuẩn 2019 có cần xét lại không?", "todo", True),
    # Whether a unit must meet a named set asks which set it is held to (neither "bộ tiêu chí nào" nor "theo bộ nào"
    # is said); a count of a set's criteria does not.
    ("Huyện tôi đạt chuẩn năm 2019, bây giờ có phải đáp ứng bộ tiêu chí huyện 2021-2025 không?", "set", True),
    ("xa dat nang cao 2020 roi thi co can thuc hien bo tieu chi moi nua khong", "set", True),
    ("Bộ tiêu chí 2021-2025 có bao nhiêu tiêu chí?", "set", False),
    # Whether a set still has a criterion is not whether a document still stands.
    ("Bộ tiêu chí mới có còn tiêu chí chợ nông thôn nữa không?", "status", False),
    ("Quyết định 1980 còn áp dụng nữa không?", "status", True),
    # Who issued a document is its issuer; who guides a set is a duty.
    ("Cơ quan nào ban hành Quyết định 318?", "issuer", True),
    ("Ai có trách nhiệm hướng dẫn các xã thực hiện bộ tiêu chí nông thôn mới 2026-2030?", "duty", True),
    # "cái gì" asks what a document is about as "gì" does.
    ("Công văn 1345 hướng dẫn cái gì?", "contents", True),
    ("Quyết định 558 nói về cái gì?", "contents", True),
    # Units "đã đạt chuẩn" are described, not a value to be judged; "đã đạt" of a value stated is judged.
    ("Công văn 14 yêu cầu các huyện đã đạt chuẩn năm 2018 làm những gì?", "judge", False),
    ("Thu nhập xã tôi năm 2024 là 48 triệu, như thế đã đạt?", "judge", True),
    # A document that guides ("hướng dẫn") cites nothing for its "dẫn".
    ("Văn bản nào hướng dẫn về xã NTM nâng cao giai đoạn 2018-2020?", "cites", False),
    ("Những văn bản nào trong kho dẫn Quyết định 1980?", "cites", True),
    # The programme whose investment policy a resolution approves is what it contains.
    ("Nghị quyết 25 phê duyệt chủ trương đầu tư chương trình nào vậy?", "contents", True),
    # "N tiêu chí nào": which criteria a counted set holds.
    ("Huyện phải đạt 9 tiêu chí nào?", "list", True),
    ("Huyện đã đạt 9 tiêu chí rồi thì sao?", "list", False),
    # Whether a tier still stands; a set asked what it holds is not asked its status.
    ("Hiện nay còn xã nông thôn mới nâng cao không?", "status", True),
    ("Bộ tiêu chí mới còn xã nông thôn mới nâng cao không?", "status", False),
    # What a decree delimits or a decision lists is what it contains.
    ("Nghị định 272 phân định những vùng nào?", "contents", True),
    ("Quyết định 60 phê duyệt danh sách những xã nào?", "contents", True),
    ("Giai đoạn 2026-2030 xã khu vực III được phân định theo văn bản nào?", "contents", False),
    # The region a former province's thresholds are read in.
    ("Xã ở Gia Lai cũ thì áp dụng vùng nào trong bộ tiêu chí?", "region_of", True),
]


@pytest.mark.parametrize(("question", "kind", "asked"), _CUES)
def test_a_cue_asks_its_kind_and_its_near_miss_does_not(question: str, kind: str, asked: bool) -> None:
    assert (kind in kinds_of(question)) is asked


def test_the_current_set_named_as_hien_hanh_asks_no_status() -> None:
    assert "status" not in kinds_of("Theo bộ tiêu chí hiện hành, tỷ lệ lao động qua đào tạo phải đạt bao nhiêu?")
    assert "status" in kinds_of("Quyết định 1980 có còn là văn bản hiện hành không?")


def test_the_body_that_issued_a_document_asked_by_its_kind() -> None:
    assert "issuer" in kinds_of("Công văn này là của UBND tỉnh nào?")
    assert "issuer" in kinds_of("Sở nào ban hành văn bản đó?")
    # Who proposed it, and other provinces' documents, are other questions.
    assert "issuer" not in kinds_of("Quyết định được ban hành theo đề nghị của bộ nào?")
    assert "issuer" not in kinds_of("Có công văn của tỉnh nào khác triển khai không?")


def test_what_a_document_ended_is_what_it_replaced() -> None:
    assert "amends" in kinds_of("Những văn bản nào hết hiệu lực khi quyết định này có hiệu lực?")
    assert "contents" in kinds_of("Văn bản này hướng dẫn về những gì?")
    assert "contents" in kinds_of("Nghị quyết đó phê duyệt những gì?")


def test_whether_a_thing_is_required_asks_what_the_indicator_naming_it_sets() -> None:
    assert "threshold" in kinds_of("xa nong thon moi co bat buoc phai co tram y te khong")
    assert "threshold" in kinds_of("xa ntm can co nha van hoa khong")
    # "Có phải có hiệu lực … không" asks whether something is so.
    assert "threshold" not in kinds_of("quyet dinh nay co phai co hieu luc ngay khi ky khong")


def test_what_a_text_is_about_and_a_sum_asked() -> None:
    assert "contents" in kinds_of("nghi dinh nay noi ve gi")
    assert "contents" in kinds_of("cong van 1345 huong dan ve van de gi")
    assert "threshold" in kinds_of("tieu chi thu nhap quy dinh bao nhieu trieu dong")


def test_which_ones_asked_with_cac_is_a_list() -> None:
    assert "list" in kinds_of("cac xa nao duoc cong nhan")


def test_how_many_criteria_a_unit_must_meet_is_a_count_not_a_figure() -> None:
    asks = kinds_of("cong van 1345 quy dinh xa phai dat bao nhieu tieu chi")
    assert "count" in asks and "threshold" not in asks
    assert "threshold" in kinds_of("thu nhap phai dat bao nhieu")


def test_what_a_resolution_approves_is_its_contents() -> None:
    assert "contents" in kinds_of("nghi quyet 257/2025/qh15 phe duyet chuong trinh gi?")
    assert "contents" in kinds_of("nghi quyet 424 ban hanh ke hoach nao")
    assert "contents" not in kinds_of("chuong trinh nay duoc phe duyet khi nao?")


def test_a_date_named_as_the_subject_is_asked() -> None:
    assert "when" in kinds_of("Ngày ban hành Quyết định 319?")
    assert "when" in kinds_of("ngay ky cong van 14")
    # "kể từ ngày ban hành" starts a time limit; it asks no date.
    assert "when" not in kinds_of("Trong 30 ngày kể từ ngày ban hành, các bộ phải làm gì?")


def test_a_sum_of_the_programmes_money_is_a_figure() -> None:
    assert asked_figure("kinh phi chuong trinh nong thon moi 2026-2030 bao nhieu") == "money"
    assert asked_figure("ngan sach trung uong cho chuong trinh la bao nhieu") == "money"


def test_what_a_document_requires_of_a_unit_is_what_it_must_do() -> None:
    assert "todo" in kinds_of("Công văn 14 yêu cầu xã chúng tôi những gì?")
    assert "todo" in kinds_of("cv 14 yeu cau cac huyen lam nhung gi")
    assert "todo" in kinds_of("Đoàn kiểm tra về thì xã phải đạt quy định nào?")
    # What a criterion requires is its content, not a unit's task.
    assert "todo" not in kinds_of("Tiêu chí 17 yêu cầu gì?")


def test_the_set_of_a_year_asked_by_its_document_and_a_recognised_units_standing_now_ask_which_set() -> None:
    assert "set" in kinds_of("hồi năm 2014 thì bộ tiêu chí xã nông thôn mới là quyết định số mấy?")
    # Without a year the documents answer ("hiện hành là văn bản nào"), not a unit's card.
    assert "set" not in kinds_of("bộ tiêu chí xã nông thôn mới hiện hành là văn bản nào?")
    assert "todo" in kinds_of("huyện tôi được công nhận đạt chuẩn từ 2018 thì giờ ra sao")
    assert "todo" not in kinds_of("huyện tôi được công nhận đạt chuẩn từ 2018, tiêu chí giao thông thì sao, đạt chưa")


def test_how_many_communes_a_district_must_have_recognised_is_a_threshold() -> None:
    assert "threshold" in kinds_of("huyện NTM cần bao nhiêu xã đạt chuẩn NTM nâng cao?")
    assert "threshold" not in kinds_of("cả nước có bao nhiêu xã đạt chuẩn NTM nâng cao?")


def test_the_responsibility_of_a_named_actor_is_a_duty() -> None:
    assert "duty" in kinds_of("trách nhiệm của Hội Nông dân đối với việc giữ chuẩn là gì?")
    assert "duty" in kinds_of("vai trò của UBND xã trong xây dựng NTM là gì?")
    assert "duty" not in kinds_of("xã nông thôn mới kiểu mẫu là gì?")


def test_whether_a_set_still_has_a_criterion_is_read() -> None:
    assert HAS_CRITERION.search(
        normalise_question("Bộ tiêu chí giai đoạn 2026-2030 có còn tiêu chí bưu điện nữa không?")
    )
    assert HAS_CRITERION.search("bo tieu chi moi con tieu chi nha o dan cu khong")
    assert not HAS_CRITERION.search(normalise_question("Tiêu chí nhà ở dân cư của bộ tiêu chí 318 yêu cầu gì?"))


def test_who_issues_a_provinces_own_set_under_a_document_asks_a_duty_not_its_issuer() -> None:
    assert kinds_of("Căn cứ Công văn 1345, cấp nào ban hành bộ tiêu chí nâng cao riêng của tỉnh?") == {"duty"}
