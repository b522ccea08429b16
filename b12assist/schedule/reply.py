"""Patient-facing text for a plan: the answer to the question asked, the whole plan, the next shot.

Dates are written with their weekday ("Saturday 28 November 2026"). A dose is named only when the
patient gave it; otherwise the text says "your prescribed dose".
"""
from __future__ import annotations

from datetime import date

from .calculator import Injection, Plan, PlanInput
from .parse import describe_day
from .question import Question, days_from

FOOTER = "These dates follow what you told me; your clinic's appointments always take priority."


def dose_text(inp: PlanInput) -> str:
    return f"{inp.dose_mcg:,} mcg" if inp.dose_mcg else "your prescribed dose"


def describe_plan(inp: PlanInput) -> str:
    """The plan in one line, as the patient described it."""
    if inp.pattern is None:
        return (f"maintenance {inp.maintenance.describe()}, counted from your injection on "
                f"{describe_day(inp.start)}")
    loading = f"loading {inp.pattern.describe()} for {inp.length.describe()} from {describe_day(inp.start)}"
    if inp.maintenance is None:
        return loading
    return f"{loading}, then maintenance {inp.maintenance.describe()}"


def _listing(injections: list[Injection]) -> str:
    return "\n".join(f"  {i.number}. {describe_day(i.day)}" if i.phase == "loading"
                     else f"  {describe_day(i.day)} ({i.phase})" for i in injections)


def _when(d: date, today: date) -> str:
    return f"{describe_day(d)} ({days_from(today, d)})"


def answer_parts(plan: Plan, question: Question, today: date) -> list[str]:
    """One short answer per question kind, in the order of `question.kinds`."""
    loading, parts = plan.loading, []
    for kind in question.kinds:
        if kind == "last_loading" and loading:
            verb = "was" if loading[-1].day < today else "is"
            parts.append(f"Your last loading injection {verb} on {describe_day(loading[-1].day)}: "
                         f"injection {len(loading)} of {len(loading)}.")
        elif kind == "count" and loading:
            parts.append(f"That is {len(loading)} loading injections in total, from "
                         f"{describe_day(loading[0].day)} to {describe_day(loading[-1].day)}.")
        elif kind == "nth":
            found = next((i for i in plan.series() if i.number == question.n), None) if question.n else None
            if found:
                parts.append(f"Injection number {question.n} is on {describe_day(found.day)}.")
            else:
                parts.append(f"Your plan has no injection number {question.n}.")
        elif kind == "list_loading" and loading:
            parts.append(f"Your {len(loading)} loading injections:\n{_listing(list(loading))}")
            if plan.maintenance:
                coming = [describe_day(i.day) for i in plan.maintenance[:3]]
                parts.append("Then maintenance: " + ", ".join(coming) + " and so on.")
        elif kind == "remaining" and loading:
            left = [i for i in loading if i.day > today or (i.day == today and not question.after_today)]
            if left:
                parts.append(f"Loading injections still to come ({len(left)} of {len(loading)}):\n{_listing(left)}")
            else:
                parts.append(f"Your loading injections are all done: the last was on "
                             f"{describe_day(loading[-1].day)}.")
        elif kind == "first_maintenance" and plan.maintenance:
            # maintenance only: the date given was the last injection before it (often the last
            # loading dose), so the first maintenance one is one interval later
            first = plan.maintenance[0].day if loading else plan.maintenance[1].day
            after = loading[-1].day if loading else plan.input.start
            verb = "was" if first < today else "is"
            parts.append(f"Your first maintenance injection {verb} on {_when(first, today)}, one interval "
                         f"after your injection on {describe_day(after)}.")
        elif kind == "next_n":
            nxt = plan.upcoming(today, max(1, min(question.n or 1, 24)))
            if nxt:
                parts.append(f"Your next {len(nxt)} injection dates:\n{_listing(nxt)}")
        elif kind == "next":
            nxt = plan.next_due(today)
            if nxt:
                parts.append(f"Your next B12 injection is {days_from(today, nxt.day)}: "
                             f"{describe_day(nxt.day)} ({nxt.phase}).")
            else:
                parts.append(f"Your plan has no injections left after today: the last one was on "
                             f"{describe_day(plan.injections[-1].day)}.")
        elif kind == "range" and question.first and question.last:
            found = plan.between(question.first, question.last)
            span = f"from {describe_day(question.first)} to {describe_day(question.last)}"
            if found:
                parts.append(f"Your injection dates {span} ({len(found)}):\n{_listing(found)}")
            else:
                parts.append(f"No injections fall {span}.")
    return parts


def answer_text(plan: Plan, question: Question | None, today: date) -> str:
    """The answer to the question asked, first; then what the plan was read as. Without a
    question (or one with no answer of its own): the whole plan."""
    parts = answer_parts(plan, question, today) if question else []
    if not parts:
        return plan_summary(plan, today)
    parts.append(f"(I read your plan as {describe_plan(plan.input)}, at {dose_text(plan.input)}.)")
    parts.append(FOOTER)
    return "\n".join(parts)


def plan_summary(plan: Plan, today: date, max_maintenance: int = 3) -> str:
    inp = plan.input
    loading, maintenance = plan.loading, plan.maintenance
    lines = [f"Here's the plan as you described it ({dose_text(inp)} each): {describe_plan(inp)}."]
    if loading:
        lines.append(f"Loading: {len(loading)} injections.")
        lines += [f"  {i.number}. {describe_day(i.day)}" for i in loading]
        lines.append(f"Last loading shot: {describe_day(loading[-1].day)}.")
    if maintenance and loading:
        lines.append(f"First maintenance shot: {describe_day(maintenance[0].day)}, then "
                     + ", ".join(describe_day(i.day) for i in maintenance[1:max_maintenance]) + " and so on.")
    elif maintenance:
        coming = plan.upcoming(today, max_maintenance)
        lines.append("Coming maintenance shots: " + ", ".join(describe_day(i.day) for i in coming) + " and so on.")
    nxt = plan.next_due(today)
    if nxt:
        lines.append(f"Next due: {describe_day(nxt.day)} ({nxt.phase}).")
    if plan.reminders:
        lines.append(f"Lab reminder (confirm with your clinic): review after loading, around "
                     f"{describe_day(plan.reminders[0].day)}.")
    lines.append(FOOTER)
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
