"""The province a question names, read on the answer's date (the 63 provinces or the 34 units)."""

from __future__ import annotations

import datetime as dt

from assistant.understand import Query
from corpus.criteria import Catalogue
from corpus.places import UnknownPlaceError, describe, locate


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
    query.place_regions = dict(place.regions) if place.spans_regions else {}
    if place.on_new_map:
        query.province = place.name
    # "… một xã thuộc Đắk Lắk cũ phải đạt bao nhiêu, còn một xã thuộc Phú Yên cũ?": two former provinces of two
    # regions are two columns asked, each given.
    formers = [(query.province, place.region)] if query.province_former and place.region else []
    for name, former in query.other_provinces:
        if not former:
            continue
        try:
            other = locate(catalogue.regions, name, on, former=True)
        except UnknownPlaceError:
            continue
        if other.region:
            formers.append((other.name, other.region))
    if len({region for _, region in formers}) > 1:
        query.region = None
        query.place_regions = dict(formers)
