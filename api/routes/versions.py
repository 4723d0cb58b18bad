"""Versions of a document: the list, a diff between two, and restoring an earlier one (admin)."""

from __future__ import annotations

import re

from fastapi import APIRouter, BackgroundTasks
from starlette.concurrency import run_in_threadpool

from api.deps import AdminDep, AssistantDep, StoreDep
from api.errors import ApiError
from api.jobs import reindex
from api.present import doc_id, document_body
from api.routes.documents import _document
from api.schemas import RestoreResponse, VersionDiff, VersionList, error_responses
from assistant.service import Assistant
from corpus.diff import diff
from corpus.model import Document
from corpus.versions import UnknownVersionError, current_number, history, version_document

router = APIRouter(prefix="/v1", tags=["phiên bản văn bản"])
# "current", or a version number (at most 6 digits: a path segment is never turned into a huge int).
_VERSION = re.compile(r"^(current|[1-9][0-9]{0,5})$", re.IGNORECASE)


def _number(document: Document, name: str) -> int:
    if not _VERSION.match(name):
        raise ApiError(
            404, "unknown_version", f"Tên phiên bản '{name[:40]}' không hợp lệ: dùng số (1, 2, …) hoặc current."
        )
    return current_number(document) if name.lower() == "current" else int(name)


def _version(assistant: Assistant, document: Document, number: int) -> Document:
    try:
        return version_document(assistant.corpus, document, number)
    except UnknownVersionError as exc:
        raise ApiError(404, "unknown_version", exc.message) from None


@router.get(
    "/documents/{document_id}/versions",
    response_model=VersionList,
    responses=error_responses(404),
    summary="Các phiên bản của văn bản",
)
def list_versions(document_id: str, assistant: AssistantDep) -> dict:
    doc = _document(assistant, document_id)
    versions = history(assistant.corpus, doc)
    return {
        "document": doc.number,
        "id": doc_id(doc.number),
        "current": current_number(doc),
        "versions": [
            {
                **{k: getattr(v, k) for k in ("number", "since", "saved", "provenance", "source", "origin", "reason")},
                "restored_from": v.restored_from,
                "current": i == 0,
                "official": v.provenance == "official",
                "sha256": v.sha256[:12],
                "size": v.size,
            }
            for i, v in enumerate(versions)
        ],
    }


@router.get(
    "/documents/{document_id}/versions/{older}/diff/{newer}",
    response_model=VersionDiff,
    responses=error_responses(404),
    summary="So sánh hai phiên bản",
)
def diff_versions(document_id: str, older: str, newer: str, assistant: AssistantDep) -> dict:
    doc = _document(assistant, document_id)
    a, b = _number(doc, older), _number(doc, newer)
    changes = diff(
        _version(assistant, doc, a), _version(assistant, doc, b), old_name=f"phiên bản {a}", new_name=f"phiên bản {b}"
    )
    return {
        "document": doc.number,
        "id": doc_id(doc.number),
        "from_version": a,
        "to_version": b,
        "added": changes.added,
        "removed": changes.removed,
        "truncated": changes.truncated,
        "unified": changes.unified,
        "lines": [vars(line) for line in changes.lines],
        "sections": changes.sections,
    }


@router.post(
    "/documents/{document_id}/versions/{version}/restore",
    response_model=RestoreResponse,
    status_code=202,
    responses=error_responses(401, 403, 404, 409),
    summary="Khôi phục một phiên bản cũ (quản trị)",
)
async def restore_version(
    document_id: str,
    version: str,
    _: AdminDep,
    assistant: AssistantDep,
    store: StoreDep,
    background: BackgroundTasks,
) -> dict:
    doc = _document(assistant, document_id)
    number = _number(doc, version)
    if number == current_number(doc):
        raise ApiError(409, "already_current", f"Phiên bản {number} đang là bản hiện hành của văn bản {doc.number}.")
    try:
        # The registry keeps the current text as a new version first, then writes this one (never lossy).
        result = await run_in_threadpool(assistant.corpus.restore, doc.number, number)
    except UnknownVersionError as exc:
        raise ApiError(404, "unknown_version", exc.message) from None
    restored = result.document.number
    job_id = store.new_job(
        "reindex", f"Xây dựng lại chỉ mục sau khi khôi phục {restored} về phiên bản {number}", {"documents": [restored]}
    )
    background.add_task(reindex, assistant, store, job_id)
    return {"document": document_body(result.document), "restored_from": number, "job_id": job_id}
