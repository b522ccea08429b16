"""Which pieces a schedule question needs, by phase, so the conversation asks only for those.

- maintenance only: the interval and the date of an injection already given (usually the last);
  nothing about loading;
- loading only: the first loading date, the loading pattern and its length; the maintenance
  interval only when the question reaches past loading (the first maintenance date, or "next" once
  loading is over);
- both: all four.
A named preset is confirmed with the patient before anything else; the phase is asked when the
message does not say it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .calculator import (LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput, ScheduleError,
                         build_plan)
from .question import Question

PHASES = ("loading", "maintenance", "both")


@dataclass(frozen=True)
class Known:
    """What the conversation knows so far."""
    phase: str | None = None
    start: date | None = None          # first loading injection
    last: date | None = None           # a maintenance injection already given (maintenance only)
    pattern: LoadingPattern | None = None
    length: LoadingLength | None = None
    maintenance: MaintenanceInterval | None = None
    dose_mcg: int | None = None
    preset_pending: bool = False       # a preset was named and not yet confirmed


def _loading_left(known: Known, today: date) -> list[date] | None:
    """The loading injections on or after today (None when the plan cannot be built)."""
    try:
        plan = build_plan(PlanInput(known.start, known.pattern, known.length, None), today)
    except ScheduleError:
        return None
    return [inj.day for inj in plan.loading if inj.day >= today]


def needs_maintenance(known: Known, question: Question | None, today: date) -> bool:
    kinds = set(question.kinds) if question else {"plan"}
    if "first_maintenance" in kinds:
        return True
    if kinds & {"next", "next_n", "range"}:
        if known.start is None or known.pattern is None or known.length is None:
            return True
        left = _loading_left(known, today)
        if not left:                   # the plan cannot be built, or loading is over
            return True
        if "range" in kinds and (question is None or question.last is None or question.last > left[-1]):
            return True
        return "next_n" in kinds and question is not None and question.n > len(left)
    return False


def missing(known: Known, question: Question | None, today: date) -> list[str]:
    """The pieces still needed, in the order to ask them: preset_ok, phase, start, last, pattern,
    length, maintenance."""
    if known.preset_pending:
        return ["preset_ok"]
    phase = known.phase
    if phase is None:
        return ["phase"]
    need: list[str] = []
    if phase == "maintenance":
        need = ["last", "maintenance"]
    else:
        need = ["start", "pattern", "length"]
        if phase == "both" or needs_maintenance(known, question, today):
            need.append("maintenance")
    return [piece for piece in need if getattr(known, piece) is None]


def plan_input(known: Known) -> PlanInput:
    """The calculator's input for what is known (call when `missing` is empty)."""
    if known.phase == "maintenance":
        return PlanInput(known.last, None, None, known.maintenance, dose_mcg=known.dose_mcg)
    return PlanInput(known.start, known.pattern, known.length, known.maintenance, dose_mcg=known.dose_mcg)
