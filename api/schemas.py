"""Request and response bodies of the JSON API."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field


class ErrorBody(BaseModel):
    code: str = Field(description="Mã lỗi ổn định, để máy đọc")
    message: str = Field(description="Thông báo tiếng Việt cho người dùng")
    errors: list[str] | None = Field(
        default=None,
        description="Từng lỗi của hồ sơ đánh giá (ô, trường), khi có",
        examples=[["ô H23: 'ba' không phải số"]],
    )


class ErrorResponse(BaseModel):
    error: ErrorBody


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the error statuses a route answers with, all as {"error": {code, message}}."""
    return {status: {"model": ErrorResponse} for status in statuses}


class AssessmentRequest(BaseModel):
    """A profile to assess (JSON). The same route also takes a filled template as multipart/form-data,
    field `file` (.xlsx, .csv or .json)."""

    set_id: str = Field(description="Mã bộ tiêu chí (hoặc trường 'set'), ví dụ 318-xa-ntm", examples=["318-xa-ntm"])
    name: str | None = Field(default=None, description="Tên đơn vị")
    level: str | None = Field(default=None, description="Cấp: xã hoặc huyện")
    province: str | None = Field(default=None, description="Tỉnh (xác định vùng của ngưỡng)")
    year: int | None = Field(default=None, description="Năm đánh giá")
    tier: str | None = Field(default=None, description="Hạng đã đạt")
    recognition_year: int | None = Field(default=None, description="Năm công nhận")
    values: dict[str, float | bool | str | None] = Field(
        default_factory=dict, description="Giá trị theo mã chỉ tiêu", examples=[{"10": 45, "17.1": 98.5}]
    )


class Health(BaseModel):
    status: Literal["ok", "no_index"]
    index_version: str | None
    documents: int
    chunks: int
    model: str | None


class SearchRequest(BaseModel):
    query: str = Field(
        description="Câu hỏi hoặc từ khóa",
        examples=["xã đạt chuẩn nông thôn mới giai đoạn 2016-2020"],
    )
    k: int = Field(5, ge=1, le=50, description="Số kết quả")
    doc: str | None = Field(None, description="Chỉ tìm trong văn bản có số hiệu này, ví dụ 318/QĐ-TTg")
    mode: Literal["hybrid", "bm25", "dense"] = "hybrid"


class SearchHit(BaseModel):
    id: str
    doc: str
    path: str
    parent: str | None = Field(None, description="Mục cha (điều, tiêu chí) để xem ngữ cảnh")
    sections: list[str]
    page: int | None
    score: float
    ranks: dict[str, int]
    provenance: str
    official: bool
    text: str


class SearchResponse(BaseModel):
    query: str
    index_version: str
    results: list[SearchHit]


# --- ask ----------------------------------------------------------------------------------


def _as_of(value: object) -> object:
    # A number is not a date here (0 would be 1970-01-01): only "YYYY-MM-DD" text, within 2009-2100.
    if value is None:
        return None
    if not isinstance(value, str | dt.date) or isinstance(value, bool):
        raise ValueError("ngày phải viết dạng YYYY-MM-DD")
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value) if _ISO.fullmatch(value) else None
    if day is None:
        raise ValueError("ngày phải viết dạng YYYY-MM-DD")
    if not 2009 <= day.year <= 2100:
        raise ValueError("ngày phải từ năm 2009 (bộ tiêu chí đầu tiên) đến năm 2100")
    return day


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
AsOf = Annotated[dt.date | None, BeforeValidator(_as_of)]


class AskRequest(BaseModel):
    question: str = Field(
        description="Câu hỏi (tối đa 2.000 ký tự)", examples=["Xã đạt chuẩn NTM năm 2017 thì năm 2023 phải làm gì?"]
    )
    as_of: AsOf = Field(
        None, description="Trả lời cho ngày này, dạng YYYY-MM-DD (mặc định: năm câu hỏi nêu, hoặc hôm nay)"
    )
    k: int = Field(8, ge=1, le=50, description="Số đoạn tham khảo")
    conversation_id: str | None = Field(None, max_length=100, description="Mã cuộc trò chuyện (để đối chiếu phản hồi)")
    history: list[Annotated[str, Field(max_length=2000)]] = Field(
        default_factory=list, max_length=20, description="Các câu hỏi trước trong cuộc trò chuyện"
    )


class RefOut(BaseModel):
    doc: str
    path: str


class StepOut(BaseModel):
    text: str
    refs: list[RefOut]


class TargetOut(BaseModel):
    doc: str
    catalogue_id: str | None
    title: str
    ref: RefOut


class CardOut(BaseModel):
    as_of: dt.date
    period: str
    level: str | None
    tier: str | None
    recognition: str | None
    status: str
    case: RefOut | None
    applicable: TargetOut | None
    actions: list[StepOut]
    duties: list[StepOut]
    notes: list[StepOut]
    missing: list[str]
    ask: str | None
    alternatives: list[CardOut]
    in_dispatch: bool
    previous: CardOut | None = Field(
        None, description="Câu trả lời theo quy định giai đoạn 2021-2025, khi hỏi cho thời điểm sau đó"
    )


class CitationOut(BaseModel):
    n: int
    doc: str
    doc_id: str
    path: str
    anchor: str
    page: int | None
    quote: str
    provenance: str
    official: bool
    note: str | None
    registry: bool = Field(False, description="Trích từ mục đăng ký: tóm tắt nguồn công khai, không phải nguyên văn")
    version: int = Field(1, description="Phiên bản hiện hành của văn bản được trích (xem /v1/documents/{id}/versions)")
    ocr_note: str | None = Field(None, description="'văn bản nhận dạng từ bản quét' khi trích từ trang PDF quét (OCR)")


class SentenceOut(BaseModel):
    text: str
    cites: list[int]


class AskResponse(BaseModel):
    id: str
    question: str
    as_of: dt.date
    kind: str = Field(
        description="applicability | criteria | documents | section | passages | duties | assessment | not_in_corpus "
        "| refusal"
    )
    scope: str = Field("answer", description="answer | not_in_corpus | out_of_domain")
    refused: bool
    reason: str | None
    mode: str
    flags: list[str]
    text: str
    sentences: list[SentenceOut]
    citations: list[CitationOut]
    card: CardOut | None
    timings: dict[str, float]


class ApplicabilityRequest(BaseModel):
    level: Literal["xã", "huyện", "thị xã", "thành phố"] | None = Field(None, description="Cấp")
    tier: Literal["NTM", "nâng cao", "kiểu mẫu", "thông minh"] | None = Field(None, description="Hạng đã đạt")
    year: int | None = Field(None, ge=2009, le=2100, description="Năm được công nhận")
    period: str | None = Field(None, pattern=r"^\d{4}-\d{4}$", description="Giai đoạn được công nhận, ví dụ 2016-2020")
    set: str | None = Field(None, max_length=40, description="Bộ tiêu chí đã được công nhận theo, ví dụ 558/QĐ-TTg")
    not_recognised: bool = Field(False, description="Chưa đạt chuẩn")
    as_of: AsOf = Field(None, description="Trả lời cho ngày này, dạng YYYY-MM-DD (mặc định hôm nay)")


# --- documents ------------------------------------------------------------------------------


class DocumentOut(BaseModel):
    id: str
    number: str
    title: str | None
    kind: str | None
    issued: dt.date | None
    issuer: str | None
    signer: str | None
    level: list[str]
    tier: list[str]
    period: str | None
    provenance: str
    official: bool
    status: str
    superseded_by: str | None
    status_from: dt.date | None
    in_force_from: dt.date | None = None
    full_text: bool
    ocr_pages: list[int] = Field(
        default_factory=list, description="Các trang PDF quét được đọc bằng nhận dạng chữ (OCR)"
    )
    sources: list[dict] = Field(default_factory=list, description="Trang công khai cho thấy các thông tin của mục")
    disputes: list[str] = Field(default_factory=list, description="Chỗ các nguồn không khớp nhau")
    source_url: str | None
    notes: str | None
    relations: list[dict]
    version: int = Field(1, description="Số phiên bản hiện hành (1 khi văn bản chưa từng bị thay)")


class SectionOut(BaseModel):
    anchor: str
    path: str
    label: str
    kind: str
    title: str
    page: int | None
    depth: int
    text: str


class DocumentDetail(DocumentOut):
    sections: list[SectionOut]


class SectionDetail(BaseModel):
    doc: str
    doc_id: str
    path: str
    anchor: str
    label: str
    kind: str
    title: str
    page: int | None
    text: str
    provenance: str
    official: bool
    note: str | None
    ocr_note: str | None = Field(
        None, description="'văn bản nhận dạng từ bản quét' khi mục đọc từ trang PDF quét (OCR)"
    )
    parent: RefOut | None
    children: list[RefOut]


class CriteriaImport(BaseModel):
    sets: list[str] = Field(description="Mã các bộ tiêu chí nhập từ bảng của tệp")
    indicators: int = Field(description="Số chỉ tiêu đã nhập")
    problems: list[str] = Field(description="Từng ô không nhập được: trang, hàng, cột, nội dung, lý do")


class UploadResponse(BaseModel):
    document: DocumentOut
    replaced: str | None = Field(None, description="Nguồn gốc của bản bị thay (official/compiled), nếu có")
    job_id: str
    criteria: CriteriaImport | None = Field(None, description="Bảng tiêu chí nhập vào danh mục (tệp chính thức)")


class JobOut(BaseModel):
    id: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    message: str | None
    detail: dict | None
    created: str
    finished: str | None


class FeedbackIn(BaseModel):
    answer_id: str = Field(min_length=8, max_length=64, pattern=r"^[0-9a-f]+$")
    rating: Literal[1, -1] = Field(description="1: hữu ích, -1: không hữu ích")
    comment: str | None = Field(None, max_length=2000)


class FeedbackOut(BaseModel):
    id: int


# --- versions -------------------------------------------------------------------------------


class VersionOut(BaseModel):
    number: int = Field(description="Số phiên bản: 1, 2, …; bản hiện hành có số lớn nhất")
    current: bool
    since: str | None = Field(None, description="Thời điểm bản này trở thành hiện hành (ISO 8601, UTC), nếu biết")
    saved: str | None = Field(None, description="Thời điểm bản này bị thay và được lưu lại; null với bản hiện hành")
    provenance: str | None
    official: bool
    source: str | None = Field(None, description="Tệp nguồn của bản này (tệp tải lên, tệp có sẵn)")
    origin: str | None = Field(None, description="built-in (văn bản có sẵn) hoặc ingested (văn bản nạp vào)")
    reason: str | None = Field(None, description="Vì sao bản này bị thay, ví dụ 'thay bằng tệp qd318.pdf'")
    restored_from: int | None = Field(None, description="Bản này là bản khôi phục của phiên bản số này")
    sha256: str = Field(description="12 ký tự đầu của SHA-256 của tệp")
    size: int = Field(description="Kích thước tệp (byte)")


class VersionList(BaseModel):
    document: str
    id: str
    current: int
    versions: list[VersionOut] = Field(description="Mới nhất trước")


class DiffLineOut(BaseModel):
    op: Literal["+", "-", " ", "@"] = Field(description="+ thêm, - bỏ, dấu cách: không đổi (ngữ cảnh), @ đầu đoạn")
    text: str
    old: int | None = Field(None, description="Số dòng trong bản cũ")
    new: int | None = Field(None, description="Số dòng trong bản mới")


class SectionRef(BaseModel):
    path: str
    anchor: str


class SectionChanges(BaseModel):
    added: list[SectionRef]
    removed: list[SectionRef]
    changed: list[SectionRef]


class VersionDiff(BaseModel):
    document: str
    id: str
    from_version: int
    to_version: int
    added: int = Field(description="Số dòng thêm")
    removed: int = Field(description="Số dòng bỏ")
    truncated: bool = Field(description="Bản so sánh quá dài nên đã bị cắt")
    unified: str = Field(description="Unified diff (difflib) của phần nội dung, không gồm phần thông tin đầu")
    lines: list[DiffLineOut]
    sections: SectionChanges = Field(description="Các mục thêm, bỏ hoặc đổi nội dung (so theo đường dẫn mục)")


class RestoreResponse(BaseModel):
    document: DocumentOut
    restored_from: int
    job_id: str
