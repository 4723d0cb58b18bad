"""Documents, sections, official uploads (admin) and the background jobs that re-index."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from fastapi import APIRouter, BackgroundTasks, UploadFile
from starlette.concurrency import run_in_threadpool

from api.deps import AdminDep, AssistantDep, SettingsDep, StoreDep
from api.errors import ApiError
from api.jobs import reindex
from api.present import doc_id, document_body, section_body
from api.schemas import DocumentDetail, DocumentOut, JobOut, SectionDetail, UploadResponse, error_responses
from assistant.format import COMPILED_MARK, ocr_note
from assistant.service import Assistant
from corpus.model import Document

router = APIRouter(prefix="/v1", tags=["văn bản"])
ALLOWED = (".pdf", ".docx", ".md", ".txt", ".html", ".htm")
_ID = re.compile(r"^[A-Za-z0-9-]{1,80}$")
_ANCHOR = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+){0,8}$")
_NOT_FOUND = error_responses(404)


def _document(assistant: Assistant, document_id: str) -> Document:
    # Ids are looked up in the registry, never used as file paths.
    if not _ID.match(document_id):
        raise ApiError(404, "unknown_document", "Mã văn bản không hợp lệ.")
    for doc in assistant.corpus.documents():
        if doc_id(doc.number).lower() == document_id.lower():
            return doc
    raise ApiError(404, "unknown_document", f"Không có văn bản mã {document_id} trong kho văn bản.")


@router.get("/documents", response_model=list[DocumentOut], summary="Danh sách văn bản")
def list_documents(assistant: AssistantDep) -> list[dict]:
    return [document_body(d) for d in assistant.corpus.documents()]


@router.get(
    "/documents/{document_id}", response_model=DocumentDetail, responses=_NOT_FOUND, summary="Toàn văn theo mục"
)
def get_document(document_id: str, assistant: AssistantDep) -> dict:
    doc = _document(assistant, document_id)
    sections = assistant.corpus.tree(doc.number).walk()[1:]
    return {**document_body(doc), "sections": [section_body(s) for s in sections]}


@router.get(
    "/documents/{document_id}/sections/{anchor:path}",
    response_model=SectionDetail,
    responses=_NOT_FOUND,
    summary="Một mục của văn bản",
)
def get_section(document_id: str, anchor: str, assistant: AssistantDep) -> dict:
    doc = _document(assistant, document_id)
    if not _ANCHOR.match(anchor):
        raise ApiError(404, "unknown_section", "Địa chỉ mục không hợp lệ.")
    root = assistant.corpus.tree(doc.number)
    section = next((s for s in root.walk()[1:] if s.anchor == anchor), None)
    if section is None:
        raise ApiError(404, "unknown_section", f"Văn bản {doc.number} không có mục '{anchor}'.")
    parent = None
    if len(section.labels) > 1:
        parent_section = next((s for s in root.walk() if s.path == section.parent_path), None)
        if parent_section is not None:
            parent = {"doc": doc.number, "path": parent_section.path}
    official = doc.meta.provenance == "official"
    return {
        **section_body(section),
        "doc": doc.number,
        "doc_id": doc_id(doc.number),
        "text": section.full_text(),
        "provenance": doc.meta.provenance,
        "official": official,
        "note": None if official else COMPILED_MARK,
        "ocr_note": ocr_note(doc.meta, [s.page for s in section.walk()]),
        "parent": parent,
        "children": [{"doc": doc.number, "path": c.path} for c in section.children],
    }


@router.post(
    "/documents",
    response_model=UploadResponse,
    status_code=202,
    summary="Nạp bản chính thức (quản trị)",
    responses=error_responses(400, 401, 403, 413),
)
async def upload_document(
    file: UploadFile,
    _: AdminDep,
    settings: SettingsDep,
    assistant: AssistantDep,
    store: StoreDep,
    background: BackgroundTasks,
    official: bool = True,
    number: str | None = None,
) -> dict:
    name = Path(file.filename or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED:
        raise ApiError(
            400, "unsupported_file", f"Chỉ nhận tệp {', '.join(ALLOWED)}; tệp '{name or '(không tên)'}' không hợp lệ."
        )
    limit = settings.max_upload_mb * 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        # Keep the uploaded name (sanitised) so errors name the file the official sent.
        safe = re.sub(r"[^\w.\-]+", "_", Path(name).stem)[:80] or "upload"
        target = Path(tmp) / f"{safe}{suffix}"
        size = 0
        with target.open("wb") as out:
            while chunk := await file.read(1024 * 1024):
                size += len(chunk)
                if size > limit:
                    raise ApiError(413, "file_too_large", f"Tệp quá lớn (tối đa {settings.max_upload_mb} MB).")
                out.write(chunk)
        # Parsed first; only a document that parses is stored (Corpus.ingest).
        result = await run_in_threadpool(assistant.ingest, target, official=official, number=number)
        shutil.rmtree(tmp, ignore_errors=True)
    number = result.document.number
    report = result.criteria
    criteria = (
        {
            "sets": [c.id for c in report.sets],
            "indicators": sum(len(c.indicators()) for c in report.sets),
            "problems": [str(p) for p in report.problems],
        }
        if report is not None and (report.sets or report.problems)
        else None
    )
    detail = {"documents": [number], **({"criteria": criteria} if criteria else {})}
    job_id = store.new_job("reindex", f"Xây dựng lại chỉ mục sau khi nạp {number}", detail)
    background.add_task(reindex, assistant, store, job_id)
    return {
        "document": document_body(result.document),
        "replaced": result.replaced.meta.provenance if result.replaced else None,
        "job_id": job_id,
        "criteria": criteria,
    }


@router.get("/jobs/{job_id}", response_model=JobOut, responses=_NOT_FOUND, summary="Trạng thái công việc nền")
def get_job(job_id: str, store: StoreDep) -> dict:
    job = store.job(job_id) if re.fullmatch(r"[0-9a-f]{32}", job_id) else None
    if job is None:
        raise ApiError(404, "unknown_job", "Không có công việc này.")
    return job
