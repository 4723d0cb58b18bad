"""What changed between two versions of a document: a line diff of the body and the sections touched."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from corpus.model import Document
from corpus.parse import parse

# A diff of two unrelated 5,000-page texts would be unreadable and slow to send: past this many lines
# of diff output the answer says it was cut.
MAX_DIFF_LINES = 4_000


@dataclass
class DiffLine:
    op: str  # "+" added, "-" removed, " " unchanged context, "@" hunk header
    text: str
    old: int | None = None  # line number in the older text (1-based)
    new: int | None = None  # line number in the newer text


@dataclass
class Diff:
    unified: str
    lines: list[DiffLine]
    added: int
    removed: int
    truncated: bool
    sections: dict[str, list[dict]] = field(default_factory=dict)


def _body(doc: Document) -> list[str]:
    # The body only: the front-matter differs by version number and notes at every ingest, which is noise.
    return [line.text for line in doc.lines]


def diff(older: Document, newer: Document, *, old_name: str, new_name: str, context: int = 2) -> Diff:
    """Unified diff of the two bodies (difflib), the same as numbered lines, and the sections added,
    removed or changed (compared by their path and own text)."""
    a, b = _body(older), _body(newer)
    unified = list(difflib.unified_diff(a, b, fromfile=old_name, tofile=new_name, n=context, lineterm=""))
    lines: list[DiffLine] = []
    added = removed = 0
    old_no = new_no = 0
    for raw in unified[2:]:  # the two file headers are named in the response instead
        if raw.startswith("@@"):
            # "@@ -12,5 +12,6 @@": where the next hunk starts in each text.
            spans = raw.split()
            old_no = abs(int(spans[1].split(",")[0])) - 1
            new_no = int(spans[2].split(",")[0]) - 1
            lines.append(DiffLine("@", raw))
        elif raw.startswith("-"):
            old_no += 1
            removed += 1
            lines.append(DiffLine("-", raw[1:], old=old_no))
        elif raw.startswith("+"):
            new_no += 1
            added += 1
            lines.append(DiffLine("+", raw[1:], new=new_no))
        else:
            old_no += 1
            new_no += 1
            lines.append(DiffLine(" ", raw[1:], old=old_no, new=new_no))
    truncated = len(lines) > MAX_DIFF_LINES
    if truncated:
        lines = lines[:MAX_DIFF_LINES]
        unified = unified[: MAX_DIFF_LINES + 2]
    return Diff(
        unified="\n".join(unified),
        lines=lines,
        added=added,
        removed=removed,
        truncated=truncated,
        sections=_sections(older, newer),
    )


def _sections(older: Document, newer: Document) -> dict[str, list[dict]]:
    """Sections by path (without the document number): added, removed, and changed in their own text
    (a changed sub-section does not mark its parent changed)."""

    def index(doc: Document) -> dict[tuple[str, ...], tuple[str, str]]:
        return {s.labels: (s.anchor, s.text) for s in parse(doc).walk()[1:]}

    a, b = index(older), index(newer)

    def item(labels: tuple[str, ...], anchor: str) -> dict:
        return {"path": " › ".join(labels), "anchor": anchor}

    return {
        "added": [item(k, v[0]) for k, v in b.items() if k not in a],
        "removed": [item(k, v[0]) for k, v in a.items() if k not in b],
        "changed": [item(k, v[0]) for k, v in b.items() if k in a and a[k][1] != v[1]],
    }
