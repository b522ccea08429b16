"""What the red-flag detector returns: one Finding per symptom phrase and the Assessment of a whole
message (its level, and whether the rules explain it well enough to overrule the learned model)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import cooccurrence
from .sentences import sentence_end, sentence_start
from .targets import EMERGENCY, URGENT
from .timing import CURRENT, REASSURING, RED_FLAG_WORD, STRONG_CURRENT, TURN, WORSENING


# A body part or a sign said to be fine, in a checklist ("lips normal size", "breathing fine", "throat is ok").
_SAID_FINE = re.compile(r"(?:^|(?<=[,;:-])|(?<=\band)) *(?:my |his |her |the )?(?:lips?|tongue|throat|face|eyes?|eyelids?|breathing|"
                        r"chest|skin|speech|vision|sight|arms?|legs?|hands?|feet|balance|heart rate|pulse)"
                        r" (?:is |are |looks? |feels? |seems? |all )?(?:totally |completely |perfectly |absolutely |all )?"
                        r"(?:normal|fine|ok|okay|good|clear|as usual)(?: size| colou?r)?(?=\s*(?:[,.;!?]|and\b|$))")
# A worry waved off.
_WAVED_OFF = re.compile(r"\b(?:i think |i guess |i reckon |probably |maybe )?(?:i am )?(?:just )?(?:being (?:paranoid|silly|a worrier|"
                        r"dramatic|overcautious)|overthinking(?: it| things)?|paranoid)\b")


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
            return sentence_bounds(self.text, f)
        return any(f.escalates and f.end and g.status == "hypothetical" and g.end and g.category != f.category
                   and g.end < f.end and sentence(g) == sentence(f)
                   for f in self.findings for g in self.findings)

    @property
    def says_right_now(self) -> bool:
        """The message says "right now", "at the moment", "ten minutes ago" or the like: a learned
        model's doubt does not overrule the rules' red flag then (a looser time, "this morning" or
        "tonight", does not count: questions about tonight's jab say it too)."""
        return bool(STRONG_CURRENT.search(self.text))

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
        # the rest of a checklist said fine ("no puffy eyes, lips normal size, tongue normal") and a worry
        # waved off ("I think I'm just being paranoid") say nothing new
        after = _WAVED_OFF.sub(" ", _SAID_FINE.sub(" ", self.text[last:]))
        # Anything said after the explained symptom that turns the message round, speaks of the
        # present ("... as a kid, and my mouth feels strange") or names another symptom ("the
        # hives went down. why do I sound like a squeaky toy when I breathe?") is not explained.
        return not (TURN.search(after) or CURRENT.search(after) or (last > 0 and RED_FLAG_WORD.search(after)))

    @property
    def reassuring(self) -> bool:
        """Nothing escalates and the message ends by saying things are better or fine. The NLU
        component uses it to keep the statistical classifier alone from escalating "the swelling
        went down"; it never overrides an escalating finding."""
        if self.escalate:
            return False
        matches = [m for m in REASSURING.finditer(self.text) if not cooccurrence.DOUBTED.match(self.text, m.end())]
        if not matches or WORSENING.search(self.text):
            return False
        after = self.text[matches[-1].end():]
        return not (TURN.search(after) or RED_FLAG_WORD.search(after))


def sentence_bounds(norm: str, f: Finding) -> tuple[int, int]:
    """Start and end offsets of the sentence of the normalised text that holds a finding (English
    findings carry its end; the whole text for the others)."""
    if not f.end:
        return 0, len(norm)
    return sentence_start(norm, f.end - len(f.text)), sentence_end(norm, f.end)


def sentence_of(norm: str, f: Finding) -> str:
    """The sentence of the normalised text that holds a finding."""
    start, end = sentence_bounds(norm, f)
    return norm[start:end]
