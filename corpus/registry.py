"""The document registry: built-in corpus files plus ingested ones; official text wins."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from corpus.criteria_import import ImportResult
from corpus.errors import IngestError, LoadError, UnknownDocumentError
from corpus.load import DEFAULT_MAX_BYTES, load
from corpus.model import Document, Section
from corpus.normalize import fold
from corpus.ocr import OcrOptions
from corpus.parse import parse
from corpus.versions import UnknownVersionError, VersionStore

BUILTIN_DIR = Path(__file__).parent / "documents"


@functools.lru_cache(maxsize=4096)  # called for every document many times per question; pure
def number_key(number: str) -> str:
    """Canonical form of a document number: case, diacritics and separators do not matter, so
    '318/QD-TTG', '318/QĐ-TTg' and '318-QĐ-TTg' (as a file name writes it) are one document."""
    parts = re.split(r"[\s/\-_.]+", fold(number))
    return "/".join(p for p in (re.sub(r"[^a-z0-9&]", "", x) for x in parts) if p)


def slug(number: str) -> str:
    """File-name form of a number: '14/BCĐCTMTQG' → '14-BCDCTMTQG'."""
    ascii_ = fold(number).upper().replace("/", "-")
    return re.sub(r"[^A-Z0-9-]", "", ascii_).strip("-") or "document"


_INGEST_LOCK = threading.Lock()


@contextlib.contextmanager
def _writer(folder: Path):
    """One writer of the ingested corpus at a time: threads of this process, and other worker processes
    (an flock on the folder, released if the process dies)."""
    folder.mkdir(parents=True, exist_ok=True)
    # Beside the folder, not in it: the folder holds documents only.
    with _INGEST_LOCK, (folder.parent / f".{folder.name}.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass
class IngestResult:
    document: Document
    replaced: Document | None
    path: Path
    criteria: ImportResult | None = None  # the criteria tables imported from an official file


class Corpus:
    """All documents the assistant knows, by number.

    Built-in documents live in the package; ingested ones in `<data_dir>/corpus/`. An
    ingested document replaces a built-in one with the same number.
    """

    def __init__(self, ingested_dir: Path | None = None, builtin_dir: Path = BUILTIN_DIR) -> None:
        self.builtin_dir = Path(builtin_dir)
        self.ingested_dir = Path(ingested_dir) if ingested_dir else None
        self._seen: tuple = ()

    def _generation_file(self) -> Path | None:
        # Beside the folder, like the writer's lock: the folder holds documents only.
        return self.ingested_dir.parent / f".{self.ingested_dir.name}.generation" if self.ingested_dir else None

    def _stamp(self) -> tuple:
        """What changes whenever the ingested documents change: a counter every writer (any thread,
        any worker, the CLI) raises, and the folder's modification time (a file copied in by hand)."""
        gen = self._generation_file()
        if gen is None:
            return ()
        try:
            counter = gen.read_text().strip()
        except OSError:
            counter = ""
        try:
            mtime = self.ingested_dir.stat().st_mtime_ns
        except OSError:
            mtime = None
        return (counter, mtime)

    def refresh(self) -> bool:
        """Reload if another writer changed the ingested documents since they were read (a stat and
        a tiny read, cheap enough for every request); whether it reloaded."""
        if "_documents" in self.__dict__ and self._stamp() != self._seen:
            self.reload()
            return True
        return False

    def _files(self) -> list[Path]:
        files = sorted(self.builtin_dir.glob("*.md"))
        if self.ingested_dir and self.ingested_dir.is_dir():
            files += sorted(self.ingested_dir.glob("*.md"))
        return files

    def _read(self) -> dict[str, Document]:
        docs: dict[str, Document] = {}
        for path in self._files():
            doc = load(path)
            docs[number_key(doc.number)] = doc  # ingested files come last and win
        return docs

    @cached_property
    def _documents(self) -> dict[str, Document]:
        self._seen = self._stamp()  # before reading: a change made while reading is seen next time
        return self._read()

    def reload(self) -> None:
        self.__dict__.pop("_documents", None)
        self.__dict__.pop("_parsed", None)
        self.__dict__.pop("_by_path", None)

    def documents(self) -> list[Document]:
        return sorted(self._documents.values(), key=lambda d: (d.meta.issued or dt.date.min, d.number))

    def get(self, number: str) -> Document:
        try:
            return self._documents[number_key(number)]
        except KeyError:
            raise UnknownDocumentError(number) from None

    def find(self, number: str) -> Document | None:
        return self._documents.get(number_key(number))

    @cached_property
    def _parsed(self) -> dict[str, tuple[Document, Section]]:
        # Each tree beside the document it was parsed from: a thread that read the documents before another
        # thread's ingest may store its (older) trees after the reload; a reader checks the document is the same.
        return {key: (doc, parse(doc)) for key, doc in self._documents.items()}

    @cached_property
    def _by_path(self) -> dict[str, Section]:
        return {s.path: s for _, root in self._parsed.values() for s in root.walk()}

    def section(self, path: str) -> Section | None:
        """A section by its full path ('318/QĐ-TTg › Phụ lục I › Tiêu chí 17'), or None; one lookup, since answers
        ask for the same sections many times."""
        found = self._by_path.get(path)
        if found is None and path.split(" › ", 1)[0] and self.find(path.split(" › ", 1)[0]) is not None:
            self.tree(path.split(" › ", 1)[0])  # a document added since the paths were read
            found = self._by_path.get(path)
        return found

    def parsed(self) -> list[tuple[Document, Section]]:
        parsed = self._parsed
        out = []
        for d in self.documents():
            entry = parsed.get(number_key(d.number))
            # A tree from another read of the documents (concurrent ingest) is parsed again, never mismatched.
            out.append((d, entry[1] if entry is not None and entry[0] is d else parse(d)))
        return out

    def tree(self, number: str) -> Section:
        self.get(number)
        key = number_key(number)
        entry = self._parsed.get(key)
        if entry is None or entry[0] is not self._documents.get(key):
            # Parsed before a document was added or replaced (an ingest in this process): parse again, paths too.
            self.__dict__.pop("_parsed", None)
            self.__dict__.pop("_by_path", None)
            entry = self._parsed.get(key)
            document = self._documents.get(key)
            if entry is None or entry[0] is not document:
                return parse(document if document is not None else self.get(number))
        return entry[1]

    def in_force(self, document: Document, on: dt.date) -> bool:
        """Whether a document was in force on a date (in force by then and not yet superseded)."""
        m = document.meta
        start = m.in_force_from or m.issued
        if start and start > on:
            return False
        return not (m.status != "in_force" and m.status_from is not None and m.status_from <= on)

    def eligible(self, on: dt.date) -> set[str]:
        """Numbers of the documents to search by default on a date: those in force, those whose period
        ended without a successor, plus those superseded by a document whose full text the corpus does
        not hold (nothing else can answer from the text yet; answers say which period it belongs to)."""
        out: set[str] = set()
        for d in self.documents():
            if d.meta.issued and d.meta.issued > on:
                continue
            # Issued but not yet in force: already what questions about its period need.
            if self.in_force(d, on) or (d.meta.in_force_from and d.meta.in_force_from > on):
                out.add(d.number)
                continue
            if d.meta.status == "period_ended":
                out.add(d.number)  # nothing replaced it: still what answers about its period (said so)
                continue
            successor = self.find(d.meta.superseded_by) if d.meta.superseded_by else None
            if successor is not None and not successor.meta.full_text:
                out.add(d.number)
        return out

    def ingest(
        self,
        path: Path,
        *,
        official: bool,
        number: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        force: bool = False,
        ocr: OcrOptions | None = None,
    ) -> IngestResult:
        """Add or replace a document from a file. Nothing is written unless it parses.

        `ocr` says how scanned PDF pages are read (default: OCR on); the pages read so stay listed in
        the stored document's front-matter (`ocr_pages`).

        Raises:
            LoadError: the file cannot be read.
            IngestError: it parses but may not be stored (no structure, or it would replace
                official text with compiled text without `force`).
        """
        if self.ingested_dir is None:
            raise IngestError("Chưa cấu hình thư mục lưu văn bản nạp vào.")
        document = load(path, number=number, provenance="official" if official else None, max_bytes=max_bytes, ocr=ocr)
        if not official and document.meta.provenance == "official" and path.suffix.lower() != ".md":
            # Only a corpus Markdown file can declare itself official; other files need --official.
            document.meta.provenance = "compiled"
        root = parse(document)
        if len(root.walk()) < 2:
            raise IngestError(f"Tệp {path.name}: không nhận ra cấu trúc văn bản nào, không lưu.")
        # Parsing above runs in parallel; what the registry holds is read and changed by one writer at a time.
        with _writer(self.ingested_dir):
            return self._store(document, path, force)

    def _store(self, document: Document, path: Path, force: bool) -> IngestResult:
        # Read from disk under the writer's lock, not from the cache a reader may have filled earlier:
        # another writer (thread or worker) may have stored this number meanwhile.
        existing = self._read().get(number_key(document.number))
        if existing is not None:
            if existing.meta.provenance == "official" and document.meta.provenance != "official" and not force:
                raise IngestError(
                    f"Văn bản {existing.number} đã có bản chính thức; không thay bằng bản không chính thức "
                    f"(tệp {path.name}). Dùng --official nếu đây là bản chính thức."
                )
            document.meta = _merge_meta(existing, document, path)
        out_dir = self.ingested_dir
        assert out_dir is not None  # checked by ingest
        target = out_dir / f"{slug(document.number)}.md"
        if target.exists() and existing is None:
            # Two numbers that write the same file name but are not one document: never overwrite silently.
            try:
                other = load(target).number
            except LoadError:
                other = target.name
            raise IngestError(
                f"Số hiệu {document.number} (tệp {path.name}) trùng tên lưu với văn bản {other} đã có trong kho; "
                "không lưu. Hãy kiểm tra lại số hiệu (--number)."
            )
        # The text replaced is kept first (corpus/versions.py); a new number starts at 1 whatever its file says.
        document.meta.version = self._keep(existing, f"thay bằng tệp {path.name}", path.name) if existing else None
        _write_document(document, target)
        if existing is None:
            self.versions.note_new(slug(document.number), path.name)  # where version 1 came from, for the listing
        self._bump_generation()
        self.reload()
        # Read back from the file just written, not through the cache: a reader in another thread may
        # refill the cache from the listing it took before this write (refresh() reloads it later).
        return IngestResult(document=load(target), replaced=existing, path=target)

    # --- versions (the logic is in corpus/versions.py) -------------------------------------------

    @property
    def versions(self) -> VersionStore | None:
        """Earlier versions of documents, beside the ingested folder (never read as documents)."""
        if self.ingested_dir is None:
            return None
        return VersionStore(self.ingested_dir.parent / f"{self.ingested_dir.name}-versions")

    def is_builtin(self, document: Document) -> bool:
        return bool(document.source) and Path(document.source).parent == self.builtin_dir

    def _keep(self, current: Document, reason: str, next_source: str | None, restored_from: int | None = None) -> int:
        """Keep the current text as a version before it is replaced (writer's lock held); the replacement's number."""
        assert self.versions is not None
        return self.versions.keep(
            slug(current.number),
            current.meta.version or 1,
            Path(current.source),
            provenance=current.meta.provenance,
            builtin=self.is_builtin(current),
            reason=reason,
            next_source=next_source,
            restored_from=restored_from,
        )

    def restore(self, number: str, version: int) -> IngestResult:
        """Make kept version `version` current again; the text it replaces is kept first (never lossy).

        Raises:
            UnknownDocumentError, UnknownVersionError, IngestError (no ingested folder).
        """
        if self.ingested_dir is None or self.versions is None:
            raise IngestError("Chưa cấu hình thư mục lưu văn bản nạp vào.")
        with _writer(self.ingested_dir):
            current = self._read().get(number_key(number))
            if current is None:
                raise UnknownDocumentError(number)
            key = slug(current.number)
            kept = next((v for v in self.versions.kept(key) if v.number == version), None)
            source = self.versions.path(key, version)
            if kept is None or source is None:
                raise UnknownVersionError(current.number, version)
            document = load(source)
            document.meta.number = current.number
            document.meta.version = self._keep(current, f"khôi phục phiên bản {version}", kept.source, version)
            target = self.ingested_dir / f"{key}.md"
            _write_document(document, target)
            self._bump_generation()
            self.reload()
            return IngestResult(document=load(target), replaced=current, path=target)

    def _bump_generation(self) -> None:
        """Raise the counter other workers compare (called under the writer's lock)."""
        gen = self._generation_file()
        assert gen is not None
        try:
            counter = int(gen.read_text().strip() or 0)
        except (OSError, ValueError):
            counter = 0
        tmp = gen.with_name(gen.name + ".tmp")
        tmp.write_text(str(counter + 1))
        os.replace(tmp, gen)


def _merge_meta(existing: Document, new: Document, path: Path):
    """Keep what the registry knows (relations, status, level…) and take the new text's facts."""
    merged = existing.meta.model_copy(deep=True)
    for field in ("kind", "issued", "title", "signer", "issuer"):
        value = getattr(new.meta, field)
        if value and not getattr(merged, field):
            setattr(merged, field, value)
    merged.provenance = new.meta.provenance
    merged.ocr_pages = list(new.meta.ocr_pages)  # the new text's own: a text PDF replacing a scan clears them
    merged.full_text = True
    if new.meta.provenance == "official":
        merged.notes = f"Bản chính thức nạp từ tệp {path.name} ngày {dt.date.today():%d/%m/%Y}."
    return merged


def _write_document(document: Document, target: Path) -> None:
    """Write as corpus Markdown (front-matter + body with page markers), atomically."""
    meta = document.meta.model_dump(mode="json", exclude_none=True)
    lines: list[str] = []
    page = None
    for line in document.lines:
        if line.page is not None and line.page != page:
            page = line.page
            lines.append(f"<!-- page: {page} -->")
        lines.append(line.text)
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
    text += "\n".join(lines) + "\n"
    # A name of its own: two writers of one document never share (or delete) a temporary file.
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LoadError(target, f"không ghi được ({exc.strerror or exc}); kho văn bản không đổi") from exc
