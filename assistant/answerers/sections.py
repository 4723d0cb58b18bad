"""A named Điều / Khoản / Điểm / Mục / Phụ lục of a named document: its own text, quoted."""

from __future__ import annotations

from assistant.answerers.base import QUOTE, Candidate, Context, Draft, Source, lexical_cover
from corpus.model import Section


def _find(tree: Section, labels: list[str]) -> Section | None:
    """The section whose path ends with the named labels in order ("Điều 2", "Khoản 1")."""
    best = None
    for s in tree.walk()[1:]:
        got = [x.split(" {")[0] for x in s.labels]
        if got[-1] != labels[-1]:
            continue
        if all(label in got for label in labels) and (best is None or len(s.labels) < len(best.labels)):
            best = s
    return best


def _order(label: str) -> int:
    kinds = ["Phụ lục", "Chương", "Mục", "Điều", "Khoản", "Điểm"]
    return next(i for i, k in enumerate(kinds) if label.startswith(k + " "))


def sections(ctx: Context) -> list[Candidate]:
    need = ctx.need
    if not need.sections:
        return []
    docs = list(ctx.query.sets) or []
    out: list[Candidate] = []
    labels = sorted(need.sections, key=_order)
    for number in docs:
        tree = ctx.tree(number)
        meta = ctx.meta(number)
        if tree is None or meta is None:
            continue
        section = _find(tree, labels) or _find(tree, labels[:1])
        if section is None:
            continue
        name = f"{meta.kind or 'Văn bản'} {meta.number}"
        label = section.path.removeprefix(number + " › ")
        title = f": {section.title.rstrip('.:')}" if section.title else ""
        drafts = [Draft(f"{label} {name}{title}.", [Source(number, section.path, section.title or ctx.text)])]
        children = section.children or []
        if children:
            for child in children[:8]:
                drafts.append(
                    Draft(
                        f"- {child.labels[-1]}: «{QUOTE}»", [Source(number, child.path, ctx.text + " " + child.title)]
                    )
                )
        else:
            drafts.append(Draft(f"«{QUOTE}»", [Source(number, section.path, ctx.text)]))
        covers = {("doc", number)} | {("section", x) for x in labels if x in section.path}
        out.append(
            Candidate(
                "section",
                drafts,
                covers=covers,
                # The named section is the authority on whatever the question asks about it.
                answers={"contents", "todo", "definition"} | ctx.need.asks,
                lexical=lexical_cover(ctx.text, section.full_text()),
                evidence=[section.path],
                docs={number},
                period=meta.period,
                prior=1.0 if all(x in section.path for x in labels) else 0.6,
                label=section.path,
            )
        )
    return out
