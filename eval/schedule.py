"""Success rate of schedule conversations, end to end over REST against the real servers.

Each scripted conversation (one-shot and step-by-step, with corrections and interruptions) must end
with a plan whose first and last loading dates and first maintenance date are the expected ones.

    python -m eval.schedule reports/eval/schedule.md
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from b12assist.serve import runner
from b12assist.netutil import free_port, wait_http
from b12assist.schedule.calculator import LoadingLength, LoadingPattern, MaintenanceInterval, PlanInput, build_plan
from b12assist.schedule.parse import describe_day, parse_schedule
from datetime import date

ROOT = Path(__file__).resolve().parent.parent

BOTH = "both, loading and then maintenance"   # the answer to "which part of your treatment?"

# (turns, start, pattern, length, maintenance)
CASES = [
    (["I started on 4 March, every other day for two weeks, then monthly"], "4 March", "every_other_day", "2w", "1m"),
    (["started 2 March, 3 times a week for 2 weeks then every 3 months"], "2 March", "3pw", "2w", "3m"),
    (["plan my injection dates", BOTH, "10 March", "every other day", "for 2 weeks", "then every 2 months"],
     "10 March", "every_other_day", "2w", "2m"),
    (["work out my b12 dates", BOTH, "1 March", "daily", "for 1 week", "every month"], "1 March", "daily", "1w", "1m"),
    (["calculate my injection schedule", BOTH, "3 March", "what is MCV?", "every other day", "6 injections",
      "then every 4 weeks"], "3 March", "every_other_day", "6d", "4w"),
    (["can you plan my dates", BOTH, "5 March", "no, it was the 6th", "every other day", "for 2 weeks", "monthly"],
     "6 March", "every_other_day", "2w", "1m"),
    (["help me plan my b12 injections", BOTH, "9 March", "mon/wed/fri", "for 2 weeks", "every 3 months"],
     "9 March", "mwf", "2w", "3m"),
    (["i had my first jab on 2 March, alternate days for a fortnight then every 2 months"],
     "2 March", "every_other_day", "2w", "2m"),
]


def expected_plan(start, pattern, length, maintenance, today):
    start_d = parse_schedule(start, today).start
    pat = {"every_other_day": LoadingPattern("every_other_day"), "daily": LoadingPattern("daily"),
           "3pw": LoadingPattern("weekly", per_week=3), "mwf": LoadingPattern("weekly", per_week=3, weekdays=(0, 2, 4))}[pattern]
    ln = LoadingLength(weeks=int(length[:-1])) if length.endswith("w") else LoadingLength(doses=int(length[:-1]))
    mt = MaintenanceInterval(months=int(maintenance[:-1])) if maintenance.endswith("m") else \
        MaintenanceInterval(weeks=int(maintenance[:-1]))
    return build_plan(PlanInput(start_d, pat, ln, mt), today)


def say(port, sender, text):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                                 data=json.dumps({"sender": sender, "message": text}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read())


def main(out: Path) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="b12-eval-"))
    env = dict(runner._env(), B12_VAR_DIR=str(tmp))
    ap, rp = free_port(), free_port()
    ep = tmp / "endpoints.yml"
    ep.write_text(json.dumps({"action_endpoint": {"url": f"http://127.0.0.1:{ap}/webhook"},
                              "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(tmp / "t.db")}}))
    procs = [subprocess.Popen(runner.action_server_cmd(ap), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)]
    wait_http(f"http://127.0.0.1:{ap}/health", proc=procs[0])
    procs.append(subprocess.Popen([*runner.RASA_CLI, "run", "--port", str(rp), "--model", str(runner.MODEL),
                                   "--endpoints", str(ep)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL))
    results = []
    try:
        wait_http(f"http://127.0.0.1:{rp}/", proc=procs[1])
        today = date.today()
        for turns, *spec in CASES:
            sender = "eval-" + uuid.uuid4().hex[:10]
            replies = []
            for t in turns:
                replies = say(rp, sender, t)
            text = "\n".join(m.get("text") or "" for m in replies)
            plan = expected_plan(*spec, today)
            want = [f"1. {describe_day(plan.loading[0].day)}", f"Last loading shot: {describe_day(plan.loading[-1].day)}",
                    f"First maintenance shot: {describe_day(plan.maintenance[0].day)}"]
            ok = all(w in text for w in want)
            results.append((" / ".join(turns), ok, [w for w in want if w not in text]))
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=20)
    passed = sum(ok for _, ok, _ in results)
    lines = ["# Schedule conversations", "", f"Command: `python -m eval.schedule`. Success: {passed}/{len(results)} "
             f"({passed / len(results):.0%}) conversations ended with the expected dated plan.", "",
             "| conversation | result |", "|---|---|"]
    lines += [f"| {c} | {'ok' if ok else 'FAILED: missing ' + '; '.join(m)} |" for c, ok, m in results]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports" / "eval" / "schedule.md"))
