"""Escalation records, and the outbox the clinic is notified from.

Each escalation carries a `key` made before any write. The record is the outbox entry: its
`notify_status` (pending | sent | failed | off), `notify_attempts` and `notify_next_at` say what the
background notifier (b12assist.notifier) still has to do, so retries survive restarts. Records that
could not be written reach the table later from the local file outbox (`insert_if_absent`).
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from .db import session
from .models import Escalation, utcnow

NOTIFY_STATUSES = ("pending", "sent", "failed", "off")


def record(conversation_id: str, level: str, category: str, message: str, url: str | None = None,
           key: str | None = None, notify_status: str = "pending", created_at: datetime | None = None) -> int:
    with session(url) as s, s.begin():
        row = Escalation(conversation_id=conversation_id, level=level, category=category, key=key,
                         message=message, status="new", notify_status=notify_status, notify_attempts=0,
                         created_at=created_at or utcnow())
        s.add(row)
        s.flush()
        return row.id


def by_key(key: str, url: str | None = None) -> Escalation | None:
    with session(url) as s:
        return s.scalars(select(Escalation).where(Escalation.key == key)).first()


class Recorded(NamedTuple):
    """The record an entry is in, and how far its notification has got."""
    id: int
    notify_status: str


def insert_if_absent(entry: dict, url: str | None = None) -> Recorded:
    """Insert an entry of the file outbox (b12assist.outbox) unless its key is already there (the
    first write may have succeeded after all). Delivery state the entry gathered while it waited is
    kept: a notification sent from the file is not sent again. Returns the record's id and its
    notification status (an existing record's may already be "sent" or "failed")."""
    try:
        return _insert_if_absent(entry, url)
    except IntegrityError:               # inserted meanwhile by another process: keep that one
        return _insert_if_absent(entry, url)


def _insert_if_absent(entry: dict, url: str | None) -> Recorded:
    with session(url) as s, s.begin():
        row = s.scalars(select(Escalation).where(Escalation.key == entry["key"])).first()
        if row is None:
            row = Escalation(key=entry["key"], conversation_id=entry["conversation_id"], level=entry["level"],
                             category=entry["category"], message=entry["message"], status="new",
                             created_at=datetime.fromisoformat(entry["created_at"]),
                             notify_status=entry.get("notify_status", "pending"),
                             notify_attempts=entry.get("notify_attempts", 0),
                             notify_error=entry.get("notify_error"))
            if entry.get("notify_next_at"):
                row.notify_next_at = datetime.fromisoformat(entry["notify_next_at"])
            if entry.get("notify_sent_at"):
                row.notify_sent_at = datetime.fromisoformat(entry["notify_sent_at"])
            s.add(row)
            s.flush()
        elif entry.get("notify_status") == "sent" and row.notify_status != "sent":
            row.notify_status, row.notify_sent_at = "sent", utcnow()
            row.notify_attempts = max(row.notify_attempts, entry.get("notify_attempts", 1))
        return Recorded(row.id, row.notify_status)


def claim_due(now: datetime, lease: timedelta, limit: int = 20, url: str | None = None) -> list[Escalation]:
    """Pending notifications whose next attempt is due, each claimed for `lease` (its next attempt
    moved to now + lease), so two notifiers never send the same one at once; a notifier that dies
    mid-attempt leaves it due again when the lease ends."""
    claimed = []
    with session(url) as s, s.begin():
        rows = list(s.scalars(select(Escalation)
                              .where(Escalation.notify_status == "pending",
                                     or_(Escalation.notify_next_at.is_(None), Escalation.notify_next_at <= now))
                              .order_by(Escalation.id).limit(limit)))
        for row in rows:
            previous = row.notify_next_at
            cond = (Escalation.notify_next_at.is_(None) if previous is None
                    else Escalation.notify_next_at == previous)
            done = s.execute(update(Escalation).where(Escalation.id == row.id, Escalation.notify_status == "pending",
                                                      cond)
                             .values(notify_next_at=now + lease).execution_options(synchronize_session=False))
            if done.rowcount == 1:
                claimed.append(row)
    return claimed


def set_delivery(escalation_id: int, status: str, attempts: int, next_at: datetime | None = None,
                 error: str | None = None, url: str | None = None) -> None:
    """Store the outcome of a delivery attempt."""
    with session(url) as s, s.begin():
        row = s.get(Escalation, escalation_id)
        if row is None:
            return
        row.notify_status, row.notify_attempts, row.notify_next_at = status, attempts, next_at
        row.notify_error = (error or None) and error[:255]
        if status == "sent":
            row.notify_sent_at, row.notify_error = utcnow(), None


def set_notify_status(escalation_id: int, status: str, attempts: int, url: str | None = None) -> None:
    set_delivery(escalation_id, status, attempts, url=url)


def list_escalations(level: str | None = None, since: datetime | None = None, until: datetime | None = None,
                     status: str | None = None, url: str | None = None,
                     notify_status: str | None = None) -> list[Escalation]:
    stmt = select(Escalation).order_by(Escalation.created_at.desc(), Escalation.id.desc())
    if level:
        stmt = stmt.where(Escalation.level == level)
    if since:
        stmt = stmt.where(Escalation.created_at >= since)
    if until:
        stmt = stmt.where(Escalation.created_at < until)
    if status:
        stmt = stmt.where(Escalation.status == status)
    if notify_status:
        stmt = stmt.where(Escalation.notify_status == notify_status)
    with session(url) as s:
        return list(s.scalars(stmt))


def acknowledge(escalation_id: int, who: str, url: str | None = None) -> Escalation | None:
    with session(url) as s, s.begin():
        row = s.get(Escalation, escalation_id)
        if row is None:
            return None
        row.status, row.acknowledged_by, row.acknowledged_at = "acknowledged", who, utcnow()
        return row
