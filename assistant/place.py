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
