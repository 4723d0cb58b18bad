"""The years and periods a question names, and what each is: the year a unit was recognised, the year asked
about, the period of a named set ("Tỷ lệ hộ nghèo của xã NTM 2021-2025"), or a document's issue year."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from assistant.unit import ASKERS_UNIT

_YEAR = re.compile(r"(?<![\d/.])((?:19|20)\d\d)(?![\d/])")
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_CONTRAST = re.compile(r"\bcon (trong |o |doi voi |voi )?(giai doan |thoi ky |nam )?$")
_RECOGNITION_CUE = re.compile(
    r"(?<!chua )(?<!chua duoc )(dat chuan|dat nong thon moi|dat (?:nong thon moi )?(?:nang cao|kieu mau)|cong nhan"
    # "xã em lên NTM nâng cao từ năm 2018": reached that tier that year.
    r"|ve dich|len chuan|(?<!dau )(?<!muon )(?<!se )(?<!de )(?<!can )len (?:nong thon moi |ntm )?(?:nang cao|kieu mau)"
    r"|hoan thanh)\b[^.?!]{0,60}$"
)
# "Năm 2023 huyện chúng tôi được công nhận …": the year comes first.
_RECOGNITION_AFTER = re.compile(
    # ("Năm 2024 huyện chưa (được công nhận) đạt chuẩn NTM thì …": no recognition that year.)
    r"^(?:(?!chua\b)[^.?!\d]){0,50}?\b(duoc cong nhan|dat chuan|len chuan|ve dich|duoc tinh cong nhan"
    r"|nhan (?:bang|quyet dinh) cong nhan"
    # "năm 2020 đạt nâng cao", "năm 2017 thị xã đạt hoàn thành nhiệm vụ": a tier reached, the task done.
    r"|dat (?:nong thon moi |ntm )?(?:nang cao|kieu mau)|(?:da |dat )hoan thanh nhiem vu)\b"
)
# "… theo bộ nào, bộ …": what follows the "which" is a guess at the answer.
_GUESSED = re.compile(r"\bnao\s*[,:]\s*[^.?!,]{0,25}$")
_BEFORE_YEAR = re.compile(r"\b(truoc|sau)\s+(nam\s+)?$")
_TIER_THEN_YEAR = re.compile(r"(nong thon moi|nang cao|kieu mau|thong minh|dat chuan)\s+(nam\s+)?$")
_SET_CUE = re.compile(
    # "Văn bản nào hướng dẫn xã NTM nâng cao giai đoạn 2018-2020": what guides the standard of that period.
    r"(bo tieu chi|tieu chi|quy dinh|huong dan|chuong trinh|ke hoach)[^.?!]{0,50}$|\b(theo|cua|trong) bo\s*$"
    # "Thế còn bộ 2021-2025?": the set of that period.
    r"|\b(con|the con|va|voi|hay) bo\s*$"
    # "Xã … kiểu mẫu theo QĐ 691, giờ sang giai đoạn 2021-2025 thì …": the period moved into is the one asked.
    r"|\b(sang|buoc sang|chuyen sang|buoc vao)\s+(giai doan|thoi ky)\s*$"
)
# "… phải ở mức nào để đạt chuẩn NTM giai đoạn 2021-2025", "điều kiện để được công nhận …": the standard of
# that period is the goal, not a recognition already obtained.
_PURPOSE = re.compile(
    r"\b((de|muon|nham)(?: \w+){0,2} (duoc )?(dat chuan|dat|cong nhan)"
    # "Điều kiện công nhận xã NTM kiểu mẫu giai đoạn 2021-2025 là gì?": the standard of a recognition, none obtained.
    r"|(dieu kien|tieu chuan) (de )?(duoc )?(xet,? )?(cong nhan|dat chuan))\b[^.?!]{0,50}$"
)
# "… thu nhập tối thiểu để xã nhóm 2 đạt chuẩn năm 2027": the unit, named after "để", reaching the standard that
# year is a goal too ("đề nghị công nhận … năm 2020" is an application, no unit after "để").
_PURPOSE_OF_UNIT = re.compile(
    r"\bde (xa|huyen|thi xa|tinh)\b(?: \w+){0,3} (duoc )?(dat chuan|cong nhan)\b[^.?!]{0,50}$"
)
# "có đạt chuẩn không", "đã đạt chuẩn chưa": the standard met is asked about.
_ASKED_IF = re.compile(
    r"\bco (duoc )?(dat chuan|cong nhan)\b|\b(dat chuan|duoc cong nhan)( [a-z]+){0,3} (khong|ko|chua)\s*(\?|$)"
)
_TARGET = re.compile(r"\b(phan dau|muc tieu|du kien|ke hoach|muon)\b")
_SHARE = re.compile(r"\b(bao nhieu|may|bn) ?(%|phan tram)?( so)? (xa|huyen|tinh)\b")
# "khi đó", "lúc công nhận": the time of the recognition just named.
_THEN = re.compile(
    # "Hồi xét công nhận … năm 2018": the time of that recognition.
    # ("theo chỉ đạo đó" is no "dạo đó".)
    r"\b(khi do|luc do|khi ay|luc ay|hoi do|hoi ay|thoi diem do|thoi diem ay|thoi do|thoi ay|(?<!chi )dao (?:do|ay)"
    r"|(khi|luc|hoi|thoi diem) (duoc )?(xet )?cong nhan"
    # "Năm 2019 xét công nhận đạt chuẩn thì … phải …": what a recognition that year was judged against.
    r"|(?:19|20)\d\d (?:duoc )?xet cong nhan)\b"
)
_INTENT = re.compile(
    # One word at most between ("phấn đấu sớm đạt chuẩn"), and never "Cần Thơ" ("… TP Cần Thơ), đạt chuẩn …").
    r"\b(muon|de|phan dau|du kien|ke hoach|nham|se|can(?! tho\b)|dang ky)\s+(duoc\s+)?(\w+\s+)?"
    # "muốn đạt NTM kiểu mẫu năm 2024", "đăng ký về đích NTM năm 2014": a goal, not a recognition obtained.
    r"(duoc cong nhan|dat chuan|duoc tinh|ve dich|len chuan|dat (nong thon moi|ntm))"
)
# What a criteria set says (a figure, a criterion's content), as opposed to what a unit must do.
_CONTENT_ASK = re.compile(r"\b(ty le|muc|bao nhieu|toi thieu|toi da|chi tieu|tieu chi \S+ (la gi|gom|quy dinh))\b")
# A count or list of a set's conditions or criteria: what the set says, whatever the question asks to do.
SET_CONTENT = re.compile(r"\b(may|nhung|bao nhieu|cac) (dieu kien|tieu chi|chi tieu)\b|\bke ra\b")
# "Xã phải đối chiếu các điều kiện … ở văn bản nào", "chấm theo phụ lục nào, quyết định số mấy": the set or text a
# unit is measured against (kinds' "set", understand's action).
HELD_TO = (
    r"(doi chieu|cham( diem)?|danh gia|ra soat)\b[^?]{0,60}?\b(o|theo|voi|cua|vao) "
    r"(van ban|quyet dinh|bo tieu chi|phu luc|bo)( [a-z]+){0,3} (nao|so may)"
    # "tỉnh phúc tra thì chấm bộ nào": the set scored against, named right after the verb.
    r"|(doi chieu|cham( diem)?|danh gia|ra soat|phuc tra)( lai)? (van ban|quyet dinh|bo tieu chi|phu luc|bo) nao"
)
# "đạt chuẩn năm 2020, giờ có cần đạt bộ tiêu chí 2021-2025 không": whether that set is the one the unit is held to
# (kinds' "set", understand's action).
MEETS_SET = r"(can|phai) (dat|dap ung|ap dung|thuc hien)( theo)? bo( tieu chi)?\b[^?]{0,40}\b(khong|ko|k|chua|nua)"
# "Năm 2015 bộ tiêu chí quốc gia về NTM là quyết định nào": the set of a year, asked by its document (kinds' "set",
# understand's action). Without a year ("bộ tiêu chí … hiện hành là văn bản nào") the documents answer.
SET_OF_YEAR = (
    r"(?:nam (?:19|20)\d\d\b[^?]{0,40}\bbo tieu chi|bo tieu chi\b[^?]{0,40}\bnam (?:19|20)\d\d)\b[^?]{0,40}"
    r"\b(?:la|thuoc|nam o|o) (?:quyet dinh|van ban)(?: so)? (?:nao|may)"
)
# "… thì nay thế nào?", "… thì sao?": where a unit just told of stands now (kinds' "todo", understand's action).
STANDING_NOW = r"\bthi (sao|(nay|bay gio|gio|hien nay) (the nao|ra sao|sao))"
# "bây giờ", "hiện nay": the time asked about is now, not the recognition's.
NOW_WORDS = re.compile(r"\b(bay gio|hien nay|hien tai|hien hanh|(?<!bao )gio|nam nay|(quy dinh|bo|tieu chi) moi)\b")
# "xã … đạt chuẩn", "huyện được công nhận": a unit's own recognition, not a document's subject ("hướng dẫn xét, công
# nhận xã NTM nâng cao giai đoạn 2018-2020").
_UNIT_RECOGNISED = re.compile(r"\b(xa|huyen)( [a-z]+){0,4} (da )?(duoc )?(dat chuan|cong nhan)\b")


# "xã NTM nâng cao giai đoạn …", "huyện nông thôn mới kiểu mẫu thời kỳ …": a unit named by a set's tier and period
# ("xã NTM nâng cao 2018-2020", without the word, is one recognised then: Công văn 14's own wording).
_NAMED_BY_PERIOD = re.compile(
    r"\b(xa|huyen|thi xa)( nong thon moi| ntm)( nang cao| kieu mau)?\s+(giai doan|thoi ky)\s+$"
)

# "… phải đáp ứng những gì", "cần đáp ứng những yêu cầu gì": what a set requires, listed ("cần làm gì để duy trì
# chuẩn" asks what a recognised unit does, "phải đáp ứng các điều kiện theo văn bản nào" which document).
REQUIRES_LIST = re.compile(r"\b(phai|can) dap ung (nhung |cac )?((dieu kien|yeu cau|tieu chi) )?gi\b")

# "… phải đạt điều kiện gì về thu nhập", "phải đạt tiêu chí y tế thế nào": what a set requires of one of its criteria.
# ("Chợ nông thôn có bắt buộc đối với xã NTM giai đoạn 2016-2020 không?": whether the set requires it.)
_REQUIRED_OF = re.compile(
    r"\b(phai|can) dat (dieu kien|yeu cau) (gi|nao) ve\b|\b(phai|can) dat tieu chi [a-z ]{2,40}?(the nao|ra sao|gi)\b"
    r"|\bbat buoc\b"
)

# A recognition told, with or without its year ("được công nhận NTM kiểu mẫu theo QĐ 691, giờ sang giai đoạn …").
RECOGNITION_WORDS = re.compile(r"\b(dat chuan|cong nhan|da dat)\b")

# "thị xã hoàn thành nhiệm vụ xây dựng NTM giai đoạn …": the task named, with no word that it was done ("đã hoàn
# thành", "được công nhận hoàn thành").
_TASK_NAMED = re.compile(
    r"(?<!da )(?<!duoc cong nhan )(?<!duoc )\bhoan thanh nhiem vu (xay dung )?(nong thon moi|ntm)"
    r"( (giai doan|thoi ky))?\s*$"
)
# "Xã NTM nâng cao giai đoạn 2018-2020 do ai quy định tiêu chí?": who set the standard of a tier and period.
# ("… do ai công nhận?": who recognises units of that standard.)
_WHO_SETS = re.compile(
    r"\b(ai|co quan nao|cap nao|van ban nao|quyet dinh nao) (quy dinh|ban hanh|huong dan|(xet )?cong nhan|cong bo)\b"
)
# Who recognises, or how, asked before the unit it recognises ("ai công nhận xã …", "thủ tục công nhận huyện …").
_RECOGNITION_ASKED = re.compile(
    r"\b(ai|co quan nao|cap nao|tham quyen|thu tuc|trinh tu|ho so)( [a-z]+){0,2}? (xet,? )?cong nhan"
    r"( (dat chuan|hoan thanh))?( (cho|doi voi))? (xa|huyen|thi xa)\b[^?]{0,40}$"
)
# "cần điều kiện gì", "phải có những yêu cầu nào": the conditions asked for.
_CONDITIONS_ASKED = re.compile(r"\b(can|phai)( co| dap ung| dat)?( nhung| cac)? (dieu kien|yeu cau) (gi|nao)\b")

# "Năm nay", "Nay xã …" opening the asking sentence: the time asked is now.
_THIS_YEAR = re.compile(r"\bnam nay\b|^\s*(xin hoi |cho hoi )?nay\b")

# "… đạt chuẩn năm 2012 (là) theo bộ tiêu chí nào": right after the recognition's year, the set it was made under.
_UNDER_WHICH = re.compile(
    r"^[^.?!\d]{0,50}?\b(theo|dua tren|can cu(?: vao)?)\s+"
    r"(bo tieu chi|bo|quyet dinh|van ban|quy dinh)( [a-z]+){0,3}\s+(nao|so may)\b"
)
_EITHER_DECISION = re.compile(
    r"^[^.?!\d]{0,30}?\btheo (?:qd |quyet dinh )?\d{3,4}(?:/[a-z-]+)? (?:hay|hoac) (?:qd |quyet dinh )?\d{3,4}\b"
)
# What a recognised unit must do or keep now: not the recognition's own set ("cần", never "căn cứ" or "Cần Thơ").
_ACTION_NOW = re.compile(r"\b(duy tri|giu chuan|ra soat|phai|can(?! (?:cu|tho)\b)|ap dung|danh gia lai|tiep theo)\b")

# The record of a recognition ("hồ sơ … đạt chuẩn năm 2019 chấm …"): what it was scored against then.
_DOSSIER = re.compile(r"\b(ho so|cham)\b")


def _sentence_to(f: str, end: int) -> str:
    """The sentence that ends at `end`, from its start."""
    return f[max((m.end() for m in re.finditer(r"[.?!]\s", f[:end])), default=0) : end]


def _figure_of_recognition(f: str, sentence: str) -> bool:
    """A unit recognised (in the sentence that tells it) and a figure asked, with nothing to do and no "now": the
    figure of the standard it was recognised against."""
    return bool(
        _UNIT_RECOGNISED.search(sentence)
        and _CONTENT_ASK.search(f)
        and not ACTION.search(f)
        and not NOW_WORDS.search(f)
    )


_ASOF_CUE = re.compile(r"(thi|hien nay|bay gio|den|trong|cho)\s+(nam\s+)?$")
ACTION = re.compile(
    r"\b(phai lam gi|lam gi|can lam|(phai|can) dap ung|ap dung|bo tieu chi( [a-z]+){0,2} nao|theo bo|tiep theo|phan dau"
    # "đã được công nhận …, giờ phải duy trì theo quy định nào?": what keeps the unit recognised.
    r"|phai duy tri|duy tri theo|theo quy dinh nao|theo van ban nao"
    # "đạt chuẩn theo QĐ 491 thì có phải đạt lại theo 1980 không": which set a recognised unit must meet again.
    r"|(?:phai|can) dat lai|"
    + MEETS_SET
    # "Năm 2018 xã xét công nhận NTM theo quyết định nào": the set a recognition that year was judged by ("hồ sơ xét
    # công nhận thực hiện theo quyết định nào" asks the procedure's document instead).
    + r"|(?:xet )?cong nhan(?: dat chuan)?(?: xa| huyen)?(?: nong thon moi| ntm)?(?: nang cao| kieu mau)?"
    r" theo (?:quyet dinh|qd) nao|(?:phai |can )(?:dat|dap ung)(?: cac)? tieu chi theo (?:quyet dinh|qd) nao"
    # "năm nay rà soát giữ chuẩn thì căn cứ phụ lục nào": what keeps the unit's standard.
    r"|giu chuan|can cu (?:vao )?phu luc nao|"
    + SET_OF_YEAR
    + r"|"
    + HELD_TO
    # "rà soát duy trì danh hiệu thì căn cứ quy định nào": what the unit's title is kept by.
    + r"|duy tri danh hieu)\b"
)


def _recognised_at(clause: str) -> bool:
    """The clause before a year tells a recognition that year ("một xã đạt NTM nâng cao năm 2020"), not a goal
    ("muốn được công nhận trong năm 2015") and not with another year between ("đạt chuẩn năm 2017 và năm 2023")."""
    # "đạt chuẩn NTM năm 2018 và đạt nâng cao năm 2020": the cue after the last year tells this year's recognition.
    tail = clause[max((m.end() for m in _YEAR.finditer(clause)), default=0) :]
    return bool(
        _RECOGNITION_CUE.search(tail)
        and not _INTENT.search(clause)
        and not _PURPOSE.search(clause)
        and not _PURPOSE_OF_UNIT.search(clause)
        and not _ASOF_CUE.search(clause[-12:])  # "đạt chuẩn theo QĐ 558 thì năm 2024 …": the year asked
    )


def period_of(year: int) -> str:
    """The programme period a year falls in."""
    if year <= 2015:
        return "2010-2015"
    if year <= 2020:
        return "2016-2020"
    if year <= 2025:
        return "2021-2025"
    return "2026-2030"


# "trong giai đoạn …", "suốt những năm …": the span of time a question asks about.
_DURING = re.compile(r"\b(trong|suot)( ca)? (giai doan|thoi ky|nhung nam|cac nam)\s*$")
# The first years of the programme's periods (2010-2015, 2013-2015, 2016-2020, 2018-2020, 2021-2025, 2026-2030, …).
_PERIOD_STARTS = frozenset({2008, 2009, 2010, 2011, 2013, 2016, 2018, 2021, 2026})


# "được công nhận đạt chuẩn NTM tháng 1 năm 2022", "đạt chuẩn vào ngày 20/01/2022", "… ngày 5 tháng 3 năm 2022": the
# day or month a recognition is dated by, said after the words that say it.
_RECOGNISED_ON = re.compile(
    r"\b(?:duoc cong nhan|cong nhan|dat chuan|dat)(?: [a-z]+){0,7}? (?:vao |tu |trong )?(?<!ban hanh )(?<!ky )"
    r"(?:ngay (?P<d>\d{1,2})\s*(?:/|-|\.|thang )\s*(?P<dm>\d{1,2})\s*(?:/|-|\.|nam )\s*(?P<dy>\d{4})"
    r"|thang (?P<m>\d{1,2})\s*(?:/|-|nam )\s*(?P<my>\d{4}))\b"
)


def recognition_date(f: str, year: int | None) -> dt.date | None:
    """The day a unit recognised in `year` was recognised on, when the question says the day or the month (a month
    is read as its last day: "tháng 2/2022" was before 08/03/2022 whichever day it was)."""
    if year is None:
        return None
    for m in _RECOGNISED_ON.finditer(f):
        try:
            if m.group("dy") and int(m.group("dy")) == year:
                return dt.date(year, int(m.group("dm")), int(m.group("d")))
            if m.group("my") and int(m.group("my")) == year:
                month = int(m.group("m"))
                return dt.date(year, month, calendar.monthrange(year, month)[1])
        except ValueError:  # "ngày 31/02/2022", "tháng 13/2022": no such day
            continue
    return None


def read_years(f: str) -> tuple[int | None, str | None, int | None, str | None]:
    """(recognition year, recognition period, the year asked about, the period of a named set)."""
    periods = list(_PERIOD.finditer(f))
    masked = _PERIOD.sub(lambda m: " " * len(m.group(0)), f)
    # "được công nhận NTM ngày 15/3/2022": the date of a recognition keeps its year ("đạt chuẩn nông thôn mới nâng
    # cao ngày …" once "NTM" is spelt out; not the day a decision named there was issued or signed).
    masked = re.sub(
        r"((?:duoc cong nhan|dat chuan)(?: [a-z]+){0,6}? (?:tu |vao )?(?<!ban hanh )(?<!ky )ngay )(\d{1,2}/\d{1,2}/)"
        r"(?=\d{4})",
        lambda m: m.group(1) + " " * len(m.group(2)),
        masked,
    )
    # Document numbers (51/2025) and dates (08/3/2022) are not years of recognition.
    # "tháng 12/2018" is a month of that year.
    masked = re.sub(
        r"(?<!thang )(?<!\d)\d{1,6}\s*/\s*\d{4}|\d{1,2}/\d{1,2}/\d{4}", lambda m: " " * len(m.group(0)), masked
    )
    masked = re.sub(r"\bthang \d{1,2}\s*/\s*(?=\d{4})", lambda m: " " * len(m.group(0)), masked)
    # "Bộ tiêu chí năm 2009 đã sửa đổi năm 2013": the years documents were issued, not years asked about.
    # But a recognition decision signed that year ("quyết định công nhận đạt chuẩn ký năm 2019") dates the recognition.
    masked = re.sub(
        # "vẫn theo bộ cũ năm 2009", "theo hướng dẫn của Bộ NN&PTNT năm 2018": the years a set or guidance was issued.
        r"\b(bo tieu chi(?: quoc gia)?(?: ve)?(?: xa)?(?: nong thon moi| ntm)?|bo (?:cu|moi)|ban hanh|sua doi|bo sung"
        r"|ky|huong dan(?: cua bo(?: [a-z&]+){0,3})?)"
        r"( (vao|tu|nam|da|duoc))* (19|20)\d\d\b",
        lambda m: (
            m.group(0)
            if m.group(1) == "ky" and "cong nhan" in m.string[max(0, m.start() - 50) : m.start()]
            else " " * len(m.group(0))
        ),
        masked,
    )
    # "theo 491 hay 1980": the decision; no question about the programme asks of the year 1980 ("năm 1980" is kept).
    masked = re.sub(r"(?<!nam )\b1980\b", "    ", masked)
    # "xã mới thành lập khi sắp xếp đơn vị hành chính năm 2025": the year places changed, not the year asked about.
    masked = re.sub(
        r"\b(sap xep|sap nhap|hop nhat|thanh lap)( [a-z]+){0,4}? (nam |tu nam )?(19|20)\d\d\b",
        lambda m: " " * len(m.group(0)),
        masked,
    )
    # "năm 2025 sáp nhập với xã bên cạnh": the year told first is the merger's too.
    masked = re.sub(
        r"\b(?:19|20)\d\d(?=,? (?:(?:xa|huyen|tinh)(?: [a-z]+){0,2} )?(?:duoc |bi )?(?:sap xep|sap nhap|hop nhat)\b)",
        "    ",
        masked,
    )
    # "Quyết định 691 năm 2018 có hiệu lực từ ngày nào": the year the document was issued, unless a recognition is
    # told just before ("đạt chuẩn theo QĐ 691 năm 2020" may date the recognition).
    masked = re.sub(
        # The issuer's code may be spelt out ("491/quyet dinh-thu tuong" after normalise_question).
        r"\b(quyet dinh|qd|cong van|cv|nghi quyet|nq|nghi dinh|nd|thong tu|tt)\s+(so\s+)?\d{2,4}"
        r"(/[a-z0-9&-]+(?: [a-z0-9&-]+){0,3})?"
        # "các QĐ 318, 319, 320 năm 2022 còn hiệu lực không": the year several documents were issued.
        r"(?:\s*(?:,|va)\s*\d{2,4}(?:/[a-z0-9&-]+)?)*\s+nam\s+(19|20)\d\d\b"
        # … and what follows speaks of the document ("có hiệu lực", "sửa", "ban hành"), not of the unit's year
        # ("QĐ 320 năm 2024 cần làm gì").
        # "Ông nào ký QĐ 491 năm 2009, và bộ tiêu chí …": a clause about the document ends there too.
        r"(?=\s+(co hieu luc|hieu luc|ban hanh|ky|quy dinh|ve|sua|thay|gom|duoc|bi|la|con|co)\b|\s*,\s*(va|con)\b)",
        lambda m: (
            m.group(0)
            if _RECOGNITION_CUE.search(m.string[max(0, m.start() - 50) : m.start()])
            else " " * len(m.group(0))
        ),
        masked,
    )
    # "Theo QĐ 1980", "quyết định 1980", "hồi chưa có bộ 1980", "đạt lại theo 1980": a document number, not a year.
    masked = re.sub(
        r"\b(quyet dinh|qd|cong van|cv|bo tieu chi|bo|theo)\s+(so\s+)?\d{3,4}\b",
        lambda m: " " * len(m.group(0)),
        masked,
    )
    years = [(int(m.group(1)), m.start()) for m in _YEAR.finditer(masked)]
    recognition_year = None
    recognition_period = None
    cued_period = False
    ask_year = None
    ask_pos = -1
    set_period = None
    for m in periods:
        before = f[max(0, m.start() - 70) : m.start()]
        value = f"{m.group(1)}-{m.group(2)}"
        if _CONTRAST.search(before[-30:]):
            # "…giai đoạn 2021-2025 theo QĐ 33/2020. Còn giai đoạn 2026-2030 thì …": the period turned to is asked.
            set_period = value
            if not cued_period:
                recognition_period = None
            continue
        if _GUESSED.search(before) and re.match(r"[^.?!]{0,30}\bhay\b", f[m.end() :]):
            # "… giữ chuẩn theo bộ tiêu chí nào, bộ 2026-2030 hay bộ khác?": a guess offered after asking which set;
            # the date decides, not the period guessed.
            continue
        if re.search(r"\broi\s*,\s*(trong |o )?(giai doan|thoi ky)?\s*$", before):
            # "Huyện mình đạt chuẩn NTM rồi, giai đoạn 2021-2025 này phải …": "rồi," ends the clause that told the
            # recognition, without its time; the period after it is the time asked about, not the recognition's.
            continue
        told = _RECOGNITION_CUE.search(before)
        own = _YEAR.search(before[told.start() :]) if told else None
        if own and not int(m.group(1)) <= int(own.group(1)) <= int(m.group(2)) and not _SET_CUE.search(before):
            # "Huyện đã đạt chuẩn năm 2015, giai đoạn 2021-2025 phải làm gì?": the recognition has its own year, out of
            # the period; the period after it is the time asked about ("năm 2019 (giai đoạn 2018-2020)" is its own).
            ask_year = ask_year or int(m.group(2))
            continue
        if _TASK_NAMED.search(before) and (REQUIRES_LIST.search(f) or _CONDITIONS_ASKED.search(f)):
            # "Thành phố thuộc tỉnh hoàn thành nhiệm vụ xây dựng NTM giai đoạn 2016-2020 cần điều kiện gì?": the task
            # named as what a town of that period must meet, not a completion obtained.
            set_period = set_period or value
            continue
        if _RECOGNITION_CUE.search(before[-30:]) and not _PURPOSE.search(before):
            recognition_period = recognition_period or value
            cued_period = True
            if _figure_of_recognition(f, _sentence_to(f, m.start())):
                # "Xã đạt chuẩn NTM giai đoạn 2016-2020 thì tỷ lệ … phải đạt bao nhiêu?": with nothing to do and no
                # "now", the figure asked is that period's set's, the standard the unit was recognised against.
                set_period = set_period or value
        elif _SET_CUE.search(before):
            set_period = set_period or value
        elif (
            _PURPOSE.search(before)
            or (_CONTENT_ASK.search(f) and not ACTION.search(f) and not _RECOGNITION_CUE.search(before))
            # "xã NTM kiểu mẫu giai đoạn 2021-2025 phải đáp ứng mấy điều kiện, kể ra": the set's own content.
            or (SET_CONTENT.search(f) and not _RECOGNITION_CUE.search(before))
        ):
            # "Tỷ lệ hộ nghèo của xã NTM 2021-2025 phải dưới bao nhiêu?": with no word of recognition and
            # nothing to do, the period is that of the set whose figure is asked, not of a recognition.
            set_period = set_period or value
        elif (
            _NAMED_BY_PERIOD.search(before)
            and (REQUIRES_LIST.search(f) or _REQUIRED_OF.search(f) or _WHO_SETS.search(f))
            and not _RECOGNITION_CUE.search(before)
            and not _UNIT_RECOGNISED.search(f)
        ):
            # "Xã NTM nâng cao giai đoạn 2021-2025 phải đáp ứng những gì?": a unit named by the tier and period of a
            # set, with no word of its recognition, names that set; it is not a unit recognised in that period.
            set_period = set_period or value
        elif _RECOGNITION_ASKED.search(before) and not ASKERS_UNIT.search(f):  # the asker's own unit's is told
            # "Ai công nhận xã đạt chuẩn NTM giai đoạn 2016-2020?", "Thủ tục công nhận xã … giai đoạn 2016-2020 theo
            # văn bản nào?": the recognition itself is asked of any unit of that period; its rules are that period's.
            set_period = set_period or value
        elif _DURING.search(before) and int(m.group(1)) not in _PERIOD_STARTS:
            # "Trong giai đoạn 2023-2025, các huyện đã đạt chuẩn … được yêu cầu …": a span of years the question asks
            # about, no programme's period: its last year is the time asked about, not a period of recognition.
            ask_year = ask_year or int(m.group(2))
        elif recognition_period is None:
            recognition_period = value  # uncued: a recognition year found below dates the recognition instead
            if _RECOGNITION_CUE.search(before) and _figure_of_recognition(f, _sentence_to(f, m.start())):
                set_period = set_period or value  # as above, the cue a little further back
    # "năm 2019 đạt chuẩn NTM, năm 2023 rà soát lại": the cue right after an earlier year (no comma between) is that
    # year's recognition; a year after a comma is looked at after that cue only. ("Năm 2023, xã … được công nhận năm
    # 2019", "Năm 2023 một huyện đã đạt chuẩn NTM từ năm 2012": the cue is the later year's.)
    told_ends = [
        p + 4 + a.end(1)
        for _, p in years
        if (a := _RECOGNITION_AFTER.search(masked[p + 4 : p + 90])) and not re.search(r"[,;]", a.group(0))
    ]
    cued_before = [
        (y, p)
        for y, p in years
        if _RECOGNITION_CUE.search(
            masked[max([p - 70, 0] + [e for e in told_ends if e < p and re.search(r"[,;]", masked[e:p])]) : p]
        )
        and not _ASOF_CUE.search(masked[max(0, p - 12) : p])
        # "Xã phấn đấu đạt chuẩn NTM nâng cao năm 2023 thì căn cứ …": the year of a goal is the time asked about;
        # so is the year of a unit's purpose (_PURPOSE_OF_UNIT).
        and not _INTENT.search(_sentence_to(masked, p)[-70:])
        and not _PURPOSE_OF_UNIT.search(_sentence_to(masked, p)[-70:])
    ]
    # A year followed by "… được công nhận" counts only when no year is introduced by the cue itself.
    cued_after = []
    for y, p in years:
        after = _RECOGNITION_AFTER.search(masked[p + 4 : p + 90])
        # "Năm 2027 tỉnh … muốn được công nhận": a goal for that year, not a recognition obtained.
        # "đến năm 2030 phấn đấu có bao nhiêu tỉnh được công nhận": a target, not a recognition.
        # "dự kiến đến 2028 mới đạt chuẩn": a year the asker plans for, named before it.
        planned = _TARGET.search(masked[max(0, p - 20) : p])
        # "Năm 2030 bao nhiêu % xã đạt chuẩn?": a share of the units, a target of that year, not a recognition.
        told = after.group(0) if after else ""
        if after and _ASKED_IF.search(masked[p + 4 + after.start(1) - 4 : p + 4 + after.end(1) + 30]):
            # "Tỷ lệ hộ nghèo … năm 2024, có đạt chuẩn không?": whether it meets the standard is asked, not told.
            continue
        if after and _CONTENT_ASK.search(f) and re.match(r"\s*cua (xa|huyen|thi xa|tinh)\b", masked[p + 4 :]):
            # "Thu nhập năm 2025 của xã đạt chuẩn nâng cao … là bao nhiêu?": the year of the figure asked, of any
            # commune of that tier; no unit's recognition.
            continue
        # "năm 2024 để xã vùng Đông Nam Bộ đạt chuẩn": the unit's purpose that year (_PURPOSE_OF_UNIT), named after it.
        purpose = re.search(r"\bde (xa|huyen|thi xa|tinh)\b", told)
        if after and not _INTENT.search(told) and not _TARGET.search(told) and not planned and not _SHARE.search(told):
            if purpose:
                continue
            cued_after.append((y, p))
    recognised = (cued_before or cued_after or [None])[0]
    # "… năm 2023 Công văn 14 yêu cầu … Giờ đã cuối năm 2026, xã giữ chuẩn theo bộ nào?": the year of the sentence
    # that asks is the year asked about, before a year the preamble tells.
    asked_at = f.rfind("?")
    asking_start = max((m.end() for m in re.finditer(r"[.!?;]\s", f[:asked_at])), default=0) if asked_at > 0 else 0
    for year, pos in years:
        before = masked[max(0, pos - 70) : pos]
        if _BEFORE_YEAR.search(before[-12:]):
            continue  # "trước năm 2021" bounds a period; it is not a year of recognition
        if recognition_year is None and recognised == (year, pos):
            recognition_year = year
        elif _recognised_at(before.rsplit(",", 1)[-1]):
            continue  # "một xã đạt chuẩn năm 2019, một xã đạt nâng cao năm 2020": another recognition, not a time asked
        elif (year, pos) in cued_after and not any(pos < p0 < pos + 90 for _, p0 in cued_before):
            # "năm 2015 đạt chuẩn, năm 2020 đạt nâng cao, năm 2023 …": another recognition, told year first (not
            # "Năm 2024 một xã đã đạt chuẩn từ năm 2013": that cue is the later year's).
            continue
        elif ask_year is None or (asking_start and pos >= asking_start > ask_pos):
            ask_year, ask_pos = year, pos
    asking = f[asking_start:]
    if ask_year is not None and ask_pos < asking_start and _THIS_YEAR.search(asking) and not _THEN.search(asking):
        # "… năm 2018. Nay xã rà soát thì …?": the asking sentence's "now" beats a year the preamble tells.
        ask_year = None
    verbs = r"\b(phai|can|lam gi|ap dung|thuc hien)\b"
    if (
        recognition_year is None
        and ask_year is not None
        and len(years) == 1
        and not re.search(verbs, f)
        and not re.search(r"\b(tieu chi|chi tieu)\b", f)  # a criteria question's year is the year asked about
        # "Mức thu nhập xã NTM nâng cao năm 2025 vùng Đông Nam Bộ?": a figure's year, asked of any unit of the tier.
        and not re.search(r"\b(muc|bao nhieu|ty le)\b", f)
        and _TIER_THEN_YEAR.search(masked[: years[0][1]])
        and not _INTENT.search(_sentence_to(masked, years[0][1]))  # "muốn đạt NTM kiểu mẫu năm 2024": a goal
        and not _PURPOSE_OF_UNIT.search(_sentence_to(masked, years[0][1]))  # "… để xã nhóm 2 đạt chuẩn năm 2027"
    ):
        # A year right after the tier with no verb ("xã NTM kiểu mẫu 2019") dates the recognition.
        recognition_year, ask_year = ask_year, None
        recognised = years[0]
    if recognition_year is not None and not cued_period:
        # "công nhận năm 2018 …; trong giai đoạn 2021-2025 xã phải đáp ứng …": the year dates the recognition,
        # the uncued period is the one asked about.
        recognition_period = period_of(recognition_year)
    told = _sentence_to(f, recognised[1] + 4) if recognised is not None else ""  # the sentence telling the recognition
    if (
        recognition_year is not None
        and set_period is None
        and ask_year is None
        and _DOSSIER.search(told)
        and _figure_of_recognition(f, told)
    ):
        # "Hồ sơ xã đạt chuẩn năm 2019 chấm chỉ tiêu … tối thiểu bao nhiêu %?": the recognition's own dossier was
        # scored against the set of its time. ("Xã được công nhận năm 2018. Tỷ lệ lao động là bao nhiêu?" names no
        # set: the figure of the set in force is asked.)
        set_period = period_of(recognition_year)
    if (
        recognised is not None
        and recognition_year == recognised[0]
        and ask_year is None
        # "(trước tháng 12) thì lúc đó xét theo bộ nào": an aside in brackets does not part the year from its set.
        and (
            _UNDER_WHICH.match(re.sub(r"\([^)]*\)", " ", masked[recognised[1] + 4 :]))
            # "Xã đạt chuẩn năm 2016 theo 491 hay 1980?": which of two decisions, named by their numbers.
            or _EITHER_DECISION.match(f[recognised[1] + 4 :])
        )
        and not NOW_WORDS.search(f)
        and not _ACTION_NOW.search(f)
    ):
        # "Năm 2012 xã đạt chuẩn nông thôn mới theo bộ tiêu chí nào?", "Xã đạt NTM kiểu mẫu năm 2019 thì theo quyết
        # định nào?": the set the recognition was made under, which is the set of its year.
        ask_year = recognition_year
    if recognition_year is not None and set_period is None and _THEN.search(f):
        # "… công nhận năm 2018. Theo bộ tiêu chí áp dụng khi đó, …": the set of the recognition's time, and that time
        # is the one asked about ("Huyện đạt chuẩn năm 2017 áp dụng bộ tiêu chí huyện nào khi đó?").
        set_period = period_of(recognition_year)
        # (Without a "?", the last sentence asks: "… hồi đó chấm theo bộ 491. tháng 7 này đoàn … chấm theo bộ nào".)
        last = asking_start if asked_at > 0 else max((m.end() for m in re.finditer(r"[.!;]\s", f)), default=0)
        then = _THEN.search(f, last)
        # And only for which set it asks: a figure of that time ("Hồi đó tỉ lệ hộ nghèo phải dưới bao nhiêu?") is read
        # from the set of the period, the question's date staying today.
        which = re.search(r"\b(bo tieu chi|bo|quyet dinh|van ban|qd)( [a-z0-9]+){0,3} (nao|hay)\b", f[last:])
        if then is not None and which and not NOW_WORDS.search(f[last:]) and not _THIS_YEAR.search(f[last:]):
            # Only when the asking sentence says it: "khi đó xét theo bộ …" in a preamble tells the recognition,
            # and the question after it ("trước mắt xã phải rà soát …?") asks about now.
            ask_year = ask_year or recognition_year
    return recognition_year, recognition_period, ask_year, set_period
