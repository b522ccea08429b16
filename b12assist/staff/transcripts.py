"""Conversations as Rasa's SQL tracker store keeps them (table `events`): read, export, delete."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, inspect, select
from sqlalchemy import MetaData, Table

from b12assist.store.db import engine_for


@dataclass(frozen=True)
class Turn:
    time: datetime
    speaker: str   # "patient" | "assistant"
    text: str
    intent: str = ""


def _events_table(engine) -> Table | None:
    if "events" not in inspect(engine).get_table_names():
        return None
    return Table("events", MetaData(), autoload_with=engine)


def transcript(tracker_url: str, conversation_id: str) -> list[Turn]:
    engine = engine_for(tracker_url)
    try:
        events = _events_table(engine)
        if events is None:
            return []
        stmt = (select(events.c.type_name, events.c.timestamp, events.c.data)
                .where(events.c.sender_id == conversation_id).order_by(events.c.id))
        turns = []
        with engine.connect() as conn:
            for type_name, ts, data in conn.execute(stmt):
                if type_name not in ("user", "bot"):
                    continue
                d = json.loads(data)
                text = d.get("text") or ""
                if type_name == "bot" and not text:
                    custom = (d.get("data") or {}).get("custom")
                    text = json.dumps(custom) if custom else ""
                intent = (d.get("parse_data") or {}).get("intent", {}).get("name", "") if type_name == "user" else ""
                turns.append(Turn(datetime.fromtimestamp(ts, tz=timezone.utc), "patient" if type_name == "user"
                                  else "assistant", text, intent or ""))
        return turns
    finally:
        engine.dispose()


def to_markdown(conversation_id: str, turns: list[Turn]) -> str:
    lines = [f"# Conversation {conversation_id}", ""]
    for t in turns:
        who = "**Patient**" if t.speaker == "patient" else "**B12 Assist**"
        extra = f" _(intent: {t.intent})_" if t.intent else ""
        body = t.text.replace("\n", "  \n")
        lines.append(f"- {t.time:%Y-%m-%d %H:%M:%S} UTC {who}{extra}: {body}")
    return "\n".join(lines) + "\n"


def to_json(conversation_id: str, turns: list[Turn]) -> str:
    return json.dumps({"conversation_id": conversation_id,
                       "turns": [{"time": t.time.isoformat(), "speaker": t.speaker, "text": t.text,
                                  "intent": t.intent} for t in turns]}, indent=2, ensure_ascii=False)


def delete_conversation(tracker_url: str, conversation_id: str) -> int:
    engine = engine_for(tracker_url)
    try:
        events = _events_table(engine)
        if events is None:
            return 0
        with engine.begin() as conn:
            return conn.execute(delete(events).where(events.c.sender_id == conversation_id)).rowcount
    finally:
        engine.dispose()


def delete_older_than(tracker_url: str, cutoff: datetime) -> tuple[int, int]:
    """Delete every event older than `cutoff`, in every conversation, live ones included (a long-running
    conversation keeps only its recent events). Returns (conversations left with no events, events
    deleted)."""
    engine = engine_for(tracker_url)
    try:
        events = _events_table(engine)
        if events is None:
            return 0, 0
        from sqlalchemy import func
        stamp = cutoff.replace(tzinfo=timezone.utc).timestamp() if cutoff.tzinfo is None else cutoff.timestamp()
        gone = (select(func.count()).select_from(
            select(events.c.sender_id).group_by(events.c.sender_id)
            .having(func.max(events.c.timestamp) < stamp).subquery()))
        with engine.begin() as conn:
            conversations = conn.execute(gone).scalar_one()
            count = conn.execute(delete(events).where(events.c.timestamp < stamp)).rowcount
        return conversations, count
    finally:
        engine.dispose()


def user_events(tracker_url: str, since: datetime | None = None) -> list[tuple[str, float, dict]]:
    """Every patient message (`user` event) since `since`, oldest first: (conversation id,
    timestamp, event data with the NLU result in `parse_data`)."""
    engine = engine_for(tracker_url)
    try:
        events = _events_table(engine)
        if events is None:
            return []
        stmt = (select(events.c.sender_id, events.c.timestamp, events.c.data)
                .where(events.c.type_name == "user").order_by(events.c.timestamp, events.c.id))
        if since is not None:
            stamp = since.replace(tzinfo=timezone.utc).timestamp() if since.tzinfo is None else since.timestamp()
            stmt = stmt.where(events.c.timestamp >= stamp)
        with engine.connect() as conn:
            return [(sender, ts, json.loads(data)) for sender, ts, data in conn.execute(stmt)]
    finally:
        engine.dispose()
