"""Plain word lists for two safety nets that must work even when the detector does not.

- `mentions_symptom`: the message talks about the body (pain, swelling, dizziness, tingling ...).
  A fallback or out-of-scope reply to such a message carries the emergency line.
- `alarming`: a red-flag word appears at all, however it is phrased. Used only when the detector
  itself failed: the message is then escalated rather than answered with nothing.

Deliberately simple (lowercase substring-style regexes, no normalisation, no spaCy): they must not
share the detector's failure modes.

    >>> mentions_symptom("my arm is really sore after the jab"), mentions_symptom("when is my next jab")
    (True, False)
    >>> alarming("cant breath"), alarming("how often are maintenance shots")
    (True, False)
"""
from __future__ import annotations

import re

_ALARMING = re.compile(
    r"breath|breth|wheez|chok|suffocat|swell|swoll|swol|puff|throat|tongue|lips?\b|rash|hives|welts|"
    r"faint|pass(?:ed)? out|collaps|unconscious|seizure|fit\b|chest|numb|tingl|weak|vision|sight|blind|"
    r"slurr|droop|confus|dizz|bladder|bowel|anaphyla|allerg|epi ?pen|adrenaline|"
    r"respir|desmay|hinch|ronchas|gonfl|evanoui|urticaire|incha|desmai|oddych|puchn|zemdl|wysypk|dusz",
    re.I)
_SYMPTOM = re.compile(
    r"\b(?:pain\w*|sore\w*|ache\w*|aching|hurt\w*|itch\w*|red|redness|lump\w*|bump\w*|bruis\w*|bleed\w*|"
    r"sick|nause\w*|vomit\w*|throw\w* up|fever\w*|temperature|headache\w*|migraine\w*|tired\w*|"
    r"exhaust\w*|fatigue\w*|cramp\w*|palpitat\w*|heart|racing|sweat\w*|shak\w*|tremor\w*|burn\w*|"
    r"sting\w*|stiff\w*|spasm\w*|diarrh\w*|cough\w*|cold|flu|feel\w* (?:ill|unwell|awful|terrible|funny|"
    r"weird|strange|off|bad|rough)|unwell|ill)\b", re.I)


def alarming(text: str) -> bool:
    return bool(_ALARMING.search(text or ""))


def mentions_symptom(text: str) -> bool:
    return alarming(text) or bool(_SYMPTOM.search(text or ""))
