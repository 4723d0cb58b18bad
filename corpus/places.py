"""Province names read on a date: the 63 provinces before 01/7/2025, the 34 units after.

Every new unit kept the name of one of its former provinces ("tỉnh Phú Thọ" is Vĩnh Phúc, Phú Thọ
and Hòa Bình from 01/7/2025), so a name alone does not say which map it belongs to: the date does,
and "cũ" ("tỉnh Vĩnh Phúc cũ", "Phú Thọ cũ") always means the former province.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from corpus.criteria import Province, RegionMap, Unit, _key


@dataclass(frozen=True)
class Place:
    """What a province name means on a date.

    `former` are the provinces of the old map it covers (one, or a merged unit's members); `unit`
    is the 2025 unit when the name is read on the new map, or the unit a former province now
    belongs to. `regions` maps each former province to its region in the scheme asked for.
    """

    name: str
    on_new_map: bool
    former: tuple[Province, ...]
    unit: Unit | None = None
    regions: dict[str, str] = field(default_factory=dict)

    @property
    def region_codes(self) -> list[str]:
        """The distinct regions, in the order of the former provinces."""
        return list(dict.fromkeys(self.regions.values()))

    @property
    def region(self) -> str | None:
        """The one region, or None when the unit spans several (ask which former province)."""
        codes = self.region_codes
        return codes[0] if len(codes) == 1 else None

    @property
    def spans_regions(self) -> bool:
        return len(self.region_codes) > 1


class PlaceError(ValueError):
    """A province, commune group or year that cannot select a threshold column; the message says why."""


class UnknownPlaceError(PlaceError):
    """A province name found on neither map."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"Không có tỉnh, thành phố nào tên '{name}' trong danh sách 63 tỉnh cũ (trước 01/7/2025) "
            "hay 34 tỉnh, thành phố mới (từ 01/7/2025)."
        )
        self.name = name


def find_unit(regions: RegionMap, name: str) -> Unit | None:
    """A 2025 unit by its name, or by a name or alias of the former province whose name it kept."""
    if regions.reorganisation is None:
        return None
    key = _key(name)
    for unit in regions.reorganisation.units:
        if key == _key(unit.name):
            return unit
    province = regions.find_province(name)
    if province is None:
        return None
    # Only when the unit kept this province's name ("Huế" for Thừa Thiên Huế, "Hồ Chí Minh").
    for unit in regions.reorganisation.units:
        if province.name in unit.formed_from and _key(unit.name) in {
            _key(n) for n in (province.name, *province.aliases)
        }:
            return unit
    return None


def unit_of(regions: RegionMap, province: Province) -> Unit | None:
    """The 2025 unit a former province is part of."""
    if regions.reorganisation is None:
        return None
    return next((u for u in regions.reorganisation.units if province.name in u.formed_from), None)


def merged(regions: RegionMap, on: dt.date) -> bool:
    """Whether names are read on the 2025 map on this date."""
    return regions.reorganisation is not None and on >= regions.reorganisation.effective


def locate(regions: RegionMap, name: str, on: dt.date, *, former: bool = False, scheme: str = "vung-7") -> Place:
    """What a province name means on a date.

    Args:
        regions: the region map (with its 2025 reorganisation).
        name: a province name as written, with or without diacritics.
        on: the date the name is read on.
        former: the name was marked as the former province ("tỉnh Vĩnh Phúc cũ").
        scheme: the region scheme whose regions are reported.

    Raises:
        UnknownPlaceError: the name is on neither map.
    """
    old = regions.find_province(name)
    unit = find_unit(regions, name)
    by_name = {p.name: p for p in regions.provinces}
    if unit is not None and merged(regions, on) and not (former and old is not None):
        members = tuple(by_name[n] for n in unit.formed_from)
        return Place(
            unit.name, True, members, unit, {p.name: p.regions[scheme] for p in members if scheme in p.regions}
        )
    if old is None:
        raise UnknownPlaceError(name)
    now = unit_of(regions, old) if merged(regions, on) else None
    return Place(old.name, False, (old,), now, {old.name: old.regions[scheme]} if scheme in old.regions else {})


def describe(place: Place) -> str:
    """One sentence on what the name covers: "tỉnh Phú Thọ (từ 01/7/2025) gồm …"."""
    unit = place.unit
    if place.on_new_map and unit is not None:
        if len(unit.formed_from) == 1:
            return f"{unit.kind.capitalize()} {unit.name} không sắp xếp lại năm 2025 (giữ nguyên địa giới)."
        return f"{unit.kind.capitalize()} {unit.name} (từ 01/7/2025) được hình thành từ {_join(unit.formed_from)} cũ."
    if unit is not None and len(unit.formed_from) > 1:
        return (
            f"Tỉnh {place.name} cũ nay (từ 01/7/2025) thuộc {unit.kind} {unit.name}, gồm {_join(unit.formed_from)} cũ."
        )
    return f"Tỉnh {place.name}."


def _join(names: list[str] | tuple[str, ...]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


YEAR_MIN, YEAR_MAX = 2009, 2030  # the programme's criteria sets: 491/QĐ-TTg (2009) to 51/2025/QĐ-TTg (2030)


def split_former(text: str) -> tuple[str, bool]:
    """'Vĩnh Phúc (cũ)' / 'tỉnh Vĩnh Phúc cũ' → ('Vĩnh Phúc', True)."""
    stripped = re.sub(r"\s*\(?\b(cũ|cu)\)?\s*$", "", text.strip(), flags=re.I)
    return stripped, stripped != text.strip()


def check_year(year: int | None) -> None:
    """A year of the programme, or a clear error naming the range accepted."""
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise PlaceError(
            f"Năm {year} nằm ngoài các giai đoạn của chương trình; chỉ nhận năm từ {YEAR_MIN} đến {YEAR_MAX}."
        )


def commune_group(regions: RegionMap, scheme: str, text: str) -> str:
    """A commune group ('1', 'nhóm 2', 'Xã nhóm 3', 'N1') as its code, or a clear error."""
    found = regions.find_region(scheme, text)
    if found is None:
        m = re.fullmatch(r"\s*(?:xã\s*|xa\s*)?(?:nhóm|nhom)?\s*(\d+)\s*", text, flags=re.I)
        found = regions.find_region(scheme, f"N{m.group(1)}") if m else None
    if found is None:
        names = ", ".join(r.name for r in regions.schemes[scheme].regions)
        raise PlaceError(f"Không nhận ra nhóm xã '{text}'; chỉ nhận: {names} (nhóm 1, 2 hoặc 3).")
    return found.code


def column_for(regions: RegionMap, scheme: str | None, place: str, on: dt.date) -> str | None:
    """The threshold column a place selects in a set with `scheme`: a commune group (2026-2030), the
    region of a province read on `on` ('X cũ' for a former province), or None for a national set (the
    province must still exist).

    Raises:
        PlaceError: the place selects nothing (unknown name, group outside 1-3, a merged province whose
            former provinces lie in different regions: the message lists them to choose from).
    """
    if scheme is not None and regions.schemes[scheme].by == "commune_group":
        return commune_group(regions, scheme, place)
    name, former = split_former(place)
    found = locate(regions, name, on, former=former, scheme=scheme or "vung-7")
    if scheme is None:
        return None
    if found.spans_regions:
        choices = "; ".join(
            f"'{p.name} cũ' (vùng {regions.region(scheme, found.regions[p.name]).name})" for p in found.former
        )
        raise PlaceError(
            f"{describe(found)} Các tỉnh cũ thuộc những vùng khác nhau; hãy ghi tỉnh cũ của xã: {choices}."
        )
    return found.region
