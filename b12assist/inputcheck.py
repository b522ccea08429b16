"""What a patient's message must look like before it reaches the NLU pipeline (pure, no Rasa).

The REST and socket.io channels (`channels/validated.py`) are thin adapters over this module:

    >>> check_request({"sender": "a", "message": "hi\\x00 there"}).text
    'hi there'
    >>> try:
    ...     check_request({"message": "hi"})
    ... except InputError as err:
    ...     print(err.as_json()["error"])
    sender_missing

Rules:
- the request is a JSON object with a non-empty string `sender` (at most 128 characters) and a
  string `message`; `metadata`, when given, is an object. Anything else is an `InputError` with a
  stable code (HTTP 400 on REST, an error bot message on socket.io);
- `metadata.message_id`, when given, is the client's id for this message (1 to 64 letters, digits,
  `-`, `_`, `.`, `:`): a client that sends a message again after a lost reply (a 502 when a replica
  died) sends the same id, and the assistant does not handle it twice (b12assist.serve.retry);
- NUL and other control characters are removed (new lines and tabs are kept, a carriage return
  becomes a new line); lone UTF-16 surrogates (valid in JSON, invalid in UTF-8) become U+FFFD;
- a message that is empty after that gets a short reply, without going through Rasa;
- a message longer than `max_message_chars()` (B12_MAX_MESSAGE_CHARS, default 5,000) never reaches
  the intent classifier: the red-flag detector reads all of it first (`assess_long`), then the patient is asked for
  a shorter message.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Callable

DEFAULT_MAX_MESSAGE_CHARS = 5000
DEFAULT_MAX_BODY_BYTES = 1_000_000
MAX_SENDER_CHARS = 128

# C0 controls except tab and new line, DEL, C1 controls. Carriage returns are handled first.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MESSAGE_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")

EMPTY_REPLY = "I didn't get any text there. Please type your question about B12 injections."
TOO_LONG_REPLY = ("Your message is too long for me ({n:,} characters). Please send a shorter message, "
                  "up to {limit:,} characters.")

ERRORS = {
    "body_empty": "The request body is empty. Send a JSON object: {\"sender\": \"...\", \"message\": \"...\"}.",
    "body_not_json": "The request body is not valid JSON. Send a JSON object: {\"sender\": \"...\", \"message\": \"...\"}.",
    "body_not_object": "The request body must be a JSON object: {\"sender\": \"...\", \"message\": \"...\"}.",
    "body_too_large": "The request body is too large (over {limit:,} bytes).",
    "sender_missing": "\"sender\" is missing or empty: give each conversation its own non-empty id.",
    "sender_invalid": "\"sender\" must be a string of 1 to 128 characters.",
    "message_missing": "\"message\" is missing.",
    "message_invalid": "\"message\" must be a string.",
    "metadata_invalid": "\"metadata\" must be a JSON object.",
    "message_id_invalid": "\"metadata.message_id\" must be 1 to 64 letters, digits, '-', '_', '.' or ':'.",
    "session_missing": "No chat session: send session_request first, then user_uttered with its session_id.",
}


class InputError(ValueError):
    """A request the assistant cannot take, with a stable machine-readable code."""

    def __init__(self, code: str, **fmt: Any):
        self.code = code
        self.message = ERRORS[code].format(**fmt) if fmt else ERRORS[code]
        super().__init__(f"{code}: {self.message}")

    def as_json(self) -> dict:
        return {"error": self.code, "message": self.message}


def _env_int(name: str, default: int) -> int:
    try:
        value = int(os.environ.get(name, "").strip() or default)
    except ValueError:
        return default
    return value if value > 0 else default


def max_message_chars() -> int:
    """B12_MAX_MESSAGE_CHARS, default 5,000: longer messages never reach the intent classifier."""
    return _env_int("B12_MAX_MESSAGE_CHARS", DEFAULT_MAX_MESSAGE_CHARS)


def max_body_bytes() -> int:
    """B12_MAX_BODY_BYTES, default 1,000,000: larger REST bodies get HTTP 413 unread."""
    return _env_int("B12_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)


def clean_text(text: str) -> str:
    """Remove NUL and control characters, keep new lines and tabs, repair lone surrogates.

    >>> clean_text("a\\r\\nb\\x00c\\x1b[31md\\te\\u0085")
    'a\\nbc[31md\\te'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class Request:
    sender: str
    text: str                         # cleaned
    metadata: dict | None = None

    @property
    def message_id(self) -> str | None:
        """The client's id for this message (validated by check_metadata), or None."""
        return (self.metadata or {}).get("message_id")

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    def too_long(self, limit: int | None = None) -> bool:
        return len(self.text) > (limit or max_message_chars())


def check_sender(sender: Any) -> str:
    if sender is None or (isinstance(sender, str) and not clean_text(sender).strip()):
        raise InputError("sender_missing")
    if not isinstance(sender, str) or len(sender) > MAX_SENDER_CHARS:
        raise InputError("sender_invalid")
    return clean_text(sender).strip()


def check_message(message: Any, present: bool = True) -> str:
    if not present:
        raise InputError("message_missing")
    if not isinstance(message, str):
        raise InputError("message_invalid")
    return clean_text(message)


def check_metadata(metadata: Any) -> dict | None:
    if metadata is None:
        return None
    if not isinstance(metadata, dict):
        raise InputError("metadata_invalid")
    if "message_id" in metadata:
        message_id = metadata["message_id"]
        if not isinstance(message_id, str) or not _MESSAGE_ID.fullmatch(message_id):
            raise InputError("message_id_invalid")
    return metadata


def check_request(body: Any) -> Request:
    """Validate a decoded REST body (see the module docstring); raises InputError."""
    if not isinstance(body, dict):
        raise InputError("body_not_object")
    sender = check_sender(body.get("sender"))
    text = check_message(body.get("message"), present="message" in body)
    return Request(sender, text, check_metadata(body.get("metadata")))


@dataclass(frozen=True)
class LongAssessment:
    """The red-flag reading of an oversized message."""
    length: int
    level: str | None = None          # "emergency", "urgent" or None
    category: str | None = None
    excerpt: str = ""                 # the part of the message (at most `limit` characters) with the red flag
    windows: int = 0                  # detector calls made
    notes: list[str] = field(default_factory=list)


def windows(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """Overlapping [start, end) windows covering `text`, cut at white space where possible.

    >>> windows("aaaa bbbb cccc dddd", 10, 3)
    [(0, 9), (6, 14), (11, 19)]
    """
    if len(text) <= size:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind(" ", start + size // 2, end)
            end = cut if cut > start else end
        out.append((start, end))
        if end >= len(text):
            return out
        start = max(end - overlap, start + 1)


def assess_long(text: str, detect: Callable[[str], Any], limit: int | None = None) -> LongAssessment:
    """Read all of an oversized message with the red-flag detector `detect` (the project's
    `b12assist.safety.detector.detect`, passed in so this module stays free of spaCy).

    The whole text decides the level (the detector reads long texts in its own windows, so memory
    stays flat); when it escalates, the first window of at most `limit` characters that escalates
    at the same level on its own, with the text before it up to `limit` characters, is kept as the
    excerpt to record for staff. When no window does on
    its own (the context spans windows), the excerpt ends just after the red flag, in the detector's
    normalised spelling.
    """
    limit = limit or max_message_chars()
    whole = detect(text)
    level = getattr(whole, "level", None)
    result = LongAssessment(length=len(text), windows=1)
    if not level:
        return result
    category = getattr(whole, "category", None)
    calls = 1
    for start, end in windows(text, limit, min(500, limit // 5)):
        calls += 1
        part = detect(text[start:end])
        if getattr(part, "level", None) == level:   # kept with as much text before it as the limit allows
            return LongAssessment(len(text), level, category or getattr(part, "category", None),
                                  text[max(0, end - limit):end], calls)
    ends = [f.end for f in getattr(whole, "escalating", ()) if getattr(f, "level", None) == level]
    norm = getattr(whole, "text", "") or ""
    stop = min(len(norm), (ends[0] if ends else len(norm)) + 200)
    return LongAssessment(len(text), level, category, norm[max(0, stop - limit):stop], calls,
                          ["excerpt in normalised spelling"])


def too_long_reply(length: int, limit: int | None = None) -> str:
    """
    >>> too_long_reply(100000)
    'Your message is too long for me (100,000 characters). Please send a shorter message, up to 5,000 characters.'
    """
    return TOO_LONG_REPLY.format(n=length, limit=limit or max_message_chars())
