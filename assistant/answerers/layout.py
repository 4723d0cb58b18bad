"""How a named document is laid out: "QĐ 319 gồm mấy điều?", "có kèm phụ lục không?", "Công văn 14 có mấy mục?".
Counted from the sections of the document's text in the corpus; a registry entry (no full text) is not counted,
since the sections it lacks are not sections the document lacks."""

from __future__ import annotations

import re

from assistant.answerers.base import Context, Draft, Source, document_name
from assistant.kinds import ASK_RE
from assistant.topic import asking_clause
from assistant.understand import normalise_question
from corpus.model import DocumentMeta, Section

# The kind of part each wording asks about, in the order the question asks them.
_PART = re.compile(r"\b(dieu|chuong|phu luc|muc)\b")
_KIND = {"dieu": "Điều", "chuong": "Chương", "phu luc": "Phụ lục", "muc": "Mục"}
_WORD = {"Điều": "điều", "Chương": "chương", "Phụ lục": "phụ lục", "Mục": "mục"}


def _label(section: Section) -> str:
    return section.labels[-1].split(" {")[0]


def _parts(tree: Section, kind: str) -> list[Section]:
    """The document's own parts of a kind: its articles, not the numbered items of an annex's table."""
    return [
        s
        for s in tree.walk()
        if s.labels
        and _label(s).startswith(kind)
        and (kind == "Phụ lục" or not any(label.startswith("Phụ lục") for label in s.labels[:-1]))
    ]


def _asked(asking: str) -> list[str]:
    return list(dict.fromkeys(_KIND[_PART.search(m.group(0)).group(1)] for m in ASK_RE["layout"].finditer(asking)))


def _draft(number: str, name: str, kind: str, found: list[Section], fallback: str) -> Draft:
    word = _WORD[kind]
    if not found:
        return Draft(f"Theo văn bản trong kho, {name} không có {word} nào.", [Source(number, fallback, "")])
    labels = [
        _label(s) + (f" ({s.title.rstrip('.:')})" if kind in ("Phụ lục", "Chương") and s.title else "") for s in found
    ]
    return Draft(
        f"Theo văn bản trong kho, {name} có {len(found)} {word}: {', '.join(labels)}.",
        [Source(number, s.path, "") for s in found[:6]],
    )


def layout_drafts(ctx: Context, meta: DocumentMeta) -> list[Draft]:
    """The sentences that count the parts of a document the question asks about (its articles, annexes, chapters,
    items), or none when it asks none or the corpus holds no full text of it."""
    kinds = _asked(normalise_question(asking_clause(ctx.text))) or _asked(normalise_question(ctx.text))
    tree = ctx.tree(meta.number)
    if not kinds or ctx.need.sections or tree is None or not meta.full_text:
        return []
    articles = _parts(tree, "Điều")
    fallback = (articles[-1] if articles else tree.children[-1] if tree.children else tree).path
    return [_draft(meta.number, document_name(meta), kind, _parts(tree, kind), fallback) for kind in kinds]
