"""Health of the running assistant, for monitoring: each dependency checked, one summary.

- The Rasa server reports a tracker store failure (Rasa then silently keeps conversations in memory:
  the disclaimer repeats and forms lose their context) by writing `var/health/tracker_store.json`
  (see b12assist.serve.rasa_cli); it counts as failing for `FAILURE_WINDOW` seconds after the last error.
- The Rasa server's watchdog (b12assist.serve.nluwatch) writes `var/health/nlu_worker.json` while one
  message keeps the NLU worker busy longer than B12_NLU_STUCK_SECONDS (30), re-written every 2 s
  (it counts for 15 s), and removes it when the worker is free again.
- The web server's GET /health checks the Rasa server, the action server and the project database,
  reads that report, and answers 200 when all is well, 503 otherwise.
"""
from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
from pathlib import Path

from b12assist import settings

logger = logging.getLogger(__name__)
FAILURE_WINDOW = 600.0
# The NLU watchdog re-writes its report every 2 s while the worker is stuck: a report older than this
# is from a process that is gone or a worker that is free again.
WINDOWS = {"nlu_worker": 15.0}
CONSEQUENCES = {
    "tracker_store": "conversations are kept in memory only until it works again",
    "lock_store": "messages get 'please try again' (red flags: the emergency guidance) until it works again",
    "nlu_worker": "one message has kept the NLU worker busy for too long: new messages wait for an answer",
}


def _report_file(component: str) -> Path:
    return settings.VAR_DIR / "health" / f"{component}.json"


def mark_failure(component: str, error: BaseException, detail: str | None = None) -> None:
    """Record that `component` failed now (the error's type, and a `detail` without patient data)."""
    path = _report_file(component)
    first = False
    try:
        first = not path.exists()
        path.parent.mkdir(parents=True, exist_ok=True)
        report = {"at": time.time(), "error": type(error).__name__}
        if detail:
            report["detail"] = detail
        path.write_text(json.dumps(report))
    except OSError:
        logger.exception("could not write the health report for %s", component)
    if first:
        logger.error("%s failed (%s): %s; see /health", component, type(error).__name__,
                     CONSEQUENCES.get(component, "it is retried on the next message"))


def clear(component: str) -> None:
    """`component` works again: its report goes (used where a failure has a clear end, the NLU worker)."""
    try:
        _report_file(component).unlink()
    except FileNotFoundError:
        return
    except OSError:
        logger.exception("could not remove the health report for %s", component)
        return
    logger.warning("%s works again", component)


def recent_failure(component: str, now: float | None = None) -> dict | None:
    try:
        report = json.loads(_report_file(component).read_text())
    except (OSError, ValueError):
        return None
    now = time.time() if now is None else now
    return report if now - float(report.get("at", 0)) <= WINDOWS.get(component, FAILURE_WINDOW) else None


def failing_stores(now: float | None = None) -> list[dict]:
    """The stores the Rasa server reported failing recently, for the staff page: which one, since when
    (the last error, unix time), the error's type and what it means for patients."""
    found = []
    for component, consequence in CONSEQUENCES.items():
        report = recent_failure(component, now)
        if report:
            found.append({"component": component, "at": float(report.get("at", 0)),
                          "error": str(report.get("error", "error")), "consequence": consequence,
                          **({"detail": str(report["detail"])} if report.get("detail") else {})})
    return found


def check_http(url: str, timeout: float = 3.0) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return "ok" if resp.status < 500 else f"HTTP {resp.status}"
    except urllib.error.HTTPError as exc:
        return "ok" if exc.code < 500 else f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        return f"unreachable ({type(exc).__name__})"


def check_database(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 3} if url.startswith("postgresql") else {})
    try:
        with engine.connect() as con:
            con.execute(text("select 1"))
        return "ok"
    except Exception as exc:  # noqa: BLE001  (any failure is "not ok" here)
        return f"failing ({type(exc).__name__})"
    finally:
        engine.dispose()


def summary(rasa_url: str, action_url: str, database_url: str) -> tuple[bool, dict]:
    tracker = recent_failure("tracker_store")
    worker = recent_failure("nlu_worker")
    checks = {
        "rasa": check_http(rasa_url.rstrip("/") + "/"),
        "actions": check_http(action_url.rstrip("/") + "/health"),
        "project_database": check_database(database_url),
        "tracker_store": f"failing ({tracker['error']}): conversations kept in memory only" if tracker else "ok",
        "nlu_worker": (f"stuck ({worker.get('detail') or worker['error']}): new messages wait for an answer"
                       if worker else "ok"),
    }
    return all(v == "ok" for v in checks.values()), checks
