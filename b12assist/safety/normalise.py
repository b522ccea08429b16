"""Text normalisation in front of the red-flag rules.

Patients type fast: curly apostrophes, dropped apostrophes, "cant breath", "swolen". The
rules are written against one canonical spelling, so every message passes through here first.
Only spelling changes: no word that carries meaning is dropped, and the output is plain lowercase.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

# Contractions are expanded so that "can't" becomes the single word "cannot" (never a negation
# cue) and "don't"/"isn't" become "do not"/"is not" (which the negation rules understand).
_CONTRACTIONS = [
    (r"\bcan ?not\b", "cannot"),
    (r"\bcan'?t\b", "cannot"),
    (r"\bcan t\b", "cannot"),
    (r"\bcouldn'?t\b", "could not"),
    (r"\bwon'?t\b", "will not"),
    (r"\bdon'?t\b", "do not"),
    (r"\bdoesn'?t\b", "does not"),
    (r"\bdidn'?t\b", "did not"),
    (r"\bisn'?t\b", "is not"),
    (r"\baren'?t\b", "are not"),
    (r"\bwasn'?t\b", "was not"),
    (r"\bweren'?t\b", "were not"),
    (r"\bhaven'?t\b", "have not"),
    (r"\bhasn'?t\b", "has not"),
    (r"\bhadn'?t\b", "had not"),
    (r"\bi'?m\b", "i am"),
    (r"\bi'?ve\b", "i have"),
    # texting "rn" is "right now" (not "the RN said", a registered nurse)
    (r"(?<!\bthe )(?<!\ban )(?<!\bmy )(?<!\byour )(?<!\bour )(?<!\bher )(?<!\bhis )(?<!\bsenior )\brn\b"
     r"(?! (?:said|told|gave|asked|says|nurse|called|checked|is|was|who|at)\b)", "right now"),
    # "he's got hay fever", "it's been worse": has, not is
    (r"\b(it|that|she|he)'?s (been|got|gotten|had|made|done|left|caused|given|taken|become)\b", r"\1 has \2"),
    # "its own", "its course": a possessive, not "it is"
    (r"\bit(?:'s|s(?! own\b| course\b| way\b| place\b| peak\b| usual\b| normal\b| side\b| size\b| shape\b| colou?r\b))\b", "it is"),
    # texting "an" for "and" before a clause ("his legs wont work an hes wet himself"), not "an hour"
    (r"\ban (?=(?:he|she|i|it|they|we|his|her|my|then|now|hes|shes|im)\b)", "and "),
    (r"\bthat'?s\b", "that is"),
    (r"\bshe'?s\b", "she is"),
    (r"\bhe'?s\b", "he is"),
    (r"\bthey'?re\b", "they are"),
    (r"\bwe're\b", "we are"),  # "were" is a word of its own
    (r"\byou'?re\b", "you are"),
]
_CONTRACTIONS_RE = [(re.compile(p), r) for p, r in _CONTRACTIONS]

# Misspellings seen in patient messages (and obvious neighbours). Checked before the fuzzy step.
TYPOS = {
    "worryed": "worried", "woried": "worried", "worryied": "worried",
    "suddnly": "suddenly", "sudenly": "suddenly", "suddently": "suddenly", "sudently": "suddenly",
    "suddenlly": "suddenly", "suddenley": "suddenly", "suddendly": "suddenly", "sudden1y": "suddenly",
    "breath": "breath", "breth": "breath", "braeth": "breath", "breathe": "breathe",
    "brethe": "breathe", "breath3": "breathe", "breate": "breathe", "breahte": "breathe",
    "breating": "breathing", "brething": "breathing", "breatheing": "breathing",
    "breathin": "breathing", "brathing": "breathing", "breahting": "breathing",
    "swolen": "swollen", "swollan": "swollen", "swolled": "swollen", "sollen": "swollen",
    "sweling": "swelling", "swellin": "swelling", "swellng": "swelling", "swelin": "swelling",
    "thoat": "throat", "throught": "throat", "throaght": "throat", "troat": "throat",
    "thraot": "throat", "tounge": "tongue", "toung": "tongue", "tong": "tongue",
    "lipps": "lips", "hievs": "hives", "hive": "hive", "hivs": "hives",
    "rashes": "rashes", "rach": "rash", "wheeze": "wheeze", "wheezin": "wheezing",
    "weezing": "wheezing", "wheesing": "wheezing", "wezzing": "wheezing",
    "fainted": "fainted", "fanted": "fainted", "fainded": "fainted", "feinted": "fainted",
    "fainting": "fainting", "fainy": "faint", "dizy": "dizzy", "dizzi": "dizzy", "dissy": "dizzy",
    "dizzey": "dizzy", "dizziness": "dizziness", "diziness": "dizziness", "dizzyness": "dizziness",
    "numbess": "numbness", "numbnes": "numbness", "numness": "numbness", "tingeling": "tingling",
    "tinglin": "tingling", "tinglng": "tingling", "tingeing": "tingling", "wose": "worse",
    "worst": "worse", "wors": "worse", "worsr": "worse", "worsning": "worsening", "chesst": "chest",
    "tite": "tight", "tigh": "tight", "tightnes": "tightness", "collasped": "collapsed",
    "colapsed": "collapsed", "passd": "passed", "ballance": "balance", "balence": "balance",
    "vison": "vision", "visoin": "vision", "confussed": "confused", "confusd": "confused",
    "cant": "cannot", "cannt": "cannot", "cnat": "cannot", "canot": "cannot", "cannnot": "cannot", "caant": "cannot", "carnt": "cannot",
    "dont": "do not", "didnt": "did not", "doesnt": "does not", "isnt": "is not", "arnt": "are not", "arent": "are not",
    "wasnt": "was not", "werent": "were not", "havent": "have not", "hasnt": "has not", "wont": "will not",
    "im": "i am", "ive": "i have", "wat": "what", "wht": "what", "jst": "just", "jus": "just",
    "mom's": "mom", "mum's": "mum",
    # Short words (under six letters) are never fuzzy-matched, so their misspellings are listed.
    "thrat": "throat", "throt": "throat", "throte": "throat", "trhoat": "throat", "thorat": "throat",
    "throath": "throat", "throut": "throat", "thraut": "throat", "theoat": "throat", "thrpat": "throat",
    "throar": "throat", "throats": "throat", "tonge": "tongue", "tung": "tongue", "toungue": "tongue",
    "tongeu": "tongue", "togue": "tongue", "tonuge": "tongue", "lipz": "lips", "lups": "lips",
    "chset": "chest", "chets": "chest", "fiant": "faint", "faitn": "faint",
    "feint": "faint", "fiant3d": "fainted", "hivez": "hives", "hves": "hives", "swoln": "swollen",
    "swolln": "swollen", "brethin": "breathing", "breeth": "breath", "breathh": "breath",
    # grammar and time words the context rules read ("back in teh summer i had a seizure")
    "teh": "the", "hte": "the", "adn": "and", "taht": "that", "waht": "what", "agian": "again", "agin": "again",
    "yesturday": "yesterday", "yesteday": "yesterday", "yestarday": "yesterday", "yesterdy": "yesterday",
    "ysterday": "yesterday", "yday": "yesterday", "tonite": "tonight", "2nite": "tonight", "tmrw": "tomorrow",
    "tomorow": "tomorrow", "tommorow": "tomorrow", "tommorrow": "tomorrow", "lastnight": "last night",
    "hving": "having", "havin": "having", "haveing": "having", "truble": "trouble", "trubble": "trouble",
    "troble": "trouble", "touble": "trouble", "injectoins": "injections", "injectons": "injections",
    "wks": "weeks", "wk": "week", "hrs": "hours", "totaly": "totally", "totes": "totally",
}

# Words the fuzzy step may correct towards. Each is long enough that a near miss is unlikely
# to be another ordinary word.
_KEYWORDS = [
    "breathe", "breathing", "breath", "swelling", "swollen", "throat", "tongue", "wheezing",
    "fainted", "fainting", "dizziness", "collapsed", "numbness", "tingling", "tightness",
    "worsening", "spreading", "weakness", "balance", "confused", "confusion", "allergic",
    "reaction", "unconscious",
]
# Ordinary words one or two letters away from a keyword: never "corrected".
_PROTECTED = {
    "bread", "breadth", "breathes", "breaths", "wheeling", "painted", "painting", "tainted",
    "fainter", "dwelling", "selling", "telling", "spelling", "smelling", "yelling", "welling",
    "shelling", "swallow", "swallowed", "swallowing", "through", "thought", "threat", "tongues",
    "collapse", "balanced", "balances", "reactions", "tingly", "tingle", "confuse", "confusing",
    "weakens", "spreads", "spreadsheet", "allergy", "allergies", "thorough", "tonight",
    "confession", "conclusion", "confusion", "weekness", "dullness", "fullness", "illness",
    "wellness", "numbers", "sweating", "sweeping", "weaning", "wearing", "wheeling", "thread",
    "brought", "breakfast", "breaking", "reacting", "breathy",
    # Dictionary words (GCIDE, through the english-words package; tests/test_normalise_words.py) that the
    # fuzzy step would turn into a symptom word: "reading" -> "spreading", "stinging" -> "tingling",
    # "contusion" -> "confusion", "conscious" -> "unconscious", "bathing" -> "breathing".
    "abreaction", "arefaction", "balancer", "bathing", "beating", "breasting", "breathed",
    "breather", "confusedly", "conscious", "contused", "contusion", "creation", "erection", "exaction",
    "fraction", "inbreathe", "inconfused", "inconfusion", "inconscious", "jingling", "lightness",
    "preaction", "reading", "rebreathe", "rection", "redaction", "reenaction", "refaction", "refraction",
    "relation", "retraction", "rightness", "spreadingly", "stinging", "subconscious",
    "tinkling", "tongued", "traction", "unbreathing", "unconfused", "unfainting", "upbreathe",
}
# Dictionary words near a symptom word that are far likelier a typo of it: still corrected.
CORRECTED_ON_PURPOSE = frozenset({"dumbness", "numbless", "numbedness", "faintling", "twinling", "kingling",
                                  "allergenic", "throaty",    # "an allergenic reaction", "my throaty is closing"
                                  "tonite"})                  # an informal spelling of "tonight"
# "reading" is a word, but after a symptom and before a direction it is "spreading" that lost its
# first letters ("the numbness is reading up my legs").
_SPREADING = re.compile(r"\b(numb\w*|tingl\w*|needles|rash|hives|swelling|redness|blotches|welts|it|they)"
                        r"((?: is| are| has been| have been| keeps?| just| now| slowly)*) reading "
                        r"(up|down|across|over|along|to|into|onto)\b")

_NO_SIGN = re.compile("[\U0001F645\u274C\u274E\U0001F6AB\u2716\u26D4](?:[\U0001F3FB-\U0001F3FF\u2640\u2642\uFE0F]*)")
_GLUED_PUNCTUATION = re.compile(r"(?<=[^\W\d_])[^\w\s',]+(?=[^\W\d_])")
_WORD_RE = re.compile(r"[a-z0-9']+|[^a-z0-9'\s]+|\s+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    # Invisible format characters (zero-width joiners, soft hyphens, BOM) inside a word would split
    # it: they are removed. (A zero-width space may stand for a space or sit inside a word; `detect`
    # reads the message both ways, see `variants`.)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    # a "no" sign before a word says no ("🙅‍♀️ rash 🙅‍♀️ swelling", "❌ dizzy")
    text = _NO_SIGN.sub(" no ", text)
    # Control characters (binary junk) become spaces; newlines become sentence breaks.
    text = re.sub(r"[\r\n]+", ". ", text)
    text = "".join(ch if (ch.isprintable() or ch == " ") else " " for ch in text)
    # Emoji and other symbols are spaces; so is punctuation glued between two words
    # ("cannot.breathe", "face...swelling", "lips/tongue"), which is never a sentence break.
    text = "".join(" " if unicodedata.category(ch).startswith("S") else ch for ch in text)
    text = _GLUED_PUNCTUATION.sub(" ", text)
    return text.lower()


@lru_cache(maxsize=65536)
def _correct(word: str) -> str:
    """One word's spelling fix. Cached: the fuzzy match is the costliest step per message."""
    if word in TYPOS:
        return TYPOS[word]
    if len(word) < 6 or word in _PROTECTED or not word.isalpha():
        return word
    match = difflib.get_close_matches(word, _KEYWORDS, n=1, cutoff=0.86)
    return match[0] if match else word


ZERO_WIDTH_SPACE = "\u200b"


def variants(text: str) -> list[str]:
    """The readings of a message: with zero-width spaces as spaces and as nothing, when it has any."""
    if ZERO_WIDTH_SPACE not in text:
        return [text]
    return [text.replace(ZERO_WIDTH_SPACE, " "), text.replace(ZERO_WIDTH_SPACE, "")]


_ROUTE = re.compile(r"\bIM\b(?=(?: or|/| vs\.?| and)? ?(?:SC|sc|subcut\w*)?\s*(?:injections?|jabs?|shots?|route|doses?|b12|use)\b|/SC\b)")


def normalise(text: str) -> str:
    """Lowercase, fold punctuation, expand contractions and fix common misspellings."""
    text = _ROUTE.sub("intramuscular", text)    # "IM injections" is the route, not "I'm"
    text = _fold(text)
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)  # "soooo" -> "soo", "breathhhh" -> "breathh"
    text = "".join(_correct(tok) if tok[:1].isalnum() else tok for tok in _WORD_RE.findall(text))
    text = _SPREADING.sub(r"\1\2 spreading \3", text)
    for pattern, replacement in _CONTRACTIONS_RE:
        text = pattern.sub(replacement, text)
    text = _FINE_NOW.sub(r"\1. now ", text)
    text = _SAID_TO_BE.sub(r"\1 ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


# "hypothetically: swollen tongue after jab?": a word that makes the message a what-if reaches past
# the colon or dash after it (a colon ends the scope of the clinical context rules)
_SAID_TO_BE = re.compile(r"\b(hypothetically|hypothetical question|theoretically|in theory|asking for a friend)"
                         r" ?(?:[:\-\u2013\u2014]+|\.\.+) ?")


# "was fine now my lips are swelling", typed without a stop: two sentences, the second one now
_FINE_NOW = re.compile(r"\b((?:was|were|felt|been) (?:totally |completely |perfectly |absolutely |all )?"
                       r"(?:fine|ok|okay|normal|alright|all right)) now (?=(?:my|his|her|their|it|its|i|he|she|they)\b)")
