"""Errors raised by the index layer."""

from __future__ import annotations

from corpus.errors import CorpusError


class IndexError_(CorpusError):
    """Base for index errors (named with a trailing underscore: IndexError is a builtin)."""

    code = "index_error"


class EmbedderError(IndexError_):
    """An embedding model that cannot be loaded or used."""

    code = "embedder_error"


class IndexNotBuiltError(IndexError_):
    """No complete index exists yet."""

    code = "index_not_built"

    def __init__(self) -> None:
        super().__init__("Chưa có chỉ mục. Hãy chạy 'ntm index' để xây dựng chỉ mục.")


class BuildError(IndexError_):
    """A build failed; the previous index is still the one served."""

    code = "build_failed"


class BuildLockedError(IndexError_):
    """Another process is building the index right now."""

    code = "build_locked"

    def __init__(self) -> None:
        super().__init__("Một tiến trình khác đang xây dựng chỉ mục; hãy thử lại sau.")


class IndexUnavailableError(IndexError_):
    """The vector store (a Chroma server) does not answer; the index itself is intact."""

    code = "index_unavailable"

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "Máy chủ Chroma không phản hồi; tạm thời không tra cứu được. Vui lòng thử lại sau."
            + (f" ({detail})" if detail else "")
        )
