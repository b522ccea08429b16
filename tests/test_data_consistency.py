"""Training data hygiene: the held-out set is never trained on, every topic has enough examples,
and the generated rules are up to date."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def examples(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for item in yaml.safe_load(path.read_text()).get("nlu", []):
        if "intent" in item:
            lines = [l[2:].strip() for l in item["examples"].splitlines() if l.strip().startswith("- ")]
            out.setdefault(item["intent"], []).extend(lines)
    return out


def training() -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for intent, exs in examples(path).items():
            merged.setdefault(intent, []).extend(exs)
    return merged


def test_held_out_set_is_never_trained_on():
    train = {e.lower() for exs in training().values() for e in exs}
    held = examples(ROOT / "tests" / "nlu" / "heldout.yml")
    leaked = [e for exs in held.values() for e in exs if e.lower() in train]
    assert not leaked, f"held-out examples found in training data: {leaked}"


def test_every_topic_has_enough_examples():
    train = training()
    held = examples(ROOT / "tests" / "nlu" / "heldout.yml")
    assert set(held) == set(train) - {"nlu_fallback"}
    thin = {i: len(e) for i, e in train.items() if len(e) < 20}
    assert not thin, f"fewer than 20 training examples: {thin}"
    thin_held = {i: len(e) for i, e in held.items() if len(e) < 10}
    assert not thin_held, f"fewer than 10 held-out examples: {thin_held}"


def test_generated_rules_are_up_to_date():
    rc = subprocess.call([sys.executable, str(ROOT / "tools" / "gen_rules.py"), "--check"])
    assert rc == 0, "data/rules/generated.yml is stale: run tools/gen_rules.py"


def test_safety_replies_match_the_language_files():
    rc = subprocess.call([sys.executable, str(ROOT / "tools" / "gen_safety_replies.py"), "--check"])
    assert rc == 0, "domain/safety_replies.yml is stale: run tools/gen_safety_replies.py"


def test_faq_answers_are_chat_sized_and_never_prescribe():
    domain = {}
    for path in (ROOT / "domain").glob("*.yml"):
        domain.update(yaml.safe_load(path.read_text()).get("responses", {}))
    for name, variants in domain.items():
        for v in variants:
            words = len(v["text"].split())
            assert words <= 80, f"{name} has {words} words"
    for name in ("utter_ask_loading_dose", "utter_ask_maintenance_dose", "utter_ask_dose_decision"):
        assert "clinician" in domain[name][0]["text"]
