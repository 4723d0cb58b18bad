"""How a named document is laid out: "QĐ 319 gồm mấy điều?", "có kèm phụ lục không?", "Công văn 14 có mấy mục?".
Counted from the sections of the document's text in the corpus. Of a registry entry (no full text) only the parts it
records are counted, since the sections it lacks are not sections the document lacks."""

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


def label_of(section: Section) -> str:
    """A section's own label, without its disambiguating suffix ("Điều 2")."""
    return section.labels[-1].split(" {")[0]


def document_parts(tree: Section, kind: str) -> list[Section]:
    """The document's own parts of a kind: its articles, not the numbered items of an annex's table."""
    return [
        s
        for s in tree.walk()
        if s.labels
        and label_of(s).startswith(kind)
        and (kind == "Phụ lục" or not any(label.startswith("Phụ lục") for label in s.labels[:-1]))
    ]


def _asked(asking: str) -> list[str]:
    return list(dict.fromkeys(_KIND[_PART.search(m.group(0)).group(1)] for m in ASK_RE["layout"].finditer(asking)))


def _draft(number: str, name: str, kind: str, found: list[Section], fallback: str, where: str) -> Draft:
    word = _WORD[kind]
    if not found:
        return Draft(f"Theo {where}, {name} không có {word} nào.", [Source(number, fallback, "")])
    # Labels only: what each annex holds is the document's contents, said when asked ("mỗi phụ lục quy định gì").
    labels = [label_of(s) for s in found]
    return Draft(
        f"Theo {where}, {name} có {len(found)} {word}: {', '.join(labels)}.",
        [Source(number, s.path, "") for s in found[:6]],
    )


def layout_drafts(ctx: Context, meta: DocumentMeta) -> list[Draft]:
    """The sentences that count the parts of a document the question asks about (its articles, annexes, chapters,
    items), or none when it asks none or the corpus holds no full text of it."""
    kinds = _asked(normalise_question(asking_clause(ctx.text))) or _asked(normalise_question(ctx.text))
    tree = ctx.tree(meta.number)
    # "Phụ lục II gồm mấy mục": the parts of a named annex, chapter or item are the section's own to show.
    within = any(x.startswith(("Phụ lục", "Chương", "Mục")) for x in ctx.need.sections)
    if not kinds or within or tree is None:
        return []
    articles = document_parts(tree, "Điều")
    fallback = (articles[-1] if articles else tree.children[-1] if tree.children else tree).path
    found = {kind: document_parts(tree, kind) for kind in kinds}
    if not meta.full_text:
        # A registry entry records the parts its sources name (51/2025's three annexes), never that there are none.
        return [
            _draft(meta.number, document_name(meta), kind, parts, fallback, "mục đăng ký của kho")
            for kind, parts in found.items()
            if parts
        ]
    return [
        _draft(meta.number, document_name(meta), kind, parts, fallback, "văn bản trong kho")
        for kind, parts in found.items()
    ]
