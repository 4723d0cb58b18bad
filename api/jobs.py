"""Background re-index jobs, and what the server puts right when it starts.

One writer builds at a time (the build lock, shared by every worker). A re-index request that finds
a build running waits for it, then builds only if the corpus still differs from the index then
served: requests that queued behind one build are served by it (coalesced), none is dropped. Each
job ends naming the documents it was for and whether the served index now holds them as they are
on disk.

At start-up the server marks failed the jobs of processes that died (kill -9, a crash) and, when the
corpus on disk differs from the served index's manifest (an upload whose re-index died with its
process), starts a re-index in a thread; the old index answers meanwhile.
"""

from __future__ import annotations

import logging
import threading
import time

from api.store import Store
from assistant.errors import BuildLockedError
from assistant.service import Assistant
from index.build import corpus_hashes

log = logging.getLogger("ntm.api")


def reindex(assistant: Assistant, store: Store, job_id: str, *, wait_s: float = 900, poll_s: float = 1.0) -> None:
    """Run one re-index job to its end, recording every state in the store (never raises)."""
    store.update_job(job_id, "running", "Đang xây dựng lại chỉ mục…")
    deadline = time.monotonic() + wait_s
    try:
        while True:
            try:
                result = assistant.build(only_if_changed=True)
                break
            except BuildLockedError:
                # Another build (another upload's, another worker's) holds the lock: wait for it, then
                # build after it if it did not already take this job's documents in.
                if time.monotonic() > deadline:
                    raise
                store.update_job(job_id, "running", "Đang chờ lần xây dựng chỉ mục khác kết thúc…")
                time.sleep(poll_s)
    except Exception as exc:  # the job records any failure; the old index keeps serving
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        store.update_job(job_id, "failed", f"Xây dựng chỉ mục thất bại: {message}")
        return
    job = store.job(job_id) or {}
    wanted = list((job.get("detail") or {}).get("documents", []))
    now = corpus_hashes([d for d in assistant.corpus.documents() if d.number in wanted])
    held = result.manifest.get("corpus", {})
    indexed = [n for n in wanted if n in now and held.get(n) == now[n]]
    detail = {
        **(job.get("detail") or {}),  # what the upload recorded (its criteria import report) stays
        "documents": wanted,
        "indexed": indexed,
        "version": result.version,
        "chunks": result.manifest["chunks"],
        "changes": result.manifest.get("changes", {}) if not result.reused else {},
        "reused": result.reused,
    }
    missing = [n for n in wanted if n not in indexed]
    if missing:
        # Changed again while this build ran: a later job (that upload's) indexes the newer text.
        message = f"Đã xây dựng lại chỉ mục; {', '.join(missing)} đã thay đổi tiếp và sẽ vào chỉ mục ở lần sau."
    elif result.reused:
        message = "Chỉ mục đang phục vụ đã gồm các văn bản này (một lần xây dựng khác đã đưa vào)."
    else:
        message = "Đã xây dựng lại chỉ mục."
    store.update_job(job_id, "done", message, detail)


def start_reindex(assistant: Assistant, store: Store, message: str, documents: list[str]) -> str:
    """Queue a re-index job for `documents` and run it in a daemon thread; its id."""
    job_id = store.new_job("reindex", message, {"documents": documents})
    threading.Thread(target=reindex, args=(assistant, store, job_id), name=f"reindex-{job_id[:8]}", daemon=True).start()
    return job_id


def reconcile(assistant: Assistant, store: Store) -> str | None:
    """Start-up repair: fail the jobs of dead processes; re-index when the corpus on disk differs from
    the served index. Returns the id of the re-index job started, if any."""
    store.forget_sightings()  # the Zalo message ids kept against re-sends are only needed for minutes
    orphans = store.fail_orphans()
    if orphans:
        log.warning("marked %d unfinished job(s) of a stopped process as failed", len(orphans))
    changes = assistant.pending_changes()
    if not changes or not any(changes.values()):
        return None  # no index yet (`ntm index` builds it), or it is up to date
    documents = changes["added"] + changes["changed"]
    named = ", ".join(documents + [f"bỏ {n}" for n in changes["removed"]])
    log.warning("the corpus differs from the served index (%s): re-indexing", named)
    message = f"Khởi động: kho văn bản khác chỉ mục đang phục vụ ({named}); xây dựng lại chỉ mục."
    return start_reindex(assistant, store, message, documents)
