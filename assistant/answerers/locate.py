"""Where a named document says something: "… nằm ở phụ lục số mấy của QĐ 320?", "cv 14 mục nào nói về các huyện
đã đạt NTM nâng cao?", "các điều kiện của xã NTM kiểu mẫu nằm ở điều nào?". The document's sections of the kind
asked, ranked by how many of the question's words their heading and first lines hold; the best one is named and
quoted when it is clearly ahead. A section the question names itself is `sections`'."""

from __future__ import annotations

import re

from assistant.answerers.base import QUOTE, Candidate, Context, Draft, Source, document_name, lexical_cover
from assistant.answerers.sections import part_lines
from assistant.kinds import WHERE, question_parts
from assistant.topic import asking_clause
from assistant.understand import normalise_question
from corpus.model import Section
from corpus.normalize import syllables

_WHICH_DOCUMENT = re.compile(r"\b(van ban|quyet dinh|nghi quyet|cong van|nghi dinh|thong tu) nao\b")
_KIND = {"phu luc": "Phụ lục", "dieu": "Điều", "muc": "Mục", "khoan": "Khoản", "chuong": "Chương", "diem": "Điểm"}
# The least share of the question's words the section must hold, and its lead over the next section.
_LEAST = 0.4
_LEAD = 0.08
# What is read of a section to match the question: its heading and its first lines, not its whole text (an annex's
# table would match every word).
_HEAD_CHARS = 400
# An article of this many clauses or fewer is shown whole.
_FEW = 4


def _label(section: Section) -> str:
    return " ".join(x.split(" {")[0] for x in reversed(section.labels))  # "Khoản 2 Điều 1"


def _of_kind(tree: Section, kind: str | None) -> list[Section]:
    """The sections of the kind asked ("phụ lục nào"); "phần nào" is any part right under the document. A document's
    opening and closing lines are not a part that regulates anything."""
    if kind is None:
        found = [s for s in tree.children if s.labels]
    else:
        found = [s for s in tree.walk() if s.labels and s.labels[-1].split(" {")[0].startswith(kind + " ")]
    return [s for s in found if not s.labels[-1].startswith(("Phần mở đầu", "Phần kết"))]


def _head(section: Section) -> str:
    return f"{section.title}\n{section.text[:_HEAD_CHARS]}"


def _own(part: str, others: list[str]) -> str:
    """The part's words less those every other part also says ("khoản nào sửa tiêu chí thu nhập, khoản nào sửa chỉ
    tiêu BHYT": "sửa", "tiêu chí" are what all the amending clauses do; "thu nhập" tells which one)."""
    shared = set().union(*(syllables(o) for o in others)) if others else set()
    kept = [w for w in part.split() if not syllables(w) <= shared]
    return " ".join(kept) if len(kept) >= 2 else part


def _best(tree: Section, part: str, others: list[str] | None = None) -> tuple[float, Section] | None:
    """The section of the kind the part asks for that clearly holds most of its own words."""
    m = WHERE.search(normalise_question(part))
    if m is None or m.group(1) is None:
        return None  # "thuộc trường hợp nào" names no kind of part
    # The document's number is not what the section is about.
    words = re.sub(r"\d[\d/.\-A-Za-zĐđ&]*", " ", _own(part, others or []))
    scored = sorted(
        ((lexical_cover(words, _head(s)), i, s) for i, s in enumerate(_of_kind(tree, _KIND.get(m.group(1))))),
        key=lambda x: (-x[0], x[1]),
    )
    if not scored or scored[0][0] < _LEAST or (len(scored) > 1 and scored[0][0] - scored[1][0] < _LEAD):
        return None  # no section of that kind clearly holds what is asked
    return scored[0][0], scored[0][2]


def locate(ctx: Context) -> list[Candidate]:
    asking = normalise_question(asking_clause(ctx.text))
    q = ctx.query
    # A named section is `sections`'; "nằm ở văn bản nào, phần nào" asks the document first.
    if not WHERE.search(asking) or ctx.need.sections or _WHICH_DOCUMENT.search(asking):
        return []
    # "đạt chuẩn năm 2019 thì nay áp dụng phụ lục nào": which set applies, the card's question.
    if "set" in ctx.need.asks or ((q.recognition_year or q.recognition_period) and q.action):
        return []
    # "mục nào nói về các huyện …, còn mục nào nói chuyện ngân sách?": each part that asks where gets its section.
    parts = [p for p in question_parts(asking_clause(ctx.text)) if WHERE.search(normalise_question(p))]
    out: list[Candidate] = []
    for number in ctx.query.sets:
        tree, meta = ctx.tree(number), ctx.meta(number)
        if tree is None or meta is None:
            continue
        found = [b for b in (_best(tree, p, [o for o in parts if o != p]) for p in parts) if b is not None]
        if not found:
            continue
        drafts: list[Draft] = []
        for _, section in found:
            title = f" ({section.title.rstrip('.:')})" if section.title else ""
            where = f"{_label(section)} {document_name(meta)}"
            drafts.append(Draft(f"Nội dung được hỏi nằm ở {where}{title}.", [Source(number, section.path, "")]))
            if 0 < len(section.children) <= _FEW:
                # An article of a few clauses: each clause (the one that answers may be any: "Điều 3 … thẩm quyền"
                # names who in its Khoản 2).
                drafts.extend(part_lines(number, section, ctx.text))
            else:
                # An annex: the sentence of its parts closest to the question.
                pieces = section.walk()[1:] or [section]
                focus = max(pieces, key=lambda s: lexical_cover(ctx.text, s.text))
                drafts.append(Draft(f"«{QUOTE}»", [Source(number, focus.path, ctx.text)]))
        if not meta.full_text:
            # A registry entry summarises public sources: its lines are the registry's, never the decision's words.
            drafts = [Draft(d.text.replace(f"«{QUOTE}»", QUOTE), d.sources) for d in drafts]
        out.append(
            Candidate(
                "section",
                drafts,
                covers={("doc", number)},
                answers={"where", "which", "contents"},
                evidence=[s.path for _, s in found],
                docs={number},
                period=meta.period,
                prior=1.0,
                lexical=max(share for share, _ in found),
                label="vị trí " + ", ".join(s.path for _, s in found),
            )
        )
    return out
