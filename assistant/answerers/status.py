"""A document's dates against the date asked about: when it took effect (from its own sentence), its status on that
date, and what became of it later when the question asks when it ended."""

from __future__ import annotations

import datetime as dt
import re

from assistant.answerers.base import Context, Draft, Source, sources
from assistant.answerers.base import document_name as _name
from assistant.answerers.base import opening as _opening
from assistant.dispatch import districts_note
from assistant.format import vn_date
from assistant.target_sets import DISTRICTS_END
from corpus.model import DocumentMeta, Section

NOT_RECORDED = "chưa ghi nhận"


def sections_below(tree: Section | None) -> list[Section]:
    """Every section of a document but its root."""
    return tree.walk()[1:] if tree is not None else []


def in_force(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """From the sentence of the document that says when it takes effect; a date the question states that is
    the day it ceased ("QĐ 342 có hiệu lực từ 01/12/2016, đúng không?") is said to be that day."""
    drafts = _took_effect(ctx, m)
    stated = stated_dates(ctx.query.text)
    if m.status_from and m.status_from in stated and m.status != "in_force":
        what = f"bị thay thế bởi {m.superseded_by}" if m.status == "superseded" and m.superseded_by else "hết hiệu lực"
        if m.status == "period_ended":
            what = f"giai đoạn {m.period or 'của văn bản'} kết thúc"
        note = f"Ngày {vn_date(m.status_from)} là ngày {_name(m)} {what}, không phải ngày văn bản có hiệu lực."
        drafts.append(Draft(note, [Source(m.number, _opening(m), m.title or m.number)]))
    return drafts


def stated_dates(text: str) -> set[dt.date]:
    """The dates a question writes ("01/12/2016"); one no calendar has ("31/02/2020") is none."""
    out = set()
    for d, mo, y in re.findall(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text):
        try:
            out.add(dt.date(int(y), int(mo), int(d)))
        except ValueError:
            continue
    return out


def _took_effect(ctx: Context, m: DocumentMeta) -> list[Draft]:
    for s in sections_below(ctx.tree(m.number)):
        if "hiệu lực" not in s.text:
            continue  # the sentence search below backtracks over every line of a long annex
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
    if m.in_force_from:
        # No article of the text says it (a registry entry): the entry's recorded date, cited to it.
        text = f"{_name(m)} có hiệu lực thi hành từ ngày {vn_date(m.in_force_from)} (theo mục đăng ký trong kho)."
        return [Draft(text, [Source(m.number, _opening(m), m.title or m.number)])]
    return [Draft(f"Kho văn bản {NOT_RECORDED} ngày có hiệu lực của {_name(m)}.")]


def status_on(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """What the registry says of the document on the date asked about: in force, not yet in force, replaced or its
    period ended (and what answers the current period instead)."""
    on = ctx.as_of
    if m.status == "period_ended" and m.status_from and m.status_from <= on:
        text = (
            f"Tính đến ngày {vn_date(on)}, {_name(m)} thuộc giai đoạn {m.period or 'trước'} đã kết thúc "
            f"(từ ngày {vn_date(m.status_from)}); văn bản không bị thay thế hay bãi bỏ, chỉ còn là căn cứ "
            f"cho các câu hỏi về giai đoạn {m.period or 'đó'}."
        )
    elif m.status != "in_force" and m.status_from and m.status_from <= on:
        by = f" bởi {m.superseded_by}" if m.superseded_by else ""
        word = "bị thay thế" if m.status == "superseded" else "hết hiệu lực"
        text = f"Tính đến ngày {vn_date(on)}, {_name(m)} đã {word}{by} (từ ngày {vn_date(m.status_from)})."
        if m.period:
            text += f" Văn bản này vẫn là căn cứ cho các câu hỏi về giai đoạn {m.period}."
    elif m.issued and m.issued > on:
        text = f"Tính đến ngày {vn_date(on)}, {_name(m)} chưa được ban hành (ban hành ngày {vn_date(m.issued)})."
    else:
        start = m.in_force_from
        if start and start > on:
            text = (
                f"Tính đến ngày {vn_date(on)}, {_name(m)} đã ban hành nhưng chưa có hiệu lực "
                f"(từ ngày {vn_date(start)})."
            )
        else:
            since = f" (có hiệu lực từ ngày {vn_date(start)})" if start else ""
            # "… còn hiệu lực không, áp dụng cho giai đoạn nào?": its period, where the registry gives one.
            period = f"; văn bản thuộc giai đoạn {m.period}" if m.period else ""
            text = f"Tính đến ngày {vn_date(on)}, kho văn bản ghi {_name(m)} còn hiệu lực{since}{period}."
            if _ASKS_END.search(ctx.query.folded):
                text += _later_status(m, on)
    out = [Draft(text, [Source(m.number, _opening(m), m.title or m.number)])]
    if m.status == "period_ended" and m.status_from and m.status_from <= on:
        # "… còn là căn cứ nữa không?": what the current period is answered from instead.
        now = [
            d
            for d in ctx.documents()
            if d.status == "in_force"
            and d.period
            and d.period != m.period
            and (d.in_force_from is None or d.in_force_from <= on)
            and ctx.catalogue.for_document(d.number)
        ]
        for d in now[:1]:
            since = f" (có hiệu lực từ {vn_date(d.in_force_from)})" if d.in_force_from else ""
            out.append(
                Draft(
                    f"Giai đoạn {d.period} áp dụng {_name(d)}{since}.",
                    [Source(d.number, _opening(d), d.title or d.number)],
                )
            )
    if m.level == ["huyện"] and on >= DISTRICTS_END:
        note = districts_note(on)
        out.append(Draft(note.text, sources(note.refs, note.text)))
    return out


# "… hết hiệu lực từ khi nào", "bị thay thế chưa": the question asks when the document ended, whatever date it is
# answered for.
_ASKS_END = re.compile(r"\b(het hieu luc|thoi hieu luc|bi thay|thay the|bai bo|den (khi nao|bao gio|ngay nao))\b")


def _later_status(m: DocumentMeta, on: dt.date) -> str:
    """What became of a document after the date asked about ("hồi năm 2015 QĐ 342 còn hiệu lực không, và hết hiệu
    lực từ khi nào"): the registry knows it today, and an answer as of 2015 that stops there hides it. Said only when
    the question asks when it ended: a question put in 2018 about the set then in force is not told its future."""
    if m.status == "in_force" or not m.status_from or m.status_from <= on:
        return ""
    day = vn_date(m.status_from)
    if m.status == "period_ended":
        return f" Giai đoạn {m.period or 'của văn bản'} kết thúc từ ngày {day}."
    if m.status == "superseded":
        by = f" bởi {m.superseded_by}" if m.superseded_by else ""
        return f" Từ ngày {day}, {_name(m)} bị thay thế{by}."
    return f" Từ ngày {day}, {_name(m)} hết hiệu lực."


def full_text(m: DocumentMeta, name: str) -> Draft:
    """Whether the corpus holds the document's whole text, and in which wording (see DESIGN: provenance)."""
    if not m.full_text:
        return Draft(
            f"Kho văn bản chưa có toàn văn {name}: chỉ có mục đăng ký tóm tắt từ nguồn công khai (không phải nguyên "
            "văn). Khi bản chính thức (PDF/DOCX) được nạp vào kho, kho sẽ có toàn văn."
        )
    if m.provenance == "official":
        return Draft(f"Kho văn bản có toàn văn {name}, theo bản chính thức đã nạp.")
    where = f" tại {m.source_url}" if m.source_url else ""
    return Draft(
        f"Kho văn bản có nội dung đầy đủ của {name} do biên soạn lại, chưa phải bản chính thức; cần đối chiếu văn bản "
        f"gốc{where}."
    )


def registry_points(ctx: Context, m: DocumentMeta, limit: int = 6) -> list[Draft]:
    """What a registry entry records as checked: its bullet points under "Nội dung …" (else under
    "Thông tin chung"), each without its source note and cited to the entry."""
    opening = ctx.section(_opening(m))
    if opening is None:
        return []
    blocks: dict[str, list[str]] = {}
    heading = ""
    for line in opening.text.splitlines():
        line = line.strip()
        if line.startswith("- "):
            blocks.setdefault(heading, []).append(line[2:])
        elif line.endswith(":") and not line.startswith("-"):
            heading = line.lower()
    general = next((v for k, v in blocks.items() if k.startswith("thông tin chung")), [])
    chosen = next((v for k, v in blocks.items() if k.startswith("nội dung")), None) or general
    if not m.title and chosen is not general:
        # An entry without a checked title: what its sources say the document is ("Chính phủ ban hành Nghị định …
        # quy định chuẩn nghèo đa chiều …") says what it is about, before what it holds.
        chosen = [p for p in general[:1] if m.number in p] + chosen
    out = []
    for point in chosen[:limit]:
        text = re.split(r"\s+Nguồn:", point)[0].strip()
        out.append(Draft(f"- {text}", [Source(m.number, _opening(m), text[:80])]))
    return out


def procedure_not_held(ctx: Context, m: DocumentMeta, name: str) -> list[Draft]:
    """A procedure asked of a document the corpus holds only as a registry entry ("18/2022 quy định trình tự xét
    công nhận thế nào"): the entry holds no steps, which is said first; then what it does record, as its words."""
    points = registry_points(ctx, m)
    head = f"Kho văn bản chưa có toàn văn {name} nên không có trình tự, thủ tục, hồ sơ theo văn bản gốc"
    if not points:
        return [Draft(head + "; cần đối chiếu văn bản chính thức.")]
    return [Draft(head + ". Mục đăng ký của kho ghi (tóm tắt từ nguồn công khai, không phải nguyên văn):"), *points]
