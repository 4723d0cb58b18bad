"""The audit trail: an append-only record of every question and answer from every channel.

One row per answered question: when, channel (web, api, openai, telegram, mattermost, slack, webhook,
zalo-bot, zalo-oa), who (a header or bot user id; the IP only as a salted hash), the as-of date, the
answer id, kind and scope, the citations, the latency, and the answer itself (so it can be exported
to paste into a report). Feedback given later is joined in when the trail is read. Rows are never
changed; only the retention purge (`NTM_AUDIT_RETENTION_DAYS`, 0 = keep forever) deletes old ones.
It lives in the API's SQLite file, beside feedback and jobs.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from api.store import SqliteFile, Store
from assistant.answer import Answer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    channel TEXT NOT NULL,
    user TEXT,
    ip_hash TEXT,
    chat_id TEXT,
    question TEXT NOT NULL,
    as_of TEXT,
    answer_id TEXT,
    kind TEXT,
    scope TEXT,
    refused INTEGER NOT NULL DEFAULT 0,
    citations TEXT,
    latency_ms INTEGER,
    answer TEXT
);
CREATE INDEX IF NOT EXISTS audit_at ON audit (at);
CREATE INDEX IF NOT EXISTS audit_answer ON audit (answer_id);
CREATE TABLE IF NOT EXISTS audit_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
CHANNELS = ("web", "api", "openai", "telegram", "mattermost", "slack", "webhook", "zalo-bot", "zalo-oa")
# What an export shows per row (the stored answer body is for the answer exports, not the trail).
FIELDS = (
    "id",
    "at",
    "channel",
    "user",
    "ip_hash",
    "chat_id",
    "question",
    "as_of",
    "answer_id",
    "kind",
    "scope",
    "refused",
    "citations",
    "latency_ms",
    "feedback",
)


@dataclass(frozen=True)
class Asker:
    """Who asked, through which channel."""

    channel: str
    user: str | None = None
    ip: str | None = None
    chat_id: str | None = None


class AuditLog(SqliteFile):
    """Append-only rows in the API's SQLite file (shared by the workers)."""

    def __init__(self, path: Path, retention_days: int = 365) -> None:
        super().__init__(path)
        self.retention_days = retention_days
        with self._conn() as conn:
            conn.executescript(_SCHEMA)
            # One salt per installation: the same IP gets the same hash here, and no hash can be
            # looked up in a table of all IPv4 hashes made elsewhere.
            conn.execute("INSERT OR IGNORE INTO audit_meta VALUES ('salt', ?)", (secrets.token_hex(16),))
        self._salt = self._conn().execute("SELECT value FROM audit_meta WHERE key = 'salt'").fetchone()[0]
        self.purge()

    def hash_ip(self, ip: str | None) -> str | None:
        if not ip:
            return None
        return hashlib.sha256(f"{self._salt}|{ip}".encode()).hexdigest()[:16]

    def record(self, asker: Asker, answer: Answer, latency_ms: float) -> None:
        # The fields it needs, not answer.to_dict(): the route already converts the whole answer once.
        citations = [
            {k: getattr(c, k) for k in ("n", "doc", "path", "page", "quote", "provenance", "official")}
            for c in answer.citations
        ]
        stored = {
            "text": answer.text,
            "sentences": [{"text": x.text, "cites": list(x.cites)} for x in answer.sentences],
            "reason": answer.reason,
            "flags": list(answer.flags),
        }
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO audit (at, channel, user, ip_hash, chat_id, question, as_of, answer_id, kind, scope, "
                "refused, citations, latency_ms, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _now(),
                    asker.channel,
                    _clip(asker.user, 200),
                    self.hash_ip(asker.ip),
                    _clip(asker.chat_id, 200),
                    answer.question[:4000],
                    answer.as_of.isoformat(),
                    answer.id,
                    answer.kind,
                    answer.scope,
                    int(answer.refused),
                    json.dumps(citations, ensure_ascii=False),
                    round(latency_ms),
                    json.dumps(stored, ensure_ascii=False),
                ),
            )

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete rows older than the retention period; how many."""
        if self.retention_days <= 0:
            return 0
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=self.retention_days)
        with self._conn() as conn:
            return conn.execute("DELETE FROM audit WHERE at < ?", (_iso(cutoff),)).rowcount

    def rows(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        channel: str | None = None,
        unanswered: bool = False,
        limit: int = 10_000,
    ) -> list[dict]:
        """Rows newest first, each with the feedback given on its answer (`[{rating, comment}]`)."""
        where, args = [], []
        if since:
            where.append("a.at >= ?")
            args.append(since.isoformat())
        if until:
            where.append("a.at < ?")
            args.append((until + dt.timedelta(days=1)).isoformat())
        if channel:
            where.append("a.channel = ?")
            args.append(channel)
        if unanswered:
            # Refused, or about something the corpus lacks: what to add to the corpus next.
            where.append("(a.refused = 1 OR a.scope != 'answer')")
        sql = "SELECT a.* FROM audit a" + (" WHERE " + " AND ".join(where) if where else "")
        rows = [dict(r) for r in self._conn().execute(sql + " ORDER BY a.id DESC LIMIT ?", (*args, limit))]
        feedback = self._feedback([r["answer_id"] for r in rows if r["answer_id"]])
        for r in rows:
            r["refused"] = bool(r["refused"])
            r["citations"] = json.loads(r["citations"] or "[]")
            r["feedback"] = feedback.get(r["answer_id"], [])
            r.pop("answer", None)
        return rows

    def _feedback(self, answer_ids: list[str]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        has_table = self._conn().execute("SELECT 1 FROM sqlite_master WHERE name = 'feedback'").fetchone()
        if not answer_ids or not has_table:
            return out
        for start in range(0, len(answer_ids), 500):  # SQLite's limit on bound parameters
            part = answer_ids[start : start + 500]
            marks = ",".join("?" * len(part))
            for r in self._conn().execute(
                f"SELECT answer_id, rating, comment, created FROM feedback WHERE answer_id IN ({marks}) ORDER BY id",
                part,
            ):
                out.setdefault(r["answer_id"], []).append(
                    {"rating": r["rating"], "comment": r["comment"], "at": r["created"]}
                )
        return out

    def answer(self, answer_id: str) -> dict | None:
        """A recorded answer with its question, as-of date and citations (for the answer exports)."""
        row = self._conn().execute(
            "SELECT * FROM audit WHERE answer_id = ? ORDER BY id LIMIT 1", (answer_id,)
        ).fetchone()
        if row is None:
            return None
        stored = json.loads(row["answer"] or "{}")
        return {
            "id": row["answer_id"],
            "question": row["question"],
            "as_of": row["as_of"],
            "at": row["at"],
            "kind": row["kind"],
            "refused": bool(row["refused"]),
            "citations": json.loads(row["citations"] or "[]"),
            **stored,
        }


def answered(ask: Callable[[], Answer], question: str, store: Store, audit: AuditLog, who: Asker) -> Answer:
    """Run `ask`, then keep its answer id (for feedback) and record it in the trail with its latency: what
    every channel does with a question."""
    started = time.perf_counter()
    answer = ask()
    store.remember_answer(answer.id, question)
    audit.record(who, answer, (time.perf_counter() - started) * 1000)
    return answer


def to_csv(rows: list[dict]) -> str:
    """The rows as CSV (UTF-8 with BOM, so Excel reads Vietnamese); lists as JSON in their cell."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=FIELDS, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow(
            {
                **r,
                "citations": "; ".join(dict.fromkeys(c["path"] for c in r["citations"])),
                "feedback": json.dumps(r["feedback"], ensure_ascii=False) if r["feedback"] else "",
            }
        )
    return out.getvalue()


def _now() -> str:
    return _iso(dt.datetime.now(dt.UTC))


def _iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def _clip(value: str | None, size: int) -> str | None:
    return value[:size] if value else None
