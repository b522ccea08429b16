"""Escalations the action server never saw: red-flag messages in Rasa's tracker store with no record.

The emergency guidance is a rule's response, so it reaches the patient even while the action server
is down; `action_escalate` then fails and nothing is recorded. The notifier runs this check when it
starts and every half minute: each user message that Rasa classified as a red flag, older than a
grace period (the action normally records it within a second), must have an escalation with the same
key (made from the conversation and Rasa's message id, as the action makes it) or, for records from
before keys, one in the same conversation within two minutes. Missing ones are recorded now and
notified like any other.
"""
from __future__ import annotations

import json
import uuid
from typing import Any
from datetime import datetime, timedelta, timezone

from sqlalchemy import MetaData, Table, and_, inspect, select

from b12assist.store import escalations
from b12assist.store.db import engine_for

LEVEL_BY_INTENT = {"red_flag_emergency": "emergency", "red_flag_urgent": "urgent"}
_NAMESPACE = uuid.UUID("7d1f4f9e-2b5c-4c8e-9a51-b12a55157e12")


def message_identity(message_id: str | None, metadata: Any, text: str | None) -> str | None:
    """What names one patient message in its escalation key. A client that names its messages
    (`metadata.message_id`, the same on every attempt) sends a message again when a reply was lost:
    Rasa gives each attempt a new message id, so with Rasa's id two attempts that both fall back to the
    channel's own guidance made two records. The client's id with the text names the message for the
    channel, the action and this check alike; without it, Rasa's message id does."""
    client = metadata.get("message_id") if isinstance(metadata, dict) else None
    if client:
        return f"client\x1f{client}\x1f{text or ''}"
    return message_id


def escalation_key(conversation_id: str, message_id: str | None) -> str:
    """The same key for the same patient message, whoever records it (the action or this check)."""
    if not message_id:
        return str(uuid.uuid4())
    return str(uuid.uuid5(_NAMESPACE, f"{conversation_id}\x1f{message_id}"))


def red_flag_messages(tracker_url: str, since: float, until: float) -> list[dict]:
    """User messages classified as red flags between two unix times, oldest first."""
    engine = engine_for(tracker_url)
    try:
        if "events" not in inspect(engine).get_table_names():
            return []
        events = Table("events", MetaData(), autoload_with=engine)
        stmt = (select(events.c.sender_id, events.c.timestamp, events.c.intent_name, events.c.data)
                .where(and_(events.c.type_name == "user", events.c.intent_name.in_(list(LEVEL_BY_INTENT)),
                            events.c.timestamp >= since, events.c.timestamp < until))
                .order_by(events.c.id))
        found = []
        with engine.connect() as conn:
            for sender, ts, intent, data in conn.execute(stmt):
                d = json.loads(data)
                entities = (d.get("parse_data") or {}).get("entities") or []
                category = next((e.get("value") for e in entities if e.get("entity") == "red_flag_category"), None)
                found.append({"conversation_id": sender, "timestamp": ts, "level": LEVEL_BY_INTENT[intent],
                              "category": category or "reported symptom", "message": d.get("text") or "",
                              "message_id": message_identity(
                                  d.get("message_id") or (d.get("parse_data") or {}).get("message_id"),
                                  d.get("metadata"), d.get("text"))})
        return found
    finally:
        engine.dispose()


def missed(tracker_url: str, db_url: str, since: float, until: float, notify_status: str) -> list[dict]:
    """File-outbox-style entries for red-flag messages that have no escalation record."""
    entries = []
    for m in red_flag_messages(tracker_url, since, until):
        key = escalation_key(m["conversation_id"], m["message_id"])
        if escalations.by_key(key, db_url) is not None:
            continue
        when = datetime.fromtimestamp(m["timestamp"], tz=timezone.utc).replace(tzinfo=None)
        nearby = escalations.list_escalations(since=when - timedelta(minutes=2), until=when + timedelta(minutes=2),
                                              url=db_url)
        if any(r.conversation_id == m["conversation_id"] and r.key is None for r in nearby):   # before keys
            continue
        entries.append({"key": key, "created_at": when.isoformat(), "conversation_id": m["conversation_id"],
                        "level": m["level"], "category": m["category"], "message": m["message"],
                        "notify_status": notify_status, "notify_attempts": 0})
    return entries
