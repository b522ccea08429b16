"""The demo clinic portal (:8080): serves the portal page, the widget bundle, calendar downloads
(/plans/<id>.ics) and the token-protected, read-only staff page."""
from __future__ import annotations

import argparse
import asyncio
import hmac
import json
import logging
from pathlib import Path

from aiohttp import web

from b12assist import settings
from b12assist.schedule.ics import plan_to_ics
from b12assist.store import escalations, plans

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


def _authorised(request: web.Request) -> bool:
    token = settings.load().staff_token
    if not token:
        return False
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip() or request.query.get("token", "")
    return hmac.compare_digest(given.encode(), token.encode())


async def staff_page(request: web.Request) -> web.StreamResponse:
    if not settings.load().staff_token:
        raise web.HTTPForbidden(text="The staff page is off: set B12_STAFF_TOKEN to turn it on.")
    return web.FileResponse(STATIC / "staff.html", headers={"Cache-Control": "no-store"})


async def staff_escalations(request: web.Request) -> web.Response:
    if not _authorised(request):
        raise web.HTTPUnauthorized(text="A valid staff token is required.")
    rows = await asyncio.to_thread(escalations.list_escalations, None, None, None, "new")
    data = [{"id": r.id, "created_at": r.created_at.isoformat() + "Z", "conversation_id": r.conversation_id,
             "level": r.level, "category": r.category, "message": r.message, "status": r.status,
             "notify_status": r.notify_status} for r in rows]
    return web.Response(text=json.dumps(data), content_type="application/json",
                        headers={"Cache-Control": "no-store"})


async def health(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def make_app() -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app.router.add_get("/", portal)
    app.router.add_get("/widget.js", _static("widget.js", "application/javascript; charset=utf-8"))
    app.router.add_get("/plans/{plan_id}.ics", plan_ics)
    app.router.add_get("/staff", staff_page)
    app.router.add_get("/staff/api/escalations", staff_escalations)
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
