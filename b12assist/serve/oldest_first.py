"""One worker thread that runs its jobs oldest message first.

The Rasa server hands every graph run (the NLU pipeline of a new message, then one policy prediction
after each action of that message) to one worker thread. With a plain first-come queue a message that
needs three predictions queues three times behind every newer message's NLU, so under load the
messages with action calls make the whole tail. Here each job carries the time its message arrived and
the worker always takes the job of the oldest message waiting: a message already in progress finishes
before newer ones start, as in a queue of whole messages. Same work, same one thread; only the order
changes.
"""
from __future__ import annotations

import heapq
import itertools
import threading
from concurrent.futures import Future
from typing import Any, Callable


class OldestFirst:
    """A one-thread executor whose queue is ordered by `since` (the arrival time of the message the
    job belongs to), ties in submission order."""

    def __init__(self, name: str = "nlu") -> None:
        self._queue: list[tuple[float, int, Future, Callable, tuple]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._work, name=name, daemon=True)
        self._thread.start()

    def submit(self, since: float, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        with self._wake:
            if self._closed:
                raise RuntimeError("the worker has been shut down")
            heapq.heappush(self._queue, (since, next(self._order), future, fn, args))
            self._wake.notify()
        return future

    def waiting(self) -> int:
        with self._wake:
            return len(self._queue)

    def shutdown(self, wait: bool = True) -> None:
        """Runs what is queued, then stops the thread."""
        with self._wake:
            self._closed = True
            self._wake.notify()
        if wait:
            self._thread.join()

    def _next(self):
        with self._wake:
            while not self._queue and not self._closed:
                self._wake.wait()
            if not self._queue:
                return None
            return heapq.heappop(self._queue)

    def _work(self) -> None:
        while (job := self._next()) is not None:
            _, _, future, fn, args = job
            if not future.set_running_or_notify_cancel():   # the caller gave up waiting
                continue
            try:
                result = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, who re-raises it
                future.set_exception(exc)
            else:
                future.set_result(result)
