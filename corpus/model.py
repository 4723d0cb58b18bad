"""Documents, their metadata and their sections, as plain data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

PATH_SEP = " › "


def anchor_of(labels: tuple[str, ...] | list[str]) -> str:
    """Each label lower-cased without diacritics, words joined by '-', labels by '/'."""
    import re
    import unicodedata

    from corpus.normalize import fold

    def one(label: str) -> str:
        # "Phụ lục (2)" (a repeated label made unique by the parser) must not become "Phụ lục 2"'s
        # anchor: the suffix is kept apart with a double hyphen, which no plain label produces.
        m = re.fullmatch(r"(.*) \((\d+)\)", label)
        base, dup = (m.group(1), m.group(2)) if m else (label, None)
        # Digits of any script ("Điều ١") keep their value rather than vanishing from the anchor.
        ascii_digits = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in base)
        slug = re.sub(r"[^a-z0-9]+", "-", fold(ascii_digits)).strip("-")
        return f"{slug}--{dup}" if dup else slug

    return "/".join(one(label) for label in labels)


Provenance = Literal["official", "compiled"]
# "period_ended": a document written for one period (a 2021-2025 dispatch) whose period is over;
# it is neither repealed nor replaced, and still answers questions about that period.
Status = Literal["in_force", "superseded", "expired", "period_ended"]
RelationType = Literal["amends", "replaces", "guides", "forwards", "implements"]


class Relation(BaseModel):
    """What a document does to another one (this document `type` the `target`)."""

    model_config = ConfigDict(extra="forbid")

    type: RelationType
    target: str
    note: str | None = None


class SourceRef(BaseModel):
    """A public page that shows a fact of the entry, with the page's own words."""

    model_config = ConfigDict(extra="forbid")

    url: str
    title: str | None = None
    quote: str | None = None


class DocumentMeta(BaseModel):
    """Front-matter of a corpus document (see docs/corpus-format.md)."""

    model_config = ConfigDict(extra="forbid")

    number: str
    kind: str | None = None
    issued: dt.date | None = None
    issuer: str | None = None
    signer: str | None = None
    title: str | None = None
    level: list[str] = Field(default_factory=list)
    tier: list[str] = Field(default_factory=list)
    period: str | None = None
    status: Status = "in_force"
    superseded_by: str | None = None
    status_from: dt.date | None = None
    in_force_from: dt.date | None = None
    relations: list[Relation] = Field(default_factory=list)
    provenance: Provenance = "compiled"
    source_url: str | None = None
    full_text: bool = True
    # PDF pages whose text was read by OCR from a scan (not the file's text layer): citations of them
    # say so, since recognised text may differ from the original in a character or two.
    ocr_pages: list[int] = Field(default_factory=list)
    notes: str | None = None
    sources: list[SourceRef] = Field(default_factory=list)
    # Where public sources disagree with each other (or with the corpus), said in words.
    disputes: list[str] = Field(default_factory=list)
    # Which version of the document this text is (corpus/versions.py keeps the earlier ones); absent = 1.
    version: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _in_force_date(self) -> DocumentMeta:
        # Older files wrote an in-force document's start date as status_from.
        if self.in_force_from is None and self.status == "in_force" and self.status_from is not None:
            self.in_force_from = self.status_from
        return self


@dataclass
class Line:
    """One line of a document body, with the PDF page it came from (if any)."""

    text: str
    page: int | None = None


@dataclass
class Document:
    """A loaded document: metadata plus normalised body lines."""

    meta: DocumentMeta
    lines: list[Line]
    source: str = ""

    @property
    def number(self) -> str:
        return self.meta.number

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass
class Section:
    """A node of a document's legal structure.

    `text` is the section's own text (its heading line and the lines before its first child);
    children hold the rest. `path` is the full path string starting with the document number.
    """

    labels: tuple[str, ...]
    kind: str
    title: str
    text: str
    doc: str
    page: int | None = None
    group: str | None = None
    thresholds: dict[str, str] = field(default_factory=dict)
    children: list[Section] = field(default_factory=list)

    @property
    def path(self) -> str:
        return PATH_SEP.join((self.doc, *self.labels))

    @property
    def anchor(self) -> str:
        """URL-safe address of the section inside its document: 'phu-luc-i/tieu-chi-17/17-1'."""
        return anchor_of(self.labels)

    @property
    def parent_path(self) -> str | None:
        if not self.labels:
            return None
        return PATH_SEP.join((self.doc, *self.labels[:-1]))

    def walk(self) -> list[Section]:
        """This section and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def full_text(self) -> str:
        """The section's text including all descendants."""
        return "\n".join(s.text for s in self.walk() if s.text)
