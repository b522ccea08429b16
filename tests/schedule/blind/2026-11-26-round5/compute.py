#!/usr/bin/env python3
"""Blind test set of vitamin B12 injection-date questions, round 5.

Conventions (from SCHED_BRIEF.md):
  * Today is Thursday 2026-11-26. "Next" = first injection date on or after today.
  * Every other day for N weeks: days 0, 2, 4, ... < 7*N.
  * Every other day for N doses: N doses 2 days apart. Daily for N days: consecutive.
  * N times a week for W weeks: fixed weekday pattern from the first injection
    (3/week -> offsets 0,2,4; 2/week -> offsets 0,3), W*N injections;
    or the weekdays the patient names (W*N injections counted from the first).
  * First maintenance = last loading + 1 interval, then last loading + k*interval.
    Maintenance only: last dose given + k*interval (k >= 1).
  * Months are calendar months with end-of-month clamping, computed from the base
    date (base + k months), not by repeated stepping; a week is 7 days.
Only the standard library (datetime, json) is used.
"""
import datetime as dt
import json
import os

TODAY = dt.date(2026, 11, 26)
assert TODAY.weekday() == 3  # Thursday

D = dt.date
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


# ---------------------------------------------------------------- helpers
def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    if m == 12:
        last = 31
    else:
        last = (D(y, m + 1, 1) - dt.timedelta(days=1)).day
    return D(y, m, min(d.day, last))


def add_interval(d, interval, k):
    unit, n = interval
    if unit == "weeks":
        return d + dt.timedelta(weeks=n * k)
    if unit == "months":
        return add_months(d, n * k)
    raise ValueError(unit)


def loading_dates(spec):
    t = spec["type"]
    s = spec["start"]
    if t == "eod_weeks":          # every other day for N weeks
        return [s + dt.timedelta(days=i) for i in range(0, 7 * spec["weeks"], 2)]
    if t == "eod_doses":          # every other day, N doses
        return [s + dt.timedelta(days=2 * i) for i in range(spec["n"])]
    if t == "daily":              # daily for N days
        return [s + dt.timedelta(days=i) for i in range(spec["n"])]
    if t == "per_week":           # N a week for W weeks, pattern from first injection
        offs = {1: [0], 2: [0, 3], 3: [0, 2, 4]}[spec["per_week"]]
        return [s + dt.timedelta(days=7 * w + o)
                for w in range(spec["weeks"]) for o in offs]
    if t == "weekdays":           # named weekdays, W*len(days) injections from first
        total = spec["weeks"] * len(spec["days"])
        assert s.weekday() in spec["days"], "start must be one of the named days"
        out, d = [], s
        while len(out) < total:
            if d.weekday() in spec["days"]:
                out.append(d)
            d += dt.timedelta(days=1)
        return out
    raise ValueError(t)


def maint_dates(base, interval, upto=D(2030, 1, 1)):
    out, k = [], 1
    while True:
        d = add_interval(base, interval, k)
        if d > upto:
            return out
        out.append(d)
        k += 1


def iterative_month_dates(base, interval, count):
    """Repeated stepping (for flagging clamping ambiguity only)."""
    out, d = [], base
    for _ in range(count):
        d = add_interval(d, interval, 1)
        out.append(d)
    return out


# ---------------------------------------------------------------- questions
# phase "maintenance": base = last (or a known earlier) dose, interval
# phase "loading":     loading spec
# phase "both":        loading spec + interval (base = last loading dose)
# ask params: n (next_n), until (all, maintenance), n_maint / until (all, both)
Q = []


def q(phase, asks, text, loading=None, base=None, interval=None, **kw):
    Q.append(dict(phase=phase, asks=asks, text=text, loading=loading,
                  base=base, interval=interval, kw=kw))


W, M = "weeks", "months"

# ======================= MAINTENANCE ONLY (20) =======================
q("maintenance", "next",
  "Hi, I had my vitamin B12 injection on 3 September and I have them every 3 months. "
  "When is my next one due?",
  base=D(2026, 9, 3), interval=(M, 3))
q("maintenance", "next",
  "Hello. My last injection of vitamin B12 was at 14 of October. Doctor say I must do it "
  "every 2 month. Which day I go for the next injection please?",
  base=D(2026, 10, 14), interval=(M, 2))
q("maintenance", "next",
  "I'm on B12 shots every twelve weeks. The last one was on the 10th of September. "
  "What date should I book the next one for?",
  base=D(2026, 9, 10), interval=(W, 12))
q("maintenance", "next_n",
  "I get a B12 injection once a month, always on the last day of the month if possible. "
  "My last one was on 31 October. Can you give me my next three dates?",
  base=D(2026, 10, 31), interval=(M, 1), n=3)
q("maintenance", "next",
  "hiya wen is my nxt b12 jab?? had it last tues n i get them evry 4 wks thx",
  base=D(2026, 11, 24), interval=(W, 4))
q("maintenance", "next",
  "I look after my mum, who is 87. She gets her vitamin B12 injection every 8 weeks and "
  "her last one was on the 1st of October. The district nurse hasn't rung to book the next "
  "one yet and I want to check when it should actually be. Could you tell me?",
  base=D(2026, 10, 1), interval=(W, 8))
q("maintenance", "next_n",
  "I started B12 shots every other month on 15 January 2026 and I've kept to the same "
  "date ever since (15 March, 15 May and so on). What are my next 4 dates?",
  base=D(2026, 1, 15), interval=(M, 2), n=4)
q("maintenance", "all",
  "My B12 injections are 3-monthly. The last one was on 20 October. I'm trying to fill in "
  "my new diary - can you list all the injection dates that fall in 2027?",
  base=D(2026, 10, 20), interval=(M, 3), until=D(2027, 12, 31), since=D(2027, 1, 1))
q("maintenance", "next",
  "Good afternoon. I am 79 and not very good with computers so please bear with me. "
  "My GP surgery told me that I need to have the vitamin B12 injection every twelve weeks. "
  "I had the last one the day before yesterday, at the surgery with the practice nurse. "
  "When will the next one be due, so I can ring and book it?",
  base=D(2026, 11, 24), interval=(W, 12))
q("maintenance", "next",
  "I get my B12 shot once a month. My last shot was on the 3rd of this month. "
  "When do I need to schedule the next one?",
  base=D(2026, 11, 3), interval=(M, 1))
q("maintenance", "next_n",
  "I have fortnightly B12 injections. The last one was on Friday the 20th of November. "
  "Could you tell me the next two dates?",
  base=D(2026, 11, 20), interval=(W, 2), n=2)
q("maintenance", "next",
  "I'm due B12 every 3 months. My last injection was on 31 August. When is the next one?",
  base=D(2026, 8, 31), interval=(M, 3))
q("maintenance", "next",
  "Quick one: B12 injection every six weeks, last one was 22 October. When's the next?",
  base=D(2026, 10, 22), interval=(W, 6))
q("maintenance", "next_n",
  "I take injection B12 each 10 weeks. The last was on 1 October. Please tell me the "
  "next 3 dates for injection.",
  base=D(2026, 10, 1), interval=(W, 10), n=3)
q("maintenance", "next",
  "My husband has his B12 jab once every 2 months. He last had it on 30 September. "
  "When's he next due?",
  base=D(2026, 9, 30), interval=(M, 2))
q("maintenance", "all",
  "B12 every 4 weeks for me, last jab was 12 November. Can you list every date I'll need one "
  "from now up to the end of March 2027?",
  base=D(2026, 11, 12), interval=(W, 4), until=D(2027, 3, 31))
q("maintenance", "next",
  "had my b12 shot on the 5th of this month, doc says evry 3 monthes. so when is the next 1",
  base=D(2026, 11, 5), interval=(M, 3))
q("maintenance", "next_n",
  "I've been getting monthly B12 shots since 29 May 2026, on the 29th of every month "
  "(or the last day of the month if there's no 29th). What are my next 2 dates?",
  base=D(2026, 5, 29), interval=(M, 1), n=2)
q("maintenance", "next",
  "I had my B12 injection yesterday. It's every 12 weeks. What's the date of the next one?",
  base=D(2026, 11, 25), interval=(W, 12))
q("maintenance", "next",
  "I had my B12 jab a week ago today and I have them every two weeks. When's my next one?",
  base=D(2026, 11, 19), interval=(W, 2))

# ======================= LOADING ONLY (17) =======================
q("loading", "last_loading",
  "I started my B12 loading doses on Monday 23 November - every other day for 2 weeks. "
  "What date will be my last loading injection?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 23), weeks=2))
q("loading", "count_left",
  "I'm having B12 injections three times a week for two weeks. The first one was on "
  "Monday 16 November. How many more have I got left?",
  loading=dict(type="per_week", start=D(2026, 11, 16), per_week=3, weeks=2))
q("loading", "next",
  "The nurse said every other day for 6 doses of B12, and I started on Saturday 21 November. "
  "When is my next one?",
  loading=dict(type="eod_doses", start=D(2026, 11, 21), n=6))
q("loading", "all",
  "My doctor wants me to have B12 injections daily for 7 days, starting this coming Monday, "
  "30 November. Can you list all the dates for me?",
  loading=dict(type="daily", start=D(2026, 11, 30), n=7))
q("loading", "next_n",
  "I'm on a loading course of B12 - twice a week for 4 weeks. The first was on Tuesday "
  "10 November. What are my next 3 injection dates?",
  loading=dict(type="per_week", start=D(2026, 11, 10), per_week=2, weeks=4), n=3)
q("loading", "last_loading",
  "I'm starting B12 injections on 2 December, every other day for 3 weeks. "
  "When will the loading finish - what's the last date?",
  loading=dict(type="eod_weeks", start=D(2026, 12, 2), weeks=3))
q("loading", "count_left",
  "nurse told me every other day for 10 injections of B12. first one was 19 November. "
  "how many injections still to go?",
  loading=dict(type="eod_doses", start=D(2026, 11, 19), n=10))
q("loading", "next",
  "I have my B12 loading injections on Mondays, Wednesdays and Fridays for 2 weeks. "
  "I started on Wednesday the 18th of November. When is the next one?",
  loading=dict(type="weekdays", start=D(2026, 11, 18), days=[MON, WED, FRI], weeks=2))
q("loading", "all",
  "Loading dose is 1mg B12 every other day for 1 week, starting Sunday 29 November. "
  "Please list all the injection dates.",
  loading=dict(type="eod_weeks", start=D(2026, 11, 29), weeks=1))
q("loading", "next",
  "I was told to do B12 injections daily for 5 days and I started on Tuesday (the 24th). "
  "Do I need one today or is my next one tomorrow?",
  loading=dict(type="daily", start=D(2026, 11, 24), n=5))
q("loading", "last_loading",
  "Starting B12 shots three times a week for 2 weeks, first one Tuesday 1 December. "
  "What's the date of the last one?",
  loading=dict(type="per_week", start=D(2026, 12, 1), per_week=3, weeks=2))
q("loading", "count_left",
  "B12 every other day for 2 weeks, first jab was Saturday 21st November. "
  "How many jabs are left?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 21), weeks=2))
q("loading", "next_n",
  "I must do injection vitamin B12 every second day, 8 injection in total. The first was "
  "17 of November. Which are the next 2 days for injection?",
  loading=dict(type="eod_doses", start=D(2026, 11, 17), n=8), n=2)
q("loading", "all",
  "I'm caring for my dad. He's starting B12 twice weekly for 3 weeks, on Mondays and "
  "Thursdays, beginning Monday 7 December. Can you write out all the dates so I can put "
  "them on the calendar?",
  loading=dict(type="weekdays", start=D(2026, 12, 7), days=[MON, THU], weeks=3))
q("loading", "last_loading",
  "I'm having B12 injections daily for 10 days starting 24 November. "
  "When's the last one?",
  loading=dict(type="daily", start=D(2026, 11, 24), n=10))
q("loading", "count_left",
  "I'm doing B12 on Mon, Wed and Fri for 4 weeks. Began on Monday 9 November. "
  "How many injections have I still got to have?",
  loading=dict(type="weekdays", start=D(2026, 11, 9), days=[MON, WED, FRI], weeks=4))
q("loading", "next",
  "I've been having B12 every other day for 4 weeks, starting on the 3rd of this month. "
  "When's the next injection?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 3), weeks=4))

# ======================= BOTH PHASES (18) =======================
q("both", "first_maintenance",
  "I've been told I need B12 injections three times a week for 2 weeks starting Monday "
  "30 November, and after that every 3 months. When will my first 3-monthly one be?",
  loading=dict(type="per_week", start=D(2026, 11, 30), per_week=3, weeks=2),
  interval=(M, 3))
q("both", "first_maintenance",
  "My plan is B12 every other day for 2 weeks starting 1 December, then every other month. "
  "What date is the first maintenance injection?",
  loading=dict(type="eod_weeks", start=D(2026, 12, 1), weeks=2), interval=(M, 2))
q("both", "all",
  "Doctor says B12 daily for 5 days from Monday 7 December, then monthly. Can you give me "
  "all the loading dates and the first 3 monthly ones?",
  loading=dict(type="daily", start=D(2026, 12, 7), n=5), interval=(M, 1), n_maint=3)
q("both", "next",
  "I had 6 loading injections of B12, every other day, starting 1 October. After that it's "
  "every 4 weeks. When is my next injection?",
  loading=dict(type="eod_doses", start=D(2026, 10, 1), n=6), interval=(W, 4))
q("both", "next_n",
  "I'm on B12 loading three times a week for 2 weeks, started Monday 23 November, and then "
  "it goes to every 12 weeks. What are my next 5 injection dates?",
  loading=dict(type="per_week", start=D(2026, 11, 23), per_week=3, weeks=2),
  interval=(W, 12), n=5)
q("both", "last_loading",
  "My neurologist put me on B12 every other day for 3 weeks from 16 November, then every "
  "2 months after. When's the last of the every-other-day ones?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 16), weeks=3), interval=(M, 2))
q("both", "count_left",
  "B12: every other day for 10 doses, started 13 November, afterwards every three months. "
  "How many of the every-other-day ones are left?",
  loading=dict(type="eod_doses", start=D(2026, 11, 13), n=10), interval=(M, 3))
q("both", "first_maintenance",
  "I started B12 every other day for 1 week on Tuesday 24 November, and then it's every "
  "3 months. When is my first 3-monthly injection?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 24), weeks=1), interval=(M, 3))
q("both", "next",
  "doin b12 twice a week for 3 wks, started thurs 12 nov, then every 8 wks after. "
  "do i need one today??",
  loading=dict(type="per_week", start=D(2026, 11, 12), per_week=2, weeks=3),
  interval=(W, 8))
q("both", "all",
  "My wife is starting B12 loading on Mondays, Wednesdays and Fridays for two weeks from "
  "Monday 14 December, then every 12 weeks. Please list all the loading dates and the "
  "first two maintenance dates. I think one might land on Christmas Day?",
  loading=dict(type="weekdays", start=D(2026, 12, 14), days=[MON, WED, FRI], weeks=2),
  interval=(W, 12), n_maint=2)
q("both", "next",
  "I had my loading doses in August (every other day for 2 weeks, the first on 3 August) "
  "and now I'm on every 2 months. When's my next one?",
  loading=dict(type="eod_weeks", start=D(2026, 8, 3), weeks=2), interval=(M, 2))
q("both", "first_maintenance",
  "Doctor give me B12 daily 7 days, start 28 November, after that every month. "
  "When is the first monthly injection?",
  loading=dict(type="daily", start=D(2026, 11, 28), n=7), interval=(M, 1))
q("both", "next_n",
  "I had B12 every other day for 10 doses starting 2 November, and now I'm on every 4 weeks. "
  "What are my next three dates?",
  loading=dict(type="eod_doses", start=D(2026, 11, 2), n=10), interval=(W, 4), n=3)
q("both", "last_loading",
  "I'm due to start B12 three times a week for 3 weeks on Wednesday 2 December, then every "
  "3 months. What's the last loading date?",
  loading=dict(type="per_week", start=D(2026, 12, 2), per_week=3, weeks=3), interval=(M, 3))
q("both", "count_left",
  "I'm on B12 every other day for 2 weeks - started 19 November - then every 2 months. "
  "How many loading jabs have I got left?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 19), weeks=2), interval=(M, 2))
q("both", "all",
  "I'm starting B12 today: every other day for 6 doses, then every 3 months. Can you list "
  "every injection date from today to the end of 2027?",
  loading=dict(type="eod_doses", start=TODAY, n=6), interval=(M, 3),
  until=D(2027, 12, 31))
q("both", "next",
  "I did my B12 loading twice a week for 3 weeks starting Monday 5 October, and now it's "
  "every 6 weeks. When's my next one due?",
  loading=dict(type="per_week", start=D(2026, 10, 5), per_week=2, weeks=3), interval=(W, 6))
q("both", "first_maintenance",
  "I had my first B12 shot last Monday. It's every other day for 3 weeks, then monthly. "
  "When will the first monthly one be?",
  loading=dict(type="eod_weeks", start=D(2026, 11, 23), weeks=3), interval=(M, 1))


# ---------------------------------------------------------------- compute
def fmt(ds):
    return [d.isoformat() for d in ds]


def ambiguity_flag(base, interval, dates):
    """Would repeated month-stepping give different dates? (flag only)"""
    if interval is None or interval[0] != "months" or not dates:
        return ""
    allm = maint_dates(base, interval, upto=max(dates))
    it = iterative_month_dates(base, interval, len(allm))
    if allm != it:
        return (" NB end-of-month: base+k*interval used; repeated stepping would give "
                + ", ".join(fmt([x for x, y in zip(it, allm) if x != y])) + " instead.")
    return ""


def solve(item):
    phase, asks, kw = item["phase"], item["asks"], item["kw"]
    L = loading_dates(item["loading"]) if item["loading"] else []
    if phase == "maintenance":
        base = item["base"]
    elif phase == "both":
        base = L[-1]
    else:
        base = None
    Mt = maint_dates(base, item["interval"]) if base else []
    seq = sorted(L + Mt)
    future = [d for d in seq if d >= TODAY]
    count = None
    note = ""
    if phase != "maintenance":
        note += "loading: " + ", ".join(fmt(L)) + f" ({len(L)} doses). "
    if base:
        u, n = item["interval"]
        note += f"maintenance base {base} + k*{n} {u}. "
    if asks == "next":
        exp = future[:1]
    elif asks == "next_n":
        exp = future[:kw["n"]]
    elif asks == "last_loading":
        exp = [L[-1]]
    elif asks == "count_left":
        exp = [d for d in L if d >= TODAY]
        assert TODAY not in L, "count_left with an injection today is ambiguous"
        count = len(exp)
    elif asks == "first_maintenance":
        exp = [Mt[0]]
    elif asks == "all":
        if phase == "loading":
            exp = L
        elif phase == "maintenance":
            since = kw.get("since", TODAY)
            exp = [d for d in Mt if since <= d <= kw["until"]]
        else:
            if "n_maint" in kw:
                exp = L + Mt[:kw["n_maint"]]
            else:
                exp = L + [d for d in Mt if d <= kw["until"]]
    else:
        raise ValueError(asks)
    assert exp, item["text"]
    note += f"today {TODAY}; asks={asks}"
    if "n" in kw:
        note += f" n={kw['n']}"
    if "until" in kw:
        note += f" until {kw['until']}"
    if "n_maint" in kw:
        note += f" n_maint={kw['n_maint']}"
    note += " -> " + ", ".join(fmt(exp)) + "."
    if TODAY in exp and asks in ("next", "next_n"):
        note += " Today is an injection day (on or after today)."
    if base:
        note += ambiguity_flag(base, item["interval"], exp)
    return exp, count, note


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_blind.jsonl")
    rows = []
    for i, item in enumerate(Q, 1):
        exp, count, note = solve(item)
        rows.append({"id": f"t{i:02d}", "phase": item["phase"], "asks": item["asks"],
                     "text": item["text"], "expected_dates": fmt(exp),
                     "expected_count": count, "note": note})
    with open(out, "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(rows), "questions ->", out)
    print("phase:", dict(Counter(r["phase"] for r in rows)))
    print("asks:", dict(Counter(r["asks"] for r in rows)))
    print("phase x asks:", dict(Counter((r["phase"], r["asks"]) for r in rows)))


if __name__ == "__main__":
    main()
