"""How recent a count the answer quotes is: "Có bao nhiêu xã đạt chuẩn NTM tính đến hết năm 2025?" answered with
«đến hết tháng 9/2023, cả nước đã có: 6.043 xã» must say that the corpus's figures stop in 2023, not leave the
reader to take them for 2025's."""

from __future__ import annotations

import datetime as dt
import re

from assistant.years import NOW_WORDS
from corpus.normalize import fold

# The date a statement counts up to: "đến hết tháng 9/2023", "tính đến ngày 30/6/2024", "đến hết năm 2022". A
# target ("đến năm 2025 có 80% số xã") says no "hết", month or day, so is no such date.
_COUNTED_TO = re.compile(
    r"\b(?:tinh )?den (?:het )?(?:(?:ngay \d{1,2}/(\d{1,2})/|thang (\d{1,2})/)((?:19|20)\d\d)|het nam ((?:19|20)\d\d))"
)


def counted_to(text: str) -> tuple[str, int] | None:
    """The latest "up to" date a text counts to, as written ("tháng 9/2023") and its year; None if it gives none."""
    best: tuple[str, int] | None = None
    for m in _COUNTED_TO.finditer(fold(text).lower()):
        month = m.group(1) or m.group(2)
        year = int(m.group(3) or m.group(4))
        said = f"tháng {int(month)}/{year}" if month else f"năm {year}"
        if best is None or year > best[1]:
            best = (said, year)
    return best


def stale_count_note(question: str, texts: list[str], year: int | None, as_of: dt.date) -> str | None:
    """A note when every dated count quoted stops before the date the question asks the count on: the one it counts
    to ("tính đến hết tháng 9/2023"), else the year it names, else today for "hiện nay"; None when a quote counts to
    that date, none is dated, or the question asks of no date ("khi đó": the document's own)."""
    dated = [d for d in (counted_to(t) for t in texts) if d is not None]
    if not dated:
        return None
    asked = counted_to(question)
    now = NOW_WORDS.search(fold(question).lower()) is not None
    wanted = asked[1] if asked else year or (as_of.year if now else None)
    said, latest = max(dated, key=lambda d: d[1])
    if wanted is None or latest >= wanted:
        return None
    later = "mới hơn" if now and not asked and not year else f"đến năm {wanted}"
    return f"Số liệu trên tính đến hết {said}, là số liệu mới nhất trong kho; kho chưa có số liệu {later}."
