"""Which criteria set applies to a commune or district, and what it must do, as of a date.

A deterministic reading of items 1-8 of Công văn 14/BCĐCTMTQG (03/11/2023) for the
2021-2025 period, plus the sets in force before and after it (see DESIGN.md, "Time").
Every action and duty carries the corpus sections it rests on.
"""

from __future__ import annotations

import calendar
import datetime as dt

from assistant.dispatch import dispatch_case, districts_note, period_resolution, time_notes
from assistant.target_sets import (
    DISPATCH,
    EARLIER,
    LEVELS,
    NAMED,
    NEW_SET_IN_FORCE,
    NO_DISTRICT_PART,
    PERIOD_START,
    REGISTRY_2026_STEP,
    SETS,
    TIERS,
    TIERS_OF,
    Ref,
    Resolution,
    Step,
    TargetSet,
    duties,
    item,
    tier_words,
)
from assistant.years import period_of


def _earlier(level: str, tier: str, as_of: dt.date) -> Resolution:
    for start, end, target in EARLIER.get((level, tier), []):
        if start <= as_of <= end:
            r = Resolution(
                as_of=as_of,
                period=f"trước {PERIOD_START:%d/%m/%Y}",
                level=level,
                tier=tier,
                recognition=None,
                status=f"Thời điểm {as_of:%d/%m/%Y}, trước khi ban hành các bộ tiêu chí giai đoạn 2021-2025",
                case=None,
                applicable=target,
                in_dispatch=False,
            )
            # The tier is named: a card may also tell the set of a tier the unit aims at (card._aim_at).
            r.actions = [
                Step(f"Bộ tiêu chí {level} {tier_words(tier)} áp dụng tại thời điểm đó: {target.title}.", [target.ref])
            ]
            r.actions += _changed_that_year(level, tier, as_of, start)
            return r
    r = Resolution(
        as_of=as_of,
        period="không xác định",
        level=level,
        tier=tier,
        recognition=None,
        status=(
            f"Chưa có bộ tiêu chí quốc gia cho {level} {tier_words(tier)} tại thời điểm {as_of:%d/%m/%Y} trong kho "
            "văn bản"
        ),
        case=None,
        applicable=None,
        in_dispatch=False,
    )
    return r


def _changed_that_year(level: str, tier: str, as_of: dt.date, start: dt.date) -> list[Step]:
    """A bare year is read as its last day; when the set changed during that year, the one before also applied.

    ("Năm 2016 xã đạt chuẩn theo bộ nào": 491 until 30/11/2016, 1980 from 01/12/2016.)"""
    if (as_of.month, as_of.day) != (12, 31) or start.year != as_of.year:
        return []
    return [
        Step(f"Trong năm {as_of.year}, trước ngày {start:%d/%m/%Y}, áp dụng {target.title}.", [target.ref])
        for _, end, target in EARLIER.get((level, tier), [])
        if end < start and end.year == as_of.year
    ]


def _recognition_period(tier: str | None, year: int | None, period: str | None) -> str | None:
    if period:
        a, _, b = period.partition("-")
        if a.isdigit() and b.isdigit():
            a_i, b_i = int(a), int(b)
            if tier in ("nâng cao", "kiểu mẫu") and a_i >= 2016 and b_i <= 2020:
                return "2018-2020"
            if b_i <= 2015:
                return "2010-2015"
            if b_i <= 2020:
                return "2016-2020"
            if b_i <= 2025:
                return "2021-2025"
        return period
    if year is None:
        return None
    if tier in ("nâng cao", "kiểu mẫu") and 2018 <= year <= 2020:
        return "2018-2020"
    return period_of(year)


def resolve(
    level: str | None,
    tier: str | None,
    *,
    recognition_year: int | None = None,
    recognition_period: str | None = None,
    named_set: str | None = None,
    as_of: dt.date | None = None,
    not_recognised: bool = False,
    recognised_on: dt.date | None = None,
) -> Resolution:
    """Resolve what applies to a unit on a date.

    Args:
        level: "xã" or "huyện" (None when unknown).
        tier: "NTM", "nâng cao", "kiểu mẫu" (None when unknown).
        recognition_year: the year it was recognised.
        recognition_period: or the period ("2016-2020").
        named_set: or the document number of the set it was recognised under (e.g. "558/QĐ-TTg").
        as_of: the date the answer is for (default today).
        not_recognised: the unit has not been recognised yet.
        recognised_on: the day of the recognition in `recognition_year`, when known (a month: its last day).

    From 15/02/2026 the set that applies now is 51/2025/QĐ-TTg (communes); a district has no
    national set (the district level ended on 01/7/2025). The 2021-2025 answer is kept as
    `previous`, for context.
    """
    as_of = as_of or dt.date.today()
    r = _resolve_period(
        level,
        tier,
        recognition_year=recognition_year,
        recognition_period=recognition_period,
        named_set=named_set,
        as_of=as_of,
        not_recognised=not_recognised,
        recognised_on=recognised_on if recognised_on and recognised_on.year == recognition_year else None,
    )
    if as_of < NEW_SET_IN_FORCE or r.level not in ("xã", "huyện", "thị xã", "thành phố"):
        return r
    return _next_period(r, as_of)


def _next_period(previous: Resolution, as_of: dt.date) -> Resolution:
    new = SETS["51-2025"]
    r = Resolution(
        as_of=as_of,
        period="2026-2030",
        level=previous.level,
        tier=previous.tier,
        recognition=previous.recognition,
        status=previous.status,
        case=None,
        applicable=None,
        notes=previous.notes,
        in_dispatch=False,
        previous=previous,
    )
    if previous.level == "xã":
        r.applicable = new
        r.actions = [Step(REGISTRY_2026_STEP, [new.ref])]
        if previous.tier in ("nâng cao", "kiểu mẫu"):
            # An advanced or model commune asks what its tier became: the new set's parts hold no such tier.
            r.actions.append(no_tier_step(previous.tier))
    else:
        # Why there is none: the district level ended. Said here once, so the separate note is dropped.
        ended = districts_note(as_of)
        r.notes = [n for n in previous.notes if n.text != ended.text]
        r.actions = [
            Step(
                f"{new.title} {NO_DISTRICT_PART}",
                [new.ref],
            )
        ]
    return r


def goal_set(level: str | None, goal: str, as_of: dt.date) -> TargetSet | None:
    """The national set a unit aiming at a higher tier must reach on a date ("phấn đấu lên xã NTM nâng cao" in 2025:
    Phụ lục II of 318; "xã kiểu mẫu" in 2018: 691), or None (none in the corpus, or from 2026: see no_tier_step)."""
    if level not in LEVELS or goal not in TIERS or as_of >= NEW_SET_IN_FORCE:
        return None
    if as_of < PERIOD_START:
        return next((t for start, end, t in EARLIER.get((level, goal), []) if start <= as_of <= end), None)
    case = dispatch_case(level, goal, "2021-2025")
    return case.applicable if case is not None else None


def no_tier_step(*tiers: str) -> Step:
    """From 2026: the new set holds no commune set of these tiers ("nâng cao", "kiểu mẫu"), and what its parts are."""
    new = SETS["51-2025"]
    return Step(
        f"{new.title} không có bộ tiêu chí xã nông thôn mới {' hay '.join(tiers)} riêng: xã chỉ có một bộ tiêu chí "
        "(Phụ lục I), bên cạnh khung thí điểm xây dựng xã nông thôn mới hiện đại (Phụ lục II) và điều kiện tỉnh hoàn "
        "thành nhiệm vụ xây dựng nông thôn mới (Phụ lục III).",
        [new.ref],
    )


def _resolve_period(
    level: str | None,
    tier: str | None,
    *,
    recognition_year: int | None = None,
    recognition_period: str | None = None,
    named_set: str | None = None,
    as_of: dt.date | None = None,
    not_recognised: bool = False,
    recognised_on: dt.date | None = None,
) -> Resolution:
    as_of = as_of or dt.date.today()
    if named_set in NAMED and recognition_year and recognition_period == period_of(recognition_year):
        named_period = NAMED[named_set][2]
        if named_period != recognition_period and _period_in_force(named_period, recognition_year):
            # "Xã đạt chuẩn năm 2021 theo bộ 1980": 1980 stayed in force until 08/03/2022, so the set named, not
            # the calendar's period of the year, tells which of Công văn 14's items the unit falls under.
            recognition_period = named_period
    held = _set_held_all_year(level, tier, recognition_year, recognised_on) if not named_set else None
    if held is not None and recognition_year is not None and recognition_period in (None, period_of(recognition_year)):
        # "Xã đạt chuẩn NTM năm 2021", "… tháng 1 năm 2022": the 2021-2025 sets were issued on 08/03/2022, so a unit
        # recognised before was recognised under the set then in force (1980, 558, the 1345 framework, 691): Công văn
        # 14's item for it.
        r = _resolve_period(level, tier, named_set=held.doc, recognition_year=recognition_year, as_of=as_of)
        when = _when_said(recognition_year, recognised_on)
        r.notes.insert(
            0,
            Step(
                f"{when[0].upper()}{when[1:]} các bộ tiêu chí giai đoạn 2021-2025 chưa ban hành (ban hành ngày "
                f"{PERIOD_START:%d/%m/%Y}); đơn vị đạt chuẩn {when} được công nhận theo {held.title}.",
                # The dispatch's item names both the set and the date the 2021-2025 set was issued.
                [r.case] if r.case else [held.ref],
            ),
        )
        return r
    if named_set:
        given_period = recognition_period
        level, tier, recognition_period, conflict = _from_named_set(named_set, level, tier, recognition_period)
        if conflict and as_of >= PERIOD_START and level and (recognition_year or given_period or not_recognised):
            # The unit is told well enough without the set it names ("huyện phấn đấu đạt chuẩn năm 2024 … chấm theo
            # QĐ 318", "xã kiểu mẫu công nhận năm 2019 … căn cứ Công văn 1345"): say what does not fit, then answer
            # from the level, tier and year.
            note = f"Lưu ý: {conflict}; câu trả lời dựa trên cấp, hạng và năm công nhận nêu trong câu hỏi."
            if _before_advanced_sets(tier, recognition_year) and _set_of_year(named_set, recognition_year):
                # "Nâng cao năm 2012 theo QĐ 491": no national advanced set existed before 2018; the set named and the
                # year agree on what the unit was recognised as nationally.
                note = (
                    f"Lưu ý: trước năm 2018 chưa có bộ tiêu chí quốc gia về {level} {tier_words(tier)}; câu trả "
                    f"lời coi đơn vị đạt chuẩn nông thôn mới năm {recognition_year} theo {named_set} như câu hỏi nêu."
                )
                tier = NAMED[named_set][1]
            r = _resolve_period(
                level,
                tier,
                recognition_year=recognition_year,
                recognition_period=given_period,
                as_of=as_of,
                not_recognised=not_recognised,
            )
            r.notes.insert(0, Step(note, [Ref(named_set, f"{named_set} › Phần mở đầu")]))
            return r
        if conflict and as_of >= PERIOD_START:
            r = Resolution(
                as_of=as_of,
                period="2021-2025",
                level=level,
                tier=tier,
                recognition=None,
                status=f"Thông tin chưa khớp: {conflict}",
                case=None,
                applicable=None,
                in_dispatch=False,
                missing=["recognition"],
                ask=_ASK["recognition"],
            )
            r.actions = [
                Step(
                    f"Kiểm tra lại cấp, hạng và bộ tiêu chí đã được công nhận: {conflict}.",
                    [Ref(named_set, f"{named_set} › Phần mở đầu")],
                )
            ]
            time_notes(r, as_of)
            return r
    if level in ("thị xã", "thành phố"):
        r = period_resolution(
            level, tier, None, f"{level.capitalize()} trực thuộc cấp tỉnh", None, "320-thi-xa-thanh-pho"
        )
        r.in_dispatch = False
        r.actions = [Step(f"Đáp ứng {r.applicable.title}.", [r.applicable.ref])]
        r.duties = duties()
        time_notes(r, as_of)
        return r
    if tier == "thông minh":
        r = Resolution(
            as_of=as_of,
            period="2021-2025",
            level=level,
            tier=tier,
            recognition=None,
            status="Mô hình xã nông thôn mới thông minh",
            case=item(2),
            applicable=None,
            in_dispatch=True,
        )
        r.actions = [
            Step(
                "Chưa có bộ tiêu chí quốc gia riêng trong kho văn bản; mô hình xã nông thôn mới thông minh được xây "
                "dựng ở nơi có điều kiện theo quy định cụ thể của UBND cấp tỉnh.",
                [item(2), item(3)],
            )
        ]
        time_notes(r, as_of)
        return r
    if not_recognised and level in LEVELS:
        if as_of < PERIOD_START:
            return _earlier(level, "NTM", as_of)  # the set a commune had to reach then
        tier = None
    if as_of < PERIOD_START and level not in LEVELS and tier in TIERS:
        # "Năm 2015 bộ tiêu chí quốc gia về NTM là quyết định nào": when every level with a set of that tier on the
        # date had the same document (491 before 558, 04/2016; only communes had an advanced or model set before
        # 2022), the level changes nothing and is not asked; the communes' set is the one named.
        held = {lvl: t.doc for lvl in LEVELS for a, b, t in EARLIER.get((lvl, tier), []) if a <= as_of <= b}
        if len(set(held.values())) == 1:
            level = "xã" if "xã" in held else next(iter(held))
        elif held:
            return _ask_then([(lv, tier) for lv in held], as_of, "level")
    if as_of < PERIOD_START and level in LEVELS and tier in TIERS:
        r = _earlier(level, tier, as_of)
        return r
    if as_of < PERIOD_START and level in LEVELS and tier not in TIERS and not not_recognised:
        # "Xã đạt chuẩn năm 2019 thì khi đó áp dụng bộ tiêu chí nào?": each tier's set on that date (1980, the 1345
        # framework, 691), not Công văn 14's cases of 2023.
        tiers = [t for t in TIERS if any(a <= as_of <= b for a, b, _ in EARLIER.get((level, t), []))]
        if len(tiers) == 1:
            return _earlier(level, tiers[0], as_of)
        if tiers:
            return _ask_then([(level, t) for t in tiers], as_of, "tier")
    missing = []
    if level not in LEVELS:
        missing.append("level")
    if tier not in TIERS and not not_recognised:
        missing.append("tier")
    period = None if not_recognised else _recognition_period(tier, recognition_year, recognition_period)
    if not missing and period is None and not not_recognised:
        missing.append("recognition")
    if missing:
        return _ask(level, tier, period, missing, as_of)
    r = dispatch_case(level, tier, period)
    if r is None:
        r = Resolution(
            as_of=as_of,
            period="2021-2025",
            level=level,
            tier=tier,
            recognition=period,
            status=f"{level.capitalize()} đạt chuẩn {tier_words(tier)} giai đoạn {period}",
            case=None,
            applicable=None,
            in_dispatch=False,
        )
        r.actions = [
            Step(
                "Công văn 14/BCĐCTMTQG không có mục cho trường hợp này; cần đối chiếu quy định của UBND cấp tỉnh.",
                [Ref(DISPATCH, f"{DISPATCH} › Phần mở đầu")],
            )
        ]
    time_notes(r, as_of)
    return r


def _set_held_all_year(
    level: str | None, tier: str | None, year: int | None, day: dt.date | None = None
) -> TargetSet | None:
    """The earlier national set of the level and tier still in force at the end of `year` (or on `day` of it: `resolve`
    keeps only a day of that year) when that year's calendar period is a later one (2021, or January 2022: 1980, in
    force until 07/03/2022), else None."""
    if year is None or level not in LEVELS or tier not in TIERS or period_of(year) != "2021-2025":
        return None
    end = day or dt.date(year, 12, 31)
    return next((t for start, stop, t in EARLIER.get((level, tier), []) if start <= end <= stop), None)


def _when_said(year: int, day: dt.date | None) -> str:
    """ "năm 2021", "tháng 01/2022" (a month is read as its last day), "ngày 20/01/2022"."""
    if day is None:
        return f"năm {year}"
    last = calendar.monthrange(day.year, day.month)[1]
    return f"tháng {day:%m/%Y}" if day.day == last else f"ngày {day:%d/%m/%Y}"


def _period_in_force(period: str, year: int) -> bool:
    """A set of that period was still in force during the year (the 2016-2020 sets until 08/03/2022)."""
    return any(
        start.year <= year <= end.year
        for entries in EARLIER.values()
        for start, end, target in entries
        if target.doc in NAMED and NAMED[target.doc][2] == period
    )


def _before_advanced_sets(tier: str | None, year: int | None) -> bool:
    """An advanced or model tier said of a year before the first national sets of those tiers (1345, 691: 2018)."""
    return tier in ("nâng cao", "kiểu mẫu") and year is not None and year < 2018


def _set_of_year(number: str, year: int | None) -> bool:
    """The named set is a national set of the period that year falls in."""
    return number in NAMED and year is not None and period_of(year) == NAMED[number][2]


def _from_named_set(number: str, level, tier, period):
    """(level, tier, period, conflict): what a named set says about the unit, or why it cannot apply."""
    if number not in NAMED:
        return level, tier, period, None
    levels, k_tier, k_period = NAMED[number]
    if level is not None and level not in levels:
        return level, tier, period, f"{number} không phải bộ tiêu chí dành cho {level}"
    tiers = TIERS_OF.get(number, (k_tier,))
    if tier is not None and tier not in tiers:
        return level, tier, period, f"{number} không phải bộ tiêu chí {tier_words(tier)}"
    # Item 1 names 342 for communes only; item 4 names 491 alone for districts; 558 alone is the district set.
    default = levels[0] if len(levels) == 1 or number in ("342/QĐ-TTg", "558/QĐ-TTg") else None
    new_level = level or default
    return new_level, tier or k_tier, period or k_period, None


_ASK = {
    "level": "Đơn vị của bạn là xã hay huyện?",
    "tier": (
        "Đơn vị đã đạt chuẩn nông thôn mới, nông thôn mới nâng cao hay nông thôn mới kiểu mẫu (hay chưa đạt chuẩn)?"
    ),
    "recognition": "Đơn vị được công nhận đạt chuẩn năm nào (hoặc theo bộ tiêu chí nào)?",
}


def _ask_then(units: list[tuple[str, str]], as_of: dt.date, missing: str) -> Resolution:
    """ "Năm 2019 bộ tiêu chí NTM là quyết định nào" (the level missing), "xã đạt chuẩn năm 2019 thì khi đó áp dụng bộ
    nào" (the tier): what is missing is asked, beside each (level, tier)'s set on that date (not Công văn 14's cases,
    which are about units recognised before 2021-2025)."""
    alternatives = []
    for lv, tr in units:
        alt = _earlier(lv, tr, as_of)
        alt.status = f"{lv.capitalize()} {tier_words(tr)} (thời điểm {as_of:%d/%m/%Y})"
        alternatives.append(alt)
    levels = {lv for lv, _ in units}
    tiers = {tr for _, tr in units}
    return Resolution(
        as_of=as_of,
        period=f"trước {PERIOD_START:%d/%m/%Y}",
        level=next(iter(levels)) if len(levels) == 1 else None,
        tier=next(iter(tiers)) if len(tiers) == 1 else None,
        recognition=None,
        status="Chưa đủ thông tin để xác định",
        case=None,
        applicable=None,
        missing=[missing],
        ask=_ASK[missing],
        alternatives=alternatives,
        in_dispatch=False,
    )


def _ask(level, tier, period, missing: list[str], as_of: dt.date) -> Resolution:
    """A fact is missing: ask for it, and lay the possible cases side by side."""
    levels = [level] if level in LEVELS else list(LEVELS)
    tiers = [tier] if tier in TIERS else list(TIERS)
    alternatives: list[Resolution] = []
    for lv in levels:
        for tr in tiers:
            periods = (
                [period]
                if period
                else (["2010-2015", "2016-2020", "2021-2025"] if tr == "NTM" else ["2018-2020", "2021-2025"])
            )
            if lv == "huyện" and tr == "nâng cao":
                periods = ["2021-2025"]
            for pr in periods:
                case = dispatch_case(lv, tr, pr)
                if case is not None:
                    time_notes(case, as_of)
                    alternatives.append(case)
    if missing == ["recognition"] and len(alternatives) == 1 and alternatives[0].applicable:
        # One period only could have recognised it ("huyện NTM nâng cao": 2021-2025): nothing to ask.
        return alternatives[0]
    # When every possible case leads to the same set, name it, and still lay out the cases.
    targets = {a.applicable.catalogue_id for a in alternatives if a.applicable}
    if missing == ["recognition"] and len(targets) == 1 and all(a.applicable for a in alternatives):
        first = next((a for a in alternatives if a.case), alternatives[0])
        return Resolution(
            as_of=as_of,
            period="2021-2025",
            level=level,
            tier=tier,
            recognition=None,
            status=f"{level.capitalize()} đạt chuẩn {tier_words(tier)} (chưa rõ năm công nhận)",
            # The set is known, the dispatch item is not: it depends on when the unit was recognised.
            case=None,
            in_dispatch=False,
            applicable=first.applicable,
            actions=first.actions,
            duties=first.duties,
            notes=first.notes,
            missing=missing,
            ask=_ASK["recognition"],
            alternatives=alternatives,
        )
    return Resolution(
        as_of=as_of,
        period="2021-2025",
        level=level if level in LEVELS else None,
        tier=tier if tier in TIERS else None,
        recognition=period,
        status="Chưa đủ thông tin để xác định",
        case=None,
        applicable=None,
        missing=missing,
        ask=" ".join(_ASK[m] for m in missing),
        alternatives=alternatives,
        in_dispatch=False,
    )
