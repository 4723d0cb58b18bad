"""A check anyone can run on the corpus: per document and criteria set, what is verified, what is not,
what sources dispute, and the problems that must fail a build (a figure marked verified without
evidence, a relation or section pointing at nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from corpus.criteria import Catalogue, CriteriaSet, Evidence
from corpus.errors import CorpusError
from corpus.registry import Corpus, number_key


@dataclass
class DocumentReport:
    number: str
    provenance: str
    full_text: bool
    status: str
    in_force_from: str | None
    sources: list[str]
    disputes: list[str]


@dataclass
class SetReport:
    id: str
    document: str
    criteria: int
    pending_criteria: int
    indicators: int
    declared_indicators: int | None
    verified: int
    unverified: int
    cells_verified_alone: int
    disputed: int
    sources: list[str]
    disputes: list[str]


@dataclass
class CheckReport:
    documents: list[DocumentReport] = field(default_factory=list)
    sets: list[SetReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def totals(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "registry_entries": sum(not d.full_text for d in self.documents),
            "official": sum(d.provenance == "official" for d in self.documents),
            "sets": len(self.sets),
            "indicators": sum(s.indicators for s in self.sets),
            "verified": sum(s.verified for s in self.sets),
            "unverified": sum(s.unverified for s in self.sets),
            "cells_verified_alone": sum(s.cells_verified_alone for s in self.sets),
            "disputed": sum(s.disputed for s in self.sets) + sum(len(d.disputes) for d in self.documents),
            "problems": len(self.problems),
        }


def _evidence_problem(where: str, ev: Evidence | None) -> str | None:
    if ev is None:
        return f"{where}: ghi đã xác minh nhưng không có nguồn (evidence)"
    if not ev.url.startswith(("http://", "https://")):
        return f"{where}: nguồn không phải địa chỉ web ({ev.url})"
    if not ev.quote.strip():
        return f"{where}: nguồn thiếu trích dẫn"
    return None


def _set_report(cset: CriteriaSet, sections: set[str], problems: list[str]) -> SetReport:
    sources: set[str] = set()
    verified = unverified = alone = disputed = 0
    if cset.evidence is not None:
        sources.add(cset.evidence.url)
    for crit in cset.criteria:
        if crit.section not in sections:
            problems.append(f"{cset.id}: tiêu chí {crit.number} trỏ tới mục không có trong kho ({crit.section})")
        if crit.evidence is not None:
            sources.add(crit.evidence.url)
    for _, ind in [*((None, c) for c in cset.conditions), *cset.indicators()]:
        where = f"{cset.id} {ind.code}"
        if ind.section not in sections:
            problems.append(f"{where}: trỏ tới mục không có trong kho ({ind.section})")
        if ind.verified:
            verified += 1
            problem = _evidence_problem(where, ind.evidence)
            if problem:
                problems.append(problem)
            else:
                sources.add(ind.evidence.url)  # type: ignore[union-attr]
        else:
            unverified += 1
        for t in ind.thresholds:
            if t.evidence is not None:
                alone += 0 if ind.verified else 1
                problem = _evidence_problem(f"{where} ({t.region}, {t.year or 'mọi năm'})", t.evidence)
                if problem:
                    problems.append(problem)
                sources.add(t.evidence.url)
        disputed += bool(ind.disputes)
    return SetReport(
        id=cset.id,
        document=cset.document,
        criteria=len(cset.criteria),
        pending_criteria=sum(not c.indicators for c in cset.criteria),
        indicators=len(cset.indicators()) + len(cset.conditions),
        declared_indicators=cset.declared_indicators,
        verified=verified,
        unverified=unverified,
        cells_verified_alone=alone,
        disputed=disputed,
        sources=sorted(sources),
        disputes=[f"{i.code}: {d}" for _, i in cset.indicators() for d in i.disputes],
    )


def check(corpus: Corpus, catalogue: Catalogue) -> CheckReport:
    """Check every document and criteria set; never raises for a bad corpus, reports it."""
    report = CheckReport()
    try:
        documents = corpus.documents()
    except CorpusError as exc:
        report.problems.append(str(exc))
        return report
    known = {number_key(d.number) for d in documents}
    sections: set[str] = set()
    for doc in documents:
        m = doc.meta
        try:
            sections |= {s.path for s in corpus.tree(doc.number).walk()}
        except CorpusError as exc:
            report.problems.append(f"{doc.number}: không phân tích được cấu trúc ({exc})")
        for r in m.relations:
            if number_key(r.target) not in known:
                report.problems.append(
                    f"{doc.number}: quan hệ '{r.type}' trỏ tới văn bản không có trong kho ({r.target})"
                )
        if m.superseded_by and number_key(m.superseded_by) not in known:
            report.problems.append(
                f"{doc.number}: 'superseded_by' trỏ tới văn bản không có trong kho ({m.superseded_by})"
            )
        if m.status in ("superseded", "expired", "period_ended") and m.status_from is None:
            report.problems.append(f"{doc.number}: tình trạng '{m.status}' cần ngày (status_from)")
        if m.provenance == "compiled" and not (m.source_url or m.sources):
            report.problems.append(f"{doc.number}: văn bản biên soạn cần nguồn (source_url hoặc sources)")
        report.documents.append(
            DocumentReport(
                number=doc.number,
                provenance=m.provenance,
                full_text=m.full_text,
                status=m.status,
                in_force_from=m.in_force_from.isoformat() if m.in_force_from else None,
                sources=[s.url for s in m.sources],
                disputes=list(m.disputes),
            )
        )
    try:
        sets = catalogue.sets
        regions = catalogue.regions
    except CorpusError as exc:
        report.problems.append(str(exc))
        return report
    for cset in sets.values():
        if number_key(cset.document) not in known:
            report.problems.append(f"{cset.id}: bộ tiêu chí của văn bản không có trong kho ({cset.document})")
        report.sets.append(_set_report(cset, sections, report.problems))
    if regions.reorganisation is not None and number_key(regions.reorganisation.document) not in known:
        report.problems.append(
            f"regions.yaml: văn bản của đợt sắp xếp tỉnh 2025 không có trong kho ({regions.reorganisation.document})"
        )
    return report
