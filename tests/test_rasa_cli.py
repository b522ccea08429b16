"""The fixes b12assist.serve.rasa_cli applies before Rasa starts keep Rasa's behaviour."""
from __future__ import annotations

import pytest
import sqlalchemy as sa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from b12assist.serve import rasa_cli


@pytest.fixture(scope="module", autouse=True)
def applied():
    rasa_cli.apply()


def action():
    return RemoteAction("action_answer_questions", None)


def test_a_valid_action_reply_passes():
    reply = {"events": [{"event": "slot", "name": "requested_slot", "value": "sched_start_date"}],
             "responses": [{"response": "utter_ask_route"}]}
    assert action()._validate_action_result(reply) is True


@pytest.mark.parametrize("reply", [{"events": "not a list"}, {"events": [{"event": 42}]},
                                   {"responses": "text"}])
def test_an_invalid_action_reply_still_raises_rasas_error(reply):
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action()._validate_action_result(reply)


def test_sqlite_databases_use_write_ahead_logging(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'tracker.db'}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


class _FakeProcessor:
    """What MessageProcessor.parse_message and _run_prediction_loop touch, recording the thread each
    graph run happens on."""
    http_interpreter = None
    on_circuit_break = None
    nlg = None

    def __init__(self):
        self.threads = []
        self.actions = []

    def _parse_message_with_graph(self, message, tracker, only_output_properties=True):
        import threading
        self.threads.append(threading.current_thread().name)
        return {"text": message.text, "intent": {"name": "greet", "confidence": 1.0}, "entities": []}

    def _update_full_retrieval_intent(self, parse_data):
        pass

    def _check_for_unseen_features(self, parse_data):
        pass

    def _should_handle_message(self, tracker):
        return True

    def predict_next_with_tracker_if_should(self, tracker):
        import threading
        from rasa.core.policies.policy import PolicyPrediction
        self.threads.append(threading.current_thread().name)
        return "action_listen", PolicyPrediction([], "RulePolicy")

    async def _run_action(self, action, tracker, output_channel, nlg, prediction):
        self.actions.append(action)
        return False


def test_nlu_and_policy_prediction_run_off_the_event_loop():
    import asyncio

    from rasa.core.channels.channel import UserMessage
    from rasa.core.processor import MessageProcessor

    fake = _FakeProcessor()

    async def one_message():
        parsed = await MessageProcessor.parse_message(fake, UserMessage("hi", sender_id="t"))
        await MessageProcessor._run_prediction_loop(fake, None, object())
        return parsed

    parsed = asyncio.run(one_message())
    assert parsed["intent"]["name"] == "greet" and fake.actions == ["action_listen"]
    assert len(fake.threads) == 2 and all(name.startswith("nlu") for name in fake.threads), fake.threads


def test_the_copied_rasa_methods_are_still_rasas():
    """parse_off_the_event_loop copies MessageProcessor.parse_message and _run_prediction_loop of
    Rasa 3.6.21 with one line changed each, and only patches that version: a Rasa upgrade must fail
    here until the copies are checked again."""
    import hashlib
    import inspect

    import rasa
    from rasa.core import processor

    assert rasa.__version__ == rasa_cli.TESTED_RASA
    source = inspect.getsource(processor)
    digest = hashlib.sha256(source.encode()).hexdigest()[:16]
    assert digest == PROCESSOR_SOURCE_SHA256, digest


PROCESSOR_SOURCE_SHA256 = "f42dfbf26e2ffcb6"  # rasa/core/processor.py of Rasa 3.6.21


def test_at_most_the_limit_of_messages_are_handled_at_once_in_arrival_order(monkeypatch):
    """B12_MAX_IN_FLIGHT messages at most run Rasa's Agent.handle_message at once (before the
    conversation lock); the others start in the order they came."""
    import asyncio

    from rasa.core.agent import Agent

    running, most, started = [0], [0], []

    async def rasa_handle_message(self, message):
        started.append(message)
        running[0] += 1
        most[0] = max(most[0], running[0])
        await asyncio.sleep(0.01)
        running[0] -= 1
        return [message]

    monkeypatch.setattr(Agent, "handle_message", rasa_handle_message)   # restored after the test
    monkeypatch.setenv("B12_MAX_IN_FLIGHT", "2")
    rasa_cli.limit_messages_in_flight()

    async def send_all():
        return await asyncio.gather(*(Agent.handle_message(None, i) for i in range(7)))

    assert asyncio.run(send_all()) == [[i] for i in range(7)]
    assert most[0] == 2 and started == list(range(7))


def test_no_limit_when_it_is_zero(monkeypatch):
    from rasa.core.agent import Agent

    async def rasa_handle_message(self, message):
        return [message]

    monkeypatch.setattr(Agent, "handle_message", rasa_handle_message)
    monkeypatch.setenv("B12_MAX_IN_FLIGHT", "0")
    rasa_cli.limit_messages_in_flight()
    assert Agent.handle_message is rasa_handle_message
