"""The assistant as one object the CLI and the API share: corpus, index, embedder, search."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import threading
import time
from pathlib import Path

from assistant.answer import FOREIGN, Answer, looks_foreign, refusal_reason, refuse
from assistant.answerers import Context, propose, propose_passages
from assistant.answerers.base import quoted_text, shares_topic
from assistant.answerers.rules import contradictions
from assistant.asks import MAP_DOCUMENT, Need
from assistant.card import card_for
from assistant.choose import choose, confident, guessed
from assistant.conversation import merge
from assistant.doc_numbers import lead_number
from assistant.doc_refs import named_documents
from assistant.errors import QuestionError
from assistant.fill_parts import fill_open_parts
from assistant.kinds import holds_figure, question_parts
from assistant.needs import full_need, name_the_held_set
from assistant.place import read_place
from assistant.quote import warm
from assistant.render import refusal_text, render
from assistant.retrieve import Filters, Result, Searcher, check_question, issuer_docs, quoted_first
from assistant.sets import judge_stated_value, national_set_for
from assistant.settings import Settings, answer_slots
from assistant.target_sets import LEVELS, Resolution
from assistant.topic import (
    asking_clause,
    domain_phrases,
    names_corpus_topic,
)
from assistant.understand import MAP_CUES, NAMED_SETS, NOW_CUE, Query, as_of_for, normalise_question, understand
from assistant.vocabulary import Vocabulary
from assistant.years import NOW_WORDS
from corpus.criteria import Catalogue, CriteriaSet
from corpus.criteria_import import import_file_criteria
from corpus.model import DocumentMeta, Section
from corpus.normalize import fold, syllables
from corpus.ocr import Progress as OcrProgress
from corpus.registry import Corpus, IngestResult
from index import segment
from index.build import BuildResult, Progress, build_index, corpus_changes, read_manifest
from index.embed import Embedder, EmbeddingCache, QueryCache, make_embedder
from index.errors import EmbedderError, IndexNotBuiltError
from index.store import Index, current_version, open_index

# "Tiêu chí", "chỉ tiêu": a question about the corpus's content when its other words are the corpus's too.
_CRITERION_WORD = re.compile(r"\b(tieu chi|chi tieu)\b")
# Words that place a question naming an unknown document near the NTM programme (then "not in the
# corpus" is the honest answer; without them it is out of the domain).
_NEAR_DOMAIN = re.compile(
    r"\b(nong nghiep|nong dan|ocop|cong nhan|dat chuan|tieu chi|chi tieu|xa|thon|ban|lang|giao thong nong thon"
    r"|xay dung|bnnptnt|bnnmt|vpdp"
    # The national target programmes and those who run them locally.
    r"|mtqg|chuong trinh muc tieu quoc gia|giam ngheo|dtts|dong bao dan toc|hdnd|ubnd"
    # "… có trong kho không?": a question about the collection itself is answered by saying what it holds.
    r"|kho van ban|trong kho|kho du lieu)\b"
)


class Assistant:
    """Holds the loaded corpus and the current index; notices a newly swapped index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.corpus = (
            Corpus(settings.ingested_dir, builtin_dir=settings.corpus_dir)
            if settings.corpus_dir
            else Corpus(settings.ingested_dir)
        )
        self._embedder: Embedder | None = None
        self._index: Index | None = None
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(answer_slots(settings))
        self.catalogue = Catalogue(imported=settings.criteria_dir)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = QueryCache(
                make_embedder(self.settings.embedder, segmenter=segment.segmented), self.settings.query_cache
            )
        return self._embedder

    def has_index(self) -> bool:
        return current_version(self.settings.data_dir) is not None

    def index(self) -> Index:
        """The current index, reopened when another process swapped in a new version."""
        version = current_version(self.settings.data_dir)
        if version is None:
            raise IndexNotBuiltError()
        with self._lock:
            if self._index is None or self._index.version != version:
                # Another worker may have ingested documents before swapping in this index.
                self.corpus.reload()
                self._index = open_index(self.settings.data_dir, chroma_url=self.settings.chroma_url)
                # What the first questions would otherwise pay for: quotable pieces, passage vectors, vocabulary.
                warm(t for _, root in self.corpus.parsed() for s in root.walk() for t in (s.text, s.full_text()))
                self._index.warm()
                self._vocab = Vocabulary.of(self._index, self.catalogue)
                # The model's first inputs run slower (~28 ms against ~15): paid here, not by a user. A model that
                # cannot load is said to whoever asks a question that needs it.
                with contextlib.suppress(EmbedderError):
                    getattr(self.embedder, "inner", self.embedder).embed_batch(["nông thôn mới"], query=True)
            return self._index

    def build(self, progress: Progress | None = None, *, only_if_changed: bool = False) -> BuildResult:
        """Build a new index of the corpus as it is on disk now (another worker may have ingested);
        with `only_if_changed`, keep the served index when it already holds exactly that corpus."""
        self.corpus.reload()
        cache = EmbeddingCache(self.settings.cache_path)
        try:
            return build_index(
                self.corpus.parsed(),
                self.embedder,
                self.settings.data_dir,
                budget=self.settings.chunk_words,
                cache=cache,
                progress=progress,
                chroma_url=self.settings.chroma_url,
                only_if_changed=only_if_changed,
            )
        finally:
            cache.close()

    def pending_changes(self) -> dict[str, list[str]] | None:
        """Documents added, changed or removed on disk since the served index was built (all empty
        when it is up to date); None when no index is built."""
        manifest = read_manifest(self.settings.data_dir)
        if manifest is None:
            return None
        self.corpus.refresh()
        return corpus_changes(manifest.get("corpus", {}), self.corpus.documents())

    def ingest(
        self,
        path: Path,
        *,
        official: bool,
        number: str | None = None,
        force: bool = False,
        ocr_progress: OcrProgress | None = None,
    ) -> IngestResult:
        """Store a document; an official file's criteria tables also become catalogue sets (`result.criteria`)."""
        result = self.corpus.ingest(
            path,
            official=official,
            number=number,
            force=force,
            max_bytes=self.settings.max_file_mb * 1024 * 1024,
            ocr=self.settings.ocr_options(ocr_progress),
        )
        if official:
            result.criteria = import_file_criteria(path, result.document, self.corpus, self.settings.criteria_dir)
            if result.criteria.sets:
                self.catalogue.refresh(force=True)  # this process just wrote them: read them again
        return result

    def refresh(self) -> None:
        """See what another worker changed: ingested documents and imported criteria sets."""
        self.corpus.refresh()
        self.catalogue.refresh()

    def search(self, question: str, k: int | None = None, doc: str | None = None, mode: str = "hybrid") -> list[Result]:
        if doc is not None:
            doc = self.corpus.get(doc).number  # raises UnknownDocumentError, canonical spelling
        return Searcher(self.index(), self.embedder, self.settings).search(question, k=k, doc=doc, mode=mode)

    # --- questions -------------------------------------------------------------------------

    def section(self, path: str) -> Section | None:
        """A section by its full path ('318/QĐ-TTg › Phụ lục I › Tiêu chí 17'), or None."""
        return self.corpus.section(path)

    def meta(self, number: str) -> DocumentMeta | None:
        doc = self.corpus.find(number)
        return doc.meta if doc else None

    def criteria_set_for(
        self, query: Query, resolution: Resolution | None, when: dt.date | None = None
    ) -> CriteriaSet | None:
        """The catalogue set a criteria question is about; a province's own set stands for the national one
        when the question names that province (or, naming none, when it is this deployment's NTM_PROVINCE)."""

        def in_force(number: str, on: dt.date) -> bool:
            doc = self.corpus.find(number)
            return doc is not None and self.corpus.in_force(doc, on)

        cset = national_set_for(self.catalogue, query, resolution, when, in_force)
        if cset is None or cset.province or (query.sets and cset.document in query.sets):
            return cset  # a set the question names by its document is the one it asks about
        return self.catalogue.provincial(cset, query.province or self.settings.province) or cset

    def ask(
        self, question: str, *, as_of: dt.date | None = None, k: int | None = None, history: list[str] | None = None
    ) -> Answer:
        """Answer a question: understand → propose (every answerer) → choose → render.

        Args:
            question: the question.
            as_of: the date the answer is for (default: the year the question names, else today).
            k: passages to retrieve.
            history: earlier questions of the conversation, oldest first, for follow-ups.
        """
        # One answer at a time per core given to this process (see answer_slots); the others wait their turn.
        with self._slots:
            return self._answer(question, as_of=as_of, k=k, history=history)

    def _answer(self, question: str, *, as_of: dt.date | None, k: int | None, history: list[str] | None) -> Answer:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        text, query, when = self.interpret(question, as_of=as_of, history=history)
        need = full_need(self, text, query, when, history)
        timings["understand"] = time.perf_counter() - t0
        if looks_foreign(text) and not query.domain:
            return refuse(text, query, when, FOREIGN)
        if (reason := refusal_reason(text)) is not None:
            return refuse(text, query, when, reason)
        in_domain = (
            query.domain
            or query.duties
            or query.history
            or bool(need.missing and _NEAR_DOMAIN.search(query.folded))
            or bool(query.province and MAP_CUES.search(query.folded))
            or "map" in need.asks  # "cả nước bây giờ có bao nhiêu tỉnh": the 2025 map, which the corpus holds
            or bool(MAP_DOCUMENT.search(query.folded))
            or bool(query.sets)  # a document the corpus holds, named by its number
        )
        signers = frozenset(m.signer for m in self.metas() if m.signer)
        if not in_domain and names_corpus_topic(query.folded, self._topic_phrases(), signers):
            # The words of a title the corpus holds ("đơn vị hành chính cấp tỉnh"): retrieval searches it too.
            in_domain = query.domain = True
        if not in_domain and any(self._vocabulary(self.index()).cites(d.number, d.kind) for d in need.missing):
            # "Quyết định 263/QĐ-TTg có mục tiêu gì?": a document the corpus's own texts cite belongs to the programme.
            in_domain = query.domain = True
        if not in_domain and _CRITERION_WORD.search(query.folded) and self._about_corpus(text):
            # "Hộ dân dùng nước sạch đạt bao nhiêu % thì đạt tiêu chí?": "tiêu chí" alone is an everyday word, but
            # beside content words the corpus uses, and none it does not, it is the programme's.
            in_domain = query.domain = True
        if not in_domain:
            return refuse(text, query, when, refusal_text(need.missing))
        # In the domain by whatever sign (a held document's number, a map question): retrieval searches it.
        query.domain = True
        # Cheap (reads CURRENT): a missing index is an error for every question of the domain, and a
        # newly swapped one brings its corpus along.
        index = self.index()
        timings["embed"] = timings["retrieve"] = 0.0
        found: list[Result] | None = None
        vectors: list = []

        def vector():
            """The question's embedding, computed at most once and shared by retrieval and the chooser."""
            if not vectors:
                t = time.perf_counter()
                # A follow-up is embedded with its earlier question (see retrieve): once, for both uses.
                asked = f"{query.context} {text}" if query.context else text
                vectors.append(self.embedder.embed_batch([segment.expand_abbreviations(asked)], query=True)[0])
                timings["embed"] = time.perf_counter() - t
            return vectors[0]

        def passages() -> list[Result]:
            nonlocal found
            if found is None:
                v = vector()
                t = time.perf_counter()
                found = self.retrieve(text, query, when, k=k, vector=v, need=need)
                timings["retrieve"] = time.perf_counter() - t
            return found

        t2 = time.perf_counter()
        ctx = self.context(text, query, when, need, passages)
        resolution = ctx.resolution
        name_the_held_set(query, need, resolution)
        unknown = self._unknown_words(index, text)
        # First the answers built from rules, the catalogue and the registry, scored without meaning: one
        # that covers the question this well needs neither the embedding nor the passages.
        structured = propose(ctx, passages=False)
        asked = question_parts(text)
        choice = choose(need, structured, [None] * len(structured), unknown=unknown, asked=asked)
        retrieved: list = []
        if not (choice.parts and confident(choice) and not guessed(choice, asked, need) and not need.missing):
            retrieved = propose_passages(ctx)
            candidates = structured + retrieved
            sims = [index.similarity(vector(), c.evidence) if c.evidence else None for c in candidates]
            choice = choose(need, candidates, sims, unknown=unknown, asked=asked)
        fill_open_parts(self, ctx, asked, choice, passages, retrieved)
        related = None
        # Related content only beside "this document is not in the corpus": for a topic the corpus does not
        # cover, whatever scored best is by definition about something else.
        if need.missing and not any(a[0] == "doc" for a in need.atoms):
            missing = syllables(" ".join(f"{r.kind} {r.number}" for r in need.missing))
            related = next(
                (
                    s.candidate
                    for s in choice.ranking
                    if s.candidate.kind == "passages"
                    and s.detail["semantic"] >= 0.6
                    and s.candidate.lexical >= 0.5
                    # "Thông tư 05/2022 hướng dẫn những nội dung gì?": sharing "thông tư", "hướng dẫn" is no relation.
                    and shares_topic(text, quoted_text(s.candidate, self.section), missing)
                ),
                None,
            )
        answer = render(
            text,
            query,
            need,
            when,
            choice,
            self.section,
            self.meta,
            self.metas(),
            related,
            resolution=resolution,
            notes=contradictions(ctx),
            absent=unknown if choice.scope == "uncovered" else None,
            figure_found=lambda unit, docs: any(
                r.chunk.doc in docs and holds_figure(r.chunk.text, unit) for r in passages()[:5]
            ),
        )
        timings["compose"] = time.perf_counter() - t2 - timings["retrieve"] - timings["embed"]
        answer.timings = {k: round(v * 1000, 2) for k, v in timings.items()}
        answer.ranking = [
            {"kind": r.candidate.kind, "label": r.candidate.label, "score": r.score, **r.detail}
            for r in choice.ranking[:8]
        ]
        return answer

    def context(self, text: str, query: Query, when: dt.date, need: Need, passages) -> Context:
        """What every answerer sees of one question: its rule card, criteria set and stated value judged."""
        resolution = card_for(query, when, self.catalogue)
        cset = self.criteria_set_for(query, resolution, when)
        judged = judge_stated_value(self.catalogue, self.corpus, query, cset, when) if cset is not None else None
        return Context(
            text=text,
            query=query,
            need=need,
            as_of=when,
            catalogue=self.catalogue,
            criteria_set=cset,
            resolution=resolution,
            section=self.section,
            meta=self.meta,
            tree=self.tree,
            passages=passages,
            related=self.related,
            documents=self.metas,
            judged=judged,
        )

    def _topic_phrases(self) -> frozenset[str]:
        """Phrases of the corpus's titles (and of their sources' headlines for registry entries without one) and
        of the catalogue's criteria and indicators ("tỷ lệ người dân tham gia bảo hiểm y tế phải đạt bao nhiêu" is
        about an indicator, though it says neither "xã" nor "tiêu chí"), recomputed when either changes."""
        sets = self.catalogue.sets
        key = (tuple(m.number for m in self.metas()), tuple(sets))
        cached = getattr(self, "_phrases", None)
        if cached is None or cached[0] != key:
            titles = [t for m in self.metas() for t in [m.title or "", *[s.title or "" for s in m.sources]]]
            criteria = [c for cs in sets.values() for c in cs.criteria]
            titles += [n for c in criteria for n in (c.name, *(i.name for i in c.indicators))]
            cached = self._phrases = (key, domain_phrases(titles))
        return cached[1]

    def _vocabulary(self, index: Index) -> Vocabulary:
        """The served index's vocabulary, rebuilt when the index changes."""
        cached = getattr(self, "_vocab", None)
        if cached is None or cached.version != index.version:
            cached = self._vocab = Vocabulary.of(index, self.catalogue)
        return cached

    def _unknown_words(self, index: Index, text: str) -> list[str]:
        """The question's content words the served corpus never uses (a topic it does not cover)."""
        return self._vocabulary(index).unknown_words(text)

    def _about_corpus(self, text: str) -> bool:
        """In the corpus's words, or naming a document it holds ("Nghị quyết 25/2021/QH15 đặt mục tiêu gì?")."""
        held = named_documents(understand(text, self.catalogue), self.known_number)[0]
        return bool(held) or self._vocabulary(self.index()).speaks_of(text)

    def known_number(self, typed: str) -> str | None:
        """The corpus document a typed number means ("318", "51/2025", "18/2022/qd-ttg"), or None."""
        parts = [p for p in fold(typed).split("/") if p]
        if not parts:
            return None
        if len(parts) == 1 and parts[0] in NAMED_SETS and self.corpus.find(NAMED_SETS[parts[0]]):
            return NAMED_SETS[parts[0]]
        for d in self.corpus.documents():
            have = [p for p in fold(d.number).split("/") if p]
            if have[0] != parts[0]:
                continue
            year = d.meta.issued.year if d.meta.issued else None
            rest = parts[1:]
            if all(p in have or (p.isdigit() and year == int(p)) for p in rest):
                return d.number
        return None

    def tree(self, number: str) -> Section | None:
        doc = self.corpus.find(number)
        return self.corpus.tree(doc.number) if doc else None

    def metas(self) -> list[DocumentMeta]:
        """Every document's metadata."""
        return [d.meta for d in self.corpus.documents()]

    def related(self, number: str) -> list[DocumentMeta]:
        """Documents whose relations point at `number` (what amended or replaced it)."""
        return [d.meta for d in self.corpus.documents() if any(r.target == number for r in d.meta.relations)]

    def interpret(
        self, question: str, *, as_of: dt.date | None = None, history: list[str] | None = None
    ) -> tuple[str, Query, dt.date]:
        """(checked question, what it asks with the conversation's context, the date to answer for)."""
        text = check_question(question, self.settings.max_question_chars)
        query = understand(text, self.catalogue)
        if history:
            earlier = [understand(h, self.catalogue) for h in history[-5:] if h and h.strip()]
            query = merge(query, earlier, self._about_corpus, self._vocabulary(self.index()).follows_on)
        # A province is named as the speaker names it: on the map of the date asked for, else today's
        # ("tỉnh Phú Thọ" said in 2026 is the merged province, even in a question about 2024).
        read_place(query, self.catalogue, as_of or self.settings.now())
        return text, query, self._framed_date(query, as_of_for(query, as_of or self.settings.now()))

    def _framed_date(self, query: Query, when: dt.date) -> dt.date:
        """A unit's question asked in the words of a document written for a period now over ("Theo Công văn 14 thì
        huyện tôi, đạt chuẩn năm 2019, phải làm gì?") asks what that document says: it is read on the period's last
        day, unless the question names a year or asks about now (then the set in force answers, and says so)."""
        # ("Các xã đã đạt chuẩn trước năm 2021 theo Công văn 14 …": a tier told, no year.)
        told = query.recognition_year or query.recognition_period or query.not_recognised or query.tier
        now = NOW_CUE.search(query.folded) or NOW_WORDS.search(query.folded)
        if query.ask_year is not None or not (query.level and told) or now:
            return when
        # The asking clause names it ("CV14" is "công văn 14"), or that of the question a follow-up continues ("Còn
        # nếu là huyện thì sao?" after "Theo Công văn 14 xã … phải làm gì?").
        asking = " ".join(normalise_question(asking_clause(t)) for t in (query.text, query.context) if t)
        ends = [
            meta.status_from - dt.timedelta(days=1)
            for meta in self.metas()
            if meta.status == "period_ended"
            and meta.status_from is not None
            and meta.status_from <= when
            and _names_dispatch(asking, meta.number)
        ]
        return min(ends, default=when)

    def retrieve(
        self, text: str, query: Query, when: dt.date, k: int | None = None, vector=None, need: Need | None = None
    ) -> list[Result]:
        """The assistant's retrieval: hybrid search within what the question implies (level, higher
        tier, documents in force on `when` unless it asks about history) with named documents boosted."""
        if not (query.domain or query.duties or query.history):
            return []
        # A set named by number, or a period before 2021 named as a set's period, is a question
        # about that set: its documents are searched even when superseded.
        named_old_period = bool(query.period and query.period[:4].isdigit() and int(query.period[:4]) < 2021)
        history = query.history or named_old_period
        in_force = {d.number for d in self.corpus.documents() if self.corpus.in_force(d, when)}
        filters = Filters(
            level=query.level if query.level in LEVELS else None,
            # "NTM" is also what a bare "đạt chuẩn" reads as, so only the higher tiers filter.
            tier=query.tier if query.tier in ("nâng cao", "kiểu mẫu") else None,
            eligible=None if history else self.corpus.eligible(when),
            boost=list(query.sets) + self._period_docs(need) + self._issuer_docs(query.folded),
            always=set(query.sets) | in_force,
        )
        # A follow-up is searched with the earlier question's words, which name what it leaves unsaid.
        searched = f"{query.context} {text}" if query.context else text
        index = self.index()
        found = Searcher(index, self.embedder, self.settings).search(searched, k=k, filters=filters, vector=vector)
        return quoted_first(text, found, index.chunks)

    def _issuer_docs(self, folded: str) -> list[str]:
        return issuer_docs(tuple((d.number, d.meta.issuer or "") for d in self.corpus.documents()), folded)

    def _period_docs(self, need: Need | None) -> list[str]:
        """Documents of the period the question names ("giai đoạn 2026-2030"), ranked up like named ones."""
        if need is None or not need.period:
            return []
        return [d.number for d in self.corpus.documents() if d.meta.period == need.period]

    def safe_ask(self, question: str, **kw) -> Answer:
        """Like ask, but a bad question becomes a refusal with the reason instead of an error."""
        try:
            return self.ask(question, **kw)
        except QuestionError as exc:
            return refuse(question, understand("", self.catalogue), self.settings.now(), exc.message)


def _names_dispatch(asking: str, number: str) -> bool:
    """The (normalised) text names the dispatch `number` as a document: "công văn 14", "văn bản 5766", "14/bcđ…"."""
    n = re.escape(lead_number(number))
    return bool(re.search(rf"\b(cong van|van ban)( so)? {n}\b|\b{n}/", asking))
