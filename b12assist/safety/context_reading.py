"""The sentence-level reading: spaCy (blank English) with medspacy's target matcher and ConText
rules (context_rules.py) finds symptom phrases and gives each a status: current, negated, past,
hypothetical or mild. detector.py then reads the whole message (questions, stories, conditions)."""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from .findings import Finding
from .targets import EMERGENCY, LEVELS, NON_ESCALATING, TARGETS, URGENT
from .timing import CURRENT, PAST_REPORT, RESOLVED, STRONG_CURRENT, WORRIED


MAX_CHARS = 5000  # longer messages are read in windows of this size (see detect)
_SOFT_BREAKS = {",", ";", ":", "-"}


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
    if CURRENT.search(sent.text) or STRONG_CURRENT.search(sent.text):
        return False
    before = ent.doc[sent.start:ent.start].text
    if not PAST_REPORT.search(before):
        return False
    for start, end in historical:
        if start < sent.start or end > sent.end or (start >= ent.end and dates_the_diagnosis(ent.doc[ent.end:start].text)):
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


def dates_the_diagnosis(between: str) -> bool:
    """`between` is the text from the symptom to a time told after it: the time dates a diagnosis told
    there ("her lips are swelling after the injection, she was diagnosed years ago"), not the symptom.
    Used for medspacy's historical cues and for the long-past and soft-past readings alike."""
    return bool(_DATES_THE_DIAGNOSIS.search(between))
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


def caused_it(before: str) -> bool:
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
                          and (dates_the_diagnosis(ent.doc[ent.end:m.modifier_span[0]].text)
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
    if (HISTORICAL in cats or ONCE in cats) and not STRONG_CURRENT.search(ent.sent.text):
        return "past", experiencer, certainty
    if _soft_past(ent, historical, hard_breaks):
        return "past", experiencer, certainty
    if HYPOTHETICAL in cats:
        hyp = [m for m in modifiers if m.category == HYPOTHETICAL]
        conditional = any(m.rule.literal in CONDITIONAL_LITERALS or "if" in m.rule.literal.split()
                          for m in hyp)
        if not conditional and (all(m.modifier_span[1] <= ent.start
                                    and caused_it(ent.doc[m.modifier_span[1]:ent.start].text) for m in hyp)
                                or _LIKE_THIS.match(ent.doc.text, ent.end_char)):
            # "what are the chances the shot made my tongue swell", "could the b12 cause my lips to swell like this??"
            return "current", experiencer, certainty
        if conditional:
            if not STRONG_CURRENT.search(ent.sent.text):
                return "hypothetical", experiencer, certainty
        elif not CURRENT.search(_NEVER_HAD.sub(" ", RESOLVED.sub(" ", WORRIED.sub(" ", whole_text[ent.sent.start_char:])))):
            # asked about, unless the same sentence or a later one speaks of the present (a worry about
            # it is no present report: "i am a bit nervous about that - could it make the numbness come back worse?")
            return "hypothetical", experiencer, certainty
    return "current", experiencer, certainty


@lru_cache(maxsize=1)
def _emergency_patterns() -> list[re.Pattern]:
    return [re.compile(t.pattern) for t in TARGETS if LEVELS.get(t.category) == EMERGENCY]


def _hidden_sign(text: str, ent) -> tuple[int, int] | None:
    """Where an emergency sign lies under a longer urgent match, as (start, end), or None. The matcher keeps
    the longest match, so the sign would be lost under it: inside it (the eyesight trend "eyes and lips are
    swelling like crazy ... it is getting worse" holds "lips are swelling"), or begun just before it and
    ending inside it ("my left hand went numb and floppy and i cannot grip": "hand went numb and floppy"
    under the trend "went numb ... cannot grip")."""
    inside = [m for p in _emergency_patterns() if (m := p.search(text, ent.start_char + 1, ent.end_char))]
    if inside:
        return min(m.start() for m in inside), ent.end_char
    lead = max(0, ent.start_char - 40)
    across = [m for p in _emergency_patterns() for m in p.finditer(text, lead, ent.end_char)
              if m.start() < ent.start_char < m.end() < ent.end_char]
    return (ent.start_char, max(m.end() for m in across)) if across else None


def _assess_window(text: str, offset: int = 0, look_inside: bool = True) -> list[Finding]:
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
        hidden = _hidden_sign(text, ent) if look_inside and level == URGENT else None
        if hidden is not None and hidden[1] == ent.end_char:
            # read the sign on its own: the lesser match's first words blanked, offsets kept
            at = hidden[0]
            masked = text[:ent.start_char] + " " * (at - ent.start_char) + text[at:]
            findings.extend(f for f in _assess_window(masked, offset, look_inside=False)
                            if f.level == EMERGENCY and offset + at <= f.end - len(f.text) < offset + ent.end_char)
        elif hidden is not None:
            # the sign began before the lesser match: its last words blanked instead
            cut = hidden[1]
            masked = text[:cut] + " " * (ent.end_char - cut) + text[ent.end_char:]
            findings.extend(f for f in _assess_window(masked, offset, look_inside=False)
                            if f.level == EMERGENCY and f.end - len(f.text) < offset + ent.start_char < f.end)
    return findings


def assess(norm: str) -> list[Finding]:
    findings: list[Finding] = []
    # Very long messages are read in overlapping windows so nothing is skipped.
    step = MAX_CHARS - 200
    for start in range(0, max(len(norm), 1), step):
        findings.extend(_assess_window(norm[start:start + MAX_CHARS], start))
        if start + MAX_CHARS >= len(norm):
            break
    return findings


# A time long past that dates the diagnosis, not the symptom ("his tongue swelled
# up after his jab, he was diagnosed with pernicious anaemia in 2017"): it says nothing about when
# the symptom happened.
_DATES_THE_DIAGNOSIS = re.compile(r"(?<!when i was )(?<!when i got )(?<!when he was )(?<!when she was )(?<!when they were )"
                                  r"(?<!when i was first )(?<!when he was first )(?<!when she was first )"
                                  r"\bdiagnosed\b[^,.;:!?]{0,60}$")
