"""Saved injection plans, keyed by conversation id (so "when is my next shot?" works later)."""
from __future__ import annotations

import json
import secrets
from datetime import date

from sqlalchemy import select

from b12assist.schedule.calculator import (Injection, LoadingLength, LoadingPattern, MaintenanceInterval,
                                           Plan, PlanInput, _reminders)

from .db import session
from .models import SavedPlan, utcnow


def _input_to_json(p: PlanInput) -> str:
    """Plan inputs as JSON; a phase the plan does not have is null (loading only, maintenance only)."""
    return json.dumps({
        "start": p.start.isoformat(),
        "pattern": {"kind": p.pattern.kind, "days": p.pattern.days, "per_week": p.pattern.per_week,
                    "weekdays": list(p.pattern.weekdays)} if p.pattern else None,
        "length": {"weeks": p.length.weeks, "doses": p.length.doses, "days": p.length.days} if p.length else None,
        "maintenance": {"months": p.maintenance.months, "weeks": p.maintenance.weeks} if p.maintenance else None,
        "dose_mcg": p.dose_mcg, "maintenance_count": p.maintenance_count,
    })


def _input_from_json(raw: str) -> PlanInput:
    d = json.loads(raw)
    pat = d.get("pattern")
    return PlanInput(
        start=date.fromisoformat(d["start"]),
        pattern=LoadingPattern(pat["kind"], pat["days"], pat["per_week"], tuple(pat["weekdays"])) if pat else None,
        length=LoadingLength(**d["length"]) if d.get("length") else None,
        maintenance=MaintenanceInterval(**d["maintenance"]) if d.get("maintenance") else None,
        dose_mcg=d.get("dose_mcg"), maintenance_count=d["maintenance_count"])


def _injections_json(plan: Plan) -> str:
    return json.dumps([{"n": i.number, "phase": i.phase, "day": i.day.isoformat(), "dose": i.dose_mcg}
                       for i in plan.injections])


def save(conversation_id: str, plan: Plan, url: str | None = None) -> str:
    """Insert or replace the conversation's plan; returns its public plan id (for the .ics link)."""
    with session(url) as s, s.begin():
        row = s.get(SavedPlan, conversation_id)
        if row is None:
            row = SavedPlan(conversation_id=conversation_id, plan_id=secrets.token_urlsafe(16),
                            created_at=utcnow())
            s.add(row)
        row.inputs, row.injections, row.updated_at = _input_to_json(plan.input), _injections_json(plan), utcnow()
        return row.plan_id


def _to_plan(row: SavedPlan) -> Plan:
    inp = _input_from_json(row.inputs)
    injections = tuple(Injection(i["n"], i["phase"], date.fromisoformat(i["day"]), i["dose"])
                       for i in json.loads(row.injections))
    loading = [i for i in injections if i.phase == "loading"]
    first_maint = next((i.day for i in injections if i.phase == "maintenance"), None)
    return Plan(inp, injections, _reminders(loading[-1].day if loading else None, first_maint))


def load(conversation_id: str, url: str | None = None) -> tuple[str, Plan] | None:
    with session(url) as s:
        row = s.get(SavedPlan, conversation_id)
        return (row.plan_id, _to_plan(row)) if row else None


def load_by_plan_id(plan_id: str, url: str | None = None) -> Plan | None:
    with session(url) as s:
        row = s.scalars(select(SavedPlan).where(SavedPlan.plan_id == plan_id)).first()
        return _to_plan(row) if row else None
