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
    figures = {"current red flags": len(pos)}
    if pos:     # a set of negatives only (a writer's part delivered alone) has no recall to report
        figures.update({"recall": 1 - len(misses) / len(pos),
                        "right level": (len(pos) - len(misses) - len(wrong_level)) / len(pos)})
    figures.update({"negatives": neg, "false escalations": len(false_esc) / neg if neg else 0.0})
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


def predict_nlu(rows: list[dict], model: Path = ROOT / "models" / "b12.tar.gz") -> list[tuple[str, str, str]]:
    """(expected topic, predicted intent, text) for every row, with the trained model's whole NLU
    pipeline loaded in this process (the same pipeline the server runs, red-flag layer included)."""
    import asyncio
    from rasa.core.agent import Agent
    agent = Agent.load(str(model))

    async def run() -> list[tuple[str, str, str]]:
        out = []
        for row in rows:
            got = (await agent.parse_message(row["text"]))["intent"]["name"]
            out.append((TOPIC_ALIASES.get(row["topic"], row["topic"]), got, row["text"]))
        return out
    return asyncio.run(run())


def nlu_figures(preds: list[tuple[str, str, str]]) -> dict:
    """Right topic over all messages; "please rephrase" (nlu_fallback) over the in-scope ones."""
    in_scope = [p for p in preds if p[0] != "out_of_scope"]
    return {"messages": len(preds), "right topic": sum(e == g for e, g, _ in preds) / len(preds),
            "fallback (in-scope)": sum(g == "nlu_fallback" for _, g, _ in in_scope) / max(len(in_scope), 1),
            "escalated": sum(g.startswith("red_flag") for _, g, _ in preds)}


def per_topic_f1(preds: list[tuple[str, str, str]]) -> list[str]:
    topics = sorted({e for e, _, _ in preds})
    lines = ["| topic | n | right | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    for t in topics:
        tp = sum(e == t and g == t for e, g, _ in preds)
        n = sum(e == t for e, _, _ in preds)
        predicted = sum(g == t for _, g, _ in preds)
        precision, recall = (tp / predicted if predicted else 0.0), tp / n
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        lines.append(f"| {t} | {n} | {tp} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")
    return lines


def confusion_png(preds: list[tuple[str, str, str]], path: Path) -> None:
    """Rows: the labelled topic; columns: what the assistant understood (other intents, the fallback
    and red flags included)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    rows_ = sorted({e for e, _, _ in preds})
    cols = rows_ + sorted({g for _, g, _ in preds} - set(rows_))
    grid = [[sum(e == r and g == c for e, g, _ in preds) for c in cols] for r in rows_]
    fig, ax = plt.subplots(figsize=(max(8, len(cols) * 0.32), max(7, len(rows_) * 0.3)))
    ax.imshow(grid, cmap="Blues")
    ax.set_xticks(range(len(cols)), cols, rotation=90, fontsize=7)
    ax.set_yticks(range(len(rows_)), rows_, fontsize=7)
    for y, row in enumerate(grid):
        for x, v in enumerate(row):
            if v:
                ax.text(x, y, str(v), ha="center", va="center", fontsize=6,
                        color="white" if v > max(map(max, grid)) / 2 else "black")
    ax.set_xlabel("understood as")
    ax.set_ylabel("labelled topic")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def score_nlu(rows: list[dict], png: Path | None = None) -> tuple[dict, list[str]]:
    preds = predict_nlu(rows)
    if png:
        confusion_png(preds, png)
    errors = [f"{e} -> {g}: {t}" for e, g, t in preds if e != g]
    lines = per_topic_f1(preds) + (["", f"![confusion matrix]({png.name})"] if png else [])
    return nlu_figures(preds), [*lines, "", "Errors:", *[f"- {e}" for e in errors]]


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
    ap.add_argument("--png", type=Path, help="nlu: also draw the confusion matrix here")
    args = ap.parse_args()
    rows = load(args.path)
    today = None
    if args.kind == "nlu":
        figures, lines = score_nlu(rows, args.png)
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
