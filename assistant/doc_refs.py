"""Documents a question names by their number ("Thông tư 41/2013/TT-BNNPTNT", "QĐ 558", "theo 2540"): which the
corpus holds and which it lacks, and whether those it lacks are what is asked or only named beside it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.doc_numbers import display_number, lead_number, same_kind
from assistant.kinds import ASK_RE
from assistant.rx import rx
from assistant.topic import QUESTION_WORD, asking_clause, sentences
from assistant.understand import Query, normalise_question
from corpus.normalize import fold, normalize_text

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

_KINDS = (
    r"(thong tu lien tich|thong tu|ttlt|nghi dinh|quyet dinh|nghi quyet|cong van|chi thi|huong dan|ke hoach"
    r"|thong bao|ket luan|luat|qd|nd|tt|nq|cv)"
)
# "Thông tư 41/2013/TT-BNNPTNT", "Nghị định số 27/2022/NĐ-CP", "Quyết định 18/2022/QĐ-TTg", "QĐ 800/QĐ-TTg".
_DOC_REF = re.compile(
    r"\b" + _KINDS + r"\.?\s*(?:so\s*)?(\d{1,5}(?:-[a-z]+)?)(?:\s*/\s*(\d{4}))?(?:\s*/\s*([a-z][a-z0-9&\-]*))?", re.I
)
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
    "ket luan": "Kết luận",
    "luat": "Luật",
    "qd": "Quyết định",
    "nd": "Nghị định",
    "tt": "Thông tư",
    "nq": "Nghị quyết",
    "cv": "Công văn",
}

# Kinds whose two-digit number alone names a document ("Nghị quyết 26", "Chỉ thị 12", "Quyết định 60").
_TWO_DIGITS = ("cong van", "quyet dinh", "nghi quyet", "nghi dinh", "thong tu", "chi thi", "ket luan")
# … and is missing when the corpus has none of that number (a dispatch's or decision's two digits may be a held
# document's short form the registry does not know, "công văn 60").
_TWO_DIGITS_MISSING = ("nghi quyet", "nghi dinh", "thong tu", "chi thi", "ket luan")


@dataclass
class DocRef:
    """A document the question names: its kind in words and its number as typed (folded)."""

    kind: str
    number: str  # "41", "41/2013", "41/2013/tt-bnnptnt"

    @property
    def display(self) -> str:
        return display_number(self.kind, self.number)


def _kind_of_code(code: str, before: str) -> str:
    """The kind of document an issuer's code says ("nđ-cp" a decree, "qh15" a law or a resolution)."""
    code = fold(code).lower()
    if code.startswith("qh"):
        return "Luật" if re.search(r"\bluat\b", before) else "Nghị quyết"
    prefixes = (("nd-", "Nghị định"), ("qd-", "Quyết định"), ("ttlt", "Thông tư liên tịch"), ("tt-", "Thông tư"))
    prefixes += (("nq-", "Nghị quyết"), ("ct-", "Chỉ thị"), ("kl-", "Kết luận"))
    return next((kind for p, kind in prefixes if code.startswith(p)), "Văn bản")


def _cited_only(asking: str, number: str) -> bool:
    """ "Văn bản nào trong kho dẫn chiếu Nghị quyết 100/2015/QH13", "QĐ 800/QĐ-TTg được những văn bản nào lấy làm căn
    cứ": the number is what the documents asked for cite, not the document asked about."""
    return bool(lead_number(number)) and bool(ASK_RE["cites"].search(asking))


def named_documents(query: Query, known: Callable[[str], str | None]) -> tuple[list[DocRef], list[DocRef]]:
    """The documents the question names by number (`refs`) and those of them the corpus lacks (`missing`).
    `known(number_text) -> canonical number | None` is the registry's lookup; a held document named that `understand`
    has no name for is added to `query.sets`."""
    refs: list[DocRef] = []
    missing: list[DocRef] = []
    # On the folded question without abbreviation expansion: "558/QĐ-TTg" must stay one number.
    raw = re.sub(r"\s+", " ", fold(normalize_text(query.text)))
    for m in _DOC_REF.finditer(raw):
        kind, num, year, suffix = m.group(1).lower(), m.group(2), m.group(3), m.group(4)
        typed = num + (f"/{year}" if year else "") + (f"/{suffix}" if suffix else "")
        if not year and not suffix and len(num) <= 2 and kind not in _TWO_DIGITS:
            continue  # "kế hoạch 5 năm", "luật 2": not a document number
        if not year and not suffix and re.fullmatch(r"(19|20)\d\d", num) and re.match(r"\s*[-–]\s*\d", raw[m.end() :]):
            continue  # "kế hoạch 2026-2030": a period, not a document number
        if not year and not suffix and any(r.number.split("/")[0] == num for r in refs):
            continue  # "Công văn số 4508/BNN-VPĐP …; công văn 4508 yêu cầu …": the one named in full before
        if year or suffix:
            # … and named bare first, then in full: one document, named in full.
            refs = [r for r in refs if r.number != num]
            missing = [r for r in missing if r.number != num]
        ref = DocRef(_DOC_KIND[kind], typed)
        refs.append(ref)
        number = known(typed)
        if number is None and (year or suffix or len(num) >= 3 or kind in _TWO_DIGITS_MISSING):
            missing.append(ref)
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
        refs.append(ref)
        if known(typed) is None:
            missing.append(ref)
    # "Luật Hợp tác xã số 17/2023/QH15": a full number (number, year, issuer's code) names a document whatever words
    # stand between it and its kind; so does a number with its issuer's code alone ("60/QĐ-BDTTG phê duyệt gì",
    # "1028/BNN-VPĐP hướng dẫn gì").
    coded = (
        r"(?<![\d/])\d{1,5}/"
        r"(?:(?:19|20)\d\d/(?P<full>[a-z][a-z0-9&\-]*[a-z0-9])|(?P<code>[a-z][a-z0-9&]*-[a-z0-9&\-]*[a-z0-9]))"
    )
    for m in re.finditer(coded, raw, re.I):
        typed, code = m.group(0).lower(), (m.group("full") or m.group("code")).lower()
        if any(typed in r.number or r.number.endswith(typed) or typed.endswith(r.number) for r in refs):
            continue  # named with its kind already
        if code.startswith("ttr"):
            continue  # a proposal ("Tờ trình 263/TTr-BNNMT"), no document the corpus would hold
        ref = DocRef(_kind_of_code(code, raw[max(0, m.start() - 60) : m.start()]), typed)
        refs.append(ref)
        number = known(typed)
        if number is None:
            missing.append(ref)
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
    return refs, missing


def missing_asides(query: Query, missing: list[DocRef]) -> tuple[bool, bool]:
    """Whether every document the corpus lacks is named only beside what is asked (an aside), and whether a held
    document is named in the asking text too."""
    # Which documents the asking clause names (by the leading number), against a preamble that only mentions them.
    # Every sentence that asks counts ("QĐ 353 … có bao nhiêu huyện nghèo? Xã tôi có tên trong danh sách không?").
    asked = [asking_clause(query.text), *(x for x in sentences(query.text) if x.rstrip().endswith("?"))]
    # "Công văn 14 thì tôi đọc rồi; nhờ cho biết công văn 4508 yêu cầu …": a piece that asks nothing is an aside.
    asked = [p for x in asked for p in x.split(";") if "?" in p or QUESTION_WORD.search(fold(p).lower())] or asked
    asking = fold(normalize_text(" ".join(asked))).lower()
    numbers = set(re.findall(r"\d+", asking))
    aside = (
        not POINTED.search(normalise_question(asking)) and not any(lead_number(r.number) in numbers for r in missing)
    ) or all(_cited_only(asking, r.number) for r in missing)
    # "(NQ 424/NQ-CP có dẫn trong phần căn cứ)": a held document named in brackets is an aside, not what is asked
    # (a missing one in brackets may name the subject: "Chương trình … (Quyết định 925/QĐ-TTg) đặt mục tiêu …").
    # So is one that only describes the missing document named before it: "Quyết định 1689/QĐ-TTg … ban hành kế
    # hoạch triển khai NQ 25/2021/QH15 giao bộ nào …" asks about 1689, not 25.
    unbracketed = re.sub(r"\([^()]*\)", " ", asking)
    missing_at = min(
        (
            m.start()
            for r in missing
            for m in rx(rf"\b{lead_number(r.number)}\b").finditer(unbracketed)
            if lead_number(r.number)
        ),
        default=None,
    )
    held_asked = any(_asked_held(unbracketed, lead_number(n), missing_at) for n in query.sets)
    return aside, held_asked


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
