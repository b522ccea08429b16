"""Engine and session factory; schema managed by Alembic (migrations/ beside this file)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from b12assist import settings

MIGRATIONS = Path(__file__).with_name("migrations")


def engine_for(url: str) -> Engine:
    kwargs = {"future": True, "pool_pre_ping": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    elif url.startswith("postgresql"):
        # A database that does not answer fails fast (the escalation then goes to the file outbox).
        kwargs["connect_args"] = {"connect_timeout": 3}
    return create_engine(url, **kwargs)


def upgrade(url: str) -> None:
    """Bring the schema up to the newest migration (idempotent)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


def _at_head(engine: Engine) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    if "escalations" not in inspect(engine).get_table_names():
        return False
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current == set(ScriptDirectory(str(MIGRATIONS)).get_heads())


_migrate_lock = threading.Lock()
_PG_MIGRATION_LOCK = 0x0B12_0001      # pg_advisory_lock key held while one process migrates


@contextmanager
def _across_processes(url: str, engine: Engine) -> Iterator[None]:
    """One process migrates at a time: the action server's notifier, the Rasa channel's outbox, a
    staff command and a replica may all open a fresh database at the same moment. SQLite: an
    exclusive lock on a file beside the database; PostgreSQL: a session advisory lock."""
    if url.startswith("sqlite") and engine.url.database and engine.url.database != ":memory:":
        import fcntl

        with open(f"{engine.url.database}.migrate.lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    elif url.startswith("postgresql"):
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _PG_MIGRATION_LOCK})
    else:
        yield


@lru_cache(maxsize=8)
def _cached_factory(url: str) -> sessionmaker:
    engine = engine_for(url)
    if not _at_head(engine):
        with _across_processes(url, engine):
            if not _at_head(engine):   # the process that held the lock before may have done it
                upgrade(url)
    return sessionmaker(engine, future=True, expire_on_commit=False)


def _factory(url: str) -> sessionmaker:
    with _migrate_lock:        # threads of one process (the notifier and an action) migrate once
        return _cached_factory(url)


_factory.cache_clear = _cached_factory.cache_clear


def session(url: str | None = None) -> Session:
    """A new session on the configured database (migrated on first use)."""
    return _factory(url or settings.load().db_url)()
