"""GET /health on the portal: every dependency of the running assistant, 200 or 503."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from b12assist import health

pytestmark = pytest.mark.server


def get_health(stack):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{stack.web_port}/health", timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_health_reports_every_dependency_and_a_failing_tracker_store(stack):
    status, body = get_health(stack)
    assert status == 200, body
    assert body == {"status": "ok", "rasa": "ok", "actions": "ok", "project_database": "ok", "tracker_store": "ok"}

    report = stack.tmp / "health" / "tracker_store.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps({"at": time.time(), "error": "OperationalError"}))
    try:
        status, body = get_health(stack)
        assert status == 503 and body["tracker_store"].startswith("failing (OperationalError)")
    finally:
        report.unlink()

    stack.stop("actions")
    try:
        status, body = get_health(stack)
        assert status == 503 and body["actions"].startswith("unreachable")
    finally:
        stack.start_actions()


def test_the_rasa_server_reports_its_own_tracker_store_failure(tmp_path, monkeypatch):
    """Rasa's fail-safe store, patched by b12assist.serve.rasa_cli, as the server uses it."""
    import asyncio

    from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker

    from b12assist import settings
    from b12assist.serve import rasa_cli

    monkeypatch.setattr(settings, "VAR_DIR", tmp_path)
    rasa_cli.report_tracker_store_failures()

    class Broken(InMemoryTrackerStore):
        async def save(self, tracker):
            raise OSError("disk gone")

    store = FailSafeTrackerStore(Broken(None))
    asyncio.run(store.save(DialogueStateTracker("p1", [])))
    assert health.recent_failure("tracker_store")["error"] == "OSError"


def test_failing_stores_lists_recent_reports_only(tmp_path, monkeypatch):
    from b12assist import settings

    monkeypatch.setattr(settings, "VAR_DIR", tmp_path)
    assert health.failing_stores() == []
    (tmp_path / "health").mkdir()
    now = time.time()
    (tmp_path / "health" / "tracker_store.json").write_text(json.dumps({"at": now - 5, "error": "OperationalError"}))
    (tmp_path / "health" / "lock_store.json").write_text(
        json.dumps({"at": now - health.FAILURE_WINDOW - 1, "error": "ConnectionError"}))
    found = health.failing_stores(now)
    assert [f["component"] for f in found] == ["tracker_store"]
    assert found[0]["error"] == "OperationalError" and "in memory only" in found[0]["consequence"]
