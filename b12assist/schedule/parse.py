"""Free-text schedule details: "I started on 4 March, every other day for two weeks, then monthly".

`parse_schedule(text, today)` returns whatever pieces it finds (start date, loading pattern,
loading length, maintenance interval, dose) plus questions for pieces that are ambiguous, such as
"03/04" (3 April or 4 March?). It never guesses an ambiguous value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .calculator import LoadingLength, LoadingPattern, MaintenanceInterval

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
_WEEKDAY = r"(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s|rs)?\b"
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

    @property
    def anything(self) -> bool:
        return any(v is not None for v in (self.start, self.pattern, self.length, self.maintenance,
                                            self.dose_mcg)) or bool(self.questions)


# --- dates ---------------------------------------------------------------------------------
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? {_MONTH}\b(?:,? (\d{{4}}))?")
_MONTH_DAY = re.compile(rf"\b{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?")
_RELATIVE = re.compile(
    rf"\b(today|yesterday|tomorrow|the day before yesterday|day after tomorrow|"
    rf"(?:last|next|this|on|since) {_WEEKDAY_FULL}|{_NUM} (?:days?|weeks?) ago|in {_NUM} days?)\b")
_ORDINAL = re.compile(r"\b(?:the|on the) (\d{1,2})(?:st|nd|rd|th)\b")


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


def find_dates(text: str, today: date, prefer: str = "past", reference: date | None = None) -> list[DateFound]:
    """Every date mentioned, in order. Numeric day/month dates that could be read both ways are
    returned as ambiguous, with both readings. A bare day ("the 5th") falls in the month of
    `reference` when one is given (a correction of a date already said), else near today."""
    low = text.lower()
    found: list[tuple[int, DateFound]] = []
    taken: list[tuple[int, int]] = []

    def add(match, result: DateFound):
        if any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        found.append((match.start(), result))

    for m in _ISO.finditer(low):
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        add(m, DateFound(d, m.group(0), error="" if d else f"{m.group(0)} isn't a real date."))
    for m in _DAY_MONTH.finditer(low):
        day, month = int(m.group(1)), _month_index(m.group(2))
        year = int(m.group(3)) if m.group(3) else _year_for(month, min(day, 28), today, prefer)
        d = _safe_date(year, month, day)
        add(m, DateFound(d, m.group(0), error="" if d else f"{m.group(0).strip()} isn't a real date."))
    for m in _MONTH_DAY.finditer(low):
        month, day = _month_index(m.group(1)), int(m.group(2))
        year = int(m.group(3)) if m.group(3) else _year_for(month, min(day, 28), today, prefer)
        d = _safe_date(year, month, day)
        add(m, DateFound(d, m.group(0), error="" if d else f"{m.group(0).strip()} isn't a real date."))
    for m in _NUMERIC.finditer(low):
        a, b = int(m.group(1)), int(m.group(2))
        year = m.group(3)
        if year:
            year_i = int(year) + (2000 if len(year) == 2 else 0)
        readings = []
        for day, month in ((a, b), (b, a)):
            y = year_i if year else _year_for(month, min(day, 28), today, prefer) if 1 <= month <= 12 else today.year
            d = _safe_date(y, month, day) if 1 <= month <= 12 else None
            if d and d not in readings:
                readings.append(d)
        if not readings:
            add(m, DateFound(None, m.group(0), error=f"{m.group(0)} isn't a real date."))
        elif len(readings) == 1:
            add(m, DateFound(readings[0], m.group(0)))
        else:
            add(m, DateFound(None, m.group(0), ambiguous=tuple(readings)))
    for m in _ORDINAL.finditer(low):
        day = int(m.group(1))
        if reference is not None:
            d = _safe_date(reference.year, reference.month, day)
            add(m, DateFound(d, m.group(0), error="" if d else f"the {day} isn't a day of {reference:%B}."))
            continue
        d = _safe_date(today.year, today.month, day)
        if d and prefer == "past" and d > today:
            prev = (today.replace(day=1) - timedelta(days=1))
            d = _safe_date(prev.year, prev.month, day)
        elif d and prefer == "future" and d < today:
            nxt = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
            d = _safe_date(nxt.year, nxt.month, day)
        add(m, DateFound(d, m.group(0), error="" if d else f"the {day} isn't a day of that month."))
    for m in _RELATIVE.finditer(low):
        add(m, DateFound(_relative(m.group(0), today, prefer), m.group(0)))
    # A bare weekday ("on Friday") last, so it never splits a longer phrase.
    for m in re.finditer(rf"\b{_WEEKDAY_FULL}", low):
        if re.search(r"(?:times|x) (?:a|per) week|/", low[max(0, m.start() - 25):m.end() + 25]):
            continue  # part of a weekday pattern such as Mon/Wed/Fri
        add(m, DateFound(_relative(m.group(0), today, prefer), m.group(0)))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def describe_day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


# --- pattern, length, interval -----------------------------------------------------------------
_EVERY_OTHER = re.compile(r"\b(?:every other day|every second day|alternate days|on alternate days|"
                          r"every 2(?:nd)? days|every two days|every 48 hours|eod)\b")
_DAILY = re.compile(r"\b(?:daily|every day|each day|once a day|every morning|every single day)\b")
_EVERY_N_DAYS = re.compile(rf"\bevery {_NUM} days\b")
_PER_WEEK = re.compile(rf"\b{_NUM}(?: times| x|x)? (?:a|per|each|every) week\b|\b(once|twice|thrice) weekly\b")
_WEEKDAY_LIST = re.compile(rf"\b{_WEEKDAY}(?:\s*(?:/|,|and|&|\+)\s*{_WEEKDAY})+\b")
_FOR_WEEKS = re.compile(rf"\b(?:for|over|lasting)(?: about| around| roughly)? {_NUM} weeks?\b|\bfor a fortnight\b|"
                        rf"\b{_NUM}[- ]weeks? (?:of )?loading\b|\bloading (?:phase )?(?:of|for|is|lasts) {_NUM} weeks?\b")
_DOSES = re.compile(rf"\b{_NUM} (?:loading )?(?:injections|shots|jabs|doses)\b(?! (?:a|per) )")
_MONTHLY = re.compile(r"\b(?:monthly|every month|once a month|each month|a month apart)\b")
_QUARTERLY = re.compile(r"\b(?:quarterly|every quarter)\b")
_EVERY_N_MONTHS = re.compile(rf"\bevery {_NUM}(?: (?:-|to|or) ({_NUM[1:-1]}))? months?\b|\bevery {_NUM}-(\d) months\b")
_EVERY_N_WEEKS = re.compile(rf"\bevery {_NUM}(?: (?:-|to|or) ({_NUM[1:-1]}))? weeks?\b|\bevery {_NUM}-(\d) weeks\b")
_WEEKLY = re.compile(r"\b(?:weekly|every week|once a week)\b")
_DOSE = re.compile(r"\b(\d{1,2}(?:,\d{3})|\d{2,4})\s?(?:mcg|micrograms?|µg|ug)\b|\b(\d(?:\.\d)?)\s?(?:mg|milligrams?)\b")


def _interval_match(regex, text):
    m = regex.search(text)
    if not m:
        return None, None
    groups = [g for g in m.groups() if g]
    first = _num(groups[0]) if groups else 0
    second = _num(groups[1]) if len(groups) > 1 else 0
    return first, second


def parse_schedule(text: str, today: date | None = None, requested: str | None = None,
                   reference: date | None = None) -> ParsedSchedule:
    """Pull schedule details out of one message. `requested` is the piece the form just asked
    for, which settles bare answers such as "weekly" or "4 March"; `reference` is a start date
    already given, so "no, it was the 5th" means the 5th of that month."""
    today = today or date.today()
    low = " ".join(text.lower().replace("’", "'").split())
    result = ParsedSchedule()

    # loading pattern
    days_list = _WEEKDAY_LIST.search(low)
    per_week = _PER_WEEK.search(low)
    if _EVERY_OTHER.search(low):
        result.pattern = LoadingPattern("every_other_day")
    elif days_list and not re.search(r"\b(?:last|next|on|since)\s+" + days_list.group(0)[:3], low):
        names = re.findall(_WEEKDAY, days_list.group(0))
        weekdays = tuple(sorted({WEEKDAYS[n[:3]] for n in names}))
        result.pattern = LoadingPattern("weekly", per_week=len(weekdays), weekdays=weekdays)
    elif per_week:
        n = _num(next(g for g in per_week.groups() if g))
        if n:
            result.pattern = LoadingPattern("weekly", per_week=n)
        else:
            result.questions.append("How many injections a week did your clinic prescribe for loading?")
    elif _DAILY.search(low):
        result.pattern = LoadingPattern("daily")
    elif (m := _EVERY_N_DAYS.search(low)):
        result.pattern = LoadingPattern("interval", days=_num(m.group(1)))
    elif requested == "sched_loading_pattern" and _WEEKLY.search(low):
        result.pattern = LoadingPattern("weekly", per_week=1)

    # loading length
    if (m := _FOR_WEEKS.search(low)):
        n = next((_num(g) for g in m.groups() if g), 2 if "fortnight" in m.group(0) else 0)
        result.length = LoadingLength(weeks=n)
    elif (m := _DOSES.search(low)):
        result.length = LoadingLength(doses=_num(m.group(1)))
    elif requested == "sched_loading_length" and (m := re.search(rf"\b{_NUM}\b", low)):
        n = _num(m.group(1))
        if "week" in low or "fortnight" in low:
            result.length = LoadingLength(weeks=2 if "fortnight" in low else n)
        elif re.search(r"injections|shots|jabs|doses|times", low) or n:
            result.length = LoadingLength(doses=n)

    # maintenance interval
    months, months_hi = _interval_match(_EVERY_N_MONTHS, low)
    weeks, weeks_hi = _interval_match(_EVERY_N_WEEKS, low)
    if months_hi or weeks_hi:
        unit = "months" if months_hi else "weeks"
        lo, hi = (months, months_hi) if months_hi else (weeks, weeks_hi)
        result.questions.append(
            f"Your plan says every {lo} to {hi} {unit}. Which interval did your clinician set for you: "
            f"every {lo} or every {hi} {unit}?")
    elif months:
        result.maintenance = MaintenanceInterval(months=months)
    elif _QUARTERLY.search(low):
        result.maintenance = MaintenanceInterval(months=3)
    elif _MONTHLY.search(low):
        result.maintenance = MaintenanceInterval(months=1)
    elif weeks:
        result.maintenance = MaintenanceInterval(weeks=weeks)
    elif _WEEKLY.search(low) and requested == "sched_maintenance":
        result.maintenance = MaintenanceInterval(weeks=1)

    # a named regimen preset fills what the message did not say itself
    from .presets import find_preset
    preset = find_preset(low)
    if preset is not None:
        result.pattern = result.pattern or preset.pattern
        result.length = result.length or preset.length
        if result.maintenance is None and not result.questions:
            if preset.maintenance is not None:
                result.maintenance = preset.maintenance
            else:
                result.questions.append(f"{preset.title}. {preset.maintenance_note}")
        result.dose_mcg = result.dose_mcg or preset.dose_mcg

    # dose
    if (m := _DOSE.search(low)):
        if m.group(1):
            result.dose_mcg = int(m.group(1).replace(",", ""))
        else:
            result.dose_mcg = int(float(m.group(2)) * 1000)

    # start date
    result.dates = find_dates(low, today, prefer="past", reference=reference)
    for found in result.dates:
        if found.error:
            result.questions.append(found.error + " Could you check the date?")
            break
        if found.ambiguous:
            options = " or ".join(describe_day(d) for d in found.ambiguous)
            result.questions.append(f"Did you mean {options} by {found.text}? Writing the month as a word "
                                    "(like 4 March) avoids the mix-up.")
            break
        if found.value:
            result.start = found.value
            break
    return result
