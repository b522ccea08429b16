"""Record and notify an escalation. The patient already has the guidance: a rule sends the domain
response `utter_emergency`/`utter_urgent` before this action, so it works with this server down."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from b12assist import notify, settings
from b12assist.safety.detector import detect
from b12assist.store import escalations

from . import texts

logger = logging.getLogger(__name__)
LEVEL_BY_INTENT = {"red_flag_emergency": "emergency", "red_flag_urgent": "urgent"}
_pending_notifications: set = set()  # strong references, so running tasks are not garbage-collected


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
        cfg = settings.load()
        escalation_id = await asyncio.to_thread(escalations.record, tracker.sender_id, level, category, text)
        logger.info("escalation %s recorded: level=%s category=%s", escalation_id, level, category)
        if cfg.notify_webhook_url:
            payload = {"escalation_id": escalation_id, "conversation_id": tracker.sender_id,
                       "level": level, "category": category, "message": text,
                       "clinic": cfg.clinic_name}
            task = asyncio.get_running_loop().create_task(self._notify(cfg.notify_webhook_url, payload, escalation_id))
            _pending_notifications.add(task)
            task.add_done_callback(_pending_notifications.discard)
        else:
            await asyncio.to_thread(escalations.set_notify_status, escalation_id, "off", 0)
        dispatcher.utter_message(text=texts.AFTER_ESCALATION)
        return [SlotSet("escalation", level), SlotSet("red_flag_category", category)]

    @staticmethod
    async def _notify(url: str, payload: dict, escalation_id: int) -> None:
        delivered, attempts = await asyncio.to_thread(notify.post_with_retry, url, payload)
        await asyncio.to_thread(escalations.set_notify_status, escalation_id,
                                "sent" if delivered else "failed", attempts)
