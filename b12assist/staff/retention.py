"""Data lifecycle: purge everything older than the retention period; forget one patient."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete

from b12assist.store.db import session
from b12assist.store.models import Escalation, SavedPlan

from . import transcripts


@dataclass(frozen=True)
class Counts:
    conversations: int = 0
    events: int = 0
    plans: int = 0
    escalations: int = 0

    def __str__(self) -> str:
        return (f"conversations: {self.conversations} ({self.events} events), plans: {self.plans}, "
                f"escalations: {self.escalations}")


def parse_age(text: str) -> timedelta:
    """'90d', '12w', '6m' (30-day months), '1y' (365 days)."""
    m = re.fullmatch(r"\s*(\d+)\s*([dwmy])\s*", text.lower())
    if not m:
        raise ValueError("use a number and a unit: 90d, 12w, 6m or 1y")
    n, unit = int(m.group(1)), m.group(2)
    if n <= 0:
        raise ValueError("the retention period must be positive")
    return timedelta(days=n * {"d": 1, "w": 7, "m": 30, "y": 365}[unit])


def purge(db_url: str, tracker_url: str, older_than: timedelta, now: datetime | None = None) -> Counts:
    """Delete conversations, plans and acknowledged (closed) escalations older than the period.
    Open escalations are kept: staff have not dealt with them yet."""
    cutoff = (now or datetime.utcnow()) - older_than
    conversations, events = transcripts.delete_older_than(tracker_url, cutoff)
    with session(db_url) as s, s.begin():
        plans = s.execute(delete(SavedPlan).where(SavedPlan.updated_at < cutoff)).rowcount
        escalations = s.execute(delete(Escalation).where(Escalation.created_at < cutoff,
                                                         Escalation.status == "acknowledged")).rowcount
    return Counts(conversations, events, plans, escalations)


def forget(db_url: str, tracker_url: str, conversation_id: str) -> Counts:
    """Delete one patient's data everywhere: conversation, plan and escalations."""
    events = transcripts.delete_conversation(tracker_url, conversation_id)
    with session(db_url) as s, s.begin():
        plans = s.execute(delete(SavedPlan).where(SavedPlan.conversation_id == conversation_id)).rowcount
        escalations = s.execute(delete(Escalation).where(Escalation.conversation_id == conversation_id)).rowcount
    return Counts(1 if events else 0, events, plans, escalations)
