"""The OpenAPI schema, completed with what route signatures cannot show.

Middleware answers 413 (request too large) and 429 (rate limit) before any route runs, the
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
    "413": "Yêu cầu quá lớn",
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
            if "requestBody" in operation:
                responses.setdefault("413", _error(_GENERIC["413"]))
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
