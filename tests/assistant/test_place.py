"""Provinces named in a threshold question: each region's figure when they lie in two."""

from assistant.service import Assistant


def test_two_provinces_of_two_regions_get_each_regions_figure(full_assistant: Assistant) -> None:
    a = full_assistant.ask(
        "Theo Phụ lục I QĐ 318, tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi tối đa đối với một xã ở Hà Tĩnh"
        " và một xã ở Bình Dương (cũ) lần lượt là bao nhiêu?"
    )
    assert "Xã thuộc Hà Tĩnh (vùng Bắc Trung Bộ)" in a.text and "≤ 25%" in a.text
    assert "Xã thuộc Bình Dương cũ (vùng Đông Nam Bộ)" in a.text and "≤ 14,5%" in a.text
    # The indicator within the named annex answers; the annex's first criteria are not dumped beside it.
    assert "Tiêu chí 1 (Quy hoạch)" not in a.text
