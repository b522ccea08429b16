"""Rasa NLU component: the deterministic red-flag layer, a thin adapter over b12assist.safety.

It runs after DIET and after Rasa's FallbackClassifier, on every message, whatever the dialogue
state (forms included), so that no later step can turn its decision into `nlu_fallback` (the
FallbackClassifier's ambiguity check would, when DIET's own best guess is close to 1.0). It:
- adds the entity `emergency_number` (the clinic's number, B12_EMERGENCY_NUMBER, default 911) to
  every message, so the slot the replies use is filled without the action server;
- when the detector finds a current red flag, sets the intent to `red_flag_emergency` or
  `red_flag_urgent` with confidence 1.0 and adds the entity `red_flag_category`;
- when DIET alone predicts a red-flag intent (confidence >= `diet_threshold`) for a message the
  rules do not explain (see `Assessment.explains_message`), keeps it: either detector is enough
  to escalate;
- when the detector saw a red-flag symptom only asked about ("what if my throat swells?"), sets
  `ask_when_seek_help`, whose answer says what to do if it happens;
- when DIET predicts a red flag but the message ends on a symptom the detector saw only negated
  or in the past, or on things being better or fine ("the swelling went down"), or DIET's
  confidence is below `diet_threshold`, hands the message to the next best intent.
"""
from __future__ import annotations

import os
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from b12assist.safety.detector import detect, warm_up
from components.ranking import diet_best, set_intent, set_next_best

RED_FLAG_INTENTS = {"emergency": "red_flag_emergency", "urgent": "red_flag_urgent"}
HYPOTHETICAL_INTENT = "ask_when_seek_help"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"diet_threshold": 0.8, "fallback_threshold": 0.4}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._diet_threshold = float(config.get("diet_threshold", 0.8))
        self._fallback_threshold = float(config.get("fallback_threshold", 0.4))
        self._emergency_number = os.environ.get("B12_EMERGENCY_NUMBER", "").strip() or "911"
        warm_up()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RedFlagClassifier":
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    # --- helpers ---------------------------------------------------------------------------
    def _process_one(self, message: Message) -> None:
        self._add_emergency_number(message)
        text = message.get("text") or ""
        assessment = detect(text)
        diet = diet_best(message)
        diet_name = diet.get("name")
        diet_conf = float(diet.get("confidence") or 0.0)

        if assessment.escalate:
            self._set_red_flag(message, RED_FLAG_INTENTS[assessment.level], assessment.category)
        elif assessment.hypothetical:
            # A red-flag symptom asked about, not reported: answer with what to do if it happens.
            set_intent(message, HYPOTHETICAL_INTENT)
        elif diet_name in RED_FLAG_INTENTS.values():
            if diet_conf >= self._diet_threshold and not assessment.explains_message:
                # DIET alone is enough to escalate a phrasing the rules do not know.
                self._set_red_flag(message, diet_name, "reported symptom")
            else:
                # The rules explain the message (a symptom negated or past, things better), or DIET
                # is unsure: no escalation; the next best intent keeps its own confidence, and a
                # low one still falls back to "please rephrase".
                set_next_best(message, RED_FLAG_INTENTS.values(), self._fallback_threshold)

    @staticmethod
    def _add_entity(message: Message, name: Text, value: Text) -> None:
        text = message.get("text") or ""
        entities = [e for e in (message.get("entities") or []) if e.get("entity") != name]
        entities.append({"entity": name, "value": value, "start": 0, "end": len(text),
                         "extractor": "RedFlagClassifier", "confidence_entity": 1.0})
        message.set("entities", entities, add_to_output=True)

    def _add_emergency_number(self, message: Message) -> None:
        """The clinic's emergency number, on every message, so the `emergency_number` slot (used by
        the disclaimer and the emergency replies) is set by the Rasa server itself."""
        self._add_entity(message, "emergency_number", self._emergency_number)

    def _set_red_flag(self, message: Message, intent_name: Text, category: Optional[Text]) -> None:
        set_intent(message, intent_name)
        self._add_entity(message, "red_flag_category", category or "reported symptom")
