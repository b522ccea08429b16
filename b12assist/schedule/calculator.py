"""Injection schedule calculator: a loading phase, then maintenance, as dated injections.

Conventions (also in the README and in the assistant's answers):
- "Every other day for N weeks": injections on days 0, 2, 4, ... inside the first 7*N days
  (2 weeks = 7 injections, the last on day 12).
- "N times a week": a fixed weekday pattern set by the first injection (3 a week starting on a
  Monday = Mon/Wed/Fri), or the weekdays given.
- The first maintenance dose is one maintenance interval after the last loading dose.
- Months are calendar months, clamped at month end (31 Jan + 1 month = 28 or 29 Feb).
- A week is 7 days.
This module describes a plan a clinician prescribed; it never chooses one.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

DEFAULT_DOSE_MCG = 1000
MAX_LOADING_DAYS = 26 * 7          # half a year of loading is already far outside practice
MAX_LOADING_DOSES = 60
MAX_INTERVAL_DAYS = 60             # a loading interval longer than this is not a loading phase
MAX_MAINTENANCE_MONTHS = 6
MAX_MAINTENANCE_WEEKS = 26
MAX_YEARS_FROM_TODAY = 2           # start dates further away than this are refused
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class ScheduleError(ValueError):
    """Input that cannot describe a real plan. The message is written for the patient."""


@dataclass(frozen=True)
class LoadingPattern:
    """How often loading injections are given.

    kind: "every_other_day" | "daily" | "interval" (every `days` days) | "weekly" (`per_week`
    injections a week on fixed weekdays; `weekdays` 0=Monday, or derived from the first date).
    """
    kind: str
    days: int = 0
    per_week: int = 0
    weekdays: tuple[int, ...] = ()

    def describe(self) -> str:
        if self.kind == "every_other_day":
            return "every other day"
        if self.kind == "daily":
            return "every day"
        if self.kind == "interval":
            return f"every {self.days} days"
        names = "/".join(WEEKDAY_NAMES[d][:3] for d in self.weekdays) if self.weekdays else ""
        return f"{self.per_week} times a week" + (f" ({names})" if names else "")


@dataclass(frozen=True)
class LoadingLength:
    """Either a number of weeks or a number of injections."""
    weeks: int = 0
    doses: int = 0

    def describe(self) -> str:
        if self.doses:
            return f"{self.doses} injections"
        return f"{self.weeks} week" + ("s" if self.weeks != 1 else "")


@dataclass(frozen=True)
class MaintenanceInterval:
    """Every `months` calendar months, or every `weeks` weeks."""
    months: int = 0
    weeks: int = 0

    def describe(self) -> str:
        if self.months:
            return "every month" if self.months == 1 else f"every {self.months} months"
        return "every week" if self.weeks == 1 else f"every {self.weeks} weeks"


@dataclass(frozen=True)
class PlanInput:
    start: date
    pattern: LoadingPattern
    length: LoadingLength
    maintenance: MaintenanceInterval
    dose_mcg: int = DEFAULT_DOSE_MCG
    maintenance_count: int = 6  # how many maintenance doses to list ahead


@dataclass(frozen=True)
class Injection:
    number: int
    phase: str   # "loading" | "maintenance"
    day: date
    dose_mcg: int


@dataclass(frozen=True)
class Reminder:
    day: date
    text: str


@dataclass(frozen=True)
class Plan:
    input: PlanInput
    injections: tuple[Injection, ...]
    reminders: tuple[Reminder, ...] = field(default_factory=tuple)

    @property
    def loading(self) -> tuple[Injection, ...]:
        return tuple(i for i in self.injections if i.phase == "loading")

    @property
    def maintenance(self) -> tuple[Injection, ...]:
        return tuple(i for i in self.injections if i.phase == "maintenance")

    def _through(self, as_of: date):
        """Listed injections, then maintenance continued at the same interval (it is usually long
        term) until the first one on or after `as_of`."""
        yield from self.injections
        if not self.maintenance or self.injections[-1].day >= as_of:
            return
        last = self.injections[-1]
        anchor = self.loading[-1].day if self.loading else self.maintenance[0].day
        m = self.input.maintenance
        for extra in range(1, 10_000):
            k = len(self.maintenance) + extra
            day = add_months(anchor, m.months * k) if m.months else anchor + timedelta(weeks=m.weeks * k)
            yield Injection(last.number + extra, "maintenance", day, last.dose_mcg)
            if day >= as_of:
                return

    def next_due(self, as_of: date) -> Injection | None:
        """The first injection on or after `as_of` (maintenance continues past the listed dates)."""
        return next((i for i in self._through(as_of) if i.day >= as_of), None)

    def last_before(self, as_of: date) -> Injection | None:
        previous = None
        for injection in self._through(as_of):
            if injection.day >= as_of:
                break
            previous = injection
        return previous

    def overdue(self, as_of: date, taken_through: date | None = None) -> list[Injection]:
        """Injections dated before `as_of` and after the last one the patient confirmed taking."""
        return [i for i in self.injections
                if i.day < as_of and (taken_through is None or i.day > taken_through)]


def add_months(day: date, months: int) -> date:
    """Calendar months with end-of-month clamping: 31 Jan + 1 month = 28/29 Feb."""
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def _validate(plan: PlanInput, today: date) -> None:
    if not isinstance(plan.start, date):
        raise ScheduleError("I need a real calendar date for the first injection.")
    if abs((plan.start - today).days) > MAX_YEARS_FROM_TODAY * 366:
        raise ScheduleError(
            f"{plan.start:%d %B %Y} is more than {MAX_YEARS_FROM_TODAY} years from today. "
            "Please check the year of your first injection.")
    p = plan.pattern
    if p.kind == "interval" and not (1 <= p.days <= MAX_INTERVAL_DAYS):
        raise ScheduleError(f"A loading interval of {p.days} days isn't possible here; "
                            f"please give a number between 1 and {MAX_INTERVAL_DAYS}.")
    if p.kind == "weekly":
        if not 1 <= p.per_week <= 7:
            raise ScheduleError("Injections per week must be between 1 and 7.")
        if p.weekdays and (len(set(p.weekdays)) != p.per_week or any(not 0 <= d <= 6 for d in p.weekdays)):
            raise ScheduleError("The weekdays don't match the number of injections a week.")
    if p.kind not in ("every_other_day", "daily", "interval", "weekly"):
        raise ScheduleError("I don't recognise that loading pattern.")
    length = plan.length
    if bool(length.weeks) == bool(length.doses):
        raise ScheduleError("Please give the loading length as a number of weeks or a number of injections.")
    if length.weeks and not (1 <= length.weeks * 7 <= MAX_LOADING_DAYS):
        raise ScheduleError(f"A loading phase of {length.weeks} weeks is outside what I can plan "
                            f"(1 to {MAX_LOADING_DAYS // 7} weeks).")
    if length.doses and not (1 <= length.doses <= MAX_LOADING_DOSES):
        raise ScheduleError(f"{length.doses} loading injections is outside what I can plan "
                            f"(1 to {MAX_LOADING_DOSES}).")
    m = plan.maintenance
    if bool(m.months) == bool(m.weeks):
        raise ScheduleError("Please give the maintenance interval in weeks or in months.")
    if m.months and not 1 <= m.months <= MAX_MAINTENANCE_MONTHS:
        raise ScheduleError(f"A maintenance interval of {m.months} months is outside what I can plan "
                            f"(1 to {MAX_MAINTENANCE_MONTHS} months).")
    if m.weeks and not 1 <= m.weeks <= MAX_MAINTENANCE_WEEKS:
        raise ScheduleError(f"A maintenance interval of {m.weeks} weeks is outside what I can plan "
                            f"(1 to {MAX_MAINTENANCE_WEEKS} weeks).")
    if not 1 <= plan.dose_mcg <= 5000:
        raise ScheduleError("That dose doesn't look right; please check it with your clinic.")
    if not 1 <= plan.maintenance_count <= 60:
        raise ScheduleError("I can list between 1 and 60 maintenance doses.")


def _loading_days(plan: PlanInput) -> list[date]:
    p, length, start = plan.pattern, plan.length, plan.start
    step = {"every_other_day": 2, "daily": 1, "interval": p.days}.get(p.kind)
    if step:
        if length.doses:
            return [start + timedelta(days=step * i) for i in range(length.doses)]
        window = 7 * length.weeks
        return [start + timedelta(days=d) for d in range(0, window, step)]
    weekdays = set(p.weekdays) if p.weekdays else set(_spread_weekdays(start.weekday(), p.per_week))
    days: list[date] = []
    cursor = start
    # The first injection is always on the start date, even if it is not one of the usual weekdays.
    while True:
        if cursor == start or cursor.weekday() in weekdays:
            if length.doses and len(days) >= length.doses:
                break
            if length.weeks and (cursor - start).days >= 7 * length.weeks:
                break
            days.append(cursor)
        cursor += timedelta(days=1)
        if length.weeks and (cursor - start).days >= 7 * length.weeks:
            break
    return days


def _spread_weekdays(first: int, per_week: int) -> list[int]:
    """Weekdays spread as evenly as a week allows, from the first one: 3 from Monday = Mon/Wed/Fri."""
    offsets = {1: [0], 2: [0, 3], 3: [0, 2, 4], 4: [0, 2, 4, 6], 5: [0, 1, 2, 3, 4],
               6: [0, 1, 2, 3, 4, 5], 7: [0, 1, 2, 3, 4, 5, 6]}[per_week]
    return [(first + o) % 7 for o in offsets]


def build_plan(plan: PlanInput, today: date | None = None) -> Plan:
    """The dated plan. Raises ScheduleError (patient-readable) for input that makes no sense."""
    _validate(plan, today or date.today())
    return _assemble(plan, _loading_days(plan))


def _assemble(plan: PlanInput, loading: list[date]) -> Plan:
    injections = [Injection(n + 1, "loading", d, plan.dose_mcg) for n, d in enumerate(loading)]
    for k, later in enumerate(_maintenance_after(plan, loading[-1])):
        injections.append(replace(later, number=len(loading) + k + 1))
    return Plan(plan, tuple(injections), _reminders(loading[-1], injections[len(loading)].day))


def _reminders(last_loading: date, first_maintenance: date) -> tuple[Reminder, ...]:
    return (
        Reminder(last_loading + timedelta(days=1),
                 "Reminder: loading phase ends. Confirm with your clinic when your review and blood "
                 "tests are due (often B12, haemoglobin and MCV)."),
        Reminder(first_maintenance - timedelta(days=7),
                 "Reminder: first maintenance dose next week. Confirm with your clinic whether a lab "
                 "check is planned before it."),
    )


def reschedule(plan: Plan, moved_from: date, moved_to: date) -> Plan:
    """The clinic moved one injection: it and every later loading date shift by the same number of
    days, and maintenance restarts its interval from the moved date, so the prescribed spacing holds.
    """
    target = next((i for i in plan.injections if i.day == moved_from), None)
    if target is None:
        raise ScheduleError(f"There's no injection on {moved_from:%A %d %B %Y} in your plan.")
    if abs((moved_to - moved_from).days) > 92:
        raise ScheduleError("That's more than three months from the original date; please check it with your clinic.")
    if target.phase == "loading":
        shift = moved_to - moved_from
        loading = [i.day + shift if i.day >= moved_from else i.day for i in plan.loading]
        if any(b <= a for a, b in zip(loading, loading[1:])):
            raise ScheduleError("That new date would land on or before another injection; "
                                "please check it with your clinic.")
        return _assemble(plan.input, loading)
    kept = [i for i in plan.injections if i.day < moved_from]
    if kept and moved_to <= kept[-1].day:
        raise ScheduleError("That new date would land on or before an earlier injection; "
                            "please check it with your clinic.")
    moved = Injection(len(kept) + 1, "maintenance", moved_to, target.dose_mcg)
    later = _maintenance_after(plan.input, moved_to, count=len(plan.injections) - len(kept) - 1)
    injections = kept + [moved] + [replace(i, number=len(kept) + 2 + k) for k, i in enumerate(later)]
    return Plan(plan.input, tuple(injections), plan.reminders)


def _maintenance_after(plan: PlanInput, anchor: date, count: int | None = None) -> list[Injection]:
    count = plan.maintenance_count if count is None else count
    out = []
    for k in range(1, count + 1):
        if plan.maintenance.months:
            day = add_months(anchor, plan.maintenance.months * k)
        else:
            day = anchor + timedelta(weeks=plan.maintenance.weeks * k)
        out.append(Injection(0, "maintenance", day, plan.dose_mcg))
    return out
