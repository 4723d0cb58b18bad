"""The criteria catalogue: a set's overview, its groups, one or several criteria, an indicator and
its threshold for a region and year, and a value the question states judged against it."""

from __future__ import annotations

import re

from assistant.answerers import several
from assistant.answerers.asked_sets import question_sets
from assistant.answerers.base import Candidate, Context, Draft, lexical_cover
from assistant.answerers.catalogue import (
    ASKS_GROUP,
    base_covers,
    hint,
    period_note,
    set_docs,
    src,
    unverified_note,
)
from assistant.answerers.conditions import set_conditions, town_conditions
from assistant.answerers.indicators import match_indicator, own_words, without_offices
from assistant.answerers.overview import group_named, group_of_commune, set_groups, set_overview
from assistant.answerers.special import special_region
from assistant.criterion_names import criterion_key, criterion_names, find_by_name, says_name
from assistant.format import threshold_text, vn_number
from assistant.kinds import HAS_CRITERION
from assistant.rx import rx
from assistant.sets import COUNTED_SET
from assistant.target_sets import PERIOD_END, Ref
from assistant.understand import normalise_question
from corpus.criteria import ANY_REGION, CriteriaSet, Criterion
from corpus.normalize import fold

_NATIONAL = re.compile(r"\b(chung ca nuoc|muc chung|toan quoc)\b")
NATIONAL = "Mức chung cả nước"


def _years_asked(folded: str) -> list[int]:
    """The years a question names ("năm 2012 …, và đến năm 2020"), in order; not those of document numbers."""
    return [int(y) for y in dict.fromkeys(re.findall(r"\bnam ((?:19|20)\d\d)\b", folded))]


def _column(ctx: Context, cset: CriteriaSet) -> str | None:
    """The threshold column the question selects: its commune group in a 2026-2030 set, else its region."""
    scheme = ctx.catalogue.regions.schemes.get(cset.region_scheme or "")
    if scheme is not None and scheme.by == "commune_group":
        return ctx.query.commune_group
    if cset.region_scheme and _NATIONAL.search(ctx.query.folded) and not _also_national(ctx, cset):
        return ANY_REGION  # "mức chung cả nước" asks the national column, whatever province the asker is in
    special = special_region(ctx, cset.document) if cset.region_scheme else None
    return special[0] if special else ctx.query.region


def _also_national(ctx: Context, cset: CriteriaSet) -> bool:
    """ "của vùng tôi phải đạt bao nhiêu, và mức chung cả nước là bao nhiêu": the asker's region and the national
    column, both."""
    q = ctx.query
    return bool(
        q.region
        and cset.region_scheme
        and _NATIONAL.search(q.folded)
        and (
            # "vùng tôi", "vùng của tỉnh tôi", "xã ở vùng của chúng tôi": the asker's own region
            re.search(r"\bvung (?:cua )?(?:(?:tinh|xa|huyen) )?(?:toi|minh|em|chung toi|chung minh)\b", q.folded)
            # "mức chung cả nước là bao nhiêu? Xã thuộc Trà Vinh cũ … thì phải đạt mức nào?": a province named after
            # the national figure is asked is asked about too.
            or _named_after_national(q.folded, q.province)
        )
    )


def _named_after_national(folded: str, province: str | None) -> bool:
    """The province is named after the words asking the national figure."""
    national = _NATIONAL.search(folded)
    named = folded.find(fold(province), national.end()) if national and province else -1
    return named > 0


def _region_name(ctx: Context, cset: CriteriaSet) -> str | None:
    column = _column(ctx, cset)
    if not (column and cset.region_scheme):
        return None
    if column == ANY_REGION:
        return NATIONAL
    try:
        return ctx.catalogue.regions.region(cset.region_scheme, column).name
    except StopIteration:
        return None


def _cell_note(ind, column: str | None, year: int | None) -> str:
    """Where an imported official table prints the figure given ("trang 3, hàng 7, cột 7 (Xã nhóm 3)")."""
    if column is None or ind.comparator == "text":
        return ""
    t = ind.threshold_for(column, year)
    return f" (bảng: {t.cell})" if t is not None and t.cell else ""


# "nhóm đó còn tiêu chí nào nữa", "cùng nhóm có những tiêu chí gì": the group's other criteria.
_ASKS_MEMBERS = re.compile(
    r"\b(nhom (do|nay|ay)|cung nhom)\b.*\btieu chi (nao|gi)\b"
    r"|\bnhom\b[^,?]*\b(gom|con|co) (nhung |cac )?tieu chi (nao|gi)\b"
)


def _target_year(ind, column: str | None, year: int | None, cset: CriteriaSet) -> int | None:
    """The year whose figure answers: the one asked, or, when the table fixes only a later year of the set's own
    period ("thu nhập … đến năm 2020"), that target, asked of any year of the period."""
    if year is None or ind.comparator == "text" or ind.threshold_for(column, year) is not None:
        return year
    target = ind.threshold_for(column, None)
    start, _, end = (cset.period or "").partition("-")
    if (
        target is not None
        and target.year
        and start.isdigit()
        and end.isdigit()
        and int(start) <= year <= target.year <= int(end)
    ):
        return target.year
    return year


def criterion_drafts(ctx: Context, cset: CriteriaSet, crit: Criterion, indicator: str | None) -> list[Draft]:
    q = ctx.query
    region_name = _region_name(ctx, cset)
    asked_year = q.ask_year or (ctx.as_of.year if ctx.as_of.year <= PERIOD_END.year else None)
    start, _, end = (cset.period or "").partition("-")
    if not q.ask_year and q.recognition_year and start.isdigit() and int(start) <= q.recognition_year <= int(end):
        # "được công nhận năm 2015 …, khi đó thu nhập phải đạt bao nhiêu": the figure of the year recognised.
        asked_year = q.recognition_year
    year = asked_year
    indicators = [i for i in crit.indicators if indicator in (None, i.code)]
    named = f"{crit.name}; trước khi sửa đổi: {crit.former_name}" if crit.former_name else crit.name
    # "… là tiêu chí số mấy, thuộc nhóm nào?"
    group = f"; thuộc nhóm {crit.group}" if crit.group and ASKS_GROUP.search(q.folded) else ""
    if group and _ASKS_MEMBERS.search(q.folded):
        # "… thuộc nhóm nào, nhóm đó còn tiêu chí nào nữa": the group's criteria, the one asked about among them.
        members = [f"{c.number} ({c.name})" for c in cset.criteria if c.group == crit.group]
        listed = ", ".join(members[:-1]) + " và " + members[-1] if len(members) > 1 else members[0]
        group += f" — nhóm gồm tiêu chí {listed}"
    named += group
    column = _column(ctx, cset) if region_name else None
    where = ""
    if region_name:
        where = f", {region_name.lower()}" if region_name.startswith(("Xã", NATIONAL)) else f", vùng {region_name}"
    annex = f"{cset.annex}, " if cset.annex and "where" in ctx.need.asks else ""  # "nằm ở phụ lục nào"
    of = f"{cset.title} ({annex}{cset.document}){where}"
    if not crit.indicators:
        # A criterion whose indicators no source shows: what is known and what is not, nothing invented.
        out = [Draft(f"Tiêu chí {crit.number} ({named}) của {of}: {crit.pending}", src(cset, crit.section, crit.name))]
        placed = group_of_commune(q.folded) if cset.region_scheme == "nhom-xa" else None
        if placed is not None:
            # "xã thuộc nhóm như chúng tôi (xã khu vực III) phải đạt bao nhiêu": the group its stated facts put it in
            # is what the figure would be read for, when the corpus has it.
            why = f" ({'; '.join(placed[1])})" if placed[1] else ""
            out.append(Draft(f"Theo những điều câu hỏi nêu về xã, xã thuộc nhóm {placed[0]}{why}."))
        return out
    if region_name is None and cset.region_scheme and len(set(q.place_regions.values())) > 1:
        return _by_former_province(ctx, cset, crit, indicators, year)
    head = f"Tiêu chí {crit.number} ({named}) của {of} gồm {len(crit.indicators)} chỉ tiêu:"
    if indicator and indicators:
        head = f"Chỉ tiêu {indicator} thuộc tiêu chí {crit.number} ({crit.name}{group}) của {of}:"
    elif indicator:
        # "chỉ tiêu 17.8 xã nâng cao": the nâng cao set's criterion 17 is one line in the corpus; said, and shown whole.
        head = (
            f"Kho văn bản không có chỉ tiêu {indicator} trong {of}; tiêu chí {crit.number} ({named}) gồm "
            f"{len(crit.indicators)} chỉ tiêu:"
        )
        indicators = list(crit.indicators)
    first = crit.indicators[0]
    lead = src(cset, crit.section, hint(cset, first), first.page) if cset.imported_from else None
    out = [Draft(head, lead or src(cset, crit.section, crit.name))]
    special = special_region(ctx, cset.document) if column not in (None, ANY_REGION) else None
    if special is not None:
        out.insert(0, special[1])  # why this commune is held to another region's figures
    unverified = 0
    names = _region_names(ctx, cset)
    for ind in indicators:
        year = _target_year(ind, column, asked_year, cset)
        req = threshold_text(ind, column, year, names) + _cell_note(ind, column, year)
        national = ind.threshold_for(ANY_REGION, year) if ind.comparator != "text" else None
        if column not in (None, ANY_REGION) and national is not None and _also_national(ctx, cset):
            req += f"; {NATIONAL.lower()}: {threshold_text(ind, ANY_REGION, year)}"
        else:
            national = None
        # One figure shown: its own cell's evidence confirms it even when the indicator's other cells are not.
        cell = ind.threshold_for(column, year) if column is not None and ind.comparator != "text" else None
        verified = ind.cell_verified(cell) if cell is not None else ind.figures_verified
        verified = verified and (national is None or ind.cell_verified(national))
        years = _years_asked(q.folded)
        if cell is not None and len(years) > 1:
            # "năm 2012 là bao nhiêu, và đến năm 2020 là bao nhiêu": the figure of each year named.
            shown = []
            for t in (ind.threshold_for(column, y) for y in years):
                if t is not None and all(t is not u for u in shown):
                    shown.append(t)
            if len(shown) > 1:
                req = "; ".join(threshold_text(ind, column, t.year) for t in shown)
                verified = all(ind.cell_verified(t) for t in shown)
        flag = "" if verified else " (chưa xác minh)"
        unverified += 0 if verified else 1
        cite = src(cset, ind.section, hint(cset, ind), ind.page)
        out.append(Draft(f"- {ind.code}. {ind.name}: {req}{flag}.", cite))
    if unverified:
        out.append(unverified_note(unverified))
    return out


def _by_former_province(
    ctx: Context, cset: CriteriaSet, crit: Criterion, indicators: list, year: int | None
) -> list[Draft]:
    """A merged province spanning two regions: each former province's figures, and the question back."""
    q = ctx.query
    regions = ctx.catalogue.regions
    head = (
        f"{q.place_note} Các tỉnh cũ này thuộc những vùng khác nhau trong {cset.title} ({cset.document}), nên mức "
        "đạt chuẩn tùy xã thuộc tỉnh cũ nào (xin cho biết để trả lời một mức):"
    )
    if q.place_note is None:
        # Two provinces asked about, each of one region: each one's figure.
        head = f"Các tỉnh được hỏi thuộc những vùng khác nhau trong {cset.title} ({cset.document}); mức của từng vùng:"
    out = [Draft(head, src(cset, crit.section, crit.name))]
    by_region: dict[str, list[str]] = {}
    for former, code in q.place_regions.items():
        by_region.setdefault(code, []).append(former)
    for code, formers in by_region.items():
        try:
            name = regions.region(cset.region_scheme, code).name
        except StopIteration:
            continue
        for ind in indicators:
            req = threshold_text(ind, code, year)
            flag = "" if ind.figures_verified else " (chưa xác minh)"
            text = f"- Xã thuộc {', '.join(formers)} (vùng {name}), chỉ tiêu {ind.code}. {ind.name}: {req}{flag}."
            out.append(Draft(text, src(cset, ind.section, ind.name)))
    return out


def _region_names(ctx: Context, cset: CriteriaSet) -> dict[str, str]:
    """The set's regions (or commune groups) by code, to label every region's figure with its name."""
    scheme = ctx.catalogue.regions.schemes.get(cset.region_scheme) if cset.region_scheme else None
    return {r.code: r.name for r in scheme.regions} if scheme is not None else {}


def indicator_candidate(
    ctx: Context,
    cset: CriteriaSet,
    crit: Criterion,
    ind: str | None,
    prior: float,
    atoms: set,
    counts_indicators: bool = False,
    boost: float = 0.0,
) -> Candidate:
    """A criterion, or one indicator of it, of a set: its name, its figures for the region and year asked. `prior`:
    how surely the question named it; `boost`: the set's own standing (named, or the one chosen)."""
    base = base_covers(cset) | {("doc", d) for d in set_docs(cset, ctx.query.sets)}
    named_text = crit.name + " " + " ".join(i.name for i in crit.indicators if ind in (None, i.code))
    return Candidate(
        "criteria",
        criterion_drafts(ctx, cset, crit, ind) + period_note(ctx, cset),
        lexical=lexical_cover(ctx.text, named_text),
        covers=base | atoms,
        # A criterion whose indicators no source shows (51/2025) has no figure to give, but says so: asked the level
        # of a criterion named by its number or name, that is the answer.
        # One indicator's answer does not count the criterion's indicators ("TC 4 gồm mấy chỉ tiêu").
        # Its group said when asked ("được xếp vào nhóm nào"): it answers which one.
        answers=(
            {"threshold", "list", "count", "contents", "definition", "indicator"}
            # ("Tiêu chí môi trường của bộ 2026-2030 gồm những chỉ tiêu nào": that they are not known is the answer,
            # unless another period's set is asked too, whose indicators are known.)
            - (
                set()
                if crit.indicators
                else ({"count"} if crit.pending and len(ctx.need.periods) < 2 else {"count", "list"})
                | ({"threshold"} if prior < 0.8 else set())
            )
            - ({"count", "list"} if ind and counts_indicators else set())
        )
        | ({"which"} if ASKS_GROUP.search(ctx.query.folded) else set()),
        evidence=[next((i.section for i in crit.indicators if i.code == ind), crit.section)],
        docs=set_docs(cset, ctx.query.sets),
        period=cset.period,
        prior=prior + boost,
        label=f"{cset.id} tiêu chí {crit.number}{' ' + ind if ind else ''}",
        counts=frozenset({"chi tieu"}),
    )


_ORDINAL = re.compile(r"\btieu chi (cuoi cung|sau cung|dau tien)\b")


def criteria(ctx: Context) -> list[Candidate]:
    q, need = ctx.query, ctx.need
    out: list[Candidate] = town_conditions(ctx)
    # A follow-up that names no criterion of its own asks about the earlier question's ("vùng đó là bao nhiêu?").
    f = f"{normalise_question(q.context)} {q.folded}" if q.context else q.folded
    # "bộ 19 tiêu chí": a set named by its count of criteria, which its overview states.
    stated = COUNTED_SET.search(f)
    for rank, cset in enumerate(question_sets(ctx)):
        base = base_covers(cset)
        docs = set_docs(cset, q.sets)
        base = base | {("doc", d) for d in docs}
        named = bool(docs & set(q.sets)) and cset.tier == (q.tier if q.tier in ("nâng cao", "kiểu mẫu") else "NTM")
        prior_boost = 0.2 if named or rank == 0 else 0.0
        numbers = need.criteria or ([q.criterion] if q.criterion and not need.crosswalk else [])
        counts_indicators = "count" in need.asks and (need.counted or "").startswith("chi tieu")
        picked: list[tuple[Criterion, str | None, float, set]] = []
        for n in numbers:
            crit = next((c for c in cset.criteria if c.number == n), None)
            if crit is not None:
                ind = q.indicator if q.indicator and q.indicator.split(".")[0] == str(n) else None
                atoms = {("criterion", str(n))} | ({("indicator", ind)} if ind else set())
                picked.append((crit, ind, 1.0, atoms))
                if ind and counts_indicators:
                    # "TC 4 gồm mấy chỉ tiêu? Chỉ tiêu 4.2 bao nhiêu %?": the whole criterion counts its indicators.
                    picked.append((crit, None, 0.9, {("criterion", str(n))}))
        named_group = group_named(cset, f)
        # "nhóm Văn hóa - xã hội - môi trường" names a group, not the criterion "Môi trường".
        by_name = (
            q.criterion_name
            and not need.crosswalk
            and not (named_group and criterion_key(q.criterion_name) in fold(named_group))
        )
        if not numbers and by_name:
            crit = find_by_name(cset, q.criterion_name, ctx.catalogue)
            if crit is not None:
                picked.append(
                    (crit, None, 0.8, {("criterion_name", q.criterion_name), ("criterion", str(crit.number))})
                )
        ordinal = _ORDINAL.search(f) if not numbers and not by_name and cset.criteria else None
        if ordinal is not None:  # "Tiêu chí cuối cùng tên là gì": the set's last (or first) criterion
            crit = max(cset.criteria, key=lambda c: c.number if ordinal.group(1) != "dau tien" else -c.number)
            picked.append((crit, None, 0.9, {("criterion", str(crit.number))}))
        said_name = None  # a criterion's name the question uses without "tiêu chí"
        if not picked and not numbers and not q.indicator:
            # "mức thu nhập của xã …": a criterion's name in the question without the words "tiêu chí".
            for crit in cset.criteria:
                keys = [criterion_key(n) for n in criterion_names(ctx.catalogue, cset, crit)]
                said_name = next(
                    (
                        k
                        for k in keys
                        if len(k.split()) >= 2
                        and rx(rf"\b{re.escape(k)}\b").search(without_offices(f))
                        and says_name(ctx.catalogue, k, without_offices(f))
                        # "nhóm Hệ thống chính trị": the group's name, not its criterion's
                        and not (named_group and k in fold(named_group).lower())
                    ),
                    None,
                )
                if said_name:
                    picked.append((crit, None, 0.7, {("criterion_name", crit.name)}))
                    break
        hit = match_indicator(f, cset, asked="indicator" in need.asks) if not q.indicator else None
        crit = next((c for c in cset.criteria if c.number == hit[0]), None) if hit else None
        ind_name = fold(next(i.name for i in crit.indicators if i.code == hit[1])) if hit and crit else ""
        named_words = criterion_key(q.criterion_name) if q.criterion_name else said_name
        # A criterion named by words its indicator's name holds ("tham gia bảo hiểm y tế" holds "y tế"): the
        # indicator says more than its criterion, and is proposed beside it, ranked above.
        # (A criterion of one indicator is said as the criterion; so is one whose indicators are asked for, "gồm
        # những chỉ tiêu nào, và tỷ lệ … bao nhiêu". The indicator's own words, not its criterion's, must be said:
        # "Các yêu cầu khác của tiêu chí môi trường" is no indicator "môi trường" and "yêu cầu" name.)
        # So is an indicator of the criterion the question names by name, spelt out in the indicator's own words
        # ("tỷ lệ hộ có nhà tiêu hợp vệ sinh theo tiêu chí môi trường"): the criterion says where, the indicator what.
        of_named = crit is not None and any(p[0].number == crit.number and p[1] is None and p[2] < 1.0 for p in picked)
        within = bool(
            named_words
            and (named_words in ind_name or of_named)
            and crit is not None
            and len(crit.indicators) > 1
            and "list" not in need.asks
            and not counts_indicators
            and len(own_words(ind_name, crit.name) & set(f.split())) >= 3
        )
        if hit and not any(
            p[1] == hit[1] or (p[1] is None and p[0].number == hit[0] and not (within and p[2] < 1.0)) for p in picked
        ):
            # An indicator the question spells out in words; its lexical cover decides against the others.
            guess = {("indicator_guess", hit[1])}
            prior = 0.45
            if within:
                # The named words are part of this indicator's name, which says more: it is the more specific.
                guess.add(("criterion_name", q.criterion_name or crit.name))
                prior = 1.05
            picked.append((crit, hit[1], prior, guess))
        if len(q.indicators) > 1 and len(need.criteria) <= 1:
            # "Chỉ tiêu 17.1 và 17.7 theo 318 là gì?": each indicator named by its code.
            both = several.by_codes(ctx, cset, q.indicators, base, docs, criterion_drafts)
            if both is not None:
                out.append(both)
        if not numbers and not q.indicator:
            # Two indicators spelt out, or two criteria named ("tiêu chí Lao động và tiêu chí Quốc phòng …"): one
            # candidate answering each.
            out += [
                c
                for c in (
                    several.by_words(ctx, cset, f, base, docs, criterion_drafts),
                    several.by_names(ctx, cset, f, base, docs, criterion_drafts),
                )
                if c is not None
            ]
        for crit, ind, prior, atoms in picked:
            judged = ctx.judged if ctx.judged is not None and rank == 0 else None
            if judged is not None:
                out.append(_assessment(ctx, cset, judged, atoms | base))
            out.append(indicator_candidate(ctx, cset, crit, ind, prior, atoms, counts_indicators, prior_boost))
        conditions = set_conditions(ctx, cset)
        if conditions is not None:
            conditions.prior += prior_boost
            out.append(conditions)
        # "Tiêu chí thứ 10 trong bộ tiêu chí huyện 2021-2025 là gì?": a set of 9 criteria has no 10th; said in the head
        # of its list, never another set's criterion or a passage that happens to hold the number.
        beyond = [n for n in numbers if n > len(cset.criteria)] if not picked and cset.criteria else []
        beyond = beyond if rank == 0 and (q.period or docs & set(q.sets)) else []
        out.append(set_overview(ctx, cset, absent=beyond))
        out[-1].prior += prior_boost
        if by_name and not picked and HAS_CRITERION.search(f):
            # "Bộ tiêu chí mới còn tiêu chí chợ nông thôn không": no criterion of this set has the name; its list
            # of criteria is the answer.
            out[-1].prior += 0.4
        if beyond:
            out[-1].covers |= {("criterion", str(n)) for n in beyond}
            out[-1].answers |= {"definition", "contents"}
            out[-1].prior += 0.4
        counts_criteria = not need.counted or need.counted.startswith(("tieu chi", "chi tieu", "tieu"))
        if picked and not (need.asks & {"count", "list"} and counts_criteria):
            # A criterion or indicator the question spells out says more than the list of the set's criteria,
            # unless the question asks for that list or a count of criteria ("mấy năm" counts years).
            out[-1].prior -= 0.4
        counted = f" {len(cset.criteria)} tieu chi" if stated and int(stated.group(1)) == len(cset.criteria) else ""
        out[-1].lexical = lexical_cover(ctx.text, cset.title + counted)
        groups = set_groups(ctx, cset)
        if groups is not None:
            out.append(groups)
            if named_group is not None:
                one = set_groups(ctx, cset, only=fold(named_group))
                if one is not None:
                    one.covers |= base | {("group_name", fold(named_group))}
                    if q.criterion_name and criterion_key(q.criterion_name) in fold(named_group):
                        one.covers.add(("criterion_name", q.criterion_name))  # the words named the group
                    out.append(one)
    return out


def _assessment(ctx: Context, cset: CriteriaSet, judged: tuple, covers: set) -> Candidate:
    from assistant.assess import STATUS_LABEL

    result, region_name, year = judged
    where = "".join([f", vùng {region_name}" if region_name else "", f", năm {year}" if year else ""])
    unverified = "" if result.verified or result.threshold is None else " (chưa xác minh)"
    head = (
        f"Theo {cset.title} ({cset.document}){where}, chỉ tiêu {result.code} ({result.name}) yêu cầu "
        f"{result.requirement}{unverified}."
    )
    drafts = [Draft(head, src(cset, result.section, result.name))]
    unit = f" {result.unit}" if result.unit and result.unit != "%" else (result.unit or "")
    value = vn_number(result.value) if isinstance(result.value, float) else str(result.value)
    if result.status == "cannot_judge":
        drafts.append(
            Draft(
                f"Giá trị nêu trong câu hỏi: {value}{unit}. Không thể kết luận: {result.note}; cần đối chiếu văn "
                "bản chính thức."
            )
        )
    else:
        verdict = STATUS_LABEL[result.status] + (f" ({result.shortfall})" if result.shortfall else "")
        # The verdict answers the question, so it comes first, cited to the threshold it was judged by.
        drafts.insert(
            0, Draft(f"Giá trị nêu trong câu hỏi: {value}{unit} → {verdict}.", src(cset, result.section, result.name))
        )
        if unverified:
            drafts.append(Draft("Ngưỡng này chưa được xác minh với văn bản chính thức; kết luận chỉ để tham khảo."))
    return Candidate(
        "assessment",
        drafts,
        covers=covers | {("value", "stated")},
        answers={"threshold", "judge"},
        evidence=[result.section],
        docs=set_docs(cset, ctx.query.sets),
        period=cset.period,
        prior=1.2,
        label=f"đánh giá {result.code}",
    )


__all__ = ["Ref", "criteria"]
