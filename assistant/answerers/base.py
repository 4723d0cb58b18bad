"""The seam every answerer implements: look at the question, propose candidates with evidence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.asks import Need
from assistant.quote import GENERIC
from assistant.retrieve import Result
from assistant.target_sets import Ref, Resolution
from assistant.understand import Query
from corpus.criteria import Catalogue, CriteriaSet
from corpus.model import DocumentMeta, Section
from corpus.normalize import syllables

QUOTE = "{quote}"  # in a draft's text: filled by the renderer with the span its first source quotes
# Question words that say nothing about where the answer is.
QUESTION_WORDS = GENERIC | set(
    ["khong", "the", "nao", "gi", "sao", "bao", "gio", "hay", "cho", "hoi", "xin", "minh", "toi", "chung", "em", "a"]
)


def lexical_cover(question: str, text: str) -> float:
    """Share of the question's distinctive accent-free syllables found in a text (a candidate's evidence)."""
    want = syllables(question) - QUESTION_WORDS
    if not want:
        return 0.0
    return len(want & syllables(text)) / len(want)


# Words that speak of documents in general ("Thông tư … hướng dẫn những nội dung gì", "quy định gì về …"): a passage
# that shares only these with a question is not about what it asks.
DOCUMENT_TALK = frozenset(
    re.findall(
        r"\w+",
        "thong tu nghi dinh quyet cong van ban hanh huong dan quy noi dung so ngay thang nam hieu luc ky chi thi luat "
        "ke hoach",
    )
)


def shares_topic(question: str, text: str, ignore: frozenset[str] = frozenset()) -> bool:
    """`text` holds a word of the question's topic: not a question word, a word about documents in general, a figure,
    or one of `ignore` (the syllables of a document the question names)."""
    want = {w for w in syllables(question) - QUESTION_WORDS - DOCUMENT_TALK - ignore if not w.isdigit()}
    return bool(want & syllables(text))


@dataclass
class Source:
    """Where a sentence comes from: a section, and the text to quote when it is not the section's own."""

    doc: str
    path: str
    hint: str = ""
    text: str | None = None
    page: int | None = None
    whole: bool = False  # quote the section's own text whole (a part the question named)
    # The hint alone picks the quote: a note's source (the set in force since …) answers no part of the question, so
    # what the question asks (a count, a level) must not pick its sentence.
    by_hint: bool = False


# Said by an answer that knows the figure asked is not in the corpus, so no note repeats it.
FIGURE_UNKNOWN = "nên chưa có con số được hỏi"


@dataclass
class Draft:
    """One sentence of a candidate answer, with its sources (numbered only when rendered)."""

    text: str
    sources: list[Source] = field(default_factory=list)


def sources(refs: list[Ref], hint: str) -> list[Source]:
    return [Source(r.doc, r.path, hint) for r in refs]


@dataclass
class Candidate:
    """A proposed answer and what it covers.

    Args:
        kind: applicability | criteria | documents | section | passages | assessment | duties.
        drafts: its sentences, first the one that answers.
        covers: atoms of the question it is about (("doc", "318/QĐ-TTg"), ("criterion", "14"), …).
        answers: kinds of question it answers ("who", "when", "count", "todo", …).
        evidence: section paths whose meaning is compared with the question's.
        docs: the documents it is about; a candidate about a document the question does not name loses.
        period: the programme period its content belongs to.
        prior: how directly the answerer matched (an exact number 1.0, a guessed name less).
    """

    kind: str
    drafts: list[Draft]
    covers: set[tuple[str, str]] = field(default_factory=set)
    answers: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    period: str | None = None
    prior: float = 0.5
    label: str = ""
    lexical: float = 0.0  # share of the question's distinctive words its evidence holds (passages)
    counts: frozenset[str] | None = None  # what it counts ("tieu chi", "nhom"), when it answers "bao nhiêu …"


def quoted_text(c: Candidate, lookup: Callable[[str], Section | None]) -> str:
    """The text a candidate's sentences quote from: each source's span, or its whole section."""
    parts = []
    for d in c.drafts:
        for src in d.sources:
            section = lookup(src.path) if src.text is None else None
            parts.append(src.text if src.text is not None else (section.full_text() if section else ""))
    return " ".join(parts)


@dataclass
class Context:
    """What answerers may look at; built once per question by the service."""

    text: str
    query: Query
    need: Need
    as_of: dt.date
    catalogue: Catalogue
    criteria_set: CriteriaSet | None
    resolution: Resolution | None
    section: Callable[[str], Section | None]
    meta: Callable[[str], DocumentMeta | None]
    tree: Callable[[str], Section | None]
    passages: Callable[[], list[Result]]
    related: Callable[[str], list[DocumentMeta]]  # documents that point at a number (replaced by, amended by)
    documents: Callable[[], list[DocumentMeta]]  # every document of the corpus
    judged: tuple | None = None


def document_name(m: DocumentMeta) -> str:
    """ "Quyết định 318/QĐ-TTg"; a registry entry named in words keeps its name ("Nghị quyết sắp xếp ĐVHC …")."""
    kind = m.kind or "Văn bản"
    return m.number if m.number.startswith(kind) else f"{kind} {m.number}"


def opening(m: DocumentMeta) -> str:
    """The path of a document's opening, where its number, title and bases are."""
    return f"{m.number} › Phần mở đầu"
