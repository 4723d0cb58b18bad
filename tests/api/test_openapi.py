"""The published OpenAPI schema documents the statuses and bodies the app really answers with."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.schemas import ErrorResponse
from tests.api.conftest import make_settings

ERROR_REF = {"$ref": "#/components/schemas/ErrorResponse"}


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(make_settings(tmp_path, rate_limit_per_minute=3)), raise_server_exceptions=False)


def _operations(schema: dict):
    for path, ops in schema["paths"].items():
        for method, op in ops.items():
            yield method.upper(), path, op


def test_shared_error_statuses_are_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for method, path, op in _operations(schema):
        responses = op["responses"]
        if path != "/health":  # the only route the rate limiter lets through
            assert responses["429"]["content"]["application/json"]["schema"] == ERROR_REF, (method, path)
        if "requestBody" in op:
            assert "413" in responses, (method, path)
        if "422" in responses:
            assert responses["422"]["content"]["application/json"]["schema"] == ERROR_REF, (method, path)
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    body = schema["paths"]["/v1/assessments"]["post"]["requestBody"]["content"]
    assert body["application/json"]["schema"] == {"$ref": "#/components/schemas/AssessmentRequest"}
    assert body["multipart/form-data"]["schema"]["required"] == ["file"]
    assert "set_id" in schema["components"]["schemas"]["AssessmentRequest"]["properties"]
    assert "404" in schema["paths"]["/v1/applicability"]["post"]["responses"]
    assert "404" in schema["paths"]["/v1/assessments/template"]["get"]["responses"]


def test_documented_error_shapes_are_the_real_ones(client: TestClient, tmp_path: Path) -> None:
    invalid = client.post("/v1/ask", json={"question": 5})
    assert invalid.status_code == 422
    ErrorResponse.model_validate(invalid.json())
    profile = client.post("/v1/assessments", json={"set_id": "318-xa-ntm", "values": {"10": "ba mươi"}})
    assert profile.status_code == 422
    assert ErrorResponse.model_validate(profile.json()).error.errors  # the per-value errors, documented
    too_large = client.post("/v1/ask", content=b"x", headers={"content-length": str(200 * 1024 * 1024)})
    assert too_large.status_code == 413
    ErrorResponse.model_validate(too_large.json())
    statuses = [client.get("/v1/models").status_code for _ in range(4)]
    assert statuses[-1] == 429
    ErrorResponse.model_validate(client.get("/v1/models").json())
