"""Human handoff: the clinic's contact details from configuration."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from b12assist import settings

from . import texts


class ActionHandoff(Action):
    def name(self) -> Text:
        return "action_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        cfg = settings.load()
        dispatcher.utter_message(text=texts.HANDOFF.format(clinic_contact=cfg.contact_line(),
                                                          emergency_number=cfg.emergency_number))
        return []


class ActionBookingCost(Action):
    """Booking, cost and insurance questions: the assistant can't help with them; the clinic can."""

    def name(self) -> Text:
        return "action_booking_cost"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        cfg = settings.load()
        dispatcher.utter_message(text=texts.BOOKING_COST.format(clinic_contact=cfg.contact_line(),
                                                               emergency_number=cfg.emergency_number))
        return []
