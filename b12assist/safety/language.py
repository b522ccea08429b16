"""Which language a message is in, with a model that ships inside the package (py3langid; nothing
is downloaded). Short or uncertain messages count as English: the assistant answers in English
unless a message is clearly in another language.

    >>> guess("no puedo respirar bien desde la inyeccion")
    'es'
    >>> guess("I cant breathe")
    'en'
"""
from __future__ import annotations

import re
from functools import lru_cache

MIN_WORDS = 3
MIN_PROBABILITY = 0.9
# Languages patients of English-speaking clinics commonly write in; limiting the model to them
# makes its guess on short messages much steadier.
CANDIDATES = ["en", "es", "fr", "pt", "pl", "de", "it", "nl", "ro", "ru", "uk", "tr", "ar", "zh", "hi", "ur",
              "bn", "pa", "vi", "tl", "fa", "el", "lt", "lv", "cs", "sk", "hu", "bg", "sq"]
# English words that are not also common words of the languages above ("he", "do", "to", "was",
# "will", "me", "no", "a" are left out for that reason).
_ENGLISH_WORDS = re.compile(
    r"\b(?:the|is|are|were|be|been|you|your|my|i|im|it|its|this|that|what|when|how|why|who|which|where|"
    r"does|did|can|could|would|should|have|had|and|of|with|from|after|about|please|thanks|thank|hi|hello|"
    r"real|person|get|got|shot|jab|jabs|injection|injections|dose|doses|next|just|also|any|there|they|"
    r"she|we|our|not|ok|okay|yes|need|want|know|tell|feel|feeling|still|if|or|an|at|by|up|am|b12|help|"
    r"bot|human|nurse|doctor|much|many|long|often|take|taking|been|will be|going|more|less|means|mean|"
    r"live|agent|talk|speak|severe|deficiency|levels?|tablets?|pills?|blood|test|tests|week|weeks|month|"
    r"months|day|days|year|years|why|would|should|could|don|doesn|didn|isn|aren|won|cant|dont|thx|pls|"
    r"ur|u|yeah|yep|nope)\b", re.I)
ENGLISH_SHARE = 0.25  # at least this share of English words: the message is English


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
    identifier.set_languages(CANDIDATES)
    return identifier


def guess(text: str) -> str:
    """ISO 639-1 code of the message's language; "en" when short, uncertain or mostly English."""
    words = re.findall(r"\w+", text or "")
    if len(words) < MIN_WORDS:
        return "en"
    if len(_ENGLISH_WORDS.findall(text)) >= ENGLISH_SHARE * len(words):
        return "en"
    code, probability = _identifier().classify(text)
    return code if probability >= MIN_PROBABILITY else "en"
