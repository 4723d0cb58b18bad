"""Domain errors of the assistant; the CLI and the API translate them at the edge."""

from __future__ import annotations

from corpus.errors import CorpusError, IngestError, LoadError, UnknownDocumentError
from index.errors import BuildError, BuildLockedError, EmbedderError, IndexNotBuiltError, IndexUnavailableError

__all__ = [
    "BuildError",
    "BuildLockedError",
    "CorpusError",
    "EmbedderError",
    "IndexNotBuiltError",
    "IndexUnavailableError",
    "IngestError",
    "LoadError",
    "QuestionError",
    "UnknownDocumentError",
]


class QuestionError(CorpusError):
    """A question that cannot be searched (empty, too long, no words)."""

    code = "invalid_question"

    def __init__(self, message: str, code: str = "invalid_question") -> None:
        super().__init__(message)
        self.code = code
