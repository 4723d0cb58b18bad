"""SQLite (WAL) storage of the API: answer feedback, background jobs and the Zalo messages seen.

A job records the process that runs it (pid and the process's start time, so a reused pid is not
taken for the same process). A process that dies (kill -9, a crash, a restarted server) leaves its
jobs `queued` or `running`; `fail_orphans`, run at start-up, marks them failed with the reason.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
import uuid
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT,
    detail TEXT,
    created TEXT NOT NULL,
    finished TEXT,
    owner TEXT
);
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS zalo_seen (
    msg_id TEXT PRIMARY KEY,
    created TEXT NOT NULL
);
"""


# Zalo re-sends an unanswered event within minutes; a week of message ids is far more than enough.
SEEN_FOR = dt.timedelta(days=7)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _started(pid: int) -> str | None:
    """A process's start time in clock ticks since boot (/proc/<pid>/stat field 22), or None if it
    does not exist; where /proc is missing, "?" for any live process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        if Path("/proc/self/stat").exists():
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return "?"
    except OSError:
        return None
    # "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    return stat.rsplit(")", 1)[1].split()[19]


def process_id(pid: int | None = None) -> str:
    """This process (or `pid`) as 'pid:start', the owner recorded on the jobs it runs."""
    pid = os.getpid() if pid is None else pid
    return f"{pid}:{_started(pid)}"


def alive(owner: str | None) -> bool:
    """Whether the process recorded as a job's owner is still the one running."""
    if not owner or ":" not in owner:
        return False
    pid, _, start = owner.partition(":")
    if not pid.isdigit():
        return False
    now = _started(int(pid))
    return now is not None and (now == start or "?" in (now, start))


ORPHANED = (
    "Công việc bị dừng giữa chừng vì tiến trình máy chủ chạy nó đã kết thúc đột ngột (bị dừng hoặc khởi động lại); "
    "khi khởi động, máy chủ tự xây dựng lại chỉ mục nếu kho văn bản có thay đổi chưa vào chỉ mục."
)


class SqliteFile:
    """The API's SQLite file: one connection per thread; WAL so several workers can read while one writes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA busy_timeout=30000")
            # In WAL mode NORMAL syncs the log at checkpoints, not at each commit: a commit survives the
            # process crashing (the OS has it) and only a power cut may undo the last ones, never corrupt
            # the file. Each answer writes twice (answer id, audit row); FULL cost ~1 ms of fsync per write
            # while holding the write lock the other workers wait for.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn


class Store(SqliteFile):
    """Feedback, answers, background jobs and the Zalo message ids."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        with self._conn() as conn:
            conn.executescript(_SCHEMA)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(jobs)")}
            if "owner" not in columns:  # a store written before jobs recorded their process
                with contextlib.suppress(sqlite3.OperationalError):  # another worker added it first
                    conn.execute("ALTER TABLE jobs ADD COLUMN owner TEXT")

    def remember_answer(self, answer_id: str, question: str) -> None:
        with self._conn() as conn:
            conn.execute("INSERT OR IGNORE INTO answers VALUES (?, ?, ?)", (answer_id, question[:2000], _now()))

    def known_answer(self, answer_id: str) -> bool:
        row = self._conn().execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return row is not None

    def first_sighting(self, msg_id: str) -> bool:
        """Record a Zalo message id; True only the first time (Zalo re-sends an event it thinks unanswered,
        possibly to another worker, so the record is in the shared database)."""
        with self._conn() as conn:
            cur = conn.execute("INSERT OR IGNORE INTO zalo_seen VALUES (?, ?)", (msg_id[:200], _now()))
            return cur.rowcount == 1

    def forget_sightings(self, older_than: dt.timedelta = SEEN_FOR) -> int:
        """Drop message ids older than Zalo's re-sending could reach (run when a worker starts); how many."""
        cutoff = (dt.datetime.now(dt.UTC) - older_than).isoformat(timespec="seconds")
        with self._conn() as conn:
            return conn.execute("DELETE FROM zalo_seen WHERE created < ?", (cutoff,)).rowcount

    def add_feedback(self, answer_id: str, rating: int, comment: str | None) -> int:
        with self._conn() as conn:
            cur = conn.execute(
                "INSERT INTO feedback (answer_id, rating, comment, created) VALUES (?, ?, ?, ?)",
                (answer_id, rating, comment, _now()),
            )
            return int(cur.lastrowid)

    def feedback(self, answer_id: str) -> list[dict]:
        rows = self._conn().execute("SELECT * FROM feedback WHERE answer_id = ? ORDER BY id", (answer_id,))
        return [dict(r) for r in rows]

    def new_job(self, kind: str, message: str, detail: dict | None = None) -> str:
        """A queued job owned by this process."""
        job_id = uuid.uuid4().hex
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO jobs (id, kind, status, message, detail, created, owner) "
                "VALUES (?, ?, 'queued', ?, ?, ?, ?)",
                (job_id, kind, message, _dump(detail), _now(), process_id()),
            )
        return job_id

    def fail_orphans(self) -> list[str]:
        """Mark failed, with the reason, every unfinished job whose process has died; their ids."""
        rows = self._conn().execute("SELECT id, owner FROM jobs WHERE status IN ('queued', 'running')").fetchall()
        orphans = [row["id"] for row in rows if not alive(row["owner"])]
        with self._conn() as conn:
            for job_id in orphans:
                conn.execute(
                    "UPDATE jobs SET status = 'failed', message = ?, finished = ? "
                    "WHERE id = ? AND status IN ('queued', 'running')",
                    (ORPHANED, _now(), job_id),
                )
        return orphans

    def update_job(self, job_id: str, status: str, message: str, detail: dict | None = None) -> None:
        """Change a job's state; `detail` replaces the recorded one when given, else it is kept."""
        finished = _now() if status in ("done", "failed") else None
        with self._conn() as conn:
            conn.execute(
                "UPDATE jobs SET status = ?, message = ?, detail = COALESCE(?, detail), finished = ? WHERE id = ?",
                (status, message, _dump(detail), finished, job_id),
            )

    def job(self, job_id: str) -> dict | None:
        row = self._conn().execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out.pop("owner", None)  # a process id is the server's business, not the client's
        out["detail"] = json.loads(out["detail"]) if out["detail"] else None
        return out


def _dump(detail: dict | None) -> str | None:
    return json.dumps(detail, ensure_ascii=False) if detail else None
