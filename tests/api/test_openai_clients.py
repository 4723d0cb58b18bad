"""Real OpenAI clients against a real server (uvicorn on a socket): the request sequence Open WebUI sends
for one chat, replayed from tests/fixtures/openwebui/sequence.json, and LangChain's ChatOpenAI."""

from __future__ import annotations

import json
import sqlite3

import httpx
import pytest
from langchain_openai import ChatOpenAI

from api.audit import AuditLog
from api.main import create_app
from assistant.settings import Settings
from tests.api.conftest import serving
from tests.conftest import FIXTURES

QUESTION = "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"


@pytest.fixture(scope="module")
def base(built_settings: Settings):
    with serving(create_app(built_settings)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture
def trail(built_settings: Settings) -> AuditLog:
    log = AuditLog(built_settings.app_db)
    with sqlite3.connect(built_settings.app_db) as conn:
        conn.execute("DELETE FROM audit")
    return log


def _fill(value, q: str, a: str, history: str):
    if isinstance(value, str):
        return value.replace("{history}", history).replace("{q}", q).replace("{a}", a)
    if isinstance(value, list):
        return [_fill(v, q, a, history) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, q, a, history) for k, v in value.items()}
    return value


def test_the_open_webui_sequence_for_one_chat(base: str, trail: AuditLog) -> None:
    recorded = json.loads((FIXTURES / "openwebui" / "sequence.json").read_text(encoding="utf-8"))
    headers = {**recorded["headers"], "Authorization": "Bearer sk-anything"}
    answer = ""
    replies: dict[str, dict] = {}
    sizes: dict[str, int] = {}
    with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
        for step in recorded["requests"]:
            history = f"<chat_history>\nUSER: {QUESTION}\nASSISTANT: {answer}\n</chat_history>"
            body = _fill(step.get("body"), QUESTION, answer, history)
            if body:
                sizes[step["name"]] = len(body["messages"][-1]["content"])
            if step["method"] == "GET":
                r = http.get(step["path"])
                assert r.status_code == 200, r.text
                replies[step["name"]] = r.json()
            elif body.get("stream"):
                with http.stream("POST", step["path"], json=body) as r:
                    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
                    datas = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
                assert datas[-1] == "[DONE]" and json.loads(datas[-2])["usage"]["total_tokens"] > 0
                answer = "".join(c["delta"].get("content", "") for d in datas[:-1] for c in json.loads(d)["choices"])
            else:
                r = http.post(step["path"], json=body)
                assert r.status_code == 200, (step["name"], r.text)
                replies[step["name"]] = json.loads(r.json()["choices"][0]["message"]["content"])

    assert [m["id"] for m in replies["models"]["data"]] == ["ntm-assistant"]
    assert "Nguồn:" in answer
    assert min(sizes[t] for t in ("title", "tags", "follow_ups", "queries")) > 2000  # over a question's limit
    assert replies["title"]["title"].startswith("Xã đạt chuẩn NTM")
    assert replies["tags"] == {"tags": ["Nông thôn mới", "Cấp xã"]}
    assert replies["follow_ups"] == {"follow_ups": []} and replies["queries"] == {"queries": []}
    rows = trail.rows()
    assert len(rows) == 1, rows  # the chat is recorded; the four tasks are not questions
    assert rows[0]["channel"] == "openai" and rows[0]["user"] == "Nguyễn Văn A (8f3c1d2e-user)"
    assert rows[0]["chat_id"] == "5b0c9a7e-chat" and rows[0]["question"] == QUESTION


@pytest.mark.parametrize("streaming", [False, True])
def test_langchain_chat_openai(base: str, trail: AuditLog, streaming: bool) -> None:
    llm = ChatOpenAI(
        base_url=f"{base}/v1",
        api_key="sk-anything",
        model="ntm-assistant",
        temperature=0.2,
        max_tokens=256,
        stream_usage=True,
        max_retries=0,
        timeout=60,
    )
    if streaming:
        chunks = list(llm.stream(QUESTION))
        text = "".join(str(c.content) for c in chunks)
        usage = next((c.usage_metadata for c in chunks if c.usage_metadata), None)
    else:
        message = llm.invoke(QUESTION)
        text, usage = str(message.content), message.usage_metadata
    assert "Nguồn:" in text and "[1]" in text
    assert usage and usage["total_tokens"] > 0
    assert [r["channel"] for r in trail.rows()] == ["openai"]


def test_langchain_sees_a_too_long_question_as_an_http_error(base: str) -> None:
    import openai

    llm = ChatOpenAI(base_url=f"{base}/v1", api_key="sk-anything", model="ntm-assistant", max_retries=0)
    with pytest.raises(openai.BadRequestError) as caught:
        llm.invoke("Xã " * 40_000)
    assert caught.value.status_code == 400 and caught.value.code == "question_too_long"
    assert "Câu hỏi quá dài" in str(caught.value)


def test_a_line_after_a_numbered_list_is_its_own_paragraph_in_markdown() -> None:
    from api.present import markdown_safe

    text = (
        "Gồm:\n1. Quy hoạch\n2. Giao thông\nNgoài ra xã phải duy trì.\n- a\n- b\n\nNguồn:\n[1] 318/QĐ-TTg › Phụ lục I"
    )
    assert markdown_safe(text) == (
        "Gồm:\n1. Quy hoạch\n2. Giao thông\n\nNgoài ra xã phải duy trì.\n- a\n- b\n\nNguồn:\n[1] 318/QĐ-TTg › Phụ lục I"
    )
    assert markdown_safe("không có danh sách\nhai dòng") == "không có danh sách\nhai dòng"
