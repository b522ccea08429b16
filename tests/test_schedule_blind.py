"""Gate: the schedule sets written outside the team (tests/schedule/blind/) that guided parser changes,
asked over REST as one-message conversations against the real stack, with the action server's today
pinned to each set's date (B12_TODAY). Fails below 95 % answered with the expected dates."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Stack
from eval.blind import load, score_schedule

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "schedule" / "blind"
# rounds that guided parser changes (development sets now), by the "today" they were written for;
# rounds 5-7 were each scored blind first (docs/eval/blind/schedule-round*-blind.md, README)
SETS = {
    "2026-11-24": [BLIND / "2026-11-24" / "schedule_blind.jsonl", BLIND / "2026-11-25" / "schedule_blind.jsonl"],
    "2026-11-26": [BLIND / name / "schedule_blind.jsonl"
                   for name in ("2026-11-26-round4", "2026-11-26-round5", "2026-11-26-round6",
                                "2026-11-26-round7", "2026-11-26-round8")],
}
GATE = 0.95


@pytest.mark.server
@pytest.mark.parametrize("today", sorted(SETS))
def test_blind_schedule_sets_over_rest(tmp_path, today):
    stack = Stack(tmp_path, env={"B12_TODAY": today}).start()
    try:
        rows = [row for path in SETS[today] for row in load(path)]
        figures, lines = score_schedule(stack, rows)
    finally:
        stack.close()
    score = figures["answered with the expected dates"]
    print(f"schedule development sets for {today}: {score:.1%} of {figures['questions']}")
    assert score >= GATE, "\n".join([f"{score:.1%} < {GATE:.0%}"] + lines)
