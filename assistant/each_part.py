"""A part of a two-part question the chosen answer leaves open is asked on its own: "QĐ 558 do ai ký, và theo
quyết định này huyện phải có bao nhiêu % số xã đạt chuẩn?" gets the signer from the first answer and the
criterion from the catalogue for the second. The parts before it are its conversation, so "quyết định này"
points where the speaker meant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from assistant.answerers import propose
from assistant.answerers.base import Candidate
from assistant.asks import read_need
from assistant.choose import choose, confident
from assistant.errors import QuestionError
from assistant.kinds import kinds_of
from assistant.needs import full_need
from assistant.understand import understand

# What a part names of its own that an added answer must be about (a level, a tier or a period is context).
_OWN = frozenset({"criterion", "criterion_name", "indicator", "group", "section", "doc", "quoted"})
# What a part answered on its own may add: structured answers only. A passage for a part is chosen by the
# words it shares with the whole question (parts.complete), which knows what the answer already says.
_ADDS = frozenset({"criteria", "documents", "section", "duties", "applicability", "assessment", "places"})


def _about_part(c: Candidate, own: set[tuple[str, str]], kinds: set[str], period: str | None) -> bool:
    """The candidate answers the part itself: it covers a criterion, a section or a document the part names, or
    it is a document's fact the part asks; and it belongs to the period the whole question names."""
    if period and c.period and c.period != period and not any(a[0] == "period" for a in own):
        return False  # "Theo bộ 2016-2020 …, xã vùng núi thì sao?" is not about the set in force today
    if c.kind == "criteria" and c.lexical >= 0.8 and "threshold" in kinds and "threshold" in c.answers:
        return True  # "tỷ lệ trẻ suy dinh dưỡng thể thấp còi tối đa bao nhiêu": an indicator named by its words
    return bool(c.covers & {a for a in own if a[0] in _OWN}) or (c.kind == "documents" and bool(c.answers & kinds))


def _direct(c: Candidate) -> bool:
    """Not a guess: an indicator guessed from a few shared words ("thực hiện", "quy hoạch") may answer the whole
    question when the chooser weighs it against everything else, but is no answer added to another."""
    return not any(a[0] == "indicator_guess" for a in c.covers) or c.prior >= 0.8 or c.lexical >= 0.5


def _named_by_words(choice: Any) -> bool:
    """The part names an indicator by its words alone ("tỷ lệ trẻ suy dinh dưỡng thể thấp còi tối đa bao nhiêu"):
    it names no number to score its entities with, but shares most of its words with one indicator, far ahead of
    anything else."""
    ranking = choice.ranking
    if not ranking or ranking[0].candidate.kind != "criteria" or ranking[0].candidate.lexical < 0.8:
        return False
    return len(ranking) == 1 or ranking[0].score - ranking[1].score >= 1.0


def answer_parts(
    assistant: Any,
    question: str,
    whole_period: str | None,
    asked: list[str],
    open_asked: list[str],
    when: dt.date,
    used: set[str],
    passages: Callable[[], list],
) -> tuple[list[Candidate], list[str]]:
    """Structured answers for the open parts that one covers confidently on its own, and the parts still open.

    Args:
        assistant: the service (interpret, context, its lookups).
        question: the whole question (its preamble names the set or the unit the parts are about).
        whole_period: the programme period the whole question names, if any.
        asked: all parts of the question, in order.
        open_asked: the parts the answer so far leaves open.
        when: the date the whole question is answered for.
        used: labels of the candidates already in the answer.
        passages: the whole question's retrieval (shared, retrieved at most once).
    """
    added: list[Candidate] = []
    left: list[str] = []
    for part in open_asked:
        # What comes before it (a preamble, the earlier parts) says what "quyết định này" is and which set the
        # question is about; the first part reads what follows it.
        at = question.find(part)
        before = [question[:at]] if at > 0 else [question[len(part) :]] if at == 0 else asked[: asked.index(part)]
        before = [b for b in before if b.strip()]
        try:
            text, query, _ = assistant.interpret(part, as_of=when, history=before)
        except QuestionError:
            left.append(part)
            continue
        need = full_need(assistant, text, query, when, before)
        if need.missing or not need.asks:
            left.append(part)
            continue
        query.domain = True
        own = read_need(understand(part, assistant.catalogue), assistant.known_number).atoms
        kinds = kinds_of(part)
        candidates = propose(assistant.context(text, query, when, need, passages), passages=False)
        choice = choose(need, candidates, [None] * len(candidates), asked=[text])
        fresh = [
            c
            for c in choice.parts
            if c.label not in used and c.kind in _ADDS and _direct(c) and _about_part(c, own, kinds, whole_period)
        ]
        if not (fresh and (confident(choice) or _named_by_words(choice)) and choice.scope == "answer"):
            left.append(part)
            continue
        added.extend(fresh)
        used = used | {c.label for c in fresh}
    return added, left
