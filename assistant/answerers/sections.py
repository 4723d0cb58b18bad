"""A named Điều / Khoản / Điểm / Mục / Phụ lục of a named document: its own text, quoted."""

from __future__ import annotations

import re

from assistant.answerers.base import (
    QUESTION_WORDS,
    QUOTE,
    Candidate,
    Context,
    Draft,
    Source,
    document_name,
    lexical_cover,
    opening,
)
from assistant.answerers.layout import document_parts, label_of
from assistant.kinds import kinds_of, question_parts
from assistant.quote import word_pairs
from assistant.years import period_of
from corpus.model import DocumentMeta, Section
from corpus.normalize import fold, syllables


def _find(tree: Section, labels: list[str]) -> Section | None:
    """The section whose path ends with the named labels in order ("Điều 2", "Khoản 1")."""
    best = None
    for s in tree.walk()[1:]:
        got = [x.split(" {")[0] for x in s.labels]
        if got[-1] != labels[-1]:
            continue
        if all(label in got for label in labels) and (best is None or len(s.labels) < len(best.labels)):
            best = s
    return best


# Words that ask what a section says ("quy định về việc gì", "nội dung"), not which of its parts.
_ASKING = {"quy", "dinh", "ve", "viec", "noi", "dung", "nhung", "cac", "yeu", "cau"}


def _focus(section: Section, question: str, named: str) -> Section | None:
    """The one part of a named section the question is about ("Điều 2 … giao gì cho Ủy ban nhân dân cấp
    tỉnh" → its Khoản 2), when the question's own words point at it clearly more than at its siblings.

    Words and pairs of words both count: single syllables repeat across any two clauses ("dân" in
    "hướng dẫn"), pairs ("nhân dân") name the subject."""
    words = syllables(question) - QUESTION_WORDS - syllables(named) - _ASKING
    pairs = {p for p in word_pairs(question) if set(p.split()) <= words}
    if len(words) < 2 or len(section.children) < 2:
        return None

    def share(part: Section) -> float:
        text = part.full_text()
        got = len(words & syllables(text)) / len(words)
        return (got + len(pairs & word_pairs(text)) / len(pairs)) / 2 if pairs else got

    shares = sorted(((share(c), i) for i, c in enumerate(section.children)), reverse=True)
    (best, at), (second, _) = shares[0], shares[1]
    return section.children[at] if best >= 0.5 and best - second >= 0.25 else None


def _whole_asked(section: Section, question: str, named: str) -> bool:
    """One part of a question of several asks what the section says ("Điều 3 QĐ 691 quy định gì") with no words of
    its own that point at one of its parts: the whole section is asked, whatever another part asks of it."""
    parts = question_parts(question)
    return len(parts) > 1 and any(
        "contents" in kinds_of(p) and _focus(section, p, named) is None and len(section.children) <= 4 for p in parts
    )


_HEADING = re.compile(r"^(?:Điều|Khoản|Mục|Chương|Phụ lục|PHỤ LỤC|Tiêu chí|Điểm)\b|^(?:\d+|[a-zđ]|[IVX]+)[.)]\s")
# A point of this many lines or fewer, asked what it requires, is quoted line by line.
_FEW_LINES = 6
# An annex's frame: "(Kèm theo Quyết định …)", "(Ban hành kèm theo …)".
_FRAME = re.compile(r"^\(?\s*(?:Ban hành\s+)?kèm theo\b", re.IGNORECASE)


def own_lines(section: Section) -> list[str]:
    """The section's own sentences under its heading (an annex's conditions before its criteria), without the
    heading, a title in capitals or the "(Kèm theo …)" line: what may be quoted as its words."""
    lines = [line.strip() for line in section.text.split("\n") if line.strip()]
    title = section.title.rstrip(".:")
    out = []
    for i, line in enumerate(lines):
        if (i == 0 and _HEADING.match(line)) or _FRAME.match(line) or line.rstrip(".:") == title:
            continue
        if line.upper() == line and any(c.isalpha() for c in line):
            continue  # "BỘ TIÊU CHÍ QUỐC GIA VỀ HUYỆN …": a title set in capitals
        if line.startswith("[") and line.endswith("]"):
            continue  # "[chưa xác minh: câu chữ … biên soạn theo …]": the compiler's note, not the section's words
        out.append(line)
    return out


def part_lines(number: str, section: Section, hint: str, depth: int = 0) -> list[Draft]:
    """A section's parts, each quoted; a part's own points one level down. A part that is only a heading
    ("Tiêu chí 1. Quy hoạch") is named, not quoted: a bare heading is not an answer."""
    out: list[Draft] = []
    indent = "  " * depth
    for child in section.children[:8]:
        if child.children and child.title and not own_lines(child):
            out.append(Draft(f"{indent}- {child.labels[-1]} ({child.title.rstrip('.:')})"))
        else:
            out.append(
                Draft(
                    f"{indent}- {child.labels[-1]}: «{QUOTE}»",
                    [Source(number, child.path, hint + " " + child.title, whole=True)],
                )
            )
        if child.children and depth == 0:
            out.extend(part_lines(number, child, hint, depth + 1))
    return out


def _table(section: Section) -> str | None:
    """A leaf section's lead line and the table under it, up to the compiler's note: the words of the
    regulation a named Khoản with a table consists of ("Khoản 2 Điều 1 Quyết định 342")."""
    lines = section.text.split("\n")
    if sum("|" in line for line in lines) < 2:
        return None
    kept: list[str] = []
    for line in lines:
        if re.match(r"\s*\(?\s*Ghi chú", line):
            break
        kept.append(line)
    block = "\n".join(kept).strip()
    return block if block and block in section.text else None


def _table_drafts(number: str, section: Section, name: str, block: str) -> list[Draft]:
    """The lead line, then each row of the table as its own line, all cited to the one quoted block."""
    source = Source(number, section.path, block, text=block, whole=True)
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    lead = lines[0] if "|" not in lines[0] else ""
    shown = re.sub(r"^(?:\d+\.|[a-zđ]\))\s*", "", lead).rstrip(":")  # the label says "Khoản 2" already
    out = [Draft(f"{name}: {shown}:" if shown else f"{name}:", [source])]
    # The rows are the cited block's own lines: one citation, on the line that introduces them.
    out += [Draft(f"- {row}") for row in lines[1 if lead else 0 :][:16]]
    return out


def _title_is_text(section) -> bool:
    """A short clause or article whose one sentence the parser took as its title ("2. Các bộ, ngành … quản lý."):
    said once in the heading sentence, not quoted a second time."""
    # (An article's own sentence too: "Điều 3. Quyết định này có hiệu lực …".)
    body = re.sub(r"^\s*(?:Điều \d+[a-z]?\.|(?:\d+|[a-zđ])[.)])\s*", "", section.text.strip())
    return bool(section.title) and body.rstrip(". ") == section.title.rstrip(". ")


def _order(label: str) -> int:
    kinds = ["Phụ lục", "Chương", "Mục", "Điều", "Khoản", "Điểm"]
    return next(i for i, k in enumerate(kinds) if label.startswith(k + " "))


def _answers(asks: set[str], section: Section) -> set[str]:
    """What a named section answers: whatever the question asks about it, but not which set a unit is held to now
    ("xã đạt nâng cao theo Phụ lục II QĐ 318 … giữ chuẩn theo bộ nào"), nor the date that set applies from ("… hay
    theo bộ khác, và bộ đó áp dụng từ ngày nào"), nor what the unit must now do ("các yêu cầu ở Phụ lục II còn phải
    theo dõi tiếp không, nếu không thì căn cứ văn bản nào"). How the whole document is laid out ("gồm mấy điều") is the
    document's; a figure of one indicator is not what an annex shown in part answers (its first 8 criteria)."""
    held = "set" in asks
    out = {"contents", "definition"} | (asks - {"set", "in_force", "when", "todo"} if held else asks | {"todo"})
    return out - {"layout"} - ({"threshold"} if len(section.children) > 8 else set())


def _chain(labels: list[str]) -> bool:
    """Whether the named parts nest, one of each kind ("Điểm a Khoản 2 Điều 1"), not siblings ("Khoản 1 và 2")."""
    kinds = [re.sub(r"\s+\S+$", "", x) for x in labels]
    return len(set(kinds)) == len(kinds)


def _absent(section: Section, labels: list[str], named: str, question: str) -> str | None:
    """What the text held lacks when the question names a part below `section` that it does not have ("Khoản 5
    Điều 2 Quyết định 320": Điều 2 has three), said before the section shown in its place."""
    missing = next((x for x in labels if x not in section.path), None)
    if missing is None:
        return None
    kind = re.sub(r"\s+\S+$", "", missing)  # "Phụ lục II" → "Phụ lục"
    if missing == "Điểm d" and re.search(r"\bđiểm\s+đ\b", question, re.IGNORECASE):
        missing = "Điểm đ"  # the folded question lost the letter đ
    count = sum(1 for c in section.children if c.labels[-1].startswith(kind + " "))
    held = f"gồm {count} {kind.lower()}, không có {missing}" if count else f"không chia {kind.lower()}"
    return f"Theo văn bản kho đang có, {named} {held}; dưới đây là nội dung {named}."


def _absent_part(ctx: Context, number: str, tree: Section, meta: DocumentMeta, labels: list[str]) -> Candidate:
    """A named part the document's text lacks altogether ("Điều 9 Quyết định 318": it has four articles): said
    first, then the parts of that kind it has, so the question's own number is not answered with other text."""
    top = labels[0]
    kind = re.sub(r"\s+\S+$", "", top)  # "Phụ lục III" → "Phụ lục"
    parts = document_parts(tree, kind)
    name = document_name(meta)
    held = (
        f"văn bản có {len(parts)} {kind.lower()}: {', '.join(label_of(p) for p in parts)}"
        if parts
        else f"văn bản không chia {kind.lower()}"
    )
    head = f"Theo văn bản kho đang có, {name} không có {top}; {held}."
    drafts = [Draft(head, [Source(number, opening(meta), meta.title or number)])]
    for part in parts[:8]:
        title = (part.title or "").rstrip(".: ")
        if title:
            drafts.append(Draft(f"- {label_of(part)}: {title}.", [Source(number, part.path, title)]))
    return Candidate(
        "section",
        drafts,
        covers={("doc", number)} | {("section", x) for x in labels},
        answers=ctx.need.asks | {"contents", "definition"},
        evidence=[p.path for p in parts[:3]] or [opening(meta)],
        docs={number},
        period=meta.period,
        prior=1.0,
        label=f"{number} › {top} (không có)",
    )


def _not_held(section: Section, named: str) -> list[Draft]:
    """A registry annex recorded by its title alone ("QUY ĐỊNH TỈNH, THÀNH PHỐ HOÀN THÀNH NHIỆM VỤ … (mục đăng
    ký)"): what it lays down is not in the corpus, said so rather than left to its title and a press line."""
    if section.kind != "annex" or section.children or not _TITLE_ONLY.search(section.title):
        return []
    return [
        Draft(
            f"Kho văn bản chưa có nội dung của {named} (mục đăng ký chỉ ghi tên phụ lục); cần đối chiếu văn bản "
            "chính thức."
        )
    ]


# A registry annex's title marked as recorded by name only.
_TITLE_ONLY = re.compile(r"\(mục đăng ký\)\s*$")
# What a question names that an annex is titled with, with no part named: a province's task ("Tỉnh hoàn thành nhiệm vụ
# xây dựng NTM giai đoạn 2026-2030 cần …", the province the unit asked about), the pilot "xã nông thôn mới hiện đại".
_PROVINCE_TASK = re.compile(r"(?<!cap )\btinh(?:, thanh pho)? hoan thanh nhiem vu\b")  # not "thuộc cấp tỉnh"
_MODERN = re.compile(r"\bnong thon moi hien dai\b")


def task_annex(ctx: Context) -> list[Candidate]:
    """A province's task or the modern commune asked with no part named: the annex of the period's documents titled
    with it (Phụ lục III, Phụ lục II of 51/2025/QĐ-TTg), as if the question had named it."""
    q, need = ctx.query, ctx.need
    if need.sections:
        return []
    if q.level == "tỉnh" and re.search(r"\bhoan thanh nhiem vu\b", q.folded):
        title, level = _PROVINCE_TASK, "tỉnh"
    elif _MODERN.search(q.folded):
        title, level = _MODERN, "xã"
    else:
        return []
    period = need.period or period_of(ctx.as_of.year)
    out = []
    for meta in ctx.documents():
        tree = ctx.tree(meta.number) if meta.period == period else None
        for annex in tree.children if tree is not None else []:
            if annex.kind == "annex" and title.search(fold(annex.title).lower()):
                name = document_name(meta)
                label = " ".join(reversed(annex.labels))
                drafts = [
                    Draft(
                        f"{label} {name}: {annex.title.rstrip('.:')}.", [Source(meta.number, annex.path, annex.title)]
                    )
                ]
                drafts += _not_held(annex, f"{label} {name}")
                out.append(
                    Candidate(
                        "section",
                        drafts,
                        covers={("doc", meta.number), ("level", level)} | ({("period", period)} if period else set()),
                        answers=_answers(need.asks, annex) | {"contents", "list", "count", "threshold", "which"},
                        lexical=lexical_cover(ctx.text, annex.full_text()),
                        evidence=[annex.path],
                        docs={meta.number},
                        period=meta.period,
                        prior=1.0,
                        label=annex.path,
                    )
                )
    return out


def sections(ctx: Context) -> list[Candidate]:
    need = ctx.need
    if not need.sections:
        return task_annex(ctx)
    docs = list(ctx.query.sets) or []
    out: list[Candidate] = []
    labels = sorted(need.sections, key=_order)
    lacking: list[Candidate] = []
    for number in docs:
        tree = ctx.tree(number)
        meta = ctx.meta(number)
        if tree is None or meta is None:
            continue
        chain = _chain(labels)
        if chain:
            # The deepest of the named parts the text holds ("Điểm d Khoản 3 Điều 2" where Khoản 3 ends at c).
            section = next((x for k in range(len(labels), 0, -1) if (x := _find(tree, labels[:k])) is not None), None)
        else:  # "Khoản 1 và khoản 2 Điều 2": the article holding both
            section = _find(tree, labels) or _find(tree, labels[:1])
        if section is None:
            if meta.full_text:  # a registry entry lacks sections the document has
                lacking.append(_absent_part(ctx, number, tree, meta, labels))
            continue
        name = document_name(meta)
        label = " ".join(x.split(" {")[0] for x in reversed(section.labels))  # "Khoản 2 Điều 1"
        title = f": {section.title.rstrip('.:')}" if section.title else ""
        table = None if section.children else _table(section)
        if table is not None:
            drafts = _table_drafts(number, section, f"{label} {name}", table)
        else:
            drafts = [Draft(f"{label} {name}{title}.", [Source(number, section.path, section.title or ctx.text)])]
        absent = _absent(section, labels, f"{label} {name}", ctx.text) if chain else None
        if absent is not None:
            drafts.insert(0, Draft(absent, [Source(number, section.path, section.title or ctx.text)]))
        named_words = " ".join([number, meta.kind or "", *section.labels])
        focus = _focus(section, ctx.text, named_words)
        if focus is not None and _whole_asked(section, ctx.text, named_words):
            focus = None  # "Điều 3 … quy định gì, ai có thẩm quyền …": every part, the one asked among them
        if focus is not None:
            drafts.append(Draft(f"- {focus.labels[-1]}: «{QUOTE}»", [Source(number, focus.path, ctx.text, whole=True)]))
            drafts.extend(part_lines(number, focus, ctx.text, 1))
        elif section.children:
            # Its own words first (Phụ lục I of 320: the four conditions before the criteria), then its parts.
            for line in (x.lstrip("-–•+ ") for x in own_lines(section)[:6]):
                drafts.append(Draft(f"- «{QUOTE}»", [Source(number, section.path, line, text=line, whole=True)]))
            drafts.extend(part_lines(number, section, ctx.text))
            if len(section.children) > 8:
                # A list answer says when it shows only part of what was asked for.
                noun = "tiêu chí" if all(c.kind == "criterion" for c in section.children) else "phần"
                drafts.append(Draft(f"{label} gồm {len(section.children)} {noun}; trên đây là 8 {noun} đầu."))
        elif table is None and not _title_is_text(section):
            lines = own_lines(section)
            if 2 <= len(lines) <= _FEW_LINES and ctx.need.asks & {"list", "contents"}:
                # "Điểm b … đặt ra những yêu cầu gì": each of its lines, not the one closest to the question.
                for line in (x.lstrip("-–•+ ") for x in lines):
                    drafts.append(Draft(f"- «{QUOTE}»", [Source(number, section.path, line, text=line, whole=True)]))
            else:
                drafts.append(Draft(f"«{QUOTE}»", [Source(number, section.path, ctx.text)]))
        if not meta.full_text:
            # A registry entry summarises public sources: its lines are the registry's, never the decision's words.
            drafts = [Draft(d.text.replace(f"«{QUOTE}»", QUOTE), d.sources) for d in drafts]
            drafts += _not_held(section, f"{label} {name}")
        covers = {("doc", number)} | {("section", x) for x in labels if x in section.path}
        out.append(
            Candidate(
                "section",
                drafts,
                covers=covers,
                answers=_answers(ctx.need.asks, section),
                lexical=lexical_cover(ctx.text, section.full_text()),
                evidence=[section.path],
                docs={number},
                period=meta.period,
                prior=1.0 if all(x in section.path for x in labels) else 0.6,
                label=section.path,
            )
        )
    # "chấm theo Phụ lục II QĐ 318 … đạt kiểu mẫu theo QĐ 691": the part is the document's that has it; another
    # named document's lacking it is no answer.
    return out or lacking
