"""Retrieved passages, each its own candidate: the chooser keeps the ones that cover the question."""

from __future__ import annotations

import re

from assistant.answerers.assigned import lead_in
from assistant.answerers.base import QUOTE, Candidate, Context, Draft, Source, lexical_cover
from assistant.kinds import question_parts
from assistant.quote import CUES, best_span, number_words
from assistant.rx import rx
from corpus.model import Section
from corpus.normalize import fold


def _other_parts(ctx: Context, doc: str, path: str, *, registry: bool) -> list[Draft]:
    """For a question that asks two things, the sentence of the same section that answers each part (the
    first quote answers the question as a whole)."""
    parts = question_parts(ctx.text)
    section = ctx.section(path)
    if len(parts) < 2 or section is None:
        return []
    body = section.full_text() if len(section.text) < 40 else section.text
    meta = ctx.meta(doc)
    ignore = number_words(doc, meta.kind if meta else None)
    # The quote the whole question gets is chosen later with the kind of question in view; the renderer
    # drops a part's quote that repeats it.
    said: set[str] = set()
    out: list[Draft] = []
    for part in parts:
        span = best_span(body, part, ignore=ignore)
        if span not in said:
            said.add(span)
            # The part's own sentence, not one chosen by what the whole question asks ("ngày nào" wants a date).
            out.append(Draft(f"- {QUOTE}" if registry else f"- «{QUOTE}»", [Source(doc, path, part, text=span)]))
    return out


def passages(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for rank, r in enumerate(ctx.passages()[:6]):
        chunk = r.chunk
        meta = ctx.meta(chunk.doc)
        label = chunk.path.removeprefix(chunk.doc + " › ")
        # A criterion is named by its heading, which the quote (a sentence of its text) never holds: "Tiêu chí 8
        # (Môi trường và cảnh quan nông thôn)" answers "tiêu chí thứ 8 là gì" as the passage is shown.
        crit = re.match(r".*? › Tiêu chí \d+", chunk.path)
        heading = ctx.section(crit.group(0)) if crit else None
        if heading is not None and heading.kind == "criterion" and 0 < len(heading.title) <= 80:
            named = crit.group(0).removeprefix(chunk.doc + " › ")
            label = label.replace(named, f"{named} ({heading.title.rstrip('.:')})", 1)
        page = f", trang {chunk.page}" if chunk.page else ""
        # Quote from the whole section when the corpus has it: a chunk cut from a long section may start
        # mid-sentence, and the quote must start where the sentence does.
        section = ctx.section(chunk.path)
        whole = section is not None
        source = Source(chunk.doc, chunk.path, ctx.text, text=None if whole else chunk.text, page=chunk.page)
        if meta is not None and not meta.full_text:
            # A registry entry summarises public sources: never shown as the decision's own words.
            # The part of the entry quoted is named when it is not the entry's opening ("Phụ lục III").
            part = f"{label}, " if label != "Phần mở đầu" and label != chunk.path else ""
            summary = f"{part}tóm tắt từ nguồn công khai, không phải nguyên văn"
            text = f"Theo mục đăng ký của kho về {chunk.doc} ({summary}): {QUOTE}"
        else:
            text = f"Theo {chunk.doc} ({label}{page}){_actor(ctx, section)}: «{QUOTE}»"
        covers = {("doc", chunk.doc)}
        # The words the question quotes, where this passage holds them (folded only when the question quotes any).
        quoted = [a for a in ctx.need.atoms if a[0] == "quoted"]
        if quoted:
            held = " ".join(fold(chunk.text).lower().split())
            covers |= {a for a in quoted if a[1] in held}
        for m in re.finditer(r"(Điều|Khoản|Mục|Phụ lục|Điểm|Chương) ([0-9IVX]+|[a-zđ])\b", chunk.path):
            covers.add(("section", m.group(0)))
        if meta is not None and not meta.full_text:
            # A registry entry describes the annexes it does not hold ("Nội dung Phụ lục II — …").
            for m in re.finditer(r"(Điều|Phụ lục) ([0-9IVX]+)\b", chunk.text):
                covers.add(("section", m.group(0)))
        # The province whose figures the question asks, where the passage names it ("Lai Châu 32/38 xã"); the
        # province's place on the map is the map's to answer, not a passage's that names it.
        if "map" not in ctx.need.asks:
            covers |= {
                a for a in ctx.need.atoms if a[0] == "province" and fold(a[1]).lower() in fold(chunk.text).lower()
            }
        # A set's annex holds that set's tier ("318 › Phụ lục II › Tiêu chí 18" is of xã NTM nâng cao).
        parts = chunk.path.split(" › ")
        covers |= {("tier", c.tier) for c in ctx.catalogue.for_document(chunk.doc) if c.annex and c.annex in parts}
        for m in re.finditer(r"Tiêu chí (\d+)", chunk.path):
            covers.add(("criterion", m.group(1)))
        for m in re.finditer(r"› (\d{1,2}\.\d{1,2})\b", chunk.path):
            covers.add(("indicator", m.group(1)))
        if meta is not None:
            # A dispatch that forwards a document covers it ("UBND tỉnh giao ai chủ trì thực hiện Công văn 14" is
            # answered by the province's dispatch 5766); a decision issued under a resolution does not answer
            # what the resolution says.
            covers |= {("doc", r.target) for r in meta.relations if r.type == "forwards"}
            if meta.period:
                covers.add(("period", meta.period))
                # A programme of ten years (257/2025/QH15: 2026-2035) covers each five-year period in it.
                start, _, end = meta.period.partition("-")
                if start.isdigit() and end.isdigit():
                    covers |= {("period", f"{y}-{y + 4}") for y in range(int(start), int(end) - 4, 5)}
            covers |= {("level", lv) for lv in meta.level}
        counted = ctx.need.counted
        counts = {counted} if counted and rx(rf"\d+ {counted}").search(fold(chunk.text)) else set()
        # A passage that counts the units asked of ("05 tỉnh … đã được công nhận hoàn thành nhiệm vụ") is about that
        # level, whatever levels its document is filed under.
        covers |= {a for a in ctx.need.atoms if a[0] == "level" and fold(a[1]).lower() in counts}
        drafts = [Draft(text, [source])]
        if whole:
            drafts += _other_parts(ctx, chunk.doc, chunk.path, registry=meta is not None and not meta.full_text)
        out.append(
            Candidate(
                "passages",
                drafts,
                covers=covers,
                # A passage answers a kind of question when it holds what that kind asks for (a date, a count).
                # (A procedure only when the asking clause asks one: "QĐ 18 về … trình tự, thủ tục … có hiệu lực từ
                # ngày nào" names the document by its subject.)
                answers={
                    ask
                    for ask in ctx.need.asks
                    if ask in CUES and CUES[ask].search(chunk.text) and (ask != "procedure" or ctx.need.procedure)
                },
                counts=frozenset(counts),
                evidence=["#" + chunk.id],
                docs={chunk.doc}
                | {r.target for r in (meta.relations if meta else []) if r.type in ("forwards", "implements")},
                period=meta.period if meta else None,
                prior=0.5 - 0.05 * rank,
                label=chunk.path,
                lexical=lexical_cover(ctx.text, chunk.context + " " + chunk.text),
            )
        )
    return out


def _actor(ctx: Context, section: Section | None) -> str:
    """Asked who does something, the actor a clause's lead-in gives its points to ("3. Bộ Nông nghiệp và Phát triển
    nông thôn:" over "b) Nghiên cứu, chỉ đạo thí điểm …"): the point quoted does not name it."""
    if section is None or not ctx.need.asks & {"who", "duty"}:
        return ""
    if section.labels and section.labels[-1].startswith("Khoản") and section.children:
        return lead_in(section)
    return lead_in(ctx.section(section.parent_path)) if section.parent_path else ""
