"""A document the question describes by its title instead of its number ("Quyết định phê duyệt danh sách thôn,
xã … do ai ký?", "Quyết định của Thủ tướng năm 2022 quy định … thu hồi … là quyết định số mấy?")."""

from __future__ import annotations

import re

from assistant.answerers.base import QUESTION_WORDS
from assistant.quote import word_pairs
from assistant.topic import asking_clause
from assistant.understand import normalise_question
from corpus.model import DocumentMeta
from corpus.normalize import fold, syllables
from index.segment import expand_abbreviations

# Words that ask for a document's facts, not words of its title.
_FACT_WORDS = frozenset(re.findall(r"\w+", "ky ngay so do nam thang ai may nao gi"))
# How a document's kind, issuer, date and passing are said ("nghị quyết của Quốc hội …, ngày thông qua, ngày có hiệu
# lực, người ký theo kho văn bản"): asked or known, not words of its title. Taken out as phrases, so "hành chính"
# keeps the syllable "ban hành" has.
_FACT_PHRASES = re.compile(
    r"\b(ban hanh|hieu luc|co quan|quyet dinh|nghi quyet|nghi dinh|cong van|thong tu|kho van ban|van ban|quoc hoi"
    r"|chinh phu|thong qua|nguoi ky|so hieu)\b"
)


def described(text: str, documents: list[DocumentMeta]) -> str | None:
    """The one document a question describes by its title (or, for a registry entry without one, by its
    source's words) instead of its number ("Quyết định phê duyệt danh sách thôn, xã … do ai ký?"): most of
    the question's words are in it, clearly more than in any other document's."""
    clause = asking_clause(text)
    if clause != text and len(_content(normalise_question(clause))) < 4:
        # "Nghị quyết … sắp xếp 63 tỉnh thành 34 …: ngày thông qua, người ký là gì?": the asking clause only lists
        # the facts asked; the description stands before it.
        clause = text
    # Who issues it is a fact asked or known, not a word of the title ("Quyết định của Thủ tướng năm 2022 …");
    # abbreviations are read in full ("Chương trình MTQG xây dựng NTM" is the title's words).
    named = re.sub(r"\b(cua )?thu tuong( chinh phu)?\b", " ", normalise_question(expand_abbreviations(clause)))
    # "… được phê duyệt tại quyết định số mấy": the one kind of document the question names narrows the search.
    kinds = set(re.findall(r"\b(quyet dinh|nghi quyet|nghi dinh|cong van|thong tu)\b", named))
    if len(kinds) == 1:
        documents = [m for m in documents if fold(m.kind or "") in kinds] or documents
    want = _content(named)
    if len(want) < 4:
        return None
    # "Quyết định … năm 2022 …", "… giai đoạn 2021-2025": the year it was issued and its period tell two
    # documents of nearly the same title apart (2540/QĐ-TTg of 2016 and 18/2022/QĐ-TTg).
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", clause)}
    # "… được Quốc hội thông qua": who passed it tells the law from the Government's plan carrying the same title.
    issuers = {
        "thu tuong chinh phu" if i.startswith("thu tuong") else i
        for i in re.findall(r"\b(quoc hoi|thu tuong(?: chinh phu)?|chinh phu)\b", normalise_question(clause))
    }
    periods = set(re.findall(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b", clause))
    # Word pairs too: "thu hồi" and "thủ tục" share a syllable once the marks are gone.
    # A count ("63 tỉnh … thành 34") is no word of a title; a year or a period ("giai đoạn 2021-2025") is.
    plain = _FACT_PHRASES.sub(" ", named)
    pairs = {
        p
        for p in word_pairs(plain)
        if not set(p.split()) & (QUESTION_WORDS | _FACT_WORDS) and not re.search(r"\b(?!(?:19|20)\d\d\b)\d+\b", p)
    }
    # Every pair the question says, the programme's common words included: how much of a title it repeats.
    spoken = word_pairs(named)
    scored, quoted = [], []
    for m in documents:
        # A registry entry without an official title: its sources' first quotes (one is often cut short).
        words = m.title or " ".join(src.quote or "" for src in m.sources[:3])
        if words.strip():
            share = len(want & syllables(words)) / len(want)
            if pairs:
                own = word_pairs(fold(words))
                share = (share + len(pairs & own) / len(pairs)) / 2
                if own and len(spoken & own) / len(own) >= 0.9 and share >= 0.6:
                    quoted.append((len(spoken & own), m.number))
            share += 0.1 * bool(m.issued and m.issued.year in years)
            if len(issuers) == 1 and m.issuer and fold(m.issuer).lower() not in issuers:
                share -= 0.3  # another body's document, whatever title it shares
            share += 0.1 * bool(m.period and tuple(m.period.split("-")) in periods)
            if periods and m.period and tuple(m.period.split("-")) not in periods:
                share -= 0.3  # "… giai đoạn 2021-2025": not the like-titled programme of 2026-2035
            scored.append((share, m.number))
    scored.sort(reverse=True)
    # The question repeats one title almost whole: that document, though a longer title holds more of its words
    # ("Quyết định ban hành Bộ tiêu chí … xã … và … xã … nâng cao giai đoạn 2021-2025" is 318, not 320).
    # A short title ("Ban hành Bộ tiêu chí quốc gia về nông thôn mới") is repeated by many questions: the longest
    # title repeated wins.
    quoted.sort(reverse=True)
    if quoted and (len(quoted) == 1 or quoted[0][0] > quoted[1][0]):
        return quoted[0][1]
    if scored and scored[0][0] >= 0.7 and (len(scored) < 2 or scored[0][0] - scored[1][0] >= 0.15):
        return scored[0][1]
    return None


def _content(words: str) -> set[str]:
    """The syllables that may be a title's: no number, no question word, no word of the fact asked."""
    return {w for w in syllables(_FACT_PHRASES.sub(" ", words)) if not w.isdigit()} - QUESTION_WORDS - _FACT_WORDS
