"""Rasa NLU component: several questions in one message get several answers.

A thin adapter over `b12assist.nlu.questions`. It trains a small character n-gram classifier on
the NLU examples and, after the intent classifier, the FallbackClassifier and the red-flag component, splits each
message into questions (a message the intent classifier found too mixed to classify is often exactly this).
When at least two of them are confident, different topics with their own answers, it sets the
intent `several_questions` and adds one `question_topic` entity per topic, in the order asked;
the custom action `action_answer_questions` then sends each answer.

It never touches a red flag: emergency and urgent intents pass through unchanged. When the intent classifier itself
predicts `several_questions` but fewer than two topics are found, the next best intent is used.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from b12assist.nlu.questions import TopicClassifier, topics_of
from components.ranking import set_intent, set_next_best

INTENT = "several_questions"
ENTITY = "question_topic"
NEVER_OVERRIDE = {"red_flag_emergency", "red_flag_urgent"}
MODEL_FILE = "topics.joblib"


def answerable(intent: Text) -> bool:
    """Topics with a fixed answer of their own (an `utter_` response); the next shot and booking/cost
    answers are built by custom actions."""
    return intent.startswith("ask_") and intent not in ("ask_next_shot", "ask_booking_cost")


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SeveralQuestionsClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.25, "fallback_threshold": 0.4}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 classifier: Optional[TopicClassifier] = None) -> None:
        self._threshold = float(config.get("threshold", 0.25))
        self._fallback_threshold = float(config.get("fallback_threshold", 0.4))
        self._storage = model_storage
        self._resource = resource
        self._classifier = classifier
        self._allowed: set = set()
        if classifier is not None:
            self._allowed = {str(c) for c in classifier.model.classes_ if answerable(str(c))}

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SeveralQuestionsClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SeveralQuestionsClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                classifier = TopicClassifier.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            classifier = None
        return cls(config, model_storage, resource, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples
                    if m.get("intent") and m.get("intent") != INTENT and m.get("text")]
        self._classifier = TopicClassifier.fit([m.get("text") for m in examples],
                                               [m.get("intent") for m in examples])
        with self._storage.write_to(self._resource) as directory:
            self._classifier.save(directory / MODEL_FILE)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        intent = (message.get("intent") or {}).get("name")
        if intent in NEVER_OVERRIDE or self._classifier is None:
            return
        found = topics_of(message.get("text") or "", self._classifier, self._allowed, self._threshold)
        if found:
            set_intent(message, INTENT)
            text = message.get("text") or ""
            entities = [e for e in (message.get("entities") or []) if e.get("entity") != ENTITY]
            entities += [{"entity": ENTITY, "value": topic, "start": 0, "end": len(text),
                          "extractor": "SeveralQuestionsClassifier", "confidence_entity": 1.0}
                         for topic in found]
            message.set("entities", entities, add_to_output=True)
        elif intent == INTENT:
            set_next_best(message, {INTENT}, self._fallback_threshold)
