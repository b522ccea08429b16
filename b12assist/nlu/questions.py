"""Several questions in one message: split the message into questions and name each one's topic.

    >>> split_questions("how often are the first shots? and how soon will i feel better")
    ['how often are the first shots?', 'how soon will i feel better']

`TopicClassifier` (b12assist.nlu.topics) is trained on the same NLU examples as the intent
classifier; it reads one question at a time. Pure Python, no Rasa: the NLU component in
`components/several_questions.py` is a thin adapter over it.
"""
from __future__ import annotations

import re

from b12assist.nlu.topics import TopicClassifier

_Q = (r"(?:what|what's|whats|how|when|why|which|who|where|can|could|do|does|did|is|are|should|will|"
      r"would|shall|may|might|must|whether|any|anything|also|and)")
_Q_STRICT = (r"(?:what|what's|whats|how|when|why|which|who|where|can|could|do|does|did|is|are|should|"
             r"will|would|shall|may|might|must|whether)")
_SPLIT = re.compile(
    r"(?<=\?)\s*"                                                  # after a question mark
    r"|\s*(?:\n|;)+\s*"                                            # new line or semicolon
    r"|(?<=[.!])\s+(?=" + _Q + r"\b)"                              # a sentence that starts a question
    r"|,?\s+(?:and also|and|also|plus|oh and|btw|as well as that)\s+(?=" + _Q_STRICT + r"\b)",
    re.IGNORECASE)
_LEAD = re.compile(r"^(?:and also|and|also|plus|oh and|btw)\s+", re.IGNORECASE)
MIN_WORDS = 3
MAX_QUESTIONS = 3


def split_questions(text: str | None) -> list[str]:
    """The questions of a message, in order; fragments shorter than three words are dropped."""
    if not text or not isinstance(text, str):
        return []
    parts = [_LEAD.sub("", p.strip(" ,.!")) for p in _SPLIT.split(text[:2000]) if p]
    return [p for p in parts if len(p.split()) >= MIN_WORDS]


def topics_of(text: str, classifier: TopicClassifier, allowed: set[str], threshold: float) -> list[str]:
    """The distinct answerable topics of a message with at least two questions, in the order asked;
    empty unless at least two confident, different topics are found."""
    questions = split_questions(text)
    if len(questions) < 2:
        return []
    found: list[str] = []
    for name, prob in classifier.predict(questions):
        if name in allowed and prob >= threshold and name not in found:
            found.append(name)
    return found[:MAX_QUESTIONS] if len(found) >= 2 else []
