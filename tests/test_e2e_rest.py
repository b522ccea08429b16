"""The trained assistant over REST, with the real Rasa server and action server."""
from __future__ import annotations

import csv
import json
import urllib.error
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, text

from conftest import texts

pytestmark = pytest.mark.server
ROOT = Path(__file__).resolve().parent.parent


def responses() -> dict[str, str]:
    out = {}
    for path in (ROOT / "domain").glob("*.yml"):
        for name, variants in (yaml.safe_load(path.read_text()).get("responses") or {}).items():
            # the default variation (conditional ones, e.g. per language, come first)
            out[name] = next(v for v in variants if not v.get("condition"))["text"]
    return out


def new_sender() -> str:
    return "test-" + uuid.uuid4().hex[:12]


def slot_value(stack, sender: str, slot: str):
    """The slot's last value in Rasa's tracker store (SQLite, or PostgreSQL in the second pass)."""
    engine = create_engine(stack.database_url)
    with engine.connect() as con:
        rows = con.execute(text("select data from events where sender_id=:s and type_name='slot' order by id"),
                           {"s": sender}).fetchall()
    engine.dispose()
    value = None
    for (data,) in rows:
        d = json.loads(data)
        if d.get("name") == slot:
            value = d.get("value")
    return value


def test_first_contact_disclaimer_then_answer(stack):
    replies = stack.say(new_sender(), "hi")
    assert "not for emergencies" in replies[0]["text"] and "call 911" in replies[0]["text"]
    assert replies[1]["text"].startswith("Hi!") and replies[1]["buttons"]


FAQ = [
    ("hey so why do ppl even get b12 jabs??", "utter_ask_purpose"),
    ("would tablets do instead of needles for me", "utter_ask_tablets_vs_injections"),
    ("what's the typical starting dose and how often", "utter_ask_loading_dose"),
    ("how often will i need them after the first couple weeks", "utter_ask_maintenance_dose"),
    ("why would the doctor do the injections more often for some people", "utter_ask_dose_intensify"),
    ("what dose should i be on", "utter_ask_dose_decision"),
    ("does it go in the muscle or under the skin", "utter_ask_route"),
    ("i had 3 shots and still tired, when will i feel better", "utter_ask_how_long_to_work"),
    ("which blood tests do they do to check it's working", "utter_ask_monitoring_labs"),
    ("are these injections safe, any side effects", "utter_ask_safety"),
    ("what mistakes do people make with the shots", "utter_ask_common_mistakes"),
    ("should i get b12 shots just to prevent deficiency", "utter_ask_prevention_vs_treatment"),
    ("what should i ask my doctor at my appointment", "utter_ask_what_to_ask_clinician"),
    ("when should i get medical help after an injection", "utter_when_seek_help"),
    ("is the cyanocobalamin one different from hydroxocobalamin", "utter_ask_cyano_vs_hydroxo"),
    ("could my husband do my b12 jabs at home for me", "utter_ask_self_injection"),
    ("could the metformin i take be keeping my b12 low", "utter_ask_ongoing_causes"),
    ("i'm pregnant, can i carry on with my b12 shots", "utter_ask_pregnancy"),
    ("can my 9 year old have b12 injections", "utter_ask_children"),
    ("is it ok to have b12 jabs with my blood pressure pills", "utter_ask_other_medicines"),
    ("can i overdose on b12 shots", "utter_ask_too_much"),
    ("my pee went pink after the b12 jab", "utter_ask_pink_urine"),
    ("is 1mg of b12 the same as 1000 mcg", "utter_ask_units"),
    ("will i need b12 injections for the rest of my life", "utter_ask_lifelong"),
]


@pytest.mark.parametrize("question,response", FAQ)
def test_every_topic_is_answered(stack, question, response):
    sender = new_sender()
    stack.say(sender, "hello")
    replies = stack.say(sender, question)
    expected = responses()[response].replace("{emergency_number}", "911")
    assert texts(replies).startswith(expected[:60]), texts(replies)


def test_booking_and_cost_questions_get_the_clinic_contact(stack):
    sender = new_sender()
    stack.say(sender, "hello")
    reply = texts(stack.say(sender, "how much does a b12 injection cost with insurance"))
    assert "cost or insurance" in reply and "clinic" in reply and "call 911" in reply


def test_follow_up_in_context(stack):
    sender = new_sender()
    stack.say(sender, "hello")
    assert texts(stack.say(sender, "how often are the first injections")).startswith("Treatment usually starts")
    follow = stack.say(sender, "and how long does that last?")
    assert texts(follow).startswith("The loading phase is short")
    assert any(b["payload"] == "/ask_maintenance_dose" for b in follow[0]["buttons"])


def test_several_questions_in_one_message_get_each_answer(stack):
    sender = new_sender()
    stack.say(sender, "hello")
    r = responses()
    replies = [m.get("text", "") for m in stack.say(
        sender, "does the shot go in the muscle or under the skin? and which blood tests will they do?")]
    assert replies[0] == r["utter_several_questions_intro"], replies
    assert replies[1].startswith(r["utter_ask_route"][:60]) and replies[2].startswith(r["utter_ask_monitoring_labs"][:60])


def test_a_red_flag_among_questions_is_escalated_first(stack):
    sender = new_sender()
    stack.say(sender, "hello")
    replies = stack.say(sender, "how often are the shots? also my throat is closing up")
    assert replies[0]["text"].startswith("⚠️ EMERGENCY")


def test_handoff_bot_challenge_fallback_and_out_of_scope(stack):
    sender = new_sender()
    stack.say(sender, "hello")
    assert "reach the team directly" in texts(stack.say(sender, "can I talk to a nurse?"))
    assert "not a person" in texts(stack.say(sender, "are you a real person?"))
    assert "outside what I know" in texts(stack.say(sender, "what's the weather in paris tomorrow"))
    first = stack.say(sender, "/nlu_fallback")
    assert "say it another way" in texts(first) and first[-1]["buttons"]
    # A second miss in a row: the clinic's contact.
    assert "The clinic team can help" in texts(stack.say(sender, "/nlu_fallback"))


def test_schedule_in_one_message_then_next_shot_and_calendar(stack):
    sender = new_sender()
    replies = stack.say(sender, "I started on 4 March, every other day for two weeks, then monthly: "
                                "when's my last loading shot and my first maintenance one?")
    body = texts(replies)
    # the question asked comes first, the full plan and calendar are one button away
    assert "Your last loading injection was on Monday 16 March 2026: injection 7 of 7." in body
    assert "Your first maintenance injection was on Thursday 16 April 2026" in body
    assert any(b.get("payload") == "/show_plan" for m in replies for b in m.get("buttons") or [])
    replies = stack.say(sender, "/show_plan")
    body = texts(replies)
    assert "Loading: 7 injections." in body and "Last loading shot: Monday 16 March 2026" in body
    assert "First maintenance shot: Thursday 16 April 2026" in body
    link = next(m["custom"]["data"]["link"]["url"] for m in replies if m.get("custom", {}).get("data", {}).get("link"))
    import urllib.request
    from icalendar import Calendar
    with urllib.request.urlopen(link, timeout=10) as resp:
        cal = Calendar.from_ical(resp.read())
    assert len([c for c in cal.walk() if c.name == "VEVENT"]) == 7 + 6 + 2
    assert "Your next B12 shot is" in texts(stack.say(sender, "when is my next shot?"))


def test_maintenance_only_question_is_answered_in_one_message(stack):
    sender = new_sender()
    body = texts(stack.say(sender, "my jab is every ten weeks, the previous one was on 2 October 2026. "
                                   "when is the next due?"))
    assert "loading" not in body.lower().split("(i read")[0]      # never asked about loading
    from datetime import date, timedelta
    nxt = date(2026, 10, 2)
    while nxt < date.today():
        nxt += timedelta(weeks=10)
    assert f"{nxt:%A} {nxt.day} {nxt:%B %Y}" in body


def test_a_named_preset_is_confirmed_before_it_is_used(stack):
    sender = new_sender()
    body = texts(stack.say(sender, "I'm on the usual schedule, my first injection was on 9 November 2026"))
    assert "every other day for 2 weeks" in body and "Is that what your clinic told you?" in body
    assert "mcg" not in body.split("Is that what")[0].split("That schedule means")[-1]   # no dose assumed
    assert "Loading:" not in body                                                        # nothing used yet
    done = texts(stack.say(sender, "/affirm"))
    assert "Loading: 7 injections." in done and "1. Monday 9 November 2026" in done
    assert "your prescribed dose" in done


def test_schedule_form_with_interruption_correction_and_red_flag(stack):
    sender = new_sender()
    assert "Which part of your treatment" in texts(stack.say(sender, "can you work out my injection dates"))
    assert "first loading injection" in texts(stack.say(sender, "both, loading and then maintenance"))
    assert "How often" in texts(stack.say(sender, "4 March"))
    faq = texts(stack.say(sender, "wait, what is MCV?"))
    assert "Haemoglobin" in faq and "MCV, the size of your red blood cells" in faq and faq.rstrip().endswith("How often are the loading injections?")
    emergency = stack.say(sender, "oh no my lips are swelling up")
    assert emergency[0]["text"].startswith("⚠️ EMERGENCY")
    assert slot_value(stack, sender, "escalation") == "emergency"
    assert "How often are the loading injections?" in texts(emergency)   # then offers to go on
    stack.say(sender, "no, it was the 5th")
    stack.say(sender, "every other day")
    stack.say(sender, "for 2 weeks")
    done = texts(stack.say(sender, "then every 3 months"))
    assert "1. Thursday 5 March 2026" in done and "every 3 months" in done


def test_urgent_level_sets_the_slot(stack):
    sender = new_sender()
    replies = stack.say(sender, "the numbness in my feet is getting worse every week")
    assert replies[0]["text"].startswith("⚠️ Nerve symptoms")
    assert slot_value(stack, sender, "escalation") == "urgent"


def test_no_escalation_leaves_slot_unset(stack):
    sender = new_sender()
    stack.say(sender, "what if my throat swells after the shot?")
    assert slot_value(stack, sender, "escalation") is None


@pytest.mark.parametrize("text", ["", " ", "\x00\x01\x7f", "<img src=x onerror=alert(1)>", "a" * 20_000,
                                  "¿Cuánto tiempo tarda en hacer efecto?", "这是什么", "🤷‍♀️🤷‍♀️"])
def test_bad_input_gets_a_safe_reply(stack, text):
    replies = stack.say(new_sender(), text)
    assert replies and all("<img" not in (m.get("text") or "") for m in replies[1:])


def test_red_flag_file_over_rest(stack):
    rows = list(csv.DictReader((ROOT / "tests" / "data" / "red_flags.tsv").open(encoding="utf-8"), delimiter="\t"))
    missed, false_escalations = [], []
    negatives = [r for r in rows if r["expected"] == "none"]
    for row in rows:
        first = stack.say(new_sender(), row["text"])[0].get("text", "")
        escalated = first.startswith("⚠️")
        if row["expected"] != "none" and not escalated:
            missed.append(row["text"])
        if row["expected"] == "none" and escalated:
            false_escalations.append(row["text"])
    fer = len(false_escalations) / len(negatives)
    print(f"\nassistant over REST: recall {1 - len(missed) / (len(rows) - len(negatives)):.1%}, "
          f"false escalations {fer:.1%}: {false_escalations}")
    assert not missed, missed
    assert fer <= 0.05


def test_emergency_guidance_without_the_action_server(stack):
    stack.stop("actions")
    try:
        sender = new_sender()
        replies = stack.say(sender, "my throat is closing up")
        assert replies[0]["text"].startswith("⚠️ EMERGENCY")
        assert slot_value(stack, sender, "escalation") == "emergency"
    finally:
        stack.start_actions()


def _get(url: str, headers: dict | None = None):
    import urllib.error
    import urllib.request
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_socketio_accepts_only_configured_origins(stack):
    url = f"http://127.0.0.1:{stack.rasa_port}/socket.io/?EIO=4&transport=polling"
    status, body = _get(url, {"Origin": "https://evil.example"})
    assert status == 400 and "not an accepted origin" in body.lower()
    status, body = _get(url, {"Origin": f"http://127.0.0.1:{stack.web_port}"})
    assert status == 200 and '"sid"' in body


def _staff_login(base: str, token: str):
    """POST the login form without following the redirect; returns (status, Set-Cookie header)."""
    import http.client
    from urllib.parse import urlencode, urlsplit
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("POST", "/staff/login", body=urlencode({"token": token}),
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp.status, resp.getheader("Set-Cookie") or ""


def test_staff_log_in_once_with_a_posted_token_and_a_strict_cookie(stack):
    sender = new_sender()
    stack.say(sender, "my tongue is swelling up")
    base = f"http://127.0.0.1:{stack.web_port}"
    assert _get(f"{base}/staff/api/escalations")[0] == 401
    assert _get(f"{base}/staff/api/escalations", {"Authorization": "Bearer wrong"})[0] == 401
    # a token in the URL is refused, even the right one
    assert _get(f"{base}/staff?token=test-staff-token")[0] == 400
    assert _get(f"{base}/staff/api/escalations?token=test-staff-token")[0] == 400
    status, page = _get(f"{base}/staff")
    assert status == 200 and 'action="/staff/login"' in page and 'method="post"' in page
    assert _staff_login(base, "wrong")[0] == 401
    status, cookie = _staff_login(base, "test-staff-token")
    assert status == 303 and cookie.startswith("b12_staff=")
    attrs = [a.strip().lower() for a in cookie.split(";")]
    assert "httponly" in attrs and "samesite=strict" in attrs and "path=/staff" in attrs
    session = {"Cookie": cookie.split(";")[0]}
    status, page = _get(f"{base}/staff", session)
    assert status == 200 and "Open escalations" in page
    status, body = _get(f"{base}/staff/api/escalations", session)
    rows = json.loads(body)
    assert status == 200 and any(r["conversation_id"] == sender and r["level"] == "emergency" and
                                 r["notify_status"] == "off" for r in rows)
    value = cookie.split(";")[0]
    forged = {"Cookie": value[:value.rindex(".") + 1] + "0" * 64}
    assert _get(f"{base}/staff/api/escalations", forged)[0] == 401
    # scripts may still send the token in a header
    assert _get(f"{base}/staff/api/escalations", {"Authorization": "Bearer test-staff-token"})[0] == 200
    assert json.loads(_get(f"{base}/staff/api/outbox", session)[1]) == {"waiting": 0, "failing": []}


def test_no_patient_text_in_server_logs(stack):
    marker = "zebra-" + uuid.uuid4().hex[:8]
    stack.say(new_sender(), f"my lips are swelling, my name is {marker}")
    stack.say(new_sender(), f"when is my next shot {marker}")
    for name in ("rasa", "actions", "web"):
        log = (stack.tmp / f"{name}.log").read_text(errors="replace")
        assert marker not in log, f"patient text found in the {name} server log"


def _say_with_id(stack, sender: str, message: str, message_id) -> list[dict]:
    return stack.say(sender, message, metadata={"message_id": message_id})


def _user_texts(stack, sender: str) -> list[str]:
    engine = create_engine(stack.database_url)
    with engine.connect() as con:
        rows = con.execute(text("select data from events where sender_id=:s and type_name='user' order by id"),
                           {"s": sender}).fetchall()
    engine.dispose()
    return [json.loads(data)["text"] for (data,) in rows]


def test_a_message_sent_again_with_its_id_is_answered_once(stack):
    """A client that lost a reply (a 502 when a replica died) sends the message again with the same
    metadata.message_id: it gets the same replies and nothing is stored or escalated twice."""
    sender = new_sender()
    first = _say_with_id(stack, sender, "my lips are swelling after the injection", "m-1")
    again = _say_with_id(stack, sender, "my lips are swelling after the injection", "m-1")
    assert first and first[0]["text"].startswith("⚠️") and again == first
    question = _say_with_id(stack, sender, "how long until it works?", "m-2")
    assert _say_with_id(stack, sender, "how long until it works?", "m-2") == question
    assert _user_texts(stack, sender) == ["my lips are swelling after the injection", "how long until it works?"]
    assert slot_value(stack, sender, "escalation") == "emergency"
    # the same id with another text is a new message, and a message without an id is always handled
    _say_with_id(stack, sender, "thanks", "m-2")
    stack.say(sender, "thanks")
    assert _user_texts(stack, sender)[2:] == ["thanks", "thanks"]


def test_a_client_id_used_again_for_new_messages_never_merges_them(stack):
    """A widget that restarts its counter after a reload sends old ids with new messages: only the
    conversation's latest message can be a retry, and each red flag gets its own escalation record."""
    import time

    sender = new_sender()
    _say_with_id(stack, sender, "my lips are swelling after the injection", "w-1")
    _say_with_id(stack, sender, "how long until it works?", "w-2")
    second = _say_with_id(stack, sender, "now my throat feels tight and I can't breathe", "w-1")
    assert second[0]["text"].startswith("⚠️")
    _say_with_id(stack, sender, "how long until it works?", "w-2")   # asked again, not the latest
    assert _user_texts(stack, sender) == ["my lips are swelling after the injection", "how long until it works?",
                                          "now my throat feels tight and I can't breathe", "how long until it works?"]
    engine = create_engine(stack.env["B12_DATABASE_URL"])
    deadline, rows = time.monotonic() + 20, []
    while time.monotonic() < deadline:
        with engine.connect() as con:
            rows = con.execute(text("select message from escalations where conversation_id=:s"), {"s": sender}).fetchall()
        if len(rows) >= 2:
            break
        time.sleep(0.5)
    engine.dispose()
    assert len(rows) == 2, rows


@pytest.mark.parametrize("message_id", ["", "a" * 65, "bad id", 7, None])
def test_an_invalid_message_id_is_refused(stack, message_id):
    with pytest.raises(urllib.error.HTTPError) as err:
        _say_with_id(stack, new_sender(), "hello", message_id)
    assert err.value.code == 400 and json.loads(err.value.read())["error"] == "message_id_invalid"
