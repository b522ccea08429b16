"""The red-flag NLU component as Rasa runs it: Message in, intent and entities out."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier

from components.red_flag import RedFlagClassifier


def message(text, intent, confidence, ranking=None):
    m = Message(data={"text": text})
    m.set("intent", {"name": intent, "confidence": confidence})
    m.set("intent_ranking", ranking or [{"name": intent, "confidence": confidence},
                                        {"name": "ask_safety", "confidence": 0.1}])
    return m


SAFETY_NEXT = [{"name": "red_flag_emergency", "confidence": 0.97}, {"name": "ask_safety", "confidence": 0.45}]


@pytest.fixture()
def component(monkeypatch):
    monkeypatch.setenv("B12_EMERGENCY_NUMBER", "999")
    return RedFlagClassifier({"diet_threshold": 0.8})


def entities(m):
    return {e["entity"]: e["value"] for e in m.get("entities")}


def test_detector_escalates_whatever_diet_says(component):
    m = component.process([message("I cant breathe after my shot", "ask_safety", 0.9)])[0]
    assert m.get("intent") == {"name": "red_flag_emergency", "confidence": 1.0}
    assert entities(m) == {"emergency_number": "999", "red_flag_category": "breathing", "language": "en",
                           "symptom_mention": "yes"}


def test_urgent_level(component):
    m = component.process([message("my numbness is spreading up my legs", "ask_how_long_to_work", 0.7)])[0]
    assert m.get("intent")["name"] == "red_flag_urgent"


def test_diet_alone_escalates_an_unknown_phrasing(component):
    m = component.process([message("something terrible is happening to me", "red_flag_emergency", 0.93)])[0]
    assert m.get("intent")["name"] == "red_flag_emergency"
    assert entities(m)["red_flag_category"] == "reported symptom"


def test_unsure_diet_does_not_escalate_and_falls_back_when_the_rest_is_unsure_too(component):
    m = component.process([message("hmm", "red_flag_emergency", 0.45)])[0]
    assert m.get("intent") == {"name": "nlu_fallback", "confidence": 0.4}


def test_unsure_diet_hands_over_to_a_confident_next_intent(component):
    m = component.process([message("hmm", "red_flag_emergency", 0.45, [
        {"name": "red_flag_emergency", "confidence": 0.45}, {"name": "ask_safety", "confidence": 0.5}])])[0]
    assert m.get("intent") == {"name": "ask_safety", "confidence": 0.5}


def test_negated_symptom_vetoes_diet(component):
    m = component.process([message("my lips aren't swollen", "red_flag_emergency", 0.97, SAFETY_NEXT)])[0]
    assert m.get("intent")["name"] == "ask_safety"
    assert "red_flag_category" not in entities(m)


def test_improvement_statement_vetoes_diet(component):
    m = component.process([message("the hives settled down overnight", "red_flag_emergency", 0.97,
                                    SAFETY_NEXT)])[0]
    assert m.get("intent")["name"] == "ask_safety"
    assert "red_flag_category" not in entities(m)


def test_improvement_then_an_unknown_phrasing_still_escalates_on_diet(component):
    m = component.process([message("the hives settled down but something terrible is happening to me",
                                    "red_flag_emergency", 0.97)])[0]
    assert m.get("intent")["name"] == "red_flag_emergency"


def test_hypothetical_question_gets_the_when_to_seek_help_answer(component):
    m = component.process([message("is wheezing a side effect of b12?", "ask_how_long_to_work", 0.6)])[0]
    assert m.get("intent")["name"] == "ask_when_seek_help"


def test_every_message_carries_the_emergency_number(component):
    m = component.process([message("hello", "greet", 0.99)])[0]
    assert m.get("intent")["name"] == "greet" and entities(m) == {"emergency_number": "999",
                                                                         "language": "en", "symptom_mention": "no"}


def run_after_fallback(component, m):
    """The pipeline order of config.yml: Rasa's FallbackClassifier, then the red-flag component."""
    fallback = FallbackClassifier.create({**FallbackClassifier.get_default_config(), "threshold": 0.4,
                                          "ambiguity_threshold": 0.05}, None, None, None)
    return component.process(fallback.process([m]))[0]


def test_escalation_survives_a_confident_diet_guess(component):
    # DIET is sure it is urgent; the rules see an emergency too. Had the FallbackClassifier run
    # after the component, the 1.0 vs 0.97 ranking would have looked ambiguous -> nlu_fallback.
    m = run_after_fallback(component, message("I can't breathe and my legs are getting weaker",
                                              "red_flag_urgent", 0.97))
    assert m.get("intent") == {"name": "red_flag_emergency", "confidence": 1.0}


def test_rules_escalate_a_message_diet_could_not_classify(component):
    m = run_after_fallback(component, message("thrat swelling up after jab", "ask_route", 0.3))
    assert m.get("intent")["name"] == "red_flag_emergency"


def test_unclassifiable_message_without_a_red_flag_still_falls_back(component):
    m = run_after_fallback(component, message("blorp", "ask_route", 0.3))
    assert m.get("intent")["name"] == "nlu_fallback"
