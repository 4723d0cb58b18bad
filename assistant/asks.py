"""What a question asks for, beyond the entities `understand` reads: the kinds of question (who,
when, how many, which, threshold, what to do, …), every criterion and section it names, and the
documents it names that the corpus does not hold. The chooser scores candidates against this."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.criterion_names import criterion_key
from assistant.doc_numbers import lead_number
from assistant.doc_refs import DocRef, missing_asides, named_documents
from assistant.format import ROMAN
from assistant.kinds import ASK_RE, MONEY, PROCEDURE_ASKED, WHERE, asked_figure, cases_asked, question_parts
from assistant.retrieve import quoted_phrases
from assistant.rx import rx
from assistant.topic import asking_clause, marked_clause, sentences, without_purpose
from assistant.understand import MAP_CUES, Query, normalise_question, recognition_told
from assistant.years import HELD_TO, REQUIRES_LIST, period_of
from corpus.normalize import fold


def _names_section(folded: str, name: str) -> bool:
    """The folded text names the section ("Điều 3", "Phụ lục II" written "phu luc 2" or "PL II")."""
    return any(_section_name(m.group(1), m.group(2)) == name for m in _SECTION.finditer(folded))


def _section_name(kind: str, label: str) -> str:
    """ "Phụ lục II" from the folded "phu luc", "ii"; "Phụ lục 3" is "Phụ lục III", as decisions number annexes and
    chapters (a dispatch's items are "Mục 1", …)."""
    if kind in ("phu luc", "chuong") and label.isdigit() and 1 <= int(label) <= len(ROMAN):
        label = ROMAN[int(label) - 1]
    return f"{_LABEL[kind]} {_roman(label) if kind in ('phu luc', 'chuong', 'muc') else label}"


# Words that compare a figure or a criterion of two periods ("tăng hay giảm", "so với bộ cũ"; "hạ tầng" is no rise).
_COMPARING = re.compile(
    r"\b(so voi|so sanh|khac|(?<!ha )tang|giam|cao hon|thap hon|nhu (bo )?cu|giu nguyen|thay doi)\b"
)
_PERIOD = re.compile(r"\b(2010|2016|2018|2021|2026)\s*-\s*(2015|2020|2025|2030)\b")
# "Nghị quyết sáp nhập tỉnh năm 2025 là nghị quyết số mấy?": the document of the 2025 map, whatever it is called.
_MERGED_PROVINCES = r"\b(sap nhap|sap xep|hop nhat) (cac )?(don vi hanh chinh |dvhc )?(cap )?tinh\b"
MAP_DOCUMENT = re.compile(
    rf"\b(nghi quyet|van ban|quyet dinh)\b.*{_MERGED_PROVINCES}|{_MERGED_PROVINCES}.*\b(nghi quyet|van ban)\b"
)

_CRITERIA = re.compile(
    r"\btieu chi\s*(?:so\s*)?(\d{1,2}(?:\s*(?:,|va|hoac|den|-)\s*(?:tieu chi\s*)?(?:so\s*)?\d{1,2})*)\b(?!\.\d)"
)
# ("từ mức 85% lên …": "mức" folds like "mục", and a figure is no section.)
_SECTION = re.compile(
    r"\b(dieu|khoan|muc|phu luc|diem|chuong)\s+(?:so\s+)?([0-9]{1,3}|[ivx]{1,5}(?![a-z])|[a-dđ](?=\s|$|\W))(?![./]\d)"
    r"(?!\d|\s*(?:%|phan tram\b|trieu\b|dong\b))"
)
_LABEL = {"dieu": "Điều", "khoan": "Khoản", "muc": "Mục", "phu luc": "Phụ lục", "diem": "Điểm", "chuong": "Chương"}


# A named document's requirements ("QĐ 319 quy định xã kiểu mẫu phải đáp ứng những điều kiện gì").
_REQUIRES = (
    r"\b{lead}\b[^?]{{0,60}}\b(phai|can) dap ung\b[^?]{{0,20}}\b(dieu kien|yeu cau|{criteria})( [a-z]+)? (gi|nao)\b"
)
_DOCUMENT_REQUIRES = re.compile(_REQUIRES.format(lead="quy dinh", criteria="tieu chi"))
# …or named as the rule ("Xã NTM kiểu mẫu theo QĐ 691 cần đáp ứng điều kiện gì?"); a unit recognised under it ("Huyện
# đạt chuẩn theo QĐ 558 thì phải đáp ứng bộ tiêu chí nào?") asks what it is held to now.
_NAMED_RULE_REQUIRES = re.compile(
    _REQUIRES.format(lead=r"theo (quyet dinh|cong van|van ban) \d+", criteria="(?<!bo )tieu chi")
)


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
    _read_asks(need, query)
    told = query.recognition_year or query.recognition_period
    if not need.asks and query.action and "?" not in query.text and told:
        # "Huyện tôi được công nhận đạt chuẩn NTM năm 2017.": told, not asked; what applies to it is what it wants.
        need.asks.add("todo")
    if not need.asks and "?" not in query.text and query.region and re.search(r"\bvung\b", f) and not told:
        # "Thu nhập bình quân xã NTM vùng Đồng bằng sông Cửu Long năm 2024": a region named as one ("vùng …"), nothing
        # asked in words; the region's figure is what such a line wants (a province read as its region is not enough).
        need.asks.add("threshold")
    _read_sections(need, f)
    need.refs, need.missing = named_documents(query, known)
    need.groups = [int(g) for g in re.findall(r"\bnhom\s*(?:xa\s*)?([1-3])\b", f)]  # "nhóm 1", "nhóm xã 1"
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
    base_set = re.search(r"\bbo (tieu chi )?(quoc gia (ve )?)?(xa )?(nong thon moi|ntm)\b(?! (nang cao|kieu mau))", f)
    higher = dict.fromkeys(
        t
        for t in re.findall(
            r"\bbo (?:tieu chi )?(?:quoc gia (?:ve )?)?(?:xa )?(?:nong thon moi|ntm) (nang cao|kieu mau)\b", f
        )
    )
    if "compare" in need.asks and not (base_set and higher):
        # "So sánh tiêu chí thu nhập của xã NTM và xã NTM nâng cao": two tiers compared, each named by its unit.
        base_set = re.search(r"\bxa (nong thon moi|ntm)\b(?! (nang cao|kieu mau))", f)
        higher = dict.fromkeys(re.findall(r"\bxa (?:(?:nong thon moi|ntm) )?(nang cao|kieu mau)\b", f))
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
    _add_atoms(need, query, questions)
    if need.missing:
        need.missing_aside, need.held_asked = missing_asides(query, need.missing)
    return need


def _counted_in_province(query: Query) -> bool:
    """The asking part counts what the province it names has ("tỉnh Cao Bằng có bao nhiêu xã khu vực III")."""
    name = fold(query.province or "").lower()
    clause = asking_clause(query.folded)  # already folded
    return bool(name) and bool(rx(rf"\b{re.escape(name)}\b( [a-z]+){{0,3}} (co|con) (bao nhieu|may)\b").search(clause))


def _read_asks(need: Need, query: Query) -> None:
    """The kinds of question asked, where each is asked, and what a count counts or a list lists."""
    f = query.folded
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
    if "when" in need.asks and cases_asked(asked):
        need.asks.discard("when")
    if (
        "basis" in need.asks
        and not query.sets
        and query.level
        and re.search(r"\bcan cu (quyet dinh|van ban) nao\b", asked)
    ):
        # "Thành phố thuộc tỉnh hoàn thành nhiệm vụ … căn cứ quyết định nào?": which decision governs a unit's task,
        # not on what a decision was issued (no document is named to have grounds).
        need.asks.discard("basis")
        need.asks.add("which")
        need.ask_order.setdefault("which", need.ask_order.pop("basis", 0))
    if "amends" in need.asks and _REPLACED_BY.search(asked) and query.recognition_year is None:
        # "… nay đã được thay bằng bộ tiêu chí nào?": the set asked is what replaced the document, its amendment,
        # not the set a unit must meet now (which a unit recognised in a year asks: "huyện đạt chuẩn năm 2022 …
        # còn đánh giá theo QĐ 320 nữa không, hay thay bằng bộ nào").
        need.asks -= {"set", "todo"}
    if (
        query.sets
        and (_DOCUMENT_REQUIRES.search(asked) or (_NAMED_RULE_REQUIRES.search(asked) and "dat chuan" not in asked))
        and not (query.recognition_year or query.recognition_period or query.not_recognised)
    ):
        # "QĐ 691 quy định xã kiểu mẫu phải đáp ứng điều kiện gì?": what the named document requires, listed, not
        # what a unit must do now (no unit of the asker's is told).
        need.asks -= {"set", "todo"}
        need.asks.add("list")
    if query.period and not recognition_told(query) and REQUIRES_LIST.search(asked):
        # "Huyện NTM giai đoạn 2021-2025 phải đáp ứng những gì?": what the set of that period requires, listed.
        need.asks -= {"set", "todo"}
        need.asks.add("list")
    need.criteria_set_asked = "set" in need.asks and bool(
        re.search(r"\bbo( tieu chi)?( [a-z]+){0,2} (nao|khac)\b|\bgiu chuan\b|\btheo bo\b|" + HELD_TO, asked)
    )
    # "nằm ở phụ lục mấy": where, not a count; what else the question counts is counted without it.
    counted = re.search(r"\b(?:bao nhieu|may)\s+([a-z]+(?: (?:chi|tieu|xa|huyen|luc|ban))?)", WHERE.sub(" ", f))
    # "trong kho có bao nhiêu quyết định": documents counted where the question asks (a preamble's "mấy công văn chỉ
    # đạo … đã bị bãi bỏ" counts nothing).
    documents = re.search(
        r"\b(?:bao nhieu|may|bn) (quyet dinh|cong van|nghi dinh|nghi quyet|thong tu)\b",
        normalise_question(asking_clause(query.text)),
    )
    if "count" in need.asks and documents is not None:
        need.counted = documents.group(1)
    elif "count" in need.asks and re.search(r"\b(gap|cao hon|tang) (bao nhieu|may) lan\b", f):
        # "thu nhập phải gấp mấy lần": a ratio, a figure, not a count of times.
        need.asks.discard("count")
        need.asks.add("threshold")
    elif counted and "count" in need.asks:
        need.counted = counted.group(1)
        if not re.match(
            r"(tieu chi|chi tieu|nhom|tieu|phu luc|dieu|chuong|noi dung|lan|buoc|hang|muc|phan|loai|van ban|thang|nam"
            r"|ngay|tinh|xa|huyen|truong\b|nhiem\b|doi\b|bo\b)",  # "mấy bộ tiêu chí": criteria sets counted
            need.counted,
        ):
            # "… là bao nhiêu", "bao nhiêu triệu": a figure, not a count of items.
            need.asks.discard("count")
            need.asks.add("threshold")
            need.counted = None
    elif "count" in need.asks and not counted and re.search(r"\b(phai|can) dat\b[^?.]{0,40}\bbao nhieu\s*\??$", f):
        # "Xã nhóm 2 phải đạt tiêu chí thu nhập bao nhiêu?": the level to reach, not a count.
        need.asks.discard("count")
        need.asks.add("threshold")
    elif "count" in need.asks and not counted and (MONEY.search(f) or re.search(r"\b(von|ngan sach)\b", f)):
        # "Kinh phí chương trình … bao nhiêu?": an amount of money, not a count of items.
        need.asks.discard("count")
        need.asks.add("threshold")
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
    if "region_of" in need.asks and query.province and re.search(r"\bap dung (?:muc )?vung (?:nao|gi)\b", f):
        # "Xã thuộc tỉnh Bình Phước cũ áp dụng mức vùng nào?": the province's region is asked, not which region's
        # levels a kind of commune borrows, nor a figure ("mức" names the levels of the region asked).
        need.asks -= {"region_level", "threshold"}


def _read_sections(need: Need, f: str) -> None:
    """The criteria (by number) and the sections (Điều, Khoản, Phụ lục …) the question names."""
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


def _add_atoms(need: Need, query: Query, questions: str) -> None:
    """The entities a candidate answer should cover: documents, criteria, sections, period, groups, level, tier …"""
    f = query.folded
    atoms = need.atoms
    for d in query.sets:
        atoms.add(("doc", d))
    for n in need.criteria or ([query.criterion] if query.criterion else []):
        atoms.add(("criterion", str(n)))
    for code in query.indicators or ([query.indicator] if query.indicator else []):
        atoms.add(("indicator", code))  # "17.1 và 17.7": each indicator named is to be answered
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
