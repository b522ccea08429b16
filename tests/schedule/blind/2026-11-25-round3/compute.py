#!/usr/bin/env python3
"""Blind test set (round 3) of B12 injection-date questions with computed answers.
Today = Tuesday 2026-11-24. Plain datetime only."""
import os
import calendar
import json
from datetime import date, timedelta

TODAY = date(2026, 11, 24)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_blind.jsonl")
D = date


def add_months(d, k):
    m0 = d.month - 1 + k
    y, m = d.year + m0 // 12, m0 % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_interval(d, interval, k):
    unit, n = interval
    if unit == "weeks":
        return d + timedelta(weeks=n * k)
    return add_months(d, n * k)  # anchored on d, clamped at month end


def loading_dates(spec):
    kind = spec[0]
    if kind == "eod_weeks":          # every other day for N weeks
        _, start, n = spec
        return [start + timedelta(days=i) for i in range(0, 7 * n, 2)]
    if kind == "eod_doses":          # every other day, N doses
        _, start, n = spec
        return [start + timedelta(days=2 * i) for i in range(n)]
    if kind == "daily":              # daily for N days
        _, start, n = spec
        return [start + timedelta(days=i) for i in range(n)]
    if kind == "perweek":            # N a week for W weeks, pattern fixed from first shot
        _, start, n, w = spec
        offs = {1: [0], 2: [0, 3], 3: [0, 2, 4]}[n]
        return [start + timedelta(days=7 * wk + o) for wk in range(w) for o in offs]
    if kind == "weekdays":           # named weekdays (0=Mon), total count
        _, start, wds, total = spec
        out, d = [], start
        while len(out) < total:
            if d.weekday() in wds:
                out.append(d)
            d += timedelta(days=1)
        return out
    raise ValueError(kind)


def schedule(q, count):
    """Return the first `count` dates of the whole schedule (loading then maintenance)."""
    load = loading_dates(q["load"]) if q.get("load") else []
    dates = list(load)
    if q.get("maint"):
        anchor = load[-1] if load else q["last_given"]
        k = 1
        while len(dates) < count + len(load) + 5 or dates[-1] < TODAY + timedelta(days=1):
            dates.append(add_interval(anchor, q["maint"], k))
            k += 1
            if k > 500:
                break
    return load, dates


def answer(q):
    load, dates = schedule(q, 40)
    upcoming = [d for d in dates if d >= TODAY]
    a = q["asks"]
    cnt = None
    if a == "next":
        exp = upcoming[:1]
    elif a == "next_n":
        exp = upcoming[: q["n"]]
    elif a == "last_loading":
        exp = [load[-1]]
    elif a == "count_left":
        exp = [d for d in load if d >= TODAY]
        cnt = len(exp)
    elif a == "first_maintenance":
        exp = [add_interval(load[-1], q["maint"], 1)]
    elif a == "all":
        exp = list(load)
        if q.get("maint"):
            exp += [add_interval(load[-1], q["maint"], k) for k in range(1, q.get("n_maint", 1) + 1)]
    else:
        raise ValueError(a)
    return [d.isoformat() for d in exp], cnt, load


Q = [
    # ---------------- maintenance only (20) ----------------
    dict(id="u01", phase="maintenance", asks="next", last_given=D(2026, 9, 2), maint=("months", 3),
         text="hi my doctor say b12 injection every 3 month for me. last one i get was 2nd of september. when i go next time?"),
    dict(id="u02", phase="maintenance", asks="next_n", n=2, last_given=D(2026, 9, 15), maint=("weeks", 12),
         text="I look after my mum, she's 84 and has her B12 jab at the surgery every twelve weeks. Her last one was on the 15th of September. When is her next one due, and the one after that? I need to sort out lifts."),
    dict(id="u03", phase="maintenance", asks="next_n", n=3, last_given=D(2026, 11, 23), maint=("months", 1),
         text="Had my monthly B12 injection yesterday. Could you give me the next three dates so I can pop them in my diary?"),
    dict(id="u04", phase="maintenance", asks="next", last_given=D(2026, 11, 19), maint=("weeks", 2),
         text="fortnightly b12 shots, last one was last thursday. when's the next?"),
    dict(id="u05", phase="maintenance", asks="next", last_given=D(2026, 10, 31), maint=("months", 1),
         text="I get a hydroxocobalamin injection once a month. My last one was on Saturday 31 October. What date is the next one?"),
    dict(id="u06", phase="maintenance", asks="next", last_given=D(2026, 10, 10), maint=("months", 2),
         text="Good day. I am receiving the vitamin B12 injection one time every other month. The last injection I received on 10 October. Please tell me which date is the next."),
    dict(id="u07", phase="maintenance", asks="next_n", n=2, last_given=D(2026, 10, 6), maint=("weeks", 8),
         text="My B12 is every 8 weeks now. Last shot was Tuesday October 6th. What are my next two appointment dates?"),
    dict(id="u08", phase="maintenance", asks="next", last_given=D(2026, 8, 28), maint=("months", 3),
         text="Dear Sir or Madam, I am 79 years of age and have pernicious anaemia. The district nurse gives me my injection every three months. I had the last one on the twenty-eighth of August this year. Could you kindly tell me when the next one ought to be? Thank you."),
    dict(id="u09", phase="maintenance", asks="next", last_given=D(2026, 11, 3), maint=("months", 3),
         text="got my b12 jab on the 3rd of this month, it's quarterly. when do i need to book the next one for??"),
    dict(id="u10", phase="maintenance", asks="next", last_given=D(2026, 10, 27), maint=("weeks", 4),
         text="I've had B12 shots on 1 September, 29 September and 27 October - they're every 4 weeks. When am I due again?"),
    dict(id="u11", phase="maintenance", asks="next_n", n=3, last_given=D(2026, 11, 5), maint=("weeks", 6),
         text="Six-weekly B12 injections for me. The last was Thursday the 5th of November. Can you list the next 3?"),
    dict(id="u12", phase="maintenance", asks="next_n", n=2, last_given=D(2026, 11, 11), maint=("months", 1),
         text="My PCP has me on B12 shots once a month. I got the last one on Veterans Day, November 11th. When are my next two shots?"),
    dict(id="u13", phase="maintenance", asks="next", last_given=D(2026, 9, 22), maint=("weeks", 10),
         text="Quick one - I have cyanocobalamin every ten weeks and the last dose was on 22nd Sept. When's the next?"),
    dict(id="u14", phase="maintenance", asks="next_n", n=2, last_given=D(2026, 9, 11), maint=("weeks", 12),
         text="Bit of background: I was diagnosed with B12 deficiency last year, did all the loading doses ages ago and I'm now on maintenance jabs every 12 weeks. The practice nurse who normally reminds me is off until January, so I need to work it out myself. My last jab was on Friday 11th September. When is my next one, and when would the one after that be?"),
    dict(id="u15", phase="maintenance", asks="next", last_given=D(2026, 11, 20), maint=("months", 2),
         text="I have B12 every 2 months, had one last Friday. Next one when?"),
    dict(id="u16", phase="maintenance", asks="next_n", n=4, last_given=D(2026, 11, 17), maint=("weeks", 3),
         text="My neurologist wants me on B12 every three weeks for now. I had one a week ago today. Please give me the next four dates."),
    dict(id="u17", phase="maintenance", asks="next", last_given=D(2026, 11, 12), maint=("weeks", 4),
         text="hii i hav b12 injecton evry 4 wks, last 1 was thurs 12 nov. wen is nxt"),
    dict(id="u18", phase="maintenance", asks="next_n", n=4, last_given=D(2026, 9, 7), maint=("months", 3),
         text="I'm on three-monthly B12 jabs. The last one was on Monday 7th September. Can you give me my next four dates so I can book them all at the GP in one go?"),
    dict(id="u19", phase="maintenance", asks="next", last_given=D(2026, 9, 29), maint=("weeks", 12),
         text="B12 schedule: once every 12 weeks. Last shot: 2026-09-29. What's the date of the next one - will it be before Christmas?"),
    dict(id="u20", phase="maintenance", asks="next_n", n=4, last_given=D(2026, 10, 30), maint=("months", 1),
         text="Hello, I have injection of B12 each month, the last was the Friday 30 of October. Which are the next four dates?"),

    # ---------------- loading only (17) ----------------
    dict(id="u21", phase="loading", asks="last_loading", load=("eod_weeks", D(2026, 11, 23), 2),
         text="Started my B12 loading doses yesterday - every other day for two weeks. When will my last one be?"),
    dict(id="u22", phase="loading", asks="count_left", load=("eod_doses", D(2026, 11, 19), 6),
         text="My dad's been prescribed six B12 injections, one every other day. His first was last Thursday (the 19th). How many has he got left, and on which days?"),
    dict(id="u23", phase="loading", asks="all", load=("daily", D(2026, 11, 21), 7),
         text="The doctor started me on B12 injections on Saturday 21st November, one every day for seven days. Could you list all of my injection dates please?"),
    dict(id="u24", phase="loading", asks="last_loading", load=("perweek", D(2026, 11, 23), 3, 2),
         text="Nurse said three times weekly for a fortnight. I had the first one yesterday (Monday). What's the date of my final loading jab?"),
    dict(id="u25", phase="loading", asks="count_left", load=("weekdays", D(2026, 11, 19), [0, 3], 8),
         text="I'm doing my B12 loading doses twice a week for four weeks, on Mondays and Thursdays. I started on Thursday 19 November. How many injections do I still have to go, and when are they?"),
    dict(id="u26", phase="loading", asks="next_n", n=3, load=("eod_weeks", D(2026, 11, 13), 3),
         text="Started loading doses on Friday the 13th (of course) - alternate days for three weeks. What are my next 3 dates?"),
    dict(id="u27", phase="loading", asks="last_loading", load=("eod_doses", D(2026, 11, 17), 8),
         text="I'm on a course of 8 B12 jabs on alternate days, first one was a week ago today. When do I finish?"),
    dict(id="u28", phase="loading", asks="last_loading", load=("eod_doses", D(2026, 11, 21), 5),
         text="My wife start B12 injection on Saturday 21 November, one injection every second day, total five injection. When is finish?"),
    dict(id="u29", phase="loading", asks="all", load=("daily", D(2026, 11, 30), 7),
         text="I'm starting B12 loading this coming Monday, 30th November. It's one shot every day for a week. Can you write out all the dates for me?"),
    dict(id="u30", phase="loading", asks="count_left", load=("weekdays", D(2026, 11, 11), [0, 2, 4], 9),
         text="Three injections a week for three weeks, Monday Wednesday Friday - I began on Wednesday 11th Nov. How many are left now?"),
    dict(id="u31", phase="loading", asks="next", load=("eod_weeks", D(2026, 11, 9), 3),
         text="Hello. I have B12 loading, every two days during three weeks. First injection was Monday, ninth of November. When I must do the next injection?"),
    dict(id="u32", phase="loading", asks="last_loading", load=("daily", D(2026, 11, 26), 5),
         text="My first B12 shot is on Thanksgiving, then one a day, five shots in total. What day is my last one?"),
    dict(id="u33", phase="loading", asks="all", load=("eod_weeks", D(2026, 11, 25), 2),
         text="I start B12 injections tomorrow. The leaflet says every other day for a fortnight. Please list every date."),
    dict(id="u34", phase="loading", asks="next_n", n=2, load=("perweek", D(2026, 11, 20), 2, 3),
         text="My husband is having B12 twice weekly for three weeks - first was Friday just gone (20th), second was yesterday, Monday. When are his next two?"),
    dict(id="u35", phase="loading", asks="count_left", load=("eod_weeks", D(2026, 11, 15), 3),
         text="I am 81 and the nurse comes to give me my B12 every other day for three weeks. She started on Sunday the 15th. How many more visits will she make, and on what days?"),
    dict(id="u36", phase="loading", asks="last_loading", load=("daily", D(2026, 11, 19), 10),
         text="I had my first jab on the 19th of this month and it's a jab every day for ten days. Remind me which day is the final one?"),
    dict(id="u37", phase="loading", asks="count_left", load=("eod_doses", D(2026, 11, 23), 6),
         text="6 injections every other day, the first was yesterday. How many more do I need and which dates?"),

    # ---------------- both phases (18) ----------------
    dict(id="u38", phase="both", asks="first_maintenance", load=("eod_weeks", D(2026, 11, 19), 2), maint=("months", 3),
         text="I started B12 loading on Thursday 19 November: every other day for 2 weeks, then every 3 months. When is my first 3-monthly injection?"),
    dict(id="u39", phase="both", asks="next", load=("eod_doses", D(2026, 10, 2), 6), maint=("weeks", 12),
         text="I had my loading doses - six jabs, every other day, starting on 2 October - and after that it's every 12 weeks. When is my next jab?"),
    dict(id="u40", phase="both", asks="next_n", n=3, load=("perweek", D(2026, 11, 16), 3, 2), maint=("months", 1),
         text="Loading is 3x a week for 2 weeks (started Monday 16th Nov), then once a month. What are my next three injection dates?"),
    dict(id="u41", phase="both", asks="all", n_maint=2, load=("daily", D(2026, 11, 30), 5), maint=("months", 1),
         text="From Monday 30 November I'm having B12 every day for 5 days, then monthly. Please list all the loading dates and the first two monthly ones."),
    dict(id="u42", phase="both", asks="next", load=("eod_weeks", D(2026, 10, 20), 2), maint=("weeks", 8),
         text="I did the loading course (every other day for two weeks, started 20th October) and now I go onto 8-weekly injections. When's my next one?"),
    dict(id="u43", phase="both", asks="first_maintenance", load=("eod_weeks", D(2026, 11, 9), 3), maint=("months", 2),
         text="My GP has put me on B12: the first part is an injection every other day for three weeks, which began on 9th November, and after that one every two months. I am a bit muddled by it all. On what date will I have the first of the two-monthly injections?"),
    dict(id="u44", phase="both", asks="first_maintenance", load=("eod_weeks", D(2027, 1, 19), 2), maint=("months", 1),
         text="Planning ahead: my B12 loading starts 19 January next year, every other day for two weeks, then monthly. When will the first monthly one fall?"),
    dict(id="u45", phase="both", asks="count_left", load=("weekdays", D(2026, 11, 12), [0, 3], 8), maint=("months", 3),
         text="I'm on eight loading jabs, Mondays and Thursdays, which started on Thursday 12 November, and then it goes to every three months. How many loading jabs have I got left?"),
    dict(id="u46", phase="both", asks="next_n", n=2, load=("eod_doses", D(2026, 9, 1), 5), maint=("weeks", 4),
         text="Back in September I had 5 loading injections every other day starting 1st September, and I've been having them every 4 weeks since. What are my next two dates?"),
    dict(id="u47", phase="both", asks="first_maintenance", load=("eod_weeks", D(2026, 11, 17), 2), maint=("months", 3),
         text="startd b12 loadin on tues 17th nov, every othr day for 2 wks then evry 3 months after. wen is my first 3 monthly 1?"),
    dict(id="u48", phase="both", asks="next_n", n=2, load=("perweek", D(2026, 11, 4), 1, 4), maint=("months", 1),
         text="I was told once a week for four weeks, then once a month. I had the first on Wednesday 4th November. What are the next two dates?"),
    dict(id="u49", phase="both", asks="all", n_maint=1, load=("perweek", D(2026, 10, 29), 1, 6), maint=("months", 2),
         text="My B12 plan: weekly injections for six weeks from Thursday 29 October, then every two months. Can you give me the full list of weekly dates plus the first two-monthly date?"),
    dict(id="u50", phase="both", asks="last_loading", load=("eod_weeks", D(2026, 12, 1), 2), maint=("weeks", 4),
         text="Guten Tag, I get B12 injections every second day for 2 weeks, beginning on 1 December, afterwards every 4 weeks. When is the last injection of the first part?"),
    dict(id="u51", phase="both", asks="next", load=("perweek", D(2026, 8, 3), 3, 2), maint=("months", 2),
         text="My loading was three times a week for two weeks starting Monday August 3rd, and I've been on every-two-months since then. When's my next shot?"),
    dict(id="u52", phase="both", asks="next", load=("eod_weeks", D(2026, 11, 3), 2), maint=("weeks", 12),
         text="My son is 15 and really hates needles so I like to warn him well in advance. The nurse did his B12 loading doses every other day for two weeks, starting on the 3rd of this month, and now he goes onto injections every twelve weeks. When is his next one?"),
    dict(id="u53", phase="both", asks="next_n", n=6, load=("eod_doses", D(2026, 11, 15), 10), maint=("weeks", 8),
         text="I'm having ten loading doses on alternate days - the first was on Sunday 15 Nov - and then one every 8 weeks. Can you give me every date from now up to and including my first 8-weekly one?"),
    dict(id="u54", phase="both", asks="first_maintenance", load=("perweek", D(2026, 11, 24), 2, 2), maint=("months", 1),
         text="I'm having my first B12 injection this afternoon. It'll be twice a week for two weeks, then once a month. When will the first monthly one be?"),
    dict(id="u55", phase="both", asks="next_n", n=3, load=("weekdays", D(2026, 11, 2), [0, 2, 4], 12), maint=("weeks", 6),
         text="B12 loading Mon/Wed/Fri for 4 weeks, started Monday 2 Nov, then every 6 weeks. What are my next 3 injections?"),
]


def describe(q, load):
    parts = [f"today {TODAY} (Tue)"]
    if load:
        parts.append(f"loading {q['load'][0]} from {q['load'][1]} -> {len(load)} doses, "
                     f"{load[0]}..{load[-1]}")
    else:
        parts.append(f"last given {q['last_given']}")
    if q.get("maint"):
        anchor = load[-1] if load else q["last_given"]
        parts.append(f"maintenance every {q['maint'][1]} {q['maint'][0]} anchored on {anchor} "
                     f"(anchor + k*interval, month-end clamp)")
    parts.append(f"asks {q['asks']}" + (f" n={q['n']}" if 'n' in q else ""))
    return "; ".join(parts)


def main():
    ids = set()
    phases = {}
    with open(OUT, "w") as f:
        for q in Q:
            assert q["id"] not in ids
            ids.add(q["id"])
            exp, cnt, load = answer(q)
            phases[q["phase"]] = phases.get(q["phase"], 0) + 1
            rec = {"id": q["id"], "phase": q["phase"], "asks": q["asks"], "text": q["text"],
                   "expected_dates": exp, "expected_count": cnt, "note": describe(q, load)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            print(q["id"], q["asks"], exp, cnt, "| load:", [d.isoformat()[5:] for d in load])
    print(len(Q), phases)


if __name__ == "__main__":
    main()
