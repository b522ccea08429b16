#!/usr/bin/env python3
"""Blind test set of B12 injection-date questions with computed expected answers.
Conventions: today = 2026-11-24 (Tue); next = first date on or after today;
maintenance series = anchor + k*interval (k>=1), months with end-of-month clamping."""
import os
import calendar
import json
from datetime import date, timedelta

TODAY = date(2026, 11, 24)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_blind.jsonl")


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_interval(d, interval, k=1):
    unit, n = interval
    if unit == "weeks":
        return d + timedelta(days=7 * n * k)
    if unit == "months":
        return add_months(d, n * k)
    raise ValueError(unit)


def loading_dates(spec):
    kind, start = spec["kind"], spec["start"]
    if kind == "eod_weeks":          # days 0,2,4,... within first 7*W days
        return [start + timedelta(days=i) for i in range(0, 7 * spec["weeks"], 2)]
    if kind == "eod_doses":
        return [start + timedelta(days=2 * i) for i in range(spec["doses"])]
    if kind == "daily":
        return [start + timedelta(days=i) for i in range(spec["days"])]
    if kind == "weekly":
        return [start + timedelta(days=7 * i) for i in range(spec["weeks"])]
    if kind == "tpw":                # N per week, fixed offsets from first injection
        offs = {1: [0], 2: [0, 3], 3: [0, 2, 4]}[spec["per_week"]]
        return [start + timedelta(days=7 * w + o) for w in range(spec["weeks"]) for o in offs]
    if kind == "weekdays":           # named weekdays (0=Mon), W*N injections from start
        n = len(spec["weekdays"]) * spec["weeks"]
        out, d = [], start
        while len(out) < n:
            if d.weekday() in spec["weekdays"]:
                out.append(d)
            d += timedelta(days=1)
        return out
    raise ValueError(kind)


def maintenance_series(anchor, interval, count=60):
    return [add_interval(anchor, interval, k) for k in range(1, count + 1)]


def full_series(q):
    load = loading_dates(q["loading"]) if "loading" in q else []
    if "maint" in q:
        anchor = load[-1] if load else q["maint"]["last"]
        maint = maintenance_series(anchor, q["maint"]["interval"])
    else:
        maint = []
    return load, maint


def compute(q):
    load, maint = full_series(q)
    allseq = load + maint
    a = q["asks"]
    today = q.get("today_done_cutoff", TODAY)   # first date still to come
    upcoming = [d for d in allseq if d >= today]
    count = None
    if a == "next":
        dates = upcoming[:1]
    elif a == "next_n":
        dates = upcoming[:q["n"]]
    elif a == "last_loading":
        dates = [load[-1]]
    elif a == "count_left":
        dates = [d for d in load if d >= today]
        count = len(dates)
    elif a == "first_maintenance":
        dates = [maint[0]]
    elif a == "all":
        if "until" in q:
            dates = [d for d in allseq if q.get("from", date.min) <= d <= q["until"]]
        else:
            dates = load + maint[:q.get("n_maint", 0)]
    else:
        raise ValueError(a)
    return dates, count


D = date
W = lambda n: ("weeks", n)
M = lambda n: ("months", n)

Q = [
    # ---------------- maintenance only (20) ----------------
    dict(id="t01", asks="next", maint=dict(last=D(2026, 10, 2), interval=M(3)),
         text="Hi, I had my vitamin B12 injection on 2 October and I get it every 3 months. When is my next one due?"),
    dict(id="t02", asks="next", maint=dict(last=D(2026, 9, 8), interval=W(12)),
         text="hi nurse said b12 evry 12 wks, last 1 was 8th sept. when is next??"),
    dict(id="t03", asks="next", maint=dict(last=D(2026, 11, 3), interval=M(1)),
         text="Good afternoon. I am 79 and my memory is not what it was, so forgive me for asking. "
              "Since my pernicious anaemia was diagnosed some years ago I have my B12 injection once a month "
              "at the practice. The last one was on the 3rd of this month. Could you tell me the date of the next one please?"),
    dict(id="t04", asks="next_n", n=3, maint=dict(last=D(2026, 10, 19), interval=W(8)),
         text="I look after my mum who has dementia. She gets her B12 jab every 8 weeks at the GP surgery and the last one "
              "was on 19 October. Can you give me her next three dates so I can book the hospital transport?"),
    dict(id="t05", asks="next", maint=dict(last=D(2026, 9, 30), interval=M(2)),
         text="Hello, I am from Poland. I receive the vitamin B12 injection every two month. Last time was 30 of September. When I must go next time?"),
    dict(id="t06", asks="next", maint=dict(last=D(2026, 10, 31), interval=M(1)),
         text="My last B12 jab was on the 31st of October and I have them monthly. What date is the next one?"),
    dict(id="t07", asks="next", maint=dict(last=D(2026, 11, 3), interval=W(4)),
         text="I get B12 every 4 weeks. Last one was Tuesday 3 November. When do I need to go back?"),
    dict(id="t08", asks="next", maint=dict(last=D(2026, 11, 23), interval=M(3)),
         text="Had my 3-monthly B12 injection yesterday. When's the next one?"),
    dict(id="t09", asks="next_n", n=2, maint=dict(last=D(2026, 10, 1), interval=W(12)),
         text="I have a B12 injection every twelve weeks. The last one was on 1 October 2026. What are my next two dates?"),
    dict(id="t10", asks="all", until=D(2027, 12, 31), **{"from": D(2027, 1, 1)},
         maint=dict(last=D(2026, 9, 2), interval=M(3)),
         text="I'm on hydroxocobalamin injections every 3 months at the surgery. My last one was on the 2nd of September. "
              "Could you list all my injection dates for 2027 so I can put them in my diary?"),
    dict(id="t11", asks="next_n", n=3, maint=dict(last=D(2026, 11, 20), interval=M(1)),
         text="I have B12 once a month, last one was on 20 November. Please tell me the next 3 dates."),
    dict(id="t12", asks="next", maint=dict(last=D(2026, 10, 15), interval=M(2)),
         text="I get my B12 injection every other month. I had the last one on 15 October. When is the next one?"),
    dict(id="t13", asks="next", maint=dict(last=D(2026, 9, 28), interval=M(2)),
         text="b12 shot evrey 2 monts, lst one 28 sept, wen is nxt one pls"),
    dict(id="t14", asks="next_n", n=4, maint=dict(last=D(2026, 11, 6), interval=W(4)),
         text="I get my B12 shot every 4 weeks at the pharmacy. My last one was Friday, November 6. "
              "Can you tell me when my next 4 shots are?"),
    dict(id="t15", asks="next", maint=dict(last=D(2026, 11, 20), interval=W(10)),
         text="My B12 injections are every 10 weeks and I had one last Friday. When's the next?"),
    dict(id="t16", asks="next", maint=dict(last=D(2026, 8, 24), interval=M(3)),
         text="I'm asking for my father. He has B12 injections every three months and his last one was on 24 August. "
              "When is his next injection due?"),
    dict(id="t17", asks="next_n", n=2, maint=dict(last=D(2026, 10, 29), interval=M(1)),
         text="Monthly B12 jab, last given on 29 October. What are the next two dates?"),
    dict(id="t18", asks="next", maint=dict(last=D(2026, 1, 13), interval=W(6)),
         text="I've had a B12 injection every 6 weeks without missing one since 13 January 2026. When is my next one?"),
    dict(id="t19", asks="next", maint=dict(last=D(2026, 3, 5), interval=M(3)),
         text="Since 5 March 2026 I have had my B12 every 3 months, always on time. When is the next one?"),
    dict(id="t20", asks="next_n", n=3, maint=dict(last=D(2026, 11, 19), interval=W(2)),
         text="I have a fortnightly B12 jab, the last one was on Thursday 19 November. What are my next three dates?"),

    # ---------------- loading only (17) ----------------
    dict(id="t21", asks="last_loading", loading=dict(kind="eod_weeks", start=D(2026, 11, 23), weeks=2),
         text="I started my B12 loading doses yesterday, every other day for 2 weeks. When will the last one be?"),
    dict(id="t22", asks="count_left", loading=dict(kind="eod_weeks", start=D(2026, 11, 17), weeks=2),
         text="I'm having B12 injections every other day for two weeks, starting 17 November. I've had 4 so far. "
              "How many injections are left?"),
    dict(id="t23", asks="last_loading", loading=dict(kind="daily", start=D(2026, 11, 20), days=7),
         text="Doctor put me on B12 injections daily for 7 days starting 20 November. When is the final shot?"),
    dict(id="t24", asks="next", loading=dict(kind="tpw", start=D(2026, 11, 16), per_week=3, weeks=2),
         text="I'm having B12 injections 3 times a week for 2 weeks. I started on Monday 16 November. When is my next one?"),
    dict(id="t25", asks="all", loading=dict(kind="tpw", start=D(2026, 11, 19), per_week=2, weeks=3),
         text="I need B12 injections twice a week for 3 weeks, and the first was on Thursday 19 November. "
              "Please list all the injection dates."),
    dict(id="t26", asks="last_loading", loading=dict(kind="weekdays", start=D(2026, 11, 13), weekdays=[1, 4], weeks=4),
         text="The nurse comes on Tuesdays and Fridays to give me B12, for 4 weeks. The first visit was Friday 13 November. "
              "What date is the last visit?"),
    dict(id="t27", asks="next_n", n=3, loading=dict(kind="eod_doses", start=D(2026, 11, 21), doses=6),
         text="I have 6 B12 loading injections, every other day, and the first one was on 21 November. "
              "What are the next three dates?"),
    dict(id="t28", asks="all", loading=dict(kind="eod_doses", start=D(2026, 11, 22), doses=5),
         text="Doctor say me injection B12 every second day, total 5 injection, first was on 22 november. Which days are all of them?"),
    dict(id="t29", asks="count_left", loading=dict(kind="daily", start=D(2026, 11, 26), days=5),
         text="I'm supposed to start daily B12 shots for 5 days on Thursday 26 November. How many shots do I have left to do from today?"),
    dict(id="t30", asks="count_left", loading=dict(kind="eod_weeks", start=D(2026, 11, 10), weeks=3),
         today_done_cutoff=TODAY + timedelta(days=1),
         text="I'm on B12 every other day for 3 weeks, started 10 November. I already had today's injection this morning. "
              "How many more injections do I still need?"),
    dict(id="t31", asks="all", loading=dict(kind="weekdays", start=D(2026, 11, 25), weekdays=[0, 2, 4], weeks=2),
         text="I have to get B12 on Mondays, Wednesdays and Fridays for 2 weeks, the first one is tomorrow, Wednesday the 25th. "
              "Can you write out all the dates?"),
    dict(id="t32", asks="last_loading", loading=dict(kind="weekly", start=D(2026, 11, 12), weeks=4),
         text="I'm having a B12 injection once a week for 4 weeks, starting Thursday 12 November. When is the last one?"),
    dict(id="t33", asks="count_left", loading=dict(kind="eod_weeks", start=D(2026, 11, 19), weeks=2),
         text="b12 loadin doses evry other day x 2wks, startd 19th nov. how many more do i need"),
    dict(id="t34", asks="last_loading", loading=dict(kind="daily", start=D(2026, 11, 20), days=10),
         text="I was told to have a B12 injection every day for 10 days, starting from 20 November. Which day is the last one?"),
    dict(id="t35", asks="all", loading=dict(kind="eod_weeks", start=D(2026, 12, 1), weeks=2),
         text="My husband is starting B12 injections on 1 December, every other day for 2 weeks. I'm organising lifts for him, "
              "could you list every date he needs to go in?"),
    dict(id="t36", asks="next", loading=dict(kind="eod_doses", start=D(2026, 11, 15), doses=10),
         text="I'm getting 10 B12 injections every other day, the first one was on Sunday 15 November. When is my next one?"),
    dict(id="t37", asks="count_left", loading=dict(kind="tpw", start=D(2026, 11, 9), per_week=2, weeks=4),
         text="I get B12 twice a week for 4 weeks, starting Monday 9 November (so Mondays and Thursdays). How many injections are left?"),

    # ---------------- both phases (18) ----------------
    dict(id="t38", asks="first_maintenance", loading=dict(kind="eod_weeks", start=D(2026, 11, 17), weeks=2),
         maint=dict(interval=M(3)),
         text="I started B12 injections on 17 November, every other day for 2 weeks, and after that every 3 months. "
              "When does the 3-monthly one start?"),
    dict(id="t39", asks="first_maintenance", loading=dict(kind="daily", start=D(2026, 11, 22), days=7),
         maint=dict(interval=M(1)),
         text="Daily B12 for 7 days from 22 November, then monthly. When is my first monthly injection?"),
    dict(id="t40", asks="all", n_maint=2, loading=dict(kind="tpw", start=D(2026, 11, 16), per_week=3, weeks=2),
         maint=dict(interval=W(12)),
         text="I'm having B12 three times a week for two weeks, starting Monday 16 November, then every 12 weeks. "
              "Please write out every date: the loading ones and the first two 12-weekly ones."),
    dict(id="t41", asks="next", loading=dict(kind="eod_weeks", start=D(2026, 11, 10), weeks=2),
         maint=dict(interval=M(2)),
         text="I had B12 loading every other day for 2 weeks starting 10 November, and now it's every 2 months. When's my next injection?"),
    dict(id="t42", asks="next", loading=dict(kind="eod_doses", start=D(2026, 11, 20), doses=6),
         maint=dict(interval=M(1)),
         text="I'm on 6 B12 loading jabs every other day, the first was on 20 November, then monthly after that. "
              "I haven't been in yet today. When is my next one?"),
    dict(id="t43", asks="first_maintenance", loading=dict(kind="eod_weeks", start=D(2027, 1, 19), weeks=2),
         maint=dict(interval=M(1)),
         text="My B12 loading starts on 19 January 2027, every other day for two weeks, and then monthly injections. "
              "When is the first monthly one?"),
    dict(id="t44", asks="next", loading=dict(kind="eod_weeks", start=D(2026, 11, 2), weeks=2),
         maint=dict(interval=M(3)),
         text="I had the loading doses of B12 every other day for 2 weeks starting 2 November, and now I'm on 3-monthly. "
              "When is my next jab?"),
    dict(id="t45", asks="next_n", n=5, loading=dict(kind="eod_weeks", start=D(2026, 11, 21), weeks=2),
         maint=dict(interval=W(8)),
         text="mum started her b12 injections 21st nov, every other day for 2 weeks then evry 8 weeks. what r her next 5 dates"),
    dict(id="t46", asks="next_n", n=5, loading=dict(kind="daily", start=D(2026, 11, 23), days=5),
         maint=dict(interval=W(4)),
         text="I'm having daily B12 for 5 days starting yesterday, then every 4 weeks. I haven't had today's yet. "
              "Can you give me my next 5 injection dates?"),
    dict(id="t47", asks="first_maintenance", loading=dict(kind="weekdays", start=D(2026, 11, 12), weekdays=[0, 3], weeks=3),
         maint=dict(interval=M(1)),
         text="I get B12 twice a week for 3 weeks, on Mondays and Thursdays, starting Thursday 12 November, then once a month. "
              "When is the first monthly injection?"),
    dict(id="t48", asks="last_loading", loading=dict(kind="eod_weeks", start=D(2026, 11, 24), weeks=2),
         maint=dict(interval=W(12)),
         text="Starting today I'm on B12 every other day for 2 weeks, then every twelve weeks. When is my last loading dose?"),
    dict(id="t49", asks="count_left", loading=dict(kind="eod_weeks", start=D(2026, 11, 15), weeks=2),
         maint=dict(interval=M(1)),
         text="I'm on B12 every other day for 2 weeks from 15th Nov, then monthly. How many loading jabs have I got left?"),
    dict(id="t50", asks="all", until=D(2027, 6, 30), loading=dict(kind="daily", start=D(2026, 12, 1), days=3),
         maint=dict(interval=M(2)),
         text="I'm having B12 daily for 3 days starting 1 December, then every other month. "
              "Please list all my injections up to the end of June 2027."),
    dict(id="t51", asks="first_maintenance", loading=dict(kind="weekly", start=D(2026, 11, 10), weeks=4),
         maint=dict(interval=M(3)),
         text="I have weekly B12 injections for 4 weeks starting Tuesday 10 November, then every 3 months. "
              "When does the 3-monthly start?"),
    dict(id="t52", asks="next", loading=dict(kind="eod_weeks", start=D(2026, 11, 3), weeks=2),
         maint=dict(interval=M(3)),
         text="I'm 82 and live on my own. The district nurse gave me my first B12 loading injection on the 3rd of this month, "
              "and she came every other day for two weeks. After that it's every three months, she said. "
              "My daughter wants to know when the nurse is coming next so she can be here. Which date is it?"),
    dict(id="t53", asks="all", n_maint=3, loading=dict(kind="weekdays", start=D(2026, 11, 30), weekdays=[0, 2, 4], weeks=2),
         maint=dict(interval=W(4)),
         text="i start B12 shots, 3 times in week for 2 weeks, monday wednesday friday, first is monday 30 november. "
              "After this, shot every 4 week. Give me all dates of the loading and the first 3 shots after."),
    dict(id="t54", asks="first_maintenance", loading=dict(kind="eod_weeks", start=D(2026, 11, 23), weeks=2),
         maint=dict(interval=W(10)),
         text="Started B12 every other day for 2 weeks yesterday, then every 10 weeks. When's the first 10-weekly one?"),
    dict(id="t55", asks="next_n", n=3, loading=dict(kind="eod_weeks", start=D(2026, 11, 12), weeks=2),
         maint=dict(interval=M(2)),
         text="I started B12 on 12 November, every other day for 2 weeks, then every 2 months. "
              "I haven't had today's yet. What are my next 3 dates?"),
]


def phase_of(q):
    if "loading" in q and "maint" in q:
        return "both"
    return "loading" if "loading" in q else "maintenance"


def note_of(q, dates, count):
    load, maint = full_series(q)
    parts = []
    if load:
        parts.append(f"loading {q['loading']['kind']} {', '.join(d.isoformat() for d in load)}")
    if "maint" in q:
        anchor = load[-1] if load else q["maint"]["last"]
        u, n = q["maint"]["interval"]
        parts.append(f"maintenance {anchor.isoformat()} + k*{n} {u}: "
                     + ", ".join(d.isoformat() for d in maint[:5]) + ", ...")
    cut = q.get("today_done_cutoff", TODAY)
    parts.append(f"asks={q['asks']}, upcoming means >= {cut.isoformat()}"
                 + (" (patient already had today's dose)" if cut != TODAY else ""))
    if count is not None:
        parts.append(f"count={count}")
    return "; ".join(parts)


def main():
    assert date(2026, 11, 24).weekday() == 1
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert loading_dates(dict(kind="eod_weeks", start=date(2026, 1, 1), weeks=2))[-1] == date(2026, 1, 13)
    assert len(Q) == 55 and len({q["id"] for q in Q}) == 55
    with open(OUT, "w") as f:
        for q in Q:
            dates, count = compute(q)
            rec = {"id": q["id"], "phase": phase_of(q), "asks": q["asks"], "text": q["text"],
                   "expected_dates": [d.isoformat() for d in dates], "expected_count": count,
                   "note": note_of(q, dates, count)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    from collections import Counter
    print(Counter(phase_of(q) for q in Q), Counter(q["asks"] for q in Q))


if __name__ == "__main__":
    main()
