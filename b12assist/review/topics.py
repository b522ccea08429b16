"""The topics a review group can get: the domain's intents (minus the ones staff must not train by
hand), "out of scope", or a new topic with a name (pure).

>>> parse("out of scope", ["ask_units"])
('out_of_scope', 'out_of_scope')
>>> parse("new:dog_questions", ["ask_units"])
('new', 'dog_questions')
>>> parse("ask_units", ["ask_units"])
('intent', 'ask_units')
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

# Never labelled by hand: internal, composite, or the red-flag intents (those are decided by the
# rule detector and its reviewed test sets, not by a quick label).
EXCLUDED = {"nlu_fallback", "out_of_scope", "several_questions", "red_flag_emergency", "red_flag_urgent",
            "other_language"}
OUT_OF_SCOPE = "out_of_scope"
NEW_TOPIC = re.compile(r"[a-z][a-z0-9_]{2,48}")


def domain_intents(domain_dir: Path) -> list[str]:
    names: list[str] = []
    for path in sorted(Path(domain_dir).glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("intents") or []:
            name = item if isinstance(item, str) else next(iter(item))
            if name not in names:
                names.append(name)
    return names


def choices(domain_dir: Path) -> list[str]:
    """Intents staff can pick, in domain order."""
    return [n for n in domain_intents(domain_dir) if n not in EXCLUDED]


def parse(text: str, allowed: list[str]) -> tuple[str, str]:
    """(kind, topic): kind is intent | out_of_scope | new. Raises ValueError with the choices."""
    value = text.strip()
    if value.lower().replace("_", " ") in ("out of scope", "oos"):
        return "out_of_scope", OUT_OF_SCOPE
    for prefix in ("new:", "new topic:", "new "):
        if value.lower().startswith(prefix):
            name = re.sub(r"[\s-]+", "_", value[len(prefix):].strip().lower())
            if not NEW_TOPIC.fullmatch(name):
                raise ValueError("a new topic needs a name of 3-49 letters, digits or _ (e.g. new:travel_with_b12)")
            if name in allowed or name in EXCLUDED:
                return ("intent", name) if name in allowed else ("out_of_scope", OUT_OF_SCOPE)
            return "new", name
    if value in allowed:
        return "intent", value
    raise ValueError(f"unknown topic {value!r}: use one of {', '.join(allowed)}, 'out_of_scope' or 'new:NAME'")
