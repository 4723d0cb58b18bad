"""Earlier versions of documents: every ingest or restore keeps the text it replaces.

Layout, beside the ingested folder (never inside it, so nothing here is read as a corpus document):

    <data_dir>/corpus-versions/<slug>/<n>.md       the file that was version n, byte for byte
    <data_dir>/corpus-versions/<slug>/versions.json manifest: one entry per kept version, and what the
                                                    current version is (its number, since when, from what)

Version numbers of a document run 1, 2, …: the current text is version N (`version: N` in its
front-matter, absent = 1); versions 1 … N-1 are files here. Everything is written by the registry under
its writer's lock (threads and worker processes), in this order:

1. the current file is copied to `<N>.md` (temporary file, fsync, os.replace);
2. the manifest gains entry N (temporary file, fsync, os.replace);
3. only then does the registry replace the document.

A crash after 1 leaves a `<N>.md` the manifest does not name: the document was not replaced, and the next
save writes that number again. A crash after 2 leaves entry N whose sha256 is the current file's: the next
save sees it is already kept and does not keep it twice. Nothing current is ever replaced before its copy
and its entry are on disk.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.errors import CorpusError
from corpus.model import Document

if TYPE_CHECKING:
    from corpus.registry import Corpus

MANIFEST = "versions.json"
_NAME = re.compile(r"^[A-Z0-9-]{1,120}$")  # a registry slug: never a path


class UnknownVersionError(CorpusError):
    """A version number the document does not keep."""

    code = "unknown_version"

    def __init__(self, number: str, version: int | str) -> None:
        self.number = number
        self.version = version
        super().__init__(f"Văn bản {number} không có phiên bản {version} đã lưu.")


@dataclass
class Version:
    """One kept version of a document (the current one too, when listed)."""

    number: int
    sha256: str
    size: int
    provenance: str | None = None
    source: str | None = None  # the file the text came from: an upload's name, the built-in file
    since: str | None = None  # when it became current (unknown for the built-in text)
    saved: str | None = None  # when it stopped being current and was kept here
    reason: str | None = None  # why it was replaced ("thay bằng tệp …", "khôi phục phiên bản 1")
    origin: str | None = None  # "built-in" or "ingested": where the file was when it was current
    restored_from: int | None = None  # the version this one's text is a copy of, when restored


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomic(target: Path, data: bytes) -> None:
    """Write beside the target under a name of its own, fsync, then os.replace: readers see the old
    file or the new one, never half of one."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class VersionStore:
    """The kept versions of every document, in one folder per document (keyed by the registry's slug)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def folder(self, key: str) -> Path:
        if not _NAME.match(key):  # keys come from slug(); refuse anything else rather than build a path from it
            raise ValueError(f"not a document key: {key!r}")
        return self.root / key

    # --- reading ---------------------------------------------------------------------------

    def manifest(self, key: str) -> dict:
        """The document's manifest ({"versions": [...], "current": {...}}); empty when nothing is kept."""
        try:
            data = json.loads((self.folder(key) / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"versions": [], "current": None}
        data.setdefault("versions", [])
        data.setdefault("current", None)
        return data

    def kept(self, key: str) -> list[Version]:
        """The kept (non-current) versions, oldest first; only those whose text file is there."""
        out = []
        for entry in self.manifest(key)["versions"]:
            version = Version(**{k: v for k, v in entry.items() if k in Version.__dataclass_fields__})
            if self.path(key, version.number) is not None:
                out.append(version)
        return sorted(out, key=lambda v: v.number)

    def path(self, key: str, number: int) -> Path | None:
        """The file of kept version `number`, or None."""
        if number < 1:
            return None
        path = self.folder(key) / f"{number}.md"
        return path if path.is_file() else None

    def current(self, key: str, number: int, file: Path, *, provenance: str | None, builtin: bool) -> Version:
        """Describe the current version `number` (the file the registry serves now)."""
        data = file.read_bytes()
        info = self.manifest(key)["current"] or {}
        # The manifest's "current" is written before the document is replaced: it describes this file only when
        # the numbers match (after a crash in between, the file still says the number it had).
        known = info if info.get("number") == number else {}
        return Version(
            number=number,
            sha256=sha256(data),
            size=len(data),
            provenance=provenance,
            source=known.get("source") or file.name,
            since=known.get("since"),
            origin="built-in" if builtin else "ingested",
            restored_from=known.get("restored_from"),
        )

    # --- writing (under the registry's writer lock) -------------------------------------------

    def keep(
        self,
        key: str,
        current_number: int,
        current_file: Path,
        *,
        provenance: str | None,
        builtin: bool,
        reason: str,
        next_source: str | None,
        restored_from: int | None = None,
    ) -> int:
        """Keep the current file as a version before it is replaced; the number the replacement gets.

        `next_*` describe the text about to become current (recorded as the manifest's "current").
        Called with the registry's writer lock held; the caller replaces the document only after this returns.
        """
        folder = self.folder(key)
        folder.mkdir(parents=True, exist_ok=True)
        data = current_file.read_bytes()
        digest = sha256(data)
        manifest = self.manifest(key)
        entries: list[dict] = manifest["versions"]
        by_number = {e["number"]: e for e in entries}
        last = max(by_number, default=0)
        entry = by_number.get(current_number)
        if entry is not None and entry.get("sha256") == digest and self.path(key, current_number) is not None:
            number = current_number  # kept by an earlier attempt that crashed before replacing the document
        else:
            # Normally N itself; later than every kept number if a file was put in place by hand.
            number = max(current_number, last + 1)
            previous = manifest["current"] or {}
            described = previous if previous.get("number") == current_number else {}
            entries = [e for e in entries if e["number"] != number]
            entries.append(
                asdict(
                    Version(
                        number=number,
                        sha256=digest,
                        size=len(data),
                        provenance=provenance,
                        source=described.get("source") or current_file.name,
                        since=described.get("since"),
                        saved=_now(),
                        reason=reason,
                        origin="built-in" if builtin else "ingested",
                        restored_from=described.get("restored_from"),
                    )
                )
            )
            # 1: the text, 2: the entry naming it (see the module's docstring for why in this order).
            _write_atomic(folder / f"{number}.md", data)
        manifest["versions"] = sorted(entries, key=lambda e: e["number"])
        manifest["current"] = {
            "number": number + 1,
            "since": _now(),
            "source": next_source,
            "restored_from": restored_from,
        }
        self._write_manifest(key, manifest)
        return number + 1

    def note_new(self, key: str, source: str) -> None:
        """Record where a new document's version 1 came from (after it is stored: only a description)."""
        manifest = self.manifest(key)
        manifest["current"] = {"number": 1, "since": _now(), "source": source, "restored_from": None}
        self.folder(key).mkdir(parents=True, exist_ok=True)
        self._write_manifest(key, manifest)

    def _write_manifest(self, key: str, manifest: dict) -> None:
        data = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        _write_atomic(self.folder(key) / MANIFEST, data)


# --- what the API and the CLI read ------------------------------------------------------------


def current_number(document: Document) -> int:
    """The version number of a document as the registry serves it (absent in the front-matter = 1)."""
    return document.meta.version or 1


def history(corpus: Corpus, document: Document) -> list[Version]:
    """The current version and the kept ones, newest first."""
    from corpus.registry import slug  # the registry imports this module: imported when called

    store = corpus.versions
    number = current_number(document)
    if store is None:
        return [_describe_file(number, document, corpus.is_builtin(document))]
    key = slug(document.number)
    current = store.current(
        key, number, Path(document.source), provenance=document.meta.provenance, builtin=corpus.is_builtin(document)
    )
    kept = [v for v in store.kept(key) if v.number != number]
    return [current, *sorted(kept, key=lambda v: v.number, reverse=True)]


def version_document(corpus: Corpus, document: Document, number: int) -> Document:
    """The text of version `number` of `document` (the current one, or a kept one).

    Raises:
        UnknownVersionError: the document keeps no such version.
    """
    from corpus.load import load
    from corpus.registry import slug

    if number == current_number(document):
        return document
    path = corpus.versions.path(slug(document.number), number) if corpus.versions else None
    if path is None:
        raise UnknownVersionError(document.number, number)
    return load(path)


def _describe_file(number: int, document: Document, builtin: bool) -> Version:
    data = Path(document.source).read_bytes()
    return Version(
        number=number,
        sha256=sha256(data),
        size=len(data),
        provenance=document.meta.provenance,
        source=Path(document.source).name,
        origin="built-in" if builtin else "ingested",
    )
