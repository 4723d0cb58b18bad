"""The atomic build: a new version swaps in whole, or the old one keeps serving."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.registry import Corpus
from index.build import build_index, build_lock
from index.embed import EmbeddingCache, FakeEmbedder
from index.errors import BuildLockedError, IndexNotBuiltError
from index.segment import terms
from index.store import current_version, indexes_dir, open_index
from tests.conftest import ROOT


def _build(seed_dir: Path, data: Path, **kw):
    return build_index(Corpus(None, builtin_dir=seed_dir).parsed(), FakeEmbedder(), data, **kw)


def test_build_writes_manifest_and_swaps_in(seed_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with pytest.raises(IndexNotBuiltError):
        open_index(data)
    result = _build(seed_dir, data)
    m = result.manifest
    assert m["documents"] == 2 and m["chunks"] > 10 and m["model"] == "fake"
    assert set(m["corpus"]) == {"14/BCĐCTMTQG", "5766/UBND-CNN&XD"}
    index = open_index(data)
    assert index.version == result.version == current_version(data)
    hits = index.bm25(terms("báo cáo định kỳ 06 tháng"), 3)
    assert hits[0].chunk.path == "14/BCĐCTMTQG › Phần kết"


def test_rebuild_uses_the_cache(seed_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    first = _build(seed_dir, data, cache=cache).manifest
    second = _build(seed_dir, data, cache=cache).manifest
    assert first["embedded"] == first["chunks"] and second["embedded"] == 0
    assert second["from_cache"] == second["chunks"]


def test_failure_midway_leaves_old_index_serving(seed_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = _build(seed_dir, data).version

    def crash(stage: str) -> None:
        if stage == "embed":
            raise RuntimeError("mất điện")

    with pytest.raises(RuntimeError):
        _build(seed_dir, data, _after_stage=crash)
    assert current_version(data) == old
    assert [p.name for p in indexes_dir(data).iterdir() if p.is_dir()] == [old]
    assert open_index(data).bm25(terms("kiểm tra giám sát"), 1)


def test_only_one_build_at_a_time(seed_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with build_lock(data), pytest.raises(BuildLockedError):
        _build(seed_dir, data)


KILL_SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from corpus.registry import Corpus
from index.build import build_index
from index.embed import FakeEmbedder

def hang(stage):
    if stage == "bm25":
        Path({marker!r}).write_text("ready")
        time.sleep(60)

build_index(Corpus(None, builtin_dir=Path({seed!r})).parsed(), FakeEmbedder(), Path({data!r}), _after_stage=hang)
"""


def test_kill_9_midway_old_index_serves_and_next_build_succeeds(seed_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    old = _build(seed_dir, data).version
    marker = tmp_path / "marker"
    script = KILL_SCRIPT.format(root=str(ROOT), marker=str(marker), seed=str(seed_dir), data=str(data))
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.time() + 60
    while not marker.exists() and time.time() < deadline:
        time.sleep(0.1)
    assert marker.exists(), "the build never reached the midway point"
    half_built = [p for p in indexes_dir(data).iterdir() if p.is_dir() and p.name != old]
    assert len(half_built) == 1 and not (half_built[0] / "manifest.json").exists()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)

    assert current_version(data) == old
    assert open_index(data).version == old
    new = _build(seed_dir, data)
    assert new.version != old and current_version(data) == new.version
    assert not half_built[0].exists()  # the next build cleaned up the half-built folder
    assert json.loads((new.folder / "manifest.json").read_text())["chunks"] > 0
