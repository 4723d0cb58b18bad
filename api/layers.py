"""The app's own request layers as plain ASGI middleware: metrics, the rate limit and the security
headers. Starlette's `@app.middleware("http")` wraps each layer in task groups and memory streams,
which cost about as much per question as answering it; these pass the request straight through."""

from __future__ import annotations

import time
from collections.abc import Callable

from limits import RateLimitItem
from limits.aio.strategies import MovingWindowRateLimiter
from prometheus_client import Counter, Histogram
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class Measure:
    """Counts requests by method, route and status, and times them by route."""

    def __init__(self, app: ASGIApp, requests: Counter, latency: Histogram) -> None:
        self.app, self.requests, self.latency = app, requests, latency

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets when the app raises before it answers

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            # The router wrote the matched route into the shared scope.
            name = getattr(scope.get("route"), "path", "unmatched")
            self.requests.labels(scope["method"], name, str(status)).inc()
            self.latency.labels(name).observe(time.perf_counter() - started)


class RateLimit:
    """A moving window per client (per user behind a trusted chat front end); free paths are not counted."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limiter: MovingWindowRateLimiter,
        limit: RateLimitItem,
        trusted: set[str],
        free_prefixes: tuple[str, ...],
        free_paths: tuple[str, ...],
        refusal: Callable[[], Response],
    ) -> None:
        self.app, self.limiter, self.limit, self.trusted = app, limiter, limit, trusted
        self.free_prefixes, self.free_paths, self.refusal = free_prefixes, free_paths, refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(self.free_prefixes) or path in self.free_paths:
            await self.app(scope, receive, send)
            return
        client = scope["client"][0] if scope.get("client") else "unknown"
        user = Headers(scope=scope).get("x-openwebui-user-id")
        if user and (client in self.trusted or "*" in self.trusted):
            # A chat front end trusted as a proxy (Open WebUI) asks for all its users: each gets the limit.
            client = f"{client}|{user[:100]}"
        if not await self.limiter.hit(self.limit, client):
            await self.refusal()(scope, receive, send)
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """No content sniffing and no referrer on every response, unless a route set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
            await send(message)

        await self.app(scope, receive, sending)
