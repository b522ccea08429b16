"""ConText rules written for patient language (medspacy's defaults are for clinical notes).

Categories and what they do to a red-flag mention:
- NEGATED_EXISTENCE ("no rash so far", "I do not have any swelling"): no escalation.
- HYPOTHETICAL ("what if my throat swells?", "is shortness of breath a side effect?"): answered,
  not escalated, unless the same sentence also says the patient has it now (see detector).
- HISTORICAL ("had hives last year", "the swelling went down"): past or resolved, no escalation.
- POSSIBLE_EXISTENCE ("I think my throat feels a bit tight"): uncertain, still escalated.
- FAMILY ("my mum cannot breathe"): another person, still escalated, recorded as such.
- TERMINATE: clause breaks that end a modifier's scope ("no rash but my lips are swelling").

"cannot breathe" is never a negation: "can't"/"cannot" is not a negation cue here, and a cue that
sits inside a target span never modifies it.
"""
from __future__ import annotations

from medspacy.context import ConTextRule

from .targets import ANOTHER_PERSON, NOT_ABOUT_SOMEONE, RECENT_WINDOW

NEGATED = "NEGATED_EXISTENCE"
HYPOTHETICAL = "HYPOTHETICAL"
HISTORICAL = "HISTORICAL"
ONCE = "ONCE"  # one time in the past ("I fainted once at the dentist"): past unless the sentence is dated to now
POSSIBLE = "POSSIBLE_EXISTENCE"
FAMILY = "FAMILY"

# Hypothetical cues that make a conditional ("if ...", "in case ..."): a present-tense statement
# after them is still part of the condition, so they are never overridden.
CONDITIONAL_LITERALS = {"in the event", "thought i was going to", "i thought i would", "do not want to", "dont want to", "if", "what if", "in case", "suppose", "supposing", "imagine", "imagining", "keep imagining", "when should", "when to",
                        "when do i", "when would", "when is it", "worried that", "in case i", "should I develop",
                        "hypothetically", "form asks whether", "some people", "could my leg go numb",
                        "expecting to", "expected to", "half expecting", "scared of anaphylaxis", "how long after",
                        "usually show up", "how soon"}


def _r(literal, category, direction, pattern=None, max_scope=None):
    return ConTextRule(literal, category, pattern=pattern, direction=direction, max_scope=max_scope)


def rules() -> list[ConTextRule]:
    out = []
    # --- negation -------------------------------------------------------------------------
    for lit in ["no", "not", "never", "without", "none", "nothing like", "nowhere near", "nothing close to", "free of", "zero",
                "do not have", "does not have", "did not have", "have not had", "has not had",
                "have not", "has not", "did not", "do not", "does not", "is not", "are not",
                "was not", "were not", "am not", "no sign of", "no signs of", "not any",
                "absence of", "no more", "not had any", "not getting", "denies", "nor"]:
        out.append(_r(lit, NEGATED, "FORWARD", max_scope=6))
    # "none of the chest tightness I'd been dreading" denies what follows it (the backward "none" below has
    # the span of a bare "none"); not "none of the piriton has touched these hives" (only its own noun)
    out.append(_r("none of", NEGATED, "FORWARD", max_scope=3, pattern=r"\bnone of(?: the| my| that| those)?\b"))
    # "not even a bit woozy": the negation wins over the "a bit" it contains
    out.append(_r("not even a bit", NEGATED, "FORWARD", max_scope=1,
                  pattern=r"\bnot even (?:a bit|a little|slightly|the slightest bit|remotely)\b|\bnot (?:the slightest bit|remotely)\b"))
    for lit in ["none", "nope", "not really", "not at all", "negative", "not a problem",
                "is fine", "are fine", "none so far"]:
        out.append(_r(lit, NEGATED, "BACKWARD", max_scope=4))
    # "the rash is gone", not "he has not fainted or gone dizzy" (became)
    out.append(_r("gone", NEGATED, "BACKWARD", max_scope=4,
                  pattern=r"\bgone\b(?= *(?:$|[,.;:!?]| now\b| away\b| completely\b| again\b| though\b| thank))"))
    # --- uncertainty (still escalates; wins over the negation words it contains) ---------------
    for lit in ["i think", "maybe", "might", "may be", "perhaps", "possibly", "not sure", "unsure",
                "do not know if", "do not know whether", "not certain", "feels like", "seems",
                "could be", "wonder if", "probably", "kind of", "kinda", "sort of", "a bit",
                "a little", "slightly", "i guess", "do not think", "cannot tell", "hard to tell",
                "not 100%"]:
        out.append(_r(lit, POSSIBLE, "BIDIRECTIONAL", max_scope=8))
    # --- hypothetical questions ----------------------------------------------------------
    # "feel as if my face is massive": a description of now, not a condition
    out.append(_r("if", HYPOTHETICAL, "FORWARD", max_scope=10, pattern=r"(?<!\bas )\bif\b"))
    for lit in ["what if", "in case", "suppose", "supposing", "imagine", "imagining", "keep imagining", "when should", "when to",
                "when do i", "when would", "when is it", "what happens if", "what should i do if",
                "how do i know if", "how would i know", "how will i know", "signs of", "symptoms of",
                "warning signs", "risk of", "chance of", "chances of", "is it possible to",
                "could i get", "can you get", "can i get", "can people get", "do people get",
                "does anyone get", "would i get", "should i worry about", "worried about getting",
                "afraid of getting", "scared of getting", "watch out for", "look out for", "keep an eye out for", "keep an eye on",
                "watch for", "what does", "what do", "tell me about", "what are", "is it common to",
                "how common", "in case i", "difference between", "explain",
                "meaning of", "is it true", "is that true", "i read", "i have read", "i heard",
                "percentage of", "how many people", "do not want to", "dont want to", "any link", "in the event",
                "wot if", "wat if", "how soon", "how long after", "usually show up", "watch 4", "look out 4",
                "thought i was going to", "i thought i would", "expecting to", "expected to", "half expecting",
                "link between", "linked to"]:
        out.append(_r(lit, HYPOTHETICAL, "FORWARD", max_scope=10))
    # a fear of something, not a report of it: "so scared of anaphylaxis before this shot"
    out.append(_r("scared of anaphylaxis", HYPOTHETICAL, "FORWARD", max_scope=6,
                  pattern=r"\b(?:scared|afraid|terrified|frightened|fearful|nervous|worried|paranoid) (?:of|about)(?= (?:getting |having |"
                          r"a |an )?(?:anaphylaxis|anaphylactic|(?:an )?allergic reaction|reaction|stroke|seizure|fainting|passing out)\b)"))
    # "why does b12 cause a rash?" asks; "why do I sound like a squeaky toy when I breathe?" reports
    out.append(_r("why do", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\bwhy (?:do|does|would|can|could)\b" + NOT_ABOUT_SOMEONE))
    # a fear of what may come ("worried that my throat will close", "scared I'll faint"), not "worried
    # that my lips look bigger" (a report)
    out.append(_r("worried that", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\b(?:scared|worried|afraid|frightened|terrified|nervous|convinced|paranoid)(?: (?:myself|himself|herself))?(?: that)? (?=(?:\w+ ){0,4}?"
                          r"(?:will|would|might|could|may|going to|gonna|i'll|it'll|ll)\b)(?:that|i|my|it|he|she)\b|"
                          r"\b(?:scared|worried|afraid|frightened|terrified|convinced|paranoid)(?: that)? i(?:'ll| will| might| would| could| may)\b"))
    # a question about what to call it: "is that still considered an allergic reaction?"
    out.append(_r("is that considered", HYPOTHETICAL, "FORWARD", max_scope=4,
                  pattern=r"\b(?:is|would|does) (?:that|this|it) (?:still |also |really |actually )?(?:be )?(?:considered|classed as|"
                          r"counted as|called|count as|classify as|qualify as)\b"))
    out.append(_r("should I develop", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\bshould (?:i|he|she|you|we)(?:, [a-z ]{1,40},)? (?:ever )?(?:develop|get|have|experience|notice|start|begin|feel|go)\b|"
                          r"\bsay (?:i|he|she|we) (?:went|got|had|felt|started|go|get|wake|woke|find|found|notice|noticed|start)\b"))
    out.append(_r("the word", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\b(?:what is|what does|what's|meaning of|means?) the word\b|\bthe word\b(?= \S+(?: \S+)? means?\b)"))
    # said to be hypothetical anywhere in the sentence: "(hypothetically!!)"
    out.append(_r("hypothetically", HYPOTHETICAL, "BIDIRECTIONAL", max_scope=20,
                  pattern=r"\b(?:hypothetical(?:ly)?|in theory|theoretically)\b"))
    # a form or a person asking whether: "the form asks whether I have any condition causing fainting"
    out.append(_r("form asks whether", HYPOTHETICAL, "FORWARD", max_scope=15,
                  pattern=r"\b(?:asks?|asked|asking|questions?) (?:me |you |us )?(?:whether|if|about)\b"))
    # a question with the verb first about what could happen: "could my leg go numb?", "can my lips swell from it?"
    out.append(_r("could my leg go numb", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\b(?:could|would|might|can|will) (?:my|your|the|a|his|her)\b(?=(?: \w+){1,3}? (?:go|get|become|swell|"
                          r"start|turn|close|react|break out)\b)|"
                          r"\b(?:would|could|will|might) i\b(?=(?: \w+){0,2} (?:pass|faint|collapse|get|go|have|react|swell|stop|black)\b)"))
    # what other people say or get: "I've heard some people feel light-headed"
    out.append(_r("some people", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\b(?:i have heard|i've heard|some people|other people|most people|many people|a lot of people|"
                          r"people (?:online|say|said|talk)|(?:talk|talking|posts?|read|reading|stories|videos|articles) about)\b"))
    out.append(_r("can X cause", HYPOTHETICAL, "FORWARD", max_scope=10,
                  pattern=r"\b(?:can|could|does|do|will|would|might|may|is it possible)\b[a-z0-9 ]{0,30}?"
                          r"\b(?:cause|causes|give(?! way| out)|gives(?! way| out)|trigger|triggers|lead to|result in|make)\b"))
    for lit in ["side effect", "side effects", "a side effect", "normal side effect", "a reaction to look for",
                "something to worry about", "a sign of", "a symptom of", "an emergency", "dangerous",
                "serious"]:
        out.append(_r(lit, HYPOTHETICAL, "BACKWARD", max_scope=3))
    # --- past or resolved ------------------------------------------------------------------
    out.append(_r("time in the past", HISTORICAL, "BIDIRECTIONAL", max_scope=10,
                  pattern=r"\b(?:last (?:year|yr|month|weekend|week|winter|summer|spring|autumn|fall|time|course|xmas|christmas|easter|new year|term|semester|january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)|"
                          r"decades? ago|a fortnight ago|(?:two|three|a few|\d+) fortnights? ago|"
                          r"last wk|(?:years?|yrs?|months?|mths?|weeks?|wks?) ago|a (?:year|month|week|few weeks|few months) ago|"
                          r"in the past|used? to|history of|once had|previously|back when|my late \w+|"
                          r"back in (?:college|school|uni|university|the day|my (?:teens|twenties|thirties))|"
                          r"before (?:it|he|she|i|they) (?:was|were) diagnosed|(?<!than )before (?:i|he|she|we) (?:started|began)\b|"
                          r"on (?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?(?= but| and|,)|when i (?:first )?started|"
                          r"when i was (?:first )?diagnosed|as a (?:kid|child|teen\w*|baby)|"
                          r"in (?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) grade|"
                          r"in (?:high|middle|primary|elementary|secondary|grade) school|in (?:year|form) \d+|at uni(?:versity)?|in college|"
                          r"when (?:i|he|she|we|my \w+|our \w+) (?:was|were) (?:young|little|(?:a |an )?(?:kid|child|toddler|baby|teenager|infant)|younger|pregnant|small|"
                          r"\d+|[a-z]+ years old|(?:at|in) school(?! (?:this|today|earlier|just|now|tonight)\b))|back in \d{4}|in (?:like |about |around |roughly |maybe )?\d{4}|"
                          r"long time ago|a while ago|a while back|years back|ages ago|some time ago|turned out to be|"
                          r"(?:weeks|months|years) (?:back|before)|a (?:week|month|year|few weeks|few months|couple of months|couple of weeks) back|"
                          r"before (?:my |the |i was |being )?(?:diagnosis|diagnosed|treatment|(?:i )?start(?:ed|ing) (?:the )?(?:injections|jabs|shots|treatment))|"
                          r"in (?:the |last )?(?:spring|summer|autumn|winter)|in my (?:teens|twenties|thirties|childhood|youth)|"
                          r"(?:back )?in (?:january|february|march|april|may|june|july|august|september|october|"
                          r"november|december)(?! \d)|back in (?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b|(?<!since )yesterday|the other day|"
                          r"(?:with|after) (?:my|the) (?:first|previous|old|last) (?:course|treatment|doctor))\b"))
    # "I fainted once at the dentist", "passed out once, 2019": one time in the past, not "once I got
    # home" (when), "all at once", "more than once"; a category of its own, as the detector drops it in a
    # sentence dated to now ("since I got home I have fainted once", "once at work this morning")
    out.append(_r("once", ONCE, "BACKWARD", max_scope=4,
                  pattern=r"(?<!\bat )(?<!\bthan )(?<!\bonly )\bonce\b(?= *(?:$|[,.;:!?]|(?:at|in|on|as|when|while|during|aged|age|"
                          r"years?|ages|long|a (?:long|while|few|couple)|back|before|\d+)\b))"))
    # "the swelling has gone" (over), not "his face has gone puffy" (became)
    # ("the nurse has gone" left: a person is not a symptom that went)
    _left = "".join(rf"(?<!\b{w} )" for w in ("nurse", "doctor", "gp", "he", "she", "they", "everyone", "everybody",
                                                "husband", "wife", "mum", "mom", "dad", "partner", "friend", "staff"))
    out.append(_r("has gone", HISTORICAL, "BIDIRECTIONAL", max_scope=8,
                  pattern=_left + r"\b(?:has|have|is|are|it's) (?:all )?gone\b(?! (?:puffy|red|numb|blue|white|pale|grey|gray|swollen|"
                          r"stiff|weak|floppy|dead|limp|blotchy|blurry|funny|weird|strange|tight|all|really|very|so|"
                          r"completely|totally|bright|lumpy|bumpy|big|huge|massive|fat|dark|black|wobbly|droopy|crooked|"
                          r"lopsided|up|down|to|from|out|into|over|worse|slurred|slurry|garbled|muffled|mumbly|hoarse|croaky|husky|raspy|"
                          r"quiet|heavy|hot|itchy|dizzy|faint|woozy|shaky|tingly|cold|clammy|sweaty|dim|double|odd|"
                          r"patchy|hazy|misty|cloudy|fuzzy|dull|thick|swollen|puffy|raised|bumpy|wonky|slack|saggy|"
                          r"droopy|confused|vague|muddled)\b)"))
    for lit in ["got better", "gotten better", "getting better", "is better", "are better", "went away",
                "gone away", "cleared up", "cleared",
                "settled", "settled down", "resolved", "subsided", "went down", "gone down", "has gone down",
                "disappeared", "improved", "improving", "is fine now", "are fine now", "back to normal",
                "no longer", "has stopped", "have stopped", "recovered", "eased",
                "came round", "came to", "all clear", "gone by", "was fine after", "no issues since",
                "well controlled", "under control", "nothing since", "never since", "not since", "been fine since", "fine ever since", "fine since",
                "ok since", "okay since", "all good since",
                "zero falls since", "no falls since", "gradually fading", "fading", "all gone", "all gone now", "steadier",
                "eased off", "calmed down", "all fine now", "okay now", "ok now", "fine now"]:
        out.append(_r(lit, HISTORICAL, "BIDIRECTIONAL", max_scope=8))
    # "it passed", not "passed out" (a cue inside a symptom cut short the scope of "last year" before it:
    # "last year I passed out getting blood drawn" read as now)
    out.append(_r("passed", HISTORICAL, "BIDIRECTIONAL", max_scope=8, pattern=r"\bpassed\b(?! out\b| away\b)"))
    # "it stopped", not "since I stopped the shots" (the treatment stopped, not the symptom)
    out.append(_r("stopped", HISTORICAL, "BIDIRECTIONAL", max_scope=8,
                  pattern=r"\bstopped\b(?! (?:the|my|his|her|their|taking|having|getting|doing|going|b12|injections?|shots?|"
                          r"jabs?|treatment|tablets?|medication|work|working|driving)\b)"))
    # --- another person (still escalates) -----------------------------------------------------
    out.append(_r("another person", FAMILY, "BIDIRECTIONAL", pattern=ANOTHER_PERSON))
    # --- scope breaks ----------------------------------------------------------------------
    for lit in ["but", "however", "although", "though", "except", "yet", "now", "and now", "then",
                "which", "so", "because", "also", "plus", "and", ",", ";", ":", "-", "still",
                "apart from", "aside from", "though now", "only", "whereas", "while"]:
        out.append(_r(lit, "TERMINATE", "TERMINATE"))
    # Comparisons with the past describe getting worse now, not a past event.
    out.append(_r("than last week", "PSEUDO", "PSEUDO",
                  pattern=r"\bthan (?:last|a|the|in) (?:week|wk|month|year|time|weeks|months)(?: ago)?\b|"
                          r"\b(?:since|from) last (?:week|month)\b|\bthan (?:before|yesterday|usual)\b|"
                          r"\bthan (?:it|they|i|he|she|we|things) (?:was|were|did|used to be)(?: \w+){0,3} ago\b|"
                          r"\b(?:compared (?:to|with)|versus|vs) (?:\w+ ){0,3}ago\b|"
                          r"\b(?:compared (?:to|with)|versus|vs) (?:last|a|the) (?:week|wk|month|year|few weeks|couple of weeks)\b|"
                          r"\bas (?:\w+ )?as (?:i|it|he|she|they) (?:could|did|was|were|used to)(?: \w+){0,3} ago\b"))
    # A comparison with an earlier episode is about now: "tight band round my chest like last yr".
    out.append(_r("like last year", "PSEUDO", "PSEUDO",
                  pattern=r"\b(?:like|same as|just like|as it was|as it did|as) last (?:year|yr|time|week|wk|month|winter|summer)\b|"
                          r"\blast time (?:that|it|this) (?:happened|was)\b"))
    # Not gone is still there ("hives haven't gone, they're creeping up my neck"); sight, voice or
    # strength gone is lost, not over ("vision in my right eye has just gone").
    out.append(_r("have not gone", "PSEUDO", "PSEUDO",
                  pattern=r"\b(?:has|have|had|is|are) not (?:yet )?(?:cleared|settled|eased|calmed|stopped|subsided|"
                          r"gone away|gone down)\b|\b(?:has|have|had|is|are) not (?:yet )?gone\b(?! (?:faint|dizzy|numb|pale|blue|grey|gray|"
                          r"white|red|floppy|weak|woozy|wobbly|limp|puffy|swollen|blotchy|quiet|funny|weird|strange|all|very|really|so)\b)|"
                          r"\bnot (?:gone|going) (?:away|down)\b|"
                          r"\b(?:vision|sight|eyesight|voice|speech|hearing|feeling|strength|balance)\b(?: (?:in|on|of) (?:my|his|her|the) "
                          r"\w+(?: \w+)?)?(?: has| have| is| just| completely| totally| suddenly| all)* gone\b"))
    # A start point is not the past: "since my last injection six weeks ago my memory ...".
    out.append(_r("since my injection weeks ago", "PSEUDO", "PSEUDO",
                  pattern=r"\bsince (?:my|the|her|his) (?:last |first )?(?:injection|jab|shot|dose)(?: \w+){0,3} ago\b"))
    # A recent window is now, not the past: "over the last 30 minutes", "since breakfast".
    out.append(_r("in the last 30 minutes", "PSEUDO", "PSEUDO", pattern=RECENT_WINDOW))
    # A negation that restates something as stronger: "it is not a little rash, it is everywhere".
    out.append(_r("not just a small", "PSEUDO", "PSEUDO",
                  pattern=r"\bnot (?:just |only |merely |simply |really )?(?:a |an |some )?(?:little|small|tiny|"
                          r"mild|slight|minor|normal|ordinary|bit of|few)\b|\bnot just\b|\bno (?:little|small|mild|"
                          r"ordinary|normal)\b|\bnot (?:like|anything like) (?:before|last time|the usual)\b"))
    # Exclamations: "oh no my lips are swelling" is not a negation.
    out.append(_r("oh no", "PSEUDO", "PSEUDO",
                  pattern=r"\b(?:oh|uh|omg|god|please|help|no) no\b|\bno (?:my|his|her|their|i|it|the|this|now|"
                          r"wait|please|help)\b"))
    # Cues that look like negation but are not.
    # "idk if I should call an ambulance, I can't breathe": whether to act, not a condition
    out.append(_r("not sure if I should", "PSEUDO", "PSEUDO",
                  pattern=r"\b(?:not sure|unsure|idk|i do not know|do not know|dunno|wondering|wonder|no idea) (?:if|whether) "
                          r"(?:i|we|you) (?:should|need|ought|have)\b|\b(?:not sure|unsure|idk|dunno) (?:if|whether) "
                          r"(?:this|it) (?:counts|is)\b"))
    # "what's not fine is this tightness in my chest": the symptom is what is wrong, not denied
    out.append(_r("what is not fine is", "PSEUDO", "PSEUDO",
                  pattern=r"\b(?:what|the (?:thing|bit|part|problem)(?: that)?) (?:is|'s) not (?:fine|ok|okay|normal|right|good|great|"
                          r"alright|all right|so good|so great)\b|\bnot (?:fine|ok|okay|alright|all right) (?:is|are)\b"))
    for lit in ["not better", "no better", "not getting better", "not improving", "no ,", "no,", "not only", "no idea", "nothing helps", "not helping", "no one",
                "nobody", "not sure what", "not normal", "no joke", "no matter"]:
        out.append(_r(lit, "PSEUDO", "PSEUDO"))
    return out
