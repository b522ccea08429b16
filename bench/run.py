"""`make bench`: B12 Assist against a `rasa init` reference, side by side on this machine.

Writes bench/results/<date>/report.md with PNG plots. Every figure is measured in this run; the
targets are tracked in the report, never asserted. Loopback only; every loop is bounded.

    python -m bench.run [--quick]   (--quick: short blocks and a 60 s soak, for trying it out)
    python -m bench.run --red-flags (only the red-flag latency blocks at 32 and 64 conversations)
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import aiohttp

from b12assist.netutil import wait_http

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", RASA_TELEMETRY_ENABLED="false", PYTHONWARNINGS="ignore",
           SQLALCHEMY_SILENCE_UBER_WARNING="1", PYTHONPATH=str(ROOT))

CONVERSATIONS = [
    ["hi", "why do people get b12 injections?", "how often are the first injections?",
     "and how long does that last?", "thanks"],
    ["hello", "I started on 4 March, every other day for two weeks, then monthly", "when is my next shot?"],
    ["can you plan my injection dates", "last monday", "every other day", "for 2 weeks", "then every 3 months"],
    ["my lips are swelling after the injection", "ok I called 911"],
    ["the tingling in my feet is getting worse", "thanks"],
    ["are you a real person?", "can I talk to a nurse?", "bye"],
    ["is it injected into the muscle?", "which blood tests will I need?", "what if my throat swells?"],
]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


@dataclass
class Server:
    name: str
    port: int
    proc: subprocess.Popen
    load_seconds: float
    extra: list = field(default_factory=list)

    def stop(self) -> None:
        for p in [self.proc] + self.extra:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in [self.proc] + self.extra:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def start_rasa(name: str, cwd: Path, model: Path, port: int, endpoints: Path | None, log: Path,
               extra: list | None = None, cli: list[str] | None = None) -> Server:
    """`cli`: how to call Rasa; B12 Assist runs through b12assist.serve.rasa_cli as `make run` does."""
    cmd = [*(cli or [str(BIN / "rasa")]), "run", "--port", str(port), "--model", str(model)]
    if endpoints:
        cmd += ["--endpoints", str(endpoints)]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{port}/")
    return Server(name, port, proc, time.monotonic() - t0, extra or [])


def timed_train(cwd: Path, out: Path, extra_args: list[str]) -> tuple[float, float]:
    t0 = time.monotonic()
    subprocess.run([str(BIN / "rasa"), "train", "--force", "--out", str(out), "--fixed-model-name", "model"]
                   + extra_args, cwd=cwd, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - t0
    return seconds, (out / "model.tar.gz").stat().st_size / 1e6


async def converse(session: aiohttp.ClientSession, port: int, sender: str, messages: list[str],
                   latencies: list[float], errors: list[str], silent: list[str],
                   labelled: list | None = None) -> None:
    """One conversation. An error is a failed request (not HTTP 200, not JSON, timeout); a reply
    with no message at all is counted apart, as `silent` (the `rasa init` bot has nothing to say
    to most of this mix; B12 Assist answers every message)."""
    for text in messages:
        t0 = time.perf_counter()
        try:
            async with session.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook",
                                    json={"sender": sender, "message": text},
                                    timeout=aiohttp.ClientTimeout(total=60)) as resp:
                body = await resp.json()
                if resp.status != 200 or not isinstance(body, list):
                    errors.append(f"{resp.status}: {str(body)[:80]}")
                elif not body:
                    silent.append(text)
        except Exception as exc:  # noqa: BLE001 - every failure is an error to count
            errors.append(type(exc).__name__)
        latencies.append(time.perf_counter() - t0)
        if labelled is not None:
            labelled.append((text, latencies[-1]))


async def block(port: int, concurrency: int, seconds: float, max_conversations: int, tag: str,
                labelled: bool = False) -> dict:
    """Run conversations at a fixed concurrency until time or count runs out."""
    latencies: list[float] = []
    errors: list[str] = []
    silent: list[str] = []
    pairs: list | None = [] if labelled else None
    started = time.perf_counter()
    counter = 0
    rng = random.Random(concurrency * 7919 + port)

    async def worker(session):
        nonlocal counter
        while time.perf_counter() - started < seconds and counter < max_conversations:
            counter += 1
            convo = rng.choice(CONVERSATIONS)
            # One latency is appended per message sent, so len(latencies) counts messages (a shared
            # `total += await ...` would lose updates between coroutines).
            await converse(session, port, f"{tag}-{counter}-{rng.random():.6f}", convo, latencies, errors, silent,
                           pairs)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    return {"latencies": latencies, "errors": errors, "silent": silent, "messages": len(latencies),
            "seconds": elapsed, "conversations": counter, "labelled": pairs or []}


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(q / 100 * (len(values) - 1)))))
    return values[k]


def detector_profile(n: int = 2000) -> dict:
    """Cost per message of the red-flag layer: the whole detector, the spaCy tokenizer alone (the
    floor), and the detector with its spelling-correction cache turned off (the cost removed)."""
    from b12assist.safety import normalise as norm
    from b12assist.safety.detector import detect, warm_up
    import spacy

    warm_up()
    texts = [m for convo in CONVERSATIONS for m in convo] * (n // 25 + 1)
    texts = texts[:n]
    blank = spacy.blank("en")

    def run(fn):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        return (time.perf_counter() - t0) / len(texts) * 1e6

    tokenizer_us = run(blank)
    cached_us = run(detect)
    original = norm._correct
    norm._correct = norm._correct.__wrapped__          # the uncached function
    try:
        uncached_us = run(detect)
    finally:
        norm._correct = original
    return {"tokenizer_us": tokenizer_us, "detector_us": cached_us, "detector_uncached_us": uncached_us}


def pipeline_profile(model: Path, n: int = 400) -> dict:
    """Profile the NLU hot path in-process with cProfile: the trained model parses `n` messages of
    the conversation mix; time is attributed to each pipeline component's `process`."""
    import cProfile
    import pstats

    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)          # no per-message debug lines in the bench output
    agent = Agent.load(str(model))
    texts = ([m for convo in CONVERSATIONS for m in convo] * (n // 25 + 1))[:n]

    async def parse_all():
        for t in texts:
            await agent.parse_message(t)

    asyncio.run(parse_all())                      # warm-up: graph built, TF functions traced
    profiler = cProfile.Profile()
    t0 = time.perf_counter()
    profiler.enable()
    asyncio.run(parse_all())
    profiler.disable()
    total_ms = (time.perf_counter() - t0) / n * 1000
    stats = pstats.Stats(profiler).stats
    per_component: dict[str, float] = {}
    for (filename, _line, func), (_cc, _nc, _tt, cumtime, _callers) in stats.items():
        if func != "process":
            continue
        name = Path(filename).stem
        if "rasa/nlu" in filename or "components" in filename:
            per_component[name] = per_component.get(name, 0.0) + cumtime / n * 1000
    return {"total_ms": total_ms,
            "components": sorted(per_component.items(), key=lambda kv: -kv[1])}


def hot_path_profile(n: int = 200) -> dict:
    """Before/after of the two hot-path fixes, timed in-process: validating a typical action
    reply (Rasa's `jsonschema.validate` vs the validator built once) and reading the presets
    (YAML parse every time vs cached by modification time)."""
    from jsonschema import validate
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    from b12assist.schedule import presets

    schema = RemoteAction.action_response_format_spec()
    reply = {"events": [{"event": "slot", "name": "sched_start_date", "value": "2026-03-04"},
                        {"event": "slot", "name": "requested_slot", "value": "sched_loading_pattern"}],
             "responses": [{"response": "utter_ask_sched_loading_pattern"}]}
    validator = validator_for(schema)(schema)

    def per_call(fn) -> float:
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        return (time.perf_counter() - t0) / n * 1000

    path = str(presets.DEFAULT_FILE)
    figures = {"validate_ms": per_call(lambda: validate(reply, schema)),
               "validate_cached_ms": per_call(lambda: validator.is_valid(reply)),
               "presets_ms": per_call(lambda: presets._read.__wrapped__(path, 0)),
               "presets_cached_ms": per_call(presets.load_presets)}
    return {**figures, **_linear_models_profile(n)}


def _linear_models_profile(n: int) -> dict:
    """The intent classifier and the learned red-flag model of the trained model, one message at a
    time over the conversation mix: scikit-learn's predict_proba (before) against linear_text (after)."""
    import tarfile

    import joblib

    from b12assist.nlu.linear_text import LinearText

    texts = [m for convo in CONVERSATIONS for m in convo]
    rounds = max(1, n // len(texts))

    def per_message(fn) -> float:
        t0 = time.perf_counter()
        for _ in range(rounds):
            for t in texts:
                fn(t)
        return (time.perf_counter() - t0) / (rounds * len(texts)) * 1000

    out = {}
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(ROOT / "models" / "b12.tar.gz") as tar:
        for key, name in (("intent", "topic_intent.TopicIntentClassifier"), ("redflag", "red_flag_model.RedFlagModelClassifier")):
            member = next(m for m in tar.getmembers() if name in m.name and m.name.endswith(".joblib"))
            tar.extract(member, tmp)
            pipeline = joblib.load(Path(tmp) / member.name)
            fast = LinearText.of(pipeline)
            out[f"{key}_sklearn_ms"] = per_message(lambda t: pipeline.predict_proba([t]))
            out[f"{key}_fast_ms"] = per_message(fast.proba)
    return out


def count_user_events(db: Path, prefix: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("select count(*) from events where type_name='user' and sender_id like ?",
                           (prefix + "%",)).fetchone()[0]
    finally:
        con.close()


def histogram(path: Path, ours: list[float], ref: list[float]) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 4.5))
    bins = [i * 0.01 for i in range(0, 101)]
    ax.hist([min(x, 1.0) for x in ref], bins=bins, alpha=0.6, label="rasa init reference")
    ax.hist([min(x, 1.0) for x in ours], bins=bins, alpha=0.6, label="B12 Assist")
    ax.set_xlabel("latency per message (s, capped at 1 s)")
    ax.set_ylabel("messages")
    ax.set_title("REST latency, all concurrency levels")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
# Messages of CONVERSATIONS that are red flags: their latency is reported apart ("red flags first").
RED_FLAG_MESSAGES = {"my lips are swelling after the injection", "the tingling in my feet is getting worse"}
RED_FLAG_LEVELS = (32, 64)


async def red_flag_block(port: int, concurrency: int, seconds: float, tag: str) -> dict:
    """`concurrency` conversations from the usual mix for `seconds`; red-flag messages and ordinary
    messages timed apart (each latency is labelled by its message)."""
    res = await block(port, concurrency, seconds, 10**9, tag, labelled=True)
    red = [lat for text, lat in res["labelled"] if text in RED_FLAG_MESSAGES]
    ordinary = [lat for text, lat in res["labelled"] if text not in RED_FLAG_MESSAGES]
    return {**res, "red": red, "ordinary": ordinary}


def red_flag_lines(results: dict[int, dict]) -> list[str]:
    lines = ["## Red flags under load", "",
             "Red-flag messages (\"my lips are swelling after the injection\", \"the tingling in my feet is "
             "getting worse\") and ordinary messages of the same conversation mix, at the same time, timed "
             "apart. Target: red-flag p99 ≤ max(1.5 × ordinary p99, 1 s).", "",
             "| conversations | red flags | red p50 ms | red p99 ms | ordinary | ordinary p50 ms | ordinary p99 ms | target | errors |",
             "|---|---|---|---|---|---|---|---|---|"]
    for level, r in sorted(results.items()):
        red_p99, ord_p99 = pct(r["red"], 99), pct(r["ordinary"], 99)
        ok = red_p99 <= max(1.5 * ord_p99, 1.0)
        lines.append(f"| {level} | {len(r['red'])} | {pct(r['red'], 50) * 1000:.0f} | {red_p99 * 1000:.0f} | "
                     f"{len(r['ordinary'])} | {pct(r['ordinary'], 50) * 1000:.0f} | {ord_p99 * 1000:.0f} | "
                     f"{'✅' if ok else '❌'} | {len(r['errors'])} |")
    return lines + [""]


def red_flags_only(seconds: float = 45) -> int:
    """`python -m bench.run --red-flags`: our stack only, the red-flag blocks, a short report."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d-%H%M")
    out = ROOT / "bench" / "results" / f"{stamp}-red-flags"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="b12-bench-rf-"))
    from b12assist.netutil import free_port
    rasa_port, action_port = free_port(), free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(json.dumps({
        "action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook"},
        "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(work / "tracker.db")}}))
    actions = subprocess.Popen([str(BIN / "rasa"), "run", "actions", "--port", str(action_port),
                                "--actions", "actions"], cwd=ROOT, env=dict(ENV, B12_VAR_DIR=str(work)),
                               stdout=open(work / "actions.log", "w"), stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{action_port}/health")
    ours = start_rasa("ours", ROOT, ROOT / "models" / "b12.tar.gz", rasa_port, endpoints, work / "ours.log",
                      extra=[actions], cli=[str(BIN / "python"), "-m", "b12assist.serve.rasa_cli"])
    results = {}
    try:
        asyncio.run(block(ours.port, 2, 5, 4, "warm"))
        for level in RED_FLAG_LEVELS:
            r = results[level] = asyncio.run(red_flag_block(ours.port, level, seconds, f"rf-{level}"))
            print(f"c={level}: red flags {len(r['red'])} p50 {pct(r['red'], 50) * 1000:.0f} ms "
                  f"p99 {pct(r['red'], 99) * 1000:.0f} ms; ordinary {len(r['ordinary'])} "
                  f"p50 {pct(r['ordinary'], 50) * 1000:.0f} ms p99 {pct(r['ordinary'], 99) * 1000:.0f} ms; "
                  f"errors {len(r['errors'])}", flush=True)
    finally:
        ours.stop()
    lines = [f"# B12 Assist: red-flag latency under load, {stamp} UTC", "",
             f"Machine: {os.cpu_count()} cores. Command: `python -m bench.run --red-flags` ({seconds:.0f} s per "
             "level, REST on loopback, B12 Assist only).", ""] + red_flag_lines(results)
    (out / "report.md").write_text("\n".join(lines))
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(lines))
    return 0


@dataclass
class Run:
    """One `make bench` run: its options, where it writes, and the figures each step adds."""
    quick: bool
    stamp: str
    out: Path
    work: Path
    block_s: float
    block_max: int
    soak_s: float
    rounds: int
    figures: dict = field(default_factory=dict)


def new_run(quick: bool) -> Run:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d-%H%M")
    out = ROOT / "bench" / "results" / stamp
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="b12-bench-"))
    print(f"bench: results in {out}, scratch in {work}", flush=True)
    block_s, block_max = (8, 60) if quick else (15, 300)
    return Run(quick, stamp, out, work, block_s, block_max, 60 if quick else 600, 1 if quick else 2)


def step_training(run: Run) -> Path:
    """Create the `rasa init` reference and train both from scratch; returns the reference's folder."""
    ref_dir = run.work / "reference"
    t0 = time.monotonic()
    ref_dir.mkdir(parents=True)
    subprocess.run([str(BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(ref_dir)], env=ENV, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"reference created in {time.monotonic() - t0:.0f} s", flush=True)
    run.figures["ref_train"] = timed_train(ref_dir, run.work / "ref-models", [])
    run.figures["ours_train"] = timed_train(ROOT, run.work / "our-models", ["--domain", "domain"])
    (ours_s, ours_mb), (ref_s, ref_mb) = run.figures["ours_train"], run.figures["ref_train"]
    print(f"training: ours {ours_s:.0f} s ({ours_mb:.1f} MB), reference {ref_s:.0f} s ({ref_mb:.1f} MB)", flush=True)
    return ref_dir


@dataclass
class Stack:
    ours: Server
    plain: Server
    ref: Server
    actions: subprocess.Popen
    tracker_db: Path

    def stop(self) -> None:
        for server in (self.ours, self.ref, self.plain):
            server.stop()


def step_servers(run: Run, ref_dir: Path) -> Stack:
    """Ours (through b12assist.serve.rasa_cli, as `make run`), the same model with plain `rasa run`
    (the "before" of the hot-path fixes) and the reference, side by side."""
    ports = {"ours": 15105, "plain": 15106, "ours_actions": 15155, "ref": 15205}
    endpoints, endpoints_plain = run.work / "endpoints.yml", run.work / "endpoints-plain.yml"
    tracker_db = run.work / "tracker.db"
    for file, db in ((endpoints, tracker_db), (endpoints_plain, run.work / "tracker-plain.db")):
        file.write_text(json.dumps({
            "action_endpoint": {"url": f"http://127.0.0.1:{ports['ours_actions']}/webhook"},
            "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(db)}}))
    actions = subprocess.Popen([str(BIN / "rasa"), "run", "actions", "--port", str(ports["ours_actions"]),
                                "--actions", "actions"], cwd=ROOT, env=dict(ENV, B12_VAR_DIR=str(run.work)),
                               stdout=open(run.work / "actions.log", "w"), stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{ports['ours_actions']}/health")
    model = ROOT / "models" / "b12.tar.gz"
    ours = start_rasa("ours", ROOT, model, ports["ours"], endpoints, run.work / "ours.log",
                      extra=[actions], cli=[str(BIN / "python"), "-m", "b12assist.serve.rasa_cli"])
    plain = start_rasa("plain", ROOT, model, ports["plain"], endpoints_plain, run.work / "plain.log")
    ref = start_rasa("reference", ref_dir, run.work / "ref-models" / "model.tar.gz", ports["ref"], None,
                     run.work / "ref.log")
    run.figures["rss_start"] = {"ours": rss_mb(ours.proc.pid), "ours_actions": rss_mb(actions.pid),
                                "ref": rss_mb(ref.proc.pid)}
    run.figures["load_s"] = {"ours": ours.load_seconds, "ref": ref.load_seconds}
    print(f"model load: ours {ours.load_seconds:.1f} s, reference {ref.load_seconds:.1f} s", flush=True)
    return Stack(ours, plain, ref, actions, tracker_db)


def step_load_blocks(run: Run, stack: Stack) -> None:
    """Alternating blocks at 1, 16 and 64 conversations against ours, plain and the reference."""
    results: dict[str, dict[int, list[dict]]] = {"ours": {}, "ref": {}, "plain": {}}
    servers = [("ours", stack.ours), ("ref", stack.ref), ("plain", stack.plain)]
    for _, server in servers:  # warm up
        asyncio.run(block(server.port, 2, 5, 4, "warm"))
    for r in range(run.rounds):
        for level in (1, 16, 64):
            shift = (r + level) % 3          # alternate which one goes first
            for key, server in servers[shift:] + servers[:shift]:
                res = asyncio.run(block(server.port, level, run.block_s, run.block_max, f"load-{key}-{r}-{level}"))
                results[key].setdefault(level, []).append(res)
                lat = res["latencies"]
                print(f"round {r} c={level:<3} {key:5}: {res['messages'] / res['seconds']:6.1f} msg/s "
                      f"p50 {pct(lat, 50) * 1000:6.0f} ms p95 {pct(lat, 95) * 1000:6.0f} ms "
                      f"errors {len(res['errors'])} no reply {len(res['silent'])}", flush=True)
    run.figures["results"] = results
    run.figures["rss_after_load"] = {"ours": rss_mb(stack.ours.proc.pid), "ours_actions": rss_mb(stack.actions.pid),
                                     "ref": rss_mb(stack.ref.proc.pid)}


def step_tail_profile(run: Run, stack: Stack) -> None:
    """Where the p95 goes: one block at 16 conversations against ours with every latency labelled by
    its message, so the slow messages (and what they have in common) show."""
    res = asyncio.run(block(stack.ours.port, 16, run.block_s * 2, 10**9, "tail", labelled=True))
    by_text: dict[str, list[float]] = {}
    for text, lat in res["labelled"]:
        by_text.setdefault(text, []).append(lat)
    run.figures["tail"] = {"all": res["latencies"], "by_text": by_text}


def report_tail(run: Run) -> list[str]:
    tail = run.figures.get("tail")
    if not tail:
        return []
    lines = ["## Where the tail goes (16 conversations, each message timed apart)", "",
             f"All messages: p50 {pct(tail['all'], 50) * 1000:.0f} ms, p95 {pct(tail['all'], 95) * 1000:.0f} ms. "
             "Slowest first. The schedule form, the escalation record, the handoff and the next-shot "
             "answer each need one or more calls to the action server on top of the NLU and policy work.", "",
             "| message | n | p50 ms | p95 ms |", "|---|---|---|---|"]
    for text, lats in sorted(tail["by_text"].items(), key=lambda kv: -pct(kv[1], 95)):
        lines.append(f"| {text[:60]} | {len(lats)} | {pct(lats, 50) * 1000:.0f} | {pct(lats, 95) * 1000:.0f} |")
    return lines + [""]


def step_red_flags_and_soak(run: Run, stack: Stack) -> None:
    """With the others stopped: red-flag latency under load, then the soak at 32 conversations."""
    stack.ref.stop()
    stack.plain.stop()
    run.figures["red_flags"] = {
        level: asyncio.run(red_flag_block(stack.ours.port, level, 20 if run.quick else 45, f"rf-{level}"))
        for level in RED_FLAG_LEVELS}
    before = rss_mb(stack.ours.proc.pid) + rss_mb(stack.actions.pid)
    soak = asyncio.run(block(stack.ours.port, 32, run.soak_s, 10**9, "soak"))
    after = rss_mb(stack.ours.proc.pid) + rss_mb(stack.actions.pid)
    time.sleep(1)
    stored = count_user_events(stack.tracker_db, "soak")
    print(f"soak: {soak['messages']} messages in {soak['seconds']:.0f} s, errors {len(soak['errors'])}, "
          f"stored {stored}, RSS {before:.0f} -> {after:.0f} MB", flush=True)
    run.figures["soak"] = {"res": soak, "rss_before": before, "rss_after": after, "stored": stored}


def step_replicas(run: Run) -> None:
    """The cluster (b12assist.serve.cluster: PostgreSQL, Redis lock store, nginx) with one replica and
    with two, through the balancer, at 16 and 64 conversations. Skipped, and said so in the report,
    when nginx or Redis is not installed (`make cluster` installs them)."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()) or not shutil.which("redis-server"):
        run.figures["replicas"] = None
        print("replica table skipped: nginx or redis-server is not installed (make cluster installs them)", flush=True)
        return
    from b12assist.netutil import free_port
    table: dict[int, dict[int, dict]] = {}
    for replicas in (1, 2):
        tmp = run.work / f"cluster-{replicas}"
        tmp.mkdir()
        port, web = free_port(), free_port()
        env = {k: v for k, v in ENV.items() if k not in ("B12_DATABASE_URL", "B12_REDIS_URL")}
        env.update({"B12_VAR_DIR": str(tmp), "B12_RASA_PORT": str(port), "B12_WEB_PORT": str(web),
                    "B12_CLUSTER_REPLICA_PORTS": ",".join(str(free_port()) for _ in range(replicas)),
                    "B12_CLUSTER_ACTION_PORTS": ",".join(str(free_port()) for _ in range(replicas)),
                    "B12_CLUSTER_REDIS_PORT": str(free_port()), "B12_RECONCILE_EVERY": "3600"})
        proc = subprocess.Popen([str(BIN / "python"), "-m", "b12assist.serve.cluster"], cwd=ROOT, env=env,
                                stdout=open(tmp / "cluster.log", "w"), stderr=subprocess.STDOUT)
        try:
            state = tmp / "cluster" / "cluster.json"
            deadline = time.monotonic() + 600
            while not (state.exists() and json.loads(state.read_text()).get("ready")):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"cluster with {replicas} replica(s) did not start: see {tmp / 'cluster.log'}")
                time.sleep(1)
            asyncio.run(block(port, 2, 5, 4, f"warm-{replicas}"))
            table[replicas] = {}
            for level in (16, 64):
                res = asyncio.run(block(port, level, run.block_s, run.block_max, f"cluster-{replicas}-{level}"))
                table[replicas][level] = res
                lat = res["latencies"]
                print(f"cluster {replicas} replica(s) c={level:<3}: {res['messages'] / res['seconds']:6.1f} msg/s "
                      f"p50 {pct(lat, 50) * 1000:6.0f} ms p95 {pct(lat, 95) * 1000:6.0f} ms "
                      f"errors {len(res['errors'])}", flush=True)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=90)
            except subprocess.TimeoutExpired:
                proc.kill()
    run.figures["replicas"] = table


def step_profiles(run: Run) -> None:
    run.figures["detector"] = detector_profile()
    run.figures["hot_path"] = hot_path_profile()
    run.figures["nlu"] = pipeline_profile(ROOT / "models" / "b12.tar.gz")


# --- report ---------------------------------------------------------------------------------------
def _agg(results: dict, key: str, level: int) -> tuple[list[float], float, int, int]:
    lat = [x for res in results[key][level] for x in res["latencies"]]
    msgs = sum(res["messages"] for res in results[key][level])
    secs = sum(res["seconds"] for res in results[key][level])
    errs = sum(len(res["errors"]) for res in results[key][level])
    silent = sum(len(res["silent"]) for res in results[key][level])
    return lat, msgs / secs, errs, silent


def _ok(good: bool) -> str:
    return "✅" if good else "❌"


def report_latency(run: Run) -> list[str]:
    results = run.figures["results"]
    all_ours = [x for lv in results["ours"].values() for res in lv for x in res["latencies"]]
    all_ref = [x for lv in results["ref"].values() for res in lv for x in res["latencies"]]
    histogram(run.out / "latency_histogram.png", all_ours, all_ref)
    lines = [f"# B12 Assist benchmark, {run.stamp} UTC", "",
             f"Machine: {os.cpu_count()} cores. Command: `make bench` (`python -m bench.run"
             f"{' --quick' if run.quick else ''}`). Both assistants ran side by side on loopback, driven over "
             f"REST with the same conversation mix (FAQ, schedule form, red flags, chit-chat), in alternating "
             f"blocks of at most {run.block_s} s / {run.block_max} conversations, {run.rounds} round(s).", "",
             "## Latency and throughput", "",
             "| concurrency | assistant | messages | p50 ms | p95 ms | p99 ms | msg/s | errors | no reply |",
             "|---|---|---|---|---|---|---|---|---|"]
    ratios = []
    for level in (1, 16, 64):
        o_lat, o_tp, o_err, o_sil = _agg(results, "ours", level)
        r_lat, r_tp, r_err, r_sil = _agg(results, "ref", level)
        for name, lat, tp, err, sil in (("B12 Assist", o_lat, o_tp, o_err, o_sil),
                                        ("rasa init", r_lat, r_tp, r_err, r_sil)):
            lines.append(f"| {level} | {name} | {len(lat)} | {pct(lat, 50) * 1000:.0f} | {pct(lat, 95) * 1000:.0f} | "
                         f"{pct(lat, 99) * 1000:.0f} | {tp:.1f} | {err} | {sil} |")
        ratios.append((level, *(pct(o_lat, q) / pct(r_lat, q) for q in (50, 95, 99)), o_tp / r_tp, o_err + r_err + o_sil))
    lines += ["", "Errors are failed requests (not HTTP 200, timeouts). \"No reply\" is an HTTP 200 with no "
              "message: expected from `rasa init`, whose mood bot has no answer for most of this mix; "
              "B12 Assist must answer every message, so its silent replies count against the target.", "",
              "| concurrency | p50 ratio (target ≤ 1.2) | p95 ratio (target ≤ 1.2) | p99 ratio | throughput ratio "
              "(target ≥ 0.8) | errors + our silent replies (target 0) |", "|---|---|---|---|---|---|"]
    for level, p50r, p95r, p99r, tpr, err in ratios:
        lines.append(f"| {level} | {p50r:.2f} {_ok(p50r <= 1.2)} | {p95r:.2f} {_ok(p95r <= 1.2)} | {p99r:.2f} | "
                     f"{tpr:.2f} {_ok(tpr >= 0.8)} | {err} {_ok(err == 0)} |")
    return lines + ["", "![latency histogram](latency_histogram.png)", ""]


def report_replicas(run: Run) -> list[str]:
    table = run.figures.get("replicas")
    lines = ["## One replica or two, through the balancer", ""]
    if table is None:
        return lines + ["Not measured in this run: nginx or redis-server is not installed.", ""]
    lines += ["`b12assist.serve.cluster` (PostgreSQL tracker store, Redis lock store, nginx round-robin) "
              "with one Rasa replica + action server and with two, same mix and block length. Each replica "
              "is one Python process (one event loop, about one core), so on this 2-core machine a second "
              "replica adds a core's worth of capacity.", "",
              "| replicas | concurrency | messages | p50 ms | p95 ms | p99 ms | msg/s | errors |",
              "|---|---|---|---|---|---|---|---|"]
    for replicas, levels in sorted(table.items()):
        for level, res in sorted(levels.items()):
            lat = res["latencies"]
            lines.append(f"| {replicas} | {level} | {len(lat)} | {pct(lat, 50) * 1000:.0f} | {pct(lat, 95) * 1000:.0f} | "
                         f"{pct(lat, 99) * 1000:.0f} | {res['messages'] / res['seconds']:.1f} | {len(res['errors'])} |")
    return lines + [""]


def report_training_memory_soak(run: Run) -> list[str]:
    f = run.figures
    (ours_s, ours_mb), (ref_s, ref_mb) = f["ours_train"], f["ref_train"]
    rss_start, rss_load, soak = f["rss_start"], f["rss_after_load"], f["soak"]
    res = soak["res"]
    return ["## Training, model, memory", "",
            "| figure | B12 Assist | rasa init | target |", "|---|---|---|---|",
            f"| full training (`rasa train --force`) | {ours_s:.0f} s | {ref_s:.0f} s | ≤ 180 s {_ok(ours_s <= 180)} |",
            f"| model size | {ours_mb:.1f} MB | {ref_mb:.1f} MB | |",
            f"| model load (start to first answer) | {f['load_s']['ours']:.1f} s | {f['load_s']['ref']:.1f} s | |",
            f"| Rasa server RSS after start | {rss_start['ours']:.0f} MB | {rss_start['ref']:.0f} MB | |",
            f"| Rasa server RSS after load blocks | {rss_load['ours']:.0f} MB | {rss_load['ref']:.0f} MB | "
            f"≤ 1500 MB {_ok(rss_load['ours'] <= 1500)} |",
            f"| action server RSS after load blocks | {rss_load['ours_actions']:.0f} MB | n/a | |",
            "", "## Soak", "",
            f"{run.soak_s} s at 32 concurrent conversations against B12 Assist: {res['messages']} messages "
            f"({res['messages'] / res['seconds']:.1f} msg/s), p50 {pct(res['latencies'], 50) * 1000:.0f} ms, "
            f"p99 {pct(res['latencies'], 99) * 1000:.0f} ms, errors {len(res['errors'])}, "
            f"replies with no message {len(res['silent'])} {_ok(not (res['errors'] or res['silent']))}.", "",
            f"Memory (Rasa + action server RSS): {soak['rss_before']:.0f} MB before, {soak['rss_after']:.0f} MB after, "
            f"growth {100 * (soak['rss_after'] / soak['rss_before'] - 1):+.1f} % (target ≤ +10 % "
            f"{_ok(soak['rss_after'] <= 1.1 * soak['rss_before'])}).", "",
            f"Messages in the tracker store: {soak['stored']} user messages stored of {res['messages']} sent "
            f"{_ok(soak['stored'] == res['messages'])} (counted in the SQLite tracker store).", ""]


def report_profiles(run: Run) -> list[str]:
    profile, hot_path, nlu_profile = run.figures["detector"], run.figures["hot_path"], run.figures["nlu"]
    results = run.figures["results"]
    lines = ["## Red-flag layer cost per message (profiled in-process, same run)", "",
             "| measurement | µs per message |", "|---|---|",
             f"| spaCy blank tokenizer alone (floor) | {profile['tokenizer_us']:.0f} |",
             f"| red-flag detector, spelling-correction cache off (before) | {profile['detector_uncached_us']:.0f} |",
             f"| red-flag detector as shipped, cache on (after) | {profile['detector_us']:.0f} |", "",
             "## Hot path: before and after the fixes (same run)", "",
             "py-spy on the Rasa server under load showed about 30 % of its CPU in `jsonschema`: Rasa 3.6 "
             "validates every action-server reply with `jsonschema.validate`, which first re-checks the schema "
             "itself. On the action server, the presets YAML file was parsed on every schedule message. "
             "`b12assist/serve/rasa_cli.py` builds the validator once and turns on SQLite write-ahead logging "
             "(one sync per commit); the presets are cached by file modification time. The intent classifier "
             "and the learned red-flag model spent most of their time in scikit-learn's per-call work on a "
             "single message; b12assist/nlu/linear_text.py gives the same probabilities from the fitted "
             "vocabularies and coefficients.", "",
             "| cost per call | before | after |", "|---|---|---|",
             f"| action reply validation | {hot_path['validate_ms']:.2f} ms | {hot_path['validate_cached_ms']:.2f} ms |",
             f"| presets file | {hot_path['presets_ms']:.2f} ms | {hot_path['presets_cached_ms']:.3f} ms |",
             f"| intent classifier, one message (sklearn predict_proba / linear_text) | {hot_path['intent_sklearn_ms']:.2f} ms | "
             f"{hot_path['intent_fast_ms']:.3f} ms |",
             f"| learned red-flag model, one message (same) | {hot_path['redflag_sklearn_ms']:.2f} ms | "
             f"{hot_path['redflag_fast_ms']:.3f} ms |", "",
             "The same model and action server, started with plain `rasa run` (before) and through "
             "`b12assist.serve.rasa_cli` as `make run` does (after), in the same alternating blocks:", "",
             "| concurrency | before: p50 / p95 ms | before msg/s | after: p50 / p95 ms | after msg/s |",
             "|---|---|---|---|---|"]
    for level in (1, 16, 64):
        b_lat, b_tp, _, _ = _agg(results, "plain", level)
        a_lat, a_tp, _, _ = _agg(results, "ours", level)
        lines.append(f"| {level} | {pct(b_lat, 50) * 1000:.0f} / {pct(b_lat, 95) * 1000:.0f} | {b_tp:.1f} | "
                     f"{pct(a_lat, 50) * 1000:.0f} / {pct(a_lat, 95) * 1000:.0f} | {a_tp:.1f} |")
    lines += ["",
              "## Where a message's NLU time goes (cProfile, in-process, same run)", "",
              f"The trained model parsed the conversation mix 400 times under cProfile: "
              f"{nlu_profile['total_ms']:.1f} ms per message in all (profiler overhead included). "
              "Time inside each component's `process`:", "",
              "| component | ms per message | share |", "|---|---|---|"]
    lines += [f"| {name} | {ms:.2f} | {100 * ms / nlu_profile['total_ms']:.0f} % |"
              for name, ms in nlu_profile["components"]]
    lines += ["", "Avoidable costs removed: the detector's spelling correction is cached (before/after "
              "above); FAQ answers, greetings and fallbacks are rules with `utter_` responses, so they "
              "need no round trip to the action server; the emergency guidance is an `utter_` response "
              "sent before the escalation action (which records it off the event loop and notifies in "
              "the background); the emergency number reaches the replies as an entity set by the NLU "
              "component, not by a custom action.", ""]
    soak = run.figures["soak"]["res"]
    if soak["errors"]:
        lines += ["Soak errors (first 10): " + ", ".join(soak["errors"][:10]), ""]
    return lines


def write_report(run: Run) -> None:
    lines = (report_latency(run) + report_tail(run) + report_replicas(run) + report_training_memory_soak(run)
             + red_flag_lines(run.figures["red_flags"]) + report_profiles(run))
    (run.out / "report.md").write_text("\n".join(lines))
    (ROOT / "bench" / "results" / "LATEST.md").write_text(
        f"Latest benchmark: [{run.stamp}/report.md]({run.stamp}/report.md)\n")
    print("\n".join(lines))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--red-flags", action="store_true", help="only the red-flag latency blocks")
    parser.add_argument("--no-replicas", action="store_true", help="skip the one-vs-two replica table")
    args = parser.parse_args()
    if args.red_flags:
        return red_flags_only(15 if args.quick else 45)
    run = new_run(args.quick)
    ref_dir = step_training(run)
    stack = step_servers(run, ref_dir)
    try:
        step_load_blocks(run, stack)
        step_tail_profile(run, stack)
        step_red_flags_and_soak(run, stack)
    finally:
        stack.stop()
    if args.no_replicas:
        run.figures["replicas"] = None
    else:
        step_replicas(run)
    step_profiles(run)
    write_report(run)
    shutil.rmtree(run.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
