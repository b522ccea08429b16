"""Red flags in other languages, from one rule file per language (`languages/<code>.yml`).

Each file lists target patterns per category and the cues (negated, hypothetical, past, recent) that
stop a symptom from counting when they come shortly before it in the same clause, and may add its own
clause breaks (`breaks`). A `recent` cue ("la semana pasada", "letzte Woche") dates a symptom to the
past like a `past` one, but not a trend: a trend runs up to now whatever happened last week. A
clinic extends the rules with its own files in the folder named by B12_RED_FLAG_RULES_DIR: a file for a
language that exists adds its patterns (and replies it names), a
file for a new language adds that language.

    >>> [(f.language, f.category, f.status) for f in find("de repente no puede mover el brazo")]
    [('es', 'neuro_sudden', 'current')]
    >>> [f.status for f in find("no tengo dificultad para respirar")]
    ['negated']
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).resolve().parent / "languages"
CUE_KINDS = ("negated", "hypothetical", "past", "recent")
# Someone else's story told for what it means to the patient (see _someone_elses_story)
STORY_KINDS = ("someone_else", "told_me", "own_risk")
# A language's own clause breaks (`cues: breaks:` in its file) add to the shared ones: Italian "ma"
# ("but") cannot be shared, it is "has" in Polish.
BREAKS = "breaks"
_CUE_WINDOW = 40  # characters before a symptom that a cue may sit in (same clause only)
_CLAUSE_BREAK = re.compile(r"\b(?:pero|mais|mas|ale|porem|sin embargo|cependant|jednak|y ahora|et maintenant|"
                           r"e agora|a teraz|ahora|maintenant|agora|teraz|aber|jetzt|adesso|"
                           # "... if one day it happened, and look: I can't breathe"
                           r"y mira|e olha|et la|et voila|und nun|ed ecco|e ora|no i prosze)\b|[.!?;,]")
# A new point in time ("today", "after the injection") starts what is happening now: a negation or a
# past time before it ("no tengo alergias y después de la inyección me cuesta respirar", "vor ein paar
# Wochen angefangen und jetzt bekomme ich keine Luft") does not reach the symptom after it. A
# condition does ("si después de la inyección me falta el aire" stays a question).
_NOW_ANCHOR = re.compile(
    r"\b(?:hoy|hoje|oggi|heute|dzis\w*|aujourd ?hui|stasera|ce (?:matin|soir)|esta (?:manana|tarde|noche)|"
    r"vorhin|gerade|ora|agora mesmo|ahora mismo|esta vez|cette fois|desta vez|dessa vez|questa volta|stavolta|tym razem|diesmal|"
    r"(?:despues|luego) de (?:la|mi|su) (?:inyeccion|vacuna|dosis)|apres (?:la|ma|sa) (?:piqure|injection)|"
    r"depois da (?:injecao|vacina|dose)|po (?:\w+ )?zastrzyku|nach der (?:\w+ )?spritze|seit der spritze|"
    r"dopo (?:la|l) ?(?:puntura|iniezione)|"
    # since a moment up to now ("desde que cheguei a casa ja desmaiei uma vez")
    r"desde que|depuis que|da quando|seitdem|seit (?:ich|er|sie|wir)|odkad|od kiedy|"
    r"jetzt|ahora|agora|adesso|teraz|maintenant)\b")
_EXTRA_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    replies: dict
    targets: tuple  # (category, compiled pattern)
    cues: dict      # kind -> tuple of compiled patterns


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
        entry = merged.setdefault(code, {"name": code, "replies": {}, "targets": [], "cues": {}})
        entry["name"] = data.get("name", entry["name"])
        entry["replies"].update(data.get("replies") or {})
        for category, patterns in (data.get("targets") or {}).items():
            entry["targets"] += [(category, re.compile(p)) for p in patterns]
        for kind in CUE_KINDS + (BREAKS,) + STORY_KINDS:
            entry["cues"].setdefault(kind, [])
            entry["cues"][kind] += [re.compile(p) for p in (data.get("cues") or {}).get(kind, [])]
    return {code: Language(code, e["name"], e["replies"], tuple(e["targets"]),
                           {k: tuple(v) for k, v in e["cues"].items()})
            for code, e in merged.items()}


def _clause_start(lang: Language, text: str, lo: int, start: int, commas: bool = True) -> int:
    breaks = [m for m in _CLAUSE_BREAK.finditer(text, lo, start) if commas or m.group() != ","]
    breaks += [m for cue in lang.cues.get(BREAKS, ()) for m in cue.finditer(text, lo, start)]
    return max((m.end() for m in breaks), default=lo)


def _status(lang: Language, text: str, start: int, end: int | None = None) -> str:
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
                        if _CONDITIONAL.match(m.group()) and _CONDITION_GOES_ON.search(text, m.end(), start)]
            matches = [m for m in matches if not _reports_anyway(text, m, start)]
        elif kind == "negated":
            # "kann seinen Arm nicht mehr heben und spricht ganz verwaschen": the negation stays with its own verb
            # when a new verb or subject follows "and" ("no tengo fiebre y me cuesta respirar"); a list keeps it
            # ("nie mam wysypki i duszności")
            matches = [m for m in matches if not ((a := _AND.search(text, m.end(), start)) and _NEW_CLAUSE.match(text, a.end()))]
        elif kind == "recent" and end is None:   # a trend runs up to now whatever happened last week
            matches = []
        if kind in ("past", "recent"):
            matches = [m for m in matches if not _now_all_the_same(text, m, scope, recent=kind == "recent")]
        if matches:
            return "past" if kind == "recent" else kind
    if end is None:   # a trend: only the cues of its own clause
        return "current"
    return "past" if _told_as_past(lang, text, start, end) or _someone_elses_story(lang, text, start, end) else "current"


def _someone_elses_story(lang: Language, text: str, start: int, end: int) -> bool:
    """A story someone not usually with the patient told them, asked about for the patient: "minha
    vizinha disse que a irmã dela ficou com a garganta fechando depois da b12, isso é comum??",
    "ma voisine m'a raconté qu'elle avait fait un malaise ... c'est fréquent ?". The person and the
    telling come before the symptom in its sentence with nothing dating it to now between, and the
    message then asks about the patient's own risk. A neighbour on the phone who cannot breathe
    ("mi vecina me dijo que no puede respirar, ¿qué hago?") asks nothing of the sort and stays current."""
    begin = max(text.rfind(c, 0, start) for c in ".!?") + 1
    people = [m for cue in lang.cues.get("someone_else", ()) for m in cue.finditer(text, begin, start)]
    if not people:
        return False
    first = min(m.start() for m in people)
    told = [m for cue in lang.cues.get("told_me", ()) for m in cue.finditer(text, first, start)]
    # "after the injection" inside the story is the other person's ("powiedziała mi, że po zastrzyku miała pokrzywkę")
    if not told or any(not _INJECTION_WORD.search(m.group()) for m in _now_anchors(lang, text, first, start)):
        return False
    return any(cue.search(text, end) for cue in lang.cues.get("own_risk", ()))


# "hace dos semanas empecé las inyecciones y no puedo respirar": a new clause after "and" is its own time
_AND = re.compile(r"\b(?:y|e|et|i|und|a|oraz|ed|puis|luego|poi|dann|potem)\b")
# after "and", the start of a clause of its own: a clitic, a subject or a finite verb
_NEW_CLAUSE = re.compile(r"\s*(?:me|se|te|le|nos|mi|ti|si|ci|ich|er|sie|es|je|j|il|elle|on|eu|ele|ela|estoy|tengo|estou|tenho|"
                         r"sono|ho|jestem|mam|ma|bin|habe|hat|kann|spricht|redet|ist|suis|ai|a|fica|fiquei|sto|sta|czuje|nie moge)\b")
# "se me hincha la lengua igual que hace dos años", "comme il y a 2 ans": a comparison with then, now
_LIKE = re.compile(r"\b(?:como|igual que|lo mismo que|comme|jak|wie|come|tal como|igual a|"
                   # worse (or more) than then: "peor que hace dos años", "pire que l'an dernier", "schlimmer als vor zwei Jahren"
                   r"(?:peor|pire|pior|schlimmer|gorzej|peggio|mas|plus|mais|mehr|bardziej|piu|worse) "
                   r"(?:que|qu|als|niz|di|do que|che|than))\s*$")
# "desde la inyección de la semana pasada", "seit der Diagnose letztes Jahr", "dall'anno scorso": a time
# that starts something going on now
_SINCE = re.compile(r"\b(?:desde|depuis|seit|seitdem|da|dal|dall|dalla|dallo|od|odkad|since)\b")


# said to be over: "ya se me pasó", "c'est passé", "już przeszło", "jetzt ist alles gut"
_RESOLVED_AFTER = re.compile(r"\b(?:ya (?:se me |se le |me |le )?(?:paso|ha pasado)|ya estoy bien|ya esta bien|c ?est passe|"
                             r"se (?:me |le )?(?:fue|quito)|desaparecio|a disparu|est parti|sumiu|desapareceu|ging (?:wieder )?weg|"
                             r"verschwand|war (?:wieder )?weg|e sparit[oa]|andat[oa] via|(?:juz )?(?:zesz(?:lo|la|ly)|minelo|minela)|"
                             r"od (?:tego czasu|tamtej pory) (?:spokoj|nic)|"
                             r"ca va mieux|tout va bien|ja passou|ja estou bem|ja esta bem|juz (?:mi |jej |mu )?przeszlo|"
                             r"juz (?:jest )?dobrze|(?:ist|sind) (?:es |alles )?(?:wieder )?(?:weg|vorbei)|(?:ist )?alles (?:wieder )?gut|"
                             r"geht (?:es )?(?:mir|ihm|ihr) wieder gut|e passato|e passata|ora sto bene|tutto a posto|va tutto bene|"
                             r"(?:ora|adesso) sta bene|(?:il|elle) va (?:bien|mieux)|ahora (?:esta|estoy) bien|agora (?:esta|estou) bem)\b")
# "..., mas isso foi anos atrás", "pero fue hace años", "ale to było dawno": a pronoun or "but" right before the verb,
# so it is the symptom that was then (not "la ultima crisis de asma fue hace años": another episode)
_THAT_WAS = re.compile(r"(?:(?:^|[,;]|\b(?:mas|pero|mais|aber|ale|ma|but|y|e|et|und|i))\s+)"
                       r"(?:(?:isso|isto|eso|esto|aquilo|ca|cela|c|das|es|to|cio|questo)\s+)?"
                       r"(?:foi|era|fue|etait|war|ist|bylo|e stato|era stato|fu|remonte a)\b")
_ALSO = re.compile(r"\b(?:tambem|tambien|aussi|auch|tez|anche|too|also|igual|wieder|znowu|de novo|de nuevo|encore)\b")
_OTHERWISE = re.compile(r"\b(?:sonst|ansonsten|por lo demas|de resto|sinon|a part ca|poza tym|per il resto|altrimenti)\b")
_LIKE_AT = re.compile(r"(?:como|comme|jak|wie|come)\b")   # a cue that took the word in ("come anni fa")
# "po zastrzyku w zeszłym tygodniu", "nach der Spritze letzte Woche": the time of the injection
_INJECTION_WORD = re.compile(r"inyeccion|vacuna|dosis|piqure|injection|injecao|vacina|dose|zastrzyk|spritze|puntura|iniezione")
_INJECTION_BEFORE = re.compile(r"\b(?:zastrzyk\w*|spritze|inyeccion|injecao|injection|piqure|puntura|iniezione|vacuna|vacina|"
                               r"dose|dosis|b12)\b(?: \w+){0,2}\s*$")


def _now_all_the_same(text: str, cue: re.Match, lo: int, recent: bool = False) -> bool:
    """A past time compared with ("comme l'an dernier", "wie früher"), counted from ("seit der
    Diagnose letztes Jahr", "dall'anno scorso") or dating the injection ("po zastrzyku w zeszłym
    tygodniu bełkocze", a recent time only): it does not date the symptom to the past."""
    return bool(_LIKE.search(text, max(lo, cue.start() - 15), cue.start()) or _LIKE_AT.match(cue.group())
                or _SINCE.search(text, max(lo, cue.start() - 30), cue.start())
                or (recent and _INJECTION_BEFORE.search(text, max(0, cue.start() - 30), cue.start())))


# "una vez en casa, a mi madre se le hinchó la cara": "once" is also "as soon as"; it dates only its own clause
_ONCE = re.compile(r"una vez|une fois|uma vez")


# Hypothetical cues of two sorts. A condition ("si", "wenn", "jeśli", "au cas où") keeps what follows
# it hypothetical, even "si tengo ..." in the indicative. A question about signs or what something is
# ("Anzeichen", "c'est quoi", "sintomi di", "oznaki") does not hold against the patient saying they have
# it: "Ich habe Anzeichen einer Allergie", "Mam oznaki wstrząsu", "c'est quoi ces plaques, j'ai de
# l'urticaire". Nor does a condition about how serious it is or its cause followed by a first-person
# report ("au cas où c'est grave, j'ai du mal à respirer depuis la piqûre").
_CONDITIONAL = re.compile(r"(?:si|se|wenn|falls|jesli|jezeli|gdyby|caso|et si|e se|que pasa si|que hago si|"
                          r"o que (?:faco|fazer) se|que faire|au cas ou|dans le cas ou|nel caso|en caso|em caso|por si|"
                          r"im falle?|qualora|na wypadek|w razie|co (?:jesli|robic|zrobic)|sollte|was (?:passiert|mache|tue|soll|tun))\b")
_HAVE_BEFORE = re.compile(r"\b(?:mam|mamy|mial\w*|habe|hab|hat|haben|ho|abbiamo|j ai|il a|elle a|on a|tengo|tiene|tenemos|"
                          r"tenho|tem|temos|estou com|estoy con|esta com)(?: \w+)? $")
_FIRST_PERSON_NOW = re.compile(r"\b(?:j ai|je suis|je sens|je n arrive|tengo|estoy|me cuesta|me falta|se me esta|ich habe|ich bin|"
                               r"ich kann|ich bekomme|mam|jestem|nie moge|ho|sono|non riesco|mi sento|tenho|estou|nao consigo)\b")
_SEVERITY = re.compile(r"\b(?:c est|es|e|est|ist|jest|to|sia|seja|sea|soit)\b(?: \w+)? (?:grave|serio|seria|schlimm|ernst|"
                       r"powazne|grozne|normal|normale|la b12|b12|la piqure|la inyeccion|a injecao|die spritze|la puntura)\b")


# "is it normal that ..." presupposes it: "es normal que", "è normale che", "ist es normal, dass", "czy to normalne, że"
_CONDITION_GOES_ON = re.compile(r"\b(?:et|ou) qu")   # French "si A et que B": "que" stands for a second "si"
_THAT = re.compile(r",? (?:que|che|dass|ze|qu)\b")
_SUBJUNCTIVE_ONLY = re.compile(r"(?:nel caso|qualora|au cas ou|dans le cas ou)\b")


def _reports_anyway(text: str, cue: re.Match, start: int) -> bool:
    """A hypothetical cue that the same clause overrules (see above)."""
    between = text[cue.end():start]
    if _SUBJUNCTIVE_ONLY.match(cue.group()) and _FIRST_PERSON_NOW.search(between):
        return True     # "nel caso vi interessi, ho l'orticaria": "nel caso" takes the subjunctive
    if _CONDITIONAL.match(cue.group()):
        severity = _SEVERITY.search(between)
        return bool(severity and _FIRST_PERSON_NOW.search(text, cue.end() + severity.end(), start))
    if "normal" in cue.group() and _THAT.match(text, cue.end()):
        return True     # "è normale che il formicolio si sta allargando?": asks about what is happening
    return bool(_HAVE_BEFORE.search(text[max(0, cue.start() - 20):cue.start()]) or _FIRST_PERSON_NOW.search(between))


def _told_as_past(lang: Language, text: str, start: int, end: int) -> bool:
    """A time long past further back in the sentence, reached across commas only ("Kiedyś, jakieś 10
    lat temu, zemdlałam u dentysty"), or right after the symptom in its clause ("le visage tout gonflé
    il y a 2 ans"); never across a word that starts something new ("pero", "ahora", "today"), nor
    when the sentence dates the symptom to now before it ("depuis que", "heute"). Or dated to the
    past anywhere before it in its sentence and then said to be over ("..., ale już przeszło")."""
    # dated to the past anywhere before it in the sentence and then said to be over ("Po zastrzyku w
    # zeszłym tygodniu miałam wysypkę, ale już przeszło"; "Letzte Woche nach der Spritze hatte ich
    # Atemnot, jetzt ist alles gut")
    begin = max(text.rfind(c, 0, start) for c in ".!?") + 1
    sentence_end = min((i for i in (text.find(c, end) for c in ".!?") if i >= 0), default=len(text))
    over = _RESOLVED_AFTER.search(text, end, sentence_end)
    if over and not _OTHERWISE.search(text, max(begin, over.start() - 15), over.start()) and any(
            not _now_all_the_same(text, m, begin)
            for kind in ("past", "recent") for cue in lang.cues.get(kind, ()) for m in cue.finditer(text, begin, start)):
        return True
    past = lang.cues.get("past", ())
    lo = max(0, start - 3 * _CUE_WINDOW)
    clause = _clause_start(lang, text, lo, start, commas=False)
    if _now_anchors(lang, text, clause, start):
        return False    # "desde que cheguei a casa ja desmaiei uma vez": dated to now before it
    if any(
            not _ONCE.fullmatch(m.group()) and not _AND.search(text, m.end(), start) and not _now_all_the_same(text, m, clause)
            for cue in past for m in cue.finditer(text, clause, start)):
        return True
    # "..., mas isso foi anos atras": said after it, across "but", to be long past
    if not _NOW_ANCHOR.search(text, start, sentence_end) and any(
            _THAT_WAS.search(text, max(end, m.start() - 25), m.end()) and not _ALSO.search(text, m.start() - 25, m.end() + 12)
            and not _LIKE.search(text, max(0, m.start() - 20), m.start())
            for cue in past for m in cue.finditer(text, end, sentence_end)):
        return True
    stop = _CLAUSE_BREAK.search(text, end)
    after = text[end:stop.start() if stop else len(text)]
    return not _now_anchors(lang, text, end, stop.start() if stop else len(text)) \
        and any(not _LIKE.search(after[:m.start()]) and not _dates_another_time(after, m) for cue in past for m in cue.finditer(after))


def _dates_another_time(after: str, cue: re.Match) -> bool:
    """A time after the symptom that dates something else: the injection as a clause of its own ("seine letzte
    B12 Spritze ist Monate her"), or an earlier time it also happened ("depois da injeção do ano passado também
    tive"); not "après sa piqûre l'an dernier" (the symptom came after that injection)."""
    injection = _INJECTION_BEFORE.search(after, max(0, cue.start() - 30), cue.start())
    return bool(injection and re.match(r"\w+ (?:ist|est|es|e|jest|was|is|fue|foi|war|era|byla|bylo|byl)\b", injection.group())) \
        or bool(re.match(r"\s*(?:tambem|tambien|aussi|auch|tez|anche|too|also)\b", after[cue.end():]))


def _now_anchors(lang: Language, text: str, lo: int, hi: int) -> list[re.Match]:
    """Words that date what follows to now ("heute", "après la piqûre"), unless a time in the past
    dates them right after ("après sa piqûre de B12 l'année dernière")."""
    dated = tuple(lang.cues.get("past", ())) + tuple(lang.cues.get("recent", ()))
    # ... or right before them ("l'anno scorso dopo la puntura di b12 ha avuto la faccia gonfia")
    return [m for m in _NOW_ANCHOR.finditer(text, lo, hi)
            if not any(cue.search(text, m.end(), min(len(text), m.end() + 30)) for cue in dated)
            and not any(d.end() >= m.start() - 2 for cue in dated for d in cue.finditer(text, max(0, m.start() - 40), m.start()))]


def find(text: str, spoken: str | None = None) -> list[Match]:
    """Every red-flag mention in any language's rules, with its status. Overlapping mentions of
    one language keep the first match. Where languages share a word ("urticaria") and the message
    is known to be in one of them (`spoken`), that language's reading is kept."""
    with_commas = fold(text, commas=True)
    folded = with_commas.replace(",", " ")
    found: list[Match] = []
    for lang in languages().values():
        taken: list[tuple[int, int]] = []
        for category, pattern in lang.targets:
            for m in pattern.finditer(folded):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                # a trend runs up to now ("W 2019 zaczęło mi drętwieć w stopach, a od tygodnia ... coraz wyżej"),
                # and one that says "now" in it is current ("há três semanas começou a dormência nos pés e
                # agora já sobe até aos joelhos")
                end = None if category == "neuro_worsening" else m.end()
                status = _status(lang, with_commas, m.start(), end)
                if end is None and status == "past" and _NOW_ANCHOR.search(folded, m.start(), m.end()):
                    status = "current"
                found.append(Match(lang.code, category, status, m.start(), m.end()))
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
    for m in LAUGH.finditer(folded):
        lo, hi = (m.end(), at) if m.start() < at else (at + len(words), m.start())
        between = folded[lo:hi]
        if len(between) <= 80 and not _CLAUSE_BREAK.search(between) and not _NOW_ANCHOR.search(between):
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
    folded = fold(text, commas=True)
    plain = folded.replace(",", " ")

    def test(words: str) -> bool:
        if lang is None:
            return False
        key = fold(words)
        at = plain.find(key[:12])
        return at > 0 and _status(lang, folded, at, at + len(key)) in ("hypothetical", "negated", "past")
    return test
