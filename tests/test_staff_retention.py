"""Retention on a real database: per-event purge (live conversations too), the open-escalation policy
(kept N days, then anonymised), forget reaching the file outbox; `b12-staff list` delivery status."""
from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from b12assist.notifier import Escalation as NewEscalation
from b12assist.outbox import FileOutbox
from b12assist.staff import transcripts
from b12assist.staff.cli import main
from b12assist.store import escalations
from b12assist.store.db import session
from b12assist.store.models import Escalation
from test_staff_cli import save_conversation


@pytest.fixture()
def env(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("B12_VAR_DIR", str(tmp_path))
    monkeypatch.delenv("B12_OPEN_ESCALATION_RETENTION", raising=False)
    return db_url


def run_cli(capsys, *argv):
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def age(escalation_id: int, days: int, url: str) -> None:
    with session(url) as s, s.begin():
        s.execute(update(Escalation).where(Escalation.id == escalation_id)
                  .values(created_at=datetime.utcnow() - timedelta(days=days)))


def test_purge_deletes_old_events_of_a_live_conversation(env, capsys):
    now = time.time()
    save_conversation(env, "long-runner", [("user", "old question"), ("bot", "old answer")], when=now - 120 * 86400)
    save_conversation(env, "long-runner", [("user", "old question"), ("bot", "old answer"),
                                           ("user", "new question"), ("bot", "new answer")], when=now - 1)
    # the second save appends only the events the store does not have yet: move the first two back in time
    from sqlalchemy import text
    from b12assist.store.db import engine_for
    eng = engine_for(env)
    with eng.begin() as conn:
        ids = [r[0] for r in conn.execute(text("select id from events where sender_id='long-runner' order by id"))]
        conn.execute(text("update events set timestamp=:t where id in (%s)" % ",".join(map(str, ids[:2]))),
                     {"t": now - 120 * 86400})
    eng.dispose()
    save_conversation(env, "gone", [("user", "hello"), ("bot", "hi")], when=now - 100 * 86400)
    rc, out, _ = run_cli(capsys, "purge", "--older-than", "90d", "--yes")
    assert rc == 0 and "conversations: 1 (" in out
    left = [t.text for t in transcripts.transcript(env, "long-runner")]
    assert "old question" not in left and "new question" in left and "new answer" in left
    assert transcripts.transcript(env, "gone") == []


def test_open_escalations_are_anonymised_after_their_period(env, capsys):
    old_open = escalations.record("conv-old", "emergency", "breathing", "I can't breathe, I'm Ann Smith", url=env)
    recent_open = escalations.record("conv-new", "urgent", "neuro_worsening", "numb feet", url=env)
    old_closed = escalations.record("conv-c", "urgent", "neuro_worsening", "tingling", url=env)
    escalations.acknowledge(old_closed, "nurse", url=env)
    age(old_open, 40, env)
    age(old_closed, 40, env)
    rc, out, _ = run_cli(capsys, "purge", "--older-than", "90d", "--open-escalations", "30d", "--yes")
    assert rc == 0 and "anonymised open escalations: 1" in out and "escalations: 0" in out
    rows = {r.id: r for r in escalations.list_escalations(url=env)}
    assert rows[old_open].message == "" and rows[old_open].conversation_id == "(removed)"
    assert (rows[old_open].level, rows[old_open].category) == ("emergency", "breathing")
    assert rows[old_open].anonymised_at is not None and rows[old_open].status == "new"
    assert rows[recent_open].message == "numb feet" and rows[old_closed].message == "tingling"
    # the policy also comes from the environment; a second run changes nothing more
    import os
    os.environ["B12_OPEN_ESCALATION_RETENTION"] = "30d"
    try:
        rc, out, _ = run_cli(capsys, "purge", "--older-than", "90d", "--yes")
    finally:
        del os.environ["B12_OPEN_ESCALATION_RETENTION"]
    assert "anonymised open escalations: 0" in out and "after 30 days" in out


def test_forget_reaches_the_file_outbox(env, capsys, tmp_path):
    outbox = FileOutbox()
    outbox.append(NewEscalation("patient-x", "emergency", "swelling", "lips swelling").entry("pending"))
    outbox.append(NewEscalation("patient-y", "emergency", "swelling", "face swelling").entry("pending"))
    assert outbox.path.parent.parent == tmp_path
    rc, out, err = run_cli(capsys, "list")
    assert "2 escalation(s) wait in the local file outbox" in err
    rc, out, _ = run_cli(capsys, "forget", "patient-x", "--yes")
    assert rc == 0 and "escalations: 1" in out
    assert [e["conversation_id"] for e in outbox.entries()] == ["patient-y"]


def test_list_shows_delivery_status_and_warns_about_failed(env, capsys):
    sent = escalations.record("c1", "emergency", "breathing", "x", url=env)
    failed = escalations.record("c2", "emergency", "swelling", "y", url=env)
    escalations.set_delivery(sent, "sent", 1, url=env)
    escalations.set_delivery(failed, "failed", 10, error="HTTP 503", url=env)
    rc, out, err = run_cli(capsys, "list")
    assert "NOTIFIED" in out and "failed(10)" in out and " sent " in out
    assert f"NOT notified of escalation(s) {failed}" in err
    rc, out, err = run_cli(capsys, "list", "--notified", "failed")
    assert "c2" in out and "c1" not in out
