"""Several processes opening one fresh database at the same moment (the action server's notifier,
the Rasa channel's outbox, a staff command, a test) each migrate it on first use: every one of them
must end up with the schema at the newest migration and no error (SQLite; PostgreSQL via
B12_TEST_DATABASE_URL)."""
from __future__ import annotations

import multiprocessing as mp
import os


def _open_and_count(url: str, start, out) -> None:
    try:
        from b12assist.store import escalations
        start.wait(30)
        out.put(("ok", len(escalations.list_escalations(url=url))))
    except Exception as exc:  # noqa: BLE001  (reported to the parent, which fails the test)
        out.put(("error", f"{type(exc).__name__}: {exc}"))


def test_processes_migrating_one_fresh_database_at_once_all_succeed(db_url):
    ctx = mp.get_context("spawn")
    for attempt in range(3):
        url = db_url if attempt == 0 else db_url.replace("b12.db", f"b12-{attempt}.db")
        if url.startswith("postgres") and attempt:
            break                     # one fresh PostgreSQL database per test (the fixture's)
        start, out = ctx.Event(), ctx.Queue()
        procs = [ctx.Process(target=_open_and_count, args=(url, start, out)) for _ in range(4)]
        for p in procs:
            p.start()
        start.set()
        results = [out.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(30)
        assert results == [("ok", 0)] * 4, (attempt, results)
    assert os.environ["B12_DATABASE_URL"] == db_url
