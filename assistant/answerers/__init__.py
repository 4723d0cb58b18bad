"""Answerers: each looks at the question and proposes candidate answers with their evidence."""

from __future__ import annotations

from collections.abc import Callable

from assistant.answerers.assigned import assigned
from assistant.answerers.base import Candidate, Context, Draft, Source
from assistant.answerers.claims import claims
from assistant.answerers.compare import compare, counterpart
from assistant.answerers.criteria import criteria
from assistant.answerers.documents import documents
from assistant.answerers.found import found_indicators
from assistant.answerers.issuers import issuer_documents
from assistant.answerers.listing import list_documents
from assistant.answerers.locate import locate
from assistant.answerers.map_lists import map_lists
from assistant.answerers.overview import commune_groups
from assistant.answerers.passages import passages
from assistant.answerers.places import places
from assistant.answerers.regions import region_of
from assistant.answerers.rules import applicability, no_district_set, shared_duties
from assistant.answerers.sections import sections
from assistant.answerers.set_list import list_sets

ANSWERERS: list[Callable[[Context], list[Candidate]]] = [
    applicability,
    criteria,
    commune_groups,
    compare,
    counterpart,
    places,
    region_of,
    map_lists,
    documents,
    issuer_documents,
    list_documents,
    list_sets,
    sections,
    claims,
    locate,
    assigned,
    shared_duties,
    no_district_set,
    passages,
]


def propose(ctx: Context, *, passages: bool = True) -> list[Candidate]:
    """Every answerer's candidates, in a stable order (ties in the chooser keep it); without the
    retrieved passages when `passages` is false (they need the question's embedding)."""
    out: list[Candidate] = []
    for answerer in ANSWERERS[:-1]:
        out.extend(c for c in answerer(ctx) if any(d.text.strip() for d in c.drafts))
    return out + propose_passages(ctx) if passages else out


def propose_passages(ctx: Context) -> list[Candidate]:
    """The retrieved passages' candidates alone, with the indicators they are the text of."""
    return [c for c in [*ANSWERERS[-1](ctx), *found_indicators(ctx)] if any(d.text.strip() for d in c.drafts)]


__all__ = ["ANSWERERS", "Candidate", "Context", "Draft", "Source", "propose", "propose_passages"]
