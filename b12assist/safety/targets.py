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
    "neuro_worsening": URGENT,
}
# Categories that are matched so that they win over a broader red-flag match, but never escalate.
NON_ESCALATING = {"mild_local", "negated_statement"}

# A gap of a few words that does not cross a negation or a clause break.
_GAP = r"(?:(?!\b(?:no|not|never|without|but)\b)[a-z0-9' ]){0,30}?"
_SHORT_GAP = r"(?:(?!\b(?:no|not|never|without|but)\b)[a-z0-9' ]){0,16}?"

_BREATH = r"(?:breath\w*|oxygen)"
_DIFFICULT = (
    r"(?:cannot|unable to|hard(?:er)? to|hardly|barely|struggl\w*|trouble|troubles|difficult\w*|"
    r"difficulty|problems?|issues?|hard time|labou?r\w*|fight\w* (?:to|for)|gasp\w*|short of|"
    r"shortness of|out of|catch|could not|can barely|not able to|tough to)"
)
_FACE = (
    r"(?:face|facial|lips?|tongue|throat|mouth|eyes?|eyelids?|cheeks?|jaw|neck|airways?|"
    r"hands?|gums?|whole head)"
)
_SWELL = (
    r"(?:swell\w*|swollen|swole|puff\w*|puffy|bloat\w*|blown up|blowing up|ballooned|ballooning|"
    r"bigger|enlarg\w*|thick\w*|inflated)"
)
_NEURO = (
    r"(?:numb\w*|tingl\w*|pins and needles|prickl\w*|weak\w*|balance|unsteady|wobbl\w*|clumsy|"
    r"falling|falls|fall over|stumbl\w*|vision|eyesight|sight|blurr\w*|blurry|seeing double|"
    r"double vision|confus\w*|memory|forgetful\w*|brain fog|foggy|walking|coordination|"
    r"burning (?:in )?(?:my |his |her )?(?:feet|hands)|feeling in (?:my|his|her|their) "
    r"(?:feet|hands|legs|toes|fingers|arms)|neuropathy|nerve\w*|legs? (?:giving|gave) way|"
    r"speech|talking|feet|legs|hands)"
)
_WORSE = (
    r"(?:worse|worsening|worsen\w*|getting bad|spread\w*|increas\w*|more and more|progress\w*|"
    r"deteriorat\w*|moving up|creeping up|going up|travell?ing up|now in|now up|now reaching|"
    r"up to my|not improving|no better|not getting better|back again|"
    r"returned|coming back|came back|came on|suddenly|sudden|stronger|more often|"
    r"more frequent|spreading|going numb|gone numb|went numb)"
)


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
    _t("breathing", "wheezing", r"\bwhee?z\w*"),
    _t("breathing", "gasping", r"\bgasp\w*"),
    _t("breathing", "choking", r"\bchok(?:e|es|ed|ing)\b"),
    _t("breathing", "not breathing",
       r"\b(?:stopp?ed breathing|not breathing|is not breathing|no air|cannot get (?:enough )?air|"
       r"suffocat\w*|air hunger|smother\w*)\b"),
    _t("breathing", "turning blue", r"\b(?:turn\w*|went|going|gone|look\w*) (?:blue|grey|gray)\b|\bblue lips\b"),
    _t("breathing", "difficulty swallowing",
       r"\b(?:cannot|hard to|trouble|difficult\w*|difficulty|problems?|struggl\w*|hurts? to|unable to)"
       rf"\b{_SHORT_GAP}\bswallow\w*"),
    # --- swelling of face, lips, tongue, throat ---------------------------------------------
    _t("swelling", "swelling of the face", rf"\b{_SWELL}\b{_GAP}\b{_FACE}\b"),
    _t("swelling", "face swelling", rf"\b{_FACE}\b{_GAP}\b{_SWELL}\b"),
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
    _t("rash", "hives", r"\b(?:hives?|welts?|wheals?|urticaria|nettle rash)\b"),
    _t("rash", "rash", r"\brash\w*\b"),
    _t("rash", "breaking out", r"\b(?:br(?:oke|eak\w*) out|come out in|came out in|covered in)\b"),
    _t("rash", "blotches all over",
       r"\b(?:bumps|blotch\w*|patches|spots|itch\w*|red|hot|flush\w*|hives)\b"
       r"(?:[a-z' ]){0,20}?\b(?:all over|everywhere|spreading|whole body|entire body|head to toe)\b"),
    # --- anaphylaxis named directly --------------------------------------------------------
    _t("anaphylaxis", "anaphylaxis",
       r"\b(?:anaphyla\w*|allergic reaction|allergic shock|having a reaction|severe reaction|"
       r"bad reaction|serious reaction|reacting badly|epi ?pen\w*|adrenaline|epinephrine)\b"),
    # --- chest -----------------------------------------------------------------------------
    _t("chest", "chest tightness",
       rf"\bchest\b{_GAP}\b(?:tight\w*|pain\w*|pressure|hurt\w*|heavy|heaviness|squeez\w*|crush\w*|"
       r"ache|aching|burn\w*|closing|constrict\w*|sore|weight)\b"),
    _t("chest", "tight chest",
       rf"\b(?:tight\w*|pain\w*|pressure|heav\w*|squeez\w*|crush\w*|weight|ache)\b{_SHORT_GAP}\bchest\b"),
    _t("chest", "weight on the chest",
       r"\b(?:elephant|weight|brick\w*|something heavy|a ton|tons)\b[a-z' ]{0,25}?\b(?:on|sitting on|"
       r"pressing on|crushing|squashing) (?:my|his|her|their) chest\b"),
    _t("chest", "heart racing",
       rf"\b(?:heart|pulse)\b{_SHORT_GAP}\b(?:racing|pounding|irregular|fluttering|skipping|"
       r"beating (?:fast|really fast|so fast|weird))\b|\bpalpitation\w*\b"),
    # --- fainting, collapse, dizziness -------------------------------------------------------
    _t("fainting", "fainting", r"\bfaint\w*|\bfeel faint\b"),
    _t("fainting", "passed out", r"\bpass(?:ed|ing|es)? out\b|\bblack(?:ed|ing)? out\b|\bblackout\b"),
    _t("fainting", "collapse", r"\bcollaps\w*|\bkeel\w* over\b|\bfell over\b|\bfell down\b|\bdropped to the floor\b|"
       r"\bwent down on the (?:floor|ground)\b|\bhit the (?:floor|ground|deck)\b|\bended up on the (?:floor|ground)\b|"
       r"\bfound (?:him|her|them|me) on the (?:floor|ground)\b|\bslumped\b|\bcrumpled\b"),
    _t("fainting", "unconscious",
       r"\b(?:unconscious|unresponsive|lost consciousness|losing consciousness|not waking up|"
       r"will not wake up|cannot wake (?:him|her|them)|cannot be woken)\b"),
    _t("fainting", "dizziness", r"\b(?:dizz\w*|light ?headed\w*|woozy|vertigo|room (?:is )?spinning|head (?:is )?spinning)\b"),
    _t("fainting", "seizure", r"\b(?:seizure\w*|convuls\w*|having a fit|had a fit)\b"),
    # --- stroke-like signs (emergency) --------------------------------------------------------
    _t("stroke_signs", "slurred speech",
       r"\b(?:slurr\w*|cannot (?:speak|talk) (?:properly|clearly|right)|cannot get (?:my|his|her) words out|"
       r"face (?:is )?droop\w*|droop\w* face|one side of (?:my|his|her) face|cannot move (?:my|his|her) "
       r"(?:arm|leg|side))\b"),
    # --- neurologic symptoms getting worse (urgent) ---------------------------------------------
    _t("neuro_worsening", "neurologic symptoms worse", rf"\b{_NEURO}\b{_GAP}\b{_WORSE}\b"),
    _t("neuro_worsening", "worse neurologic symptoms", rf"\b{_WORSE}\b{_GAP}\b{_NEURO}\b"),
    _t("neuro_worsening", "getting weaker",
       rf"\b{_NEURO}\b{_GAP}\b(?:getting|gotten|got|become|becoming|grown|growing) (?:weaker|harder|blurr\w*|"
       r"fuzz\w*|numb\w*|worse|clumsier|shakier|heavier|unsteady|wobbl\w*|weak)\b"),
    _t("neuro_worsening", "more confused",
       r"\bmore (?:and more )?(?:confused|forgetful|numb|unsteady|wobbly|clumsy|tingly|weak|off balance|"
       r"muddled|disoriented|disorientated)\b"),
    _t("neuro_worsening", "worse than before",
       r"\b(?:weaker|worse|number|clumsier|shakier|blurrier|more numb|more unsteady) than (?:before|last|yesterday|"
       r"usual|it was|a week ago|a month ago)\b"),
    _t("neuro_worsening", "legs giving way", r"\b(?:legs?|knees?) (?:gave|giving|give|keep giving|keeps giving) (?:way|out)\b"),
    _t("neuro_worsening", "keep falling",
       r"\bkeep\w* (?:on )?(?:falling|dropping things|stumbling|tripping|losing (?:my )?balance)\b"),
    _t("neuro_worsening", "losing function",
       r"\b(?:losing|lost|loss of) (?:my |his |her )?(?:balance|vision|sight|eyesight|feeling|memory|"
       r"grip|coordination|strength)\b"),
    _t("neuro_worsening", "cannot feel anymore",
       r"\bcannot (?:feel|walk|see|stand|hold|grip|button)\b[a-z' ]{0,30}\b(?:any ?more|properly|straight|"
       r"clearly|at all)\b"),
    _t("neuro_worsening", "going blind", r"\b(?:going blind|gone blind|vision (?:is )?going|cannot see out of)\b"),
    # --- mild injection-site reactions: matched so they win over "rash" and never escalate -----
    _t("mild_local", "mild injection-site reaction",
       r"\b(?:small|tiny|little|mild|slight)(?: red)? (?:rash|spot|bump|mark|lump|swelling)\w* "
       r"(?:at|around|on|near|where) (?:the |my )?(?:injection|jab|shot|needle|it went in)"
       r"(?: site| spot| area| went in)?\b"),
    # --- symptoms stated as absent with the negation inside the phrase ("my lips are not swollen",
    #     "the tingling is not getting worse"): matched so they win over partial matches, and so the
    #     red-flag component knows the symptom was mentioned and negated ---------------------------
    _t("negated_statement", "lips are not swollen",
       rf"\b{_FACE}\b(?: \w+)? (?:is|are|was|were|feels?|looks?|has|have|do|does|did) not(?: \w+)?(?: \w+)? "
       rf"{_SWELL}\b"),
    _t("negated_statement", "tingling is not getting worse",
       rf"\b{_NEURO}\b(?: \w+)? (?:is|are|was|were|has|have|do|does|did) not(?: \w+)?(?: \w+)? {_WORSE}\b"),
    _t("negated_statement", "chest is not tight",
       r"\b(?:chest|throat|breathing|breath)\b(?: \w+)? (?:is|are|was|feels?|has) not(?: \w+)? "
       r"(?:tight\w*|clos\w*|hurt\w*|sore|heavy|bad|difficult|hard|laboured|short)\b"),
    # --- other languages: the commonest red-flag phrases (escalate, answer in English) --------
    _t("breathing", "no puedo respirar (es)",
       r"\b(?:no puedo respirar|me cuesta respirar|falta de aire|dificultad para respirar|"
       r"je ne peux pas respirer|j'?ai du mal (?:a|à) respirer|ich kann nicht atmen|atemnot|"
       r"n[aã]o consigo respirar|non riesco a respirare)\b"),
    _t("swelling", "garganta hinchada (es)",
       r"\b(?:garganta|labios|lengua|cara|gorge|l[eè]vres|langue|visage|hals|lippen|zunge|gesicht)\b"
       r"[a-zà-ÿ' ]{0,20}\b(?:hinchad\w*|inflamad\w*|gonfl\w*|geschwollen|inchad\w*)\b"),
    _t("fainting", "desmayo (es)", r"\b(?:me desmay\w*|desmayo|se desmay\w*|évanoui\w*|ohnmächtig|bewusstlos)\b"),
]
