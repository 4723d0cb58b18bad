"""An app over a small built index (the two dispatches and 318, fake embedder), and a real server."""

import contextlib
import datetime as dt
import shutil
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.main import create_app
from assistant.service import Assistant
from assistant.settings import Settings
from corpus.registry import BUILTIN_DIR

DOCS = ("14-BCDCTMTQG-2023.md", "5766-UBND-CNNXD-2023.md", "318-QD-TTg-2022.md")


def make_settings(root: Path, **overrides) -> Settings:
    corpus = root / "corpus"
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for name in DOCS:
            shutil.copy(BUILTIN_DIR / name, corpus / name)
    values = dict(
        data_dir=root / "data",
        corpus_dir=corpus,
        embedder="fake",
        today=dt.date(2024, 1, 1),
        admin_token="a-strong-admin-token-for-tests",
        telegram_secret="tg-secret-123",
        mattermost_token="mm-token-456",
        webhook_token="wh-token-789",
        rate_limit_per_minute=10_000,
        _env_file=None,
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def built_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = make_settings(tmp_path_factory.mktemp("api"))
    Assistant(settings).build()
    return settings


@pytest.fixture
def client(built_settings: Settings) -> TestClient:
    return TestClient(create_app(built_settings), raise_server_exceptions=False)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(app):
    """An app served by uvicorn on 127.0.0.1 in a thread; yields its port once /health answers."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
        if not thread.is_alive():
            break
    else:
        srv.should_exit = True
        pytest.fail("the app did not answer /health within 30 s", pytrace=False)
    try:
        yield port
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(built_settings: Settings):
    """The app served by uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    with serving(create_app(built_settings)) as port:
        yield f"http://127.0.0.1:{port}"
