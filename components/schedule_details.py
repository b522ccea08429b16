"""Rasa NLU component: a message that carries a whole schedule goes to the schedule conversation.

A thin adapter over `b12assist.schedule.parse.carries_plan`. "Every 8 weeks, last one 6 October,
when's the next?" reads to the intent classifier like the FAQ about maintenance doses or like "when is my next
shot?" (which needs a saved plan); it has everything needed to answer with dates, so it becomes
`inform_schedule`, which starts the schedule form with every piece already filled.

Runs last. It never touches a red flag, and leaves a missed dose, a moved appointment and a
request to stop to their own answers; "haven't missed any" with a whole plan is a plan.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from b12assist import clock
from b12assist.schedule.parse import carries_plan, denies_missing
from components.ranking import set_intent

INTENT = "inform_schedule"
# A message that carries a whole plan describes it even when the intent classifier heard a change ("every 4 weeks,
# last one 10 November" reads like "my clinic changed it"); a moved or missed injection is kept
# apart by the words themselves (carries_plan).
KEEP = {"red_flag_emergency", "red_flag_urgent", "report_missed_dose", "stop_form",
        "plan_schedule", "inform_schedule"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ScheduleDetailsClassifier(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ScheduleDetailsClassifier":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get("intent") or {}).get("name")
            text = message.get("text") or ""
            if not text or text.startswith("/"):
                continue
            # "every 4 weeks since, haven't missed any. When is the next?" is a plan, not a missed dose
            missed_denied = intent == "report_missed_dose" and denies_missing(text)
            if intent in KEEP and not missed_denied:
                continue
            if carries_plan(text, clock.today()):
                set_intent(message, INTENT)
        return messages
