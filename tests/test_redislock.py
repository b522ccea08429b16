"""The atomic Redis lock store (b12assist.serve.redislock) against a real redis-server: tickets issued
from two "replicas" (two lock stores, many threads) at the same moment are all distinct and served
one at a time, and a finished conversation leaves no key behind."""
from __future__ import annotations

import shutil
import subprocess
import threading
import time

import pytest

from b12assist.netutil import free_port

pytestmark = [pytest.mark.cluster,
              pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server: scripts/system-deps.sh cluster")]


@pytest.fixture()
def redis_port(tmp_path):
    port = free_port()
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    for _ in range(100):
        if subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True).stdout.strip() == "PONG":
            break
        time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def test_tickets_from_two_replicas_at_once_are_distinct_and_serialised(redis_port):
    from b12assist.serve import redislock
    redislock.apply()
    import asyncio

    from rasa.core.lock_store import RedisLockStore

    replicas = [RedisLockStore(port=redis_port), RedisLockStore(port=redis_port)]
    tickets: list[int] = []
    inside, overlaps = [0], [0]
    guard = threading.Lock()
    start = threading.Barrier(16)

    def worker(i: int) -> None:
        store = replicas[i % 2]
        start.wait()

        async def run() -> None:
            async with store.lock("conv", wait_time_in_seconds=0.01) as lock:
                with guard:
                    inside[0] += 1
                    overlaps[0] += inside[0] > 1
                    tickets.append(lock.now_serving)
                await asyncio.sleep(0.01)
                with guard:
                    inside[0] -= 1
        asyncio.run(run())

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(tickets) == 16 and overlaps[0] == 0
    assert replicas[0].get_lock("conv") is None     # cleaned up: no key left
