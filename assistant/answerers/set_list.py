"""The national criteria sets the catalogue holds, listed or counted ("Có mấy bộ tiêu chí NTM?", "Liệt kê các bộ
tiêu chí xã NTM từ trước đến nay"), each with its document, period, size and status on the date asked about."""

from __future__ import annotations

import re

from assistant.answerers.base import Candidate, Context, Draft
from assistant.answerers.catalogue import annex_path, src
from assistant.format import vn_date
from corpus.criteria import CriteriaSet

# Several sets asked for: "các/những/mấy/bao nhiêu bộ tiêu chí", "liệt kê (các) bộ tiêu chí", "bộ tiêu chí nào …
# qua các giai đoạn". One set asked ("xã tôi áp dụng bộ tiêu chí nào") is the applicability card's.
_SETS_ASKED = re.compile(
    r"\b(?:cac|nhung|may|bao nhieu|bn) bo tieu chi\b"
    r"|\bliet ke (?:tat ca |toan bo |het )?(?:cac |nhung )?bo tieu chi\b"
    r"|\bbo tieu chi\b.{0,60}\b(?:qua cac|tung) (?:giai doan|thoi ky)\b"
    # "Bộ nào đang có hiệu lực?", "bộ tiêu chí nào đã hết hiệu lực": the sets by their status.
    r"|\bbo(?: tieu chi)? nao\b(?= (?:con|dang|da het|het|bi thay the)\b)"
)
# A set asked by what it applies to ("các bộ tiêu chí áp dụng cho xã tôi"): which applies is the card's question.
_APPLIES = re.compile(r"\b(ap dung|xet|cong nhan|danh gia)\b.{0,30}\b(xa|huyen|thi xa)\b.{0,15}\b(toi|minh|em|nay)\b")
_ENDED = re.compile(r"\b(het hieu luc|bi thay the|da thay the|khong con (hieu luc|ap dung))\b")
_CURRENT = re.compile(r"\b(con hieu luc|dang (co )?hieu luc|hien hanh|dang ap dung|hien nay)\b")


def _ended(ctx: Context, cset: CriteriaSet) -> bool:
    m = ctx.meta(cset.document)
    return m is not None and m.status != "in_force" and m.status_from is not None and m.status_from <= ctx.as_of


def _status(ctx: Context, cset: CriteriaSet) -> str:
    m = ctx.meta(cset.document)
    if m is None:
        return ""
    if _ended(ctx, cset):
        if m.status == "superseded" and m.superseded_by:
            return f"đã được thay thế bởi {m.superseded_by} từ {vn_date(m.status_from)}"
        return f"hết hiệu lực từ {vn_date(m.status_from)}"
    if m.in_force_from and m.in_force_from > ctx.as_of:
        return f"có hiệu lực từ {vn_date(m.in_force_from)}"
    return f"đang có hiệu lực ngày {vn_date(ctx.as_of)}"


def list_sets(ctx: Context) -> list[Candidate]:
    f = ctx.query.folded
    if not _SETS_ASKED.search(f) or _APPLIES.search(f) or ctx.query.sets:
        return []
    sets = [c for c in ctx.catalogue.sets.values() if not c.province]
    if ctx.query.level:
        sets = [c for c in sets if c.level == ctx.query.level]
    # "các bộ tiêu chí xã NTM" are the sets named so (not the advanced or model tiers); "NTM" alone names the programme.
    tier = "NTM" if ctx.query.tier == "đạt chuẩn" else ctx.query.tier
    if tier and (tier != "NTM" or ctx.query.level):
        sets = [c for c in sets if c.tier == tier]
    which = ""
    if _ENDED.search(f):
        sets, which = [c for c in sets if _ended(ctx, c)], f", đã hết hiệu lực ngày {vn_date(ctx.as_of)}"
    elif _CURRENT.search(f):
        sets, which = [c for c in sets if not _ended(ctx, c)], f", còn hiệu lực ngày {vn_date(ctx.as_of)}"
    if not sets:
        return []
    sets.sort(
        key=lambda c: (
            c.period,
            c.level,
            ["NTM", "nâng cao", "kiểu mẫu"].index(c.tier) if c.tier in ("NTM", "nâng cao", "kiểu mẫu") else 3,
        )
    )
    of = f" cấp {ctx.query.level}" if ctx.query.level else ""
    of += f" ({tier})" if tier and tier != "NTM" else ""
    drafts = [Draft(f"Kho văn bản có {len(sets)} bộ tiêu chí, quy định quốc gia về nông thôn mới{of}{which}:")]
    for c in sets:
        size = f"{len(c.criteria)} tiêu chí"
        n_ind = len(c.indicators())
        if c.declared_indicators and any(not x.indicators for x in c.criteria):
            n_ind = c.declared_indicators
        size += f", {n_ind} chỉ tiêu" if n_ind else ""
        where = f"{c.annex}, {c.document}" if c.annex else c.document
        status = _status(ctx, c)
        line = f"- Giai đoạn {c.period}: {c.title} ({where}): {size}" + (f"; {status}" if status else "") + "."
        drafts.append(Draft(line, src(c, annex_path(c), c.title)))
    named = {a for a in ctx.need.atoms if a[0] in ("level", "tier", "period")}
    return [
        Candidate(
            "criteria",
            drafts,
            covers={("doc", c.document) for c in sets} | named | {("topic", "overview")},
            # The sets in order are their history; filtered by their status, they say it.
            answers={"which", "list", "count", "history"} | ({"status"} if which else set()),
            evidence=[annex_path(c) for c in sets][:3],
            docs={c.document for c in sets},
            prior=1.2,
            label="các bộ tiêu chí trong kho",
            counts=frozenset({"bo", "bo tieu chi"}),
        )
    ]
