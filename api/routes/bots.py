"""Messaging bots: Telegram webhook, Mattermost/Slack outgoing webhooks, and a generic webhook."""

from __future__ import annotations

import hmac
import re
from typing import Annotated, Any

from fastapi import APIRouter, Form, Header, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.audit import Asker, AuditLog, answered
from api.deps import AssistantDep, AuditDep, SettingsDep, StoreDep, asker
from api.errors import ApiError
from api.present import CHAT_LIMIT, TELEGRAM_LIMIT, chat_text
from api.schemas import error_responses

router = APIRouter(prefix="/bots", tags=["bot nhắn tin"])
WELCOME = (
    "Xin chào! Tôi là trợ lý tra cứu văn bản Nông thôn mới. Hãy hỏi, ví dụ: "
    '"Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"'
)
TEXT_ONLY = "Vui lòng gửi câu hỏi bằng văn bản."


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _reply(assistant, store, question: str, limit: int, *, audit: AuditLog, who: Asker):
    """Answer a chat message (a bad question becomes a refusal: a chat needs a reply), recorded in the trail."""
    # A chat message must get a reply in the chat: a lone surrogate becomes "�" rather than an error.
    question = re.sub("[\ud800-\udfff]", "\ufffd", question)
    answer = answered(lambda: assistant.safe_ask(question), question, store, audit, who)
    return answer, chat_text(answer, limit=limit)


@router.post(
    "/telegram/{secret}",
    summary="Webhook Telegram (trả lời bằng sendMessage trong phản hồi)",
    responses=error_responses(403, 404, 503),
)
async def telegram(
    secret: str,
    update: dict[str, Any],
    settings: SettingsDep,
    assistant: AssistantDep,
    store: StoreDep,
    audit: AuditDep,
    request: Request,
    x_telegram_bot_api_secret_token: Annotated[str | None, Header()] = None,
) -> dict:
    if not settings.telegram_secret:
        raise ApiError(404, "bot_disabled", "Bot Telegram chưa được bật (NTM_TELEGRAM_SECRET).")
    if not _same(secret, settings.telegram_secret) or (
        x_telegram_bot_api_secret_token is not None
        and not _same(x_telegram_bot_api_secret_token, settings.telegram_secret)
    ):
        raise ApiError(403, "forbidden", "Sai bí mật webhook.")
    message = update.get("message") or update.get("edited_message") or update.get("channel_post")
    if not isinstance(message, dict) or not isinstance(message.get("chat"), dict):
        return {}  # updates without a message (callbacks, member changes) need no reply
    chat_id = message["chat"].get("id")
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        reply = TEXT_ONLY
    elif text.strip().startswith(("/start", "/help")):
        reply = WELCOME
    else:
        sender = message.get("from") if isinstance(message.get("from"), dict) else {}
        who = asker(request, "telegram", user=_text_id(sender.get("id")), chat_id=_text_id(chat_id))
        _, reply = await run_in_threadpool(_reply, assistant, store, text, TELEGRAM_LIMIT, audit=audit, who=who)
    body = {"method": "sendMessage", "chat_id": chat_id, "text": reply, "disable_web_page_preview": True}
    if "message_id" in message:
        body["reply_parameters"] = {"message_id": message["message_id"]}
    return body


def _text_id(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else None


async def _outgoing(
    text: str, token: str | None, trigger_word: str | None, settings, assistant, store, audit: AuditLog, who: Asker
) -> dict:
    if not settings.mattermost_token:
        raise ApiError(404, "bot_disabled", "Webhook Mattermost/Slack chưa được bật (NTM_MATTERMOST_TOKEN).")
    if not _same(token, settings.mattermost_token):
        raise ApiError(403, "forbidden", "Sai token webhook.")
    question = text
    if trigger_word and question.startswith(trigger_word):
        question = question[len(trigger_word) :]
    question = question.strip(" :,")
    if not question:
        return {"text": WELCOME, "response_type": "comment"}
    _, reply = await run_in_threadpool(_reply, assistant, store, question, CHAT_LIMIT, audit=audit, who=who)
    return {"text": reply, "response_type": "comment", "username": "Trợ lý NTM"}


@router.post(
    "/mattermost", summary="Webhook gửi đi Mattermost (trường text, token)", responses=error_responses(403, 404, 503)
)
@router.post(
    "/slack", summary="Webhook gửi đi kiểu Slack (trường text, token)", responses=error_responses(403, 404, 503)
)
async def outgoing_webhook(
    settings: SettingsDep,
    assistant: AssistantDep,
    store: StoreDep,
    audit: AuditDep,
    request: Request,
    text: Annotated[str, Form(max_length=10_000)] = "",
    token: Annotated[str | None, Form()] = None,
    trigger_word: Annotated[str | None, Form()] = None,
    user_name: Annotated[str | None, Form(max_length=200)] = None,
) -> dict:
    channel = "slack" if request.url.path.endswith("/slack") else "mattermost"
    who = asker(request, channel, user=user_name)
    return await _outgoing(text, token, trigger_word, settings, assistant, store, audit, who)


class WebhookIn(BaseModel):
    user: str | None = Field(None, max_length=200)
    text: str = Field(max_length=10_000)


@router.post(
    "/webhook", summary="Webhook chung ({user, text} → {text, citations})", responses=error_responses(401, 503)
)
async def webhook(
    body: WebhookIn,
    settings: SettingsDep,
    assistant: AssistantDep,
    store: StoreDep,
    audit: AuditDep,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
) -> dict:
    if settings.webhook_token:
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not _same(token, settings.webhook_token):
            raise ApiError(401, "unauthorized", "Thiếu hoặc sai mã truy cập webhook.")
    who = asker(request, "webhook", user=body.user)
    answer, reply = await run_in_threadpool(_reply, assistant, store, body.text, CHAT_LIMIT, audit=audit, who=who)
    citations = [
        {
            "n": c.n,
            "doc": c.doc,
            "path": c.path,
            "page": c.page,
            "quote": c.quote,
            "official": c.official,
            "note": c.note,
            "ocr_note": c.ocr_note,
        }
        for c in answer.citations
    ]
    return {"text": reply, "citations": citations, "answer_id": answer.id, "refused": answer.refused}
