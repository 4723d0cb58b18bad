"""What a question needs, completed from what lies around it: the conversation ("Là huyện nhé." asks what the
earlier question asked; "quyết định đó"), the documents its words name without a number (the one issued in a year
it names, one described by its title), and "hiện nay" (the period of the date asked)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from assistant.answerers.described import described
from assistant.answerers.documents import FACT_ASKS, ISSUING_BODY
from assistant.asks import Need, read_need
from assistant.chain import POINTED, answered_document
from assistant.doc_refs import DocRef
from assistant.quote import GENERIC, word_pairs
from assistant.rx import rx
from assistant.topic import asking_clause, sentences
from assistant.understand import NOW_CUE, Query, normalise_question, understand
from assistant.years import RECOGNITION_WORDS, period_of
from corpus.model import DocumentMeta
from corpus.normalize import fold, syllables
from index.segment import expand_abbreviations

# "Điều cuối cùng của quyết định": the named document's last article.
_LAST_ARTICLE = re.compile(r"\bdieu cuoi( cung)?\b")
# An earlier question that asked which document applies or was issued.
_ASKED_FOR_A_DOCUMENT = re.compile(r"\b(quy dinh|van ban|quyet dinh|bo tieu chi|nghi quyet|nghi dinh) nao\b")


def full_need(assistant: Any, text: str, query: Query, when: dt.date, history: list[str] | None) -> Need:
    """The question's need (asks.read_need) completed; `assistant` is the service (its corpus, catalogue and
    lookups, and `safe_ask` to answer an earlier question a follow-up points back at)."""
    need = read_need(query, assistant.known_number)
    _near_documents(assistant.metas(), text, query, need)
    _described_missing(assistant.metas(), text, need)
    _named_law(text, need)
    if history and not need.asks:
        # "Là huyện nhé.": a follow-up asks what the earlier question asked.
        for earlier in reversed(history[-5:]):
            asked = read_need(understand(earlier, assistant.catalogue), assistant.known_number).asks
            if asked:
                need.asks = asked
                break
    if need.issued_year and not query.sets:
        # "bộ tiêu chí ban hành năm 2009": the criteria document issued that year is the one named; the
        # only document issued that year, when no criteria document was ("quyết định sửa đổi … năm 2013").
        that_year = [
            d for d in assistant.corpus.documents() if d.meta.issued and d.meta.issued.year == need.issued_year
        ]
        named = [d for d in that_year if assistant.catalogue.for_document(d.number)] or that_year[:1] * (
            len(that_year) == 1
        )
        for d in named:
            query.sets.append(d.number)
            need.atoms.add(("doc", d.number))
    _compared_against(assistant.meta, query, need)
    _annex_by_title(assistant, query, need)
    # "Vậy quyết định đó ký ngày nào?": the document the earlier answer named when the earlier question asked for
    # one ("… phải đáp ứng quy định nào?"), else the documents the earlier question named.
    # "… sửa đổi những bộ tiêu chí nào?" asked for several: "văn bản đó" then is the one that question named.
    asked_for_one = bool(
        query.context
        and (m := _ASKED_FOR_A_DOCUMENT.search(normalise_question(query.context)))
        and not re.search(r"\b(nhung|cac)\s*$", normalise_question(query.context)[: m.start()])
    )
    if asked_for_one and POINTED.search(query.folded):
        # The documents the conversation carried over are the earlier question's, not the one its answer named.
        own = set(understand(text, assistant.catalogue).sets)
        for number in [n for n in query.sets if n not in own]:
            query.sets.remove(number)
            need.atoms.discard(("doc", number))
    # "Dạ, quyết định đó công nhận xã … kiểu mẫu ạ": the unit's own recognition decision, no document of the corpus.
    recognition_decision = re.search(r"\b(quyet dinh|qd) (do|nay|ay) (la )?cong nhan\b", query.folded)
    # "Trong danh sách đó, Bình Dương sau sắp xếp thuộc tỉnh nào?": a province's place on the map, whatever
    # document the earlier question was about.
    about_map = bool(query.province and "map" in need.asks)
    for step in ("answered", "named") if asked_for_one else ("named", "answered"):
        if not query.context or any(a[0] == "doc" for a in need.atoms) or recognition_decision or about_map:
            break
        if step == "named":
            for atom in read_need(understand(query.context, assistant.catalogue), assistant.known_number).atoms:
                if atom[0] == "doc" and atom[1] not in query.sets and _fits_unit(assistant, query, atom[1]):
                    query.sets.append(atom[1])
                    need.atoms.add(atom)
        else:
            number = answered_document(
                query,
                lambda q: assistant.safe_ask(q, as_of=when),
                assistant.meta,
                lambda n: bool(assistant.catalogue.for_document(n)),
            )
            if number is not None and _fits_unit(assistant, query, number):
                query.sets.append(number)
                need.atoms.add(("doc", number))
    # "Quyết định phê duyệt danh sách thôn, xã … do ai ký?": a document named by its title. Asked for a figure ("bao
    # nhiêu xã khu vực III theo danh sách Bộ Dân tộc và Tôn giáo phê duyệt"), only a document that holds no criteria
    # set, of a question not about criteria: a set is named by its period and level, which the set answerers read (a
    # decree on incomes shares the words of "thu nhập bình quân đầu người" of a set's criterion).
    fact = bool(need.asks & FACT_ASKS)
    figure = (
        bool(need.asks & {"count", "threshold"})
        and not re.search(r"\b(tieu chi|chi tieu)\b", query.folded)
        and not query.criterion_name  # "xã kiểu mẫu phải đạt thu nhập bao nhiêu": a criterion, named in words
    )
    # ("chỉ tiêu 17.5 xã nâng cao quy định gì": a criterion or indicator by its number is a set's, not a document
    # described by the words of its title, "quy định … xã … nâng cao" of 320's.)
    if not query.sets and not need.missing and (fact or figure) and not (query.indicator or need.criteria):
        number = described(text, assistant.metas())
        if number is not None and not fact and assistant.catalogue.for_document(number):
            number = None
        if number is not None:
            query.sets.append(number)
            need.atoms.add(("doc", number))
    if history and need.asks == {"count"} and not need.counted:
        # "Thế sang bộ 2021-2025 thì vùng đó còn bao nhiêu?" after a threshold asked: the same figure, not a count.
        earlier = read_need(understand(history[-1], assistant.catalogue), assistant.known_number)
        if "threshold" in earlier.asks:
            need.asks = {"threshold"}
            need.ask_order = {"threshold": need.ask_order.get("count", 0)}
    if len(query.sets) == 1 and not need.sections and _LAST_ARTICLE.search(query.folded):
        # "Điều cuối cùng của quyết định giao trách nhiệm thi hành cho ai": the named document's last article.
        tree = assistant.corpus.tree(query.sets[0])
        last = [s.labels[-1].split(" {")[0] for s in (tree.children if tree else []) if s.labels]
        last = [x for x in last if x.startswith("Điều ")][-1:]
        need.sections.extend(last)
        need.atoms.update(("section", x) for x in last)
    asking = normalise_question(asking_clause(text))
    now = period_of(when.year)
    if len(need.periods) > 1 and now in need.periods and NOW_CUE.search(asking) and not re.search(r"\d{4}", asking):
        # "Bộ 2021-2025 trước đây có …, còn bộ 2026-2030 … Cho hỏi nội dung này bây giờ nằm ở tiêu chí số mấy": the
        # preamble names both periods; the question asks about the one of the date asked.
        need.atoms -= {("period", p) for p in need.periods}
        need.period, need.periods = now, []
        need.atoms.add(("period", now))
    if (
        not need.period
        and not _tally(need, asking)
        and (NOW_CUE.search(query.folded) or _NEW_PERIOD.search(query.folded))
    ):
        # "bộ tiêu chí hiện hành", "hiện nay", "giai đoạn mới": the period of the date the answer is for (asked in
        # November 2023, the new period is 2021-2025).
        need.period = period_of(when.year)
        need.atoms.add(("period", need.period))
    return need


# Units counted ("bao nhiêu xã, huyện … đạt chuẩn"), with no requirement asked ("phải có", "tối thiểu").
_UNITS_COUNTED = ("xa", "huyen", "tinh", "don vi")
_REQUIRED = re.compile(r"\b(phai|can|toi thieu|it nhat|yeu cau|quy dinh)\b")


def _tally(need: Need, asking: str) -> bool:
    """ "Hiện nay có bao nhiêu huyện đạt chuẩn NTM?": a tally of units recognised, dated by the count quoted, not a
    question about the set of today's period (which "huyện phải có bao nhiêu xã đạt chuẩn" is)."""
    return (
        "count" in need.asks
        and (need.counted or "").startswith(_UNITS_COUNTED)
        and RECOGNITION_WORDS.search(asking) is not None
        and not _REQUIRED.search(asking)
    )


# A document named as what the set asked about is measured against ("bộ 2026-2030 còn chia theo 7 vùng như QĐ 318
# không", "còn tiêu chí Y tế riêng như bộ của QĐ 318 không").
_LIKE_DOCUMENT = re.compile(
    r"\b(?:nhu|giong(?: nhu)?|tuong tu)(?: (?:o|trong|cua))? (?:bo(?: tieu chi)?(?: cua)? )?"
    r"(?:qd|quyet dinh) (?:so )?(\d+)\b"
)
_SET_PERIOD = re.compile(r"\b(2010|2016|2021|2026)\s*-\s*(2015|2020|2025|2030)\b")
# "giai đoạn mới", "bộ tiêu chí NTM mới": the period in force on the date asked.
_NEW_PERIOD = re.compile(r"\b(giai doan moi|bo tieu chi (xa )?(nong thon moi |ntm )?moi)\b")


def _compared_against(meta: Any, query: Query, need: Need) -> None:
    """A set named by its period is the question's subject; a document of another period named only as what it is
    compared with ("như QĐ 318"), or only in a sentence that tells what the asker knows ("Bộ năm 2009 (QĐ 491) có
    tiêu chí số 8 là Bưu điện. Sang bộ 2016-2020 thì …?"), is no longer the subject: both periods' sets are
    answered, the named period's first, and neither is another document's answer."""
    asking = normalise_question(asking_clause(query.text))
    asked = dict.fromkeys(f"{a}-{b}" for a, b in _SET_PERIOD.findall(asking))
    # Sentences that end in a full stop tell; the others ask (a crosswalk's told set stays: it is what is mapped).
    said = [(fold(x).lower(), x.rstrip().endswith(".")) for x in sentences(query.text)]
    told = [
        lead
        for lead in dict.fromkeys(n.split("/")[0] for n in query.sets)
        if len(asked) == 1
        and not need.crosswalk
        and all(stated for x, stated in said if rx(rf"(?<![\d/]){lead}(?!\d)").search(x))
        and any(rx(rf"(?<![\d/]){lead}(?!\d)").search(x) for x, _ in said)
    ]
    if told and need.period is None:
        need.period = next(iter(asked))
        need.atoms.add(("period", need.period))
    if not need.period:
        return
    likened = [m.group(1) for m in _LIKE_DOCUMENT.finditer(query.folded)]
    for lead in dict.fromkeys(likened + told):
        if len(rx(rf"(?<![\d/]){lead}(?![\d])").findall(query.folded)) != 1:
            continue  # named elsewhere too: a subject as well
        for number in [n for n in query.sets if n.split("/")[0] == lead]:
            held = meta(number)
            if held is None or not held.period or held.period == need.period:
                continue
            query.sets.remove(number)
            need.atoms.discard(("doc", number))
            need.periods = list(dict.fromkeys([need.period, *need.periods, held.period]))


def _fits_unit(assistant: Any, query: Query, number: str) -> bool:
    """Whether a document the conversation carried over can be this question's: a criteria set made for another
    level or tier is the earlier unit's, not this one's ("còn bộ tiêu chí huyện cùng giai đoạn, văn bản đó do ai
    ký" after the communes' 318 asks about 320)."""
    sets = assistant.catalogue.for_document(number)
    if sets and query.level and all(c.level != query.level for c in sets):
        return False
    # "Còn giai đoạn 2026-2030?" after "Nghị quyết 25/2021/QH15 đặt mục tiêu gì?": another period's documents.
    meta = assistant.meta(number)
    if query.period and meta is not None and meta.period and meta.period != query.period:
        return False
    # "Còn xã mới chỉ đạt chuẩn NTM theo bộ 2016-2020 thì …" after 691 (kiểu mẫu): the base tier's set, not 691.
    return not (sets and query.tier in ("NTM", "nâng cao", "kiểu mẫu") and all(c.tier != query.tier for c in sets))


# Words of a title that say nothing of what the document is about.
_TITLE_FILLER = frozenset(["ve", "va", "cua", "cac", "nhung", "ban", "hanh", "v", "viec", "theo", "tai", "cho", "the"])
# Kind prefixes of an issuer's code ("qd-ttg", "tt-bnn", "ttlt-bnnptnt-…").
_KIND_PREFIX = re.compile(r"^(qd|nd|tt|nq|ttlt|ct|cv)-")


def _issuer(code: str) -> str:
    return _KIND_PREFIX.sub("", code)


def _near_documents(metas: list[DocumentMeta], text: str, query: Query, need: Need) -> None:
    """A number typed with a wrong code or kind that means a held document: the same number and year, and either
    the same issuer's code ("1345/2018/TT-BNN" for 1345/BNN-VPĐP, "417/QĐ-BNN-VPĐP" for 417/QĐ-BNNMT) or the held
    document's title in the question's words ("Quyết định 272/2025/QĐ-TTg về phân định vùng đồng bào DTTS …" for
    272/2025/NĐ-CP). The question is answered from that document, with a note that the number typed is not held;
    another issuer's document of the same number ("318/QĐ-BTNMT" beside 318/QĐ-TTg) stays missing."""
    if not need.missing:
        return  # every question passes here: only one naming a number the corpus lacks has work to do
    asked = set(re.findall(r"[a-z0-9]+", fold(expand_abbreviations(text)).lower()))
    typed = re.findall(r"(?<![\d/])\d{1,5}(?=\b)", fold(text))
    for ref in need.missing:
        lead = ref.number.split("/")[0]
        if typed.count(lead) != 1:
            continue
        for number in [n for n in query.sets if fold(n).lower().split("/")[0] == lead]:
            # "Quyết định 318/QĐ-BTNMT" named once: another issuer's 318, not the set 318/QĐ-TTg.
            query.sets.remove(number)
            need.atoms.discard(("doc", number))
            need.held_asked = False
    for ref in list(need.missing):
        parts = ref.number.split("/")
        year = next((p for p in parts[1:] if re.fullmatch(r"(19|20)\d\d", p)), None)
        code = next((p for p in parts[1:] if not p.isdigit()), "")
        for m in metas:
            held = fold(m.number).lower().split("/")
            if held[0] != parts[0] or (year and not (m.issued and str(m.issued.year) == year)):
                continue
            title = m.title or " ".join(s.quote or "" for s in m.sources[:1])
            words = [w for w in re.findall(r"[a-z0-9]+", fold(title).lower()) if w not in _TITLE_FILLER]
            cover = sum(w in asked for w in words) / len(words) if words else 0.0
            same_issuer = bool(code) and _issuer(code)[:3] == _issuer(held[-1])[:3]
            if not (same_issuer or cover >= 0.8):
                continue
            need.missing.remove(ref)
            need.near.append((ref.display, m.number))
            if m.number not in query.sets:
                query.sets.append(m.number)
            need.atoms.add(("doc", m.number))
            break


_KINDS = r"(?:thong tu|quyet dinh|nghi dinh|nghi quyet|van ban|huong dan|cong van)"
# "Bộ Nông nghiệp và Môi trường đã ban hành thông tư hay quyết định hướng dẫn cách chấm điểm … chưa?": whether a body
# has issued a document of a kind, described by what it guides or rules.
_ISSUER = rf"(?P<who>{ISSUING_BODY})"
_DESCRIBED_DOCUMENT = [
    re.compile(
        rf"\b{_ISSUER} (?:da )?(?:co )?ban hanh (?P<what>{_KINDS}(?: (?:hay|hoac|va) {_KINDS})*) (?:nao )?"
        r"(?P<about>(?:huong dan|quy dinh) [^?]{5,160}?),? (?:chua|khong)\b"
    ),
    # "nghị định mới của Chính phủ về cơ chế đặc thù … là nghị định số mấy": its number asked, described by its topic.
    re.compile(
        rf"\b(?P<what>{_KINDS})(?: moi)? cua {_ISSUER} (?P<about>(?:ve|quy dinh|huong dan) [^?]{{5,200}}?)"
        rf",? (?:la )?(?:{_KINDS} )?so (?:may|bao nhieu|nao)\b"
    ),
]


def _described_missing(metas: list[DocumentMeta], text: str, need: Need) -> None:
    """A document asked for by its issuer, kind and what it guides, which no held document of that issuer and kind
    is (its title shares no two words in a row with the description): missing, named in the question's words."""
    if need.missing:
        return
    folded = fold(text).lower()  # as long as `text`: a span of one is the same words of the other
    m = next((found for r in _DESCRIBED_DOCUMENT if (found := r.search(folded))), None)
    if m is None:
        return
    issuer, kinds = m["who"], set(re.findall(_KINDS, m["what"]))
    # The period a description names ("… áp dụng cho giai đoạn 2026-2030") is every document's of that period.
    about = {p for p in word_pairs(m["about"]) if p != "giai doan" and not re.search(r"\d", p)}
    for meta in metas:
        kind = fold(meta.kind or "").lower()
        fits = issuer in fold(meta.issuer or "").lower() and (kind in kinds or kinds & {"van ban", "huong dan"})
        if fits and len(about & word_pairs(meta.title or "")) >= 2:
            return  # held: the description is its title's
    # Its own words where the folding kept their places (an NFC question), else the folded ones.
    shown = text if len(text) == len(folded) else folded
    what, who, about_text = (shown[m.start(g) : m.end(g)] for g in ("what", "who", "about"))
    need.missing.append(DocRef(f"{what[:1].upper()}{what[1:]} của {who} {about_text}", ""))


# "Luật Đất đai 2024", "Luật Hợp tác xã năm 2023": a law named by its title and year. The corpus holds no law (its
# decisions only cite them), so one asked about is missing. Words that only stand between "luật" and a year ("theo
# luật thì năm 2024 …") are no title.
_LAW = re.compile(r"(?<!phap )\bluat ((?:[a-z]+ ){1,6}?)(?:nam )?((?:19|20)\d\d)\b(?![-/])")
_NOT_TITLE = frozenset(
    {"thi", "nao", "nay", "do", "co", "la", "va", "hay", "moi", "hien", "hanh", "ve", "ma", "cu", "cac", "nhung"}
    | {"duoc", "khi", "tu", "den", "sau", "truoc"}
)


def _named_law(text: str, need: Need) -> None:
    """A law the asking clause names by title and year ("Luật đất đai 2024 quy định gì …"): missing."""
    if need.missing:
        return
    clause = asking_clause(text)
    folded = fold(clause).lower()
    m = _LAW.search(folded)
    if m is None or _NOT_TITLE & set(m.group(1).split()):
        return
    shown = clause if len(clause) == len(folded) else folded
    name = shown[m.start() : m.end()]
    need.missing.append(DocRef(f"{name[:1].upper()}{name[1:]}", ""))


# "theo quy định mới thì …": the set the unit is held to now, which the card names; "bộ đó yêu cầu …" too, after the
# question asked which set ("phải đáp ứng bộ tiêu chí nào, và bộ đó …"), not after it named one ("theo Bộ tiêu chí
# giai đoạn 2016-2020. Theo bộ tiêu chí đó, …").
_THE_NEW_SET = re.compile(r"\b(quy dinh|bo tieu chi|bo) (moi|hien hanh)\b")
_THAT_SET = re.compile(
    r"\b(quy dinh|bo tieu chi|bo) (do|nay|ay)\b|\b(bo|quy dinh)( tieu chi)?( [a-z]+){0,2} nao,? (va )?trong do\b"
)


def name_the_held_set(query: Query, need: Need, resolution: Any) -> None:
    """ "Xã đạt chuẩn kiểu mẫu năm 2019 theo QĐ 691. Năm 2025 xét lại theo quy định mới thì thu nhập phải cao hơn
    bao nhiêu %?": the figure is asked of the set the card applies (319), not of the recognition's (691). That set
    counts as named, so its criteria are proposed and not taken for another document's."""
    applicable = getattr(resolution, "applicable", None)
    if applicable is None or not (query.recognition_year or query.recognition_period):
        return
    held = _THE_NEW_SET.search(query.folded) or ("set" in need.asks and _THAT_SET.search(query.folded))
    if not held or applicable.ref.doc in query.sets:
        return
    query.sets.append(applicable.ref.doc)
    need.atoms.add(("doc", applicable.ref.doc))


# The words of annex titles that every set's title holds ("Quy định tỉnh, thành phố hoàn thành nhiệm vụ xây dựng nông
# thôn mới giai đoạn …"): they do not tell one annex from another.
_TITLE_WORDS = GENERIC | frozenset(
    re.findall(
        r"\w+",
        "quy dinh bo quoc gia xay dung thi thanh pho tinh truc thuoc cap hoan nhiem vu nang cao kieu mau",
    )
)


def _annex_by_title(assistant: Any, query: Query, need: Need) -> None:
    """ "Khung thí điểm xã nông thôn mới hiện đại gồm những nội dung gì?": an annex named by the words only its title
    has (four or more, all in the question) is the part asked, of its document."""
    if need.sections or re.search(r"\bphu luc\b", query.folded):
        return  # an annex named by its label, or asked for ("phụ lục nào là khung thí điểm …"), is read elsewhere
    asked = syllables(query.folded)
    found = []
    for number in [m.number for m in assistant.metas()]:
        if query.sets and number not in query.sets:
            continue
        tree = assistant.corpus.tree(number)
        for annex in tree.children if tree is not None else []:
            own = _own_words(annex.title or "")
            if annex.labels and annex.labels[-1].startswith("Phụ lục") and len(own) >= 4 and own <= asked:
                found.append((number, annex.labels[-1]))
    if len(found) == 1:
        number, label = found[0]
        if number not in query.sets:
            query.sets.append(number)
        need.sections.append(label)
        need.atoms |= {("doc", number), ("section", label)}


@lru_cache(maxsize=256)
def _own_words(title: str) -> frozenset[str]:
    """The words of an annex's title that set it apart (the registry's note in brackets, "(mục đăng ký)", is no part
    of the title)."""
    bare = re.sub(r"\([^)]*\)", " ", fold(title).lower())
    return frozenset(w for w in syllables(bare) if not w.isdigit()) - _TITLE_WORDS
