"""Every route and its errors, through the TestClient."""

import datetime as dt
import json
import sqlite3

import pytest
from fastapi.testclient import TestClient

from api.main import StartupError, create_app
from assistant.settings import Settings
from tests.api.conftest import make_settings
from tests.conftest import FIXTURES

Q = "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"


def _err(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["code"] == code and body["message"]
    assert "Traceback" not in r.text
    return body


def test_ask_returns_answer_card_and_citations(client: TestClient) -> None:
    r = client.post("/v1/ask", json={"question": Q})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["kind"] == "applicability" and body["as_of"] == "2023-12-31"
    assert body["card"]["applicable"]["doc"] == "318/QĐ-TTg"
    assert next(a["refs"][0]["path"] for a in body["card"]["actions"]) == "14/BCĐCTMTQG › Mục 1"
    first = body["citations"][0]
    assert first["doc_id"] == "14-BCDCTMTQG" and first["anchor"] == "muc-1" and first["official"] is True
    compiled = [c for c in body["citations"] if not c["official"]]
    assert compiled and all(c["note"].startswith("bản biên soạn") for c in compiled)
    assert body["sentences"][0]["cites"]


def test_the_answer_body_leaves_out_the_query_and_the_chooser_scores(client: TestClient) -> None:
    body = client.post("/v1/ask", json={"question": Q}).json()
    assert "query" not in body and "ranking" not in body
    assert body["text"] and isinstance(body["sentences"][0]["cites"], list) and body["flags"] is not None


def test_every_response_carries_the_security_headers_and_is_counted(client: TestClient) -> None:
    for r in (client.post("/v1/ask", json={"question": Q}), client.get("/khong-co-trang-nay"), client.get("/health")):
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["referrer-policy"] == "no-referrer"
    text = client.get("/metrics").text
    assert 'route="unmatched",status="404"' in text and 'route="/health",status="200"' in text


def test_follow_up_uses_the_conversation(client: TestClient) -> None:
    r = client.post("/v1/ask", json={"question": "còn xã NTM nâng cao thì sao?", "history": [Q]})
    card = r.json()["card"]
    assert card["applicable"]["ref"]["path"] == "318/QĐ-TTg › Phụ lục II"


def test_ask_stream_sends_meta_sentences_done(client: TestClient) -> None:
    with client.stream("POST", "/v1/ask/stream", json={"question": Q}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        raw = "".join(r.iter_text())
    events = [
        (block.split("\n")[0].removeprefix("event: "), json.loads(block.split("data: ", 1)[1]))
        for block in raw.strip().split("\n\n")
    ]
    kinds = [k for k, _ in events]
    assert kinds[0] == "meta" and kinds[-1] == "done" and kinds.count("sentence") >= 3
    assert events[0][1]["card"]["applicable"]["doc"] == "318/QĐ-TTg"
    assert events[-1][1]["id"] == events[0][1]["id"]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"question": ""}, 400, "empty_question"),
        ({"question": "x" * 2001}, 400, "question_too_long"),
        ({"question": "x" * 1_000_000}, 400, "question_too_long"),
        ({"question": "..."}, 400, "no_words"),
        ({"question": "xã", "as_of": "hôm qua"}, 422, "invalid_request"),
        ({"question": "xã", "k": 500}, 422, "invalid_request"),
        ({}, 422, "invalid_request"),
    ],
)
def test_ask_bad_input(client: TestClient, body: dict, status: int, code: str) -> None:
    _err(client.post("/v1/ask", json=body), status, code)


def test_ask_stream_error_event(client: TestClient) -> None:
    with client.stream("POST", "/v1/ask/stream", json={"question": "   "}) as r:
        raw = "".join(r.iter_text())
    assert raw.startswith("event: error") and "empty_question" in raw


def test_refusal_is_a_normal_answer(client: TestClient) -> None:
    body = client.post("/v1/ask", json={"question": "Kết quả bóng đá đêm qua?"}).json()
    assert body["refused"] is True and body["citations"] == []


def test_applicability_structured(client: TestClient) -> None:
    r = client.post("/v1/applicability", json={"level": "huyện", "set": "558/QĐ-TTg", "as_of": "2024-01-01"})
    assert r.status_code == 200, r.text
    card = r.json()
    assert card["applicable"]["doc"] == "320/QĐ-TTg" and card["case"]["path"] == "14/BCĐCTMTQG › Mục 4"
    today = client.post(
        "/v1/applicability", json={"level": "xã", "tier": "NTM", "year": 2017, "as_of": "2026-11-24"}
    ).json()
    assert any("51/2025/QĐ-TTg" in n["text"] for n in today["notes"])
    missing = client.post("/v1/applicability", json={"tier": "kiểu mẫu", "year": 2019, "as_of": "2024-01-01"}).json()
    assert missing["missing"] == ["level"] and missing["ask"]
    _err(client.post("/v1/applicability", json={"level": "tỉnh"}), 422, "invalid_request")
    _err(client.post("/v1/applicability", json={"level": "xã", "set": "999/QĐ-TTg"}), 404, "unknown_document")


def test_documents_sections_and_traversal(client: TestClient) -> None:
    docs = client.get("/v1/documents").json()
    assert {d["id"] for d in docs} == {"14-BCDCTMTQG", "5766-UBND-CNNXD", "318-QD-TTG"}
    detail = client.get("/v1/documents/14-BCDCTMTQG").json()
    assert [s["anchor"] for s in detail["sections"] if s["anchor"].startswith("muc-")] == [
        f"muc-{i}" for i in range(1, 9)
    ]
    section = client.get("/v1/documents/318-QD-TTG/sections/phu-luc-i/tieu-chi-17").json()
    assert section["path"] == "318/QĐ-TTg › Phụ lục I › Tiêu chí 17" and section["official"] is False
    assert section["note"] and "17.1" in section["text"]
    assert section["parent"]["path"] == "318/QĐ-TTg › Phụ lục I"
    assert client.get("/v1/documents/318-qd-ttg").status_code == 200  # ids are case-insensitive
    for bad in ("../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "x" * 200):
        assert client.get(f"/v1/documents/{bad}").status_code == 404
    for bad in ("../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "muc-1/../../x", "%00"):
        r = client.get(f"/v1/documents/14-BCDCTMTQG/sections/{bad}")
        assert r.status_code == 404 and r.json()["error"]["code"] in ("unknown_section", "not_found")
    _err(client.get("/v1/documents/14-BCDCTMTQG/sections/muc-99"), 404, "unknown_section")
    _err(client.get("/v1/documents/999-QD-TTG"), 404, "unknown_document")


def test_feedback_is_stored(client: TestClient, built_settings: Settings) -> None:
    answer = client.post("/v1/ask", json={"question": Q}).json()
    r = client.post("/v1/feedback", json={"answer_id": answer["id"], "rating": 1, "comment": "Rất rõ"})
    assert r.status_code == 201
    with sqlite3.connect(built_settings.app_db) as conn:
        row = conn.execute("SELECT answer_id, rating, comment FROM feedback WHERE id = ?", (r.json()["id"],)).fetchone()
    assert row == (answer["id"], 1, "Rất rõ")
    _err(client.post("/v1/feedback", json={"answer_id": "0" * 32, "rating": 1}), 404, "unknown_answer")
    _err(client.post("/v1/feedback", json={"answer_id": answer["id"], "rating": 5}), 422, "invalid_request")
    _err(
        client.post("/v1/feedback", json={"answer_id": "'; DROP TABLE feedback;--", "rating": 1}),
        422,
        "invalid_request",
    )


def test_upload_requires_the_admin_token(client: TestClient) -> None:
    files = {"file": ("qd.pdf", (FIXTURES / "quyet-dinh-mau.pdf").read_bytes(), "application/pdf")}
    _err(client.post("/v1/documents", files=files), 401, "unauthorized")
    _err(client.post("/v1/documents", files=files, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")


def test_upload_parses_first_stores_and_reindexes(tmp_path) -> None:
    settings = make_settings(tmp_path)
    from assistant.service import Assistant

    Assistant(settings).build()
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {settings.admin_token}"}
    bad = {"file": ("hong.pdf", b"%PDF-1.4 broken", "application/pdf")}
    _err(client.post("/v1/documents", files=bad, headers=auth), 400, "load_error")
    _err(
        client.post("/v1/documents", files={"file": ("a.exe", b"MZ", "application/octet-stream")}, headers=auth),
        400,
        "unsupported_file",
    )
    assert not (settings.ingested_dir).exists() or not any(settings.ingested_dir.iterdir())
    files = {"file": ("qd.pdf", (FIXTURES / "quyet-dinh-mau.pdf").read_bytes(), "application/pdf")}
    r = client.post("/v1/documents", files=files, headers=auth)
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["document"]["number"] == "99/QĐ-UBND" and body["document"]["official"] is True
    job = client.get(f"/v1/jobs/{body['job_id']}").json()
    assert job["status"] == "done" and job["detail"]["chunks"] > 0  # TestClient runs background tasks before returning
    hits = client.post("/v1/search", json={"query": "bố trí nguồn lực thủy lợi", "doc": "99/QĐ-UBND"}).json()["results"]
    assert hits and hits[0]["page"] == 2
    _err(client.get("/v1/jobs/" + "f" * 32), 404, "unknown_job")
    _err(client.get("/v1/jobs/../../x"), 404, "not_found")


def test_upload_size_limit(tmp_path) -> None:
    settings = make_settings(tmp_path, max_upload_mb=1)
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {settings.admin_token}"}
    big = {"file": ("big.txt", b"x" * (3 * 1024 * 1024), "text/plain")}
    _err(client.post("/v1/documents", files=big, headers=auth), 413, "request_too_large")


def test_admin_disabled_without_token(tmp_path) -> None:
    client = TestClient(create_app(make_settings(tmp_path, admin_token=None)), raise_server_exceptions=False)
    files = {"file": ("qd.pdf", b"x", "application/pdf")}
    _err(client.post("/v1/documents", files=files, headers={"Authorization": "Bearer x"}), 403, "admin_disabled")


@pytest.mark.parametrize("token", [None, "changeme", "short"])
def test_production_refuses_weak_admin_tokens(tmp_path, token) -> None:
    with pytest.raises(StartupError, match="NTM_ADMIN_TOKEN"):
        create_app(make_settings(tmp_path, mode="production", admin_token=token))
    create_app(make_settings(tmp_path, mode="production", admin_token="a-long-and-random-token-0123"))


def test_rate_limit(tmp_path) -> None:
    client = TestClient(create_app(make_settings(tmp_path, rate_limit_per_minute=3)), raise_server_exceptions=False)
    codes = [client.get("/v1/documents").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200]
    _err(client.get("/v1/documents"), 429, "rate_limited")


def test_the_rate_limit_is_shared_out_among_workers(tmp_path) -> None:
    # Two workers each allow half: together never more than the documented limit.
    client = TestClient(
        create_app(make_settings(tmp_path, rate_limit_per_minute=6, workers=2)), raise_server_exceptions=False
    )
    codes = [client.get("/v1/documents").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_metrics_need_the_token_when_one_is_set(tmp_path) -> None:
    client = TestClient(create_app(make_settings(tmp_path, metrics_token="m-token-123")), raise_server_exceptions=False)
    _err(client.get("/metrics"), 401, "unauthorized")
    _err(client.get("/metrics", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    ok = client.get("/metrics", headers={"Authorization": "Bearer m-token-123"})
    assert ok.status_code == 200 and "ntm_requests" in ok.text


def test_cors_is_configurable(tmp_path) -> None:
    open_app = TestClient(create_app(make_settings(tmp_path, cors_origins=["https://ntm.example.vn"])))
    r = open_app.options(
        "/v1/ask", headers={"Origin": "https://ntm.example.vn", "Access-Control-Request-Method": "POST"}
    )
    assert r.headers["access-control-allow-origin"] == "https://ntm.example.vn"
    closed = TestClient(create_app(make_settings(tmp_path)))
    r = closed.get("/v1/documents", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_metrics_and_health(client: TestClient) -> None:
    client.post("/v1/ask", json={"question": Q})
    text = client.get("/metrics").text
    assert 'ntm_requests_total{method="POST",route="/v1/ask",status="200"}' in text
    assert "ntm_index_chunks" in text and "ntm_request_seconds_bucket" in text
    assert client.get("/health").json()["status"] == "ok"


def test_web_page_and_static_assets(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    if "text/html" in r.headers["content-type"]:
        assert 'lang="vi"' in r.text
        for asset in ("/static/app.js", "/static/style.css"):
            assert client.get(asset).status_code == 200
        assert "http://" not in r.text.replace("http://127.0.0.1", "") and "https://" not in r.text  # no CDN


def test_an_unrelated_earlier_question_gives_no_context(client: TestClient) -> None:
    body = client.post(
        "/v1/ask",
        json={"question": "Xã đạt chuẩn NTM năm 2017 thì phải làm gì?", "history": ["Ai vô địch World Cup 2022?"]},
    ).json()
    assert body["as_of"] == "2024-01-01"


def test_assessment_routes(client: TestClient, tmp_path) -> None:
    from openpyxl import load_workbook

    sets = client.get("/v1/assessments/sets").json()
    assert {s["id"] for s in sets} >= {"318-xa-ntm", "1980-xa-ntm", "320-huyen-ntm"}
    assert "Thái Nguyên" in client.get("/v1/assessments/provinces").json()
    params = {"set": "1980-xa-ntm", "province": "Thái Nguyên", "year": 2020}
    rows = client.get("/v1/assessments/template", params={**params, "format": "json"}).json()["rows"]
    income = next(r for r in rows if r["Mã chỉ tiêu"] == "10")
    assert income["Ngưỡng"] == "36" and income["Xác minh"] == "đã xác minh"
    assert (
        client.get("/v1/assessments/template", params={**params, "format": "csv"})
        .text.lstrip("\ufeff")
        .startswith("# Bộ tiêu chí: 1980-xa-ntm")
    )
    xlsx = client.get("/v1/assessments/template", params=params)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    # Fill the downloaded template and upload it.
    path = tmp_path / "t.xlsx"
    path.write_bytes(xlsx.content)
    wb = load_workbook(path)
    for row in wb["Chỉ tiêu"].iter_rows(min_row=2):
        if row[0].value == "10":
            row[7].value = "34,5"
    wb.save(path)
    r = client.post("/v1/assessments", files={"file": ("ho-so.xlsx", path.read_bytes())})
    assert r.status_code == 200, r.text
    body = r.json()
    got = next(i for i in body["indicators"] if i["code"] == "10")
    assert got["status"] == "not_met" and got["shortfall"] == "thiếu 1,5 triệu đồng/người/năm"
    assert body["total_criteria"] == 19 and body["region_name"] == "Trung du và miền núi phía Bắc"
    profile = {**params, "name": "Xã A", "values": {"10": 37}}
    assert client.post("/v1/assessments", json=profile).json()["indicators"][0]
    html = client.post("/v1/assessments", params={"format": "html"}, json=profile)
    assert html.headers["content-type"].startswith("text/html") and "Số tiêu chí đạt" in html.text
    report = client.post("/v1/assessments", params={"format": "xlsx"}, json=profile)
    assert report.content[:2] == b"PK"
    bad = client.post("/v1/assessments", json={**profile, "values": {"10": "bốn mươi", "15.1": 140}})
    assert bad.status_code == 422 and len(bad.json()["error"]["errors"]) == 2
    _err(client.post("/v1/assessments", json={**profile, "set": "nope"}), 422, "invalid_profile")
    _err(client.get("/v1/assessments/template", params={"set": "nope"}), 404, "unknown_set")
    _err(
        client.get("/v1/assessments/template", params={"set": "318-xa-ntm", "province": "Atlantis"}),
        400,
        "unknown_province",
    )
    _err(client.post("/v1/assessments", files={"file": ("x.exe", b"MZ")}), 400, "unsupported_file")


def test_assessment_places_follow_the_2025_map(built_settings) -> None:
    # The same index, on a date after the reorganisation (the shared client is pinned to 2024).
    client = TestClient(create_app(built_settings.model_copy(update={"today": dt.date(2026, 12, 1)})))
    current = client.get("/v1/assessments/provinces").json()
    former = client.get("/v1/assessments/provinces", params={"former": "true"}).json()
    assert len(current) == 34 and "Yên Bái" not in current and "Lào Cai" in current
    assert len(former) == 63 and "Yên Bái (cũ)" in former
    sets = {s["id"]: s for s in client.get("/v1/assessments/sets").json()}
    assert sets["51-2025-xa-ntm"]["grouping"] == "commune_group"
    assert sets["51-2025-xa-ntm"]["groups"] == ["Xã nhóm 1", "Xã nhóm 2", "Xã nhóm 3"]
    assert sets["318-xa-ntm"]["grouping"] == "province"
    # A merged province spanning two regions: the message names the former provinces to choose from.
    body = _err(
        client.get("/v1/assessments/template", params={"set": "318-xa-ntm", "province": "Phú Thọ"}),
        400,
        "unknown_province",
    )
    assert "'Vĩnh Phúc cũ'" in body["message"] and "'Hòa Bình cũ'" in body["message"]
    ok = client.get("/v1/assessments/template", params={"set": "318-xa-ntm", "province": "Vĩnh Phúc (cũ)"})
    assert ok.status_code == 200
    body = _err(
        client.get("/v1/assessments/template", params={"set": "51-2025-xa-ntm", "province": "nhóm 4"}),
        400,
        "unknown_province",
    )
    assert "nhóm 1, 2 hoặc 3" in body["message"]
    template = client.get("/v1/assessments/template", params={"set": "51-2025-xa-ntm", "province": "nhóm 2"})
    assert template.status_code == 200
    profile = {"set": "51-2025-xa-ntm", "province": "Xã nhóm 2", "year": 2026, "values": {}}
    result = client.post("/v1/assessments", json=profile).json()
    assert result["total_criteria"] == 10 and result["met_criteria"] == 0
    assert any("chưa biết chỉ tiêu" in w for w in result["warnings"])
    bad_year = client.post("/v1/assessments", json={**profile, "year": 2035})
    assert bad_year.status_code == 422 and "từ 2009 đến 2030" in bad_year.text
