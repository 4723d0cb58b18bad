"""Re-index jobs and start-up repair: jobs of dead processes are failed with the reason, a corpus that
differs from the served index is re-indexed at start-up, queued re-index requests are served by one
build, and every worker sees documents another one ingested."""

from __future__ import annotations

import sqlite3
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.jobs import reconcile, reindex
from api.main import create_app
from api.store import ORPHANED, Store, alive, process_id
from assistant.service import Assistant
from tests.api.conftest import make_settings, serving
from tests.conftest import FIXTURES


def _dead_owner() -> str:
    """The owner id of a process that has ended."""
    proc = subprocess.Popen(["sleep", "30"])
    owner = process_id(proc.pid)
    proc.kill()
    proc.wait()
    return owner


def _wait_job(store: Store, job_id: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = store.job(job_id)
        if job and job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {store.job(job_id)}")


def test_a_job_knows_whether_its_process_is_alive(tmp_path: Path) -> None:
    assert alive(process_id())
    assert not alive(_dead_owner())
    assert not alive(None) and not alive("junk") and not alive("1:0")  # pid 1 started at boot, not at tick 0


def test_jobs_of_a_dead_process_are_failed_with_the_reason_and_live_ones_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "app.db")
    mine = store.new_job("reindex", "đang chạy ở tiến trình này")
    store.update_job(mine, "running", "Đang xây dựng lại chỉ mục…")
    orphan = store.new_job("reindex", "của tiến trình đã chết")
    finished = store.new_job("reindex", "đã xong")
    store.update_job(finished, "done", "Đã xây dựng lại chỉ mục.")
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE jobs SET owner = ?, status = 'running' WHERE id = ?", (_dead_owner(), orphan))
        conn.execute("UPDATE jobs SET owner = ? WHERE id = ?", (_dead_owner(), finished))
    assert store.fail_orphans() == [orphan]
    job = store.job(orphan)
    assert job["status"] == "failed" and job["message"] == ORPHANED and job["finished"]
    assert store.job(mine)["status"] == "running" and store.job(finished)["status"] == "done"
    assert "owner" not in job  # the process id stays on the server


def test_a_store_written_before_jobs_had_owners_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL, message TEXT, "
            "detail TEXT, created TEXT NOT NULL, finished TEXT)"
        )
        conn.execute("INSERT INTO jobs VALUES ('old', 'reindex', 'running', 'x', NULL, '2026-01-01', NULL)")
    store = Store(path)
    assert store.fail_orphans() == ["old"]  # no owner recorded: nothing can still be running it
    assert store.job(store.new_job("reindex", "mới"))["status"] == "queued"


def test_start_up_fails_orphans_and_indexes_what_the_dead_process_left(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(tmp_path)
    Assistant(settings).build()
    store = Store(settings.app_db)
    # An upload stored its document, then its process died before the re-index ran.
    Assistant(settings).ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True)
    lost = store.new_job("reindex", "Xây dựng lại chỉ mục sau khi nạp 99/QĐ-UBND", {"documents": ["99/QĐ-UBND"]})
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE jobs SET owner = ?, status = 'running' WHERE id = ?", (_dead_owner(), lost))
    assistant = Assistant(settings)
    assert assistant.pending_changes() == {"added": ["99/QĐ-UBND"], "changed": [], "removed": []}

    job_id = reconcile(assistant, store)
    assert store.job(lost)["status"] == "failed"
    # The start-up names what it re-indexes (the job's own message is soon overwritten by its progress).
    assert job_id is not None and "99/QĐ-UBND" in caplog.text
    job = _wait_job(store, job_id)
    assert job["status"] == "done", job
    assert job["detail"]["indexed"] == ["99/QĐ-UBND"] and job["detail"]["changes"]["added"] == ["99/QĐ-UBND"]
    assert assistant.pending_changes() == {"added": [], "changed": [], "removed": []}
    assert {r.chunk.doc for r in assistant.search("bố trí nguồn lực thủy lợi", doc="99/QĐ-UBND")} == {"99/QĐ-UBND"}
    assert reconcile(Assistant(settings), store) is None  # up to date: nothing more to do


def test_start_up_with_the_app_runs_the_repair(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    Assistant(settings).build()
    Assistant(settings).ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True)
    with TestClient(create_app(settings)) as client:  # the lifespan runs at start
        deadline = time.monotonic() + 120
        while Assistant(settings).pending_changes() != {"added": [], "changed": [], "removed": []}:
            assert time.monotonic() < deadline, "the start-up re-index did not finish"
            time.sleep(0.2)
        hits = client.post("/v1/search", json={"query": "thủy lợi", "doc": "99/QĐ-UBND"}).json()["results"]
    assert hits


def test_queued_reindex_requests_are_served_by_one_build(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assistant = Assistant(settings)
    assistant.build()
    store = Store(settings.app_db)
    assistant.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True)
    first = store.new_job("reindex", "a", {"documents": ["99/QĐ-UBND"]})
    second = store.new_job("reindex", "b", {"documents": ["99/QĐ-UBND"]})
    reindex(assistant, store, first)
    reindex(assistant, store, second)
    a, b = store.job(first), store.job(second)
    assert a["status"] == b["status"] == "done"
    assert a["detail"]["reused"] is False and b["detail"]["reused"] is True
    assert a["detail"]["version"] == b["detail"]["version"] and b["detail"]["indexed"] == ["99/QĐ-UBND"]


def test_a_worker_sees_documents_another_worker_ingested(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    Assistant(settings).build()
    one, two = TestClient(create_app(settings)), TestClient(create_app(make_settings(tmp_path)))
    before = {d["number"] for d in two.get("/v1/documents").json()}
    auth = {"Authorization": f"Bearer {settings.admin_token}"}
    files = {"file": ("qd.pdf", (FIXTURES / "quyet-dinh-mau.pdf").read_bytes(), "application/pdf")}
    assert one.post("/v1/documents", files=files, headers=auth).status_code == 202
    after = {d["number"] for d in two.get("/v1/documents").json()}
    assert after - before == {"99/QĐ-UBND"}
    assert two.get("/v1/documents/99-QD-UBND").status_code == 200


def test_eight_uploads_over_http_at_once_all_end_searchable(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    Assistant(settings).build()
    auth = {"Authorization": f"Bearer {settings.admin_token}"}
    pdf = (FIXTURES / "quyet-dinh-mau.pdf").read_bytes()
    numbers = [f"{700 + i}/QĐ-UBND" for i in range(8)] + ["88/QĐ-UBND"] * 4
    with serving(create_app(settings)) as port, httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as http:

        def upload(number: str) -> dict:
            r = http.post("/v1/documents", params={"number": number}, files={"file": ("qd.pdf", pdf)}, headers=auth)
            assert r.status_code == 202, r.text
            return r.json()

        with ThreadPoolExecutor(12) as pool:
            bodies = list(pool.map(upload, numbers))
        assert [b["document"]["number"] for b in bodies] == numbers
        assert sum(b["replaced"] is None for b in bodies[8:]) == 1  # one stored it, three replaced it
        assert all(b["replaced"] is None for b in bodies[:8])
        store = Store(settings.app_db)
        jobs = [_wait_job(store, b["job_id"]) for b in bodies]
        assert all(j["status"] == "done" for j in jobs), [j["message"] for j in jobs]
        indexed = {n for j in jobs for n in j["detail"]["indexed"]}
        assert indexed == set(numbers)
        for number in set(numbers):
            r = http.post("/v1/search", json={"query": "thủy lợi", "doc": number, "k": 1})
            assert r.status_code == 200 and r.json()["results"], (number, r.text)


def test_an_official_upload_reports_its_criteria_tables_in_the_response_and_the_job(tmp_path: Path) -> None:
    from tests.fixtures.criteria_files import spec_2026, write_pdf

    settings = make_settings(tmp_path)
    Assistant(settings).build()
    spec = spec_2026()
    spec.criteria[0].rows[1].values = ["≥ 90", "khoảng 85", "≥ 70"]  # one cell that does not read
    pdf = write_pdf(spec, tmp_path / "qd-51.pdf").read_bytes()
    client = TestClient(create_app(settings))
    r = client.post(
        "/v1/documents", files={"file": ("qd-51.pdf", pdf)}, headers={"Authorization": f"Bearer {settings.admin_token}"}
    )
    assert r.status_code == 202, r.text
    report = r.json()["criteria"]
    assert report["sets"] == ["51-2025-xa-ntm"] and report["indicators"] == 40
    assert (
        len(report["problems"]) == 1 and "«khoảng 85»" in report["problems"][0] and "trang 1" in report["problems"][0]
    )
    job = Store(settings.app_db).job(r.json()["job_id"])
    assert (
        job["status"] == "done"
        and job["detail"]["criteria"] == report
        and job["detail"]["indexed"] == ["51/2025/QĐ-TTg"]
    )
    sets = {s["id"]: s for s in client.get("/v1/assessments/sets").json()}
    assert "51-2025-xa-ntm" in sets


def test_zalo_message_ids_are_forgotten_after_a_week(tmp_path: Path) -> None:
    import datetime as dt

    store = Store(tmp_path / "app.db")
    assert store.first_sighting("oa:1") and not store.first_sighting("oa:1")
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=8)).isoformat(timespec="seconds")
    with sqlite3.connect(store.path) as conn:
        conn.execute("INSERT INTO zalo_seen VALUES ('oa:0', ?)", (old,))
    assert store.forget_sightings() == 1
    assert not store.first_sighting("oa:1") and store.first_sighting("oa:0")  # the recent id is still known
