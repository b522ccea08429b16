"""Rasa's socket.io channel, accepting only the clinic's configured origins (B12_ALLOWED_ORIGINS).

Rasa 3.6 turns python-engineio's origin check off (`cors_allowed_origins=[]`) and relies on the
HTTP CORS headers of `rasa run --cors`, which a WebSocket connection never consults. This adapter
switches the check back on, so a page on another site cannot open a chat session."""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from b12assist import settings


class OriginCheckedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        origins = settings.load().allowed_origins
        if origins and "*" not in origins and self.sio is not None:
            self.sio.eio.cors_allowed_origins = list(origins)
        return blueprint
