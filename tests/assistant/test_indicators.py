"""An indicator spelt out in words, and the offices and posts whose words name none."""

from assistant.answerers.indicators import match_indicator, own_words, without_offices
from assistant.service import Assistant
from corpus.criteria import Catalogue


def test_an_office_or_a_post_names_no_criterion() -> None:
    assert "kinh te" not in without_offices("toi la chuyen vien phong kinh te huyen con dao")
    assert "van hoa" not in without_offices("cong chuc van hoa - xa hoi cua xa")
    assert without_offices("thu nhap binh quan dau nguoi") == "thu nhap binh quan dau nguoi"
    assert "bao luc gia dinh" in without_offices("cong tac phong chong bao luc gia dinh")


def test_an_indicator_spelt_out_is_found_but_not_from_an_office_name() -> None:
    district = Catalogue().sets["320-huyen-ntm"]
    asked = "ty le km duong huyen dat chuan theo quy hoach la bao nhieu"
    assert match_indicator(asked, district) == (2, "2.2")
    # Without the office ("phòng Kinh tế") the preamble shares too few words with any indicator to name one.
    preamble = (
        "toi la chuyen vien phong kinh te huyen, huyen khong co don vi hanh chinh cap xa, tap trung trong cay xanh"
    )
    assert match_indicator(preamble, district) is None


def test_words_most_of_a_sets_indicators_share_name_none_of_them() -> None:
    # Every indicator of 1345's frame reads "… ở mức nâng cao (khung hướng dẫn)".
    frame = Catalogue().sets["1345-xa-nang-cao"]
    asked = "theo huong dan 1345, ubnd tinh phai gui bo tieu chi va ket qua cong nhan xa ntm nang cao ve dau"
    assert match_indicator(asked, frame) is None


def test_a_word_pair_only_one_indicator_has_names_it() -> None:
    commune = Catalogue().sets["318-xa-ntm"]
    # "nước sạch" is 17.1's; "sạch" alone and "về" (folded like "vệ") are also 17.7's ("… đảm bảo 3 sạch").
    asked = "chi tieu ve nuoc sach trong bo tieu chi xa ntm giai doan 2021-2025 la chi tieu so may"
    assert match_indicator(asked, commune, asked=True) == (17, "17.1")
    # "cơ sở chăn nuôi": three words of 17.8 alone are under half its name; its own pairs tell it.
    assert match_indicator("co chi tieu rieng ve co so chan nuoi khong", commune) == (17, "17.8")
    # The period a name gives ("Tỷ lệ nghèo đa chiều giai đoạn 2021 - 2025") names no indicator.
    assert match_indicator("bo tieu chi xa ntm giai doan 2021-2025 co bao nhieu tieu chi", commune) is None


def test_school_levels_as_people_name_them_are_the_indicators_words() -> None:
    from assistant.understand import normalise_question

    district = Catalogue().sets["558-huyen-ntm"]
    asked = normalise_question("huyện NTM theo QĐ 558 thì trường cấp 3 trên địa bàn phải đạt chuẩn ít nhất bao nhiêu %")
    assert "truong trung hoc pho thong" in asked
    assert match_indicator(asked, district) == (5, "5.3")
    assert "cap 3" in normalise_question("bệnh viện huyện cấp 3")  # a hospital's grade is no school


def test_everyday_words_are_read_with_the_regulations_words() -> None:
    from assistant.understand import normalise_question

    commune = Catalogue().sets["318-xa-ntm"]
    asked = normalise_question(
        "bộ tiêu chí xã NTM 2021-2025 có chỉ tiêu nào về rác nhựa, túi nilon không, chỉ tiêu số mấy"
    )
    assert "rac nhua chat thai nhua" in asked  # the question's words are kept, the regulation's added
    assert match_indicator(asked, commune, asked=True) == (17, "17.11")
    assert "mai tang" in normalise_question("chuyện chôn cất, nghĩa địa của xã")


def test_food_in_everyday_words_is_read_with_the_regulations_food_safety(full_assistant: Assistant) -> None:
    from assistant.understand import normalise_question

    assert "an uong thuc pham" in normalise_question("cơ sở làm đồ ăn uống")
    assert "so tay cam nang" in normalise_question("có cuốn sổ tay nào hướng dẫn không")
    a = full_assistant.ask(
        "bo tieu chi xa ntm ban hanh nam 2016, ho gia dinh voi co so lam do an uong phai chap hanh quy dinh ve sinh "
        "thuc pham bao nhieu phan tram thi moi dat"
    )
    assert a.scope == "answer" and "17.8" in a.text


def test_a_name_said_word_for_word_names_its_indicator_though_its_words_are_everyday_ones() -> None:
    commune = Catalogue().sets["1980-xa-ntm"]
    # "Tỷ lệ hộ có nhà ở đạt tiêu chuẩn theo quy định" has a single distinctive word ("nhà").
    asked = "cua ty le ho co nha o dat tieu chuan theo quy dinh la bao nhieu"
    assert match_indicator(asked, commune) == (9, "9.2")
    # Its words scattered are not its name.
    assert match_indicator("ho co nha o dat chuan theo tieu chi nao", commune) is None


def test_the_health_sectors_and_householders_words_are_read_with_the_regulations() -> None:
    from assistant.understand import normalise_question

    assert "bao phu tham gia bao hiem" in normalise_question("độ bao phủ bảo hiểm y tế của xã")
    assert "nuoc may nuoc sach" in normalise_question("nhà dùng nước máy")
    assert "nha ve sinh nha tieu" in normalise_question("hộ có nhà vệ sinh")
    assert "phu song vien thong" in normalise_question("thôn đã phủ sóng điện thoại")


def test_a_share_asked_in_the_health_sectors_words_is_answered_not_called_a_topic_the_corpus_lacks(
    full_assistant: Assistant,
) -> None:
    a = full_assistant.ask("Xã nông thôn mới giai đoạn 2021-2025 thì độ bao phủ bảo hiểm y tế phải đạt mức nào?")
    assert a.scope == "answer" and "tham gia bảo hiểm y tế" in a.text


def test_a_criterion_asked_in_householders_words_without_the_programmes_name_is_in_the_domain(
    full_assistant: Assistant,
) -> None:
    a = full_assistant.ask("Nhà dân dùng nước máy phải chiếm bao nhiêu phần trăm thì mới đạt tiêu chí?")
    assert a.scope == "answer" and "17.1" in a.text
    # "Tiêu chí" beside words the corpus never uses stays an everyday word.
    assert full_assistant.ask("Tiêu chí chọn mua máy tính xách tay cho văn phòng là gì?").scope == "out_of_domain"


def test_whether_a_commune_must_have_a_thing_is_answered_with_the_indicator_naming_it(
    full_assistant: Assistant,
) -> None:
    a = full_assistant.ask("Xã đạt chuẩn nông thôn mới có cần có đài truyền thanh không?")
    assert a.kind == "criteria" and "8.3. Xã có đài truyền thanh" in a.text


def test_a_criterion_compared_between_two_tiers_gets_each_tiers(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Tiêu chí lao động của xã NTM với xã NTM nâng cao giai đoạn 2021-2025 khác nhau ở điểm nào?")
    assert "nông thôn mới nâng cao giai đoạn 2021-2025" in a.text
    assert "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025" in a.text


def test_a_movement_or_a_custom_is_no_office() -> None:
    # "phong trào văn hóa" is a movement the asker follows, not "phòng Văn hóa".
    assert "van hoa" in without_offices("theo doi phong trao van hoa, the thao cua xa")
    assert "van hoa" in without_offices("giu gin phong tuc van hoa")
    assert "van hoa" not in without_offices("chuyen vien phong van hoa va thong tin huyen")


def test_an_indicators_own_words_are_those_its_criterion_and_everyday_words_lack() -> None:
    assert own_words("Tỷ lệ người dân tham gia bảo hiểm y tế", "Y tế") == {"dan", "tham", "gia", "hiem"}
    # A catch-all indicator has no words of its own but "yêu cầu khác".
    assert own_words("Các yêu cầu khác của tiêu chí môi trường", "Môi trường") == {"yeu", "cau", "khac"}


def test_linking_words_and_an_indicator_without_a_known_name_name_nothing() -> None:
    model = Catalogue().sets["319-xa-kieu-mau"]
    # "đối với" is in 319's income indicator's name ("… mức áp dụng đối với xã nông thôn mới nâng cao …").
    assert match_indicator("ty le ho co nha tieu hop ve sinh doi voi xa nong thon moi kieu mau", model) is None
    district = Catalogue().sets["320-huyen-ntm"]
    # 2.3's name is only "Chưa xác định nội dung chỉ tiêu 2.3": "nội dung" of the question is not it.
    asked = "ty le hai long cua nguoi dan o tung xa ve ket qua thuc hien tung noi dung chua xac dinh"
    assert match_indicator(asked, district, asked=True) != (2, "2.3")
    assert match_indicator(asked, district) != (2, "2.3")
