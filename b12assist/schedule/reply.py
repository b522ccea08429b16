"""Patient-facing text for a plan: readable dates, counts, the conventions used."""
from __future__ import annotations

from datetime import date

from .calculator import Plan
from .parse import describe_day


def plan_summary(plan: Plan, today: date, max_maintenance: int = 3) -> str:
    inp = plan.input
    loading, maintenance = plan.loading, plan.maintenance
    lines = [
        f"Here's the plan as you described it ({inp.dose_mcg:,} mcg each): loading {inp.pattern.describe()} "
        f"for {inp.length.describe()}, then maintenance {inp.maintenance.describe()}.",
        f"Loading: {len(loading)} injections.",
    ]
    lines += [f"  {i.number}. {describe_day(i.day)}" for i in loading]
    lines.append(f"Last loading shot: {describe_day(loading[-1].day)}.")
    lines.append(f"First maintenance shot: {describe_day(maintenance[0].day)}, then "
                 + ", ".join(describe_day(i.day) for i in maintenance[1:max_maintenance]) + " and so on.")
    nxt = plan.next_due(today)
    if nxt:
        lines.append(f"Next due: {describe_day(nxt.day)} ({nxt.phase}).")
    lines.append(f"Lab reminder (confirm with your clinic): review after loading, around {describe_day(plan.reminders[0].day)}.")
    lines.append("These dates follow what you told me; your clinic's appointments always take priority.")
    return "\n".join(lines)


def next_shot_text(plan: Plan, today: date) -> str:
    nxt = plan.next_due(today)
    parts = []
    if nxt:
        days = (nxt.day - today).days
        when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
        parts.append(f"Your next B12 shot is {when}: {describe_day(nxt.day)} "
                     f"({nxt.phase} injection number {nxt.number} in your plan).")
    else:
        parts.append("Your saved plan has no more dates. Please ask your clinic for the next appointment.")
    last = plan.last_before(today)
    if last:
        parts.append(f"The previous one was due {describe_day(last.day)}; if you missed it, "
                     "please contact your clinic.")
    parts.append("Your clinic's appointment always takes priority over these dates.")
    return " ".join(parts)
