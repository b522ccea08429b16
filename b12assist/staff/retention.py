"""Data lifecycle: purge everything older than the retention period; forget one patient.

    purge    deletes, older than the period: every conversation event (live conversations too, event
             by event), saved plans not updated since, acknowledged (closed) escalations; and
             anonymises open escalations older than their own period (kept N days, then the message
             text and conversation id are removed; level, category and time stay for the record);
             review labels (which hold the message text) of messages older than the period.
    forget   deletes one patient's conversation, plan, escalations and review labels, file outbox
             included.
The review queue itself is read from the conversations, so it follows them.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update

from b12assist.outbox import FileOutbox
from b12assist.store.db import session
from b12assist.store.models import Escalation, ReviewLabel, SavedPlan

from . import transcripts


@dataclass(frozen=True)
class Counts:
    conversations: int = 0
    events: int = 0
    plans: int = 0
    escalations: int = 0
    anonymised: int = 0
    review_labels: int = 0

    def __str__(self) -> str:
        return (f"conversations: {self.conversations} ({self.events} events), plans: {self.plans}, "
                f"escalations: {self.escalations}, anonymised open escalations: {self.anonymised}, "
                f"review labels: {self.review_labels}")


def parse_age(text: str) -> timedelta:
    """'90d', '12w', '6m' (30-day months), '1y' (365 days)."""
    m = re.fullmatch(r"\s*(\d+)\s*([dwmy])\s*", text.lower())
    if not m:
        raise ValueError("use a number and a unit: 90d, 12w, 6m or 1y")
    n, unit = int(m.group(1)), m.group(2)
    if n <= 0:
        raise ValueError("the retention period must be positive")
    return timedelta(days=n * {"d": 1, "w": 7, "m": 30, "y": 365}[unit])


REMOVED = "(removed)"


def open_escalation_period(default: timedelta) -> timedelta:
    """How long open escalations keep their text: B12_OPEN_ESCALATION_RETENTION (e.g. 30d), else
    the general retention period."""
    value = os.environ.get("B12_OPEN_ESCALATION_RETENTION", "").strip()
    return parse_age(value) if value else default


def purge(db_url: str, tracker_url: str, older_than: timedelta, now: datetime | None = None,
          open_older_than: timedelta | None = None) -> Counts:
    """Delete conversation events, plans and acknowledged (closed) escalations older than the period;
    anonymise open escalations older than `open_older_than` (default: the same period). Open ones are
    never deleted: staff have not dealt with them yet, so level, category and time stay."""
    now = now or datetime.utcnow()
    cutoff = now - older_than
    open_cutoff = now - (open_older_than or older_than)
    conversations, events = transcripts.delete_older_than(tracker_url, cutoff)
    with session(db_url) as s, s.begin():
        plans = s.execute(delete(SavedPlan).where(SavedPlan.updated_at < cutoff)).rowcount
        escalations = s.execute(delete(Escalation).where(Escalation.created_at < cutoff,
                                                         Escalation.status == "acknowledged")).rowcount
        anonymised = s.execute(update(Escalation).where(Escalation.created_at < open_cutoff,
                                                        Escalation.status != "acknowledged",
                                                        Escalation.anonymised_at.is_(None))
                               .values(message="", conversation_id=REMOVED, anonymised_at=now)
                               .execution_options(synchronize_session=False)).rowcount
        labels = s.execute(delete(ReviewLabel).where(ReviewLabel.message_at < cutoff)).rowcount
    return Counts(conversations, events, plans, escalations, anonymised, labels)


def forget(db_url: str, tracker_url: str, conversation_id: str) -> Counts:
    """Delete one patient's data everywhere: conversation, plan and escalations."""
    events = transcripts.delete_conversation(tracker_url, conversation_id)
    with session(db_url) as s, s.begin():
        plans = s.execute(delete(SavedPlan).where(SavedPlan.conversation_id == conversation_id)).rowcount
        escalations = s.execute(delete(Escalation).where(Escalation.conversation_id == conversation_id)).rowcount
        labels = s.execute(delete(ReviewLabel).where(ReviewLabel.conversation_id == conversation_id)).rowcount
    outbox = FileOutbox()
    waiting = {e["key"] for e in outbox.entries() if e.get("conversation_id") == conversation_id}
    outbox.remove(waiting)
    return Counts(1 if events else 0, events, plans, escalations + len(waiting), review_labels=labels)
