"""Score the blind sets (written by helpers who never saw the project's data) against the trained
assistant over REST, with the real Rasa and action servers.

    python -m eval.blind redflags tests/redflags/blind/2026-11-24/redflags_blind.tsv [--out report.md]
    python -m eval.blind schedule tests/schedule/blind/2026-11-24/schedule_blind.jsonl [--out report.md]
    python -m eval.blind nlu tests/nlu/blind/2026-11-24/nlu_blind.tsv [--out report.md]

Red flags: escalated = a reply carries the escalation payload; right level = its value.
Schedule: every expected date (ISO in the file) appears in the replies, in the assistant's format.
The action server's "today" is pinned with B12_TODAY to the set's date (its folder name, e.g.
2026-11-24, or --today), so the expected dates hold on any later day.
NLU: the intent the trained model predicts for the message equals the labelled topic.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import uuid
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import Stack  # noqa: E402  (the same running stack the e2e tests use)


def escalation_of(replies: list[dict]) -> str | None:
    for m in replies:
        data = (m.get("custom") or {}).get("data") or {}
        if data.get("escalation"):
            return data["escalation"]
    return None


def score_redflags(stack: Stack, rows: list[dict]) -> tuple[dict, list[str]]:
    misses, wrong_level, false_esc, per_cat = [], [], [], defaultdict(Counter)
    for row in rows:
        got = escalation_of(stack.say("blind-" + uuid.uuid4().hex[:12], row["text"]))
        want = row["expected"]
        per_cat[row["category"]]["n"] += 1
        if want == "none":
            if got:
                false_esc.append(f"{got}: {row['text']}")
                per_cat[row["category"]]["wrong"] += 1
        elif not got:
            misses.append(f"{want} [{row['lang']}]: {row['text']}")
            per_cat[row["category"]]["wrong"] += 1
        elif got != want:
            wrong_level.append(f"{want}->{got}: {row['text']}")
    pos = [r for r in rows if r["expected"] != "none"]
    neg = len(rows) - len(pos)
    figures = {"current red flags": len(pos), "recall": 1 - len(misses) / len(pos),
               "right level": (len(pos) - len(misses) - len(wrong_level)) / len(pos),
               "negatives": neg, "false escalations": len(false_esc) / neg if neg else 0.0}
    lines = [f"| category | n | wrong |", "|---|---|---|"]
    lines += [f"| {c} | {v['n']} | {v['wrong']} |" for c, v in sorted(per_cat.items())]
    lines += ["", "Missed:", *[f"- {m}" for m in misses], "", "Wrong level:", *[f"- {m}" for m in wrong_level],
              "", "False escalations:", *[f"- {m}" for m in false_esc]]
    return figures, lines


def _date_strings(d: date) -> list[str]:
    return [f"{d.day} {d:%B %Y}", f"{d.day} {d:%B}", f"{d:%B} {d.day}", d.isoformat()]


def score_schedule(stack: Stack, rows: list[dict]) -> tuple[dict, list[str]]:
    ok, failures = 0, []
    for row in rows:
        replies = stack.say("blind-" + uuid.uuid4().hex[:12], row["text"])
        text = "\n".join(m.get("text") or "" for m in replies)
        missing = [d for d in row.get("expected_dates") or []
                   if not any(s in text for s in _date_strings(date.fromisoformat(d)))]
        count = row.get("expected_count")
        if count is not None and str(count) not in text:
            missing.append(f"count {count}")
        if missing:
            failures.append(f"{row['id']} ({row['phase']}/{row['asks']}): missing {', '.join(missing)} | "
                            f"{row['text']} || reply (the end): {text[-500:]!r}")
        else:
            ok += 1
    figures = {"questions": len(rows), "answered with the expected dates": ok / len(rows)}
    return figures, ["Failures:", *[f"- {f}" for f in failures]]


# Blind-set topic names that are spelt differently in the domain.
TOPIC_ALIASES = {"emergency_number": "ask_emergency_number"}


def score_nlu(rows: list[dict]) -> tuple[dict, list[str]]:
    """The trained model's NLU, loaded in this process (the same pipeline the server runs)."""
    import asyncio
    from rasa.core.agent import Agent
    agent = Agent.load(str(ROOT / "models" / "b12.tar.gz"))
    right, fallback, red, per_topic, errors = 0, 0, 0, defaultdict(Counter), []
    in_scope = [r for r in rows if r["topic"] != "out_of_scope"]
    for row in rows:
        got = asyncio.run(agent.parse_message(row["text"]))["intent"]["name"]
        per_topic[row["topic"]]["n"] += 1
        if got == TOPIC_ALIASES.get(row["topic"], row["topic"]):
            right += 1
            per_topic[row["topic"]]["right"] += 1
        else:
            errors.append(f"{row['topic']} -> {got}: {row['text']}")
        if got == "nlu_fallback" and row["topic"] != "out_of_scope":
            fallback += 1
        if got.startswith("red_flag"):
            red += 1
    figures = {"messages": len(rows), "right topic": right / len(rows),
               "fallback (in-scope)": fallback / len(in_scope), "escalated": red}
    lines = ["| topic | n | right |", "|---|---|---|"]
    lines += [f"| {t} | {v['n']} | {v['right']} |" for t, v in sorted(per_topic.items())]
    return figures, [*lines, "", "Errors:", *[f"- {e}" for e in errors]]


def set_date(path: Path, given: str | None = None) -> str | None:
    """The date a blind set was written for: --today, else the folder's TODAY file (a set written on one
    day for another "today"), else its folder name when that is a date."""
    pinned = path.parent / "TODAY"
    for candidate in (given, pinned.read_text().strip() if pinned.exists() else None, path.parent.name):
        if not candidate:
            continue
        try:
            return date.fromisoformat(candidate).isoformat()
        except ValueError:
            continue
    return None


def load(path: Path) -> list[dict]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["redflags", "schedule", "nlu"])
    ap.add_argument("path", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--today", help="the action server's today (ISO); default: the set's folder date")
    args = ap.parse_args()
    rows = load(args.path)
    today = None
    if args.kind == "nlu":
        figures, lines = score_nlu(rows)
    else:
        today = set_date(args.path, args.today)
        stack = Stack(Path(tempfile.mkdtemp(prefix="b12-blind-")), env={"B12_TODAY": today} if today else None).start()
        try:
            figures, lines = {"redflags": score_redflags, "schedule": score_schedule}[args.kind](stack, rows)
        finally:
            stack.close()
    head = [f"# Blind {args.kind}: {args.path}", "", f"Command: `python -m eval.blind {args.kind} {args.path}`", ""]
    if args.kind != "nlu" and today:
        head += [f"Today for the action server: B12_TODAY={today}", ""]
    head += [f"- {k}: {v:.1%}" if isinstance(v, float) else f"- {k}: {v}" for k, v in figures.items()]
    report = "\n".join(head + [""] + lines) + "\n"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
