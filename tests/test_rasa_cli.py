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
