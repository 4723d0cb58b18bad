"""POST /v1/ask, POST /v1/ask/stream (SSE) and POST /v1/applicability."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent
from starlette.concurrency import run_in_threadpool

from api.audit import Asker, AuditLog, answered
from api.deps import AssistantDep, AuditDep, SettingsDep, StoreDep, asker
from api.present import answer_body
from api.schemas import ApplicabilityRequest, AskRequest, AskResponse, CardOut, error_responses
from assistant.answer import _card_dict
from assistant.applicability import resolve
from assistant.errors import CorpusError
from assistant.target_sets import canonical_set

router = APIRouter(prefix="/v1", tags=["hỏi đáp"])
_ERRORS = error_responses(400, 422, 503)


# The web chat page says it is the web page; anything else calling the API is "api".
ClientHeader = Annotated[str | None, Header(alias="X-NTM-Client", include_in_schema=False)]


def _ask(assistant, store, audit: AuditLog, who: Asker, body: AskRequest) -> dict:
    answer = answered(
        lambda: assistant.ask(body.question, as_of=body.as_of, k=body.k, history=body.history),
        body.question,
        store,
        audit,
        who,
    )
    return answer_body(answer, assistant)


def _who(request: Request, client: str | None) -> Asker:
    return asker(request, "web" if client == "web" else "api")


@router.post("/ask", response_model=AskResponse, summary="Hỏi đáp có trích dẫn", responses=_ERRORS)
async def ask(
    body: AskRequest,
    request: Request,
    assistant: AssistantDep,
    store: StoreDep,
    audit: AuditDep,
    client: ClientHeader = None,
) -> dict:
    return await run_in_threadpool(_ask, assistant, store, audit, _who(request, client), body)


@router.post("/ask/stream", response_class=EventSourceResponse, summary="Hỏi đáp, trả về dần (SSE)", responses=_ERRORS)
async def ask_stream(
    body: AskRequest,
    request: Request,
    assistant: AssistantDep,
    store: StoreDep,
    audit: AuditDep,
    client: ClientHeader = None,
) -> AsyncIterator[ServerSentEvent]:
    try:
        answer = await run_in_threadpool(_ask, assistant, store, audit, _who(request, client), body)
    except CorpusError as exc:
        yield ServerSentEvent(event="error", data={"code": exc.code, "message": exc.message})
        return
    meta = {k: answer[k] for k in ("id", "as_of", "kind", "scope", "refused", "reason", "card", "citations", "flags")}
    yield ServerSentEvent(event="meta", data=meta)
    for sentence in answer["sentences"]:
        yield ServerSentEvent(event="sentence", data=sentence)
    yield ServerSentEvent(event="done", data={"id": answer["id"]})


@router.post(
    "/applicability",
    response_model=CardOut,
    summary="Bộ tiêu chí áp dụng và việc cần làm",
    responses=error_responses(400, 404, 422, 503),
)
def applicability(body: ApplicabilityRequest, settings: SettingsDep, assistant: AssistantDep) -> dict:
    named = None
    if body.set:
        # A set the rules know, or at least a document of the corpus; anything else is a 404.
        named = canonical_set(body.set) or assistant.corpus.get(body.set).number
    card = resolve(
        body.level,
        body.tier,
        recognition_year=body.year,
        recognition_period=body.period,
        named_set=named,
        as_of=body.as_of or settings.now(),
        not_recognised=body.not_recognised,
    )
    return _card_dict(card)
