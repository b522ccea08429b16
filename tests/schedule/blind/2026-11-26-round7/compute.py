#!/usr/bin/env python3
"""Blind test set (round 7): B12 injection-date questions with computed answers.
Conventions follow SCHED_BRIEF.md. Plain datetime only."""
import calendar
import json
from datetime import date, timedelta

TODAY = date(2026, 11, 26)  # Thursday
assert TODAY.weekday() == 3
WD = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
D = lambda s: date.fromisoformat(s)


def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


# ---------- loading schedules ----------
def loading_dates(spec):
    k, s = spec["kind"], D(spec["start"])
    if k == "eod_weeks":      # days 0,2,4,... within first 7*W days
        return [s + timedelta(days=i) for i in range(0, 7 * spec["weeks"], 2)]
    if k == "eod_doses":      # N doses 2 days apart
        return [s + timedelta(days=2 * i) for i in range(spec["n"])]
    if k == "daily":          # N consecutive days
        return [s + timedelta(days=i) for i in range(spec["n"])]
    if k == "per_week":       # fixed pattern from first injection, W*N injections
        offs = {3: [0, 2, 4], 2: [0, 3]}[spec["per_week"]]
        return [s + timedelta(days=7 * w + o) for w in range(spec["weeks"]) for o in offs]
    if k == "weekdays":       # patient-named weekdays, W*N injections from the first one
        names = spec["days"]
        assert WD[s.weekday()] in names
        total = len(names) * spec["weeks"]
        out, d = [], s
        while len(out) < total:
            if WD[d.weekday()] in names:
                out.append(d)
            d += timedelta(days=1)
        return out
    raise ValueError(k)


# ---------- maintenance: anchor + k * interval, k = 1, 2, ... ----------
def maint_date(anchor, m, k):
    if m["unit"] == "weeks":
        return anchor + timedelta(weeks=k * m["every"])
    return add_months(anchor, k * m["every"])


def maint_dates(anchor, m, upto_count=None, until=None):
    out, k = [], 1
    while True:
        d = maint_date(anchor, m, k)
        if until is not None and d > until:
            return out
        out.append(d)
        if upto_count is not None and len(out) >= upto_count:
            return out
        k += 1


Q = []


def q(id, phase, asks, text, load=None, maint=None, n=None, n_maint=None, until=None,
      checks=(), note=""):
    Q.append(dict(id=id, phase=phase, asks=asks, text=text, load=load, maint=maint, n=n,
                  n_maint=n_maint, until=until, checks=checks, note=note))


# ======================= MAINTENANCE ONLY (20) =======================
q("t01", "maintenance", "next",
  "hi, I have my b12 injection every 3 months, the last one was on the 2nd of October. when is my next one due?",
  maint=dict(unit="months", every=3, anchor="2026-10-02"), note="2 Oct + 3 months")
q("t02", "maintenance", "next",
  "Good morning. I have my vitamin B12 jab once a month at the surgery and I had the last one yesterday. "
  "Could you kindly tell me when the next one will be? My memory is not what it was.",
  maint=dict(unit="months", every=1, anchor="2026-11-25"), note="yesterday = 25 Nov; + 1 month")
q("t03", "maintenance", "next_n",
  "I get a B12 shot every 4 weeks, my last one was last Tuesday. Can you give me my next 3 dates so I can put them in my calendar?",
  maint=dict(unit="weeks", every=4, anchor="2026-11-24"), n=3,
  checks=[("2026-11-24", "Tuesday")], note="last Tuesday = 24 Nov; +28d, +56d, +84d")
q("t04", "maintenance", "next",
  "Hello, my doctor say I must take the B12 injection every twelve weeks. Last injection I take was 10 September. When is the next please?",
  maint=dict(unit="weeks", every=12, anchor="2026-09-10"), note="10 Sep + 84 days")
q("t05", "maintenance", "next_n",
  "I look after my mum who has pernicious anaemia. She gets her hydroxocobalamin every other month, "
  "and the district nurse last came to do it on 30 September. What are her next four injection dates? "
  "I need to book the nurse in advance.",
  maint=dict(unit="months", every=2, anchor="2026-09-30"), n=4,
  note="30 Sep + 2, 4, 6, 8 calendar months")
q("t06", "maintenance", "next",
  "I started monthly B12 shots on 31 August and I've had one every month since without missing. When is the next one?",
  maint=dict(unit="months", every=1, anchor="2026-08-31"),
  note="31 Aug + k months: 30 Sep, 31 Oct, 30 Nov (clamped) -> first on/after today")
q("t07", "maintenance", "next_n",
  "My B12 injection is once a month. Had the last one on October 31st. What are the next three dates?",
  maint=dict(unit="months", every=1, anchor="2026-10-31"), n=3,
  note="31 Oct + 1/2/3 months from the anchor: 30 Nov (clamped), 31 Dec, 31 Jan")
q("t08", "maintenance", "next",
  "I'm on 3-monthly B12 injections. The practice nurse gave me the last one on the 29th of August. When am I due again?",
  maint=dict(unit="months", every=3, anchor="2026-08-29"), note="29 Aug + 3 months")
q("t09", "maintenance", "next",
  "wen is my nxt b12 shot?? i get it evry 8 wks n the last 1 was oct 1st",
  maint=dict(unit="weeks", every=8, anchor="2026-10-01"), note="1 Oct + 56 days = today (on or after today)")
q("t10", "maintenance", "next_n",
  "I get my B12 shot every 6 weeks at the clinic. My last one was on Halloween (October 31). "
  "What are my next 2 appointments?",
  maint=dict(unit="weeks", every=6, anchor="2026-10-31"), n=2, note="31 Oct + 42d, + 84d")
q("t11", "maintenance", "next",
  "I've had B12 injections every three months since 15 February this year, never missed one. When's the next?",
  maint=dict(unit="months", every=3, anchor="2026-02-15"),
  note="15 Feb + k*3 months: May 15, Aug 15, Nov 15 (past), Feb 15 2027")
q("t12", "maintenance", "next_n",
  "Hi there! Monthly B12 shot, last one was the 3rd of this month. Can u tell me the next 3?",
  maint=dict(unit="months", every=1, anchor="2026-11-03"), n=3, note="3 Nov + 1,2,3 months")
q("t13", "maintenance", "all",
  "My doctor has me on B12 injections every fortnight for now. I had one on Monday just gone. "
  "Please list all the injection dates I have left before the end of this year.",
  maint=dict(unit="weeks", every=2, anchor="2026-11-23"), until="2026-12-31",
  checks=[("2026-11-23", "Monday")], note="Mon 23 Nov + 14d, +28d; stop at 31 Dec")
q("t14", "maintenance", "next_n",
  "My neurologist changed me to a B12 injection every 10 weeks. The last one was on the 20th of September. "
  "What will be my next four dates?",
  maint=dict(unit="weeks", every=10, anchor="2026-09-20"), n=4, note="20 Sep + 70d*k")
q("t15", "maintenance", "next",
  "I have 3 monthly B12 jabs (every three months, not three a month!). Last one was on 31st August. When is the next one?",
  maint=dict(unit="months", every=3, anchor="2026-08-31"), note="31 Aug + 3 months = 30 Nov (clamped)")
q("t16", "maintenance", "next_n",
  "Some background: I was diagnosed with B12 deficiency last year after months of tingling in my feet and "
  "terrible tiredness. I did my loading doses back then and now I'm on maintenance, one injection every 4 weeks, "
  "which my husband gives me at home. The last one was on 5 November. We're going away over Christmas and "
  "New Year so I need to plan ahead - could you list my next 3 injection dates?",
  maint=dict(unit="weeks", every=4, anchor="2026-11-05"), n=3, note="5 Nov + 28d*k")
q("t17", "maintenance", "next",
  "I had my first maintenance B12 shot on 30 November last year and I've had one every three months since then, "
  "always on time. When is the next one due?",
  maint=dict(unit="months", every=3, anchor="2025-11-30"),
  note="30 Nov 2025 + k*3 months from anchor: 28 Feb, 30 May, 30 Aug, 30 Nov 2026")
q("t18", "maintenance", "next_n",
  "Injection B12 every 12 weeks for me. Last one 1st October. Which are the next two dates?",
  maint=dict(unit="weeks", every=12, anchor="2026-10-01"), n=2, note="1 Oct + 84d, +168d")
q("t19", "maintenance", "next",
  "I have my cyanocobalamin shot every second month. The last was on the 12th of October. When do I need the next one?",
  maint=dict(unit="months", every=2, anchor="2026-10-12"), note="12 Oct + 2 months")
q("t20", "maintenance", "next",
  "Good day. I receive vitamin B12 injection each three months. The last time was 26 of August. "
  "Please, when I must go again to the doctor?",
  maint=dict(unit="months", every=3, anchor="2026-08-26"), note="26 Aug + 3 months = today")

# ======================= LOADING ONLY (17) =======================
q("t21", "loading", "all",
  "The doctor said I need B12 injections every other day for 2 weeks. I had the first one on Monday this week (the 23rd). "
  "Can you list all the dates for me?",
  load=dict(kind="eod_weeks", start="2026-11-23", weeks=2),
  checks=[("2026-11-23", "Monday")], note="days 0..12 step 2 from 23 Nov, 7 shots")
q("t22", "loading", "last_loading",
  "I'm having B12 injections every other day for two weeks, started on 17 November. What day is my last one?",
  load=dict(kind="eod_weeks", start="2026-11-17", weeks=2), note="17 Nov + 12 days")
q("t23", "loading", "count_left",
  "I'm doing the B12 loading doses, every other day for 2 weeks. First was on 19 November and I had one yesterday. "
  "How many injections have I got left?",
  load=dict(kind="eod_weeks", start="2026-11-19", weeks=2),
  note="19,21,23,25,27,29 Nov,1 Dec; remaining on/after today: 27, 29, 1 Dec")
q("t24", "loading", "next",
  "My nurse does my B12 three times a week for two weeks. We started on Monday the 23rd of November. When's my next one?",
  load=dict(kind="per_week", start="2026-11-23", per_week=3, weeks=2),
  checks=[("2026-11-23", "Monday")], note="Mon/Wed/Fri from 23 Nov; next on/after today = Fri 27 Nov")
q("t25", "loading", "next_n",
  "I was told 6 doses of B12, every other day. My first dose was on 21 November. What are my next 3 doses?",
  load=dict(kind="eod_doses", start="2026-11-21", n=6), n=3, note="21,23,25,27,29 Nov, 1 Dec")
q("t26", "loading", "all",
  "The GP wants me to have B12 twice a week for 4 weeks, first one on Tuesday 1st December. Could you write out all the dates?",
  load=dict(kind="per_week", start="2026-12-01", per_week=2, weeks=4),
  checks=[("2026-12-01", "Tuesday")], note="days 0 and 3 each week from Tue 1 Dec: Tue/Fri, 8 shots")
q("t27", "loading", "last_loading",
  "I'm getting B12 shots 3 times a week for 4 weeks starting from Monday November 16. When is the final shot?",
  load=dict(kind="per_week", start="2026-11-16", per_week=3, weeks=4),
  checks=[("2026-11-16", "Monday")], note="Mon/Wed/Fri, week 4 Friday = 11 Dec")
q("t28", "loading", "count_left",
  "My dad gets his B12 on Tuesdays and Fridays for 3 weeks. The first was on Tuesday 17th November. "
  "How many does he still have to go?",
  load=dict(kind="weekdays", start="2026-11-17", days=["Tuesday", "Friday"], weeks=3),
  checks=[("2026-11-17", "Tuesday")], note="17,20,24,27 Nov,1,4 Dec; remaining 27 Nov, 1 Dec, 4 Dec")
q("t29", "loading", "all",
  "Doc put me on B12 injections daily for 7 days starting 30th November. list the dates pls",
  load=dict(kind="daily", start="2026-11-30", n=7), note="30 Nov .. 6 Dec")
q("t30", "loading", "last_loading",
  "I begin my B12 injections tomorrow, every other day for one week. Which day will be the last injection?",
  load=dict(kind="eod_weeks", start="2026-11-27", weeks=1), note="tomorrow 27 Nov; days 0,2,4,6 -> 3 Dec")
q("t31", "loading", "next_n",
  "Bit of a long course for me: B12 every other day for 3 weeks, because my levels were very low. "
  "Started 9 November. What are the next 2 injections?",
  load=dict(kind="eod_weeks", start="2026-11-09", weeks=3), n=2, note="9 Nov + even days up to day 20 (29 Nov)")
q("t32", "loading", "count_left",
  "I'm on 8 B12 injections, one every other day, the first was on 15 November. How many are left?",
  load=dict(kind="eod_doses", start="2026-11-15", n=8), note="15..29 Nov step 2; remaining 27, 29 Nov")
q("t33", "loading", "all",
  "My pharmacist will give me 5 injections of B12 on alternate days, starting Saturday 28 November. What are all the dates?",
  load=dict(kind="eod_doses", start="2026-11-28", n=5),
  checks=[("2026-11-28", "Saturday")], note="28, 30 Nov, 2, 4, 6 Dec")
q("t34", "loading", "next",
  "I have B12 injections on Monday, Wednesday and Friday for two weeks. The first one was Wednesday 18 November. "
  "When is the next one?",
  load=dict(kind="weekdays", start="2026-11-18", days=["Monday", "Wednesday", "Friday"], weeks=2),
  checks=[("2026-11-18", "Wednesday")], note="18,20,23,25,27,30 Nov; next = 27 Nov")
q("t35", "loading", "last_loading",
  "Hello, I am starting vitamin B12 shots, one every other day during 2 weeks. The first is on 24 November. "
  "When is finishing?",
  load=dict(kind="eod_weeks", start="2026-11-24", weeks=2), note="24 Nov + 12 days = 6 Dec")
q("t36", "loading", "next_n",
  "My mother-in-law is having B12 twice a week for 3 weeks, the first one was Friday 20th November. "
  "What are her next three injection days?",
  load=dict(kind="per_week", start="2026-11-20", per_week=2, weeks=3),
  n=3, checks=[("2026-11-20", "Friday")], note="Fri/Mon pattern: 20,23,27,30 Nov,4,7 Dec")
q("t37", "loading", "all",
  "I was prescribed 4 B12 injections, one every other day, starting on the 1st of December. Please list them all.",
  load=dict(kind="eod_doses", start="2026-12-01", n=4), note="1,3,5,7 Dec")

# ======================= BOTH PHASES (18) =======================
q("t38", "both", "first_maintenance",
  "I did B12 every other day for 2 weeks starting 2 November, and after that it's every 3 months. "
  "When is my first 3-monthly one?",
  load=dict(kind="eod_weeks", start="2026-11-02", weeks=2), maint=dict(unit="months", every=3),
  note="last loading 14 Nov; + 3 months")
q("t39", "both", "next",
  "I had B12 every other day for two weeks from 9 November, and now it's once a month. When is my next injection?",
  load=dict(kind="eod_weeks", start="2026-11-09", weeks=2), maint=dict(unit="months", every=1),
  note="last loading 21 Nov; maintenance 21 Dec")
q("t40", "both", "next_n",
  "Started B12 loading on 17 November - every other day for 2 weeks - then every 3 months after. "
  "What are my next 3 injections?",
  load=dict(kind="eod_weeks", start="2026-11-17", weeks=2), maint=dict(unit="months", every=3), n=3,
  note="loading 17..29 Nov; remaining 27, 29 Nov; then 29 Nov + 3 months = 28 Feb 2027 (clamped)")
q("t41", "both", "all",
  "My B12 plan: 3 times a week for 2 weeks starting Monday 30 November, then one every twelve weeks. "
  "Can you list all the loading injections and the first injection after the loading?",
  load=dict(kind="per_week", start="2026-11-30", per_week=3, weeks=2), maint=dict(unit="weeks", every=12),
  n_maint=1, checks=[("2026-11-30", "Monday")], note="Mon/Wed/Fri x2 weeks, last 11 Dec; + 84 days")
q("t42", "both", "last_loading",
  "I'm going to have B12 daily for 5 days starting 1 December, and then weekly after that. When's the last daily one?",
  load=dict(kind="daily", start="2026-12-01", n=5), maint=dict(unit="weeks", every=1), note="1..5 Dec")
q("t43", "both", "first_maintenance",
  "I care for my husband who has dementia. He's having 6 B12 injections every other day, the first was on 20 November, "
  "and after that they go to monthly. When will the first monthly injection be?",
  load=dict(kind="eod_doses", start="2026-11-20", n=6), maint=dict(unit="months", every=1),
  note="last loading 30 Nov; + 1 month = 30 Dec")
q("t44", "both", "count_left",
  "Loading doses of B12 every other day for 2 weeks from 15 Nov, then every 2 months. "
  "How many loading shots are left for me?",
  load=dict(kind="eod_weeks", start="2026-11-15", weeks=2), maint=dict(unit="months", every=2),
  note="15..27 Nov step 2; remaining 27 Nov only")
q("t45", "both", "next_n",
  "eod b12 for 2 wks started 12 nov then every 4 wks after. whats my next 4 dates",
  load=dict(kind="eod_weeks", start="2026-11-12", weeks=2), maint=dict(unit="weeks", every=4), n=4,
  note="last loading 24 Nov; then +28d*k")
q("t46", "both", "first_maintenance",
  "I have B12 three times a week for 4 weeks, started Monday 9 November. Afterwards it will be every 3 months. "
  "When is the first of the 3-monthly ones?",
  load=dict(kind="per_week", start="2026-11-09", per_week=3, weeks=4), maint=dict(unit="months", every=3),
  checks=[("2026-11-09", "Monday")], note="last loading Fri 4 Dec; + 3 months = 4 Mar 2027")
q("t47", "both", "next",
  "Back in October I had B12 daily for 7 days, starting October 1st, and then monthly since. When's my next shot?",
  load=dict(kind="daily", start="2026-10-01", n=7), maint=dict(unit="months", every=1),
  note="last loading 7 Oct; 7 Nov, 7 Dec")
q("t48", "both", "all",
  "I'll get 5 B12 injections on alternate days beginning 30 November, then once a month. "
  "Could you write all the dates of the loading and the first two monthly injections?",
  load=dict(kind="eod_doses", start="2026-11-30", n=5), maint=dict(unit="months", every=1), n_maint=2,
  note="30 Nov, 2,4,6,8 Dec; 8 Jan, 8 Feb")
q("t49", "both", "next_n",
  "My B12 is twice weekly for 3 weeks, first one Tuesday 17 November, and then every 8 weeks. Next 3 dates please?",
  load=dict(kind="per_week", start="2026-11-17", per_week=2, weeks=3), maint=dict(unit="weeks", every=8), n=3,
  checks=[("2026-11-17", "Tuesday")], note="Tue/Fri: 17,20,24,27 Nov,1,4 Dec; next 3 = 27 Nov,1,4 Dec")
q("t50", "both", "first_maintenance",
  "I'm starting B12 next year: every other day for 2 weeks from 19 January 2027, then monthly. "
  "When will my first monthly injection be?",
  load=dict(kind="eod_weeks", start="2027-01-19", weeks=2), maint=dict(unit="months", every=1),
  note="last loading 31 Jan 2027; + 1 month = 28 Feb 2027 (clamped)")
q("t51", "both", "next",
  "I did the every-other-day B12 for 2 weeks starting 1 September and now I go every 3 months. When is my next one?",
  load=dict(kind="eod_weeks", start="2026-09-01", weeks=2), maint=dict(unit="months", every=3),
  note="last loading 13 Sep; + 3 months = 13 Dec")
q("t52", "both", "first_maintenance",
  "Nurse will do my B12 Monday, Wednesday and Friday for 2 weeks beginning Monday 7th December, and then every 4 weeks. "
  "When is the first 4-weekly injection?",
  load=dict(kind="weekdays", start="2026-12-07", days=["Monday", "Wednesday", "Friday"], weeks=2),
  maint=dict(unit="weeks", every=4),
  checks=[("2026-12-07", "Monday")], note="last loading Fri 18 Dec; + 28 days = 15 Jan 2027")
q("t53", "both", "last_loading",
  "Doctor tell me six injection of B12, one each two days, begin 25 November, after this one every three month. "
  "What is the last day of the six?",
  load=dict(kind="eod_doses", start="2026-11-25", n=6), maint=dict(unit="months", every=3),
  note="25,27,29 Nov,1,3,5 Dec")
q("t54", "both", "next_n",
  "I did my B12 loading back in the summer, every other day for 2 weeks starting 3 August, "
  "and since then every other month. What are my next two injections?",
  load=dict(kind="eod_weeks", start="2026-08-03", weeks=2), maint=dict(unit="months", every=2), n=2,
  note="last loading 15 Aug; 15 Oct, 15 Dec, 15 Feb 2027")
q("t55", "both", "count_left",
  "I'm having B12 three times a week for 3 weeks, started Wednesday 18 November, and then monthly. "
  "How many of the three-times-a-week ones do I have left?",
  load=dict(kind="per_week", start="2026-11-18", per_week=3, weeks=3), maint=dict(unit="months", every=1),
  checks=[("2026-11-18", "Wednesday")],
  note="pattern Wed/Fri/Sun from 18 Nov: 18,20,22,25,27,29 Nov,2,4,6 Dec; remaining 27,29 Nov,2,4,6 Dec")


# ======================= compute =======================
def solve(x):
    for ds, wd in x["checks"]:
        assert WD[D(ds).weekday()] == wd, (x["id"], ds, wd)
    L = loading_dates(x["load"]) if x["load"] else []
    m = x["maint"]
    anchor = L[-1] if L else (D(m["anchor"]) if m else None)
    asks, count = x["asks"], None
    # count_left questions must not fall on an injection day today (avoids the "already had today's?" ambiguity)
    if asks == "count_left":
        assert TODAY not in L, x["id"]
    if asks == "next" or asks == "next_n":
        n = 1 if asks == "next" else x["n"]
        cand = [d for d in L if d >= TODAY]
        if m:
            cand += [d for d in maint_dates(anchor, m, until=TODAY + timedelta(days=3 * 366)) if d >= TODAY]
        cand = sorted(set(cand))
        out = cand[:n]
        assert len(out) == n, x["id"]
    elif asks == "last_loading":
        out = [L[-1]]
    elif asks == "count_left":
        out = [d for d in L if d >= TODAY]
        count = len(out)
    elif asks == "first_maintenance":
        out = [maint_date(anchor, m, 1)]
    elif asks == "all":
        if x["phase"] == "loading":
            out = L
        elif x["phase"] == "both":
            out = L + maint_dates(anchor, m, upto_count=x["n_maint"])
        else:
            out = [d for d in maint_dates(anchor, m, until=D(x["until"])) if d >= TODAY]
    else:
        raise ValueError(asks)
    return [d.isoformat() for d in out], count


def main():
    ids = [x["id"] for x in Q]
    assert len(Q) == 55 and len(set(ids)) == 55
    rows = []
    for x in Q:
        dates, count = solve(x)
        rows.append({"id": x["id"], "phase": x["phase"], "asks": x["asks"], "text": x["text"],
                     "expected_dates": dates, "expected_count": count, "note": x["note"]})
    with open("/work/sched7/schedule_blind.jsonl", "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    from collections import Counter
    print("phase:", dict(Counter(r["phase"] for r in rows)))
    print("asks:", dict(Counter(r["asks"] for r in rows)))
    for r in rows:
        print(r["id"], r["phase"][:5], r["asks"], r["expected_dates"], r["expected_count"] if r["expected_count"] is not None else "")


if __name__ == "__main__":
    main()
