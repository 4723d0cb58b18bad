"""The 2025 map as a list: merged or kept units, of a kind, in a region, and how many."""

from assistant.service import Assistant


def test_cities_formed_by_merging_are_listed_with_their_former_provinces(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Trong đợt sắp xếp năm 2025, những thành phố trực thuộc Trung ương nào được hình thành do hợp nhất?"
    )
    assert a.kind == "places" and a.scope == "answer"
    for city in ("Hải Phòng (từ Hải Phòng, Hải Dương cũ)", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"):
        assert city in a.text
    assert "Huế" not in a.text  # a city, but not merged
    assert "không phải toàn văn nghị quyết" in a.text  # the registry's summary, never the resolution's words


def test_provinces_kept_in_a_region_are_only_those_of_that_region(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Ở vùng Trung du và miền núi phía Bắc, những tỉnh nào không phải hợp nhất trong đợt sắp xếp 2025?"
    )
    for province in ("Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Cao Bằng"):
        assert province in a.text
    assert "Thanh Hóa" not in a.text and "Tuyên Quang" not in a.text


def test_how_many_units_is_a_count_not_a_list(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Sau sắp xếp năm 2025 cả nước còn bao nhiêu tỉnh, thành phố?")
    assert "34 đơn vị hành chính cấp tỉnh (28 tỉnh, 6 thành phố" in a.text
    assert "Tuyên Quang (từ Hà Giang" not in a.text


def test_before_the_merger_is_when_not_which_units_and_tinh_thanh_is_both_kinds(full_assistant: Assistant) -> None:
    a = full_assistant.ask("truoc khi sap nhap ca nuoc co bao nhieu tinh thanh, sau sap xep nam 2025 con lai bao nhieu")
    assert "34 đơn vị hành chính cấp tỉnh" in a.text and "từ 63 tỉnh, thành phố trước đó" in a.text
    assert "hình thành do hợp nhất" not in a.text


def test_a_follow_up_about_the_map_is_answered_from_the_map_not_the_earlier_dispatch(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "trong danh sách đó, bà rịa vũng tàu vs bình dương h sau sắp xếp thuộc về tỉnh/thành nào?",
        history=["Theo CV 14/BCĐCTMTQG, đến tháng 9/2023 những tỉnh, thành phố nào có 100% số xã đạt chuẩn NTM?"],
    )
    assert a.kind == "places" and "thuộc thành phố Hồ Chí Minh" in a.text
    assert "chưa có đợt sắp xếp" not in a.text  # "sau sắp xếp" reads the new map, not the earlier date's


def test_each_part_gets_its_own_list_when_one_asks_for_all_and_another_for_some(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Bây giờ có mấy thành phố trực thuộc TW, kể tên giúp mình với, tp nào giữ nguyên không phải sáp nhập?"
    )
    assert "6 thành phố trực thuộc Trung ương: Hải Phòng" in a.text and "Cần Thơ" in a.text
    assert "2 thành phố trực thuộc Trung ương không sắp xếp lại (giữ nguyên địa giới): Hà Nội; Huế" in a.text


def test_a_part_pointing_back_asks_about_the_units_the_part_before_names(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Đợt sắp xếp năm 2025 có mấy thành phố trực thuộc Trung ương được hình thành do hợp nhất, đó là những thành phố nào?"
    )
    assert "4 thành phố trực thuộc Trung ương hình thành do hợp nhất" in a.text
    assert "Huế" not in a.text


def test_units_named_as_who_asks_which_set_are_not_listed(full_assistant: Assistant) -> None:
    a = full_assistant.ask("Những tỉnh mới sau sáp nhập áp dụng bộ tiêu chí nào?")
    assert a.kind != "places" and "34 đơn vị hành chính cấp tỉnh" not in a.text
    # Asked which ones, with "các … nào", they are listed.
    b = full_assistant.ask("Các tỉnh nào được hợp nhất năm 2025?")
    assert b.kind == "places" and "hình thành do hợp nhất" in b.text
