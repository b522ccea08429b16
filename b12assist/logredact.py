"""Keep patients' message text out of every log line, at every level (pure, stdlib logging only).

Two layers:
- the input channels register each message text while it is being handled (`registered`); the
  `RedactMessageText` filter replaces any occurrence of a registered text (as typed, and as it
  appears inside a Python repr or a JSON string) in a log record's message, arguments and
  traceback with `[message text redacted]`;
- known places where Rasa prints message text are redacted whatever their content: structured
  log keys (`REDACT_KEYS`, used by `b12assist.serve.rasa_cli` for Rasa's structlog events) and the text
  of `UserUttered(...)` and `'text': ...` fields in printed events and dicts.

`install()` puts the filter in front of every record (through the log record factory), so it
applies whatever logger or handler a record goes through, Rasa's, Sanic's or the project's.

    >>> import logging
    >>> with registered("my secret symptom"):
    ...     r = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed on '%s'", ("my secret symptom",), None)
    ...     _ = RedactMessageText().filter(r)
    >>> r.getMessage()
    "failed on '[message text redacted]'"
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import threading
import traceback
from collections import Counter
from typing import Any, Iterator

REDACTED = "[message text redacted]"
MIN_REGISTERED = 3   # shorter texts ("hi", "ok") are too common to search for; the patterns cover them

# Keys of Rasa's structured log events that carry what a patient typed (or derived from it).
REDACT_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text", "parse_data_entities",
    "prediction_events", "tracker_latest_message", "prefilled_slots", "message", "response",
    "slot_candidates", "rasa_event", "rasa_events", "tracker_states", "current_states", "old_states",
    "successes", "current_entity", "next_entity", "states", "entity", "token_text", "user_message",
    "json_message", "events", "value", "entities", "metadata", "parse_data", "body",
})

_PATTERNS = [
    # UserUttered(text: ..., intent: ...) as Rasa prints events
    (re.compile(r"(UserUttered\(text: ).*?(, intent: )", re.S), r"\1" + REDACTED + r"\2"),
    # 'text': '...' / "text": "..." inside printed dicts and JSON
    (re.compile(r"""(['"](?:text|message|user_text|parse_data_text)['"]\s*:\s*)(['"])(?:\\.|(?!\2).)*\2""", re.S),
     r"\1\2" + REDACTED + r"\2"),
]

_lock = threading.Lock()
_texts: Counter = Counter()


def _variants(text: str) -> set[str]:
    forms = {text, repr(text)[1:-1], json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1]}
    return {f for f in forms if len(f) >= MIN_REGISTERED}


@contextlib.contextmanager
def registered(text: str) -> Iterator[None]:
    """Redact `text` from log records made while the block runs (the handling of one message)."""
    forms = _variants(text or "")
    with _lock:
        _texts.update(forms)
    try:
        yield
    finally:
        with _lock:
            _texts.subtract(forms)
            for f in forms:
                if _texts[f] <= 0:
                    del _texts[f]


def short_id(sender: str) -> str:
    """A short stable reference to a conversation id for logs (not the id itself).

    >>> short_id("abc")
    'ba7816bf'
    """
    return hashlib.sha256(str(sender).encode("utf-8", "replace")).hexdigest()[:8]


def redact(text: str) -> str:
    """Apply the patterns and the registered texts to one string."""
    if not text:
        return text
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    with _lock:
        forms = sorted(_texts, key=len, reverse=True)
    for form in forms:
        if form in text:
            text = text.replace(form, REDACTED)
    return text


class RedactMessageText(logging.Filter):
    """Rewrites a record so that no registered message text and no known text field remains.
    Never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def redact_event_dict(_logger: Any, _method: str, event_dict: dict) -> dict:
    """A structlog processor: the values of `REDACT_KEYS` become `[message text redacted]`."""
    for key in list(event_dict):
        if key in REDACT_KEYS:
            event_dict[key] = REDACTED
    return event_dict


_installed = False


def install() -> None:
    """Run `RedactMessageText` on every log record created in this process (idempotent)."""
    global _installed
    if _installed:
        return
    flt = RedactMessageText()
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        flt.filter(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
