"""Escalations under faults, over REST against the real stack (Rasa server, action server, database)
and a real local webhook server: what the patient is told, what the clinic receives, what is recorded.

The session stack's action server is restarted for this module with a clinic webhook configured
(fast retries), and its project database behind something the test can switch off: a SQLite file in
a directory that is moved away, or, in the PostgreSQL pass, a TCP proxy in front of the server."""
from __future__ import annotations

import concurrent.futures
import os
import shutil
import time
import uuid

import pytest
from sqlalchemy.engine import make_url

from b12assist import notify
from b12assist.netutil import free_port
from b12assist.store import escalations
from conftest import texts
from tcp_proxy import TcpProxy
from webhook_server import Webhook

pytestmark = pytest.mark.server
SECRET = "e2e-webhook-secret"
TOLD = "let the clinic team know"


def new_sender() -> str:
    return "esc-" + uuid.uuid4().hex[:12]


class Clinic:
    """The action server's clinic webhook port and project database, both under the test's control."""

    def __init__(self, stack):
        self.stack = stack
        self.hook_port = free_port()
        self.hook_url = f"http://127.0.0.1:{self.hook_port}/b12"
        self.hooks: list[Webhook] = []
        self.pg = os.environ.get("B12_TEST_DATABASE_URL")
        if self.pg:
            self.db_url = self.pg
            url = make_url(self.pg)
            self.proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432, free_port())
            self.proxy.up()
            self.action_db_url = str(url.set(host="127.0.0.1", port=self.proxy.port))
            if url.password:
                self.action_db_url = url.set(host="127.0.0.1", port=self.proxy.port).render_as_string(
                    hide_password=False)
        else:
            # The stack's own project database, as in production: red flags that earlier tests sent
            # are recorded there, so the reconcile check below finds only what this module missed.
            self.db_url = self.action_db_url = stack.env["B12_DATABASE_URL"]
            self.db_dir = stack.tmp / "projdb"
            assert self.db_url == f"sqlite:///{self.db_dir / 'b12.db'}"

    def webhook(self, mode="ok") -> Webhook:
        for h in self.hooks:
            h.close()
        self.hooks = [Webhook(self.hook_port, mode)]
        return self.hooks[0]

    def webhook_down(self) -> None:
        for h in self.hooks:
            h.close()
        self.hooks = []

    def database(self, available: bool) -> None:
        if self.pg:
            (self.proxy.up if available else self.proxy.down)()
        elif available:
            shutil.move(str(self.db_dir.with_name("projdb-away")), str(self.db_dir))
        else:
            shutil.move(str(self.db_dir), str(self.db_dir.with_name("projdb-away")))

    def rows(self, sender: str):
        return [r for r in escalations.list_escalations(url=self.db_url) if r.conversation_id == sender]


@pytest.fixture(scope="module")
def clinic(stack):
    c = Clinic(stack)
    saved = dict(stack.env)
    stack.env.update({"B12_NOTIFY_WEBHOOK_URL": c.hook_url, "B12_NOTIFY_SECRET": SECRET,
                      "B12_NOTIFY_RETRY_BASE": "0.3", "B12_NOTIFY_RETRY_CAP": "1.5", "B12_NOTIFY_MAX_ATTEMPTS": "200",
                      "B12_NOTIFY_TIMEOUT": "20", "B12_DATABASE_URL": c.action_db_url,
                      "B12_CLINIC_NAME": "Riverside Clinic", "B12_CLINIC_PHONE": "020 7946 0000"})
    stack.stop("actions")
    stack.start_actions()
    yield c
    c.webhook_down()
    if c.pg:
        c.proxy.down()
    stack.env.clear()
    stack.env.update(saved)
    stack.stop("actions")
    stack.start_actions()


def received_for(hook: Webhook, sender: str) -> list[dict]:
    return [r for r in hook.received if r["json"]["conversation_id"] == sender]


def wait_until(predicate, timeout=30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def emergency(stack, sender, text="my throat is closing up") -> tuple[str, float]:
    started = time.monotonic()
    replies = stack.say(sender, text)
    elapsed = time.monotonic() - started
    assert replies[0]["text"].startswith("⚠️"), replies          # the emergency guidance comes first
    return texts(replies), elapsed


def test_without_a_webhook_the_reply_does_not_claim_the_clinic_was_told(stack):
    # the session stack as `make run` starts it by default: no clinic webhook configured
    body, elapsed = emergency(stack, new_sender(), "my lips are swelling up")
    assert TOLD not in body and "please also call them yourself" in body
    print(f"\nno webhook: emergency reply in {elapsed:.2f} s, says to call the clinic")


def test_webhook_up_reply_claims_it_and_the_clinic_gets_a_signed_payload(clinic):
    hook = clinic.webhook("ok")
    sender = new_sender()
    body, elapsed = emergency(clinic.stack, sender)
    got = received_for(hook, sender)
    assert TOLD in body and "call them yourself" not in body
    assert len(got) == 1 and notify.verify(SECRET, got[0]["headers"], got[0]["body"])
    assert got[0]["json"]["level"] == "emergency"
    assert wait_until(lambda: [r.notify_status for r in clinic.rows(sender)] == ["sent"])
    print(f"\nwebhook up: reply in {elapsed:.2f} s; recorded 1/1, delivered 1/1 (signed)")


def test_a_named_message_is_recorded_under_the_key_the_channel_would_use(clinic):
    """A client that names its message (metadata.message_id): the action's record is keyed by the
    client's id and the text, the key the channel uses when it records a fallback for any attempt of
    the same message (so a retry that falls back adds no second record)."""
    from b12assist.reconcile import escalation_key, message_identity

    clinic.webhook("ok")
    sender, text = new_sender(), "my lips are swelling up and my throat feels tight"
    clinic.stack.say(sender, text, metadata={"message_id": "client-42"})
    assert wait_until(lambda: len(clinic.rows(sender)) == 1)
    key = escalation_key(sender, message_identity(None, {"message_id": "client-42"}, text))
    assert [r.key for r in clinic.rows(sender)] == [key]


def test_webhook_down_then_up_is_delivered_once_signed(clinic):
    clinic.webhook_down()
    sender = new_sender()
    body, elapsed = emergency(clinic.stack, sender)
    assert TOLD not in body and "Riverside Clinic: 020 7946 0000" in body
    assert [r.notify_status for r in clinic.rows(sender)] == ["pending"]
    hook = clinic.webhook("ok")
    assert wait_until(lambda: [r.notify_status for r in clinic.rows(sender)] == ["sent"])
    time.sleep(1)                                          # a duplicate would have arrived by now
    got = received_for(hook, sender)
    assert len(got) == 1 and notify.verify(SECRET, got[0]["headers"], got[0]["body"])
    print(f"\nwebhook down then up: reply in {elapsed:.2f} s (says call the clinic); recorded 1/1, "
          f"delivered 1/1 after {clinic.rows(sender)[0].notify_attempts} attempts")


def test_hung_webhook_keeps_replies_fast(clinic):
    clinic.webhook("hang")
    stack = clinic.stack
    senders = [new_sender() for _ in range(6)]
    times = []
    for sender in senders[:3]:
        body, elapsed = emergency(stack, sender)
        assert TOLD not in body
        times.append(elapsed)
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        results = list(pool.map(lambda s: emergency(stack, s, "my face and lips are swelling"), senders[3:]))
    times += [t for _, t in results]
    ordinary = []
    for question in ("when is my next shot?", "does it go in the muscle or under the skin"):
        started = time.monotonic()
        assert stack.say(new_sender(), question)
        ordinary.append(time.monotonic() - started)
    print(f"\nhung webhook: emergency replies {', '.join(f'{t:.2f}' for t in times)} s; "
          f"ordinary (custom action / FAQ) {', '.join(f'{t:.2f}' for t in ordinary)} s")
    assert max(times) < 5 and max(ordinary) < 5
    for sender in senders:
        assert [r.notify_status for r in clinic.rows(sender)] == ["pending"]    # recorded 6/6, none lost
    clinic.webhook("ok")                                  # the webhook recovers: everything arrives
    assert wait_until(lambda: all([r.notify_status for r in clinic.rows(s)] == ["sent"] for s in senders), 60)
    print("hung webhook then recovered: recorded 6/6, delivered 6/6")


def test_killed_action_server_delivers_after_restart(clinic):
    clinic.webhook_down()
    stack = clinic.stack
    sender = new_sender()
    emergency(stack, sender)
    assert [r.notify_status for r in clinic.rows(sender)] == ["pending"]
    stack.procs["actions"].kill()                           # as an out-of-memory kill would
    stack.procs["actions"].wait(10)
    hook = clinic.webhook("ok")
    time.sleep(1)
    assert received_for(hook, sender) == []                 # nobody else sends it
    stack.start_actions()
    assert wait_until(lambda: [r.notify_status for r in clinic.rows(sender)] == ["sent"])
    time.sleep(1)
    got = received_for(hook, sender)
    assert len(got) == 1 and notify.verify(SECRET, got[0]["headers"], got[0]["body"])
    print("\naction server killed before delivery: recorded 1/1, delivered 1/1 after the restart")


def test_database_unavailable_goes_to_the_file_outbox_and_is_drained(clinic):
    hook = clinic.webhook("ok")
    outbox = clinic.stack.tmp / "outbox" / "escalations.jsonl"
    senders = [new_sender(), new_sender()]
    clinic.database(False)
    try:
        bodies = [emergency(clinic.stack, s)[0] for s in senders]
        assert all(TOLD in b for b in bodies)              # notified even though nothing was recorded
        assert outbox.exists() and all(s in outbox.read_text() for s in senders)
    finally:
        clinic.database(True)
    assert wait_until(lambda: all(len(clinic.rows(s)) == 1 for s in senders))
    assert wait_until(lambda: not outbox.read_text().strip())
    time.sleep(1)
    for sender in senders:
        assert [r.notify_status for r in clinic.rows(sender)] == ["sent"]
        assert len(received_for(hook, sender)) == 1          # delivered once, not again after the drain
    print("\nproject database unavailable: recorded 2/2 (via the file outbox, drained), delivered 2/2")


def test_red_flag_while_the_action_server_is_down_is_recorded_and_notified_when_it_is_back(clinic):
    stack = clinic.stack
    hook = clinic.webhook("ok")
    stack.stop("actions")
    sender = new_sender()
    replies = stack.say(sender, "my throat is closing up")
    assert replies[0]["text"].startswith("⚠️")               # the guidance does not need the action server
    assert TOLD not in texts(replies)
    assert clinic.rows(sender) == []
    # back, and told where Rasa keeps conversations (as `make run` renders it) and to look 180 s back (a loaded machine can take long to start it)
    stack.env.update({"B12_TRACKER_DATABASE_URL": stack.database_url, "B12_RECONCILE_GRACE": "3",
                      "B12_RECONCILE_EVERY": "1", "B12_RECONCILE_WINDOW": "180"})
    stack.start_actions()
    assert wait_until(lambda: [r.notify_status for r in clinic.rows(sender)] == ["sent"], 45)
    time.sleep(1)
    got = received_for(hook, sender)
    assert len(got) == 1 and notify.verify(SECRET, got[0]["headers"], got[0]["body"])
    row = clinic.rows(sender)[0]
    assert row.level == "emergency" and row.message == "my throat is closing up"
    print("\nred flag while the action server was down: recorded 1/1 when it came back, delivered 1/1")
