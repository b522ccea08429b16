"""b12-staff on a real database, with conversations written by Rasa's own SQL tracker store."""
from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy.engine import make_url

from b12assist.staff.cli import main
from b12assist.store import escalations, plans
from b12assist.schedule.calculator import LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput, build_plan


def save_conversation(db_url: str, sender: str, messages: list[tuple[str, str]], when: float | None = None):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=url.database)
    else:
        store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host=url.host, port=url.port,
                                db=url.database, username=url.username, password=url.password or "")
    when = when or time.time()
    events = []
    for i, (speaker, text) in enumerate(messages):
        ts = when + i
        events.append(UserUttered(text, {"name": "greet", "confidence": 1.0}, timestamp=ts) if speaker == "user"
                      else BotUttered(text, timestamp=ts))
    tracker = DialogueStateTracker.from_events(sender, events)
    asyncio.run(store.save(tracker))
    store.engine.dispose()


@pytest.fixture()
def env(db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("B12_VAR_DIR", str(tmp_path))
    return db_url


def run_cli(capsys, *argv) -> tuple[int, str]:
    rc = main(list(argv))
    return rc, capsys.readouterr().out


def test_list_ack_transcript_export(env, capsys, tmp_path):
    save_conversation(env, "conv-a", [("user", "my lips are swelling"), ("bot", "⚠️ EMERGENCY: call 911 now.")])
    e1 = escalations.record("conv-a", "emergency", "swelling", "my lips are swelling", url=env)
    e2 = escalations.record("conv-b", "urgent", "neuro_worsening", "tingling worse", url=env)
    rc, out = run_cli(capsys, "list")
    assert rc == 0 and out.index(f"{e2:>5}") < out.index(f"{e1:>5}")          # newest first
    rc, out = run_cli(capsys, "list", "--level", "emergency")
    assert "swelling" in out and "neuro_worsening" not in out
    rc, out = run_cli(capsys, "list", "--since", (datetime.utcnow() + timedelta(days=1)).date().isoformat())
    assert "no escalations match" in out
    rc, out = run_cli(capsys, "ack", str(e1), "--by", "Nurse Jo")
    assert rc == 0 and "acknowledged by Nurse Jo" in out
    rc, out = run_cli(capsys, "list", "--status", "new")
    assert "neuro_worsening" in out and "swelling" not in out
    rc, out = run_cli(capsys, "transcript", str(e1))
    assert "**Patient** _(intent: greet)_: my lips are swelling" in out and "EMERGENCY" in out
    out_file = tmp_path / "conv.json"
    rc, _ = run_cli(capsys, "export", "conv-a", "--format", "json", "--out", str(out_file))
    data = json.loads(out_file.read_text())
    assert [t["speaker"] for t in data["turns"]] == ["patient", "assistant"]
    rc, out = run_cli(capsys, "export", "conv-a", "--format", "md")
    assert out.startswith("# Conversation conv-a")
    assert run_cli(capsys, "ack", "99999", "--by", "x")[0] == 1


def test_purge_and_forget_report_counts(env, capsys):
    old = time.time() - 100 * 86400
    save_conversation(env, "old-conv", [("user", "hello"), ("bot", "hi")], when=old)
    save_conversation(env, "new-conv", [("user", "hello"), ("bot", "hi")])
    plan = build_plan(PlanInput(datetime.utcnow().date(), LoadingPattern("daily"), LoadingLength(weeks=1),
                                MaintenanceInterval(months=1)))
    plans.save("new-conv", plan, url=env)
    closed = escalations.record("old-conv", "urgent", "neuro_worsening", "x", url=env)
    escalations.acknowledge(closed, "nurse", url=env)
    open_one = escalations.record("old-conv", "emergency", "breathing", "y", url=env)
    # age the escalations and make them older than the period
    from sqlalchemy import update
    from b12assist.store.db import session
    from b12assist.store.models import Escalation
    with session(env) as s, s.begin():
        s.execute(update(Escalation).values(created_at=datetime.utcnow() - timedelta(days=100)))
    rc, out = run_cli(capsys, "purge", "--older-than", "90d", "--yes")
    assert rc == 0 and "conversations: 1 (2 events), plans: 0, escalations: 1" in out
    assert [r.id for r in escalations.list_escalations(url=env)] == [open_one]   # open ones are kept
    rc, out = run_cli(capsys, "forget", "new-conv", "--yes")
    assert "conversations: 1 (2 events), plans: 1, escalations: 0" in out
    assert plans.load("new-conv", url=env) is None
    rc, out = run_cli(capsys, "export", "new-conv", "--format", "json")
    assert json.loads(out)["turns"] == []
    assert run_cli(capsys, "purge", "--older-than", "soon", "--yes")[0] == 2


def test_installed_console_script(env):
    out = subprocess.run([sys.executable.replace("python", "b12-staff"), "list"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0 and "no escalations match" in out.stdout
