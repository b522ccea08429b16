"""Red-flag evaluation per category: recall and false-escalation rate of the deterministic detector
on tests/data/red_flags.tsv, written as Markdown.

    python -m eval.red_flags reports/eval/red_flags.md
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from b12assist.safety.detector import detect

ROOT = Path(__file__).resolve().parent.parent


def evaluate(path: Path = ROOT / "tests" / "data" / "red_flags.tsv") -> str:
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    pos = defaultdict(lambda: [0, 0, 0])   # category -> [total, escalated, right level]
    neg = defaultdict(lambda: [0, 0])      # kind -> [total, escalated]
    misses, fps = [], []
    for row in rows:
        result = detect(row["text"])
        if row["expected"] == "none":
            neg[row["category"]][0] += 1
            if result.escalate:
                neg[row["category"]][1] += 1
                fps.append(row["text"])
        else:
            pos[row["category"]][0] += 1
            pos[row["category"]][1] += result.escalate
            pos[row["category"]][2] += result.level == row["expected"]
            if not result.escalate:
                misses.append(row["text"])
    lines = ["# Red-flag detector evaluation", "",
             f"File: `tests/data/red_flags.tsv` ({len(rows)} phrasings). Command: `python -m eval.red_flags`.", "",
             "| red-flag category | phrasings | recall | right level |", "|---|---|---|---|"]
    for cat, (n, hit, level) in sorted(pos.items()):
        lines.append(f"| {cat} | {n} | {hit / n:.1%} | {level / n:.1%} |")
    total = sum(v[0] for v in pos.values())
    lines.append(f"| **all** | {total} | {sum(v[1] for v in pos.values()) / total:.1%} | "
                 f"{sum(v[2] for v in pos.values()) / total:.1%} |")
    lines += ["", "| negative kind | phrasings | false-escalation rate |", "|---|---|---|"]
    for kind, (n, fp) in sorted(neg.items()):
        lines.append(f"| {kind} | {n} | {fp / n:.1%} |")
    ntotal = sum(v[0] for v in neg.values())
    lines.append(f"| **all** | {ntotal} | {sum(v[1] for v in neg.values()) / ntotal:.1%} |")
    lines += ["", "Missed: " + (", ".join(f"`{m}`" for m in misses) or "none"),
              "", "False escalations: " + (", ".join(f"`{f}`" for f in fps) or "none"), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports" / "eval" / "red_flags.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(evaluate())
    print(out.read_text())
