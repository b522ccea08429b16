"""The portal's staff changes over HTTP against the real web server process and real databases:
acknowledging an escalation and labelling a review group need the session cookie AND the page's
CSRF token, a JSON body and the portal's own origin; the weekly chart is a PNG."""
from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from b12assist.serve import runner
from b12assist.netutil import free_port, wait_http
from b12assist.store import escalations
from b12assist.store import review as review_store
from test_staff_review import save_parsed

pytestmark = pytest.mark.server
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def portal(db_url, tmp_path):
    tracker = f"sqlite:///{tmp_path / 'tracker.db'}"
    port = free_port()
    env = dict(os.environ, B12_VAR_DIR=str(tmp_path), B12_DATABASE_URL=db_url, B12_TRACKER_DATABASE_URL=tracker,
               B12_STAFF_TOKEN="page-token", PYTHONPATH=str(ROOT), B12_PUBLIC_BASE_URL=f"http://127.0.0.1:{port}")
    proc = subprocess.Popen(runner.web_server_cmd(port, host="127.0.0.1"), cwd=ROOT, env=env,
                            stdout=open(tmp_path / "web.log", "ab"), stderr=subprocess.STDOUT)
    try:
        wait_http(f"http://127.0.0.1:{port}/staff", proc=proc)
        yield f"http://127.0.0.1:{port}", tracker, db_url
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def login(base: str) -> tuple[httpx.Client, str]:
    client = httpx.Client(base_url=base, timeout=60)
    r = client.post("/staff/login", data={"token": "page-token"})
    assert r.status_code == 303 and "b12_staff" in client.cookies
    page = client.get("/staff")
    csrf = re.search(r'name="csrf-token" content="([0-9a-f]{64})"', page.text).group(1)
    return client, csrf


def test_acknowledge_needs_cookie_csrf_json_and_own_origin(portal):
    base, tracker, db = portal
    eid = escalations.record("conv-page", "urgent", "neuro_worsening", "my tingling is worse", url=db)
    anonymous = httpx.Client(base_url=base, timeout=30)
    assert anonymous.post(f"/staff/api/escalations/{eid}/ack", json={"by": "x"}).status_code == 401
    client, csrf = login(base)
    url = f"/staff/api/escalations/{eid}/ack"
    assert client.post(url, json={"by": "Nurse Jo"}).status_code == 403                       # no token
    assert client.post(url, json={"by": "Nurse Jo"}, headers={"X-CSRF-Token": "0" * 64}).status_code == 403
    evil = {"X-CSRF-Token": csrf, "Origin": "https://evil.example"}
    assert client.post(url, json={"by": "Nurse Jo"}, headers=evil).status_code == 403
    assert client.post(url, data={"by": "Nurse Jo"}, headers={"X-CSRF-Token": csrf}).status_code == 415  # a form
    assert client.post(url, json={"by": " "}, headers={"X-CSRF-Token": csrf}).status_code == 400
    assert escalations.list_escalations(status="new", url=db)[0].id == eid                     # nothing changed
    r = client.post(url, json={"by": "Nurse Jo"}, headers={"X-CSRF-Token": csrf, "Origin": base})
    assert r.status_code == 200 and r.json()["acknowledged_by"] == "Nurse Jo"
    assert escalations.list_escalations(status="new", url=db) == []
    assert client.post("/staff/api/escalations/99999/ack", json={"by": "Jo"},
                       headers={"X-CSRF-Token": csrf}).status_code == 404
    # another session's CSRF token does not fit this session's cookie
    other, other_csrf = login(base)
    assert other_csrf != csrf
    assert client.post(url, json={"by": "Jo"}, headers={"X-CSRF-Token": other_csrf}).status_code == 403


def test_label_a_review_group_and_the_chart(portal):
    base, tracker, db = portal
    save_parsed(tracker, "p1", [("can my dog have b12 injections", "nlu_fallback", 0.4)])
    save_parsed(tracker, "p2", [("can my dog get b12 injections", "nlu_fallback", 0.4),
                                ("what's the weather today", "out_of_scope", 0.9)])
    assert httpx.get(f"{base}/staff/api/review", timeout=30).status_code == 401
    assert httpx.get(f"{base}/staff/chart.png", timeout=30).status_code == 401
    client, csrf = login(base)
    data = client.get("/staff/api/review").json()
    assert "ask_units" in data["topics"] and "red_flag_emergency" not in data["topics"]
    assert [g["count"] for g in data["groups"]] == [2, 1]
    dog = data["groups"][0]
    body = {"group": dog["id"], "keys": dog["keys"], "topic": "no_such_topic", "by": "Nurse Jo"}
    assert client.post("/staff/api/review/label", json=body, headers={"X-CSRF-Token": csrf}).status_code == 400
    assert client.post("/staff/api/review/label", json=dict(body, topic="out_of_scope")).status_code == 403
    r = client.post("/staff/api/review/label", json=dict(body, topic="out_of_scope"), headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["count"] == 2
    rows = review_store.labels(db)
    assert {(r.kind, r.topic, r.labelled_by) for r in rows} == {("out_of_scope", "out_of_scope", "Nurse Jo")}
    assert [g["count"] for g in client.get("/staff/api/review").json()["groups"]] == [1]
    r = client.post("/staff/api/review/label", json=body | {"topic": "skip"}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 409                                                  # that group is gone
    png = client.get("/staff/chart.png")
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n" and len(png.content) > 5000
