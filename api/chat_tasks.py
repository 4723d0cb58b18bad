"""Background tasks of chat front ends (Open WebUI, LibreChat-style prompts), answered without the corpus.

Open WebUI sends, besides the chat itself, requests whose single user message is a task prompt:
"### Task: Generate a concise, 3-5 word title …", "… 1-3 broad tags …", "Suggest 3-5 relevant
follow-up questions …", "Analyze the chat history to determine the necessity of generating search
queries …", each asking for a JSON object ("JSON format: { "title": … }") and embedding the chat in
`<chat_history>`. Run through the corpus they produced a regulations answer where JSON was expected,
or "question too long" once the history held an answer. Here they get the JSON they ask for, built
from the chat's own words: a title from the first question, tags from fixed programme terms, and no
follow-ups or search queries (the assistant does not invent questions or search the web). Nothing in
the prompt is followed as an instruction beyond picking which of these JSON shapes to return.
"""

from __future__ import annotations

import json
import re

from corpus.normalize import fold

_TASK = re.compile(r"^\s*#{1,4}\s*task\s*:", re.IGNORECASE)
_HISTORY = re.compile(r"<chat_history>(.*?)(?:</chat_history>|$)", re.DOTALL | re.IGNORECASE)
_KEYS = ("title", "tags", "follow_ups", "queries", "text", "emoji")
# Programme terms (accent-free) → the tag shown; fixed, so a tag never carries text from the chat.
_TAGS = (
    ("nang cao", "NTM nâng cao"),
    ("kieu mau", "NTM kiểu mẫu"),
    ("huyen", "Cấp huyện"),
    ("xa", "Cấp xã"),
    ("tieu chi", "Bộ tiêu chí"),
    ("chi tieu", "Chỉ tiêu"),
    ("cong nhan", "Công nhận đạt chuẩn"),
    ("danh gia", "Đánh giá"),
)


def is_task(prompt: str) -> bool:
    """Whether a user message is a front end's background task rather than a question."""
    return bool(_TASK.match(prompt))


def _wanted(prompt: str) -> str | None:
    """The JSON key the task's output section asks for (looked for before the chat history)."""
    head = _HISTORY.split(prompt, maxsplit=1)[0]
    output = re.split(r"#{1,4}\s*output\s*:", head, maxsplit=1, flags=re.IGNORECASE)
    where = output[1] if len(output) > 1 else head
    found = re.search('"(' + "|".join(_KEYS) + r')"\s*:', where)
    return found.group(1) if found else None


def _questions(prompt: str) -> list[str]:
    """The user's messages in the embedded chat history ("USER: …" blocks), oldest first."""
    match = _HISTORY.search(prompt)
    if not match:
        return []
    blocks = re.split(r"^\s*(USER|ASSISTANT)\s*:\s*", match.group(1), flags=re.MULTILINE)
    pairs = zip(blocks[1::2], blocks[2::2], strict=False)
    return [text.strip() for role, text in pairs if role == "USER" and text.strip()]


def _title(question: str) -> str:
    words = re.sub(r"[\s?!.:;,\"“”]+", " ", question).split()
    if not words:
        return "Hỏi đáp Nông thôn mới"
    title = " ".join(words[:7]) + ("…" if len(words) > 7 else "")
    return title[:1].upper() + title[1:]


def _tags(questions: list[str]) -> list[str]:
    text = " " + re.sub(r"[^a-z0-9]+", " ", fold(" ".join(questions))) + " "
    tags = ["Nông thôn mới"]
    for term, tag in _TAGS:
        if f" {term} " in text and tag not in tags:
            tags.append(tag)
    return tags[:4]


def task_reply(prompt: str) -> str:
    """The JSON a task prompt asks for (as text, like a model's reply)."""
    questions = _questions(prompt)
    wanted = _wanted(prompt)
    if wanted == "title":
        value: object = {"title": _title(questions[0] if questions else "")}
    elif wanted == "tags":
        value = {"tags": _tags(questions)}
    elif wanted == "follow_ups":
        value = {"follow_ups": []}
    elif wanted == "queries":
        value = {"queries": []}
    elif wanted == "text":
        value = {"text": ""}  # autocompletion: nothing is guessed
    elif wanted == "emoji":
        value = {"emoji": "🌾"}
    else:
        value = {}
    return json.dumps(value, ensure_ascii=False)
