"""When a message dates a symptom: words for now and the last minutes or hours, a sudden onset, a
time long past, a trend over days, things getting better or worse, and a turn in the message.
Shared vocabulary of the red-flag readings (detector.py and the modules it calls); no spaCy here."""
from __future__ import annotations

import re

from .targets import RECENT_WINDOW


# Present-tense, first-person statements: "I have", "my lips are swelling", "right now".
CURRENT = re.compile(
    r"\bi (?:am|have|got|feel|felt|keep|just|suddenly|cannot)\b|"
    r"\b(?:right now|currently|at the moment|just now|this morning|this evening|tonight|today|"
    r"minutes? ago|hours? ago|an hour ago|since (?:my|the|this|last)(?! diagnos\w*))\b|"
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
    r"(?:mins?|minutes?)|just (?:gave|went|stopped|collapsed|dropped|fell))\b")
STRONG_CURRENT = re.compile(r"\b(?:right now|currently|at the moment|just now|this minute|this second|(?:a few|\d+|ten|twenty|"
                             r"fifteen|thirty|five) (?:mins?|minutes?) ago)\b|" + RECENT_WINDOW)
# A past-tense report before the symptom ("I had trouble breathing once, years ago"): with a time
# in the past in the same sentence, reached only across commas, the symptom is historical.
PAST_REPORT = re.compile(r"\b(?:i had|i have had|i've had|i got|i was|i used to|i once had|had a|had some|"
                          r"i experienced|i noticed|i felt|i suffered|i'd|had|collapsed|fainted|passed out|reacted|developed)\b|"
                          r"(?:^|[.!?,] )(?:felt|went|got)\b|\b(?:swelled|swelled up|came out in|broke out)\b")
# The message ends by saying things are better or fine ("the swelling went down", "I sat down
# and felt fine"), with nothing after it that turns it round and nothing worsening anywhere.
REASSURING = re.compile(
    r"\b(?:got better|gotten better|getting better|is better|are better|much better|"
    r"feel(?:s|ing)? better|felt better|went away|gone away|going away|went down|gone down|going down|"
    r"cleared up|settled(?: down)?|resolved|subsided|disappeared|improv\w*|eased(?: off)?|(?:\d+ ?%|mostly|almost|nearly|half) gone|"
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
RED_FLAG_WORD = re.compile(
    r"\b(?:breath\w*|breathe\w*|wheez\w*|whistl\w*|squeak\w*|chok\w*|swell\w*|swollen|puff\w*|throat|tongue|lips?|"
    r"rash\w*|hives|welts?|faint\w*|pass\w* out|collaps\w*|chest|numb(?!er)\w*|tingl\w*|weak\w*|slurr\w*|droop\w*|"
    r"dizz\w*|seizure\w*|vision|sight|blind\w*)\b")
TURN = re.compile(r"\b(?:but|then|now|however|although|though|except|until|suddenly|still|yet|again|"
                   r"after that|and then)\b")
WORSENING = re.compile(r"\b(?:not|no|never|isn't|hasn't|haven't|won't|didn't) (?:\w+ )?(?:better|improv\w*|"
                        r"fine|ok|okay|go(?:ne)? away|gone down|went down|settled|normal)\b|"
                        # "not worse", "no worse than last month", "not spreading": said not to be worse; "the worse
                        # headache of my life" (normalised from "worst") is a superlative, not a trend
                        r"\b(?<!not )(?<!no )(?<!never )(?<!any )(?<!the )(?:worse|worsen\w*|spreading)\b|\b(?:cannot|can't)\b|"
                        # a plea ("help", "please help me"), not "can b12 help her?"
                        r"(?<!can )(?<!could )(?<!would )(?<!will )(?<!might )(?<!does )(?<!to )(?<!b12 )(?<!it )(?<!that )"
                        r"\bhelp\b(?! (?:her|him|them|with|it|his|their|the|a|to|you)\b)"
                        r"(?! (?:me|us) (?:reassure|understand|figure|decide|work|know|find|book|plan|choose|sort|with|to|out)\b)")
ONSET_SHORT = re.compile(r"\b(?:suddenly|sudden|all of a sudden|out of (?:nowhere|the blue)|just now|"
                         r"(?:a few|some|ten|\d+|five|fifteen|twenty|thirty) (?:mins?|minutes?) ago|"
                         r"(?:half an|an|one|two|\d+) hours? ago|(?:in|within) the (?:last|past) (?:few )?(?:minutes?|hour)|"
                         # "I woke this morning to find I cannot see out of my right eye ... It was perfectly fine last night"
                         # "woke up from a nap and cant see out of my right eye at all ... was fine this morning"
                         r"woke(?: up)?(?: from (?:a|my|his|her|an afternoon) (?:nap|sleep|snooze|doze|kip|lie down|lie in))?"
                         r"(?: this morning| today)? (?:to find|and found|unable|and (?:cannot|could not|can not))|"
                         r"(?:(?:it|i|he|she) was|(?<=[.!?] )was|^was) (?:perfectly |totally |completely |absolutely )?(?:fine|ok|okay|normal) "
                         r"(?:last night|yesterday|this morning|at breakfast|at lunch|an hour ago))\b")
TODAY = re.compile(r"\b(?:today'?s?|tonight|this (?:morning|afternoon|evening)|right now|now)\b")
TURNS = re.compile(r"\b(?:but|however|though|although|yet|except)\b")
# what follows is said to be the truth after all ("..., or so I told the nurse. Honestly it has spread")
FRANKLY = re.compile(r"\b(?:honestly|truthfully|actually|in fact|to be honest|tbh|in truth|the truth is|if i am honest)\b")


# A time long past in the symptom's sentence ("as a child", "years ago", "in 2021", "before my diagnosis"),
# with nothing in that sentence in the present tense or dated to now: the episode is over.
FAR_PAST = re.compile(
    r"\b(?:as (?:a|an) (?:kid|child|teen\w*|baby|youngster|toddler|infant|little (?:one|boy|girl)|schoolboy|schoolgirl)|when (?:i|he|she) (?:was|were) (?:young|little|a kid|a child|"
    r"younger|small|a teenager|\d+)|(?:many |several |a few |some |two |three |\d+ )?years? (?:ago|back|before)|"
    r"(?:a few |several |some |a couple of |couple of |\d+ |two |three )?(?:months|weeks) back|a (?:month|year) back|"
    # a year or more in months ("about eighteen months ago now")
    r"(?:\d\d|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[- ]\w+|thirty) months? ago"
    r"(?: now(?=[,.;:]))?|years? ago now(?=[,.;:])|"
    r"(?:two|three|four|five|several|a few|some|\d+|many|a couple of|couple of) (?:summers|winters|springs|autumns|christmases|easters) ago|"
    r"(?:back )?in (?:19|20)\d\d|(?:flashback|throwback|way back|back) to (?:19|20)\d\d|(?:flashback|throwback) to (?:my|the|that|when)|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|a few|several) years on|in the (?:19|20)?\d0'?s|"
    r"in the (?:sixties|seventies|eighties|nineties)|(?<!like )(?<!as )last (?:year|yr)|decades? ago|when (?:i|he|she|we) (?:first )?(?:started|began)|"
    r"when (?:i|she|my wife|my partner) (?:was|were) (?:\w+ )?pregnant|during (?:my|her) (?:\w+ )?pregnancy|"
    r"(?<!like )(?<!as )last (?:summer|winter|spring|autumn|fall|christmas|easter)|"
    r"(?:in|at) (?:high school|secondary school|primary school|college|uni|university|school)|(?:a )?long time ago|ages ago|in my (?:teens|twenties|thirties|childhood|youth)|"
    r"before (?:my |the |i was |being )?(?:diagnosis|diagnosed))\b")
PRESENT = re.compile(r"\b(?:is|are|am|i'm|it's|keeps?|keeping|(?<!could not )feel|feels|feeling|have been|has been|still|now|today|"
                      r"tonight|just|right now|currently|this (?:morning|afternoon|evening|week))\b")
TREND = re.compile(r"\b(?:more (?:and|n|&) more|every day|each day|day by day|week by week|every week|each week|"
                    r"by the day|getting worse|worse and worse)\b")
IMPROVING = re.compile(r"\b(?:shrunk back|receded|retreated|(?:numbness|tingling|pins and needles|pain|weakness|confusion|fog|dizziness)\b(?: \w+){0,4} "
                        # "... is less and less every month", not "less and less manageable", "less of a worry than"
                        r"(?:is|are|gets?|getting|has got) less(?: and less)?(?=\s*(?:$|[,.;!?]|now\b|every\b|each\b|since\b|day\b|"
                        r"week\b|month\b|these\b|lately\b|than (?:before|it was|they were)\b))|"
                        r"steadier|better|improv\w*|easier|fading|settling|easing|less (?:and less )?(?:numb|wobbly|tingly|unsteady|"
                        r"forgetful|muddled|confused|clumsy|foggy)|now (?:just|only) (?:in|at|on)|stopped (?:tripping|falling|stumbling))\b")
# with its subject, which is no present report of the sign ("they sorted it quick and it is all gone now")
RESOLVED_NOW = re.compile(r"\b(?:(?:it|that|this|they|everything) (?:is|are|has|have)(?: been)? )?(?:all |completely |totally )?"
                          r"(?:gone|fine|ok|okay|better|normal|cleared|settled) (?:now|at the moment|these days)\b|"
                          # "mine's fine at the moment": the patient's own, said to be fine
                          r"\b(?:mine|mine is|mine's|i am|i'm) (?:all |absolutely |perfectly |totally )?(?:fine|ok|okay|good|grand) "
                          r"(?:at the moment|currently|right now|for now)\b")


# A feeling about it, no symptom: "I am a bit nervous about that", "I was wondering".
WORRIED = re.compile(r"\bi (?:am|feel|felt|was|'m)(?: (?!currently\b|now\b|still\b|right\b)\w+){0,2}? (?:freaked|scared|worried|nervous|anxious|spooked|terrified|"
                     r"panick\w*|afraid|wondering|curious|concerned|put off|unsettled|shaken)\b")


# A sudden onset denied ("no sudden stuff, nothing like a stroke, but ..."): not an onset.
NO_ONSET = re.compile(r"\b(?:no|not|nothing|never|was not|is not|were not|did not come on)(?: so| very| really| at all)? "
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
RESOLVED = re.compile(
    r"\b(?:it|that|this|they|which|the (?:\w+ )?(?:rash|swelling|hives|itch\w*|dizziness|tightness|numbness|spots|blotches|"
    r"reaction|episode|attack|feeling))(?: all| soon| quickly)? (?:passed|settled(?: down)?|went away|went down|cleared(?: up)?|"
    r"calmed down|eased(?: off)?|wore off|stopped|subsided|resolved|disappeared|faded|was gone|"
    r"(?:is|are|has|have)(?: all| completely| totally)? gone(?: now)?)\b|"
    # "antibiotics sorted it", "the nurse sorted me out"
    r"\b(?:antibiotics|an inhaler|piriton|antihistamines?|steroids|they|the (?:nurse|doctor|gp|paramedics?|hospital)) "
    r"sorted (?:it|that|me|him|her|them)(?: out| right up)?\b|"
    r"\b(?:now )?(?:i|he|she|they|we) (?:am|is|are|was|were|have been|has been|had been|felt|feel|feels|came round and was)"
    r"(?: (?!not\b|never\b|otherwise\b|generally\b|mostly\b|usually\b|normally\b|always\b|typically\b|basically\b)\w+)? "
    r"(?:fine|ok|okay|alright|all right|well|good|grand|normal|perfectly well|healthy|"
    r"back to normal|recovering(?: well)?|recovered|doing (?:fine|well|ok|okay|great)|on the mend|right as rain)\b(?: now\b| today\b)?"
    r"(?! (?:otherwise|apart from|except|in (?:my|him|her)sel))|"
    r"\bbut (?:it |they )?(?:went|gone) (?:down|away)\b|\b(?:all|was|were|got) sorted(?: now| out)?\b|\b(?:has not|have not|hasnt|havent|never) happen\w* (?:since|again)\b|"
    r"\b(?:has not|have not|hasnt|havent|never|not) (?:fainted|passed out|collapsed|blacked out|had (?:one|it|another|any))(?: again)? since\b|"
    r"(?<!not )(?<!never )(?<!not been )(?<!never been )\b(?:been )?(?:fine|well|ok|okay|normal) (?:ever )?since\b|"
    r"\b(?:and|but) (?:is|are|was|were|seems?|looks?|feels?) (?:(?!not\b)\w+ )?(?:fine|ok|okay|alright|well)\b(?: now\b)?")
NOW_DATED = re.compile(r"\b(?:today'?s?|tonight|this (?:morning|afternoon|evening)|right now|just now|at the moment|"
                        # not "can i still have b12?" (nevertheless)
                        r"currently|(?<!can i )(?<!could i )(?<!should i )(?<!may i )(?<!do i )(?<!can he )(?<!can she )(?<!to )still"
                        # the appointment, not the sign ("still on for thursday's jab?")
                        r"(?! on for| ok for| okay for| fine for| good for| going ahead| booked| due)|(?<!not )(?:is|are) here|(?<!not )(?:(?:is|are|sitting|standing|here|right) (?:here )?with me|"
                        r"next to me|beside me|in front of me))\b")


def dated_now(text: str) -> bool:
    """The text dates something to now or to the last minutes or hours (a denied onset does not)."""
    return bool(STRONG_CURRENT.search(text) or ONSET.search(NO_ONSET.sub(" ", text)))


def now_after(rest: str) -> bool:
    """The text after a question dates something to now or says it is here."""
    return dated_now(rest) or bool(REFERS_NOW.search(rest))
# a time of today in the sentence: the sign came then, whatever else has been getting worse for weeks
# (the words of TODAY, and a meal or getting up)
A_TIME_TODAY = re.compile(TODAY.pattern + r"|\b(?:at (?:teatime|tea time|tea|lunch|lunchtime|breakfast|dinner|supper)|"
                           r"since (?:lunch|breakfast|dinner|tea|supper|this morning)|when (?:i|he|she|they) (?:got|woke|stood|sat) up)\b")
SLOW_TREND = re.compile(r"\b(?:gradual\w*|slowly|bit by bit|little by little|week by week|month by month|"
                         r"over (?:the )?(?:past|last) (?:few |couple of |several |\w+ )?(?:weeks?|months?|fortnight)|"
                         r"for (?:weeks|months)|(?:weeks|months) now)\b")
REFERS_NOW = re.compile(r"\b(?:got|have got|i have|i have got|having|i am getting|getting) (?:them|it|those|these|that|one)\b(?! (?:checked|tested|looked|done|before|once))|"
                         r"\b(?:they|it)(?: are| is)? (?:\w+ )?(?:spreading|swelling|closing|getting worse|all over|coming up)\b|"
                         # "... would that be a stroke? happening to my husband now", "mine just went dark",
                         # "it is at the knees now", "it is the lady next to me", "gran cannot remember my name now"
                         r"\bhappening (?:to (?:me|him|her|them|us|my \w+) )?(?:right )?now\b|"
                         r"\bmine (?:has |have |is |just |has just |is now |now )?(?:went|gone|going|started|doing|done|happened|happening)\b|"
                         r"\b(?:it|they) (?:is|are) (?:at|in|up to|past|above|reaching) (?:the |my |his |her |both )?\w+ now\b|"
                         r"\b(?:it|this|that) is (?:the|my) (?:\w+ ){0,2}(?:next to|beside|with) me\b|"
                         r"\b(?:cannot|can not|could not) (?:remember|recogni[sz]e|see|speak|talk|move|feel|stand|walk)\b(?: \w+){0,3} now\b")
PROGRESSIVE = re.compile(r"\b(?:is|are|am|'s|'re|keeps?)\s+(?:\w+\s+)?\w+ing\b")
NOW_WORD = re.compile(r"\b(?:now|right now|today|tonight|still|just)\b")
SUDDEN = re.compile(r"suddenly|sudden|all of a sudden|out of (?:nowhere|the blue)|without (?:any )?warning|abruptly")
