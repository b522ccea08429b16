"""Labelled review messages as Rasa NLU training data (pure: texts in, YAML text out).

Each example is redacted (b12assist.review.redact), then deduplicated: against itself, against every
example already in the training data (any topic: the same text under two topics would break
`rasa data validate`) and against the held-out test set (tests/nlu: never trained on, so the
evaluation stays honest). Examples already in the previous reviewed.yml are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .queue import normalise
from .redact import redact

ENTITY = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
HEADER = ("# Reviewed by clinic staff on the staff review queue (`b12-staff review`), written by\n"
          "# `b12-staff review export`. Personal details are replaced by placeholders. Edit by labelling\n"
          "# again in the queue, or by hand.\n")
NEW_TOPICS_HEADER = ("# New topics named by staff in the review queue: NOT training data yet. Add the intent to\n"
                     "# the domain with a reviewed answer and a rule, then move the examples to data/nlu/.\n")


def read_examples(path: Path) -> dict[str, list[str]]:
    """intent -> example texts (entity annotations removed) of one Rasa NLU YAML file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out: dict[str, list[str]] = {}
    for item in data.get("nlu") or []:
        if "intent" in item and isinstance(item.get("examples"), str):
            for line in item["examples"].splitlines():
                line = line.strip()
                if line.startswith("- "):
                    out.setdefault(item["intent"], []).append(ENTITY.sub(r"\1", line[2:].strip()))
    return out


def index(paths: list[Path]) -> dict[str, str]:
    """normalised text -> intent, over many files."""
    seen: dict[str, str] = {}
    for path in paths:
        for intent, texts in read_examples(path).items():
            for t in texts:
                seen.setdefault(normalise(t), intent)
    return seen


@dataclass
class Result:
    examples: dict[str, list[str]] = field(default_factory=dict)   # intent -> texts (previous + new)
    new_topics: dict[str, list[str]] = field(default_factory=dict)
    added: int = 0
    duplicates: int = 0
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)   # (text, label, existing intent)
    held_out: int = 0


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", redact(text)).strip()
    # a leading "[x]" followed by "(" would read as an entity annotation: keep placeholders plain text
    return text.replace("](", "] (").replace("]{", "] {").replace("][", "] [")


def build(labels: list[tuple[str, str, str]], training: dict[str, str], held_out: set[str],
          previous: dict[str, list[str]] | None = None,
          previous_new: dict[str, list[str]] | None = None) -> Result:
    """`labels`: (kind, topic, text) with kind intent | out_of_scope | new. `training`: the index of
    the other training files; `held_out`: normalised test texts."""
    res = Result(examples={k: list(v) for k, v in (previous or {}).items()},
                 new_topics={k: list(v) for k, v in (previous_new or {}).items()})
    seen = dict(training)
    for intent, texts in list(res.examples.items()) + list(res.new_topics.items()):
        for t in texts:
            seen.setdefault(normalise(t), intent)
    for kind, topic, raw in labels:
        text = _clean(raw)
        key = normalise(text)
        if not key:
            continue
        if key in held_out:
            res.held_out += 1
            continue
        if key in seen:
            if seen[key] == topic:
                res.duplicates += 1
            else:
                res.conflicts.append((text, topic, seen[key]))
            continue
        seen[key] = topic
        (res.new_topics if kind == "new" else res.examples).setdefault(topic, []).append(text)
        res.added += 1
    return res


def render(examples: dict[str, list[str]], header: str = HEADER) -> str:
    lines = [header.rstrip("\n"), 'version: "3.1"', "nlu:" if examples else "nlu: []"]
    for intent in sorted(examples):
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {t}" for t in examples[intent]]
    return "\n".join(lines) + "\n"
