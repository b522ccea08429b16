"""`make shell`, driven like a member of staff at a terminal (pexpect)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from b12assist.netutil import free_port

pytestmark = pytest.mark.shell
ROOT = Path(__file__).resolve().parent.parent


def test_make_shell_dosing_question_then_schedule_form(tmp_path):
    env = dict(os.environ, B12_ACTION_PORT=str(free_port()), B12_SHELL_PORT=str(free_port()),
               B12_VAR_DIR=str(tmp_path), TERM="dumb",
               PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    child = pexpect.spawn("make", ["--no-print-directory", "shell"], cwd=str(ROOT), env=env,
                          encoding="utf-8", timeout=240, dimensions=(50, 200))
    child.logfile_read = open(tmp_path / "shell.log", "w")
    try:
        child.expect("Your input")
        child.sendline("how often are the first b12 injections?")
        child.expect("Treatment usually starts with a loading phase")
        child.expect("Plan my dates")                   # the answer's buttons, as a menu
        child.send("\x1b[B\x1b[B")                      # arrow down twice: "Plan my dates"
        child.send("\r")
        child.expect("Which part of your treatment")     # the schedule form starts with the phase
        child.expect("Maintenance \\(regular top-ups\\)")
        child.send("\x1b[B")                           # arrow down once: "Maintenance"
        child.send("\r")
        child.expect("last maintenance injection")       # nothing about loading for maintenance
        child.expect("Your input")
        child.sendline("/stop")
        child.expect(pexpect.EOF, timeout=60)
    finally:
        child.close(force=True)
    log = (tmp_path / "shell.log").read_text()
    assert "1,000 mcg" in log
