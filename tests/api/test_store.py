"""The API's SQLite file: what a request commits outlives the worker process being killed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from api.audit import AuditLog
from api.store import Store

_KILLED_AFTER_COMMIT = """
import os, signal, sys
from pathlib import Path
from api.store import Store
store = Store(Path(sys.argv[1]))
store.remember_answer("ans-1", "Xã đạt chuẩn năm 2014 thì nay áp dụng bộ nào?")
os.kill(os.getpid(), signal.SIGKILL)  # no close, no checkpoint: a worker that crashed
"""


def test_an_answer_committed_before_the_worker_is_killed_is_still_there(tmp_path: Path) -> None:
    db = tmp_path / "app.sqlite"
    done = subprocess.run([sys.executable, "-c", _KILLED_AFTER_COMMIT, str(db)], cwd=Path.cwd(), check=False)
    assert done.returncode == -9
    assert Store(db).known_answer("ans-1")
    assert not Store(db).known_answer("ans-2")


def test_commits_do_not_wait_for_a_disk_sync_each(tmp_path: Path) -> None:
    # WAL with synchronous=NORMAL (1): a commit is safe from a process crash (above) without an fsync.
    store, audit = Store(tmp_path / "app.sqlite"), AuditLog(tmp_path / "app.sqlite")
    for file in (store, audit):
        conn = file._conn()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1
