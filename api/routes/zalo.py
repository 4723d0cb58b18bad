"""Zalo webhooks: the Zalo Bot Platform (`POST /bots/zalo`) and a Zalo Official Account, Open API v3
(`POST /bots/zalo-oa`).

Both acknowledge with 200 as soon as the event is checked and recorded, and answer afterwards in a
background task (FastAPI `BackgroundTasks`: it runs in the worker's thread pool once the response is
sent): Zalo wants the webhook answered within about 2 seconds and sends the event again otherwise, and
neither platform takes the reply in the webhook's response, it has to be sent with a call of its own.

- Zalo Bot Platform (Telegram-like): the header `X-Bot-Api-Secret-Token` must equal the `secret_token`
  given to `setWebhook` (`NTM_ZALO_BOT_SECRET`); replies go to `{api}/bot{token}/sendMessage`.
- Zalo OA: the header `X-ZEvent-Signature` is `mac=<hex>`, where
  `hex = sha256(appId + data + timeStamp + OAsecretKey)`: `appId` is `NTM_ZALO_OA_APP_ID`, `data` the raw
  request body, `timeStamp` the event's `timestamp` field, `OAsecretKey` `NTM_ZALO_OA_SECRET`. Replies go to
  `{api}/v3.0/oa/message/cs` with the header `access_token: NTM_ZALO_OA_ACCESS_TOKEN`.

Each message is answered once: Zalo re-sends an event it believes unanswered, to any worker, so message ids
are recorded in the shared SQLite store before the answer is queued. A reply longer than Zalo's limit is sent
as several messages (`api.zalo_client.split_message`). A failed outbound call is logged, never a 500.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Header, Request
from starlette.concurrency import run_in_threadpool

from api.audit import Asker
from api.deps import SettingsDep, StoreDep, asker, assistant_for, audit_for, store_for
from api.errors import ApiError
from api.routes.bots import TEXT_ONLY, WELCOME, _reply, _same
from api.schemas import error_responses
from api.zalo_client import ZALO_TOTAL, oa_signature_ok, send_bot_message, send_oa_message
from assistant.errors import CorpusError
from assistant.settings import Settings

log = logging.getLogger("ntm.api.zalo")
router = APIRouter(prefix="/bots", tags=["bot nhắn tin"])
SORRY = "Xin lỗi, hệ thống đang gặp lỗi nên chưa trả lời được. Vui lòng hỏi lại sau ít phút."
# A leading "@name" addresses the bot in a group chat; it is not part of the question.
_MENTION = re.compile(r"^\s*@\S+[\s:,]*")


def _answer_and_send(
    send: Callable[[str], bool], settings: Settings, who: Asker, question: str | None, fixed: str | None
) -> None:
    """The background half: the answer to `question` (or the `fixed` reply), sent with `send(text)`.
    Nothing escapes: the webhook has long answered, and an exception here would only end up in the log."""
    try:
        if question is None:
            reply = fixed or TEXT_ONLY
        else:
            assistant, store, audit = assistant_for(settings), store_for(settings), audit_for(settings)
            _, reply = _reply(assistant, store, question, ZALO_TOTAL, audit=audit, who=who)
    except CorpusError as exc:  # index not built, being rebuilt …: the user is told why, in Vietnamese
        reply = exc.message
    except Exception:
        log.exception("answering a Zalo message failed")
        reply = SORRY
    try:
        send(reply)
    except Exception:  # the senders do not raise; this is the last guard of the worker thread
        log.exception("sending a Zalo reply failed")


def _read(text: str | None, group: bool = False) -> tuple[str | None, str | None]:
    """(question, fixed reply) for a message: no text (an image, a sticker, a file …) gets "text only";
    a greeting, or in a group a bare mention of the bot, gets the welcome."""
    if text is None or not text.strip():
        return None, TEXT_ONLY
    if group:
        text = _MENTION.sub("", text, count=1)
    if not text.strip() or text.strip().startswith(("/start", "/help")):
        return None, WELCOME
    return text, None


def _text_of(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _id_of(value: Any) -> str | None:
    """A Zalo id as a string (they are strings; a number is accepted), or None."""
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        return None
    return str(value)


# --- Zalo Bot Platform ------------------------------------------------------------------------------


@router.post(
    "/zalo",
    summary="Webhook Zalo Bot Platform (trả lời ngay 200, gửi câu trả lời bằng sendMessage)",
    responses=error_responses(401, 404),
)
async def zalo_bot(
    update: dict[str, Any],
    request: Request,
    background: BackgroundTasks,
    settings: SettingsDep,
    store: StoreDep,
    x_bot_api_secret_token: Annotated[str | None, Header()] = None,
) -> dict:
    if not settings.zalo_bot_token or not settings.zalo_bot_secret:
        raise ApiError(404, "bot_disabled", "Bot Zalo chưa được bật (NTM_ZALO_BOT_TOKEN, NTM_ZALO_BOT_SECRET).")
    if not _same(x_bot_api_secret_token, settings.zalo_bot_secret):
        raise ApiError(401, "unauthorized", "Thiếu hoặc sai secret token của webhook Zalo.")
    # The webhook posts {"ok": true, "result": <update>}; getUpdates' shape without the wrapper is taken too.
    event = update["result"] if isinstance(update.get("result"), dict) else update
    name = _text_of(event.get("event_name")) or ""
    message = event.get("message")
    if not name.startswith("message.") or not isinstance(message, dict):
        return {"status": "ignored"}
    sender = message.get("from") if isinstance(message.get("from"), dict) else {}
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    chat_id = _id_of(chat.get("id"))
    if chat_id is None or sender.get("is_bot") is True:  # nowhere to answer, or a bot (no reply loops)
        return {"status": "ignored"}
    message_id = _id_of(message.get("message_id"))
    if message_id is not None and not await run_in_threadpool(store.first_sighting, f"bot:{chat_id}:{message_id}"):
        return {"status": "duplicate"}

    text = _text_of(message.get("text")) if name == "message.text.received" else None
    question, fixed = _read(text, group=chat.get("chat_type") == "GROUP")
    send = partial(send_bot_message, settings.zalo_bot_api, settings.zalo_bot_token, chat_id)
    who = asker(request, "zalo-bot", user=_id_of(sender.get("id")), chat_id=chat_id)
    background.add_task(_answer_and_send, send, settings, who, question, fixed)
    return {"status": "accepted"}


# --- Zalo Official Account (Open API v3) --------------------------------------------------------------


@router.post(
    "/zalo-oa",
    summary="Webhook Zalo Official Account (kiểm tra X-ZEvent-Signature, trả lời ngay 200, gửi tin tư vấn sau)",
    responses=error_responses(401, 404),
)
async def zalo_oa(
    event: dict[str, Any],
    request: Request,
    background: BackgroundTasks,
    settings: SettingsDep,
    store: StoreDep,
    x_zevent_signature: Annotated[str | None, Header()] = None,
) -> dict:
    app_id, secret, token = settings.zalo_oa_app_id, settings.zalo_oa_secret, settings.zalo_oa_access_token
    if not app_id or not secret or not token:
        raise ApiError(
            404,
            "bot_disabled",
            "Webhook Zalo OA chưa được bật (NTM_ZALO_OA_APP_ID, NTM_ZALO_OA_SECRET, NTM_ZALO_OA_ACCESS_TOKEN).",
        )
    timestamp = event.get("timestamp")
    if isinstance(timestamp, int) and not isinstance(timestamp, bool):
        timestamp = str(timestamp)
    # The signature covers the bytes Zalo sent (FastAPI has read them already; this is its cached copy).
    raw = await request.body()
    if not isinstance(timestamp, str) or not oa_signature_ok(x_zevent_signature, app_id, raw, timestamp, secret):
        raise ApiError(401, "unauthorized", "Thiếu hoặc sai chữ ký X-ZEvent-Signature của sự kiện Zalo OA.")

    name = _text_of(event.get("event_name")) or ""
    sender = event.get("sender") if isinstance(event.get("sender"), dict) else {}
    message = event.get("message") if isinstance(event.get("message"), dict) else {}
    user_id = _id_of(sender.get("id"))
    # Only what a user sends is answered: "oa_send_*" (the OA's own messages), follows … are not.
    if not name.startswith("user_send_") or user_id is None:
        return {"status": "ignored"}
    msg_id = _id_of(message.get("msg_id"))
    if msg_id is not None and not await run_in_threadpool(store.first_sighting, f"oa:{msg_id}"):
        return {"status": "duplicate"}

    question, fixed = _read(_text_of(message.get("text")) if name == "user_send_text" else None)
    send = partial(send_oa_message, settings.zalo_oa_api, token, user_id)
    background.add_task(_answer_and_send, send, settings, asker(request, "zalo-oa", user=user_id), question, fixed)
    return {"status": "accepted"}
