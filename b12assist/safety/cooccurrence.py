"""Message-level safety net under the phrase rules: a body symptom and "now" in the same message.

The phrase rules in targets.py read how a symptom is worded; patients describe the same thing in
endless ways ("my chest is in a vice", "I sound like a squeaky toy when I breathe", "one side of me
feels like jelly"). Blind sets showed the words for the body part or function and the words that
date it to now are far more regular than the phrase between them. So, when no phrase rule
escalated:
- an acute symptom word (airway, breathing, skin, fainting, chest, fit, sudden nerve signs) in a
  message that dates something to the last minutes or hours, or to today's injection, is an
  emergency;
- a nerve symptom word in a message that says it is getting worse over days or weeks is urgent.
Both are skipped for a symptom word right after a negation, and for messages that ask, fear or
joke rather than report (decided by the caller, which knows the sentence-level context).
Pure: regular expressions over the detector's normalised text (lowercase, "can't" -> "cannot").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .timing import FRANKLY, TURNS

# --- acute symptoms (emergency when dated to now) ------------------------------------------------
_ACUTE = {
    "breathing": r"\b(?:breath\w*|breathe\w*|br[ea]{1,2}th\w*|wheez\w*|gasp\w*|chok\w*|suffocat\w*|"
                 r"(?:whistl\w*|squeak\w*|squeek\w*|rattl\w*)(?: \w+){0,4} (?:when|as|while) (?:i|he|she|they) "
                 r"breathe|cannot (?:talk|speak) in (?:full )?sentences|air (?:in|out))\b",
    "swelling": r"\b(?:lips?|tongue|throat|mouth|face|eyes?|eyelids?)\b(?: \w+){0,4} "
                r"(?:swell\w*|swollen|fat|thick\w*|big|bigger|huge|puff\w*|tingl\w*|tight\w*|clos\w*|itch\w*|"
                r"burning|prickl\w*|numb)\b|"
                r"\b(?:swell\w*|swollen|puff\w*|tingl\w*|itch\w*) (?:\w+ ){0,2}(?:lips?|tongue|throat|mouth|face|"
                r"eyes?|eyelids?)\b|\b(?:difficult\w*|hard|cannot|trouble|struggl\w*) (?:\w+ )?(?:to )?"
                r"(?:swallow\w*|drink)\b",
    "rash": r"\b(?:hives?|welts?|wheals?|weals?|rash\w*|blotch\w*|red patches|itch\w* all over)\b",
    # "a faint pinky mark", "a faint line": faint as how something looks is not fainting
    "fainting": r"\b(?:faint(?!(?: \w+)? (?:mark|marks|line|lines|smell|trace|traces|bruis\w*|glow|outline|scar|spot|spots|dot|"
                r"dots|pink|pinky|red|reddish|redness|tinge|colou?r|blush|hint|sound|memory|idea|chance|hope|ring|rim|"
                r"patch|shadow|streak|scent|taste)\b)\w*|dizz\w*|light ?headed|head (?:\w+ ){0,3}light|woozy|pass\w* out|black\w* out|"
                r"(?:went|going|go|gone) down|collaps\w*|fall down|fell down|ears? (?:\w+ )?ringing|"
                r"vision (?:\w+ )?(?:going|went) (?:dark|black|grey)|(?:lost|losing) consciousness|"
                r"lie (?:down )?on the floor|lay on the floor|clammy)\b",
    "limb": r"\b(?:foot|leg|arm|hand|toes)\b(?: \w+){0,3} (?:dragging|drags|(?:will not|won't|wont|cannot) (?:lift|move)|"
            r"hanging down|hangs down)\b|\b(?:numb\w*|weak\w*|tingl\w*|heavy|dead)\b(?: \w+){0,8} (?:left|right|one) side\b|"
            r"\bcannot (?:speak|talk) (?:correct\w*|properly|right|clearly|normally)\b|\bwords (?:are |all )?mix\w*|"
            r"\b(?:half of (?:everything|the room|my vision)|(?:is not|isnt|isn't) there any ?more)\b",
    "faint2": r"\b(?:went out like a light|slid off (?:his|her|my|the) chair|not with it|tunnel\w* vision|tunnel y|"
              r"legs went to jelly|had to lie (?:down )?on the floor)\b",
    "chest": r"\b(?:chest|breastbone|sternum)\b(?: \w+){0,6} (?:tight\w*|vice|vise|pressure|pain\w*|heav\w*|crush\w*|band|squeez\w*|"
             r"weight|hurt\w*|burn\w*|clamp\w*|standing on|sitting on|elephant)\b|\b(?:tight\w*|pressure|pressing|pain|crush\w*|"
             r"squeez\w*|weight) (?:\w+ ){0,4}(?:chest|breastbone|sternum)\b",
    "seizure": r"\b(?:fit|fitting|seizure\w*|convuls\w*|jerk\w*|shaking all over|eyes (?:\w+ )?rolled)\b",
    "neuro_sudden": r"\b(?:double vision|seeing double|blind\w*|cannot see|lost (?:\w+ )?(?:sight|vision)|"
                    r"(?:speech|speak\w*|talk\w*|words?)\b(?: \w+){0,3} (?:wrong|strange\w*|funny|weird|slurr\w*|"
                    r"garbled|jumbled|thick|muddled|nonsense|gibberish)|slurr\w*|"
                    r"(?:mouth|face|lip|eyelid)\b(?: \w+){0,3} (?:droop\w*|falling|fallen|dropp\w*|hanging|sagg\w*)|"
                    r"(?:arm|leg|hand|side of (?:me|my body|his body|her body)|one side)\b(?: \w+){0,4} "
                    r"(?:weak\w*|heavy|numb\w*|jelly|dead|limp|floppy|gave (?:out|way)|useless|someone else)|"
                    r"(?:do not|does not|did not|cannot) know (?:what day|where (?:i|he|she) (?:am|is|was)|who)|"
                    r"(?:worst|sudden\w*|explosive|thunderclap)\b(?: \w+){0,4} (?:headache|head pain|pain)|"
                    r"headache\b(?: \w+){0,6} (?:out of nowhere|worst))\b",
}
_ACUTE_RE = {k: re.compile(v) for k, v in _ACUTE.items()}
CATEGORY = {"limb": "neuro_sudden", "faint2": "fainting", "breathing": "breathing", "swelling": "swelling", "rash": "rash", "fainting": "fainting",
            "chest": "chest", "seizure": "neuro_sudden", "neuro_sudden": "neuro_sudden"}

# Dated to now: minutes or hours ago, just now, since/after today's injection, a plea for help.
NOW = re.compile(
    r"\b(?:right now|just now|at the moment|currently|this minute|suddenly|all of a sudden|out of nowhere|"
    r"(?:a few|some|ten|\d+|five|fifteen|twenty|thirty|forty) (?:mins?|minutes?)|half an hour|an hour ago|"
    r"(?:one|two|\d+|a couple of) hours? ago|(?:in|within|for|over) the (?:last|past) (?:few |couple of |\d+ |"
    r"[a-z]+ )?(?:minutes?|mins?|hours?)|since (?:my|his|her|their|the|this|today'?s|tonight'?s) (?:b12 )?(?:jab|shot|"
    r"injection|dose|needle)|(?:after|following) (?:my|his|her|their|the|this|today'?s|tonight'?s) (?:b12 )?(?:jab|shot|"
    r"injection|dose)(?: (?:today|tonight|this (?:morning|afternoon|evening)|earlier|just now))?|"
    r"(?:minutes?|mins?|hours?) (?:after|since)|just (?:had|did|done|started|happened|came on)|"
    r"(?:jab|shot|injection|dose) (?:today|earlier)|(?:will not|wont|won't|does not|doesn't) (?:answer|respond|wake)|"
    r"came on|it started|(?:started|came on|happened) while|all at once|started (?:just|a few|about|around|\d+)|all at once|help me|please help|"
    r"what do i do|(?:i am|i'm|he is|she is) (?:lying|sitting) (?:down|on)|tonight|this (?:morning|afternoon|"
    r"evening)|(?:and )?now (?:i|my|it|there|he|she|his|her|the|its|it's))\b")

# --- nerve symptoms getting worse over days or weeks (urgent) -------------------------------------
_NERVE = re.compile(
    r"\b(?:numb\w*|tingl\w*|pins and needles|buzz\w*|electric\w*|prickl\w*|burning|unstead\w*|steady|"
    r"balance|wobbl\w*|falls?|fell|falling|fallen|dropp\w*|fumbl\w*|clums\w*|buttons?|grip|memory|"
    r"forget\w*|lost|confus\w*|muddled|brain fog|vision|eyesight|see|seeing|blurr\w*|smudg\w*|walk\w*|"
    r"legs?|hands?|feet|toes|fingers|weak\w*|bouncy|sponge|cotton wool|stairs|recogni[sz]\w*(?! (?:side|symptom|reaction|effect|sign)s?\b)|"
    r"asking the same|repeat\w*|same thing over|writing|handwriting|shaky|(?:cannot|could not|does not|did not) remember)\b")
_GETTING_WORSE = re.compile(
    # "the worst headache of my life" (normalised "worse") is a superlative, not a trend
    r"\b(?:worse(?! (?:\w+ )?(?:of|in) (?:my|his|her|their) (?:entire |whole )?life\b)|worsen\w*|getting (?:more|worse|harder|weaker|unstead\w*|wobbl\w*)|more and more|"
    # "more often" of a symptom, not of the injections ("every 2 months or more often?")
    r"(?<!or )(?<!jabs )(?<!shots )(?<!injections )(?<!them )(?<!it )(?<!doses )more often|"
    r"(?<!km )(?<!k )(?<!miles )(?<!mile )(?<!steps )(?<!mins )(?<!minutes )(?<!hours )(?<!times )(?<!once )(?<!twice )"
    r"(?:each|every) (?:day|week|morning|night)|day by day|week by week|by the day|from week to week|"
    r"than (?:last|a) (?:week|month|few weeks|couple of weeks)|compared (?:to|with) (?:last|a) (?:week|month|few weeks|couple of weeks)|"
    r"(?:\d+|two|three|four|five|six|a few|a couple of) weeks on\b(?! (?:the |my )?(?:b12|injections?|jabs?|shots?|treatment|tablets|meds|medication))|than (?:i|it|they|she|he) (?:could|did|was|were|"
    r"used to)|(?:a few|some|couple of) weeks ago|spread\w*|creep\w*|now (?:up to|in(?! (?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|reaching)|up to my|"
    r"pronounced|gone to pot|"
    # not climbing ("a little stiff going up the stairs")
    r"(?:going|gone|moved|moving) up(?! (?:and down )?(?:the |a |some |those |these )?(?:stairs|steps|hills?|ladders?|slopes?|escalators?)\b)|(?:was|were) (?:just|only)\b(?! (?:stress|anxiety|nerves|a virus|a bug|in my head|my imagination|tiredness|age|a cold|hormones|"
    r"my age|being tired|being run down)\b)|"
    r"now (?:\w+ ){0,2}(?:numb|tingly|weak) too|too now|as well now|now also|now even|"
    r"(?:got|gotten|become|grown) (?:so |very |really |much )?(?:clumsy|weak|wobbly|numb|unsteady|forgetful|confused|"
    r"muddled|shaky)|(?:wobblier|shakier|unsteadier|weaker|clumsier|worse|more \w+) all the time|"
    r"(?:a lot |much |far )?more (?:often )?lately|downhill|deteriorat\w*|declin\w*|unsteadier|weaker|clumsier|blurrier|"
    r"(?:was|were) (?:just|only) (?:\w+ ){0,3}(?:last|a) (?:week|month)|used to (?:stop|be only|be just)|"
    # "it has gone from my ankles to my hips in a fortnight"
    r"(?:went|gone|moved|spread|crept|gotten|got|travell?ed) (?:up )?from (?!(?:a |an )?\d)(?:my |his |her |their |the )?[a-z-]+ "
    r"(?:up )?to\b)")
_IMPROVING = re.compile(r"\b(?:(?<!not )(?<!no )(?<!than )(?<!would get )(?<!should get )(?<!will get )(?<!to get )(?<!make it )"
                        r"(?<!make me )(?<!make things )(?<!making it )better|"
                        r"(?<!not )(?<!no )(?<!never )improv\w*|(?<!not )(?<!no )(?:steadier|more steady|more stable|stronger)|less (?:numb|tingly|often|fuzzy|blurry|blurred|wobbly|unsteady|shaky|foggy|muddled|confused|clumsy)|settl\w*|eas\w+ off|(?:much |a lot |far |so much )?(?:sharper|clearer|brighter|"
                        r"more alert)|back to (?:her|him|my|them)sel(?:f|ves)|"
                        r"no worse|not worse|same as (?:it's|it is|its|it has|they have|they've) been|(?:way |much |a lot |far )?less than|not (?:got|gotten|getting|become|any) (?:any )?worse|exactly the same|the same for|same (?:as|like) (?:always|before|ever)|not (?:more|much) worse|stable|unchanged|"
                        r"has not changed|without changing|all (?:that|of that|of it|of this) (?:is |has )?(?:gone|cleared|resolved)|shrunk back|shrinking|receded|retreated|(?:way |much |a lot |far )?less (?:now|often|than before)|instead of every day|"
                        r"(?:shots|jabs|injections|they) (?:are |r )?(?:def(?:initely)? |really |deffo )?working)\b")

_NEGATION = re.compile(r"\b(?:no|not|never|without|zero|none|nothing|nor|free of)\b(?: \w+){0,2} ?$")


@dataclass(frozen=True)
class Hit:
    category: str
    level: str  # "emergency" or "urgent"
    text: str
    end: int


# "breathing is fine", "throat fine": the word said to be fine right after it
_SAID_FINE = re.compile(r"(?:(?:,| and|, and) (?!not\b|no\b|never\b)[a-z]+){0,4}\s*(?:(?:is|are|feels?|seems?) (?:all )?(?:quite |totally |completely |perfectly |absolutely )?"
                        r"(?:fine|ok|okay|normal|good|grand|unchanged|as usual|as normal)"
                        r"|(?:totally |completely |perfectly )?(?:fine|normal))\b"
                        r"(?! (?:at first|until|till|before|earlier|this morning|yesterday|then)\b)")


def _not_negated(text: str, start: int) -> bool:
    return not _NEGATION.search(text[max(0, start - 25):start])


# "face and tongue not swollen at all": a match that spans a negation right before its swelling or
# rash word (two words at most in between; "throat not closing but lips swollen" is not one).
# A negation that says it goes on ("will not stop spreading", "not only spreading", "no end to it") is not one.
NEGATED_AT_END = re.compile(r"\b(?:not|no|never|nor|without|no longer)\b(?! (?:only|just|stop\w*|end\w*|quit\w*|go\w* away|"
                            r"settl\w*|calm\w*|eas\w*|let\w* up|improv\w*|better)\b)(?: (?!but\b|and\b)\w+){0,2}$")
NEGATABLE = ("swelling", "rash")   # the categories NEGATED_AT_END applies to


_SEVERE_HEAD = re.compile(r"\b(?:headache|head pain|pain in (?:my|the|his|her) head|thunderclap)\b")
_SEVERE_HOW = re.compile(r"\b(?:worst|out of nowhere|thunderclap|hit (?:with|by)|explod\w*|like being hit|"
                         r"never had (?:a |anything )?(?:\w+ ){0,5}(?:this|so|near|anywhere near) bad)\b")
_NEG_INSIDE = re.compile(r"\b(?:no|never|without|fine|normal)\b")


def acute_now(text: str) -> Hit | None:
    """An acute symptom word in a message dated to now, or None."""
    if _SEVERE_HEAD.search(text) and _SEVERE_HOW.search(text):   # a sudden, worst-ever headache
        m = _SEVERE_HEAD.search(text)
        return Hit("neuro_sudden", "emergency", m.group(0), m.end())
    if not NOW.search(text):
        return None
    for key, rx in _ACUTE_RE.items():
        for m in rx.finditer(text):
            if _not_negated(text, m.start()) and not _NEG_INSIDE.search(m.group(0)) \
                    and not _SAID_FINE.match(text, m.end()) \
                    and not (CATEGORY[key] in NEGATABLE and NEGATED_AT_END.search(m.group(0))):
                return Hit(CATEGORY[key], "emergency", m.group(0), m.end())
    return None


# Worsening feared or supposed, not reported ("I'm nervous the pins and needles will creep back").
_FEARED = re.compile(r"\b(?:will|would|might|may|could|going to|gonna)\b(?: \w+){0,2} ?$|"
                     r"\b(?:nervous|worried|scared|afraid|frightened|fear|in case)\b(?: \w+){0,5} ?$")


# ... unless it says the worsening goes on ("my memory will not stop getting worse").
_GOES_ON = re.compile(r"\b(?:not|never) (?:\w+ )?(?:stop\w*|end\w*|quit\w*|let\w* up)\b|\bkeeps?\b|\bcontinu\w*\b")


def _feared(before: str) -> bool:
    """The words before a worsening word fear or suppose it, and do not say it goes on."""
    return bool(_FEARED.search(before)) and not _GOES_ON.search(before)


# "not spreading", "never worse": the trend word denied right before it
# ("no redness spreading": "no" and one word)
_DENIED_TREND = re.compile(r"\b(?:not|no|never|is not|are not|nor)(?: any| really| at all)? $|\b(?:no|nor) (?!more\b|only\b)\w+ $")
# "no more than she was last year", "no worse than it was": a comparison denied (not "can't feel my feet
# no more, spreading up past my knees")
_DENIED_COMPARISON = re.compile(r"\b(?:not|no|never)(?: any)? (?:more|worse) $")


# "a few weeks ago" compares with now only when now is said after it ("a few weeks ago it was my toes, now
# it's my knees"), not in a story dated then ("a few weeks ago I had a sudden blurry patch for 10 minutes")
_WEEKS_AGO = re.compile(r"(?:a few|some|couple of) weeks ago")
_NOW_AFTER = re.compile(r"\b(?:now|nowadays|these days|today|this week|at the moment|currently|lately|recently|any ?more|rn)\b")


def getting_worse(text: str) -> bool:
    """The text says something is getting worse over days or weeks ("crept up to my knees over the
    last fortnight"), not feared or denied."""
    return any(not _feared(text[max(0, m.start() - 40):m.start()])
               and not (_WEEKS_AGO.fullmatch(m.group()) and not _NOW_AFTER.search(text, m.end()))
               and not _DENIED_TREND.search(text, max(0, m.start() - 12), m.start())
               and not (m.group().startswith("than") and _DENIED_COMPARISON.search(text, max(0, m.start() - 14), m.start()))
               for m in _GETTING_WORSE.finditer(text))


# a reassurance asked or doubted: "Numbness no worse? I wish."
DOUBTED = re.compile(r"\s*\?|\W*(?:i wish|yeah right|as if|not really|hardly)\b")


def _turned_worse(text: str, at: int) -> bool:
    """After `at`, a "but" and then something getting worse ("same like before the injections but since two
    weeks it gets more wobbly every day"; not "it hasn't got worse but it hasn't gone either")."""
    turn = TURNS.search(text, at) or FRANKLY.search(text, at)
    return bool(turn) and getting_worse(text[turn.end():])


def nerves_worsening(text: str) -> Hit | None:
    """A nerve symptom word in a message that says it is getting worse over days or weeks."""
    if not getting_worse(text) or any(not DOUBTED.match(text, m.end()) and not _turned_worse(text, m.end())
                                      for m in _IMPROVING.finditer(text)):
        return None
    for m in _NERVE.finditer(text):
        if _not_negated(text, m.start()):
            return Hit("neuro_worsening", "urgent", m.group(0), m.end())
    return None
