"""Two named sets compared on one topic ("Yêu cầu về thu nhập của xã kiểu mẫu theo QĐ 691 và theo QĐ 319 khác
nhau thế nào?"): the indicator of each set whose name shares most of the question's distinctive words, side by
side, each with its threshold and citation."""

from __future__ import annotations

from assistant.answerers.base import QUESTION_WORDS, Candidate, Context
from assistant.answerers.catalogue import base_covers, set_docs
from assistant.answerers.criteria import criterion_drafts, criterion_names
from assistant.quote import GENERIC, number_words, weight, word_pairs
from corpus.criteria import CriteriaSet
from corpus.normalize import syllables


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


def compare(ctx: Context) -> list[Candidate]:
    q, need = ctx.query, ctx.need
    if "compare" not in need.asks or len(q.sets) < 2:
        return []
    named = frozenset().union(*(number_words(n) for n in q.sets))
    want = syllables(ctx.text) - QUESTION_WORDS - GENERIC - named
    picked: list[tuple] = []
    pairs = word_pairs(ctx.text)
    for number in q.sets:
        tier = q.tier if q.tier in ("nâng cao", "kiểu mẫu") else "NTM"
        found = ctx.catalogue.for_document(number)
        sets = [c for c in found if c.tier == tier] or found
        best = max(
            ((*b, c) for c in sets if (b := _best(ctx, c, want, pairs)) is not None), key=lambda s: s[0], default=None
        )
        # At least one distinctive word in common ("thu nhập"): else the sets are compared on nothing.
        if best is not None and best[0] >= 1.0:
            picked.append((best[3], best[1], best[2]))
    if len(picked) < 2:
        return []
    drafts = [d for cset, crit, code in picked for d in criterion_drafts(ctx, cset, crit, code)]
    covers = set().union(*(base_covers(c) | {("doc", d) for d in set_docs(c, q.sets)} for c, _, _ in picked))
    return [
        Candidate(
            "criteria",
            drafts,
            covers=covers,
            answers={"compare", "threshold", "contents", "definition"},
            evidence=[next(i.section for i in crit.indicators if i.code == code) for _, crit, code in picked][:2],
            docs=set().union(*(set_docs(c, q.sets) for c, _, _ in picked)),
            prior=1.2,
            label="so sánh " + " / ".join(f"{c.id} {code}" for c, _, code in picked),
        )
    ]
