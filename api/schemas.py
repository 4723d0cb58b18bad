"""Request and response bodies of the JSON API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class ErrorBody(BaseModel):
    code: str = Field(description="Mã lỗi ổn định, để máy đọc")
    message: str = Field(description="Thông báo tiếng Việt cho người dùng")


class ErrorResponse(BaseModel):
    error: ErrorBody


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
