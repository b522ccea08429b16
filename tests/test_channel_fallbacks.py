"""The channel's own answers when Rasa fails or is slow (channels/validated.py), with a stand-in for
Rasa's message handler: real channel code, real red-flag detector, real domain texts."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel

from b12assist import inputcheck
from b12assist.outbox import FileOutbox
from b12assist.store import escalations
from b12assist.reconcile import escalation_key
from b12assist.safety.detector import detect
from channels import validated


def run(text: str, handler) -> list[dict]:
    out = CollectingOutputChannel()
    req = inputcheck.check_request({"sender": "p1", "message": text})
    asyncio.run(validated.handle(req, out, handler, "rest"))
    return out.messages


def escalation(messages: list[dict]):
    return next((m["custom"]["data"]["escalation"] for m in messages
                 if isinstance(m.get("custom"), dict) and "data" in m["custom"]), None)


@pytest.fixture(autouse=True)
def short_deadline(monkeypatch, tmp_path):
    monkeypatch.setenv("B12_REPLY_DEADLINE_SECONDS", "1")
    monkeypatch.setenv("B12_VAR_DIR", str(tmp_path))      # the file outbox of this test
    monkeypatch.setenv("B12_DATABASE_URL", f"sqlite:///{tmp_path / 'b12.db'}")
    monkeypatch.delenv("B12_NOTIFY_WEBHOOK_URL", raising=False)


def recorded() -> list:
    return sorted(escalations.list_escalations(), key=lambda e: e.id)


@pytest.fixture(scope="module", autouse=True)
def loaded_detector():
    """The detector's rules loaded before the first test, as the server loads them with the model
    (a cold load on a busy machine can outlast the channel's 5 s red-flag check)."""
    detect("warm up")


def left_for_notifier() -> list[dict]:
    return FileOutbox().entries()


def test_the_guidance_is_the_domains_text_for_the_level_and_language():
    assert validated._guidance("urgent").startswith("⚠️ Nerve symptoms")
    emergency = validated._guidance("emergency")
    assert emergency.startswith("⚠️ EMERGENCY") and "Lie down" in emergency and "{emergency_number}" not in emergency
    assert validated._guidance("emergency", "de").startswith("⚠️ NOTFALL")
    assert "Sudden weakness" in validated._guidance("emergency", "en", "neuro_sudden")
    assert validated._guidance("emergency", "nl") == emergency


def test_a_red_flag_gets_the_guidance_when_rasa_is_too_slow():
    async def stuck(message):
        await asyncio.sleep(30)

    replies = run("my throat is closing up and I can't breathe", stuck)
    assert escalation(replies) == "emergency" and replies[0]["text"].startswith("⚠️ EMERGENCY")
    assert "Lie down" in replies[0]["text"]
    urgent = run("the numbness in my feet is getting worse every week", stuck)
    assert escalation(urgent) == "urgent" and urgent[0]["text"].startswith("⚠️ Nerve symptoms")


def test_guidance_already_sent_by_rasa_is_not_followed_by_a_try_again():
    async def guidance_then_stall(message):
        await message.output_channel.send_response(message.sender_id, {
            "text": "⚠️ EMERGENCY: call 911 now.", "custom": {"data": {"escalation": "emergency"}}})
        await asyncio.sleep(30)

    replies = run("my throat is closing up and I can't breathe", guidance_then_stall)
    assert [m.get("text") for m in replies if m.get("text")] == ["⚠️ EMERGENCY: call 911 now."]


def test_a_question_gets_the_slow_reply_with_the_emergency_number():
    async def stuck(message):
        await asyncio.sleep(30)

    replies = run("how often are the maintenance shots?", stuck)
    assert replies[-1]["text"].startswith("Sorry, I'm slow to answer right now. If this is an emergency, call")
    assert "send your message again" in replies[-1]["text"]       # REST: the late answer cannot reach it
    assert escalation(replies) is None


def test_a_failure_gets_try_again_and_a_failing_red_flag_the_guidance():
    async def broken(message):
        raise RuntimeError("store down")

    assert run("how often are the maintenance shots?", broken)[-1]["text"].startswith("Sorry, something went wrong")
    assert escalation(run("my lips are swelling up fast", broken)) == "emergency"


def test_guidance_the_channel_sent_itself_is_recorded_under_rasas_message_id():
    seen = []

    async def broken(message):
        seen.append(message.message_id)
        raise RuntimeError("store down")

    async def stuck(message):
        seen.append(message.message_id)
        await asyncio.sleep(30)

    assert escalation(run("my lips are swelling up fast", broken)) == "emergency"
    assert escalation(run("the numbness in my feet is getting worse every week", stuck)) == "urgent"
    rows = recorded()
    assert [(r.level, r.conversation_id, r.notify_status) for r in rows] == \
        [("emergency", "p1", "off"), ("urgent", "p1", "off")]
    # the key the action and the tracker-store check use for the same message: one record, not two
    assert [r.key for r in rows] == [escalation_key("p1", mid) for mid in seen]
    assert rows[0].message == "my lips are swelling up fast" and rows[0].category == "swelling"
    assert left_for_notifier() == []


def test_with_the_database_down_the_record_waits_in_the_file_outbox_once(monkeypatch, tmp_path):
    monkeypatch.setenv("B12_DATABASE_URL", f"sqlite:///{tmp_path / 'missing-dir' / 'b12.db'}")

    async def broken(message):
        raise RuntimeError("store down")

    assert escalation(run("my lips are swelling up fast", broken)) == "emergency"
    entries = left_for_notifier()
    assert [(e["level"], e["category"]) for e in entries] == [("emergency", "swelling")]
    assert FileOutbox().append(dict(entries[0], notify_status="pending")) is False   # same key: not twice
    assert len(left_for_notifier()) == 1


def test_nothing_is_recorded_when_rasa_sent_the_guidance_or_there_is_no_red_flag():
    async def guidance_then_stall(message):
        await message.output_channel.send_response(message.sender_id, {
            "text": "⚠️ EMERGENCY: call 911 now.", "custom": {"data": {"escalation": "emergency"}}})
        await asyncio.sleep(30)

    async def broken(message):
        raise RuntimeError("store down")

    run("my throat is closing up and I can't breathe", guidance_then_stall)
    run("how often are the maintenance shots?", broken)
    assert recorded() == [] and left_for_notifier() == []


def test_a_message_sent_again_that_falls_back_twice_is_one_record():
    """A REST client names its message (metadata.message_id) and sends it again after a lost reply;
    Rasa fails both times, so the channel sends the guidance and records twice: one record, keyed by
    the client's id and text (which the action and the tracker-store check use too). A new message
    with the same id but other words is another record."""
    async def broken(message):
        raise RuntimeError("store down")

    def attempt(text: str) -> list[dict]:
        out = CollectingOutputChannel()
        req = inputcheck.check_request({"sender": "p1", "message": text, "metadata": {"message_id": "m-7"}})
        asyncio.run(validated.handle(req, out, broken, "rest"))
        return out.messages

    assert escalation(attempt("my lips are swelling up fast")) == "emergency"
    assert escalation(attempt("my lips are swelling up fast")) == "emergency"     # the retry: guidance again
    assert len(recorded()) == 1
    assert escalation(attempt("now my throat is closing")) == "emergency"
    assert [r.message for r in recorded()] == ["my lips are swelling up fast", "now my throat is closing"]
