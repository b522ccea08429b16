"""Gate: red-flag sets written outside the team (tests/redflags/blind/), asked over REST against the
real Rasa and action servers, one message per conversation.

Rounds 1-4 guided the detector changes: they are development sets now, kept here together as a
regression gate (recall >= 99 %, right level >= 97 %, false escalations <= 7 %: what they reached,
not the issue's goal of 100 % on unseen phrasings). Round 5 was committed unread and is the blind
measurement, recorded in the README; the next round needs a new blind set.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.blind import load, score_redflags

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "redflags" / "blind"
DEVELOPMENT = [BLIND / name / "redflags_blind.tsv"
               for name in ("2026-11-25", "2026-11-25-round2", "2026-11-25-round3", "2026-11-25-round4")]


@pytest.mark.server
def test_development_red_flag_sets_over_rest(stack):
    figures, lines = score_redflags(stack, [row for path in DEVELOPMENT for row in load(path)])
    print("red-flag development sets (rounds 1-4): " + ", ".join(f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}"
                                             for k, v in figures.items()))
    report = "\n".join(lines)
    assert figures["recall"] >= 0.99, report
    assert figures["right level"] >= 0.97, report
    assert figures["false escalations"] <= 0.07, report
