"""Document facts: kind, issuer, signer, date issued, date in force, what it issues or contains,
what it amends or replaces and what replaced it, its status on the as-of date. A fact the corpus
does not record is said to be unrecorded, never guessed."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft, Source
from assistant.format import vn_date
from corpus.model import DocumentMeta, Section

NOT_RECORDED = "chưa ghi nhận"
_RELATION_WORDS = {
    "amends": "sửa đổi, bổ sung",
    "replaces": "thay thế",
    "guides": "hướng dẫn",
    "forwards": "chuyển tiếp, triển khai",
    "implements": "triển khai thực hiện",
}


def _name(m: DocumentMeta) -> str:
    return f"{m.kind or 'Văn bản'} {m.number}"


def _opening(m: DocumentMeta) -> str:
    return f"{m.number} › Phần mở đầu"


def _sections(tree: Section | None) -> list[Section]:
    return tree.walk()[1:] if tree is not None else []


def _in_force(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """From the sentence of the document that says when it takes effect."""
    for s in _sections(ctx.tree(m.number)):
        hit = re.search(r"[^.\n]*hiệu lực[^.\n]*\.?", s.text)
        if hit is None or "Nguồn" in hit.group(0)[:8]:
            continue
        sentence = hit.group(0).strip()
        label = s.path.removeprefix(m.number + " › ")
        if re.search(r"kể từ ngày ký", sentence) and m.issued:
            text = f"{_name(m)} có hiệu lực thi hành kể từ ngày ký ban hành, tức từ ngày {vn_date(m.issued)} ({label})."
        else:
            date = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})|ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", sentence)
            if date is None:
                continue
            d, mth, y = (date.group(1), date.group(2), date.group(3)) if date.group(1) else date.group(4, 5, 6)
            text = f"{_name(m)} có hiệu lực thi hành từ ngày {int(d):02d}/{int(mth):02d}/{y} ({label})."
        return [Draft(text, [Source(m.number, s.path, "hiệu lực")])]
    return [Draft(f"Kho văn bản {NOT_RECORDED} ngày có hiệu lực của {_name(m)}.")]


def _status(ctx: Context, m: DocumentMeta) -> list[Draft]:
    on = ctx.as_of
    if m.status != "in_force" and m.status_from and m.status_from <= on:
        by = f" bởi {m.superseded_by}" if m.superseded_by else ""
        word = "bị thay thế" if m.status == "superseded" else "hết hiệu lực"
        text = f"Tính đến ngày {vn_date(on)}, {_name(m)} đã {word}{by} (từ ngày {vn_date(m.status_from)})."
        if m.period:
            text += f" Văn bản này vẫn là căn cứ cho các câu hỏi về giai đoạn {m.period}."
    elif m.issued and m.issued > on:
        text = f"Tính đến ngày {vn_date(on)}, {_name(m)} chưa được ban hành (ban hành ngày {vn_date(m.issued)})."
    else:
        text = f"Tính đến ngày {vn_date(on)}, kho văn bản ghi {_name(m)} còn hiệu lực."
    return [Draft(text, [Source(m.number, _opening(m), m.title or m.number)])]


def _contents(ctx: Context, m: DocumentMeta) -> list[Draft]:
    head = f"{_name(m)} ({vn_date(m.issued) if m.issued else 'ngày ban hành ' + NOT_RECORDED}): {m.title or ''}".rstrip()
    out = [Draft(head.rstrip(":") + ".", [Source(m.number, _opening(m), m.title or m.number)])]
    parts = [s for s in _sections(ctx.tree(m.number)) if len(s.labels) == 1 and s.kind not in ("preamble", "closing")]
    for s in parts[:8]:
        title = s.title or ""
        if not title:
            continue
        out.append(Draft(f"- {s.labels[0]}: {title.rstrip('.:')}.", [Source(m.number, s.path, title)]))
    if not m.full_text:
        out.append(Draft(f"Kho chỉ có mục đăng ký của {m.number} (không phải toàn văn)."))
    return out


def _relations(ctx: Context, m: DocumentMeta) -> list[Draft]:
    out: list[Draft] = []
    for r in m.relations:
        note = f" ({r.note})" if r.note else ""
        text = f"{_name(m)} {_RELATION_WORDS.get(r.type, r.type)} {r.target}{note}."
        out.append(Draft(text, [Source(m.number, _opening(m), r.target)]))
    for other in ctx.related(m.number):
        for r in other.relations:
            if r.target == m.number:
                text = f"{_name(m)} được {_RELATION_WORDS.get(r.type, r.type)} bởi {_name(other)}."
                out.append(Draft(text, [Source(other.number, _opening(other), m.number)]))
    if m.superseded_by and not any(m.superseded_by in d.text for d in out):
        when = f" từ ngày {vn_date(m.status_from)}" if m.status_from else ""
        out.append(Draft(f"{_name(m)} được thay thế bởi {m.superseded_by}{when}."))
    return out


def documents(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for number in ctx.query.sets:
        m = ctx.meta(number)
        if m is None:
            continue
        name = _name(m)
        facts: list[tuple[str, list[Draft], set[str]]] = []
        if m.signer:
            facts.append(("who", [Draft(f"{name} do {m.signer} ký.", [Source(m.number, f"{m.number} › Phần kết", m.signer)])], {"who"}))
        else:
            facts.append(("who", [Draft(f"Kho văn bản {NOT_RECORDED} người ký của {name}.")], {"who"}))
        issuer = m.issuer or NOT_RECORDED
        facts.append(("issuer", [Draft(f"{name} do {issuer} ban hành.", [Source(m.number, _opening(m), issuer)])], {"issuer"}))
        if m.issued:
            day = f"ngày {m.issued.day:02d} tháng {m.issued.month}"
            facts.append(
                ("when", [Draft(f"{name} ban hành ngày {vn_date(m.issued)}.", [Source(m.number, _opening(m), day)])], {"when"})
            )
        else:
            facts.append(("when", [Draft(f"Kho văn bản {NOT_RECORDED} ngày ban hành của {name}.")], {"when"}))
        facts.append(("in_force", _in_force(ctx, m), {"in_force", "when"}))
        facts.append(("status", _status(ctx, m), {"status"}))
        facts.append(("contents", _contents(ctx, m), {"contents", "which", "definition"}))
        rel = _relations(ctx, m)
        if rel:
            facts.append(("amends", rel, {"amends", "status"}))
        order = ctx.need.ask_order
        asked = [f for f in facts if f[0] in ctx.need.asks or (f[0] == "amends" and "amends" in ctx.need.asks)]
        asked.sort(key=lambda f: order.get(f[0], 999))
        if len(asked) >= 2:
            # "do cơ quan nào ban hành, ai ký, ngày nào?": one answer with every fact asked, in that order.
            combined = [d for _, drafts, _ in asked for d in drafts]
            facts.append(("+".join(f[0] for f in asked), combined, set().union(*(f[2] for f in asked))))
        for fact, drafts, answers in facts:
            out.append(
                Candidate(
                    "documents",
                    drafts,
                    covers={("doc", m.number), ("fact", fact)},
                    answers=answers,
                    evidence=[src.path for d in drafts for src in d.sources][:2] or [_opening(m)],
                    docs={m.number},
                    period=m.period,
                    prior=0.5,
                    label=f"{m.number}: {fact}",
                )
            )
    return out
