"""The staff page in a real Chromium: log in once with the token (POSTed form), the session cookie is
invisible to scripts, open escalations show whether the clinic was notified; log out ends it."""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent.parent / "reports" / "screenshots"


def test_staff_login_shows_delivery_status_and_logout(stack):
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: apt-get install chromium (.ci/run does this)")
    from playwright.sync_api import sync_playwright
    sender = "staffpage-" + uuid.uuid4().hex[:8]
    assert stack.say(sender, "my throat is closing up")[0]["text"].startswith("⚠️")
    base = f"http://127.0.0.1:{stack.web_port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            page = browser.new_context().new_page()
            page.goto(f"{base}/staff")
            page.fill("#token", "not-the-token")
            page.click("button[type=submit]")
            assert "not right" in page.inner_text("body")
            page.fill("#token", "test-staff-token")
            page.click("button[type=submit]")
            page.wait_for_selector(f"tr:has-text('{sender}')", timeout=15_000)
            assert page.url == f"{base}/staff"                      # no token in the address bar
            row = page.inner_text(f"tr:has-text('{sender}')")
            assert "emergency" in row and "no webhook configured: call the clinic" in row
            assert page.evaluate("document.cookie") == ""           # HttpOnly: scripts cannot read it
            cookie = page.context.cookies()[0]
            assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/staff"
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "staff-page.png"), full_page=True)
            # the Rasa server reports its tracker store failing (b12assist.serve.rasa_cli writes this file):
            # staff see it on the page, not only monitoring on /health
            report = stack.tmp / "health" / "tracker_store.json"
            report.parent.mkdir(exist_ok=True)
            report.write_text(json.dumps({"at": time.time(), "error": "OperationalError"}))
            try:
                page.wait_for_function("document.getElementById('warning').textContent.includes('tracker store')",
                                       timeout=15_000)
                warning = page.inner_text("#warning")
                assert "(OperationalError)" in warning and "kept in memory only" in warning, warning
                page.screenshot(path=str(SHOTS / "staff-page-tracker-store-failing.png"))   # the top of the page
            finally:
                report.unlink()
            page.wait_for_function("!document.getElementById('warning').textContent.includes('tracker store')",
                                   timeout=15_000)
            page.click("text=Log out")
            page.wait_for_selector("#token", timeout=10_000)
            assert page.context.cookies() == []
        finally:
            browser.close()
