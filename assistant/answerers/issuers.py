"""The documents of one issuer the corpus holds ("những văn bản nào do Quốc hội ban hành", "trong kho có những văn
bản cấp bộ nào"): a list from the registry, each cited to its opening."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerers.base import Candidate, Context, Draft, Source, document_name, opening
from assistant.format import vn_date
from corpus.normalize import fold

# Who issued, as the question names them after "do", "của" or "cấp"; the first one named is asked ("do Chính phủ ban
# hành (không tính các quyết định của Thủ tướng)").
_NAMED = re.compile(
    r"\b(?:do|cua|cap)\s+(?:(?P<quoc_hoi>quoc hoi)|(?P<thu_tuong>thu tuong)|(?P<chinh_phu>chinh phu)"
    r"|(?P<bo>(?:cac )?bo)|(?P<ubnd>ubnd|uy ban nhan dan))\b"
)
_ASKS_WHICH = re.compile(r"\b(van ban|quyet dinh|nghi quyet|nghi dinh)( [a-z]+){0,4} nao\b|\bnhung van ban\b")
# The issuer asked (the group that matched), as the answer names it and as the registry's folded issuer reads.
_ISSUERS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "quoc_hoi": ("Quốc hội", lambda i: i == "quoc hoi"),
    "thu_tuong": ("Thủ tướng Chính phủ", lambda i: i.startswith("thu tuong")),
    "chinh_phu": ("Chính phủ", lambda i: i == "chinh phu"),
    "bo": ("các bộ", lambda i: i.startswith("bo ")),
    "ubnd": ("Ủy ban nhân dân cấp tỉnh", lambda i: i.startswith("uy ban nhan dan")),
}


def _issuer_asked(folded: str) -> str | None:
    m = _NAMED.search(folded)
    return m.lastgroup if m is not None and _ASKS_WHICH.search(folded) else None


def issuer_documents(ctx: Context) -> list[Candidate]:
    key = None if ctx.query.sets else _issuer_asked(ctx.query.folded)
    if key is None:
        return []
    label, issued_by = _ISSUERS[key]
    docs = [m for m in ctx.documents() if m.issuer and issued_by(fold(m.issuer).lower())]
    if not docs:
        return [Candidate("documents", [Draft(f"Kho văn bản chưa có văn bản nào do {label} ban hành.")], prior=0.8)]
    docs.sort(key=lambda m: m.issued or m.in_force_from or ctx.as_of)
    drafts = [Draft(f"Các văn bản do {label} ban hành trong kho ({len(docs)} văn bản):")]
    for m in docs:
        issuer = f" của {m.issuer}" if key == "bo" else ""
        issued = f", ban hành {vn_date(m.issued)}" if m.issued else ""
        line = f"- {document_name(m)}{issuer}{issued}: {m.title or ''}".rstrip(": ") + "."
        drafts.append(Draft(line, [Source(m.number, opening(m), m.title or m.number)]))
    return [
        Candidate(
            "documents",
            drafts,
            covers={("doc", m.number) for m in docs},
            answers={"which", "list", "issuer", "count"},
            evidence=[opening(m) for m in docs][:3],
            docs={m.number for m in docs},
            prior=1.2,
            label=f"văn bản do {label} ban hành",
            counts=frozenset({"van ban", "nghi quyet", "quyet dinh", "nghi dinh"}),
        )
    ]
