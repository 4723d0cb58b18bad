"""Topics near the programme that none of its documents covers (residents' contributions, officials' pay, land
titles): a question on one is told what the corpus does not hold, never given an unrelated indicator."""

from __future__ import annotations

import re

from corpus.normalize import fold

# Residents paying in money or labour ("người dân có phải đóng tiền làm đường", "mỗi hộ góp 300 nghìn"): a topic the
# corpus does not cover, whatever other words of the programme the question uses.
_CONTRIBUTION = re.compile(
    r"\b(dong tien|gop tien|thu tien|nop tien|dong gop (tien|bao nhieu|ngay cong)"
    r"|(moi|cac|tung) ho (phai )?(gop|dong|nop)|quyen gop|dong gop cua (nguoi )?dan"
    # A fee the hamlet or commune collects from households ("mức thu này do cấp nào quyết định", "thôn được thu của
    # dân"): what residents pay, like a contribution; "mức thu nhập", "thu gom" are criteria's words.
    r"|muc thu(?! (nhap|gom|hoi))|thu (tien )?cua (nguoi )?dan|thu phi|(thon|xa) (duoc )?thu (tien|cua))\b"
)


# Named lists of the units a province recognised ("danh sách tên các xã … được công nhận … kèm số quyết định"): the
# corpus holds national rules and national counts, no province's list of communes.
_RECOGNISED_LIST = re.compile(
    # ("Danh sách các xã đạt chuẩn NTM năm 2024 của tỉnh Nghệ An": the same list.)
    # ("Danh sách thị xã hoàn thành nhiệm vụ xây dựng NTM năm 2024": towns too. Provinces are not: Công văn 14 lists
    # those whose every commune reached the standard.)
    r"\b(danh sach|ten)( ten)?( cac| nhung)? (xa|huyen|thon|thi xa)\b[^?]{0,80}"
    r"\b(duoc |da )?(cong nhan|dat chuan|hoan thanh nhiem vu)\b"
)
# A commune's own revenue ("tiền sử dụng đất được để lại cho xã"): budget law, not the programme's criteria.
_REVENUE = re.compile(r"\b(tien su dung dat|nguon thu (cua )?(ngan sach )?xa|de lai (cho )?(ngan sach )?xa)\b")

# What officials or board members are paid ("Ban phát triển thôn có được hưởng phụ cấp không", "thù lao cán bộ
# văn phòng điều phối"): pay rules, which none of the programme's documents holds.
# ("Lương của chủ tịch xã", "tiền lương": pay; "chất lượng", "năng lượng" fold to the same syllable.)
_PAY = re.compile(
    r"\b(phu cap|thu lao|muc luong|huong luong|che do dai ngo|tien luong|he so luong|bang luong"
    r"|(?<!chat )(?<!nang )luong (cua|cho|thang|co ban|hang thang|can bo|cong chuc|vien chuc|chu tich))\b"
)
# How many officials an office has and who holds it alongside another post ("văn phòng điều phối cấp xã được bố trí mấy
# cán bộ, ai kiêm nhiệm"): staffing rules, which none of the programme's documents holds.
_STAFF = re.compile(r"\b(bien che|kiem nhiem|(bo tri|co|gom) (bao nhieu|bn|may) (can bo|cong chuc|vien chuc))\b")

# How many points a product, a commune or an indicator scores ("đạt bao nhiêu điểm", "thang điểm", "điểm chấm"): the
# national criteria are met or not, never scored; scoring schemes (OCOP, legal access, health) are other documents.
_POINTS = re.compile(
    r"\b(bao nhieu diem|thang diem|diem cham|so diem|may diem)\b(?! (dan cu|phuc vu|vui choi|truong|sinh hoat))"
)


# "Khoản 2 có mấy điểm": a clause's points are counted by its structure, not scored.
_STRUCTURE = re.compile(r"\b(?:dieu|khoan|muc|phu luc)\s+(?:\d|[ivx]+\b)")

# Land administration ("thủ tục cấp giấy chứng nhận quyền sử dụng đất", "làm sổ đỏ", "giá đất ở nông thôn", "thu hồi
# đất làm đường có bồi thường không", "hiến đất"): land law, which none of the programme's documents holds.
# ("đánh giá đạt chuẩn" folds to "gia dat", "trong số đó" to "so do": neither is land.)
_LAND = re.compile(
    r"\b(giay chung nhan quyen su dung|(lam|cap|co|chinh ly|cap doi) so (do|hong)|bang gia dat|khung gia dat"
    r"|gia dat (o|nong nghiep|tho cu|nong thon|thi truong)|thu hoi dat|boi thuong|den bu|giai phong mat bang"
    r"|chuyen muc dich su dung|hien dat|tranh chap (ranh gioi )?dat|dat cong ich)\b"
)
# What households pay for electricity or water ("tiền điện sinh hoạt bao nhiêu một số"): tariffs, not the criteria's
# share of households with safe power or clean water.
_UTILITY_PRICE = re.compile(r"\b(tien dien|gia dien|hoa don dien|tien nuoc|gia nuoc|hoa don nuoc)\b")


# A reward for a unit recognised ("xã được thưởng bao nhiêu tiền khi đạt chuẩn"): provinces' policies, none of the
# programme's national documents. ("thường xuyên", "bình thường" fold to "thuong" too: the reward's own words only.)
_REWARD = re.compile(r"\b((duoc|tien|khen|co che|giai|phan) thuong|thuong (bao nhieu|tien|cong trinh))\b")
# The OCOP programme itself ("OCOP là gì", "sản phẩm OCOP 4 sao cần gì", "phân hạng sản phẩm OCOP"): its own
# decisions, not held; the criteria only count a commune's OCOP products.
_OCOP = re.compile(
    r"\b(ocop la gi|chuong trinh ocop|ocop \d sao|\d sao ocop"
    r"|(phan hang|danh gia|chung nhan) (san pham )?ocop|ocop (duoc )?(danh gia|phan hang|chung nhan))\b"
)

# Official development loans ("xã có được vay vốn ODA làm đường không"): credit policy, none of the programme's
# documents. (An interest rate, "lãi suất", is a word the corpus never writes, told as such; the programme's "vốn tín
# dụng chính sách" is a sum it holds.)
_LOANS = re.compile(r"\boda\b")

# Forms and templates ("xin mẫu báo cáo kết quả", "mẫu tờ trình đề nghị công nhận"): the provinces' and ministries'
# paperwork, which none of the programme's criteria documents holds. ("xã kiểu mẫu báo cáo …" is the title.)
_FORMS = re.compile(
    r"\b(bieu mau|(?<!kieu )mau (bao cao|to trinh|ho so|don|bien ban|van ban|quyet dinh|ke hoach|phieu)"
    r"|(xin|cho|gui) (toi |em )?(cac |mot |bo )?mau(?! (muc|hinh|sac))\b)"
)
# What becomes of a unit's title when places were merged or the district level ended ("sau sáp nhập xã, xã đã đạt
# chuẩn có còn giữ danh hiệu không", "không còn huyện thì huyện đã đạt chuẩn có bị mất danh hiệu"): none of the
# programme's documents says. (Which set a merged commune is held to is the card's question: "giữ chuẩn theo bộ nào".)
# ("do nhập một xã … với một xã …": merged too.)
# ("xã mới hình thành từ 3 xã đã đạt chuẩn … có được công nhận luôn không", "sau sáp nhập … có phải xét lại chuẩn",
# "sáp nhập với xã bên cạnh …, xã mới có còn là xã NTM không".)
_REORG = (
    r"(sap nhap|sap xep|hop nhat|nhap (tu )?(mot |hai |\d |cac |nhung )?(xa|huyen)|(xa|huyen) nhap lai"
    r"|khong con (cap )?huyen|bo cap huyen"
    r"|chinh quyen (hai|2) cap|(hinh thanh|thanh lap) tu (\d+|hai|ba|bon|cac|nhieu) xa)"
)
_TITLE = (
    r"(danh hieu|mat chuan|(con|van) (duoc )?cong nhan|(con|van) (la|giu) (xa|huyen) (ntm|nong thon moi|dat chuan)"
    r"|xet lai (dat )?chuan|cong nhan lai|(duoc )?cong nhan luon)"
)
_TITLE_AFTER_REORG = re.compile(rf"\b{_REORG}\b[^?]{{0,80}}\b{_TITLE}\b|\b{_TITLE}\b[^?]{{0,80}}\b{_REORG}\b")
# Managing the works themselves ("thủ tục thanh quyết toán công trình NTM", "giải ngân vốn", "lựa chọn nhà thầu"):
# investment and procurement rules, which none of the programme's documents holds (424/NQ-CP only cites the laws).
_WORKS = re.compile(
    r"\b(thanh quyet toan|quyet toan|giai ngan|dau thau|nha thau|thanh toan (von|cong trinh|khoi luong))\b"
)

FUNDS = "phân bổ vốn, mức hỗ trợ từ ngân sách"
# Money the programme gives ("xã được phân bổ bao nhiêu vốn", "mức hỗ trợ làm đường", "hỗ trợ bao nhiêu tiền mỗi
# căn"): allocation rules and local support policies, none of the criteria documents. ("Bố trí ngân sách" of the
# dispatch's duties is not asked as an amount.)
_FUNDS = re.compile(
    r"\b(phan bo (bao nhieu |may )?(von|kinh phi)|(duoc )?ho tro (bao nhieu|may|bn)\b|muc ho tro|(bao nhieu|bn) von"
    # "vốn đối ứng của ngân sách xã tối thiểu bao nhiêu": the share a local budget adds, an allocation rule too.
    r"|von (ntm|nong thon moi)|von doi ung|doi ung (cua )?ngan sach)\b"
)
# The emulation movement and its scoring ("phong trào thi đua", "ai chấm điểm thi đua"): other documents.
# ("thì dựa vào" folds to "thi dua vao": the movement is named as such.)
_EMULATION = re.compile(
    r"\b(phong trao thi dua|thi dua (khen thuong|xay dung)|(cham|diem|cong tac|khen thuong) thi dua)\b"
)


def uncovered_topics(clause: str) -> list[str]:
    """Topics the asking clause names that the corpus does not cover (residents' contributions, a province's list of
    recognised communes, a commune's revenue)."""
    f = fold(clause).lower()
    topics = {
        "đóng góp của người dân": _CONTRIBUTION,
        "danh sách đơn vị được công nhận của từng tỉnh": _RECOGNISED_LIST,
        "nguồn thu ngân sách của xã": _REVENUE,
        "thang điểm, số điểm khi chấm đánh giá": _POINTS,
        "lương, phụ cấp, thù lao của cán bộ": _PAY,
        "biên chế, bố trí cán bộ": _STAFF,
        "đất đai (giấy chứng nhận, giá đất, thu hồi, bồi thường, hiến đất)": _LAND,
        "giá điện, giá nước sinh hoạt": _UTILITY_PRICE,
        "khen thưởng, tiền thưởng": _REWARD,
        "chương trình OCOP (đánh giá, phân hạng sản phẩm)": _OCOP,
        FUNDS: _FUNDS,
        "vốn vay ODA": _LOANS,
        "phong trào thi đua": _EMULATION,
        "biểu mẫu, mẫu báo cáo, tờ trình": _FORMS,
        "danh hiệu nông thôn mới của đơn vị sau sắp xếp hành chính": _TITLE_AFTER_REORG,
        "đấu thầu, giải ngân, thanh quyết toán công trình": _WORKS,
    }
    if _STRUCTURE.search(f):
        del topics["thang điểm, số điểm khi chấm đánh giá"]
    return [name for name, pattern in topics.items() if pattern.search(f)]
