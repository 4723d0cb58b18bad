"""The OpenAI-compatible endpoint through the official openai client, and the bot webhooks with
recorded payload shapes."""

import httpx
import pytest
from fastapi.testclient import TestClient
from openai import NotFoundError, OpenAI

Q = "Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"


@pytest.fixture(scope="module")
def oai(server: str) -> OpenAI:
    return OpenAI(base_url=f"{server}/v1", api_key="khong-can", max_retries=0)


def test_models(oai: OpenAI) -> None:
    assert [m.id for m in oai.models.list()] == ["ntm-assistant"]


def test_chat_completion_with_sources(oai: OpenAI) -> None:
    r = oai.chat.completions.create(model="ntm-assistant", messages=[{"role": "user", "content": Q}])
    text = r.choices[0].message.content
    assert r.choices[0].finish_reason == "stop"
    assert "318/QĐ-TTg" in text and "\nNguồn:\n[1] 14/BCĐCTMTQG › Mục 1" in text
    assert "(bản biên soạn — cần đối chiếu)" in text
    assert r.usage.total_tokens > 0


def test_chat_streaming_matches_the_whole_answer(oai: OpenAI) -> None:
    whole = oai.chat.completions.create(model="ntm-assistant", messages=[{"role": "user", "content": Q}])
    stream = oai.chat.completions.create(model="ntm-assistant", messages=[{"role": "user", "content": Q}], stream=True)
    parts, finish = [], None
    for chunk in stream:
        parts.append(chunk.choices[0].delta.content or "")
        finish = chunk.choices[0].finish_reason or finish
    assert finish == "stop"
    # The answer id (and so the completion id) differs; the text is the same.
    assert "".join(parts) == whole.choices[0].message.content


def test_earlier_turns_give_context(oai: OpenAI) -> None:
    r = oai.chat.completions.create(
        model="ntm-assistant",
        messages=[
            {"role": "system", "content": "Bạn là trợ lý."},
            {"role": "user", "content": Q},
            {"role": "assistant", "content": "…"},
            {"role": "user", "content": "còn xã NTM nâng cao thì sao?"},
        ],
    )
    assert "Phụ lục II" in r.choices[0].message.content


def test_unknown_model_and_empty_messages(oai: OpenAI, server: str) -> None:
    with pytest.raises(NotFoundError):
        oai.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": Q}])
    r = httpx.post(
        f"{server}/v1/chat/completions",
        json={"model": "ntm-assistant", "messages": [{"role": "system", "content": "x"}]},
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "no_user_message"


# A Telegram Bot API Update as Telegram sends it to a webhook.
TELEGRAM_UPDATE = {
    "update_id": 912345678,
    "message": {
        "message_id": 42,
        "from": {"id": 111222333, "is_bot": False, "first_name": "Lan", "language_code": "vi"},
        "chat": {"id": 111222333, "first_name": "Lan", "type": "private"},
        "date": 1700000000,
        "text": Q,
    },
}


def test_telegram_reply_is_a_send_message(client: TestClient) -> None:
    r = client.post("/bots/telegram/tg-secret-123", json=TELEGRAM_UPDATE)
    body = r.json()
    assert r.status_code == 200 and body["method"] == "sendMessage"
    assert body["chat_id"] == 111222333 and body["reply_parameters"] == {"message_id": 42}
    assert "318/QĐ-TTg" in body["text"] and "Nguồn:" in body["text"] and len(body["text"]) <= 4096


def test_telegram_secret_and_odd_updates(client: TestClient) -> None:
    assert client.post("/bots/telegram/wrong", json=TELEGRAM_UPDATE).status_code == 403
    wrong_header = client.post(
        "/bots/telegram/tg-secret-123", json=TELEGRAM_UPDATE, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
    )
    assert wrong_header.status_code == 403
    sticker = {"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5, "type": "private"}, "sticker": {}}}
    assert (
        client.post("/bots/telegram/tg-secret-123", json=sticker).json()["text"] == "Vui lòng gửi câu hỏi bằng văn bản."
    )
    assert client.post("/bots/telegram/tg-secret-123", json={"update_id": 2, "my_chat_member": {}}).json() == {}
    start = dict(TELEGRAM_UPDATE, message=dict(TELEGRAM_UPDATE["message"], text="/start"))
    assert "Xin chào" in client.post("/bots/telegram/tg-secret-123", json=start).json()["text"]


# A Mattermost outgoing webhook posts these form fields (Slack's outgoing webhooks the same subset).
MATTERMOST_FORM = {
    "token": "mm-token-456",
    "team_id": "abc",
    "team_domain": "ubnd",
    "channel_id": "def",
    "channel_name": "nong-thon-moi",
    "timestamp": "1700000000",
    "user_id": "u1",
    "user_name": "lan",
    "post_id": "p1",
    "text": "#ntm Báo cáo kết quả duy trì tiêu chí định kỳ mấy tháng một lần?",
    "trigger_word": "#ntm",
    "file_ids": "",
}


@pytest.mark.parametrize("route", ["/bots/mattermost", "/bots/slack"])
def test_outgoing_webhooks(client: TestClient, route: str) -> None:
    body = client.post(route, data=MATTERMOST_FORM).json()
    assert body["response_type"] == "comment" and "06 tháng" in body["text"] and "Nguồn:" in body["text"]
    assert client.post(route, data=dict(MATTERMOST_FORM, token="sai")).status_code == 403


def test_generic_webhook(client: TestClient) -> None:
    auth = {"Authorization": "Bearer wh-token-789"}
    body = client.post("/bots/webhook", json={"user": "lan", "text": Q}, headers=auth).json()
    assert "318/QĐ-TTg" in body["text"] and body["citations"][0]["path"] == "14/BCĐCTMTQG › Mục 1"
    assert client.post("/bots/webhook", json={"user": "lan", "text": Q}).status_code == 401
    refused = client.post("/bots/webhook", json={"text": "   "}, headers=auth).json()
    assert refused["refused"] is True and "trống" in refused["text"]
