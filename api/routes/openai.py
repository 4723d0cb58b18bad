"""OpenAI-compatible chat: POST /v1/chat/completions (with and without streaming), GET /v1/models."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal
from urllib.parse import unquote

from fastapi import APIRouter, Request
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from api.audit import Asker, AuditLog, answered
from api.chat_tasks import is_task, task_reply
from api.deps import AssistantDep, AuditDep, StoreDep, asker
from api.errors import ApiError
from api.present import chat_text, markdown_safe
from api.schemas import error_responses

router = APIRouter(prefix="/v1", tags=["tương thích OpenAI"])
MODEL = "ntm-assistant"


class Message(BaseModel):
    role: Literal["system", "user", "assistant", "tool", "developer"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return " ".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatRequest(BaseModel):
    """OpenAI's request body. Parameters not listed (top_p, penalties, stop, seed, tools…) are ignored."""

    model: str = MODEL
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    # Accepted for compatibility and ignored: answers are extractive and deterministic, and never cut
    # short, since an answer without its sources is worse than a long one.
    temperature: float | None = None
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    user: str | None = Field(None, max_length=200)


@router.get("/models", summary="Danh sách mô hình (tương thích OpenAI)")
def models() -> dict:
    return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 1767225600, "owned_by": "ntm"}]}


def _answer(assistant, store, audit: AuditLog, who: Asker, users: list[str]):
    # ask, not safe_ask: a question that is too long or empty is an HTTP error the client can show.
    return answered(lambda: assistant.ask(users[-1], history=users[:-1]), users[-1], store, audit, who)


def _who(request: Request, body: ChatRequest) -> Asker:
    """Open WebUI forwards its user (ENABLE_FORWARD_USER_INFO_HEADERS); other clients may send `user`."""
    headers = request.headers
    user_id = headers.get("x-openwebui-user-id") or body.user
    # Open WebUI percent-encodes the name (headers are ASCII): "Nguy%E1%BB%85n V%C4%83n A".
    name = unquote(headers.get("x-openwebui-user-name") or "") or headers.get("x-openwebui-user-email")
    user = f"{name} ({user_id})" if name and user_id else (user_id or name)
    return asker(request, "openai", user=user, chat_id=headers.get("x-openwebui-chat-id"))


def _usage(prompt: str, completion: str) -> dict:
    # Word counts stand in for tokens: there is no tokenizer behind an extractive answer.
    p, c = len(prompt.split()), len(completion.split())
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


@router.post(
    "/chat/completions",
    summary="Trò chuyện (tương thích OpenAI)",
    response_model=None,
    responses={
        200: {
            "description": "Câu trả lời (JSON), hoặc các đoạn `chat.completion.chunk` (SSE) khi `stream: true`",
            "content": {
                "application/json": {},
                # One event per chunk: `data` is a chat.completion.chunk as JSON, the last one "[DONE]".
                "text/event-stream": {
                    "itemSchema": {"type": "object", "properties": {"data": {"type": "string"}}, "required": ["data"]}
                },
            },
        },
        **error_responses(400, 404, 503),
    },
)
async def chat_completions(
    body: ChatRequest, request: Request, assistant: AssistantDep, store: StoreDep, audit: AuditDep
):
    if body.model != MODEL:
        raise ApiError(404, "model_not_found", f"Không có mô hình '{body.model}'; dùng '{MODEL}'.")
    users = [m.text() for m in body.messages if m.role == "user"]
    if not users:
        raise ApiError(400, "no_user_message", "Không có tin nhắn nào của người dùng (role 'user').")
    created = int(time.time())
    if is_task(users[-1]):
        # A front end's title/tags/follow-up task: cheap JSON, no retrieval, not an answer of the trail.
        content, chat_id, question = task_reply(users[-1]), f"chatcmpl-task-{uuid.uuid4().hex}", users[-1]
    else:
        answer = await run_in_threadpool(_answer, assistant, store, audit, _who(request, body), users)
        content = markdown_safe(chat_text(answer, limit=20_000))  # clients render Markdown
        chat_id, question = f"chatcmpl-{answer.id}", answer.question
    usage = _usage(question, content)
    if not body.stream:
        return JSONResponse(
            {
                "id": chat_id,
                "object": "chat.completion",
                "created": created,
                "model": MODEL,
                "choices": [
                    {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                ],
                "usage": usage,
            }
        )
    include_usage = bool(body.stream_options and body.stream_options.include_usage)

    async def events() -> AsyncIterator[ServerSentEvent]:
        def chunk(delta: dict | None, finish: str | None = None) -> dict:
            out = {"id": chat_id, "object": "chat.completion.chunk", "created": created, "model": MODEL}
            out["choices"] = [] if delta is None else [{"index": 0, "delta": delta, "finish_reason": finish}]
            if include_usage:
                out["usage"] = usage if delta is None else None  # as OpenAI: null on each chunk, then the total
            return out

        yield ServerSentEvent(data=chunk({"role": "assistant", "content": ""}))
        for line in content.splitlines(keepends=True):
            yield ServerSentEvent(data=chunk({"content": line}))
        yield ServerSentEvent(data=chunk({}, "stop"))
        if include_usage:
            yield ServerSentEvent(data=chunk(None))  # the usage chunk, with no choices, before [DONE]
        yield ServerSentEvent(raw_data="[DONE]")

    return EventSourceResponse(_encode(events()))


async def _encode(events: AsyncIterator[ServerSentEvent]) -> AsyncIterator[bytes]:
    """Encode events on the wire as OpenAI clients read them (data: <json>, then data: [DONE])."""
    import json

    from fastapi.sse import format_sse_event

    async for event in events:
        data = event.raw_data if event.raw_data is not None else json.dumps(event.data, ensure_ascii=False)
        yield format_sse_event(data_str=data)
