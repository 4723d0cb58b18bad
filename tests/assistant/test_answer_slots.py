"""One process answers as many questions at once as it has cores, the others wait their turn (assistant.settings)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from assistant.service import Assistant
from assistant.settings import Settings, answer_slots


def _most_at_once(assistant: Assistant, questions: int) -> int:
    """Ask `questions` questions from as many threads; how many answers were being computed at the same time."""
    lock = threading.Lock()
    now = most = 0

    def slow_answer(question: str, **_: object) -> str:
        nonlocal now, most
        with lock:
            now += 1
            most = max(most, now)
        time.sleep(0.05)
        with lock:
            now -= 1
        return question

    assistant._answer = slow_answer  # type: ignore[method-assign]
    with ThreadPoolExecutor(questions) as pool:
        answers = list(pool.map(assistant.ask, [f"câu {i}" for i in range(questions)]))
    assert answers == [f"câu {i}" for i in range(questions)]  # every question answered, none lost
    return most


def test_one_slot_answers_one_question_at_a_time(settings: Settings) -> None:
    assert _most_at_once(Assistant(settings.model_copy(update={"answer_slots": 1})), 4) == 1


def test_more_slots_answer_that_many_at_once(settings: Settings) -> None:
    assert _most_at_once(Assistant(settings.model_copy(update={"answer_slots": 3})), 6) == 3


def test_a_failing_question_gives_its_slot_back(settings: Settings) -> None:
    assistant = Assistant(settings.model_copy(update={"answer_slots": 1}))

    def failing(question: str, **_: object) -> str:
        raise ValueError(question)

    assistant._answer = failing  # type: ignore[method-assign]
    for _ in range(3):  # a slot kept by the first failure would block the second ask for ever
        with pytest.raises(ValueError):
            assistant.ask("câu hỏi lỗi")


@pytest.mark.parametrize(
    ("cores", "workers", "slots"),
    [(2, 2, 1), (2, 1, 2), (8, 2, 4), (2, 4, 1), (1, 1, 1)],
)
def test_by_default_each_process_gets_its_share_of_the_cores(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, cores: int, workers: int, slots: int
) -> None:
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    assert answer_slots(settings.model_copy(update={"workers": workers})) == slots


def test_the_setting_wins_over_the_share(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    assert answer_slots(settings.model_copy(update={"workers": 2, "answer_slots": 3})) == 3


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("NTM_ANSWER_SLOTS", "2")
    assert Settings(data_dir=tmp_path, _env_file=None).answer_slots == 2
    monkeypatch.setenv("NTM_ANSWER_SLOTS", "0")
    with pytest.raises(ValueError):
        Settings(data_dir=tmp_path, _env_file=None)
