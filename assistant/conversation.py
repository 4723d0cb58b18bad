"""Follow-up questions: what an earlier turn said carries over unless the new question says otherwise."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.understand import Query

# Facts that describe the unit asked about; they carry over together.
_UNIT = ("level", "tier", "recognition_year", "recognition_period", "not_recognised")
_CONTEXT = ("ask_year", "province", "region", "sets", "criterion", "criterion_name", "indicator")


def merge(current: Query, earlier: list[Query]) -> Query:
    """Fill what the current question leaves open from the most recent earlier questions.

    When the new question changes the unit (another level or tier), the earlier recognition
    year is not carried over: it described a different unit ("còn xã NTM nâng cao thì sao?"
    after "xã đạt chuẩn năm 2017 …" should ask when the advanced commune was recognised).
    """
    merged = replace(current)
    # A follow-up carries the conversation only if it says something of the programme itself
    # (a year, a level, a tier, a set, a criterion, a place): "thế còn năm 2019?" does,
    # "thế còn giá xăng hôm nay?" does not and stays out of scope.
    facts = (
        current.level,
        current.tier,
        current.recognition_year,
        current.recognition_period,
        current.ask_year,
        current.sets,
        current.criterion,
        current.criterion_name,
        current.indicator,
        current.province,
        current.region,
    )
    # "cả hai quyết định đó", "văn bản này", "tiêu chí đó": the question points back at the conversation.
    refers = re.search(
        r"\b(quyet dinh|van ban|bo tieu chi|tieu chi|cong van|chi tieu|hai)( nay| do| tren| vua neu)\b", current.folded
    )
    if not current.domain and not any(facts) and not refers:
        return merged
    # Only earlier questions about the programme give context ("World Cup 2022" must not date the next answer).
    for previous in reversed([q for q in earlier if q.domain]):
        # A question that names its own level asks about another unit; one that only adds a tier
        # ("Đạt chuẩn NTM nâng cao anh ạ.") completes the earlier one.
        changed_unit = bool(current.level) and (
            (bool(previous.level) and current.level != previous.level)
            or bool(current.tier and previous.tier and current.tier != previous.tier)
        )
        for name in _UNIT:
            if changed_unit and name in ("recognition_year", "recognition_period"):
                continue
            if not getattr(merged, name) and getattr(previous, name):
                setattr(merged, name, getattr(previous, name))
        for name in _CONTEXT:
            if not getattr(merged, name) and getattr(previous, name):
                value = getattr(previous, name)
                setattr(merged, name, list(value) if isinstance(value, list) else value)
        merged.action = merged.action or previous.action
        merged.domain = True
    return merged
