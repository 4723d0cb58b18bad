"""Question understanding: level, tier, years, named sets, region, criterion, indicator.

Everything is matched on the folded text (lower case, no diacritics), so "xa dat chuan ntm
nam 2014" reads like "xã đạt chuẩn NTM năm 2014"; key words with small typos are corrected
against the domain vocabulary first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from assistant.criterion_names import criterion_by_name
from assistant.topic import EVERYDAY_TERMS, QUESTION_WORD, marked_clause
from assistant.unit import first_level, own_unit, read_level, read_tier
from assistant.years import ACTION, RECOGNITION_WORDS, STANDING_NOW, period_of, read_years, recognition_date
from corpus.criteria import Catalogue
from corpus.normalize import fold, normalize_text

MAX_CHARS = 5000

# Sets the user can name, by the number people type (and common short forms).
NAMED_SETS: dict[str, str] = {
    "491": "491/QĐ-TTg",
    "342": "342/QĐ-TTg",
    "1980": "1980/QĐ-TTg",
    "558": "558/QĐ-TTg",
    "1345": "1345/BNN-VPĐP",
    "691": "691/QĐ-TTg",
    "318": "318/QĐ-TTg",
    "319": "319/QĐ-TTg",
    "320": "320/QĐ-TTg",
    "14": "14/BCĐCTMTQG",
    "5766": "5766/UBND-CNN&XD",
    "51": "51/2025/QĐ-TTg",
}

# Key phrases whose misspellings are corrected (accent-free). Single syllables are not
# corrected: Vietnamese syllables are short and a one-letter change is usually another word.
_PHRASES = [
    "nong thon moi",
    "nang cao",
    "kieu mau",
    "thong minh",
    "tieu chi",
    "dat chuan",
    "cong nhan",
    "giai doan",
    "quyet dinh",
    "cong van",
    "phai lam gi",
    "bao cao",
    "bo tieu chi",
    "huyen",
    # Words of asking and document kinds that decide what the question asks ("bao nhiu", "Nghị địng").
    "bao nhieu",
    "hieu luc",
    "nghi dinh",
    "nghi quyet",
    "khu vuc",
]
# Real words one edit away from a key phrase, never "corrected".
_PROTECTED = {
    "chi tiet",
    "nang luc",
    "kieu nay",
    "cong an",
    "dat chua",
    "bao cap",
    "cong tac",
    "quyet toan",
    "thong tin",
    "quy dinh",
    "hoyen",
}

_ABBREVIATIONS = [
    (r"\bntmnc\b", "nong thon moi nang cao"),
    (r"\bntmkm\b", "nong thon moi kieu mau"),
    (r"\bntm\b", "nong thon moi"),
    (r"\bnc\b", "nang cao"),
    # "xã NTM KM" is kiểu mẫu; "tỷ lệ km đường huyện", "5 km", "số km kênh mương" are kilometres.
    (r"(?<!\d)(?<!\d )(?<!so )(?<!le )(?<!nhieu )(?<!may )\bkm\b(?!\s*(duong|kenh|muong|de|song|/))", "kieu mau"),
    (r"\bqd\b", "quyet dinh"),
    (r"\bcv\b", "cong van"),
    (r"\bttg\b", "thu tuong"),
    (r"\bbcd\b", "ban chi dao"),
    (r"\btp\.?\s", "thanh pho "),
    (r"\btc\s*(?=(?:so\s*)?\d)", "tieu chi "),
    (r"\b(bo|cac) tc\b", r"\1 tieu chi"),
    (r"\bnq\b(?!\s*-)", "nghi quyet"),
    # "PL I của QĐ 51/2025", "PL 2": an annex.
    (r"\bpl\s*(?=(?:so\s*)?(?:[ivx]{1,4}|\d{1,2})\b)", "phu luc "),
    # "Đ1 QĐ 558", "k2 d2 qd 558": an article and a clause as officials abbreviate them.
    (r"\bd\s?(?=\d{1,2}\b)", "dieu "),
    (r"\bk\s?(?=\d{1,2}\b)", "khoan "),
    # Schools and cooperatives, as officials abbreviate them in criteria 5, 13 and 14.
    (r"\bthpt\b", "trung hoc pho thong"),
    # "trường cấp 3", "học hết cấp 2": the school levels as people name them.
    (r"\b(truong|hoc|het|xong|tot nghiep) cap (?:3|iii|ba)\b", r"\1 trung hoc pho thong"),
    (r"\b(truong|hoc|het|xong|tot nghiep) cap (?:2|ii|hai)\b", r"\1 trung hoc co so"),
    (r"\b(truong|hoc|het|xong|tot nghiep) cap (?:1|i|mot)\b", r"\1 tieu hoc"),
    (r"\bthcs\b", "trung hoc co so"),
    (r"\bhtx\b", "hop tac xa"),
    # Chat shorthand: "bn" (bao nhiêu), "bao h" (bao giờ), "ko"/"k0" (không), "dc"/"đc" (được), "j" (gì).
    (r"\bbn\b", "bao nhieu"),
    (r"\bbao h\b", "bao gio"),
    (r"\b(?:ko|k0|khg)\b", "khong"),  # not "KH", which is "kế hoạch" ("KH-UBND")
    (r"\bdc\b", "duoc"),
    (r"\bvs\b", "voi"),  # "đối chiếu vs văn bản nào"
    # "kí", "lí" are spellings of "ký", "lý" ("ai kí", "quản lí"), not other words.
    (r"\bki\b", "ky"),
    (r"\bli\b", "ly"),
    (r"\bti le\b", "ty le"),  # "tỉ lệ" is "tỷ lệ"
    (r"\bsuy dd\b", "suy dinh duong"),
    (r"\b(la|ten|noi|quy dinh|yeu cau) j\b", r"\1 gi"),
    # Indicators officials name by their initials.
    (r"\bbhyt\b", "bao hiem y te"),
    (r"\battp\b", "an toan thuc pham"),
    (r"\bdtts\b", "dan toc thieu so"),
    # Budgets, as the programme's resolutions abbreviate them.
    (r"\bnsnn\b", "ngan sach nha nuoc"),
    (r"\bnstw\b", "ngan sach trung uong"),
    (r"\bnsdp\b", "ngan sach dia phuong"),
]

# Addresses ("xã Ka Đô, huyện Đơn Dương, tỉnh Lâm Đồng") name where the asker works, not the unit asked about.
_ADDRESS = re.compile(
    r"\b(?:xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh|quận"
    # Typed without marks ("xa Tien Luc, huyen Lang Giang").
    # A name, not an abbreviation: "bộ tiêu chí xã NTM" names the level.
    r"|xa|phuong|thi tran|huyen|thi xa|thanh pho|tinh|quan)\s+(?:[A-ZĐ](?![A-ZĐ])[\wÀ-ỹ]*)"
    r"(?:\s+[A-ZĐ](?![A-ZĐ])[\wÀ-ỹ]*)*"
)
# After a province's name: it is named as it was before the 2025 merger ("Gia Lai cũ", "… trước khi hợp nhất").
_FORMER = re.compile(r"\s*(?:\()?(cu|cũ|truoc khi (hop nhat|sap nhap|sap xep)|trước khi (hợp nhất|sáp nhập|sắp xếp))\b")
# "hiện nay", "bây giờ": the question is about the date it is asked.
NOW_CUE = re.compile(
    r"\b(hien nay|bay gio|hien tai|hien hanh|hien gio|moi nhat|dang ap dung|dang co hieu luc|den nay"
    r"|den thoi diem nay|thang nay|hom nay|luc nay)\b"
)
_HISTORY = re.compile(r"\b(lich su|truoc day|sua doi|thay the|thay cho|bo tieu chi cu|da het hieu luc|con hieu luc)\b")
_DUTIES = re.compile(r"\b(bao cao|giam sat|kiem tra|ngan sach|nguon luc|lo trinh|ke hoach)\b")
_CRITERION_NO = re.compile(r"\btieu chi\s*(?:(?:so|thu)\s*)?(\d{1,2})\b(?!\.\d)")
_INDICATOR = re.compile(r"\b(?:chi tieu\s*(?:so\s*)?)?(\d{1,2}\.\d{1,2})\b")


@dataclass
class Query:
    """What a question asks about; every field is optional."""

    text: str
    folded: str
    level: str | None = None  # xã | huyện | thị xã | thành phố | tỉnh
    tier: str | None = None  # NTM | nâng cao | kiểu mẫu | thông minh
    recognition_year: int | None = None
    recognition_date: dt.date | None = None  # the day or month of the recognition, when said ("tháng 1 năm 2022")
    recognition_period: str | None = None
    period: str | None = None  # the period of a set the question names ("bộ tiêu chí giai đoạn 2021-2025")
    not_recognised: bool = False  # "xã chưa đạt chuẩn"
    ask_year: int | None = None  # the year the question is about ("năm 2023 phải làm gì")
    sets: list[str] = field(default_factory=list)  # document numbers named
    province: str | None = None
    province_former: bool = False  # "tỉnh Vĩnh Phúc cũ": the province before the 2025 reorganisation
    # The other provinces named, in order, each with whether it is named as before the reorganisation.
    other_provinces: list[tuple[str, bool]] = field(default_factory=list)
    region: str | None = None  # vung-7 code
    commune_group: str | None = None  # "N1".."N3": "xã nhóm 3", the column of a 2026-2030 set
    place_regions: dict[str, str] = field(default_factory=dict)  # former province → vung-7 code, when several
    place_note: str | None = None  # what the province name covers on the answer's date
    criterion: int | None = None
    criterion_name: str | None = None
    indicator: str | None = None
    indicators: list[str] = field(default_factory=list)  # every indicator named by its code ("17.1 và 17.7")
    history: bool = False
    duties: bool = False
    action: bool = False
    domain: bool = False  # mentions anything of the NTM domain at all
    # A follow-up's earlier question ("Còn theo QĐ 1980 thì vùng đó là bao nhiêu?"): the topic it leaves unsaid.
    context: str = ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["recognition_date"] = self.recognition_date.isoformat() if self.recognition_date else None
        return d


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (the strings are a few syllables long)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _close(window: str, phrase: str) -> bool:
    """A slip of the keyboard: same number of syllables, each within one edit, two edits in all,
    first letters equal. "nong thong moi" → "nong thon moi", but "thong tin" stays itself."""
    got, want = window.split(), phrase.split()
    if len(got) != len(want) or window in _PROTECTED:
        return False
    # Cheap tests first: this runs for every window of every question against every key phrase.
    if any(a[0] != b[0] or abs(len(a) - len(b)) > 1 for a, b in zip(got, want, strict=True)):
        return False
    edits = [_distance(a, b) for a, b in zip(got, want, strict=True)]
    # Two-syllable phrases tolerate one slip ("bo cho" is not "bao cao"), longer ones two.
    budget = 1 if len(want) <= 2 else 2
    return all(e <= 1 for e in edits) and 0 < sum(edits) <= budget


# Key phrases by their first letter: a slip never changes it (see _close), so only these are tried.
_BY_LETTER: dict[str, list[str]] = {}
for _phrase in _PHRASES:
    _BY_LETTER.setdefault(_phrase[0], []).append(_phrase)


def _fix_typos(folded: str) -> str:
    words = folded.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in _BY_LETTER.get(words[i][:1], ()):
            n = len(phrase.split())
            window = " ".join(words[i : i + n])
            if len(words) - i >= n and window.replace(" ", "").isalpha() and _close(window, phrase):
                out.extend(phrase.split())
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


# The everyday words of topic.EVERYDAY_TERMS, longest first; each keeps its place and gets the regulation's beside it.
_EVERYDAY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, EVERYDAY_TERMS), key=len, reverse=True)) + r")\b")


_UNITS = dict(mot=1, nhat=1, hai=2, ba=3, bon=4, tu=4, nam=5, lam=5, sau=6, bay=7, tam=8, chin=9)
_UNIT_WORD = "(?:" + "|".join(w for w in _UNITS if w != "nhat") + ")"  # "nhất" only as "thứ nhất"
# "tiêu chí thứ mười bốn", "chỉ tiêu số hai", "Điều thứ nhất": a number written in words. A single word needs "thứ" or
# "số" before it ("các tiêu chí sau" is "the following criteria", not criterion 6); "mười …" is a number alone.
_NUMBER_WORDS = re.compile(
    r"\b(tieu chi|chi tieu|dieu|khoan|muc|chuong|phu luc)( thu| so)?"
    rf" (muoi(?: {_UNIT_WORD})?|(?<= thu )(?:nhat|{_UNIT_WORD})|(?<= so ){_UNIT_WORD})\b"
)

# "bộ tiêu chí 2010", "bộ tiêu chí năm 2022": a set named by a year (1980 is a number) that no decision was issued in
# (those are _SET_BY_YEAR's).
_SET_OF_YEAR = re.compile(
    r"\bbo(?: tieu chi(?: quoc gia)?(?: ve)?(?: xa)?(?: nong thon moi)?)?( nam)? (20(?:0[89]|[1-3]\d))\b(?!\s*[-/])"
)


def _set_of_year(m: re.Match[str]) -> str:
    """ "bộ tiêu chí 2010" → "bộ tiêu chí giai đoạn 2010-2015": a set named by a year alone is the set of that year's
    period, read as the period is. A decision's year ("bộ tiêu chí 2009") names that decision (_SET_BY_YEAR); 2025 is
    both 318's last year and 51/2025's."""
    year = int(m.group(2))
    if str(year) in _SET_YEARS:
        return m.group(0)
    named = m.group(0)[: (m.start(1) if m.group(1) else m.start(2)) - m.start(0)].rstrip()
    return f"{named} giai doan {period_of(max(year, 2010))}"


_NTH_OF = re.compile(
    r"\bchi tieu (?:thu |so )?(\d{1,2})(?: cua| thuoc| trong)? tieu chi (?:thu |so )?(\d{1,2})\b(?!\.\d)"
)
_OF_NTH = re.compile(r"\btieu chi (?:thu |so )?(\d{1,2}),? chi tieu (?:thu |so )?(\d{1,2})\b(?!\.\d)")


def _number_of(words: str) -> int:
    """ "muoi bon" → 14, "nhat" → 1."""
    tens, _, unit = words.partition(" ")
    if tens == "muoi":
        return 10 + (_UNITS[unit] if unit else 0)
    return _UNITS[words]


# "Xã đã đạt 19 tiêu chí năm 2020", "đạt đủ 19/19 tiêu chí từ 2018": every criterion of the commune set met in a
# year is the recognition told in other words; its "19" is no criterion. ("Năm 2024 xã tự đánh giá đã đạt đủ 19/19
# tiêu chí theo bộ …, đã đủ điều kiện đề nghị công nhận chưa?" tells no year after it: an assessment, not this.)
_ALL_MET = re.compile(
    r"\b(?:(da) )?dat (?:du |ca |het |tron )?19(?: ?/ ?19| tren 19)? tieu chi(?: nong thon moi)?"
    r"(?=(?: (?:nam|tu nam|vao nam|tu|trong nam))? (?:19|20)\d\d\b)"
)

_DROPPED = re.compile(r"(?<!\w)(?:[Bb]ỏ|BỎ) (?=(?:tiêu chí|chỉ tiêu|TIÊU CHÍ|CHỈ TIÊU)\b)")

_BARE_PERIOD = re.compile(r"(?<![\d/.-])((?:19|20)\d\d) ((?:19|20)\d\d)(?![\d/.-])")


@lru_cache(maxsize=4096)
def normalise_question(text: str) -> str:
    """Folded, abbreviation-expanded, typo-corrected form of a question; cached, since the needs, the parts and every
    answerer read the same question (the typo check tries every window against every key phrase)."""
    # "bỏ tiêu chí nào" (dropped which criteria) folds to "bộ tiêu chí nào" (which set): said as "loại bỏ những …".
    folded = fold(_DROPPED.sub("loại bỏ những ", normalize_text(text)))
    folded = re.sub(r"[“”\"'«»]", " ", folded)
    folded = re.sub(r"\b(qd|cv|nd|tt|so)(\d)", r"\1 \2", folded)
    for pattern, repl in _ABBREVIATIONS:
        folded = re.sub(pattern, repl, folded)
    folded = _NUMBER_WORDS.sub(lambda m: f"{m.group(1)} {_number_of(m.group(3))}", folded)
    folded = _SET_OF_YEAR.sub(_set_of_year, folded)
    folded = _ALL_MET.sub(lambda m: f"{m[1] or ''} dat chuan nong thon moi".lstrip(), folded)
    # "bo tieu chi 2026 2030", typed without the dash: a programme's period, not two years.
    folded = _BARE_PERIOD.sub(lambda m: f"{m[1]}-{m[2]}" if 2 <= int(m[2]) - int(m[1]) <= 10 else m[0], folded)
    # "chỉ tiêu 2 của tiêu chí 17", "tiêu chí 17, chỉ tiêu thứ 2": indicator 17.2, written as the sets write it.
    folded = _NTH_OF.sub(r"chi tieu \2.\1", folded)
    folded = _OF_NTH.sub(r"chi tieu \1.\2", folded)
    folded = _EVERYDAY.sub(lambda m: f"{m.group(1)} {EVERYDAY_TERMS[m.group(1)]}", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    return _fix_typos(folded)


def _sets(f: str) -> list[str]:
    found: list[str] = []
    if re.search(r"\b51\s*/\s*2025\b", f):
        found.append(NAMED_SETS["51"])
    cue = r"(?:quyet dinh|cong van|van ban|bo tieu chi|theo|tai|cua)"
    for m in re.finditer(r"\b(491|342|1980|558|1345|691|318|319|320|5766|14|51)\b(?!\s*[-–]\s*\d)", f):
        num = m.group(1)
        before = f[max(0, m.start() - 25) : m.start()]
        after = f[m.end() : m.end() + 12]
        if re.search(r"(?<!bo )(?<!khung )(tieu chi|chi tieu)\s*(so\s*)?$", before):
            continue  # "tiêu chí số 14" is a criterion, not a document
        if re.match(r"\s*/\s*\d", after) or re.search(r"\d\s*/\s*$", before):
            continue  # a date ("ngày 14/3/2014", "ngày 02/14/…") or another number ("5/14/…"), not a document
        # Numbers that are also years or small counts need a cue; 318/319/320/1345/558/691 stand alone.
        # "bộ TC xã NTM 1980": the set's words a few words before the number name it too.
        # ("tiêu chí văn hóa xã NTM 1980": right after the programme's name, no year of it.)
        set_words = num == "1980" and re.search(
            r"\bbo tieu chi(?: [a-z]+){0,4}\s*$|\bnong thon moi\s*$", f[max(0, m.start() - 45) : m.start()]
        )
        # "bộ 1980", "bộ 51" name the set of that decision; "bộ 14 tiêu chí" counts criteria.
        # ("Hồi chưa có bộ 1980, …" names the time before it, not the set.)
        the_set = (
            re.search(r"\bbo\s*$", before)
            and not re.search(r"\b(chua co|truoc khi co)\s+bo\s*$", before)
            and not re.match(r"\s*(tieu chi|chi tieu)\b", after)
        )
        # "theo 491 hay 1980": one of a list of decisions.
        listed = re.search(r"\b(491|342|558|1980|318|319|320|1345|691)\s*(,|va|hay|hoac|voi|so voi)\s*$", before)
        if num in ("14", "1980", "5766", "51") and not (
            re.search(cue + r"\s*(so\s*)?$", before) or after.startswith("/") or set_words or the_set or listed
        ):
            continue
        if num == "1980" and re.search(r"\bnam\s*$", before):
            continue
        if NAMED_SETS[num] not in found:
            found.append(NAMED_SETS[num])
    # "Bộ tiêu chí quốc gia về nông thôn mới năm 2009", "bộ tiêu chí sửa đổi năm 2013": a set named by the year its
    # decision was issued (the district set of 2016 is 558, the commune set 1980).
    for m in _SET_BY_YEAR.finditer(f):
        if m.group(2) and found:
            continue  # "QĐ 342 sửa bộ tiêu chí 2009": the decision named is the subject; the year only tells it
        year = m.group(1) or m.group(2)
        number = "558" if year == "2016" and re.search(r"\bhuyen\b", m.group(0)) else _SET_YEARS[year]
        if NAMED_SETS[number] not in found:
            found.append(NAMED_SETS[number])
    return found


_SET_YEARS = {"2009": "491", "2013": "342", "2016": "1980", "2025": "51"}
_SET_BY_YEAR = re.compile(
    r"\bbo tieu chi(?: quoc gia)?(?: ve)?(?: (?:xa|huyen))?(?: nong thon moi| ntm)?(?: (?:xa|huyen))?"
    r"(?: (?:ban hanh|sua doi|dau tien|ra doi))?(?:(?: (?:nam|tu nam|vao nam|thang \d{1,2}/?))\s*(2009|2013|2016|2025)"
    # "bộ tiêu chí 2009": the year alone names the decision too (2025 alone may be 318's last year).
    r"| (2009|2013|2016)(?!\s*[-–/]\s*\d))\b"
)


def recognition_told(q: Query) -> bool:
    """The question tells the unit's recognition (its year or period, that it has none yet, or only the words: "được
    công nhận NTM kiểu mẫu theo QĐ 691, giờ …")."""
    told = q.recognition_year or q.recognition_period or q.not_recognised
    return bool(told or RECOGNITION_WORDS.search(q.folded))


# "Xã đã đạt chuẩn theo Quyết định 318 thì nay thế nào?": a recognised unit asking where it stands now, what applies.
# "Công văn 5766 yêu cầu huyện đã đạt chuẩn NTM nâng cao những gì?": what a recognised unit is told to do.
_STATUS_THEN_WHAT = re.compile(
    r"\b(xa|huyen|thi xa)\b[^?]{0,80}\b(dat chuan|duoc cong nhan|da dat)\b[^?]{0,80}" + STANDING_NOW + r"\s*\??\s*$"
    r"|\byeu cau (cac )?(xa|huyen|thi xa)\b[^.?!]{0,40}?\b(dat chuan|duoc cong nhan)\b[^.?!]{0,40}?"
    r" (phai )?(lam )?(nhung )?gi\b"
)


def understand(question: str, catalogue: Catalogue | None = None) -> Query:
    """Read what a question is about. Never raises on arbitrary text."""
    # Questions are at most 2,000 characters at the edges; history items and chat turns are read
    # only this far too, so no input makes understanding slow.
    text = normalize_text(question or "").strip()
    f = normalise_question(text[:MAX_CHARS])
    q = Query(text=text, folded=f)
    # Typed with marks: most words carry them. One marked word in an accent-free question ("… theo qd nao vây") does
    # not make "xa" the word "xa" (far) rather than "xã".
    words = re.findall(r"[^\W\d_]+", text)
    marked = sum(1 for w in words if any(ord(c) > 127 for c in w))
    has_marks = marked > 0 and marked >= 0.25 * len(words)
    accented = text.lower() if has_marks else None
    unaddressed = _ADDRESS.sub(" ", text[:MAX_CHARS])
    unit = own_unit(f, accented)
    q.level = (
        {"thi xa": "thị xã", "huyen": "huyện", "xa": "xã"}[unit]
        if unit
        else (first_level(unaddressed) if unaddressed != text[:MAX_CHARS] else None) or read_level(f, accented)
    )
    q.tier = read_tier(f)
    q.sets = _sets(f)
    q.recognition_year, q.recognition_period, q.ask_year, q.period = read_years(f)
    q.recognition_date = recognition_date(f, q.recognition_year)
    # "chưa được công nhận nâng cao" of a commune that "đạt chuẩn NTM": not yet the higher tier, yet recognised.
    not_yet = re.search(r"\bchua (dat chuan|duoc cong nhan|dat)\b(?! (?:nong thon moi |ntm )?(?:nang cao|kieu mau))", f)
    q.not_recognised = bool(not_yet) or bool(
        # "huyện muốn phấn đấu đạt chuẩn huyện NTM": a unit aiming at recognition has not got it yet.
        # "xã muốn đạt NTM kiểu mẫu", "xã đăng ký về đích NTM năm 2014": the same.
        re.search(
            r"\b(muon|phan dau|dang xay dung de|dang ky) (de )?(duoc )?"
            r"(dat chuan|cong nhan|dat (nong thon moi|ntm)|ve dich)\b",
            f,
        )
        and q.recognition_year is None
        and q.recognition_period is None
        and not re.search(r"\b(da|duoc) (dat chuan|cong nhan|duoc cong nhan)\b", f)
    )
    q.history = bool(_HISTORY.search(f))
    q.duties = bool(_DUTIES.search(f))
    q.action = bool(ACTION.search(f) or _STATUS_THEN_WHAT.search(f))
    if q.level and (q.recognition_year or q.recognition_period) and "?" not in text and not QUESTION_WORD.search(f):
        # "Xã tôi đạt chuẩn NTM năm 2018.": a unit's recognition told and nothing asked is told to learn what applies.
        q.action = True
    m = _CRITERION_NO.search(f)
    if m:
        q.criterion = int(m.group(1))
    m = _INDICATOR.search(f)
    if m and not re.search(r"\d{1,2}\.\d{1,2}\.\d", f[m.start() :]):
        q.indicator = m.group(1)
        q.criterion = q.criterion or int(m.group(1).split(".")[0])
        q.indicators = list(dict.fromkeys(x.group(1) for x in _INDICATOR.finditer(f[m.start() :])))
    catalogue = catalogue or Catalogue()
    try:
        regions = catalogue.regions
    except Exception:  # a broken catalogue must not stop question understanding
        regions = None
    if regions is not None:
        provinces, region_names = _place_patterns(regions, accented is not None)
        haystack = accented if accented is not None else f
        # The province named first in the question ("tỉnh Gia Lai trước khi hợp nhất với Bình Định" is Gia Lai).
        found = [(m, pattern, province) for pattern, province in provinces if (m := pattern.search(haystack))]
        hits = [(m.start(), m.end(), province) for m, _, province in found]
        # A province is named as it was before the merger when any mention says so ("nhập Phú Yên vào …, một xã
        # thuộc Phú Yên cũ").
        former = {
            province.name
            for _, pattern, province in found
            if any(_FORMER.match(haystack[m.end() :]) for m in pattern.finditer(haystack))
        }
        clause = marked_clause(text)
        if clause is not None and len(hits) > 1:
            # "Tôi ở Quảng Ngãi. Xin hỏi tỉnh Gia Lai mới gồm những tỉnh nào?": the province the asking clause names.
            asked = clause.lower() if accented is not None else normalise_question(clause)
            named = {p.name for pattern, p in provinces if pattern.search(asked)}
            hits = [h for h in hits if h[2].name in named] or hits
        if hits:
            hits.sort(key=lambda h: h[0])
            province = hits[0][2]
            q.province = province.name
            q.region = province.regions.get("vung-7")
            q.province_former = province.name in former
            q.other_provinces = [(p.name, p.name in former) for _, _, p in hits[1:]]
        if q.region is None:
            named_regions = {code for pattern, code in region_names if pattern.search(haystack)}
            # Two regions named ("vùng Trung du miền núi phía Bắc và vùng Đông Nam Bộ lần lượt là bao nhiêu"): the
            # answer gives every region's threshold, not the first one's.
            if len(named_regions) == 1:
                q.region = named_regions.pop()
    group = re.search(r"\b(?:xa (?:thuoc |o |la )?nhom|nhom xa) ([1-3])\b", f)  # ("nhóm xã 1" too)
    if group:
        q.commune_group = f"N{group.group(1)}"
    if q.tier == "đạt chuẩn":
        # "xã đạt chuẩn năm 2019" does not say which tier: from 2018 to 2020 a commune could be recognised
        # NTM, advanced (1345/BNN-VPĐP) or model (691); before, only NTM existed.
        ambiguous = q.level != "huyện" and q.recognition_year is not None and 2018 <= q.recognition_year <= 2020
        q.tier = None if ambiguous else "NTM"
    if q.criterion is None:
        q.criterion_name = criterion_by_name(f, catalogue, accented)
    if (
        q.recognition_year is not None
        and q.ask_year is None
        and (q.criterion or q.criterion_name or q.indicator)
        and not q.action
        and not NOW_CUE.search(f)
        and re.search(r"\b(bao nhieu|bn|may)\b", f)
    ):
        # "Ở Nghệ An xã đạt chuẩn NTM năm 2024 thì thu nhập phải bao nhiêu?": a criterion's figure at the
        # recognition, from the set of that year (318), not today's (51/2025 names no income figure).
        q.ask_year = q.recognition_year
    q.domain = bool(
        q.level
        or q.tier
        or q.sets
        or q.criterion
        or q.criterion_name
        or q.indicator
        # "tiêu chí" alone is an everyday word ("tiêu chí chọn mua laptop"); these are not.
        # OCOP ("mỗi xã một sản phẩm") is a programme of the NTM effort, whatever the corpus holds of it.
        # A model garden ("vườn mẫu") is a standard of the movement, which the provinces set.
        or re.search(
            r"\b(nong thon|bo tieu chi|ban chi dao|van phong dieu phoi|muc tieu quoc gia|mtqg|ocop|vuon (ho )?mau"
            # The poverty standard criterion 11 measures by ("chuẩn nghèo giai đoạn 2026-2030 là bao nhiêu").
            r"|chuan ngheo)\b",
            f,
        )
        # The roads the sets' transport criterion names ("đường trục thôn", "đường liên xã", "đường ngõ, xóm").
        or re.search(r"\bduong (truc|lien) (thon|xa|ban|ap)\b|\bduong ngo,? xom\b", f)
        # A province's region in the sets' regional levels ("Tỉnh Điện Biên thuộc vùng nào?"), or its place on the
        # 2025 map ("Hà Giang bây giờ thuộc tỉnh nào?").
        or (q.province and (re.search(r"\b" + REGION_ASKED, f) or MAP_CUES.search(f)))
        # What the corpus holds ("trong kho có những văn bản cấp bộ nào"), the 2025 map of the provinces.
        or re.search(r"\b(trong kho|kho van ban)\b", f)
        # "Kho có bao nhiêu văn bản" ("khó có" folds alike: the documents counted say which).
        or re.search(r"\bkho (co|gom|chua|luu) (bao nhieu|may|bn|nhung|cac) van ban\b", f)
        or re.search(r"\b(sap nhap|sap xep|hop nhat)\b.{0,40}\btinh\b", f)
        or re.search(r"\btinh\b.{0,40}\b(sap nhap|sap xep|hop nhat)\b", f)
        # A set or its criteria named by a programme period ("bộ 2021-2025 và bộ 2026-2030 có bao nhiêu tiêu chí").
        or (re.search(r"\b(bo|tieu chi|chi tieu)\b", f) and _PROGRAMME_PERIOD.search(f))
    )
    return q


# What a question about the map asks: a composition, a merger, where a former province went.
MAP_CUES = re.compile(
    r"\b(gom nhung tinh|gom (cac |nhung )?tinh|gom tinh nao|hop nhat|sap nhap|sap xep|hinh thanh tu|nhap tu"
    r"|nay thuoc|thuoc tinh nao|thuoc tinh hay thanh pho nao|thuoc thanh pho nao|tinh moi|thanh pho moi|tinh cu"
    r"|truoc day la"
    # "Bạc Liêu thì nhập vào đâu?", "Đồng Tháp bây giờ là gộp với tỉnh nào?"
    r"|nhap vao|nhap voi|ve tinh nao|gop (?:voi|vao|chung)|(?:la|bi|duoc) gop"
    # "Hà Giang bây giờ là tỉnh nào?", "cả nước bây giờ có bao nhiêu tỉnh?": the map as it is now.
    r"|(?:bay gio|hien nay|hien gio|gio) (?:la|thuoc|thanh) (?:tinh|thanh pho)"
    r"|(?:ca nuoc|viet nam|nuoc ta)(?: hien nay| bay gio| hien gio| gio)? (?:co|con|gom) (?:bao nhieu|may|bn) tinh)\b"
)

# "vùng nào", "vùng kinh tế - xã hội nào": a region asked (kinds' "region_of" asks it of a province).
REGION_ASKED = r"vung (?:kinh te(?: - | )xa hoi )?(?:nao|gi)\b"

_PROGRAMME_PERIOD = re.compile(r"\b(2010|2016|2018|2021|2026)\s*-\s*(2015|2020|2025|2030)\b")


_PLACES: dict[tuple[int, bool], tuple[object, list, list]] = {}


def _place_patterns(regions, accented: bool) -> tuple[list, list]:
    """Patterns for province names/aliases and region names, built once per region map.

    For text typed with diacritics the names are matched with their diacritics (so "diễn
    biến" is not "Điện Biên"); for accent-free text, on the folded form.
    """
    key = (id(regions), accented)
    entry = _PLACES.get(key)
    if entry is None or entry[0] is not regions:

        def form(name: str) -> str:
            return normalize_text(name).lower() if accented else fold(name)

        provinces = [
            (re.compile(rf"(?<!\w){re.escape(form(n))}(?!\w)"), p)
            for p in regions.provinces
            for n in (p.name, *p.aliases)
            if len(n) > 2
        ]
        # Longest names first, so "Bà Rịa - Vũng Tàu" wins over a shorter alias inside it.
        provinces.sort(key=lambda x: -len(x[0].pattern))
        names = [
            (re.compile(rf"(?<!\w){re.escape(form(n))}(?!\w)"), r.code)
            for r in regions.schemes["vung-7"].regions
            for n in (r.name, *r.column_names)
            if len(n) > 3
        ]
        entry = _PLACES[key] = (regions, provinces, names)
    return entry[1], entry[2]


def as_of_for(query: Query, default: dt.date) -> dt.date:
    """The date an answer is valid for: the year the question names, else `default`; "hiện nay"
    in the asking part of the question means `default` whatever year a preamble mentions."""
    if query.ask_year is not None and NOW_CUE.search(query.folded[-160:]) and query.ask_year < default.year:
        return default
    if query.ask_year is not None:
        if query.ask_year == default.year:
            return default
        return dt.date(query.ask_year, 12, 31) if query.ask_year < default.year else dt.date(query.ask_year, 1, 1)
    return default
