"""The local file outbox: escalations the project database could not take, kept until it can.

One JSON object per line in `var/outbox/escalations.jsonl` (file mode 0600: it holds patient text).
Every change is fsync'd before it counts: an append is flushed and fsync'd; a rewrite goes to a
temporary file that is fsync'd and renamed over the old one (and the directory fsync'd). An advisory
lock (`fcntl.flock`) serialises writers across threads and processes. The background notifier
(b12assist.notifier) drains it into the database and, while the database is down, notifies the clinic
from it, keeping each entry's delivery state here.
"""
from __future__ import annotations

import fcntl
import json
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

_thread_lock = threading.Lock()


def default_path() -> Path:
    from b12assist import settings
    return Path(os.environ.get("B12_VAR_DIR", settings.VAR_DIR)) / "outbox" / "escalations.jsonl"


class FileOutbox:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else default_path()

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _thread_lock, open(self.path.with_suffix(".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def append(self, entry: dict) -> bool:
        """Add one entry; returns only once it is on disk. An entry whose key is already in the file
        is not added again (the channel and the action may both leave the same message's escalation
        here; the first one's delivery state stands). Returns whether it was added."""
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._locked():
            if entry.get("key") and any(e.get("key") == entry["key"] for e in self._read_unlocked()):
                return False
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    line = "\n" + line      # after a torn line left by a crash, start a fresh one
                os.write(fd, line.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            _fsync_dir(self.path.parent)
        return True

    def _read_unlocked(self) -> list[dict]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        entries = []
        for line in raw.splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                entries.append(json.loads(line))
            except ValueError:
                continue          # a torn last line from a crash mid-append: the entry was never confirmed
        return entries

    def entries(self) -> list[dict]:
        with self._locked():
            return self._read_unlocked()

    def count(self) -> int:
        try:
            return len(self.entries())
        except OSError:
            return 0

    def update(self, key: str, **changes) -> None:
        """Change fields of the entry with this key (delivery state)."""
        with self._locked():
            entries = self._read_unlocked()
            for e in entries:
                if e.get("key") == key:
                    e.update(changes)
            self._rewrite(entries)

    def remove(self, keys: set[str]) -> None:
        """Drop entries (drained into the database, or forgotten)."""
        if not keys:
            return
        with self._locked():
            self._rewrite([e for e in self._read_unlocked() if e.get("key") not in keys])

    def _rewrite(self, entries: list[dict]) -> None:
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries).encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
