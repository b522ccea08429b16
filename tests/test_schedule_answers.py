"""Question kinds, the pieces each phase needs, and the answer given first (pure modules).

Development examples written for these tests, in other words than the blind set's."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from b12assist import clock
from b12assist.schedule.calculator import (LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput,
                                           ScheduleError, build_plan)
from b12assist.schedule.parse import normalise, parse_schedule
from b12assist.schedule.phases import Known, missing, plan_input
from b12assist.schedule.question import Question, parse_question, parse_range, question_clauses
from b12assist.schedule.reply import answer_text, plan_summary

TODAY = date(2026, 11, 24)  # a Tuesday
EOD = LoadingPattern("every_other_day")


def kinds(text):
    q = parse_question(normalise(text), TODAY)
    return q.kinds if q else None


# --- question kinds ------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("every 10 weeks, previous one 2 oct. whens the next", ("next",)),
    ("monthly since june. do I have one coming up soon?", ("next",)),
    ("could you give me the following four dates", ("next_n",)),
    ("what are my next four dates?", ("next_n",)),
    ("tell me the next couple please", ("next_n",)),
    ("alternate days from the 18th, on what day do I finish?", ("last_loading",)),
    ("which date is the final loading jab", ("last_loading",)),
    ("eod for a fortnight, when am I finishing?", ("last_loading",)),
    ("daily for a week from monday, when will the injections stop?", ("last_loading",)),
    ("how many shots does that come to", ("count",)),
    ("when is the 5th injection", ("nth",)),
    ("can you list the loading days", ("list_loading",)),
    ("which ones are still to come?", ("remaining",)),
    ("when will the monthly ones begin?", ("first_maintenance",)),
    ("when's my last loading shot and my first maintenance one?", ("last_loading", "first_maintenance")),
    ("my last one was 3 nov", None),
    ("I started on 4 March, every other day for two weeks, then monthly", None),
])
def test_question_kinds(text, expected):
    assert kinds(text) == expected


def test_only_asking_clauses_count():
    assert question_clauses("my last jab was 2 oct, when do i go again") == ["when do i go again"]
    assert question_clauses("next?") == ["next"]


def test_next_n_count_and_nth_number():
    assert parse_question("what are my next 4 dates?", TODAY).n == 4
    assert parse_question("when is the 5th injection", TODAY).n == 5


@pytest.mark.parametrize("text,expected", [
    ("which dates fall between now and the end of february?", (TODAY, date(2027, 2, 28))),
    ("all my dates until the end of april 2027", (TODAY, date(2027, 4, 30))),
    ("what dates do i have in 2027", (date(2027, 1, 1), date(2027, 12, 31))),
    ("which dates in january and february?", (date(2027, 1, 1), date(2027, 2, 28))),
    ("when is the next one", None),
])
def test_ranges(text, expected):
    assert parse_range(text, TODAY) == expected


def test_question_round_trips_through_a_slot():
    q = Question(("remaining", "first_maintenance"), 0, None, None, True)
    assert Question.from_text(q.to_text()) == q
    q = Question(("range",), 0, date(2027, 1, 1), date(2027, 2, 28))
    assert Question.from_text(q.to_text()) == q


# --- what each phase needs -------------------------------------------------------------------------
def test_maintenance_only_never_needs_loading():
    q = Question(("next",))
    assert missing(Known(phase="maintenance"), q, TODAY) == ["last", "maintenance"]
    assert missing(Known(phase="maintenance", maintenance=MaintenanceInterval(months=2)), q, TODAY) == ["last"]


def test_loading_only_never_needs_maintenance_for_a_loading_question():
    known = Known(phase="loading", start=date(2026, 11, 18), pattern=EOD, length=LoadingLength(weeks=2))
    assert missing(known, Question(("last_loading",)), TODAY) == []
    assert missing(known, Question(("count",)), TODAY) == []
    assert missing(known, Question(("next",)), TODAY) == []            # loading still under way
    assert missing(known, Question(("first_maintenance",)), TODAY) == ["maintenance"]


def test_next_few_dates_within_loading_do_not_need_the_interval():
    known = Known(phase="loading", start=date(2026, 11, 18), pattern=EOD, length=LoadingLength(weeks=2))
    left = [d for d in (date(2026, 11, 18) + timedelta(days=2 * i) for i in range(7)) if d >= TODAY]
    assert missing(known, Question(("next_n",), n=len(left)), TODAY) == []
    assert missing(known, Question(("next_n",), n=len(left) + 1), TODAY) == ["maintenance"]
    assert missing(known, Question(("range",), first=TODAY, last=left[-1]), TODAY) == []
    assert missing(known, Question(("range",), first=TODAY, last=left[-1] + timedelta(days=30)), TODAY) == ["maintenance"]


def test_next_after_loading_is_over_needs_the_interval():
    known = Known(phase="loading", start=date(2026, 9, 1), pattern=EOD, length=LoadingLength(weeks=2))
    assert missing(known, Question(("next",)), TODAY) == ["maintenance"]


def test_a_preset_is_confirmed_first_and_an_unknown_phase_is_asked():
    assert missing(Known(preset_pending=True, start=TODAY), None, TODAY) == ["preset_ok"]
    assert missing(Known(start=TODAY), None, TODAY) == ["phase"]


# --- calculator shapes -------------------------------------------------------------------------------
def test_maintenance_only_continues_from_the_last_injection():
    plan = build_plan(PlanInput(date(2026, 10, 2), None, None, MaintenanceInterval(weeks=10)), TODAY)
    assert plan.loading == () and plan.injections[0].day == date(2026, 10, 2)
    assert plan.next_due(TODAY).day == date(2026, 12, 11)
    assert [i.day for i in plan.upcoming(TODAY, 2)] == [date(2026, 12, 11), date(2027, 2, 19)]


def test_maintenance_only_far_in_the_past_keeps_the_interval():
    plan = build_plan(PlanInput(date(2025, 1, 31), None, None, MaintenanceInterval(months=1)), TODAY)
    assert plan.next_due(TODAY).day == date(2026, 11, 30)     # 31st clamped in a 30-day month
    assert plan.last_before(TODAY).day == date(2026, 10, 31)


def test_loading_only_has_no_maintenance_and_no_maintenance_reminder():
    plan = build_plan(PlanInput(date(2026, 11, 18), EOD, LoadingLength(days=9), None), TODAY)
    assert [i.day.day for i in plan.injections] == [18, 20, 22, 24, 26]
    assert plan.maintenance == () and len(plan.reminders) == 1
    assert plan.next_due(date(2026, 12, 1)) is None


def test_a_plan_needs_a_phase():
    with pytest.raises(ScheduleError):
        build_plan(PlanInput(TODAY, None, None, None), TODAY)


# --- the answer comes first ------------------------------------------------------------------------
def answer(text):
    p = parse_schedule(text, TODAY)
    known = Known(phase=p.phase, start=p.start if p.phase != "maintenance" else None,
                  last=p.start if p.phase == "maintenance" else None, pattern=p.pattern, length=p.length,
                  maintenance=p.maintenance, dose_mcg=p.dose_mcg)
    assert missing(known, p.question, TODAY) == []
    return answer_text(build_plan(plan_input(known), TODAY), p.question, TODAY)


def test_answer_maintenance_next():
    text = answer("jabs every ten weeks, the previous one was 2 oct. whens the next?")
    assert text.startswith("Your next B12 injection is in 17 days: Friday 11 December 2026")
    assert "your prescribed dose" in text and "mcg" not in text


def test_answer_last_loading_day_with_weekday_and_count():
    text = answer("began alternate days on the 18th of nov for a fortnight. on what day do I finish?")
    assert text.startswith("Your last loading injection is on Monday 30 November 2026: injection 7 of 7.")


def test_answer_count_and_next_n_and_range():
    assert "That is 9 loading injections in total" in answer("three times a week for three weeks from "
                                                             "Wednesday 2 December, how many is that?")
    text = answer("every 6 weeks, last on 10 nov, what are my next four dates?")
    assert all(d in text for d in ["22 December 2026", "2 February 2027", "16 March 2027", "27 April 2027"])
    text = answer("bi-monthly? no: every 2nd month, last one 1 oct. which dates in january and february?")
    assert "(1):\n  Monday 1 February 2027 (maintenance)" in text and "December" not in text.split("(I read")[0]


def test_answer_states_only_a_dose_the_patient_gave():
    assert "500 mcg" in answer("500 mcg every 4 weeks, last one 20 nov, when is the next?")


def test_full_plan_without_a_dose_says_prescribed_dose():
    plan = build_plan(PlanInput(date(2026, 11, 18), EOD, LoadingLength(weeks=2), MaintenanceInterval(months=1)), TODAY)
    text = plan_summary(plan, TODAY)
    assert "your prescribed dose" in text and "1,000" not in text


# --- the clock ----------------------------------------------------------------------------------------
def test_clock_reads_b12_today(monkeypatch):
    monkeypatch.setenv("B12_TODAY", "2026-11-24")
    assert clock.today() == TODAY
    monkeypatch.delenv("B12_TODAY")
    assert clock.today() == date.today()
    monkeypatch.setenv("B12_TODAY", "24/11/2026")
    with pytest.raises(ValueError):
        clock.today()


def test_codec_keeps_every_length_unit():
    from b12assist.schedule import codec
    for length in (LoadingLength(weeks=2), LoadingLength(doses=6), LoadingLength(days=10)):
        assert codec.length_from_text(codec.length_to_text(length)) == length


# A development set of one-message questions (written for these tests, expected dates by hand),
# asked through the pure pipeline: parse -> what is missing (nothing) -> plan -> the answer.
DEVELOPMENT = [
("b12 shot every 6 weeks, most recent on the 30th of september, when am i due?", ["23 December 2026"]),
("I get hydroxo every 3 months, last was 15/10/2026, when's the next?", ["15 January 2027"]),
("Loading: Mon, Wed and Fri for 2 weeks starting 30 Nov. when's the last one?", ["11 December 2026"]),
("every 2 weeks since 3rd November, next 2 please", ["1 December 2026","15 December 2026"]),
("I'm due my three-monthly b12; the last was 1st of sept. When?", ["1 December 2026"]),
("had my final loading jab on 20 Nov and now go monthly. when's my first monthly one?", ["20 December 2026"]),
("Started jabs 2 days ago, alternate days for 2 weeks. How many are left?", ["6 of 7"]),
("On maintenance every 8 wks. Had one 3 weeks ago. Next?", ["29 December 2026"]),
("first injection tomorrow, then every other day for 10 days; which dates?", ["25 November 2026","3 December 2026"]),
("b12 every month on the 5th, last was 5 November, when are the next three?", ["5 December 2026","5 January 2027","5 February 2027"]),
("my loading is 5 injections, one every 3 days, starting Monday 7 Dec. last one?", ["19 December 2026"]),
("hydroxocobalamin 1mg every 12 weeks, last 28/08/2026 — next?", ["12 February 2027"]),
("I'll start on 14 Dec: twice weekly for 3 weeks, then every 2 months. first maintenance?", ["28 February 2027"]),
]


@pytest.mark.parametrize("text,expected", DEVELOPMENT)
def test_development_questions_are_answered_in_one_message(text, expected):
    body = answer(text)
    assert all(e in body for e in expected), body
