"""The FastAPI app: routers, security (admin token, rate limit, CORS, size limits), metrics,
the web page, and every error translated to JSON with a Vietnamese message and a stable code."""

from __future__ import annotations

import contextlib
import hmac
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from limits import parse as parse_limit
from limits.aio.storage import MemoryStorage
from limits.aio.strategies import MovingWindowRateLimiter
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import docs
from api.deps import assistant_for, load_settings, store_for
from api.errors import ApiError
from api.jobs import reconcile
from api.layers import Measure, RateLimit, SecurityHeaders
from api.limits import BodyLimits
from api.openapi import install as install_openapi
from api.routes import admin, ask, assessments, bots, documents, feedback, health, openai, search, versions, zalo
from assistant.errors import (
    BuildLockedError,
    CorpusError,
    EmbedderError,
    IndexNotBuiltError,
    IndexUnavailableError,
    IngestError,
    LoadError,
    QuestionError,
    UnknownDocumentError,
)
from assistant.settings import Settings

log = logging.getLogger("ntm.api")
STATIC = Path(__file__).parent / "static"
# Values an operator might leave in place; refused as admin tokens in production.
WEAK_TOKENS = {"changeme", "change-me", "admin", "secret", "password", "token", "default", "test"}

_STATUS: list[tuple[type[CorpusError], int]] = [
    (QuestionError, 400),
    (UnknownDocumentError, 404),
    (LoadError, 400),
    (IngestError, 409),
    (IndexNotBuiltError, 503),
    (IndexUnavailableError, 503),
    (BuildLockedError, 409),
    (EmbedderError, 503),
]
_HTTP_MESSAGES = {
    # Starlette's own 400: a body that is not valid JSON in UTF-8.
    400: ("invalid_body", "Nội dung yêu cầu không đọc được: cần JSON hợp lệ, mã hóa UTF-8."),
    404: ("not_found", "Không tìm thấy địa chỉ này."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này."),
}
_OWN_DETAIL = {408: "request_timeout", 413: "request_too_large"}
_PYDANTIC_VI = {
    "missing": "thiếu trường bắt buộc",
    "string_type": "phải là chuỗi ký tự",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "less_than_equal": "giá trị quá lớn",
    "greater_than_equal": "giá trị quá nhỏ",
    "literal_error": "giá trị không nằm trong các lựa chọn cho phép",
    "json_invalid": "JSON không hợp lệ",
    "model_attributes_type": "phải là một đối tượng JSON",
    "dict_type": "phải là một đối tượng JSON",
    "list_type": "phải là một danh sách",
    "string_too_long": "chuỗi quá dài",
    "string_too_short": "chuỗi quá ngắn",
    "too_long": "quá nhiều phần tử",
    "too_short": "quá ít phần tử",
    "string_pattern_mismatch": "không đúng định dạng",
    "date_from_datetime_parsing": "ngày không hợp lệ (dạng YYYY-MM-DD)",
    "date_parsing": "ngày không hợp lệ (dạng YYYY-MM-DD)",
    "bool_parsing": "phải là true hoặc false",
}


class StartupError(RuntimeError):
    """The configuration is not safe to serve with."""


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def check_production(settings: Settings) -> None:
    """Production refuses to start without a strong admin token."""
    if settings.mode != "production":
        return
    token = settings.admin_token or ""
    if not token or token.lower() in WEAK_TOKENS or len(token) < 16:
        raise StartupError(
            "Chế độ production cần NTM_ADMIN_TOKEN đủ mạnh (ít nhất 16 ký tự, không phải giá trị mặc định)."
        )


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application (uvicorn calls this with --factory); `settings` overrides NTM_* for tests."""
    settings = settings or load_settings()
    check_production(settings)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Each worker, as it starts (a replacement for a killed one too): jobs of dead processes are
        # failed, and an upload whose re-index died with its process is indexed now, in a thread.
        try:
            await run_in_threadpool(reconcile, assistant_for(settings), store_for(settings))
        except Exception:  # serving matters more than the repair; the log says what went wrong
            log.exception("start-up reconciliation failed")
        yield

    app = FastAPI(
        title="Trợ lý Nông thôn mới",
        description="Tra cứu bộ tiêu chí Nông thôn mới, trích dẫn nguồn chính xác.",
        version="0.1.0",
        lifespan=lifespan,
        # api.docs serves both pages from packaged assets: FastAPI's own load them from a CDN.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings  # what api.deps.get_settings gives every route
    install_openapi(app)
    for router in (
        health.router,
        search.router,
        ask.router,
        documents.router,
        versions.router,
        feedback.router,
        openai.router,
        bots.router,
        zalo.router,
        assessments.router,
        admin.router,
    ):
        app.include_router(router)

    # --- metrics ---------------------------------------------------------------------------
    registry = CollectorRegistry()
    requests = Counter("ntm_requests", "HTTP requests", ["method", "route", "status"], registry=registry)
    latency = Histogram("ntm_request_seconds", "HTTP request latency", ["route"], registry=registry)
    chunks = Gauge("ntm_index_chunks", "Chunks in the index now served", registry=registry)

    app.add_middleware(Measure, requests=requests, latency=latency)

    @app.get("/metrics", include_in_schema=False)
    def metrics(request: Request) -> Response:
        if settings.metrics_token and not hmac.compare_digest(
            request.headers.get("authorization", "").encode(), f"Bearer {settings.metrics_token}".encode()
        ):
            return _error(401, "unauthorized", "Cần token (Authorization: Bearer …) để xem /metrics.")
        try:
            chunks.set(assistant_for(settings).index().manifest["chunks"])
        except CorpusError:
            chunks.set(0)
        return PlainTextResponse(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    # --- security ----------------------------------------------------------------------------
    # Per-client moving window (the `limits` library); health, metrics, the pages and their assets are free.
    # The asyncio flavour: the threaded memory storage started a timer thread for nearly every
    # request, and Thread.start waits for the new thread to get the GIL (latency under load).
    limiter = MovingWindowRateLimiter(MemoryStorage())
    # Each worker counts on its own: the documented limit is shared out, so N workers never allow N times it.
    limit = parse_limit(f"{max(1, settings.rate_limit_per_minute // settings.workers)}/minute")

    app.add_middleware(
        RateLimit,
        limiter=limiter,
        limit=limit,
        trusted=set(settings.trusted_proxies),
        free_prefixes=("/static/", "/health", "/metrics", *docs.FREE_PREFIXES),
        free_paths=("/", *docs.FREE_PATHS),
        refusal=lambda: _error(429, "rate_limited", "Quá nhiều yêu cầu; vui lòng thử lại sau ít phút."),
    )

    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(SecurityHeaders)

    # Outermost of the app's own layers: bodies are counted as they arrive, on every route.
    app.add_middleware(
        BodyLimits,
        body_bytes=settings.max_body_kb * 1024,
        upload_bytes=settings.max_upload_mb * 1024 * 1024 + 64 * 1024,  # the file and its multipart headers
        admin_token=settings.admin_token,
        read_timeout=settings.body_timeout_s,
        header_bytes=settings.max_header_kb * 1024,
        header_count=settings.max_headers,
    )

    # --- web page ------------------------------------------------------------------------------
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
    docs.install(app)

    @app.get("/", include_in_schema=False)
    def root() -> Response:
        index = STATIC / "index.html"
        return FileResponse(index) if index.is_file() else RedirectResponse("/docs")

    @app.get("/admin", include_in_schema=False)
    def admin_page() -> Response:
        page = STATIC / "admin.html"
        return FileResponse(page) if page.is_file() else RedirectResponse("/docs")

    @app.get("/assess", include_in_schema=False)
    def assess_page() -> Response:
        page = STATIC / "assess.html"
        return FileResponse(page) if page.is_file() else RedirectResponse("/docs")

    # --- errors --------------------------------------------------------------------------------
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(CorpusError)
    async def corpus_error(_: Request, exc: CorpusError) -> JSONResponse:
        status = next((s for cls, s in _STATUS if isinstance(exc, cls)), 400)
        return _error(status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        reason = _PYDANTIC_VI.get(first.get("type", ""), first.get("msg", "")).removeprefix("Value error, ")
        field = f" ở trường '{where}'" if where else ""
        return _error(422, "invalid_request", f"Yêu cầu không hợp lệ{field}: {reason}.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_MESSAGES.get(exc.status_code, ("http_error", str(exc.detail)))
        if exc.status_code in _OWN_DETAIL:  # the limits' own Vietnamese message (it names the size)
            code, message = _OWN_DETAIL[exc.status_code], str(exc.detail)
        response = _error(exc.status_code, code, message)
        response.headers.update(exc.headers or {})  # e.g. "Allow" on a 405
        return response

    @app.exception_handler(UnicodeError)
    async def bad_text(_: Request, exc: UnicodeError) -> JSONResponse:
        # A lone UTF-16 surrogate ("\ud800" in JSON) or a file that is not UTF-8: the input, not the server.
        return _error(
            400, "invalid_text", "Văn bản gửi lên có ký tự không hợp lệ (không phải Unicode/UTF-8 đúng chuẩn)."
        )

    @app.exception_handler(RecursionError)
    async def too_deep(_: Request, exc: RecursionError) -> JSONResponse:
        return _error(400, "invalid_body", "JSON lồng nhau quá sâu; hãy gửi dữ liệu phẳng hơn.")

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _error(500, "internal_error", "Lỗi hệ thống ngoài dự kiến; đã ghi nhật ký. Vui lòng thử lại sau.")

    return app
