"""Two-part questions: when the chosen answer leaves a part of the question unanswered ("…, và ở tỉnh thì
cơ quan nào được giao chủ trì?"), the retrieved passage that holds that part's words answers it, quoted
for that part."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.answerers.base import QUESTION_WORDS, QUOTE, Candidate, Draft, Source, lexical_cover
from assistant.counted import counted_noun
from assistant.kinds import FACT_KINDS
from assistant.quote import best_span
from assistant.rx import rx
from assistant.understand import normalise_question
from corpus.model import Section
from corpus.normalize import fold, syllables
from index.segment import expand_abbreviations

# A part is answered when this share of its distinctive words is in the chosen answer's text and sources.
COVERED = 0.6
# Words of a part that name nothing to look up ("đã … chưa", "quy định là bao nhiêu").
_FILLER = frozenset(
    [
        "da",
        "nay",
        "do",
        "day",
        "chua",
        "roi",
        "thi",
        "ma",
        "neu",
        "khi",
        "quy",
        "dinh",
        "o",
        "tai",
        "ve",
        "van",
        "ban",
        "muon",
        "hien",
    ]
)
# A passage answers a part when it holds this share of the part's distinctive words.
ANSWERS = 0.5


def _text(c: Candidate, section: Callable[[str], Section | None]) -> str:
    out = [d.text for d in c.drafts]
    if c.kind == "documents":
        # A document's fact says its sentence and the line it quotes, not its whole opening ("Căn cứ …" does not
        # answer "giao bộ nào chủ trì" because the opening also names the ministry that proposed it).
        return " ".join(out + [f"{src.hint} {src.text or ''}" for d in c.drafts for src in d.sources])
    if c.kind == "criteria":
        # An indicator's answer says that indicator, not its criterion's other indicators its section also holds
        # ("bến xe khách … loại IV" does not answer "đường huyện … bao nhiêu %").
        return " ".join(out + [src.text or "" for d in c.drafts for src in d.sources])
    for path in c.evidence:
        s = section(path) if not path.startswith("#") else None
        if s is not None:
            out.append(s.full_text())
    out += [src.text or "" for d in c.drafts for src in d.sources]
    return " ".join(out)


def open_parts(parts: list[str], said: str) -> list[str]:
    """The parts `said` (the chosen answer's text and sources, see `answered_text`) does not answer; a part
    with nothing of its own to look up, like "đã đạt chỉ tiêu này chưa", is not open."""
    # Abbreviations spelled out ("THPT"): the answer says "Trung học phổ thông".
    return [
        part
        for part in parts
        if _count_unsaid(part, said)
        or (
            len(syllables(part) - QUESTION_WORDS - _FILLER) >= 3
            and (
                _cover(normalise_question(part), [normalise_question(p) for p in parts if p != part], said) < COVERED
                or _multiple_unsaid(part, said)
            )
        )
    ]


# "thu nhập phải gấp mấy lần lúc đạt chuẩn": a multiple asked, which only a figure of times answers.
_MULTIPLE_ASKED = re.compile(r"\b(gap|hon|bang) (may|bao nhieu|bn) lan\b")
_MULTIPLE_SAID = re.compile(r"\d+(?:[.,]\d+)?\s*lần\b")


# Units whose number a count asks ("bao nhiêu xã"); a count of anything else (criteria, cooperatives, times) is
# answered, or not, by the words of its part.
_UNITS = frozenset(["xa", "tinh", "huyen", "thon", "ap", "ban", "ho", "don", "dia"])
# Words after a counted noun that do not say which are counted ("bao nhiêu xã thì …", "bao nhiêu tỉnh, thành phố").
_NOT_WHICH = frozenset(["thi", "va", "hay", "hoac", "nao", "gi", "khong", "chua", "la", "co", "thanh", "pho", "a"])


def _units_counted(part: str) -> str | None:
    """The units whose number the part asks ("bao nhiêu xã" → "xa"), or None."""
    noun = counted_noun(part)
    return noun if noun is not None and noun.split()[0] in _UNITS else None


def _count_unsaid(part: str, said: str) -> bool:
    """The part asks how many of some units ("cả nước còn bao nhiêu xã") and `said` gives no number of them:
    "tỉnh, thành phố" in the answer to another part does not answer it, nor "3.321 xã" a question about how many
    communes reached the standard (all the words of what is counted must be said too)."""
    noun = _units_counted(part)
    if noun is None:
        return False
    folded = fold(said).lower()
    # "100% số xã" answers a share of communes as "3.321 xã" a number of them.
    counted = rx(rf"\d[\d.,]*\s*%?\s*(?:so\s+)?(?:\(\S+\)\s*)?{re.escape(noun.split()[0])}\b").search(folded)
    # What follows the noun says which are counted ("xã đạt chuẩn nông thôn mới", "tỉnh … được công nhận").
    # (Spelt out, as the answer writes them: "xã đạt chuẩn NTM" is said by "xã đạt chuẩn nông thôn mới".)
    after = rx(rf"\b{re.escape(noun)}((?:,? [a-z]+){{0,3}})").search(fold(expand_abbreviations(part)).lower())
    which = set((after.group(1) if after else "").replace(",", " ").split()) - _NOT_WHICH
    return not counted or not which | set(noun.split()) <= syllables(folded)


def with_subject(open_asked: list[str], asked: list[str]) -> dict[str, str]:
    """What to look a part up by: a short count part ("bao nhiêu xã?") with the part before it, which says what is
    counted where ("Sau khi sắp xếp … cả nước còn bao nhiêu tỉnh, thành phố")."""
    out = {}
    for part in open_asked:
        at = asked.index(part) if part in asked else 0
        short = len(syllables(part) - QUESTION_WORDS - _FILLER) < 3
        out[part] = f"{asked[at - 1]} {part}" if short and at > 0 and _units_counted(part) else part
    return out


def _multiple_unsaid(part: str, said: str) -> bool:
    """The part asks how many times ("gấp mấy lần") and the answer so far gives no multiple ("1,5 lần"): however many
    of its words the answer holds ("thu nhập" in a criterion's name), it is not answered."""
    return bool(_MULTIPLE_ASKED.search(fold(part).lower())) and not _MULTIPLE_SAID.search(said)


def _cover(part: str, others: list[str], said: str) -> float:
    """The share of the part's own words the answer says: words every part shares ("huyện", "đạt chuẩn" in "đường
    huyện đạt chuẩn … bao nhiêu %, còn bến xe khách ở trung tâm huyện … loại mấy") are the question's context, and
    an answer to another part holds them too."""
    own = syllables(part) - QUESTION_WORDS - _FILLER - set().union(*(syllables(o) for o in others))
    if len(own) < 2:
        return lexical_cover(part, said)
    return len(own & syllables(said)) / len(own)


def answered_text(chosen: list[Candidate], section: Callable[[str], Section | None]) -> str:
    """What the chosen candidates say and rest on, to compare each part of the question with."""
    return " ".join(_text(c, section) for c in chosen)


def complete(
    parts: list[str],
    said: str,
    used: set[str],
    passages: list[Candidate],
    passage_text: Callable[[Candidate], str],
    asked: list[str] | None = None,
) -> list[Candidate]:
    """The passages to add for the open parts (see `open_parts`), each quoting for its part; a passage that answers
    two parts quotes a sentence for each.

    Args:
        parts: the open parts of the question.
        said: the chosen answer's text (`answered_text`).
        used: labels of the candidates already in the answer.
        passages: the retrieved passages' candidates.
        passage_text: the text a passage candidate was retrieved for (its chunk's context and text).
        asked: all the parts of the question, when `parts` are some of them: a short count part is looked up with
            the part before it (`with_subject`).
    """
    subject = with_subject(parts, asked or parts)
    parts = [subject[p] for p in parts]
    used = set(used)
    out: list[Candidate] = []
    # A section's chunks share its label: the chunk added is known by its evidence, so another chunk of a section
    # already added for an earlier part may answer a later part as a passage of its own.
    added: dict[tuple[str, ...], int] = {}  # chunk → its place in `out`
    labels: set[str] = set()
    for part in parts:
        counted = _count_unsaid(part, said)
        if lexical_cover(part, said) >= COVERED and not _multiple_unsaid(part, said) and not counted:
            continue  # answered already
        # Words of a passage added for an earlier part: that passage may answer this part too, with a sentence of
        # its own, but no other passage is added for it.
        held = " ".join([said, *(passage_text(c) for c in out)])
        only_added = (
            lexical_cover(part, held) >= COVERED
            and not _multiple_unsaid(part, held)
            and not (counted and _count_unsaid(part, held))
        )
        scored = [
            (lexical_cover(part, passage_text(p)), i)
            for i, p in enumerate(passages)
            if (_chunk(p) in added or p.label in labels or (p.label not in used and not only_added))
            # A count asked is answered only by a sentence counting those units.
            and not (counted and _count_unsaid(part, best_span(passage_text(p), part)))
        ]
        if not scored:
            continue
        cover, at = max(scored, key=lambda s: (s[0], -s[1]))  # a tie goes to the better-ranked passage
        if cover < ANSWERS:
            continue
        best = passages[at]
        first = best.drafts[0]
        # The same sentence frame, its quote chosen for this part's words.
        sources = [Source(s.doc, s.path, part, text=s.text, page=s.page) for s in first.sources]
        if _chunk(best) in added:
            span = best_span(passage_text(best), part)
            multiple = _multiple_unsaid(part, said) and _MULTIPLE_SAID.search(span)
            if lexical_cover(part, span) < ANSWERS and not multiple:
                continue  # the passage's words are this part's, but no one sentence of it answers it
            # The passage added for an earlier part holds this one's answer too ("có ít nhất 02 hợp tác xã …; thu
            # nhập … cao hơn từ 1,5 lần"): its sentence for this part, quoted beside the other.
            earlier = out[added[_chunk(best)]]
            line = f"- «{QUOTE}»" if "«" in first.text else f"- {QUOTE}"  # a registry's line is never in «»
            out[added[_chunk(best)]] = replace(earlier, drafts=[*earlier.drafts, Draft(line, sources)])
            continue
        added[_chunk(best)] = len(out)
        out.append(replace(best, drafts=[Draft(first.text, sources)]))
        used.add(best.label)
        labels.add(best.label)
    return out


def _chunk(c: Candidate) -> tuple[str, ...]:
    """What a passage candidate quotes: its chunk (evidence), else its label."""
    return tuple(c.evidence) or (c.label,)


# Kinds of question a document's own facts answer (and whom it is sent to, what it amends).
FACTS = FACT_KINDS | {"to", "amends"}


def needs_fact(part: str, kinds_of: Callable[[str], set[str]], chosen: list[Candidate]) -> bool:
    """The part asks a document's fact that no chosen document's fact answers."""
    kinds = kinds_of(part) & FACTS
    return bool(kinds) and not any(c.kind == "documents" and c.answers & kinds for c in chosen)


def needs_figure(part: str, kinds_of: Callable[[str], set[str]], chosen: list[Candidate]) -> bool:
    """The part asks a figure ("… tối đa bao nhiêu") and only an applicability card was chosen: the card names the
    set to meet, never one of its figures, though the annex it cites holds the part's words."""
    asks = "threshold" in kinds_of(part) and re.search(r"\b(bao nhieu|toi da|toi thieu)\b", fold(part).lower())
    return bool(asks) and bool(chosen) and all(c.kind == "applicability" for c in chosen)


def facts_for(
    parts: list[str], candidates: list[Candidate], used: set[str], kinds_of: Callable[[str], set[str]]
) -> tuple[list[Candidate], list[str]]:
    """A document's fact for each open part that asks one ("…, và quyết định này có hiệu lực từ ngày nào?"),
    from the candidates the chooser ranked (best first); returns them and the parts still open.

    Args:
        parts: the open parts of the question.
        candidates: the ranked candidates.
        used: labels of the candidates already in the answer.
        kinds_of: the kinds of question a part asks (who, when, in_force, …).
    """
    added: list[Candidate] = []
    left: list[str] = []
    for part in parts:
        kinds = kinds_of(part) & FACTS
        found = next(
            (
                c
                for c in candidates
                if c.kind == "documents" and "+" not in c.label and c.label not in used and kinds & c.answers
            ),
            None,
        )
        if found is None:
            left.append(part)
            continue
        added.append(found)
        used = used | {found.label}
    return added, left
