"""Compact text forms of plan pieces, for Rasa slots: "every_other_day", "weekly:3:0,2,4", "weeks:2"."""
from __future__ import annotations

from .calculator import LoadingLength, LoadingPattern, MaintenanceInterval


def pattern_to_text(p: LoadingPattern) -> str:
    if p.kind == "interval":
        return f"interval:{p.days}"
    if p.kind == "weekly":
        return f"weekly:{p.per_week}:" + ",".join(str(d) for d in p.weekdays)
    return p.kind


def pattern_from_text(text: str) -> LoadingPattern:
    kind, *rest = text.split(":")
    if kind == "interval":
        return LoadingPattern("interval", days=int(rest[0]))
    if kind == "weekly":
        days = tuple(int(d) for d in rest[1].split(",") if d) if len(rest) > 1 else ()
        return LoadingPattern("weekly", per_week=int(rest[0]), weekdays=days)
    return LoadingPattern(kind)


def length_to_text(length: LoadingLength) -> str:
    if length.doses:
        return f"doses:{length.doses}"
    if length.days:
        return f"days:{length.days}"
    return f"weeks:{length.weeks}"


def length_from_text(text: str) -> LoadingLength:
    unit, value = text.split(":")
    return LoadingLength(**{unit: int(value)})


def maintenance_to_text(m: MaintenanceInterval) -> str:
    return f"months:{m.months}" if m.months else f"weeks:{m.weeks}"


def maintenance_from_text(text: str) -> MaintenanceInterval:
    unit, value = text.split(":")
    return MaintenanceInterval(**{unit: int(value)})
