"""Weekly figures for the staff chart: share of patient messages that fell back, and escalations (pure).

>>> from datetime import datetime
>>> weeks = weekly([(datetime(2026, 11, 23, 9), "nlu_fallback"), (datetime(2026, 11, 24, 9), "ask_units")],
...                [datetime(2026, 11, 25, 9)], weeks=2, now=datetime(2026, 11, 25, 12))
>>> [(str(w.start), w.messages, w.fallbacks, w.rate, w.escalations) for w in weeks]
[('2026-11-16', 0, 0, 0.0, 0), ('2026-11-23', 2, 1, 0.5, 1)]
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

FALLBACK = "nlu_fallback"


@dataclass(frozen=True)
class Week:
    start: date          # Monday
    messages: int        # patient messages
    fallbacks: int       # of which ended in nlu_fallback
    escalations: int

    @property
    def rate(self) -> float:
        return self.fallbacks / self.messages if self.messages else 0.0


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(messages: list[tuple[datetime, str]], escalations: list[datetime], weeks: int = 8,
           now: datetime | None = None) -> list[Week]:
    """`messages`: (time, intent) of patient messages; `escalations`: their times. The last `weeks`
    weeks up to `now`, oldest first, empty weeks included."""
    first = monday((now or datetime.utcnow()).date()) - timedelta(weeks=weeks - 1)
    starts = [first + timedelta(weeks=i) for i in range(weeks)]
    counts = {s: [0, 0, 0] for s in starts}
    for when, intent in messages:
        slot = counts.get(monday(when.date()))
        if slot is not None:
            slot[0] += 1
            slot[1] += intent == FALLBACK
    for when in escalations:
        slot = counts.get(monday(when.date()))
        if slot is not None:
            slot[2] += 1
    return [Week(s, *counts[s]) for s in starts]
