"""Greeting-prefixed questions for every question topic (data/nlu/greeting_prefixed.yml).

Patients often open with a greeting and ask in the same message ("hey so how often are the top-up
jabs?"). DIET then hears "greet" and the question, and the message can fall back. This writes, for
each question topic of data/nlu/faq.yml and topics.yml, its first few examples with a greeting in
front (the greetings rotate), leaving out anything already in the training data or the held-out set.

    .venv/bin/python tools/gen_greeting_prefixed.py           # (re)write the file
    .venv/bin/python tools/gen_greeting_prefixed.py --check   # fail when the file is stale
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from b12assist.review.export import index, read_examples  # noqa: E402  (the project's NLU file reader)
from b12assist.review.queue import normalise  # noqa: E402
OUT = ROOT / "data" / "nlu" / "greeting_prefixed.yml"
SOURCES = [ROOT / "data" / "nlu" / "faq.yml", ROOT / "data" / "nlu" / "topics.yml"]
GREETINGS = ["hi, ", "hey so ", "hello! quick question, ", "hiya, ", "morning, ", "hi there, ", "hello, ",
             "hey, ", "good afternoon, ", "hi again, "]
PER_TOPIC = 3


def render() -> str:
    others = [p for p in sorted((ROOT / "data" / "nlu").glob("*.yml")) if p.resolve() != OUT.resolve()]
    seen = set(index([*others, ROOT / "tests" / "nlu" / "heldout.yml"]))   # training and held-out texts
    lines = ['version: "3.1"',
             "# Written by tools/gen_greeting_prefixed.py from data/nlu/faq.yml and topics.yml; do not edit by hand.",
             "nlu:"]
    turn = 0
    for path in SOURCES:
        for topic, texts in read_examples(path).items():
            if not topic.startswith(("ask_", "report_")):
                continue
            made = []
            for text in texts:
                if len(made) == PER_TOPIC:
                    break
                greeting = GREETINGS[turn % len(GREETINGS)]
                turn += 1
                body = text[3:] if greeting.endswith("so ") and text.lower().startswith("so ") else text
                candidate = greeting + body[0].lower() + body[1:]
                if normalise(candidate) not in seen:
                    seen.add(normalise(candidate))
                    made.append(candidate)
            if made:
                lines += [f"- intent: {topic}", "  examples: |", *[f"    - {m}" for m in made]]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run .venv/bin/python tools/gen_greeting_prefixed.py")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10) + '    - ')} examples -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
