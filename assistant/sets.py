"""Which catalogue set a criteria question is about, and a value the question states judged against it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answerers.indicators import match_indicator
from assistant.errors import CorpusError
from assistant.kinds import ASK_RE
from assistant.target_sets import LEVELS, Resolution
from assistant.understand import Query
from assistant.years import period_of
from corpus.criteria import ANY_REGION, Catalogue, CriteriaSet
from corpus.normalize import fold
from corpus.registry import Corpus

_VALUE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(trieu|%|phan tram)")
_JUDGE = ASK_RE["judge"]  # the same words that make "judge" a kind of question
_BY_LEVEL_TIER = {
    ("huyện", "nâng cao"): "320-huyen-nang-cao",
    ("huyện", None): "320-huyen-ntm",
    ("xã", "nâng cao"): "318-xa-nang-cao",
    ("xã", "kiểu mẫu"): "319-xa-kieu-mau",
}


def set_of_period(catalogue: Catalogue, query: Query, period: str) -> CriteriaSet | None:
    """The national set of a named period ("bộ tiêu chí giai đoạn 2016-2020") for the level and tier asked."""
    level = query.level if query.level in LEVELS else "xã"
    tier = {"nâng cao": "nâng cao", "kiểu mẫu": "kiểu mẫu"}.get(query.tier or "", "NTM")
    return next(
        (
            c
            for c in catalogue.sets.values()
            if c.period == period and c.level == level and c.tier == tier and not c.province
        ),
        None,
    )


def national_set_for(
    catalogue: Catalogue,
    query: Query,
    resolution: Resolution | None,
    when: dt.date | None,
    in_force: Callable[[str, dt.date], bool],
) -> CriteriaSet | None:
    """The catalogue set a criteria question is about: named, of a named period, resolved, in force on the
    answer's date, or by level and tier.

    Args:
        in_force: whether a document (by number) is in force on a date.
    """
    for number in query.sets:
        candidates = catalogue.for_document(number)
        if candidates:
            tier_key = {"nâng cao": "nang-cao", "kiểu mẫu": "kieu-mau"}.get(query.tier or "", "ntm")
            return next((c for c in candidates if c.short.endswith(tier_key)), candidates[0])
    # "tiêu chí … giai đoạn 2021-2025" names the set it asks about; the one in force today is another.
    # (query.period is only a period written as a set's: "theo Bộ tiêu chí … giai đoạn 2016-2020"; the
    # unit's recognition, when the question gives one too, is read separately.)
    if query.period:
        found = set_of_period(catalogue, query, query.period)
        if found is None and query.tier in ("nâng cao", "kiểu mẫu"):
            # "bộ tiêu chí xã NTM nâng cao 2026-2030": a period whose sets have no such tier (51/2025 holds one commune
            # set) is answered from its own set, which says so (period_note), not from another period's tier.
            found = set_of_period(catalogue, replace(query, tier=None), query.period)
        if found is not None:
            return found
    chosen = _set_by_date(catalogue, query, resolution, when, in_force)
    return _counted_set(catalogue, query, chosen, when) or chosen


# "bộ 19 tiêu chí", "19 tiêu chí nông thôn mới gồm những gì": a set named by how many criteria it has ("17/19 tiêu
# chí", "17 trên 19 tiêu chí" count those a unit meets).
COUNTED_SET = re.compile(r"(?<![/\d])(?<!tren )\b(\d{1,2}) tieu chi\b(?!\s*/)")
_COUNT_ASKED = re.compile(r"\b(may|bao nhieu|bn) tieu chi\b")


def _counted_set(
    catalogue: Catalogue, query: Query, chosen: CriteriaSet | None, when: dt.date | None
) -> CriteriaSet | None:
    """The latest national set of the chosen set's level and tier, begun by the answer's date, that has as many
    criteria as the question says, when the chosen one has not ("bộ 19 tiêu chí" asked in 2026, when 51/2025's set
    has 10, is 318's); None when the count fits the chosen set or no set has it."""
    m = COUNTED_SET.search(query.folded)
    if m is None or chosen is None or len(chosen.criteria) == int(m.group(1)):
        return None
    if _COUNT_ASKED.search(query.folded):
        return None  # "gồm mấy tiêu chí? bộ trước là 19 tiêu chí đúng không": a count asked, the one stated checked
    year = when.year if when is not None else 9999
    fits = [
        c
        for c in catalogue.sets.values()
        if not c.province
        and (c.level, c.tier) == (chosen.level, chosen.tier)
        and len(c.criteria) == int(m.group(1))
        and (c.period or "")[:4].isdigit()
        and int((c.period or "")[:4]) <= year
    ]
    return max(fits, key=lambda c: c.period, default=None)


def _set_by_date(
    catalogue: Catalogue,
    query: Query,
    resolution: Resolution | None,
    when: dt.date | None,
    in_force: Callable[[str, dt.date], bool],
) -> CriteriaSet | None:
    """The set that applies on the date; the previous period's when the current one names none (districts)."""
    rule = resolution
    if rule is not None and not (rule.applicable and rule.applicable.catalogue_id):
        rule = rule.previous or rule
    if rule is not None and rule.applicable and rule.applicable.catalogue_id:
        return catalogue.sets.get(rule.applicable.catalogue_id)
    if when is not None and query.level in (None, "xã") and query.tier in (None, "NTM", "đạt chuẩn"):
        # No period named: the set in force on the answer's date (51/2025 from 15/02/2026), not 318.
        current = set_of_period(catalogue, query, period_of(when.year))
        if current is not None and in_force(current.document, when):
            return current
    key = (
        query.level if query.level in LEVELS else "xã",
        query.tier if query.tier in ("nâng cao", "kiểu mẫu") else None,
    )
    return catalogue.sets.get(_BY_LEVEL_TIER.get(key, "318-xa-ntm"))


def judge_stated_value(
    catalogue: Catalogue, corpus: Corpus, query: Query, cset: CriteriaSet, when: dt.date
) -> tuple | None:
    """'thu nhập 45 triệu … đã đạt chưa?': the stated value judged with the assessment code, as
    (indicator result, region name, year), or None when the question states no value to judge."""
    from assistant.assess import assess  # assess renders reports; only a stated value needs it
    from assistant.profile import Profile

    value = _VALUE.search(query.folded)
    if not (value and _JUDGE.search(query.folded)):
        return None
    crit = next((c for c in cset.criteria if c.number == query.criterion), None)
    if crit is None and query.criterion_name:
        want = fold(query.criterion_name)
        crit = next((c for c in cset.criteria if fold(c.name) == want or want in fold(c.name)), None)
    # The indicator the question names, else the one it spells out in words ("suy dinh dưỡng thể thấp
    # còi" → 15.3), else the criterion's first of the stated unit.
    spelled = match_indicator(query.folded, cset)
    wants_percent = value.group(2) != "trieu"
    if crit is None and spelled is not None and not (query.criterion or query.criterion_name):
        # "tỷ lệ dân số có sổ khám chữa bệnh điện tử mới đạt 55%": the indicator spelt out names its criterion,
        # when it is measured in the unit stated (a guess measured in words judges no "100%").
        guess = next((c for c in cset.criteria if c.number == spelled[0]), None)
        ind = next((i for i in guess.indicators if i.code == spelled[1]), None) if guess else None
        crit = guess if ind is not None and ind.unit and ("%" in ind.unit) == wants_percent else None
    if crit is None or not crit.indicators:
        return None
    code = query.indicator or (spelled[1] if spelled and spelled[0] == crit.number else None)
    indicator = next((i for i in crit.indicators if i.code == code), None) or next(
        (i for i in crit.indicators if i.unit and (("%" in i.unit) == wants_percent)), crit.indicators[0]
    )
    year = query.ask_year or (when.year if when.year <= 2025 else None)
    region = query.region if cset.region_scheme else None
    per_region = bool(indicator.thresholds) and all(t.region != ANY_REGION for t in indicator.thresholds)
    if region is None and not query.province and per_region:
        # Figures set per region only, and no region or province the question names (or spells so that it is
        # read): nothing to judge against; the indicator's figures for every region answer instead.
        return None
    profile = Profile(
        set_id=cset.id,
        values={indicator.code: (value.group(1), "câu hỏi")},
        province=query.province,
        region=region if not query.province else None,
        year=year,
    )
    try:
        result = assess(profile, catalogue, corpus)
    except CorpusError:
        return None
    found = next(r for r in result.indicators if r.code == indicator.code)
    return found, result.region_name, year
