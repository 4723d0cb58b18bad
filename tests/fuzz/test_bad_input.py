"""The bad inputs an independent probe of the running service answered with a 500 (or an English
400): each now gets a specific Vietnamese 4xx, a clean SSE `error` event, or a chat reply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from assistant.service import Assistant
from tests.api.conftest import make_settings

JSON = {"content-type": "application/json"}
SURROGATE = "\\ud800"  # as JSON writes it: decodes to a lone surrogate, which UTF-8 cannot hold


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    settings = make_settings(Path(tmp_path_factory.mktemp("bad")))
    Assistant(settings).build()
    return TestClient(create_app(settings), raise_server_exceptions=False)


def _error(r, status: int, code: str) -> str:
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["code"] == code and body["message"]
    return body["message"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/ask", f'{{"question": "{SURROGATE} xã đạt chuẩn"}}'),
        ("/v1/search", f'{{"query": "{SURROGATE} báo cáo"}}'),
        (
            "/v1/chat/completions",
            f'{{"model": "ntm-assistant", "messages": [{{"role": "user", "content": "{SURROGATE}"}}]}}',
        ),
    ],
)
def test_a_lone_surrogate_is_a_400_not_a_500(client: TestClient, path: str, body: str) -> None:
    message = _error(client.post(path, content=body, headers=JSON), 400, "invalid_text")
    assert "ký tự không hợp lệ" in message
    assert client.get("/health").status_code == 200  # and the app keeps serving


def test_a_lone_surrogate_in_a_stream_is_an_error_event(client: TestClient) -> None:
    r = client.post("/v1/ask/stream", content=f'{{"question": "{SURROGATE} xã"}}', headers=JSON)
    assert r.status_code == 200 and "event: error" in r.text and "invalid_text" in r.text


def test_a_lone_surrogate_to_the_telegram_bot_still_gets_a_reply(client: TestClient) -> None:
    update = f'{{"update_id": 1, "message": {{"message_id": 7, "chat": {{"id": 5}}, "text": "{SURROGATE} xã đạt chuẩn NTM năm 2017 phải làm gì"}}}}'
    r = client.post("/bots/telegram/tg-secret-123", content=update, headers=JSON)
    assert r.status_code == 200
    body = r.json()
    assert body["method"] == "sendMessage" and body["chat_id"] == 5 and body["text"]


PROFILE = '{"set": "318-xa-ntm", "year": 2024, "values": {"10": VALUE}}'


@pytest.mark.parametrize(
    ("value", "reason"),
    [("NaN", "không phải số hữu hạn"), ("1e400", "không phải số hữu hạn"), ("9" * 400, "số quá lớn")],
)
def test_numbers_no_commune_has_are_refused(client: TestClient, value: str, reason: str) -> None:
    r = client.post("/v1/assessments", content=PROFILE.replace("VALUE", value), headers=JSON)
    assert reason in _error(r, 422, "invalid_profile")


@pytest.mark.parametrize("year", [0, 2008, 2031, 10000])
def test_years_outside_the_programme_are_refused_with_the_range(client: TestClient, year: int) -> None:
    body = {"set": "318-xa-ntm", "year": year, "values": {}}
    assert "từ 2009 đến 2030" in _error(client.post("/v1/assessments", json=body), 422, "invalid_profile")


def test_deeply_nested_json_is_a_400(client: TestClient) -> None:
    body = '{"set": "318-xa-ntm", "values": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert "lồng nhau quá sâu" in _error(
        client.post("/v1/assessments", content=body, headers=JSON), 400, "invalid_body"
    )


def test_a_surrogate_in_a_profile_name_is_a_400(client: TestClient) -> None:
    body = f'{{"set": "318-xa-ntm", "name": "{SURROGATE}", "values": {{}}}}'
    _error(client.post("/v1/assessments", content=body, headers=JSON), 400, "invalid_text")


def test_a_csv_that_is_not_utf8_is_a_400(client: TestClient) -> None:
    data = "# Bộ tiêu chí: 318-xa-ntm\nMã chỉ tiêu,Giá trị của đơn vị\n10,45\n".encode("cp1258", errors="replace")
    _error(client.post("/v1/assessments", files={"file": ("ho-so.csv", data, "text/csv")}), 400, "invalid_text")


def test_a_body_that_is_not_utf8_gets_the_projects_400(client: TestClient) -> None:
    message = _error(client.post("/v1/ask", content=b'{"question": "x\xff\xfe"}', headers=JSON), 400, "invalid_body")
    assert "UTF-8" in message and "error parsing" not in message


@pytest.mark.parametrize("as_of", [0, 1_700_000_000, "01/12/2026", "1970-01-01", True])
def test_as_of_is_a_date_written_as_a_date(client: TestClient, as_of) -> None:
    r = client.post(
        "/v1/ask", content=json.dumps({"question": "xã đạt chuẩn năm 2017 phải làm gì", "as_of": as_of}), headers=JSON
    )
    assert "as_of" in _error(r, 422, "invalid_request")
    ok = client.post("/v1/ask", json={"question": "xã đạt chuẩn năm 2017 phải làm gì", "as_of": "2024-05-01"})
    assert ok.status_code == 200 and ok.json()["as_of"] == "2024-05-01"


def test_a_method_not_allowed_says_which_are(client: TestClient) -> None:
    r = client.request("TRACE", "/v1/ask")
    _error(r, 405, "method_not_allowed")
    assert r.headers.get("allow") == "POST"
