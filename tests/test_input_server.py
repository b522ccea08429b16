"""Input validation in front of Rasa's REST and socket.io channels, against the real servers
(channels/validated.py): clear 400s, no 5xx, no silent empty reply, oversized messages read by the
red-flag detector without reaching DIET, flat memory, one CORS header on socket.io polling, and no
message text in the Rasa server's log at debug level."""
from __future__ import annotations

import json
import queue
import tempfile
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from conftest import MODEL, Stack, texts

pytestmark = pytest.mark.server

TOO_LONG = "Your message is too long for me"
FILLER = "I had my injection this morning and I was wondering about the schedule for the next weeks. "


def post(stack, body: bytes | str, timeout: float = 120) -> tuple[int, object, object]:
    data = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(f"http://127.0.0.1:{stack.rasa_port}/webhooks/rest/webhook", data=data,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read()), resp.headers
    except urllib.error.HTTPError as err:
        raw = err.read()
        try:
            return err.code, json.loads(raw), err.headers
        except ValueError:
            return err.code, raw.decode("utf-8", "replace"), err.headers


def new_sender() -> str:
    return "input-" + uuid.uuid4().hex[:12]


def long_text(n: int, tail: str = "") -> str:
    return (FILLER * (n // len(FILLER) + 1))[: n - len(tail)] + tail


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def escalations_for(stack, sender: str) -> list[tuple]:
    engine = create_engine(stack.env["B12_DATABASE_URL"])
    try:
        with engine.connect() as con:
            return con.execute(text("select level, category, message from escalations where conversation_id=:s"),
                               {"s": sender}).fetchall()
    finally:
        engine.dispose()


@pytest.mark.parametrize("body, code", [
    ("", "body_empty"), ("   ", "body_empty"), ("not json", "body_not_json"), ('{"sender": "a", "message": ',
                                                                              "body_not_json"),
    (b'\xff\xfe\x00garbage', "body_not_json"), ("[1, 2]", "body_not_object"), ('"hi"', "body_not_object"),
    ("null", "body_not_object"), ('{"message": "hi"}', "sender_missing"), ('{"sender": "", "message": "hi"}',
                                                                          "sender_missing"),
    ('{"sender": 12, "message": "hi"}', "sender_invalid"), ('{"sender": "a"}', "message_missing"),
    ('{"sender": "a", "message": null}', "message_invalid"), ('{"sender": "a", "message": 3}', "message_invalid"),
    ('{"sender": "a", "message": ["hi"]}', "message_invalid"),
    ('{"sender": "a", "message": "hi", "metadata": []}', "metadata_invalid"),
    ("[" * 100_000, "body_not_json"),
])
def test_bad_requests_get_400_with_a_clear_json_error(stack, body, code):
    status, payload, headers = post(stack, body)
    assert status == 400, (status, payload)
    assert headers.get("Content-Type", "").startswith("application/json")
    assert payload["error"] == code and len(payload["message"]) > 10


def test_an_empty_message_gets_a_short_reply_not_an_empty_list(stack):
    for message in ("", "   ", "\x00\x01\x1b"):
        status, payload, _ = post(stack, json.dumps({"sender": new_sender(), "message": message}))
        assert status == 200 and len(payload) == 1
        assert "didn't get any text" in payload[0]["text"]


def test_control_characters_are_stripped_and_the_message_understood(stack):
    sender = new_sender()
    status, payload, _ = post(stack, json.dumps({"sender": sender, "message": "my lips are\x00 swelling and "
                                                                               "I can\x07't breathe\x1b"}))
    assert status == 200 and texts(payload).startswith("⚠️ EMERGENCY")


def test_a_huge_body_is_refused_with_413(stack):
    status, payload, _ = post(stack, json.dumps({"sender": "a", "message": "x" * 1_100_000}))
    assert status == 413 and payload["error"] == "body_too_large"


def test_oversized_message_without_a_red_flag_is_refused_and_memory_stays_flat(stack):
    pid = stack.procs["rasa"].pid
    before = rss_mb(pid)
    sender = new_sender()
    status, payload, _ = post(stack, json.dumps({"sender": sender, "message": long_text(100_000)}))
    after = rss_mb(pid)
    print(f"\nRasa server RSS around a 100,000-character message: {before:.0f} MB -> {after:.0f} MB")
    assert status == 200
    assert [m["text"] for m in payload] == [
        "Your message is too long for me (100,000 characters). Please send a shorter message, up to 5,000 characters."]
    assert after - before < 150, f"RSS grew by {after - before:.0f} MB"
    assert escalations_for(stack, sender) == []


@pytest.mark.parametrize("tail, level, reply", [
    (" Now my lips are swelling and I can't breathe.", "emergency", "⚠️ EMERGENCY: call"),
    (" The numbness in my feet is getting worse every day.", "urgent", "⚠️ Nerve symptoms that are getting worse"),
])
def test_oversized_message_ending_in_a_red_flag_gets_guidance_and_is_escalated(stack, tail, level, reply):
    pid = stack.procs["rasa"].pid
    before = rss_mb(pid)
    sender = new_sender()
    status, payload, _ = post(stack, json.dumps({"sender": sender, "message": long_text(100_000, tail)}))
    after = rss_mb(pid)
    print(f"\n{level}: Rasa server RSS {before:.0f} MB -> {after:.0f} MB")
    assert status == 200
    said = [m.get("text", "") for m in payload]
    assert said[0].startswith(reply)
    assert any(m.get("custom", {}).get("data", {}).get("escalation") == level for m in payload)
    assert said[-1].startswith(TOO_LONG + " (100,000 characters)")
    rows = escalations_for(stack, sender)
    assert len(rows) == 1 and rows[0][0] == level
    assert tail.strip()[:20] in rows[0][2] and len(rows[0][2]) <= 5000   # the excerpt with the red flag
    assert after - before < 150


def test_a_missing_sender_never_shares_a_conversation(stack):
    status, _, _ = post(stack, json.dumps({"message": "I started on 4 March, every other day for two weeks"}))
    assert status == 400
    status, _, _ = post(stack, json.dumps({"message": "when is my next shot?"}))
    assert status == 400


# ---- socket.io -----------------------------------------------------------------------------------

class SocketChat:
    """A socket.io client over HTTP long-polling (as a browser without WebSockets), with the
    widget's events."""

    def __init__(self, stack, origin: str | None = None):
        import socketio

        self.events: queue.Queue = queue.Queue()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("bot_uttered", lambda data: self.events.put(data))
        confirmed: queue.Queue = queue.Queue()
        self.sio.on("session_confirm", lambda data: confirmed.put(data))
        self.sio.connect(f"http://127.0.0.1:{stack.rasa_port}", transports=["polling"],
                         headers={"Origin": origin or stack.origins[0]})
        self.session = "sock-" + uuid.uuid4().hex[:12]
        self.sio.emit("session_request", {"session_id": self.session})
        assert confirmed.get(timeout=20) == self.session

    def say(self, data, wait: float = 60, until: str | None = None) -> list[dict]:
        self.sio.emit("user_uttered", data)
        got = [self.events.get(timeout=wait)]
        while True:
            if until and any(until in (m.get("text") or "") for m in got):
                return got
            try:
                got.append(self.events.get(timeout=3 if not until else wait))
            except queue.Empty:
                return got

    def close(self):
        self.sio.disconnect()


@pytest.fixture()
def chat(stack):
    c = SocketChat(stack)
    yield c
    c.close()


@pytest.mark.parametrize("data, code", [
    ({"message": 5}, "message_invalid"), ({"message": None}, "message_invalid"), ({}, "message_missing"),
    ({"message": "hi", "metadata": "not json"}, "metadata_invalid"),
])
def test_socketio_invalid_messages_get_an_error_message(chat, data, code):
    data = {"session_id": chat.session, **data}
    got = chat.say(data)
    assert got[0]["error"] == code and len(got[0]["text"]) > 10


def test_socketio_without_a_session_gets_an_error_message(chat):
    got = chat.say({"message": "hello"})
    assert got[0]["error"] == "session_missing"
    got = chat.say("just a string")
    assert got[0]["error"] == "body_not_object"


def test_socketio_empty_and_oversized_messages(chat):
    got = chat.say({"session_id": chat.session, "message": " \x00 "})
    assert "didn't get any text" in got[0]["text"]
    got = chat.say({"session_id": chat.session, "message": long_text(20_000, " My throat is swelling up right now.")},
                   until=TOO_LONG)
    said = [m.get("text") or "" for m in got]
    assert said[0].startswith("⚠️ EMERGENCY: call") and said[-1].startswith(TOO_LONG + " (20,000 characters)")


def test_socketio_polling_has_exactly_one_allow_origin_header(stack):
    origin = stack.origins[0]
    req = urllib.request.Request(f"http://127.0.0.1:{stack.rasa_port}/socket.io/?EIO=4&transport=polling",
                                 headers={"Origin": origin})
    with urllib.request.urlopen(req, timeout=20) as resp:
        values = resp.headers.get_all("Access-Control-Allow-Origin")
    assert values == [origin]
    req = urllib.request.Request(f"http://127.0.0.1:{stack.rasa_port}/socket.io/?EIO=4&transport=polling",
                                 headers={"Origin": "http://evil.example"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=20)
    assert err.value.code == 400 and not err.value.headers.get_all("Access-Control-Allow-Origin")


# ---- logs --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def debug_stack():
    """A second Rasa server with debug logging on (LOG_LEVEL=DEBUG), its own action server."""
    if not MODEL.exists():
        pytest.fail("models/b12.tar.gz is missing: run `make train`")
    s = Stack(Path(tempfile.mkdtemp(prefix="b12-debug-stack-")))
    s.env["LOG_LEVEL"] = "DEBUG"
    s.start()
    yield s
    s.close()


def test_no_message_text_in_the_server_log_at_debug_level(debug_stack):
    secret = "Quokka" + uuid.uuid4().hex[:10]
    sender = new_sender()
    messages = [f"{secret} when is my next shot?",
                f"I started on 4 March {secret}, every other day for two weeks, then monthly",
                f"{secret} my lips are swelling and I can't breathe",
                f"/ask_purpose{{\"x\": \"{secret}\"}}",
                secret, long_text(8_000, f" {secret} my throat is closing")]
    for message in messages:
        status, payload, _ = post(debug_stack, json.dumps({"sender": sender, "message": message}))
        assert status == 200 and payload
    post(debug_stack, json.dumps({"sender": secret, "message": 7}))
    log = (debug_stack.tmp / "rasa.log").read_text(errors="replace")
    assert " DEBUG " in log and "processor" in log            # debug logging really was on
    assert secret not in log, [line for line in log.splitlines() if secret in line][:5]
    assert secret.lower() not in log.lower()
    # the action server of this stack ran with the same LOG_LEVEL=DEBUG and saw the same messages
    actions = (debug_stack.tmp / "actions.log").read_text(errors="replace")
    assert " DEBUG " in actions, actions[-2000:]
    assert secret.lower() not in actions.lower(), [line for line in actions.splitlines() if secret.lower() in line.lower()][:5]
