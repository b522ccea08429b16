"""The calendar file parses back and holds every injection and reminder."""
from __future__ import annotations

from datetime import date

from icalendar import Calendar

from b12assist.schedule.calculator import LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput, build_plan
from b12assist.schedule.ics import plan_to_ics


def test_ics_parses_back_with_every_event():
    plan = build_plan(PlanInput(date(2026, 3, 4), LoadingPattern("every_other_day"), LoadingLength(weeks=2),
                                MaintenanceInterval(months=1)), today=date(2026, 3, 1))
    cal = Calendar.from_ical(plan_to_ics(plan, "abc123", "Riverside Clinic"))
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    injections = [e for e in events if str(e["summary"]).startswith("B12 injection")]
    reminders = [e for e in events if "lab check" in str(e["summary"])]
    assert [e.decoded("dtstart") for e in injections] == [i.day for i in plan.injections]
    assert [e.decoded("dtstart") for e in reminders] == [r.day for r in plan.reminders]
    assert len({str(e["uid"]) for e in events}) == len(events) == len(plan.injections) + 2
    assert "1/13" in str(injections[0]["summary"]) and "loading" in str(injections[0]["summary"])
