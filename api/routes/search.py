"""POST /v1/search."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import AssistantDep
from api.schemas import SearchHit, SearchRequest, SearchResponse, error_responses

router = APIRouter(prefix="/v1", tags=["tra cứu"])


@router.post(
    "/search",
    response_model=SearchResponse,
    summary="Tìm đoạn văn bản liên quan",
    responses=error_responses(400, 404, 503),
)
async def search(body: SearchRequest, assistant: AssistantDep) -> SearchResponse:
    results = await run_in_threadpool(assistant.search, body.query, body.k, body.doc, body.mode)
    hits = [
        SearchHit(
            id=r.chunk.id,
            doc=r.chunk.doc,
            path=r.chunk.path,
            parent=r.parent_path,
            sections=r.chunk.section_paths,
            page=r.chunk.page,
            score=round(r.score, 6),
            ranks=r.ranks,
            provenance=str(r.chunk.meta.get("provenance", "compiled")),
            official=r.chunk.meta.get("provenance") == "official",
            text=r.chunk.text,
        )
        for r in results
    ]
    return SearchResponse(query=body.query, index_version=assistant.index().version, results=hits)
