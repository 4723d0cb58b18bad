"""What a question asks for, beyond the entities `understand` reads: the kinds of question (who,
when, how many, which, threshold, what to do, …), every criterion and section it names, and the
documents it names that the corpus does not hold. The chooser scores candidates against this."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.criterion_names import criterion_key
from assistant.doc_numbers import display_number, lead_number, same_kind
from assistant.kinds import ASK_RE, MAP_CUES, MONEY, PROCEDURE_ASKED, WHERE, asked_figure, question_parts
from assistant.retrieve import quoted_phrases
from assistant.topic import QUESTION_WORD, asking_clause, marked_clause, sentences, without_purpose
from assistant.understand import Query, normalise_question
from assistant.years import HELD_TO, period_of
from corpus.normalize import fold, normalize_text


def _kind_of_code(code: str, before: str) -> str:
    """The kind of document an issuer's code says ("nđ-cp" a decree, "qh15" a law or a resolution)."""
    code = fold(code).lower()
    if code.startswith("qh"):
        return "Luật" if re.search(r"\bluat\b", before) else "Nghị quyết"
    prefixes = (("nd-", "Nghị định"), ("qd-", "Quyết định"), ("ttlt", "Thông tư liên tịch"), ("tt-", "Thông tư"))
    prefixes += (("nq-", "Nghị quyết"), ("ct-", "Chỉ thị"))
    return next((kind for p, kind in prefixes if code.startswith(p)), "Văn bản")


def _names_section(folded: str, name: str) -> bool:
    """The folded text names the section ("Điều 3", "Phụ lục II" written "phu luc 2" or "PL II")."""
    return any(_section_name(m.group(1), m.group(2)) == name for m in _SECTION.finditer(folded))


def _section_name(kind: str, label: str) -> str:
    """ "Phụ lục II" from the folded "phu luc", "ii"."""
    return f"{_LABEL[kind]} {_roman(label) if kind in ('phu luc', 'chuong', 'muc') else label}"


# Words that compare a figure or a criterion of two periods ("tăng hay giảm", "so với bộ cũ"; "hạ tầng" is no rise).
_COMPARING = re.compile(
    r"\b(so voi|so sanh|khac|(?<!ha )tang|giam|cao hon|thap hon|nhu (bo )?cu|giu nguyen|thay doi)\b"
)
_PERIOD = re.compile(r"\b(2010|2016|2021|2026)\s*-\s*(2015|2020|2025|2030)\b")
# "nghị quyết ấy", "quyết định đó", "văn bản này": pointing back at a document by its kind.
POINTED = re.compile(
    r"\b(quyet dinh|nghi quyet|nghi dinh|cong van|thong tu|van ban|quy dinh|huong dan|quy chuan|ke hoach|de an"
    r"|chi thi|thong bao|to trinh)"
    # "quyết định ban hành bộ tiêu chí đó": the decision that issued the set just named.
    r"(?: (?:ban hanh|phe duyet) (?:bo tieu chi|van ban|danh sach))? (do|ay|nay|tren|vua neu)\b"
)
# Words beside a bare number that make it a document's ("theo 2540", "2540 có hiệu lực", "417 phê duyệt").
_BARE_BEFORE = re.compile(r"(^|\b(theo|cua|tai|so|va)\s+)$")
_BARE_AFTER = re.compile(
    r"\s*(co hieu luc|hieu luc|con hieu luc|ky|ban hanh|quy dinh|do ai|la van ban|thay|sua|phe duyet|gom|noi|ghi)\b"
)
# "Nghị quyết sáp nhập tỉnh năm 2025 là nghị quyết số mấy?": the document of the 2025 map, whatever it is called.
_MERGED_PROVINCES = r"\b(sap nhap|sap xep|hop nhat) (cac )?(don vi hanh chinh |dvhc )?(cap )?tinh\b"
MAP_DOCUMENT = re.compile(
    rf"\b(nghi quyet|van ban|quyet dinh)\b.*{_MERGED_PROVINCES}|{_MERGED_PROVINCES}.*\b(nghi quyet|van ban)\b"
)

_CRITERIA = re.compile(
    r"\btieu chi\s*(?:so\s*)?(\d{1,2}(?:\s*(?:,|va|hoac|den|-)\s*(?:tieu chi\s*)?(?:so\s*)?\d{1,2})*)\b(?!\.\d)"
)
_SECTION = re.compile(
    r"\b(dieu|khoan|muc|phu luc|diem|chuong)\s+(?:so\s+)?([0-9]{1,3}|[ivx]{1,5}(?![a-z])|[a-dđ](?=\s|$|\W))(?![./]\d)"
)
_KINDS = (
    r"(thong tu lien tich|thong tu|ttlt|nghi dinh|quyet dinh|nghi quyet|cong van|chi thi|huong dan|ke hoach"
    r"|thong bao|luat|qd|nd|tt|nq|cv)"
)
# "Thông tư 41/2013/TT-BNNPTNT", "Nghị định số 27/2022/NĐ-CP", "Quyết định 18/2022/QĐ-TTg", "QĐ 800/QĐ-TTg".
_DOC_REF = re.compile(
    r"\b" + _KINDS + r"\.?\s*(?:so\s*)?(\d{1,5}(?:-[a-z]+)?)(?:\s*/\s*(\d{4}))?(?:\s*/\s*([a-z][a-z0-9&\-]*))?", re.I
)
_LABEL = {"dieu": "Điều", "khoan": "Khoản", "muc": "Mục", "phu luc": "Phụ lục", "diem": "Điểm", "chuong": "Chương"}
_DOC_KIND = {
    "thong tu lien tich": "Thông tư liên tịch",
    "ttlt": "Thông tư liên tịch",
    "thong tu": "Thông tư",
    "nghi dinh": "Nghị định",
    "quyet dinh": "Quyết định",
    "nghi quyet": "Nghị quyết",
    "cong van": "Công văn",
    "chi thi": "Chỉ thị",
    "huong dan": "Hướng dẫn",
    "ke hoach": "Kế hoạch",
    "thong bao": "Thông báo",
    "luat": "Luật",
    "qd": "Quyết định",
    "nd": "Nghị định",
    "tt": "Thông tư",
    "nq": "Nghị quyết",
    "cv": "Công văn",
}


@dataclass
class DocRef:
    """A document the question names: its kind in words and its number as typed (folded)."""

    kind: str
    number: str  # "41", "41/2013", "41/2013/tt-bnnptnt"

    @property
    def display(self) -> str:
        return display_number(self.kind, self.number)


@dataclass
class Need:
    """What the question asks: kinds of question, atoms (entities) to cover, documents not held."""

    asks: set[str] = field(default_factory=set)
    ask_order: dict[str, int] = field(default_factory=dict)  # where each kind is asked, to answer in that order
    counted: str | None = None  # what "bao nhiêu …" counts ("tieu chi", "nhom", "lan")
    listed: str | None = None  # what "những … nào" lists ("bo tieu chi", "nhiem vu chung")
    atoms: set[tuple[str, str]] = field(default_factory=set)
    criteria: list[int] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # "Điều 2", "Phụ lục II", "Mục 6"
    refs: list[DocRef] = field(default_factory=list)
    missing: list[DocRef] = field(default_factory=list)  # named documents the corpus does not hold
    # Every document not held is named only beside the question ("… theo Quyết định 33/2020. Còn giai đoạn
    # 2026-2030 thì theo văn bản nào?"): what is asked may still be answered, after saying what is lacking.
    missing_aside: bool = False
    # A held document is named in the asking clause too (not only in a preamble beside the one lacking).
    held_asked: bool = False
    # Numbers typed that the corpus lacks but that mean a held document ("272/2025/QĐ-TTg" for 272/2025/NĐ-CP):
    # (the number as typed, the held document's number).
    near: list[tuple[str, str]] = field(default_factory=list)
    period: str | None = None  # a programme period the question names or implies (2026-2030, …)
    groups: list[int] = field(default_factory=list)  # commune groups (nhóm 1/2/3) of 2026-2030
    issued_year: int | None = None  # "bộ tiêu chí ban hành năm 2009": the document issued that year
    lists_documents: bool = False  # "những văn bản nào quy định …"
    money: bool = False  # "được hỗ trợ bao nhiêu tiền", "tiền thưởng", "kinh phí": an amount of money is asked
    figure: str | None = None  # the unit of a figure the asking clause asks ("%", "money", "area"): kinds.asked_figure
    procedure: bool = False  # the asking clause asks a procedure (a preamble's "chuẩn bị hồ sơ" does not)
    # Two or more programme periods named ("bộ 2016-2020 … sang bộ 2021-2025"): each set's figure is asked.
    periods: list[str] = field(default_factory=list)
    # Which criteria set a unit is held to, in so many words ("bộ tiêu chí nào", "giữ chuẩn theo"), not which rule
    # of any kind ("tuyển sinh theo quy định nào").
    criteria_set_asked: bool = False
    # The preamble names a criterion of one period's set and the question asks which criterion of another holds it:
    # the criteria it names are context, not what is asked.
    crosswalk: bool = False
    # Two tiers' sets named ("tiêu chí 15 trong bộ xã NTM và tiêu chí 15 trong bộ xã NTM nâng cao"): each is asked.
    tiers: list[str] = field(default_factory=list)


def _roman(label: str) -> str:
    return label.upper() if re.fullmatch(r"[ivx]+", label) else label


def _cited_only(asking: str, number: str) -> bool:
    """ "Văn bản nào trong kho dẫn chiếu Nghị quyết 100/2015/QH13", "QĐ 800/QĐ-TTg được những văn bản nào lấy làm căn
    cứ": the number is what the documents asked for cite, not the document asked about."""
    return bool(lead_number(number)) and bool(ASK_RE["cites"].search(asking))


# A programme period the question names ("giai đoạn 2026-2030").
_PERIOD_NAMED = re.compile(r"\b(giai doan|thoi ky)\s*(19|20)\d\d\s*-\s*(19|20)\d\d\b")


# "năm 2019": a year the question names.
_YEAR_NAMED = re.compile(r"\bnam ((?:19|20)\d\d)\b")


def _periods_of(years: list[str]) -> list[str]:
    """The programme periods of the years named, in order, when they are two or more; else none."""
    periods = list(dict.fromkeys(period_of(int(y)) for y in years))
    return periods if len(periods) > 1 else []


# "được thay bằng bộ tiêu chí nào", "bị thay thế bởi văn bản nào": what replaced a document. ("Còn đánh giá theo QĐ
# 320 nữa không, hay thay bằng bộ nào" asks the set to meet now.)
_REPLACED_BY = re.compile(
    r"\b(duoc|bi) thay( the)?( bang| boi)? (bo tieu chi|bo|van ban|quyet dinh|thong tu|nghi dinh)( [a-z]+){0,2} nao\b"
)


def read_need(query: Query, known: Callable[[str], str | None]) -> Need:
    """Read the question's needs. `known(number_text) -> canonical number | None` tells which
    documents the corpus holds (the registry's lookup, with the short forms people type)."""
    f = query.folded
    need = Need()
    # "Tôi là …, xã đang phấn đấu … Xin cho hỏi điều kiện … quy định thế nào?": after an explicit "xin hỏi" the
    # preamble's words ("phấn đấu", "rà soát") are not what is asked.
    clause = marked_clause(query.text)
    asked = normalise_question(clause) if clause is not None and clause != query.text else without_purpose(f)
    if not any(r.search(asked) for r in ASK_RE.values()):
        asked = f  # the clause asks in words none of the kinds knows: read the whole question
    for k, r in ASK_RE.items():
        m = r.search(asked)
        if m:
            need.asks.add(k)
            need.ask_order[k] = m.start()
    if "amends" in need.asks and _REPLACED_BY.search(asked) and query.recognition_year is None:
        # "… nay đã được thay bằng bộ tiêu chí nào?": the set asked is what replaced the document, its amendment,
        # not the set a unit must meet now (which a unit recognised in a year asks: "huyện đạt chuẩn năm 2022 …
        # còn đánh giá theo QĐ 320 nữa không, hay thay bằng bộ nào").
        need.asks -= {"set", "todo"}
    need.criteria_set_asked = "set" in need.asks and bool(
        re.search(r"\bbo( tieu chi)?( [a-z]+){0,2} (nao|khac)\b|\bgiu chuan\b|\btheo bo\b|" + HELD_TO, asked)
    )
    # "nằm ở phụ lục mấy": where, not a count; what else the question counts is counted without it.
    counted = re.search(r"\b(?:bao nhieu|may)\s+([a-z]+(?: (?:chi|tieu|xa|huyen|luc))?)", WHERE.sub(" ", f))
    if "count" in need.asks and re.search(r"\b(gap|cao hon|tang) (bao nhieu|may) lan\b", f):
        # "thu nhập phải gấp mấy lần": a ratio, a figure, not a count of times.
        need.asks.discard("count")
        need.asks.add("threshold")
    elif counted and "count" in need.asks:
        need.counted = counted.group(1)
        if not re.match(
            r"(tieu chi|chi tieu|nhom|tieu|phu luc|dieu|chuong|noi dung|lan|buoc|hang|muc|phan|loai|van ban|thang|nam"
            r"|ngay|tinh|xa|huyen)",
            need.counted,
        ):
            # "… là bao nhiêu", "bao nhiêu triệu": a figure, not a count of items.
            need.asks.discard("count")
            need.asks.add("threshold")
            need.counted = None
    elif "count" in need.asks and re.search(
        # "… là bao nhiêu", "phải dưới mức bao nhiêu", "tối đa bao nhiêu": a figure, not a count.
        r"\b(la|o muc|dat|(duoi|tren) muc|toi da|toi thieu|khong qua|khong vuot qua) (bao nhieu|may)\b",
        f,
    ):
        # "Tổng số chỉ tiêu của … là bao nhiêu": the number of indicators is a count.
        numbered = re.search(r"\b(?:tong )?so (?:luong )?(tieu chi|chi tieu)\b", f)
        if numbered is not None:
            need.counted = numbered.group(1)
        else:
            need.asks.discard("count")
            need.asks.add("threshold")
    if "where" in need.asks and not ASK_RE["count"].search(WHERE.sub(" ", asked)):
        need.asks.discard("count")  # "nằm ở phụ lục mấy": which annex, not how many
    if "which" in need.asks and re.search(r"\bnhom (xa )?(may|so may)\b", f) and not re.search(r"\bmay nhom\b", f):
        need.asks.discard("count")  # "được xếp là xã nhóm mấy": which group, not how many groups
    listed = re.search(r"\bnhung ((?:[a-z]+ ){1,3})nao\b", f)
    if listed and "list" in need.asks:
        need.listed = listed.group(1).strip()
    if "who" in need.asks:
        need.asks.discard("when")  # "ký ngày nào" is when; "ai ký" is who — keep only what is asked
        if re.search(r"\b(ngay nao|khi nao|nam nao)\b", f):
            need.asks.add("when")
    if "in_force" in need.asks and re.search(r"\bcon hieu luc\b|\bhet hieu luc\b", f):
        need.asks.discard("in_force")
    for m in _CRITERIA.finditer(f):
        for n in re.findall(r"\d{1,2}", m.group(1)):
            if int(n) not in need.criteria and 1 <= int(n) <= 40:
                need.criteria.append(int(n))
    for m in _SECTION.finditer(f):
        kind, label = m.group(1), m.group(2)
        if kind == "muc" and label.isdigit() is False and not re.fullmatch(r"[ivx]+", label):
            continue
        if kind in ("diem",) and not re.fullmatch(r"[a-dđ]", label):
            continue
        if re.search(r"\b(nhu|giong nhu|tuong tu)\s*$", f[max(0, m.start() - 12) : m.start()]) and _PERIOD_NAMED.search(
            f
        ):
            # "giai đoạn 2026-2030 có còn một bộ tiêu chí nâng cao như Phụ lục II của QĐ 318 không": the part named
            # is what the period asked about is compared with, not what is asked.
            continue
        name = _section_name(kind, label)
        if name not in need.sections:
            need.sections.append(name)
    marked = marked_clause(f)
    asked_sections = [n for n in need.sections if marked and _names_section(fold(marked), n)]
    if asked_sections:
        # "… nội dung chính nằm ở Điều 1 và Điều 2. Xin hỏi Điều 3 quy định gì?": the sections the question asks
        # about are those after "xin hỏi"; the preamble's are context.
        need.sections = asked_sections
    # On the folded question without abbreviation expansion: "558/QĐ-TTg" must stay one number.
    raw = re.sub(r"\s+", " ", fold(normalize_text(query.text)))
    for m in _DOC_REF.finditer(raw):
        kind, num, year, suffix = m.group(1).lower(), m.group(2), m.group(3), m.group(4)
        typed = num + (f"/{year}" if year else "") + (f"/{suffix}" if suffix else "")
        if not year and not suffix and len(num) <= 2 and kind not in ("cong van", "quyet dinh"):
            continue  # "kế hoạch 5 năm", "luật 2": not a document number
        if not year and not suffix and re.fullmatch(r"(19|20)\d\d", num) and re.match(r"\s*[-–]\s*\d", raw[m.end() :]):
            continue  # "kế hoạch 2026-2030": a period, not a document number
        if not year and not suffix and any(r.number.split("/")[0] == num for r in need.refs):
            continue  # "Công văn số 4508/BNN-VPĐP …; công văn 4508 yêu cầu …": the one named in full before
        if year or suffix:
            # … and named bare first, then in full: one document, named in full.
            need.refs = [r for r in need.refs if r.number != num]
            need.missing = [r for r in need.missing if r.number != num]
        ref = DocRef(_DOC_KIND[kind], typed)
        need.refs.append(ref)
        number = known(typed)
        if number is None and (year or suffix or len(num) >= 3):
            need.missing.append(ref)
        elif (
            number is not None
            and number not in query.sets
            and (year or suffix or len(num) >= 3 or same_kind(kind, number))
        ):
            # A document the corpus holds but `understand` has no name for (a registry entry: 211, 18/2022); two
            # digits ("qđ 60") only after its own kind's word ("quyết định 60" is 60/QĐ-BDTTG, "công văn 60" nothing).
            query.sets.append(number)
    # "QCVN 01-1:2018/BYT", "TCVN 4054:2005": a national technical regulation or standard, which the corpus does not
    # hold unless its registry names it.
    for m in re.finditer(r"\b(qcvn|tcvn)\s*(\d{1,3}(?:-\d{1,3})?:(?:19|20)\d\d(?:/[a-z]+)?)", raw, re.I):
        typed = m.group(2).lower()
        ref = DocRef("Quy chuẩn kỹ thuật quốc gia QCVN" if m.group(1).lower() == "qcvn" else "Tiêu chuẩn TCVN", typed)
        need.refs.append(ref)
        if known(typed) is None:
            need.missing.append(ref)
    # "Luật Hợp tác xã số 17/2023/QH15": a full number (number, year, issuer's code) names a document whatever words
    # stand between it and its kind.
    named = {r.number for r in need.refs}
    for m in re.finditer(r"(?<![\d/])(\d{1,5})/((?:19|20)\d\d)/([a-z][a-z0-9&\-]*[a-z0-9])", raw, re.I):
        typed = m.group(0).lower()
        if typed in named or any(n.endswith(typed) or typed.endswith(n) for n in named):
            continue
        ref = DocRef(_kind_of_code(m.group(3).lower(), raw[max(0, m.start() - 60) : m.start()]), typed)
        need.refs.append(ref)
        number = known(typed)
        if number is None:
            need.missing.append(ref)
        elif number not in query.sets:
            query.sets.append(number)  # "… của Quốc hội là 25/2021/QH15 và 257/2025/QH15": held, named in full
    # "Nghị địng 272/2025" (a kind word mistyped), "theo 51/2025": a number and year the corpus holds.
    for m in re.finditer(r"(?<![\d/])(\d{1,4})\s*/\s*((?:19|20)\d\d)(?![\d/])", raw):
        if re.search(r"\b(thang|ngay|den)\s*$", raw[: m.start()]):
            continue  # "tháng 9/2023": a date
        number = known(f"{m.group(1)}/{m.group(2)}")
        if number is not None and number not in query.sets:
            query.sets.append(number)
    # "2540 có hiệu lực từ ngày nào", "theo 417 thì …": a held document's bare number, where the words around it
    # say it is a document (not a count: "417 hộ", not a year).
    for m in re.finditer(r"(?<![\d/.,])(\d{3,4})(?![\d/.,%])", raw):
        before, after = raw[max(0, m.start() - 12) : m.start()], raw[m.end() : m.end() + 16]
        if 1900 <= int(m.group(1)) <= 2100 or not (_BARE_BEFORE.search(before) or _BARE_AFTER.match(after)):
            continue
        number = known(m.group(1))
        if number is not None and number not in query.sets:
            query.sets.append(number)
    need.groups = [int(g) for g in re.findall(r"\bnhom\s*([1-3])\b", f)]
    issued = re.search(
        # "bộ tiêu chí 2026-2030" names a period, not the year a set was issued.
        r"\b(?:ban hanh|ky) (?:vao |tu )?nam ((?:19|20)\d\d)\b"
        r"|\bbo tieu chi (?:nam )?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)",
        f,
    )
    if issued:
        need.issued_year = int(issued.group(1) or issued.group(2))
    need.lists_documents = bool(re.search(r"\b(nhung |cac )?(van ban|quyet dinh) nao\b", f))
    need.money = bool(MONEY.search(f))
    need.procedure = bool(PROCEDURE_ASKED.search(normalise_question(asking_clause(query.text))))
    need.figure = asked_figure(fold(asking_clause(query.text)).lower())
    if re.search(r"\bnhom\b(?!\s*[1-3]\b)", f):
        need.atoms.add(("topic", "groups"))
    elif re.search(r"\bbo tieu chi\b", f) and need.asks & {"count", "list"} and not need.criteria:
        need.atoms.add(("topic", "overview"))
    if query.period:
        need.period = query.period
    elif re.search(r"\b2026\s*-\s*2030\b", f) or (query.ask_year and query.ask_year > 2025):
        need.period = "2026-2030"
    elif re.search(r"\b2021\s*-\s*2025\b", f):
        need.period = "2021-2025"
    named_periods = dict.fromkeys(f"{a}-{b}" for a, b in _PERIOD.findall(f))
    # Two periods, or a set named by its document beside a period ("bộ năm 2009 … sang bộ 2016-2020"): each has its set.
    if len(named_periods) > 1 or (named_periods and query.sets):
        need.periods = list(named_periods)
    elif "threshold" in need.asks and len(parts := question_parts(query.text)) > 1:
        # "Cụ thể năm 2014 phải đạt bao nhiêu, năm 2019 phải đạt bao nhiêu?": each part asks the figure of the year
        # it names, each year's set its own.
        years = [y for p in parts if (y := _YEAR_NAMED.findall(normalise_question(p)))]
        if len(years) > 1 and all(len(y) == 1 for y in years):
            need.periods = _periods_of([y[0] for y in years]) or need.periods
    if not need.periods and "threshold" in need.asks and re.search(r"\b(moi|tung|hai|ca hai) xa\b", f):
        # "Xã A đạt chuẩn năm 2015, xã B năm 2019. … mỗi xã phải đạt bao nhiêu?": each commune's year, its set.
        need.periods = _periods_of(_YEAR_NAMED.findall(f)) or need.periods
    clause = asking_clause(query.text)
    asking = normalise_question(clause)
    base_set = re.search(r"\bbo (tieu chi )?(xa )?(nong thon moi|ntm)\b(?! (nang cao|kieu mau))", f)
    higher = dict.fromkeys(
        t for t in re.findall(r"\bbo (?:tieu chi )?(?:xa )?(?:nong thon moi|ntm) (nang cao|kieu mau)\b", f)
    )
    if base_set and higher:
        need.tiers = ["NTM", *("nâng cao" if t == "nang cao" else "kiểu mẫu" for t in higher)]
    asked_periods = set(_PERIOD.findall(asking))
    if re.search(r"\b(bo|bo tieu chi|giai doan) (moi|hien nay|hien hanh)\b", asking):
        asked_periods.add(("2026", "2030"))  # "nằm ở tiêu chí nào của bộ mới?"
    said = sentences(query.text)
    # A sentence that states, not asks, tells what the asker knows ("Bộ 2021-2025 có tiêu chí Giao thông.");
    # every sentence that asks is part of the question ("Tiêu chí … gồm những chỉ tiêu nào? Sang bộ mới …?").
    told = any(x.strip() != clause.strip() and not x.rstrip().endswith("?") for x in said)
    questions = " ".join(normalise_question(x) for x in said if x.rstrip().endswith("?")) + " " + asking
    others_asked = _PERIOD.search(questions.replace(asking, ""))  # another sentence that asks names a period
    if len(named_periods) > 1 and len(asked_periods) == 1 and told and not others_asked:
        # "Bộ 2021-2025 có tiêu chí Giao thông. Sang bộ 2026-2030 thì nằm trong tiêu chí nào?": the preamble's period
        # is what the asker knows, the asking sentence's is what is asked (both, when it compares them).
        need.period = "-".join(next(iter(asked_periods)))
        if not _COMPARING.search(asking):
            need.periods = [need.period]
            # "… tiêu chí 17 «Môi trường và an toàn thực phẩm». Sang bộ 2026-2030 môi trường thuộc tiêu chí số mấy?":
            # what the preamble names of the set the asker knows is context; which criterion of the set asked holds
            # it is the question.
            need.crosswalk = "indicator" in need.asks
    if need.crosswalk:
        if query.criterion_name and criterion_key(query.criterion_name) not in questions:
            query = replace(query, criterion_name=None)
        need.criteria = [n for n in need.criteria if re.search(rf"\b{n}\b", questions)]
        query = replace(
            query,
            criterion=query.criterion if query.criterion in need.criteria else None,
            sets=[d for d in query.sets if lead_number(d) in re.findall(r"\d+", questions)],
        )
    atoms = need.atoms
    for d in query.sets:
        atoms.add(("doc", d))
    for n in need.criteria or ([query.criterion] if query.criterion else []):
        atoms.add(("criterion", str(n)))
    if query.indicator:
        atoms.add(("indicator", query.indicator))
    if query.criterion_name:
        atoms.add(("criterion_name", query.criterion_name))
    for s in need.sections:
        atoms.add(("section", s))
    if need.period:
        atoms.add(("period", need.period))
    for g in need.groups:
        atoms.add(("group", str(g)))
    if query.level:
        atoms.add(("level", query.level))
    if query.tier and query.tier != "NTM":
        atoms.add(("tier", query.tier))
    if query.region:
        atoms.add(("region", query.region))
    if query.province and (MAP_CUES.search(f) or _counted_in_province(query)):
        # Only a question about the map, or one that counts what the province has ("toàn tỉnh Lai Châu có bao nhiêu
        # xã khu vực III"), is about the province itself; elsewhere it selects a region.
        atoms.add(("province", query.province))
    # "Câu “… chỉ có điểm khởi đầu …” có trong văn bản nào": the words quoted name what is asked about.
    atoms |= {("quoted", p) for p in quoted_phrases(query.text) if not need.crosswalk or p in questions}
    if need.missing:
        # Which documents the asking clause names (by the leading number), against a preamble that only mentions them.
        # Every sentence that asks counts ("QĐ 353 … có bao nhiêu huyện nghèo? Xã tôi có tên trong danh sách không?").
        asked = [asking_clause(query.text), *(x for x in sentences(query.text) if x.rstrip().endswith("?"))]
        # "Công văn 14 thì tôi đọc rồi; nhờ cho biết công văn 4508 yêu cầu …": a piece that asks nothing is an aside.
        asked = [p for x in asked for p in x.split(";") if "?" in p or QUESTION_WORD.search(fold(p).lower())] or asked
        asking = fold(normalize_text(" ".join(asked))).lower()
        numbers = set(re.findall(r"\d+", asking))
        need.missing_aside = (
            not POINTED.search(normalise_question(asking))
            and not any(lead_number(r.number) in numbers for r in need.missing)
        ) or all(_cited_only(asking, r.number) for r in need.missing)
        # "(NQ 424/NQ-CP có dẫn trong phần căn cứ)": a held document named in brackets is an aside, not what is asked
        # (a missing one in brackets may name the subject: "Chương trình … (Quyết định 925/QĐ-TTg) đặt mục tiêu …").
        # So is one that only describes the missing document named before it: "Quyết định 1689/QĐ-TTg … ban hành kế
        # hoạch triển khai NQ 25/2021/QH15 giao bộ nào …" asks about 1689, not 25.
        unbracketed = re.sub(r"\([^()]*\)", " ", asking)
        missing_at = min(
            (
                m.start()
                for r in need.missing
                for m in re.finditer(rf"\b{lead_number(r.number)}\b", unbracketed)
                if lead_number(r.number)
            ),
            default=None,
        )
        need.held_asked = any(_asked_held(unbracketed, lead_number(n), missing_at) for n in query.sets)
    return need


# Words that make a document named after them part of another's description ("kế hoạch triển khai NQ 25").
_DESCRIBING = re.compile(
    # ("Thông tư 41 hướng dẫn Quyết định 491 thế nào" asks how the held one is guided: that one is asked.)
    r"\b(ke hoach|de an|chuong trinh) (trien khai|thuc hien)( [a-z]+){0,3} $"
)


def _asked_held(asking: str, lead: str, missing_at: int | None) -> bool:
    """A held document (by its leading number) is named in the asking text other than to describe a missing one."""
    for m in re.finditer(rf"\b{lead}\b", asking) if lead else []:
        before = asking[: m.start()]
        if (
            missing_at is not None
            and missing_at < m.start()
            and _DESCRIBING.search(re.sub(r"[^a-z ]", "", before[-60:]))
        ):
            continue
        return True
    return False


def _counted_in_province(query: Query) -> bool:
    """The asking part counts what the province it names has ("tỉnh Cao Bằng có bao nhiêu xã khu vực III")."""
    name = fold(query.province or "").lower()
    clause = asking_clause(query.folded)  # already folded
    return bool(name) and bool(re.search(rf"\b{re.escape(name)}\b( [a-z]+){{0,3}} (co|con) (bao nhieu|may)\b", clause))
