"""A message sent again after its reply was lost is answered once, not handled twice (pure, no Rasa).

A REST client that gets no reply (HTTP 502: the replica handling the message died, or the network
dropped) sends the message again. When the first replica had already stored the message and its
replies in the shared tracker store, handling it again would store it twice and run its actions
(an escalation, a schedule step) twice. A client that names each message (`metadata.message_id`,
the same id on every attempt) gets the stored replies of the first attempt instead, and nothing is
stored again. The check runs inside the conversation's lock (b12assist.serve.rasa_cli), so two
attempts of one message hold the conversation's lock one after the other (for as long as the lock
lives: TICKET_LOCK_LIFETIME).

Only the conversation's latest user message can be a retry: a client sends the next message after
the reply to the one before, so an id (and text) seen earlier in the conversation, a widget that
reuses its counter after a reload, a patient who types "yes" again, is a new message. The client's id
stays in the message's metadata; Rasa keeps its own message id (the escalation record's key is built
from Rasa's id, so two red flags never share one).

Events are Rasa's event objects, read by duck typing (`type_name`, `metadata`, `text`,
`message()`):

>>> class E:
...     def __init__(self, type_name, text, client_id=None):
...         self.type_name, self.text, self.metadata = type_name, text, {"message_id": client_id}
...     def message(self):
...         return {"text": self.text}
>>> events = [E("user", "yes", "m1"), E("bot", "Noted."), E("user", "hi", "m2"), E("bot", "Hello!"),
...           E("action", None), E("bot", "Ask me.")]
>>> replies_to(events, "m2", "hi")
[{'text': 'Hello!'}, {'text': 'Ask me.'}]
>>> replies_to(events, "m3", "hi") is None             # never seen: handle it
True
>>> replies_to(events, "m2", "something else") is None  # same id, other text: a new message
True
>>> replies_to(events, "m1", "yes") is None            # not the latest message: a new message
True
"""
from __future__ import annotations

from typing import Any, Iterable


def replies_to(events: Iterable[Any], message_id: str, text: str | None) -> list[dict] | None:
    """The bot messages after the conversation's latest user message when that message carries the
    client id `message_id` and this text; None when it does not (the message is new)."""
    events = list(events)
    latest = next((i for i in range(len(events) - 1, -1, -1)
                   if getattr(events[i], "type_name", None) == "user"), None)
    if latest is None:
        return None
    user = events[latest]
    if (getattr(user, "metadata", None) or {}).get("message_id") != message_id or getattr(user, "text", None) != text:
        return None
    return [e.message() for e in events[latest + 1:] if getattr(e, "type_name", None) == "bot"]
