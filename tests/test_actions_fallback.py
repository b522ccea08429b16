"""The fallback that helps (actions/fallback.py), run as the action server runs it."""
from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionSuggestTopics

RANKING = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "ask_maintenance_dose", "confidence": 0.35},
           {"name": "greet", "confidence": 0.2}, {"name": "ask_lifelong", "confidence": 0.15},
           {"name": "ask_loading_dose", "confidence": 0.1}, {"name": "ask_route", "confidence": 0.08}]


def user(intent):
    return {"event": "user", "text": "x", "parse_data": {"intent": {"name": intent, "confidence": 0.4}}}


def reply(events, symptom="no", monkeypatch=None):
    tracker = Tracker("p1", {"symptom_mention": symptom}, {"text": "x", "intent": {"name": "nlu_fallback"},
                                                          "intent_ranking": RANKING},
                      events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSuggestTopics().run(dispatcher, tracker, {}))
    (message,) = dispatcher.messages
    return message


def test_first_miss_offers_the_three_likeliest_topics():
    message = reply([user("ask_purpose"), user("nlu_fallback")])
    assert message["text"].startswith("I'm not sure I understood")
    assert [b["payload"] for b in message["buttons"]] == ["/ask_maintenance_dose", "/ask_lifelong", "/ask_loading_dose"]


def test_second_miss_in_a_row_gives_the_clinic_contact(monkeypatch):
    monkeypatch.setenv("B12_CLINIC_PHONE", "0123 456")
    message = reply([user("nlu_fallback"), user("nlu_fallback")])
    assert "0123 456" in message["text"]
    assert message["buttons"][-1]["payload"] == "/human_handoff"


def test_a_message_about_the_body_gets_the_emergency_line(monkeypatch):
    monkeypatch.setenv("B12_EMERGENCY_NUMBER", "999")
    message = reply([user("nlu_fallback")], symptom="yes")
    assert "Call 999 now for trouble breathing" in message["text"] and "slowly getting worse" in message["text"]


def test_no_rephrase_request_to_a_message_about_the_body():
    tracker = Tracker("p1", {"symptom_mention": "yes"}, {"text": "x", "intent": {"name": "nlu_fallback"},
                                                        "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.4}]},
                      [user("nlu_fallback")], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionSuggestTopics().run(dispatcher, tracker, {}))
    (message,) = dispatcher.messages
    assert "say it another way" not in message["text"] and "Call 911 now" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/ask_when_seek_help", "/ask_safety", "/human_handoff"]
