"""Free-text schedule details."""
from __future__ import annotations

from datetime import date

import pytest

from b12assist.schedule.calculator import LoadingLength, LoadingPattern, MaintenanceInterval
from b12assist.schedule.parse import find_dates, parse_schedule

TODAY = date(2026, 11, 24)  # a Tuesday


def test_one_message_with_everything():
    p = parse_schedule("I started on 4 March, every other day for two weeks, then monthly: when's my "
                       "last loading shot and my first maintenance one?", TODAY)
    assert p.start == date(2026, 3, 4)
    assert p.pattern == LoadingPattern("every_other_day")
    assert p.length == LoadingLength(weeks=2)
    assert p.maintenance == MaintenanceInterval(months=1)
    assert not p.questions


@pytest.mark.parametrize("text,expected", [
    ("last Monday", date(2026, 11, 23)), ("yesterday", date(2026, 11, 23)), ("today", date(2026, 11, 24)),
    ("2026-03-04", date(2026, 3, 4)), ("March 4th", date(2026, 3, 4)), ("4th of March 2025", date(2025, 3, 4)),
    ("it was the 5th", date(2026, 11, 5)), ("3 days ago", date(2026, 11, 21)), ("25/12/2025", date(2025, 12, 25)),
    ("on Friday", date(2026, 11, 20)),
])
def test_dates(text, expected):
    assert parse_schedule(text, TODAY).start == expected


def test_ambiguous_numeric_date_asks():
    p = parse_schedule("03/04", TODAY)
    assert p.start is None
    assert "3 April" in p.questions[0] and "4 March" in p.questions[0]


def test_impossible_date_is_refused():
    p = parse_schedule("I started on 31/02/2026", TODAY)
    assert p.start is None and "isn't a real date" in p.questions[0]


def test_words_that_look_like_weekdays_are_not_dates():
    assert parse_schedule("every 3 months", TODAY).start is None
    assert parse_schedule("I sat down and waited", TODAY).start is None


def test_weekday_pattern_and_dose_count():
    p = parse_schedule("mon/wed/fri, 6 injections, then every 4 weeks, 1000 mcg", TODAY)
    assert p.pattern == LoadingPattern("weekly", per_week=3, weekdays=(0, 2, 4))
    assert p.length == LoadingLength(doses=6)
    assert p.maintenance == MaintenanceInterval(weeks=4)
    assert p.dose_mcg == 1000


def test_range_interval_asks_which_one():
    p = parse_schedule("then every 2-3 months", TODAY)
    assert p.maintenance is None and "every 2 or every 3 months" in p.questions[0]


def test_bare_answers_use_the_requested_slot():
    assert parse_schedule("weekly", TODAY, requested="sched_maintenance").maintenance == MaintenanceInterval(weeks=1)
    assert parse_schedule("6", TODAY, requested="sched_loading_length").length == LoadingLength(doses=6)


def test_future_preference_for_moved_appointments():
    assert [d.value for d in find_dates("moved to friday", TODAY, "future")] == [date(2026, 11, 27)]


def test_a_bare_day_corrects_within_the_month_already_given():
    p = parse_schedule("no, it was the 5th", TODAY, reference=date(2026, 3, 4))
    assert p.start == date(2026, 3, 5)
    assert parse_schedule("the 31st", TODAY, reference=date(2026, 2, 4)).questions


def test_a_named_preset_fills_the_plan_and_asks_for_a_range():
    p = parse_schedule("I started on 2 March on the BNF schedule", TODAY)
    assert p.start == date(2026, 3, 2)
    assert p.pattern == LoadingPattern("weekly", per_week=3) and p.length == LoadingLength(weeks=2)
    assert p.maintenance is None and "ask which your clinician chose" in p.questions[0]
    p = parse_schedule("the bnf neurological schedule", TODAY)
    assert p.pattern == LoadingPattern("every_other_day") and p.maintenance == MaintenanceInterval(months=2)
    assert parse_schedule("nothing named here", TODAY).pattern is None


def test_a_clinic_edit_of_the_presets_file_is_picked_up_without_a_restart(tmp_path, monkeypatch):
    import os

    from b12assist.schedule import presets

    own = tmp_path / "presets.yml"
    text = presets.DEFAULT_FILE.read_text(encoding="utf-8")
    own.write_text(text, encoding="utf-8")
    monkeypatch.setenv("B12_PRESETS_FILE", str(own))
    before = presets.default_key()
    other = next(k for k in presets.load_presets() if k != before)
    own.write_text(text.replace(f"default: {before}", f"default: {other}"), encoding="utf-8")
    os.utime(own, ns=(own.stat().st_mtime_ns + 10**9,) * 2)   # a later modification time, whatever the clock
    assert presets.default_key() == other
