#!/usr/bin/env python3
"""Blind test set (round 4) of B12 injection-date questions.

Computes the expected answers with plain datetime, following the conventions in
SCHED_BRIEF.md, and writes schedule_blind.jsonl next to this file.

Conventions implemented:
  * TODAY = Thursday 2026-11-26; "next" = first injection date on or after TODAY.
  * eod_weeks(start, W): days 0,2,4,... strictly inside the first 7*W days.
  * eod_doses(start, N): N doses two days apart.   daily(start, N): N consecutive days.
  * per_week(start, N, W): fixed offsets from the first injection's weekday
    (3/week -> 0,2,4 ; 2/week -> 0,3), W*N injections.
  * weekdays(start, [named weekdays], W): the named weekdays from the first injection on, W*len(days) injections.
  * Maintenance: anchor + k*interval (k >= 1); anchor = last loading dose (both phases) or
    last dose given (maintenance only).  Months = calendar months with end-of-month clamping.
"""
import calendar
import datetime as dt
import json
import os

TODAY = dt.date(2026, 11, 26)
assert TODAY.weekday() == 3  # Thursday
D = dt.date
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

# Relative dates used in the texts (relative to TODAY)
YESTERDAY = TODAY - dt.timedelta(days=1)


def last_weekday(wd):
    """Most recent given weekday strictly before TODAY ("last Tuesday")."""
    d = TODAY - dt.timedelta(days=1)
    while d.weekday() != wd:
        d -= dt.timedelta(days=1)
    return d


LAST_TUESDAY = last_weekday(TUE)          # 2026-11-24
THIRD_OF_THIS_MONTH = TODAY.replace(day=3)  # 2026-11-03


def add_months(d, n):
    m0 = d.month - 1 + n
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return D(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_interval(d, k, interval):
    n, unit = interval
    if unit == "weeks":
        return d + dt.timedelta(weeks=n * k)
    if unit == "days":
        return d + dt.timedelta(days=n * k)
    if unit == "months":
        return add_months(d, n * k)
    raise ValueError(unit)


def maintenance_dates(anchor, interval, count=40):
    return [add_interval(anchor, k, interval) for k in range(1, count + 1)]


def maintenance_iterative(anchor, interval, count=40):
    out, d = [], anchor
    for _ in range(count):
        d = add_interval(d, 1, interval)
        out.append(d)
    return out


def loading_dates(spec):
    kind = spec[0]
    if kind == "eod_weeks":
        _, start, weeks = spec
        return [start + dt.timedelta(days=i) for i in range(0, 7 * weeks, 2)]
    if kind == "eod_doses":
        _, start, n = spec
        return [start + dt.timedelta(days=2 * i) for i in range(n)]
    if kind == "daily":
        _, start, n = spec
        return [start + dt.timedelta(days=i) for i in range(n)]
    if kind == "per_week":
        _, start, per_week, weeks = spec
        offs = {2: [0, 3], 3: [0, 2, 4]}[per_week]
        return [start + dt.timedelta(days=7 * w + o) for w in range(weeks) for o in offs]
    if kind == "weekdays":
        _, start, days, weeks = spec
        assert start.weekday() in days, "first injection must fall on a named weekday"
        out, d = [], start
        while len(out) < len(days) * weeks:
            if d.weekday() in days:
                out.append(d)
            d += dt.timedelta(days=1)
        return out
    raise ValueError(kind)


def describe_loading(spec):
    kind = spec[0]
    if kind == "eod_weeks":
        return f"every other day for {spec[2]} weeks from {spec[1]} (days 0,2,..<{7*spec[2]})"
    if kind == "eod_doses":
        return f"every other day, {spec[2]} doses from {spec[1]}"
    if kind == "daily":
        return f"daily for {spec[2]} days from {spec[1]}"
    if kind == "per_week":
        offs = {2: [0, 3], 3: [0, 2, 4]}[spec[2]]
        days = "/".join(WD[(spec[1].weekday() + o) % 7][:3] for o in offs)
        return f"{spec[2]}x/week for {spec[3]} weeks from {spec[1]} ({days}, {spec[2]*spec[3]} shots)"
    if kind == "weekdays":
        days = "/".join(WD[x][:3] for x in spec[2])
        return f"named days {days} for {spec[3]} weeks from {spec[1]} ({len(spec[2])*spec[3]} shots)"
    return str(spec)


def iv(interval):
    return f"{interval[0]} {interval[1]}"


# --------------------------------------------------------------------------------------------
# Questions.  Fields:
#   phase, asks, text
#   loading: spec (or None)      maint: dict(interval=(n, unit), last_given=date) for maintenance-only,
#                                       dict(interval=...) for both (anchored on last loading dose)
#   n: for next_n                all: dict(maint_count=k) or dict(until=date, from_=date)
#   weekday_claims: [(date, weekday)] that the text states, verified below
# --------------------------------------------------------------------------------------------
Q = []


def q(**kw):
    Q.append(kw)


# ===================== MAINTENANCE ONLY (20) =====================
q(phase="maintenance", asks="next",
  text="Hi, I get my B12 jab every 3 months. The last one was on the 14th of September. When is the next one due?",
  maint=dict(interval=(3, "months"), last_given=D(2026, 9, 14)))

q(phase="maintenance", asks="next",
  text="Hello, I am doing injection of vitamin B12 one time each month. Last injection I make on 26 october. "
       "When I must do the next one?",
  maint=dict(interval=(1, "months"), last_given=D(2026, 10, 26)))

q(phase="maintenance", asks="next_n", n=3,
  text="I have B12 injections every twelve weeks. My last one was on the 3rd of this month. "
       "Can you give me the next three dates?",
  maint=dict(interval=(12, "weeks"), last_given=THIRD_OF_THIS_MONTH))

q(phase="maintenance", asks="next",
  text="My mum has her B12 injections every twelve weeks at the surgery. Her last one was on Monday 7 September. "
       "The receptionist forgot to book the next one - what date should it be?",
  maint=dict(interval=(12, "weeks"), last_given=D(2026, 9, 7)),
  weekday_claims=[(D(2026, 9, 7), MON)])

q(phase="maintenance", asks="next",
  text="wen is my nxt b12 shot?? i do it evry 4 wks n the last 1 was yesterday lol",
  maint=dict(interval=(4, "weeks"), last_given=YESTERDAY))

q(phase="maintenance", asks="next",
  text="I'm on B12 every other month. Had my last injection on the 31st of October. When's the next?",
  maint=dict(interval=(2, "months"), last_given=D(2026, 10, 31)))

q(phase="maintenance", asks="next",
  text="Quick one - I have monthly B12 shots and the last one was on 31 October. When am I due again?",
  maint=dict(interval=(1, "months"), last_given=D(2026, 10, 31)))

q(phase="maintenance", asks="next_n", n=2,
  text="I have 3-monthly B12 injections. This year I had them on 20 March, 20 June and 20 September. "
       "What are my next two dates?",
  maint=dict(interval=(3, "months"), last_given=D(2026, 9, 20)))

q(phase="maintenance", asks="next_n", n=3,
  text="I'm on hydroxocobalamin injections every 8 weeks for pernicious anaemia. The practice nurse did the last one "
       "on Thursday 15th October. Could you tell me when the next three are due so I can pop them in my diary?",
  maint=dict(interval=(8, "weeks"), last_given=D(2026, 10, 15)),
  weekday_claims=[(D(2026, 10, 15), THU)])

q(phase="maintenance", asks="next_n", n=3,
  text="I get B12 shots once a month at my doctor's office. My last shot was on November 2nd. I'm planning a "
       "vacation this winter - can you list my next three shot dates?",
  maint=dict(interval=(1, "months"), last_given=D(2026, 11, 2)))

q(phase="maintenance", asks="next_n", n=2,
  text="Good afternoon. My doctor has told me I must have the vitamin B12 injection every three months for the rest "
       "of my life. I had the last one at the clinic on the 28th of August. I am 82 and my memory is not what it was. "
       "Could you kindly tell me the date of the next one, and also the one after that?",
  maint=dict(interval=(3, "months"), last_given=D(2026, 8, 28)))

q(phase="maintenance", asks="next_n", n=4,
  text="I self-inject B12 every 2 weeks, last one was last Tuesday. What are my next 4 dates?",
  maint=dict(interval=(2, "weeks"), last_given=LAST_TUESDAY))

q(phase="maintenance", asks="next",
  text="I do a weekly cyanocobalamin shot. Last one was Friday 20 November. When's the next one?",
  maint=dict(interval=(1, "weeks"), last_given=D(2026, 11, 20)),
  weekday_claims=[(D(2026, 11, 20), FRI)])

q(phase="maintenance", asks="all",
  all=dict(from_=TODAY, until=D(2027, 3, 31)),
  text="I have a B12 injection every 4 weeks and the last one was on 12 November. Please list all my injection dates "
       "from now until the end of March 2027.",
  maint=dict(interval=(4, "weeks"), last_given=D(2026, 11, 12)))

q(phase="maintenance", asks="next",
  text="Hiya, B12 jab every 6 weeks for me. Last jab was the 22nd of October. When do I need to ring up and book the next?",
  maint=dict(interval=(6, "weeks"), last_given=D(2026, 10, 22)))

q(phase="maintenance", asks="next",
  text="my B12 is every 10 weeks now (used to be monthly). last one 1st october. when is next pls",
  maint=dict(interval=(10, "weeks"), last_given=D(2026, 10, 1)))

q(phase="maintenance", asks="next",
  text="Good morning. My husband receive B12 (cianocobalamina) each 12 weeks. Last time was the 10 of september, "
       "a Thursday. Which day is the next?",
  maint=dict(interval=(12, "weeks"), last_given=D(2026, 9, 10)),
  weekday_claims=[(D(2026, 9, 10), THU)])

q(phase="maintenance", asks="all",
  all=dict(from_=D(2027, 1, 1), until=D(2027, 12, 31)),
  text="I'm on B12 injections every other month and my last one was on 15 October. I need to give my employer "
       "all my appointment dates for 2027 - can you list every date next year?",
  maint=dict(interval=(2, "months"), last_given=D(2026, 10, 15)))

q(phase="maintenance", asks="next_n", n=2,
  text="I'm caring for my father who has 3-monthly B12 injections. He had his last one on 31 August. "
       "When are his next two due?",
  maint=dict(interval=(3, "months"), last_given=D(2026, 8, 31)))

q(phase="maintenance", asks="next",
  text="hey so my B12 shot is monthly and i had it on the 26th of last month. do i need one today or is it later?",
  maint=dict(interval=(1, "months"), last_given=D(2026, 10, 26)))

# ===================== LOADING ONLY (17) =====================
q(phase="loading", asks="last_loading",
  text="The GP started me on B12 injections every other day for 2 weeks. The first one was on Monday 16 November. "
       "When is my last one?",
  loading=("eod_weeks", D(2026, 11, 16), 2), weekday_claims=[(D(2026, 11, 16), MON)])

q(phase="loading", asks="count_left",
  text="Hello, I have B12 injection every other day during 2 weeks. I begin Thursday 19 of November. "
       "How many injections are still left for me?",
  loading=("eod_weeks", D(2026, 11, 19), 2), weekday_claims=[(D(2026, 11, 19), THU)])

q(phase="loading", asks="last_loading",
  text="I'm doing daily B12 shots for 7 days, started last Tuesday. What's the date of the final one?",
  loading=("daily", LAST_TUESDAY, 7))

q(phase="loading", asks="next",
  text="My B12 loading is 3 times a week for 2 weeks and I started on Monday the 23rd of November. When is my next shot?",
  loading=("per_week", D(2026, 11, 23), 3, 2), weekday_claims=[(D(2026, 11, 23), MON)])

q(phase="loading", asks="count_left",
  text="I've been prescribed B12 injections twice a week for four weeks. The first was on Tuesday 10 November. "
       "How many have I got left?",
  loading=("per_week", D(2026, 11, 10), 2, 4), weekday_claims=[(D(2026, 11, 10), TUE)])

q(phase="loading", asks="all",
  text="The nurse is coming to give me B12 on Mondays and Thursdays for 3 weeks, starting Monday 16 November. "
       "Can you write out the full list of dates?",
  loading=("weekdays", D(2026, 11, 16), [MON, THU], 3), weekday_claims=[(D(2026, 11, 16), MON)])

q(phase="loading", asks="last_loading",
  text="i got 5 b12 injections to do every other day, did the first one yesterday. when is the last one?",
  loading=("eod_doses", YESTERDAY, 5))

q(phase="loading", asks="all",
  text="Hi! My doctor wants me to have 6 B12 injections, one every other day, starting Saturday 28 November. "
       "Could you give me all six dates?",
  loading=("eod_doses", D(2026, 11, 28), 6), weekday_claims=[(D(2026, 11, 28), SAT)])

q(phase="loading", asks="count_left",
  text="I'm starting daily B12 injections for 10 days tomorrow (Friday). How many injections do I have to go in total, "
       "and on which dates?",
  loading=("daily", D(2026, 11, 27), 10), weekday_claims=[(D(2026, 11, 27), FRI)])

q(phase="loading", asks="count_left",
  text="dr said b12 every other day for 3 wks, 1st one was mon 9th nov. hw many more do i have??",
  loading=("eod_weeks", D(2026, 11, 9), 3), weekday_claims=[(D(2026, 11, 9), MON)])

q(phase="loading", asks="next_n", n=3,
  text="I'm on a B12 loading course, three injections a week for three weeks, and the first one was on Wednesday "
       "18 November. What are my next three injection dates?",
  loading=("per_week", D(2026, 11, 18), 3, 3), weekday_claims=[(D(2026, 11, 18), WED)])

q(phase="loading", asks="last_loading",
  text="My dad has been prescribed loading doses of hydroxocobalamin, three times a week for two weeks. The district "
       "nurse visits on Mondays, Wednesdays and Fridays and gave the first one on Friday 20th November. "
       "When will his last loading injection be?",
  loading=("weekdays", D(2026, 11, 20), [MON, WED, FRI], 2), weekday_claims=[(D(2026, 11, 20), FRI)])

q(phase="loading", asks="all",
  text="I start B12 injections on Tuesday 1 December, every other day for 2 weeks. Please list all the dates.",
  loading=("eod_weeks", D(2026, 12, 1), 2), weekday_claims=[(D(2026, 12, 1), TUE)])

q(phase="loading", asks="next",
  text="I have 8 doses of B12 to do, every other day, and I began on Saturday 14th November. When is my next dose?",
  loading=("eod_doses", D(2026, 11, 14), 8), weekday_claims=[(D(2026, 11, 14), SAT)])

q(phase="loading", asks="next_n", n=2,
  text="I go to the clinic for B12 on Tuesdays and Fridays for 3 weeks. I started on Tuesday 17 November. "
       "When are my next two appointments?",
  loading=("weekdays", D(2026, 11, 17), [TUE, FRI], 3), weekday_claims=[(D(2026, 11, 17), TUE)])

q(phase="loading", asks="last_loading",
  text="B12 twice weekly for 4 weeks, first injection was yesterday. When do I finish the course?",
  loading=("per_week", YESTERDAY, 2, 4))

q(phase="loading", asks="all",
  text="Doctor say me B12 injection every day for 5 days, I start Monday 30 November. Please write all the days.",
  loading=("daily", D(2026, 11, 30), 5), weekday_claims=[(D(2026, 11, 30), MON)])

# ===================== BOTH PHASES (18) =====================
q(phase="both", asks="first_maintenance",
  text="I'm having B12 injections every other day for two weeks and then every 3 months. I started on Monday "
       "16 November. When will my first 3-monthly injection be?",
  loading=("eod_weeks", D(2026, 11, 16), 2), maint=dict(interval=(3, "months")),
  weekday_claims=[(D(2026, 11, 16), MON)])

q(phase="both", asks="next_n", n=3,
  text="My GP has started me on hydroxocobalamin 1 mg three times a week for two weeks, then one every three months. "
       "The first was on Monday 23rd November. What are my next three injection dates?",
  loading=("per_week", D(2026, 11, 23), 3, 2), maint=dict(interval=(3, "months")),
  weekday_claims=[(D(2026, 11, 23), MON)])

q(phase="both", asks="next_n", n=4,
  text="I'm doing 6 B12 shots every other day starting Saturday 21 November, then monthly after that. "
       "What are my next 4 dates?",
  loading=("eod_doses", D(2026, 11, 21), 6), maint=dict(interval=(1, "months")),
  weekday_claims=[(D(2026, 11, 21), SAT)])

q(phase="both", asks="all", all=dict(maint_count=3),
  text="From Tuesday 1 December I'll have a B12 injection every day for 7 days, and after that once a month. "
       "Could you write out all the daily dates plus my first three monthly ones?",
  loading=("daily", D(2026, 12, 1), 7), maint=dict(interval=(1, "months")),
  weekday_claims=[(D(2026, 12, 1), TUE)])

q(phase="both", asks="first_maintenance",
  text="My B12 plan: every other day for 2 weeks, then every twelve weeks. First shot was on Wednesday 18 November. "
       "When does the 12-weekly bit start?",
  loading=("eod_weeks", D(2026, 11, 18), 2), maint=dict(interval=(12, "weeks")),
  weekday_claims=[(D(2026, 11, 18), WED)])

q(phase="both", asks="last_loading",
  text="I'm having B12 twice a week for three weeks, then every 8 weeks. My first injection was on Monday 16 November. "
       "When is the last of the twice-weekly ones?",
  loading=("per_week", D(2026, 11, 16), 2, 3), maint=dict(interval=(8, "weeks")),
  weekday_claims=[(D(2026, 11, 16), MON)])

q(phase="both", asks="first_maintenance",
  text="My loading dose is B12 every other day for one week, starting last Tuesday, then every other month. "
       "When will I have my first every-other-month injection?",
  loading=("eod_weeks", LAST_TUESDAY, 1), maint=dict(interval=(2, "months")))

q(phase="both", asks="all", all=dict(maint_count=1),
  text="The nurse will give me B12 on Mondays, Wednesdays and Fridays for two weeks, starting Wednesday 2 December, "
       "and after that it's 3-monthly. Can you give me the full list of loading dates and the date of the first "
       "3-monthly injection?",
  loading=("weekdays", D(2026, 12, 2), [MON, WED, FRI], 2), maint=dict(interval=(3, "months")),
  weekday_claims=[(D(2026, 12, 2), WED)])

q(phase="both", asks="count_left",
  text="I'm on B12 every other day for 2 weeks (started Sunday 15 November) and then monthly. How many of the "
       "every-other-day shots do I still have left before I go monthly?",
  loading=("eod_weeks", D(2026, 11, 15), 2), maint=dict(interval=(1, "months")),
  weekday_claims=[(D(2026, 11, 15), SUN)])

q(phase="both", asks="next",
  text="Back in September I had B12 loading injections every other day for 2 weeks, starting on Monday 7 September, "
       "and since then I've been having one every 4 weeks, all on time. When is my next one?",
  loading=("eod_weeks", D(2026, 9, 7), 2), maint=dict(interval=(4, "weeks")),
  weekday_claims=[(D(2026, 9, 7), MON)])

q(phase="both", asks="next",
  text="My late wife's sister is helping me with my medicines. I had the B12 loading course three times a week for "
       "two weeks, starting Monday 5th October, and now I'm on monthly injections which have all been done on time. "
       "When is my next injection, please?",
  loading=("per_week", D(2026, 10, 5), 3, 2), maint=dict(interval=(1, "months")),
  weekday_claims=[(D(2026, 10, 5), MON)])

q(phase="both", asks="next_n", n=3,
  text="Hello, please help. I have 10 injection B12 every second day, I start Wednesday 11 November, after this "
       "one injection every 2 months. What are my next 3 dates?",
  loading=("eod_doses", D(2026, 11, 11), 10), maint=dict(interval=(2, "months")),
  weekday_claims=[(D(2026, 11, 11), WED)])

q(phase="both", asks="first_maintenance",
  text="b12 loading evry othr day 2wks started sat 21st nov then evry 3 months after. whens my 1st 3 monthly one",
  loading=("eod_weeks", D(2026, 11, 21), 2), maint=dict(interval=(3, "months")),
  weekday_claims=[(D(2026, 11, 21), SAT)])

q(phase="both", asks="all", all=dict(maint_count=2),
  text="Over the holidays I'll be doing daily B12 shots for 5 days starting Sunday 27 December, then once a month. "
       "Can you list all the daily shots and the first two monthly ones?",
  loading=("daily", D(2026, 12, 27), 5), maint=dict(interval=(1, "months")),
  weekday_claims=[(D(2026, 12, 27), SUN)])

q(phase="both", asks="first_maintenance",
  text="I was told B12 injections twice a week for 4 weeks, then every 12 weeks. The first one was on Tuesday "
       "17th November. When is my first 12-weekly injection?",
  loading=("per_week", D(2026, 11, 17), 2, 4), maint=dict(interval=(12, "weeks")),
  weekday_claims=[(D(2026, 11, 17), TUE)])

q(phase="both", asks="first_maintenance",
  text="My doctor started me on B12 shots because my level came back low (around 150 pg/mL) and I've been feeling "
       "exhausted and tingly in my feet. The plan is one shot every day for 7 days starting tomorrow, Friday "
       "November 27th, and then once a month after that. My insurance needs the date of the first monthly shot "
       "for pre-authorization. What date will that be?",
  loading=("daily", D(2026, 11, 27), 7), maint=dict(interval=(1, "months")),
  weekday_claims=[(D(2026, 11, 27), FRI)])

q(phase="both", asks="count_left",
  text="I'm doing B12 every other day for three weeks, then every other month. I began on Tuesday 17 November. "
       "How many every-other-day injections are left?",
  loading=("eod_weeks", D(2026, 11, 17), 3), maint=dict(interval=(2, "months")),
  weekday_claims=[(D(2026, 11, 17), TUE)])

q(phase="both", asks="next",
  text="I did my B12 loading every other day for 2 weeks from Friday 30 October, and I'm meant to continue every "
       "4 weeks after the last loading one. When's my next injection?",
  loading=("eod_weeks", D(2026, 10, 30), 2), maint=dict(interval=(4, "weeks")),
  weekday_claims=[(D(2026, 10, 30), FRI)])


# --------------------------------------------------------------------------------------------
def compute(item):
    load = loading_dates(item["loading"]) if item.get("loading") else []
    maint, maint_iter, anchor = [], [], None
    if item.get("maint"):
        anchor = load[-1] if load else item["maint"]["last_given"]
        maint = maintenance_dates(anchor, item["maint"]["interval"])
        maint_iter = maintenance_iterative(anchor, item["maint"]["interval"])
    sched = sorted(load + maint)
    future = [d for d in sched if d >= TODAY]
    asks = item["asks"]
    count = None
    parts = []
    if load:
        parts.append("loading " + describe_loading(item["loading"]) + ": " + ", ".join(map(str, load)))
    if item.get("maint"):
        src = "last loading dose" if load else "last dose given"
        parts.append(f"maintenance every {iv(item['maint']['interval'])} from {src} {anchor} "
                     f"(anchor + k*interval): " + ", ".join(map(str, maint[:4])) + ", ...")
    if asks == "next":
        exp = future[:1]
        parts.append(f"next = first date >= {TODAY}")
    elif asks == "next_n":
        exp = future[:item["n"]]
        parts.append(f"next {item['n']} = first {item['n']} dates >= {TODAY}")
    elif asks == "last_loading":
        exp = [load[-1]]
        parts.append("last loading = final loading date")
    elif asks == "count_left":
        exp = [d for d in load if d >= TODAY]
        count = len(exp)
        parts.append(f"left = loading dates >= {TODAY} -> {count}")
    elif asks == "first_maintenance":
        exp = [maint[0]]
        parts.append("first maintenance = last loading + 1 interval")
    elif asks == "all":
        a = item.get("all", {})
        if "maint_count" in a:
            exp = load + maint[:a["maint_count"]]
            parts.append(f"all = every loading date + first {a['maint_count']} maintenance date(s)")
        elif load and not maint:
            exp = load
        else:
            exp = [d for d in sched if a["from_"] <= d <= a["until"]]
            parts.append(f"all = dates in [{a['from_']}, {a['until']}]")
    else:
        raise ValueError(asks)

    # ---- sanity checks ----
    for d, wd in item.get("weekday_claims", []):
        assert d.weekday() == wd, (item["text"], d, WD[wd])
    if item["phase"] == "loading":
        assert load and not maint and asks not in ("first_maintenance",)
        assert load[-1] >= TODAY or asks in ("all", "last_loading"), "loading already finished"
    if item["phase"] == "maintenance":
        assert maint and not load
        assert maint[0] >= TODAY, ("overdue maintenance, ambiguous", item["text"])
    if item["phase"] == "both":
        assert load and maint
    # the iterative month rule must give the same expected dates (avoid ambiguity)
    if maint:
        for d in exp:
            if d in maint:
                k = maint.index(d)
                assert maint_iter[k] == d, ("anchor vs iterative month rule differ", item["text"], d)
    assert exp, item["text"]
    if any(d == TODAY for d in exp) and asks in ("next", "next_n", "count_left"):
        parts.append("NB today is an injection date and counts as 'next' (on or after today)")
    clamp = [d for d in exp if d in maint and item["maint"]["interval"][1] == "months"
             and d.day != anchor.day]
    if clamp:
        parts.append("end-of-month clamping: " + ", ".join(map(str, clamp)))
    return exp, count, "; ".join(parts)


def main():
    counts = {"maintenance": 0, "loading": 0, "both": 0}
    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_blind.jsonl")
    rows = []
    for i, item in enumerate(Q, 1):
        exp, count, note = compute(item)
        counts[item["phase"]] += 1
        rows.append({"id": f"t{i:02d}", "phase": item["phase"], "asks": item["asks"], "text": item["text"],
                     "expected_dates": [d.isoformat() for d in exp], "expected_count": count, "note": note})
    assert len(rows) == 55, len(rows)
    assert counts == {"maintenance": 20, "loading": 17, "both": 18}, counts
    with open(out_path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {out_path}")
    for r in rows:
        print(r["id"], r["phase"], r["asks"], r["expected_dates"], r["expected_count"])


if __name__ == "__main__":
    main()
