"""Compiled patterns, remembered.

Many patterns are built from names: each criterion's name and its forms, each place, each document number.
Together with the fixed patterns they outnumber the 512 that `re` keeps compiled, so `re` dropped and compiled
them again nearly every question (about nine compilations a question on the dev set, ≈ 1 ms of CPU). The
patterns built from names go through this cache instead, which leaves `re`'s own for the fixed ones.
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=4096)
def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, compiled once per distinct pattern (least recently used dropped past 4,096)."""
    return re.compile(pattern, flags)
