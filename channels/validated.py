"""Rasa's REST and socket.io channels with input validation in front (adapters over
b12assist.inputcheck), registered in credentials.yml by module path. The public URLs do not change:
`POST /webhooks/rest/webhook` and socket.io at `/socket.io`.

- REST: empty body, invalid JSON, a body that is not an object, a missing/empty `sender`, a
  missing or non-string `message`, non-object `metadata` -> HTTP 400 with
  `{"error": CODE, "message": TEXT}`; a body over B12_MAX_BODY_BYTES -> 413. Never a 500 and never
  a silent `200 []`: when Rasa itself fails the patient gets a short "please try again" reply.
- socket.io: the same checks; an invalid `user_uttered` gets an error bot message.
- NUL and control characters are stripped; an empty message gets a short reply.
- No answer from Rasa within B12_REPLY_DEADLINE_SECONDS (25; a stuck NLU worker, a slow store):
  the red-flag check answers alone (the guidance, or "I'm slow to answer right now" with the
  emergency number) and Rasa goes on with the message in the background.
- Whenever this channel sends the guidance itself (Rasa failed, said nothing or was too slow), it
  also records the escalation (b12assist.notifier.leave_for_notifier: the project database, else the
  local file outbox), keyed by Rasa's message id so that Rasa's own `action_escalate` for the same
  message, should it still run, makes no second record; the action server's notifier notifies it.
- A message over B12_MAX_MESSAGE_CHARS (5,000) never reaches the intent classifier: the red-flag detector reads all
  of it first. When it fires, an excerpt (at most the limit) goes into Rasa with the red-flag intent
  already set (`UserMessage.parse_data`, so the NLU pipeline does not run), the rule sends the
  emergency/urgent guidance and `action_escalate` records the escalation; then the patient is asked
  for a shorter message.
- socket.io polling: exactly one Access-Control-Allow-Origin header (see `_single_cors_header`).
"""
from __future__ import annotations

import asyncio
import inspect
import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Union

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream
from sanic_cors.core import SANIC_CORS_EVALUATED

from b12assist import inputcheck, logredact, notifier, settings
from b12assist.inputcheck import InputError
from b12assist.reconcile import escalation_key, message_identity
from b12assist.safety.detector import detect
from channels.socketio_origins import OriginCheckedSocketIOInput

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
RED_FLAG_INTENTS = {"emergency": "red_flag_emergency", "urgent": "red_flag_urgent"}
TRY_AGAIN = ("Sorry, something went wrong on my side and I could not read that message. Please send it "
             "again. If this is an emergency, call {number} now.")
SLOW_REPLY = "Sorry, I'm slow to answer right now. If this is an emergency, call {number} now."
SEND_AGAIN = " Otherwise, please send your message again in a minute."   # REST: the late answer cannot reach it
DETECT_DEADLINE = 5.0
NO_REPLY = ("I don't have an answer for that. Could you say it another way? If this is an emergency, "
            "call {number} now.")


@lru_cache(maxsize=1)
def _safety_replies() -> Dict[str, list]:
    """domain/safety_replies.yml's responses, read once (a failed read is not cached: it raises)."""
    import yaml

    return yaml.safe_load((ROOT / "domain" / "safety_replies.yml").read_text(encoding="utf-8"))["responses"]


def _guidance(level: str, language: str = "en", category: Optional[str] = None) -> str:
    """The domain's own emergency/urgent text (domain/safety_replies.yml), chosen as Rasa chooses a
    conditional response: the first variant whose conditions (the `language` and `red_flag_category`
    slots) all hold, else the one without conditions. For when Rasa could not send it."""
    number = settings.load().emergency_number
    try:
        variants = _safety_replies()["utter_emergency" if level == "emergency" else "utter_urgent"]
        spoken = {c.get("value") for v in variants for c in v.get("condition") or [] if c.get("name") == "language"}
        slots = {"language": language if language in spoken else "other", "red_flag_category": category}
        text = next(v for v in variants
                    if all(slots.get(c.get("name")) == c.get("value") for c in v.get("condition") or []))["text"]
    except Exception:  # the file is part of the project; never let a guidance reply fail on it
        logger.exception("could not read the guidance text: the short one is sent")
        text = ("⚠️ EMERGENCY: call {emergency_number} now." if level == "emergency" else
                "⚠️ Nerve symptoms that are getting worse need a clinician today: contact yours or an urgent "
                "care service today. If you suddenly cannot speak, your face droops or you cannot move an arm "
                "or leg, call {emergency_number} now.")
    return text.replace("{emergency_number}", number)


def _red_flag_parse_data(text: str, level: str, category: Optional[str]) -> Dict[Text, Any]:
    intent = RED_FLAG_INTENTS[level]
    entities = [{"entity": name, "value": value, "start": 0, "end": len(text),
                 "extractor": "B12InputChannel", "confidence_entity": 1.0}
                for name, value in (("red_flag_category", category or "reported symptom"),
                                    ("emergency_number", settings.load().emergency_number))]
    return {"text": text, "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": [{"name": intent, "confidence": 1.0}], "entities": entities}


class _Tracking:
    """Remembers what Rasa sent through an output channel (its `send_response` is wrapped on the
    instance, so the channel keeps its class and name for Rasa)."""

    def __init__(self, inner: OutputChannel):
        self.inner = inner
        self.escalation_sent = False
        self.sent_any = False
        send_response = inner.send_response

        async def tracked(recipient_id: Text, message: Dict[Text, Any]) -> None:
            self.sent_any = True
            custom = message.get("custom") or {}
            data = custom.get("data") if isinstance(custom, dict) else None
            if isinstance(data, dict) and data.get("escalation"):
                self.escalation_sent = True
            await send_response(recipient_id, message)

        inner.send_response = tracked


async def handle(req: inputcheck.Request, output: OutputChannel, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                 input_channel: str) -> None:
    """Everything after validation, shared by REST and socket.io."""
    out = _Tracking(output)
    output = out.inner
    sender = req.sender
    if req.empty:
        await output.send_text_message(sender, inputcheck.EMPTY_REPLY)
        return
    limit = inputcheck.max_message_chars()
    with logredact.registered(req.text):
        if req.too_long(limit):
            await _handle_too_long(req, out, on_new_message, input_channel, limit)
            return
        message = UserMessage(req.text, output, sender, input_channel=input_channel, metadata=req.metadata)
        # Rasa's answer within the deadline; after it, the red-flag check answers alone and Rasa goes on
        # in the background (the message is still stored; a retry with its id gets the stored replies).
        task = await _within_deadline(on_new_message, message, req.text)
        ident = message_identity(message.message_id, req.metadata, req.text)   # the record's key
        if not task.done():
            logger.error("no answer within %.0f s (conversation %s): the red-flag check answers alone, "
                         "the assistant goes on with the message", reply_deadline(), logredact.short_id(sender))
            await _after_failure(req.text, out, sender, ident, slow=True,
                                 rest=isinstance(output, CollectingOutputChannel))
            return
        if task.cancelled() or task.exception() is not None:   # Rasa failed (logged in _handled)
            await _after_failure(req.text, out, sender, ident)
            return
        if not out.sent_any:   # never a silent empty reply
            logger.warning("no reply for a message (conversation %s)", logredact.short_id(sender))
            await _after_failure(req.text, out, sender, ident, failed=False)


def reply_deadline() -> float:
    """B12_REPLY_DEADLINE_SECONDS (25): how long a patient waits for Rasa before the red-flag check
    answers alone (below the REST clients' and Sanic's 60 s timeouts)."""
    return max(1.0, settings.env_float("B12_REPLY_DEADLINE_SECONDS", 25.0))


async def _handled(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage, text: str) -> None:
    """Rasa's handling of one message; a failure is logged here, while the message's text is still
    registered for redaction (it may finish after the reply went out)."""
    with logredact.registered(text):
        try:
            await on_new_message(message)
        except Exception:
            logger.exception("the assistant failed on a message (conversation %s)",
                             logredact.short_id(message.sender_id))
            raise


async def _within_deadline(on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage,
                           text: str) -> "asyncio.Task[None]":
    """Rasa's handling of the message, waited for up to reply_deadline(); never raises. The task is
    returned: not done means too slow (it goes on in the background), done with an exception means
    Rasa failed (logged in _handled)."""
    task = asyncio.ensure_future(_handled(on_new_message, message, text))
    # already logged in _handled: retrieve the exception on every path (deadline, disconnect, failure)
    task.add_done_callback(lambda t: t.cancelled() or t.exception())
    try:
        await asyncio.wait_for(asyncio.shield(task), reply_deadline())
    except Exception:  # noqa: BLE001  (the caller reads the outcome from the task)
        pass
    return task


async def _after_failure(text: str, out: _Tracking, sender: str, message_id: Optional[str], failed: bool = True,
                         slow: bool = False, rest: bool = False) -> None:
    """Rasa raised, sent nothing or is too slow: guidance when the message holds a red flag, else a
    short reply that names the emergency number. A red-flag check that does not answer within
    DETECT_DEADLINE gets the short reply too. When Rasa is only slow and has already sent the
    guidance, nothing more is said; when it has sent part of its answer, only the slow reply."""
    if slow and out.escalation_sent:
        return
    try:
        assessment = await asyncio.wait_for(asyncio.to_thread(detect, text), DETECT_DEADLINE)
    except Exception:  # noqa: BLE001  (timed out or failed: the reply below still names the number)
        logger.exception("red-flag check failed after the assistant did not answer")
        assessment = None
    if slow and not (assessment and assessment.level):
        await out.inner.send_text_message(sender, (SLOW_REPLY + (SEND_AGAIN if rest else "")).format(
            number=settings.load().emergency_number))
        return
    if assessment is None:
        await out.inner.send_text_message(sender, TRY_AGAIN.format(number=settings.load().emergency_number))
        return
    if assessment.level and not out.escalation_sent:
        await _send_guidance(out, sender, message_id, text, assessment.level, assessment.category,
                             assessment.language)
    else:
        await out.inner.send_text_message(sender, (TRY_AGAIN if failed else NO_REPLY).format(
            number=settings.load().emergency_number))


async def _send_guidance(out: _Tracking, sender: str, message_id: Optional[str], text: str, level: str,
                         category: Optional[str], language: str = "en") -> None:
    """The channel sends the red-flag guidance itself (Rasa failed or did not send it) and records the
    escalation, as action_escalate would have."""
    await out.inner.send_response(sender, {"text": _guidance(level, language, category),
                                           "custom": {"data": {"escalation": level,
                                                               "number": settings.load().emergency_number}}})
    await _record(sender, message_id, level, category, text)


RECORD_WAIT = 2.0          # the reply waits at most this long for the record; the write goes on after it
_recording: set = set()   # records still being written after the reply went out


async def _record(sender: str, message_id: Optional[str], level: str, category: Optional[str], text: str) -> None:
    """Record the escalation of guidance this channel sent itself (b12assist.notifier.leave_for_notifier).
    The REST reply waits for it at most RECORD_WAIT seconds; a failure is logged, never raised: the
    patient already has the guidance."""
    esc = notifier.Escalation(sender, level, category or "reported symptom", text,
                              key=escalation_key(sender, message_id))

    def write() -> None:
        try:
            notifier.leave_for_notifier(esc)
        except Exception:  # noqa: BLE001
            logger.exception("could not record the escalation (conversation %s)", logredact.short_id(sender))

    task = asyncio.ensure_future(asyncio.to_thread(write))
    _recording.add(task)
    task.add_done_callback(_recording.discard)
    await asyncio.wait({task}, timeout=RECORD_WAIT)


async def _handle_too_long(req: inputcheck.Request, out: _Tracking,
                           on_new_message: Callable[[UserMessage], Awaitable[Any]],
                           input_channel: str, limit: int) -> None:
    sender = req.sender
    found = await asyncio.to_thread(inputcheck.assess_long, req.text, detect, limit)
    logger.info("message over the limit (%d > %d characters, conversation %s): red flag %s",
                found.length, limit, logredact.short_id(sender), found.level or "none")
    if found.level:
        excerpt = found.excerpt[:limit]
        metadata = dict(req.metadata or {})
        metadata["b12_oversized"] = {"chars": found.length, "excerpt_chars": len(excerpt)}
        message = UserMessage(excerpt, out.inner, sender, input_channel=input_channel, metadata=metadata,
                              parse_data=_red_flag_parse_data(excerpt, found.level, found.category))
        task = await _within_deadline(on_new_message, message, excerpt)
        if not task.done():
            logger.error("no answer within %.0f s on an oversized red-flag message (conversation %s)",
                         reply_deadline(), logredact.short_id(sender))
        if not out.escalation_sent:   # Rasa failed: the guidance still goes out
            await _send_guidance(out, sender, message_identity(message.message_id, metadata, excerpt), excerpt,
                                 found.level, found.category)
    await out.inner.send_text_message(sender, inputcheck.too_long_reply(found.length, limit))


def _error(err: InputError, status: int = 400) -> HTTPResponse:
    return response.json(err.as_json(), status=status)


class ValidatedRestInput(RestInput):
    """`rest` channel (same URL), validated. See the module docstring."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        module = inspect.getmodule(self)
        bp = Blueprint(f"custom_webhook_{type(self).__name__}", module.__name__ if module else None)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> Union[ResponseStream, HTTPResponse]:
            body = request.body or b""
            if len(body) > inputcheck.max_body_bytes():
                return _error(InputError("body_too_large", limit=inputcheck.max_body_bytes()), 413)
            if not body.strip():
                return _error(InputError("body_empty"))
            try:
                decoded = json.loads(body)
            except (ValueError, RecursionError):
                return _error(InputError("body_not_json"))
            try:
                req = inputcheck.check_request(decoded)
            except InputError as err:
                return _error(err)
            input_channel = self.name()
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(self._stream(req, on_new_message, input_channel),
                                       content_type="text/event-stream")
            collector = CollectingOutputChannel()
            try:
                await handle(req, collector, on_new_message, input_channel)
            except asyncio.CancelledError:
                raise
            except Exception:   # handle() already catches Rasa's failures; this is the last resort
                logger.exception("REST channel failure (conversation %s)", logredact.short_id(req.sender))
                return response.json({"error": "internal", "message": "Please send the message again."}, status=503)
            return response.json(collector.messages)

        return bp

    def _stream(self, req: inputcheck.Request, on_new_message, input_channel: str):
        from rasa.core.channels.rest import QueueOutputChannel

        async def stream(resp: Any) -> None:
            queue: asyncio.Queue = asyncio.Queue()

            async def run() -> None:
                try:
                    await handle(req, QueueOutputChannel(queue), on_new_message, input_channel)
                finally:
                    await queue.put("DONE")

            task = asyncio.ensure_future(run())
            while True:
                result = await queue.get()
                if result == "DONE":
                    break
                await resp.write(json.dumps(result) + "\n")
            await task

        return stream


class ValidatedSocketIOInput(OriginCheckedSocketIOInput):
    """`socketio` channel (same path, origin check on), validated. See the module docstring."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        bp = super().blueprint(on_new_message)
        sio = self.sio
        _single_cors_header(sio)

        async def handle_message(sid: Text, data: Any) -> None:
            output = SocketIOOutput(sio, self.bot_message_evt)
            if not isinstance(data, dict):
                return await self._reject(sid, InputError("body_not_object"))
            if self.session_persistence:
                session_id = data.get("session_id")
                if not isinstance(session_id, str) or not session_id.strip():
                    return await self._reject(sid, InputError("session_missing"))
                sender_id = session_id
            else:
                sender_id = sid
            try:
                sender = inputcheck.check_sender(sender_id)
                text = inputcheck.check_message(data.get("message"), present="message" in data)
                metadata = data.get(self.metadata_key)
                if isinstance(metadata, str):
                    try:
                        metadata = json.loads(metadata)
                    except (ValueError, RecursionError):
                        raise InputError("metadata_invalid") from None
                metadata = inputcheck.check_metadata(metadata or None)
            except InputError as err:
                return await self._reject(sid, err)
            req = inputcheck.Request(sender, text, metadata)
            try:
                await handle(req, output, on_new_message, self.name())
            except Exception:
                logger.exception("socket.io channel failure (conversation %s)", logredact.short_id(sender))
                await sio.emit(self.bot_message_evt, {"text": "Please send the message again.", "error": "internal"},
                               room=sid)

        sio.on(self.user_message_evt, handler=handle_message, namespace=self.namespace)
        return bp

    async def _reject(self, sid: Text, err: InputError) -> None:
        await self.sio.emit(self.bot_message_evt, {"text": err.message, "error": err.code}, room=sid)


def _single_cors_header(sio) -> None:
    """socket.io answers polling requests with its own Access-Control-Allow-Origin (after its origin
    check); `rasa run --cors` (sanic-cors, on every path) would add a second one, and Chromium
    rejects a response with two. Mark socket.io's requests as already handled for sanic-cors."""
    eio = sio.eio
    handle_request = eio.handle_request

    async def handle_request_once(request, *args, **kwargs):
        try:
            setattr(request.ctx, SANIC_CORS_EVALUATED, "1")
        except AttributeError:
            pass
        return await handle_request(request, *args, **kwargs)

    eio.handle_request = handle_request_once
