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
from assistant.rx import rx
from assistant.topic import asking_clause
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
# Everything the corpus holds ("trong kho có những văn bản nào", "kho có bao nhiêu văn bản", "liệt kê các văn bản").
_ALL = re.compile(
    rf"\bkho\b[^?]{{0,30}}\b(?:nhung|cac|bao nhieu|may|bn) {_KIND}(?: nao)?(?! [a-z]+ [a-z]+)"
    rf"|\b(?:bao nhieu|may|bn) {_KIND} (?:trong|cua|o) kho\b"
    r"|\bliet ke (?:tat ca |toan bo |het )?(?:cac |nhung )?van ban\b(?: (?:trong|cua) kho)?\s*[?.]?$"
)
_OLDEST = re.compile(r"\b(?:cu nhat|som nhat|dau tien)\b")
_NEWEST = re.compile(r"\b(?:moi nhat|gan day nhat|gan nhat)\b")
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
    m = (
        alone
        or re.search(rf"\b(?:nhung|cac) {_KIND}\b", f)
        or re.search(rf"\b{_KIND}(?: [^\s?,.]+){{0,8}}? nao\b", f)
        # "kho có bao nhiêu công văn" (not a preamble's "mấy công văn chỉ đạo … đã bị bãi bỏ").
        or (_ALL.search(f) and re.search(rf"\b(?:bao nhieu|may|bn) {_KIND}\b", f))
    )
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


_ISSUED_IN = re.compile(
    r"\b(?:(?:trong |vao )?thang (?P<month>\d{1,2})(?:/| nam )(?P<myear>\d{4})|nam (?P<year>\d{4}))"
    r"(?P<since> tro di| tro ve sau)?"
)
_ISSUING = re.compile(r"\b(ban hanh|(?<!dang )ky|thong qua)\b")  # "đăng ký" is no signing
_OFFICE = re.compile(
    r"\b(?:do )?(?:chinh )?(pho thu tuong|thu tuong|bo truong|thu truong|pho chu tich|chu tich)(?: truc tiep)? ky\b"
)
# ("những văn bản nào về nông thôn mới giai đoạn 2026-2030": about the programme in that period.)
_PERIOD = re.compile(
    r"\b(?:van ban|quyet dinh|nghi quyet)\b[^.?]{0,20}\b(?:cua|thuoc|cho|ve(?: nong thon moi| xay dung nong thon moi)?)"
    r" giai doan (\d{4})\s*-\s*(\d{4})\b"
)
_ISSUED_BY = {
    "quoc hoi": ("của Quốc hội", lambda i: i == "quoc hoi"),
    "thu tuong": ("của Thủ tướng Chính phủ", lambda i: i.startswith("thu tuong")),
    "chinh phu": ("của Chính phủ", lambda i: i == "chinh phu"),
}


def _dated_filters(ctx: Context, f: str) -> list[_Filter]:
    """When and by whom, beside another condition: "năm 2016 Thủ tướng ban hành những quyết định nào", "trong tháng
    12/2025 có những văn bản nào được ban hành", "văn bản của giai đoạn 2026-2030 … chưa ghi được ngày ban hành",
    "quyết định nào do chính Thủ tướng ký"."""
    out: list[_Filter] = []
    when = _ISSUED_IN.search(f)
    if when is not None and _ISSUING.search(f[max(0, when.start() - 60) : when.end() + 60]):
        year = int(when.group("myear") or when.group("year"))
        month = int(when.group("month")) if when.group("month") else None
        since = bool(when.group("since"))
        if month is not None and 1 <= month <= 12:
            start = dt.date(year, month, 1)
            end = dt.date.max if since else dt.date(year + month // 12, month % 12 + 1, 1)
            says = f"ban hành {'từ' if since else 'trong'} tháng {month}/{year}"
        else:
            start, end = dt.date(year, 1, 1), dt.date.max if since else dt.date(year + 1, 1, 1)
            says = f"ban hành {'từ' if since else 'trong'} năm {year}"
        out.append(_Filter(lambda d: d.issued is not None and start <= d.issued < end, says, asks=frozenset({"when"})))
    # "Ngày 08/3/2022 Thủ tướng ban hành những quyết định nào": documents issued on that day.
    on = re.search(r"(?<!hieu luc tu )(?<!hieu luc ke tu )\bngay (\d{1,2})/(\d{1,2})/(\d{4})\b", f)
    if on is not None and _ISSUING.search(f[on.end() : on.end() + 60]):
        try:
            issued_on = dt.date(int(on.group(3)), int(on.group(2)), int(on.group(1)))
        except ValueError:
            issued_on = None
        if issued_on is not None:
            out.append(
                _Filter(
                    lambda d: d.issued == issued_on, f"ban hành ngày {vn_date(issued_on)}", asks=frozenset({"when"})
                )
            )
    takes = re.search(r"\bco hieu luc (?:thi hanh )?(?:tu|ke tu) (?:ngay )?(\d{1,2})/(\d{1,2})/(\d{4})\b", f)
    if takes is not None:
        day = dt.date(int(takes.group(3)), int(takes.group(2)), int(takes.group(1)))
        out.append(
            _Filter(lambda d: d.in_force_from == day, f"có hiệu lực từ {vn_date(day)}", asks=frozenset({"in_force"}))
        )
    if re.search(
        r"\bkhong co hieu luc (ngay )?(tu )?ngay ky\b|\bhieu luc (tu|sau) (mot )?ngay khac\b|\bhieu luc sau ngay ky\b",
        f,
    ):
        out.append(
            _Filter(
                lambda d: d.in_force_from is not None and d.issued is not None and d.in_force_from != d.issued,
                "có hiệu lực từ một ngày khác ngày ký",
                lambda d: f"có hiệu lực từ {vn_date(d.in_force_from)}" if d.in_force_from else "",
                asks=frozenset({"in_force"}),
            )
        )
    if re.search(r"\b(quyet dinh|van ban)( [a-z]+){0,4} ban hanh (cac )?bo tieu chi\b", f) and out:
        out.append(_Filter(lambda d: bool(ctx.catalogue.for_document(d.number)), "ban hành bộ tiêu chí"))
    if re.search(r"\b(chua|khong) ghi (duoc |nhan )?ngay (ban hanh|ky)\b", f):
        out.append(
            _Filter(lambda d: d.issued is None, f"mà kho {NOT_RECORDED} ngày ban hành", asks=frozenset({"when"}))
        )
    period = _PERIOD.search(f)
    if period is not None:
        lo, hi = int(period.group(1)), int(period.group(2))

        def overlaps(d: DocumentMeta) -> bool:
            years = [int(y) for y in re.findall(r"\d{4}", d.period or "")]
            return len(years) == 2 and years[0] <= hi and lo <= years[1]

        out.append(_Filter(overlaps, f"thuộc giai đoạn {lo}-{hi}"))
    # "… thường do Phó Thủ tướng ký thay Thủ tướng. Có quyết định nào do chính Thủ tướng ký không": the last one named.
    office = ([*_OFFICE.finditer(f)] or [None])[-1]
    if office is not None and not any(fold(m.signer or "").lower() in f for m in ctx.documents() if m.signer):
        wanted = office.group(1)

        def signed_as(d: DocumentMeta) -> bool:
            title = signer_title(ctx.section(f"{d.number} › Phần kết"), d.signer) if d.signer else None
            return title is not None and fold(title).lower() == wanted

        def signer(d: DocumentMeta) -> str:
            return f"{d.signer} ký" if d.signer else ""

        office_name = signer_title_words(wanted)
        out.append(_Filter(signed_as, f"do {office_name} ký", signer, asks=frozenset({"who"})))
    issuer = re.search(r"\b(quoc hoi|thu tuong|chinh phu)(?: chinh phu)? (?:da )?(?:ban hanh|thong qua)\b", f)
    if issuer is not None and out:
        says, keep = _ISSUED_BY[issuer.group(1)]
        out.append(_Filter(lambda d: keep(fold(d.issuer or "").lower()), says, asks=frozenset({"issuer"})))
    return out


def signer_title_words(folded: str) -> str:
    """ "Thủ tướng" for "thu tuong": the office as the answer writes it."""
    words = {
        "pho thu tuong": "Phó Thủ tướng",
        "thu tuong": "Thủ tướng",
        "bo truong": "Bộ trưởng",
        "thu truong": "Thứ trưởng",
        "pho chu tich": "Phó Chủ tịch",
        "chu tich": "Chủ tịch",
    }
    return words[folded]


_RELATION_ASKED = {
    "guides": re.compile(r"\bhuong dan\b"),
    "implements": re.compile(r"\b(thu tuc|trien khai|thuc hien)\b"),
    "amends": re.compile(r"\bsua doi\b"),
    "replaces": re.compile(r"\bthay the\b"),
    # A province's dispatch forwarding a document is how it carries it out ("công văn nào triển khai CV 14").
    "forwards": re.compile(r"\b(chuyen|chuyen tiep|trien khai)\b"),
}
_RELATED_WHICH = re.compile(
    r"\b(?:van ban|quyet dinh|nghi quyet|nghi dinh|cong van)(?: [^\s?,.]+){0,8}? nao(?: [a-z]+){0,6}"
    r" (?:huong dan|quy dinh thu tuc|trien khai|sua doi|thay the|chuyen)\b"
)


def _typed(ctx: Context, f: str) -> list[str]:
    """The documents the question names by their number ("QĐ 318"), not by words the understanding maps to one
    ("quyết định sửa đổi" is no number)."""
    return [n for n in ctx.query.sets if rx(rf"(?<![\d/]){re.escape(n.split('/')[0])}\b").search(f)]


def _related(ctx: Context, f: str) -> _Filter | None:
    """ "Những văn bản nào trong kho hướng dẫn, quy định thủ tục theo hoặc sửa đổi QĐ 318 (không tính văn bản thay thế
    nó)": the documents whose registry relations point at the one named, of the relations asked."""
    typed = _typed(ctx, f)
    which = _RELATED_WHICH.search(f)
    if len(typed) != 1 or which is None or re.search(r"\bbi (?:\w+ )?\w+$", which.group(0)):
        # "những văn bản nào của giai đoạn trước bị thay thế": what the named one replaced, its own relations.
        return None
    target = typed[0]
    tail = f[which.start() :]
    kinds = {k for k, r in _RELATION_ASKED.items() if r.search(tail)}
    if re.search(r"\b(khong tinh|tru|ngoai)( [a-z]+){0,3} thay the\b", tail):
        kinds.discard("replaces")
    if not kinds:
        return None
    words = {"guides": "hướng dẫn", "implements": "triển khai thực hiện", "amends": "sửa đổi, bổ sung"}
    words |= {"replaces": "thay thế", "forwards": "chuyển tiếp"}

    def how(d: DocumentMeta) -> str:
        return ", ".join(words[r.type] for r in d.relations if r.target == target and r.type in kinds)

    says = " hoặc ".join(words[k] for k in sorted(kinds)) + f" {target}"
    keep = {m.number for m in ctx.related(target) if how(m)}
    return _Filter(lambda d: d.number in keep, says, how, asks=frozenset({"amends"}))


def _cited(ctx: Context, f: str, metas: list[DocumentMeta]) -> _Filter | None:
    """ "Văn bản nào dẫn chiếu / có căn cứ dẫn Quyết định 2540/QĐ-TTg": the documents whose own text names that
    number (held or not), cited at the section that names it. A registry entry's notes are not its text."""
    if "cites" not in ctx.need.asks:
        return None  # "342/QĐ-TTg được ban hành căn cứ quyết định nào" asks the named document's own bases
    numbers = [n for n in _NUMBER.findall(f) if not _DATE.fullmatch(n)]
    if len(numbers) != 1:
        return None
    wanted = numbers[0]
    where: dict[str, Source] = {}
    for m in metas:
        if fold(m.number).lower() == wanted:
            continue
        tree = ctx.tree(m.number)
        for s in tree.walk()[1:] if tree is not None else []:
            # A registry entry's notes mention numbers for many reasons ("chưa có nguồn cho thấy … thay thế 2540"):
            # only its summary of the document's bases ("Căn cứ ban hành: …") says the document cites one.
            hit = next(
                (
                    line
                    for line in s.text.splitlines()
                    if wanted in fold(line).lower() and (m.full_text or "can cu" in fold(line).lower())
                ),
                None,
            )
            if hit is not None:
                where[m.number] = Source(m.number, s.path, hit.strip()[:120])
                break
    typed = next((n for n in re.findall(r"\S+", ctx.text) if fold(n).lower().strip(".,?;:()") == wanted), wanted)
    says = f"dẫn chiếu {typed.strip('.,?;:()')}"

    def line(m: DocumentMeta) -> str:
        return "" if m.full_text else "theo tóm tắt căn cứ trong mục đăng ký của kho"

    keep = frozenset(where)
    return _Filter(lambda d: d.number in keep, says, line, lambda d: where[d.number], frozenset({"cites", "basis"}))


def list_documents(ctx: Context) -> list[Candidate]:
    f = fold(ctx.text).lower()
    everything = bool(_ALL.search(f))
    if not (_WHICH.search(f) or everything):
        return []
    metas = ctx.documents()
    filters: list[_Filter] = []
    cited = _cited(ctx, f, metas) or _related(ctx, f)
    if cited is not None:
        filters.append(cited)
    elif not _typed(ctx, f):
        # Of no document in particular: a document the question names is asked about itself (its signer, what
        # amended it), which the document's own facts answer.
        filters += [x for x in (_signer_filter(ctx, f, metas),) if x is not None]
        filters += _relation_filters(ctx, f)
        # A year in a preamble ("xã đạt chuẩn năm 2016, …") is the asker's history, not a date of issue asked.
        filters += _dated_filters(ctx, fold(asking_clause(ctx.text)).lower())
    oldest, newest = bool(_OLDEST.search(f)), bool(_NEWEST.search(f))
    kind, alone = _kind_filter(f)
    if not (filters or oldest or newest or alone or everything) or (_typed(ctx, f) and cited is None):
        return []
    if everything and not (filters or kind or oldest or newest):
        # The whole registry: which documents the corpus holds in full, which only as an entry on public sources.
        filters.append(_Filter(lambda d: True, "", line=lambda d: "" if d.full_text else "kho chỉ có mục đăng ký"))
    if kind is not None:
        filters.append(kind)
    docs = [m for m in metas if all(x.keep(m) for x in filters)]
    docs.sort(key=lambda m: m.issued or m.in_force_from or dt.date.max)
    says = ", ".join(x.says for x in filters if x.says)
    if oldest != newest:
        dated = [m for m in docs if m.issued]
        docs = dated[:1] if oldest else dated[-1:]
        which = "cũ nhất" if oldest else "mới nhất"
        head = f"Văn bản {which} trong kho{' ' + says if says else ''} (theo ngày ban hành kho ghi nhận):"
    elif docs:
        head = f"Các văn bản trong kho{' ' + says if says else ''} ({len(docs)} văn bản):"
    else:
        head = f"Kho văn bản {NOT_RECORDED} văn bản nào {says}."
    drafts = [Draft(head)]
    # "Liệt kê giúp số hiệu, cơ quan ban hành …", "văn bản nào kho ghi được tên người ký": what each line says.
    columns: list[Callable[[DocumentMeta], str]] = []
    if re.search(r"\b(co quan|ai) ban hanh\b", f):
        columns.append(lambda d: f"{d.issuer} ban hành" if d.issuer else f"kho {NOT_RECORDED} cơ quan ban hành")
    if re.search(r"\b(nguoi ky|ai ky|ten nguoi ky)\b", f) and not any("who" in x.asks for x in filters):
        columns.append(lambda d: f"người ký {d.signer}" if d.signer else f"kho {NOT_RECORDED} người ký")
    for m in docs:
        issued = f", ban hành {vn_date(m.issued)}" if m.issued else f", kho {NOT_RECORDED} ngày ban hành"
        said_by = [x.line(m) for x in filters if x.line is not None] + [c(m) for c in columns]
        extra = "; ".join(x for x in said_by if x)
        title = f": {m.title}" if m.title else ""
        line = f"- {document_name(m)}{issued}{title}" + (f" ({extra})" if extra else "") + "."
        source = next((x.source(m) for x in filters if x.source is not None), None)
        drafts.append(Draft(line, [source or Source(m.number, opening(m), m.title or m.number)]))
    # The question's own context (a commune official's "của xã") says nothing against a registry-wide list.
    undated = [m for m in metas if m.issued is None and all(x.keep(m) for x in filters if "when" not in x.asks)]
    if undated and any("when" in x.asks for x in filters) and len(docs) != len(undated):
        # A date asked of documents whose date the corpus does not record: named, not silently left out.
        drafts.append(
            Draft(
                f"Kho {NOT_RECORDED} ngày ban hành của: " + ", ".join(document_name(m) for m in undated) + ".",
                [Source(m.number, opening(m), m.title or m.number) for m in undated[:3]],
            )
        )
    named = {("doc", n) for n in ctx.query.sets} | {
        a for a in ctx.need.atoms if a[0] in ("level", "province", "period", "tier")
    }
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
