"""Only the Rasa server may call the action server: requests to /webhook and /actions must carry
the shared secret (header X-B12-Action-Secret, value B12_ACTION_SECRET; `make run` generates one
per run and writes it into the rendered endpoints.yml). /health stays open for monitoring.

Registered on rasa_sdk's Sanic app when the action package is imported (the app exists by then).
Without B12_ACTION_SECRET the server stays open and says so in its log (for tools that start it
by hand)."""
from __future__ import annotations

import hmac
import logging
import os

from b12assist.serve.endpoints import SECRET_HEADER

logger = logging.getLogger(__name__)
PROTECTED = ("/webhook", "/actions")


def authorised(header_value: str | None, secret: str) -> bool:
    """
    >>> authorised("s3cret", "s3cret"), authorised(None, "s3cret"), authorised("guess", "s3cret")
    (True, False, False)
    """
    return bool(header_value) and hmac.compare_digest(header_value.encode(), secret.encode())


def attach() -> bool:
    secret = os.environ.get("B12_ACTION_SECRET", "")
    try:
        from sanic import Sanic
        from sanic.response import json as json_response
        app = Sanic.get_app("rasa_sdk")
    except Exception:  # noqa: BLE001  (not inside the action server: unit tests import actions)
        return False
    if not secret:
        logger.warning("B12_ACTION_SECRET is not set: the action server accepts calls from anyone who "
                       "can reach it")
        return False

    async def check_secret(request):
        if request.path.rstrip("/") in PROTECTED and not authorised(request.headers.get(SECRET_HEADER), secret):
            return json_response({"error": "unauthorised: this server only answers the Rasa server"},
                                 status=401)
        return None

    app.register_middleware(check_secret, "request")
    return True


attach()
