"""Document numbers as people type them and as documents print them: the official spelling restored
("18/2022/qd-ttg" → "18/2022/QĐ-TTg"), the leading number, and whether a kind's word names a held number's kind."""

from __future__ import annotations

import re

from corpus.normalize import fold

_SUFFIX_FIX = [("QD", "QĐ"), ("ND-", "NĐ-"), ("TTG", "TTg"), ("BCD", "BCĐ"), ("VPDP", "VPĐP"), ("DTTG", "ĐTTG")]


def display_number(kind: str, typed: str) -> str:
    """'Thông tư 41/2013/TT-BNNPTNT' from the folded 'thong tu' and '41/2013/tt-bnnptnt'."""
    parts = typed.split("/")
    if "-" in parts[0]:  # "19-nq" → "19-NQ"
        head, _, tail = parts[0].partition("-")
        parts[0] = f"{head}-{tail.upper()}"
    if len(parts) > 1 and not parts[-1].isdigit():
        suffix = parts[-1].upper()
        for a, b in _SUFFIX_FIX:
            suffix = suffix.replace(a, b)
        parts[-1] = suffix
    return f"{kind} {'/'.join(parts)}".rstrip()  # a document described, not numbered, has no number to add


def lead_number(number: str) -> str:
    """ "33" of "33/2020/qd-ttg", "19" of "19-nq/tw"; "" for a document named without a number."""
    return re.match(r"\d*", number).group(0)


def same_kind(kind: str, number: str) -> bool:
    """A kind's word ("quyet dinh") and a held number's code ("60/QĐ-BDTTG") name the same kind of document."""
    code = fold(number.split("/")[-1]).lower()
    return {"quyet dinh": "qd", "nghi quyet": "nq", "nghi dinh": "nd"}.get(kind, "?") in code.split("-")
