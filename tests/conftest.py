"""Shared fixtures. Server tests start the real action server and Rasa server (trained model) on
test ports, with their own SQLite files, and stop them afterwards."""
from __future__ import annotations

# The blind sets' generator scripts (tests/*/blind/<date>/compute.py) are data, not tests.
collect_ignore_glob = ["*/blind/*"]

import json
import os
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import pytest

from b12assist.serve import endpoints, runner
from b12assist.netutil import free_port, wait_http

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "b12.tar.gz"
BIN = Path(sys.executable).parent


@pytest.fixture()
def db_url(tmp_path, monkeypatch):
    """A fresh SQLite database for one test (or PostgreSQL when B12_TEST_DATABASE_URL is set)."""
    url = os.environ.get("B12_TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'b12.db'}"
    monkeypatch.setenv("B12_DATABASE_URL", url)
    if url.startswith("postgres"):
        from sqlalchemy import text
        from b12assist.store.db import engine_for
        eng = engine_for(url)
        with eng.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS escalations, plans, review_labels, alembic_version CASCADE"))
        eng.dispose()
        from b12assist.store import db
        db._factory.cache_clear()
    return url


class Stack:
    """The running assistant: action server, Rasa server, demo web server."""

    def __init__(self, tmp: Path, env: dict[str, str] | None = None, model: Path = MODEL):
        """`env`: extra environment for the three servers (for example B12_TODAY for a dated set);
        `model`: the trained model the Rasa server loads."""
        self.tmp = tmp
        (tmp / "projdb").mkdir(exist_ok=True)
        self.model = model
        self.rasa_port, self.action_port, self.web_port = free_port(), free_port(), free_port()
        self.env = dict(os.environ)
        self.env.update({
            # The project database (SQLite in its own directory, which the escalation tests move away
            # to take it down), or the PostgreSQL database of B12_TEST_DATABASE_URL.
            "B12_VAR_DIR": str(tmp), "B12_DATABASE_URL": os.environ.get("B12_TEST_DATABASE_URL", f"sqlite:///{tmp / 'projdb' / 'b12.db'}"),
            "B12_PUBLIC_BASE_URL": f"http://127.0.0.1:{self.web_port}",
            "B12_ALLOWED_ORIGINS": f"http://127.0.0.1:{self.web_port},http://localhost:{self.web_port}",
            "B12_STAFF_TOKEN": "test-staff-token", "B12_RASA_PUBLIC_URL": f"http://127.0.0.1:{self.rasa_port}", "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT),
            # As `make run`: the action server on loopback, callable only with the shared secret.
            "B12_ACTION_SECRET": "test-" + uuid.uuid4().hex, "SANIC_HOST": "127.0.0.1",
            "B12_ACTION_URL": f"http://127.0.0.1:{self.action_port}",
            # The notifier checks the tracker store for unrecorded red flags when the action server
            # starts, then hourly here (30 s in production): tests that drop the project tables while
            # this stack runs must not see old red flags re-recorded in them. The reconcile tests set
            # their own period.
            "B12_RECONCILE_EVERY": "3600",
        })
        self.env.update(env or {})
        self.origins = [f"http://127.0.0.1:{self.web_port}", f"http://localhost:{self.web_port}"]
        # Conversations: SQLite in tmp, or the PostgreSQL database of B12_TEST_DATABASE_URL.
        self.database_url = os.environ.get("B12_TEST_DATABASE_URL") or f"sqlite:///{tmp / 'tracker.db'}"
        self.tracker_db = tmp / "tracker.db"
        self.endpoints = tmp / "endpoints.yml"
        self.procs: dict[str, subprocess.Popen] = {}

    def _log(self, name: str):
        return open(self.tmp / f"{name}.log", "ab")

    def start_actions(self) -> None:
        cmd = runner.action_server_cmd(self.action_port, env=self.env)
        self.procs["actions"] = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self._log("actions"),
                                                 stderr=subprocess.STDOUT)
        wait_http(f"http://127.0.0.1:{self.action_port}/health", proc=self.procs["actions"])

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name, None)
        if proc and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()

    def start(self) -> "Stack":
        # The same rendering and command lines as `make run` (b12assist.serve.endpoints, b12assist.serve.runner).
        endpoints.render(self.endpoints, action_port=self.action_port, database_url=self.database_url,
                         action_secret=self.env["B12_ACTION_SECRET"])
        self.start_actions()
        cmd = runner.rasa_server_cmd(self.endpoints, self.rasa_port, self.model, origins=self.origins)
        self.procs["rasa"] = subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=self._log("rasa"),
                                              stderr=subprocess.STDOUT)
        web = runner.web_server_cmd(self.web_port, host="127.0.0.1")
        self.procs["web"] = subprocess.Popen(web, cwd=ROOT, env=self.env, stdout=self._log("web"),
                                             stderr=subprocess.STDOUT)
        wait_http(f"http://127.0.0.1:{self.rasa_port}/", proc=self.procs["rasa"])
        wait_http(f"http://127.0.0.1:{self.web_port}/health", proc=self.procs["web"])
        return self

    def close(self) -> None:
        for name in list(self.procs):
            self.stop(name)

    def say(self, sender: str, message, timeout: float = 60, metadata: dict | None = None) -> list[dict]:
        payload = {"sender": sender, "message": message}
        if metadata is not None:
            payload["metadata"] = metadata
        body = json.dumps(payload).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return json.loads(resp.read())


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("models/b12.tar.gz is missing: run `make train` (make test trains first)")
    s = Stack(tmp_path_factory.mktemp("stack")).start()
    yield s
    s.close()


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages if m.get("text"))
