"""The widget in a real Chromium: long-polling without WebSockets, long pasted text (never cut
silently), the transcript on the device expires, and "Clear this chat"."""
from __future__ import annotations

import json

import pytest

from test_widget import ask, bot_messages, browser  # noqa: F401  (the module-scoped Chromium)

pytestmark = pytest.mark.browser

NO_WEBSOCKET = "Object.defineProperty(window, 'WebSocket', { value: undefined, configurable: true });"


def open_portal(browser, stack, init_script: str | None = None, attrs: dict | None = None):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    if init_script:
        context.add_init_script(init_script)
    if attrs:   # the clinic's embed snippet with extra data-* options, set before the (deferred) widget runs
        context.add_init_script("""new MutationObserver((_, obs) => {
            const s = document.querySelector("script[src$='widget.js']");
            if (s) { Object.assign(s.dataset, %s); obs.disconnect(); }
        }).observe(document, { childList: true, subtree: true });""" % json.dumps(attrs))
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{stack.web_port}/")
    return context, page


def test_polling_only_without_websockets_gets_a_reply(browser, stack):  # noqa: F811
    context, page = open_portal(browser, stack, NO_WEBSOCKET)
    failed = []
    page.on("requestfailed", lambda r: failed.append(r.url) if "/socket.io/" in r.url else None)
    try:
        assert page.evaluate("typeof window.WebSocket") == "undefined"
        page.click(".b12w-bubble")
        page.wait_for_function("window.B12Assist.socket.connected", timeout=30_000)
        ask(page, "how often are the first b12 injections?")
        assert "every other day for about 1 to 2 weeks" in page.inner_text(".b12w-log")
        assert page.evaluate("window.B12Assist.socket.io.engine.transport.name") == "polling"
        assert not failed, failed[:3]
    finally:
        context.close()


def long_symptom_text(n: int) -> str:
    filler = "I have a question about my injections and the plan my nurse gave me last month. "
    tail = " Also, right now my lips are swelling and I can't breathe properly."
    return (filler * (n // len(filler) + 1))[: n - len(tail)] + tail


def test_long_pasted_text_is_not_cut_and_can_be_sent_in_parts(browser, stack):  # noqa: F811
    context, page = open_portal(browser, stack)
    try:
        page.click(".b12w-bubble")
        page.wait_for_function("window.B12Assist.socket.connected", timeout=30_000)
        text = long_symptom_text(7_000)
        page.fill("#b12w-input", text)
        page.press("#b12w-input", "Enter")
        warn = page.locator(".b12w-warn")
        warn.wait_for(state="visible", timeout=5_000)
        assert "7,000 characters" in warn.inner_text() and "5,000" in warn.inner_text()
        assert page.input_value("#b12w-input") == text           # nothing sent, nothing cut
        assert page.locator(".b12w-user").count() == 0
        page.click(".b12w-shorten")                               # "Let me shorten it": back to the box
        assert warn.is_hidden() and page.input_value("#b12w-input") == text
        page.press("#b12w-input", "Enter")
        page.click(".b12w-send-parts")                            # "Send it in 2 parts"
        page.wait_for_selector(".b12w-alert:not([hidden])", timeout=60_000)
        sent = page.locator(".b12w-user .b12w-body").all_inner_texts()
        assert len(sent) == 2 and all(len(s) <= 5_000 + 10 for s in sent)
        joined = " ".join(s.split(": ", 1)[1] if ": " in s[:12] else s for s in sent)
        assert "lips are swelling and I can't breathe properly." in joined
        assert len(joined.replace(" ", "")) >= len(text.replace(" ", "")) - 2   # every character sent
        page.wait_for_function("document.querySelector('.b12w-log').innerText.includes('EMERGENCY')", timeout=30_000)
    finally:
        context.close()


def stored(page) -> dict:
    key = page.evaluate("Object.keys(localStorage).find(k => k.startsWith('b12assist:'))")
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(key)})") or "{}") if key else {}


def test_clear_this_chat_wipes_the_transcript(browser, stack):  # noqa: F811
    context, page = open_portal(browser, stack)
    try:
        page.click(".b12w-bubble")
        ask(page, "my lips are swelling and I can't breathe")
        page.wait_for_selector(".b12w-alert:not([hidden])", timeout=10_000)
        old_session = page.evaluate("window.B12Assist.session()")
        assert "lips are swelling" in json.dumps(stored(page))
        page.click("text=Clear this chat")
        assert page.locator(".b12w-log .b12w-msg").count() == 0 and page.is_hidden(".b12w-alert")
        assert "Chat cleared" in page.inner_text(".b12w-status")
        assert "lips are swelling" not in json.dumps(stored(page)) and stored(page).get("messages") == []
        page.reload()
        page.wait_for_timeout(500)
        assert page.locator(".b12w-log .b12w-msg").count() == 0
        new_session = page.evaluate("window.B12Assist.session()")
        assert new_session != old_session
        ask(page, "how often are the first b12 injections?")     # a fresh conversation works
        assert "not for emergencies" in page.inner_text(".b12w-log")   # first-contact disclaimer again
    finally:
        context.close()


def test_transcript_on_the_device_expires(browser, stack):  # noqa: F811
    context, page = open_portal(browser, stack, attrs={"expiryHours": "2"})
    try:
        assert page.evaluate("window.B12Assist.config.expiryHours") == 2
        page.click(".b12w-bubble")
        ask(page, "is it injected into the muscle?")
        page.reload()
        page.wait_for_selector(".b12w-log .b12w-msg")
        assert bot_messages(page).count() >= 1                    # kept across a reload
        session = page.evaluate("window.B12Assist.session()")
        # Three hours pass: every stored message is now older than the two hours configured.
        page.evaluate("""() => {
            const key = Object.keys(localStorage).find(k => k.startsWith('b12assist:'));
            const s = JSON.parse(localStorage.getItem(key));
            const past = Date.now() - 3 * 3600 * 1000;
            s.messages.forEach(m => { m.ts = past; }); s.touched = past;
            localStorage.setItem(key, JSON.stringify(s));
        }""")
        page.reload()
        page.wait_for_timeout(500)
        assert page.locator(".b12w-log .b12w-msg").count() == 0
        assert stored(page).get("messages") == [] and page.evaluate("window.B12Assist.session()") != session
    finally:
        context.close()
