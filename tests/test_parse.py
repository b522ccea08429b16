"""Free-text schedule details."""
from __future__ import annotations

from datetime import date

import pytest

from b12assist.schedule.calculator import LoadingLength, LoadingPattern, MaintenanceInterval
from b12assist.schedule.parse import (carries_plan, date_preference, denies_missing, find_dates, parse_dose,
                                     parse_loading_length, parse_loading_pattern, parse_maintenance,
                                     normalise, parse_phase, parse_schedule)

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


def test_weekly_after_the_loading_is_the_maintenance_interval():
    p = parse_schedule("jabs every day for 5 days from 2 december, after that every week", TODAY)
    assert p.pattern == LoadingPattern("daily") and p.length == LoadingLength(days=5)
    assert p.maintenance == MaintenanceInterval(weeks=1)
    # weekly loading is still loading
    assert parse_schedule("once a week for 4 weeks then monthly", TODAY).pattern == LoadingPattern("weekly", per_week=1)


@pytest.mark.parametrize("text,denied", [
    ("monthly since 2 june, never missed one", True),
    ("every 8 weeks and I haven't skipped any since 4 may", True),
    ("I missed the one on 3 november", False),
    ("I forgot my jab last week", False),
])
def test_denies_missing(text, denied):
    assert denies_missing(text) is denied


def test_a_weekday_list_is_a_pattern_not_dates():
    p = parse_schedule("shots tuesday, thursday and saturday for 3 weeks starting friday 4th december", TODAY)
    assert p.pattern == LoadingPattern("weekly", per_week=3, weekdays=(1, 3, 5))
    assert p.start == date(2026, 12, 4)
    # two weekdays with no loading length are still read as dates
    assert [d.value for d in find_dates("i had them on monday and wednesday", TODAY)] == [date(2026, 11, 23),
                                                                                         date(2026, 11, 18)]


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


def test_a_named_preset_is_returned_to_confirm_never_filled_in():
    p = parse_schedule("I started on 2 March on the BNF schedule", TODAY)
    assert p.start == date(2026, 3, 2)
    assert p.preset is not None and p.preset.key == "uk_bnf_no_neuro"
    assert p.pattern is None and p.length is None and p.maintenance is None and p.dose_mcg is None
    assert parse_schedule("the usual schedule", TODAY).preset.key == "article_typical"
    assert parse_schedule("nothing named here", TODAY).preset is None


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


# --- one piece at a time (development examples, written for these tests) ----------------------
@pytest.mark.parametrize("text,expected", [
    ("alternate days", LoadingPattern("every_other_day")),
    ("every-other-day shots", LoadingPattern("every_other_day")),
    ("evry othr day to start", LoadingPattern("every_other_day")),
    ("evry second day", LoadingPattern("every_other_day")),
    ("4 x weekly", LoadingPattern("weekly", per_week=4)),
    ("twice a week", LoadingPattern("weekly", per_week=2)),
    ("two shots per week", LoadingPattern("weekly", per_week=2)),
    ("1 a day", None),
    ("each day", LoadingPattern("daily")),
    ("one jab a day to begin with", LoadingPattern("daily")),
    ("a shot per day for the first week", LoadingPattern("daily")),
    ("every 3 days", LoadingPattern("interval", days=3)),
    ("tue and thu", LoadingPattern("weekly", per_week=2, weekdays=(1, 3))),
    ("shots on monday, wednesday and friday, began last week", LoadingPattern("weekly", per_week=3, weekdays=(0, 2, 4))),
    ("on tue and fri for 3 weeks", LoadingPattern("weekly", per_week=2, weekdays=(1, 4))),
    ("every 8 weeks", None),
])
def test_loading_pattern(text, expected):
    assert parse_loading_pattern(normalise(text))[0] == expected


@pytest.mark.parametrize("text,expected", [
    ("for 3 weeks", LoadingLength(weeks=3)),
    ("eod x 3 wks", LoadingLength(weeks=3)),
    ("for a fortnight", LoadingLength(weeks=2)),
    ("for the next 10 days", LoadingLength(days=10)),
    ("jabs daily 5 days then every 3 months", LoadingLength(days=5)),
    ("eight shots in all", LoadingLength(doses=8)),
    ("3 injections a week", None),
    ("eod 3wks then monthly", LoadingLength(weeks=3)),
    ("12 injection of b12 on alternate days", LoadingLength(doses=12)),
    ("one injection a month", None),
    ("2 jab per week", None),
    ("1 injection per day for 4 days", LoadingLength(days=4)),
    ("one dose each day over the next 6 days", LoadingLength(days=6)),
    ("my next 3 injections", None),
    ("every 12 weeks", None),
])
def test_loading_length(text, expected):
    pattern, _ = parse_loading_pattern(text)
    assert parse_loading_length(text, pattern) == expected


def test_a_bare_number_of_weeks_counts_only_beside_a_loading_pattern():
    assert parse_loading_length("alternate days, three weeks", LoadingPattern("every_other_day")) == LoadingLength(weeks=3)
    assert parse_loading_length("three weeks ago", LoadingPattern("every_other_day")) is None
    assert parse_loading_length("three weeks", None) is None


@pytest.mark.parametrize("text,expected", [
    ("monthly", MaintenanceInterval(months=1)),
    ("once every month", MaintenanceInterval(months=1)),
    ("every 2nd month", MaintenanceInterval(months=2)),
    ("every other month", MaintenanceInterval(months=2)),
    ("every 4 month", MaintenanceInterval(months=4)),
    ("4-monthly", MaintenanceInterval(months=4)),
    ("every six mths", MaintenanceInterval(months=6)),
    ("evry 2 monthes", MaintenanceInterval(months=2)),
    ("quarterly", MaintenanceInterval(months=3)),
    ("every 10 weeks", MaintenanceInterval(weeks=10)),
    ("evry 6 wks", MaintenanceInterval(weeks=6)),
    ("10-weekly", MaintenanceInterval(weeks=10)),
    ("fortnightly", MaintenanceInterval(weeks=2)),
    ("every other day", None),
    # the interval the plan has now, not the one it used to have
    ("every 6 weeks now (it used to be monthly)", MaintenanceInterval(weeks=6)),
    ("they changed it from monthly to every 3 months", MaintenanceInterval(months=3)),
    ("every two months, previously every 4 weeks", MaintenanceInterval(months=2)),
    # "my first two monthly ones" counts injections; the interval is "once a month"
    ("then once a month - list my first two monthly ones", MaintenanceInterval(months=1)),
    ("then monthly, give me the next three monthly dates", MaintenanceInterval(months=1)),
])
def test_maintenance_interval(text, expected):
    assert parse_maintenance(text)[0] == expected


def test_dose_is_only_what_the_patient_said():
    assert parse_dose("500 mcg") == 500 and parse_dose("1.5mg") == 1500 and parse_dose("1,000 micrograms") == 1000
    assert parse_dose("every other day") is None


def test_tense_sets_the_year_of_a_date_without_one():
    assert date_preference("i will start on 10 january") == "future"
    assert date_preference("i started on 10 january") == "past"
    assert parse_schedule("I will start on 10 January, daily for a week", TODAY).start == date(2027, 1, 10)
    assert parse_schedule("I started on 10 January", TODAY).start == date(2026, 1, 10)


def test_a_weekday_next_to_a_date_only_names_its_weekday():
    assert parse_schedule("first one on Thursday 3 December", TODAY).start == date(2026, 12, 3)
    assert parse_schedule("had it on Friday the 6th of November", TODAY).start == date(2026, 11, 6)
    assert [d.value for d in find_dates("the 4th injection", TODAY)] == []


@pytest.mark.parametrize("text,phase", [
    ("every 10 weeks, my previous jab was 2 oct", "maintenance"),
    ("alternate days for a fortnight from 18 nov", "loading"),
    ("3 a week for 2 weeks from monday then every 2 months", "both"),
    ("alternate days for a fortnight from 18 nov, when is my first maintenance one?", "both"),
    ("plan my dates", None),
])
def test_phase(text, phase):
    assert parse_schedule(text, TODAY).phase == phase


def test_a_message_carrying_a_plan_is_recognised():
    assert carries_plan("jabs every ten weeks, the previous was 2 oct, whens the next", TODAY)
    assert carries_plan("since 3 june monthly and I haven't missed one, next?", TODAY)
    assert not carries_plan("I missed my monthly one on 3 Nov", TODAY)
    assert not carries_plan("when is my next shot?", TODAY)
    # a named regimen with a date is a plan too (the preset is then confirmed, never filled in)
    assert carries_plan("I'm on the BNF schedule, started 3 March", TODAY)
    assert not carries_plan("what is the usual schedule?", TODAY)
    assert not carries_plan("how often are maintenance shots, every 3 months?", TODAY)


@pytest.mark.parametrize("text,expected", [
    ("no, it was the 5th", True), ("sorry, I meant 4 March", True), ("actually the 12th", True),
    ("it was the 3rd not the 2nd", True), ("my clinic moved it to Friday", False), ("every other day", False),
])
def test_correction(text, expected):
    from b12assist.schedule.parse import is_correction
    assert is_correction(text) is expected


# --- blind schedule round 2 (2026-11-25) as a development set: classes, in new wordings ----------
TODAY_R2 = date(2026, 11, 24)


@pytest.mark.parametrize("text, doses", [
    ("I was told 8 vitamin B12 injections, one every other day", 8),
    ("ten B12 loading jabs on alternate days", 10),
    ("every second day, total of 6 shots", 6),
    ("every other day, 4 injections in total", 4),
])
def test_a_count_of_injections_with_words_between(text, doses):
    assert parse_schedule(text, TODAY_R2).length == LoadingLength(doses=doses)


def test_a_single_injection_a_month_is_not_a_loading_count():
    assert parse_schedule("I need 1 injection every month", TODAY_R2).length is None


@pytest.mark.parametrize("text, weekdays", [
    ("the nurse visits on Mondays and Thursdays for 3 weeks", (0, 3)),
    ("Tuesdays and Fridays for a fortnight", (1, 4)),
    ("on Wednesdays and Saturdays, for 2 weeks", (2, 5)),
])
def test_plural_weekdays_are_a_loading_pattern(text, weekdays):
    assert parse_schedule(text, TODAY_R2).pattern.weekdays == weekdays


@pytest.mark.parametrize("text, per_week", [
    ("weekly jabs for 6 weeks then every 3 months", 1),
    ("3 times in week for 2 weeks", 3),
    ("two times in the week for 3 weeks", 2),
])
def test_weekly_loading_patterns(text, per_week):
    assert parse_schedule(text, TODAY_R2).pattern.per_week == per_week


@pytest.mark.parametrize("text, expected", [
    ("my last one was Thursday, October 29", date(2026, 10, 29)),
    ("last shot: Monday, 2 November", date(2026, 11, 2)),
])
def test_a_weekday_before_a_month_first_date_names_that_date(text, expected):
    assert parse_schedule(text, TODAY_R2).start == expected


@pytest.mark.parametrize("text, interval", [
    ("evrey 3 monts", MaintenanceInterval(months=3)),
    ("every 2 mths", MaintenanceInterval(months=2)),
    ("evey 6 wks", MaintenanceInterval(weeks=6)),
])
def test_misspelt_intervals(text, interval):
    assert parse_schedule(text, TODAY_R2).maintenance == interval


def test_x_weeks_without_a_space():
    assert parse_schedule("every other day x3wks", TODAY_R2).length == LoadingLength(weeks=3)


def test_the_clinic_forgetting_to_book_is_not_a_missed_dose():
    text = "Dad has his jab every 8 weeks, last one 2 October. The surgery forgot to book the next one, which day is it?"
    assert carries_plan(text, TODAY)
    assert not carries_plan("Every 8 weeks, last one 2 October, but I forgot to go to the next one", TODAY)
