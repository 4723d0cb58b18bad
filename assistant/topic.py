"""Does the corpus speak about what the question asks? The question's content words that the
indexed corpus never uses ("phụ cấp", "đóng góp", "hiến đất", "phân hạng") name a topic it does not
cover; question words, place names and document kinds are not content."""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from functools import lru_cache

from assistant.rx import rx
from assistant.uncovered import uncovered_topics
from corpus.normalize import fold


# Words of asking, politeness and reference that say nothing about the topic (accent-free, "_" joins).
def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words of degree and comparison ("hoàn toàn", "chênh", "trượt tiêu chí") and a person's title or how a signer
# stood ("ông", "đứng tên với chức vụ gì") carry no topic either.
# ("sáp nhập" is what people call the 2025 merger the corpus words as "sắp xếp", "hợp nhất".)
NOT_CONTENT = _words(
    """
    phan_muc chia_muc
    bao_nhieu bao_nhiu tong_cong the_nao nhu_the_nao gi dau may muon chung_toi toi minh a nhe sao nao ai khong co_phai
    bay_gio hien_nay nay thi la nhung_ai nhung cac duoc bi cho hoi xin cam_on anh chi em ban vay roi chua
    thong_tu nghi_dinh nghi_quyet quyet_dinh cong_van chi_thi luat ke_hoach so nam thang ngay
    tiep_theo the thay noi ve cu_the kinh_gui quy_dinh phan_tram bao_lau nua ngoai rieng gio tiep sua lan lai viec
    dieu mot hai ba tren duoi sau truoc khac cung dang
    anh_huong vuot vuot_qua duoc_phep
    giup giup_minh giup_toi giup_em giup_voi ke_ra liet_ke
    lan_luot ap_muc du_kien
    that them giong giong_nhu thuc_ra cham_diem
    hoan_toan chung_chung chenh chenh_lech so_sanh doi_chieu truot khong_che bat_buoc
    ong bac chu dung_ten chuc_vu
    sap_nhap
    cuoi_cung dau_tien sau_cung truoc_het truoc_tien truoc_mat rot_cuoc tat_ca hien_tai vao_khoang luon som
    truoc_day luc_truoc
    van_de nghe_noi nhin nhac quen ben_canh
    giap
    toan_quoc tut_chuan
    gioi_han cuon
    de_cap nhac_den noi_den
    """
)
# Syllables that make a compound a segmentation accident ("thì_giờ", "đáp_ứng_bộ", "ntm_vùng") rather
# than a new word.
_GLUE = _words(
    "thi gio the nhu nam lam bi phai ung bo vung giai doan nao gi dat ntm nc ntmnc quy dinh xa huyen sua doi ve dau "
    "may chi thang nay con da se duoc cua va la co"
)
# Function words that accent-free segmentation glues to a neighbour ("ở Bình", "vào tỉnh").
_FUNCTION = _words(
    "o vao tai cua va thi cho de ve tu den voi trong ngoai nay do ma nen khi len xuong ra"
    # "vì tiêu chí", "nghèo không", "nông thôn nữa", "bỏ rồi": particles that end or start a clause.
    " vi khong nua roi"
    # "mỗi bên", "mới nhất": typed without marks, "moi" is a word of degree, not a topic.
    " moi"
    # "xã tôi thuộc", "em hỏi": the asker's pronoun glued to a neighbour.
    " toi em minh"
    # "còn lại bao nhiêu" → "lai_bao": the start of "bao nhiêu" glued to the word before it.
    " bao"
)
# "tỉnh Hà Giang cũ", "tỉnh Đắk Lắk mới": a place named on the map before or after the 2025 merger.
_OLD_NEW = _words("cu moi")
_ASKING = re.compile(
    # Typed without marks, "hoi" alone is as often "hội" (xã hội): only "xin hoi", "cho hoi" ask.
    r"(?:cho (?:tôi |toi |em |mình |minh )?h[ỏo]i|xin h[ỏo]i|hỏi|cho bi[ếe]t"
    r"|xin (?:được |duoc )?gi[ảa]i [đd][áa]p)\s*:?",
    re.I,
)


# Question words (accent-free): the clause or part holding them is one that asks.
QUESTION_WORD = re.compile(
    # "bn", "ko": "bao nhiêu", "không" in chat shorthand.
    r"\b(bao nhieu|bao nhiu|bn|bao lau|bao gio|may|nao|gi|ai|khi nao|the nao|ra sao|chua|khong|ko|dau)\b"
)


def marked_clause(question: str) -> str | None:
    """What follows the question's last explicit "xin cho hỏi", "cho biết" …, or None when it has none."""
    found = list(_ASKING.finditer(question))
    return question[found[-1].end() :] if found else None


def sentences(text: str) -> list[str]:
    """The text's sentences, each with its closing mark."""
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()]


def asking_clause(question: str) -> str:
    """The part of a question that asks (after "xin cho hỏi", else its last sentence): a preamble
    about who is asking is not the topic."""
    marked = marked_clause(question)
    if marked is not None and len(question[: len(question) - len(marked)].split()) > 4:
        return marked
    # "Cho tôi hỏi với: tôi đang soạn bài phát biểu … Hồi đó thu nhập phải đạt bao nhiêu?": a marker that opens the
    # question marks no preamble off; its last sentence asks.
    said = sentences(marked if marked is not None else question)
    last = said[-1] if said else question
    if not last.rstrip().endswith("?") and not QUESTION_WORD.search(fold(last)):
        # "Tuần sau có bão không? Xã định tổ chức lễ ngoài trời.": the sentence that asks, not the one after it.
        last = next((x for x in reversed(said) if x.rstrip().endswith("?")), last)
    # "…, cần ghi đúng con số: theo bộ tiêu chí đó, … là bao nhiêu?": what follows the colon asks.
    head, colon, tail = last.rpartition(": ")
    if colon and QUESTION_WORD.search(fold(tail)) and not QUESTION_WORD.search(fold(head)):
        return tail
    return without_purpose(last)


def without_purpose(text: str) -> str:
    """The text without a closing clause saying why the asker asks ("… thì về tỉnh nào, để em sửa lại tên tỉnh
    trên hồ sơ"): what the asker will do with the answer asks nothing."""
    purpose = _PURPOSE.search(text)
    if (
        purpose
        and QUESTION_WORD.search(fold(text[: purpose.start()]))
        and not QUESTION_WORD.search(fold(text[purpose.start() :]))
    ):
        return text[: purpose.start()] + ("?" if text.rstrip().endswith("?") else "")
    return text


# A closing clause saying why the asker asks: ", để em sửa lại …", ", để xã tôi kịp báo cáo".
_PURPOSE = re.compile(
    r",\s*(?:để|de)\s+(?:em|tôi|toi|mình|minh|chúng tôi|chung toi|xã tôi|xa toi|xã em|xa em|xã mình|xa minh)\b"
    r"[^?]*\??\s*$",
    re.I,
)


def dictionary_syllables(dictionary: frozenset[str]) -> frozenset[str]:
    """The syllables of the language's words (cached: ~50 ms to gather the first time)."""
    return _syllables(dictionary)


@lru_cache(maxsize=2)
def _syllables(dictionary: frozenset[str]) -> frozenset[str]:
    return frozenset(p for w in dictionary for p in w.split("_"))


# Everyday words for what the regulations name in their own words ("chôn cất, nghĩa địa" is what indicator 17.5 calls
# "mai táng"; "rác nhựa, túi nilon" is "chất thải nhựa"): the corpus covers them under its words, which a question
# using them is read with (assistant.understand).
EVERYDAY_TERMS = {
    "chon cat": "mai tang",
    "an tang": "mai tang",
    "nghia dia": "mai tang",
    "nghia trang": "mai tang",
    "rac nhua": "chat thai nhua",
    "tui nilon": "chat thai nhua",
    "tui ni lon": "chat thai nhua",
    "do nhua": "chat thai nhua",
    "rac thai": "chat thai",
    # "cơ sở làm đồ ăn uống", "vệ sinh thực phẩm": what indicator 17.8 calls food safety.
    "an uong": "thuc pham",
    "ve sinh thuc pham": "an toan thuc pham",
    # A handbook is what the regulations call "cẩm nang".
    "so tay": "cam nang",
    # "Tỷ lệ bao phủ bảo hiểm y tế" is how the health sector says 15.1's "tỷ lệ người dân tham gia bảo hiểm y tế".
    "bao phu": "tham gia",
    # Coverage by a network ("phủ sóng internet") is 8.2's "dịch vụ viễn thông, internet".
    "phu song": "vien thong",
    # Tap water and a household toilet are 17.1's "nước sạch" and 17.7's "nhà tiêu".
    "nuoc may": "nuoc sach",
    "nha ve sinh": "nha tieu",
}


def content_words(
    question: str,
    terms: list[str],
    vocabulary: Set[str],
    folded_vocabulary: Set[str],
    places: Set[str],
    text: str,
    dictionary: frozenset[str] | None = None,
) -> list[str]:
    """The question's segmented terms that the corpus never uses and that carry its topic.

    Args:
        question: the asking clause, as typed (capitalised words are names, not topics).
        terms: its lexical terms (index.segment.terms).
        vocabulary: the BM25 vocabulary of the served index.
        folded_vocabulary: the same, accent-free (a question typed without marks matches it).
        places: accent-free province and region names.
        text: the corpus text, accent-free, one space between words (a phrase the segmenter split
            differently is still in it).
        dictionary: accent-free multi-syllable words of the language (index.segment.dictionary_words).
    """
    names = {fold(w) for w in re.findall(r"\b[A-ZĐ][\wÀ-ỹ]*", question)}
    syllables = re.findall(r"[a-z0-9]+", fold(question))
    accented = any(ord(c) > 127 and c.isalpha() for c in question)
    out = []
    for t in terms:
        if t.startswith("~") or t in vocabulary or any(ch.isdigit() for ch in t):
            continue
        f = fold(t).replace(" ", "_")
        spaced = f.replace("_", " ")
        if f in folded_vocabulary or f in NOT_CONTENT or spaced in places or spaced in EVERYDAY_TERMS:
            continue
        # "tỉ lệ" is "tỷ lệ", "kĩ thuật" is "kỹ thuật": both spellings of a final i/y are correct.
        if {re.sub(r"i(?=_|$)", "y", f), re.sub(r"y(?=_|$)", "i", f)} & folded_vocabulary:
            continue
        # Segmentation joins a question word to its neighbour ("đáp_ứng_bộ", "bi_sua"): if every
        # piece is a known word, the whole is not a new topic.
        pieces = f.split("_")
        if len(pieces) > 1 and any(p in _GLUE for p in pieces):
            continue
        # A compound the language does not have is the segmenter's guess at text typed without marks, with a typo
        # or glued to punctuation ("dc_ko", "tổng_kêt", "?_tỉnh"), not a topic; a topic the corpus lacks is a word
        # ("quyết_toán", "xử_phạt").
        if len(pieces) > 1 and dictionary is not None and f not in dictionary:
            # …unless it is syllables of the language one of which the corpus never writes at all ("phát_phiếu":
            # no text of the corpus has "phiếu"): that syllable is the topic.
            known = _syllables(dictionary)
            if all(p in known for p in pieces) and any(
                len(p) > 2 and p not in _FUNCTION and f" {p} " not in text for p in pieces
            ):
                out.append(t)
            continue
        # A syllable typed with marks that no word of the language has ("khôg", "tiu") is a typo, not a topic.
        if len(pieces) == 1 and dictionary is not None and f != t.lower() and f not in _syllables(dictionary):
            continue
        # Text typed without marks is segmented by guess ("o_binh", "vao_tinh"): a compound holding a
        # function word is a guess, not a new word ("phu_cap" stays one). A compound one of whose two-part
        # ends is known ("tôn_giáo_phê"), or that splits into two known words ("tôn_giáo_phê_duyệt"), is known
        # words glued together.
        if len(pieces) > 1 and not accented and any(p in _FUNCTION for p in pieces):
            continue
        if len(pieces) > 2 and (
            "_".join(pieces[:-1]) in folded_vocabulary
            or "_".join(pieces[1:]) in folded_vocabulary
            or any(
                "_".join(pieces[:i]) in folded_vocabulary and "_".join(pieces[i:]) in folded_vocabulary
                for i in range(2, len(pieces) - 1)
            )
        ):
            continue
        # The unit of a quantity the question states ("nước sạch tối thiểu 60 lít/người/ngày") measures what it
        # asks about; a figure asked in a unit the corpus never writes is unwritten_measures's to say.
        if f in _MEASURES and re.search(rf"\d\s*{f}(?![a-z0-9])", " ".join(syllables)):
            continue
        # Short syllables and ordinals ("thứ IV", "III") name no topic.
        if re.fullmatch(r"[a-z_]{1,2}|(?:thu_)?[ivxl]{1,4}", f) or f" {f.replace('_', ' ')} " in text:
            continue
        if len(pieces) > 1 and not accented and _resplits(pieces, syllables, text, names, dictionary):
            continue
        # A compound the dictionary lists is still the segmenter's greedy cut when it spans two of the corpus's
        # phrases ("nhà tắm hợp vệ sinh" → "tắm_hợp"); one it does not list was judged above.
        if len(pieces) > 1 and dictionary is not None and f in dictionary and _split_across(pieces, syllables, text):
            continue
        if all(p in names for p in pieces[:-1]) and (
            pieces[-1] in names or pieces[-1] in _OLD_NEW or (not accented and pieces[-1] in folded_vocabulary)
        ):
            # A person, a commune, a title written with capitals; "Vũng Tàu cũ", "Đắk Lắk mới"; typed without marks,
            # a name glued to a known word ("Thai Nguyen gui" → "nguyen_gui").
            continue
        out.append(t)
    return out + uncovered_topics(question)


def _resplits(
    pieces: list[str], syllables: list[str], text: str, names: set[str], dictionary: frozenset[str] | None = None
) -> bool:
    """Text typed without marks is segmented by guess: "danh gia nong thon" can come out as "gia_nong". The
    compound is a guess when, where it stands in the question, each of its syllables is a name (written
    with a capital) or makes a phrase of the corpus with a neighbour, outside the compound too: "danh gia"
    and "nong thon"."""
    n = len(pieces)
    for i in range(len(syllables) - n + 1):
        if syllables[i : i + n] != pieces:
            continue
        if all(
            syllables[k] in names
            or (k > 0 and f" {syllables[k - 1]} {syllables[k]} " in text)
            or (k + 1 < len(syllables) and f" {syllables[k]} {syllables[k + 1]} " in text)
            # "nang cao tay nghe" → "cao_tay": its last syllable makes a word of the language with the one after the
            # compound ("tay nghề"), its first a phrase of the corpus with the one before ("nâng cao").
            or (dictionary is not None and _word_outside(syllables, k, i, i + n, dictionary))
            for k in range(i, i + n)
        ):
            return True
    return False


def _split_across(pieces: list[str], syllables: list[str], text: str) -> bool:
    """The segmenter joined syllables of two of the corpus's phrases: "nhà tắm hợp vệ sinh" → "tắm_hợp", where the
    first syllable ends a phrase of the corpus with the one before ("nhà tắm") and the last starts one with the one
    after ("hợp vệ"). A new word, even so joined, is in the corpus with neither neighbour."""
    n = len(pieces)
    for i in range(1, len(syllables) - n):
        if syllables[i : i + n] == pieces and (
            f" {syllables[i - 1]} {pieces[0]} " in text and f" {pieces[-1]} {syllables[i + n]} " in text
        ):
            return True
    return False


def _word_outside(syllables: list[str], k: int, start: int, end: int, dictionary: frozenset[str]) -> bool:
    """Syllable k of the compound [start, end) at its edge makes a word of the language with its neighbour outside."""
    before = k == start and k > 0 and f"{syllables[k - 1]}_{syllables[k]}" in dictionary
    after = k == end - 1 and k + 1 < len(syllables) and f"{syllables[k]}_{syllables[k + 1]}" in dictionary
    return before or after


def _trigrams(folded: str) -> set[str]:
    words = re.findall(r"[a-z]+", folded)
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def domain_phrases(titles: list[str]) -> frozenset[str]:
    """Three-word phrases of the corpus's document titles and of their sources' headlines ("sắp xếp đơn vị
    hành chính", "chuẩn nghèo đa chiều"): a question that uses one is about something the corpus holds,
    whatever other words it lacks. Phrases made only of asking or document words are left out."""
    out: set[str] = set()
    for title in titles:
        for tri in _trigrams(fold(title)):
            words = tri.split()
            if any(w in _CODES for w in words) or _KINDS.search(tri):
                continue  # "Nghị định NĐ-CP …" is how every decree is named, not a topic
            if sum(w.replace(" ", "_") in NOT_CONTENT or w in _GLUE for w in words) <= 1:
                out.add(tri)
    return frozenset(out)


# Codes of document numbers and web addresses, and the kinds of documents.
_CODES = _words("nd cp qd ttg tt qh nq ct bnnptnt bnn vpdp ubnd vn com gov net org www http https")
_KINDS = re.compile(r"\b(nghi dinh|quyet dinh|thong tu|nghi quyet|cong van|chi thi|van ban)\b")


def names_corpus_topic(folded_question: str, phrases: frozenset[str], signers: frozenset[str] = frozenset()) -> bool:
    """The question uses a phrase of four words or more of a document the corpus holds (two overlapping
    three-word phrases): one shared phrase of three can be chance ("thủ tục hồ sơ"); or it asks about the registry
    itself (see names_registry)."""
    return len(_trigrams(folded_question) & phrases) >= 2 or names_registry(folded_question, signers)


# "… văn bản nào trong kho …", "hệ thống đang lưu": a question about the registry itself.
_REGISTRY = re.compile(
    r"\b(trong kho|kho van ban|he thong dang luu|kho dang luu)\b"
    # "văn bản nào có hiệu lực từ 15/2/2026": which of the documents took effect or were issued on a date
    r"|\b(van ban|quyet dinh|nghi quyet|nghi dinh|cong van) nao (duoc )?(co hieu luc|ban hanh|ky)\b"
    r".*\d{1,2}/\d{1,2}/\d{4}"
)


def names_registry(folded_question: str, signers: frozenset[str]) -> bool:
    """The question asks about the documents the corpus holds: it names a signer the registry records in full
    ("Phạm Bình Minh đã ký những quyết định nào") or asks which of its documents are something ("trong kho có văn
    bản nào …")."""
    f = folded_question.lower()
    if any(fold(s).lower() in f for s in signers):
        return True
    return bool(_REGISTRY.search(f) and _KINDS.search(f))


# A hamlet's own standard ("thôn nông thôn mới kiểu mẫu", "khu dân cư NTM kiểu mẫu", "bản NTM"): the provinces set it;
# the corpus's national sets are for communes, districts and provinces ("văn bản NTM" is no hamlet).
_HAMLET = re.compile(
    r"\b(thon|(?<!van )ban|ap|khu dan cu|to dan pho)\s+((nong thon moi|ntm)( kieu mau| nang cao)?|kieu mau)\b"
    # "thủ tục công nhận thôn đạt chuẩn NTM kiểu mẫu": a hamlet recognised as a model one (not "tỷ lệ thôn đạt chuẩn …"
    # in a commune's criterion).
    r"|(?<!ty le )(?<!so )\b(thon|(?<!van )ban|khu dan cu)\s+((duoc cong nhan|dat chuan|dat) ){1,2}"
    r"((nong thon moi|ntm) )?kieu mau\b"
)

# A model garden ("vườn mẫu", "vườn hộ mẫu"): the provinces' standard too.
_GARDEN = re.compile(r"\bvuon (ho )?mau\b")


def topics_asked_before(question: str) -> list[str]:
    """Uncovered topics of the question's sentences that ask before its asking clause ("Xã được để lại bao nhiêu phần
    trăm tiền sử dụng đất …? Khoản đó có được dùng để trả nợ …?"): the last sentence leans on them."""
    clause = asking_clause(question)
    found: list[str] = []
    for s in sentences(question):
        if s.rstrip().endswith("?") and s.strip() not in clause:
            found += [t for t in uncovered_topics(s) if t not in found]
    return found


# How many units of a named place reached the standard, or when a named commune was recognised ("Tỉnh Hà Tĩnh có bao
# nhiêu xã đạt chuẩn", "Xã Đường Lâm được công nhận năm nào"): the corpus holds national rules and national counts,
# no place's own results.
_HOW_MANY_REACHED = re.compile(
    r"\b(bao nhieu|bn|may) (xa|huyen|thi xa|thon|don vi)\b[^?.]{0,40}"
    r"\b(dat chuan|dat (nong thon moi|ntm)|duoc cong nhan)"
    # "Tỉnh Quảng Ninh hiện có bao nhiêu xã NTM kiểu mẫu?": units counted by their title.
    r"|\b(bao nhieu|bn|may) (xa|huyen|thi xa) (nong thon moi|ntm)\b"
    # "Tỷ lệ xã đạt chuẩn NTM của tỉnh Hà Tĩnh năm 2024": the share, not the count.
    r"|\bty le (so )?(xa|huyen|thi xa) (da )?(dat chuan|dat (nong thon moi|ntm)|duoc cong nhan)\b"
)
_WHEN_RECOGNISED = re.compile(
    r"\b(duoc cong nhan|dat chuan|dat nong thon moi|dat ntm)\b[^?]{0,80}\b(nam nao|khi nao|bao gio|tu nam nao)\b"
    # "dự kiến năm nào được công nhận": the same asked the other way round.
    r"|\b(nam nao|khi nao|bao gio)\b[^?]{0,20}\b(duoc cong nhan|dat chuan)\b"
    # "hiện đã đạt bao nhiêu tiêu chí, đứng thứ mấy trong tỉnh": a named commune's own results.
    r"|\b(da dat|dat duoc|hien dat) (bao nhieu|bn|may) tieu chi\b|\bdung thu (may|bao nhieu)\b"
    # "Xã Hòa Bình đã đạt NTM chưa?": whether a named commune is recognised.
    r"|\b(da|duoc) (dat|cong nhan)( dat)?( chuan)?( xa| huyen)? (nong thon moi|ntm)( nang cao| kieu mau)? chua\s*\?"
)
# ("Huyện Nam Đàn được công nhận … chưa?": a named district too.)
_NAMED_COMMUNE = re.compile(
    r"(?<!\w)(?:[Xx](?:ã|a)|[Hh]uy(?:ệ|e)n) (?!(?:tôi|toi|em|mình|minh|chúng|chung|ta|nhà|nha)\b)[A-ZĐ]\w+ [A-ZĐ]"
)
# A commune asking a higher level for money ("xin tỉnh hỗ trợ 3 tỷ", "hồ sơ đề nghị hỗ trợ kinh phí"): budget
# procedure, not the programme's criteria.
_FUNDING_REQUEST = re.compile(
    r"\b(xin|de nghi|de xuat)( (tinh|huyen|trung uong|cap tren))? (ho tro|cap|bo sung)( them)?"
    r" (kinh phi|von|ngan sach|tien|khoang|\d)"
    # "xã muốn xin kinh phí làm đường": asked for without a verb of support.
    r"|\bxin( them)? (kinh phi|von|ngan sach)\b"
)

# Money a named place was allotted or a province gives ("tỉnh Lạng Sơn được giao bao nhiêu tỷ đồng", "tỉnh hỗ trợ xi
# măng bao nhiêu tấn/km"): each province's budget and support policy, which no national regulation here holds.
_LOCAL_MONEY = re.compile(
    r"\b(duoc giao|duoc phan bo|phan bo|duoc cap|ho tro|cap)\b[^?.]{0,40}?\b(bao nhieu|bn|may)\s*"
    r"(ty|trieu|nghin|tan|dong|von|tien|kinh phi)\b"
)
# A province's own communes after the 2025 arrangement ("tỉnh Nghệ An còn bao nhiêu xã, phường", "xã mới được hợp
# nhất từ những xã cũ nào"): the corpus holds the provinces' map and the national count, no province's communes.
_LOCAL_COMMUNES = re.compile(
    r"\b(con|co) (bao nhieu|bn|may) (xa, phuong|xa phuong|xa va phuong|don vi hanh chinh cap xa)\b"
)
_COMMUNE_MERGED = re.compile(r"\b(hop nhat|sap nhap|nhap|sap xep|thanh lap) tu (nhung|cac) xa( cu)? nao\b")
_LOCAL_GIVER = re.compile(r"\b(tinh|huyen|xa)\s+(ho tro|cap|giao|phan bo)\b")


def _names_place(f: str, places: Set[str]) -> bool:
    return any(len(p) > 3 and rx(rf"\b{re.escape(p)}\b").search(f) for p in places)


def local_topics(question: str, places: Set[str]) -> list[str]:
    """Topics of the whole question the corpus does not cover: a named place's own results, a funding request."""
    f = fold(question).lower()
    topics = []
    # The places are looked for only in a question that asks how many reached the standard (most do not).
    named_place = _HOW_MANY_REACHED.search(f) and _names_place(f, places)
    named_commune = _NAMED_COMMUNE.search(question) and _WHEN_RECOGNISED.search(f)
    if named_place or named_commune:
        topics.append("kết quả xây dựng nông thôn mới của từng địa phương")
    if _HAMLET.search(f):
        # Said anywhere in the question ("Thôn muốn được công nhận thôn NTM kiểu mẫu thì …, ai ký quyết định?").
        topics.append("tiêu chí, công nhận thôn (bản, ấp, khu dân cư) nông thôn mới, kiểu mẫu")
    if _GARDEN.search(f):
        topics.append("tiêu chí, công nhận vườn mẫu nông thôn mới")
    if _COMMUNE_MERGED.search(f) or (_LOCAL_COMMUNES.search(f) and _names_place(f, places)):
        topics.append("sắp xếp đơn vị hành chính cấp xã của từng tỉnh")
    if _FUNDING_REQUEST.search(f):
        topics.append("đề nghị hỗ trợ kinh phí của xã")
    elif _LOCAL_MONEY.search(f) and (_LOCAL_GIVER.search(f) or _names_place(f, places)):
        topics.append("vốn, kinh phí và mức hỗ trợ của từng địa phương")
    return topics


# A figure's unit right after it ("1.333 xã", "≥2 m²/người", "430 đại biểu"); not a heading's number ("8.1. Có …").
_FIGURE_UNIT = re.compile(r"(?<![\w.,/])\d(?:[\d.,/]*\d)?(?![.,]?\d)\s*(?:\([^)]{0,20}\)\s*)?([^\W\d_]+[²³]?)")
# Units of measure a question may ask a figure in (accent-free) → how it reads, the spellings a document writes.
# (Points, "bao nhiêu điểm", are a topic of their own: _POINTS.)
_MEASURES = {
    "met": ("mét", ("met", "m")),
    "m": ("mét", ("met", "m")),
    "cm": ("cm", ("cm",)),
    "mm": ("mm", ("mm",)),
    "km": ("km", ("km",)),
    "m2": ("m²", ("m2", "m²")),
    "hecta": ("héc-ta", ("hecta", "ha")),
    "tan": ("tấn", ("tan",)),
    "kg": ("kg", ("kg",)),
    "lit": ("lít", ("lit",)),
    "ml": ("ml", ("ml",)),
    "mg": ("mg", ("mg",)),
}
_MEASURE_ASKED = re.compile(r"\b(?:bao nhieu|bao nhiu|bn|may)\s+(" + "|".join(_MEASURES) + r")(?![\w²])")


# A quantity the question states to be judged ("đường xã rộng 5m có đạt không"): against a standard in that unit,
# unless the question asks a share ("tỷ lệ hộ dùng nước sạch 60 lít/người/ngày"), whose figure is a rate. A quantity
# only told ("làm 3 km đường", "lùi vào 1,5m") is not what is asked.
_MEASURE_STATED = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s*(" + "|".join(_MEASURES) + r")(?![\w²])")
_SHARE_ASKED = re.compile(r"\b(ty le|phan tram)\b|%")
_JUDGED = re.compile(r"\b(co |da )?dat (chuan |tieu chi |yeu cau )?(khong|chua|ko|k)\b|\bdat chua\b|\bco dat\b")


def figure_units(folded_texts: Iterable[str]) -> frozenset[str]:
    """The words texts (folded: accent-free, lower case) write right after a figure: what they measure in."""
    return frozenset(m.group(1) for t in folded_texts for m in _FIGURE_UNIT.finditer(t))


def unwritten_measures(question: str, units: Set[str]) -> list[str]:
    """A figure the question asks in a unit of measure no text of the corpus writes any figure in ("mặt đường rộng
    tối thiểu bao nhiêu mét", "bao nhiêu tấn xi măng/km"): a technical standard the corpus does not hold, however
    close its criteria are to the subject."""
    topics = []
    folded = fold(question).lower()
    judged = _JUDGED.search(folded) and not _SHARE_ASKED.search(folded)
    stated = list(_MEASURE_STATED.finditer(folded)) if judged else []
    for m in [*_MEASURE_ASKED.finditer(folded), *stated]:
        name, spellings = _MEASURES[m.group(1)]
        if not any(u in units for u in spellings) and f"số đo tính bằng {name}" not in topics:
            topics.append(f"số đo tính bằng {name}")
    return topics
