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
_ENGLISH_WORDS = re.compile(r"\b(?:i|my|the|is|and|it|can|not|me|am|have|what|when|how|you|your|of|to|"
                            r"after|with|this|b12|jab|shot|injection|please|help)\b", re.I)


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
    if len(_ENGLISH_WORDS.findall(text)) * 3 >= len(words):
        return "en"
    code, probability = _identifier().classify(text)
    return code if probability >= MIN_PROBABILITY else "en"
