"""GET /health on the portal: every dependency of the running assistant, 200 or 503."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from b12assist import health
from b12assist.store import escalations

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
    assert body == {"status": "ok", "rasa": "ok", "actions": "ok", "project_database": "ok", "tracker_store": "ok",
                    "nlu_worker": "ok"}

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


@pytest.fixture(scope="module")
def stuck_stack(tmp_path_factory):
    """The red-flag check never returns on one message (tests/fault_injection/sitecustomize.py: an
    endless loop in Python, as a bug in the component would be), so the NLU worker stays busy on it.
    The watchdog limit is 3 s instead of 30."""
    from conftest import ROOT, Stack

    stack = Stack(tmp_path_factory.mktemp("stuck"))
    stack.env.update({"PYTHONPATH": f"{ROOT / 'tests' / 'fault_injection'}:{ROOT}",
                      "B12_TEST_STUCK_MARKER": "zq-stuck-zq", "B12_NLU_STUCK_SECONDS": "3",
                      "B12_REPLY_DEADLINE_SECONDS": "4"})
    stack.start()
    yield stack
    stack.close()


def test_a_stuck_nlu_worker_shows_on_health(stuck_stack):
    status, body = get_health(stuck_stack)
    assert status == 200 and body["nlu_worker"] == "ok", body
    # The message that holds the worker: after the deadline (4 s here) the patient is told the
    # assistant is slow, with the emergency number (the red-flag check on it never returns either).
    slow = stuck_stack.say("stuck-1", "how long until it works? zq-stuck-zq", timeout=30)
    assert "slow to answer right now" in slow[-1]["text"] and "call 911" in slow[-1]["text"], slow
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, body = get_health(stuck_stack)
        if status == 503:
            break
        time.sleep(1)
    print(f"\n/health with the NLU worker stuck: {status} {body}")
    assert status == 503 and body["nlu_worker"].startswith("stuck (busy on one message for "), body
    assert body["rasa"] == "ok"        # the server itself still answers: only the watchdog shows it
    log = (stuck_stack.tmp / "rasa.log").read_text(errors="replace")
    assert "the NLU worker has been on one message for" in log
    # Every later message waits behind it; a red flag still gets the emergency guidance in time.
    t0 = time.monotonic()
    red = stuck_stack.say("stuck-2", "my throat is closing up and I can't breathe", timeout=30)
    print(f"red flag while the worker is stuck: answered in {time.monotonic() - t0:.1f} s: {red[0]['text'][:60]!r}")
    assert red[0]["text"].startswith("⚠️ EMERGENCY")
    assert any((m.get("custom") or {}).get("data", {}).get("escalation") == "emergency" for m in red), red
    # Rasa never gets to action_escalate for it, yet the clinic's queue has it: the channel left it in
    # the file outbox and the action server's notifier recorded it.
    recorded, deadline = [], time.monotonic() + 20
    while not recorded and time.monotonic() < deadline:
        recorded = [(e.level, e.category) for e in escalations.list_escalations(url=stuck_stack.env["B12_DATABASE_URL"])
                    if e.conversation_id == "stuck-2"]
        time.sleep(0.5)
    print(f"escalation recorded for the red flag the channel answered alone: {recorded}")
    assert [level for level, _ in recorded] == ["emergency"], recorded
    plain = stuck_stack.say("stuck-3", "how often are the maintenance shots?", timeout=30)
    assert "slow to answer right now" in plain[-1]["text"]


def test_the_nlu_worker_report_is_cleared_when_it_is_free(tmp_path, monkeypatch):
    from b12assist import settings

    monkeypatch.setattr(settings, "VAR_DIR", tmp_path)
    health.mark_failure("nlu_worker", TimeoutError(), detail="busy on one message for 31 s")
    assert health.recent_failure("nlu_worker")["detail"] == "busy on one message for 31 s"
    health.clear("nlu_worker")
    assert health.recent_failure("nlu_worker") is None
    health.clear("nlu_worker")      # nothing to clear: no error
