"""The FastAPI app: routers, and domain errors translated to JSON with a Vietnamese message."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.routes import health, search
from assistant.errors import (
    BuildLockedError,
    CorpusError,
    EmbedderError,
    IndexNotBuiltError,
    QuestionError,
    UnknownDocumentError,
)

log = logging.getLogger("ntm.api")

_STATUS: list[tuple[type[CorpusError], int]] = [
    (QuestionError, 400),
    (UnknownDocumentError, 404),
    (IndexNotBuiltError, 503),
    (BuildLockedError, 409),
    (EmbedderError, 503),
]
_HTTP_MESSAGES = {
    404: ("not_found", "Không tìm thấy địa chỉ này."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này."),
}


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
    "string_too_long": "chuỗi quá dài",
}


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def create_app() -> FastAPI:
    """Build the application (uvicorn calls this with --factory)."""
    app = FastAPI(
        title="Trợ lý Nông thôn mới",
        description="Tra cứu bộ tiêu chí Nông thôn mới, trích dẫn nguồn chính xác.",
        version="0.1.0",
    )
    app.include_router(health.router)
    app.include_router(search.router)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    @app.exception_handler(CorpusError)
    async def corpus_error(_: Request, exc: CorpusError) -> JSONResponse:
        status = next((s for cls, s in _STATUS if isinstance(exc, cls)), 400)
        return _error(status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        reason = _PYDANTIC_VI.get(first.get("type", ""), first.get("msg", ""))
        field = f" ở trường '{where}'" if where else ""
        return _error(422, "invalid_request", f"Yêu cầu không hợp lệ{field}: {reason}.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_MESSAGES.get(exc.status_code, ("http_error", str(exc.detail)))
        return _error(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _error(
            500,
            "internal_error",
            "Lỗi hệ thống ngoài dự kiến; đã ghi nhật ký. Vui lòng thử lại sau.",
        )

    return app
