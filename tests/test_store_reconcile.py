"""Red flags that reached Rasa's tracker store while the action server was down are recorded and
notified when it is back; ones the action recorded are not recorded twice (real tracker store via
Rasa's own SQLTrackerStore, real database, real local webhook)."""
from __future__ import annotations

import asyncio
import time

from sqlalchemy.engine import make_url

from b12assist.notifier import Escalation, Notifier, NotifyConfig
from b12assist.outbox import FileOutbox
from b12assist.reconcile import escalation_key
from b12assist.store import escalations
from webhook_server import Webhook


def save_messages(db_url: str, sender: str, messages: list[tuple[str, str, str]], when: float) -> None:
    """(text, intent, message_id) user messages, one second apart from `when`."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=url.database)
    else:
        store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host=url.host, port=url.port,
                                db=url.database, username=url.username, password=url.password or "")
    events = [UserUttered(text, {"name": intent, "confidence": 1.0}, timestamp=when + i, message_id=mid,
                          entities=[{"entity": "red_flag_category", "value": "breathing", "start": 0, "end": 1}])
              for i, (text, intent, mid) in enumerate(messages)]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()


def test_unrecorded_red_flags_are_recorded_and_notified_once(db_url, tmp_path):
    # Rasa's conversations in their own SQLite file (the PostgreSQL tracker store is read in
    # tests/test_e2e_rest_escalation.py); the escalations in the test database, SQLite or PostgreSQL
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    now = time.time()
    save_messages(tracker_url, "down-conv", [("I can't breathe", "red_flag_emergency", "m-1"),
                                        ("how often are the shots", "ask_loading_dose", "m-2")], now - 300)
    save_messages(tracker_url, "up-conv", [("my lips are swelling", "red_flag_emergency", "m-3")], now - 200)
    save_messages(tracker_url, "fresh-conv", [("my face is swelling", "red_flag_emergency", "m-4")], now - 1)
    # the action ran for up-conv: same key as the action makes
    escalations.record("up-conv", "emergency", "swelling", "my lips are swelling", url=db_url,
                       key=escalation_key("up-conv", "m-3"))

    async def go():
        with Webhook() as hook:
            cfg = NotifyConfig(webhook_url=hook.url, secret="s", timeout=1, retry_base=0.2, tick=0.1, db_url=db_url,
                               reconcile_every=0.2, reconcile_grace=30, tracker_url=tracker_url)
            n = Notifier(cfg, FileOutbox(tmp_path / "o.jsonl"))
            n.ensure_started()
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline and not (
                    escalations.by_key(escalation_key("down-conv", "m-1"), db_url) is not None
                    and escalations.by_key(escalation_key("down-conv", "m-1"), db_url).notify_status == "sent"):
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)                       # several more checks: nothing recorded twice
            await n.stop()
            return hook.received
    received = asyncio.run(go())
    rows = {r.conversation_id: r for r in escalations.list_escalations(url=db_url)}
    assert sorted(rows) == ["down-conv", "up-conv"]       # fresh-conv is within the grace period
    down = rows["down-conv"]
    assert (down.level, down.category, down.message) == ("emergency", "breathing", "I can't breathe")
    assert down.key == escalation_key("down-conv", "m-1") and down.notify_status == "sent"
    # each once: up-conv's record (pending, as the action left it) and down-conv's, recorded by the check
    assert sorted(r["json"]["conversation_id"] for r in received) == ["down-conv", "up-conv"]
    assert len(escalations.list_escalations(url=db_url)) == 2


def test_action_key_is_stable_per_message():
    assert escalation_key("a", "m1") == escalation_key("a", "m1") != escalation_key("b", "m1")
    assert escalation_key("a", None) != escalation_key("a", None)   # no message id: always new
    assert Escalation("a", "emergency", "x", "y").key != Escalation("a", "emergency", "x", "y").key
