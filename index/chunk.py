"""Chunks along the legal structure: smallest units within a word budget, stable ids."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from corpus.model import PATH_SEP, Document, Section

DEFAULT_BUDGET = 300
DEFAULT_MIN_WORDS = 40
_MERGEABLE = {"clause", "point", "indicator"}
_TITLED = {"chapter", "section", "article", "annex", "criterion", "item"}


@dataclass
class Chunk:
    """A retrievable passage: one section (or a few small siblings, or part of a long one)."""

    id: str
    doc: str
    path: str
    section_paths: list[str]
    context: str
    text: str
    words: int
    page: int | None = None
    part: int = 0
    meta: dict[str, str | int | bool] = field(default_factory=dict)

    @property
    def indexed_text(self) -> str:
        """What BM25 and the embedder see: the heading context, then the text."""
        return f"{self.context}\n{self.text}"

    def to_dict(self) -> dict:
        return asdict(self)


def chunk_id(doc: str, path: str, part: int) -> str:
    """Stable id: the same section yields the same id on every rebuild."""
    return hashlib.sha1(f"{doc}|{path}|{part}".encode()).hexdigest()[:16]


def _context(section: Section, by_path: dict[str, Section]) -> str:
    """Breadcrumb with the titles of articles, annexes and criteria, for search context."""
    parts = [section.doc]
    for i in range(1, len(section.labels) + 1):
        node = by_path.get(PATH_SEP.join((section.doc, *section.labels[:i])))
        label = section.labels[i - 1]
        if node is not None and node.kind in _TITLED and node.title:
            title = node.title if len(node.title) <= 90 else node.title[:87] + "…"
            label = f"{label} ({title})"
        parts.append(label)
    return PATH_SEP.join(parts)


def _common_path(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    common: list[str] = []
    for labels in zip(*paths, strict=False):
        if all(x == labels[0] for x in labels):
            common.append(labels[0])
        else:
            break
    return tuple(common)


def _doc_meta(document: Document) -> dict[str, str | int | bool]:
    m = document.meta
    return {
        "doc": m.number,
        "doc_kind": m.kind or "",
        "level": ",".join(m.level),
        "tier": ",".join(m.tier),
        "period": m.period or "",
        "status": m.status,
        "provenance": m.provenance,
    }


def chunk_document(
    document: Document,
    root: Section,
    count: Callable[[str], int],
    split: Callable[[str], list[str]],
    budget: int = DEFAULT_BUDGET,
    min_words: int = DEFAULT_MIN_WORDS,
) -> list[Chunk]:
    """Cut a parsed document into chunks.

    Args:
        document: the loaded document (its metadata goes on every chunk).
        root: its parsed section tree.
        count: words in a text (segmentation-aware).
        split: sentences of a text.
        budget: the most words a chunk should hold.
        min_words: sections shorter than this merge with their neighbours.
    """
    sections = root.walk()[1:]
    by_path = {s.path: s for s in sections}
    units = [(s, count(s.text)) for s in sections if s.text.strip()]
    base_meta = _doc_meta(document)
    chunks: list[Chunk] = []

    def emit(group: list[tuple[Section, int]], part: int = 0, text: str | None = None) -> None:
        first = group[0][0]
        labels = first.labels if len(group) == 1 else _common_path([s.labels for s, _ in group])
        path = PATH_SEP.join((first.doc, *labels))
        body = text if text is not None else "\n".join(s.text for s, _ in group)
        anchor = by_path.get(path, first)
        meta = dict(base_meta)
        meta.update({"section_kind": anchor.kind, "group": first.group or ""})
        if first.page is not None:
            meta["page"] = first.page
        chunks.append(
            Chunk(
                id=chunk_id(first.doc, first.path, part),
                doc=first.doc,
                path=path,
                section_paths=[s.path for s, _ in group],
                context=_context(anchor, by_path),
                text=body,
                words=count(body) if text is not None else sum(n for _, n in group),
                page=first.page,
                part=part,
                meta=meta,
            )
        )

    i = 0
    while i < len(units):
        section, n = units[i]
        if n > budget:
            for part, piece in enumerate(_split_long(section.text, count, split, budget)):
                emit([(section, n)], part=part, text=piece)
            i += 1
            continue
        group = [(section, n)]
        total = n
        j = i + 1
        while j < len(units):
            nxt, m = units[j]
            # Merge a bare heading with its first child, or small clauses/points/indicators
            # with their siblings; numbered items, articles and criteria stay addressable.
            siblings = nxt.parent_path == section.parent_path and nxt.kind in _MERGEABLE
            related = siblings or nxt.parent_path == section.path
            small = total < min_words or (siblings and m < min_words)
            if not (related and small and total + m <= budget):
                break
            group.append((nxt, m))
            total += m
            j += 1
        emit(group)
        i = j
    return chunks


def _split_long(text: str, count: Callable[[str], int], split: Callable[[str], list[str]], budget: int) -> list[str]:
    """Split at sentence boundaries into pieces of at most `budget` words (a longer single
    sentence stays whole rather than being cut mid-sentence). Every piece is an exact slice of
    `text`, so a quote taken from a piece is a quote of the section."""
    parts = split(text)
    sizes = [count(p) for p in parts]
    # Where each sentence starts in the original text (the segmenter may have trimmed spaces).
    starts: list[int] = []
    cursor = 0
    for sentence in parts:
        found = text.find(sentence, cursor)
        if found < 0:
            found = cursor
        starts.append(found)
        cursor = found + len(sentence)
    # Even pieces: a 310-word section becomes two of ~155, not 300 + 10.
    target = sum(sizes) / -(-sum(sizes) // budget)
    cuts: list[int] = []
    size = 0
    for i, n in enumerate(sizes):
        if i and (size + n > budget or size >= target):
            cuts.append(starts[i])
            size = 0
        size += n
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]
