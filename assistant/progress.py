"""Build progress as plain lines, for logs, pipes and systemd journals (rich draws its bars only on a
terminal and would print nothing until the end): a line when a stage starts, every few seconds while
it runs, and when it ends."""

from __future__ import annotations

import time
from collections.abc import Callable


class LineProgress:
    """A `Progress` callback (stage, advance, total) that writes lines through `write`."""

    def __init__(
        self,
        write: Callable[[str], None],
        labels: dict[str, str],
        every: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.write, self.labels, self.every, self.clock = write, labels, every, clock
        self.done: dict[str, int] = {}
        self.started: dict[str, float] = {}
        self.last = 0.0

    def _line(self, stage: str, total: int) -> str:
        done = min(self.done[stage], total)
        share = f" ({100 * done // total}%)" if total else ""
        return f"{self.labels.get(stage, stage)}: {done}/{total}{share}, {self.clock() - self.started[stage]:.0f} s"

    def __call__(self, stage: str, advance: int, total: int) -> None:
        now = self.clock()
        if stage not in self.done:
            self.done[stage], self.started[stage] = 0, now
            self.write(f"{self.labels.get(stage, stage)}: bắt đầu ({total})")
            self.last = now
        self.done[stage] += advance
        if self.done[stage] >= total:
            self.write(self._line(stage, total) + " — xong")
            self.last = now
        elif now - self.last >= self.every:
            self.write(self._line(stage, total))
            self.last = now
