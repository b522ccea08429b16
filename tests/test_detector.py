"""The deterministic red-flag detector on its own: the labelled file, context rules, bad input."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from b12assist.safety.detector import detect
from b12assist.safety.normalise import normalise

LABELLED = Path(__file__).parent / "data" / "red_flags.tsv"


def load_labelled() -> list[dict]:
    with LABELLED.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_labelled_file_is_big_enough():
    rows = load_labelled()
    flags = [r for r in rows if r["expected"] != "none"]
    tricky = [r for r in rows if r["expected"] == "none" and r["category"] in ("negated", "hypothetical", "past")]
    assert len(rows) >= 200 and len(flags) >= 80 and len(tricky) >= 60


def test_recall_and_false_escalations_on_labelled_file():
    rows = load_labelled()
    missed, wrong_level, false_escalations = [], [], []
    negatives = [r for r in rows if r["expected"] == "none"]
    for row in rows:
        result = detect(row["text"])
        if row["expected"] == "none":
            if result.escalate:
                false_escalations.append(row["text"])
        elif not result.escalate:
            missed.append(row["text"])
        elif result.level != row["expected"]:
            wrong_level.append((row["text"], result.level))
    recall = 1 - len(missed) / (len(rows) - len(negatives))
    fer = len(false_escalations) / len(negatives)
    print(f"\ndetector: recall {recall:.1%}, false escalations {fer:.1%} "
          f"({len(false_escalations)}/{len(negatives)}): {false_escalations}")
    assert not missed, f"missed red flags: {missed}"
    assert not wrong_level, f"wrong level: {wrong_level}"
    assert fer <= 0.05


@pytest.mark.parametrize("text", ["I cant breathe after my shot", "I can't breathe", "i cannot breathe",
                                  "I can not breathe", "cant breathe!!", "I CAN’T BREATHE"])
def test_cannot_breathe_is_never_a_negation(text):
    result = detect(text)
    assert result.escalate and result.level == "emergency"
    assert all(f.status == "current" for f in result.findings if f.category == "breathing")


@pytest.mark.parametrize("text,status", [
    ("no rash so far", "negated"),
    ("I don't have any swelling of my lips", "negated"),
    ("what if my throat swells?", "hypothetical"),
    ("is shortness of breath a side effect?", "hypothetical"),
    ("had hives last year", "past"),
    ("I had trouble breathing once, years ago, from hay fever", "past"),
])
def test_context_statuses(text, status):
    result = detect(text)
    assert not result.escalate
    assert [f.status for f in result.findings] == [status]


@pytest.mark.parametrize("text", ["my throat closing, years ago it happened too",
                                  "I had a reaction years ago, my throat is closing",
                                  "I had hives years ago, now my lips are swelling"])
def test_a_past_time_elsewhere_does_not_hide_a_current_symptom(text):
    assert detect(text).escalate


@pytest.mark.parametrize("text", ["the rash went down", "my numbness has improved a lot",
                                  "I sat in the waiting room after the jab and felt ok"])
def test_improvement_statements_are_reassuring(text):
    result = detect(text)
    assert result.reassuring and not result.escalate


@pytest.mark.parametrize("text", ["the rash went down but now my tongue feels huge",
                                  "I felt fine then I passed out", "my tingling is not getting better",
                                  "the swelling went down, then came back worse", "I feel fine, help"])
def test_reassurance_that_turns_round_is_not_reassuring(text):
    assert not detect(text).reassuring


def test_hypothetical_question_is_flagged_for_an_answer():
    assert detect("is trouble breathing a side effect?").hypothetical
    assert not detect("I have trouble breathing").hypothetical


def test_other_person_still_escalates_and_is_recorded_as_such():
    result = detect("my mum can't breathe after her shot")
    assert result.escalate and result.level == "emergency"
    assert result.escalating[0].experiencer == "other"


def test_uncertain_escalates():
    result = detect("I think my throat feels a bit tight")
    assert result.escalate and result.escalating[0].certainty == "possible"


@pytest.mark.parametrize("text", ["oh no my lips are swelling up", "no my throat is closing", "no, my face is swollen"])
def test_exclamations_are_not_negations(text):
    assert detect(text).level == "emergency"


def test_clause_break_ends_negation():
    assert detect("no rash but my lips are swelling").level == "emergency"
    assert detect("I don't feel well and I can't breathe").level == "emergency"


def test_emergency_wins_over_urgent():
    result = detect("my numbness is getting worse and now my throat is closing")
    assert result.level == "emergency"
    assert {f.level for f in result.escalating} == {"emergency", "urgent"}


@pytest.mark.parametrize("text", ["", None, "   ", "\x00\x01\x02\xff", "<script>alert(1)</script>",
                                  "😀😀😀", "こんにちは", "a" * 100_000, "\n\n\n", 12345])
def test_bad_input_never_crashes(text):
    result = detect(text)
    assert result.escalate is False


def test_red_flag_deep_inside_a_huge_message_is_found():
    text = "I have a question about dosing. " * 2000 + " Also my lips are swelling right now."
    assert detect(text).level == "emergency"


@pytest.mark.parametrize("text", ["thrat swelling up after jab", "my throt is closing", "tonge is swollen",
                                  "i feel fiant", "lipz are swolln", "hivez all over"])
def test_short_misspellings_of_red_flag_words_still_escalate(text):
    assert detect(text).level == "emergency"


def test_normalise_fixes_typos_and_contractions():
    assert normalise("I cant breath, my lips r swolen") == "i cannot breath, my lips r swollen"
    assert "right" in normalise("is this right")   # ordinary words are not "corrected"
