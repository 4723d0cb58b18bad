"""A district set's general requirements: the numbered lines its annex writes before the table of criteria
("1. Có 100% số xã trên địa bàn đạt chuẩn nông thôn mới …; 2. Có ít nhất 10% số xã … nâng cao …; 3. Có 100% số thị
trấn … đạt chuẩn đô thị văn minh; 4. Tỷ lệ hài lòng … từ 90% trở lên"). They are no criterion of the table, so
the catalogue does not list them; a question about the communes, towns or satisfaction a district needs asks
for them."""

from __future__ import annotations

import re

from assistant.answerers.base import QUOTE, Candidate, Context, Draft, Source, lexical_cover
from assistant.answerers.catalogue import base_covers, period_note, set_docs
from assistant.answerers.indicators import without_offices
from corpus.criteria import CriteriaSet
from corpus.normalize import syllables

# What a district's general requirements are about, as a question says it.
_ASKED = re.compile(
    r"\b(?:so xa|cac xa|xa (?:da |duoc )?dat chuan|thi tran|hai long|yeu cau chung|dieu kien|do thi van minh)\b"
)
_ITEM = re.compile(r"^\d{1,2}\.\s+\S")
_PART = re.compile(r"^[IVX]{1,4}\.\s+\S")
_LEVELS = ("huyện", "thị xã/thành phố")


def general_lines(text: str, title: str) -> list[str]:
    """The annex's own numbered requirements, but for lead-ins to the table ("2. Đạt các tiêu chí sau:"). An annex
    in parts ("I. TIÊU CHÍ HUYỆN …", "II. QUY ĐỊNH THỊ XÃ, THÀNH PHỐ …") gives those of the part whose heading
    shares most words with the set's title."""
    parts: list[tuple[str, list[str]]] = [("", [])]
    for raw in text.split("\n"):
        line = raw.strip()
        if _PART.match(line):
            parts.append((line, []))
        # A line the corpus holds only as the compiler's understanding ("2. [chưa xác minh] Theo hiểu biết: …") is
        # no requirement to quote; one with an unverified tail keeps its mark, which the quote shows.
        elif _ITEM.match(line) and not line.endswith(":") and "[chưa xác minh" not in line[:40]:
            parts[-1][1].append(line)
    parts = [p for p in parts if p[1]]
    if not parts:
        return []
    words = syllables(title)
    return max(parts, key=lambda p: len(syllables(p[0]) & words))[1]


def set_conditions(ctx: Context, cset: CriteriaSet) -> Candidate | None:
    """The set's general requirements, when the question is about what they require."""
    if cset.level not in _LEVELS or not cset.annex or not _ASKED.search(without_offices(ctx.query.folded)):
        return None
    path = f"{cset.document} › {cset.annex}"
    section = ctx.section(path)
    lines = general_lines(section.text, cset.title) if section is not None else []
    if not lines:
        return None
    head = f"{cset.title} ({cset.annex}, {cset.document}) đặt các yêu cầu chung:"
    drafts = [Draft(head)]  # each requirement cites its own line
    drafts += [Draft(f"- «{QUOTE}»", [Source(cset.document, path, line, text=line)]) for line in lines]
    said = " ".join(lines)
    return Candidate(
        "criteria",
        drafts + period_note(cset, ctx.as_of),
        covers=base_covers(cset) | {("topic", "conditions")},
        answers={"list"} | ({"threshold"} if re.search(r"\d+\s*%", said) else set()),
        evidence=[path],
        docs=set_docs(cset, ctx.query.sets),
        period=cset.period,
        prior=0.65,
        label=f"yêu cầu chung {cset.id}",
        lexical=lexical_cover(ctx.text, said),
    )
