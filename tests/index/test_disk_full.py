"""Disk full during a build, on a real tiny tmpfs: a clear error, the old index intact and serving."""

import os
import subprocess
from pathlib import Path

import pytest

from corpus.registry import Corpus
from index.build import build_index
from index.embed import FakeEmbedder
from index.errors import BuildError
from index.segment import terms
from index.store import current_version, indexes_dir, open_index

pytestmark = pytest.mark.heavy


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI and the project machines run as root)")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path, leave_bytes: int) -> None:
    """Fill the filesystem until only `leave_bytes` remain."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with (folder / "filler.bin").open("wb") as fh:
        remaining = max(0, free - leave_bytes)
        chunk = b"\0" * (1 << 20)
        while remaining > 0:
            n = min(len(chunk), remaining)
            try:
                fh.write(chunk[:n])
            except OSError:
                break
            remaining -= n


@pytest.mark.parametrize("leave_kb", [64, 200], ids=["fails-writing-bm25", "fails-inside-chroma"])
def test_disk_full_midway_keeps_the_old_index(tiny_disk: Path, seed_dir: Path, leave_kb: int) -> None:
    data = tiny_disk / "data"
    parsed = Corpus(None, builtin_dir=seed_dir).parsed()
    old = build_index(parsed, FakeEmbedder(), data).version
    _fill(tiny_disk, leave_bytes=leave_kb * 1024)  # room for the chunks file, not for everything
    with pytest.raises(BuildError) as info:
        build_index(parsed, FakeEmbedder(), data)
    assert "chỉ mục cũ vẫn được dùng" in info.value.message and "ổ đĩa đã đầy" in info.value.message
    assert current_version(data) == old
    assert [p.name for p in indexes_dir(data).iterdir() if p.is_dir()] == [old]  # half-built folder removed
    index = open_index(data)
    assert index.version == old and index.bm25(terms("báo cáo định kỳ"), 1)
    (tiny_disk / "filler.bin").unlink()
    assert build_index(parsed, FakeEmbedder(), data).version != old  # with space again, the next build works
