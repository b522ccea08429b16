"""The escalation outbox and its background notifier (runs inside the action server).

    submit(escalation)   record it (database, one retry; else the local file outbox), wake the
                         notifier, wait up to `confirm_wait` seconds for the first delivery attempt
                         and return the truth: "sent", "pending", "failed" or "off" (no webhook).
    run()                the background task: every `tick` seconds (or when woken) drain the file
                         outbox into the database, then send what is due, each attempt bounded by
                         `timeout`, with back-off; state lives in the database (or in the file while
                         the database is down), so retries go on after a restart.

Nothing here blocks the event loop: database and file work run in threads, HTTP is aiohttp. After the
last attempt an escalation is marked `failed` and an ERROR is logged for the operator.
"""
from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from b12assist import notify, reconcile, settings
from b12assist.outbox import FileOutbox
from b12assist.store import escalations
from b12assist.store.models import utcnow

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class NotifyConfig:
    webhook_url: str = ""
    secret: str = ""
    clinic: str = ""
    timeout: float = 5.0            # seconds for one attempt
    max_attempts: int = 10
    retry_base: float = 2.0         # seconds before the 2nd attempt; doubles each time
    retry_cap: float = 600.0        # at most 10 minutes between attempts
    confirm_wait: float = 2.0       # how long the action waits for the first attempt
    tick: float = 1.0               # how often the outbox is looked at without being woken
    db_url: str | None = None
    reconcile_every: float = 30.0   # how often the tracker store is checked for unrecorded red flags
    reconcile_grace: float = 60.0   # ... older than this (the action records within seconds)
    reconcile_window: float = 86400.0   # how far back the first check after a start looks
    tracker_url: str | None = None

    @classmethod
    def from_env(cls) -> "NotifyConfig":
        cfg = settings.load()
        return cls(webhook_url=cfg.notify_webhook_url.strip(), secret=os.environ.get("B12_NOTIFY_SECRET", ""),
                   clinic=cfg.clinic_name, timeout=settings.env_float("B12_NOTIFY_TIMEOUT", 5.0),
                   max_attempts=max(1, int(settings.env_float("B12_NOTIFY_MAX_ATTEMPTS", 10))),
                   retry_base=settings.env_float("B12_NOTIFY_RETRY_BASE", 2.0),
                   retry_cap=settings.env_float("B12_NOTIFY_RETRY_CAP", 600.0),
                   confirm_wait=settings.env_float("B12_NOTIFY_CONFIRM_WAIT", 2.0),
                   tick=settings.env_float("B12_NOTIFY_TICK", 1.0), db_url=None,
                   reconcile_every=settings.env_float("B12_RECONCILE_EVERY", 30.0),
                   reconcile_grace=settings.env_float("B12_RECONCILE_GRACE", 60.0),
                   reconcile_window=settings.env_float("B12_RECONCILE_WINDOW", 86400.0),
                   tracker_url=os.environ.get("B12_TRACKER_DATABASE_URL") or None)

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.timeout + 30)


@dataclass
class Escalation:
    conversation_id: str
    level: str
    category: str
    message: str
    key: str = field(default_factory=lambda: str(uuid.uuid4()))   # reconcile.escalation_key() in the action
    created_at: datetime = field(default_factory=utcnow)

    def entry(self, notify_status: str) -> dict:
        return {"key": self.key, "created_at": self.created_at.isoformat(), "conversation_id": self.conversation_id,
                "level": self.level, "category": self.category, "message": self.message,
                "notify_status": notify_status, "notify_attempts": 0}


class Notifier:
    def __init__(self, config: NotifyConfig | None = None, outbox: FileOutbox | None = None):
        self.config = config or NotifyConfig.from_env()
        self.outbox = outbox or FileOutbox()
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task | None = None
        self._in_flight: set[str] = set()
        self._attempts: set[asyncio.Task] = set()
        self._waiters: dict[str, list[asyncio.Future]] = {}
        self._unsaved: dict[int, tuple] = {}      # delivery results the database did not take yet
        self._db_down = False
        self._reconciled_until: float | None = None
        self._next_reconcile = 0.0
        if self.config.webhook_url and not self.config.secret:
            logger.warning("B12_NOTIFY_SECRET is not set: clinic notifications are sent unsigned")

    @property
    def db_url(self) -> str:
        return self.config.db_url or settings.load().db_url

    # ---- the action's side ---------------------------------------------------------------------

    async def record(self, esc: Escalation, notify_status: str) -> tuple[str, escalations.Recorded | None]:
        """Write the escalation: database (one retry), else the file outbox. Returns where it went
        ("database" | "file") and, in the database, its record (id and notification status)."""
        for attempt in (1, 2):
            try:
                # by key, once: the input channel may have left the same message's escalation in
                # the file outbox already (leave_for_notifier), and the notifier may have moved it
                recorded = await asyncio.wait_for(asyncio.to_thread(
                    escalations.insert_if_absent, esc.entry(notify_status), self.db_url), timeout=8)
                return "database", recorded
            except Exception as exc:  # noqa: BLE001 - any failure: retry once, then the file outbox
                logger.warning("escalation %s: database write failed (attempt %d): %s", esc.key, attempt,
                               type(exc).__name__)
                if attempt == 1:
                    await asyncio.sleep(0.2)
        await asyncio.to_thread(self.outbox.append, esc.entry(notify_status))
        logger.error("escalation %s: project database unavailable, kept in the file outbox %s until it is back",
                     esc.key, self.outbox.path)
        return "file", None

    async def submit(self, esc: Escalation) -> tuple[str, str, int | None]:
        """Record, then wait for the first delivery attempt. Returns (notify status, where, id)."""
        self.ensure_started()
        notify_status = "pending" if self.config.webhook_url else "off"
        # waiting before the record is read: an attempt for the same key (the input channel's record
        # of this message) that ends while it is read still reaches this waiter
        future = asyncio.get_running_loop().create_future()
        self._waiters.setdefault(esc.key, []).append(future)
        try:
            where, recorded = await self.record(esc, notify_status)
            rid = recorded.id if recorded else None
            logger.info("escalation %s recorded in the %s: level=%s category=%s", rid or esc.key, where, esc.level,
                        esc.category)
            if notify_status == "off":
                return "off", where, rid
            if recorded is not None and recorded.notify_status in ("sent", "failed"):
                return recorded.notify_status, where, rid   # recorded (by the input channel) and delivered before
            self.wake()
            try:
                status = await asyncio.wait_for(asyncio.shield(future), timeout=self.config.confirm_wait)
            except asyncio.TimeoutError:
                status = "pending"
        finally:
            waiters = self._waiters.get(esc.key, [])
            if future in waiters:
                waiters.remove(future)
            if not waiters:
                self._waiters.pop(esc.key, None)
        return status, where, rid

    # ---- the background task ---------------------------------------------------------------------

    def ensure_started(self) -> None:
        if self._task is None or self._task.done():
            self._wake = asyncio.Event()
            self._task = asyncio.get_running_loop().create_task(self.run(), name="b12-notifier")

    @property
    def busy(self) -> bool:
        """Running in this event loop (a configuration change then waits for a restart)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        return self._task is not None and not self._task.done() and self._task.get_loop() is loop

    def wake(self) -> None:
        if self._wake is not None:
            self._wake.set()

    async def stop(self) -> None:
        for task in [self._task, *self._attempts]:
            if task is not None and not task.done():
                task.cancel()
        await asyncio.gather(*(t for t in [self._task, *self._attempts] if t is not None), return_exceptions=True)
        self._task = None

    async def run(self) -> None:
        logger.info("clinic notifier started (webhook %s)", "configured" if self.config.webhook_url else "off")
        while True:
            self._wake.clear()          # before the cycle: a wake-up during it starts the next one at once
            try:
                await self.tick()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the notifier must outlive any one bad cycle
                logger.exception("clinic notifier cycle failed; trying again")
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.config.tick)
            except asyncio.TimeoutError:
                pass

    async def tick(self) -> None:
        await self._save_unsaved()
        remaining = await self._drain()
        if not self._db_down and time.monotonic() >= self._next_reconcile:
            self._next_reconcile = time.monotonic() + self.config.reconcile_every
            await self._reconcile({e["key"] for e in remaining})
        if not self.config.webhook_url:
            return
        now = utcnow()
        for entry in remaining:          # database down: notify from the file, state kept there
            if entry.get("notify_status") == "pending" and entry["key"] not in self._in_flight \
                    and (not entry.get("notify_next_at") or datetime.fromisoformat(entry["notify_next_at"]) <= now):
                self._spawn(entry, None)
        if self._db_down:
            return
        try:
            rows = await asyncio.to_thread(escalations.claim_due, now, self.config.lease, 20, self.db_url)
        except Exception as exc:  # noqa: BLE001
            self._note_db(False, exc)
            return
        for row in rows:
            if row.key and row.key in self._in_flight:
                continue
            entry = {"key": row.key or f"escalation-{row.id}", "created_at": row.created_at.isoformat(),
                     "conversation_id": row.conversation_id, "level": row.level, "category": row.category,
                     "message": row.message, "notify_attempts": row.notify_attempts}
            self._spawn(entry, row.id)

    async def _reconcile(self, in_file: set[str]) -> None:
        """Record red flags that reached Rasa while this server was down (b12assist.reconcile)."""
        now = time.time()
        until = now - self.config.reconcile_grace
        since = (self._reconciled_until - 120) if self._reconciled_until else now - self.config.reconcile_window
        tracker_url = self.config.tracker_url or settings.load().tracker_db_url
        status = "pending" if self.config.webhook_url else "off"
        try:
            entries = await asyncio.to_thread(reconcile.missed, tracker_url, self.db_url, since, until, status)
            for entry in entries:
                if entry["key"] in in_file:
                    continue           # recorded in the file outbox, not yet drained
                rid = (await asyncio.to_thread(escalations.insert_if_absent, entry, self.db_url)).id
                logger.error("escalation %s: red flag (%s) in conversation %s at %s UTC was never recorded (action "
                             "server unavailable?): recorded now", rid, entry["level"], entry["conversation_id"],
                             entry["created_at"][:19])
        except Exception as exc:  # noqa: BLE001 - try again next time
            logger.warning("could not check the tracker store for unrecorded red flags: %s", type(exc).__name__)
            return
        self._reconciled_until = until

    def _note_db(self, up: bool, exc: Exception | None = None) -> None:
        if up and self._db_down:
            logger.warning("project database is reachable again")
        elif not up and not self._db_down:
            logger.error("project database unavailable (%s): escalations wait in the file outbox",
                         type(exc).__name__ if exc else "?")
        self._db_down = not up

    async def _drain(self) -> list[dict]:
        """Move file-outbox entries into the database; returns the ones still in the file."""
        entries = await asyncio.to_thread(self.outbox.entries)
        if not entries:
            try:   # a cheap probe, so a database that went down is noticed
                if self._db_down:
                    await asyncio.to_thread(escalations.list_escalations, None, None, None, None, self.db_url, "none")
                self._note_db(True)
            except Exception as exc:  # noqa: BLE001
                self._note_db(False, exc)
            return []
        moved = set()
        for entry in entries:
            if entry["key"] in self._in_flight:
                continue            # being sent from the file right now: drain it next time
            try:
                rid = (await asyncio.to_thread(escalations.insert_if_absent, entry, self.db_url)).id
            except Exception as exc:  # noqa: BLE001
                self._note_db(False, exc)
                break
            moved.add(entry["key"])
            logger.warning("escalation %s moved from the file outbox into the database (id %s)", entry["key"], rid)
        if moved:
            self._note_db(True)
            await asyncio.to_thread(self.outbox.remove, moved)
        return [e for e in entries if e["key"] not in moved]

    def _spawn(self, entry: dict, row_id: int | None) -> None:
        self._in_flight.add(entry["key"])
        task = asyncio.get_running_loop().create_task(self._attempt(entry, row_id))
        self._attempts.add(task)
        task.add_done_callback(self._attempts.discard)

    async def _attempt(self, entry: dict, row_id: int | None) -> None:
        cfg = self.config
        try:
            body = notify.body_of(notify.payload_for(entry, cfg.clinic, row_id))
            ok, error = await notify.post_once(cfg.webhook_url, body, notify.headers_for(body, cfg.secret),
                                               cfg.timeout)
            attempts = int(entry.get("notify_attempts") or 0) + 1
            if ok:
                status, next_at = "sent", None
                logger.info("escalation %s: clinic notified (attempt %d)", row_id or entry["key"], attempts)
            elif attempts >= cfg.max_attempts:
                status, next_at = "failed", None
                logger.error("escalation %s: clinic NOT notified after %d attempts (%s); an operator must call "
                             "the clinic (b12-staff list shows it as failed)", row_id or entry["key"], attempts, error)
            else:
                status = "pending"
                next_at = utcnow() + timedelta(seconds=notify.backoff(attempts, cfg.retry_base, cfg.retry_cap))
                logger.warning("escalation %s: clinic webhook failed (attempt %d of %d): %s; next try at %s UTC",
                               row_id or entry["key"], attempts, cfg.max_attempts, error, f"{next_at:%H:%M:%S}")
            try:
                await self._save(entry, row_id, status, attempts, next_at, error)
            finally:
                self._resolve(entry["key"], status)
        finally:
            self._in_flight.discard(entry["key"])

    async def _save(self, entry, row_id, status, attempts, next_at, error) -> None:
        if row_id is None:
            changes = {"notify_status": status, "notify_attempts": attempts,
                       "notify_next_at": next_at.isoformat() if next_at else None, "notify_error": error or None}
            if status == "sent":
                changes["notify_sent_at"] = utcnow().isoformat()
            await asyncio.to_thread(self.outbox.update, entry["key"], **changes)
            return
        try:
            await asyncio.to_thread(escalations.set_delivery, row_id, status, attempts, next_at, error, self.db_url)
        except Exception as exc:  # noqa: BLE001 - keep it and write it when the database is back
            self._unsaved[row_id] = (status, attempts, next_at, error)
            self._note_db(False, exc)

    async def _save_unsaved(self) -> None:
        for row_id, args in list(self._unsaved.items()):
            try:
                await asyncio.to_thread(escalations.set_delivery, row_id, *args, self.db_url)
                del self._unsaved[row_id]
            except Exception:  # noqa: BLE001
                return

    def _resolve(self, key: str, status: str) -> None:
        for future in self._waiters.get(key, []):
            if not future.done():
                future.set_result(status)


_instance: Notifier | None = None


def leave_for_notifier(esc: Escalation, db_url: str | None = None, outbox: FileOutbox | None = None) -> str:
    """Record an escalation from a process that runs no notifier (the Rasa server's input channel,
    when it had to send the guidance itself): into the project database (by key, one try, bounded by
    the database's connect timeout), else into the local file outbox, which the notifier drains when
    it runs on the same machine. The action server's notifier then notifies it like any other. The
    key makes it one record with the action's, should Rasa still get to `action_escalate` for the
    same message. Returns where it went ("database" | "file")."""
    notify_status = "pending" if NotifyConfig.from_env().webhook_url else "off"
    try:
        rid = escalations.insert_if_absent(esc.entry(notify_status), db_url or settings.load().db_url).id
        logger.warning("escalation %s (%s) recorded by the input channel", rid, esc.level)
        return "database"
    except Exception as exc:  # noqa: BLE001 - the file outbox keeps it
        box = outbox or FileOutbox()
        box.append(esc.entry(notify_status))
        logger.error("escalation %s (%s): project database unavailable (%s), left in the file outbox %s",
                     esc.key, esc.level, type(exc).__name__, box.path)
        return "file"


def instance() -> Notifier:
    """The action server's notifier (one per process)."""
    global _instance
    config = NotifyConfig.from_env()
    if _instance is None or (_instance.config != config and not _instance.busy):
        _instance = Notifier(config)
    return _instance


def attach_to_action_server() -> bool:
    """Start the notifier with the action server (Sanic app "rasa_sdk", created before the actions
    are imported), so pending notifications are retried after a restart even if no new escalation
    comes. Returns False outside the action server (unit tests import the actions directly)."""
    try:
        from sanic import Sanic
        app = Sanic.get_app("rasa_sdk")
    except Exception:  # noqa: BLE001 - no action server in this process
        return False

    async def start(_app, _loop):
        instance().ensure_started()

    async def stop(_app, _loop):
        await instance().stop()

    app.register_listener(start, "after_server_start")
    app.register_listener(stop, "before_server_stop")
    return True
