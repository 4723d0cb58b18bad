"""A document's dates against the date asked about (assistant.answerers.status)."""

import datetime as dt

from assistant.answerers.status import stated_dates


def test_a_date_no_calendar_has_is_no_stated_date() -> None:
    """ "có hiệu lực từ 31/02/2016 không?": read as no date, never an error."""
    assert stated_dates("từ 01/12/2016 hay 31/02/2016, 5/3/2013?") == {dt.date(2016, 12, 1), dt.date(2013, 3, 5)}
