"""Migration 0002 (the outbox columns) on a database created at 0001, SQLite or PostgreSQL."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from b12assist.store import db, escalations


def test_an_existing_database_is_upgraded_and_keeps_its_rows(db_url):
    cfg = Config()
    cfg.set_main_option("script_location", str(db.MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", db_url.replace("%", "%%"))
    command.upgrade(cfg, "0001")
    engine = db.engine_for(db_url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO escalations (created_at, conversation_id, level, category, message) "
                          "VALUES ('2026-11-01 10:00:00', 'old-conv', 'urgent', 'neuro_worsening', 'older')"))
    engine.dispose()
    db._factory.cache_clear()
    rows = escalations.list_escalations(url=db_url)            # first use migrates to head
    assert [(r.conversation_id, r.key, r.notify_status) for r in rows] == [("old-conv", None, "pending")]
    escalations.record("c", "emergency", "breathing", "x", url=db_url, key="k-1")
    assert escalations.by_key("k-1", db_url).conversation_id == "c"
    try:
        escalations.record("c", "emergency", "breathing", "x", url=db_url, key="k-1")
        raise AssertionError("a second record with the same key was accepted")
    except Exception as exc:  # noqa: BLE001
        assert "unique" in str(exc).lower() or "duplicate" in str(exc).lower()
    entry = {"key": "k-1", "conversation_id": "c", "level": "emergency", "category": "breathing", "message": "x",
             "created_at": "2026-11-25T01:00:00", "notify_status": "sent", "notify_attempts": 1}
    row = escalations.by_key("k-1", db_url)
    assert row.notify_status == "pending"
    # the existing record, with the delivery state the entry brought merged in, and no duplicate
    assert escalations.insert_if_absent(entry, db_url) == (row.id, "sent")
    assert escalations.by_key("k-1", db_url).notify_status == "sent"
    command.downgrade(cfg, "0001")
    command.upgrade(cfg, "head")
