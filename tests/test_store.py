"""Escalation records and saved plans on a real database (SQLite; PostgreSQL via B12_TEST_DATABASE_URL)."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from b12assist.schedule.calculator import LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput, build_plan
from b12assist.store import escalations, plans


def test_escalation_record_list_acknowledge(db_url):
    first = escalations.record("conv-1", "urgent", "neuro_worsening", "tingling worse", url=db_url)
    second = escalations.record("conv-2", "emergency", "breathing", "cannot breathe", url=db_url)
    rows = escalations.list_escalations(url=db_url)
    assert [r.id for r in rows] == [second, first]            # newest first
    assert [r.level for r in escalations.list_escalations(level="urgent", url=db_url)] == ["urgent"]
    assert rows[0].status == "new" and rows[0].notify_status == "pending"
    acked = escalations.acknowledge(second, "nurse.jo", url=db_url)
    assert acked.status == "acknowledged" and acked.acknowledged_by == "nurse.jo"
    assert [r.id for r in escalations.list_escalations(status="new", url=db_url)] == [first]
    tomorrow = datetime.utcnow() + timedelta(days=1)
    assert escalations.list_escalations(since=tomorrow, url=db_url) == []
    assert escalations.acknowledge(9999, "x", url=db_url) is None


def test_plan_round_trip_and_replace(db_url):
    plan = build_plan(PlanInput(date(2026, 3, 4), LoadingPattern("weekly", per_week=3, weekdays=(0, 2, 4)),
                                LoadingLength(weeks=2), MaintenanceInterval(months=2)), today=date(2026, 3, 1))
    plan_id = plans.save("conv-9", plan, url=db_url)
    loaded_id, loaded = plans.load("conv-9", url=db_url)
    assert loaded_id == plan_id
    assert loaded.injections == plan.injections and loaded.input == plan.input
    assert plans.load_by_plan_id(plan_id, url=db_url).injections == plan.injections
    # saving again keeps the same public id (the calendar link stays valid)
    assert plans.save("conv-9", plan, url=db_url) == plan_id
    assert plans.load("nobody", url=db_url) is None
