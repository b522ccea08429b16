#!/usr/bin/env python3
"""Blind test set, round 8: B12 injection-date questions. Plain datetime only."""
import calendar
import json
from datetime import date, timedelta

TODAY = date(2026, 11, 26)  # Thursday
assert TODAY.weekday() == 3
OUT = "/work/sched8/schedule_blind.jsonl"
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def add_months(d, k):
    m0 = d.month - 1 + k
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_interval(d, k, amount, unit):
    if unit == "weeks":
        return d + timedelta(weeks=k * amount)
    if unit == "months":
        return add_months(d, k * amount)
    raise ValueError(unit)


def loading_dates(spec):
    kind = spec[0]
    if kind == "eod_weeks":            # every other day for W weeks
        _, start, weeks = spec
        return [start + timedelta(days=i) for i in range(0, 7 * weeks, 2)]
    if kind == "eod_doses":            # every other day, N doses
        _, start, n = spec
        return [start + timedelta(days=2 * i) for i in range(n)]
    if kind == "daily":                # daily for N days
        _, start, n = spec
        return [start + timedelta(days=i) for i in range(n)]
    if kind == "per_week":             # N a week for W weeks, fixed pattern from first dose
        _, start, per, weeks = spec
        offs = {1: [0], 2: [0, 3], 3: [0, 2, 4]}[per]
        return [start + timedelta(days=7 * w + o) for w in range(weeks) for o in offs]
    if kind == "weekdays":             # named weekdays, W weeks -> W*len(days) doses
        _, start, days, weeks = spec
        assert start.weekday() in days
        out, d = [], start
        while len(out) < weeks * len(days):
            if d.weekday() in days:
                out.append(d)
            d += timedelta(days=1)
        return out
    raise ValueError(kind)


def maintenance_dates(anchor, amount, unit, until):
    out, k = [], 1
    while True:
        d = add_interval(anchor, k, amount, unit)
        if d > until:
            return out
        out.append(d)
        k += 1


FAR = date(2030, 1, 1)

# Each question: id, phase, asks, text, loading (spec or None),
# maint (amount, unit) or None, anchor (last maintenance dose, maintenance-only),
# n (for next_n), horizon (for 'all' with maintenance), note_extra.
Q = []


def q(phase, asks, text, loading=None, maint=None, anchor=None, n=None, horizon=None, today_ok=False):
    Q.append(dict(phase=phase, asks=asks, text=text, loading=loading, maint=maint,
                  anchor=anchor, n=n, horizon=horizon, today_ok=today_ok))


# ---------------- maintenance only (20) ----------------
q("maintenance", "next",
  "Hi, I get my vitamin B12 injection every 3 months. The last one was on the 14th of September. When is my next one due?",
  maint=(3, "months"), anchor=date(2026, 9, 14))
q("maintenance", "next",
  "my b12 jab is monthly and last one was 31 october, when do i go back?? the surgery said 'same date next month' but november dont have a 31st lol",
  maint=(1, "months"), anchor=date(2026, 10, 31))
q("maintenance", "next",
  "Hello. I am having B12 injection every 4 weeks. Last injection I received on 5 November. Please tell me which date is next injection.",
  maint=(4, "weeks"), anchor=date(2026, 11, 5))
q("maintenance", "next_n",
  "I look after my dad, he's 84 and has pernicious anaemia. He has his B12 every twelve weeks and the district nurse last came to do it on 10 September 2026. Could you give me his next three dates so I can put them on the calendar?",
  maint=(12, "weeks"), anchor=date(2026, 9, 10), n=3)
q("maintenance", "next_n",
  "3-monthly hydroxocobalamin here. Last done 31st August. What are my next 2 dates please?",
  maint=(3, "months"), anchor=date(2026, 8, 31), n=2)
q("maintenance", "next",
  "I have my B12 every other month, the last one was on 26 September. I haven't been to the nurse yet today. When's my next one?",
  maint=(2, "months"), anchor=date(2026, 9, 26), today_ok=True)
q("maintenance", "next",
  "Got my B12 shot yesterday, I'm on once a month. When's the next one?",
  maint=(1, "months"), anchor=date(2026, 11, 25))
q("maintenance", "next_n",
  "I do my own cyanocobalamin injections every 2 weeks. Did the last one last Tuesday (the 24th). Can you list my next 3 injection days?",
  maint=(2, "weeks"), anchor=date(2026, 11, 24), n=3)
q("maintenance", "next",
  "Good afternoon. My GP has put me on B12 injections every 8 weeks. My most recent one was on Friday 2nd October. When should I book the next?",
  maint=(8, "weeks"), anchor=date(2026, 10, 2))
q("maintenance", "all",
  "I'm on monthly B12 shots and had my last one on the 3rd of this month. Can you list all my injection dates from now until the end of March 2027?",
  maint=(1, "months"), anchor=date(2026, 11, 3), horizon=date(2027, 3, 31))
q("maintenance", "next",
  "My mum (I'm her carer) started B12 injections every 10 weeks. The first one in this series was 20 August 2026 and she has had every one since exactly on schedule. When is her next one?",
  maint=(10, "weeks"), anchor=date(2026, 8, 20))
q("maintenance", "next",
  "Hiya, I've been having B12 every three months since the 28th of February this year and never missed one. When is my next one due?",
  maint=(3, "months"), anchor=date(2026, 2, 28))
q("maintenance", "next_n",
  "I'm on 12-weekly B12 jabs at my surgery. Last jab was Thursday 17th September. What are my next two appointment dates?",
  maint=(12, "weeks"), anchor=date(2026, 9, 17), n=2)
q("maintenance", "next_n",
  "I get a B12 shot every month, last one was on October 29. Can you tell me my next four dates? I need them for my work schedule.",
  maint=(1, "months"), anchor=date(2026, 10, 29), n=4)
q("maintenance", "next",
  "b12 every 6 weeks for me, last one 19 nov. when next",
  maint=(6, "weeks"), anchor=date(2026, 11, 19))
q("maintenance", "next_n",
  "Hello, I am from Poland and my English is not so good. My doctor say B12 injection each 3 weeks. Last injection was 12 November. Which are next 3 dates?",
  maint=(3, "weeks"), anchor=date(2026, 11, 12), n=3)
q("maintenance", "all",
  "I had my B12 jab on Monday this week (23 November) and I have them every four weeks. List all the dates I'll need up to the end of February 2027 please.",
  maint=(4, "weeks"), anchor=date(2026, 11, 23), horizon=date(2027, 2, 28))
q("maintenance", "next",
  "My wife has her vitamin B12 injection every other month. The last was on 30 September. When is the next one?",
  maint=(2, "months"), anchor=date(2026, 9, 30))
q("maintenance", "next",
  "Quarterly B12 injection (every 3 months) - last one given 3 September 2026. When am I next due?",
  maint=(3, "months"), anchor=date(2026, 9, 3))
q("maintenance", "next_n",
  "Hi! I'm 79 and not good with dates. I get my B12 once a month and the last one was on the 15th of November. Could you write down my next 3 dates for me?",
  maint=(1, "months"), anchor=date(2026, 11, 15), n=3)

# ---------------- loading only (17) ----------------
q("loading", "last_loading",
  "I started B12 loading doses on Monday 16 November, every other day for 2 weeks. What day is my last loading injection?",
  loading=("eod_weeks", date(2026, 11, 16), 2))
q("loading", "count_left",
  "my nurse started me on b12 injections every other day for two weeks, first one was monday 23rd nov. how many have i got left?",
  loading=("eod_weeks", date(2026, 11, 23), 2))
q("loading", "next_n",
  "I was told to have 6 B12 injections, every other day, the first was on 21 November. What are the next 3 dates for me?",
  loading=("eod_doses", date(2026, 11, 21), 6))
q("loading", "last_loading",
  "The hospital said I need hydroxocobalamin daily for 10 days, starting on 24 November. When is the last day?",
  loading=("daily", date(2026, 11, 24), 10))
q("loading", "count_left",
  "I'm having B12 shots 3 times a week (Mon, Wed, Fri) for 4 weeks. Started Monday 9th November. How many are left for me?",
  loading=("per_week", date(2026, 11, 9), 3, 4))
q("loading", "next",
  "My daughter gets B12 twice a week for 3 weeks - Tuesdays and Fridays - and her first one was Tuesday 17 November. When's her next one?",
  loading=("weekdays", date(2026, 11, 17), [TUE, FRI], 3))
q("loading", "all",
  "I'm doing a B12 loading course on Tuesdays and Fridays for 4 weeks, starting Friday 13 November. Could you list all the injection dates of the course?",
  loading=("weekdays", date(2026, 11, 13), [TUE, FRI], 4))
q("loading", "all",
  "I had my first loading dose of B12 yesterday, and it's every other day for 2 weeks. Please write out all my loading dates.",
  loading=("eod_weeks", date(2026, 11, 25), 2))
q("loading", "last_loading",
  "Neurological symptoms so my GP has me on B12 every alternate day for 3 weeks, begun 10th November. When will I finish the loading part?",
  loading=("eod_weeks", date(2026, 11, 10), 3))
q("loading", "all",
  "I'm having B12 injections every day for 5 days starting Monday 30 November. What are the dates?",
  loading=("daily", date(2026, 11, 30), 5))
q("loading", "count_left",
  "hey so im on 8 b12 shots every other day, 1st one was nov 17. how many shots left??",
  loading=("eod_doses", date(2026, 11, 17), 8))
q("loading", "last_loading",
  "Starting on Monday 30th November I'll have B12 three times a week (Mon/Wed/Fri) for two weeks. What's the date of the final one?",
  loading=("per_week", date(2026, 11, 30), 3, 2))
q("loading", "next_n",
  "My elderly neighbour asked me to help her. She is having B12 injections Mondays and Fridays for 4 weeks, the first on Monday 23 November. What are her next three?",
  loading=("weekdays", date(2026, 11, 23), [MON, FRI], 4), n=3)
q("loading", "all",
  "Doc says B12 every other day for one week, starting tomorrow. What dates will they be?",
  loading=("eod_weeks", date(2026, 11, 27), 1))
q("loading", "next",
  "I'm on a course of five B12 injections given every second day. The first was on 19 November. When is the next one?",
  loading=("eod_doses", date(2026, 11, 19), 5))
q("loading", "last_loading",
  "I started daily B12 injections for 7 days on Sunday 22 November. When is my last one?",
  loading=("daily", date(2026, 11, 22), 7))
q("loading", "count_left",
  "I've been having my B12 three times a week - Monday, Wednesday, Friday - for 3 weeks. The course started Monday 16th November. How many more jabs do I need?",
  loading=("per_week", date(2026, 11, 16), 3, 3))

# ---------------- both phases (18) ----------------
q("both", "first_maintenance",
  "I started B12 every other day for 2 weeks on 16 November, then it will be monthly. When is my first monthly injection?",
  loading=("eod_weeks", date(2026, 11, 16), 2), maint=(1, "months"))
q("both", "next",
  "I had my loading injections every other day for two weeks starting 2nd November, and after that it's every 3 months. When is my next B12?",
  loading=("eod_weeks", date(2026, 11, 2), 2), maint=(3, "months"))
q("both", "all",
  "New diagnosis. The plan is B12 daily for 7 days starting 1 December, then once a week. Please give me every injection date from the start until the end of this year.",
  loading=("daily", date(2026, 12, 1), 7), maint=(1, "weeks"), horizon=date(2026, 12, 31))
q("both", "first_maintenance",
  "I'm doing B12 3 times a week for 2 weeks (Mon/Wed/Fri) from Monday 23rd November, and then every 3 months after that. When does the 3-monthly one start?",
  loading=("per_week", date(2026, 11, 23), 3, 2), maint=(3, "months"))
q("both", "next_n",
  "Hello, for my B12 I get 6 injections every other day starting 19 November, after this each 2 months. Please say me the next 3 injection dates.",
  loading=("eod_doses", date(2026, 11, 19), 6), maint=(2, "months"), n=3)
q("both", "all",
  "My husband will have B12 every other day for 2 weeks from Monday 30 November, then every twelve weeks. Can you list the loading dates and the first maintenance date?",
  loading=("eod_weeks", date(2026, 11, 30), 2), maint=(12, "weeks"))
q("both", "count_left",
  "I'm on B12 twice weekly (Tuesdays and Fridays) for 3 weeks, started Tuesday 17 November, then monthly. How many of the twice-weekly ones are left?",
  loading=("weekdays", date(2026, 11, 17), [TUE, FRI], 3), maint=(1, "months"))
q("both", "next",
  "Back in June I did the B12 loading course, every other day for two weeks starting 1 June 2026, and then I went onto 3-monthly injections. I've had all of them on time. When's the next one?",
  loading=("eod_weeks", date(2026, 6, 1), 2), maint=(3, "months"))
q("both", "next_n",
  "I had B12 daily for 5 days from Monday 9 November and now I'm on every 4 weeks. What are my next two dates?",
  loading=("daily", date(2026, 11, 9), 5), maint=(4, "weeks"), n=2)
q("both", "last_loading",
  "Started b12 jabs on the 21st of this month, every other day for 2 weeks and then monthly after. When's my last every-other-day one?",
  loading=("eod_weeks", date(2026, 11, 21), 2), maint=(1, "months"))
q("both", "next_n",
  "I'm a carer for a gentleman with B12 deficiency. He's having injections Monday, Wednesday and Friday for 4 weeks, starting Monday 2 November, then every other month. What are his next 2 injection dates?",
  loading=("per_week", date(2026, 11, 2), 3, 4), maint=(2, "months"), n=2)
q("both", "first_maintenance",
  "I got 10 B12 injections every other day starting on 13 November. After that I'm every 3 months. When is my first 3-monthly one?",
  loading=("eod_doses", date(2026, 11, 13), 10), maint=(3, "months"))
q("both", "next_n",
  "B12 once a week for 4 weeks (first one Wednesday 11 November), then once a month. What are my next two dates?",
  loading=("per_week", date(2026, 11, 11), 1, 4), maint=(1, "months"), n=2)
q("both", "next",
  "I did my loading doses every other day for 2 weeks from 12 October, and since then I'm on every 4 weeks, haven't missed any. When is the next?",
  loading=("eod_weeks", date(2026, 10, 12), 2), maint=(4, "weeks"))
q("both", "first_maintenance",
  "Hospital started me on hydroxocobalamin daily for 10 days from 20 November, then every 12 weeks. When is the first of the 12-weekly ones?",
  loading=("daily", date(2026, 11, 20), 10), maint=(12, "weeks"))
q("both", "all",
  "My son starts B12 every other day for two weeks on Monday 23 November, then every other month. Can you list all his loading dates plus his first maintenance date?",
  loading=("eod_weeks", date(2026, 11, 23), 2), maint=(2, "months"))
q("both", "next_n",
  "Did my B12 loading 3x a week Mon/Wed/Fri for 2 weeks starting Monday 9 November, now it's monthly. Can you give me the next 3 dates?",
  loading=("per_week", date(2026, 11, 9), 3, 2), maint=(1, "months"), n=3)
q("both", "first_maintenance",
  "I will start B12 on Saturday 19 December: every other day for 2 weeks, then every other month. When will the first every-other-month injection be?",
  loading=("eod_weeks", date(2026, 12, 19), 2), maint=(2, "months"))


def fmt(ds):
    return [d.isoformat() for d in ds]


def solve(x):
    load = loading_dates(x["loading"]) if x["loading"] else []
    if x["phase"] == "maintenance":
        amt, unit = x["maint"]
        maint = maintenance_dates(x["anchor"], amt, unit, FAR)
        base = f"maintenance: last dose {x['anchor']} + k*{amt} {unit} (clamped)"
    elif x["phase"] == "both":
        amt, unit = x["maint"]
        maint = maintenance_dates(load[-1], amt, unit, FAR)
        base = (f"loading {x['loading'][0]} -> {fmt(load)}; maintenance: last loading {load[-1]} "
                f"+ k*{amt} {unit} (clamped)")
    else:
        maint = []
        base = f"loading {x['loading'][0]} -> {fmt(load)}"
    alld = sorted(load + maint)
    upcoming = [d for d in alld if d >= TODAY]
    if TODAY in alld:
        assert x["today_ok"] or x["asks"] in ("last_loading", "first_maintenance"), x["text"]
    count = None
    a = x["asks"]
    if a == "next":
        exp = upcoming[:1]
        how = "first date on/after today"
    elif a == "next_n":
        exp = upcoming[:x["n"]]
        how = f"first {x['n']} dates on/after today"
    elif a == "last_loading":
        exp = [load[-1]]
        how = "last loading date"
    elif a == "count_left":
        exp = [d for d in load if d >= TODAY]
        count = len(exp)
        how = "loading dates on/after today (today is not a dose day)"
    elif a == "first_maintenance":
        exp = [maint[0]]
        how = "last loading + one interval"
    elif a == "all":
        if x["phase"] == "loading":
            exp = load
            how = "all loading dates"
        elif x["phase"] == "both" and x["horizon"] is None:
            exp = load + [maint[0]]
            how = "all loading dates + first maintenance"
        else:
            lo = TODAY if x["phase"] == "maintenance" else load[0]
            exp = [d for d in alld if lo <= d <= x["horizon"]]
            how = f"all dates from {lo} to {x['horizon']}"
    else:
        raise ValueError(a)
    assert exp
    return fmt(exp), count, f"{base}; {how}"


counts = {}
with open(OUT, "w") as f:
    for i, x in enumerate(Q, 1):
        exp, count, note = solve(x)
        rec = {"id": f"t{i:02d}", "phase": x["phase"], "asks": x["asks"], "text": x["text"],
               "expected_dates": exp, "expected_count": count, "note": note}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        counts.setdefault(x["phase"], {}).setdefault(x["asks"], 0)
        counts[x["phase"]][x["asks"]] += 1
print(len(Q), "questions")
for p, c in counts.items():
    print(p, sum(c.values()), c)
