"""The `rasa` command line with two measured fixes applied first. The project starts its Rasa
server and `rasa shell` through here: `python -m b12assist.serve.rasa_cli run ...` takes exactly the
arguments of `rasa`.

1. Action-server replies are checked against Rasa's response schema with a validator built once.
   Rasa 3.6 calls `jsonschema.validate` on every reply, which first re-validates the schema itself
   against the JSON-Schema meta-schema: 15.6 ms per custom-action call here against 0.7 ms with the
   cached validator, and about 30 % of the Rasa server's CPU under load (py-spy, see bench/). The
   check itself is unchanged: an invalid reply still raises Rasa's own ValidationError.
2. SQLite databases (the default tracker store) use write-ahead logging: one sync per commit
   instead of two, and staff tools can read conversations while the server writes them. Committed
   data is as durable as before (synchronous stays FULL).
3. No patient message text in any log line, at any level (b12assist.logredact): Rasa's structured
   log events lose their text fields (`text`, `parse_data_text`, `user_message`, ...) before they are
   rendered, and a logging filter in front of every record redacts the text of the messages being
   handled (Rasa's "exception while handling user message '...'" error log, debug logs of parsed
   messages and events, tracebacks).
4. Several replicas (`make cluster`): Rasa's Redis lock store changes its ticket queues atomically
   (b12assist.serve.redislock), and a failing lock store is logged in plain words and reported to
   /health.
5. The NLU pipeline runs on one worker thread, off the event loop (see parse_off_the_event_loop).
6. A message sent again with the same `metadata.message_id` (the client lost the reply) gets the
   stored replies of the first attempt when that attempt was stored; it is not stored or handled
   twice (b12assist.serve.retry).
"""
from __future__ import annotations

import logging
import os
import sqlite3
import sys

_applied = False


def cache_action_result_validation() -> None:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    rasa_validate = RemoteAction._validate_action_result

    def validate_action_result(self, result):
        if validator.is_valid(result):
            return True
        return rasa_validate(self, result)  # Rasa's own check and error message for a bad reply

    RemoteAction._validate_action_result = validate_action_result


def sqlite_write_ahead_log() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _wal(dbapi_connection, _record) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()


def redact_message_text_in_logs() -> None:
    import rasa.utils.log_utils as log_utils

    from b12assist import logredact

    logredact.install()
    rasa_anonymizer = log_utils._anonymizer

    def anonymize_and_redact(logger, method, event_dict):
        return logredact.redact_event_dict(logger, method, rasa_anonymizer(logger, method, event_dict))

    # configure_structlog() (called by rasa's main) reads this module global when it builds the chain.
    log_utils._anonymizer = anonymize_and_redact


def report_tracker_store_failures() -> None:
    """Rasa's FailSafeTrackerStore falls back to memory when the tracker store fails, with one log
    line per message. Make it loud: b12assist.health records it for /health (and logs an ERROR)."""
    from rasa.core.tracker_store import FailSafeTrackerStore

    from b12assist import health

    for name in ("on_tracker_store_error", "on_tracker_store_retrieve_error"):
        original = getattr(FailSafeTrackerStore, name)

        def reporting(self, error, _original=original):
            health.mark_failure("tracker_store", error)
            return _original(self, error)

        setattr(FailSafeTrackerStore, name, reporting)


def atomic_redis_lock_store() -> None:
    """Rasa's Redis lock store changes a conversation's ticket queue without a transaction: two replicas
    can overwrite each other's tickets (b12assist.serve.redislock). B12_REDIS_LOCK=rasa keeps Rasa's
    own, for comparison."""
    if os.environ.get("B12_REDIS_LOCK", "atomic") != "rasa":
        from b12assist.serve import redislock

        redislock.apply()


def report_lock_store_failures() -> None:
    """With several replicas (`make cluster`) the Redis lock store keeps two messages of one conversation
    apart. When Redis fails, Rasa raises a LockError for every message (the channel then answers
    "please try again", red flags with the emergency guidance): say so in the log, once per message,
    in plain words, and record it for /health."""
    from rasa.core.lock_store import LockStore, RedisLockStore

    from b12assist import health

    for cls in (LockStore, RedisLockStore):
        if "issue_ticket" in cls.__dict__:    # RedisLockStore: only when made atomic, else inherited
            _report_ticket_failures(cls, health)


def _report_ticket_failures(cls, health) -> None:
    issue_ticket = cls.issue_ticket

    def reporting(self, conversation_id, *args, **kwargs):
        try:
            return issue_ticket(self, conversation_id, *args, **kwargs)
        except Exception as error:
            logging.getLogger("b12assist.lock_store").error(
                "lock store (%s) failed (%s): this message is refused with 'please try again' and not "
                "stored; the cluster answers again when the lock store is back", _lock_store_name(self),
                type(error.__cause__ or error.__context__ or error).__name__)
            health.mark_failure("lock_store", error)
            raise

    cls.issue_ticket = reporting


def _lock_store_name(store) -> str:
    return "Redis" if type(store).__name__ == "RedisLockStore" else type(store).__name__


TESTED_RASA = "3.6.21"


def parse_off_the_event_loop() -> None:
    """Rasa 3.6 runs the NLU pipeline (the intent classifier, the red-flag layer) on the server's
    one event loop. Under load every answer that waits for the action server then waits again, after
    the reply, behind the NLU work of every other conversation (bench: about 400 ms per action call at
    16 conversations). Here the pipeline runs on one worker thread instead: NLU stays one message at a
    time, in arrival order, and the loop is free to finish conversations whose action reply came back.
    B12_NLU_THREAD=0 keeps Rasa's own behaviour (for comparison in `make bench`)."""
    if os.environ.get("B12_NLU_THREAD", "1") == "0":
        return
    import rasa
    if rasa.__version__ != TESTED_RASA:
        # the two methods below are copies of Rasa 3.6.21's with one line changed each; on any other
        # version Rasa's own run (the NLU on the event loop) is kept rather than an unchecked copy
        logging.getLogger(__name__).warning("Rasa %s is not %s: the NLU stays on the event loop",
                                            rasa.__version__, TESTED_RASA)
        return
    import asyncio
    import copy
    from concurrent.futures import ThreadPoolExecutor

    from rasa.core import processor
    from rasa.core.processor import MessageProcessor
    from rasa.exceptions import ActionLimitReached
    from rasa.shared.core.trackers import DialogueStateTracker

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")
    busy = _watch_the_nlu_worker()
    rasa_parse_message = MessageProcessor.parse_message

    async def parse_message(self, message, tracker=None, only_output_properties=True):
        if self.http_interpreter:
            return await rasa_parse_message(self, message, tracker, only_output_properties)
        if tracker is None:
            tracker = DialogueStateTracker.from_events(message.sender_id, [])
        loop = asyncio.get_running_loop()
        parse_data = await loop.run_in_executor(pool, busy.run, self._parse_message_with_graph, message, tracker,
                                                only_output_properties)
        # the rest of Rasa's parse_message, unchanged
        self._update_full_retrieval_intent(parse_data)
        processor.structlogger.debug("processor.message.parse", parse_data_text=copy.deepcopy(parse_data["text"]),
                                     parse_data_intent=parse_data["intent"],
                                     parse_data_entities=copy.deepcopy(parse_data["entities"]))
        self._check_for_unseen_features(parse_data)
        return parse_data

    async def run_prediction_loop(self, output_channel, tracker):
        # Rasa's _run_prediction_loop, with the policies' prediction (a graph run too) on the same
        # worker thread; actions, tracker writes and replies stay on the event loop.
        loop = asyncio.get_running_loop()
        should_predict_another_action = True
        while should_predict_another_action and self._should_handle_message(tracker):
            try:
                action, prediction = await loop.run_in_executor(
                    pool, busy.run, self.predict_next_with_tracker_if_should, tracker)
            except ActionLimitReached:
                processor.logger.warning(
                    "Circuit breaker tripped. Stopped predicting more actions for sender '%s'.", tracker.sender_id)
                if self.on_circuit_break:
                    self.on_circuit_break(tracker, output_channel, self.nlg)
                break
            if prediction.is_end_to_end_prediction:
                processor.logger.debug(
                    "An end-to-end prediction was made which has triggered the 2nd execution of the "
                    "default action '%s'.", "action_extract_slots")
                tracker = await self.run_action_extract_slots(output_channel, tracker)
            should_predict_another_action = await self._run_action(action, tracker, output_channel, self.nlg,
                                                                   prediction)

    MessageProcessor.parse_message = parse_message
    MessageProcessor._run_prediction_loop = run_prediction_loop


def _watch_the_nlu_worker():
    """A watchdog (b12assist.serve.nluwatch) that marks `nlu_worker` failing for /health while one job
    keeps the NLU worker busy longer than B12_NLU_STUCK_SECONDS (default 30), with one ERROR log line,
    and clears it when the worker is free again."""
    from b12assist import health, settings
    from b12assist.serve import nluwatch

    limit = max(1.0, settings.env_float("B12_NLU_STUCK_SECONDS", 30.0))
    log = logging.getLogger("b12assist.nlu_worker")

    def on_stuck(seconds: float) -> None:
        if not check.stuck:
            log.error("the NLU worker has been on one message for %.0f s: new messages wait behind it "
                      "(see /health)", seconds)
        health.mark_failure("nlu_worker", TimeoutError(), detail=f"busy on one message for {seconds:.0f} s")

    busy = nluwatch.Busy()
    check = nluwatch.Check(busy, limit, on_stuck, lambda: health.clear("nlu_worker"))
    nluwatch.start(check, every=min(2.0, limit / 2))
    return busy


def answer_retries_once() -> None:
    """A message whose client id (`metadata.message_id`, see b12assist.inputcheck) and text are those of
    the conversation's latest message is answered with the replies stored for it
    (b12assist.serve.retry). Rasa's Agent calls handle_message inside the conversation's lock, so the
    check waits for the first attempt while the lock lives (TICKET_LOCK_LIFETIME); one extra tracker
    read, only for messages that carry an id."""
    from rasa.core import processor
    from rasa.core.channels.channel import CollectingOutputChannel
    from rasa.core.processor import MessageProcessor

    from b12assist.serve import retry

    rasa_handle_message = MessageProcessor.handle_message

    async def handle_message(self, message):
        message_id = (message.metadata or {}).get("message_id")
        if message_id:
            tracker = await self.tracker_store.retrieve(message.sender_id)
            replies = retry.replies_to(tracker.events if tracker else [], message_id, message.text)
            if replies is not None:
                processor.logger.info("message %s was handled before (the client sent it again): its %d "
                                      "stored replies are sent, nothing is stored", message_id, len(replies))
                for reply in replies:
                    await message.output_channel.send_response(message.sender_id, reply)
                if isinstance(message.output_channel, CollectingOutputChannel):
                    return message.output_channel.messages
                return None
        return await rasa_handle_message(self, message)

    MessageProcessor.handle_message = handle_message


def limit_messages_in_flight() -> None:
    """At most B12_MAX_IN_FLIGHT messages (default 8; 0: no limit) are handled at once by this server;
    the others wait their turn in arrival order, before taking their conversation's lock (so no
    waiting message holds a lock). Under overload, every message that calls the action server went
    back to the end of the event loop's queue once per call, behind the steps of every other message
    in flight, and the slowest replies took several times the median; with a few in flight a message
    that has started finishes, and the waiting is done once, in order."""
    from b12assist import settings

    limit = int(settings.env_float("B12_MAX_IN_FLIGHT", 8.0))
    if limit <= 0:
        return
    import asyncio

    from rasa.core.agent import Agent

    rasa_handle_message = Agent.handle_message
    gates: dict = {}

    async def handle_message(self, message):
        loop = asyncio.get_running_loop()
        gate = gates.get(loop)
        if gate is None:
            gate = gates[loop] = asyncio.Semaphore(limit)
        async with gate:
            return await rasa_handle_message(self, message)

    Agent.handle_message = handle_message


def apply() -> None:
    global _applied
    if not _applied:
        cache_action_result_validation()
        sqlite_write_ahead_log()
        redact_message_text_in_logs()
        report_tracker_store_failures()
        atomic_redis_lock_store()
        report_lock_store_failures()
        parse_off_the_event_loop()
        answer_retries_once()
        limit_messages_in_flight()
        _applied = True


def main() -> None:
    apply()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
