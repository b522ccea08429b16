"""Red-flag target rules: what counts as a red-flag symptom mention.

Every pattern is a regular expression over normalised text (see `normalise.py`: lowercase,
"can't" -> "cannot", common misspellings fixed). Each rule names a category; the category
decides the escalation level. Patterns err towards matching: a missed red flag is the worst
defect, an extra cautious escalation is acceptable.
"""
from __future__ import annotations

from dataclasses import dataclass

EMERGENCY = "emergency"
URGENT = "urgent"

# category -> level
LEVELS = {
    "breathing": EMERGENCY,
    "swelling": EMERGENCY,
    "rash": EMERGENCY,
    "chest": EMERGENCY,
    "fainting": EMERGENCY,
    "anaphylaxis": EMERGENCY,
    "stroke_signs": EMERGENCY,
    "neuro_sudden": EMERGENCY,
    "neuro_worsening": URGENT,
    # a neurological deficit whose onset the message does not date: urgent, or an emergency when
    # the message says it came on within minutes or hours (see detector.ONSET)
    "neuro_deficit": URGENT,
}
# Categories that are matched so that they win over a broader red-flag match, but never escalate.
NON_ESCALATING = {"mild_local", "negated_statement", "lab_values"}

# A gap of a few words that does not cross a negation or a clause break.
_GAP = r"(?:(?!\b(?:no|not|never|without|but)\b)[a-z0-9' ]){0,30}?"
_SHORT_GAP = r"(?:(?!\b(?:no|not|never|without|but)\b)[a-z0-9' ]){0,16}?"

_BREATH = r"(?:breath\w*|br[ea]{1,2}th\w*|brething|oxygen|air in)"
_DIFFICULT = (
    r"(?:cannot|unable to|hard(?:er)? to|hardly|barely|struggl\w*|trouble|troubles|difficult\w*|"
    r"difficulty|problems?|issues?|hard time|labou?r\w*|fight\w* (?:to|for)|gasp\w*|short of|"
    r"shortness of|out of|catch|could not|can barely|not able to|tough to)"
)
_FACE = (
    r"(?:face|facial|lips?|tongue|throat|mouth|(?<!an )eyes?(?! out\b| on\b)|eyelids?|cheeks?|jaw|neck|airways?|"
    r"hands?|gums?|whole head)"
)
_SWELL = (
    r"(?:swell\w*|swollen|swole|puff\w*|puffy|bloat\w*|blown up|blowing up|ballooned|ballooning|"
    r"bigger|enlarg\w*|thick\w*(?! (?:gloves?|mittens?)\b)|inflated)"  # "hand as if in a thick glove": numbness
)
# glove-like numbness: "my hands feel like they're wearing thick gloves"
_GLOVES = r"(?:wearing|in) (?:a )?(?:thick |woolly |wooly |rubber |heavy )?(?:gloves?|socks?|mittens?)"
_NEURO = (
    r"(?:numb\w*|tingl\w*|pins and needles|prickl\w*|weak\w*|balance|unsteady|wobbl\w*|clumsy|"
    r"falling|falls|fall over|stumbl\w*|vision|eyesight|sight|blurr\w*|blurry|seeing double|"
    r"double vision|confus\w*|memory|forgetful\w*|brain fog|foggy|walking|coordination|"
    r"burning (?:in )?(?:my |his |her )?(?:feet|hands)|feeling in (?:my|his|her|their) "
    r"(?:feet|hands|legs|toes|fingers|arms)|neuropathy|nerve\w*|legs? (?:giving|gave) way|"
    r"speech|talking|feet|legs|hands|eyes(?! (?:are |is )?(?:all |so |really |very |a bit |completely )?(?:swell\w*|puff\w*|swollen|puffy))|seeing|muddled|disorient\w*|steady|grip|memry|memmory|"
    r"fingers|toes|words|forget\w*|handwriting|writing|buttons|dropping things|falls|falling over|"
    r"repeating (?:him|her|my|them)sel(?:f|ves)|asking the same (?:thing|question)s?|" + _GLOVES + ")"
)
# Getting worse over days or weeks (urgent). "Sudden" is not here: a sudden deficit is an
# emergency (see `_SUDDEN`).
_WORSE = (
    r"(?:worse|worser|worsening|worsen\w*|getting bad|spread\w*|increas\w*|more and more|progress\w*|"
    r"deteriorat\w*|moving up|creeping up|going up|travell?ing up|now in(?! (?:january|february|march|april|may|june|july|august|september|october|november|december)\b)|now up|now reaching|"
    r"up to my|not improving|no better|not getting better|back again|"
    r"returned|coming back|came back|stronger|more often|"
    r"more frequent|spreading|going numb|gone numb|went numb|each day|every day|every morning|"
    r"every week|each week|day by day|by the day|week by week|harder and harder|less and less|"
    r"downhill|declin\w*|steadily(?! (?:improv\w*|better|recover\w*|eas\w*|reced\w*|clear\w*))|more useless|useless|slowly going|going fast|unreadable|illegible|a scrawl|"
    r"higher up|higher and higher|further up|evry day|every single day|every few days|"
    # "gone from my toes to halfway up my calves", not "gone from a 7 to about a 2"
    r"(?:went|gone|moved|spread|crept|travell?ed) (?:up )?from (?!(?:a |an )?\d)(?:[a-z]+ ){1,3}?(?:up |right up )?(?:to|into)\b)"
)
# Onset within minutes or hours, or with no warning.
_SUDDEN = (
    r"(?:suddenly|sudden|all of a sudden|out of (?:nowhere|the blue)|without (?:any )?warning|abruptly|"
    r"in an instant|within minutes|(?:a few|some|ten|\d+) minutes ago|just now)"
)
# What a sudden neurological deficit looks like in a patient's or a relative's words.
_DEFICIT = (
    r"(?:weak\w*|numb\w*|limp|dead|heavy|paraly[sz]\w*|cannot (?:move|lift|feel|see|walk|stand|speak|talk|"
    r"hold|grip|raise|get up|understand)|could not (?:move|lift|feel|see|walk|stand|speak|talk)|unable to "
    r"(?:move|lift|feel|see|walk|stand|speak|talk)|lost (?:the )?(?:sight|vision|feeling|use|strength|"
    r"control)|loss of (?:sight|vision|feeling|use|control)|blind|vision (?:went|has gone|is gone|"
    r"went black|went dark|blacked out)|went blind|slurr\w*|droop\w*|confus\w*|garbled|jumbled|"
    r"gibberish|(?:legs?|knees?) (?:gave|giving|give|went) (?:way|out)|collaps\w*|fell|seizure\w*|"
    r"fit|wet (?:my|him|her|them)sel(?:f|ves)|double vision|seeing double|wors[et] headache)"
)

# Someone other than the patient: "my mum", "our son", "she".
ANOTHER_PERSON = (r"\b(?:my|our) (?:(?:older|younger|little|big|eldest|oldest|youngest|elder|teenage|step|baby|new|elderly|old) )?"
                  r"(?:mum|mom|mother|mam|dad|father|son|daughter|child|kid|kids|"
                  r"baby|husband|wife|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|friend|grandma|gran|granny|"
                  r"grandmother|grandpa|grandad|grandfather|brother|sister|aunt|auntie|uncle|"
                  r"patient|neighbou?r|client|resident|spouse|hubby|nan|nana|carer|roommate|"
                  r"flatmate|colleague|coworker)\b|\b(?:she|he|they)\b")

# Not followed by a person ("why do I sound like ...", "why does my throat ..."): a question about
# someone's own body is a report, "why does b12 cause a rash?" asks.
NOT_ABOUT_SOMEONE = r"(?! (?:i|i'm|my|me|we|our|he|she|his|her|they|their)\b)"

# A recent time window is the present ("over the last 30 minutes my tongue has been swelling").
RECENT_WINDOW = (r"\b(?:over|in|for|during|within|throughout) the (?:last|past) (?:few |couple of |couple |"
                 r"\d+ |[a-z]+ )?(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?)\b|"
                 r"\bthe (?:last|past) (?:few |couple of |\d+ |[a-z]+ )?(?:minutes?|mins?|hours?|hrs?)\b|"
                 # without "the": "past 3 weeks my walking gets more unsteady every day"
                 r"\b(?<!the )(?:last|past) (?:few |couple of |\d+ |two |three |four |five |six |ten )(?:minutes?|mins?|hours?|hrs?|"
                 r"days?|weeks?|months?)\b|"
                 r"\bsince (?:breakfast|lunch|dinner|tea|supper|this morning|this afternoon|last night|waking up|"
                 r"i woke up|the (?:jab|shot|injection|needle)|my (?:jab|shot|injection)|then|yesterday)\b")


@dataclass(frozen=True)
class Target:
    category: str
    pattern: str
    literal: str


def _t(category: str, literal: str, pattern: str) -> Target:
    return Target(category, pattern, literal)


TARGETS: list[Target] = [
    # --- breathing and airway -------------------------------------------------------------
    _t("breathing", "difficulty breathing", rf"\b{_DIFFICULT}\b{_SHORT_GAP}\b{_BREATH}\b"),
    _t("breathing", "breath is difficult",
       r"\bbreath\w*\b(?: is| are| feels?| has| have| got| gotten| been| become| very| really| so| all|"
       r" too| a bit)*\s?(?:hard|difficult|labou?red|shallow|tight|funny|weird|strange|fast|rapid|"
       r"noisy|wheezy|raspy|heavy|short|off|bad|scary|laboured|restricted|tough)\b"),
    _t("breathing", "short of breath", r"\b(?:short(?:ness)? of breath|out of breath|breathless\w*|sob)\b"),
    _t("breathing", "wheezing", r"\bwhee?z\w*|\b(?:squeak\w*|squeek\w*|whistl\w*)\b(?: \w+){0,5} (?:when|as|while) (?:i|he|she|they) (?:breathe|breath)\w*|"
       r"\b(?:squeak\w*|squeek\w*|whistl\w*|rattl\w*)\b(?: \w+){0,3} (?:in|from) (?:my|his|her|their|the) chest\b|"
       r"\b(?:br[ea]{1,2}th\w*|brething|chest)\b[a-z' ]{0,30}\b(?:squeak\w*|squeek\w*|whistl\w*)\b"),
    _t("breathing", "breathing through a straw", r"\b(?:breathing|breathe) (?:through|thru|via) a straw\b|"
       r"\bcannot get (?:any )?air in\b|\bcannot catch (?:my|his|her) breath\b"),
    _t("breathing", "gasping", r"\bgasp\w*"),
    _t("breathing", "choking", r"\bchok(?:e|es|ed|ing)\b"),
    _t("breathing", "not breathing",
       r"\b(?:stopp?ed breathing|not breathing|is not breathing|no air|cannot get (?:enough )?air|"
       r"suffocat\w*|air hunger|smother\w*)\b"),
    _t("breathing", "turning blue", r"\b(?:turn\w*|went|going|gone|look\w*) (?:blue|grey|gray)\b|\bblue lips\b"),
    _t("breathing", "difficulty swallowing",
       r"\b(?:cannot|hard(?:er)? to|trouble|difficult\w*|difficulty|problems?|struggl\w*|hurts? to|unable to|"
       r"(?:can|could) (?:barely|hardly|only just))"
       rf"\b{_SHORT_GAP}\bswallow\w*"),
    # a voice gone hoarse is the throat swelling (anaphylaxis), not a cold, when it is new
    _t("breathing", "hoarse voice",
       r"\b(?:voice|voise)\b(?: \w+){0,3} (?:hoarse|croaky|raspy|husky)\b|\b(?:hoarse|croaky|raspy)(?: and \w+)? voice\b|"
       r"\b(?:gone|going|went|getting|got|become|becoming|turned) (?:all |very |really |suddenly )?hoarse\b|"
       r"\b(?:voice|voise)\b(?: has| have| is| just| completely| totally| suddenly| all)* (?:gone|went|disappeared)\b|"
       r"\b(?:lost|losing) (?:my|his|her|their) voice\b"),
    # --- swelling of face, lips, tongue, throat ---------------------------------------------
    _t("swelling", "swelling of the face", rf"\b{_SWELL}\b{_GAP}\b{_FACE}\b"),
    _t("swelling", "face swelling", rf"\b{_FACE}\b{_GAP}\b{_SWELL}\b"),
    # "my lips won't stop swelling", "her tongue just will not stop puffing up": it goes on
    _t("swelling", "face will not stop swelling",
       rf"\b{_FACE}\b{_SHORT_GAP}\b(?:will|would|does|do|did|is|are|can) not (?:stop|quit) {_SWELL}\b"),
    _t("swelling", "blew up like a balloon",
       r"\b(?:face|lips?|tongue|eyes?|eyelids?|mouth|throat|cheeks?)\b(?: \w+){0,2} (?:blew|blown|blowing|puffed|puffing) up\b|"
       r"\b(?:swell\w*|blew up|blown up|puffed up|puffy) like a balloon\b"),
    _t("swelling", "something stuck in the throat",
       r"\b(?:lump|something|food|a ball|a pill|it)(?: \w+){0,2} (?:stuck|caught|lodged) in (?:my|his|her|their|the) throat\b|"
       r"\blump in (?:my|his|her|their) throat\b(?! (?:when|whenever|every time|at|watching|thinking|reading|hearing))"),
    _t("swelling", "throat tight",
       rf"\b(?:throat|airways?|windpipe)\b{_GAP}\b(?:tight\w*|clos\w*|narrow\w*|constrict\w*|restrict\w*|squeez\w*|"
       r"shut\w*|blocked|lump)\b"),
    _t("swelling", "tight throat",
       rf"\b(?:tight\w*|clos\w*|narrow\w*|constrict\w*|squeez\w*|lump)\b{_SHORT_GAP}\bthroat\b"),
    _t("swelling", "lips got big",
       rf"\b{_FACE}\b{_GAP}\b(?:(?:very|so|really|too|getting|become|becoming|became|gone|went|got) "
       r"(?:big|huge|fat|massive)|huge|massive|twice the size|double (?:the )?size)\b"),
    _t("swelling", "angioedema", r"\bangio\w*edema\b|\bangioedema\b"),
    # --- hives and significant rash ---------------------------------------------------------
    _t("rash", "hives", r"\b(?:hives?|welts?|wheals?|weals?|urticaria|nettle rash)\b"),
    _t("rash", "rash", r"\brash\w*\b(?! (?:of (?!\w*(?:spots|bumps|hives|welts|blisters|red))|decision|decisions|move|promise|thing|choice))"),
    _t("rash", "breaking out", r"\b(?:br(?:oke|eak\w*) out|come out in|came out in|covered in)\b"),
    _t("rash", "blotches all over",
       # ("numb patches getting bigger" is numbness, not a rash)
       r"\b(?:bumps|bumpy|lumps|lumpy|bites|blotch\w*|(?<!numb )(?<!dead )(?<!tingly )patches|spots|itch\w*|red|hot|flush\w*|hives)\b"
       r"(?:[a-z' ]){0,20}?\b(?:all over|everywhere|evrywhere|spreading|whole body|entire body|head to toe|"
       r"(?:over|on) all (?:my|his|her|the) (?:skin|body)|all (?:my|his|her) body|(?:go|going|getting|get|growing) bigger|"
       r"(?:growing|spreading) more and more)\b|"
       r"\bcovered (?:from )?head to toe\b|\b(?:raised|lumpy|itchy) (?:\w+ ){0,2}(?:patches|lumps|bumps|welts|blotches)\b"),
    # --- anaphylaxis named directly --------------------------------------------------------
    _t("anaphylaxis", "anaphylaxis",
       r"\b(?:anaphyla\w*|allergic reaction|allergic shock|having a reaction|severe reaction|"
       r"bad reaction|serious reaction|reacting badly)\b|"
       r"\b(?:used|using|use|gave|give|giving|given|injected|inject|"
       # "do I need an EpiPen?" asks; "I need my EpiPen" reports
       r"(?<!do i )(?<!will i )(?<!would i )(?<!should i )(?<!shall i )(?<!do you )(?<!does he )(?<!does she )"
       r"(?<!do people )(?<!would you )(?<!will you )need(?:ed)?(?: to use)?|grab\w*|had to use) "
       r"(?:my |his |her |the |an |their |our )?(?:epi ?pen\w*|adrenaline|epinephrine)\b"),
    # --- chest -----------------------------------------------------------------------------
    _t("chest", "clutching the chest", r"\b(?:clutch\w*|grabb\w*|grip\w*|holding) (?:at )?(?:my|his|her|their) chest\b"),
    _t("chest", "chest tightness",
       rf"\bchest\b{_GAP}\b(?:tight\w*|pain\w*|pressure|hurt\w*|heavy|heaviness|squeez\w*|crush\w*|"
       r"ache|aching|burn\w*|closing|constrict\w*|sore|weight)\b"),
    _t("chest", "tight chest",
       rf"\b(?:tight\w*|pain\w*|pressure|heav\w*|squeez\w*|crush\w*|weight|ache|constrict\w*)\b{_GAP}\bchest\b"),
    _t("swelling", "tongue like a sausage",
       r"\b(?:tongue|lips?|face|throat|mouth)\b (?:feels?|is|looks?|are)? ?(?:like|as big as) (?:a |an )?(?:sausage|balloon|brick|"
       r"golf ball|tennis ball|fat \w+)\b"),
    # "my mouth feels like it's full of cotton wool": the mouth or throat filling up
    _t("swelling", "mouth full of cotton wool",
       r"\b(?:mouth|tongue|throat)\b(?: \w+){0,4}? (?:full of|stuffed with|packed with|filled with|stuffed full of) "
       r"(?:thick )?(?:cotton wool|cotton|wool|marbles)\b"),
    _t("breathing", "cannot get a lungful",
       r"\bcannot get (?:a |any )?(?:proper |decent |full |good |deep )?(?:lungful|lungfuls|breath|air in)\b|"
       r"\b(?:puffing|panting|gasping) like (?:i|i've|i have|he|she) (?:have |has |had |just )?(?:run|ran|been running)\b"),
    _t("chest", "pressing in the middle of the chest",
       r"\b(?:tight\w*|press\w*|pressure|heav\w*|squeez\w*|crush\w*|pain\w*|ach\w*|burn\w*)\b[a-z' ]{0,25}\b"
       r"(?:in|across|on) (?:the )?(?:middle|centre|center|front) of (?:my|his|her|the) chest\b"),
    _t("chest", "weight on the chest",
       r"\b(?:elephant|weight|brick\w*|something heavy|a ton|tons)\b[a-z' ]{0,25}?\b(?:on|sitting on|"
       r"pressing on|crushing|squashing) (?:my|his|her|their) chest\b"),
    _t("chest", "heart racing",
       rf"\b(?:heart|pulse)\b{_SHORT_GAP}\b(?:racing|pounding|irregular|fluttering|skipping|"
       r"beating (?:fast|really fast|so fast|weird))\b|\bpalpitation\w*\b"),
    # --- fainting, collapse, dizziness -------------------------------------------------------
    # "a faint pink mark", "the faint bruise": an adjective for a mark, not a faint (after "a", "the",
    # "some", "slight" or "very" and before a colour or a mark only; "going faint and blue" still escalates)
    _t("fainting", "not coming round",
       r"\b(?:not|never|is not|has not|will not|did not|cannot) (?:\w+ )?(?:come|coming|came) (?:round|around|to)\b"
       r"(?! (?:that|this|it|anything|much|mind|terms|a decision|an agreement)\b)|"
       r"\b(?:went|gone|go|going) down (?:in|on) the (?:kitchen|floor|hall\w*|bathroom|street|shop|queue|car park|garden|stairs)\b"),
    _t("fainting", "fainting", r"\bfaint\w*(?<!\bfaint)|\b(?<!\ba )(?<!\bthe )(?<!\bsome )(?<!\bslight )(?<!\bvery )faint\b|"
       r"\b(?:a|the|some|slight|very) faint\b(?! (?:\w+ )?(?:bruis\w*|marks?|lines?|red\w*|pink\w*|blue\w*|purple|"
       r"yellow\w*|green\w*|brown\w*|smell|taste|trace|rash|outline|scar|spots?|patch\w*|shadow|ring|dot|whiff|hint)\b)|"
       r"\bfeel faint\b"),
    _t("fainting", "passed out", r"\bpass(?:ed|ing|es)? (?:right |clean |straight |completely |totally )?out\b|"
                                 r"\bblack(?:ed|ing)? out\b|\bblackout\b"),
    _t("fainting", "collapse", r"\bcollaps\w*|\bkeel\w* over\b|\bfell over\b|\bfell down\b|\bdropped to the floor\b|"
       r"\bwent down on the (?:floor|ground)\b|(?<!jaw )(?<!jaws )\bhit the (?:floor|ground|deck)\b|\bended up on the (?:floor|ground)\b|"
       r"\bfound (?:him|her|them|me) on the (?:floor|ground)\b|\bslumped\b|\bslump(?:ing|s)? (?:in|on|into) (?:his|her|my|their|the|a) (?:chair|seat|bed|sofa|couch|desk|wheelchair)\b|\bslump(?:ing|s)? (?:over|forward|sideways)\b|\bcrumpled\b|\bwent out like a light\b|"
       r"\bslid off (?:his|her|my|the) chair\b"),
    _t("fainting", "unconscious",
       r"\b(?:unconscious|unresponsive|lost consciousness|losing consciousness|not waking up|"
       r"(?:barely|hardly|only just|semi|half|not fully|not really) ?-?con(?:sc|c|s)ious|(?:drifting |going )?in and out of con(?:sc|c|s)ious\w*|"
       r"(?:still|floor|ground|bed|there) (?:and )?(?:is )?not responding(?! to)|"
       r"(?:he|she|they|mum|mom|mother|dad|father|husband|wife|son|daughter|baby|child|nan|gran|granny|grandma|"
       r"grandad|grandpa|partner|friend|and)(?: is| was|'s)? (?:not|isn't|wasn't|stopped) responding"
       r"(?! to (?:the |my |his |her |our |any |their )?(?:\w+ )?(?:emails?|calls?|messages?|texts?|letters?|"
       r"treatment|injections?|jabs?|shots?|b12|tablets?|medication|medicine|therapy|antibiotics?|doses?))|"
       r"will not wake up|cannot wake (?:him|her|them)|cannot be woken|not waking (?:up )?(?:properly|fully)|"
       # "he's not answering me properly" (not the phone)
       r"(?:he|she|they)(?: is| are)? not answering(?: me| us)?(?: properly| at all)?"
       r"(?! (?:the |my |his |her |our |their )?(?:phone|calls?|texts?|messages?|emails?|door|questions? about))"
       r")\b"),
    _t("fainting", "dizziness", r"\b(?:dizz\w*|light ?headed\w*|woozy|vertigo|room (?:is )?spinning|head (?:is )?spinning(?! (?:with|from|trying|over|about)\b))\b"),
    _t("fainting", "seizure", r"\b(?:seizure\w*|convuls\w*|having a fit|had a fit)\b|"
       # British "fitting": "she is fitting on the floor", not "fitting it in", "fitting well"
       r"\b(?:is|was|are|were|been|started|keeps?|keeps on|currently|still) fitting\b"
       r"(?! (?:in|into|it|them|me|him|her|the|a|an|well|fine|nicely|properly|for|with|around|round)\b)"),
    # a fit in everyday words: "her whole body started jerking", "shaking all the body, eyes go up"
    _t("fainting", "fit described",
       r"\b(?:whole|entire) body\b[a-z' ]{0,20}\b(?:jerk\w*|shak\w*|twitch\w*|spasm\w*|stiff\w*)\b|"
       r"\b(?:jerk\w*|shak\w*|twitch\w*|spasm\w*) (?:all (?:the |over (?:the |his |her |my )?)?|the whole |his whole |her whole )body\b|"
       r"\beyes (?:go|went|going|rolled|rolling|roll) (?:up|back)\b|\b(?:went|gone|going) (?:all )?stiff and (?:jerk|shak)\w*\b|"
       r"\b(?:fell|fall|falls|dropped|went) down like a (?:tree|sack|stone|log)\b|\b(?:he|she|they)\b(?: \w+)? (?:not|won't|will not|did not|didn't|does not|is not) (?:wake|waking)(?: up)?\b|"
       r"\b(?:cannot|can't|could not|couldn't) (?:wake|rouse) (?:him|her|them)\b"),
    # --- stroke-like signs (emergency) --------------------------------------------------------
    _t("stroke_signs", "slurred speech",
       r"\b(?:slurr\w*|slur[ed]\w*|slurd\w*|cannot (?:speak|talk) (?:properly|clearly|right)|cannot get (?:my|his|her) words out|"
       r"face (?:is )?(?:still )?droop\w*|droop\w* face|one side of (?:my|his|her) face|cannot move (?:my|his|her) "
       r"(?:arm|leg|side))\b"),
    _t("stroke_signs", "speech or face changed",
       r"\b(?:speech|speaking|voice|words?)\b[a-z' ]{0,20}\b(?:thick|garbled|jumbled|all wrong|not right|"
       r"not correct|not coming out|wrong|strange|funny|weird|muddled)\b|"
       r"\b(?:speak|speaks|speaking|talk|talks|talking) (?:very |really |all |so )?(?:strange|strangely|funny|"
       r"weird|nonsense|gibberish)\b|"
       r"\bcannot (?:find|get|say|form) (?:the |my |simple |any |his |her )?(?:right )?words?\b|"
       r"\b(?:not|was not|is not|were not|are not|wasn't|isn't) making (?:any )?sense\b|"
       r"\bcannot make (?:my|his|her) mouth\b|"
       r"\b(?:mouth|face|lip|smile)\b[a-z' ]{0,15}\b(?:has |have |is )?(?:dropped|drooped|fallen|sagged|slipped)\b|"
       r"\b(?:mouth|face|lip|smile)\b[a-z' ]{0,12}\b(?:going|gone|went|dropp\w*|droop\w*|sagg\w*|hang\w*) "
       r"(?:down|to one side|on (?:one|that|this|the left|the right|(?:my|his|her) (?:left|right)) side|crooked|lopsided)\b|"
       r"\b(?:mouth|lip|smile|face) (?:is |was |has |has been |keeps )?droop\w*|"
       # "the left side of his mouth is hanging"
       r"\b(?:left|right|one) side of (?:my|his|her|their|the) (?:mouth|face|lip)\b (?:is |was |has )?(?:hanging|sagging|sagged|drooping|slumped)\b|\bface\b(?: \w+){0,2} (?:feels?|looks?|is|went|gone|going) (?:all |a bit |very |really |kind of |sort of |kinda )?"
       r"(?:droopy|slack|saggy|lopsided)\b|"
       r"\b(?:arm|leg|hand|side)'s (?:gone|going) (?:all )?(?:weak|numb|dead|heavy|floppy|limp)\b|\b(?:face|mouth|smile) (?:is |looks |went )?"
       r"(?:crooked|lopsided|twisted|uneven)\b"),
    _t("stroke_signs", "wrong words come out",
       r"\b(?:strange|wrong|weird|funny|other|different) words? (?:come|comes|coming|came) out\b|"
       r"\bwords? (?:come|comes|coming|came) out (?:wrong|strange|weird|funny|jumbled|all wrong)\b|"
       r"\bmouth says? (?:the )?(?:other|another|different|wrong) (?:one|word|thing)\b"),
    _t("stroke_signs", "lights went out in one eye",
       r"\b(?:lights?|everything|it) (?:went|go|goes|gone) (?:out|black|dark|blank) in (?:my|his|her|one) (?:\w+ )?eye\b|"
       r"\b(?:black|dark|blank|nothing) (?:on|in) (?:that|one|the (?:left|right)) (?:side|eye)\b|"
       r"\b(?:left|right|one) eye (?:went|has gone|is|just went) (?:black|dark|blind|blank)\b|"
       # "cannot see out of my right eye at all, just black": sight lost in one eye, not blurring
       r"\b(?:cannot|could not) see (?:anything )?(?:out of|with|from|through) (?:my|his|her|one|the) (?:left |right )?eye\b"
       r"(?: (?:at all|any ?more)\b|(?=[ ,.]{1,3}(?:(?:it is|it's|its|just|all|only|everything is|everything's|gone|went) ){0,2}(?:black|dark|blank|nothing)\b))"),
    _t("neuro_deficit", "limb would not obey",
       r"\b(?:leg|arm|hand|foot|side)\b (?:just )?(?:would not|wouldn't|will not|won't|does not|doesn't|did not|didn't) "
       r"(?:do what|move|work|listen|obey|respond|hold me)\b|"
       r"\b(?:leg|arm|hand|foot|side)\b (?:has )?(?:just |suddenly )?(?:stopped|stop) (?:working|moving)\b"),
    _t("stroke_signs", "one side weak",
       r"\b(?:whole |all (?:of )?(?:my|his|her) )?(?:left|right|one) side\b[a-z' ]{0,25}\b(?:weak\w*|numb\w*|"
       r"limp|dead|heavy|floppy|paraly[sz]\w*|went|gone|not working|droop\w*|tingl\w*)\b|"
       r"\b(?:numb|weak|tingly|droop\w*|heavy) (?:on|down) (?:one|the left|the right) side\b|"
       r"\b(?:arm|leg|hand)\b[a-z' ]{0,25}\b(?:heavy (?:as|like) lead|like lead|floppy|limp|gone dead|went dead)\b|"
       r"\b(?:arm|leg|hand|side)\b (?:has |have )?(?:gone|went|is|feels) (?:all |completely )?"
       r"(?:numb and (?:floppy|heavy|weak|limp|useless)|floppy|useless)\b"),
    _t("neuro_deficit", "cannot hold or stand",
       r"\b(?:legs?|knees?)\b (?:just )?(?:would not|will not|could not|did not) (?:hold|support) (?:me|him|her)\b|"
       r"\b(?:cannot|could not|will not) (?:hold|grip) (?:my |his |her |a |the |onto )?(?:pen|cup|phone|fork|"
       r"spoon|mug|glass)\b|\bwill not grip\b"),
    _t("neuro_deficit", "sight lost",
       r"\b(?:half|part|most) (?:of )?(?:my|his|her|the) (?:vision|sight)\b[a-z' ]{0,15}\b(?:gone|went|missing|black|"
       r"dark)\b|\bcannot see (?:anything )?(?:out of|with|from|in) (?:my|his|her|the|one) (?:left |right )?eye\b|"
       r"\b(?:eye|vision|sight)\b[a-z' ]{0,15}\b(?:went|gone|going|turned) (?:black|dark|blank|grey)\b|"
       r"\b(?:cannot|could not) see (?:anything|at all|a thing)\b"),
    _t("neuro_deficit", "cannot stand or walk",
       r"\b(?:cannot|could not|can barely|unable to) (?:stand|walk|get up|stand up|put weight)\b|"
       r"\b(?:legs?|knees?)\b[a-z' ]{0,15}\b(?:gave|give|giving|went|gone) (?:way|out|from under)\b"),
    _t("neuro_deficit", "confused now",
       r"\b(?:extremely|very|really|terribly|completely|suddenly|badly) (?:confused|muddled|disorient\w*)\b|"
       r"\b(?:become|became|gone|got|is|went) (?:all )?(?:confused|muddled|disorient\w*)\b|"
       r"\b(?:does not|did not|doesn't|didn't|cannot|could not) (?:recognis\w*|recogniz\w*|know) "
       r"(?:me|us|our|his|her|where|who|the|anyone)\b|\bno idea where (?:she|he|i) (?:is|am|was)\b"),
    # --- sudden neurological deficits (emergency) -------------------------------------------------
    _t("neuro_sudden", "sight gone", r"\b(?:vision|sight|eyesight)\b(?: (?:in|on|of|from) (?:my|his|her|their|the|one) \w+(?: \w+)?)?"
       r"(?: has| have| is| just| completely| totally| suddenly| all)* (?:gone|went)\b"
       r"(?! (?:\w+ )?(?:blurr\w*|fuzz\w*|haz\w*|cloud\w*|dim\w*|misty|worse|a bit|slightly|gradually|slowly|bad|poor|funny|weird|"
       r"double|wonky|strange|back|up|down|off|for|to|from|a little)\b)|"
       r"\b(?:a |like a )?(?:black|dark|grey|gray) curtain\b|\bcurtain (?:came|coming|come|has come) down\b"),
    _t("neuro_sudden", "words coming out wrong",
       r"\b(?:words?|speech)\b(?: \w+){0,2} (?:coming|came|come|comes) out (?:all )?(?:wrong|funny|weird|jumbled|garbled|muddled|"
       r"slurred|backwards)\b"),
    _t("neuro_sudden", "sudden deficit", rf"\b{_SUDDEN}\b{_GAP}\b{_DEFICIT}\b"),
    _t("neuro_sudden", "deficit came on suddenly", rf"\b{_DEFICIT}\b{_GAP}\b{_SUDDEN}\b"),
    _t("neuro_sudden", "loss of bladder or bowel control",
       r"\b(?:lost|losing|loss of|lose|no) (?:all )?control (?:of|over) (?:my |his |her |their )?"
       r"(?:bladder|bowels?|pee|wee|toilet)\b|\bcannot control (?:my |his |her |their )?(?:bladder|bowels?)\b|"
       r"\bwet (?:my|him|her|them)sel(?:f|ves)\b|\bsoiled (?:my|him|her|them)sel(?:f|ves)\b"),
    _t("neuro_sudden", "sight lost in one eye",
       r"\b(?:blind in (?:one|my|his|her|the) (?:left |right )?eye|(?:cannot|could not) see (?:out of|with|from) "
       r"(?:one|my|his|her|the) (?:left |right )?eye|lost (?:the )?(?:sight|vision) (?:in|of) |"
       r"curtain (?:over|across|coming down over) (?:my|his|her) (?:eye|vision)|gone blind|went blind|"
       # "Sight in my left eye is half gone"
       r"(?:sight|vision) in (?:my|his|her|one|the) (?:left |right )?eye (?:is |has )?(?:half |partly |partially |mostly |all |just )?"
       r"(?:gone|disappeared|went))"),
    _t("neuro_sudden", "cannot move a limb",
       r"\b(?:cannot|could not) (?:move|lift|feel|raise|use) (?:my|his|her|their) (?:left |right )?(?:arm|leg|hand|foot|side|"
       r"face)\b|\b(?:arm|leg|hand|side of (?:my|his|her) (?:body|face)) (?:has )?(?:gone|went|is) "
       r"(?:limp|dead|floppy|paraly[sz]ed)\b"),
    _t("neuro_sudden", "worst headache", r"\b(?:worst|worse|most severe) headache (?:of|in) (?:my|his|her) (?:entire |whole )?life\b|"
       # "a headache, nothing like the worst of my life" compares; a negation between is no report
       r"\bheadache\b[a-z0-9' ,]{0,45}(?<!nothing like )(?<!nothing like the )(?<!nowhere near )(?<!nowhere near the )"
       r"(?<!not like )(?<!not like the )(?<!close to )(?<!close to the )\b(?:worst|worse) (?:\w+ )?(?:of|in) (?:my|his|her) (?:entire |whole )?life\b|"
       r"\b(?:worst|worse) headache (?:i have|i've|he has|she has|he's|she's) ever (?:had|felt)\b|"
       r"\bsudden\w* (?:\w+ ){0,2}(?:severe|strong|bad|terrible|excruciating|explosive|violent) headache\b|"
       r"\bthunderclap headache\b"),
    # --- neurologic symptoms getting worse (urgent) ---------------------------------------------
    _t("neuro_worsening", "feeling shrinking",
       r"\b(?:can|could) (?:still )?feel\b(?: \w+){0,2} (?:is |are |keeps )?(?:shrinking|getting smaller|less and less)\b"),
    _t("neuro_worsening", "less steady",
       r"\b(?:less|not as|not so) (?:steady|stable|sure-footed|sure on (?:my|his|her) feet|able to walk|"
       r"able to feel|coordinated)\b|\bharder (?:and harder )?to (?:walk|balance|feel|see|read|remember|"
       r"hold|button|grip|find (?:my|his|her) words)\b"),
    _t("neuro_worsening", "neurologic symptoms worse", rf"\b{_NEURO}\b{_GAP}\b{_WORSE}\b"),
    _t("neuro_worsening", "worse neurologic symptoms", rf"\b{_WORSE}\b{_GAP}\b{_NEURO}\b"),
    _t("neuro_worsening", "getting weaker",
       rf"\b{_NEURO}\b{_GAP}\b(?:getting|gotten|got|become|becoming|grown|growing) (?:weaker|harder|blurr\w*|"
       r"fuzz\w*|numb\w*|worse|clumsier|shakier|heavier|thicker|unsteady|wobbl\w*|weak)\b"),
    _t("neuro_worsening", "glove feeling thicker",
       rf"\b{_GLOVES}\b"
       r"(?:(?!\b(?:no|not|without)\b)[a-z0-9' ]){0,60}?\b(?:getting|gotten|got|grown|growing) "
       r"(?:thicker|worse|heavier|number)\b"),
    _t("neuro_worsening", "more confused",
       r"(?<!\bno )(?<!\bnot any )(?<!\bany )\bmore (?:and more )?(?:confused|forgetful|numb|unsteady|wobbly|clumsy|tingly|weak|off balance|"
       r"muddled|disoriented|disorientated)\b"),
    _t("neuro_worsening", "worse than before",
       r"\b(?:weaker|worse|number|clumsier|shakier|blurrier|more numb|more unsteady) than (?:(?:it|they|he|she|i) "
       r"(?:was|were|used to be) )?(?:before|last|yesterday|usual|it was|a week ago|a month ago)\b"),
    # "numb patches on my legs are getting bigger every few days"
    _t("neuro_worsening", "numb patch getting bigger",
       r"\b(?:numb|dead|tingly) (?:patch|patches|area|areas|spot|spots)\b(?: \w+){0,6} (?:getting|growing|got|gotten) "
       r"(?:bigger|larger|wider)\b"),
    _t("neuro_worsening", "legs giving way", r"\b(?:legs?|knees?) (?:gave|giving|give|keep giving|keeps giving) (?:way|out)\b"),
    _t("neuro_worsening", "keep falling",
       r"\bkeep\w* (?:on )?(?:falling|dropping (?:things|stuff|(?:my|his|her) \w+)|stumbling|tripping|losing (?:my )?balance)\b"),
    _t("neuro_worsening", "losing function",
       r"\b(?:losing|lost|loss of) (?:my |his |her )?(?:balance|vision|sight|eyesight|feeling|memory|"
       r"grip|coordination|strength|words|track of words)\b"),
    _t("neuro_worsening", "cannot feel anymore",
       r"\bcannot (?:feel|walk|see|stand|hold|grip|button|do (?:up )?(?:my |his |her )?(?:\w+ )?buttons|write|tie)\b[a-z' ]{0,30}\b(?:any ?more|properly|straight|"
       r"clearly|at all)\b"),
    _t("neuro_worsening", "going blind", r"\b(?:going blind|(?:vision|eyesight|sight) (?:seems to be |is )?(?:slowly )?going)\b"),
    _t("neuro_worsening", "falling again and again",
       r"\b(?:fallen|fell|falling|had (?:\w+ )?falls)(?: over| down)? (?:\w+ )?(?:times|twice|again|more often)\b|"
       r"\b(?<!no )(?<!any )more (?:and more )?falls\b|\bkeep(?:s)? falling\b|\b(?:falling|fallen|stumbling|tripping|falls) (?:over )?more\b"),
    _t("neuro_worsening", "nerve symptom, later worse",
       rf"\b{_NEURO}\b(?:(?!\b(?:no|not|never|without|but|better|improv\w*|fine|ok|okay)\b)[a-z0-9' ]){{0,70}}?"
       rf"\b(?:getting (?:worse|stronger|weaker)|gone downhill|going downhill|worse (?:each|every) (?:day|week)|"
       rf"more (?:each|every) (?:day|week)|steadily more \w+|(?:now )?up to my \w+)\b"),
    # --- mild injection-site reactions: matched so they win over "rash" and never escalate -----
    _t("mild_local", "mild injection-site reaction",
       r"\b(?:small|tiny|little|mild|slight)(?: red)? (?:rash|spot|bump|mark|lump|swelling)\w* "
       r"(?:at|around|on|near|where) (?:the |my )?(?:injection|jab|shot|needle|it went in)"
       r"(?: site| spot| area| went in)?\b"),
    # --- blood results, not the body: "my b12 keeps falling", "levels dropping again" ---------------
    _t("lab_values", "levels falling",
       r"\b(?:b12|b 12|levels?|counts?|numbers?|results?|readings?|ferritin|folate|h(?:a)?emoglobin|iron|mcv)\b"
       # (not across "but" or a body part: "still due my b12 friday but my face has dropped")
       r"(?: (?!but\b|and my\b|my (?:face|mouth|arm|leg|eye|vision|sight|speech)\b)\w+){0,4}? (?:keeps? |kept |is |are |has been |have been |has |have )?(?:falling|dropping|going down|getting "
       r"(?:low|lower|worse)|low|lower|worse|decreas\w*|declin\w*|dropped|fell|gone down|went down)\b|"
       r"\b(?:dropped|fell|went down|gone down) from \d+ to \d+\b"),
    # --- symptoms stated as absent with the negation inside the phrase ("my lips are not swollen",
    #     "the tingling is not getting worse"): matched so they win over partial matches, and so the
    #     red-flag component knows the symptom was mentioned and negated ---------------------------
    _t("negated_statement", "lips are not swollen",
       rf"\b{_FACE}\b(?: \w+)? (?:is|are|was|were|feels?|looks?|has|have|do|does|did) not(?: \w+)?(?: \w+)? "
       rf"{_SWELL}\b"),
    _t("negated_statement", "tingling is not getting worse",
       rf"\b{_NEURO}\b(?: \w+)? (?:is|are|was|were|has|have|do|does|did) not(?: \w+)?(?: \w+)? {_WORSE}\b"),
    _t("negated_statement", "face is not drooping",
       r"\b(?:face|mouth|smile|speech|voice|words|arms?|legs?|hands?|side|vision|sight|eyesight|balance|walking)\b"
       r"(?: \w+)? (?:is|are|was|were|feels?|looks?|has|have|do|does|did) not(?: \w+)? (?:droop\w*|slurr\w*|weak\w*|"
       r"numb\w*|crooked|lopsided|garbled|blurr\w*|gone|affected|changed|different|worse)\b"),
    # better than before: "I'm less breathless", "no longer dizzy"
    _t("negated_statement", "less breathless",
       r"\b(?:less|not as|no longer|not so|hardly ever|much less|a lot less) (?:breathless|short of breath|dizzy|light ?headed|"
       r"numb|tingly|wobbly|unsteady|confused|foggy|muddled|clumsy|weak)\b"),
    _t("negated_statement", "no worse than before",
       rf"\b{_NEURO}\b(?: \w+){{0,4}} (?:is |are |has been |have been |its been |it's been )?(?:no|not any|not) worse\b|"
       r"\b(?:no|not any) more (?:confused|muddled|forgetful|wobbly|unsteady|numb|tingly|weak|clumsy|breathless) than "
       r"(?:usual|normal|before|it was|they were|he was|she was)\b"),
    # a moment of light-headedness on standing: expected, not a faint
    _t("negated_statement", "light-headed for a second",
       r"\b(?:light ?headed|dizzy|woozy)\b[a-z' ]{0,25}\b(?:for a (?:second|sec|moment|minute|few seconds)|"
       r"if i stand up|when i stand up|stood up too (?:fast|quickly)|stand up too (?:fast|quickly))\b"),
    _t("negated_statement", "chest is not tight",
       r"\b(?:chest|throat|breathing|breath)\b(?: \w+)? (?:is|are|was|feels?|has) not(?: \w+)? "
       r"(?:tight\w*|clos\w*|hurt\w*|sore|heavy|bad|difficult|hard|laboured|short)\b"),
]
