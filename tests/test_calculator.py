"""Schedule calculator: conventions, bad input, and properties (hypothesis)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from b12assist.schedule.calculator import (LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput,
                                           ScheduleError, add_months, build_plan, reschedule)

TODAY = date(2026, 11, 24)


def plan(start=date(2026, 3, 4), pattern=LoadingPattern("every_other_day"), length=LoadingLength(weeks=2),
         maintenance=MaintenanceInterval(months=1), **kw):
    return build_plan(PlanInput(start, pattern, length, maintenance, **kw), today=date(2026, 3, 1))


def test_every_other_day_for_two_weeks_is_seven_injections_last_on_day_12():
    p = plan()
    days = [(i.day - date(2026, 3, 4)).days for i in p.loading]
    assert days == [0, 2, 4, 6, 8, 10, 12]
    assert p.loading[-1].day == date(2026, 3, 16)


def test_first_maintenance_is_one_interval_after_last_loading():
    p = plan()
    assert p.maintenance[0].day == date(2026, 4, 16)
    assert p.maintenance[0].dose_mcg is None   # no dose given: replies say "your prescribed dose"


def test_three_a_week_from_monday_is_mon_wed_fri():
    p = plan(start=date(2026, 11, 23), pattern=LoadingPattern("weekly", per_week=3))
    assert [i.day.strftime("%a") for i in p.loading] == ["Mon", "Wed", "Fri"] * 2


def test_explicit_weekdays_and_dose_count():
    p = plan(start=date(2026, 11, 24), pattern=LoadingPattern("weekly", per_week=2, weekdays=(1, 4)),
             length=LoadingLength(doses=5))
    assert [i.day.strftime("%a") for i in p.loading] == ["Tue", "Fri", "Tue", "Fri", "Tue"]


def test_month_end_clamping_and_leap_years():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 1, 31), 2) == date(2024, 3, 31)   # no drift after a short month
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)


def test_next_due_and_overdue():
    p = plan()
    assert p.next_due(date(2026, 3, 9)).day == date(2026, 3, 10)
    assert p.next_due(date(2026, 3, 10)).day == date(2026, 3, 10)
    assert [i.day for i in p.overdue(date(2026, 3, 9), taken_through=date(2026, 3, 6))] == [date(2026, 3, 8)]
    # maintenance continues past the listed dates
    assert p.next_due(date(2027, 6, 1)).day == date(2027, 6, 16)


def test_reminders_are_labelled_as_reminders_to_confirm():
    p = plan()
    assert len(p.reminders) == 2
    assert all("confirm" in r.text.lower() for r in p.reminders)
    assert p.reminders[0].day == date(2026, 3, 17)


def test_reschedule_a_loading_dose_shifts_later_ones():
    p = plan()
    moved = reschedule(p, date(2026, 3, 8), date(2026, 3, 9))
    assert [i.day.day for i in moved.loading] == [4, 6, 9, 11, 13, 15, 17]
    assert moved.maintenance[0].day == date(2026, 4, 17)


def test_reschedule_a_maintenance_dose_restarts_interval():
    p = plan()
    moved = reschedule(p, date(2026, 5, 16), date(2026, 5, 22))
    assert [i.day for i in moved.maintenance[:3]] == [date(2026, 4, 16), date(2026, 5, 22), date(2026, 6, 22)]


@pytest.mark.parametrize("kwargs,message", [
    (dict(pattern=LoadingPattern("interval", days=0)), "interval"),
    (dict(pattern=LoadingPattern("interval", days=400)), "interval"),
    (dict(length=LoadingLength(weeks=0)), "weeks or a number"),
    (dict(length=LoadingLength(weeks=60)), "outside"),
    (dict(maintenance=MaintenanceInterval(months=0)), "weeks or in months"),
    (dict(maintenance=MaintenanceInterval(months=40)), "outside"),
    (dict(start=date(1990, 1, 1)), "years from today"),
    (dict(start=date(2035, 1, 1)), "years from today"),
    (dict(pattern=LoadingPattern("weekly", per_week=9)), "between 1 and 7"),
])
def test_bad_input_gets_a_clear_message(kwargs, message):
    with pytest.raises(ScheduleError, match=message):
        plan(**kwargs)


patterns = st.one_of(
    st.just(LoadingPattern("every_other_day")), st.just(LoadingPattern("daily")),
    st.integers(1, 60).map(lambda d: LoadingPattern("interval", days=d)),
    st.integers(1, 7).map(lambda n: LoadingPattern("weekly", per_week=n)),
)
lengths = st.one_of(st.integers(1, 26).map(lambda w: LoadingLength(weeks=w)),
                    st.integers(1, 60).map(lambda n: LoadingLength(doses=n)))
maintenances = st.one_of(st.integers(1, 6).map(lambda m: MaintenanceInterval(months=m)),
                         st.integers(1, 26).map(lambda w: MaintenanceInterval(weeks=w)))
starts = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=300, deadline=None)
@given(starts, patterns, lengths, maintenances)
def test_properties(start, pattern, length, maintenance):
    p = build_plan(PlanInput(start, pattern, length, maintenance), today=start)
    days = [i.day for i in p.injections]
    # dates strictly increase, start with the start date, phases are in order
    assert all(a < b for a, b in zip(days, days[1:]))
    assert days[0] == start
    assert [i.phase for i in p.injections] == ["loading"] * len(p.loading) + ["maintenance"] * len(p.maintenance)
    assert [i.number for i in p.injections] == list(range(1, len(days) + 1))
    loading = [i.day for i in p.loading]
    # counts match the pattern
    step = {"every_other_day": 2, "daily": 1, "interval": pattern.days}.get(pattern.kind)
    if length.doses:
        assert len(loading) == length.doses
    elif step:
        assert len(loading) == -(-7 * length.weeks // step)
    else:
        assert len(loading) <= pattern.per_week * length.weeks + 1
        assert all((d - start).days < 7 * length.weeks for d in loading)
    # intervals are respected
    if step:
        assert all((b - a).days == step for a, b in zip(loading, loading[1:]))
    else:
        # at most per_week injections in any week counted from the start
        weeks = [(d - start).days // 7 for d in loading[1:]]
        assert all(weeks.count(w) <= pattern.per_week for w in set(weeks))
    maint = [i.day for i in p.maintenance]
    if maintenance.months:
        for k, d in enumerate(maint, start=1):
            assert d == add_months(loading[-1], maintenance.months * k)
            assert d.day <= loading[-1].day  # clamped, never rolled into the next month
    else:
        gaps = [(b - a).days for a, b in zip([loading[-1]] + maint, maint)]
        assert set(gaps) == {7 * maintenance.weeks}


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 120))
def test_add_months_properties(day, months):
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == min(day.day, (add_months(result.replace(day=1), 1) - timedelta(days=1)).day)
