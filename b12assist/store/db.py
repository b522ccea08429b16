"""Engine and session factory; schema managed by Alembic (migrations/ beside this file)."""
from __future__ import annotations

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
    return create_engine(url, **kwargs)


def upgrade(url: str) -> None:
    """Bring the schema up to the newest migration (idempotent)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(cfg, "head")


@lru_cache(maxsize=8)
def _factory(url: str) -> sessionmaker:
    engine = engine_for(url)
    if "escalations" not in inspect(engine).get_table_names() or "alembic_version" not in inspect(engine).get_table_names():
        upgrade(url)
    return sessionmaker(engine, future=True, expire_on_commit=False)


def session(url: str | None = None) -> Session:
    """A new session on the configured database (migrated on first use)."""
    return _factory(url or settings.load().db_url)()
