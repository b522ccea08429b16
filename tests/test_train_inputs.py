"""The model is retrained whenever something it is trained from changes, and only then.
Runs after training in `make test` (marker `trained`), when models/b12.tar.gz is up to date."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.trained


def train_inputs() -> list[str]:
    out = subprocess.run([sys.executable, "tools/train_inputs.py"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return out.split()


def make_would_train(*what_if: str) -> bool:
    """`make -n` with files pretended newer (-W): does the model rule run `rasa train`?"""
    args = ["make", "-n", "--no-print-directory"]
    for path in what_if:
        args += ["-W", path]
    out = subprocess.run([*args, "models/b12.tar.gz"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return "rasa train" in out


def test_inputs_are_what_the_model_is_trained_from():
    inputs = train_inputs()
    assert "config.yml" in inputs and "data/nlu/faq.yml" in inputs and "domain/faq.yml" in inputs
    # the several-questions classifier is trained with the model, with its core module
    assert "components/several_questions.py" in inputs and "b12assist/nlu/questions.py" in inputs
    # the intent classifier, with the module both classifiers share
    assert "components/topic_intent.py" in inputs and "b12assist/nlu/topics.py" in inputs
    # the red-flag rules are not trained: their code is read when the model is loaded
    assert not any(p.startswith("b12assist/safety/") for p in inputs)
    # the learned red-flag model is, from its code and the labelled sets config.yml names
    assert "components/red_flag_model.py" in inputs and "b12assist/nlu/redflag_model.py" in inputs
    assert "tests/data/red_flags.tsv" in inputs
    assert "tests/redflags/blind/2026-11-26-round9/redflags_blind.tsv" in inputs


def test_model_is_up_to_date_after_training():
    assert subprocess.run(["make", "-q", "models/b12.tar.gz"], cwd=ROOT).returncode == 0


@pytest.mark.parametrize("changed", ["b12assist/nlu/topics.py", "components/topic_intent.py",
                                     "b12assist/nlu/questions.py", "components/several_questions.py",
                                     "b12assist/nlu/redflag_model.py", "tests/data/red_flags.tsv",
                                     "data/nlu/faq.yml", "domain/faq.yml", "config.yml"])
def test_a_change_to_a_training_input_retrains(changed):
    assert make_would_train(changed)


@pytest.mark.parametrize("changed", ["b12assist/safety/detector.py", "README.md", "actions/schedule.py"])
def test_other_changes_do_not_retrain(changed):
    assert not make_would_train(changed)
