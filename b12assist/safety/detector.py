"""Deterministic red-flag detector: spaCy (blank English) + medspacy target and ConText rules.

    >>> detect("I cant breathe after my shot").level
    'emergency'

Pure Python, no Rasa: the Rasa NLU component in `components/` is a thin adapter over `detect`.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import cooccurrence, language, multilingual
from .normalise import normalise, variants
from .symptoms import mentions_symptom
from .targets import _SWELL, ANOTHER_PERSON, EMERGENCY, LEVELS, NON_ESCALATING, NOT_ABOUT_SOMEONE, RECENT_WINDOW, TARGETS, URGENT

MAX_CHARS = 5000  # longer messages are read in windows of this size (see detect)

# Present-tense, first-person statements: "I have", "my lips are swelling", "right now".
_CURRENT = re.compile(
    r"\bi (?:am|have|got|feel|felt|keep|just|suddenly|cannot)\b|"
    r"\b(?:right now|currently|at the moment|just now|this morning|this evening|tonight|today|"
    r"minutes? ago|hours? ago|an hour ago|since (?:my|the|this|last))\b|"
    r"\b(?:started|starting|began|suddenly|keeps)\b|"
    r"\b(?:my|his|her|their|our) [a-z]+(?: [a-z]+){0,2} (?:is|are|was|were|feels?|felt|looks?|went|has|have|keeps?|"
    r"got|seems?)\b|"
    r"\b(?:it|this|that|she|he|they) (?:is|are|was|keeps?|feels?) (?:now |still |really |very |getting |so |all |not )?"
    r"[a-z]+ing\b|\b(?:she|he|they) (?:has|have) got\b|"
    r"(?:^|[.!?] )(?:feeling|having|got|getting)\b|\bmine (?:is|are|has|feels?|looks?)\b|" + RECENT_WINDOW
)
# Onset within minutes or hours: a neurological deficit with it is an emergency (stroke-like).
ONSET = re.compile(
    r"\b(?:suddenly|sudden|all of a sudden|out of (?:nowhere|the blue)|without (?:any )?warning|abruptly|"
    r"just (?:now|started|happened|came on)|it (?:just )?started|came on|(?:a few|some|ten|\d+|five|twenty|thirty|"
    r"fifteen|forty) (?:mins?|minutes?) ago|(?:half an|an|one|two|\d+|a couple of) hours? ago|half hour ago|"
    r"(?:in|within|for|over) (?:the )?(?:last|past) (?:few |couple of |\d+ |[a-z]+ )?(?:minutes?|mins?|hours?|hrs?)|"
    r"(?:(?:in|within|for|over) the (?:last|past) |a )(?:quarter|half) (?:of )?an hour|quarter of an hour ago|acutely|"
    r"since (?:about |around |roughly )?(?:breakfast|lunch|dinner|tea|supper|\d+ ?(?:am|pm)|\d+ o'?clock|this morning|this afternoon|"
    r"i woke up|waking up)|woke up (?:from a nap )?(?:and|with)|this (?:morning|afternoon|evening)|"
    r"earlier today|tonight|(?:for|about|around) (?:about |around )?(?:\d+|a few|ten|fifteen|twenty|thirty) "
    r"(?:mins?|minutes?)|just (?:gave|went|stopped|collapsed|dropped))\b")
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
    r"cross[- ]?reaction|difference between|any link|link between|linked to|connection between|"
    r"reading about|for my own interest|run in (?:the )?famil\w*|hereditary|inherited|(?:can|could|may|might) (?:\w+ )?(?:cause|give you|make you|lead to)|why (?:do|does)" + NOT_ABOUT_SOMEONE + r"|why would|what (?:is|are) the (?:side effects|"
    r"signs|symptoms)|(?:can|could|do|does|will) (?:b12|it|they|this|these|the (?:jab|shot|injection)s?|"
    r"injections?|shots?|jabs?) (?:\w+ )?(?:cause|make|give|trigger)|side effects?|"
    r"effets secondaires|efectos secundarios|efeitos (?:secundarios|colaterais)|skutki uboczne|nebenwirkungen|"
    r"effetti collaterali)\b")
# How common or how serious something is: asking, when nothing said after the question is a statement
# ("is an itchy rash a typical reaction? it's gone from my arm to my whole back" reports).
_HOW_COMMON = re.compile(
    r"\b(?:is (?:\w+ ){1,3}(?:a )?(?:common|rare|usual|typical|known) (?:reaction|side effect|thing)|"
    r"(?:common|rare) or (?:super |very |really )?(?:rare|common)|the same (?:thing )?as|in terms of seriousness|"
    r"how serious (?:is|are)|how often (?:do )?(?:people|patients|folks)|asking (?:before|ahead of|in case)|"
    r"the \w+ (?:people|they|everyone|folks) (?:talk|talks|mention|warn|go on) about|how real is|"
    r"would (?:a |an )?(?:\w+ ){0,6}be an? (?:er|a&e|emergency|999|911|ambulance|doctor|gp) thing)\b")
# Said in jest ("the bill nearly made me collapse lol"): "nearly"/"almost" with a laugh.
_NEARLY_HAD_ME = re.compile(r"\b(?:nearly|almost) (?:had|made|gave|sent|got) (?:me|him|her|us|them)\b")
# ... and what it nearly did, right after it ("breaking out in hives", "a heart attack"): a few small words
# or a gerund, no laugh, no new clause ("nearly sent me through the roof hives spreading" is not one)
_NEARLY_WHAT = re.compile(r" (?:(?:a|an|the|into|in|out|up|to|on|\w+ing) ){0,3}")
_JEST = re.compile(r"\b(?:nearly|almost)\b.{0,40}\b(?:faint\w*|collaps\w*|pass\w* out|died|heart attack)\b")
_FIGURATIVE = re.compile(r"\b(?:stuffy|hot|warm|crowded|packed|smoky|humid|airless|rammed)\b[a-z' ]{0,20}\b(?:you|u|one) (?:cannot|can not) "
                         r"breathe(?: in (?:here|there))?\b|"
                         r"\b(?:drowning|buried|snowed under|swamped|choking) (?:in|with|on) (?:all )?(?:this |the |that |these |my )?"
                         r"(?:paperwork|work|forms|emails|admin|bills|letters|information|info|jargon|details|numbers|red tape|"
                         r"bureaucracy|rules|regulations)\b")
_SERIOUSLY = re.compile(r"\b(?:but )?seriously\b|\bno joke\b|\bnot joking\b|\bjokes aside\b|\bfor real\b|\bnot kidding\b|"
                        r"\bi am serious\b")
_LAUGH = multilingual.LAUGH
_STRONG_CURRENT = re.compile(r"\b(?:right now|currently|at the moment|just now|this minute|this second|(?:a few|\d+|ten|twenty|"
                             r"fifteen|thirty|five) (?:mins?|minutes?) ago)\b|" + RECENT_WINDOW)
# A past-tense report before the symptom ("I had trouble breathing once, years ago"): with a time
# in the past in the same sentence, reached only across commas, the symptom is historical.
_PAST_REPORT = re.compile(r"\b(?:i had|i have had|i've had|i got|i was|i used to|i once had|had a|had some|"
                          r"i experienced|i noticed|i felt|i suffered|i'd|had|collapsed|fainted|passed out|reacted|developed)\b|"
                          r"(?:^|[.!?,] )(?:felt|went|got)\b|\b(?:swelled|swelled up|came out in|broke out)\b")
_SOFT_BREAKS = {",", ";", ":", "-"}
# The message ends by saying things are better or fine ("the swelling went down", "I sat down
# and felt fine"), with nothing after it that turns it round and nothing worsening anywhere.
_REASSURING = re.compile(
    r"\b(?:got better|gotten better|getting better|is better|are better|much better|"
    r"feel(?:s|ing)? better|felt better|went away|gone away|going away|went down|gone down|going down|"
    r"cleared up|settled(?: down)?|resolved|subsided|disappeared|improv\w*|eased(?: off)?|"
    r"calmed down|back to normal|right as rain|back to (?:my|him|her)self|steadier|more good|"
    # "woozy for like 2 min after the shot then totaly fine"
    r"then (?:totally |totaly |completely |perfectly |all |absolutely )?(?:fine|ok|okay|normal)|"
    r"(?:no|not|never) (?:any )?worse|(?:is|are|stays?|stayed|remains?|feels?) (?:the )?same (?:as|like) (?:before|last \w+|always)|"
    r"(?:chatting|talking|eating|walking|acting|behaving|carrying on|laughing)(?: away)? (?:as|like) (?:normal|usual)|"
    r"(?:felt|feel|feels|feeling|am|i'm|was|were|is|it's|everything is|all) "
    r"(?:totally |completely |absolutely |really |just |perfectly |quite |totally and )?"
    r"(?:fine|ok|okay|alright|all right|good|great|normal))\b")
# a red-flag word said after a reassurance turns the message round ("the hives went down. why do I
# sound like a squeaky toy when I breathe?")
_RED_FLAG_WORD = re.compile(
    r"\b(?:breath\w*|breathe\w*|wheez\w*|whistl\w*|squeak\w*|chok\w*|swell\w*|swollen|puff\w*|throat|tongue|lips?|"
    r"rash\w*|hives|welts?|faint\w*|pass\w* out|collaps\w*|chest|numb(?!er)\w*|tingl\w*|weak\w*|slurr\w*|droop\w*|"
    r"dizz\w*|seizure\w*|vision|sight|blind\w*)\b")
_TURN = re.compile(r"\b(?:but|then|now|however|although|though|except|until|suddenly|still|yet|again|"
                   r"after that|and then)\b")
_WORSENING = re.compile(r"\b(?:not|no|never|isn't|hasn't|haven't|won't|didn't) (?:\w+ )?(?:better|improv\w*|"
                        r"fine|ok|okay|go(?:ne)? away|gone down|went down|settled|normal)\b|"
                        # "not worse", "no worse than last month", "not spreading": said not to be worse
                        r"\b(?<!not )(?<!no )(?<!never )(?<!any )(?:worse|worsen\w*|spreading)\b|\b(?:cannot|can't)\b|"
                        # a plea ("help", "please help me"), not "can b12 help her?"
                        r"(?<!can )(?<!could )(?<!would )(?<!will )(?<!might )(?<!does )(?<!to )(?<!b12 )(?<!it )(?<!that )"
                        r"\bhelp\b(?! (?:her|him|them|with|it|his|their|the|a|to|you)\b)"
                        r"(?! (?:me|us) (?:reassure|understand|figure|decide|work|know|find|book|plan|choose|sort|with|to|out)\b)")


@dataclass(frozen=True)
class Finding:
    category: str
    level: str
    text: str          # the matched words (normalised)
    status: str        # "current", or why it does not escalate: negated, hypothetical, past, mild
    experiencer: str   # "patient" or "other"
    certainty: str     # "certain" or "possible"
    end: int = 0       # character offset just after the match, in the normalised text

    @property
    def escalates(self) -> bool:
        return self.status == "current"


@dataclass(frozen=True)
class Assessment:
    text: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    language: str = "en"  # ISO 639-1 code of the message's language (see language.py)

    @property
    def escalating(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.escalates)

    @property
    def escalate(self) -> bool:
        return bool(self.escalating)

    @property
    def level(self) -> str | None:
        levels = {f.level for f in self.escalating}
        if EMERGENCY in levels:
            return EMERGENCY
        return URGENT if URGENT in levels else None

    @property
    def told_apart(self) -> bool:
        """The rules read one symptom of a sentence as asked about or imagined and a different one
        after it as happening ("what happens if I get hives, or is my slurred speech from the jab
        too?"): a reading of the sentence's parts that a model of the whole message cannot overrule."""
        def sentence(f: Finding) -> tuple[int, int]:
            return _sentence_bounds(self.text, f)
        return any(f.escalates and f.end and g.status == "hypothetical" and g.end and g.category != f.category
                   and g.end < f.end and sentence(g) == sentence(f)
                   for f in self.findings for g in self.findings)

    @property
    def category(self) -> str | None:
        """The category behind the level (the first emergency finding, else the first urgent)."""
        for finding in sorted(self.escalating, key=lambda f: f.level != EMERGENCY):
            return finding.category
        return None

    @property
    def hypothetical(self) -> bool:
        """A red-flag symptom was asked about, not reported: answer it and say what to do if it happens."""
        return not self.escalate and any(f.status == "hypothetical" for f in self.findings)

    @property
    def explains_message(self) -> bool:
        """Nothing escalates, and the message ends on what the rules understood: a symptom
        negated, past or asked about, or a statement that things are better or fine, with no
        "but", "then", "now" or anything in the present tense after it. Only then may the rules overrule the statistical
        classifier's red flag ("no rash but <something the rules do not know>" still escalates)."""
        if self.escalate:
            return False
        if self.reassuring:
            return True
        if not self.findings:
            return False
        last = max(f.end for f in self.findings)
        after = self.text[last:]
        # Anything said after the explained symptom that turns the message round, speaks of the
        # present ("... as a kid, and my mouth feels strange") or names another symptom ("the
        # hives went down. why do I sound like a squeaky toy when I breathe?") is not explained.
        return not (_TURN.search(after) or _CURRENT.search(after) or (last > 0 and _RED_FLAG_WORD.search(after)))

    @property
    def reassuring(self) -> bool:
        """Nothing escalates and the message ends by saying things are better or fine. The NLU
        component uses it to keep the statistical classifier alone from escalating "the swelling
        went down"; it never overrides an escalating finding."""
        if self.escalate:
            return False
        matches = [m for m in _REASSURING.finditer(self.text) if not cooccurrence.DOUBTED.match(self.text, m.end())]
        if not matches or _WORSENING.search(self.text):
            return False
        after = self.text[matches[-1].end():]
        return not (_TURN.search(after) or _RED_FLAG_WORD.search(after))


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _pipeline():
    import spacy
    from medspacy.context import ConText  # noqa: F401  (registers the factory)
    from medspacy.ner import TargetMatcher, TargetRule  # noqa: F401

    from .context_rules import rules as context_rules

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = nlp.add_pipe("medspacy_target_matcher")
    matcher.add([TargetRule(t.literal, t.category, pattern=t.pattern) for t in TARGETS])
    context = nlp.add_pipe("medspacy_context", config={"rules": None})
    context.add(context_rules())
    return nlp


def warm_up() -> None:
    """Build the pipeline now (it is built lazily on first use otherwise)."""
    detect("hello")


def _applies(modifier, ent, breaks: list[int]) -> bool:
    """A cue inside the target ("can NOT breathe") or across a clause break never modifies it."""
    m_start, m_end = modifier.modifier_span
    if m_end <= ent.start:
        return not any(m_end <= b < ent.start for b in breaks)
    if m_start >= ent.end:
        return not any(ent.end <= b < m_start for b in breaks)
    return False


def _soft_past(ent, historical: list, hard_breaks: list[int]) -> bool:
    """A time in the past in the symptom's sentence, cut off from it only by commas, after a
    past-tense report and with nothing in the present tense ("I had trouble breathing once, years
    ago, from hay fever")."""
    sent = ent.sent
    if _CURRENT.search(sent.text) or _STRONG_CURRENT.search(sent.text):
        return False
    before = ent.doc[sent.start:ent.start].text
    if not _PAST_REPORT.search(before):
        return False
    for start, end in historical:
        if start < sent.start or end > sent.end or (start >= ent.end and _dates_the_diagnosis(ent.doc[ent.end:start].text)):
            continue
        if start >= ent.end and _COMPARED.search(ent.doc[ent.end:start].text):
            continue    # "fainted in the queue, last time that happened was in 2012": dates the earlier time
        lo, hi = (end, ent.start) if end <= ent.start else (ent.end, start)
        if not any(lo <= b < hi for b in hard_breaks):
            return True
    return False


_FEARED_BEFORE = re.compile(r"\b(?:scared|terrified|worried|afraid|frightened|fear\w*|nervous|anxious|dread\w*|panick\w*)\b")
_COMPARED = re.compile(r"\b(?:last time|the time before|the other time|before that|previous(?:ly)?|like (?:the|that) time|"
                       r"same as|just like|(?:like|as) (?:it|they|she|he|i|we) did)\b")


def _dates_the_diagnosis(between: str) -> bool:
    """`between` is the text from the symptom to a time told after it: the time dates a diagnosis told
    there ("her lips are swelling after the injection, she was diagnosed years ago"), not the symptom.
    Used for medspacy's historical cues and for the long-past and soft-past readings alike."""
    return bool(_DATES_THE_DIAGNOSIS.search(between))


# "I keep imagining my lips swelling but now they actually are": said to be happening after all
_NOW_IT_IS = re.compile(r"\b(?:but|and) (?:now |this time |today )?(?:it|they|she|he|i) (?:actually |really |truly |definitely |just )"
                        r"(?:is|are|am|has|have|did)\b(?! not\b)|\b(?:that|this|it) is (?:exactly )?what is happening\b|"
                        r"\bis (?:actually |really )?happening (?:now|right now)\b|\bcame true\b")
# "I have never had it and cannot picture it": no present report after a question
_NEVER_HAD = re.compile(r"\bi (?:have|had|'ve) (?:never|not)\b[^.!?,]*|\b(?:cannot|can not|could not) (?:picture|imagine)\b")


# "once" is not one time in the past in a sentence dated to now ("since I got home I have fainted
# once", "fainted once at work this morning", "he collapsed once and he is still on the floor")
_ONCE_NOW = re.compile(r"\b(?:since|already|today|tonight|tonite|rn|this (?:morning|afternoon|evening|week)|just|now|still|again|"
                       r"keeps?|not (?:waking|responding|breathing|moving)|minutes? ago|an hour ago|hours? ago|"
                       # a statement in the present tense: "he is sat on the pavement", "it has not gone back"
                       r"(?:i|he|she|it|they|we|you) (?:am|is|are|has|have|can not|cannot|will not|feel|feels|keep|keeps)|"
                       r"(?:has|have) not|is not|are not|(?:is|are|am) (?:\w+ )?\w+ing|"
                       # compared with that time: "closing up like it did once years ago"
                       r"like (?:it|they|she|he|i) did|like (?:the|that) time|same as|just like)\b")


# A question about the cause of what happened or is happening to someone ("how likely is it that the
# injection made my arm go numb", "what are the chances the jab is what is making my chest so tight"):
# the symptom is reported.
_CAUSED_MINE = re.compile(r"\b(?:made|caused|gave|triggered|making|causing|giving|triggering|"
                          r"(?:has|have|could have|might have|would have|may have|must have) "
                          r"(?:made|caused|given|triggered)|did\b(?: [a-z0-9']+){1,4}? (?:make|cause|give|trigger)) "
                          r"(?:my|his|her|their|our|me|him|them)\b")


# pointing at a symptom there now: "swell like this", "this bad"
_LIKE_THIS = re.compile(r"(?: up| out)? (?:like this|this (?:bad|badly|much|fast|quickly))\b")


def _caused_it(before: str) -> bool:
    """The words right before a symptom (in its clause) name what caused it in someone ("... made my
    arm go numb"), not "the nurse gave me a leaflet ... supposing I got chest tightness"."""
    found = list(_CAUSED_MINE.finditer(before))
    return bool(found) and len(before) - found[-1].end() <= 30 and not re.search(r"[,;:.!?]", before[found[-1].end():])


_SAYS_SO = re.compile(r"\b(?:says|said|reckons|claims|insists|swears|keeps saying)\b(?: \w+){0,3}$")


def _unsure_negation(ent, modifiers) -> bool:
    """An uncertainty on the same side of the symptom as its negation makes the negation unsure ("I
    don't think it's hives, maybe"); one on the other side does not ("no hives lol just a bit bored")."""
    from .context_rules import NEGATED, POSSIBLE

    def side(m) -> bool:
        return m.modifier_span[0] < ent.start
    negations = {side(m) for m in modifiers if m.category == NEGATED}
    return any(side(m) in negations for m in modifiers if m.category == POSSIBLE)


def _status(ent, whole_text: str, breaks: list[int], hard_breaks: list[int],
            historical: list) -> tuple[str, str, str]:
    from .context_rules import CONDITIONAL_LITERALS, FAMILY, HISTORICAL, HYPOTHETICAL, NEGATED, ONCE, POSSIBLE

    modifiers = [m for m in ent._.modifiers if _applies(m, ent, breaks)
                 and not (m.category == HISTORICAL and m.modifier_span[0] >= ent.end
                          and (_dates_the_diagnosis(ent.doc[ent.end:m.modifier_span[0]].text)
                               # "closing up like it did once years ago": dates the earlier time (not in
                               # a fear: "scared I'll get wheezy like I did years ago")
                               or (_COMPARED.search(ent.doc[ent.end:m.modifier_span[0]].text)
                                   and not _FEARED_BEFORE.search(ent.doc[ent.sent.start:ent.start].text))))
                 and not (m.category == ONCE and _ONCE_NOW.search(ent.sent.text))
                 # "he says he's fine now": his own word for it after chest pain, not that it is over
                 and not (m.category == HISTORICAL and m.modifier_span[0] >= ent.end
                          and _SAYS_SO.search(ent.doc[max(ent.end, m.modifier_span[0] - 5):m.modifier_span[0]].text))]
    cats = {m.category for m in modifiers}
    experiencer = "other" if FAMILY in cats else "patient"
    certainty = "possible" if POSSIBLE in cats else "certain"
    if ent.label_ == "negated_statement":
        return "negated", experiencer, certainty
    if ent.label_ in NON_ESCALATING:
        return "mild", experiencer, certainty
    if NEGATED in cats and not _unsure_negation(ent, modifiers):
        return "negated", experiencer, certainty
    if (HISTORICAL in cats or ONCE in cats) and not _STRONG_CURRENT.search(ent.sent.text):
        return "past", experiencer, certainty
    if _soft_past(ent, historical, hard_breaks):
        return "past", experiencer, certainty
    if HYPOTHETICAL in cats:
        hyp = [m for m in modifiers if m.category == HYPOTHETICAL]
        conditional = any(m.rule.literal in CONDITIONAL_LITERALS or "if" in m.rule.literal.split()
                          for m in hyp)
        if not conditional and (all(m.modifier_span[1] <= ent.start
                                    and _caused_it(ent.doc[m.modifier_span[1]:ent.start].text) for m in hyp)
                                or _LIKE_THIS.match(ent.doc.text, ent.end_char)):
            # "what are the chances the shot made my tongue swell", "could the b12 cause my lips to swell like this??"
            return "current", experiencer, certainty
        if conditional:
            if not _STRONG_CURRENT.search(ent.sent.text):
                return "hypothetical", experiencer, certainty
        elif not _CURRENT.search(_NEVER_HAD.sub(" ", _RESOLVED.sub(" ", whole_text[ent.sent.start_char:]))):
            # asked about, unless the same sentence or a later one speaks of the present
            return "hypothetical", experiencer, certainty
    return "current", experiencer, certainty


def _assess_window(text: str, offset: int = 0) -> list[Finding]:
    nlp = _pipeline()
    with _lock:  # medspacy components keep per-call state; keep one doc in flight at a time
        doc = nlp(text)
    from .context_rules import HISTORICAL, ONCE

    graph = doc._.context_graph.modifiers
    terminators = [m for m in graph if m.category == "TERMINATE"]
    breaks = [m.modifier_span[0] for m in terminators]
    hard_breaks = [m.modifier_span[0] for m in terminators if m.rule.literal not in _SOFT_BREAKS]
    # times in the past, for the soft-past reading: "once" too, outside a sentence dated to now
    historical = [m.modifier_span for m in graph if (m.category == HISTORICAL
                                                     and not _SAYS_SO.search(doc[max(0, m.modifier_span[0] - 5):m.modifier_span[0]].text))
                  or (m.category == ONCE and not _ONCE_NOW.search(doc[m.modifier_span[0]].sent.text))]
    findings = []
    for ent in doc.ents:
        status, experiencer, certainty = _status(ent, text, breaks, hard_breaks, historical)
        level = LEVELS.get(ent.label_, "none")
        findings.append(Finding(ent.label_, level, ent.text, status, experiencer, certainty,
                                offset + ent.end_char))
    return findings


def _assess(norm: str) -> list[Finding]:
    findings: list[Finding] = []
    # Very long messages are read in overlapping windows so nothing is skipped.
    step = MAX_CHARS - 200
    for start in range(0, max(len(norm), 1), step):
        findings.extend(_assess_window(norm[start:start + MAX_CHARS], start))
        if start + MAX_CHARS >= len(norm):
            break
    return findings


def _other_languages(text: str, spoken: str, jokes_count: bool = False) -> list[Finding]:
    """Red flags from the rule files of other languages (see multilingual.py); with `jokes_count`, one
    with a laugh in its clause is said in jest."""
    matches = multilingual.find(text, spoken)
    folded = multilingual.fold(text) if jokes_count and matches else ""
    out = []
    for m in matches:
        jest = jokes_count and m.status == "current" and multilingual.in_jest(text, folded[m.start:m.end])
        out.append(Finding(m.category, LEVELS.get(m.category, "none"), m.language, "mild" if jest else m.status,
                           "patient", "certain", 0))
    return out


# "I have been reading the leaflet" is not a present-tense report of a symptom.
_READING = re.compile(r"\bi (?:have|am|'ve|was)(?: been)? (?:reading|looking|wondering|thinking|researching|told|worried|"
                      r"writing|putting together|preparing|drafting|designing|planning|studying|revising|teaching|running|"
                      r"making (?:a|an|some|the|our) (?:poster|leaflet|slides?|presentation|handout|quiz|list))\b")
ONSET_SHORT = re.compile(r"\b(?:suddenly|sudden|all of a sudden|out of (?:nowhere|the blue)|just now|"
                         r"(?:a few|some|ten|\d+|five|fifteen|twenty|thirty) (?:mins?|minutes?) ago|"
                         r"(?:half an|an|one|two|\d+) hours? ago|(?:in|within) the (?:last|past) (?:few )?(?:minutes?|hour)|"
                         # "I woke this morning to find I cannot see out of my right eye ... It was perfectly fine last night"
                         # "woke up from a nap and cant see out of my right eye at all ... was fine this morning"
                         r"woke(?: up)?(?: from (?:a|my|his|her|an afternoon) (?:nap|sleep|snooze|doze|kip|lie down|lie in))?"
                         r"(?: this morning| today)? (?:to find|and found|unable|and (?:cannot|could not|can not))|"
                         r"(?:(?:it|i|he|she) was|(?<=[.!?] )was|^was) (?:perfectly |totally |completely |absolutely )?(?:fine|ok|okay|normal) "
                         r"(?:last night|yesterday|this morning|at breakfast|at lunch|an hour ago))\b")


# The time a story was told, not when its symptom happened: "today while I was putting the bins out
# she told me her cousin passed out years ago", "this morning my sister was telling me ...".
_TIME_OF_TELLING = re.compile(r"\b(?:today|this (?:morning|afternoon|evening)|just now|earlier|tonight)\b"
                              r"(?=[a-z0-9' ,]{0,80}\b(?:told|tells|telling|said|was saying|mentioned|showed|sent|"
                              r"warned|texted|messaged) (?:me|us)\b)")


def _dates_nothing_now(norm: str) -> bool:
    told = _TIME_OF_TELLING.sub(" ", norm)
    return not (_STRONG_CURRENT.search(told) or ONSET.search(told))


def _asks_only(norm: str) -> bool:
    """The message asks for information and dates nothing to now."""
    return bool(INFO_QUESTION.search(norm) or _asks_how_common(norm)) and _dates_nothing_now(norm)


_WHY_ASKING = re.compile(r"(?:just )?(?:asking|curious|wondering|thanks|thank you|cheers|ta)\b")


def _asks_how_common(norm: str) -> bool:
    """The message asks how common or serious something is, and says nothing after that question
    but more questions or why it asks."""
    m = _HOW_COMMON.search(norm)
    if not m:
        return False
    rest = norm[m.end():]
    closing = rest.find("?")
    after = rest[closing + 1:] if closing >= 0 else ""
    # what follows may only ask more, or say why they ask ("asking before my first one Monday")
    statements = [part for part in re.split(r"(?<=[.!?])\s+", after) if part.strip() and not part.strip().endswith("?")]
    return all(_WHY_ASKING.match(part.strip()) for part in statements)


def _sentence_bounds(norm: str, f: Finding) -> tuple[int, int]:
    """Start and end offsets of the sentence of the normalised text that holds a finding (English
    findings carry its end; the whole text for the others)."""
    if not f.end:
        return 0, len(norm)
    start = max(norm.rfind(c, 0, max(f.end - len(f.text), 0)) for c in ".!?") + 1
    ends = [i for i in (norm.find(c, f.end) for c in ".!?") if i >= 0]
    return start, (min(ends) if ends else len(norm))


def _sentence_of(norm: str, f: Finding) -> str:
    """The sentence of the normalised text that holds a finding."""
    start, end = _sentence_bounds(norm, f)
    return norm[start:end]


def _in_context(findings: list[Finding], norm: str, raw: str) -> list[Finding]:
    """Message-level readings the sentence-level ConText rules cannot make:
    - a neurological deficit dated to the last minutes or hours is a sudden one (emergency);
    - a message that only asks for information, with nothing dated to now, asks about its symptoms;
    - "nearly fainted ... lol" is said in jest."""
    onset_text = _NO_ONSET.sub(" ", norm)    # "no sudden stuff, but my legs are weaker every week"
    onset = bool(ONSET.search(onset_text))
    asking = _asks_only(norm)
    laughing = bool(_LAUGH.search(raw)) and not _SERIOUSLY.search(norm)    # "lol ... for real" is no joke
    jest = bool(_JEST.search(norm)) and laughing
    # "the queue nearly had me breaking out in hives lol": what nearly happened, said laughing
    nearly = [m.end() for m in _NEARLY_HAD_ME.finditer(norm)] if laughing else []
    idioms = _idiom_spans(norm)
    figurative = [m.start() for m in _FIGURATIVE.finditer(norm)]   # "drowning in paperwork": its sentence only
    out = []
    for f in findings:
        start, end = _sentence_bounds(norm, f)
        sentence = norm[start:end]
        caused = f.end and _caused_it(norm[start:max(start, f.end - len(f.text))])
        if f.escalates and asking and not _CURRENT.search(_READING.sub(" ", sentence)) and not caused \
                and not _HAS_LISTED.search(norm, f.end):
            f = replace(f, status="hypothetical")
        elif f.escalates and f.end and _asks_about(norm, start, end, f.end - len(f.text)) \
                and not _now_after(norm[end:]) and not (caused and not _CONDITIONAL_QUESTION.match(sentence.strip())):
            # asked about, and nothing after the question says it is happening ("which is worse,
            # slurred speech or the arm going weak? mum has both right now" is a report)
            f = replace(f, status="hypothetical")
        elif f.escalates and f.category in cooccurrence.NEGATABLE and cooccurrence.NEGATED_AT_END.search(f.text) \
                and not _SWELLING_AFTER.search(norm[f.end:end]):
            f = replace(f, status="negated")
        elif f.escalates and f.end and _told_as_history(norm, start, end, f.end - len(f.text)):
            f = replace(f, status="past")
        elif f.escalates and f.end and _asked_on_a_form(norm, f, start):
            f = replace(f, status="hypothetical")    # "my form asks if I've ever had 'loss of consciousness, seizures ...'"
        elif f.escalates and f.end and _listed_sign(norm, f, start):
            f = replace(f, status="hypothetical")    # "the leaflet lists the warning signs, trouble breathing, ..."
        elif f.escalates and f.end and _long_past(norm, f, start, end):
            f = replace(f, status="past")
        elif f.status == "hypothetical" and f.end and (_REFERS_NOW.search(norm[end:]) or _NOW_IT_IS.search(norm[f.end:end])):
            # asked about, then said to be here: "how long after do hives usually show up?? got them
            # all over my chest and theyre spreading"; sudden when dated to the last minutes or hours
            f = replace(f, status="current")
            if f.category == "neuro_deficit" and onset:
                f = replace(f, category="neuro_sudden", level=EMERGENCY)
        elif f.status == "hypothetical" and f.end and _CAUSE_CONDITION.match(sentence.strip()) \
                and (_CURRENT.search(sentence) or _PROGRESSIVE.search(sentence)):
            # a condition about the cause, the symptom told as going on ("supposing it's the b12 my
            # eyelids and lips are swelling up, what do i do")
            f = replace(f, status="current")
        elif f.escalates and f.category == "neuro_worsening" and f.end and _improving_in(norm, f) and not _WORSENING.search(f.text):
            f = replace(f, status="mild")    # "his tingly legs have been settling week by week"
        elif f.escalates and f.category == "neuro_worsening" and re.search(r"\bused to\b", f.text) \
                and _IMPROVING.search(norm, f.end, end) and not _WORSENING.search(norm[f.end:end]):
            f = replace(f, status="mild")    # "the pins and needles that used to go up to my knees are now just in my toes"
        elif f.status == "past" and f.category == "neuro_worsening" and _TREND.search(f.text) \
                and not (_FAR_PAST.search(sentence) or _REASSURING.search(sentence) or _IMPROVING.search(sentence)):
            # a trend up to now ("more and more wobbly every day") is current, whatever happened yesterday
            f = replace(f, status="current")
        elif f.escalates and ((jest and f.category == "fainting") or (f.category == "breathing" and any(start <= a < end for a in figurative))
                              or (f.end and any(start <= a <= f.end - len(f.text) and _NEARLY_WHAT.fullmatch(norm[a:f.end - len(f.text)])
                                                for a in nearly))
                              or (f.end and _in_idiom(idioms, f, start, end))):
            f = replace(f, status="mild")
        elif f.escalates and f.category in _LONG_STANDING_KINDS and f.end and _long_standing(norm, f, start, end) \
                and not (onset or _WORSENING.search(_WILL_IT_HELP.sub(" ", norm)) or _TREND.search(norm) or _STRONG_CURRENT.search(norm)):
            f = replace(f, status="mild")    # "a little breathless on the stairs, but that is nothing new"
        elif f.escalates and f.category == "rash" and f.end \
                and any(m.start() < f.end and f.end - len(f.text) < m.end() for m in _HABITUAL_REACTION.finditer(norm, start, end)) \
                and not (onset or _STRONG_CURRENT.search(norm) or _dated_now(norm) or _WORSENING.search(norm)
                         or cooccurrence.getting_worse(norm) or re.search(r"\b(?:all over|across|everywhere)\b", norm)):
            f = replace(f, status="mild")    # "he breaks out in a rash from some cheap jewelry": what he is allergic to
        elif f.escalates and _HOARSE.search(f.text) and _HOARSE_CAUSE.search(sentence):
            f = replace(f, status="mild")    # "a hoarse voice for weeks with a cold"
        elif f.escalates and f.category in ("neuro_worsening", "neuro_deficit") and _STROKE_WORDS.search(sentence) \
                and not _TREND.search(sentence):
            # numbness with speech gone wrong or a face dropping in the same sentence: a stroke sign
            f = replace(f, category="neuro_sudden", level=EMERGENCY)
        elif f.escalates and f.category == "stroke_signs" and f.end and not _STROKE_WORDS.search(f.text) \
                and _SLOW_TREND.search(sentence) and (_TREND.search(sentence) or cooccurrence.getting_worse(sentence)) \
                and not ONSET.search(_NO_ONSET.sub(" ", sentence)) and not _A_TIME_TODAY.search(sentence):
            # "keeps losing her words and getting muddled, it's been getting worse gradually over the past
            # month": word-finding or sight worse over weeks is the same-day review, not a stroke call
            f = replace(f, category="neuro_worsening", level=URGENT)
        elif f.escalates and ((f.category == "neuro_deficit" and onset
                               and (_SUDDEN.search(onset_text) or not any(g.escalates and g.category == "neuro_worsening"
                                                                        and _TREND.search(g.text) for g in findings))) or
                              (f.category == "neuro_worsening" and ONSET_SHORT.search(onset_text))):
            # (not "more confused each day this past week, ... this morning he didn't know where the toilet was")
            f = replace(f, category="neuro_sudden", level=EMERGENCY)
        out.append(f)
    # An earlier episode the message then says has come back ("it went away but it's back and
    # spreading") is happening again now.
    out = [replace(f, status="current") if f.status == "past" and f.end and _happens_again(norm[f.end:]) else f
           for f in out]
    # A dizzy spell the message then says is over ("felt dizzy after, but I was right as rain after a
    # cup of tea"), with nothing after that turns it round or sounds worse.
    for i, f in enumerate(out):
        if f.escalates and f.category == "fainting" and _DIZZY.match(f.text) and f.end:
            later = list(_REASSURING.finditer(norm, f.end))
            if later and not _WORSENING.search(norm) and not _TURN.search(norm[later[-1].end():]):
                out[i] = replace(f, status="past")
    # A fall in a message about balance or nerves getting worse is part of that (urgent: "balance
    # worse each week, fell over again last night"), not a collapse.
    if any(f.escalates and f.category == "neuro_worsening" for f in out):
        out = [replace(f, status="mild")
               if f.escalates and f.category == "fainting" and _A_FALL.match(f.text) else f for f in out]
    return out


_RECURS = re.compile(r"(?<!never )(?<!not )(?<!n't )\b(?:it|they|the (?:rash|swelling|hives|itch\w*|wheez\w*|tightness|"
                     r"numbness|tingling|dizziness|spots|bumps|welts|puffiness))(?:'s| is| are|'re| has| have)?(?: come| came|"
                     r" coming)? back\b(?! to normal)|\b(?:started|starting|happening|happened|flar\w+(?: up)?|came on|"
                     r"coming on|back|doing it|did it|got it|same) again\b(?<!never happened again)(?<!not happened again)"
                     r"(?<!n't happened again)|\bhere we go again\b|\b(?:but|and|well|so|aaand) here we go\b|(?<!never )(?<!not )(?<!n't )"
                     r"\b(?:has |have |it |they )(?:returned|reappeared)\b|"
                     # "it went down and now it is swelling up again", "spreading again now"
                     r"(?<!never )(?<!not )(?<!to )(?<!will )(?<!would )(?<!could )(?<!might )(?<!may )(?<!if )(?<!it )(?<!they )(?<!i )"
                     r"(?<!not be )(?<!never be )\b(?:swell\w*|spread\w*|puff\w*|clos\w*|tighten\w*|flar\w*|break\w* out|broke out|com\w* up|came up|"
                     r"itch\w*|wheez\w*|faint\w*|numb\w*|tingl\w*|collaps\w*|pass\w* out|black\w* out|keel\w* over|went down)"
                     r"(?: up| out| back)? again\b(?! (?:tomorrow|next|later|if|when|in (?:a|an|\d+|two|three|a few|a couple of) (?:days?|weeks?|months?|years?)))")
# "exactly that", "the same thing", "just like that", told with a time of today or the last hours.
_SAME = re.compile(r"\b(?:exactly|just) (?:like )?(?:that|this|the same)\b|\bthe (?:same|very same) (?:thing|way|feeling|reaction)\b|"
                   r"\b(?:doing|having|got|getting|feel|feeling|i am|mine is|mine's|mines) (?:exactly |just )?(?:the same|like that)\b|"
                   r"\b(?:it is|it's|its|same is|same's|that is) happening to me\b|\bnow it is me\b|\bnow it's me\b|"
                   r"\bsame(?:'s| is) happening\b|\bi am the same\b|\bi feel exactly like\b|"
                   r"\blike that (?:again|now)\b")
_TODAY = re.compile(r"\b(?:today'?s?|tonight|this (?:morning|afternoon|evening)|right now|now)\b")


def _happens_again(after: str) -> bool:
    """The text after an earlier episode says it is back ("it went away but it's back and spreading",
    "here we go again"), or that the same thing is happening today ("felt exactly that twenty minutes
    after today's injection")."""
    now = ONSET.search(after) or _TODAY.search(after) or _STRONG_CURRENT.search(after)
    return bool(_RECURS.search(after) or ((_SAME.search(after) or _REFERS_NOW.search(after)) and now))
# A mild or effort-bound symptom the patient says is long-standing or known to their doctor ("I become
# a little breathless on the stairs owing to my age, but that is nothing new and my doctor is aware").
_LONG_STANDING = re.compile(
    r"\b(?:(?:that|this|it|which)(?: is| has been)? nothing new|nothing new (?:for me|there)|"
    r"(?:have|has) (?:always )?(?:had|been like) (?:it |that |this |them )?for (?:years|ages|decades)|"
    r"for (?:years|ages|decades) now|(?:has|have) always been (?:like )?(?:that|this)|normal for me|usual for me|"
    r"same as (?:always|ever)|(?:my|the|his|her) (?:doctor|gp|consultant|nurse|specialist|team|cardiologist) "
    r"(?:is|are) (?:aware|monitoring)(?! (?:of|with) (?!(?:it|this|that|them)\b))|"
    r"(?:my|the|his|her) (?:doctor|gp|consultant|nurse) knows about (?:it|this|that|them))\b")
_MILD_OR_ON_EFFORT = re.compile(r"\b(?:a (?:little|bit|touch|tad)|slightly|mildly|somewhat|bit|"
                                r"on (?:the )?stairs|uphill|climbing|when i (?:walk|exercise|hurry|rush)|exert\w*|after exercise)\b")
_LONG_STANDING_KINDS = ("breathing", "fainting", "neuro_worsening", "neuro_deficit")
# a reaction someone always has to a named trigger (simple present), not one happening now
_HABITUAL_REACTION = re.compile(
    r"\b(?:i|he|she|they|we|(?:my|our|his|her) \w+)(?: always| usually| normally| often| tends? to)? (?:breaks?|comes?|come) out in (?:a |an )?(?:\w+ )?"
    r"(?:rash|hives|welts|spots)\b(?: \w+){0,2} (?:from|with|when|whenever|every time|if|around|to)\b")
_TURNS = re.compile(r"\b(?:but|however|though|although|yet|except)\b")


def _long_standing(norm: str, f: Finding, start: int, end: int) -> bool:
    """The words next to the symptom say it is mild or comes on effort, and the sentence says it is
    long-standing or known: after it, or before it with no turn in between ("bit of a sore arm, normal
    for me, but I've just blacked out" is not)."""
    at = f.end - len(f.text)
    mild = _MILD_OR_ON_EFFORT.search(norm, max(start, at - 30), min(end, f.end + 40))
    if not mild or (mild.start() < at and _TURNS.search(norm[mild.end():at])) \
            or cooccurrence.getting_worse(norm[start:end]):
        return False
    for m in _LONG_STANDING.finditer(norm, start, end):
        if m.start() >= f.end:     # said after it: "..., but that is nothing new"
            if not _RED_FLAG_WORD.search(norm[f.end:m.start()]):
                return True
        elif not _TURNS.search(norm[m.end():at]):
            return True
    return False


def _improving_in(norm: str, f: Finding) -> bool:
    """The finding's own words say it is getting better, read in the message ("confusion is getting less and less
    manageable" is no improvement)."""
    m = _IMPROVING.search(norm, f.end - len(f.text))
    return bool(m) and m.start() < f.end


_WILL_IT_HELP = re.compile(r"\b(?:will|would|could|can|does|do|might|may) (?:\w+ ){0,3}help\b")   # not a cry for help
_DIZZY = re.compile(r"^(?:dizz\w*|light ?headed\w*|woozy|a bit dizzy|a little dizzy)$")
_A_FALL = re.compile(r"^(?:fell|falls?|falling|fallen)(?: over| down)?$")


# Swelling or a rash named again later in the sentence of a negated one ("I thought my lips were not
# swollen but they are definitely swelling now"): the negation does not hold.
_SWELLING_AFTER = re.compile(rf"\b{_SWELL}\b|\b(?:hives|rash|welts|blotch\w*)\b")


# A time long past in the symptom's sentence ("as a child", "years ago", "in 2021", "before my diagnosis"),
# with nothing in that sentence in the present tense or dated to now: the episode is over.
_FAR_PAST = re.compile(
    r"\b(?:as a (?:kid|child|teen\w*|baby|youngster)|when (?:i|he|she) (?:was|were) (?:young|little|a kid|a child|"
    r"younger|small|a teenager|\d+)|(?:many |several |a few |some |two |three |\d+ )?years? (?:ago|back|before)|"
    r"(?:a few |several |some |a couple of |couple of |\d+ |two |three )?(?:months|weeks) back|a (?:month|year) back|"
    r"(?:two|three|four|five|several|a few|some|\d+|many) (?:summers|winters|springs|autumns|christmases|easters) ago|"
    r"(?:back )?in (?:19|20)\d\d|(?<!like )(?<!as )last (?:year|yr)|decades? ago|when (?:i|he|she|we) (?:first )?(?:started|began)|"
    r"(?:in|at) (?:high school|secondary school|primary school|college|uni|university|school)|(?:a )?long time ago|ages ago|in my (?:teens|twenties|thirties|childhood|youth)|"
    r"before (?:my |the |i was |being )?(?:diagnosis|diagnosed))\b")
_PRESENT = re.compile(r"\b(?:is|are|am|i'm|it's|keeps?|keeping|feel|feels|feeling|have been|has been|still|now|today|"
                      r"tonight|just|right now|currently|this (?:morning|afternoon|evening|week))\b")
_TREND = re.compile(r"\b(?:more (?:and|n|&) more|every day|each day|day by day|week by week|every week|each week|"
                    r"by the day|getting worse|worse and worse)\b")
_IMPROVING = re.compile(r"\b(?:shrunk back|receded|retreated|(?:numbness|tingling|pins and needles|pain|weakness|confusion|fog|dizziness)\b(?: \w+){0,4} "
                        # "... is less and less every month", not "less and less manageable", "less of a worry than"
                        r"(?:is|are|gets?|getting|has got) less(?: and less)?(?=\s*(?:$|[,.;!?]|now\b|every\b|each\b|since\b|day\b|"
                        r"week\b|month\b|these\b|lately\b|than (?:before|it was|they were)\b))|"
                        r"steadier|better|improv\w*|easier|fading|settling|easing|less (?:and less )?(?:numb|wobbly|tingly|unsteady|"
                        r"forgetful|muddled|confused|clumsy|foggy)|now (?:just|only) (?:in|at|on)|stopped (?:tripping|falling|stumbling))\b")
_RESOLVED_NOW = re.compile(r"\b(?:all )?(?:gone|fine|ok|okay|better|normal|cleared|settled) now\b")
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
_CONDITIONAL_QUESTION = re.compile(r"^(?:(?:so|and|but|also|then|please)[ ,]+|" + _QUESTION_LEAD + r")?" + _CONDITION_OPENING)
_SOMEONE_NOW = re.compile(r"\b(?:my|this|these|his|her|our|their|i am|i have|i'm|i've|he is|she is|he's|she's)\b")


# The head of a list of signs ("the leaflet that lists all the warning signs, trouble breathing, swelling of
# the face, going faint"), not someone having them ("she has all the signs: ...").
_LIST_HEAD = re.compile(r"\b(?:(?:warning|danger|red ?flag|emergency|possible|common|rare|serious) )?(?:signs|symptoms|side effects|"
                        r"reactions)\b(?: (?:like|such as|including|include|"
                        r"to (?:look|watch) (?:out )?for|of (?:an? )?\w+(?: \w+)?))?(?: ?[:,(-]| like| such as| including)")
_HAS_THEM = re.compile(r"\b(?:have|has|having|had|got|getting|showing|shows?|show|with)(?: \w+)?(?: the| all the| these| those)? ?$")


# where a list of signs is written or asked for: "the leaflet lists", "what are the warning signs"
_LIST_SOURCE = re.compile(r"\b(?:leaflet|sheet|list\w*|poster|slides?|card|booklet|website|page|insert|instructions|"
                          r"what are|which are|tell me|know|learn\w*|recogni[sz]e|look(?:ing)? out|watch(?:ing)? (?:out )?for|"
                          r"read|reading|taught|teach\w*|course|training|went through|go(?:ing)? through|explain\w*|"
                          r"mention\w*|told (?:me|us)|warned (?:me|us))\b")
# the patient then says they have them: "I've got the first two", "that's literally me rn"
_HAS_LISTED = re.compile(r"\b(?:i|he|she|we|they|mum|dad)(?: have| has)? (?:got|have|has|having) (?:the first|all|both|some|most|"
                         r"a few|two|three|them|those|these|it|that|one)\b|\bthat(?: is)? (?:literally |basically |exactly )?"
                         r"(?:me|him|her|us|them|what)\b|\b(?:sounds?|looks?) (?:just |exactly )?like (?:me|him|her|what)\b|"
                         r"(?:^|[.!?-] )(?:got|have got|having|ticking) (?:it|them|those|these|all|both|the)\b|\bticking (?:off )?(?:all|both|them)\b")
# ... or says one of them is here now: "yep the wheezing one", "the tightness one is happening rn", "still spreading"
_LISTED_NOW = re.compile(r"\b(?:yep|yes|yeah)\b|\bone is (?:happening|here|starting)|\b(?:is|are) happening\b|\bright now\b|\bstill\b")


_A_LIST = re.compile(r"\b(?:and )?(?:it is|they are|that is|which is) (?:a |quite a |such a )?(?:long |short |huge )?list\b")


_FORM_ASKS = re.compile(r"\b(?:form|questionnaire|question|application|insurer|insurance|dvla|survey)\b[a-z ]{0,20}?\b(?:asks?|asked|asking)"
                        r"(?: me| you| us)? (?:if|whether|about)\b")


_EVER_HAD = re.compile(r"\b(?:i|you|we) (?:have|'ve)(?: ever)? had\b|\b(?:i|you) (?:ever )?(?:get|have)\b|"
                       r"\b(?:\w+ )?(?:has|have|had|gets?) (?:ever had )?any\b")


def _asked_on_a_form(norm: str, f: Finding, start: int) -> bool:
    """The symptom is what a form asks about ("my occupational health form asks if I've ever had 'loss of
    consciousness, seizures or visual disturbance'"), with nothing dated to now after the question."""
    asks = list(_FORM_ASKS.finditer(norm, start, f.end - len(f.text)))
    if not asks:
        return False
    asked = _EVER_HAD.sub(" ", norm[asks[-1].end():f.end])
    return not re.search(r"\b(?:now|right now|today|tonight|currently|at the moment|just|since)\b", asked) \
        and not _CURRENT.search(asked) and not _STRONG_CURRENT.search(norm) and not ONSET.search(norm)


def _listed_sign(norm: str, f: Finding, start: int) -> bool:
    """The symptom is an item of a list of signs that a leaflet lists or a question asks for, in no
    one's body: between the list's head and it nothing in the first person or the present tense,
    nothing dated to now, and nobody then says they have them."""
    at = f.end - len(f.text)
    if _HAS_LISTED.search(norm, f.end) or _LISTED_NOW.search(norm, f.end) or _STRONG_CURRENT.search(norm):
        return False
    for m in _LIST_HEAD.finditer(norm, start, at):
        between = norm[m.end():f.end]
        if _LIST_SOURCE.search(norm, start, m.start()) and not (
                _HAS_THEM.search(norm[max(start, m.start() - 25):m.start()]) or _FIRST.search(between)
                or _THIRD.search(between) or _PRESENT.search(_A_LIST.sub(" ", between))):
            return True
    return False


def _long_past(norm: str, f: Finding, start: int, end: int) -> bool:
    """The time long past is said before the symptom in its sentence (norm[start:end]), or in the
    same clause after it ("my throat closing, years ago it happened too" is about now)."""
    sentence = norm[start:end]
    if _PRESENT.search(_RESOLVED_NOW.sub(" ", sentence)) or not _dates_nothing_now(sentence):
        return False
    at, after = f.end - len(f.text) - start, f.end - start
    return any((m.start() < at and not _NEW_ANCHOR.search(sentence[m.end():at]))
               or (m.start() >= after and not re.search(r"[,;:]| - | but ", sentence[after:m.start()])
                   and not _NEW_ANCHOR.search(sentence[after:m.start()]))
               for m in _FAR_PAST.finditer(sentence)
               if not (m.start() >= after and _dates_the_diagnosis(sentence[after:m.start()])))


# A time long past that dates the diagnosis, not the symptom ("his tongue swelled
# up after his jab, he was diagnosed with pernicious anaemia in 2017"): it says nothing about when
# the symptom happened.
_DATES_THE_DIAGNOSIS = re.compile(r"(?<!when i was )(?<!when i got )(?<!when he was )(?<!when she was )(?<!when they were )"
                                  r"(?<!when i was first )(?<!when he was first )(?<!when she was first )"
                                  r"\bdiagnosed\b[^,.;:!?]{0,60}$")


# A new point in time between an old episode and the symptom ("reacted to penicillin years ago, and
# after her b12 jab her tongue swelled up", "had a stroke years ago and this time his face drooped"):
# the symptom belongs to it, not to the past.
_NEW_ANCHOR = re.compile(r"\b(?:after|since|following|from) (?:my|his|her|their|the|today'?s|this|that|our) (?:\w+ )?"
                         r"(?:jab|shot|injection|dose|needle|b12)\b|\b(?:this time|today|like this|tonight|last night|this (?:morning|"
                         r"afternoon|evening|week)|now|again|another one|just now|earlier)\b")


# A sudden onset denied ("no sudden stuff, nothing like a stroke, but ..."): not an onset.
_NO_ONSET = re.compile(r"\b(?:no|not|nothing|never|was not|is not|were not|did not come on)(?: so| very| really| at all)? "
                       r"(?:sudden\w*|all of a sudden|out of (?:nowhere|the blue)|abrupt\w*)\b|"
                       # the treatment started, not a symptom ("I'm 34 and just started injections myself")
                       r"\bjust started (?:the |my |her |his |their |on )?(?:b12 )?(?:injections?|jabs?|shots?|treatment|course|loading)\b|"
                       # the time of what keeps being forgotten ("I keep forgetting conversations from
                       # an hour ago"), not when a symptom began
                       r"(?<=\bforgetting )(?:[a-z']+ ){0,6}?from (?:like |about |only |just )?"
                       r"(?:half an|an|one|two|\d+|a couple of|a few|ten|five|twenty) (?:hours?|mins?|minutes?) ago\b")
# An episode over and done: dated to the past or told second hand, then said to be over ("felt
# light-headed last week, it passed after a glass of water", "went blotchy back in January, it
# settled within the hour", "apparently, ages ago, she is fine").
_RESOLVED = re.compile(
    r"\b(?:it|that|this|they|which|the (?:\w+ )?(?:rash|swelling|hives|itch\w*|dizziness|tightness|numbness|spots|blotches|"
    r"reaction|episode|attack|feeling))(?: all| soon| quickly)? (?:passed|settled(?: down)?|went away|went down|cleared(?: up)?|"
    r"calmed down|eased(?: off)?|wore off|stopped|subsided|resolved|disappeared|faded|was gone)\b|"
    r"\b(?:now )?(?:i|he|she|they|we) (?:am|is|are|was|were|have been|has been|had been|felt|feel|feels|came round and was)"
    r"(?: (?!not\b|never\b|otherwise\b|generally\b|mostly\b|usually\b|normally\b|always\b|typically\b|basically\b)\w+)? "
    r"(?:fine|ok|okay|alright|all right|well|good|grand|normal|perfectly well|healthy|"
    r"back to normal|recovering(?: well)?|recovered|doing (?:fine|well|ok|okay|great)|on the mend|right as rain)\b(?: now\b| today\b)?"
    r"(?! (?:otherwise|apart from|except|in (?:my|him|her)sel))|"
    r"\bbut (?:it |they )?(?:went|gone) (?:down|away)\b|\b(?:all|was|were|got) sorted(?: now| out)?\b|\b(?:has not|have not|hasnt|havent|never) happen\w* (?:since|again)\b|"
    r"\b(?:has not|have not|hasnt|havent|never|not) (?:fainted|passed out|collapsed|blacked out|had (?:one|it|another|any))(?: again)? since\b|"
    r"(?<!not )(?<!never )(?<!not been )(?<!never been )\b(?:been )?(?:fine|well|ok|okay|normal) (?:ever )?since\b|"
    r"\b(?:and|but) (?:is|are|was|were|seems?|looks?|feels?) (?:(?!not\b)\w+ )?(?:fine|ok|okay|alright|well)\b(?: now\b)?")
# A time in the past that dates the episode.
_DATED_PAST = re.compile(_FAR_PAST.pattern + r"|\bmy late (?:husband|wife|mum|mom|mother|dad|father|partner|sister|brother|son|daughter|"
                         r"gran\w*|nan|aunt\w*|uncle)\b|\b(?:in|during) (?:his|her|their) (?:final|last|later) (?:years|months)\b|\b(?<!like )(?<!as )(?:last (?:weekend|week|wk|month|time|year|yr|winter|summer|spring|autumn|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)|"
                         r"(?:back )?in (?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)|yesterday|last night|the other day|a fortnight ago|"
                         r"(?:a|one|two|three|few|couple of|\d+) (?:days|weeks|months) ago|(?:19|20)\d\d|"
                         r"last (?:term|semester|school year|season|holidays?)|(?:at|over) (?:christmas|xmas|easter|new year))\b")
# Someone not with the patient, and a second-hand report of what happened to them.
_DISTANT = re.compile(r"\b(?:friend|mate|colleague|co ?worker|workmate|flatmate|roommate|housemate|neighbou?r|someone|somebody|a (?:woman|man|lady|guy|girl|bloke|"
                      r"fellow|patient)|people|cousin|boss|acquaintance|classmate|forum|online|facebook|reddit|group|post|tiktok|"
                      r"youtube|video|instagram|article|documentary|news)\b|"
                      r"\b\w+'s (?:mum|mom|mother|dad|father|husband|wife|son|daughter|sister|brother|gran\w*|aunt\w*|uncle|"
                      r"friend|partner|boyfriend|girlfriend|boy|girl|lad|lass|kid|little one|baby|grandson|granddaughter)\b|"
                      r"\b(?:nephew|niece)\b|\b(?:who )?lives? (?:in|abroad|overseas|down south|up north)\b|\b(?:abroad|overseas)\b")
_HEARSAY = re.compile(r"\b(?:reckons?|apparently|apparantly|apparenty|told me|tell me|tells me|telling me|said|says|say|saying|"
                      r"rang me|texted|messaged|phoned|"
                      r"mentioned|posted|wrote|swears|claims?|was saying)\b")
# A past-tense verb after the hearsay ("she had hives", "he passed out"), not "she can't breathe".
_PAST_VERB = re.compile(r"\b(?:had|went|got|was|were|passed|fainted|collapsed|broke|came|swelled|lost|needed|ended up|"
                        r"made|gave|left|one time|once|"
                        r"reacted|could not|cudnt|couldnt|blacked|keeled|developed|turned|started|\w+ed)\b")
# "so the story is ...": how a story is told, not a present tense
_FRAMING = re.compile(r"\b(?:the|my) (?:story|thing|point|question|issue|reason|background|context) is\b|"
                      # "this is a bit random but my grandmother had a stroke ten years ago ..."
                      r"\b(?:this|it) (?:is|may be|might be) (?:a bit |a little |slightly |probably |kind of )?(?:random|weird|odd|silly|"
                      r"daft|off topic|a (?:silly|daft|random|weird|odd|strange|long|quick|bit of a) (?:question|one|story))\b")
# "my friend in my country": a place of the patient's, not the patient
_MY_PLACE = re.compile(r"\b(?:in|from|back in|at|of) my (?:home )?(?:country|hometown|town|village|city|family|church|work|office|school)\b")
_BECOME = re.compile(r"\b(?:has|have|is|are) (?:now |just |suddenly )?(?:gone|got|gotten|become|turned)\b")
# "she was fine after the first two": earlier doses, not this episode
_EARLIER_DOSES = re.compile(r"\s*(?:after|with|for) (?:the|her|his|my|their|all the) (?:first|last|other|previous|earlier|\w+ other)\b")
# How the story left the patient feeling is not a symptom ("now I'm kinda freaked out").
_FEELING = re.compile(r"\bi (?:am|feel|felt|was|'m)(?: \w+){0,2}? (?:freaked|scared|worried|nervous|anxious|spooked|terrified|"
                      r"panick\w*|afraid|wondering|curious|concerned|put off|unsettled|shaken)\b")
# The person told about is on the way to the patient: it is happening near them now.
_COMING = re.compile(r"\b(?:on (?:her|his|their|the|my|our) way|coming (?:over|here|round|around|to me)|heading (?:here|over)|"
                     r"(?:is|are) (?:at|in) (?:my|the) (?:door|house|flat|car)|outside|here|on my (?:sofa|couch|floor|bed))\b")
# A second-hand story told for what it means to the patient ("should I worry?", "can that happen to me?",
# "before mine tomorrow"): without it, or a time long past, or "she is fine", it may be happening now.
_OWN_RISK = re.compile(r"\b(?:should i (?:be )?(?:worr\w*|concerned|avoid|ask|tell|mention)|worried|worry|scared|nervous|freaked|"
                       r"spooked|put me off|happen (?:to me|here|again)|(?:can|could|will|would|does|might) (?:this|that|it) happen|"
                       r"something that (?:actually |really )?happens|how (?:rare|common|likely)|is (?:that|this|it) (?:common|normal|rare|"
                       r"likely|a thing|possible|true)|run in (?:the )?famil\w*|my (?:own|next|first|second|third) (?:jab|injection|shot|dose)|"
                       r"mine|for me|also for me|am i at risk|before (?:my|mine)|how real|is (?:that|this|it) real|awaits? me|in store for me|"
                       r"(?:the )?same (?:fate|thing) (?:for|awaits) me|"
                       r"possible (?:also |too )?for me|reassure|refus\w+ (?:her|his|my|their) (?:b12 )?(?:jab|injection|shot)|"
                       r"(?:something|anything) (?:i|we) (?:should|need to|ought to) (?:watch|look out|worry|be (?:worried|concerned|aware))|"
                       r"should (?:i|we) (?:watch|look out) for|(?:a )?real thing|just gossip|(?:an? )?(?:urban )?myth|old wives|"
                       r"(?:raise|raises|increase|increases|higher|lower) (?:the |my |your )?(?:\w+ )?risk)\b")
_THIRD = re.compile(r"\b(?:she|he|they|her|his|their|them|hers|him)\b")
_FIRST = re.compile(r"\b(?:i|my|me|mine|i'm|i've|myself)\b")
_NOW_DATED = re.compile(r"\b(?:today'?s?|tonight|this (?:morning|afternoon|evening)|right now|just now|at the moment|"
                        r"currently|still|(?<!not )(?:is|are) here|(?<!not )(?:(?:is|are|sitting|standing|here|right) (?:here )?with me|"
                        r"next to me|beside me|in front of me))\b")

# "today's shot is at 3pm": an appointment, not something happening now
_APPOINTMENT = re.compile(r"\b(?:today'?s?|tonight'?s?) (?:shot|jab|injection|dose|appointment) is (?:at|in|booked|due)\b|"
                          r"\b(?:shot|jab|injection|dose|appointment) (?:is )?(?:at|due) \d+ ?(?:am|pm)? today\b")
# "used his inhaler and was fine this morning": over by then, not a time of a symptom now
_FINE_BY = re.compile(r"\b(?:was|were|is|are|felt|feels?|been|seemed) (?:totally |completely |perfectly |all |absolutely )?"
                      r"(?:fine|ok|okay|better|well|normal|grand|right as rain)(?: again)? (?:this morning|today|by (?:the )?morning|by lunch\w*)\b")
# where someone has gone since ("he's gone off to work now"): they are well enough to, not a symptom
_WHEREABOUTS = re.compile(r"\b(?:he|she|they)(?: is| are| has| have)? (?:gone|went|off|back|out)(?: off| back| out)? (?:to|at) "
                          r"(?:work|school|bed|the shops|college|uni|nursery|the office|the gym)\b(?: now)?")
# "for a few minutes" says how long, not when ("last week I felt light-headed for a few minutes").
_DURATION = re.compile(r"(?:for|about|around) ")


_BODY = re.compile(r"\b(?:tight\w*|crush\w*|pain\w*|hurt\w*|ach\w*|arms?|legs?|hands?|feet|foot|face|eyes?|neck|head|"
                   r"itch\w*|bump\w*|blotch\w*|red|hot|heavy|sweat\w*|clammy|pale|shak\w*|wobbl\w*|speech|words)\b")


def _reports_own_symptom(text: str) -> bool:
    """A sentence of the text speaks of the present and names a red-flag word ("and I've come out in
    them too, neck and chest"), not "now my daughter is refusing her jab"."""
    return any(_CURRENT.search(part) and (_RED_FLAG_WORD.search(part) or _BODY.search(part) or mentions_symptom(part))
               for part in re.split(r"(?<=[.!?])\s+", _DENIED_WORD.sub(" ", text)))


# a symptom word denied ("I've had 8 shots and never even felt dizzy"): no report of it
_DENIED_WORD = re.compile(r"\b(?:never|not|no|nor|without)(?: even| once| ever| really)?(?: (?:felt|feel|been|got|gotten|had|get|a bit|at all))* "
                          r"(?:dizz\w*|faint\w*|woozy|light ?headed|wheez\w*|breathless|swollen|puffy|itchy|rash\w*|hives|numb|tingl\w*|"
                          r"wobbly|unsteady|confused|sick)\b")


# "my sister got really wheezy after her jab", "my brother had hives": someone else's episode told in
# the past tense, the patient not in it; over when the message then says they are fine and asks what
# it means for the patient ("is that common?")
_ANOTHER_DID = re.compile(r"(?:" + ANOTHER_PERSON + r")(?: (?!and\b|but\b)[a-z']+){0,3}? (?:had|got|went|was|were|felt|"
                          r"fainted|passed out|collapsed|broke out|came out|swelled|reacted|developed|started)\b")


_NEXT_CLAUSE = re.compile(r",? (?:and|but) (?:now|then|today|this)\b|;|, (?:and )?(?:my|his|her|i)\b")


# someone who has died: what happened to them is over
_LATE = re.compile(r"\bmy late (?:husband|wife|mum|mom|mother|dad|father|partner|sister|brother|son|daughter|gran\w*|nan|aunt\w*|uncle)\b")
# The episode named as a thing ("the fainting thing", "that swelling episode") and denied since ("not
# had a single wobble since"): not a new symptom.
_BACK_REF = re.compile(r"\b(?:the|that|this|my) (?:[a-z]+ ){0,2}(?:thing|episode|incident|business|drama|saga|event|moment)\b")
_BACK_REF_BEFORE = re.compile(r"\b(?:about|mention|mentioning|regarding|re|tell (?:\w+ )?about) (?:the|that|this|my) $")
_BACK_REF_AFTER = re.compile(r" (?:thing|episode|incident|business|drama|saga|event|moment)\b")
_NONE_SINCE = re.compile(r"\b(?:not|no|never|zero)\b(?: [a-z]+){0,4}? (?:since|again|after that)\b")


def _told_of_another(before: str) -> bool:
    """The symptom's sentence up to the symptom tells another person's episode in the past tense, with
    no first person in it."""
    m = None
    for m in _ANOTHER_DID.finditer(before):
        pass
    return bool(m) and not _FIRST.search(before[m.end():])


def _over_and_done(findings: list[Finding], norm: str) -> list[Finding]:
    """An escalating finding whose episode the message dates to the past or tells second hand (a
    friend, a colleague, "apparently"), with nothing dated to today, is over when the message then
    says it passed or the person is fine, and nothing after that sounds bad. Told second hand about
    someone who is not there ("my neighbour told me she had hives everywhere after hers"), in the
    past tense, it is over too."""
    now_free = _FINE_BY.sub(" ", _APPOINTMENT.sub(" ", _RESOLVED_NOW.sub(" ", norm)))
    onsets = [m for m in ONSET.finditer(_NO_ONSET.sub(" ", now_free)) if not _DURATION.match(m.group(0))]
    if onsets or _STRONG_CURRENT.search(now_free) or _NOW_DATED.search(now_free) or _WORSENING.search(norm) or _TREND.search(norm) \
            or _happens_again(now_free):
        return findings
    out = []
    for f in findings:
        if f.escalates and f.end:
            start, end = _sentence_bounds(norm, f)
            sentence = norm[start:end]
            f_start = f.end - len(f.text)
            before = norm[start:f_start]
            distant = list(_DISTANT.finditer(before))
            heard = _HEARSAY.search(before) if distant else None
            # without a verb of saying, the distant person is the subject ("my cousin in Poland had
            # fainting after her injection", "a TikTok where a girl broke out in hives")
            subject = distant[-1] if distant and not heard else None
            said = norm[start + (heard or subject).end():f.end] if (heard or subject) else ""
            # "she get swelling ..., but that was different medicine": told as past after it
            told = (heard or subject) and (_PAST_VERB.search(said) or re.match(r"\s+(?:one time|once)\b", norm[f.end:])
                                           or re.search(r"\b(?:that|it|this) was\b", norm[f.end:end])) \
                and not _FIRST.search(_MY_PLACE.sub(" ", said)) \
                and (subject or _THIRD.search(said) or heard.group(0).startswith("appar")) \
                and not (_PRESENT.search(said) or _BECOME.search(said)) \
                and not _reports_own_symptom(_FEELING.sub(" ", _RESOLVED.sub(" ", norm[f.end:]))) \
                and not _COMING.search(norm[f.end:]) \
                and (_OWN_RISK.search(norm[f.end:]) or _DATED_PAST.search(sentence) or any(_RESOLVED.finditer(norm, f.end)))
            told_fine = _WHEREABOUTS.sub(" ", _FINE_BY.sub(" ", sentence))
            present = _PRESENT.search(_FRAMING.sub(" ", _RESOLVED_NOW.sub(" ", _RESOLVED.sub(" ", told_fine)))) \
                or _BECOME.search(told_fine)
            # someone else's episode dated to the past and asked about for the patient ("my older son fainted at his
            # school vaccinations last term, and now my younger one is starting B12 injections. Does fainting run in
            # families?"): over, whatever the rest of the sentence says about someone else now
            nxt = _NEXT_CLAUSE.search(norm, f.end, end)
            clause = norm[start:nxt.start() if nxt else end]
            for_the_patient = _told_of_another(before) and _OWN_RISK.search(norm[f.end:])
            told = told or (for_the_patient and _DATED_PAST.search(clause) and not _PRESENT.search(_FRAMING.sub(" ", _RESOLVED.sub(" ", clause))))
            late = _LATE.search(norm, start, f_start)
            if late and not _FIRST.search(norm[late.end():f_start]):
                f = replace(f, status="past")    # "my late husband ... and his legs gave way in his final years"
            elif _BACK_REF_BEFORE.search(norm, max(0, f_start - 25), f_start) and _BACK_REF_AFTER.match(norm, f.end) \
                    and any(g.status == "past" and g.end and g.end <= f_start for g in out):
                # "... should I tell the nurse about the fainting thing?": the episode the message told as over
                f = replace(f, status="past")
            elif told or (not present and (_DATED_PAST.search(sentence) or for_the_patient)):
                resolved = [m for m in _RESOLVED.finditer(norm, f_start) if not _EARLIER_DOSES.match(norm, m.end())]
                # what comes after it being over, without what is denied ("not had a single wobble since") or
                # named as the episode ("the fainting thing")
                after = _BACK_REF.sub(" ", _NONE_SINCE.sub(" ", norm[resolved[-1].end():])) if resolved else ""
                if told or (resolved and not (_RED_FLAG_WORD.search(after) or _WORSENING.search(after)
                                              or _RECURS.search(after))):
                    f = replace(f, status="past")
        out.append(f)
    return out


# "what if my face swells up on the bus, or I get slurred speech": the condition goes on past the
# comma; "worried about the numbness coming back": a fear of a return, not a return.
_OR_GOES_ON = re.compile(r"[a-z0-9' ]{0,60}?,? (?:or|and/or)(?: if| what if)? (?:i|he|she|we|they|you|my|his|her|their|the|a|an|some)\b"
                         r"(?: (?!is\b|are\b|am\b|was\b|have\b|has\b|got\b|already\b|now\b|still\b)[a-z0-9']+){0,3} ?")
_FEAR_BEFORE = re.compile(r"\b(?:worr\w*|scared|afraid|fear\w*|concerned|nervous|anxious|dread\w*)(?: (?:about|of|that))?\b"
                          r"[a-z0-9' ,]{0,80}$")
# "the one thing I keep imagining is doing it wrong and collapsing on the floor": what is imagined
_IMAGINED = re.compile(r"\b(?:imagin\w*|picturing|pictured|visuali[sz]\w*|nightmares? (?:about|of)|fantasi[sz]\w*)\b"
                       r"(?:(?!\b(?:but|this time|really|actually|now|except)\b)[^.!?]){0,80}$")
# "what happens if I have a reaction out there, like my lips puff up": an example of the condition
_EXAMPLE_OF_CONDITION = re.compile(r"\b(?:what happens if|what if|what do i do if|what should i do if|in case|suppose|supposing)\b"
                                   r"(?:(?!\b(?:but|and|so|because|cos)\b)[^.!?]){0,60}, (?:like|such as|say|e g|eg|for example|for instance)\b"
                                   r"(?:(?!\b(?:is|are|am|has|have|now)\b)[^.!?]){0,40}$")
_PRESENT_STATE = re.compile(r"\b(?:is|are|am|has|have|now|right now)\b")
# "... but nope, they're totally normal": the feared thing said to be fine now (not "she was fine at lunch")
_REASSURED_NOW = re.compile(r"\b(?:nope|no|but|and)\b[^.!?]{0,20}\b(?:is|are|look|looks|seem|seems|feel|feels) (?:\w+ )?"
                            r"(?:totally |completely |perfectly |absolutely )?(?:normal|fine|ok|okay)\b")
_RETURNS = re.compile(r"(?<!\bis )(?<!\bare )(?<!\bhas )(?<!\bhave )(?<!\bkeeps )(?<!\bkept )"
                      r"\b(?:coming back|come back|comes back|returning|return|starting again|start again)\b")
# "... and they have come back all over my chest": the feared return has happened
_HAS_RETURNED = re.compile(r"(?:\b(?:has|have|is|are|had)\b|'ve|'s|'re)(?: \w+){0,2} (?:come back|returned|back)\b|\bcame back\b")


# an if-clause (not one about the cause, "if it's the b12 and I can't breathe") with no break before the symptom,
# which follows "and"/"or" with no subject of its own
_IF_CLAUSE = re.compile(r"(?<!\btell me )(?<!\badvise )(?<!\bknow )(?<!\bwondering )(?<!\bask )(?<!\bsure )(?<!\bcheck )(?<!\bsee )"
                        r"(?<!\bidk )(?<!\bunsure )\b(?:if|what if|in case|suppose|supposing|(?:(?<=let's )|(?<=lets )|(?<![a-z] ))say(?= (?:i|he|she|we|my|you) )|"
                        r"(?:do not|don't|dont) want to)\b(?! (?:it|this|that) is\b)(?! it's\b)"
                        r"[^,.;:!?]*$")   # not an indirect question ("can you tell me if I need A&E and wheezing so bad")
_FUTURE_TIME = re.compile(r"\b(?:tomorrow|next (?:week|month|time)|in the future|one day|some day|someday|on holiday|on the flight)\b")
_STILL_NOW = re.compile(r"\b(?:now|still|right now|currently|at the moment)\b")
_UNSURE_BEFORE = re.compile(r"\b(?:dunno|don't know|do not know|not sure|unsure|wonder\w*|idk)\s*$")
_LATER_IN_IT = re.compile(r"\band (?:then|later|after that|(?:a few |a couple of |half )?[a-z0-9]+ (?:minutes?|mins?|hours?|days?) later)\b")
_AND_NO_SUBJECT = re.compile(r" (?:and|or)(?: then)?( (?:start|starts|begin|begins|keep|keeps|end up|ends up)(?: to| with(?: a| an| some)?)?)? $")
# a verb parallel to the if-clause's, not a participle describing now ("and wheezing so bad", "and swelling spreading")
_SUBJECTLESS = re.compile(r"(?:cannot|can not|could not|starts?|gets?|breaks? out|go|goes|feels?|have|has|pass out|passes out|"
                          r"faints?|collapses?|swells?|struggles?|black out|blacks out|wheezes?|chokes?|keels? over)\b")


# A scare taken back: "my lips felt weird and I thought OMG swelling, but I checked in the mirror and
# they're not swollen at all". What was thought, then denied by name later in the message.
# What was thought (not a fright: "i panicked cos my lips started swelling"), right before the symptom.
_THOUGHT = re.compile(r"\b(?:i thought|i'd thought|i had thought|convinced myself|i imagined|i was (?:sure|convinced|certain)|"
                      r"(?:panicked|freaked out|worried|scared) thinking|thought (?:it was|i was|i had|there was|they were))\b(?:(?!\b(?:but|and|so|still|now)\b)[^,.;:!?]){0,40}$")
_TAKEN_BACK = {
    "swelling": re.compile(r"\b(?:is|are|was|were|they are|it is|lips are) not (?:at all |even |actually |really |visibly )?"
                           r"(?:swollen|puffy|swelling)\b(?! yet| just| only)|\bno (?:swelling|puffiness)(?: at all)?\b(?! yet)|"
                           r"\bsame size(?: as (?:always|usual|normal|before))?\b"),
    "rash": re.compile(r"\b(?:there is |there's |it is |it's )?no (?:rash|hives|welts|blotches|spots)(?: at all)?\b(?! yet)"),
}
_FALSE_ALARM = re.compile(r"\b(?:false alarm|panic over|turned out (?:to be |it was |they were )?(?:just|only) )")
# ... unless the message goes on to say it is there now
_THERE_NOW = re.compile(r"\b(?:now|still|right now|spreading|getting worse|worse|bigger|all over)\b")


_JOKING_AFTER = re.compile(r"\W{0,6}(?:lol |haha )?(?:jk|j k|just kidding|only kidding|kidding|joking)\b")


def _taken_back(norm: str, f: Finding, start: int) -> bool:
    """The symptom was only thought to be there, and the message then says it is not."""
    f_start = f.end - len(f.text)
    if not (_THOUGHT.search(norm, max(start, f_start - 60), f_start) or _THOUGHT.search(f.text)):
        return False
    after = norm[f.end:]
    denied = _TAKEN_BACK.get(f.category)
    return bool((denied and denied.search(after)) or _FALSE_ALARM.search(after)) and not _THERE_NOW.search(after)


def _conditions_go_on(findings: list[Finding], norm: str) -> list[Finding]:
    """An escalating symptom joined by "or" to a condition in its sentence is part of it; one feared
    to come back is feared. Neither when the sentence dates something to now."""
    out: list[Finding] = []
    for f in findings:
        if f.escalates and f.end:
            start, end = _sentence_bounds(norm, f)
            f_start = f.end - len(f.text)
            # the rest of the same phrase, whatever the sentence dates: "... tell her if my throat felt
            # tight or I came out in | a rash"
            same_phrase = any(g.status == "hypothetical" and g.category == f.category and g.end and start <= g.end <= f_start
                              and re.fullmatch(r" (?:(?:a|an|the|some|in|with|into) )?", norm[g.end:f_start]) for g in out)
            if same_phrase:
                f = replace(f, status="hypothetical")
            elif _taken_back(norm, f, start):
                f = replace(f, status="negated")
            elif _JOKING_AFTER.match(norm, f.end) and not _SERIOUSLY.search(norm):
                f = replace(f, status="mild")    # "MY ARM IS DEAD 😭😭 jk it's just achy where she stuck me"
            elif not _dated_now(norm[start:end]):
                joined = any(g.status == "hypothetical" and g.end and start <= g.end <= f_start
                             and _OR_GOES_ON.fullmatch(norm[g.end:f_start]) for g in out)
                feared = _RETURNS.search(norm[f_start:min(end, f.end + 20)]) and _FEAR_BEFORE.search(norm[start:f_start]) \
                    and not _HAS_RETURNED.search(norm[f.end:])
                imagined = (f.text.endswith("ing") or re.search(r"\b(?:going|getting|starting) \w+$", f.text)) \
                    and _IMAGINED.search(norm[start:f_start]) \
                    and not _NOW_IT_IS.search(norm[f.end:end]) \
                    and not re.search(r"\b(?:i|he|she|they|we|it) (?:am|is|are|was|were|keep|keeps|started)\s*$", norm[start:f_start])
                reassured = f.text.endswith(("ing", "up")) and _FEAR_BEFORE.search(norm[start:f_start]) \
                    and _REASSURED_NOW.search(norm, f.end)
                example = _EXAMPLE_OF_CONDITION.search(norm[start:f_start]) and not _PRESENT_STATE.search(f.text)
                # "what happens if I have a reaction abroad and can't breathe properly": the same if-clause
                joint = _AND_NO_SUBJECT.search(norm, start, f_start)
                continued = joint and (joint.group(1) or _SUBJECTLESS.match(f.text)) and _IF_CLAUSE.search(norm, start, f_start)
                # the imagined story told on in its own time: "say I get the shot and an hour later I can't see"
                opening = _IF_CLAUSE.search(norm, start, f_start)
                continued = continued or bool(
                    opening and (_LATER_IN_IT.search(norm, opening.start(), f_start) or _FUTURE_TIME.search(norm, opening.start(), f_start))
                    and not re.search(r"\bbut\b", norm[opening.start():f_start])     # "say I'm being paranoid but ..."
                    and not _STILL_NOW.search(norm, opening.start(), end)             # "... well now my whole face is swollen"
                    and not _UNSURE_BEFORE.search(norm, max(0, opening.start() - 20), opening.start()))
                if joined or feared or imagined or reassured or example or continued:
                    f = replace(f, status="hypothetical")
        out.append(f)
    return out


def _dated_now(text: str) -> bool:
    """The text dates something to now or to the last minutes or hours (a denied onset does not)."""
    return bool(_STRONG_CURRENT.search(text) or ONSET.search(_NO_ONSET.sub(" ", text)))


def _now_after(rest: str) -> bool:
    """The text after a question dates something to now or says it is here."""
    return _dated_now(rest) or bool(_REFERS_NOW.search(rest))


def _asks_about(norm: str, start: int, end: int, at: int | None = None) -> bool:
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
            if _CONDITIONAL_QUESTION.match(part) and _ASKS_ABOUT.search(part):
                sentence = part
    if not _ASKS_ABOUT.search(sentence):
        return False
    conditional = bool(_CONDITIONAL_QUESTION.match(sentence))
    if conditional and _CAUSE_CONDITION.match(sentence) and (_CURRENT.search(sentence) or _PROGRESSIVE.search(sentence)):
        # a condition about the cause, with the symptom told as going on ("supposing it's the b12 my
        # eyelids and lips are swelling up what do i do")
        return False
    if conditional and at is not None:
        # the condition is about the cause and the symptom is told as a fact after it ("if it was an
        # allergy, my lips are swelling up now, should I call someone?")
        s_at = norm.find(sentence, start)
        part = next((p for p in _comma_parts(sentence, s_at) if p[0] <= at < p[1]), None)
        if part and part[0] > s_at and (_CURRENT.search(norm[part[0]:part[1]]) or _NOW_WORD.search(norm[part[0]:part[1]])):
            return False
    onsets = [m for m in ONSET.finditer(sentence) if not (conditional and _SUDDEN.fullmatch(m.group(0)))]
    return not (_STRONG_CURRENT.search(sentence) or onsets) and (conditional or not _SOMEONE_NOW.search(sentence))


_STROKE_WORDS = re.compile(r"\b(?:words?|speech)\b(?: \w+){0,2} (?:coming|came|come|comes) out (?:all )?(?:wrong|funny|weird|jumbled|"
                           r"garbled|muddled|slurred|backwards)\b|\bslurr\w*|\bdroop\w*|\blopsided\b|\bgarbled\b|\bgibberish\b|"
                           r"\bface (?:fell|dropped|drooped|went droopy)\b")
# a time of today in the sentence: the sign came then, whatever else has been getting worse for weeks
_A_TIME_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|at (?:teatime|tea time|tea|lunch|lunchtime|"
                           r"breakfast|dinner|supper)|since (?:lunch|breakfast|dinner|tea|supper|this morning)|"
                           r"when (?:i|he|she|they) (?:got|woke|stood|sat) up|just now|now)\b")
_SLOW_TREND = re.compile(r"\b(?:gradual\w*|slowly|bit by bit|little by little|week by week|month by month|"
                         r"over (?:the )?(?:past|last) (?:few |couple of |several |\w+ )?(?:weeks?|months?|fortnight)|"
                         r"for (?:weeks|months)|(?:weeks|months) now)\b")
_HOARSE = re.compile(r"\b(?:hoarse|croaky|raspy|husky|voice)\b")
_HOARSE_CAUSE = re.compile(r"\b(?:cold|colds|flu|laryngitis|cough(?:ing)?|shout\w*|sing\w*|cheer\w*|talk\w* too much|always|"
                           r"for (?:days|weeks|months|years|ages)|all (?:week|month|winter))\b")
_REFERS_NOW = re.compile(r"\b(?:got|have got|i have|i have got|having|i am getting|getting) (?:them|it|those|these|that|one)\b(?! (?:checked|tested|looked|done|before|once))|"
                         r"\b(?:they|it)(?: are| is)? (?:\w+ )?(?:spreading|swelling|closing|getting worse|all over|coming up)\b|"
                         # "... would that be a stroke? happening to my husband now", "mine just went dark",
                         # "it is at the knees now", "it is the lady next to me", "gran cannot remember my name now"
                         r"\bhappening (?:to (?:me|him|her|them|us|my \w+) )?(?:right )?now\b|"
                         r"\bmine (?:has |have |is |just |has just |is now |now )?(?:went|gone|going|started|doing|done|happened|happening)\b|"
                         r"\b(?:it|they) (?:is|are) (?:at|in|up to|past|above|reaching) (?:the |my |his |her |both )?\w+ now\b|"
                         r"\b(?:it|this|that) is (?:the|my) (?:\w+ ){0,2}(?:next to|beside|with) me\b|"
                         r"\b(?:cannot|can not|could not) (?:remember|recogni[sz]e|see|speak|talk|move|feel|stand|walk)\b(?: \w+){0,3} now\b")
_CAUSE_CONDITION = re.compile(r"^(?:(?:so|and|but|ok|okay)[ ,]+)?(?:if|what if|suppose|supposing|say|imagine|imagining|in case)"
                              r"\s+(?:it|this|that)(?:'s| is| was| were| be| might be| could be)\b")
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|'s|'re|keeps?)\s+(?:\w+\s+)?\w+ing\b")
_NOW_WORD = re.compile(r"\b(?:now|right now|today|tonight|still|just)\b")


def _comma_parts(sentence: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) offsets in the whole text of the comma-separated parts of a sentence."""
    out, pos = [], 0
    for piece in sentence.split(","):
        out.append((offset + pos, offset + pos + len(piece)))
        pos += len(piece) + 1
    return out


_PART_BREAK = re.compile(r" - |; |: |, (?=(?:if|what if|suppose|supposing|say|imagine|in case)\b)")
_SUDDEN = re.compile(r"suddenly|sudden|all of a sudden|out of (?:nowhere|the blue)|without (?:any )?warning|abruptly")


# A condition or a wish before the symptom in its sentence ("say I went dizzy", "should I ever get").
_CONDITION = re.compile(r"\b(?:if|what if|in case|should (?:i|he|she|you|we) ever|say (?:i|he|she|we)|suppose|"
                        r"imagine|would (?:i|it|he|she)|could (?:i|it)|do not want to|don't want to|"
                        r"any link|linked|related)\b")
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
                    r"\b(?:makes?|made|making) (?:me|him|her|us) (?:want to|wanna) (?:pass out|faint|collapse|keel over|scream|die)\b|\b(?:figuratively|metaphorically|not literally)\b|"
                    r"\b(?:tighten\w*|tight|burn\w*|boil\w*|shak\w*) (?:up )?(?:with|from) (?:rage|anger|fury|frustration|annoyance)\b|"
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
_IDIOM_TONE = re.compile(r"\b(?:figuratively|metaphorically|not literally)\b|\b\w+ ?wise,? i mean\b")
_IDIOM_BREATH = re.compile(r"\b(?:cry\w*|cried|died|dying|die) (?:with |from |of )?laugh\w*$|\bin stitches\b|"
                           r"\bdrowning (?:at|in) work\b")


def _idiom_spans(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, what it covers: "own" words, its "sentence", or the "breathing" words of its
    sentence) of every idiom in the text. A fear or a burden said to close the throat or choke ("the
    thought of the needle makes my throat close up") is no idiom in a message that dates something
    to now or says it is no joke ("... no joke, it IS closing up now")."""
    def kind(idiom: str) -> str:
        return "sentence" if _IDIOM_TONE.search(idiom) else "breathing" if _IDIOM_BREATH.search(idiom) else "own"
    now = _dated_now(norm) or _SERIOUSLY.search(norm)
    return [(m.start(), m.end(), kind(m.group(0))) for m in _IDIOM.finditer(norm)
            if not (now and _FEAR_OR_BURDEN.search(m.group(0)))]


def _in_idiom(idioms: list[tuple[int, int, str]], f: Finding, s_start: int, s_end: int) -> bool:
    """A finding (in the sentence s_start:s_end) is the idiom's own words, or sits in the sentence of
    an idiom that covers it. An idiom never covers another sentence ("this paperwork is giving me
    hives. my tongue is swelling right now" is a red flag)."""
    f_start, f_end = f.end - len(f.text), f.end
    return any((a < f_end and f_start < b)
               or (s_start <= a < s_end and (covers == "sentence" or (covers == "breathing" and f.category == "breathing")))
               for a, b, covers in idioms)


_TOLD_AS_HISTORY = re.compile(r"\b(?:at one point|at the time|back then|in those days|before (?:my|the|i was) (?:diagnosis|diagnosed|"
                              r"treatment|injections))\b")


def _told_as_history(norm: str, start: int, end: int, at: int) -> bool:
    """The symptom at `at` in the sentence norm[start:end] is told as part of the patient's history ("Bit of
    background: I was diagnosed in 2019 and at one point I actually collapsed"): a history marker and a
    past-tense report before it, nothing dated to now."""
    sentence, before, later = norm[start:end], norm[start:at], norm[end:]
    markers = list(_TOLD_AS_HISTORY.finditer(before))
    if not markers or _TURNS.search(before, markers[-1].end()) or re.search(r"\bthis (?:is|time|feels|one)\b", before):
        return False    # "back then I used to get wheezy but this is different, cant get air in"
    return bool(_PAST_REPORT.search(before) and not _dated_now(sentence)
                and not (_STRONG_CURRENT.search(norm) or ONSET.search(_NO_ONSET.sub(" ", norm)))
                and not re.search(r"\b(?:now|still|today|tonight|currently|earlier|mins?|minutes|hours?|hrs?)\b", sentence)
                and not _TURNS.search(norm, at, end) and not _NOW_DATED.search(later))


def _safety_net(findings: list[Finding], norm: str, raw: str) -> list[Finding]:
    """The message-level net (cooccurrence.py) when no phrase rule escalated: skipped when the
    message asks, jokes or uses an idiom, and for a symptom whose sentence the phrase rules already
    read as negated, past, asked about or mild."""
    if _asks_only(norm) or (_LAUGH.search(raw) and not _SERIOUSLY.search(norm)) or _FIGURATIVE.search(norm):
        return []
    idioms = _idiom_spans(norm)
    if any(covers != "own" for _, _, covers in idioms):
        return []
    # an idiom's own words are not symptoms; the rest of the message still counts
    for a, b, _ in idioms:
        norm = norm[:a] + " " * (b - a) + norm[b:]
    explained = {_sentence_of(norm, f) for f in findings if f.end and not f.escalates}
    out = []
    for hit in (cooccurrence.acute_now(norm), cooccurrence.nerves_worsening(norm)):
        if hit is None:
            continue
        probe = Finding(hit.category, hit.level, hit.text, "current", "patient", "possible", hit.end)
        start, end = _sentence_bounds(norm, probe)
        sentence = norm[start:end]
        before = sentence[:max(0, sentence.find(hit.text))]
        if sentence in explained or _CONDITION.search(before):
            continue
        if _told_as_history(norm, start, end, start + len(before)):
            continue    # "... and at one point I was seeing double for a couple of weeks": the patient's history
        out.append(probe)
        break
    return out


def _foreign_context(findings: list[Finding], text: str, code: str) -> list[Finding]:
    """English words in another language's message ("choc anaphylactique", "urticaria") follow that
    language's cues: a hypothetical or negation cue of the language before them, or a laugh, and
    they do not escalate."""
    cues = multilingual.cues_before(code, text)
    out = []
    for f in findings:
        if f.escalates and (multilingual.in_jest(text, multilingual.fold(f.text)) or cues(f.text)):
            f = replace(f, status="hypothetical")
        out.append(f)
    return out


def detect(text: str | None) -> Assessment:
    """Assess one patient message. Never raises on odd input; empty input has no findings."""
    if not text or not isinstance(text, str):
        return Assessment(text="")
    readings = variants(text)
    norm = normalise(readings[0])
    if not norm:
        return Assessment(text="")
    findings: list[Finding] = _assess(norm)
    for other in readings[1:]:
        findings.extend(f for f in _assess(normalise(other)) if f.escalates)
    findings = _in_context(findings, norm, text)
    findings = _conditions_go_on(findings, norm)
    if not any(f.escalates for f in findings):
        findings.extend(_safety_net(findings, norm, text))
    findings = _over_and_done(findings, norm)
    guessed = language.guess(text)
    foreign = _other_languages(text, guessed, jokes_count=guessed != "en")
    if guessed != "en":
        findings = _foreign_context(findings, text, guessed)
    findings.extend(foreign)
    spoken = guessed if guessed != "en" else next((f.text for f in foreign if f.escalates), "en")
    return Assessment(text=norm, findings=tuple(findings), language=spoken)
