"""Record and notify an escalation. The patient already has the guidance: a rule sends the domain
response `utter_emergency`/`utter_urgent` before this action, so it works with this server down.

The outbox and the notifier (b12assist.notifier) do the work; the reply says the clinic was told only
when the notification was delivered."""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from b12assist import notifier, settings
from b12assist.reconcile import escalation_key, message_identity
from b12assist.safety.detector import detect

from . import texts

logger = logging.getLogger(__name__)
LEVEL_BY_INTENT = {"red_flag_emergency": "emergency", "red_flag_urgent": "urgent"}

notifier.attach_to_action_server()   # starts the background notifier with the action server


def reply_after(status: str, cfg: settings.Settings) -> str:
    if status == "sent":
        return texts.AFTER_ESCALATION
    template = texts.AFTER_ESCALATION_NO_NOTIFY if status == "off" else texts.AFTER_ESCALATION_NOT_CONFIRMED
    return template.format(clinic_contact=cfg.contact_line())


class ActionEscalate(Action):
    def name(self) -> Text:
        return "action_escalate"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        level = LEVEL_BY_INTENT.get(intent) or tracker.get_slot("escalation") or "emergency"
        text = message.get("text") or ""
        category = (next((e.get("value") for e in message.get("entities", [])
                          if e.get("entity") == "red_flag_category"), None)
                    or detect(text).category or "reported symptom")
        user = next((e for e in reversed(tracker.events) if e.get("event") == "user"), {})
        # the same key for the same message, whoever records it (reconcile.message_identity)
        key = escalation_key(tracker.sender_id, message_identity(message.get("message_id"), user.get("metadata"), text))
        esc = notifier.Escalation(tracker.sender_id, level, category, text, key=key)
        status, _where, _id = await notifier.instance().submit(esc)
        dispatcher.utter_message(text=reply_after(status, settings.load()))
        return [SlotSet("escalation", level), SlotSet("red_flag_category", category)]
