"""A fallback that helps: when the model is unsure, offer its two or three most likely topics as
buttons; after a second miss in a row, give the clinic's contact. A message about the body also
gets the emergency line (the slot `symptom_mention`, set by components/red_flag.py)."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from b12assist import settings

from . import texts

FALLBACK = "nlu_fallback"
MAX_SUGGESTIONS = 3
MIN_CONFIDENCE = 0.05


def suggestions(ranking: List[Dict[Text, Any]]) -> List[Dict[Text, Text]]:
    """Buttons for the most likely answerable topics, best first.

    >>> suggestions([{"name": "nlu_fallback", "confidence": 0.4}, {"name": "ask_route", "confidence": 0.3},
    ...              {"name": "greet", "confidence": 0.2}, {"name": "ask_safety", "confidence": 0.1}])
    [{'title': 'Muscle or under the skin?', 'payload': '/ask_route'}, {'title': 'Side effects and safety', 'payload': '/ask_safety'}]
    """
    out = []
    for entry in ranking:
        name = entry.get("name")
        if name in texts.TOPIC_TITLES and float(entry.get("confidence") or 0) >= MIN_CONFIDENCE:
            out.append({"title": texts.TOPIC_TITLES[name], "payload": f"/{name}"})
        if len(out) == MAX_SUGGESTIONS:
            break
    return out


def misses_in_a_row(tracker: Tracker) -> int:
    """How many of the latest user messages in a row fell back (this one included)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if ((event.get("parse_data") or {}).get("intent") or {}).get("name") != FALLBACK:
            break
        count += 1
    return count


class ActionSuggestTopics(Action):
    def name(self) -> Text:
        return "action_suggest_topics"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        cfg = settings.load()
        lines = []
        if tracker.get_slot("symptom_mention") == "yes":
            lines.append(texts.SYMPTOM_LINE.format(emergency_number=cfg.emergency_number))
        buttons = suggestions((tracker.latest_message or {}).get("intent_ranking") or [])
        if misses_in_a_row(tracker) >= 2:
            lines.append(texts.SECOND_MISS.format(clinic_contact=cfg.contact_line()))
            buttons = buttons[:2] + [{"title": "Talk to the clinic", "payload": "/human_handoff"}]
        elif buttons:
            lines.append(texts.DID_YOU_MEAN)
        else:
            # Never "please rephrase" to someone describing a symptom: say where help is instead.
            symptom = tracker.get_slot("symptom_mention") == "yes"
            lines.append(texts.SYMPTOM_MENU if symptom else texts.NOT_UNDERSTOOD)
            menu = texts.SYMPTOM_MENU_TOPICS if symptom else texts.MENU_TOPICS
            buttons = [{"title": texts.TOPIC_TITLES[n], "payload": f"/{n}"} for n in menu]
        dispatcher.utter_message(text=" ".join(lines), buttons=buttons)
        return []
