"""SQLite (WAL) storage of the API: answer feedback and background jobs."""

from __future__ import annotations

import datetime as dt
import json
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
    finished TEXT
);
CREATE TABLE IF NOT EXISTS answers (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    created TEXT NOT NULL
);
"""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """One connection per thread; WAL so several workers can read while one writes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._local = threading.local()
        with self._conn() as conn:
            conn.executescript(_SCHEMA)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(str(self.path), timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.row_factory = sqlite3.Row
            self._local.conn = conn
        return conn

    def remember_answer(self, answer_id: str, question: str) -> None:
        with self._conn() as conn:
            conn.execute("INSERT OR IGNORE INTO answers VALUES (?, ?, ?)", (answer_id, question[:2000], _now()))

    def known_answer(self, answer_id: str) -> bool:
        row = self._conn().execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone()
        return row is not None

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

    def new_job(self, kind: str, message: str) -> str:
        job_id = uuid.uuid4().hex
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO jobs (id, kind, status, message, created) VALUES (?, ?, 'queued', ?, ?)",
                (job_id, kind, message, _now()),
            )
        return job_id

    def update_job(self, job_id: str, status: str, message: str, detail: dict | None = None) -> None:
        finished = _now() if status in ("done", "failed") else None
        with self._conn() as conn:
            conn.execute(
                "UPDATE jobs SET status = ?, message = ?, detail = ?, finished = ? WHERE id = ?",
                (status, message, json.dumps(detail, ensure_ascii=False) if detail else None, finished, job_id),
            )

    def job(self, job_id: str) -> dict | None:
        row = self._conn().execute("SELECT * FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            return None
        out = dict(row)
        out["detail"] = json.loads(out["detail"]) if out["detail"] else None
        return out
