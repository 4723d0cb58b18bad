"""An indicator the question spells out in words ("suy dinh dưỡng thể thấp còi" → 15.3)."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from corpus.criteria import CriteriaSet
from corpus.normalize import fold

# Words too common in indicator names to identify one.
INDICATOR_GENERIC = frozenset(
    [
        "ty",
        "le",
        "xa",
        "huyen",
        "dat",
        "chuan",
        "nong",
        "thon",
        "moi",
        "theo",
        "quy",
        "dinh",
        "cua",
        "va",
        "cac",
        "co",
        "duoc",
        "tren",
        "dia",
        "ban",
        "tai",
        "o",
        "trong",
        "nguoi",
        "ho",
        "so",
        "tieu",
        "chi",
        "chi",
        "bao",
        "nhieu",
        "muc",
        "phai",
        "la",
        "gi",
        "thi",
        # The period an indicator's name gives ("Tỷ lệ nghèo đa chiều giai đoạn 2021 - 2025") is its set's.
        "giai",
        "doan",
    ]
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# "đối với" links any two phrases ("hộ nghèo đối với xã kiểu mẫu", "mức áp dụng đối với xã nâng cao"): it names
# nothing, in a question or in an indicator's name.
LINK = re.compile(r"\bdoi voi\b")
# An indicator the corpus knows exists but not what it says ("Chưa xác định nội dung chỉ tiêu 2.3"): its name's words
# ("nội dung") are no words of it.
_UNNAMED = re.compile(r"^chua xac dinh\b")


_WORDS: dict[int, tuple[CriteriaSet, list[tuple[int, str, frozenset[str], frozenset[str]]]]] = {}

# An office or a post the asker holds ("chuyên viên phòng Kinh tế", "công chức văn hóa - xã hội"): its words name no
# criterion or indicator.
_OFFICE = re.compile(
    # "phòng chống", "phòng ngừa", "phòng cháy" prevent; "phong trào", "phong tục" are no office either.
    r"\b(?:phong(?! (?:chong|ngua|chay|tranh|dich|benh|trao|tuc|canh))|cong chuc|can bo|chuyen vien)(?: phong)?"
    r" [a-z]+(?: [a-z]+)?(?: ?[-&] ?[a-z]+(?: [a-z]+)?)?"
)


def without_offices(folded: str) -> str:
    """The question without the offices and posts it names (see _OFFICE)."""
    return _OFFICE.sub(" ", folded)


# Words of a set's tier ("kiểu mẫu", "nâng cao"): a pair of them names the set, not one of its indicators.
_TIER = frozenset(["kieu", "mau", "nang", "cao"])
# Particles any question may hold ("cho hỏi", "hoặc", "với").
_PARTICLES = frozenset(["cho", "hoi", "voi", "hoac", "nhu", "de"])


def own_words(indicator: str, criterion: str) -> set[str]:
    """The accent-free words of an indicator's name that are neither its criterion's name nor everyday ones ("tham
    gia", "hiểm" of "Tỷ lệ người dân tham gia bảo hiểm y tế" under "Y tế"), nor a tier's ("nâng cao" names the set)
    or a particle a question has anyway ("cho hỏi")."""
    said = set(re.findall(r"[a-z0-9]+", fold(criterion).lower())) | INDICATOR_GENERIC | _TIER | _PARTICLES
    return {w for w in re.findall(r"[a-z0-9]+", fold(indicator).lower()) if w not in said and len(w) > 1}


# Pairs any sentence may have ("đủ điều kiện", "đảm bảo", "xây dựng"): they name no indicator.
_EVERYDAY = frozenset(
    ["du dieu", "dieu kien", "dam bao", "thuc hien", "xay dung", "to chuc", "hoat dong", "phat trien"]
)


def _pairs(words: list[str]) -> set[str]:
    """Adjacent word pairs, but for those of two everyday words ("tỷ lệ", "cơ sở") or with a tier's word."""
    return {
        f"{a} {b}"
        for a, b in itertools.pairwise(words)
        if not {a, b} <= INDICATOR_GENERIC and not {a, b} & _TIER and f"{a} {b}" not in _EVERYDAY
    }


def _distinctive(cset: CriteriaSet) -> list[tuple[int, str, frozenset[str], frozenset[str]]]:
    """(criterion, indicator code, distinctive words of its name, word pairs of its name no other indicator of
    the set has) for indicators with at least three distinctive words, per set."""
    entry = _WORDS.get(id(cset))
    if entry is None or entry[0] is not cset:
        named = []
        for crit, ind in cset.indicators():
            name = LINK.sub(" ", fold(ind.name).lower())
            if _UNNAMED.match(name):
                continue
            sequence = [w for w in re.findall(r"[a-z0-9]+", name) if not _YEAR.fullmatch(w)]
            # A pair of its criterion's name ("y tế" of "bảo hiểm y tế" under "Y tế") names the criterion.
            criterion_pairs = _pairs(re.findall(r"[a-z0-9]+", fold(crit.name).lower()))
            own_pairs = _pairs(sequence) - criterion_pairs
            named.append((crit.number, ind.code, set(sequence) - INDICATOR_GENERIC, own_pairs))
        # Words most of a set's indicators share ("… ở mức nâng cao (khung hướng dẫn)" in every 1345 indicator) tell
        # none of them apart.
        seen = Counter(w for _, _, words, _ in named for w in words)
        common = {w for w, n in seen.items() if len(named) >= 5 and n >= 0.4 * len(named)}
        paired = Counter(p for _, _, _, pairs in named for p in pairs)
        rows = []
        for number, code, words, pairs in named:
            own = frozenset(w for w in words - common if len(w) > 1)
            if len(own) >= 3:
                unique = frozenset(p for p in pairs if paired[p] == 1 and not set(p.split()) & common)
                rows.append((number, code, own, unique))
        entry = _WORDS[id(cset)] = (cset, rows)
    return entry[1]


def pair_named(folded: str, cset: CriteriaSet) -> frozenset[str]:
    """Codes of the set's indicators a word pair of whose name no other indicator has the question says ("ngõ, xóm"
    is 2.3's alone): the question names them, whatever else its words share."""
    pairs = _pairs(re.findall(r"[a-z]+|\d[\d.,/-]*", without_offices(folded)))
    return frozenset(code for _, code, _, unique in _distinctive(cset) if unique & pairs)


# An indicator's name of at least this many words, said word for word, names it even when its words are everyday ones
# ("tỷ lệ hộ có nhà ở đạt tiêu chuẩn theo quy định" has one distinctive word).
_SPELT_WORDS = 6


def _spelt_out(folded: str, cset: CriteriaSet) -> tuple[int, str] | None:
    """(criterion, indicator code) of the longest indicator name the question says word for word."""
    entry = _NAMES.get(id(cset))
    if entry is None or entry[0] is not cset:
        names = []
        for crit, ind in cset.indicators():
            words = re.findall(r"[a-z0-9]+", fold(ind.name).lower())
            if len(words) >= _SPELT_WORDS and not _UNNAMED.match(" ".join(words)):
                names.append((len(words), f" {' '.join(words)} ", crit.number, ind.code))
        entry = _NAMES[id(cset)] = (cset, sorted(names, reverse=True))
    text = f" {' '.join(re.findall(r'[a-z0-9]+', folded))} "
    # The longest name said wins: "tỷ lệ hộ nghèo đa chiều" over a shorter name inside it.
    return next(((number, code) for _, name, number, code in entry[1] if name in text), None)


_NAMES: dict[int, tuple[CriteriaSet, list[tuple[int, str, int, str]]]] = {}


def match_indicator(
    folded: str, cset: CriteriaSet, *, asked: bool = False, share: float = 0.0
) -> tuple[int, str] | None:
    """(criterion, indicator code) whose name the question spells out, e.g. 'suy dinh dưỡng thể
    thấp còi' → 15.3; None unless at least three distinctive words and half of them match. `asked`: the
    question asks which indicator holds what it describes ("bình đẳng giới … thuộc tiêu chí nào?"), so three
    words of one indicator's name are enough, if no other indicator has as many and they are at least `share` of
    its distinctive words."""
    # "Bộ tiêu chí quốc gia về …" names the set, not "xã đạt tiêu chí quốc gia về y tế" (15.2).
    named = LINK.sub(" ", re.sub(r"\bbo tieu chi quoc gia( ve)?\b", " ", without_offices(folded)))
    spelt = _spelt_out(named, cset)
    if spelt is not None:
        return spelt
    words, pairs = set(named.split()), _pairs(re.findall(r"[a-z]+|\d[\d.,/-]*", named))
    # A word pair only one indicator's name has ("nước sạch", "chăn nuôi") tells it from names that share its
    # syllables ("sạch" of "3 sạch", "về" folded like "vệ"). One such pair may be chance ("đơn vị hành chính" against
    # "hành chính công"); two count as words of the name.
    rows = [(n, code, own, len(own & words), len(unique & pairs)) for n, code, own, unique in _distinctive(cset)]
    best: tuple[float, int, int, str] | None = None
    for number, code, own, said, paired in rows:
        hits = said + (paired if paired >= 2 else 0)
        score = hits / len(own)
        if (hits >= 4 or (hits >= 3 and score >= 0.5)) and (best is None or (score, hits) > (best[0], best[1])):
            best = (score, hits, number, code)
    if best is None and asked:
        # Asked which indicator holds what it describes: the one with most words, then most of its own pairs.
        counts = sorted(
            ((said + paired, paired, (said + paired) / len(own), n, code) for n, code, own, said, paired in rows),
            reverse=True,
        )
        top = counts[0] if counts else None
        if top and top[0] >= 3 and top[2] >= share and (len(counts) < 2 or counts[1][:2] < top[:2]):
            return top[3], top[4]
    return (best[2], best[3]) if best else None
