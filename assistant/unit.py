"""The unit a question is about: its level (xã, huyện, thị xã, thành phố, tỉnh) and its tier (NTM, nâng cao,
kiểu mẫu, thông minh), read from the folded question with the cues that tell the unit asked about from the
units it merely mentions (an address, the communes counted, a tier aimed at)."""

from __future__ import annotations

import re

from assistant.rx import rx
from corpus.normalize import normalize_text

_BIG_CITIES = r"(ho chi minh|hcm|ha noi|hai phong|da nang|can tho|hue)"


def read_level(f: str, accented: str | None) -> str | None:
    """Level named in the question. Text typed with diacritics is read with them, so "thì xã"
    is not "thị xã", "xa" (far) is not "xã"; accent-free text falls back to the folded form."""
    if accented is not None:
        checks = [
            (r"\bthị xã\b", "thị xã"),
            # "huyên", "huyen" in a question typed with marks: "huyện" with a mark missed ("huyên náo" aside).
            (r"\bhuy(?:ện|ên|en|ẹn)\b(?! náo| thuyên)", "huyện"),
            (r"(?<!hợp tác )\bxã\b(?! hội)", "xã"),  # "hợp tác xã" is a cooperative
        ]
        if re.search(r"\bthành phố\b", accented) and not re.search(r"\bthanh pho " + _BIG_CITIES, f):
            return "thành phố"
        text = accented
    else:
        # "xã tôi … thì xã phải đáp ứng …": typed without marks, "thi xa" before a verb, after the commune was
        # named, is "thì xã" (then), not "thị xã".
        m = re.search(r"(?<!thi )(?<!hop tac )\bxa\b(?! hoi)", f)
        if m is not None:
            f = f[: m.end()] + re.sub(
                r"\bthi (xa (?:phai|can|co|se|da|van|con|duoc|nen|muon|dat|ap dung|thuoc)\b)", r"\1", f[m.end() :]
            )
        checks = [(r"\bthi xa\b", "thị xã"), (r"\bhuyen\b", "huyện"), (r"(?<!hop tac )\bxa\b(?! hoi)", "xã")]
        if re.search(r"\bthanh pho\b", f) and not re.search(r"\bthanh pho " + _BIG_CITIES, f):
            return "thành phố"
        text = f
    # "Tỉnh hoàn thành nhiệm vụ xây dựng NTM … phải có bao nhiêu xã đạt chuẩn?": the province whose task it is, named
    # first, is the unit asked about, not the communes it counts.
    task = re.search(r"\btinh\b(?: [a-z]+){0,3}? (?:duoc cong nhan |muon |da )?hoan thanh nhiem vu", f)
    if task and not re.search(r"\b(xa|huyen)\b", f[: task.start()]):
        return "tỉnh"
    # "Một xã an toàn khu thuộc huyện vừa thoát nghèo …": the district is where the commune is, not the unit asked.
    text = re.sub(r"(?<!thị )(?<!thi )\b(xã|xa)\b([^.?!]{0,60}?)\b(thuộc|thuoc) (huyện|huyen)\b", r"\1\2", text)
    # "xã nhé, không phải huyện": a level the asker says it is not.
    text = re.sub(r"\b(không|khong|ko|k) (phải|phai)( là| la)? (thị xã|thi xa|huyện|huyen|xã|xa)\b", " ", text)
    for pattern, level in checks:
        if rx(pattern).search(text):
            return level
    if accented is not None and re.search(r"\bhuyen\b", f):
        return "huyện"  # "huyn" typed in an accented question, corrected in the folded form
    if re.search(r"\btinh\b", f) and re.search(r"hoan thanh nhiem vu", f):
        return "tỉnh"
    return None


def first_level(text: str) -> str | None:
    """In a question with a preamble, the unit it is about is the first one named once addresses are
    set aside ("… xã Ka Đô, huyện Đơn Dương … Xã chúng tôi …, huyện yêu cầu các xã …" → xã)."""
    lowered = normalize_text(text).lower()
    patterns = ((r"\bthị xã\b", "thị xã"), (r"\bhuyện\b", "huyện"), (r"(?<!thị )(?<!hợp tác )\bxã\b(?! hội)", "xã"))
    if not any(ord(c) > 127 and c.isalpha() for c in lowered):
        patterns = ((r"\bthi xa\b", "thị xã"), (r"\bhuyen\b", "huyện"), (r"(?<!thi )(?<!hop tac )\bxa\b(?! hoi)", "xã"))
    found = [(m.start(), level) for pattern, level in patterns for m in [re.search(pattern, lowered)] if m]
    return min(found)[1] if found else None


# "không ghi rõ là chuẩn NTM, NTM nâng cao hay kiểu mẫu", "không ghi đạt chuẩn gì": the asker does not know the tier.
_TIER_UNKNOWN = re.compile(
    # "không ai nhớ là chuẩn nông thôn mới, nâng cao hay kiểu mẫu": nobody remembers which tier.
    r"\b(khong|chua)( con)?( ai)? (ghi|noi|biet|ro|nho|chac)( ro)?( la)?( dat)?( chuan)? (gi|nao|loai nao)\b"
    r"|\b(khong|chua)( con)?( ai)? (ghi|noi|biet|ro|nho|chac)( ro)?( la)?[^.?!]{0,60}"
    r"\b(nang cao|ntm|nong thon moi),? hay "
    r"(la )?(xa )?kieu mau\b"
)


def read_tier(f: str) -> str | None:
    if _TIER_UNKNOWN.search(f):
        return None
    # "Huyện NTM phải có bao nhiêu % số xã đạt chuẩn NTM nâng cao": the tier of the communes counted is not
    # the tier of the unit asked about.
    # ("bao nhiêu phần trăm xã đạt NTM nâng cao", "bao nhiêu xã đạt nâng cao" count communes too.)
    f = re.sub(r"(?:\b(?:so|ty le|phan tram|bao nhieu)|%)( cac)? xa\b[^.?!,]{0,40}?\b(nang cao|kieu mau)\b", " ", f)
    # "Huyện tôi có 18 xã, …, trong đó 2 xã đạt NTM nâng cao": communes counted by number hold their own tier.
    # ("Quyết định 318 xã NTM nâng cao …", "Công văn 14 xã kiểu mẫu …" name a document, "Tiêu chí 13 xã NTM nâng cao" a
    # criterion, not communes.)
    f = re.sub(
        # ("chỉ tiêu 17.8 xã nâng cao": an indicator's number, not 8 communes.)
        r"(?<![\d.,])(?<!dinh )(?<!qd )(?<!so )(?<!chi )(?<!tieu )(?<!tc )(?<!van )(?<!cv )"
        r"\b\d{1,3} xa\b[^.?!,;]{0,45}?\b(nang cao|kieu mau)\b",
        " ",
        f,
    )
    # "Sang bộ tiêu chí huyện 2021-2025 thì còn thêm yêu cầu chung nào về xã nâng cao, thị trấn": a question about a
    # district's set names the tier of the communes it requires, not its own (unless a commune of the asker's is
    # the unit).
    if re.search(r"\btieu chi huyen\b|\bhuyen (nong thon moi|ntm)\b", f) and not re.search(
        r"\bxa (toi|minh|em|chung toi|nay)\b", f
    ):
        f = re.sub(r"\bxa (?:dat chuan )?(?:nong thon moi |ntm )?(nang cao|kieu mau)\b", " ", f)
    # "chưa được công nhận nâng cao hay kiểu mẫu gì cả": tiers the unit has not got are not its tier.
    f = re.sub(
        r"\bchua (duoc )?(cong nhan|dat)( chuan)?( (?:xa )?(?:nong thon moi |ntm )?(nang cao|kieu mau)"
        r"(?:,| hay| hoac| va)?)+",
        " ",
        f,
    )
    # "Huyện … được công nhận đạt chuẩn huyện NTM nâng cao …, có phải phấn đấu lên huyện kiểu mẫu không và tiêu
    # chí kiểu mẫu do ai quy định?": the one tier a recognition obtained names is the unit's, whatever others
    # the question mentions.
    obtained = {
        m.group(2)
        for m in re.finditer(
            # "đề nghị công nhận", "xin công nhận": a recognition asked for, not obtained.
            r"(?<!muon )(?<!de )(?<!se )(?<!phan dau )(?<!du kien )(?<!de nghi )(?<!xin )"
            r"\b(duoc cong nhan|cong nhan|da dat|dat)"
            r"(?: dat chuan)? (?:xa |huyen |thi xa )?(?:nong thon moi |ntm )?(nang cao|kieu mau)\b",
            f,
        )
    }
    if len(obtained) == 1:
        return {"nang cao": "nâng cao", "kieu mau": "kiểu mẫu"}[obtained.pop()]
    # "Xã đạt chuẩn NTM nâng cao năm 2023, đang phấn đấu trở thành xã NTM kiểu mẫu": the tier aimed at is not
    # the unit's, when the unit's own is said too.
    goal = re.sub(
        # ("đăng ký xây dựng mô hình xã NTM thông minh": a model the commune registers for.)
        r"\b(phan dau|tro thanh|huong toi|len|dang ky xay dung|muon dat|de nghi (xet )?cong nhan)\b[^.?!,]{0,30}?"
        r"\b(nang cao|kieu mau|thong minh)\b",
        " ",
        f,
    )
    own = _tier_of(goal) if goal != f else None
    if own in ("nâng cao", "kiểu mẫu", "thông minh") or (
        own == "NTM" and re.search(r"\b(dat chuan|cong nhan)( dat chuan)? (xa |huyen )?(nong thon moi|ntm)\b", goal)
    ):
        return own
    return _tier_of(f)


_GOAL = re.compile(
    # "muốn đề nghị công nhận xã NTM kiểu mẫu": the tier a recognition is asked for.
    r"\b(?:phan dau|tro thanh|huong toi|len|dang ky xay dung|muon dat|de nghi (?:xet )?cong nhan)\b[^.?!,]{0,30}?"
    r"\b(nang cao|kieu mau)\b"
)


def goal_tier(f: str) -> str | None:
    """The higher tier the unit aims at ("đang phấn đấu lên xã NTM nâng cao"), or None."""
    m = _GOAL.search(f)
    return {"nang cao": "nâng cao", "kieu mau": "kiểu mẫu"}[m.group(1)] if m else None


_RAISING_NOT_TIER = re.compile(
    r"\bnang cao\b(?! (chat luong|tay nghe|trinh do|nang luc|hieu qua|doi song|nhan thuc|vai tro|kien thuc"
    r"|ky nang|suc khoe|muc song)\b)"
)


def _tier_of(f: str) -> str | None:
    # "xã NTM thông minh" is a tier; "mô hình thôn thông minh" is one of the kiểu mẫu conditions.
    if re.search(r"\bthong minh\b", re.sub(r"\bthon thong minh\b", " ", f)):
        return "thông minh"
    if re.search(r"\bkieu mau\b", f):
        return "kiểu mẫu"
    # "duy trì và nâng cao chất lượng", "nâng cao tay nghề" (raising something) is not the advanced tier.
    if re.search(_RAISING_NOT_TIER, f):
        return "nâng cao"
    if re.search(r"\bnong thon moi\b", f):
        return "NTM"
    if re.search(r"\bdat chuan\b", f):
        return "đạt chuẩn"  # recognised, tier not said: NTM unless higher tiers existed that year
    return None


# The unit the asker speaks for ("xã tôi", "huyện em", "xã nhà").
ASKERS_UNIT = re.compile(r"\b(thi xa|huyen|xa)\s+(?:toi|em|minh|chung toi|chung em|nha)\b")


def own_unit(f: str, accented: str | None) -> str | None:
    """The unit the question is about when its words say so ("xã tôi", "các xã trong huyện", "xã … được công nhận"),
    as its folded name ("xa", "huyen", "thi xa"); None when they do not."""
    # "Xã tôi …, huyện yêu cầu …": the unit the asker speaks for is the one asked about.
    own = ASKERS_UNIT.search(f)
    # "còn các xã trong huyện cũng đạt chuẩn năm 2018 thì …": the communes are the unit, the district where they are
    # (before "huyện đã đạt", which the same words hold).
    own = own or re.search(r"\b(?:cac|nhung) (xa) (?:trong|thuoc|cua|tren dia ban) (?:huyen|tinh)\b", f)
    # "Trên địa bàn huyện có một xã đạt chuẩn … Xin hỏi xã này phải …": the unit pointed back at is the one asked about,
    # not the asker's office ("cán bộ UBND huyện").
    own = own or re.search(r"\b(thi xa|huyen|xa) (?:nay|do|ay)\b(?! la\b)", f)
    # "… tổng hợp số liệu cho một xã được công nhận đạt chuẩn …": the unit recognised is the one asked about, not
    # the asker's office ("bảo hiểm xã hội huyện"); "số xã được công nhận", "24 xã đã đạt chuẩn" count units, they
    # name none.
    own = own or re.search(
        # ("Năm 2018 thị xã muốn được công nhận …": the "xã" of "thị xã" is no commune.)
        r"(?<!\bso )(?<!\bcac )(?<!\bnhung )(?<!% )(?<!\d )(?<!\bbao nhieu )(?<!\bthi )\b(thi xa|huyen|xa)"
        # "Xã Đông Thọ của huyện được UBND tỉnh công nhận …": the commune, not the district it belongs to.
        r"\s+(?:[a-z]+\s+){0,2}?(?:(?:cua|thuoc) (?:huyen|tinh|thi xa)\s+)?(?:da |da duoc |duoc )"
        r"(?:thu tuong |ubnd tinh )?(?:cong nhan|dat)\b",
        f,
    )
    unit = own.group(1) if own else None
    if unit == "thi xa" and accented is not None and "thị xã" not in accented:
        unit = "xa"  # "… thì xã tôi thuộc mục nào": "thì", not "thị", before "xã" (the same once marks are folded)
    return unit
