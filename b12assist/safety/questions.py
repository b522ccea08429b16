"""Messages that ask rather than report: a question for information with nothing dated to now, a
question about what a symptom is or would be, a form that asks about symptoms, a leaflet's list of
warning signs."""
from __future__ import annotations

import re

from .findings import Finding
from .sentences import sentence_end
from .targets import NOT_ABOUT_SOMEONE
from .timing import CURRENT, NOW_WORD, ONSET, PRESENT, PROGRESSIVE, STRONG_CURRENT, SUDDEN


# Asking for information, not reporting ("is it true low b12 makes you dizzy?", "why does the
# leaflet say to report chest pain?"): with nothing in the message in the present tense or
# dated to now, the symptoms in it are asked about, not had.
INFO_QUESTION = re.compile(
    r"\b(?:is (?:that|it|this) (?:true|real|actually|possible|a thing|common|rare)|is it possible|true that|"
    r"what percentage|how (?:common|likely|rare|often do)|(?:which|what) (?:\w+ )?(?:symptoms|signs|reactions) (?:are|is|should|would|count)|how many people|meaning of|(?:what is|what does|what's) the word|"
    r"the word \w+(?: \w+)? means?|leaflet|"
    # teaching material ("a first aid training slide on anaphylaxis (throat swelling, hives, collapse)")
    r"(?:training|teaching|revision|study|lecture|first aid|staff) (?:slides?|session|notes|course|material|handout|poster|day)|"
    r"(?:slides?|poster|handout|presentation|quiz|flash ?cards?|lesson) (?:on|about|for|covering)|"
    r"talking rubbish|reading up|just reading|i (?:have )?read|i heard|heard that|(?:assignment|essay|homework)|"
    r"(?:writing|doing|working on|researching) (?:a|an|my|our) (?:paper|dissertation|thesis|project|report|article|blog post)|"
    r"(?:nursing|medical|pharmacy|paramedic) student|student nurse|"
    r"cross[- ]?reaction|difference between|any link|link between|linked to|connection between|"
    r"reading about|for my own interest|runs? in (?:the )?famil\w*|hereditary|inherited|(?:can|could|may|might) (?:\w+ )?(?:cause|give you|make you|lead to)|why (?:do|does)" + NOT_ABOUT_SOMEONE + r"|why would|what (?:is|are) the (?:side effects|"
    r"signs|symptoms)|(?:can|could|do|does|will) (?:b12|it|they|this|these|the (?:jab|shot|injection)s?|"
    r"injections?|shots?|jabs?) (?:\w+ )?(?:cause|make|give|trigger)|side effects?|"
    r"effets secondaires|efectos secundarios|efeitos (?:secundarios|colaterais)|skutki uboczne|nebenwirkungen|"
    r"effetti collaterali)\b")
# How common or how serious something is: asking, when nothing said after the question is a statement
# ("is an itchy rash a typical reaction? it's gone from my arm to my whole back" reports).
_HOW_COMMON = re.compile(
    r"\b(?:is (?:\w+ ){1,3}(?:a )?(?:common|rare|usual|typical|known) (?:reaction|side effect|thing)|"
    # "is feeling dizzy after b12 actually a thing?"
    r"is (?:\w+ ){1,5}(?:actually |really |even )?a (?:real )?thing|(?:is (?:that|it|this) )?(?:just |only )?a myth|"
    r"(?:common|rare) or (?:super |very |really )?(?:rare|common)|the same (?:thing )?as|in terms of seriousness|"
    r"how serious (?:is|are)|how often (?:do )?(?:people|patients|folks)|asking (?:before|ahead of|in case)|"
    r"the \w+ (?:people|they|everyone|folks) (?:talk|talks|mention|warn|go on) about|how real is|"
    r"would (?:a |an )?(?:\w+ ){0,6}be an? (?:er|a&e|emergency|999|911|ambulance|doctor|gp) thing)\b")


# The time a story was told, not when its symptom happened: "today while I was putting the bins out
# she told me her cousin passed out years ago", "this morning my sister was telling me ...".
_TIME_OF_TELLING = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|just now|earlier|tonight)\b"
                              r"(?=[a-z0-9' ,]{0,80}\b(?:told|tells|telling|said|was saying|mentioned|showed|sent|"
                              r"warned|texted|messaged) (?:me|us)\b)")


# "is that something that happens suddenly, or slowly over months?": asks how it comes on
_SUDDEN_OR_SLOW = re.compile(r"\b(?:happens?|comes? on|starts?|develops?|begins?) (?:suddenly|all of a sudden|quickly)(?=,? or\b)")


def dates_nothing_now(norm: str) -> bool:
    told = _SUDDEN_OR_SLOW.sub(" ", _TIME_OF_TELLING.sub(" ", norm))
    return not (STRONG_CURRENT.search(told) or ONSET.search(told))


def asks_only(norm: str) -> bool:
    """The message asks for information and dates nothing to now."""
    return bool(INFO_QUESTION.search(norm) or _asks_how_common(norm)) and dates_nothing_now(norm)


_WHY_ASKING = re.compile(r"(?:just )?(?:asking|curious|wondering|thanks|thank you|cheers|ta)\b")


# How long a sign takes in general, asked first ("How long does chest tightness from an allergic reaction
# usually take to start after a shot? Asking generally"); not after a report ("hives are spreading over my
# arms, how long do they normally last?")
_HOW_LONG_GENERALLY = re.compile(r"^(?:(?:hi|hello|hey|quick question|question|q|so|ok|okay)[ ,:!.-]+)*how (?:long|quickly|soon|fast) "
                                 r"(?:does|do|would|will|should|can) (?:\w+ ){1,8}(?:(?:usually|normally|typically|generally|tend to) )?"
                                 r"(?:take|last|start|begin|appear|show up|come on|kick in)\b")


def _asks_how_common(norm: str) -> bool:
    """The message asks how common or serious something is (or, first thing, how long a sign usually takes),
    and says nothing after that question but more questions or why it asks."""
    m = _HOW_COMMON.search(norm) or _HOW_LONG_GENERALLY.match(norm)
    if not m:
        return False
    rest = norm[m.end():]
    closing = rest.find("?")
    if m.group().startswith("the same") and not norm.endswith("?", 0, sentence_end(norm, m.end()) + 1):
        return False    # a comparison told, not asked ("the tingling was the same as before the shots, though ...")
    after = rest[closing + 1:] if closing >= 0 else ""
    # what follows may only ask more, or say why they ask ("asking before my first one Monday")
    statements = [part for part in re.split(r"(?<=[.!?])\s+", after) if part.strip() and not part.strip().endswith("?")]
    return all(_WHY_ASKING.match(part.strip()) for part in statements)
# A question about what something is or would be ("is it the tongue swelling?", "what kind of
# reaction would it be, a rash?"), or a condition with a question ("if I had hives over there,
# what would I do?"), about nobody's body in particular.
_CONDITION_OPENING = r"(?:if|what if|suppose|supposing|say|in case|should i ever|imagine|imagining|i keep imagining)\b"
# "daft question but if I ...", "random q: what if ...": the question announced, then asked
_QUESTION_LEAD = (r"(?:(?:probably )?(?:an? )?(?:quick|daft|silly|stupid|dumb|random|odd|weird|strange|hypothetical|"
                  r"genuine) (?:question|q)[ ,:!.-]*(?:but |so |though )?)")
_ASKS_ABOUT = re.compile(
    r"^(?:(?:so|and|but|also|then|ok|okay|hi|hello|sorry|please)[ ,]+|" + _QUESTION_LEAD + r")?(?:what (?:kind|sort|type) of|what is|what are|what does|"
    r"which|is (?:it|that|this) (?:the|a|an|like|what)|would it be|how would|how do (?:you|they|people) know|"
    r"can (?:someone|anyone|you) (?:explain|tell)|" + _CONDITION_OPENING + r".*"
    r"\b(?:would|could|should|will|must|might|possible|do i do|to do|what(?:'s| is) the plan|what then|who do i (?:ring|call))\b)")
CONDITIONAL_QUESTION = re.compile(r"^(?:(?:so|and|but|also|then|please)[ ,]+|" + _QUESTION_LEAD + r")?" + _CONDITION_OPENING)
SOMEONE_NOW = re.compile(r"\b(?:my|this|these|his|her|our|their|i am|i have|i'm|i've|he is|she is|he's|she's)\b")


# The head of a list of signs ("the leaflet that lists all the warning signs, trouble breathing, swelling of
# the face, going faint"), not someone having them ("she has all the signs: ...").
_LIST_HEAD = re.compile(r"\b(?:(?:warning|danger|red ?flag|emergency|possible|common|rare|serious) )?(?:signs|symptoms|side effects|"
                        r"reactions|(?:scary|serious|rare|bad|awful|frightening|horrible|worrying|possible) things)\b(?: (?:like|such as|including|include|"
                        r"to (?:look|watch) (?:out )?for|of (?:an? )?\w+(?: \w+)?))?(?: ?[:,(-]| like| such as| including)")
_HAS_THEM = re.compile(r"\b(?:have|has|having|had|got|getting|showing|shows?|show|with)(?: \w+)?(?: the| all the| these| those)? ?$")


# where a list of signs is written or asked for: "the leaflet lists", "what are the warning signs"
_LIST_SOURCE = re.compile(r"\b(?:leaflet|sheet|list\w*|poster|slides?|card|booklet|website|page|insert|instructions|"
                          r"what are|which are|tell me|know|learn\w*|recogni[sz]e|look(?:ing)? out|watch(?:ing)? (?:out )?for|"
                          r"read|reading|taught|teach\w*|course|training|went through|go(?:ing)? through|explain\w*|"
                          r"mention\w*|told (?:me|us)|warned (?:me|us))\b")
# the patient then says they have them: "I've got the first two", "that's literally me rn"
HAS_LISTED = re.compile(r"\b(?:i|he|she|we|they|mum|dad)(?: have| has)? (?:got|have|has|having) (?:the first|all|both|some|most|"
                         r"a few|two|three|them|those|these|it|that|one)\b|\bthat(?: is)? (?:literally |basically |exactly )?"
                         r"(?:me|him|her|us|them|what)\b|\b(?:sounds?|looks?) (?:just |exactly )?like (?:me|him|her|what)\b|"
                         r"(?:^|[.!?-] )(?:got|have got|having|ticking) (?:it|them|those|these|all|both|the)\b|\bticking (?:off )?(?:all|both|them)\b")
# ... or says one of them is here now: "yep the wheezing one", "the tightness one is happening rn", "still spreading"
_LISTED_NOW = re.compile(r"\b(?:yep|yes|yeah)\b|\bone is (?:happening|here|starting)|\b(?:is|are) happening\b|\bright now\b|"
                         # "still spreading", not "whether I still need to wait in the surgery"
                         r"\bstill\b(?! (?:need|have to|got to|must|should|wait|do|get|go|take|book|come)\b)")


_A_LIST = re.compile(r"\b(?:and )?(?:it is|they are|that is|which is) (?:a |quite a |such a )?(?:long |short |huge )?list\b")


_FORM_ASKS = re.compile(r"\b(?:form|questionnaire|question|application|insurer|insurance|dvla|survey)\b[a-z ]{0,20}?\b(?:asks?|asked|asking)"
                        r"(?: me| you| us)? (?:if|whether|about)\b")


_EVER_HAD = re.compile(r"\b(?:i|you|we) (?:have|'ve)(?: ever)? had\b|\b(?:i|you) (?:ever )?(?:get|have)\b|"
                       r"\b(?:\w+ )?(?:has|have|had|gets?) (?:ever had )?any\b")


def asked_on_a_form(norm: str, f: Finding, start: int) -> bool:
    """The symptom is what a form asks about ("my occupational health form asks if I've ever had 'loss of
    consciousness, seizures or visual disturbance'"), with nothing dated to now after the question."""
    asks = list(_FORM_ASKS.finditer(norm, start, f.end - len(f.text)))
    if not asks:
        return False
    asked = _EVER_HAD.sub(" ", norm[asks[-1].end():f.end])
    return not re.search(r"\b(?:now|right now|today|tonight|currently|at the moment|just|since)\b", asked) \
        and not CURRENT.search(asked) and not STRONG_CURRENT.search(norm) and not ONSET.search(norm)


def listed_sign(norm: str, f: Finding, start: int) -> bool:
    """The symptom is an item of a list of signs that a leaflet lists or a question asks for, in no
    one's body: between the list's head and it nothing in the first person or the present tense,
    nothing dated to now, and nobody then says they have them."""
    at = f.end - len(f.text)
    if HAS_LISTED.search(norm, f.end) or _LISTED_NOW.search(norm, f.end) or STRONG_CURRENT.search(norm):
        return False
    for m in _LIST_HEAD.finditer(norm, start, at):
        between = norm[m.end():f.end]
        if _LIST_SOURCE.search(norm, start, m.start()) and not (
                _HAS_THEM.search(norm[max(start, m.start() - 25):m.start()]) or FIRST.search(between)
                or THIRD.search(between) or PRESENT.search(_A_LIST.sub(" ", between))):
            return True
    return False
THIRD = re.compile(r"\b(?:she|he|they|her|his|their|them|hers|him)\b")
FIRST = re.compile(r"\b(?:i|my|me|mine|i'm|i've|myself)\b")


def asks_about(norm: str, start: int, end: int, at: int | None = None) -> bool:
    """The sentence norm[start:end] is a question about what something is or would be. The
    question may open the part of the sentence after a dash, colon or semicolon that holds the
    symptom at `at` ("doing them at home from next month - if I went all wobbly, what's the plan?").
    In a condition, "suddenly" belongs to what is imagined ("if he suddenly couldn't get his words
    out, would that be a stroke?"); a time of today still reports."""
    if end >= len(norm) or norm[end] != "?":
        return False
    sentence = norm[start:end].strip()
    if at is not None:
        cuts = [m.end() for m in _PART_BREAK.finditer(norm, start, at)]
        if cuts:
            part = norm[cuts[-1]:end].strip()
            if CONDITIONAL_QUESTION.match(part) and _ASKS_ABOUT.search(part):
                sentence = part
    if not _ASKS_ABOUT.search(sentence):
        return False
    conditional = bool(CONDITIONAL_QUESTION.match(sentence))
    if conditional and CAUSE_CONDITION.match(sentence) and (CURRENT.search(sentence) or PROGRESSIVE.search(sentence)):
        # a condition about the cause, with the symptom told as going on ("supposing it's the b12 my
        # eyelids and lips are swelling up what do i do")
        return False
    if conditional and at is not None:
        # the condition is about the cause and the symptom is told as a fact after it ("if it was an
        # allergy, my lips are swelling up now, should I call someone?")
        s_at = norm.find(sentence, start)
        part = next((p for p in _comma_parts(sentence, s_at) if p[0] <= at < p[1]), None)
        if part and part[0] > s_at and (CURRENT.search(norm[part[0]:part[1]]) or NOW_WORD.search(norm[part[0]:part[1]])):
            return False
    onsets = [m for m in ONSET.finditer(sentence) if not (conditional and SUDDEN.fullmatch(m.group(0)))]
    return not (STRONG_CURRENT.search(sentence) or onsets) and (conditional or not SOMEONE_NOW.search(sentence))
CAUSE_CONDITION = re.compile(r"^(?:(?:so|and|but|ok|okay)[ ,]+)?(?:if|what if|suppose|supposing|say|imagine|imagining|in case)"
                              r"\s+(?:it|this|that)(?:'s| is| was| were| be| might be| could be)\b")


def _comma_parts(sentence: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) offsets in the whole text of the comma-separated parts of a sentence."""
    out, pos = [], 0
    for piece in sentence.split(","):
        out.append((offset + pos, offset + pos + len(piece)))
        pos += len(piece) + 1
    return out


_PART_BREAK = re.compile(r" - |; |: |, (?=(?:if|what if|suppose|supposing|say|imagine|in case)\b)")
