"""Escalation records: written first, before any notification, so none is ever lost."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from .db import session
from .models import Escalation, utcnow


def record(conversation_id: str, level: str, category: str, message: str, url: str | None = None) -> int:
    with session(url) as s, s.begin():
        row = Escalation(conversation_id=conversation_id, level=level, category=category,
                         message=message, status="new", notify_status="pending", created_at=utcnow())
        s.add(row)
        s.flush()
        return row.id


def set_notify_status(escalation_id: int, status: str, attempts: int, url: str | None = None) -> None:
    with session(url) as s, s.begin():
        row = s.get(Escalation, escalation_id)
        if row is not None:
            row.notify_status, row.notify_attempts = status, attempts


def list_escalations(level: str | None = None, since: datetime | None = None, until: datetime | None = None,
                     status: str | None = None, url: str | None = None) -> list[Escalation]:
    stmt = select(Escalation).order_by(Escalation.created_at.desc(), Escalation.id.desc())
    if level:
        stmt = stmt.where(Escalation.level == level)
    if since:
        stmt = stmt.where(Escalation.created_at >= since)
    if until:
        stmt = stmt.where(Escalation.created_at < until)
    if status:
        stmt = stmt.where(Escalation.status == status)
    with session(url) as s:
        return list(s.scalars(stmt))


def acknowledge(escalation_id: int, who: str, url: str | None = None) -> Escalation | None:
    with session(url) as s, s.begin():
        row = s.get(Escalation, escalation_id)
        if row is None:
            return None
        row.status, row.acknowledged_by, row.acknowledged_at = "acknowledged", who, utcnow()
        return row
