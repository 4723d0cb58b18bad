"""Ingest: official text replaces compiled text; nothing is lost on bad input."""

from pathlib import Path

import pytest

from corpus.errors import IngestError, LoadError, UnknownDocumentError
from corpus.registry import Corpus, number_key, slug
from tests.conftest import FIXTURES


def _compiled(folder: Path, number: str = "99/QĐ-UBND") -> None:
    (folder / "99.md").write_text(
        f"---\nnumber: {number}\nprovenance: compiled\nstatus: in_force\nrelations:\n  - {{type: guides, target: 318/QĐ-TTg}}\n---\nĐiều 1. Bản biên soạn.\n",
        encoding="utf-8",
    )


def test_number_keys_and_slugs() -> None:
    assert number_key("318/QD-TTG") == number_key("318/QĐ-TTg")
    assert slug("14/BCĐCTMTQG") == "14-BCDCTMTQG"
    assert slug("5766/UBND-CNN&XD") == "5766-UBND-CNNXD"


def test_official_file_replaces_compiled_and_keeps_relations(tmp_path: Path, seed_dir: Path) -> None:
    _compiled(seed_dir)
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    assert corpus.get("99/QĐ-UBND").meta.provenance == "compiled"
    result = corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True)
    assert result.replaced is not None and result.replaced.meta.provenance == "compiled"
    doc = corpus.get("99/qđ-ubnd")
    assert doc.meta.provenance == "official"
    assert [r.target for r in doc.meta.relations] == ["318/QĐ-TTg"]
    assert "Bản biên soạn" not in doc.text
    # Pages survive the round trip through the stored Markdown.
    fresh = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    assert fresh.tree("99/QĐ-UBND").walk()[-1].page == 2


def test_compiled_file_does_not_replace_official(tmp_path: Path, seed_dir: Path) -> None:
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True)
    with pytest.raises(IngestError, match="đã có bản chính thức"):
        corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=False)
    assert corpus.get("99/QĐ-UBND").meta.provenance == "official"


def test_failed_ingest_changes_nothing(tmp_path: Path, seed_dir: Path) -> None:
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    corpus.ingest(FIXTURES / "cong-van-mau.docx", official=True)
    before = {p.name: p.read_bytes() for p in (tmp_path / "ingested").iterdir()}
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(LoadError):
        corpus.ingest(bad, official=True, number="77/UBND-NN")
    assert {p.name: p.read_bytes() for p in (tmp_path / "ingested").iterdir()} == before
    assert len(corpus.documents()) == 3


def test_number_override_and_unknown_document(tmp_path: Path, seed_dir: Path) -> None:
    txt = tmp_path / "x.txt"
    txt.write_text("Điều 1. Không ghi số hiệu.\nĐiều 2. Hiệu lực.", encoding="utf-8")
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    corpus.ingest(txt, official=True, number="7/QĐ-UBND")
    assert corpus.get("7/QĐ-UBND").meta.provenance == "official"
    with pytest.raises(UnknownDocumentError, match="999/QĐ-TTg"):
        corpus.get("999/QĐ-TTg")


def test_file_without_structure_is_not_stored(tmp_path: Path, seed_dir: Path) -> None:
    txt = tmp_path / "empty-structure.txt"
    txt.write_text("   \n", encoding="utf-8")
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    with pytest.raises(LoadError):
        corpus.ingest(txt, official=True, number="8/QĐ-UBND")
    assert not (tmp_path / "ingested").exists() or not any((tmp_path / "ingested").iterdir())


def test_numbers_differing_only_in_separators_are_one_document(tmp_path: Path, seed_dir: Path) -> None:
    assert number_key("701/QĐ-UBND") == number_key("701-QD-UBND") == number_key("701 / qđ - ubnd")
    assert number_key("701/QĐ-UBND") != number_key("710/QĐ-UBND")
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    first = corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True, number="701/QĐ-UBND")
    assert first.replaced is None
    again = corpus.ingest(FIXTURES / "cong-van-mau.docx", official=True, number="701-QD-UBND")
    assert again.replaced is not None and again.replaced.number == "701/QĐ-UBND"  # said, not silent
    assert len([d for d in corpus.documents() if number_key(d.number) == number_key("701/QĐ-UBND")]) == 1


def test_two_documents_that_would_share_a_file_are_refused(tmp_path: Path, seed_dir: Path) -> None:
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True, number="702/QĐUBND")
    assert slug("702/QĐ&UBND") == slug("702/QĐUBND") and number_key("702/QĐ&UBND") != number_key("702/QĐUBND")
    before = {p.name: p.read_bytes() for p in (tmp_path / "ingested").iterdir()}
    with pytest.raises(IngestError, match="trùng tên lưu với văn bản 702/QĐUBND"):
        corpus.ingest(FIXTURES / "cong-van-mau.docx", official=True, number="702/QĐ&UBND")
    assert {p.name: p.read_bytes() for p in (tmp_path / "ingested").iterdir()} == before


def test_trees_stored_by_a_thread_that_read_before_an_ingest_are_never_served_for_the_new_documents(
    tmp_path: Path, seed_dir: Path
) -> None:
    """A reader that parsed the documents before another thread's ingest may store its trees after that ingest's
    reload (the race behind a re-index job failing with KeyError '706/qd/ubnd'): the new and the replaced
    documents are parsed again, never looked up in the stale trees."""
    _compiled(seed_dir)
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    corpus.parsed()
    stale = corpus.__dict__["_parsed"]
    corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True, number="706/QĐ-UBND")
    corpus.ingest(FIXTURES / "cong-van-mau.docx", official=True, number="99/QĐ-UBND")  # replaces the compiled one
    corpus.documents()
    corpus.__dict__["_parsed"] = stale  # the slow reader stores its trees now
    trees = {d.number: root for d, root in corpus.parsed()}
    assert "706/QĐ-UBND" in trees
    replaced = corpus.get("99/QĐ-UBND")
    assert trees["99/QĐ-UBND"].doc == replaced.number and trees["99/QĐ-UBND"] is not stale[number_key("99/QĐ-UBND")][1]
    assert corpus.tree("99/QĐ-UBND") is not stale[number_key("99/QĐ-UBND")][1]
