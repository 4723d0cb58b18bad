"""Several criteria or indicators a question names at once ("tỷ lệ … và tỷ lệ …", "tiêu chí Lao động và tiêu chí
Quốc phòng và An ninh lần lượt thuộc nhóm nào"): one candidate that answers each of them."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerers.base import Candidate, Context, Draft, lexical_cover
from assistant.answerers.catalogue import ASKS_GROUP, UNVERIFIED, period_note, unverified_note
from assistant.answerers.indicators import match_indicator
from assistant.criterion_names import criterion_key, name_parts
from assistant.rx import rx
from corpus.criteria import CriteriaSet, Criterion
from corpus.normalize import fold

# How one criterion (or one of its indicators) is said: criteria.criterion_drafts, passed in (it imports this).
DraftsOf = Callable[[Context, CriteriaSet, Criterion, "str | None"], list[Draft]]


def _joined(drafts: list[Draft]) -> list[Draft]:
    """Each criterion's drafts one after the other, with the note on unverified figures said once, for all of them."""
    notes = [d for d in drafts if UNVERIFIED.match(d.text)]
    if len(notes) < 2:
        return drafts
    total = sum(int(UNVERIFIED.match(d.text).group(1)) for d in notes)
    return [d for d in drafts if d not in notes] + [unverified_note(total)]


# What one criterion's or indicator's candidate answers, for each of the several asked.
_EACH_ANSWERS = frozenset({"threshold", "list", "count", "contents", "definition", "indicator"})


def by_words(
    ctx: Context, cset: CriteriaSet, f: str, base: set, docs: set[str], drafts_of: DraftsOf
) -> Candidate | None:
    """A question that spells out two indicators ("tỷ lệ … và tỷ lệ …"): one candidate with both."""
    # "Tiêu chí Hệ thống chính trị và tiếp cận pháp luật": a criterion's own name holds a "và"; its words are
    # the criterion asked about, not two indicators.
    for crit in cset.criteria:
        name = fold(crit.name).lower()
        if " va " in name and name in f:
            f = f.replace(name, " ")
    hits: list[tuple[int, str]] = []
    # A decimal comma ("93,5%") splits no part.
    for part in re.split(r"\bva\b|,(?!\d)|;|[.?!](?:\s|$)", f):
        # Each part asks of one thing: three words of one indicator's short name, more than any other's, name it.
        hit = match_indicator(part, cset, asked=True, share=0.35)
        if hit and hit not in hits:
            hits.append(hit)
    if len(hits) < 2:
        return None
    drafts: list[Draft] = []
    names = []
    for number, code in hits:
        crit = next(c for c in cset.criteria if c.number == number)
        drafts.extend(drafts_of(ctx, cset, crit, code))
        names.append(crit.name + " " + next(i.name for i in crit.indicators if i.code == code))
    covers = base | {("indicator_guess", code) for _, code in hits}
    q = ctx.query
    if q.criterion_name and any(criterion_key(q.criterion_name) in fold(n) for n in names):
        covers.add(("criterion_name", q.criterion_name))  # the named words are one of its indicators' names
    return Candidate(
        "criteria",
        _joined(drafts) + period_note(ctx, cset),
        covers=covers,
        answers=set(_EACH_ANSWERS) | ({"which"} if ASKS_GROUP.search(ctx.query.folded) else set()),
        evidence=[next(i.section for c in cset.criteria for i in c.indicators if i.code == code) for _, code in hits],
        docs=docs,
        period=cset.period,
        # Each indicator was spelled out in its own part of the question: together they answer more than one.
        prior=1.15,
        label=f"{cset.id} " + " + ".join(code for _, code in hits),
        lexical=lexical_cover(ctx.text, " ".join(names)),
        counts=frozenset({"chi tieu"}),
    )


# Asking words right after a criterion's name, ending its part of the question.
_ASKED_OF = r"(?:phai )?(?:dat |la )?(?:bao nhieu|the nao|ra sao|muc nao|nhu the nao)\b(?! (?:thi|de|moi)\b)"


def _plain(text: str) -> str:
    """Folded words only: "Y tế - Văn hóa - Giáo dục" and "y tế, văn hóa, giáo dục" are the same words."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _name_forms(name: str) -> set[str]:
    """How a question names a criterion after "tiêu chí": its name up to the first "và" or comma, its whole name,
    or a part of two words or more ("tiêu chí có nội dung hành chính công" names "Hệ thống chính trị - An ninh
    trật tự - Hành chính công")."""
    forms = {_plain(criterion_key(name)), _plain(name)}
    forms |= {_plain(p) for part in name_parts(name) for p in part.split(" - ") if len(p.split()) >= 2}
    return {x for x in forms if len(x) > 2}


def by_names(
    ctx: Context, cset: CriteriaSet, f: str, base: set, docs: set[str], drafts_of: DraftsOf
) -> Candidate | None:
    """Two criteria or more, each named by "tiêu chí" and its name ("tiêu chí Lao động và tiêu chí Quốc phòng và An
    ninh") or asked of in a part of its own ("… bao nhiêu và thu nhập bao nhiêu"): each criterion's answer, in the
    order named."""
    found: list[tuple[int, Criterion]] = []
    said = _plain(f)
    for crit in cset.criteria:
        starts = [
            m.start()
            for form in _name_forms(crit.name)
            for m in rx(
                rf"\btieu chi (?:so \d+ )?(?:(?:co noi dung|ve) )*{re.escape(form)}\b"
                # "… tỷ lệ hộ nghèo đa chiều bao nhiêu và thu nhập bao nhiêu?": a name asked of in its own part.
                rf"|\b{re.escape(form)} {_ASKED_OF}"
            ).finditer(said)
        ]
        if starts:
            found.append((min(starts), crit))
    if len(found) < 2:
        return None
    named = [crit for _, crit in sorted(found, key=lambda x: x[0])]
    covers = base | {("criterion", str(c.number)) for c in named}
    q = ctx.query
    if q.criterion_name and any(_plain(criterion_key(q.criterion_name)) in _name_forms(c.name) for c in named):
        covers.add(("criterion_name", q.criterion_name))
    return Candidate(
        "criteria",
        _joined([d for c in named for d in drafts_of(ctx, cset, c, None)]) + period_note(ctx, cset),
        covers=covers,
        answers=set(_EACH_ANSWERS) | ({"which"} if ASKS_GROUP.search(ctx.query.folded) else set()),
        evidence=[c.section for c in named],
        docs=docs,
        period=cset.period,
        # Each criterion was named in its own words: together they answer more than any one alone.
        prior=1.15,
        label=f"{cset.id} tiêu chí " + " + ".join(str(c.number) for c in named),
        lexical=lexical_cover(ctx.text, " ".join(c.name for c in named)),
        counts=frozenset({"chi tieu"}),
    )


def by_codes(
    ctx: Context, cset: CriteriaSet, codes: list[str], base: set, docs: set[str], drafts_of: DraftsOf
) -> Candidate | None:
    """Two indicators or more named by their codes ("Chỉ tiêu 17.1 và 17.7 theo 318 là gì?"): each one's answer, in
    the order named."""
    found = [(crit, code) for code in codes for crit in cset.criteria if any(i.code == code for i in crit.indicators)]
    if len(found) < 2:
        return None
    covers = base | {("indicator", code) for _, code in found} | {("criterion", str(c.number)) for c, _ in found}
    return Candidate(
        "criteria",
        _joined([d for crit, code in found for d in drafts_of(ctx, cset, crit, code)]) + period_note(ctx, cset),
        covers=covers,
        answers=set(_EACH_ANSWERS),
        evidence=[next(i.section for i in crit.indicators if i.code == code) for crit, code in found],
        docs=docs,
        period=cset.period,
        # Each indicator was named by its code: together they answer more than any one alone.
        prior=1.15,
        label=f"{cset.id} " + " + ".join(code for _, code in found),
        lexical=lexical_cover(ctx.text, " ".join(crit.name for crit, _ in found)),
        counts=frozenset({"chi tieu"}),
    )
