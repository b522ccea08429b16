"""b12assist.serve.oldest_first: one worker thread, jobs of the oldest message first."""
from __future__ import annotations

import threading

import pytest

from b12assist.serve.oldest_first import OldestFirst


def _blocked(pool: OldestFirst) -> threading.Event:
    """Keeps the worker busy until the returned event is set, so the next jobs queue up."""
    release, started = threading.Event(), threading.Event()
    pool.submit(0.0, lambda: (started.set(), release.wait(5)))
    assert started.wait(5)
    return release


def test_jobs_run_oldest_message_first_ties_in_submission_order():
    pool = OldestFirst()
    ran: list[str] = []
    release = _blocked(pool)
    futures = [pool.submit(since, ran.append, name)
               for since, name in ((3.0, "newest"), (1.0, "oldest-a"), (2.0, "middle"), (1.0, "oldest-b"))]
    assert pool.waiting() == 4
    release.set()
    for future in futures:
        future.result(timeout=5)
    assert ran == ["oldest-a", "oldest-b", "middle", "newest"]
    pool.shutdown()


def test_results_and_errors_reach_the_caller_and_the_worker_goes_on():
    pool = OldestFirst()
    failed = pool.submit(1.0, lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failed.result(timeout=5)
    assert pool.submit(2.0, lambda x: x * 2, 21).result(timeout=5) == 42
    pool.shutdown()


def test_a_job_whose_caller_gave_up_is_skipped():
    pool = OldestFirst()
    ran: list[str] = []
    release = _blocked(pool)
    dropped = pool.submit(1.0, ran.append, "dropped")
    kept = pool.submit(2.0, ran.append, "kept")
    assert dropped.cancel()
    release.set()
    kept.result(timeout=5)
    assert ran == ["kept"]
    pool.shutdown()


def test_shutdown_runs_what_is_queued_then_refuses_new_jobs():
    pool = OldestFirst()
    ran: list[int] = []
    release = _blocked(pool)
    for i in range(3):
        pool.submit(float(i), ran.append, i)
    release.set()
    pool.shutdown(wait=True)
    assert ran == [0, 1, 2]
    with pytest.raises(RuntimeError):
        pool.submit(9.0, ran.append, 9)
