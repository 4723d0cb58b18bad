"""Document versions: every ingest keeps the text it replaces; restore is never lossy; a crash between
keeping and replacing loses nothing; concurrent writers keep every version under unique numbers."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from corpus import registry
from corpus.diff import diff
from corpus.errors import LoadError
from corpus.load import load
from corpus.registry import Corpus
from corpus.versions import UnknownVersionError, history, sha256, version_document

NUMBER = "77/QĐ-UBND"


def _text(folder: Path, name: str, body: str, *, number: str = NUMBER) -> Path:
    """An uploadable Markdown document with two articles; `body` goes into Điều 2."""
    path = folder / name
    path.write_text(
        f"---\nnumber: {number}\nkind: Quyết định\nprovenance: official\n---\n"
        f"Điều 1. Phạm vi\nQuy định chung về thủy lợi nội đồng.\n"
        f"Điều 2. Nội dung\n{body}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def corpus(tmp_path: Path, seed_dir: Path) -> Corpus:
    return Corpus(tmp_path / "data" / "corpus", builtin_dir=seed_dir)


@pytest.fixture
def uploads(tmp_path: Path) -> Path:
    folder = tmp_path / "uploads"
    folder.mkdir()
    return folder


def test_two_ingests_keep_the_first_with_its_facts(corpus: Corpus, uploads: Path) -> None:
    first = corpus.ingest(_text(uploads, "ban-dau.md", "Mức hỗ trợ 30 triệu đồng."), official=True)
    assert first.document.meta.version is None  # a new document is version 1; the file says nothing
    stored_first = first.path.read_bytes()
    second = corpus.ingest(_text(uploads, "sua-doi.md", "Mức hỗ trợ 45 triệu đồng."), official=True)
    assert second.document.meta.version == 2 and "45 triệu" in corpus.get(NUMBER).text

    versions = history(corpus, corpus.get(NUMBER))
    assert [(v.number, v.origin) for v in versions] == [(2, "ingested"), (1, "ingested")]
    current, kept = versions
    assert current.source == "sua-doi.md" and current.since and current.saved is None
    assert kept.source == "ban-dau.md" and kept.saved and kept.provenance == "official"
    assert kept.reason == "thay bằng tệp sua-doi.md"
    assert kept.sha256 == sha256(stored_first) and kept.size == len(stored_first)
    assert "30 triệu" in version_document(corpus, corpus.get(NUMBER), 1).text
    # The folder of versions sits beside the ingested one and is never read as documents.
    folder = corpus.ingested_dir.parent / "corpus-versions" / "77-QD-UBND"
    assert sorted(p.name for p in folder.iterdir()) == ["1.md", "versions.json"]
    assert [d.number for d in corpus.documents()].count(NUMBER) == 1
    assert not list(corpus.ingested_dir.glob("*/**"))


def test_a_replaced_built_in_text_is_kept_as_version_1(corpus: Corpus, uploads: Path, seed_dir: Path) -> None:
    builtin = seed_dir / "14-BCDCTMTQG-2023.md"
    original = builtin.read_bytes()
    official = builtin.read_text(encoding="utf-8").replace("Lê Minh Hoan", "Lê Minh Hoan (bản ký số)")
    upload = uploads / "cv14-ky-so.md"
    upload.write_text(official, encoding="utf-8")
    result = corpus.ingest(upload, official=True)
    assert result.document.meta.version == 2
    v2, v1 = history(corpus, corpus.get("14/BCĐCTMTQG"))
    assert v2.number == 2 and v2.source == "cv14-ky-so.md" and v2.provenance == "official"
    assert v1.number == 1 and v1.origin == "built-in" and v1.source == "14-BCDCTMTQG-2023.md"
    assert v1.sha256 == sha256(original)
    kept = version_document(corpus, corpus.get("14/BCĐCTMTQG"), 1)
    assert kept.text == load(builtin).text and kept.meta.provenance == "official"
    changes = diff(kept, corpus.get("14/BCĐCTMTQG"), old_name="1", new_name="2")
    assert changes.removed >= 1 and changes.added >= 1
    assert any(ln.op == "+" and "bản ký số" in ln.text for ln in changes.lines)
    assert builtin.read_bytes() == original  # the package's file itself is never written


def test_restore_makes_the_old_text_current_and_keeps_the_replaced_one(corpus: Corpus, uploads: Path) -> None:
    corpus.ingest(_text(uploads, "a.md", "Mức hỗ trợ 30 triệu đồng."), official=True)
    corpus.ingest(_text(uploads, "b.md", "Mức hỗ trợ 45 triệu đồng."), official=True)
    before = corpus._generation_file().read_text()
    result = corpus.restore(NUMBER, 1)
    assert corpus._generation_file().read_text() != before  # every worker reloads
    doc = corpus.get(NUMBER)
    assert "30 triệu" in doc.text and "45 triệu" not in doc.text
    assert result.document.meta.version == 3 and doc.meta.version == 3
    versions = history(corpus, doc)
    assert [v.number for v in versions] == [3, 2, 1]
    assert versions[0].restored_from == 1 and versions[0].source == "a.md"
    assert versions[1].reason == "khôi phục phiên bản 1" and versions[1].source == "b.md"
    assert "45 triệu" in version_document(corpus, doc, 2).text  # the replaced text is still there
    # A fresh process (another worker) reads the same.
    fresh = Corpus(corpus.ingested_dir, builtin_dir=corpus.builtin_dir)
    assert "30 triệu" in fresh.get(NUMBER).text and fresh.get(NUMBER).meta.version == 3
    with pytest.raises(UnknownVersionError):
        corpus.restore(NUMBER, 3)  # the current one is not a kept version
    with pytest.raises(UnknownVersionError):
        corpus.restore(NUMBER, 99)


def test_a_crash_between_keeping_and_replacing_loses_nothing(
    corpus: Corpus, uploads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.ingest(_text(uploads, "a.md", "Mức hỗ trợ 30 triệu đồng."), official=True)

    def crash(document, target):  # the process dies after the version is kept, before the document is replaced
        raise LoadError(target, "mô phỏng sự cố")

    with monkeypatch.context() as m:
        m.setattr(registry, "_write_document", crash)
        with pytest.raises(LoadError):
            corpus.ingest(_text(uploads, "b.md", "Mức hỗ trợ 45 triệu đồng."), official=True)
    fresh = Corpus(corpus.ingested_dir, builtin_dir=corpus.builtin_dir)
    doc = fresh.get(NUMBER)
    assert "30 triệu" in doc.text and doc.meta.version is None
    # The listing does not describe the text that never became current.
    current = history(fresh, doc)[0]
    assert current.number == 1 and current.source != "b.md"

    fresh.ingest(_text(uploads, "c.md", "Mức hỗ trợ 50 triệu đồng."), official=True)
    doc = fresh.get(NUMBER)
    assert "50 triệu" in doc.text and doc.meta.version == 2
    versions = history(fresh, doc)
    assert [v.number for v in versions] == [2, 1]  # version 1 kept once, not twice
    assert "30 triệu" in version_document(fresh, doc, 1).text


def test_a_crash_after_copying_the_text_before_the_manifest(
    corpus: Corpus, uploads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.ingest(_text(uploads, "a.md", "Mức hỗ trợ 30 triệu đồng."), official=True)
    real = registry.VersionStore.keep

    def half(self, key, *args, **kwargs):
        manifest = self.folder(key) / "versions.json"
        before = manifest.read_bytes()
        real(self, key, *args, **kwargs)
        manifest.write_bytes(before)  # as if the process died before the manifest's rename
        raise OSError("mô phỏng sự cố")

    with monkeypatch.context() as m:
        m.setattr(registry.VersionStore, "keep", half)
        with pytest.raises(OSError):
            corpus.ingest(_text(uploads, "b.md", "Mức hỗ trợ 45 triệu đồng."), official=True)
    assert "30 triệu" in corpus.get(NUMBER).text
    assert (corpus.versions.folder("77-QD-UBND") / "1.md").is_file()  # the copy the manifest does not name
    assert [v.number for v in history(corpus, corpus.get(NUMBER))] == [1]
    corpus.ingest(_text(uploads, "c.md", "Mức hỗ trợ 50 triệu đồng."), official=True)
    doc = corpus.get(NUMBER)
    versions = history(corpus, doc)
    assert [v.number for v in versions] == [2, 1] and versions[1].source == "a.md"
    assert "30 triệu" in version_document(corpus, doc, 1).text


def test_concurrent_ingests_of_one_number_keep_every_version(corpus: Corpus, uploads: Path) -> None:
    amounts = [str(10 + i) for i in range(8)]
    files = [_text(uploads, f"t{a}.md", f"Mức hỗ trợ {a} triệu đồng.") for a in amounts]
    barrier = threading.Barrier(len(files))
    errors: list[BaseException] = []

    def run(path: Path) -> None:
        barrier.wait()
        try:
            Corpus(corpus.ingested_dir, builtin_dir=corpus.builtin_dir).ingest(path, official=True)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(f,)) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    doc = corpus.get(NUMBER)
    versions = history(corpus, doc)
    numbers = [v.number for v in versions]
    assert numbers == list(range(len(files), 0, -1)) and doc.meta.version == len(files)
    texts = [version_document(corpus, doc, n).text for n in numbers]
    held = sorted(a for a in amounts for t in texts if f"Mức hỗ trợ {a} triệu" in t)
    assert held == sorted(amounts)  # every upload's text is somewhere, each once
    manifest = json.loads((corpus.versions.folder("77-QD-UBND") / "versions.json").read_text(encoding="utf-8"))
    assert len({e["sha256"] for e in manifest["versions"]}) == len(files) - 1


def test_version_keys_are_never_paths(corpus: Corpus) -> None:
    with pytest.raises(ValueError):
        corpus.versions.folder("../../etc")
    assert corpus.versions.path("77-QD-UBND", 0) is None


def test_ntm_ingest_says_which_version_the_replaced_text_became(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed_dir: Path, uploads: Path
) -> None:
    from typer.testing import CliRunner

    from assistant.cli import app

    monkeypatch.setenv("NTM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NTM_CORPUS_DIR", str(seed_dir))
    monkeypatch.setenv("NTM_EMBEDDER", "fake")
    runner = CliRunner()
    for name, amount in (("a.md", "30"), ("b.md", "45")):
        r = runner.invoke(
            app, ["ingest", str(_text(uploads, name, f"Mức {amount} triệu.")), "--official", "--no-index"]
        )
        assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())  # the console wraps long lines
    assert "Đã thay thế" in said and "bản cũ lưu thành phiên bản 1" in said
    kept = tmp_path / "data" / "corpus-versions" / "77-QD-UBND" / "1.md"
    assert "Mức 30 triệu." in kept.read_text(encoding="utf-8")
