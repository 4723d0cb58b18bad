"""Unicode NFC and one tone-mark placement (new style: hòa, thủy), so both spellings match."""

from __future__ import annotations

import functools
import re
import unicodedata

import regex

# Combining tone marks (huyền, sắc, hỏi, ngã, nặng); other diacritics (â, ă, ơ …) are not tones.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
# Old style puts the tone on the second vowel of these open syllables (hoà, khoẻ, thuỷ);
# new style, used by current legal texts, on the first (hòa, khỏe, thủy).
_MOVABLE = {"oa", "oe", "uy"}
_WORD = re.compile(r"[^\W\d_]+")
# Characters that look like Vietnamese letters but are not (Icelandic eth for Đ) and invisible
# ones that break matching.
_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u00a0": " ", "\u200b": "", "\ufeff": ""})


def _new_style(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) != 1:
        return word
    tone = tones[0]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    lower = base.lower()
    onset = 0
    if lower.startswith("qu"):
        onset = 2
    else:
        while onset < len(lower) and lower[onset] not in _VOWELS:
            onset += 1
    end = onset
    while end < len(lower) and lower[end] in _VOWELS:
        end += 1
    if lower[onset:end] not in _MOVABLE or end != len(lower):
        return word
    # Only rewrite when the tone sits on the second vowel (old style).
    toned = unicodedata.normalize("NFC", word)
    second = unicodedata.normalize("NFD", toned[onset + 1])
    if tone not in second:
        return word
    chars = list(base)
    chars[onset] = unicodedata.normalize("NFC", chars[onset] + tone)
    return "".join(chars)


def normalize_text(text: str) -> str:
    """Return `text` in NFC with new-style tone placement and look-alike characters fixed.

    >>> normalize_text("Thái Hoà, thuỷ lợi")
    'Thái Hòa, thủy lợi'
    """
    # Invisible characters go first, or NFC could not compose around them (a\u200b\u0301).
    text = unicodedata.normalize("NFC", text.translate(_LOOKALIKES))
    return _WORD.sub(lambda m: _new_style(m.group(0)), text)


_MARKS = regex.compile(r"\p{Mn}+")


@functools.lru_cache(maxsize=32768)
def fold(text: str) -> str:
    """Lower-case and strip all diacritics (đ → d), for matching text typed without accents.

    Where a tone mark sits does not matter once every mark is stripped, so this skips
    `normalize_text`'s tone placement: fold runs on every sentence an answer quotes from, and on the same
    sentences and names again for every question (hence the cache).
    """
    text = unicodedata.normalize("NFD", text.translate(_LOOKALIKES).lower())
    return _MARKS.sub("", text).replace("đ", "d")


@functools.lru_cache(maxsize=16384)
def syllables(text: str) -> frozenset[str]:
    """The accent-free syllables of `text`, cached: answers quote, and retrieval compares, the same
    corpus sentences again and again (folding them was a third of an answer's CPU time)."""
    return frozenset(re.findall(r"\w+", fold(text)))
