"""The indicator a retrieved passage is the text of, for a figure asked in words the catalogue's names do not share
("bình quân mỗi người dân một năm làm ra bao nhiêu tiền" is indicator 10, thu nhập): retrieval finds the criterion's
text by meaning; the catalogue gives its figure for the region and year asked, which the passage's words alone may
not (a table's cell)."""

from __future__ import annotations

from assistant.answerers.asked_sets import question_sets
from assistant.answerers.base import Candidate, Context
from assistant.answerers.criteria import indicator_candidate
from corpus.criteria import CriteriaSet, Criterion

# Passages looked at: the best two.
_TOP = 2
# As sure as an indicator guessed from two or three words of its name: the chooser's meaning decides.
_PRIOR = 0.45


def _by_section(sets: list[CriteriaSet]) -> dict[str, tuple[CriteriaSet, Criterion, str]]:
    """Section path → the indicator written there, if it has a figure (what the passage may not show); a criterion
    of one indicator is that indicator's text too."""
    out: dict[str, tuple[CriteriaSet, Criterion, str]] = {}
    for cset in sets:
        for crit in cset.criteria:
            figured = [i for i in crit.indicators if i.comparator != "text" and i.thresholds]
            for ind in figured:
                out.setdefault(ind.section, (cset, crit, ind.code))
            if len(crit.indicators) == 1 and figured:
                out.setdefault(crit.section, (cset, crit, figured[0].code))
    return out


def found_indicators(ctx: Context) -> list[Candidate]:
    if "threshold" not in ctx.need.asks:
        return []
    # The sets of the tier asked (a district's question is not the district nâng cao set's), and the one chosen.
    tiers = set(ctx.need.tiers) | {ctx.query.tier or "NTM"}
    sets = [c for c in question_sets(ctx) if not c.province and (c.tier in tiers or c is ctx.criteria_set)]
    where = _by_section(sets)
    if not where:
        return []
    out: list[Candidate] = []
    seen: set[tuple[str, str]] = set()
    for r in ctx.passages()[:_TOP]:
        for path in dict.fromkeys([r.chunk.path, *r.chunk.section_paths]):
            hit = where.get(path)
            if hit is None or (hit[0].id, hit[2]) in seen:
                continue
            cset, crit, code = hit
            seen.add((cset.id, code))
            found = indicator_candidate(ctx, cset, crit, code, _PRIOR, {("indicator_guess", code)})
            if found.lexical > 0:  # the question shares at least a word with the indicator's name
                out.append(found)
    return out
