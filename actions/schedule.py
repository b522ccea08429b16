"""Schedule form, plan computation, saved-plan questions: adapters over b12assist.schedule."""
from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from b12assist import settings
from b12assist.schedule import codec
from b12assist.schedule.calculator import PlanInput, ScheduleError, build_plan, reschedule
from b12assist.schedule.parse import describe_day, find_dates, parse_schedule
from b12assist.schedule.reply import next_shot_text, plan_summary
from b12assist.store import plans

from . import texts

FORM_SLOTS = ["sched_start_date", "sched_loading_pattern", "sched_loading_length", "sched_maintenance"]


def today() -> date:
    return date.today()


def _user_text(tracker: Tracker) -> str:
    return (tracker.latest_message or {}).get("text") or ""


def _ics_url(plan_id: str) -> str:
    return f"{settings.load().public_base_url}/plans/{plan_id}.ics"


def _link_payload(plan_id: str) -> dict:
    """A custom payload for the widget. Rasa's socket.io channel sends `data` as the message."""
    return {"data": {"link": {"url": _ics_url(plan_id), "title": "Download calendar (.ics)"}}}


class ValidateScheduleForm(FormValidationAction):
    """Reads every message in full, so one message carrying everything fills every slot at once,
    and a correction ("no, it was the 5th") overwrites what it names."""

    def name(self) -> Text:
        return "validate_schedule_form"

    def _parsed(self, tracker: Tracker):
        text = _user_text(tracker)
        if text.startswith("/"):
            return None
        known = tracker.get_slot("sched_start_date")
        try:
            reference = date.fromisoformat(known) if known else None
        except ValueError:
            reference = None
        return parse_schedule(text, today(), requested=tracker.get_slot("requested_slot"), reference=reference)

    async def extract_sched_start_date(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        p = self._parsed(tracker)
        if p is None:
            return {}
        if p.questions:
            dispatcher.utter_message(text=p.questions[0])
        return {"sched_start_date": p.start.isoformat()} if p.start else {}

    async def extract_sched_loading_pattern(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        p = self._parsed(tracker)
        return {"sched_loading_pattern": codec.pattern_to_text(p.pattern)} if p and p.pattern else {}

    async def extract_sched_loading_length(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        p = self._parsed(tracker)
        return {"sched_loading_length": codec.length_to_text(p.length)} if p and p.length else {}

    async def extract_sched_maintenance(self, dispatcher, tracker, domain) -> Dict[Text, Any]:
        p = self._parsed(tracker)
        out: Dict[Text, Any] = {}
        if p and p.maintenance:
            out["sched_maintenance"] = codec.maintenance_to_text(p.maintenance)
        if p and p.dose_mcg:
            out["sched_dose"] = float(p.dose_mcg)
        return out

    def validate_sched_start_date(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        try:
            start = date.fromisoformat(value)
        except (TypeError, ValueError):
            return {"sched_start_date": None}
        if abs((start - today()).days) > 2 * 366:
            dispatcher.utter_message(text=f"{describe_day(start)} is more than 2 years from today. "
                                          "Could you check the year?")
            return {"sched_start_date": None}
        return {"sched_start_date": value}

    def validate_sched_loading_pattern(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        pattern = codec.pattern_from_text(value)
        if pattern.kind == "interval" and not 1 <= pattern.days <= 60:
            dispatcher.utter_message(text="That interval isn't one I can plan; how many days apart are the loading shots?")
            return {"sched_loading_pattern": None}
        if pattern.kind == "weekly" and not 1 <= pattern.per_week <= 7:
            dispatcher.utter_message(text="A week has room for 1 to 7 injections; how many a week did your clinic prescribe?")
            return {"sched_loading_pattern": None}
        return {"sched_loading_pattern": value}

    def validate_sched_loading_length(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        length = codec.length_from_text(value)
        if (length.weeks and not 1 <= length.weeks <= 26) or (length.doses and not 1 <= length.doses <= 60) \
                or not (length.weeks or length.doses):
            dispatcher.utter_message(text="That loading length is outside what I can plan (1 to 26 weeks, "
                                          "or 1 to 60 injections). How long is your loading phase?")
            return {"sched_loading_length": None}
        return {"sched_loading_length": value}

    def validate_sched_maintenance(self, value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        m = codec.maintenance_from_text(value)
        if (m.months and not 1 <= m.months <= 6) or (m.weeks and not 1 <= m.weeks <= 26) or not (m.months or m.weeks):
            dispatcher.utter_message(text="That maintenance interval is outside what I can plan (every 1 to 26 "
                                          "weeks, or 1 to 6 months). What interval did your clinician set?")
            return {"sched_maintenance": None}
        return {"sched_maintenance": value}


def _plan_input(tracker: Tracker) -> PlanInput:
    dose = tracker.get_slot("sched_dose")
    return PlanInput(
        start=date.fromisoformat(tracker.get_slot("sched_start_date")),
        pattern=codec.pattern_from_text(tracker.get_slot("sched_loading_pattern")),
        length=codec.length_from_text(tracker.get_slot("sched_loading_length")),
        maintenance=codec.maintenance_from_text(tracker.get_slot("sched_maintenance")),
        dose_mcg=int(dose) if dose else 1000,
    )


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
    def name(self) -> Text:
        return "action_compute_schedule"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        try:
            plan = build_plan(_plan_input(tracker), today())
        except (ScheduleError, TypeError, ValueError) as exc:
            dispatcher.utter_message(text=f"{exc} Let's try again.")
            return _clear_form()
        await _save_and_show(dispatcher, tracker, plan)
        return [SlotSet("has_plan", True)] + _clear_form()


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
        try:
            if parsed.pattern or parsed.length or parsed.maintenance or parsed.dose_mcg:
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
