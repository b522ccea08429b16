"""Gate on the newest blind red-flag set (tests/redflags/blind/<date>/, written by a helper who never
saw the detector, its rules or the data), over REST with the real servers: every current red flag
escalated, at the right level for at least 95%, false escalations at most 5%."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eval.blind import load, score_redflags  # noqa: E402

pytestmark = pytest.mark.server


def newest_set() -> Path:
    sets = sorted((ROOT / "tests" / "redflags" / "blind").glob("*/redflags_blind.tsv"))
    assert sets, "no blind red-flag set committed"
    return sets[-1]


def test_blind_red_flag_gate(stack):
    path = newest_set()
    figures, lines = score_redflags(stack, load(path))
    print(f"\nblind red flags {path.parent.name}: " + ", ".join(
        f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()))
    print("\n".join(lines))
    assert figures["recall"] == 1.0, "missed red flags: see the list above"
    assert figures["right level"] >= 0.95
    assert figures["false escalations"] <= 0.05
