"""Document facts: kind, issuer, signer, date issued, date in force, what it issues or contains,
what it amends or replaces and what replaced it, its status on the as-of date. A fact the corpus
does not record is said to be unrecorded, never guessed."""

from __future__ import annotations

import datetime as dt
import re

from assistant.answerers.base import QUOTE, Candidate, Context, Draft, Source
from assistant.answerers.base import document_name as _name
from assistant.answerers.base import opening as _opening
from assistant.answerers.basis import basis
from assistant.answerers.layout import layout_drafts
from assistant.answerers.passages import passages
from assistant.answerers.relations import RELATION_WORDS, relations
from assistant.answerers.status import (
    NOT_RECORDED,
    full_text,
    in_force,
    procedure_not_held,
    registry_points,
    sections_below,
    status_on,
)
from assistant.doc_numbers import lead_number
from assistant.format import vn_date
from assistant.kinds import SESSION_ASKED, VOTES_ASKED
from assistant.rx import rx
from corpus.model import DocumentMeta, Section
from corpus.normalize import fold


def _holding(ctx: Context, m: DocumentMeta, words: str) -> str | None:
    """The section that shows a fact (the signature block first; a registry entry names the signer in its
    summary), so the fact is cited where it can be read and not at a section that does not exist."""
    closing = ctx.section(f"{m.number} › Phần kết")
    if closing is not None and words in closing.full_text():
        return closing.path
    for s in sections_below(ctx.tree(m.number)):
        if words in s.text:
            return s.path
    return None


def _contents(ctx: Context, m: DocumentMeta) -> list[Draft]:
    head = (
        f"{_name(m)} ({vn_date(m.issued) if m.issued else 'ngày ban hành ' + NOT_RECORDED}): {m.title or ''}".rstrip()
    )
    out = [Draft(head.rstrip(":") + ".", [Source(m.number, _opening(m), m.title or m.number)])]
    parts = [
        s for s in sections_below(ctx.tree(m.number)) if len(s.labels) == 1 and s.kind not in ("preamble", "closing")
    ]
    for s in parts[:8]:
        title = s.title or ""
        if not title:
            continue
        out.append(Draft(f"- {s.labels[0]}: {title.rstrip('.:')}.", [Source(m.number, s.path, title)]))
    # A decision that issues criteria sets: what each set requires, by name ("319 quy định những điều kiện gì").
    sets = ctx.catalogue.for_document(m.number)
    for cset in sets if len(sets) <= 2 else []:  # three sets or more: the annexes' headings name them
        if cset.criteria:
            path = cset.criteria[0].section.rsplit(" › ", 1)[0]
            names = "; ".join(f"{c.number}. {c.name}" for c in cset.criteria)
            out.append(
                Draft(
                    f"- {cset.title} gồm {len(cset.criteria)} tiêu chí: {names}.", [Source(m.number, path, cset.title)]
                )
            )
    if not m.full_text:
        points = registry_points(ctx, m)
        if points:
            out.append(Draft("Theo mục đăng ký của kho (tóm tắt từ nguồn công khai, không phải nguyên văn):"))
            out.extend(points)
        out.append(Draft(f"Kho chỉ có mục đăng ký của {m.number} (không phải toàn văn)."))
    return out


def _listed_after(ctx: Context, m: DocumentMeta, head: str) -> tuple[Section, str, list[str]] | None:
    """The block a document opens with `head` ("Kính gửi", "Nơi nhận"): its section, the block as written and the
    names it lists (on the head's line after ":", and each "- " line after it)."""
    for s in sections_below(ctx.tree(m.number)):
        at = s.text.find(head)
        if at < 0:
            continue
        lines = s.text[at:].split("\n")
        block = [lines[0]]
        names = [lines[0].split(":", 1)[1] if ":" in lines[0] else ""]
        for line in lines[1:]:
            bare = line.strip()
            if bare[:1].islower() and names[-1]:
                names[-1] += " " + bare  # "Ban Chỉ đạo … quốc gia" wrapped onto "các tỉnh, thành phố …"
            elif bare and not bare.startswith("-"):
                break
            else:
                names.append(bare)
            block.append(line)
        quoted = "\n".join(block).strip()
        names = [x.strip(" -;.*") for x in names if x.strip(" -;.*")]
        if names and quoted in s.text:
            return s, quoted, names
    return None


# "Nơi nhận" asked, or where else the document went ("còn được gửi tới những cơ quan nào"): its list of recipients.
_RECIPIENTS_ASKED = re.compile(r"\b(noi nhan|gui (toi|den)|duoc gui|nhan duoc)\b")


def _addressees(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """Whom a dispatch is sent to: its "Kính gửi:" block, quoted whole; and its "Nơi nhận:" list when the question
    asks where it went (or the document has no "Kính gửi")."""
    out = []
    found = _listed_after(ctx, m, "Kính gửi")
    if found is not None:
        s, quoted, names = found
        out.append(
            Draft(
                f"{_name(m)} gửi: {'; '.join(names)}.", [Source(m.number, s.path, "Kính gửi", text=quoted, whole=True)]
            )
        )
    listed = _listed_after(ctx, m, "Nơi nhận") if not out or _RECIPIENTS_ASKED.search(ctx.query.folded) else None
    if listed is not None:
        s, quoted, names = listed
        out.append(
            Draft(
                f"Nơi nhận của {_name(m)}: {'; '.join(names)}.",
                [Source(m.number, s.path, "Nơi nhận", text=quoted, whole=True)],
            )
        )
    return out


_TITLE = re.compile(
    r"(PHÓ THỦ TƯỚNG|THỦ TƯỚNG|THỨ TRƯỞNG|BỘ TRƯỞNG|PHÓ CHỦ TỊCH(?: THƯỜNG TRỰC)?|CHỦ TỊCH|PHÓ TRƯỞNG BAN"
    r"|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)"
)


def signer_title(closing: Section | None, signer: str) -> str | None:
    """The signer's office as the signature block writes it, just above the name ("PHÓ THỦ TƯỚNG")."""
    if closing is None:
        return None
    text = closing.full_text()
    at = text.find(signer)
    if at < 0:
        return None
    titles = _TITLE.findall(text[:at])
    return _office(titles[-1]) if titles else None


def _summary_title(summary: str, signer: str) -> str | None:
    """The office a registry entry's summary names right before the signer ("Phó Thủ tướng Trần Hồng Hà ký")."""
    m = re.search(rf"{_TITLE.pattern}\s+{re.escape(signer)}", summary, re.IGNORECASE)
    return _office(m.group(1)) if m else None


def _office(raw: str) -> str:
    """An office as the answer writes it: "PHÓ THỦ TƯỚNG", "Phó Thủ tướng" → "Phó Thủ tướng"."""
    words = raw.lower()
    for office in ("thủ tướng", "chủ tịch", "bộ trưởng", "thứ trưởng", "trưởng ban", "chánh văn phòng"):
        words = words.replace(office, office[0].upper() + office[1:])
    return words[0].upper() + words[1:]


_PARTS = frozenset({"dieu", "phu luc", "bo tieu chi", "noi dung", "phan", "van ban", "quy dinh"})
FACT_ASKS = {"who", "issuer", "when", "in_force", "status", "contents", "amends", "proposer", "basis"}


def _signed_line(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """A registry entry that records no date of issue may say what its sources tell of it ("Ngày ký: chưa đối chiếu
    được (bài … ngày 04/02/2026 viết Bộ trưởng "vừa ký ban hành")"): that line, as the registry's words."""
    if m.full_text:
        return []
    for section in sections_below(ctx.tree(m.number)):
        line = next((x.strip() for x in section.text.split("\n") if x.strip().startswith("Ngày ký:")), None)
        if line and line in section.full_text():
            return [Draft(f"Mục đăng ký của kho ghi: {QUOTE}", [Source(m.number, section.path, line, text=line)])]
    return []


# What a question about a resolution's passing asks, and the words of the line that tells it.
_SESSION_CUES = ((SESSION_ASKED, ("kỳ họp", "Kỳ họp", "khóa")), (VOTES_ASKED, ("tán thành",)))


def _session(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """Where and how a resolution was passed (its session, the term of the assembly, the votes for it): the line of
    the document that tells it for each of these the question asks, as the registry's words when it is an entry."""
    lines = [(s, x.strip(" -")) for s in sections_below(ctx.tree(m.number)) for x in s.text.split("\n") if x.strip()]
    out: list[Draft] = []
    for asked, words in _SESSION_CUES:
        if not asked.search(ctx.query.folded):
            continue
        found = next(((s, x) for s, x in lines if any(w in x for w in words)), None)
        if found is None or any(found[1] in src.text for d in out for src in d.sources if src.text):
            continue
        section, line = found
        said = f"{_name(m)}: «{QUOTE}»" if m.full_text else f"Mục đăng ký của kho về {_name(m)} ghi: {QUOTE}"
        out.append(Draft(said, [Source(m.number, section.path, line, text=line, whole=True)]))
    return out


def _proposer(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """Whose proposal the document was issued on: its own "Theo đề nghị của …" line (a registry entry's summary
    of it, as the registry's words); nothing when the corpus does not show it."""
    said = next((x for x in sections_below(ctx.tree(m.number)) if "đề nghị của" in x.text), None)
    if said is None:
        return []
    if m.full_text:
        return [
            Draft(
                f"{_name(m)} ban hành theo đề nghị ghi trong văn bản: «{QUOTE}»",
                [Source(m.number, said.path, "đề nghị của")],
            )
        ]
    return [Draft(f"Mục đăng ký của kho ghi: {QUOTE}", [Source(m.number, said.path, "theo đề nghị của Bộ trưởng")])]


# A body that issues documents, as a question names it ("Bộ Nông nghiệp và Môi trường", "Chính phủ", "UBND tỉnh").
ISSUING_BODY = r"(?:bo [a-z ]{3,40}?|chinh phu|thu tuong(?: chinh phu)?|quoc hoi|ubnd tinh|uy ban nhan dan tinh)"
# "Bộ Nông nghiệp và Môi trường đã ban hành thông tư … chưa": who the question says issues the document it asks of.
# ("có phải do Bộ … ban hành không" asks who issued the one it names: its issuer answers that.)
_ISSUES = re.compile(rf"(?<!\bdo )\b({ISSUING_BODY}) (da )?ban hanh\b")


def _issued_by_other(folded: str, m: DocumentMeta) -> bool:
    """The question asks of a document another body issues than `m`'s issuer: the period's decision of the Prime
    Minister is not the ministry's guidance asked about."""
    said = _ISSUES.search(folded)
    return said is not None and said.group(1) not in fold(m.issuer or "").lower()


def _of_period(ctx: Context) -> list[DocumentMeta]:
    """Documents of the period the question names, narrowed by the level it names."""
    q, need = ctx.query, ctx.need
    of_period = [m for m in ctx.documents() if need.period and m.period == need.period]
    docs = [m for m in of_period if m.kind == "Quyết định"]
    if q.level in ("xã", "huyện"):
        docs = [m for m in docs if q.level in m.level] or docs
    elif q.level:
        # "Thị xã hoàn thành nhiệm vụ … giai đoạn 2021-2025 theo quyết định nào": the decision with a set for that
        # level (320's Phụ lục II), not every decision of the period.
        docs = [
            m for m in docs if any(q.level in c.level.split("/") for c in ctx.catalogue.for_document(m.number))
        ] or docs
    tier = re.search(r"\b(?:bo )?tieu chi(?: [a-z]+){0,5}? (nang cao|kieu mau)\b", q.folded)
    if tier and q.tier == {"nang cao": "nâng cao", "kieu mau": "kiểu mẫu"}[tier.group(1)]:
        # "Bộ tiêu chí xã NTM nâng cao 2018-2020": the document of the tier the set is named with, whatever its kind
        # (1345/BNN-VPĐP is a ministry's dispatch), not another tier's decision of the same period.
        docs = [m for m in of_period if q.tier in m.tier and (q.level or "xã") in m.level] or docs
    elif need.lists_documents and q.tier in ("nâng cao", "kiểu mẫu"):
        # "Văn bản nào hướng dẫn xã NTM nâng cao giai đoạn 2018-2020?": the documents issuing that tier's set for the
        # level, whatever their kind (1345/BNN-VPĐP is a ministry's dispatch).
        level = q.level or "xã"
        docs = [
            m
            for m in of_period
            if any(c.tier == q.tier and c.level == level for c in ctx.catalogue.for_document(m.number))
        ] or docs
    if re.search(r"\b(bo tieu chi|tieu chi)\b", q.folded):
        # "Quyết định ban hành Bộ tiêu chí … 2026-2030": of the period's decisions, the one issuing a set.
        docs = [m for m in docs if ctx.catalogue.for_document(m.number)] or docs
    return docs


# Facts only one document has: "văn bản nào quy định …, cơ quan nào ban hành, có hiệu lực từ khi nào" asks them of the
# document the subject names.
# ("Ông … ký văn bản nào", "mỗi quyết định ký ngày nào" ask of a signer's documents or of several: not this.)
_OWN_FACTS = frozenset({"issuer", "in_force"})
_SEVERAL = re.compile(r"\b(nhung|cac|moi|tung) (van ban|quyet dinh|nghi quyet|nghi dinh|cong van)\b")


def _found_by_subject(ctx: Context, of_period: list[DocumentMeta]) -> list[str]:
    """The document of the passage that best matches the question, when the question asks which document of the
    period it names says something, and that document's own facts. Without a period the best passage may be an
    earlier period's rule ("thu hồi quyết định công nhận" is 2540/QĐ-TTg's for 2016-2020, 18/2022/QĐ-TTg's since),
    and the registry does not record every such succession: then nothing is found."""
    top = next(iter(ctx.passages()), None)
    if top is None or ctx.meta(top.chunk.doc) is None or top.chunk.doc not in {d.number for d in of_period}:
        return []
    return [top.chunk.doc]


def _listing(head: str, docs: list[DocumentMeta], line, **kw) -> Candidate:
    """One candidate listing documents, a line each, each cited to its opening."""
    drafts = [Draft(head)]
    for m in docs:
        drafts.append(Draft(line(m), [Source(m.number, _opening(m), m.title or m.number)]))
    return Candidate(
        "documents", drafts, evidence=[_opening(m) for m in docs][:3], docs={m.number for m in docs}, prior=1.0, **kw
    )


def _period_list(ctx: Context, docs: list[DocumentMeta]) -> Candidate:
    def line(m: DocumentMeta) -> str:
        since = f"có hiệu lực từ {vn_date(m.in_force_from)}" if m.status == "in_force" and m.in_force_from else ""
        issued = f"ban hành {vn_date(m.issued)}" if m.issued else ""
        dates = ", ".join(d for d in (issued, since) if d)
        # A registry entry may lack a date and a title: said so, not printed as "()" and ": .".
        title = f": {m.title}." if m.title else f" (kho văn bản {NOT_RECORDED} tên chính thức)."
        return f"- {_name(m)}{f' ({dates})' if dates else ''}{title}"

    return _listing(
        f"Các văn bản giai đoạn {ctx.need.period} trong kho:",
        docs,
        line,
        covers={("period", ctx.need.period or "")} | {("doc", m.number) for m in docs},
        answers={"which", "list", "contents"},
        period=ctx.need.period,
        label=f"văn bản giai đoạn {ctx.need.period}",
    )


def _succession(ctx: Context) -> Candidate | None:
    """ "Các bộ tiêu chí xã đã thay nhau thế nào": the criteria decisions for the level, oldest first,
    each with what it replaced or amended (from the registry's relations)."""
    level = ctx.query.level if ctx.query.level in ("xã", "huyện") else "xã"
    docs = sorted(
        (m for m in ctx.documents() if m.kind == "Quyết định" and level in m.level and m.period),
        key=lambda m: m.issued or dt.date.min,
    )
    if len(docs) < 2:
        return None

    def line(m: DocumentMeta) -> str:
        relation = next((r for r in m.relations if r.type in ("replaces", "amends")), None)
        did = f"; {RELATION_WORDS[relation.type]} {relation.target}" if relation else ""
        return f"- {m.number} ({vn_date(m.issued) if m.issued else ''}), giai đoạn {m.period}{did}."

    return _listing(
        f"Các văn bản quy định bộ tiêu chí cấp {level} trong kho, theo thứ tự thời gian:",
        docs,
        line,
        covers={("doc", m.number) for m in docs} | {("level", level), ("topic", "history")},
        answers={"history", "amends", "list", "which"},
        label=f"các bộ tiêu chí cấp {level} qua các giai đoạn",
    )


def documents(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    if "history" in ctx.need.asks and not ctx.query.sets:
        succession = _succession(ctx)
        if succession is not None:
            out.append(succession)
    numbers = list(ctx.query.sets)
    docs: list[DocumentMeta] = []
    lead: list[Draft] = []
    if not numbers and ctx.need.period:
        docs = _of_period(ctx)
        if ctx.need.lists_documents and docs:
            out.append(_period_list(ctx, docs))
        if len(docs) == 1 and ctx.need.asks & FACT_ASKS and not _issued_by_other(ctx.query.folded, docs[0]):
            numbers = [docs[0].number]  # "quyết định ban hành bộ tiêu chí 2026-2030 do ai ký"
    if (
        not numbers
        and docs
        and ctx.need.lists_documents
        and ctx.need.asks & _OWN_FACTS
        and "who" not in ctx.need.asks
        and not ctx.need.missing
        and not _SEVERAL.search(ctx.query.folded)
    ):
        numbers = _found_by_subject(ctx, docs)
        # What the question says of it is what it was found by: that passage leads each fact asked.
        lead = next((c.drafts[:1] for c in passages(ctx) if numbers and c.label.startswith(numbers[0] + " ›")), [])
    if (
        not numbers
        and "amends" in ctx.need.asks
        and ctx.criteria_set is not None
        and re.search(r"\b(bo tieu chi|tieu chi)\b", ctx.query.folded)  # a set is what the question names
        # … and asks what changed it; "căn cứ văn bản nào" asks on what the answer rests, not the set's history.
        and re.search(
            r"\b(sua doi|bo sung|thay the|thay cho|thay bang|bi thay|duoc thay|thay doi|dieu chinh)\b", ctx.query.folded
        )
    ):
        numbers = [ctx.criteria_set.document]  # "bộ tiêu chí xã NTM nâng cao 2021-2025 thay cho văn bản nào"
    for number in numbers:
        m = ctx.meta(number)
        if m is None:
            continue
        name = _name(m)
        facts: list[tuple[str, list[Draft], set[str]]] = []
        if m.signer:
            title = signer_title(ctx.section(f"{m.number} › Phần kết"), m.signer)
            where = _holding(ctx, m, m.signer)
            if title is None and where is not None and (held := ctx.section(where)) is not None:
                # A registry entry has no signature block; its summary, the source cited, may name the office.
                title = _summary_title(held.text, m.signer)
            who = f"{title} {m.signer}" if title else m.signer
            facts.append(
                (
                    "who",
                    [Draft(f"{name} do {who} ký.", [Source(m.number, where, m.signer)] if where else [])],
                    {"who"},
                )
            )
        else:
            facts.append(("who", [Draft(f"Kho văn bản {NOT_RECORDED} người ký của {name}.")], {"who"}))
        issuer = m.issuer or NOT_RECORDED
        facts.append(
            ("issuer", [Draft(f"{name} do {issuer} ban hành.", [Source(m.number, _opening(m), issuer)])], {"issuer"})
        )
        if m.issued:
            day = f"ngày {m.issued.day:02d} tháng {m.issued.month}"
            facts.append(
                (
                    "when",
                    [Draft(f"{name} ban hành ngày {vn_date(m.issued)}.", [Source(m.number, _opening(m), day)])],
                    {"when"},
                )
            )
        else:
            facts.append(
                (
                    "when",
                    [Draft(f"Kho văn bản {NOT_RECORDED} ngày ban hành của {name}."), *_signed_line(ctx, m)],
                    {"when"},
                )
            )
        # Typed by its number (not found by its title): a fact asked of it that the corpus lacks is said to be lacking.
        typed = bool(rx(rf"\b{re.escape(m.number.split('/')[0])}\b").search(ctx.query.folded))
        numbered = bool(lead_number(m.number))
        if not numbered:
            # Its number asked ("nghị quyết về sắp xếp đơn vị hành chính cấp tỉnh … mang số hiệu bao nhiêu") of a
            # document the registry knows only by its title: said to be unrecorded. A numbered document's every fact
            # names its number.
            facts.append(("number", [Draft(f"Kho văn bản {NOT_RECORDED} số hiệu của {name}.")], {"number"}))
        facts.append(("fulltext", [full_text(m, name)], {"fulltext"}))
        effect = in_force(ctx, m)
        # A date of taking effect answers "từ ngày nào"; "not recorded" does not answer when it was issued.
        dated = not any(NOT_RECORDED in d.text for d in effect)
        facts.append(("in_force", effect, {"in_force", "when"} if dated else {"in_force"}))
        proposer = _proposer(ctx, m)
        if proposer:
            facts.append(("proposer", proposer, {"proposer"}))
        passed = _session(ctx, m) if "session" in ctx.need.asks else []
        if not passed and typed and "session" in ctx.need.asks:
            # Asked where it was passed and the corpus shows no line of it: said so, with who issued it.
            passed = [
                Draft(
                    f"Kho văn bản {NOT_RECORDED} kỳ họp hay kết quả biểu quyết thông qua {name}; văn bản do "
                    f"{m.issuer or NOT_RECORDED} ban hành.",
                    [Source(m.number, _opening(m), m.issuer or m.number)],
                )
            ]
        if passed:
            facts.append(("session", passed, {"session"}))
        grounds = basis(ctx, m)
        if not grounds and typed and "basis" in ctx.need.asks:
            # Asked on what it rests and the corpus holds no line of it: said so, never guessed.
            grounds = [
                Draft(f"Kho văn bản {NOT_RECORDED} căn cứ ban hành của {name}.", [Source(m.number, _opening(m))])
            ]
        if grounds:
            # "… ban hành căn cứ những văn bản nào": asked its grounds, they are the list of documents asked for.
            facts.append(("basis", grounds, {"basis", "list", "which"} if "basis" in ctx.need.asks else {"basis"}))
        to = _addressees(ctx, m)
        if to:
            facts.append(("to", to, {"to"}))
        facts.append(("status", status_on(ctx, m), {"status"}))
        # What a decision issues: its articles and annexes (the sets it issues among them).
        # (Named by number here or in the question a follow-up continues: "Hồ sơ thì gồm những gì?")
        before = rx(rf"\b{re.escape(m.number.split('/')[0])}\b").search(fold(ctx.query.context).lower())
        if ctx.need.procedure and not m.full_text and (typed or before):
            # "18/2022 quy định trình tự xét công nhận thế nào": a registry entry holds no steps; what it holds is
            # said after that, in place of its contents.
            facts.append(("procedure", procedure_not_held(ctx, m, name), {"procedure", "contents", "list"}))
        else:
            facts.append(("contents", _contents(ctx, m), {"contents", "definition", "list"}))
        rel = relations(ctx, m)
        if not rel and typed and "amends" in ctx.need.asks:
            rel = [
                Draft(
                    f"Kho văn bản {NOT_RECORDED} văn bản nào được {name} sửa đổi, thay thế hay bãi bỏ, cũng như "
                    f"văn bản nào sửa đổi, thay thế {name}.",
                    [Source(m.number, _opening(m))],
                )
            ]
        if rel:
            # "thay thế những văn bản nào": several relations are the list asked for.
            # (Asked more of it, "… bị văn bản nào thay thế, từ ngày nào", each part has its own answer.)
            asks = ctx.need.asks
            several = len(rel) >= 2 and "amends" in asks and asks <= {"amends", "which", "list", "status", "number"}
            facts.append(("amends", rel, {"amends", "list"} if several else {"amends"}))
        if shape := layout_drafts(ctx, m):  # "gồm mấy điều, có phụ lục không": counted only when asked
            facts.append(("layout", shape, {"count", "layout"}))
        order = ctx.need.ask_order
        asked = [f for f in facts if f[0] in ctx.need.asks or f[0] == "layout"]
        asked.sort(key=lambda f: order.get("count" if f[0] == "layout" else f[0], 999))
        if len(asked) >= 2:
            # "do cơ quan nào ban hành, ai ký, ngày nào?": one answer with every fact asked, in that order.
            combined = [d for _, drafts, _ in asked for d in drafts]
            facts.append(("+".join(f[0] for f in asked), combined, set().union(*(f[2] for f in asked))))
        base = {("doc", m.number)} | {("level", lv) for lv in m.level} | ({("period", m.period)} if m.period else set())
        # "QĐ 211 năm 2024 sửa đổi tiêu chí nào của 318?": the document the question says acts is the one whose
        # relations answer it, before the one acted on.
        # ("2540 có bị QĐ 18/2022 thay thế không": the one acted on is the subject; "bị" before the actor says so.)
        acts = rx(
            rf"(?<!\bbi )(?<!\bduoc )(?<!\bbi qd )(?<!\bbi quyet dinh )\b{re.escape(m.number.split('/')[0])}\b"
            r"[^?]{0,48}? (sua doi|bo sung|thay the)\b"
        ).search(ctx.query.folded)
        for fact, drafts, answers in facts:
            out.append(
                Candidate(
                    "documents",
                    lead + drafts if answers & ctx.need.asks else drafts,
                    covers=base | {("fact", fact)},
                    # Its sentence names the document: it answers "quyết định số mấy" too, with what else is asked.
                    answers=answers | {"which"} | ({"number"} if numbered and answers & ctx.need.asks else set()),
                    evidence=[src.path for d in drafts for src in d.sources][:2] or [_opening(m)],
                    docs={m.number},
                    period=m.period,
                    # The registry is the authority on a document's own facts when the question asks for them.
                    # Every fact asked in one answer goes before one fact that also answers them all ("đã ban hành
                    # và có hiệu lực chưa": the date of taking effect is a date, not the day it was issued).
                    prior=((1.05 if "+" in fact else 1.0) + (0.02 if "amends" in fact and acts else 0.0))
                    if answers & ctx.need.asks
                    else 0.4,
                    label=f"{m.number}: {fact}",
                    # Its contents list the document's parts (articles, annexes, the sets it issues).
                    counts=_PARTS if "contents" in fact else None,
                )
            )
    return out
