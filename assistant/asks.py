"""What a question asks for, beyond the entities `understand` reads: the kinds of question (who,
when, how many, which, threshold, what to do, …), every criterion and section it names, and the
documents it names that the corpus does not hold. The chooser scores candidates against this."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.retrieve import quoted_phrases
from assistant.topic import QUESTION_WORD, asking_clause, marked_clause, sentences
from assistant.understand import Query, criterion_key, normalise_question
from corpus.normalize import fold, normalize_text

# Kind of question → accent-free cue. A question may have several ("ban hành ngày nào và quy định gì").
_ASKS: dict[str, str] = {
    "who": r"\b(ai ky|nguoi ky|do ai ky|ky ban hanh|ai la nguoi ky|ky quyet dinh|ky van ban|ky cong van|ai ky"
    r"|ky (voi )?(chuc danh|chuc vu)"
    # "do Phó Thủ tướng nào ký", "ông nào ký"
    r"|(pho thu tuong|thu tuong|bo truong|chu tich|lanh dao|ong|ba|dong chi) nao ky)\b",
    "issuer": r"\b((?:co quan|bo|nganh|cap|don vi) nao ban hanh|do co quan nao|do bo nao|ai ban hanh|do ai ban hanh"
    r"|ban hanh boi|noi ban hanh|cua co quan nao)\b",
    "when": r"\b(ngay nao|ngay thang nam nao|khi nao|nam nao|thoi gian nao|ky ngay|ban hanh ngay"
    # "văn bản nào được ban hành trước": the dates of each, compared
    r"|(ban hanh|ky|ra doi|co) (truoc|sau)(?! khi)|(ban hanh|ky) (som|muon) hon)\b",
    "in_force": r"\b(hieu luc|bat dau ap dung|ap dung tu ngay|ap dung tu khi nao)\b",
    "status": r"\b(con hieu luc|het hieu luc|con ap dung|con duoc|con dung|hien con|con gia tri|hien hanh|con la can cu"
    r"|con (?:[a-z]+ ){0,5}nua (khong|chua))\b",
    "contents": r"\b(quy dinh (nhung )?(?:[a-z]+ ){0,2}gi|quy dinh ve gi|noi dung"
    r"|(quy dinh|noi) ve (van de|linh vuc|viec) gi"
    r"|quy dinh (?:[a-z]+ ){0,3}(the nao|ra sao)"
    r"|(ban hanh|huong dan|de cap|giao) (nhung )?(gi|viec gi|nhiem vu gi|nhung gi)"
    r"|noi gi|gom nhung gi|co nhung gi|la van ban gi|ve viec gi|nhiem vu gi|pham vi dieu chinh"
    r"|dieu chinh (nhung |cac )?(noi dung|van de|linh vuc|doi tuong))\b",
    "amends": r"\b(sua doi|bo sung|thay the|thay cho|thay bang|bi thay|duoc thay|sua (tieu chi|chi tieu|lai)|thay doi"
    # "QĐ này thay những QĐ nào?"
    r"|thay (nhung|cac) (quyet dinh|van ban|nghi dinh|thong tu)( [a-z]+){0,2} nao"
    # "điều chỉnh" is amending, but "điều chỉnh những nội dung gì", "phạm vi điều chỉnh" ask what it governs.
    r"|(?<!pham vi )dieu chinh(?! (nhung |cac )?(noi dung|van de|linh vuc|doi tuong|gi)\b)|bai bo"
    # Other relations a document's registry records: what it implements, what it rests on.
    r"|(trien khai|thuc hien|huong dan) (thuc hien )?(nghi quyet|quyet dinh|van ban|luat) nao"
    # "18/2022 … áp dụng cho bộ tiêu chí xã của quyết định nào": the document it serves.
    r"|ap dung (cho|doi voi)\b[^?]{0,60}\b(cua )?(quyet dinh|van ban|nghi quyet) nao"
    r"|chuyen (tiep )?(cong van|van ban|quyet dinh)|bang van ban (so )?(may|nao)"
    # "bị văn bản nào thay", "quyết định nào thay nó": what replaced it, the verb after the asked document.
    r"|(quyet dinh|van ban|nghi dinh|thong tu|bo tieu chi)( [a-z]+){0,2} nao thay)\b",
    "count": r"\b(bao nhieu|(?<!so )may)\b(?!\s*(phan tram|%|trieu|nghin|ty|km|m2))",
    # "những tỉnh, thành phố nào": the things listed may be several, with commas.
    "list": r"\b(nhung (?:[a-z]+,? ){1,4}nao|gom nhung|gom cac|co nhung|liet ke|la nhung|ke ten|ten cac)\b",
    "threshold": r"\b(muc|nguong|toi thieu|toi da|dat (?:la |duoc )?bao nhieu|phan tram|ty le"
    r"|bao nhieu trieu dong/nguoi|tren \d|tu \d)\b"
    # "%" is no word character, so "bao nhiêu %" needs no word boundary after it.
    r"|\b(bao nhieu|bao nhiu|may|bn) ?%",
    "todo": r"\b(phai lam gi|lam gi|can lam|ap dung bo tieu chi nao|(phai|can) dap ung|bo tieu chi( [a-z]+){0,2} nao"
    r"|phan dau"
    r"|phai dat lai"
    r"|phai ra soat|tiep theo|phai duy tri|duy tri theo|theo quy dinh nao|theo van ban nao"
    # "năm 2025 giữ chuẩn theo bộ nào", "năm 2027 có còn phải theo Phụ lục II QĐ 318 không": which set applies now.
    r"|theo bo (tieu chi )?nao|giu chuan|con phai theo|con (phai )?ap dung|chuyen sang bo|can cu (vao )?phu luc nao)\b",
    # Which set or regulation a unit is held to ("xã cần đáp ứng quy định của văn bản nào", "lấy bộ tiêu chí nào làm
    # mốc"): the applicability card's question, which a list of duties does not answer.
    # "Những bộ tiêu chí nào" a decision amends is another question: the sets it touches.
    "set": r"\b((?<!nhung )(?<!cac )bo tieu chi( [a-z]+){0,2} nao|theo bo (tieu chi )?nao|giu chuan theo"
    r"|chuyen sang bo|thay (bang|the bang) bo( tieu chi)? nao|theo bo( tieu chi)? khac"
    # "chấm điểm theo bộ tiêu chí của QĐ 318 có đúng không": whether that set is the one.
    r"|theo bo\b[^?]{0,60}\b(co )?dung (khong|ko|chua)"
    r"|(theo|dap ung|can cu vao|can cu|lay|doi chieu voi) (quy dinh|van ban|bo tieu chi|bo)( [a-z]+){0,3} nao)\b",
    "procedure": r"\b(thu tuc|ho so|trinh tu|quy trinh|cach thuc|nop (ho so|o dau))\b",
    # Who is given what task ("UBND tỉnh có trách nhiệm gì", "giao bộ nào chủ trì", "cơ quan nào chịu trách nhiệm").
    "duty": r"\b(trach nhiem (gi|nao|the nao)|nhiem vu (gi|nao)|giao (cho )?(ai|bo nao|co quan nao|so nao|cap nao)"
    r"|(bo|co quan|so|cap|don vi) nao (chu tri|chiu trach nhiem|huong dan|co trach nhiem)"
    r"|(ai|bo nao|co quan nao|so nao) (la )?(chu tri|co quan chu quan)|co tham quyen)\b",
    "definition": r"\b(la gi|la xa nao|la nhung xa nao|hieu the nao|duoc hieu|nghia la|la (?:[a-z]+ )?(?:nhu )?the nao"
    r"|duoc xac dinh)\b",
    "compare": r"\b(khac nhau|khac gi|so sanh|khac voi)\b",
    "which": r"\b((nhung |cac )?(van ban|quyet dinh)( [a-z]+){0,2} nao|la van ban gi|nhung van ban|cac van ban"
    r"|so may|so hieu (la )?(gi|nao)|thuoc (nhom|loai|vung|khu vuc)( xa)? (nao|may|so may)"
    r"|xep (vao )?nhom( xa)? (nao|may|so may))\b",
    # "… là chỉ tiêu số mấy, thuộc tiêu chí nào?": which indicator or criterion of a set holds a topic.
    "indicator": r"\b((thuoc|nam trong|nam o|o) tieu chi (so )?(nao|may)|la tieu chi (so )?(may|nao)"
    r"|(la |thuoc )?chi tieu (so )?(may|nao))\b",
    # "lần lượt là bao nhiêu" is "respectively", not one after another.
    "history": r"\b(thay nhau|lan luot(?! (la|bang|o muc|dat))|qua cac giai doan|qua cac thoi ky|tu nam \d{4} den nay"
    r"|cac lan sua)\b",
    "report": r"\b(bao cao|giam sat|kiem tra|ngan sach|kinh phi|nguon luc|lo trinh)\b",
    # Whose proposal the document was issued on ("theo đề nghị của bộ nào", "cơ quan nào trình").
    "proposer": r"\b(theo de nghi|de nghi cua|xet de nghi|to trinh|(co quan|bo|ai) (nao )?(de nghi|trinh))\b",
    # On what the document was issued: its "Căn cứ …" lines ("được ban hành căn cứ quyết định nào", "phần căn cứ").
    # "căn cứ văn bản nào" alone asks on what an answer rests, not a document's basis.
    "basis": r"\b(ban hanh can cu|duoc can cu|can cu vao (nghi quyet|quyet dinh|luat|nghi dinh|van ban) nao|phan can cu"
    r"|can cu (nghi quyet|quyet dinh|luat|nghi dinh|thong tu) nao"
    # "căn cứ Luật Tổ chức Chính phủ số mấy?"
    r"|can cu (luat|nghi quyet|nghi dinh)( [a-z]+){0,5} so (may|bao nhieu)"
    # "căn cứ Luật Tổ chức Chính phủ (ban hành) năm nào", "có căn cứ cùng một quyết định … không"
    r"|can cu (luat|nghi quyet|nghi dinh)( [a-z]+){0,5} (ban hanh )?(nam|ngay) nao"
    r"|co can cu (cung |chung )?(mot )?(nghi quyet|quyet dinh|luat|nghi dinh)"
    r"|can cu phap ly|can cu ban hanh|dan (chieu )?(nghi dinh|luat|quyet dinh|nghi quyet) nao"
    # "có ghi căn cứ Nghị định 272/2025/NĐ-CP không": whether one document is among its bases.
    r"|(co )?ghi can cu (vao )?(nghi dinh|nghi quyet|quyet dinh|luat|thong tu))\b",
    # Which documents cite a number ("văn bản nào trong kho dẫn chiếu Quyết định 2540", "những văn bản nào có phần căn
    # cứ dẫn Nghị quyết 100/2015/QH13"): a list of the citing documents, not the cited one's facts.
    "cites": r"\b(van ban|quyet dinh|nghi quyet|nghi dinh|cong van)( [^\s?,.]+){0,8}? nao( [a-z]+){0,6}"
    r" (dan chieu|vien dan|trich dan|can cu|dan|nhac (den|toi)|de cap( den| toi)?)\b",
    # Which 2026-2030 commune group the asker's own commune is in ("xã tôi … được xếp nhóm mấy").
    "group": r"^(?=.*\bxa (?:toi|minh|em|chung toi)\b).*\b(?:nhom (?:xa )?(?:may|nao|so may)|xep (?:vao )?nhom"
    r"|thuoc nhom|vao nhom|nhom khac)\b",
    # Whom a dispatch is addressed to ("gửi những cơ quan nào", "kính gửi ai").
    "to": r"\b(gui (nhung |cac |cho )?(co quan|ai|noi|dau|don vi)|kinh gui|noi nhan|gui toi ai)\b",
    # Which region's levels a commune is held to ("áp mức đạt chuẩn của vùng nào", "được áp mức vùng khác"): a rule
    # of the decision's articles, not a figure of one indicator.
    "region_level": r"\b(muc (dat chuan )?(cua |theo )?vung (nao|khac)"
    r"|ap (dung )?muc( dat chuan)?( cua| theo)? vung)\b",
    # "Đồng Tháp bây giờ là gộp với tỉnh nào?": where a province went in the 2025 merger, or what it was formed from.
    "map": r"\b(gop (?:voi|vao|chung) (?:tinh|thanh pho) nao"
    r"|(?:nhap|sap nhap|hop nhat) (?:vao|voi) (?:tinh|thanh pho) nao|nhap vao dau"
    r"|thuoc (?:ve )?(?:tinh|thanh pho|tinh/thanh(?: pho)?|tinh thanh)(?: [a-z]+)? nao"
    r"|gom (?:nhung |cac )?tinh (?:nao|cu nao)|hinh thanh tu (?:nhung )?tinh nao)\b",
    # "đã đạt chưa": a value stated in the question, to be judged against its threshold.
    "judge": r"\b(dat chua|da dat|co dat|dat duoc|dat khong|du chua|chua dat|dat hay (khong|chua))\b",
}
_ASK_RE = {k: re.compile(v) for k, v in _ASKS.items()}
# A procedure asked, not a file named as context ("hồ sơ xã đạt chuẩn năm 2019 chấm chỉ tiêu … theo mức nào"): the
# procedure's word with what asks about it ("hồ sơ gồm những gì", "thủ tục thế nào", "nộp ở đâu", "làm thủ tục gì").
_PROCEDURE_ASKED = re.compile(
    r"\b(thu tuc|ho so|trinh tu|quy trinh|cach thuc)\b[^?.;,]{0,40}?\b(gom|bao gom|nhung gi|gi|the nao|ra sao|o dau"
    r"|nao|buoc|ai|bao lau|han)\b|\bnop (ho so|o dau)\b"
)
# An amount of money asked: support, rewards, budgets, loans, fees, and how long a paper stays valid.
_MONEY = re.compile(
    r"\b(bao nhieu tien|(muc|so tien) ho tro|ho tro bao nhieu|tien thuong|muc thuong|kinh phi|vay (toi da|duoc)"
    r"|bao nhieu dong|muc chi|muc dong gop|thoi han)\b"
)
# A figure asked in a unit ("bao nhiêu phần trăm", "tổng mức vốn … là bao nhiêu"), and how an answer writes one.
_ASKED_FIGURE = {
    "%": re.compile(
        r"\b((bao nhieu|bao nhiu|may|bn) ?(phan tram|%)|ty le\b[^.?!]{0,80}\b(bao nhieu|bao nhiu|bn|muc nao))"
    ),
    "money": re.compile(
        r"\b((bao nhieu|bao nhiu|bn|muc) (tien|trieu|ty dong)|(tong )?(muc )?von\b[^.?!]{0,60}\b(bao nhieu|bao nhiu|bn)"
        r"(?! lan))"
    ),
}
_FIGURE_WRITTEN = {
    "%": re.compile(r"\d[\d.,]*\s*%"),
    "money": re.compile(r"\d[\d.,]*\s*(triệu|tỷ|nghìn|đồng)", re.I),
}


def asked_figure(folded_clause: str) -> str | None:
    """The unit of the figure the asking clause asks for ("%" or "money"), or None."""
    return next((unit for unit, cue in _ASKED_FIGURE.items() if cue.search(folded_clause)), None)


def holds_figure(text: str, unit: str) -> bool:
    """The text writes a figure in that unit ("90%", "45 triệu đồng")."""
    return bool(_FIGURE_WRITTEN[unit].search(text))


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


# What a question about the map asks: a composition, a merger, where a former province went.
MAP_CUES = re.compile(
    r"\b(gom nhung tinh|gom (cac |nhung )?tinh|gom tinh nao|hop nhat|sap nhap|sap xep|hinh thanh tu|nhap tu"
    r"|nay thuoc|thuoc tinh nao|thuoc thanh pho nao|tinh moi|thanh pho moi|tinh cu|truoc day la"
    # "Bạc Liêu thì nhập vào đâu?", "Đồng Tháp bây giờ là gộp với tỉnh nào?"
    r"|nhap vao|nhap voi|ve tinh nao|gop (?:voi|vao|chung)|(?:la|bi|duoc) gop)\b"
)

# Words that compare a figure or a criterion of two periods ("tăng hay giảm", "so với bộ cũ"; "hạ tầng" is no rise).
_COMPARING = re.compile(
    r"\b(so voi|so sanh|khac|(?<!ha )tang|giam|cao hon|thap hon|nhu (bo )?cu|giu nguyen|thay doi)\b"
)
_PERIOD = re.compile(r"\b(2010|2016|2021|2026)\s*-\s*(2015|2020|2025|2030)\b")
# "nghị quyết ấy", "quyết định đó", "văn bản này": pointing back at a document by its kind.
POINTED = re.compile(
    r"\b(quyet dinh|nghi quyet|nghi dinh|cong van|thong tu|van ban|quy dinh|huong dan|quy chuan)"
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


_SUFFIX_FIX = [("QD", "QĐ"), ("ND-", "NĐ-"), ("TTG", "TTg"), ("BCD", "BCĐ"), ("VPDP", "VPĐP"), ("DTTG", "ĐTTG")]


def display_number(kind: str, typed: str) -> str:
    """'Thông tư 41/2013/TT-BNNPTNT' from the folded 'thong tu' and '41/2013/tt-bnnptnt'."""
    parts = typed.split("/")
    if "-" in parts[0]:  # "19-nq" → "19-NQ"
        head, _, tail = parts[0].partition("-")
        parts[0] = f"{head}-{tail.upper()}"
    if len(parts) > 1 and not parts[-1].isdigit():
        suffix = parts[-1].upper()
        for a, b in _SUFFIX_FIX:
            suffix = suffix.replace(a, b)
        parts[-1] = suffix
    return f"{kind} {'/'.join(parts)}"


def _cited_only(asking: str, number: str) -> bool:
    """ "Văn bản nào trong kho dẫn chiếu Nghị quyết 100/2015/QH13", "QĐ 800/QĐ-TTg được những văn bản nào lấy làm căn
    cứ": the number is what the documents asked for cite, not the document asked about."""
    return bool(_lead_number(number)) and bool(_ASK_RE["cites"].search(asking))


def _lead_number(number: str) -> str:
    """ "33" of "33/2020/qd-ttg", "19" of "19-nq/tw"; "" for a document named without a number."""
    return re.match(r"\d*", number).group(0)


def read_need(query: Query, known: Callable[[str], str | None]) -> Need:
    """Read the question's needs. `known(number_text) -> canonical number | None` tells which
    documents the corpus holds (the registry's lookup, with the short forms people type)."""
    f = query.folded
    need = Need()
    # "Tôi là …, xã đang phấn đấu … Xin cho hỏi điều kiện … quy định thế nào?": after an explicit "xin hỏi" the
    # preamble's words ("phấn đấu", "rà soát") are not what is asked.
    clause = marked_clause(query.text)
    asked = normalise_question(clause) if clause is not None and clause != query.text else f
    if not any(r.search(asked) for r in _ASK_RE.values()):
        asked = f  # the clause asks in words none of the kinds knows: read the whole question
    for k, r in _ASK_RE.items():
        m = r.search(asked)
        if m:
            need.asks.add(k)
            need.ask_order[k] = m.start()
    need.criteria_set_asked = "set" in need.asks and bool(
        re.search(r"\bbo( tieu chi)?( [a-z]+){0,2} (nao|khac)\b|\bgiu chuan\b|\btheo bo\b", asked)
    )
    counted = re.search(r"\b(?:bao nhieu|may)\s+([a-z]+(?: (?:chi|tieu|xa|huyen))?)", f)
    if counted and "count" in need.asks:
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
    elif "count" in need.asks and re.search(r"\b(la|o muc|dat) (bao nhieu|may)\b", f):
        need.asks.discard("count")
        need.asks.add("threshold")
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
        ref = DocRef(_DOC_KIND[kind], typed)
        need.refs.append(ref)
        number = known(typed)
        if number is None and (year or suffix or len(num) >= 3):
            need.missing.append(ref)
        elif number is not None and number not in query.sets and (year or suffix or len(num) >= 3):
            # A document the corpus holds but `understand` has no name for (a registry entry: 211, 18/2022).
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
    need.money = bool(_MONEY.search(f))
    need.procedure = bool(_PROCEDURE_ASKED.search(normalise_question(asking_clause(query.text))))
    if re.search(r"\bnhom\b(?!\s*[1-3]\b)", f):
        need.atoms.add(("topic", "groups"))
    elif re.search(r"\bbo tieu chi\b", f) and need.asks & {"count", "list"} and not need.criteria:
        need.atoms.add(("topic", "overview"))
    if query.period:
        need.period = query.period
    elif re.search(r"\b2026\s*-\s*2030\b|\bgiai doan (moi|hien nay)\b", f) or (
        query.ask_year and query.ask_year > 2025
    ):
        need.period = "2026-2030"
    elif re.search(r"\b2021\s*-\s*2025\b", f):
        need.period = "2021-2025"
    named_periods = dict.fromkeys(f"{a}-{b}" for a, b in _PERIOD.findall(f))
    # Two periods, or a set named by its document beside a period ("bộ năm 2009 … sang bộ 2016-2020"): each has its set.
    if len(named_periods) > 1 or (named_periods and query.sets):
        need.periods = list(named_periods)
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
            sets=[d for d in query.sets if _lead_number(d) in re.findall(r"\d+", questions)],
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
    if query.province and MAP_CUES.search(f):
        # Only a question about the map is about the province itself; elsewhere it selects a region.
        atoms.add(("province", query.province))
    # "Câu “… chỉ có điểm khởi đầu …” có trong văn bản nào": the words quoted name what is asked about.
    atoms |= {("quoted", p) for p in quoted_phrases(query.text) if not need.crosswalk or p in questions}
    if need.missing:
        # Which documents the asking clause names (by the leading number), against a preamble that only mentions them.
        # Every sentence that asks counts ("QĐ 353 … có bao nhiêu huyện nghèo? Xã tôi có tên trong danh sách không?").
        asked = [asking_clause(query.text), *(x for x in sentences(query.text) if x.rstrip().endswith("?"))]
        asking = fold(normalize_text(" ".join(asked))).lower()
        numbers = set(re.findall(r"\d+", asking))
        need.missing_aside = (
            not POINTED.search(normalise_question(asking))
            and not any(_lead_number(r.number) in numbers for r in need.missing)
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
                for m in re.finditer(rf"\b{_lead_number(r.number)}\b", unbracketed)
                if _lead_number(r.number)
            ),
            default=None,
        )
        need.held_asked = any(_asked_held(unbracketed, _lead_number(n), missing_at) for n in query.sets)
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


@lru_cache(maxsize=1024)
def _parts(text: str) -> tuple[str, ...]:
    return tuple(question_parts_uncached(text))


def question_parts(text: str) -> list[str]:
    """The parts of a question that asks two things (see question_parts_uncached); cached, since every
    passage's answer and the service ask it of the same question."""
    return list(_parts(text))


def question_parts_uncached(text: str) -> list[str]:
    """The parts of a question that asks two things ("… bao nhiêu phần trăm số xã …, và bao nhiêu tỉnh …?"),
    each holding its own question word; `[text]` when it asks one thing. Answers quote a sentence for each."""
    whole, text = text, asking_clause(text)  # "Tôi là …, xã không thuộc diện …": a preamble asks nothing
    asked: list[str] = []
    for sentence in reversed(sentences(whole)):
        if not sentence.rstrip().endswith("?"):
            break
        asked.insert(0, sentence)
    if len(asked) > 1 and text.strip() == asked[-1].strip():
        text = " ".join(asked)  # "K1 Đ2 QĐ 558 giao ai làm gì? 558 ai ký?": each question sentence asks
    pieces = [p.strip() for p in re.split(r",?\s+(?:và|đồng thời|trong đó)\s+|[,;]\s*|\?\s+", text) if p.strip()]
    parts: list[str] = []
    for piece in pieces:
        if parts and not QUESTION_WORD.search(fold(piece)):
            parts[-1] = f"{parts[-1]}, {piece}"  # "… và miền núi …", "tỉnh A, B": no question of its own
        else:
            parts.append(piece)
    asking = [p for p in parts if QUESTION_WORD.search(fold(p))]
    return asking if len(asking) >= 2 else [whole]


_IN_FORCE_WHEN = re.compile(r"\bhieu luc (?:thi hanh )?(?:tu |ke tu )?(?:ngay nao|khi nao|bao gio)")
_ISSUED_WHEN = re.compile(r"\b(ban hanh|ky|thong qua)\b[^?.]{0,20}\b(ngay nao|khi nao|nam nao)")


def kinds_of(text: str) -> set[str]:
    """The kinds of question a piece of text asks (a part of a two-part question)."""
    folded = normalise_question(text)
    kinds = {k for k, r in _ASK_RE.items() if r.search(folded)}
    if {"in_force", "when"} <= kinds and _IN_FORCE_WHEN.search(folded) and not _ISSUED_WHEN.search(folded):
        kinds.discard("when")  # "có hiệu lực từ ngày nào" asks when it took effect, not when it was issued
    return kinds
