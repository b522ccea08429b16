"""Rasa NLU component: the learned red-flag classifier, trained with the model.

A thin adapter over `b12assist.nlu.redflag_model`. At training time it reads the labelled red-flag
development sets named in config.yml (`training_sets`, TSV files; a blind round is added there only
after it has been scored) and takes every NLU example whose intent is not a red flag as a negative.
At run time it puts its prediction on the message as `red_flag_model` (probability, category,
level); it never sets the intent itself: `components.red_flag.RedFlagClassifier`, which runs next,
decides (either the rules or this model is enough to escalate).
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from b12assist.nlu import redflag_model
from b12assist.nlu.redflag_model import NONE, RedFlagModel, read_set

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
MODEL_FILE = "red_flags.joblib"
ATTRIBUTE = "red_flag_model"   # read by components.red_flag.RedFlagClassifier
RED_FLAG_INTENTS = {"red_flag_emergency", "red_flag_urgent"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class RedFlagModelClassifier(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"training_sets": []}

    @staticmethod
    def required_packages() -> List[Text]:
        return ["sklearn", "joblib"]

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Rasa's training cache sees this class and its config, not the labelled sets or the model
        code: a change to either must retrain the component, also with a plain `rasa train`."""
        digest = hashlib.sha256(Path(redflag_model.__file__).read_bytes())
        for rel in config.get("training_sets") or []:
            path = ROOT / rel
            digest.update(rel.encode())
            digest.update(path.read_bytes() if path.is_file() else b"(missing)")
        return digest.hexdigest()

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[RedFlagModel] = None) -> None:
        self._sets = [ROOT / p for p in config.get("training_sets") or []]
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "RedFlagModelClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "RedFlagModelClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                model = RedFlagModel.load(directory / MODEL_FILE)
        except Exception:  # noqa: BLE001  (the rules still run; the server must start)
            logger.exception("learned red-flag model could not be loaded; the phrase rules run alone")
            model = None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        labelled = [row for path in self._sets for row in read_set(path)]
        if not labelled:
            raise ValueError("config.yml names no red-flag training sets for RedFlagModelClassifier")
        labelled += [(NONE, m.get("text")) for m in training_data.intent_examples
                     if m.get("text") and m.get("intent") and m.get("intent") not in RED_FLAG_INTENTS]
        self._model = RedFlagModel.fit(labelled)
        with self._storage.write_to(self._resource) as directory:
            self._model.save(directory / MODEL_FILE)
        return self._resource

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        if self._model is None:
            return messages
        for message in messages:
            text = message.get("text") or ""
            if not text.strip():
                continue
            try:
                p = self._model.predict(text)
            except Exception:  # noqa: BLE001  (the rules decide alone for this message)
                logger.exception("learned red-flag model failed on a message")
                continue
            # in the parse data the tracker store keeps, for audit and the staff review queue
            message.set(ATTRIBUTE, {"probability": round(p.probability, 4), "category": p.category,
                                    "level": p.level}, add_to_output=True)
        return messages
