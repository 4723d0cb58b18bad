"""Turning answers, documents and sections into API bodies and chat messages."""

from __future__ import annotations

import re

from assistant.answer import Answer
from assistant.service import Assistant
from corpus.model import Document, Section
from corpus.registry import slug

# Chat platforms' message limits (Telegram 4096 characters; Mattermost/Slack accept more,
# but long messages are unreadable in a chat window).
TELEGRAM_LIMIT = 4096
CHAT_LIMIT = 4000


def doc_id(number: str) -> str:
    return slug(number)


def anchor_for(assistant: Assistant, path: str) -> str:
    section = assistant.section(path)
    if section is not None:
        return section.anchor
    from corpus.model import anchor_of

    return anchor_of(path.split(" › ")[1:])


def answer_body(answer: Answer, assistant: Assistant) -> dict:
    # The query and the chooser's scores are for `ntm ask --json` and the evaluation, not clients.
    body = answer.to_dict(leave_out=frozenset({"query", "ranking"}))
    for c in body["citations"]:
        c["doc_id"] = doc_id(c["doc"])
        c["anchor"] = anchor_for(assistant, c["path"])
        cited = assistant.corpus.find(c["doc"])
        c["version"] = (cited.meta.version or 1) if cited else 1
    return body


def document_body(doc: Document) -> dict:
    m = doc.meta
    return {
        "id": doc_id(m.number),
        **m.model_dump(mode="json", exclude={"relations"}),
        "official": m.provenance == "official",
        "relations": [r.model_dump() for r in m.relations],
        "version": m.version or 1,
    }


def section_body(section: Section) -> dict:
    return {
        "anchor": section.anchor,
        "path": section.path,
        "label": section.labels[-1],
        "kind": section.kind,
        "title": section.title,
        "page": section.page,
        "depth": len(section.labels),
        "text": section.text,
    }


_LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-*+•])\s")


def markdown_safe(text: str) -> str:
    """Text for clients that render Markdown (Open WebUI, LibreChat): a line that follows a list item
    without being one gets a blank line before it, or Markdown would make it part of the last item."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and line.strip() and not _LIST_ITEM.match(line) and _LIST_ITEM.match(out[-1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


def chat_text(answer: Answer, limit: int = CHAT_LIMIT, footnotes: bool = True) -> str:
    """A short chat message: the answer, then numbered sources as footnotes, within `limit`."""
    sources = []
    for c in answer.citations:
        page = f", tr. {c.page}" if c.page else ""
        mark = " (bản biên soạn — cần đối chiếu)" if not c.official else ""
        if c.ocr_note:
            mark += f" ({c.ocr_note})"
        sources.append(f"[{c.n}] {c.path}{page}{mark}")
    tail = ("\n\nNguồn:\n" + "\n".join(sources)) if footnotes and sources else ""
    head = f"(Áp dụng tại ngày {answer.as_of:%d/%m/%Y})\n" if not answer.refused else ""
    body = head + answer.text
    if len(body) + len(tail) > limit:
        room = max(200, limit - len(tail) - 40)
        body = body[:room].rsplit("\n", 1)[0] + "\n… (xem đầy đủ trên trang tra cứu)"
    message = body + tail
    return message[:limit]
