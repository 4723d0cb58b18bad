"""The kinds of question a text asks (who, when, how many, which, threshold, what to do, …), the figure it asks
for, and the parts of a question that asks several things. `asks.read_need` builds on these; answerers and the
chooser ask them of a question's parts."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.topic import QUESTION_WORD, asking_clause, sentences
from assistant.understand import REGION_ASKED, normalise_question
from assistant.years import HELD_TO, MEETS_SET, SET_OF_YEAR, STANDING_NOW
from corpus.normalize import fold

# "Bộ tiêu chí mới còn tiêu chí chợ nông thôn không?": whether a set holds a criterion (its list says, when no
# criterion of the set has the name).
HAS_CRITERION = re.compile(r"\bbo tieu chi\b[^?]{0,40}\b(co|con)( co)? tieu chi\b[^?]{0,40}\b(khong|ko|k|nua)\b")
# What is issued right after "ai ban hành" when it is not the document asked about: guidance, a handbook, a
# province's own set.
_NOT_THE_DOCUMENT = (
    r"(?! (van ban |cac )?(huong dan (thuc hien|cho|ve)|cam nang|tai lieu|so tay)\b)"
    r"(?!\s*bo tieu chi\b[^?]{0,40}\b(cua|cho|rieng cua) (tinh|huyen|dia phuong)\b)"
)
# Kind of question → accent-free cue. A question may have several ("ban hành ngày nào và quy định gì").
# The session a resolution was passed at, or the assembly's term; the votes for it.
_SESSION = r"\b(ky hop|khoa) (thu )?(may|nao|bao nhieu)\b"
_VOTES = r"\b(bao nhieu dai bieu|dai bieu (tan thanh|bieu quyet)|tan thanh\b[^?]{0,30}\b(bao nhieu|may|ty le))"
SESSION_ASKED = re.compile(_SESSION)
# "Công văn 14 hướng dẫn những trường hợp nào?": the cases a dispatch sorts units into.
CASES_ASKED = re.compile(r"\b(nhung|cac|may|bao nhieu) truong hop\b|\btruong hop (nao|gi)\b")
VOTES_ASKED = re.compile(_VOTES)

_ASKS: dict[str, str] = {
    "who": r"\b(ai ky|nguoi ky|do ai ky|ky ban hanh|ai la nguoi ky|ky quyet dinh|ky van ban|ky cong van|ai ky"
    r"|ky (voi )?(chuc danh|chuc vu)"
    # "do Phó Thủ tướng nào ký", "ông nào ký"
    r"|(pho thu tuong|thu tuong|bo truong|chu tich|lanh dao|ong|ba|dong chi) nao ky"
    # A signer told to be checked: "… là ông Lê Minh Hoan ký phải không", "có phải ông … ký không".
    r"|ky (phai|dung|co dung|co phai) (khong|ko|k|chu)"
    r"|co phai (la )?(ong|ba|pho thu tuong|thu tuong|bo truong)\b[^?]{0,40}\bky\b"
    # "… đều do ông Dũng ký, vậy có phải cùng một người không", "… do Phó Thủ tướng … ký, như vậy có đúng không".
    r"|\bdo\b[^?.]{0,60}\bky\b[^?]{0,60}\b((co )?(dung|chinh xac|phai) (khong|ko|k|chua|chu)|cung mot nguoi))\b",
    # "Theo QĐ 1980 thì ai ban hành hướng dẫn thực hiện từng tiêu chí", "cơ quan nào ban hành cẩm nang hướng dẫn":
    # whom the document charges with issuing guidance, not who issued the document.
    # ("theo 1345, ai ban hành bộ tiêu chí … của tỉnh": whom the document gives that work too.)
    "issuer": r"\b((?:co quan|bo|nganh|cap|don vi) nao ban hanh" + _NOT_THE_DOCUMENT + r"|do co quan nao|do bo nao"
    r"|(do )?ai ban hanh" + _NOT_THE_DOCUMENT + r"|ban hanh boi|noi ban hanh|cua co quan nao"
    # "Danh sách xã khu vực III do ai phê duyệt?": the body whose decision approved it.
    r"|(?:do |la )?(?:ai|co quan nao|bo nao) phe duyet(?= ?\??$)"
    # "Nghị quyết 257/2025/QH15 do ai thông qua?": the body that passed a resolution.
    r"|(?:do |la )?(?:ai|co quan nao) thong qua(?= ?\??$)"
    # "Công văn 5766 của UBND tỉnh nào?", "tỉnh nào ban hành": the body that issued it, named by its kind.
    # ("theo đề nghị của bộ nào" asks who proposed it; "có công văn của tỉnh nào khác" asks for other documents.)
    r"|(?<!de nghi )(?<!van )(?:la )?cua (ubnd |uy ban nhan dan )?(tinh|thanh pho|bo|so|don vi) nao(?! khac)"
    r"|(tinh|thanh pho|bo|so) nao ban hanh"
    # "do Chính phủ hay Thủ tướng ban hành", "là của Thủ tướng hay của Bộ NN ban hành": which of two issued it.
    r"|(do|cua) [a-z]+( [a-z]+){0,3} hay (do |cua )?[a-z]+( [a-z]+){0,3} ban hanh"
    # An issuer told to be checked: "có phải do Bộ … ban hành không", "là văn bản của Chính phủ à".
    r"|co phai (la )?(do|cua) [^?]{0,60}\bban hanh\b"
    # "là văn bản của Sở … hay của UBND tỉnh": which of two bodies it belongs to.
    r"|la (van ban|cong van|quyet dinh|nghi quyet|nghi dinh) cua [a-z&]+( [a-z&]+){0,6} hay (la )?(cua )?[a-z&]+"
    r"|la (van ban|quyet dinh|nghi quyet) cua [a-z]+( [a-z]+){0,4}"
    r" (a|ha|khong|ko|k|phai khong|dung khong)(?=\s*\?|\s*$))\b",
    # "… quyết định nào của Thủ tướng ký ngày 08/3/2022": a date told, not asked.
    "when": r"\b(ngay nao|ngay thang nam nao|khi nao|nam nao|thoi gian nao|(ky|ban hanh) ngay(?! \d)|ngay thong qua"
    # "Ngày ban hành QĐ 320?", "ngay ky cv 14": the date named as what is asked ("kể từ ngày ban hành" is a start).
    r"|(?<!tu )ngay (ban hanh|ky)\b"
    # "văn bản nào được ban hành trước": the dates of each, compared
    r"|(ban hanh|ky|ra doi|co) (truoc|sau)(?! khi)|(ban hanh|ky) (som|muon) hon"
    # "đã chính thức ban hành chưa, hay vẫn còn là dự thảo": whether, so when, it was issued.
    r"|da (chinh thuc )?(duoc )?ban hanh\b[^?]{0,40}\b(chua|hay|khong|ko)|(con|van) (la )?du thao)\b",
    # "thôi áp dụng từ ngày nào" asks when it stopped (status), not when it took effect.
    # "Hiện nay bộ 2026-2030 đã có hiệu lực, vậy …": a date in force told, not asked ("đã có hiệu lực chưa" asks).
    "in_force": r"\b((?<!thoi )(?<!ngung )(?<!het )(?<!da co )hieu luc|da co hieu luc (chua|khong|ko|tu)"
    r"|bat dau ap dung"
    r"|(?<!thoi )(?<!ngung )(?<!het )ap dung tu (ngay|khi nao))\b",
    "status": r"\b(con hieu luc|het hieu luc|(thoi|ngung|het) (ap dung|hieu luc)|con ap dung"
    r"|con duoc|con dung|hien con|con gia tri|con la can cu|co con (duoc )?can cu"
    # "theo bộ tiêu chí hiện hành thì tỷ lệ … bao nhiêu" names the current set, asking nothing of its status.
    r"|(?<!bo tieu chi )(?<!bo )hien hanh"
    # ("còn tiêu chí bưu điện nữa không": whether a set still has a criterion, not whether it stands.)
    r"|con (?!(?:tieu chi|chi tieu) )(?:[a-z]+ ){0,5}nua (khong|chua)"
    # "Giờ còn xã nông thôn mới nâng cao không?": whether a tier still stands ("bộ tiêu chí mới còn huyện … nâng cao
    # không" asks what a set holds).
    r"|\b(?:gio|nay|hien nay|bay gio|hien tai|van) con (?:[a-z]+ ){0,4}(?:nang cao|kieu mau) (?:khong|ko|nua)\b"
    # "hiện tại nó còn là bộ tiêu chí đang áp dụng không": whether it still applies.
    r"|(con|van) (la )?(?:[a-z]+ ){0,4}dang (duoc )?ap dung (khong|ko|chua|hay)"
    # "việc xét, công nhận vẫn làm theo QĐ 18/2022 hay đã có quy định mới": whether it still applies.
    r"|van (lam|ap dung|thuc hien) theo\b[^?]{0,60}\bhay\b)\b",
    # How a document is laid out: "gồm mấy điều" (not "mấy điều kiện"), "có kèm phụ lục không", "có mấy mục".
    "layout": r"\b((?:may|bao nhieu|bn) (dieu(?! kien)|chuong(?! trinh)|phu luc|muc(?! tieu| dich| do))"
    r"|co (kem (theo )?)?(phu luc|chuong) (nao )?(khong|ko|k|hay khong)|(gom|co) (nhung|cac) (phu luc|chuong) nao)\b",
    "contents": r"\b(quy dinh (nhung )?(?:[a-z]+ ){0,2}gi|quy dinh ve gi|noi dung"
    # "nói về gì", "hướng dẫn về vấn đề gì".
    r"|(quy dinh|noi|huong dan|de cap) ve (nhung |cac )?((van de|linh vuc|viec|noi dung) )?gi"
    r"|quy dinh (?:[a-z]+ ){0,3}(the nao|ra sao)"
    r"|(ban hanh|huong dan|de cap|giao|phe duyet) (ve )?(nhung )?(cai )?(gi|viec gi|nhiem vu gi|nhung gi|noi dung gi)"
    # "Nghị quyết 257 phê duyệt chương trình gì": what it approves.
    # ("phê duyệt chủ trương đầu tư chương trình nào": the programme whose investment policy it approves.)
    r"|(phe duyet|ban hanh) (chu truong (dau tu )?)?(chuong trinh|ke hoach|de an|chu truong|noi dung) (gi|nao)"
    # "Nghị định 272 phân định vùng nào?", "Quyết định 60 phê duyệt danh sách gì?": what it delimits or lists.
    # ("phân định theo văn bản nào" asks which document.)
    r"|(phan dinh|phe duyet danh sach) (?!theo )(?:[a-z]+ ){0,3}(gi|nao)"
    # "Quyết định 691 là bộ tiêu chí gì / ban hành bộ tiêu chí gì": the set it issues.
    r"|(la|ban hanh) bo tieu chi gi"
    r"|noi (ve )?(cai )?gi|gom nhung gi|co nhung gi|la van ban gi|ve viec gi|nhiem vu gi|pham vi dieu chinh"
    # "Nghị quyết 424/NQ-CP về gì?": a document asked what it is about.
    r"|(?:nq|qd|cv|nd|tt|nghi quyet|quyet dinh|cong van|nghi dinh|thong tu|van ban)(?: so)? [0-9][^?]{0,30}"
    # ("Nghị quyết 257/2025/QH15 về chương trình gì?": the programme it is about.)
    r" ve (?:cai |viec |van de |chuong trinh |noi dung |linh vuc )?gi"
    r"|dieu chinh (nhung |cac )?(noi dung|van de|linh vuc|doi tuong)"
    # "Điểm b … đặt ra những yêu cầu gì": what a named part requires.
    r"|(dat ra|co|neu) (nhung |cac )?yeu cau (gi|nao)"
    # "Tiêu chí 4 về điện yêu cầu gì", "tiêu chí nhà ở dân cư đòi hỏi những gì": what a criterion requires (what a
    # document asks of someone is its duties).
    r"|(tieu chi|chi tieu)( so)?( \d+(\.\d+)?)?( [a-z]+){0,5} (yeu cau|doi hoi) (nhung )?gi)\b",
    "amends": r"\b(sua doi|bo sung|thay the|thay cho|thay bang|bi thay|duoc thay|thay doi"
    r"|sua (nhung |cac )?(tieu chi|chi tieu|lai)"
    # "Những văn bản nào hết hiệu lực khi QĐ 51 có hiệu lực", "QĐ 51 làm hết hiệu lực các quyết định nào": what it
    # replaced.
    r"|(van ban|quyet dinh|nghi dinh|thong tu)( [a-z]+){0,2} nao (bi |da )?het hieu luc|lam het hieu luc"
    # "QĐ này thay những QĐ nào?"
    r"|thay (nhung|cac) (quyet dinh|van ban|nghi dinh|thong tu)( [a-z]+){0,2} nao"
    # "điều chỉnh" is amending, but "điều chỉnh những nội dung gì", "phạm vi điều chỉnh" ask what it governs.
    r"|(?<!pham vi )dieu chinh(?! (nhung |cac )?(noi dung|van de|linh vuc|doi tuong|gi)\b)|bai bo"
    # Other relations a document's registry records: what it implements, what it rests on.
    r"|(trien khai|thuc hien|huong dan) (thuc hien )?(nghi quyet|quyet dinh|van ban|luat) nao"
    # "18/2022 … áp dụng cho bộ tiêu chí xã của quyết định nào": the document it serves.
    r"|ap dung (cho|doi voi)\b[^?]{0,60}\b(cua )?(quyet dinh|van ban|nghi quyet) nao"
    # "18/2022 quy định việc xét, công nhận theo những bộ tiêu chí, quy định nào": the sets it serves.
    # ("Xã … nay đánh giá theo bộ tiêu chí nào" asks the one set a unit is held to: the "set" kind.)
    r"|(xet|cong nhan)\b[^?]{0,20}\btheo (nhung|cac) (bo tieu chi|quy dinh|quyet dinh)\b[^?]{0,30}\bnao"
    r"|chuyen (tiep )?(cong van|van ban|quyet dinh)|bang van ban (so )?(may|nao)"
    # "có công văn của tỉnh nào khác triển khai CV 14 không": the documents that carry it out.
    r"|(van ban|cong van|quyet dinh|nghi quyet|ke hoach)\b[^?]{0,30}\bnao( khac)? (de )?(trien khai|chuyen)\b"
    # "bị văn bản nào thay", "quyết định nào thay nó": what replaced it, the verb after the asked document.
    r"|(quyet dinh|van ban|nghi dinh|thong tu|bo tieu chi)( [a-z]+){0,2} nao thay)\b",
    # "tỷ lệ bao nhiêu" asks a share, not a count.
    "count": r"(?<!ty le )(?<!ty le la )(?<!ty le dat )\b(bao nhieu|(?<!so )(?<!thu )may)\b"
    r"(?!\s*(phan tram|%|trieu|nghin|ty|km|m2))"
    # "So sánh số tiêu chí của bộ 2021-2025 và bộ 2026-2030": the counts compared.
    r"|\bso sanh so (luong )?(tieu chi|chi tieu)\b",
    # "những tỉnh, thành phố nào": the things listed may be several, with commas.
    # "xã phải đạt 19 tiêu chí nào": which criteria a counted set holds.
    "list": r"\b((?:nhung|cac) (?:[a-z]+,? ){1,4}nao|\d{1,2} (?:tieu chi|chi tieu|dieu kien|noi dung) nao"
    r"|gom nhung|gom cac|co nhung|liet ke|la nhung|ke ten|ten cac)\b",
    # "thuộc mục nào", "tại mục 2": a section (mục), not a level (mức); both fold alike.
    # "Xã tôi đã được công nhận" folds as "xa toi da duoc": "tôi đã", not "tối đa", when a pronoun's word is before it
    # and a verb after it.
    # ("phải đạt bao nhiêu tiêu chí" counts criteria.)
    "threshold": r"\b((?<!thuoc )(?<!tai )muc|nguong|toi thieu|dat (?:la |duoc )?bao nhieu(?! (?:tieu chi|chi tieu)\b)"
    r"|phan tram|ty le"
    r"|(?<!xa )(?<!huyen )(?<!chung )(?<!nha )(?<!thon )(?<!em )toi da"
    r"|toi da(?! (duoc|co|dat|thay|lam|nop|gui|hoan thanh|len|bi|nhan|xay|trien khai|thuc hien|doc|hoi|tham)\b)"
    # "trên 50%", "từ 2 lần" are figures; "từ 1/7/2025", "từ 2019" are dates.
    # "quy định bao nhiêu triệu đồng": a sum of money is a figure.
    r"|(bao nhieu|bn|may) (trieu|nghin|ngan)\b|(tren|tu) (?!(?:19|20)\d\d\b)\d(?!\d*/\d))\b"
    # "%" is no word character, so "bao nhiêu %" needs no word boundary after it.
    r"|\b(bao nhieu|bao nhiu|may|bn) ?%"
    # "Huyện NTM nâng cao cần bao nhiêu xã đạt NTM nâng cao": the share of communes a district must have, a threshold.
    r"|\b(can|phai|phai co|can co|yeu cau) (bao nhieu|bn|may) (so )?xa (dat|duoc cong nhan)\b"
    # "Xã NTM có bắt buộc phải có chợ không?": whether a thing is required is what the indicator naming it says.
    # ("Có phải có hiệu lực luôn lúc ký không?" asks whether something is so, not whether it is required.)
    r"|\b(?:(?:bat buoc|can)(?: phai)?|(?<!co )phai) co (?:[a-z]+ ){1,6}(?:khong|ko)\b",
    # "Công văn 14 yêu cầu huyện tôi những gì?", "xã phải làm những gì": what a unit is told to do.
    "todo": r"\b(phai lam gi|lam (nhung )?gi|can lam|yeu cau (cac )?(xa|huyen|thi xa|don vi|dia phuong)"
    r"\b[^.?!]{0,40}? (phai )?(lam )?(nhung )?gi"
    r"|ap dung bo tieu chi nao|(phai|can) dap ung|bo tieu chi( [a-z]+){0,2} nao"
    # "phấn đấu khoảng bao nhiêu phần trăm số xã …": a target figure asked, not what to do.
    r"|phan dau(?! (khoang |co |dat |duoc )?(bao nhieu|bn|may)\b)"
    r"|phai dat lai|(phai|can) dat (quy dinh|bo tieu chi|bo|van ban)( [a-z]+){0,2} nao"
    # "đạt chuẩn năm 2022 rồi, năm 2026 có phải làm lại hồ sơ không": what a recognised unit must do again.
    r"|(phai|can) (lam lai|xet lai|cong nhan lai|danh gia lai|dang ky lai)"
    r"|phai ra soat|tiep theo|phai duy tri|duy tri theo|theo quy dinh nao|theo van ban nao"
    # "năm 2025 giữ chuẩn theo bộ nào", "năm 2027 có còn phải theo Phụ lục II QĐ 318 không": which set applies now.
    # ("QĐ 1980 còn áp dụng không" asks the document's status, not what a unit is held to.)
    r"|theo bo (tieu chi )?nao|giu chuan|con phai theo|con phai ap dung|(?<!\d )con ap dung|chuyen sang bo"
    r"|can cu (vao )?phu luc nao"
    # "Thị xã hoàn thành NTM theo 320 cần (những) điều kiện gì", "điều kiện gì để được công nhận", "… cần gì": the
    # conditions a unit must meet.
    r"|(can|can co|phai co|co) (nhung |cac )?dieu kien (gi|nao)|dieu kien (gi|nao) (de|thi)"
    r"|(?<!khong )can (nhung )?gi(?! (khong|ko|nua|a)\b)"
    # "Xã đã đạt chuẩn theo QĐ 318 thì nay thế nào?": where a recognised unit stands now, what applies to it.
    r"|(dat chuan|duoc cong nhan)\b[^?]{0,80}" + STANDING_NOW + r"(?=\s*\??\s*$))\b",
    # Which set or regulation a unit is held to ("xã cần đáp ứng quy định của văn bản nào", "lấy bộ tiêu chí nào làm
    # mốc"): the applicability card's question, which a list of duties does not answer.
    # "Những bộ tiêu chí nào" a decision amends is another question: the sets it touches.
    "set": r"\b((?<!nhung )(?<!cac )bo tieu chi( [a-z]+){0,2} nao|theo bo (tieu chi )?nao|giu chuan theo"
    # "Xã tôi áp dụng bộ nào?": the set a unit is held to, named "bộ" alone.
    r"|ap dung bo nao|"
    + SET_OF_YEAR
    + r"|chuyen sang bo|thay (bang|the bang) bo( tieu chi)? nao|theo bo( tieu chi)? khac"
    # "chấm điểm theo bộ tiêu chí của QĐ 318 có đúng không": whether that set is the one.
    r"|theo bo\b[^?]{0,60}\b(co )?dung (khong|ko|chua)"
    # "xã đạt chuẩn năm 2023 có phải chấm lại theo bộ mới không": whether the new set is the one now.
    r"|(cham|danh gia|xet|ra soat)( diem)? lai theo bo( tieu chi)?( [a-z]+){0,2} (khong|ko|k|chua|nao)"
    r"|"
    + MEETS_SET
    # "giờ còn chấm theo Phụ lục III QĐ 320 nữa không": whether that set is still the one.
    + r"|con (phai )?(cham|danh gia|xet)( diem)? theo\b[^?]{0,60}\b(nua|khong|ko|k)"
    r"|(theo|dap ung|can cu vao|can cu|lay|doi chieu voi) (quy dinh|van ban|bo tieu chi|bo)( [a-z]+){0,3} nao"
    # "Xã được công nhận NTM năm 2016 là theo quyết định nào": the set a recognition was made under.
    r"|(dat chuan|cong nhan)\b[^?]{0,60}\btheo (quyet dinh|van ban) nao|" + HELD_TO + r")\b",
    "procedure": r"\b(thu tuc|ho so|trinh tu|quy trinh|cach thuc|nop (ho so|o dau))\b",
    # "giờ còn bộ tiêu chí huyện không", "có phần nào dành cho cấp huyện không": whether a district set still exists.
    # ("còn phải giữ chuẩn theo bộ tiêu chí huyện … không" asks which set applies, not whether one exists.)
    "district_set": r"\b(con|co)( ban hanh| co)? (bo tieu chi|tieu chi|phan|phu luc|quy dinh)( nao)?( rieng)?"
    r" (cho |danh cho |ve )?(cap )?huyen\b[^?]{0,45}\b(khong|ko|k|nua)\b"
    # "Bộ tiêu chí huyện NTM 2026-2030 có không?": the set named first, whether there is one asked after.
    r"|\bbo tieu chi (quoc gia )?(cho |danh cho |ve )?(cap )?huyen\b[^?]{0,45}\b(co|con)( [a-z]+){0,2}"
    r" (khong|ko|k|nua)\b"
    # "Sau sáp nhập thì còn cấp huyện không", "cấp huyện đã bị bỏ chưa": the level itself.
    r"|\b(con|van con) cap huyen (khong|ko|k|nua|hay)\b|\bcap huyen (co )?(con|da bi bo|bi bo|da bo|bi xoa)\b",
    # Who is given what task ("UBND tỉnh có trách nhiệm gì", "giao bộ nào chủ trì", "cơ quan nào chịu trách nhiệm").
    # "Trách nhiệm của Mặt trận Tổ quốc trong xây dựng NTM là gì": the same, the actor named between.
    "duty": r"\b(trach nhiem (gi|nao|the nao)|(trach nhiem|vai tro) (cua|doi voi)\b[^?]{0,80}\bla gi"
    r"|nhiem vu (gi|nao)|giao (cho )?(ai|bo nao|co quan nao|so nao|cap nao)"
    r"|(bo|co quan|so|cap|don vi) nao (chu tri|chiu trach nhiem|huong dan|co trach nhiem)"
    # "Ai chịu trách nhiệm hướng dẫn thực hiện bộ tiêu chí …", "ai ban hành bộ tiêu chí … của tỉnh".
    r"|\bai (la nguoi )?(chiu trach nhiem|co trach nhiem|chu tri|co nhiem vu|duoc giao)"
    r"|(ai|cap nao|co quan nao) (co tham quyen )?ban hanh bo tieu chi\b[^?]{0,40}\b(cua|cho|rieng cua)"
    r" (tinh|huyen|dia phuong)\b"
    # "vướng mắc thì bộ nào tổng hợp, báo cáo Thủ tướng": who a document gives that work to.
    r"|(bo|co quan|so|cap|don vi) nao (co nhiem vu |duoc giao |phai )?(tong hop|bao cao|theo doi|giam sat|trinh)"
    # "giao UBND tỉnh quy định cụ thể mô hình gì": what an actor named after "giao" is given.
    r"|giao (cho )?(ubnd|uy ban nhan dan|chu tich|bo|so|cap)\b[^?]{0,60}\b(gi|nao)"
    # "QĐ 318 yêu cầu gì đối với UBND tỉnh": what a document charges an actor with.
    r"|(yeu cau|doi hoi) (nhung )?gi (doi voi|voi|cho) (ubnd|uy ban nhan dan|chu tich|bo|so|cap|cac bo|dia phuong)\b"
    # "cơ quan nào xét công nhận và công bố xã đạt chuẩn": who does what the documents give someone to do.
    r"|(co quan|cap|don vi|ai) (nao )?(co tham quyen )?(xet,? cong nhan|cong nhan|cong bo|tham dinh|phe duyet)"
    r"|(ai|bo nao|co quan nao|so nao) (la )?(chu tri|co quan chu quan)|co tham quyen"
    # "Thẩm quyền công nhận xã đạt chuẩn thuộc về ai?": whose the authority is.
    r"|tham quyen\b[^?]{0,80}\bthuoc (ve )?(ai|cap nao|co quan nao)"
    # "Xã NTM nâng cao giai đoạn 2018-2020 do ai quy định tiêu chí?": whom a document gives that work to.
    r"|\bdo (ai|co quan nao|cap nao) quy dinh (cu the )?(bo )?tieu chi\b"
    # "Chủ tịch UBND tỉnh công nhận xã NTM nâng cao à?", "Thủ tướng công nhận huyện NTM đúng không?": who recognises,
    # told to be checked.
    r"|(chu tich|ubnd|uy ban nhan dan|thu tuong|bo truong)( [a-z]+){0,3} (co )?(xet,? )?(cong nhan|cong bo)\b[^?]{0,60}"
    r"\b(a|phai khong|dung khong|co dung khong|co phai khong|khong)(?=\s*\?)"
    # "cơ quan nào ban hành cẩm nang hướng dẫn thực hiện": whom the document charges with the guidance.
    r"|(ai|(co quan|bo|so|cap|don vi) nao) ban hanh (van ban |cac )?(huong dan (thuc hien|cho|ve)|cam nang|tai lieu"
    r"|so tay)"
    # "cơ quan nào được giao chỉ đạo thí điểm …", "ai được giao …": who a document gives the task to.
    r"|(ai|(co quan|bo|so|cap|don vi) nao) (duoc |da duoc )?giao)\b",
    # "Tiêu chí số 9 … là tiêu chí gì?": what the criterion or indicator numbered is.
    "definition": r"\b(la gi|la (?:tieu chi|chi tieu) gi|la xa nao|la nhung xa nao|hieu the nao|duoc hieu|nghia la"
    r"|la (?:[a-z]+ )?(?:nhu )?the nao"
    # "xã như thế nào thì được xếp vào nhóm 1", "thế nào là xã khu vực III": what makes a thing what it is.
    r"|duoc xac dinh|(nhu )?the nao (thi )?(duoc )?(xep|coi la|goi la|tinh la|thuoc)|the nao la)\b",
    # "mốc thu nhập thay đổi thế nào giữa hai giai đoạn": the two compared.
    "compare": r"\b(khac nhau|khac gi|so sanh|khac voi|thay doi (the nao|ra sao|gi) giua"
    # "Bộ 2026-2030 khác bộ 2021-2025 thế nào về …": one named against the other.
    r"|khac (bo|quyet dinh|qd|giai doan)\b[^?]{0,40}\b(the nao|ra sao|o diem nao|cho nao)"
    # "So với bộ 318, bộ mới có gì khác / bỏ những tiêu chí nào": what one set changed against the other named.
    r"|so voi\b[^?]{0,80}\b(co gi khac|(bo (di )?|them )(nhung |cac )?(tieu chi|chi tieu)))\b",
    "which": r"\b((nhung |cac )?(van ban|quyet dinh)( [a-z]+){0,2} nao|la van ban gi|nhung van ban|cac van ban"
    r"|so may|so hieu (la )?(gi|nao)|thuoc (nhom|loai|vung|khu vuc)( xa)? (nao|may|so may)"
    r"|xep (vao |la )?(xa )?nhom( xa)? (nao|may|so may)"
    # "các quyết định do ông … ký", "văn bản mới nhất trong kho là gì": documents asked for, not one's facts.
    r"|(nhung|cac) (quyet dinh|cong van|nghi quyet|nghi dinh|thong tu)"
    r"|(van ban|quyet dinh|cong van|nghi quyet)( [a-z]+){0,3} (moi|cu|som) nhat)\b",
    # "… là chỉ tiêu số mấy, thuộc tiêu chí nào?", "có tiêu chí nào riêng về đào tạo nghề không?": which indicator or
    # criterion of a set holds a topic.
    "indicator": r"\b((thuoc|nam trong|nam o|o) tieu chi (so )?(nao|may)|la tieu chi (so )?(may|nao)"
    r"|(la |thuoc )?chi tieu (so )?(may|nao)|co (tieu chi|chi tieu) nao( rieng)? ve"
    # "chỉ tiêu này là số mấy trong tiêu chí y tế?"
    r"|chi tieu (nay|do) (la )?(so )?(may|nao)|la so may trong tieu chi)\b",
    # "lần lượt là bao nhiêu" is "respectively", not one after another.
    "history": r"\b(thay nhau|lan luot(?! (la|bang|o muc|dat))|qua cac giai doan|qua cac thoi ky|tu nam \d{4} den nay"
    r"|cac lan sua)\b",
    # "UBND tỉnh phải gửi những gì về Bộ", "gửi kết quả công nhận về đâu": what is reported, and where.
    "report": r"\b(bao cao|giam sat|kiem tra|ngan sach|kinh phi|nguon luc|lo trinh|phai gui (nhung )?gi"
    r"|gui (nhung )?gi (ve|len|cho)|gui [^?]{0,80} ve dau)\b",
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
    r"|(co )?ghi can cu (vao )?(nghi dinh|nghi quyet|quyet dinh|luat|thong tu)"
    # A dispatch's "Thực hiện Quyết định số …" opening: "ban hành để thực hiện những quyết định nào".
    r"|de thuc hien (nhung |cac )?(quyet dinh|nghi quyet|nghi dinh|chi thi|cong van|van ban)( [a-z]+){0,4} nao)\b",
    # Which documents cite a number ("văn bản nào trong kho dẫn chiếu Quyết định 2540", "những văn bản nào có phần căn
    # cứ dẫn Nghị quyết 100/2015/QH13"): a list of the citing documents, not the cited one's facts.
    "cites": r"\b(van ban|quyet dinh|nghi quyet|nghi dinh|cong van)( [^\s?,.]+){0,8}? nao( [a-z]+){0,6}"
    # ("văn bản nào hướng dẫn …" guides; its "dẫn" cites nothing.)
    r" (dan chieu|vien dan|trich dan|can cu|(?<!huong )dan|nhac (den|toi)|de cap( den| toi)?)\b",
    # Which 2026-2030 commune group the asker's own commune is in ("xã tôi … được xếp nhóm mấy").
    "group": r"^(?=.*\bxa (?:toi|minh|em|chung toi)\b).*\b(?:nhom (?:xa )?(?:may|nao|so may)|xep (?:vao )?(?:xa )?nhom"
    r"|thuoc (?:xa )?nhom|vao (?:xa )?nhom|nhom khac)\b",
    # Where and how a resolution was passed ("thông qua tại kỳ họp thứ mấy", "Quốc hội khóa mấy", "bao nhiêu đại biểu
    # tán thành"): the session its registry entry records (see SESSION_ASKED, VOTES_ASKED).
    "session": rf"{_SESSION}|{_VOTES}",
    # Whether the corpus holds a document's whole text ("hệ thống có toàn văn Quyết định 51 không, hay chỉ có phần tóm
    # tắt?").
    # ("Xã có đầy đủ hồ sơ chưa" asks no such thing: a copy, "bản", is what is had.)
    "fulltext": r"\bco (ban )?(toan van|ban day du|ban goc|ban chinh thuc)\b[^?]{0,60}\b(khong|ko|chua)\b"
    r"|\bchi co (phan |ban )?tom tat\b"
    # "Quyết định 2540 … có trong kho không?": whether the corpus holds it, and in what form.
    r"|\bco trong kho\b[^?]{0,20}\b(khong|ko|chua)\b",
    # "nghị quyết … là nghị quyết số bao nhiêu", "mang số hiệu gì": a document's number, not a count.
    "number": r"\bso hieu\b|\b(nghi quyet|quyet dinh|cong van|thong tu|nghi dinh|van ban) (la |mang |co )?so"
    r" (bao nhieu|bao nhiu|may|bn|gi)\b",
    # Whom a dispatch is addressed to ("gửi những cơ quan nào", "kính gửi ai").
    # ("gửi cho những cơ quan nào": both words before whom.)
    "to": r"\b(gui (cho )?(nhung |cac )?(co quan|ai|noi|dau|don vi)|kinh gui|noi nhan|gui toi ai)\b",
    # Which region's levels a commune is held to ("áp mức đạt chuẩn của vùng nào", "được áp mức vùng khác"): a rule
    # of the decision's articles, not a figure of one indicator.
    "region_level": r"\b(muc (dat chuan )?(cua |theo )?vung (nao|khac)"
    r"|ap (dung )?muc( dat chuan)?( cua| theo)? vung)\b",
    # "Tỉnh Điện Biên thuộc vùng nào?": the region of the 2016-2025 sets a province belongs to.
    # ("nay thuộc tỉnh nào và áp dụng vùng nào trong bộ tiêu chí": the region its thresholds are read in.)
    # ("áp dụng mức vùng nào": the region whose levels apply.)
    "region_of": r"\b(thuoc|o|nam trong|nam o|la|ap dung|tinh theo|xep vao) (?:ve )?(?:muc )?" + REGION_ASKED,
    # "Đồng Tháp bây giờ là gộp với tỉnh nào?": where a province went in the 2025 merger, or what it was formed from.
    "map": r"\b(gop (?:voi|vao|chung) (?:tinh|thanh pho) nao"
    r"|(?:nhap|sap nhap|hop nhat) (?:vao|voi) (?:tinh|thanh pho) nao|nhap vao dau"
    r"|thuoc (?:ve )?(?:tinh|thanh pho|tinh/thanh(?: pho)?|tinh thanh|tinh hay thanh pho)(?: [a-z]+)? nao"
    # "từ 1/7/2025 thì về tỉnh nào": where the former province went.
    r"|(?:thi|nay|da|se) ve (?:tinh|thanh pho) nao"
    # "Hà Giang bây giờ là tỉnh nào?": the province it is part of now.
    r"|(?:bay gio|hien nay|hien gio|gio|nay) (?:la|thanh) (?:tinh|thanh pho) nao"
    # "cả nước bây giờ có bao nhiêu tỉnh?": the provinces of the map counted.
    r"|(?:ca nuoc|viet nam|nuoc ta)(?: hien nay| bay gio| hien gio| gio)? (?:co|con|gom) (?:bao nhieu|may|bn) tinh"
    r"|gom (?:nhung |cac )?tinh (?:nao|cu nao)|hinh thanh tu (?:nhung )?tinh nao)\b",
    # "… nằm ở phụ lục số mấy", "mục nào nói về …": where a document says something (see WHERE).
    # ("gồm những phần nào" lists the parts.)
    # "xã thuộc trường hợp nào trong Công văn 14": which of a dispatch's cases (its sections) the unit is.
    # (group 1 is the kind of part asked for; "trường hợp" names none.)
    # "điểm nào quy định …" is a point of a clause ("c)"), not "địa điểm", "thời điểm", "đặc điểm".
    "where": r"\b(?<!gom )(?<!nhung )(?<!cac )(?<!dia )(?<!thoi )(?<!dac )(?<!quan )"
    r"(phu luc|dieu|muc|khoan|chuong|phan|diem)( so)? (nao|may)\b"
    r"|\bthuoc truong hop (?:nao|may|so may)\b",
    # "đã đạt chưa", "xã đạt chỉ tiêu này chưa", "đã đủ yêu cầu chưa": a value stated in the question, to be judged
    # against its threshold. ("Đủ điều kiện … chưa" asks whether a unit may be recognised, not a value.)
    "judge": r"\b(dat chua|da dat(?! chuan)|co dat|dat duoc|dat khong|du chua|chua dat|dat hay (khong|chua)"
    r"|dat (chi tieu|yeu cau|muc)( (nay|do))? (chua|khong)|du yeu cau( (nay|do))? chua)\b",
}
ASK_RE = {k: re.compile(v) for k, v in _ASKS.items()}
# Kinds of question a document's own fact answers (its signer, its dates, its status, who issued or proposed it).
FACT_KINDS = frozenset(
    {"who", "when", "in_force", "issuer", "basis", "proposer", "status", "session", "number", "fulltext"}
)
WHERE = ASK_RE["where"]
# A procedure asked, not a file named as context ("hồ sơ xã đạt chuẩn năm 2019 chấm chỉ tiêu … theo mức nào"): the
# procedure's word with what asks about it ("hồ sơ gồm những gì", "thủ tục thế nào", "nộp ở đâu", "làm thủ tục gì").
PROCEDURE_ASKED = re.compile(
    r"\b(thu tuc|ho so|trinh tu|quy trinh|cach thuc)\b[^?.;,]{0,40}?\b(gom|bao gom|nhung gi|gi|the nao|ra sao|o dau"
    r"|nao|buoc|ai|bao lau|han)\b|\bnop (ho so|o dau)\b"
    # "hồ sơ xét công nhận xã nông thôn mới nâng cao gồm …": what is recognised may take more words before the ask.
    r"|\b(thu tuc|ho so|trinh tu|quy trinh)\b (de nghi |xet,? )*cong nhan\b[^?.;,]{0,45}?"
    r"\b(gom|bao gom|nhung gi|the nao|ra sao|o dau|may buoc|cap nao|co quan nao|ai quy dinh)\b"
)
# An amount of money asked: support, rewards, budgets, loans, fees, and how long a paper stays valid.
MONEY = re.compile(
    r"\b(bao nhieu tien|(muc|so tien) ho tro|ho tro bao nhieu|tien thuong|muc thuong|kinh phi|vay (toi da|duoc)"
    r"|bao nhieu dong|muc chi|muc dong gop|thoi han)\b"
)
# A figure asked in a unit ("bao nhiêu phần trăm", "tổng mức vốn … là bao nhiêu"), and how an answer writes one.
_ASKED_FIGURE = {
    "%": re.compile(
        r"\b((bao nhieu|bao nhiu|may|bn) ?(phan tram|%)|ty le\b[^.?!]{0,80}\b(bao nhieu|bao nhiu|bn|muc nao))"
    ),
    "money": re.compile(
        r"\b((bao nhieu|bao nhiu|bn|muc) (tien|trieu|ty dong)"
        r"|(tong )?(muc )?(von|kinh phi|ngan sach)\b[^.?!]{0,60}\b(bao nhieu|bao nhiu|bn)(?! lan))"
    ),
    # "diện tích … bao nhiêu m2", "tối thiểu bao nhiêu mét vuông": an area.
    "area": re.compile(
        r"\b(bao nhieu|bao nhiu|bn|may) ?(m2|met vuong|ha|hecta)\b|\bdien tich\b[^.?!]{0,60}\b(bao nhieu|bao nhiu|bn)\b"
    ),
}
_FIGURE_WRITTEN = {
    "%": re.compile(r"\d[\d.,]*\s*%"),
    # Not "2.1. Tỷ lệ …" (an indicator's number before "ratio").
    "money": re.compile(r"\d[\d.,]*\s*(triệu|tỷ(?! lệ)|nghìn|đồng(?! bào| bằng))(?!\w)", re.I),
    "area": re.compile(r"\d[\d.,]*\s*(m2|m²|mét vuông|ha|héc-ta)(?!\w)", re.I),
}


def asked_figure(folded_clause: str) -> str | None:
    """The unit of the figure the asking clause asks for ("%", "money" or "area"), or None."""
    return next((unit for unit, cue in _ASKED_FIGURE.items() if cue.search(folded_clause)), None)


def holds_figure(text: str, unit: str) -> bool:
    """The text writes a figure in that unit ("90%", "45 triệu đồng", "25 m2")."""
    return bool(_FIGURE_WRITTEN[unit].search(text))


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
    for i, sentence in enumerate(reversed(sentences(whole))):
        # The last sentence may be a question typed without its mark ("… là hộ nghèo? nghị định này ai ký vậy").
        if not (sentence.rstrip().endswith("?") or (i == 0 and QUESTION_WORD.search(fold(sentence)))):
            break
        asked.insert(0, sentence)
    if len(asked) > 1 and text.strip() == asked[-1].strip():
        text = " ".join(asked)  # "K1 Đ2 QĐ 558 giao ai làm gì? 558 ai ký?": each question sentence asks
    parts: list[list] = []  # [text, whether it asks]
    sentences_asked = re.split(r"(?<=\?)\s+", text)
    for n, sentence in enumerate(sentences_asked):
        # Each question's mark goes, but the last one's (the question as typed ends with it).
        body = sentence if n == len(sentences_asked) - 1 else sentence.rstrip().removesuffix("?")
        pieces = [p.strip() for p in re.split(r",?\s+(?:và|đồng thời|trong đó)\s+|[,;]\s*", body) if p.strip()]
        for j, piece in enumerate(pieces):
            # "… vẫn dùng chuẩn cũ hay chuẩn mới?": a choice put as a question asks, with no question word.
            choice = bool(sentence.rstrip().endswith("?") and j == len(pieces) - 1 and _CHOICE.search(fold(piece)))
            asks = bool(QUESTION_WORD.search(fold(piece))) or choice
            if parts and not asks:
                parts[-1][0] = f"{parts[-1][0]}, {piece}"  # "… và miền núi …", "tỉnh A, B": no question of its own
            else:
                parts.append([piece, asks])
    asking = [p for p, asks in parts if asks]
    return asking if len(asking) >= 2 else [whole]


# "… cũ hay … mới", "A hay B": two things offered to choose between.
_CHOICE = re.compile(r"\w \bhay\b \w")


_IN_FORCE_WHEN = re.compile(r"\bhieu luc (?:thi hanh )?(?:tu |ke tu )?(?:ngay nao|khi nao|bao gio)")
_ISSUED_WHEN = re.compile(r"\b(ban hanh|ky|thong qua)\b[^?.]{0,20}\b(ngay nao|khi nao|nam nao)")


def kinds_of(text: str) -> set[str]:
    """The kinds of question a piece of text asks (a part of a two-part question)."""
    folded = normalise_question(text)
    kinds = {k for k, r in ASK_RE.items() if r.search(folded)}
    if {"in_force", "when"} <= kinds and _IN_FORCE_WHEN.search(folded) and not _ISSUED_WHEN.search(folded):
        kinds.discard("when")  # "có hiệu lực từ ngày nào" asks when it took effect, not when it was issued
    if "when" in kinds and cases_asked(folded):
        kinds.discard("when")
    return kinds


def cases_asked(folded: str) -> bool:
    """ "Xã bị thu hồi quyết định công nhận khi nào": the cases in which a unit loses its recognition, not a date."""
    return bool(_LOST_WHEN.search(folded)) and not re.search(r"\b(ngay|nam|thang) nao\b", folded)


# A unit's recognition lost ("bị thu hồi quyết định công nhận", "mất danh hiệu", "trượt chuẩn") "khi nào": the cases.
_LOST = r"(thu hoi (quyet dinh|qd|danh hieu)|(mat|tuoc) (danh hieu|chuan)|truot chuan|xoa ten)"
_LOST_WHEN = re.compile(rf"\b{_LOST}\b[^?,;]{{0,60}}\bkhi nao\b|\bkhi nao\b[^?,;]{{0,60}}\b{_LOST}\b")
