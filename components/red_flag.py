"""Rasa NLU component: the deterministic red-flag layer, a thin adapter over b12assist.safety.

It runs after the intent classifier and after Rasa's FallbackClassifier, on every message, whatever the dialogue
state (forms included), so that no later step can turn its decision into `nlu_fallback` (the
FallbackClassifier's ambiguity check would, when the intent classifier's own best guess is close to 1.0). It:
- adds the entities `emergency_number` (the clinic's number, from b12assist.settings),
  `symptom_mention` (yes/no: the message talks about the body) and `language` (en, a language with
  a rule file, or other) to every message, so the slots the replies use are filled without the
  action server;
- when the detector finds a current red flag, sets the intent to `red_flag_emergency` or
  `red_flag_urgent` with confidence 1.0 and adds the entity `red_flag_category`;
- when the intent classifier alone predicts a red-flag intent (confidence >= `diet_threshold`) for a message the
  rules do not explain (see `Assessment.explains_message`), keeps it: either detector is enough
  to escalate (this comes before the asked-about branch: "is X normal? I have Y now");
- when the learned red-flag model (`components.red_flag_model`, run just before this one) gives
  the message a red-flag probability >= `model_threshold`, escalates at the level and with the
  category it predicts, in any language: the rules, the intent classifier and the learned model are each enough.
  Where the rules explain the whole message (it ends on a symptom negated, past or asked about, or
  on things being better), the model must be surer (`model_threshold_explained`): "years ago I
  passed out at a blood test" is not a red flag. Its escalations carry `red_flag_source` = "learned
  model", so staff review them like intent-classifier-only ones;
- a message clearly in another language that is not a red flag gets `other_language` (the
  assistant answers in English only, with the emergency line in that language);
- if the detector or this component raises, the message is escalated when any red-flag word
  appears (`symptoms.alarming`), instead of being left with no answer;
- when the detector saw a red-flag symptom only asked about ("what if my throat swells?"), sets
  `ask_when_seek_help`, whose answer says what to do if it happens;
- when the intent classifier predicts a red flag but the message ends on a symptom the detector saw only negated
  or in the past, or on things being better or fine ("the swelling went down"), or the intent classifier's
  confidence is below `diet_threshold`, hands the message to the next best intent.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from b12assist import settings
from b12assist.review.queue import MODEL_ONLY as MODEL_SOURCE, MODEL_VETO as VETOED_SOURCE
from b12assist.safety import multilingual
from b12assist.safety.detector import detect, warm_up
from b12assist.safety.symptoms import alarming, mentions_symptom
from components.ranking import diet_best, set_intent, set_next_best
from components.red_flag_model import ATTRIBUTE as LEARNED

logger = logging.getLogger(__name__)

RED_FLAG_INTENTS = {"emergency": "red_flag_emergency", "urgent": "red_flag_urgent"}
HYPOTHETICAL_INTENT = "ask_when_seek_help"
OTHER_LANGUAGE_INTENT = "other_language"
DETECTOR_ERROR = "unchecked (detector error)"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"diet_threshold": 0.8, "fallback_threshold": 0.4, "model_threshold": 0.7,
                "model_threshold_explained": 0.9, "model_veto_below": 0.1}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self._diet_threshold = float(config.get("diet_threshold", 0.8))
        self._fallback_threshold = float(config.get("fallback_threshold", 0.4))
        self._model_threshold = float(config.get("model_threshold", 0.7))
        self._model_threshold_explained = float(config.get("model_threshold_explained", 0.9))
        self._model_veto_below = float(config.get("model_veto_below", 0.1))
        self._emergency_number = settings.load().emergency_number
        try:
            warm_up()
        except Exception:  # noqa: BLE001  (the server must start; every message then fails safe)
            logger.exception("red-flag detector failed to start; messages will be checked by the word list")

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
            try:
                self._process_one(message)
            except Exception:  # noqa: BLE001  (fail safe: never leave a red flag unanswered)
                logger.exception("red-flag check failed; escalating on the word list")
                self._fail_safe(message)
        return messages

    # --- helpers ---------------------------------------------------------------------------
    def _process_one(self, message: Message) -> None:
        text = message.get("text") or ""
        self._add_entity(message, "emergency_number", self._emergency_number)
        self._add_entity(message, "symptom_mention", "yes" if mentions_symptom(text) else "no")
        assessment = detect(text)
        spoken = assessment.language
        self._add_entity(message, "language", spoken if spoken == "en" or spoken in multilingual.languages()
                         else "other")
        diet = diet_best(message)
        diet_name = diet.get("name")
        diet_conf = float(diet.get("confidence") or 0.0)
        learned = message.get(LEARNED)

        vetoed = assessment.escalate and self._learned_rules_out(learned) and not assessment.told_apart \
            and not assessment.says_right_now
        if vetoed:
            # The rules saw a red-flag phrase, the learned model is sure it is not one (a question
            # about someone else's past reaction, "it's NOT closing"), the rules did not tell a
            # sentence's imagined symptom apart from a happening one, and the message does not say
            # "right now" ("... fitting right now on the floor of the waiting room"): the rules' vote is dropped
            # (the intent classifier's still counts), and the message is marked so staff review it.
            self._add_entity(message, "red_flag_source", VETOED_SOURCE)
        if assessment.escalate and not vetoed:
            self._set_red_flag(message, RED_FLAG_INTENTS[assessment.level], assessment.category)
        elif (diet_name in RED_FLAG_INTENTS.values() and diet_conf >= self._diet_threshold
              and not assessment.explains_message and spoken == "en"):
            # The intent classifier alone is enough to escalate a phrasing the rules do not know, also when the
            # message asked about a symptom first ("is dizziness normal? <something new> now").
            self._set_red_flag(message, diet_name, "reported symptom")
        elif level := self._learned_level(learned, assessment.explains_message):
            # The learned model alone is enough, too: it knows wordings no rule has.
            self._set_learned_red_flag(message, level, learned)
        elif assessment.hypothetical:
            # A red-flag symptom asked about, not reported: answer with what to do if it happens.
            set_intent(message, HYPOTHETICAL_INTENT)
        elif spoken != "en":
            # The assistant answers in English only: say so, with the emergency line in the
            # patient's language when there is one.
            set_intent(message, OTHER_LANGUAGE_INTENT)
        elif diet_name in RED_FLAG_INTENTS.values():
            # The rules explain the message (a symptom negated or past, things better), or the intent classifier
            # is unsure: no escalation; the next best intent keeps its own confidence, and a
            # low one still falls back to "please rephrase".
            set_next_best(message, RED_FLAG_INTENTS.values(), self._fallback_threshold)

    def _fail_safe(self, message: Message) -> None:
        """The detector or this component failed: escalate when any red-flag word appears, and
        always make sure the emergency number and the symptom flag are on the message."""
        text = message.get("text") or ""
        self._add_entity(message, "emergency_number", self._emergency_number)
        self._add_entity(message, "symptom_mention", "yes" if mentions_symptom(text) else "no")
        learned = message.get(LEARNED)
        level = self._learned_level(learned, explained=False)
        if level:     # the learned model first: it does not share the detector's code
            self._set_learned_red_flag(message, level, learned)
        elif alarming(text):
            self._set_red_flag(message, RED_FLAG_INTENTS["emergency"], DETECTOR_ERROR)

    @staticmethod
    def _learned_probability(learned: Any) -> Optional[float]:
        """The learned model's red-flag probability on the message, or None (no model, bad value)."""
        if not isinstance(learned, dict):
            return None
        try:
            return float(learned.get("probability"))
        except (TypeError, ValueError):
            return None

    def _learned_rules_out(self, learned: Optional[Dict[Text, Any]]) -> bool:
        """The learned model gives the message a red-flag probability below `model_veto_below`."""
        probability = self._learned_probability(learned)
        return probability is not None and probability < self._model_veto_below

    def _learned_level(self, learned: Optional[Dict[Text, Any]], explained: bool) -> Optional[Text]:
        """"emergency" or "urgent" when the learned model's probability reaches the threshold (the
        higher one when the rules explained the message as negated, past or better), else None."""
        probability = self._learned_probability(learned)
        if probability is None or probability < (self._model_threshold_explained if explained
                                                 else self._model_threshold):
            return None
        return "urgent" if learned.get("level") == "urgent" else "emergency"

    def _set_learned_red_flag(self, message: Message, level: Text, learned: Dict[Text, Any]) -> None:
        self._set_red_flag(message, RED_FLAG_INTENTS[level], learned.get("category"))
        self._add_entity(message, "red_flag_source", MODEL_SOURCE)

    @staticmethod
    def _add_entity(message: Message, name: Text, value: Text) -> None:
        text = message.get("text") or ""
        entities = [e for e in (message.get("entities") or []) if e.get("entity") != name]
        entities.append({"entity": name, "value": value, "start": 0, "end": len(text),
                         "extractor": "RedFlagClassifier", "confidence_entity": 1.0})
        message.set("entities", entities, add_to_output=True)

    def _set_red_flag(self, message: Message, intent_name: Text, category: Optional[Text]) -> None:
        set_intent(message, intent_name)
        self._add_entity(message, "red_flag_category", category or "reported symptom")
