"""Stories that are over or about someone not here: an episode long past, the patient's history, a
relative's or friend's story told second-hand, a symptom that is long-standing or getting better,
and an earlier episode that has come back (which is current again)."""
from __future__ import annotations

import re
from dataclasses import replace

from . import cooccurrence
from .context_reading import dates_the_diagnosis
from .findings import Finding, sentence_bounds
from .questions import FIRST, THIRD, dates_nothing_now
from .sentences import sentence_start
from .symptoms import mentions_symptom
from .targets import ANOTHER_PERSON
from .timing import (
    CURRENT, FAR_PAST, IMPROVING, NOW_DATED, NO_ONSET, ONSET, PAST_REPORT, PRESENT, RED_FLAG_WORD, REFERS_NOW,
    RESOLVED, RESOLVED_NOW, STRONG_CURRENT, TODAY, TREND, TURNS, WORRIED, WORSENING, dated_now,
)


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


def happens_again(after: str) -> bool:
    """The text after an earlier episode says it is back ("it went away but it's back and spreading",
    "here we go again"), or that the same thing is happening today ("felt exactly that twenty minutes
    after today's injection")."""
    now = ONSET.search(after) or TODAY.search(after) or STRONG_CURRENT.search(after)
    return bool(_RECURS.search(after) or ((_SAME.search(after) or REFERS_NOW.search(after)) and now))
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


def long_standing(norm: str, f: Finding, start: int, end: int) -> bool:
    """The words next to the symptom say it is mild or comes on effort, and the sentence says it is
    long-standing or known: after it, or before it with no turn in between ("bit of a sore arm, normal
    for me, but I've just blacked out" is not)."""
    at = f.end - len(f.text)
    mild = _MILD_OR_ON_EFFORT.search(norm, max(start, at - 30), min(end, f.end + 40))
    if not mild or (mild.start() < at and TURNS.search(norm[mild.end():at])) \
            or cooccurrence.getting_worse(norm[start:end]):
        return False
    for m in _LONG_STANDING.finditer(norm, start, end):
        if m.start() >= f.end:     # said after it: "..., but that is nothing new"
            if not RED_FLAG_WORD.search(norm[f.end:m.start()]):
                return True
        elif not TURNS.search(norm[m.end():at]):
            return True
    return False


def improving_in(norm: str, f: Finding) -> bool:
    """The finding's own words say it is getting better, read in the message ("confusion is getting less and less
    manageable" is no improvement)."""
    m = IMPROVING.search(norm, f.end - len(f.text))
    return bool(m) and m.start() < f.end


def long_past(norm: str, f: Finding, start: int, end: int) -> bool:
    """The time long past is said before the symptom in its sentence (norm[start:end]), or in the
    same clause after it ("my throat closing, years ago it happened too" is about now)."""
    sentence = _AGE_NOW.sub(lambda m: " " * len(m.group(0)), norm[start:end])
    if PRESENT.search(RESOLVED_NOW.sub(" ", _NOT_PRESENT.sub(" ", sentence))) \
            or not dates_nothing_now(_OLD_EPISODE_LASTED.sub(" ", without_story_beginnings(sentence))):
        return False
    at, after = f.end - len(f.text) - start, f.end - start
    # a new point in time right after the symptom in its clause ("had hives as a toddler, and he broke out
    # in hives after his jab") dates it, not the time long past before it
    clause_end = min((i for i in (sentence.find(c, after) for c in ",;:") if i >= 0), default=len(sentence))
    if _NEW_ANCHOR.search(sentence, after, clause_end) and not _HEARSAY.search(sentence, 0, at):
        return False    # (not in a story told to the patient: "a mum told me her boy fainted after his shot")
    if _GOING_ON.search(sentence, at, clause_end):
        return False    # "had eczema as an infant, broke out in hives all over and his eyes swelling shut"
    return any((m.start() < at and not _NEW_ANCHOR.search(sentence[m.end():at]) and not TURNS.search(sentence, m.end(), at))
               or (m.start() >= after and not re.search(r"[,;:]| - | but ", sentence[after:m.start()])
                   and not _NEW_ANCHOR.search(sentence[after:m.start()]))
               for m in FAR_PAST.finditer(sentence)
               if not (m.start() >= after and dates_the_diagnosis(sentence[after:m.start()])))


# How an old story began, told after its time ("had a stroke a few years back and it started with her
# face drooping"): no onset now; "... years ago and when it started during breakfast ..." keeps its onset.
_STORY_BEGAN = re.compile(r"\b(?:and|where) (?:it|that|this) (?:all )?started (?:off )?(?:with|by)\b")


# told as going on in its own clause: "his eyes swelling shut", "hives spreading up my neck"
_GOING_ON = re.compile(r"(?<!was )(?<!were )(?<!been )\b(?:swelling|spreading|closing|tightening|creeping|puffing|shutting|getting worse)\b")
# Present-tense words that tell no present: "about eighteen months ago now, ...", "that's actually how they found
# the b12 problem"
_NOT_PRESENT = re.compile(r"(?<=\bago) now(?=[,.;:])|\b(?:that|this|it) is (?:actually |exactly |basically |just )?(?:how|why|when) "
                          r"(?:they|i|we|the doctors?|my gp|my doctor)(?= (?:found|diagnosed|discovered|realised|realized|knew|figured|"
                          r"worked|picked|got|started|ended|was|were)\b)")
# How long the old episode lasted, then over: "my words came out jumbled for about 20 minutes and then it cleared
# completely" (not "for the last 20 minutes")
_OLD_EPISODE_LASTED = re.compile(r"\b(?:for|about|around) (?:about |around )?(?:\d+|a few|ten|fifteen|twenty|thirty) (?:mins?|minutes?)"
                                 r"(?= (?:and )?then (?:it|they|that|everything) (?:cleared|passed|went|stopped|settled|eased|faded|resolved))")
# an age told now ("he's 14 now and hasn't had one in over ten years"): no symptom in the present
_AGE_NOW = re.compile(r"\b(?:he|she|i|they|we) (?:is|am|are) (?:nearly |almost |now )?(?:\d+(?! ?(?:mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|km|miles?|metres?|meters?)\b)|[a-z]+teen|twenty|thirty|forty|fifty|sixty|"
                      r"seventy|eighty|ninety)(?: years old| months old)?(?: now)?\b")


def without_story_beginnings(text: str) -> str:
    """The text without the "and it started with" of a story told after a time long past in its sentence."""
    def one(m: re.Match) -> str:
        return " " * len(m.group(0)) if FAR_PAST.search(text, sentence_start(text, m.start()), m.start()) else m.group(0)
    return _STORY_BEGAN.sub(one, text)


# A new point in time between an old episode and the symptom ("reacted to penicillin years ago, and
# after her b12 jab her tongue swelled up", "had a stroke years ago and this time his face drooped"):
# the symptom belongs to it, not to the past.
_NEW_ANCHOR = re.compile(r"\b(?:after|since|following|from) (?:my|his|her|their|the|today'?s|this|that|our) (?:\w+ )?"
                         r"(?:jab|shot|injection|dose|needle|b12)\b|\b(?:this time|today|like this|tonight|last night|this (?:morning|"
                         r"afternoon|evening|week)|now|again|another one|just now|earlier|at (?:tea ?time|lunch ?time|breakfast|dinner ?time|supper))\b")
# A time in the past that dates the episode.
_DATED_PAST = re.compile(FAR_PAST.pattern + r"|\bmy late (?:husband|wife|mum|mom|mother|dad|father|partner|sister|brother|son|daughter|"
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
# The person told about is on the way to the patient: it is happening near them now.
_COMING = re.compile(r"\b(?:on (?:her|his|their|the|my|our) way|coming (?:over|here|round|around|to me)|heading (?:here|over)|"
                     r"(?:is|are) (?:at|in) (?:my|the) (?:door|house|flat|car)|outside|on my (?:sofa|couch|floor|bed)|"
                     # not this country ("can this also happen with injections here in the uk?", "over here")
                     r"(?<!over )here(?! in (?:the )?(?:uk|us|usa|states|britain|england|scotland|wales|ireland|america|canada|"
                     r"australia|europe|this country|[a-z]+land)\b))\b")
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
                       r"should (?:i|we) (?:watch|look out) for|(?:a )?real (?:thing|side effect|reaction)|just gossip|(?:an? )?(?:urban )?myth|old wives|"
                       r"(?:raise|raises|increase|increases|higher|lower) (?:the |my |your )?(?:\w+ )?risk|"
                       # "Does that mean I'm more likely to react?"
                       r"(?:am i|i am|would i be|will i be|are we|makes? me) (?:\w+ )?(?:more|less) likely|"
                       r"does (?:that|this|it) mean (?:that )?(?:i|we|my)\b)\b")

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
    return any(CURRENT.search(part) and (RED_FLAG_WORD.search(part) or _BODY.search(part) or mentions_symptom(part))
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
    return bool(m) and not FIRST.search(before[m.end():])


def over_and_done(findings: list[Finding], norm: str) -> list[Finding]:
    """An escalating finding whose episode the message dates to the past or tells second hand (a
    friend, a colleague, "apparently"), with nothing dated to today, is over when the message then
    says it passed or the person is fine, and nothing after that sounds bad. Told second hand about
    someone who is not there ("my neighbour told me she had hives everywhere after hers"), in the
    past tense, it is over too."""
    now_free = _FINE_BY.sub(" ", _APPOINTMENT.sub(" ", RESOLVED_NOW.sub(" ", norm)))
    onsets = [m for m in ONSET.finditer(NO_ONSET.sub(" ", now_free)) if not _DURATION.match(m.group(0))]
    if onsets or STRONG_CURRENT.search(now_free) or NOW_DATED.search(now_free) or WORSENING.search(norm) or TREND.search(norm) \
            or happens_again(now_free):
        return findings
    out = []
    for f in findings:
        if f.escalates and f.end:
            start, end = sentence_bounds(norm, f)
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
                and not FIRST.search(_MY_PLACE.sub(" ", said)) \
                and (subject or THIRD.search(said) or heard.group(0).startswith("appar")) \
                and not (PRESENT.search(said) or _BECOME.search(said)) \
                and not _reports_own_symptom(WORRIED.sub(" ", RESOLVED.sub(" ", norm[f.end:]))) \
                and not _COMING.search(norm[f.end:]) \
                and (_OWN_RISK.search(norm[f.end:]) or _DATED_PAST.search(sentence) or any(RESOLVED.finditer(norm, f.end)))
            told_fine = _AGE_NOW.sub(" ", _WHEREABOUTS.sub(" ", _FINE_BY.sub(" ", sentence)))
            present = PRESENT.search(_FRAMING.sub(" ", RESOLVED_NOW.sub(" ", RESOLVED.sub(" ", told_fine)))) \
                or _BECOME.search(told_fine)
            # someone else's episode dated to the past and asked about for the patient ("my older son fainted at his
            # school vaccinations last term, and now my younger one is starting B12 injections. Does fainting run in
            # families?"): over, whatever the rest of the sentence says about someone else now
            nxt = _NEXT_CLAUSE.search(norm, f.end, end)
            clause = norm[start:nxt.start() if nxt else end]
            for_the_patient = _told_of_another(before) and _OWN_RISK.search(norm[f.end:])
            told = told or (for_the_patient and _DATED_PAST.search(clause) and not PRESENT.search(_FRAMING.sub(" ", RESOLVED.sub(" ", clause))))
            late = _LATE.search(norm, start, f_start)
            if late and not FIRST.search(norm[late.end():f_start]):
                f = replace(f, status="past")    # "my late husband ... and his legs gave way in his final years"
            elif _BACK_REF_BEFORE.search(norm, max(0, f_start - 25), f_start) \
                    and (_BACK_REF_AFTER.match(norm, f.end) or re.fullmatch(r"[a-z]+ing", f.text)) \
                    and any(g.status == "past" and g.end and g.end <= f_start for g in out):
                # "... should I tell the nurse about the fainting (thing)?": the episode the message told as over
                f = replace(f, status="past")
            elif told or (not present and (_DATED_PAST.search(sentence) or for_the_patient)):
                resolved = [m for m in RESOLVED.finditer(norm, f_start) if not _EARLIER_DOSES.match(norm, m.end())]
                # what comes after it being over, without what is denied ("not had a single wobble since") or
                # named as the episode ("the fainting thing")
                after = _BACK_REF.sub(" ", _NONE_SINCE.sub(" ", norm[resolved[-1].end():])) if resolved else ""
                if told or (resolved and not (RED_FLAG_WORD.search(after) or WORSENING.search(after)
                                              or _RECURS.search(after))):
                    f = replace(f, status="past")
        out.append(f)
    return out


_TOLD_AS_HISTORY = re.compile(r"\b(?:at one point|at the time|back then|in those days|before (?:my|the|i was) (?:diagnosis|diagnosed|"
                              r"treatment|injections))\b")


def told_as_history(norm: str, start: int, end: int, at: int) -> bool:
    """The symptom at `at` in the sentence norm[start:end] is told as part of the patient's history ("Bit of
    background: I was diagnosed in 2019 and at one point I actually collapsed"): a history marker and a
    past-tense report before it, nothing dated to now."""
    sentence, before, later = norm[start:end], norm[start:at], norm[end:]
    markers = list(_TOLD_AS_HISTORY.finditer(before))
    if not markers or TURNS.search(before, markers[-1].end()) or re.search(r"\bthis (?:is|time|feels|one)\b", before):
        return False    # "back then I used to get wheezy but this is different, cant get air in"
    return bool(PAST_REPORT.search(before) and not dated_now(sentence)
                and not (STRONG_CURRENT.search(norm) or ONSET.search(NO_ONSET.sub(" ", norm)))
                and not re.search(r"\b(?:now|still|today|tonight|currently|earlier|mins?|minutes|hours?|hrs?)\b", sentence)
                and not TURNS.search(norm, at, end) and not NOW_DATED.search(later))
