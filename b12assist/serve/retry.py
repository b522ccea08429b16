"""A message sent again after its reply was lost is answered once, not handled twice (pure, no Rasa).

A REST client that gets no reply (HTTP 502: the replica handling the message died, or the network
dropped) sends the message again. When the first replica had already stored the message and its
replies in the shared tracker store, handling it again would store it twice and run its actions
(an escalation, a schedule step) twice. A client that names each message (`metadata.message_id`,
the same id on every attempt) gets the stored replies of the first attempt instead, and nothing is
stored again. The check runs inside the conversation's lock (b12assist.serve.rasa_cli), so two
attempts of one message never run side by side.

Events are Rasa's event objects, read by duck typing (`type_name`, `message_id`, `text`,
`message()`):

>>> class E:
...     def __init__(self, type_name, text, message_id=None):
...         self.type_name, self.text, self.message_id = type_name, text, message_id
...     def message(self):
...         return {"text": self.text}
>>> events = [E("user", "hi", "m1"), E("bot", "Hello!"), E("action", None), E("bot", "Ask me."),
...           E("user", "dose?", "m2"), E("bot", "1 mg.")]
>>> replies_to(events, "m1", "hi")
[{'text': 'Hello!'}, {'text': 'Ask me.'}]
>>> replies_to(events, "m3", "hi") is None        # never seen: handle it
True
>>> replies_to(events, "m1", "something else") is None   # same id, other text: a new message
True
"""
from __future__ import annotations

from typing import Any, Iterable


def replies_to(events: Iterable[Any], message_id: str, text: str | None) -> list[dict] | None:
    """The bot messages that followed the user message `message_id` with this text (up to the next
    user message), or None when the conversation holds no such message."""
    events = list(events)
    start = None
    for i in range(len(events) - 1, -1, -1):
        e = events[i]
        if getattr(e, "type_name", None) == "user" and getattr(e, "message_id", None) == message_id \
                and getattr(e, "text", None) == text:
            start = i
            break
    if start is None:
        return None
    replies = []
    for e in events[start + 1:]:
        kind = getattr(e, "type_name", None)
        if kind == "user":
            break
        if kind == "bot":
            replies.append(e.message())
    return replies
