"""Keep child processes running: a crashed child is restarted with back-off while the others go on.

    sup = Supervisor([Child("actions", [...], env=...), Child("rasa", [...])])
    sup.start(); sup.watch()   # until Ctrl-C / SIGTERM; then sup.stop()

Back-off: 1 s after the first crash, doubling up to 30 s; a child that stayed up for a minute
starts again from 1 s. Every start and crash is printed, so an operator sees it in `make run`.
Pure standard library: no Rasa here.
"""
from __future__ import annotations

import signal
import subprocess
import time
from dataclasses import dataclass, field
from typing import Callable

FIRST_DELAY = 1.0
MAX_DELAY = 30.0
STABLE_AFTER = 60.0


@dataclass
class Child:
    name: str
    cmd: list[str]
    cwd: str | None = None
    env: dict | None = None
    stdout: object = None
    proc: subprocess.Popen | None = None
    started_at: float = 0.0
    delay: float = FIRST_DELAY
    restart_at: float | None = None
    restarts: int = 0
    on_start: Callable[["Child"], None] | None = field(default=None, repr=False)

    def spawn(self, now: float) -> None:
        self.proc = subprocess.Popen(self.cmd, cwd=self.cwd, env=self.env, stdout=self.stdout,
                                     stderr=subprocess.STDOUT if self.stdout else None)
        self.started_at, self.restart_at = now, None
        if self.on_start:
            self.on_start(self)


class Supervisor:
    def __init__(self, children: list[Child], log: Callable[[str], None] = print,
                 clock: Callable[[], float] = time.monotonic):
        self.children = children
        self.log = log
        self.clock = clock

    def start(self) -> None:
        for child in self.children:
            child.spawn(self.clock())

    def check(self) -> None:
        """One round: note crashed children, restart those whose back-off has passed."""
        now = self.clock()
        for child in self.children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    self.log(f"[supervisor] restarting {child.name} (restart {child.restarts})")
                    child.spawn(now)
                continue
            code = child.proc.poll() if child.proc else None
            if code is None:
                continue
            if now - child.started_at >= STABLE_AFTER:
                child.delay = FIRST_DELAY
            self.log(f"[supervisor] {child.name} exited with code {code}; restarting in {child.delay:.0f} s, "
                     "the other servers keep running")
            child.restart_at = now + child.delay
            child.delay = min(child.delay * 2, MAX_DELAY)

    def watch(self, interval: float = 0.5) -> None:
        """Check until interrupted (Ctrl-C, or SIGTERM turned into KeyboardInterrupt)."""
        def _terminate(_signum, _frame):
            raise KeyboardInterrupt
        signal.signal(signal.SIGTERM, _terminate)
        while True:
            self.check()
            time.sleep(interval)

    def stop(self, timeout: float = 10.0) -> None:
        running = [c.proc for c in self.children if c.proc and c.proc.poll() is None]
        for proc in running:
            proc.send_signal(signal.SIGINT)
        deadline = time.monotonic() + timeout
        for proc in running:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                # SIGINT can be ignored (a child started from a background shell inherits SIG_IGN)
                proc.kill()
                proc.wait(timeout=5)
