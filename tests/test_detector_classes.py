"""Classes of phrasing that used to slip past the red-flag detector (issue 18), each tried with
several wordings: a fix must hold for the class, not for one sentence."""
from __future__ import annotations

import pytest

from b12assist.safety.detector import detect


def _levels(texts):
    return {text: detect(text).level for text in texts}


RECENT_WINDOWS = [
    "over the last 30 minutes my tongue has been swelling",
    "in the past 10 minutes my lips have swollen up",
    "for the last hour I've been struggling to breathe",
    "since breakfast I can't get my breath",
    "the last few minutes my throat feels tight",
    "since the injection my face has puffed up",
]


@pytest.mark.parametrize("text", RECENT_WINDOWS)
def test_a_recent_time_window_is_now(text):
    assert detect(text).level == "emergency"


NEGATION_THEN_STRONGER = [
    "it's not a little rash, it's everywhere",
    "its not just a small rash its all over my body",
    "not a mild rash at all, my whole chest and back are covered in hives",
    "this is no small swelling, my lips are huge",
]


@pytest.mark.parametrize("text", NEGATION_THEN_STRONGER)
def test_a_negation_restated_as_stronger_escalates(text):
    assert detect(text).level == "emergency"


OLD_REACTION_THEN_NOW = [
    "I reacted to penicillin as a kid and now my face is swelling",
    "years ago I had hives from shellfish, but right now my throat is closing",
    "had a rash last year from plasters. now I can't breathe properly",
]


@pytest.mark.parametrize("text", OLD_REACTION_THEN_NOW)
def test_an_old_reaction_does_not_hide_a_current_one(text):
    assert detect(text).level == "emergency"


QUESTION_THEN_NOW = [
    "is dizziness normal after the jab? I'm very dizzy now",
    "can b12 cause a rash? I have hives all over my arms",
    "what are the signs of a reaction? my lips are swelling",
]


@pytest.mark.parametrize("text", QUESTION_THEN_NOW)
def test_a_question_followed_by_having_it_now_escalates(text):
    assert detect(text).level == "emergency"


OBFUSCATED = [
    "can't.breathe",
    "my face\u200bis swelling",
    "my face is swel\u200bling",
    "my lips 😱 swelling",
    "face…swelling up",
    "throat//closing",
    "cant brea\u00adthe after jab",
    "my 👄 lips are swelling 😭😭",
]


@pytest.mark.parametrize("text", OBFUSCATED)
def test_emoji_punctuation_and_invisible_characters_between_words(text):
    assert detect(text).level == "emergency"


SUDDEN_DEFICITS = [
    "my arm suddenly went weak",
    "suddenly I can't see out of my left eye",
    "all of a sudden my mum can't lift her right arm",
    "his legs gave way and he wet himself",
    "she lost control of her bladder and can't stand up",
    "out of nowhere his speech is slurred",
    "one side of my face has dropped",
    "he's having a seizure",
    "I've lost the vision in one eye in the last hour",
    "worst headache of my life came on a minute ago",
    "dad can't move his left leg",
]


@pytest.mark.parametrize("text", SUDDEN_DEFICITS)
def test_sudden_neurological_deficits_are_emergencies(text):
    assert detect(text).level == "emergency"


WORSENING_OVER_DAYS = [
    "my wife is more confused every day",
    "my eyesight is a bit worse every morning",
    "he is less steady on his feet each week",
    "the numbness is creeping up my legs",
    "my tingling has been getting worse since last week",
    "mum's memory is going downhill day by day, worse each day",
    "my hands are clumsier than they were a month ago",
    "it's getting harder and harder to walk",
]


@pytest.mark.parametrize("text", WORSENING_OVER_DAYS)
def test_neurological_symptoms_worsening_over_days_are_urgent(text):
    assert detect(text).level == "urgent"


NOT_RED_FLAGS = [
    "no trouble breathing, just a sore arm",
    "what if my throat swells?",
    "I had a rash years ago, it went away",
    "my tingling is much better since the loading doses",
    "I fainted once at school when I was 12",
    "the swelling at the injection site went down overnight",
    "my sister is allergic to peanuts",
    "is it normal to feel tired after the shot?",
    "the price was breathtaking",
    "my numbness hasn't got any worse",
]


@pytest.mark.parametrize("text", NOT_RED_FLAGS)
def test_tricky_negatives_do_not_escalate(text):
    assert detect(text).level is None


OTHER_LANGUAGES = {
    "no puedo respirar bien desde la inyección": ("es", "emergency"),
    "se me está hinchando la cara": ("es", "emergency"),
    "de repente mi madre no puede mover el brazo": ("es", "emergency"),
    "el hormigueo de los pies está cada vez peor": ("es", "urgent"),
    "j'ai du mal à respirer depuis la piqûre": ("fr", "emergency"),
    "mes lèvres sont en train de gonfler": ("fr", "emergency"),
    "mon père est de plus en plus confus": ("fr", "urgent"),
    "não consigo respirar direito": ("pt", "emergency"),
    "a minha garganta está a fechar": ("pt", "emergency"),
    "o formigueiro nas pernas está a piorar": ("pt", "urgent"),
    "nie mogę oddychać po zastrzyku": ("pl", "emergency"),
    "puchnie mi twarz i język": ("pl", "emergency"),
    "mama jest coraz bardziej splątana": ("pl", "urgent"),
}


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_red_flags_in_other_languages(text):
    language, level = OTHER_LANGUAGES[text]
    result = detect(text)
    assert (result.language, result.level) == (language, level)


@pytest.mark.parametrize("text", ["no tengo dificultad para respirar, solo me duele el brazo",
                                  "et si ma gorge gonfle ?",
                                  "há dois anos tive urticária, agora estou bem",
                                  "nie mam duszności, tylko boli mnie ręka"])
def test_negatives_in_other_languages(text):
    assert detect(text).level is None
