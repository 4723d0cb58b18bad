"""Errors raised by the corpus layer; edges (CLI, API) translate them for users."""

from __future__ import annotations

from pathlib import Path


class CorpusError(Exception):
    """Base class for corpus errors. `message` is Vietnamese, for end users."""

    code = "corpus_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LoadError(CorpusError):
    """A file could not be read as a document."""

    code = "load_error"

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"Không đọc được tệp {Path(path).name}: {reason}")


class UnknownDocumentError(CorpusError):
    """A document number that is not in the corpus."""

    code = "unknown_document"

    def __init__(self, number: str) -> None:
        self.number = number
        super().__init__(f"Không có văn bản số {number} trong kho văn bản.")


class IngestError(CorpusError):
    """A document that parsed but cannot be added (e.g. would replace official text)."""

    code = "ingest_error"
