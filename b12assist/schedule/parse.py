"""Free-text schedule details: "I started on 4 March, every other day for two weeks, then monthly".

`parse_schedule(text, today)` returns whatever pieces it finds plus questions for pieces that are
ambiguous, such as "03/04" (3 April or 4 March?). It never guesses an ambiguous value. Each piece
has its own small function, tested on its own:

- dates: `find_dates`, `date_preference` (past or future, from the tense), `pick_date`;
- loading pattern: `parse_loading_pattern`; loading length: `parse_loading_length`;
- maintenance interval: `parse_maintenance`; dose: `parse_dose`; named preset: `find_preset`;
- the question asked: `parse_question` (next date, next N, last loading day, how many, ...);
- the phases the message is about: `parse_phase` (loading, maintenance or both).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .calculator import LoadingLength, LoadingPattern, MaintenanceInterval
from .question import Question, parse_question

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "once": 1, "two": 2, "twice": 2, "three": 3, "thrice": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "a couple of": 2, "couple of": 2, "several": 0,
}
_NUM = r"(\d{1,3}|a couple of|couple of|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty)"
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
# Weekday names: full names (or tues/weds/thurs) anywhere; three-letter abbreviations only in
# lists such as Mon/Wed/Fri, so words like "months" or "I sat down" are never read as a day.
_WEEKDAY_FULL = r"(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)\b"
_WEEKDAY = r"(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)?s?\b"
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"


def _num(word: str) -> int:
    word = word.strip().lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)


@dataclass
class DateFound:
    value: date | None
    text: str
    ambiguous: tuple[date, ...] = ()
    error: str = ""


@dataclass
class ParsedSchedule:
    start: date | None = None
    pattern: LoadingPattern | None = None
    length: LoadingLength | None = None
    maintenance: MaintenanceInterval | None = None
    dose_mcg: int | None = None
    dates: list[DateFound] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    phase: str | None = None            # "loading" | "maintenance" | "both" | None (not said)
    question: Question | None = None    # what the patient asked, None when nothing was asked
    preset: object | None = None        # a named preset (presets.Preset), to confirm, never filled in

    @property
    def anything(self) -> bool:
        return any(v is not None for v in (self.start, self.pattern, self.length, self.maintenance,
                                            self.dose_mcg, self.preset)) or bool(self.questions)


# --- dates ---------------------------------------------------------------------------------
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH}\b(?:,? (\d{{4}}))?")
_MONTH_DAY = re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?")
_RELATIVE = re.compile(
    rf"\b(today|yesterday|tomorrow|the day before yesterday|day after tomorrow|"
    rf"(?:last|next|this|on|since) {_WEEKDAY_FULL}|{_NUM} (?:days?|weeks?) ago|in {_NUM} days?)\b")
# "the 5th" is a day of a month, but "the 10th dose" is a count of injections
_ORDINAL = re.compile(r"\b(?:the|on the) (\d{1,2})(?:st|nd|rd|th)\b(?! (?:dose|injection|shot|jab|one)s?\b)")
# A weekday right before an explicit date ("Monday 30 November", "Tuesday the 20th") only names
# that date's weekday; it is not a date of its own.
_DATE_FOLLOWS = re.compile(rf"\s*,?\s*(?:the\s+)?(?:\d{{1,4}}(?:st|nd|rd|th)?\b|{_MONTH} \d)")


def _month_index(token: str) -> int:
    return MONTHS.index(token[:3].lower()) + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, today: date, prefer: str) -> int:
    """No year given: the nearest such date in the preferred direction (within a year)."""
    candidate = _safe_date(today.year, month, day)
    if candidate is None:
        return today.year
    if prefer == "past" and candidate > today + timedelta(days=31):
        return today.year - 1
    if prefer == "future" and candidate < today - timedelta(days=31):
        return today.year + 1
    return today.year


def _relative(text: str, today: date, prefer: str) -> date | None:
    """Relative phrases: weekdays and simple offsets by hand (exact rules), the rest by dateparser."""
    text = text.strip()
    wd = re.search(rf"\b{_WEEKDAY_FULL}", text)
    if wd:
        target = WEEKDAYS[wd.group(1)]
        back = (today.weekday() - target) % 7
        ahead = (target - today.weekday()) % 7
        if text.startswith("last"):
            return today - timedelta(days=back or 7)
        if text.startswith("next"):
            return today + timedelta(days=ahead or 7)
        if text.startswith("this"):
            return today + timedelta(days=ahead)
        return today - timedelta(days=back) if prefer == "past" else today + timedelta(days=ahead)
    fixed = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "day after tomorrow": 2}
    if text in fixed:
        return today + timedelta(days=fixed[text])
    import dateparser

    base = datetime(today.year, today.month, today.day, 12, 0)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _checked(d: date | None, text: str, error: str = "") -> DateFound:
    return DateFound(d, text, error="" if d else (error or f"{text.strip()} isn't a real date."))


def _iso_dates(low: str, today: date, prefer: str, reference: date | None):
    for m in _ISO.finditer(low):
        yield m, _checked(_safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.group(0))


def _named_month_dates(low: str, today: date, prefer: str, reference: date | None):
    """"4 March", "the 20th of October", "March 4th, 2026", "oct 13"."""
    for regex, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in regex.finditer(low):
            day, month = int(m.group(day_group)), _month_index(m.group(month_group))
            year = int(m.group(3)) if m.group(3) else _year_for(month, min(day, 28), today, prefer)
            yield m, _checked(_safe_date(year, month, day), m.group(0))


def _numeric_dates(low: str, today: date, prefer: str, reference: date | None):
    """"25/12/2025", "03/04" (both readings kept when both are real dates: asked, never guessed)."""
    for m in _NUMERIC.finditer(low):
        a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
        readings: list[date] = []
        for day, month in ((a, b), (b, a)):
            if not 1 <= month <= 12:
                continue
            y = int(year) + (2000 if len(year) == 2 else 0) if year else _year_for(month, min(day, 28), today, prefer)
            d = _safe_date(y, month, day)
            if d and d not in readings:
                readings.append(d)
        if len(readings) > 1:
            yield m, DateFound(None, m.group(0), ambiguous=tuple(readings))
        else:
            yield m, _checked(readings[0] if readings else None, m.group(0), f"{m.group(0)} isn't a real date.")


def _ordinal_dates(low: str, today: date, prefer: str, reference: date | None):
    """"the 5th": in the month of `reference` (a correction), else the nearest such day."""
    for m in _ORDINAL.finditer(low):
        day = int(m.group(1))
        if reference is not None:
            yield m, _checked(_safe_date(reference.year, reference.month, day), m.group(0),
                              f"the {day} isn't a day of {reference:%B}.")
            continue
        d = _safe_date(today.year, today.month, day)
        if d and prefer == "past" and d > today:
            prev = (today.replace(day=1) - timedelta(days=1))
            d = _safe_date(prev.year, prev.month, day)
        elif d and prefer == "future" and d < today:
            nxt = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
            d = _safe_date(nxt.year, nxt.month, day)
        yield m, _checked(d, m.group(0), f"the {day} isn't a day of that month.")


def _relative_dates(low: str, today: date, prefer: str, reference: date | None):
    """"yesterday", "last Monday", "3 days ago"; then a bare weekday ("on Friday"), last, so it
    never splits a longer phrase. A weekday right before an explicit date only names its weekday."""
    for m in _RELATIVE.finditer(low):
        if re.search(_WEEKDAY_FULL, m.group(0)) and _DATE_FOLLOWS.match(low, m.end()):
            continue
        yield m, DateFound(_relative(m.group(0), today, prefer), m.group(0))
    lists = [w for w in _WEEKDAY_LIST.finditer(low) if _is_pattern_list(w, low)]
    for m in re.finditer(rf"\b{_WEEKDAY_FULL}", low):
        if re.search(r"(?:times|x) (?:a|per) week|/", low[max(0, m.start() - 25):m.end() + 25]):
            continue  # part of a weekday pattern such as Mon/Wed/Fri
        if any(w.start() <= m.start() < w.end() for w in lists):
            continue  # "Monday, Wednesday and Friday for 2 weeks" is a pattern, not three dates
        if _DATE_FOLLOWS.match(low, m.end()):
            continue
        yield m, DateFound(_relative(m.group(0), today, prefer), m.group(0))


# in order of precedence: a span taken by an earlier finder is not read again by a later one
_DATE_FINDERS = (_iso_dates, _named_month_dates, _numeric_dates, _ordinal_dates, _relative_dates)


def find_dates(text: str, today: date, prefer: str = "past", reference: date | None = None) -> list[DateFound]:
    """Every date mentioned, in order. Numeric day/month dates that could be read both ways are
    returned as ambiguous, with both readings. A bare day ("the 5th") falls in the month of
    `reference` when one is given (a correction of a date already said), else near today."""
    low = text.lower()
    found: list[tuple[int, DateFound]] = []
    taken: list[tuple[int, int]] = []
    for finder in _DATE_FINDERS:
        for match, result in finder(low, today, prefer, reference):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((match.start(), result))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def describe_day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"




def date_preference(low: str) -> str:
    """"future" when the message speaks of injections still to start ("I will start on 4 January"),
    else "past" (a date without a year is then the latest such date, or one within the next month)."""
    future = re.search(r"\b(?:will|i'll|going to|gonna|starts|i start|we start|to start|starting on|"
                       r"plan to|booked for)\b", low)
    past = re.search(r"\b(?:started|began|begun|had|was|did|last|ago|since|most recent|been|finished)\b", low)
    return "future" if future and not past else "past"


def pick_date(dates: list[DateFound]) -> tuple[date | None, list[str]]:
    """The first date mentioned, or the question to ask about it (impossible or ambiguous)."""
    for found in dates:
        if found.error:
            return None, [found.error + " Could you check the date?"]
        if found.ambiguous:
            options = " or ".join(describe_day(d) for d in found.ambiguous)
            return None, [f"Did you mean {options} by {found.text}? Writing the month as a word "
                          "(like 4 March) avoids the mix-up."]
        if found.value:
            return found.value, []
    return None, []


# --- loading pattern ---------------------------------------------------------------------------
_EVERY = r"(?:every|evry|everey|eveyr|evrey|evey|eveary|each)"
_EVERY_OTHER = re.compile(rf"\b(?:{_EVERY} (?:other|othr|otehr|otha) day|{_EVERY} second day|alternate days?|on alternate days|"
                          rf"{_EVERY} 2(?:nd)? days|{_EVERY} two days|{_EVERY} 48 hours|eod)\b")
_DAILY = re.compile(rf"\b(?:daily|{_EVERY} day|once a day|{_EVERY} morning|{_EVERY} single day|"
                    rf"(?:one|1|a|an) (?:injection|shot|jab|dose|needle)s? (?:a|per|each) day)\b")
_EVERY_N_DAYS = re.compile(rf"\b{_EVERY} {_NUM} days\b")
_TIMES = r"(\d|one|two|three|four|five|six|seven|once|twice|thrice)"
_PER_WEEK = re.compile(
    rf"\b{_TIMES}(?: times| ?x)?(?: (?:injections|shots|jabs|doses))? (?:a|per|each|every|in a|in|in the|in one) week\b|"
    rf"\b{_TIMES}(?: times| ?x)? weekly\b")
_WEEKDAY_LIST = re.compile(rf"\b{_WEEKDAY}(?:\s*(?:/|,|and|&|\+)\s*{_WEEKDAY})+\b")
_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}


def _is_pattern_list(days_list: re.Match, low: str) -> bool:
    """"on Monday and Wednesday" may be two dates; three weekdays, or a list beside a loading length
    ("on Mon, Wed and Fri for 4 weeks"), is a loading pattern."""
    return len(re.findall(_WEEKDAY, days_list.group(0))) >= 3 or bool(_FOR_WEEKS.search(low))


def parse_loading_pattern(low: str, requested: str | None = None) -> tuple[LoadingPattern | None, list[str]]:
    """How often the loading injections are: every other day, daily, every N days, N a week, or
    named weekdays (Mon/Wed/Fri)."""
    days_list = _WEEKDAY_LIST.search(low)
    per_week = _PER_WEEK.search(low)
    then_weekly = _THEN_WEEKLY.search(low)
    if per_week and then_weekly and per_week.start() >= then_weekly.start():
        per_week = None      # "..., then once a week" is the maintenance interval, not loading
    if _EVERY_OTHER.search(low):
        return LoadingPattern("every_other_day"), []
    plural_days = bool(days_list and re.search(r"days\b|s\b", days_list.group(0).split()[0]))
    if days_list and (plural_days or _is_pattern_list(days_list, low)
                      or not re.search(r"\b(?:last|next|on|since)\s+" + days_list.group(0)[:3], low)):
        names = re.findall(_WEEKDAY, days_list.group(0))
        weekdays = tuple(sorted({WEEKDAYS[n[:3]] for n in names}))
        return LoadingPattern("weekly", per_week=len(weekdays), weekdays=weekdays), []
    if per_week:
        word = next(g for g in per_week.groups() if g)
        n = _TIMES_WORDS.get(word) or _num(word)
        if n:
            return LoadingPattern("weekly", per_week=n), []
        return None, ["How many injections a week did your clinic prescribe for loading?"]
    if _DAILY.search(low):
        return LoadingPattern("daily"), []
    if (m := _EVERY_N_DAYS.search(low)):
        return LoadingPattern("interval", days=_num(m.group(1))), []
    weekly = _WEEKLY.search(low)
    if weekly and _FOR_WEEKS.search(low, weekly.end()):   # "weekly injections for 4 weeks, then ..."
        return LoadingPattern("weekly", per_week=1), []
    if requested == "sched_loading_pattern" and weekly:
        return LoadingPattern("weekly", per_week=1), []
    return None, []


# --- loading length ----------------------------------------------------------------------------
_WEEKS = r"(?:weeks?|wks?)"
_FOR_WEEKS = re.compile(rf"\b(?:for|over|lasting)(?: about| around| roughly| the next)? {_NUM}[- ]{_WEEKS}\b|"
                        rf"\bx ?(\d{{1,2}}|one|two|three|four|five|six|eight|ten|twelve)[- ]?{_WEEKS}\b|"
                        rf"\b(?:for )?a fortnight\b|"
                        rf"\b{_NUM}[- ]{_WEEKS} (?:of )?loading\b|\bloading (?:phase )?(?:of|for|is|lasts) {_NUM} {_WEEKS}\b")
_FOR_DAYS = re.compile(rf"\b(?:for|over) (?:the next )?{_NUM} days\b|\bx ?(\d{{1,2}}) days\b|"
                       rf"\b(?:daily|a day|per day|each day|every day),? {_NUM} days\b")
_BARE_WEEKS = re.compile(rf"\b(?:{_NUM}[- ]|(\d{{1,2}})){_WEEKS}\b(?! ago| later| before| after| from)")
_COUNT = r"(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty)"
_DOSES = re.compile(rf"\b{_NUM} (?:loading )?(?:injections|shots|jabs|doses)\b(?! (?:a|per|each|every|in a) (?:week|day))|"
                    rf"\b{_COUNT} (?:(?:b12|b 12|vitamin|loading|more|im|hydroxocobalamin|cyanocobalamin) ){{1,3}}"
                    rf"(?:injections?|shots?|jabs?|doses?)\b(?! (?:a|per|each|every|in a|in) (?:week|month|day))|"
                    rf"\b(\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty) "
                    rf"(?:injection|shot|jab|dose)\b(?! (?:a|per|each|every|in a|in) (?:week|month|day))(?!s)|"
                    rf"\btotal (?:of )?{_COUNT}(?: (?:injections?|shots?|jabs?|doses?))?\b|"
                    rf"\b{_COUNT} (?:injections?|shots?|jabs?|doses?) (?:in total|total|altogether)\b")


def parse_loading_length(low: str, pattern: LoadingPattern | None = None,
                         requested: str | None = None) -> LoadingLength | None:
    """How long loading lasts: "for 2 weeks", "x 2 weeks", "a fortnight", "for 7 days", "6 injections";
    a bare "two weeks" counts only beside a loading pattern ("every other day, two weeks")."""
    if (m := _FOR_WEEKS.search(low)):
        n = next((_num(g) for g in m.groups() if g), 2 if "fortnight" in m.group(0) else 0)
        return LoadingLength(weeks=n)
    if (m := _DOSES.search(low)) and not re.search(r"\b(?:next|following|another)\s*$", low[:m.start()]):
        return LoadingLength(doses=_num(next(g for g in m.groups() if g)))
    if (m := _FOR_DAYS.search(low)):
        return LoadingLength(days=_num(next(g for g in m.groups() if g)))
    if pattern is not None or requested == "sched_loading_length":
        for m in _BARE_WEEKS.finditer(low):
            before = low[max(0, m.start() - 12):m.start()]
            word = m.group(1) or m.group(2)      # "2 weeks" or "2wks"
            if word in ("a", "an"):
                continue   # "3 injections a week" is a pattern, not a length
            if not re.search(rf"(?:{_EVERY}|in|after|than|ago)\s*$", before):
                return LoadingLength(weeks=_num(word))
    if requested == "sched_loading_length" and (m := re.search(rf"\b{_NUM}\b", low)):
        n = _num(m.group(1))
        if "fortnight" in low:
            return LoadingLength(weeks=2)
        if "day" in low:
            return LoadingLength(days=n)
        if n:
            return LoadingLength(doses=n)
    return None


# --- maintenance interval ----------------------------------------------------------------------
_MONTHS_UNIT = r"(?:months?|monthes|mths?|mnths?|mos|monts?|moths?|monhts?)"
_MONTHLY = re.compile(rf"\b(?:monthly|{_EVERY} month|once a month|once every month|a month apart|1[- ]monthly)\b")
_EVERY_OTHER_MONTH = re.compile(rf"\b(?:{_EVERY} (?:other|second|2nd) month|alternate months)\b")
_QUARTERLY = re.compile(r"\b(?:quarterly|every quarter)\b")
_FORTNIGHTLY = re.compile(rf"\b(?:fortnightly|{_EVERY} fortnight)\b")
_EVERY_N_MONTHS = re.compile(rf"\b{_EVERY} {_NUM}(?: (?:-|to|or) ({_NUM[1:-1]}))? {_MONTHS_UNIT}\b|"
                             rf"\b{_EVERY} {_NUM}-(\d) {_MONTHS_UNIT}\b|\b{_NUM}[- ]monthly\b")
_EVERY_N_WEEKS = re.compile(rf"\b{_EVERY} {_NUM}(?: (?:-|to|or) ({_NUM[1:-1]}))? {_WEEKS}\b|"
                            rf"\b{_EVERY} {_NUM}-(\d) {_WEEKS}\b|\b{_NUM}[- ]weekly\b")
_WEEKLY = re.compile(r"\b(?:weekly|every week|once a week)\b")
# "daily for 7 days, then once a week": weekly after the loading is the maintenance interval
_THEN_WEEKLY = re.compile(r"\b(?:then|after that|afterwards|followed by|thereafter)\b[^.;?]*?"
                          r"\b(?:weekly|every week|once a week)\b")


def _interval_match(regex, text):
    m = regex.search(text)
    if not m:
        return None, None
    groups = [g for g in m.groups() if g]
    first = _num(groups[0]) if groups else 0
    second = _num(groups[1]) if len(groups) > 1 else 0
    return first, second


# "my first three monthly ones", "the next two monthly dates": a count of injections, not "3-monthly"
_COUNT_OF_MONTHLY = re.compile(rf"\b(?:first|next|following|coming|last) {_NUM}[- ]monthly "
                               rf"(?:ones?|dates?|injections?|shots?|jabs?|doses?|appointments?)\b")
# an interval the plan had before: "every 10 weeks now (used to be monthly)", "changed from monthly"
_FORMER = re.compile(r"\b(?:used to be|it used to|previously|formerly|instead of|rather than|"
                     r"(?:changed|moved|switched|went|gone|dropped|increased|reduced|cut) (?:down |up )?from)\b"
                     r"[^.;,()]*?(?=\s+(?:to|now)\b|[.;,()]|$)")


def _current_intervals(low: str) -> str:
    """The text with counts of monthly injections and the plan's former intervals left out (when an
    interval is still said without them)."""
    low = _COUNT_OF_MONTHLY.sub(" ", low)
    without = _FORMER.sub(" ", low)
    if without != low and any(r.search(without) for r in (_EVERY_N_MONTHS, _EVERY_N_WEEKS, _MONTHLY, _QUARTERLY,
                                                          _EVERY_OTHER_MONTH, _FORTNIGHTLY)):
        return without
    return low


def parse_maintenance(low: str, requested: str | None = None) -> tuple[MaintenanceInterval | None, list[str]]:
    """The maintenance interval, in months ("monthly", "every 3 month", "every other month",
    "3-monthly") or weeks ("every 8 weeks", "12-weekly", "evry 4 wks"). A range ("every 2-3
    months") is asked about, never guessed; an interval the plan used to have is not read."""
    low = _current_intervals(low)
    months, months_hi = _interval_match(_EVERY_N_MONTHS, low)
    weeks, weeks_hi = _interval_match(_EVERY_N_WEEKS, low)
    if months_hi or weeks_hi:
        unit = "months" if months_hi else "weeks"
        lo, hi = (months, months_hi) if months_hi else (weeks, weeks_hi)
        return None, [f"Your plan says every {lo} to {hi} {unit}. Which interval did your clinician set "
                      f"for you: every {lo} or every {hi} {unit}?"]
    if months:
        return MaintenanceInterval(months=months), []
    if _EVERY_OTHER_MONTH.search(low):
        return MaintenanceInterval(months=2), []
    if _QUARTERLY.search(low):
        return MaintenanceInterval(months=3), []
    if _MONTHLY.search(low):
        return MaintenanceInterval(months=1), []
    if weeks:
        return MaintenanceInterval(weeks=weeks), []
    if _FORTNIGHTLY.search(low):
        return MaintenanceInterval(weeks=2), []
    if _WEEKLY.search(low) and (requested == "sched_maintenance" or _THEN_WEEKLY.search(low)):
        return MaintenanceInterval(weeks=1), []
    return None, []


# --- dose --------------------------------------------------------------------------------------
_DOSE = re.compile(r"\b(\d{1,2}(?:,\d{3})|\d{2,4})\s?(?:mcg|micrograms?|µg|ug)\b|\b(\d(?:\.\d)?)\s?(?:mg|milligrams?)\b")


def parse_dose(low: str) -> int | None:
    """A dose the patient stated (in mcg), else None: the assistant never assumes one."""
    m = _DOSE.search(low)
    if not m:
        return None
    if m.group(1):
        return int(m.group(1).replace(",", ""))
    return int(float(m.group(2)) * 1000)


# --- phases ------------------------------------------------------------------------------------
def parse_phase(pattern: LoadingPattern | None, length: LoadingLength | None,
                maintenance: MaintenanceInterval | None, question: Question | None, low: str) -> str | None:
    """Which phases the message is about. Loading details and a maintenance interval: both; an
    interval alone: maintenance only (the date is then a maintenance injection already given);
    loading details alone: loading only, unless the question is about maintenance."""
    loading = pattern is not None or length is not None
    if loading and maintenance is not None:
        return "both"
    if maintenance is not None:
        return "maintenance"
    if loading:
        if question is not None and "first_maintenance" in question.kinds:
            return "both"
        return "loading"
    if re.search(r"\bloading\b", low) and not re.search(r"\b(?:after|finished|done with|past) (?:the |my )?loading", low):
        return "loading"
    if re.search(r"\b(?:maintenance|top.?ups?)\b", low):
        return "maintenance"
    return None


def normalise(text: str) -> str:
    low = " ".join(text.lower().replace("’", "'").replace("–", "-").replace("—", "-").split())
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", low)   # every-other-day -> every other day


def parse_schedule(text: str, today: date | None = None, requested: str | None = None,
                   reference: date | None = None) -> ParsedSchedule:
    """Pull schedule details out of one message. `requested` is the piece the form just asked
    for, which settles bare answers such as "weekly" or "4 March"; `reference` is a date already
    given, so "no, it was the 5th" means the 5th of that month. A named preset is returned as
    `preset`, to be confirmed with the patient; it never fills the plan by itself."""
    today = today or date.today()
    low = normalise(text)
    result = ParsedSchedule()
    result.pattern, questions = parse_loading_pattern(low, requested)
    result.questions += questions
    result.length = parse_loading_length(low, result.pattern, requested)
    result.maintenance, questions = parse_maintenance(low, requested)
    result.questions += questions
    result.dose_mcg = parse_dose(low)
    from .presets import find_preset
    result.preset = find_preset(low)
    result.dates = find_dates(low, today, prefer=date_preference(low), reference=reference)
    result.start, questions = pick_date(result.dates)
    result.questions += questions
    result.question = parse_question(low, today)
    result.phase = parse_phase(result.pattern, result.length, result.maintenance, result.question, low)
    return result


# a missed or moved injection, unless negated ("I never miss one", "haven't skipped any")
_NOT_A_PLAN = re.compile(r"(?<!never )(?<!not )(?<!n't )(?<!without )"
                         r"\b(?:miss(?:ed)?|forgot|skipped|moved|rescheduled|postponed|cancell?ed)\b")
# "haven't missed any", "never skipped one": a plan kept to, not a missed dose
_DENIES_MISSING = re.compile(r"(?:\b(?:never|not|without|no)|n't)\s+(?:once\s+)?(?:missed|missing|skipped|skipping|"
                             r"forgotten|forgot)\b|\bnot (?:a single|one) (?:missed|skipped)\b")


def denies_missing(text: str) -> bool:
    """The message says no injection was missed ("haven't missed any", "never skipped one")."""
    low = normalise(text)
    return bool(_DENIES_MISSING.search(low)) and not _NOT_A_PLAN.search(low)


# the clinic forgot to book it, the surgery moved nothing yet: an appointment to arrange, not a missed dose
_STAFF_FORGOT = re.compile(r"\b(?:receptionist|reception|surgery|practice|clinic|nurse|doctor|gp|pharmacy|they|"
                           r"someone|somebody) (?:\w+ )?forgot to (?:book|schedule|arrange|make|put|send|tell|ring|call)\b")


def carries_plan(text: str, today: date | None = None) -> bool:
    """A message that describes a plan itself: a date and a loading pattern, a maintenance interval
    or a named preset ("monthly, last one on 3 Nov, when's the next?"). Such a message belongs to the schedule
    conversation whatever else it asks; a missed or moved injection does not."""
    low = normalise(text)
    if _NOT_A_PLAN.search(_STAFF_FORGOT.sub(" ", low)):
        return False
    today = today or date.today()
    has_date = any(d.value for d in find_dates(low, today, prefer=date_preference(low)))
    if not has_date:
        return False
    pattern, _ = parse_loading_pattern(low)
    maintenance, questions = parse_maintenance(low)
    if pattern is not None or maintenance is not None or bool(questions):
        return True
    from .presets import find_preset   # a named regimen with a date: "the usual schedule, from 9 Nov"

    return find_preset(low) is not None


_CORRECTION = re.compile(r"^\s*(?:no\b|nope\b|sorry\b|oops\b|actually\b|wait\b|i meant\b|i mean\b|correction\b)|"
                         r"\b(?:it was|it's|its) (?:actually |really )?(?:the |on )?\d|\bnot the \d")


def is_correction(text: str) -> bool:
    """"no, it was the 5th", "sorry, I meant 4 March": a date said before was wrong (as opposed to
    "my clinic moved it to Friday", an appointment that changed)."""
    return bool(_CORRECTION.search(normalise(text)))
