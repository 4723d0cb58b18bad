"""GET /health and POST /v1/search through the TestClient."""

import pytest
from fastapi.testclient import TestClient

from api.deps import get_settings
from api.main import create_app
from assistant.service import Assistant
from assistant.settings import Settings


@pytest.fixture
def client(settings: Settings) -> TestClient:
    app = create_app()
    app.dependency_overrides[get_settings] = lambda: settings
    return TestClient(app, raise_server_exceptions=False)


def test_health_before_and_after_build(client: TestClient, settings: Settings) -> None:
    assert client.get("/health").json()["status"] == "no_index"
    r = client.post("/v1/search", json={"query": "báo cáo"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "index_not_built"
    Assistant(settings).build()
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["documents"] == 2 and body["model"] == "fake"


def test_search_returns_paths_scores_provenance(client: TestClient, settings: Settings) -> None:
    Assistant(settings).build()
    r = client.post("/v1/search", json={"query": "báo cáo định kỳ 06 tháng và hằng năm", "k": 3})
    assert r.status_code == 200
    results = r.json()["results"]
    assert len(results) == 3
    top = results[0]
    assert top["path"] == "14/BCĐCTMTQG › Phần kết"
    assert top["official"] is True and top["provenance"] == "official"
    assert top["score"] > results[-1]["score"] > 0
    assert "định kỳ 06 tháng" in top["text"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"query": ""}, 400, "empty_question"),
        ({"query": "x" * 2001}, 400, "question_too_long"),
        ({"query": "?!"}, 400, "no_words"),
        ({"query": "xã", "doc": "999/QĐ-TTg"}, 404, "unknown_document"),
        ({"query": "xã", "k": 0}, 422, "invalid_request"),
        ({"k": 3}, 422, "invalid_request"),
        ({"query": "xã", "mode": "magic"}, 422, "invalid_request"),
    ],
)
def test_search_errors_are_json_in_vietnamese(client: TestClient, settings: Settings, body, status, code) -> None:
    Assistant(settings).build()
    r = client.post("/v1/search", json=body)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["code"] == code and err["message"]
    assert "Traceback" not in r.text


def test_malformed_json_and_unknown_route(client: TestClient) -> None:
    r = client.post("/v1/search", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"
    r = client.get("/khong-co")
    assert r.status_code == 404 and r.json()["error"]["message"] == "Không tìm thấy địa chỉ này."


def test_openapi_docs_are_served(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    assert "/v1/search" in client.get("/openapi.json").json()["paths"]
