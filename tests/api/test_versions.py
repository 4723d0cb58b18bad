"""Document versions through the API: list, diff, restore (admin) → re-index job → search sees the
restored text; citations and documents name their version."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from assistant.service import Assistant
from assistant.settings import Settings
from corpus.registry import BUILTIN_DIR
from tests.api.conftest import make_settings

OLD = "không ngừng nâng cao chất lượng cuộc sống của người dân nông thôn"
NEW = "không ngừng ươm tạo khởi nghiệp xanh của người dân nông thôn"
DOC = "14-BCDCTMTQG"
NUMBER = "14/BCĐCTMTQG"


def _err(r, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]


@pytest.fixture(scope="module")
def app_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = make_settings(tmp_path_factory.mktemp("versions"))
    Assistant(settings).build()
    return settings


@pytest.fixture(scope="module")
def client(app_settings: Settings) -> TestClient:
    """The app after an upload replaced the built-in 14/BCĐCTMTQG with an amended text."""
    client = TestClient(create_app(app_settings), raise_server_exceptions=False)
    text = (BUILTIN_DIR / "14-BCDCTMTQG-2023.md").read_text(encoding="utf-8")
    assert OLD in text
    files = {"file": ("cv14-sua-doi.md", text.replace(OLD, NEW).encode("utf-8"), "text/markdown")}
    r = client.post("/v1/documents", files=files, headers=_admin(app_settings))
    assert r.status_code == 202, r.text
    assert r.json()["document"]["version"] == 2
    assert client.get(f"/v1/jobs/{r.json()['job_id']}").json()["status"] == "done"
    return client


def _admin(settings: Settings) -> dict:
    return {"Authorization": f"Bearer {settings.admin_token}"}


def _texts(client: TestClient, query: str) -> list[str]:
    r = client.post("/v1/search", json={"query": query, "doc": NUMBER, "mode": "bm25", "k": 10})
    assert r.status_code == 200, r.text
    return [hit["text"] for hit in r.json()["results"]]


def test_list_names_the_current_version_and_the_built_in_one(client: TestClient) -> None:
    r = client.get(f"/v1/documents/{DOC}/versions")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["document"] == NUMBER and body["current"] == 2
    current, first = body["versions"]
    assert current["number"] == 2 and current["current"] is True and current["source"] == "cv14-sua-doi.md"
    assert current["official"] is True and current["saved"] is None and current["since"]
    assert first["number"] == 1 and first["current"] is False and first["origin"] == "built-in"
    assert first["source"] == "14-BCDCTMTQG-2023.md" and first["reason"] == "thay bằng tệp cv14-sua-doi.md"
    assert len(first["sha256"]) == 12 and first["size"] == (BUILTIN_DIR / "14-BCDCTMTQG-2023.md").stat().st_size
    assert client.get(f"/v1/documents/{DOC.lower()}/versions").status_code == 200
    # A document never replaced has one version, the current one.
    single = client.get("/v1/documents/318-QD-TTG/versions").json()
    assert single["current"] == 1 and [v["number"] for v in single["versions"]] == [1]


def test_diff_shows_removed_and_added_lines_and_the_section(client: TestClient) -> None:
    r = client.get(f"/v1/documents/{DOC}/versions/1/diff/current")
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["from_version"], body["to_version"]) == (1, 2)
    removed = [ln["text"] for ln in body["lines"] if ln["op"] == "-"]
    added = [ln["text"] for ln in body["lines"] if ln["op"] == "+"]
    assert any(OLD in t for t in removed) and any(NEW in t for t in added)
    assert body["added"] == len(added) and body["removed"] == len(removed) and not body["truncated"]
    assert f"-{removed[0]}" in body["unified"].split("\n")
    assert [s["anchor"] for s in body["sections"]["changed"]] == ["muc-1", "muc-4"]  # the phrase is in both
    assert body["sections"]["added"] == body["sections"]["removed"] == []
    same = client.get(f"/v1/documents/{DOC}/versions/2/diff/current").json()
    assert same["lines"] == [] and same["added"] == same["removed"] == 0
    back = client.get(f"/v1/documents/{DOC}/versions/current/diff/1").json()
    assert any(ln["op"] == "+" and OLD in ln["text"] for ln in back["lines"])


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/v1/documents/999-QD-TTG/versions", "unknown_document"),
        ("/v1/documents/..%2Fetc/versions", "unknown_document"),
        (f"/v1/documents/{DOC}/versions/7/diff/current", "unknown_version"),
        (f"/v1/documents/{DOC}/versions/0/diff/1", "unknown_version"),
        (f"/v1/documents/{DOC}/versions/abc/diff/1", "unknown_version"),
        (f"/v1/documents/{DOC}/versions/1/diff/{'9' * 40}", "unknown_version"),
        (f"/v1/documents/{DOC}/versions/-1/diff/1", "unknown_version"),
        ("/v1/documents/318-QD-TTG/versions/1/diff/2", "unknown_version"),
    ],
)
def test_unknown_documents_and_versions_are_404(client: TestClient, path: str, code: str) -> None:
    r = client.get(path)
    assert r.status_code == 404, r.text
    assert r.json()["error"]["code"] in (code, "not_found")


def test_restore_needs_the_admin_token(client: TestClient, app_settings: Settings) -> None:
    _err(client.post(f"/v1/documents/{DOC}/versions/1/restore"), 401, "unauthorized")
    _err(
        client.post(f"/v1/documents/{DOC}/versions/1/restore", headers={"Authorization": "Bearer x"}),
        401,
        "unauthorized",
    )
    admin = _admin(app_settings)
    _err(client.post(f"/v1/documents/{DOC}/versions/9/restore", headers=admin), 404, "unknown_version")
    _err(client.post(f"/v1/documents/{DOC}/versions/nope/restore", headers=admin), 404, "unknown_version")
    _err(client.post("/v1/documents/999-QD-TTG/versions/1/restore", headers=admin), 404, "unknown_document")
    _err(client.post(f"/v1/documents/{DOC}/versions/2/restore", headers=admin), 409, "already_current")
    assert client.get(f"/v1/documents/{DOC}/versions").json()["current"] == 2  # none of these changed anything


def test_restore_reindexes_and_search_finds_the_restored_text(client: TestClient, app_settings: Settings) -> None:
    assert any(NEW in t for t in _texts(client, "ươm tạo khởi nghiệp xanh"))  # the amended text is served
    assert not any(OLD in t for t in _texts(client, "chất lượng cuộc sống của người dân nông thôn"))
    r = client.post(f"/v1/documents/{DOC}/versions/1/restore", headers=_admin(app_settings))
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["restored_from"] == 1 and body["document"]["version"] == 3 and body["document"]["number"] == NUMBER
    job = client.get(f"/v1/jobs/{body['job_id']}").json()
    assert job["status"] == "done" and job["detail"]["indexed"] == [NUMBER], job
    assert not any(NEW in t for t in _texts(client, "ươm tạo khởi nghiệp xanh"))
    assert any(OLD in t for t in _texts(client, "chất lượng cuộc sống của người dân nông thôn"))
    versions = client.get(f"/v1/documents/{DOC}/versions").json()["versions"]
    assert [(v["number"], v["current"]) for v in versions] == [(3, True), (2, False), (1, False)]
    assert versions[0]["restored_from"] == 1 and versions[1]["reason"] == "khôi phục phiên bản 1"
    assert client.get(f"/v1/documents/{DOC}").json()["version"] == 3
    # Citations name the version of the document they quote.
    answer = client.post("/v1/ask", json={"question": "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"}).json()
    cited = {c["doc"]: c["version"] for c in answer["citations"]}
    assert cited[NUMBER] == 3 and cited.get("318/QĐ-TTg", 1) == 1
    # The replaced text is still there, and can itself be restored.
    diff = client.get(f"/v1/documents/{DOC}/versions/2/diff/3").json()
    assert any(ln["op"] == "-" and NEW in ln["text"] for ln in diff["lines"])


def test_the_versions_folder_is_not_read_as_documents(client: TestClient, app_settings: Settings) -> None:
    folder = app_settings.data_dir / "corpus-versions" / DOC
    assert (folder / "1.md").is_file() and (folder / "versions.json").is_file()
    numbers = [d["number"] for d in client.get("/v1/documents").json()]
    assert sorted(numbers) == sorted(set(numbers)) and len(numbers) == 3
    assert Path(app_settings.ingested_dir, f"{DOC}.md").is_file()
