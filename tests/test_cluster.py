"""`make cluster-test`: the scaled-out topology of `make cluster` (nginx, two Rasa replicas sharing a
PostgreSQL tracker store and a Redis lock store, two action servers), started for real on free
loopback ports and put under load.

1. Messages of one conversation sent to both replicas at the same moment: the tracker holds every
   user message exactly once, the pairs in order, each message handled before the next (serialised).
2. 32 conversations through the balancer for B12_CLUSTER_TEST_SECONDS (60 s), every reply checked
   (a follow-up answered in context, the schedule form still open after a red flag, emergency guidance
   with the escalation in the reply payload); one Rasa replica SIGKILLed a third of the way in. Errors
   are counted and allowed only in the failover seconds after the kill; the client sends a failed
   message again, as the widget's user would. Then the tracker: sent/stored, duplicates, lost.
3. Redis stopped: every message gets a clear "please try again" (red flags: the emergency guidance),
   the replicas log the lock store failure, nothing is stored for those messages.
The figures are printed (run with -s, as `make cluster-test` does).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from b12assist.netutil import free_port

pytestmark = pytest.mark.cluster
ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "b12.tar.gz"
SECONDS = float(os.environ.get("B12_CLUSTER_TEST_SECONDS", "60"))
CONVERSATIONS = 32
TRY_AGAIN = "Sorry, something went wrong on my side"


class Cluster:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.port, self.web_port = free_port(), free_port()
        self.replica_ports = [free_port(), free_port()]
        self.action_ports = [free_port(), free_port()]
        env = {k: v for k, v in os.environ.items() if k not in ("B12_DATABASE_URL", "B12_REDIS_URL")}
        env.update({
            "B12_VAR_DIR": str(tmp), "B12_RASA_PORT": str(self.port), "B12_WEB_PORT": str(self.web_port),
            "B12_CLUSTER_REPLICA_PORTS": ",".join(map(str, self.replica_ports)),
            "B12_CLUSTER_ACTION_PORTS": ",".join(map(str, self.action_ports)),
            "B12_CLUSTER_REDIS_PORT": str(free_port()),
            "B12_ALLOWED_ORIGINS": f"http://127.0.0.1:{self.web_port},http://localhost:{self.web_port}",
            "B12_RECONCILE_EVERY": "3600", "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false",
        })
        self.log = open(tmp / "cluster-stdout.log", "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "b12assist.serve.cluster"], cwd=ROOT, env=env,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.state_file = tmp / "cluster" / "cluster.json"

    def wait_ready(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"make cluster exited with {self.proc.returncode}: "
                                   + (self.tmp / "cluster-stdout.log").read_text()[-3000:])
            if self.state_file.exists() and self.state()["ready"]:
                return
            time.sleep(1)
        raise TimeoutError("the cluster did not come up")

    def state(self) -> dict:
        return json.loads(self.state_file.read_text())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def url(self, port: int | None = None) -> str:
        return f"http://127.0.0.1:{port or self.port}/webhooks/rest/webhook"

    def user_messages(self, sender: str) -> list[str]:
        return [m for m, _ in self.events(sender) if m is not None]

    def events(self, sender: str) -> list[tuple[str | None, str]]:
        """(user text or None, event type) for each event of the conversation, in stored order."""
        engine = create_engine(self.state()["database_url"])
        try:
            with engine.connect() as con:
                rows = con.execute(text("select type_name, data from events where sender_id=:s order by id"),
                                   {"s": sender}).fetchall()
        finally:
            engine.dispose()
        return [(json.loads(data).get("text") if kind == "user" else None, kind) for kind, data in rows]


def say(url: str, sender: str, message: str, timeout: float = 90, message_id: str | None = None) -> list[dict]:
    payload = {"sender": sender, "message": message}
    if message_id:   # the same id on every attempt: a message sent again is not handled twice
        payload["metadata"] = {"message_id": message_id}
    body = json.dumps(payload).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read())


def texts(replies: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in replies if m.get("text"))


def escalated(replies: list[dict]) -> bool:
    return any(isinstance(m.get("custom"), dict) and (m["custom"].get("data") or {}).get("escalation")
               for m in replies)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail("models/b12.tar.gz is missing: run `make train`")
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        t0 = time.monotonic()
        c.wait_ready()
        print(f"\ncluster up in {time.monotonic() - t0:.0f} s: {c.state()['balancer']}", flush=True)
        yield c
    finally:
        c.stop()


# ---- 1. one conversation, both replicas at once ---------------------------------------------------
def test_same_conversation_on_both_replicas_at_once_is_serialised(cluster):
    senders = [f"dup-{i}-{uuid.uuid4().hex[:8]}" for i in range(16)]
    pairs = [("hello", "what is vitamin b12"), ("how often are the first injections", "which blood tests will they do"),
             ("does the shot go in the muscle", "can I drink alcohol"), ("thanks", "bye")] * 2
    pairs = [(f"{a} {k}", f"{b} {k}") for k, (a, b) in enumerate(pairs)]
    a, b = (cluster.url(p) for p in cluster.replica_ports)

    def conversation(sender: str) -> list[str]:
        sent = []
        for first, second in pairs:
            msgs = (f"{first} ({sender[-4:]})", f"{second} ({sender[-4:]})")
            go = threading.Barrier(2)       # both requests leave at the same moment

            def send(url: str, message: str) -> list[dict]:
                go.wait()
                return say(url, sender, message)
            with ThreadPoolExecutor(2) as pool:
                fa, fb = pool.submit(send, a, msgs[0]), pool.submit(send, b, msgs[1])
                assert texts(fa.result()) and texts(fb.result())
            sent.append(msgs)
        return sent

    with ThreadPoolExecutor(len(senders)) as pool:
        results = dict(zip(senders, pool.map(conversation, senders)))
    sent_n = stored_n = dups = lost = unserialised = misordered = 0
    for sender, sent in results.items():
        stored = cluster.user_messages(sender)
        sent_flat = [m for pair in sent for m in pair]
        sent_n += len(sent_flat)
        stored_n += len(stored)
        dups += sum(stored.count(m) - 1 for m in set(stored))
        lost += sum(1 for m in sent_flat if m not in stored)
        # pair k entirely before pair k+1
        order = [next(k for k, pair in enumerate(sent) if m in pair) for m in stored if m in sent_flat]
        misordered += order != sorted(order)
        # serialised: an action ran between any two user messages
        kinds = [k for _, k in cluster.events(sender)]
        users = [i for i, k in enumerate(kinds) if k == "user"]
        unserialised += sum(1 for i, j in zip(users, users[1:]) if "action" not in kinds[i + 1:j])
    print(f"\nboth replicas at once: {len(senders)} conversations, messages sent {sent_n}, stored {stored_n}, "
          f"duplicates {dups}, lost {lost}, misordered conversations {misordered}, "
          f"messages handled concurrently {unserialised}", flush=True)
    assert (dups, lost, misordered, unserialised) == (0, 0, 0, 0)
    assert stored_n == sent_n


# ---- the widget over socket.io through nginx, across a reload -------------------------------------
CHROMIUM = "/usr/bin/chromium"


def test_widget_session_through_the_balancer_survives_a_reload(cluster):
    """The demo portal's widget (real Chromium) talks socket.io to nginx, which keeps it on one replica
    (polling and websocket); after a reload the same server-side conversation goes on in context."""
    if not Path(CHROMIUM).exists() or not (ROOT / "web" / "static" / "widget.js").exists():
        pytest.fail("needs Debian's chromium and web/static/widget.js (make cluster-test installs both)")
    from playwright.sync_api import sync_playwright

    def bot_count(page) -> int:
        return page.locator(".b12w-bot").count()

    def ask(page, message: str) -> None:
        before = bot_count(page)
        page.fill("#b12w-input", message)
        page.press("#b12w-input", "Enter")
        page.wait_for_function(f"document.querySelectorAll('.b12w-bot').length > {before}", timeout=60_000)
        page.wait_for_timeout(500)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_context().new_page()
            page.goto(cluster.state()["web"] + "/")
            page.click(".b12w-bubble")
            ask(page, "how often are the first b12 injections?")
            assert "every other day for about 1 to 2 weeks" in page.inner_text(".b12w-log")
            session = page.evaluate("window.B12Assist.session()")
            page.reload()
            page.wait_for_selector(".b12w-log .b12w-msg")
            ask(page, "and how long does that last?")      # answered in context: same conversation
            assert "The loading phase is short" in page.inner_text(".b12w-log")
            assert page.evaluate("window.B12Assist.session()") == session
        finally:
            browser.close()
    stored = cluster.user_messages(session)
    assert stored == ["how often are the first b12 injections?", "and how long does that last?"], stored
    access = (cluster.tmp / "cluster" / "nginx-access.log").read_text().splitlines()
    socketio = [line for line in access if " /socket.io/ " in line]
    upstreams = {line.split("upstream=")[1].split()[0] for line in socketio}
    websockets = [line for line in socketio if " GET /socket.io/ 101 " in line]
    print(f"\nwidget over socket.io through nginx: {len(socketio)} socket.io requests ({len(websockets)} websocket "
          f"upgrades), replicas used {sorted(upstreams)}; "
          f"conversation kept across the reload ({len(stored)} messages stored)", flush=True)
    assert socketio and len(upstreams) == 1     # sticky
    assert websockets                           # upgraded through nginx


# ---- 2. load through the balancer, one replica SIGKILLed -------------------------------------------
# One round of a conversation: (message, check of the reply). The red flag comes inside the open
# schedule form, which must still be open after it.
ROUND = [
    ("hello", lambda r: bool(texts(r))),
    ("how often are the first injections", lambda r: texts(r).startswith("Treatment usually starts")),
    ("and how long does that last?", lambda r: texts(r).startswith("The loading phase is short")),
    ("can you work out my injection dates", lambda r: "Which part of your treatment" in texts(r)),
    ("both, loading and then maintenance", lambda r: "first loading injection" in texts(r)),
    ("4 March", lambda r: "How often" in texts(r)),
    ("oh no my lips are swelling up",
     lambda r: escalated(r) and r[0]["text"].startswith("⚠️ EMERGENCY") and "How often are the loading injections?" in texts(r)),
    ("every other day", lambda r: bool(texts(r)) and TRY_AGAIN not in texts(r)),
    ("for 2 weeks", lambda r: bool(texts(r)) and TRY_AGAIN not in texts(r)),
    ("then every 3 months", lambda r: "every 3 months" in texts(r) and "1. " in texts(r)),
]
RED_FLAG = ROUND[6][0]


class Load:
    def __init__(self, cluster: Cluster, t0: float):
        self.cluster, self.t0 = cluster, t0
        self.lock = threading.Lock()
        self.errors: list[tuple[float, str]] = []      # (seconds since start, what)
        self.acked: dict[str, list[str]] = {}          # sender -> messages answered (in order)
        self.unanswered: list[tuple[str, str]] = []
        self.red_flags = self.red_flags_escalated = 0
        self.latencies: list[tuple[float, float]] = []   # (finished at, seconds)
        self.rounds: list[tuple[float, float]] = []      # completed rounds: (started at, finished at)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors.append((time.monotonic() - self.t0, what))

    def send(self, sender: str, message: str, check) -> bool:
        message_id = uuid.uuid4().hex    # one id per message, kept on every attempt (README: REST)
        for _attempt in range(8):
            t = time.monotonic()
            try:
                replies = say(self.cluster.url(), sender, message, message_id=message_id)
            except (urllib.error.URLError, OSError) as exc:
                self.error(f"{type(exc).__name__}: {getattr(exc, 'code', '')}")
                time.sleep(1)
                continue
            if TRY_AGAIN in texts(replies) and message != RED_FLAG:
                self.error("try again")
                time.sleep(1)
                continue
            with self.lock:
                self.latencies.append((time.monotonic() - self.t0, time.monotonic() - t))
                self.acked.setdefault(sender, []).append(message)
                if message == RED_FLAG:
                    self.red_flags += 1
                    self.red_flags_escalated += escalated(replies)
            if not check(replies):
                self.error(f"unexpected reply to {message!r}: {texts(replies)[:120]!r}")
                return False
            return True
        with self.lock:
            self.unanswered.append((sender, message))
        return False

    def conversation(self, n: int, until: float) -> None:
        while time.monotonic() < until:
            sender = f"load-{n}-{uuid.uuid4().hex[:8]}"
            started = time.monotonic() - self.t0
            for message, check in ROUND:
                if not self.send(sender, message, check):
                    break       # a reply out of context: the rest of this round would not make sense
            else:
                with self.lock:
                    self.rounds.append((started, time.monotonic() - self.t0))


def test_load_with_a_replica_killed_midway(cluster):
    t0 = time.monotonic()
    load = Load(cluster, t0)
    until = t0 + SECONDS
    kill_at = SECONDS / 3
    killed: dict = {}

    def killer():
        time.sleep(kill_at)
        pid = cluster.state()["pids"]["rasa-1"]
        os.kill(pid, signal.SIGKILL)
        killed.update(pid=pid, at=time.monotonic() - t0)

    threading.Thread(target=killer, daemon=True).start()
    with ThreadPoolExecutor(CONVERSATIONS) as pool:
        list(pool.map(lambda n: load.conversation(n, until), range(CONVERSATIONS)))

    sent = stored = dups = lost = 0
    for sender, acked in load.acked.items():
        messages = cluster.user_messages(sender)
        sent += len(acked)
        stored += len(messages)
        dups += sum(messages.count(m) - 1 for m in set(messages))
        lost += sum(1 for m in acked if m not in messages)
        assert [m for m in messages if m in acked] == acked, sender   # in order
    errors_after = [e for e in load.errors if e[0] >= killed["at"]]
    failover = (max(e[0] for e in errors_after) - killed["at"]) if errors_after else 0.0
    lat = sorted(seconds for _, seconds in load.latencies)
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]  # noqa: E731
    # The longest wait for a reply that finished after the kill: a conversation whose lock the killed
    # replica held waits for its ticket to expire (TICKET_LOCK_LIFETIME, 10 s in the cluster).
    stall = max((sec for at, sec in load.latencies if at >= killed["at"]), default=0.0)
    across = sum(1 for start, end in load.rounds if start < killed["at"] < end)
    print(f"\nload: {CONVERSATIONS} conversations for {SECONDS:.0f} s through nginx, rasa-1 (pid {killed['pid']}) "
          f"SIGKILLed at {killed['at']:.1f} s\n"
          f"  messages sent {sent}, stored {stored}, duplicates {dups}, lost {lost}, unanswered {len(load.unanswered)}\n"
          f"  errors {len(load.errors)} (before the kill {len(load.errors) - len(errors_after)}, each sent again), "
          f"failover {failover:.1f} s (errors), longest wait for a reply after the kill {stall:.1f} s\n"
          f"  completed rounds {len(load.rounds)}, {across} of them across the kill with every reply in context "
          f"(follow-up answered, schedule form still open after the red flag)\n"
          f"  red flags escalated {load.red_flags_escalated}/{load.red_flags}\n"
          f"  latency p50 {p(0.5) * 1000:.0f} ms, p95 {p(0.95) * 1000:.0f} ms, p99 {p(0.99) * 1000:.0f} ms", flush=True)
    logs = "".join((cluster.tmp / "cluster" / "logs" / f"rasa-{i}.log").read_text(errors="replace") for i in (1, 2))
    print(f"  messages sent again after the first attempt had been stored, answered from the store: "
          f"{logs.count('was handled before')}", flush=True)
    for at, what in load.errors[:5]:
        print(f"  error at {at:.1f} s: {what}", flush=True)
    assert killed and sent > 0
    assert (dups, lost, len(load.unanswered)) == (0, 0, 0)
    assert stored == sent
    assert load.red_flags_escalated == load.red_flags > 0
    assert len(load.errors) == len(errors_after), "errors before the replica was killed"
    assert failover <= 30, "errors went on after the failover"
    assert across > 0
    assert len(load.rounds) >= CONVERSATIONS


# ---- 3. Redis stopped ------------------------------------------------------------------------------
def test_redis_stopped_gives_a_clear_error_and_writes_nothing(cluster):
    state = cluster.state()
    os.kill(state["redis_pid"], signal.SIGTERM)
    time.sleep(1)
    sender = "redis-down-" + uuid.uuid4().hex[:8]
    plain = say(cluster.url(), sender, "how often are the first injections")
    red = say(cluster.url(), sender, "my throat is closing up")
    print(f"\nRedis stopped: reply {texts(plain)[:90]!r}; red flag escalated {escalated(red)}", flush=True)
    assert TRY_AGAIN in texts(plain)
    assert escalated(red) and red[0]["text"].startswith("⚠️ EMERGENCY")
    assert cluster.user_messages(sender) == []    # nothing written, so nothing written twice later
    logs = "".join((cluster.tmp / "cluster" / "logs" / f"rasa-{i}.log").read_text(errors="replace")
                   for i in (1, 2))
    assert "lock store (Redis) failed" in logs
