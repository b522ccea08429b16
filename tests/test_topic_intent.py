"""The intent classifier (components/topic_intent.py over b12assist/nlu/topics.py) as Rasa runs it:
trained and persisted through Rasa's model storage, loaded back, then run before Rasa's
FallbackClassifier with the thresholds config.yml gives them."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from components.topic_intent import TopicIntentClassifier

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = {step["name"].rsplit(".", 1)[-1]: step
            for step in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    config = {**TopicIntentClassifier.get_default_config(), **PIPELINE["TopicIntentClassifier"]}
    storage = LocalModelStorage(tmp_path_factory.mktemp("model"))
    resource, context = Resource("topic_intent"), ExecutionContext(GraphSchema({}), "test")
    TopicIntentClassifier.create(config, storage, resource, context).train(load_data(str(ROOT / "data" / "nlu")))
    return TopicIntentClassifier.load(config, storage, resource, context)


def fallback():
    step = PIPELINE["FallbackClassifier"]
    return FallbackClassifier.create({**FallbackClassifier.get_default_config(), "threshold": step["threshold"],
                                      "ambiguity_threshold": step["ambiguity_threshold"]}, None, None, None)


def test_held_out_questions_get_their_topic_with_a_ranking_as_rasa_expects(loaded):
    held = load_data(str(ROOT / "tests" / "nlu" / "heldout.yml")).intent_examples
    messages = loaded.process([Message(data={"text": m.get("text")}) for m in held])
    right = sum(m.get("intent")["name"] == h.get("intent") for m, h in zip(messages, held))
    assert right / len(held) >= 0.9, f"{right}/{len(held)} held-out questions on their topic"
    for m in messages:
        ranking = m.get("intent_ranking")
        assert m.get("intent") == ranking[0] and len(ranking) == 10
        assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)
        assert 0.0 < sum(r["confidence"] for r in ranking) <= 1.0 + 1e-6
        assert {"intent", "intent_ranking"} <= set(m.as_dict(only_output_properties=True))


def test_what_it_is_unsure_of_falls_back_and_what_it_knows_does_not(loaded):
    sure, unsure = loaded.process([Message(data={"text": "how often are the loading injections given?"}),
                                   Message(data={"text": "qwzx blorp"})])
    sure, unsure = fallback().process([sure, unsure])
    assert sure.get("intent")["name"] == "ask_loading_dose"
    assert unsure.get("intent")["name"] == "nlu_fallback"


def test_empty_text_gets_a_ranking_and_no_crash(loaded):
    m = loaded.process([Message(data={"text": ""})])[0]
    assert m.get("intent")["name"] and m.get("intent_ranking")


def test_the_components_after_it_fall_back_at_the_same_line():
    """Rasa's FallbackClassifier, the red-flag component and the several-questions component each
    hand a message to "please rephrase" below a confidence line: one line for all three."""
    line = PIPELINE["FallbackClassifier"]["threshold"]
    assert PIPELINE["RedFlagClassifier"]["fallback_threshold"] == line
    assert PIPELINE["SeveralQuestionsClassifier"]["fallback_threshold"] == line
