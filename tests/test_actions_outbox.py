"""The escalation outbox and its notifier, with a real local webhook server and a real database
(SQLite; PostgreSQL in the second pass of `make test`)."""
from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import os
import time

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.escalation import ActionEscalate
from b12assist import notifier, notify
from b12assist.netutil import free_port
from b12assist.notifier import Escalation, Notifier, NotifyConfig
from b12assist.outbox import FileOutbox
from b12assist.store import escalations
from webhook_server import Webhook

SECRET = "test-secret-123"


def config(db_url, url="", **kw) -> NotifyConfig:
    base = dict(webhook_url=url, secret=SECRET, clinic="Riverside Clinic", timeout=1.0, max_attempts=5,
                retry_base=0.2, retry_cap=1.0, confirm_wait=2.0, tick=0.1, db_url=db_url)
    base.update(kw)
    return NotifyConfig(**base)


def unavailable_db_url(tmp_path) -> str:
    """A database that cannot be reached: a PostgreSQL port nobody listens on, or a SQLite file in a
    directory that does not exist."""
    if os.environ.get("B12_TEST_DATABASE_URL"):
        return f"postgresql://b12:x@127.0.0.1:{free_port()}/nowhere"
    return f"sqlite:///{tmp_path / 'missing-dir' / 'b12.db'}"


async def wait_for(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return False


def esc(conv="patient-1", text="my lips are swelling"):
    return Escalation(conv, "emergency", "swelling", text)


def test_delivered_signed_and_marked_sent(db_url, tmp_path):
    async def go():
        with Webhook() as hook:
            n = Notifier(config(db_url, hook.url), FileOutbox(tmp_path / "outbox.jsonl"))
            status, where, rid = await n.submit(esc())
            await n.stop()
            return status, where, rid, hook.received
    status, where, rid, received = asyncio.run(go())
    assert (status, where) == ("sent", "database") and len(received) == 1
    req = received[0]
    assert notify.verify(SECRET, req["headers"], req["body"])
    assert not notify.verify("wrong-secret", req["headers"], req["body"])
    assert not notify.verify(SECRET, req["headers"], req["body"].replace(b"swelling", b"fine"))
    assert req["json"]["escalation_id"] == rid and req["json"]["level"] == "emergency"
    row = escalations.list_escalations(url=db_url)[0]
    assert row.notify_status == "sent" and row.notify_attempts == 1 and row.notify_sent_at is not None
    assert row.key == req["json"]["key"]


def test_signature_rejects_an_old_timestamp():
    body = b'{"a": 1}'
    headers = notify.headers_for(body, SECRET, now=1_000_000)
    assert notify.verify(SECRET, headers, body, now=1_000_100)
    assert not notify.verify(SECRET, headers, body, now=1_000_000 + 3600)   # a replay an hour later


def test_webhook_down_then_up_is_delivered_once(db_url, tmp_path):
    port = free_port()

    async def go():
        n = Notifier(config(db_url, f"http://127.0.0.1:{port}/hook"), FileOutbox(tmp_path / "outbox.jsonl"))
        status, _, rid = await n.submit(esc())           # nothing listens: connection refused
        assert status == "pending"
        row = escalations.list_escalations(url=db_url)[0]
        assert row.notify_status == "pending" and row.notify_attempts >= 1 and row.notify_error
        with Webhook(port) as hook:
            assert await wait_for(lambda: escalations.list_escalations(url=db_url)[0].notify_status == "sent")
            await asyncio.sleep(0.5)                      # a duplicate would arrive now
            await n.stop()
            return rid, hook.received
    rid, received = asyncio.run(go())
    assert len(received) == 1 and notify.verify(SECRET, received[0]["headers"], received[0]["body"])
    row = escalations.list_escalations(url=db_url)[0]
    assert row.id == rid and row.notify_status == "sent" and row.notify_attempts >= 2
    print(f"\nwebhook down then up: delivered 1/1 after {row.notify_attempts} attempts")


def test_hung_webhook_does_not_hold_the_reply(db_url, tmp_path):
    async def go():
        with Webhook(mode="hang") as hook:
            n = Notifier(config(db_url, hook.url, timeout=30.0, confirm_wait=1.0), FileOutbox(tmp_path / "o.jsonl"))
            started = time.monotonic()
            results = await asyncio.gather(*(n.submit(esc(f"p{i}")) for i in range(5)))
            elapsed = time.monotonic() - started
            # the event loop stays free while the webhook hangs
            t0 = time.monotonic()
            await asyncio.sleep(0.01)
            lag = time.monotonic() - t0
            await n.stop()
            return results, elapsed, lag
    results, elapsed, lag = asyncio.run(go())
    print(f"\nhung webhook: 5 escalations answered in {elapsed:.2f} s, loop lag {lag * 1000:.0f} ms")
    assert [r[0] for r in results] == ["pending"] * 5
    assert elapsed < 5


def test_no_webhook_is_recorded_as_off(db_url, tmp_path):
    async def go():
        n = Notifier(config(db_url, ""), FileOutbox(tmp_path / "o.jsonl"))
        return await n.submit(esc())
    status, where, _ = asyncio.run(go())
    assert (status, where) == ("off", "database")
    assert escalations.list_escalations(url=db_url)[0].notify_status == "off"


def test_last_failure_marks_failed_and_logs_an_error(db_url, tmp_path, caplog):
    async def go():
        with Webhook(mode="error") as hook:
            n = Notifier(config(db_url, hook.url, max_attempts=3, retry_base=0.05), FileOutbox(tmp_path / "o.jsonl"))
            await n.submit(esc())
            assert await wait_for(lambda: escalations.list_escalations(url=db_url)[0].notify_status == "failed")
            await n.stop()
            return len(hook.received)
    with caplog.at_level(logging.WARNING, logger="b12assist.notifier"):
        sent = asyncio.run(go())
    row = escalations.list_escalations(url=db_url)[0]
    assert sent == 3 and row.notify_attempts == 3 and row.notify_error == "HTTP 503"
    assert any(r.levelno == logging.ERROR and "NOT notified after 3 attempts" in r.getMessage()
               for r in caplog.records)


def test_database_down_goes_to_the_file_outbox_is_notified_and_drained_later(db_url, tmp_path):
    outbox = FileOutbox(tmp_path / "outbox" / "escalations.jsonl")

    async def go():
        with Webhook() as hook:
            n = Notifier(config(unavailable_db_url(tmp_path), hook.url), outbox)
            status, where, rid = await n.submit(esc(text="my throat is closing"))
            assert (status, where, rid) == ("sent", "file", None)     # notified without a record
            in_file = outbox.entries()
            assert len(in_file) == 1 and in_file[0]["notify_status"] == "sent"
            assert oct(outbox.path.stat().st_mode & 0o777) == "0o600"
            n.config = dataclasses.replace(n.config, db_url=db_url)   # the database is back
            n.wake()
            assert await wait_for(lambda: not outbox.entries())
            await asyncio.sleep(0.5)
            await n.stop()
            return in_file[0]["key"], hook.received
    key, received = asyncio.run(go())
    rows = escalations.list_escalations(url=db_url)
    assert len(rows) == 1 and rows[0].key == key and rows[0].message == "my throat is closing"
    assert rows[0].notify_status == "sent" and len(received) == 1      # not sent a second time
    print("\ndatabase down: escalations recorded 1/1 (via the file outbox), notifications delivered 1/1")


def test_file_outbox_entry_is_drained_by_a_new_notifier_after_restart(db_url, tmp_path):
    """An entry left in the file by a process that died is drained and notified by the next one."""
    outbox = FileOutbox(tmp_path / "o.jsonl")
    entry = esc().entry("pending")
    outbox.append(entry)

    async def go():
        with Webhook() as hook:
            n = Notifier(config(db_url, hook.url), outbox)
            n.ensure_started()
            assert await wait_for(lambda: len(hook.received) == 1)
            assert await wait_for(lambda: escalations.by_key(entry["key"], db_url) is not None and
                                  escalations.by_key(entry["key"], db_url).notify_status == "sent")
            await n.stop()
            return hook.received
    received = asyncio.run(go())
    assert received[0]["json"]["key"] == entry["key"] and outbox.entries() == []


def test_pending_delivery_survives_a_restart(db_url, tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"

    async def first_process():
        n = Notifier(config(db_url, url), FileOutbox(tmp_path / "o.jsonl"))
        status, _, rid = await n.submit(esc())
        await n.stop()                                   # the process ends with the notification pending
        return status, rid

    status, rid = asyncio.run(first_process())
    assert status == "pending"

    async def second_process():
        with Webhook(port) as hook:
            n = Notifier(config(db_url, url), FileOutbox(tmp_path / "o.jsonl"))
            n.ensure_started()
            assert await wait_for(lambda: escalations.list_escalations(url=db_url)[0].notify_status == "sent")
            await n.stop()
            return hook.received
    received = asyncio.run(second_process())
    assert len(received) == 1 and received[0]["json"]["escalation_id"] == rid


def tracker(text, sender="patient-9"):
    return Tracker(sender, {"escalation": None, "red_flag_category": None},
                   {"text": text, "intent": {"name": "red_flag_emergency", "confidence": 1.0},
                    "entities": [{"entity": "red_flag_category", "value": "swelling"}]},
                   [], False, None, {}, "action_listen")


def run_action(text):
    d = CollectingDispatcher()
    events = asyncio.run(ActionEscalate().run(d, tracker(text), {}))
    return d.messages[0]["text"], events


@pytest.fixture()
def action_env(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("B12_VAR_DIR", str(tmp_path))
    monkeypatch.setenv("B12_CLINIC_NAME", "Riverside Clinic")
    monkeypatch.setenv("B12_CLINIC_PHONE", "020 7946 0000")
    monkeypatch.setenv("B12_NOTIFY_SECRET", SECRET)
    monkeypatch.setattr(notifier, "_instance", None)
    return monkeypatch


def test_action_reply_claims_the_clinic_was_told_only_when_it_was(action_env, db_url):
    action_env.delenv("B12_NOTIFY_WEBHOOK_URL", raising=False)
    text, events = run_action("my lips are swelling")
    assert "let the clinic team know" not in text
    assert "call them yourself: Riverside Clinic: 020 7946 0000" in text
    with Webhook() as hook:
        action_env.setenv("B12_NOTIFY_WEBHOOK_URL", hook.url)
        text, _ = run_action("my face is swelling")
        assert text.startswith("I've let the clinic team know") and len(hook.received) == 1
    action_env.setenv("B12_NOTIFY_WEBHOOK_URL", f"http://127.0.0.1:{free_port()}/down")
    text, _ = run_action("my tongue is swelling")
    assert "could not confirm" in text and "020 7946 0000" in text
    assert [r.notify_status for r in escalations.list_escalations(url=db_url)] == ["pending", "sent", "off"]
    assert {e["name"]: e["value"] for e in events if e.get("event") == "slot"} == {
        "escalation": "emergency", "red_flag_category": "swelling"}


def test_outbox_skips_a_torn_last_line(tmp_path):
    outbox = FileOutbox(tmp_path / "o.jsonl")
    outbox.append(esc().entry("pending"))
    with open(outbox.path, "a") as f:
        f.write('{"key": "half-writ')                   # a crash in the middle of an append
    assert len(outbox.entries()) == 1 and json.loads(outbox.path.read_text().splitlines()[0])["level"] == "emergency"
    outbox.append(esc().entry("pending"))
    assert len(outbox.entries()) == 2


def test_an_escalation_the_channel_recorded_and_sent_is_one_record_and_told_as_sent(db_url, tmp_path, monkeypatch):
    """The input channel recorded the message's escalation (it had sent the guidance itself) and the
    notifier delivered it; Rasa then reaches action_escalate for the same message: no second record,
    no second notification, and the patient is told what is true (sent), at once."""
    monkeypatch.setenv("B12_NOTIFY_WEBHOOK_URL", "http://127.0.0.1:9/unused")   # the channel's process
    first = esc(conv="patient-7")

    async def go():
        with Webhook() as hook:
            assert notifier.leave_for_notifier(first, db_url=db_url) == "database"
            n = Notifier(config(db_url, hook.url), FileOutbox(tmp_path / "outbox.jsonl"))
            n.ensure_started()
            assert await wait_for(lambda: len(hook.received) == 1)
            again = dataclasses.replace(esc(conv="patient-7"), key=first.key)
            t0 = time.monotonic()
            status, where, _rid = await n.submit(again)
            waited = time.monotonic() - t0
            await asyncio.sleep(0.5)
            await n.stop()
            return status, where, waited, len(hook.received)
    status, where, waited, sent = asyncio.run(go())
    assert (status, where, sent) == ("sent", "database", 1)
    assert waited < 1.5                          # not the confirm wait (2 s here) for an attempt that is over
    rows = escalations.list_escalations(url=db_url)
    assert [(r.key, r.notify_status) for r in rows] == [(first.key, "sent")]
