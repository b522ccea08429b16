"""Waiting for local servers and picking free ports: used by the runner, the tests and the bench."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.request


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 240.0, proc: subprocess.Popen | None = None,
              interval: float = 0.3) -> None:
    """Return once `url` answers any HTTP request; fail early when `proc` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the process serving {url} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return   # it answered, even if not with 200
        except OSError:
            time.sleep(interval)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")
