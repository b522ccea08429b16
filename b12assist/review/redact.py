"""Obvious personal details out of a message before it becomes a training example (pure).

>>> redact("my name is Jo Smith, call 07700 900123 or jo@example.org")
'my name is [name], call [phone] or [email]'
>>> redact("DOB 12/03/1961 and I started on 4 March")
'DOB [date of birth] and I started on 4 March'
>>> redact("I was born on 3rd May 1958")
'I was born on [date of birth]'
>>> redact("my name is jo and i missed a shot")
'my name is [name] and i missed a shot'
>>> redact("every 4 weeks, 1000 mcg, last one on 2/10/2025 or 2026-11-24, ring +44 (0)20 7946 0958")
'every 4 weeks, 1000 mcg, last one on 2/10/2025 or 2026-11-24, ring [phone]'
"""
from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 9+ digits with optional +, spaces, dots, dashes, brackets: phone-shaped, not doses or dates
PHONE = re.compile(r"(?<![\w/])\+?\(?\d[\d\s().-]{7,}\d(?![\w/])")
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
DATE = (rf"(?:\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}|"
        rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
BIRTH_CONTEXT = re.compile(rf"(?i)\b(d\.?o\.?b\.?|date of birth|birth ?date|born(?: on| in)?|birthday(?: is)?)"
                           rf"(\s*(?:is|:|-)?\s*){DATE}")
# a full date with a year before 2010 is most likely a birth date (treatment dates are recent)
OLD_DATE = re.compile(rf"(?i)\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:19\d\d|200\d)|(?:19\d\d|200\d)-\d{{1,2}}-\d{{1,2}}|"
                      rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?:19\d\d|200\d)|"
                      rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19\d\d|200\d))\b")
NAME_INTRO = re.compile(r"(?i)\b(my name is|my name's|i am called|i'm called|this is)\s+"
                        r"((?:(?!(?:and|but|i|im|i'm|my|from|here|on|the|a|just)\b)[A-Za-z][\w'-]*)"
                        r"(?:\s+(?!(?:and|but|i|im|i'm|my|from|here|on|the|a|just)\b)[A-Z][\w'-]*)?)")


DATE_ONLY = re.compile(r"\s*\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\s*")


def _phone(m: re.Match) -> str:
    """A phone number has at least 9 digits and is not a date (2026-11-24, 24.11.2026)."""
    if DATE_ONLY.fullmatch(m.group(0)) or sum(c.isdigit() for c in m.group(0)) < 9:
        return m.group(0)
    return "[phone]"


def redact(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = BIRTH_CONTEXT.sub(lambda m: f"{m.group(1)}{m.group(2) or ' '}[date of birth]", text)
    text = OLD_DATE.sub("[date of birth]", text)
    text = PHONE.sub(_phone, text)
    text = NAME_INTRO.sub(lambda m: f"{m.group(1)} [name]" if m.group(1).lower() != "this is"
                          or m.group(2)[:1].isupper() else m.group(0), text)
    return text
