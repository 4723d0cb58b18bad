"""The 2025 map: province names read on a date, merged units, former provinces."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus.criteria import Catalogue
from corpus.places import UnknownPlaceError, describe, locate

BEFORE = dt.date(2024, 6, 1)
AFTER = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def regions():
    return Catalogue().regions


def test_the_map_has_34_units_covering_each_former_province_once(regions):
    units = regions.reorganisation.units
    assert len(units) == 34
    members = [n for u in units for n in u.formed_from]
    assert sorted(members) == sorted(p.name for p in regions.provinces)
    assert sum(len(u.formed_from) > 1 for u in units) == 23


@pytest.mark.parametrize(
    ("name", "on", "former", "expected_name", "new_map", "codes"),
    [
        ("Phú Thọ", AFTER, False, "Phú Thọ", True, ["DBSH", "TDMNPB"]),  # Vĩnh Phúc + Phú Thọ + Hòa Bình
        ("Phú Thọ", BEFORE, False, "Phú Thọ", False, ["TDMNPB"]),
        ("Phú Thọ", AFTER, True, "Phú Thọ", False, ["TDMNPB"]),  # "tỉnh Phú Thọ cũ"
        ("Vĩnh Phúc", AFTER, False, "Vĩnh Phúc", False, ["DBSH"]),  # a former province keeps its region
        ("lao cai", AFTER, False, "Lào Cai", True, ["TDMNPB"]),  # one region: no question to ask
        ("TP HCM", AFTER, False, "Hồ Chí Minh", True, ["DNB"]),
        ("Thừa Thiên Huế", AFTER, False, "Huế", True, ["BTB"]),
        ("Tây Ninh", AFTER, False, "Tây Ninh", True, ["DNB", "DBSCL"]),
    ],
)
def test_a_name_is_read_on_the_map_of_its_date(regions, name, on, former, expected_name, new_map, codes):
    place = locate(regions, name, on, former=former)
    assert place.name == expected_name
    assert place.on_new_map is new_map
    assert place.region_codes == codes
    assert place.spans_regions is (len(codes) > 1)
    assert (place.region is None) is (len(codes) > 1)


@pytest.mark.parametrize("name", ["Phú Thọ", "Bắc Ninh", "Quảng Ngãi", "Gia Lai", "Lâm Đồng", "Đắk Lắk", "Tây Ninh"])
def test_the_seven_units_that_span_two_regions(regions, name):
    assert locate(regions, name, AFTER).spans_regions


def test_descriptions_name_the_former_provinces(regions):
    assert describe(locate(regions, "Lào Cai", AFTER)) == (
        "Tỉnh Lào Cai (từ 01/7/2025) được hình thành từ Lào Cai và Yên Bái cũ."
    )
    assert "nay (từ 01/7/2025) thuộc tỉnh Lào Cai" in describe(locate(regions, "Yên Bái", AFTER))
    assert "không sắp xếp" in describe(locate(regions, "Hà Nội", AFTER))


def test_a_name_on_neither_map_is_a_clear_error(regions):
    with pytest.raises(UnknownPlaceError, match=r"63 tỉnh cũ .* 34 tỉnh, thành phố mới"):
        locate(regions, "Atlantis", AFTER)
