"""Shared dependencies: settings and the assistant, built once and overridable in tests."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Annotated

from fastapi import Depends

from assistant.service import Assistant
from assistant.settings import Settings


@lru_cache
def get_settings() -> Settings:
    return Settings()


_assistants: dict[int, tuple[Settings, Assistant]] = {}
_lock = threading.Lock()


def get_assistant(settings: Annotated[Settings, Depends(get_settings)]) -> Assistant:
    """One Assistant per Settings object (the settings are built once, so one per process)."""
    with _lock:
        entry = _assistants.get(id(settings))
        if entry is None or entry[0] is not settings:
            entry = (settings, Assistant(settings))
            _assistants[id(settings)] = entry
        return entry[1]


SettingsDep = Annotated[Settings, Depends(get_settings)]
AssistantDep = Annotated[Assistant, Depends(get_assistant)]
