"""scripts/check-space.sh: `make` stops before installing, with what to do, when the disk is too full."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check-space.sh"


def _run(min_gb: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, timeout=30,
                          env=dict(os.environ, B12_MIN_FREE_GB=min_gb))


def test_a_disk_with_room_passes_quietly():
    done = _run("0")
    assert done.returncode == 0 and done.stderr == ""


def test_a_full_disk_stops_with_the_space_found_and_what_to_do():
    done = _run("100000000")
    assert done.returncode == 1
    assert "needs about 100000000 GB free" in done.stderr and "run the same make command again" in done.stderr


def test_the_makefile_checks_before_it_creates_the_environment():
    recipe = (ROOT / "Makefile").read_text().split("$(STAMP): pyproject.toml constraints.txt", 1)[1]
    assert recipe.index("scripts/check-space.sh") < recipe.index("-m venv")
