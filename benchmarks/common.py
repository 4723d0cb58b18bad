"""What the benchmark scripts share: percentiles and the machine's busy CPU time (run them from the repository root,
`python benchmarks/<name>.py`, which puts this folder on the import path)."""

from __future__ import annotations

import os
import statistics
from pathlib import Path


def pct(values: list[float], p: float) -> float | None:
    """The p-th percentile (nearest rank), rounded to 0.01; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))], 2)


def summary(values: list[float]) -> dict:
    return {
        "p50": pct(values, 50),
        "p95": pct(values, 95),
        "mean": round(statistics.fmean(values), 2) if values else None,
        "max": round(max(values), 2) if values else None,
    }


def machine_busy_seconds() -> float:
    """CPU seconds spent busy by the whole machine so far (all processes, /proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
