"""The project's own records: escalations, saved injection plans and review labels (SQLAlchemy 2.0 style
on 1.4)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Float, Integer, String, Text
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


class ReviewLabel(Base):
    """A patient message from the review queue that staff labelled (or skipped). Holds the message
    text until export, so it follows the conversations' retention rules (purge by `message_at`,
    forget by `conversation_id`)."""
    __tablename__ = "review_labels"

    id = Column(Integer, primary_key=True)
    message_key = Column(String(64), nullable=False, unique=True)   # b12assist.review.queue.message_key
    conversation_id = Column(String(255), nullable=False, index=True)
    message_at = Column(DateTime, nullable=False, index=True)       # when the patient wrote it (UTC)
    text = Column(Text, nullable=False)
    predicted = Column(String(64), nullable=False)                  # the model's topic at the time
    confidence = Column(Float, nullable=False)
    reason = Column(String(32), nullable=False)                     # fallback | out of scope | ...
    kind = Column(String(16), nullable=False)                       # intent | out_of_scope | new | skip
    topic = Column(String(64))                                      # the label (none for skip)
    labelled_by = Column(String(255), nullable=False)
    labelled_at = Column(DateTime, nullable=False, default=utcnow)
