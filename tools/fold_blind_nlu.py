"""Fold a USED blind NLU set into the training data (issue 11: once a blind set has guided decisions it
is no longer blind; it becomes training data and a new helper writes the next one).

    .venv/bin/python tools/fold_blind_nlu.py tests/nlu/blind/2026-11-25/nlu_blind.tsv data/nlu/blind_round1.yml

Messages already in the training data or in the held-out set (tests/nlu/heldout.yml) are left out, so
the held-out set stays unseen. Blind topic names spelt differently in the domain are mapped
(eval.blind.TOPIC_ALIASES).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from eval.blind import TOPIC_ALIASES  # noqa: E402


def _examples(path: Path) -> set[str]:
    out: set[str] = set()
    for item in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
        for line in (item.get("examples") or "").splitlines():
            if line.strip().startswith("- "):
                out.add(line.strip()[2:].strip().lower())
    return out


def fold(tsv: Path, out: Path) -> dict[str, int]:
    seen = _examples(ROOT / "tests" / "nlu" / "heldout.yml")
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        if path.resolve() != out.resolve():
            seen |= _examples(path)
    by_topic: dict[str, list[str]] = {}
    with tsv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = " ".join(row["text"].split())
            if not text or text.lower() in seen:
                continue
            seen.add(text.lower())
            by_topic.setdefault(TOPIC_ALIASES.get(row["topic"], row["topic"]), []).append(text)
    lines = ['version: "3.1"',
             f"# Folded from the used blind set {tsv.relative_to(ROOT)} by tools/fold_blind_nlu.py; do not edit",
             "# by hand (re-run the tool). These messages are no longer blind.", "nlu:"]
    for topic in sorted(by_topic):
        lines += [f"- intent: {topic}", "  examples: |"]
        lines += [f"    - {t}" for t in by_topic[topic]]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {t: len(v) for t, v in by_topic.items()}


if __name__ == "__main__":
    counts = fold(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve())
    print(f"{sum(counts.values())} messages in {len(counts)} topics -> {sys.argv[2]}")
