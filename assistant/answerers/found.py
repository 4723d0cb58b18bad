"""The indicator a retrieved passage is the text of, for a figure asked in words the catalogue's names do not share
("bình quân mỗi người dân một năm làm ra bao nhiêu tiền" is indicator 10, thu nhập): retrieval finds the criterion's
text by meaning; the catalogue gives its figure for the region and year asked, which the passage's words alone may
not (a table's cell)."""

from __future__ import annotations

import re

from assistant.answerers.asked_sets import question_sets
from assistant.answerers.base import QUESTION_WORDS, Candidate, Context
from assistant.answerers.criteria import indicator_candidate
from assistant.answerers.indicators import INDICATOR_GENERIC, LINK, pair_named
from assistant.quote import word_pairs
from corpus.criteria import CriteriaSet, Criterion, Indicator
from corpus.normalize import fold, syllables

# Passages looked at: the best three (a criterion's text may rank below two passages on keeping the standard).
_TOP = 3
# As sure as an indicator guessed from two or three words of its name: the chooser's meaning decides.
_PRIOR = 0.45


def _by_section(sets: list[CriteriaSet]) -> dict[str, list[tuple[CriteriaSet, Criterion, Indicator]]]:
    """Section path → the indicators written there that have a figure (what the passage may not show); a criterion
    of one indicator is that indicator's text too. One section may hold several (691's Điểm a: its 1.2 on
    cooperatives and its 1.3 on income)."""
    out: dict[str, list[tuple[CriteriaSet, Criterion, Indicator]]] = {}
    for cset in sets:
        for crit in cset.criteria:
            figured = [i for i in crit.indicators if i.comparator != "text" and i.thresholds]
            for ind in figured:
                out.setdefault(ind.section, []).append((cset, crit, ind))
            if len(crit.indicators) == 1 and figured and crit.section != figured[0].section:
                out.setdefault(crit.section, []).append((cset, crit, figured[0]))
    return out


_UNIT = re.compile(r"\b(xa|huyen)( nong thon moi| ntm)?( kieu mau| nang cao)\b")


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
    folded = fold(ctx.text).lower()
    # The unit asked about names no indicator: "xã kiểu mẫu" is not "hợp tác xã kiểu mới" (691's 1.2); nor does
    # "đối với", which links it to what is asked.
    unitless = LINK.sub(" ", _UNIT.sub(" ", folded))
    asked, words = word_pairs(unitless) - {"ty le"}, syllables(unitless) - QUESTION_WORDS - {"ty", "le"}
    named = {cset.id: pair_named(folded, cset) for cset in sets}
    for r in ctx.passages()[:_TOP]:
        for path in dict.fromkeys([r.chunk.path, *r.chunk.section_paths]):
            # An indicator the question names by words of its own ("đường ngõ, xóm" of 2.3) is asked, not another one
            # whose passage ranks high on the words they share (2.1's "đường … hóa").
            hits = [
                h
                for h in where.get(path, [])
                if (h[0].id, h[2].code) not in seen and (not named[h[0].id] or h[2].code in named[h[0].id])
            ]
            seen.update((h[0].id, h[2].code) for h in hits)
            found = [
                (
                    # Of several indicators in one section, the question's word pairs in the indicator's own name
                    # ("thu nhập … đạt chuẩn" of 691's 1.3) tell which, before the words its criterion's name shares.
                    len(word_pairs(ind.name) & asked),
                    indicator_candidate(ctx, cset, crit, ind.code, _PRIOR, {("indicator_guess", ind.code)}),
                )
                for cset, crit, ind in hits
                # None whose name shares no word with the question but the unit's ("xã kiểu mẫu"), "tỷ lệ" or an
                # everyday one ("dinh" of "suy dinh dưỡng" is that of "quy định").
                if (words & syllables(ind.name)) - INDICATOR_GENERIC
            ]
            best = max(found, key=lambda f: (f[0], f[1].lexical), default=None)
            if best is not None and best[1].lexical > 0:
                out.append(best[1])
    return out
