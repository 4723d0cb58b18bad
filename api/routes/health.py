"""GET /health."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AssistantDep
from api.schemas import Health
from index.errors import IndexNotBuiltError

router = APIRouter(tags=["hệ thống"])


@router.get("/health", response_model=Health, summary="Tình trạng dịch vụ và chỉ mục")
def health(assistant: AssistantDep) -> Health:
    try:
        index = assistant.index()
    except IndexNotBuiltError:
        return Health(status="no_index", index_version=None, documents=0, chunks=0, model=None)
    m = index.manifest
    return Health(
        status="ok",
        index_version=index.version,
        documents=m["documents"],
        chunks=m["chunks"],
        model=m["model"],
    )
