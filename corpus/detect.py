"""Metadata read off the text of a document that has no front-matter (PDF, DOCX, HTML, TXT)."""

from __future__ import annotations

import datetime as dt
import re

_NUMBER = re.compile(r"Số\s*(?:hiệu)?\s*:?\s*(\d{1,5})\s*/\s*((?:\d{4}\s*/\s*)?[A-ZĐ][\wĐđ&\-]*(?:\s*-\s*[\wĐđ&]+)*)")
_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_KINDS = {
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "CT": "Chỉ thị",
    "HD": "Hướng dẫn",
}


def clean_markup(line: str) -> str:
    """Drop Markdown decoration (heading marks, bold/italic stars, <sup>) from a line."""
    line = re.sub(r"^\s*#{1,6}\s+", "", line)
    line = re.sub(r"</?sup>", "", line)
    return line.replace("**", "").replace("__", "").replace("*", "").strip()


def find_number(text: str) -> str | None:
    """The document number from its 'Số: …' line, e.g. '14/BCĐCTMTQG' or '51/2025/QĐ-TTg'."""
    for line in text.splitlines()[:60]:
        m = _NUMBER.search(clean_markup(line))
        if m:
            suffix = re.sub(r"\s+", "", m.group(2)).rstrip("-.,;")
            return f"{m.group(1)}/{suffix}"
    return None


def find_date(text: str) -> dt.date | None:
    """The first 'ngày … tháng … năm …' in the heading block."""
    head = "\n".join(clean_markup(x) for x in text.splitlines()[:60])
    m = _DATE.search(head)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def kind_of(number: str, text: str = "") -> str | None:
    """Document kind from the number's suffix (QĐ → Quyết định) or a 'V/v' line (Công văn)."""
    parts = number.split("/")[-1].split("-")
    for part in parts:
        if part in _KINDS:
            return _KINDS[part]
    if re.search(r"^\s*V/v\b", text, re.MULTILINE) or "V/v" in text[:3000]:
        return "Công văn"
    return None


def find_title(text: str) -> str | None:
    """'V/v …' subject of a dispatch, or the line after 'QUYẾT ĐỊNH' of a decision."""
    lines = [clean_markup(x) for x in text.splitlines()[:80]]
    for i, line in enumerate(lines):
        if line.startswith("V/v"):
            title = [line[3:].strip()]
            for nxt in lines[i + 1 : i + 6]:
                if not nxt or _DATE.search(nxt) or nxt.startswith(("Kính gửi", "Hà Nội")):
                    break
                title.append(nxt)
            return " ".join(title)
        if line.upper() == "QUYẾT ĐỊNH":
            for nxt in lines[i + 1 : i + 4]:
                if nxt:
                    return nxt
    return None


def detect(text: str) -> dict[str, object]:
    """Best-effort metadata from the heading block; keys as in DocumentMeta."""
    meta: dict[str, object] = {}
    number = find_number(text)
    if number:
        meta["number"] = number
        meta["kind"] = kind_of(number, text)
    issued = find_date(text)
    if issued:
        meta["issued"] = issued
    title = find_title(text)
    if title:
        meta["title"] = title
    return meta
