"""The patterns built from names are compiled once: the same pattern gives the same compiled object, whatever
else was compiled in between (re's own cache of 512 drops them)."""

from __future__ import annotations

import re

from assistant.rx import rx


def test_a_pattern_is_compiled_once_even_past_res_own_cache() -> None:
    first = rx(r"\bquy hoach\b")
    for n in range(600):  # more than re keeps
        re.compile(rf"\bfiller {n}\b")
    assert rx(r"\bquy hoach\b") is first
    assert rx(r"\bquy hoach\b", re.IGNORECASE) is not first
    assert first.search("tieu chi quy hoach") is not None
