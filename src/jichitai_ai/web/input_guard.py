"""Refuse control characters in requests before any route sees them (制御文字の拒否).

PostgreSQL text cannot hold NUL, and no question, FAQ field, name or form value needs NUL or
the other C0 controls except tab and newlines. They are refused with 422 wherever they appear:
the path, the query string, JSON bodies (as ``\\u0000``…; every type FastAPI parses as JSON,
``application/*+json`` included) and url-encoded forms (as ``%00``…).
A JSON body that is not UTF-8 (a Shift_JIS file posted as is) gets 400 ``error.body_encoding``.
Uploaded files (multipart) are bytes and are checked by their parsers instead; the text fields
of a multipart console form are checked with :func:`has_control_text` once the form is parsed.
A signed LINE webhook body passes: one resident's control character must not refuse the batch of
everyone's events (hr5); the LINE service removes them from the text it answers.
"""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jichitai_ai.i18n import bilingual

_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TEXT_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_JSON_CONTROL = re.compile(rb"\\u00(?:0[0-8bBcCeEfF]|1[0-9a-fA-F]|7[fF])")


#: Signed webhooks of messaging platforms: a refusal would lose every other resident's event in
#: the batch, so they pass and their routes remove control characters (:func:`strip_control_text`).
_SIGNED_WEBHOOK = re.compile(rb"/line/[^/]+/webhook")


def has_control_text(value: str) -> bool:
    """The rule of this guard for text already decoded (a multipart form's text fields)."""
    return bool(_TEXT_CONTROL.search(value))


def strip_control_text(value: str) -> str:
    """The text without the characters this guard refuses (for webhook routes it lets pass)."""
    return _TEXT_CONTROL.sub("", value)


def _has_control(raw: bytes) -> bool:
    return bool(_RAW_CONTROL.search(unquote_to_bytes(raw.replace(b"+", b" "))))


class ControlCharacterGuard:
    """ASGI middleware: 422 for a control character in the path, query, JSON or form body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
        if _has_control(path) or _has_control(scope.get("query_string", b"")):
            await _refuse(send)
            return
        headers = dict(scope.get("headers") or [])
        kind = _kind(headers.get(b"content-type", b""))
        if _SIGNED_WEBHOOK.fullmatch(path) or kind not in (
            b"application/json",
            b"application/x-www-form-urlencoded",
        ):
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message]), send)
                return
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        data = bytes(body)
        if kind == b"application/json" and not _utf8(data):
            await _refuse(send, "error.body_encoding", 400)
            return
        bad = (
            bool(_JSON_CONTROL.search(data) or _RAW_CONTROL.search(data))
            if kind == b"application/json"
            else _has_control(data)
        )
        if bad:
            await _refuse(send)
            return
        await self.app(
            scope, _replay([{"type": "http.request", "body": data, "more_body": False}]), send
        )


def _kind(content_type: bytes) -> bytes:
    """The media type, with every JSON flavour FastAPI parses as JSON (``application/json``,
    ``application/vnd.api+json`` …) read as ``application/json``."""
    kind = content_type.split(b";")[0].strip().lower()
    if kind.startswith(b"application/") and kind.endswith(b"+json"):
        return b"application/json"
    return kind


def _utf8(data: bytes) -> bool:
    """JSON must be UTF-8 (RFC 8259): a Shift_JIS body gets a clear error, not a parser's."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _replay(messages: list[Message]) -> Receive:
    queue = list(messages)

    async def receive() -> Message:
        if queue:
            return queue.pop(0)
        return {"type": "http.disconnect"}

    return receive


async def _refuse(send: Send, key: str = "error.control_character", status: int = 422) -> None:
    response = JSONResponse({"error": {"code": key, "message": bilingual(key)}}, status_code=status)
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})
