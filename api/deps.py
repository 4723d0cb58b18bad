"""Shared dependencies: settings, the assistant, the store and the admin check, built once and
overridable in tests."""

from __future__ import annotations

import hmac
import threading
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Header, Request

from api.audit import Asker, AuditLog
from api.errors import ApiError
from api.store import Store
from assistant.service import Assistant
from assistant.settings import Settings


@lru_cache
def load_settings() -> Settings:
    """The settings from NTM_* and .env, read once per process."""
    return Settings()


async def get_settings(request: Request) -> Settings:
    """The app's own settings, which create_app keeps on app.state. Not a dependency override: FastAPI
    inspects an override's signature anew on every request (nine times per question), and an async
    dependency needs no trip to the thread pool."""
    return request.app.state.settings


_lock = threading.Lock()
_assistants: dict[int, tuple[Settings, Assistant]] = {}
_stores: dict[int, tuple[Settings, Store]] = {}
_audits: dict[int, tuple[Settings, AuditLog]] = {}


def get_assistant(settings: Annotated[Settings, Depends(get_settings)]) -> Assistant:
    """The request's assistant; a plain function (run in the thread pool), since it may reload documents."""
    return assistant_for(settings)


async def get_store(settings: Annotated[Settings, Depends(get_settings)]) -> Store:
    return store_for(settings)


async def get_audit(settings: Annotated[Settings, Depends(get_settings)]) -> AuditLog:
    return audit_for(settings)


def assistant_for(settings: Settings) -> Assistant:
    """One Assistant per Settings object (the settings are built once, so one per process)."""
    with _lock:
        entry = _assistants.get(id(settings))
        if entry is None or entry[0] is not settings:
            entry = (settings, Assistant(settings))
            _assistants[id(settings)] = entry
    # Another worker (or `ntm ingest`) may have changed the documents: every request sees them as on disk.
    entry[1].refresh()
    return entry[1]


def store_for(settings: Settings) -> Store:
    with _lock:
        entry = _stores.get(id(settings))
        if entry is None or entry[0] is not settings:
            entry = (settings, Store(settings.app_db))
            _stores[id(settings)] = entry
        return entry[1]


def audit_for(settings: Settings) -> AuditLog:
    with _lock:
        entry = _audits.get(id(settings))
        if entry is None or entry[0] is not settings:
            entry = (settings, AuditLog(settings.app_db, settings.audit_retention_days))
            _audits[id(settings)] = entry
        return entry[1]


def asker(request: Request, channel: str, user: str | None = None, chat_id: str | None = None) -> Asker:
    """Who asks: the channel, a user id when the channel gives one, the client's IP (hashed when stored)."""
    return Asker(channel=channel, user=user, ip=request.client.host if request.client else None, chat_id=chat_id)


def require_admin(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Bearer token from NTM_ADMIN_TOKEN; compared in constant time."""
    if not settings.admin_token:
        raise ApiError(403, "admin_disabled", "Chức năng quản trị chưa được bật (chưa đặt NTM_ADMIN_TOKEN).")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "unauthorized", "Thiếu mã truy cập quản trị (Authorization: Bearer …).")
    if not hmac.compare_digest(token.encode(), settings.admin_token.encode()):
        raise ApiError(401, "unauthorized", "Mã truy cập quản trị không đúng.")


SettingsDep = Annotated[Settings, Depends(get_settings)]
AssistantDep = Annotated[Assistant, Depends(get_assistant)]
StoreDep = Annotated[Store, Depends(get_store)]
AuditDep = Annotated[AuditLog, Depends(get_audit)]
AdminDep = Annotated[None, Depends(require_admin)]
