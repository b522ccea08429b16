"""Intent-ranking helpers shared by the project's NLU components (which run after Rasa's
FallbackClassifier, so that their decisions are never turned into `nlu_fallback` afterwards)."""
from __future__ import annotations

from typing import Any, Dict, Iterable, List, Text

from rasa.shared.nlu.training_data.message import Message

FALLBACK = "nlu_fallback"


def diet_best(message: Message) -> Dict[Text, Any]:
    """The intent classifier's own best intent, even when the FallbackClassifier replaced it with `nlu_fallback`."""
    for entry in message.get("intent_ranking") or []:
        if entry.get("name") != FALLBACK:
            return entry
    intent = message.get("intent") or {}
    return intent if intent.get("name") != FALLBACK else {"name": None, "confidence": 0.0}


def set_intent(message: Message, name: Text, confidence: float = 1.0) -> None:
    """Set the intent and put it first in the ranking."""
    ranking = [r for r in (message.get("intent_ranking") or []) if r.get("name") not in (name, FALLBACK)]
    message.set("intent", {"name": name, "confidence": confidence}, add_to_output=True)
    message.set("intent_ranking", [{"name": name, "confidence": confidence}] + ranking, add_to_output=True)


def set_next_best(message: Message, exclude: Iterable[Text], threshold: float) -> None:
    """Drop the excluded intents; the best remaining one wins when its confidence reaches the
    fallback threshold, otherwise `nlu_fallback` (so "please rephrase" still happens)."""
    excluded = set(exclude) | {FALLBACK}
    others: List[Dict[Text, Any]] = [r for r in (message.get("intent_ranking") or [])
                                     if r.get("name") not in excluded]
    best = others[0] if others else {"name": FALLBACK, "confidence": 0.0}
    if best["confidence"] < threshold:
        best = {"name": FALLBACK, "confidence": threshold}
        others = [best] + others
    message.set("intent", {"name": best["name"], "confidence": best["confidence"]}, add_to_output=True)
    message.set("intent_ranking", others, add_to_output=True)
