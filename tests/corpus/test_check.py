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


def _drop_pending(text: str) -> str:
    return "".join(ln for ln in text.splitlines(keepends=True) if not ln.strip().startswith("pending:"))


@pytest.mark.parametrize(
    ("folder", "name", "edit", "problem"),
    [
        # A relation to a document the corpus does not hold.
        (
            "documents",
            "51-2025-QD-TTg.md",
            lambda t: t.replace("target: 318/QĐ-TTg", "target: 999/QĐ-TTg", 1),
            lambda p: "999/QĐ-TTg" in p and "không có trong kho" in p,
        ),
        # A section that does not exist.
        (
            "criteria",
            "51-2025-xa-ntm.yaml",
            lambda t: t.replace("Phụ lục I › Tiêu chí 10", "Phụ lục I › Tiêu chí 99"),
            lambda p: "Tiêu chí 99" in p,
        ),
        # A figure marked verified without evidence.
        (
            "criteria",
            "318-xa-ntm.yaml",
            lambda t: t.replace("verified: false\n    evidence: null", "verified: true\n    evidence: null", 1),
            lambda p: "318-xa-ntm.yaml" in p and "evidence" in p,
        ),
        # A criterion without indicators that does not say what is unknown.
        ("criteria", "51-2025-xa-ntm.yaml", _drop_pending, lambda p: "pending" in p),
    ],
    ids=["unknown relation", "missing section", "verified without evidence", "criterion without pending"],
)
def test_a_broken_corpus_fails_the_check(tmp_path: Path, folder: str, name: str, edit, problem) -> None:
    docs, crit = tmp_path / "documents", tmp_path / "criteria"
    shutil.copytree(BUILTIN_DIR, docs)
    shutil.copytree(CRITERIA_DIR, crit)
    path = tmp_path / folder / name
    text = path.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text  # the edit really breaks something
    path.write_text(changed, encoding="utf-8")
    report = check(Corpus(builtin_dir=docs), Catalogue(crit))
    assert not report.ok
    assert any(problem(p) for p in report.problems), report.problems
