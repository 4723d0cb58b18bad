"""What a question counts ("bao nhiêu xã được công nhận" counts "xã"; "bao nhiêu phần trăm số xã" the share of
communes): the words quotes and parts look for after a number."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.normalize import fold
from index.segment import expand_abbreviations

# Words that end what "bao nhiêu" counts ("bao nhiêu xã được công nhận" counts "xã").
_STOP = frozenset(
    re.findall(
        r"\w+",
        # "bao nhiêu xã phải đạt chuẩn" counts "xã": a modal verb ends it too.
        "duoc da co dat phai se muon la tren theo trong thi va hay hoac nao gi khong chua the do cua ca o tai",
    )
)


@lru_cache(maxsize=4096)
def counted_noun(hint: str) -> str | None:
    """What "bao nhiêu …" counts, as its first one or two folded words ("bao nhiêu đơn vị cấp huyện được
    công nhận" → "don vi"); None for a figure ("bao nhiêu phần trăm", "là bao nhiêu")."""
    words = _counted_words(hint)
    return " ".join(words[:2]) if words else None


@lru_cache(maxsize=4096)
def _counted_words(hint: str) -> tuple[str, ...]:
    """The words of what the question counts: after "bao nhiêu", else after "số" in "số … là bao nhiêu"; abbreviations
    spelt out, as the texts write them ("bao nhiêu thôn ĐBKK" counts "thôn đặc biệt khó khăn")."""
    folded = fold(expand_abbreviations(hint)).lower()
    # "bao nhiêu % xã" asks as "bao nhiêu phần trăm (số) xã" does.
    folded = re.sub(r"\b(bao nhieu|bao nhiu|may)\s*%", r"\1 phan tram ", folded)
    for m in (
        re.search(r"\b(?:bao nhieu|bao nhiu|may)\s+((?:[a-z0-9]+\s*){1,4})", folded),
        _number_of(folded),
        # "Tỷ lệ huyện đạt chuẩn cả nước": the share of districts, as "bao nhiêu phần trăm số huyện" asks it.
        re.search(r"\bty le (?:so )?((?:" + "|".join(_SHARED_UNITS) + r")\b(?:\s*[a-z0-9]+){0,3})", folded),
    ):
        words: list[str] = []
        counted = m.group(1).split() if m else []
        share_of = [w for w in counted[2:] if w != "so"][:1] if counted[:2] == ["phan", "tram"] else []
        if share_of and share_of[0] in _SHARED_UNITS:
            # "bao nhiêu phần trăm (số) xã": the share of communes, answered by "100% số xã"; a bare "bao nhiêu
            # phần trăm" asks a figure of nothing named, "… phần trăm người dân hài lòng" a rate, not a share.
            counted = counted[3:] if counted[2] == "so" else counted[2:]
        for w in counted:
            if w in _STOP:
                break
            words.append(w)
        # A figure ("bao nhiêu phần trăm") or "bao nhiêu mỗi loại" (of each kind) counts no noun.
        if words and words[0] not in _NOT_COUNTED:
            return tuple(words)
    return ()


# Units whose share a question may ask ("bao nhiêu phần trăm số xã", "… phần trăm thôn"); not households or schools,
# whose share is a rate ("≥ 95%"), not a number of them.
_SHARED_UNITS = frozenset(("xa", "huyen", "tinh", "thon", "ap", "thi"))
_NOT_COUNTED = frozenset(("phan", "tram", "ty", "trieu", "nghin", "dong", "lan", "moi", "tien", "ca"))


def _number_of(folded: str) -> re.Match[str] | None:
    """ "số xã khu vực I và khu vực III … là bao nhiêu": "số" + what is counted, in a question ending "là bao nhiêu";
    not a document's "số 318"."""
    if not re.search(r"\bla bao nhi[e]?u\b", folded):
        return None
    return re.search(r"\bso ((?:[a-z]+\s*)(?:[a-z0-9]+\s*){0,3})", folded)


@lru_cache(maxsize=4096)
def counted_phrase(hint: str) -> str | None:
    """What "bao nhiêu …" counts in full, up to four words ("bao nhiêu xã khu vực III" → "xa khu vuc iii"), when it is
    longer than the two words `counted_noun` keeps; else None."""
    words = _counted_words(hint)
    return " ".join(words) if len(words) > 2 else None
