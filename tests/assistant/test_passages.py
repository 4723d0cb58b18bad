"""The passages answerer: a quoted point names the actor its clause's lead-in gives it to, when asked who."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.answerers.passages import _actor
from assistant.asks import Need

POINT = "1980/QĐ-TTg › Điều 2 › Khoản 3 › Điểm b"


def _ctx(assistant, asks: set[str]) -> SimpleNamespace:
    return SimpleNamespace(need=Need(asks=asks), section=assistant.section)


def test_a_point_asked_who_names_the_actor_of_its_clause(full_assistant) -> None:
    ctx = _ctx(full_assistant, {"duty"})
    assert _actor(ctx, full_assistant.section(POINT)) == " (giao Bộ Nông nghiệp và Phát triển nông thôn)"
    assert (
        _actor(ctx, full_assistant.section("1980/QĐ-TTg › Điều 2 › Khoản 3"))
        == " (giao Bộ Nông nghiệp và Phát triển nông thôn)"
    )
    # A clause with no points names its actor in its own words; a question not asking who gets no actor.
    assert _actor(ctx, full_assistant.section("1980/QĐ-TTg › Điều 2 › Khoản 2")) == ""
    assert _actor(_ctx(full_assistant, {"contents"}), full_assistant.section(POINT)) == ""


def test_the_cases_a_commune_loses_its_recognition_are_quoted_first(full_assistant) -> None:
    a = full_assistant.ask("Khi nào xã bị thu hồi quyết định công nhận đạt chuẩn NTM?")
    first = a.text.split("\n")[0]
    assert "18/2022/QĐ-TTg" in first and "công nhận xã đạt chuẩn" in first
