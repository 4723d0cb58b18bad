"""POST /v1/feedback: a rating and comment tied to an answer id, kept in SQLite."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.errors import ApiError
from api.schemas import FeedbackIn, FeedbackOut, error_responses

router = APIRouter(prefix="/v1", tags=["phản hồi"])


@router.post("/feedback", response_model=FeedbackOut, status_code=201, responses=error_responses(404))
def feedback(body: FeedbackIn, store: StoreDep) -> dict:
    if not store.known_answer(body.answer_id):
        raise ApiError(404, "unknown_answer", "Không tìm thấy câu trả lời này để ghi nhận phản hồi.")
    return {"id": store.add_feedback(body.answer_id, body.rating, body.comment)}
