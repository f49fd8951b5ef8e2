"""CORS for the resident JSON API: only a tenant's ``widget_origins`` may call it from a browser.

Requests without an ``Origin`` header (LINE or voice front ends, curl) and same-origin calls
pass untouched. A cross-origin browser call from an origin the tenant did not list is refused
with 403 before it reaches the API, so it neither reads nor writes anything.
"""

from __future__ import annotations

import json
import re

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jichitai_ai.i18n import bilingual
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.errors import NotFound
from jichitai_ai.services.platform import Platform
from jichitai_ai.web.resident.origins import origin_allowed

API_PATH = re.compile(r"^/api/v1/tenants/(?P<slug>[a-z0-9][a-z0-9-]{0,62})/(ask|choice|feedback)$")
PREFLIGHT_MAX_AGE = "600"


def _same_origin(origin: str, headers: Headers) -> bool:
    """The page's own script: the browser says so, or the origin names this host.

    ``Sec-Fetch-Site`` cannot be set by page scripts; the host comparison covers older
    browsers, also behind a proxy that forwards the original host.
    """
    if headers.get("sec-fetch-site") == "same-origin":
        return True
    netloc = origin.split("://", 1)[-1]
    hosts = {headers.get("host", ""), headers.get("x-forwarded-host", "").split(",")[0].strip()}
    return netloc in {h.lower() for h in hosts if h}


class ResidentCors:
    """Pure ASGI middleware (no response buffering) scoped to the resident API paths."""

    def __init__(self, app: ASGIApp, platform: Platform) -> None:
        self.app = app
        self.platform = platform

    def _allowed(self, slug: str, origin: str) -> bool:
        try:
            with self.platform.db.read() as session:
                tenant = tenant_service.get_tenant(session, slug)
        except NotFound:
            return False
        return origin_allowed(tenant, origin)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        match = API_PATH.match(scope.get("path", ""))
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if match is None or origin is None or _same_origin(origin.lower(), headers):
            await self.app(scope, receive, send)
            return
        allowed = self._allowed(match["slug"], origin)
        if not allowed:
            await _refuse(send)
            return
        cors = [
            (b"access-control-allow-origin", origin.encode("latin-1")),
            (b"vary", b"Origin"),
        ]
        if scope["method"] == "OPTIONS":
            await send(
                {
                    "type": "http.response.start",
                    "status": 204,
                    "headers": [
                        *cors,
                        (b"access-control-allow-methods", b"POST"),
                        (b"access-control-allow-headers", b"content-type"),
                        (b"access-control-max-age", PREFLIGHT_MAX_AGE.encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *cors]}
            await send(message)

        await self.app(scope, receive, send_with_cors)


async def _refuse(send: Send) -> None:
    body = json.dumps(
        {"error": {"code": "resident.error.origin", "message": bilingual("resident.error.origin")}},
        ensure_ascii=False,
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"vary", b"Origin"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
