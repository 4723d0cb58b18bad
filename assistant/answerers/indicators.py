"""An indicator the question spells out in words ("suy dinh dưỡng thể thấp còi" → 15.3)."""

from __future__ import annotations

import re
from collections import Counter

from corpus.criteria import CriteriaSet
from corpus.normalize import fold

# Words too common in indicator names to identify one.
_INDICATOR_GENERIC = frozenset(
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
    ]
)


_WORDS: dict[int, tuple[CriteriaSet, list[tuple[int, str, frozenset[str]]]]] = {}

# An office or a post the asker holds ("chuyên viên phòng Kinh tế", "công chức văn hóa - xã hội"): its words name no
# criterion or indicator.
_OFFICE = re.compile(
    # "phòng chống", "phòng ngừa", "phòng cháy" prevent; they name no office.
    r"\b(?:phong(?! (?:chong|ngua|chay|tranh|dich|benh))|cong chuc|can bo|chuyen vien)(?: phong)?"
    r" [a-z]+(?: [a-z]+)?(?: ?[-&] ?[a-z]+(?: [a-z]+)?)?"
)


def without_offices(folded: str) -> str:
    """The question without the offices and posts it names (see _OFFICE)."""
    return _OFFICE.sub(" ", folded)


def _distinctive(cset: CriteriaSet) -> list[tuple[int, str, frozenset[str]]]:
    """(criterion, indicator code, distinctive words of its name) for indicators with at least three, per set."""
    entry = _WORDS.get(id(cset))
    if entry is None or entry[0] is not cset:
        named = [
            (crit.number, ind.code, set(re.findall(r"[a-z0-9]+", fold(ind.name))) - _INDICATOR_GENERIC)
            for crit, ind in cset.indicators()
        ]
        # Words most of a set's indicators share ("… ở mức nâng cao (khung hướng dẫn)" in every 1345 indicator) tell
        # none of them apart.
        seen = Counter(w for _, _, words in named for w in words)
        common = {w for w, n in seen.items() if len(named) >= 5 and n >= 0.4 * len(named)}
        rows = []
        for number, code, words in named:
            own = frozenset(w for w in words - common if len(w) > 1)
            if len(own) >= 3:
                rows.append((number, code, own))
        entry = _WORDS[id(cset)] = (cset, rows)
    return entry[1]


def match_indicator(
    folded: str, cset: CriteriaSet, *, asked: bool = False, share: float = 0.0
) -> tuple[int, str] | None:
    """(criterion, indicator code) whose name the question spells out, e.g. 'suy dinh dưỡng thể
    thấp còi' → 15.3; None unless at least three distinctive words and half of them match. `asked`: the
    question asks which indicator holds what it describes ("bình đẳng giới … thuộc tiêu chí nào?"), so three
    words of one indicator's name are enough, if no other indicator has as many and they are at least `share` of
    its distinctive words."""
    # "Bộ tiêu chí quốc gia về …" names the set, not "xã đạt tiêu chí quốc gia về y tế" (15.2).
    words = set(re.sub(r"\bbo tieu chi quoc gia( ve)?\b", " ", without_offices(folded)).split())
    best: tuple[float, int, int, str] | None = None
    for number, code, own in _distinctive(cset):
        hits = len(own & words)
        score = hits / len(own)
        if (hits >= 4 or (hits >= 3 and score >= 0.5)) and (best is None or (score, hits) > (best[0], best[1])):
            best = (score, hits, number, code)
    if best is None and asked:
        counts = sorted(
            ((len(own & words), len(own & words) / len(own), number, code) for number, code, own in _distinctive(cset)),
            reverse=True,
        )
        top = counts[0] if counts else None
        if top and top[0] >= 3 and top[1] >= share and (len(counts) < 2 or counts[1][0] < top[0]):
            return top[2], top[3]
    return (best[2], best[3]) if best else None
