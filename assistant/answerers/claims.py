"""A claim the question asks to confirm about where a set is ("Bộ tiêu chí xã NTM nâng cao 2021-2025 là Phụ lục I
của Quyết định 318, đúng không?"): the catalogue knows which annex of its decision each set is, so the claim is
confirmed or corrected, both annexes cited, instead of quoting the annex the question named as if it were the set."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft, Source, document_name, lexical_cover

# "… là Phụ lục I của …", "nằm ở Phụ lục II": the question states where the set is. ("Kế hoạch ghi căn cứ Phụ lục I
# QĐ 318, có đúng không" asks whether that basis applies, which is the applicability card's question.)
_WHERE_CLAIMED = re.compile(r"\b(la|nam o|nam trong|thuoc|quy dinh tai|quy dinh o) phu luc\b")
# "…, đúng không?", "có phải là … không": asked to confirm. (Not a kind of question the chooser weighs: the
# applicability card answers "ghi căn cứ Phụ lục I QĐ 318 có đúng không" without it.)
_CONFIRM = re.compile(r"\b(?<!ap )(?<!su )(dung|phai) (khong|ko|k|chua)\W*$|\bco (dung|phai) (la|khong)\b")


def claims(ctx: Context) -> list[Candidate]:
    """The claim confirmed or corrected, when the question states which annex of a named decision the set it
    describes is and asks whether that is so."""
    need, cset = ctx.need, ctx.criteria_set
    if not _CONFIRM.search(ctx.query.folded) or cset is None or not cset.annex or len(need.sections) != 1:
        return []
    named = need.sections[0]
    claimed = _WHERE_CLAIMED.search(ctx.query.folded)
    if not named.startswith("Phụ lục") or cset.document not in ctx.query.sets or not claimed:
        return []
    meta = ctx.meta(cset.document)
    said = ctx.section(f"{cset.document} › {named}")
    held = ctx.section(f"{cset.document} › {cset.annex}")
    if meta is None or said is None or held is None:
        return []
    name = document_name(meta)
    if named == cset.annex:
        text = f"Đúng: {cset.title} là {cset.annex} {name}."
        sources = [Source(cset.document, held.path, held.title or cset.title)]
    else:
        what = f": {said.title.rstrip('.:')}" if said.title else ""
        text = f"Không đúng: {cset.title} là {cset.annex} {name}, không phải {named}. {named} {name}{what}."
        sources = [Source(cset.document, held.path, held.title or cset.title)]
        sources.append(Source(cset.document, said.path, said.title or named))
    return [
        Candidate(
            "section",
            [Draft(text, sources)],
            covers={
                ("doc", cset.document),
                ("section", named),
                ("level", cset.level),
                ("tier", cset.tier),
                ("period", cset.period),
            },
            answers={"where", "which"},
            evidence=[held.path],
            docs={cset.document},
            period=cset.period,
            # The claim checked names the set's annex and the one the question gave: as direct as quoting either.
            prior=1.0,
            label=f"{cset.id}: {cset.annex}",
            lexical=lexical_cover(ctx.text, text),  # the text names the set by its title
        )
    ]
