"""Rendering the choice: sentences in reading order, citations numbered as they first appear, the
as-of note once, and plain words when the corpus does not hold what was asked."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable

from assistant.answer import REFUSAL, Answer, Citations, Sentence
from assistant.answerers.base import FIGURE_UNKNOWN, QUOTE, Candidate, Draft
from assistant.answerers.catalogue import UNVERIFIED, unverified_note
from assistant.asks import Need
from assistant.choose import Choice
from assistant.dated import stale_count_note
from assistant.doc_refs import DocRef
from assistant.kinds import holds_figure
from assistant.quote import targets_heading, unverified
from assistant.understand import Query
from corpus.model import DocumentMeta, Section
from corpus.normalize import fold

_SITE = re.compile(r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org)\b")


def _attribution(section_text: str, quote: str) -> str:
    """The public source a registry line names after the quoted words ("Nguồn: vietnamplus.vn …")."""
    at = section_text.find(quote)
    if at < 0:
        return ""
    rest = section_text[at + len(quote) : at + len(quote) + 200].split("\n", 1)[0]
    m = re.search(r"Nguồn\s*:(.*)", rest)
    if not m:
        return ""
    sites = list(dict.fromkeys(_SITE.findall(m.group(1))))
    return f" (nguồn: {', '.join(sites)})" if sites else ""


def _sentence(d: Draft, cites: Citations, lookup: Callable[[str], Section | None]) -> Sentence | None:
    numbers: list[int] = []
    text = d.text
    for src in d.sources:
        n = cites.add(src.doc, src.path, src.hint, page=src.page, text=src.text, whole=src.whole, by_hint=src.by_hint)
        if n is None:
            continue
        if n not in numbers:
            numbers.append(n)
        if QUOTE in text:
            c = cites.items[n - 1]
            quote = " ".join(c.quote.split())
            if c.registry:
                section = lookup(src.path)
                # The section holds the source line after the quoted words, even when a span of it was given.
                body = section.full_text() if section is not None else (src.text or "")
                if unverified(body, c.quote):
                    quote = f"(mục ghi là chưa đối chiếu được) {quote}"
                elif heading := targets_heading(body, c.quote):
                    quote = f"(thuộc phần: {heading}) {quote}"
                text = text.replace(QUOTE, quote, 1) + _attribution(body, c.quote)
            else:
                text = text.replace(QUOTE, quote, 1)
    if QUOTE in text:
        return None  # the section it quotes is not in the corpus any more
    return Sentence(text, numbers)


def coverage_note(documents: list[DocumentMeta]) -> str:
    """What the assistant covers, from the corpus it holds."""
    numbers = ", ".join(m.number for m in sorted(documents, key=lambda m: m.issued or dt.date.min))
    return (
        "Trợ lý trả lời về: bộ tiêu chí quốc gia về nông thôn mới cấp xã, huyện qua các giai đoạn (tiêu chí, chỉ tiêu, "
        "mức đạt chuẩn), bộ tiêu chí nào áp dụng cho xã, huyện đã đạt chuẩn và việc phải làm, thông tin về các văn "
        f"bản trong kho: {numbers}."
    )


def _names(refs: list[DocRef]) -> str:
    return ", ".join(dict.fromkeys(r.display for r in refs))


def missing_sentence(refs: list[DocRef]) -> str:
    return f"{_names(refs)} chưa có trong kho văn bản, nên trợ lý không trả lời được nội dung của văn bản này."


def refusal_text(missing: list[DocRef]) -> str:
    """Out of the domain; a document it names that the corpus does not hold is said first, so the refusal is not
    read as "that document says nothing of it" ("Nghị định 100/2019/NĐ-CP chưa có trong kho văn bản. …")."""
    if not missing:
        return REFUSAL
    return f"{_names(missing)} chưa có trong kho văn bản. {REFUSAL}"


FIGURE_NOT_RECORDED = (
    "Các đoạn trích trên không nêu con số được hỏi: kho văn bản chưa ghi nhận con số này, cần đối chiếu văn bản "
    "chính thức."
)
FIGURE_NOT_QUOTED = "Các đoạn trích trên không nêu con số được hỏi; cần đối chiếu văn bản chính thức."


# "Có 5 tỉnh, thành phố … Đó là những tỉnh, thành phố nào?", "12 tiêu chí đó gồm những gì?": the question states how
# many there are and asks which ones.
_ASKED_LIST = re.compile(
    r"\b(\d{1,2}) ([a-z]+(?: [a-z]+)?)\b(?: (?:do|nay|ay) (?:gom|la) nhung"
    r"|(?:(?! \d{1,2} )[^?])*?\b(?:do la nhung|cu the[^?]{0,30} (?:gom|la) nhung|\2 (?:do|nay|ay) (?:gom|la) nhung))\b"
    r"[^?]*\b(?:nao|gi)\b"
)


_NOT_NOUN = frozenset(["duoc", "da", "co", "la", "do", "nay", "ay", "de", "moi", "cua", "va", "se", "dang", "bi"])


def asked_list(clause: str) -> tuple[str, str] | None:
    """(how many, of what, as the question writes it) when the asking clause states a count and asks which ones."""
    m = _ASKED_LIST.search(fold(clause).lower())
    if m is None:
        return None
    # "05 tỉnh được …": the noun, without the verb or particle the two-word guess took after it.
    folded_noun = [w for w in m.group(2).split() if w not in _NOT_NOUN] or m.group(2).split()[:1]
    size = len(folded_noun)
    said = re.search(rf"(?<!\d){m.group(1)}\s+((?:[^\W\d]+[\s,]*){{{size}}})", clause)
    noun = " ".join(re.findall(r"[^\W\d]+", said.group(1))[:size]) if said else " ".join(folded_noun)
    return m.group(1), noun


def items_said(sentences: list[Sentence]) -> int:
    """How many items the answer names at most: its list lines, or the numbered, ";"- or ","-separated parts of one
    sentence."""
    lines = sum(bool(re.match(r"\s*(?:- |\d{1,2}\. )", s.text)) for s in sentences)
    parts = [
        max(
            len(re.findall(r"\b\d{1,2}\. ", s.text)),
            s.text.count(";") + 1,
            # "Nam Định, Đồng Nai, Hà Nam, Hưng Yên và Hải Dương": the last item follows "và".
            s.text.count(",") + 1 + (s.text.count(" và ") if "," in s.text else 0),
        )
        for s in sentences
    ]
    return max([lines, *parts])


def render(
    question: str,
    query: Query,
    need: Need,
    as_of: dt.date,
    choice: Choice,
    lookup: Callable[[str], Section | None],
    meta: Callable[[str], DocumentMeta | None],
    documents: list[DocumentMeta],
    related: Candidate | None = None,
    resolution=None,
    notes: list[Draft] | None = None,
    figure_found: Callable[[str, set[str]], bool] | None = None,
    absent: list[str] | None = None,
) -> Answer:
    """The answer for a choice.

    Args:
        question / query / need: the question, what it names and what it asks.
        as_of: the date the answer is valid for.
        choice: the chosen parts and the scope.
        lookup / meta: sections and document metadata, for citations.
        documents: the corpus's documents, to say what the assistant covers.
        related: related content to show, labelled, after "not in the corpus".
        resolution: the applicability card computed for the question, shown beside any answer.
        notes: what the question says that cannot be true together, said first.
        absent: what the question asks about that the corpus never speaks of (its words, its uncovered topics), named
            in the "not in the corpus" answer.
        figure_found: whether passages of these documents found for the question write a figure in this unit
            ("%", "money"), so that an unquoted figure is not said to be unrecorded.
    """
    asks = set(need.asks) | ({f"count={need.counted}"} if need.counted else set())
    if query.level in ("xã", "huyện"):
        asks.add(f"level={query.level}")  # the quote about that level, not the other one
    if need.figure == "money":
        asks.add("money")  # the sentence that writes a sum
    if any(p.kind == "duties" for p in choice.parts):
        # Duties answer what someone is given to do ("UBND huyện phải làm gì"): the sentence that gives it is quoted.
        asks.add("duty")
    cites = Citations(lookup, meta, asks=frozenset(asks))
    sentences: list[Sentence] = []
    seen: set[str] = set()

    quoted: set[int] = set()
    quotes_of: list[tuple[str, str]] = []  # (document, words) of each quote shown

    def emit(d: Draft) -> None:
        before = len(cites.items)
        s = _sentence(d, cites, lookup)
        if s is None:
            return
        if QUOTE in d.text and d.sources:
            # A quote already shown (one section answering two parts with one sentence) is not shown twice.
            n = s.cites[0] if s.cites else None
            if n is not None and n in quoted and len(cites.items) == before:
                return
            if n is not None:
                quoted.add(n)
            # The same words of one document quoted from a section and from its parent ("Điều 2 › Khoản 3" and
            # "Điều 2") are one quote; so are words already inside a longer quote of it (a sentence's window quoted
            # for a second part beside the whole sentence quoted for the first).
            words = re.search(r"«(.+?)»", s.text)
            if words:
                doc, said = d.sources[0].doc, " " + re.sub(r"\W+", " ", words.group(1)).strip().lower() + " "
                if any(doc == earlier and said in whole for earlier, whole in quotes_of):
                    del cites.items[before:]  # its citation, if new, is cited by nothing shown
                    return
                quotes_of.append((doc, said))
        # Compared as said (quotes filled in): a note or duty that two parts share is said once, while two
        # quotes of one section under the same words ("- «…»") are two sentences.
        key = re.sub(r"\W+", " ", s.text).strip().lower()
        if key in seen:
            return
        seen.add(key)
        sentences.append(s)

    for d in notes or []:
        emit(d)
    # A held document named only in a preamble beside the one asked about does not make the question answerable.
    named_known = any(a[0] == "doc" for a in need.atoms) and (not need.missing or need.held_asked)
    if need.missing:
        emit(Draft(missing_sentence(need.missing)))
    scope, kind = "answer", choice.parts[0].kind if choice.parts else "not_in_corpus"
    if choice.parts and (not need.missing or named_known or need.missing_aside):
        # The note on unverified figures is said once, after the last part that has one, for all of them.
        drafts = [d for part in choice.parts for d in part.drafts]
        notes_at = [i for i, d in enumerate(drafts) if UNVERIFIED.match(d.text)]
        for i, d in enumerate(drafts):
            if len(notes_at) > 1 and i in notes_at:
                if i == notes_at[-1]:
                    emit(unverified_note(sum(int(UNVERIFIED.match(drafts[j].text).group(1)) for j in notes_at)))
                continue
            emit(d)
    else:
        scope = "not_in_corpus"
        kind = "not_in_corpus"
        if not need.missing and absent:
            said = [a.replace("_", " ") for a in absent]
            # A word a topic's name already says ("thù lao" beside "phụ cấp, thù lao của cán bộ") is not said twice.
            named = "; ".join(dict.fromkeys(w for w in said if not any(w != t and w in t for t in said)))
            emit(Draft(f"Kho văn bản chưa có nội dung về: {named}; nên chưa trả lời được câu hỏi này."))
        elif not need.missing:
            emit(Draft("Kho văn bản chưa có nội dung trả lời câu hỏi này."))
        if related is not None:
            emit(Draft("Nội dung liên quan có trong kho (không phải câu trả lời cho văn bản được hỏi):"))
            for d in related.drafts:
                emit(d)
        emit(Draft(coverage_note(documents)))
    unit = need.figure if scope == "answer" else None
    if (
        unit
        and kind not in ("applicability", "places")
        and not any(holds_figure(s.text, unit) or FIGURE_UNKNOWN in s.text for s in sentences)
    ):
        # Asked a figure that nothing quoted states: said plainly, not left for the reader to notice. That the
        # corpus does not record it is said only of a document the question names, when none of its passages
        # found for the question writes such a figure either.
        named = {a[1] for a in need.atoms if a[0] == "doc"}
        cited = {d for p in choice.parts for d in p.docs}
        unrecorded = bool(named) and cited <= named and figure_found is not None and not figure_found(unit, named)
        emit(Draft(FIGURE_NOT_RECORDED if unrecorded else FIGURE_NOT_QUOTED))
    if scope == "answer" and need.counted:
        # A count quoted from an earlier date than the one asked ("tính đến hết năm 2025", "hiện nay") is said to be
        # that date's.
        note = stale_count_note(question, [s.text for s in sentences], query.ask_year or query.recognition_year, as_of)
        if note:
            emit(Draft(note))
    counted = asked_list(question) if scope == "answer" else None
    if counted and kind != "applicability" and items_said(sentences) < int(counted[0]):
        # "Có 5 tỉnh … Đó là những tỉnh nào?": the corpus states the count but the answer names fewer: said plainly.
        n, noun = counted
        emit(Draft(f"Kho văn bản chưa ghi nhận danh sách {n} {noun} được hỏi; cần đối chiếu văn bản chính thức."))
    card = resolution if scope == "answer" else None
    return Answer(
        id=uuid.uuid4().hex,
        question=question,
        as_of=as_of,
        sentences=sentences,
        citations=cites.items,
        card=card,
        kind=kind,
        scope=scope,
        query=query.to_dict(),
    )
