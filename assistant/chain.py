"""Chains of reference: a follow-up or a part of a question that points back at a document by its kind
("Vậy quyết định đó ký ngày nào?", "…, nghị quyết ấy được thông qua ngày nào?") asks about the document the
conversation or the answer so far has named, not the question's own."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerers.base import Candidate
from assistant.doc_refs import POINTED
from assistant.kinds import FACT_KINDS, kinds_of
from assistant.understand import Query
from corpus.model import DocumentMeta
from corpus.normalize import fold

_NUMBER = re.compile(r"\b\d{1,5}/(?:\d{4}/)?[A-ZĐ][\wĐ&-]*")


def _fits(kind: str, meta: DocumentMeta) -> bool:
    # "văn bản đó", "quy định đó" point at a document of any kind.
    return kind in ("van ban", "quy dinh", fold(meta.kind or "").lower())


def answered_document(
    query: Query,
    ask: Callable[[str], object],
    meta: Callable[[str], DocumentMeta | None],
    is_set: Callable[[str], bool] = lambda number: False,
) -> str | None:
    """The document of the kind a follow-up points back at that the answer to the earlier question cites first
    (`ask` answers the earlier question); None when the follow-up points at none. "Quy định đó" after "phải đáp
    ứng quy định nào?" is the criteria set the answer named (`is_set`), not the dispatch it cites first."""
    pointed = POINTED.search(query.folded)
    if pointed is None or not query.context:
        return None
    fitting = [
        m.number for c in ask(query.context).citations if (m := meta(c.doc)) is not None and _fits(pointed.group(1), m)
    ]
    # "Văn bản đó" after "… bằng văn bản nào?" is the document the answer cites first, a set or not; after "phải
    # đáp ứng quy định nào?" it is the set.
    earlier = fold(query.context).lower()
    if pointed.group(1) == "quy dinh" or (
        pointed.group(1) == "van ban" and re.search(r"\b(quy dinh|bo tieu chi)\b", earlier)
    ):
        fitting = [n for n in fitting if is_set(n)] + fitting
    return fitting[0] if fitting else None


# "Quyết định thay thế QĐ 558 là quyết định nào", "bộ tiêu chí thay cho nó … ai ký": a document described by its
# relation to a named one (or to the one the conversation is about).
_DESCRIBED = re.compile(
    r"^\W*(?:(?:the|con|vay|va)\s+)?(?:quyet dinh|van ban|nghi dinh|thong tu|bo tieu chi)( [a-z]+){0,2}?"
    r" (?:thay the|thay cho|sua doi|bai bo)(?: cho)? (?:(?:qd|quyet dinh|van ban|bo tieu chi|bo) )?"
    r"(?:\d|no\b|(?:van ban|quyet dinh|bo) (?:do|nay|tren)\b)"
)


# "quyết định thay thế do ai ký", "văn bản thay thế có hiệu lực từ ngày nào": the replacement, its object unsaid.
_REPLACING = re.compile(
    r"\b(quyet dinh|van ban|bo tieu chi|nghi dinh|thong tu) (thay the|thay cho|moi thay the)"
    r" (do (ai|co quan)|ky|ban hanh|co hieu luc|la (quyet dinh|van ban) nao|so may)\b"
)


# What a part pointing at "văn bản đó" reads as: a document of any kind, the one the answer so far names.
_ANY_DOCUMENT = re.match(r"(van ban) (do)", "van ban do")


def describes(part: str) -> bool:
    """The part names a document by its relation to another ("văn bản thay thế Quyết định 491 do ai ký?")."""
    return _DESCRIBED.search(fold(part).lower()) is not None


# The relation a part asks ("bị văn bản nào thay", "sửa đổi bởi văn bản nào") and the words the answer's sentence
# stating that relation uses ("được thay thế bởi", "được sửa đổi, bổ sung bởi", "được triển khai thực hiện bởi").
# Kinds of question whose answer is another document ("bị văn bản nào thay", "căn cứ nghị quyết nào").
_NAMES_A_DOCUMENT = {"which", "basis", "cites"}
_RELATIONS = (r"\bthay\b", r"\bsua\b", r"\b(trien khai|thuc hien|huong dan)\b", r"\bcan cu\b")


def _by_relevance(said: str, earlier: str) -> list[str]:
    """The numbers the answer names, those of the sentence stating the relation the part before asks first: after
    "bị văn bản nào thay", "văn bản đó" is the one the replacement sentence names, not an amendment named before.
    Otherwise in the order said (the words a part shares with a sentence point at no document)."""
    relations = [r for r in _RELATIONS if re.search(r, fold(earlier).lower())]
    lines = [ln for ln in re.split(r"(?<=[.»])\s+", said) if ln.strip()] or [said]

    def rank(item: tuple[int, str]) -> tuple[int, int]:
        line = fold(item[1]).lower()
        return (-sum(1 for r in relations if re.search(r, line)), item[0])

    return [typed for _, line in sorted(enumerate(lines), key=rank) for typed in _agents_first(line)]


def _agents_first(line: str) -> list[str]:
    """The numbers a sentence names, the one after "bởi" first: in "320 được sửa đổi, bổ sung bởi 211", the document
    that did what the earlier part asks of ("quyết định nào sửa …") is 211."""
    at = line.rfind(" bởi ")
    return _NUMBER.findall(line[at:]) + _NUMBER.findall(line[:at]) if at >= 0 else _NUMBER.findall(line)


def pointed_documents(
    parts: list[str],
    said: str,
    known: Callable[[str], str | None],
    meta: Callable[[str], DocumentMeta | None],
    subject: set[str],
    follow_up: bool = False,
) -> tuple[list[str], list[str]]:
    """(documents, the parts pointing at them): for each part that points back at a document by kind, the first
    held document of that kind the answer so far (`said`) names and the question did not. `follow_up`: the
    question's document is the conversation's, which "văn bản đó" then means (not another the answer names)."""
    found: list[str] = []
    pointing: list[str] = []
    described = bool(parts) and describes(parts[0])
    for i, part in enumerate(parts):
        pointed = POINTED.search(fold(part).lower())
        # "…, và quyết định thay thế do ai ký?": the document that replaced the one asked about, which the answer
        # to the earlier part names in its replacement sentence.
        replacing = bool(i and _REPLACING.search(fold(part).lower()))
        if pointed is None and replacing:
            pointed = _ANY_DOCUMENT
        # "Quyết định thay thế QĐ 558 là quyết định nào, do ai ký …": the later parts ask of the one described, and so
        # does the describing part when it asks a fact ("Văn bản thay thế Quyết định 491 do ai ký?").
        asks_of_described = (i and not re.search(r"\d", part)) or (not i and kinds_of(part) & FACT_KINDS)
        if pointed is None and described and asks_of_described:
            pointed = _ANY_DOCUMENT
        elif (
            pointed is not None
            and follow_up
            and any((m := meta(n)) is not None and _fits(pointed.group(1), m) for n in subject)
        ):
            continue  # "văn bản đó" is the conversation's document; "nghị quyết ấy" one its answer named
        if pointed is None:
            continue
        if re.search(rf"\b(cac|nhung|ca hai|hai) {pointed.group(0)}", fold(part).lower()):
            # "Các quyết định đó bị thay bằng văn bản nào": several documents, which the answer's sentences on each
            # of them tell (a relation names what later replaced its target), not the first one it names.
            continue
        if (
            i
            and not described
            and not replacing
            and not (kinds_of(parts[i - 1]) | kinds_of(part)) & _NAMES_A_DOCUMENT
            and any((m := meta(n)) is not None and _fits(pointed.group(1), m) for n in subject)
        ):
            # "Ai ký Quyết định 342 …, và quyết định đó sửa những tiêu chí nào?": neither part asks for another
            # document; "quyết định đó" is the question's own.
            continue
        kind = pointed.group(1)
        own = pointed.group(2) == "nay" and kind not in ("van ban", "quy dinh")
        if own and any((m := meta(n)) is not None and _fits(kind, m) for n in subject):
            # "Nghị quyết 257 …, và nghị quyết này được triển khai bằng văn bản nào?": "này" is the question's own;
            # "quyết định đó" after an answer naming another decision is that one.
            continue
        earlier = parts[0] if described else part if replacing else parts[i - 1] if i else ""
        for typed in _by_relevance(said, earlier):
            number = known(typed)
            m = meta(number) if number else None
            if m is not None and number not in subject and _fits(pointed.group(1), m):
                found += [number] if number not in found else []
                pointing.append(part)
                break
    return found, pointing


def without_facts(
    parts: list[Candidate], ranked: list[Candidate], subject: set[str], kinds: set[str]
) -> list[Candidate]:
    """The chosen parts less the subject document's facts of `kinds` (a part asks them of another document):
    a combined "basis+when" keeps its basis alone."""
    out: list[Candidate] = []
    for c in parts:
        if not (c.kind == "documents" and c.docs & subject and c.answers & kinds):
            out.append(c)
            continue
        doc, _, facts = c.label.partition(": ")
        for fact in facts.split("+"):
            single = next((r for r in ranked if r.label == f"{doc}: {fact}"), None)
            if single is not None and not single.answers & kinds and single not in out:
                out.append(single)
    return out
