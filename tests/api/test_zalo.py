"""The Zalo webhooks end to end: the real app, a local fake of Zalo's APIs (served on 127.0.0.1) that
records what the app sends, and recorded-shape events from tests/fixtures/zalo/. Also the reply splitter."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from starlette.concurrency import run_in_threadpool

from api.audit import AuditLog
from api.main import create_app
from api.routes.bots import TEXT_ONLY, WELCOME
from api.zalo_client import ZALO_LIMIT, oa_signature, send_oa_message, split_message
from assistant.settings import Settings
from tests.api.conftest import _free_port, serving
from tests.conftest import FIXTURES

Q = "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"
BOT_TOKEN = "1234567890:zalo-bot-token-for-tests"
BOT_SECRET = "zalo-bot-webhook-secret"
OA_APP_ID = "3616846512345678901"
OA_SECRET = "zalo-oa-secret-key-for-tests"
OA_TOKEN = "zalo-oa-access-token-for-tests"
USER = "246845883529197922"
JSON = {"content-type": "application/json"}


# --- the fake Zalo ---------------------------------------------------------------------------------


class FakeZalo:
    """Zalo Bot Platform's sendMessage and Zalo OA's message/cs, recording every call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.reply: tuple[int, Any] | None = None  # (status, JSON) to answer instead of success
        self.gate: threading.Event | None = None  # when set up, message/cs waits for it (up to 30 s)
        self.url = ""
        app = FastAPI()

        @app.get("/health")
        def health() -> dict:
            return {"status": "ok"}

        @app.post("/bot{token}/sendMessage")
        async def send_message(token: str, request: Request) -> JSONResponse:
            self._record("sendMessage", request, await request.json(), token=token)
            return self._answer({"ok": True, "result": {"message_id": uuid.uuid4().hex, "date": 1750316131602}})

        @app.post("/v3.0/oa/message/cs")
        async def message_cs(request: Request) -> JSONResponse:
            body = await request.json()
            if self.gate is not None:
                await run_in_threadpool(self.gate.wait, 30)
            self._record("message/cs", request, body)
            return self._answer({"error": 0, "message": "Success", "data": {"message_id": uuid.uuid4().hex}})

        self.app = app

    def _record(self, kind: str, request: Request, body: Any, **extra: Any) -> None:
        self.calls.append({"kind": kind, "headers": dict(request.headers), "json": body, **extra})

    def _answer(self, success: dict) -> JSONResponse:
        status, body = self.reply or (200, success)
        return JSONResponse(body, status_code=status)

    def texts(self) -> list[str]:
        return [c["json"]["text"] if c["kind"] == "sendMessage" else c["json"]["message"]["text"] for c in self.calls]

    def wait_for(self, count: int, timeout: float = 30) -> list[dict]:
        deadline = time.time() + timeout
        while len(self.calls) < count and time.time() < deadline:
            time.sleep(0.05)
        assert len(self.calls) >= count, f"the fake Zalo got {len(self.calls)} calls, expected {count}"
        return self.calls


@pytest.fixture(scope="module")
def zalo_server():
    fake = FakeZalo()
    with serving(fake.app) as port:
        fake.url = f"http://127.0.0.1:{port}"
        yield fake


@pytest.fixture
def fake(zalo_server: FakeZalo) -> FakeZalo:
    zalo_server.calls.clear()
    zalo_server.reply = None
    zalo_server.gate = None
    return zalo_server


@pytest.fixture(scope="module")
def settings(built_settings: Settings, zalo_server: FakeZalo) -> Settings:
    return built_settings.model_copy(
        update={
            "zalo_bot_token": BOT_TOKEN,
            "zalo_bot_secret": BOT_SECRET,
            "zalo_bot_api": zalo_server.url,
            "zalo_oa_app_id": OA_APP_ID,
            "zalo_oa_secret": OA_SECRET,
            "zalo_oa_access_token": OA_TOKEN,
            "zalo_oa_api": zalo_server.url,
        }
    )


@pytest.fixture(scope="module")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture
def zc(app: FastAPI) -> TestClient:
    # The TestClient returns once the background task (the answer and its sending) is done; an exception
    # escaping it would be raised here.
    return TestClient(app)


# --- events ----------------------------------------------------------------------------------------


def load(name: str) -> dict:
    return json.loads((FIXTURES / "zalo" / f"{name}.json").read_text(encoding="utf-8"))


def bot_event(name: str = "bot_text", text: str | None = None, message_id: str | None = None) -> dict:
    """A recorded-shape update with a fresh message id (the store remembers ids across tests)."""
    update = load(name)
    message = update["result"]["message"]
    message["message_id"] = message_id or uuid.uuid4().hex
    if text is not None:
        message["text"] = text
    return update


def oa_event(name: str = "oa_user_send_text", text: str | None = None, msg_id: str | None = None) -> dict:
    event = load(name)
    if "message" in event:
        event["message"]["msg_id"] = msg_id or uuid.uuid4().hex
        if text is not None:
            event["message"]["text"] = text
    return event


def bot_post(client: TestClient, update: dict | bytes, secret: str | None = BOT_SECRET) -> httpx.Response:
    raw = update if isinstance(update, bytes) else json.dumps(update, ensure_ascii=False).encode()
    headers = {**JSON, **({"X-Bot-Api-Secret-Token": secret} if secret is not None else {})}
    return client.post("/bots/zalo", content=raw, headers=headers)


def sign(raw: bytes, timestamp: str, secret: str = OA_SECRET) -> str:
    # The documented formula, written out here rather than imported: mac = sha256(appId + data + timeStamp + secret)
    return "mac=" + hashlib.sha256(OA_APP_ID.encode() + raw + timestamp.encode() + secret.encode()).hexdigest()


def oa_request(event: dict | str, signature: str | Callable[[bytes, str], str] | None = sign) -> dict:
    """Keyword arguments of a POST to /bots/zalo-oa: the body as bytes, and the signature header."""
    raw = event.encode() if isinstance(event, str) else json.dumps(event, ensure_ascii=False).encode()
    headers = dict(JSON)
    if callable(signature):
        timestamp = json.loads(raw)["timestamp"]
        headers["X-ZEvent-Signature"] = signature(raw, timestamp)
    elif signature is not None:
        headers["X-ZEvent-Signature"] = signature
    return {"content": raw, "headers": headers}


def _err(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]


def assert_real_answer(text: str) -> None:
    assert "318/QĐ-TTg" in text, text
    assert "\nNguồn:\n[1] " in text, text
    assert len(text) <= ZALO_LIMIT


# --- the splitter ----------------------------------------------------------------------------------


def test_a_short_reply_is_one_message() -> None:
    assert split_message("  Trả lời ngắn.\n\nNguồn:\n[1] 318/QĐ-TTg › Điều 1  ") == [
        "Trả lời ngắn.\n\nNguồn:\n[1] 318/QĐ-TTg › Điều 1"
    ]
    assert split_message("   ") == []


def _long_reply() -> tuple[str, list[str]]:
    sentences = [
        f"Câu thứ {i}: xã phải rà soát tiêu chí số {i % 19 + 1} theo bộ tiêu chí giai đoạn 2021-2025 và báo cáo."
        for i in range(60)
    ]
    lines = [" ".join(sentences[i : i + 6]) for i in range(0, 60, 6)]  # ten long paragraphs
    answer = "(Áp dụng tại ngày 31/12/2023)\n" + "\n".join(lines)
    assert len(answer) > 2500
    sources = [
        f"[{n}] 318/QĐ-TTg › Phụ lục I › Tiêu chí {n} › Chỉ tiêu {n}.{n % 3 + 1} về nội dung thứ {n}, tr. {n + 3}"
        + (" (bản biên soạn — cần đối chiếu)" if n % 2 else "")
        for n in range(1, 31)
    ]
    assert len("\n".join(sources)) > 2000  # the sources alone need two messages
    return answer + "\n\nNguồn:\n" + "\n".join(sources), sources


def test_a_long_reply_is_cut_between_sentences_and_keeps_each_source_whole() -> None:
    text, sources = _long_reply()
    messages = split_message(text)
    assert len(messages) >= 4
    assert all(0 < len(m) <= ZALO_LIMIT for m in messages)
    # Nothing lost or reordered: only the whitespace at the cuts goes.
    assert " ".join("\n".join(messages).split()) == " ".join(text.split())
    for source in sources:  # every citation whole, in exactly one message, on a line of its own
        assert sum(source in m.split("\n") for m in messages) == 1, source
    # The body is cut after a sentence, never inside one; the heading goes with the first source.
    body_messages = [m for m in messages if m.startswith(("(Áp dụng", "Câu"))]
    assert all(m.rstrip().endswith(".") or "Nguồn:" in m for m in body_messages)
    heading = next(m for m in messages if "Nguồn:" in m)
    assert f"Nguồn:\n{sources[0]}" in heading


def test_text_without_sentence_ends_is_cut_between_words_and_an_endless_word_anywhere() -> None:
    words = " ".join(f"từ{i}" for i in range(1200))  # about 7,000 characters, one line, no punctuation
    messages = split_message(words, limit=500)
    assert all(len(m) <= 500 for m in messages)
    assert " ".join(messages).split() == words.split()
    assert split_message("x" * 1200, limit=500) == ["x" * 500, "x" * 500, "x" * 200]


def test_the_oa_signature_formula() -> None:
    raw = b'{"event_name": "user_send_text", "timestamp": "1750316131602"}'
    expected = "90e15696da189ffcbe3674d724e37d8b4f34501cec6f3d3e3d0ac73623b44ac4"
    assert oa_signature("3616846512345678901", raw, "1750316131602", "oa-secret-key") == expected


# --- Zalo Bot Platform -----------------------------------------------------------------------------


def test_bot_answers_a_question_with_its_sources(zc: TestClient, fake: FakeZalo, settings: Settings) -> None:
    update = bot_event()
    r = bot_post(zc, update)
    assert r.status_code == 200 and r.json() == {"status": "accepted"}
    [call] = fake.wait_for(1)
    assert call["kind"] == "sendMessage" and call["token"] == BOT_TOKEN
    assert call["json"]["chat_id"] == update["result"]["message"]["chat"]["id"]
    assert_real_answer(call["json"]["text"])
    row = AuditLog(settings.app_db).rows(channel="zalo-bot", limit=1)[0]  # recorded in the trail
    message = update["result"]["message"]
    assert row["user"] == str(message["from"]["id"]) and row["chat_id"] == str(message["chat"]["id"])
    assert row["question"] == message["text"] and row["citations"]


def test_bot_takes_an_update_without_the_wrapper(zc: TestClient, fake: FakeZalo) -> None:
    assert bot_post(zc, bot_event()["result"]).json() == {"status": "accepted"}
    assert_real_answer(fake.wait_for(1)[0]["json"]["text"])


def test_bot_in_a_group_drops_the_mention(zc: TestClient, fake: FakeZalo) -> None:
    assert bot_post(zc, bot_event("bot_group_mention")).status_code == 200
    assert bot_post(zc, bot_event("bot_group_mention", text="@TroLyNTM ")).status_code == 200
    answer, welcome = fake.texts()
    assert_real_answer(answer)
    assert welcome == WELCOME
    assert fake.calls[0]["json"]["chat_id"] == "g-9f8e7d6c5b4a39281706"


@pytest.mark.parametrize("secret", [None, "wrong-secret", BOT_SECRET + "x", ""])
def test_bot_refuses_a_missing_or_wrong_secret(zc: TestClient, fake: FakeZalo, secret: str | None) -> None:
    _err(bot_post(zc, bot_event(), secret=secret), 401, "unauthorized")
    assert fake.calls == []


def test_bot_disabled_without_its_settings(settings: Settings, fake: FakeZalo) -> None:
    client = TestClient(create_app(settings.model_copy(update={"zalo_bot_token": None})))
    _err(bot_post(client, bot_event()), 404, "bot_disabled")
    assert fake.calls == []


@pytest.mark.parametrize("name", ["bot_image", "bot_sticker"])
def test_bot_asks_for_text_when_sent_an_image_or_a_sticker(zc: TestClient, fake: FakeZalo, name: str) -> None:
    assert bot_post(zc, bot_event(name)).json() == {"status": "accepted"}
    assert fake.texts() == [TEXT_ONLY]


@pytest.mark.parametrize(
    "update",
    [
        {"ok": True, "result": {"event_name": "bot.joined.group", "chat": {"id": "g-1"}}},
        {"ok": True, "result": {"event_name": "message.text.received"}},
        {"update_id": 5},
    ],
)
def test_bot_ignores_unknown_events(zc: TestClient, fake: FakeZalo, update: dict) -> None:
    r = bot_post(zc, update)
    assert r.status_code == 200 and r.json() == {"status": "ignored"}
    assert fake.calls == []


def test_bot_ignores_other_bots(zc: TestClient, fake: FakeZalo) -> None:
    update = bot_event()
    update["result"]["message"]["from"]["is_bot"] = True
    assert bot_post(zc, update).json() == {"status": "ignored"}
    assert fake.calls == []


def test_bot_answers_a_replayed_message_once(zc: TestClient, fake: FakeZalo) -> None:
    update = bot_event()
    assert [bot_post(zc, update).json()["status"] for _ in range(3)] == ["accepted", "duplicate", "duplicate"]
    assert len(fake.wait_for(1)) == 1


# Like every JSON route of the project: bytes that are not UTF-8 get its 400 (invalid_body), JSON that does
# not parse or is not an object its 422 (invalid_request); nothing reaches Zalo either way.
NOT_JSON = [
    (b'{"ok": true, "result": {"text": "x\xff\xfe"}}', 400, "invalid_body"),
    (b'{"ok": true, "result": {', 422, "invalid_request"),
    (b"event_name=message.text.received", 422, "invalid_request"),
    (b'["ok"]', 422, "invalid_request"),
]


@pytest.mark.parametrize(("raw", "status", "code"), NOT_JSON)
def test_bot_body_that_is_not_json(zc: TestClient, fake: FakeZalo, raw: bytes, status: int, code: str) -> None:
    _err(bot_post(zc, raw), status, code)
    assert fake.calls == []


def test_bot_lone_surrogate_still_gets_an_answer(zc: TestClient, fake: FakeZalo) -> None:
    raw = json.dumps(bot_event())  # ASCII-escaped: the question's letters appear as \\u-escapes
    escaped = json.dumps(Q)[1:-1]
    assert escaped in raw
    raw = raw.replace(escaped, "\\ud800 " + escaped)
    assert bot_post(zc, raw.encode()).status_code == 200
    assert_real_answer(fake.wait_for(1)[0]["json"]["text"])


# --- Zalo Official Account ------------------------------------------------------------------------------


def test_oa_acknowledges_at_once_then_answers(app: FastAPI, fake: FakeZalo, settings: Settings) -> None:
    """Through a real server: the webhook's 200 comes while the reply is still held at the fake Zalo,
    so the answer cannot be part of the request."""
    fake.gate = threading.Event()
    event = oa_event()
    with serving(app) as port:
        r = httpx.post(f"http://127.0.0.1:{port}/bots/zalo-oa", timeout=2, **oa_request(event))
        assert r.status_code == 200 and r.json() == {"status": "accepted"}
        fake.gate.set()
        [call] = fake.wait_for(1)
    assert call["kind"] == "message/cs" and call["headers"]["access_token"] == OA_TOKEN
    assert call["json"]["recipient"] == {"user_id": USER}
    assert_real_answer(call["json"]["message"]["text"])
    row = AuditLog(settings.app_db).rows(channel="zalo-oa", limit=1)[0]
    assert row["user"] == USER and row["question"] == event["message"]["text"]


def test_oa_signature_without_the_mac_prefix(zc: TestClient, fake: FakeZalo) -> None:
    r = zc.post("/bots/zalo-oa", **oa_request(oa_event(), lambda raw, ts: sign(raw, ts).removeprefix("mac=")))
    assert r.json() == {"status": "accepted"}
    assert_real_answer(fake.texts()[0])


def _tampered(raw: bytes, timestamp: str) -> str:
    return sign(raw.replace(b"2017", b"2018"), timestamp)


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "mac=",
        "mac=" + "0" * 64,
        lambda raw, ts: sign(raw, ts, secret="another-secret"),
        _tampered,  # signed for a different body
        lambda raw, ts: sign(raw, str(int(ts) + 1)),  # signed with another timestamp
        lambda raw, ts: "mac=" + hashlib.sha256(raw).hexdigest(),
    ],
)
def test_oa_refuses_a_bad_signature(zc: TestClient, fake: FakeZalo, signature) -> None:
    _err(zc.post("/bots/zalo-oa", **oa_request(oa_event(), signature)), 401, "unauthorized")
    assert fake.calls == []


def test_oa_event_without_a_timestamp_is_refused(zc: TestClient, fake: FakeZalo) -> None:
    event = oa_event()
    del event["timestamp"]
    raw = json.dumps(event).encode()
    r = zc.post("/bots/zalo-oa", content=raw, headers={**JSON, "X-ZEvent-Signature": sign(raw, "")})
    _err(r, 401, "unauthorized")
    assert fake.calls == []


def test_oa_disabled_without_its_settings(settings: Settings, fake: FakeZalo) -> None:
    client = TestClient(create_app(settings.model_copy(update={"zalo_oa_secret": None})))
    _err(client.post("/bots/zalo-oa", **oa_request(oa_event())), 404, "bot_disabled")
    assert fake.calls == []


def test_oa_answers_a_replayed_msg_id_once_across_workers_and_restarts(
    settings: Settings, zc: TestClient, fake: FakeZalo
) -> None:
    event = oa_event()
    assert zc.post("/bots/zalo-oa", **oa_request(event)).json() == {"status": "accepted"}
    assert zc.post("/bots/zalo-oa", **oa_request(event)).json() == {"status": "duplicate"}
    # Another worker or a restarted server: a new app with its own settings object and store connection.
    other = TestClient(create_app(settings.model_copy()))
    assert other.post("/bots/zalo-oa", **oa_request(event)).json() == {"status": "duplicate"}
    assert len(fake.wait_for(1)) == 1


@pytest.mark.parametrize("name", ["oa_user_send_image", "oa_user_send_sticker"])
def test_oa_asks_for_text_when_sent_an_image_or_a_sticker(zc: TestClient, fake: FakeZalo, name: str) -> None:
    assert zc.post("/bots/zalo-oa", **oa_request(oa_event(name))).json() == {"status": "accepted"}
    [call] = fake.wait_for(1)
    assert call["json"] == {"recipient": {"user_id": USER}, "message": {"text": TEXT_ONLY}}


@pytest.mark.parametrize("name", ["oa_follow", "oa_send_text", "user_received_message", "something_new"])
def test_oa_ignores_other_events(zc: TestClient, fake: FakeZalo, name: str) -> None:
    event = oa_event("oa_follow") if name == "oa_follow" else {**oa_event(), "event_name": name}
    r = zc.post("/bots/zalo-oa", **oa_request(event))
    assert r.status_code == 200 and r.json() == {"status": "ignored"}
    assert fake.calls == []


@pytest.mark.parametrize(("raw", "status", "code"), NOT_JSON)
def test_oa_body_that_is_not_json(zc: TestClient, fake: FakeZalo, raw: bytes, status: int, code: str) -> None:
    r = zc.post("/bots/zalo-oa", content=raw, headers={**JSON, "X-ZEvent-Signature": sign(raw, "1")})
    _err(r, status, code)
    assert fake.calls == []


def test_oa_lone_surrogate_still_gets_an_answer(zc: TestClient, fake: FakeZalo) -> None:
    raw = json.dumps(oa_event())  # ASCII-escaped: the question's letters appear as \\u-escapes
    escaped = json.dumps(Q)[1:-1]
    assert escaped in raw
    raw = raw.replace(escaped, "\\ud800 " + escaped)
    assert zc.post("/bots/zalo-oa", **oa_request(raw)).status_code == 200
    assert_real_answer(fake.wait_for(1)[0]["json"]["message"]["text"])


@pytest.mark.parametrize(
    ("reply", "logged"),
    [
        ((200, {"error": -216, "message": "Access token is invalid"}), "refused: -216"),
        ((500, {"error": 1}), "HTTP 500"),
        ((200, ["not", "an", "object"]), "failed"),
    ],
)
def test_oa_failed_sends_are_logged_not_raised(
    zc: TestClient, fake: FakeZalo, caplog: pytest.LogCaptureFixture, reply, logged: str
) -> None:
    fake.reply = reply
    with caplog.at_level(logging.WARNING, logger="ntm.api.zalo"):
        r = zc.post("/bots/zalo-oa", **oa_request(oa_event()))
    assert r.status_code == 200 and r.json() == {"status": "accepted"}
    assert len(fake.calls) == 1  # tried once; the later parts (none here) are not sent after a failure
    assert any(logged in rec.getMessage() for rec in caplog.records), caplog.text


def test_an_unreachable_zalo_is_logged_and_quick(settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    closed = f"http://127.0.0.1:{_free_port()}"
    client = TestClient(create_app(settings.model_copy(update={"zalo_oa_api": closed, "zalo_bot_api": closed})))
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="ntm.api.zalo"):
        assert client.post("/bots/zalo-oa", **oa_request(oa_event())).status_code == 200
        assert bot_post(client, bot_event()).status_code == 200
    assert time.perf_counter() - started < 20
    messages = [rec.getMessage() for rec in caplog.records]
    assert any("message/cs failed: ConnectError" in m for m in messages), messages
    assert any("sendMessage failed: ConnectError" in m for m in messages), messages
    assert BOT_TOKEN not in caplog.text  # the Bot Platform's token is in its URL; never in the log


def test_a_long_reply_goes_out_as_several_messages(fake: FakeZalo) -> None:
    text, sources = _long_reply()
    assert send_oa_message(fake.url, OA_TOKEN, USER, text)
    texts = fake.texts()
    assert len(texts) >= 4 and all(len(t) <= ZALO_LIMIT for t in texts)
    assert " ".join("\n".join(texts).split()) == " ".join(text.split())
    assert all(any(s in t.split("\n") for t in texts) for s in sources)


def test_a_failure_stops_the_remaining_parts(fake: FakeZalo) -> None:
    fake.reply = (200, {"error": -32, "message": "Rate limit"})
    text, _ = _long_reply()
    assert not send_oa_message(fake.url, OA_TOKEN, USER, text)
    assert len(fake.calls) == 1
