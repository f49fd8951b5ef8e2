"""The gateway over HTTP.

``router``: an OpenAI-compatible API (``/v1/chat/completions``, ``/v1/models``) with
per-user API keys, so Dify, Open WebUI or scripts sit behind the gateway and inherit
its protection, plus Dify's moderation extension (``/v1/dify/moderation``).
``staff_router``: the review queue and the requester's view of reviewed answers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, ConfigDict, Field

from jichitai_ai.gateway import (
    ChatRequest,
    ChatResult,
    ChatStream,
    Gateway,
    HeldForReview,
    Usage,
)
from jichitai_ai.gateway._openai_body import AUTO_MODELS, parse_chat_body
from jichitai_ai.i18n import bilingual
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Forbidden, Invalid, NotFound, ServiceError
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.deps import get_platform, require_principal

staff_router = APIRouter(prefix="/api/v1/gateway", tags=["gateway"])

TENANT_HEADER = "x-jichitai-tenant"
CLASS_HEADER = "x-jichitai-data-class"
REVIEW_HEADER = "x-jichitai-review"


def get_gateway(platform: Platform = Depends(get_platform)) -> Gateway:
    return Gateway.from_platform(platform)


def caller_tenant(
    request: Request,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
) -> TenantInfo:
    """The tenant of the key's user: named in ``X-Jichitai-Tenant`` (or ``?tenant=``)
    when the user belongs to several, otherwise the only one."""
    slug = request.headers.get(TENANT_HEADER) or request.query_params.get("tenant")
    with platform.db.read() as session:
        if slug:
            tenant = tenant_service.get_tenant(session, slug)
        else:
            if not principal.roles:
                raise Forbidden("gateway.invalid.no_tenant")
            if len(principal.roles) > 1:
                raise Invalid("gateway.invalid.tenant_required")
            tenant = tenant_service.get_tenant_by_id(session, next(iter(principal.roles)))
        # Auditors and read-only keys do not send text to models (USE_GATEWAY).
        if not principal.can(session, tenant.id, Action.USE_GATEWAY):
            raise Forbidden("error.forbidden")
        return tenant


# --- OpenAI-compatible -----------------------------------------------------------------
_OPENAI_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    409: "conflict_error",
    413: "invalid_request_error",
    422: "invalid_request_error",
    429: "rate_limit_error",
}


def openai_error_body(exc: ServiceError) -> dict[str, Any]:
    """OpenAI's error object: ``message`` (ja + en) as a string, ``type``, ``param``, ``code``."""
    messages = exc.messages()
    status = _status(exc)
    error: dict[str, Any] = {
        "message": f"{messages['ja']}\n{messages['en']}",
        "type": _OPENAI_TYPES.get(
            status, "api_error" if status >= 500 else "invalid_request_error"
        ),
        "param": exc.params.get("param"),
        "code": exc.key,
        "messages": messages,
    }
    audit_id = getattr(exc, "audit_id", None)
    if audit_id:
        error["audit_id"] = audit_id
    return {"error": error}


def _status(exc: ServiceError) -> int:
    """OpenAI answers malformed requests with 400 (not 422)."""
    return 400 if exc.status == 422 else exc.status


def openai_error(exc: ServiceError) -> JSONResponse:
    return JSONResponse(openai_error_body(exc), status_code=_status(exc))


class OpenAIRoute(APIRoute):
    """Every error on the OpenAI-compatible routes — authentication, validation, policy —
    in OpenAI's error shape, so official clients show the message."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except ServiceError as exc:
                return openai_error(exc)
            except RequestValidationError as exc:
                first: dict[str, Any] = next(iter(exc.errors()), {})
                param = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
                return openai_error(
                    Invalid(
                        "gateway.invalid.json", param=param or "body", problem=first.get("msg", "")
                    )
                )

        return route


router = APIRouter(tags=["gateway (OpenAI-compatible)"], route_class=OpenAIRoute)


async def _json_body(request: Request) -> Any:
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # Shift_JIS or broken bytes: say so, not "bad JSON"
        raise Invalid("gateway.invalid.encoding", param="body") from exc
    try:
        return json.loads(text)
    except RecursionError as exc:  # [[[[…]]]] 100,000 deep: a clear 400, not a 500
        raise Invalid(
            "gateway.invalid.json", param="body", problem="JSON (深すぎる入れ子 / nesting)"
        ) from exc
    except ValueError as exc:
        raise Invalid("gateway.invalid.json", param="body", problem="JSON") from exc


def _completion(content: str, model: str, result: ChatResult | None, ident: str) -> dict[str, Any]:
    usage = result.usage if result else None
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if result and result.tool_calls:
        message["tool_calls"] = list(result.tool_calls)
        message["content"] = content or None
    return {
        "id": ident,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": result.finish_reason if result else "stop",
            }
        ],
        "usage": _usage(usage),
    }


def _usage(usage: Usage | None) -> dict[str, int]:
    return {
        "prompt_tokens": usage.prompt_tokens if usage else 0,
        "completion_tokens": usage.completion_tokens if usage else 0,
        "total_tokens": usage.total_tokens if usage else 0,
    }


def _sse(data: dict[str, Any]) -> str:
    return "data: " + json.dumps(data, ensure_ascii=False) + "\n\n"


def _chunk(
    ident: str,
    model: str,
    delta: dict[str, Any],
    finish: str | None,
    **extra: Any,
) -> str:
    return _sse(
        {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
    )


def _held_response(exc: HeldForReview, stream: bool) -> JSONResponse | StreamingResponse:
    messages = exc.messages()
    text = f"{messages['ja']}\n{messages['en']}"
    headers = {"X-Jichitai-Review-Id": exc.review_id, "X-Jichitai-Audit-Id": str(exc.audit_id)}
    ident = f"review-{exc.review_id}"
    if stream:
        body = _chunk(ident, "jichitai-review", {"role": "assistant", "content": text}, None)
        body += _chunk(ident, "jichitai-review", {}, "stop") + "data: [DONE]\n\n"
        return StreamingResponse(iter([body]), media_type="text/event-stream", headers=headers)
    return JSONResponse(_completion(text, "jichitai-review", None, ident), headers=headers)


def _events(stream: ChatStream, ident: str, include_usage: bool) -> Iterator[str]:
    """OpenAI chunks: the first carries the role; with ``include_usage`` a last chunk with
    empty choices carries usage; a backend failure mid-stream becomes a chunk that has both
    ``choices`` (Dify reads them) and ``error`` (the openai client raises it)."""
    model = stream.backend
    yield _chunk(ident, model, {"role": "assistant", "content": ""}, None)
    usage: Usage | None = None
    try:
        for chunk in stream:
            if chunk.finish_reason is not None:
                usage = chunk.usage
                yield _chunk(ident, model, {}, chunk.finish_reason)
            elif chunk.content or chunk.tool_calls:
                delta: dict[str, Any] = {}
                if chunk.content:
                    delta["content"] = chunk.content
                if chunk.tool_calls:
                    delta["tool_calls"] = list(chunk.tool_calls)
                yield _chunk(ident, model, delta, None)
    except ServiceError as exc:
        body = openai_error_body(exc)
        text = "\n" + body["error"]["message"]
        yield _chunk(ident, model, {"content": text}, "stop", error=body["error"])
    else:
        if include_usage:
            yield _sse(
                {
                    "id": ident,
                    "object": "chat.completion.chunk",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [],
                    "usage": _usage(usage),
                }
            )
    yield "data: [DONE]\n\n"


def _model_entry(name: str, gateway: Gateway) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": name, "object": "model", "created": 0, "owned_by": "jichitai-ai"}
    backend = gateway.config.backends.get(name)
    if backend is not None:
        entry["jichitai"] = backend.public()
    return entry


@router.get("/v1/models")
def list_models(
    gateway: Gateway = Depends(get_gateway),
    principal: Principal = Depends(require_principal),
) -> dict[str, Any]:
    """Backends by name (``auto`` lets the policy choose), with their attributes."""
    names = ["auto", *gateway.config.backends]
    return {"object": "list", "data": [_model_entry(n, gateway) for n in names]}


@router.get("/v1/models/{model_id}")
def get_model(
    model_id: str,
    gateway: Gateway = Depends(get_gateway),
    principal: Principal = Depends(require_principal),
) -> dict[str, Any]:
    """One model (OpenAI ``GET /v1/models/{id}``); 404 when no such backend."""
    if model_id not in AUTO_MODELS and model_id not in gateway.config.backends:
        raise NotFound("gateway.invalid.model_unknown", param="model", backend=model_id)
    return _model_entry(model_id, gateway)


def chat_request(
    body: Any, request: Request, gateway: Gateway, principal: Principal, tenant: TenantInfo
) -> tuple[ChatRequest, bool, bool]:
    """The gateway request for an OpenAI body (used by the API and by the preview)."""
    parsed = parse_chat_body(body)
    chat = gateway.chat_request(
        parsed,
        tenant.id,
        principal.username,
        data_class=request.headers.get(CLASS_HEADER) or None,
        review=request.headers.get(REVIEW_HEADER, "").lower() in ("1", "true", "yes"),
    )
    return chat, parsed.stream, parsed.include_usage


@router.post("/v1/chat/completions", response_model=None)
def chat_completions(
    request: Request,
    body: Any = Depends(_json_body),
    gateway: Gateway = Depends(get_gateway),
    principal: Principal = Depends(require_principal),
    tenant: TenantInfo = Depends(caller_tenant),
) -> JSONResponse | StreamingResponse:
    """OpenAI chat completions through the gateway (``stream`` true → server-sent events)."""
    stream_requested = isinstance(body, dict) and body.get("stream") is True
    try:
        chat, streaming, include_usage = chat_request(body, request, gateway, principal, tenant)
        if streaming:
            stream = gateway.stream(chat)
            ident = f"chatcmpl-jai-{int(time.time() * 1000)}"
            headers = {
                "X-Jichitai-Data-Class": stream.data_class,
                "X-Jichitai-Backend": stream.backend,
            }
            return StreamingResponse(
                _events(stream, ident, include_usage),
                media_type="text/event-stream",
                headers=headers,
            )
        result = gateway.complete(chat)
    except HeldForReview as exc:
        return _held_response(exc, stream_requested)
    except ServiceError as exc:
        return openai_error(exc)
    headers = {
        "X-Jichitai-Data-Class": result.data_class,
        "X-Jichitai-Backend": result.backend,
        "X-Jichitai-Audit-Id": str(result.audit_id),
    }
    payload = _completion(result.content, result.backend, result, f"chatcmpl-jai-{result.audit_id}")
    payload["jichitai"] = {
        "data_class": result.data_class,
        "audit_id": result.audit_id,
        "entities": result.entities,
    }
    return JSONResponse(payload, headers=headers)


# --- Dify moderation extension -----------------------------------------------------------
class DifyIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    point: str
    params: dict[str, Any] = Field(default_factory=dict)


@router.post("/v1/dify/moderation")
def dify_moderation(
    body: DifyIn,
    request: Request,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    """Dify "API-based extension": ``ping``, ``app.moderation.input`` and ``.output``."""
    if body.point == "ping":
        return {"result": "pong"}
    tenant = caller_tenant(request, principal, platform)
    data_class = request.headers.get(CLASS_HEADER) or None
    app_id = str(body.params.get("app_id") or "")
    if body.point == "app.moderation.input":
        inputs = body.params.get("inputs") or {}
        if not isinstance(inputs, dict):
            raise Invalid("gateway.invalid.field_type", param="inputs", expected="object")
        texts: dict[str, Any] = {f"input:{k}": v for k, v in inputs.items()}
        texts["query"] = str(body.params.get("query") or "")
        outcome = gateway.moderate(
            tenant.id,
            principal.username,
            texts,
            point=body.point,
            data_class=data_class,
            app_id=app_id,
        )
        return {
            "flagged": outcome.flagged,
            "action": outcome.action or "overridden",
            "preset_response": outcome.preset_response,
            "inputs": {k: outcome.texts.get(f"input:{k}", v) for k, v in inputs.items()},
            "query": outcome.texts.get("query", ""),
        }
    if body.point == "app.moderation.output":
        text = str(body.params.get("text") or "")
        outcome = gateway.moderate(
            tenant.id,
            principal.username,
            {"text": text},
            point=body.point,
            data_class=data_class,
            app_id=app_id,
        )
        return {
            "flagged": outcome.flagged,
            "action": outcome.action or "overridden",
            "preset_response": outcome.preset_response,
            "text": outcome.texts.get("text", text),
        }
    raise Invalid("error.validation")


# --- review queue ------------------------------------------------------------------------
def _check(platform: Platform, principal: Principal, tenant_id: int, action: Action) -> None:
    with platform.db.read() as session:
        if not principal.can(session, tenant_id, action):
            raise Forbidden("error.forbidden")


class ApproveIn(BaseModel):
    #: Per message, the complete list of masks ({start, end, type}); omitted = as detected.
    spans: list[list[dict[str, Any]]] | None = None


class RejectIn(BaseModel):
    note: str = Field(default="", max_length=500)


@staff_router.get("/backends")
def backends(
    gateway: Gateway = Depends(get_gateway), principal: Principal = Depends(require_principal)
) -> list[dict[str, Any]]:
    return [b.public() for b in gateway.config.backends.values()]


@staff_router.post("/tenants/{slug}/preview")
async def preview(
    slug: str,
    request: Request,
    backend: str | None = None,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    """What the gateway would send for this OpenAI body, sending and recording nothing
    (the same path as ``/v1/chat/completions``; ``jichitai-ai gateway preview``)."""
    body = await _json_body(request)
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, slug)
    _check(platform, principal, tenant.id, Action.READ)
    result: dict[str, Any] = await run_in_threadpool(
        gateway.preview_body, body, tenant.id, principal.username, backend=backend or None
    )
    return result


@staff_router.get("/tenants/{slug}/reviews")
def pending_reviews(
    slug: str,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> list[dict[str, Any]]:
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, slug)
    _check(platform, principal, tenant.id, Action.EDIT)
    return [r.as_dict() for r in gateway.pending_reviews(tenant.id)]


def _review_tenant(gateway: Gateway, review_id: str) -> int:
    return gateway.review_detail(review_id).summary.tenant_id


@staff_router.get("/reviews/{review_id}")
def review_detail(
    review_id: str,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    detail = gateway.review_detail(review_id)
    _check(platform, principal, detail.summary.tenant_id, Action.EDIT)
    return detail.as_dict()


@staff_router.post("/reviews/{review_id}/approve")
def approve_review(
    review_id: str,
    body: ApproveIn,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    _check(platform, principal, _review_tenant(gateway, review_id), Action.EDIT)
    return gateway.approve_review(review_id, principal.username, body.spans).as_dict()


@staff_router.post("/reviews/{review_id}/reject")
def reject_review(
    review_id: str,
    body: RejectIn,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    _check(platform, principal, _review_tenant(gateway, review_id), Action.EDIT)
    return gateway.reject_review(review_id, principal.username, body.note).as_dict()


@staff_router.get("/reviews/{review_id}/result")
def review_result(
    review_id: str,
    principal: Principal = Depends(require_principal),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    """The restored answer, for the user who made the request only."""
    result = gateway.review_result(review_id, principal.username)
    return {
        "content": result.content,
        "backend": result.backend,
        "data_class": result.data_class,
        "audit_id": result.audit_id,
        "entities": result.entities,
    }


@staff_router.get("/tenants/{slug}/audit/verify")
def verify_audit(
    slug: str,
    principal: Principal = Depends(require_principal),
    platform: Platform = Depends(get_platform),
    gateway: Gateway = Depends(get_gateway),
) -> dict[str, Any]:
    """Verify the deployment's audit chain (auditors of any tenant may ask)."""
    with platform.db.read() as session:
        tenant = tenant_service.get_tenant(session, slug)
    _check(platform, principal, tenant.id, Action.AUDIT)
    report = gateway.verify_audit()
    return {
        **report.as_dict(),
        "message": bilingual(
            "gateway.cli.verify_ok" if report.ok else "gateway.cli.verify_broken",
            checked=report.checked,
            head="",
            seq=report.first_broken,
            problem=report.problem,
        ),
    }
