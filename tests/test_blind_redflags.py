"""Gate: red-flag sets written outside the team (tests/redflags/blind/), asked over REST against the
real Rasa and action servers, one message per conversation.

Rounds 1-7 guided the detector changes: they are development sets now, kept here together as a
regression gate (1,157 red flags, 909 negatives; on 2026-11-26 they reached recall 100 %, right level
99.3 %, false escalations 5.3 %: the gate is recall >= 99.9 %, right level >= 98 %, false escalations
<= 6.5 %, what they reached with room for DIET's share of the escalations, not the issue's goal on
unseen phrasings). Round 8 was committed unread and is the blind measurement, recorded in the README;
the next round needs a new blind set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.blind import load, score_redflags

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "redflags" / "blind"
DEVELOPMENT = [BLIND / name / "redflags_blind.tsv"
               for name in ("2026-11-25", "2026-11-25-round2", "2026-11-25-round3", "2026-11-25-round4",
                            "2026-11-25-round5", "2026-11-26-round6", "2026-11-26-round7")]


@pytest.mark.server
def test_development_red_flag_sets_over_rest(stack):
    figures, lines = score_redflags(stack, [row for path in DEVELOPMENT for row in load(path)])
    print("red-flag development sets (rounds 1-7): " + ", ".join(f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}"
                                             for k, v in figures.items()))
    report = "\n".join(lines)
    assert figures["recall"] >= 0.999, report
    assert figures["right level"] >= 0.98, report
    assert figures["false escalations"] <= 0.065, report
