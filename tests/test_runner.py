"""`make run`'s own code path: b12assist.serve.runner renders the endpoints and starts all three servers;
the conversation lands in the configured database (SQLite, or PostgreSQL in make test's second pass)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from b12assist.netutil import free_port, wait_http

pytestmark = pytest.mark.server
ROOT = Path(__file__).resolve().parent.parent


def _start_runner(tmp_path: Path, database_url: str):
    """`python -m b12assist.serve.runner run` on free ports, as `make run` starts it."""
    rasa, action, web = free_port(), free_port(), free_port()
    env = dict(os.environ, B12_RASA_PORT=str(rasa), B12_ACTION_PORT=str(action), B12_WEB_PORT=str(web),
               B12_VAR_DIR=str(tmp_path), B12_DATABASE_URL=database_url, RASA_TELEMETRY_ENABLED="false")
    log = open(tmp_path / "runner.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "b12assist.serve.runner", "run"], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return proc, rasa, action, web


def _say(rasa_port: int, sender: str, message: str) -> list[dict]:
    req = urllib.request.Request(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook",
                                 data=json.dumps({"sender": sender, "message": message}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def _interrupt(proc: subprocess.Popen) -> None:
    """Ctrl-C the runner's process group, as a terminal would."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def test_runner_starts_everything_on_the_configured_database(tmp_path):
    if not (ROOT / "models" / "b12.tar.gz").exists():
        pytest.fail("models/b12.tar.gz is missing: run `make train`")
    url = os.environ.get("B12_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'b12.db'}"
    proc, rasa, action, web = _start_runner(tmp_path, url)
    try:
        wait_http(f"http://127.0.0.1:{rasa}/", proc=proc)
        wait_http(f"http://127.0.0.1:{web}/health", proc=proc)
        wait_http(f"http://127.0.0.1:{action}/health", proc=proc)
        rendered = yaml.safe_load((tmp_path / "endpoints.yml").read_text())
        assert rendered["action_endpoint"]["url"].endswith(f":{action}/webhook")
        if url.startswith("postgres"):
            assert rendered["tracker_store"]["dialect"].startswith("postgresql")
        sender = "runner-" + uuid.uuid4().hex[:10]
        replies = _say(rasa, sender, "hi")
        assert any("not for emergencies" in r.get("text", "") for r in replies)
        engine = create_engine(url)
        with engine.connect() as con:
            n = con.execute(text("select count(*) from events where sender_id=:s and type_name='user'"),
                            {"s": sender}).scalar()
        engine.dispose()
        assert n == 1
    finally:
        _interrupt(proc)
    for port in (rasa, action, web):   # Ctrl-C stopped all three
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


def _pid_of(words: list[str]) -> int:
    """The process whose command line holds all these words (from /proc: no extra tools needed)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                args = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
            except OSError:
                continue
            if all(w in args for w in words):
                return int(entry.name)
    raise LookupError(words)


def test_a_crashed_action_server_is_restarted_and_the_rest_keeps_answering(tmp_path):
    """Kill -9 the action server under `make run`: emergency guidance still comes (a rule sends it
    without the action server), the supervisor starts the action server again, and custom actions
    work again."""
    proc, rasa, action, web = _start_runner(tmp_path, f"sqlite:///{tmp_path / 'b12.db'}")

    def say(message):
        return _say(rasa, "crash-test", message)

    try:
        wait_http(f"http://127.0.0.1:{rasa}/", proc=proc)
        wait_http(f"http://127.0.0.1:{action}/health", proc=proc)
        os.kill(_pid_of(["actions", "--port", str(action)]), signal.SIGKILL)
        replies = say("my throat is closing up")
        assert replies[0]["text"].startswith("⚠️ EMERGENCY")
        assert proc.poll() is None, "the runner must keep running"
        wait_http(f"http://127.0.0.1:{action}/health", proc=proc, timeout=120)
        assert any("reach the team directly" in r.get("text", "") for r in say("can I talk to a nurse?"))
        assert b"action server exited" in (tmp_path / "runner.log").read_bytes()
    finally:
        _interrupt(proc)


def test_start_says_when_the_emergency_number_is_the_default():
    from b12assist.serve.runner import emergency_number_note
    note = emergency_number_note({})
    assert "B12_EMERGENCY_NUMBER is not set" in note and "999" in note and "911" in note
    assert emergency_number_note({"B12_EMERGENCY_NUMBER": "  "}) == note       # blank counts as not set
    assert emergency_number_note({"B12_EMERGENCY_NUMBER": "999"}) == ""
