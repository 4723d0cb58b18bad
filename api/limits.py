"""Request bodies limited on the stream, whatever the transfer encoding: a body is counted as it
arrives, so a chunked 500 MB body is refused after the first megabyte instead of being read whole;
an upload to an admin route without the right token is refused before its body is read at all; a
body that stops arriving is given up after a timeout."""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import HTTPException

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Routes that take files: the upload limit applies; every other route takes a small JSON or form body.
UPLOADS = ("/v1/documents", "/v1/assessments")
ADMIN_UPLOADS = ("/v1/documents",)


class _TooLarge(HTTPException):
    # An HTTPException: FastAPI re-raises these from its body parsing (anything else becomes a 400).
    def __init__(self, limit: int) -> None:
        size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
        super().__init__(413, f"Yêu cầu quá lớn (tối đa {size}).")


class _TooSlow(HTTPException):
    def __init__(self) -> None:
        super().__init__(408, "Nội dung yêu cầu gửi quá chậm; đã ngừng chờ.")


class BodyLimits:
    """ASGI middleware: 413 past the route's limit, 401 for an admin upload without its token, 408 when
    the body stalls; answered with the project's JSON errors as long as no response has started."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        body_bytes: int,
        upload_bytes: int,
        admin_token: str | None,
        read_timeout: float,
        header_bytes: int = 16 * 1024,
        header_count: int = 100,
    ) -> None:
        self.app = app
        self.header_bytes = header_bytes
        self.header_count = header_count
        self.body_bytes = body_bytes
        self.upload_bytes = upload_bytes
        self.admin_token = admin_token
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers") or []
        if len(headers) > self.header_count or sum(len(k) + len(v) for k, v in headers) > self.header_bytes:
            # The server has parsed them already; nothing below reads them (a proxy in front bounds memory).
            limits = f"tối đa {self.header_count} tiêu đề, {self.header_bytes // 1024} KB"
            await _reply(send, 431, "headers_too_large", f"Tiêu đề yêu cầu quá lớn ({limits}).")
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        upload = path.startswith(UPLOADS)
        limit = self.upload_bytes if upload else self.body_bytes
        if path.startswith(ADMIN_UPLOADS) and scope["method"] == "POST" and not self._admin(scope):
            # The route would refuse it too, but only after the multipart parser spooled the whole body.
            await _reply(send, 401, "unauthorized", "Cần mã quản trị (Authorization: Bearer …) để nạp văn bản.")
            return
        declared = dict(headers).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await _refuse(send, _TooLarge(limit))  # said up front: nothing of it is read
            return
        seen = 0
        started = False
        body_done = False
        tripped: HTTPException | None = None

        async def counted() -> Message:
            nonlocal seen, tripped, body_done
            if body_done:
                # After the body, receive() only waits for the client to leave (a long answer stream).
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.read_timeout)
            except TimeoutError:
                tripped = _TooSlow()
                raise tripped from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if seen > limit:
                    tripped = _TooLarge(limit)
                    raise tripped
            return message

        async def watched(message: Message) -> None:
            # Once the limit tripped, whatever the app makes of the interrupted body (a parse error, a
            # 500) is replaced by the limit's own answer.
            nonlocal started
            if tripped is not None:
                if not started:
                    started = True
                    await _refuse(send, tripped)
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except Exception:
            if tripped is None:
                raise
            if not started:
                await _refuse(send, tripped)

    def _admin(self, scope: Scope) -> bool:
        if not self.admin_token:
            return True  # the route answers "admin disabled" itself (403), without reading much
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"authorization", b"")
        return hmac.compare_digest(given, f"Bearer {self.admin_token}".encode())


async def _refuse(send: Send, exc: HTTPException) -> None:
    code = "request_too_large" if exc.status_code == 413 else "request_timeout"
    await _reply(send, exc.status_code, code, str(exc.detail))


async def _reply(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
