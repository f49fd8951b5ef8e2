"""The gateway over HTTP.

``router``: an OpenAI-compatible API (``/v1/chat/completions``, ``/v1/models``) with
per-user API keys, so Dify, Open WebUI or scripts sit behind the gateway and inherit
its protection, plus Dify's moderation extension (``/v1/dify/moderation``).
``staff_router``: the review queue and the requester's view of reviewed answers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from jichitai_ai.gateway import (
    BackendFailed,
    ChatMessage,
    ChatRequest,
    ChatResult,
    ChatStream,
    Gateway,
    HeldForReview,
)
from jichitai_ai.i18n import bilingual
from jichitai_ai.services import tenants as tenant_service
from jichitai_ai.services.auth import Action, Principal
from jichitai_ai.services.errors import Forbidden, Invalid, ServiceError
from jichitai_ai.services.platform import Platform
from jichitai_ai.services.tenants import TenantInfo
from jichitai_ai.web.deps import get_platform, require_principal

router = APIRouter(tags=["gateway (OpenAI-compatible)"])
staff_router = APIRouter(prefix="/api/v1/gateway", tags=["gateway"])

TENANT_HEADER = "x-jichitai-tenant"
CLASS_HEADER = "x-jichitai-data-class"
REVIEW_HEADER = "x-jichitai-review"
AUTO_MODELS = frozenset({"", "auto", "jichitai-auto"})


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
class MessageIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: str
    content: str | list[dict[str, Any]] | None = None


class ChatIn(BaseModel):
    model_config = ConfigDict(extra="allow")

    model: str = ""
    messages: list[MessageIn] = Field(min_length=1)
    stream: bool = False


def _text(content: str | list[dict[str, Any]] | None) -> str:
    """Plain text of a message; image or audio parts cannot be checked, so they are refused."""
    if content is None or isinstance(content, str):
        return content or ""
    parts = []
    for part in content:
        if part.get("type") != "text":
            raise Invalid("gateway.invalid.content")
        parts.append(str(part.get("text", "")))
    return "\n".join(parts)


def openai_error(exc: ServiceError) -> JSONResponse:
    """OpenAI clients read ``error.message`` as a string; ja and en are both kept."""
    messages = exc.messages()
    body: dict[str, Any] = {
        "error": {
            "message": f"{messages['ja']}\n{messages['en']}",
            "messages": messages,
            "type": type(exc).__name__,
            "code": exc.key,
        }
    }
    audit_id = getattr(exc, "audit_id", None)
    if audit_id:
        body["error"]["audit_id"] = audit_id
    return JSONResponse(body, status_code=exc.status)


def _completion(content: str, model: str, result: ChatResult | None, ident: str) -> dict[str, Any]:
    usage = result.usage if result else None
    return {
        "id": ident,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": result.finish_reason if result else "stop",
            }
        ],
        "usage": {
            "prompt_tokens": usage.prompt_tokens if usage else 0,
            "completion_tokens": usage.completion_tokens if usage else 0,
            "total_tokens": usage.total_tokens if usage else 0,
        },
    }


def _sse(data: dict[str, Any]) -> str:
    return "data: " + json.dumps(data, ensure_ascii=False) + "\n\n"


def _chunk(ident: str, model: str, content: str | None, finish: str | None) -> str:
    delta = {"content": content} if content is not None else {}
    return _sse(
        {
            "id": ident,
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
    )


def _held_response(exc: HeldForReview, stream: bool) -> JSONResponse | StreamingResponse:
    messages = exc.messages()
    text = f"{messages['ja']}\n{messages['en']}"
    headers = {"X-Jichitai-Review-Id": exc.review_id, "X-Jichitai-Audit-Id": str(exc.audit_id)}
    ident = f"review-{exc.review_id}"
    if stream:
        body = _chunk(ident, "jichitai-review", text, None)
        body += _chunk(ident, "jichitai-review", None, "stop") + "data: [DONE]\n\n"
        return StreamingResponse(iter([body]), media_type="text/event-stream", headers=headers)
    return JSONResponse(_completion(text, "jichitai-review", None, ident), headers=headers)


def _events(stream: ChatStream, ident: str) -> Iterator[str]:
    try:
        for chunk in stream:
            if chunk.finish_reason is not None:
                yield _chunk(ident, stream.backend, None, chunk.finish_reason)
            elif chunk.content:
                yield _chunk(ident, stream.backend, chunk.content, None)
    except BackendFailed as exc:
        messages = exc.messages()
        yield _sse({"error": {"message": f"{messages['ja']}\n{messages['en']}", "code": exc.key}})
    yield "data: [DONE]\n\n"


@router.get("/v1/models")
def list_models(
    gateway: Gateway = Depends(get_gateway),
    principal: Principal = Depends(require_principal),
) -> dict[str, Any]:
    """Backends by name (``auto`` lets the policy choose), with their attributes."""
    data = [{"id": "auto", "object": "model", "created": 0, "owned_by": "jichitai-ai"}]
    for backend in gateway.config.backends.values():
        data.append(
            {
                "id": backend.name,
                "object": "model",
                "created": 0,
                "owned_by": "jichitai-ai",
                "jichitai": backend.public(),
            }
        )
    return {"object": "list", "data": data}


@router.post("/v1/chat/completions", response_model=None)
def chat_completions(
    body: ChatIn,
    request: Request,
    gateway: Gateway = Depends(get_gateway),
    principal: Principal = Depends(require_principal),
    tenant: TenantInfo = Depends(caller_tenant),
) -> JSONResponse | StreamingResponse:
    """OpenAI chat completions through the gateway (``stream`` true → server-sent events)."""
    try:
        messages = [ChatMessage(m.role, _text(m.content)) for m in body.messages]
        options = body.model_dump(exclude={"model", "messages", "stream"})
        chat = ChatRequest(
            tenant_id=tenant.id,
            user=principal.username,
            messages=messages,
            data_class=request.headers.get(CLASS_HEADER) or None,
            backend=None if body.model in AUTO_MODELS else body.model,
            purpose="openai.chat",
            options=options,
            review=request.headers.get(REVIEW_HEADER, "").lower() in ("1", "true", "yes"),
        )
        if body.stream:
            stream = gateway.stream(chat)
            ident = f"chatcmpl-jai-{int(time.time() * 1000)}"
            headers = {
                "X-Jichitai-Data-Class": stream.data_class,
                "X-Jichitai-Backend": stream.backend,
            }
            return StreamingResponse(
                _events(stream, ident), media_type="text/event-stream", headers=headers
            )
        result = gateway.complete(chat)
    except HeldForReview as exc:
        return _held_response(exc, body.stream)
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
    if body.point == "app.moderation.input":
        inputs = {k: v for k, v in (body.params.get("inputs") or {}).items()}
        texts = {f"input:{k}": v for k, v in inputs.items() if isinstance(v, str)}
        texts["query"] = str(body.params.get("query") or "")
        outcome = gateway.moderate(
            tenant.id, principal.username, texts, point=body.point, data_class=data_class
        )
        return {
            "flagged": outcome.flagged,
            "action": outcome.action or "overridden",
            "preset_response": outcome.preset_response,
            "inputs": {
                k: outcome.texts.get(f"input:{k}", v) if isinstance(v, str) else v
                for k, v in inputs.items()
            },
            "query": outcome.texts.get("query", ""),
        }
    if body.point == "app.moderation.output":
        text = str(body.params.get("text") or "")
        outcome = gateway.moderate(
            tenant.id, principal.username, {"text": text}, point=body.point, data_class=data_class
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
