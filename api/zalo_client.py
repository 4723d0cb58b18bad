"""Zalo's side of the Zalo bots: splitting a reply into messages Zalo accepts, sending them
(Zalo Bot Platform `sendMessage`, Zalo OA `v3.0/oa/message/cs`), and the OA event signature.

Sending never raises: a network error, a non-2xx status or Zalo's own refusal in the JSON body
(`"ok": false` on the Bot Platform, `"error" != 0` on the OA API) is logged and the remaining parts
are not sent (a reply missing its start or its sources would mislead more than no reply).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from typing import Any

import httpx

log = logging.getLogger("ntm.api.zalo")

# Zalo refuses text messages longer than about 2,000 characters (OA "message/cs" and Bot Platform alike).
ZALO_LIMIT = 2000
# The whole reply (answer and sources) before splitting: at most about three messages in a chat.
ZALO_TOTAL = 3 * ZALO_LIMIT
# Outbound calls run after the webhook has answered; a dead Zalo API must not hold a worker thread long.
TIMEOUT = httpx.Timeout(5.0)
SOURCES = "\n\nNguồn:\n"  # how `api.present.chat_text` starts the sources list

_SENTENCE_END = re.compile(r"(?<=[.!?…;:])(?=\s)")
_SPACE = re.compile(r"(?<=\s)(?=\S)")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _parts(segment: str, limit: int) -> list[str]:
    """`segment` cut at the coarsest boundary (sentence, then word, then anywhere) into parts of at most
    `limit` characters; the parts put together give `segment` back."""
    if len(segment) <= limit:
        return [segment]
    for boundary in (_SENTENCE_END, _SPACE):
        parts = [p for p in boundary.split(segment) if p]
        if len(parts) > 1:
            return [piece for part in parts for piece in _parts(part, limit)]
    return [segment[i : i + limit] for i in range(0, len(segment), limit)]


def split_message(text: str, limit: int = ZALO_LIMIT) -> list[str]:
    """`text` as messages of at most `limit` characters, cut between lines, else between sentences,
    else between words. Each line of the "Nguồn:" list stays whole in one message, and the heading goes
    with the first source, so a citation is never cut in two (a single source line longer than `limit`,
    which `chat_text` never makes, would be cut like any other text)."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    body, mark, sources = text.rpartition(SOURCES)
    if not mark:
        body, sources = text, ""
    pieces = [piece for line in body.splitlines(keepends=True) for piece in _parts(line, limit)]
    if mark:
        first, *rest = sources.splitlines(keepends=True)
        for line in [mark + first, *rest]:
            pieces.extend(_parts(line, limit))
    messages: list[str] = []
    current = ""
    for piece in pieces:
        if current and len(current) + len(piece) > limit:
            messages.append(current)
            current = piece
        else:
            current += piece
    messages.append(current)
    # Whitespace at a cut (the line break between two messages) is dropped; stripping only shortens.
    return [m.strip() for m in messages if m.strip()]


def oa_signature(app_id: str, body: bytes, timestamp: str, secret: str) -> str:
    """Zalo OA's event signature: hex sha256(appId + raw body + timestamp + OA secret key)."""
    return hashlib.sha256(app_id.encode() + body + timestamp.encode() + secret.encode()).hexdigest()


def oa_signature_ok(header: str | None, app_id: str, body: bytes, timestamp: str, secret: str) -> bool:
    """Whether `X-ZEvent-Signature` (`mac=<hex>` or just the hex) is the event's signature; constant time."""
    if not header:
        return False
    given = header.strip().removeprefix("mac=").strip().lower()
    return hmac.compare_digest(given.encode(), oa_signature(app_id, body, timestamp, secret).encode())


def _post(client: httpx.Client, url: str, what: str, secret: str, **kwargs: Any) -> dict | None:
    """POST and return the JSON object answered, or None (logged) on any failure. `secret` (the token,
    which the Bot Platform puts in the URL) is kept out of the log."""
    try:
        response = client.post(url, **kwargs)
    except httpx.HTTPError as exc:
        log.warning("%s failed: %s: %s", what, type(exc).__name__, str(exc).replace(secret, "***"))
        return None
    if not response.is_success:
        log.warning("%s failed: HTTP %s: %s", what, response.status_code, response.text[:300])
        return None
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        log.warning("%s failed: the answer is not a JSON object: %s", what, response.text[:300])
        return None
    return body


def _clean(text: str) -> str:
    # A lone surrogate cannot be encoded as UTF-8: httpx would raise while building the request.
    return _SURROGATE.sub("\ufffd", text)


def send_bot_message(api: str, token: str, chat_id: str, text: str) -> bool:
    """Send `text` to a Zalo Bot Platform chat (split as needed); whether every part was accepted."""
    url = f"{api.rstrip('/')}/bot{token}/sendMessage"
    try:
        with httpx.Client(timeout=TIMEOUT) as client:
            for part in split_message(_clean(text)):
                answer = _post(client, url, "Zalo Bot sendMessage", token, json={"chat_id": chat_id, "text": part})
                if answer is None:
                    return False
                if answer.get("ok") is not True:
                    log.warning(
                        "Zalo Bot sendMessage refused: %s %s", answer.get("error_code"), answer.get("description")
                    )
                    return False
    except Exception:  # a bad setting (an invalid URL …) must not end the worker's background task
        log.exception("Zalo Bot sendMessage failed")
        return False
    return True


def send_oa_message(api: str, access_token: str, user_id: str, text: str) -> bool:
    """Send `text` to a Zalo OA follower as consultation messages (split as needed); whether all were accepted."""
    url = f"{api.rstrip('/')}/v3.0/oa/message/cs"
    try:
        with httpx.Client(timeout=TIMEOUT, headers={"access_token": access_token}) as client:
            for part in split_message(_clean(text)):
                body = {"recipient": {"user_id": user_id}, "message": {"text": part}}
                answer = _post(client, url, "Zalo OA message/cs", access_token, json=body)
                if answer is None:
                    return False
                if answer.get("error") != 0:
                    log.warning("Zalo OA message/cs refused: %s %s", answer.get("error"), answer.get("message"))
                    return False
    except Exception:  # a bad setting (an invalid URL, a token not valid in a header …) must not end the task
        log.exception("Zalo OA message/cs failed")
        return False
    return True
