"""What the served corpus speaks of: the words it uses and the places it names, to tell a topic it does not cover
from a question it can answer. Built once per index version (folding every chunk's text takes ~100 ms)."""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from assistant.topic import (
    EVERYDAY_TERMS,
    NOT_CONTENT,
    asking_clause,
    content_words,
    dictionary_syllables,
    figure_units,
    local_topics,
    topics_asked_before,
    unwritten_measures,
)
from assistant.uncovered import FUNDS
from corpus.criteria import Catalogue
from corpus.normalize import fold
from index import segment
from index.store import Index


@dataclass(frozen=True)
class Vocabulary:
    """One index version's words (folded, joined by "_"), place names and folded running text."""

    version: str
    terms: Set[str]
    folded: frozenset[str]
    places: frozenset[str]
    text: str
    units: frozenset[str]  # what the corpus writes figures in ("xa", "trieu", "m²"): see topic.figure_units

    @classmethod
    def of(cls, index: Index, catalogue: Catalogue) -> Vocabulary:
        regions = catalogue.regions
        places = {fold(n) for p in regions.provinces for n in (p.name, *p.aliases)}
        places |= {fold(r.name) for s in regions.schemes.values() for r in s.regions}
        folded = [fold(c.text) for c in index.chunks]  # once: the words and the units of figures both read it
        words = re.findall(r"[a-z0-9]+", " ".join(folded))
        dictionary_syllables(segment.dictionary_words())  # gathered now, not in the first question that needs it
        return cls(
            version=index.version,
            terms=index.vocabulary,
            folded=frozenset(fold(t).replace(" ", "_") for t in index.vocabulary),
            places=frozenset(places),
            text=" " + " ".join(words) + " ",
            units=figure_units(folded),
        )

    def unknown_words(self, text: str) -> list[str]:
        """The question's content words the corpus never uses (a topic it does not cover), and a named place's own
        results or requests, which no national regulation holds."""
        clause = asking_clause(text)
        words = content_words(
            clause, segment.terms(clause), self.terms, self.folded, self.places, self.text, segment.dictionary_words()
        )
        earlier = [t for t in topics_asked_before(text) if t not in words]
        local = local_topics(text, self.places)
        if any("kinh phí" in t for t in local):
            # A place's own funds ("xã Tân Phú được phân bổ bao nhiêu vốn") are named once, as the place's.
            words = [w for w in words if w != FUNDS]
        return words + earlier + local + unwritten_measures(text, self.units)

    def _known(self, text: str) -> int:
        """How many content words of the question's asking clause the corpus uses."""
        clause = asking_clause(text)
        # Typed without marks, "nguoi_dan", "y_te" are the corpus's "người_dân", "y_tế": the folded words count too;
        # so do everyday words for the corpus's ("nước máy" for "nước sạch").
        return sum(
            1
            for t in segment.terms(clause)
            if "_" in t
            and fold(t).replace(" ", "_") not in NOT_CONTENT
            and (t in self.terms or t in self.folded or fold(t).replace("_", " ") in EVERYDAY_TERMS)
        )

    def cites(self, number: str, kind: str | None = None) -> bool:
        """The corpus's text names the document of this number ("263/QĐ-TTg" in a registry entry's note): a document
        of the programme, though not held."""
        words = re.findall(r"[a-z0-9]+", fold(number).lower())
        # A bare number ("263") or number and year may be anything; with its issuer's code it names one document.
        if len(words) >= 2 and any(w.isalpha() for w in words):
            return f" {' '.join(words)} " in self.text
        # … or after its kind's word ("QĐ số 1689 năm 2021": "Căn cứ Quyết định số 1689/QĐ-TTg …" in a preamble).
        kind_words = " ".join(re.findall(r"[a-z]+", fold(kind or "").lower()))
        return bool(kind_words and words) and any(f" {kind_words}{so} {words[0]} " in self.text for so in ("", " so"))

    def speaks_of(self, text: str) -> bool:
        """The question's words are the corpus's: two content words it uses and none it never does."""
        return self._known(text) >= 2 and not self.unknown_words(text)

    def follows_on(self, text: str) -> bool:
        """A content word the corpus uses and none it never does ("Có hiệu lực từ ngày nào?"): enough for a short
        follow-up that names nothing of its own to continue the conversation."""
        return self._known(text) >= 1 and not self.unknown_words(text)
