"""Concurrent ingestion: parallel uploads of different documents (and of one document) all end
stored and findable with correct answers, and a re-index that finds another build running waits for
it instead of giving up."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from api.jobs import reindex
from api.store import Store
from assistant.service import Assistant
from corpus.registry import Corpus
from index.build import build_lock
from tests.api.conftest import make_settings
from tests.conftest import FIXTURES


def test_eight_different_documents_in_parallel_all_end_stored(tmp_path: Path, seed_dir: Path) -> None:
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    numbers = [f"{700 + i}/QĐ-UBND" for i in range(8)]
    with ThreadPoolExecutor(8) as pool:
        results = list(
            pool.map(lambda n: corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True, number=n), numbers)
        )
    assert [r.document.number for r in results] == numbers
    assert all(r.replaced is None for r in results)
    fresh = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    assert {n for n in numbers if fresh.find(n) is not None} == set(numbers)
    assert not list((tmp_path / "ingested").glob(".*.tmp"))  # no temporary file left behind


def test_one_document_four_times_in_parallel_is_stored_once_and_says_so(tmp_path: Path, seed_dir: Path) -> None:
    corpus = Corpus(tmp_path / "ingested", builtin_dir=seed_dir)
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(
                lambda _: corpus.ingest(FIXTURES / "quyet-dinh-mau.pdf", official=True, number="88/QĐ-UBND"), range(4)
            )
        )
    # One writer at a time: the first stores it, each later one replaces the one before and says so.
    assert sorted(r.replaced is None for r in results) == [False, False, False, True]
    assert len(list((tmp_path / "ingested").glob("*.md"))) == 1


def test_a_reindex_waits_for_a_running_build_instead_of_failing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assistant = Assistant(settings)
    store = Store(settings.app_db)
    job = store.new_job("reindex", "test")
    release = threading.Event()

    def hold() -> None:
        with build_lock(settings.data_dir):
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    worker = threading.Thread(target=reindex, args=(assistant, store, job), kwargs={"poll_s": 0.1})
    worker.start()
    time.sleep(0.5)
    assert store.job(job)["status"] == "running"  # waiting, not failed
    release.set()
    worker.join(60)
    holder.join(5)
    assert store.job(job)["status"] == "done", store.job(job)
