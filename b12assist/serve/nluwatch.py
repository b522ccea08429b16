"""A watchdog for the NLU worker thread (pure: no Rasa).

The NLU pipeline runs on one worker thread (b12assist.serve.rasa_cli, patch 5). If one message kept
it busy for ever (an endless loop in a component), every later message would wait behind it while
the server itself still answers `GET /`, so monitoring would see nothing. (A regular expression that
never ends holds the interpreter lock: then the whole server stops and `GET /` fails too.) `Busy`
times the job the worker is on; `Check`, run every few seconds by `start`, reports a job busy for
longer than the limit (b12assist.health marks `nlu_worker` failing, /health answers 503) until the
worker is free again.

>>> now = [100.0]
>>> busy = Busy(clock=lambda: now[0])
>>> busy.busy_for()
0.0
>>> busy.run(lambda x: x * 2, 21)
42
>>> events = []
>>> check = Check(busy, limit=30.0, on_stuck=lambda s: events.append(("stuck", s)),
...               on_recovered=lambda: events.append(("recovered",)))
>>> busy._since = 100.0; now[0] = 145.0; check()
>>> busy._since = None; check(); check()
>>> events
[('stuck', 45.0), ('recovered',)]
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable


class Busy:
    """Times the job a single worker thread is running (one job at a time)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._since: float | None = None

    def run(self, fn: Callable, *args):
        self._since = self.clock()
        try:
            return fn(*args)
        finally:
            self._since = None

    def busy_for(self) -> float:
        since = self._since
        return 0.0 if since is None else self.clock() - since


class Check:
    """One look at the worker: `on_stuck(seconds)` on every look while a job is over the limit (so the
    report stays fresh), `on_recovered()` once when the worker is free again."""

    def __init__(self, busy: Busy, limit: float, on_stuck: Callable[[float], None],
                 on_recovered: Callable[[], None]) -> None:
        self.busy, self.limit = busy, limit
        self.on_stuck, self.on_recovered = on_stuck, on_recovered
        self.stuck = False

    def __call__(self) -> None:
        seconds = self.busy.busy_for()
        if seconds > self.limit:
            self.on_stuck(seconds)
            self.stuck = True
        elif self.stuck:
            self.on_recovered()
            self.stuck = False


def start(check: Check, every: float = 2.0) -> threading.Event:
    """Run `check` every `every` seconds on a daemon thread; set the returned event to stop it."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            try:
                check()
            except Exception:  # noqa: BLE001  (a failing report must not end the watch)
                logging.getLogger(__name__).exception("the NLU watchdog could not report")

    threading.Thread(target=loop, name="nlu-watchdog", daemon=True).start()
    return stop
