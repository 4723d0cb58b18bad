"""The province a question names, read on the answer's date (the 63 provinces or the 34 units)."""

from __future__ import annotations

import datetime as dt

from assistant.understand import Query
from corpus.criteria import Catalogue
from corpus.places import Place, UnknownPlaceError, describe, locate


def read_place(query: Query, catalogue: Catalogue, on: dt.date) -> None:
    """Set the query's region from its province as named on `on` (the speaker's date).

    A merged unit that spans two regions leaves `region` empty and lists each former province's
    region in `place_regions`, so threshold answers give both or ask which former province.
    """
    if not query.province:
        return
    try:
        place = locate(catalogue.regions, query.province, on, former=query.province_former)
    except UnknownPlaceError:
        return
    query.place_note = describe(place)
    query.region = place.region
    query.place_regions = {f"{n} cũ": code for n, code in place.regions.items()} if place.spans_regions else {}
    if place.on_new_map:
        query.province = place.name
    # "… một xã thuộc Đắk Lắk cũ phải đạt bao nhiêu, còn một xã thuộc Phú Yên cũ?", "một xã ở Hà Tĩnh và một xã ở
    # Bình Dương (cũ)": two former provinces, or provinces that kept their borders, of two regions are two columns
    # asked, each given. A province named as the new unit it went into ("Bình Định, nay thuộc Gia Lai") is not.
    first = _named(place, query.province_former)
    formers = [(first, place.region)] if first and place.region else []
    for name, former in query.other_provinces:
        try:
            other = locate(catalogue.regions, name, on, former=former)
        except UnknownPlaceError:
            continue
        named = _named(other, former)
        if named and other.region:
            formers.append((named, other.region))
    if len({region for _, region in formers}) > 1:
        query.region = None
        query.place_regions = dict(formers)
        if not place.spans_regions:
            query.place_note = None  # several provinces asked about, not one merged province: no one note


def _named(place: Place, former: bool) -> str | None:
    """How a province asked about is named in an answer by region: "Phú Yên cũ", "Hà Tĩnh" (kept its borders)."""
    if former:
        return f"{place.former[0].name if len(place.former) == 1 else place.name} cũ"
    if place.unit is not None and place.region is not None:
        return place.name  # kept its borders, or merged within one region ("Đồng Nai" with Bình Phước)
    return None
