"""Clinic notification: retried with back-off against a real local HTTP server."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from b12assist import notify


class Flaky(BaseHTTPRequestHandler):
    fail_first = 2
    received: list = []

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Flaky.received.append(json.loads(body))
        status = 503 if len(Flaky.received) <= Flaky.fail_first else 200
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


def serve():
    server = HTTPServer(("127.0.0.1", 0), Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_retries_until_delivered():
    Flaky.received, Flaky.fail_first = [], 2
    server = serve()
    delays = []
    try:
        ok, attempts = notify.post_with_retry(f"http://127.0.0.1:{server.server_port}/hook", {"level": "emergency"},
                                              attempts=4, first_delay=0.01, sleep=delays.append)
    finally:
        server.shutdown()
    assert ok and attempts == 3 and len(Flaky.received) == 3
    assert delays == [0.01, 0.02]                     # exponential back-off
    assert Flaky.received[0] == {"level": "emergency"}


def test_gives_up_cleanly_when_unreachable():
    ok, attempts = notify.post_with_retry("http://127.0.0.1:9/nothing", {}, attempts=3, first_delay=0.0,
                                          sleep=lambda s: None, timeout=0.5)
    assert not ok and attempts == 3
