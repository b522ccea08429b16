"""What the patient reads: every English reply at Flesch-Kincaid grade 8 or lower, chat-sized, and each
answer still carrying its key facts (issue 15). The review table with each answer's source line and
measured grade is docs/content-review.md; `python tests/test_content.py` prints the grades."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import textstat
import yaml

from actions import texts as action_texts

ROOT = Path(__file__).resolve().parent.parent
MAX_GRADE = 8.0
MAX_WORDS = 80
# Placeholders filled at run time, replaced by typical values before measuring.
FILL = {"{emergency_number}": "911", "{clinic_contact}": "Riverside Clinic: 020 7946 0000 (Mon-Fri 8am-6pm)",
        "{options}": "4 March or 3 April", "{exc}": "That date is not valid."}
# Replies owned by other work (the red-flag issue) that are over grade 8: reported, not hidden.
# xfail is not strict, so a rewrite that passes simply turns the entry into an XPASS to remove.
KNOWN_OVER: dict[str, str] = {}  # answers allowed above the grade for now, with the reason


def grade(text: str) -> float:
    for key, value in FILL.items():
        text = text.replace(key, value)
    return textstat.flesch_kincaid_grade(text)


def _english(variant: dict) -> bool:
    """Variants conditioned on a non-English `language` slot value are written in that language."""
    for cond in variant.get("condition") or []:
        if cond.get("name") == "language" and cond.get("value") not in (None, "en"):
            return False
    return True


def domain_texts() -> dict[str, str]:
    out = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text()).get("responses") or {}).items():
            for i, v in enumerate(variants):
                if _english(v):
                    out[f"domain:{name}:{i}"] = v["text"]
    return out


def _literal(node: ast.AST) -> str | None:
    """A string literal or f-string (its holes as `{name}`-like placeholders) from the source."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = []
        for v in node.values:
            if isinstance(v, ast.Constant):
                parts.append(str(v.value))
            else:
                parts.append("Monday 16 March 2026" if "day" in ast.unparse(v) else "{exc}")
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return None if left is None or right is None else left + right
    return None


def python_texts() -> dict[str, str]:
    """Replies built in Python: the constants of actions/texts.py (form questions included) and every
    literal passed as `text=` to utter_message in actions/*.py."""
    out = {}
    for name, value in vars(action_texts).items():
        if name.isupper() and isinstance(value, str):
            out[f"texts:{name}"] = value
    for slot, (question, _buttons) in action_texts.FORM_QUESTIONS.items():
        out[f"texts:FORM_QUESTIONS:{slot}"] = question
    for path in sorted((ROOT / "actions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "utter_message":
                for kw in node.keywords:
                    text = _literal(kw.value) if kw.arg == "text" else None
                    if text and text.strip():
                        out[f"{path.name}:{node.lineno}"] = text
    return out


ALL = {**domain_texts(), **python_texts()}


def test_the_collection_finds_the_replies():
    assert len(domain_texts()) >= 30 and "domain:utter_ask_safety:0" in ALL
    assert "texts:MISSED_DOSE" in ALL and "texts:BOOKING_COST" in ALL
    assert any(key.startswith("schedule.py:") for key in ALL)       # inline replies of the schedule actions
    # The measure itself: a long, heavy sentence scores far above 8, a short plain one below.
    assert grade("Intramuscular hydroxocobalamin administration necessitates individualised "
                 "consideration of haematological parameters.") > 12
    assert grade("Your nurse gives the shot in your arm. It takes a minute.") < 6


@pytest.mark.parametrize("key", sorted(ALL), ids=sorted(ALL))
def test_reads_at_grade_8_or_lower(key):
    if key in KNOWN_OVER:
        pytest.xfail(KNOWN_OVER[key])
    g = grade(ALL[key])
    assert g <= MAX_GRADE, f"{key}: Flesch-Kincaid grade {g} > {MAX_GRADE}: {ALL[key]!r}"


@pytest.mark.parametrize("key", sorted(python_texts()))
def test_python_replies_are_chat_sized(key):
    words = len(ALL[key].split())
    assert words <= MAX_WORDS, f"{key} has {words} words"


# Facts each answer must keep (case-insensitive substrings; a tuple means any one of them).
KEY_FACTS = {
    "utter_ask_purpose": ["deficiency", "gut", "pernicious anaemia", "nerve"],
    "utter_ask_tablets_vs_injections": ["tablets", "skip the gut", "nerve", "cause", "clinician"],
    "utter_ask_loading_dose": ["1,000 mcg", "1 mg", "every other day", "1 to 2 weeks", "nerves", "clinician"],
    "utter_ask_maintenance_dose": ["1,000 mcg", "every 1 to 3 months", "pernicious anaemia", "for life",
                                   "clinician"],
    "utter_loading_duration": ["1 to 2 weeks", "every other day", "nerves", "until you stop getting better"],
    "utter_maintenance_duration": ["depends on the cause", "pernicious anaemia", "for life",
                                   "don't stop", "blood tests"],
    "utter_ask_dose_intensify": ["nerve", "anaemia", "pernicious anaemia", "clinician"],
    "utter_ask_dose_decision": ["only your clinician", "don't change or skip", "cause", "symptoms"],
    "utter_ask_route": ["muscle", "hydroxocobalamin", "cyanocobalamin", "deep under the skin",
                        "upper arm", "thigh", "buttock", "don't switch"],
    "utter_ask_how_long_to_work": ["days", "weeks", "nerve", "not improving", "come back before your next dose"],
    "utter_ask_monitoring_labs": ["haemoglobin", "mcv", "b12 level", "mma", "homocysteine"],
    "utter_ask_safety": ["pain, swelling or itching", "feeling sick", "diarrhoea", "tell your clinician before",
                         "cobalt", "heart rhythm", "low potassium", "leber", "{emergency_number}"],
    "utter_ask_common_mistakes": ["stopping", "proven need", "why it happened", "nerve"],
    "utter_ask_prevention_vs_treatment": ["treat", "prevent", "tablets", "clinician"],
    "utter_ask_what_to_ask_clinician": ["loading", "maintenance", "blood tests", "when"],
    "utter_ask_cyano_vs_hydroxo": ["hydroxocobalamin", "uk", "cyanocobalamin", "us", "muscle",
                                   "under the skin", "leber", "clinician"],
    "utter_ask_self_injection": ["carer", "clinic's choice", "can't teach", "sharps bin"],
    "utter_ask_ongoing_causes": ["pernicious anaemia", "stomach or bowel", "metformin", "stomach acid", "diet",
                                 "for life", "don't stop", "clinician"],
    "utter_ask_pregnancy": ["pregnant", "breastf", "not known to harm", "clinician or midwife", "don't stop"],
    "utter_ask_children": ["children", "child's plan", "can't give a dose", "doctor"],
    "utter_ask_other_medicines": ["pharmacist", "metformin", "acid", "don't stop or change"],
    "utter_ask_too_much": ["only the shots your clinician prescribed", "double up", "{emergency_number}"],
    "utter_ask_pink_urine": ["into a vein", "not expected", "1 mg", "blood", "clinician"],
    "utter_ask_units": ["1 mg", "1,000 mcg", "same amount", "µg", "mix up"],
    "utter_ask_emergency_number": ["{emergency_number}", "trouble breathing", "swollen", "fainting", "slurred speech", "clinic"],
    "utter_ask_lifelong": ["pernicious anaemia", "for life", "don't stop", "clinician"],
    "utter_disclaimer": ["not a person", "not for emergencies", "{emergency_number}", "personal dose",
                         "clinician"],
}
PY_KEY_FACTS = {
    "MISSED_DOSE": ["can't advise on doses", "clinic", "don't double up"],
    "HANDOFF": ["reach the team directly", "{clinic_contact}", "{emergency_number}"],
    "BOOKING_COST": ["book", "cost", "insurance", "{clinic_contact}", "{emergency_number}"],
}


@pytest.mark.parametrize("name", sorted(KEY_FACTS))
def test_answer_keeps_its_key_facts(name):
    text = ALL[f"domain:{name}:0"].lower()
    missing = [f for f in KEY_FACTS[name] if f.lower() not in text]
    assert not missing, f"{name} lost {missing}"


@pytest.mark.parametrize("name", sorted(PY_KEY_FACTS))
def test_python_reply_keeps_its_key_facts(name):
    text = getattr(action_texts, name).lower()
    missing = [f for f in PY_KEY_FACTS[name] if f.lower() not in text]
    assert not missing, f"{name} lost {missing}"


def test_every_faq_answer_has_key_facts_and_defers_to_a_person():
    """A new answer in domain/faq.yml needs its key facts listed here, and none prescribes alone."""
    faq = yaml.safe_load((ROOT / "domain" / "faq.yml").read_text())["responses"]
    assert set(faq) <= set(KEY_FACTS), f"no key facts listed for {sorted(set(faq) - set(KEY_FACTS))}"
    who = re.compile(r"clinician|clinic|doctor|nurse|midwife|pharmacist|care team", re.I)
    for name, variants in faq.items():
        if name not in ("utter_ask_purpose", "utter_ask_common_mistakes"):   # general facts, no decision
            assert who.search(variants[0]["text"]), f"{name} does not point to the clinician"


if __name__ == "__main__":
    for key, text in sorted(ALL.items()):
        print(f"{grade(text):5.1f}  {len(text.split()):3d} words  {key}")
