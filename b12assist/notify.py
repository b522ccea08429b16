"""Tell the clinic about an escalation: POST JSON to its webhook, retried with back-off.

The escalation is recorded before this runs; a failed notification only marks the record
`failed` (staff still see it in `b12-staff list` and on the staff page).
"""
from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request

logger = logging.getLogger(__name__)


def post_with_retry(url: str, payload: dict, attempts: int = 4, first_delay: float = 0.5,
                    timeout: float = 5.0, sleep=time.sleep) -> tuple[bool, int]:
    """Returns (delivered, attempts made). Delays double after each failure: 0.5 s, 1 s, 2 s ..."""
    body = json.dumps(payload).encode("utf-8")
    delay = first_delay
    for attempt in range(1, attempts + 1):
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                if 200 <= response.status < 300:
                    return True, attempt
                logger.warning("clinic webhook answered %s (attempt %d)", response.status, attempt)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            logger.warning("clinic webhook failed (attempt %d): %s", attempt, type(exc).__name__)
        if attempt < attempts:
            sleep(delay)
            delay *= 2
    return False, attempts
