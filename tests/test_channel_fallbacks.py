"""The channel's own answers when Rasa fails or is slow (channels/validated.py), with a stand-in for
Rasa's message handler: real channel code, real red-flag detector, real domain texts."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel

from b12assist import inputcheck
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
def short_deadline(monkeypatch):
    monkeypatch.setenv("B12_REPLY_DEADLINE_SECONDS", "1")


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
