"""What a schedule message asks, so the reply answers that first.

Kinds (one message may ask several, answered in this order):
- "next": the next injection on or after today; "next_n": the next `n`;
- "last_loading": the last loading injection (with its weekday) and how many there are;
- "count": how many loading injections; "nth": the date of injection number `n`;
- "list_loading": every loading date; "remaining": loading dates still to come;
- "first_maintenance": the first maintenance injection;
- "range": every injection between `first` and `last` ("between now and the end of March",
  "next year", "in December and January");
- "plan": a question about the dates with none of the above: the whole plan.
Only clauses that ask something count, so "my last one was 3 Nov" is not a question about the
last loading day.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

ORDER = ("last_loading", "count", "nth", "list_loading", "remaining", "first_maintenance", "next_n",
         "next", "range", "plan")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twelve": 12, "couple": 2, "couple of": 2, "few": 3}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_CUE = re.compile(r"\b(?:when|whens|when's|wen|what|what's|whats|which|how|list|give|tell|write|show|"
                  r"can you|could you|would you|do i need|will i|should|am i|is it|please|pls|plz)\b")


@dataclass(frozen=True)
class Question:
    kinds: tuple[str, ...]
    n: int = 0                      # next_n: how many; nth: which injection
    first: date | None = None       # range
    last: date | None = None
    after_today: bool = False       # "left after today": strictly after today

    def to_text(self) -> str:
        parts = ["+".join(self.kinds), str(self.n), self.first.isoformat() if self.first else "",
                 self.last.isoformat() if self.last else "", "1" if self.after_today else ""]
        return "|".join(parts)

    @classmethod
    def from_text(cls, text: str) -> "Question":
        kinds, n, first, last, after = (text.split("|") + ["", "", "", "", ""])[:5]
        return cls(tuple(k for k in kinds.split("+") if k), int(n or 0),
                   date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None,
                   after == "1")


def question_clauses(low: str) -> list[str]:
    """The parts of a message that ask something: ending in "?" or carrying a question or request
    word. Sentences are split at commas and dashes too ("last one was 29th sept, when do i go back")."""
    out = []
    for m in re.finditer(r"[^.?!;\n]+([.?!;\n]*)", low):
        sentence, end = m.group(0), m.group(1)
        parts = re.split(r",\s*|\s+-\s+|\s+(?:and|but|so)\s+(?=(?:when|what|which|how|wen)\b)",
                         sentence.rstrip(".?!;\n "))
        for i, part in enumerate(parts):
            part = part.strip()
            if part and (("?" in end and i == len(parts) - 1) or _CUE.search(part)):
                out.append(part)
    return out


def _count_word(word: str) -> int:
    return int(word) if word.isdigit() else _SMALL.get(word, 0)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_index(token: str) -> int:
    return _MONTHS.index(token[:3]) + 1


def parse_range(low: str, today: date) -> tuple[date, date] | None:
    """A period to list dates in: "between now and the end of March 2027", "up to the end of June",
    "next year (2027)", "in 2027", "in December and January"."""
    m = re.search(rf"\b(and|to|until|till|through|up to|up until)(?: the end of)? {_MONTH}(?: (\d{{4}}))?\b", low)
    if m and (m.group(1) not in ("and", "to") or re.search(r"\b(?:now|today|from|between)\b", low[:m.start()])):
        month = _month_index(m.group(2))
        year = int(m.group(3)) if m.group(3) else (today.year if month >= today.month else today.year + 1)
        return today, _month_end(year, month)
    m = re.search(r"\b(?:next year|in (\d{4})|\((\d{4})\)|during (\d{4}))", low)
    if m:
        year = next((int(g) for g in m.groups() if g), today.year + 1)
        if year >= today.year:
            return max(date(year, 1, 1), today), date(year, 12, 31)
    m = re.search(rf"\b(?:in|during|for) {_MONTH}((?:(?:,| and| or| &) {_MONTH})*)\b", low)
    if m and not re.match(r"\s*\d", low[m.end():]):
        months = [_month_index(t) for t in re.findall(_MONTH, m.group(0))]
        year = today.year if months[0] >= today.month else today.year + 1
        first = date(year, months[0], 1)
        end_year = year + (1 if months[-1] < months[0] else 0)
        return max(first, today) if first <= today else first, _month_end(end_year, months[-1])
    return None


def parse_question(low: str, today: date) -> Question | None:
    """The question kinds a message asks, or None when it asks nothing (just details)."""
    clauses = question_clauses(low)
    if not clauses:
        return None
    asked = " | ".join(clauses)
    kinds: list[str] = []
    n = 0
    after_today = False
    if re.search(r"\bhow many\b", asked):
        kinds.append("count")
    if (m := re.search(r"\b(\d{1,2})(?:st|nd|rd|th) (?:dose|injection|shot|jab|one)\b", asked)):
        kinds.append("nth")
        n = int(m.group(1))
    if (re.search(r"\b(?:last|final)\b", asked) and not re.search(r"\blast (?:one )?(?:was|on)\b", asked)) \
            or re.search(r"\bfinish(?:es|ed|ing)?\b|\bdone with loading\b|\bloading (?:end|ends|stop|stops|be over)\b|"
                         r"\b(?:does|will) (?:it|they|loading|the loading|the shots|the injections) (?:end|stop)\b", asked):
        kinds.append("last_loading")
    if re.search(r"\b(?:first|1st)\b[^|]*\b(?:maintenance|monthly|weekly|months?|top.?up)\b|"
                 r"\b(?:maintenance|monthly|weekly)\b[^|]*\b(?:start|begin|kick in)", asked):
        kinds.append("first_maintenance")
    if re.search(r"\b(?:left|remaining|still to (?:go|come|have)|to go|how many more|more do i (?:need|have)|still need)\b", asked):
        kinds.append("remaining")
        after_today = bool(re.search(r"\bafter today\b", asked) or re.search(
            r"\b(?:already|just) (?:had|got|done) (?:today'?s|my|the|this morning'?s)\b|\bhad (?:it|one|my (?:jab|shot|injection)) (?:today|this morning)\b", low))
    elif re.search(r"\b(?:list|all (?:the |my )?(?:loading )?dates|(?:which|what) dates|dates are they|"
                   r"write [^|]*dates|loading dates|every (?:loading )?(?:injection )?date)\b", asked):
        kinds.append("list_loading")
    m = re.search(r"\b(?:next|following|coming|upcoming) (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|couple(?: of)?|few)\b", asked)
    if m:
        kinds.append("next_n")
        n = _count_word(m.group(1))
    elif re.search(r"\bnext\b", asked) and re.search(r"\b(?:the )?(?:one|injection|shot|jab|dose) after (?:that|it|this)\b|"
                                                     r"\band the (?:one|injection|shot|jab|dose) after\b", asked):
        kinds.append("next_n")     # "the next one, and also the one after that"
        n = 2
    period = parse_range(asked, today)
    if period and not {"next_n", "first_maintenance"} & set(kinds):
        kinds.append("range")
    if not kinds and re.search(r"\b(?:next|soon|due|go back|another|book|when|wen)\b", asked):
        kinds.append("next")
    elif not kinds and re.search(r"\b(?:what|which) (?:date|day)\b", asked) and \
            re.search(r"\bnext (?:one|injection|shot|jab|dose|appointment)\b", low):
        kinds.append("next")       # "... forgot to book the next one - what date should it be?"
    if not kinds:
        kinds.append("plan")
    if "range" in kinds and "list_loading" in kinds:
        kinds.remove("list_loading")
    ordered = tuple(k for k in ORDER if k in kinds)
    return Question(ordered, n, period[0] if period and "range" in ordered else None,
                    period[1] if period and "range" in ordered else None, after_today)


def days_from(today: date, day: date) -> str:
    diff = (day - today).days
    if diff == 0:
        return "today"
    if diff == 1:
        return "tomorrow"
    if diff == -1:
        return "yesterday"
    if diff > 0:
        return f"in {diff} days"
    return f"{-diff} days ago"


