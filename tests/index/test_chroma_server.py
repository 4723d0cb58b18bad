"""Chroma server mode against a real `chroma run` on 127.0.0.1: build, answer, swap, outage, recovery."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from assistant.errors import IndexUnavailableError
from assistant.service import Assistant
from assistant.settings import Settings
from index.store import chroma_server, server_collection_name

pytestmark = pytest.mark.heavy
CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(path: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    _stop(proc)
    raise RuntimeError("chroma run did not start")


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def _collections(url: str) -> set[str]:
    return {c if isinstance(c, str) else c.name for c in chroma_server(url).list_collections()}


def test_server_mode_builds_swaps_and_survives_an_outage(tmp_path: Path, seed_dir: Path) -> None:
    assert CHROMA.exists(), "the chromadb package ships the `chroma` command"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = _start(tmp_path / "chroma", port)
    try:
        settings = Settings(
            data_dir=tmp_path / "data", corpus_dir=seed_dir, embedder="fake", chroma_url=url, _env_file=None
        )
        assistant = Assistant(settings)
        first = assistant.build()
        assert first.manifest["chroma"] == {"mode": "server", "url": url}
        assert not (first.folder / "chroma").exists()  # vectors live on the server, not in the folder
        assert server_collection_name(first.version) in _collections(url)
        hit = assistant.search("báo cáo định kỳ 06 tháng và hằng năm", k=3, mode="dense")
        assert hit and hit[0].chunk.doc in ("14/BCĐCTMTQG", "5766/UBND-CNN&XD")
        assert assistant.search("báo cáo định kỳ 06 tháng và hằng năm", k=1)[0].chunk.path == "14/BCĐCTMTQG › Phần kết"

        # New versions are new collections; CURRENT switches; old ones beyond the kept two go.
        second = Assistant(settings).build()
        third = Assistant(settings).build()
        names = _collections(url)
        assert server_collection_name(third.version) in names and server_collection_name(second.version) in names
        assert server_collection_name(first.version) not in names
        assert assistant.index().version == third.version  # the running assistant noticed the swap

        # Outage: a clear 503 in Vietnamese, no crash.
        _stop(proc)
        with pytest.raises(IndexUnavailableError):
            assistant.search("báo cáo định kỳ", k=3, mode="dense")
        client = TestClient(create_app(settings), raise_server_exceptions=False)
        r = client.post("/v1/search", json={"query": "báo cáo định kỳ"})
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "index_unavailable" and "Máy chủ Chroma" in r.json()["error"]["message"]
        # Answers from the rules need no vectors: they keep coming; answers from passages get the 503.
        rule = client.post("/v1/ask", json={"question": "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"})
        assert rule.status_code == 200 and rule.json()["kind"] == "applicability"
        passages = client.post("/v1/ask", json={"question": "Có bao nhiêu tỉnh có 100% số xã đạt chuẩn nông thôn mới?"})
        assert passages.status_code == 503 and passages.json()["error"]["code"] == "index_unavailable"

        # Recovery when the server returns (same data path).
        proc = _start(tmp_path / "chroma", port)
        assert client.post("/v1/search", json={"query": "báo cáo định kỳ 06 tháng"}).status_code == 200
        assert assistant.search("báo cáo định kỳ 06 tháng", k=1)[0].chunk.path == "14/BCĐCTMTQG › Phần kết"
    finally:
        _stop(proc)
