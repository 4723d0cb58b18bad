"""The OpenAPI schema, completed with what route signatures cannot show.

Middleware answers 408 (a body sent too slowly), 413 (request too large), 431 (headers too large)
and 429 (rate limit) before any route runs; a body that is not JSON in UTF-8 gets the project's 400; the
validation handler answers 422 as {"error": {code, message}} rather than FastAPI's {"detail": […]},
and `POST /v1/assessments` reads its body by hand; clients generated from the schema (and the
schemathesis contract test) should see all of that.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from api.schemas import AssessmentRequest, ErrorResponse

_REF = "#/components/schemas/{model}"
# Routes the rate limiter lets through (see create_app).
_UNLIMITED = ("/health",)
_GENERIC = {
    "400": "Nội dung yêu cầu không đọc được (không phải UTF-8, có ký tự không hợp lệ, hoặc JSON lồng quá sâu)",
    "408": "Gửi nội dung yêu cầu quá chậm",
    "413": "Yêu cầu quá lớn",
    "431": "Phần đầu yêu cầu (headers) quá lớn hoặc quá nhiều",
    "429": "Quá nhiều yêu cầu",
    "500": "Lỗi hệ thống ngoài dự kiến",
}


def _add_model(components: dict[str, Any], model: type[BaseModel]) -> None:
    schema = model.model_json_schema(ref_template=_REF)
    for name, definition in schema.pop("$defs", {}).items():
        components.setdefault(name, definition)
    components.setdefault(model.__name__, schema)


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": _REF.format(model="ErrorResponse")}}},
    }


def complete(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error statuses and schemas every route shares; `schema` is changed in place and returned."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorResponse, AssessmentRequest):
        _add_model(components, model)
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "422" in responses:
                responses["422"] = _error("Yêu cầu không hợp lệ")
            for status, response in responses.items():
                if status.isdigit() and int(status) >= 400:
                    # Errors are JSON on every route, the streaming one too (FastAPI gives them the route's type).
                    response["content"] = _error("")["content"]
            if "requestBody" in operation:
                for status in ("400", "408", "413"):  # the body's reading and the limits, on every such route
                    responses.setdefault(status, _error(_GENERIC[status]))
            responses.setdefault("431", _error(_GENERIC["431"]))
            if path not in _UNLIMITED:
                responses.setdefault("429", _error(_GENERIC["429"]))
            responses.setdefault("500", _error(_GENERIC["500"]))
    # FastAPI's own validation-error shapes are no longer referred to by any operation.
    text = json.dumps(schema.get("paths", {}))
    for name in ("HTTPValidationError", "ValidationError"):
        if f'/{name}"' not in text:
            components.pop(name, None)
    return schema


def install(app: FastAPI) -> None:
    """Make `app.openapi()` return the completed schema (built once, like FastAPI's)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = complete(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
