"""Engine and session factory; schema managed by Alembic (migrations/ beside this file)."""
from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, inspect
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


@lru_cache(maxsize=8)
def _cached_factory(url: str) -> sessionmaker:
    engine = engine_for(url)
    if not _at_head(engine):
        try:
            upgrade(url)
        except Exception:
            if not _at_head(engine):   # another process migrated at the same moment: fine if it finished
                raise
    return sessionmaker(engine, future=True, expire_on_commit=False)


def _factory(url: str) -> sessionmaker:
    with _migrate_lock:        # threads of one process (the notifier and an action) migrate once
        return _cached_factory(url)


_factory.cache_clear = _cached_factory.cache_clear


def session(url: str | None = None) -> Session:
    """A new session on the configured database (migrated on first use)."""
    return _factory(url or settings.load().db_url)()
