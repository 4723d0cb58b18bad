"""The criteria sets a question asks about: the set chosen for it, the sets of the documents, tiers, annexes and
periods it names, the set a recognised unit is held to, and, while the set in force holds no indicators yet, the
previous period's set."""

from __future__ import annotations

import re

from assistant.answerers.base import Context
from assistant.answerers.catalogue import annex_path
from assistant.criterion_names import DEFINED, criterion_key, criterion_names, named_criterion
from assistant.rx import rx
from assistant.sets import set_of_period
from assistant.years import period_of
from corpus.criteria import CriteriaSet
from corpus.normalize import fold

# Whether a tier still has a set of its own ("còn bộ tiêu chí riêng cho xã NTM nâng cao không", "còn quy định xã NTM
# kiểu mẫu không", "xã kiểu mẫu … nữa không"), in one sentence; a tier the asker's commune holds asks nothing of it.
_TIER_STILL = re.compile(
    r"\b(con|rieng)\b[^.?!;]*\b(nang cao|kieu mau)\b|\b(nang cao|kieu mau)\b[^.?!;]*\b(nua|rieng)\b"
)


def set_without_tier(ctx: Context) -> CriteriaSet | None:
    """The commune set of a period that has no set of the tier the question asks about, when the question asks
    whether that tier still has one ("Giai đoạn 2026-2030 còn bộ tiêu chí riêng cho xã NTM nâng cao không?"): 51/2025
    holds one commune set. None for a commune recognised in a year: its own case is the applicability card's."""
    q = ctx.query
    # ("Sau năm 2025 xã NTM kiểu mẫu còn được công nhận nữa không?": no period named, the answer's date's.)
    period = q.period or q.recognition_period or period_of(ctx.as_of.year)
    if q.tier not in ("nâng cao", "kiểu mẫu") or period != "2026-2030" or q.recognition_year is not None:
        return None
    if q.level not in (None, "xã") or _TIER_STILL.search(q.folded) is None:
        return None
    sets = [c for c in ctx.catalogue.sets.values() if c.period == period and c.level == "xã" and not c.province]
    if any(c.tier == q.tier for c in sets):
        return None
    return next((c for c in sets if c.tier == "NTM"), None)


def question_sets(ctx: Context) -> list[CriteriaSet]:
    """The set chosen for the question, then the other sets of the documents it names (a set compiled
    from an amended decision and its amendment, "491-342-…", belongs to both)."""
    out = [ctx.criteria_set] if ctx.criteria_set is not None else []
    if (alone := set_without_tier(ctx)) is not None and alone not in out:
        out.insert(0, alone)
    for number in ctx.query.sets:
        lead = number.split("/")[0]
        found = ctx.catalogue.for_document(number) or [
            c for c in ctx.catalogue.sets.values() if lead in c.id.split("-")[:3]
        ]
        for cset in found:
            tiers = ctx.need.tiers or [ctx.query.tier]
            if cset not in out and (ctx.query.tier in (None, "NTM") or cset.tier in tiers):
                out.append(cset)
    # "… trong bộ xã NTM 2021-2025 là chỉ tiêu số mấy, còn trong bộ xã NTM nâng cao?": each tier's set of that time.
    first = out[0] if out else None
    # …and of the period the question names ("xã NTM và xã NTM nâng cao giai đoạn 2021-2025"), when the first set is
    # the one in force.
    periods = {first.period, ctx.need.period, *ctx.need.periods} if first is not None else set()
    for tier in ctx.need.tiers if first is not None else []:
        out += [
            c
            for c in ctx.catalogue.sets.values()
            if c not in out and c.tier == tier and c.period in periods and c.level == first.level and not c.province
        ]
    # "Huyện đạt chuẩn năm 2019 theo QĐ 558 … phải đáp ứng bộ nào, và bộ đó yêu cầu bao nhiêu % xã nâng cao?": the
    # figure is asked of the set the unit is held to now, which the card names and the question need not.
    res = ctx.resolution
    q = ctx.query
    recognised = bool(q.recognition_year or q.recognition_period)
    if res is not None and res.applicable is not None and "threshold" in ctx.need.asks and recognised:
        ref = res.applicable.ref.path
        held = [c for c in ctx.catalogue.for_document(ref.split(" › ")[0]) if not c.province]
        held = [c for c in held if ref.startswith(annex_path(c))] or held[:1]
        out += [c for c in held if c not in out]
    # "tiêu chí 18 trong Phụ lục I và trong Phụ lục II của QĐ 318": each annex named is a set asked.
    annexes = {s for s in ctx.need.sections if s.startswith("Phụ lục")}
    for number in ctx.query.sets if annexes else []:
        for cset in ctx.catalogue.for_document(number):
            if cset not in out and any(annex_path(cset).endswith(f" › {a}") for a in annexes):
                out.append(cset)
    for period in ctx.need.periods:
        # "bộ 2016-2020 … sang bộ 2021-2025": each period the question compares has its set.
        found = set_of_period(ctx.catalogue, ctx.query, period)
        if found is not None and found not in out:
            out.append(found)
    first = out[0] if out else None
    numbers = {*ctx.need.criteria, *([ctx.query.criterion] if ctx.query.criterion else [])}
    if ctx.query.indicator:
        numbers.add(int(ctx.query.indicator.split(".")[0]))
    # Numbers are the set's own, unless the set has no criterion of that number ("chỉ tiêu 17.1" of a set of 10).
    numbered = bool(numbers) and first is not None and numbers <= {c.number for c in first.criteria}
    # "Điểm 1 tiêu chí 4 điện là gì": the number is the set in force's (Đào tạo nguồn nhân lực), the name the earlier
    # sets' criterion of that number; the name says which set is asked.
    renamed = numbered and first is not None and _named_elsewhere(ctx, first, numbers)
    numbered = numbered and not renamed
    if (
        first is not None
        and not (ctx.query.period or ctx.query.sets or numbered)
        # A commune group ("xã nhóm 2") exists only in the set in force: an earlier set's figure is no figure of it.
        and not ctx.query.commune_group
        and any(not c.indicators for c in first.criteria)
    ):
        # The set in force does not yet hold its indicators (51/2025): the previous period's set, whose
        # answers say which period they belong to, answers what the current one cannot.
        start = int(first.period[:4]) if first.period and first.period[:4].isdigit() else None
        previous = f"{start - 5}-{start - 1}" if start else None
        # A criterion asked of the tier the question names, where that period had a set of it ("xã kiểu mẫu … thu
        # nhập bao nhiêu" is 319's, not 318's): the set in force has one set for every tier. Not for a question
        # that names no criterion or asks who does what: the tier's whole set answers neither.
        earlier = [c for c in ctx.catalogue.sets.values() if c.period == previous and c.level == first.level]
        asked = bool(numbers or ctx.query.criterion_name) and bool(ctx.need.asks) and "duty" not in ctx.need.asks
        tier = ctx.query.tier if asked and any(c.tier == ctx.query.tier for c in earlier) else first.tier
        found = [c for c in earlier if c.tier == tier and not c.province and c not in out]
        out = found + out if renamed else out + found
    name = ctx.query.criterion_name
    # Named whole or without its head word ("Thôn thông minh là gì" of "Mô hình thôn thông minh").
    said = fold(name or "").lower()
    forms = "|".join(re.escape(x) for x in {said, re.sub(r"^(mo hinh|ty le) ", "", said)})
    defined = name and rx(rf"\b(?:{forms}) " + DEFINED.pattern).search(ctx.query.folded)
    if defined and not any(_holds(ctx, c, name) for c in out):
        # "Mô hình thôn thông minh là gì": a criterion only another set has (319's), that set's, the latest first.
        holders = [c for c in ctx.catalogue.sets.values() if not c.province and _holds(ctx, c, name)]
        out += sorted(holders, key=lambda c: c.period or "", reverse=True)[:1]
    return out


def _holds(ctx: Context, cset: CriteriaSet, name: str) -> bool:
    return named_criterion(ctx.catalogue, cset, name) is not None


def _named_elsewhere(ctx: Context, first: CriteriaSet, numbers: set[int]) -> bool:
    """Whether the question names its numbered criterion by a name that `first`'s criterion of that number does not
    have and another set's of the level does."""
    f = ctx.query.folded

    def said(cset: CriteriaSet, number: int) -> bool:
        crit = next((c for c in cset.criteria if c.number == number), None)
        if crit is None:
            return False
        keys = {criterion_key(n) for n in criterion_names(ctx.catalogue, cset, crit)}
        return any(rx(rf"\b{re.escape(k)}\b").search(f) for k in keys if k)

    others = [c for c in ctx.catalogue.sets.values() if c.level == first.level and c is not first]
    return any(not said(first, n) and any(said(c, n) for c in others) for n in numbers)
