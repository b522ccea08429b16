"""The blind NLU gate (issue 11): the trained model on the newest scored blind set, a set written by
someone who never saw the training data. Runs after training in `make test` (marker `trained`).
Fails below 95 % right topic or above 3 % "please rephrase" on in-scope questions.

The gated set is named in tests/nlu/blind/GATED: a new set is committed unread first, scored once
(its before/after go to the README), and only then named there, so an unscored set never decides
a build on its own."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eval.blind import load, nlu_figures, predict_nlu  # noqa: E402

pytestmark = pytest.mark.trained
BLIND = ROOT / "tests" / "nlu" / "blind"
MIN_RIGHT, MAX_FALLBACK = 0.95, 0.03


def gated_set() -> Path:
    return BLIND / (BLIND / "GATED").read_text(encoding="utf-8").split()[0] / "nlu_blind.tsv"


def test_the_gated_set_is_a_real_blind_set_not_in_training():
    path = gated_set()
    rows = load(path)
    assert len(rows) >= 300 and len({r["topic"] for r in rows}) >= 30
    folded = {p.read_text(encoding="utf-8") for p in (ROOT / "data" / "nlu").glob("blind_round*.yml")}
    assert not any(path.parent.name in text for text in folded), "the gated set was folded into training"


def test_blind_nlu_gate():
    figures = nlu_figures(predict_nlu(load(gated_set())))
    print(f"\nblind NLU gate ({gated_set().parent.name}): right {figures['right topic']:.1%}, "
          f"in-scope fallback {figures['fallback (in-scope)']:.1%}, escalated {figures['escalated']}")
    assert figures["right topic"] >= MIN_RIGHT, figures
    assert figures["fallback (in-scope)"] <= MAX_FALLBACK, figures
