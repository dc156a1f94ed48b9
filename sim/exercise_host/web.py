"""The web layer: a small Starlette app with JSON endpoints and plain HTML/JS pages.

Participants' phones poll ``/api/me`` (their role's view, a few kilobytes,
published by the host after every change) and post decisions; the
facilitator's page polls ``/api/facilitator`` and posts commands. Whatever
takes the session's lock runs in Starlette's thread pool (plain endpoints, or
``run_in_threadpool``), so a request that waits for the lock never holds up
the server's event loop.

Who may do what: a participant proves its role with the token it got on
joining (kept in the browser's local storage, so a phone that drops rejoins
as itself); the facilitator with the key printed in the terminal that
started the server.
"""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sim.exercise_host.messages import Refusal
from sim.exercise_host.record import session_record

PAGES = Path(__file__).parent / "pages"
NO_STORE = {"Cache-Control": "no-store"}


def qr_svg(text: str) -> str:
    """A QR code of `text` as SVG (the join address, for phones' cameras)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12,
                        border=2)
    return image.to_string(encoding="unicode")


def create_app(host, facilitator_key: str, join_url: str) -> Starlette:
    """The app serving one session.

    Parameters
    ----------
    host : Host
        The session and its worker.
    facilitator_key : str
        The secret the facilitator's page sends with every command.
    join_url : str
        The address participants open (shown with the QR code).
    """

    def refused(refusal: Refusal, status: int = 409) -> JSONResponse:
        return JSONResponse({"refusal": refusal.as_dict()}, status_code=status)

    def published(body: bytes) -> Response:
        return Response(body, media_type="application/json", headers=NO_STORE)

    def body_of(request_body: bytes) -> dict:
        try:
            data = json.loads(request_body or b"{}")
        except json.JSONDecodeError:
            raise Refusal("bad_request", "Permintaan tidak terbaca (bukan JSON).",
                          "The request could not be read (not JSON).") from None
        if not isinstance(data, dict):
            raise Refusal("bad_request", "Permintaan harus objek JSON.",
                          "The request must be a JSON object.")
        return data

    def facilitator_only(request: Request) -> None:
        given = request.headers.get("x-key") or request.query_params.get("key") or ""
        if not secrets.compare_digest(given, facilitator_key):
            raise Refusal("not_facilitator", "Hanya fasilitator (kunci di terminal server).",
                          "Facilitator only (the key printed in the server's terminal).")

    def page(name: str):
        def serve(request: Request) -> FileResponse:
            return FileResponse(PAGES / name, headers=NO_STORE)
        return serve

    def roles(request: Request) -> Response:
        return published(host.view("roles"))

    async def join(request: Request) -> Response:
        try:
            data = body_of(await request.body())
            token = await run_in_threadpool(host.claim, str(data.get("role", "")),
                                            str(data.get("code", "")), str(data.get("name", "")))
        except Refusal as refusal:
            return refused(refusal)
        return JSONResponse({"token": token, "role": host.role_of(token)})

    def me(request: Request) -> Response:
        try:
            return published(host.view(host.role_of(request.headers.get("x-token", ""))))
        except Refusal as refusal:
            return refused(refusal, 403)

    async def decide(request: Request) -> Response:
        try:
            data = body_of(await request.body())
            round_index = data.get("round")
            if not isinstance(round_index, int):
                raise Refusal("bad_request", "round = harus nomor ronde.",
                              "round = expected the round's number.")
            params = data.get("params") or {}
            if not isinstance(params, dict):
                raise Refusal("bad_request", "params harus objek.", "params must be an object.")
            decision = await run_in_threadpool(host.submit, request.headers.get("x-token", ""),
                                               str(data.get("action", "")), params, round_index)
        except Refusal as refusal:
            return refused(refusal)
        return JSONResponse({"decision": decision})

    async def cancel(request: Request) -> Response:
        try:
            data = body_of(await request.body())
            await run_in_threadpool(host.cancel, request.headers.get("x-token", ""),
                                    str(data.get("id", "")))
        except Refusal as refusal:
            return refused(refusal)
        return JSONResponse({"cancelled": data.get("id")})

    def facilitator(request: Request) -> Response:
        try:
            facilitator_only(request)
        except Refusal as refusal:
            return refused(refusal, 403)
        return published(host.view("facilitator"))

    async def command(request: Request) -> Response:
        try:
            facilitator_only(request)
            data = body_of(await request.body())
            await run_in_threadpool(host.command, request.path_params["name"], data)
        except Refusal as refusal:
            return refused(refusal, 403 if refusal.key == "not_facilitator" else 409)
        return JSONResponse({"done": request.path_params["name"]})

    def record(request: Request) -> Response:
        try:
            facilitator_only(request)
        except Refusal as refusal:
            return refused(refusal, 403)
        with host.lock:
            text = json.dumps(session_record(host.session), ensure_ascii=False, allow_nan=False)
        name = f"{host.session.plan.name}-session.json"
        return Response(text, media_type="application/json",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    svg = qr_svg(join_url)

    def qr(request: Request) -> Response:
        return Response(svg, media_type="image/svg+xml")

    return Starlette(routes=[
        Route("/", page("participant.html")),
        Route("/facilitator", page("facilitator.html")),
        Route("/qr.svg", qr),
        Route("/api/roles", roles),
        Route("/api/join", join, methods=["POST"]),
        Route("/api/me", me),
        Route("/api/decide", decide, methods=["POST"]),
        Route("/api/cancel", cancel, methods=["POST"]),
        Route("/api/facilitator", facilitator),
        Route("/api/command/{name}", command, methods=["POST"]),
        Route("/api/session", record),
        Mount("/static", StaticFiles(directory=PAGES), name="static"),
    ])
