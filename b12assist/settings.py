"""Clinic configuration, read from the environment (see README, "Configuration").

Every value has a safe default so the assistant runs out of the box; a clinic overrides
them with environment variables (or a `.env`-style file exported before `make run`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("B12_VAR_DIR", PROJECT_ROOT / "var"))


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


@dataclass(frozen=True)
class Settings:
    clinic_name: str = "Your clinic"
    clinic_phone: str = "the number on your appointment letter"
    clinic_email: str = ""
    clinic_hours: str = "during opening hours"
    emergency_number: str = "911"  # the one default; replies and the widget's call button get it from here
    database_url: str = ""
    redis_url: str = ""   # Redis lock store (`make cluster`); empty: Rasa's in-memory lock store
    notify_webhook_url: str = ""
    allowed_origins: list[str] = field(default_factory=list)
    staff_token: str = ""
    public_base_url: str = "http://localhost:8080"
    rasa_public_url: str = "http://localhost:5005"

    @property
    def db_url(self) -> str:
        """SQLAlchemy URL of the project's own records (escalations, plans)."""
        if self.database_url:
            return normalise_db_url(self.database_url)
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{VAR_DIR / 'b12assist.db'}"

    @property
    def tracker_db_url(self) -> str:
        """SQLAlchemy URL of Rasa's tracker store (conversations): the same database when a URL is
        configured, else var/tracker.db."""
        if self.database_url:
            return normalise_db_url(self.database_url)
        return f"sqlite:///{VAR_DIR / 'tracker.db'}"

    def contact_line(self) -> str:
        parts = [f"{self.clinic_name}: {self.clinic_phone}"]
        if self.clinic_email:
            parts.append(self.clinic_email)
        return ", ".join(parts) + f" ({self.clinic_hours})"


def env_float(name: str, default: float) -> float:
    """A number from the environment; the default when it is unset, empty or not a number."""
    try:
        return float(os.environ.get(name) or default)
    except ValueError:
        return default


def normalise_db_url(url: str) -> str:
    """Accept the common `postgres://` spelling; SQLAlchemy 1.4 wants `postgresql://`."""
    if url.startswith("postgres://"):
        return "postgresql://" + url[len("postgres://"):]
    return url


def load() -> Settings:
    env = os.environ.get
    return Settings(
        clinic_name=env("B12_CLINIC_NAME", Settings.clinic_name),
        clinic_phone=env("B12_CLINIC_PHONE", Settings.clinic_phone),
        clinic_email=env("B12_CLINIC_EMAIL", ""),
        clinic_hours=env("B12_CLINIC_HOURS", Settings.clinic_hours),
        emergency_number=env("B12_EMERGENCY_NUMBER", "").strip() or Settings.emergency_number,
        database_url=env("B12_DATABASE_URL", ""),
        redis_url=env("B12_REDIS_URL", ""),
        notify_webhook_url=env("B12_NOTIFY_WEBHOOK_URL", ""),
        allowed_origins=_split(env("B12_ALLOWED_ORIGINS", "http://localhost:8080,http://127.0.0.1:8080")),
        staff_token=env("B12_STAFF_TOKEN", ""),
        public_base_url=env("B12_PUBLIC_BASE_URL", "http://localhost:8080").rstrip("/"),
        rasa_public_url=env("B12_RASA_PUBLIC_URL", "http://localhost:5005").rstrip("/"),
    )
