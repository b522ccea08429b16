"""The demo clinic portal (:8080): serves the portal page, the widget bundle, calendar downloads
(/plans/<id>.ics) and the staff page (log in once with the staff token: a POSTed form, then an
HttpOnly, SameSite=Strict session cookie; tokens in URLs are refused). On the staff page, staff
acknowledge escalations, label the review queue's groups of misunderstood messages and see a weekly
chart of the fallback rate and escalations (a PNG drawn here with matplotlib).

Changes (POST) are CSRF-safe: besides the SameSite=Strict cookie, each needs a JSON body
(a cross-site form cannot send one without a CORS preflight, which this server never allows), an
`X-CSRF-Token` header equal to an HMAC of the session cookie (written into the page the server
renders; other sites can neither read the page nor the cookie) and, when the browser sends an
Origin header, this server's own origin. Scripts may use `Authorization: Bearer TOKEN` instead."""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import logging
import os
import secrets
import time
from pathlib import Path

from aiohttp import web

from b12assist import health as health_checks
from b12assist import settings
from b12assist.schedule.ics import plan_to_ics
from b12assist.outbox import FileOutbox
from b12assist.store import escalations, plans
from b12assist.review import chart as review_chart
from b12assist.review import inbox, queue

STATIC = Path(__file__).resolve().parent / "static"
logger = logging.getLogger("b12assist.web")


def _static(name: str, content_type: str):
    async def handler(request: web.Request) -> web.StreamResponse:
        path = STATIC / name
        if not path.exists():
            raise web.HTTPNotFound(text=f"{name} is missing: run `make widget`")
        return web.FileResponse(path, headers={"Content-Type": content_type, "Cache-Control": "no-cache"})
    return handler


async def portal(request: web.Request) -> web.Response:
    """The demo portal, with the widget snippet pointed at this deployment's Rasa server."""
    html = (STATIC / "portal.html").read_text(encoding="utf-8")
    rasa_url = settings.load().rasa_public_url
    html = html.replace('data-server="http://localhost:5005"', f'data-server="{rasa_url}"')
    html = html.replace('src="http://localhost:8080/widget.js" data-server="http://localhost:5005"',
                        f'src="{settings.load().public_base_url}/widget.js" data-server="{rasa_url}"')
    return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-cache"})


async def plan_ics(request: web.Request) -> web.Response:
    plan_id = request.match_info["plan_id"]
    plan = await asyncio.to_thread(plans.load_by_plan_id, plan_id)
    if plan is None:
        raise web.HTTPNotFound(text="No plan with that id.")
    body = plan_to_ics(plan, plan_id, settings.load().clinic_name)
    return web.Response(body=body, content_type="text/calendar", charset="utf-8",
                        headers={"Content-Disposition": 'attachment; filename="b12-injections.ics"'})


SESSION_COOKIE = "b12_staff"
SESSION_SECONDS = 12 * 3600


def _session_mac(token: str, value: str) -> str:
    return hmac.new(token.encode(), b"b12-staff-session." + value.encode(), hashlib.sha256).hexdigest()


def _new_session(token: str) -> str:
    """A stateless session: expiry and a random nonce, signed with the staff token (changing the
    token logs everyone out)."""
    value = f"{int(time.time()) + SESSION_SECONDS}.{secrets.token_urlsafe(12)}"
    return f"{value}.{_session_mac(token, value)}"


def _valid_session(token: str, cookie: str) -> bool:
    value, _, mac = cookie.rpartition(".")
    expiry = value.split(".", 1)[0]
    return (bool(value) and expiry.isdigit() and int(expiry) > time.time()
            and hmac.compare_digest(mac, _session_mac(token, value)))


def _authorised(request: web.Request) -> bool:
    """A staff session cookie (after logging in at /staff), or `Authorization: Bearer TOKEN` for
    scripts. A token in the URL is never accepted (it would end up in logs and browser history)."""
    token = settings.load().staff_token
    if not token:
        return False
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if cookie and _valid_session(token, cookie):
        return True
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def _refuse_token_in_url(request: web.Request) -> None:
    if "token" in request.query:
        raise web.HTTPBadRequest(text="Staff tokens are not accepted in URLs any more: open /staff and log in.")


def _secure(request: web.Request) -> bool:
    return request.secure or request.headers.get("X-Forwarded-Proto", "") == "https" \
        or os.environ.get("B12_STAFF_COOKIE_SECURE", "") == "1"


def _login_page(message: str = "", status: int = 200) -> web.Response:
    html = (STATIC / "staff-login.html").read_text(encoding="utf-8").replace("{message}", message)
    return web.Response(text=html, status=status, content_type="text/html", headers={"Cache-Control": "no-store"})


def _csrf_token(token: str, cookie: str) -> str:
    return hmac.new(token.encode(), b"b12-staff-csrf." + cookie.encode(), hashlib.sha256).hexdigest()


async def staff_page(request: web.Request) -> web.StreamResponse:
    token = settings.load().staff_token
    if not token:
        raise web.HTTPForbidden(text="The staff page is off: set B12_STAFF_TOKEN to turn it on.")
    _refuse_token_in_url(request)
    if not _authorised(request):
        return _login_page()
    cookie = request.cookies.get(SESSION_COOKIE, "")
    html = (STATIC / "staff.html").read_text(encoding="utf-8")
    html = html.replace("{{csrf}}", _csrf_token(token, cookie) if cookie else "")
    return web.Response(text=html, content_type="text/html",
                        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY",
                                 "Content-Security-Policy": "frame-ancestors 'none'"})


async def staff_login(request: web.Request) -> web.Response:
    token = settings.load().staff_token
    if not token:
        raise web.HTTPForbidden(text="The staff page is off: set B12_STAFF_TOKEN to turn it on.")
    _refuse_token_in_url(request)
    form = await request.post()
    given = str(form.get("token", ""))
    if not given or not hmac.compare_digest(given.encode(), token.encode()):
        await asyncio.sleep(0.5)     # slows down guessing
        logger.warning("staff login refused")
        return _login_page("That token is not right.", status=401)
    response = web.HTTPSeeOther("/staff")
    response.set_cookie(SESSION_COOKIE, _new_session(token), max_age=SESSION_SECONDS, path="/staff",
                        httponly=True, samesite="Strict", secure=_secure(request))
    return response


async def staff_logout(request: web.Request) -> web.Response:
    response = web.HTTPSeeOther("/staff")
    response.del_cookie(SESSION_COOKIE, path="/staff")
    return response


async def staff_escalations(request: web.Request) -> web.Response:
    _refuse_token_in_url(request)
    if not _authorised(request):
        raise web.HTTPUnauthorized(text="Log in at /staff (or send Authorization: Bearer TOKEN).")
    rows = await asyncio.to_thread(escalations.list_escalations, None, None, None, "new")
    data = [{"id": r.id, "created_at": r.created_at.isoformat() + "Z", "conversation_id": r.conversation_id,
             "level": r.level, "category": r.category, "message": r.message, "status": r.status,
             "notify_status": r.notify_status, "notify_attempts": r.notify_attempts,
             "notify_error": r.notify_error} for r in rows]
    return web.Response(text=json.dumps(data), content_type="application/json",
                        headers={"Cache-Control": "no-store"})


async def _change_request(request: web.Request) -> dict:
    """The JSON body of an authorised, CSRF-checked staff change (see the module docstring)."""
    _refuse_token_in_url(request)
    token = settings.load().staff_token
    if not token:
        raise web.HTTPForbidden(text="The staff page is off.")
    bearer = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if bearer:
        if not hmac.compare_digest(bearer.encode(), token.encode()):
            raise web.HTTPUnauthorized(text="Wrong token.")
    else:
        cookie = request.cookies.get(SESSION_COOKIE, "")
        if not cookie or not _valid_session(token, cookie):
            raise web.HTTPUnauthorized(text="Log in at /staff.")
        given = request.headers.get("X-CSRF-Token", "")
        if not given or not hmac.compare_digest(given, _csrf_token(token, cookie)):
            logger.warning("staff change refused: missing or wrong CSRF token")
            raise web.HTTPForbidden(text="Missing or wrong CSRF token: reload the staff page.")
        origin = request.headers.get("Origin")
        if origin and origin != f"{request.scheme}://{request.host}" and origin != settings.load().public_base_url:
            logger.warning("staff change refused: foreign origin")
            raise web.HTTPForbidden(text="Changes are accepted from the staff page only.")
    if request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text="Send JSON.")
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="Send a JSON object.")
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="Send a JSON object.")
    by = str(body.get("by") or "").strip()
    if not by or len(by) > 120:
        raise web.HTTPBadRequest(text="Say who you are (your name).")
    body["by"] = by
    return body


async def staff_ack(request: web.Request) -> web.Response:
    body = await _change_request(request)
    try:
        escalation_id = int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound(text="No such escalation.")
    row = await asyncio.to_thread(escalations.acknowledge, escalation_id, body["by"])
    if row is None:
        raise web.HTTPNotFound(text="No such escalation.")
    logger.info("escalation %s acknowledged on the staff page", row.id)
    return web.json_response({"id": row.id, "status": row.status, "acknowledged_by": row.acknowledged_by,
                              "acknowledged_at": row.acknowledged_at.isoformat() + "Z"})


def _groups() -> list:
    return inbox.groups(inbox.tracker_url(), settings.load().db_url)


async def staff_review(request: web.Request) -> web.Response:
    _refuse_token_in_url(request)
    if not _authorised(request):
        raise web.HTTPUnauthorized(text="Log in at /staff (or send Authorization: Bearer TOKEN).")
    groups = await asyncio.to_thread(_groups)
    data = {"topics": inbox.choices(), "days": inbox.days(), "threshold": inbox.threshold(),
            "groups": [{"id": g.id, "count": g.count, "conversations": g.conversations, "texts": g.texts[:8],
                        "more": max(0, len(g.texts) - 8), "predicted": g.predicted, "reasons": g.reasons,
                        "latest": g.latest.isoformat() + "Z", "keys": [m.key for m in g.messages]}
                       for g in groups]}
    return web.json_response(data, headers={"Cache-Control": "no-store"})


async def staff_review_label(request: web.Request) -> web.Response:
    body = await _change_request(request)
    keys = body.get("keys")
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise web.HTTPBadRequest(text="keys: the messages of the group you saw.")
    group = queue.find(await asyncio.to_thread(_groups), str(body.get("group") or ""))
    if group is None:
        raise web.HTTPConflict(text="That group is not in the queue any more: reload.")
    try:
        kind, topic, count = await asyncio.to_thread(inbox.label, group, str(body.get("topic") or ""), body["by"],
                                                     settings.load().db_url, set(keys))
    except ValueError as exc:
        raise web.HTTPBadRequest(text=str(exc))
    logger.info("review group %s: %d message(s) labelled (%s)", group.id, count, kind)
    return web.json_response({"group": group.id, "kind": kind, "topic": topic, "count": count})


async def staff_chart(request: web.Request) -> web.Response:
    _refuse_token_in_url(request)
    if not _authorised(request):
        raise web.HTTPUnauthorized(text="Log in at /staff.")
    raw = request.query.get("weeks", "8")
    weeks = min(max(int(raw), 2), 52) if raw.isdigit() else 8

    def draw() -> bytes:
        return review_chart.render_png(inbox.weekly(inbox.tracker_url(), settings.load().db_url, weeks))
    png = await asyncio.to_thread(draw)
    return web.Response(body=png, content_type="image/png", headers={"Cache-Control": "no-store"})


async def staff_outbox(request: web.Request) -> web.Response:
    """How many escalations wait in the local file outbox (the project database was unavailable), and
    which of Rasa's stores failed recently (the tracker store: conversations kept in memory only)."""
    _refuse_token_in_url(request)
    if not _authorised(request):
        raise web.HTTPUnauthorized(text="Log in at /staff (or send Authorization: Bearer TOKEN).")
    waiting = await asyncio.to_thread(FileOutbox().count)
    return web.json_response({"waiting": waiting, "failing": health_checks.failing_stores()},
                             headers={"Cache-Control": "no-store"})


async def health(request: web.Request) -> web.Response:
    """Every dependency, for monitoring: 200 when all are ok, 503 otherwise (b12assist.health)."""
    cfg = settings.load()
    action_url = os.environ.get("B12_ACTION_URL") or f"http://127.0.0.1:{os.environ.get('B12_ACTION_PORT', '5055')}"
    ok, checks = await asyncio.to_thread(health_checks.summary, cfg.rasa_public_url, action_url, cfg.db_url)
    return web.json_response({"status": "ok" if ok else "degraded", **checks}, status=200 if ok else 503,
                             headers={"Cache-Control": "no-store"})


def make_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_get("/", portal)
    app.router.add_get("/widget.js", _static("widget.js", "application/javascript; charset=utf-8"))
    app.router.add_get("/plans/{plan_id}.ics", plan_ics)
    app.router.add_get("/staff", staff_page)
    app.router.add_post("/staff/login", staff_login)
    app.router.add_post("/staff/logout", staff_logout)
    app.router.add_get("/staff/api/escalations", staff_escalations)
    app.router.add_get("/staff/api/outbox", staff_outbox)
    app.router.add_post("/staff/api/escalations/{id}/ack", staff_ack)
    app.router.add_get("/staff/api/review", staff_review)
    app.router.add_post("/staff/api/review/label", staff_review_label)
    app.router.add_get("/staff/chart.png", staff_chart)
    app.router.add_get("/health", health)
    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="0.0.0.0")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host=args.host, port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
