"""Red flags in other languages, from one rule file per language (`languages/<code>.yml`).

Each file lists target patterns per category; the cues (negated, hypothetical, past, recent) that
stop a symptom from counting when they come shortly before it in the same clause; the words of
someone else's story (someone_else, told_me, own_risk); and the grammar words the readings use
(`words:`, see WORD_KINDS): no language's words are written in this module. A `recent` cue ("la
semana pasada", "letzte Woche") dates a symptom to the past like a `past` one, but not a trend: a
trend runs up to now whatever happened last week. A clinic extends the rules with its own files in
the folder named by B12_RED_FLAG_RULES_DIR: a file for a language that exists adds its patterns,
words (and replies it names), a file for a new language adds that language.

    >>> [(f.language, f.category, f.status) for f in find("de repente no puede mover el brazo")]
    [('es', 'neuro_sudden', 'current')]
    >>> [f.status for f in find("no tengo dificultad para respirar")]
    ['negated']
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from .sentences import sentence_end, sentence_start

RULES_DIR = Path(__file__).resolve().parent / "languages"
CUE_KINDS = ("negated", "hypothetical", "past", "recent")
# Someone else's story told for what it means to the patient (see _someone_elses_story)
STORY_KINDS = ("someone_else", "told_me", "own_risk")
# A clinic's file may still list clause breaks as full patterns under `cues: breaks:`.
BREAKS = "breaks"
_CUE_WINDOW = 40  # characters before a symptom that a cue may sit in (same clause only)
_LEAFLET_WINDOW = 160  # how far back a leaflet's list may start
# Grammar words each language's file lists under `words:` (regular-expression alternatives over folded
# text; English ones, from en.yml, count in every language: chat mixes them in). What each kind is for:
#   breaks       words that end a clause ("pero", "aber", "jetzt"); punctuation always does
#   now          a new point in time that starts what is happening now ("hoy", "après la piqûre", "seitdem"): a
#                negation or a past time before it does not reach the symptom after it; a condition does
#   and, new_clause   "y", "und" ... and what starts a clause of its own after them ("me", "ich", "tengo"): a
#                negation stays with its own verb ("no tengo fiebre y me cuesta respirar")
#   like         a comparison before a past time ("como hace dos años", "schlimmer als"): it is about now
#   since        a time that starts something going on now ("desde", "seit", "dall'")
#   resolved     said to be over after the symptom ("ya se me pasó", "jetzt ist alles gut")
#   otherwise    "sonst", "per il resto": what follows is about the rest, not the symptom
#   also         "também", "wieder": an earlier time it also happened, not when this one did
#   once         "una vez" (once / as soon as): dates only its own clause
#   injection    the injection's words: a time right after them dates the injection
#   but, that, was    "..., mas isso foi anos atrás": the symptom said after it to be long past
#   is_was       a copula after the injection's words: "seine letzte Spritze ist Monate her" dates the injection
#   conditional  hypothetical cues that are conditions ("si", "wenn", "au cas où"); goes_on: "et que" carries one on
#   have, first_person   "tengo", "j'ai": a first-person report that overrules a question cue around it
#   is, serious  "c'est grave": a condition about how serious it is, then a report, reports
#   that_clause  "es normal que ...": presupposes it; subjunctive: "nel caso" takes the subjunctive
#   unchanged    a trend denied inside the words read as one ("nem pior nem melhor", "nicht schlimmer")
#   whether      "no sé si", "je me demande si": the "if" after them is "whether", no condition
#   mine, here   the patient's own words ("mis", "j'ai") and "is here with me": not someone else's story
#   started      "empezó", "angefangen": a past time dates when something still going on began
#   contrast     "pero", "aber": a trend denied and then turned round ("nicht schlimmer ..., aber jetzt am Knie")
#   said_by      "dit", "sagt": a denial someone else makes ("pas pire qu'il dit")
#   clitic       "me", "mir": first-person words also in "se me hinchó la cara hace dos años", no sign of the patient now
#   lab_value    a blood-test value ("taux", "Werte"): one that collapses ("mon taux de b12 s'est effondré") is no faint
#   sudden       "de repente", "plötzlich": after a past time, a new onset ("Mi padre, que tuvo un ictus hace años, de repente ...")
#   this_is_what "¿es esto lo que el prospecto llama ...?", "c'est ce qu'a mon père": a name asked for what is there
#   first        "primera", "erste": the sign at the treatment's first dose, back when it started
#   family       family members ("abuelo", "Opa", "mamie"): someone whose own report may follow a leaflet's list
#   treatment    the injections or the treatment ("as injeções", "die Spritzen"): a time long past after "started"
#                and them dates the treatment ("Comecei as injeções há dois meses e a língua está inchando")
#   leaflet      the medicine's leaflet ("prospecto", "Beipackzettel"): a hypothetical cue naming it reaches its whole
#                list ("en el prospecto pone que puede dar reacciones alergicas graves con hinchazon de la cara")
#   nerve, spreads   nerve-symptom words ("formigamento", "fourmillements") and a rash pattern's bare "it is spreading"
#                ("ta espalhando"): the bare words after a nerve word in their clause, with no "and" between, are that
#                symptom spreading ("o formigamento nas maos ta espalhando"), no rash
#   skin         words of the skin ("manchas", "plaques", "vermelhidao"): with one around, what spreads is a rash
#   worse        "worse" and its like ("peggio", "pior", "schlimmer"): said again after a trend denied, the denial is
#                turned round ("non e peggiorata come temevo, e molto peggio")
#   complaint    other complaints ("fiebre", "dor no braco", "Fieber"): "it is over" said right after one is said of it
#                ("..., lo del dolor de cabeza ya se le paso"), not of the sign
WORD_KINDS = ("breaks", "now", "and", "new_clause", "like", "since", "resolved", "otherwise", "also", "once", "injection",
              "but", "that", "was", "is_was", "conditional", "goes_on", "have", "first_person", "is", "serious",
              "that_clause", "subjunctive", "unchanged", "whether", "mine", "here", "started", "contrast", "said_by", "clitic",
              "lab_value", "leaflet", "treatment", "family", "first", "this_is_what", "sudden", "nerve", "spreads", "skin", "worse", "complaint")
_NEVER = "(?!x)x"


def _words(words: dict, kind: str) -> str:
    return "|".join(words.get(kind, ())) or _NEVER


def _compile_words(words: dict) -> dict:
    w = lambda kind: _words(words, kind)   # noqa: E731
    return {
        "breaks": re.compile(rf"\b(?:{w('breaks')})\b|[.!?;,]"),
        "now": re.compile(rf"\b(?:{w('now')})\b"),
        "and": re.compile(rf"\b(?:{w('and')})\b"),
        "new_clause": re.compile(rf"\s*(?:{w('new_clause')})\b"),
        "like": re.compile(rf"\b(?:{w('like')})\s*$"),
        "like_at": re.compile(rf"(?:{w('like')})\b"),   # a cue that took the word in ("come anni fa")
        "since": re.compile(rf"\b(?:{w('since')})\b"),
        "resolved": re.compile(rf"\b(?:{w('resolved')})\b"),
        "otherwise": re.compile(rf"\b(?:{w('otherwise')})\b"),
        "also": re.compile(rf"\b(?:{w('also')})\b"),
        "also_after": re.compile(rf"\s*(?:{w('also')})\b"),
        "once": re.compile(rf"(?:{w('once')})"),
        "injection": re.compile(rf"(?:{w('injection')})"),
        "injection_before": re.compile(rf"\b(?:{w('injection')})\b(?: \w+){{0,2}}\s*$"),
        "that_was": re.compile(rf"\b(?:{w('but')})\s+(?:(?:{w('that')})\s+)?(?:{w('was')})\b"),
        "is_was": re.compile(rf"\w+ (?:{w('is_was')})\b"),
        "conditional": re.compile(rf"(?:{w('conditional')})\b"),
        "goes_on": re.compile(rf"\b(?:{w('goes_on')})\b"),
        "have": re.compile(rf"\b(?:{w('have')})(?: \w+)? $"),
        "first_person": re.compile(rf"\b(?:{w('first_person')})\b"),
        "severity": re.compile(rf"\b(?:{w('is')})\b(?: \w+)? (?:{w('serious')})\b"),
        "that_clause": re.compile(rf",? (?:{w('that_clause')})\b"),
        "subjunctive": re.compile(rf"(?:{w('subjunctive')})\b"),
        "unchanged": re.compile(rf"\b(?:{w('unchanged')})\b"),
        "whether": re.compile(rf"\b(?:{w('whether')})\s*$"),
        "mine": re.compile(rf"\b(?:{w('mine')})\b"),
        "here": re.compile(rf"\b(?:{w('here')})\b"),
        "started": re.compile(rf"\b(?:{w('started')})\b"),
        "contrast": re.compile(rf"\b(?:{w('contrast')})\b"),
        "said_by": re.compile(rf"\b(?:{w('said_by')})\b"),
        "clitic": re.compile(rf"(?:{w('clitic')})"),
        "lab_value": re.compile(rf"\b(?:{w('lab_value')})\b"),
        "leaflet": re.compile(rf"\b(?:{w('leaflet')})\b"),
        "treatment": re.compile(rf"\b(?:{w('treatment')})\b"),
        "family": re.compile(rf"\b(?:{w('family')})\b"),
        "first": re.compile(rf"\b(?:{w('first')})\b"),
        "this_is_what": re.compile(rf"\b(?:{w('this_is_what')})\b"),
        "sudden": re.compile(rf"\b(?:{w('sudden')})\b"),
        "nerve": re.compile(rf"\b(?:{w('nerve')})\b"),
        "spreads": re.compile(rf"(?:{w('spreads')})"),
        "skin": re.compile(rf"\b(?:{w('skin')})\b"),
        "worse": re.compile(rf"\b(?:{w('worse')})\b"),
        "complaint": re.compile(rf"\b(?:{w('complaint')})\b"),
    }


_EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    replies: dict
    targets: tuple  # (category, compiled pattern)
    cues: dict      # kind -> tuple of compiled patterns
    words: dict     # grammar kind -> compiled pattern (see WORD_KINDS)
    word_lists: dict  # grammar kind -> the language's own alternatives
    spelled: tuple = ()  # (written-out letter, its folded letter): German "oe" for "ö" (see `respell`)


@dataclass(frozen=True)
class Match:
    language: str
    category: str
    status: str  # "current", or the cue kind that stops it: negated, hypothetical, past
    start: int
    end: int


def fold(text: str, commas: bool = False) -> str:
    """Lowercase, accents removed ("está" -> "esta", "ł" -> "l"), anything not a letter or digit
    becomes one space. With `commas`, a run that held a comma becomes "," instead of " ": the same
    length, so offsets agree with the plain fold (targets are matched on the plain one, cues read
    the comma as a clause break)."""
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    folded = re.sub(r"[^a-z0-9.!?;]+", lambda m: "," if commas and "," in m.group() else " ", text)
    return folded.strip(" ,")


def respell(lang: Language, text: str) -> tuple[str, list[int] | None]:
    """The folded text as the language's rules read it: German written without umlauts ("ploetzlich",
    "haengt") read like the folded umlaut ("plotzlich", "hangt"); rule files say which letters with
    `spelled:`, and their own patterns are read the same way. Also where each character came from in `text`
    (None when nothing is respelled)."""
    if not lang.spelled or not any(a in text for a, _ in lang.spelled):
        return text, None
    out: list[str] = []
    where: list[int] = []
    i = 0
    while i < len(text):
        for written, letter in lang.spelled:
            if text.startswith(written, i):
                out.append(letter)
                where.extend([i] * len(letter))
                i += len(written)
                break
        else:
            out.append(text[i])
            where.append(i)
            i += 1
    where.append(len(text))
    return "".join(out), where


def _respelled(spelled: tuple, pattern: str) -> str:
    for written, letter in spelled:
        pattern = pattern.replace(written, letter)
    return pattern


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def _rule_files() -> list[Path]:
    files = sorted(RULES_DIR.glob("*.yml"))
    extra = os.environ.get("B12_RED_FLAG_RULES_DIR", "").strip()
    if extra:
        files += sorted(Path(extra).glob("*.yml"))
    return files


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    merged: dict[str, dict] = {}
    for path in _rule_files():
        data = _read(path)
        code = str(data.get("language") or path.stem)
        entry = merged.setdefault(code, {"name": code, "replies": {}, "targets": [], "cues": {}, "words": {}, "spelled": ()})
        entry["name"] = data.get("name", entry["name"])
        entry["spelled"] = tuple((str(a), str(b)) for a, b in (data.get("spelled") or {}).items()) or entry["spelled"]
        spell = lambda p, sp=entry["spelled"]: _respelled(sp, str(p))   # noqa: E731
        entry["replies"].update(data.get("replies") or {})
        for category, patterns in (data.get("targets") or {}).items():
            entry["targets"] += [(category, re.compile(spell(p))) for p in patterns]
        for kind in CUE_KINDS + (BREAKS,) + STORY_KINDS:
            entry["cues"].setdefault(kind, [])
            entry["cues"][kind] += [re.compile(spell(p)) for p in (data.get("cues") or {}).get(kind, [])]
        for kind, alternatives in (data.get("words") or {}).items():
            if kind not in WORD_KINDS:
                raise ValueError(f"{path.name}: unknown kind of words {kind!r} (known: {', '.join(WORD_KINDS)})")
            entry["words"].setdefault(kind, []).extend(spell(a) for a in alternatives)
    english = merged.get("en", {}).get("words", {})
    return {code: Language(code, e["name"], e["replies"], tuple(e["targets"]),
                           {k: tuple(v) for k, v in e["cues"].items()},
                           _compile_words({k: e["words"].get(k, []) + ([_respelled(e["spelled"], w) for w in english.get(k, [])]
                                                                        if code != "en" else [])
                                           for k in WORD_KINDS}),
                           {k: tuple(v) for k, v in e["words"].items()}, e["spelled"])
            for code, e in merged.items()}


def _any_language() -> dict:
    """The grammar words of every language at once, for a text whose language is not known (the
    patterns are compiled once: `re` keeps them)."""
    merged: dict[str, list] = {}
    for lang in languages().values():
        for kind, alternatives in lang.word_lists.items():
            merged.setdefault(kind, []).extend(alternatives)
    return _compile_words(merged)


def _clause_start(lang: Language, text: str, lo: int, start: int, commas: bool = True) -> int:
    breaks = [m for m in lang.words["breaks"].finditer(text, lo, start) if commas or m.group() != ","]
    breaks += [m for cue in lang.cues.get(BREAKS, ()) for m in cue.finditer(text, lo, start)]
    return max((m.end() for m in breaks), default=lo)


def _clause_end(lang: Language, text: str, at: int) -> int:
    """Where the clause holding offset `at` ends: the next clause break (punctuation or a word such as
    "pero", "aber"), or the end of the text."""
    brk = lang.words["breaks"].search(text, at)
    return brk.start() if brk else len(text)


def _status(lang: Language, text: str, start: int, end: int, trend: bool = False) -> str:
    """The status of the symptom at text[start:end] from the cues before it; a `trend` (nerve symptoms
    getting worse) runs up to now, so only the cues of its own clause count."""
    # Cues are searched in place (a look-behind sees the words before the window; a word cut by the
    # window's edge is no cue: "hace dos semanas empecé las inyecciones y no puedo respirar" is not past).
    lo = max(0, start - _CUE_WINDOW)
    clause = _clause_start(lang, text, lo, start)
    anchors = _now_anchors(lang, text, clause, start)
    since_now = anchors[-1].end() if anchors else clause
    for kind in CUE_KINDS:
        scope = clause if kind == "hypothetical" else since_now
        matches = [m for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, scope, start)]
        if kind == "hypothetical":
            # a condition continued by "et que" reaches further ("Si jamais je fais un malaise après
            # l'injection et que je tombe dans les pommes, qui ..."); not "Gdyby ktoś pytał to ...", whose
            # condition ends where the report starts
            wide = _clause_start(lang, text, max(0, start - 3 * _CUE_WINDOW), start)
            matches += [m for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, wide, scope)
                        if lang.words["conditional"].match(m.group()) and (lang.words["goes_on"].search(text, m.end(), start)
                                                                           # a question the condition opens ("was mach ich
                                                                           # eigentlich wenn ich nach der spritze ... keine
                                                                           # luft mehr krieg?")
                                                                           or text.endswith("?", 0, sentence_end(text, end) + 1))]
            # a condition whose last word is the sign's first ("e se mi si chiude la gola?")
            matches += [m for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, scope, min(len(text), start + 6))
                        if m.start() < start < m.end() and lang.words["conditional"].match(m.group())]
            # what the leaflet lists, asked about: across commas, not across a clause word, a time of now or
            # anybody's own words ("..., y al abuelo se le está hinchando la cara"), and only in a question
            listed = _clause_start(lang, text, max(0, start - _LEAFLET_WINDOW), start, commas=False)
            if text.endswith("?", 0, sentence_end(text, end) + 1):
                matches += [m for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, listed, scope)
                            if lang.words["leaflet"].search(m.group()) and not _somebody_between(lang, text, m.end(), end)]
            matches = [m for m in matches if not _reports_anyway(lang, text, m, start)
                       # "no sabemos si le ha sentado mal ... y mi madre no puede mover el brazo": whether, not if
                       and not (lang.words["conditional"].match(m.group())
                                and lang.words["whether"].search(text, max(0, m.start() - 30), m.start()))]
        elif kind == "negated":
            # "kann seinen Arm nicht mehr heben und spricht ganz verwaschen": the negation stays with its own verb
            # when a new verb or subject follows "and" ("no tengo fiebre y me cuesta respirar"); a list keeps it
            # ("nie mam wysypki i duszności")
            matches = [m for m in matches if not ((a := lang.words["and"].search(text, m.end(), start)) and lang.words["new_clause"].match(text, a.end()))]
        elif kind == "recent" and trend:   # a trend runs up to now whatever happened last week
            matches = []
        elif kind == "past" and trend:     # "W zeszłe święta zaczęło mi drętwieć ... coraz wyżej": when it began
            matches = [m for m in matches if not lang.words["started"].search(text, m.end(), start)]
        if kind in ("past", "recent"):
            matches = [m for m in matches if not _now_all_the_same(lang, text, m, scope, recent=kind == "recent")
                       # "Comecei as injeções há dois meses e estou com a língua inchando": "and I am" starts now
                       and not _and_i_now(lang, text, m.end(), start) and not _dates_the_treatment(lang, text, m, start)
                       and not (kind == "recent" and _dates_the_injection(lang, text, m, start))]
        if matches:
            return "past" if kind == "recent" else kind
    if trend:   # only the cues of its own clause, or someone else's story ("minha vizinha disse que ... formigamento subindo")
        return "past" if _someone_elses_story(lang, text, start, end) else "current"
    return "past" if _told_as_past(lang, text, start, end) or _someone_elses_story(lang, text, start, end) else "current"


def _somebody_between(lang: Language, text: str, lo: int, hi: int) -> bool:
    """Between a cue and the end of a symptom, a time of now or somebody's own words: a new clause about a person ("y al
    abuelo se le", "de ma fille", "o vovô", "estou com")."""
    return bool(_now_anchors(lang, text, lo, hi) or lang.words["first_person"].search(text, lo, hi)
                or lang.words["have"].search(text, lo, hi) or lang.words["mine"].search(text, lo, hi)
                or any(lang.words["new_clause"].match(text, a.end()) for a in lang.words["and"].finditer(text, lo, hi))
                or lang.words["family"].search(text, lo, hi)
                or any(cue.search(text, lo, hi) for cue in lang.cues.get("someone_else", ())))


def _dates_the_treatment(lang: Language, text: str, cue: re.Match, start: int) -> bool:
    """A time long past right after "started" and the treatment ("Comecei as injeções há dois meses", "empecé
    el tratamiento hace un año"): it dates the treatment, not the symptom; unless the symptom came with the
    first dose, back then ("Comecei as injeções há quatro anos e na primeira tive falta de ar")."""
    before = text[max(0, cue.start() - 40):cue.start()]
    began = list(lang.words["started"].finditer(before))
    return bool(began) and bool(lang.words["treatment"].search(before, began[-1].end())) \
        and not lang.words["first"].search(text, cue.end(), start)


def _dates_the_injection(lang: Language, text: str, cue: re.Match, start: int) -> bool:
    """A recent time right before the injection's words, then "and" and the symptom ("meine Mutter hatte letzte Woche
    ihre Spritze und ihr Gesicht ... schwellen an"): it dates the injection, not the symptom."""
    shot = re.compile(rf"(?: \w+){{0,2}} (?:{lang.words['injection'].pattern})\w*").match(text, cue.end())
    return bool(shot) and bool(lang.words["and"].search(text, shot.end(), start))


def _and_i_now(lang: Language, text: str, lo: int, hi: int) -> bool:
    """Between a past time and the symptom, "and" then the patient in the present ("e estou com", "y tengo",
    "und ich habe"): that time dated something else."""
    return any(lang.words["first_person"].match(text, a.end() + 1) for a in lang.words["and"].finditer(text, lo, hi))


def _anothers_then_mine(lang: Language, text: str, begin: int, lo: int, hi: int) -> bool:
    """A past time in someone else's part of the sentence, then the patient in the first person before the
    symptom ("la mia vicina ... l'anno scorso ha assistito il marito, dice che ho la faccia storta"; "Minha
    vizinha está aqui, ela desmaiou no natal passado, eu estou quase desmaiando"): the past is theirs."""
    if not any(cue.search(text, begin, lo) for cue in lang.cues.get("someone_else", ())):
        return False
    return bool(lang.words["first_person"].search(text, lo, hi)) \
        or any(not lang.words["clitic"].fullmatch(x.group()) for x in lang.words["mine"].finditer(text, lo, hi))


def _someone_elses_story(lang: Language, text: str, start: int, end: int) -> bool:
    """A story about someone not usually with the patient, told to them or dated to the past, asked
    about for the patient or said to be over: "minha
    vizinha disse que a irmã dela ficou com a garganta fechando depois da b12, isso é comum??",
    "ma voisine m'a raconté qu'elle avait fait un malaise ... c'est fréquent ?". The person and the
    telling come before the symptom in its sentence with nothing dating it to now between, and the
    message then asks about the patient's own risk. A neighbour on the phone who cannot breathe
    ("mi vecina me dijo que no puede respirar, ¿qué hago?") asks nothing of the sort and stays current."""
    begin = sentence_start(text, start)
    people = [m for cue in lang.cues.get("someone_else", ()) for m in cue.finditer(text, begin, start)]
    # family may be with the patient: their story counts only when dated long past ("moja siostra miała kiedyś
    # uczulenie ... i spuchły jej usta, czy to dziedziczne?")
    family = list(lang.words["family"].finditer(text, begin, start))
    if not people and family:
        # the past time between them and the sign; not one after it, which dates another episode ("Mi madre no
        # puede respirar ..., hace años tuvo alergia a la penicilina, ¿es hereditario?" is happening now)
        first = min(m.start() for m in family)
        dated = [m for cue in lang.cues.get("past", ()) for m in cue.finditer(text, first, start)]
        if not dated:
            # ... or dated to the last weeks before the sign, or right after it in its clause, and then said to be
            # over ("moj brat po swoim zastrzyku w zeszlym miesiacu zemdlal ..., ale szybko doszedl do siebie";
            # "a minha avó desmaiou no mês passado quando levou uma vacina, mas já está ótima")
            clause_end = _clause_end(lang, text, end)
            recent = [m for cue in lang.cues.get("recent", ()) for m in cue.finditer(text, first, start)]
            dated = recent + [m for kind in ("past", "recent") for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, end, clause_end)]
            if not dated or not _said_over(lang, text, start, end, end if recent else clause_end, sentence_end(text, end)):
                return False
        since = min(m.end() for m in dated)
        if lang.words["sudden"].search(text, since, end) or _now_anchors(lang, text, since, end):
            return False
        people = family
    if not people or lang.words["here"].search(text):
        return False    # "ma voisine est avec moi": she is here
    first = min(m.start() for m in people)
    # told to the patient, or dated to the past ("mia cugina è svenuta ..., ma era agosto dell'anno scorso")
    told = [m for kind in ("told_me", "past", "recent") for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, first)]
    # "after the injection" inside the story is the other person's ("powiedziała mi, że po zastrzyku miała pokrzywkę");
    # any other time of now, before the symptom or after it in its sentence, is not a story ("minha vizinha disse
    # que está com falta de ar agora, é verdade que ...": she is short of breath now), unless it says she is
    # well now ("... aveva le labbra gonfie, ora sta benissimo")
    # (nor a "now" that ends the words saying it is over: "elle va tres bien maintenant")
    after = [m for m in _now_anchors(lang, text, end, sentence_end(text, end)) if not lang.words["resolved"].search(text, m.end())
             and not any(r.end() >= m.start() - 2 for r in lang.words["resolved"].finditer(text, max(0, m.start() - 40), m.start()))]
    if not told or any(not lang.words["injection"].search(m.group()) for m in _now_anchors(lang, text, first, start) + after):
        return False
    # the patient's own symptom after the telling ("Minha colega disse que minha boca está torta")
    told_end = max(m.end() for m in people + [t for t in told if t.start() < start])
    if lang.words["mine"].search(text, told_end, end):
        return False
    # ... and asked about for the patient, or said to be over ("... e sta benissimo")
    return any(cue.search(text, end) for cue in lang.cues.get("own_risk", ())) or bool(_said_over(lang, text, start, end, end, len(text)))


def _now_all_the_same(lang: Language, text: str, cue: re.Match, lo: int, recent: bool = False) -> bool:
    """A past time compared with ("comme l'an dernier", "wie früher"), counted from ("seit der
    Diagnose letztes Jahr", "dall'anno scorso") or dating the injection ("po zastrzyku w zeszłym
    tygodniu bełkocze", a recent time only): it does not date the symptom to the past."""
    return bool(lang.words["like"].search(text, max(lo, cue.start() - 15), cue.start()) or lang.words["like_at"].match(cue.group())
                or lang.words["since"].search(text, max(lo, cue.start() - 30), cue.start())
                or (recent and lang.words["injection_before"].search(text, max(0, cue.start() - 30), cue.start())))


def _reports_anyway(lang: Language, text: str, cue: re.Match, start: int) -> bool:
    """A hypothetical cue that the same clause overrules. Hypothetical cues are of two sorts. A
    condition ("si", "wenn", "jeśli", "au cas où") keeps what follows it hypothetical, even "si tengo
    ..." in the indicative, unless it is about how serious it is or its cause and a first-person report
    follows ("au cas où c'est grave, j'ai du mal à respirer depuis la piqûre"). A question about signs
    or what something is ("Anzeichen", "c'est quoi", "sintomi di") does not hold against the patient
    saying they have it ("Ich habe Anzeichen einer Allergie", "c'est quoi ces plaques, j'ai de
    l'urticaire"), and "is it normal that ..." presupposes it ("è normale che ...")."""
    if lang.words["this_is_what"].search(text, sentence_start(text, cue.start()), start):
        return True     # "¿Es esto lo que el prospecto llama hinchazón de la lengua, ...?": they have it
    between = text[cue.end():start]
    if lang.words["subjunctive"].match(cue.group()) and lang.words["first_person"].search(between):
        return True     # "nel caso vi interessi, ho l'orticaria": "nel caso" takes the subjunctive
    if lang.words["conditional"].match(cue.group()):
        severity = lang.words["severity"].search(between)
        return bool(severity and lang.words["first_person"].search(text, cue.end() + severity.end(), start))
    if "normal" in cue.group() and lang.words["that_clause"].match(text, cue.end()):
        return True     # "è normale che il formicolio si sta allargando?": asks about what is happening
    return bool(lang.words["have"].search(text[max(0, cue.start() - 20):cue.start()]) or lang.words["first_person"].search(between))


def _told_as_past(lang: Language, text: str, start: int, end: int) -> bool:
    """A time long past further back in the sentence, reached across commas only ("Kiedyś, jakieś 10
    lat temu, zemdlałam u dentysty"), or right after the symptom in its clause ("le visage tout gonflé
    il y a 2 ans"); never across a word that starts something new ("pero", "ahora", "today"), nor
    when the sentence dates the symptom to now before it ("depuis que", "heute"). Or dated to the
    past anywhere before it in its sentence and then said to be over ("..., ale już przeszło")."""
    # dated to the past anywhere before it in the sentence and then said to be over ("Po zastrzyku w
    # zeszłym tygodniu miałam wysypkę, ale już przeszło"; "Letzte Woche nach der Spritze hatte ich
    # Atemnot, jetzt ist alles gut")
    begin = sentence_start(text, start)
    finish = sentence_end(text, end)
    over = _said_over(lang, text, start, end, end, finish)
    if over and not lang.words["otherwise"].search(text, max(begin, over.start() - 15), over.start()) and any(
            not _now_all_the_same(lang, text, m, begin) and not _anothers_then_mine(lang, text, begin, m.end(), start)
            for kind in ("past", "recent") for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, begin, start)):
        return True
    past = lang.cues.get("past", ())
    lo = max(0, start - 3 * _CUE_WINDOW)
    clause = _clause_start(lang, text, lo, start, commas=False)
    if _now_anchors(lang, text, clause, start):
        return False    # "desde que cheguei a casa ja desmaiei uma vez": dated to now before it
    # ... not when a new onset or a time of now goes with the sign ("Mi padre, que tuvo un ictus hace años, de repente
    # no puede mover el brazo"; "Tata, który w 2019 miał zawał, ma ucisk w klatce od pół godziny")
    clause_end = _clause_end(lang, text, end)
    onset_now = lang.words["sudden"].search(text, max(clause, start - 3), end) or _now_anchors(lang, text, end, clause_end)
    if not onset_now and any(
            not lang.words["once"].fullmatch(m.group()) and not lang.words["and"].search(text, m.end(), start) and not _now_all_the_same(lang, text, m, clause)
            # "ela desmaiou no natal passado depois da b12, eu estou quase desmaiando": the patient now
            and not _anothers_then_mine(lang, text, clause, m.end(), start)
            for cue in past for m in cue.finditer(text, clause, start)):
        return True
    # "..., mas isso foi anos atras": said after it, across "but", to be long past (never across a comma
    # alone: "Tengo la lengua hinchándose, eso fue hace años con la amoxicilina y se me quitó" compares a sign
    # told now with an old one, whatever was said to be over then)
    if not _now_anchors(lang, text, start, finish) and any(
            lang.words["that_was"].search(text, max(end, m.start() - 25), m.end())
            and not lang.words["also"].search(text, m.start() - 25, m.end() + 12)
            and not lang.words["like"].search(text, max(0, m.start() - 20), m.start())
            for cue in past for m in cue.finditer(text, end, finish)):
        return True
    after = text[end:clause_end]
    return not _now_anchors(lang, text, end, clause_end) \
        and any(not lang.words["like"].search(after[:m.start()]) and not _dates_another_time(lang, after, m) for cue in past for m in cue.finditer(after))


def _dates_another_time(lang: Language, after: str, cue: re.Match) -> bool:
    """A time after the symptom that dates something else: the injection as a clause of its own ("seine letzte
    B12 Spritze ist Monate her"), or an earlier time it also happened ("depois da injeção do ano passado também
    tive"); not "après sa piqûre l'an dernier" (the symptom came after that injection)."""
    injection = lang.words["injection_before"].search(after, max(0, cue.start() - 30), cue.start())
    return bool(injection and lang.words["is_was"].match(injection.group())) \
        or bool(lang.words["also_after"].match(after[cue.end():]))


def _now_anchors(lang: Language, text: str, lo: int, hi: int) -> list[re.Match]:
    """Words that date what follows to now ("heute", "après la piqûre"), unless a time in the past
    dates them right after ("après sa piqûre de B12 l'année dernière")."""
    dated = tuple(lang.cues.get("past", ())) + tuple(lang.cues.get("recent", ()))
    # ... or right before them ("l'anno scorso dopo la puntura di b12 ha avuto la faccia gonfia")
    return [m for m in lang.words["now"].finditer(text, lo, hi)
            if not any(cue.search(text, m.end(), min(len(text), m.end() + 30)) for cue in dated)
            and not any(d.end() >= m.start() - 2 or _few_words_between(lang, text, d.end(), m.start())
                        for cue in dated for d in cue.finditer(text, max(0, m.start() - 40), m.start()))]


def _few_words_between(lang: Language, text: str, lo: int, hi: int) -> bool:
    """At most two short words, no clause break and no "and", between a past time and a word of now ("Letztes
    Jahr bin ich nach der Spritze ..."; not "hace tres semanas y esta tarde"): the past time dates it."""
    between = text[lo:hi]
    return len(between.split()) <= 2 and len(between) <= 12 and not lang.words["breaks"].search(between) \
        and not lang.words["and"].search(between)


def _said_over(lang: Language, text: str, start: int, end: int, lo: int, hi: int) -> re.Match | None:
    """The first words in text[lo:hi] that say the sign at text[start:end] is over: not those said of another
    complaint named before them in their clause ("..., lo del dolor de cabeza ya se le paso", "das Fieber ist
    vorbei", "a dor no braco ja passou")."""
    for m in lang.words["resolved"].finditer(text, lo, hi):
        lead = _clause_start(lang, text, max(lo, m.start() - 40), m.start())
        if not any(c.start() >= end or c.end() <= start for c in lang.words["complaint"].finditer(text, lead, m.start())):
            return m
    return None


def _worse_again(lang: Language, text: str, same: re.Match) -> bool:
    """After a trend denied, "worse" said again in its sentence, not denied itself ("la vista non e peggiorata come
    temevo, e molto peggio"; not "nem pior nem melhor")."""
    return any(not any(u.start() <= w.start() < u.end() for u in lang.words["unchanged"].finditer(text, same.start()))
               for w in lang.words["worse"].finditer(text, same.end(), sentence_end(text, same.end())))


def _said_by(lang: Language, text: str, at: int) -> bool:
    """Someone else's words right after a denial at `at`, in its clause or straight after the comma that ends it
    ("pas pire qu'il dit", "ne meglio ne peggio, dice il neurologo, ..."); not "..., il neurologo dice che va bene
    cosi", a clause of its own, nor a denial someone else agrees with ("..., dice il neurologo che e normale")."""
    comma = text.find(",", at, at + 25)
    said = lang.words["said_by"].search(text, at, comma if comma >= 0 else at + 25) \
        or (lang.words["said_by"].match(text, _AFTER_COMMA.match(text, comma).end()) if comma >= 0 else None)
    return bool(said) and not lang.words["that_clause"].search(text, said.end(), said.end() + 25)


_AFTER_COMMA = re.compile(r",\s*")


def _nerve_spreading(lang: Language, text: str, start: int) -> bool:
    """A nerve-symptom word earlier in the clause of the words at `start`, with no "and" between and no word of the
    skin around: what spreads is that symptom ("o formigamento nas maos ta espalhando pros bracos"), not a rash
    ("sinto formigamento nos labios ta espalhando uma vermelhidao" is one)."""
    lo = _clause_start(lang, text, max(0, start - _CUE_WINDOW), start)
    nerves = list(lang.words["nerve"].finditer(text, lo, start))
    return bool(nerves) and not lang.words["and"].search(text, nerves[-1].end(), start) \
        and not lang.words["skin"].search(text, max(sentence_start(text, start), start - 80), min(sentence_end(text, start), start + 60))


def _lab_value_before(lang: Language, text: str, start: int) -> bool:
    """A blood-test value is the subject of the words at `start`: named just before them in their clause, with
    no "and" between ("mon taux de b12 s'est effondré"; not "il lisait ses résultats et il s'est effondré")."""
    lo = max(_clause_start(lang, text, max(0, start - _CUE_WINDOW), start), start - 30)
    values = list(lang.words["lab_value"].finditer(text, lo, start))
    return bool(values) and not lang.words["and"].search(text, values[-1].end(), start)


def find(text: str, spoken: str | None = None) -> list[Match]:
    """Every red-flag mention in any language's rules, with its status. Overlapping mentions of
    one language keep the first match, unless the later one runs on past it and reads differently. Where languages share a word ("urticaria") and the message
    is known to be in one of them (`spoken`), that language's reading is kept."""
    plain_commas = fold(text, commas=True)
    found: list[Match] = []
    for lang in languages().values():
        with_commas, where = respell(lang, plain_commas)
        folded = with_commas.replace(",", " ")
        mine: list[Match] = []
        taken: list[tuple[int, int]] = []
        for category, pattern in lang.targets:
            for m in pattern.finditer(folded):
                # a match inside one already taken adds nothing; one running on past it may read differently
                # ("... obrzęku twarzy, mamie puchnie język": "twarzy mamie puchnie" is the leaflet's, "puchnie
                # język" the mother's now), and counts when it does (below)
                if any(s <= m.start() and m.end() <= e for s, e in taken):
                    continue
                if category == "rash" and lang.words["spreads"].fullmatch(m.group()) and _nerve_spreading(lang, with_commas, m.start()):
                    continue
                overlapping = any(m.start() < e and s < m.end() for s, e in taken)
                taken.append((m.start(), m.end()))
                # a trend runs up to now ("W 2019 zaczęło mi drętwieć w stopach, a od tygodnia ... coraz wyżej"),
                # and one that says "now" in it is current ("há três semanas começou a dormência nos pés e
                # agora já sobe até aos joelhos")
                trend = category == "neuro_worsening"
                status = _status(lang, with_commas, m.start(), m.end(), trend)
                # (searched to the text's end, so that what follows can rule it out: "non e mai peggiorata cosi in fretta")
                same = lang.words["unchanged"].search(folded, m.start()) if trend else None
                same = same if same and same.start() < m.end() else None
                # not a denial someone else makes ("pas pire qu'il dit", "nicht schlimmer sagt der Hausarzt"),
                # nor one a "but" turns round
                # (in its own clause: "..., ne meglio ne peggio, il neurologo dice che va bene cosi" is the patient's)
                if same and not _said_by(lang, with_commas, same.end()) \
                        and not _worse_again(lang, folded, same) \
                        and not lang.words["contrast"].search(folded, same.end(), sentence_end(folded, same.end())):
                    status = "negated"   # "a dormência ... continua lá, igualzinha, nem pior nem melhor"
                if trend and status == "past" and lang.words["now"].search(folded, m.start(), m.end()):
                    status = "current"
                if category == "fainting" and status == "current" and _lab_value_before(lang, with_commas, m.start()):
                    status = "mild"   # "mon taux de b12 s'est effondré": a blood-test value fell, nobody fainted
                if overlapping and any(f.category == category and f.status == status
                                       and f.start < m.end() and m.start() < f.end for f in mine):
                    continue    # the same sign read the same way ("de repente no puede mover el brazo")
                mine.append(Match(lang.code, category, status, m.start(), m.end()))
        # (offsets in the folded text, whatever the language respelled)
        found += [replace(f, start=where[f.start], end=where[f.end]) for f in mine] if where else mine
    if spoken:
        found = [m for m in found if m.language == spoken
                 or not any(o.language == spoken and o.start < m.end and m.start < o.end for o in found)]
    return sorted(found, key=lambda f: f.start)


_LAUGH_EMOJI = re.compile(r"[\U0001F602\U0001F923\U0001F605\U0001F606]")
LAUGH = re.compile(r"\b(?:lol|lmao|haha\w*|hehe\w*|jk|joking|mdr|kkk+|jaja\w*|xd)\b|" + _LAUGH_EMOJI.pattern)


def in_jest(text: str, words: str) -> bool:
    """A laugh in the same clause as `words` (folded), with no clause break or new point in time
    between them: "tenía la cara tan roja jaja" jokes, "mon médecin m'a dit les deux lol) et sinon
    depuis ce matin mes paupières ont gonflé" does not. Words not found: any laugh counts."""
    folded = fold(_LAUGH_EMOJI.sub(" lol ", text), commas=True)
    at = folded.replace(",", " ").find(words)
    if at < 0:
        return bool(LAUGH.search(text))
    grammar = _any_language()
    for m in LAUGH.finditer(folded):
        lo, hi = (m.end(), at) if m.start() < at else (at + len(words), m.start())
        between = folded[lo:hi]
        if len(between) <= 80 and not grammar["breaks"].search(between) and not grammar["now"].search(between):
            return True
    return False


def reply(code: str, kind: str) -> str | None:
    """A language's reply text ("emergency", "urgent", "only_english"), or None."""
    lang = languages().get(code)
    return lang.replies.get(kind) if lang else None


def cues_before(code: str, text: str):
    """A test for words of another language's message: does one of the language's hypothetical or
    negation cues come shortly before them in the same clause? Unknown language: never."""
    lang = languages().get(code)
    folded = respell(lang, fold(text, commas=True))[0] if lang else ""
    plain = folded.replace(",", " ")

    def test(words: str) -> bool:
        if lang is None:
            return False
        key = respell(lang, fold(words))[0]
        at = plain.find(key[:12])
        return at > 0 and _status(lang, folded, at, at + len(key)) in ("hypothetical", "negated", "past")
    return test
