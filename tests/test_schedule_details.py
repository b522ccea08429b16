"""The schedule-details NLU component: a message carrying a whole plan goes to the schedule
conversation, a missed dose keeps its own answer, and "haven't missed any" is a plan."""
from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from components.schedule_details import ScheduleDetailsClassifier


def run(text, intent):
    m = Message(data={"text": text})
    m.set("intent", {"name": intent, "confidence": 0.8})
    m.set("intent_ranking", [{"name": intent, "confidence": 0.8}])
    return ScheduleDetailsClassifier().process([m])[0].get("intent")["name"]


@pytest.mark.parametrize("text,intent,expected", [
    ("every 6 weeks since 2 october and never missed one, when's the next?", "report_missed_dose", "inform_schedule"),
    ("I missed my monthly jab on 3 november, what now?", "report_missed_dose", "report_missed_dose"),
    ("monthly, last one on 3 november, when's the next?", "ask_maintenance_dose", "inform_schedule"),
    ("my lips are swelling, I had my monthly shot on 3 november", "red_flag_emergency", "red_flag_emergency"),
])
def test_routing(text, intent, expected):
    assert run(text, intent) == expected
