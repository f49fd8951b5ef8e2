"""Errors as JSON in Japanese and English, and a request-size guard."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jichitai_ai.i18n import bilingual
from jichitai_ai.services.errors import ServiceError
from jichitai_ai.services.importing import ImportRejected


def error_body(code: str, messages: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": messages, **extra}}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ImportRejected)
    async def _import_rejected(_request: Request, exc: ImportRejected) -> JSONResponse:
        return JSONResponse(
            error_body(exc.key, exc.messages(), report=exc.report.as_dict()), status_code=422
        )

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        return JSONResponse(error_body(exc.key, exc.messages()), status_code=exc.status)

    @app.exception_handler(DataError)
    async def _data_error(_request: Request, exc: DataError) -> JSONResponse:
        # The database refused a value (an id beyond its integer range, a NUL in text, a
        # string longer than its column): the request was bad, nothing was stored.
        return JSONResponse(
            error_body("error.out_of_range", bilingual("error.out_of_range")), status_code=422
        )

    @app.exception_handler(OverflowError)
    async def _overflow(_request: Request, exc: OverflowError) -> JSONResponse:
        # SQLite cannot bind an integer above 2**63 - 1.
        return JSONResponse(
            error_body("error.out_of_range", bilingual("error.out_of_range")), status_code=422
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {
                "field": ".".join(str(p) for p in err.get("loc", ()) if p != "body"),
                "problem": err.get("msg", ""),
            }
            for err in exc.errors()
        ]
        return JSONResponse(
            error_body("error.validation", bilingual("error.validation"), details=details),
            status_code=422,
        )


class BodySizeLimit:
    """Refuse bodies over the limit before they are read into memory (HTTP 413)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return
        received = 0
        too_large = False

        async def limited_receive() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _TooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await self._reject(send)

    async def _reject(self, send: Send) -> None:
        limit = f"{self.max_bytes // (1024 * 1024)} MB"
        response = JSONResponse(
            error_body(
                "error.payload_too_large", bilingual("error.payload_too_large", limit=limit)
            ),
            status_code=413,
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": response.raw_headers,
            }
        )
        await send({"type": "http.response.body", "body": response.body})


class _TooLarge(Exception):
    pass
