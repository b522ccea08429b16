"""One signed delivery attempt against a real local HTTP server; the back-off schedule."""
from __future__ import annotations

import asyncio
import time

from b12assist import notify
from b12assist.netutil import free_port
from webhook_server import Webhook


def attempt(url, timeout=2.0, secret="s3cret"):
    body = notify.body_of({"level": "emergency", "message": "throat closing — ünïcode"})
    return asyncio.run(notify.post_once(url, body, notify.headers_for(body, secret), timeout)), body


def test_one_attempt_is_signed_and_counts_2xx_as_delivered():
    with Webhook() as hook:
        (ok, error), body = attempt(hook.url)
    assert ok and error == "" and hook.received[0]["body"] == body
    assert notify.verify("s3cret", hook.received[0]["headers"], body)
    assert hook.received[0]["headers"]["X-B12-Signature"].startswith("sha256=")


def test_errors_refusals_and_hangs_are_failures_not_exceptions():
    with Webhook(mode="error") as hook:
        assert attempt(hook.url)[0] == (False, "HTTP 503")
    assert attempt(f"http://127.0.0.1:{free_port()}/down")[0][0] is False
    assert attempt("not a url")[0][0] is False
    with Webhook(mode="hang") as hook:
        started = time.monotonic()
        (ok, error), _ = attempt(hook.url, timeout=0.5)
        assert not ok and "no answer within 0.5 s" == error and time.monotonic() - started < 3


def test_unsigned_without_a_secret():
    headers = notify.headers_for(b"{}", "")
    assert notify.SIGNATURE_HEADER not in headers and not notify.verify("x", headers, b"{}")


def test_backoff_doubles_up_to_the_cap():
    assert [notify.backoff(n, 2.0, 30.0) for n in range(1, 7)] == [2, 4, 8, 16, 30, 30]


def test_the_readme_verification_snippet_accepts_real_deliveries_and_rejects_tampering():
    import re
    from pathlib import Path
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```python\n(import hashlib.*?)```", readme, re.S).group(1)
    namespace: dict = {}
    exec(snippet, namespace)                       # the clinic's code, as documented
    with Webhook() as hook:
        (ok, _), body = attempt(hook.url, secret="clinic-secret")
    req = hook.received[0]
    assert ok and namespace["verify"]("clinic-secret", req["headers"], req["body"])
    assert not namespace["verify"]("other-secret", req["headers"], req["body"])
    assert not namespace["verify"]("clinic-secret", req["headers"], req["body"] + b" ")
