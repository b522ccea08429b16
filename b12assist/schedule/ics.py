"""Calendar export: one all-day event per injection plus the lab-check reminders (RFC 5545)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event

from .calculator import Plan


def plan_to_ics(plan: Plan, plan_id: str, clinic_name: str = "your clinic") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//B12 Assist//Injection plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "B12 injections")
    stamp = datetime.now(timezone.utc)
    total = len(plan.injections)
    for inj in plan.injections:
        event = Event()
        event.add("uid", f"{plan_id}-injection-{inj.number}@b12assist")
        event.add("dtstamp", stamp)
        event.add("dtstart", inj.day)
        event.add("dtend", inj.day + timedelta(days=1))
        dose = f", {inj.dose_mcg} mcg" if inj.dose_mcg else ""
        event.add("summary", f"B12 injection {inj.number}/{total} ({inj.phase}{dose})")
        event.add("description", f"{inj.phase.capitalize()} injection as planned with {clinic_name}. "
                                 "Dates are a reminder only: your clinic's appointment is what counts.")
        event.add("categories", ["B12", inj.phase])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", "B12 injection tomorrow")
        alarm.add("trigger", timedelta(hours=-15))
        event.add_component(alarm)
        cal.add_component(event)
    for n, reminder in enumerate(plan.reminders, start=1):
        event = Event()
        event.add("uid", f"{plan_id}-reminder-{n}@b12assist")
        event.add("dtstamp", stamp)
        event.add("dtstart", reminder.day)
        event.add("dtend", reminder.day + timedelta(days=1))
        event.add("summary", "B12 lab check: confirm with your clinic")
        event.add("description", reminder.text)
        event.add("categories", ["B12", "reminder"])
        cal.add_component(event)
    return cal.to_ical()
