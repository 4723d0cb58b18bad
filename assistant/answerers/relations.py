"""What a document amends, replaces, guides or implements, and what did so to it: the relations the registry records,
the kinds the question names first, a kind it names and the registry does not record said to be unrecorded."""

from __future__ import annotations

import re

from assistant.answerers.base import QUOTE, Context, Draft, Source
from assistant.answerers.base import document_name as _name
from assistant.answerers.base import opening as _opening
from assistant.format import vn_date
from assistant.rx import rx
from corpus.model import DocumentMeta
from corpus.normalize import fold

RELATION_WORDS = {
    "amends": "sửa đổi, bổ sung",
    "replaces": "thay thế",
    "guides": "hướng dẫn",
    "forwards": "chuyển tiếp, triển khai",
    "implements": "triển khai thực hiện",
}
# The kind of relation a question asks about ("đã được sửa đổi chưa", "bị thay bằng văn bản nào").
_RELATION_CUES = {
    "amends": re.compile(r"\b(sua doi|bo sung|dinh chinh)\b"),
    # "sau này nó bị QĐ nào thay": "thay" alone, after what did it.
    "replaces": re.compile(
        r"\b(thay the|thay bang|thay cho|bai bo|het hieu luc|(thoi|ngung) (ap dung|hieu luc)|nao thay)\b"
    ),
    "guides": re.compile(r"\bhuong dan\b"),
    "implements": re.compile(r"\b(trien khai|can cu)\b"),
    # A province's dispatch forwarding a document is how it carries it out ("công văn nào triển khai CV 14").
    "forwards": re.compile(r"\b(chuyen|chuyen tiep|sao gui|trien khai)\b"),
}


def _dates(other: DocumentMeta, kind: str) -> str:
    """When the other document was issued (and took effect, for a replacement): the date a change counts from."""
    bits = [f"ban hành {vn_date(other.issued)}"] if other.issued else []
    if kind == "replaces" and other.in_force_from:
        bits.append(f"có hiệu lực từ {vn_date(other.in_force_from)}")
    return f" ({', '.join(bits)})" if bits else ""


def _later(ctx: Context, replacement: DocumentMeta | None, depth: int = 0) -> str:
    """ " 318/QĐ-TTg sau đó được thay thế bởi 51/2025/QĐ-TTg từ ngày 15/02/2026.": what replaced the replacement, to
    the document in force, so "1980 được thay bằng văn bản nào, và văn bản đó nay còn áp dụng không" is answered."""
    if replacement is None or not replacement.superseded_by or depth > 3:
        return ""
    when = f" từ ngày {vn_date(replacement.status_from)}" if replacement.status_from else ""
    nxt = ctx.meta(replacement.superseded_by)
    return f" {replacement.number} sau đó được thay thế bởi {replacement.superseded_by}{when}." + _later(
        ctx, nxt, depth + 1
    )


def _issuer_named(folded: str, meta: DocumentMeta) -> bool:
    """The question names the document's issuer as one who issues ("Chính phủ ban hành …"), not as part of another
    issuer's title ("Thủ tướng Chính phủ")."""
    issuer = fold(meta.issuer or "").lower()
    m = rx(rf"(\w+ )?\b{re.escape(issuer)}\b").search(folded) if issuer else None
    return m is not None and (m.group(1) or "").strip() not in _TITLE_ENDS


# The last word of a person's title before the body it heads: "Thủ tướng Chính phủ", "Bộ trưởng Bộ …", "Chủ tịch UBND".
_TITLE_ENDS = frozenset({"tuong", "truong", "tich"})


def relations(ctx: Context, m: DocumentMeta) -> list[Draft]:
    """What the document amends, replaces or implements and what did so to it, the kinds the question names
    first; a kind it names and the registry does not record is said to be unrecorded, not guessed."""
    found: list[tuple[str, Draft]] = []
    for r in m.relations:
        note = f" ({r.note})" if r.note else ""
        target = ctx.meta(r.target)
        # The target's date, so "chuyển tiếp công văn của trung ương ký ngày nào" is answered with it.
        day = f" ngày {vn_date(target.issued)}" if target is not None and target.issued else ""
        text = f"{_name(m)} {RELATION_WORDS.get(r.type, r.type)} {r.target}{day}{note}."
        if r.type != "replaces" and target is not None and target.superseded_by != m.number:
            # What it amends or carries out was replaced later: an amendment of 318 ends with 318.
            text += _later(ctx, target)
        cited = [Source(m.number, _opening(m), r.target)]
        if day:
            cited.append(Source(target.number, _opening(target), target.number))
        found.append((r.type, Draft(text, cited)))
    # "Chính phủ ban hành kế hoạch triển khai NQ 257 bằng văn bản nào": the related documents of the issuer the
    # question names come first (424/NQ-CP of the Government before 51/2025/QĐ-TTg of the Prime Minister).
    related = sorted(ctx.related(m.number), key=lambda other: not _issuer_named(ctx.query.folded, other))
    for other in related:
        for r in other.relations:
            if r.target == m.number:
                words = RELATION_WORDS.get(r.type, r.type)
                text = f"{_name(m)} được {words} bởi {_name(other)}{_dates(other, r.type)}."
                if r.type == "replaces":
                    text += _later(ctx, other)
                found.append((f"{r.type}-by", Draft(text, [Source(other.number, _opening(other), m.number)])))
    if m.superseded_by and not any(m.superseded_by in d.text for _, d in found):
        when = f" từ ngày {vn_date(m.status_from)}" if m.status_from else ""
        later = _later(ctx, ctx.meta(m.superseded_by)) if ctx.meta(m.superseded_by) else ""
        found.append(("replaces-by", Draft(f"{_name(m)} được thay thế bởi {m.superseded_by}{when}.{later}")))
    asked = [kind for kind, cue in _RELATION_CUES.items() if cue.search(ctx.query.folded)]
    if not asked:
        return [d for _, d in found]
    # "đã được sửa đổi chưa": what was done to it comes before what it did to others.
    first = [d for kind, d in found if kind in {f"{a}-by" for a in asked}]
    then = [d for kind, d in found if kind in asked]
    lead = re.escape(m.number.split("/")[0])
    # "QĐ 211 sửa đổi những quyết định nào? Các quyết định đó bị văn bản nào thay thế": the document acts, and what
    # replaced the ones it amended is told with them; nothing is asked of what was done to it.
    acts = rx(rf"\b{lead}\b([^?]{{0,32}}?) (sua|bo sung|thay)\b").search(ctx.query.folded)
    chained = any(" sau đó được thay thế bởi " in d.text for _, d in found)
    told = acts and not re.search(r"\b(bi|duoc)\b", acts.group(1)) and chained
    if not first and not told and re.search(r"\b(da|bi|duoc)\b[^?]*\b(chua|nao)\b", ctx.query.folded):
        words = " hoặc ".join(RELATION_WORDS[a] for a in asked)
        first = [Draft(f"Kho văn bản chưa ghi nhận văn bản nào {words} {_name(m)}.")]
        # What the document's own text says on it ("… có Công văn 6223/VPCP-NN về việc xây dựng quyết định sửa
        # đổi …; không thấy nguồn nào xác nhận …"), quoted as what it is.
        cue = _RELATION_CUES[asked[0]]
        tree = ctx.tree(m.number)
        said = next((x for x in (tree.walk()[1:] if tree else []) if cue.search(fold(x.text))), None)
        if said is not None:
            lead = "Mục đăng ký của kho ghi" if not m.full_text else f"{_name(m)} ghi"
            quote = QUOTE if not m.full_text else f"«{QUOTE}»"  # a registry line is not the decision's words
            hint = RELATION_WORDS[asked[0]]  # the sentence about the change, not the one repeating the title
            first.append(Draft(f"{lead}: {quote}", [Source(m.number, said.path, hint)]))
    if not first and not then:
        # "QĐ 1980 có sửa đổi QĐ 491 không?": no relation of the kind named, but one recorded with the other document
        # named (1980 replaced 491) answers it; none would read as if the registry recorded nothing between them.
        return _naming_first(ctx, m, [], found)
    # "QĐ 1980 thay thế quyết định nào?", "Nó thay thế văn bản nào?": what the document did is asked, before what
    # was later done to it.
    pointed = re.search(r"\b(?:no|van ban nay|quyet dinh nay)\b([^?]{0,32}?) (?:sua|bo sung|thay)\b", ctx.query.folded)
    doer = acts or pointed
    # ("QĐ 342 sửa đổi bộ 2009 bị thay thế bởi văn bản nào": what it did describes it; what was done to it is asked.)
    asked_after = re.match(r"(.*?)\b(nao|gi)\b", ctx.query.folded[doer.end() :]) if doer else None
    if then and doer and asked_after and not re.search(r"\b(bi|duoc)\b", doer.group(1) + asked_after.group(1)):
        return _naming_first(ctx, m, then + first, found)
    return _naming_first(ctx, m, first + then, found)


def _naming_first(ctx: Context, m: DocumentMeta, drafts: list[Draft], found: list[tuple[str, Draft]]) -> list[Draft]:
    """ "QĐ 319 có thay thế QĐ 691 không?", "QĐ 320 có sửa đổi QĐ 558 không?": a recorded relation with the other
    document the question itself names by number is what it asks, whatever its kind (320 replaced 558), before what
    was later done to the first (319 replaced by 51/2025). (A document of an earlier turn, or one a set's year names,
    is not asked about so.)"""
    others = [
        n for n in ctx.query.sets if n != m.number and re.search(rf"\b{re.escape(n.split('/')[0])}\b", ctx.query.folded)
    ]
    naming = [d for _, d in found if any(o in d.text.split(" sau đó ")[0] for o in others)]
    if drafts and not _WHETHER.search(ctx.query.folded):
        return drafts  # "Từ khi nào … QĐ 319 thay cho QĐ 691?": the kinds asked keep their order
    return naming + [d for d in drafts if d not in naming]


# "… có thay thế … không", "… đã sửa đổi … chưa", "… phải không": whether a relation holds.
_WHETHER = re.compile(r"\bco\b[^?]*\b(khong|chua)\b|\b(da|duoc|bi)\b[^?]*\bchua\b|\bphai khong\b")
