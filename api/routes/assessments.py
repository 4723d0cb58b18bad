"""Compliance gap reports: templates, assessments (JSON or an uploaded file), HTML/XLSX reports."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from api.deps import AssistantDep, SettingsDep
from api.errors import ApiError
from api.schemas import error_responses
from assistant.assess import assess, to_html, to_xlsx
from assistant.profile import ProfileError, profile_from_json, read_profile, template_rows, write_template
from corpus.places import PlaceError, column_for

router = APIRouter(prefix="/v1/assessments", tags=["đánh giá"])
UPLOADS = (".xlsx", ".csv", ".json")


def _set(assistant, set_id: str):
    cset = assistant.catalogue.sets.get(set_id)
    if cset is None:
        raise ApiError(404, "unknown_set", f"Không có bộ tiêu chí '{set_id}'.")
    return cset


def _region(assistant, cset, province: str | None) -> str | None:
    if not province:
        return None
    try:
        return column_for(assistant.catalogue.regions, cset.region_scheme, province, assistant.settings.now())
    except PlaceError as exc:
        raise ApiError(400, "unknown_province", str(exc)) from None


@router.get("/sets", summary="Các bộ tiêu chí có thể đánh giá")
def sets(assistant: AssistantDep) -> list[dict]:
    return [
        {
            "id": s.id,
            "title": s.title,
            "document": s.document,
            "level": s.level,
            "tier": s.tier,
            "period": s.period,
            "regional": bool(s.region_scheme),
            # "province": the province selects a region column; "commune_group": nhóm xã 1-3 does.
            "grouping": assistant.catalogue.regions.schemes[s.region_scheme].by if s.region_scheme else None,
            "groups": [r.name for r in assistant.catalogue.regions.schemes[s.region_scheme].regions]
            if s.region_scheme and assistant.catalogue.regions.schemes[s.region_scheme].by == "commune_group"
            else [],
            "indicators": len(s.indicators()),
            "declared_indicators": s.declared_indicators,
        }
        for s in assistant.catalogue.sets.values()
    ]


@router.get("/provinces", summary="Các tỉnh, thành phố: 34 đơn vị từ 01/7/2025, hoặc 63 tỉnh cũ (former=true)")
def provinces(assistant: AssistantDep, former: bool = False) -> list[str]:
    """The 34 units by default; the 63 former provinces (as 'X (cũ)') for 2021-2025 reviews."""
    regions = assistant.catalogue.regions
    if former or regions.reorganisation is None:
        return [f"{p.name} (cũ)" if regions.reorganisation else p.name for p in regions.provinces]
    return [u.name for u in regions.reorganisation.units]


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/template",
    summary="Mẫu nhập số liệu (XLSX, CSV hoặc JSON)",
    responses={
        200: {
            "description": "Mẫu: XLSX, CSV hoặc JSON theo tham số format",
            "content": {_XLSX: {}, "text/csv": {}, "application/json": {}},
        },
        **error_responses(400, 404),
    },
)
def template(
    assistant: AssistantDep,
    set: Annotated[str, Query(description="Mã bộ tiêu chí, ví dụ 318-xa-ntm")],
    province: Annotated[str | None, Query(description="Tỉnh, để điền ngưỡng theo vùng")] = None,
    year: Annotated[int | None, Query(ge=2009, le=2100)] = None,
    format: Annotated[Literal["xlsx", "csv", "json"], Query()] = "xlsx",
) -> Response:
    cset = _set(assistant, set)
    region = _region(assistant, cset, province)
    if format == "json":
        return JSONResponse({"set": cset.id, "title": cset.title, "rows": template_rows(cset, region, year)})
    tmp = tempfile.mkdtemp()
    xlsx, csv_path = write_template(cset, Path(tmp), region, province, year)
    path = xlsx if format == "xlsx" else csv_path
    return FileResponse(path, filename=path.name, background=BackgroundTask(shutil.rmtree, tmp, True))


def _report(assessment, format: str) -> Response:
    if format == "html":
        return HTMLResponse(to_html(assessment))
    if format == "xlsx":
        tmp = tempfile.mkdtemp()
        path = to_xlsx(assessment, Path(tmp) / "bao-cao-danh-gia.xlsx")
        return FileResponse(path, filename=path.name, background=BackgroundTask(shutil.rmtree, tmp, True))
    return JSONResponse(json.loads(json.dumps(assessment.to_dict(), ensure_ascii=False, default=str)))


@router.post(
    "",
    summary="Đánh giá mức đạt theo bộ tiêu chí (JSON hoặc tải tệp mẫu đã điền)",
    responses={
        200: {
            "description": "Báo cáo: JSON, HTML in được hoặc Excel theo tham số format",
            "content": {"application/json": {}, "text/html": {}, _XLSX: {}},
        },
        **error_responses(400, 413, 422),
    },
    # The body is read by hand (JSON or a multipart upload), so it is declared here; api.openapi
    # adds the AssessmentRequest schema.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/AssessmentRequest"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
)
async def create(
    request: Request,
    assistant: AssistantDep,
    settings: SettingsDep,
    format: Annotated[Literal["json", "html", "xlsx"], Query()] = "json",
) -> Response:
    content_type = request.headers.get("content-type", "")
    try:
        if content_type.startswith("multipart/form-data"):
            form = await request.form()
            upload: Any = form.get("file")
            if upload is None or not hasattr(upload, "filename"):
                raise ApiError(400, "missing_file", "Thiếu tệp (trường 'file').")
            suffix = Path(upload.filename or "").suffix.lower()
            if suffix not in UPLOADS:
                raise ApiError(400, "unsupported_file", f"Chỉ nhận tệp {', '.join(UPLOADS)}.")
            data = await upload.read()
            if len(data) > settings.max_upload_mb * 1024 * 1024:
                raise ApiError(413, "file_too_large", f"Tệp quá lớn (tối đa {settings.max_upload_mb} MB).")
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"ho-so{suffix}"
                path.write_bytes(data)
                profile = await run_in_threadpool(read_profile, path)
        else:
            try:
                body = await request.json()
            except ValueError:
                raise ApiError(422, "invalid_request", "Yêu cầu không hợp lệ: JSON không hợp lệ.") from None
            profile = profile_from_json(body)
        result = await run_in_threadpool(
            assess, profile, assistant.catalogue, assistant.corpus, default_province=settings.province
        )
    except ProfileError as exc:
        return JSONResponse(
            status_code=422, content={"error": {"code": exc.code, "message": exc.message, "errors": exc.errors}}
        )
    return _report(result, format)
