"""Deterministic red-flag detector: spaCy (blank English) + medspacy target and ConText rules.

    >>> detect("I cant breathe after my shot").level
    'emergency'

Pure Python, no Rasa: the Rasa NLU component in `components/` is a thin adapter over `detect`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import cooccurrence, language, multilingual
from .conditions import NOW_IT_IS, conditions_go_on
from .context_reading import assess, caused_it
from .findings import Assessment, Finding, sentence_bounds, sentence_of
from .idioms import SERIOUSLY, idiom_spans, in_idiom
from .normalise import normalise, variants
from .questions import (
    CAUSE_CONDITION, CONDITIONAL_QUESTION, HAS_LISTED, SOMEONE_NOW, asked_on_a_form, asks_about, asks_only, listed_sign,
)
from .stories import (
    happens_again, improving_in, long_past, long_standing, over_and_done, told_as_history, without_story_beginnings,
)
from .sentences import sentence_end
from .targets import EMERGENCY, LEVELS, URGENT, _SWELL
from .timing import (
    A_TIME_TODAY, CURRENT, FAR_PAST, IMPROVING, NO_ONSET, ONSET, ONSET_SHORT, PROGRESSIVE, REASSURING, REFERS_NOW,
    SLOW_TREND, STRONG_CURRENT, SUDDEN, TREND, TURN, TURNS, WORRIED, WORSENING, FRANKLY, dated_now, now_after,
)


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
_LAUGH = multilingual.LAUGH


def warm_up() -> None:
    """Build the pipeline now (it is built lazily on first use otherwise)."""
    detect("hello")


def _other_languages(text: str, spoken: str, jokes_count: bool = False, read_in_english: tuple[str, ...] = ()) -> list[Finding]:
    """Red flags from the rule files of other languages (see multilingual.py); with `jokes_count`, one
    with a laugh in its clause is said in jest. Words the English reading of an English message already
    read ("convulsions", "urticaria" are words of several languages) keep that reading: "my son had febrile
    convulsions as a toddler" is not a French or Spanish report."""
    matches = multilingual.find(text, spoken)
    folded = multilingual.fold(text) if (jokes_count or read_in_english) and matches else ""
    out = []
    for m in matches:
        words = folded[m.start:m.end] if read_in_english else ""
        if words and any(words in seen or seen in words for seen in read_in_english):
            continue
        jest = jokes_count and m.status == "current" and multilingual.in_jest(text, folded[m.start:m.end])
        out.append(Finding(m.category, LEVELS.get(m.category, "none"), m.language, "mild" if jest else m.status,
                           "patient", "certain", 0))
    return out


# "I have been reading the leaflet" is not a present-tense report of a symptom.
_READING = re.compile(r"\bi (?:have|am|'ve|was)(?: been)? (?:a (?:nursing|medical|pharmacy|paramedic|midwifery) student|reading|looking|wondering|thinking|researching|told|worried|"
                      r"writing|putting together|preparing|drafting|designing|planning|studying|revising|teaching|running|"
                      r"making (?:a|an|some|the|our) (?:poster|leaflet|slides?|presentation|handout|quiz|list))\b|"
                      # "i just want to understand": why they ask
                      r"\bi (?:just )?(?:want|wanted|would like) to (?:understand|know|ask|check|clarify|be sure)\b")


# A sign the patient thought they had, then found they had not: "i thought my tongue was swelling but i have had a
# proper look and it is exactly the same as normal", "we were sure his lips were puffing up but they look fine now".
_MISTAKEN = re.compile(r"\b(?:i|we) (?:thought|was sure|were sure|was convinced|were convinced|could have sworn|imagined)"
                       r"(?: that)?(?: (?:my|his|her|their|the|our|i|it|i was|he was|she was)\b)?(?: \w+){0,2} $")
_NOT_SO = re.compile(r"[^.!?]{0,80}?\bbut\b[^.!?]{0,80}?\b(?:(?:it is|it was|they are|they were|everything is|everything was|it all|"
                     r"(?:it all|it|they|everything) (?:looks?|looked|seems?|seemed|feels?|felt))(?: all| exactly| completely| totally| perfectly| just| actually)* "
                     r"(?:the same|normal|fine|ok|okay|as usual|how it always is)|"
                     # "but they are not." / "but it is not swollen": not "but it is not the wind, ..."
                     r"(?:it|they) (?:is|are|was|were) not(?= *(?:[,.;!?]|$)| (?:swollen|swelling|puffy|tight|closing|there)\b)|"
                     r"nothing (?:there|wrong)|false alarm|it was nothing|all good)\b"
                     # not someone else's word for it ("it was nothing says my sister")
                     r"(?! *,? *(?:says?|said|according to|reckons?|thinks?)\b)")
# when it was looked at: "it seemed ok when i checked at 7", "checked twice in the mirror"
_NOW_FIRST = re.compile(r"^\s*now\b")    # "they look normal now"
_CHECKED = re.compile(r"\b(?:when i (?:checked|looked)|(?:checked|looked) (?:twice |again )?in the mirror)\b")
# After the sign said not to be there, something that is there: "..., except it keeps getting tighter",
# "... 20 mins later i can barely open them", "theyre spreading all over".
_YET_IT_IS = re.compile(r"\b(?:except|though|although|however|yet|later|still(?! says| thinks| reckons)|keeps?|getting|spreading|worse|"
                        r"doubled|again|now|cannot|can barely|will not|too (?:big|tight|small)|huge|"
                        r"massive|bigger|tighter|drool\w*|dribbl\w*)\b|" + PROGRESSIVE.pattern)


# "forgetting conversations we had an hour ago": the hour dates what was forgotten, not an onset
_DATES_WHAT_WAS_DONE = re.compile(r"\b(?:we|i|he|she|they|you) (?:had|said|told|talked|did|ate|read|watched|saw)\b(?: \w+){0,2} $")


def _short_onset(text: str) -> bool:
    """An onset in the last minutes or hours, not a time that dates something done then."""
    return any(not _DATES_WHAT_WAS_DONE.search(text, max(0, m.start() - 30), m.start()) for m in ONSET_SHORT.finditer(text))


_IF_AS_NOW = re.compile(r"\b(?:like this|this bad(?:ly)?|as bad as this|already|"
                        # "do i still need to go to a&e if my lips are swelling shut": whether to go, for what is happening
                        r"(?:do|should|must) (?:i|we|he|she) (?:still )?(?:need to |have to )?(?:go (?:to|into)|call|ring|phone) "
                        r"(?:a&e|a and e|a & e|a e|the er|er|the hospital|hospital|999|911|112|an ambulance))\b")
_IF_AGAIN = re.compile(r"\b(?:again|ever|next time|in future|in the future|one day|tomorrow)\b")
_THIS_IS_WHAT = re.compile(r"\bis (?:this|it) what (?:the |my |your |they |you |he |she )?(?:\w+ )?(?:mean|means|meant|call|calls|called|"
                           r"describe|describes|warn|warns|warned|talk about|talks about|say|says|said)\b")


def _in_context(findings: list[Finding], norm: str, raw: str) -> list[Finding]:
    """Message-level readings the sentence-level ConText rules cannot make:
    - a neurological deficit dated to the last minutes or hours is a sudden one (emergency);
    - a message that only asks for information, with nothing dated to now, asks about its symptoms;
    - "nearly fainted ... lol" is said in jest."""
    onset_text = NO_ONSET.sub(" ", norm)    # "no sudden stuff, but my legs are weaker every week"
    onset = bool(ONSET.search(onset_text))
    asking = asks_only(norm)
    laughing = bool(_LAUGH.search(raw)) and not SERIOUSLY.search(norm)    # "lol ... for real" is no joke
    jest = bool(_JEST.search(norm)) and laughing
    # "the queue nearly had me breaking out in hives lol": what nearly happened, said laughing
    nearly = [m.end() for m in _NEARLY_HAD_ME.finditer(norm)] if laughing else []
    idioms = idiom_spans(norm)
    figurative = [m.start() for m in _FIGURATIVE.finditer(norm)]   # "drowning in paperwork": its sentence only
    out = []
    for f in findings:
        start, end = sentence_bounds(norm, f)
        sentence = norm[start:end]
        caused = f.end and caused_it(norm[start:max(start, f.end - len(f.text))])
        # (a trend in someone's own body is reported, whatever is asked after it: "she told me the tingling
        # has crept higher up her legs every day this week, is it true b12 does that?")
        reported_trend = f.category == "neuro_worsening" and TREND.search(sentence) and SOMEONE_NOW.search(norm, start, f.end)
        # (a sign told going on in someone's body is reported, whatever is asked after it: "My daughter's eyes
        # and lips are swelling up after her first B12 injection, ..., is it hereditary?")
        going_on = PROGRESSIVE.search(f.text) and SOMEONE_NOW.search(norm, start, f.end)
        # "Is this what the leaflet means by swelling of the lips ...?": a name asked for what is there
        named = f.end and f.status in ("current", "hypothetical") and _THIS_IS_WHAT.search(norm, start, f.end - len(f.text))
        # a condition about what is happening ("if my throat is closing up like this do i ...", "If I'm wheezing this
        # badly already should I use my EpiPen"): not imagined
        as_now = f.end and f.status == "hypothetical" and _IF_AS_NOW.search(norm, start, end) \
            and not _IF_AGAIN.search(norm, start, end) and (PROGRESSIVE.search(norm, start, f.end) or CURRENT.search(norm, start, f.end))
        if named or as_now:
            out.append(replace(f, status="current"))
            continue
        if f.escalates and asking and not CURRENT.search(WORRIED.sub(" ", _READING.sub(" ", sentence))) and not caused \
                and not HAS_LISTED.search(norm, f.end) and not reported_trend and not going_on:
            f = replace(f, status="hypothetical")
        elif f.escalates and f.end and asks_about(norm, start, end, f.end - len(f.text)) \
                and not now_after(norm[end:]) and not (caused and not CONDITIONAL_QUESTION.match(sentence.strip())):
            # asked about, and nothing after the question says it is happening ("which is worse,
            # slurred speech or the arm going weak? mum has both right now" is a report)
            f = replace(f, status="hypothetical")
        elif f.escalates and f.category in cooccurrence.NEGATABLE and cooccurrence.NEGATED_AT_END.search(f.text) \
                and not _SWELLING_AFTER.search(norm[f.end:end]):
            f = replace(f, status="negated")
        elif f.escalates and f.end and told_as_history(norm, start, end, f.end - len(f.text)):
            f = replace(f, status="past")
        elif f.escalates and f.end and _MISTAKEN.search(norm, start, f.end - len(f.text)) \
                and (not_so := _NOT_SO.match(norm, f.end)) and not STRONG_CURRENT.search(norm, f.end) \
                and not _YET_IT_IS.search(_CHECKED.sub(" ", _NOW_FIRST.sub("", norm[not_so.end():]))):
            f = replace(f, status="negated")    # "i thought my tongue was swelling but ... it is exactly the same as normal"
        elif f.escalates and f.end and asked_on_a_form(norm, f, start):
            f = replace(f, status="hypothetical")    # "my form asks if I've ever had 'loss of consciousness, seizures ...'"
        elif f.escalates and f.end and listed_sign(norm, f, start):
            f = replace(f, status="hypothetical")    # "the leaflet lists the warning signs, trouble breathing, ..."
        elif f.escalates and f.end and long_past(norm, f, start, end):
            f = replace(f, status="past")
        elif f.status == "hypothetical" and f.end and (REFERS_NOW.search(norm[end:]) or NOW_IT_IS.search(norm[f.end:end])):
            # asked about, then said to be here: "how long after do hives usually show up?? got them
            # all over my chest and theyre spreading"; sudden when dated to the last minutes or hours
            f = replace(f, status="current")
            if f.category == "neuro_deficit" and onset:
                f = replace(f, category="neuro_sudden", level=EMERGENCY)
        elif f.status == "hypothetical" and f.end and CAUSE_CONDITION.match(sentence.strip()) \
                and (CURRENT.search(sentence) or PROGRESSIVE.search(sentence)):
            # a condition about the cause, the symptom told as going on ("supposing it's the b12 my
            # eyelids and lips are swelling up, what do i do")
            f = replace(f, status="current")
        elif f.escalates and f.category == "neuro_worsening" and f.end and improving_in(norm, f) and not WORSENING.search(f.text):
            f = replace(f, status="mild")    # "his tingly legs have been settling week by week"
        elif f.escalates and f.category == "neuro_worsening" and _LESS_OFTEN.match(norm, f.end) \
                and not WORSENING.search(norm[f.end:end]):
            f = replace(f, status="mild")    # "pins and needles every day, now it is only sometimes", "from daily to hardly ever"
        elif f.escalates and f.end and _pets_symptom(norm, start, f.end - len(f.text)):
            f = replace(f, status="mild")    # "my dog had a seizure last night": not a person's
        elif f.escalates and f.category == "neuro_worsening" and re.search(r"\bused to\b", f.text) \
                and IMPROVING.search(norm, f.end, end) and not WORSENING.search(norm[f.end:end]):
            f = replace(f, status="mild")    # "the pins and needles that used to go up to my knees are now just in my toes"
        elif f.status == "past" and f.category == "neuro_worsening" and TREND.search(f.text) \
                and not (FAR_PAST.search(sentence) or REASSURING.search(sentence) or IMPROVING.search(sentence)):
            # a trend up to now ("more and more wobbly every day") is current, whatever happened yesterday
            f = replace(f, status="current")
        elif f.escalates and ((jest and f.category == "fainting") or (f.category == "breathing" and any(start <= a < end for a in figurative))
                              or (f.end and any(start <= a <= f.end - len(f.text) and _NEARLY_WHAT.fullmatch(norm[a:f.end - len(f.text)])
                                                for a in nearly))
                              or (f.end and in_idiom(idioms, f, start, end))):
            f = replace(f, status="mild")
        elif f.escalates and f.category in _LONG_STANDING_KINDS and f.end and long_standing(norm, f, start, end) \
                and not (onset or WORSENING.search(_WILL_IT_HELP.sub(" ", norm)) or TREND.search(norm) or STRONG_CURRENT.search(norm)):
            f = replace(f, status="mild")    # "a little breathless on the stairs, but that is nothing new"
        elif f.escalates and f.category == "rash" and f.end \
                and any(m.start() < f.end and f.end - len(f.text) < m.end() for m in _HABITUAL_REACTION.finditer(norm, start, end)) \
                and not (onset or STRONG_CURRENT.search(norm) or dated_now(norm) or WORSENING.search(norm)
                         or cooccurrence.getting_worse(norm) or re.search(r"\b(?:all over|across|everywhere)\b", norm)):
            f = replace(f, status="mild")    # "he breaks out in a rash from some cheap jewelry": what he is allergic to
        elif f.escalates and _HOARSE.search(f.text) and _HOARSE_CAUSE.search(sentence):
            f = replace(f, status="mild")    # "a hoarse voice for weeks with a cold"
        elif f.escalates and f.category in ("neuro_worsening", "neuro_deficit") and _STROKE_WORDS.search(sentence) \
                and not TREND.search(sentence):
            # numbness with speech gone wrong or a face dropping in the same sentence: a stroke sign
            f = replace(f, category="neuro_sudden", level=EMERGENCY)
        elif f.escalates and f.category == "stroke_signs" and f.end and not _STROKE_WORDS.search(f.text) \
                and SLOW_TREND.search(sentence) and (TREND.search(sentence) or cooccurrence.getting_worse(sentence)) \
                and not ONSET.search(NO_ONSET.sub(" ", sentence)) and not A_TIME_TODAY.search(sentence):
            # "keeps losing her words and getting muddled, it's been getting worse gradually over the past
            # month": word-finding or sight worse over weeks is the same-day review, not a stroke call
            f = replace(f, category="neuro_worsening", level=URGENT)
        elif f.escalates and ((f.category == "neuro_deficit" and onset
                               and (SUDDEN.search(onset_text) or not any(g.escalates and g.category == "neuro_worsening"
                                                                        and TREND.search(g.text) for g in findings))) or
                              (f.category == "neuro_worsening" and _short_onset(onset_text))):
            # (not "more confused each day this past week, ... this morning he didn't know where the toilet was")
            f = replace(f, category="neuro_sudden", level=EMERGENCY)
        out.append(f)
    # An earlier episode the message then says has come back ("it went away but it's back and
    # spreading") is happening again now.
    out = [replace(f, status="current") if f.status == "past" and f.end and happens_again(norm[f.end:]) else f
           for f in out]
    # A dizzy spell the message then says is over ("felt dizzy after, but I was right as rain after a
    # cup of tea"), with nothing after that turns it round or sounds worse.
    for i, f in enumerate(out):
        if f.escalates and f.category == "fainting" and _DIZZY.match(f.text) and f.end:
            later = list(REASSURING.finditer(norm, f.end))
            if later and not WORSENING.search(norm) and not TURN.search(norm[later[-1].end():]):
                out[i] = replace(f, status="past")
    # A fall in a message about balance or nerves getting worse is part of that (urgent: "balance
    # worse each week, fell over again last night"), not a collapse.
    if any(f.escalates and f.category == "neuro_worsening" for f in out):
        out = [replace(f, status="mild")
               if f.escalates and f.category == "fainting" and _A_FALL.match(f.text) else f for f in out]
    # What to do in a condition the sentence opens with ("if my lips swell up after my first self inject at home
    # do i use an epipen or what"): the adrenaline pen belongs to the imagined reaction.
    for i, f in enumerate(out):
        if f.escalates and f.category == "anaphylaxis" and f.end:
            start, end = sentence_bounds(norm, f)
            if CONDITIONAL_QUESTION.match(norm[start:end].strip()) and any(
                    g.status == "hypothetical" and g.end and start < g.end <= f.end - len(f.text) for g in out):
                out[i] = replace(f, status="hypothetical")
    return out
_LONG_STANDING_KINDS = ("breathing", "fainting", "neuro_worsening", "neuro_deficit")
# a reaction someone always has to a named trigger (simple present), not one happening now
_HABITUAL_REACTION = re.compile(
    r"\b(?:i|he|she|they|we|(?:my|our|his|her) \w+)(?: always| usually| normally| often| tends? to)? (?:breaks?|comes?|come) out in (?:a |an )?(?:\w+ )?"
    r"(?:rash|hives|welts|spots)\b(?: \w+){0,2} (?:from|with|when|whenever|every time|if|around|to)\b")


# a symptom said to come less often now, right after it ("every day, now it is only sometimes", "from daily to hardly ever")
_LESS_OFTEN = re.compile(r"[ ,;]{0,3}(?:(?:and )?now (?:it is |it's |they are |they're |its )?|(?:gone |went )?(?:from \w+ )?to )?"
                         r"(?:only (?:sometimes|occasionally|now and then|once in a while)|hardly ever|rarely|barely ever)\b")
# an animal's symptom: "my dog had a seizure last night"
_PET = re.compile(r"\b(?:my|our|the|his|her|their) (?:\w+ )?(?:dog|doggy|puppy|pup|cat|kitty|kitten|horse|pony|rabbit|bunny|hamster|"
                  r"budgie|parrot|pet|guinea pig|ferret|tortoise)s?\b")
_A_PERSON = re.compile(r"\b(?:i|he|she|they|we|you|my|his|her|their|me|him|them|mum|mom|dad|husband|wife|son|daughter|"
                       r"partner|baby|child|kid)\b")


def _pets_symptom(norm: str, start: int, at: int) -> bool:
    """The symptom at `at` is an animal's: a pet named just before it in its sentence (from `start`), no person
    between ("my dog had a seizure last night"; not "he used to walk the dog every day, now he's stumbling")."""
    pets = list(_PET.finditer(norm, start, at))
    return bool(pets) and at - pets[-1].end() <= 30 and not _A_PERSON.search(norm, pets[-1].end(), at)


_WILL_IT_HELP = re.compile(r"\b(?:will|would|could|can|does|do|might|may) (?:\w+ ){0,3}help\b")   # not a cry for help
_DIZZY = re.compile(r"^(?:dizz\w*|light ?headed\w*|woozy|a bit dizzy|a little dizzy)$")
_A_FALL = re.compile(r"^(?:fell|falls?|falling|fallen)(?: over| down)?$")


# Swelling or a rash named again later in the sentence of a negated one ("I thought my lips were not
# swollen but they are definitely swelling now"): the negation does not hold.
_SWELLING_AFTER = re.compile(rf"\b{_SWELL}\b|\b(?:hives|rash|welts|blotch\w*)\b")


_STROKE_WORDS = re.compile(r"\b(?:words?|speech)\b(?: \w+){0,2} (?:coming|came|come|comes) out (?:all )?(?:wrong|funny|weird|jumbled|"
                           r"garbled|muddled|slurred|backwards)\b|\bslurr\w*|\bdroop\w*|\blopsided\b|\bgarbled\b|\bgibberish\b|"
                           r"\bface (?:fell|dropped|drooped|went droopy)\b")
_HOARSE = re.compile(r"\b(?:hoarse|croaky|raspy|husky|voice)\b")
_HOARSE_CAUSE = re.compile(r"\b(?:cold|colds|flu|laryngitis|cough(?:ing)?|shout\w*|sing\w*|cheer\w*|talk\w* too much|always|"
                           r"for (?:days|weeks|months|years|ages)|all (?:week|month|winter))\b")


# A condition or a wish before the symptom in its sentence ("say I went dizzy", "should I ever get").
_CONDITION = re.compile(r"\b(?:if|what if|in case|should (?:i|he|she|you|we) ever|say (?:i|he|she|we)|suppose|"
                        r"imagine|would (?:i|it|he|she)|could (?:i|it)|do not want to|don't want to|"
                        r"any link|linked|related)\b")


def _nerves_unexplained(hit, readings: set[tuple[str, str]], norm: str, end: int) -> bool:
    """A nerve trend the net found is not explained away by its sentence's reading when that reading only
    denies an acute sign ("my eyesight, and it's not my eyes swelling or anything, is getting worse every
    week"; a sign told as past dates the whole sentence), or when a turn after that sentence says it is
    getting worse ("Numbness no worse than before the injection. However, for ten days now it's spreading")."""
    if hit.category != "neuro_worsening":
        return False
    if all(category in _ACUTE_CATEGORIES and status == "negated" for category, status in readings):
        return True
    following = norm[end + 1:sentence_end(norm, end + 1)].strip()
    turn = TURNS.match(following) or FRANKLY.match(following)
    return bool(turn) and cooccurrence.getting_worse(following[turn.end():])


_ACUTE_CATEGORIES = frozenset(c for c, level in LEVELS.items() if level == EMERGENCY)


def _safety_net(findings: list[Finding], norm: str, raw: str) -> list[Finding]:
    """The message-level net (cooccurrence.py) when no phrase rule escalated: skipped when the
    message asks, jokes or uses an idiom, and for a symptom whose sentence the phrase rules already
    read as negated, past, asked about or mild."""
    if asks_only(norm) or (_LAUGH.search(raw) and not SERIOUSLY.search(norm)) or _FIGURATIVE.search(norm):
        return []
    idioms = idiom_spans(norm)
    if any(covers != "own" for _, _, covers in idioms):
        return []
    # an idiom's own words are not symptoms; the rest of the message still counts
    for a, b, _ in idioms:
        norm = norm[:a] + " " * (b - a) + norm[b:]
    # sentences the phrase rules read as not escalating, and the categories they read there
    explained: dict[str, set[tuple[str, str]]] = {}
    for f in findings:
        if f.end and not f.escalates:
            explained.setdefault(sentence_of(norm, f), set()).add((f.category, f.status))
    out = []
    # how an old story began is no onset ("had a mini stroke years ago and it started off with his arm going weak")
    story_free = without_story_beginnings(norm)
    for hit in (cooccurrence.acute_now(story_free), cooccurrence.nerves_worsening(story_free)):
        if hit is None:
            continue
        probe = Finding(hit.category, hit.level, hit.text, "current", "patient", "possible", hit.end)
        start, end = sentence_bounds(norm, probe)
        sentence = norm[start:end]
        before = sentence[:max(0, sentence.find(hit.text))]
        if (sentence in explained and not _nerves_unexplained(hit, explained[sentence], norm, end)) or _CONDITION.search(before):
            continue
        if told_as_history(norm, start, end, start + len(before)):
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
    findings: list[Finding] = assess(norm)
    for other in readings[1:]:
        findings.extend(f for f in assess(normalise(other)) if f.escalates)
    findings = _in_context(findings, norm, text)
    findings = conditions_go_on(findings, norm)
    net = [] if any(f.escalates for f in findings) else _safety_net(findings, norm, text)
    findings.extend(net)
    findings = over_and_done(findings, norm)
    guessed = language.guess(text)
    english = tuple(multilingual.fold(f.text) for f in findings if f.end) if guessed == "en" else ()
    foreign = _other_languages(text, guessed, jokes_count=guessed != "en", read_in_english=english)
    if net and guessed != "en" and any(f.category != "negated_statement" for f in foreign):
        # the message's own language read it: the English net's word is likely one of that language's
        # ("war aber nach 5 min wieder fit": fit again, no fit)
        findings = [f for f in findings if not any(f is n for n in net)]
    if guessed != "en":
        findings = _foreign_context(findings, text, guessed)
    findings.extend(foreign)
    spoken = guessed if guessed != "en" else next((f.text for f in foreign if f.escalates), "en")
    return Assessment(text=norm, findings=tuple(findings), language=spoken)
