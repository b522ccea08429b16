"""Rasa NLU component: the intent classifier (replaces DIET; see README "The intent classifier").

A thin adapter over `b12assist.nlu.topics.TopicClassifier`, trained on every NLU example with an
intent. It sets `intent` and `intent_ranking` as Rasa's intent classifiers do, so Rasa's
FallbackClassifier and the project's components after it (red flags, several questions, schedule
details) read it exactly as they read DIET's ranking.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from b12assist.nlu import topics
from b12assist.nlu.topics import TopicClassifier

MODEL_FILE = "topics.joblib"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class TopicIntentClassifier(IntentClassifier, GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"C": 20.0, "char_ngrams": [2, 5], "word_ngrams": [1, 2], "class_weight": None,
                "ranking_length": 10}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "joblib"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Rasa's training cache sees this class and its config, not the model code it calls."""
        return hashlib.sha256(Path(topics.__file__).read_bytes()).hexdigest()

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 classifier: Optional[TopicClassifier] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._classifier = classifier

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "TopicIntentClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "TopicIntentClassifier":
        with model_storage.read_from(resource) as directory:
            classifier = TopicClassifier.load(directory / MODEL_FILE)
        return cls(config, model_storage, resource, classifier)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [m for m in training_data.intent_examples if m.get("intent") and m.get("text")]
        if len({m.get("intent") for m in examples}) < 2:
            raise ValueError("TopicIntentClassifier needs NLU examples of at least two intents")
        word = self._config.get("word_ngrams")
        self._classifier = TopicClassifier.fit(
            [m.get("text") for m in examples], [m.get("intent") for m in examples],
            C=float(self._config["C"]), char_ngrams=tuple(self._config["char_ngrams"]),
            word_ngrams=tuple(word) if word else None, class_weight=self._config.get("class_weight"))
        with self._storage.write_to(self._resource) as directory:
            self._classifier.save(directory / MODEL_FILE)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        if self._classifier is None:
            return messages
        rankings = self._classifier.rank_many([m.get("text") or "" for m in messages])
        keep = int(self._config.get("ranking_length") or 0)
        for message, ranking in zip(messages, rankings):
            entries = [{"name": name, "confidence": p} for name, p in ranking]
            message.set("intent", entries[0], add_to_output=True)
            message.set("intent_ranking", entries[:keep] if keep > 0 else entries, add_to_output=True)
        return messages
