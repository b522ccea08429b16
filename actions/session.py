"""Session start: the clinic's configuration (emergency number, contact) into slots."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from b12assist import settings



class ActionSessionStart(Action):
    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        cfg = settings.load()
        events: List[EventType] = [SessionStarted()]
        # carry over slots (the saved plan is in the database; escalation history stays visible)
        for key, value in tracker.slots.items():
            if value is not None and key not in ("requested_slot",):
                events.append(SlotSet(key, value))
        events += [SlotSet("emergency_number", cfg.emergency_number),
                   SlotSet("clinic_contact", cfg.contact_line())]
        # The disclaimer itself is sent by the first-contact rules (data/rules/generated.yml), so that
        # emergency guidance can come before it and nothing here depends on this server being up.
        events.append(ActionExecuted("action_listen"))
        return events
