"""Conditions, fears and imagined scenes that run on past the words medspacy marks ("if I get hives
and my throat closes ...", "I keep picturing my chest going tight"), and scares taken back ("thought
my lips were swelling, false alarm")."""
from __future__ import annotations

import re
from dataclasses import replace

from .findings import Finding, sentence_bounds
from .idioms import SERIOUSLY
from .timing import dated_now


# "I keep imagining my lips swelling but now they actually are": said to be happening after all
NOW_IT_IS = re.compile(r"\b(?:but|and) (?:now |this time |today )?(?:it|they|she|he|i) (?:actually |really |truly |definitely |just )"
                        r"(?:is|are|am|has|have|did)\b(?! not\b)|\b(?:that|this|it) is (?:exactly )?what is happening\b|"
                        r"\bis (?:actually |really )?happening (?:now|right now)\b|\bcame true\b")


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


def conditions_go_on(findings: list[Finding], norm: str) -> list[Finding]:
    """An escalating symptom joined by "or" to a condition in its sentence is part of it; one feared
    to come back is feared. Neither when the sentence dates something to now."""
    out: list[Finding] = []
    for f in findings:
        if f.escalates and f.end:
            start, end = sentence_bounds(norm, f)
            f_start = f.end - len(f.text)
            # the rest of the same phrase, whatever the sentence dates: "... tell her if my throat felt
            # tight or I came out in | a rash"
            same_phrase = any(g.status == "hypothetical" and g.category == f.category and g.end and start <= g.end <= f_start
                              and re.fullmatch(r" (?:(?:a|an|the|some|in|with|into) )?", norm[g.end:f_start]) for g in out)
            if same_phrase:
                f = replace(f, status="hypothetical")
            elif _taken_back(norm, f, start):
                f = replace(f, status="negated")
            elif _JOKING_AFTER.match(norm, f.end) and not SERIOUSLY.search(norm):
                f = replace(f, status="mild")    # "MY ARM IS DEAD 😭😭 jk it's just achy where she stuck me"
            elif not dated_now(norm[start:end]):
                joined = any(g.status == "hypothetical" and g.end and start <= g.end <= f_start
                             and _OR_GOES_ON.fullmatch(norm[g.end:f_start]) for g in out)
                feared = _RETURNS.search(norm[f_start:min(end, f.end + 20)]) and _FEAR_BEFORE.search(norm[start:f_start]) \
                    and not _HAS_RETURNED.search(norm[f.end:])
                imagined = (f.text.endswith("ing") or re.search(r"\b(?:going|getting|starting) \w+$", f.text)) \
                    and _IMAGINED.search(norm[start:f_start]) \
                    and not NOW_IT_IS.search(norm[f.end:end]) \
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
