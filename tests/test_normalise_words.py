"""The spelling step must not turn an ordinary English word into a symptom word ("i have been
reading too much online" once read "spreading" and escalated as nerve symptoms getting worse)."""
from __future__ import annotations

import difflib

import pytest

from b12assist.safety import normalise
from b12assist.safety.detector import detect

import english_words


def test_no_dictionary_word_is_corrected_into_a_symptom_word():
    words = english_words.get_english_words_set(["gcide"], lower=True, alpha=True)
    corrected = sorted(w for w in words
                       if len(w) >= 6 and w.isalpha() and w not in normalise._KEYWORDS
                       and w not in normalise.CORRECTED_ON_PURPOSE and normalise._correct(w) != w)
    assert corrected == [], [(w, normalise._correct(w)) for w in corrected]


def test_typos_of_symptom_words_are_still_corrected():
    for typo, word in [("breathng", "breathing"), ("swolen", "swollen"), ("tinglling", "tingling"),
                       ("numbnes", "numbness"), ("dizzyness", "dizziness"), ("dumbness", "numbness")]:
        assert normalise._correct(typo) == word, typo


@pytest.mark.parametrize("text,level", [
    ("zero numbness, speech fine, vision fine. I have been reading too much online", None),
    ("the site is stinging a little where the nurse put the needle in", None),
    ("small contusion where the jab went in, a bit purple", None),
    ("he is conscious and talking, the rash has gone", None),
    ("he is barely conscious after his injection, please help", "emergency"),
    ("she keeps drifting in and out of consciousness since the jab", "emergency"),
    ("i have been reading about it and my throat is closing up right now", "emergency"),
])
def test_ordinary_words_are_not_read_as_symptoms(text, level):
    assert detect(text).level == level, [(f.category, f.text, f.status) for f in detect(text).findings]


@pytest.mark.parametrize("text,level", [
    ("my throaty is closing up after the jab", "emergency"),
    ("I'm having an allergenic reaction to the B12 shot right now, it's bad", "emergency"),
    ("the numbness is reading up my legs a bit more every week", "urgent"),
    ("the tingling has been slowly reading up my arms for a fortnight and is getting worse", "urgent"),
    ("I have been reading up on side effects, is numbness common?", None),
])
def test_typos_that_look_like_words_next_to_a_symptom(text, level):
    assert detect(text).level == level, [(f.category, f.text, f.status) for f in detect(text).findings]
