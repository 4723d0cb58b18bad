"""Two named sets compared on one topic ("Yêu cầu về thu nhập của xã kiểu mẫu theo QĐ 691 và theo QĐ 319 khác
nhau thế nào?"): the indicator of each set whose name shares most of the question's distinctive words, side by
side, each with its threshold and citation."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answerers.base import QUESTION_WORDS, Candidate, Context, Draft, Source
from assistant.answerers.catalogue import base_covers, set_docs
from assistant.answerers.conditions import set_conditions
from assistant.answerers.criteria import criterion_drafts
from assistant.answerers.overview import set_overview
from assistant.criterion_names import criterion_names, named_criterion
from assistant.quote import GENERIC, number_words, weight, word_pairs
from corpus.criteria import CriteriaSet, Criterion
from corpus.normalize import syllables

# The counts of criteria or indicators compared, not one indicator of each set.
_COUNTED = re.compile(r"\b(so (luong )?|bao nhieu |nhieu )(tieu chi|chi tieu)\b")
# Words that ask for a comparison, or name the sets compared, and say nothing of what is compared ("bộ 2016-2020
# khác bộ 2021-2025 ở điểm nào": "ở" is not "nhà ở"). Not "mới" or "cũ": folded, they are "môi" and "cư".
_COMPARING = frozenset(
    {"so", "sanh", "khac", "nhau", "giong", "diem", "o", "bo", "giua", "voi", "thay", "doi", "the", "nao", "ra", "sao"}
    | {"truoc", "sau", "giai", "doan", "va"}
    # "So với Quyết định 318 thì bộ mới khác gì": the kind of the document named, and a particle.
    | {"quyet", "dinh", "qd", "thi"}
)


def _best(ctx: Context, cset: CriteriaSet, want: frozenset[str], pairs: frozenset[str]) -> tuple | None:
    """The indicator of `cset` whose name shares most of `want` (its criterion's names, the earlier ones too,
    count half; two words side by side count more, "hộ nghèo" against "hộ có đăng ký"); the set's own title
    words say nothing."""
    want = want - syllables(cset.title)
    scored = []
    for crit in cset.criteria:
        names = " ".join(criterion_names(ctx.catalogue, cset, crit))
        for ind in crit.indicators:
            score = (
                weight(syllables(ind.name) & want)
                + 0.5 * weight(syllables(names) & want)
                + len(pairs & (word_pairs(ind.name) | word_pairs(names)))
            )
            scored.append((score, crit, ind.code))
    return max(scored, key=lambda s: s[0], default=None)


def _named(ctx: Context, cset: CriteriaSet, want: frozenset[str]) -> tuple | None:
    """The criterion of `cset` the question names in words ("so sánh tiêu chí giao thông giữa QĐ 1980 và QĐ
    318"), whole, or its one indicator that shares a word beyond the criterion's names: scored on every
    indicator of the set, "giao thông" is "giáo dục … trung học phổ thông" once accents go."""
    crit = named_criterion(ctx.catalogue, cset, ctx.query.criterion_name or "")
    if crit is None:
        return None
    beyond = want - syllables(" ".join(criterion_names(ctx.catalogue, cset, crit)))
    score, code = max(((weight(syllables(i.name) & beyond), i.code) for i in crit.indicators), default=(0.0, None))
    return (1.0, crit, code if score >= 1.0 and len(crit.indicators) > 1 else None)


def _evidence(crit: Criterion, code: str | None) -> str:
    return next((i.section for i in crit.indicators if i.code == code), crit.section)


def compare(ctx: Context) -> list[Candidate]:
    q, need = ctx.query, ctx.need
    tier = q.tier if q.tier in ("nâng cao", "kiểu mẫu") else "NTM"
    numbers = list(q.sets)
    if len(numbers) < 2:
        # "… xã kiểu mẫu giai đoạn 2018-2020 và giai đoạn 2021-2025 khác nhau thế nào": each period's set of the tier.
        level = q.level or "xã"
        numbers = [
            c.document
            for period in need.periods or ([need.period] if need.period and q.sets else [])
            for c in ctx.catalogue.sets.values()
            if (c.period, c.level, c.tier) == (period, level, tier)
        ]
        # "So với bộ 318, bộ mới bỏ những tiêu chí nào": the named document against the set of the period named.
        numbers = list(dict.fromkeys([*q.sets, *numbers] if len(q.sets) == 1 else numbers))
    # "Khi QĐ 320 thay thế QĐ 558, điều kiện về xã và thị trấn của huyện thay đổi thế nào": what changed between two
    # named sets is their comparison too, beside the fact that one replaced the other.
    changed = "amends" in need.asks and len(q.sets) >= 2
    if not ("compare" in need.asks or changed) or len(numbers) < 2:
        return []
    general = _general_requirements(ctx, numbers, tier)
    if general is not None:
        return [replace(general, answers=general.answers | ({"amends"} if changed else set()))]
    if "compare" not in need.asks:
        return []
    named = frozenset().union(*(number_words(n) for n in numbers))
    years = frozenset(re.findall(r"\d{4}", " ".join([*need.periods, need.period or ""])))
    # The tier named names the sets compared too ("so sánh bộ tiêu chí xã NTM nâng cao của 1345 và 318"), not an
    # indicator "nâng cao chất lượng …".
    tier_words = syllables(q.tier) if q.tier in ("nâng cao", "kiểu mẫu") else frozenset()
    want = syllables(ctx.text) - QUESTION_WORDS - GENERIC - named - years - _COMPARING - tier_words
    if _COUNTED.search(q.folded) or (not want and not q.criterion_name):
        # "So sánh số tiêu chí của bộ 2021-2025 và bộ 2026-2030", "khác nhau thế nào về số tiêu chí", or the sets
        # compared on nothing named ("bộ 2016-2020 khác bộ 2021-2025 ở điểm nào"): each set's overview (its counts,
        # its criteria's names), side by side.
        return _overviews(ctx, numbers, tier)
    picked: list[tuple] = []
    pairs = word_pairs(ctx.text)
    for number in numbers:
        found = ctx.catalogue.for_document(number)
        sets = [c for c in found if c.tier == tier] or found
        best = None
        if q.criterion_name and not q.indicator:
            best = next(((*b, c) for c in sets if (b := _named(ctx, c, want)) is not None), None)
        best = best or max(
            ((*b, c) for c in sets if (b := _best(ctx, c, want, pairs)) is not None), key=lambda s: s[0], default=None
        )
        # At least one distinctive word in common ("thu nhập"): else the sets are compared on nothing.
        if best is not None and best[0] >= 1.0:
            picked.append((best[3], best[1], best[2]))
    if not picked and not q.criterion_name:
        # No indicator of any set shares a word with the question ("So sánh QĐ 558 với QĐ 320 giúp tôi"): the sets
        # are compared whole.
        return _overviews(ctx, numbers, tier)
    if len(picked) < 2:
        return []
    drafts = [d for cset, crit, code in picked for d in criterion_drafts(ctx, cset, crit, code)]
    covers = set().union(*(base_covers(c) | {("doc", d) for d in set_docs(c, numbers)} for c, _, _ in picked))
    return [
        Candidate(
            "criteria",
            drafts,
            covers=covers,
            answers={"compare", "threshold", "contents", "definition"},
            evidence=[_evidence(crit, code) for _, crit, code in picked][:2],
            docs=set().union(*(set_docs(c, numbers) for c, _, _ in picked)),
            prior=1.2,
            label="so sánh " + " / ".join(f"{c.id} {code or f'tiêu chí {crit.number}'}" for c, crit, code in picked),
        )
    ]


def _overviews(ctx: Context, numbers: list[str], tier: str) -> list[Candidate]:
    """Each named document's set overview (its counts, its criteria's names), side by side."""
    sets = [_main_set(ctx, n, tier) for n in numbers]
    if not all(c is not None for c in sets):
        return []
    made = [set_overview(ctx, c) for c in sets if c is not None]
    return [
        Candidate(
            "criteria",
            [d for c in made for d in c.drafts],
            covers=set().union(*(c.covers for c in made)),
            answers={"compare", "count", "list"},
            evidence=[e for c in made for e in c.evidence][:2],
            docs=set().union(*(c.docs for c in made)),
            prior=1.2,
            label="so sánh " + " / ".join(c.label for c in made),
        )
    ]


def _main_set(ctx: Context, number: str, tier: str) -> CriteriaSet | None:
    """The set of document `number` at the level and tier the question names; with neither named, the document's
    first set of the level named, or its first set ("QĐ 318 và QĐ 319 khác nhau thế nào": 318's commune set beside
    319's model-commune set; "so sánh QĐ 558 và 320": their district sets)."""
    q = ctx.query
    found = [c for c in ctx.catalogue.for_document(number) if not c.province]
    exact = next((c for c in found if (c.level, c.tier) == (q.level or "xã", tier)), None)
    if exact is not None or q.tier:
        return exact
    same_tier = [c for c in found if c.tier == tier] or found
    return next((c for c in same_tier if c.level == q.level), None) if q.level else next(iter(same_tier), None)


def _general_requirements(ctx: Context, numbers: list[str], tier: str) -> Candidate | None:
    """The district sets' general requirements side by side ("so sánh điều kiện về số xã đạt chuẩn trong tiêu chí
    huyện NTM theo QĐ 558 và QĐ 320"): each named set's, when the question asks about them and each has them."""
    found = []
    for number in numbers:
        sets = [c for c in ctx.catalogue.for_document(number) if c.tier == tier and not c.province]
        made = next((x for c in sets if (x := set_conditions(ctx, c)) is not None), None)
        if made is None:
            return None
        found.append(made)
    return Candidate(
        "criteria",
        [d for c in found for d in c.drafts],
        covers=set().union(*(c.covers for c in found)),
        answers={"compare", "list", "todo", "definition"} | set().union(*(c.answers for c in found)),
        evidence=[e for c in found for e in c.evidence][:2],
        docs=set().union(*(c.docs for c in found)),
        prior=1.2,
        label="so sánh " + " / ".join(c.label for c in found),
        lexical=max(c.lexical for c in found),
    )


# "Trong QĐ 318 chỉ tiêu này được chuyển sang tiêu chí nào, mang số mấy", "sang bộ 2021-2025 tương ứng với chỉ tiêu
# nào": where one set's indicator went in another set.
_MOVED = re.compile(
    r"\b(chuyen (sang|thanh|ve)|doi thanh|tuong ung( voi)?|nam o (tieu chi|chi tieu) nao|thuoc tieu chi nao|mang so may"
    r"|la chi tieu (so )?may)\b"
)


def counterpart(ctx: Context) -> list[Candidate]:
    """One set's indicator, named by its code with its set's period or document, and the indicator of another set
    the question names whose name is closest to it: where it went, side by side, each cited."""
    q, need = ctx.query, ctx.need
    if not q.indicator or not _MOVED.search(q.folded):
        return []
    level = q.level or "xã"
    sets = [c for c in ctx.catalogue.sets.values() if c.level == level and c.tier == "NTM"]
    periods = {a[1] for a in need.atoms if a[0] == "period"}
    source = next(
        (c for c in sets if c.period in periods and c.document not in q.sets and _indicator(c, q.indicator)), None
    )
    targets = [c for n in q.sets for c in ctx.catalogue.for_document(n) if c.level == level and c.tier == "NTM"]
    target = next((c for c in targets if source is not None and c.id != source.id), None)
    if source is None or target is None:
        return []
    crit, ind = _indicator(source, q.indicator)
    want = syllables(ind.name) - QUESTION_WORDS - GENERIC
    best = _best(ctx, target, want, word_pairs(ind.name))
    if best is None or best[0] < 2.0:
        return []
    _, tcrit, tcode = best
    tind = next(i for i in tcrit.indicators if i.code == tcode)
    drafts = [
        Draft(
            f"Chỉ tiêu {ind.code} ({ind.name}) thuộc tiêu chí {crit.number} ({crit.name}) của {source.title} "
            f"({source.document}) tương ứng với chỉ tiêu {tind.code} ({tind.name}) thuộc tiêu chí {tcrit.number} "
            f"({tcrit.name}) của {target.title} ({target.document}), theo tên chỉ tiêu gần nhất.",
            [Source(source.document, ind.section, ind.name), Source(target.document, tind.section, tind.name)],
        )
    ]
    return [
        Candidate(
            "criteria",
            drafts,
            covers=base_covers(source)
            | base_covers(target)
            | {("indicator", q.indicator), ("doc", target.document)}
            | {("criterion", str(crit.number))},
            answers={"which", "compare", "contents", "definition", "threshold"},
            evidence=[ind.section, tind.section],
            docs={source.document, target.document},
            prior=1.4,
            label=f"tương ứng {source.id} {ind.code} → {target.id} {tind.code}",
        )
    ]


def _indicator(cset: CriteriaSet, code: str) -> tuple | None:
    return next(((c, i) for c, i in cset.indicators() if i.code == code), None)
