"""The supervisor on real child processes (small Python programs), with a controllable clock."""
from __future__ import annotations

import sys

from b12assist.supervisor import MAX_DELAY, Child, Supervisor

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]
CRASHER = [sys.executable, "-c", "import sys; sys.exit(3)"]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def settle(child):
    child.proc.wait(timeout=10)


def test_a_crashed_child_is_restarted_with_backoff_and_the_others_keep_running():
    clock, logged = Clock(), []
    steady, crashing = Child("steady", SLEEPER), Child("crashing", CRASHER)
    sup = Supervisor([steady, crashing], log=logged.append, clock=clock)
    sup.start()
    try:
        delays = []
        for _ in range(7):
            settle(crashing)
            sup.check()                       # notices the crash, schedules the restart
            delays.append(crashing.restart_at - clock.now)
            clock.now = crashing.restart_at   # time passes
            sup.check()                       # restarts it
        assert delays == [1, 2, 4, 8, 16, 30, 30] and MAX_DELAY == 30
        assert crashing.restarts == 7
        assert steady.proc.poll() is None and steady.restarts == 0
        assert any("crashing exited with code 3" in line for line in logged)
    finally:
        sup.stop()
    assert steady.proc.poll() is not None


def test_backoff_starts_again_after_a_child_stayed_up():
    clock = Clock()
    crashing = Child("crashing", CRASHER)
    sup = Supervisor([crashing], log=lambda _line: None, clock=clock)
    sup.start()
    for _ in range(3):
        settle(crashing)
        sup.check()
        clock.now = crashing.restart_at
        sup.check()
    settle(crashing)
    clock.now += 61                          # it had been up for over a minute
    sup.check()
    assert crashing.restart_at - clock.now == 1
    sup.stop()
