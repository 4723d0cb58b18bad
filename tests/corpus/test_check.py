"""`corpus.check`: the counts and the problems that must fail a build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.check import check
from corpus.criteria import CRITERIA_DIR, Catalogue
from corpus.registry import BUILTIN_DIR, Corpus


def test_the_bundled_corpus_passes_and_counts_what_it_verifies():
    report = check(Corpus(), Catalogue())
    assert report.ok, report.problems
    by_id = {s.id: s for s in report.sets}
    assert by_id["51-2025-xa-ntm"].criteria == 10
    assert by_id["51-2025-xa-ntm"].pending_criteria == 10
    assert by_id["51-2025-xa-ntm"].indicators == 0 and by_id["51-2025-xa-ntm"].declared_indicators == 47
    totals = report.totals()
    assert totals["verified"] >= 46  # the audit's 46 confirmed figures stay verified
    assert totals["verified"] + totals["unverified"] == totals["indicators"]


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    docs, crit = tmp_path / "documents", tmp_path / "criteria"
    shutil.copytree(BUILTIN_DIR, docs)
    shutil.copytree(CRITERIA_DIR, crit)
    return docs, crit


def test_a_relation_to_an_unknown_document_fails(copies):
    docs, crit = copies
    path = docs / "51-2025-QD-TTg.md"
    path.write_text(path.read_text(encoding="utf-8").replace("target: 318/QĐ-TTg", "target: 999/QĐ-TTg", 1))
    report = check(Corpus(builtin_dir=docs), Catalogue(crit))
    assert not report.ok
    assert any("999/QĐ-TTg" in p and "không có trong kho" in p for p in report.problems)


def test_a_section_that_does_not_exist_fails(copies):
    docs, crit = copies
    path = crit / "51-2025-xa-ntm.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Phụ lục I › Tiêu chí 10", "Phụ lục I › Tiêu chí 99"))
    report = check(Corpus(builtin_dir=docs), Catalogue(crit))
    assert any("Tiêu chí 99" in p for p in report.problems)


def test_a_figure_marked_verified_without_evidence_fails(copies):
    docs, crit = copies
    path = crit / "318-xa-ntm.yaml"
    text = path.read_text(encoding="utf-8")
    assert "verified: false\n    evidence: null" in text
    path.write_text(text.replace("verified: false\n    evidence: null", "verified: true\n    evidence: null", 1))
    report = check(Corpus(builtin_dir=docs), Catalogue(crit))
    assert not report.ok
    assert any("318-xa-ntm.yaml" in p and "evidence" in p for p in report.problems)


def test_a_criterion_without_indicators_must_say_what_is_unknown(copies):
    docs, crit = copies
    path = crit / "51-2025-xa-ntm.yaml"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.strip().startswith("pending:")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check(Corpus(builtin_dir=docs), Catalogue(crit))
    assert any("pending" in p for p in report.problems)
