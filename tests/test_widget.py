"""The patient widget in a real Chromium (Debian's), embedded in the demo portal exactly as a clinic would."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "reports" / "screenshots"
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does this)")
    if not (ROOT / "web" / "static" / "widget.js").exists():
        pytest.fail("web/static/widget.js is missing: run `make widget`")
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


@pytest.fixture()
def portal(browser, stack):
    """A fresh browser context on the portal page, with the widget pointed at the test Rasa server."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    url = f"http://127.0.0.1:{stack.web_port}/"
    page.goto(url)
    yield page, url
    context.close()


def bot_messages(page):
    return page.locator(".b12w-bot .b12w-body")


def ask(page, text):
    before = bot_messages(page).count()
    page.fill("#b12w-input", text)
    page.press("#b12w-input", "Enter")
    page.wait_for_function(f"document.querySelectorAll('.b12w-bot').length > {before}", timeout=30_000)
    page.wait_for_timeout(400)


def test_dosing_question_quick_reply_and_reload(portal):
    page, url = portal
    page.click(".b12w-bubble")
    assert page.get_attribute(".b12w-bubble", "aria-expanded") == "true"
    assert page.evaluate("document.activeElement.id") == "b12w-input"
    assert "not for emergencies" in page.inner_text(".b12w-notice")
    ask(page, "how often are the first b12 injections?")
    log = page.inner_text(".b12w-log")
    assert "not for emergencies" in log                    # first-contact disclaimer
    assert "every other day for about 1 to 2 weeks" in log
    assert re.search(r"\d{1,2}:\d{2}", page.inner_text(".b12w-meta >> nth=0"))   # timestamps
    before = bot_messages(page).count()
    page.click("text=And maintenance?")                    # quick reply
    page.wait_for_function(f"document.querySelectorAll('.b12w-bot').length > {before}", timeout=30_000)
    assert "every 1 to 3 months" in page.inner_text(".b12w-log")
    page.screenshot(path=str(SHOTS / "widget-desktop.png"))
    page.reload()
    page.wait_for_selector(".b12w-log .b12w-msg")
    assert "every 1 to 3 months" in page.inner_text(".b12w-log")   # conversation kept after reload
    session = page.evaluate("window.B12Assist.session()")
    ask(page, "and how long does that last?")              # same server-side conversation: context kept
    assert "That depends on the cause" in page.inner_text(".b12w-log")
    assert page.evaluate("window.B12Assist.session()") == session


def test_two_plain_language_answers_as_the_patient_sees_them(portal):
    """Issue 15's rewritten safety and route answers, in the widget: each line readable, the facts kept,
    the list shown as separate lines, the clinic's emergency number filled in (not a placeholder)."""
    page, _ = portal
    page.click(".b12w-bubble")
    ask(page, "is it safe? what side effects can the jabs have?")
    safety = bot_messages(page).last.inner_text()
    for fact in ("side effects", "cobalt", "heart rhythm", "low potassium", "Leber", "Call 911"):
        assert fact in safety, (fact, safety)
    assert "{emergency_number}" not in safety
    assert len([ln for ln in safety.splitlines() if ln.strip().startswith("•")]) == 2   # list as lines
    page.screenshot(path=str(SHOTS / "widget-answer-safety.png"))
    ask(page, "do they go in the muscle or under the skin, and where on the body?")
    route = bot_messages(page).last.inner_text()
    for fact in ("muscle", "hydroxocobalamin", "cyanocobalamin", "under the skin", "upper arm, thigh or buttock",
                 "Don't switch on your own"):
        assert fact in route, (fact, route)
    page.screenshot(path=str(SHOTS / "widget-answer-route.png"))


def test_red_flag_shows_emergency_banner_with_click_to_call(portal):
    page, _ = portal
    page.click(".b12w-bubble")
    ask(page, "my lips are swelling and I can't breathe")
    page.wait_for_selector(".b12w-alert:not([hidden])", timeout=10_000)
    banner = page.locator(".b12w-alert")
    assert banner.get_attribute("role") == "alert"
    assert page.get_attribute(".b12w-alert a", "href") == "tel:911"
    assert "EMERGENCY" in page.inner_text(".b12w-log")
    page.screenshot(path=str(SHOTS / "widget-emergency.png"))


def test_html_is_shown_as_text(portal):
    page, _ = portal
    page.click(".b12w-bubble")
    page.evaluate("() => { window.__xss = 0; window.alert = () => { window.__xss = 1; }; }")
    ask(page, "<img src=x onerror=alert(1)>")
    assert page.locator(".b12w-log img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text(".b12w-user .b12w-body")
    assert page.evaluate("window.__xss") == 0


def test_keyboard_only_flow(portal):
    page, _ = portal
    page.focus(".b12w-bubble")
    page.keyboard.press("Enter")                           # open with the keyboard
    assert page.evaluate("document.activeElement.id") == "b12w-input"
    page.keyboard.type("why do people get b12 injections")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('.b12w-bot').length > 1", timeout=30_000)
    assert "deficiency" in page.inner_text(".b12w-log")
    assert page.get_attribute(".b12w-log", "aria-live") == "polite"
    page.keyboard.press("Escape")                          # close, focus back on the bubble
    assert page.is_hidden("#b12w-panel")
    assert page.evaluate("document.activeElement.className") == "b12w-bubble"


def test_phone_width_screenshot(browser, stack):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{stack.web_port}/")
    page.click(".b12w-bubble")
    ask(page, "is it injected into the muscle?")
    box = page.locator("#b12w-panel").bounding_box()
    assert box["width"] <= 375 and box["x"] >= 0
    page.screenshot(path=str(SHOTS / "widget-375px.png"))
    context.close()


def test_offline_messages_are_kept_and_sent_on_reconnect(portal):
    page, _ = portal
    page.click(".b12w-bubble")
    ask(page, "hello")
    page.context.set_offline(True)
    page.evaluate("window.B12Assist.socket.io.engine.close()")      # the connection drops
    page.wait_for_selector("text=Connection lost", timeout=10_000)
    page.fill("#b12w-input", "what is the maintenance dose?")
    page.press("#b12w-input", "Enter")
    pending = page.locator(".b12w-user.b12w-pending")
    assert pending.count() == 1 and "Not sent yet" in pending.inner_text()
    page.context.set_offline(False)
    page.wait_for_selector("text=Reconnected", timeout=30_000)
    page.wait_for_function("document.querySelectorAll('.b12w-user.b12w-pending').length === 0", timeout=30_000)
    page.wait_for_function("document.querySelector('.b12w-log').innerText.includes('every 1 to 3 months')",
                           timeout=30_000)
