"""Summarise the NLU pipeline comparison written by scripts/eval.sh into Markdown."""
from __future__ import annotations

import json
import sys
from pathlib import Path


def f1(report: dict) -> float:
    return report["macro avg"]["f1-score"]


def main(root: str) -> None:
    root_p = Path(root)
    rows = []
    for d in sorted(p for p in root_p.iterdir() if p.is_dir()):
        held = json.loads((d / "heldout" / "intent_report.json").read_text())
        cv_file = d / "cv" / "intent_report.json"
        cv = json.loads(cv_file.read_text()) if cv_file.exists() else None
        note = (Path("eval/configs") / f"{d.name}.yml").read_text().splitlines()[0].lstrip("# ")
        rows.append((d.name, note, f1(held), held.get("accuracy", 0.0), f1(cv) if cv else float("nan"),
                     held.get("red_flag_emergency", {}).get("recall", float("nan")),
                     held.get("red_flag_urgent", {}).get("recall", float("nan"))))
    print("| pipeline | what | held-out macro F1 | held-out accuracy | cross-validation macro F1 | "
          "held-out recall red_flag_emergency | held-out recall red_flag_urgent |")
    print("|---|---|---|---|---|---|---|")
    for name, note, hf1, acc, cvf1, r_em, r_ur in sorted(rows, key=lambda r: -r[2]):
        print(f"| {name} | {note} | {hf1:.3f} | {acc:.3f} | {cvf1:.3f} | {r_em:.2f} | {r_ur:.2f} |")
    chosen = root_p / "chosen" / "heldout" / "intent_report.json"
    if chosen.exists():
        report = json.loads(chosen.read_text())
        print("\nHeld-out F1 per topic, chosen pipeline:\n")
        print("| intent | precision | recall | F1 | examples |")
        print("|---|---|---|---|---|")
        for intent, v in sorted(report.items()):
            if isinstance(v, dict) and "f1-score" in v and not intent.endswith(" avg"):
                print(f"| {intent} | {v['precision']:.2f} | {v['recall']:.2f} | {v['f1-score']:.2f} | {v['support']} |")


if __name__ == "__main__":
    main(sys.argv[1])
