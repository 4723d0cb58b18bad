"""Questions across the registry ("văn bản nào trong kho …"): the documents one person signed, of one kind, that
amend or were replaced, whose period ended, that cite a number, the oldest or newest one, those whose number or
signer the corpus does not record. Every line comes from the registry's front-matter (or, for a citation, the
citing document's own text) and is cited to where it can be read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answerers.base import Candidate, Context, Draft, Source, document_name, opening
from assistant.answerers.documents import NOT_RECORDED, signer_title
from assistant.format import vn_date
from corpus.model import DocumentMeta
from corpus.normalize import fold

_KIND = r"(van ban|cong van|quyet dinh|nghi quyet|nghi dinh|thong tu)"
_KIND_NAMES = {
    "cong van": "Công văn",
    "quyet dinh": "Quyết định",
    "nghi quyet": "Nghị quyết",
    "nghi dinh": "Nghị định",
    "thong tu": "Thông tư",
}
# The question asks for documents, not for one document's fact: "những văn bản nào", "quyết định nào …",
# "có văn bản nào …", "ký (những) văn bản nào", "văn bản cũ nhất".
_WHICH = re.compile(
    rf"\b{_KIND}(?: [^\s?,.]+){{0,8}}? nao\b|\b(?:nhung|cac) {_KIND}\b|\b(?:cu|moi|som) nhat\b|\bgan day nhat\b"
)
_OLDEST = re.compile(r"\b(?:cu nhat|som nhat|dau tien)\b")
_NEWEST = re.compile(r"\b(?:moi nhat|gan day nhat|gan nhat)\b")
_CITES = re.compile(r"\b(?:dan chieu|vien dan|trich dan|can cu|dan)\b")
_NUMBER = re.compile(r"\b(\d{1,5}/(?:\d{4}/)?[a-z0-9&đ-]*[a-z][a-z0-9&đ-]*)")
_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


@dataclass
class _Filter:
    """One condition the question puts on the registry: what it keeps and how the answer says it."""

    keep: Callable[[DocumentMeta], bool]
    says: str  # "do Phạm Bình Minh ký"
    line: Callable[[DocumentMeta], str] | None = None  # what each listed line adds
    source: Callable[[DocumentMeta], Source] | None = None  # where the line is read, when not the opening
    asks: frozenset[str] = frozenset()  # the kinds of question it answers beyond "which"


def _kind_filter(f: str) -> tuple[_Filter | None, bool]:
    """ "… văn bản nào là công văn", "những nghị định nào …", "quyết định nào …" (not "văn bản", which is any);
    and whether the kind alone is what is asked ("văn bản nào là công văn", "trong kho có những nghị định nào")."""
    alone = re.search(rf"\b(?:van ban|nhung|cac) (?:[a-z]+ )?nao la (?:mot )?{_KIND}\b", f) or re.search(
        rf"\b(?:kho|he thong)\b.*\b(?:nhung|cac) {_KIND} nao\b", f
    )
    m = alone or re.search(rf"\b(?:nhung|cac) {_KIND}\b", f) or re.search(rf"\b{_KIND}(?: [^\s?,.]+){{0,8}}? nao\b", f)
    if m is None or m.group(1) == "van ban":
        return None, False
    kind = _KIND_NAMES[m.group(1)]
    return _Filter(lambda d: (d.kind or "") == kind, f"là {kind.lower()}"), bool(alone)


def _signer_filter(ctx: Context, f: str, metas: list[DocumentMeta]) -> _Filter | None:
    """A signer the registry records, named in full, with "ký": the documents they signed (and the office the
    signature block gives, else that the corpus does not record it)."""
    names = {m.signer for m in metas if m.signer and fold(m.signer).lower() in f}
    if len(names) != 1 or not re.search(r"\b(ky|dung ten)\b", f):
        return None
    name = names.pop()

    def line(m: DocumentMeta) -> str:
        office = signer_title(ctx.section(f"{m.number} › Phần kết"), name)
        return f"ký với chức danh {office}" if office else f"kho văn bản {NOT_RECORDED} chức danh người ký"

    asks_office = re.search(r"\b(chuc danh|chuc vu|cuong vi)\b", f)
    return _Filter(lambda d: d.signer == name, f"do {name} ký", line if asks_office else None, asks=frozenset({"who"}))


def _relation_filters(ctx: Context, f: str) -> list[_Filter]:
    """What the registry says a document did or had done to it, asked of no document in particular."""
    out: list[_Filter] = []
    if re.search(r"\bsua doi\b", f) and not re.search(r"\bbi sua doi\b", f):
        out.append(
            _Filter(
                lambda d: any(r.type == "amends" for r in d.relations),
                "sửa đổi, bổ sung văn bản khác",
                lambda d: "sửa đổi, bổ sung " + ", ".join(r.target for r in d.relations if r.type == "amends"),
                asks=frozenset({"amends"}),
            )
        )
    if re.search(r"\b(bi thay the|het hieu luc|khong con hieu luc)\b", f):
        day = _DATE.search(f)
        since = dt.date(int(day.group(3)), int(day.group(2)), int(day.group(1))) if day else None
        says = "đã bị thay thế" + (f" từ ngày {vn_date(since)}" if since else "")
        out.append(
            _Filter(
                lambda d: d.status == "superseded" and (since is None or d.status_from == since),
                says,
                lambda d: (
                    f"thay thế bởi {d.superseded_by or '(không ghi)'}"
                    + (f" từ {vn_date(d.status_from)}" if d.status_from else "")
                ),
                asks=frozenset({"status", "amends"}),
            )
        )
    if re.search(r"\bhet giai doan\b|\bgiai doan (?:ap dung )?(?:da )?ket thuc\b", f) and re.search(
        r"\bkhong bi thay the\b|\bchi het\b|\bhet giai doan\b", f
    ):
        out.append(
            _Filter(
                lambda d: d.status == "period_ended",
                "hết giai đoạn áp dụng (không bị thay thế hay bãi bỏ)",
                lambda d: (
                    f"giai đoạn áp dụng kết thúc, trạng thái từ {vn_date(d.status_from)}"
                    if d.status_from
                    else "giai đoạn áp dụng kết thúc"
                ),
                asks=frozenset({"status"}),
            )
        )
    if re.search(r"\b(khong|chua) (ghi|co) (duoc )?so hieu\b", f):
        out.append(_Filter(lambda d: not re.search(r"\d+/", d.number), f"mà kho {NOT_RECORDED} số hiệu"))
    if re.search(r"\b(khong|chua) (ghi|co) (nhan )?(duoc )?nguoi ky\b", f):
        out.append(_Filter(lambda d: not d.signer, f"mà kho {NOT_RECORDED} người ký"))
    if re.search(r"\bnguoi ky\b", f) and re.search(r"\b(khac nhau|chua thong nhat|mau thuan|chua doi chieu)\b", f):
        out.append(
            _Filter(
                lambda d: any(fold(x).lower().startswith("nguoi ky") for x in d.disputes),
                "có thông tin người ký mà các nguồn ghi khác nhau",
                lambda d: next(x for x in d.disputes if fold(x).lower().startswith("nguoi ky")).rstrip("."),
                asks=frozenset({"who", "compare"}),
            )
        )
    return out


def _cited(ctx: Context, f: str, metas: list[DocumentMeta]) -> _Filter | None:
    """ "Văn bản nào dẫn chiếu / có căn cứ dẫn Quyết định 2540/QĐ-TTg": the documents whose own text names that
    number (held or not), cited at the section that names it. A registry entry's notes are not its text."""
    if not _CITES.search(f):
        return None
    numbers = [n for n in _NUMBER.findall(f) if not _DATE.fullmatch(n)]
    if len(numbers) != 1:
        return None
    wanted = numbers[0]
    where: dict[str, Source] = {}
    for m in metas:
        if not m.full_text or fold(m.number).lower() == wanted:
            continue
        tree = ctx.tree(m.number)
        for s in tree.walk()[1:] if tree is not None else []:
            if wanted in fold(s.text).lower():
                hit = next(line for line in s.text.splitlines() if wanted in fold(line).lower())
                where[m.number] = Source(m.number, s.path, hit.strip()[:120])
                break
    typed = next((n for n in re.findall(r"\S+", ctx.text) if fold(n).lower().strip(".,?;:()") == wanted), wanted)
    says = f"dẫn chiếu {typed.strip('.,?;:()')}"
    return _Filter(lambda d: d.number in where, says, None, lambda d: where[d.number], frozenset({"cites", "basis"}))


def list_documents(ctx: Context) -> list[Candidate]:
    f = fold(ctx.text).lower()
    if not _WHICH.search(f):
        return []
    metas = ctx.documents()
    filters: list[_Filter] = []
    cited = _cited(ctx, f, metas)
    if cited is not None:
        filters.append(cited)
    elif not ctx.query.sets:
        # Of no document in particular: a document the question names is asked about itself (its signer, what
        # amended it), which the document's own facts answer.
        filters += [x for x in (_signer_filter(ctx, f, metas),) if x is not None]
        filters += _relation_filters(ctx, f)
    oldest, newest = bool(_OLDEST.search(f)), bool(_NEWEST.search(f))
    kind, alone = _kind_filter(f)
    if not (filters or oldest or newest or alone) or (ctx.query.sets and cited is None):
        return []
    if kind is not None:
        filters.append(kind)
    docs = [m for m in metas if all(x.keep(m) for x in filters)]
    docs.sort(key=lambda m: m.issued or m.in_force_from or dt.date.max)
    says = " và ".join(x.says for x in filters)
    if oldest != newest:
        dated = [m for m in docs if m.issued]
        docs = dated[:1] if oldest else dated[-1:]
        which = "cũ nhất" if oldest else "mới nhất"
        head = f"Văn bản {which} trong kho{' ' + says if says else ''} (theo ngày ban hành kho ghi nhận):"
    elif docs:
        head = f"Các văn bản trong kho {says} ({len(docs)} văn bản):"
    else:
        head = f"Kho văn bản không có văn bản nào {says}."
    drafts = [Draft(head)]
    for m in docs:
        issued = f", ban hành {vn_date(m.issued)}" if m.issued else f", kho {NOT_RECORDED} ngày ban hành"
        extra = "; ".join(x.line(m) for x in filters if x.line is not None)
        title = f": {m.title}" if m.title else ""
        line = f"- {document_name(m)}{issued}{title}" + (f" ({extra})" if extra else "") + "."
        source = next((x.source(m) for x in filters if x.source is not None), None)
        drafts.append(Draft(line, [source or Source(m.number, opening(m), m.title or m.number)]))
    # The question's own context (a commune official's "của xã") says nothing against a registry-wide list.
    named = {("doc", n) for n in ctx.query.sets} | {a for a in ctx.need.atoms if a[0] in ("level", "province")}
    asks = {"which", "list", "count"} | {a for x in filters for a in x.asks} | ({"when"} if oldest or newest else set())
    return [
        Candidate(
            "documents",
            drafts,
            covers={("doc", m.number) for m in docs} | named,
            answers=asks,
            evidence=[opening(m) for m in docs][:3],
            docs={m.number for m in docs} | set(ctx.query.sets),
            prior=1.3,
            label=f"văn bản trong kho {says}".strip(),
            counts=frozenset({"van ban", "nghi quyet", "quyet dinh", "nghi dinh", "cong van"}),
        )
    ]
