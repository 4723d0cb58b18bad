"""The audit trail for administrators (export as CSV or JSON, the admin page), and answers exported
as DOCX or printable HTML for anyone who has the answer's id."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.audit import CHANNELS, to_csv
from api.deps import AdminDep, AuditDep
from api.errors import ApiError
from api.export import answer_docx, answer_html
from api.schemas import error_responses

router = APIRouter(prefix="/v1", tags=["nhật ký và xuất"])
_ID = re.compile(r"^[0-9a-f]{8,64}$")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.get(
    "/admin/audit",
    summary="Nhật ký hỏi đáp (quản trị): JSON hoặc CSV",
    responses={
        200: {"content": {"application/json": {}, "text/csv": {"schema": {"type": "string"}}}},
        **error_responses(401, 403),
    },
)
def audit_export(
    _: AdminDep,
    audit: AuditDep,
    format: Literal["json", "csv"] = "json",
    since: dt.date | None = None,
    until: dt.date | None = None,
    channel: Literal[CHANNELS] | None = None,  # type: ignore[valid-type]
    unanswered: bool = False,
    limit: int = Query(1000, ge=1, le=100_000),
) -> Response:
    rows = audit.rows(since=since, until=until, channel=channel, unanswered=unanswered, limit=limit)
    if format == "csv":
        name = f"nhat-ky-hoi-dap-{dt.date.today():%Y%m%d}.csv"
        return Response(
            to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return JSONResponse(rows)


def _record(audit, answer_id: str) -> dict:
    record = audit.answer(answer_id) if _ID.match(answer_id) else None
    if record is None:
        raise ApiError(404, "unknown_answer", "Không có câu trả lời với mã này (hoặc đã quá hạn lưu nhật ký).")
    return record


@router.get(
    "/answers/{answer_id}.docx",
    summary="Xuất câu trả lời ra DOCX",
    response_class=Response,
    responses={200: {"content": {DOCX: {"schema": {"type": "string", "format": "binary"}}}}, **error_responses(404)},
)
def answer_as_docx(answer_id: str, audit: AuditDep) -> Response:
    record = _record(audit, answer_id)
    return Response(
        answer_docx(record),
        media_type=DOCX,
        headers={"Content-Disposition": f'attachment; filename="tra-loi-{answer_id[:8]}.docx"'},
    )


@router.get(
    "/answers/{answer_id}.html",
    summary="Câu trả lời dạng trang in",
    response_class=HTMLResponse,
    responses=error_responses(404),
)
def answer_as_html(answer_id: str, audit: AuditDep) -> HTMLResponse:
    return HTMLResponse(answer_html(_record(audit, answer_id)))
