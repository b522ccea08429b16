"""The action server answers only the Rasa server (shared secret) and listens on loopback."""
from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest

from b12assist.serve.endpoints import SECRET_HEADER
from conftest import texts

pytestmark = pytest.mark.server


def post(url, body, headers=None):
    req = urllib.request.Request(url, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


FORGED = {"next_action": "action_next_shot", "sender_id": "someone-else", "version": "3.6.2",
          "tracker": {"sender_id": "someone-else", "slots": {}, "latest_message": {"text": "when is my next shot"},
                      "events": [], "paused": False, "followup_action": None, "active_loop": {},
                      "latest_action_name": "action_listen"}, "domain": {}}


def test_a_forged_action_call_is_refused(stack):
    url = f"http://127.0.0.1:{stack.action_port}/webhook"
    assert post(url, FORGED)[0] == 401
    assert post(url, FORGED, {SECRET_HEADER: "a guess"})[0] == 401
    status, body = post(url, {**FORGED, "next_action": "action_handoff"},
                        {SECRET_HEADER: stack.env["B12_ACTION_SECRET"]})
    assert status == 200 and "reach the team" in body
    # /health stays open for monitoring, and the Rasa server (which has the secret) still gets answers.
    with urllib.request.urlopen(f"http://127.0.0.1:{stack.action_port}/health", timeout=10) as resp:
        assert resp.status == 200
    assert "reach the team directly" in texts(stack.say("auth-check", "can I talk to a nurse?"))


def test_the_action_server_listens_on_loopback_only(stack):
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))   # no packet is sent; this picks the outward address
        outside = probe.getsockname()[0]
    except OSError:
        outside = "127.0.0.1"
    finally:
        probe.close()
    if outside.startswith("127."):
        pytest.skip("this machine has no non-loopback IPv4 address to try")
    with pytest.raises(OSError):
        socket.create_connection((outside, stack.action_port), timeout=3).close()
    socket.create_connection(("127.0.0.1", stack.action_port), timeout=3).close()
