#!/usr/bin/env python3
"""Blind test set generator for B12 schedule questions.

Independent of any project code. Conventions:
- today = Tuesday 2026-11-24; "next" = first injection date on or after today.
- every other day for N weeks: days 0,2,4,... < 7*N.  every other day for N doses: N doses 2 days apart.
- N times a week for W weeks: keep weekday pattern from the first injection
  (3/week offsets 0,2,4 -> Mon/Wed/Fri or Tue/Thu/Sat; 2/week offsets 0,3 -> Mon/Thu). W*N injections.
- daily for N days: consecutive.
- maintenance: first dose = last loading + interval, repeated.  Maintenance only: last given + k*interval.
- months: calendar months with end-of-month clamping; week = 7 days.
Run: python3 compute.py  -> writes schedule_blind.jsonl next to this script.
"""
import calendar
import json
import os
from datetime import date, timedelta

TODAY = date(2026, 11, 24)
assert TODAY.weekday() == 1  # Tuesday

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def add_months(d, n):
    m0 = d.month - 1 + n
    y = d.year + m0 // 12
    m = m0 % 12 + 1
    last = calendar.monthrange(y, m)[1]
    return date(y, m, min(d.day, last))


def add_interval(d, interval, k=1):
    unit, n = interval
    if unit == "m":
        return add_months(d, n * k)
    if unit == "w":
        return d + timedelta(days=7 * n * k)
    raise ValueError(unit)


def maint_series(anchor, interval, count=40):
    """anchor + k*interval for k = 1..count (anchor-based).  Also cross-check the
    step-by-step method; they may only differ after a clamped step, so we record it."""
    anchored = [add_interval(anchor, interval, k) for k in range(1, count + 1)]
    stepped, d = [], anchor
    for _ in range(count):
        d = add_interval(d, interval)
        stepped.append(d)
    return anchored, stepped


def loading_dates(kind, start, param):
    if kind == "eod_weeks":
        return [start + timedelta(days=i) for i in range(0, 7 * param, 2)]
    if kind == "eod_n":
        return [start + timedelta(days=2 * i) for i in range(param)]
    if kind == "daily":
        return [start + timedelta(days=i) for i in range(param)]
    if kind == "tpw":
        per_week, weeks = param
        offsets = {3: [0, 2, 4], 2: [0, 3]}[per_week]
        return [start + timedelta(days=7 * w + o) for w in range(weeks) for o in offsets]
    raise ValueError(kind)


def iso(ds):
    return [d.isoformat() for d in ds]


# ---------------------------------------------------------------------------
# Cases.  Fields:
#   load: (kind, start, param, expected_start_weekday or None)
#   maint: interval ("m", n) / ("w", n)
#   last: last maintenance injection given (maintenance-only), used as anchor
#   q: "next" | ("next_n", k) | "last_loading" | "count" | "list_loading"
#      | "remaining_loading" | "first_maintenance" | "last_loading_and_first_maint"
#      | ("range", date_from, date_to)
# ---------------------------------------------------------------------------
D = date
CASES = [
    # ----------------------------- maintenance only -----------------------------
    dict(id="s01", phase="maintenance", asks="next", maint=("m", 1), last=D(2026, 11, 3), q="next",
         text="Hi, I have my B12 injection every month, last one was 3 Nov. When's the next?"),
    dict(id="s02", phase="maintenance", asks="next_n", maint=("w", 12), last=D(2026, 9, 1), q=("next_n", 3),
         text="every 12 weeks, last jab 1 Sept, what are my next 3 dates?"),
    dict(id="s03", phase="maintenance", asks="next", maint=("m", 2), last=D(2026, 10, 15), q="next",
         text="My doctor says hydroxocobalamin every other month. I had the last one on the 15th of October. "
              "When do I need to book the next one please?"),
    dict(id="s04", phase="maintenance", asks="next", maint=("w", 8), last=D(2026, 10, 6), q="next",
         text="Injection every 8 weeks. Last: 6 October 2026. Next?"),
    dict(id="s05", phase="maintenance", asks="next", maint=("m", 3), last=D(2026, 2, 20), q="next",
         text="i am on b12 every 3 month since long time. the first one of this year was 20 february 2026 and "
              "i never miss one since then, always same day. when is my next one?",
         note_extra="Series anchored 2026-02-20: May 20, Aug 20, Nov 20 (past), so next is 2027-02-20."),
    dict(id="s06", phase="maintenance", asks="next", maint=("m", 1), last=D(2026, 10, 31), q="next",
         text="Had my monthly B12 on Halloween (31st October) - when's the next one due?",
         note_extra="End-of-month clamp: 31 Oct + 1 month = 30 Nov."),
    dict(id="s07", phase="maintenance", asks="next", maint=("m", 3), last=D(2026, 8, 31), q="next",
         text="Hello, I look after my husband who has pernicious anaemia. He has his B12 jab every three months "
              "at the surgery and the last one was on 31 August. When should he have the next one?",
         note_extra="End-of-month clamp: 31 Aug + 3 months = 30 Nov."),
    dict(id="s08", phase="maintenance", asks="next", maint=("m", 1), last=D(2026, 10, 24), q="next",
         text="Monthly B12 jab, last one was 24th October. Do I need one soon??",
         note_extra="24 Oct + 1 month = 24 Nov = today, which counts as next (on or after today)."),
    dict(id="s09", phase="maintenance", asks="next", maint=("w", 12), last=D(2026, 6, 2), q="next",
         text="I had my first 12-weekly B12 injection on 2 June 2026 after finishing the loading doses ages ago, "
              "and I've kept to every 12 weeks exactly since then. When is the next one?",
         note_extra="Jun 2 + 84d = Aug 25, Nov 17 (past), Feb 9 2027."),
    dict(id="s10", phase="maintenance", asks="next", maint=("w", 4), last=D(2026, 11, 10), q="next",
         text="I inject 1000mcg cyanocobalamin every 4 weeks myself. Last one 10 November. Next date?"),
    dict(id="s11", phase="maintenance", asks="next", maint=("m", 2), last=D(2026, 9, 29), q="next",
         text="hiya so im on every 2 months for my b12 and my last one was 29th sept, when do i go back"),
    dict(id="s12", phase="maintenance", asks="next_n", maint=("m", 3), last=D(2026, 9, 5), q=("next_n", 2),
         text="Every three months I get a B12 shot, most recent was on September 5th. Can you tell me my next two "
              "appointments so I can put them in my calendar?"),
    dict(id="s13", phase="maintenance", asks="next_n", maint=("m", 1), last=D(2026, 11, 18), q=("next_n", 3),
         text="B12 monthly. Last injection 18 November 2026. Give me the next 3 dates pls"),
    dict(id="s14", phase="maintenance", asks="next", maint=("w", 8), last=D(2026, 10, 20), q="next",
         text="Good afternoon. I am 82 years old and my memory is not what it was. The nurse gives me the vitamin "
              "B12 injection every eight weeks. The last one was on Tuesday the 20th of October. Could you kindly "
              "tell me the date of my next one? Thank you."),
    dict(id="s15", phase="maintenance", asks="all", maint=("m", 2), last=D(2026, 11, 10),
         q=("range", D(2027, 1, 1), D(2027, 12, 31)),
         text="I'm on B12 every other month, had one on 10 Nov. Which dates will I need next year (2027)? "
              "Want to plan holidays around them."),
    dict(id="s16", phase="maintenance", asks="next", maint=("w", 12), last=D(2026, 10, 13), q="next",
         text="b12 every twelve weeks, last was oct 13. next?"),
    dict(id="s17", phase="maintenance", asks="next", maint=("w", 4), last=D(2026, 11, 17), q="next",
         text="my b12 is evry 4 wks, had it last tuesday the 17th nov. wen is next one"),
    dict(id="s18", phase="maintenance", asks="next_n", maint=("m", 3), last=D(2026, 9, 14), q=("next_n", 2),
         text="My mum gets her B12 every 3 months and the last was the 14th of September. Can you tell me her next "
              "two please, I drive her there."),
    dict(id="s19", phase="maintenance", asks="all", maint=("m", 1), last=D(2026, 11, 8),
         q=("range", TODAY, D(2027, 3, 31)),
         text="I've had B12 injections monthly for years. The last one was 8 November. Which injection dates "
              "do I have between now and the end of March 2027?"),
    dict(id="s20", phase="maintenance", asks="next", maint=("m", 3), last=D(2026, 10, 2), q="next",
         text="I have B12 every three months, last one on the 2nd of October. Will I need another one before "
              "Christmas or not? When exactly is it?",
         note_extra="2 Oct + 3 months = 2 Jan 2027, i.e. not before Christmas."),

    # ----------------------------- loading only -----------------------------
    dict(id="s21", phase="loading", asks="last_loading", load=("eod_weeks", D(2026, 11, 16), 2, "Mon"),
         q="last_loading",
         text="started 16 Nov every other day for 2 weeks, which day is my last one?"),
    dict(id="s22", phase="loading", asks="count", load=("eod_weeks", D(2026, 11, 9), 2, "Mon"), q="count",
         text="The GP started me on B12 injections on 9 November, every other day for two weeks. How many "
              "injections is that in total?"),
    dict(id="s23", phase="loading", asks="list_loading", load=("eod_weeks", D(2026, 11, 30), 2, "Mon"),
         q="list_loading",
         text="I will start my loading doses on Monday 30 November, every other day for two weeks. Can you list "
              "all the dates for me?"),
    dict(id="s24", phase="loading", asks="list_loading", load=("tpw", D(2026, 11, 23), (3, 2), "Mon"),
         q="list_loading",
         text="Nurse said 3 times a week for 2 weeks, first one was yesterday Monday 23 Nov. List my loading dates "
              "please."),
    dict(id="s25", phase="loading", asks="last_loading", load=("tpw", D(2026, 12, 1), (3, 2), "Tue"),
         q="last_loading",
         text="My daughter starts B12 loading on Tuesday 1st December, three injections a week for a fortnight. "
              "What day will her final loading injection be?"),
    dict(id="s26", phase="loading", asks="last_loading", load=("daily", D(2026, 11, 21), 7, None),
         q="last_loading",
         text="I began daily B12 shots on 21 Nov, daily for one week. what is the date of the last one?"),
    dict(id="s27", phase="loading", asks="list_loading", load=("eod_n", D(2026, 12, 2), 6, None),
         q="list_loading",
         text="Doctor prescribed 6 injections of hydroxocobalamin 1mg, every other day, starting 2nd December. "
              "Which dates are they?"),
    dict(id="s28", phase="loading", asks="count", load=("eod_weeks", D(2026, 11, 9), 3, "Mon"), q="count",
         text="Hello, because of my neuro symptoms I have every other day B12 for 3 weeks (not 2), I started on "
              "9th of November. How many shots will I have had at the end?"),
    dict(id="s29", phase="loading", asks="last_loading", load=("tpw", D(2026, 12, 7), (2, 4), "Mon"),
         q="last_loading",
         text="Twice a week for 4 weeks starting Monday 7 December 2026 - when is my last loading injection?"),
    dict(id="s30", phase="loading", asks="next", load=("eod_weeks", D(2026, 11, 17), 2, "Tue"), q="next",
         text="I started my B12 loading injections on the 17th of November, every other day for two weeks. "
              "When is my next injection?"),
    dict(id="s31", phase="loading", asks="list_loading", load=("daily", D(2026, 12, 1), 7, None),
         q="list_loading",
         text="Daily B12 injection for 7 days starting 1 December. Please write all dates."),
    dict(id="s32", phase="loading", asks="last_loading", load=("tpw", D(2026, 11, 9), (3, 2), "Mon"),
         q="last_loading",
         text="Am I finished with loading already? I did 3 times a week for 2 weeks starting Monday the 9th of "
              "November. When was my last one supposed to be?"),
    dict(id="s33", phase="loading", asks="list_loading", load=("eod_weeks", D(2027, 1, 4), 2, "Mon"),
         q="list_loading",
         text="After my blood test they want me to do B12 every other day for a fortnight, starting 4 January "
              "2027. What dates will that be?"),
    dict(id="s34", phase="loading", asks="count", load=("tpw", D(2026, 11, 24), (3, 3), "Tue"), q="count",
         text="starting today, 3x weekly for 3 weeks. how many jabs total"),
    dict(id="s35", phase="loading", asks="last_loading", load=("eod_n", D(2026, 11, 20), 10, None),
         q="last_loading",
         text="I am giving my father his B12 every second day, 10 doses in total, the first was 20 November. "
              "On which date is the 10th dose?"),
    dict(id="s36", phase="loading", asks="list_loading", load=("eod_weeks", D(2026, 11, 23), 2, "Mon"),
         q="remaining_loading",
         text="I'm doing the every other day for 2 weeks loading thing, started Monday 23rd Nov. Which injections "
              "are still left after today?",
         note_extra="Remaining loading dates strictly after today (today, 24 Nov, is not an injection day)."),
    dict(id="s37", phase="loading", asks="count", load=("tpw", D(2026, 11, 30), (2, 3), "Mon"), q="count",
         text="Two times a week for three weeks, beginning Monday 30 November. How many injections do I need "
              "to buy?"),

    # ----------------------------- both phases -----------------------------
    dict(id="s38", phase="both", asks="first_maintenance", load=("eod_weeks", D(2026, 11, 16), 2, "Mon"),
         maint=("m", 1), q="first_maintenance",
         text="Started 16 Nov, every other day for 2 weeks and then once a month. When is my first monthly one?"),
    dict(id="s39", phase="both", asks="first_maintenance", load=("tpw", D(2026, 11, 2), (3, 2), "Mon"),
         maint=("m", 3), q="first_maintenance",
         text="I had 3 injections a week for 2 weeks starting Monday 2 November, now I'm moving to every 3 months. "
              "When is my first 3-monthly injection?"),
    dict(id="s40", phase="both", asks="first_maintenance", load=("daily", D(2026, 11, 30), 7, None),
         maint=("m", 1), q="first_maintenance",
         text="my plan: b12 daily for a week from 30th nov, after that monthly. when does the monthly start?"),
    dict(id="s41", phase="both", asks="next", load=("eod_weeks", D(2026, 10, 5), 2, "Mon"),
         maint=("w", 8), q="next",
         text="So I did the loading back in October - every other day for two weeks, started 5 October - and "
              "after that it's every 8 weeks. I haven't had a maintenance one yet. When's my next injection?"),
    dict(id="s42", phase="both", asks="next", load=("eod_weeks", D(2026, 9, 1), 2, None),
         maint=("m", 1), q="next",
         text="Loading began 1 September (every other day, two weeks), then monthly ever since, on schedule. "
              "What's my next date?"),
    dict(id="s43", phase="both", asks="all", load=("tpw", D(2026, 12, 7), (3, 2), "Mon"),
         maint=("m", 3), q=("range", TODAY, D(2027, 6, 30)),
         text="I start B12 on Monday 7 December: 3 times a week for 2 weeks, then every 3 months. Please give me "
              "every injection date from now up to the end of June 2027."),
    dict(id="s44", phase="both", asks="next", load=("eod_weeks", D(2026, 11, 19), 2, None),
         maint=("w", 12), q="next",
         text="I'm in my loading phase, every other day for 2 weeks since 19 November, then 12-weekly. "
              "When do I inject next?"),
    dict(id="s45", phase="both", asks="next", load=("daily", D(2026, 10, 26), 7, None),
         maint=("m", 2), q="next",
         text="In October the hospital gave me B12 every day for one week, from the 26th of October, and told "
              "me after that every 2 months. What is the date of my next injection?"),
    dict(id="s46", phase="both", asks="first_maintenance", load=("eod_n", D(2026, 12, 14), 6, None),
         maint=("m", 1), q="first_maintenance",
         text="Six loading injections every other day starting 14 December 2026, then monthly maintenance. "
              "When's the first maintenance shot?"),
    dict(id="s47", phase="both", asks="all", load=("tpw", D(2026, 11, 17), (3, 2), "Tue"),
         maint=("w", 4), q="remaining_loading_and_first_maint",
         text="My son has B12 3 times a week for two weeks, he started Tuesday 17th November, then every 4 weeks. "
              "What are his remaining loading dates from today on, and when is his first 4-weekly one?",
         note_extra="Remaining loading on/after today (today 24 Nov is a loading day) plus first maintenance."),
    dict(id="s48", phase="both", asks="next", load=("eod_weeks", D(2026, 8, 31), 2, "Mon"),
         maint=("m", 3), q="next",
         text="Hi there! Long story short: diagnosed in August, did every-other-day injections for 2 weeks "
              "starting 31 August, and the nurse said after loading it's every 3 months. I haven't had any "
              "3-monthly one yet. When is it?"),
    dict(id="s49", phase="both", asks="next_n", load=("eod_weeks", D(2026, 8, 3), 2, "Mon"),
         maint=("w", 8), q=("next_n", 2),
         text="B12 loading from 3 Aug, every other day x 2 weeks, then every 8 weeks and I've kept to it. "
              "What are my next 2 injection dates?"),
    dict(id="s50", phase="both", asks="first_maintenance", load=("tpw", D(2026, 12, 28), (3, 2), "Mon"),
         maint=("m", 1), q="first_maintenance",
         text="I will start Monday 28 December 2026, three times a week for two weeks, and then once a month. "
              "When is the first monthly injection?"),
    dict(id="s51", phase="both", asks="first_maintenance", load=("daily", D(2027, 1, 25), 7, None),
         maint=("m", 1), q="first_maintenance",
         text="My loading will be daily for a week starting 25 January 2027, and then monthly. What date is my "
              "first monthly B12?",
         note_extra="Last loading 31 Jan 2027 + 1 month = 28 Feb 2027 (clamped, 2027 not leap)."),
    dict(id="s52", phase="both", asks="all", load=("eod_weeks", D(2026, 11, 2), 2, "Mon"),
         maint=("m", 1), q=("range", D(2026, 12, 1), D(2027, 1, 31)),
         text="Started 2nd Nov every other day for 2 weeks, then I go monthly. Which injection dates do I have "
              "in December and January?"),
    dict(id="s53", phase="both", asks="first_maintenance", load=("tpw", D(2026, 11, 16), (2, 3), "Mon"),
         maint=("w", 12), q="last_loading_and_first_maint",
         text="I'm doing 2 a week for 3 weeks (started Monday 16 November), then every 12 weeks. When is my last "
              "loading injection and when does the 12-weekly one start?"),
]


def describe_interval(iv):
    return f"{iv[1]} month(s)" if iv[0] == "m" else f"{iv[1]} week(s)"


def compute(c):
    note = []
    load = maint_all = None
    if "load" in c:
        kind, start, param, wd = c["load"]
        if wd is not None:
            assert WEEKDAYS[start.weekday()] == wd, (c["id"], start, WEEKDAYS[start.weekday()], wd)
        load = loading_dates(kind, start, param)
        note.append(f"loading {kind}{param} from {start} ({WEEKDAYS[start.weekday()]}): {iso(load)}")
    if "maint" in c:
        anchor = load[-1] if load else c["last"]
        anch, step = maint_series(anchor, c["maint"])
        maint_all = anch
        note.append(f"maintenance every {describe_interval(c['maint'])} from {anchor}")
    all_dates = (load or []) + (maint_all or [])

    q = c["q"]
    dates, count = [], None
    if q == "next":
        dates = [next(d for d in all_dates if d >= TODAY)]
    elif isinstance(q, tuple) and q[0] == "next_n":
        dates = [d for d in all_dates if d >= TODAY][: q[1]]
    elif isinstance(q, tuple) and q[0] == "range":
        dates = [d for d in all_dates if q[1] <= d <= q[2]]
        note.append(f"range {q[1]}..{q[2]}")
    elif q == "last_loading":
        dates = [load[-1]]
    elif q == "count":
        count = len(load)
    elif q == "list_loading":
        dates = list(load)
    elif q == "remaining_loading":
        dates = [d for d in load if d > TODAY]
    elif q == "first_maintenance":
        dates = [maint_all[0]]
    elif q == "last_loading_and_first_maint":
        dates = [load[-1], maint_all[0]]
    elif q == "remaining_loading_and_first_maint":
        dates = [d for d in load if d >= TODAY] + [maint_all[0]]
    else:
        raise ValueError(q)

    # sanity: anchor-based vs step-based month arithmetic must agree on expected dates
    if maint_all is not None:
        anch, step = maint_series(load[-1] if load else c["last"], c["maint"])
        for d in dates:
            if d in anch:
                i = anch.index(d)
                assert step[i] == d, (c["id"], "anchor/step month arithmetic disagree", d, step[i])
    assert dates or count is not None, c["id"]
    if c.get("note_extra"):
        note.append(c["note_extra"])
    note.append(f"today {TODAY}; answer: {iso(dates) if dates else count}")
    return dates, count, "; ".join(note)


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schedule_blind.jsonl")
    seen = set()
    per_phase = {}
    with open(out, "w", encoding="utf-8") as f:
        for c in CASES:
            assert c["id"] not in seen
            seen.add(c["id"])
            dates, count, note = compute(c)
            rec = {
                "id": c["id"],
                "phase": c["phase"],
                "asks": c["asks"],
                "text": c["text"],
                "expected_dates": iso(dates),
                "expected_count": count,
                "note": note,
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            per_phase[c["phase"]] = per_phase.get(c["phase"], 0) + 1
    print(out, len(CASES), per_phase)


if __name__ == "__main__":
    main()
