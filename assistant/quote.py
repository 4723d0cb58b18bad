"""Choosing the quoted span: the sentence or clause of a section that answers, never a bare
heading, an "(Ban hành kèm theo …)" line, a fragment that starts mid-sentence or a source line."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from assistant.counted import counted_noun, counted_phrase
from assistant.rx import rx
from corpus.normalize import fold, syllables

# Words in nearly every passage; they say little about which sentence answers the question.
GENERIC = frozenset(
    re.findall(
        r"\w+",
        "xa huyen dat chuan nong thon moi tieu chi cac va cua la co duoc theo trong de "
        "voi nhung ve cho tai phai nao gi the nhu bao nhieu giai doan ntm",
    )
)
_SOURCE = re.compile(r"\s*(?:Nguồn|Theo nguồn)\s*:.*$", re.S)
_HEADING = re.compile(
    r"^(?:\*\*)?(?:Tiêu chí|Chỉ tiêu|Điều|Chương|Mục|Phụ lục|Khoản|Điểm|PHỤ LỤC|CHƯƠNG)\s+[\dIVXLa-zđ.]+\.?"
    r"(?:\*\*)?\s*[:.]?\s*$"
)
_NOTICE = re.compile(r"^MỤC ĐĂNG KÝ\b")
# "(Ban hành kèm theo Quyết định …)"; "Ban hành theo đề nghị của Bộ trưởng …" is a fact, not an annex line.
_ANNEX_LINE = re.compile(
    r"^\(\s*(?:Ban hành kèm theo|Kèm theo|Ban hành theo)\b"
    r"|^(?:Ban hành kèm theo|Kèm theo|Ban hành theo)\s+(?:Quyết định|Nghị định|Nghị quyết|Thông tư|Công văn|văn bản)",
    re.I,
)
# What a question of each kind wants to see in the quote.
CUES = {
    "when": re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày \d|tháng \d|hiệu lực"),
    "in_force": re.compile(r"hiệu lực"),
    "who": re.compile(r"\bký\b|KT\.|Phó Thủ tướng|Thủ tướng|Bộ trưởng|Chủ tịch"),
    "proposer": re.compile(r"đề nghị của|Tờ trình"),
    "count": re.compile(r"\d+\s+(tiêu chí|chỉ tiêu|nhóm|nội dung|phần|điều)"),
    # A figure: not a year, a date or a document's number ("giai đoạn 2026-2030", "31/12/2026", "ngày 10 tháng 11",
    # "351/2025/NĐ-CP" name what is asked about, not the level asked for).
    "threshold": re.compile(
        r"(?<![\d/.,-])(?<![Nn]gày )(?<!tháng )(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?(?![\d/])(?! tháng)|%"
    ),
    "list": re.compile(r"\(\d+\)[^;]+;[^;]+;|;[^;]+;[^;]+;"),
    # "Kinh phí … bao nhiêu": a sentence that writes a sum of money.
    "money": re.compile(r"\d[\d.,]*\s*(?:triệu|tỷ|nghìn)\s*đồng"),
    "region_level": re.compile(r"(áp dụng|theo quy định)[^.;]{0,40}\bvùng [A-ZĐ]"),
    # "Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, …": the sentence that gives someone the task to lead.
    "duty": re.compile(r"^\W*Giao\b|\bgiao\b[^.;]{0,80}\bchủ trì\b"),
    # "Ủy ban nhân dân cấp tỉnh gửi … về Bộ …": a sentence that says what is reported, or sent, and where.
    "report": re.compile(r"\bbáo cáo\b|(?<!Kính )(?<!nơi )\bgửi\b[^.;:\]]{0,160}\bvề\b"),
    # "UBND cấp tỉnh quy định trình tự, thủ tục, hồ sơ …": a sentence that speaks of a procedure.
    "procedure": re.compile(r"trình tự|thủ tục|hồ sơ|quy trình"),
    # "Xã nhóm 3 là xã …": a sentence that says what something is.
    "definition": re.compile(r"^\S+(?: \S+){0,4} là "),
}


@lru_cache(maxsize=65536)
def _weight(w: str) -> float:
    if re.fullmatch(r"(19|20)\d\d", w):
        return 1.0  # a year names the topic (the period, the document), rarely the answer itself
    if any(ch.isdigit() for ch in w):
        return 3.0
    return 0.3 if w in GENERIC else 1.0


def weight(shared: set[str]) -> float:
    """Figures and distinctive words count more than the domain's everyday words."""
    return sum(_weight(w) for w in shared)


def pieces(text: str) -> list[str]:
    """Sentences and lines of `text` that can stand as a quote, each an exact substring."""
    return [p for p, _ in _pieces(text)]


def _pieces(text: str) -> list[tuple[str, bool]]:
    """(piece, whether it starts a clause after ";" — a lower-case start is then no fragment). One item of a list a
    sentence runs on after ";" ("… một trong các tiêu chí Thu nhập; Môi trường và an toàn thực phẩm; Môi trường; …",
    "(7) Khoa học công nghệ và chuyển đổi số;") is left out: a name, not what the sentence says of it."""
    out: list[tuple[str, bool]] = []
    addressees = False
    # A table's header row ("Vùng | Năm 2012 | Đến năm 2015", the first of its rows) names its columns; it says nothing.
    rows = ["", *text.splitlines(), ""]
    headers = {
        b.strip()
        for a, b, c in zip(rows, rows[1:], rows[2:], strict=False)
        if " | " in b and " | " in c and " | " not in a
    }
    for line in _paragraphs(text):
        if line.strip() in headers:
            continue
        line = line.strip().strip("*").strip()
        # A registry entry's own notice says what the entry is, not what the document says: never quoted.
        if _NOTICE.match(line):
            continue
        # The items under "Kính gửi:" name whom a dispatch is sent to ("- Sở Nông nghiệp và Phát triển nông thôn;"):
        # a name, never what the dispatch asks of them.
        if re.match(r"Kính gửi\s*:?$", line):
            addressees = True
            continue
        addressees = addressees and (not line or line.startswith("- "))
        if addressees:
            continue
        line = line.removeprefix("- ").strip()
        if not line:
            continue
        # Split after sentence ends, but not inside brackets ("[chưa xác minh: họ tên người ký]").
        depth, start, clause, first = 0, 0, False, len(out)
        for i, ch in enumerate(line):
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            if ch in ".;!?" and depth <= 0 and i + 1 < len(line) and line[i + 1] == " ":
                out.append((line[start : i + 1].strip(), clause))
                start, clause = i + 2, ch == ";"
        out.append((line[start:].strip(), clause))
        if _subjects_then_rule(strip_source(line)):
            # "Các xã khu vực II, III …; các xã đặc biệt khó khăn …; xã an toàn khu …: mức đạt chuẩn … vùng Trung du
            # miền núi phía Bắc": the units listed are the subjects of the rule after the colon, one statement.
            out[first:] = [(strip_source(line), False)]
            continue
        if strip_source(line).count(";") >= 3:  # the sources a registry line names are no list
            # Short clauses of a line of many are its list's items, whatever their enumerator's digits.
            out[first:] = [(p, c) for p, c in out[first:] if not (c and _list_item(p))]
    return [(p, c) for p, c in out if p]


def _subjects_then_rule(line: str) -> bool:
    """A line of ";"-separated subjects whose last one carries the rule after a colon ("A; B; C: mức … là …")."""
    items = line.split("; ")
    return (
        len(items) >= 2
        and ": " in items[-1]
        and not any(":" in x for x in items[:-1])
        and not re.search(r"[.!?] ", line)
    )


def _list_item(piece: str) -> bool:
    """A short clause without a figure of its own (an enumerator "(7)" is no figure)."""
    bare = re.sub(r"^\(\d+\)\s*", "", piece.strip("*- ").strip())
    return len(bare.split()) <= 8 and not re.search(r"\d", bare)


def _paragraphs(text: str) -> list[str]:
    """Lines, with a line that continues the previous one's sentence (wrapped text, lower-case start)
    joined to it; each result is an exact substring of `text`."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        bare = line.strip()
        if out and bare and bare[0].islower() and not re.search(r"[.;:!?]\W*$", out[-1].rstrip()):
            out[-1] = out[-1] + "\n" + line
        else:
            out.append(line)
    return out


def quotable(piece: str, clause: bool = False) -> bool:
    """False for what must never be shown as the answering words. `clause`: the piece follows a ";" in
    its sentence, so a lower-case start is the clause's own."""
    bare = piece.strip("*- ").strip()
    if len(bare) < 12 or _HEADING.match(bare) or _ANNEX_LINE.match(bare):
        return False
    # A registry entry's heading of a list ("Thông tin chung (đã đối chiếu):") is not a fact.
    if bare.endswith(":") and re.search(r"đối chiếu|tóm tắt|nguyên văn", bare):
        return False
    # A lead-in to a list ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:", "Điều 1. Ban hành kèm theo
    # Quyết định này:") says who or what, not what is required of them; one that counts ("gồm 19 tiêu chí:") does.
    if bare.endswith(":") and len(bare.split()) <= 14 and not re.search(r"\d+\s+\w", bare.split(".", 1)[-1]):
        return False
    # A compiler's mark alone ("[chưa xác minh]", "[chưa xác minh: phần sau cụm …]") holds none of the text.
    if re.fullmatch(r"\[[^\]]*\]\W*", bare):
        return False
    # The drafter's reference at a dispatch's foot ("Bachdt, 08/11/2023, CV19"): initials, date and copy number.
    if re.fullmatch(r"[\w.]+\s*,\s*\d{1,2}/\d{1,2}/\d{4}\s*,\s*\w+\.?", bare):
        return False
    # A source's site named after a registry line's attribution ("…; thoibaotaichinhvietnam.vn; baophapluat.vn.").
    if re.fullmatch(r"[\w.-]+\.(?:vn|com|net|org)(?:/\S*)?\.?", bare):
        return False
    # Source lines and the compiler's own notes are not the regulation's words.
    # ("Cần đối chiếu văn bản gốc.": the compiler's note on a part not checked.)
    notes = r"^(?:Nguồn|Theo nguồn)\s*:|^Ghi chú|^Ô có|^[¹²³⁴⁵⁶⁷⁸⁹*]|^Cần đối chiếu\b"
    if re.match(notes, bare) or "biên soạn" in bare:
        return False
    # A fragment that starts mid-sentence: lower-case start or a closing bracket / comma.
    first = bare[0]
    lower = first.isalpha() and first.islower() and not re.match(r"^[a-zđ]\)", bare)
    if first in ")],;" or (lower and not clause):
        return False
    # A heading in capitals ("QUY HOẠCH", "QUYẾT ĐỊNH").
    letters = [c for c in bare if c.isalpha()]
    return not (letters and sum(c.isupper() for c in letters) / len(letters) > 0.8)


def strip_source(piece: str) -> str:
    """A registry line without its press attribution ("… Nguồn: vietnamplus.vn (…)")."""
    return _SOURCE.sub("", piece).rstrip(" ;,")


def warm(texts: Iterable[str]) -> None:
    """Fill the caches quoting reads (each section's quotable pieces and their words) ahead of the first
    questions: cold, a long section's pieces took ~17 ms to find in an answer; all 526 sections take ~0.2 s."""
    for text in texts:
        if text:
            any_quotable(text)
            _profile(text)


@lru_cache(maxsize=4096)
def any_quotable(text: str) -> bool:
    """Whether any sentence or line of `text` may stand as a quote; cached like the candidates."""
    return any(quotable(p) for p in pieces(text))


@lru_cache(maxsize=4096)
def _candidates(text: str) -> tuple[str, ...]:
    """The quotable pieces of a section's text; cached, since answers keep quoting the same sections."""
    out = [strip_source(p) for p, clause in _pieces(text) if quotable(strip_source(p), clause)]
    return tuple(p for p in out if p in text)


@lru_cache(maxsize=65536)
def word_pairs(text: str) -> frozenset[str]:
    """Adjacent accent-free word pairs ("nhan dan", "khu vuc"): they name a subject where single syllables
    repeat across unrelated clauses; cached, since quotes compare the same sentences again and again."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return frozenset(f"{a} {b}" for a, b in itertools.pairwise(words))


def best_span(
    text: str, hint: str, limit: int = 320, asks: frozenset[str] = frozenset(), ignore: frozenset[str] = frozenset()
) -> str:
    """The quotable sentence of `text` that shares most words with `hint` (figures weigh more; the
    kind of question adds its cues); an exact substring of `text`. `ignore`: words that say nothing
    about which sentence answers (the quoted document's own number, which the question names)."""
    # "ngoài chủ trì ra thì Sở còn phải tham mưu cho ai": what the asker already knows is not what is asked.
    known = re.search(r"\bngoai (?:viec )?([a-z ]{2,40}?) (?:ra|thi)\b", fold(hint).lower())
    besides = frozenset(known.group(1).split()) if known else frozenset()
    want = syllables(hint) - ignore - besides
    candidates = _candidates(text)
    if not candidates:
        fallback = strip_source(text.strip())[:limit]
        return fallback if fallback in text else text[:limit]

    if hint.strip() in candidates:
        # "Trịnh Đình Dũng": a piece that is the hint itself (a signer's name) is the quote, whatever a cue of the
        # question's kind finds elsewhere ("Thủ tướng, các Phó Thủ tướng Chính phủ" of the recipients).
        return hint.strip()
    counted = next((a.split("=", 1)[1] for a in asks if a.startswith("count=")), None)
    # "bao nhiêu đại biểu tán thành": the sentence with a number of exactly that ("430 đại biểu").
    noun = counted_noun(hint)
    # A share of them counts too: "bao nhiêu huyện đạt chuẩn" is answered by "ít nhất 50% huyện", "20% số huyện".
    # ("bao nhiêu huyện": "265 đơn vị cấp huyện" counts districts.)
    unit = r"(?:don vi (?:hanh chinh )?(?:cap )?)?"
    noun_re = rx(rf"\d[\d.,/]*%?\s+(?:so\s+)?(?:\(\S+\)\s+)?{unit}{re.escape(noun)}\b") if noun else None
    head_re = rx(rf"\d[\d.,/]*%?\s+(?:so\s+)?{unit}{re.escape(noun.split()[0])}\b") if noun else None
    # "bao nhiêu xã khu vực III": a number of the whole phrase counted ("824 xã khu vực III") more than one of its
    # first words ("1.333 xã thuộc vùng …", "250 xã khu vực I").
    phrase = counted_phrase(hint)
    phrase_re = rx(rf"\d[\d.,/]*\s+{re.escape(phrase)}\b") if phrase else None
    level = next((fold(a.split("=", 1)[1]) for a in asks if a.startswith("level=")), None)
    other = {"xa": "huyen", "huyen": "xa"}.get(level or "")

    # A word in few of the section's sentences says more about which one answers than a word in all of them
    # ("giao … chủ trì" against "tỉnh", "thực hiện"); and two words side by side more than each alone.
    # A clause after ";" in a line led by "Mục tiêu tổng quát (…): …; …" answers as a part of what the lead names.
    words_of, lead_words, pairs_of, lead_pairs, places_of = _profile(text)
    # Typed with marks, a word is shared only in the same marks: "thì" is not "thị" of "đô thị", nor "bị" "bì".
    forms = _marked_forms(hint)
    if forms is not None:
        bare, of_word = forms
        words_of = {
            p: frozenset(w for w in ws & want if w in bare or of_word.get(w, frozenset()) & _forms(p))
            for p, ws in words_of.items()
        }
    seen = Counter(w for ws in words_of.values() for w in ws & want)
    n = len(candidates)
    rarity = {w: 0.5 + 0.5 * math.log((n + 1) / (seen[w] + 1)) / math.log(n + 1) for w in seen}
    pairs = frozenset(q for q in word_pairs(hint) if not (set(q.split()) <= GENERIC or set(q.split()) & ignore))

    # A question that names no province asks about the whole ("cả nước có bao nhiêu xã khu vực III"): a sentence
    # giving one province's figure ("Tuyên Quang có 87/124 xã khu vực III") answers it less well than the total.
    asked_places = _provinces(fold(hint).lower())
    nationwide = not asked_places
    # A section that gives several provinces' figures side by side ("Tuyên Quang có 87/124 xã …; Sơn La 66/75 xã …;
    # Cao Bằng 53/56 xã …"): the piece of the province asked answers, another province's does not. (Only there: a
    # province's own dispatch names its province nowhere, and a sentence naming another is still its text.)
    listed = not nationwide and len(frozenset().union(*places_of.values())) >= 3

    def score(p: str) -> tuple[float, int]:
        s = sum(_weight(w) * rarity[w] for w in words_of[p] & want)
        if nationwide and 0 < len(places_of[p]) <= 2:
            # (Five provinces named after "05 tỉnh … đã được công nhận" are who the national count is, not a
            # province's own figure.)
            s -= 2.0
        if listed and places_of[p]:
            s += 12.0 if places_of[p] & asked_places else -3.0
        s += 0.5 * sum(_weight(w) for w in lead_words[p] & want)
        if pairs:
            s += 0.8 * len(pairs & pairs_of[p]) + 0.4 * len(pairs & lead_pairs[p])
        for ask in asks:
            cue = CUES.get(ask)
            if ask == "duty" and {"chu", "tri"} <= besides:
                continue  # "ngoài chủ trì ra": who leads is known; the other duties are asked
            if cue is not None and cue.search(p):
                # A number of what is counted, or "Giao … chủ trì" asked who leads, answers whatever else is shared.
                s += 4.0 if ask in ("count", "duty") else 2.0
        if "list" in asks:
            # The longer enumeration is the list asked for ("(1) Quy hoạch; (2) …; (10) …").
            s += 0.5 * min(10, len(re.findall(r"\(\d+\)|;", p)))
        # "huyện bị thu hồi …": a sentence about communes answers a question about districts less well.
        if level and other:
            # The unit a sentence names first is what it is about: "Thu hồi quyết định công nhận huyện … khi có từ
            # 30% số xã …" is about districts, though it names communes too.
            first = re.search(rf"\b({level}|{other})\b", fold(p).lower())
            s += 1.5 if first and first.group(1) == level else (-1.5 if first else 0.0)
        # "bao nhiêu tiêu chí": the sentence that counts exactly that.
        if counted and rx(rf"\d+\s+{re.escape(counted)}").search(fold(p)):
            s += 4.0
        if noun_re is not None and head_re is not None:
            # A number of exactly what is counted is the answer, whatever else the sentence shares.
            folded = fold(p)
            s += 8.0 if noun_re.search(folded) else (2.0 if head_re.search(folded) else 0.0)
            if phrase_re is not None and phrase_re.search(folded):
                s += 4.0
        return s, -abs(len(p) - 160)

    best = max(candidates, key=score)
    if len(best) > limit:
        best = _densest_window(best, want, limit, noun_re)
    return best if best in text else text[:limit]


@lru_cache(maxsize=1)
def _province_names() -> re.Pattern[str] | None:
    """The provinces' names and aliases (accent-free), longest first; None when the region map cannot be read."""
    try:
        from corpus.criteria import Catalogue

        names = {fold(n).lower() for p in Catalogue().regions.provinces for n in (p.name, *p.aliases)}
    except Exception:  # quoting must not fail on a broken region map
        return None
    names = {n for n in names if n}
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")


@lru_cache(maxsize=65536)
def _provinces(folded: str) -> frozenset[str]:
    """The provinces a folded text names."""
    pattern = _province_names()
    return frozenset(pattern.findall(folded)) if pattern is not None else frozenset()


@lru_cache(maxsize=4096)
def _marked_forms(hint: str) -> tuple[frozenset[str], dict[str, frozenset[str]]] | None:
    """For a hint typed with marks (a quarter of its words or more): its words typed without any (matched folded),
    and each folded word's forms as typed; None for a hint typed without marks."""
    words = re.findall(r"\w+", hint.lower())
    letters = [w for w in words if not w.isdigit()]
    marked = [w for w in letters if not w.isascii()]
    if not marked or len(marked) < 0.25 * len(letters):
        return None
    of_word: dict[str, set[str]] = {}
    for w in words:
        of_word.setdefault(fold(w), set()).add(w)
    return frozenset(fold(w) for w in words if w.isascii()), {k: frozenset(v) for k, v in of_word.items()}


@lru_cache(maxsize=65536)
def _forms(piece: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", piece.lower()))


@lru_cache(maxsize=4096)
def _profile(
    text: str,
) -> tuple[dict[str, frozenset[str]], ...]:
    """Per quotable piece of `text`: its words, its lead's words it lacks, its word pairs, its lead's pairs it
    lacks, the provinces it names. They depend on the section only, and the same sections are quoted for question
    after question."""
    candidates = _candidates(text)
    lead_of = {p: _lead(text, p) for p in candidates}
    words_of = {p: syllables(p) for p in candidates}
    lead_words = {p: syllables(lead_of[p]) - words_of[p] for p in candidates}
    pairs_of = {p: word_pairs(p) for p in candidates}
    lead_pairs = {p: word_pairs(lead_of[p]) - pairs_of[p] for p in candidates}
    places_of = {p: _provinces(fold(p).lower()) for p in candidates}
    return words_of, lead_words, pairs_of, lead_pairs, places_of


# A registry entry's list of what it could not check ("Chưa đối chiếu được (không có trong mục này):").
_UNVERIFIED = re.compile(r"^(\*\*)?chua (doi chieu|xac minh)\b")


def _list_heading(text: str, piece: str) -> str:
    """The heading ("…:") of the list whose item `piece` is, or ""."""
    at = text.find(piece)
    if at < 0:
        return ""
    for line in reversed(text[:at].split("\n")[:-1]):
        line = line.strip()
        if line and not line.startswith("-"):
            return line if line.rstrip("*").endswith(":") else ""
    return ""


def unverified(text: str, piece: str) -> bool:
    """`piece` is one of what a registry entry lists as not checked: it tells what the corpus lacks, and is said to
    be so rather than read as what the document says."""
    return bool(_UNVERIFIED.match(fold(_list_heading(text, piece)).lower()))


# A registry entry's list of a plan's targets ("Các mục tiêu cụ thể đến năm 2030 (tóm tắt của báo …):").
_TARGETS = re.compile(r"^(\*\*)?(cac )?(muc tieu|chi tieu)\b")


def targets_heading(text: str, piece: str) -> str | None:
    """The heading, without its notes, of the list of targets `piece` is one of ("Các mục tiêu cụ thể đến năm 2030"):
    "Cả nước có khoảng 65% số xã đạt chuẩn" is a goal, and is never to be read as a count of today; None otherwise."""
    heading = _list_heading(text, piece)
    at = text.find(piece)
    if not _TARGETS.match(fold(heading).lower()) or text[text.rfind("\n", 0, at) + 1 : at].strip(" -*"):
        return None  # a clause further on in the item ("trong đó …") follows the item's start, which says it
    if fold(piece).lower().startswith("luu y"):
        return None  # the entry's own note ("Lưu ý — không nhầm với …") is no target
    return re.sub(r"\s*\([^)]*\)", "", heading.strip("*").rstrip(":")).strip()


def _lead(text: str, piece: str) -> str:
    """The lead of the line a clause after ";" belongs to (its words up to the first ":"), or ""."""
    at = text.find(piece)
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    if ";" not in before or ":" not in before.split(";", 1)[0]:
        return ""
    return before.split(":", 1)[0]


def _densest_window(sentence: str, want: set[str], limit: int, counted: re.Pattern[str] | None = None) -> str:
    """The run of consecutive clauses, within `limit` characters, that shares most words with the hint; with the
    number of what the hint counts (`counted`, on folded text) when the sentence gives it ("… đến hết tháng 9/2023,
    cả nước đã có: 6.043 xã (74%) …" rather than its long preamble, which shares more words)."""
    gives = counted is not None and counted.search(fold(sentence)) is not None
    clauses = re.split(r"(?<=,)\s+|\s+(?=\()", sentence)
    best, best_score = sentence[:limit].rsplit(" ", 1)[0], -1.0
    for i in range(len(clauses)):
        for j in range(i + 1, len(clauses) + 1):
            window = " ".join(clauses[i:j])
            if len(window) > limit:
                break
            if (i > 0 and window.startswith("(")) or window.count("(") != window.count(")"):
                continue  # "(theo Quyết định … ), trước hết": a parenthesis cut out of its sentence is no quote
            if window.count("“") != window.count("”") or window.count('"') % 2:
                continue  # nor are words cut out of a quotation ("không có điểm kết thúc” và phát huy …")
            score = weight(syllables(window) & want) - (0.5 if i > 0 else 0.0)
            if gives and counted is not None and counted.search(fold(window)):
                # … and what is counted with it: "6.043 xã (74%) đạt chuẩn NTM," not "6.043 xã" cut before "(".
                score += 8.0 + (0.3 if window.endswith((",", ";", ".")) else 0.0)
            if score > best_score and window in sentence:
                best, best_score = window, score
    return _past_topic(sentence, clauses, best)


# A sentence that opens with what it is about ("Đối với các xã đã đạt chuẩn NTM giai đoạn 2010-2015 (theo …), trước
# hết phải …"): its opening up to the first comma outside brackets names the subject, not the rule.
_TOPIC = re.compile(r"^(?:Đối với|Riêng|Trường hợp)\b")


def _past_topic(sentence: str, clauses: list[str], window: str) -> str:
    """`window`, or, when it is only the sentence's opening topic, the sentence from its start through the rule
    after the topic, however long: the topic alone quotes no rule."""
    if not (_TOPIC.match(sentence) and sentence.startswith(window)):
        return window
    depth, end = 0, -1
    for i, ch in enumerate(sentence):
        depth += 1 if ch in "([" else (-1 if ch in ")]" else 0)
        if ch == "," and depth <= 0:
            end = i
            break
    if end < 0 or len(window.rstrip(",")) > end:
        return window
    for j in range(1, len(clauses) + 1):
        longer = " ".join(clauses[:j])
        # Enough of the rule to say what it requires ("trước hết phải tập trung rà soát, chỉ đạo thực hiện để đáp ứng
        # đầy đủ mức đạt chuẩn …"), not its first two words.
        if len(longer) > end + 100 and longer in sentence:
            return longer
    return sentence


@lru_cache(maxsize=256)
def number_words(doc: str, kind: str | None = None) -> frozenset[str]:
    """The words of a document's number ("318/QĐ-TTg" → 318, qd, ttg) and of its kind: a question names
    them to say which document, and they say nothing about which of its sentences answers. Words of a
    number written as a name ("Nghị quyết sắp xếp ĐVHC cấp tỉnh năm 2025") other than codes are kept."""
    codes = [w for w in re.findall(r"[\wĐđ]+", doc) if any(c.isdigit() for c in w) or w.isupper()]
    return syllables(" ".join(codes) + " " + (kind or ""))


@lru_cache(maxsize=4096)
def title_words(title: str, hint: str) -> frozenset[str]:
    """The words of a document's title (or issuer) that `hint` uses as its name: those in a pair of words the
    two share ("nghị quyết phê duyệt chủ trương đầu tư Chương trình …"). A question naming the document so shares
    them with many of its sentences, so they say nothing about which one answers; a word the title has only
    elsewhere ("duy trì" against the question's "chủ trì") still counts. Figures are kept."""
    shared = word_pairs(title) & word_pairs(hint)
    return frozenset(w for pair in shared for w in pair.split() if not any(c.isdigit() for c in w))
