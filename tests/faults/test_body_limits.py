"""Bodies are limited on the stream, against a real server over a socket: a chunked body far over
the limit is refused after the first chunks instead of being read whole, an admin upload without
its token is refused before its body is read, and a body that stalls gets a 408."""

from __future__ import annotations

import json
import os
import resource
import select
import socket
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from api.main import create_app
from assistant.service import Assistant
from tests.api.conftest import make_settings, serving

MB = 1024 * 1024
CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    settings = make_settings(
        Path(tmp_path_factory.mktemp("limits")), max_body_kb=64, max_upload_mb=2, body_timeout_s=0.5
    )
    Assistant(settings).build()
    with serving(create_app(settings)) as port:
        yield port


def _stream(port: int, path: str, headers: dict[str, str], total: int, first: bytes = b"") -> tuple[int, dict, int]:
    """Send a chunked body of up to `total` bytes, stopping as soon as the server answers.
    Returns (status, JSON body, bytes of body sent)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    head = f"POST {path} HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    sock.sendall(head.encode())
    sent = 0
    payload = b"a" * CHUNK
    try:
        for part in [first] if first else []:
            sock.sendall(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            sent += len(part)
        while sent < total:
            if select.select([sock], [], [], 0)[0]:
                break  # the server has answered: stop sending
            sock.sendall(f"{CHUNK:x}\r\n".encode() + payload + b"\r\n")
            sent += CHUNK
    except (BrokenPipeError, ConnectionResetError):
        pass
    data = b""
    while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    status = int(data.split(b" ", 2)[1])
    return status, json.loads(data.split(b"\r\n\r\n", 1)[1] or b"{}"), sent


def _length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_500mb_chunked_question_is_refused_without_reading_it(server: int) -> None:
    peak = _peak_mb()
    started = time.perf_counter()
    status, body, sent = _stream(server, "/v1/ask", {"Content-Type": "application/json"}, 500 * MB, b'{"question": "')
    assert status == 413 and body["error"]["code"] == "request_too_large" and "64 KB" in body["error"]["message"]
    assert sent < 50 * MB  # refused while it streams, not after 500 MB
    assert time.perf_counter() - started < 10
    assert _peak_mb() - peak < 100  # the body was never held in memory


def test_a_1gb_admin_upload_without_a_token_is_refused_before_its_body_is_read(server: int) -> None:
    spool = Path(tempfile.gettempdir())
    before = set(os.listdir(spool))
    headers = {"Content-Type": "multipart/form-data; boundary=XyZ"}
    status, body, sent = _stream(server, "/v1/documents", headers, 1024 * MB, b"--XyZ\r\n")
    assert status == 401 and body["error"]["code"] == "unauthorized"
    assert sent < 50 * MB
    assert set(os.listdir(spool)) - before == set()  # nothing spooled to the temp folder


def test_an_upload_over_its_limit_is_refused_while_it_streams(server: int) -> None:
    head = b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n'
    headers = {"Content-Type": "multipart/form-data; boundary=XyZ"}
    status, body, sent = _stream(server, "/v1/assessments", headers, 200 * MB, head)
    assert status == 413 and "2 MB" in body["error"]["message"]
    assert sent < 60 * MB


def test_a_body_that_stalls_gets_a_408(server: int) -> None:
    sock = socket.create_connection(("127.0.0.1", server), timeout=10)
    sock.sendall(
        b"POST /v1/search HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    )
    sock.sendall(b'{"query": "')
    data = sock.recv(65536)  # no more bytes come: the server gives up after its timeout
    sock.close()
    assert data.startswith(b"HTTP/1.1 408") and b"request_timeout" in data


def test_small_bodies_and_authorised_uploads_still_pass(server: int) -> None:
    base = f"http://127.0.0.1:{server}"
    r = httpx.post(
        f"{base}/v1/ask", json={"question": "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"}, timeout=30
    )
    assert r.status_code == 200
    r = httpx.post(
        f"{base}/v1/documents",
        files={"file": ("x.exe", b"MZ")},
        headers={"Authorization": "Bearer a-strong-admin-token-for-tests"},
        timeout=30,
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "unsupported_file"  # the route's own check


@pytest.mark.parametrize(
    "headers", [{"X-Big": "a" * 20_000}, {f"X-H{i}": "1" for i in range(150)}], ids=["20 KB header", "150 headers"]
)
def test_headers_too_large_or_too_many_get_a_431(server: int, headers: dict[str, str]) -> None:
    r = httpx.get(f"http://127.0.0.1:{server}/v1/documents", headers=headers, timeout=10)
    assert r.status_code == 431 and r.json()["error"]["code"] == "headers_too_large"
    assert httpx.get(f"http://127.0.0.1:{server}/v1/documents", timeout=10).status_code == 200


def test_the_body_timeout_does_not_cut_a_long_answer_stream() -> None:
    # After the body, a streaming answer waits on receive() for the client to leave, for as long as it
    # streams: that wait must have no deadline (only the body's own parts do).
    import asyncio

    from api.limits import BodyLimits

    sent: list[dict] = []

    async def streaming_app(scope, receive, send):
        await receive()  # the whole body
        await send({"type": "http.response.start", "status": 200, "headers": []})
        waiter = asyncio.ensure_future(receive())  # listen for a disconnect, as StreamingResponse does
        await asyncio.sleep(0.3)  # an answer longer than the body timeout
        await send({"type": "http.response.body", "body": b"done"})
        waiter.cancel()

    async def receive():
        if not getattr(receive, "done", False):
            receive.done = True
            return {"type": "http.request", "body": b"{}", "more_body": False}
        await asyncio.sleep(3600)  # the client stays

    async def send(message):
        sent.append(message)

    app = BodyLimits(streaming_app, body_bytes=1024, upload_bytes=1024, admin_token=None, read_timeout=0.1)
    scope = {"type": "http", "method": "POST", "path": "/v1/ask/stream", "headers": []}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 200 and sent[-1]["body"] == b"done"
