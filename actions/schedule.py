"""Schedule form, plan computation, saved-plan questions: adapters over b12assist.schedule."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from b12assist import clock, settings
from b12assist.schedule import codec
from b12assist.schedule.calculator import PlanInput, ScheduleError, build_plan, reschedule
from b12assist.schedule.parse import describe_day, find_dates, is_correction, parse_schedule
from b12assist.schedule.phases import Known, missing, plan_input
from b12assist.schedule.presets import load_presets
from b12assist.schedule.question import Question
from b12assist.schedule.reply import answer_text, next_shot_text, plan_summary
from b12assist.store import plans

from . import texts

FORM_SLOTS = ["sched_phase", "sched_start_date", "sched_last_date", "sched_loading_pattern",
              "sched_loading_length", "sched_maintenance", "sched_question", "sched_preset"]
# phases.missing() piece -> the slot that holds it
PIECE_SLOT = {"preset_ok": "sched_preset", "phase": "sched_phase", "start": "sched_start_date",
              "last": "sched_last_date", "pattern": "sched_loading_pattern", "length": "sched_loading_length",
              "maintenance": "sched_maintenance"}


def today() -> date:
    return clock.today()


def _user_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def _intent(tracker: Tracker) -> str:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name") or ""


def _ics_url(plan_id: str) -> str:
    return f"{settings.load().public_base_url}/plans/{plan_id}.ics"


def _link_payload(plan_id: str) -> dict:
    """A custom payload for the widget. Rasa's socket.io channel sends `data` as the message."""
    return {"data": {"link": {"url": _ics_url(plan_id), "title": "Download calendar (.ics)"}}}


def _iso(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def known_from(slots: Dict[Text, Any]) -> Known:
    """The plan pieces held in the form's slots."""
    dose = slots.get("sched_dose")
    phase, start = slots.get("sched_phase"), _iso(slots.get("sched_start_date"))
    last = _iso(slots.get("sched_last_date"))
    if phase == "maintenance" and last is None:
        last = start   # a date given before the phase was known
    return Known(
        phase=phase, start=start, last=last,
        pattern=codec.pattern_from_text(slots["sched_loading_pattern"]) if slots.get("sched_loading_pattern") else None,
        length=codec.length_from_text(slots["sched_loading_length"]) if slots.get("sched_loading_length") else None,
        maintenance=codec.maintenance_from_text(slots["sched_maintenance"]) if slots.get("sched_maintenance") else None,
        dose_mcg=int(dose) if dose else None, preset_pending=bool(slots.get("sched_preset")))


def question_from(slots: Dict[Text, Any]) -> Question | None:
    raw = slots.get("sched_question")
    return Question.from_text(raw) if raw else None


_PHASE_WORDS = [("both", r"\b(?:both|everything|whole|all of it|loading (?:and|then) maintenance)\b"),
                ("maintenance", r"\b(?:maintenance|top.?ups?|regular|monthly|every few)\b"),
                ("loading", r"\b(?:loading|starting|first weeks?|just started|beginning)\b")]


def phase_answer(text: str) -> str | None:
    """The answer to "which part of your treatment is this about?"."""
    import re
    low = text.lower()
    return next((phase for phase, words in _PHASE_WORDS if re.search(words, low)), None)


def merge_phase(old: str | None, new: str | None) -> str | None:
    if not new:
        return old
    if not old or old == new:
        return new
    return "both"


def preset_text(preset) -> str:
    """What a named preset means, without its dose (never state a dose the patient did not give)."""
    maintenance = f"then maintenance {preset.maintenance.describe()}" if preset.maintenance else \
        "then maintenance at an interval your clinician chooses"
    lines = [f"That schedule means: loading {preset.pattern.describe()} for {preset.length.describe()}, "
             f"{maintenance}, each at your prescribed dose."]
    if preset.maintenance_note:
        lines.append(f"Note: {preset.maintenance_note}")
    lines.append("Is that what your clinic told you?")
    return " ".join(lines)


class ValidateScheduleForm(FormValidationAction):
    """Reads every message in full, so one message carrying everything fills every slot at once,
    a correction ("no, it was the 5th") overwrites what it names, and the next question is only
    ever one the plan still needs (b12assist.schedule.phases): nothing about loading for someone on
    maintenance, nothing about maintenance for a question about the loading days."""

    def name(self) -> Text:
        return "validate_schedule_form"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        slots = {name: tracker.get_slot(name) for name in FORM_SLOTS + ["sched_dose"]}
        found = self.extract(dispatcher, tracker, slots)
        slots.update(found)
        todo = missing(known_from(slots), question_from(slots), today())
        events: List[EventType] = [SlotSet(k, v) for k, v in found.items()]
        return events + [SlotSet("requested_slot", PIECE_SLOT[todo[0]] if todo else None)]

    def extract(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                slots: Dict[Text, Any]) -> Dict[Text, Any]:
        """The slots this message sets (validated), saying what was wrong with a bad value."""
        text, intent = _user_text(tracker), _intent(tracker)
        requested = tracker.get_slot("requested_slot")
        out: Dict[Text, Any] = {}
        if requested == "sched_preset" and slots.get("sched_preset") and intent in ("affirm", "deny"):
            return self._preset_answer(dispatcher, slots["sched_preset"], intent == "affirm")
        if text.startswith("/"):
            return out
        phase_now = slots.get("sched_phase")
        reference = _iso(slots.get("sched_last_date") if phase_now == "maintenance" else slots.get("sched_start_date"))
        parse_requested = {"sched_last_date": "sched_start_date"}.get(requested, requested)
        p = parse_schedule(text, today(), requested=parse_requested, reference=reference)
        if p.questions:
            dispatcher.utter_message(text=p.questions[0])
        phase = merge_phase(phase_now, p.phase)
        if requested == "sched_phase":
            phase = phase_answer(text) or phase
        if phase != phase_now and phase:
            out["sched_phase"] = phase
        if p.pattern:
            out["sched_loading_pattern"] = self._checked_pattern(dispatcher, p.pattern)
        if p.length:
            out["sched_loading_length"] = self._checked_length(dispatcher, p.length)
        if p.maintenance:
            out["sched_maintenance"] = self._checked_maintenance(dispatcher, p.maintenance)
        if p.dose_mcg:
            out["sched_dose"] = float(p.dose_mcg)
        if p.start:
            slot = "sched_last_date" if (phase == "maintenance" or requested == "sched_last_date") else "sched_start_date"
            if requested == "sched_start_date":
                slot = "sched_start_date"
            out[slot] = self._checked_date(dispatcher, p.start)
        if p.question and (p.question.kinds != ("plan",) or not slots.get("sched_question")):
            out["sched_question"] = p.question.to_text()
        if p.preset is not None and not p.pattern and not slots.get("sched_loading_pattern"):
            out["sched_preset"] = p.preset.key
        return {k: v for k, v in out.items() if v is not None}

    @staticmethod
    def _preset_answer(dispatcher: CollectingDispatcher, key: str, confirmed: bool) -> Dict[Text, Any]:
        preset = load_presets().get(key)
        if preset is None or not confirmed:
            dispatcher.utter_message(text="OK, I won't use it. Tell me what your clinic told you instead.")
            return {"sched_preset": None}
        out: Dict[Text, Any] = {"sched_preset": None, "sched_phase": "both",
                                "sched_loading_pattern": codec.pattern_to_text(preset.pattern),
                                "sched_loading_length": codec.length_to_text(preset.length)}
        if preset.maintenance is not None:
            out["sched_maintenance"] = codec.maintenance_to_text(preset.maintenance)
        return out

    @staticmethod
    def _checked_date(dispatcher: CollectingDispatcher, value: date) -> str | None:
        if abs((value - today()).days) > 2 * 366:
            dispatcher.utter_message(text=f"{describe_day(value)} is more than 2 years from today. "
                                          "Could you check the year?")
            return None
        return value.isoformat()

    @staticmethod
    def _checked_pattern(dispatcher: CollectingDispatcher, pattern) -> str | None:
        if pattern.kind == "interval" and not 1 <= pattern.days <= 60:
            dispatcher.utter_message(text="That interval isn't one I can plan; how many days apart are the loading shots?")
            return None
        if pattern.kind == "weekly" and not 1 <= pattern.per_week <= 7:
            dispatcher.utter_message(text="A week has room for 1 to 7 injections; how many a week did your clinic prescribe?")
            return None
        return codec.pattern_to_text(pattern)

    @staticmethod
    def _checked_length(dispatcher: CollectingDispatcher, length) -> str | None:
        if (length.weeks and not 1 <= length.weeks <= 26) or (length.doses and not 1 <= length.doses <= 60) \
                or (length.days and not 1 <= length.days <= 182) or not (length.weeks or length.doses or length.days):
            dispatcher.utter_message(text="That loading length is outside what I can plan (1 to 26 weeks, "
                                          "or 1 to 60 injections). How long is your loading phase?")
            return None
        return codec.length_to_text(length)

    @staticmethod
    def _checked_maintenance(dispatcher: CollectingDispatcher, m) -> str | None:
        if (m.months and not 1 <= m.months <= 6) or (m.weeks and not 1 <= m.weeks <= 26) or not (m.months or m.weeks):
            dispatcher.utter_message(text="That maintenance interval is outside what I can plan (every 1 to 26 "
                                          "weeks, or 1 to 6 months). What interval did your clinician set?")
            return None
        return codec.maintenance_to_text(m)


def _plan_input(tracker: Tracker) -> PlanInput:
    return plan_input(known_from({name: tracker.get_slot(name) for name in FORM_SLOTS + ["sched_dose"]}))


async def _saved_plan_or_explain(dispatcher: CollectingDispatcher, tracker: Tracker):
    """The conversation's saved plan; without one, tells the patient how to make it and returns None."""
    saved = await asyncio.to_thread(plans.load, tracker.sender_id)
    if saved is None:
        dispatcher.utter_message(text=texts.NO_PLAN_YET, buttons=texts.NO_PLAN_BUTTONS)
        return None
    return saved[1]


async def _save_and_show(dispatcher: CollectingDispatcher, tracker: Tracker, plan, heading: str = "") -> None:
    plan_id = await asyncio.to_thread(plans.save, tracker.sender_id, plan)
    dispatcher.utter_message(text=heading + plan_summary(plan, today()))
    dispatcher.utter_message(text=texts.CONVENTIONS)
    dispatcher.utter_message(text=f"Add these dates to your calendar: {_ics_url(plan_id)}",
                             json_message=_link_payload(plan_id))


def _clear_form() -> List[EventType]:
    return [SlotSet(s, None) for s in FORM_SLOTS] + [SlotSet("sched_dose", None)]


class ActionComputeSchedule(Action):
    """Answers the question asked first (the last loading day, the next dates, how many ...),
    then offers the full plan and the calendar as a button. Without a question: the full plan."""

    def name(self) -> Text:
        return "action_compute_schedule"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        question = question_from({"sched_question": tracker.get_slot("sched_question")})
        try:
            plan = build_plan(_plan_input(tracker), today())
        except (ScheduleError, TypeError, ValueError) as exc:
            dispatcher.utter_message(text=f"{exc} Let's try again.")
            return _clear_form()
        if question is None or question.kinds == ("plan",):
            await _save_and_show(dispatcher, tracker, plan)
        else:
            await asyncio.to_thread(plans.save, tracker.sender_id, plan)
            dispatcher.utter_message(text=answer_text(plan, question, today()), buttons=texts.FULL_PLAN_BUTTONS)
        return [SlotSet("has_plan", True)] + _clear_form()


class ActionShowPlan(Action):
    """The saved plan in full, with the conventions and the calendar download."""

    def name(self) -> Text:
        return "action_show_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        plan = await _saved_plan_or_explain(dispatcher, tracker)
        if plan is None:
            return []
        await _save_and_show(dispatcher, tracker, plan)
        return [SlotSet("has_plan", True)]


class ActionNextShot(Action):
    def name(self) -> Text:
        return "action_next_shot"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        plan = await _saved_plan_or_explain(dispatcher, tracker)
        if plan is None:
            return []
        dispatcher.utter_message(text=next_shot_text(plan, today()))
        return [SlotSet("has_plan", True)]


class ActionMissedDose(Action):
    def name(self) -> Text:
        return "action_missed_dose"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        saved = await asyncio.to_thread(plans.load, tracker.sender_id)
        if saved is not None:
            _, plan = saved
            mentioned = [d.value for d in find_dates(_user_text(tracker), today(), "past") if d.value]
            missed = next((i for i in plan.injections if i.day in mentioned), None) or plan.last_before(today())
            if missed:
                dispatcher.utter_message(text=f"Your plan had a {missed.phase} injection on {describe_day(missed.day)}.")
        dispatcher.utter_message(text=texts.MISSED_DOSE, buttons=texts.MISSED_DOSE_BUTTONS)
        return []


class ActionChangePlan(Action):
    """The clinic moved an injection, or the patient corrects a detail: recompute and show the dates."""

    def name(self) -> Text:
        return "action_change_plan"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        plan = await _saved_plan_or_explain(dispatcher, tracker)
        if plan is None:
            return []
        text = _user_text(tracker)
        now = today()
        new_dates = find_dates(text, now, "future")
        ambiguous = next((d for d in new_dates if d.ambiguous), None)
        if ambiguous:
            options = " or ".join(describe_day(d) for d in ambiguous.ambiguous)
            dispatcher.utter_message(text=f"Did you mean {options}? Writing the month as a word avoids the mix-up.")
            return []
        parsed = parse_schedule(text, now)
        corrected = parse_schedule(text, now, reference=plan.input.start).start if is_correction(text) else None
        try:
            if corrected is not None and not (parsed.pattern or parsed.length or parsed.maintenance):
                # "no, it was the 5th": the date the plan counts from was wrong, not an appointment moved
                new_plan = build_plan(replace(plan.input, start=corrected), now)
            elif parsed.pattern or parsed.length or parsed.maintenance or parsed.dose_mcg:
                inp = plan.input
                inp = replace(inp, pattern=parsed.pattern or inp.pattern, length=parsed.length or inp.length,
                              maintenance=parsed.maintenance or inp.maintenance,
                              dose_mcg=parsed.dose_mcg or inp.dose_mcg)
                new_plan = build_plan(inp, now)
            elif new_dates and new_dates[-1].value:
                moved_to = new_dates[-1].value
                moved_from_candidates = [d.value for d in new_dates[:-1] if d.value]
                moved_from = moved_from_candidates[0] if moved_from_candidates else (
                    plan.next_due(now).day if plan.next_due(now) else None)
                if moved_from is None:
                    raise ScheduleError("Your saved plan has no upcoming injection to move.")
                new_plan = reschedule(plan, moved_from, moved_to)
            else:
                dispatcher.utter_message(text="What's the new date your clinic gave you? For example: "
                                              "\"my clinic moved it to Friday 4 December\".")
                return []
        except ScheduleError as exc:
            dispatcher.utter_message(text=str(exc))
            return []
        await _save_and_show(dispatcher, tracker, new_plan, heading="Updated. ")
        return []


class ActionCancelSchedule(Action):
    def name(self) -> Text:
        return "action_cancel_schedule"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        dispatcher.utter_message(text="OK, I've stopped planning the dates. Ask again any time.")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + _clear_form()


class _AskFormSlot(Action):
    """`action_ask_<slot>`: the schedule form's question for one slot."""
    slot = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        text, buttons = texts.FORM_QUESTIONS[self.slot]
        dispatcher.utter_message(text=text, buttons=buttons or None)
        return []


class ActionAskStartDate(_AskFormSlot):
    slot = "sched_start_date"


class ActionAskLoadingPattern(_AskFormSlot):
    slot = "sched_loading_pattern"


class ActionAskLoadingLength(_AskFormSlot):
    slot = "sched_loading_length"


class ActionAskMaintenance(_AskFormSlot):
    slot = "sched_maintenance"


class ActionAskPhase(_AskFormSlot):
    slot = "sched_phase"


class ActionAskLastDate(_AskFormSlot):
    slot = "sched_last_date"


class ActionAskPreset(Action):
    """A named preset is shown and confirmed, never filled in silently."""

    def name(self) -> Text:
        return "action_ask_sched_preset"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        preset = load_presets().get(tracker.get_slot("sched_preset") or "")
        if preset is None:
            return [SlotSet("sched_preset", None)]
        dispatcher.utter_message(text=preset_text(preset), buttons=texts.PRESET_BUTTONS)
        return []
