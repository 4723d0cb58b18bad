"""Vietnamese word and sentence segmentation (underthesea) with the NTM domain dictionary.

This is the only module that imports underthesea.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from underthesea import sent_tokenize, word_tokenize
from underthesea.corpus import viet_dict_74K

from corpus.normalize import fold, normalize_text

# Multi-syllable terms of the domain that the general model splits or mis-joins.
DOMAIN_WORDS: tuple[str, ...] = (
    "nông thôn mới",
    "nâng cao",
    "kiểu mẫu",
    "thông minh",
    "tiêu chí",
    "chỉ tiêu",
    "bộ tiêu chí",
    "đạt chuẩn",
    "hộ nghèo đa chiều",
    "đa chiều",
    "thu nhập bình quân",
    "bảo hiểm y tế",
    "nước sạch",
    "an toàn thực phẩm",
    "quy hoạch",
    "giai đoạn",
    "Thủ tướng Chính phủ",
    "Ủy ban nhân dân",
    "Ban Chỉ đạo",
    "Văn phòng Điều phối",
    "chương trình mục tiêu quốc gia",
    "lĩnh vực nổi trội",
    "hoàn thành nhiệm vụ",
)

# Abbreviations the regulations define and officials type; each also indexes its expansion,
# so "NTM" in a dispatch matches "nông thôn mới" in a question and the other way round.
ABBREVIATIONS: dict[str, str] = {
    "NTM": "nông thôn mới",
    "NTMNC": "nông thôn mới nâng cao",
    "NTMKM": "nông thôn mới kiểu mẫu",
    "MTQG": "mục tiêu quốc gia",
    "CTMTQG": "chương trình mục tiêu quốc gia",
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "BCĐ": "ban chỉ đạo",
    "VPĐP": "văn phòng điều phối",
    "NN&PTNT": "nông nghiệp và phát triển nông thôn",
    "PTNT": "phát triển nông thôn",
    "BNN": "bộ nông nghiệp",
    "QĐ": "quyết định",
    "TTg": "thủ tướng",
    "BHYT": "bảo hiểm y tế",
    "ATTP": "an toàn thực phẩm",
    "OCOP": "mỗi xã một sản phẩm",
    "DTTS": "dân tộc thiểu số",
    "DTTS&MN": "dân tộc thiểu số và miền núi",
    "THPT": "trung học phổ thông",
    "THCS": "trung học cơ sở",
    "KT-XH": "kinh tế - xã hội",
    "ĐBKK": "đặc biệt khó khăn",
}
_ABBR = {fold(k).upper(): v for k, v in ABBREVIATIONS.items()}
# Typed without marks too ("HDND", "thôn DBKK"): each abbreviation is also found in its accent-free form.
_ABBR_FORMS = {*ABBREVIATIONS, *(fold(k) for k in ABBREVIATIONS)}
_ABBR_WORD = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(k) for k in sorted(_ABBR_FORMS, key=len, reverse=True)) + r")(?![\w&])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The multi-syllable words of underthesea's bundled Vietnamese dictionary (Viet74K), accent-free and joined
    by "_" as `terms` joins them: what tells a word ("quyết_toán") from two words the segmenter glued together
    ("tinh_dang" for "tỉnh đang", "?_tỉnh")."""
    return frozenset(fold(w).lower().replace(" ", "_") for w in viet_dict_74K.words if " " in w.strip())


def expand_abbreviations(text: str) -> str:
    """Spell out domain abbreviations ('xã NTM' → 'xã nông thôn mới') for the embedding model,
    which has not learned what they stand for. Document numbers keep their form (318/QĐ-TTg)."""

    def repl(m: re.Match[str]) -> str:
        start, end = m.span()
        if (start and text[start - 1] in "/-") or (end < len(text) and text[end] in "/-"):
            return m.group(0)
        return _ABBR.get(fold(m.group(0)).upper(), m.group(0))

    return _ABBR_WORD.sub(repl, text)


# Function words that carry no retrieval signal in these texts.
STOPWORDS = frozenset(
    [
        "và",
        "của",
        "các",
        "những",
        "được",
        "có",
        "cho",
        "theo",
        "về",
        "với",
        "là",
        "để",
        "trong",
        "này",
        "đã",
        "thì",
        "tại",
        "do",
        "từ",
        "đến",
        "khi",
        "như",
        "một",
        "hoặc",
        "nếu",
        "mà",
        "nên",
        "cũng",
        "ra",
        "vào",
        "trên",
        "dưới",
        "sau",
        "trước",
        "bị",
        "bởi",
        "đó",
    ]
)
_PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
_WORDLIKE = re.compile(r"\w", re.UNICODE)
_SEGMENT_CACHE = 20000


_DOMAIN = {w.lower() for w in DOMAIN_WORDS}
_MAX_SPAN = 4


def _merge_domain(tokens: list[str]) -> list[str]:
    """Join consecutive model tokens that together form a dictionary term (longest first).

    underthesea's own `fixed_words` option also glues neighbouring syllables onto the term
    ("chuẩn nông thôn mới"), so the dictionary is applied after segmentation instead.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(min(len(tokens), i + _MAX_SPAN), i + 1, -1):
            if " ".join(tokens[i:j]).lower() in _DOMAIN:
                out.append(" ".join(tokens[i:j]))
                i = j
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


_FIRST_CALL = threading.Lock()
_warm = False


@lru_cache(maxsize=_SEGMENT_CACHE)
def _segment(sentence: str) -> tuple[str, ...]:
    global _warm
    if not _warm:
        # underthesea publishes its model object before loading it: concurrent first calls in a new
        # process (a fresh worker under load) would see a half-loaded model. Load it once, alone.
        with _FIRST_CALL:
            if not _warm:
                word_tokenize("xã")
                _warm = True
    return tuple(_merge_domain(word_tokenize(sentence)))


def words(text: str) -> list[str]:
    """Words of `text` (multi-syllable words as one item, e.g. 'nông thôn mới'), no punctuation."""
    text = normalize_text(text)
    out: list[str] = []
    for line in text.splitlines():
        if line.strip():
            out.extend(w for w in _segment(line) if _WORDLIKE.search(w))
    return out


def count_words(text: str) -> int:
    """Length of `text` in words (the unit of chunk budgets)."""
    return len(words(text))


def sentences(text: str) -> list[str]:
    """Sentences of `text`, line breaks kept as boundaries."""
    out: list[str] = []
    for line in normalize_text(text).splitlines():
        if line.strip():
            out.extend(s for s in sent_tokenize(line) if s.strip())
    return out


def terms(text: str) -> list[str]:
    """BM25 terms: lower-cased words joined by '_', plus accent-free syllables ('~nong').

    The accent-free syllables let a question typed without diacritics still match, and let
    part of a multi-syllable word match; both sides of BM25 use this same function.
    """
    # Periods ("giai đoạn 2016-2020", "2016 - 2020") are the main facet of these texts; one
    # term per period keeps 2016-2020 apart from 2018-2020 and 2021-2025.
    out: list[str] = [f"~{a}_{b}" for a, b in _PERIOD.findall(text)]
    for word in words(text):
        low = word.lower()
        if low in STOPWORDS:
            continue
        expansion = _ABBR.get(fold(word).upper())
        if expansion:
            out.extend(_word_terms(expansion))
        out.extend(_word_terms(low))
    return out


def _word_terms(low: str) -> list[str]:
    out: list[str] = []
    # A word with no diacritics is fully represented by its accent-free syllables.
    if fold(low) != low or " " in low:
        out.append(low.replace(" ", "_"))
    out.extend("~" + s for s in fold(low).split() if s not in STOPWORDS and _WORDLIKE.search(s))
    return out


def segmented(text: str) -> str:
    """Text with multi-syllable words joined by '_', the input PhoBERT-family models expect."""
    return "\n".join(
        " ".join(w.replace(" ", "_") for w in _segment(line)) for line in normalize_text(text).splitlines()
    )
