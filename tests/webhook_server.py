"""A real local HTTP server standing in for the clinic's webhook: it records what it receives and can
answer 200, answer 503, or never answer (hung). "Down" is simply no server on the port."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Webhook:
    def __init__(self, port: int = 0, mode: str = "ok"):
        self.mode = mode                      # ok | error | hang
        self.received: list[dict] = []        # {"headers": {...}, "body": bytes, "json": {...}}
        self.release = threading.Event()      # lets hung requests finish at shutdown
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if hook.mode == "hang":
                    hook.release.wait(600)
                    return
                hook.received.append({"headers": dict(self.headers), "body": body, "json": json.loads(body)})
                self.send_response(200 if hook.mode == "ok" else 503)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/b12-escalations"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "Webhook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
