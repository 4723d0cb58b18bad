"""OpenAI-compatible chat: POST /v1/chat/completions (with and without streaming), GET /v1/models."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from api.deps import AssistantDep, StoreDep
from api.errors import ApiError
from api.present import chat_text
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


class ChatRequest(BaseModel):
    model: str = MODEL
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    # Accepted for compatibility and ignored: answers are extractive and deterministic.
    temperature: float | None = None
    max_tokens: int | None = None
    user: str | None = None


@router.get("/models", summary="Danh sách mô hình (tương thích OpenAI)")
def models() -> dict:
    return {"object": "list", "data": [{"id": MODEL, "object": "model", "created": 1767225600, "owned_by": "ntm"}]}


def _answer(assistant, store, body: ChatRequest):
    if body.model != MODEL:
        raise ApiError(404, "model_not_found", f"Không có mô hình '{body.model}'; dùng '{MODEL}'.")
    users = [m.text() for m in body.messages if m.role == "user"]
    if not users:
        raise ApiError(400, "no_user_message", "Không có tin nhắn nào của người dùng (role 'user').")
    answer = assistant.safe_ask(users[-1], history=users[:-1])
    store.remember_answer(answer.id, users[-1])
    return answer


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
async def chat_completions(body: ChatRequest, assistant: AssistantDep, store: StoreDep):
    answer = await run_in_threadpool(_answer, assistant, store, body)
    content = chat_text(answer, limit=20_000)
    created = int(time.time())
    chat_id = f"chatcmpl-{answer.id}"
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
                "usage": _usage(answer.question, content),
            }
        )

    async def events() -> AsyncIterator[ServerSentEvent]:
        def chunk(delta: dict, finish: str | None = None) -> dict:
            return {
                "id": chat_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": MODEL,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }

        yield ServerSentEvent(data=chunk({"role": "assistant", "content": ""}))
        for line in content.splitlines(keepends=True):
            yield ServerSentEvent(data=chunk({"content": line}))
        yield ServerSentEvent(data=chunk({}, "stop"))
        yield ServerSentEvent(raw_data="[DONE]")

    return EventSourceResponse(_encode(events()))


async def _encode(events: AsyncIterator[ServerSentEvent]) -> AsyncIterator[bytes]:
    """Encode events on the wire as OpenAI clients read them (data: <json>, then data: [DONE])."""
    import json

    from fastapi.sse import format_sse_event

    async for event in events:
        data = event.raw_data if event.raw_data is not None else json.dumps(event.data, ensure_ascii=False)
        yield format_sse_event(data_str=data)
