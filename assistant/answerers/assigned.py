"""What a named document assigns, and to whom ("theo QĐ 558 UBND tỉnh có trách nhiệm gì", "QĐ 491 giao bộ nào chủ
trì hướng dẫn"): the clauses of its articles that assign a task to the actor asked about, quoted."""

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
from corpus.model import Section
from corpus.normalize import fold, syllables

# The question asks who does what: a duty, a task given, who leads.
_ASKS_DUTY = re.compile(
    # ("hoàn thành nhiệm vụ xây dựng nông thôn mới" is what a thị xã is recognised for, no task given to anyone.)
    r"\b(trach nhiem|(?<!hoan thanh )nhiem vu(?! (xay dung|ntm|nong thon))"
    r"|giao (cho )?(ai|bo nao|co quan nao|nhung gi|gi|viec gi)|chu tri|phai lam gi"
    # "bộ nào chủ trì", not "đối chiếu bộ [tiêu chí] nào".
    r"|co quan nao|(bo|so) nao (chu tri|chiu trach nhiem|co trach nhiem|huong dan|la co quan)"
    r"|(ai|cap nao|co quan nao) (chiu trach nhiem|huong dan|ban hanh|xet|cong nhan|quy dinh)"
    r"|co (duoc )?(tham quyen|quyen)|tham quyen"
    # "giao UBND tỉnh quy định cụ thể mô hình gì": the actor named between "giao" and what it is given.
    r"|giao (cho )?(ubnd|uy ban nhan dan|chu tich|bo|so|cap)\b[^?]{0,60}\b(gi|nao))\b"
)
# Actors a question names, and how the documents write them.
_ACTORS: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (re.compile(p), re.compile(t))
    for p, t in [
        (
            r"\b(ubnd|uy ban nhan dan|chu tich)( cap)?( cac)? tinh\b|\bcap tinh\b|\btinh\b",
            r"\b(uy ban nhan dan|ubnd|chu tich uy ban nhan dan)( cap| cac)? tinh|\bcap tinh\b",
        ),
        (
            r"\b(ubnd|uy ban nhan dan)( cap)?( cac)? huyen\b|\bcap huyen\b",
            r"\b(uy ban nhan dan|ubnd)( cap| cac)? huyen|\bcap huyen\b",
        ),
        (
            r"\b(ubnd|uy ban nhan dan)( cap)?( cac)? xa\b|\bcap xa\b",
            r"\b(uy ban nhan dan|ubnd)( cap| cac)? xa|\bcap xa\b",
        ),
        (r"\bbo nong nghiep\b|\bbo nn\b", r"\bbo nong nghiep"),
        (r"\bcac bo\b|\bbo, nganh\b|\bbo nganh\b|\bbo nao\b", r"\bbo\b"),
        (r"\bso nong nghiep\b|\bso nao\b", r"\bso nong nghiep|\bso\b"),
        (r"\bvan phong dieu phoi\b", r"\bvan phong dieu phoi"),
    ]
]
# Words of assignment in a clause: a duty is given there.
_ASSIGNS = re.compile(
    r"\b(giao|chu tri|chiu trach nhiem|co trach nhiem|huong dan|chi dao|to chuc|xet|cong nhan"
    # "Ủy ban nhân dân các tỉnh … căn cứ khung tiêu chí … để ban hành Bộ tiêu chí …" (1345's Mục 2).
    r"|de ban hanh)\b"
)


# The closing article every decision has ("… chịu trách nhiệm thi hành Quyết định này") assigns nothing particular.
_CLOSING = re.compile(r"\bchiu trach nhiem thi hanh\b")


def _clauses(tree: Section, full_text: bool = True) -> list[tuple[Section, str]]:
    """The articles' leaves (Điều, Khoản, Điểm) with the lead-in of the clause above them ("3. Ủy ban nhân dân các
    tỉnh …:" over its points), not the opening, the annexes or the closing article; a dispatch's body and items."""
    lead: dict[str, str] = {}
    out: list[tuple[Section, str]] = []
    sections = tree.walk()[1:]
    # A dispatch of one body, with neither articles nor numbered items, gives its tasks in that body ("Giao Sở Nông
    # nghiệp … chủ trì, phối hợp với …"); a registry entry's summary gives none in the document's words.
    articles = not full_text or any(s.labels and s.labels[0].startswith(("Điều", "Mục")) for s in sections)
    for s in sections:
        if s.children and s.labels and s.labels[0].startswith("Mục") and _ASSIGNS.search(fold(s.text or "").lower()):
            # A dispatch's item whose own words give the task before its points ("2. … Ủy ban nhân dân các tỉnh … căn
            # cứ khung tiêu chí … để ban hành Bộ tiêu chí …, bảo đảm: a) …"): the item, points and all.
            out.append((s, ""))
        if articles and not (s.labels and s.labels[0].startswith("Điều")):
            continue
        if not articles and s.labels and s.labels[0] == "Phần kết":
            continue
        for c in s.children:
            lead[c.path] = lead.get(s.path, "") + " " + (s.text or "")
        if not s.children and (s.text or "").strip() and not _CLOSING.search(fold(s.text).lower()):
            out.append((s, fold(lead.get(s.path, "")).lower()))
    return out


def lead_in(parent: Section | None) -> str:
    """ " (Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương)": whom the clause's lead-in gives its points to,
    when the point itself does not say ("b) Chỉ đạo tổ chức thực hiện, …, xét công nhận …")."""
    if parent is None or not parent.labels or not parent.labels[-1].startswith("Khoản"):
        return ""
    first = (parent.text or "").strip().split("\n")[0]
    first = re.sub(r"\[[^\]]*\]", "", re.sub(r"^\d+[.)]\s*", "", first)).strip().rstrip(":").strip()
    # A name ("Ủy ban nhân dân các tỉnh, …"), not a sentence of its own.
    return f" (giao {first})" if first and len(first) <= 100 and not first.endswith(".") else ""


def _set_documents(ctx: Context) -> list[str]:
    """The decisions of the national sets of the question's level and named period (318 for "xã … 2021-2025")."""
    period = ctx.need.period or ctx.query.period
    level, tier = ctx.query.level or "xã", ctx.query.tier or "NTM"
    if period is None:
        # "Chủ tịch UBND tỉnh công nhận xã NTM nâng cao à?": no period named, the latest decision of that level and
        # tier whose articles the corpus holds (a registry entry assigns nothing in the document's words). The level
        # is the unit recognised ("UBND huyện có quyền công nhận xã …": a commune's).
        if m := re.search(r"\b(?:cong nhan|cong bo)(?: dat chuan)? (xa|huyen)\b", ctx.query.folded):
            level = "xã" if m.group(1) == "xa" else "huyện"
        held = [
            c
            for c in ctx.catalogue.sets.values()
            if (c.level, c.tier) == (level, tier) and c.period and (meta := ctx.meta(c.document)) and meta.full_text
        ]
        return [max(held, key=lambda c: c.period).document] if held else []
    sets = [c for c in ctx.catalogue.sets.values() if (c.period, c.level, c.tier) == (period, level, tier)]
    return list(dict.fromkeys(c.document for c in sets))


def assigned(ctx: Context) -> list[Candidate]:
    q = ctx.query
    # "Giai đoạn 2021-2025, cơ quan nào xét công nhận xã đạt chuẩn NTM nâng cao?": no document named, the decision of
    # the set the question is about assigns it.
    numbers = list(q.sets) or (_set_documents(ctx) if "duty" in ctx.need.asks else [])
    # The decision of the set of the question's level, tier and period is about them, as that set's annex is.
    of_set = {a for a in ctx.need.atoms if a[0] in ("level", "tier", "period")} if not q.sets else set()
    # The kinds' duty cue ("bộ nào tổng hợp, báo cáo Thủ tướng") asks it too.
    if not numbers or not (_ASKS_DUTY.search(q.folded) or "duty" in ctx.need.asks):
        return []
    if "to" in ctx.need.asks and "duty" not in ctx.need.asks:
        return []  # "gửi những cơ quan nào": whom it is sent to, a fact of the document, not a task given
    actors = [text for asked, text in _ACTORS if asked.search(q.folded)]
    # "Theo CV 5766, UBND huyện phải làm gì": the level named is the actor's, which the duties given it cover.
    authorities = zip(("tỉnh", "huyện", "xã"), _ACTORS[:3], strict=True)
    levels = {level for level, (asked, _) in authorities if asked.search(q.folded)}
    of_actor = {a for a in ctx.need.atoms if a[0] == "level" and a[1] in levels}
    want = syllables(ctx.text) - QUESTION_WORDS
    recognises = not actors and re.search(r"\b(cong nhan|cong bo)\b", q.folded) is not None
    out: list[Candidate] = []
    recognising_seen = False  # a clause giving the act of recognition, picked or not
    for number in numbers:
        tree, meta = ctx.tree(number), ctx.meta(number)
        if tree is None or meta is None:
            continue
        scored: list[tuple[float, Section]] = []
        for s, above in _clauses(tree, meta.full_text):
            own = fold(s.full_text()).lower()
            text = f"{above} {own}"
            if not _ASSIGNS.search(text) or (actors and not any(a.search(text) for a in actors)):
                continue
            if recognises and not _RECOGNISING.search(text):
                continue  # who recognises is asked: a clause that recognises nothing does not answer it
            recognising_seen = recognising_seen or recognises
            shared = len(want & syllables(text)) / len(want) if want else 0.0
            # The actor as the clause's subject (at its start, or the lead-in's) is the one given the task; named
            # further on ("… thị xã trực thuộc cấp tỉnh") it is what the task is about.
            # (After an item's heading and the corpus's marks: "2. Bộ tiêu chí … của tỉnh: [chưa xác minh] Ủy ban
            # nhân dân các tỉnh … ban hành …".)
            body = re.sub(r"^[^:]{0,80}:\s*", "", re.sub(r"\[[^\]]*\]\s*", "", own))
            subject = any(a.search(own[:60]) or a.search(body[:60]) or a.search(above[-160:][:60]) for a in actors)
            # Who recognises asked, and no actor named ("… do ai công nhận?"): a clause led by an authority gives
            # that task; one of a decision's requirements ("1. Đạt chuẩn …, xét, công nhận …") gives none.
            led = recognises and any(
                t.search(own[:60]) or t.search(body[:60]) or t.search(above[-160:][:60]) for _, t in _ACTORS[:3]
            )
            scored.append((shared + (0.5 if subject else 0.0) + (0.3 if led else 0.0), s))
        scored.sort(key=lambda x: -x[0])
        # A clause clearly about the actor and the question's words; two when the next is nearly as good.
        picked = [s for score, s in scored[:2] if score >= max(0.35, scored[0][0] - 0.1)] if scored else []
        name = document_name(meta)
        # (Or the decision of the set the question names by its period: "ai hướng dẫn bộ tiêu chí 2026-2030".)
        if not picked and not meta.full_text and (number in q.sets or not q.sets):
            # "Chính phủ giao Bộ … làm gì trong QĐ 51/2025?": the corpus holds the registry's entry, not the
            # articles that assign tasks; said so, not answered with what a unit must do.
            out.append(
                Candidate(
                    "duties",
                    [
                        Draft(
                            f"Kho chỉ có mục đăng ký của {name} (không phải toàn văn), chưa có các điều khoản giao"
                            " nhiệm vụ của văn bản; cần đối chiếu văn bản chính thức.",
                            [Source(number, tree.path, number)],
                        )
                    ],
                    covers={("doc", number)} | of_set,
                    # ("giao UBND tỉnh những nhiệm vụ gì" asks what of its contents assigns tasks.)
                    answers={"duty", "todo", "contents"},
                    docs={number},
                    period=meta.period,
                    prior=1.0,
                    label=f"{number}: giao việc chưa có",
                )
            )
        if not picked:
            continue
        drafts = []
        parents = {x.path: x for x in tree.walk()}
        for s in picked:
            label = " ".join(x.split(" {")[0] for x in reversed(s.labels))
            actor = lead_in(parents.get(s.parent_path or ""))
            drafts.append(
                Draft(f"Theo {label} {name}{actor}: «{QUOTE}»", [Source(number, s.path, ctx.text, whole=True)])
            )
        out.append(
            Candidate(
                "duties",
                drafts,
                covers={("doc", number)} | of_set | of_actor,
                answers={"duty", "todo", "contents", "which", "list"} | (ctx.need.asks & {"report", "procedure"}),
                lexical=lexical_cover(ctx.text, " ".join(s.full_text() for s in picked)),
                evidence=[s.path for s in picked],
                docs={number},
                period=meta.period,
                prior=0.9,
                label=f"{number}: giao việc",
            )
        )
    # (Only when no clause of those decisions gives it: one that scored too low is not "none".)
    if not out and recognises and not recognising_seen and (period := ctx.need.period or q.period) and not q.sets:
        out += _recognised_under(ctx, period, of_set, numbers)
    return out


# A clause that gives the act of recognition ("xét, công nhận", "công nhận và công bố"), not one that names units
# already recognised ("các xã đã được công nhận đạt chuẩn").
_RECOGNISING = re.compile(r"\b(xet,? cong nhan|cong nhan,? (va )?cong bo|quyet dinh cong nhan)\b")


def _recognised_under(ctx: Context, period: str, of_set: set, examined: list[str]) -> list[Candidate]:
    """Who recognised units in a period whose criteria decisions assign no recognition ("Ai công nhận xã đạt chuẩn NTM
    giai đoạn 2016-2020?"): the period's document on recognition, by its title, and that the corpus holds only its
    registry entry when so; never another period's clause."""
    out = []
    for meta in ctx.documents():
        if meta.period != period or not re.search(r"\bcong nhan\b", fold(meta.title or "").lower()):
            continue
        name = document_name(meta)
        held = (
            ""
            if meta.full_text
            else f" Kho chỉ có mục đăng ký của {name} (không phải toàn văn), chưa có điều khoản về thẩm quyền công"
            " nhận; cần đối chiếu văn bản chính thức."
        )
        out.append(
            Candidate(
                "duties",
                [
                    Draft(
                        f"Các điều khoản của {', '.join(examined)} trong kho không giao thẩm quyền công nhận; việc "
                        f"xét, công nhận giai đoạn {period} do {name} quy định: {meta.title}.{held}",
                        [Source(meta.number, opening(meta), meta.title or meta.number)],
                    )
                ],
                covers={("doc", meta.number)} | of_set,
                answers={"duty", "who", "which", "procedure"},
                docs={meta.number},
                period=meta.period,
                prior=0.9,
                label=f"{meta.number}: công nhận giai đoạn {period}",
            )
        )
    return out
