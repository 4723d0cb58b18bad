"""Follow-up questions: what an earlier turn said carries over unless the new question says otherwise."""

from __future__ import annotations

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
    # Only earlier questions about the programme give context ("World Cup 2022" must not date the next answer).
    for previous in reversed([q for q in earlier if q.domain]):
        changed_unit = (current.level and previous.level and current.level != previous.level) or (
            current.tier and previous.tier and current.tier != previous.tier
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
        merged.domain = merged.domain or previous.domain
    return merged
