"""Several questions in one message: send the answer to each, in the order asked.

The topics come from the `question_topic` entities that the NLU component
`components/several_questions.py` adds; each topic's answer is its own domain response, so the
wording lives in one place and slots such as the emergency number are filled by Rasa.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

ENTITY = "question_topic"
# Topics whose answer response is not simply utter_<intent>.
RESPONSE_FOR = {"ask_when_seek_help": "utter_when_seek_help"}


def response_for(topic: Text) -> Text:
    return RESPONSE_FOR.get(topic, f"utter_{topic}")


class ActionAnswerQuestions(Action):
    def name(self) -> Text:
        return "action_answer_questions"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[EventType]:
        topics = [e.get("value") for e in tracker.latest_message.get("entities", [])
                  if e.get("entity") == ENTITY and e.get("value")]
        known = domain.get("responses", {})
        answers = [name for name in dict.fromkeys(map(response_for, topics)) if name in known]
        if len(answers) >= 2:
            dispatcher.utter_message(response="utter_several_questions_intro")
        for name in answers:
            dispatcher.utter_message(response=name)
        if not answers:
            dispatcher.utter_message(response="utter_default")
        return []
