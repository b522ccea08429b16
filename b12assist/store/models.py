"""The project's own records: escalations and saved injection plans (SQLAlchemy 2.0 style on 1.4)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Escalation(Base):
    __tablename__ = "escalations"

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime, nullable=False, default=utcnow, index=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    level = Column(String(16), nullable=False)          # emergency | urgent
    category = Column(String(64), nullable=False)
    message = Column(Text, nullable=False)              # the triggering message
    status = Column(String(16), nullable=False, default="new")   # new | acknowledged
    acknowledged_by = Column(String(255))
    acknowledged_at = Column(DateTime)
    notify_status = Column(String(16), nullable=False, default="pending")  # pending | sent | failed | off
    notify_attempts = Column(Integer, nullable=False, default=0)
    # The outbox (migration 0002): a key made by the action before any write, so a record that went to
    # the local file outbox is inserted once when drained, and the clinic can de-duplicate deliveries.
    key = Column(String(36), unique=True)
    notify_next_at = Column(DateTime, index=True)       # when the next delivery attempt is due (UTC)
    notify_sent_at = Column(DateTime)
    notify_error = Column(String(255))                  # last failure, e.g. "HTTP 503" or "timeout"
    anonymised_at = Column(DateTime)                    # retention removed the text of an open escalation


class SavedPlan(Base):
    __tablename__ = "plans"

    conversation_id = Column(String(255), primary_key=True)
    plan_id = Column(String(64), nullable=False, unique=True, index=True)   # used in the .ics link
    inputs = Column(Text, nullable=False)       # JSON: start, pattern, length, maintenance, dose
    injections = Column(Text, nullable=False)   # JSON: the dated injections as last computed
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow, index=True)
