"""Tell the clinic about an escalation: a signed JSON POST to its webhook, one attempt at a time.

Retries, back-off and delivery state live in the outbox (b12assist.notifier); this module builds the
payload, signs it and makes one bounded attempt with an async HTTP client, so a webhook that never
answers costs at most `timeout` seconds of one background task and never blocks anything else.

Signature (see README, "Verifying the clinic webhook"):
    X-B12-Timestamp: <unix seconds>
    X-B12-Signature: sha256=<hex HMAC-SHA256(B12_NOTIFY_SECRET, "<timestamp>." + raw body)>
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time

SIGNATURE_HEADER = "X-B12-Signature"
TIMESTAMP_HEADER = "X-B12-Timestamp"


def payload_for(entry: dict, clinic: str, escalation_id: int | None) -> dict:
    """What the clinic receives. `key` is the same on every retry: de-duplicate on it."""
    return {"event": "escalation", "key": entry["key"], "escalation_id": escalation_id,
            "created_at": entry["created_at"] + "Z", "conversation_id": entry["conversation_id"],
            "level": entry["level"], "category": entry["category"], "message": entry["message"],
            "clinic": clinic}


def body_of(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """Hex HMAC-SHA256 over `timestamp + "." + body`."""
    return hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256).hexdigest()


def headers_for(body: bytes, secret: str, now: float | None = None) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "User-Agent": "B12-Assist-notifier"}
    if secret:
        timestamp = str(int(now if now is not None else time.time()))
        headers[TIMESTAMP_HEADER] = timestamp
        headers[SIGNATURE_HEADER] = "sha256=" + sign(secret, timestamp, body)
    return headers


def verify(secret: str, headers, body: bytes, tolerance: float = 300, now: float | None = None) -> bool:
    """The check a clinic's receiver makes (the README shows the same code): the signature matches the
    raw body and the timestamp is recent, so a captured request cannot be replayed later."""
    timestamp = headers.get(TIMESTAMP_HEADER, "")
    given = headers.get(SIGNATURE_HEADER, "")
    if not timestamp.isdigit() or not given.startswith("sha256="):
        return False
    if abs((now if now is not None else time.time()) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(given[len("sha256="):], sign(secret, timestamp, body))


def backoff(attempts: int, base: float, cap: float) -> float:
    """Seconds before the next attempt after `attempts` failures: base, 2×base, 4×base … up to cap."""
    return min(cap, base * (2 ** max(0, attempts - 1)))


async def post_once(url: str, body: bytes, headers: dict[str, str], timeout: float) -> tuple[bool, str]:
    """One attempt. Returns (delivered, error). Any 2xx counts as delivered; nothing raises."""
    import aiohttp

    try:
        client_timeout = aiohttp.ClientTimeout(total=timeout)
        async with aiohttp.ClientSession(timeout=client_timeout) as http:
            async with http.post(url, data=body, headers=headers, allow_redirects=False) as resp:
                if 200 <= resp.status < 300:
                    return True, ""
                return False, f"HTTP {resp.status}"
    except asyncio.TimeoutError:
        return False, f"no answer within {timeout:g} s"
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # noqa: BLE001 - connection refused, DNS, bad URL …: all mean "not delivered"
        return False, type(exc).__name__
