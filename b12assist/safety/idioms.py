"""Idioms that use a symptom word about something else ("this paperwork is giving me hives", "nearly
passed out when I saw the bill"), and how far each one reaches in its sentence."""
from __future__ import annotations

import re

from .findings import Finding
from .sentences import sentence_end
from .timing import dated_now


SERIOUSLY = re.compile(r"\b(?:but )?seriously\b|\bno joke\b|\bnot joking\b|\bjokes aside\b|\bfor real\b|\bnot kidding\b|"
                        r"\bi am serious\b")
# Idioms that use a symptom word about something else ("giving me hives", "giving me a seizure").
_IDIOM = re.compile(r"\b(?:nearly|almost|would have|would've) (?:had|have|has) a (?:fit|heart attack|stroke|seizure|"
                    r"meltdown)\b|\bgiv\w* me (?:a )?(?:hives|seizure|heart attack|headache|rash|a fit)\b|"
                    r"\bleft me (?:\w+ )?dizzy\b|\bmaking (?:me|my head) (?:dizzy|faint|spin)\b|\bwould (?:faint|collapse|have a fit|die) if\b|"
                    r"\bcollapse in a heap\b|\balways (?:faints|passes out|gets dizzy|goes dizzy)\b|"
                    # a trait, not an episode: "I'm a fainter with needles"
                    r"\b(?:i am|he is|she is|they are) (?:a |an )?(?:bit of a |real |big |terrible |known |notorious |bad |"
                    r"classic |total |needle )?fainters?\b(?![^.!?]*\b(?:right now|now|today|again|going|about to|just))|\b(?:nearly|almost) (?:made|make|makes) me (?:\w+ )?(?:faint|collapse|pass out)\b|"
                    r"\b(?:collaps\w*|died|dying|crying|pass\w* out|fainted|fainting|keel\w* over|fell over|falling over) "
                    r"(?:with |from )?laugh\w*\b|\bin stitches\b|\bcollaps\w* (?:in)?to (?:my |the |our |his |her )?bed\b|"
                    r"\bchok\w* (?:on|over) (?:my|his|her|their|your|the) (?:own )?words\b|"
                    r"\b(?:brain|head|mind)\b[a-z' ]{0,20}\b(?:numb|mush|fried|frazzled)\b (?:from|with|after|reading|trying)\b|"
                    r"\b(?:nearly|almost|practically) (?:fainted|passed out|collapsed|had a heart attack|died|fell over)\b[a-z' ]{0,20}"
                    r"\b(?:when i (?:saw|heard|read|got|was told|opened)|when (?:\w+ ){1,3}(?:told|said|rang|called|phoned|showed|sent) me|"
                    r"at the (?:bill|price|cost|news)|from (?:shock|surprise))\b|"
                    r"\b(?:faint|feel faint|pass out|passing out|collapse|keel over)\b(?: \w+){0,2}? (?:just )?(?:thinking about|"
                    r"at the thought of)\b|"
                    r"\b(?:collapse|faint|pass out|die|keel over|fall over)\b[a-z' ]{0,6}\b(?:from|of|with) (?:sheer |pure )?"
                    r"(?:frustration|boredom|shock|embarrassment|exhaustion|laughter|laughing)\b|"
                    # tired eyes, not a sign: "eyes crossing from spreadsheets", "going cross-eyed over the forms"
                    r"\b(?:eyes? (?:crossing|crossed|glazing over|glazed over|swimming)|(?:going|gone|went) cross ?-?eyed) (?:from|over|with|at|after) "
                    r"(?:\w+ ){0,2}(?:spreadsheets?|screens?|paperwork|emails?|numbers|reading|forms?|admin|work|boredom|jargon|"
                    r"figures|reports?|small print|the computer)\b|"
                    # a feeling, not a faint or a breath: "breathless with frustration", "nearly passed out from joy"
                    # (a real faint may come with a feeling: "keeled over with rage and won't answer me"; only a near one is a figure)
                    r"(?:\b(?:breathless|out of breath|dizzy|giddy|weak at the knees)|\b(?:nearly|almost|practically|virtually) "
                    r"(?:passed out|fainted|collapsed|keeled over|swooned))\b(?: with| from) (?:sheer |pure |utter |total )?"
                    r"(?:joy|relief|happiness|delight|excitement|glee|frustration|boredom|annoyance|exasperation|"
                    r"anticipation|pride|love|jealousy|envy|indignation|outrage)\b|"
                    r"\b(?:gave|give|giving) way (?:laughing|with laughter|from laughing)\b|\b\w+ ?wise,? i mean\b|"
                    r"\bdrowning (?:at|in) work\b|\b(?:account|bank|wallet|bank balance|card|laptop|computer|phone|budget|bills?|printer|"
                    r"car|wifi|inbox) (?:is |was )?(?:having|had|has|gonna have|going to have) (?:a )?(?:seizure|fit|heart attack|stroke|meltdown)\b|\b(?:gave|give|gives|giving) (?:me |him |her )?(?:such )?a lump in "
                    r"(?:my|the|his|her) throat\b|\b(?:has|have|had|got|gets|is getting) me (?:so |all |really )?(?:dizzy|spinning|in a spin)(?: (?:that )?i (?:cannot|can not|could not) see straight)?\b|"
                    r"\bso (?:angry|mad|furious|cross|annoyed|tired|stressed|frustrated|livid|fed up|wound up) (?:that )?i "
                    r"(?:cannot|can not|could not) see straight\b|"
                    r"\bgiv\w* me (?:the )?(?:worst|worse) headache\b|"
                    # a burden, not a symptom: "I cannot breathe from so much paperwork"
                    r"\b(?:cannot|can not|could not|can barely) breathe (?:from|with|for|because of) (?:so much |all (?:the |this |these |that )?|"
                    r"the amount of |too much )?(?:paperwork|forms?|admin|work|stress|bills?|emails?|bureaucracy|red tape|homework)\b|"
                    # a harmless cause: "my legs went numb from the plastic chairs"
                    r"\bnumb (?:from|after) (?:sitting|kneeling|crossing|sleeping on|lying on|the cold|the (?:plastic |hard )?chairs?|"
                    r"the (?:long )?(?:wait|queue|drive))\b|"
                    # a wish, not a symptom: "this booking system makes me want to pass out"
                    r"\b(?:makes?|made|making) (?:me|him|her|us) (?:want to|wanna) (?:pass out|faint|collapse|keel over|scream|die)\b|\b(?:(?<!not )figuratively|(?<!not )metaphorically|not literally)\b|"
                    r"\b(?:tighten\w*|tight|burn\w*|boil\w*|shak\w*) (?:up )?(?:with|from) (?:sheer |pure )?(?:rage|anger|fury|frustration|annoyance)\b|"
                    r"\bchok\w* back (?:the |my |her |his )?(?:tears|sobs)\b|"
                    r"\bchok\w* (?:up )?(?:with|from) (?:sheer |pure )?(?:rage|anger|fury|frustration|annoyance|emotion|indignation|outrage|laughter)\b|"
                    r"\b(?:the (?:very |mere )?(?:thought|idea) of|(?:just )?thinking (?:about|of))\b[a-z0-9' ]{0,50}\bmakes? "
                    r"(?:my|me)\b(?: \w+){0,2}? (?:throat (?:close|tighten)\w*|chest (?:go )?tight\w*|feel faint|faint|"
                    r"go (?:all )?(?:wobbly|dizzy))\b|"
                    r"\b(?:this|the|that|these) (?:\w+ ){0,2}?(?:list|wait|queue|paperwork|admin|bureaucracy|system|stress|deadline|"
                    r"bills?|cost|price|rent|job|work|red tape|forms?)s? (?:is|are) (?:literally |actually |really |just )?"
                    r"(?:choking|suffocating|strangling) (?:me|us)\b")


# An idiom that sets the tone of its whole sentence ("figuratively", "money-wise, I mean"): it covers
# that sentence. Laughing or being swamped ("crying with laughter, couldn't breathe", "drowning at
# work, feel like I can't breathe") covers the breathing words of its sentence only ("crying with
# laughter and then Gran keeled over and she's not responding" is a red flag). The other idioms cover
# their own words ("giving me hives"), and so does a fall or a faint while laughing, which can be
# real ("passed out laughing and he's still on the floor").
_FEAR_OR_BURDEN = re.compile(r"\b(?:thought|idea|thinking)\b|\b(?:choking|suffocating|strangling) (?:me|us)\b")
_IDIOM_TONE = re.compile(r"\b(?:(?<!not )figuratively|(?<!not )metaphorically|not literally)\b|\b\w+ ?wise,? i mean\b")
_IDIOM_BREATH = re.compile(r"\b(?:cry\w*|cried|died|dying|die) (?:with |from |of )?laugh\w*$|\bin stitches\b|"
                           r"\bdrowning (?:at|in) work\b")


_TONE_DENIED = re.compile(r"\b(?:not|never|no)\b(?: \w+){0,3} $")
_TONE_TURNED = re.compile(r"\b(?:but|however)\b")


def idiom_spans(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, what it covers: "own" words, its "sentence", or the "breathing" words of its
    sentence) of every idiom in the text. A fear or a burden said to close the throat or choke ("the
    thought of the needle makes my throat close up") is no idiom in a message that dates something
    to now or says it is no joke ("... no joke, it IS closing up now")."""
    def kind(m: re.Match) -> str:
        if _IDIOM_TONE.search(m.group(0)):
            # a tone set, then turned ("not literally dying lol but I genuinely can't breathe"): its own words only
            return "own" if _TONE_TURNED.search(norm, m.end(), sentence_end(norm, m.end())) else "sentence"
        return "breathing" if _IDIOM_BREATH.search(m.group(0)) else "own"
    now = dated_now(norm) or SERIOUSLY.search(norm)
    return [(m.start(), m.end(), kind(m)) for m in _IDIOM.finditer(norm)
            if not (now and _FEAR_OR_BURDEN.search(m.group(0)))
            # "I'm not speaking figuratively", "don't mean it metaphorically": meant
            and not (_IDIOM_TONE.search(m.group(0)) and _TONE_DENIED.search(norm, max(0, m.start() - 30), m.start()))]


def in_idiom(idioms: list[tuple[int, int, str]], f: Finding, s_start: int, s_end: int) -> bool:
    """A finding (in the sentence s_start:s_end) is the idiom's own words, or sits in the sentence of
    an idiom that covers it. An idiom never covers another sentence ("this paperwork is giving me
    hives. my tongue is swelling right now" is a red flag)."""
    f_start, f_end = f.end - len(f.text), f.end
    return any((a < f_end and f_start < b)
               or (s_start <= a < s_end and (covers == "sentence" or (covers == "breathing" and f.category == "breathing")))
               for a, b, covers in idioms)
