"""The review loop end to end, on real servers and a real retrain: patients send messages the model
does not understand, a nurse sees them as one group on the staff page in Chromium, gives the group a
topic, `b12-staff review export` writes the training data, the model is retrained into a temporary
folder (a whole `rasa train`, under a minute since the intent classifier is a linear model), and the
same messages are then answered with the labelled topic. Screenshots of the queue
and the chart: reports/screenshots/review-queue.png and review-chart.png."""
from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
import yaml

from b12assist.review import inbox
from b12assist.staff import transcripts
from conftest import BIN, ROOT, Stack, texts

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "reports" / "screenshots"
# Wordings of one question the model has no topic for yet, and the topic staff give them. The model
# keeps learning from folded blind sets, so some may already be understood: those that the served
# model queues for review (checked below, at least three) are the ones the loop is tested with.
CANDIDATES = ["can i go in the sauna after my b12 injection", "am i allowed a sauna after my b12 injection",
              "can i use the sauna after the b12 injection", "sauna after my injection, is that ok",
              "is a sauna ok after the b12 injection", "sauna straight after my b12 injection?"]
TOPIC = "ask_safety"      # the general safety answer (the wine questions this test used first are now
                          # understood, since the blind round-1 messages were folded into training)


def _response_start(intent: str) -> str:
    for path in (ROOT / "domain").glob("*.yml"):
        responses = (yaml.safe_load(path.read_text()) or {}).get("responses") or {}
        if f"utter_{intent}" in responses:
            return responses[f"utter_{intent}"][0]["text"].split("{")[0][:40]
    raise AssertionError(f"no response utter_{intent}")


def test_label_in_the_browser_export_retrain_and_the_messages_are_understood(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright
    first = tmp_path / "before"
    first.mkdir()
    stack = Stack(first, env={"B12_TRACKER_DATABASE_URL": f"sqlite:///{first / 'tracker.db'}"}).start()
    try:
        senders = {}
        for text in CANDIDATES:
            sender = "review-" + uuid.uuid4().hex[:8]
            stack.say(sender, text)
            senders[sender] = text
        # the review queue as the staff page reads it
        queued = {m.conversation_id for m in inbox.pending(stack.database_url, stack.env["B12_DATABASE_URL"])}
        messages = [text for sender, text in senders.items() if sender in queued]
        before = [transcripts.transcript(stack.database_url, sender)[0].intent
                  for sender in senders if sender in queued]
        n = len(messages)
        # at least three queued (fallback, or a topic with low confidence), and at least two of them
        # not understood as the topic yet (a guess below the confidence line may already be right)
        assert n >= 3 and sum(intent != TOPIC for intent in before) >= 2, (messages, before)
        red = "review-red-" + uuid.uuid4().hex[:6]
        assert stack.say(red, "my throat is closing up")[0]["text"].startswith("⚠️")
        base = f"http://127.0.0.1:{stack.web_port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
            try:
                page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
                page.goto(f"{base}/staff")
                page.fill("#token", "test-staff-token")
                page.click("button[type=submit]")
                row = page.locator("#groups tr", has_text=messages[0])
                row.wait_for(timeout=30_000)
                for text in messages:                                   # one group, one conversation each
                    assert text in row.inner_text()
                assert f"{n} in {n} conversation(s)" in row.inner_text()
                assert any(why in row.inner_text() for why in ("fallback", "low confidence", "out of scope"))
                page.wait_for_function("document.getElementById('chart').complete && "
                                       "document.getElementById('chart').naturalWidth > 0", timeout=30_000)
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / "review-queue.png"), full_page=True)
                page.locator("#chart").screenshot(path=str(SHOTS / "review-chart.png"))
                page.fill("#who", "Nurse Jo")
                page.dispatch_event("#who", "change")
                # acknowledge the escalation on the page
                page.locator("#rows tr", has_text=red).locator("button", has_text="Acknowledge").click()
                page.locator("#rows tr", has_text=red).wait_for(state="detached", timeout=15_000)
                # label the group
                row.locator("select").select_option(TOPIC)
                row.locator("button", has_text="Label").click()
                page.wait_for_selector(f"#review-state:has-text('{n} message(s) labelled {TOPIC}')", timeout=15_000)
                assert page.locator("#groups tr", has_text=messages[0]).count() == 0
            finally:
                browser.close()
        from b12assist.store import escalations
        acked = [e for e in escalations.list_escalations(url=stack.env["B12_DATABASE_URL"]) if e.conversation_id == red]
        assert acked and acked[0].status == "acknowledged" and acked[0].acknowledged_by == "Nurse Jo"
    finally:
        stack.close()

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    env = dict(stack.env)
    out = subprocess.run([str(BIN / "b12-staff"), "review", "export", "--out", str(data / "nlu" / "reviewed.yml"),
                          "--new-topics", str(tmp_path / "new-topics.yml")], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and f"{n} new" in out.stdout, out.stdout + out.stderr
    models = tmp_path / "models"
    # Retrained as staff would after a review: same config, the new examples added.
    train = subprocess.run([str(BIN / "rasa"), "train", "--domain", str(ROOT / "domain"), "--data", str(data),
                            "--config", str(ROOT / "config.yml"), "--out", str(models),
                            "--fixed-model-name", "reviewed"], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=3000)
    assert train.returncode == 0, train.stdout[-3000:] + train.stderr[-3000:]

    second = tmp_path / "after"
    second.mkdir()
    stack = Stack(second, model=models / "reviewed.tar.gz").start()
    try:
        expected = _response_start(TOPIC)
        for text in messages:
            sender = "review-after-" + uuid.uuid4().hex[:8]
            reply = texts(stack.say(sender, text))
            assert transcripts.transcript(stack.database_url, sender)[0].intent == TOPIC, text
            assert expected in reply, (text, reply)
    finally:
        stack.close()
