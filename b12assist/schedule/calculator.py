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
    """A number of weeks, a number of days, or a number of injections (exactly one of them)."""
    weeks: int = 0
    doses: int = 0
    days: int = 0

    def describe(self) -> str:
        if self.doses:
            return f"{self.doses} injections"
        if self.days:
            return f"{self.days} day" + ("s" if self.days != 1 else "")
        return f"{self.weeks} week" + ("s" if self.weeks != 1 else "")

    @property
    def window_days(self) -> int:
        return self.days or 7 * self.weeks


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
    """A plan in one of three shapes:
    - loading then maintenance: `start` is the first loading injection;
    - loading only (`maintenance` None): `start` is the first loading injection;
    - maintenance only (`pattern` and `length` None): `start` is one maintenance injection already
      given (usually the last one); the series continues from it at the interval.
    `dose_mcg` is None unless the patient said it: replies then say "your prescribed dose"."""
    start: date
    pattern: LoadingPattern | None
    length: LoadingLength | None
    maintenance: MaintenanceInterval | None
    dose_mcg: int | None = None
    maintenance_count: int = 6  # how many maintenance doses to list ahead

    @property
    def phase(self) -> str:
        if self.pattern is None:
            return "maintenance"
        return "loading" if self.maintenance is None else "both"


@dataclass(frozen=True)
class Injection:
    number: int
    phase: str   # "loading" | "maintenance"
    day: date
    dose_mcg: int | None


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

    def series(self):
        """Listed injections, then maintenance continued at the same interval (it is usually long
        term), without end; a plan without maintenance stops after its last listed injection."""
        yield from self.injections
        if not self.maintenance:
            return
        last = self.injections[-1]
        # with loading, maintenance[j] is j+1 intervals after the last loading dose; without it,
        # maintenance[j] is j intervals after the first listed one
        anchor = self.loading[-1].day if self.loading else self.maintenance[0].day
        offset = 0 if self.loading else -1
        m = self.input.maintenance
        for extra in range(1, 100_000):
            k = len(self.maintenance) + offset + extra
            day = add_months(anchor, m.months * k) if m.months else anchor + timedelta(weeks=m.weeks * k)
            yield Injection(last.number + extra, "maintenance", day, last.dose_mcg)

    def _through(self, as_of: date):
        """The series up to and including the first injection on or after `as_of`."""
        for injection in self.series():
            yield injection
            if injection.day >= as_of:
                return

    def upcoming(self, as_of: date, count: int) -> list[Injection]:
        """The first `count` injections on or after `as_of`."""
        out: list[Injection] = []
        for injection in self.series():
            if len(out) >= count:
                break
            if injection.day >= as_of:
                out.append(injection)
        return out

    def between(self, first: date, last: date) -> list[Injection]:
        """Every injection dated from `first` to `last`, both included."""
        out = []
        for injection in self.series():
            if injection.day > last:
                break
            if injection.day >= first:
                out.append(injection)
        return out

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
    if plan.pattern is None or plan.length is None:
        if plan.pattern is not None or plan.length is not None:
            raise ScheduleError("I need both how often and how long the loading injections are.")
        if plan.maintenance is None:
            raise ScheduleError("I need the loading injections, the maintenance interval, or both.")
    else:
        _validate_loading(plan.pattern, plan.length)
    if plan.maintenance is not None:
        _validate_maintenance(plan.maintenance)
    if plan.dose_mcg is not None and not 1 <= plan.dose_mcg <= 5000:
        raise ScheduleError("That dose doesn't look right; please check it with your clinic.")
    if not 1 <= plan.maintenance_count <= 60:
        raise ScheduleError("I can list between 1 and 60 maintenance doses.")


def _validate_loading(p: LoadingPattern, length: LoadingLength) -> None:
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
    if sum(1 for v in (length.weeks, length.doses, length.days) if v) != 1:
        raise ScheduleError("Please give the loading length as a number of weeks or a number of injections.")
    if length.days and not (1 <= length.days <= MAX_LOADING_DAYS):
        raise ScheduleError(f"A loading phase of {length.days} days is outside what I can plan "
                            f"(1 to {MAX_LOADING_DAYS} days).")
    if length.weeks and not (1 <= length.weeks * 7 <= MAX_LOADING_DAYS):
        raise ScheduleError(f"A loading phase of {length.weeks} weeks is outside what I can plan "
                            f"(1 to {MAX_LOADING_DAYS // 7} weeks).")
    if length.doses and not (1 <= length.doses <= MAX_LOADING_DOSES):
        raise ScheduleError(f"{length.doses} loading injections is outside what I can plan "
                            f"(1 to {MAX_LOADING_DOSES}).")


def _validate_maintenance(m: MaintenanceInterval) -> None:
    if bool(m.months) == bool(m.weeks):
        raise ScheduleError("Please give the maintenance interval in weeks or in months.")
    if m.months and not 1 <= m.months <= MAX_MAINTENANCE_MONTHS:
        raise ScheduleError(f"A maintenance interval of {m.months} months is outside what I can plan "
                            f"(1 to {MAX_MAINTENANCE_MONTHS} months).")
    if m.weeks and not 1 <= m.weeks <= MAX_MAINTENANCE_WEEKS:
        raise ScheduleError(f"A maintenance interval of {m.weeks} weeks is outside what I can plan "
                            f"(1 to {MAX_MAINTENANCE_WEEKS} weeks).")


def _loading_days(plan: PlanInput) -> list[date]:
    p, length, start = plan.pattern, plan.length, plan.start
    step = {"every_other_day": 2, "daily": 1, "interval": p.days}.get(p.kind)
    if step:
        if length.doses:
            return [start + timedelta(days=step * i) for i in range(length.doses)]
        window = length.window_days
        return [start + timedelta(days=d) for d in range(0, window, step)]
    weekdays = set(p.weekdays) if p.weekdays else set(_spread_weekdays(start.weekday(), p.per_week))
    days: list[date] = []
    cursor = start
    # The first injection is always on the start date, even if it is not one of the usual weekdays.
    while True:
        if cursor == start or cursor.weekday() in weekdays:
            if length.doses and len(days) >= length.doses:
                break
            if not length.doses and (cursor - start).days >= length.window_days:
                break
            days.append(cursor)
        cursor += timedelta(days=1)
        if not length.doses and (cursor - start).days >= length.window_days:
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
    if plan.pattern is None:
        return _assemble_maintenance_only(plan)
    return _assemble(plan, _loading_days(plan))


def _assemble_maintenance_only(plan: PlanInput, count: int | None = None) -> Plan:
    """Maintenance only: the injection given on `start`, then one every interval."""
    first = Injection(1, "maintenance", plan.start, plan.dose_mcg)
    later = _maintenance_after(plan, plan.start, count)
    return Plan(plan, tuple([first] + [replace(i, number=k + 2) for k, i in enumerate(later)]), ())


def _assemble(plan: PlanInput, loading: list[date]) -> Plan:
    injections = [Injection(n + 1, "loading", d, plan.dose_mcg) for n, d in enumerate(loading)]
    if plan.maintenance is not None:
        for k, later in enumerate(_maintenance_after(plan, loading[-1])):
            injections.append(replace(later, number=len(loading) + k + 1))
    first_maintenance = injections[len(loading)].day if len(injections) > len(loading) else None
    return Plan(plan, tuple(injections), _reminders(loading[-1], first_maintenance))


def _reminders(last_loading: date | None, first_maintenance: date | None) -> tuple[Reminder, ...]:
    out = []
    if last_loading is not None:
        out.append(Reminder(last_loading + timedelta(days=1),
                            "Reminder: loading phase ends. Confirm with your clinic when your review and "
                            "blood tests are due (often B12, haemoglobin and MCV)."))
    if last_loading is not None and first_maintenance is not None:
        out.append(Reminder(first_maintenance - timedelta(days=7),
                            "Reminder: first maintenance dose next week. Confirm with your clinic whether "
                            "a lab check is planned before it."))
    return tuple(out)


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
    if plan.input.maintenance is None:
        raise ScheduleError("There's no maintenance interval in your plan to move.")
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
    assert plan.maintenance is not None
    out = []
    for k in range(1, count + 1):
        if plan.maintenance.months:
            day = add_months(anchor, plan.maintenance.months * k)
        else:
            day = anchor + timedelta(weeks=plan.maintenance.weeks * k)
        out.append(Injection(0, "maintenance", day, plan.dose_mcg))
    return out
