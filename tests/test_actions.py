"""Custom actions, run as the action server runs them, on a real SQLite database."""
from __future__ import annotations

import asyncio
from datetime import date

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.schedule as schedule_actions
from actions.escalation import ActionEscalate
from actions.handoff import ActionBookingCost, ActionHandoff
from actions.questions import ActionAnswerQuestions
from actions.schedule import (ActionChangePlan, ActionComputeSchedule, ActionMissedDose, ActionNextShot,
                              ValidateScheduleForm)
from b12assist.store import escalations, plans

DOMAIN = {"slots": {s: {} for s in ["sched_start_date", "sched_loading_pattern", "sched_loading_length",
                                     "sched_maintenance", "sched_dose", "has_plan", "escalation",
                                     "sched_phase", "sched_last_date", "sched_question", "sched_preset",
                                     "red_flag_category", "emergency_number", "clinic_contact", "requested_slot"]},
          "forms": {"schedule_form": {"required_slots": ["sched_start_date", "sched_loading_pattern",
                                                          "sched_loading_length", "sched_maintenance"]}}}


def tracker(text, intent="inform_schedule", slots=None, sender="patient-1", entities=None, form=None):
    all_slots = {s: None for s in DOMAIN["slots"]}
    all_slots.update(slots or {})
    return Tracker(sender, all_slots, {"text": text, "intent": {"name": intent, "confidence": 1.0},
                                       "entities": entities or []},
                   [], False, None, {"name": form} if form else {}, "action_listen")


def run(action, t):
    d = CollectingDispatcher()
    events = asyncio.run(action.run(d, t, DOMAIN))
    return d.messages, events


def slots_of(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch, db_url):
    monkeypatch.setattr(schedule_actions, "today", lambda: date(2026, 3, 10))


def test_handoff_uses_clinic_contact(monkeypatch):
    monkeypatch.setenv("B12_CLINIC_NAME", "Riverside Clinic")
    monkeypatch.setenv("B12_CLINIC_PHONE", "020 7946 0000")
    messages, _ = run(ActionHandoff(), tracker("can I talk to a nurse", "human_handoff"))
    assert "Riverside Clinic: 020 7946 0000" in messages[0]["text"]


def test_booking_and_cost_questions_go_to_the_clinic_contact(monkeypatch):
    monkeypatch.setenv("B12_CLINIC_NAME", "Riverside Clinic")
    monkeypatch.setenv("B12_CLINIC_PHONE", "020 7946 0000")
    monkeypatch.setenv("B12_EMERGENCY_NUMBER", "999")
    messages, _ = run(ActionBookingCost(), tracker("how much does a b12 shot cost", "ask_booking_cost"))
    text = messages[0]["text"]
    assert "Riverside Clinic: 020 7946 0000" in text and "insurance" in text and "call 999" in text


def test_one_message_fills_the_whole_form():
    t = tracker("I started on 4 March, every other day for two weeks, then monthly", "plan_schedule",
                form="schedule_form")
    _, events = run(ValidateScheduleForm(), t)
    assert slots_of(events) == {"sched_phase": "both", "sched_start_date": "2026-03-04",
                                "sched_loading_pattern": "every_other_day", "sched_loading_length": "weeks:2",
                                "sched_maintenance": "months:1", "requested_slot": None}


def test_maintenance_only_asks_for_the_last_date_never_for_loading():
    t = tracker("I have b12 every 10 weeks, when is the next one?", form="schedule_form")
    _, events = run(ValidateScheduleForm(), t)
    slots = slots_of(events)
    assert slots["sched_phase"] == "maintenance" and slots["sched_maintenance"] == "weeks:10"
    assert slots["requested_slot"] == "sched_last_date"
    t = tracker("2 March", form="schedule_form",
                slots={k: v for k, v in slots.items() if k != "requested_slot"} | {"requested_slot": "sched_last_date"})
    _, events = run(ValidateScheduleForm(), t)
    assert slots_of(events) == {"sched_last_date": "2026-03-02", "requested_slot": None}


def test_loading_only_question_needs_nothing_about_maintenance():
    t = tracker("alternate days for a fortnight from 2 March, which day is the final one?", form="schedule_form")
    _, events = run(ValidateScheduleForm(), t)
    slots = slots_of(events)
    assert slots["sched_phase"] == "loading" and "sched_maintenance" not in slots
    assert slots["requested_slot"] is None and slots["sched_question"].startswith("last_loading")


def test_a_preset_is_shown_and_confirmed_never_filled_silently():
    t = tracker("my clinic uses the usual schedule, I started on 2 March", form="schedule_form")
    _, events = run(ValidateScheduleForm(), t)
    slots = slots_of(events)
    assert slots["sched_preset"] == "article_typical" and slots["requested_slot"] == "sched_preset"
    assert "sched_loading_pattern" not in slots
    messages, _ = run(schedule_actions.ActionAskPreset(), tracker("", slots={"sched_preset": "article_typical"}))
    text = messages[0]["text"]
    assert "every other day for 2 weeks" in text and "Is that what your clinic told you?" in text
    assert "your prescribed dose" in text and "mcg" not in text and "1 mg" not in text
    assert "every 1 to 3 months" in text       # the preset's note
    t = tracker("yes", "affirm", form="schedule_form",
                slots={"sched_preset": "article_typical", "sched_start_date": "2026-03-02",
                       "requested_slot": "sched_preset"})
    _, events = run(ValidateScheduleForm(), t)
    assert slots_of(events) == {"sched_preset": None, "sched_phase": "both", "sched_loading_pattern": "every_other_day",
                                "sched_loading_length": "weeks:2", "sched_maintenance": "months:1",
                                "requested_slot": None}
    t = tracker("no", "deny", form="schedule_form",
                slots={"sched_preset": "article_typical", "requested_slot": "sched_preset"})
    messages, events = run(ValidateScheduleForm(), t)
    assert slots_of(events) == {"sched_preset": None, "requested_slot": "sched_phase"}
    assert "what your clinic told you" in messages[0]["text"]


def test_correction_overwrites_the_start_date():
    t = tracker("no, it was the 5th", "change_plan", form="schedule_form",
                slots={"sched_phase": "both", "sched_start_date": "2026-03-04",
                       "requested_slot": "sched_loading_pattern"})
    _, events = run(ValidateScheduleForm(), t)
    assert slots_of(events) == {"sched_start_date": "2026-03-05",   # the 5th of the month already given
                                "requested_slot": "sched_loading_pattern"}


def test_ambiguous_date_is_asked_not_guessed():
    t = tracker("03/04", form="schedule_form", slots={"sched_phase": "both", "requested_slot": "sched_start_date"})
    messages, events = run(ValidateScheduleForm(), t)
    assert "sched_start_date" not in slots_of(events)
    assert "3 April" in messages[0]["text"] and "4 March" in messages[0]["text"]


def test_absurd_values_are_refused():
    t = tracker("every 0 days", form="schedule_form", slots={"requested_slot": "sched_loading_pattern"})
    messages, events = run(ValidateScheduleForm(), t)
    assert slots_of(events).get("sched_loading_pattern") is None
    assert "interval" in messages[0]["text"]


def test_the_question_asked_is_answered_first_with_the_full_plan_as_a_button(db_url):
    t = tracker("", slots={"sched_phase": "maintenance", "sched_last_date": "2026-02-20",
                           "sched_maintenance": "months:1", "sched_question": "next_n|2|||"})
    messages, events = run(ActionComputeSchedule(), t)
    assert messages[0]["text"].startswith("Your next 2 injection dates:\n  Friday 20 March 2026 (maintenance)\n"
                                          "  Monday 20 April 2026 (maintenance)")
    assert messages[0]["buttons"] == [{"title": "Full plan and calendar", "payload": "/show_plan"}]
    assert slots_of(events)["has_plan"] is True
    messages, _ = run(schedule_actions.ActionShowPlan(), tracker("/show_plan", "show_plan"))
    text = "\n".join(m["text"] or "" for m in messages)
    assert "Coming maintenance shots: Friday 20 March 2026" in text and ".ics" in text


def test_compute_saves_plan_and_offers_calendar(db_url):
    t = tracker("then monthly", slots={"sched_start_date": "2026-03-04", "sched_loading_pattern": "every_other_day",
                                       "sched_loading_length": "weeks:2", "sched_maintenance": "months:1"})
    messages, events = run(ActionComputeSchedule(), t)
    text = "\n".join(m["text"] or "" for m in messages)
    assert "Loading: 7 injections." in text
    assert "Last loading shot: Monday 16 March 2026" in text
    assert "First maintenance shot: Thursday 16 April 2026" in text
    assert "Next due: Tuesday 10 March 2026" in text
    assert ".ics" in text and any(m.get("custom", {}).get("data", {}).get("link") for m in messages)
    assert slots_of(events)["has_plan"] is True and slots_of(events)["sched_start_date"] is None
    plan_id, plan = plans.load("patient-1", url=db_url)
    assert len(plan.loading) == 7 and f"/plans/{plan_id}.ics" in text


def test_next_shot_missed_dose_and_moved_date_use_the_saved_plan(db_url):
    run(ActionComputeSchedule(), tracker("", slots={"sched_start_date": "2026-03-04",
                                                    "sched_loading_pattern": "every_other_day",
                                                    "sched_loading_length": "weeks:2",
                                                    "sched_maintenance": "months:1"}))
    messages, _ = run(ActionNextShot(), tracker("when is my next shot?", "ask_next_shot"))
    assert "Your next B12 shot is today: Tuesday 10 March 2026" in messages[0]["text"]
    messages, _ = run(ActionMissedDose(), tracker("I missed yesterday's", "report_missed_dose"))
    text = " ".join(m["text"] for m in messages)
    assert "Sunday 8 March 2026" in text and "contact your clinic" in text and "double up" in text
    messages, _ = run(ActionChangePlan(), tracker("my clinic moved it to Friday", "change_plan"))
    text = messages[0]["text"]
    assert "Updated." in text and "Friday 13 March 2026" in text
    _, plan = plans.load("patient-1", url=db_url)
    assert plan.next_due(date(2026, 3, 10)).day == date(2026, 3, 13)


def test_next_shot_without_a_plan_asks_for_details():
    messages, _ = run(ActionNextShot(), tracker("when is my next shot?", "ask_next_shot", sender="new-person"))
    assert "I don't have your shot dates yet" in messages[0]["text"]


def test_escalation_is_recorded_even_when_the_clinic_webhook_fails(db_url, monkeypatch):
    monkeypatch.setenv("B12_NOTIFY_WEBHOOK_URL", "http://127.0.0.1:9/unreachable")

    async def go():
        d = CollectingDispatcher()
        t = tracker("my lips are swelling", "red_flag_emergency",
                    entities=[{"entity": "red_flag_category", "value": "swelling"}])
        events = await ActionEscalate().run(d, t, DOMAIN)
        await asyncio.sleep(0)  # let the notification task start
        return d, events

    d, events = asyncio.run(go())
    assert slots_of(events) == {"escalation": "emergency", "red_flag_category": "swelling"}
    rows = escalations.list_escalations(url=db_url)
    assert len(rows) == 1 and rows[0].level == "emergency" and rows[0].category == "swelling"
    assert rows[0].message == "my lips are swelling" and rows[0].status == "new"


def topic(name):
    return {"entity": "question_topic", "value": name}


def test_several_questions_get_each_answer_in_order():
    domain = dict(DOMAIN, responses={"utter_ask_route": [], "utter_ask_monitoring_labs": [],
                                     "utter_when_seek_help": [], "utter_several_questions_intro": [],
                                     "utter_default": []})
    t = tracker("muscle or skin? which labs? and what if my throat swells?", "several_questions",
                entities=[topic("ask_route"), topic("ask_monitoring_labs"), topic("ask_when_seek_help"),
                          {"entity": "emergency_number", "value": "999"}])
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestions().run(d, t, domain))
    assert [m["response"] for m in d.messages] == ["utter_several_questions_intro", "utter_ask_route",
                                                   "utter_ask_monitoring_labs", "utter_when_seek_help"]


def test_several_questions_without_known_topics_asks_to_rephrase():
    domain = dict(DOMAIN, responses={"utter_default": []})
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerQuestions().run(d, tracker("x? y?", "several_questions",
                                                       entities=[topic("ask_nonsense")]), domain))
    assert [m["response"] for m in d.messages] == ["utter_default"]


def test_a_correction_after_the_answer_changes_the_start_not_an_appointment(db_url):
    t = tracker("", slots={"sched_phase": "maintenance", "sched_last_date": "2026-03-03",
                           "sched_maintenance": "months:1", "sched_question": "next|0|||"})
    messages, _ = run(ActionComputeSchedule(), t)
    assert "Friday 3 April 2026" in messages[0]["text"]
    messages, _ = run(ActionChangePlan(), tracker("no, it was the 5th", "change_plan"))
    text = messages[0]["text"]
    assert "Updated." in text and "Sunday 5 April 2026" in text
    _, plan = plans.load("patient-1", url=db_url)
    assert plan.input.start == date(2026, 3, 5) and plan.next_due(date(2026, 3, 10)).day == date(2026, 4, 5)
