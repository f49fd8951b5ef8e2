"""POST /line/{slug}/webhook: verify X-Line-Signature, record events, answer after responding.

LINE expects a 200 quickly and redelivers otherwise; retrieval and LINE's own API calls
therefore run as a background task after the response. A body that fails the signature is
rejected before it is parsed. An event older than the replay window is refused (logged) but
the batch is still answered 200: LINE redelivers a batch that gets anything else.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from jichitai_ai.channels.credentials import CredentialUnreadable
from jichitai_ai.channels.line import events
from jichitai_ai.channels.line.service import LineService
from jichitai_ai.channels.line.signature import verify
from jichitai_ai.i18n import bilingual
from jichitai_ai.services.errors import NotFound

log = logging.getLogger(__name__)

#: LINE webhook bodies are small; anything bigger is not from LINE.
MAX_BODY = 1024 * 1024

router = APIRouter(include_in_schema=False)


def _error(status: int, key: str) -> Response:
    return JSONResponse({"error": key, "message": bilingual(key)}, status_code=status)


def service_of(request: Request) -> LineService:
    service: LineService = request.app.state.line_service
    return service


@router.post("/line/{slug}/webhook")
async def webhook(slug: str, request: Request, background: BackgroundTasks) -> Response:
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return _error(413, "channels.line.too_large")
    service = service_of(request)
    try:
        account = await run_in_threadpool(service.account, slug)
    except NotFound:
        return _error(404, "channels.line.not_configured")
    except CredentialUnreadable:
        log.error("LINE credentials of %s do not open with this secret key", slug)
        return _error(503, "channels.line.unreadable")
    if account is None:
        return _error(404, "channels.line.not_configured")
    if not verify(account.secret, body, request.headers.get("x-line-signature")):
        return _error(401, "channels.line.bad_signature")
    try:
        payload: Any = json.loads(body)
        batch = payload.get("events", [])
        if not isinstance(batch, list):
            raise ValueError("events is not a list")
    except (ValueError, AttributeError):
        return _error(400, "channels.line.bad_body")
    fresh = await run_in_threadpool(
        events.claim,
        service.platform.db,
        account.tenant.id,
        [e for e in batch if isinstance(e, dict)],
        window=service.replay_window,
    )
    if fresh:
        background.add_task(service.process, account, fresh)
    return JSONResponse({})
