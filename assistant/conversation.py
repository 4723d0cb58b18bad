"""Follow-up questions: what an earlier turn said carries over unless the new question says otherwise."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.kinds import FACT_KINDS, kinds_of
from assistant.topic import QUESTION_WORD
from assistant.understand import NOW_CUE, Query

# Facts that describe the unit asked about; they carry over together.
_UNIT = ("level", "tier", "recognition_year", "recognition_period", "not_recognised")
# "năm nay", "giờ": the year of the answer's date, whatever year the earlier question asked about.
_THIS_YEAR = re.compile(r"\b(nam nay|gio|luc nay|thoi diem nay)\b")
# "nó có hiệu lực từ ngày nào?": the pronoun is the document or set the conversation is about. Typed without
# marks, "no" is also "nợ", "nổ": only a question that starts with it and goes on as a subject does.
_PRONOUN = re.compile(r"(?<!\w)nó(?!\w)")
_PRONOUN_FOLDED = re.compile(r"no (co|duoc|gom|quy dinh|ban hanh|la|thay|sua|het|con|do|ap dung|can cu)\b")
# "cái quyết định thay nó", "văn bản sửa nó": the pronoun as an object, after a verb or "của" ("nợ đọng" is a debt).
_PRONOUN_OBJECT = re.compile(r"\b(thay|thay the|sua|sua doi|cua|theo) no\b(?! (dong|xay dung|dong gop|vay))")
# A part of a document by its number ("mục 4", "điều 2", "phụ lục II", "khoản 3 điều 1").
_PART = re.compile(r"\b(dieu|khoan|muc|diem|phu luc|chuong)\s+(\d{1,2}|[ivx]{1,4})\b(?!\s*%)")
_CONTEXT = ("ask_year", "province", "region", "sets", "criterion", "criterion_name", "indicator", "period")


def merge(
    current: Query,
    earlier: list[Query],
    speaks_of_corpus: Callable[[str], bool] | None = None,
    follows_on: Callable[[str], bool] | None = None,
) -> Query:
    """Fill what the current question leaves open from the most recent earlier questions.

    When the new question changes the unit (another level or tier), the earlier recognition
    year is not carried over: it described a different unit ("còn xã NTM nâng cao thì sao?"
    after "xã đạt chuẩn năm 2017 …" should ask when the advanced commune was recognised).
    """
    merged = replace(current)
    # A follow-up carries the conversation only if it says something of the programme itself
    # (a year, a level, a tier, a set, a criterion, a place): "thế còn năm 2019?" does,
    # "thế còn giá xăng hôm nay?" does not and stays out of scope.
    facts = (
        current.level,
        current.tier,
        current.recognition_year,
        current.recognition_period,
        current.ask_year,
        current.sets,
        current.criterion,
        current.criterion_name,
        current.indicator,
        current.province,
        current.region,
        current.period,  # "Còn giai đoạn 2026-2030?"
    )
    # "cả hai quyết định đó", "văn bản này", "tiêu chí đó": the question points back at the conversation.
    refers = (
        re.search(
            r"\b(quyet dinh|quy dinh|nghi quyet|nghi dinh|thong tu|van ban|bo tieu chi|tieu chi|cong van|chi tieu|hai"
            # "tiêu chí cuối cùng trong bộ đó", "danh sách đó", "phụ lục ấy"
            r"|bo|danh sach|phu luc|nhom)"
            r"( nay| do| ay| tren| vua neu)\b"
            # "thế mức chung cả nước cùng mốc đó là bao nhiêu?": the earlier question's time or figure.
            r"|\b(moc|muc|thoi diem|giai doan|vung)( do| ay| tren)\b",
            current.folded,
        )
        or _PRONOUN.search(current.text.lower())
        or _PRONOUN_FOLDED.match(current.folded)
        or _PRONOUN_OBJECT.search(current.folded)
    )
    # "Thế còn vốn tín dụng chính sách thì bao nhiêu?": an elliptic follow-up in words the corpus uses continues
    # the conversation; "thế còn giá xăng hôm nay?" does not (`speaks_of_corpus` tells them apart).
    elliptic = bool(
        re.match(r"(con|vay|the|the con|vay con|con neu)\b", current.folded)
        and speaks_of_corpus is not None
        and speaks_of_corpus(current.text)
    )
    # "Có hiệu lực từ ngày nào?", "Giao cơ quan nào chủ trì?", "Giờ phải làm gì?": a short question that names
    # nothing of its own, in the corpus's words (`follows_on`) or only asking what to do, asks of what the
    # conversation is about; "Thời tiết ngày mai thế nào?" has a word of its own the corpus never uses.
    size = len(current.folded.split())
    bare = (
        not any(facts)
        and not current.domain
        and (
            (follows_on is not None and size <= 12 and follows_on(current.text))
            or (current.action and size <= 6)
            # "Ai ký?", "Do ai ký?", "Gửi cho ai?": a document's fact asked in a word or two.
            or (size <= 5 and kinds_of(current.text) & (FACT_KINDS | {"to"}))
            # "Mục 4 nói gì?", "Còn Điều 3?": a part named without its document is the earlier document's.
            or (size <= 8 and bool(_PART.search(current.folded)))
        )
    )
    elliptic = elliptic or bare
    if not current.domain and not any(facts) and not refers and not elliptic:
        return merged
    # "Còn …", "Vậy …", "Thế …", "… đó", "… ấy": a follow-up whose topic (an indicator, a document) is the earlier
    # question's, when it names none of its own.
    follows = (
        refers
        or bare
        or re.match(r"(con|vay|the|the con|con neu|vay thi|vay con)\b", current.folded)
        or re.search(
            r"\b(do|ay|nay)\s*[?.!]*$|\b(cung nam do|nam do|vung do|quyet dinh do|van ban do)\b", current.folded
        )
    )
    own_topic = current.criterion or current.criterion_name or current.indicator
    # "Vậy theo quyết định đó …" after "Quyết định 417/QĐ-BNNMT phê duyệt gì?": a document named by its number is
    # the programme's too.
    # Only earlier questions about the programme give context ("World Cup 2022" must not date the next answer).
    about = [q for q in earlier if q.domain or (speaks_of_corpus is not None and speaks_of_corpus(q.text))]
    topic_from = about or (earlier[-1:] if refers else [])
    if follows and not own_topic and topic_from:
        # The last two questions of the conversation: "Trong đó ngân sách trung ương là bao nhiêu?" names its
        # document only through the question before it.
        merged.context = " ".join(q.text for q in topic_from[-2:])
    for previous in reversed(about):
        # A question that names its own level asks about another unit; one that only adds a tier
        # ("Đạt chuẩn NTM nâng cao anh ạ.") completes the earlier one.
        changed_unit = bool(current.level) and (
            (bool(previous.level) and current.level != previous.level)
            or bool(current.tier and previous.tier and current.tier != previous.tier)
        )
        # "Dạ, quyết định đó công nhận xã đạt chuẩn NTM kiểu mẫu ạ.": a statement answers what the assistant asked
        # about the same unit; only a question about another tier ("còn xã kiểu mẫu thì sao?") changes the unit.
        changed_unit = changed_unit and ("?" in current.text or bool(QUESTION_WORD.search(current.folded)))
        other_unit = changed_unit
        # "Còn nếu là huyện đạt chuẩn cùng năm đó thì sao?": another unit, the same year.
        changed_unit = changed_unit and not re.search(r"\b(cung nam|nam do|nam ay|cung thoi diem)\b", current.folded)
        for name in _UNIT:
            if changed_unit and name in ("recognition_year", "recognition_period"):
                continue
            if not getattr(merged, name) and getattr(previous, name):
                setattr(merged, name, getattr(previous, name))
        for name in _CONTEXT:
            if other_unit and name == "sets":
                continue  # the set the earlier unit was recognised under is not the new unit's (318 is no district's)
            if name == "sets" and re.search(r"\b\d{1,5}/", current.folded):
                continue  # "Thế cái Quyết định 2540/QĐ-TTg mà điều đó dẫn chiếu …": a document named by its number
            if name in ("province", "region") and (current.province or current.region):
                continue  # "Vùng Bắc Trung Bộ thì sao?" after a province: the place named now, not the earlier one
            if name == "sets" and current.province and "map" in kinds_of(current.text):
                continue  # "trong danh sách đó, Bình Dương sau sắp xếp thuộc tỉnh nào?": the map, not the dispatch
            if name in ("ask_year", "period") and (_THIS_YEAR.search(current.folded) or NOW_CUE.search(current.folded)):
                continue  # "còn năm nay thì …" after "hồi năm 2024 …": today, not the earlier year
            if name == "period" and re.search(r"\b(19|20)\d\d\b|\b(bo|giai doan) moi\b", current.folded):
                continue  # "năm 2027 thì sao", "sang bộ 2026-2030", "bộ mới thì sao": its own time, not the earlier
            if not getattr(merged, name) and getattr(previous, name):
                value = getattr(previous, name)
                setattr(merged, name, list(value) if isinstance(value, list) else value)
        merged.action = merged.action or previous.action
        merged.domain = True
    return merged
