"""The parts of a question the chosen answer leaves open, filled in: a document's fact a part asks, a document the
answer has just named and a part points at ("…, nghị quyết ấy ban hành ngày nào?"), a part asked on its own, and
last the passage that holds a part's words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from assistant.answerers import Context, propose_passages
from assistant.answerers.base import Candidate
from assistant.answerers.documents import documents
from assistant.chain import describes, pointed_documents, without_facts
from assistant.choose import Choice
from assistant.each_part import answer_parts
from assistant.kinds import kinds_of
from assistant.parts import answered_text, complete, facts_for, needs_fact, needs_figure, open_parts
from assistant.retrieve import Result


def fill_open_parts(
    assistant: Any,
    ctx: Context,
    asked: list[str],
    choice: Choice,
    passages: Callable[[], list[Result]],
    retrieved: list[Candidate],
) -> None:
    """Add to `choice.parts` an answer for each part of `asked` it leaves open. `assistant` gives the sections,
    the documents' numbers and facts; `passages` retrieves (at most once); `retrieved` are the passage candidates
    the chooser already scored (empty when it needed none)."""
    text, query = ctx.text, ctx.query
    chained = len(asked) > 1 or describes(asked[0])  # several parts, or one naming a document by a relation
    said = answered_text(choice.parts, assistant.section) if choice.parts and chained else ""
    # Only a part left open is worth retrieving for: a sure structured answer to every part is not embedded.
    # A part asking a document's fact (its date, its signer) is open until a document's fact answers it, whatever
    # words of it a section's text holds ("CV 14 ký ngày nào? Mục 3 …").
    unfacted = [p for p in asked if needs_fact(p, kinds_of, choice.parts)] if said else []
    lexical = open_parts(asked, said) if said else []
    unfigured = [p for p in asked if needs_figure(p, kinds_of, choice.parts)] if said else []
    open_asked = [p for p in asked if p in {*lexical, *unfacted, *unfigured} and p not in choice.answered]
    # "…, nghị quyết ấy ban hành ngày nào?": a part pointing at the document the answer has just named asks
    # that document's fact, whatever the question's own document's facts said (a chain of reference).
    ranked = [r.candidate for r in choice.ranking]
    follow_up = bool(query.context) and not re.search(r"\d{1,5}/", text)  # "văn bản đó" is the conversation's
    pointed, pointing = pointed_documents(
        asked if said else [], said, assistant.known_number, assistant.meta, set(query.sets), follow_up
    )
    if pointed:
        open_asked = [p for p in asked if p in open_asked or p in pointing]
        # The relation that describes the document pointed at ("văn bản thay thế QĐ 491 …") stays said.
        kept = {"amends"} if describes(asked[0]) else set()
        choice.parts = without_facts(
            choice.parts, ranked, set(query.sets), {k for p in pointing for k in kinds_of(p)} - kept
        )
        others = [d for n in pointed for d in documents(replace(ctx, query=replace(query, sets=[n])))]
        ranked = others + [c for c in ranked if not (c.kind == "documents" and c.docs & set(query.sets))]
    cited = {d for c in choice.parts for d in c.docs}
    if open_asked and not query.sets and len(cited) == 1:
        # "… có được ghi trong văn bản nào không? Nếu có thì văn bản số mấy, ban hành ngày nào?": the facts of
        # the one document the answer so far quotes.
        ranked = ranked + documents(replace(ctx, query=replace(query, sets=list(cited))))
    if open_asked:
        # A part that asks a document's fact gets it from the candidates already ranked.
        facts, open_asked = facts_for(open_asked, ranked, {c.label for c in choice.parts}, kinds_of)
        choice.parts.extend(facts)
    if open_asked:
        # A part still open, asked on its own: the catalogue, a document's facts, a named section.
        more, open_asked = answer_parts(
            assistant, text, query.period, asked, open_asked, ctx.as_of, {c.label for c in choice.parts}, passages
        )
        choice.parts.extend(more)
        open_asked = [p for p in open_asked if p in lexical or p not in unfigured]  # a figure is no passage's
    if open_asked:
        # A part of the question the chosen answer leaves open gets the passage that holds its words.
        chunks = {"#" + r.chunk.id: r.chunk.context + " " + r.chunk.text for r in passages()}
        # Only passages the chooser saw no conflict in (another document or period than the one named).
        fitting = [r.candidate for r in choice.ranking if r.candidate.kind == "passages" and not r.detail["conflict"]]
        more = complete(
            open_asked,
            said,
            {c.label for c in choice.parts},
            fitting if retrieved else propose_passages(ctx),
            lambda c: chunks.get(c.evidence[0], "") if c.evidence else "",
            asked,
        )
        choice.parts.extend(more)
