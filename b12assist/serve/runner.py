"""`make run` and `make shell`: start the action server, the Rasa server and the demo portal.

    python -m b12assist.serve.runner run     # :5055 actions, :5005 Rasa (REST + socket.io), :8080 portal
    python -m b12assist.serve.runner shell   # :5055 actions, then `rasa shell` in this terminal
Ctrl-C stops everything it started. A server that crashes is restarted with back-off while the
others keep running (b12assist.supervisor). The action server and the portal listen on 127.0.0.1
(B12_ACTION_HOST, B12_WEB_HOST to change); the action server accepts calls only with the shared
secret (B12_ACTION_SECRET, or one generated for this run), which the Rasa server sends.
"""
from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

from b12assist import settings
from b12assist.serve import endpoints
from b12assist.netutil import wait_http
from b12assist.supervisor import Child, Supervisor

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "b12.tar.gz"


def _env() -> dict:
    env = dict(os.environ)
    # One secret between the Rasa server and the action server for this run, unless configured.
    env.setdefault("B12_ACTION_SECRET", secrets.token_urlsafe(24))
    # rasa_sdk binds to SANIC_HOST: loopback unless the operator says otherwise.
    env["SANIC_HOST"] = env.get("B12_ACTION_HOST", "127.0.0.1")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("PYTHONWARNINGS", "ignore")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# The Rasa server and shell start through b12assist.serve.rasa_cli (the `rasa` CLI with measured fixes).
RASA_CLI = [str(BIN / "python"), "-m", "b12assist.serve.rasa_cli"]


def action_server_cmd(port: int = 5055, env: dict | None = None) -> list[str]:
    """The action server's command line; at debug level when LOG_LEVEL=DEBUG in `env` (the
    environment it will run with; default this process's), as the Rasa server, since `rasa run
    actions` does not read LOG_LEVEL itself."""
    debug = (os.environ if env is None else env).get("LOG_LEVEL", "").upper() == "DEBUG"
    return [str(BIN / "rasa"), "run", "actions", "--port", str(port), "--actions", "actions", *(["--debug"] if debug else [])]


def rasa_server_cmd(endpoints_file: Path, port: int = 5005, model: Path = MODEL,
                    origins: list[str] | None = None) -> list[str]:
    if origins is None:
        origins = settings.load().allowed_origins
    cmd = [*RASA_CLI, "run", "--port", str(port), "--model", str(model),
           "--endpoints", str(endpoints_file), "--credentials", str(ROOT / "credentials.yml")]
    if origins:
        cmd += ["--cors", *origins]
    return cmd


def web_server_cmd(port: int = 8080, host: str | None = None) -> list[str]:
    cmd = [sys.executable, "-m", "web.server", "--port", str(port)]
    return cmd + ["--host", host] if host else cmd


def ports() -> tuple[int, int, int]:
    """(Rasa, action server, web server) ports: 5005, 5055, 8080 unless B12_RASA_PORT,
    B12_ACTION_PORT or B12_WEB_PORT say otherwise (tests run the runner on free ports)."""
    env = os.environ.get
    return int(env("B12_RASA_PORT", "5005")), int(env("B12_ACTION_PORT", "5055")), int(env("B12_WEB_PORT", "8080"))


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 10
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()


def run() -> int:
    env = _env()
    rasa_port, action_port, web_port = ports()
    ep = endpoints.render(action_port=action_port, action_secret=env["B12_ACTION_SECRET"])
    env["B12_ACTION_URL"] = f"http://127.0.0.1:{action_port}"   # for the portal's /health
    web_host = os.environ.get("B12_WEB_HOST", "127.0.0.1")
    children = [Child("action server", action_server_cmd(action_port, env), cwd=str(ROOT), env=env),
                Child("Rasa server", rasa_server_cmd(ep, rasa_port), cwd=str(ROOT), env=env),
                Child("web server", web_server_cmd(web_port, web_host), cwd=str(ROOT), env=env)]
    sup = Supervisor(children)
    try:
        children[0].spawn(time.monotonic())
        wait_http(f"http://127.0.0.1:{action_port}/health", proc=children[0].proc)
        for child in children[1:]:
            child.spawn(time.monotonic())
        wait_http(f"http://127.0.0.1:{rasa_port}/", proc=children[1].proc)
        print("\nB12 Assist is running:\n"
              f"  demo clinic portal  http://localhost:{web_port}/\n"
              f"  REST webhook        http://localhost:{rasa_port}/webhooks/rest/webhook\n"
              f"  action server       http://localhost:{action_port}/health\n"
              "A server that crashes is restarted; Ctrl-C stops everything.\n", flush=True)
        note = emergency_number_note(env)
        if note:
            print(note + "\n", flush=True)
        sup.watch()
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        sup.stop()


def emergency_number_note(env: dict) -> str:
    """A clinic that has not set its emergency number gets the default (911) in every emergency reply:
    say so at start, so that a UK (999) or EU (112) clinic sets it before patients use the widget."""
    if (env.get("B12_EMERGENCY_NUMBER") or "").strip():
        return ""
    return ("NOTE: B12_EMERGENCY_NUMBER is not set, so emergency replies and the widget's call button say 911 "
            "(US/Canada). Set it for your country before patients use the widget, e.g. "
            "B12_EMERGENCY_NUMBER=999 make run (UK), 112 (EU), 000 (Australia).")


def shell() -> int:
    env = _env()
    port = int(os.environ.get("B12_ACTION_PORT", "5055"))
    ep = endpoints.render(action_port=port, action_secret=env["B12_ACTION_SECRET"])
    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    action = subprocess.Popen(action_server_cmd(port, env), cwd=ROOT, env=env,
                              stdout=open(settings.VAR_DIR / "action-server.log", "a"), stderr=subprocess.STDOUT)
    try:
        wait_http(f"http://127.0.0.1:{port}/health", proc=action)
        print("Action server ready. Talk to B12 Assist below; type /stop to quit.", flush=True)
        shell_port = os.environ.get("B12_SHELL_PORT", "5006")   # not 5005, so it runs beside `make run`
        return subprocess.call([*RASA_CLI, "shell", "--model", str(MODEL), "--endpoints", str(ep),
                                "--port", shell_port], cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        _stop([action])


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    sys.exit({"run": run, "shell": shell}[command]())
