#!/usr/bin/env python3
"""Blind test set (round 6) of B12 injection-date questions.

Conventions (from SCHED_BRIEF.md):
- Today is Thursday 2026-11-26; "next" = first injection date on or after today
  (unless the patient says today's shot is already done, then strictly after today).
- EOD for N weeks: days 0,2,4,... < 7*N.  EOD for N doses: N doses 2 days apart.
  Daily for N days: consecutive days.
- N times a week for W weeks: fixed weekday pattern from the first injection
  (3/week -> offsets 0,2,4 ; 2/week -> offsets 0,3), W*N injections; or named weekdays.
- First maintenance = last loading + 1 interval, then last loading + k*interval.
  Maintenance only: last dose + k*interval.  Months are calendar months with
  end-of-month clamping; a week is 7 days.
Plain datetime only.
"""
import calendar
import json
import os
from datetime import date, timedelta

TODAY = date(2026, 11, 26)
assert TODAY.weekday() == 3  # Thursday

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_blind.jsonl")


def D(y, m, d):
    return date(y, m, d)


def add_months(d, n):
    m0 = d.month - 1 + n
    y = d.year + m0 // 12
    m = m0 % 12 + 1
    last = calendar.monthrange(y, m)[1]
    return date(y, m, min(d.day, last))


def add_interval(d, k, every):
    n, unit = every
    if unit == "weeks":
        return d + timedelta(days=7 * n * k)
    if unit == "months":
        return add_months(d, n * k)
    if unit == "days":
        return d + timedelta(days=n * k)
    raise ValueError(unit)


def loading_dates(L):
    t = L["type"]
    s = L["start"]
    if t == "eod_weeks":
        return [s + timedelta(days=i) for i in range(0, 7 * L["weeks"], 2)]
    if t == "eod_doses":
        return [s + timedelta(days=2 * i) for i in range(L["doses"])]
    if t == "daily":
        return [s + timedelta(days=i) for i in range(L["days"])]
    if t == "per_week":
        offs = {1: [0], 2: [0, 3], 3: [0, 2, 4]}[L["n"]]
        return [s + timedelta(days=7 * w + o) for w in range(L["weeks"]) for o in offs]
    if t == "weekdays":
        # named weekdays (0=Mon), starting at `start` (which must be one of them),
        # W*len(days) injections in total
        assert s.weekday() in L["days"]
        total = L["weeks"] * len(L["days"])
        out, d = [], s
        while len(out) < total:
            if d.weekday() in L["days"]:
                out.append(d)
            d += timedelta(days=1)
        return out
    raise ValueError(t)


def maint_dates(base, every, count=12):
    return [add_interval(base, k, every) for k in range(1, count + 1)]


def fmt(ds):
    return [d.isoformat() for d in ds]


def describe_loading(L):
    t = L["type"]
    if t == "eod_weeks":
        return f"EOD for {L['weeks']} weeks from {L['start']}"
    if t == "eod_doses":
        return f"EOD x{L['doses']} doses from {L['start']}"
    if t == "daily":
        return f"daily x{L['days']} from {L['start']}"
    if t == "per_week":
        return f"{L['n']}/week x{L['weeks']} weeks from {L['start']} ({L['start'].strftime('%a')} pattern)"
    if t == "weekdays":
        names = [calendar.day_abbr[i] for i in L["days"]]
        return f"named weekdays {'/'.join(names)} x{L['weeks']} weeks from {L['start']}"
    return t


def compute(q):
    phase, asks = q["phase"], q["asks"]
    done_today = q.get("done_today", False)
    upcoming = (lambda d: d > TODAY) if done_today else (lambda d: d >= TODAY)
    L = q.get("loading")
    every = q.get("every")
    note = []
    load = []
    if L:
        load = loading_dates(L)
        note.append(describe_loading(L) + ": " + ", ".join(fmt(load)))
    if phase == "maintenance":
        base = q["last_dose"]
        seq = maint_dates(base, every)
        note.append(f"maintenance: last dose {base} + k*{every[0]} {every[1]}")
    elif phase == "both":
        base = load[-1]
        seq = load + maint_dates(base, every)
        note.append(f"maintenance: last loading {base} + k*{every[0]} {every[1]}")
    else:
        seq = load
    if done_today:
        note.append("patient says today's shot already done -> strictly after today")
    future = [d for d in seq if upcoming(d)]
    count = None
    if asks == "next":
        exp = future[:1]
    elif asks == "next_n":
        exp = future[: q["n"]]
    elif asks == "last_loading":
        exp = [load[-1]]
    elif asks == "first_maintenance":
        exp = [add_interval(load[-1], 1, every)]
    elif asks == "count_left":
        exp = [d for d in load if upcoming(d)]
        count = len(exp)
    elif asks == "all":
        if phase == "loading":
            exp = load
        elif phase == "both":
            exp = load + [add_interval(load[-1], 1, every)]
            note.append("all = every loading date + first maintenance date")
        else:
            raise ValueError("all for maintenance-only not used")
    else:
        raise ValueError(asks)
    note.append(f"today {TODAY} ({'excluded' if done_today else 'included'}); asks={asks}"
                + (f" n={q['n']}" if asks == "next_n" else ""))
    return exp, count, "; ".join(note)


W, M = "weeks", "months"
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

Q = [
    # ---------------- maintenance only (20) ----------------
    dict(phase="maintenance", asks="next", last_dose=D(2026, 9, 3), every=(3, M),
         text="Hello, I have B12 injection every 3 month. Last one I get on 3 September. When I must go for the next one please?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 10, 14), every=(12, W),
         text="My GP surgery does my B12 every twelve weeks. The last jab was Wednesday 14th October. What date should I be booking for the next one?"),
    dict(phase="maintenance", asks="next_n", n=3, last_dose=D(2026, 10, 31), every=(1, M),
         text="ok so i get my b12 shot monthly and the last one was on halloween (oct 31). can u give me the next 3 dates so i can put them in my calendar"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 11, 25), every=(4, W),
         text="I look after my dad, he's 84 and has pernicious anaemia. The nurse gave him his B12 jab yesterday and she says it's every 4 weeks now. When will the next one be? I want to make sure I can drive him."),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 11, 3), every=(1, M),
         text="I have my vitamin B12 shot once a month. Had this month's on the 3rd. When's the next one due?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 9, 26), every=(2, M),
         text="hiya, b12 every other month for me. last one was 26th of september. when am i next due?? think i might of lost track"),
    dict(phase="maintenance", asks="next_n", n=4, last_dose=D(2026, 8, 30), every=(3, M),
         text="Good afternoon. I am 79 years of age and receive hydroxocobalamin injections 3-monthly. My most recent injection was on the 30th of August 2026. Would you kindly list the next four dates so that I may write them on my kitchen calendar?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 10, 2), every=(12, W),
         text="I get B12 every 12 weeks. Started on the 10th of July and I've had every one on time since, the last on 2 October. When is the next?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 11, 24), every=(8, W),
         text="My doctor switched me to a B12 shot every 8 weeks. I just got one on Tuesday this week (the 24th). When do I go back?"),
    dict(phase="maintenance", asks="next_n", n=2, last_dose=D(2026, 10, 15), every=(2, M),
         text="For my mother: she has B12 injections every two months, last one 15 October. What are the next two dates?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 11, 20), every=(2, W),
         text="I do my own B12 injections every fortnight. Did the last one on Friday the 20th of November. When's the next?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 10, 1), every=(10, W),
         text="So a bit of background: I had gastric bypass surgery a few years ago and my levels kept dropping, so my doctor and I settled on a vitamin B12 shot every 10 weeks, which seems to be working - my energy is much better and the tingling in my feet has mostly gone. The last one was on October 1st, at the clinic near my work. I'm going to be traveling a fair bit in December for the holidays. Which day is my next shot?"),
    dict(phase="maintenance", asks="next_n", n=3, last_dose=D(2026, 11, 12), every=(6, W),
         text="I'm on B12 jabs every 6 weeks, had one on 12 November. Could you tell me my next 3 appointments? I'm trying to plan round Christmas and the new year."),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 10, 28), every=(1, M),
         text="Monthly B12 injection, last done on the 28th of last month. When should the next be?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 8, 27), every=(3, M),
         text="Im from Poland, my english not so good. I make B12 injection each three months, last time was 27 August. Next time is when?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 10, 29), every=(4, W),
         text="I've been getting B12 every 4 weeks for years. The last one was Thursday 29th October. When's my next one?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 11, 6), every=(3, W),
         text="my nurse gives me cyanocobalamin every three weeks, last one fri 6 nov. when do i need to see her again"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 9, 10), every=(12, W),
         text="I'm a carer for a lady with dementia. Her B12 is every 12 weeks and her notes say the last one was given on 10 September. When is she next due?"),
    dict(phase="maintenance", asks="next_n", n=4, last_dose=D(2026, 10, 29), every=(1, M),
         text="I get a B12 shot once a month at the pharmacy, last one was October 29. What are my next four dates?"),
    dict(phase="maintenance", asks="next", last_dose=D(2026, 9, 30), every=(2, M),
         text="B12 every 2 months, last injection the 30th of September. When's the next one?"),

    # ---------------- loading only (17) ----------------
    dict(phase="loading", asks="next", loading=dict(type="eod_weeks", start=D(2026, 11, 17), weeks=2),
         text="I was diagnosed with B12 deficiency and started loading doses on Tuesday 17 November, every other day for 2 weeks. When is my next injection?"),
    dict(phase="loading", asks="last_loading", loading=dict(type="eod_weeks", start=D(2026, 11, 20), weeks=2),
         text="I'm having B12 injections every other day for two weeks, the first one was Friday 20th November. What day is the last one?"),
    dict(phase="loading", asks="count_left", loading=dict(type="eod_doses", start=D(2026, 11, 21), doses=6),
         text="doc said 6 b12 shots every other day, first was sat 21st nov. how many have i got left?"),
    dict(phase="loading", asks="all", loading=dict(type="per_week", start=D(2026, 11, 23), n=3, weeks=2),
         text="My loading course is B12 three times a week for 2 weeks, starting Monday 23 November. Please list all the injection dates."),
    dict(phase="loading", asks="next", loading=dict(type="per_week", start=D(2026, 11, 17), n=2, weeks=3),
         text="I'm getting B12 twice a week for 3 weeks, started on Tuesday 17th November. When's the next one?"),
    dict(phase="loading", asks="next_n", n=3, loading=dict(type="daily", start=D(2026, 11, 23), days=7),
         text="I'm doing daily B12 injections for 7 days, started on Monday the 23rd. I haven't done today's yet. Which are the next 3 days I inject?"),
    dict(phase="loading", asks="last_loading", loading=dict(type="daily", start=D(2026, 11, 25), days=5),
         text="The hospital started me on B12 yesterday, one injection a day for 5 days. Which day will be the last one?"),
    dict(phase="loading", asks="count_left", loading=dict(type="weekdays", start=D(2026, 11, 9), days=[MON, THU], weeks=4),
         text="I get my B12 loading jabs on Mondays and Thursdays for 4 weeks, started Monday 9 November. I'm going for today's this afternoon. How many are left including today's?"),
    dict(phase="loading", asks="all", loading=dict(type="eod_doses", start=D(2026, 11, 24), doses=5),
         text="Mum has to have 5 doses of B12, every other day, the first was on Tuesday 24 Nov. Can you write out all the dates for me?"),
    dict(phase="loading", asks="next", loading=dict(type="eod_weeks", start=D(2026, 11, 9), weeks=3),
         text="I have pernicious anaemia with nerve symptoms, so my loading is every alternate day for three weeks. First was 9 November. When's my next one?"),
    dict(phase="loading", asks="next_n", n=2, loading=dict(type="per_week", start=D(2026, 11, 25), n=3, weeks=2),
         text="B12 3x a week for 2 weeks, first one was yesterday (Wednesday). What are my next 2 dates?"),
    dict(phase="loading", asks="last_loading", loading=dict(type="weekdays", start=D(2026, 11, 20), days=[MON, WED, FRI], weeks=2),
         text="The practice nurse is doing my B12 on Mondays, Wednesdays and Fridays for two weeks, 6 injections in all. I had the first on Friday 20th November. When will my last one be?"),
    dict(phase="loading", asks="count_left", done_today=True, loading=dict(type="daily", start=D(2026, 11, 19), days=10),
         text="i get a b12 shot every day for 10 days, started 19th november. already had todays. how many more to go?"),
    dict(phase="loading", asks="all", loading=dict(type="per_week", start=D(2026, 11, 27), n=2, weeks=2),
         text="My daughter starts B12 injections tomorrow: twice a week for two weeks. Could you give me every date please?"),
    dict(phase="loading", asks="next", loading=dict(type="eod_doses", start=D(2026, 11, 12), doses=8),
         text="I need 8 loading doses of B12, every other day, starting from Thursday 12 November. I've had 7 so far. When is the next?"),
    dict(phase="loading", asks="count_left", loading=dict(type="eod_weeks", start=D(2026, 11, 22), weeks=2),
         text="Every other day for 2 weeks, first injection Sunday 22nd of November. I haven't had today's one yet, the nurse comes at 5. How many injections are left, counting today?"),
    dict(phase="loading", asks="next_n", n=3, loading=dict(type="weekdays", start=D(2026, 11, 20), days=[TUE, FRI], weeks=3),
         text="I'm having my B12 loading on Tuesdays and Fridays for three weeks, first one was Friday 20 November. What are my next three injection days?"),

    # ---------------- both phases (18) ----------------
    dict(phase="both", asks="first_maintenance", loading=dict(type="eod_weeks", start=D(2026, 11, 16), weeks=2), every=(1, M),
         text="I started B12 on Monday 16 November, every other day for two weeks, then it goes to monthly. When will my first monthly injection be?"),
    dict(phase="both", asks="next", loading=dict(type="daily", start=D(2026, 11, 2), days=7), every=(3, M),
         text="I had B12 daily for 7 days starting 2 November, and after that it's every 3 months. When is my next injection?"),
    dict(phase="both", asks="next_n", n=3, loading=dict(type="eod_doses", start=D(2026, 11, 19), doses=6), every=(4, W),
         text="6 loading injections every other day from Thursday 19 Nov, then every 4 weeks after that. Can you tell me my next 3 injection dates?"),
    dict(phase="both", asks="last_loading", loading=dict(type="per_week", start=D(2026, 11, 30), n=3, weeks=2), every=(3, M),
         text="I start my B12 this Monday coming (30 November): 3 times a week for 2 weeks, then every 3 months after. When's the last loading injection?"),
    dict(phase="both", asks="all", loading=dict(type="eod_weeks", start=D(2026, 11, 25), weeks=2), every=(1, M),
         text="My husband had his first B12 jab yesterday. It's every other day for two weeks and then once a month. Please list all his loading dates and the date of his first monthly one."),
    dict(phase="both", asks="first_maintenance", loading=dict(type="eod_weeks", start=D(2026, 10, 31), weeks=2), every=(1, M),
         text="Loading was every other day for 2 weeks starting 31st October, then monthly maintenance. When is the first monthly one supposed to be?"),
    dict(phase="both", asks="next", loading=dict(type="eod_weeks", start=D(2026, 10, 1), weeks=2), every=(4, W),
         text="I did my B12 loading every other day for 2 weeks from 1 October, then it's every 4 weeks. I had the first 4-weekly one on 10 November. When's the next one?"),
    dict(phase="both", asks="first_maintenance", loading=dict(type="daily", start=D(2026, 12, 27), days=5), every=(2, M),
         text="The district nurse will come every day for 5 days from the 27th of December to do my B12 loading, then it's every other month. When will the first every-other-month injection be?"),
    dict(phase="both", asks="next_n", n=4, loading=dict(type="per_week", start=D(2026, 11, 23), n=2, weeks=2), every=(3, M),
         text="I'm on B12 twice a week for 2 weeks (started Monday 23 November), then 3-monthly. Today's is at 4pm and I haven't had it yet. What are my next 4 dates?"),
    dict(phase="both", asks="last_loading", loading=dict(type="eod_weeks", start=D(2026, 11, 20), weeks=3), every=(12, W),
         text="Neurologist wants B12 every other day for 3 weeks then every twelve weeks. First shot was Friday 20 November. What's the last day of the every-other-day part?"),
    dict(phase="both", asks="first_maintenance", loading=dict(type="per_week", start=D(2026, 11, 16), n=3, weeks=3), every=(8, W),
         text="I'm having B12 three times a week for three weeks, started Monday 16th Nov, and after that every 8 weeks. When's my first 8-weekly injection?"),
    dict(phase="both", asks="count_left", loading=dict(type="eod_doses", start=D(2026, 11, 15), doses=8), every=(1, M),
         text="my course is 8 b12 shots every other day from sunday 15 nov then monthly. how many of the every-other-day ones are left?"),
    dict(phase="both", asks="next", loading=dict(type="daily", start=D(2026, 7, 6), days=7), every=(3, M),
         text="Back in July I had a week of daily B12 injections, from Monday 6 July for 7 days, then every 3 months. I had the October one as planned. When is my next?"),
    dict(phase="both", asks="all", loading=dict(type="daily", start=D(2026, 11, 30), days=5), every=(3, M),
         text="I'm going to have B12 daily for 5 days from Monday 30 November, then every 3 months. List all the dates of the daily ones and the first 3-monthly one, please."),
    dict(phase="both", asks="next_n", n=2, loading=dict(type="eod_weeks", start=D(2026, 11, 14), weeks=2), every=(1, M),
         text="Started loading on Saturday 14th November, every other day for a fortnight, then monthly. I haven't had today's injection yet. What are my next 2?"),
    dict(phase="both", asks="first_maintenance", loading=dict(type="weekdays", start=D(2026, 11, 24), days=[TUE, FRI], weeks=3), every=(2, M),
         text="My loading is Tuesdays and Fridays for 3 weeks starting Tuesday 24 November, then every 2 months. When will the first 2-monthly dose be?"),
    dict(phase="both", asks="next", loading=dict(type="eod_doses", start=D(2026, 11, 9), doses=6), every=(1, M),
         text="I had 6 B12 loading injections every other day starting Monday 9 November, and now it's monthly. When's my next one?"),
    dict(phase="both", asks="last_loading", loading=dict(type="per_week", start=D(2026, 11, 16), n=2, weeks=4), every=(3, M),
         text="My father is on B12 twice weekly for 4 weeks, started Monday 16 November, then every 3 months. When is his last twice-weekly injection?"),
]


def main():
    counts = {}
    with open(OUT, "w") as f:
        for i, q in enumerate(Q, 1):
            exp, count, note = compute(q)
            rec = {"id": f"t{i:02d}", "phase": q["phase"], "asks": q["asks"], "text": q["text"],
                   "expected_dates": fmt(exp), "expected_count": count, "note": note}
            f.write(json.dumps(rec) + "\n")
            counts.setdefault(q["phase"], {}).setdefault(q["asks"], 0)
            counts[q["phase"]][q["asks"]] += 1
    print(len(Q), "questions written to", OUT)
    for p, d in counts.items():
        print(p, sum(d.values()), d)


if __name__ == "__main__":
    main()
