"""Gate: red-flag sets written outside the team (tests/redflags/blind/), asked over REST against the
real Rasa and action servers, one message per conversation.

Rounds 1-9 guided the changes (the phrase rules, and the learned model trained on them): they are
development sets now, kept here together as a regression gate (1,489 red flags, 1,197 negatives; on
2026-11-26 rounds 1-7 reached recall 100 %, right level 99.3 %, false escalations 5.2 %, rounds 8 and
9 recall 100 % with 16.0 % and 9.7 % false escalations, which the rules make and the learned model
does not remove). The gate is recall >= 99.9 %, right level >= 98 %, false escalations <= 8 %: what
they reached, not the issue's goal on unseen phrasings. Each round's blind score is in
docs/eval/blind/ and the README; the next round needs a new blind set.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.blind import load, score_redflags

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "redflags" / "blind"
DEVELOPMENT = [BLIND / name / "redflags_blind.tsv"
               for name in ("2026-11-25", "2026-11-25-round2", "2026-11-25-round3", "2026-11-25-round4",
                            "2026-11-25-round5", "2026-11-26-round6", "2026-11-26-round7", "2026-11-26-round8",
                            "2026-11-26-round9")]


@pytest.mark.server
def test_development_red_flag_sets_over_rest(stack):
    figures, lines = score_redflags(stack, [row for path in DEVELOPMENT for row in load(path)])
    print("red-flag development sets (rounds 1-9): " + ", ".join(f"{k} {v:.1%}" if isinstance(v, float) else f"{k} {v}"
                                             for k, v in figures.items()))
    report = "\n".join(lines)
    assert figures["recall"] >= 0.999, report
    assert figures["right level"] >= 0.98, report
    assert figures["false escalations"] <= 0.08, report
