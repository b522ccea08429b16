"""Review labels: which queued messages staff labelled, with what, who and when."""
from __future__ import annotations

from sqlalchemy import select

from .db import session
from .models import ReviewLabel, utcnow

KINDS = ("intent", "out_of_scope", "new", "skip")


def label(messages, kind: str, topic: str | None, by: str, url: str | None = None) -> int:
    """Store one label for each message (b12assist.review.queue.QueuedMessage); a message labelled
    before gets the new label. Returns how many were stored."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if not by.strip():
        raise ValueError("say who labels (a name)")
    now = utcnow()
    with session(url) as s, s.begin():
        existing = {r.message_key: r for r in s.scalars(
            select(ReviewLabel).where(ReviewLabel.message_key.in_([m.key for m in messages])))}
        for m in messages:
            row = existing.get(m.key)
            if row is None:
                row = ReviewLabel(message_key=m.key, conversation_id=m.conversation_id, message_at=m.time,
                                  text=m.text, predicted=m.predicted, confidence=m.confidence, reason=m.reason)
                s.add(row)
            row.kind, row.topic, row.labelled_by, row.labelled_at = kind, topic, by.strip(), now
    return len(messages)


def labelled_keys(url: str | None = None) -> set[str]:
    with session(url) as s:
        return set(s.scalars(select(ReviewLabel.message_key)))


def labels(url: str | None = None, include_skipped: bool = False) -> list[ReviewLabel]:
    stmt = select(ReviewLabel).order_by(ReviewLabel.labelled_at, ReviewLabel.id)
    if not include_skipped:
        stmt = stmt.where(ReviewLabel.kind != "skip")
    with session(url) as s:
        return list(s.scalars(stmt))
