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
from assistant.quote import word_pairs
from corpus.criteria import CriteriaSet
from corpus.normalize import fold, syllables

# What a district's general requirements are about, as a question says it.
_ASKED = re.compile(
    # ("bao nhiêu phần trăm xã đạt NTM nâng cao": the share of communes, with or without "số".)
    r"(?:\b(?:so|cac|phan tram|bao nhieu) xa|% xa|\bxa (?:da |duoc )?dat (?:chuan|nong thon moi|ntm)|\bthi tran"
    r"|\bhai long|\byeu cau chung|\bdieu kien|\bdo thi van minh)\b"
)
_ITEM = re.compile(r"^\d{1,2}\.\s+\S")
_PART = re.compile(r"^[IVX]{1,4}\.\s+\S")
_LEVELS = ("huyện", "thị xã/thành phố")


def part_lines(text: str, title: str) -> tuple[str, list[str], int] | None:
    """The annex's own numbered requirements, but for lead-ins to the table ("2. Đạt các tiêu chí sau:"), as (heading,
    requirements, how many more the corpus holds only unverified). An annex in parts ("I. TIÊU CHÍ HUYỆN …", "II. QUY
    ĐỊNH THỊ XÃ, THÀNH PHỐ …") gives those of the part whose heading shares most words with the set's title."""
    parts: list[tuple[str, list[str], list[str]]] = [("", [], [])]
    for raw in text.split("\n"):
        line = raw.strip()
        if _PART.match(line):
            parts.append((line, [], []))
        elif _ITEM.match(line) and not line.endswith(":"):
            # A line the corpus holds only as the compiler's understanding ("2. [chưa xác minh] Theo hiểu biết: …")
            # is no requirement to quote, but is counted; one with an unverified tail keeps its mark, which the
            # quote shows.
            parts[-1][2 if "[chưa xác minh" in line[:40] else 1].append(line)
    parts = [p for p in parts if p[1]]
    if not parts:
        return None
    words = syllables(title)
    heading, lines, unverified = max(parts, key=lambda p: len(syllables(p[0]) & words))
    return heading, lines, len(unverified)


_PERIODS = ("2016-2020", "2021-2025")
# A town or city of a province "completes the task" of the programme: the part of an annex that says how.
_TOWN_TITLE = "Quy định thị xã, thành phố trực thuộc cấp tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới"


def town_conditions(ctx: Context) -> list[Candidate]:
    """A town's or a provincial city's requirements to complete the programme's task (320 Phụ lục II; 558's Part II),
    of the documents or period the question names, else of the last period that had them (2021-2025)."""
    q = ctx.query
    asked = without_offices(q.folded)
    # ("hoàn thành NTM" is the task's short name.)
    done = re.search(r"\bhoan thanh (nhiem vu|(xay dung )?nong thon moi)\b", asked)
    if q.level not in ("thị xã", "thành phố") or not (_ASKED.search(asked) or done):
        return []
    if re.search(r"\btinh,? (?:va )?thanh pho\b", asked) and not re.search(r"\bthi xa\b", asked):
        return []  # "20 tỉnh, thành phố có 100% số xã đạt chuẩn": provinces
    year = q.ask_year or q.recognition_year
    period = q.period or next((p for p in _PERIODS if year and int(p[:4]) <= year <= int(p[5:])), "2021-2025")
    sets = [c for c in ctx.catalogue.sets.values() if c.level in _LEVELS and not c.province and c.annex]
    named = [c for c in sets if c.document in q.sets]
    out = []
    for cset in named or [c for c in sets if c.period == period]:
        path = _annex(cset)
        section = ctx.section(path)
        found = part_lines(section.text, _TOWN_TITLE) if section is not None else None
        # The part must be the towns' own: its heading, or the set's title when the annex is not in parts.
        if found is None or "thi xa" not in fold(found[0] or cset.title).lower():
            continue
        if any(c.label.endswith(f" {path}") for c in out):
            continue
        out.append(_candidate(ctx, cset, found[1], town=True, unverified=found[2]))
    return out


def set_conditions(ctx: Context, cset: CriteriaSet) -> Candidate | None:
    """The set's general requirements, when the question is about what they require."""
    if cset.level not in _LEVELS or not cset.annex or not _ASKED.search(without_offices(ctx.query.folded)):
        return None
    section = ctx.section(_annex(cset))
    found = part_lines(section.text, cset.title) if section is not None else None
    return _candidate(ctx, cset, found[1], unverified=found[2]) if found else None


def _asked_line(ctx: Context, lines: list[str]) -> str | None:
    """The one requirement a figure question names: the only line one of whose own word pairs (none of the other
    lines has it: "nâng cao", "hài lòng", "thị trấn") the question uses; none when it names several or asks the list."""
    if len(lines) < 2 or "list" in ctx.need.asks or not ({"threshold", "count"} & ctx.need.asks or ctx.need.figure):
        return None
    asked = word_pairs(ctx.text)
    pairs = [word_pairs(x) for x in lines]
    hits = [
        line
        for i, line in enumerate(lines)
        if (pairs[i] - frozenset().union(*(p for k, p in enumerate(pairs) if k != i))) & asked
    ]
    return hits[0] if len(hits) == 1 else None


def _annex(cset: CriteriaSet) -> str:
    """The path of the set's annex, whose own text holds the general requirements."""
    return f"{cset.document} › {cset.annex}"


def _candidate(
    ctx: Context, cset: CriteriaSet, lines: list[str], *, town: bool = False, unverified: int = 0
) -> Candidate:
    """The requirements quoted line by line; `town`: the towns' part of an annex (its own title, their levels);
    `unverified`: how many more the corpus holds only as unverified text, said, not quoted."""
    path = _annex(cset)
    title = _TOWN_TITLE if town else cset.title
    asked = _asked_line(ctx, lines)
    if asked is not None:
        # "Huyện NTM … cần bao nhiêu phần trăm xã đạt NTM nâng cao?": the one requirement asked answers first, the
        # others follow.
        drafts = [
            Draft(
                f"Theo {title} ({cset.annex}, {cset.document}): «{QUOTE}»",
                [Source(cset.document, path, asked, text=asked)],
            )
        ]
        drafts.append(Draft("Các yêu cầu chung khác:"))
        lines_after = [x for x in lines if x != asked]
    else:
        drafts = [Draft(f"{title} ({cset.annex}, {cset.document}) đặt các yêu cầu chung:")]
        lines_after = lines
    # Each requirement cites its own line.
    drafts += [Draft(f"- «{QUOTE}»", [Source(cset.document, path, line, text=line)]) for line in lines_after]
    if unverified:
        # A list answer says when it holds less than the part has (558's town part: one requirement checked).
        drafts.append(
            Draft(
                f"Kho còn {unverified} yêu cầu khác của phần này chưa được đối chiếu với văn bản gốc nên không trích ở"
                " đây; cần đối chiếu văn bản chính thức.",
                [Source(cset.document, path, lines[-1], text=lines[-1])],
            )
        )
    said = " ".join(lines)
    covers = base_covers(cset) | {("topic", "conditions")}
    if town:
        covers |= {("level", "thị xã"), ("level", "thành phố")}
    return Candidate(
        "criteria",
        drafts + period_note(ctx, cset),
        covers=covers,
        answers={"list", "todo", "definition"} | ({"threshold"} if re.search(r"\d+\s*%", said) else set()),
        evidence=[path],
        docs=set_docs(cset, ctx.query.sets),
        period=cset.period,
        prior=0.65,
        label=f"yêu cầu chung {cset.id} {path}",
        lexical=lexical_cover(ctx.text, said),
    )
