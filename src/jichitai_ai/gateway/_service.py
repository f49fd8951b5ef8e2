"""The gateway service: every call to a generative model goes through :class:`Gateway`.

detect → classify → policy → (optional review) → mask → send → restore → audit.
The vault (placeholder → original) lives only in memory for the duration of a
direct request; see ``_reviews`` for held requests.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import httpx

from jichitai_ai import telemetry
from jichitai_ai.config import Settings
from jichitai_ai.services.errors import NotFound, ServiceError
from jichitai_ai.storage.db import Database

from . import _reviews
from ._audit import AuditLine, VerifyReport, append, recent, verify
from ._backends import ChatClient
from ._config import BackendSpec, GatewayConfig
from ._errors import BackendFailed, HeldForReview, PolicyRefused
from ._moderation import Moderation, moderate
from ._openai_body import AUTO_MODELS, ParsedBody, parse_chat_body
from ._prepare import Prepared, mask, prepare
from ._privacy import MaskingSession
from ._restore import StreamRestorer
from ._retention import RetentionStatus, retention_status, run_retention
from ._types import ChatChunk, ChatMessage, ChatRequest, ChatResult, Usage

if TYPE_CHECKING:
    from jichitai_ai.services.platform import Platform

_PLATFORM_ATTR = "_jichitai_gateway"


def _wire(messages: list[ChatMessage]) -> list[dict[str, Any]]:
    """Messages as the OpenAI API takes them (optional fields only when set)."""
    out: list[dict[str, Any]] = []
    for m in messages:
        item: dict[str, Any] = {"role": m.role, "content": m.content}
        if m.name:
            item["name"] = m.name
        if m.tool_calls:
            item["tool_calls"] = [dict(c) for c in m.tool_calls]
            if not m.content:
                item["content"] = None
        if m.tool_call_id:
            item["tool_call_id"] = m.tool_call_id
        out.append(item)
    return out


def restore_calls(
    vault: MaskingSession, calls: tuple[dict[str, Any], ...]
) -> tuple[dict[str, Any], ...]:
    """Tool calls with placeholders in their arguments restored (for the requester)."""
    out = []
    for call in calls:
        function = dict(call.get("function") or {})
        if isinstance(function.get("arguments"), str):
            function["arguments"] = vault.restore(function["arguments"])
        out.append({**call, "function": function} if function else dict(call))
    return tuple(out)


class Gateway:
    """Safe access to generative models for one deployment (thread-safe; share one)."""

    def __init__(
        self,
        db: Database,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        *,
        config: GatewayConfig | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.config = config or GatewayConfig.from_settings(settings)
        self.client = ChatClient(transport)

    @classmethod
    def from_platform(
        cls, platform: Platform, transport: httpx.BaseTransport | None = None
    ) -> Gateway:
        """The platform's gateway (created once per process unless a transport is given)."""
        if transport is not None:
            return cls(platform.db, platform.settings, transport)
        existing = getattr(platform, _PLATFORM_ATTR, None)
        if isinstance(existing, Gateway):
            return existing
        gateway = cls(platform.db, platform.settings)
        setattr(platform, _PLATFORM_ATTR, gateway)
        return gateway

    def close(self) -> None:
        self.client.close()

    # --- checks ------------------------------------------------------------------
    def _prepare(self, request: ChatRequest) -> Prepared:
        with self.db.read() as session:
            return prepare(session, self.config, request)

    def _refuse_or_hold(self, prepared: Prepared) -> BackendSpec:
        """Raise when the request may not be sent now; otherwise the backend to use."""
        decision = prepared.decision
        if decision.backend is None:
            with self.db.write() as session:
                audit_id = append(
                    session, prepared.audit("request", "refused", reason=decision.reason)
                )
            telemetry.event("gateway.refusal", reason=str(decision.reason))
            raise PolicyRefused(decision.reason, audit_id=audit_id, **decision.params)
        review_from = prepared.policy.review_from
        if prepared.request.review or (
            review_from is not None and decision.data_class.rank >= review_from.rank
        ):
            review_id, audit_id = _reviews.hold(self, prepared)
            raise HeldForReview(review_id, audit_id)
        return decision.backend

    def check(self, request: ChatRequest) -> Prepared:
        """Run detection and the policy without sending (raises like :meth:`complete`)."""
        prepared = self._prepare(request)
        self._refuse_or_hold(prepared)
        return prepared

    # --- sending -----------------------------------------------------------------
    def complete(self, request: ChatRequest) -> ChatResult:
        """Send one chat request through the policy; the answer is restored for ``request.user``."""
        prepared = self._prepare(request)
        backend = self._refuse_or_hold(prepared)
        return self.send(prepared, backend)

    def chat_request(
        self,
        parsed: ParsedBody,
        tenant: int | str,
        user: str,
        *,
        data_class: str | None = None,
        review: bool = False,
        backend: str | None = None,
        purpose: str = "openai.chat",
    ) -> ChatRequest:
        """The request for a parsed OpenAI body; ``backend`` overrides the body's model."""
        model = backend if backend is not None else parsed.model
        if model not in AUTO_MODELS and model not in self.config.backends:
            raise NotFound("gateway.invalid.model_unknown", param="model", backend=model)
        return ChatRequest(
            tenant_id=tenant,
            user=user,
            messages=parsed.messages,
            data_class=data_class,
            backend=None if model in AUTO_MODELS else model,
            purpose=purpose,
            options=parsed.options,
            review=review,
        )

    def preview_body(
        self, body: Any, tenant: int | str, user: str, *, backend: str | None = None
    ) -> dict[str, Any]:
        """:meth:`preview` for a raw OpenAI body (``gateway preview``, the console)."""
        try:
            parsed = parse_chat_body(body)
            request = self.chat_request(parsed, tenant, user, backend=backend, purpose="preview")
        except ServiceError as exc:
            return {
                "refused": True,
                "reason": exc.key,
                "data_class": None,
                "persons": 0,
                "sent": None,
                "masked": None,
            }
        return self.preview(request, stream=parsed.stream)

    def preview(self, request: ChatRequest, *, stream: bool = False) -> dict[str, Any]:
        """What :meth:`complete` would send, without sending or recording anything:
        ``{"refused", "reason", "data_class", "persons", "sent", "masked"}`` (``sent`` = the body
        as the backend would receive it, ``None`` when refused; ``masked`` = the messages after
        masking, also when no model may take them — so 情報政策課 can check the masking before
        any model is registered — and ``None`` when refused before masking, e.g. マイナンバー).
        Held-for-review requests show the body with ``reason`` ``gateway.review.held``."""
        try:
            prepared = self._prepare(request)
        except ServiceError as exc:
            return {
                "refused": True,
                "reason": exc.key,
                "data_class": None,
                "persons": 0,
                "sent": None,
                "masked": None,
            }
        decision = prepared.decision
        base = {
            "data_class": decision.data_class.value,
            "persons": prepared.assessment.persons,
        }
        masked = mask(prepared)
        wire = _wire(masked.messages)
        if decision.backend is None:
            return {
                "refused": True,
                "reason": decision.reason,
                **base,
                "sent": None,
                "masked": wire,
            }
        review_from = prepared.policy.review_from
        held = request.review or (
            review_from is not None and decision.data_class.rank >= review_from.rank
        )
        body = self.client.body(decision.backend, wire, masked.options, stream)
        reason = "gateway.review.held" if held else None
        return {"refused": False, "reason": reason, **base, "sent": body, "masked": wire}

    def send(
        self, prepared: Prepared, backend: BackendSpec, *, details: dict[str, Any] | None = None
    ) -> ChatResult:
        masked_request = mask(prepared)
        vault, masked, counts = masked_request.vault, masked_request.messages, masked_request.counts
        started = time.monotonic()
        try:
            answer = self.client.complete(backend, _wire(masked), masked_request.options)
        except BackendFailed as exc:
            self._audit_failure(prepared, counts, exc)
            raise
        with self.db.write() as session:
            audit_id = append(
                session,
                prepared.audit(
                    "request",
                    "sent",
                    entity_counts=counts,
                    prompt_tokens=answer.usage.prompt_tokens,
                    completion_tokens=answer.usage.completion_tokens,
                    details={
                        "model": answer.model,
                        "stream": False,
                        "latency_ms": int((time.monotonic() - started) * 1000),
                        **(details or {}),
                    },
                ),
            )
        return ChatResult(
            content=vault.restore(answer.content),
            masked_messages=masked,
            backend=backend.name,
            data_class=prepared.decision.data_class.value,
            audit_id=audit_id,
            entities=counts,
            model=answer.model,
            usage=answer.usage,
            finish_reason=answer.finish_reason,
            masked_content=answer.content,
            persons=prepared.assessment.persons,
            tool_calls=restore_calls(vault, answer.tool_calls),
        )

    def stream(self, request: ChatRequest) -> ChatStream:
        """Streaming variant. Checks run now (refusals raise here, before any chunk);
        iterate the returned stream for restored chunks; ``.result`` is set at the end."""
        prepared = self._prepare(request)
        backend = self._refuse_or_hold(prepared)
        return ChatStream(self, prepared, backend)

    def _audit_failure(
        self, prepared: Prepared, counts: dict[str, int], exc: BackendFailed
    ) -> None:
        with self.db.write() as session:
            append(
                session,
                prepared.audit("request", "failed", reason=exc.key, entity_counts=counts),
            )

    # --- reviews (delegated) ---------------------------------------------------------
    def pending_reviews(self, tenant_id: int) -> list[_reviews.ReviewSummary]:
        return _reviews.pending(self, tenant_id)

    def review_detail(
        self, review_id: str, tenant_ids: set[int] | None = None
    ) -> _reviews.ReviewDetail:
        return _reviews.detail(self, review_id, tenant_ids)

    def approve_review(
        self, review_id: str, reviewer: str, spans: list[list[dict[str, Any]]] | None = None
    ) -> _reviews.ReviewSummary:
        return _reviews.approve(self, review_id, reviewer, spans)

    def reject_review(
        self, review_id: str, reviewer: str, note: str = ""
    ) -> _reviews.ReviewSummary:
        return _reviews.reject(self, review_id, reviewer, note)

    def review_result(self, review_id: str, user: str) -> ChatResult:
        return _reviews.result(self, review_id, user)

    # --- moderation, audit, retention ------------------------------------------------
    def moderate(
        self,
        tenant_id: int,
        user: str,
        texts: dict[str, Any],
        *,
        point: str,
        data_class: str | None = None,
        app_id: str = "",
    ) -> Moderation:
        """Dify moderation: mask or refuse ``texts`` without sending anything anywhere."""
        return moderate(
            self, tenant_id, user, texts, point=point, data_class=data_class, app_id=app_id
        )

    def audit_log(self, tenant_ids: set[int], limit: int = 100) -> list[AuditLine]:
        """監査ログ for the console: the newest records of the tenants the reader may audit."""
        with self.db.read() as session:
            return recent(session, tenant_ids, limit)

    def verify_audit(self) -> VerifyReport:
        with self.db.read() as session:
            return verify(session, self.config.secret)

    def run_retention(self, *, now: datetime | None = None) -> dict[str, int]:
        return run_retention(self.db, self.config, now=now)

    def retention_status(
        self, tenant_ids: set[int], *, now: datetime | None = None
    ) -> RetentionStatus:
        """保存期間 for the console: periods, what the next run deletes, the last run."""
        with self.db.read() as session:
            return retention_status(session, self.config, tenant_ids, now=now)


class ChatStream:
    """An answer arriving in pieces; placeholders are restored even when split across pieces."""

    def __init__(self, gateway: Gateway, prepared: Prepared, backend: BackendSpec) -> None:
        self._gateway = gateway
        self._prepared = prepared
        self._backend = backend
        masked = mask(prepared)
        self._vault: MaskingSession = masked.vault
        self.masked_messages = masked.messages
        self.entities = masked.counts
        self._options = masked.options
        self.data_class = prepared.decision.data_class.value
        self.backend = backend.name
        self.result: ChatResult | None = None

    def __iter__(self) -> Iterator[ChatChunk]:
        restorer = StreamRestorer(self._vault)
        pieces: list[str] = []
        usage = Usage()
        finish = "stop"
        started = time.monotonic()
        client = self._gateway.client
        options = self._options
        call_restorers: dict[int, StreamRestorer] = {}
        completed = failed = False
        try:
            for delta in client.stream(self._backend, _wire(self.masked_messages), options):
                pieces.append(delta.content)
                if delta.usage is not None:
                    usage = delta.usage
                if delta.finish_reason:
                    finish = delta.finish_reason
                text = restorer.feed(delta.content)
                calls = tuple(self._restore_call(c, call_restorers) for c in delta.tool_calls)
                if text or calls:
                    yield ChatChunk(text, tool_calls=calls)
            tail = restorer.flush()
            if tail:
                yield ChatChunk(tail)
            for index, pending in sorted(call_restorers.items()):
                rest = pending.flush()
                if rest:
                    yield ChatChunk(
                        "", tool_calls=({"index": index, "function": {"arguments": rest}},)
                    )
            completed = True
        except BackendFailed as exc:
            failed = True
            self._gateway._audit_failure(self._prepared, self.entities, exc)
            raise
        finally:
            # Also when the caller stops early: whatever was sent is on the record.
            if self.result is None and not failed:
                self._record(pieces, usage, finish, started, completed)
        yield ChatChunk("", finish_reason=finish, usage=usage)

    def _restore_call(
        self, call: dict[str, Any], restorers: dict[int, StreamRestorer]
    ) -> dict[str, Any]:
        """A streamed tool-call piece; argument text is restored like content (per call)."""
        function = call.get("function")
        if not isinstance(function, dict) or not isinstance(function.get("arguments"), str):
            return call
        index = int(call.get("index") or 0)
        restorer = restorers.setdefault(index, StreamRestorer(self._vault))
        return {**call, "function": {**function, "arguments": restorer.feed(function["arguments"])}}

    def _record(
        self, pieces: list[str], usage: Usage, finish: str, started: float, completed: bool
    ) -> None:
        masked_answer = "".join(pieces)
        with self._gateway.db.write() as session:
            audit_id = append(
                session,
                self._prepared.audit(
                    "request",
                    "sent",
                    entity_counts=self.entities,
                    prompt_tokens=usage.prompt_tokens,
                    completion_tokens=usage.completion_tokens,
                    details={
                        "stream": True,
                        "completed": completed,
                        "latency_ms": int((time.monotonic() - started) * 1000),
                    },
                ),
            )
        self.result = ChatResult(
            content=self._vault.restore(masked_answer),
            masked_messages=self.masked_messages,
            backend=self.backend,
            data_class=self.data_class,
            audit_id=audit_id,
            entities=self.entities,
            model=self._backend.model,
            usage=usage,
            finish_reason=finish,
            masked_content=masked_answer,
            persons=self._prepared.assessment.persons,
        )
